//! Swapping a whole new site for the old one, and what becomes of the old one.
//!
//! The staging folder holds the complete new site: files written by this build, and hard links
//! (copies where links are impossible) of the unchanged files and of the files someone else put in
//! the output. It then takes the output's place in one step:
//! - Linux: `renameat2(RENAME_EXCHANGE)` swaps the two folders atomically; readers see the old site
//!   or the new, never a mix, and never no site;
//! - elsewhere, or on a file system without exchange: the output is renamed to `NAME.old-PID`, then
//!   the staging folder into its place. Still never a mix, but for the instant between the two
//!   renames there is no output folder (a web server answers 404).
//!
//! The old site is then emptied: files tuxiang wrote (listed in the record) are deleted, and so are
//! names of files the new site holds too (the same file, or the same bytes); anything else is
//! moved into `NAME.tuxiang-moved` beside the output. Nothing tuxiang did not write is deleted.
//!
//! A note written before the swap ([`Note`]) tells the next build, if this one is killed, whether
//! the swap happened, so it can finish or undo it ([`recover`]).

use super::place::{How, Note, OldKind, Place};
use super::LEGACY_RECORD;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Files moved aside instead of deleted, and removed files of an earlier build.
#[derive(Debug, Default)]
pub(super) struct Disposal {
    /// Files of the old site that tuxiang wrote and the new one no longer has.
    pub removed: usize,
    /// Files or folders moved aside.
    pub moved: usize,
    /// Where they went.
    pub moved_to: Option<PathBuf>,
}

impl Disposal {
    /// Moves `from` (at `rel` inside the old site) into the moved folder, made on first use.
    fn move_aside(&mut self, place: &Place, from: &Path, rel: &Path) -> Result<()> {
        let dir = match &self.moved_to {
            Some(d) => d.clone(),
            None => {
                let d = place.moved_dir();
                std::fs::create_dir(&d).with_context(|| format!("无法创建 {}", d.display()))?;
                self.moved_to = Some(d.clone());
                d
            }
        };
        let to = dir.join(rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("无法创建 {}", parent.display()))?;
        }
        std::fs::rename(from, &to).with_context(|| format!("无法把 {} 移到 {}", from.display(), to.display()))?;
        self.moved += 1;
        Ok(())
    }

    pub fn add(&mut self, other: Disposal) {
        self.removed += other.removed;
        self.moved += other.moved;
        self.moved_to = other.moved_to.or(self.moved_to.take());
    }
}

/// Gives `to` the file at `from`: a hard link (same bytes, same modification time, no copy), else a
/// copy with the modification time kept (so an `rsync` upload still sees it unchanged).
pub(super) fn duplicate(from: &Path, to: &Path) -> std::io::Result<()> {
    if std::fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    let meta = std::fs::symlink_metadata(from)?;
    #[cfg(unix)]
    if meta.file_type().is_symlink() {
        return std::os::unix::fs::symlink(std::fs::read_link(from)?, to);
    }
    std::fs::copy(from, to)?;
    std::fs::File::options().write(true).open(to)?.set_modified(meta.modified()?)
}

/// Links into the staging folder the files of the output that tuxiang did not write (a `CNAME`, a
/// verification file): they stay in the site. One the new site has a file of its own in place of
/// stays in the old site, and is moved aside from there. A file that cannot be linked is left too.
pub(super) fn carry_over(out: &Path, stage: &Path, ours: &HashSet<String>, new: &HashSet<String>) {
    for entry in walkdir::WalkDir::new(out).min_depth(1).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(out) else { continue };
        let key = key(rel);
        if ours.contains(&key) || new.contains(&key) || key == LEGACY_RECORD {
            continue;
        }
        let to = stage.join(rel);
        if std::fs::symlink_metadata(&to).is_ok() {
            continue;
        }
        if let Some(dir) = to.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = duplicate(entry.path(), &to);
    }
}

/// A relative path as the record writes it.
fn key(rel: &Path) -> String {
    rel.to_string_lossy().replace('\\', "/")
}

/// Puts the staging folder in the output's place (see the module's notes), first writing the note
/// that lets an interrupted swap be finished or undone. Returns where the old site now is.
/// `try_exchange` false skips the exchange (the fallback, for its tests).
pub(super) fn swap_in(place: &Place, stage: &Path, old: OldKind, list: &[String], try_exchange: bool) -> Result<Option<PathBuf>> {
    let pid = std::process::id();
    let note = |how| place.write_note(&Note { pid, how, old, list: list.to_vec() });
    let failed = || format!("无法用新生成的网站替换 {}", place.out.display());
    if old == OldKind::None {
        note(How::Rename)?;
        std::fs::rename(stage, &place.out).with_context(failed)?;
        return Ok(None);
    }
    // The new folder takes the old one's permissions (a web server's group may need them).
    if let Ok(meta) = std::fs::metadata(&place.out) {
        let _ = std::fs::set_permissions(stage, meta.permissions());
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    if let Some((dev, ino)) = identity(stage).filter(|_| try_exchange) {
        note(How::Exchange(dev, ino))?;
        match exchange(stage, &place.out) {
            Ok(()) => return Ok(Some(stage.to_path_buf())),
            Err(e) if exchange_unsupported(e) => {}
            Err(e) => return Err(std::io::Error::from(e)).with_context(failed),
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let _ = try_exchange;
    note(How::Rename)?;
    let aside = place.old(pid);
    std::fs::rename(&place.out, &aside).with_context(failed)?;
    if let Err(e) = std::fs::rename(stage, &place.out) {
        let _ = std::fs::rename(&aside, &place.out);
        return Err(e).with_context(failed);
    }
    Ok(Some(aside))
}

/// Swaps two folders in one step (`renameat2(RENAME_EXCHANGE)`).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> rustix::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)
}

/// The kernel (before 3.15) or the file system (some network and FUSE ones) has no exchange.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange_unsupported(e: rustix::io::Errno) -> bool {
    use rustix::io::Errno;
    e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP
}

/// A folder's identity (device, inode): after an exchange the output has the staging folder's.
pub(super) fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Whether `a` and `b` are one file (hard links), or regular files with the same bytes: deleting
/// `a` then loses nothing.
fn twin(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::symlink_metadata(a), std::fs::symlink_metadata(b)) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (ma.dev(), ma.ino()) == (mb.dev(), mb.ino()) {
            return true;
        }
    }
    ma.is_file() && mb.is_file() && ma.len() == mb.len() && std::fs::read(a).ok().is_some_and(|x| std::fs::read(b).is_ok_and(|y| x == y))
}

/// Empties and removes the old site `old` (see the module's notes). `ours`: what the record says
/// tuxiang wrote; `new`: the new site's files (only to count the removed ones).
pub(super) fn dispose(place: &Place, old: &Path, kind: OldKind, ours: &HashSet<String>, new: &HashSet<String>) -> Result<Disposal> {
    let mut done = Disposal::default();
    if kind == OldKind::Foreign {
        // Someone's folder, taken over with --force: moved aside whole, as it was.
        let to = place.moved_dir();
        done.moved = std::fs::read_dir(old).map_or(0, Iterator::count);
        std::fs::rename(old, &to).with_context(|| format!("无法把 {} 移到 {}", old.display(), to.display()))?;
        done.moved_to = Some(to);
        return Ok(done);
    }
    let legacy = read_legacy(old);
    // Most of the old site is tuxiang's own files, named by the record: removed first, in parallel.
    let listed = ours.par_iter().chain(legacy.par_iter());
    done.removed = listed.map(|rel| remove_listed(old, rel, !new.contains(rel))).sum::<Result<usize>>()?;
    remove_folders(old, ours.iter().chain(&legacy));
    if std::fs::remove_dir(old).is_ok() {
        return Ok(done);
    }
    // Then what is left, one by one: files of someone else's, files added meanwhile, their folders.
    for entry in walkdir::WalkDir::new(old).min_depth(1).contents_first(true) {
        let entry = entry.with_context(|| format!("无法读取 {}", old.display()))?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            // Empty unless something in it could not be moved; then it stays, and so does `old`.
            let _ = std::fs::remove_dir(path);
            continue;
        }
        let rel = path.strip_prefix(old).unwrap_or(path);
        if key(rel) == LEGACY_RECORD || twin(path, &place.out.join(rel)) {
            std::fs::remove_file(path).with_context(|| format!("无法删除旧文件 {}", path.display()))?;
        } else {
            done.move_aside(place, path, rel)?;
        }
    }
    std::fs::remove_dir(old).with_context(|| format!("无法删除 {}", old.display()))?;
    Ok(done)
}

/// The list an older version kept inside the output (plain relative paths only).
fn read_legacy(old: &Path) -> HashSet<String> {
    let text = std::fs::read_to_string(old.join(LEGACY_RECORD)).unwrap_or_default();
    text.lines().filter(|l| super::place::plain(l)).map(str::to_string).collect()
}

/// Removes the file tuxiang wrote at `rel` in the old site; 1 if it was there and `counted` (not
/// in the new site: a removed page), else 0.
fn remove_listed(old: &Path, rel: &str, counted: bool) -> Result<usize> {
    let path = old.join(rel);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(usize::from(counted)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
        Err(e) => Err(e).with_context(|| format!("无法删除旧文件 {}", path.display())),
    }
}

/// Removes the folders holding the listed files once they are empty, deepest first, each depth in
/// parallel (only those folders: each try is a system call; a folder still holding a file stays).
fn remove_folders<'a>(old: &Path, files: impl Iterator<Item = &'a String>) {
    let mut dirs: HashSet<&str> = HashSet::new();
    for rel in files {
        let mut rel = rel.as_str();
        while let Some((dir, _)) = rel.rsplit_once('/') {
            if !dirs.insert(dir) {
                break;
            }
            rel = dir;
        }
    }
    let mut by_depth: Vec<Vec<&str>> = Vec::new();
    for dir in dirs {
        let depth = dir.matches('/').count();
        by_depth.resize_with(by_depth.len().max(depth + 1), Vec::new);
        by_depth[depth].push(dir);
    }
    for level in by_depth.iter().rev() {
        level.par_iter().for_each(|dir| {
            let _ = std::fs::remove_dir(old.join(dir));
        });
    }
}

/// Run by each build under the lock, before staging: finishes or undoes a swap a killed build left
/// (by its note), removes killed builds' staging folders, and empties old sites left behind.
pub(super) fn recover(place: &Place) -> Result<Disposal> {
    let mut done = Disposal::default();
    let note = place.read_note()?;
    if let Some(note) = &note {
        done.add(finish(place, note)?);
    }
    for entry in std::fs::read_dir(&place.work).with_context(|| format!("无法读取 {}", place.work.display()))?.filter_map(Result::ok) {
        let name = entry.file_name();
        if place.leftover(&name, ".tmp-").is_some() {
            // Staged by a build killed before its swap: this build's files and links to the output's.
            std::fs::remove_dir_all(entry.path()).with_context(|| format!("无法删除 {}", entry.path().display()))?;
        } else if place.half_written(&name) {
            std::fs::remove_file(entry.path()).with_context(|| format!("无法删除 {}", entry.path().display()))?;
        } else if place.leftover(&name, ".old-").is_some() {
            done.add(dispose(place, &entry.path(), OldKind::Ours, &place.read_record()?, &HashSet::new())?);
        }
    }
    // Staging folders of earlier versions held only files they wrote.
    for (pid, path) in place.legacy_stages() {
        if !alive(pid) {
            let _ = std::fs::remove_dir_all(path);
        }
    }
    Ok(done)
}

/// Finishes the swap of `note` if it happened (empties the old site, writes the record), or undoes
/// it (puts the old site back if it was renamed away, removes the staging folder).
fn finish(place: &Place, note: &Note) -> Result<Disposal> {
    let (stage, aside) = (place.stage(note.pid), place.old(note.pid));
    if !place.out.exists() && aside.is_dir() {
        std::fs::rename(&aside, &place.out).with_context(|| format!("无法恢复 {}", place.out.display()))?;
    }
    let swapped = match note.how {
        How::Exchange(dev, ino) => identity(&place.out) == Some((dev, ino)),
        How::Rename => place.out.is_dir() && !stage.exists(),
    };
    let mut done = Disposal::default();
    if swapped {
        let old = if matches!(note.how, How::Exchange(..)) { stage } else { aside };
        if old.is_dir() {
            let new: HashSet<String> = note.list.iter().cloned().collect();
            done = dispose(place, &old, note.old, &place.read_record()?, &new)?;
        }
        place.write_record(&note.list)?;
    } else if stage.is_dir() {
        std::fs::remove_dir_all(&stage).with_context(|| format!("无法删除 {}", stage.display()))?;
    }
    place.remove_note()?;
    Ok(done)
}

/// Whether a process runs with this id (Linux; elsewhere none is assumed to: only old versions'
/// staging folders, without a lock, are judged by it).
fn alive(pid: u32) -> bool {
    cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists()
}
