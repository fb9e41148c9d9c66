//! The typed notice: every fact of the front matter, each with where it was written.

use crate::base::money::Money;
use crate::base::time::{hhmm_floor, Secs};
use crate::source::{At, Loc, SourceFile};
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Payer {
    Student,
    /// 班长统一收取: the class monitor collects and pays for the class.
    Class,
    College,
    School,
}

impl Payer {
    pub fn label(self) -> &'static str {
        match self {
            Payer::Student => "学生本人缴费",
            Payer::Class => "班长统一收取",
            Payer::College => "学院统一缴费",
            Payer::School => "学校承担",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Fee {
    pub amount: At<Money>,
    pub payer: At<Payer>,
    pub method: Option<At<String>>,
    pub deadline: Option<At<NaiveDate>>,
    /// The hour of the deadline when written (`deadline: 2025-03-29 17:00`).
    pub deadline_time: Option<At<Secs>>,
    pub refund: Option<At<String>>,
    pub includes: Option<At<String>>,
    /// Further amounts the notice charges (异地采集, 重拍), each with what it is for.
    pub other: Vec<OtherFee>,
    /// Where the `fee:` key stands.
    #[serde(skip)]
    pub loc: Loc,
}

impl Fee {
    /// Paid on the capture day itself (by the class monitor, or a method that says 现场):
    /// such a fee has no deadline of its own.
    pub fn paid_on_site(&self) -> bool {
        self.payer.value == Payer::Class || self.method.as_ref().is_some_and(|m| m.value.contains("现场") || m.value.contains("現場"))
    }
}

/// A further amount: `{ for: 异地采集, amount: 45, note: 含邮寄 }`.
#[derive(Debug, Clone, Serialize)]
pub struct OtherFee {
    #[serde(rename = "for")]
    pub purpose: At<String>,
    pub amount: At<Money>,
    pub note: Option<At<String>>,
}

/// A capture or payment channel outside the rooms (学信网, a WeChat account).
#[derive(Debug, Clone, Serialize)]
pub struct Online {
    pub platform: At<String>,
    pub who: Option<At<String>>,
    pub from: Option<At<NaiveDate>>,
    pub until: Option<At<NaiveDate>>,
    pub amount: Option<At<Money>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Session {
    pub start: Secs,
    pub end: Secs,
}

impl Session {
    pub fn label(&self) -> String {
        format!("{}-{}", hhmm_floor(self.start), hhmm_floor(self.end))
    }
    pub fn seconds(&self) -> u32 {
        self.end - self.start
    }
}

/// Which part of a day a notice names (`part:`): a label shown beside the date; the hours, when
/// given, rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Part {
    #[serde(rename = "上午")]
    Morning,
    #[serde(rename = "下午")]
    Afternoon,
    #[serde(rename = "全天")]
    AllDay,
}

impl Part {
    pub const NAMES: [&'static str; 3] = ["上午", "下午", "全天"];
    pub fn parse(s: &str) -> Option<Part> {
        match s.trim() {
            "上午" => Some(Part::Morning),
            "下午" => Some(Part::Afternoon),
            "全天" => Some(Part::AllDay),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Part::Morning => "上午",
            Part::Afternoon => "下午",
            Part::AllDay => "全天",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: At<NaiveDate>,
    /// The day's hours; empty when the notice gives none (hours in an attachment): such a day
    /// cannot be scheduled automatically, and pages show the date alone.
    pub sessions: Vec<At<Session>>,
    /// 上午 / 下午 / 全天, when the notice says so.
    pub part: Option<At<Part>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Room {
    pub id: At<String>,
    pub name: At<String>,
    /// Camera stations; `None` when the notice does not say (needed only by `timetable: auto`,
    /// never shown when not given).
    pub stations: Option<At<u32>>,
    /// The room's own hours, overriding the days' sessions.
    pub sessions: Option<Vec<At<Session>>>,
    /// The capture days the room works; `None`: every day.
    pub days: Option<Vec<At<NaiveDate>>>,
    /// How to find the room, as the notice says it (第九教学楼一楼东侧，从南门进); `None`: no word.
    pub directions: Option<At<String>>,
    /// The whole entry.
    #[serde(skip)]
    pub loc: Loc,
}

impl Room {
    /// Stations a hand-made slot without `station` takes: as given, else one.
    pub fn station_count(&self) -> u32 {
        self.stations.as_ref().map_or(1, |s| s.value)
    }
    /// Whether the room works on `date` (its `days`, else every capture day).
    pub fn works_on(&self, date: NaiveDate) -> bool {
        self.days.as_ref().is_none_or(|ds| ds.iter().any(|d| d.value == date))
    }
    /// The room's hours on `day`: its own sessions, else the day's; `None` when it does not
    /// work that day.
    pub fn hours_on<'a>(&'a self, day: &'a Day) -> Option<&'a [At<Session>]> {
        if !self.works_on(day.date.value) {
            return None;
        }
        Some(self.sessions.as_deref().unwrap_or(&day.sessions))
    }
}

/// What arrives together: a class, or a whole college when classes are unknown.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub college: At<String>,
    /// The class; `None` when the group is the whole college.
    pub class: Option<At<String>>,
    pub headcount: Option<At<u32>>,
    /// Pins (hard constraints for the scheduler).
    pub room: Option<At<String>>,
    pub date: Option<At<NaiveDate>>,
    pub not_before: Option<At<Secs>>,
    pub not_after: Option<At<Secs>>,
    /// The whole row or inline entry.
    #[serde(skip)]
    pub loc: Loc,
}

impl Group {
    /// A whole college with nothing else known (no class, headcount or pins).
    pub fn college(college: At<String>, loc: Loc) -> Group {
        Group { college, class: None, headcount: None, room: None, date: None, not_before: None, not_after: None, loc }
    }

    /// The name a timetable uses for this group: the class, else the college.
    pub fn name(&self) -> &str {
        self.class.as_ref().map(|c| c.value.as_str()).unwrap_or(self.college.value.as_str())
    }
    pub fn headcount(&self) -> Option<u32> {
        self.headcount.as_ref().map(|h| h.value)
    }
}

/// One slot of a hand-made timetable.
#[derive(Debug, Clone, Serialize)]
pub struct ExplicitSlot {
    pub date: At<NaiveDate>,
    pub start: At<Secs>,
    pub end: At<Secs>,
    pub room: At<String>,
    /// `None`: the slot takes every station of the room.
    pub station: Option<At<u32>>,
    /// College or class names from `groups`; empty: the slot is open to the notice's whole
    /// audience (walk-in capture, 随到随拍).
    pub groups: Vec<At<String>>,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimetableSpec {
    Auto,
    Explicit(Vec<ExplicitSlot>),
    /// No timetable: the notice names no rooms, gives days without hours or captures walk-in
    /// without a list. Nothing is scheduled.
    Unscheduled,
}

#[derive(Debug, Clone, Serialize)]
pub struct Capture {
    /// Throughput of one station; needed by `timetable: auto`, optional for a hand-made one
    /// (without it the rate check is skipped and no student time is estimated).
    pub seconds_per_student: Option<At<u32>>,
    pub changeover_minutes: At<u32>,
    /// Minutes to arrive early; `None`: the notice gives no arrival advice, and no output does.
    pub arrive_early_minutes: Option<At<u32>>,
    pub days: Vec<Day>,
    pub rooms: Vec<Room>,
    pub groups: Vec<Group>,
    /// The roster file when `groups` names a CSV (relative to the site root).
    pub roster: Option<String>,
    pub timetable: TimetableSpec,
    #[serde(skip)]
    pub loc: Loc,
    /// Where `timetable:` stands.
    #[serde(skip)]
    pub timetable_loc: Loc,
}

impl Capture {
    /// The capture of a notice that captures online only: no days, rooms, groups or timetable.
    pub fn online_only(loc: Loc) -> Capture {
        Capture {
            seconds_per_student: None,
            changeover_minutes: At::new(0, loc.clone()),
            arrive_early_minutes: None,
            days: Vec::new(),
            rooms: Vec::new(),
            groups: Vec::new(),
            roster: None,
            timetable: TimetableSpec::Unscheduled,
            loc: loc.clone(),
            timetable_loc: loc,
        }
    }
    pub fn room(&self, id: &str) -> Option<&Room> {
        self.rooms.iter().find(|r| r.id.value == id)
    }
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.days.iter().map(|d| d.date.value).min()
    }
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.days.iter().map(|d| d.date.value).max()
    }
    pub fn total_headcount(&self) -> Option<u32> {
        self.groups.iter().map(|g| g.headcount()).sum()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CodeInfo {
    /// Days before capture the code must be fetched; `None`: the notice names no lead time.
    pub lead_days: Option<At<u32>>,
    /// Where `code:` stands.
    #[serde(skip)]
    pub loc: Loc,
}

/// 学信网 图像校对: dates (either or both), or "about so long after capture" (`after_days: 40`,
/// `after_months: 3`, …).
#[derive(Debug, Clone, Serialize)]
pub struct Proofreading {
    pub from: Option<At<NaiveDate>>,
    pub until: Option<At<NaiveDate>>,
    pub after: Option<At<Delay>>,
    /// Where `proofreading:` stands.
    #[serde(skip)]
    pub loc: Loc,
}

/// How long after capture, in the unit the notice counts in (`40天`, `40个工作日`, `两周`, `三个月`):
/// never turned into days, as a month or a working day is no fixed number of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Delay {
    pub count: u32,
    pub unit: DelayUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DelayUnit {
    Days,
    Workdays,
    Weeks,
    Months,
}

impl DelayUnit {
    pub const ALL: [DelayUnit; 4] = [DelayUnit::Days, DelayUnit::Workdays, DelayUnit::Weeks, DelayUnit::Months];

    /// Its field in the contract: `proofreading.after_days`.
    pub fn field(self) -> &'static str {
        match self {
            DelayUnit::Days => "proofreading.after_days",
            DelayUnit::Workdays => "proofreading.after_workdays",
            DelayUnit::Weeks => "proofreading.after_weeks",
            DelayUnit::Months => "proofreading.after_months",
        }
    }

    /// Its key under `proofreading:`.
    pub fn key(self) -> &'static str {
        &self.field()["proofreading.".len()..]
    }

    /// The most a notice could mean: about a year.
    pub fn most(self) -> u32 {
        match self {
            DelayUnit::Days => 365,
            DelayUnit::Workdays => 250,
            DelayUnit::Weeks => 52,
            DelayUnit::Months => 12,
        }
    }
}

impl Delay {
    /// `40 天`, `40 个工作日`, `2 周`, `3 个月`.
    pub fn zh(self) -> String {
        let unit = match self.unit {
            DelayUnit::Days => "天",
            DelayUnit::Workdays => "个工作日",
            DelayUnit::Weeks => "周",
            DelayUnit::Months => "个月",
        };
        format!("{} {unit}", self.count)
    }

    /// `采集后约 3 个月`: as the PDF, the release summary and the import report say it.
    pub fn after_capture(self) -> String {
        format!("采集后约 {}", self.zh())
    }

    /// `40 days`, `1 month`.
    pub fn en(self) -> String {
        let unit = match self.unit {
            DelayUnit::Days => "day",
            DelayUnit::Workdays => "working day",
            DelayUnit::Weeks => "week",
            DelayUnit::Months => "month",
        };
        let s = if self.count == 1 { "" } else { "s" };
        format!("{} {unit}{s}", self.count)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Makeup {
    /// Dates, either or both; without them the outputs say 另行通知.
    pub from: Option<At<NaiveDate>>,
    pub until: Option<At<NaiveDate>>,
    pub place: Option<At<String>>,
    pub phone: Option<At<String>>,
    /// Optional free text: hours, address.
    pub note: Option<At<String>>,
    /// `offered: false`: the notice says there is no makeup (`学校不组织补拍`), in the words of
    /// `note`. Without it a makeup is offered.
    pub offered: Option<At<bool>>,
}

impl Makeup {
    /// Whether the notice says no makeup is held.
    pub fn denied(&self) -> bool {
        self.offered.as_ref().is_some_and(|o| !o.value)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub name: At<String>,
    pub phone: Option<At<String>>,
    pub email: Option<At<String>>,
}

/// One notice: front matter and Markdown body.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    /// The file, relative to the site root (`content/2026/hnust.md`).
    pub path: String,
    /// URL path of its page, relative to the site root, without extension (`2026/hnust`).
    pub slug: String,
    pub title: At<String>,
    pub school: At<String>,
    pub office: Option<At<String>>,
    pub doc_number: Option<At<String>>,
    pub issued: Option<At<NaiveDate>>,
    /// The 届 (one or more graduating years, in the order written).
    pub cohort: At<Vec<i32>>,
    pub audience: At<String>,
    /// `None`: the notice never mentions money.
    pub fee: Option<Fee>,
    pub online: Vec<Online>,
    pub capture: Capture,
    pub code: Option<CodeInfo>,
    pub proofreading: Option<Proofreading>,
    pub makeup: Vec<Makeup>,
    pub dress: Vec<At<String>>,
    pub contacts: Vec<Contact>,
    /// Optional extra facts: an online alternative, what to bring, and so on.
    pub bring: Vec<At<String>>,
    /// The Markdown body.
    pub body: String,
    /// Byte offset of the body in the file (for diagnostics on body text).
    #[serde(skip)]
    pub body_offset: usize,
    #[serde(skip)]
    pub file: Arc<SourceFile>,
}

impl Notice {
    /// The 届 as written: `2026` or `2025、2026`.
    pub fn cohort_label(&self) -> String {
        self.cohort.value.iter().map(i32::to_string).collect::<Vec<_>>().join("、")
    }
    /// The latest graduating year.
    pub fn cohort_last(&self) -> i32 {
        self.cohort.value.iter().copied().max().unwrap_or_default()
    }
    /// The earliest graduating year.
    pub fn cohort_first(&self) -> i32 {
        self.cohort.value.iter().copied().min().unwrap_or_default()
    }
    /// The date the home page orders notices by (newest first): the issue date, else the first
    /// capture day.
    pub fn sort_date(&self) -> Option<NaiveDate> {
        self.issued.as_ref().map(|i| i.value).or(self.capture.first_day())
    }
    /// The issuing office, or "" when the notice names none.
    pub fn office_text(&self) -> &str {
        self.office.as_ref().map_or("", |o| o.value.as_str())
    }

    /// The location of `len` bytes at `offset` bytes into the body.
    pub fn body_loc(&self, offset: usize, len: usize) -> Loc {
        self.file.loc_at_byte(self.body_offset + offset, len)
    }
}
