//! Amounts of money in every phrasing schools use: `15元`, `15.00元`, `￥15`, `人民币15元`,
//! `交纳20元`, `20元/每人`, `25元/人`, `每生15元`, `采集费用：25元`, `12.5元`, `RMB 15`.
//! A number without a money word (`2015届`, `2021级`, `20人`, `第2号`) is not one.

use std::sync::LazyLock;

use regex::Regex;

use super::skip::Skips;
use super::{char_at, char_before, digit_value, is_digit, MoneyMention};
use super::{DIGIT, GAP};
use crate::base::money::Money;

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!("{DIGIT}+(?:[.．]{DIGIT}+)?");
    Regex::new(&format!(
        // ￥15 / ¥ 15.50 / RMB15 (元 optional after a currency sign)
        "(?:[￥¥]|RMB|rmb){GAP}{num}(?:{GAP}[元圆])?\
         |(?:人民币{GAP})?{num}{GAP}[元圆]"
    ))
    .expect("valid regex")
});

/// Per person: `每人`, `人均`, `每生` before the amount, or `/人`, `每人` after it.
static PER_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("(?:每(?:人|生|位|名)|人均)[^0-9０-９\r\n。；;]{0,12}$").expect("valid regex"));
static PER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{GAP}(?:[/／]|每|一){GAP}(?:每{GAP})?(?:人|生|位|名)")).expect("valid regex"));

/// The value of `15`, `15.5`, `１５．５` in fen; `None` for a third decimal or an overflow.
fn amount(s: &str) -> Option<Money> {
    let ascii: String = s.chars().map(|c| digit_value(c).and_then(|d| char::from_digit(d, 10)).unwrap_or('.')).collect();
    Money::parse(&ascii).ok()
}

/// The number must start a number: not `1211` inside `电商12115元`, not the `15` of `10-15元`.
fn starts_number(text: &str, at: usize) -> bool {
    match char_before(text, at) {
        None => true,
        Some(c) if is_digit(c) || c.is_ascii_alphabetic() || matches!(c, '.' | '．' | '_') => false,
        Some('-' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到') => {
            // A range of amounts (`10-15元`) names no single fee.
            let before = text[..at].char_indices().next_back().map_or(0, |(i, _)| i);
            !char_before(text, before).is_some_and(is_digit)
        }
        Some(_) => true,
    }
}

/// The first number of a match and its byte range within the match.
fn number_in(span: &str) -> Option<(usize, usize)> {
    let start = span.find(is_digit)?;
    let mut end = start;
    let mut seen_point = false;
    let mut chars = span[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_digit(c) {
            end = start + i + c.len_utf8();
        } else if matches!(c, '.' | '．') && !seen_point && chars.peek().is_some_and(|&(_, n)| is_digit(n)) {
            seen_point = true;
        } else {
            break;
        }
    }
    Some((start, end))
}

pub(super) fn scan(text: &str, skips: &Skips) -> Vec<MoneyMention> {
    let mut out = Vec::new();
    for whole in MONEY.find_iter(text) {
        let Some((ns, ne)) = number_in(whole.as_str()) else {
            continue;
        };
        let (ns, ne) = (whole.start() + ns, whole.start() + ne);
        // With a currency word first (`￥15`, `RMB15`), the match itself must start a word.
        let starts = if ns > whole.start() {
            !char_before(text, whole.start()).is_some_and(|c| c.is_ascii_alphanumeric())
        } else {
            starts_number(text, ns)
        };
        if skips.hits(whole.start(), whole.end()) || !starts {
            continue;
        }
        // `15元旦` is no amount; neither is the `10` of `10-15元` (a range: the second number follows).
        if matches!(char_at(text, whole.end()), Some('旦')) {
            continue;
        }
        let after = &text[ne..];
        if after.trim_start().starts_with(['-', '－', '~', '～', '至', '到']) && !whole.as_str().contains(['元', '圆']) {
            continue;
        }
        let Some(value) = amount(&text[ns..ne]) else {
            continue;
        };
        // Only the few characters before the amount can say 每人 (and looking further would
        // make the scan quadratic).
        let mut from = whole.start().saturating_sub(48);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let per_person = PER_BEFORE.is_match(&text[from..whole.start()]) || PER_AFTER.is_match(&text[whole.end()..]);
        out.push(MoneyMention {
            offset: whole.start(),
            len: whole.len(),
            amount: value,
            number_offset: ns,
            number_len: ne - ns,
            per_person,
        });
    }
    out
}
