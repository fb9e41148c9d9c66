//! Figures for a timetable: latest end against the lower bound, splits, utilisation; and the
//! plan as readable Chinese text.

use super::infeasible::thousands;
use super::model::{sessions_in_order, Sess};
use crate::base::time::{hhmm_ceil, Secs};
use crate::notice::model::Capture;
use crate::schedule::types::{Colleges, Timetable};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A point in time: a day and `HH:MM` (rounded up, as ends are shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bound {
    pub date: NaiveDate,
    pub time: String,
    #[serde(skip)]
    pub secs: Secs,
}

impl Bound {
    fn new(date: NaiveDate, secs: Secs) -> Bound {
        Bound { date, time: hhmm_ceil(secs), secs }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayStats {
    pub date: NaiveDate,
    /// The latest end of any block that day.
    pub latest_end: Option<String>,
    /// The lower bound for that day: the last session's end on days the bound fills, the bound
    /// itself on its day, none after it.
    pub bound: Option<String>,
    /// Whole minutes from the bound to the latest end (shown times).
    pub gap_minutes: Option<i64>,
    pub blocks: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StationStats {
    pub room: String,
    pub station: u32,
    pub busy_minutes: u64,
    pub available_minutes: u64,
    /// Busy time over session time, 0 to 1.
    pub utilisation: f64,
}

/// Figures for `tuxiang schedule --format text` and the benchmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanStats {
    pub groups: usize,
    pub colleges: usize,
    pub students: u64,
    pub stations: usize,
    /// Capture work: students × seconds per student, in minutes (rounded up).
    pub work_minutes: u64,
    pub latest_end: Option<Bound>,
    /// The lower bound on the latest end: the work divided by the stations, laid into the
    /// sessions in time order.
    pub bound: Option<Bound>,
    /// The same bound counting the changeovers every plan needs (one block per college at least).
    pub bound_with_changeovers: Option<Bound>,
    /// Minutes of session time from `bound` to `latest_end`.
    pub gap_minutes: Option<i64>,
    pub blocks: usize,
    /// Extra blocks: for each college, its blocks minus one.
    pub splits: usize,
    /// Busy time over session time, all stations.
    pub utilisation: f64,
    pub days: Vec<DayStats>,
    pub per_station: Vec<StationStats>,
}

/// Seconds of session time from the first session to `(date, t)`.
fn offset(sessions: &[Sess], date: NaiveDate, t: Secs) -> u64 {
    sessions
        .iter()
        .map(|s| {
            if s.date < date || (s.date == date && s.end <= t) {
                u64::from(s.end - s.start)
            } else if s.date == date && s.start < t {
                u64::from(t - s.start)
            } else {
                0
            }
        })
        .sum()
}

/// Where cumulative capacity over `stations` first reaches `need(j)` seconds of work, where
/// `need` may depend on the session the plan ends in.
fn lay(sessions: &[Sess], stations: u64, need: impl Fn(usize) -> u64) -> Option<Bound> {
    if stations == 0 {
        return None;
    }
    let mut before = 0u64;
    for (j, s) in sessions.iter().enumerate() {
        let n = need(j);
        let cap = u64::from(s.end - s.start) * stations;
        if before + cap >= n {
            let into = n.saturating_sub(before).div_ceil(stations);
            return Some(Bound::new(s.date, s.start + into as Secs));
        }
        before += cap;
    }
    None
}

pub fn stats(capture: &Capture, tt: &Timetable) -> PlanStats {
    let sessions = sessions_in_order(capture);
    let rate = u64::from(capture.seconds_per_student.as_ref().map_or(0, |r| r.value));
    let stations: u64 = capture.rooms.iter().map(|r| u64::from(r.station_count())).sum();
    let students: u64 = capture.groups.iter().map(|g| u64::from(g.headcount().unwrap_or(0))).sum();
    let work = students * rate;
    let mut colleges: Vec<&str> = capture.groups.iter().map(|g| g.college.value.as_str()).collect();
    colleges.sort();
    colleges.dedup();
    let change = u64::from(capture.changeover_minutes.value) * 60;
    let units = colleges.len() as u64;

    let bound = if work == 0 { None } else { lay(&sessions, stations, |_| work) };
    let bound_with_changeovers =
        if work == 0 { None } else { lay(&sessions, stations, |j| work + change * units.saturating_sub((j as u64 + 1) * stations)) };
    let latest_end = tt.slots.iter().map(|s| (s.date, s.end)).max().map(|(d, t)| Bound::new(d, t));
    let gap_minutes = match (&latest_end, &bound) {
        (Some(l), Some(b)) => {
            Some((offset(&sessions, l.date, l.secs).div_ceil(60) as i64) - (offset(&sessions, b.date, b.secs).div_ceil(60) as i64))
        }
        _ => None,
    };

    let mut per_college: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &tt.slots {
        for c in s.colleges.iter() {
            *per_college.entry(c.as_str()).or_insert(0) += 1;
        }
    }
    let splits = per_college.values().map(|n| n - 1).sum();

    let mut dates: Vec<NaiveDate> = sessions.iter().map(|s| s.date).collect();
    dates.dedup();
    for d in tt.dates() {
        if !dates.contains(&d) {
            dates.push(d);
        }
    }
    dates.sort();
    let days = dates
        .iter()
        .map(|&date| {
            let ends: Vec<Secs> = tt.slots.iter().filter(|s| s.date == date).map(|s| s.end).collect();
            let latest = ends.iter().copied().max();
            let day_bound = bound.as_ref().and_then(|b| {
                if date < b.date {
                    sessions.iter().filter(|s| s.date == date).map(|s| s.end).max()
                } else if date == b.date {
                    Some(b.secs)
                } else {
                    None
                }
            });
            let gap = match (latest, day_bound) {
                (Some(l), Some(b)) => Some(offset(&sessions, date, l).div_ceil(60) as i64 - offset(&sessions, date, b).div_ceil(60) as i64),
                _ => None,
            };
            DayStats { date, latest_end: latest.map(hhmm_ceil), bound: day_bound.map(hhmm_ceil), gap_minutes: gap, blocks: ends.len() }
        })
        .collect();

    let available: u64 = sessions.iter().map(|s| u64::from(s.end - s.start)).sum();
    let mut per_station = Vec::new();
    let mut busy_all = 0u64;
    for r in &capture.rooms {
        for no in 1..=r.station_count() {
            let busy: u64 = tt
                .slots
                .iter()
                .filter(|s| s.room == r.id.value && s.stations.contains(&no))
                .map(|s| u64::from(s.end.saturating_sub(s.start)))
                .sum();
            busy_all += busy;
            per_station.push(StationStats {
                room: r.id.value.clone(),
                station: no,
                busy_minutes: busy.div_ceil(60),
                available_minutes: available / 60,
                utilisation: if available > 0 { busy as f64 / available as f64 } else { 0.0 },
            });
        }
    }
    let total_available = available * stations;
    PlanStats {
        groups: capture.groups.len(),
        colleges: colleges.len(),
        students,
        stations: stations as usize,
        work_minutes: work.div_ceil(60),
        latest_end,
        bound,
        bound_with_changeovers,
        gap_minutes,
        blocks: tt.slots.len(),
        splits,
        utilisation: if total_available > 0 { busy_all as f64 / total_available as f64 } else { 0.0 },
        days,
        per_station,
    }
}

fn weekday(d: NaiveDate) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "日"][d.weekday().num_days_from_monday() as usize]
}

/// The plan as readable text: day, room, station, blocks with their classes; then a summary.
pub fn render_text(capture: &Capture, tt: &Timetable) -> String {
    let mut out = String::new();
    let mut blocks_of: BTreeMap<&Colleges, u32> = BTreeMap::new();
    for s in &tt.slots {
        *blocks_of.entry(&s.colleges).or_insert(0) += 1;
    }
    let room_name = |id: &str| capture.room(id).map_or_else(|| id.to_string(), |r| format!("{}（{id}）", r.name.value));
    for date in tt.dates() {
        let _ = writeln!(out, "{date}（星期{}）", weekday(date));
        for room in tt.rooms() {
            let mut stations: Vec<u32> = tt.slots.iter().filter(|s| s.date == date && s.room == room).map(|s| s.station).collect();
            stations.sort();
            stations.dedup();
            if stations.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}", room_name(room));
            for st in stations {
                let _ = writeln!(out, "    机位 {st}");
                for s in tt.slots.iter().filter(|s| s.date == date && s.room == room && s.station == st) {
                    let part = if blocks_of.get(&s.colleges).copied().unwrap_or(1) > 1 {
                        format!("（第 {} 段）", s.part + 1)
                    } else {
                        String::new()
                    };
                    let heads = s.headcount.map(|h| format!("  共 {h} 人")).unwrap_or_default();
                    let _ = writeln!(out, "      {}-{}  {}{part}{heads}", s.start_label(), s.end_label(), s.colleges.label());
                    for c in &s.classes {
                        let h = c.headcount.map(|h| format!("{h} 人")).unwrap_or_default();
                        let _ = writeln!(out, "          {}  {}  {h}", c.shown(None).span_with('-'), c.name);
                    }
                }
            }
        }
    }
    out.push_str(&summary(capture, tt));
    out
}

fn summary(capture: &Capture, tt: &Timetable) -> String {
    let st = stats(capture, tt);
    let mut out = String::from("汇总\n");
    let _ = writeln!(
        out,
        "  {} 个分组、{} 个学院、{} 人，{} 个机位，按每人 {} 秒共需 {} 分钟",
        st.groups,
        st.colleges,
        thousands(st.students),
        st.stations,
        capture.seconds_per_student.as_ref().map_or(0, |r| r.value),
        thousands(st.work_minutes)
    );
    for d in &st.days {
        let line = match (&d.latest_end, &d.bound, d.gap_minutes) {
            (Some(l), Some(b), Some(g)) => format!("最晚 {l} 结束，下界 {b}，相差 {g} 分钟"),
            (Some(l), None, _) => format!("最晚 {l} 结束"),
            (None, _, _) => "没有安排".to_string(),
            (Some(l), Some(b), None) => format!("最晚 {l} 结束，下界 {b}"),
        };
        let _ = writeln!(out, "  {}：{line}", d.date);
    }
    if let (Some(l), Some(b), Some(g)) = (&st.latest_end, &st.bound, st.gap_minutes) {
        let _ = writeln!(out, "  全部结束于 {} {}；下界 {} {}（只按总工作量计算），相差 {g} 分钟", l.date, l.time, b.date, b.time);
    }
    if let Some(b) = &st.bound_with_changeovers {
        if capture.changeover_minutes.value > 0 {
            let _ = writeln!(out, "  计入每个学院至少一次换组间隔后，下界为 {} {}", b.date, b.time);
        }
    }
    let _ = writeln!(out, "  学院拆分 {} 次（共 {} 段）", st.splits, st.blocks);
    let _ = writeln!(out, "  机位利用率 {:.1}%", st.utilisation * 100.0);
    for s in &st.per_station {
        let _ = writeln!(
            out,
            "    {} 机位 {}：{} / {} 分钟（{:.1}%）",
            s.room,
            s.station,
            s.busy_minutes,
            s.available_minutes,
            s.utilisation * 100.0
        );
    }
    out
}
