//! When and where: capture days and their sessions, rooms, the timetable (Word tables, tables
//! pasted as text, or lines under a time such as `①上午8:00-9:00`), groups and headcounts.

use super::super::{Block, Doc, Line, Origin};
use super::text::{self, after_label, clean, dates, day_run, ranges, re, sentences, strip_marker, Lines};
use super::{Draft, Found, Group, Room, Slot};
use crate::base::time::Secs;
use chrono::NaiveDate;

const CAPTURE: &[&str] = &["采集", "拍摄", "拍照", "照相"];
const NOT_CAPTURE: &[&str] = &[
    "校对",
    "补拍",
    "补采",
    "缴费",
    "交费",
    "截止",
    "毕业时间",
    "毕业日期",
    "毕业典礼",
    "离校",
    "答辩",
    "发布",
    "勘误",
    "上传",
    "领取",
    "名单",
    "报名",
    "获取",
    "下载",
    "注册",
];

fn push_day(d: &mut Draft, date: NaiveDate, sessions: Vec<(Secs, Secs)>, at: Origin, note: Option<String>) {
    if let Some(day) = d.days.iter_mut().find(|x| x.value.0 == date) {
        if day.value.1.is_empty() {
            day.value.1 = sessions;
        }
        return;
    }
    let mut f = Found::new((date, sessions), at);
    f.note = note;
    d.days.push(f);
}

/// Capture days: dates in a sentence (or under a heading) about capture, not about deadlines,
/// makeup or proofreading; a date followed by 前/后 is a deadline or a start, not a day.
pub fn days(lines: &Lines, d: &mut Draft) {
    let issued_year = d.issued.as_ref().map(|i| chrono::Datelike::year(&i.value));
    for p in lines.main() {
        let heading = p.heading.map(|h| h.text.as_str()).unwrap_or("");
        for (off, s) in sentences(&p.line.text) {
            let about = |t: &str| CAPTURE.iter().any(|k| t.contains(k));
            if !(about(s) || about(heading)) || NOT_CAPTURE.iter().any(|k| s.contains(k)) || s.contains("另行通知") && dates(s).is_empty()
            {
                continue;
            }
            for w in dates(s) {
                let after = s[w.end..].trim_start();
                if after.starts_with(['前', '后', '之', '以', '起']) || after.starts_with("开始") {
                    continue;
                }
                // A date without its year: the issue date's year, else that of a capture day the
                // source dates in full (定于2022年6月18日… 采集时间：6月18日上午8:00-12:00).
                let dated_year = d.days.iter().find(|x| x.note.is_none()).map(|x| chrono::Datelike::year(&x.value.0));
                let (date, note) = match (w.date(None), w.date(issued_year), w.date(dated_year)) {
                    (Some(x), _, _) => (x, None),
                    (None, Some(x), _) => (x, Some("原文没有写年份，按发文日期的年份推定".to_string())),
                    (None, None, Some(x)) => (x, Some("原文这里没有写年份，按原文写全的采集日期的年份推定".to_string())),
                    _ => {
                        d.unsure.push(("capture.days".into(), p.line.at(off + w.start), "采集日期没有写年份".into()));
                        continue;
                    }
                };
                let at = p.line.at(off + w.start);
                // Hours written right after the date (and before the next date) are its sessions.
                let next = dates(&s[w.end..]).first().map_or(s.len(), |n| w.end + n.start);
                let sessions: Vec<(Secs, Secs)> = ranges(&s[w.end..next]).into_iter().map(|(a, b, ..)| (a, b)).collect();
                push_day(d, date, sessions.clone(), at, note.clone());
                for day in day_run(s, &w) {
                    if let Some(x) = NaiveDate::from_ymd_opt(chrono::Datelike::year(&date), w.month, day) {
                        push_day(d, x, sessions.clone(), at, note.clone());
                    }
                }
            }
        }
    }
}

/// Hours stated for every day (`拍摄时间：08:00—11:30；13:30—17:30`), written with no date.
fn common_sessions(text: &str) -> Option<Vec<(Secs, Secs)>> {
    let label = after_label(text, &["拍摄时间", "采集时间", "时间"])?;
    if !dates(label).is_empty() {
        return None;
    }
    let r: Vec<(Secs, Secs)> = ranges(label).into_iter().map(|(a, b, ..)| (a, b)).collect();
    (!r.is_empty()).then_some(r)
}

/// Rooms: the place named after 地点, each of `第九教学楼103室、106室` spelled out in full.
pub fn rooms(lines: &Lines, d: &mut Draft) {
    let school = d.school.as_ref().map(|s| s.value.clone()).unwrap_or_default();
    let paras: Vec<_> = lines.main().collect();
    for (i, p) in paras.iter().enumerate() {
        let t = strip_marker(&p.line.text);
        // `地点：X`, or a heading that is the label alone (`二、采集地点`) with the places below.
        let labels = ["采集地点", "拍摄地点", "地点"];
        let heading_only = || labels.iter().any(|l| t.trim_end().trim_end_matches(['：', ':']).ends_with(l)).then_some("");
        let Some(place) = after_label(t, &labels).or_else(heading_only) else { continue };
        if t.contains("补拍") {
            continue;
        }
        // `地点：` alone: the places are the lines below it, up to the next heading.
        let mut texts: Vec<(String, Origin)> = Vec::new();
        if place.is_empty() {
            for q in paras.iter().skip(i + 1).take(4) {
                if text::level(&q.line.text).is_some() {
                    break;
                }
                texts.push((q.line.text.clone(), q.line.origin()));
            }
        } else {
            texts.push((place.to_string(), p.line.origin()));
        }
        for (t, at) in texts {
            for name in room_names(&t, &school) {
                if !d.rooms.iter().any(|r| r.value.name == name) {
                    d.rooms.push(Found::new(Room { id: String::new(), name }, at));
                }
            }
        }
        if !d.rooms.is_empty() {
            break;
        }
    }
    // No 地点 line: `于…在X进行…采集` in a capture sentence.
    if d.rooms.is_empty() {
        let place = re(r"在([\p{Han}\dA-Za-z（）()]{2,30}?)(?:进行|集中|统一|参加)");
        for p in lines.main() {
            if !CAPTURE.iter().any(|k| p.line.text.contains(k)) || dates(&p.line.text).is_empty() {
                continue;
            }
            // Only a place (在我校在校的毕业生进行… names people, not a room).
            let is_place = |t: &str| {
                ["楼", "室", "厅", "馆", "中心", "礼堂", "广场", "会议", "报告", "教学", "校区"].iter().any(|k| t.contains(k))
                    && !["毕业生", "学生", "同学"].iter().any(|k| t.contains(k))
            };
            if let Some(c) = place.captures_iter(&p.line.text).find(|c| is_place(&c[1])) {
                let at = p.line.at(c.get(1).map_or(0, |m| m.start()));
                d.rooms.push(Found::new(Room { id: String::new(), name: c[1].to_string() }, at));
                break;
            }
        }
    }
    assign_ids(d);
}

fn room_names(text: &str, school: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seg in text.split(['；', ';']) {
        let mut seg = clean(seg);
        if let Some(i) = seg.rfind('在') {
            seg = seg[i + '在'.len_utf8()..].to_string();
        }
        for end in ["进行拍摄", "进行采集", "进行", "联系", "电话", "咨询", "。"] {
            if let Some(i) = seg.find(end) {
                seg.truncate(i);
            }
        }
        // A campus label: `南校区:弘毅楼101`.
        if let Some((label, rest)) = seg.split_once([':', '：']) {
            if label.chars().count() <= 6 {
                seg = rest.to_string();
            }
        }
        let seg = seg.trim().trim_start_matches(school).trim().to_string();
        let nums: Vec<(usize, usize)> = re(r"\d{2,4}").find_iter(&seg).map(|m| (m.start(), m.end())).collect();
        let Some(&(first, _)) = nums.first() else {
            out.extend(seg.split('、').map(clean).filter(|s| !s.is_empty()));
            continue;
        };
        if nums.len() == 1 {
            out.push(seg.clone());
            continue;
        }
        let prefix = seg[..first].trim();
        let last_end = nums.last().map_or(seg.len(), |n| n.1);
        let suffix = clean(&seg[last_end..]);
        let joined = nums.windows(2).all(|w| seg[w[0].1..w[1].0].chars().all(|c| "、.，,和及室 ".contains(c)));
        if !joined || prefix.chars().any(|c| c.is_ascii_digit()) {
            out.extend(seg.split('、').map(clean).filter(|s| !s.is_empty()));
            continue;
        }
        for (a, b) in nums {
            out.push(format!("{prefix}{}{suffix}", &seg[a..b]));
        }
    }
    out
}

/// Room ids: the room's number when every room has a different one, else room-1, room-2, ….
fn assign_ids(d: &mut Draft) {
    let num = |n: &str| re(r"\d{2,4}").find_iter(n).last().map(|m| m.as_str().to_string());
    let nums: Vec<Option<String>> = d.rooms.iter().map(|r| num(&r.value.name)).collect();
    let distinct = nums.iter().all(Option::is_some) && {
        let mut v: Vec<_> = nums.iter().flatten().collect();
        v.sort();
        v.dedup();
        v.len() == nums.len()
    };
    for (i, r) in d.rooms.iter_mut().enumerate() {
        r.value.id = match (&nums[i], distinct) {
            (Some(n), true) => n.clone(),
            _ => format!("room-{}", i + 1),
        };
    }
}

/// The room a cell or line names: by its number, or by its name without brackets.
fn room_of(d: &Draft, text: &str) -> Result<Option<String>, ()> {
    let plain = |s: &str| re(r"[（(][^）)]*[）)]|\s").replace_all(s, "").into_owned();
    let t = plain(text);
    if let Some(r) = d.rooms.iter().find(|r| plain(&r.value.name) == t) {
        return Ok(Some(r.value.id.clone()));
    }
    let nums: Vec<&str> = re(r"\d{2,4}").find_iter(&t).map(|m| m.as_str()).collect();
    match nums.as_slice() {
        [] => Ok(None),
        [n] => Ok(d.rooms.iter().find(|r| r.value.id == *n || r.value.name.contains(n)).map(|r| r.value.id.clone())),
        _ => Err(()),
    }
}

fn looks_like_room(t: &str) -> bool {
    let digits = t.chars().any(|c| c.is_ascii_digit());
    let place = ["楼", "室", "教", "馆", "厅", "栋"].iter().any(|k| t.contains(k));
    ((digits && place) || t.ends_with(['室', '厅', '馆'])) && !t.contains("学院")
}

/// A table's header row: two or more cells that name columns (repeated on every page of a PDF).
fn is_header(texts: &[&str]) -> bool {
    let head = re(r"^(?:拍摄|采集|集合)?(?:地点|时间|日期|学院(?:名称)?|班级|人数|批次|序号|院系|单位|起止时间|教室|时段|备注|专业)$");
    texts.iter().filter(|t| head.is_match(&t.replace(' ', ""))).count() >= 2
}

fn split_groups(t: &str) -> Vec<String> {
    t.split(['、', '，', ',', '；', ' ']).map(clean).filter(|s| !s.is_empty() && s.chars().count() <= 30).collect()
}

pub fn timetable(doc: &Doc, lines: &Lines, d: &mut Draft) {
    let year = d.year();
    for b in &doc.blocks {
        if let Block::Table(rows) = b {
            table(rows, year, d);
        }
    }
    prose(lines, d);
    // Hours the source states for every day (often in the attachment's table).
    let stated = doc.blocks.iter().find_map(|b| match b {
        Block::Para(l) => common_sessions(&l.text).map(|s| (s, l.origin())),
        Block::Table(rows) => rows.iter().flatten().find_map(|c| common_sessions(&c.text).map(|s| (s, c.origin()))),
    });
    for day in &mut d.days {
        if day.value.1.is_empty() {
            if let Some((s, at)) = &stated {
                day.value.1 = s.clone();
                day.at = *at;
            }
        }
    }
    // Otherwise the days' hours are the timetable's slots, joined where they touch.
    for day in &mut d.days {
        if !day.value.1.is_empty() {
            continue;
        }
        let mut spans: Vec<(Secs, Secs)> =
            d.slots.iter().filter(|s| s.value.date == day.value.0).map(|s| (s.value.start, s.value.end)).collect();
        spans.sort();
        let mut merged: Vec<(Secs, Secs)> = Vec::new();
        for (a, b) in spans {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        if !merged.is_empty() {
            day.value.1 = merged;
            day.note = Some("原文没有单独写采集时段，由时间表各时段合并得出".into());
        }
    }
    groups(d);
}

fn add_slot(d: &mut Draft, slot: Slot, at: Origin) {
    if let Some(s) = d
        .slots
        .iter_mut()
        .find(|s| (s.value.date, s.value.start, s.value.end, &s.value.room) == (slot.date, slot.start, slot.end, &slot.room))
    {
        s.value.groups.extend(slot.groups);
        return;
    }
    d.slots.push(Found::new(slot, at));
}

/// A table's rows: each cell read by what it holds (a date, a time, a room, names), since a PDF
/// shifts cells; an empty cell repeats the row above (merged cells).
fn table(rows: &[Vec<Line>], year: Option<i32>, d: &mut Draft) {
    // What the rows above said: merged cells repeat them.
    // A table without dates belongs to the notice's one capture day.
    let mut date: Option<NaiveDate> = (d.days.len() == 1).then(|| d.days[0].value.0);
    let mut time: Option<(Secs, Secs)> = None;
    let mut room: Option<Option<String>> = None;
    let mut header: Option<Vec<String>> = None;
    for row in rows {
        let texts: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
        let joined = texts.join(" ");
        if joined.trim().is_empty() {
            continue;
        }
        // A header row, on every page of a PDF: names of columns, no numbers.
        if is_header(&texts) {
            header = Some(texts.iter().map(|s| s.to_string()).collect());
            continue;
        }
        if common_sessions(&joined).is_some() && texts.iter().filter(|t| !t.is_empty()).count() == 1 {
            continue;
        }
        let mut names: Vec<(String, Origin)> = Vec::new();
        let mut row_time = None;
        for (ci, cell) in row.iter().enumerate() {
            let t = cell.text.trim();
            if t.is_empty() || t.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let mut rest = t.to_string();
            if let Some(w) = dates(t).first() {
                match w.date(None).or_else(|| w.date(year)) {
                    Some(x) => date = Some(x),
                    None => d.unsure.push(("capture.timetable".into(), cell.origin(), format!("「{t}」的年份不明"))),
                }
                rest = format!("{}{}", &t[..w.start], &t[w.end..]);
            }
            if let Some(&(a, b, s, e)) = ranges(&rest).first() {
                row_time = Some((a, b));
                rest = format!("{}{}", &rest[..s], &rest[e..]);
            }
            let rest = re(r"[（(]\s*(?:周|星期)[一二三四五六日天]\s*[）)]|上午|下午").replace_all(&rest, "").trim().to_string();
            if rest.is_empty() {
                continue;
            }
            let col_says_room = header.as_ref().and_then(|h| h.get(ci)).is_some_and(|h| h.contains("地点") || h.contains("教室"));
            if col_says_room || looks_like_room(&rest) {
                room = Some(match room_of(d, &rest) {
                    Ok(r) => r,
                    Err(()) => {
                        d.unsure.push((
                            "capture.timetable.room".into(),
                            cell.origin(),
                            format!("「{rest}」是几间教室共用：各学院在哪一间，原文没有写"),
                        ));
                        None
                    }
                });
                continue;
            }
            names.push((rest, cell.origin()));
        }
        if row_time.is_some() {
            time = row_time;
        }
        let (Some(date), Some((start, end)), false) = (date, time, names.is_empty()) else { continue };
        let at = names[0].1;
        let groups: Vec<String> = names.iter().flat_map(|(n, _)| split_groups(n)).collect();
        add_slot(d, Slot { date, start, end, room: room.clone().flatten(), groups }, at);
    }
}

/// A timetable in prose: a time line (`①上午8:00-9:00`) and under it `ROOM：class、class`, or
/// `4月22日 8:00-9:30 文学院` on one line.
fn prose(lines: &Lines, d: &mut Draft) {
    let mut cur: Option<(NaiveDate, Secs, Secs)> = None;
    let only_day = (d.days.len() == 1).then(|| d.days[0].value.0);
    let year = d.year();
    for p in lines.main() {
        let t = strip_marker(&p.line.text);
        let rs = ranges(t);
        let ds = dates(t);
        if let Some(&(a, b, s, e)) = rs.first() {
            let mut rest = format!("{}{}", &t[..s], &t[e..]);
            let date = match ds.first() {
                Some(w) => {
                    rest = rest.replace(&t[w.start..w.end], "");
                    w.date(year)
                }
                None => only_day,
            };
            let rest = clean(&re(r"上午|下午|中午|晚上|[（(]\s*(?:周|星期).[）)]").replace_all(&rest, ""));
            if rest.is_empty() && rs.len() == 1 {
                cur = date.map(|x| (x, a, b));
            } else if let (Some(x), true) =
                (date, rs.len() == 1 && !CAPTURE.iter().chain(["时间", "地点"].iter()).any(|k| rest.contains(k)))
            {
                add_slot(d, Slot { date: x, start: a, end: b, room: None, groups: split_groups(&rest) }, p.line.origin());
            } else {
                cur = None;
            }
            continue;
        }
        let Some((date, a, b)) = cur else { continue };
        let Some((room_text, names)) = t.split_once(['：', ':']) else {
            cur = None;
            continue;
        };
        match room_of(d, room_text) {
            Ok(Some(room)) => add_slot(d, Slot { date, start: a, end: b, room: Some(room), groups: split_groups(names) }, p.line.origin()),
            _ => cur = None,
        }
    }
}

/// Groups: every name the timetable gives, in order; a name with a class number is a class
/// (its college is not written), else a college. `文学院【57人】` gives a headcount.
fn groups(d: &mut Draft) {
    let count = re(r"^(.+?)\s*[【\[（(]\s*(\d+)\s*人?\s*[】\]）)]$");
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for s in &mut d.slots {
        for g in &mut s.value.groups {
            let (name, headcount) = match count.captures(g) {
                Some(c) => (c[1].to_string(), c[2].parse().ok()),
                None => (g.clone(), None),
            };
            *g = name.clone();
            if seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            let class = name.chars().any(|c| c.is_ascii_digit());
            let group = Group { college: (!class).then(|| name.clone()), class: class.then(|| name.clone()), headcount };
            out.push(Found::new(group, s.at));
        }
    }
    d.groups = out;
}
