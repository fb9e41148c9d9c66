//! A YAML tree that remembers where every key and value stands in the file.
//!
//! serde_yaml is archived upstream and reports only the first error with block-relative lines;
//! the checks need a file line and column for *every* value, and all errors of a file at once.
//! So the front matter is read with yaml-rust2's event parser into this small spanned tree, and
//! `parse.rs` turns the tree into the typed model, collecting diagnostics as it goes.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{Loc, SourceFile};
use std::sync::Arc;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Nesting deeper than this is refused (a notice needs four levels).
pub const MAX_DEPTH: usize = 32;
/// More nodes than this are refused (a notice with a 2,000-class inline roster has ~10,000).
pub const MAX_NODES: usize = 1_000_000;

#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub loc: Loc,
    /// For a mapping's value: where its key stands.
    pub key_loc: Option<Loc>,
}

#[derive(Debug, Clone)]
pub enum Value {
    /// `~`, `null`, or nothing after the colon.
    Null,
    /// Any scalar, as written (after YAML unquoting). `plain` is false for quoted scalars.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "空值",
            Value::Scalar { .. } => "单个值",
            Value::Seq(_) => "列表",
            Value::Map(_) => "键值表",
        }
    }

    pub fn as_scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// Parses `text` (the front matter, which starts at line `first_line` of `file`) into a tree.
/// `Ok(None)` for an empty document.
pub fn parse(file: &Arc<SourceFile>, text: &str, first_line: u32) -> Result<Option<Node>, Diagnostic> {
    let mut b = Builder { file: file.clone(), first_line, stack: Vec::new(), root: None, error: None, nodes: 0 };
    let mut parser = Parser::new_from_str(text);
    if let Err(e) = parser.load(&mut b, false) {
        let m = e.marker();
        let loc = b.loc(m, 1);
        if e.info().contains("recursion limit") {
            return Err(Diagnostic::error(Code::TooDeep, &loc, format!("嵌套层数过多（{}）", e.info()))
                .help("通知的前置信息最多需要四层缩进，请检查括号和缩进"));
        }
        return Err(Diagnostic::error(Code::YamlSyntax, &loc, format!("YAML 格式错误：{}", translate(e.info())))
            .help("检查这一行及上一行的缩进、冒号后的空格和引号是否成对；含冒号或 # 的文字请用引号括起来"));
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    Ok(b.root)
}

fn translate(info: &str) -> String {
    let zh = if info.contains("mapping values are not allowed") {
        "这里不能再出现「键: 值」（常见原因：冒号后缺空格、缩进不对，或值里含「: 」却没加引号）"
    } else if info.contains("did not find expected key") {
        "没有找到应有的键（常见原因：缩进不齐）"
    } else if info.contains("did not find expected '-'") {
        "列表项缺少「- 」或缩进不齐"
    } else if info.contains("found character that cannot start any token") {
        "出现了不能作为开头的字符（如制表符 Tab：请改用空格缩进）"
    } else if info.contains("unclosed quoted scalar") || info.contains("end of stream") {
        "引号没有闭合"
    } else if info.contains("expected ',' or ']'") {
        "方括号 [ ] 里的列表没有闭合，或缺少逗号"
    } else if info.contains("expected ',' or '}'") {
        "花括号 { } 没有闭合，或缺少逗号"
    } else if info.contains("invalid indentation in quoted scalar") {
        "引号里的文字跨了行而缩进不对（常见原因：引号没有闭合）"
    } else if info.contains("could not find expected ':'") || info.contains("simple key expect") {
        "缺少冒号「:」，或冒号后缺空格"
    } else if info.contains("unknown escape character") {
        "双引号里的反斜杠 \\ 后面不是可转义的字符（路径请改用单引号，或写成 /）"
    } else if info.contains("did not find expected node content") {
        "这里缺少值"
    } else if info.contains("block sequence entries are not allowed") {
        "这里不能开始列表「- 」（常见原因：缩进不对，或列表写在了同一行的值后面）"
    } else if info.contains("found a tab character") || info.contains("tab") && info.contains("indent") {
        "缩进里有制表符 Tab：请改用空格缩进"
    } else if info.contains("found undefined alias") || info.contains("unknown anchor") {
        "用了未定义的别名「*…」（若是文字，请加引号）"
    } else {
        ""
    };
    if zh.is_empty() {
        info.to_string()
    } else {
        format!("{zh}（{info}）")
    }
}

enum Partial {
    Seq(Loc, Vec<Node>),
    Map(Loc, Vec<(Node, Node)>, Option<Node>),
}

struct Builder {
    file: Arc<SourceFile>,
    first_line: u32,
    stack: Vec<Partial>,
    root: Option<Node>,
    error: Option<Diagnostic>,
    nodes: usize,
}

impl Builder {
    fn loc(&self, m: &Marker, len: usize) -> Loc {
        Loc::new(&self.file, m.line() as u32 + self.first_line - 1, m.col() as u32 + 1, len as u32)
    }

    /// Where the tag of the node at `m` stands: the events mark the node itself, so the tag is
    /// the word before it (on its line or, for a block collection, ending the line above).
    fn tag_loc(&self, m: &Marker) -> Loc {
        let mut line = m.line() as u32 + self.first_line - 1;
        let mut before: String = self.file.line_text(line).chars().take(m.col()).collect();
        if before.trim().is_empty() && line > self.first_line {
            line -= 1;
            before = self.file.line_text(line).to_string();
        }
        let trimmed = before.trim_end();
        let word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        if !word.starts_with('!') {
            return self.loc(m, 1);
        }
        let col = trimmed.chars().count() - word.chars().count() + 1;
        Loc::new(&self.file, line, col as u32, word.chars().count() as u32)
    }

    fn fail(&mut self, d: Diagnostic) {
        if self.error.is_none() {
            self.error = Some(d);
        }
    }

    fn push_node(&mut self, node: Node) {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            let loc = node.loc.clone();
            self.fail(
                Diagnostic::error(Code::TooLarge, &loc, format!("前置信息过大：超过 {MAX_NODES} 个值"))
                    .help("把名单移到 CSV 文件里，用 groups: 文件路径 引用"),
            );
            return;
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Partial::Seq(_, items)) => items.push(node),
            Some(Partial::Map(_, entries, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    let mut node = node;
                    node.key_loc = Some(k.loc.clone());
                    entries.push((k, node))
                }
            },
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        // A tag (`!!binary`, `!!str`, `!custom`) would change what a value means, and the reader
        // below knows none: refused, never silently ignored.
        if let Event::Scalar(_, _, _, Some(tag)) | Event::SequenceStart(_, Some(tag)) | Event::MappingStart(_, Some(tag)) = &ev {
            let written = written_tag(tag);
            let loc = self.tag_loc(&mark);
            self.fail(
                Diagnostic::error(Code::YamlTag, &loc, format!("通知里不支持 YAML 标签「{written}」"))
                    .help(format!("删掉「{written}」，直接写值；要让数字或日期按文字保留，就用引号括起来")),
            );
            return;
        }
        match ev {
            Event::Scalar(text, style, _, _) => {
                let plain = style == TScalarStyle::Plain;
                let quoted = matches!(style, TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted);
                let len = text.chars().count() + if quoted { 2 } else { 0 };
                let loc = self.loc(&mark, len);
                let value = if plain && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL") {
                    Value::Null
                } else {
                    Value::Scalar { text, plain }
                };
                self.push_node(Node { value, loc, key_loc: None });
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    let loc = self.loc(&mark, 1);
                    self.fail(
                        Diagnostic::error(Code::TooDeep, &loc, format!("嵌套超过 {MAX_DEPTH} 层"))
                            .help("通知的前置信息最多需要四层缩进，请检查缩进"),
                    );
                    return;
                }
                let loc = self.loc(&mark, 1);
                self.stack.push(if matches!(ev, Event::SequenceStart(..)) {
                    Partial::Seq(loc, Vec::new())
                } else {
                    Partial::Map(loc, Vec::new(), None)
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Partial::Seq(loc, items)) => Node { value: Value::Seq(items), loc, key_loc: None },
                    Some(Partial::Map(loc, entries, _)) => Node { value: Value::Map(entries), loc, key_loc: None },
                    None => return,
                };
                self.push_node(node);
            }
            Event::Alias(_) => {
                let loc = self.loc(&mark, 1);
                self.fail(Diagnostic::error(Code::YamlAlias, &loc, "通知里不支持 YAML 别名（*名称）").help("把要重复的内容直接写出来"));
            }
            Event::DocumentStart if self.root.is_some() => {
                let loc = self.loc(&mark, 3);
                self.fail(Diagnostic::error(Code::YamlSyntax, &loc, "前置信息里只能有一个 YAML 文档"));
            }
            _ => {}
        }
    }
}

/// A tag as the author most likely wrote it: `!!binary` for the YAML types, `!custom` for a local one.
fn written_tag(tag: &Tag) -> String {
    match tag.handle.as_str() {
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        handle => format!("{handle}{}", tag.suffix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Node {
        let f = SourceFile::new("t.md", format!("---\n{text}---\n"));
        parse(&f, text, 2).expect("parses").expect("not empty")
    }

    #[test]
    fn locations_are_file_lines_and_char_columns() {
        let n = tree("title: 通知\nfee:\n  amount: 15\n  payer: \"college\"\n");
        let Value::Map(entries) = &n.value else { panic!("map") };
        assert_eq!((entries[0].1.loc.line, entries[0].1.loc.col), (2, 8));
        let Value::Map(fee) = &entries[1].1.value else { panic!("map") };
        assert_eq!((fee[0].0.loc.line, fee[0].0.loc.col), (4, 3));
        assert_eq!((fee[0].1.loc.line, fee[0].1.loc.col), (4, 11));
        assert_eq!((fee[1].1.loc.line, fee[1].1.loc.col, fee[1].1.loc.len), (5, 10, 9));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let n = tree("- {学院: 文学院, 人数: 57}\n");
        let Value::Seq(items) = &n.value else { panic!("seq") };
        let Value::Map(m) = &items[0].value else { panic!("map") };
        assert_eq!(m[1].1.loc.col, 17);
    }

    #[test]
    fn syntax_errors_point_at_file_lines() {
        let f = SourceFile::new("t.md", "---\ntitle: a\n  b: c: d\n---\n");
        let e = parse(&f, "title: a\n  b: c: d\n", 2).unwrap_err();
        assert_eq!(e.code, Code::YamlSyntax);
        assert_eq!(e.loc.line, 3);
    }

    #[test]
    fn common_syntax_errors_are_explained_in_chinese() {
        for (text, zh) in [
            ("title: \"关于\nschool: x\n", "引号"),
            ("title\nschool: x\n", "「键: 值」"),
            ("school: x\ntitle\n", "缺少冒号"),
            ("title: *x\n", "别名"),
            ("a: [1, 2\n", "方括号"),
            ("a:\n\t- 1\n", "Tab"),
        ] {
            let f = SourceFile::new("t.md", format!("---\n{text}---\n"));
            let e = parse(&f, text, 2).expect_err(text);
            assert!(e.message.contains(zh), "{text:?}: {}", e.message);
        }
    }

    #[test]
    fn tags_are_refused_at_their_line_and_column() {
        for (text, tag, line, col) in [
            ("title: !!binary aGVsbG8=\n", "!!binary", 2, 8),
            ("a: 1\nschool: !custom 示例大学\n", "!custom", 3, 9),
            ("fee:\n  amount: !!float 15\n", "!!float", 3, 11),
            ("a: !!str 15\n", "!!str", 2, 4),
            ("a: ! 15\n", "!", 2, 4),
            ("a: !<tag:example.com,2025:x> 15\n", "tag:example.com,2025:x", 2, 4),
            ("dress: !!seq\n  - a\n", "!!seq", 2, 8),
            ("fee: !!map {amount: 15}\n", "!!map", 2, 6),
            ("- !x [1]\n", "!x", 2, 3),
            ("%TAG !e! tag:example.com,2025:\n---\na: !e!x 1\n", "tag:example.com,2025:x", 4, 4),
        ] {
            let f = SourceFile::new("t.md", format!("---\n{text}---\n"));
            let e = parse(&f, text, 2).expect_err(text);
            assert_eq!((e.code, e.loc.line, e.loc.col), (Code::YamlTag, line, col), "{text}");
            assert!(e.message.contains(tag), "{text}: {}", e.message);
            assert!(e.help.as_deref().is_some_and(|h| h.contains("引号")), "{text}");
        }
        // An exclamation mark inside a value is text.
        tree("title: \"!!binary 通知\"\nnote: 注意!\nx: 'a !b'\n");
    }

    #[test]
    fn aliases_and_deep_nesting_are_refused() {
        let f = SourceFile::new("t.md", "");
        let e = parse(&f, "a: &x [1]\nb: *x\n", 2).unwrap_err();
        assert_eq!(e.code, Code::YamlAlias);
        let deep = "[".repeat(100) + &"]".repeat(100);
        let e = parse(&f, &deep, 2).unwrap_err();
        assert_eq!(e.code, Code::TooDeep);
    }
}
