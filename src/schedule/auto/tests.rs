use super::*;
use crate::schedule::instances::{self, hand_plan, Spec};

#[test]
fn explore_realistic() {
    for seed in 0..10 {
        let cap = instances::build(&Spec::realistic_day(seed));
        let tt = plan(&cap).expect("plan");
        let v = verify(&cap, &tt);
        let st = stats(&cap, &tt);
        let hand = hand_plan(&cap).map(|h| stats(&cap, &h));
        println!(
            "seed {seed}: groups {} students {} end {:?} bound {:?} gap {:?} splits {} | hand end {:?} splits {:?} | problems {}",
            st.groups,
            st.students,
            st.latest_end.as_ref().map(|b| &b.time),
            st.bound.as_ref().map(|b| &b.time),
            st.gap_minutes,
            st.splits,
            hand.as_ref().and_then(|h| h.latest_end.as_ref().map(|b| b.time.clone())),
            hand.as_ref().map(|h| h.splits),
            v.len()
        );
        for p in v.iter().take(5) {
            println!("   {p}");
        }
    }
}

#[test]
fn explore_debug() {
    let seed: u64 = std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(8);
    let cap = instances::build(&Spec::realistic_day(seed));
    let p = model::prepare(&cap).unwrap();
    let board = Board::new(&p);
    let lo0 = vec![0; p.units.len()];
    let best = search(&p, &board, &lo0).unwrap();
    let end = best.placements.iter().map(|pl| pl.start as u64 + p.units[pl.unit].secs(pl.lo, pl.hi)).max().unwrap();
    println!("work {} s, /3 = {}", p.work(), p.work() / 3);
    for minus in [0u32, 1, 2, 3] {
        let at = (end.div_ceil(60) * 60) as u32 - minus * 60;
        let f = fill(&p, &board, &lo0, Limit { sess: 1, at });
        println!("T={} complete {} unplaced {:?} secs {}", crate::notice::model::hhmm_floor(at), f.complete(), f.unplaced, f.unplaced_secs);
        let mut by: std::collections::BTreeMap<(usize, usize), Vec<(u32, u64, usize, usize, usize)>> = Default::default();
        for pl in &f.placements {
            by.entry((pl.sess, pl.station)).or_default().push((pl.start, p.units[pl.unit].secs(pl.lo, pl.hi), pl.unit, pl.lo, pl.hi));
        }
        for ((j, s), v) in by {
            let last = v.iter().map(|x| x.0 as u64 + x.1).max().unwrap();
            println!(
                "  sess {j} st {s}: {} blocks, ends {} ({:?})",
                v.len(),
                crate::notice::model::hhmm_ceil(last as u32),
                v.iter().map(|x| (x.2, x.1, x.3, x.4)).collect::<Vec<_>>()
            );
        }
    }
    let sizes: Vec<u64> = p.units.iter().map(|u| u.secs(0, u.len())).collect();
    println!("units {:?}", sizes);
}
