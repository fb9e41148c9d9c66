//! The scheduling problem as the packer sees it: stations, sessions in time order and units
//! (the classes of one college that share the same pins), all in whole seconds.

use crate::base::time::Secs;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::{Capture, Group};
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
}

impl Problem {
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
    let rate = capture.seconds_per_student.value;

    let mut stations = Vec::new();
    for (ri, room) in capture.rooms.iter().enumerate() {
        for no in 1..=room.stations.value {
            stations.push(Station { room: ri, no });
        }
    }

    let sessions = sessions_in_order(capture);
    if stations.is_empty() || sessions.is_empty() {
        let (loc, msg, help) = if stations.is_empty() {
            let loc = capture.rooms.first().map_or(&capture.loc, |r| &r.stations.loc);
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

    let problem = Problem { stations, sessions, units, colleges, change_min: capture.changeover_minutes.value, rate };
    check_units(capture, &problem, &mut diags);
    if diags.is_empty() {
        Ok(problem)
    } else {
        Err(diags)
    }
}

/// Sessions of all days in time order, in whole minutes; a repeated date or an overlapping
/// session (which the checks report) is skipped rather than double-booked.
pub(crate) fn sessions_in_order(capture: &Capture) -> Vec<Sess> {
    let mut days: Vec<usize> = (0..capture.days.len()).collect();
    days.sort_by_key(|&i| (capture.days[i].date.value, i));
    let mut out: Vec<Sess> = Vec::new();
    let mut last_date = None;
    for di in days {
        let day = &capture.days[di];
        if last_date == Some(day.date.value) {
            continue;
        }
        last_date = Some(day.date.value);
        let mut ss: Vec<(Secs, Secs)> =
            day.sessions.iter().map(|s| (s.value.start.div_ceil(60) * 60, s.value.end / 60 * 60)).filter(|(a, b)| a < b).collect();
        ss.sort();
        let mut prev_end = 0;
        for (start, end) in ss {
            if start < prev_end {
                continue;
            }
            prev_end = end;
            out.push(Sess { date: day.date.value, start, end });
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
    for se in &p.sessions {
        if !p.stations.iter().any(|st| u.fits(st, se)) {
            continue;
        }
        let a = se.start.max(u.not_before.map_or(0, |t| t.div_ceil(60) * 60));
        let b = se.end.min(u.not_after.unwrap_or(Secs::MAX));
        if b > a {
            best = best.max(u64::from(b - a));
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
