//! `Site::build`: every output of the site (or of some of its notices) rendered through one
//! render context and handed, file by file, to whatever takes them: the staged output folder of
//! `build`, the preview's memory, or nothing at all for `check`.

use super::Site;
use crate::check::attach::{self, Attachment};
use crate::notice::ReadError;
use crate::render::html::{render_index, render_notice, OutFile};
use crate::render::theme::Theme;
use crate::render::{calendar_outputs, print_entry, Outputs, PrintJob};
use anyhow::{anyhow, bail, Result};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What to build.
#[derive(Clone, Debug)]
pub struct Job {
    pub outputs: Outputs,
    /// Posters on A3 instead of A4.
    pub a3: bool,
    /// Only these notices (paths relative to the root) and the home page; `None`: the whole site,
    /// the theme's static files included.
    pub only: Option<BTreeSet<String>>,
    /// The outputs the pages link to, when not those built: `check` renders the pages of a full
    /// build without making its prints.
    pub links: Option<Outputs>,
    /// The files the bodies link to (`附件1.pdf`), copied beside the pages when these are built.
    pub attachments: bool,
}

impl Job {
    /// Every output of the whole site.
    pub fn all() -> Job {
        Job::of(Outputs::all())
    }
    /// These outputs of the whole site.
    pub fn of(outputs: Outputs) -> Job {
        Job { outputs, a3: false, only: None, links: None, attachments: true }
    }
    /// The pages and JSON of a full build, and nothing else (the attachments were checked when
    /// the site was loaded).
    pub fn pages() -> Job {
        let outputs = Outputs { pdf: false, posters: false, sheets: false, ics: false, ..Outputs::all() };
        Job { links: Some(Outputs::all()), attachments: false, ..Job::of(outputs) }
    }
}

/// Where a build is, for a progress bar: a stage begins, or some of it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Pages and JSON of this many notices.
    Pages(usize),
    Prints,
    Calendars,
    /// This many notices of the stage are done.
    Done(u64),
}

/// What a build handed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Built {
    /// HTML pages.
    pub pages: usize,
    pub pdfs: usize,
}

impl Site {
    /// Renders what `job` asks for with `theme` and hands every file to `put` as soon as it is
    /// made (notices in parallel, so in no set order). The first error stops the build.
    pub fn build(
        &self,
        theme: &Theme,
        job: &Job,
        put: &(dyn Fn(OutFile) -> Result<()> + Sync),
        progress: &(dyn Fn(Step) + Sync),
    ) -> Result<Built> {
        let ctx = self.context(theme);
        let chosen = |path: &str| job.only.as_ref().is_none_or(|o| o.contains(path));
        let entries: Vec<&super::Entry> = self.entries.iter().filter(|e| chosen(&e.notice.path)).collect();
        let per = entries.len() as u64;
        let (o, pages) = (&job.outputs, AtomicUsize::new(0));
        let put_counted = |f: OutFile| {
            if f.0.ends_with(".html") {
                pages.fetch_add(1, Ordering::Relaxed);
            }
            put(f)
        };
        if o.html || o.json {
            progress(Step::Pages(entries.len()));
            if o.html {
                if job.only.is_none() {
                    theme.files.iter().cloned().try_for_each(put_counted)?;
                }
                put_counted(render_index(&ctx)?)?;
            }
            let links = job.links.as_ref().unwrap_or(o);
            entries.par_iter().try_for_each(|e| render_notice(&ctx, e, links)?.into_iter().try_for_each(put_counted))?;
            if o.html && job.attachments {
                attachments(&self.root, &entries)?.into_par_iter().try_for_each(|a| {
                    let bytes = crate::notice::read_regular(&a.source, attach::MAX_BYTES).map_err(|e| {
                        let why = match e {
                            ReadError::Io(e) => e.to_string(),
                            ReadError::NotAFile(kind) => format!("它是{kind}"),
                            ReadError::TooLarge(n) => format!("有 {n} 字节，超过上限 {}", attach::MAX_BYTES),
                        };
                        anyhow!("无法读取附件 {}：{why}", a.source.display())
                    })?;
                    put((a.output, bytes))
                })?;
            }
            progress(Step::Done(per));
        }
        let print = PrintJob { pdf: o.pdf, posters: o.posters, sheets: o.sheets, a3: job.a3 };
        let mut pdfs = 0;
        if print.any() {
            progress(Step::Prints);
            let Some(fonts) = self.fonts.as_ref() else { bail!("无法读取打印字体") };
            // Each notice's PDFs are handed on as soon as they are made: memory stays flat.
            pdfs = entries
                .par_iter()
                .map(|e| {
                    let files = print_entry(ctx.config, fonts, e, print)?;
                    let n = files.len();
                    files.into_iter().try_for_each(put)?;
                    progress(Step::Done(1));
                    Ok(n)
                })
                .collect::<Result<Vec<usize>>>()?
                .into_iter()
                .sum();
        }
        if o.ics {
            progress(Step::Calendars);
            entries.par_iter().try_for_each(|e| calendar_outputs(ctx.config, std::slice::from_ref(*e)).into_iter().try_for_each(put))?;
            progress(Step::Done(per));
        }
        Ok(Built { pages: pages.into_inner(), pdfs })
    }
}

/// The attachments of these notices, each file once. One that cannot be published now (removed
/// since the site was loaded) stops the build at its link; two files published as one name too.
fn attachments(root: &std::path::Path, entries: &[&super::Entry]) -> Result<Vec<Attachment>> {
    let mut files: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    for e in entries {
        let (found, diags) = attach::resolve(root, &e.notice);
        if let Some(d) = diags.first() {
            bail!("{}:{}:{}: {}", d.loc.file.name, d.loc.line, d.loc.col, d.message);
        }
        for a in found {
            match files.get(&a.output) {
                Some(other) if *other != a.source => {
                    bail!("两个附件都会发布为 {}：{} 和 {}（请给其中一个改名）", a.output, other.display(), a.source.display())
                }
                Some(_) => {}
                None => {
                    files.insert(a.output, a.source);
                }
            }
        }
    }
    Ok(files.into_iter().map(|(output, source)| Attachment { source, output }).collect())
}
