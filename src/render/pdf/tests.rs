//! End-to-end checks of the print outputs with the real tools: pdftotext gives the Chinese back,
//! pdffonts shows embedded subsets, zbarimg reads each poster's QR code, renders repeat exactly.

use super::*;
use crate::notice::parse::{self, GroupsRef};
use crate::notice::read::Reader;
use crate::notice::{split, yaml};
use crate::schedule::types::{ClassSlot, Slot, Timetable};
use crate::source::SourceFile;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

pub(super) const NOTICE: &str = "---
title: 关于做好2026届毕业生图像信息采集工作的通知
school: 示例大学
office: 本科生院
doc_number: 本科生院〔2025〕17号
issued: 2025-03-20
cohort: 2026
audience: 已缴费的2026届在籍在校本科生
fee:
  amount: 15
  payer: college
  method: 以学院为单位统一转账
  deadline: 2025-03-29
  refund: 已缴费未参加采集者由学校统一退费
  includes: 1寸数码彩照8张、1.5寸数码彩照4张
capture:
  seconds_per_student: 20
  changeover_minutes: 2
  arrive_early_minutes: 15
  days:
    - date: 2025-04-12
      sessions: [\"08:00-11:30\", \"13:30-17:30\"]
  rooms:
    - { id: j9-103, name: 第九教学楼103室, stations: 2 }
  groups:
    - { college: 文学院, class: 汉语言文学2101, headcount: 57 }
    - { college: 文学院, class: 汉语言文学2102, headcount: 45 }
    - { college: 研究生院, headcount: 410 }
  timetable: auto
code:
  lead_days: 3
proofreading:
  from: 2025-06-01
  until: 2025-06-30
makeup:
  - { from: 2025-04-14, until: 2025-05-30, place: 新华社湖南分社大学生图像采集中心, phone: 0731-82250811 }
dress:
  - 穿单色有领衣服，避免复杂图案
  - 背景为蓝色：禁穿蓝、黄、绿、紫色上衣
contacts:
  - { name: 教务处学籍科, phone: 0797-8393627 }
---
## 一、获取图像采集码

请于采集前登录**学信网**（学籍学历信息管理平台），在“学籍学历信息”中获取图像采集码。

1. 登录学信网；
2. 进入“图像采集码”页面，截图保存。

## 二、注意事项

| 事项 | 说明 |
|---|---|
| 发型 | 露出眉毛与耳朵，不戴帽子 |
| 眼镜 | 避免反光，可不戴 |
";

pub(super) fn notice_from(text: &str) -> Notice {
    let file = SourceFile::new("content/2026/example.md", text);
    let sp = split::split(&file).expect("front matter splits");
    let root = yaml::parse(&file, sp.front, sp.front_line)
        .expect("yaml parses")
        .expect("not empty");
    let mut r = Reader { diags: Vec::new() };
    let (mut n, groups) = parse::notice(
        &mut r,
        &root,
        &file,
        "content/2026/example.md",
        "2026/example",
        sp.body.to_string(),
        sp.body_offset,
    )
    .unwrap_or_else(|| {
        panic!(
            "notice parses: {:?}",
            r.diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        )
    });
    if let GroupsRef::Inline(g) = groups {
        n.capture.groups = g;
    }
    n
}

fn slot(
    start: &str,
    end: &str,
    station: u32,
    college: &str,
    classes: &[(&str, u32, &str, &str)],
) -> Slot {
    let t = |s: &str| crate::notice::model::parse_hhmm(s).expect("time");
    let classes: Vec<ClassSlot> = classes
        .iter()
        .map(|(n, h, s, e)| ClassSlot {
            name: n.to_string(),
            headcount: Some(*h),
            start: t(s),
            end: t(e),
        })
        .collect();
    let headcount = if classes.is_empty() {
        Some(410)
    } else {
        Some(classes.iter().filter_map(|c| c.headcount).sum())
    };
    Slot {
        date: NaiveDate::from_ymd_opt(2025, 4, 12).expect("date"),
        start: t(start),
        end: t(end),
        room: "j9-103".into(),
        station,
        stations: vec![station],
        college: college.into(),
        headcount,
        classes,
        part: 0,
    }
}

pub(super) fn timetable() -> Timetable {
    let mut tt = Timetable {
        slots: vec![
            slot(
                "08:00",
                "08:36",
                1,
                "文学院",
                &[
                    ("汉语言文学2101", 57, "08:00", "08:19"),
                    ("汉语言文学2102", 45, "08:21", "08:36"),
                ],
            ),
            slot("08:00", "10:17", 2, "研究生院", &[]),
        ],
    };
    tt.sort();
    tt
}

pub(super) fn fonts() -> &'static PrintFonts {
    static F: OnceLock<PrintFonts> = OnceLock::new();
    F.get_or_init(|| PrintFonts::bundled().expect("bundled fonts"))
}

pub(super) fn site() -> SiteConfig {
    SiteConfig {
        title: "毕业生图像信息采集".into(),
        base_url: "https://jwc.example.edu.cn/tuxiang".into(),
        language: Default::default(),
        theme: "default".into(),
        font: None,
    }
}

/// Runs a poppler/zbar tool, or `None` when it is not installed.
fn tool(name: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(name).args(args).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn write_tmp(dir: &Path, name: &str, bytes: &[u8]) -> String {
    // To look at the outputs: TUXIANG_PRINT_OUT=/some/dir cargo test --lib render::pdf
    if let Some(keep) = std::env::var_os("TUXIANG_PRINT_OUT") {
        let _ = std::fs::write(Path::new(&keep).join(name), bytes);
    }
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write pdf");
    p.display().to_string()
}

/// Removes whitespace, so text that pdftotext spreads over lines or spaces compares exactly.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn notice_pdf_gives_back_its_chinese_embeds_subsets_and_repeats_exactly() {
    let n = notice_from(NOTICE);
    let site = site();
    let ctx = PrintContext {
        fonts: fonts(),
        site: &site,
        source_date: source_date(&n),
    };
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
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+',
            "not a subset: {l}"
        );
        assert!(l.contains("yes yes"), "not embedded as subset: {l}");
    }
}

#[test]
fn poster_qr_scans_to_the_room_page() {
    let n = notice_from(NOTICE);
    let site = site();
    let ctx = PrintContext {
        fonts: fonts(),
        site: &site,
        source_date: source_date(&n),
    };
    let tt = timetable();
    let date = NaiveDate::from_ymd_opt(2025, 4, 12).expect("date");
    let dir = tempfile::tempdir().expect("tempdir");
    for paper in [PaperSize::A4, PaperSize::A3] {
        let pdf = room_poster(&ctx, &n, &tt, "j9-103", date, paper).expect("poster renders");
        assert!(pdf == room_poster(&ctx, &n, &tt, "j9-103", date, paper).expect("again"));
        let path = write_tmp(dir.path(), &format!("poster-{paper:?}.pdf"), &pdf);
        let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
            eprintln!("skipped: pdftotext missing (apt-get install poppler-utils)");
            return;
        };
        let text = squash(&text);
        for want in [
            "第九教学楼103室",
            "2025年4月12日周六",
            "08:00-08:36",
            "文学院",
            "汉语言文学2102",
            "请提前15分钟到达",
        ] {
            assert!(text.contains(want), "poster lacks 「{want}」:\n{text}");
        }
        let png = dir.path().join("poster");
        let png_s = png.display().to_string();
        if tool(
            "pdftoppm",
            &["-r", "150", "-png", "-singlefile", &path, &png_s],
        )
        .is_none()
        {
            eprintln!("skipped: pdftoppm missing");
            return;
        }
        let Some(decoded) = tool("zbarimg", &["--raw", "-q", &format!("{png_s}.png")]) else {
            eprintln!("skipped: zbarimg missing (apt-get install zbar-tools)");
            return;
        };
        assert_eq!(
            decoded.trim(),
            "https://jwc.example.edu.cn/tuxiang/2026/example/rooms/j9-103/"
        );
    }
    assert!(room_poster(&ctx, &n, &tt, "no-such-room", date, PaperSize::A4).is_err());
}

#[test]
fn sign_in_sheets_have_a_numbered_row_per_student_and_no_names() {
    let n = notice_from(NOTICE);
    let site = site();
    let ctx = PrintContext {
        fonts: fonts(),
        site: &site,
        source_date: source_date(&n),
    };
    let tt = timetable();
    let pdf = college_sheets(&ctx, &n, &tt, "文学院").expect("sheets render");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "sheets.pdf", &pdf);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing (apt-get install poppler-utils)");
        return;
    };
    // 57 rows then 45 rows: two sheets, each with its own header and page count.
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let joined = squash(&text);
    for want in [
        "序号",
        "学号",
        "姓名",
        "签名",
        "拍摄号",
        "汉语言文学2101",
        "汉语言文学2102",
        "第九教学楼103室",
        "57人",
    ] {
        assert!(joined.contains(want), "sheets lack 「{want}」");
    }
    let numbers: Vec<u32> = pages
        .iter()
        .flat_map(|p| p.lines())
        .filter_map(|l| l.split_whitespace().next()?.parse::<u32>().ok())
        .filter(|v| *v <= 57)
        .collect();
    assert_eq!(
        numbers.iter().filter(|v| **v == 57).count(),
        1,
        "row 57 appears once"
    );
    assert_eq!(
        numbers.iter().filter(|v| **v == 45).count(),
        2,
        "row 45 in both sheets"
    );
    assert!(!numbers.contains(&58));
    assert!(pages.len() >= 3, "57 rows need two pages: {}", pages.len());
    assert!(college_sheets(&ctx, &n, &tt, "不存在学院").is_err());
}

#[test]
fn a_character_the_font_lacks_is_an_error_pointing_at_it() {
    let text = NOTICE.replace("{ name: 教务处学籍科,", "{ name: 张堃老师,");
    let n = notice_from(&text);
    let diags = missing_glyphs(fonts(), &n, &timetable());
    assert_eq!(
        diags.len(),
        1,
        "{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    let d = &diags[0];
    assert_eq!(d.code, "glyph-missing");
    assert!(d.message.contains('堃'), "{}", d.message);
    let line = n.file.line_text(d.loc.line);
    assert_eq!(
        line.chars().nth(d.loc.col as usize - 1),
        Some('堃'),
        "{line} col {}",
        d.loc.col
    );
    // Rendering refuses rather than printing a box.
    let site = site();
    let ctx = PrintContext {
        fonts: fonts(),
        site: &site,
        source_date: 0,
    };
    let err = notice_pdf(&ctx, &n, &timetable()).expect_err("must not print a box");
    assert!(err.to_string().contains('堃'));
    assert!(missing_glyphs(fonts(), &notice_from(NOTICE), &timetable()).is_empty());
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
    let ctx = PrintContext {
        fonts: fonts(),
        site: &site,
        source_date: 0,
    };
    let pdf = notice_pdf(&ctx, &n, &timetable()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "long.pdf", &pdf);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing");
        return;
    };
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 3);
    let with_rows: Vec<&&str> = pages.iter().filter(|p| p.contains("班级1")).collect();
    assert!(with_rows.len() >= 2, "the table crosses pages");
    for p in with_rows {
        assert!(
            squash(p).contains("学院班级人数"),
            "header row missing on a page:\n{p}"
        );
    }
    // No page ends with a heading: the last text line before the footer is not a heading.
    for p in &pages {
        let lines: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.len() >= 2 {
            let before_footer = lines[lines.len() - 2];
            assert!(
                !["名单", "采集时间安排", "着装要求", "联系方式"].contains(&before_footer),
                "stranded: {before_footer}"
            );
        }
    }
    let last = pages.last().map(|p| squash(p)).unwrap_or_default();
    assert!(
        last.contains(&format!("第{}页/共{}页", pages.len(), pages.len())),
        "{last}"
    );
}

#[test]
fn mixed_college_slots_give_each_college_its_own_headcount() {
    // A hand-made slot for two colleges without classes: each college gets a sheet, with the
    // headcount of its own group (or blank rows when it has none).
    let n = notice_from(NOTICE);
    let mut tt = timetable();
    tt.slots[1].college = "研究生院、文学院".into();
    tt.slots[1].headcount = Some(999);
    let site = site();
    let ctx = PrintContext {
        fonts: fonts(),
        site: &site,
        source_date: 0,
    };
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

#[test]
fn a_crowded_poster_still_fits_and_scans() {
    let n = notice_from(NOTICE);
    let mut tt = Timetable::default();
    for i in 0..14u32 {
        let start = format!("{:02}:{:02}", 8 + i / 2, (i % 2) * 30);
        let end = format!("{:02}:{:02}", 8 + i / 2, (i % 2) * 30 + 25);
        let class = format!("计算机科学与技术{}班", 2101 + i);
        tt.slots.push(slot(
            &start,
            &end,
            1 + i % 2,
            "计算机科学与工程学院",
            &[(&class, 40, &start, &end)],
        ));
    }
    tt.sort();
    let site = site();
    let ctx = PrintContext {
        fonts: fonts(),
        site: &site,
        source_date: 0,
    };
    let date = NaiveDate::from_ymd_opt(2025, 4, 12).expect("date");
    let pdf = room_poster(&ctx, &n, &tt, "j9-103", date, PaperSize::A4).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_tmp(dir.path(), "poster-crowded.pdf", &pdf);
    let Some(text) = tool("pdftotext", &["-layout", &path, "-"]) else {
        eprintln!("skipped: pdftotext missing");
        return;
    };
    let text = squash(&text);
    for i in 0..14 {
        assert!(
            text.contains(&format!("计算机科学与技术{}班", 2101 + i)),
            "slot {i} missing"
        );
    }
    let png = dir.path().join("crowded").display().to_string();
    if tool(
        "pdftoppm",
        &["-r", "150", "-png", "-f", "1", "-singlefile", &path, &png],
    )
    .is_none()
    {
        return;
    }
    if let Some(decoded) = tool("zbarimg", &["--raw", "-q", &format!("{png}.png")]) {
        assert_eq!(
            decoded.trim(),
            "https://jwc.example.edu.cn/tuxiang/2026/example/rooms/j9-103/"
        );
    }
}

/// Release-build timings: `cargo test --release --lib render::pdf::tests::timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing() {
    let t0 = std::time::Instant::now();
    let fonts = PrintFonts::bundled().expect("fonts");
    eprintln!("font parse: {:.1} ms", t0.elapsed().as_secs_f64() * 1000.0);
    let n = notice_from(NOTICE);
    let site = site();
    let ctx = PrintContext {
        fonts: &fonts,
        site: &site,
        source_date: 0,
    };
    let tt = timetable();
    let date = NaiveDate::from_ymd_opt(2025, 4, 12).expect("date");
    let runs = 50;
    let time = |name: &str, f: &dyn Fn() -> Vec<u8>| {
        let t = std::time::Instant::now();
        let mut size = 0;
        for _ in 0..runs {
            size = f().len();
        }
        eprintln!(
            "{name}: {:.1} ms/PDF, {size} bytes",
            t.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
        );
    };
    time("notice (2 pages)", &|| {
        notice_pdf(&ctx, &n, &tt).expect("notice")
    });
    time("poster A4", &|| {
        room_poster(&ctx, &n, &tt, "j9-103", date, PaperSize::A4).expect("poster")
    });
    time("poster A3", &|| {
        room_poster(&ctx, &n, &tt, "j9-103", date, PaperSize::A3).expect("poster")
    });
    time("sheets 文学院 (2 sheets, 5 pages)", &|| {
        college_sheets(&ctx, &n, &tt, "文学院").expect("sheets")
    });
}
