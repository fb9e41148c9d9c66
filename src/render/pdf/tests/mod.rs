//! End-to-end checks of the print outputs with the real tools: pdftotext gives the Chinese back,
//! pdffonts shows embedded subsets, zbarimg reads each poster's QR code, renders repeat exactly.

use super::*;
use crate::notice::parse::{self, GroupsRef};
use crate::notice::read::Reader;
use crate::notice::{split, yaml};
use crate::schedule::types::{ClassSlot, Slot, Timetable};
use crate::source::SourceFile;
use chrono::NaiveDate;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

mod notice;
mod poster;
mod sheets;

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
    let root = yaml::parse(&file, sp.front, sp.front_line).expect("yaml parses").expect("not empty");
    let mut r = Reader { diags: Vec::new() };
    let (mut n, groups) =
        parse::notice(&mut r, &root, &file, "content/2026/example.md", "2026/example", sp.body.to_string(), sp.body_offset)
            .unwrap_or_else(|| panic!("notice parses: {:?}", r.diags.iter().map(|d| &d.message).collect::<Vec<_>>()));
    if let GroupsRef::Inline(g) = groups {
        n.capture.groups = g;
    }
    n
}

pub(super) fn slot(start: &str, end: &str, station: u32, college: &str, classes: &[(&str, u32, &str, &str)]) -> Slot {
    let t = |s: &str| crate::base::time::parse_hhmm(s).expect("time");
    let classes: Vec<ClassSlot> =
        classes.iter().map(|(n, h, s, e)| ClassSlot { name: n.to_string(), headcount: Some(*h), start: t(s), end: t(e) }).collect();
    let headcount = if classes.is_empty() { Some(410) } else { Some(classes.iter().filter_map(|c| c.headcount).sum()) };
    Slot {
        date: NaiveDate::from_ymd_opt(2025, 4, 12).expect("date"),
        start: t(start),
        end: t(end),
        room: "j9-103".into(),
        station,
        stations: vec![station],
        colleges: crate::schedule::types::Colleges::one(college),
        headcount,
        classes,
        part: 0,
        open: false,
    }
}

pub(super) fn timetable() -> Timetable {
    let mut tt = Timetable {
        slots: vec![
            slot("08:00", "08:36", 1, "文学院", &[("汉语言文学2101", 57, "08:00", "08:19"), ("汉语言文学2102", 45, "08:21", "08:36")]),
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

/// A print context on the bundled fonts, saving each PDF on its own (no batch).
pub(super) fn ctx(site: &SiteConfig, source_date: i64) -> PrintContext<'_> {
    PrintContext { fonts: fonts(), site, source_date, batch: None }
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
pub(super) fn tool(name: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(name).args(args).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub(super) fn write_tmp(dir: &Path, name: &str, bytes: &[u8]) -> String {
    // To look at the outputs: TUXIANG_PRINT_OUT=/some/dir cargo test --lib render::pdf
    if let Some(keep) = std::env::var_os("TUXIANG_PRINT_OUT") {
        let _ = std::fs::write(Path::new(&keep).join(name), bytes);
    }
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write pdf");
    p.display().to_string()
}

/// Removes whitespace, so text that pdftotext spreads over lines or spaces compares exactly.
pub(super) fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn fonts_are_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<PrintFonts>();
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
    let ctx = PrintContext { fonts: &fonts, site: &site, source_date: 0, batch: None };
    let tt = timetable();
    let date = NaiveDate::from_ymd_opt(2025, 4, 12).expect("date");
    let runs = 50;
    let time = |name: &str, f: &dyn Fn() -> Vec<u8>| {
        let t = std::time::Instant::now();
        let mut size = 0;
        for _ in 0..runs {
            size = f().len();
        }
        eprintln!("{name}: {:.1} ms/PDF, {size} bytes", t.elapsed().as_secs_f64() * 1000.0 / f64::from(runs));
    };
    time("fixed cost: one character, regular and bold", &|| {
        let mut c = canvas::Canvas::new(&fonts, 800.0);
        c.text(10.0, 10.0, "采", canvas::Style::new(10.0));
        c.text(10.0, 30.0, "集", canvas::Style::new(10.0).bold());
        let info =
            DocInfo { title: "t", author: "a", subject: "s", width_mm: 210.0, height_mm: 297.0, outline: Vec::new(), links: Vec::new() };
        save(&ctx, &info, vec![c.ops]).expect("save")
    });
    time("notice (2 pages)", &|| notice_pdf(&ctx, &n, &tt).expect("notice"));
    time("poster A4", &|| room_poster(&ctx, &n, &tt, "j9-103", date, PaperSize::A4).expect("poster"));
    time("poster A3", &|| room_poster(&ctx, &n, &tt, "j9-103", date, PaperSize::A3).expect("poster"));
    time("sheets 文学院 (2 sheets, 5 pages)", &|| college_sheets(&ctx, &n, &tt, "文学院").expect("sheets"));
}

/// A notice's PDFs saved as a batch (fonts cut down once for all of them) show and extract
/// exactly what they show saved one by one, embed subsets, and repeat exactly.
#[test]
fn batched_pdfs_match_pdfs_saved_one_by_one() {
    let n = notice_from(NOTICE);
    let site = site();
    let tt = timetable();
    let date = NaiveDate::from_ymd_opt(2025, 4, 12).expect("date");
    let alone = ctx(&site, source_date(&n));
    let render = |ctx: &PrintContext| {
        vec![
            notice_pdf(ctx, &n, &tt).expect("notice"),
            room_poster(ctx, &n, &tt, "j9-103", date, PaperSize::A4).expect("poster"),
            college_sheets(ctx, &n, &tt, "文学院").expect("sheets"),
        ]
    };
    let batched = |_: ()| {
        let batch = Batch::new();
        let ctx = PrintContext { batch: Some(&batch), ..alone };
        assert!(render(&ctx).iter().all(Vec::is_empty), "queued, not saved");
        batch.finish(fonts()).expect("batch saves")
    };
    let one_by_one = render(&alone);
    let together = batched(());
    assert_eq!(together, batched(()), "batches repeat exactly");
    assert_eq!(together.len(), one_by_one.len());
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, (a, b)) in one_by_one.iter().zip(&together).enumerate() {
        assert!(b.len() <= a.len() + a.len() / 20, "batched PDF {i} is not bigger");
        let pa = write_tmp(dir.path(), &format!("alone-{i}.pdf"), a);
        let pb = write_tmp(dir.path(), &format!("batched-{i}.pdf"), b);
        let Some(ta) = tool("pdftotext", &[&pa, "-"]) else {
            eprintln!("skipped: pdftotext missing (apt-get install poppler-utils)");
            return;
        };
        assert_eq!(Some(ta), tool("pdftotext", &[&pb, "-"]), "PDF {i} extracts the same");
        let fa = tool("pdffonts", &[&pa]).expect("pdffonts");
        assert_eq!(Some(fa.clone()), tool("pdffonts", &[&pb]), "PDF {i} names the same subsets");
        assert!(fa.contains("CID Type 0C") && fa.contains("yes yes yes"), "{fa}");
        let pages = |p: &str, out: &str| {
            let prefix = dir.path().join(out).display().to_string();
            tool("pdftoppm", &["-png", "-r", "40", p, &prefix]);
            let mut v: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
                .expect("dir")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with(&format!("{out}-"))))
                .map(|p| std::fs::read(p).expect("png"))
                .collect();
            v.sort();
            v
        };
        let shown = pages(&pa, &format!("a{i}"));
        assert!(!shown.is_empty(), "pdftoppm rendered PDF {i}");
        assert_eq!(shown, pages(&pb, &format!("b{i}")), "PDF {i} looks the same");
    }
}
