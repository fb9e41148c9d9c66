//! Dates and times as people read them.

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

/// Date labels in the site's language.
pub mod lang {
    use super::*;
    use crate::config::Language;

    fn en_wd(d: NaiveDate) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday().num_days_from_monday() as usize]
    }

    fn en_mon(d: NaiveDate) -> &'static str {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month0() as usize]
    }

    pub fn long(d: NaiveDate, l: Language) -> String {
        match l {
            Language::ZhCn => date_long(d),
            Language::En => format!("{} {} {}", d.day(), en_mon(d), d.year()),
        }
    }

    pub fn weekday(d: NaiveDate, l: Language) -> String {
        match l {
            Language::ZhCn => date_weekday(d),
            Language::En => format!("{} {} {} {}", en_wd(d), d.day(), en_mon(d), d.year()),
        }
    }

    pub fn short(d: NaiveDate, l: Language) -> String {
        match l {
            Language::ZhCn => date_short(d),
            Language::En => format!("{} {} {}", en_wd(d), d.day(), en_mon(d)),
        }
    }

    pub fn range(a: NaiveDate, b: NaiveDate, l: Language) -> String {
        match l {
            Language::ZhCn => date_range(a, b),
            Language::En if a == b => weekday(a, l),
            Language::En => format!("{} – {}", long(a, l), long(b, l)),
        }
    }
}
