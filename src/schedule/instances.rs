//! Realistic scheduling instances for tests and benchmarks: Chinese colleges and classes of 25–45
//! students, rooms with camera stations, capture days with a morning and an afternoon session,
//! optional pins. Deterministic: the same `Spec` gives the same `Capture`.
//!
//! Also a model of how a registrar packs the day by hand (`hand_plan`), to compare against.

use crate::base::time::Secs;
use crate::notice::model::{Capture, Day, Group, Room, Session, TimetableSpec};
use crate::schedule::types::{ClassSlot, Colleges, Slot, Timetable};
use crate::source::{At, Loc, SourceFile};
use chrono::{Duration, NaiveDate};
use std::fmt::Write as _;
use std::sync::Arc;

/// SplitMix64: small, fast and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.next_u64() % (hi - lo + 1)
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    pub classes: usize,
    /// Exactly this many colleges, or as many as the class counts give.
    pub colleges: Option<usize>,
    /// Classes per college.
    pub college_classes: (usize, usize),
    /// Students per class.
    pub class_size: (u32, u32),
    /// Stations of each room.
    pub rooms: Vec<u32>,
    pub days: usize,
    pub first_day: NaiveDate,
    pub sessions: Vec<(Secs, Secs)>,
    pub seconds_per_student: u32,
    pub changeover_minutes: u32,
    /// Share of colleges given as one whole-college group (no classes).
    pub whole_colleges: f64,
    /// Share of classes with a pin (room, date or time window).
    pub pins: f64,
    pub seed: u64,
}

const fn hm(h: u32, m: u32) -> Secs {
    h * 3600 + m * 60
}

impl Spec {
    /// About 100 classes (about 3,600 students) in colleges of 2–8 classes, one room with three
    /// stations, 20 s a student, 08:30–12:00 and 14:30–18:00.
    pub fn realistic_day(seed: u64) -> Spec {
        Spec {
            classes: 100,
            colleges: None,
            college_classes: (2, 8),
            class_size: (27, 45),
            rooms: vec![3],
            days: 1,
            first_day: NaiveDate::from_ymd_opt(2025, 4, 12).unwrap_or_default(),
            sessions: vec![(hm(8, 30), hm(12, 0)), (hm(14, 30), hm(18, 0))],
            seconds_per_student: 20,
            changeover_minutes: 0,
            whole_colleges: 0.0,
            pins: 0.0,
            seed,
        }
    }

    /// A province-scale run: 10,000 classes in 300 colleges on 40 stations over 10 days.
    pub fn large(seed: u64) -> Spec {
        Spec {
            classes: 10_000,
            colleges: Some(300),
            college_classes: (15, 52),
            class_size: (25, 45),
            rooms: vec![4; 10],
            days: 10,
            ..Spec::realistic_day(seed)
        }
    }
}

/// Colleges with the short names of their majors, as class names use them (计科2201).
const COLLEGES: &[(&str, &[&str])] = &[
    ("计算机科学与工程学院", &["计科", "软件", "网络", "物联网"]),
    ("数学与计算科学学院", &["数学", "信计", "统计"]),
    ("物理与电子科学学院", &["物理", "电科", "光电"]),
    ("化学化工学院", &["化学", "化工", "应化"]),
    ("材料科学与工程学院", &["材料", "高分子", "金属"]),
    ("机电工程学院", &["机械", "机电", "车辆"]),
    ("信息与电气工程学院", &["电气", "自动化", "通信"]),
    ("土木工程学院", &["土木", "道桥", "工管"]),
    ("建筑与艺术设计学院", &["建筑", "环设", "视传"]),
    ("资源环境与安全工程学院", &["采矿", "安全", "环境"]),
    ("地球科学与空间信息工程学院", &["地质", "测绘", "遥感"]),
    ("生命科学与健康学院", &["生物", "生技", "食品"]),
    ("商学院", &["会计", "财管", "工商", "电商"]),
    ("经济学院", &["经济", "金融", "国贸"]),
    ("法学与公共管理学院", &["法学", "行管", "社工"]),
    ("马克思主义学院", &["思政"]),
    ("人文学院", &["汉语言", "历史", "秘书"]),
    ("外国语学院", &["英语", "日语", "翻译"]),
    ("教育学院", &["教育", "学前", "心理"]),
    ("体育学院", &["体教", "社体"]),
    ("音乐学院", &["音乐", "舞蹈"]),
    ("美术与设计学院", &["美术", "产品", "动画"]),
    ("新闻与传播学院", &["新闻", "广告", "网媒"]),
    ("医学院", &["临床", "护理", "药学"]),
    ("农学院", &["农学", "园艺", "植保"]),
    ("能源与动力工程学院", &["能动", "新能源"]),
    ("航空航天学院", &["飞行器", "航电"]),
    ("海洋科学学院", &["海科", "海技"]),
    ("管理学院", &["物流", "人资", "信管"]),
    ("旅游学院", &["旅管", "酒管"]),
];

const CAMPUSES: &[&str] = &[
    "",
    "（南校区）",
    "（北校区）",
    "（东校区）",
    "（西校区）",
    "（新校区）",
    "（湘江校区）",
    "（潇湘学院）",
    "（继续教育）",
    "（国际部）",
];

/// 1 → 一, 10 → 十, 19 → 十九, 42 → 四十二 (below 100).
fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { D[n % 10] }),
        20..=99 => format!("{}十{}", D[n / 10], if n.is_multiple_of(10) { "" } else { D[n % 10] }),
        _ => n.to_string(),
    }
}

fn college_name(i: usize) -> String {
    let (base, _) = COLLEGES[i % COLLEGES.len()];
    let round = i / COLLEGES.len();
    match CAMPUSES.get(round) {
        Some(c) => format!("{base}{c}"),
        None => format!("{base}（第{}分院）", round + 1),
    }
}

fn class_sizes(spec: &Spec, rng: &mut Rng) -> Vec<usize> {
    let (lo, hi) = (spec.college_classes.0.max(1), spec.college_classes.1.max(spec.college_classes.0.max(1)));
    let mut sizes: Vec<usize> = Vec::new();
    match spec.colleges {
        Some(n) if n > 0 => {
            sizes = (0..n).map(|_| rng.range(lo as u64, hi as u64) as usize).collect();
            let mut sum: usize = sizes.iter().sum();
            let mut guard = 0;
            while sum != spec.classes && guard < 10 * spec.classes + 1000 {
                guard += 1;
                let i = rng.range(0, n as u64 - 1) as usize;
                if sum < spec.classes && sizes[i] < hi {
                    sizes[i] += 1;
                    sum += 1;
                } else if sum > spec.classes && sizes[i] > lo {
                    sizes[i] -= 1;
                    sum -= 1;
                }
            }
        }
        _ => {
            let mut sum = 0;
            while sum < spec.classes {
                let k = (rng.range(lo as u64, hi as u64) as usize).min(spec.classes - sum);
                sizes.push(k);
                sum += k;
            }
        }
    }
    sizes
}

/// Builds the capture. Every fact has a location in a generated notice or roster text, so
/// diagnostics on generated instances point somewhere real.
pub fn build(spec: &Spec) -> Capture {
    let mut rng = Rng::new(spec.seed);
    let mut notice = String::from("---\ncapture:\n");
    let _ = writeln!(notice, "  seconds_per_student: {}", spec.seconds_per_student);
    let _ = writeln!(notice, "  changeover_minutes: {}", spec.changeover_minutes);
    notice.push_str("  arrive_early_minutes: 15\n  days:\n");
    let sessions_text: Vec<String> = spec.sessions.iter().map(|&(a, b)| format!("\"{}\"", Session { start: a, end: b }.label())).collect();
    let dates: Vec<NaiveDate> = (0..spec.days).map(|i| spec.first_day + Duration::days(i as i64)).collect();
    for d in &dates {
        let _ = writeln!(notice, "    - date: {d}\n      sessions: [{}]", sessions_text.join(", "));
    }
    notice.push_str("  rooms:\n");
    let room_ids: Vec<(String, String)> = (0..spec.rooms.len())
        .map(|i| (format!("j{}-{}", 9 + i / 5, 103 + i % 5), format!("第{}教学楼{}室", chinese_number(9 + i / 5), 103 + i % 5)))
        .collect();
    for ((id, name), st) in room_ids.iter().zip(&spec.rooms) {
        let _ = writeln!(notice, "    - id: {id}\n      name: {name}\n      stations: {st}");
    }
    notice.push_str("  groups: rosters/generated.csv\n  timetable: auto\n---\n");
    let nfile = SourceFile::new("content/generated.md", notice);
    let line_of = |needle: &str, nth: usize| -> u32 {
        nfile.text.lines().enumerate().filter(|(_, l)| l.contains(needle)).nth(nth).map_or(1, |(i, _)| i as u32 + 1)
    };
    let at = |line: u32, f: &Arc<SourceFile>| {
        let text = f.line_text(line);
        let col = text.chars().take_while(|c| *c == ' ' || *c == '-').count() as u32 + 1;
        Loc::new(f, line, col, text.chars().count().max(1) as u32)
    };
    let days: Vec<Day> = dates
        .iter()
        .enumerate()
        .map(|(i, &d)| Day {
            date: At::new(d, at(line_of("- date:", i), &nfile)),
            sessions: spec
                .sessions
                .iter()
                .map(|&(a, b)| At::new(Session { start: a, end: b }, at(line_of("sessions:", i), &nfile)))
                .collect(),
            part: None,
        })
        .collect();
    let rooms: Vec<Room> = room_ids
        .iter()
        .zip(&spec.rooms)
        .enumerate()
        .map(|(i, ((id, name), &st))| Room {
            id: At::new(id.clone(), at(line_of("- id:", i), &nfile)),
            name: At::new(name.clone(), at(line_of("name:", i), &nfile)),
            stations: Some(At::new(st, at(line_of("stations:", i), &nfile))),
            sessions: None,
            directions: None,
            days: None,
            loc: at(line_of("- id:", i), &nfile),
        })
        .collect();

    // The roster: one line per group.
    let mut rows: Vec<(String, Option<String>, u32)> = Vec::new();
    for (ci, &k) in class_sizes(spec, &mut rng).iter().enumerate() {
        let college = college_name(ci);
        let majors = COLLEGES[ci % COLLEGES.len()].1;
        let sizes: Vec<u32> = (0..k).map(|_| rng.range(u64::from(spec.class_size.0), u64::from(spec.class_size.1)) as u32).collect();
        if rng.chance(spec.whole_colleges) {
            rows.push((college, None, sizes.iter().sum()));
            continue;
        }
        for (j, h) in sizes.into_iter().enumerate() {
            let major = majors[j % majors.len()];
            rows.push((college.clone(), Some(format!("{major}{}", 2201 + j / majors.len())), h));
        }
    }
    let mut csv = String::from("学院,班级,人数\n");
    for (c, k, h) in &rows {
        let _ = writeln!(csv, "{c},{},{h}", k.as_deref().unwrap_or(""));
    }
    let rfile = SourceFile::new("content/rosters/generated.csv", csv);
    let groups = rows
        .into_iter()
        .enumerate()
        .map(|(i, (college, class, h))| {
            let loc = Loc::new(&rfile, i as u32 + 2, 1, rfile.line_text(i as u32 + 2).chars().count() as u32);
            let mut g = Group {
                college: At::new(college, loc.clone()),
                class: class.map(|c| At::new(c, loc.clone())),
                headcount: Some(At::new(h, loc.clone())),
                room: None,
                date: None,
                not_before: None,
                not_after: None,
                loc: loc.clone(),
            };
            if rng.chance(spec.pins) {
                pin(&mut g, spec, &room_ids, &dates, &mut rng, &loc);
            }
            g
        })
        .collect();

    Capture {
        seconds_per_student: Some(At::new(spec.seconds_per_student, at(line_of("seconds_per_student", 0), &nfile))),
        changeover_minutes: At::new(spec.changeover_minutes, at(line_of("changeover_minutes", 0), &nfile)),
        arrive_early_minutes: Some(At::new(15, at(line_of("arrive_early", 0), &nfile))),
        days,
        rooms,
        groups,
        roster: Some("content/rosters/generated.csv".into()),
        timetable: TimetableSpec::Auto,
        loc: at(line_of("capture:", 0), &nfile),
        timetable_loc: at(line_of("timetable:", 0), &nfile),
    }
}

/// A random pin of one kind: a room, a day, or a time window inside one session.
fn pin(g: &mut Group, spec: &Spec, rooms: &[(String, String)], dates: &[NaiveDate], rng: &mut Rng, loc: &Loc) {
    match rng.range(0, 3) {
        0 if !rooms.is_empty() => {
            let r = rng.range(0, rooms.len() as u64 - 1) as usize;
            g.room = Some(At::new(rooms[r].0.clone(), loc.clone()));
        }
        1 if !dates.is_empty() => {
            let d = rng.range(0, dates.len() as u64 - 1) as usize;
            g.date = Some(At::new(dates[d], loc.clone()));
        }
        _ if !spec.sessions.is_empty() => {
            let s = rng.range(0, spec.sessions.len() as u64 - 1) as usize;
            let (a, b) = spec.sessions[s];
            if rng.chance(0.5) {
                g.not_before = Some(At::new(a + (b - a) / 2 / 60 * 60, loc.clone()));
            } else {
                g.not_after = Some(At::new(b, loc.clone()));
            }
        }
        _ => {}
    }
}

/// How a registrar packs the day by hand: colleges in roster order, each to the station that
/// frees up first; a college that reaches the end of a session continues after the break.
/// Pins are ignored; work that does not fit runs past the last session. `None` without
/// sessions, stations or headcounts.
pub fn hand_plan(capture: &Capture) -> Option<Timetable> {
    let rate = capture.seconds_per_student.as_ref()?.value;
    let change = capture.changeover_minutes.value * 60;
    let mut days: Vec<&Day> = capture.days.iter().collect();
    days.sort_by_key(|d| d.date.value);
    let sessions: Vec<(NaiveDate, Secs, Secs)> =
        days.iter().flat_map(|d| d.sessions.iter().map(move |s| (d.date.value, s.value.start, s.value.end))).collect();
    let stations: Vec<(String, u32)> =
        capture.rooms.iter().flat_map(|r| (1..=r.station_count()).map(move |n| (r.id.value.clone(), n))).collect();
    // (session index, time) per station.
    let mut cursor: Vec<(usize, Secs)> = vec![(0, sessions.first()?.1); stations.len()];
    let mut colleges: Vec<&str> = Vec::new();
    for g in &capture.groups {
        if !colleges.contains(&g.college.value.as_str()) {
            colleges.push(&g.college.value);
        }
    }
    let mut tt = Timetable::default();
    for college in colleges {
        let s = (0..stations.len()).min_by_key(|&i| (cursor[i], i))?;
        let (mut j, mut t) = cursor[s];
        let mut slot: Option<Slot> = None;
        for g in capture.groups.iter().filter(|g| g.college.value == college) {
            let d = g.headcount()? * rate;
            // Past the last session the day simply runs late, as hand-made plans do.
            while t + d > sessions.get(j)?.2 && j + 1 < sessions.len() {
                tt.slots.extend(slot.take());
                j += 1;
                t = sessions.get(j)?.1;
            }
            let sl = slot.get_or_insert_with(|| Slot {
                date: sessions[j].0,
                start: t,
                end: t,
                room: stations[s].0.clone(),
                station: stations[s].1,
                stations: vec![stations[s].1],
                colleges: Colleges::one(college),
                headcount: Some(0),
                classes: Vec::new(),
                part: 0,
                open: false,
            });
            sl.end = t + d;
            sl.headcount = sl.headcount.map(|h| h + g.headcount().unwrap_or(0));
            if g.class.is_some() {
                sl.classes.push(ClassSlot { name: g.name().to_string(), headcount: g.headcount(), start: t, end: t + d });
            }
            t += d;
        }
        if let Some(sl) = slot.take() {
            t = sl.end.div_ceil(60) * 60 + change;
            tt.slots.push(sl);
        }
        cursor[s] = (j, t);
    }
    tt.sort();
    super::auto::number_parts(&mut tt);
    Some(tt)
}
