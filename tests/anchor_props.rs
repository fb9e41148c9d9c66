//! Property tests for re-scheduling after a release: for random timetables and a random single
//! edit of the notice, the repaired timetable is valid and changes no more classes than the
//! rules allow (a removed class leaves its gap; a grown class pushes only later classes of its
//! own station and session, each by no more than the growth, and moves classes elsewhere only
//! from that session; an added class goes into a gap or a session's tail).

use proptest::prelude::*;
use tuxiang::notice::model::Capture;
use tuxiang::schedule::auto::anchor::{from_timetable, Anchor, AnchorSlot, Moved};
use tuxiang::schedule::auto::{plan, repair, verify};
use tuxiang::schedule::instances::{build, Spec};

#[derive(Debug, Clone, Copy)]
enum Edit {
    Remove(usize),
    /// Grow a class by this many per cent.
    Grow(usize, u32),
    Shrink(usize, u32),
    /// Add a class of this size to the college of group `usize`.
    Add(usize, u32),
    /// Lose the last station of the first room.
    DropStation,
    /// Start the first session this many minutes later.
    LateStart(u32),
}

fn spec() -> impl Strategy<Value = Spec> {
    (any::<u64>(), 5usize..80, prop::collection::vec(1u32..4, 1..3), 1usize..3, 0u32..3, 0.0f64..0.15, 0.0f64..0.2).prop_map(
        |(seed, classes, rooms, days, change, pins, whole)| Spec {
            classes,
            rooms,
            days,
            changeover_minutes: change,
            pins,
            whole_colleges: whole,
            seed,
            ..Spec::realistic_day(0)
        },
    )
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => any::<usize>().prop_map(Edit::Remove),
        3 => (any::<usize>(), 1u32..40).prop_map(|(k, p)| Edit::Grow(k, p)),
        1 => (any::<usize>(), 1u32..50).prop_map(|(k, p)| Edit::Shrink(k, p)),
        2 => (any::<usize>(), 10u32..45).prop_map(|(k, h)| Edit::Add(k, h)),
        1 => Just(Edit::DropStation),
        1 => (1u32..60).prop_map(Edit::LateStart),
    ]
}

/// The capture after the edit, and the name of the edited class.
fn apply(cap: &Capture, e: Edit) -> (Capture, Option<String>) {
    let mut c = cap.clone();
    let n = c.groups.len();
    match e {
        Edit::Remove(k) => {
            let g = c.groups.remove(k % n);
            (c, Some(g.name().to_string()))
        }
        Edit::Grow(k, pc) | Edit::Shrink(k, pc) => {
            let g = &mut c.groups[k % n];
            if let Some(h) = g.headcount.as_mut() {
                h.value =
                    if matches!(e, Edit::Grow(..)) { (h.value * (100 + pc)).div_ceil(100) } else { (h.value * (100 - pc) / 100).max(1) };
            }
            let name = g.name().to_string();
            (c, Some(name))
        }
        Edit::Add(k, h) => {
            let mut g = c.groups[k % n].clone();
            g.class = Some(tuxiang::source::At::new("新增2299".to_string(), g.loc.clone()));
            g.headcount = Some(tuxiang::source::At::new(h, g.loc.clone()));
            (g.room, g.date, g.not_before, g.not_after) = (None, None, None, None);
            c.groups.push(g);
            (c, Some("新增2299".to_string()))
        }
        Edit::DropStation => {
            if let Some(r) = c.rooms.first_mut() {
                if let Some(st) = r.stations.as_mut() {
                    st.value = st.value.saturating_sub(1).max(1);
                }
            }
            (c, None)
        }
        Edit::LateStart(m) => {
            for d in &mut c.days {
                if let Some(s) = d.sessions.first_mut() {
                    s.value.start = (s.value.start + m * 60).min(s.value.end - 60);
                }
            }
            (c, None)
        }
    }
}

fn lane(a: &AnchorSlot) -> (chrono::NaiveDate, &str, u32) {
    (a.date, a.room.as_str(), a.station)
}

/// Which session of the day a start falls in (index among that day's sessions).
fn session_of(cap: &Capture, a: &AnchorSlot) -> Option<usize> {
    let day = cap.days.iter().find(|d| d.date.value == a.date)?;
    let mut ss: Vec<(u32, u32)> = day.sessions.iter().map(|s| (s.value.start, s.value.end)).collect();
    ss.sort();
    ss.iter().position(|&(x, y)| x / 60 * 60 <= a.start && a.start < y)
}

fn others<'a>(changed: &'a [Moved], edited: &Option<String>) -> Vec<&'a Moved> {
    changed.iter().filter(|m| Some(&m.name) != edited.as_ref()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_repair_is_valid_and_changes_only_what_the_edit_touches(spec in spec(), e in edit()) {
        let cap = build(&spec);
        let Ok(released) = plan(&cap) else { return Ok(()) };
        let anchor: Anchor = from_timetable(&released);
        // Nothing edited: the release itself, unchanged.
        let same = repair(&cap, &anchor).map_err(|_| TestCaseError::fail("no repair of the release itself"))?;
        prop_assert!(same.changed.is_empty(), "{:?}", same.changed);
        prop_assert_eq!(&same.timetable, &released);

        let (edited_cap, edited) = apply(&cap, e);
        let Ok(r) = repair(&edited_cap, &anchor) else { return Ok(()) };
        let problems = verify(&edited_cap, &r.timetable);
        prop_assert!(problems.is_empty(), "{problems:#?}");
        // Deterministic.
        let again = repair(&edited_cap, &anchor).map_err(|_| TestCaseError::fail("second run failed"))?;
        prop_assert_eq!(&again.timetable, &r.timetable);
        // The change list is exactly the groups whose shown place or time differs.
        for m in &r.changed {
            prop_assert!(m.before.as_ref() != Some(&m.after));
        }
        prop_assert!(r.moved.iter().all(|n| r.changed.iter().any(|m| &m.name == n)));
        if r.fell_back {
            return Ok(());
        }
        let rest = others(&r.changed, &edited);
        match e {
            Edit::Remove(_) | Edit::Shrink(..) => {
                // Gaps stay gaps. The lock keeps times to the minute, so the class right after a
                // gap inside its block starts on its shown minute, and the rest of that block
                // may show up to a minute earlier; nothing else changes, nothing moves.
                for m in &rest {
                    let b = m.before.as_ref().ok_or_else(|| TestCaseError::fail("a new group"))?;
                    prop_assert_eq!(lane(b), lane(&m.after), "{:?}", m);
                    prop_assert!(m.after.start <= b.start && m.after.start + 60 >= b.start, "{:?}", m);
                    prop_assert!(m.after.end <= b.end && m.after.end + 60 >= b.end, "{:?}", m);
                }
            }
            Edit::Grow(k, _) => {
                let k = k % cap.groups.len();
                let name = cap.groups[k].name().to_string();
                let Some(old) = anchor.get(&name).or_else(|| anchor.iter().find(|(key, _)| key.starts_with(&name)).map(|(_, a)| a)) else { return Ok(()) };
                let growth = u64::from(edited_cap.groups[k].headcount().unwrap_or(0) - cap.groups[k].headcount().unwrap_or(0))
                    * u64::from(spec.seconds_per_student);
                // Shown minutes round: a push of g seconds shows as at most g rounded up, plus one.
                let most = growth.div_ceil(60) * 60 + 60;
                for m in &rest {
                    let b = m.before.as_ref().ok_or_else(|| TestCaseError::fail("a new group"))?;
                    // Only classes of the grown class's station and session: pushed ones from
                    // after it; moved ones (the session would overrun) from anywhere in it.
                    prop_assert_eq!(lane(b), lane(old), "{:?}", m);
                    prop_assert_eq!(session_of(&cap, b), session_of(&cap, old), "{:?}", m);
                    let same_place = lane(b) == lane(&m.after) && session_of(&edited_cap, &m.after) == session_of(&cap, b);
                    if r.moved.contains(&m.name) {
                        // Taken out of the overrunning lane and put elsewhere (or into a gap
                        // before): reported as moved.
                        continue;
                    }
                    if same_place && b.start < old.start {
                        // Before the grown class: only the lock's minute precision (as for a
                        // removal, the block re-laid from shown minutes shows up to a minute
                        // earlier).
                        prop_assert!(m.after.start <= b.start && m.after.start + 60 >= b.start, "{:?}", m);
                        prop_assert!(m.after.end <= b.end && m.after.end + 60 >= b.end, "{:?}", m);
                    } else if same_place {
                        // Pushed: classes after the grown one.
                        prop_assert!(m.after.start >= b.start && u64::from(m.after.start - b.start) <= most, "{:?} growth {growth}", m);
                    } else {
                        return Err(TestCaseError::fail(format!("moved but not reported as moved: {m:?}")));
                    }
                }
            }
            Edit::Add(..) => {
                prop_assert!(rest.is_empty(), "{rest:?}");
            }
            Edit::DropStation | Edit::LateStart(_) => {
                // Only classes of the lost station or of the shortened sessions change.
                for m in &rest {
                    let b = m.before.as_ref().ok_or_else(|| TestCaseError::fail("a new group"))?;
                    let touched = match e {
                        Edit::DropStation => {
                            let r0 = &cap.rooms[0];
                            b.room == r0.id.value && b.station == r0.station_count() && r0.station_count() > 1
                        }
                        _ => session_of(&cap, b) == Some(0),
                    };
                    prop_assert!(touched, "{:?}", m);
                }
            }
        }
    }
}
