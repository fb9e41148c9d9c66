//! A release as students were shown it: facts by their Chinese label, places as room and time
//! text. Derived from a release's data to print and compare changes, and the very shape of the
//! first lock format, which stored this text.

use super::{Place, Release};
use crate::base::dates::{date_short, date_span, date_weekday};
use crate::base::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A release as text (and a first-format lock file as read).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Shown {
    pub version: u32,
    /// Key facts, by label, as shown to students.
    pub facts: BTreeMap<String, String>,
    /// Where and when each group goes, by group name.
    pub places: BTreeMap<String, ShownPlace>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ShownPlace {
    /// The block's colleges, joined with `、`.
    pub college: String,
    /// The room's name, and its station when it has several (`第九教学楼203室 2号机位`).
    pub room: String,
    /// `4月12日（周六） 08:00–08:19`
    pub when: String,
    pub sequence: u32,
}

impl Release {
    /// The text a change notice compares and prints.
    pub fn shown(&self) -> Shown {
        let f = &self.facts;
        let mut facts = BTreeMap::new();
        let mut fact = |label: &str, text: String| facts.insert(label.to_string(), text);
        fact("标题", f.title.clone());
        fact("采集对象", f.audience.clone());
        fact("采集日期", f.days.iter().map(|d| date_weekday(*d)).collect::<Vec<_>>().join("、"));
        fact("采集地点", f.rooms.iter().map(|r| r.name.clone()).collect::<Vec<_>>().join("、"));
        if let Some(fen) = f.fee_fen {
            fact("费用", format!("每人 {} 元", Money::from_fen(fen)));
        }
        if let Some(d) = f.fee_deadline {
            let hour = f.fee_deadline_time.as_ref().map(|t| format!(" {t}")).unwrap_or_default();
            fact("缴费截止", format!("{}{hour}", date_weekday(d)));
        }
        if let Some(e) = f.arrive_early_minutes {
            fact("提前到场", format!("{e} 分钟"));
        }
        if let Some(p) = &f.proofreading {
            let when = match p.after() {
                Some(a) => a.after_capture(),
                None => date_span(p.from, p.until).unwrap_or_default(),
            };
            fact("学信网校对", when);
        }
        if !f.makeup.is_empty() {
            let each = |m: &super::Makeup| {
                if m.denied {
                    return "不安排补拍".to_string();
                }
                let when = date_span(m.from, m.until).unwrap_or_else(|| "另行通知".into());
                match &m.place {
                    Some(p) => format!("{when} {p}"),
                    None => when,
                }
            };
            fact("补拍", f.makeup.iter().map(each).collect::<Vec<_>>().join("；"));
        }
        let places = self.places.iter().map(|(name, p)| (name.clone(), self.shown_place(p))).collect();
        Shown { version: self.version, facts, places }
    }

    fn shown_place(&self, p: &Place) -> ShownPlace {
        let name = self.facts.rooms.iter().find(|r| r.id == p.room).map_or(p.room.as_str(), |r| r.name.as_str());
        let station = p.station.map(|s| format!(" {s}号机位")).unwrap_or_default();
        ShownPlace {
            college: p.colleges.join("、"),
            room: format!("{name}{station}"),
            when: format!("{} {}–{}", date_short(p.date), p.start, p.end),
            sequence: p.sequence,
        }
    }
}
