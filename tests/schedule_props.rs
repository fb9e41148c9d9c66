//! Property tests for the scheduler: for random valid inputs the timetable is always valid, or
//! the error says why not.

use proptest::prelude::*;
use tuxiang::schedule::auto::{plan, stats, verify};
use tuxiang::schedule::instances::{build, Spec};

const HM: fn(u32, u32) -> u32 = |h, m| h * 3600 + m * 60;

fn sessions(kind: u8) -> Vec<(u32, u32)> {
    match kind % 4 {
        0 => vec![(HM(8, 30), HM(12, 0)), (HM(14, 30), HM(18, 0))],
        1 => vec![(HM(8, 0), HM(11, 30)), (HM(13, 30), HM(17, 30)), (HM(19, 0), HM(21, 0))],
        2 => vec![(HM(9, 0), HM(10, 0))],
        _ => vec![(HM(8, 0), HM(8, 45)), (HM(9, 0), HM(12, 0))],
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        any::<u64>(),
        1usize..60,
        (1usize..4, 1usize..9),
        (1u32..50, 0u32..30),
        prop::collection::vec(1u32..4, 1..3),
        1usize..4,
        any::<u8>(),
        (5u32..40, 0u32..4),
        (0.0f64..0.3, 0.0f64..0.3),
    )
        .prop_map(|(seed, classes, (clo, cspan), (slo, sspan), rooms, days, sk, (rate, change), (whole, pins))| Spec {
            classes,
            colleges: None,
            college_classes: (clo, clo + cspan),
            class_size: (slo, slo + sspan),
            rooms,
            days,
            sessions: sessions(sk),
            seconds_per_student: rate,
            changeover_minutes: change,
            whole_colleges: whole,
            pins,
            seed,
            ..Spec::realistic_day(0)
        })
}

const CODES: &[&str] = &["schedule-infeasible", "pin-unhonoured", "pin-unknown-room", "schedule-headcount-missing"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    #[test]
    fn plans_are_valid_or_explained(spec in spec()) {
        let cap = build(&spec);
        match plan(&cap) {
            Ok(tt) => {
                let problems = verify(&cap, &tt);
                prop_assert!(problems.is_empty(), "{problems:#?}");
                // Deterministic, byte for byte.
                let again = plan(&cap).map_err(|_| TestCaseError::fail("second run failed"))?;
                prop_assert_eq!(serde_json::to_string(&tt).ok(), serde_json::to_string(&again).ok());
                // Never earlier than the lower bound.
                let st = stats(&cap, &tt);
                prop_assert!(st.gap_minutes.unwrap_or(0) >= 0, "{:?}", st);
            }
            Err(diags) => {
                prop_assert!(!diags.is_empty());
                for d in &diags {
                    prop_assert!(CODES.contains(&d.code.as_str()), "{}", d.code);
                    prop_assert!(!d.message.is_empty());
                    if d.code.as_str() == "schedule-infeasible" {
                        // Says how much does not fit, or which group is too long, with numbers.
                        prop_assert!(d.message.contains("分钟"), "{}", d.message);
                    }
                }
            }
        }
    }

    /// With plenty of room and no pins, every roster gets a plan.
    #[test]
    fn loose_instances_always_fit(spec in spec()) {
        let spec = Spec { pins: 0.0, whole_colleges: 0.0, class_size: (spec.class_size.0.min(40), spec.class_size.1.min(40)), ..spec };
        let cap = build(&spec);
        let work: u64 = cap.groups.iter().map(|g| u64::from(g.headcount().unwrap_or(0)) * u64::from(spec.seconds_per_student)).sum();
        let stations: u64 = spec.rooms.iter().map(|&r| u64::from(r)).sum();
        let longest_class = u64::from(spec.class_size.1) * u64::from(spec.seconds_per_student);
        let shortest_session = spec.sessions.iter().map(|(a, b)| u64::from(b - a)).min().unwrap_or(0);
        let per_station: u64 = spec.sessions.iter().map(|(a, b)| u64::from(b - a)).sum::<u64>() * spec.days as u64;
        let blocks = cap.groups.len() as u64;
        let room_needed = 2 * (work + blocks * (60 + 60 * u64::from(spec.changeover_minutes)));
        prop_assume!(longest_class * 2 <= shortest_session && room_needed <= per_station * stations);
        let tt = plan(&cap);
        prop_assert!(tt.is_ok(), "{:?}", tt.err().map(|d| d.iter().map(|x| x.message.clone()).collect::<Vec<_>>()));
    }
}
