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

#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: At<NaiveDate>,
    pub sessions: Vec<At<Session>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Room {
    pub id: At<String>,
    pub name: At<String>,
    pub stations: At<u32>,
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
    /// College or class names from `groups`.
    pub groups: Vec<At<String>>,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimetableSpec {
    Auto,
    Explicit(Vec<ExplicitSlot>),
}

#[derive(Debug, Clone, Serialize)]
pub struct Capture {
    pub seconds_per_student: At<u32>,
    pub changeover_minutes: At<u32>,
    pub arrive_early_minutes: At<u32>,
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
    pub lead_days: At<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Proofreading {
    pub from: At<NaiveDate>,
    pub until: At<NaiveDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Makeup {
    pub from: At<NaiveDate>,
    pub until: At<NaiveDate>,
    pub place: At<String>,
    pub phone: Option<At<String>>,
    /// Optional free text: hours, address.
    pub note: Option<At<String>>,
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
    pub office: At<String>,
    pub doc_number: Option<At<String>>,
    pub issued: At<NaiveDate>,
    pub cohort: At<i32>,
    pub audience: At<String>,
    /// `None`: the notice never mentions money.
    pub fee: Option<Fee>,
    pub online: Vec<Online>,
    pub capture: Capture,
    pub code: Option<CodeInfo>,
    pub proofreading: Proofreading,
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
    /// The location of `len` bytes at `offset` bytes into the body.
    pub fn body_loc(&self, offset: usize, len: usize) -> Loc {
        self.file.loc_at_byte(self.body_offset + offset, len)
    }
}
