//! Clock times (`8:00`, `08：30`, `8: 30`, `下午2:00`) and ranges of them (`9:00---16:30`,
//! `14:30- 17:30`, `8: 30—10: 00`, `17:30---17：45`), with the malformed ones a typist makes
//! (`8;00`, `16；00`, `25:00`, `8:7`).

use std::sync::LazyLock;

use regex::Regex;

use super::skip::Skips;
use super::{char_at, char_before, is_digit, parse_digits, ClockMention, ClockRange, ClockValue};
use super::{DIGIT, GAP};

/// A half-day word, then hour, separator and minute.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:(?:上午|早上|早晨|凌晨|中午|下午|晚上|傍晚|晚间|夜间){GAP})?{DIGIT}{{1,2}}[\t \u{3000}]*[:：;；][\t \u{3000}]*{DIGIT}{{1,2}}"
    ))
    .expect("valid regex")
});
/// What joins the two ends of a range.
static RANGE_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{GAP}(?:[-－—–~～〜]{{1,3}}|至|到){GAP}")).expect("valid regex"));
/// Words near a colon that make it a ratio or a score, not a clock: `比例 4:3`, `16:9`.
const RATIO_WORDS: &[&str] = &["比例", "比分", "比為", "比为", "宽高", "寬高", "长宽", "長寬", "像素", "尺寸", "分辨率", "比"];

fn is_pm(word: &str) -> bool {
    ["下午", "晚上", "傍晚", "晚间", "夜间"].iter().any(|w| word.starts_with(w))
}

fn is_noon(word: &str) -> bool {
    word.starts_with("中午")
}

/// One clock at `m`, or `None` when the colon is not a clock's.
fn clock(text: &str, start: usize, end: usize) -> Option<ClockMention> {
    let span = &text[start..end];
    let first_digit = span.find(is_digit)?;
    let word = &span[..first_digit];
    let rest = &span[first_digit..];
    let sep_at = rest.find([':', '：', ';', '；'])?;
    let hour_text = rest[..sep_at].trim_end_matches(['\t', ' ', '\u{3000}']);
    let sep = rest[sep_at..].chars().next()?;
    let minute_text = rest[sep_at + sep.len_utf8()..].trim_start_matches(['\t', ' ', '\u{3000}']);
    let spaced_after = rest[sep_at + sep.len_utf8()..].starts_with(['\t', ' ', '\u{3000}']);
    let number_start = start + first_digit;
    // Not the tail of a longer number, a word or a version (`v1.8:00`, `A8:00`, `10.8:30`).
    if let Some(c) = char_before(text, number_start) {
        if is_digit(c) || c.is_ascii_alphanumeric() || matches!(c, '.' | '．' | ':' | '：') {
            return None;
        }
    }
    // Not followed by more digits or a third part (`12:30:15`, `1:2:3`).
    match char_at(text, end) {
        Some(c) if is_digit(c) || c.is_ascii_alphabetic() => return None,
        Some(':' | '：' | '.' | '．') if char_at(text, end + char_at(text, end).map_or(1, char::len_utf8)).is_some_and(is_digit) => {
            return None
        }
        _ => {}
    }
    let hour = parse_digits(hour_text)?;
    let minute = parse_digits(minute_text)?;
    let semicolon = matches!(sep, ';' | '；');
    // A semicolon between numbers is a clock only in its usual shape: `8;00`, `16；30`.
    if semicolon && (minute_text.chars().count() != 2 || hour > 24 || spaced_after) {
        return None;
    }
    // `附件 1: 2 份` is a list, not a clock: a space after the colon needs two minute digits.
    if spaced_after && minute_text.chars().count() != 2 {
        return None;
    }
    // Ratios and sizes: `比例 4:3`, `16:9 的照片`.
    let mut around_start = start.saturating_sub(12);
    while !text.is_char_boundary(around_start) {
        around_start += 1;
    }
    let mut around_end = (end + 12).min(text.len());
    while !text.is_char_boundary(around_end) {
        around_end -= 1;
    }
    if RATIO_WORDS.iter().any(|w| text[around_start..start].contains(w) || text[end..around_end].contains(w)) {
        return None;
    }
    let value = if semicolon {
        ClockValue::Semicolon
    } else if minute_text.chars().count() != 2 {
        ClockValue::OneDigitMinute
    } else if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
        ClockValue::OutOfRange
    } else {
        let h = if (is_pm(word) && (1..=11).contains(&hour)) || (is_noon(word) && (1..=5).contains(&hour)) { hour + 12 } else { hour };
        ClockValue::Valid(h * 3600 + minute * 60)
    };
    Some(ClockMention { offset: number_start, len: end - number_start, value, pm: is_pm(word) || is_noon(word) })
}

pub(super) fn scan(text: &str, skips: &Skips) -> Vec<ClockRange> {
    let mut clocks: Vec<ClockMention> = Vec::new();
    for m in CLOCK.find_iter(text) {
        if skips.hits(m.start(), m.end()) {
            continue;
        }
        if let Some(c) = clock(text, m.start(), m.end()) {
            clocks.push(c);
        }
    }
    let mut out: Vec<ClockRange> = Vec::with_capacity(clocks.len());
    let mut i = 0;
    while i < clocks.len() {
        let a = clocks[i].clone();
        let joined = clocks.get(i + 1).filter(|b| {
            text.get(a.offset + a.len..b.offset).is_some_and(|between| {
                // The gap may hold the separator and a half-day word of the second end.
                let rest = between.trim_end_matches(|c: char| !c.is_ascii() && "上午早晨凌中下晚傍间夜".contains(c));
                RANGE_SEP.find(rest).is_some_and(|s| s.end() == rest.len())
            })
        });
        match joined {
            Some(b) => {
                let mut b = b.clone();
                // `下午2:00-4:30`: the afternoon reaches the end too.
                if let (ClockValue::Valid(s), ClockValue::Valid(e), true, false) = (a.value, b.value, a.pm, b.pm) {
                    if e < s && e < 12 * 3600 {
                        b.value = ClockValue::Valid(e + 12 * 3600);
                    }
                }
                out.push(ClockRange { start: a, end: Some(b) });
                i += 2;
            }
            None => {
                out.push(ClockRange { start: a, end: None });
                i += 1;
            }
        }
    }
    out
}
