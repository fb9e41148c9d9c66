//! The automatic scheduler (`timetable: auto`).
//!
//! 1. Units: the classes of one college that share the same pins, in roster order.
//! 2. Units pinned to a time window are reserved first (`board`).
//! 3. A binary search finds the earliest latest end (in whole minutes of session time) at which
//!    the packer (`fill`) places every other unit; the packer fills sessions in time order, whole
//!    colleges first, and splits a college only when the spare time cannot absorb a gap.
//! 4. When a unit pinned to a room or a day ends after all free units (`refine`), the pinned
//!    units are reserved where that fill put them and the search runs again for the free units
//!    alone, kept when (latest end, free units' latest end) is lexicographically smaller.
//! 5. The placements become the `Timetable` (`build`); `stats` compares it with the lower bound.

pub mod anchor;
mod board;
mod build;
mod fill;
mod infeasible;
mod model;
mod refine;
mod stats;
mod verify;

pub use anchor::{repair, Anchor, AnchorSlot, Repair};
pub use build::number_parts;
pub use stats::{render_text, stats, Bound, DayStats, PlanStats, StationStats};
pub use verify::verify;

use crate::diag::Diagnostic;
use crate::notice::model::Capture;
use crate::schedule::types::Timetable;
use board::Board;
use fill::{fill, fill_with, Filled, Limit, Tweak};
use model::Problem;

/// Builds the timetable for `timetable: auto`. Errors carry diagnostics in Chinese at the fact to
/// change. Codes: `schedule-infeasible`, `pin-unhonoured`, `pin-unknown-room`,
/// `schedule-headcount-missing`.
pub fn plan(capture: &Capture) -> Result<Timetable, Vec<Diagnostic>> {
    plan_with(capture, true)
}

/// [`plan`] without the improvement search after the binary search: the greedy packer alone,
/// for the benchmark's before-and-after figures.
pub fn plan_greedy(capture: &Capture) -> Result<Timetable, Vec<Diagnostic>> {
    plan_with(capture, false)
}

fn plan_with(capture: &Capture, improving: bool) -> Result<Timetable, Vec<Diagnostic>> {
    let p = model::prepare(capture)?;
    let mut board = Board::new(&p);
    let failed = board::reserve_timed(&p, &mut board);
    if !failed.is_empty() {
        return Err(failed.iter().map(|&u| infeasible::timed_pin(capture, &p, u)).collect());
    }
    let start_lo: Vec<usize> = p.units.iter().map(|u| if u.timed() { u.len() } else { 0 }).collect();
    match search(&p, &board, &start_lo, improving) {
        Ok(filled) => {
            let mut all = board.placements.clone();
            all.extend(filled.placements);
            let all = refine::free_first(&p, &board, &start_lo, all, improving);
            Ok(build::timetable(capture, &p, &all))
        }
        Err(filled) => Err(infeasible::report(capture, &p, &filled)),
    }
}

/// The fill with the earliest latest end: a binary search over the minutes of session time.
fn search(p: &Problem, board: &Board, start_lo: &[usize], improving: bool) -> Result<Filled, Filled> {
    let Some(last) = p.sessions.len().checked_sub(1) else {
        return Err(fill(p, board, start_lo, Limit { sess: 0, at: 0 }));
    };
    let full = fill(p, board, start_lo, Limit { sess: last, at: p.sessions[last].end });
    if !full.complete() {
        return Err(full);
    }
    if start_lo.iter().zip(&p.units).all(|(&lo, u)| lo >= u.len()) {
        return Ok(full);
    }
    let total: u32 = p.sessions.iter().map(|s| s.minutes()).sum();
    let (mut lo, mut hi) = (1u32, total);
    let mut best = full;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let f = fill(p, board, start_lo, limit_at(p, mid));
        if f.complete() {
            hi = mid;
            best = f;
        } else {
            lo = mid + 1;
        }
    }
    Ok(if improving { improve(p, board, start_lo, best, hi) } else { best })
}

/// After the binary search: the packer with varied choices (another order of the colleges,
/// another rationing of spare time), a minute earlier each time one fills completely, then at
/// that end for fewer blocks. A fixed number of fills, so the plan is the same on every machine:
/// 256 for a school's notice, 200,000 divided by the classes for large ones, at least 20.
fn improve(p: &Problem, board: &Board, start_lo: &[usize], mut best: Filled, mut k: u32) -> Filled {
    const SPREAD: [u64; 4] = [0, 15, 40, 100];
    const RATION: [i64; 5] = [4, 2, 8, 0, 16];
    let groups: usize = p.units.iter().map(|u| u.len()).sum();
    let budget = (200_000 / groups.max(1)).clamp(20, 256) as u64;
    let stations = p.stations.len().max(1) as u64;
    // No plan ends before the work, spread over every station, is done.
    let floor = u32::try_from(p.work().div_ceil(60 * stations)).unwrap_or(u32::MAX).max(1);
    let mut pieces = best.pieces();
    for t in 1..=budget {
        let tw = Tweak { salt: t, spread: SPREAD[t as usize % 4], ration: RATION[(t as usize / 4) % 5] };
        if k > floor {
            let f = fill_with(p, board, start_lo, limit_at(p, k - 1), tw);
            if f.complete() {
                k -= 1;
                pieces = f.pieces();
                best = f;
            }
        } else {
            let f = fill_with(p, board, start_lo, limit_at(p, k), tw);
            if f.complete() && f.pieces() < pieces {
                pieces = f.pieces();
                best = f;
            }
        }
    }
    best
}

/// The point `k` minutes into the session time (counted over all sessions in order).
fn limit_at(p: &Problem, k: u32) -> Limit {
    let mut before = 0;
    for (j, s) in p.sessions.iter().enumerate() {
        let m = s.minutes();
        if k <= before + m {
            return Limit { sess: j, at: s.start + (k - before) * 60 };
        }
        before += m;
    }
    let last = p.sessions.len().saturating_sub(1);
    Limit { sess: last, at: p.sessions.get(last).map_or(0, |s| s.end) }
}

#[cfg(test)]
mod tests;
