//! The pipeline: `Site::load` reads every notice, checks it and builds its one timetable;
//! `Site::reload` brings a loaded site up to date with saved files; `Site::build` renders it
//! through one render context into whatever takes the files. `check`, `build`, the live preview
//! and the tests all go through these three, so they can never disagree.

mod build;
mod reload;

use crate::check;
use crate::config::SiteConfig;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::notice;
use crate::release;
use crate::render::pdf::PrintFonts;
use crate::schedule;
use crate::source::{Loc, SourceFile};
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub use crate::entry::Entry;
pub use build::{Built, Job, Step};
pub use reload::Plan;

pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    /// Newest first (by issue date, then path).
    pub entries: Vec<Entry>,
    pub diags: Diagnostics,
    /// The print fonts (bundled, or the one `site.toml` names); `None` when that font cannot be
    /// read (then `diags` says so).
    pub fonts: Option<PrintFonts>,
    /// Every notice file found by the last full load (paths relative to the root).
    pub notices: BTreeSet<String>,
    /// Warnings only `build` shows (a placeholder `base_url`): not the content's, so `check`
    /// and the preview leave them out.
    pub build_warnings: Diagnostics,
}

impl Site {
    /// Reads `site.toml` and every notice under `content/`, runs every check, builds every
    /// timetable. Errors in content are diagnostics; `Err` only when the site cannot be read at all.
    pub fn load(root: &Path) -> Result<Site> {
        load(root)
    }

    /// The theme `site.toml` names, with the built-in templates under it.
    pub fn theme(&self) -> Result<crate::render::theme::Theme> {
        crate::render::theme::Theme::load(&self.root, &self.config)
    }

    /// What the renderers read: the site's settings, its entries and the theme they are shown in.
    /// Made once per build and passed to every renderer.
    pub fn context<'a>(&'a self, theme: &'a crate::render::theme::Theme) -> crate::render::Context<'a> {
        crate::render::Context { config: &self.config, entries: &self.entries, theme }
    }
}

pub fn default_config() -> SiteConfig {
    SiteConfig {
        title: "毕业生图像信息采集".into(),
        base_url: "http://localhost:8000".into(),
        language: Default::default(),
        theme: "default".into(),
        font: None,
    }
}

fn load(root: &Path) -> Result<Site> {
    if !root.is_dir() {
        bail!("站点文件夹 {} 不存在", root.display());
    }
    let mut diags = Diagnostics::default();
    let mut build_warnings = Diagnostics::default();
    let cfg_path = root.join("site.toml");
    let config = if cfg_path.is_file() {
        let text = std::fs::read_to_string(&cfg_path).with_context(|| format!("无法读取 {}", cfg_path.display()))?;
        let file = SourceFile::new("site.toml", text);
        match SiteConfig::parse(&file) {
            Ok(c) => {
                build_warnings.items.extend(crate::config::placeholder_warning(&file, &c));
                c
            }
            Err(d) => {
                diags.push(d);
                default_config()
            }
        }
    } else {
        default_config()
    };
    if !root.join("content").is_dir() {
        bail!("{} 下没有 content 文件夹：请在站点根目录运行，或用 --root 指定站点（tuxiang init 可生成示例站点）", root.display());
    }
    let (paths, skipped) = notice::scan_notices(root);
    diags.extend(skipped);
    if paths.is_empty() {
        let f = SourceFile::new("content", "");
        diags.push(
            Diagnostic::warning(Code::NoNotices, &Loc::new(&f, 1, 1, 1), "content 文件夹里没有通知（*.md）")
                .help("在 content/ 下新建一个 .md 文件；tuxiang init 可生成示例"),
        );
    }
    // Every character that will be printed must be in the print font: never a silent box.
    let fonts = match crate::render::print_fonts(root, &config) {
        Ok(f) => Some(f),
        Err(e) => {
            let f = SourceFile::new("site.toml", std::fs::read_to_string(&cfg_path).unwrap_or_default());
            let line = f.text.lines().position(|l| l.trim_start().starts_with("font")).map(|i| i as u32 + 1).unwrap_or(1);
            diags.push(
                Diagnostic::error(Code::SiteConfig, &Loc::new(&f, line, 1, 4), format!("无法读取打印字体：{e}"))
                    .help("font 写相对于站点根目录的 .ttf/.otf/.ttc 路径，或删除这一行使用内置字体"),
            );
            None
        }
    };
    let results: Vec<(Option<Entry>, Vec<Diagnostic>)> = paths.par_iter().map(|p| load_one(root, p, fonts.as_ref())).collect();
    let mut entries = Vec::new();
    for (e, ds) in results {
        diags.extend(ds);
        entries.extend(e);
    }
    sort_entries(&mut entries);
    // Names across notices: two notices' folders, or one's page on another's files.
    diags.extend(check::names::across(entries.iter().map(|e| &e.notice)));
    diags.sort();
    let notices = paths.into_iter().collect();
    Ok(Site { root: root.to_path_buf(), config, entries, diags, fonts, notices, build_warnings })
}

/// One notice: parse, check, schedule, and (given the print fonts) check that every character
/// it prints is in them. With a release, `timetable: auto` repairs the released timetable.
pub fn load_one(root: &Path, rel: &str, fonts: Option<&PrintFonts>) -> (Option<Entry>, Vec<Diagnostic>) {
    load_one_with(root, rel, fonts, true)
}

/// [`load_one`]; `anchored: false` plans `timetable: auto` from scratch even after a release
/// (`tuxiang schedule --fresh`, `tuxiang release --fresh`).
pub fn load_one_with(root: &Path, rel: &str, fonts: Option<&PrintFonts>, anchored: bool) -> (Option<Entry>, Vec<Diagnostic>) {
    let (n, mut diags) = notice::load(root, rel);
    let Some(n) = n else { return (None, diags) };
    let parse_errors = diags.iter().any(|d| d.is_error());
    diags.extend(check::notice(&n));
    check::attach::check(root, &n, &mut diags);
    // A timetable needs well-formed days, sessions and groups; skip it when those are broken.
    let broken =
        parse_errors || diags.iter().any(|d| matches!(d.code, Code::SessionOverlap | Code::CaptureDaysOrder | Code::RoomDuplicate));
    let last = if broken { None } else { Some(release::load(root, &n.path)) };
    let anchor = match &last {
        Some(Ok(Some(l))) if anchored => Some(release::anchor(l, &n.capture)),
        _ => None,
    };
    let timetable = if broken {
        None
    } else {
        let (tt, ds) = schedule::timetable_anchored(&n, anchor.as_ref());
        diags.extend(ds);
        tt
    };
    if let (Some(fonts), Some(tt)) = (fonts, &timetable) {
        diags.extend(crate::render::pdf::missing_glyphs(fonts, &n, tt));
    }
    let mut status = release::Status::default();
    if let (Some(tt), Some(last)) = (&timetable, last) {
        match last {
            Err(msg) => diags.push(Diagnostic::error(Code::ReleaseUnreadable, &Loc::new(&n.file, 1, 1, 3), msg)),
            Ok(None) => {}
            Ok(Some(last)) => {
                status = release::compare(&last, &release::snapshot(&n, tt));
                if !status.changes.is_empty() {
                    let what: Vec<&str> = status.changes.iter().take(5).map(|c| c.what.as_str()).collect();
                    diags.push(
                        Diagnostic::warning(
                            Code::UnreleasedChanges,
                            &Loc::new(&n.file, 1, 1, 3),
                            format!(
                                "自第 {} 版发布以来有 {} 处改动（{}）尚未发布为新版本",
                                status.version,
                                status.changes.len(),
                                what.join("、")
                            ),
                        )
                        .help(format!(
                            "核对无误后运行 tuxiang release {}，并提交生成的 {}",
                            n.path,
                            release::lock_path(&n.path)
                        )),
                    );
                }
            }
        }
    }
    (Some(Entry { notice: n, timetable, release: status }), diags)
}

/// Newest first (by issue date), then by path: the order of the home page.
fn sort_entries(entries: &mut [Entry]) {
    entries.sort_by(|a, b| (b.notice.sort_date(), &a.notice.path).cmp(&(a.notice.sort_date(), &b.notice.path)));
}
