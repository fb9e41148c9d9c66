//! The timetable every output reads (HTML, PDF, posters, sign-in sheets, calendars, JSON).

use super::shown::round;
use crate::base::time::{hhmm_floor, Secs};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// A class inside its college's block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassSlot {
    pub name: String,
    pub headcount: Option<u32>,
    #[serde(serialize_with = "ser_shown")]
    pub start: Secs,
    #[serde(serialize_with = "ser_shown")]
    pub end: Secs,
}

/// One block on one station (or on several stations of a room, for hand-made slots without
/// `station`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    pub date: NaiveDate,
    #[serde(serialize_with = "ser_shown")]
    pub start: Secs,
    #[serde(serialize_with = "ser_shown")]
    pub end: Secs,
    /// Room id.
    pub room: String,
    /// The first station the slot takes, from 1.
    pub station: u32,
    /// Every station the slot takes (one for scheduled slots).
    pub stations: Vec<u32>,
    /// The colleges whose students the slot takes: one for scheduled slots, several when a
    /// hand-made slot mixes colleges. Each is a college's whole name, never split or joined.
    #[serde(flatten)]
    pub colleges: Colleges,
    /// Students in the block; `None` when headcounts are unknown.
    pub headcount: Option<u32>,
    /// Classes in order; empty when the group is a whole college.
    pub classes: Vec<ClassSlot>,
    /// The index of this block among the blocks of its college (0 when not split).
    pub part: u32,
    /// A hand-made slot without groups: open to the notice's whole audience (walk-in capture);
    /// its `college` is empty.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
}

impl Slot {
    pub fn start_label(&self) -> String {
        self.shown(None).start_label()
    }
    pub fn end_label(&self) -> String {
        self.shown(None).end_label()
    }
    /// Every group name in the slot: the classes, else the colleges.
    pub fn group_names(&self) -> Vec<&str> {
        if self.classes.is_empty() {
            self.colleges.iter().map(String::as_str).collect()
        } else {
            self.classes.iter().map(|c| c.name.as_str()).collect()
        }
    }
}

/// The colleges of a slot, in the order the notice gives them.
///
/// In the timetable JSON it is two keys: `colleges`, the list, and `college`, the names joined with
/// `、` for readers of the first format (a display text: a college's own name may hold a `、`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Colleges(pub Vec<String>);

impl Colleges {
    pub fn one(name: impl Into<String>) -> Colleges {
        Colleges(vec![name.into()])
    }
    /// Whether `college` (a whole name) is one of them.
    pub fn has(&self, college: &str) -> bool {
        self.0.iter().any(|c| c == college)
    }
    /// The first: the college a slot's link goes to.
    pub fn first(&self) -> &str {
        self.0.first().map_or("", String::as_str)
    }
    /// The names joined with `、`: the `college` of the timetable JSON, and the stable key of a
    /// block in release locks, anchors and calendar UIDs. Never split again.
    pub fn label(&self) -> String {
        self.0.join("、")
    }
    /// The names for a reader: a college's own name may hold a `、`, so several are set apart with
    /// ` · ` (`经济、管理学院 · 文学院` is two colleges).
    pub fn shown(&self) -> String {
        self.0.join(" · ")
    }
}

impl std::ops::Deref for Colleges {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl Serialize for Colleges {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = ser.serialize_map(Some(2))?;
        m.serialize_entry("college", &self.label())?;
        m.serialize_entry("colleges", &self.0)?;
        m.end()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timetable {
    /// Sorted by date, start, room, station.
    pub slots: Vec<Slot>,
}

impl Timetable {
    pub fn sort(&mut self) {
        self.slots.sort_by(|a, b| (a.date, a.start, &a.room, a.station, a.end).cmp(&(b.date, b.start, &b.room, b.station, b.end)));
    }
    /// Capture days in order.
    pub fn dates(&self) -> Vec<NaiveDate> {
        let mut d: Vec<NaiveDate> = self.slots.iter().map(|s| s.date).collect();
        d.sort();
        d.dedup();
        d
    }
    /// Room ids in order of first use.
    pub fn rooms(&self) -> Vec<&str> {
        let mut r: Vec<&str> = self.slots.iter().map(|s| s.room.as_str()).collect();
        r.sort();
        r.dedup();
        r
    }
    /// Colleges in order of their first slot.
    pub fn colleges(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        for s in &self.slots {
            for c in s.colleges.iter() {
                if !seen.contains(&c.as_str()) {
                    seen.push(c.as_str());
                }
            }
        }
        seen
    }
}

/// A boundary as every output shows it ([`super::shown`]).
fn ser_shown<S: Serializer>(s: &Secs, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(&hhmm_floor(round(*s)))
}
