//! Writing the rendered files into the output folder, all or nothing.
//!
//! Files are first staged in a hidden folder beside the output; nothing in the output changes
//! until every file has been rendered and staged. Then:
//! - a first build (no output folder yet) renames the staging folder into place: one rename;
//! - a rebuild moves in only the files whose bytes changed, removes the files that are no
//!   longer produced, and leaves unchanged files alone (their modification times too, so an
//!   `rsync` upload to the web server sends only what changed).
//!
//! A failure while rendering or staging leaves the output folder exactly as it was.
//!
//! The output folder keeps the list of the files the build produced ([`MANIFEST`]): the next
//! build removes those it no longer produces without walking every folder, and never touches a
//! file it did not make. Without the list (an output folder from elsewhere) it walks the folder.

use anyhow::{Context, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The list of files the last build produced, one relative path a line, in the output folder.
pub const MANIFEST: &str = ".tuxiang-files";

/// What a commit did, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Files produced by the build.
    pub files: usize,
    /// Of those, files written (new or changed).
    pub written: usize,
    /// Files of an earlier build removed because nothing produces them any more.
    pub removed: usize,
}

/// An output folder being written. Dropped without [`Staged::commit`], it removes its staging
/// folder and leaves the output untouched.
pub struct Staged {
    out: PathBuf,
    stage: PathBuf,
    /// No output folder yet: the staging folder becomes the output.
    fresh: bool,
    all: Mutex<HashSet<String>>,
    changed: Mutex<Vec<String>>,
    dirs: Mutex<HashSet<PathBuf>>,
}

impl Staged {
    pub fn begin(out: &Path) -> Result<Staged> {
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
        std::fs::create_dir_all(&parent).with_context(|| format!("无法创建 {}", parent.display()))?;
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let stage = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&stage);
        std::fs::create_dir(&stage).with_context(|| format!("无法创建 {}", stage.display()))?;
        Ok(Staged {
            out: out.to_path_buf(),
            fresh: !out.is_dir(),
            stage,
            all: Mutex::new(HashSet::new()),
            changed: Mutex::new(Vec::new()),
            dirs: Mutex::new(HashSet::new()),
        })
    }

    /// Stages one file (`rel` relative to the output folder). Safe to call from many threads.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let duplicate = !lock(&self.all).insert(rel.to_string());
        if duplicate {
            anyhow::bail!("两个输出文件同名：{rel}（请检查教室编号和学院名称是否重复）");
        }
        if !self.fresh && same_bytes(&self.out.join(rel), bytes) {
            return Ok(());
        }
        let path = self.stage.join(rel);
        if let Some(dir) = path.parent() {
            self.mkdir(dir)?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("无法写入 {}", path.display()))?;
        lock(&self.changed).push(rel.to_string());
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

    /// Puts the staged files in place.
    pub fn commit(self) -> Result<Summary> {
        let all = std::mem::take(&mut *lock(&self.all));
        let changed = std::mem::take(&mut *lock(&self.changed));
        let mut summary = Summary { files: all.len(), written: changed.len(), removed: 0 };
        let mut list: Vec<&str> = all.iter().map(String::as_str).collect();
        list.sort_unstable();
        let manifest = list.iter().map(|r| format!("{r}\n")).collect::<String>();
        if self.fresh {
            std::fs::write(self.stage.join(MANIFEST), &manifest).with_context(|| format!("无法写入 {}", self.stage.display()))?;
            std::fs::rename(&self.stage, &self.out).with_context(|| format!("无法写入 {}", self.out.display()))?;
            return Ok(summary);
        }
        let result = (|| -> Result<()> {
            let mut made = HashSet::new();
            for rel in &changed {
                let to = self.out.join(rel);
                if let Some(dir) = to.parent() {
                    if made.insert(dir.to_path_buf()) {
                        std::fs::create_dir_all(dir).with_context(|| format!("无法创建 {}", dir.display()))?;
                    }
                }
                std::fs::rename(self.stage.join(rel), &to).with_context(|| format!("无法写入 {}", to.display()))?;
            }
            let listed = self.out.join(MANIFEST);
            let old = std::fs::read_to_string(&listed).ok();
            summary.removed = match &old {
                Some(old) if *old == manifest => 0,
                Some(old) => remove_listed(&self.out, old.lines().filter(|r| !all.contains(*r)))?,
                None => remove_stale(&self.out, &all)?,
            };
            if old.as_deref() != Some(manifest.as_str()) {
                let tmp = self.stage.join(MANIFEST);
                std::fs::write(&tmp, &manifest).with_context(|| format!("无法写入 {}", tmp.display()))?;
                std::fs::rename(&tmp, &listed).with_context(|| format!("无法写入 {}", listed.display()))?;
            }
            Ok(())
        })();
        let _ = std::fs::remove_dir_all(&self.stage);
        result.map(|()| summary)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // After a commit the staging folder is gone (renamed into place or emptied): a no-op.
        let _ = std::fs::remove_dir_all(&self.stage);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether the file at `path` holds exactly `bytes` (a missing or unreadable file does not).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => std::fs::read(path).is_ok_and(|old| old == bytes),
        _ => false,
    }
}

/// Removes the listed files (paths relative to `out`, from the last build's [`MANIFEST`]) and the
/// folders they leave empty. A line that is not a plain relative path inside `out` is ignored.
fn remove_listed<'a>(out: &Path, stale: impl Iterator<Item = &'a str>) -> Result<usize> {
    let mut removed = Vec::new();
    for rel in stale {
        let rel = Path::new(rel);
        if rel.as_os_str().is_empty() || !rel.components().all(|c| matches!(c, std::path::Component::Normal(_))) {
            continue;
        }
        let path = out.join(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("无法删除旧文件 {}", path.display())),
        }
    }
    remove_emptied(out, &removed);
    Ok(removed.len())
}

/// Removes files under `out` that the build does not produce (walking it: an output folder without
/// a [`MANIFEST`]), then the folders they leave empty.
fn remove_stale(out: &Path, keep: &HashSet<String>) -> Result<usize> {
    let mut removed = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(out).unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        if !keep.contains(&rel) && rel != MANIFEST {
            std::fs::remove_file(entry.path()).with_context(|| format!("无法删除旧文件 {}", entry.path().display()))?;
            removed.push(entry.into_path());
        }
    }
    remove_emptied(out, &removed);
    Ok(removed.len())
}

/// Removes the folders under `out` that removing `files` left empty, deepest first (a folder that
/// still holds files stays; only those folders are tried: each try is a system call).
fn remove_emptied(out: &Path, files: &[PathBuf]) {
    let dirs: HashSet<&Path> = files.iter().flat_map(|f| f.ancestors().skip(1).take_while(|d| *d != out && d.starts_with(out))).collect();
    let mut dirs: Vec<&Path> = dirs.into_iter().collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        let _ = std::fs::remove_dir(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.file_name() != MANIFEST)
            .map(|e| {
                let rel = e.path().strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
                (rel, std::fs::read_to_string(e.path()).expect("read"))
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn first_build_then_rebuild_writes_only_changes_and_removes_stale_files() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        let s = Staged::begin(&out).expect("begin");
        s.put("index.html", b"a").expect("put");
        s.put("x/rooms/r1/index.html", b"r1").expect("put");
        s.put("x/rooms/r2/index.html", b"r2").expect("put");
        assert!(!out.exists(), "nothing is visible before the commit");
        assert_eq!(s.commit().expect("commit"), Summary { files: 3, written: 3, removed: 0 });
        let mtime = std::fs::metadata(out.join("x/rooms/r1/index.html")).and_then(|m| m.modified()).expect("mtime");

        std::thread::sleep(std::time::Duration::from_millis(20));
        let summary = build(&out, &[("index.html", "b"), ("x/rooms/r1/index.html", "r1"), ("y/new.html", "n")]);
        assert_eq!(summary, Summary { files: 3, written: 2, removed: 1 });
        assert_eq!(
            tree(&out),
            vec![("index.html".into(), "b".into()), ("x/rooms/r1/index.html".into(), "r1".into()), ("y/new.html".into(), "n".into())]
        );
        assert!(!out.join("x/rooms/r2").exists(), "emptied folders go too");
        let again = std::fs::metadata(out.join("x/rooms/r1/index.html")).and_then(|m| m.modified()).expect("mtime");
        assert_eq!(mtime, again, "an unchanged file is not rewritten");
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).expect("ls").filter_map(Result::ok).map(|e| e.file_name()).collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains: {leftovers:?}");
    }

    fn build(out: &Path, files: &[(&str, &str)]) -> Summary {
        let s = Staged::begin(out).expect("begin");
        for (rel, text) in files {
            s.put(rel, text.as_bytes()).expect("put");
        }
        s.commit().expect("commit")
    }

    #[test]
    fn the_list_of_made_files_decides_what_goes_and_files_it_never_made_stay() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        build(&out, &[("index.html", "a"), ("x/rooms/r1/index.html", "r1"), ("x/rooms/r2/index.html", "r2")]);
        assert_eq!(
            std::fs::read_to_string(out.join(MANIFEST)).expect("list"),
            "index.html\nx/rooms/r1/index.html\nx/rooms/r2/index.html\n"
        );
        std::fs::write(out.join("CNAME"), "jwc.example.edu.cn").expect("a file of the school's own");
        let outside = tmp.path().join("outside.txt");
        std::fs::write(&outside, "keep").expect("outside");
        // A tampered list cannot make a build delete anything outside the output folder.
        let mut list = std::fs::read_to_string(out.join(MANIFEST)).expect("list");
        list.push_str("../outside.txt\n/etc/hostname\n");
        std::fs::write(out.join(MANIFEST), list).expect("tamper");

        let summary = build(&out, &[("index.html", "a"), ("x/rooms/r1/index.html", "r1")]);
        assert_eq!(summary, Summary { files: 2, written: 0, removed: 1 });
        assert!(!out.join("x/rooms/r2").exists(), "the dropped room's page and folder are gone");
        assert!(out.join("CNAME").exists(), "a file the build never made stays");
        assert!(outside.exists(), "nothing outside the output folder is touched");
        assert_eq!(std::fs::read_to_string(out.join(MANIFEST)).expect("list"), "index.html\nx/rooms/r1/index.html\n");
    }

    #[test]
    fn without_the_list_a_rebuild_walks_the_folder() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        build(&out, &[("index.html", "a"), ("old/page.html", "o")]);
        std::fs::remove_file(out.join(MANIFEST)).expect("an output folder from an older version");
        let summary = build(&out, &[("index.html", "a")]);
        assert_eq!(summary, Summary { files: 1, written: 0, removed: 1 });
        assert!(!out.join("old").exists());
        assert!(out.join(MANIFEST).exists(), "the list is written again");
    }

    #[test]
    fn an_abandoned_build_leaves_the_output_untouched() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        build(&out, &[("index.html", "old")]);
        let s = Staged::begin(&out).expect("begin");
        s.put("index.html", b"new").expect("put");
        assert!(s.put("index.html", b"again").is_err(), "two outputs with one name are refused");
        drop(s);
        assert_eq!(tree(&out), vec![("index.html".into(), "old".into())]);
        assert_eq!(std::fs::read_dir(tmp.path()).expect("ls").count(), 1, "the staging folder is gone");
    }
}
