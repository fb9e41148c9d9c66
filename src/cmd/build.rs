use super::{eprint_diags, CONTENT_ERRORS, OK};
use crate::cli::Output;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tuxiang::diag::Diagnostics;
use tuxiang::publish::{Options, Staged};
use tuxiang::render::Outputs;
use tuxiang::site::{Job, Site, Step};

pub fn run(root: &Path, output: Option<&Path>, only: &[Output], a3: bool, force: bool) -> Result<u8> {
    let t0 = Instant::now();
    let site = Site::load(root)?;
    // The content's diagnostics and build's own warnings, under one summary line.
    let shown = Diagnostics { items: site.diags.items.iter().chain(&site.build_warnings.items).cloned().collect() };
    eprint_diags(&shown);
    if site.diags.has_errors() {
        eprintln!("有错误，未生成任何文件。");
        return Ok(CONTENT_ERRORS);
    }
    let theme = site.theme()?;
    let job = Job { a3, ..Job::of(outputs_of(only)) };
    let out_dir = match output {
        Some(o) if o.is_absolute() => o.to_path_buf(),
        Some(o) => root.join(o),
        None => root.join("public"),
    };
    let bar = progress_bar(&site, &job.outputs);
    let progress = |step: Step| match step {
        Step::Pages(n) => bar.set_message(format!("网页（{n} 份通知）")),
        Step::Prints => bar.set_message("PDF、海报与签到表"),
        Step::Calendars => bar.set_message("日历"),
        Step::Done(n) => bar.inc(n),
    };
    // Everything is staged first; the output folder changes only once all of it is rendered.
    let options = Options { root: Some(root.to_path_buf()), inputs: inputs(root, &site), force };
    let staged = Staged::begin(&out_dir, &options)?;
    let built = site.build(&theme, &job, &|(rel, bytes)| staged.put(&rel, &bytes), &progress)?;
    bar.finish_and_clear();
    let summary = staged.commit()?;
    eprintln!(
        "已生成 {} 份通知：{} 个网页、{} 个 PDF，共 {} 个文件，其中 {} 个有变化{} → {}（{:.2} 秒）",
        site.entries.len(),
        built.pages,
        built.pdfs,
        summary.files,
        summary.written,
        if summary.removed > 0 { format!("，删除 {} 个旧文件", summary.removed) } else { String::new() },
        out_dir.display(),
        t0.elapsed().as_secs_f64()
    );
    if let Some(to) = &summary.moved_to {
        eprintln!(
            "输出文件夹里有 {} 项不是 tuxiang 生成的文件，已移到 {}（没有删除；确认不需要后可自行删除）",
            summary.moved,
            to.display()
        );
    }
    // The process ends here: handing a province's notices back to the allocator one string at a
    // time costs more than the system takes to reclaim the whole heap.
    std::mem::forget(site);
    Ok(OK)
}

/// A progress bar on a terminal only: CI logs (not a terminal) stay clean.
fn progress_bar(site: &Site, outputs: &Outputs) -> ProgressBar {
    let per = site.entries.len() as u64;
    let stages = [outputs.html || outputs.json, outputs.pdf || outputs.posters || outputs.sheets, outputs.ics];
    let steps = stages.iter().filter(|x| **x).count() as u64 * per;
    if std::io::stderr().is_terminal() && site.entries.len() > 1 {
        ProgressBar::new(steps).with_style(
            ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}").unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    }
}

/// `--only` as given on the command line (empty: everything).
fn outputs_of(only: &[Output]) -> Outputs {
    if only.is_empty() {
        return Outputs::all();
    }
    let has = |o| only.contains(&o);
    Outputs {
        html: has(Output::Html),
        json: has(Output::Json),
        pdf: has(Output::Pdf),
        posters: has(Output::Posters),
        sheets: has(Output::Sheets),
        ics: has(Output::Ics),
    }
}

/// Everything a build reads: the output folder may neither be inside one nor hold one (publishing
/// replaces the whole output folder).
fn inputs(root: &Path, site: &Site) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = ["site.toml", "content", "themes"].iter().map(|p| root.join(p)).collect();
    paths.push(root.join("themes").join(&site.config.theme));
    paths.extend(site.config.font.iter().map(|f| root.join(f)));
    paths.extend(site.entries.iter().filter_map(|e| e.notice.capture.roster.as_ref()).map(|r| root.join(r)));
    paths
}
