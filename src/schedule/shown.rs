//! The times a student is told: every page, PDF, poster, sheet and calendar reads them from here.
//!
//! One rounding rule for every boundary: down to the minute. Rounding is then the same function
//! for a class's end and the next class's start, so two classes that meet in the timetable meet
//! on every output (never a minute of overlap, never a gap the timetable does not have), and no
//! student is told to come later than their class starts. Arrival advice exists only when the
//! notice gives `arrive_early_minutes`: it is the class's own shown start less those minutes.

use super::types::{ClassSlot, Slot};
use crate::base::time::{floor_minute, hhmm_floor, Secs};
use crate::notice::model::Notice;

/// What a student is told of one class (or one block): start, end and when to arrive, each a
/// whole minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub start: Secs,
    pub end: Secs,
    /// `None` when the notice gives no `arrive_early_minutes`.
    pub arrive: Option<Secs>,
}

impl Shown {
    /// The shown times of something that runs from `start` to `end` (seconds since midnight),
    /// with `early` minutes of arrival advice when the notice gives them.
    pub fn new(start: Secs, end: Secs, early: Option<u32>) -> Shown {
        let start = round(start);
        let end = round(end).max(start);
        Shown { start, end, arrive: early.map(|m| start.saturating_sub(m * 60)) }
    }

    pub fn start_label(&self) -> String {
        hhmm_floor(self.start)
    }

    pub fn end_label(&self) -> String {
        hhmm_floor(self.end)
    }

    /// `HH:MM–HH:MM` (an en dash; print outputs that want a hyphen use [`Shown::span_with`]).
    pub fn span(&self) -> String {
        self.span_with('–')
    }

    pub fn span_with(&self, dash: char) -> String {
        let mut out = hhmm_floor(self.start);
        out.push(dash);
        out.push_str(&hhmm_floor(self.end));
        out
    }

    pub fn arrive_label(&self) -> Option<String> {
        self.arrive.map(hhmm_floor)
    }
}

/// The rounding rule: down to the minute, for every boundary alike.
pub fn round(s: Secs) -> Secs {
    floor_minute(s)
}

/// The minutes a notice asks students to come early, or `None` when it does not say.
pub fn early_minutes(n: &Notice) -> Option<u32> {
    n.capture.arrive_early_minutes.as_ref().map(|e| e.value)
}

impl Slot {
    /// What the block as a whole is shown as.
    pub fn shown(&self, early: Option<u32>) -> Shown {
        Shown::new(self.start, self.end, early)
    }
}

impl ClassSlot {
    /// What the class is told: its own minutes inside its block.
    pub fn shown(&self, early: Option<u32>) -> Shown {
        Shown::new(self.start, self.end, early)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_that_meet_are_shown_meeting() {
        // Class A ends at 08:19:40, class B starts then: one minute on both sides.
        let a = Shown::new(8 * 3600, 8 * 3600 + 19 * 60 + 40, Some(15));
        let b = Shown::new(8 * 3600 + 19 * 60 + 40, 8 * 3600 + 40 * 60, Some(15));
        assert_eq!(a.end, b.start);
        assert_eq!((a.span(), b.span()), ("08:00–08:19".to_string(), "08:19–08:40".to_string()));
        assert_eq!(b.arrive_label().as_deref(), Some("08:04"));
    }

    #[test]
    fn no_arrival_without_the_notice_saying_so() {
        assert_eq!(Shown::new(3600, 7200, None).arrive, None);
        assert_eq!(Shown::new(600, 7200, Some(15)).arrive, Some(0));
    }

    #[test]
    fn rounding_keeps_order() {
        // Monotone: a boundary that comes later is never shown earlier.
        for a in (0..400).step_by(7) {
            for b in a..a + 130 {
                assert!(round(a) <= round(b));
            }
        }
    }
}
