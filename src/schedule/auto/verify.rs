//! An independent check of a scheduled timetable against its capture: what tests, property
//! tests and the benchmark rely on. Returns the problems found (empty when valid).

use super::model::room_hours;
use crate::base::time::{hhmm_ceil, hhmm_floor};
use crate::notice::model::Capture;
use crate::schedule::types::{Colleges, Timetable};
use std::collections::BTreeMap;

/// Every group exactly once; blocks on whole minutes, inside a session, never overlapping on a
/// station (in shown minutes, changeover included); classes back to back, each exactly
/// headcount × seconds per student; pins honoured; parts numbered in time order.
pub fn verify(capture: &Capture, tt: &Timetable) -> Vec<String> {
    let mut out = Vec::new();
    let rate = u64::from(capture.seconds_per_student.as_ref().map_or(0, |r| r.value));
    let change = capture.changeover_minutes.value.saturating_mul(60);

    // Groups: (college, class) multiset.
    let mut want: BTreeMap<(String, Option<String>), Vec<usize>> = BTreeMap::new();
    for (i, g) in capture.groups.iter().enumerate() {
        want.entry((g.college.value.clone(), g.class.as_ref().map(|c| c.value.clone()))).or_default().push(i);
    }
    let mut by_station: BTreeMap<(chrono::NaiveDate, &str, u32), Vec<usize>> = BTreeMap::new();
    for (si, s) in tt.slots.iter().enumerate() {
        let label = format!("{} {} {}#{} {}-{}", s.colleges.label(), s.date, s.room, s.station, s.start_label(), s.end_label());
        let Some(room) = capture.room(&s.room) else {
            out.push(format!("{label}: unknown room"));
            continue;
        };
        if s.station == 0 || s.station > room.station_count() || s.stations != vec![s.station] {
            out.push(format!("{label}: bad station"));
        }
        if s.start % 60 != 0 {
            out.push(format!("{label}: does not start on a whole minute"));
        }
        // Inside the room's own hours on that day (its `sessions`, `days`), else the day's.
        let hours = capture.days.iter().find(|d| d.date.value == s.date).map(|d| room_hours(room, d)).unwrap_or_default();
        if !hours.iter().any(|&(a, b)| a <= s.start && s.end <= b) {
            out.push(format!("{label}: not inside a session"));
        }
        by_station.entry((s.date, s.room.as_str(), s.station)).or_default().push(si);

        // The groups of the block, with their sub-slots.
        let mut parts: Vec<(Option<String>, u32, u32)> = Vec::new();
        if s.classes.is_empty() {
            parts.push((None, s.start, s.end));
        } else {
            let mut t = s.start;
            for c in &s.classes {
                if c.start != t {
                    out.push(format!("{label}: class {} does not follow the one before", c.name));
                }
                t = c.end;
                parts.push((Some(c.name.clone()), c.start, c.end));
            }
            if t != s.end {
                out.push(format!("{label}: block end differs from its last class"));
            }
        }
        let mut heads = 0u64;
        for (class, start, end) in parts {
            let key = (s.colleges.label(), class.clone());
            let Some(gi) = want.get_mut(&key).and_then(|v| if v.is_empty() { None } else { Some(v.remove(0)) }) else {
                out.push(format!("{label}: {class:?} is not a group of the roster, or appears twice"));
                continue;
            };
            let g = &capture.groups[gi];
            let h = u64::from(g.headcount().unwrap_or(0));
            heads += h;
            if u64::from(end.saturating_sub(start)) != h * rate {
                out.push(format!("{label}: {} takes {} s, not {} s", g.name(), end.saturating_sub(start), h * rate));
            }
            if let Some(r) = &g.room {
                if r.value != s.room {
                    out.push(format!("{label}: {} is pinned to room {}", g.name(), r.value));
                }
            }
            if let Some(d) = &g.date {
                if d.value != s.date {
                    out.push(format!("{label}: {} is pinned to {}", g.name(), d.value));
                }
            }
            if let Some(t) = &g.not_before {
                if start < t.value {
                    out.push(format!("{label}: {} starts before {}", g.name(), hhmm_floor(t.value)));
                }
            }
            if let Some(t) = &g.not_after {
                if end > t.value {
                    out.push(format!("{label}: {} ends after {}", g.name(), hhmm_ceil(t.value)));
                }
            }
        }
        if s.headcount != Some(heads as u32) {
            out.push(format!("{label}: headcount {:?} is not the sum {heads}", s.headcount));
        }
    }
    for (key, left) in want {
        for gi in left {
            out.push(format!("group {} of {} is not scheduled", capture.groups[gi].name(), key.0));
        }
    }

    for ((date, room, st), mut idx) in by_station {
        idx.sort_by_key(|&i| tt.slots[i].start);
        for w in idx.windows(2) {
            let (a, b) = (&tt.slots[w[0]], &tt.slots[w[1]]);
            let gap = if a.colleges == b.colleges { 0 } else { change };
            if u64::from(b.start) < u64::from(a.end).div_ceil(60) * 60 + u64::from(gap) {
                out.push(format!(
                    "{date} {room}#{st}: {} {}-{} and {} {}-{} overlap or lack the changeover",
                    a.colleges.label(),
                    a.start_label(),
                    a.end_label(),
                    b.colleges.label(),
                    b.start_label(),
                    b.end_label()
                ));
            }
        }
    }

    let mut next: BTreeMap<&Colleges, u32> = BTreeMap::new();
    for s in &tt.slots {
        let n = next.entry(&s.colleges).or_insert(0);
        if s.part != *n {
            out.push(format!("{} {}: part {} where {} was expected", s.colleges.label(), s.start_label(), s.part, n));
        }
        *n += 1;
    }
    out
}
