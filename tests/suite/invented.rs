//! Nothing invented: every sentence an output states comes from a field of the notice. A notice
//! without the fields renders none of the statements below in any page, PDF, poster, sign-in
//! sheet or calendar; the same notice with the fields renders each of them.

use super::harness::run;
use std::path::Path;

/// The generated statements (a fragment each, compared with all whitespace removed) and the
/// field each needs. `None`: no field makes it (tuxiang never says it; only a body could).
const STATEMENTS: &[(&str, Option<&str>)] = &[
    // Arrival advice and computed arrival times.
    ("分钟到达", Some("capture.arrive_early_minutes")),
    ("前到场", Some("capture.arrive_early_minutes")),
    ("前到达", Some("capture.arrive_early_minutes")),
    ("提前10分钟", Some("capture.arrive_early_minutes")),
    // Ordering of students: no field says it.
    ("按学号", None),
    ("学号顺序", None),
    // What to bring.
    ("身份证", Some("bring")),
    ("请带", Some("bring")),
    // The 学信网 采集码 and its lead time.
    ("采集码", Some("code")),
    ("天登录学信网", Some("code.lead_days")),
    ("至少提前", Some("code.lead_days")),
    // Camera stations.
    ("个机位", Some("capture.rooms[].stations")),
    ("号机位", Some("capture.rooms[].stations")),
    // Proofreading, and its "about N days".
    ("校对", Some("proofreading")),
    ("40天", Some("proofreading.after_days")),
    // Makeup, and 另行通知 for one without dates.
    ("补拍", Some("makeup")),
    ("另行通知", Some("makeup[] without from/until")),
    // Money: a notice that names no fee prints none (not even 免费).
    ("费用", Some("fee")),
    ("25元", Some("fee")),
    ("3月15日", Some("fee.deadline")),
    // Issue date and office.
    ("发布", Some("issued")),
    ("招生就业处", Some("office")),
];

const SITE: &str = "title = \"毕业生图像信息采集\"\nbase_url = \"https://jwc.example.edu.cn/tuxiang\"\n";

/// A notice whose body says none of the statements; `with` adds the fields.
fn notice(with: bool) -> String {
    let mut s =
        String::from("---\ntitle: 关于2026届毕业生图像信息采集的通知\nschool: 示例大学\ncohort: 2026\naudience: 2026届全体本科毕业生\n");
    if with {
        s.push_str("office: 招生就业处\nissued: 2026-03-02\n");
        s.push_str("fee:\n  amount: 25\n  payer: student\n  method: 校园统一支付平台\n  deadline: 2026-03-15\n");
        s.push_str("code:\n  lead_days: 3\n");
        s.push_str("proofreading:\n  after_days: 40\n");
        s.push_str("makeup:\n  - place: 学校图像采集中心\n");
        s.push_str("bring:\n  - 身份证\n");
    }
    s.push_str("capture:\n  seconds_per_student: 20\n");
    if with {
        s.push_str("  arrive_early_minutes: 10\n");
    }
    s.push_str("  days:\n    - date: 2026-03-20\n      sessions: [\"08:00-11:30\"]\n  rooms:\n    - id: a-101\n      name: 行政楼101室\n");
    if with {
        s.push_str("      stations: 2\n");
    }
    s.push_str(
        "  groups:\n    - { college: 文学院, class: 汉语言2201, headcount: 40 }\n    - { college: 文学院, class: 汉语言2202, headcount: 38 }\n\
         \x20   - { college: 理学院, headcount: 60 }\n  timetable:\n",
    );
    if with {
        s.push_str("    - { date: 2026-03-20, start: \"08:00\", end: \"09:00\", room: a-101, station: 1, groups: [文学院] }\n");
        s.push_str("    - { date: 2026-03-20, start: \"08:00\", end: \"09:00\", room: a-101, station: 2, groups: [理学院] }\n");
    } else {
        s.push_str("    - { date: 2026-03-20, start: \"08:00\", end: \"09:00\", room: a-101, groups: [文学院] }\n");
        s.push_str("    - { date: 2026-03-20, start: \"09:00\", end: \"10:00\", room: a-101, groups: [理学院] }\n");
    }
    s.push_str("---\n\n各学院按时间表组织学生参加采集。\n");
    s
}

/// A site with the notice (`with` its fields) and, when given, its theme's `theme.toml`.
fn site(with: bool, theme_toml: Option<&str>) -> tempfile::TempDir {
    site_of(&notice(with), theme_toml)
}

/// A site with `text` as its one notice.
fn site_of(text: &str, theme_toml: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("content")).expect("mkdir");
    let mut config = SITE.to_string();
    if let Some(t) = theme_toml {
        config.push_str("theme = \"school\"\n");
        std::fs::create_dir_all(dir.path().join("themes/school")).expect("mkdir");
        std::fs::write(dir.path().join("themes/school/theme.toml"), t).expect("theme.toml");
    }
    std::fs::write(dir.path().join("site.toml"), config).expect("site.toml");
    std::fs::write(dir.path().join("content/notice.md"), text).expect("notice");
    dir
}

/// Every text a build writes, by file: HTML without its tags, PDFs through pdftotext, calendars
/// unfolded; all whitespace removed (layout breaks lines anywhere).
fn outputs(with: bool) -> Vec<(String, String)> {
    outputs_of(&notice(with))
}

/// Every text a build of `text` writes, as [`outputs`].
fn outputs_of(text: &str) -> Vec<(String, String)> {
    let dir = site_of(text, None);
    let o = run(dir.path(), &["build"]);
    assert!(o.status.success(), "build failed: {}", String::from_utf8_lossy(&o.stderr));
    let public = dir.path().join("public");
    let mut out = Vec::new();
    let mut pdfs = 0;
    for e in walkdir::WalkDir::new(&public).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
        let p = e.path();
        let rel = p.strip_prefix(&public).unwrap_or(p).display().to_string();
        let text = match p.extension().and_then(|x| x.to_str()) {
            Some("html") => strip_tags(&std::fs::read_to_string(p).expect("html")),
            Some("ics") => std::fs::read_to_string(p).expect("ics").replace("\r\n ", "").replace("\\n", "\n"),
            Some("pdf") => {
                pdfs += 1;
                match pdf_text(p) {
                    Some(t) => t,
                    None => continue,
                }
            }
            _ => continue,
        };
        out.push((rel, text.chars().filter(|c| !c.is_whitespace()).collect()));
    }
    assert!(pdfs >= 3, "the build wrote the notice PDF, a poster and sign-in sheets");
    assert!(out.iter().any(|(f, _)| f.ends_with(".ics")), "the build wrote calendars");
    out
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The PDF's text, or `None` when pdftotext is not installed.
fn pdf_text(p: &Path) -> Option<String> {
    let o = std::process::Command::new("pdftotext").arg(p).arg("-").output().ok()?;
    o.status.success().then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn without_its_field_no_output_states_a_statement() {
    let got = outputs(false);
    let mut found = Vec::new();
    for (fragment, field) in STATEMENTS {
        for (file, text) in &got {
            if text.contains(fragment) {
                found.push(format!("「{fragment}」 in {file} (needs {})", field.unwrap_or("a body that says it")));
            }
        }
    }
    assert!(found.is_empty(), "statements nobody wrote:\n{}", found.join("\n"));
}

#[test]
fn with_its_field_each_statement_is_shown() {
    let got = outputs(true);
    let mut missing = Vec::new();
    for (fragment, field) in STATEMENTS {
        let shown: Vec<&str> = got.iter().filter(|(_, t)| t.contains(fragment)).map(|(f, _)| f.as_str()).collect();
        match field {
            Some(f) if shown.is_empty() => missing.push(format!("「{fragment}」 ({f}) appears nowhere")),
            None if !shown.is_empty() => missing.push(format!("「{fragment}」 appears in {shown:?} with no field saying it")),
            _ => {}
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // Arrival advice reaches every medium a student reads.
    let pdf = got.iter().filter(|(f, _)| f.ends_with(".pdf")).any(|(_, t)| t.contains("分钟到达"));
    let ics = got.iter().filter(|(f, _)| f.ends_with(".ics")).any(|(_, t)| t.contains("前到达"));
    let html = got.iter().filter(|(f, _)| f.ends_with(".html")).any(|(_, t)| t.contains("前到场"));
    assert!(pdf && ics && html, "arrival advice: pdf {pdf}, ics {ics}, html {html}");
}

#[test]
fn a_school_words_a_statement_in_its_theme_and_it_still_needs_its_field() {
    let toml = "[labels.zh-CN]\ntimetable_hint_early = \"请务必提前{n}分钟到场候拍。\"\n";
    let page = |with: bool| {
        let dir = site(with, Some(toml));
        let o = run(dir.path(), &["build"]);
        assert!(o.status.success(), "build failed: {}", String::from_utf8_lossy(&o.stderr));
        std::fs::read_to_string(dir.path().join("public/notice/index.html")).expect("page")
    };
    assert!(page(true).contains("请务必提前10分钟到场候拍。"), "the theme's wording with the field");
    assert!(!page(false).contains("候拍"), "no field, no sentence, whatever the theme says");
    // A label the theme does not have is refused, naming it.
    let dir = site(true, Some("[labels.zh-CN]\ntimetable_hint_erly = \"x\"\n"));
    let o = run(dir.path(), &["build"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("timetable_hint_erly"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_makeup_the_notice_denies_is_stated_in_its_words_and_nothing_is_announced() {
    let text =
        notice(true).replace("makeup:\n  - place: 学校图像采集中心\n", "makeup:\n  - offered: false\n    note: 过期不再安排统一补拍\n");
    assert!(text.contains("offered: false"));
    let got = outputs_of(&text);
    let page = got.iter().find(|(f, _)| f == "notice/index.html").map(|(_, t)| t.as_str()).unwrap_or_default();
    assert!(page.contains("过期不再安排统一补拍"), "the page states the notice's words: {page}");
    // (PDFs are read when pdftotext is installed, as .ci/run does.)
    if got.iter().any(|(f, _)| f.ends_with(".pdf")) {
        let pdf = got.iter().filter(|(f, _)| f.ends_with(".pdf")).any(|(_, t)| t.contains("过期不再安排统一补拍"));
        assert!(pdf, "the PDF notice states it too");
    }
    for (file, t) in &got {
        assert!(!t.contains("另行通知"), "no makeup is announced for later in {file}");
        assert!(!(file.ends_with(".ics") && t.contains("图像补拍")), "no calendar event for a makeup that is not held: {file}");
    }
}

#[test]
fn a_proofreading_months_after_capture_is_stated_in_months_and_never_as_days() {
    let text = notice(true).replace("proofreading:\n  after_days: 40\n", "proofreading:\n  after_months: 3\n");
    assert!(text.contains("after_months: 3"));
    let got = outputs_of(&text);
    let page = got.iter().find(|(f, _)| f == "notice/index.html").map(|(_, t)| t.as_str()).unwrap_or_default();
    assert!(page.contains("采集后3个月"), "the page states the notice's unit: {page}");
    if got.iter().any(|(f, _)| f.ends_with(".pdf")) {
        let pdf = got.iter().filter(|(f, _)| f.ends_with(".pdf")).any(|(_, t)| t.contains("采集后约3个月"));
        assert!(pdf, "the PDF notice states it too");
    }
    for (file, t) in &got {
        assert!(!t.contains("90天") && !t.contains("后约3天") && !t.contains("后3天"), "no months turned into days in {file}");
        assert!(!(file.ends_with(".ics") && t.contains("校对")), "no calendar event for an undated proofreading: {file}");
    }
}
