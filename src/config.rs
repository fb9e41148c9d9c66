//! `site.toml`: the site's title, base URL, language and theme.

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
            Diagnostic::error("site-config", &loc, format!("site.toml 有误：{}", e.message()))
                .help("site.toml 需要 title 与 base_url（以 http:// 或 https:// 开头），可选 language（zh-CN 或 en）与 theme")
        })?;
        if !(cfg.base_url.starts_with("http://") || cfg.base_url.starts_with("https://")) {
            let (line, col) = find_key(&file.text, "base_url");
            return Err(Diagnostic::error(
                "site-config",
                &Loc::new(file, line, col, 8),
                format!("base_url「{}」不是绝对地址", cfg.base_url),
            )
            .help("写成完整地址，如 https://jwc.example.edu.cn/tuxiang ：二维码和日历链接都指向它"));
        }
        Ok(cfg)
    }
}

fn find_key(text: &str, key: &str) -> (u32, u32) {
    for (i, l) in text.lines().enumerate() {
        if l.trim_start().starts_with(key) {
            return (i as u32 + 1, (l.len() - l.trim_start().len()) as u32 + 1);
        }
    }
    (1, 1)
}
