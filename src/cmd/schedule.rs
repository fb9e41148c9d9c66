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

pub fn run(root: &Path, notice: &Path, format: ScheduleFormat, fresh: bool) -> Result<u8> {
    let rel = relative_to_root(root, notice)?;
    let (entry, ds) = site::load_one_with(root, &rel, None, !fresh);
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
    if !fresh {
        eprint!("{}", repair_report(root, &rel, &e.notice));
    }
    eprint_diags(&diags);
    Ok(OK)
}

/// After a release, what the repair of the released timetable changed (on stderr, so that
/// `--format json` stays the timetable alone).
fn repair_report(root: &Path, rel: &str, n: &tuxiang::notice::model::Notice) -> String {
    use std::fmt::Write as _;
    use tuxiang::notice::model::TimetableSpec;
    use tuxiang::schedule::auto::{anchor::describe, repair};
    let Ok(Some(last)) = tuxiang::release::load(root, rel) else { return String::new() };
    if !matches!(n.capture.timetable, TimetableSpec::Auto) {
        return String::new();
    }
    let anchor = tuxiang::release::anchor(&last, &n.capture);
    let Ok(r) = repair(&n.capture, &anchor) else { return String::new() };
    let mut out = String::new();
    if r.fell_back {
        let _ = writeln!(out, "\n无法在第 {} 版时间表上局部调整，已重新排程。", last.version());
    }
    // Groups of the release that the notice no longer has.
    let names: std::collections::BTreeSet<&str> = n.capture.groups.iter().map(|g| g.name()).collect();
    let removed: Vec<(&String, &tuxiang::schedule::auto::AnchorSlot)> =
        anchor.iter().filter(|(k, _)| !names.contains(k.as_str()) && !names.iter().any(|c| k.starts_with(&format!("{c}（第")))).collect();
    if r.changed.is_empty() && removed.is_empty() {
        let _ = writeln!(out, "\n与第 {} 版时间表相比，没有班级的时间或地点改变。", last.version());
    } else {
        let _ = writeln!(out, "\n与第 {} 版时间表相比，{} 个分组改变：", last.version(), r.changed.len() + removed.len());
        for m in &r.changed {
            let before = m.before.as_ref().map_or_else(|| "（新增）".to_string(), describe);
            let mark = if r.moved.contains(&m.name) { "（换到其他机位、教室、时段或日期）" } else { "" };
            let _ = writeln!(out, "  {}：{} → {}{mark}", m.name, before, describe(&m.after));
        }
        for (name, a) in &removed {
            let _ = writeln!(out, "  {name}：{} → （已删除）", describe(a));
        }
    }
    if let Some(f) = &r.fresh {
        let _ = writeln!(
            out,
            "\n重新排程可在 {} {} 结束（沿用第 {} 版的时间表到 {} {}），但会改变 {} 个分组：tuxiang schedule --fresh {rel} 查看，tuxiang release --fresh {rel} 采用。",
            f.fresh_end.0, f.fresh_end.1, last.version(), f.repair_end.0, f.repair_end.1, f.changes
        );
    }
    out
}
