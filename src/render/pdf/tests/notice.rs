//! The notice PDF: text, fonts, determinism, size, tables over pages, missing glyphs.

use super::*;
use crate::diag::Code;

#[test]
fn notice_pdf_gives_back_its_chinese_embeds_subsets_and_repeats_exactly() {
    let n = notice_from(NOTICE);
    let site = site();
    let ctx = ctx(&site, source_date(&n));
    let tt = timetable();
    let a = notice_pdf(&ctx, &n, &tt).expect("renders");
    let b = notice_pdf(&ctx, &n, &tt).expect("renders again");
    assert!(a == b, "two renders differ");
    assert!(a.len() < 1_000_000, "notice is {} bytes", a.len());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "notice.pdf", &a);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing (apt-get install poppler-utils)");
        return;
    };
    let text = squash(&text);
    for want in [
        "示例大学本科生院",
        "本科生院〔2025〕17号",
        "关于做好2026届毕业生图像信息采集工作的通知",
        "获取图像采集码",
        "学籍学历信息管理平台",
        "“学籍学历信息”",
        "露出眉毛与耳朵，不戴帽子",
        "汉语言文学2101",
        "穿单色有领衣服，避免复杂图案",
        "新华社湖南分社大学生图像采集中心",
        "0797-8393627",
        "第1页/共",
    ] {
        assert!(text.contains(want), "pdftotext lacks 「{want}」:\n{text}");
    }
    let fonts_out = tool("pdffonts", &[&path]).unwrap_or_default();
    let embedded: Vec<&str> = fonts_out.lines().skip(2).collect();
    assert_eq!(embedded.len(), 2, "{fonts_out}");
    for l in embedded {
        let name = l.split_whitespace().next().unwrap_or("");
        assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "not a subset: {l}");
        assert!(l.contains("yes yes"), "not embedded as subset: {l}");
    }
}

#[test]
fn a_character_the_font_lacks_is_an_error_pointing_at_it() {
    let text = NOTICE.replace("{ name: 教务处学籍科,", "{ name: 张䶮老师,");
    let n = notice_from(&text);
    let diags = missing_glyphs(fonts(), &n, &timetable());
    assert_eq!(diags.len(), 1, "{:?}", diags.iter().map(|d| &d.message).collect::<Vec<_>>());
    let d = &diags[0];
    assert_eq!(d.code, Code::GlyphMissing);
    assert!(d.message.contains('䶮'), "{}", d.message);
    let line = n.file.line_text(d.loc.line);
    assert_eq!(line.chars().nth(d.loc.col as usize - 1), Some('䶮'), "{line} col {}", d.loc.col);
    // Rendering refuses rather than printing a box.
    let site = site();
    let ctx = ctx(&site, 0);
    let err = notice_pdf(&ctx, &n, &timetable()).expect_err("must not print a box");
    assert!(err.to_string().contains('䶮'));
    assert!(missing_glyphs(fonts(), &notice_from(NOTICE), &timetable()).is_empty());

    // In the body, the location is the character itself.
    let text = NOTICE.replace("截图保存。", "截图发给王䶵。");
    let n = notice_from(&text);
    let diags = missing_glyphs(fonts(), &n, &timetable());
    assert_eq!(diags.len(), 1);
    let line = n.file.line_text(diags[0].loc.line);
    assert_eq!(line.chars().nth(diags[0].loc.col as usize - 1), Some('䶵'), "{line}");

    // A name only the timetable knows points at `timetable:`.
    let mut tt = timetable();
    tt.slots[0].classes[0].name = "㐀班".into();
    let diags = missing_glyphs(fonts(), &notice_from(NOTICE), &tt);
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.contains('㐀'));
}

#[test]
fn long_tables_repeat_their_header_and_headings_are_never_stranded() {
    let mut body = String::from("## 名单\n\n| 学院 | 班级 | 人数 |\n|---|---|---|\n");
    for i in 0..120 {
        body.push_str(&format!("| 第{i}学院 | 班级{i} | {i} |\n"));
    }
    let text = NOTICE.split("## 一、").next().unwrap_or("").to_string() + &body;
    let n = notice_from(&text);
    let site = site();
    let ctx = ctx(&site, 0);
    let pdf = notice_pdf(&ctx, &n, &timetable()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "long.pdf", &pdf);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing");
        return;
    };
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 3);
    let with_rows: Vec<&&str> = pages.iter().filter(|p| p.contains("班级1")).collect();
    assert!(with_rows.len() >= 2, "the table crosses pages");
    for p in with_rows {
        assert!(squash(p).contains("学院班级人数"), "header row missing on a page:\n{p}");
    }
    // No page ends with a heading: the last text line before the footer is not a heading.
    for p in &pages {
        let lines: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.len() >= 2 {
            let before_footer = lines[lines.len() - 2];
            assert!(!["名单", "采集时间安排", "着装要求", "联系方式"].contains(&before_footer), "stranded: {before_footer}");
        }
    }
    let last = pages.last().map(|p| squash(p)).unwrap_or_default();
    assert!(last.contains(&format!("第{}页/共{}页", pages.len(), pages.len())), "{last}");
}

/// The timetable is fitted to its text: a heading per day (the date once, never split), and
/// every class with its time and every college whole on one line.
#[test]
fn timetable_columns_fit_their_text() {
    use crate::schedule::instances::{build, Spec};
    let mut n = notice_from(NOTICE);
    n.capture = build(&Spec { classes: 99, ..Spec::realistic_day(7) });
    let (tt, _) = crate::schedule::timetable(&n);
    let tt = tt.expect("a timetable");
    let site = site();
    let pdf = notice_pdf(&ctx(&site, 0), &n, &tt).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "notice-99.pdf", &pdf);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing");
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.iter().filter(|l| l.trim() == "4月12日（周六）").count(), 1, "one date heading for the day");
    for s in &tt.slots {
        assert!(lines.iter().any(|l| l.contains(s.colleges.shown().as_str())), "{} not whole on a line", s.colleges.shown());
        for c in &s.classes {
            let item = format!("{} {}", c.name, crate::base::time::hhmm_floor(c.start));
            assert!(lines.iter().any(|l| l.contains(&item)), "「{item}」 is split");
        }
    }
    // Classes as running text: fewer rows than classes.
    let class_lines = lines.iter().filter(|l| l.contains(':') && l.matches('-').count() >= 3).count();
    let classes: usize = tt.slots.iter().map(|s| s.classes.len()).sum();
    assert!(class_lines * 3 < classes * 2, "{class_lines} lines for {classes} classes");
}

/// The notice is a document: language, title and subject, bookmarks for its sections, a link
/// to its web page over the QR code, black text as the black ink alone.
#[test]
fn notice_pdf_has_language_metadata_bookmarks_and_a_link() {
    let n = notice_from(NOTICE);
    let site = site();
    let pdf = notice_pdf(&ctx(&site, 0), &n, &timetable()).expect("renders");
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Lang(zh-CN)"));
    assert!(has(b"/Outlines") && has(b"/PageMode/UseOutlines"));
    assert!(has(b"/URI(https://jwc.example.edu.cn/tuxiang/2026/example/)"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "meta.pdf", &pdf);
    let Some(info) = tool("pdfinfo", &[&path]) else {
        eprintln!("skipped: pdfinfo missing");
        return;
    };
    assert!(info.contains("关于做好2026届毕业生图像信息采集工作的通知"), "{info}");
    assert!(info.contains("Subject:         示例大学本科生院"), "{info}");
    // Every bookmark title (UTF-16BE, hex) is a heading of the notice.
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let titles: Vec<String> = text
        .match_indices("/Title<FEFF")
        .filter_map(|(i, _)| {
            let hex = &text[i + 11..];
            let hex = &hex[..hex.find('>')?];
            let units: Vec<u16> = (0..hex.len() / 4).filter_map(|k| u16::from_str_radix(hex.get(k * 4..k * 4 + 4)?, 16).ok()).collect();
            Some(String::from_utf16_lossy(&units))
        })
        .collect();
    for want in ["一、获取图像采集码", "二、注意事项", "采集时间安排", "联系方式"] {
        assert!(titles.iter().any(|t| t == want), "no bookmark 「{want}」 in {titles:?}");
    }
}
