//! The one timetable: built by the scheduler (`timetable: auto`) or taken from a hand-made list
//! after validation. Every output reads the `Timetable` this module returns.

pub mod auto;
pub mod explicit;
pub mod instances;
pub mod shown;
pub mod types;

pub use shown::{early_minutes, Shown};
pub use types::{ClassSlot, Slot, Timetable};

use crate::diag::Diagnostic;
use crate::notice::model::{Notice, TimetableSpec};

/// The notice's timetable, with the diagnostics found while building or validating it.
/// `None` when no timetable can be shown.
pub fn timetable(n: &Notice) -> (Option<Timetable>, Vec<Diagnostic>) {
    timetable_anchored(n, None)
}

/// Like [`timetable`]; for `timetable: auto` with a released timetable (`anchor`), the released
/// timetable repaired for the notice as it is now (see [`auto::anchor`]).
pub fn timetable_anchored(n: &Notice, anchor: Option<&auto::Anchor>) -> (Option<Timetable>, Vec<Diagnostic>) {
    match (&n.capture.timetable, anchor) {
        (TimetableSpec::Explicit(slots), _) => explicit::build(&n.capture, slots),
        (TimetableSpec::Auto, Some(a)) if !a.is_empty() => match auto::repair(&n.capture, a) {
            Ok(r) => (Some(r.timetable), Vec::new()),
            Err(d) => (None, d),
        },
        (TimetableSpec::Auto, _) => auto_plan(n),
        // Nothing to schedule: an empty timetable, so the pages still show what the notice gives.
        (TimetableSpec::Unscheduled, _) => (Some(Timetable::default()), Vec::new()),
    }
}

fn auto_plan(n: &Notice) -> (Option<Timetable>, Vec<Diagnostic>) {
    match auto::plan(&n.capture) {
        Ok(tt) => (Some(tt), Vec::new()),
        Err(d) => (None, d),
    }
}
