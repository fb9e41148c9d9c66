//! The rules a notice must satisfy before anything is published. Each rule module adds
//! diagnostics; none stops the others.

pub mod attach;
pub mod body;
pub mod capture;
pub mod clock;
pub mod dates;
pub mod deadlines;
pub mod fees;
pub mod html;
pub mod names;
pub mod privacy;
pub mod scan;

use crate::diag::Diagnostic;
use crate::notice::model::Notice;

/// Every rule that reads the notice alone (the timetable is checked by `schedule`).
pub fn notice(n: &Notice) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    dates::check(n, &mut out);
    fees::check(n, &mut out);
    capture::check(n, &mut out);
    body::check(n, &mut out);
    privacy::check(n, &mut out);
    html::check(n, &mut out);
    names::check(n, &mut out);
    out
}
