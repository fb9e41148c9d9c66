//! The theme: Tera templates and static files. The default theme is compiled into the binary;
//! a site's `themes/<name>/` overrides it file by file.

use anyhow::{Context, Result};
use std::path::Path;
use tera::Tera;

/// (name, contents) of the built-in templates.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    ("index.html", include_str!("../../themes/default/templates/index.html")),
    ("notice.html", include_str!("../../themes/default/templates/notice.html")),
    ("room.html", include_str!("../../themes/default/templates/room.html")),
    ("macros.html", include_str!("../../themes/default/templates/macros.html")),
];

/// (path under the output root, contents) of the built-in static files.
pub const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../themes/default/static/style.css")),
    ("finder.js", include_bytes!("../../themes/default/static/finder.js")),
];

pub struct Theme {
    pub tera: Tera,
    /// Static files to copy: (relative output path, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// The built-in theme, overridden by `root/themes/<name>/templates/*.html` and `static/*`.
    pub fn load(root: &Path, name: &str) -> Result<Theme> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
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
        tera.add_raw_templates(templates).map_err(|e| anyhow::anyhow!("主题模板有误：{}", tera_chain(&e)))?;
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
        Ok(Theme { tera, files })
    }
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

/// HTML escaping for text and attribute values: `& < > " '` (Tera's default also escapes `/`,
/// which makes every link harder to read for no gain).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
