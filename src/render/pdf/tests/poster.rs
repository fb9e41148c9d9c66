//! Door posters: text and a QR code that scans to the room's page.

use super::*;
use chrono::NaiveDate;

#[test]
fn poster_qr_scans_to_the_room_page() {
    let n = notice_from(NOTICE);
    let site = site();
    let ctx = ctx(&site, source_date(&n));
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
        for want in ["第九教学楼103室", "2025年4月12日周六", "08:00-08:36", "文学院", "汉语言文学2102", "请提前15分钟到达"]
        {
            assert!(text.contains(want), "poster lacks 「{want}」:\n{text}");
        }
        let png = dir.path().join("poster");
        let png_s = png.display().to_string();
        if tool("pdftoppm", &["-r", "150", "-png", "-singlefile", &path, &png_s]).is_none() {
            eprintln!("skipped: pdftoppm missing");
            return;
        }
        let Some(decoded) = tool("zbarimg", &["--raw", "-q", &format!("{png_s}.png")]) else {
            eprintln!("skipped: zbarimg missing (apt-get install zbar-tools)");
            return;
        };
        assert_eq!(decoded.trim(), "https://jwc.example.edu.cn/tuxiang/2026/example/rooms/j9-103.html");
    }
    assert!(room_poster(&ctx, &n, &tt, "no-such-room", date, PaperSize::A4).is_err());
}

#[test]
fn a_crowded_poster_still_fits_and_scans() {
    let n = notice_from(NOTICE);
    let mut tt = Timetable::default();
    for i in 0..14u32 {
        let start = format!("{:02}:{:02}", 8 + i / 2, (i % 2) * 30);
        let end = format!("{:02}:{:02}", 8 + i / 2, (i % 2) * 30 + 25);
        let class = format!("计算机科学与技术{}班", 2101 + i);
        tt.slots.push(slot(&start, &end, 1 + i % 2, "计算机科学与工程学院", &[(&class, 40, &start, &end)]));
    }
    tt.sort();
    let site = site();
    let ctx = ctx(&site, 0);
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
        assert!(text.contains(&format!("计算机科学与技术{}班", 2101 + i)), "slot {i} missing");
    }
    let png = dir.path().join("crowded").display().to_string();
    if tool("pdftoppm", &["-r", "150", "-png", "-f", "1", "-singlefile", &path, &png]).is_none() {
        return;
    }
    if let Some(decoded) = tool("zbarimg", &["--raw", "-q", &format!("{png}.png")]) {
        assert_eq!(decoded.trim(), "https://jwc.example.edu.cn/tuxiang/2026/example/rooms/j9-103.html");
    }
}

/// A held-out-style day: 99 classes in one room with three stations, auto-scheduled. The poster
/// is one sheet on A4 and on A3, names every block's college, and its QR code scans.
#[test]
fn a_large_day_is_one_sheet_whose_qr_scans() {
    for seed in [3, 7, 23] {
        large_day(seed);
    }
}

fn large_day(seed: u64) {
    use crate::schedule::instances::{build, Spec};
    let mut n = notice_from(NOTICE);
    n.capture = build(&Spec { classes: 99, ..Spec::realistic_day(seed) });
    let (tt, _) = crate::schedule::timetable(&n);
    let tt = tt.expect("a timetable");
    let date = NaiveDate::from_ymd_opt(2025, 4, 12).expect("date");
    assert!(tt.slots.iter().filter(|s| s.date == date).count() >= 15, "a crowded day");
    let site = site();
    let ctx = ctx(&site, 0);
    let dir = tempfile::tempdir().expect("tempdir");
    for paper in [PaperSize::A4, PaperSize::A3] {
        let pdf = room_poster(&ctx, &n, &tt, "j9-103", date, paper).expect("renders");
        let path = write_tmp(dir.path(), &format!("poster-large-{paper:?}.pdf"), &pdf);
        let Some(info) = tool("pdfinfo", &[&path]) else {
            eprintln!("skipped: pdfinfo missing");
            return;
        };
        assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")), "{info}");
        let text = squash(&tool("pdftotext", &["-raw", &path, "-"]).unwrap_or_default());
        for s in &tt.slots {
            assert!(text.contains(&squash(&s.colleges.shown())), "{} missing on {paper:?}", s.colleges.shown());
        }
        assert!(text.contains("图像信息采集工作的通知"), "the notice's title at the foot");
        // Every block's time at 20 pt or more: a word's box is 1.448 em tall in Noto Sans CJK.
        let bbox = tool("pdftotext", &["-bbox", &path, "-"]).unwrap_or_default();
        let mut sizes: std::collections::HashMap<String, f32> = std::collections::HashMap::new();
        for line in bbox.lines().filter(|l| l.contains("<word")) {
            let num = |key: &str| -> f32 {
                let at = line.find(key).map(|i| i + key.len()).unwrap_or(0);
                line[at..].split('"').next().and_then(|v| v.parse().ok()).unwrap_or(0.0)
            };
            let word = line.rsplit('>').nth(1).and_then(|w| w.split('<').next()).unwrap_or("");
            let size = (num("yMax=\"") - num("yMin=\"")) / 1.448;
            let e = sizes.entry(word.to_string()).or_insert(0.0);
            *e = e.max(size);
        }
        let blocks = tt.slots.iter().filter(|s| s.date == date && s.room == "j9-103").count();
        for s in tt.slots.iter().filter(|s| s.date == date && s.room == "j9-103") {
            let label = s.shown(None).span_with('-');
            let size = sizes.get(&label).copied().unwrap_or(0.0);
            assert!(size >= 19.9, "seed {seed}: {label} at {size:.1} pt on {paper:?} ({blocks} blocks)");
        }
        let png = dir.path().join(format!("large-{paper:?}")).display().to_string();
        tool("pdftoppm", &["-r", "150", "-png", "-singlefile", &path, &png]);
        if let Some(decoded) = tool("zbarimg", &["--raw", "-q", &format!("{png}.png")]) {
            assert_eq!(decoded.trim(), "https://jwc.example.edu.cn/tuxiang/2026/example/rooms/j9-103.html");
        }
    }
}
