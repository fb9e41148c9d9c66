//! What comes after and around capture: proofreading, makeup, dress rules, contacts, the 采集码
//! lead time and how early to arrive.

use super::text::{after_label, clean, dates, deadline_follows, han_number, in_brackets, is_han, re, sentences, strip_marker, Lines};
use super::{Contact, Draft, Found, Makeup, Proofreading};
use crate::notice::model::{Delay, DelayUnit};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

pub fn proofreading(lines: &Lines, d: &mut Draft) {
    let month = re(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*\d)?");
    let mut unsure = None;
    // Paragraphs after a sentence about proofreading without a date, where its time may follow
    // (`…现需同学登录“中国高等教育学生信息网”…` / `1.时间安排:即日起至3月30日止;`).
    let mut pending: u8 = 0;
    for p in lines.main() {
        let waiting = pending > 0;
        pending = pending.saturating_sub(1);
        if waiting {
            if let Some(f) = labelled_window(p.line, d) {
                d.proofreading = Some(f);
                return;
            }
        }
        for (off, s) in sentences(&p.line.text) {
            // (A form's name is not what the sentence does: `请各学院于3月10日前将《图像信息勘误表》收齐`.)
            let said = CITED_FORM.replace_all(s, "");
            let s_words = said.as_ref();
            // `登录本人学信档案进行图像信息核实`, `登陆学信网查询毕业图像`: checking one's photo there
            // (not `学历信息将在图像上传后才能在学信网查询`).
            let at_chsi = ["学信网", "chsi", "信息网", "学信档案"].iter().any(|k| s_words.contains(k));
            // (`照片采集完成一个星期后,学生需上网核对`: online, in other words.)
            let check = at_chsi && s_words.contains("核对")
                || CHECKS_PHOTO.is_match(s_words)
                || ["上网核对", "网上核对"].iter().any(|k| s_words.contains(k));
            if !(s_words.contains("校对") || s_words.contains("勘误") || check) {
                continue;
            }
            let at = p.line.at(off);
            let ds = dates(s);
            if let (Some(a), Some(b)) = (ds.first(), ds.get(1)) {
                if let (Some(from), Some(until)) = (a.date(d.year()), b.date(a.year.or(d.year()))) {
                    d.proofreading = Some(Found::new(Proofreading::Window { from: Some(from), until: Some(until) }, at));
                    return;
                }
            }
            if let Some(a) = delay(s) {
                d.proofreading = Some(Found::new(Proofreading::After(a), at));
                return;
            }
            // One date: the last day when 前 follows it (`于2024430日前登陆学信网进行信息校对`), the
            // first when 后 or 起 does; any other lone date says nothing of the window.
            // (A date without a year, in a notice that names none: see `dated`.)
            if let ([w], Some((date, note))) = (&ds[..], ds.first().and_then(|w| dated(w, d))) {
                let rest = s[w.end..].trim_start();
                let end = if deadline_follows(rest) {
                    Some(Proofreading::Window { from: None, until: Some(date) })
                } else {
                    ["后", "起", "之后", "以后"]
                        .iter()
                        .any(|k| rest.starts_with(k))
                        .then_some(Proofreading::Window { from: Some(date), until: None })
                };
                if let Some(e) = end {
                    d.proofreading = Some(Found { note, ..Found::new(e, at) });
                    return;
                }
            }
            // `请于5月上旬在学信网查询学历照片`: the ten days, or the rest of the month, it names.
            if let Some(f) = TEN_DAYS.captures(s).and_then(|c| ten_days(&c, d, at)) {
                d.proofreading = Some(f);
                return;
            }
            if ds.is_empty() {
                // (Not part of a month, `6月底`, `11月中旬`, nor when something else happens: `约…`.)
                let part = |c: &regex::Captures| {
                    let m = c.get(0).map_or(0..0, |m| m.range());
                    ["底", "初", "上旬", "中旬", "下旬", "中"].iter().any(|k| s[m.end..].trim_start().starts_with(k))
                        || s[..m.start].trim_end().ends_with('约')
                };
                if let Some(c) = month.captures(s).filter(|c| !c[0].ends_with(|ch: char| ch.is_ascii_digit()) && !part(c)) {
                    let (y, m): (i32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
                    let first = NaiveDate::from_ymd_opt(y, m, 1);
                    let last = first.and_then(|f| f.checked_add_months(chrono::Months::new(1))).and_then(|n| n.pred_opt());
                    // `校对时间:2012年3月前`: by the end of the month before, from no stated day.
                    let rest = c.get(0).map_or("", |m| s[m.end()..].trim_start());
                    if ["前", "之前", "以前"].iter().any(|k| rest.starts_with(k)) {
                        if let Some(until) = first.and_then(|f| f.pred_opt()) {
                            let f = Found::new(Proofreading::Window { from: None, until: Some(until) }, at)
                                .note(format!("原文写「{}前」，按前一个月的最后一天填写", &c[0]));
                            d.proofreading = Some(f);
                            return;
                        }
                    }
                    if let (Some(from), Some(until)) = (first, last) {
                        let f = Found::new(Proofreading::Window { from: Some(from), until: Some(until) }, at)
                            .note(format!("原文只写「{}」，按整月填写", &c[0]));
                        d.proofreading = Some(f);
                        return;
                    }
                }
            }
            // A heading (`六、图像信息校对`) or a sentence without a date: the next may say when.
            pending = 2;
            unsure.get_or_insert((at, format!("原文写「{}」：没有可填的日期", clean(s).chars().take(40).collect::<String>())));
        }
    }
    if let Some((at, why)) = unsure {
        d.unsure.push(("proofreading".into(), at, why));
    }
}

/// A line labelled with the time (`时间安排:即日起至3月30日止`): the window up to its date. A date
/// without its year is in the year of the notice's capture, else in the cohort's graduation year
/// when it falls before September (checking comes before graduating), noted so.
fn labelled_window(line: &super::super::Line, d: &Draft) -> Option<Found<Proofreading>> {
    let t = strip_marker(&line.text);
    let rest = after_label(t, &["时间安排", "校对时间", "时间"]).filter(|r| !r.is_empty())?;
    let ds = dates(rest);
    let [w] = &ds[..] else { return None };
    let before = rest[..w.start].trim_end();
    let until = ["即日起至", "即日起到", "即日起—", "即日起-", "至", "截至", "截止"].iter().any(|k| before.ends_with(k))
        || deadline_follows(&rest[w.end..])
        || rest[w.end..].trim_start().starts_with('止');
    if !until {
        return None;
    }
    let (date, note) = dated(w, d)?;
    Some(Found { note, ..Found::new(Proofreading::Window { from: None, until: Some(date) }, line.origin()) })
}

/// A proofreading date: in its own year, else the year of the notice's capture, else, when the
/// notice names no year at all, the cohort's graduation year when it falls before September
/// (checking comes before graduating), with a note saying so.
fn dated(w: &super::text::Written, d: &Draft) -> Option<(NaiveDate, Option<String>)> {
    let cohort = d.cohorts.first().map(|c| c.value).filter(|_| w.month <= 8);
    match (w.date(None), w.date(d.year()), w.date(cohort)) {
        (Some(x), ..) => Some((x, None)),
        (None, Some(x), _) => Some((x, None)),
        (None, None, Some(x)) => Some((x, Some("原文没有写年份，按届别（毕业那年）推定".to_string()))),
        _ => None,
    }
}

/// `于5月上旬`, `在2023年3月中旬`: a month's first, middle or last ten days, as when something is
/// done. (Not `上网后(约2019年11月中旬)…可登录`: when the photos go up, after which one checks.)
static TEN_DAYS: LazyLock<Regex> = LazyLock::new(|| re(r"(?:于|在)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(上旬|中旬|下旬)"));
/// A document or form the text names: `《图像信息勘误表》`.
static CITED_FORM: LazyLock<Regex> = LazyLock::new(|| re(r"《[^》]*》"));

/// The window of `5月上旬` (1st–10th; 中旬 11th–20th, 下旬 21st to the month's end), in the year
/// `dated` would give its month, noted as read from the words.
fn ten_days(c: &regex::Captures, d: &Draft, at: super::super::Origin) -> Option<Found<Proofreading>> {
    let month: u32 = c[2].parse().ok()?;
    let written =
        super::text::Written { year: c.get(1).and_then(|y| y.as_str().parse().ok()), month, day: 1, start: 0, end: 0, last: None };
    let (first_of_month, guessed) = dated(&written, d)?;
    let year = first_of_month.year();
    let (first, last) = match &c[3] {
        "上旬" => (1, Some(10)),
        "中旬" => (11, Some(20)),
        _ => (21, None),
    };
    let from = NaiveDate::from_ymd_opt(year, month, first)?;
    let end_of_month = NaiveDate::from_ymd_opt(year, month, 1)?.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
    let until = last.and_then(|l| NaiveDate::from_ymd_opt(year, month, l)).unwrap_or(end_of_month);
    let mut note = format!("原文写「{}」，按该旬填写", c[0].trim_start_matches(['于', '在']).trim_start());
    if let Some(g) = guessed {
        note.push('；');
        note.push_str(&g);
    }
    Some(Found::new(Proofreading::Window { from: Some(from), until: Some(until) }, at).note(note))
}

/// How long after capture the photos can be checked, in the notice's own unit: `拍摄后40天`,
/// `采集三个月后`, `拍摄完毕40个工作日后`, `完成采集约30个工作日`, and, in a sentence about
/// proofreading, `(大约在两个月之后)` with capture left unsaid.
fn delay(s: &str) -> Option<Delay> {
    /// A number and its unit: `40天`, `三个月`, `40个工作日`.
    const SPAN: &str = r"(\d+|[一二两三四五六七八九十]{1,3})\s*(个\s*工作日|工作日|天|周|个星期|星期|个月)";
    static AFTER_CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(r"(?:采集|拍摄|拍照|摄像|照相)(?:工作|任务)?(?:结束|完成|完毕|完)?(?:图像|照片)?(?:后\s*)?(?:约\s*|大约\s*)?{SPAN}"))
    });
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?:约|大约)在?\s*{SPAN}\s*(?:之后|以后|后)")));
    // `学生照片信息将于40天后在网上公布`: the photos, so long after their capture.
    static PHOTOS_AFTER: LazyLock<Regex> =
        LazyLock::new(|| re(&format!(r"(?:照片|图像|相片)(?:信息)?(?:将|会)?(?:于|在)\s*{SPAN}\s*(?:之后|以后|后)")));
    // `10个工作日左右上学信网确认学历照片`: the sentence opens with how long, capture just said.
    static OPENS_WITH: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^\s*{SPAN}\s*(?:左右|之后|以后|后)")));
    let c =
        AFTER_CAPTURE.captures(s).or_else(|| ABOUT.captures(s)).or_else(|| PHOTOS_AFTER.captures(s)).or_else(|| OPENS_WITH.captures(s))?;
    // `务必在采集后1个月内…校对`: within that time, not after it.
    let rest = c.get(0).map_or("", |m| &s[m.end()..]);
    if ["内", "以内", "之内"].iter().any(|k| rest.trim_start().starts_with(k)) {
        return None;
    }
    let count = han_number(&c[1].replace('两', "二")).filter(|n| *n > 0)?;
    let unit = match c[2].trim_start_matches('个').trim() {
        "天" => DelayUnit::Days,
        "周" | "星期" => DelayUnit::Weeks,
        "月" => DelayUnit::Months,
        _ => DelayUnit::Workdays,
    };
    (count <= unit.most()).then_some(Delay { count, unit })
}

/// Checking one's photo on 学信网 in words other than 校对 (`完成信息采集后一个月前往学信网查看照片是否
/// 有误`, `上学信网确认学历照片`, `请于5月上旬在学信网查询学历照片`).
static CHECKS_PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:登录|登陆|进入|前往|上|在)[^，。,]{0,20}(?:学信网|chsi|信息网|学信档案)[^，。,]{0,20}(?:核实|查询|查看|确认)[^，。,]{0,6}(?:图像|照片|相片)|(?:学信网|学信档案|chsi)[^，。,]{0,20}(?:图像|照片)[^，。,]{0,6}(?:核实|核对)",
    )
});

/// What makes the year of the date after it a later one: `下一年的`, `次年`.
static NEXT_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?:下一年|次年|第二年|下年度?|明年)的?\s*$"));

/// `2022年1月之前`: a month before which something is done.
static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:之前|以前|前)"));

/// `2019年10月份后`: a month from whose first day something is done.
static MONTH_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{4})\s*年\s*(\d{1,2})\s*月份?\s*(?:之后|以后|后|起)"));

/// The address a makeup line gives for its place `p`, with the place: in brackets right after it,
/// kept with its label (`在新华社湖北分社采集(地址:武昌徐东大街354号,联系电话:…)` → `新华社湖北分社
/// (地址:武昌徐东大街354号)`); labelled later in the same sentence (`…到新华社广东图像采集中心补拍,
/// 采集中心地址:广州市越秀区府前路21号205(府前路位于…),联系电话:…`, `…补拍,地点为…310室,`) or
/// in the next one that opens with the place's name (`…补采集事宜。新华社黑龙江分社地址:香坊区珠江路
/// 35号,`), in brackets after it. The address ends at its clause; a remark in brackets cut off by
/// the clause's end is left out. (Not an address in a later sentence that does not name the place:
/// `…参加补拍,时间为…。地点为…` says where, but not of that place alone.)
fn place_address(t: &str, p: &str) -> Option<String> {
    /// An address's label, and after it the address.
    static LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?:地址|地点)\s*(?:为|是|[:：])\s*"));
    // (A place read with its address already: `新华社陕西分社(地址:…)`.)
    if p.contains("地址") {
        return None;
    }
    let at = t.find(p)? + p.len();
    let after = &t[at..];
    // Up to the clause's end; then without a bracket the clause leaves open.
    let clause = |s: &str| -> Option<String> {
        let end = s.find([',', '，', ';', '；', '。']).unwrap_or(s.len());
        let mut a = s[..end].trim();
        let (open, close) = (a.matches(['(', '（']).count(), a.matches([')', '）']).count());
        if open > close {
            a = a[..a.rfind(['(', '（'])?].trim_end();
        }
        // (An address names a street, a number or a building: not `另行通知`.)
        let addressy = a.chars().any(|c| c.is_ascii_digit()) || ["路", "街", "号", "楼", "区"].iter().any(|k| a.contains(k));
        (addressy && a.chars().count() >= 4).then(|| a.to_string())
    };
    if let Some(inner) = after.strip_prefix(['(', '（']) {
        let c = LABEL.find(inner).filter(|c| c.start() == 0 && inner.starts_with("地址"))?;
        let a = clause(&inner[c.end()..])?;
        let (open, close) = if after.starts_with('(') { ("(", ")") } else { ("（", "）") };
        return Some(format!("{p}{open}{}{a}{close}", &inner[..c.end()]));
    }
    let sentence_end = after.find('。').unwrap_or(after.len());
    // The clause right after the place's own, opening with the label or a short name and the label
    // (`采集中心地址:`). (Not one after another clause, `…补拍,散拍时间为周一至周五工作日,地址:…`;
    // nor in brackets after what is done there, `…图像采集部拍摄(地址:…,联系电话:…)`: a remark.)
    let here = after[..sentence_end]
        .char_indices()
        .find(|&(i, c)| matches!(c, ',' | '，') && !in_brackets(after, i))
        .map(|(i, c)| after[i + c.len_utf8()..sentence_end].trim_start())
        .and_then(|next| {
            let c = LABEL.find(next)?;
            let name = &next[..c.start()];
            (name.chars().count() <= 6 && name.chars().all(is_han)).then(|| &next[c.end()..])
        });
    let next = after.get(sentence_end + '。'.len_utf8()..).and_then(|n| {
        let n = n.trim_start().strip_prefix(p)?;
        LABEL.find(n).filter(|c| c.start() == 0 && n.starts_with("地址")).map(|c| &n[c.end()..])
    });
    let a = clause(here.or(next)?)?;
    Some(format!("{p}({a})"))
}

/// Whom to contact, between 与 and 联系: `提前与新华社山东分社联系`.
static CONTACT_WITH: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:与|向|和|跟)([\p{Han}A-Za-z]{2,16}?)(?:取得)?(?:联系|咨询|联络)\s*[:：]?\s*$"));

/// Where a makeup is taken: `到新华社湖南分社进行补拍`, `可就近前往新华社各地图像采集点进行散拍`.
/// (Its address may hold numbers: `到济南市玉函路7号新华通讯社山东分社(或新华社各地的分社)进行补拍`.)
/// (`请务必到新华社辽宁高校毕业生图像采集中心参加补拍`: the place, not the verb.)
/// (`确定后可到图片社补拍`: the agency named by its kind alone.)
static MAKEUP_PLACE: LazyLock<Regex> =
    // (`须到新华社陕西分社(地址:丈八一路1号,汇鑫IBC-D座1605室(高新区管委会西侧))补照`: with its address.)
    LazyLock::new(|| {
        re(
            r"(?:联系|到|前往|至)([\p{Han}（）()\dA-Za-z]{4,40}?|[\p{Han}A-Za-z]{4,20}?[（(]地址[:：][^（()）]{2,40}(?:[（(][^（()）]{1,20}[）)])?[^（()）]{0,20}[）)]|新华社|图片社)(?:进行|参加)?(?:补拍|补采|补照|散拍)",
        )
    });
/// Where who missed the capture is sent: `到新华社宁夏分社信息中心图像采集部拍摄`.
/// (`请就近自行联系新华社拍摄`, `可以在全国各地的新华社分社进行采集` too.)
/// (`到所在省的新华社分社进行电子图像采集工作`, `到…新华社黑龙江分社照相`, `与河南图片社联系`.)
static SENT_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:到|前往|联系)([\p{Han}（）()\dA-Za-z]{3,40})(?:进行)?(?:电子)?(?:图像)?(?:信息)?(?:拍摄|采集|拍照|照相)|在([\p{Han}（）()]{0,12}(?:新华社|图片社)[\p{Han}（）()]{0,10})进行(?:电子)?(?:图像)?(?:信息)?(?:拍摄|采集|拍照)|与([\p{Han}]{0,12}(?:新华社|图片社)[\p{Han}]{0,10}?)联系",
    )
});
/// A branch of 新华社 named by where it is, not by its province: `自行联系当地新华社分社`,
/// `可到所在省(自治区、直辖市)的新华通讯社拍摄`, `也可就近在外省新华社分社`. Many of them, so no phone
/// of the notice is theirs.
static GENERIC_BRANCH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:联系|到|前往|在)((?:当地|就近的?|邻近的?|附近的?|其[他它]省份?的?|外省的?|各地的?|全国各地的?|所在省份?(?:[（(][^）)]{0,12}[）)])?的?)(?:新华社|新华通讯社)(?:分社)?)",
    )
});
/// The branches `GENERIC_BRANCH` names in `t`, each whole: not `当地新华社` in `联系当地新华社图像采集部门`.
fn generic_branches(t: &str) -> Vec<String> {
    const NEXT: &[&str] = &["进行", "拍摄", "拍照", "照相", "补拍", "补采", "补照", "散拍", "联系", "咨询"];
    GENERIC_BRANCH
        .captures_iter(t)
        .filter(|c| {
            let after = t[c.get(0).map_or(0, |m| m.end())..].trim_start();
            after.is_empty()
                || !after.starts_with(|ch: char| ch.is_alphanumeric())
                || NEXT.iter().any(|k| after.starts_with(k))
                || after.starts_with("采集") && !["采集部", "采集中心", "采集点", "采集处", "采集站"].iter().any(|k| after.starts_with(k))
        })
        .map(|c| c[1].to_string())
        .collect()
}
/// A bracketed note closing a line: `(参照附件4:…)`.
static BRACKET_AT_END: LazyLock<Regex> = LazyLock::new(|| re(r"[（(][^）)]*[）)]$"));
/// `联系人:张彭霞`, right before the phone's own label.
static CONTACT_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(r"联系人\s*[:：]\s*(\p{Han}{2,4}(?:老师)?(?:[（(][^）)]{1,12}[）)])?)\s*[:：]?\s*[,，;；]?\s*(?:联系电话|电话|手机)?\s*[:：]?\s*$")
});
/// A local number without its area code, after its label or right after whom to ask
/// (`联系电话:2967052`, `相关问题可咨询市自考办23753333`).
static LOCAL_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    // (`与财务处收费科(58291089)或培养办(58291656)联系`: in brackets after an office's name.)
    re(r"(?:(?:电话|热线)\s*[:：为是]?\s*|咨询\p{Han}{2,12}?|[科处办室]\s*[（(]\s*)(\d{7,8})(?:\D|$)")
});
/// A phone: with its area code, a mobile, or a service line (`4001587766`, `400-158-7766`,
/// `400 158 7766`).
static PHONE: &str = r"0\d{2,3}\s*-{1,3}\s*\d{7,8}|1[3-9]\d{9}|\d{3,4}-\d{7,8}|[48]00[- ]?\d{3}[- ]?\d{4}";

fn phone(s: &str) -> (String, bool) {
    let p: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let fixed = re(r"-{2,}").replace_all(&p, "-").into_owned();
    let changed = fixed != p;
    (fixed, changed)
}

pub fn makeup(lines: &Lines, d: &mut Draft) {
    let phone_re = re(PHONE);
    for p in lines.main().filter(|_| !d.makeup_only) {
        let t = strip_marker(&p.line.text);
        let named = ["补拍", "补采", "补照", "散拍", "零散拍摄"].iter().any(|k| t.contains(k));
        // `过期不再安排统一补照`, `无法组织补拍`: no makeup, whatever day the sentence names.
        let denied = DENIED.iter().any(|k| t.contains(k));
        if denied && !MAKEUP_PLACE.is_match(t) {
            if let Some(said) = denial(t).filter(|_| !d.makeup.iter().any(|m| m.value.denied)) {
                let m = Makeup { note: Some(said), denied: true, ..Makeup::default() };
                d.makeup.push(Found::new(m, p.line.origin()));
            }
            continue;
        }
        // The branches named by where they are (`当地新华社分社`), read once for the line.
        let branches = generic_branches(t);
        // (Or whoever is sent to 新华社 on their own: `学生不在广西的,可自行联系当地新华社进行图像采集`.)
        let missed = super::MISSED.iter().any(|k| t.contains(k))
            || NOT_YET.iter().any(|k| t.contains(k))
            || OTHER_TIMES.is_match(t)
            || self_sent(t, &branches);
        // (A sentence about a fee is none, unless it sends someone somewhere: `…前往新华社湖北分社…
        // 完成毕业相片采集,费用自理`.)
        let sends = MAKEUP_PLACE.is_match(t) || missed && (SENT_TO.is_match(t) || !branches.is_empty());
        if !(named || missed) || t.contains("费") && !t.contains("联系") && !sends {
            continue;
        }
        let mut m = Makeup::default();
        // `散拍可以在2015年11月-2016年3月就近…联系散拍`: from the first month's first day to the last
        // month's last, noted; the days the line names after it are other errands'.
        let months = MONTH_RANGE.captures(t).and_then(|c| {
            let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<i32>().ok());
            let from = NaiveDate::from_ymd_opt(num(1)?, u32::try_from(num(2)?).ok()?, 1)?;
            let last = NaiveDate::from_ymd_opt(num(3).unwrap_or(num(1)?), u32::try_from(num(4)?).ok()?, 1)?;
            let until = last.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
            (from <= until).then(|| (from, until, c[0].trim_end_matches(|ch: char| !ch.is_ascii_digit() && ch != '月').to_string()))
        });
        let mut said_months = None;
        // Whether a day opens the makeup with no end (`2019年10月1日起`).
        let mut opens = false;
        let mut run_last: Option<NaiveDate> = None;
        let ws = if let Some((from, until, said)) = months {
            (m.from, m.until) = (Some(from), Some(until));
            said_months = Some(format!("原文写「{said}」，按整月填写"));
            Vec::new()
        } else {
            dates(t)
        };
        for (k, w) in ws.iter().enumerate() {
            let after = t[w.end..].trim_start();
            // `下一年的4月15日`, `次年3月1日`: a year after some other, which the notice does not name.
            // (The dates after it are of that year too: none is read.)
            if w.year.is_none() && NEXT_YEAR.is_match(&t[..w.start]) {
                break;
            }
            let date = w.date(d.year());
            // `2016年1月5日至4月30日`: from the one to the other, in the first one's year.
            if let (true, Some(next)) = (after.starts_with(['至', '到', '-', '—', '～', '~']), ws.get(k + 1)) {
                if m.from.is_none() && m.until.is_none() {
                    m.from = date;
                    m.until = next.date(w.year.or(d.year()));
                }
                break;
            }
            // `集中拍摄后2周内(12月31日)`: the last day.
            // (`补拍截止时间2025年9月30日`, `截止日期:…`: the last day too.)
            let label = t[..w.start].trim_end().trim_end_matches([':', '：', '为', '是']).trim_end();
            let within = ["内(", "内（", "内", "截止", "截至"].iter().any(|k| t[..w.start].trim_end().ends_with(k))
                || ["截止时间", "截止日期", "截至时间", "截至日期"].iter().any(|k| label.ends_with(k));
            // (The first such day is the makeup's: `补拍截止时间2025年9月30日。…照片交回截止时间2025年
            // 11月30日` goes on to another errand.)
            if within {
                m.until = m.until.or(date);
            } else if after.starts_with(['后', '起']) || after.starts_with("以后") || after.starts_with("之后") {
                m.from = date;
                opens = true;
            } else if after.starts_with(['前', '至']) || after.starts_with("之前") || after.starts_with("截止") {
                m.until = date;
            } else if m.from.is_none() {
                m.from = date;
                // (`2024年3月16日、17日`: the last of the days listed with it.)
                let last = super::text::day_run(t, w).last().copied();
                run_last = date.and_then(|x| last.and_then(|l| x.with_day(l))).filter(|l| Some(*l) > date);
            }
        }
        // `补拍时间:2020年10月14日`, `11月9日下午:…需补采人员`: one day (or the days listed with it),
        // the makeup's first and last.
        if let (Some(day), None, false) = (m.from, m.until, opens) {
            m.until = Some(run_last.unwrap_or(day));
        }
        // `联系图片社`, not `联系进行单独散拍补拍`: a place or who to go to, never what is done.
        // (A number in it is an address's, never a date's: `到2021年3月前补拍` names no place.)
        let is_place = |p: &str| {
            let verb = ["进行", "单独", "自行"].iter().any(|k| p.starts_with(k)) || p.contains("散拍");
            let dated =
                p.starts_with(|c: char| c.is_ascii_digit()) || p.chars().any(|c| c.is_ascii_digit()) && p.contains(['年', '月', '日']);
            // (An address with its phone is more than a place: `(地址:…,电话:…)`.)
            // (`到指定地点补拍`: a place not named, no place.)
            let unnamed = ["指定地点", "指定位置", "规定地点", "指定场所"].contains(&p.trim());
            // (`务必全班同学到齐后开始采集`: everyone there, not a place 到 goes to.)
            let arrived = p.starts_with('齐');
            !verb && !dated && !p.contains("电话") && !unnamed && !arrived
        };
        // `需要本人在2022年1月之前到…`: by the end of the month before (the contract's reading).
        if m.from.is_none() && m.until.is_none() {
            if let Some(c) = MONTH_BEFORE.captures(t) {
                let first = NaiveDate::from_ymd_opt(c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), 1);
                m.until = first.and_then(|f| f.pred_opt());
            }
        }
        // `请于2019年10月份后到…补拍`: from the month's first day, with no end.
        if m.from.is_none() && m.until.is_none() {
            if let Some(c) = MONTH_AFTER.captures(t) {
                m.from = NaiveDate::from_ymd_opt(c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), 1);
            }
        }
        // (`后续请联系班主任及时根据要求自行完成散拍`: what to do, not where; `到新华社指定地点拍摄(散拍
        // 事宜详见第五点)`: a remark's first word.)
        let balanced = |p: &str| p.matches(['(', '（']).count() == p.matches([')', '）']).count();
        if let Some(c) =
            MAKEUP_PLACE.captures(t).filter(|c| is_place(&c[1]) && balanced(&c[1]) && !["自行", "完成"].iter().any(|k| c[1].contains(k)))
        {
            m.place = Some(c[1].to_string());
        } else if let Some(place) = SENT_TO
            .captures_iter(t)
            // (`请本人自行与新华社黑龙江分社联系,协商图像信息补采集事宜`: whom a makeup is arranged with.)
            .filter(|c| missed || named && c.get(3).is_some())
            // (`联系当地新华社图像采集部 门拍照`: a verb that is part of a name is not the verb.)
            .filter(|c| c.get(0).is_some_and(|m| !t[m.end()..].starts_with(['部', '中', '点', '处', '站', '室'])))
            .filter_map(|c| sent_place(&c))
            // (`不能到校参加本次图像采集`: coming to school, which they cannot.)
            .find(|p| !p.contains("参加") && !p.starts_with('校') && is_place(p))
            // `前往新华社湖北分社(或其他省分社)完成毕业相片采集`: where, not what is done there.
            // (`到所在省的新华社分社进行电子图像采集`: where, up to what is done there.)
            .map(|p| p.split("完成").next().unwrap_or(p).split("进行").next().unwrap_or(p))
        {
            // (`与当地新华社自行联系`: whom, not how.)
            m.place = Some(place.trim_end_matches("自行").to_string());
        }
        // (`也可就近在外省新华社分社`: the place whoever is away goes to, when no other is named.)
        let generic = branches.first().filter(|_| missed);
        if m.place.is_none() {
            m.place = generic.cloned();
        }
        // (A branch named by where it is has no phone: it is one of many.)
        let generic_place = m.place.is_some() && m.place.as_ref() == generic;
        if !generic_place {
            if let Some(full) = m.place.as_deref().and_then(|p| place_address(t, p)) {
                m.place = Some(full);
            }
            m.phone = match phone_re.find(t) {
                Some(x) => Some(phone(x.as_str()).0),
                // (`联系电话:65975186`: a local number, after its label.)
                None => LOCAL_PHONE.captures(t).and_then(|c| c.get(1)).map(|x| x.as_str().to_string()),
            };
        }
        let notes: Vec<String> = t
            .split(['，', '。', ','])
            .filter(|c| c.contains("时间为") || c.starts_with("地址") || c.contains("工作日"))
            .map(clean)
            .collect();
        // `未在9月6日至10月13日完成线上采集的…单独散拍`: the window they missed, not the makeup's.
        if m.from.is_some() && d.online.iter().any(|o| (o.value.from, o.value.until) == (m.from, m.until)) {
            (m.from, m.until) = (None, None);
        }
        m.note = (!notes.is_empty()).then(|| notes.join("，"));
        // Who missed it, sent nowhere, has no makeup session (`因故未能参加本次…后果自负`).
        if (named || m.place.is_some()) && (m.from.is_some() || m.until.is_some() || m.place.is_some()) {
            // `到新华社四川分社…补拍也可自行联系其他省份新华社分社`: the other branches, a makeup of their own.
            let others: Vec<String> = branches.into_iter().filter(|g| m.place.as_ref().is_some_and(|p| !p.contains(g.as_str()))).collect();
            d.makeup.push(Found { note: said_months, ..Found::new(m, p.line.origin()) });
            for g in others {
                let o = Makeup { place: Some(g), ..Makeup::default() };
                d.makeup.push(Found::new(o, p.line.origin()));
            }
        }
    }
    one_makeup_per_window(d);
}

/// A makeup that names no place, on the days another names its place for (`3.通知未参加…的研究生在2015年
/// 9月15日前到指定地点补拍` and, in the makeup's own section, `…于2015年9月15日前…到…服务中心拍摄`): the
/// same makeup, told twice; the one that says where is kept.
fn one_makeup_per_window(d: &mut Draft) {
    let placed: Vec<(Option<NaiveDate>, Option<NaiveDate>)> =
        d.makeup.iter().filter(|m| m.value.place.is_some()).map(|m| (m.value.from, m.value.until)).collect();
    d.makeup.retain(|m| {
        let v = &m.value;
        v.place.is_some() || v.denied || (v.from.is_none() && v.until.is_none()) || !placed.contains(&(v.from, v.until))
    });
}

/// Who has not had the photo taken yet, by a day after the capture (`截止目前,仍有部分毕业生没有采集
/// 图像信息,请于2015年3月5日前到河南新华社采集`): where they are sent is their makeup.
const NOT_YET: &[&str] = &["没有采集图像", "尚未采集图像", "尚未进行图像", "未采集过图像"];

/// Whoever does not come at the times set is sent somewhere else: `…其中10月29日-11月1日线上采集,
/// 其它时间到新华社长沙门店采集`. (Not `其他时间不接待散拍学生`, nor `不再安排其它时间进行集中拍摄`.)
static OTHER_TIMES: LazyLock<Regex> = LazyLock::new(|| re(r"其[它他]时间\s*(?:可|请|须|需)?\s*(?:自行)?\s*(?:到|前往)"));

/// `2015年11月-2016年3月`: a run of whole months (not `2016年3月1日—…`: a month then its day).
static MONTH_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:-|—|–|~|～|至|到)+\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:[^\d日号]|$)"));

/// Whether `t` sends whoever is away or too late to 新华社 or a 图片社 on their own
/// (`学生不在广西的,可自行联系当地新华社进行图像采集`, `摄影师离开后…只能自行到各省会城市新华社拍摄`):
/// their makeup. (Not a way to capture among others: `3.门店采集。学生自行到…新华社湖南图像采集中心采集`.)
/// `branches`: the line's branches named by where they are.
fn self_sent(t: &str, branches: &[String]) -> bool {
    const AWAY: &[&str] = &["不在", "外地", "省外", "外省", "区外", "离开后", "不能", "无法", "未能", "错过", "逾期", "不再"];
    // (`拟于2018年12月毕业的研究生,请自行联系新华社山东分社进行图像采集`: arranging it themselves
    // with a branch is never the school's capture, whoever is told to.)
    t.contains("自行")
        && (AWAY.iter().any(|k| t.contains(k)) || t.contains("自行联系"))
        && (!branches.is_empty()
            || SENT_TO
                .captures_iter(t)
                .any(|c| sent_place(&c).is_some_and(|p| ["新华社", "新华通讯社", "图片社"].iter().any(|k| p.contains(k)))))
}

/// The place a `SENT_TO` match names, in whichever of its three forms.
fn sent_place<'t>(c: &regex::Captures<'t>) -> Option<&'t str> {
    super::text::first_group(c).map(|x| x.as_str())
}

/// Words that deny something is arranged: `过期不再安排统一补照`, `无法组织补拍`.
const DENIED: &[&str] = &["不再安排", "不再组织", "不安排", "无法组织", "不组织", "不再单独"];

/// The words in which a sentence says no makeup is held: its clause that denies one
/// (`过期不再安排统一补照`, `学校不组织补拍`), when no other clause of it is about a makeup (then
/// the denial is of a further one: `补拍时间为…,逾期不再安排`); a denial of a later capture by
/// whoever missed it counts too (`逾期不再单独组织拍摄`, `不再安排其它时间进行集中拍摄`).
fn denial(t: &str) -> Option<String> {
    const LATE: &[&str] = &["逾期", "过期", "错过", "未按时", "没有按时", "未能按时"];
    let clauses: Vec<&str> = t.split(['，', ',', '。', '；', ';']).map(str::trim).filter(|c| !c.is_empty()).collect();
    let k = clauses.iter().position(|c| DENIED.iter().any(|k| c.contains(k)))?;
    let said = clauses[k];
    let makeup_word = |c: &str| super::MAKEUP.iter().any(|w| c.contains(w));
    if clauses.iter().enumerate().any(|(i, c)| i != k && makeup_word(c)) {
        return None;
    }
    let capture = ["拍摄", "采集", "拍照"].iter().any(|w| said.contains(w));
    let late = capture && (LATE.iter().any(|w| t.contains(w)) || ["其它时间", "其他时间"].iter().any(|w| said.contains(w)));
    (makeup_word(said) || late).then(|| clean(said))
}

/// Dress rules: every sentence about clothes, in order, from the notice and its attachments.
pub fn dress(lines: &Lines, d: &mut Draft) {
    for p in &lines.paras {
        let t = strip_marker(&p.line.text);
        let labels = ["衣着要求", "着装要求", "服装要求", "拍摄要求", "仪容要求", "衣着", "着装", "服装", "提醒"];
        // `(三)配饰及遮挡物:`, `眼镜:`: a short topic of how one looks, then its rules.
        let topic = TOPIC.find(t).map(|m| m.end());
        let labelled = after_label(t, &labels).filter(|r| r.len() < t.len());
        // Under a label of dress, every sentence is a rule of it (`衣着:…;避免复杂图案、条纹`);
        // not under 拍摄要求 or 提醒, which cover more than dress.
        let broad = after_label(t, &["拍摄要求", "提醒"]).is_some();
        let dress_label = labelled.is_some() && !broad || topic.is_some();
        let t = labelled.or_else(|| topic.map(|i| &t[i..])).unwrap_or(t);
        let base = p.line.text.len() - t.len();
        // A long run without a sentence mark is lines of a flyer joined: read it line by line.
        let mut pieces: Vec<(usize, &str)> = Vec::new();
        let about = |s: &str| (s.contains('穿') && !s.contains("穿戴")) || CLOTHES.iter().any(|k| s.contains(k));
        for (off, s) in sentences(t) {
            let cuts: Vec<usize> = p
                .line
                .parts
                .iter()
                .map(|(b, _)| *b)
                .filter(|b| *b > base + off && *b < base + off + s.len())
                .map(|b| b - base - off)
                .collect();
            if s.chars().count() <= 80 {
                // A line joined after a rule that says nothing of dress (`未按上述要求…请勿排队`)
                // is not part of it.
                // (Never inside brackets: `（宗教、医疗和文化需` / `要时，不得遮挡脸部…）` is one remark.)
                let end = cuts
                    .iter()
                    .copied()
                    .find(|&c| about(&s[..c]) && !about(&s[c..]) && s[c..].chars().count() >= 6 && !in_brackets(s, c))
                    .unwrap_or(s.len());
                pieces.push((off, &s[..end]));
                continue;
            }
            let mut from = 0;
            for c in cuts.into_iter().chain([s.len()]) {
                pieces.push((off + from, &s[from..c]));
                from = c;
            }
        }
        for (off, whole) in pieces {
            let s = clean(whole);
            // `四.着装要求(参照附件4:…)`: a heading, whatever it points to.
            let bare = BRACKET_AT_END.replace(&s, "");
            let heading = bare.ends_with("事项") || bare.ends_with("要求") || s.ends_with(['：', ':']);
            if heading || s.contains('元') || s.chars().count() > 80 && rules(whole).len() == 1 {
                continue;
            }
            let wear = s.contains('穿') && !s.contains("穿戴");
            // (`露出双耳和额头`: a rule of how one looks, though it names no clothes; not under 拍摄要求,
            // the photo's specification: `拍摄要求:浅蓝色背景,…;人像清晰,露出眉毛、眼睛和双耳;…`.)
            if !(wear || CLOTHES.iter().any(|k| s.contains(k)) || poses(&s) || tidy(&s).is_some() || dress_label || own_rule(&s) && !broad)
                || ["口罩", "身份证", "领取", "领导", "带领"].iter().any(|k| s.contains(k) && !wear)
                // What the photos are for, and a reminder to mind one's dress, are no rule (the
                // clause after `照片用于…,` may be: `女生可化淡妆`).
                || s.contains("督促")
                // `不要上传美颜、浓妆照片`: which photo to upload, not how to come.
                || s.contains("上传") && s.contains("美颜")
                || s.contains("用于") && s.split(['，', ',']).filter(|c| !c.contains("用于")).all(|c| !CLOTHES.iter().any(|k| c.contains(k)))
                // How to wait one's turn (`不要大声喧哗,以班级为单位,检查着装,等候拍照`).
                || !wear && ["喧哗", "等候拍照", "秩序"].iter().any(|k| s.contains(k))
            {
                continue;
            }
            // A sentence of dress rules, one rule after another (`…上衣,男生必须穿衬衣,女生…`).
            // One that points elsewhere (`着装、发型、妆容等要求详见附件2`) stays whole.
            // `照片将用于…学历查询,请学生着正装…`: what the photo is for, before the rules, is none of them.
            let (off, whole) = match leading_purpose(whole) {
                Some(from) => (off + from, &whole[from..]),
                None => (off, whole),
            };
            let pointer = ["详见", "见附件", "等要求"].iter().any(|k| whole.contains(k));
            // A long sentence of steps with a pointer in it (`拍摄前,…整理好仪容仪表(具体着装要求见附件2),
            // 带好手机,…`): the clause of dress alone.
            let (off, whole) = match pointer.then(|| dress_clause(whole)).flatten().filter(|_| whole.chars().count() > 40) {
                Some((from, to)) => (off + from, &whole[from..to]),
                None => (off, whole),
            };
            let split = if pointer { vec![(0, whole)] } else { rules(whole) };
            let single = split.len() == 1;
            // A long sentence is read rule by rule only for the rules that speak of dress.
            let long = s.chars().count() > 80;
            for (k, (at, rule)) in split.into_iter().enumerate() {
                let s = rule_text(rule);
                // Clauses about setting up the photo or waiting, not about how one looks
                // (`…,身体距离墙壁一米左右`, `…,等候拍摄时请保持安静`, `避免脸部阴影或出现阴阳脸`,
                // `将头部、肩膀对应放入“人形虚线取景框”…`): left out of the rule, and a rule of
                // nothing else is none.
                let clauses: Vec<&str> = s.split(['，', ',']).filter(|c| !c.trim().is_empty()).collect();
                // (`建议穿有领有袖上衣(蓝色除外)按学号顺序…排队`: a rule whose mark after its remark
                // was lost, then the queue; the rule is kept.)
                let kept: Vec<&str> =
                    clauses.iter().copied().filter_map(|c| if not_dress(c) { rule_before_remark(c) } else { Some(c) }).collect();
                if kept.is_empty() {
                    continue;
                }
                let s = if kept != clauses { kept.join("，") } else { s };
                let label = s.ends_with("要求") || s.ends_with("事项") || s.ends_with(['：', ':']) || s.chars().count() > 80;
                let says = rule_head(&s) || (s.contains('穿') && !s.contains("穿戴")) || CLOTHES.iter().any(|c| s.contains(c)) || poses(&s);
                // `拍照时请穿戴整齐,照片底色为蓝色`: a rule only of looking tidy is its clause alone.
                let tidied = tidy(&s);
                let s = match tidied.clone().filter(|_| !says) {
                    Some(clause) => clause,
                    None => s,
                };
                // (`要两耳、眉毛外露,不准带眼镜`: a rule of its own before the next.)
                let says = says || tidied.is_some() || own_rule(&s);
                // Editing the photo (`不得…进行技术处理`, 美颜) is not how to come dressed.
                // (`不要上传美颜、浓妆照片`: what to upload, not how to come.)
                let editing = ["技术处理", "修图", "PS"].iter().any(|k| s.contains(k))
                    || s.contains("美颜") && (!s.contains('妆') || s.contains("上传"));
                // A college's name (服装学院) is no rule.
                // What follows from not keeping the rules (`过度美化或浓妆…照片均有可能造成…审核不通过`)
                // is no rule itself.
                // (Its first clause says it; `偏分刘海可以将刘海向后拢,刘海不对称也可能会导致…` is a rule.)
                let first = s.split([',', '，']).next().unwrap_or(&s);
                let consequence =
                    !rule_head(&s) && ["可能造成", "导致", "审核不通过", "无法完成注册", "后果自负"].iter().any(|k| first.contains(k));
                let name_only = s.chars().count() <= 10
                    && (s.ends_with("学院") || s.ends_with('系') && !s.ends_with("色系"))
                    && !s.contains(['不', '避', '禁', '须', '勿']);
                // `不化妆`, `着正装`, `免冠` are rules; a two-letter fragment is not.
                let short = s.chars().count() < 3 && !["免冠", "素颜"].contains(&s.as_str()) || s.chars().count() < 4 && !says;
                // `不得佩戴` where the text was cut: a rule without what it is about.
                let cut = ["佩戴", "穿", "戴", "使用", "穿着", "要以"].iter().any(|k| s.ends_with(k));
                if label
                    || editing
                    || consequence
                    || name_only
                    || s.contains("口罩")
                    || short
                    || cut
                    || (k == 0 && !single && !says)
                    || (long
                        && !(s.contains('穿')
                            || CLOTHES.iter().any(|c| s.contains(c))
                            || poses(&s)
                            || DRESS_HEADS.iter().any(|h| s.starts_with(h))
                            || own_rule(&s)))
                    || d.dress.iter().any(|x| x.value == s)
                {
                    continue;
                }
                d.dress.push(Found::new(s, p.line.at(off + base + at)));
            }
        }
    }
    super::english::dress(lines, d);
}

/// A dress rule without what stands before it in the source: its number (`【2】`, `2)`, a `3`
/// whose `.` was lost before 图像采集…), a label over it (`拍照要求:`, `切记:`, `眼镜:`, `通知学生`),
/// and a symbol after it (`↔`).
fn rule_text(rule: &str) -> String {
    let mut s = clean(rule);
    loop {
        let before = s.len();
        if let Some(m) = RULE_LEAD.find(&s) {
            s = s[m.end()..].trim_start().to_string();
        }
        // (`3图像采集不得…`: a number run into the rule; not `2寸`, `3天内`.)
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        let next = s.chars().nth(digits);
        if (1..=2).contains(&digits) && next.is_some_and(|c| is_han(c) && !"寸元月日号点时分个人天年级届次张厘毫岁周".contains(c))
        {
            s = s[digits..].to_string();
        }
        if s.len() == before {
            break;
        }
    }
    let s = clean(RULE_TAIL.replace(&s, "").as_ref());
    // `(不得穿着蓝色上衣)`: a remark in brackets that is the whole rule, without them.
    match s.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])) {
        Some(inner) if !inner.contains(['(', '（', ')', '）']) && !inner.is_empty() => inner.to_string(),
        _ => s,
    }
}

/// What may stand before a rule: a number, a label ending in a colon that says "requirements" or
/// names what the rule is about, or an instruction to pass the rule on.
static RULE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?:[【\[(（]\s*\d{1,2}\s*[】\])）]|\d{1,2}\s*[)）.、．])",
        r"|^(?:\d{1,2}\s*)?[\p{Han}]{0,6}(?:要求|须知|事项|切记|注意|提示|提醒|眼镜|眼睛|发型|头发|妆容|服装|着装|衣着|姿[态態]|表情)[\p{Han}]{0,4}\s*[\p{So}\x{FE0F}]*\s*[:：]",
        // (`拍摄要求(北京新华社今年标准提高)`: a heading run into its first rule.)
        r"|^[\p{Han}]{0,6}要求\s*[(（][^()（）]{0,24}[)）]",
        r"|^(?:请)?(?:通知|提醒|告知)(?:各位|全体)?(?:学生|同学)(?:们)?",
    ))
});

/// A symbol after the rule (`↔`), or one character after its last comma where the text was cut
/// (`坐姿端正,表情自然,双`).
static RULE_TAIL: LazyLock<Regex> = LazyLock::new(|| re(r"[\p{So}\p{Sm}]+$|[,，]\s*\p{Han}$"));

/// Where the rules begin after the clauses that say what the photo is for (`…将用于本人的毕业证书
/// 及网上学历查询,`), if the sentence begins with such clauses.
fn leading_purpose(s: &str) -> Option<usize> {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | ',') {
            if !s[from..i].contains("用于") {
                break;
            }
            from = i + c.len_utf8();
        }
    }
    (from > 0).then_some(from)
}

/// The clause of a sentence that speaks of dress (`提前整理好仪容仪表(具体着装要求见附件2)`), as a
/// byte range; commas inside brackets do not end it.
fn dress_clause(s: &str) -> Option<(usize, usize)> {
    let mut depth = 0i32;
    let mut start = 0;
    let mut spans = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = (depth - 1).max(0),
            '，' | ',' if depth == 0 => {
                spans.push((start, i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    spans.push((start, s.len()));
    let looks = |t: &str| CLOTHES.iter().chain(&["仪容", "仪表"]).any(|k| t.contains(k));
    spans.into_iter().find(|&(a, b)| looks(&s[a..b])).map(|(a, b)| {
        let lead = s[a..b].len() - s[a..b].trim_start().len();
        (a + lead, b)
    })
}

/// Clothes, and how one looks in the photo: hair, glasses, make-up, jewellery.
const CLOTHES: &[&str] = &[
    "着装",
    "衣着",
    // (As traditional text reads when made simplified: 著 stays 著.)
    "著装",
    "衣著",
    "衣服",
    "上衣",
    "服装",
    "正装",
    "衣领",
    "有领",
    "领子",
    "领带",
    "领口",
    "翻领",
    "立领",
    "圆领",
    "高领",
    "毛领",
    "头发",
    "发型",
    "刘海",
    // (`长发批到肩后,短发整齐`, `不能扎丸子头`: hair, by how it is worn.)
    "短发",
    "丸子头",
    "马尾",
    "盘发",
    "眼镜",
    "化妆",
    "浓妆",
    "淡妆",
    "妆容",
    "饰品",
    "首饰",
    "耳环",
    "项链",
    "美瞳",
    "覆盖物",
    "帽",
    "头巾",
    "头饰",
    "发饰",
    "衬衫",
    "衬衣",
    "西装",
    "外套",
    "T恤",
    // (`尽量避免复杂图案、条纹`, `不着其他职业、行业类制服`: what not to wear.)
    "条纹",
    "制服",
];

/// How to sit and look for the photo (`坐姿端正,表情自然,双眼自然睁开并平视,嘴唇自然闭合`,
/// `表情中性,嘴唇闭合`), or the photo taken bareheaded and from the front (`正面免冠像拍摄`): a rule
/// of how one looks, though it names no clothes.
fn poses(s: &str) -> bool {
    const POSE: &[&str] = &["表情自然", "表情中性", "平视", "嘴唇", "嘴巴", "坐姿端正", "站姿端正", "姿势端正"];
    // (Not a photo's specification: `照片为JPG格式正面免冠照`, `近期正面免冠彩色小2寸…照片`.)
    POSE.iter().any(|k| s.contains(k)) || s.trim_start().starts_with("正面免冠")
}

/// The clause of `s` that asks one to come tidy, in words that name no clothes: `拍照时请穿戴整齐`,
/// `请确保仪表整洁`, `请保持仪容仪表端庄`. (Not `仪容仪表整洁` without being asked: a photo's
/// description as often as a rule.)
fn tidy(s: &str) -> Option<String> {
    static TIDY: LazyLock<Regex> =
        LazyLock::new(|| re(r"请[^，,。；;]{0,6}?(?:穿戴整齐|穿戴整洁|(?:确保|保持)(?:个人)?仪[表容](?:仪表)?(?:整洁|端庄|得体|整齐))"));
    let m = TIDY.find(s)?;
    let start = s[..m.start()].rfind([',', '，']).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[m.end()..].find([',', '，']).map_or(s.len(), |i| m.end() + i);
    Some(s[start..end].trim().to_string())
}

/// A short topic of how one looks before its rules: `(三)配饰及遮挡物:`, `眼镜:`, `发型及妆容：`.
static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\d{1,2}\s*[)）.、．]?\s*)?[\p{Han}及、和与]{0,6}(?:配饰|佩饰|饰品|遮挡物|眼镜|发型|妆容|化妆|头发|衣着|着装|服装|服饰|仪容|仪表|姿态|姿势|表情)[\p{Han}及、和与]{0,6}\s*[:：]",
    )
});

/// A clause that is a rule of its own about how one looks: it says what to do (不, 要, 须, 穿…) to
/// clothes, hair, face or ears (`衣服胸部以上不能有图案文字`, `要露出额头、眉毛和耳朵`).
fn own_rule(clause: &str) -> bool {
    let looks = CLOTHES.iter().chain(&["眉毛", "耳朵", "额头", "双耳", "两耳", "耳钉", "配饰"]).any(|k| clause.contains(k));
    let says = ["不", "要", "须", "应", "穿", "戴", "露", "避免", "禁止", "勿"].iter().any(|k| clause.contains(k));
    clause.chars().count() >= 5 && looks && says
}

/// How a dress rule begins: `不得`, `禁止`, `男生`, `露出`, `头发`…
const RULE_HEADS: &[&str] = &[
    "不得",
    "不能",
    "不要",
    "不准",
    "不可",
    "不宜",
    "不应",
    "不穿",
    "不戴",
    "不佩戴",
    "不化",
    "禁止",
    "请勿",
    "切勿",
    "严禁",
    "勿",
    "必须",
    "男生",
    "女生",
    "男同学",
    "女同学",
    "露出",
    "头发",
    "发型",
    "长发",
    "刘海",
    "戴眼镜",
    "面容",
    "化妆",
    "可化",
    "免冠",
    // (`坐姿端正,表情自然,双眼自然睁开并平视…`: how to sit for the photo.)
    "坐姿",
    "站姿",
    "避免",
    "尽量",
    "建议",
    "穿",
    "着",
];

/// Rule heads that by themselves speak of how one looks (`免冠`, `不化浓装`, `露出眉毛`).
const DRESS_HEADS: &[&str] =
    &["不穿", "不戴", "不佩戴", "不化", "露出", "发型", "长发", "刘海", "戴眼镜", "面容", "化妆", "可化", "免冠", "着"];

fn rule_head(s: &str) -> bool {
    RULE_HEADS.iter().any(|h| s.trim_start().starts_with(h))
}

/// The dress rule that opens a clause about something else, up to its remark in brackets, where
/// the mark after the remark was lost: `建议穿有领有袖上衣(蓝色除外)` of
/// `建议穿有领有袖上衣(蓝色除外)按学号顺序组织本班学生排队`.
fn rule_before_remark(clause: &str) -> Option<&str> {
    let close = clause.find([')', '）'])?;
    let head = &clause[..close + clause[close..].chars().next()?.len_utf8()];
    let wear = head.contains('穿') && !head.contains("穿戴") || CLOTHES.iter().any(|k| head.contains(k));
    (wear && !not_dress(head) && head.contains(['(', '（'])).then_some(head.trim())
}

/// A clause about the photo's setting or the queue, not about how one looks.
fn not_dress(clause: &str) -> bool {
    const SETUP: &[&str] = &[
        "安静",
        "喧哗",
        "排队",
        "秩序",
        "墙壁",
        "距离墙",
        "离墙",
        "取景框",
        "虚线",
        "阴阳脸",
        "脸部阴影",
        "光线",
        "大头照",
        "头顶要留",
        "拍到",
        "照全",
        "照片太小",
        // (`尽量提前10分钟到场`: when to come.)
        "到场",
    ];
    let c = clause.trim();
    // `提前整理好着装`, `需换好服装`, `检查着装`: a step before one's turn, which says nothing of what
    // to wear.
    static READY: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:请|需|须|要)?(?:提前|事先|预先)?(?:整理好|换好|整理|检查|穿好)(?:个人)?(?:着装|服装|衣着|衣服)$"));
    SETUP.iter().any(|k| c.contains(k)) || c.starts_with("否则") || READY.is_match(c)
}

/// A dress sentence cut into its rules: at `①②③`, and at a comma or 、 after which a rule
/// begins (`不要穿连帽衫、蓝色的衣服、面容洁净、发型整齐` is three).
fn rules(s: &str) -> Vec<(usize, &str)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of the rule before, start of the next)
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        let next = i + c.len_utf8();
        match c {
            '(' | '（' => depth += 1,
            // (A `3)` before the rules closes nothing.)
            ')' | '）' => depth = (depth - 1).max(0),
            _ => {}
        }
        // Not inside brackets: `不得对人像特征(如伤疤、痣、发型等)进行技术处理` is one rule.
        if depth > 0 {
            continue;
        }
        let numbered = ('①'..='⑳').contains(&c);
        // After a comma, a clause that is a rule of its own begins one too; not one that goes on
        // with the rule before it (`但…`, `常戴眼镜者…` after `不戴眼镜`).
        let clause = s[next..].split(['，', ',']).next().unwrap_or_default();
        let before = &s[cuts.last().map_or(0, |c| c.1)..i];
        let same_thing = CLOTHES.iter().any(|k| before.contains(k) && clause.contains(k));
        let goes_on = ["但", "并", "且", "而", "以免", "否则", "如", "若", "即"].iter().any(|k| clause.starts_with(k));
        let own = matches!(c, '，' | ',') && own_rule(clause) && !same_thing && !goes_on;
        // `长头发的同学,请扎起…`: who, then what they do, is one rule.
        let subject = ["同学", "学生", "者", "的"].iter().any(|k| before.trim_end().ends_with(k));
        // `不要浓妆、发型变化大等…`: a list under one 不要, each item denied by it.
        const DENY: &[&str] = &["不要", "不得", "不能", "不宜", "禁止", "严禁", "避免", "勿", "切勿", "不准", "不可"];
        // (Not an item with a verb of its own: `不准染发、长发者须把头发扎起`, `…、不戴眼镜`.)
        let item = s[next..].split(['、', '，', ',']).next().unwrap_or_default().trim_start();
        let shared = c == '、'
            && DENY.iter().any(|k| before.trim_start().starts_with(k))
            && !item.starts_with('不')
            && !DENY.iter().any(|k| item.starts_with(k))
            && !["须", "要", "应", "请", "最好", "必须"].iter().any(|k| item.contains(k));
        let subject = subject || shared;
        if numbered || matches!(c, '，' | ',' | '、') && (rule_head(&s[next..]) || own) && !subject && s[..i].chars().count() >= 2 {
            cuts.push((i, next));
        }
    }
    let mut out = Vec::new();
    let mut from = 0;
    for (end, start) in cuts.into_iter().chain([(s.len(), s.len())]) {
        if end > from {
            out.push((from, &s[from..end]));
        }
        from = start;
    }
    out
}

/// Contacts: phones on a line that asks to call (联系, 咨询, 电话), in the notice itself (an
/// attachment's list of branch offices is not the notice's contacts), outside makeup lines.
pub fn contacts(lines: &Lines, d: &mut Draft) {
    let phone_re = re(PHONE);
    // (`与财务处收费科(58291089)或培养办(58291656)联系`: the number in brackets after its name.)
    let name_re = re(r"([\p{Han}A-Za-z]{2,16})\s*[:：(（]?\s*$");
    // `联系人:林兰芝、李诗景` on a line of its own, whose number the next line gives.
    let mut person: Option<String> = None;
    // Whether the line before gave a contact: `研究生部联系人:张老师(学籍):0531-59556360;` then
    // `陈老师(同等学力):0531-59556853;`, the list going on without the word.
    let mut listing = false;
    for p in lines.main() {
        let t = &p.line.text;
        let said = ["联系", "咨询", "电话", "热线", "客服"].iter().any(|k| t.contains(k));
        let (was_listing, named) = (std::mem::take(&mut listing), person.take());
        if let Some(c) = PERSON_ALONE.captures(t.trim()).or_else(|| ASK_ALONE.captures(t.trim())) {
            person = Some(c[1].to_string());
            continue;
        }
        if let Some(c) = LISTED.captures(t.trim()).filter(|_| was_listing) {
            let (number, _) = phone(&c[2]);
            d.contacts.push(Found::new(Contact { name: clean(&c[1]), phone: Some(number) }, p.line.origin()));
            listing = true;
            continue;
        }
        if let Some(c) = OFFICE_PHONE_PERSON.captures(t).filter(|_| !d.about_makeup(t)) {
            let name = format!("{}{}", &c[1], &c[3]);
            let (number, _) = phone(&c[2]);
            d.contacts.push(Found::new(Contact { name, phone: Some(number) }, p.line.at(c.get(0).map_or(0, |m| m.start()))));
            continue;
        }
        if let Some(c) = WITH_THEN_PHONE.captures(t).filter(|_| !d.about_makeup(t)) {
            let (number, _) = phone(&c[2]);
            d.contacts
                .push(Found::new(Contact { name: c[1].to_string(), phone: Some(number) }, p.line.at(c.get(2).map_or(0, |m| m.start()))));
            continue;
        }
        // (A web page's footer or sidebar: `版权所有:… 联系方式:010-…`, `招生电话:0710-…`; or its
        // header, above the notice's title: `服务电话:2303680`.)
        let above_title = d.title.as_ref().is_some_and(|x| p.line.origin().text_line() < x.at.text_line());
        if !said || SITE_FOOTER.is_match(t) || above_title {
            continue;
        }
        let mut last_name: Option<String> = named;
        let mut from = 0;
        // Numbers in the usual forms, and a local number without its area code right after its
        // label (`联系电话:2967052`, `学生服务热线36521352`).
        let mut found: Vec<regex::Match> = phone_re.find_iter(t).collect();
        for c in LOCAL_PHONE.captures_iter(t) {
            if let Some(m) = c.get(1).filter(|m| found.iter().all(|f| f.end() <= m.start() || f.start() >= m.end())) {
                found.push(m);
            }
        }
        found.sort_by_key(|m| m.start());
        // (Not a number the makeup's sentence gives: `…到新华社…散拍,电话…`; the notice's own in the
        // next sentence still is: `散拍学生纸质照片本人留存…。未尽事宜联系教务管理办公室郑老师,联系电话…`.)
        found.retain(|x| {
            let start = super::text::clause_start(t, x.start(), &['。', '；', ';', '！', '!']);
            let end = t[x.end()..].find(['。', '；', ';', '！', '!']).map_or(t.len(), |i| x.end() + i);
            // (A number under a bare label belongs to what the line is about: `…自行前往新华社湖北分社…。
            // 扫描二维码,查阅相关事项。联系电话: 027-68881175`.)
            let own = t[start..x.start()].trim().trim_end_matches([':', '：', ' ']);
            let bare = ["联系电话", "电话", "咨询电话", "联系方式", ""].contains(&own);
            !d.about_makeup(if bare { t } else { &t[start..end] })
        });
        for x in found {
            let whole = &t[from..x.start()];
            from = x.end();
            let mut clauses = whole.rsplit(['，', ',', '。', '或', '；']);
            let before = clauses.next().unwrap_or(whole);
            // `（新华社广东高校图像采集中心，电话020-…`: the verb alone, its name in the clause before.
            let bare = ["联系电话", "客服电话", "电话", "手机", "座机"].contains(&before.trim().trim_end_matches([':', '：']));
            let before = match clauses.next().map(|c| c.rsplit(['（', '(']).next().unwrap_or(c)) {
                Some(prev) if bare && prev.chars().count() >= 2 => prev,
                _ => before,
            };
            // The name is what follows the last contact verb (可以联系教务处 → 教务处), or, with
            // nothing after it, what precedes it (教务处联系电话：).
            let before = {
                let verbs = ["联系电话", "联系人", "联系", "咨询", "电话", "手机", "座机"];
                let cut = verbs.iter().filter_map(|v| before.rfind(v).map(|i| (i, i + v.len()))).max_by_key(|&(i, _)| i);
                match cut {
                    Some((_, end)) if before[end..].trim_matches([':', '：', ' ']).chars().count() >= 2 => &before[end..],
                    _ => before,
                }
            };
            // `形体室 联系电话:0351-…`: the name apart from the label after it (not `时间:上午 电话:…`).
            let before = match ["联系电话", "咨询电话", "电话"]
                .iter()
                .find_map(|l| before.trim_end_matches([':', '：', ' ']).strip_suffix(l))
            {
                Some(rest) if rest.ends_with(char::is_whitespace) && rest.trim().chars().count() >= 2 && !rest.contains([':', '：']) => {
                    rest.trim()
                }
                _ => before,
            };
            // `…并提前与新华社山东分社联系`: who to contact, between 与 and 联系; `联系人:张彭霞
            // 联系电话:010-…`: the person the label names.
            let with = CONTACT_WITH.captures(before).or_else(|| CONTACT_PERSON.captures(whole));
            let name = with.map(|c| c[1].to_string()).or_else(|| {
                name_re.captures(before).map(|c| {
                    let mut n = c[1].to_string();
                    for w in ["联系电话", "电话", "手机", "座机", "可以联系", "可联系", "请联系", "联系人", "联系", "咨询"]
                    {
                        n = n.replace(w, "");
                    }
                    // `应于3月28日前与财务处收费科(`: whom, after 与.
                    if let Some(i) = n.char_indices().take(3).find(|(_, c)| *c == '与').map(|(i, _)| i) {
                        n = n[i + '与'.len_utf8()..].to_string();
                    }
                    // `…证明原件,交学籍中心尤老师`: to whom to hand the papers, after the verb
                    // (not `交通学院`).
                    for v in ["交给", "交至", "交到", "送交", "送至", "交"] {
                        let Some(rest) = n.strip_prefix(v) else { continue };
                        if v != "交" || !rest.starts_with(['通', '流', '大', '易']) {
                            n = rest.to_string();
                        }
                        break;
                    }
                    // `可在两个工作日后致电`: a time to call, no one's name; who comes after the verb.
                    match ["致电", "拨打"].iter().filter_map(|v| n.rfind(v).map(|i| i + v.len())).max() {
                        Some(end) => n[end..].to_string(),
                        None => n,
                    }
                })
            });
            // (`办公电话`, `招生电话`, `联系方式`: a site's own lines, no one to ask about capture.)
            if name.as_deref().is_some_and(|n| SITE_LABELS.contains(&n.trim_end_matches([':', '：']))) {
                continue;
            }
            let name = match name.filter(|n| n.chars().count() >= 2) {
                Some(n) => n,
                None => match &last_name {
                    Some(n) => n.clone(),
                    None => {
                        d.unsure.push(("contacts".into(), p.line.at(x.start()), format!("电话 {} 没有写是谁的", x.as_str())));
                        continue;
                    }
                },
            };
            last_name = Some(name.clone());
            let (number, changed) = phone(x.as_str());
            let mut f = Found::new(Contact { name, phone: Some(number) }, p.line.at(x.start()));
            if changed {
                f = f.note(format!("原文写作「{}」", x.as_str()));
            }
            d.contacts.push(f);
            listing = true;
        }
    }
    // Whom to hand the photos or lists to, with no number: a contact all the same, once.
    for p in lines.main() {
        for c in HANDED_TO.captures_iter(&p.line.text) {
            let name = c[1].to_string();
            if !d.contacts.iter().any(|x| name.contains(&x.value.name) || x.value.name.contains(&name)) {
                let at = p.line.at(c.get(1).map_or(0, |m| m.start()));
                d.contacts.push(Found::new(Contact { name, phone: None }, at));
            }
        }
    }
}

/// Whom to send or hand something to, by office and name, with no number: `以班级文件夹…发至教务处
/// 陈小燕老师处`, `通过线上传给教务处周娟老师`, `报电子版至教务处谭瑞江老师`.
static HANDED_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:发至|发送至|发给|发送给|传给|上传给|交给|交至|送至|报送至|报送给|报给|报至|给)\s*((?:教务处|教务科|学工部|学生处|研究生院|研究生处|招生就业处|继续教育学院)[\p{Han}]{0,8}?\p{Han}{1,3}老师)",
    )
});

/// A web page's footer: `版权所有`, `京ICP备09080943号`, `Copyright ©`.
static SITE_FOOTER: LazyLock<Regex> = LazyLock::new(|| re(r"版权所有|ICP备|(?i:copyright)|©"));
/// What a site's sidebar calls its own numbers (`办公电话`, `招生电话`), or a label's stray end.
const SITE_LABELS: &[&str] = &["办公", "招生", "方式", "传真", "总机", "值班", "邮编", "地址", "校办"];

/// `请与教务科(办公楼224室,电话2716199)潘老师联系`: an office with its room and number in brackets,
/// then the person there to ask.
static OFFICE_PHONE_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"与\s*(\p{Han}{2,12}?(?:处|科|办|办公室|中心|部|院))\s*[（(][^（）()]*?电话\s*[:：]?\s*(\d[\d-]{5,12}\d)\s*[）)]\s*(\p{Han}{1,3}老师)\s*联系",
    )
});

/// `如有问题及时与刘老师联系(综合楼800办公室、50211617)`: whom to ask, then in brackets where and
/// the number, which closes them. (Not a bracket that goes on after the number: `(电话:…,地址:…)`.)
static WITH_THEN_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"与\s*(\p{Han}{2,12}?)\s*(?:取得)?(?:联系|联络)\s*[（(][^（）()]{0,24}?(?:电话\s*[:：]?\s*)?(0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\d{7,8})\s*[）)]",
    )
});

/// `联系人:林兰芝、李诗景`, and nothing else on the line.
static PERSON_ALONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^联系人\s*[:：]\s*(\p{Han}{2,4}(?:老师)?(?:[、，,]\s*\p{Han}{2,4}(?:老师)?)*)\s*$"));
/// `如有问题,请联系图片社相关工作人员`, and nothing else on the line: whose number the next line
/// gives (`电话:010-…`).
static ASK_ALONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:如有(?:问题|疑问|疑惑)\s*[,，]?\s*)?请(?:联系|咨询)\s*(\p{Han}{2,16})\s*[。.]?$"));
/// A contact in a list, the line just a name and a number: `陈老师(同等学力):0531-59556853;`.
static LISTED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\p{Han}{1,4}老师\s*(?:[（(][^）)]{1,12}[）)])?)\s*[:：]\s*(0\d{2,3}-?\d{7,8}|1[3-9]\d{9})\s*[;；。]?$"));

/// Words of coming to the place and lining up there: a count of minutes early on their line is how
/// early to arrive.
const ARRIVAL_WORDS: &[&str] =
    &["排队", "到达", "集合", "排好队", "列队", "到场", "整队", "候场", "候拍", "等候", "抵达", "进场", "入场", "以班级为单位", "队形"];

pub fn code_and_arrival(lines: &Lines, d: &mut Draft) {
    let lead = [
        re(r"提前\s*(\d+|[一二三四五六七八九十]+)\s*天.{0,12}(?:获取|下载|保存|截图).{0,8}采集码"),
        re(r"(?:采集|拍摄|拍照).{0,6}前\s*(\d+|[一二三四五六七八九十]+)\s*天.{0,20}采集码"),
    ];
    let early = re(r"(?:提前|提早|前)\s*(\d+|[一二三四五六七八九十]+)\s*分?钟");
    for p in lines.main() {
        let t = &p.line.text;
        if d.lead_days.is_none() {
            if let Some(n) = lead.iter().find_map(|r| r.captures(t)).and_then(|c| han_number(&c[1])) {
                d.lead_days = Some(Found::new(n, p.line.origin()));
            }
        }
        if d.arrive_early.is_none() && ARRIVAL_WORDS.iter().any(|k| t.contains(k)) {
            if let Some(n) = early.captures(t).and_then(|c| han_number(&c[1])) {
                d.arrive_early = Some(Found::new(n, p.line.origin()));
            }
        }
    }
}
