//! Splitting a notice file into its YAML front matter and its Markdown body.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{Loc, SourceFile};
use std::sync::Arc;

pub struct Split<'a> {
    /// The front matter text, without the `---` lines.
    pub front: &'a str,
    /// The file line where the front matter text starts.
    pub front_line: u32,
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', '\n']).trim_end() == "---"
}

pub fn split(file: &Arc<SourceFile>) -> Result<Split<'_>, Diagnostic> {
    let text = file.text.as_str();
    if text.trim().is_empty() {
        return Err(Diagnostic::error(Code::EmptyNotice, &Loc::new(file, 1, 1, 1), "通知文件是空的")
            .help("以 --- 开头写前置信息（标题、日期、费用、采集安排），再以 --- 结束，下面写正文；可运行 tuxiang init 看示例"));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        let len = first.trim_end().chars().count() as u32;
        return Err(Diagnostic::error(Code::FrontMatterMissing, &Loc::new(file, 1, 1, len), "文件开头没有前置信息")
            .help("是否忘了在第一行写 --- ？前置信息（YAML）写在两行 --- 之间，正文写在后面"));
    }
    let mut offset = first.len();
    for l in lines {
        if is_fence(l) {
            let front = &text[first.len()..offset];
            let body_offset = offset + l.len();
            if front.trim().is_empty() {
                return Err(Diagnostic::error(Code::EmptyNotice, &Loc::new(file, 1, 1, 3), "前置信息是空的")
                    .help("在两行 --- 之间写 title、issued、fee、capture 等字段；可运行 tuxiang init 看示例"));
            }
            return Ok(Split { front, front_line: 2, body: &text[body_offset..], body_offset });
        }
        offset += l.len();
    }
    Err(Diagnostic::error(Code::FrontMatterUnclosed, &Loc::new(file, 1, 1, 3), "前置信息没有结束的 ---")
        .help("在前置信息最后一个字段之后另起一行写 ---，再写正文"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_reports_fences() {
        let f = SourceFile::new("a.md", "---\ntitle: x\n---\n正文\n");
        let s = split(&f).unwrap();
        assert_eq!(s.front, "title: x\n");
        assert_eq!(s.body, "正文\n");
        assert_eq!(&f.text[s.body_offset..], "正文\n");
        let f = SourceFile::new("a.md", "---\r\ntitle: x\r\n---\r\nbody");
        assert_eq!(split(&f).unwrap().body, "body");
        for (text, code) in [
            ("", "empty-notice"),
            ("  \n", "empty-notice"),
            ("title: x\n", "front-matter-missing"),
            ("---\ntitle: x\n", "front-matter-unclosed"),
            ("---\n---\n", "empty-notice"),
        ] {
            let f = SourceFile::new("a.md", text);
            assert_eq!(split(&f).err().map(|d| d.code.as_str()), Some(code), "{text:?}");
        }
    }
}
