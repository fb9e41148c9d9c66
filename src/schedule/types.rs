//! The timetable every output reads (HTML, PDF, posters, sign-in sheets, calendars, JSON).

use crate::base::time::{hhmm_ceil, hhmm_floor, Secs};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// A class inside its college's block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassSlot {
    pub name: String,
    pub headcount: Option<u32>,
    #[serde(serialize_with = "ser_floor")]
    pub start: Secs,
    #[serde(serialize_with = "ser_ceil")]
    pub end: Secs,
}

/// One block on one station (or on several stations of a room, for hand-made slots without
/// `station`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    pub date: NaiveDate,
    #[serde(serialize_with = "ser_floor")]
    pub start: Secs,
    #[serde(serialize_with = "ser_ceil")]
    pub end: Secs,
    /// Room id.
    pub room: String,
    /// The first station the slot takes, from 1.
    pub station: u32,
    /// Every station the slot takes (one for scheduled slots).
    pub stations: Vec<u32>,
    /// The college (several joined with `、` when a hand-made slot mixes colleges).
    pub college: String,
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
        hhmm_floor(self.start)
    }
    pub fn end_label(&self) -> String {
        hhmm_ceil(self.end)
    }
    /// Every group name in the slot: the classes, else the college.
    pub fn group_names(&self) -> Vec<&str> {
        if self.classes.is_empty() {
            vec![self.college.as_str()]
        } else {
            self.classes.iter().map(|c| c.name.as_str()).collect()
        }
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
            for c in s.college.split('、').filter(|c| !c.is_empty()) {
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
        }
        seen
    }
}

fn ser_floor<S: Serializer>(s: &Secs, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(&hhmm_floor(*s))
}

fn ser_ceil<S: Serializer>(s: &Secs, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(&hhmm_ceil(*s))
}
