//! Versions: `tuxiang release NOTICE.md` freezes the timetable and key facts as version N in a
//! small lock file next to the notice (`x.md` → `x.release.json`). Every build compares the
//! notice with its last release and shows what changed, field by field, everywhere.

use crate::base::dates::{date_range, date_short, date_weekday};
use crate::base::time::{hhmm_ceil, hhmm_floor};
use crate::notice::model::Notice;
use crate::notice::{read_regular, ReadError};
use crate::schedule::Timetable;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The lock file's contents.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub version: u32,
    /// Key facts, by label, as shown to students.
    pub facts: BTreeMap<String, String>,
    /// Where and when each group goes, by group name.
    pub places: BTreeMap<String, Place>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub college: String,
    pub room: String,
    pub when: String,
    /// Raised each release in which this group's place changed (the calendar `SEQUENCE`).
    pub sequence: u32,
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

/// The facts and places of a notice as it is now (sequence 0).
pub fn snapshot(n: &Notice, tt: &Timetable) -> Release {
    let mut facts = BTreeMap::new();
    facts.insert("标题".into(), n.title.value.clone());
    facts.insert("采集对象".into(), n.audience.value.clone());
    facts.insert("采集日期".into(), n.capture.days.iter().map(|d| date_weekday(d.date.value)).collect::<Vec<_>>().join("、"));
    facts.insert("采集地点".into(), n.capture.rooms.iter().map(|r| r.name.value.clone()).collect::<Vec<_>>().join("、"));
    if let Some(f) = &n.fee {
        facts.insert("费用".into(), format!("每人 {} 元", f.amount.value));
        if let Some(d) = &f.deadline {
            facts.insert("缴费截止".into(), date_weekday(d.value));
        }
    }
    facts.insert("提前到场".into(), format!("{} 分钟", n.capture.arrive_early_minutes.value));
    facts.insert("学信网校对".into(), date_range(n.proofreading.from.value, n.proofreading.until.value));
    facts.insert(
        "补拍".into(),
        n.makeup.iter().map(|m| format!("{} {}", date_range(m.from.value, m.until.value), m.place.value)).collect::<Vec<_>>().join("；"),
    );
    let mut places = BTreeMap::new();
    for s in &tt.slots {
        let room = n.capture.room(&s.room).map(|r| r.name.value.clone()).unwrap_or_else(|| s.room.clone());
        let station = if s.stations.len() == 1 && n.capture.room(&s.room).is_some_and(|r| r.stations.value > 1) {
            format!(" {}号机位", s.station)
        } else {
            String::new()
        };
        if s.classes.is_empty() {
            let key = if s.part > 0 || tt.slots.iter().filter(|o| o.college == s.college).count() > 1 {
                format!("{}（第{}段）", s.college, s.part + 1)
            } else {
                s.college.clone()
            };
            places.insert(
                key,
                Place {
                    college: s.college.clone(),
                    room: format!("{room}{station}"),
                    when: format!("{} {}–{}", date_short(s.date), s.start_label(), s.end_label()),
                    sequence: 0,
                },
            );
        }
        for c in &s.classes {
            places.insert(
                c.name.clone(),
                Place {
                    college: s.college.clone(),
                    room: format!("{room}{station}"),
                    when: format!("{} {}–{}", date_short(s.date), hhmm_floor(c.start), hhmm_ceil(c.end)),
                    sequence: 0,
                },
            );
        }
    }
    Release { version: 0, facts, places }
}

/// Compares `now` with the last release.
pub fn compare(last: &Release, now: &Release) -> Status {
    let mut changes = Vec::new();
    let keys: std::collections::BTreeSet<&String> = last.facts.keys().chain(now.facts.keys()).collect();
    for k in keys {
        let (a, b) = (last.facts.get(k).cloned().unwrap_or_default(), now.facts.get(k).cloned().unwrap_or_default());
        if a != b {
            changes.push(Change { what: k.clone(), before: a, after: b, college: None, rooms: Vec::new() });
        }
    }
    let mut sequence = BTreeMap::new();
    let names: std::collections::BTreeSet<&String> = last.places.keys().chain(now.places.keys()).collect();
    for name in names {
        let (a, b) = (last.places.get(name), now.places.get(name));
        let show = |p: Option<&Place>| p.map(|p| format!("{} {}", p.when, p.room)).unwrap_or_else(|| "（无）".into());
        let changed = match (a, b) {
            (Some(a), Some(b)) => a.room != b.room || a.when != b.when,
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
    Status { version: last.version, changes, sequence }
}

/// A lock file larger than this is refused (one with 10,000 classes is about 2 MB).
const MAX_LOCK_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a notice's lock file, if it has one. `Err` when it exists but cannot be read.
pub fn load(root: &Path, notice_rel: &str) -> Result<Option<Release>, String> {
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
    serde_json::from_slice(&bytes).map(Some).map_err(|e| format!("{lock} 已损坏（{e}）：请用 tuxiang release 重新生成"))
}

/// The next release: version + 1, sequences raised where places changed.
pub fn next(last: Option<&Release>, now: &Release) -> Release {
    let mut r = now.clone();
    r.version = last.map(|l| l.version).unwrap_or(0) + 1;
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
}
