use super::{eprint_diags, CONTENT_ERRORS, OK};
use crate::cli::Output;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tuxiang::publish::{Options, Staged};
use tuxiang::render::html::{render_each, OutFile};
use tuxiang::render::theme::Theme;
use tuxiang::render::{Outputs, PrintJob};
use tuxiang::site;

pub fn run(root: &Path, output: Option<&Path>, only: &[Output], a3: bool, force: bool) -> Result<u8> {
    let t0 = Instant::now();
    let site = site::load(root)?;
    eprint_diags(&site.diags);
    if site.diags.has_errors() {
        eprintln!("有错误，未生成任何文件。");
        return Ok(CONTENT_ERRORS);
    }
    let theme = Theme::load(root, &site.config)?;
    let outputs = outputs_of(only);
    let out_dir = match output {
        Some(o) if o.is_absolute() => o.to_path_buf(),
        Some(o) => root.join(o),
        None => root.join("public"),
    };
    // A progress bar on a terminal only: CI logs (not a terminal) stay clean.
    let per = site.entries.len() as u64;
    let steps = [outputs.html || outputs.json, outputs.pdf || outputs.posters || outputs.sheets, outputs.ics].iter().filter(|x| **x).count()
        as u64
        * per;
    let bar = if std::io::stderr().is_terminal() && site.entries.len() > 1 {
        ProgressBar::new(steps).with_style(
            ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}").unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    // Everything is staged first; the output folder changes only once all of it is rendered.
    let options = Options { root: Some(root.to_path_buf()), inputs: inputs(root, &site), force };
    let staged = Staged::begin(&out_dir, &options)?;
    let put_all = |files: Vec<OutFile>| files.par_iter().try_for_each(|(rel, bytes)| staged.put(rel, bytes));
    let (mut pages, mut pdfs) = (0, 0);
    if outputs.html || outputs.json {
        bar.set_message(format!("网页（{} 份通知）", site.entries.len()));
        let html = std::sync::atomic::AtomicUsize::new(0);
        let ctx = site.context(&theme);
        render_each(&ctx, &outputs, |(rel, bytes)| {
            if rel.ends_with(".html") {
                html.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            staged.put(&rel, &bytes)
        })?;
        pages = html.into_inner();
        bar.inc(per);
    }
    let job = PrintJob { pdf: outputs.pdf, posters: outputs.posters, sheets: outputs.sheets, a3 };
    if job.any() {
        bar.set_message("PDF、海报与签到表");
        let Some(fonts) = site.fonts.as_ref() else {
            anyhow::bail!("无法读取打印字体");
        };
        // Each notice's PDFs are written as soon as they are made: memory stays flat.
        pdfs = site
            .entries
            .par_iter()
            .map(|e| {
                let files = tuxiang::render::print_entry(&site.config, fonts, e, job)?;
                let n = files.len();
                for (rel, bytes) in &files {
                    staged.put(rel, bytes)?;
                }
                bar.inc(1);
                Ok(n)
            })
            .collect::<Result<Vec<usize>>>()?
            .into_iter()
            .sum();
    }
    if outputs.ics {
        bar.set_message("日历");
        put_all(tuxiang::render::calendar_outputs(&site.config, &site.entries))?;
        bar.inc(per);
    }
    bar.finish_and_clear();
    let summary = staged.commit()?;
    eprintln!(
        "已生成 {} 份通知：{} 个网页、{} 个 PDF，共 {} 个文件，其中 {} 个有变化{} → {}（{:.2} 秒）",
        site.entries.len(),
        pages,
        pdfs,
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
fn inputs(root: &Path, site: &site::Site) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = ["site.toml", "content", "themes"].iter().map(|p| root.join(p)).collect();
    paths.push(root.join("themes").join(&site.config.theme));
    paths.extend(site.config.font.iter().map(|f| root.join(f)));
    paths.extend(site.entries.iter().filter_map(|e| e.notice.capture.roster.as_ref()).map(|r| root.join(r)));
    paths
}
