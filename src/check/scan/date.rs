//! Dates (`2025年4月12日`, `4 月 12 日`, `2025-04-12`, `2025/4/12`, `2025.4.12`), runs of them
//! (`4月12日至13日`, `4月12日、13日`) and the weekdays written after them (`（周六、周日）`).

use std::sync::LazyLock;

use chrono::Weekday;
use regex::Regex;

use super::skip::Skips;
use super::{char_at, char_before, is_digit, next_char, parse_digits, DateMention, WeekdayMention};
use super::{DIGIT, GAP};

/// A four-digit year; the value is range-checked after matching.
const YEAR: &str = "[12１２][0-9０-９]{3}";
/// The separator of a numeric date; both must be the same (checked after matching).
const SEP: &str = "[-/.－／．]";

// The regexes only find spans (`find` is several times cheaper than `captures`); the spans are
// decoded by hand from their digit runs.

fn date_pattern() -> String {
    format!(
        "(?:{YEAR}{GAP}年{GAP})?{DIGIT}{{1,2}}{GAP}月{GAP}{DIGIT}{{1,2}}(?:{GAP}[日号號])?\
         |{YEAR}{SEP}{DIGIT}{{1,2}}{SEP}{DIGIT}{{1,2}}"
    )
}

/// A date anywhere in the text.
static DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&date_pattern()).expect("valid regex"));
/// A date at the start of the haystack.
static DATE_AT: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^(?:{})", date_pattern())).expect("valid regex"));
/// A bare day that continues a run: `13日` in `4月12日至13日`.
static DAY_AT: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{DIGIT}{{1,2}}{GAP}[日号號]")).expect("valid regex"));
/// What joins two dates of a run: a range (`至`, `-`, `~`) or a list (`、`, `和`).
static CONNECTOR_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^[*_]{{0,3}}{GAP}(?:至|到|[-－—–~～〜]{{1,2}}|、|和|及|与|或){GAP}[*_]{{0,3}}")).expect("valid regex")
});

const WEEKDAY: &str = "(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]";
/// One weekday word, or a bare numeral after the first (`周六、日`, `周一至五`).
static WEEKDAY_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?:星期|礼拜|禮拜|周|週)?[一二三四五六日天]").expect("valid regex"));
/// The weekdays written right after a date: `（周六）`, ` 星期一`, `(周六、周日)`, `，周一`,
/// `| 周一 |` (the next table cell), `（周一至五）`.
static WEEKDAYS_AT: LazyLock<Regex> = LazyLock::new(|| {
    let sep = "(?:[、，,/／和与及]|至|到|[-－—–~～〜]{1,2})";
    Regex::new(&format!(
        "^[*_]{{0,3}}{GAP}(?:[(（【\\[]{GAP}|[,，|]{GAP})?[*_]{{0,3}}\
         {WEEKDAY}(?:{GAP}{sep}{GAP}(?:{WEEKDAY}|[一二三四五六日天]))*\
         (?:[*_]{{0,3}}{GAP}[)）】\\]])?"
    ))
    .expect("valid regex")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    /// `…日`
    Ri,
    /// `…号`
    Hao,
    /// `4月12` before `-13日`: only valid inside a run.
    Missing,
    /// `2025-04-12`
    Numeric,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    start: usize,
    end: usize,
    year: Option<i32>,
    month: u32,
    day: u32,
    suffix: Suffix,
}

impl Item {
    /// Decode the span `start..end` of a `DATE`/`DATE_AT` match.
    fn from_span(text: &str, start: usize, end: usize) -> Option<Item> {
        let span = text.get(start..end)?;
        let runs = digit_runs(span);
        let num = |k: usize| runs.get(k).and_then(|&(s, e)| parse_digits(&span[s..e]));
        let (year, month, day, suffix) = if span.contains('月') {
            let (year, first) =
                if span.contains('年') { (Some(year_value(&span[runs.first()?.0..runs.first()?.1])?), 1) } else { (None, 0) };
            let suffix = match span.chars().next_back() {
                Some('日') => Suffix::Ri,
                Some('号' | '號') => Suffix::Hao,
                _ => Suffix::Missing,
            };
            (year, num(first)?, num(first + 1)?, suffix)
        } else {
            let (&(ys, ye), &(ms, me), &(ds, _)) = (runs.first()?, runs.get(1)?, runs.get(2)?);
            if span[ye..ms] != span[me..ds] {
                return None;
            }
            (Some(year_value(&span[ys..ye])?), num(1)?, num(2)?, Suffix::Numeric)
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Item { start, end, year, month, day, suffix })
    }

    /// `2025-04-12` must not continue into more digits (`2025-04-123`, `2024.1.5.3`).
    fn numeric_end_ok(&self, text: &str) -> bool {
        if self.suffix != Suffix::Numeric {
            return true;
        }
        match char_at(text, self.end) {
            Some(c) if is_digit(c) => false,
            Some('-' | '/' | '.' | ':' | '－' | '／' | '．') => !char_at(text, next_char(text, self.end)).is_some_and(is_digit),
            _ => true,
        }
    }

    /// The first date of a run must not continue a number, a word or a path.
    fn start_ok(&self, text: &str) -> bool {
        match char_before(text, self.start) {
            None => true,
            Some(c) if is_digit(c) || c.is_ascii_alphanumeric() || matches!(c, '.' | '．') => false,
            Some(c) => self.suffix != Suffix::Numeric || !matches!(c, '/' | '-' | '_' | '#' | '=' | '?' | '&' | '%' | '+' | '@'),
        }
    }
}

/// Byte ranges of the runs of digits in `s` (at most three matter).
fn digit_runs(s: &str) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::with_capacity(3);
    let mut prev_digit_end = None;
    for (i, c) in s.char_indices() {
        if is_digit(c) {
            let e = i + c.len_utf8();
            match (prev_digit_end, runs.last_mut()) {
                (Some(pe), Some(last)) if pe == i => last.1 = e,
                _ => runs.push((i, e)),
            }
            prev_digit_end = Some(e);
        }
    }
    runs
}

fn year_value(s: &str) -> Option<i32> {
    parse_digits(s).filter(|y| (1900..=2199).contains(y)).and_then(|y| i32::try_from(y).ok())
}

/// Weekday words after a run of dates.
struct Group {
    end: usize,
    /// (offset, len, weekday) of each word.
    words: Vec<(usize, usize, Weekday)>,
    /// `周六至周日`: a range, not a list.
    is_range: bool,
}

fn weekday_group(text: &str, at: usize) -> Option<Group> {
    // Most dates have no weekday: decide that without running a regex.
    if !next_visible(text, at).is_some_and(|c| "(（【[,，|星礼禮周週".contains(c)) {
        return None;
    }
    // The match ends at the closing bracket if there is one, else at the last weekday.
    let found = WEEKDAYS_AT.find(text.get(at..)?)?;
    let mut end = at + found.end();
    let list = found.as_str();
    let tokens: Vec<_> = WEEKDAY_WORD.find_iter(list).collect();
    let mut words = Vec::new();
    let mut is_range = false;
    let mut prev_end = tokens.first()?.start();
    for (k, w) in tokens.iter().enumerate() {
        let bare = !w.as_str().starts_with(['周', '週', '星', '礼', '禮']);
        if bare && k + 1 == tokens.len() && char_at(text, at + w.end()).is_some_and(char::is_alphanumeric) {
            // `周六、日期待定`: the `日` starts a word, it is no weekday.
            end = at + prev_end;
            break;
        }
        let between = &list[prev_end..w.start()];
        is_range |= between.contains(['至', '到', '-', '－', '—', '–', '~', '～', '〜']);
        prev_end = w.end();
        let weekday = match w.as_str().chars().next_back()? {
            '一' => Weekday::Mon,
            '二' => Weekday::Tue,
            '三' => Weekday::Wed,
            '四' => Weekday::Thu,
            '五' => Weekday::Fri,
            '六' => Weekday::Sat,
            _ => Weekday::Sun,
        };
        words.push((at + w.start(), w.len(), weekday));
    }
    Some(Group { end, words, is_range })
}

/// The next date of a run, starting at `at` with a connector: `至13日`, `、5月3日`, `-13日`.
fn continuation(text: &str, at: usize, prev: &Item) -> Option<Item> {
    if !next_visible(text, at).is_some_and(|c| "至到-－—–~～〜、和及与或".contains(c)) {
        return None;
    }
    let conn = CONNECTOR_AT.find(text.get(at..)?)?;
    let p = at + conn.end();
    let rest = text.get(p..)?;
    if let Some(m) = DATE_AT.find(rest) {
        let mut item = Item::from_span(text, p + m.start(), p + m.end()).filter(|it| it.numeric_end_ok(text))?;
        if item.year.is_none() {
            // `2024年12月30日至1月2日` crosses into the next year.
            let wraps = (item.month, item.day) < (prev.month, prev.day);
            item.year = prev.year.map(|y| if wraps { y + 1 } else { y });
        }
        return Some(item);
    }
    let whole = DAY_AT.find(rest)?;
    let suffix = if whole.as_str().ends_with('日') {
        Suffix::Ri
    } else if matches!(prev.suffix, Suffix::Hao | Suffix::Missing) {
        Suffix::Hao
    } else {
        // `4月12日和3号楼`: a building, not a day.
        return None;
    };
    let &(ds, de) = digit_runs(whole.as_str()).first()?;
    let day = parse_digits(&whole.as_str()[ds..de]).filter(|d| (1..=31).contains(d))?;
    Some(Item { start: p, end: p + whole.end(), year: prev.year, month: prev.month, day, suffix })
}

/// The first character at or after `at` that is not spacing or emphasis: a cheap necessary
/// condition before running the anchored regexes.
fn next_visible(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().find(|c| !matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{A0}' | '\u{3000}' | '*' | '_'))
}

/// Pair the dates still waiting for a weekday with the words of `group`, if they line up.
fn pair(items: &[Item], group: &Group, out: &mut Vec<WeekdayMention>) {
    let fits = if group.is_range { group.words.len() == 2 && items.len() == 2 } else { group.words.len() == items.len() };
    if !fits {
        return;
    }
    for (it, &(weekday_offset, weekday_len, weekday)) in items.iter().zip(&group.words) {
        out.push(WeekdayMention {
            offset: it.start,
            len: group.end - it.start,
            year: it.year,
            month: it.month,
            day: it.day,
            weekday,
            weekday_offset,
            weekday_len,
        });
    }
}

/// Follow one run of dates from `first`; returns the byte where scanning resumes.
fn run(text: &str, skips: &Skips, first: Item, dates: &mut Vec<DateMention>, weekdays: &mut Vec<WeekdayMention>) -> usize {
    let mut items = vec![first];
    let mut pending = 0; // first item still waiting for a weekday
    let mut found = Vec::new();
    let mut cursor = first.end;
    while let Some(last) = items.last().copied() {
        if last.suffix != Suffix::Missing {
            if let Some(group) = weekday_group(text, cursor).filter(|g| !skips.hits(cursor, g.end)) {
                pair(&items[pending..], &group, &mut found);
                pending = items.len();
                cursor = group.end;
            }
        }
        match continuation(text, cursor, &last).filter(|it| !skips.hits(cursor, it.end)) {
            Some(next) => {
                cursor = next.end;
                items.push(next);
            }
            None => {
                if last.suffix == Suffix::Missing {
                    // `4月12` with nothing after it is not a date.
                    items.pop();
                    cursor = last.end;
                }
                break;
            }
        }
    }
    dates.extend(items.iter().map(|it| DateMention {
        offset: it.start,
        len: it.end - it.start,
        year: it.year,
        month: it.month,
        day: it.day,
    }));
    weekdays.extend(found);
    cursor
}

/// All dates and all dated weekdays of `text`, in text order.
pub(super) fn scan(text: &str, skips: &Skips) -> (Vec<DateMention>, Vec<WeekdayMention>) {
    let mut dates = Vec::new();
    let mut weekdays = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(whole) = DATE.find_at(text, pos) else {
            break;
        };
        let first = Item::from_span(text, whole.start(), whole.end())
            .filter(|it| it.start_ok(text) && it.numeric_end_ok(text) && !skips.hits(it.start, it.end));
        pos = match first {
            Some(first) => run(text, skips, first, &mut dates, &mut weekdays).max(next_char(text, whole.start())),
            None => next_char(text, whole.start()),
        };
    }
    (dates, weekdays)
}
