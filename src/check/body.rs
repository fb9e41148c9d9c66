//! Facts written in the body must agree with the front matter and the calendar: weekdays next to
//! dates, and per-person fees.

use super::fees::format_amount;
use super::scan::{body_mentions, nearest_year};
use crate::base::dates::weekday_zh;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use chrono::{Datelike, NaiveDate};

/// Words that mark a different price than the capture fee (make-up, re-shoots, verification).
const OTHER_PRICES: &[&str] = &["补拍", "重拍", "核验", "加洗", "冲印", "快递", "邮寄", "每次"];

fn sentence_around(text: &str, offset: usize) -> &str {
    let stops = ['。', '；', '\n', '！', '？'];
    let start = text[..offset].rfind(stops).map(|i| i + text[i..].chars().next().map(char::len_utf8).unwrap_or(1)).unwrap_or(0);
    let end = text[offset..].find(stops).map(|i| offset + i).unwrap_or(text.len());
    &text[start..end]
}

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    let anchor = n.capture.first_day().or(n.issued.as_ref().map(|i| i.value)).unwrap_or_default();
    // One scan finds both (each scanner alone would find the body's links and code again).
    let mentions = body_mentions(&n.body);
    for m in mentions.weekdays {
        let date = match m.year {
            Some(y) => NaiveDate::from_ymd_opt(y, m.month, m.day),
            None => nearest_year(m.month, m.day, anchor),
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
    let amount = n.fee.amount.value;
    for m in mentions.fees {
        if (m.amount - amount.yuan_f64()).abs() < 0.005 {
            continue;
        }
        let sentence = sentence_around(&n.body, m.offset);
        if OTHER_PRICES.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        out.push(
            Diagnostic::error(
                Code::FeeBodyMismatch,
                &n.body_loc(m.number_offset, m.number_len),
                format!("正文写每人 {} 元，前置信息 fee.amount 是 {} 元", format_amount(m.amount), amount),
            )
            .related(&n.fee.amount.loc, "费用写在这里")
            .help("让正文与 fee.amount 一致：改正其中错的一处"),
        );
    }
}
