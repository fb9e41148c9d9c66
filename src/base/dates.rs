//! Dates as people read them: one formatter per form, used by every stage (checks' messages,
//! pages, PDFs, calendars' summaries).

use chrono::{Datelike, NaiveDate, Weekday};

pub fn weekday_zh(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

/// `2025年4月12日`
pub fn date_long(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// `2025年4月12日（周六）`
pub fn date_weekday(d: NaiveDate) -> String {
    format!("{}（{}）", date_long(d), weekday_zh(d.weekday()))
}

/// `4月12日`
pub fn month_day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// `周六`
pub fn weekday_of(d: NaiveDate) -> &'static str {
    weekday_zh(d.weekday())
}

/// `4月12日（周六）`
pub fn date_short(d: NaiveDate) -> String {
    format!("{}月{}日（{}）", d.month(), d.day(), weekday_zh(d.weekday()))
}

/// `2025年6月1日至6月30日` (the year once when both share it).
pub fn date_range(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        date_weekday(a)
    } else if a.year() == b.year() {
        format!("{}至{}月{}日", date_long(a), b.month(), b.day())
    } else {
        format!("{}至{}", date_long(a), date_long(b))
    }
}

/// A period the notice may give in part: both ends as [`date_range`], `2025年6月30日之前` with
/// only its end, `2025年6月1日之后` with only its start; `None` with neither (the caller says
/// 另行通知 or nothing, never a made-up date).
pub fn date_span(from: Option<NaiveDate>, until: Option<NaiveDate>) -> Option<String> {
    match (from, until) {
        (Some(a), Some(b)) => Some(date_range(a, b)),
        (None, Some(b)) => Some(format!("{}之前", date_long(b))),
        (Some(a), None) => Some(format!("{}之后", date_long(a))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod span_tests {
    use super::*;

    #[test]
    fn a_span_states_only_the_ends_given() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).expect("date");
        assert_eq!(date_span(Some(d(6, 1)), Some(d(6, 30))).as_deref(), Some("2025年6月1日至6月30日"));
        assert_eq!(date_span(None, Some(d(6, 30))).as_deref(), Some("2025年6月30日之前"));
        assert_eq!(date_span(Some(d(6, 1)), None).as_deref(), Some("2025年6月1日之后"));
        assert_eq!(date_span(None, None), None);
    }
}
