use clap::Parser;
use std::process::ExitCode;
use tuxiang::cli::{Cli, Command};
use tuxiang::cmd;

/// mimalloc: the site is many small strings (views, template values) built on two threads;
/// glibc malloc spent a fifth of a build in malloc/free, mimalloc about half that.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Check { format, deny_warnings } => cmd::check::run(&cli.root, *format, *deny_warnings),
        Command::Build { output, only, a3 } => cmd::build::run(&cli.root, output.as_deref(), only, *a3),
        Command::Release { notice } => cmd::release::run(&cli.root, notice),
        Command::Schedule { notice, format } => cmd::schedule::run(&cli.root, notice, *format),
        Command::Serve { port, bind } => cmd::serve::run(&cli.root, *bind, *port),
        Command::Init { dir, force } => cmd::init::run(dir.as_deref().unwrap_or(&cli.root), *force),
        Command::Schema => cmd::schema::run(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("错误：{e}");
            for cause in e.chain().skip(1) {
                eprintln!("  原因：{cause}");
            }
            ExitCode::from(cmd::CANNOT_RUN)
        }
    }
}
