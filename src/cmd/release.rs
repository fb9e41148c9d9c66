use super::{eprint_diags, schedule::relative_to_root, CONTENT_ERRORS, OK};
use anyhow::{Context, Result};
use std::path::Path;
use tuxiang::diag::Code;
use tuxiang::diag::Diagnostics;
use tuxiang::release;
use tuxiang::site;

/// Freezes the notice's timetable (with `fresh`, planned from scratch rather than repaired from
/// the last release) and key facts as the next version in its lock file.
pub fn run(root: &Path, notice: &Path, fresh: bool) -> Result<u8> {
    let rel = relative_to_root(root, notice)?;
    let (entry, ds) = site::load_one_with(root, &rel, None, !fresh);
    let mut diags = Diagnostics::default();
    diags.extend(ds.into_iter().filter(|d| d.code != Code::UnreleasedChanges));
    diags.sort();
    let (Some(e), false) = (entry, diags.has_errors()) else {
        eprint_diags(&diags);
        eprintln!("有错误，未发布新版本。");
        return Ok(CONTENT_ERRORS);
    };
    let Some(tt) = &e.timetable else { return Ok(CONTENT_ERRORS) };
    let last = release::load(root, &rel).map_err(anyhow::Error::msg)?;
    let now = release::snapshot(&e.notice, tt);
    if let Some(l) = &last {
        let st = release::compare(l, &now);
        if st.changes.is_empty() {
            eprintln!("{rel} 与第 {} 版相同，无需发布新版本。", l.version());
            return Ok(OK);
        }
        for c in &st.changes {
            eprintln!("  {}：{} → {}", c.what, c.before, c.after);
        }
    }
    let next = release::next(last.as_ref(), &now);
    let lock = root.join(release::lock_path(&rel));
    let tmp = lock.with_extension("json.tmp");
    std::fs::write(&tmp, release::to_json(&next)).with_context(|| format!("无法写入 {}", tmp.display()))?;
    std::fs::rename(&tmp, &lock).with_context(|| format!("无法写入 {}", lock.display()))?;
    eprintln!("已发布 {rel} 第 {} 版 → {}（请提交此文件）", next.version, release::lock_path(&rel));
    Ok(OK)
}
