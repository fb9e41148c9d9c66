//! Every output: HTML pages, PDFs, posters, sign-in sheets, calendars, JSON.

pub mod paths;
pub mod pdf;
