//! The automatic scheduler (`timetable: auto`). (Placeholder in main until the scheduler branch lands.)

use super::types::Timetable;
use crate::diag::Diagnostic;
use crate::notice::model::Capture;

pub fn plan(capture: &Capture) -> Result<Timetable, Vec<Diagnostic>> {
    Err(vec![Diagnostic::error("schedule-infeasible", &capture.timetable_loc, "自动排程尚未合并到此版本")])
}

/// A readable plan (replaced by the scheduler's own when it lands).
pub fn render_text(_capture: &Capture, tt: &Timetable) -> String {
    let mut s = String::new();
    for slot in &tt.slots {
        s.push_str(&format!(
            "{} {}-{} {} 机位{} {}\n",
            slot.date,
            slot.start_label(),
            slot.end_label(),
            slot.room,
            slot.station,
            slot.college
        ));
    }
    s
}
