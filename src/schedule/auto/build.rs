//! From placements to the `Timetable`: blocks of one college that end up next to each other on
//! a station are joined, classes get their exact sub-slots, blocks get their part numbers.

use super::board::Placement;
use super::model::Problem;
use crate::base::time::Secs;
use crate::notice::model::Capture;
use crate::schedule::types::{ClassSlot, Colleges, Slot, Timetable};
use std::collections::BTreeMap;

/// A block being built: consecutive groups of one college, from `start`.
struct Block {
    station: usize,
    sess: usize,
    start: Secs,
    college: usize,
    /// (unit, group index within the unit), in the order they are photographed.
    groups: Vec<(usize, usize)>,
    whole_college: bool,
}

pub(crate) fn timetable(capture: &Capture, p: &Problem, placements: &[Placement]) -> Timetable {
    let mut sorted: Vec<Placement> = placements.iter().copied().filter(|pl| pl.hi > pl.lo).collect();
    sorted.sort_by_key(|pl| (pl.station, pl.sess, pl.start, pl.unit, pl.lo));

    let mut blocks: Vec<Block> = Vec::new();
    for pl in sorted {
        let unit = &p.units[pl.unit];
        let whole_college = unit.groups[pl.lo..pl.hi].iter().any(|&g| capture.groups[g].class.is_none());
        if let Some(prev) = blocks.last_mut() {
            if can_join(p, prev, &pl, whole_college) {
                prev.groups.extend((pl.lo..pl.hi).map(|i| (pl.unit, i)));
                continue;
            }
        }
        blocks.push(Block {
            station: pl.station,
            sess: pl.sess,
            start: pl.start,
            college: unit.college,
            groups: (pl.lo..pl.hi).map(|i| (pl.unit, i)).collect(),
            whole_college,
        });
    }

    let mut tt = Timetable::default();
    for b in blocks {
        let st = &p.stations[b.station];
        let se = &p.sessions[b.sess];
        let mut t = u64::from(b.start);
        let mut classes = Vec::new();
        let mut heads = 0u32;
        for &(u, i) in &b.groups {
            let g = &capture.groups[p.units[u].groups[i]];
            let h = g.headcount().unwrap_or(0);
            heads = heads.saturating_add(h);
            let d = p.units[u].secs(i, i + 1);
            classes.push(ClassSlot { name: g.name().to_string(), headcount: Some(h), start: t as Secs, end: (t + d) as Secs });
            t += d;
        }
        tt.slots.push(Slot {
            date: se.date,
            start: b.start,
            end: t as Secs,
            room: capture.rooms[st.room].id.value.clone(),
            station: st.no,
            stations: vec![st.no],
            colleges: Colleges::one(p.colleges[b.college].clone()),
            headcount: Some(heads),
            classes: if b.whole_college { Vec::new() } else { classes },
            part: 0,
            open: false,
        });
    }
    tt.sort();
    number_parts(&mut tt);
    tt
}

/// A placement joins the block before it when both are classes of the same college on the same
/// station and session, and moving it up to right after that block breaks none of its pins.
fn can_join(p: &Problem, prev: &Block, pl: &Placement, whole_college: bool) -> bool {
    if prev.station != pl.station || prev.sess != pl.sess || whole_college || prev.whole_college {
        return false;
    }
    let unit = &p.units[pl.unit];
    if unit.college != prev.college {
        return false;
    }
    let prev_end = u64::from(prev.start) + prev.groups.iter().map(|&(u, i)| p.units[u].secs(i, i + 1)).sum::<u64>();
    if prev_end > u64::from(pl.start) {
        return false;
    }
    // Moving earlier keeps every `not_after`; `not_before` must still hold for the first group.
    unit.not_before.is_none_or(|nb| prev_end >= u64::from(nb))
}

/// Numbers the blocks of each college in time order: 0, 1, 2, ...
pub fn number_parts(tt: &mut Timetable) {
    let mut next: BTreeMap<Colleges, u32> = BTreeMap::new();
    for s in &mut tt.slots {
        let n = next.entry(s.colleges.clone()).or_insert(0);
        s.part = *n;
        *n += 1;
    }
}
