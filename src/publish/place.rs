//! Where a publish keeps its business: a hidden work folder beside the output holding the record
//! of the files tuxiang wrote, the lock, the staging folders and the note of a swap under way.
//!
//! ```text
//! site/public/                      the published site: nothing but the site
//! site/.tuxiang-publish/.gitignore  "*": git never lists the folder
//! site/.tuxiang-publish/public.files     the record: one path a line, relative to public/
//! site/.tuxiang-publish/public.lock      held by the build writing public/
//! site/.tuxiang-publish/public.swap      written just before a swap, removed once it is done
//! site/.tuxiang-publish/public.tmp-PID   a build's staging folder (after an exchange: the old site)
//! site/.tuxiang-publish/public.old-PID   the old site, where exchange is unsupported
//! site/public.tuxiang-moved/        files tuxiang did not write, moved out of the way (visible)
//! ```
//!
//! The record lives outside the output so it is never published (it was `public/.tuxiang-files`
//! before; such a folder still counts as tuxiang's, and the file is not carried over).

use super::LEGACY_RECORD;
use super::WORK_DIR;
use anyhow::{bail, Context, Result};
use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::File;
use std::path::{Component, Path, PathBuf};

/// The output folder and the work folder beside it.
pub(super) struct Place {
    /// The output folder (canonical).
    pub out: PathBuf,
    parent: PathBuf,
    name: OsString,
    /// The hidden work folder beside the output.
    pub work: PathBuf,
}

/// Whose the output folder is.
pub(super) enum Owner {
    /// No output folder yet.
    Missing,
    /// tuxiang's: the paths it wrote there (from the record, or an old version's list inside).
    Ours(HashSet<String>),
    /// No record, but a swap was under way: the recovery decides.
    Pending,
    /// A folder with files tuxiang did not write: its top-level entries, sorted.
    Foreign(Vec<String>),
}

/// The note of a swap under way: enough for the next build to finish or undo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Note {
    pub pid: u32,
    pub how: How,
    pub old: OldKind,
    /// The new site's files: the record once the swap is done.
    pub list: Vec<String>,
}

/// How the new site is swapped in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum How {
    /// One atomic exchange of the staging folder (whose identity is this) with the output.
    Exchange(u64, u64),
    /// The output renamed to `NAME.old-PID`, then the staging folder renamed into its place.
    Rename,
}

/// What the folder being replaced held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OldKind {
    /// Nothing: a first build.
    None,
    /// A site of tuxiang's (maybe with a few files of someone else's).
    Ours,
    /// Someone's folder taken over with `--force`: moved aside whole.
    Foreign,
}

impl Place {
    pub fn new(out: PathBuf) -> Result<Place> {
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            bail!("输出文件夹 {} 不能用：请换一个文件夹", out.display());
        };
        let (parent, name) = (parent.to_path_buf(), name.to_os_string());
        Ok(Place { work: parent.join(WORK_DIR), out, parent, name })
    }

    /// `NAME` + `suffix` in the work folder.
    fn beside(&self, suffix: &str) -> PathBuf {
        let mut n = self.name.clone();
        n.push(suffix);
        self.work.join(n)
    }

    pub fn record(&self) -> PathBuf {
        self.beside(".files")
    }

    pub fn note(&self) -> PathBuf {
        self.beside(".swap")
    }

    pub fn stage(&self, pid: u32) -> PathBuf {
        self.beside(&format!(".tmp-{pid}"))
    }

    pub fn old(&self, pid: u32) -> PathBuf {
        self.beside(&format!(".old-{pid}"))
    }

    /// The pid of a staging (`.tmp-PID`) or old (`.old-PID`) folder of this output, by its name.
    pub fn leftover(&self, file_name: &std::ffi::OsStr, kind: &str) -> Option<u32> {
        let name = self.name.to_str()?;
        file_name.to_str()?.strip_prefix(name)?.strip_prefix(kind)?.parse().ok()
    }

    /// Whether `file_name` is a record or note a killed build was writing (`NAME.files.tmp-PID`).
    pub fn half_written(&self, file_name: &std::ffi::OsStr) -> bool {
        [".files", ".swap"].iter().any(|kind| self.leftover(file_name, &format!("{kind}.tmp-")).is_some())
    }

    /// Staging folders of versions before the work folder (`.NAME.tmp-PID` beside the output).
    pub fn legacy_stages(&self) -> Vec<(u32, PathBuf)> {
        let Some(prefix) = self.name.to_str().map(|n| format!(".{n}.tmp-")) else { return Vec::new() };
        let entries = std::fs::read_dir(&self.parent).into_iter().flatten().filter_map(Result::ok);
        entries
            .filter_map(|e| {
                let pid = e.file_name().to_str()?.strip_prefix(&prefix)?.parse().ok()?;
                Some((pid, e.path()))
            })
            .collect()
    }

    /// The first free `NAME.tuxiang-moved`, `NAME.tuxiang-moved-2`, … beside the output: where
    /// files tuxiang did not write go instead of being deleted. Visible, so their owner finds them.
    pub fn moved_dir(&self) -> PathBuf {
        (1..)
            .map(|k| {
                let mut n = self.name.clone();
                n.push(if k == 1 { ".tuxiang-moved".to_string() } else { format!(".tuxiang-moved-{k}") });
                self.parent.join(n)
            })
            .find(|p| std::fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| self.parent.join("tuxiang-moved"))
    }

    /// Whose the output folder is. Reads only.
    pub fn owner(&self) -> Result<Owner> {
        let meta = match std::fs::metadata(&self.out) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Owner::Missing),
            Err(e) => return Err(e).with_context(|| format!("无法读取 {}", self.out.display())),
        };
        if !meta.is_dir() {
            bail!("输出路径 {} 是一个文件，不是文件夹：请换一个文件夹名，或先把这个文件移走", self.out.display());
        }
        let record = read_list(&self.record())?;
        let legacy = read_list(&self.out.join(LEGACY_RECORD))?;
        if record.is_some() || legacy.is_some() {
            return Ok(Owner::Ours(record.into_iter().chain(legacy).flatten().collect()));
        }
        if self.note().exists() {
            return Ok(Owner::Pending);
        }
        let mut entries: Vec<String> = std::fs::read_dir(&self.out)
            .with_context(|| format!("无法读取 {}", self.out.display()))?
            .filter_map(Result::ok)
            .map(|e| {
                let slash = if e.file_type().is_ok_and(|t| t.is_dir()) { "/" } else { "" };
                format!("{}{slash}", e.file_name().to_string_lossy())
            })
            .collect();
        entries.sort();
        Ok(if entries.is_empty() { Owner::Ours(HashSet::new()) } else { Owner::Foreign(entries) })
    }

    /// What is wrong with a folder of someone's files as output, and the two ways out.
    pub fn foreign_message(&self, entries: &[String]) -> String {
        let names = entries.iter().take(3).map(String::as_str).collect::<Vec<_>>().join("、");
        let count = if entries.len() > 3 { format!("等 {} 项", entries.len()) } else { format!("共 {} 项", entries.len()) };
        format!(
            "输出文件夹 {} 里有不是 tuxiang 生成的文件（{names} {count}）：请换一个空文件夹，或加 --force（这些文件会被移到 {}，不会删除）",
            self.out.display(),
            self.moved_dir().display()
        )
    }

    /// Makes the work folder (and the output's parent), with a `.gitignore` that hides it from git.
    pub fn prepare(&self) -> Result<()> {
        std::fs::create_dir_all(&self.work).with_context(|| format!("无法创建 {}", self.work.display()))?;
        let ignore = self.work.join(".gitignore");
        if !ignore.exists() {
            let text = "# tuxiang 的发布记录（哪些文件是它生成的）、锁和临时文件夹：不要提交，也不要删除\n*\n";
            std::fs::write(&ignore, text).with_context(|| format!("无法写入 {}", ignore.display()))?;
        }
        Ok(())
    }

    /// Holds the output's lock until the file is dropped: one build writes an output at a time, so
    /// a second waits for the first and then publishes a whole site of its own.
    pub fn lock(&self) -> Result<File> {
        let path = self.beside(".lock");
        let file =
            File::options().create(true).truncate(false).write(true).open(&path).with_context(|| format!("无法创建 {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => {
                eprintln!("另一个 tuxiang build 正在写入 {}，等它完成……", self.out.display());
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e).with_context(|| format!("无法锁定 {}", path.display())),
        }
        file.lock().with_context(|| format!("无法锁定 {}", path.display()))?;
        Ok(file)
    }

    /// Writes the record (if it changed): through a temporary file renamed into place, so it is
    /// always whole.
    pub fn write_record(&self, list: &[String]) -> Result<()> {
        let text: String = list.iter().map(|r| format!("{r}\n")).collect();
        let path = self.record();
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            return Ok(());
        }
        write_whole(&path, &text)
    }

    pub fn read_record(&self) -> Result<HashSet<String>> {
        Ok(read_list(&self.record())?.unwrap_or_default().into_iter().collect())
    }

    pub fn write_note(&self, note: &Note) -> Result<()> {
        let how = match note.how {
            How::Exchange(dev, ino) => format!("exchange {dev} {ino}"),
            How::Rename => "rename".into(),
        };
        let old = match note.old {
            OldKind::None => "none",
            OldKind::Ours => "ours",
            OldKind::Foreign => "foreign",
        };
        let mut text = format!("tuxiang-swap 1\npid {}\nhow {how}\nold {old}\n--\n", note.pid);
        for r in &note.list {
            text.push_str(r);
            text.push('\n');
        }
        write_whole(&self.note(), &text)
    }

    /// The note of a swap under way, if any. An unreadable one is an error: guessing could delete.
    pub fn read_note(&self) -> Result<Option<Note>> {
        let path = self.note();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("无法读取 {}", path.display())),
        };
        parse_note(&text)
            .map(Some)
            .with_context(|| format!("{} 已损坏：请检查 {} 是否完整，确认后删除这个文件再生成", path.display(), self.out.display()))
    }

    pub fn remove_note(&self) -> Result<()> {
        match std::fs::remove_file(self.note()) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e).with_context(|| format!("无法删除 {}", self.note().display())),
            _ => Ok(()),
        }
    }
}

fn parse_note(text: &str) -> Result<Note> {
    let (head, list) = text.split_once("--\n").context("缺少分隔行")?;
    let mut lines = head.lines();
    let mut field = |key: &str| lines.next().and_then(|l| l.strip_prefix(key)).map(str::to_string);
    if field("tuxiang-swap ").as_deref() != Some("1") {
        bail!("不是 tuxiang 的记录");
    }
    let pid = field("pid ").and_then(|p| p.parse().ok()).context("缺少 pid")?;
    let how = match field("how ").context("缺少 how")?.split(' ').collect::<Vec<_>>()[..] {
        ["rename"] => How::Rename,
        ["exchange", dev, ino] => How::Exchange(dev.parse()?, ino.parse()?),
        _ => bail!("how 无效"),
    };
    let old = match field("old ").as_deref() {
        Some("none") => OldKind::None,
        Some("ours") => OldKind::Ours,
        Some("foreign") => OldKind::Foreign,
        _ => bail!("old 无效"),
    };
    Ok(Note { pid, how, old, list: list.lines().map(str::to_string).collect() })
}

/// The paths listed in a record, one a line; `None` when there is no such file. A line that is not
/// a plain relative path (`..`, `/etc/…`) is dropped: a tampered list names nothing outside.
fn read_list(path: &Path) -> Result<Option<Vec<String>>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text.lines().filter(|l| plain(l)).map(str::to_string).collect())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("无法读取 {}", path.display())),
    }
}

pub(super) fn plain(rel: &str) -> bool {
    !rel.is_empty() && Path::new(rel).components().all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `text` to `path` through a temporary file beside it renamed over it: readers (and a build
/// killed meanwhile) see the old text or the new, never half of one.
fn write_whole(path: &Path, text: &str) -> Result<()> {
    let mut tmp = path.as_os_str().to_os_string();
    tmp.push(format!(".tmp-{}", std::process::id()));
    std::fs::write(&tmp, text).with_context(|| format!("无法写入 {}", path.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("无法写入 {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_reads_back_as_written() {
        for how in [How::Rename, How::Exchange(2049, 1234567)] {
            let note = Note { pid: 42, how, old: OldKind::Ours, list: vec!["index.html".into(), "a b/c.html".into()] };
            let tmp = tempfile::tempdir().expect("tmp");
            let place = Place::new(tmp.path().join("public")).expect("place");
            place.prepare().expect("work folder");
            place.write_note(&note).expect("write");
            assert_eq!(place.read_note().expect("read"), Some(note));
        }
        assert!(parse_note("tuxiang-swap 1\npid x\n--\n").is_err());
    }
}
