//! When and where: capture days and their sessions, rooms, the timetable (Word tables, tables
//! pasted as text, or lines under a time such as `①上午8:00-9:00`), groups and headcounts.

use super::super::cells::{column, Column, MONTH_DAY};
use super::super::{Block, Doc, Line, Origin};
use super::text::{self, after_label, clean, dates, day_run, day_run_end, ranges, re, sentences, strip_marker, Lines};
use super::{Draft, Found, Group, Online, Room, Slot};
use crate::base::spans::merged;
use crate::base::time::Secs;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

const CAPTURE: &[&str] = &["采集", "拍摄", "拍照", "照相", "电子摄像"];
const NOT_CAPTURE: &[&str] = &[
    // `旧模式2023年1月1日0时彻底关停`: when a system stops, not a day in a room.
    "关停",
    "停用",
    // `学信网将于2023年1月1日起全面启用基于学信网采集码的加密采集传输新模式`.
    "启用",
    "校对",
    "缴费",
    "交费",
    // `学校会在3月16日进行扣费`: the day the fee is taken from a bank card.
    "扣费",
    "扣款",
    "划扣",
    "截止",
    "毕业时间",
    "毕业日期",
    "毕业典礼",
    "离校",
    "答辩",
    "发布",
    "勘误",
    "上传",
    "领取",
    "名单",
    "报名",
    "获取",
    "下载",
    "交送",
    "提交",
    "交至",
    "上交",
    "送至",
    "注册",
    "采集费",
    // `由学院代收统一上缴…,请各系将拍照费用于12月1日`: handing the fee in.
    "拍照费",
    "照相费",
    "拍摄费",
    "代收",
    "上缴",
    // `于12月1日中午12:20在…会议室召开电子注册工作会议`: a meeting before capture.
    "召开",
    "收取",
    "收回",
    "来源",
    "來源",
    "浏览",
    "点击",
    "查看次数",
    "核对阶段",
    "数据核对",
    "阅读次数",
    "访问次数",
];

/// The year of the first date `s` writes in full, not one citing a document (`根据…文件`,
/// `《…》(…〔2017〕99号)`).
fn full_year(s: &str) -> Option<i32> {
    dates(s).into_iter().filter(|w| w.year.is_some()).find_map(|w| {
        let clause = &s[text::clause_start(s, w.start, &['，', ',', '。'])..w.end];
        (!["《", "文件", "号"].iter().any(|k| clause.contains(k))).then_some(w.year).flatten()
    })
}

/// A clock hour opening the text after a date: `0时`, `17:00`.
static HOUR_FIRST: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:上午|下午|中午|晚上)?\s*(?:\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[点时])\s*"));

/// Errands a time may be labelled with that are not capture: `信息核对时间`, `报名时间`.
const OTHER_ERRAND: &[&str] = &["核对", "校对", "报名", "缴费", "交费", "领取", "确认", "提交", "登记"];

pub(super) fn push_day(d: &mut Draft, date: NaiveDate, sessions: Vec<(Secs, Secs)>, at: Origin, note: Option<String>) {
    if let Some(day) = d.days.iter_mut().find(|x| x.value.0 == date) {
        // The same day's hours given again elsewhere (`北校区：11月8日上午8:30-11:00；丁字沽校区：
        // 11月8日下午14:00-16:00`): the day's sessions are both, unless they overlap.
        let apart = |(a, b): &(Secs, Secs)| day.value.1.iter().all(|(x, y)| b <= x || a >= y);
        if day.value.1.is_empty() || sessions.iter().all(apart) {
            day.value.1 = merged(day.value.1.iter().chain(&sessions).copied().collect());
        }
        return;
    }
    let mut f = Found::new((date, sessions), at);
    f.note = note;
    d.days.push(f);
}

/// Capture days: dates in a sentence (or under a heading) about capture, not about deadlines,
/// makeup or proofreading; a date followed by 前/后 is a deadline or a start, not a day.
pub fn days(lines: &Lines, d: &mut Draft) {
    let issued_year = d.issued.as_ref().map(|i| chrono::Datelike::year(&i.value));
    // The year of the first date written in full in a sentence about capture, whatever that date
    // is of.
    let text_year = lines.main().find_map(|p| {
        sentences(&p.line.text).into_iter().filter(|(_, s)| CAPTURE.iter().any(|k| s.contains(k))).find_map(|(_, s)| full_year(s))
    });
    // Else the year of the first date written in full anywhere but the page's own date.
    let any_year = lines.main().filter(|p| d.issued.as_ref().is_none_or(|i| i.at != p.line.origin())).find_map(|p| full_year(&p.line.text));
    let makeup_only = d.makeup_only;
    // The year a date without one is of, told by its weekday (`11月11日(周六)` in a 2024届
    // notice: 2023), when the notice writes none: for the other dates without a year.
    let cohort = d.cohorts.first().map(|c| c.value);
    // (The years the title names, and the years beside them: `关于组织2024级研究生新生…`.)
    let titled: Vec<i32> = d
        .title
        .as_ref()
        .map(|t| {
            re(r"20\d{2}").find_iter(&t.value).filter_map(|m| m.as_str().parse::<i32>().ok()).flat_map(|y| [y - 1, y, y + 1]).collect()
        })
        .unwrap_or_default();
    // (New students are photographed the year they come: `我校2022级新生` in a notice with no year.)
    static NEW_STUDENTS: LazyLock<Regex> = LazyLock::new(|| re(r"(20\d{2})\s*级(?:全体)?(?:本科|研究生|硕士|博士)?新生"));
    let intake: Vec<i32> = lines
        .main()
        .flat_map(|p| NEW_STUDENTS.captures_iter(&p.line.text).filter_map(|c| c[1].parse().ok()).collect::<Vec<i32>>())
        .collect();
    let weekday_year = lines.main().find_map(|p| {
        dates(&p.line.text).into_iter().filter(|w| w.year.is_none()).find_map(|w| {
            let wd = text::weekday_of(&p.line.text, &w)?;
            let candidates = [issued_year, cohort.map(|c| c - 1), cohort]
                .into_iter()
                .flatten()
                .chain(titled.iter().copied())
                .chain(intake.iter().copied());
            text::year_of_weekday(&w, wd, candidates)
        })
    });
    let about = |t: &str| CAPTURE.iter().any(|k| t.contains(k)) || makeup_only && super::MAKEUP.iter().any(|k| t.contains(k));
    // A sentence announcing capture at times listed below it (`…采集工作将于如下时间进行：`): the
    // short dated lines under it are about capture too.
    let mut intro: Option<&str> = None;
    let online_sections: Vec<Option<Origin>> =
        lines.main().filter(|p| p.heading.is_some() && ONLINE_WAY.is_match(&p.line.text)).map(|p| p.heading.map(|h| h.origin())).collect();
    // The one day the paragraph before dated, with sessions: a line of hours alone under it
    // (`10月29日上午8:30—11:20` / `下午13:30—16:00`) is more of its sessions.
    // (And the days a line dated alone, `2024年3月16-17日`, with a line of hours alone under it for
    // each of their sessions: `上午:8:00-12:00` / `下午:14:00-17:00`.)
    let mut one_day: Vec<NaiveDate> = Vec::new();
    for p in lines.main() {
        let was: Vec<(NaiveDate, usize)> = d.days.iter().map(|x| (x.value.0, x.value.1.len())).collect();
        if !one_day.is_empty() && HOURS_ALONE.is_match(p.line.text.trim()) {
            let hours: Vec<(Secs, Secs)> = ranges(&p.line.text).into_iter().map(|(a, b, ..)| (a, b)).collect();
            for &day in &one_day {
                push_day(d, day, hours.clone(), p.line.origin(), None);
            }
            continue;
        }
        one_day.clear();
        let heading = p.heading.map(|h| h.text.as_str()).unwrap_or("");
        // `二、时间及地点`: in a capture notice, the section that says when.
        let heading = if WHEN_SECTION.is_match(text::strip_marker(heading).trim()) { "采集时间" } else { heading };
        let listed = intro.is_some() && p.line.text.chars().count() <= 60 && !dates(&p.line.text).is_empty();
        intro = if listed {
            intro
        } else {
            let t = p.line.text.trim_end();
            (t.ends_with([':', '：']) && about(t) && !NOT_CAPTURE.iter().any(|k| t.contains(k))).then_some(t)
        };
        // (The title's line without the page's date after the title: `…的通知 教字〔2022〕108号 教务处 |
        // 2022-09-26` was posted that day, no capture day.)
        let own = match &d.title {
            Some(t) if t.at == p.line.origin() => text::without_page_date(&p.line.text),
            _ => p.line.text.as_str(),
        };
        for (off, s) in text::sentences_keeping_hours(own) {
            // Capture online, in a notice that also captures on site, spends no day in a room;
            // nor does a section whose capture is online (`二、第二次信息采集` … `采用线上采集方式`).
            let online = (s.contains("线上") || heading.contains("线上") || online_sections.contains(&p.heading.map(|h| h.origin())))
                && !d.online_only;
            // A date's own clause, with the clause before it, decides what it dates, not the whole
            // sentence: `拍摄时间: 6月18日~21日,…名单请于6月13日前报` dates capture first, and
            // `…携带14元照相费用(缴费可以…),到…多功能厅(2021年10月22日)…参加图像采集` too. A date
            // alone in its clause (`11月4日,各学院收回确认表`) takes the next clause with it.
            let off_topic = |w: &text::Written| {
                let from = day_run_end(s, w);
                // `2025年9月1日报到的本部新生,拍照时间:9月3日`: the day they arrive, not one in a room.
                if ERRAND_DAY.is_match(&s[from..]) {
                    return true;
                }
                let end = |at: usize| s[at..].find(['，', ',', '；']).map_or(s.len(), |i| at + i);
                let mut clause_end = end(from);
                if s[from..clause_end].chars().count() <= 6 && clause_end < s.len() {
                    clause_end = end(clause_end + s[clause_end..].chars().next().map_or(1, char::len_utf8));
                }
                let starts = |at: usize| text::clause_start(s, at, &['，', ',', '；']);
                let own = starts(w.start);
                // The clause before: from the separator before that one, whatever its width.
                let before = s[..own].char_indices().next_back().map_or(0, |(i, _)| starts(i));
                let window = &s[before..clause_end];
                // `学历电子注册图像采集` names the capture itself.
                let bare = window.replace("电子注册", "").replace("学历注册", "");
                NOT_CAPTURE.iter().any(|k| bare.contains(k)) || super::about_makeup(makeup_only, window)
            };
            let elsewhere = online || dates(s).iter().all(off_topic);
            // `…选择“毕业生电子图片采集费”进行微信支付` under `一、交费时间和方式`: the fee's name
            // says 采集, the sentence is about paying.
            let fee_section = ["缴费", "交费", "收费", "费用"].iter().any(|k| heading.contains(k));
            let s_about = about(&s.replace("采集费", ""));
            if fee_section && !s_about {
                continue;
            }
            if !(about(s) || about(heading) || listed) || elsewhere || s.contains("另行通知") && dates(s).is_empty() || is_signature(s)
            {
                continue;
            }
            // `学生预毕业信息核对时间:2020年12月18日至…` under `二、时间安排`: the time of another
            // errand, though the section is about when.
            let label = s.split(['：', ':']).next().filter(|l| l.len() < s.len() && l.chars().count() <= 16).unwrap_or("");
            if !about(s) && label.ends_with("时间") && OTHER_ERRAND.iter().any(|k| label.contains(k)) {
                continue;
            }
            let ws = dates(s);
            // Hours written once after the last date (`东校区10月22-23日，西校区10月22日，上午8:30—11:30`)
            // are every date's in the sentence that has none of its own.
            let shared: Vec<(Secs, Secs)> =
                ws.last().map(|w| ranges(&s[day_run_end(s, w)..]).into_iter().map(|(a, b, ..)| (a, b)).collect()).unwrap_or_default();
            // A date without its year: the issue date's year, else that of a capture day the
            // source dates in full (定于2022年6月18日… 采集时间：6月18日上午8:00-12:00).
            let dated_year =
                d.days.iter().find(|x| x.note.as_ref().is_none_or(|n| n.contains("星期"))).map(|x| chrono::Datelike::year(&x.value.0));
            let doc_year = d.doc_year();
            let title_year = d.title_year();
            let resolve = |w: &text::Written| {
                // `2022年1月4日至1月14日`: the year written first in the sentence is the rest's.
                let said_year = dates(&s[..w.start]).iter().rev().find_map(|x| x.year);
                // `10月25(周三)`: of the years the notice could mean, the one whose 10月25日 is a
                // Wednesday, when just one is.
                if let (None, Some(wd)) = (w.year, text::weekday_of(s, w)) {
                    let candidates = [said_year, issued_year, dated_year, doc_year, text_year, cohort.map(|c| c - 1), cohort];
                    if let Some(y) = text::year_of_weekday(w, wd, candidates.into_iter().flatten()) {
                        let first = [said_year, issued_year, dated_year, doc_year, text_year].into_iter().flatten().next();
                        if first != Some(y) {
                            return w.date(Some(y)).map(|x| (x, Some(format!("原文没有写年份，按所写的星期推定为{y}年"))));
                        }
                    }
                }
                match (w.date(None), w.date(said_year), w.date(issued_year), w.date(dated_year), w.date(doc_year)) {
                    (Some(x), ..) => Some((x, None)),
                    (None, Some(x), ..) => Some((x, None)),
                    // `2022年12月广东自考…通告` on a page put up in 2025: the title's year.
                    _ if w.date(title_year).is_some() => {
                        w.date(title_year).map(|x| (x, Some("原文没有写年份，按标题所写的年月推定".to_string())))
                    }
                    (None, None, Some(x), ..) => Some((x, Some("原文没有写年份，按发文日期的年份推定".to_string()))),
                    (None, None, None, Some(x), _) => Some((x, Some("原文这里没有写年份，按原文写全的采集日期的年份推定".to_string()))),
                    (None, None, None, None, Some(x)) => Some((x, Some("原文没有写年份，按文号的年份推定".to_string()))),
                    // `我校于2022年10月8日-28日进行…` above, `采集时间为10月26日-10月28日` here.
                    _ => match (w.date(weekday_year), w.date(text_year), w.date(any_year)) {
                        (Some(x), ..) => Some((x, Some("原文没有写年份，按原文别处所写的星期推定".to_string()))),
                        (None, Some(x), _) => Some((x, Some("原文这里没有写年份，按原文前面写全的日期的年份推定".to_string()))),
                        // `4月28日-29日:高明校区` and, of the fee, `缴费时间:即日起至2024年4月27日`.
                        // (Not in a table run onto one line, `9月5日 16:30--17:00 | 西校区… |`, whose
                        // cells the sentence cannot tell apart.)
                        (None, None, x) if !s.contains('|') => {
                            x.map(|x| (x, Some("原文没有写采集日期的年份，按原文别处写全的日期的年份推定".to_string())))
                        }
                        _ => None,
                    },
                }
            };
            let mut skip_next = false;
            for (k, w) in ws.iter().enumerate() {
                if std::mem::take(&mut skip_next) || off_topic(w) {
                    continue;
                }
                let after = s[w.end..].trim_start();
                // `即日起—2024年11月22日`, `截至11月22日`: the end of a period, not a day.
                let before = s[..w.start].trim_end();
                let until =
                    ["即日起至", "即日起—", "即日起-", "即日起到", "截至", "截止", "截止到", "截止至"].iter().any(|k| before.ends_with(k));
                if until {
                    continue;
                }
                // `5月7日下午下班前`, `4月20日17:00前`, `5月6日(周一)下午下班前将…`: a deadline, not a day.
                let clause = after.split(['，', ',', '。', '；']).next().unwrap_or(after);
                let by = clause.chars().count() <= 8 && clause.ends_with('前') || text::deadline_follows(after);
                // (`2023年1月1日0时之后采集状态为采集中的`: a moment things change, not a day.)
                let past_hour = HOUR_FIRST.replace(after, "");
                let past_hour_after = past_hour.len() < after.len() && ["后", "之后", "以后"].iter().any(|k| past_hour.starts_with(k));
                if by || after.starts_with(['前', '后', '之', '以', '起']) || after.starts_with("开始") || past_hour_after {
                    continue;
                }
                let Some((date, note)) = resolve(w) else {
                    d.unsure.push(("capture.days".into(), p.line.at(off + w.start), "采集日期没有写年份".into()));
                    continue;
                };
                let at = p.line.at(off + w.start);
                // `2022年6月28日至7月2日`: every day between; `2018年3月1日至2018年7月15日`: a
                // period to come in, not days in a room (an online channel's window is its own).
                let through = ws.get(k + 1).filter(|n| {
                    // (`4月27日(星期一)至5月10日`: the weekday between is no part of the dash.)
                    let between = WEEKDAY_BRACKET.replace_all(s.get(day_run_end(s, w)..n.start).unwrap_or(""), "");
                    let between = between.trim();
                    // (`4月15日---4月30日`: a run of dashes is one.)
                    ["至", "到", "～", "~", "〜"].contains(&between)
                        || !between.is_empty() && between.chars().all(|c| matches!(c, '-' | '—' | '－' | '―'))
                });
                let period = through.and_then(|n| {
                    let end = n.date(None).or_else(|| n.date(Some(chrono::Datelike::year(&date))))?;
                    (end > date).then_some(end)
                });
                // Hours written right after the date (and before the next date) are its sessions.
                let next = dates(&s[w.end..]).first().map_or(s.len(), |n| w.end + n.start);
                // (Not the hours of one group the sentence goes on to time apart: `…8:30-17:30,交通学院安排在14:15-15:30`.)
                let next = GROUP_OWN_TIME.find(&s[w.end..next]).map_or(next, |m| w.end + m.start());
                let mut sessions: Vec<(Secs, Secs)> = ranges(&s[w.end..next]).into_iter().map(|(a, b, ..)| (a, b)).collect();
                if sessions.is_empty() {
                    sessions = shared.clone();
                }
                // Online only, the period is the window: its ends are what the channel needs.
                if let (Some(end), true) = (period, d.online_only) {
                    skip_next = true;
                    push_day(d, date, Vec::new(), at, note.clone());
                    push_day(d, end, Vec::new(), at, note.clone());
                    continue;
                }
                if let (Some(end), false) = (period, d.online_only) {
                    skip_next = true;
                    if (end - date).num_days() > 10 {
                        d.periods.push(Found::new((date, end), at));
                        d.unsure.push((
                            "capture.days".into(),
                            at,
                            format!("原文写的是一段时间（{date} 至 {end}），没有写哪几天在哪里采集"),
                        ));
                        continue;
                    }
                    for x in date.iter_days().take_while(|x| *x <= end) {
                        push_day(d, x, sessions.clone(), at, note.clone());
                    }
                    continue;
                }
                // `10月8日-28日` (checking records and capture, three weeks): a period, no days.
                let run = day_run(s, w);
                if run.last().is_some_and(|&last| last > w.day + 10) && !d.online_only {
                    d.unsure.push((
                        "capture.days".into(),
                        at,
                        format!("原文写的是一段时间（{}月{}日至{}日），没有写哪几天采集", w.month, w.day, run[run.len() - 1]),
                    ));
                    continue;
                }
                push_day(d, date, sessions.clone(), at, note.clone());
                for day in run {
                    if let Some(x) = NaiveDate::from_ymd_opt(chrono::Datelike::year(&date), w.month, day) {
                        push_day(d, x, sessions.clone(), at, note.clone());
                    }
                }
            }
        }
        let touched: Vec<(NaiveDate, usize)> = d.days.iter().map(|x| (x.value.0, x.value.1.len())).filter(|x| !was.contains(x)).collect();
        let dated_alone = touched.iter().all(|x| x.1 == 0) && DAYS_ALONE.is_match(p.line.text.trim());
        one_day = match touched[..] {
            [(day, n)] if n > 0 => vec![day],
            _ if dated_alone => touched.iter().map(|x| x.0).collect(),
            _ => Vec::new(),
        };
    }
    // `2021122日`, read two ways (1月22日 or 12月2日): the way that falls after the notice was
    // written, within half a year, when only one does.
    if let (true, Some(issued)) = (d.days.is_empty() && !d.online_only, d.issued.as_ref().map(|i| i.value)) {
        for p in lines.main() {
            for (off, s) in sentences(&p.line.text) {
                if !(about(s) || about(p.heading.map(|h| h.text.as_str()).unwrap_or(""))) || NOT_CAPTURE.iter().any(|k| s.contains(k)) {
                    continue;
                }
                for (range, ways) in text::two_way_dates(s) {
                    let after: Vec<NaiveDate> = ways.iter().copied().filter(|&x| x >= issued && (x - issued).num_days() <= 183).collect();
                    if let [one] = after[..] {
                        let hours: Vec<(Secs, Secs)> = ranges(&s[range.end..]).into_iter().map(|(a, b, ..)| (a, b)).collect();
                        let note = format!("原文写作「{}」，可读作两个日期，按发文日期（{issued}）取其后的一个", &s[range.clone()]);
                        push_day(d, one, hours, p.line.at(off + range.start), Some(note));
                    }
                }
            }
        }
    }
    // No sentence about capture dated it, but a line labelled with the time alone does
    // (`二、组织要求` / `1. 时间:2020年11月10日`), outside fee, proofreading and makeup: its day.
    if d.days.is_empty() && !d.online_only {
        /// A day found so, and whether a place's line follows it.
        struct Labelled {
            date: NaiveDate,
            hours: Vec<(Secs, Secs)>,
            at: Origin,
            placed: bool,
        }
        let mut found: Vec<Labelled> = Vec::new();
        let main: Vec<_> = lines.main().collect();
        for (i, p) in main.iter().enumerate() {
            // (Not the page's own date in its header: `日期:2025-10-16`.)
            if d.used.contains(&p.line.origin()) || d.issued.as_ref().is_some_and(|i| i.at == p.line.origin()) {
                continue;
            }
            let t = strip_marker(&p.line.text);
            let Some(rest) = after_label(t, &["时间", "日期"]) else { continue };
            let head = t.split(['：', ':']).next().unwrap_or(t);
            let heading = p.heading.map(|h| h.text.as_str()).unwrap_or("");
            let elsewhere = |x: &str| NOT_CAPTURE.iter().any(|k| x.contains(k)) || super::about_makeup(makeup_only, x);
            if head.chars().count() > 6 || elsewhere(head) || elsewhere(heading) {
                continue;
            }
            let ws = dates(rest);
            let [w] = ws.as_slice() else { continue };
            let after = &rest[w.end..];
            let hours: Vec<(Secs, Secs)> = ranges(after).into_iter().map(|(a, b, ..)| (a, b)).collect();
            // (`2018年10月27日(周六)上午8:00开始`: the day, and when it starts, which is no session.)
            let starts = START_ONLY.is_match(after);
            if w.start != 0 || !after.trim().is_empty() && hours.is_empty() && !WEEKDAY_ONLY.is_match(after) && !starts {
                continue;
            }
            let Some(date) = w.date(None) else { continue };
            let at = p.line.at(p.line.text.len() - rest.len() + w.start);
            let placed =
                main.get(i + 1).is_some_and(|q| after_label(strip_marker(&q.line.text), &["地点", "采集地点", "拍摄地点"]).is_some());
            found.push(Labelled { date, hours, at, placed });
        }
        // The first; or, where each is followed by its place (`1.龙子湖校区` / `时间:…` / `地点:…`, then
        // the next campus), each.
        let each = found.len() >= 2 && found.iter().all(|f| f.placed);
        for f in found.into_iter().take(if each { usize::MAX } else { 1 }) {
            push_day(d, f.date, f.hours, f.at, None);
        }
    }
}

/// What a day right before it is the day of, when that is no capture: `9月1日报到的新生`,
/// `9月1日(周一)开学后`, `3月2日返校`.
static ERRAND_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:[（(]\s*(?:星期|周)[一二三四五六日天]\s*[）)])?\s*(?:(?:入学)?报到|开学|返校|入校|入学)"));

/// Campuses listed, the last one's 校区 theirs: `四牌楼、丁家桥校区`, `东校区、西校区`.
static CAMPUS_LIST: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:\p{Han}{2,6}?(?:校区)?、)+\p{Han}{2,6}校区$"));

/// A clause timing one group apart from the day: `,交通学院安排在14:15-15:30`, `；外国语学院为下午2:00-3:00`.
static GROUP_OWN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[，,；;]\s*(\p{Han}{2,16}?(?:学院|系|研究所|所|中心|专业|班))(?:学生|同学|研究生)?\s*(?:安排在|安排于|在|于|为|时间为)\s*(?:上午|下午|晚上)?\s*\d{1,2}\s*[:：]\s*\d{2}",
    )
});

/// What may follow a day besides its hours: its weekday, the part of the day and the clock time it
/// starts (`(周六)上午8:00开始`); not `2024年3月26日开始` alone, which opens a period.
static START_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:[（(]\s*(?:星期|周)[一二三四五六日天]\s*[）)])?\s*(?:上午|下午)?\s*\d{1,2}[:：]\d{2}\s*(?:开始|起)?\s*$"));

/// `中午12:00-14:00为工作人员午餐及休息时间`: a break the notice states inside a day's session
/// (`上午9:00至16:10`) splits that session in two.
pub fn breaks(lines: &Lines, d: &mut Draft) {
    let mut found: Vec<(Secs, Secs)> = Vec::new();
    for p in lines.main() {
        for (_, s) in sentences(&p.line.text) {
            if !BREAK.is_match(s) || d.about_makeup(s) || !dates(s).is_empty() {
                continue;
            }
            if let [(a, b, ..)] = ranges(s).as_slice() {
                found.push((*a, *b));
            }
        }
    }
    for (a, b) in found {
        for day in &mut d.days {
            let sessions = std::mem::take(&mut day.value.1);
            day.value.1 =
                sessions.into_iter().flat_map(|(x, y)| if x < a && b < y { vec![(x, a), (b, y)] } else { vec![(x, y)] }).collect();
        }
    }
}

/// What says the capture stops for a while: `午餐及休息时间`, `午休`, `暂停拍摄`.
static BREAK: LazyLock<Regex> = LazyLock::new(|| re(r"午餐|午休|午间休息|休息时间|暂停(?:拍摄|采集|拍照)"));

/// A line of hours and nothing else: `下午13:30—16:00`, `上午8:00-11:30,下午14:00-17:00`.
static HOURS_ALONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(?:上午|下午|中午|晚上)?\s*[:：]?\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}[\s,，;；、]*)+$"));

/// Days, a colon, and where: `4月30日:禅城校区(羽毛球馆)、南海校区(6210、6211)`.
static DAYS_THEN_PLACE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"{}\s*[:：]\s*(\D[^:：]{{1,60}})$", text::DAY_RUN_START)));

/// A line that is days and nothing else: `2024年3月16-17日`, `3月16日、17日`.
static DAYS_ALONE: LazyLock<Regex> = LazyLock::new(|| re(&format!("{}$", text::DAY_RUN_START)));

/// A place, then the next day of the same sentence and its own place: `在中北科学会堂阶梯教室、29-30日在`.
static PLACE_BEFORE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"在([\p{Han}\dA-Za-z（）()、]{2,40}?)[、，,]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}(?:\s*[-—至到]\s*\d{1,2})?\s*日\s*(?:上午|下午|全天)?\s*在",
    )
});

static WEEKDAY_BRACKET: LazyLock<Regex> = LazyLock::new(|| re(r"[（(]\s*(?:星期|周)[一二三四五六日天]\s*[）)]"));

/// What may follow a date on its line besides hours: its weekday (`(周二)`).
static WEEKDAY_ONLY: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[（(]?\s*(?:周|星期)[一二三四五六日天]\s*[）)]?\s*$"));

/// A date alone on its line: the notice's signature, not a capture day.
fn is_signature(s: &str) -> bool {
    dates(s).first().is_some_and(|w| w.start == 0 && s[w.end..].trim().is_empty()) && s.contains('年')
}

/// Hours stated for every day (`拍摄时间：08:00—11:30；13:30—17:30`), written with no date.
/// What follows hours that are a break: `休息`, `午休`.
static BREAK_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[)）]?\s*(?:休息|午休|暂停)"));

fn common_sessions(text: &str) -> Option<Vec<(Secs, Secs)>> {
    // `上午8:30-11:50 下午13:30-17:30` alone on its line: a whole day's hours, every day's.
    // (A PDF may run the next sentence on: `…下午13:30-17:30各院具体照相时间请查阅附件1`.)
    if let Some(m) = DAY_HOURS.find(text.trim()) {
        return Some(ranges(m.as_str()).into_iter().map(|(a, b, ..)| (a, b)).collect());
    }
    let label = after_label(text, &["拍摄时间", "采集时间", "时间"])?;
    if !dates(label).is_empty() {
        return None;
    }
    // (`中午12:00-12:30休息`: a break, not the hours.)
    let r: Vec<(Secs, Secs)> =
        ranges(label).into_iter().filter(|&(.., e)| !BREAK_AFTER.is_match(&label[e..])).map(|(a, b, ..)| (a, b)).collect();
    (!r.is_empty()).then_some(r)
}

/// A morning's and an afternoon's hours and nothing else: `上午8:30-11:50 下午13:30-17:30`.
static DAY_HOURS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^上午\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s*[,，;；、]?\s*下午\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}(?:$|[^\d:])"));

/// `地点为X`, `拍摄地点设在X`.
static PLACE_IS: LazyLock<Regex> = LazyLock::new(|| re(r"(?:采集|拍摄)?地点(?:为|是|设在)\s*([^，,。；;]+)"));
/// `(3月11日)` after a place, and whatever follows it.
static DATE_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| re(r"[（(][^）)]*\d+\s*月[^）)]*[）)].*$"));
/// `学生活动中心107室、110B室`, and each room in it.
static LETTERED_ROOMS: LazyLock<Regex> = LazyLock::new(|| re(r"^[\p{Han}]+(?:\d{2,4}[A-Za-z]?室?(?:、|和|及|，|,)?)+$"));
static LETTERED_ROOM: LazyLock<Regex> = LazyLock::new(|| re(r"\d{2,4}[A-Za-z]?室?"));
/// A section's way of capture, online: `采用线上采集方式`.
static ONLINE_WAY: LazyLock<Regex> = LazyLock::new(|| re(r"(?:采用|通过)线上(?:采集)?(?:方式|形式)|线上采集方式"));
/// A line that opens with a campus's name: `新芜校区 A1教学楼 N104教室`.
static CAMPUS_FIRST: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Han}{2,4}校区"));
/// A section heading that says when, and nothing else: `二、时间及地点`, `时间安排`.
/// A timetable's class period: `第1-2节课`, `第3-5节`, `午间`, `晚间`.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:第[\d一二三四五六七八九十]+(?:\s*[-—~～至、]\s*[\d一二三四五六七八九十]+)?节课?|上午|下午|中午|午间|晚间|晚上)$")
});
static WHEN_SECTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:具体)?(?:地点(?:及|和|与|、))?(?:时间|日期)(?:安排)?(?:(?:及|和|与|、)?地点)?(?:安排)?[:：]?$"));
/// A place and its day in brackets: `津南校区体育场(体育馆东侧)(2021年10月23日)`.
static PLACE_DATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[到在、和及，,])([\p{Han}\dA-Za-z]{2,24}(?:[（(][^（()）\d]{1,10}[）)])?)[（(]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日[^（()）]{0,8}[）)]",
    )
});
/// A remark in brackets after a place (`(根据各专业所在校区集中进行)`): no part of it.
/// (`(提醒:研究生院正大门进来的楼层为二楼,…)`, `C313拍摄(C306签到)`: a reminder, or where to sign in.)
static REMARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"[（(][^（）()]*(?:根据|按照|详见|见附件|进行|安排|提醒|注意|备注|签到|具体[^（）()]*另行通知)[^（）()]*[）)]"));
/// Rooms by their codes after one place's name: `一教楼1B512、1B514、1C508`,
/// `北辰校区12D101、12D102、教室` (a stray mark before the kind of room), `J104、J106`.
static CODE_LIST: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(\p{{Han}}[\p{{Han}}A-Za-z]*?)?({ROOM_CODE}(?:、{ROOM_CODE})+)(、?(?:教室|室))?$")));
/// A room's code: `1B512`, `12D101`, `J104`.
const ROOM_CODE: &str = r"[A-Za-z\d]*\d{2,}[A-Za-z\d]*";
/// Rooms the school offers for the photos to be taken in (an online capture's own rooms):
/// `学校提供3间教室(一教楼1B512、1B514、1C508)供拍照使用`, `J104、J106设置为标准化的采集点`.
static OFFERED_ROOMS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:提供|开放)[一二三四五六七八九十两\d]*(?:间|个)(?:教室|采集点|拍摄点|拍照点|场地)[（(]([^（）()]{{2,60}})[）)](?:供|用于|作为)|(?:^|[^A-Za-z\d])({ROOM_CODE}(?:、{ROOM_CODE})+)(?:设置|设|作)为[\p{{Han}}]{{0,6}}(?:采集点|拍摄点|拍照点)"
    ))
});
/// What a place's clause says after the place: `C313拍摄`, `医学院校区三个采集点同时(进行)`.
static AFTER_PLACE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:拍摄|拍照|采集)$|[一二三四五六七八九十两\d]+个(?:采集点|拍摄点|地点|场地)[\p{Han}]{0,4}$"));
/// A campus in brackets opening a place, once its school's name is gone: `(大学城校区)图书馆…`.
static CAMPUS_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| re(r"^[（(](\p{Han}{2,8}校区)[）)]"));
/// Campuses counted, not named: `两校区`, `各校区`, `校区集中`; or the school itself (`校内`).
static NO_PLACE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(?:两|各|本|全|多|三|四|所在)?校区(?:集中|内)?|校内|校园内?|学校|本校|我校|在校)$"));
/// A headcount alone: `294人`, `约300人`.
static HEADCOUNT_ONLY: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:约|共|大约|合计)?\s*\d{1,5}\s*人(?:左右)?$"));
/// A room by its number alone: `2102`, `A213`.
static ROOM_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Z]?\d{3,4}$"));

/// Hours in brackets after a room: `(9:00-11:30,13:00-16:00)`.
static HOURS_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"[（(]\s*(?:上午|下午)?\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}[^（）()]*[）)]"));

/// Hours every room's line gives in brackets, joined: the day's sessions when nothing else
/// states them.
fn room_hours(lines: &Lines) -> Option<(Vec<(Secs, Secs)>, Origin)> {
    let mut spans: Vec<(Secs, Secs)> = Vec::new();
    let mut at = None;
    for p in lines.main() {
        for m in HOURS_AFTER.find_iter(&p.line.text) {
            if p.line.text[..m.start()].chars().last().is_some_and(|c| matches!(c, '室' | '厅' | '馆' | '堂' | '楼') || c.is_ascii_digit())
            {
                spans.extend(ranges(m.as_str()).into_iter().map(|(a, b, ..)| (a, b)));
                at.get_or_insert(p.line.at(m.start()));
            }
        }
    }
    Some((merged(spans), at?))
}

/// Rooms: the place named after 地点, each of `第九教学楼103室、106室` spelled out in full.
pub fn rooms(lines: &Lines, d: &mut Draft) {
    let school = d.school.as_ref().map(|s| s.value.clone()).unwrap_or_default();
    let paras: Vec<_> = lines.main().collect();
    // Campuses dated under a place heading (`北校区:2018年10月11日`): the places, when the notice
    // names no room (`具体时间及地点见附表`).
    let mut campus_days: Vec<(String, Origin)> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let t = strip_marker(&p.line.text);
        // `地点：X`, or a heading that is the label alone (`二、采集地点`) with the places below.
        let labels = ["采集地点", "拍摄地点", "拍照地点", "地点"];
        // (`3.地点、时间` too: a heading of both, the places on the lines below.)
        // (Not `地点` between `时间` and `人数`: a table's header, one cell a line.)
        let header_cell = |l: &Line| column(l.text.trim()).is_some();
        let header_at = |k: usize| paras.get(k).is_some_and(|q| header_cell(q.line));
        let heading_only = || {
            let h = t.trim_end().trim_end_matches(['：', ':']);
            let in_header = t == h && (i > 0 && header_at(i - 1) || header_at(i + 1));
            (labels.iter().any(|l| h.ends_with(l)) && !in_header || PLACE_AND_TIME.is_match(h)).then_some("")
        };
        let said = || PLACE_IS.captures(t).and_then(|c| c.get(1)).map(|m| m.as_str());
        let Some(place) = after_label(t, &labels).or_else(said).or_else(heading_only) else { continue };
        // `公司地点:虹口区…2108室`, `交费地点`: somewhere else than the capture.
        let head = t.split(['：', ':']).next().unwrap_or(t);
        if head.chars().count() <= 12 && ["公司", "交费", "缴费", "报名", "领取", "咨询", "办公"].iter().any(|k| head.contains(k))
        {
            continue;
        }
        // `世纪馆北大厅(具体分学院安排见附件一)`: the place, and where to read more.
        let written = !place.trim().is_empty();
        let place = REMARK.replace_all(place, "");
        let place = place.as_ref();
        // (`地点:(具体地点另行通知)`: no place, not a heading with places below.)
        if written && place.trim().is_empty() {
            continue;
        }
        if ["详见", "见附件", "另行通知", "另行安排"].iter().any(|k| place.split('。').next().unwrap_or(place).contains(k)) {
            continue;
        }
        // (`预计…毕业研究生,请于…自行前往中国图片社补照。` / `地点:宣武门外大街…`: the makeup's place.)
        // (Not a heading with the places below it: `采集地点和时间:` after a sentence that sends whoever
        // cannot come elsewhere.)
        let after_makeup = i > 0
            && !place.is_empty()
            && text::level(&p.line.text).is_none()
            && d.about_makeup(&paras[i - 1].line.text)
            && labels.iter().any(|l| t.trim_start().starts_with(l));
        if d.about_makeup(t) || after_makeup {
            continue;
        }
        // `地点：` alone: the places are the lines below it, up to the next heading.
        let mut texts: Vec<(String, Origin)> = Vec::new();
        // The days a line under the heading gives its places (`4月28日-29日:高明校区(…)`).
        let mut line_days: Vec<Vec<NaiveDate>> = Vec::new();
        if place.is_empty() {
            for q in paras.iter().skip(i + 1).take(4) {
                // (`校区 |` `时间 |` `地点 |`: a table's header; its rows are the timetable's.)
                // (`采集地点和时间:` under `二、采集方式、时间和地点`: a heading of its own, read in its turn.)
                let sub = strip_marker(&q.line.text).trim();
                let sub_heading = sub.ends_with(['：', ':']) && sub.chars().count() <= 12 && labels.iter().any(|l| sub.contains(l));
                // (A sentence after the places ends them: `为避免人员聚集,请各学院…` then the next section's prose.)
                let after_places = !texts.is_empty() && sub.contains(['，', ',']) && sub.contains('请');
                if text::level(&q.line.text).is_some() || header_cell(q.line) || sub_heading || after_places {
                    break;
                }
                // (`应天校区:教学楼903、904教室` with `两校区均为两台机位拍摄。` run into it: the place's
                // own line.)
                let own = q.line.first_part();
                let line = if CAMPUS_FIRST.is_match(own.trim()) && !own.contains('。') { own } else { q.line.text.as_str() };
                let t = REMARK.replace_all(line, "").into_owned();
                // (`地点:定淮门东校区:教学楼502、504教室` under the heading: the places after the label.)
                let t = after_label(t.trim(), &labels)
                    .filter(|r| !r.is_empty() && t.trim().starts_with(['地', '采', '拍']))
                    .map_or(t.clone(), str::to_string);
                // `4月28日-29日:高明校区(学生活动中心舞蹈室)`: the days, then their place.
                let (t, days) = match DAYS_THEN_PLACE.captures(t.trim()) {
                    Some(c) => {
                        let head = c.get(1).map_or(0, |m| m.start());
                        (c[1].to_string(), days_written(d, t.trim(), 0..head))
                    }
                    None => (place_after_hours(&t).unwrap_or(t), Vec::new()),
                };
                texts.push((t, q.line.origin()));
                line_days.push(days);
            }
        } else {
            texts.push((place.to_string(), p.line.origin()));
            // (The day on the place's own line, before its label: `10月14日下午14:10-17:20 地点:…`.)
            line_days.push(match dated_place(t) {
                Some((_, when)) => days_written(d, t, when),
                None => day_above(d, &paras, i),
            });
            // `地点:文津校区 西三教学楼108教室` and, on the lines below, the other campuses' rooms.
            for q in paras.iter().skip(i + 1).take(3) {
                // (A place is a line of its own: not the sentence a PDF's text ran into it,
                // `应天校区:教学楼903、904教室` + `两校区均为两台机位拍摄。`.)
                let own = q.line.first_part();
                let t = REMARK.replace_all(own.trim(), "");
                let campus = CAMPUS_FIRST.is_match(&t);
                // (`应天校区:教学楼903、904教室`: another campus's label and rooms.)
                let labelled = campus && t.matches(['：', ':']).count() == 1;
                if text::level(&q.line.text).is_some()
                    || t.contains(['。', '，', ','])
                    || t.contains(['：', ':']) && !labelled
                    || !(campus || looks_like_room(&t))
                {
                    break;
                }
                texts.push((t.into_owned(), q.line.origin()));
            }
        }
        // (`2.花园校区` / `时间:…` / `地点:花园校区六号教学楼(6101、6102、6103)`: another campus's
        // own 地点 line, too, not under a makeup's heading or after its sentence.)
        let more: Vec<(&str, Origin, Vec<NaiveDate>)> = paras
            .iter()
            .enumerate()
            .skip(i + 1)
            .filter(|(_, q)| !d.about_makeup(&q.line.text) && !q.heading.is_some_and(|h| d.about_makeup(&h.text)))
            .filter(|&(k, _)| !d.about_makeup(&paras[k - 1].line.text))
            .filter_map(|(k, q)| {
                // (`地点:` only opening the line: `交费地点:财务处` is somewhere else.)
                let t = strip_marker(&q.line.text);
                let bare = || t.trim_start().starts_with("地点").then(|| after_label(t, &["地点"])).flatten();
                // (Or after the day and hours on its own line: `10月21日9:00-17:00 地点:华家池校区…`.)
                // (The place's own source line: not the sentence a PDF's text ran into it.)
                let own = strip_marker(q.line.first_part());
                if let Some((place, when)) = dated_place(own) {
                    return Some((place, q.line.origin(), days_written(d, own, when)));
                }
                let place = after_label(t, &["采集地点", "拍摄地点", "拍照地点"]).or_else(bare).filter(|r| !r.is_empty())?;
                Some((place, q.line.origin(), day_above(d, &paras, k)))
            })
            .collect();
        // `呈贡校区: 2017年10月25日(星期三),上午8:00 — 12:00` / `文汇楼一栋1403教室`: the room on
        // the line under a campus's day is on that campus.
        let mut campus_above: Option<String> = None;
        // (Each line's days only where two lines of places or more have their own: `时间:2018年10月27日…` /
        // `地点:…` for each campus, each place on the day above it.)
        let each_dated = line_days.iter().chain(more.iter().map(|m| &m.2)).filter(|x| !x.is_empty()).count() >= 2;
        for (k, (t, at)) in texts.into_iter().enumerate() {
            let above = campus_above.take();
            // A line that points elsewhere or gives times is no place.
            let first = t.split('。').next().unwrap_or(&t);
            let bare = HOURS_AFTER.replace_all(first, "");
            // Under a heading, only lines that name a place (not the prose of the section).
            let named = ["楼", "室", "厅", "馆", "堂", "场", "中心", "校区", "门", "处"].iter().any(|k| first.contains(k));
            // (`图像采集将由…工作人员到我校统一进行,…`: a sentence, whatever place it names.)
            // (`学生先在一楼大厅集合`: where to gather, not where the camera is.)
            let sentence =
                t.contains(['，', ',']) && ["将", "请", "进行", "由", "务必", "要求"].iter().any(|k| t.contains(k)) || t.contains("集合");
            let prose = place.is_empty()
                && (!named
                    || sentence
                    || t.trim_end_matches('。').contains(['。', '；'])
                    || bare.chars().count() > 60
                    || t.ends_with(['：', ':'])
                    || t.contains("根据"));
            // (`同济校区:2020年9月22日;` under `时间和地点`: a campus's day, no room.)
            let dated_only = !dates(first).is_empty() && !ROOM_WORDS.iter().any(|k| first.contains(k));
            if dated_only && !prose {
                campus_above = CAMPUS_FIRST.find(first.trim()).map(|m| m.as_str().to_string());
                campus_days.push((t.clone(), at));
                continue;
            }
            if prose
                || ["见附件", "详见", "安排见", "另行通知"].iter().any(|k| first.contains(k))
                || after_label(first, &["时间", "日期"]).is_some_and(|r| !r.is_empty()) && first.find(['：', ':']).is_some_and(|i| i <= 12)
                // (`照相对象:2015级在校本、专科学生…` under `一、照相对象、时间和地点`: who, not where.)
                || first.split_once(['：', ':']).is_some_and(|(label, _)| {
                    // (Not a place with its phone after it: `形体室 联系电话:0351-…`.)
                    label.chars().count() <= 8 && ["对象", "人员", "范围", "费用", "方式", "要求"].iter().any(|k| label.trim().ends_with(k))
                })
                || !ranges(&bare).is_empty()
                || t.starts_with(|c: char| c.is_ascii_digit()) && !dates(&t).is_empty()
            {
                continue;
            }
            for (name, campus) in room_names(&t, &school) {
                let days = line_days.get(k).filter(|_| each_dated).map_or(&[][..], Vec::as_slice);
                add_room(d, name, campus.or_else(|| above.clone()), at, days);
            }
        }
        // Each campus's own 拍照地点 line further on is read too; other places (交费地点) are not.
        if !d.rooms.is_empty() {
            for (place, at, days) in more {
                // (`黄埔校区(具体地址另行通知)`: the campus, its room to be told.)
                let place = REMARK.replace_all(place, "");
                let place = place.as_ref();
                let first = place.split('。').next().unwrap_or(place);
                if ["见附件", "详见", "另行通知", "待定"].iter().any(|k| first.contains(k)) {
                    continue;
                }
                for (name, campus) in room_names(place, &school) {
                    add_room(d, name, campus, at, if each_dated { &days } else { &[] });
                }
            }
            break;
        }
    }
    // No 地点 line: `于…在X进行…采集` in a capture sentence.
    if d.rooms.is_empty() {
        // (`…携带本人二代身份证到研究生教学楼(博智楼)324室进行拍照` too; not a makeup's place.)
        // (`在中心校区、洪家楼校区同时进行`: the places, not that they are at once.)
        let place = re(r"(?:在|到|前往)([\p{Han}\dA-Za-z（）()、]{2,40}?)(?:同时)?(?:进行|集中|统一|参加)([^，。,；]{0,4})");
        for p in lines.main() {
            // (Or under a heading of the capture's time and place: `二、时间地点` /
            // `2018年10月24日在中心校区、趵突泉校区,25日在…进行。`)
            let when_where = p.heading.is_some_and(|h| TIME_AND_PLACE.is_match(strip_marker(&h.text).trim()));
            if !(when_where || CAPTURE.iter().any(|k| p.line.text.contains(k))) || dates(&p.line.text).is_empty() {
                continue;
            }
            // Only a place (在我校在校的毕业生进行… names people, not a room).
            let is_place = |t: &str| {
                ["楼", "室", "厅", "馆", "中心", "礼堂", "广场", "会议", "报告", "教学", "校区"].iter().any(|k| t.contains(k))
                    && !["毕业生", "学生", "同学"].iter().any(|k| t.replace("学生活动", "").replace("学生服务", "").contains(k))
                    && !NO_PLACE.is_match(t)
            };
            let makeup_at = |c: &regex::Captures| {
                let at = c.get(0).map_or(0, |m| m.start());
                // (From the sentence's start: `…时间内未在校的学生,可…,并于…自行到X进行采集`.)
                let from = text::clause_start(&p.line.text, at, &['。', '；']);
                c[2].contains('补') || d.about_makeup(&p.line.text[from..c.get(0).map_or(at, |m| m.end())])
            };
            if let Some(c) = place.captures_iter(&p.line.text).find(|c| is_place(&c[1]) && !makeup_at(c)) {
                // `于12月28日在中北科学会堂阶梯教室、29-30日在闵行第二教学楼104进行`: each day's place.
                let start = c.get(0).map_or(0, |m| m.start());
                // (`在洪家楼校区、千佛山校区、软件园校区进行`: each place of the list, when each is one.)
                let each = |list: &str| -> Vec<String> {
                    let parts: Vec<&str> = list.split('、').collect();
                    // (`北辰校区12D101、12D102、教室`: rooms by their codes in one place.)
                    if let Some(rooms) = code_rooms(list) {
                        rooms
                    } else if parts.len() > 1 && parts.iter().all(|x| is_place(x)) {
                        parts.iter().map(|x| x.to_string()).collect()
                    } else {
                        vec![list.to_string()]
                    }
                };
                // Each place's days: those written between the place before it and it.
                let mut from = text::clause_start(&p.line.text, start, &['。', '；']);
                let mut dated = 0;
                for e in PLACE_BEFORE_DAY.captures_iter(&p.line.text[..start + '在'.len_utf8()]).filter(|e| is_place(&e[1])) {
                    let place = e.get(1).map_or(0..0, |m| m.range());
                    let days = days_written(d, &p.line.text, from..place.start);
                    for name in each(&e[1]) {
                        add_room(d, name, None, p.line.at(place.start), &days);
                    }
                    dated += 1;
                    from = place.end;
                }
                let place = c.get(1).map_or(0..0, |m| m.range());
                let at = p.line.at(place.start);
                // (Only where the sentence gives each place its days: one place alone has the notice's.)
                let days = if dated > 0 { days_written(d, &p.line.text, from..place.start) } else { Vec::new() };
                for name in each(&c[1]) {
                    add_room(d, name, None, at, &days);
                }
                break;
            }
            // `定于2019年5月24日(东校区)、25日(本部、南校区)两天进行`: each day with its campuses in
            // brackets after it.
            let campuses = day_campuses(d, &p.line.text);
            if !campuses.is_empty() {
                for (name, at, days) in campuses {
                    add_room(d, name, None, p.line.at(at), &days);
                }
                break;
            }
            // `到八里台校区学生活动中心一楼多功能厅(2021年10月22日)、津南校区体育场(2021年10月23日)`:
            // each place with its day in brackets after it.
            let dated: Vec<_> = PLACE_DATED.captures_iter(&p.line.text).filter(|c| is_place(&c[1])).collect();
            if !dated.is_empty() {
                for c in dated {
                    let name = c[1].trim_start_matches(['到', '在', '和', '、', '及']).to_string();
                    // (The day in brackets after the place is its own.)
                    let (place, whole) = (c.get(1).map_or(0..0, |m| m.range()), c.get(0).map_or(0..0, |m| m.range()));
                    let days = days_written(d, &p.line.text, place.end..whole.end);
                    add_room(d, name, None, p.line.at(place.start), &days);
                }
                break;
            }
        }
    }
    // Rooms the school offers for taking the photos (`学校提供3间教室(…)供拍照使用`).
    if d.rooms.is_empty() {
        for p in lines.main() {
            if d.about_makeup(&p.line.text) {
                continue;
            }
            if let Some(m) = OFFERED_ROOMS.captures(&p.line.text).and_then(|c| c.get(1).or_else(|| c.get(2))) {
                let at = p.line.at(m.start());
                for (name, campus) in room_names(m.as_str(), &school) {
                    add_room(d, name, campus, at, &[]);
                }
                break;
            }
        }
    }
    // (Campuses dated under the heading, when no sentence names the places.)
    if d.rooms.is_empty() {
        for (t, at) in campus_days {
            for (name, campus) in room_names(&t, &school) {
                add_room(d, name, campus, at, &[]);
            }
        }
    }
    assign_ids(d);
    campuses_dated(lines, d);
}

/// A campus and its days, one item of a list: `雁塔校区10月23日`, `兴庆校区:10月24-25日`.
static CAMPUS_DATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\p{Han}{2,4}校区)\s*[:：]?\s*((?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]?(?:\s*[-—～~至、和]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]?)*)",
    )
});

/// `雁塔校区10月23日、兴庆校区10月24-25日` on a line of its own, each campus with its one room
/// (`雁塔校区505体育馆、兴庆校区宪梓堂一楼`): each room's days are its campus's.
fn campuses_dated(lines: &Lines, d: &mut Draft) {
    for p in lines.main().filter(|p| !d.about_makeup(&p.line.text)) {
        for (piece, _) in p.line.pieces() {
            let t = strip_marker(piece).trim();
            let items: Vec<regex::Captures> = CAMPUS_DATED.captures_iter(t).collect();
            // (Nothing else on the line: the campuses' days and the marks between them.)
            let rest = CAMPUS_DATED.replace_all(t, "");
            if items.len() < 2 || !rest.chars().all(|c| "、，,；;。 ".contains(c)) {
                continue;
            }
            let each: Vec<(String, Vec<NaiveDate>)> = items
                .iter()
                .filter_map(|c| {
                    let days = days_written(d, t, c.get(2).map_or(0..0, |m| m.range()));
                    Some((on_campus(d, &c[1])?, days))
                })
                .collect();
            // (Every campus with its room and its days, or none: a list half read says nothing.)
            if each.len() != items.len() || each.iter().any(|(_, days)| days.is_empty()) {
                continue;
            }
            for (id, days) in each {
                if let Some(r) = d.rooms.iter_mut().find(|r| r.value.id == id && r.value.days.is_empty()) {
                    r.value.days = days;
                }
            }
            return;
        }
    }
}

/// A day's campuses in brackets right after it: `2019年5月24日(东校区)`, `25日(本部、南校区)`,
/// `9月2日(北区星期六)` (its weekday beside them). Only brackets that hold campuses and nothing else
/// (not `(暂定)`, `(上午)`, `(周六)` alone, whose day has none): each campus, where in `t` it is, and the day's capture days.
fn day_campuses(d: &Draft, t: &str) -> Vec<(String, usize, Vec<NaiveDate>)> {
    let ws = dates(t);
    let mut out: Vec<(String, usize, Vec<NaiveDate>)> = Vec::new();
    // (The day may be one listed after a date, `、25日(本部、南校区)`: in that date's month.)
    for c in DAY_BRACKET.captures_iter(t) {
        let (day, inner) = (c.get(1).map_or(0..0, |m| m.range()), c.get(2).map_or(0..0, |m| m.range()));
        let Some(w) = ws.iter().rev().find(|w| w.start <= day.start) else { continue };
        // (Only days listed after it, each perhaps with its bracket: no other words between.)
        let between = t.get(w.end..day.start).map_or(String::new(), |x| ANY_BRACKET.replace_all(x, "").into_owned());
        if day.start >= w.end && !between.chars().all(|c| c.is_ascii_digit() || "日号、,，和及 ".contains(c)) {
            continue;
        }
        let text = WEEKDAY_WORD.replace_all(&t[inner.clone()], "、");
        let names: Vec<&str> = text.split(['、', '，', ',', '和', '及', ' ']).map(str::trim).filter(|x| !x.is_empty()).collect();
        if names.is_empty() || !names.iter().all(|x| CAMPUS_NAME.is_match(x)) {
            continue;
        }
        let n: u32 = t[day.clone()].parse().unwrap_or(0);
        let days: Vec<NaiveDate> = d.days.iter().map(|x| x.value.0).filter(|x| x.month() == w.month && x.day() == n).collect();
        // (A campus named on two days comes twice: `add_room` keeps it once, with both.)
        for name in names {
            let at = inner.start + t[inner.start..].find(name).unwrap_or(0);
            out.push((name.to_string(), at, days.clone()));
        }
    }
    out
}

/// Brackets and what they hold.
static ANY_BRACKET: LazyLock<Regex> = LazyLock::new(|| re(r"[（(][^（()）]*[）)]"));
/// A day and the bracket right after it: `24日(东校区)`, `25日(本部、南校区)`.
static DAY_BRACKET: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{1,2})\s*[日号]\s*[（(]([^（()）]{1,30})[）)]"));
/// A weekday in a day's bracket beside its campus: `(北区星期六)`.
static WEEKDAY_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"(?:星期|周)[一二三四五六日天]"));
/// A campus's name: `东校区`, `校本部`, `本部`, `北区`.
static CAMPUS_NAME: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:\p{Han}{1,4}校区|校本部|本部|[东南西北中]区)$"));

/// `望江校区:2021年10月10日09:00-17:00,望江校区研究生院3区604`: a day and its hours, then the
/// place, when what follows the hours is a name and no sentence.
fn place_after_hours(t: &str) -> Option<String> {
    let &(_, _, _, end) = ranges(t).last()?;
    if dates(t).is_empty() {
        return None;
    }
    let rest = t[end..].trim_start_matches([',', '，', ' ', ';', '；', ')', '）']).trim_end_matches(['。', '；', ';', ' ']);
    let words = ["请", "将", "由", "须", "务必", "集合", "进行", "。", "，", ","];
    let fine = rest.starts_with(|c: char| text::is_han(c) || c.is_ascii_alphanumeric())
        && rest.chars().count() <= 30
        && dates(rest).is_empty()
        && !words.iter().any(|k| rest.contains(k));
    fine.then(|| rest.to_string())
}

/// A room the notice names, once (its id is given when every room is known), with the days the
/// notice holds it on where it gives them.
pub(super) fn add_room(d: &mut Draft, name: String, campus: Option<String>, at: Origin, days: &[NaiveDate]) {
    let i = match d.rooms.iter().position(|r| r.value.name == name) {
        Some(i) => i,
        None => {
            d.rooms.push(Found::new(Room { id: String::new(), name, campus, days: Vec::new() }, at));
            d.rooms.len() - 1
        }
    };
    let own = &mut d.rooms[i].value.days;
    for day in days {
        if !own.contains(day) {
            own.push(*day);
        }
    }
    own.sort();
}

/// The capture days written in `s` within `span` (`12月28日`, `29-30日`, `4月28日-29日`): the days
/// already read whose month and day they name.
fn days_written(d: &Draft, s: &str, span: std::ops::Range<usize>) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = Vec::new();
    for w in dates(s).into_iter().filter(|w| span.contains(&w.start)) {
        let named: Vec<u32> = std::iter::once(w.day).chain(day_run(s, &w)).collect();
        for x in &d.days {
            let day = x.value.0;
            if day.month() == w.month && named.contains(&day.day()) && !out.contains(&day) {
                out.push(day);
            }
        }
    }
    out.sort();
    out
}

/// A room's own days stay only where they are capture days and hold every slot the timetable
/// gives the room; else the room is read as working every day, as the notice may mean.
pub fn room_days_hold(d: &mut Draft) {
    let capture: Vec<NaiveDate> = d.days.iter().map(|x| x.value.0).collect();
    for r in d.rooms.iter_mut() {
        let id = &r.value.id;
        let mut slot_days = d.slots.iter().filter(|s| s.value.room.as_deref() == Some(id.as_str())).map(|s| s.value.date);
        let holds = r.value.days.iter().all(|x| capture.contains(x));
        let covers = r.value.days.is_empty() || slot_days.all(|x| r.value.days.contains(&x));
        // (Days that are every capture day say nothing of their own: `时间:2013年11月30日` over each
        // campus's place, both on the one day.)
        let every = capture.iter().all(|x| r.value.days.contains(x));
        if !(holds && covers) || every {
            r.value.days.clear();
        }
    }
}

/// The days the line above a place's line dates (`时间:2018年10月27日(周六)上午8:00开始` over
/// `地点:…`), when it is labelled with the time.
fn day_above(d: &Draft, paras: &[&text::Para], k: usize) -> Vec<NaiveDate> {
    let Some(above) = k.checked_sub(1).and_then(|j| paras.get(j)) else { return Vec::new() };
    let t = strip_marker(&above.line.text);
    match after_label(t, &["采集时间", "拍摄时间", "拍照时间", "时间", "日期"]) {
        Some(rest) if !rest.is_empty() => days_written(d, t, t.len() - rest.len()..t.len()),
        _ => Vec::new(),
    }
}

/// `t` without the byte spans given (a day's, its hours'), in any order, overlapping or not.
fn without_spans(t: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.sort_unstable();
    let mut rest = String::new();
    let mut at = 0;
    for (a, b) in spans {
        rest.push_str(t.get(at..a.max(at)).unwrap_or(""));
        at = at.max(b);
    }
    rest.push_str(t.get(at..).unwrap_or(""));
    rest
}

/// A line of one day, its hours and then its place (`紫金港 10月14日下午14:10-17:20 地点:紫金港校区…大厅`,
/// `…采集时间:9月4日(周四)9:00—16:00,地点:沙教1-125教室`): the place and where its label starts.
/// Between the day and the label only its hours, the part of the day and its weekday; before the
/// day at most a short name (the campus's: `紫金港`) or a label of the time. Also where the day
/// starts: the day and its hours are `t[day..at]`.
fn dated_place(t: &str) -> Option<(&str, std::ops::Range<usize>)> {
    let at = t.find("地点")?;
    let place = after_label(&t[at..], &["地点"]).filter(|r| !r.is_empty())?;
    let lead = &t[..at];
    let ds = dates(lead);
    let w = ds.last()?;
    let (before, from) = (&lead[..w.start], &lead[w.start..]);
    let w = dates(from).into_iter().next()?;
    let rs = ranges(from);
    let rest = without_spans(from, rs.iter().map(|r| (r.2, r.3)).chain([(w.start, day_run_end(from, &w))]).collect());
    let rest = WEEKDAY_WORD.replace_all(&OWN_HOURS_WORDS.replace_all(&rest, ""), "").into_owned();
    // (`星期` with its day lost: `10月14星期下午14:10-17:20`.)
    let only_when = rest.replace("星期", "").chars().all(|c| ",，:：;；、()（） ".contains(c));
    let name: String = before.chars().filter(|c| !" ".contains(*c)).collect();
    let short_name = name.chars().count() <= 4 && name.chars().all(text::is_han);
    let time_label = before.trim_end().ends_with(['：', ':']) && before.trim_end().trim_end_matches(['：', ':']).ends_with("时间");
    (!rs.is_empty() && only_when && (short_name || time_label)).then_some((place, before.len()..at))
}

/// Rooms listed by their codes after the place they are in (`一教楼1B512、1B514、1C508`): each code
/// with the place before it, and the kind of room when it closes the list without a mark between.
fn code_rooms(t: &str) -> Option<Vec<String>> {
    let c = CODE_LIST.captures(t.trim())?;
    let prefix = c.get(1).map_or("", |m| m.as_str());
    let kind = c.get(3).map_or("", |m| m.as_str());
    let kind = if kind.starts_with('、') { "" } else { kind };
    Some(c[2].split('、').map(|code| format!("{prefix}{code}{kind}")).collect())
}

/// The rooms a place text names, each with the campus its label gives (`东校区:公主楼三层报告厅`).
fn room_names(text: &str, school: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    // `103教室(9:00-11:30,13:00-16:00)107教室(9:00-11:30)`: each room's hours in brackets after
    // it end that room.
    let text = HOURS_AFTER.replace_all(text, "；");
    // `东校区机械馆J2阶梯教室,第三教学楼213、320、501阶梯教室`: places listed with commas, each
    // read on its own.
    let place_word = |t: &str| ROOM_WORDS.iter().any(|k| t.contains(k));
    let segs = text.split(['；', ';']).flat_map(|seg| {
        let first = seg.split('。').next().unwrap_or(seg);
        // `千佛山校区10月25日,时间为:上午8:30—11:30`: the place ends where its day begins.
        let first = match dates(first).first() {
            Some(w) if w.start > 0 => first[..w.start].trim_end_matches(['(', '（', ',', '，', ':', '：', ' ']),
            _ => first,
        };
        let parts: Vec<&str> = text::split_outside(first, &[',', '，']);
        // `世纪馆北大厅、世纪馆北105室`: places named in full each (not `103室、106室`).
        let named: Vec<&str> = text::split_outside(first, &['、']);
        // (`南海校区(6210、6211)`: a campus and its rooms in brackets is one too.)
        let in_full = |x: &str| {
            (place_word(x) || x.contains("校区")) && x.chars().take_while(|c| !c.is_ascii_digit()).filter(|c| !c.is_ascii()).count() >= 3
        };
        // `图书馆东门附近,老地学楼128教室`: where the room is, then the room: one place.
        let near = parts.len() == 2 && ["附近", "旁", "旁边", "对面"].iter().any(|k| parts[0].trim_end().ends_with(k));
        // (`四牌楼、丁家桥校区:四牌楼逸夫建筑馆一楼大厅`: campuses sharing the place after them, no list of places.)
        let campuses_label = first.split_once([':', '：']).is_some_and(|(label, _)| CAMPUS_LIST.is_match(label.trim()));
        if near || campuses_label {
            vec![first]
        } else if named.len() > 1 && named.iter().all(|x| in_full(x) && dates(x).is_empty() && !x.contains([',', '，'])) {
            named
        } else if parts.len() > 1 && parts.iter().all(|x| place_word(x) && dates(x).is_empty()) {
            parts
        } else if parts.len() > 1
            && place_word(parts[0])
            && !parts[1..].iter().any(|x| place_word(x) || x.chars().any(|c| c.is_ascii_digit()))
        {
            // `校会堂正门,以学院为单位集合`: the place, then what to do there.
            vec![parts[0]]
        } else {
            vec![first]
        }
    });
    for seg in segs {
        let mut campus: Option<String> = None;
        // `第5组(广知楼B412教室)`: a station's number, and its room in brackets.
        let seg = STATION_ROOM.captures(seg.trim()).and_then(|c| c.get(1)).map_or(seg, |m| m.as_str());
        let seg = REMARK.replace_all(seg, "");
        let mut seg = clean(seg.split('。').next().unwrap_or(&seg));
        // `活动中心101室，2025年4月22日(8:30-11:30)`: the place ends where its date begins;
        // `体育馆南门(3月11日)`: a date in brackets after it is no part of it.
        if let Some(i) = seg.find([',', '，']).filter(|&i| seg[i..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())) {
            seg.truncate(i);
        }
        seg = DATE_IN_BRACKETS.replace(&seg, "").trim().to_string();
        if let Some(i) = seg.rfind('在').filter(|&i| !text::in_brackets(&seg, i)) {
            seg = seg[i + '在'.len_utf8()..].to_string();
        }
        for end in ["进行拍摄", "进行采集", "进行", "联系", "电话", "咨询", "。"] {
            if let Some(i) = seg.find(end) {
                seg.truncate(i);
            }
        }
        seg = AFTER_PLACE.replace(seg.trim_end(), "").into_owned();
        // A day and its hours (`2024年6月13日(周四)12:30-18:30`) is no place.
        if !dates(&seg).is_empty() && !ranges(&seg).is_empty() && !ROOM_WORDS.iter().any(|k| seg.contains(k)) {
            continue;
        }
        // A campus label: `南校区:弘毅楼101`; a waiting room (`休息室：1208教室`) is no capture room.
        if let Some((label, rest)) = seg.split_once([':', '：']) {
            if ["休息", "候场", "等候", "候拍"].iter().any(|k| label.contains(k)) {
                continue;
            }
            // (`舜耕校区采集地点:舜耕校区1号教学楼1103`: a campus's place, labelled so.)
            let campuses = CAMPUS_LIST.is_match(label.trim());
            if label.chars().count() <= 6 || label.chars().count() <= 12 && label.ends_with("地点") || campuses {
                // `北校区:2018年10月11日(星期四)`: the campus is the place, its day is no room.
                let undated = DATE_IN_BRACKETS.replace(rest, "");
                let only_date = !dates(rest).is_empty() && !place_word(&undated);
                if !only_date && label.trim().ends_with("校区") && !campuses {
                    campus = Some(label.trim().to_string());
                }
                seg = if only_date { label.trim().to_string() } else { rest.to_string() };
            }
        }
        // A place not yet fixed, a college's name, or campuses counted (`两校区`) is no room.
        if ["待定", "另行通知", "另定"].iter().any(|k| seg.contains(k)) || seg.trim().ends_with("学院") || NO_PLACE.is_match(seg.trim())
        {
            continue;
        }
        let mut seg = seg.trim().trim_start_matches(school).trim().to_string();
        // `广州大学(大学城校区)图书馆一楼讲学厅`: with the school's name gone, the campus in brackets
        // opens the place's name (the contract has no campus of a room: the name keeps it).
        if let Some(c) = CAMPUS_IN_BRACKETS.captures(&seg) {
            campus = campus.or_else(|| Some(c[1].to_string()));
            seg = format!("{}{}", &c[1], seg[c.get(0).map_or(0, |m| m.end())..].trim());
        }
        if let Some(rooms) = code_rooms(&seg) {
            out.extend(rooms.into_iter().map(|r| (r, campus.clone())));
            continue;
        }
        let nums: Vec<(usize, usize)> = re(r"\d{2,4}").find_iter(&seg).map(|m| (m.start(), m.end())).collect();
        let Some(&(first, _)) = nums.first() else {
            out.extend(seg.split('、').map(clean).filter(|s| !s.is_empty()).map(|s| (s, campus.clone())));
            continue;
        };
        if nums.len() == 1 {
            out.push((seg.clone(), campus));
            continue;
        }
        let prefix = seg[..first].trim();
        let last_end = nums.last().map_or(seg.len(), |n| n.1);
        let suffix = clean(&seg[last_end..]);
        // `学生活动中心107室、110B室`: each number with its own letter and 室 after the prefix.
        if LETTERED_ROOMS.is_match(&seg) && seg.contains(|c: char| c.is_ascii_alphabetic()) {
            for item in LETTERED_ROOM.find_iter(&seg) {
                out.push((format!("{prefix}{}", item.as_str()), campus.clone()));
            }
            continue;
        }
        let joined = nums.windows(2).all(|w| seg[w[0].1..w[1].0].chars().all(|c| "、.，,和及室 ".contains(c)));
        if !joined || prefix.chars().any(|c| c.is_ascii_digit()) {
            out.extend(seg.split('、').map(clean).filter(|s| !s.is_empty()).map(|s| (s, campus.clone())));
            continue;
        }
        for (a, b) in nums {
            out.push((format!("{prefix}{}{suffix}", &seg[a..b]), campus.clone()));
        }
    }
    out
}

/// Room ids: the room's number when every room has a different one, else room-1, room-2, ….
pub(super) fn assign_ids(d: &mut Draft) {
    let num = |n: &str| re(r"\d{2,4}").find_iter(n).last().map(|m| m.as_str().to_string());
    let nums: Vec<Option<String>> = d.rooms.iter().map(|r| num(&r.value.name)).collect();
    let distinct = nums.iter().all(Option::is_some) && {
        let mut v: Vec<_> = nums.iter().flatten().collect();
        v.sort();
        v.dedup();
        v.len() == nums.len()
    };
    for (i, r) in d.rooms.iter_mut().enumerate() {
        r.value.id = match (&nums[i], distinct) {
            (Some(n), true) => n.clone(),
            _ => format!("room-{}", i + 1),
        };
    }
}

/// The room a cell or line names: by its number, or by its name without brackets.
fn room_of(d: &Draft, text: &str) -> Result<Option<String>, ()> {
    let plain = |s: &str| re(r"[（(][^）)]*[）)]|\s").replace_all(s, "").into_owned();
    let t = plain(text);
    if let Some(r) = d.rooms.iter().find(|r| plain(&r.value.name) == t) {
        return Ok(Some(r.value.id.clone()));
    }
    let nums: Vec<&str> = re(r"\d{2,4}").find_iter(&t).map(|m| m.as_str()).collect();
    match nums.as_slice() {
        [] => Ok(None),
        [n] => Ok(d.rooms.iter().find(|r| r.value.id == *n || r.value.name.contains(n)).map(|r| r.value.id.clone())),
        _ => Err(()),
    }
}

fn looks_like_room(t: &str) -> bool {
    let digits = t.chars().any(|c| c.is_ascii_digit());
    let place = ["楼", "室", "教", "馆", "厅", "栋"].iter().any(|k| t.contains(k));
    // `思想政治教育22-[1-2]班`: a class, whatever its major's name holds.
    let class = t.ends_with('班') || t.contains("级");
    ((digits && place) || t.ends_with(['室', '厅', '馆'])) && !t.contains("学院") && !class
}

/// A table's header row: two or more cells that name columns (repeated on every page of a PDF).
fn is_header(texts: &[&str]) -> bool {
    texts.iter().filter(|t| column(t).is_some()).count() >= 2
}

/// A timetable row for the makeup, not for a group: `补拍`.
static MAKEUP_ROW: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:补拍|补采|补照|补拍照)(?:[（(][^（）()]{0,20}[）)])?$"));

/// Colleges joined by `/`: `纺织学院/信息学院/外语学院`, each a college's name.
static SLASHED: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[^/]{1,20}(?:学院|系|研究院|学部)/)+[^/]{1,20}(?:学院|系|研究院|学部)$"));

/// The names in a cell, apart at `、`, commas and spaces (and `/` between colleges); not at a
/// space between two Latin words (`College of Science and Technology` is one name).
fn split_groups(t: &str) -> Vec<String> {
    let t = if SLASHED.is_match(t.trim()) { t.replace('/', "、") } else { t.to_string() };
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut pieces: Vec<&str> = Vec::new();
    let mut from = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let latin = |x: Option<&(usize, char)>| x.is_some_and(|&(_, ch)| ch.is_ascii_alphanumeric() || ch == '.');
        let apart = matches!(c, '、' | '，' | ',' | '；')
            || c == ' ' && !(latin(k.checked_sub(1).and_then(|j| chars.get(j))) && latin(chars.get(k + 1)));
        if apart {
            pieces.push(&t[from..i]);
            from = i + c.len_utf8();
        }
    }
    pieces.push(&t[from..]);
    pieces
        .into_iter()
        .map(|s| clean(s).trim_start_matches(['和', '及']).to_string())
        // (`管理艺术学院 • 智能制造学院`: a bullet between names is none.)
        .filter(|s| s.chars().any(char::is_alphanumeric) && (s.chars().count() <= 30 || s.is_ascii() && s.split(' ').count() <= 8))
        .collect()
}

/// A cell of names each followed by its own hours, two or more: `电商1211 08:00-08:12电商1212
/// 08:12-08:26` → (电商1211, 8:00–8:12), (电商1212, 8:12–8:26). Nothing when any name is missing.
fn named_hours(t: &str) -> Vec<(String, (Secs, Secs))> {
    let rs = ranges(t);
    if rs.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    for &(a, b, start, end) in &rs {
        let name = tidy(&t[from..start]);
        if name.is_empty() || !name.chars().any(|c| c.is_alphabetic()) || name.chars().count() > 20 {
            return Vec::new();
        }
        out.push((name, (a, b)));
        from = end;
    }
    if tidy(&t[from..]).is_empty() {
        out
    } else {
        Vec::new()
    }
}

pub fn timetable(doc: &Doc, lines: &Lines, d: &mut Draft) {
    let year = d.year();
    let sent = sent_room(lines, d);
    let mut above: Option<&Line> = None;
    for b in &doc.blocks {
        match b {
            Block::Table(rows) => table(rows, above, (year, sent.as_deref()), &doc.text, d),
            Block::Para(l) => above = Some(l),
        }
    }
    // A day the notice dates only in the timetable (all of them, or one the prose missed): a
    // capture day, so that every slot falls on one.
    let mut seen: Vec<(NaiveDate, Origin)> =
        d.slots.iter().map(|s| (s.value.date, s.at)).filter(|(x, _)| !d.days.iter().any(|day| day.value.0 == *x)).collect();
    seen.sort_by_key(|x| x.0);
    seen.dedup_by_key(|x| x.0);
    for (date, at) in seen {
        push_day(d, date, Vec::new(), at, Some("原文只在时间表里写了这一天".into()));
    }
    settle_ids(d);
    prose(lines, d);
    rooms_own_hours(lines, d);
    settle_ids(d);
    if d.online_only {
        online_rows(d);
        return;
    }
    // Hours the source states for every day (often in the attachment's table).
    let stated = doc.blocks.iter().find_map(|b| match b {
        Block::Para(l) => common_sessions(&l.text).map(|s| (s, l.origin())),
        Block::Table(rows) => rows.iter().flatten().find_map(|c| common_sessions(&c.text).map(|s| (s, c.origin()))),
    });
    for day in &mut d.days {
        if day.value.1.is_empty() {
            if let Some((s, at)) = &stated {
                day.value.1 = s.clone();
                day.at = *at;
            }
        }
    }
    // Or each room's hours, given beside it.
    if let Some((hours, at)) = room_hours(lines) {
        for day in d.days.iter_mut().filter(|x| x.value.1.is_empty()) {
            day.value.1 = hours.clone();
            day.at = at;
            day.note = Some("原文没有单独写采集时段，由各采集地点的时间合并得出".into());
        }
    }
    // Otherwise the days' hours are the timetable's slots, joined where they touch: not when rows
    // were left out (`9:40-结束`, a row without its time), as the day goes on past the last slot read.
    let rows_left_out = d.unsure.iter().any(|(field, ..)| field.starts_with("capture.timetable"));
    for day in d.days.iter_mut().filter(|_| !rows_left_out) {
        if !day.value.1.is_empty() {
            continue;
        }
        let merged = merged(d.slots.iter().filter(|s| s.value.date == day.value.0).map(|s| (s.value.start, s.value.end)).collect());
        if !merged.is_empty() {
            day.value.1 = merged;
            day.note = Some("原文没有单独写采集时段，由时间表各时段合并得出".into());
        }
    }
    groups_under_rooms(lines, d);
    groups(d);
}

/// `图像采集一区:1209教室,候场区:1220教室` / `中医学院、针灸推拿学院、管理学院`: the colleges on the line
/// under a room's line go to that room, in a notice of one day with one session and no other
/// timetable: each room's slot is that session.
fn groups_under_rooms(lines: &Lines, d: &mut Draft) {
    let [day] = d.days.as_slice() else { return };
    let (date, &[(start, end)]) = (day.value.0, day.value.1.as_slice()) else { return };
    if !d.slots.is_empty() {
        return;
    }
    let mut found: Vec<(String, Vec<String>, Origin)> = Vec::new();
    // (Each source line on its own: a PDF's text runs the colleges onto the room's line.)
    let main: Vec<(&str, Origin)> = lines.main().flat_map(|p| p.line.pieces()).collect();
    for w in main.windows(2) {
        let ((_, above), (line, here)) = (w[0], w[1]);
        let names: Vec<&str> = line.trim().trim_end_matches(['。', '；', ';']).split(['、', '，', ',']).map(str::trim).collect();
        if !names.iter().all(|n| COLLEGE_NAME.is_match(n)) {
            continue;
        }
        let at = above.text_line();
        // (The room read from the line above, and only one.)
        let rooms: Vec<&Found<Room>> = d.rooms.iter().filter(|r| r.at.text_line() == at).collect();
        if let [room] = rooms.as_slice() {
            found.push((room.value.id.clone(), names.iter().map(|n| n.to_string()).collect(), here));
        }
    }
    // (Every room with its colleges, or none: a room with no one is a timetable half read.)
    if found.len() < 2 || found.len() != d.rooms.len() {
        return;
    }
    // (The day's session is each room's: the registrar is told so, since a notice may time each
    // college apart in an attachment.)
    for (room, groups, at) in found {
        add_slot(d, Slot { date, start, end, room: Some(room), groups }, at);
    }
    for s in &mut d.slots {
        s.note = Some("原文只写了全天的采集时段，这里按整个时段排；如附件另有各学院的具体时间，请照附件改".into());
    }
}

/// A notice that captures online only, its timetable giving each college its days
/// (`12月6日、7日 | 8:00-22:00 | 经济与管理学院`): each college's online window, not days in a
/// room.
fn online_rows(d: &mut Draft) {
    let platform = d.online.first().map(|o| o.value.platform.clone()).unwrap_or_else(|| "线上采集".to_string());
    let mut windows: Vec<(String, NaiveDate, NaiveDate, Origin)> = Vec::new();
    for s in std::mem::take(&mut d.slots) {
        let who = s.value.groups.join("、");
        match windows.iter_mut().find(|w| w.0 == who) {
            Some(w) => {
                w.1 = w.1.min(s.value.date);
                w.2 = w.2.max(s.value.date);
            }
            None => windows.push((who, s.value.date, s.value.date, s.at)),
        }
    }
    if windows.is_empty() {
        return;
    }
    d.days.clear();
    d.rooms.clear();
    d.groups.clear();
    d.counted.clear();
    for (who, from, until, at) in windows {
        let window = Online { platform: platform.clone(), who: Some(who), from: Some(from), until: Some(until), amount: None };
        d.online.push(Found::new(window, at).note("原文的时间表按学院排了线上采集的日期"));
    }
}

/// Rooms the timetable added: ids for all, the slots following.
fn settle_ids(d: &mut Draft) {
    let before: Vec<String> = d.rooms.iter().map(|r| r.value.id.clone()).collect();
    assign_ids(d);
    let renamed: Vec<(String, String)> = before.into_iter().zip(d.rooms.iter().map(|r| r.value.id.clone())).collect();
    for s in &mut d.slots {
        if let Some(r) = s.value.room.as_mut() {
            if let Some((_, new)) = renamed.iter().find(|(old, _)| old == r) {
                *r = new.clone();
            }
        }
    }
}

fn add_slot(d: &mut Draft, slot: Slot, at: Origin) {
    if let Some(s) = d
        .slots
        .iter_mut()
        .find(|s| (s.value.date, s.value.start, s.value.end, &s.value.room) == (slot.date, slot.start, slot.end, &slot.room))
    {
        s.value.groups.extend(slot.groups);
        return;
    }
    d.slots.push(Found::new(slot, at));
}

/// Of the notice's rooms, the one a sentence sends everyone to be photographed in (`然后根据各学院
/// 顺序去107室拍照`, where `学生活动中心107室、110B室` are its rooms), when sentences name just one.
fn sent_room(lines: &Lines, d: &Draft) -> Option<String> {
    if d.rooms.len() < 2 {
        return None;
    }
    static SENT: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?:去|到|前往|至)\s*([\p{Han}A-Za-z\d]{0,12}?\d{2,4}[A-Za-z]?\s*(?:室|教室|厅))\s*(?:进行)?(?:拍照|拍摄|照相|采集)")
    });
    let mut ids: Vec<String> = Vec::new();
    for p in lines.main() {
        for c in SENT.captures_iter(&p.line.text) {
            match room_of(d, &c[1]) {
                Ok(Some(id)) => ids.push(id),
                _ => return None,
            }
        }
    }
    ids.dedup();
    match &ids[..] {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The place a table's rows are in when the line above it names one (`采集点1：本校区N1A教学楼103教室`).
fn place_above(line: &Line) -> Option<String> {
    let c = re(r"^(?:采集点|拍摄点|拍摄地点|采集地点|地点|场地)\s*\d*\s*[:：]\s*(\S{2,40})$").captures(line.text.trim())?;
    Some(c[1].to_string())
}

/// Column ranges of a table whose header repeats (`学院 | 时间 | 学院 | 时间`): two timetables
/// side by side, each read on its own.
fn side_by_side(header: &[Option<Column>]) -> Vec<std::ops::Range<usize>> {
    // (No header, or one that does not repeat: the whole table, however wide its rows.)
    let n = header.len();
    for p in 2..=n / 2 {
        if n.is_multiple_of(p) && header.iter().all(Option::is_some) && (0..n).all(|i| header[i] == header[i % p]) {
            return (0..n / p).map(|k| k * p..(k + 1) * p).collect();
        }
    }
    let whole = 0..usize::MAX;
    vec![whole]
}

/// A table's rows: each cell read by what it holds (a date, a time, a room, names), since a PDF
/// shifts cells; an empty cell repeats the row above (merged cells).
fn table(rows: &[Vec<Line>], above: Option<&Line>, (year, sent): (Option<i32>, Option<&str>), text: &str, d: &mut Draft) {
    let header: Option<Vec<Option<Column>>> = rows.iter().find_map(|r| {
        let texts: Vec<&str> = r.iter().map(|c| c.text.as_str()).collect();
        is_header(&texts).then(|| texts.iter().map(|t| column(t)).collect())
    });
    let parts = side_by_side(header.as_deref().unwrap_or(&[]));
    let start_room = above.and_then(place_above).and_then(|p| place(d, &p, above.map(Line::origin).unwrap_or(Origin::Line(1)), false));
    // (Else the room the notice sends everyone to, where the rows name no campus.)
    let campuses = rows.iter().flatten().any(|c| c.text.contains("校区"));
    let start_room = start_room.or_else(|| sent.filter(|_| !campuses).map(str::to_string));
    for cols in parts {
        let part: Vec<&[Line]> = rows.iter().map(|r| r.get(cols.start.min(r.len())..cols.end.min(r.len())).unwrap_or(&[])).collect();
        let head = header.as_ref().map(|h| h.get(cols.start.min(h.len())..cols.end.min(h.len())).unwrap_or(&[]).to_vec());
        let days_year = month_day_year(&part, head.as_deref(), text, d);
        table_part(&part, head.as_deref(), start_room.clone(), (year, days_year), d);
    }
}

/// The year of a table's dates whose 年, 月 and 日 were lost (`1013` under 日期): the year the
/// notice writes before the same digits (`时间:20201013…`), or of a capture day it states on that
/// month and day; else the notice's year. None when the notice names two such years.
fn month_day_year(rows: &[&[Line]], header: Option<&[Option<Column>]>, text: &str, d: &Draft) -> Option<i32> {
    let mut years: Vec<i32> = Vec::new();
    for row in rows {
        for (ci, cell) in row.iter().enumerate() {
            if header.and_then(|h| h.get(ci).copied().flatten()) != Some(Column::Date) {
                continue;
            }
            let Some(c) = MONTH_DAY.captures(cell.text.trim()) else { continue };
            let digits = &c[1];
            let written = Regex::new(&format!(r"(?:^|[^\d])(20\d{{2}}){digits}")).expect("regex");
            years.extend(written.captures_iter(text).filter_map(|w| w[1].parse::<i32>().ok()));
            for day in &d.days {
                let x = day.value.0;
                if text::month_days(x.year(), digits).contains(&(x.month(), x.day())) {
                    years.push(x.year());
                }
            }
        }
    }
    years.sort_unstable();
    years.dedup();
    match years[..] {
        [] => d.year(),
        [one] => Some(one),
        _ => None,
    }
}

/// One timetable of a table (all of it, or one of those side by side).
fn table_part(
    rows: &[&[Line]],
    header: Option<&[Option<Column>]>,
    start_room: Option<String>,
    (year, days_year): (Option<i32>, Option<i32>),
    d: &mut Draft,
) {
    // What the rows above said: merged cells repeat them.
    // A table without dates belongs to the notice's one capture day.
    let mut date: Vec<NaiveDate> = if d.days.len() == 1 { vec![d.days[0].value.0] } else { Vec::new() };
    // A table without times belongs to that day's one session, when the notice states one.
    let mut time: Option<(Secs, Secs)> = match d.days.as_slice() {
        [one] if one.value.1.len() == 1 => Some(one.value.1[0]),
        _ => None,
    };
    // A notice with one capture room: the timetable's rows are in it unless they name another;
    // not when its rows name campuses (`西校区 9月4日`), which may be where that room is not.
    let campuses = rows.iter().flat_map(|r| r.iter()).any(|c| c.text.contains("校区"));
    let mut room: Option<String> = start_room.or_else(|| one_room(d, campuses));
    // With a college column beside a class or major column, the slot names the college.
    let by_college = header.is_some_and(|h| h.contains(&Some(Column::College)) && h.contains(&Some(Column::Class)));
    // Slots and whether their row gave its own time.
    let mut found: Vec<(Slot, Origin, bool)> = Vec::new();
    for row in rows {
        let texts: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
        let joined = texts.join(" ");
        if joined.trim().is_empty() || is_header(&texts) {
            continue;
        }
        if common_sessions(&joined).is_some() && texts.iter().filter(|t| !t.is_empty()).count() == 1 {
            continue;
        }
        // `9:40-结束`: a row whose hours have no end is no slot, nor are the rows merged under it.
        if let Some(cell) = row.iter().find(|c| crate::import::cells::OPEN_END.is_match(c.text.trim())) {
            d.unsure.push(("capture.timetable".into(), cell.origin(), format!("「{}」没有写结束时刻", cell.text.trim())));
            time = None;
            continue;
        }
        let mut names: Vec<(String, Origin)> = Vec::new();
        let mut paired: Vec<(String, (Secs, Secs), Origin)> = Vec::new();
        let mut row_time = None;
        let mut row_count: Option<u32> = None;
        for (ci, cell) in row.iter().enumerate() {
            let col = header.and_then(|h| h.get(ci).copied().flatten());
            let t = cell.text.trim();
            // `1013`, `113(周二)` under 日期: a month and a day whose 月 and 日 were lost, read where
            // its digits split one way only into a real date of the table's year, or the weekday
            // written with it picks one of two (2020-11-03 is a Tuesday, 2020-01-13 is not).
            if col == Some(Column::Date) {
                if let Some(c) = MONTH_DAY.captures(t) {
                    let weekday = c.get(2).and_then(|w| text::weekday_number(w.as_str()));
                    let ways: Vec<NaiveDate> = days_year
                        .map(|y| text::month_days(y, &c[1]).into_iter().filter_map(|(m, x)| NaiveDate::from_ymd_opt(y, m, x)).collect())
                        .unwrap_or_default();
                    let ways: Vec<NaiveDate> =
                        ways.into_iter().filter(|x| weekday.is_none_or(|w| x.weekday().num_days_from_monday() == w)).collect();
                    if let [one] = ways[..] {
                        date = vec![one];
                    } else {
                        d.unsure.push(("capture.timetable".into(), cell.origin(), format!("「{t}」读不出是哪一天")));
                        date = Vec::new();
                    }
                    continue;
                }
            }
            // `2022118` under 日期: 2022-01-18 or 2022-11-08; the one within half a year after the
            // notice was written, when just one is.
            if matches!(col, Some(Column::Date | Column::When)) && dates(t).is_empty() {
                let ways = text::bare_date(t);
                let issued = d.issued.as_ref().map(|i| i.value);
                let after: Vec<NaiveDate> = match (ways.as_slice(), issued) {
                    ([one], _) => vec![*one],
                    (_, Some(i)) => ways.iter().copied().filter(|&x| x >= i && (x - i).num_days() <= 183).collect(),
                    _ => Vec::new(),
                };
                match after.as_slice() {
                    [one] => {
                        date = vec![*one];
                        continue;
                    }
                    [] if ways.is_empty() => {}
                    _ => {
                        d.unsure.push(("capture.timetable".into(), cell.origin(), format!("「{t}」可读作几个日期，原文没有写清")));
                        date = Vec::new();
                        continue;
                    }
                }
            }
            // Under 人数: how many of the row's one group come (kept when the row names just one).
            if col == Some(Column::Count) {
                row_count = ROW_COUNT.captures(t).and_then(|c| c[1].parse::<u32>().ok());
                continue;
            }
            if t.is_empty() || t.chars().all(|c| c.is_ascii_digit()) && col.is_none_or(|c| !matches!(c, Column::Place)) {
                continue;
            }
            if matches!(col, Some(Column::Seq | Column::Note | Column::Campus)) {
                continue;
            }
            // `电商1211 08:00-08:12电商1212 08:12-08:26`: a cell of classes, each with its own hours
            // (a PDF that ran a column of them into one cell).
            let own_hours = named_hours(t);
            if !own_hours.is_empty() {
                paired.extend(own_hours.into_iter().map(|(n, h)| (n, h, cell.origin())));
                continue;
            }
            let mut rest = t.to_string();
            let ws = dates(t);
            if let (Some(first), Some(last)) = (ws.first(), ws.last()) {
                // `12月6日、7日`, `4月22日、4月23日`: the row stands for each of them.
                let mut all = Vec::new();
                for w in &ws {
                    let Some(x) = w.date(None).or_else(|| w.date(year)) else { continue };
                    all.push(x);
                    all.extend(day_run(t, w).into_iter().filter_map(|n| chrono::Datelike::with_day(&x, n)));
                }
                if all.is_empty() {
                    d.unsure.push(("capture.timetable".into(), cell.origin(), format!("「{t}」的年份不明")));
                } else {
                    date = all;
                }
                rest = format!("{}{}", &t[..first.start], &t[day_run_end(t, last)..]);
            }
            if let Some(&(a, b, s, e)) = ranges(&rest).first() {
                row_time = Some((a, b));
                rest = format!("{}{}", &rest[..s], &rest[e..]);
            }
            let rest = re(r"[（(]\s*(?:周|星期)[一二三四五六日天]\s*[）)]|上午|下午|全天").replace_all(&rest, "").to_string();
            // `东校区 9月3日` under `校区、日期`: the campus is where, no one's name; the rows are in
            // its room when the notice gives that campus one (not when the table has its own 地点).
            let rest = tidy(&rest);
            // (`呈贡校区` under 采集地点: the room the notice gives that campus, if one.)
            if col == Some(Column::Place) && CAMPUS_ONLY.is_match(&rest) && room_of(d, &rest).ok().flatten().is_none() {
                room = on_campus(d, CAMPUS_WORD.find(&rest).map_or(rest.as_str(), |m| m.as_str()));
                continue;
            }
            if CAMPUS_WORD.is_match(&rest) && !header.is_some_and(|h| h.contains(&Some(Column::Place))) {
                room = on_campus(d, &rest);
            }
            let rest = tidy(CAMPUS_WORD.replace(&rest, "").as_ref());
            // `10月25日上午8:00-9:00(294人)`: how many come in that hour, no one's name; `第1-2节课`,
            // `午间`: which class period, no one's name either.
            if rest.is_empty() || HEADCOUNT_ONLY.is_match(&rest) || PERIOD.is_match(&rest) {
                continue;
            }
            // What is left beside a date or time (`2102（2025年11月14日）`) is where, not who.
            // (A PDF may shift a row's names into the time column: names they stay.)
            let when_col = matches!(col, Some(Column::When | Column::Date));
            let roomish = looks_like_room(&rest) || ROOM_NUMBER.is_match(&rest);
            if col == Some(Column::Place) || when_col && roomish || !col.is_some_and(Column::names) && looks_like_room(&rest) {
                match room_of(d, &rest) {
                    Ok(Some(r)) => room = Some(r),
                    // (In a column the header calls 地点, whatever it says is a place: `上院-100号`.)
                    Ok(None) => room = place(d, &rest, cell.origin(), col == Some(Column::Place)),
                    // (`松江 2A 2138214221462150教室` under 地点, where the notice names no room of
                    // those numbers: the place as the cell writes it.)
                    Err(()) if col == Some(Column::Place) && looks_like_room(&rest) && !shares_a_number(d, &rest) => {
                        room = place(d, &rest, cell.origin(), true);
                    }
                    Err(()) => {
                        d.unsure.push((
                            "capture.timetable.room".into(),
                            cell.origin(),
                            format!("「{rest}」是几间教室共用：各学院在哪一间，原文没有写"),
                        ));
                        room = None;
                    }
                }
                continue;
            }
            if by_college && col == Some(Column::Class) {
                continue;
            }
            names.push((rest, cell.origin()));
        }
        for (name, (start, end), at) in paired {
            for &date in &date {
                found.push((Slot { date, start, end, room: room.clone(), groups: vec![name.clone()] }, at, true));
            }
        }
        if row_time.is_some() {
            time = row_time;
        }
        // A table of places and times, naming no one (`日期 | 时间 | 校区 | 地点`): each row is a
        // day's session (its room is read above).
        let places_only =
            |h: &[Option<Column>]| h.contains(&Some(Column::Place)) && h.iter().all(|c| c.is_some_and(|c| !c.names() && c != Column::Note));
        if header.is_some_and(places_only) {
            if let (Some(hours), Some(cell)) = (row_time, row.iter().find(|c| !c.text.trim().is_empty())) {
                for &x in &date {
                    push_day(d, x, vec![hours], cell.origin(), None);
                }
            }
            continue;
        }
        let (Some((start, end)), false) = (time, names.is_empty()) else { continue };
        // `补拍 | 15:10-16:00`: the makeup's hours, no one's group (and the days' hours, which
        // the rows would give, are no longer just the rows').
        if names.iter().all(|(n, _)| MAKEUP_ROW.is_match(n)) {
            d.unsure.push(("capture.timetable".into(), names[0].1, format!("「{}」是补拍的时间，不是哪个学院的", names[0].0)));
            continue;
        }
        if let ([(name, _)], Some(n)) = (names.as_slice(), row_count) {
            if let [one] = &split_groups(name)[..] {
                d.counted.push((one.clone(), n));
            }
        }
        let at = names[0].1;
        let groups: Vec<String> = names.iter().flat_map(|(n, _)| split_groups(n)).collect();
        for &date in &date {
            found.push((Slot { date, start, end, room: room.clone(), groups: groups.clone() }, at, row_time.is_some()));
        }
    }
    // Every row gave its own time but the last: the source was cut there, not merged.
    if found.len() >= 3 && found.iter().rev().skip(1).all(|f| f.2) {
        if let Some(l) = found.last() {
            if !l.2 {
                d.unsure.push(("capture.timetable".into(), l.1, "这一行没有写时间".into()));
                found.pop();
            }
        }
    }
    for (slot, at, _) in found {
        add_slot(d, slot, at);
    }
}

/// A cell's text with what removing a date or time left at its ends: spaces, commas, a bracket
/// whose other half went with the date (`2102（` of `2102（2025年11月14日）`).
fn tidy(s: &str) -> String {
    let mut t = s.trim_matches(|c: char| " ,，、".contains(c)).to_string();
    loop {
        let opens = t.matches(['(', '（']).count();
        let closes = t.matches([')', '）']).count();
        let before = t.len();
        if closes > opens && t.ends_with([')', '）']) {
            t.pop();
        } else if closes > opens && t.starts_with([')', '）']) {
            t = t.chars().skip(1).collect();
        } else if opens > closes && t.ends_with(['(', '（']) {
            t.pop();
        } else if t.starts_with(['(', '（']) && t.ends_with([')', '）']) && opens == 1 && closes == 1 {
            t = t.chars().skip(1).collect();
            t.pop();
        }
        t = t.trim_matches(|c: char| " ,，、".contains(c)).to_string();
        if t.len() == before {
            return t;
        }
    }
}

/// A place a timetable names that the notice's 地点 did not: a room of its own.
fn place(d: &mut Draft, name: &str, at: Origin, in_place_column: bool) -> Option<String> {
    if let Ok(Some(id)) = room_of(d, name) {
        return Some(id);
    }
    // `千佛山校区10月25日,时间为:上午8:30—11:30`: the place ends where its day or its hours begin.
    let cut = dates(name).first().map(|w| w.start).into_iter().chain(ranges(name).first().map(|r| r.2)).min().unwrap_or(name.len());
    let name = clean(name[..cut].trim_end_matches(['，', ',', '：', ':', '(', '（', ' ']));
    // (`拍`: a cell the source was cut in.)
    if name.chars().count() < 2 {
        return None;
    }
    let fine = in_place_column || looks_like_room(&name) || ROOM_NUMBER.is_match(&name) || ROOM_WORDS.iter().any(|k| name.contains(k));
    // A college is no place; a room in its building is (`安泰经济与管理学院包兆龙图书馆A303教室`).
    let college = name.contains("学院") && !IN_COLLEGE_BUILDING.is_match(&name);
    let pending = ["待定", "另行通知", "另行安排"].iter().any(|k| name.contains(k));
    // A campus alone (`呈贡校区`) says where, not which room.
    let campus = CAMPUS_ONLY.is_match(&name);
    if !fine || college || pending || campus {
        return None;
    }
    // Its id for now is its name; ids are given once every room is known.
    d.rooms.push(Found::new(Room { id: name.clone(), name: name.clone(), campus: None, days: Vec::new() }, at));
    Some(name)
}

/// A timetable in prose: a time line (`①上午8:00-9:00`) and under it `ROOM：class、class`, or
/// `4月22日 8:00-9:30 文学院` on one line.
fn prose(lines: &Lines, d: &mut Draft) {
    let mut cur: Option<(NaiveDate, Secs, Secs)> = None;
    let only_room = one_room(d, lines.main().any(|p| p.line.text.contains("校区")));
    let only_day = (d.days.len() == 1).then(|| d.days[0].value.0);
    let year = d.year();
    // A day on a line of its own (`11月21日(东校区)`), the rows under it its slots, in the room of
    // the campus it names when one room is on that campus.
    let mut day_above: Option<(NaiveDate, Option<String>)> = None;
    // The slot the line before wrote alone, without a room: `2018级科硕:11月9日上午10:00—10:10`
    // then `地点:柳林校区学生活动中心多功能厅`.
    let mut roomless: Option<usize> = None;
    // A room alone on its line (`博学楼(一号楼)A107`), the rows under it (`电信学院600 13:30-15:50`)
    // in it, up to the next sentence.
    let mut room_above: Option<String> = None;
    for p in lines.main() {
        let t = strip_marker(&p.line.text);
        if t.contains('。') || text::level(&p.line.text).is_some() {
            room_above = None;
        }
        let bare_room = t.trim();
        if looks_like_room(bare_room)
            && bare_room.chars().count() <= 30
            && !bare_room.contains([':', '：', '，', ',', '。', '；'])
            && ranges(bare_room).is_empty()
            && dates(bare_room).is_empty()
        {
            room_above = Some(bare_room.to_string());
            roomless = None;
            continue;
        }
        if let (Some(k), Some(c)) = (roomless.take(), PLACE_LINE.captures(t.trim())) {
            if let Some(room) = place(d, &c[1], p.line.origin(), true) {
                d.slots[k].value.room = Some(room);
            }
            continue;
        }
        let rs = ranges(t);
        let ds = dates(t);
        if let (true, Some(c)) = (rs.is_empty() && ds.len() == 1, DAY_ALONE.captures(t.trim())) {
            let campus = c.get(1).map(|m| m.as_str().to_string());
            let room = campus.and_then(|k| on_campus(d, &k));
            day_above = ds[0].date(year).map(|x| (x, room));
            cur = None;
            continue;
        }
        // `时间:2015年9月12日8:30-17:30,交通学院安排在14:15-15:30`: the day's hours, and one college's
        // own, in the notice's one room.
        if let ([w], Some(c)) = (&ds[..], GROUP_OWN_TIME.captures(t)) {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let own = ranges(&t[whole.start..]);
            let day = w.date(year).filter(|x| d.days.iter().any(|y| y.value.0 == *x) && w.start < whole.start);
            if let (Some(x), [(a, b, ..)], [room]) = (day, own.as_slice(), d.rooms.as_slice()) {
                let slot = Slot { date: x, start: *a, end: *b, room: Some(room.value.id.clone()), groups: vec![c[1].to_string()] };
                add_slot(d, slot, p.line.at(whole.start));
                cur = None;
                continue;
            }
        }
        // `经管学院采集时间是:11月11日(周六)上午 9:00——12:00;下午13:30——17:00`: that college's
        // slots, one a range.
        if let (Some(c), [w]) = (COLLEGE_TIME.captures(t.trim()), &ds[..]) {
            if let Some(x) = w.date(year).filter(|_| !rs.is_empty()) {
                for &(a, b, ..) in &rs {
                    add_slot(d, Slot { date: x, start: a, end: b, room: None, groups: vec![c[1].to_string()] }, p.line.origin());
                }
                cur = None;
                continue;
            }
        }
        if let Some(&(a, b, s, e)) = rs.first() {
            let mut rest = format!("{}{}", &t[..s], &t[e..]);
            let date = match ds.first() {
                Some(w) => {
                    rest = rest.replace(&t[w.start..day_run_end(t, w)], "");
                    w.date(year)
                }
                None => day_above.as_ref().map(|x| x.0).or(only_day),
            };
            // `9:00-9:30:控计学院…`: the colon after the time introduces the names.
            let rest = clean(&DAY_PART.replace_all(&rest, ""));
            let rest = rest.trim_start_matches([':', '：', ' ']).to_string();
            if rest.is_empty() && rs.len() == 1 {
                cur = date.map(|x| (x, a, b));
            } else if let (Some(x), true) =
                (date, rs.len() == 1 && !CAPTURE.iter().chain(["时间", "地点"].iter()).chain(NOT_CAPTURE).any(|k| rest.contains(k)))
            {
                // `北 辰 校区:11月8日上午8:30-11:00`: a campus's hours, no one's slot.
                // `3月17日-3月21日,每天08:00—18:00`: what is left is no one's name.
                let groups = split_groups(&rest);
                let nameless = |g: &str| {
                    !dates(g).is_empty() || ["每天", "全天", "当天", "每日"].contains(&g) || !g.starts_with(|c: char| c.is_alphanumeric())
                };
                if groups.iter().any(|g| nameless(g)) {
                    cur = None;
                    continue;
                }
                // `(东校区) 5月2日13:00-16:15` too.
                let bare = |g: &str| g.trim_matches(['(', ')', '（', '）', ':', '：']).to_string();
                if groups.iter().any(|g| bare(g).chars().count() < 2 || bare(g).ends_with("校区") || looks_like_room(g)) {
                    cur = None;
                    continue;
                }
                let (n, key) = (groups.len(), (x, a, b));
                // (In the notice's one room when it names no campus: no row can be elsewhere.)
                let room = room_above.clone().and_then(|r| place(d, &r, p.line.origin(), true)).or_else(|| only_room.clone());
                let roomed = room.is_some();
                add_slot(d, Slot { date: x, start: a, end: b, room, groups }, p.line.origin());
                if roomed {
                    continue;
                }
                // (Only when it is that line's slot alone, not one it joined.)
                roomless = d.slots.iter().position(|s| (s.value.date, s.value.start, s.value.end) == key && s.value.room.is_none());
                roomless = roomless.filter(|&k| d.slots[k].value.groups.len() == n);
            } else {
                cur = None;
            }
            continue;
        }
        let Some((date, a, b)) = cur else { continue };
        // `地理与旅游学院` under `8:30-9:00`, below a day of its own: the names of that slot.
        let names_only = |t: &str| {
            let gs = split_groups(t);
            !gs.is_empty() && gs.iter().all(|g| COLLEGE_NAME.is_match(g))
        };
        if let (Some((_, room)), false, true) = (&day_above, t.contains(['：', ':']), names_only(t)) {
            add_slot(d, Slot { date, start: a, end: b, room: room.clone(), groups: split_groups(t) }, p.line.origin());
            cur = None;
            continue;
        }
        let Some((room_text, names)) = t.split_once(['：', ':']) else {
            cur = None;
            continue;
        };
        match room_of(d, room_text) {
            Ok(Some(room)) => add_slot(d, Slot { date, start: a, end: b, room: Some(room), groups: split_groups(names) }, p.line.origin()),
            _ => cur = None,
        }
    }
}

/// Rooms the notice named, each with its own hours, no one's names with them: `中心校区、趵突泉校区
/// 10月24日,时间为:上午8:30—11:30,下午13:30—16:30;` on one line, or `软件园校区时间为:` with the
/// day and its hours on the lines below (`10月29日上午8:30—11:20` / `下午13:30—16:00`). Each room has
/// a slot each range, with no groups, in a notice with no other timetable.
fn rooms_own_hours(lines: &Lines, d: &mut Draft) {
    // (A timetable of who comes when: a room's hours beside it are the room's, no slot of their own.)
    if !d.slots.is_empty() {
        return;
    }
    let year = d.year();
    // The rooms a line opened with, and the day it (or a line under it) gave.
    let mut open: Option<(Vec<String>, Option<NaiveDate>)> = None;
    // (Each source line on its own: a PDF's text runs `中心校区…时间为:` onto the hours above it.)
    for (piece, at) in lines.main().flat_map(|p| p.line.pieces()) {
        let t = strip_marker(piece).trim();
        let (rs, ds) = (ranges(t), dates(t));
        // `10月21日9:00-17:00 地点:华家池校区中心南楼524室`: that room's hours that day.
        if let Some((place, when)) = dated_place(t) {
            let place = REMARK.replace_all(place, "");
            let id = d.rooms.iter().find(|r| r.value.name == place.trim()).map(|r| r.value.id.clone());
            let day_hours = &t[when];
            if let (Some(id), Some(x)) = (id, dates(day_hours).first().and_then(|w| w.date(year))) {
                own_slots(d, x, &[id], &ranges(day_hours), at);
            }
            open = None;
            continue;
        }
        // Where the rooms' names end: at the day, the hours or the word 时间.
        let end = [ds.first().map(|w| w.start), rs.first().map(|r| r.2), t.find("时间")].into_iter().flatten().min();
        let names: Vec<&str> = end.map_or(Vec::new(), |e| t[..e].trim_end_matches([',', '，', ':', '：', ' ']).split('、').collect());
        // (Or a campus that has the one room: `会峰校区:2025316 9:00-14:20` over `会峰校区:体育馆一楼大厅`.)
        let ids: Vec<Option<String>> = names
            .iter()
            .map(|n| {
                let named = d.rooms.iter().find(|r| n.starts_with(text::is_han) && r.value.name == *n).map(|r| r.value.id.clone());
                named.or_else(|| CAMPUS_WORD.is_match(n).then(|| on_campus(d, n)).flatten())
            })
            .collect();
        // What is left once rooms, day, hours and their words are gone: nothing, or it is no such line.
        let words = |from: usize| {
            let spans = rs.iter().map(|r| (r.2, r.3)).chain(ds.iter().map(|w| (w.start, day_run_end(t, w)))).filter(|x| x.0 >= from);
            let rest = without_spans(&t[from..], spans.map(|(a, b)| (a - from, b - from)).collect());
            OWN_HOURS_WORDS.replace_all(&rest, "").chars().all(|c| ",，:：;；。 ".contains(c))
        };
        let date_of = |ds: &[text::Written]| match ds {
            [w] => w.date(year),
            _ => None,
        };
        if !ids.is_empty() && ids.iter().all(Option::is_some) && ds.len() <= 1 && words(end.unwrap_or(0)) {
            let rooms: Vec<String> = ids.into_iter().flatten().collect();
            let date = date_of(&ds);
            if let Some(x) = date {
                own_slots(d, x, &rooms, &rs, at);
            }
            // The lines under it go on with it when it named its day and hours (more hours below), or
            // neither (`软件园校区时间为:`); not a day alone, whose hours below may be every campus's
            // (`同济校区:2020年9月22日` / `主校区:2020年9月29、30日` / `上午8:30—11:50`).
            open = (ds.is_empty() && rs.is_empty() || date.is_some() && !rs.is_empty()).then_some((rooms, date));
            continue;
        }
        // The day and hours under the rooms' line.
        match open.take() {
            Some((rooms, date)) if !rs.is_empty() && ds.len() <= 1 && words(0) => {
                let Some(x) = date_of(&ds).or(date) else { continue };
                own_slots(d, x, &rooms, &rs, at);
                open = Some((rooms, Some(x)));
            }
            _ => {}
        }
    }
}

/// Each room's slot for each of its ranges on day `x`, no one's names in them.
fn own_slots(d: &mut Draft, x: NaiveDate, rooms: &[String], rs: &[(Secs, Secs, usize, usize)], at: Origin) {
    for room in rooms {
        for &(a, b, ..) in rs {
            add_slot(d, Slot { date: x, start: a, end: b, room: Some(room.clone()), groups: Vec::new() }, at);
        }
    }
}

/// The part of a day and its weekday beside its hours: `上午`, `(周三)`.
static DAY_PART: LazyLock<Regex> = LazyLock::new(|| re(r"上午|下午|中午|晚上|[（(]\s*(?:周|星期).[）)]"));

/// What a room's line says beside its day and hours: the part of the day, its weekday, `时间为`.
static OWN_HOURS_WORDS: LazyLock<Regex> = LazyLock::new(|| re(r"上午|下午|中午|晚上|时间[为是]?|[（(]\s*(?:周|星期).[）)]"));

/// A room in a college's building: `安泰经济与管理学院包兆龙图书馆A303教室`.
static IN_COLLEGE_BUILDING: LazyLock<Regex> = LazyLock::new(|| re(r"学院\p{Han}*?(?:楼|室|馆|厅|堂|中心)"));
/// A campus alone, perhaps with its address: `呈贡校区`, `闵行校区(东川路800号)`.
static CAMPUS_ONLY: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Han}{2,6}校区(?:\s*[（(][^）)]*[）)])?$"));
static STATION_ROOM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^第\s*[\d一二三四五六七八九十]{1,3}\s*(?:组|机位|号机位|拍摄点)\s*[(（]([^()（）]{2,30})[)）]$"));
static CAMPUS_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Han}{1,4}校区$"));

/// The notice's one capture room, which timetable rows that name none are in; none when the
/// rows (or the notice) name campuses, as the room may not be on theirs.
/// Whether a room the notice names has one of the numbers `text` holds (its digits, run for run).
fn shares_a_number(d: &Draft, text: &str) -> bool {
    let runs = |s: &str| re(r"\d+").find_iter(s).map(|m| m.as_str().to_string()).collect::<Vec<_>>();
    let mine = runs(text);
    d.rooms.iter().any(|r| runs(&r.value.name).iter().any(|n| mine.contains(n)))
}

fn one_room(d: &Draft, campuses: bool) -> Option<String> {
    match d.rooms.as_slice() {
        [one] if !campuses => Some(one.value.id.clone()),
        _ => None,
    }
}

/// The one room on a campus: labelled with it (`东校区:公主楼三层报告厅`) or naming it
/// (`文综楼一楼东模拟法庭(东校区)`); none when the campus has several or none, or when a room
/// names no campus at all (it may be on that one).
fn on_campus(d: &Draft, campus: &str) -> Option<String> {
    let campus_of = |r: &Room| r.campus.is_some() || r.name.contains("校区");
    if !d.rooms.iter().all(|r| campus_of(&r.value)) {
        return None;
    }
    let on: Vec<_> = d.rooms.iter().filter(|r| r.value.campus.as_deref() == Some(campus) || r.value.name.contains(campus)).collect();
    (on.len() == 1).then(|| on[0].value.id.clone())
}

/// A headcount alone in its cell, under 人数: `78`, `78人`.
static ROW_COUNT: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,5})\s*人?$"));

/// Words a room's name holds: `楼`, `室`, `厅`, `馆`, `堂`, `中心`.
const ROOM_WORDS: &[&str] = &["楼", "室", "厅", "馆", "堂", "中心"];

/// A heading of place and time: `地点、时间`, `拍摄地点和时间`.
static PLACE_AND_TIME: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:采集|拍摄|拍照)?地点\s*[、和及与]\s*(?:采集|拍摄|拍照)?时间$"));

/// A heading of the capture's time and place: `时间地点`, `采集时间和地点`, `拍摄时间、地点安排`.
static TIME_AND_PLACE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(?:图像)?(?:信息)?(?:采集|拍摄|拍照))?时间\s*[、和及与]?\s*(?:采集|拍摄|拍照)?地点(?:安排)?[:：]?$"));

/// A college's own capture time: `经管学院采集时间是:`.
static COLLEGE_TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\p{Han}{1,16}?(?:学院|系|部))(?:的)?(?:图像)?(?:采集|拍摄|拍照)时间(?:是|为)?\s*[:：]"));

/// The place of the slot on the line above: `地点:柳林校区学生活动中心多功能厅`.
static PLACE_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:拍摄|采集)?地点\s*[:：]\s*(\S{2,40})$"));

/// A day alone on its line, perhaps with its campus in brackets: `11月21日(东校区)`.
static DAY_ALONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\d{1,2}月\d{1,2}日\s*(?:[（(]\s*(?:星期|周)?[一二三四五六日天]?\s*[）)])?\s*(?:[（(]([^）)]{1,6}校区)[）)])?$"));
/// A college's name: `地理与旅游学院`, `马克思主义学院`, `体育部`.
static COLLEGE_NAME: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Han}{1,16}(?:学院|系|部|研究院|中心)$"));

static WHOLE_COHORT: LazyLock<Regex> = LazyLock::new(|| re(r"^(\p{Han}{2,12}?(?:学院|系))\s*\d{4}\s*[级届]\s*(?:全体|所有)"));

/// Groups: every name the timetable gives, in order; a name with a class number is a class
/// (its college is not written), else a college. `文学院【57人】` gives a headcount.
static HEADER_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:班级|学院|院系|专业|单位|对象)(?:\s+|\s*[:：]\s*)"));

/// A name with digits that is no class: a college with a note in brackets, or every major.
static NOT_A_CLASS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^\d（）()]{1,16}(?:学院|系|研究院|学部)[（(][^（）()]+[）)]$|[（(](?:各专业|全体|所有专业)[）)]$"));

fn groups(d: &mut Draft) {
    let count = re(r"^(.+?)\s*[【\[（(]\s*(\d+)\s*人?\s*[】\]）)]$");
    // `电信学院600`: a college's headcount with nothing between them.
    let fused = re(r"^(\p{Han}{1,16}(?:学院|系|部))\s*(\d{1,4})\s*人?$");
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for s in &mut d.slots {
        for g in &mut s.value.groups {
            // `班级 2018级科硕:`: a column's header word and the colon after it are no part of the name.
            let bare = HEADER_WORD.replace(g.trim().trim_end_matches(['：', ':']).trim_end(), "").into_owned();
            if !bare.is_empty() {
                *g = bare;
            }
            let (name, headcount) = match count.captures(g).or_else(|| fused.captures(g)) {
                Some(c) => (c[1].to_string(), c[2].parse().ok()),
                None => (g.clone(), d.counted.iter().find(|(n, _)| n == g).map(|(_, n)| *n)),
            };
            // `电气学院2017级全体非全日制专业硕士研究生`: the college; who in it is the audience.
            let name = match WHOLE_COHORT.captures(&name) {
                Some(c) => c[1].to_string(),
                None => name,
            };
            *g = name.clone();
            if seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            // (`法学院(2018级法学实验班)`: a college, whatever its note says; `2016级双专业双学位(各专业)`:
            // every major of a year, no one class.)
            let class = name.chars().any(|c| c.is_ascii_digit()) && !NOT_A_CLASS.is_match(&name);
            let group = Group { college: (!class).then(|| name.clone()), class: class.then(|| name.clone()), headcount };
            out.push(Found::new(group, s.at));
        }
    }
    d.groups = out;
}
