//! Reading helpers shared by the rules: the notice's own part and its attachments, section
//! headings and their levels, dates with or without a year, clock-time ranges.

use super::super::{Block, Doc, Line};
use crate::base::time::{parse_hhmm, Secs};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

pub fn re(s: &str) -> Regex {
    Regex::new(s).expect("regex")
}

static ATTACHMENT: LazyLock<Regex> = LazyLock::new(|| re(r"^附件\s*\d*\s*[:：]?\s*$"));
/// An attachment named in the list after `附件:` (`1.重庆广播电视大学…实施方案`).
static LISTED: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,2}\s*[.、．]"));
/// The signature under that list: an office or a school, or the date alone.
static SIGNED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\p{Han}{2,30}(?:处|院|中心|办公室|部|室|委员会|大学|学院|学校)$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"));
/// How a section's heading ends, when it is no more than its topic: `采集地点`, `数码信息采集时间`.
pub const TOPIC_WORDS: &str = "时间|地点|方式|对象|要求|流程|费用|事项|范围|安排|须知";

static LEVEL: LazyLock<[Regex; 5]> = LazyLock::new(|| {
    [
        // (`、采集地点`, `.图像采集时间`: a section's heading whose number a copying site lost.)
        re(&format!(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[、.．]\p{{Han}}{{0,8}}(?:{TOPIC_WORDS})\s*$)")),
        re(r"^\s*[（(][一二三四五六七八九十]+[)）]"),
        re(r"^\s*\d{1,2}\s*[.、．](?:\D|\d{4})"),
        re(r"^\s*[（(]\d+[)）]"),
        re(r"^\s*[①-⑳]"),
    ]
});
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[.、．]|[①-⑳]|[-•·*]\s+|、)\s*")
});

/// A heading's level: 一、 is 1, （一） 2, 1. 3, （1） 4, ① 5; prose is `None`.
pub fn level(s: &str) -> Option<usize> {
    LEVEL.iter().position(|r| r.is_match(s)).map(|i| i + 1)
}

/// A Chinese character (the CJK Unified Ideographs block): `学`, `學`.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The text without its heading or list marker.
pub fn strip_marker(s: &str) -> &str {
    // Bullets, Wingdings' among them as a PDF gives them back (`Ø`, ``).
    let t = s.trim_start_matches(['-', '•', '·', '*', ' ', 'Ø', '\u{f0d8}', '\u{f06c}', '▪', '■', '◆', '●', '►']);
    // `1.2022届`: the marker is `1.`, the year stays.
    if let Some(rest) = t.strip_prefix(|c: char| c.is_ascii_digit()).and_then(|r| r.strip_prefix(['.', '、', '．'])) {
        if rest.chars().take(4).all(|c| c.is_ascii_digit()) && rest.chars().nth(4).is_some_and(|c| !c.is_ascii_digit()) {
            return rest;
        }
    }
    // `a. 2017年9月6日…`, `B、…`: a lettered item, when a date or words follow.
    let mut letter = t.chars();
    if let (Some(c), Some('.' | '．' | '、'), Some(n)) = (letter.next(), letter.next(), letter.clone().find(|c| *c != ' ')) {
        if c.is_ascii_alphabetic() && (n.is_ascii_digit() || is_han(n)) {
            return letter.as_str().trim_start();
        }
    }
    // (`.图像采集时间`: a heading's `.` whose number was lost.)
    if let Some(rest) = t.strip_prefix(['.', '．']).filter(|r| r.starts_with(is_han)) {
        return rest;
    }
    match MARK.find(t) {
        Some(m) => &t[m.end()..],
        None => t,
    }
}

/// A paragraph and the heading of the section it stands in.
pub struct Para<'a> {
    pub line: &'a Line,
    pub heading: Option<&'a Line>,
    /// Before the first attachment: the notice itself.
    pub main: bool,
}

pub struct Lines<'a> {
    pub paras: Vec<Para<'a>>,
}

impl<'a> Lines<'a> {
    pub fn of(doc: &'a Doc) -> Lines<'a> {
        let mut paras = Vec::new();
        let mut main = true;
        // `附件:` listing the attachments (`1.…` `2.…`) before the notice is signed: the list and
        // the signature are the notice's; what follows them is not.
        let mut listing = false;
        let mut heading: Option<&Line> = None;
        for b in &doc.blocks {
            let Block::Para(l) = b else { continue };
            let t = l.text.trim();
            if ATTACHMENT.is_match(t) {
                listing = main && !t.chars().any(|c| c.is_ascii_digit());
                main = listing;
            } else if listing && !(LISTED.is_match(t) || SIGNED.is_match(t)) {
                listing = false;
                main = false;
            }
            let lv = level(&l.text);
            let is_heading = l.heading || (lv.is_some_and(|v| v <= 3) && l.text.chars().count() <= 30 && !l.text.ends_with('。'));
            paras.push(Para { line: l, heading, main });
            if is_heading {
                heading = Some(l);
            }
        }
        Lines { paras }
    }
    pub fn main(&self) -> impl Iterator<Item = &Para<'a>> {
        self.paras.iter().filter(|p| p.main)
    }
}

/// A web page's breadcrumb (`当前位置: 首页 >> 通知公告 >> 正文`): page furniture, never
/// the start of the sentence on the next line.
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:您|你)?(?:当前|目前|现在)?(?:所在)?(?:的)?位置\s*[:：]|^首\s*页\s*(?:>|»|＞|→|/)|(?:>|»|＞)\s*正文$").expect("regex")
});

/// The page's date after a title (`…的通知 2020-12-17`), or the page's row of the document number,
/// the office and the date after the title's last word (`…的通知 教字〔2022〕108号 教务处 | 2022-09-26`):
/// replaced by `$e`, that last word.
const PAGE_DATE_AT_END: &str = concat!(
    r"(?P<e>通知|通告|公告|安排|说明|方案|须知|要求)\s*(?:\p{Han}{1,6}\s*[〔\[(（]\d{4}[〕\])）]\s*\d{1,4}\s*号\s*)?",
    r"(?:\p{Han}{2,10}?(?:处|院|部|中心|办公室)\s*)?[|｜]?\s*\d{4}-\d{1,2}-\d{1,2}$",
    r"|\s*\d{4}-\d{1,2}-\d{1,2}$",
);
static PAGE_DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(PAGE_DATE_AT_END));
/// What may follow a title on its line: a page's date, a remark in brackets.
static TITLE_TAIL: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"{PAGE_DATE_AT_END}|[（(][^（）()]{{1,16}}[)）]$")));

/// A title without the page's date after it (`…的通知 2020-12-17`): the part of `t` before it.
pub fn without_page_date(t: &str) -> &str {
    let Some(c) = PAGE_DATE_AFTER.captures(t) else { return t };
    // (Up to the title's last word, which the pattern holds as `e`, else up to the date.)
    let end = match c.name("e") {
        Some(e) => e.end(),
        None => c.get(0).map_or(t.len(), |m| m.start()),
    };
    &t[..end]
}

/// Whether a line is a notice's title: `…的通知`, `关于…的安排`, `…图像采集工作安排`, not prose.
pub fn names_a_notice(t: &str) -> bool {
    // (`…的通知 2020-12-17`: the page's date after it; `…的要求说明(2023年10月更新版)`: which
    // version, in brackets.)
    let t = TITLE_TAIL.replace(t.trim(), "$e");
    let t = t.as_ref();
    // `工作通知`, `通知公告`: a page's section, too short to be a notice's title.
    let notice = (t.ends_with("通知") || t.ends_with("通知》")) && t.chars().count() >= 8 || (t.starts_with("关于") && t.contains("通知"));
    // `关于…照片采集常见问题的说明`; a heading `数码照片采集说明` is no title.
    let explains = t.ends_with("说明") && t.starts_with("关于");
    let plan = (["安排", "通告", "公告", "工作要求", "实施方案", "须知"].iter().any(|e| t.ends_with(e)) || explains)
        && (t.starts_with("关于") || ["图像", "采集", "拍摄", "照片"].iter().any(|k| t.contains(k)))
        && level(t).is_none()
        && !t.contains(['，', ',', '：', ':', '。']);
    (notice || plan) && t.chars().count() <= 80
}

/// Where the clause holding byte `at` of `s` begins: just past the last of `seps` before it, however
/// many bytes that mark takes (a full-width comma is three).
pub fn clause_start(s: &str, at: usize, seps: &[char]) -> usize {
    s[..at].rfind(seps).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8))
}

/// What follows a date that makes it a deadline: `前`, `(周一)下午下班前`, `17:00之前`.
static BY_THEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[（(][^）)]{1,4}[）)])?\s*(?:上午|下午|中午|晚上)?\s*(?:\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[点时])?\s*(?:下班)?\s*(?:前|之前|以前|截止|为止)",
    )
});

/// Whether the text right after a date makes it the day by which to act.
pub fn deadline_follows(after: &str) -> bool {
    BY_THEN.is_match(after.trim_start())
}

/// Whether byte `at` of `s` is inside the title of a document the text cites (`《…关于做好2003届
/// 高校毕业生图像信息采集工作的通知》`): its cohort and audience are that document's.
/// (Not the notice's own attachment: `详见附件1:《2021届毕业生拍照安排》`.) A cited document is
/// one the sentence cites by `根据`, `按照`, … or that its number follows (`》(粤教高[2002]151号)`).
pub fn cited(s: &str, at: usize) -> bool {
    let before = &s[..at];
    let Some(open) = before.rfind('《').filter(|&i| !before[i..].contains('》')) else { return false };
    let sentence = &s[s[..open].rfind(['。', '\n']).map_or(0, |i| i + 1)..open];
    let numbered = s[at..].find('》').is_some_and(|close| CITED_NUMBER.is_match(&s[at + close..]));
    numbered || ["根据", "按照", "依据", "转发", "遵照", "贯彻"].iter().any(|k| sentence.contains(k))
}

/// A document's number right after its title: `》(教毕指[2002]4号)`.
static CITED_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^》\s*[（(][^）)]{1,24}号\s*[）)]"));

/// Days written as a run at a line's start, with their weekday: `2024年3月16-17日`,
/// `4月28日-29日`, `3月16日、17日(周六)`; the start of a pattern, to be ended by its user.
pub const DAY_RUN_START: &str = r"^(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]?(?:\s*(?:[-—～~至、,，]|和)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]?)*\s*(?:[（(](?:周|星期)[一二三四五六日天][)）])?";

/// Whether byte `at` of `s` is inside brackets opened before it and not yet closed.
pub fn in_brackets(s: &str, at: usize) -> bool {
    s[..at].matches(['(', '（']).count() > s[..at].matches([')', '）']).count()
}

/// The first group a match filled: each alternative of a pattern captures its own
/// (`…(A)…|…(B)…`), and the one that matched is the value.
pub fn first_group<'t>(c: &regex::Captures<'t>) -> Option<regex::Match<'t>> {
    (1..c.len()).find_map(|i| c.get(i))
}

/// `s` split at `seps` outside brackets: `老地学楼128教室(门口位于楼西侧,朝图书馆方向开)` is one
/// piece, its remark's comma no place to cut.
pub fn split_outside<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 && seps.contains(&c) => {
                out.push(&s[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[from..]);
    out
}

/// Whether a line is a web page's breadcrumb.
pub fn breadcrumb(t: &str) -> bool {
    BREADCRUMB.is_match(t.trim())
}

/// Sentences of a line as [`sentences`], but a piece that is hours alone goes on the sentence
/// before it (`11月11日(周六)上午 9:00——12:00;下午13:30——17:00` is one day's two sessions).
pub fn sentences_keeping_hours(s: &str) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    for (off, piece) in sentences(s) {
        match out.last_mut() {
            Some((start, prev)) if HOURS_ONLY.is_match(piece.trim()) => *prev = &s[*start..off + piece.len()],
            _ => out.push((off, piece)),
        }
    }
    out
}

/// Hours and nothing else: `下午13:30——17:00`.
static HOURS_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*[:：]\s*\d{2}\s*(?:-|—|–|~|～|至|到)+\s*\d{1,2}\s*[:：]\s*\d{2}$"));

/// Sentences of a line: split after 。；; or !, each with its byte offset.
pub fn sentences(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '。' | '；' | ';' | '！' | '？' | '!') {
            let piece = &s[start..i];
            if !piece.trim().is_empty() {
                out.push((start, piece));
            }
            start = i + c.len_utf8();
        }
    }
    if !s[start..].trim().is_empty() {
        out.push((start, &s[start..]));
    }
    out
}

/// Clauses of a sentence: split after ，,.
pub fn clauses(s: &str) -> Vec<&str> {
    s.split(['，', ',']).map(str::trim).filter(|c| !c.is_empty()).collect()
}

pub static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*(?:[日号]|(?:(?:[-—～~〜]|至|到|、)\s*\d{1,2}\s*)+?[日号]|进行|举行|开始|[（(]?\s*(?:周|星期)[一二三四五六日天]?)|(\d{4})-(\d{1,2})-(\d{1,2})",
    )
});

/// `2013127日(星期六)`, `20231116日`, `202448—412日`: a page that lost 年 and 月 between a
/// date's digits (and perhaps the 日 before a dash).
static FUSED: LazyLock<Regex> = LazyLock::new(|| re(r"(20\d{2})(\d{2,6})(?:[日号])?(?:\s*(?:[-—～]|至|到)\s*(\d{1,4})[日号])?"));
static FUSED_PAIR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^\d])(20\d{4,6})\s*[日号]?\s*(?:-{1,3}|—{1,2}|～|~|至|到)\s*(20\d{4,6}|\d{3,4})(?:$|[^\d:：])"));
static RANGE_END_BARE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:[-—～~至到])\s*(\d{1,2})\s*月\s*(\d{1,2})(?:$|[^\d日号:：])"));
/// What opens a date whose 年, 月 and 日 were lost: `定于`, `时间:`.
static DATE_WORD_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:定于|定在|时间\s*[:：为是]?)\s*$"));
/// What follows such a date: its weekday, or what is done on it.
static DATE_USE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:[（(]\s*(?:星期|周)[一二三四五六日天]|进行|开始|举行|早上|上午|下午)"));
static HOURS_NEXT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+\d{1,2}\s*[:：]\s*\d{2}\s*[-—～~至到]"));
static WEEKDAY_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[（(]?\s*(?:星期|周)([一二三四五六日天])"));
static WEEKDAY_NEAR: LazyLock<Regex> = LazyLock::new(|| re(r"^[^（(周星]{0,4}[（(]?\s*(?:星期|周)([一二三四五六日天])"));

/// Of the years `candidates` a date without its year could be in, the one on which it falls on
/// weekday `wd` (Monday 0), when just one does.
pub fn year_of_weekday(w: &Written, wd: u32, candidates: impl IntoIterator<Item = i32>) -> Option<i32> {
    let mut fits: Vec<i32> =
        candidates.into_iter().filter(|&y| w.date(Some(y)).is_some_and(|x| x.weekday().num_days_from_monday() == wd)).collect();
    fits.sort_unstable();
    fits.dedup();
    match fits[..] {
        [y] => Some(y),
        _ => None,
    }
}

/// The weekday a date written at `w` is given with (`10月25(周三)`, `4月17日(星期六)`), Monday 0.
pub fn weekday_of(s: &str, w: &Written) -> Option<u32> {
    // The date's own match may hold the weekday (`10月25(周三`): read from its day on.
    let from = s[w.start..w.end].rfind(|c: char| c.is_ascii_digit()).map_or(w.end, |i| w.start + i + 1);
    let c = WEEKDAY_NEAR.captures(&s[from..])?;
    weekday_number(&c[1])
}

/// A weekday by the character that names it after 周 or 星期 (`二`, `日`, `天`), Monday 0.
pub fn weekday_number(name: &str) -> Option<u32> {
    "一二三四五六日天".find(name).map(|i| ((i / 3) as u32).min(6))
}

/// The (month, day) a run of digits can be in `year`.
pub fn month_days(year: i32, digits: &str) -> Vec<(u32, u32)> {
    (1..=2)
        .filter(|&i| i < digits.len() && digits.len() - i <= 2)
        .filter_map(|i| {
            let (m, d) = (digits[..i].parse().ok()?, digits[i..].parse().ok()?);
            NaiveDate::from_ymd_opt(year, m, d).map(|_| (m, d))
        })
        .collect()
}

/// A table cell that is a date whose 年, 月 and 日 were all lost (`2022118`, `20221115`): every
/// day its digits may be (`2022118`: 2022-01-18 or 2022-11-08). Only a cell of nothing else: in
/// a sentence such digits are read by [`dates`] where 日 or hours follow them.
pub fn bare_date(t: &str) -> Vec<NaiveDate> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| re(r"^(20\d{2})(\d{3,4})$"));
    let Some(c) = BARE.captures(t.trim()) else { return Vec::new() };
    let Ok(year) = c[1].parse::<i32>() else { return Vec::new() };
    month_days(year, &c[2]).into_iter().filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, m, d)).collect()
}

/// Dates whose 年 and 月 were lost: read only where the digits split one way into a month and a
/// day, or the weekday written after them picks one; the last day of a range after a dash too.
/// Dates whose 年 and 月 were lost and whose digits split two ways (`2021122日`: 1月22日 or
/// 12月2日), each with the byte range it takes and the days it may be, for a reader that knows
/// when the notice was written to choose.
pub fn two_way_dates(s: &str) -> Vec<(std::ops::Range<usize>, Vec<NaiveDate>)> {
    FUSED
        .captures_iter(s)
        .filter_map(|c| {
            let m = c.get(0)?;
            let dated = m.as_str().ends_with(['日', '号']) || HOURS_NEXT.is_match(&s[m.end()..]);
            let opened = s[..m.start()].trim_end().ends_with(['【', '〔', '[', '［', '(', '（']);
            if !dated || opened || c.get(3).is_some() || s[..m.start()].ends_with(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            let year: i32 = c[1].parse().ok()?;
            let ways: Vec<NaiveDate> =
                month_days(year, &c[2]).into_iter().filter_map(|(mo, d)| NaiveDate::from_ymd_opt(year, mo, d)).collect();
            (ways.len() == 2).then(|| (m.start()..m.end(), ways))
        })
        .collect()
}

fn fused(s: &str) -> Vec<Written> {
    // `202249--2022412`: two dates whose 年, 月 and 日 were all lost, a range's ends. And
    // `20241120--1231`: the range's end lost its year too; it is the start's, where both ends read
    // one way only and the end comes after the start.
    let mut paired: Vec<(usize, usize)> = Vec::new();
    let mut bare_ends: Vec<Written> = Vec::new();
    for c in FUSED_PAIR.captures_iter(s) {
        let (Some(a), Some(b)) = (c.get(1), c.get(2)) else { continue };
        paired.extend([(a.start(), a.end()), (b.start(), b.end())]);
        let Ok(year) = a.as_str()[..4].parse::<i32>() else { continue };
        if b.as_str().len() > 4 {
            continue;
        }
        if let ([(m1, d1)], [(m2, d2)]) = (&month_days(year, &a.as_str()[4..])[..], &month_days(year, b.as_str())[..]) {
            if (m2, d2) > (m1, d1) {
                bare_ends.push(Written { year: Some(year), month: *m2, day: *d2, start: b.start(), end: b.end(), last: None });
            }
        }
    }
    let mut read: Vec<Written> = FUSED
        .captures_iter(s)
        .filter_map(|c| {
            let m = c.get(0)?;
            // Neither 日 nor a range after the digits: a number, not a date; unless hours follow
            // (`会峰校区:2025316 9:00-14:20`) or it is an end of a range of two such.
            let hours_follow = HOURS_NEXT.is_match(&s[m.end()..]);
            let pair = paired.contains(&(m.start(), m.end()));
            // (Or a capture's date after its word and before what happens then: `定于20131210进行`,
            // `集中拍照时间:20081224(周三)早830`.)
            let said = DATE_WORD_BEFORE.is_match(&s[..m.start()]) && DATE_USE_AFTER.is_match(&s[m.end()..]);
            if !m.as_str().ends_with(['日', '号']) && !hours_follow && !pair && !said {
                return None;
            }
            // `(教毕指【201799号)`: a document's number whose 〕 was lost, not a date.
            let opened = s[..m.start()].trim_end().ends_with(['【', '〔', '[', '［', '(', '（', '„', '‟', '﹝', '〖']);
            if opened && m.as_str().ends_with('号') {
                return None;
            }
            let year: i32 = c[1].parse().ok()?;
            let mut ways = month_days(year, &c[2]);
            if ways.len() > 1 {
                let said = WEEKDAY_AFTER.captures(&s[m.end()..]).and_then(|w| weekday_number(&w[1]));
                ways.retain(|&(mo, d)| {
                    said.is_some_and(|w| NaiveDate::from_ymd_opt(year, mo, d).is_some_and(|x| x.weekday().num_days_from_monday() == w))
                });
            }
            // `202542223日`: two days (22、23日) whose 、 was lost too.
            let mut two = None;
            if ways.is_empty() && c[2].len() >= 5 {
                let (head, tail) = c[2].split_at(c[2].len() - 2);
                let next: u32 = tail.parse().ok()?;
                ways = month_days(year, head)
                    .into_iter()
                    .filter(|&(mo, d)| next > d && next - d <= 7 && NaiveDate::from_ymd_opt(year, mo, next).is_some())
                    .collect();
                two = Some(next);
            }
            // `2025317324日`: two dates of one month whose 月, 日 and the range's mark were lost
            // (3月17日至3月24日), where the digits split one way only.
            if ways.is_empty() && c.get(3).is_none() && (4..=8).contains(&c[2].len()) && m.as_str().ends_with(['日', '号']) {
                let digits = &c[2];
                let halves: Vec<((u32, u32), (u32, u32))> = (2..digits.len() - 1)
                    .filter_map(|k| match (&month_days(year, &digits[..k])[..], &month_days(year, &digits[k..])[..]) {
                        ([a], [b]) if a.0 == b.0 && a.1 < b.1 => Some((*a, *b)),
                        _ => None,
                    })
                    .collect();
                if let [((mo, d1), (_, d2))] = halves[..] {
                    ways = vec![(mo, d1)];
                    two = Some(d2);
                }
            }
            let [(month, day)] = ways[..] else { return None };
            // The range's end: a day (`-18日`) or a month and day (`—412日`) of the same month.
            let last = c
                .get(3)
                .and_then(|e| {
                    let e = e.as_str();
                    let mut ends: Vec<u32> =
                        month_days(year, e).into_iter().filter(|&(mo, d)| mo == month && d > day).map(|x| x.1).collect();
                    ends.extend(
                        e.parse::<u32>().ok().filter(|&d| e.len() <= 2 && d > day && NaiveDate::from_ymd_opt(year, month, d).is_some()),
                    );
                    ends.dedup();
                    (ends.len() == 1).then(|| ends[0])
                })
                .or(two);
            Some(Written { year: Some(year), month, day, start: m.start(), end: m.end(), last })
        })
        .collect();
    // (Not an end that a range of FUSED's own already took: `2022411日— 424日`.)
    let apart: Vec<Written> = bare_ends.into_iter().filter(|b| b.apart(&read)).collect();
    read.extend(apart);
    read
}

/// `20209221天`, `2020929302天`: days whose 年, 月, 日 and 、 a page lost, then how many they
/// are (2020年9月22日1天, 2020年9月29、30日2天).
static COUNTED: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[^\d])(20\d{2})(\d{2,7})([1-9])\s*天"));

/// The days [`COUNTED`] finds, where the digits read one way only: a month, then as many days as
/// the count says, each later than the one before.
fn counted(s: &str) -> Vec<Written> {
    COUNTED
        .captures_iter(s)
        .filter_map(|c| {
            let (year, digits, n): (i32, &str, usize) = (c[1].parse().ok()?, c.get(2)?.as_str(), c[3].parse().ok()?);
            let mut ways: Vec<(u32, Vec<u32>)> = Vec::new();
            for k in 1..=2.min(digits.len()) {
                let Ok(month) = digits[..k].parse::<u32>() else { continue };
                for days in split_days(&digits[k..], n) {
                    let real = days.iter().all(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some());
                    if real && days.windows(2).all(|w| w[0] < w[1]) {
                        ways.push((month, days));
                    }
                }
            }
            let [(month, days)] = &ways[..] else { return None };
            let (first, last) = (*days.first()?, *days.last()?);
            let m = c.get(1)?;
            Some(Written {
                year: Some(year),
                month: *month,
                day: first,
                start: m.start(),
                end: c.get(0)?.end(),
                last: (n > 1).then_some(last),
            })
        })
        .collect()
}

/// `digits` cut into `n` numbers of one or two digits each, every way it can be.
fn split_days(digits: &str, n: usize) -> Vec<Vec<u32>> {
    if n == 0 {
        return if digits.is_empty() { vec![Vec::new()] } else { Vec::new() };
    }
    // (No day begins with 0.)
    if digits.starts_with('0') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for k in 1..=2.min(digits.len()) {
        let Ok(d) = digits[..k].parse::<u32>() else { continue };
        for mut rest in split_days(&digits[k..], n - 1) {
            rest.insert(0, d);
            out.push(rest);
        }
    }
    out
}

/// `2026  3  6 — 2026  5  10`: a date whose 年, 月 and 日 a page turned into spaces.
static SPACED: LazyLock<Regex> = LazyLock::new(|| re(r"(20\d{2})[ ]+(\d{1,2})[ ]+(\d{1,2})(?:[ ]*日)?(?:[^\d:：.]|$)"));

/// `兹定于415日进行`, `419日前`: a date without its year whose 月 was lost, read only where the
/// digits split one way into a month and a day (`111日` could be 1月11日 or 11月1日: not read).
static YEARLESS: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{3,4})日"));

fn yearless(s: &str) -> Vec<Written> {
    YEARLESS
        .captures_iter(s)
        .filter_map(|c| {
            let m = c.get(0)?;
            // A count of days (`约120日`, `第100日`) or the tail of a longer number is no date.
            let before = s[..m.start()].chars().next_back();
            if before.is_some_and(|b| b.is_ascii_digit() || "年月第约共计满近前后内余−-".contains(b)) {
                return None;
            }
            if ["内", "后", "以内", "以后", "之内"].iter().any(|k| s[m.end()..].starts_with(k)) {
                return None;
            }
            let [(month, day)] = month_days(2024, &c[1])[..] else { return None };
            Some(Written { year: None, month, day, start: m.start(), end: m.end(), last: None })
        })
        .collect()
}

fn spaced(s: &str) -> Vec<Written> {
    SPACED
        .captures_iter(s)
        .filter_map(|c| {
            let (y, mo, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            NaiveDate::from_ymd_opt(y, mo, d)?;
            let m = c.get(0)?;
            let end = c.get(3)?.end();
            let end = if s[end..].trim_start().starts_with('日') { s[end..].find('日')? + end + '日'.len_utf8() } else { end };
            Some(Written { year: Some(y), month: mo, day: d, start: m.start(), end, last: None })
        })
        .collect()
}

/// A date as written: year (if written), month, day, and where in the text it stands; `last`,
/// the last day of a range whose dash lost its 日 (`202448—412日`).
#[derive(Clone, Copy, Debug)]
pub struct Written {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub start: usize,
    pub end: usize,
    pub last: Option<u32>,
}

impl Written {
    /// The date, with `year` when the source gave none.
    pub fn date(&self, year: Option<i32>) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.or(year)?, self.month, self.day)
    }

    /// Whether it takes none of the text that any of `ws` takes.
    fn apart(&self, ws: &[Written]) -> bool {
        ws.iter().all(|w| w.end <= self.start || w.start >= self.end)
    }
}

pub fn dates(s: &str) -> Vec<Written> {
    let mut out: Vec<Written> = DATE
        .captures_iter(s)
        .filter_map(|c| {
            let m = c.get(0)?;
            let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<i64>().ok());
            // `20251114日`: a page that lost 年 and 月 keeps the digits.
            let (y, mo, d) = if c.get(4).is_some() { (num(4), num(5)?, num(6)?) } else { (num(1), num(2)?, num(3)?) };
            // `202212月6日`: a page that lost the 年 keeps the year's digits against the month's.
            let before = &s[..m.start()];
            let fused = (y.is_none() && before.len() >= 4 && before.is_char_boundary(before.len() - 4))
                .then(|| &before[before.len() - 4..])
                .filter(|t| t.starts_with("20") && t.bytes().all(|b| b.is_ascii_digit()))
                .filter(|_| !before[..before.len() - 4].ends_with(|c: char| c.is_ascii_digit()))
                .and_then(|t| t.parse::<i64>().ok());
            let (y, start) = match fused {
                Some(f) => (Some(f), m.start() - 4),
                None => (y, m.start()),
            };
            // `20253月28日`: the month's one digit after the year's four, read as a month 53.
            let (y, mo, start) = match (y, mo) {
                (None, 13..=99) if before.len() >= 3 && before.is_char_boundary(before.len() - 3) => {
                    let head = &before[before.len() - 3..];
                    let lone = !before[..before.len() - 3].ends_with(|c: char| c.is_ascii_digit());
                    match (
                        head.starts_with("20") && head.bytes().all(|b| b.is_ascii_digit()) && lone,
                        format!("{head}{}", mo / 10).parse::<i64>(),
                    ) {
                        (true, Ok(year)) => (Some(year), mo % 10, m.start() - 3),
                        _ => (y, mo, start),
                    }
                }
                _ => (y, mo, start),
            };
            // `10月22-23日`: the date ends at its day; the run after it is read by `day_run`.
            let end = match c.get(3) {
                Some(day) if !s[day.end()..m.end()].trim_start().starts_with(['日', '号']) => day.end(),
                _ => m.end(),
            };
            Some(Written { year: y.map(|y| y as i32), month: mo as u32, day: d as u32, start, end, last: None })
        })
        .collect();
    let lost: Vec<Written> = counted(s).into_iter().chain(fused(s)).chain(spaced(s)).filter(|f| f.apart(&out)).collect();
    // `3月28日-4月1`: a range's end whose 日 was lost, right after its start.
    let ends: Vec<Written> = out
        .iter()
        .filter_map(|w| {
            let c = RANGE_END_BARE.captures(&s[w.end..])?;
            let (mo, d) = (c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?);
            let (at, stop, end) = (w.end + c.get(1)?.start(), w.end + c.get(0)?.end(), w.end + c.get(2)?.end());
            (out.iter().all(|x| x.end <= at || x.start >= stop) && (1..=12).contains(&mo) && (1..=31).contains(&d)).then_some(Written {
                year: w.year,
                month: mo,
                day: d,
                start: at,
                end,
                last: None,
            })
        })
        .collect();
    out.extend(ends);
    out.sort_by_key(|w| w.start);
    // `于2020年12月28日在中北科学会堂、29-30日在闵行第二教学楼104进行`: days without their month
    // later in the sentence, where a place or a part of the day follows them, are of the month
    // before, when they come after its day.
    let orphans: Vec<Written> = ORPHAN_DAYS
        .captures_iter(s)
        .filter_map(|c| {
            let (day, whole) = (c.get(1)?, c.get(0)?);
            let prev = out.iter().filter(|w| w.end <= day.start()).max_by_key(|w| w.start)?;
            if day_run_end(s, prev) > day.start() || out.iter().any(|w| w.start < whole.end() && w.end > day.start()) {
                return None;
            }
            let first: u32 = day.as_str().parse().ok()?;
            let last: Option<u32> = c.get(2).and_then(|l| l.as_str().parse().ok());
            let after = day_run(s, prev).last().copied().unwrap_or(prev.day).max(prev.last.unwrap_or(0));
            if first <= after
                || last.is_some_and(|l| l <= first)
                || NaiveDate::from_ymd_opt(2000, prev.month, last.unwrap_or(first)).is_none()
            {
                return None;
            }
            let end = c.get(3)?.end();
            Some(Written { year: prev.year, month: prev.month, day: first, start: day.start(), end, last })
        })
        .collect();
    if !orphans.is_empty() {
        out.extend(orphans);
        out.sort_by_key(|w| w.start);
    }
    // Digits without a year only where no other reading of the line took them.
    let bare: Vec<Written> = yearless(s).into_iter().filter(|f| f.apart(&out) && f.apart(&lost)).collect();
    let lost: Vec<Written> = lost.into_iter().chain(bare).collect();
    if !lost.is_empty() {
        out.extend(lost);
        out.sort_by_key(|w| w.start);
    }
    out
}

/// Days without their month after a separator, with where or when after them: `、29-30日在`,
/// `,9日下午`.
static ORPHAN_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[、，,；;]\s*(\d{1,2})(?:\s*(?:-|—|至|到|～|~)\s*(\d{1,2}))?\s*(日)(?:\s*(?:[（(](?:周|星期)[一二三四五六日天][)）])?\s*(?:在|于|上午|下午|全天))",
    )
});

/// `2025年4月12日至13日`, `9月15日至16日`, `4月12日、13日`: the further days after a date, each
/// perhaps with its weekday or its campus (`12月14日(周日)、15日(周一)、16日(周二)`,
/// `5月24日(东校区)、25日(本部、南校区)`).
static RUN: LazyLock<Regex> = LazyLock::new(|| {
    // (`3月11、12、13日`: the days listed, 日 after the last alone.)
    re(
        r"^(?:\s*(?:[（(](?:(?:周|星期)[一二三四五六日天]|[^（()）\d]{1,12})[)）])?\s*(?:至|到|-|—|～|~|〜|、|和)\s*(\d{1,2})\s*[日号])+|^(?:\s*(?:、|和)\s*\d{1,2})+\s*[日号]",
    )
});

/// Where the further days after a date (`、13日`) end: the date's own end when there are none.
pub fn day_run_end(s: &str, w: &Written) -> usize {
    w.end + RUN.find(&s[w.end..]).map_or(0, |m| m.end())
}

pub fn day_run(s: &str, w: &Written) -> Vec<u32> {
    if let Some(last) = w.last {
        return (w.day + 1..=last).collect();
    }
    static ONE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:至|到|-|—|～|~|〜|、|和)\s*(\d{1,2})\s*[日号]?"));
    let rest = &s[w.end..];
    let Some(m) = RUN.find(rest) else { return Vec::new() };
    // (Past the first day's weekday: `14日(周日)至16日`.)
    let run = m.as_str().trim_start();
    let run = run.find([')', '）']).filter(|_| run.starts_with(['(', '（'])).map_or(run, |i| run[i..].trim_start_matches([')', '）']));
    let through = run.starts_with(['至', '到', '-', '—', '～', '~', '〜']) || run.trim_start().starts_with(['至', '到']);
    let days: Vec<u32> = ONE.captures_iter(m.as_str()).filter_map(|c| c.get(1)?.as_str().parse().ok()).collect();
    if through && days.len() == 1 && days[0] > w.day {
        return (w.day + 1..=days[0]).collect();
    }
    days
}

pub static RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(上午|下午|中午|晚上)?\s*(\d{1,2}:\d{2})\s*-\s*(上午|下午|中午|晚上)?\s*(\d{1,2}:\d{2})"));

/// A clock time read as the clock reads it: 下午2:00 is 14:00.
fn clock(part: Option<&str>, hhmm: &str) -> Option<Secs> {
    let t = parse_hhmm(hhmm)?;
    let pm = matches!(part, Some("下午" | "晚上")) && t < 12 * 3600;
    Some(if pm { t + 12 * 3600 } else { t })
}

/// Every time range in `s` (start, end, byte span), an afternoon part carried to the end.
pub fn ranges(s: &str) -> Vec<(Secs, Secs, usize, usize)> {
    RANGE
        .captures_iter(s)
        .filter_map(|c| {
            let m = c.get(0)?;
            let p1 = c.get(1).map(|x| x.as_str());
            let p2 = c.get(3).map(|x| x.as_str()).or(p1);
            let a = clock(p1, c.get(2)?.as_str())?;
            let b = clock(p2, c.get(4)?.as_str())?;
            Some((a, b, m.start(), m.end()))
        })
        .collect()
}

/// 一 … 十 as a number.
pub fn han_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let mut chars = s.chars();
    match (chars.next()?, chars.next(), chars.next()) {
        ('十', None, None) => Some(10),
        ('十', Some(b), None) => Some(10 + D.iter().position(|&x| x == b)? as u32),
        (a, None, None) => D.iter().position(|&x| x == a).map(|n| n as u32),
        (a, Some('十'), None) => Some(D.iter().position(|&x| x == a)? as u32 * 10),
        _ => None,
    }
}

/// The text trimmed of spaces and a final sentence mark.
pub fn clean(s: &str) -> String {
    s.trim().trim_end_matches(['。', '；', ';', '，', ',', ' ']).trim().to_string()
}

/// The text after a label such as `收费方式：`, or the whole text.
pub fn after_label<'s>(s: &'s str, labels: &[&str]) -> Option<&'s str> {
    for l in labels {
        if let Some(i) = s.find(l) {
            let rest = s[i + l.len()..].trim_start();
            if let Some(r) = rest.strip_prefix(['：', ':']) {
                return Some(r.trim());
            }
        }
    }
    None
}
