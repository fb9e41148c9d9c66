//! Clock times in the body: well formed (`8;00`, `25:00`, `8:7` are typos), and, where written
//! next to a capture date, inside that day's sessions.

use super::scan::{nearest_year, ClockMention, ClockRange, ClockValue, DateMention};
use crate::base::time::hhmm_floor;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::{Notice, Session};
use chrono::NaiveDate;

/// The date a year-less date in the body is read near: the first capture day, else the issue date,
/// else the first date of an online channel; `None` when the notice dates nothing (then a year-less
/// date names no day that could be checked).
pub fn year_anchor(n: &Notice) -> Option<NaiveDate> {
    let online = || n.online.iter().flat_map(|o| [&o.from, &o.until]).flatten().map(|d| d.value).min();
    n.capture.first_day().or(n.issued.as_ref().map(|i| i.value)).or_else(online)
}

/// The date a body date mention names (a year-less one resolved near [`year_anchor`]).
pub fn resolve(n: &Notice, m: &DateMention) -> Option<NaiveDate> {
    match m.year {
        Some(y) => NaiveDate::from_ymd_opt(y, m.month, m.day),
        None => nearest_year(m.month, m.day, year_anchor(n)?),
    }
}

/// The hours of a capture day: its sessions and the own hours of every room working that day (a
/// time next to the date may be any room's).
fn hours(n: &Notice, date: NaiveDate) -> Vec<Session> {
    let mut hours = Vec::new();
    for d in n.capture.days.iter().filter(|d| d.date.value == date) {
        hours.extend(d.sessions.iter().map(|s| s.value));
        for r in &n.capture.rooms {
            if let Some(own) = r.hours_on(d) {
                hours.extend(own.iter().map(|s| s.value));
            }
        }
    }
    hours.sort_by_key(|s| (s.start, s.end));
    hours.dedup();
    hours
}

fn malformed(n: &Notice, c: &ClockMention, out: &mut Vec<Diagnostic>) -> bool {
    let written = &n.body[c.offset..c.offset + c.len];
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let (why, fix) = match c.value {
        ClockValue::Valid(_) => return false,
        ClockValue::Semicolon => {
            let (h, m) = written.split_once([';', '；']).unwrap_or((written, ""));
            ("时与分之间是分号", format!("{}:{}", h.trim(), m.trim()))
        }
        ClockValue::OneDigitMinute => {
            let (h, m) = written.split_once([':', '：']).unwrap_or((written, ""));
            ("分钟只有一位数", format!("{}:0{}（或 {}:{}0）", h.trim(), m.trim(), h.trim(), m.trim()))
        }
        ClockValue::OutOfRange => {
            ("不是一天里的时刻（时 0–24，分 00–59）", format!("例如 {}", if digits.len() >= 3 { "17:30" } else { "08:30" }))
        }
    };
    out.push(
        Diagnostic::error(Code::BodyTimeInvalid, &n.body_loc(c.offset, c.len), format!("正文里的时刻「{written}」写错了：{why}"))
            .help(format!("改成 {fix}")),
    );
    true
}

/// Deadlines and arrival times next to a date are no part of the capture hours.
fn is_deadline_or_arrival(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    ["前", "之前", "以前", "截止", "止", "后", "以后", "之后", "到达", "到場", "到场", "集合", "签到", "簽到"]
        .iter()
        .any(|w| t.starts_with(w))
}

pub fn check(n: &Notice, dates: &[DateMention], clocks: &[ClockRange], out: &mut Vec<Diagnostic>) {
    for r in clocks {
        let bad_start = malformed(n, &r.start, out);
        let bad_end = r.end.as_ref().is_some_and(|e| malformed(n, e, out));
        if bad_start || bad_end {
            continue;
        }
        let last = r.end.as_ref().unwrap_or(&r.start);
        if r.end.is_none() && is_deadline_or_arrival(&n.body[last.offset + last.len..]) {
            continue;
        }
        // The capture date this time stands next to: the last date before it in the same sentence.
        let Some(d) = dates.iter().rev().find(|d| d.offset + d.len <= r.start.offset) else { continue };
        let between = &n.body[d.offset + d.len..r.start.offset];
        if between.len() > 120 || between.contains(['\n', '。', '；', ';', '！', '？']) {
            continue;
        }
        let Some(date) = resolve(n, d) else { continue };
        let sessions = hours(n, date);
        if sessions.is_empty() {
            continue;
        }
        let at = |s: u32| sessions.iter().any(|x| x.start <= s && s <= x.end);
        let (ClockValue::Valid(s), e) = (r.start.value, r.end.as_ref().map(|e| e.value)) else { continue };
        let e = match e {
            Some(ClockValue::Valid(e)) => Some(e),
            Some(_) => continue,
            None => None,
        };
        let inside = at(s) && e.is_none_or(|e| at(e) && e > s);
        if inside {
            continue;
        }
        let span_end = last.offset + last.len;
        let written = &n.body[r.start.offset..span_end];
        let hours: Vec<String> = sessions.iter().map(|x| x.label()).collect();
        let read = match e {
            Some(e) => format!("{}-{}", hhmm_floor(s), hhmm_floor(e)),
            None => hhmm_floor(s),
        };
        out.push(
            Diagnostic::error(
                Code::BodyTimeOutsideSession,
                &n.body_loc(r.start.offset, span_end - r.start.offset),
                format!(
                    "正文写 {} 的「{written}」（即 {read}）不在这一天的采集时段 {} 之内",
                    crate::base::dates::date_long(date),
                    hours.join("、")
                ),
            )
            .help("改正正文里的时刻，或改正前置信息里这一天的 sessions"),
        );
    }
}
