//! The theme: Tera templates and static files. The default theme is compiled into the binary;
//! a site's `themes/<name>/` overrides it file by file.

use super::i18n::{intern, labels, Labels, ThemeToml};
use crate::config::SiteConfig;
use anyhow::{Context, Result};
use serde::Serialize;
use std::path::Path;
use tera::Tera;

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    lang: &'a str,
    base_url: &'a str,
}

/// The timetable's column heads, for the `slot_table` component (smaller than all of `t`).
#[derive(Serialize)]
struct Cols<'a> {
    date: &'a str,
    time: &'a str,
    room: &'a str,
    group: &'a str,
    headcount: &'a str,
}

/// (name, contents) of the built-in templates.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    ("index.html", include_str!("../../themes/default/templates/index.html")),
    ("notice.html", include_str!("../../themes/default/templates/notice.html")),
    ("room.html", include_str!("../../themes/default/templates/room.html")),
    ("components.html", include_str!("../../themes/default/templates/components.html")),
];

/// (path under the output root, contents) of the built-in static files.
pub const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../themes/default/static/style.css")),
    ("finder.js", include_bytes!("../../themes/default/static/finder.js")),
    ("door.js", include_bytes!("../../themes/default/static/door.js")),
    ("favicon.svg", include_bytes!("../../themes/default/static/favicon.svg")),
];

/// The template that renders one room's blocks on one day ([`super::view::RoomDay`]) through the
/// theme's `slot_table`; always the built-in one.
pub const ROOM_DAY_TABLE: &str = "tuxiang/room-day-table.html";

pub struct Theme {
    pub tera: Tera,
    /// The labels in the site's language: built in, then the site theme's `theme.toml`.
    pub labels: Labels,
    /// Static files to copy: (relative output path, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// The built-in theme, overridden by `root/themes/<name>/templates/*.html` and `static/*`.
    /// What every page shares (`site`, the labels `t`, the timetable's column heads `cols`) is set
    /// once here, as Tera's global context.
    pub fn load(root: &Path, config: &SiteConfig) -> Result<Theme> {
        let name = &config.theme;
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.set_escape_fn(escape_html_to);
        let dir = root.join("themes").join(name);
        let mut templates: Vec<(String, String)> = TEMPLATES.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        let tdir = dir.join("templates");
        if tdir.is_dir() {
            for e in walkdir::WalkDir::new(&tdir).sort_by_file_name().into_iter().filter_map(Result::ok) {
                if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html") {
                    let rel = crate::notice::display_path(e.path().strip_prefix(&tdir).unwrap_or(e.path()));
                    let text = std::fs::read_to_string(e.path()).with_context(|| format!("无法读取模板 {}", e.path().display()))?;
                    templates.retain(|(n, _)| *n != rel);
                    templates.push((rel, text));
                }
            }
        }
        templates.push((ROOM_DAY_TABLE.into(), "{{<slot_table slots={slots} show_room={false} to_notice={to_notice} />}}".into()));
        tera.add_raw_templates(templates).map_err(|e| {
            let chain = tera_chain(&e);
            let hint = if chain.contains(ROOM_DAY_TABLE) {
                "\n帮助：tuxiang 用主题的 slot_table 组件生成每间教室每天的时间表，templates/components.html 里要保留它（可从默认主题复制）"
            } else {
                ""
            };
            anyhow::anyhow!("主题模板有误：{chain}{hint}")
        })?;
        let t = theme_labels(&dir, config)?;
        let g = tera.global_context();
        g.insert("site", &SiteView { title: &config.title, lang: config.language.tag(), base_url: &config.base_url });
        g.insert(
            "cols",
            &Cols { date: t["col_date"], time: t["col_time"], room: t["col_room"], group: t["col_group"], headcount: t["col_headcount"] },
        );
        g.insert("t", &t);
        let mut files: Vec<(String, Vec<u8>)> = STATIC.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
        let sdir = dir.join("static");
        if sdir.is_dir() {
            for e in walkdir::WalkDir::new(&sdir).sort_by_file_name().into_iter().filter_map(Result::ok) {
                if e.file_type().is_file() {
                    let rel = crate::notice::display_path(e.path().strip_prefix(&sdir).unwrap_or(e.path()));
                    let bytes = std::fs::read(e.path()).with_context(|| format!("无法读取 {}", e.path().display()))?;
                    files.retain(|(n, _)| *n != rel);
                    files.push((rel, bytes));
                }
            }
        }
        Ok(Theme { tera, files, labels: t })
    }
}

/// The built-in labels overridden by `dir/theme.toml`'s `[labels.<language>]`; a key the theme
/// does not have is refused (a typo would otherwise leave the old wording in place silently).
fn theme_labels(dir: &Path, config: &SiteConfig) -> Result<Labels> {
    let mut t = labels(config.language);
    let path = dir.join("theme.toml");
    if !path.is_file() {
        return Ok(t);
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("无法读取 {}", path.display()))?;
    let theme: ThemeToml = toml::from_str(&text).map_err(|e| anyhow::anyhow!("{} 有误：{e}", path.display()))?;
    for (lang, map) in &theme.labels {
        if lang != "zh-CN" && lang != "en" {
            anyhow::bail!("{} 里的 [labels.{lang}] 不是支持的语言：只能写 [labels.zh-CN] 或 [labels.en]", path.display());
        }
        for key in map.keys() {
            if !t.contains_key(key.as_str()) {
                anyhow::bail!("{} 里的标签「{key}」不存在：可以改的标签见内置主题的 theme.toml 和 docs/development.md", path.display());
            }
        }
    }
    for (key, text) in theme.labels.get(config.language.tag()).into_iter().flatten() {
        if let Some((k, _)) = t.get_key_value(key.as_str()) {
            let k: &'static str = k;
            t.insert(k, intern(text));
        }
    }
    Ok(t)
}

/// Tera's error with its causes, on one line.
pub fn tera_chain(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        s.push('：');
        s.push_str(&c.to_string());
        src = c.source();
    }
    s
}

/// HTML escaping for text and attribute values, as the templates get it: `& < > " '` (not `/`,
/// which would make every link harder to read). Writes runs between special bytes in one go: Tera's
/// built-in escaper writes Chinese text a byte at a time.
pub fn escape_html_to(s: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[from..i])?;
        out.write_all(entity)?;
        from = i + 1;
    }
    out.write_all(&bytes[from..])
}

/// [`escape_html_to`] into a new string.
pub fn escape_html(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    // Writing into a Vec cannot fail, and only whole UTF-8 sequences or ASCII entities are written.
    let _ = escape_html_to(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The escaping, one character at a time.
    fn reference(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                '"' => "&quot;".to_string(),
                '\'' => "&#39;".to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn escapes_text() {
        for s in ["", "<", "第一教学楼103室", "<0123456789abcdef0123456789abcdef>", "湖南科技大学学院&\"'"] {
            assert_eq!(escape_html(s), reference(s), "{s}");
        }
    }

    proptest! {
        #[test]
        fn escapes_like_one_character_at_a_time(s in "[a-z湖南<>&\"' ]{0,70}") {
            prop_assert_eq!(escape_html(&s), reference(&s));
        }
    }
}
