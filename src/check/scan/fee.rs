//! Per-person amounts: `每人 20 元`, `每生需缴纳15元`, `人均15元`, `15元/人`, `15 元每人`, `￥15/人`.

use std::sync::LazyLock;

use regex::Regex;

use super::skip::Skips;
use super::{char_before, digit_value, is_digit, FeeMention};
use super::{DIGIT, GAP};

static FEE: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!("{DIGIT}+(?:[.．]{DIGIT}+)?");
    // Words allowed between `每人` and the amount (`需缴纳`, `收取工本费`, `人民币`): no digits,
    // no sentence punctuation, no brackets, no line break.
    let filler = "[^0-9０-９\\r\\n。；;！!？?，,、：:（）()【】\\[\\]|￥¥元]{0,12}?";
    let per = "(?:人|生|位|名)";
    Regex::new(&format!(
        // 每人 20 元 / 每名学生需缴纳：￥15元 / 人均15元
        "(?:每(?:人|生|位|名)|人均){filler}[:：]?{GAP}(?:[￥¥]{GAP})?{num}{GAP}[元圆]\
         |[￥¥]{GAP}{num}{GAP}(?:元{GAP})?(?:[/／]|每|一){GAP}{per}\
         |{num}{GAP}元{GAP}(?:[/／]|每|一){GAP}{per}"
    ))
    .expect("valid regex")
});

/// The value of `15`, `15.5`, `１５．５`.
fn amount(s: &str) -> Option<f64> {
    let ascii: String = s
        .chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or('0'),
            None => '.',
        })
        .collect();
    ascii.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The number must start a number: not `1211` inside `电商12115元/人`, not the `15` of `10-15元/人`.
fn starts_number(text: &str, at: usize) -> bool {
    match char_before(text, at) {
        None => true,
        Some(c) if is_digit(c) || matches!(c, '.' | '．') => false,
        Some('-' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到') => {
            // A range of amounts (`10-15元/人`) names no single fee.
            let before = text[..at].char_indices().next_back().map_or(0, |(i, _)| i);
            !char_before(text, before).is_some_and(is_digit)
        }
        Some(_) => true,
    }
}

/// The amount of a `FEE` match: its first number (the filler after `每人` holds no digits).
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

pub(super) fn scan(text: &str, skips: &Skips) -> Vec<FeeMention> {
    let mut out = Vec::new();
    for whole in FEE.find_iter(text) {
        let Some((ns, ne)) = number_in(whole.as_str()) else {
            continue;
        };
        let (ns, ne) = (whole.start() + ns, whole.start() + ne);
        if skips.hits(whole.start(), whole.end()) || !starts_number(text, ns) {
            continue;
        }
        let Some(value) = amount(&text[ns..ne]) else {
            continue;
        };
        out.push(FeeMention { offset: whole.start(), len: whole.len(), amount: value, number_offset: ns, number_len: ne - ns });
    }
    out
}
