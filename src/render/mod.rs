//! Every output: HTML pages, PDFs, posters, sign-in sheets, calendars, JSON.

pub mod html;
pub mod i18n;
pub mod ics;
pub mod labels;
pub mod paths;
pub mod pdf;
pub mod theme;
pub mod view;

use crate::notice::model::Notice;
use crate::schedule::Timetable;

/// The contract's timetable JSON: `{ "notice": path, "slots": [...] }`.
pub fn timetable_json(n: &Notice, tt: &Timetable) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        notice: &'a str,
        slots: &'a [crate::schedule::Slot],
    }
    let mut s = serde_json::to_string_pretty(&Out { notice: &n.path, slots: &tt.slots }).unwrap_or_default();
    s.push('\n');
    s
}

/// Which outputs a build writes (`--only`), and so which links the pages carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outputs {
    pub html: bool,
    pub pdf: bool,
    pub posters: bool,
    pub sheets: bool,
    pub ics: bool,
}

impl Outputs {
    pub fn all() -> Outputs {
        Outputs { html: true, pdf: true, posters: true, sheets: true, ics: true }
    }

    /// `--only` as given on the command line (empty: everything).
    pub fn from_only(only: &[crate::cli::Output]) -> Outputs {
        use crate::cli::Output;
        if only.is_empty() {
            return Outputs::all();
        }
        let has = |o| only.contains(&o);
        Outputs { html: has(Output::Html), pdf: has(Output::Pdf), posters: has(Output::Posters), sheets: has(Output::Sheets), ics: has(Output::Ics) }
    }
}

/// Which print outputs to make, on which paper.
#[derive(Clone, Copy, Debug)]
pub struct PrintJob {
    pub pdf: bool,
    pub posters: bool,
    pub sheets: bool,
    pub a3: bool,
}

impl PrintJob {
    pub fn any(&self) -> bool {
        self.pdf || self.posters || self.sheets
    }
}

/// The print outputs of one notice: the notice PDF, a door poster per room and capture day,
/// and the sign-in sheets of every college.
pub fn print_entry(site: &crate::site::Site, fonts: &pdf::PrintFonts, e: &crate::site::Entry, job: PrintJob) -> anyhow::Result<Vec<html::OutFile>> {
    let mut names = Vec::new();
    let (n, Some(tt)) = (&e.notice, &e.timetable) else { return Ok(Vec::new()) };
    let paper = if job.a3 { pdf::PaperSize::A3 } else { pdf::PaperSize::A4 };
    // Rendered first, saved together: the fonts are cut down once for all of them.
    let batch = pdf::Batch::new();
    let ctx = pdf::PrintContext { fonts, site: &site.config, source_date: pdf::source_date(n), batch: Some(&batch) };
    if job.pdf {
        pdf::notice_pdf_versioned(&ctx, n, tt, Some(&e.release))?;
        names.push(paths::notice_pdf(&n.slug));
    }
    if job.posters {
        for room in &n.capture.rooms {
            for d in tt.dates().into_iter().filter(|d| tt.slots.iter().any(|s| s.date == *d && s.room == room.id.value)) {
                pdf::room_poster(&ctx, n, tt, &room.id.value, d, paper)?;
                names.push(paths::poster_pdf(&n.slug, &room.id.value, d));
            }
        }
    }
    if job.sheets {
        for college in tt.colleges() {
            pdf::college_sheets(&ctx, n, tt, college)?;
            names.push(paths::sheets_pdf(&n.slug, college));
        }
    }
    let files = batch.finish(fonts)?;
    if files.len() != names.len() {
        anyhow::bail!("PDF 批量生成失败（内部错误）");
    }
    Ok(names.into_iter().zip(files).collect())
}

/// Calendars (ICS) of every notice: per class, per college and per room. The `SEQUENCE` is the
/// highest of the notice's release sequences, so a changed timetable updates subscribed events.
pub fn calendar_outputs(site: &crate::site::Site) -> Vec<html::OutFile> {
    use rayon::prelude::*;
    let per: Vec<Vec<html::OutFile>> = site
        .entries
        .par_iter()
        .map(|e| match &e.timetable {
            Some(tt) => ics::calendars(&site.config, &e.notice, tt, e.release.sequence.values().copied().max().unwrap_or(0)),
            None => Vec::new(),
        })
        .collect();
    per.into_iter().flatten().collect()
}

/// The bundled CJK fonts, or the fuller font `site.toml` points at.
pub fn print_fonts(root: &std::path::Path, config: &crate::config::SiteConfig) -> anyhow::Result<pdf::PrintFonts> {
    match &config.font {
        Some(p) => pdf::PrintFonts::with_override(&root.join(p)),
        None => pdf::PrintFonts::bundled(),
    }
}
