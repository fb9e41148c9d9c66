//! Writing the rendered files into the output folder: a whole site at a time, never touching what
//! tuxiang did not write.
//!
//! Before anything is written, the output folder is checked ([`guard`]): never the site root, a
//! folder holding it, or anything the build reads; never a non-empty folder tuxiang did not make,
//! unless `--force`, and then its files are moved aside, not deleted. Builds of one output take
//! turns (a lock beside it).
//!
//! The new site is staged whole in a hidden folder beside the output: files that changed are
//! written, unchanged ones hard-linked from the current site (their bytes and modification times
//! stay, so an `rsync` upload sends only what changed). Nothing in the output changes until every
//! file is rendered. Then the staging folder is swapped in ([`swap`]) — readers see the old site or
//! the new one, never a mix — and the old site is emptied: files tuxiang wrote are deleted, anything
//! else is moved aside.
//!
//! What tuxiang wrote is listed in a record kept outside the output, so it is never published
//! ([`place`]). A build killed at any moment leaves the old site or the new one; the next build
//! cleans up after it.

mod guard;
mod place;
mod swap;

pub use guard::Options;

use anyhow::{bail, Context, Result};
use place::{OldKind, Owner, Place};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The hidden folder beside the output where a publish keeps its record, lock and staging folders.
pub const WORK_DIR: &str = ".tuxiang-publish";

/// The record of earlier versions, inside the output (and so published). An output holding one is
/// tuxiang's; the file itself is not carried over.
pub const LEGACY_RECORD: &str = ".tuxiang-files";

/// What a commit did, for the summary line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Files produced by the build.
    pub files: usize,
    /// Of those, files written (new or changed).
    pub written: usize,
    /// Files an earlier build wrote, removed because nothing produces them any more.
    pub removed: usize,
    /// Files or folders tuxiang did not write, moved out of the output (never deleted).
    pub moved: usize,
    /// Where they went.
    pub moved_to: Option<PathBuf>,
}

/// An output folder being written, its lock held. Dropped without [`Staged::commit`], it removes
/// its staging folder and leaves the output untouched.
pub struct Staged {
    place: Place,
    stage: PathBuf,
    /// What the output holds now, and what tuxiang wrote there.
    old: Old,
    /// What the recovery of a killed build moved aside.
    recovered: swap::Disposal,
    all: Mutex<HashSet<String>>,
    written: AtomicUsize,
    dirs: Mutex<HashSet<PathBuf>>,
    /// Set once the commit begins: the staging folder is then the swap's to remove (after an
    /// exchange it holds the old site).
    committing: bool,
    _lock: std::fs::File,
}

/// What the output folder holds before the swap.
enum Old {
    /// Nothing: a first build.
    Missing,
    /// A site of tuxiang's; these are the files it wrote.
    Ours(HashSet<String>),
    /// Someone's files (taken over with `--force`).
    Foreign,
}

impl Staged {
    /// Checks the output folder, takes its lock, cleans up after a killed build and starts staging.
    /// Refused (with what to do instead) before anything is written.
    pub fn begin(out: &Path, opts: &Options) -> Result<Staged> {
        let place = Place::new(guard::check(out, opts)?)?;
        if let Owner::Foreign(entries) = place.owner()? {
            if !opts.force {
                bail!(place.foreign_message(&entries));
            }
        }
        place.prepare()?;
        let lock = place.lock()?;
        // Under the lock: another build may have published meanwhile, or been killed mid-swap.
        let recovered = swap::recover(&place)?;
        let old = match place.owner()? {
            Owner::Missing => Old::Missing,
            Owner::Ours(files) => Old::Ours(files),
            Owner::Foreign(_) if opts.force => Old::Foreign,
            Owner::Foreign(entries) => bail!(place.foreign_message(&entries)),
            Owner::Pending => bail!("{} 里上次生成的记录不完整：请检查 {}", place.work.display(), place.out.display()),
        };
        let stage = place.stage(std::process::id());
        std::fs::create_dir(&stage).with_context(|| format!("无法创建 {}", stage.display()))?;
        Ok(Staged {
            place,
            stage,
            old,
            recovered,
            all: Mutex::new(HashSet::new()),
            written: AtomicUsize::new(0),
            dirs: Mutex::new(HashSet::new()),
            committing: false,
            _lock: lock,
        })
    }

    /// Stages one file (`rel` relative to the output folder). Safe to call from many threads.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let duplicate = !lock(&self.all).insert(rel.to_string());
        if duplicate {
            bail!("两个输出文件同名：{rel}（请检查教室编号和学院名称是否重复）");
        }
        let path = self.stage.join(rel);
        if let Some(dir) = path.parent() {
            self.mkdir(dir)?;
        }
        // Unchanged: the current file itself (a hard link), with its modification time.
        if matches!(self.old, Old::Ours(_)) {
            let current = self.place.out.join(rel);
            if same_bytes(&current, bytes) && swap::duplicate(&current, &path).is_ok() {
                return Ok(());
            }
        }
        std::fs::write(&path, bytes).with_context(|| format!("无法写入 {}", path.display()))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn mkdir(&self, dir: &Path) -> Result<()> {
        if lock(&self.dirs).contains(dir) {
            return Ok(());
        }
        std::fs::create_dir_all(dir).with_context(|| format!("无法创建 {}", dir.display()))?;
        lock(&self.dirs).insert(dir.to_path_buf());
        Ok(())
    }

    /// Swaps the staged site in and empties the old one. Should it fail midway, the old site or the
    /// new one is in place, and the record says which files are tuxiang's.
    pub fn commit(mut self) -> Result<Summary> {
        self.committing = true;
        let all = std::mem::take(&mut *lock(&self.all));
        let mut list: Vec<String> = all.iter().cloned().collect();
        list.sort_unstable();
        let result = self.publish(&list, &all);
        if result.is_err() {
            // Finishes or undoes the swap by its note, as the next build would.
            let _ = swap::recover(&self.place);
        }
        let mut done = result?;
        done.add(std::mem::take(&mut self.recovered));
        Ok(Summary {
            files: list.len(),
            written: self.written.load(Ordering::Relaxed),
            removed: done.removed,
            moved: done.moved,
            moved_to: done.moved_to,
        })
    }

    fn publish(&self, list: &[String], all: &HashSet<String>) -> Result<swap::Disposal> {
        let (kind, ours) = match &self.old {
            Old::Missing => (OldKind::None, None),
            Old::Ours(ours) => (OldKind::Ours, Some(ours)),
            Old::Foreign => (OldKind::Foreign, None),
        };
        if let Some(ours) = ours {
            swap::carry_over(&self.place.out, &self.stage, ours, all);
        }
        let old = swap::swap_in(&self.place, &self.stage, kind, list, true)?;
        let empty = HashSet::new();
        let done = match old {
            Some(old) => swap::dispose(&self.place, &old, kind, ours.unwrap_or(&empty), all)?,
            None => swap::Disposal::default(),
        };
        self.place.write_record(list)?;
        self.place.remove_note()?;
        Ok(done)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Before a commit the staging folder holds only this build's files and links to the
        // output's: removing it loses nothing.
        if !self.committing {
            let _ = std::fs::remove_dir_all(&self.stage);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether the regular file at `path` holds exactly `bytes` (a missing or unreadable one does not).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => std::fs::read(path).is_ok_and(|old| old == bytes),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
