//! tuxiang: notices → checks → one timetable → HTML site, PDFs, posters and calendars.
//!
//! The folders name the stages the data goes through:
//! `notice` (read and parse), `check` (the rules), `schedule` (the one timetable),
//! `render` (every output), `publish` (into the output folder, all or nothing), `site` (the conductor), `serve` (the live preview), `cmd` (the command line).

pub mod base;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diag;
pub mod notice;
pub mod publish;
pub mod release;
pub mod render;
pub mod schedule;
pub mod serve;
pub mod site;
pub mod source;
