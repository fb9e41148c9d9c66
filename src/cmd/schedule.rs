use super::{eprint_diags, CONTENT_ERRORS, OK};
use crate::cli::ScheduleFormat;
use anyhow::{bail, Result};
use std::path::Path;
use tuxiang::diag::Diagnostics;
use tuxiang::notice::display_path;
use tuxiang::render::timetable_json;
use tuxiang::site;

/// The notice path relative to the site root, however it was given.
pub fn relative_to_root(root: &Path, notice: &Path) -> Result<String> {
    if root.join(notice).is_file() && !notice.is_absolute() {
        return Ok(display_path(notice).trim_start_matches("./").to_string());
    }
    let (Ok(full), Ok(r)) = (notice.canonicalize(), root.canonicalize()) else {
        bail!("找不到通知文件 {}", notice.display());
    };
    match full.strip_prefix(&r) {
        Ok(rel) => Ok(display_path(rel)),
        Err(_) => bail!("通知 {} 不在站点 {} 里", notice.display(), root.display()),
    }
}

pub fn run(root: &Path, notice: &Path, format: ScheduleFormat) -> Result<u8> {
    let rel = relative_to_root(root, notice)?;
    let (entry, ds) = site::load_one(root, &rel, None);
    let mut diags = Diagnostics::default();
    diags.extend(ds);
    diags.sort();
    let tt = entry.as_ref().and_then(|e| e.timetable.as_ref());
    let (Some(e), Some(tt)) = (entry.as_ref(), tt) else {
        eprint_diags(&diags);
        return Ok(CONTENT_ERRORS);
    };
    if diags.has_errors() {
        eprint_diags(&diags);
        return Ok(CONTENT_ERRORS);
    }
    match format {
        ScheduleFormat::Json => print!("{}", timetable_json(&e.notice, tt)),
        ScheduleFormat::Text if tt.slots.is_empty() => {
            println!("这份通知没有时间表：没有写房间、名单，或采集日没有钟点（网页只显示通知给出的日期和地点）")
        }
        ScheduleFormat::Text => print!("{}", tuxiang::schedule::auto::render_text(&e.notice.capture, tt)),
    }
    eprint_diags(&diags);
    Ok(OK)
}
