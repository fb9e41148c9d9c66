//! Facts written in the body must agree with the front matter and the calendar: weekdays next to
//! dates, amounts of money, clock times and deadlines.

use super::scan::{body_mentions, nearest_year, MoneyMention};
use crate::base::dates::weekday_zh;
use crate::base::money::{parts_of_totals, Money};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use crate::source::At;
use chrono::{Datelike, NaiveDate};

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    let anchor = super::clock::year_anchor(n);
    // One scan finds both (each scanner alone would find the body's links and code again).
    let mentions = body_mentions(&n.body);
    for m in mentions.weekdays {
        let date = match (m.year, anchor) {
            (Some(y), _) => NaiveDate::from_ymd_opt(y, m.month, m.day),
            (None, Some(a)) => nearest_year(m.month, m.day, a),
            // A notice that dates nothing: no year to read the weekday against.
            (None, None) => continue,
        };
        let written = &n.body[m.offset..m.offset + m.len];
        let Some(date) = date else {
            out.push(
                Diagnostic::error(Code::BodyInvalidDate, &n.body_loc(m.offset, m.len), format!("正文里的日期「{written}」不存在"))
                    .help("检查月份和日期"),
            );
            continue;
        };
        if date.weekday() != m.weekday {
            out.push(
                Diagnostic::error(
                    Code::WeekdayMismatch,
                    &n.body_loc(m.weekday_offset, m.weekday_len),
                    format!(
                        "{}年{}月{}日是{}，正文写的是{}",
                        date.year(),
                        date.month(),
                        date.day(),
                        weekday_zh(date.weekday()),
                        weekday_zh(m.weekday)
                    ),
                )
                .help(format!(
                    "把「{}」改成「{}」，或改正日期",
                    &n.body[m.weekday_offset..m.weekday_offset + m.weekday_len],
                    weekday_zh(date.weekday())
                )),
            );
        }
    }
    money(n, &mentions.fees, out);
    super::clock::check(n, &mentions.dates, &mentions.clocks, out);
    super::deadlines::check(n, &mentions.dates, out);
}

/// Every amount the front matter explains: `fee.amount`, each `fee.other` and `online` amount.
fn explained(n: &Notice) -> Vec<Money> {
    let mut out = Vec::new();
    if let Some(f) = &n.fee {
        out.push(f.amount.value);
        out.extend(f.other.iter().map(|o| o.amount.value));
    }
    out.extend(n.online.iter().filter_map(|o| o.amount.as_ref().map(|a| a.value)));
    out
}

/// Every amount of money in the body must be one the front matter explains.
fn money(n: &Notice, found: &[MoneyMention], out: &mut Vec<Diagnostic>) {
    let known = explained(n);
    let spans: Vec<(usize, usize, Money)> = found.iter().map(|m| (m.offset, m.offset + m.len, m.amount)).collect();
    let parts = parts_of_totals(&n.body, &spans, |a| known.contains(&a));
    let online: Vec<&At<Money>> = n.online.iter().filter_map(|o| o.amount.as_ref()).collect();
    for (i, m) in found.iter().enumerate() {
        if known.contains(&m.amount) || parts.contains(&i) {
            continue;
        }
        let at = n.body_loc(m.number_offset, m.number_len);
        let written = m.amount;
        let d = match &n.fee {
            None if !online.is_empty() => {
                let named: Vec<String> = online.iter().map(|a| format!("{} 元", a.value)).collect();
                Diagnostic::error(
                    Code::FeeBodyMismatch,
                    &at,
                    format!("正文写了 {written} 元，前置信息里没有这个金额（线上 {}）", named.join("、")),
                )
                .related(&online[0].loc, "线上费用写在这里")
                .help(format!("若正文写错了，改成 {} 元；若两处都对，在 online 或 fee 里写明这笔 {written} 元", online[0].value))
            }
            None => Diagnostic::error(Code::FeeBodyMismatch, &at, format!("正文写了 {written} 元，但前置信息没有 fee"))
                .help(format!("在前置信息加上 fee（例如 fee: {{ amount: {written}, payer: student, method: … }}），或删掉正文里的金额")),
            Some(f) => {
                let mut named = vec![format!("fee.amount 是 {} 元", f.amount.value)];
                named.extend(f.other.iter().map(|o| format!("{} {} 元", o.purpose.value, o.amount.value)));
                named.extend(online.iter().map(|a| format!("线上 {} 元", a.value)));
                let what = if m.per_person { "每人" } else { "" };
                Diagnostic::error(
                    Code::FeeBodyMismatch,
                    &at,
                    format!("正文写{what} {written} 元，前置信息里没有这个金额（{}）", named.join("，")),
                )
                .related(&f.amount.loc, "费用写在这里")
                .help(format!(
                    "若正文写错了，改成 {} 元；若这是另一笔费用（异地采集、重拍、线上采集等），在 fee 下写明：other: [{{ for: 用途, amount: {written} }}]",
                    f.amount.value
                ))
            }
        };
        out.push(d);
    }
}
