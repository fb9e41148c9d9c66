//! Exports generated instances and tuxiang's plans for the exact comparison in
//! `benches/exact/` (a CP-SAT model in Python, kept out of the product and the test run).
//!
//! `cargo bench --bench exact_export > benches/exact/instances.json`, then
//! `python3 benches/exact/solve.py benches/exact/instances.json`.

use serde_json::json;
use std::time::Instant;
use tuxiang::schedule::auto::{plan, plan_greedy, stats, verify};
use tuxiang::schedule::instances::{build, Spec};

/// The instances: 20–300 classes, 1–4 rooms, 1–2 days, changeovers of 0–2 minutes.
pub fn specs() -> Vec<(String, Spec)> {
    let day = Spec::realistic_day;
    let mut out = Vec::new();
    let mut add = |name: &str, s: Spec| out.push((name.to_string(), s));
    add("20c-3st-half-day", Spec { classes: 20, sessions: vec![(8 * 3600 + 1800, 12 * 3600)], ..day(1) });
    add("40c-2st-1d-ch1", Spec { classes: 40, rooms: vec![2], changeover_minutes: 1, ..day(2) });
    add("40c-2st-1d-ch2", Spec { classes: 40, rooms: vec![2], changeover_minutes: 2, ..day(3) });
    add("60c-3st-1d-ch1", Spec { classes: 60, rooms: vec![3], changeover_minutes: 1, ..day(4) });
    add("99c-3st-1d", Spec { classes: 99, ..day(5) });
    add("99c-3st-1d-ch2", Spec { classes: 99, changeover_minutes: 2, ..day(6) });
    add("100c-2r-2d-ch2", Spec { classes: 100, rooms: vec![2, 1], days: 2, changeover_minutes: 2, ..day(7) });
    add("120c-2st-2d-ch1", Spec { classes: 120, rooms: vec![2], days: 2, changeover_minutes: 1, ..day(8) });
    add("150c-4r-1d-ch1", Spec { classes: 150, rooms: vec![2, 2, 1, 1], changeover_minutes: 1, ..day(9) });
    add("200c-2r-2d", Spec { classes: 200, rooms: vec![3, 2], days: 2, ..day(10) });
    add("200c-2r-2d-ch2", Spec { classes: 200, rooms: vec![3, 2], days: 2, changeover_minutes: 2, ..day(11) });
    add("300c-4r-2d-ch1", Spec { classes: 300, rooms: vec![2, 2, 2, 1], days: 2, changeover_minutes: 1, ..day(12) });
    out
}

fn main() {
    let mut all = Vec::new();
    for (name, spec) in specs() {
        let cap = build(&spec);
        let t0 = Instant::now();
        let res = plan(&cap);
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        let mut sessions = Vec::new();
        for d in &cap.days {
            for s in &d.sessions {
                sessions.push(json!({"date": d.date.value.to_string(), "start": s.value.start, "end": s.value.end}));
            }
        }
        let groups: Vec<_> = cap
            .groups
            .iter()
            .map(|g| json!({"college": g.college.value, "secs": g.headcount().unwrap_or(0) * spec.seconds_per_student}))
            .collect();
        let stations: u32 = spec.rooms.iter().sum();
        let summary = |tt: &tuxiang::schedule::Timetable| {
            let st = stats(&cap, tt);
            let end = st.latest_end.as_ref().map(|b| json!({"date": b.date.to_string(), "secs": b.secs}));
            json!({"end": end, "splits": st.splits, "valid": verify(&cap, tt).is_empty()})
        };
        let tux = res.as_ref().ok().map(summary);
        let t0 = Instant::now();
        let greedy = plan_greedy(&cap);
        let greedy_ms = t0.elapsed().as_secs_f64() * 1000.0;
        let greedy = greedy.as_ref().ok().map(summary);
        all.push(json!({"name": name, "stations": stations, "change_min": spec.changeover_minutes, "sessions": sessions, "groups": groups, "tuxiang": tux, "ms": ms, "greedy": greedy, "greedy_ms": greedy_ms}));
    }
    println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
}
