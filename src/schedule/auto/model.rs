//! The scheduling problem as the packer sees it: stations, sessions in time order and units
//! (the classes of one college that share the same pins), all in whole seconds.

use crate::base::time::Secs;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::{Capture, Day, Group, Room, Session};
use crate::notice::read::did_you_mean;
use chrono::NaiveDate;

/// One camera station: a room and its station number (from 1).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Station {
    pub room: usize,
    pub no: u32,
}

/// One session of one day, in whole minutes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sess {
    pub date: NaiveDate,
    pub start: Secs,
    pub end: Secs,
}

impl Sess {
    pub fn minutes(&self) -> u32 {
        (self.end - self.start) / 60
    }
}

/// Classes of one college that share the same pins, in roster order. A whole-college group
/// (no class) is a unit of its own.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub college: usize,
    /// Indices into `capture.groups`, in roster order.
    pub groups: Vec<usize>,
    /// Prefix sums of the groups' durations in seconds (`groups.len() + 1` entries).
    pub pre: Vec<u64>,
    pub room: Option<usize>,
    pub date: Option<NaiveDate>,
    pub not_before: Option<Secs>,
    pub not_after: Option<Secs>,
}

impl Unit {
    pub fn len(&self) -> usize {
        self.groups.len()
    }
    /// Seconds taken by the groups `lo..hi`.
    pub fn secs(&self, lo: usize, hi: usize) -> u64 {
        self.pre[hi] - self.pre[lo]
    }
    /// Pinned to a time window: placed before the fill, as a reservation.
    pub fn timed(&self) -> bool {
        self.not_before.is_some() || self.not_after.is_some()
    }
    /// Pinned to a room or a day only.
    pub fn restricted(&self) -> bool {
        self.room.is_some() || self.date.is_some()
    }
    pub fn fits(&self, st: &Station, se: &Sess) -> bool {
        self.room.is_none_or(|r| r == st.room) && self.date.is_none_or(|d| d == se.date)
    }
    /// The longest single group, in seconds.
    pub fn longest(&self) -> u64 {
        self.pre.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub stations: Vec<Station>,
    /// Sessions of every day in time order.
    pub sessions: Vec<Sess>,
    pub units: Vec<Unit>,
    /// College names in order of first appearance.
    pub colleges: Vec<String>,
    /// Changeover between two blocks on one station, in minutes.
    pub change_min: u32,
    /// Seconds per student.
    pub rate: u32,
    /// Per station and session (`station * sessions.len() + sess`): the stretches of the
    /// session the station's room works (its own `sessions` and `days`, else the day's hours).
    pub open: Vec<Vec<(Secs, Secs)>>,
}

impl Problem {
    /// The stretches of session `sess` that station `station` may use.
    pub fn window(&self, station: usize, sess: usize) -> &[(Secs, Secs)] {
        self.open.get(station * self.sessions.len() + sess).map_or(&[], Vec::as_slice)
    }
    pub fn change_secs(&self) -> u32 {
        self.change_min.saturating_mul(60)
    }
    /// Total capture work in seconds.
    pub fn work(&self) -> u64 {
        self.units.iter().map(|u| u.secs(0, u.len())).sum()
    }
}

/// Rounds seconds up to a whole minute.
pub(crate) fn ceil_min(s: u64) -> u64 {
    s.div_ceil(60) * 60
}

/// Builds the problem from the capture, or the diagnostics that stop scheduling.
pub(crate) fn prepare(capture: &Capture) -> Result<Problem, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    // What the scheduler needs and a hand-made timetable does not: the rate, every room's
    // stations, and hours for every room on every day it works.
    let rate = capture.seconds_per_student.as_ref().map(|r| r.value);
    if rate.is_none() {
        diags.push(
            Diagnostic::error(Code::MissingField, &capture.loc, "自动排时间表需要「seconds_per_student」（每个机位拍一人的秒数）")
                .help("加上一行 seconds_per_student: 20，或改用手工时间表（timetable 写成列表）"),
        );
    }
    for room in &capture.rooms {
        if room.stations.is_none() {
            diags.push(
                Diagnostic::error(Code::MissingField, &room.loc, format!("自动排时间表需要房间「{}」的机位数 stations", room.id.value))
                    .help("在这个房间里写上 stations: 1（同时工作的机位数），或改用手工时间表"),
            );
        }
    }
    for day in &capture.days {
        if capture.rooms.iter().any(|r| r.hours_on(day).is_some_and(<[_]>::is_empty)) {
            diags.push(
                Diagnostic::error(Code::MissingField, &day.date.loc, format!("{} 没有写时段，无法自动排时间表", day.date.value))
                    .help("写上这一天的 sessions（如 [\"08:30-12:00\"]）；钟点只在附件里时，去掉 timetable: auto，不排时间表"),
            );
        }
    }
    let Some(rate) = rate.filter(|_| diags.is_empty()) else { return Err(diags) };

    let mut stations = Vec::new();
    for (ri, room) in capture.rooms.iter().enumerate() {
        for no in 1..=room.station_count() {
            stations.push(Station { room: ri, no });
        }
    }

    let sessions = sessions_in_order(capture);
    if stations.is_empty() || sessions.is_empty() {
        let (loc, msg, help) = if stations.is_empty() {
            let loc = capture.rooms.first().map_or(&capture.loc, |r| r.stations.as_ref().map_or(&r.loc, |s| &s.loc));
            (loc, "没有可用的机位，无法自动排时间表", "在 capture.rooms 中列出教室，并写上 stations（机位数，至少 1）")
        } else {
            let loc = capture.days.first().map_or(&capture.loc, |d| &d.date.loc);
            (loc, "没有可用的采集时段，无法自动排时间表", "在 capture.days 中写上采集日和 sessions（如 \"08:30-12:00\"）")
        };
        return Err(vec![Diagnostic::error(Code::ScheduleInfeasible, loc, msg).help(help)]);
    }

    let mut colleges: Vec<String> = Vec::new();
    // (college, signature) -> unit index; a linear scan keeps first-appearance order.
    let mut units: Vec<Unit> = Vec::new();
    for (gi, g) in capture.groups.iter().enumerate() {
        let Some(head) = g.headcount() else {
            diags.push(
                Diagnostic::error(
                    Code::ScheduleHeadcountMissing,
                    &g.loc,
                    format!("「{}」没有人数，自动排时间表需要每个分组的人数", g.name()),
                )
                .help("在这一行填写 headcount（人数），或改用手工时间表（timetable 写成列表）"),
            );
            continue;
        };
        let room = match &g.room {
            None => None,
            Some(r) => match capture.rooms.iter().position(|x| x.id.value == r.value) {
                Some(i) => Some(i),
                None => {
                    diags.push(unknown_room(capture, r.value.as_str(), &r.loc));
                    continue;
                }
            },
        };
        let college = match colleges.iter().position(|c| *c == g.college.value) {
            Some(i) => i,
            None => {
                colleges.push(g.college.value.clone());
                colleges.len() - 1
            }
        };
        let secs = u64::from(head) * u64::from(rate);
        let date = g.date.as_ref().map(|d| d.value);
        let not_before = g.not_before.as_ref().map(|t| t.value);
        let not_after = g.not_after.as_ref().map(|t| t.value);
        let joinable = g.class.is_some();
        let found = units.iter().position(|u| {
            joinable
                && u.college == college
                && capture.groups[u.groups[0]].class.is_some()
                && u.room == room
                && u.date == date
                && u.not_before == not_before
                && u.not_after == not_after
        });
        match found {
            Some(ui) => {
                let u = &mut units[ui];
                let last = u.pre[u.pre.len() - 1];
                u.groups.push(gi);
                u.pre.push(last + secs);
            }
            None => units.push(Unit { college, groups: vec![gi], pre: vec![0, secs], room, date, not_before, not_after }),
        }
    }

    let open = windows(capture, &stations, &sessions);
    let problem = Problem { stations, sessions, units, colleges, change_min: capture.changeover_minutes.value, rate, open };
    check_units(capture, &problem, &mut diags);
    if diags.is_empty() {
        Ok(problem)
    } else {
        Err(diags)
    }
}

/// Hours in whole minutes, in time order; one that overlaps the one before (which the checks
/// report) is skipped rather than double-booked.
fn whole_minutes<'a>(hours: impl Iterator<Item = &'a Session>) -> Vec<(Secs, Secs)> {
    let mut ss: Vec<(Secs, Secs)> = hours.map(|s| (s.start.div_ceil(60) * 60, s.end / 60 * 60)).filter(|(a, b)| a < b).collect();
    ss.sort();
    let mut out: Vec<(Secs, Secs)> = Vec::with_capacity(ss.len());
    for (start, end) in ss {
        if out.last().is_some_and(|&(_, prev_end)| start < prev_end) {
            continue;
        }
        out.push((start, end));
    }
    out
}

/// The capture days in date order, a repeated date once.
fn days_in_order(capture: &Capture) -> Vec<&Day> {
    let mut days: Vec<&Day> = capture.days.iter().collect();
    days.sort_by_key(|d| d.date.value);
    days.dedup_by_key(|d| d.date.value);
    days
}

/// A room's hours on `day` in whole minutes (its own, else the day's); empty when it does not
/// work that day.
pub(crate) fn room_hours(room: &Room, day: &Day) -> Vec<(Secs, Secs)> {
    room.hours_on(day).map_or_else(Vec::new, |h| whole_minutes(h.iter().map(|s| &s.value)))
}

/// Sessions of all days in time order, in whole minutes: on each day, the hours of every room
/// that works it (overlapping hours of different rooms merged into one session).
pub(crate) fn sessions_in_order(capture: &Capture) -> Vec<Sess> {
    let mut out: Vec<Sess> = Vec::new();
    for day in days_in_order(capture) {
        let mut all: Vec<(Secs, Secs)> = capture.rooms.iter().flat_map(|r| room_hours(r, day)).collect();
        all.sort();
        let first = out.len();
        for (start, end) in all {
            match out[first..].last_mut() {
                Some(last) if start < last.end => last.end = last.end.max(end),
                _ => out.push(Sess { date: day.date.value, start, end }),
            }
        }
    }
    out
}

/// A date and hours in whole minutes.
type DayHours = (NaiveDate, Vec<(Secs, Secs)>);

/// For every station and session, the stretches of the session its room works.
fn windows(capture: &Capture, stations: &[Station], sessions: &[Sess]) -> Vec<Vec<(Secs, Secs)>> {
    let days = days_in_order(capture);
    // Per room: its hours on each day.
    let hours: Vec<Vec<DayHours>> = capture.rooms.iter().map(|r| days.iter().map(|d| (d.date.value, room_hours(r, d))).collect()).collect();
    let mut out = Vec::with_capacity(stations.len() * sessions.len());
    for st in stations {
        for se in sessions {
            let own = hours[st.room].iter().find(|(d, _)| *d == se.date).map_or(&[][..], |(_, h)| h.as_slice());
            out.push(own.iter().map(|&(a, b)| (a.max(se.start), b.min(se.end))).filter(|(a, b)| a < b).collect());
        }
    }
    out
}

fn unknown_room(capture: &Capture, id: &str, loc: &crate::source::Loc) -> Diagnostic {
    let ids: Vec<&str> = capture.rooms.iter().map(|r| r.id.value.as_str()).collect();
    let d = Diagnostic::error(Code::PinUnknownRoom, loc, format!("没有编号为「{id}」的教室"));
    match did_you_mean(id, &ids) {
        Some(m) => d.help(format!("是不是「{m}」？教室编号见 capture.rooms 中的 id")),
        None if ids.is_empty() => d.help("先在 capture.rooms 中列出教室"),
        None => d.help(format!("可用的教室编号：{}", ids.join("、"))),
    }
}

/// Pins that no session can honour and groups longer than any session they may use.
fn check_units(capture: &Capture, p: &Problem, diags: &mut Vec<Diagnostic>) {
    for u in &p.units {
        let g = &capture.groups[u.groups[0]];
        if let (Some(d), Some(at)) = (u.date, &g.date) {
            if !p.sessions.iter().any(|s| s.date == d) {
                diags.push(
                    Diagnostic::error(Code::PinUnhonoured, &at.loc, format!("「{}」指定的日期 {d} 不是采集日", g.name()))
                        .help("改成 capture.days 中的某一天，或在 capture.days 中加上这一天"),
                );
                continue;
            }
        }
        if let (Some(nb), Some(na)) = (u.not_before, u.not_after) {
            if nb >= na {
                if let Some(at) = &g.not_after {
                    diags.push(
                        Diagnostic::error(
                            Code::PinUnhonoured,
                            &at.loc,
                            format!("「{}」的 not_after 不晚于 not_before，没有可用的时间", g.name()),
                        )
                        .help("把 not_after 改得比 not_before 晚"),
                    );
                }
                continue;
            }
        }
        let longest = u.longest();
        let best = longest_window(p, u);
        if longest > best {
            diags.push(too_long(capture, p, u, g, longest, best));
        }
    }
}

/// The longest stretch (seconds) of one session that the unit's pins allow.
pub(crate) fn longest_window(p: &Problem, u: &Unit) -> u64 {
    let mut best = 0u64;
    for (j, se) in p.sessions.iter().enumerate() {
        for (s, st) in p.stations.iter().enumerate() {
            if !u.fits(st, se) {
                continue;
            }
            for &(ws, we) in p.window(s, j) {
                let a = ws.max(u.not_before.map_or(0, |t| t.div_ceil(60) * 60));
                let b = we.min(u.not_after.unwrap_or(Secs::MAX));
                if b > a {
                    best = best.max(u64::from(b - a));
                }
            }
        }
    }
    best
}

fn too_long(capture: &Capture, p: &Problem, u: &Unit, g: &Group, longest: u64, best: u64) -> Diagnostic {
    let rate = p.rate;
    let minutes = longest.div_ceil(60);
    let who = u
        .groups
        .iter()
        .map(|&i| &capture.groups[i])
        .find(|x| u64::from(x.headcount().unwrap_or(0)) * u64::from(rate) == longest)
        .unwrap_or(g);
    let heads = who.headcount().unwrap_or(0);
    let free_best = p.sessions.iter().map(|s| u64::from(s.end - s.start)).max().unwrap_or(0);
    if (u.timed() || u.restricted()) && longest <= free_best {
        let pin_loc = g
            .not_after
            .as_ref()
            .map(|a| &a.loc)
            .or(g.not_before.as_ref().map(|a| &a.loc))
            .or(g.date.as_ref().map(|a| &a.loc))
            .or(g.room.as_ref().map(|a| &a.loc))
            .unwrap_or(&g.loc);
        return Diagnostic::error(
            Code::PinUnhonoured,
            pin_loc,
            format!("「{}」{heads} 人按每人 {rate} 秒需要 {minutes} 分钟，但它的限定条件下最长只有 {} 分钟可用", who.name(), best / 60),
        )
        .help("放宽 room/date/not_before/not_after 的限定，或把这个分组拆成更小的班级");
    }
    let what = if who.class.is_none() { "（整个学院作为一组）" } else { "" };
    Diagnostic::error(
        Code::ScheduleInfeasible,
        &who.loc,
        format!(
            "「{}」{what}{heads} 人按每人 {rate} 秒需要 {minutes} 分钟，比最长的时段（{} 分钟）还长，一个分组不能拆到两个时段",
            who.name(),
            best / 60
        ),
    )
    .help(if who.class.is_none() {
        "按班级列出该学院（每行写 class 和 headcount），或延长时段"
    } else {
        "把这个班分成两行，或延长时段"
    })
}
