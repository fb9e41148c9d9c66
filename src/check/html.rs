//! Raw HTML in a notice body: what the sanitiser will remove is reported to the author.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use pulldown_cmark::{Event, Options, Parser};

const DANGEROUS: &[&str] =
    &["<script", "<iframe", "<object", "<embed", "<style", "<form", "<link", "<meta", "javascript:", "vbscript:", "data:", " on"];

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    for (ev, range) in Parser::new_ext(&n.body, Options::ENABLE_TABLES).into_offset_iter() {
        let (Event::Html(h) | Event::InlineHtml(h)) = ev else { continue };
        let lower = h.to_lowercase();
        let hit = DANGEROUS.iter().find(|d| {
            if **d == " on" {
                lower.split(|c: char| c.is_whitespace() || c == '/').skip(1).any(|w| w.starts_with("on") && w.contains('='))
            } else {
                lower.contains(*d)
            }
        });
        if let Some(what) = hit {
            out.push(
                Diagnostic::warning(
                    Code::HtmlRemoved,
                    &n.body_loc(range.start, range.len().min(h.len()).max(1)),
                    format!("正文里的 HTML 含有不安全的内容（{}），发布时会被删除", what.trim()),
                )
                .help("正文请用 Markdown 书写；脚本、事件属性、iframe 和 javascript:/data: 链接都不会发布"),
            );
        }
    }
}
