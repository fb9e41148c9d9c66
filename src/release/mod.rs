//! Versions: `tuxiang release NOTICE.md` freezes the timetable and key facts as version N in a
//! small lock file next to the notice (`x.md` → `x.release.json`). Every build compares the
//! notice with its last release and shows what changed, field by field, everywhere.
//!
//! The lock holds data (dates, room ids, times, the fee in fen); the text a change notice shows
//! is derived from it ([`shown`]). Locks written before that (format 1: the display text itself)
//! are still read, and compared as the text they hold.

mod shown;

use crate::notice::model::{Delay, DelayUnit, Notice};
use crate::notice::{read_regular, ReadError};
use crate::schedule::Timetable;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub use shown::{Shown, ShownPlace};

/// The lock file's format written now.
pub const FORMAT: u32 = 2;

/// The lock file's contents: what was published, as data.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// [`FORMAT`]; absent in the first format (display text, [`Shown`]).
    pub format: u32,
    pub version: u32,
    pub facts: Facts,
    /// Where and when each group goes, by group name (a class, or a college's block:
    /// `文学院`, `文学院（第2段）` when it has several).
    pub places: BTreeMap<String, Place>,
}

/// The notice-wide facts a student relies on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    pub title: String,
    pub audience: String,
    /// Capture days, in the notice's order.
    pub days: Vec<NaiveDate>,
    /// Rooms, in the notice's order.
    pub rooms: Vec<RoomFact>,
    /// The main fee per student, in fen; none when the notice names no fee.
    pub fee_fen: Option<u64>,
    pub fee_deadline: Option<NaiveDate>,
    /// The hour of the deadline (`17:00`) when the notice gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_deadline_time: Option<String>,
    /// Only what the notice states: a fact it leaves out is no fact of the release either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrive_early_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proofreading: Option<Proofreading>,
    pub makeup: Vec<Makeup>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoomFact {
    pub id: String,
    pub name: String,
}

/// The proofreading window as the notice gives it: dates (either may be left out), or about so
/// many days after capture.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Proofreading {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_workdays: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_weeks: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_months: Option<u32>,
}

impl Proofreading {
    fn new(p: &crate::notice::model::Proofreading) -> Proofreading {
        let after = |unit| p.after.as_ref().filter(|a| a.value.unit == unit).map(|a| a.value.count);
        Proofreading {
            from: p.from.as_ref().map(|d| d.value),
            until: p.until.as_ref().map(|d| d.value),
            after_days: after(DelayUnit::Days),
            after_workdays: after(DelayUnit::Workdays),
            after_weeks: after(DelayUnit::Weeks),
            after_months: after(DelayUnit::Months),
        }
    }

    /// How long after capture, as the notice counts it.
    pub fn after(&self) -> Option<Delay> {
        let units = [
            (self.after_days, DelayUnit::Days),
            (self.after_workdays, DelayUnit::Workdays),
            (self.after_weeks, DelayUnit::Weeks),
            (self.after_months, DelayUnit::Months),
        ];
        units.into_iter().find_map(|(n, unit)| n.map(|count| Delay { count, unit }))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Makeup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The notice says no makeup is held (`offered: false`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub denied: bool,
}

/// Where and when one group goes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The colleges of its block (one for scheduled blocks).
    pub colleges: Vec<String>,
    /// Room id (its name is in [`Facts::rooms`]).
    pub room: String,
    /// The station, when the room has several and the block takes one.
    pub station: Option<u32>,
    pub date: NaiveDate,
    /// `HH:MM` as published: the start rounded down, the end up, to the minute.
    pub start: String,
    pub end: String,
    /// Raised each release in which this group's place changed (the calendar `SEQUENCE`).
    pub sequence: u32,
}

/// A lock file as read: data, or the display text of the first format.
#[derive(Debug, Clone, PartialEq)]
pub enum Locked {
    Data(Release),
    Text(Shown),
}

impl Locked {
    pub fn version(&self) -> u32 {
        match self {
            Locked::Data(r) => r.version,
            Locked::Text(s) => s.version,
        }
    }
    /// The release as data (`None` for a first-format lock: release again to get one).
    pub fn data(&self) -> Option<&Release> {
        match self {
            Locked::Data(r) => Some(r),
            Locked::Text(_) => None,
        }
    }
    /// What the release showed.
    pub fn shown(&self) -> Shown {
        match self {
            Locked::Data(r) => r.shown(),
            Locked::Text(s) => s.clone(),
        }
    }
}

/// One difference between the last release and the notice as it is now.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Change {
    pub what: String,
    pub before: String,
    pub after: String,
    /// The college and rooms the change concerns (empty for notice-wide facts).
    pub college: Option<String>,
    pub rooms: Vec<String>,
}

/// The comparison a build shows.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Status {
    /// The last released version (0: never released).
    pub version: u32,
    pub changes: Vec<Change>,
    /// Calendar `SEQUENCE` per group name (raised for groups whose place changed since the release).
    #[serde(skip)]
    pub sequence: BTreeMap<String, u32>,
}

/// Named by [`crate::base::slug::release_lock`], which `check` measures too.
pub fn lock_path(notice_rel: &str) -> String {
    crate::base::slug::release_lock(notice_rel)
}

/// The facts and places of a notice as it is now (version 0, sequence 0).
pub fn snapshot(n: &Notice, tt: &Timetable) -> Release {
    let c = &n.capture;
    let facts = Facts {
        title: n.title.value.clone(),
        audience: n.audience.value.clone(),
        days: c.days.iter().map(|d| d.date.value).collect(),
        rooms: c.rooms.iter().map(|r| RoomFact { id: r.id.value.clone(), name: r.name.value.clone() }).collect(),
        fee_fen: n.fee.as_ref().map(|f| f.amount.value.fen()),
        fee_deadline: n.fee.as_ref().and_then(|f| f.deadline.as_ref()).map(|d| d.value),
        fee_deadline_time: n.fee.as_ref().and_then(|f| f.deadline_time.as_ref()).map(|t| crate::base::time::hhmm_floor(t.value)),
        arrive_early_minutes: c.arrive_early_minutes.as_ref().map(|e| e.value),
        proofreading: n.proofreading.as_ref().map(Proofreading::new),
        makeup: n
            .makeup
            .iter()
            .map(|m| Makeup {
                from: m.from.as_ref().map(|d| d.value),
                until: m.until.as_ref().map(|d| d.value),
                place: m.place.as_ref().map(|p| p.value.clone()),
                denied: m.denied(),
            })
            .collect(),
    };
    let mut places = BTreeMap::new();
    for s in &tt.slots {
        let station = (s.stations.len() == 1 && c.room(&s.room).is_some_and(|r| r.station_count() > 1)).then_some(s.station);
        let place =
            |start, end| Place { colleges: s.colleges.to_vec(), room: s.room.clone(), station, date: s.date, start, end, sequence: 0 };
        if s.classes.is_empty() {
            // A block open to all is named by the notice's audience.
            let who = if s.open { n.audience.value.clone() } else { s.colleges.label() };
            let key = if s.part > 0 || tt.slots.iter().filter(|o| o.colleges == s.colleges).count() > 1 {
                format!("{who}（第{}段）", s.part + 1)
            } else {
                who
            };
            places.insert(key, place(s.start_label(), s.end_label()));
        }
        for k in &s.classes {
            let shown = k.shown(None);
            places.insert(k.name.clone(), place(shown.start_label(), shown.end_label()));
        }
    }
    Release { format: FORMAT, version: 0, facts, places }
}

/// Compares `now` with the last release, as each shows it.
pub fn compare(last: &Locked, now: &Release) -> Status {
    let (was, is) = (last.shown(), now.shown());
    let first_format = matches!(last, Locked::Text(_));
    let mut changes = Vec::new();
    let keys: std::collections::BTreeSet<&String> = was.facts.keys().chain(is.facts.keys()).collect();
    for k in keys {
        let (a, b) = (was.facts.get(k).cloned().unwrap_or_default(), is.facts.get(k).cloned().unwrap_or_default());
        if a != b {
            changes.push(Change { what: k.clone(), before: a, after: b, college: None, rooms: Vec::new() });
        }
    }
    let mut sequence = BTreeMap::new();
    let names: std::collections::BTreeSet<&String> = was.places.keys().chain(is.places.keys()).collect();
    for name in names {
        let (a, b) = (was.places.get(name), is.places.get(name));
        let show = |p: Option<&ShownPlace>| p.map(|p| format!("{} {}", p.when, p.room)).unwrap_or_else(|| "（无）".into());
        let changed = match (a, b) {
            (Some(a), Some(b)) => a.room != b.room || (a.when != b.when && !(first_format && end_rounded_up(&a.when, &b.when))),
            _ => true,
        };
        let base = a.map(|p| p.sequence).unwrap_or(0);
        sequence.insert(name.clone(), if changed { base + 1 } else { base });
        if changed {
            let rooms: Vec<String> = [a, b].iter().flatten().map(|p| p.room.clone()).collect();
            let college = b.or(a).map(|p| p.college.clone());
            changes.push(Change { what: name.clone(), before: show(a), after: show(b), college, rooms });
        }
    }
    Status { version: last.version(), changes, sequence }
}

/// The first lock format showed a block's end rounded up to the minute; every output now rounds
/// each boundary down (so that consecutive classes never overlap). `was` and `is` that differ only
/// by that rounding of the end are the same place, not a change to announce to students.
fn end_rounded_up(was: &str, is: &str) -> bool {
    let (Some((a, a_end)), Some((b, b_end))) = (was.rsplit_once('–'), is.rsplit_once('–')) else { return false };
    let (Some(a_end), Some(b_end)) = (crate::base::time::parse_hhmm(a_end), crate::base::time::parse_hhmm(b_end)) else { return false };
    a == b && a_end == b_end + 60
}

/// A lock file larger than this is refused (one with 10,000 classes is about 2 MB).
const MAX_LOCK_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a notice's lock file, if it has one, in either format. `Err` when it exists but cannot
/// be read.
pub fn load(root: &Path, notice_rel: &str) -> Result<Option<Locked>, String> {
    let lock = lock_path(notice_rel);
    let bytes = match read_regular(&root.join(&lock), MAX_LOCK_BYTES) {
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(ReadError::Io(e)) => return Err(format!("无法读取 {lock}：{e}")),
        Err(ReadError::NotAFile(kind)) => return Err(format!("{lock} 不是普通文件，而是{kind}：请删除它，再用 tuxiang release 重新生成")),
        Err(ReadError::TooLarge(size)) => {
            return Err(format!("{lock} 有 {size} 字节，不像版本记录：请删除它，再用 tuxiang release 重新生成"))
        }
        Ok(bytes) => bytes,
    };
    parse(&bytes).map(Some).map_err(|e| format!("{lock} 已损坏（{e}）：请用 tuxiang release 重新生成"))
}

/// A lock file's text: data when it names its `format`, else the first format's display text.
fn parse(bytes: &[u8]) -> serde_json::Result<Locked> {
    let value: serde_json::Value = serde_json::from_slice(bytes)?;
    if value.get("format").is_some() {
        serde_json::from_value(value).map(Locked::Data)
    } else {
        serde_json::from_value(value).map(Locked::Text)
    }
}

/// The next release: version + 1, sequences raised where places changed. Always written as data,
/// whatever the format of the last one.
pub fn next(last: Option<&Locked>, now: &Release) -> Release {
    let mut r = now.clone();
    r.version = last.map(Locked::version).unwrap_or(0) + 1;
    if let Some(l) = last {
        let st = compare(l, now);
        for (name, p) in r.places.iter_mut() {
            p.sequence = st.sequence.get(name).copied().unwrap_or(0);
        }
    }
    r
}

pub fn to_json(r: &Release) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
    s.push('\n');
    s
}

/// The released timetable as the anchored scheduler reads it (group name → day, room, station,
/// start and end), from the places of the last release. A place whose room or day the notice no
/// longer has is left out (its group is placed afresh); a first-format lock (display text) gives
/// no anchor, so the timetable is planned afresh until the notice is released again.
///
/// Kept apart from the rest of the lock handling: the only reader of a released slot's fields.
pub fn anchor(last: &Locked, capture: &crate::notice::model::Capture) -> crate::schedule::auto::Anchor {
    let mut out = crate::schedule::auto::Anchor::new();
    let Some(r) = last.data() else { return out };
    for (name, p) in &r.places {
        if let Some(a) = anchor_slot(p, capture) {
            out.insert(name.clone(), a);
        }
    }
    out
}

fn anchor_slot(p: &Place, capture: &crate::notice::model::Capture) -> Option<crate::schedule::auto::AnchorSlot> {
    capture.room(&p.room)?;
    capture.days.iter().find(|d| d.date.value == p.date)?;
    let (start, end) = (crate::base::time::parse_hhmm(&p.start)?, crate::base::time::parse_hhmm(&p.end)?);
    Some(crate::schedule::auto::AnchorSlot { date: p.date, room: p.room.clone(), station: p.station.unwrap_or(1), start, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::slug::{lock_name_fits, MAX_FILE_NAME_BYTES, MAX_NOTICE_NAME_BYTES};

    #[test]
    fn a_notice_name_fits_while_its_lock_files_do() {
        assert_eq!(MAX_NOTICE_NAME_BYTES, 241);
        let name = |stem: usize| format!("{}.md", "a".repeat(stem));
        assert!(lock_name_fits(&name(238)));
        assert!(!lock_name_fits(&name(239)));
        assert_eq!(format!("{}.json.tmp", lock_path(&name(238)).trim_end_matches(".json")).len(), MAX_FILE_NAME_BYTES);
        assert!(lock_name_fits(&"通".repeat(79)) && !lock_name_fits(&format!("{}.md", "通".repeat(80))));
    }

    #[test]
    fn a_lock_reads_back_as_the_data_it_was_written_from_and_shows_as_text() {
        let r = Release {
            format: FORMAT,
            version: 1,
            facts: Facts {
                title: "通知".into(),
                audience: "2026届".into(),
                days: vec![NaiveDate::from_ymd_opt(2025, 4, 12).expect("date")],
                rooms: vec![RoomFact { id: "j9".into(), name: "第九教学楼".into() }],
                fee_fen: Some(1550),
                fee_deadline: None,
                fee_deadline_time: None,
                arrive_early_minutes: Some(15),
                proofreading: Some(Proofreading {
                    from: NaiveDate::from_ymd_opt(2025, 6, 1),
                    until: NaiveDate::from_ymd_opt(2025, 6, 30),
                    after_days: None,
                    after_workdays: None,
                    after_weeks: None,
                    after_months: None,
                }),
                makeup: Vec::new(),
            },
            places: BTreeMap::from([(
                "经济、管理学院".to_string(),
                Place {
                    colleges: vec!["经济、管理学院".into()],
                    room: "j9".into(),
                    station: Some(2),
                    date: NaiveDate::from_ymd_opt(2025, 4, 12).expect("date"),
                    start: "08:00".into(),
                    end: "08:19".into(),
                    sequence: 1,
                },
            )]),
        };
        let read = parse(to_json(&r).as_bytes()).expect("reads");
        assert_eq!(read, Locked::Data(r.clone()));
        let shown = read.shown();
        assert_eq!(shown.facts["费用"], "每人 15.5 元", "as the first format wrote it");
        assert!(!shown.facts.contains_key("缴费截止"));
        let p = &shown.places["经济、管理学院"];
        assert_eq!((p.room.as_str(), p.when.as_str(), p.sequence), ("第九教学楼 2号机位", "4月12日（周六） 08:00–08:19", 1));
        // The first format is that text itself.
        let old = serde_json::to_string(&shown).expect("json");
        assert_eq!(parse(old.as_bytes()).expect("reads"), Locked::Text(shown));
        assert!(compare(&parse(old.as_bytes()).expect("reads"), &r).changes.is_empty());
    }
}
