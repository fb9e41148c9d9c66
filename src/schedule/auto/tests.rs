use super::*;
use crate::base::time::parse_hhmm;
use crate::notice::model::{Day, Group, Room, Session, TimetableSpec};
use crate::schedule::instances::{self, hand_plan, Spec};
use crate::source::{At, Loc, SourceFile};
use chrono::NaiveDate;

fn t(s: &str) -> u32 {
    parse_hhmm(s).unwrap_or(0)
}

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 4, d).unwrap_or_default()
}

/// A capture written by hand: each roster row on its own line of a fake roster file, so
/// diagnostics can be checked for their line.
struct Make {
    rate: u32,
    change: u32,
    rooms: Vec<(&'static str, u32)>,
    days: Vec<(u32, Vec<(&'static str, &'static str)>)>,
    rows: Vec<(&'static str, Option<&'static str>, Option<u32>)>,
}

impl Make {
    fn day(rows: Vec<(&'static str, Option<&'static str>, Option<u32>)>, stations: u32) -> Make {
        Make {
            rate: 20,
            change: 0,
            rooms: vec![("j9-103", stations)],
            days: vec![(12, vec![("08:30", "12:00"), ("14:30", "18:00")])],
            rows,
        }
    }

    fn build(&self) -> Capture {
        let notice = SourceFile::new("content/t.md", "---\ncapture:\n  seconds_per_student: 20\n  rooms: []\n");
        let roster_text: String = self
            .rows
            .iter()
            .map(|(c, k, h)| format!("{c},{},{}\n", k.unwrap_or(""), h.map(|h| h.to_string()).unwrap_or_default()))
            .collect();
        let roster = SourceFile::new("content/r.csv", format!("学院,班级,人数\n{roster_text}"));
        let nl = |line| Loc::new(&notice, line, 3, 5);
        let rl = |i: usize| Loc::new(&roster, i as u32 + 2, 1, 5);
        Capture {
            seconds_per_student: Some(At::new(self.rate, nl(3))),
            changeover_minutes: At::new(self.change, nl(3)),
            arrive_early_minutes: Some(At::new(15, nl(3))),
            days: self
                .days
                .iter()
                .map(|(d, ss)| Day {
                    date: At::new(date(*d), nl(2)),
                    sessions: ss.iter().map(|(a, b)| At::new(Session { start: t(a), end: t(b) }, nl(2))).collect(),
                    part: None,
                })
                .collect(),
            rooms: self
                .rooms
                .iter()
                .map(|(id, n)| Room {
                    id: At::new(id.to_string(), nl(4)),
                    name: At::new(format!("{id}室"), nl(4)),
                    stations: Some(At::new(*n, nl(4))),
                    sessions: None,
                    directions: None,
                    days: None,
                    loc: nl(4),
                })
                .collect(),
            groups: self
                .rows
                .iter()
                .enumerate()
                .map(|(i, (c, k, h))| Group {
                    college: At::new(c.to_string(), rl(i)),
                    class: k.map(|k| At::new(k.to_string(), rl(i))),
                    headcount: h.map(|h| At::new(h, rl(i))),
                    room: None,
                    date: None,
                    not_before: None,
                    not_after: None,
                    loc: rl(i),
                })
                .collect(),
            roster: None,
            timetable: TimetableSpec::Auto,
            loc: nl(2),
            timetable_loc: nl(2),
        }
    }
}

fn codes(r: &Result<Timetable, Vec<Diagnostic>>) -> Vec<&'static str> {
    r.as_ref().err().map(|d| d.iter().map(|x| x.code.as_str()).collect()).unwrap_or_default()
}

#[test]
fn realistic_days_end_near_the_bound_with_fewer_splits_than_by_hand() {
    let (mut ours, mut theirs) = (0, 0);
    for seed in 0..12 {
        let cap = instances::build(&Spec::realistic_day(seed));
        let tt = plan(&cap).expect("a realistic day fits");
        assert_eq!(verify(&cap, &tt), Vec::<String>::new(), "seed {seed}");
        let st = stats(&cap, &tt);
        let gap = st.gap_minutes.unwrap_or(i64::MAX);
        assert!((0..=5).contains(&gap), "seed {seed}: gap {gap} min, {st:?}");
        let hand = stats(&cap, &hand_plan(&cap).expect("hand plan"));
        assert!(st.splits <= hand.splits, "seed {seed}: {} splits, by hand {}", st.splits, hand.splits);
        ours += st.splits;
        theirs += hand.splits;
    }
    assert!(ours < theirs, "{ours} splits against {theirs} by hand");
}

#[test]
fn a_small_day_keeps_colleges_whole_and_starts_on_time() {
    let rows = vec![
        ("文学院", Some("汉语言2201"), Some(30)),
        ("文学院", Some("汉语言2202"), Some(30)),
        ("理学院", Some("数学2201"), Some(45)),
        ("理学院", Some("数学2202"), Some(45)),
        ("文学院", Some("汉语言2203"), Some(30)),
    ];
    let cap = Make::day(rows, 2).build();
    let tt = plan(&cap).expect("fits");
    assert_eq!(verify(&cap, &tt), Vec::<String>::new());
    assert_eq!(tt.slots.len(), 2);
    let wen = tt.slots.iter().find(|s| s.colleges.has("文学院")).expect("文学院");
    assert_eq!((wen.start, wen.end), (t("08:30"), t("09:00")));
    let names: Vec<&str> = wen.classes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["汉语言2201", "汉语言2202", "汉语言2203"]);
    assert_eq!((wen.classes[1].start, wen.classes[1].end), (t("08:40"), t("08:50")));
    let li = tt.slots.iter().find(|s| s.colleges.has("理学院")).expect("理学院");
    assert_eq!((li.start, li.end, li.station), (t("08:30"), t("09:00"), if wen.station == 1 { 2 } else { 1 }));
}

#[test]
fn the_latest_end_comes_before_keeping_a_college_together() {
    // 文学院 whole would end at 09:00; split over both stations everything ends by 08:55.
    let rows = vec![
        ("文学院", Some("A1"), Some(30)),
        ("文学院", Some("A2"), Some(30)),
        ("理学院", Some("B1"), Some(45)),
        ("文学院", Some("A3"), Some(30)),
    ];
    let cap = Make::day(rows, 2).build();
    let tt = plan(&cap).expect("fits");
    assert_eq!(verify(&cap, &tt), Vec::<String>::new());
    let st = stats(&cap, &tt);
    assert_eq!(st.latest_end.map(|b| b.time), Some("08:55".to_string()));
    assert_eq!(st.splits, 1);
}

#[test]
fn changeovers_and_whole_minutes_separate_blocks() {
    let rows = vec![("文学院", Some("汉语言2201"), Some(31)), ("理学院", Some("数学2201"), Some(30))];
    let mut m = Make::day(rows, 1);
    m.change = 5;
    let cap = m.build();
    let tt = plan(&cap).expect("fits");
    assert_eq!(verify(&cap, &tt), Vec::<String>::new());
    // 31 × 20 s = 10:20, shown as 08:40 (every boundary rounds down: schedule::shown); the next
    // block starts after a 5-minute changeover from the real end, on a whole minute.
    assert_eq!(tt.slots[0].end, t("08:30") + 620);
    assert_eq!(tt.slots[0].end_label(), "08:40");
    assert_eq!(tt.slots[1].start, t("08:46"));
}

#[test]
fn too_much_work_says_how_much_and_what_would_fix_it() {
    let mut m = Make::day(
        vec![("文学院", Some("汉语言2201"), Some(90)), ("理学院", Some("数学2201"), Some(90)), ("商学院", Some("会计2201"), Some(90))],
        1,
    );
    m.days = vec![(12, vec![("08:30", "09:30")])];
    let cap = m.build();
    let r = plan(&cap);
    assert_eq!(codes(&r), ["schedule-infeasible"]);
    let d = &r.unwrap_err()[0];
    assert_eq!(d.message, "按每人 20 秒、1 个机位，需要 90 学生·分钟，现有时段只能容纳 60 学生·分钟，还差 30 学生·分钟（约 90 人）");
    assert_eq!(d.help.as_deref(), Some("再增加 1 个机位，或增加一个 0.5 小时的时段，或把每人用时降到 13 秒"));
    assert!(d.related.iter().any(|(_, l)| l == "每人 20 秒"));
}

#[test]
fn a_class_that_cannot_be_cut_to_fit_is_reported() {
    // 80 min of work in two sessions of 40 min: enough minutes, but the 35-minute classes
    // leave 5 minutes a session, too little for the 10-minute one.
    let mut m = Make::day(vec![("文学院", Some("A"), Some(105)), ("理学院", Some("B"), Some(105))], 1);
    m.days = vec![(12, vec![("08:00", "08:40"), ("09:00", "09:40")])];
    assert!(plan(&m.build()).is_ok());
    m.rows.push(("商学院", Some("C"), Some(30)));
    let r = plan(&m.build());
    assert_eq!(codes(&r), ["schedule-infeasible"]);
    let msg = &r.unwrap_err()[0].message;
    assert!(msg.contains("班级不能拆开") && msg.contains("10 学生·分钟（约 30 人）"), "{msg}");
}

#[test]
fn missing_headcount_is_reported_at_the_row() {
    let cap = Make::day(vec![("文学院", Some("A"), Some(30)), ("理学院", Some("B"), None)], 1).build();
    let r = plan(&cap);
    assert_eq!(codes(&r), ["schedule-headcount-missing"]);
    assert_eq!(r.unwrap_err()[0].loc.line, 3);
}

#[test]
fn whole_college_longer_than_any_session_is_reported() {
    let cap = Make::day(vec![("研究生院", None, Some(700))], 3).build();
    let r = plan(&cap);
    assert_eq!(codes(&r), ["schedule-infeasible"]);
    let d = &r.unwrap_err()[0];
    assert!(d.message.contains("研究生院") && d.message.contains("234 分钟"), "{}", d.message);
    assert!(d.help.as_deref().unwrap_or("").contains("按班级列出"));
}

#[test]
fn pins_to_unknown_rooms_and_days_are_reported() {
    let mut cap = Make::day(vec![("文学院", Some("A"), Some(30)), ("理学院", Some("B"), Some(30))], 1).build();
    let loc = cap.groups[0].loc.clone();
    cap.groups[0].room = Some(At::new("j9-13".into(), loc.clone()));
    cap.groups[1].date = Some(At::new(date(13), loc));
    let r = plan(&cap);
    assert_eq!(codes(&r), ["pin-unknown-room", "pin-unhonoured"]);
    let ds = r.unwrap_err();
    assert_eq!(ds[0].help.as_deref(), Some("是不是「j9-103」？教室编号见 capture.rooms 中的 id"));
    assert!(ds[1].message.contains("2025-04-13"));
}

#[test]
fn time_windows_room_and_day_pins_are_honoured() {
    let mut m = Make::day(
        vec![
            ("文学院", Some("A1"), Some(30)),
            ("文学院", Some("A2"), Some(30)),
            ("文学院", Some("A3"), Some(30)),
            ("理学院", Some("B1"), Some(40)),
            ("理学院", Some("B2"), Some(40)),
            ("商学院", Some("C1"), Some(40)),
        ],
        1,
    );
    m.rooms.push(("j9-105", 1));
    m.days.push((13, vec![("08:30", "12:00")]));
    let mut cap = m.build();
    let loc = cap.groups[0].loc.clone();
    cap.groups[1].not_before = Some(At::new(t("10:00"), loc.clone()));
    cap.groups[3].not_after = Some(At::new(t("09:00"), loc.clone()));
    cap.groups[3].room = Some(At::new("j9-105".into(), loc.clone()));
    cap.groups[5].date = Some(At::new(date(13), loc));
    let tt = plan(&cap).expect("fits");
    assert_eq!(verify(&cap, &tt), Vec::<String>::new());
    let a2 = tt.slots.iter().flat_map(|s| &s.classes).find(|c| c.name == "A2").expect("A2");
    assert!(a2.start >= t("10:00"));
    // A2 is forced into a block of its own; B1 stays in its room before 09:00; C1 on its day.
    let alone = tt.slots.iter().find(|s| s.classes.iter().any(|c| c.name == "A2")).expect("A2");
    assert_eq!(alone.classes.len(), 1);
    let b1 = tt.slots.iter().find(|s| s.classes.iter().any(|c| c.name == "B1")).expect("B1");
    assert_eq!(b1.room, "j9-105");
    assert!(b1.classes.iter().all(|c| c.name != "B1" || c.end <= t("09:00")));
    let c1 = tt.slots.iter().find(|s| s.colleges.has("商学院")).expect("C1");
    assert_eq!(c1.date, date(13));
    // C1 alone sets the latest end on the 13th; the free classes (A1, A3, B2: 33 min 20 s on
    // two stations next to B1's 13 min 20 s) still end on the 12th as early as they can,
    // 08:54 (a block starts on a whole minute after B1), even if 文学院 takes a third block.
    let free_end = tt.slots.iter().flat_map(|s| &s.classes).filter(|c| ["A1", "A3", "B2"].contains(&c.name.as_str())).map(|c| c.end).max();
    assert_eq!(free_end, Some(t("08:54")));
}

#[test]
fn a_time_window_nobody_can_meet_is_reported_at_the_pin() {
    let mut cap = Make::day(vec![("文学院", Some("A"), Some(66))], 1).build();
    let loc = Loc::new(&cap.groups[0].loc.file, 9, 9, 5);
    cap.groups[0].not_before = Some(At::new(t("11:40"), loc.clone()));
    cap.groups[0].not_after = Some(At::new(t("12:30"), loc));
    let r = plan(&cap);
    assert_eq!(codes(&r), ["pin-unhonoured"]);
    assert_eq!(r.unwrap_err()[0].loc.line, 9);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let cap = instances::build(&Spec { pins: 0.15, changeover_minutes: 2, rooms: vec![2, 2], ..Spec::realistic_day(3) });
    let a = serde_json::to_string(&plan(&cap).expect("fits")).unwrap_or_default();
    let b = serde_json::to_string(&plan(&cap).expect("fits")).unwrap_or_default();
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn several_rooms_and_days_fill_the_days_in_order() {
    let spec = Spec { classes: 500, rooms: vec![3, 2], days: 3, ..Spec::realistic_day(5) };
    let cap = instances::build(&spec);
    let tt = plan(&cap).expect("fits");
    assert_eq!(verify(&cap, &tt), Vec::<String>::new());
    let st = stats(&cap, &tt);
    assert!(st.gap_minutes.is_some_and(|g| (0..=10).contains(&g)), "{st:?}");
    // Every day before the bound's day is full to its last session's end.
    for d in &st.days[..st.days.len() - 1] {
        assert!(d.gap_minutes.is_some_and(|g| g.abs() <= 2), "{d:?}");
    }
}

#[test]
fn pinned_instances_stay_valid() {
    for seed in 0..6 {
        let spec = Spec { classes: 240, rooms: vec![2, 2], days: 2, pins: 0.2, changeover_minutes: 1, ..Spec::realistic_day(seed) };
        let cap = instances::build(&spec);
        let tt = plan(&cap).expect("fits");
        assert_eq!(verify(&cap, &tt), Vec::<String>::new(), "seed {seed}");
    }
}

#[test]
fn the_bound_lays_the_work_into_the_sessions_in_order() {
    // 3,600 students × 20 s = 1,200 min on 3 stations: 630 in the morning, 570 / 3 = 190 min
    // after 14:30.
    let rows: Vec<_> = (0..100).map(|_| ("文学院", Some("A"), Some(36))).collect();
    let cap = Make::day(rows, 3).build();
    let st = stats(&cap, &Timetable::default());
    let b = st.bound.expect("bound");
    assert_eq!((b.date, b.time.as_str()), (date(12), "17:40"));
}

#[test]
fn text_shows_the_plan_and_the_summary() {
    let cap = instances::build(&Spec::realistic_day(1));
    let tt = plan(&cap).expect("fits");
    let text = render_text(&cap, &tt);
    for needle in ["2025-04-12（星期六）", "第九教学楼103室（j9-103）", "机位 3", "汇总", "下界", "学院拆分", "机位利用率"]
    {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
}

#[test]
fn best_subset_fills_as_much_as_possible() {
    assert_eq!(fill::best_subset(&[5, 4, 3], 7), vec![1, 2]);
    assert_eq!(fill::best_subset(&[8, 9], 7), Vec::<usize>::new());
    let w: Vec<u64> = (1..=70).map(|i| (i * 37 % 101) + 64).collect();
    let pick = fill::best_subset(&w, 1000);
    assert_eq!(pick.iter().map(|&i| w[i]).sum::<u64>(), 1000);
}

/// 100 classes on 5 stations over a day and a half, one class pinned to the second morning: the
/// pin forces the latest end, but the rest must still end near the first day's own bound, with
/// the stations balanced.
fn date_pinned_demo(seed: u64, change: u32) -> Capture {
    let mut cap = instances::build(&Spec { rooms: vec![3, 2], days: 2, changeover_minutes: change, ..Spec::realistic_day(seed) });
    if let Some(d) = cap.days.get_mut(1) {
        d.sessions.truncate(1);
    }
    let second = cap.days[1].date.value;
    let g = &mut cap.groups[84];
    g.date = Some(At::new(second, g.loc.clone()));
    cap
}

#[test]
fn a_class_pinned_to_a_later_day_does_not_loosen_the_first() {
    for (seed, change) in (0..6).flat_map(|s| [(s, 0), (s, 2)]) {
        let cap = date_pinned_demo(seed, change);
        let tt = plan(&cap).expect("fits");
        let at = format!("seed {seed}, changeover {change}");
        assert_eq!(verify(&cap, &tt), Vec::<String>::new(), "{at}");
        let first = cap.days[0].date.value;
        let second = cap.days[1].date.value;
        // Only the pinned class on the second day.
        let late: Vec<&str> =
            tt.slots.iter().filter(|s| s.date == second).flat_map(|s| s.classes.iter().map(|c| c.name.as_str())).collect();
        assert_eq!(late, [cap.groups[84].name()], "{at}");
        // The first day ends within 5 minutes of its bound (counting one changeover per
        // college when there are changeovers).
        let st = stats(&cap, &tt);
        let day1 = st.days.iter().find(|d| d.date == first).expect("day 1");
        let bound = if change == 0 { st.bound.as_ref() } else { st.bound_with_changeovers.as_ref() }.expect("bound");
        assert_eq!(bound.date, first, "{at}");
        let end = tt.slots.iter().filter(|s| s.date == first).map(|s| s.end).max();
        let gap = (i64::from(end.unwrap_or(0).div_ceil(60)) - i64::from(bound.secs.div_ceil(60))).abs();
        // Before this was handled, the first day ran on to the pinned class's end (17:39, 163
        // minutes after its bound, on the demo). With changeovers the packer still loses a few
        // minutes to them in the short afternoon stretches.
        let allowed = if change == 0 { 5 } else { 8 };
        assert!(gap <= allowed, "{at}: {day1:?}, bound {bound:?}");
        // Every station works about as long on the first day (before: 393 minutes on the first
        // station, about 200 on the others). The spread left is the slack of the whole-minute
        // limit that the stretches could not use, plus the changeovers of stations with more
        // blocks.
        let mut loads: Vec<u32> = Vec::new();
        for r in &cap.rooms {
            for no in 1..=r.station_count() {
                let busy = tt
                    .slots
                    .iter()
                    .filter(|s| s.date == first && s.room == r.id.value && s.station == no)
                    .map(|s| s.end - s.start)
                    .sum::<u32>();
                loads.push(busy / 60);
            }
        }
        let (lo, hi) = (loads.iter().min(), loads.iter().max());
        let spread = hi.zip(lo).map_or(u32::MAX, |(h, l)| h - l);
        assert!(spread <= 20, "{at}: first-day loads {loads:?}");
    }
}

/// A capture read from notice text (as `check` reads it).
fn capture_of(front: &str) -> Capture {
    let file = SourceFile::new("content/n.md", format!("---\n{front}---\n"));
    let (n, diags) = crate::notice::load_source(std::path::Path::new("."), file);
    assert!(diags.is_empty(), "{diags:?}");
    n.expect("notice").capture
}

#[test]
fn rooms_with_their_own_hours_and_days_get_blocks_only_then() {
    let rows: String = (1..=14).map(|i| format!("    - {{ college: 学院{}, class: 班{i}, headcount: 40 }}\n", (i - 1) / 3)).collect();
    let cap = capture_of(&format!(
        "title: t\nschool: s\ncohort: 2025\naudience: a\nfee: {{ amount: 0, payer: school }}\ncapture:\n  seconds_per_student: 30\n  days:\n    - date: 2025-04-12\n      sessions: [\"08:00-11:30\", \"14:00-17:00\"]\n    - date: 2025-04-13\n      sessions: [\"08:00-11:30\"]\n  rooms:\n    - {{ id: a, stations: 1, days: [2025-04-13] }}\n    - {{ id: b, stations: 2, sessions: [\"09:00-10:00\", \"15:00-16:00\"] }}\n  groups:\n{rows}  timetable: auto\n"
    ));
    let tt = plan(&cap).expect("feasible");
    assert!(verify(&cap, &tt).is_empty(), "{:?}", verify(&cap, &tt));
    assert!(tt.slots.iter().any(|s| s.room == "a"), "room a is used on its day");
    for s in &tt.slots {
        if s.room == "a" {
            assert_eq!(s.date, NaiveDate::from_ymd_opt(2025, 4, 13).expect("date"), "{s:?}");
        } else {
            let inside = [("09:00", "10:00"), ("15:00", "16:00")].iter().any(|(a, b)| t(a) <= s.start && s.end <= t(b));
            assert!(inside, "room b outside its own hours: {s:?}");
        }
    }
}
