//! Characters the print font lacks, found before anything is printed: each one is an error that
//! names the character and points at where it is written.

use super::fonts::PrintFonts;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use crate::schedule::types::Timetable;
use crate::source::{At, Loc};

const CODE: Code = Code::GlyphMissing;

fn diagnostic(fonts: &PrintFonts, c: char, loc: &Loc, what: &str) -> Diagnostic {
    Diagnostic::error(
        CODE,
        loc,
        format!("{what}中的「{c}」(U+{:04X}) 不在打印字体中，PDF 里会缺字", c as u32),
    )
    .help(format!(
        "当前字体：{}。若这个字没有写错，请在 site.toml 中用 font 指定包含它的字体，如 /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc（apt-get install fonts-noto-cjk）",
        fonts.describe()
    ))
}

/// Where character number `index` (in chars) of a value written at `loc` stands: on the same
/// line when the value is written there as is (plain or quoted), else at the value's start.
fn char_loc(value: &str, loc: &Loc, c: char, index: usize) -> Loc {
    let line = loc.file.line_text(loc.line);
    let from = loc.col.saturating_sub(1) as usize;
    let rest: String = line.chars().skip(from).collect();
    let prefix: String = value.chars().take(index).collect();
    let skip = usize::from(rest.starts_with(['"', '\'']));
    if rest.chars().skip(skip).collect::<String>().starts_with(&format!("{prefix}{c}")) {
        let col = loc.col + (skip + index) as u32;
        return Loc::new(&loc.file, loc.line, col, 1);
    }
    loc.clone()
}

fn check_value(fonts: &PrintFonts, v: &At<String>, what: &str, out: &mut Vec<Diagnostic>, reported: &mut Vec<char>) {
    let mut seen = Vec::new();
    for (i, c) in v.value.chars().enumerate() {
        if !fonts.has_char(c) && !seen.contains(&c) {
            seen.push(c);
            if !reported.contains(&c) {
                reported.push(c);
            }
            out.push(diagnostic(fonts, c, &char_loc(&v.value, &v.loc, c, i), what));
        }
    }
}

/// Every character of the texts that will be printed that the font lacks, with where it stands.
/// Code `glyph-missing`.
pub fn missing_glyphs(fonts: &PrintFonts, notice: &Notice, tt: &Timetable) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let n = notice;
    let mut values: Vec<(&At<String>, &str)> = vec![(&n.title, "标题"), (&n.school, "学校名称"), (&n.audience, "采集对象")];
    values.extend(n.office.iter().map(|v| (v, "发文单位")));
    values.extend(n.doc_number.iter().map(|v| (v, "文号")));
    if let Some(f) = &n.fee {
        for v in [&f.method, &f.refund, &f.includes].into_iter().flatten() {
            values.push((v, "费用说明"));
        }
        values.extend(f.other.iter().map(|o| (&o.purpose, "费用说明")));
    }
    values.extend(n.capture.rooms.iter().map(|r| (&r.name, "教室名称")));
    for g in &n.capture.groups {
        values.push((&g.college, "学院名称"));
        values.extend(g.class.iter().map(|c| (c, "班级名称")));
    }
    for m in &n.makeup {
        values.extend(m.place.iter().map(|p| (p, "补拍地点")));
        values.extend(m.phone.iter().map(|p| (p, "补拍电话")));
        values.extend(m.note.iter().map(|p| (p, "补拍说明")));
    }
    values.extend(n.dress.iter().map(|d| (d, "着装要求")));
    values.extend(n.bring.iter().map(|d| (d, "携带物品")));
    for c in &n.contacts {
        values.push((&c.name, "联系人"));
        values.extend(c.phone.iter().map(|p| (p, "联系电话")));
        values.extend(c.email.iter().map(|p| (p, "电子邮箱")));
    }
    let mut reported = Vec::new();
    for (v, what) in values {
        check_value(fonts, v, what, &mut out, &mut reported);
    }

    // The body, character by character, pointing into the file.
    let mut seen = Vec::new();
    for (offset, c) in n.body.char_indices() {
        if !fonts.has_char(c) && !seen.contains(&c) {
            seen.push(c);
            reported.push(c);
            out.push(diagnostic(fonts, c, &n.body_loc(offset, c.len_utf8()), "正文"));
        }
    }

    // Timetable names normally come from the groups above; anything else points at `timetable:`.
    let mut extra = Vec::new();
    for s in &tt.slots {
        let names = s.colleges.iter().map(String::as_str).chain(s.classes.iter().map(|c| c.name.as_str()));
        for name in names {
            for c in fonts.missing_in(name) {
                if !reported.contains(&c) && !extra.contains(&c) {
                    extra.push(c);
                    out.push(diagnostic(fonts, c, &n.capture.timetable_loc, &format!("时间表「{name}」")));
                }
            }
        }
    }
    out
}
