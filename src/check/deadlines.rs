//! Deadlines written in the body (`3月29日前`, `截止到4月9日`, `4月23日之前`) against the front
//! matter: the fee deadline, the day the 采集码 must be fetched by, the end of proofreading.

use super::clock::resolve;
use super::scan::DateMention;
use crate::base::dates::date_long as ymd;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use crate::source::Loc;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whose {
    Fee,
    Code,
    Proofreading,
    Makeup,
}

impl Whose {
    fn label(self) -> &'static str {
        match self {
            Whose::Fee => "缴费截止日期（fee.deadline）",
            Whose::Code => "获取采集码的最晚日期（第一个采集日减 code.lead_days）",
            Whose::Proofreading => "校对截止日期（proofreading.until）",
            Whose::Makeup => "补拍截止日期（makeup 的 until）",
        }
    }
}

/// Words that name whose deadline a sentence gives, simplified and traditional.
const WORDS: &[(Whose, &[&str])] = &[
    (
        Whose::Fee,
        &[
            "缴费", "繳費", "交费", "交費", "缴纳", "繳納", "交纳", "交納", "收费", "收費", "费用", "費用", "转账", "轉賬", "轉帳", "汇款",
            "匯款",
        ],
    ),
    (Whose::Code, &["采集码", "採集碼", "采集碼"]),
    (Whose::Proofreading, &["校对", "校對", "勘误", "勘誤"]),
    (Whose::Makeup, &["补拍", "補拍", "补采", "補採", "重拍"]),
];

/// The one subject a heading names (`## 二、缴费`); `None` when it names none or several (`补拍与校对`).
fn only_subject(text: &str) -> Option<Whose> {
    let named: Vec<Whose> = WORDS.iter().filter(|(_, ws)| ws.iter().any(|w| text.contains(w))).map(|(w, _)| *w).collect();
    match named.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The subject named nearest to `at` within `text` (`at` is a byte offset into `text`).
fn nearest_subject(text: &str, at: usize) -> Option<Whose> {
    let mut best: Option<(usize, Whose)> = None;
    for (whose, words) in WORDS {
        for w in *words {
            for (i, _) in text.match_indices(w) {
                let dist = i.abs_diff(at);
                if best.is_none_or(|(b, _)| dist < b) {
                    best = Some((dist, *whose));
                }
            }
        }
    }
    best.map(|(_, w)| w)
}

/// Whether the date at `d` is written as a deadline: `3月29日前`, `3月29日17:00之前`,
/// `截止3月29日`, `3月29日截止`; not `3月29日前往`.
fn is_deadline(body: &str, d: &DateMention) -> bool {
    let after = body[d.offset + d.len..].trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '（' || c == '(');
    // Skip a weekday and a clock time after the date: `3月29日（周六）17:00前`.
    let after = after.trim_start_matches(|c: char| "周週星期礼禮拜一二三四五六日天）)".contains(c) || c.is_whitespace());
    let after = after.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | '：') || c.is_whitespace());
    let after = after.trim_start_matches(['*', ' ']);
    let ahead = ["之前", "以前", "截止", "止"].iter().any(|w| after.starts_with(w))
        || (after.starts_with('前') && !after[3..].starts_with(['往', '来', '來', '去']));
    let mut from = d.offset.saturating_sub(15);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let before = &body[from..d.offset];
    ahead || before.contains("截止") || before.contains("截至") || before.contains("最迟") || before.contains("最遲")
}

fn sentence_bounds(text: &str, offset: usize) -> (usize, usize) {
    let stops = ['。', '；', '\n', '！', '？', ';'];
    let start = text[..offset].rfind(stops).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
    let end = text[offset..].find(stops).map(|i| offset + i).unwrap_or(text.len());
    (start, end)
}

/// The heading the date stands under (`## 二、缴费`, `二、收费事项：`), if any.
fn heading_before(text: &str, offset: usize) -> Option<&str> {
    text[..offset].lines().rev().find(|l| {
        let t = l.trim_start();
        t.starts_with('#')
            || t.chars().next().is_some_and(|c| "一二三四五六七八九十".contains(c)) && t.contains('、')
            || t.starts_with(['（', '(']) && t.chars().nth(1).is_some_and(|c| "一二三四五六七八九十".contains(c))
    })
}

/// The front-matter date a deadline of `whose` must equal, with where it is written.
fn front_matter(n: &Notice, whose: Whose) -> Option<(NaiveDate, Loc)> {
    match whose {
        Whose::Fee => n.fee.as_ref()?.deadline.as_ref().map(|d| (d.value, d.loc.clone())),
        Whose::Code => {
            let c = n.code.as_ref()?;
            let first = n.capture.first_day()?;
            let lead = c.lead_days.as_ref()?;
            Some((first - chrono::Days::new(u64::from(lead.value)), lead.loc.clone()))
        }
        Whose::Proofreading => n.proofreading.as_ref()?.until.as_ref().map(|u| (u.value, u.loc.clone())),
        Whose::Makeup => n.makeup.iter().rev().find_map(|m| m.until.as_ref()).map(|u| (u.value, u.loc.clone())),
    }
}

pub fn check(n: &Notice, dates: &[DateMention], out: &mut Vec<Diagnostic>) {
    let body = &n.body;
    let capture_days: Vec<NaiveDate> = n.capture.days.iter().map(|d| d.date.value).collect();
    for d in dates {
        if !is_deadline(body, d) {
            continue;
        }
        let Some(date) = resolve(n, d) else { continue };
        let (s, e) = sentence_bounds(body, d.offset);
        let named = nearest_subject(&body[s..e], d.offset - s);
        let (whose, inferred) = match named {
            Some(w) => (w, false),
            None => match heading_before(body, s).and_then(only_subject) {
                Some(w) => (w, true),
                None => continue,
            },
        };
        let Some((want, want_at)) = front_matter(n, whose) else {
            // The body names the fee's deadline and the front matter has none: copy it over, so
            // the pages and the calendar give it too.
            // Not when the class pays on the day (the date is another's), nor when the date is an
            // online channel's own (可于3月31日前在学信网线上采集).
            let online_until = n.online.iter().any(|o| o.until.as_ref().is_some_and(|u| u.value == date));
            if let (Whose::Fee, false, Some(f), false) = (whose, inferred, &n.fee, online_until) {
                if f.paid_on_site() {
                    continue;
                }
                let at = n.body_loc(d.offset, d.len);
                out.push(
                    Diagnostic::error(
                        Code::FeeDeadlineMissing,
                        &at,
                        format!("正文写了缴费截止日期 {}，前置信息没有 fee.deadline", ymd(date)),
                    )
                    .related(&f.loc, "费用写在这里")
                    .help(format!("在 fee 下加一行 deadline: {}", date.format("%Y-%m-%d"))),
                );
            }
            continue;
        };
        let ok = match whose {
            // Fetching the code earlier than needed is fine; later is not.
            Whose::Code => date <= want,
            // Paying on a capture day (the class pays before its turn) is a deadline of its own.
            Whose::Fee => date == want || capture_days.contains(&date),
            Whose::Proofreading => date == want,
            Whose::Makeup => n.makeup.iter().any(|m| m.until.as_ref().is_some_and(|u| u.value == date)),
        };
        if ok {
            continue;
        }
        let at = n.body_loc(d.offset, d.len);
        let written = &body[d.offset..d.offset + d.len];
        let d = if inferred {
            Diagnostic::warning(
                Code::BodyDeadlineUnsure,
                &at,
                format!("正文「{written}」像是{}，但前置信息是 {}", whose.label(), ymd(want)),
            )
            .related(&want_at, "前置信息写在这里")
            .help(format!(
                "这两个日期 {} 与 {} 应当是同一个截止日期吗？是就改正错的一处；不是就在这句话里写明是什么的截止日期",
                ymd(date),
                ymd(want)
            ))
        } else {
            Diagnostic::error(Code::BodyDeadlineMismatch, &at, format!("正文写{}是 {}，前置信息是 {}", whose.label(), ymd(date), ymd(want)))
                .related(&want_at, "前置信息写在这里")
                .help("改正其中错的一处，让正文与前置信息一致")
        };
        out.push(d);
    }
}
