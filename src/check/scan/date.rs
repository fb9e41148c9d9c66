//! Dates (`2025年4月12日`, `4 月 12 日`, `2025-04-12`, `2025/4/12`, `2025.4.12`), runs of them
//! (`4月12日至13日`, `4月12日、13日`) and the weekdays written after them (`（周六、周日）`).

use std::sync::LazyLock;

use chrono::Weekday;
use regex::{Captures, Regex};

use super::skip::Skips;
use super::{char_at, char_before, is_digit, next_char, parse_digits, DateMention, WeekdayMention};
use super::{DIGIT, GAP};

/// A four-digit year; the value is range-checked after matching.
const YEAR: &str = "[12１２][0-9０-９]{3}";

fn date_pattern() -> String {
    format!(
        "(?:(?P<y>{YEAR}){GAP}年{GAP})?(?P<m>{DIGIT}{{1,2}}){GAP}月{GAP}(?P<d>{DIGIT}{{1,2}})\
         (?:{GAP}(?P<suf>[日号]))?\
         |(?P<iy>{YEAR})(?P<s1>[-/.－／．])(?P<im>{DIGIT}{{1,2}})(?P<s2>[-/.－／．])(?P<id>{DIGIT}{{1,2}})"
    )
}

/// A date anywhere in the text.
static DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&date_pattern()).expect("valid regex"));
/// A date at the start of the haystack.
static DATE_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", date_pattern())).expect("valid regex"));
/// A bare day that continues a run: `13日` in `4月12日至13日`.
static DAY_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^(?P<d>{DIGIT}{{1,2}}){GAP}(?P<suf>[日号])")).expect("valid regex")
});
/// What joins two dates of a run: a range (`至`, `-`, `~`) or a list (`、`, `和`).
static CONNECTOR_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^[*_]{{0,3}}{GAP}(?:至|到|[-－—–~～〜]{{1,2}}|、|和|及|与|或){GAP}[*_]{{0,3}}"
    ))
    .expect("valid regex")
});

const WEEKDAY: &str = "(?:星期|礼拜|周)[一二三四五六日天]";
/// One weekday word, or a bare numeral after the first (`周六、日`, `周一至五`).
static WEEKDAY_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("(?:星期|礼拜|周)?[一二三四五六日天]").expect("valid regex"));
/// The weekdays written right after a date: `（周六）`, ` 星期一`, `(周六、周日)`, `，周一`,
/// `| 周一 |` (the next table cell), `（周一至五）`.
static WEEKDAYS_AT: LazyLock<Regex> = LazyLock::new(|| {
    let sep = "(?:[、，,/／和与及]|至|到|[-－—–~～〜]{1,2})";
    Regex::new(&format!(
        "^[*_]{{0,3}}{GAP}(?:[(（【\\[]{GAP}|[,，|]{GAP})?[*_]{{0,3}}\
         (?P<list>{WEEKDAY}(?:{GAP}{sep}{GAP}(?:{WEEKDAY}|[一二三四五六日天]))*)\
         (?:[*_]{{0,3}}{GAP}(?P<close>[)）】\\]]))?"
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
    /// Decode a `DATE`/`DATE_AT` match whose haystack starts at byte `base` of the text.
    fn from_caps(caps: &Captures<'_>, base: usize) -> Option<Item> {
        let whole = caps.get(0)?;
        let (year, month, day, suffix) = if let Some(m) = caps.name("m") {
            let year = match caps.name("y") {
                Some(y) => Some(year_value(y.as_str())?),
                None => None,
            };
            let suffix = match caps.name("suf").map(|s| s.as_str()) {
                Some("日") => Suffix::Ri,
                Some(_) => Suffix::Hao,
                None => Suffix::Missing,
            };
            (
                year,
                parse_digits(m.as_str())?,
                parse_digits(caps.name("d")?.as_str())?,
                suffix,
            )
        } else {
            if caps.name("s1")?.as_str() != caps.name("s2")?.as_str() {
                return None;
            }
            let year = year_value(caps.name("iy")?.as_str())?;
            let month = parse_digits(caps.name("im")?.as_str())?;
            (
                Some(year),
                month,
                parse_digits(caps.name("id")?.as_str())?,
                Suffix::Numeric,
            )
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Item {
            start: base + whole.start(),
            end: base + whole.end(),
            year,
            month,
            day,
            suffix,
        })
    }

    /// `2025-04-12` must not continue into more digits (`2025-04-123`, `2024.1.5.3`).
    fn numeric_end_ok(&self, text: &str) -> bool {
        if self.suffix != Suffix::Numeric {
            return true;
        }
        match char_at(text, self.end) {
            Some(c) if is_digit(c) => false,
            Some('-' | '/' | '.' | ':' | '－' | '／' | '．') => {
                !char_at(text, next_char(text, self.end)).is_some_and(is_digit)
            }
            _ => true,
        }
    }

    /// The first date of a run must not continue a number, a word or a path.
    fn start_ok(&self, text: &str) -> bool {
        match char_before(text, self.start) {
            None => true,
            Some(c) if is_digit(c) || c.is_ascii_alphanumeric() || matches!(c, '.' | '．') => {
                false
            }
            Some(c) => {
                self.suffix != Suffix::Numeric
                    || !matches!(c, '/' | '-' | '_' | '#' | '=' | '?' | '&' | '%' | '+' | '@')
            }
        }
    }
}

fn year_value(s: &str) -> Option<i32> {
    parse_digits(s)
        .filter(|y| (1900..=2199).contains(y))
        .and_then(|y| i32::try_from(y).ok())
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
    if !next_visible(text, at).is_some_and(|c| "(（【[,，|星礼周".contains(c)) {
        return None;
    }
    let caps = WEEKDAYS_AT.captures(text.get(at..)?)?;
    let list = caps.name("list")?;
    let base = at + list.start();
    let mut end = at + caps.name("close").unwrap_or(list).end();
    let mut words = Vec::new();
    let mut is_range = false;
    let mut prev_end = 0;
    let tokens: Vec<_> = WEEKDAY_WORD.find_iter(list.as_str()).collect();
    for (k, w) in tokens.iter().enumerate() {
        let bare = !w.as_str().starts_with(['周', '星', '礼']);
        if bare
            && k + 1 == tokens.len()
            && char_at(text, base + w.end()).is_some_and(char::is_alphanumeric)
        {
            // `周六、日期待定`: the `日` starts a word, it is no weekday.
            end = base + prev_end;
            break;
        }
        let between = &list.as_str()[prev_end..w.start()];
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
        words.push((base + w.start(), w.len(), weekday));
    }
    Some(Group {
        end,
        words,
        is_range,
    })
}

/// The next date of a run, starting at `at` with a connector: `至13日`, `、5月3日`, `-13日`.
fn continuation(text: &str, at: usize, prev: &Item) -> Option<Item> {
    if !next_visible(text, at).is_some_and(|c| "至到-－—–~～〜、和及与或".contains(c))
    {
        return None;
    }
    let conn = CONNECTOR_AT.find(text.get(at..)?)?;
    let p = at + conn.end();
    let rest = text.get(p..)?;
    if let Some(caps) = DATE_AT.captures(rest) {
        let mut item = Item::from_caps(&caps, p).filter(|it| it.numeric_end_ok(text))?;
        if item.year.is_none() {
            // `2024年12月30日至1月2日` crosses into the next year.
            let wraps = (item.month, item.day) < (prev.month, prev.day);
            item.year = prev.year.map(|y| if wraps { y + 1 } else { y });
        }
        return Some(item);
    }
    let caps = DAY_AT.captures(rest)?;
    let whole = caps.get(0)?;
    let suffix = if caps.name("suf")?.as_str() == "日" {
        Suffix::Ri
    } else if matches!(prev.suffix, Suffix::Hao | Suffix::Missing) {
        Suffix::Hao
    } else {
        // `4月12日和3号楼`: a building, not a day.
        return None;
    };
    let day = parse_digits(caps.name("d")?.as_str()).filter(|d| (1..=31).contains(d))?;
    Some(Item {
        start: p,
        end: p + whole.end(),
        year: prev.year,
        month: prev.month,
        day,
        suffix,
    })
}

/// The first character at or after `at` that is not spacing or emphasis: a cheap necessary
/// condition before running the anchored regexes.
fn next_visible(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().find(|c| {
        !matches!(
            c,
            ' ' | '\t' | '\r' | '\n' | '\u{A0}' | '\u{3000}' | '*' | '_'
        )
    })
}

/// Pair the dates still waiting for a weekday with the words of `group`, if they line up.
fn pair(items: &[Item], group: &Group, out: &mut Vec<WeekdayMention>) {
    let fits = if group.is_range {
        group.words.len() == 2 && items.len() == 2
    } else {
        group.words.len() == items.len()
    };
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
fn run(
    text: &str,
    skips: &Skips,
    first: Item,
    dates: &mut Vec<DateMention>,
    weekdays: &mut Vec<WeekdayMention>,
) -> usize {
    let mut items = vec![first];
    let mut pending = 0; // first item still waiting for a weekday
    let mut found = Vec::new();
    let mut cursor = first.end;
    while let Some(last) = items.last().copied() {
        if last.suffix != Suffix::Missing {
            if let Some(group) = weekday_group(text, cursor).filter(|g| !skips.hits(cursor, g.end))
            {
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
        let Some(caps) = DATE.captures_at(text, pos) else {
            break;
        };
        let Some(whole) = caps.get(0) else { break };
        let first = Item::from_caps(&caps, 0).filter(|it| {
            it.start_ok(text) && it.numeric_end_ok(text) && !skips.hits(it.start, it.end)
        });
        pos = match first {
            Some(first) => run(text, skips, first, &mut dates, &mut weekdays)
                .max(next_char(text, whole.start())),
            None => next_char(text, whole.start()),
        };
    }
    (dates, weekdays)
}
