use chrono::{NaiveDate, Weekday};
use proptest::prelude::*;

use super::*;

use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};

/// What a date mention decodes to: (the text it covers, year, month, day).
type D = (&'static str, Option<i32>, u32, u32);

fn dates_of(text: &str) -> Vec<(String, Option<i32>, u32, u32)> {
    date_mentions(text)
        .into_iter()
        .map(|m| {
            (
                text[m.offset..m.offset + m.len].to_string(),
                m.year,
                m.month,
                m.day,
            )
        })
        .collect()
}

#[test]
fn date_table() {
    let cases: &[(&str, &[D])] = &[
        ("2025年4月12日", &[("2025年4月12日", Some(2025), 4, 12)]),
        ("采集日期：4月12日。", &[("4月12日", None, 4, 12)]),
        ("2025-04-12", &[("2025-04-12", Some(2025), 4, 12)]),
        ("于2025.4.12进行", &[("2025.4.12", Some(2025), 4, 12)]),
        ("2025/04/12", &[("2025/04/12", Some(2025), 4, 12)]),
        (
            "2023 年 3 月 3 日后",
            &[("2023 年 3 月 3 日", Some(2023), 3, 3)],
        ),
        (
            "4 月 12 日 08:00-11:30\t九教 203",
            &[("4 月 12 日", None, 4, 12)],
        ),
        ("4月12号上午", &[("4月12号", None, 4, 12)]),
        (
            "１９８０年０１月０１日",
            &[("１９８０年０１月０１日", Some(1980), 1, 1)],
        ),
        (
            "2025年4月\r\n12日",
            &[("2025年4月\r\n12日", Some(2025), 4, 12)],
        ),
        ("2025-04-12T08:00", &[("2025-04-12", Some(2025), 4, 12)]),
        ("**4月12日**前", &[("4月12日", None, 4, 12)]),
        (
            "| 2025-04-12 | 九教 |",
            &[("2025-04-12", Some(2025), 4, 12)],
        ),
        // Runs: the later days inherit month and year.
        (
            "2025年4月12日至13日(详情见拍摄日程表)",
            &[
                ("2025年4月12日", Some(2025), 4, 12),
                ("13日", Some(2025), 4, 13),
            ],
        ),
        (
            "4月12日、13日和14日",
            &[
                ("4月12日", None, 4, 12),
                ("13日", None, 4, 13),
                ("14日", None, 4, 14),
            ],
        ),
        (
            "4月12-13号",
            &[("4月12", None, 4, 12), ("13号", None, 4, 13)],
        ),
        (
            "4月12日 — 13日",
            &[("4月12日", None, 4, 12), ("13日", None, 4, 13)],
        ),
        (
            "2025年4月30日至5月1日",
            &[
                ("2025年4月30日", Some(2025), 4, 30),
                ("5月1日", Some(2025), 5, 1),
            ],
        ),
        (
            "2024年12月30日至1月2日",
            &[
                ("2024年12月30日", Some(2024), 12, 30),
                ("1月2日", Some(2025), 1, 2),
            ],
        ),
        (
            "2025-04-12至2025-04-13",
            &[
                ("2025-04-12", Some(2025), 4, 12),
                ("2025-04-13", Some(2025), 4, 13),
            ],
        ),
        ("4月12日和3号楼", &[("4月12日", None, 4, 12)]),
        ("4月12日至13:00", &[("4月12日", None, 4, 12)]),
        // Invalid calendar dates are returned as written.
        ("2月30日", &[("2月30日", None, 2, 30)]),
        // Not a year: the month and day still are a date.
        ("3000年4月1日", &[("4月1日", None, 4, 1)]),
        ("12345年4月5日", &[("4月5日", None, 4, 5)]),
        // Not dates.
        ("上午 8:00—9:00", &[]),
        ("电商 1211、电商 1212", &[]),
        ("电话 0731-82250811", &[]),
        ("2-3 周内", &[]),
        ("教学厅〔2002〕5 号", &[]),
        ("2025 年 9 月登录", &[]),
        ("1.5 寸数码彩照", &[]),
        ("迎宾路 175 号", &[]),
        ("13月5日", &[]),
        ("4月32日", &[]),
        ("0月1日", &[]),
        ("4月12", &[]),
        ("2024-04-222", &[]),
        ("2024-4/22", &[]),
        ("v2024.1.5", &[]),
        ("192.168.1.1", &[]),
        ("2024.1.5.3", &[]),
        ("见 http://x.cn/2024/4/22 页面", &[]),
        ("见 x.cn/2024/4/22", &[]),
        ("[附件](files/2024-04-22.pdf)", &[]),
        ("<img src=\"2024-04-22.png\">", &[]),
        ("(<http://www.chsi.com.cn/2024-04-22>)", &[]),
        ("运行 `date -d 2025-04-12` 即可", &[]),
        ("```\n4月12日\n```\n", &[]),
        ("~~~text\n2025-04-12\n", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<_> = want
            .iter()
            .map(|&(s, y, m, d)| (s.to_string(), y, m, d))
            .collect();
        assert_eq!(dates_of(text), want, "date_mentions({text:?})");
    }
}

/// (date text, weekday word, year, month, day, weekday).
type W = (&'static str, &'static str, Option<i32>, u32, u32, Weekday);

#[test]
fn weekday_table() {
    let cases: &[(&str, &[W])] = &[
        (
            "2024年4月22日（周一）",
            &[("2024年4月22日（周一）", "周一", Some(2024), 4, 22, Mon)],
        ),
        (
            "4月22日(星期一)",
            &[("4月22日(星期一)", "星期一", None, 4, 22, Mon)],
        ),
        (
            "2024-04-22 周一",
            &[("2024-04-22 周一", "周一", Some(2024), 4, 22, Mon)],
        ),
        (
            "2024/4/22 星期日",
            &[("2024/4/22 星期日", "星期日", Some(2024), 4, 22, Sun)],
        ),
        (
            "4月22日 周一",
            &[("4月22日 周一", "周一", None, 4, 22, Mon)],
        ),
        (
            "4 月 22 日（星期一）",
            &[("4 月 22 日（星期一）", "星期一", None, 4, 22, Mon)],
        ),
        (
            "4月23日礼拜二",
            &[("4月23日礼拜二", "礼拜二", None, 4, 23, Tue)],
        ),
        (
            "4月24日，周三上午",
            &[("4月24日，周三", "周三", None, 4, 24, Wed)],
        ),
        (
            "4月25日【周四】",
            &[("4月25日【周四】", "周四", None, 4, 25, Thu)],
        ),
        (
            "2025.4.12 周六",
            &[("2025.4.12 周六", "周六", Some(2025), 4, 12, Sat)],
        ),
        (
            "4月26日（周五上午8:00）",
            &[("4月26日（周五", "周五", None, 4, 26, Fri)],
        ),
        (
            "4月21日（周天）",
            &[("4月21日（周天）", "周天", None, 4, 21, Sun)],
        ),
        (
            "4月21日（星期天）",
            &[("4月21日（星期天）", "星期天", None, 4, 21, Sun)],
        ),
        (
            "4月21日（礼拜天）",
            &[("4月21日（礼拜天）", "礼拜天", None, 4, 21, Sun)],
        ),
        (
            "**4月22日**（周一）",
            &[("4月22日**（周一）", "周一", None, 4, 22, Mon)],
        ),
        (
            "**4月22日（周一）**",
            &[("4月22日（周一）", "周一", None, 4, 22, Mon)],
        ),
        (
            "２０２４年４月２２日（周一）",
            &[(
                "２０２４年４月２２日（周一）",
                "周一",
                Some(2024),
                4,
                22,
                Mon,
            )],
        ),
        (
            "4月\r\n22日（周一）",
            &[("4月\r\n22日（周一）", "周一", None, 4, 22, Mon)],
        ),
        (
            "2月30日（周五）",
            &[("2月30日（周五）", "周五", None, 2, 30, Fri)],
        ),
        (
            "景德楼南 栋 202、 204、304\t2021 年 12 月 12 日 (周日)\t8:30—9:30",
            &[(
                "2021 年 12 月 12 日 (周日)",
                "周日",
                Some(2021),
                12,
                12,
                Sun,
            )],
        ),
        // Runs with one weekday per day, listed pairwise or as a range.
        (
            "4月12日至13日（周六、周日）",
            &[
                ("4月12日至13日（周六、周日）", "周六", None, 4, 12, Sat),
                ("13日（周六、周日）", "周日", None, 4, 13, Sun),
            ],
        ),
        (
            "4月12日（周六）至13日（周日）",
            &[
                ("4月12日（周六）", "周六", None, 4, 12, Sat),
                ("13日（周日）", "周日", None, 4, 13, Sun),
            ],
        ),
        (
            "4月12日-13日(周六至周日)",
            &[
                ("4月12日-13日(周六至周日)", "周六", None, 4, 12, Sat),
                ("13日(周六至周日)", "周日", None, 4, 13, Sun),
            ],
        ),
        (
            "4月12-13日（周六、周日）",
            &[
                ("4月12-13日（周六、周日）", "周六", None, 4, 12, Sat),
                ("13日（周六、周日）", "周日", None, 4, 13, Sun),
            ],
        ),
        (
            "2024年12月31日至1月1日（周二、周三）",
            &[
                (
                    "2024年12月31日至1月1日（周二、周三）",
                    "周二",
                    Some(2024),
                    12,
                    31,
                    Tue,
                ),
                ("1月1日（周二、周三）", "周三", Some(2025), 1, 1, Wed),
            ],
        ),
        // Ambiguous or not a weekday of the date: nothing.
        ("4月12日至13日（周六）", &[]),
        ("4月12日、13日、14日（周六、周日）", &[]),
        ("4月15日，周一至周五补拍", &[]),
        ("4月15日（周一至周五）", &[]),
        ("散拍时间为周一至周五工作日", &[]),
        ("4月22日（详情见附件）", &[]),
        ("4月22日", &[]),
        ("4月22 周一", &[]),
        ("4月22日\n\n周一", &[]),
        ("4月22日后，周一", &[]),
        ("13月1日（周一）", &[]),
        ("电商1211 周一", &[]),
        ("0731-82250811 周一", &[]),
        ("8:00 周一", &[]),
        ("2024-04-222 周一", &[]),
        ("见 http://x.cn/2024/4/22 周一", &[]),
        ("`2024-04-22 周一`", &[]),
        ("```\n4月22日（周一）\n```", &[]),
        ("2-3 周内", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<_> = weekday_mentions(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.offset..m.offset + m.len].to_string(),
                    text[m.weekday_offset..m.weekday_offset + m.weekday_len].to_string(),
                    m.year,
                    m.month,
                    m.day,
                    m.weekday,
                )
            })
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|&(s, w, y, m, d, wd)| (s.to_string(), w.to_string(), y, m, d, wd))
            .collect();
        assert_eq!(got, want, "weekday_mentions({text:?})");
    }
}

#[test]
fn fee_table() {
    // (text, [(number as written, amount)])
    let cases: &[(&str, &[(&str, f64)])] = &[
        ("每人20元", &[("20", 20.0)]),
        ("每人 20 元", &[("20", 20.0)]),
        ("20元/人", &[("20", 20.0)]),
        ("15 元/生", &[("15", 15.0)]),
        ("每生15元", &[("15", 15.0)]),
        ("15元每人", &[("15", 15.0)]),
        ("￥15/人", &[("15", 15.0)]),
        ("¥ 15 / 人", &[("15", 15.0)]),
        ("￥15元/人", &[("15", 15.0)]),
        ("人均15元", &[("15", 15.0)]),
        ("15.5元/人", &[("15.5", 15.5)]),
        ("１５元／人", &[("１５", 15.0)]),
        ("１５．５元／人", &[("１５．５", 15.5)]),
        ("15元/人次", &[("15", 15.0)]),
        ("每人需缴纳15元", &[("15", 15.0)]),
        ("每名学生收取工本费15元", &[("15", 15.0)]),
        ("每人：15元", &[("15", 15.0)]),
        ("每人￥15元", &[("15", 15.0)]),
        ("费用为**每人 15 元**", &[("15", 15.0)]),
        ("| 工本费 | 15元/人 |", &[("15", 15.0)]),
        ("每人 20 元（含 1 寸数码彩照 8 张、\n\n1.5 寸数码彩照 4 张）", &[("20", 20.0)]),
        ("（一）收费标准：15元/人。\n\n（二）收费方式：代收的图像信息采集工本费（15元/人）以学院为单位于3月29日前", &[("15", 15.0), ("15", 15.0)]),
        (
            "本次线下集中图像采集费用为每人 15 元，由本人在图像采集现场自行线上支付（微信或支付宝）。线上图像采集费用同样为每人 15 元",
            &[("15", 15.0), ("15", 15.0)],
        ),
        // Not per-person amounts.
        ("20元", &[]),
        ("共计200元", &[]),
        ("200元/班", &[]),
        ("每班200元", &[]),
        ("再次上传照片会增加人口库身份核验费，每次 2 元。", &[]),
        ("每人限拍一次，补拍20元", &[]),
        ("每人拍摄约20秒", &[]),
        ("每人领取8张照片", &[]),
        ("10-15元/人", &[]),
        ("上午 8:00—9:00", &[]),
        ("电话 0731-82250811", &[]),
        ("电商1211", &[]),
        ("`15元/人`", &[]),
        ("http://x.cn/?fee=15元/人", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<_> = fee_mentions(text)
            .into_iter()
            .map(|m| {
                let whole = &text[m.offset..m.offset + m.len];
                let number = &text[m.number_offset..m.number_offset + m.number_len];
                assert!(
                    whole.contains(number),
                    "{text:?}: number outside its mention"
                );
                (number.to_string(), m.amount)
            })
            .collect();
        let want: Vec<_> = want.iter().map(|&(n, a)| (n.to_string(), a)).collect();
        assert_eq!(got, want, "fee_mentions({text:?})");
    }
}

#[test]
fn nearest_year_table() {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let cases = [
        ((4, 12), ymd(2025, 4, 12), ymd(2025, 4, 12)),
        ((3, 29), ymd(2025, 4, 12), ymd(2025, 3, 29)),
        ((6, 30), ymd(2025, 4, 12), ymd(2025, 6, 30)),
        ((12, 30), ymd(2025, 1, 5), ymd(2024, 12, 30)),
        ((1, 3), ymd(2024, 12, 20), ymd(2025, 1, 3)),
        ((2, 29), ymd(2025, 4, 12), ymd(2024, 2, 29)),
        ((2, 29), ymd(2027, 1, 10), ymd(2028, 2, 29)),
        // A tie (183 days either way) resolves to the earlier date.
        ((1, 1), ymd(2024, 7, 2), ymd(2024, 1, 1)),
        ((2, 30), ymd(2025, 4, 12), None),
        ((4, 31), ymd(2025, 4, 12), None),
        ((13, 1), ymd(2025, 4, 12), None),
        ((0, 1), ymd(2025, 4, 12), None),
        ((1, 0), ymd(2025, 4, 12), None),
    ];
    for ((m, d), anchor, want) in cases {
        let anchor = anchor.expect("valid anchor");
        assert_eq!(
            nearest_year(m, d, anchor),
            want,
            "nearest_year({m}, {d}, {anchor})"
        );
    }
}

/// Snippets of the real notices in /work/shared/seeds, scanned whole.
#[test]
fn seed_snippets() {
    let s000 = "（1）日期：2023 年 3 月 3 日。\n\n①上午 8:00—9:00\n\n博学楼一会议室：电商 1211、电商 1212、电商 1213、会计\n\n\
                1211。\n\n⑤下午 14:30—16：00\n\n无法参加拍照的学生，请于 2023 年 3 月 3 日后自行联系新\n\n\
                华社湖南分社大学生图像采集中心进行补拍，散拍时间为周一至\n\n周五工作日，地址：长沙市迎宾路 175 号，\
                电话 0731-82250811。\n\n采集收费的说明函》执行，每人 20 元（含 1 寸数码彩照 8 张、\n\n1.5 寸数码彩照 4 张）。\
                \n\n学历照片在采集后\n\n2-3 周内会上传至此公众号\n\n教务处\n\n2023 年 2 月 17 日\n";
    let got: Vec<_> = date_mentions(s000)
        .iter()
        .map(|m| (m.year, m.month, m.day))
        .collect();
    assert_eq!(
        got,
        [(Some(2023), 3, 3), (Some(2023), 3, 3), (Some(2023), 2, 17)]
    );
    assert!(weekday_mentions(s000).is_empty());
    let fees: Vec<_> = fee_mentions(s000).iter().map(|m| m.amount).collect();
    assert_eq!(fees, [20.0]);

    let s001 = "三、采集时间:\n\n2025年4月12日至13日(详情见拍摄日程表)。\n\n4. 根据教育部相关文件精神，请参加此次图像采集的学生务必于\
                **2025 年 9 月登录中国高等教育学生信息网 (<http://www.chsi.com.cn/>) 进行图像信息校对**\n\n\
                批次\t学 院\t起 止 时 间\t拍摄地点\n1\t研究生院\t4 月 12 日 08:00-11:30\t九教 203\n\
                3\t资源环境与安全工程学院\t4 月 13 日 08:00-10:15\t九教 106\n\
                出生日期: 1980年01月01日 **民族:** 汉族\n离校日期: 2018年05月30日 **学籍状态:** 不在籍(退学)\n";
    let got: Vec<_> = date_mentions(s001)
        .iter()
        .map(|m| (m.year, m.month, m.day))
        .collect();
    assert_eq!(
        got,
        [
            (Some(2025), 4, 12),
            (Some(2025), 4, 13),
            (None, 4, 12),
            (None, 4, 13),
            (Some(1980), 1, 1),
            (Some(2018), 5, 30)
        ]
    );
    assert!(weekday_mentions(s001).is_empty());
    assert!(fee_mentions(s001).is_empty());

    let s002 = "1.2022届学术学位和专业学位毕业研究生（预计于2022年12月31日前毕业的研究生）。\n\n\
                时间：2021年12月12日上午8:30-11:30，下午13:00-16:00\n\n\
                体温低于 37.3℃、健康码和行程码均为绿色方可进入。\n\n\
                拍摄地点\t拍摄时间\t\t学院名称\n景德楼南 栋 202、 204、304\t2021 年 12 月 12 日 (周日)\t8:30—9:30\t法学院\n";
    let got: Vec<_> = date_mentions(s002)
        .iter()
        .map(|m| (m.year, m.month, m.day))
        .collect();
    assert_eq!(
        got,
        [
            (Some(2022), 12, 31),
            (Some(2021), 12, 12),
            (Some(2021), 12, 12)
        ]
    );
    let wd = weekday_mentions(s002);
    assert_eq!(wd.len(), 1);
    assert_eq!(
        (wd[0].year, wd[0].month, wd[0].day, wd[0].weekday),
        (Some(2021), 12, 12, Sun)
    );
    // 2021-12-12 really was a Sunday: the scanner and the calendar agree.
    assert_eq!(
        NaiveDate::from_ymd_opt(2021, 12, 12).map(|d| d.weekday()),
        Some(Sun)
    );
}

#[test]
fn body_mentions_agree_with_the_single_scanners() {
    let text = "2025年4月12日（周六）至13日（周日），每人 15 元；`4月1日` 与 20元/人。";
    let all = body_mentions(text);
    assert_eq!(all.dates, date_mentions(text));
    assert_eq!(all.weekdays, weekday_mentions(text));
    assert_eq!(all.fees, fee_mentions(text));
    assert_eq!(
        (all.dates.len(), all.weekdays.len(), all.fees.len()),
        (2, 2, 2)
    );
}

/// Scanning a 1 MB body stays well under 100 ms (release); debug builds get more room.
#[test]
fn one_megabyte_is_fast() {
    let unit = "采集时间：2025年4月12日至13日（周六、周日），每人 15 元；电商 1211 于 4 月 12 日 08:00-11:30 \
                在九教 203 拍摄，电话 0731-82250811，详见 http://x.cn/2025/4/12 与 `2025-04-12`。\n";
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    let units = text.matches('\n').count();
    let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
    let t = std::time::Instant::now();
    let all = body_mentions(&text);
    let elapsed = t.elapsed();
    assert_eq!(
        (all.dates.len(), all.weekdays.len(), all.fees.len()),
        (3 * units, 2 * units, units)
    );
    eprintln!("body_mentions: {} bytes in {elapsed:?}", text.len());
    assert!(
        elapsed.as_millis() < limit,
        "body_mentions of 1 MB took {elapsed:?}"
    );
    for (name, scan) in [
        (
            "date_mentions",
            &(|t: &str| date_mentions(t).len()) as &dyn Fn(&str) -> usize,
        ),
        ("weekday_mentions", &|t: &str| weekday_mentions(t).len()),
        ("fee_mentions", &|t: &str| fee_mentions(t).len()),
    ] {
        let t = std::time::Instant::now();
        assert!(scan(&text) > 0);
        let elapsed = t.elapsed();
        eprintln!("{name}: {elapsed:?}");
        assert!(
            elapsed.as_millis() < limit,
            "{name} of 1 MB took {elapsed:?}"
        );
    }
}

/// Characters that drive the scanners into their interesting paths.
fn scanner_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "2025", "年", "4", "1", "12", "０", "９", "月", "日", "号", "-", "/", ".", "至", "、",
        "和", "（", "）", "(", ")", "【", "周", "星期", "礼拜", "一", "六", "天", "每人", "元",
        "/人", "￥", "人均", " ", "\u{3000}", "\r\n", "\n", "\n\n", "`", "```", "~~~", "http://",
        "](", "<a ", ">", "*", "_", "é", "😀", ":",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) {
    let ok = |off: usize, len: usize| {
        off + len <= text.len() && text.is_char_boundary(off) && text.is_char_boundary(off + len)
    };
    for m in date_mentions(text) {
        assert!(ok(m.offset, m.len) && m.len > 0, "{m:?} in {text:?}");
        assert!((1..=12).contains(&m.month) && (1..=31).contains(&m.day));
    }
    for m in weekday_mentions(text) {
        assert!(
            ok(m.offset, m.len) && ok(m.weekday_offset, m.weekday_len),
            "{m:?} in {text:?}"
        );
        assert!(
            m.offset <= m.weekday_offset && m.weekday_offset + m.weekday_len <= m.offset + m.len
        );
    }
    for m in fee_mentions(text) {
        assert!(
            ok(m.offset, m.len) && ok(m.number_offset, m.number_len),
            "{m:?} in {text:?}"
        );
        assert!(m.amount.is_finite() && m.amount >= 0.0);
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
