//! The bottom layer: small pure functions every stage may use (notice, check, schedule, render,
//! publish), depending on nothing of the crate above it.

pub mod slug;
