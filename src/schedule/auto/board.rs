//! Placements and the board of reserved blocks: units pinned to a time window are placed first,
//! and the fill packs everything else into the free stretches around them.

use super::model::{ceil_min, Problem, Unit};
use crate::base::time::Secs;

/// One block on one station: the groups `lo..hi` of `unit`, back to back from `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placement {
    pub station: usize,
    pub sess: usize,
    pub start: Secs,
    pub unit: usize,
    pub lo: usize,
    pub hi: usize,
}

/// Reserved blocks per station and session, each list sorted by start.
#[derive(Debug, Clone)]
pub(crate) struct Board {
    nsess: usize,
    res: Vec<Vec<(Secs, Secs)>>,
    pub placements: Vec<Placement>,
}

impl Board {
    pub fn new(p: &Problem) -> Board {
        Board { nsess: p.sessions.len(), res: vec![Vec::new(); p.stations.len() * p.sessions.len()], placements: Vec::new() }
    }

    fn at(&self, station: usize, sess: usize) -> &[(Secs, Secs)] {
        &self.res[station * self.nsess + sess]
    }

    /// Seconds reserved on a station in a session.
    fn load(&self, station: usize, sess: usize) -> u32 {
        self.at(station, sess).iter().map(|(a, b)| b - a).sum()
    }

    /// Free stretches `(a, b)` of a station's session up to `limit`: a block may start at `a`
    /// (a whole minute) and must end by `b`, changeovers to reserved neighbours included.
    /// Only the stretches the station's room works in the session ([`Problem::window`]).
    pub fn free(&self, p: &Problem, station: usize, sess: usize, limit: Secs) -> Vec<(Secs, Secs)> {
        let c = p.change_secs();
        let mut out = Vec::new();
        for &(ws, we) in p.window(station, sess) {
            let end = we.min(limit);
            let mut a = ws;
            for &(rs, re) in self.at(station, sess) {
                let b = rs.saturating_sub(c).min(end);
                if b > a {
                    out.push((a, b));
                }
                let next = (ceil_min(u64::from(re)) as Secs).saturating_add(c);
                a = a.max(next);
            }
            if end > a {
                out.push((a, end));
            }
        }
        out
    }

    pub(crate) fn reserve(&mut self, pl: Placement, end: Secs) {
        let list = &mut self.res[pl.station * self.nsess + pl.sess];
        let at = list.partition_point(|&(s, _)| s < pl.start);
        list.insert(at, (pl.start, end));
        self.placements.push(pl);
    }
}

/// Places every unit pinned to a time window, tightest window first. Returns the units that
/// could not be placed (their pins cannot be honoured).
pub(crate) fn reserve_timed(p: &Problem, board: &mut Board) -> Vec<usize> {
    let mut timed: Vec<usize> = (0..p.units.len()).filter(|&u| p.units[u].timed()).collect();
    timed.sort_by_key(|&u| {
        let x = &p.units[u];
        let window = x.not_after.unwrap_or(24 * 3600).saturating_sub(x.not_before.unwrap_or(0));
        (x.date.is_none(), window, x.room.is_none(), x.groups[0])
    });
    let mut failed = Vec::new();
    for u in timed {
        let unit = &p.units[u];
        let mut lo = 0;
        while lo < unit.len() {
            // The longest run of groups from `lo` that fits somewhere; the earliest place for it.
            let found = (lo + 1..=unit.len()).rev().find_map(|hi| earliest(p, board, unit, u, lo, hi));
            match found {
                Some(pl) => {
                    let end = pl.start + unit.secs(pl.lo, pl.hi) as Secs;
                    lo = pl.hi;
                    board.reserve(pl, end);
                }
                None => {
                    failed.push(u);
                    break;
                }
            }
        }
    }
    failed
}

/// The earliest place for groups `lo..hi` of a timed unit: first session in time order, then the
/// station with the least reserved time; inside the window, flush to a free stretch's edge when
/// possible so the stretch around it stays whole.
fn earliest(p: &Problem, board: &Board, unit: &Unit, u: usize, lo: usize, hi: usize) -> Option<Placement> {
    let dur = unit.secs(lo, hi);
    let nb = unit.not_before.map_or(0, |t| ceil_min(u64::from(t)) as Secs);
    let na = unit.not_after.unwrap_or(Secs::MAX);
    for (j, se) in p.sessions.iter().enumerate() {
        let mut order: Vec<usize> = (0..p.stations.len()).filter(|&s| unit.fits(&p.stations[s], se)).collect();
        order.sort_by_key(|&s| (board.load(s, j), s));
        for s in order {
            for (a, b) in board.free(p, s, j, se.end) {
                let lo_t = a.max(nb);
                let hi_t = b.min(na);
                if hi_t < lo_t || u64::from(hi_t - lo_t) < dur {
                    continue;
                }
                let start = if lo_t == a {
                    a
                } else if hi_t == b {
                    ((u64::from(b) - dur) / 60 * 60) as Secs
                } else {
                    lo_t
                };
                return Some(Placement { station: s, sess: j, start, unit: u, lo, hi });
            }
        }
    }
    None
}
