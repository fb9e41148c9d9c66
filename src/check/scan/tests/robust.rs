//! The scanners on real notices, on 1 MB of text, and on arbitrary strings.

use chrono::{Datelike, NaiveDate, Weekday::Sun};
use proptest::prelude::*;

use super::super::{body_mentions, date_mentions, fee_mentions, nearest_year, weekday_mentions};

/// Snippets of the real notices in /work/shared/seeds, scanned whole.
#[test]
fn seed_snippets() {
    let s000 = "（1）日期：2023 年 3 月 3 日。\n\n①上午 8:00—9:00\n\n博学楼一会议室：电商 1211、电商 1212、电商 1213、会计\n\n\
                1211。\n\n⑤下午 14:30—16：00\n\n无法参加拍照的学生，请于 2023 年 3 月 3 日后自行联系新\n\n\
                华社湖南分社大学生图像采集中心进行补拍，散拍时间为周一至\n\n周五工作日，地址：长沙市迎宾路 175 号，\
                电话 0731-82250811。\n\n采集收费的说明函》执行，每人 20 元（含 1 寸数码彩照 8 张、\n\n1.5 寸数码彩照 4 张）。\
                \n\n学历照片在采集后\n\n2-3 周内会上传至此公众号\n\n教务处\n\n2023 年 2 月 17 日\n";
    let got: Vec<_> = date_mentions(s000).iter().map(|m| (m.year, m.month, m.day)).collect();
    assert_eq!(got, [(Some(2023), 3, 3), (Some(2023), 3, 3), (Some(2023), 2, 17)]);
    assert!(weekday_mentions(s000).is_empty());
    let fees: Vec<_> = fee_mentions(s000).iter().map(|m| m.amount.fen()).collect();
    assert_eq!(fees, [2000]);

    let s001 = "三、采集时间:\n\n2025年4月12日至13日(详情见拍摄日程表)。\n\n4. 根据教育部相关文件精神，请参加此次图像采集的学生务必于\
                **2025 年 9 月登录中国高等教育学生信息网 (<http://www.chsi.com.cn/>) 进行图像信息校对**\n\n\
                批次\t学 院\t起 止 时 间\t拍摄地点\n1\t研究生院\t4 月 12 日 08:00-11:30\t九教 203\n\
                3\t资源环境与安全工程学院\t4 月 13 日 08:00-10:15\t九教 106\n\
                出生日期: 1980年01月01日 **民族:** 汉族\n离校日期: 2018年05月30日 **学籍状态:** 不在籍(退学)\n";
    let got: Vec<_> = date_mentions(s001).iter().map(|m| (m.year, m.month, m.day)).collect();
    assert_eq!(got, [(Some(2025), 4, 12), (Some(2025), 4, 13), (None, 4, 12), (None, 4, 13), (Some(1980), 1, 1), (Some(2018), 5, 30)]);
    assert!(weekday_mentions(s001).is_empty());
    assert!(fee_mentions(s001).is_empty());

    let s002 = "1.2022届学术学位和专业学位毕业研究生（预计于2022年12月31日前毕业的研究生）。\n\n\
                时间：2021年12月12日上午8:30-11:30，下午13:00-16:00\n\n\
                体温低于 37.3℃、健康码和行程码均为绿色方可进入。\n\n\
                拍摄地点\t拍摄时间\t\t学院名称\n景德楼南 栋 202、 204、304\t2021 年 12 月 12 日 (周日)\t8:30—9:30\t法学院\n";
    let got: Vec<_> = date_mentions(s002).iter().map(|m| (m.year, m.month, m.day)).collect();
    assert_eq!(got, [(Some(2022), 12, 31), (Some(2021), 12, 12), (Some(2021), 12, 12)]);
    let wd = weekday_mentions(s002);
    assert_eq!(wd.len(), 1);
    assert_eq!((wd[0].year, wd[0].month, wd[0].day, wd[0].weekday), (Some(2021), 12, 12, Sun));
    // 2021-12-12 really was a Sunday: the scanner and the calendar agree.
    assert_eq!(NaiveDate::from_ymd_opt(2021, 12, 12).map(|d| d.weekday()), Some(Sun));
}

#[test]
fn body_mentions_agree_with_the_single_scanners() {
    let text = "2025年4月12日（周六）至13日（周日），每人 15 元；`4月1日` 与 20元/人。";
    let all = body_mentions(text);
    assert_eq!(all.dates, date_mentions(text));
    assert_eq!(all.weekdays, weekday_mentions(text));
    assert_eq!(all.fees, fee_mentions(text));
    assert_eq!((all.dates.len(), all.weekdays.len(), all.fees.len()), (2, 2, 2));
}

/// The fastest of a few runs: the build machine is shared, so one run measures the neighbours.
fn fastest(mut f: impl FnMut()) -> std::time::Duration {
    let runs = if cfg!(debug_assertions) { 1 } else { 5 };
    (0..runs)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// A 1 MB body scans completely (the time is printed, not asserted).
#[test]
fn one_megabyte_is_fast() {
    let unit = "采集时间：2025年4月12日至13日（周六、周日），每人 15 元；电商 1211 于 4 月 12 日 08:00-11:30 \
                在九教 203 拍摄，电话 0731-82250811，详见 http://x.cn/2025/4/12 与 `2025-04-12`。\n";
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    let units = text.matches('\n').count();
    // Compile the regexes first: that is a one-time cost, not a per-body one.
    let t = std::time::Instant::now();
    assert_eq!(body_mentions(unit).dates.len(), 3);
    eprintln!("first call (compiles the regexes): {:?}", t.elapsed());
    let all = body_mentions(&text);
    assert_eq!((all.dates.len(), all.weekdays.len(), all.fees.len()), (3 * units, 2 * units, units));
    type Scan<'a> = (&'a str, &'a dyn Fn(&str) -> usize);
    let scans: [Scan; 4] = [
        ("body_mentions", &|t| body_mentions(t).dates.len()),
        ("date_mentions", &|t| date_mentions(t).len()),
        ("weekday_mentions", &|t| weekday_mentions(t).len()),
        ("fee_mentions", &|t| fee_mentions(t).len()),
    ];
    for (name, scan) in scans {
        let elapsed = fastest(|| {
            scan(&text);
        });
        // Figures only: speed targets live in benchmarks, never in timed assertions.
        eprintln!("{name}: {} bytes in {elapsed:?}", text.len());
    }
}

/// Inputs built to defeat the scanners stay linear: near-dates, unclosed code spans, fee words
/// without amounts, brackets without weekdays. A quadratic path would take minutes here.
#[test]
fn adversarial_megabytes_are_fast() {
    // A quarter of the size in debug builds, to keep `cargo test` quick.
    let size = if cfg!(debug_assertions) { 250_000 } else { 1_000_000 };
    let mut ticks = String::new();
    for n in 1..2000 {
        ticks.push_str(&"`".repeat(n % 40 + 1));
        ticks.push('x');
    }
    let units = ["4月", "1", "2025-", "4月12日（", "4月12日至", "4月12-", "每人", "15元/", "http://", "<a ", ticks.as_str(), "```\n"];
    for unit in units {
        let text = unit.repeat(size / unit.len() + 1);
        let elapsed = fastest(|| {
            body_mentions(&text);
        });
        let head: String = unit.chars().take(12).collect();
        eprintln!("{head:?}…: {} bytes in {elapsed:?}", text.len());
    }
}

/// Characters that drive the scanners into their interesting paths.
fn scanner_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "2025", "年", "4", "1", "12", "０", "９", "月", "日", "号", "-", "/", ".", "至", "、", "和", "（", "）", "(", ")", "【", "周",
        "星期", "礼拜", "一", "六", "天", "每人", "元", "/人", "￥", "人均", " ", "\u{3000}", "\r\n", "\n", "\n\n", "`", "```", "~~~",
        "http://", "](", "<a ", ">", "*", "_", "é", "😀", ":",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) {
    let ok = |off: usize, len: usize| off + len <= text.len() && text.is_char_boundary(off) && text.is_char_boundary(off + len);
    for m in date_mentions(text) {
        assert!(ok(m.offset, m.len) && m.len > 0, "{m:?} in {text:?}");
        assert!((1..=12).contains(&m.month) && (1..=31).contains(&m.day));
    }
    for m in weekday_mentions(text) {
        assert!(ok(m.offset, m.len) && ok(m.weekday_offset, m.weekday_len), "{m:?} in {text:?}");
        assert!(m.offset <= m.weekday_offset && m.weekday_offset + m.weekday_len <= m.offset + m.len);
    }
    for m in fee_mentions(text) {
        assert!(ok(m.offset, m.len) && ok(m.number_offset, m.number_len), "{m:?} in {text:?}");
        assert!(m.amount <= crate::base::money::MAX);
    }
}

proptest! {
    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn never_panics_on_date_like_text(text in scanner_text()) {
        check_invariants(&text);
    }

    #[test]
    fn nearest_year_never_panics(m in any::<u32>(), d in any::<u32>(), days in -1_000_000i64..1_000_000) {
        let anchor = NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|a| a.checked_add_signed(chrono::Duration::days(days)));
        if let Some(anchor) = anchor {
            if let Some(found) = nearest_year(m, d, anchor) {
                prop_assert_eq!((found.month(), found.day()), (m, d));
            }
        }
    }
}
