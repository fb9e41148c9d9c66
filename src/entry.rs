//! A notice as the stages before rendering leave it: read, checked, scheduled, and compared with its
//! last release. Every output is rendered from entries, and only from them.

use crate::notice::model::Notice;
use crate::release;
use crate::schedule::Timetable;

/// A notice with its timetable.
pub struct Entry {
    pub notice: Notice,
    /// `None` when the notice's errors leave no timetable to build.
    pub timetable: Option<Timetable>,
    /// The last release and what changed since.
    pub release: release::Status,
}
