use std::process::ExitCode;
mod cli;
mod cmd;

use cli::Command;

/// mimalloc: the site is many small strings (views, template values) built on two threads;
/// glibc malloc spent a fifth of a build in malloc/free, mimalloc about half that.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Worker threads: half again as many as cores (at least one more). A build blocks now and then
/// (a file the system must read back from disk, a folder another thread is adding to); with a
/// thread to spare, the cores keep working meanwhile. `RAYON_NUM_THREADS` still decides when set.
fn worker_threads() {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    // Fails only if a pool already exists, which then serves as it is.
    let _ = rayon::ThreadPoolBuilder::new().num_threads((cores + cores / 2).max(cores + 1)).build_global();
}

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("错误：{msg}");
            return ExitCode::from(cmd::CANNOT_RUN);
        }
    };
    worker_threads();
    let result = match &cli.command {
        Command::Check { source, format, deny_warnings } => cmd::check::run(&cli.root, source.as_deref(), *format, *deny_warnings),
        Command::Build { output, only, a3, force } => cmd::build::run(&cli.root, output.as_deref(), only, *a3, *force),
        Command::Release { notice, fresh } => cmd::release::run(&cli.root, notice, *fresh),
        Command::Schedule { notice, format, fresh } => cmd::schedule::run(&cli.root, notice, *format, *fresh),
        Command::Serve { port, bind } => cmd::serve::run(&cli.root, *bind, *port),
        Command::Init { dir, force } => cmd::init::run(dir.as_deref().unwrap_or(&cli.root), *force),
        Command::Import { source, name, force, format } => cmd::import::run(&cli.root, source, name.as_deref(), *force, *format),
        Command::Schema => cmd::schema::run(),
        Command::Explain { code } => cmd::explain::run(code.as_deref()),
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
