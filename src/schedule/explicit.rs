//! Hand-made timetables: validated against the notice, then taken as given.

use super::types::{ClassSlot, Slot, Timetable};
use crate::diag::Diagnostic;
use crate::notice::model::{hhmm_ceil, hhmm_floor, Capture, ExplicitSlot, Group};
use crate::notice::read::did_you_mean;
use crate::source::{At, Loc};
use std::collections::BTreeMap;

enum Mention {
    /// A class (or a college-level group) named directly: index into `capture.groups`.
    Group(usize),
    /// A college whose classes are in the roster: every group of it.
    College,
}

/// Validates `slots` and builds the timetable. `None` when the slots cannot be read at all.
pub fn build(c: &Capture, slots: &[ExplicitSlot]) -> (Option<Timetable>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let groups = &c.groups;
    // What each slot names, resolved.
    let mut mentions: Vec<Vec<(Mention, Loc)>> = Vec::new();
    let mut covered: Vec<Option<Loc>> = vec![None; groups.len()];
    let mut college_slots: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let names: Vec<&str> = groups.iter().flat_map(|g| [g.college.value.as_str(), g.name()]).collect();

    for (si, s) in slots.iter().enumerate() {
        check_place(c, s, &mut out);
        let mut ms = Vec::new();
        for name in &s.groups {
            let n = name.value.as_str();
            if let Some(gi) = groups.iter().position(|g| g.name() == n && (g.class.is_some() || !has_classes(groups, n))) {
                if let Some(first) = &covered[gi] {
                    if groups[gi].class.is_some() || !college_slots.contains_key(n) {
                        twice(&mut out, name, first);
                    }
                }
                if groups[gi].class.is_none() {
                    college_slots.entry(n.to_string()).or_default().push(si);
                }
                covered[gi].get_or_insert_with(|| name.loc.clone());
                ms.push((Mention::Group(gi), name.loc.clone()));
            } else if has_classes(groups, n) {
                let already = college_slots.contains_key(n);
                for (gi, _) in groups.iter().enumerate().filter(|(_, g)| g.college.value == n) {
                    match &covered[gi] {
                        Some(first) if !already => {
                            twice(&mut out, name, first);
                            break;
                        }
                        None => covered[gi] = Some(name.loc.clone()),
                        _ => {}
                    }
                }
                college_slots.entry(n.to_string()).or_default().push(si);
                ms.push((Mention::College, name.loc.clone()));
            } else {
                let mut d = Diagnostic::error("slot-unknown-group", &name.loc, format!("时间表里的「{n}」不在 groups 名单里"));
                d = match did_you_mean(n, &names) {
                    Some(s) => d.help(format!("是不是想写「{s}」？")),
                    None => d.help("写 groups 名单里的学院名或班级名，或先把它加进名单"),
                };
                out.push(d);
            }
        }
        mentions.push(ms);
    }
    for (gi, g) in groups.iter().enumerate() {
        if covered[gi].is_none() {
            out.push(
                Diagnostic::error("group-unscheduled", &g.loc, format!("「{}」没有安排在时间表里", g.name()))
                    .help("在 timetable 的某个时段的 groups 里加上它，或从名单中删除"),
            );
        }
    }
    for j in 0..slots.len() {
        for i in 0..j {
            let (a, b) = (&slots[i], &slots[j]);
            if same_station(a, b) && a.start.value < b.end.value && b.start.value < a.end.value {
                out.push(
                    Diagnostic::error(
                        "slot-overlap",
                        &b.start.loc,
                        format!(
                            "{} {}-{} 与同一机位上的 {}-{} 重叠",
                            day_and_room(b),
                            hhmm_floor(b.start.value),
                            hhmm_floor(b.end.value),
                            hhmm_floor(a.start.value),
                            hhmm_floor(a.end.value)
                        ),
                    )
                    .related(&a.loc, "与这一时段重叠")
                    .help(if b.station.is_none() || a.station.is_none() {
                        "不写 station 的时段占用房间的全部机位；错开时间，或用 station 指定机位".to_string()
                    } else {
                        format!("把开始时刻改到 {} 或更晚，或换一个机位", hhmm_floor(a.end.value))
                    }),
                );
            }
        }
    }
    changeovers(c, slots, &mut out);
    let tt = timetable(c, slots, &mentions, &college_slots, &mut out);
    (Some(tt), out)
}

/// "2025-04-12 j9-103": where a slot is, as messages name it.
fn day_and_room(s: &ExplicitSlot) -> String {
    format!("{} {}", s.date.value, s.room.value)
}

/// Whether two slots are on one day in one room and use a station in common (a slot without
/// `station` takes all of its room's).
fn same_station(a: &ExplicitSlot, b: &ExplicitSlot) -> bool {
    let shared = match (&a.station, &b.station) {
        (Some(x), Some(y)) => x.value == y.value,
        _ => true,
    };
    shared && a.date.value == b.date.value && a.room.value == b.room.value
}

/// A block that follows another on the same station leaves the stated changeover between them
/// (code `slot-changeover`; a warning: the day still works, only tighter than the notice says).
fn changeovers(c: &Capture, slots: &[ExplicitSlot], out: &mut Vec<Diagnostic>) {
    let change = c.changeover_minutes.value * 60;
    if change == 0 {
        return;
    }
    for (j, b) in slots.iter().enumerate() {
        // The block ending last before `b` starts, on a station `b` uses (the first one written
        // when several end together).
        let before = slots
            .iter()
            .enumerate()
            .filter(|&(i, a)| i != j && a.end.value <= b.start.value && same_station(a, b))
            .max_by_key(|&(i, a)| (a.end.value, std::cmp::Reverse(i)));
        let Some((_, a)) = before else { continue };
        let gap = b.start.value - a.end.value;
        if gap < change {
            out.push(
                Diagnostic::warning(
                    "slot-changeover",
                    &b.start.loc,
                    format!(
                        "{} {} 开始的一段与同一机位上一段（{} 结束）只隔 {} 分钟，少于换场时间 {} 分钟",
                        day_and_room(b),
                        hhmm_floor(b.start.value),
                        hhmm_floor(a.end.value),
                        gap / 60,
                        change / 60
                    ),
                )
                .related(&a.loc, "上一段")
                .related(&c.changeover_minutes.loc, "换场时间写在这里")
                .help(format!(
                    "把开始时刻改到 {} 或更晚；如果两段之间确实不需要换场，把 changeover_minutes 改成 {}",
                    hhmm_ceil(a.end.value + change),
                    gap / 60
                )),
            );
        }
    }
}

fn has_classes(groups: &[Group], college: &str) -> bool {
    groups.iter().any(|g| g.college.value == college && g.class.is_some())
}

fn twice(out: &mut Vec<Diagnostic>, name: &At<String>, first: &Loc) {
    out.push(
        Diagnostic::error("group-twice", &name.loc, format!("「{}」在时间表里安排了两次", name.value))
            .related(first, "第一次在这里")
            .help("每个班级只安排一次：删掉其中一处"),
    );
}

fn check_place(c: &Capture, s: &ExplicitSlot, out: &mut Vec<Diagnostic>) {
    match c.room(&s.room.value) {
        None => {
            let ids: Vec<&str> = c.rooms.iter().map(|r| r.id.value.as_str()).collect();
            let hint = did_you_mean(&s.room.value, &ids)
                .map(|x| format!("是不是想写「{x}」？"))
                .unwrap_or_else(|| format!("可用的房间：{}", ids.join("、")));
            out.push(Diagnostic::error("slot-unknown-room", &s.room.loc, format!("房间「{}」不在 rooms 里", s.room.value)).help(hint));
        }
        Some(room) => {
            if let Some(st) = &s.station {
                if st.value > room.stations.value {
                    out.push(
                        Diagnostic::error(
                            "slot-unknown-station",
                            &st.loc,
                            format!("{} 只有 {} 个机位，没有第 {} 号", room.name.value, room.stations.value, st.value),
                        )
                        .related(&room.stations.loc, "机位数")
                        .help(format!("station 写 1 到 {}，或增加该房间的 stations", room.stations.value)),
                    );
                }
            }
        }
    }
    let Some(day) = c.days.iter().find(|d| d.date.value == s.date.value) else {
        let list: Vec<String> = c.days.iter().map(|d| d.date.value.to_string()).collect();
        out.push(
            Diagnostic::error("slot-unknown-day", &s.date.loc, format!("{} 不是采集日", s.date.value))
                .help(format!("采集日为 {}；在 days 里加上这一天，或改正日期", list.join("、"))),
        );
        return;
    };
    let inside = day.sessions.iter().any(|x| x.value.start <= s.start.value && s.end.value <= x.value.end);
    if !inside {
        let starts_in = day.sessions.iter().find(|x| x.value.start <= s.start.value && s.start.value < x.value.end);
        let list: Vec<String> = day.sessions.iter().map(|x| x.value.label()).collect();
        let d = match starts_in {
            Some(x) => Diagnostic::error(
                "slot-outside-session",
                &s.end.loc,
                format!("结束时刻 {} 超出了当天的时段 {}", hhmm_floor(s.end.value), x.value.label()),
            )
            .help(format!("把结束时刻改到 {} 或更早，或把部分班级移到其他时段", hhmm_floor(x.value.end))),
            None => Diagnostic::error(
                "slot-outside-session",
                &s.start.loc,
                format!("{}-{} 不在当天的采集时段内", hhmm_floor(s.start.value), hhmm_floor(s.end.value)),
            )
            .help(format!("当天的时段是 {}", list.join("、"))),
        };
        out.push(d.related(&day.date.loc, "当天的时段写在这里"));
    }
}

/// (college, class or `None` for a college-level group, headcount) placed in a slot.
type Placed = (String, Option<String>, Option<u32>);

/// Lays classes into the slots that name them and checks each slot is long enough.
fn timetable(
    c: &Capture,
    slots: &[ExplicitSlot],
    mentions: &[Vec<(Mention, Loc)>],
    college_slots: &BTreeMap<String, Vec<usize>>,
    out: &mut Vec<Diagnostic>,
) -> Timetable {
    let sps = c.seconds_per_student.value;
    let stations_of = |s: &ExplicitSlot| -> Vec<u32> {
        match &s.station {
            Some(st) => vec![st.value],
            None => (1..=c.room(&s.room.value).map(|r| r.stations.value).unwrap_or(1)).collect(),
        }
    };
    // Student capacity of each slot.
    let cap: Vec<f64> =
        slots.iter().map(|s| f64::from(s.end.value - s.start.value) * stations_of(s).len() as f64 / f64::from(sps)).collect();
    // Per slot: (college, class name or None, headcount).
    let mut content: Vec<Vec<Placed>> = vec![Vec::new(); slots.len()];
    let mut used = vec![0f64; slots.len()];
    for (si, ms) in mentions.iter().enumerate() {
        for (m, _) in ms {
            if let Mention::Group(gi) = m {
                let g = &c.groups[*gi];
                if g.class.is_some() || college_slots.get(g.name()).is_none_or(|v| v.len() == 1) {
                    content[si].push((g.college.value.clone(), g.class.as_ref().map(|x| x.value.clone()), g.headcount()));
                    used[si] += f64::from(g.headcount().unwrap_or(0));
                }
            }
        }
    }
    for (college, sis) in college_slots {
        let mut order = sis.clone();
        order.dedup();
        order.sort_by_key(|&i| (slots[i].date.value, slots[i].start.value));
        let members: Vec<&Group> = c.groups.iter().filter(|g| &g.college.value == college).collect();
        let split_whole = members.len() == 1 && members[0].class.is_none() && order.len() > 1;
        if split_whole {
            // One college-level group over several blocks: share its headcount by capacity.
            let g = members[0];
            let total_cap: f64 = order.iter().map(|&i| (cap[i] - used[i]).max(0.0)).sum();
            let mut left = g.headcount();
            for (k, &i) in order.iter().enumerate() {
                let share = match (left, k + 1 == order.len()) {
                    (Some(l), true) => Some(l),
                    (Some(l), false) if total_cap > 0.0 => {
                        let s = ((cap[i] - used[i]).max(0.0) / total_cap * f64::from(g.headcount().unwrap_or(0))).round() as u32;
                        Some(s.min(l))
                    }
                    (Some(_), false) => Some(0),
                    (None, _) => None,
                };
                if let (Some(l), Some(s)) = (left, share) {
                    left = Some(l - s);
                }
                content[i].push((college.clone(), None, share));
                used[i] += f64::from(share.unwrap_or(0));
            }
        } else if members.iter().any(|g| g.class.is_some()) {
            let mut k = 0;
            for g in members {
                let h = f64::from(g.headcount().unwrap_or(0));
                while k + 1 < order.len() && used[order[k]] + h > cap[order[k]] + 1e-9 {
                    k += 1;
                }
                let i = order[k];
                content[i].push((college.clone(), g.class.as_ref().map(|x| x.value.clone()), g.headcount()));
                used[i] += h;
            }
        }
    }
    let mut tt = Timetable::default();
    let mut part: BTreeMap<String, u32> = BTreeMap::new();
    for (i, s) in slots.iter().enumerate() {
        let stations = stations_of(s);
        let per = f64::from(sps) / stations.len() as f64;
        let known = content[i].iter().all(|x| x.2.is_some());
        let total: u32 = content[i].iter().filter_map(|x| x.2).sum();
        let need = (f64::from(total) * per).ceil() as u32;
        let have = s.end.value - s.start.value;
        if known && need > have {
            out.push(
                Diagnostic::error(
                    "slot-too-short",
                    &s.end.loc,
                    format!(
                        "{}-{} 只有 {} 分钟，但 {} 人按每人 {} 秒、{} 个机位需要 {} 分钟",
                        hhmm_floor(s.start.value),
                        hhmm_floor(s.end.value),
                        have / 60,
                        total,
                        sps,
                        stations.len(),
                        need.div_ceil(60)
                    ),
                )
                .help(format!("把结束时刻改到 {} 或更晚，增加机位，或把部分班级移到其他时段", hhmm_ceil(s.start.value + need))),
            );
        }
        let mut colleges: Vec<String> = Vec::new();
        let mut classes = Vec::new();
        let mut t = f64::from(s.start.value);
        for (college, class, hc) in &content[i] {
            if !colleges.contains(college) {
                colleges.push(college.clone());
            }
            if let Some(name) = class {
                let len = hc.map(|h| f64::from(h) * per);
                let start = t as u32;
                let end = match len {
                    Some(l) => (t + l).ceil() as u32,
                    None => s.end.value,
                };
                if let Some(l) = len {
                    t += l;
                }
                classes.push(ClassSlot { name: name.clone(), headcount: *hc, start, end: if known { end } else { s.end.value } });
            }
        }
        let college = colleges.join("、");
        let p = part.entry(college.clone()).or_insert(0);
        tt.slots.push(Slot {
            date: s.date.value,
            start: s.start.value,
            end: s.end.value,
            room: s.room.value.clone(),
            station: stations[0],
            stations,
            college,
            headcount: if known && !content[i].is_empty() { Some(total) } else { None },
            classes,
            part: *p,
        });
        *p += 1;
    }
    tt.sort();
    tt
}
