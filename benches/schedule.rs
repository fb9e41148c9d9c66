//! Scheduler benchmark: prints figures, asserts nothing about time.
//!
//! `cargo bench --bench schedule` runs a realistic day (against a hand-made plan) and the
//! province-scale instance: 10,000 classes in 300 colleges on 40 stations over 10 days.

use std::time::Instant;
use tuxiang::notice::model::Capture;
use tuxiang::schedule::auto::{plan, stats, verify, PlanStats};
use tuxiang::schedule::instances::{build, hand_plan, Spec};

fn line(name: &str, st: &PlanStats) {
    let end = st.latest_end.as_ref().map_or("-".into(), |b| format!("{} {}", b.date, b.time));
    let bound = st.bound.as_ref().map_or("-".into(), |b| format!("{} {}", b.date, b.time));
    println!(
        "  {name:<6} latest end {end}, bound {bound}, gap {} min, splits {}, blocks {}, utilisation {:.1}%",
        st.gap_minutes.unwrap_or(0),
        st.splits,
        st.blocks,
        st.utilisation * 100.0
    );
}

fn run(title: &str, spec: &Spec, per_day: bool) {
    run_with(title, spec, per_day, |_| {});
}

/// Like `run`, with the generated capture changed by `tweak` first (to add a pin).
fn run_with(title: &str, spec: &Spec, per_day: bool, tweak: impl Fn(&mut Capture)) {
    let mut cap = build(spec);
    tweak(&mut cap);
    let t0 = Instant::now();
    let result = plan(&cap);
    let took = t0.elapsed();
    println!(
        "{title}: {} groups, {} students, {} stations, {} days, changeover {} min — planned in {:.1} ms",
        cap.groups.len(),
        cap.total_headcount().unwrap_or(0),
        cap.rooms.iter().map(|r| r.station_count()).sum::<u32>(),
        cap.days.len(),
        spec.changeover_minutes,
        took.as_secs_f64() * 1000.0
    );
    let tt = match result {
        Ok(tt) => tt,
        Err(d) => {
            println!("  infeasible: {}", d.iter().map(|x| x.message.clone()).collect::<Vec<_>>().join("; "));
            return;
        }
    };
    let problems = verify(&cap, &tt);
    let st = stats(&cap, &tt);
    line("auto", &st);
    if let Some(b) = &st.bound_with_changeovers {
        if spec.changeover_minutes > 0 {
            println!("         bound counting one changeover per college: {} {}", b.date, b.time);
        }
    }
    if per_day {
        for d in &st.days {
            println!(
                "         {}: latest end {}, bound {}, gap {} min, {} blocks",
                d.date,
                d.latest_end.as_deref().unwrap_or("-"),
                d.bound.as_deref().unwrap_or("-"),
                d.gap_minutes.map_or("-".into(), |g| g.to_string()),
                d.blocks
            );
        }
    }
    if let Some(h) = hand_plan(&cap) {
        line("hand", &stats(&cap, &h));
    }
    println!(
        "  verifier: {}",
        if problems.is_empty() {
            "valid".to_string()
        } else {
            format!("{} problems: {:?}", problems.len(), &problems[..problems.len().min(3)])
        }
    );
}

fn main() {
    for seed in 0..5 {
        run(&format!("realistic day, seed {seed}"), &Spec::realistic_day(seed), false);
    }
    for seed in 0..3 {
        run(
            &format!("realistic day with 2-minute changeovers, seed {seed}"),
            &Spec { changeover_minutes: 2, ..Spec::realistic_day(seed) },
            false,
        );
    }
    run("two rooms, three days, 10% pinned", &Spec { classes: 500, rooms: vec![3, 2], days: 3, pins: 0.1, ..Spec::realistic_day(7) }, true);
    // The first class pinned to a later day than the free work needs: the scheduler searches
    // twice (all units, then the free units alone).
    let pin_to = |day: usize| {
        move |cap: &mut Capture| {
            if let (Some(d), Some(g)) = (cap.days.get(day).map(|d| d.date.value), cap.groups.first_mut()) {
                g.date = Some(tuxiang::source::At::new(d, g.loc.clone()));
            }
        }
    };
    run_with(
        "day and a half, 5 stations, one class pinned to the second day",
        &Spec { rooms: vec![3, 2], days: 2, changeover_minutes: 2, ..Spec::realistic_day(0) },
        true,
        |cap: &mut Capture| {
            if let Some(d) = cap.days.get_mut(1) {
                d.sessions.truncate(1);
            }
            pin_to(1)(cap);
        },
    );
    run("province scale", &Spec::large(1), true);
    run_with("province scale, one class pinned to the last day", &Spec::large(1), true, pin_to(9));
}
