//! Sign-in sheets: numbered blank rows per student, one sheet per class.

use super::*;

#[test]
fn sign_in_sheets_have_a_numbered_row_per_student_and_no_names() {
    let n = notice_from(NOTICE);
    let site = site();
    let ctx = ctx(&site, source_date(&n));
    let tt = timetable();
    let pdf = college_sheets(&ctx, &n, &tt, "文学院").expect("sheets render");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "sheets.pdf", &pdf);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing (apt-get install poppler-utils)");
        return;
    };
    // 57 rows then 45 rows: two sheets, each with its own header and page count.
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    let joined = squash(&text);
    for want in ["序号", "学号", "姓名", "签名", "拍摄号", "汉语言文学2101", "汉语言文学2102", "第九教学楼103室", "57人"]
    {
        assert!(joined.contains(want), "sheets lack 「{want}」");
    }
    let numbers: Vec<u32> = pages
        .iter()
        .flat_map(|p| p.lines())
        .filter_map(|l| l.split_whitespace().next()?.parse::<u32>().ok())
        .filter(|v| *v <= 57)
        .collect();
    assert_eq!(numbers.iter().filter(|v| **v == 57).count(), 1, "row 57 appears once");
    assert_eq!(numbers.iter().filter(|v| **v == 45).count(), 2, "row 45 in both sheets");
    assert!(!numbers.contains(&58));
    assert!(pages.len() >= 3, "57 rows need two pages: {}", pages.len());
    // Every page is one class's alone, with its column header and whose it is; rows are shared
    // out evenly, so no page carries a stub of two or three rows.
    for p in &pages {
        let t = squash(p);
        assert!(t.contains("序号") && t.contains("签名"), "a page without its header:\n{p}");
        assert!(t.contains("汉语言文学2101") != t.contains("汉语言文学2102"), "one class a page:\n{p}");
        let rows = p.lines().filter(|l| l.split_whitespace().next().is_some_and(|w| w.parse::<u32>().is_ok_and(|v| v <= 57))).count();
        assert!(rows >= 10, "a page of {rows} rows:\n{p}");
    }
    assert!(college_sheets(&ctx, &n, &tt, "不存在学院").is_err());
}

#[test]
fn mixed_college_slots_give_each_college_its_own_headcount() {
    // A hand-made slot for two colleges without classes: each college gets a sheet, with the
    // headcount of its own group (or blank rows when it has none).
    let n = notice_from(NOTICE);
    let mut tt = timetable();
    tt.slots[1].colleges = crate::schedule::types::Colleges(vec!["研究生院".into(), "文学院".into()]);
    tt.slots[1].headcount = Some(999);
    let site = site();
    let ctx = ctx(&site, 0);
    let pdf = college_sheets(&ctx, &n, &tt, "研究生院").expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "mixed.pdf", &pdf);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing");
        return;
    };
    let text = squash(&text);
    assert!(text.contains("410人") && !text.contains("999"), "{text}");
    assert!(text.contains("全院（未分班）"));
    let lit = college_sheets(&ctx, &n, &tt, "文学院").expect("renders");
    assert!(lit.len() > 1000);
}
