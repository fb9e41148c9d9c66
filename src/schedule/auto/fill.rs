//! The packer: fills the free stretches of every station, session by session in time order, up
//! to a limit on the latest end. Whole colleges first (a subset-sum fill per stretch); a college
//! is split only when the spare time left for the rest of the plan cannot absorb the gap, and
//! its remainder continues on the same station in the next session.

use super::board::{Board, Placement};
use super::model::{ceil_min, Problem, Unit};
use crate::base::time::Secs;
use std::cmp::Reverse;

/// Fill only up to session `sess`, ending by `at` (seconds since midnight, a whole minute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limit {
    pub sess: usize,
    pub at: Secs,
}

#[derive(Debug, Clone)]
pub(crate) struct Filled {
    pub placements: Vec<Placement>,
    /// Units with groups left over, and the seconds of work left.
    pub unplaced: Vec<usize>,
    pub unplaced_secs: u64,
}

impl Filled {
    pub fn complete(&self) -> bool {
        self.unplaced.is_empty()
    }
    /// Blocks placed (pieces of colleges), the measure of splits among fills of one end.
    pub fn pieces(&self) -> usize {
        self.placements.iter().filter(|pl| pl.hi > pl.lo).count()
    }
}

/// Minutes a block of `secs` costs in a stretch: its whole minutes plus the changeover after it.
/// A stretch of `m` minutes holds blocks whose costs sum to at most `m + c`.
struct Costs {
    c: u64,
}

impl Costs {
    fn block(&self, secs: u64) -> u64 {
        secs.div_ceil(60) + self.c
    }
    fn of(&self, u: &Unit, lo: usize, hi: usize) -> u64 {
        self.block(u.secs(lo, hi))
    }
    /// The largest `k` such that groups `lo..k` cost at most `room` (`lo` when none fits).
    fn prefix(&self, u: &Unit, lo: usize, room: u64) -> usize {
        if room < self.c {
            return lo;
        }
        let limit = u.pre[lo] + (room - self.c) * 60;
        // pre is non-decreasing: the last index whose prefix sum fits.
        let k = u.pre.partition_point(|&x| x <= limit);
        k.saturating_sub(1).max(lo).min(u.len())
    }
}

/// A variation of the packer's choices, for the improvement search (`Tweak::NONE`: the plain
/// packer). Deterministic: the same tweak gives the same fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tweak {
    /// Mixed into each college's sort key; 0 keeps longest first, then roster order.
    pub salt: u64,
    /// Up to this many per cent added to each college's length in that key.
    pub spread: u64,
    /// The spare time a stretch may leave unfilled, in quarters of its fair share.
    pub ration: i64,
}

impl Tweak {
    pub const NONE: Tweak = Tweak { salt: 0, spread: 0, ration: 4 };

    fn noise(&self, u: usize) -> u64 {
        if self.salt == 0 {
            return 0;
        }
        let mut z = (u as u64).wrapping_add(self.salt).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

pub(crate) fn fill(p: &Problem, board: &Board, start_lo: &[usize], limit: Limit) -> Filled {
    fill_with(p, board, start_lo, limit, Tweak::NONE)
}

pub(crate) fn fill_with(p: &Problem, board: &Board, start_lo: &[usize], limit: Limit, tw: Tweak) -> Filled {
    let longest_session = p.sessions.iter().map(|s| u64::from(s.minutes())).max().unwrap_or(0);
    // A changeover longer than any session allows one block per stretch, exactly as the
    // real one does; capping it keeps the subset-sum table small.
    let costs = Costs { c: u64::from(p.change_min).min(longest_session + 1) };
    let change = u64::from(p.change_secs());

    let mut frags: Vec<(usize, usize, Secs, Secs)> = Vec::new();
    for j in 0..=limit.sess.min(p.sessions.len().saturating_sub(1)) {
        let end = if j == limit.sess { limit.at } else { Secs::MAX };
        for s in 0..p.stations.len() {
            for (a, b) in board.free(p, s, j, end) {
                frags.push((s, j, a, b));
            }
        }
    }
    let mut lo: Vec<usize> = start_lo.to_vec();
    let mut pending: Vec<usize> = (0..p.units.len()).filter(|&u| lo[u] < p.units[u].len()).collect();
    let mut cap_left: u64 = frags.iter().map(|&(_, _, a, b)| u64::from(b - a) / 60 + costs.c).sum();
    let mut need: u64 = pending.iter().map(|&u| costs.of(&p.units[u], lo[u], p.units[u].len())).sum();
    // Every unit placed once, plus a piece for each stretch where a college is split.
    let mut placements = Vec::with_capacity(pending.len() + frags.len());
    let mut carry: Vec<Option<usize>> = vec![None; p.stations.len()];
    let mut carried = vec![false; p.units.len()];

    // Whether a station has another stretch after fragment i (where a split college continues).
    let mut has_next = vec![false; frags.len()];
    let mut seen = vec![false; p.stations.len()];
    for (i, &(s, _, _, _)) in frags.iter().enumerate().rev() {
        has_next[i] = seen[s];
        seen[s] = true;
    }
    // Per stretch: where the next block would start, and the minutes of cost it still holds.
    let mut left: Vec<(u64, u64)> = Vec::with_capacity(frags.len());
    // The order units are offered to a stretch in, with its sort keys: reused stretch to stretch.
    let mut order: Vec<usize> = Vec::with_capacity(p.units.len());
    let mut keyed: Vec<(u128, usize)> = Vec::with_capacity(p.units.len());
    // A stretch's whole colleges, the candidates for them and their costs: reused likewise.
    let mut body: Vec<(usize, usize, usize)> = Vec::new();
    let mut items: Vec<usize> = Vec::with_capacity(p.units.len());
    let mut weights: Vec<u64> = Vec::with_capacity(p.units.len());
    if need <= cap_left {
        for (fi, &(s, j, a, b)) in frags.iter().enumerate() {
            let cap = u64::from(b - a) / 60 + costs.c;
            let spare_at_start = cap_left as i64 - need as i64;
            let (st, se) = (&p.stations[s], &p.sessions[j]);
            pending.retain(|&u| lo[u] < p.units[u].len());
            let mut rem = cap;
            let mut head = None;
            body.clear();
            let mut tail = None;
            // Takes groups lo..k of u; keeps `need` in step.
            let take = |u: usize, k: usize, lo: &mut Vec<usize>, rem: &mut u64, need: &mut u64| {
                let unit = &p.units[u];
                let before = costs.of(unit, lo[u], unit.len());
                let after = if k < unit.len() { costs.of(unit, k, unit.len()) } else { 0 };
                *rem -= costs.of(unit, lo[u], k);
                *need = *need - before + after;
                let piece = (u, lo[u], k);
                lo[u] = k;
                piece
            };

            // 1. The rest of a college split at the end of this station's previous stretch.
            if let Some(u) = carry[s].take() {
                carried[u] = false;
                if p.units[u].fits(st, se) {
                    let k = costs.prefix(&p.units[u], lo[u], rem);
                    if k > lo[u] {
                        head = Some(take(u, k, &mut lo, &mut rem, &mut need));
                    }
                    if lo[u] < p.units[u].len() && has_next[fi] {
                        carry[s] = Some(u);
                        carried[u] = true;
                    }
                }
            }
            // Colleges already started first, then those pinned to a room or a day, then the
            // longest, then in roster order (a unit's first group is its own: the keys differ).
            keyed.clear();
            keyed.extend(pending.iter().copied().filter(|&u| !carried[u] && lo[u] < p.units[u].len() && p.units[u].fits(st, se)).map(
                |u| {
                    let x = &p.units[u];
                    let noise = tw.noise(u);
                    let cost = costs.of(x, lo[u], x.len());
                    let cost = cost + cost * (noise % (tw.spread + 1)) / 100;
                    let tie = if tw.salt == 0 { x.groups[0] as u128 } else { u128::from(noise >> 2) };
                    let key = u128::from(lo[u] == 0) << 127 | u128::from(!x.restricted()) << 126 | u128::from(u64::MAX - cost) << 62 | tie;
                    (key, u)
                },
            ));
            keyed.sort_unstable();
            order.clear();
            order.extend(keyed.iter().map(|&(_, u)| u));
            // 1b. A college already started elsewhere (its station had no stretch left) goes on
            // here before anything new starts.
            if head.is_none() {
                if let Some(&u) = order.iter().find(|&&u| lo[u] > 0) {
                    let k = costs.prefix(&p.units[u], lo[u], rem);
                    if k > lo[u] {
                        head = Some(take(u, k, &mut lo, &mut rem, &mut need));
                        if k < p.units[u].len() && has_next[fi] {
                            carry[s] = Some(u);
                            carried[u] = true;
                        }
                    }
                }
            }

            // 2. A college longer than any session starts a fresh stretch and runs to its end.
            if head.is_none() {
                if let Some(&u) = order.iter().find(|&&u| costs.of(&p.units[u], lo[u], p.units[u].len()) > longest_session + costs.c) {
                    let k = costs.prefix(&p.units[u], lo[u], rem);
                    if k > lo[u] {
                        tail = Some(take(u, k, &mut lo, &mut rem, &mut need));
                        if k < p.units[u].len() && has_next[fi] {
                            carry[s] = Some(u);
                            carried[u] = true;
                        }
                    }
                }
            }
            // 3. Colleges pinned to a room or a day, where they may go, whole.
            for &u in &order {
                let x = &p.units[u];
                if x.restricted() && !carried[u] && lo[u] < x.len() && costs.of(x, lo[u], x.len()) <= rem {
                    body.push(take(u, x.len(), &mut lo, &mut rem, &mut need));
                }
            }
            // 4. Whole colleges filling the stretch as fully as possible.
            items.clear();
            items.extend(
                order
                    .iter()
                    .copied()
                    .filter(|&u| !carried[u] && lo[u] < p.units[u].len() && costs.of(&p.units[u], lo[u], p.units[u].len()) <= rem),
            );
            weights.clear();
            weights.extend(items.iter().map(|&u| costs.of(&p.units[u], lo[u], p.units[u].len())));
            let mut pick = best_subset(&weights, rem);
            // In the last session every minute counts: if whole colleges leave a gap the spare
            // time cannot absorb, try starting the stretch with part of one college.
            let plain: u64 = pick.iter().map(|&i| weights[i]).sum();
            let spare_plain = (cap_left - cap + plain) as i64 - need as i64;
            if j == limit.sess && tail.is_none() && plain < rem && spare_plain < 0 {
                if let Some((got, u, k)) = best_split(p, &costs, &order, &items, &weights, &lo, &carried, rem) {
                    if got > plain {
                        tail = Some(take(u, k, &mut lo, &mut rem, &mut need));
                        let keep: Vec<usize> = (0..items.len()).filter(|&i| items[i] != u).collect();
                        let ws: Vec<u64> = keep.iter().map(|&i| weights[i]).collect();
                        pick = best_subset(&ws, rem).into_iter().map(|i| keep[i]).collect();
                        weights.clear();
                        weights.extend(items.iter().map(|&v| costs.of(&p.units[v], lo[v], p.units[v].len())));
                    }
                }
            }
            for i in pick {
                let u = items[i];
                body.push(take(u, p.units[u].len(), &mut lo, &mut rem, &mut need));
            }
            // 5. Split a college into the gap only when the spare time cannot absorb the gap.
            // The spare time is rationed over the stretches still to fill, so that early gaps
            // do not use it all up and force splits at the end.
            let spare_after = (cap_left - cap) as i64 - need as i64;
            let allowance = (spare_at_start * tw.ration / 4 / (frags.len() - fi) as i64).max(0);
            if rem > 0 && tail.is_none() && (spare_after < 0 || rem as i64 > allowance) {
                let mut best: Option<(u64, usize, usize)> = None;
                for &u in &order {
                    let x = &p.units[u];
                    if carried[u] || lo[u] >= x.len() {
                        continue;
                    }
                    let k = costs.prefix(x, lo[u], rem);
                    if k == lo[u] {
                        continue;
                    }
                    let got = costs.of(x, lo[u], k);
                    if best.is_none_or(|(g, _, _)| got > g) {
                        best = Some((got, u, k));
                    }
                }
                if let Some((_, u, k)) = best {
                    tail = Some(take(u, k, &mut lo, &mut rem, &mut need));
                    if k < p.units[u].len() && has_next[fi] {
                        carry[s] = Some(u);
                        carried[u] = true;
                    }
                }
            }
            cap_left -= cap;

            // Lay out: the carried rest first, whole colleges in roster order, the split last.
            let tail_college = tail.map(|(u, _, _)| p.units[u].college);
            let head_college = head.map(|(u, _, _)| p.units[u].college);
            body.sort_by_key(|&(u, _, _)| {
                let c = p.units[u].college;
                let side = if Some(c) == head_college {
                    0
                } else if Some(c) == tail_college {
                    2
                } else {
                    1
                };
                (side, c, p.units[u].groups[0])
            });
            let mut cursor = u64::from(a);
            for (u, l, h) in head.into_iter().chain(body.drain(..)).chain(tail) {
                placements.push(Placement { station: s, sess: j, start: cursor as Secs, unit: u, lo: l, hi: h });
                cursor += ceil_min(p.units[u].secs(l, h)) + change;
            }
            left.push((cursor, rem));
        }
        // Repair: what is still over goes, class runs at a time, into the gaps left at the ends
        // of stretches (extra splits, but an earlier end).
        let mut over: Vec<usize> = (0..p.units.len()).filter(|&u| lo[u] < p.units[u].len()).collect();
        over.sort_by_key(|&u| (Reverse(costs.of(&p.units[u], lo[u], p.units[u].len())), p.units[u].groups[0]));
        for u in over {
            let unit = &p.units[u];
            for (fi, &(s, j, _, _)) in frags.iter().enumerate() {
                if lo[u] >= unit.len() {
                    break;
                }
                let (cursor, rem) = &mut left[fi];
                if !unit.fits(&p.stations[s], &p.sessions[j]) {
                    continue;
                }
                let k = costs.prefix(unit, lo[u], *rem);
                if k > lo[u] {
                    placements.push(Placement { station: s, sess: j, start: *cursor as Secs, unit: u, lo: lo[u], hi: k });
                    *cursor += ceil_min(unit.secs(lo[u], k)) + change;
                    *rem -= costs.of(unit, lo[u], k);
                    lo[u] = k;
                }
            }
        }
    }
    let unplaced: Vec<usize> = (0..p.units.len()).filter(|&u| lo[u] < p.units[u].len()).collect();
    let unplaced_secs = unplaced.iter().map(|&u| p.units[u].secs(lo[u], p.units[u].len())).sum();
    Filled { placements, unplaced, unplaced_secs }
}

/// The best first part of one college to combine with whole colleges in a stretch of `rem`
/// minutes: (minutes filled, unit, end of the part). Tries the first few candidates in order.
#[allow(clippy::too_many_arguments)]
fn best_split(
    p: &Problem,
    costs: &Costs,
    order: &[usize],
    items: &[usize],
    weights: &[u64],
    lo: &[usize],
    carried: &[bool],
    rem: u64,
) -> Option<(u64, usize, usize)> {
    const CANDIDATES: usize = 12;
    let mut best: Option<(u64, usize, usize)> = None;
    for &u in order.iter().filter(|&&u| !carried[u] && lo[u] < p.units[u].len()).take(CANDIDATES) {
        let x = &p.units[u];
        let ws: Vec<u64> = items.iter().zip(weights).filter(|(&v, _)| v != u).map(|(_, &w)| w).collect();
        let reach = reachable(&ws, rem);
        for k in lo[u] + 1..x.len() {
            let part = costs.of(x, lo[u], k);
            if part > rem {
                break;
            }
            let room = (rem - part) as usize;
            let Some(s) = (0..=room).rev().find(|&b| reach[b / 64] >> (b % 64) & 1 == 1) else {
                continue;
            };
            let got = part + s as u64;
            if best.is_none_or(|(g, _, _)| got > g) {
                best = Some((got, u, k));
            }
        }
    }
    best
}

/// The sums up to `cap` that some subset of `weights` reaches, as a bitset.
fn reachable(weights: &[u64], cap: u64) -> Vec<u64> {
    let bits = cap as usize + 1;
    let words = bits.div_ceil(64);
    let mut r = vec![0u64; words];
    r[0] = 1;
    let mut tmp = vec![0u64; words];
    for &w in weights {
        if (w as usize) < bits {
            tmp.copy_from_slice(&r);
            shift_or(&mut r, &tmp, w as usize);
        }
    }
    if !bits.is_multiple_of(64) {
        r[words - 1] &= (1u64 << (bits % 64)) - 1;
    }
    r
}

/// Indices of items whose weights sum to the most possible without exceeding `cap`; among
/// equal sums, earlier items are preferred.
pub(crate) fn best_subset(weights: &[u64], cap: u64) -> Vec<usize> {
    let n = weights.len();
    if n == 0 || cap == 0 {
        return Vec::new();
    }
    let bits = cap as usize + 1;
    let words = bits.div_ceil(64);
    // reach[i]: sums reachable with items i..n.
    let mut reach = vec![0u64; (n + 1) * words];
    reach[n * words] = 1;
    for i in (0..n).rev() {
        let w = weights[i] as usize;
        let (head, rest) = reach.split_at_mut((i + 1) * words);
        let dst = &mut head[i * words..];
        let src = &rest[..words];
        dst.copy_from_slice(src);
        if w < bits {
            shift_or(dst, src, w);
        }
        if !bits.is_multiple_of(64) {
            dst[words - 1] &= (1u64 << (bits % 64)) - 1;
        }
    }
    let top = &reach[..words];
    let Some(mut sum) = (0..bits).rev().find(|&b| top[b / 64] >> (b % 64) & 1 == 1) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, &w) in weights.iter().enumerate() {
        let w = w as usize;
        if w <= sum {
            let next = &reach[(i + 1) * words..(i + 2) * words];
            let r = sum - w;
            if next[r / 64] >> (r % 64) & 1 == 1 {
                out.push(i);
                sum = r;
            }
        }
    }
    out
}

/// `dst |= src << shift` over little-endian word arrays of the same length.
fn shift_or(dst: &mut [u64], src: &[u64], shift: usize) {
    let (ws, bs) = (shift / 64, shift % 64);
    for i in (ws..dst.len()).rev() {
        let mut v = src[i - ws] << bs;
        if bs > 0 && i > ws {
            v |= src[i - ws - 1] >> (64 - bs);
        }
        dst[i] |= v;
    }
}
