//! The second level of the objective: once the latest end is fixed, the units that are free to
//! move (no pin at all) must still end as early as possible.
//!
//! The first search minimises the latest end of everything the packer places, pinned to a room
//! or a day included. When such a pin forces a late end (a class pinned to the second day), the
//! search stops there and the free work before it is packed loosely: the first stations fill
//! their sessions up to that end while the others stay short. Here the units pinned to a room
//! or a day are reserved where the first fill put them (moved up to the start of their free
//! stretch, keeping station and session, so their pins still hold), and the search runs again
//! for the free units alone. The result is kept only when it is lexicographically better:
//! (latest end, latest end of the free units).

use super::board::{Board, Placement};
use super::model::{ceil_min, Problem};
use super::search;
use crate::base::time::Secs;

/// When a block ends: (session, seconds since midnight).
type End = (usize, u64);

/// The latest end of all placements and of the placements of free units.
fn ends(p: &Problem, placements: &[Placement]) -> (Option<End>, Option<End>) {
    let mut all: Option<End> = None;
    let mut free: Option<End> = None;
    for pl in placements.iter().filter(|pl| pl.hi > pl.lo) {
        let unit = &p.units[pl.unit];
        let e = (pl.sess, u64::from(pl.start) + unit.secs(pl.lo, pl.hi));
        all = all.max(Some(e));
        if !unit.timed() && !unit.restricted() {
            free = free.max(Some(e));
        }
    }
    (all, free)
}

/// Returns the placements of `first` or, when reserving the units pinned to a room or a day and
/// packing the free units again ends the free work earlier (and nothing later), the new ones.
pub(crate) fn free_first(p: &Problem, board: &Board, start_lo: &[usize], first: Vec<Placement>, improving: bool) -> Vec<Placement> {
    let (all1, free1) = ends(p, &first);
    // Only when something pinned ends after the free work is there room to improve: otherwise
    // the latest end, which the search minimised, is the free work's own.
    if free1.is_none() || free1 >= all1 {
        return first;
    }
    let Some(board2) = reserve_restricted(p, board, &first) else {
        return first;
    };
    let lo2: Vec<usize> = p.units.iter().zip(start_lo).map(|(u, &lo)| if u.restricted() { u.len() } else { lo }).collect();
    let Ok(filled) = search(p, &board2, &lo2, improving) else {
        return first;
    };
    let mut second = board2.placements;
    second.extend(filled.placements);
    let (all2, free2) = ends(p, &second);
    if (all2, free2) < (all1, free1) {
        second
    } else {
        first
    }
}

/// A board with the blocks of units pinned to a room or a day reserved, each free stretch's
/// pinned blocks laid back to back from the stretch's start in their order. `None` if a block
/// lies outside every free stretch (which the packer never produces).
fn reserve_restricted(p: &Problem, board: &Board, placements: &[Placement]) -> Option<Board> {
    let mut pinned: Vec<Placement> =
        placements.iter().copied().filter(|pl| pl.hi > pl.lo && p.units[pl.unit].restricted() && !p.units[pl.unit].timed()).collect();
    pinned.sort_by_key(|pl| (pl.station, pl.sess, pl.start, pl.unit, pl.lo));
    let change = u64::from(p.change_secs());
    let mut out = board.clone();
    let mut i = 0;
    while i < pinned.len() {
        let (s, j) = (pinned[i].station, pinned[i].sess);
        let stretches = board.free(p, s, j, p.sessions[j].end);
        let start = pinned[i].start;
        let &(a, b) = stretches.iter().find(|&&(a, b)| a <= start && start < b)?;
        let mut cursor = u64::from(a);
        while i < pinned.len() && (pinned[i].station, pinned[i].sess) == (s, j) && pinned[i].start < b {
            let pl = pinned[i];
            let secs = p.units[pl.unit].secs(pl.lo, pl.hi);
            let end = cursor + secs;
            if end > u64::from(b) {
                return None;
            }
            out.reserve(Placement { start: cursor as Secs, ..pl }, end as Secs);
            cursor += ceil_min(secs) + change;
            i += 1;
        }
    }
    Some(out)
}
