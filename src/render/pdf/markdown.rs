//! The notice body (Markdown) as print blocks: headings, paragraphs, lists, tables, bold.

use super::layout::{Block, Table, BODY};
use super::wrap::Span;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

struct State {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    bold: u32,
    /// Open lists: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker of the current item until its first text is flushed.
    marker: Option<String>,
    quote: u32,
    table: Option<Table>,
    row: Vec<Vec<Span>>,
    in_head: bool,
    link: Option<String>,
}

impl State {
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let bold = self.bold > 0;
        match self.spans.last_mut() {
            Some(s) if s.bold == bold => s.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_string(), bold, keep: false }),
        }
    }

    fn last_char(&self) -> Option<char> {
        self.spans.last().and_then(|s| s.text.chars().last())
    }

    /// Ends the current paragraph-like run of text.
    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        let spans: Vec<Span> = spans.into_iter().filter(|s| !s.text.trim().is_empty() || s.text.is_empty()).collect();
        if spans.iter().all(|s| s.text.trim().is_empty()) {
            return;
        }
        let depth = self.lists.len().saturating_sub(1) as u8;
        if let Some(marker) = self.marker.take() {
            self.blocks.push(Block::Item { marker, spans, depth });
        } else if !self.lists.is_empty() {
            // A later paragraph of a list item: indented under the item's text.
            let indent = BODY * 2.0 * f32::from(depth + 1);
            self.blocks.push(Block::Para { spans, indent });
        } else {
            let indent = BODY * 2.0 * self.quote as f32;
            self.blocks.push(Block::Para { spans, indent });
        }
    }
}

/// Parses the Markdown body into blocks. Raw HTML is dropped (it has no print form); links
/// print their text and, when it differs, their address: an attachment's (`附件1.pdf`) as it is
/// published beside the page of the notice `slug` under `base_url`, since paper has no page to be
/// relative to.
pub(crate) fn blocks(body: &str, base_url: &str, slug: &str) -> Vec<Block> {
    let mut st = State {
        blocks: Vec::new(),
        spans: Vec::new(),
        bold: 0,
        lists: Vec::new(),
        marker: None,
        quote: 0,
        table: None,
        row: Vec::new(),
        in_head: false,
        link: None,
    };
    for ev in Parser::new_ext(body, crate::render::body::MARKDOWN) {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } | Tag::Paragraph | Tag::CodeBlock(_) if st.table.is_none() && st.marker.is_none() => {
                    st.flush();
                }
                Tag::BlockQuote(_) => {
                    st.flush();
                    st.quote += 1;
                }
                Tag::List(start) => {
                    st.flush();
                    st.lists.push(start);
                }
                Tag::Item => {
                    st.flush();
                    let marker = match st.lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{n}.");
                            *n += 1;
                            m
                        }
                        _ => if st.lists.len() > 1 { "◦" } else { "•" }.to_string(),
                    };
                    st.marker = Some(marker);
                }
                Tag::Table(_) => {
                    st.flush();
                    st.table = Some(Table { header: Vec::new(), rows: Vec::new(), fractions: None, size: BODY * 0.95 });
                }
                Tag::TableHead => st.in_head = true,
                Tag::TableRow => st.row.clear(),
                Tag::TableCell => st.spans.clear(),
                Tag::Strong => st.bold += 1,
                Tag::Link { dest_url, .. } => st.link = Some(dest_url.to_string()),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(level) => {
                    let spans = std::mem::take(&mut st.spans);
                    let level = match level {
                        pulldown_cmark::HeadingLevel::H1 => 1,
                        pulldown_cmark::HeadingLevel::H2 => 2,
                        _ => 3,
                    };
                    let spans = spans.into_iter().map(|s| Span { bold: true, ..s }).collect();
                    st.blocks.push(Block::Heading { level, spans });
                }
                TagEnd::Paragraph | TagEnd::CodeBlock if st.table.is_none() => st.flush(),
                TagEnd::BlockQuote(_) => {
                    st.flush();
                    st.quote = st.quote.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    st.flush();
                    st.lists.pop();
                }
                TagEnd::Item => st.flush(),
                TagEnd::TableCell => {
                    let cell = std::mem::take(&mut st.spans);
                    st.row.push(cell);
                }
                TagEnd::TableHead => {
                    // The head's cells come without a row of their own.
                    if let Some(t) = st.table.as_mut() {
                        t.header = std::mem::take(&mut st.row);
                    }
                    st.in_head = false;
                }
                TagEnd::TableRow => {
                    let row = std::mem::take(&mut st.row);
                    if let Some(t) = st.table.as_mut() {
                        if st.in_head {
                            t.header = row;
                        } else {
                            t.rows.push(row);
                        }
                    }
                }
                TagEnd::Table => {
                    if let Some(t) = st.table.take() {
                        st.blocks.push(Block::Table(t));
                    }
                }
                TagEnd::Strong => st.bold = st.bold.saturating_sub(1),
                TagEnd::Link => {
                    if let Some(mut url) = st.link.take() {
                        if let Some(file) = crate::check::attach::output_of(slug, &url) {
                            url = crate::render::paths::absolute_file(base_url, &file);
                        }
                        let text: String = st.spans.iter().map(|s| s.text.as_str()).collect();
                        if !url.is_empty() && !text.ends_with(url.as_str()) && !url.starts_with('#') {
                            st.push_text(&format!("（{url}）"));
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                let t = t.replace('\n', " ");
                st.push_text(&t);
            }
            // Chinese lines join without a space; Latin words need one.
            Event::SoftBreak if st.last_char().is_some_and(|c| c.is_ascii_alphanumeric()) => st.push_text(" "),
            Event::HardBreak if st.table.is_none() => st.flush(),
            Event::Rule => {
                st.flush();
                st.blocks.push(Block::Rule);
            }
            Event::TaskListMarker(done) => st.push_text(if done { "☑ " } else { "☐ " }),
            _ => {}
        }
    }
    st.flush();
    st.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn headings_paragraphs_lists_tables_and_bold() {
        let md = "## 一、采集码\n\n请登录**学信网**获取\n采集码。\n\n1. 第一步\n2. 第二步\n\n- 甲\n  - 乙\n\n| 学院 | 人数 |\n|---|---|\n| 文学院 | 57 |\n| 理学院 | 60 |\n";
        let b = blocks(md, "https://x.edu.cn", "2026/a");
        assert!(matches!(&b[0], Block::Heading { level: 2, spans } if text(spans) == "一、采集码"));
        match &b[1] {
            Block::Para { spans, .. } => {
                assert_eq!(text(spans), "请登录学信网获取采集码。");
                assert!(spans.iter().any(|s| s.bold && s.text == "学信网"));
            }
            other => panic!("expected a paragraph, got {other:?}"),
        }
        assert!(matches!(&b[2], Block::Item { marker, depth: 0, .. } if marker == "1."));
        assert!(matches!(&b[3], Block::Item { marker, .. } if marker == "2."));
        assert!(matches!(&b[4], Block::Item { marker, depth: 0, .. } if marker == "•"));
        assert!(matches!(&b[5], Block::Item { depth: 1, .. }));
        match &b[6] {
            Block::Table(t) => {
                assert_eq!(t.header.iter().map(|c| text(c)).collect::<Vec<_>>(), vec!["学院", "人数"]);
                assert_eq!(t.rows.len(), 2);
                assert_eq!(text(&t.rows[1][0]), "理学院");
            }
            other => panic!("expected a table, got {other:?}"),
        }
    }

    #[test]
    fn links_print_their_address() {
        let para = |md: &str| match &blocks(md, "https://x.edu.cn/", "2026/hnust")[0] {
            Block::Para { spans, .. } => text(spans),
            other => panic!("{other:?}"),
        };
        assert_eq!(para("登录[学信网](https://www.chsi.com.cn)查询"), "登录学信网（https://www.chsi.com.cn）查询");
        // An attachment: where it is published, not the path beside the source.
        assert_eq!(para("见[附件1](附件1：采集流程.pdf)。"), "见附件1（https://x.edu.cn/2026/hnust/附件1：采集流程.pdf）。");
        assert_eq!(para("见[样表](../shared/%E6%A0%B7%E8%A1%A8.xlsx)"), "见样表（https://x.edu.cn/2026/shared/样表.xlsx）");
        assert_eq!(para("[本页](#tt)"), "本页");
    }
}
