//! Re-scheduling anchored to a release: once a timetable is published, classes have planned their
//! day around it, so a later change to the notice repairs the released timetable locally instead
//! of planning from scratch.
//!
//! - A class keeps its released station, day and start when it still can; a removed class leaves
//!   its gap.
//! - On each station and session, classes are laid in their released order, each at its released
//!   start or right after the class before it, whichever is later: a grown class pushes only the
//!   later classes of its own station and session, each by no more than the growth.
//! - When a session would overrun (or a `not_after` pin would break), as few classes as possible
//!   leave it, preferring the choice that shifts the fewest others.
//! - Those classes, added classes, and classes whose station, session or day no longer exists or
//!   whose pins no longer hold there go into a gap or a session's tail, where they end earliest
//!   (next to their own college when that costs nothing).
//!
//! Everything is in groups (roster rows); the planner works on its own lanes (station × session),
//! not on the `Timetable` it writes at the end.

use super::model::{ceil_min, Problem, Sess};
use super::{model, plan};
use crate::base::time::{hhmm_floor, Secs};
use crate::diag::Diagnostic;
use crate::notice::model::Capture;
use crate::schedule::types::{ClassSlot, Slot, Timetable};
use crate::schedule::Shown;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Where one group was in the released timetable, as published (whole minutes: the start as
/// shown, rounded down; the end as shown, rounded up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorSlot {
    pub date: NaiveDate,
    /// Room id.
    pub room: String,
    /// Station number, from 1.
    pub station: u32,
    pub start: Secs,
    pub end: Secs,
}

/// The released timetable by group name: the class name, or for a group that is a whole
/// college, the college name (`学院（第N段）` when the college had several blocks).
pub type Anchor = BTreeMap<String, AnchorSlot>;

/// A later end than a fresh plan's by more than this makes the repair offer the fresh plan.
pub const FRESH_SLACK_SECS: u64 = 5 * 60;

/// The fresh plan, when it ends more than [`FRESH_SLACK_SECS`] earlier than the repair.
#[derive(Debug, Clone, PartialEq)]
pub struct FreshOffer {
    /// Groups whose place or shown time the fresh plan changes against the release.
    pub changes: usize,
    /// Latest ends, as shown: the repair's and the fresh plan's.
    pub repair_end: (NaiveDate, String),
    pub fresh_end: (NaiveDate, String),
}

/// One group that changed against the release.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub name: String,
    /// `None` for a group the release did not have.
    pub before: Option<AnchorSlot>,
    pub after: AnchorSlot,
}

/// The repaired timetable and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Repair {
    pub timetable: Timetable,
    /// Groups whose place or shown time changed (added groups included), in roster order.
    pub changed: Vec<Moved>,
    /// Of those, the released groups moved to another station, room, day or session.
    pub moved: Vec<String>,
    pub fresh: Option<FreshOffer>,
    /// The repair could not place every group, so this is the fresh plan.
    pub fell_back: bool,
}

/// A group on a lane.
#[derive(Debug, Clone, Copy)]
struct Item {
    g: usize,
    unit: usize,
    college: usize,
    whole: bool,
    dur: u64,
    /// The released start (whole minute) and shown end, for groups laid where they were.
    want: u64,
    old_end: u64,
    start: u64,
}

/// Repairs the released timetable for the capture as it is now.
pub fn repair(capture: &Capture, anchor: &Anchor) -> Result<Repair, Vec<Diagnostic>> {
    let p = model::prepare(capture)?;
    let fresh = plan(capture);
    let Some(lanes) = lay_out(capture, &p, anchor) else {
        let tt = fresh?;
        return Ok(finish(capture, &p, anchor, tt, None, true));
    };
    let tt = to_timetable(capture, &p, &lanes);
    let offer = match &fresh {
        Ok(f) => {
            let (a, b) = (end_offset(&p, &tt), end_offset(&p, f));
            (a > b + FRESH_SLACK_SECS).then(|| FreshOffer {
                changes: changes(capture, anchor, f).len(),
                repair_end: shown_end(&tt),
                fresh_end: shown_end(f),
            })
        }
        Err(_) => None,
    };
    Ok(finish(capture, &p, anchor, tt, offer, false))
}

fn finish(capture: &Capture, p: &Problem, anchor: &Anchor, tt: Timetable, fresh: Option<FreshOffer>, fell_back: bool) -> Repair {
    let changed = changes(capture, anchor, &tt);
    let session = |a: &AnchorSlot| p.sessions.iter().position(|se| se.date == a.date && se.start <= a.start && a.start < se.end);
    let moved = changed
        .iter()
        .filter_map(|m| {
            let b = m.before.as_ref()?;
            let elsewhere = b.date != m.after.date || b.room != m.after.room || b.station != m.after.station;
            // Laid where it was, a group never starts before its released minute (less the lock's
            // minute precision): earlier than that, it was taken out of an overrunning lane and
            // put into a gap before, and its students must be told to come earlier.
            let earlier = u64::from(m.after.start) + 60 < u64::from(b.start);
            (elsewhere || earlier || session(b) != session(&m.after)).then(|| m.name.clone())
        })
        .collect();
    Repair { timetable: tt, changed, moved, fresh, fell_back }
}

/// The anchor key of every group: class name, or college name for a whole-college group (with
/// `（第N段）` when its college has several blocks in the release).
fn keys(capture: &Capture, anchor: &Anchor) -> Vec<String> {
    let mut nth: BTreeMap<&str, u32> = BTreeMap::new();
    capture
        .groups
        .iter()
        .map(|g| match &g.class {
            Some(c) => c.value.clone(),
            None => {
                let n = nth.entry(g.college.value.as_str()).or_insert(0);
                *n += 1;
                let plain = g.college.value.clone();
                let parted = format!("{}（第{}段）", g.college.value, n);
                if *n == 1 && anchor.contains_key(&plain) {
                    plain
                } else {
                    parted
                }
            }
        })
        .collect()
}

/// Groups whose place or shown time differs from the release, in roster order.
pub fn changes(capture: &Capture, anchor: &Anchor, tt: &Timetable) -> Vec<Moved> {
    let now = places(tt);
    let mut out = Vec::new();
    for (g, key) in capture.groups.iter().zip(keys(capture, anchor)) {
        let name = g.name();
        let Some(after) = now.get(&(g.college.value.clone(), g.class.as_ref().map(|c| c.value.clone()))).and_then(|v| v.first()) else {
            continue;
        };
        let before = anchor.get(&key);
        if before != Some(after) {
            out.push(Moved { name: name.to_string(), before: before.cloned(), after: after.clone() });
        }
    }
    out
}

/// A group's place in a slot, as shown (the minutes every output gives it).
fn shown_place(s: &Slot, start: Secs, end: Secs) -> AnchorSlot {
    let shown = Shown::new(start, end, None);
    AnchorSlot { date: s.date, room: s.room.clone(), station: s.station, start: shown.start, end: shown.end }
}

/// Every group's place in a timetable, as shown: by (college, class), in time order.
fn places(tt: &Timetable) -> BTreeMap<(String, Option<String>), Vec<AnchorSlot>> {
    let mut out: BTreeMap<(String, Option<String>), Vec<AnchorSlot>> = BTreeMap::new();
    for s in &tt.slots {
        let at = |start: Secs, end: Secs| shown_place(s, start, end);
        if s.classes.is_empty() {
            out.entry((s.colleges.label(), None)).or_default().push(at(s.start, s.end));
        }
        for c in &s.classes {
            out.entry((s.colleges.label(), Some(c.name.clone()))).or_default().push(at(c.start, c.end));
        }
    }
    out
}

/// Seconds of session time up to the timetable's latest end.
fn end_offset(p: &Problem, tt: &Timetable) -> u64 {
    let Some(last) = tt.slots.iter().map(|s| (s.date, s.end)).max() else { return 0 };
    p.sessions
        .iter()
        .map(|s| {
            if (s.date, s.end) <= last {
                u64::from(s.end - s.start)
            } else if s.date == last.0 && s.start < last.1 {
                u64::from(last.1 - s.start)
            } else {
                0
            }
        })
        .sum()
}

fn shown_end(tt: &Timetable) -> (NaiveDate, String) {
    tt.slots.iter().map(|s| (s.date, s.end)).max().map_or((NaiveDate::MIN, String::new()), |(d, e)| (d, hhmm_floor(e)))
}

/// The lanes (station × session) of the repaired plan, or `None` when some group has no place.
fn lay_out(capture: &Capture, p: &Problem, anchor: &Anchor) -> Option<Vec<Vec<Item>>> {
    let nsess = p.sessions.len();
    let keys = keys(capture, anchor);
    let mut unit_of = vec![None; capture.groups.len()];
    for (u, unit) in p.units.iter().enumerate() {
        for &g in &unit.groups {
            unit_of[g] = Some(u);
        }
    }
    let mut lanes: Vec<Vec<Item>> = vec![Vec::new(); p.stations.len() * nsess];
    let mut pool: Vec<Item> = Vec::new();
    let mut unanchored = 0usize;
    for (g, grp) in capture.groups.iter().enumerate() {
        let u = unit_of[g]?;
        let unit = &p.units[u];
        let i = unit.groups.iter().position(|&x| x == g)?;
        let mut it =
            Item { g, unit: u, college: unit.college, whole: grp.class.is_none(), dur: unit.secs(i, i + 1), want: 0, old_end: 0, start: 0 };
        match anchor.get(&keys[g]).and_then(|a| locate(capture, p, a).map(|l| (a, l))) {
            Some((a, (s, j))) if unit.fits(&p.stations[s], &p.sessions[j]) => {
                it.want = u64::from(a.start);
                it.old_end = u64::from(a.end);
                lanes[s * nsess + j].push(it);
            }
            found => {
                unanchored += usize::from(found.is_none() && !anchor.contains_key(&keys[g]));
                pool.push(it);
            }
        }
    }
    // A release of another roster altogether: a fresh plan is the honest answer.
    if unanchored * 2 > capture.groups.len() {
        return None;
    }
    for (li, lane) in lanes.iter_mut().enumerate() {
        lane.sort_by_key(|it| (it.want, it.g));
        let se = p.sessions[li % nsess];
        pool.extend(settle(p, &se, lane));
    }
    pool.sort_by_key(|it| (std::cmp::Reverse(it.dur), it.g));
    for it in pool {
        insert(p, &mut lanes, it)?;
    }
    Some(lanes)
}

/// The station and session a released place falls in now: the session of that day holding its
/// start, else the one it overlaps most.
fn locate(capture: &Capture, p: &Problem, a: &AnchorSlot) -> Option<(usize, usize)> {
    let room = capture.rooms.iter().position(|r| r.id.value == a.room)?;
    let s = p.stations.iter().position(|st| st.room == room && st.no == a.station)?;
    let on_day = || p.sessions.iter().enumerate().filter(|(_, se)| se.date == a.date);
    let j = on_day().find(|(_, se)| se.start <= a.start && a.start < se.end).map(|(j, _)| j).or_else(|| {
        on_day().map(|(j, se)| (se.end.min(a.end).saturating_sub(se.start.max(a.start)), j)).filter(|&(o, _)| o > 0).max().map(|(_, j)| j)
    })?;
    Some((s, j))
}

/// Lays a lane's groups in order, each at its wanted start or right after the one before.
/// `Err(i)`: group `i` overruns the session or its `not_after`.
fn lay(p: &Problem, se: &Sess, items: &mut [Item]) -> Result<(), usize> {
    let change = u64::from(p.change_secs());
    let mut prev: Option<Item> = None;
    for (i, it) in items.iter_mut().enumerate() {
        let unit = &p.units[it.unit];
        let nb = unit.not_before.map_or(0, |t| ceil_min(u64::from(t)));
        let joins = |pr: &Item| pr.college == it.college && !pr.whole && !it.whole;
        let earliest = match &prev {
            None => u64::from(se.start),
            Some(pr) if joins(pr) => pr.start + pr.dur,
            Some(pr) => ceil_min(pr.start + pr.dur) + change,
        };
        let mut s = earliest.max(it.want).max(nb);
        if !prev.as_ref().is_some_and(|pr| joins(pr) && s == pr.start + pr.dur) {
            s = ceil_min(s);
        }
        let end = s + it.dur;
        if end > u64::from(se.end) || unit.not_after.is_some_and(|na| end > u64::from(na)) {
            return Err(i);
        }
        it.start = s;
        prev = Some(*it);
    }
    Ok(())
}

/// Groups of a lane whose shown times differ from the release.
fn shifted(items: &[Item]) -> usize {
    items.iter().filter(|it| floor_min(it.start) != it.want || ceil_min(it.start + it.dur) != it.old_end).count()
}

fn floor_min(s: u64) -> u64 {
    s / 60 * 60
}

/// Lays a lane; when it overruns, takes out as few groups as possible (among equals, the
/// choice that shifts the fewest others, then the later group). Returns the groups taken out.
fn settle(p: &Problem, se: &Sess, lane: &mut Vec<Item>) -> Vec<Item> {
    let mut out = Vec::new();
    loop {
        let Err(fail) = lay(p, se, lane) else { return out };
        let mut best: Option<(usize, usize)> = None;
        for i in 0..lane.len() {
            let mut rest: Vec<Item> = lane.iter().enumerate().filter(|&(k, _)| k != i).map(|(_, it)| *it).collect();
            if lay(p, se, &mut rest).is_ok() {
                let cost = shifted(&rest);
                if best.is_none_or(|(c, _)| cost <= c) {
                    best = Some((cost, i));
                }
            }
        }
        let i = best.map_or(fail, |(_, i)| i);
        out.push(lane.remove(i));
        if best.is_some() {
            lay(p, se, lane).ok();
            return out;
        }
    }
}

/// Puts a group into the gap or session tail where the plan's latest end grows least; among
/// equals, next to its own college, then earliest.
fn insert(p: &Problem, lanes: &mut [Vec<Item>], mut it: Item) -> Option<()> {
    let nsess = p.sessions.len();
    let change = u64::from(p.change_secs());
    let unit = &p.units[it.unit];
    let nb = unit.not_before.map_or(0, |t| ceil_min(u64::from(t)));
    let na = unit.not_after.map_or(u64::MAX, u64::from);
    // The plan's latest end as (session, seconds).
    let latest = lanes.iter().enumerate().filter_map(|(li, l)| l.last().map(|x| (li % nsess, x.start + x.dur))).max().unwrap_or((0, 0));
    type Key = ((usize, u64), bool, usize, u64, usize);
    let mut best: Option<(Key, usize, usize, u64)> = None;
    for (li, lane) in lanes.iter().enumerate() {
        let (s, j) = (li / nsess, li % nsess);
        let se = &p.sessions[j];
        if !unit.fits(&p.stations[s], se) {
            continue;
        }
        for k in 0..=lane.len() {
            let prev = k.checked_sub(1).map(|x| &lane[x]);
            let next = lane.get(k);
            let joins = |o: &Item| o.college == it.college && !o.whole && !it.whole;
            // Never between two classes of one block: the second would start off the minute.
            if let (Some(a), Some(b)) = (prev, next) {
                if a.college == b.college && !a.whole && !b.whole && a.start + a.dur == b.start {
                    continue;
                }
            }
            let earliest = match prev {
                None => u64::from(se.start),
                Some(a) if joins(a) => a.start + a.dur,
                Some(a) => ceil_min(a.start + a.dur) + change,
            };
            let mut start = earliest.max(nb);
            let joined_prev = prev.is_some_and(|a| joins(a) && start == a.start + a.dur);
            if !joined_prev {
                start = ceil_min(start);
            }
            let end = start + it.dur;
            let limit = match next {
                None => u64::from(se.end),
                Some(b) if joins(b) => b.start,
                Some(b) => b.start.saturating_sub(change),
            };
            let fits_next = match next {
                Some(b) if !joins(b) => ceil_min(end) <= limit,
                _ => end <= limit,
            };
            if !fits_next || end > u64::from(se.end) || end > na {
                continue;
            }
            let joined = joined_prev || next.is_some_and(|b| joins(b) && end == b.start);
            let key: Key = (latest.max((j, end)), !joined, j, start, s);
            if best.as_ref().is_none_or(|(bk, ..)| key < *bk) {
                best = Some((key, li, k, start));
            }
        }
    }
    let (_, li, k, start) = best?;
    it.start = start;
    lanes[li].insert(k, it);
    Some(())
}

/// The lanes as a timetable: groups of one college back to back on a lane form a block.
fn to_timetable(capture: &Capture, p: &Problem, lanes: &[Vec<Item>]) -> Timetable {
    let nsess = p.sessions.len();
    let mut tt = Timetable::default();
    for (li, lane) in lanes.iter().enumerate() {
        let (st, se) = (&p.stations[li / nsess], &p.sessions[li % nsess]);
        let mut i = 0;
        while i < lane.len() {
            let mut k = i + 1;
            while k < lane.len()
                && !lane[i].whole
                && !lane[k].whole
                && lane[k].college == lane[i].college
                && lane[k].start == lane[k - 1].start + lane[k - 1].dur
            {
                k += 1;
            }
            let run = &lane[i..k];
            let classes: Vec<ClassSlot> = run
                .iter()
                .map(|it| {
                    let g = &capture.groups[it.g];
                    ClassSlot {
                        name: g.name().to_string(),
                        headcount: g.headcount(),
                        start: it.start as Secs,
                        end: (it.start + it.dur) as Secs,
                    }
                })
                .collect();
            let last = run[run.len() - 1];
            tt.slots.push(Slot {
                date: se.date,
                start: run[0].start as Secs,
                end: (last.start + last.dur) as Secs,
                room: capture.rooms[st.room].id.value.clone(),
                station: st.no,
                stations: vec![st.no],
                colleges: crate::schedule::types::Colleges::one(p.colleges[run[0].college].clone()),
                headcount: Some(run.iter().map(|it| capture.groups[it.g].headcount().unwrap_or(0)).sum()),
                classes: if run[0].whole { Vec::new() } else { classes },
                part: 0,
                open: false,
            });
            i = k;
        }
    }
    tt.sort();
    super::number_parts(&mut tt);
    tt
}

/// A timetable as the anchor a release of it gives (the keys `release::snapshot` uses).
pub fn from_timetable(tt: &Timetable) -> Anchor {
    let mut out = Anchor::new();
    for s in &tt.slots {
        let at = |start: Secs, end: Secs| shown_place(s, start, end);
        if s.classes.is_empty() {
            let key = if s.part > 0 || tt.slots.iter().filter(|o| o.colleges == s.colleges).count() > 1 {
                format!("{}（第{}段）", s.colleges.label(), s.part + 1)
            } else {
                s.colleges.label()
            };
            out.insert(key, at(s.start, s.end));
        }
        for c in &s.classes {
            out.insert(c.name.clone(), at(c.start, c.end));
        }
    }
    out
}

/// A released place as text, for the change list: `2025-04-12 j9-103#2 08:30–09:12`.
pub fn describe(a: &AnchorSlot) -> String {
    format!("{} {}#{} {}–{}", a.date, a.room, a.station, hhmm_floor(a.start), hhmm_floor(a.end))
}
