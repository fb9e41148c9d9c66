//! `site.toml`: the site's title, base URL, language and theme.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{Loc, SourceFile};
use serde::Deserialize;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, serde::Serialize)]
pub enum Language {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Language {
    pub fn tag(self) -> &'static str {
        match self {
            Language::ZhCn => "zh-CN",
            Language::En => "en",
        }
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    pub base_url: String,
    #[serde(default)]
    pub language: Language,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Optional path (relative to the site root) of a fuller CJK font for rare characters.
    #[serde(default)]
    pub font: Option<String>,
}

fn default_theme() -> String {
    "default".into()
}

impl SiteConfig {
    /// Parses `site.toml`; errors point at the line in the file.
    pub fn parse(file: &Arc<SourceFile>) -> Result<SiteConfig, Diagnostic> {
        let cfg: SiteConfig = toml::from_str(&file.text).map_err(|e| {
            let (line, col) = e.span().map(|s| file.line_col(s.start)).unwrap_or((1, 1));
            let loc = Loc::new(file, line, col, 1);
            Diagnostic::error(Code::SiteConfig, &loc, format!("site.toml 有误：{}", e.message()))
                .help("site.toml 需要 title 与 base_url（以 http:// 或 https:// 开头），可选 language（zh-CN 或 en）与 theme")
        })?;
        if let Err(why) = check_base_url(&cfg.base_url) {
            let (line, col) = base_url_at(&file.text).map(|at| file.line_col(at)).unwrap_or((1, 1));
            return Err(Diagnostic::error(Code::SiteConfig, &Loc::new(file, line, col, 8), why).help(
                "写成一行完整地址，如 https://jwc.example.edu.cn/tuxiang ：二维码和日历链接都指向它；地址里不能有空格、换行或控制字符",
            ));
        }
        Ok(cfg)
    }
}

/// A warning when `base_url` is still a placeholder (an `example` domain, or this machine): the
/// site builds, but every QR code and calendar link would point there. Only `build` shows it, as
/// the example sites and a preview rightly use such an address.
pub fn placeholder_warning(file: &Arc<SourceFile>, cfg: &SiteConfig) -> Option<Diagnostic> {
    let authority = cfg.base_url.split_once("://")?.1.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let example = host.split('.').any(|label| label == "example" || label == "example-school") || host.ends_with(".test");
    let local = host == "localhost" || host.starts_with("127.") || host == "0.0.0.0";
    if !example && !local {
        return None;
    }
    let (line, col) = base_url_at(&file.text).map(|at| file.line_col(at)).unwrap_or((1, 1));
    let what = if local { "本机地址" } else { "示例地址" };
    Some(
        Diagnostic::warning(
            Code::BaseUrlPlaceholder,
            &Loc::new(file, line, col, cfg.base_url.chars().count() as u32 + 2),
            format!("base_url「{}」还是{what}", cfg.base_url),
        )
        .help("二维码和日历链接都指向 base_url：改成网站真正发布的地址（例如 https://jwc.学校域名.edu.cn/tuxiang）再生成"),
    )
}

/// Whether `base_url` can stand in a page link, a QR code and a calendar's `URL:` line: an
/// absolute http(s) address with a host, without whitespace, control characters (a CR or LF
/// would end the calendar's content line and start a forged one) or characters a URL never has.
fn check_base_url(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return Err(format!("base_url「{url}」不是绝对地址（应以 http:// 或 https:// 开头）"));
    };
    if let Some((i, c)) = url.chars().enumerate().find(|(_, c)| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(*c)) {
        let what = match c {
            '\r' => "回车符（\\r）".to_string(),
            '\n' => "换行符（\\n）".to_string(),
            '\t' => "制表符（\\t）".to_string(),
            ' ' | '\u{3000}' => "空格".to_string(),
            c if c.is_whitespace() || c.is_control() => format!("控制字符 U+{:04X}", u32::from(c)),
            c => format!("字符「{c}」"),
        };
        return Err(format!("base_url 的第 {} 个字符是{what}：网址里不能有空格、换行、控制字符或 \" < > \\ ^ ` {{ | }}", i + 1));
    }
    if rest.split(['/', '?', '#']).next().unwrap_or("").is_empty() {
        return Err(format!("base_url「{url}」没有写域名"));
    }
    Ok(())
}

/// Byte offset of the `base_url` value in `site.toml`.
fn base_url_at(text: &str) -> Option<usize> {
    #[derive(Deserialize)]
    struct At {
        base_url: toml::Spanned<String>,
    }
    toml::from_str::<At>(text).ok().map(|at| at.base_url.span().start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(base_url_line: &str) -> Result<SiteConfig, Diagnostic> {
        SiteConfig::parse(&SourceFile::new("site.toml", format!("title = \"采集\"\n{base_url_line}\nlanguage = \"zh-CN\"\n")))
    }

    #[test]
    fn a_placeholder_base_url_is_named() {
        let warn = |line: &str| {
            let file = SourceFile::new("site.toml", format!("title = \"采集\"\n{line}\n"));
            let cfg = SiteConfig::parse(&file).expect("parses");
            placeholder_warning(&file, &cfg).map(|d| (d.code, d.loc.line))
        };
        for line in [
            r#"base_url = "https://jwc.example.edu.cn/tuxiang""#,
            r#"base_url = "https://example.com""#,
            r#"base_url = "http://localhost:8000""#,
            r#"base_url = "http://user@127.0.0.1:8000/x""#,
        ] {
            assert_eq!(warn(line), Some((Code::BaseUrlPlaceholder, 2)), "{line}");
        }
        for line in [r#"base_url = "https://jwc.hnust.edu.cn/tuxiang""#, r#"base_url = "https://examples-school.cn""#] {
            assert_eq!(warn(line), None, "{line}");
        }
    }

    #[test]
    fn base_url_is_an_absolute_http_address_on_one_line() {
        for ok in [
            r#"base_url = "https://jwc.example.edu.cn/tuxiang""#,
            r#"base_url = "http://localhost:8000""#,
            r#"base_url = "https://jwc.example.edu.cn/图像采集/""#,
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for (bad, says) in [
            (r#"base_url = "https://jwc.example.edu.cn/x\r\nBEGIN:VEVENT""#, "回车符"),
            (r#"base_url = "https://jwc.example.edu.cn/x\nEND:VCALENDAR""#, "换行符"),
            (r#"base_url = "https://jwc.example.edu.cn/a b""#, "空格"),
            (r#"base_url = "https://jwc.example.edu.cn/\t""#, "制表符"),
            (r#"base_url = "https://jwc.example.edu.cn/\u0000""#, "U+0000"),
            (r#"base_url = "https://jwc.example.edu.cn/\u007f""#, "U+007F"),
            (r#"base_url = "https://jwc.example.edu.cn/\u2028""#, "U+2028"),
            (r#"base_url = "https://jwc.example.edu.cn/\"onload=\"x""#, "字符「\"」"),
            (r#"base_url = "https://jwc.example.edu.cn/<x>""#, "字符「<」"),
            (r#"base_url = "https:///tuxiang""#, "没有写域名"),
            (r#"base_url = "https://""#, "没有写域名"),
            (r#"base_url = "jwc.example.edu.cn""#, "不是绝对地址"),
            (r#"base_url = "javascript:alert(1)""#, "不是绝对地址"),
        ] {
            let d = parse(bad).expect_err(bad);
            assert_eq!((d.code, d.loc.line, d.loc.col), (Code::SiteConfig, 2, 12), "{bad}");
            assert!(d.message.contains(says), "{bad}: {}", d.message);
            assert!(d.help.as_deref().is_some_and(|h| h.contains("https://")), "{bad}");
        }
    }
}
