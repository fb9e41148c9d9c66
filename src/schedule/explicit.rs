//! Hand-made timetables: validated against the notice, then taken as given.

use super::types::{ClassSlot, Colleges, Slot, Timetable};
use crate::base::time::{hhmm_ceil, hhmm_floor, Secs};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::{Capture, ExplicitSlot, Group, Session};
use crate::notice::read::did_you_mean;
use crate::source::{At, Loc};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
    let index = GroupIndex::new(groups);

    for (si, s) in slots.iter().enumerate() {
        check_place(c, s, &mut out);
        let mut ms = Vec::new();
        for name in &s.groups {
            let n = name.value.as_str();
            if let Some(gi) = index.named(n) {
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
            } else if index.has_classes(n) {
                let already = college_slots.contains_key(n);
                for &gi in index.members(n) {
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
                let mut d = Diagnostic::error(Code::SlotUnknownGroup, &name.loc, format!("时间表里的「{n}」不在 groups 名单里"));
                d = match did_you_mean(n, &names) {
                    Some(s) => d.help(format!("是不是想写「{s}」？")),
                    None => d.help("写 groups 名单里的学院名或班级名，或先把它加进名单"),
                };
                out.push(d);
            }
        }
        mentions.push(ms);
    }
    // A slot without groups is open to the whole audience: every group may come to it.
    let open = slots.iter().any(|s| s.groups.is_empty());
    for (gi, g) in groups.iter().enumerate() {
        if covered[gi].is_none() && !open {
            out.push(
                Diagnostic::error(Code::GroupUnscheduled, &g.loc, format!("「{}」没有安排在时间表里", g.name()))
                    .help("在 timetable 的某个时段的 groups 里加上它，或从名单中删除"),
            );
        }
    }
    for (i, j) in overlaps(slots) {
        let (a, b) = (&slots[i], &slots[j]);
        out.push(
            Diagnostic::error(
                Code::SlotOverlap,
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
    changeovers(c, slots, &mut out);
    let tt = timetable(c, slots, &mentions, &college_slots, &index, &mut out);
    (Some(tt), out)
}

/// "2025-04-12 j9-103": where a slot is, as messages name it.
fn day_and_room(s: &ExplicitSlot) -> String {
    format!("{} {}", s.date.value, s.room.value)
}

/// The slots' indices by day and room (as written), each place's in order of start (then as
/// written): every pair of slots that can share a station lies within one run of equal places.
fn by_place(slots: &[ExplicitSlot]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..slots.len()).collect();
    let key = |i: usize| (slots[i].date.value, slots[i].room.value.as_str(), slots[i].start.value, i);
    order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)));
    let place = |i: usize| (slots[i].date.value, slots[i].room.value.as_str());
    order.chunk_by(|&a, &b| place(a) == place(b)).map(<[usize]>::to_vec).collect()
}

/// Every two slots on one day in one room that use a station in common (a slot without `station`
/// takes all of its room's) at overlapping times, as `(i, j)` with `i < j`: ordered by `j`, then
/// `i`, as comparing each slot with those written before it finds them.
///
/// A sweep over each place's slots by start: `O(n log n)` plus the pairs found. The slots it is
/// given end after they start (the parser refuses others: `invalid-session`).
fn overlaps(slots: &[ExplicitSlot]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for place in by_place(slots) {
        // The slots started so far that have not ended, by (end, index): those taking the whole
        // room, those on a station, and those on each station.
        let mut whole: BTreeSet<(Secs, usize)> = BTreeSet::new();
        let mut stationed: BTreeSet<(Secs, usize)> = BTreeSet::new();
        let mut on: HashMap<u32, BTreeSet<(Secs, usize)>> = HashMap::new();
        for &j in &place {
            let b = &slots[j];
            let (start, entry) = (b.start.value, (b.end.value, j));
            let mut found: Vec<usize> = running(&mut whole, start).collect();
            match &b.station {
                None => {
                    found.extend(running(&mut stationed, start));
                    whole.insert(entry);
                }
                Some(st) => {
                    let same = on.entry(st.value).or_default();
                    found.extend(running(same, start));
                    same.insert(entry);
                    stationed.insert(entry);
                }
            }
            pairs.extend(found.into_iter().map(|i| (i.min(j), i.max(j))));
        }
    }
    pairs.sort_unstable_by_key(|&(i, j)| (j, i));
    pairs
}

/// The slots of `set` still running at `t` (ending after it), once those that have ended are
/// dropped.
fn running(set: &mut BTreeSet<(Secs, usize)>, t: Secs) -> impl Iterator<Item = usize> + '_ {
    while set.first().is_some_and(|&(end, _)| end <= t) {
        set.pop_first();
    }
    set.iter().map(|&(_, i)| i)
}

/// A block that follows another on the same station leaves the stated changeover between them
/// (code `slot-changeover`; a warning: the day still works, only tighter than the notice says).
fn changeovers(c: &Capture, slots: &[ExplicitSlot], out: &mut Vec<Diagnostic>) {
    let change = c.changeover_minutes.value * 60;
    if change == 0 {
        return;
    }
    let before = blocks_before(slots);
    for (b, before) in slots.iter().zip(before) {
        let Some(a) = before.map(|i| &slots[i]) else { continue };
        let gap = b.start.value - a.end.value;
        if gap < change {
            out.push(
                Diagnostic::warning(
                    Code::SlotChangeover,
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

/// For each slot, the block ending last before it starts on a station it uses (the first one
/// written when several end together), if any. `O(n log n)`: per place, the slots by (end,
/// index) taking the whole room, on each station, and all of them, searched by halves.
fn blocks_before(slots: &[ExplicitSlot]) -> Vec<Option<usize>> {
    let mut out = vec![None; slots.len()];
    for place in by_place(slots) {
        let mut whole = Vec::new();
        let mut all = Vec::with_capacity(place.len());
        let mut on: HashMap<u32, Vec<(Secs, usize)>> = HashMap::new();
        for &i in &place {
            let entry = (slots[i].end.value, i);
            all.push(entry);
            match &slots[i].station {
                None => whole.push(entry),
                Some(st) => on.entry(st.value).or_default().push(entry),
            }
        }
        for list in [&mut whole, &mut all].into_iter().chain(on.values_mut()) {
            list.sort_unstable();
        }
        for &j in &place {
            let start = slots[j].start.value;
            out[j] = match &slots[j].station {
                None => last_ending(&all, start),
                Some(st) => {
                    let same = on.get(&st.value).map_or(&[][..], Vec::as_slice);
                    last_ending(&whole, start).into_iter().chain(last_ending(same, start)).max_by_key(|&(end, i)| (end, Reverse(i)))
                }
            }
            .map(|(_, i)| i);
        }
    }
    out
}

/// Of `list` (sorted by end, then index), the entry ending last at or before `t`, the lowest index
/// among those ending together.
fn last_ending(list: &[(Secs, usize)], t: Secs) -> Option<(Secs, usize)> {
    let after = list.partition_point(|&(end, _)| end <= t);
    let end = list.get(after.checked_sub(1)?)?.0;
    list.get(list.partition_point(|&(e, _)| e < end)).copied()
}

/// The groups by the names a timetable writes, gathered once: searching the whole list for every
/// name of every slot was quadratic in the slots.
struct GroupIndex<'a> {
    /// Each name's group (a class, or a college without classes): the first written.
    by_name: HashMap<&'a str, usize>,
    /// Each college's groups, in the order written.
    by_college: HashMap<&'a str, Vec<usize>>,
    /// The colleges whose classes are listed.
    with_classes: HashSet<&'a str>,
}

impl<'a> GroupIndex<'a> {
    fn new(groups: &'a [Group]) -> GroupIndex<'a> {
        let with_classes: HashSet<&str> = groups.iter().filter(|g| g.class.is_some()).map(|g| g.college.value.as_str()).collect();
        let mut by_name = HashMap::with_capacity(groups.len());
        let mut by_college: HashMap<&str, Vec<usize>> = HashMap::new();
        for (gi, g) in groups.iter().enumerate() {
            if g.class.is_some() || !with_classes.contains(g.name()) {
                by_name.entry(g.name()).or_insert(gi);
            }
            by_college.entry(g.college.value.as_str()).or_default().push(gi);
        }
        GroupIndex { by_name, by_college, with_classes }
    }

    /// The group a name in a slot names directly: a class, or a college without classes.
    fn named(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    fn has_classes(&self, college: &str) -> bool {
        self.with_classes.contains(college)
    }

    fn members(&self, college: &str) -> &[usize] {
        self.by_college.get(college).map_or(&[], Vec::as_slice)
    }
}

fn twice(out: &mut Vec<Diagnostic>, name: &At<String>, first: &Loc) {
    out.push(
        Diagnostic::error(Code::GroupTwice, &name.loc, format!("「{}」在时间表里安排了两次", name.value))
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
            out.push(Diagnostic::error(Code::SlotUnknownRoom, &s.room.loc, format!("房间「{}」不在 rooms 里", s.room.value)).help(hint));
        }
        Some(room) => {
            // Stations are checked only against a count the notice gives.
            if let (Some(st), Some(count)) = (&s.station, &room.stations) {
                if st.value > count.value {
                    out.push(
                        Diagnostic::error(
                            Code::SlotUnknownStation,
                            &st.loc,
                            format!("{} 只有 {} 个机位，没有第 {} 号", room.name.value, count.value, st.value),
                        )
                        .related(&count.loc, "机位数")
                        .help(format!("station 写 1 到 {}，或增加该房间的 stations", count.value)),
                    );
                }
            }
        }
    }
    let Some(day) = c.days.iter().find(|d| d.date.value == s.date.value) else {
        let list: Vec<String> = c.days.iter().map(|d| d.date.value.to_string()).collect();
        out.push(
            Diagnostic::error(Code::SlotUnknownDay, &s.date.loc, format!("{} 不是采集日", s.date.value))
                .help(format!("采集日为 {}；在 days 里加上这一天，或改正日期", list.join("、"))),
        );
        return;
    };
    let room = c.room(&s.room.value);
    // The room's own hours (its `sessions`) and days, else the day's hours.
    let hours: &[At<Session>] = match room {
        Some(r) => match r.hours_on(day) {
            Some(h) => h,
            None => {
                let list: Vec<String> = r.days.iter().flatten().map(|d| d.value.to_string()).collect();
                let mut d = Diagnostic::error(
                    Code::SlotUnknownDay,
                    &s.date.loc,
                    format!("{} 这天{}不采集：它只在 {} 工作", s.date.value, r.name.value, list.join("、")),
                )
                .help(format!("改成 {} 中的某一天，或换一个房间", list.join("、")));
                if let Some(first) = r.days.iter().flatten().next() {
                    d = d.related(&first.loc, "房间的工作日写在这里");
                }
                out.push(d);
                return;
            }
        },
        None => &day.sessions,
    };
    let own = room.is_some_and(|r| r.sessions.is_some());
    // A day (and room) without hours: nothing else for the slot to fall outside of.
    let inside = hours.is_empty() || hours.iter().any(|x| x.value.start <= s.start.value && s.end.value <= x.value.end);
    if !inside {
        let whose = if own { "房间的时段" } else { "当天的时段" };
        let starts_in = hours.iter().find(|x| x.value.start <= s.start.value && s.start.value < x.value.end);
        let list: Vec<String> = hours.iter().map(|x| x.value.label()).collect();
        let d = match starts_in {
            Some(x) => Diagnostic::error(
                Code::SlotOutsideSession,
                &s.end.loc,
                format!("结束时刻 {} 超出了{whose} {}", hhmm_floor(s.end.value), x.value.label()),
            )
            .help(format!("把结束时刻改到 {} 或更早，或把部分班级移到其他时段", hhmm_floor(x.value.end))),
            None => Diagnostic::error(
                Code::SlotOutsideSession,
                &s.start.loc,
                format!("{}-{} 不在{whose}内", hhmm_floor(s.start.value), hhmm_floor(s.end.value)),
            )
            .help(format!("{whose}是 {}", list.join("、"))),
        };
        let at = match (own, hours.first()) {
            (true, Some(h)) => &h.loc,
            _ => &day.date.loc,
        };
        out.push(d.related(at, format!("{whose}写在这里")));
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
    index: &GroupIndex,
    out: &mut Vec<Diagnostic>,
) -> Timetable {
    let stations_of = |s: &ExplicitSlot| -> Vec<u32> {
        match &s.station {
            Some(st) => vec![st.value],
            None => (1..=c.room(&s.room.value).map_or(1, |r| r.station_count())).collect(),
        }
    };
    // Without `seconds_per_student` no student time is estimated (no rate check, classes share
    // their block's whole time); groups are still spread over a college's blocks by their length.
    let given = c.seconds_per_student.as_ref().map(|r| f64::from(r.value));
    let station_secs: Vec<f64> = slots.iter().map(|s| f64::from(s.end.value - s.start.value) * stations_of(s).len() as f64).collect();
    let heads: f64 = c.groups.iter().map(|g| f64::from(g.headcount().unwrap_or(0))).sum();
    let sps = given.unwrap_or_else(|| if heads > 0.0 { station_secs.iter().sum::<f64>() / heads } else { 20.0 });
    // Student capacity of each slot.
    let cap: Vec<f64> = station_secs.iter().map(|secs| secs / sps).collect();
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
        let members: Vec<&Group> = index.members(college).iter().map(|&gi| &c.groups[gi]).collect();
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
    let mut part: BTreeMap<Colleges, u32> = BTreeMap::new();
    for (i, s) in slots.iter().enumerate() {
        let stations = stations_of(s);
        let per = sps / stations.len() as f64;
        let counted = content[i].iter().all(|x| x.2.is_some());
        let known = counted && given.is_some();
        let total: u32 = content[i].iter().filter_map(|x| x.2).sum();
        let need = (f64::from(total) * per).ceil() as u32;
        let have = s.end.value - s.start.value;
        if known && need > have {
            out.push(
                Diagnostic::error(
                    Code::SlotTooShort,
                    &s.end.loc,
                    format!(
                        "{}-{} 只有 {} 分钟，但 {} 人按每人 {} 秒、{} 个机位需要 {} 分钟",
                        hhmm_floor(s.start.value),
                        hhmm_floor(s.end.value),
                        have / 60,
                        total,
                        sps.round(),
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
                let len = hc.filter(|_| given.is_some()).map(|h| f64::from(h) * per);
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
        let colleges = Colleges(colleges);
        let p = part.entry(colleges.clone()).or_insert(0);
        tt.slots.push(Slot {
            date: s.date.value,
            start: s.start.value,
            end: s.end.value,
            room: s.room.value.clone(),
            station: stations[0],
            stations,
            colleges,
            headcount: if counted && !content[i].is_empty() { Some(total) } else { None },
            classes,
            part: *p,
            open: s.groups.is_empty(),
        });
        *p += 1;
    }
    tt.sort();
    tt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use proptest::prelude::*;

    /// The check as it was: every slot against every one written before it.
    fn naive_overlaps(slots: &[ExplicitSlot]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for j in 0..slots.len() {
            for i in 0..j {
                let (a, b) = (&slots[i], &slots[j]);
                if same_station(a, b) && a.start.value < b.end.value && b.start.value < a.end.value {
                    out.push((i, j));
                }
            }
        }
        out
    }

    /// The changeover's previous block as it was found: a search of every slot.
    fn naive_before(slots: &[ExplicitSlot]) -> Vec<Option<usize>> {
        slots
            .iter()
            .enumerate()
            .map(|(j, b)| {
                slots
                    .iter()
                    .enumerate()
                    .filter(|&(i, a)| i != j && a.end.value <= b.start.value && same_station(a, b))
                    .max_by_key(|&(i, a)| (a.end.value, Reverse(i)))
                    .map(|(i, _)| i)
            })
            .collect()
    }

    fn same_station(a: &ExplicitSlot, b: &ExplicitSlot) -> bool {
        let shared = match (&a.station, &b.station) {
            (Some(x), Some(y)) => x.value == y.value,
            _ => true,
        };
        shared && a.date.value == b.date.value && a.room.value == b.room.value
    }

    /// (day, room, station or none, start and length in quarter hours).
    type Raw = (u8, u8, Option<u8>, u8, u8);

    fn slots(raw: &[Raw]) -> Vec<ExplicitSlot> {
        let file = SourceFile::new("content/notice.md", "");
        raw.iter()
            .enumerate()
            .map(|(k, &(day, room, station, start, len))| {
                let loc = Loc::new(&file, k as u32 + 1, 1, 1);
                let date = chrono::NaiveDate::from_ymd_opt(2025, 4, 12 + u32::from(day)).expect("date");
                let start = 8 * 3600 + u32::from(start) * 900;
                ExplicitSlot {
                    date: At::new(date, loc.clone()),
                    start: At::new(start, loc.clone()),
                    end: At::new(start + u32::from(len) * 900, loc.clone()),
                    room: At::new(format!("j9-{room}"), loc.clone()),
                    station: station.map(|s| At::new(u32::from(s), loc.clone())),
                    groups: Vec::new(),
                    loc: loc.clone(),
                }
            })
            .collect()
    }

    fn raw() -> impl Strategy<Value = Vec<Raw>> {
        proptest::collection::vec((0u8..2, 0u8..3, proptest::option::of(1u8..4), 0u8..24, 1u8..8), 0..60)
    }

    proptest! {
        #[test]
        fn the_sweep_finds_the_overlaps_every_pair_finds(raw in raw()) {
            let s = slots(&raw);
            prop_assert_eq!(overlaps(&s), naive_overlaps(&s));
        }

        #[test]
        fn the_search_finds_the_block_before_every_search_finds(raw in raw()) {
            let s = slots(&raw);
            prop_assert_eq!(blocks_before(&s), naive_before(&s));
        }
    }

    #[test]
    fn many_slots_on_one_station_pair_each_overlap_once() {
        // Three blocks all at once on station 1, one for the whole room: every pair overlaps.
        let s = slots(&[(0, 0, Some(1), 0, 4), (0, 0, Some(1), 1, 4), (0, 0, None, 2, 4), (0, 0, Some(2), 8, 2), (0, 1, None, 0, 4)]);
        assert_eq!(overlaps(&s), vec![(0, 1), (0, 2), (1, 2)]);
        assert_eq!(overlaps(&s), naive_overlaps(&s));
    }
}
