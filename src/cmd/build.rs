use super::{eprint_diags, CONTENT_ERRORS, OK};
use crate::cli::Output;
use crate::render::html::{render_site, OutFile};
use crate::render::Outputs;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use crate::render::theme::Theme;
use crate::site;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub fn run(root: &Path, output: Option<&Path>, only: &[Output], a3: bool) -> Result<u8> {
    let t0 = Instant::now();
    let site = site::load(root)?;
    eprint_diags(&site.diags);
    if site.diags.has_errors() {
        eprintln!("有错误，未生成任何文件。");
        return Ok(CONTENT_ERRORS);
    }
    let theme = Theme::load(root, &site.config.theme)?;
    let mut files: Vec<OutFile> = Vec::new();
    let outputs = Outputs::from_only(only);
    // A progress bar on a terminal only: CI logs (not a terminal) stay clean.
    let per = site.entries.len() as u64;
    let steps = [outputs.html, outputs.pdf || outputs.posters || outputs.sheets, outputs.ics].iter().filter(|x| **x).count() as u64 * per;
    let bar = if std::io::stderr().is_terminal() && site.entries.len() > 1 {
        ProgressBar::new(steps).with_style(ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}").unwrap_or_else(|_| ProgressStyle::default_bar()))
    } else {
        ProgressBar::hidden()
    };
    if outputs.html {
        bar.set_message(format!("网页（{} 份通知）", site.entries.len()));
        files.extend(render_site(&site, &theme, &outputs)?);
        bar.inc(per);
    }
    if outputs.pdf || outputs.posters || outputs.sheets {
        bar.set_message("PDF、海报与签到表");
        files.extend(crate::render::print_outputs(&site, outputs.pdf, outputs.posters, outputs.sheets, a3, &|| bar.inc(1))?);
    }
    if outputs.ics {
        bar.set_message("日历");
        files.extend(crate::render::calendar_outputs(&site));
        bar.inc(per);
    }
    bar.finish_and_clear();
    let out_dir = match output {
        Some(o) if o.is_absolute() => o.to_path_buf(),
        Some(o) => root.join(o),
        None => root.join("public"),
    };
    write_atomically(&out_dir, &files)?;
    let pages = files.iter().filter(|(p, _)| p.ends_with(".html")).count();
    let pdfs = files.iter().filter(|(p, _)| p.ends_with(".pdf")).count();
    eprintln!(
        "已生成 {} 份通知：{} 个网页、{} 个 PDF，共 {} 个文件 → {}（{:.2} 秒）",
        site.entries.len(),
        pages,
        pdfs,
        files.len(),
        out_dir.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(OK)
}

/// Writes every file into a fresh folder beside `out`, then swaps it in. A failure at any point
/// leaves the previous `out` untouched.
pub fn write_atomically(out: &Path, files: &[OutFile]) -> Result<()> {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&parent).with_context(|| format!("无法创建 {}", parent.display()))?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let result = (|| -> Result<()> {
        for (rel, bytes) in files {
            let path = tmp.join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).with_context(|| format!("无法创建 {}", dir.display()))?;
            }
            std::fs::write(&path, bytes).with_context(|| format!("无法写入 {}", path.display()))?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if out.exists() {
        std::fs::rename(out, &old).with_context(|| format!("无法替换 {}", out.display()))?;
    }
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e).with_context(|| format!("无法写入 {}", out.display()));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
