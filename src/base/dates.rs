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
