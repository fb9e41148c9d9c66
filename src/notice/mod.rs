//! Reading notices: walk `content/`, split front matter from body, parse into the typed model,
//! load rosters. Every problem becomes a diagnostic; nothing stops at the first bad file.

pub mod model;
pub mod parse;
pub mod read;
pub mod roster;
pub mod split;
pub mod xlsx;
pub mod yaml;

use crate::base::slug::segment;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{Loc, SourceFile};
use model::Notice;
use parse::GroupsRef;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// A notice file larger than this is refused (real notices are 5–20 KB).
pub const MAX_NOTICE_BYTES: u64 = 2 * 1024 * 1024;
/// A roster larger than this is refused (100,000 rows is about 4 MB).
pub const MAX_ROSTER_BYTES: u64 = 16 * 1024 * 1024;

/// Every notice under `root/content`, as paths relative to `root`, sorted.
pub fn find_notices(root: &Path) -> Vec<String> {
    scan_notices(root).0
}

/// Every notice under `root/content` (`*.md`, the extension in any case), as paths relative to
/// `root`, sorted; with a warning for each notice or folder that is skipped, and for each notice
/// read under an unusual name. Names starting with `.` or `_` (drafts, editors' files) are
/// skipped without a word, as they always were.
///
/// Symbolic links are followed while their target lies inside the site (a school may keep a
/// year's folder elsewhere in its repository): what they show is the site's own content. A link
/// that leads out of the site is skipped with a warning: `check` in a school's CI must not read
/// (nor `build` publish) files from elsewhere on the machine. A broken link, a loop, a named pipe
/// or device called `*.md` and an unreadable folder are skipped with a warning too.
pub fn scan_notices(root: &Path) -> (Vec<String>, Vec<Diagnostic>) {
    let content = root.join("content");
    let site: Vec<PathBuf> = [root.canonicalize(), content.canonicalize()].into_iter().filter_map(Result::ok).collect();
    let rel = |p: &Path| p.strip_prefix(root).map(display_path).unwrap_or_else(|_| display_path(p));
    let mut leaving: Vec<(PathBuf, PathBuf)> = Vec::new();
    let walk = walkdir::WalkDir::new(&content).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        if e.depth() == 0 || !e.path_is_symlink() {
            return true;
        }
        let target = e.path().canonicalize().unwrap_or_else(|_| e.path().to_path_buf());
        let inside = site.iter().any(|s| target.starts_with(s));
        if !inside && !is_hidden(e.file_name()) && (e.file_type().is_dir() || md_extension(e.file_name()).is_some()) {
            leaving.push((e.path().to_path_buf(), target));
        }
        inside
    });
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for entry in walk {
        let e = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().unwrap_or(&content);
                if !path.file_name().is_some_and(is_hidden) {
                    warnings.push(walk_warning(&rel(path), &err));
                }
                continue;
            }
        };
        let Some(ext) = md_extension(e.file_name()) else { continue };
        if e.file_type().is_dir() || is_hidden(e.file_name()) {
            continue;
        }
        let path = rel(e.path());
        if !e.file_type().is_file() {
            let why = format!("{path} 不是普通文件，而是{}，已跳过", kind_of(&e.file_type()));
            warnings.push(skipped(&path, why, "通知要是普通的 .md 文件"));
            continue;
        }
        if ext != "md" {
            warnings.push(
                Diagnostic::warning(
                    Code::NoticeExtension,
                    &file_loc(&path),
                    format!("{path} 的扩展名是「.{ext}」而不是小写的 .md：已按通知读取"),
                )
                .help("把扩展名改成小写 .md：别的工具（如编辑器、预览）未必把它当作通知"),
            );
        }
        out.push(path);
    }
    for (link, target) in leaving {
        let path = rel(&link);
        let why = format!("{path} 是指向站点以外（{}）的符号链接，已跳过：只读取站点文件夹里的内容", target.display());
        warnings.push(skipped(&path, why, "把文件或文件夹本身放进 content/，或删除这个链接"));
    }
    out.sort();
    (out, warnings)
}

/// Drafts (`_x.md`) and editors' files (`.x.md`, `.#x.md`).
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with(['.', '_'])
}

/// The extension of a notice's file name as written, `md` in any case.
fn md_extension(name: &std::ffi::OsStr) -> Option<String> {
    let name = name.to_string_lossy();
    let ext = name.len().checked_sub(3).and_then(|i| name.get(i..))?;
    ext.eq_ignore_ascii_case(".md").then(|| ext[1..].to_string())
}

pub use crate::base::slug::without_md;

/// Line 1 of a file that diagnostics name but do not quote.
fn file_loc(path: &str) -> Loc {
    Loc::new(&SourceFile::new(path, ""), 1, 1, 1)
}

fn skipped(path: &str, why: String, fix: &str) -> Diagnostic {
    Diagnostic::warning(Code::NoticeSkipped, &file_loc(path), why).help(fix)
}

/// Why walking `content/` could not go into `path`.
fn walk_warning(path: &str, err: &walkdir::Error) -> Diagnostic {
    let link = err.path().and_then(|p| std::fs::read_link(p).ok());
    match (err.loop_ancestor(), link) {
        (Some(up), _) => skipped(path, format!("{path} 是指向上级文件夹 {} 的符号链接（形成循环），已跳过", up.display()), "删除这个链接"),
        (None, Some(target)) if err.io_error().is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound) => skipped(
            path,
            format!("{path} 是符号链接，但它指向的 {} 不存在，已跳过", target.display()),
            "删除这个链接，或把文件本身放进 content/",
        ),
        _ => skipped(path, format!("无法读取 {path}（{err}），已跳过"), "检查它的读取权限"),
    }
}

pub fn display_path(p: &Path) -> String {
    p.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

/// The URL slug of a notice: its path under `content/` without `.md`.
pub fn slug_of(path: &str) -> String {
    let rel = without_md(path.strip_prefix("content/").unwrap_or(path));
    rel.split('/').map(segment).collect::<Vec<_>>().join("/")
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Not a regular file: what it is instead (`命名管道（FIFO）`, `文件夹`).
    NotAFile(&'static str),
    /// Larger than the limit: its size.
    TooLarge(u64),
}

/// Reads a regular file of at most `limit` bytes (a symlink is followed). Anything else is
/// refused before it is opened: opening a named pipe waits for a writer, so `check` and `build`
/// would wait forever, and a device never ends.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes)).map_err(ReadError::Io)?;
    match bytes.len() as u64 {
        n if n > limit => Err(ReadError::TooLarge(n)),
        _ => Ok(bytes),
    }
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "命名管道（FIFO）";
        }
        if t.is_socket() {
            return "套接字（socket）";
        }
        if t.is_char_device() || t.is_block_device() {
            return "设备文件";
        }
    }
    if t.is_dir() {
        "文件夹"
    } else {
        "特殊文件"
    }
}

/// The error for a path that names something other than a regular file.
pub fn not_a_file(rel: &str, kind: &str, at: &Loc) -> Diagnostic {
    Diagnostic::error(Code::NotAFile, at, format!("{rel} 不是普通文件，而是{kind}：只能读取普通文件"))
        .help(format!("把 {rel} 换成普通文件（名单用 CSV 或 .xlsx），或改正路径"))
}

/// Reads a text file for diagnostics: regular files only, size limit, UTF-8 (BOM removed). The
/// error names the fix.
pub fn read_text(root: &Path, rel: &str, limit: u64, at: Option<&Loc>) -> Result<Arc<SourceFile>, Diagnostic> {
    let bytes = read_bytes(root, rel, limit, at)?;
    utf8_text(rel, bytes)
}

/// Reads a file's bytes for diagnostics: regular files only, size limit. The error names the fix.
pub fn read_bytes(root: &Path, rel: &str, limit: u64, at: Option<&Loc>) -> Result<Vec<u8>, Diagnostic> {
    let empty = SourceFile::new(rel, "");
    let here = at.cloned().unwrap_or_else(|| Loc::new(&empty, 1, 1, 1));
    read_regular(&root.join(rel), limit).map_err(|e| match e {
        ReadError::Io(e) => Diagnostic::error(Code::RosterNotFound, &here, format!("无法读取文件 {rel}：{e}"))
            .help("检查文件名和路径（相对于通知所在的文件夹）"),
        ReadError::NotAFile(kind) => not_a_file(rel, kind, &here),
        ReadError::TooLarge(size) => Diagnostic::error(Code::TooLarge, &here, format!("文件 {rel} 有 {size} 字节，超过上限 {limit}"))
            .help("通知正文应简短；大名单请拆分"),
    })
}

/// UTF-8 text (BOM removed), or the `encoding` error at the first byte that is not UTF-8.
pub fn utf8_text(rel: &str, bytes: Vec<u8>) -> Result<Arc<SourceFile>, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(SourceFile::new(rel, s))
        }
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let f = SourceFile::new(rel, text);
            let loc = f.loc_at_byte(good, 1);
            Err(Diagnostic::error(Code::Encoding, &loc, format!("{rel} 不是 UTF-8 编码（可能是 GBK）"))
                .help("用记事本或 Excel「另存为」时选择 UTF-8 编码"))
        }
    }
}

/// Loads one notice file (path relative to `root`) with its roster.
pub fn load(root: &Path, rel: &str) -> (Option<Notice>, Vec<Diagnostic>) {
    let (notice, mut diags) = match read_text(root, rel, MAX_NOTICE_BYTES, None) {
        Ok(file) => load_source(root, file),
        Err(mut d) => {
            if d.code == Code::RosterNotFound {
                d.code = Code::Unreadable;
            }
            (None, vec![d])
        }
    };
    diags.extend(name_too_long(rel, notice.as_ref().map(|n| &n.file)));
    (notice, diags)
}

/// A notice whose file name leaves no room for its release lock file beside it: `check` says
/// so at the notice, as `build` and `release` would fail on it.
fn name_too_long(rel: &str, file: Option<&Arc<SourceFile>>) -> Option<Diagnostic> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if crate::base::slug::lock_name_fits(name) {
        return None;
    }
    let max = crate::base::slug::MAX_NOTICE_NAME_BYTES;
    Some(
        Diagnostic::error(
            Code::FileNameTooLong,
            &file.map_or_else(|| file_loc(rel), |f| Loc::new(f, 1, 1, 3)),
            format!(
                "文件名太长：有 {} 字节，而发布版本时要在它旁边写同名的 .release.json 文件，会超过文件系统 {} 字节的上限",
                name.len(),
                crate::base::slug::MAX_FILE_NAME_BYTES
            ),
        )
        .help(format!("请把文件名缩短到 {max} 字节以内（一个汉字占 3 字节）")),
    )
}

/// The groups a hand-made timetable names, each once in order of first mention, as whole
/// colleges with no headcount.
fn groups_named_by(t: &model::TimetableSpec) -> Vec<model::Group> {
    let model::TimetableSpec::Explicit(slots) = t else { return Vec::new() };
    let mut seen = std::collections::BTreeSet::new();
    slots
        .iter()
        .flat_map(|s| &s.groups)
        .filter(|name| seen.insert(name.value.clone()))
        .map(|name| model::Group::college(name.clone(), name.loc.clone()))
        .collect()
}

/// Parses an already-read notice and loads its roster from `root`.
pub fn load_source(root: &Path, file: Arc<SourceFile>) -> (Option<Notice>, Vec<Diagnostic>) {
    let mut r = read::Reader { diags: Vec::new() };
    let sp = match split::split(&file) {
        Ok(s) => s,
        Err(d) => return (None, vec![d]),
    };
    let tree = match yaml::parse(&file, sp.front, sp.front_line) {
        Ok(Some(t)) => t,
        Ok(None) => {
            let d = Diagnostic::error(Code::EmptyNotice, &Loc::new(&file, 1, 1, 3), "前置信息是空的")
                .help("在两行 --- 之间写 title、issued、fee、capture 等字段");
            return (None, vec![d]);
        }
        Err(d) => return (None, vec![d]),
    };
    let slug = slug_of(&file.name);
    let body = sp.body.to_string();
    let body_offset = sp.body_offset;
    let parsed = parse::notice(&mut r, &tree, &file, &file.name.clone(), &slug, body, body_offset);
    let Some((mut notice, groups)) = parsed else { return (None, r.diags) };
    match groups {
        GroupsRef::Inline(g) => notice.capture.groups = g,
        // No list: a hand-made timetable's names are the list (a notice whose college times
        // are all in its table names no headcounts); slots without names stay open to everyone.
        GroupsRef::None => notice.capture.groups = groups_named_by(&notice.capture.timetable),
        GroupsRef::File(path) => match resolve_roster(root, &notice.path, &path.value) {
            Err(msg) => r.diags.push(
                Diagnostic::error(Code::RosterPath, &path.loc, msg)
                    .help("名单文件放在站点文件夹里，用相对于通知的路径，如 rosters/2026.csv"),
            ),
            Ok(rel) if xlsx::is_workbook(&rel) => {
                let (g, ds) = xlsx::load(root, &rel, &path.loc);
                r.diags.extend(ds);
                notice.capture.groups = g;
                notice.capture.roster = Some(rel);
            }
            Ok(rel) => match read_bytes(root, &rel, MAX_ROSTER_BYTES, Some(&path.loc)).and_then(|b| roster::decode(&rel, b)) {
                Err(d) => r.diags.push(d),
                Ok(f) => {
                    let (g, ds) = roster::parse(&f);
                    r.diags.extend(ds);
                    notice.capture.groups = g;
                    notice.capture.roster = Some(rel);
                }
            },
        },
    }
    (Some(notice), r.diags)
}

/// A roster path as written, resolved against the notice's folder; refused when it leaves `root`.
pub fn resolve_roster(root: &Path, notice_rel: &str, written: &str) -> Result<String, String> {
    let w = Path::new(written);
    if w.is_absolute() || written.starts_with('/') || written.starts_with('\\') || written.contains(':') {
        return Err(format!("名单路径「{written}」是绝对路径，不能读取站点以外的文件"));
    }
    let mut rel = PathBuf::from(notice_rel);
    rel.pop();
    for c in w.components() {
        match c {
            Component::Normal(p) => rel.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !rel.pop() {
                    return Err(format!("名单路径「{written}」指向站点文件夹以外"));
                }
            }
            _ => return Err(format!("名单路径「{written}」无效")),
        }
    }
    let full = root.join(&rel);
    if let (Ok(real), Ok(real_root)) = (full.canonicalize(), root.canonicalize()) {
        if !real.starts_with(&real_root) {
            return Err(format!("名单路径「{written}」是指向站点以外的链接"));
        }
    }
    Ok(display_path(&rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_paths_stay_inside_the_site() {
        let root = Path::new(".");
        assert_eq!(resolve_roster(root, "content/2026/a.md", "rosters/x.csv").unwrap(), "content/2026/rosters/x.csv");
        assert_eq!(resolve_roster(root, "content/2026/a.md", "../r.csv").unwrap(), "content/r.csv");
        assert_eq!(resolve_roster(root, "content/a.md", "../r.csv").unwrap(), "r.csv");
        assert!(resolve_roster(root, "content/a.md", "../../r.csv").is_err());
        assert!(resolve_roster(root, "content/a.md", "../../../etc/passwd").is_err());
        assert!(resolve_roster(root, "content/a.md", "/etc/passwd").is_err());
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("r.csv");
        std::fs::write(&file, "college,headcount\nA,3\n").expect("write");
        assert_eq!(read_regular(&file, 100).ok().map(|b| b.len()), Some(22));
        assert!(matches!(read_regular(&file, 21), Err(ReadError::TooLarge(22))));
        assert!(matches!(read_regular(dir.path(), 100), Err(ReadError::NotAFile("文件夹"))));
        assert!(matches!(read_regular(&dir.path().join("none"), 100), Err(ReadError::Io(_))));
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo.csv");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
            assert!(made.success());
            // Opening it would wait for a writer: it is refused first.
            assert!(matches!(read_regular(&fifo, 100), Err(ReadError::NotAFile("命名管道（FIFO）"))));
            let d = read_text(dir.path(), "fifo.csv", 100, None).expect_err("not a file");
            assert_eq!((d.code, d.loc.line), (Code::NotAFile, 1));
        }
    }

    #[test]
    fn slugs_follow_the_content_tree() {
        assert_eq!(slug_of("content/2026/hnust.md"), "2026/hnust");
        assert_eq!(slug_of("content/2026/研究生 通知.md"), "2026/研究生-通知");
        assert_eq!(slug_of("content/2026/UPPER.MD"), "2026/UPPER");
        assert_eq!(slug_of("content/2026/a.Md"), "2026/a");
        assert_eq!(without_md("通知.md"), "通知");
        assert_eq!(without_md("通知.mdx"), "通知.mdx");
        assert_eq!(without_md("通"), "通");
        assert_eq!(crate::base::slug::release_lock("content/a.MD"), "content/a.release.json");
        let ext = |n: &str| md_extension(std::ffi::OsStr::new(n));
        assert_eq!((ext("a.md"), ext("a.MD"), ext("a.mD")), (Some("md".into()), Some("MD".into()), Some("mD".into())));
        assert_eq!((ext("a.mdx"), ext("md"), ext("通知")), (None, None, None));
    }
}
