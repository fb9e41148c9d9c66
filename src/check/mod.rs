//! The rules a notice must satisfy before anything is published.

pub mod scan;
