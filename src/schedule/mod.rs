//! The one timetable: built by the scheduler (`timetable: auto`) or taken from a hand-made list
//! after validation. Every output reads the `Timetable` this module returns.

pub mod auto;
pub mod instances;
pub mod types;

pub use types::{ClassSlot, Slot, Timetable};
