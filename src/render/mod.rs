//! Every output: HTML pages, PDFs, posters, sign-in sheets, calendars, JSON.

pub mod html;
pub mod i18n;
pub mod ics;
pub mod labels;
pub mod paths;
pub mod theme;
pub mod view;

use crate::notice::model::Notice;
use crate::schedule::Timetable;

/// The contract's timetable JSON: `{ "notice": path, "slots": [...] }`.
pub fn timetable_json(n: &Notice, tt: &Timetable) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        notice: &'a str,
        slots: &'a [crate::schedule::Slot],
    }
    let mut s = serde_json::to_string_pretty(&Out { notice: &n.path, slots: &tt.slots }).unwrap_or_default();
    s.push('\n');
    s
}

/// PDFs, posters and sign-in sheets (rendered by `render::pdf` once it lands).
pub fn print_outputs(
    _site: &crate::site::Site,
    _pdf: bool,
    _posters: bool,
    _sheets: bool,
    _a3: bool,
) -> anyhow::Result<Vec<html::OutFile>> {
    Ok(Vec::new())
}
