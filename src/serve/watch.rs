//! Watching the site folder: turns file-system events into batches of changed paths (relative to
//! the site root, `/`-separated), after a short quiet moment so one save is one rebuild.

use crate::notice::display_path;
use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the folder must stay quiet before a batch is handed over. Editors write a file in
/// several steps (temporary file, rename, attribute change); this gathers them.
const QUIET: Duration = Duration::from_millis(30);
/// A batch is handed over after this long even if events keep coming.
const MAX_WAIT: Duration = Duration::from_millis(300);

/// Top-level folders that never hold sources: build output, Rust and Node artefacts.
const IGNORED_TOP: &[&str] = &["public", "target", "node_modules"];

pub struct Watch {
    watcher: RecommendedWatcher,
    rx: Receiver<notify::Result<Event>>,
    /// The canonical root (events arrive with absolute paths under it).
    root: PathBuf,
}

impl Watch {
    /// Watches `root` (its own files) and each of its source folders, recursively.
    pub fn start(root: &Path) -> Result<Watch> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(tx).context("无法监视文件变化")?;
        watcher.watch(root, RecursiveMode::NonRecursive).with_context(|| format!("无法监视 {}", root.display()))?;
        let mut w = Watch { watcher, rx, root: root.to_path_buf() };
        let dirs: Vec<PathBuf> = std::fs::read_dir(root)
            .with_context(|| format!("无法读取 {}", root.display()))?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        for d in dirs {
            w.watch_top_dir(&d);
        }
        Ok(w)
    }

    fn watch_top_dir(&mut self, dir: &Path) {
        let Ok(rel) = dir.strip_prefix(&self.root) else { return };
        if relevant(rel).is_none() || rel.components().count() != 1 {
            return;
        }
        if let Err(e) = self.watcher.watch(dir, RecursiveMode::Recursive) {
            eprintln!("警告：无法监视 {}：{e}（这里的修改不会自动刷新）", dir.display());
        }
    }

    /// Blocks until something under the root changes, then returns the changed paths.
    /// `None` when the watcher has stopped.
    pub fn next_batch(&mut self) -> Option<BTreeSet<String>> {
        let mut batch = BTreeSet::new();
        loop {
            let first = self.rx.recv().ok()?;
            self.take(first, &mut batch);
            if !batch.is_empty() {
                break;
            }
        }
        let start = Instant::now();
        while start.elapsed() < MAX_WAIT {
            match self.rx.recv_timeout(QUIET) {
                Ok(ev) => self.take(ev, &mut batch),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Some(batch)
    }

    fn take(&mut self, ev: notify::Result<Event>, batch: &mut BTreeSet<String>) {
        let ev = match ev {
            Ok(ev) => ev,
            Err(e) => {
                eprintln!("警告：监视文件时出错：{e}");
                return;
            }
        };
        if matches!(ev.kind, EventKind::Access(a) if a != AccessKind::Close(AccessMode::Write)) {
            return;
        }
        let arrives = arrives(&ev.kind);
        for p in &ev.paths {
            let Ok(rel) = p.strip_prefix(&self.root) else { continue };
            if arrives && rel.components().count() == 1 && p.is_dir() {
                self.watch_top_dir(p);
            }
            if let Some(r) = relevant(rel) {
                batch.insert(r);
            }
        }
    }
}

/// Whether the event may bring a folder into the root: created, or moved in (`mv content.bak
/// content`). The watcher drops a folder's watch when it is moved away, and does not watch one
/// moved into a folder watched without recursion (the root), so each arrival is watched again.
fn arrives(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both | RenameMode::Any)))
}

/// The path as the site names it, or `None` for files no output can depend on: hidden files and
/// folders (`.git`, editor swap files), editor backups, and the build output.
pub fn relevant(rel: &Path) -> Option<String> {
    let s = display_path(rel);
    if s.is_empty() {
        return None;
    }
    let mut parts = s.split('/');
    if parts.next().is_some_and(|top| IGNORED_TOP.contains(&top)) {
        return None;
    }
    if s.split('/').any(|c| c.starts_with('.')) {
        return None;
    }
    let name = s.rsplit('/').next().unwrap_or(&s);
    let junk = name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".tmp", ".bak", ".crdownload"].iter().any(|x| name.ends_with(x));
    (!junk).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_relevant_and_junk_is_not() {
        assert_eq!(relevant(Path::new("content/2026/a.md")).as_deref(), Some("content/2026/a.md"));
        assert_eq!(relevant(Path::new("site.toml")).as_deref(), Some("site.toml"));
        assert_eq!(relevant(Path::new("themes/default/static/style.css")).as_deref(), Some("themes/default/static/style.css"));
        for junk in [
            "public/index.html",
            "target/debug/x",
            ".git/index",
            "content/.a.md.swp",
            "content/a.md~",
            "content/4913",
            "content/#a.md#",
            "",
        ] {
            assert_eq!(relevant(Path::new(junk)), None, "{junk}");
        }
    }

    /// A site folder with an empty `content/`, watched: (its guard, its canonical root, the watch).
    fn watched_site() -> (tempfile::TempDir, PathBuf, Watch) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("canonical");
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        let w = Watch::start(&root).expect("watch");
        (dir, root, w)
    }

    #[test]
    fn a_saved_file_arrives_as_one_batch() {
        let (_dir, root, mut w) = watched_site();
        let path = root.join("content/a.md");
        std::fs::write(&path, "one").expect("write");
        std::fs::write(&path, "two").expect("write");
        std::fs::write(root.join("content/.a.md.swp"), "x").expect("write");
        let batch = w.next_batch().expect("batch");
        assert!(batch.contains("content/a.md"), "{batch:?}");
        assert!(batch.iter().all(|p| p == "content/a.md"), "{batch:?}");
    }

    /// Takes events until the changed paths hold `want` (at most 5 s; `next_batch` would wait
    /// for ever for an event a lost watch never sends).
    fn wait_for(w: &mut Watch, want: &str) -> bool {
        let start = Instant::now();
        let mut batch = BTreeSet::new();
        while !batch.contains(want) {
            let Some(left) = Duration::from_secs(5).checked_sub(start.elapsed()) else { return false };
            match w.rx.recv_timeout(left) {
                Ok(ev) => w.take(ev, &mut batch),
                Err(_) => return false,
            }
        }
        // The rest of the same move (its other half, the pair) belongs to this step too.
        while let Ok(ev) = w.rx.recv_timeout(Duration::from_millis(200)) {
            w.take(ev, &mut batch);
        }
        true
    }

    #[test]
    fn a_folder_moved_away_and_back_is_watched_again() {
        let (_dir, root, mut w) = watched_site();
        std::fs::rename(root.join("content"), root.join("content.bak")).expect("move away");
        assert!(wait_for(&mut w, "content"), "the move away is seen");
        std::fs::rename(root.join("content.bak"), root.join("content")).expect("move back");
        assert!(wait_for(&mut w, "content"), "the move back is seen");
        std::fs::write(root.join("content/a.md"), "edit").expect("write");
        assert!(wait_for(&mut w, "content/a.md"), "an edit after the move back is seen");
    }
}
