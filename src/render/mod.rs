//! Every output: HTML pages, PDFs, posters, sign-in sheets, calendars, JSON.

pub mod body;
pub mod card;
pub mod fee;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod paths;
pub mod pdf;
pub mod theme;
pub mod view;

use crate::config::SiteConfig;
use crate::entry::Entry;
use crate::notice::model::Notice;
use crate::schedule::Timetable;

/// What every output of a site is rendered from: made once per build (or per preview reload) and
/// passed to each renderer.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub config: &'a SiteConfig,
    /// Newest first, as the home page lists them.
    pub entries: &'a [Entry],
    pub theme: &'a theme::Theme,
}

/// The contract's timetable JSON: `{ "notice": path, "slots": [...] }`, one slot a line (small to
/// download, and a changed slot is one changed line in a diff of the published site).
pub fn timetable_json(n: &Notice, tt: &Timetable) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        notice: &'a str,
        slots: &'a [crate::schedule::Slot],
    }
    let mut out = Vec::with_capacity(256 + tt.slots.len() * 320);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, LineFormatter::default());
    // Plain data (strings, numbers, lists) always serialises.
    let _ = serde::Serialize::serialize(&Out { notice: &n.path, slots: &tt.slots }, &mut ser);
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// JSON laid out down to the items of a top-level list (each on a line of its own, indented);
/// everything inside an item on that one line.
#[derive(Default)]
struct LineFormatter {
    depth: usize,
    has_value: bool,
}

impl LineFormatter {
    /// Depths whose items start on a line of their own: the outer object's keys, the slots.
    const LINES: usize = 2;

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.depth < Self::LINES && self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if self.depth <= Self::LINES {
            if !first {
                w.write_all(b",")?;
            }
            self.newline(w)
        } else if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn newline<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        (0..self.depth).try_for_each(|_| w.write_all(b"  "))
    }
}

impl serde_json::ser::Formatter for LineFormatter {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Which outputs a build writes (`--only`), and so which links the pages carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outputs {
    pub html: bool,
    /// `timetable.json` beside each notice page.
    pub json: bool,
    pub pdf: bool,
    pub posters: bool,
    pub sheets: bool,
    pub ics: bool,
}

impl Outputs {
    pub fn all() -> Outputs {
        Outputs { html: true, json: true, pdf: true, posters: true, sheets: true, ics: true }
    }

    /// What `serve` shows: the pages and their timetable JSON.
    pub const PREVIEW: Outputs = Outputs { html: true, json: true, pdf: false, posters: false, sheets: false, ics: false };
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
pub fn print_entry(config: &SiteConfig, fonts: &pdf::PrintFonts, e: &Entry, job: PrintJob) -> anyhow::Result<Vec<html::OutFile>> {
    let mut names = Vec::new();
    let (n, Some(tt)) = (&e.notice, &e.timetable) else { return Ok(Vec::new()) };
    let paper = if job.a3 { pdf::PaperSize::A3 } else { pdf::PaperSize::A4 };
    // Rendered first, saved together: the fonts are cut down once for all of them.
    let batch = pdf::Batch::new();
    let ctx = pdf::PrintContext { fonts, site: config, source_date: pdf::source_date(n), batch: Some(&batch) };
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
pub fn calendar_outputs(config: &SiteConfig, entries: &[Entry]) -> Vec<html::OutFile> {
    use rayon::prelude::*;
    let per: Vec<Vec<html::OutFile>> = entries
        .par_iter()
        .map(|e| match &e.timetable {
            Some(tt) => ics::calendars(config, &e.notice, tt, e.release.sequence.values().copied().max().unwrap_or(0)),
            None => Vec::new(),
        })
        .collect();
    per.into_iter().flatten().collect()
}

/// The bundled CJK fonts, or the fuller font `site.toml` points at.
pub fn print_fonts(root: &std::path::Path, config: &SiteConfig) -> anyhow::Result<pdf::PrintFonts> {
    match &config.font {
        Some(p) => pdf::PrintFonts::with_override(&root.join(p)),
        None => pdf::PrintFonts::bundled(),
    }
}
