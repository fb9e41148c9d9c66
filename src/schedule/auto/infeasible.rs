//! Diagnostics for plans that cannot be made: how much does not fit, and what would fix it,
//! with the numbers.

use super::fill::Filled;
use super::model::Problem;
use crate::base::time::hhmm_floor;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Capture;
use crate::source::Loc;

/// `1420` → `1,420`.
pub(crate) fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Hours in half-hour steps: `1`, `1.5`, `2`.
fn hours(minutes: u64) -> String {
    let halves = minutes.div_ceil(30).max(1);
    if halves.is_multiple_of(2) {
        format!("{}", halves / 2)
    } else {
        format!("{}.5", halves / 2)
    }
}

/// Why the fill left work over: more work than time, or classes that cannot be cut to fit.
pub(crate) fn report(capture: &Capture, p: &Problem, filled: &Filled) -> Vec<Diagnostic> {
    let cap = capacity(capture, p, filled.unplaced_secs);
    if cap.message.contains("只能容纳") {
        // Not enough time overall: that, not any pin, is the fact to change.
        return vec![cap];
    }
    let mut out = Vec::new();
    // Units pinned to a room or a day that did not fit: the pin is the fact to change.
    let mut free_left = false;
    for &u in &filled.unplaced {
        let unit = &p.units[u];
        if !unit.restricted() {
            free_left = true;
            continue;
        }
        let g = &capture.groups[unit.groups[0]];
        let (loc, what) = match (&g.room, &g.date) {
            (Some(r), _) => (&r.loc, format!("教室 {}", r.value)),
            (None, Some(d)) => (&d.loc, format!("{}", d.value)),
            (None, None) => (&g.loc, String::new()),
        };
        let heads: u64 = unit.groups.iter().map(|&i| u64::from(capture.groups[i].headcount().unwrap_or(0))).sum();
        out.push(
            Diagnostic::error(
                Code::PinUnhonoured,
                loc,
                format!("限定在{what}的「{}」等 {} 个分组（{heads} 人）排不下：那里的时段已经排满", g.name(), unit.len()),
            )
            .help("放宽这个限定，或给这个教室/这一天增加机位或时段"),
        );
    }
    if free_left || out.is_empty() {
        out.push(cap);
    }
    out
}

fn capacity(capture: &Capture, p: &Problem, unplaced_secs: u64) -> Diagnostic {
    let stations = p.stations.len() as u64;
    let rate = u64::from(p.rate);
    let per_station: u64 = p.sessions.iter().map(|s| u64::from(s.minutes())).sum();
    let have = per_station * stations;
    let work_min = p.work().div_ceil(60);
    let blocks_needed = (p.units.len() as u64).saturating_sub(stations * p.sessions.len() as u64);
    let change = u64::from(p.change_min) * blocks_needed;
    let need = work_min + change;
    let short = need > have;
    let deficit = if short { need - have } else { unplaced_secs.div_ceil(60).max(1) };
    let students = if rate > 0 { (deficit * 60).div_ceil(rate) } else { 0 };
    let with_change = if change > 0 { format!("（含换组间隔 {} 分钟）", thousands(change)) } else { String::new() };
    let message = if short {
        format!(
            "按每人 {rate} 秒、{stations} 个机位，需要 {} 学生·分钟{with_change}，现有时段只能容纳 {} 学生·分钟，还差 {} 学生·分钟（约 {} 人）",
            thousands(need),
            thousands(have),
            thousands(deficit),
            thousands(students)
        )
    } else {
        format!(
            "按每人 {rate} 秒、{stations} 个机位，需要 {} 学生·分钟{with_change}，现有时段共 {} 学生·分钟，但班级不能拆开，还有 {} 学生·分钟（约 {} 人）排不进去",
            thousands(need),
            thousands(have),
            thousands(deficit),
            thousands(students)
        )
    };

    let mut fixes = Vec::new();
    if per_station > 0 {
        let more = deficit.div_ceil(per_station).max(1);
        fixes.push(format!("再增加 {more} 个机位"));
    }
    if stations > 0 {
        let m = deficit.div_ceil(stations) + u64::from(p.change_min);
        let longest = p.sessions.iter().map(|s| u64::from(s.minutes())).max().unwrap_or(0);
        if m <= longest.max(240) {
            fixes.push(format!("增加一个 {} 小时的时段", hours(m)));
        } else {
            let day: u64 = first_day_minutes(p).max(1);
            fixes.push(format!("再增加 {} 个采集日（每天 {} 小时）", m.div_ceil(day), hours(day)));
        }
    }
    let students_total: u64 = capture.groups.iter().map(|g| u64::from(g.headcount().unwrap_or(0))).sum();
    if students_total > 0 && have > change {
        let mut r = (have - change) * 60 / students_total;
        if !short {
            r = r.min(rate.saturating_sub(1));
        }
        if r >= 1 && r < rate {
            fixes.push(format!("把每人用时降到 {r} 秒"));
        }
    }
    let loc: &Loc = capture.days.last().map_or(&capture.loc, |d| &d.date.loc);
    let mut d = Diagnostic::error(Code::ScheduleInfeasible, loc, message);
    if !fixes.is_empty() {
        d = d.help(fixes.join("，或"));
    }
    if let Some(sps) = &capture.seconds_per_student {
        d = d.related(&sps.loc, format!("每人 {rate} 秒"));
    }
    for r in &capture.rooms {
        if let Some(st) = &r.stations {
            d = d.related(&st.loc, format!("{} 有 {} 个机位", r.id.value, st.value));
        }
    }
    d
}

fn first_day_minutes(p: &Problem) -> u64 {
    let Some(first) = p.sessions.first() else {
        return 0;
    };
    p.sessions.iter().filter(|s| s.date == first.date).map(|s| u64::from(s.minutes())).sum()
}

/// A unit pinned to a time window that no free station time can hold.
pub(crate) fn timed_pin(capture: &Capture, p: &Problem, u: usize) -> Diagnostic {
    let unit = &p.units[u];
    let g = &capture.groups[unit.groups[0]];
    let loc = g.not_after.as_ref().or(g.not_before.as_ref()).map_or(&g.loc, |a| &a.loc);
    let mut when = Vec::new();
    if let Some(d) = unit.date {
        when.push(format!("{d}"));
    }
    if let Some(r) = unit.room {
        when.push(format!("教室 {}", capture.rooms[r].id.value));
    }
    if let Some(t) = unit.not_before {
        when.push(format!("{} 以后开始", hhmm_floor(t)));
    }
    if let Some(t) = unit.not_after {
        when.push(format!("{} 以前结束", hhmm_floor(t)));
    }
    let minutes = unit.longest().div_ceil(60);
    Diagnostic::error(
        Code::PinUnhonoured,
        loc,
        format!(
            "「{}」限定为{}，但这段时间内没有一个机位空出 {minutes} 分钟（已被采集时段的边界或其他限定时间的分组占用）",
            g.name(),
            when.join("、")
        ),
    )
    .help("放宽 not_before/not_after，或让这段时间有更多机位")
}
