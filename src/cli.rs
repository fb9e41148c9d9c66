//! The command line (clap derive).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "tuxiang", version, about = "毕业生图像信息采集通知：检查、排程、发布网站与打印件")]
pub struct Cli {
    /// 站点根目录（含 site.toml 与 content/）
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查所有通知（CI 用）：有错误时退出码为 1
    Check {
        /// 直接检查一份 Word、PDF 或文本通知（.docx/.pdf/.txt）：问题指向原文的行或段
        source: Option<PathBuf>,
        /// 输出格式
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// 有警告也算不通过
        #[arg(long)]
        deny_warnings: bool,
    },
    /// 检查后生成网站（有错误时不写任何文件）
    Build {
        /// 输出目录（默认 public/，相对于站点根目录）
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// 只生成这些输出（逗号分隔）：html,json,pdf,posters,sheets,ics（json 即各通知的 timetable.json）
        #[arg(long, value_delimiter = ',')]
        only: Vec<Output>,
        /// 海报用 A3 纸（默认 A4）
        #[arg(long)]
        a3: bool,
        /// 输出文件夹里有不是 tuxiang 生成的文件时也生成：这些文件会被移到旁边的「文件夹名.tuxiang-moved」，不会删除
        #[arg(long)]
        force: bool,
    },
    /// 本地预览网站：保存即重新生成并刷新浏览器，检查出错时网页上直接显示错误位置
    Serve {
        /// 端口（0 表示自动选一个空闲端口）
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// 监听地址（用 0.0.0.0 可让同一局域网的手机访问）
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
    },
    /// 把通知当前的时间表和要点冻结为新版本（写入 通知名.release.json）
    Release {
        /// 通知文件，如 content/2026/example.md
        notice: PathBuf,
        /// 自动排程（timetable: auto）不沿用上一版时间表，按重新排出的时间表发布
        #[arg(long)]
        fresh: bool,
    },
    /// 打印一份通知的时间表（排程器的结果）
    Schedule {
        /// 通知文件，如 content/2026/example.md
        notice: PathBuf,
        #[arg(long, value_enum, default_value_t = ScheduleFormat::Text)]
        format: ScheduleFormat,
        /// 发布过的通知：不沿用上一版时间表，显示重新排出的时间表（用 tuxiang release --fresh 发布它）
        #[arg(long)]
        fresh: bool,
    },
    /// 在文件夹里生成一个示例站点（已有文件时不覆盖）
    Init {
        /// 目标文件夹（不存在时新建；默认为 --root）
        dir: Option<PathBuf>,
        /// 覆盖已有的同名文件
        #[arg(long)]
        force: bool,
    },
    /// 把学校已有的通知（.docx、.pdf、.txt、.md）导入为草稿 content/名称.md，并列出读到的和缺少的内容
    Import {
        /// 原文文件
        source: PathBuf,
        /// 草稿的文件名（不含 .md；默认用原文的文件名）
        #[arg(long)]
        name: Option<String>,
        /// 草稿已存在时覆盖它
        #[arg(long)]
        force: bool,
        /// 报告格式
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },
    /// 打印通知前置信息的 JSON Schema（供编辑器提示字段）
    Schema,
    /// 解释一个诊断代码：什么时候报告、怎样改（如 tuxiang explain weekday-mismatch）；不写代码时列出全部
    Explain {
        /// 诊断代码，如 weekday-mismatch
        code: Option<String>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Github,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Human,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    Html,
    Json,
    Pdf,
    Posters,
    Sheets,
    Ics,
}

/// Parses the command line; a mistake in it is told in Chinese, as every other message is
/// (`--help` and `--version` print as clap writes them).
pub fn parse() -> Result<Cli, String> {
    Cli::try_parse().map_err(|e| match e.kind() {
        clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => e.exit(),
        _ => in_chinese(&e),
    })
}

/// A clap error as a registrar can act on it: what is wrong, and what to write instead.
fn in_chinese(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("」或「"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect::<Vec<_>>().join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let invalid = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let suggested = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue]
        .into_iter()
        .map(ctx)
        .find(|s| !s.is_empty());
    let mut msg = match e.kind() {
        ErrorKind::InvalidSubcommand => format!("没有「{}」这个命令", ctx(ContextKind::InvalidSubcommand)),
        ErrorKind::UnknownArgument => format!("不认识的参数「{invalid}」"),
        ErrorKind::InvalidValue => {
            let valid = ctx(ContextKind::ValidValue).replace("」或「", "、");
            if value.is_empty() {
                format!("参数 {invalid} 后面缺少值")
            } else if valid.is_empty() {
                format!("参数 {invalid} 的值「{value}」无效")
            } else {
                format!("参数 {invalid} 的值「{value}」无效，可以写：{valid}")
            }
        }
        ErrorKind::ValueValidation => format!("参数 {invalid} 的值「{value}」无效"),
        ErrorKind::MissingRequiredArgument => format!("缺少参数 {invalid}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "请写出要做什么，例如 tuxiang check、tuxiang build".to_string()
        }
        ErrorKind::ArgumentConflict => format!("参数 {invalid} 不能与 {} 一起用", ctx(ContextKind::PriorArg)),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("参数 {invalid} 的值个数不对")
        }
        ErrorKind::NoEquals => format!("参数 {invalid} 要写成 {invalid}=值"),
        ErrorKind::InvalidUtf8 => "命令行里有不是 UTF-8 的字符".to_string(),
        _ => format!("命令行有误：{}", e.to_string().lines().next().unwrap_or("").trim_start_matches("error: ")),
    };
    if let Some(s) = suggested {
        msg.push_str(&format!("\n  修改建议：是不是想写「{s}」？"));
    }
    msg.push_str("\n  全部命令和参数见 tuxiang --help（某个命令的参数见 tuxiang 命令 --help，如 tuxiang build --help）");
    msg
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_valid() {
        Cli::command().debug_assert();
    }
}
