//! tuxiang: notices → checks → one timetable → HTML site, PDFs, posters and calendars.
//!
//! The folders name the stages the data goes through, each depending only on those before it
//! (`tests/layers.rs` keeps it so):
//! `notice` (read and parse) → `check` (the rules) → `schedule` (the one timetable) → `release`
//! (what changed since the last published version) → `entry` (what the renderers read) →
//! `render` (every output) → `publish` (into the output folder, whole); `site` is the pipeline
//! that runs them (`Site::load`, `Site::reload`, `Site::build`: what `check`, `build`, the live
//! preview `serve` and the tests all call). Beneath them all: `base` (dates, money, names),
//! `source` and `diag` (files and diagnostics), `config` (`site.toml`). The command line lives in
//! the binary (`main.rs`, `cli.rs`, `cmd/`).

pub mod base;
pub mod check;
pub mod config;
pub mod diag;
pub mod entry;
pub mod import;
pub mod notice;
pub mod publish;
pub mod release;
pub mod render;
pub mod schedule;
pub mod serve;
pub mod site;
pub mod source;
