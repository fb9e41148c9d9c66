//! Scanners that find dates, weekdays and per-person fees written in a notice's Markdown body.
//!
//! They only find and decode mentions; the rules in `check` compare them with the front matter.
//! Every offset is a byte offset into the scanned text and always lies on a char boundary.
//! Text inside URLs, link destinations, HTML tags, inline code spans and fenced code blocks is
//! ignored. The scanners never panic and run in linear time.

use crate::base::money::Money;
use chrono::{Datelike, NaiveDate, Weekday};

mod date;
mod fee;
mod skip;
#[cfg(test)]
mod tests;
mod time;

/// A date written with a weekday, e.g. `2024年4月22日（周一）`, `4月22日(星期一)`, `2024-04-22 周一`,
/// `2024/4/22 星期日`, `4 月 22 日（星期一）`, `4月22日，周一`, `| 4月22日 | 周一 |`.
///
/// In a run of dates the weekdays pair up day by day: `4月12日至13日（周六、周日）`,
/// `4月14日至18日（周一至周五）`, `4月12日、13日（周六、日）` each give two mentions. A weekday
/// that cannot be paired for sure (`4月12日至13日（周六）`, `4月15日，周一至周五`) gives none.
/// The month and day are returned as written, even when they name no real date (`2月30日`);
/// the weekday word of an abbreviated list may be a bare numeral (`日` in `周六、日`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekdayMention {
    /// Byte offset of the date.
    pub offset: usize,
    /// Byte length from the date to the end of its weekday annotation (closing bracket included).
    pub len: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub weekday: Weekday,
    /// Byte offset of the weekday word (`周一`, `星期一`, `礼拜一`), for the caret.
    pub weekday_offset: usize,
    /// Byte length of the weekday word.
    pub weekday_len: usize,
}

/// A calendar date written in the text, with or without a weekday: `2025年4月12日`, `4月12日`,
/// `2025-04-12`, `2025.4.12`, `2025/04/12`. In `4月12日至13日` both days are mentions (the second
/// inherits month and year; `2024年12月30日至1月2日` gives 2025 for the second). Month and day are
/// returned as written (`2月30日` stays 2/30), but never outside 1–12 and 1–31.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub offset: usize,
    pub len: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// An amount of money: `15元`, `15.00元`, `￥15`, `人民币15元`, `交纳20元`, `20元/每人`,
/// `每生15元`, `采集费用：25元`, `12.5元`. A range (`10-15元`) and a number with no money word
/// (`2015届`, `20人`) are not one.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyMention {
    pub offset: usize,
    pub len: usize,
    /// The amount, exact to the fen.
    pub amount: Money,
    /// Byte offset of the number itself.
    pub number_offset: usize,
    /// Byte length of the number itself.
    pub number_len: usize,
    /// Written per person (`每人`, `/人`, `每生`).
    pub per_person: bool,
}

/// How a clock time is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockValue {
    /// Seconds since midnight, with 下午/晚上 read as the clock reads them (下午2:00 is 14:00).
    Valid(u32),
    /// `8;00`: a semicolon where the colon belongs.
    Semicolon,
    /// `8:7`: one digit of minutes.
    OneDigitMinute,
    /// `25:00`, `8:75`.
    OutOfRange,
}

/// A clock time: `8:00`, `08：30`, `8: 30`, `下午2:00` (offset and length of the digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockMention {
    pub offset: usize,
    pub len: usize,
    pub value: ClockValue,
    /// Written after 下午, 晚上 or 中午.
    pub pm: bool,
}

/// A clock time, or a range of two (`9:00---16:30`, `14:30- 17:30`, `下午2:00-4:30`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockRange {
    pub start: ClockMention,
    pub end: Option<ClockMention>,
}

/// Every mention in a body, found in one pass: what the body rules need, for the price of one
/// scan (calling the three functions below separately scans dates twice).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyMentions {
    pub dates: Vec<DateMention>,
    pub weekdays: Vec<WeekdayMention>,
    pub fees: Vec<MoneyMention>,
    pub clocks: Vec<ClockRange>,
}

/// Dates, dated weekdays and amounts of money of `text`, each in text order.
pub fn body_mentions(text: &str) -> BodyMentions {
    let skips = skip::Skips::new(text);
    let (dates, weekdays) = date::scan(text, &skips);
    BodyMentions { dates, weekdays, fees: fee::scan(text, &skips), clocks: time::scan(text, &skips) }
}

/// Every date written with a weekday, in text order.
pub fn weekday_mentions(text: &str) -> Vec<WeekdayMention> {
    date::scan(text, &skip::Skips::new(text)).1
}

/// Every calendar date, in text order.
pub fn date_mentions(text: &str) -> Vec<DateMention> {
    date::scan(text, &skip::Skips::new(text)).0
}

/// Every clock time and range of them, in text order.
pub fn clock_mentions(text: &str) -> Vec<ClockRange> {
    time::scan(text, &skip::Skips::new(text))
}

/// Every amount of money, in text order.
pub fn fee_mentions(text: &str) -> Vec<MoneyMention> {
    fee::scan(text, &skip::Skips::new(text))
}

/// Resolve a year-less month/day to the real date nearest `anchor` (usually the first capture
/// day). Returns `None` when no year near the anchor makes it a valid date (`2月30日`, `13月1日`).
/// On a tie the earlier date wins.
pub fn nearest_year(month: u32, day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    let year = anchor.year();
    // ±4 years always contains a leap year around the anchor, so `2月29日` resolves.
    (year.saturating_sub(4)..=year.saturating_add(4))
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| ((*d - anchor).num_days().abs(), *d))
}

/// Horizontal spacing and at most one line break (a Markdown soft break) between parts.
const GAP: &str = r"[\t \u{A0}\u{3000}]*(?:\r?\n[\t \u{A0}\u{3000}]*)?";
/// One ASCII or full-width decimal digit.
const DIGIT: &str = "[0-9０-９]";

/// The value of a run of ASCII or full-width digits; `None` if it overflows or is not digits.
fn parse_digits(s: &str) -> Option<u32> {
    let mut value: u32 = 0;
    for c in s.chars() {
        value = value.checked_mul(10)?.checked_add(digit_value(c)?)?;
    }
    Some(value)
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// The character just before byte `i` (which must be a char boundary).
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The character starting at byte `i` (which must be a char boundary).
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The byte index just past the character starting at `i`.
fn next_char(text: &str, i: usize) -> usize {
    i + char_at(text, i).map_or(1, char::len_utf8)
}
