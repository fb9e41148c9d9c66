//! Re-scheduling after a release: how many other classes change when one class is removed or
//! grows by 10 %, planning from scratch against repairing the released timetable. Prints
//! figures, asserts nothing.
//!
//! `cargo bench --bench anchor`: 99 classes on one room of 3 stations (the realistic day), every
//! class in turn, over several seeds.

use tuxiang::notice::model::Capture;
use tuxiang::schedule::auto::anchor::{changes, from_timetable, Anchor};
use tuxiang::schedule::auto::{plan, repair, verify};
use tuxiang::schedule::instances::{build, Spec};
use tuxiang::schedule::Timetable;

/// (other classes changed, moved to another station/room/day, shifted by over 5 minutes).
fn count(cap: &Capture, anchor: &Anchor, tt: &Timetable, edited: &str) -> (usize, usize, usize) {
    let ch = changes(cap, anchor, tt);
    let others = ch.iter().filter(|m| m.name != edited);
    let (mut n, mut moved, mut shifted) = (0, 0, 0);
    for m in others {
        n += 1;
        if let Some(b) = &m.before {
            if (b.date, &b.room, b.station) != (m.after.date, &m.after.room, m.after.station) {
                moved += 1;
            } else if b.start.abs_diff(m.after.start) > 300 {
                shifted += 1;
            }
        }
    }
    (n, moved, shifted)
}

fn summary(label: &str, v: &mut [(usize, usize, usize)]) {
    let med = |f: fn(&(usize, usize, usize)) -> usize, v: &[(usize, usize, usize)]| {
        let mut x: Vec<usize> = v.iter().map(f).collect();
        x.sort();
        (x[x.len() / 2], x[x.len() - 1])
    };
    let (a, am) = med(|x| x.0, v);
    let (b, bm) = med(|x| x.1, v);
    let (c, cm) = med(|x| x.2, v);
    println!("  {label:<28} other classes changed: median {a} (max {am}); moved station/room/day: median {b} (max {bm}); shifted > 5 min: median {c} (max {cm})");
}

fn main() {
    let (mut rm_fresh, mut rm_anch, mut gr_fresh, mut gr_anch) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut invalid = 0;
    let mut offers = 0;
    for seed in 0..5 {
        for change in [0, 2] {
            let spec = Spec { classes: 99, changeover_minutes: change, ..Spec::realistic_day(seed) };
            let cap = build(&spec);
            let Ok(released) = plan(&cap) else { continue };
            let anchor = from_timetable(&released);
            for k in 0..cap.groups.len() {
                let name = cap.groups[k].name().to_string();
                let mut removed = cap.clone();
                removed.groups.remove(k);
                let mut grown = cap.clone();
                if let Some(h) = grown.groups[k].headcount.as_mut() {
                    h.value = (h.value * 11).div_ceil(10);
                }
                for (c, fresh_v, anch_v) in [(&removed, &mut rm_fresh, &mut rm_anch), (&grown, &mut gr_fresh, &mut gr_anch)] {
                    if let Ok(f) = plan(c) {
                        fresh_v.push(count(c, &anchor, &f, &name));
                    }
                    if let Ok(r) = repair(c, &anchor) {
                        invalid += usize::from(!verify(c, &r.timetable).is_empty());
                        offers += usize::from(r.fresh.is_some());
                        anch_v.push(count(c, &anchor, &r.timetable, &name));
                    }
                }
            }
        }
    }
    println!("99 classes, 3 stations, changeover 0 and 2 min, seeds 0-4, every class in turn ({} edits each):", rm_fresh.len());
    summary("remove one, fresh plan", &mut rm_fresh);
    summary("remove one, anchored", &mut rm_anch);
    summary("grow one 10%, fresh plan", &mut gr_fresh);
    summary("grow one 10%, anchored", &mut gr_anch);
    println!("  anchored timetables failing verify: {invalid}; fresh plan offered (repair > fresh + 5 min): {offers}");
}
