//! File names made from names: a notice's rooms, colleges and classes each give files named after
//! them. The build writes them with these functions and `check` proves with the very same ones
//! that no two names give one file and no file name is too long, so the two never disagree.

use chrono::NaiveDate;

/// The longest file name, in bytes, a path component may have (Linux, ext4 and most other file
/// systems). A hanzi is 3 bytes in UTF-8: 85 hanzi at most, fewer once a suffix is added.
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// A path segment for a name that may hold Chinese: keeps letters and digits of any script,
/// turns everything else into `-`.
pub fn segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // Runs of letters and digits are copied whole.
    let mut run: Option<usize> = None;
    for (i, c) in name.char_indices() {
        // ASCII and the common CJK block first: `is_alphanumeric` looks hanzi up in a table.
        if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || (!c.is_ascii() && c.is_alphanumeric()) {
            run.get_or_insert(i);
            continue;
        }
        if let Some(from) = run.take() {
            out.push_str(&name[from..i]);
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if let Some(from) = run {
        out.push_str(&name[from..]);
    }
    if out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('-');
    }
    out
}

/// The folders inside a notice's folder: rooms' pages, posters and calendars; colleges' sign-in
/// sheets and calendars; classes' calendars.
pub const ROOMS: &str = "rooms";
pub const COLLEGES: &str = "colleges";
pub const CLASSES: &str = "classes";

/// The files of a notice's folder named after no name.
pub const NOTICE_PAGE: &str = "index.html";
pub const NOTICE_PDF: &str = "notice.pdf";
pub const TIMETABLE_JSON: &str = "timetable.json";

/// A file of a notice's folder (`rel`, as the functions below name it) from the output root: the
/// folder is the notice's slug (`2026/hnust` + `rooms/j9-103.html`).
pub fn in_notice(slug: &str, rel: &str) -> String {
    format!("{slug}/{rel}")
}

/// A room's page, relative to its notice's folder (`rooms/j9-103.html`).
pub fn room_page(room_id: &str) -> String {
    format!("{ROOMS}/{}.html", segment(room_id))
}

/// A room's door poster for one day (`rooms/j9-103-poster-2026-06-01.pdf`).
pub fn room_poster(room_id: &str, date: NaiveDate) -> String {
    format!("{ROOMS}/{}-poster-{}.pdf", segment(room_id), date.format("%Y-%m-%d"))
}

/// A room's calendar (`rooms/j9-103.ics`).
pub fn room_ics(room_id: &str) -> String {
    format!("{ROOMS}/{}.ics", segment(room_id))
}

/// A college's sign-in sheets (`colleges/文学院-sheets.pdf`).
pub fn college_sheets(college: &str) -> String {
    format!("{COLLEGES}/{}-sheets.pdf", segment(college))
}

/// A college's calendar (`colleges/文学院.ics`).
pub fn college_ics(college: &str) -> String {
    format!("{COLLEGES}/{}.ics", segment(college))
}

/// A class's calendar (`classes/汉语言文学2101.ics`).
pub fn class_ics(class: &str) -> String {
    format!("{CLASSES}/{}.ics", segment(class))
}

/// The lock file of a notice's releases, beside it: `content/x.md` → `content/x.release.json`.
pub fn release_lock(notice_rel: &str) -> String {
    format!("{}.release.json", without_md(notice_rel))
}

/// A notice's path without its `.md` (any case).
pub fn without_md(path: &str) -> &str {
    match path.len().checked_sub(3) {
        Some(i) if path.get(i..).is_some_and(|e| e.eq_ignore_ascii_case(".md")) => &path[..i],
        _ => path,
    }
}

/// The longest name `tuxiang release` writes beside a notice: the lock file's temporary twin,
/// renamed over the lock file once written (`cmd/release.rs`).
const LONGEST_SUFFIX: &str = ".release.json.tmp";
/// The longest notice file name (with `.md`) whose lock files still fit within [`MAX_FILE_NAME_BYTES`].
pub const MAX_NOTICE_NAME_BYTES: usize = MAX_FILE_NAME_BYTES - LONGEST_SUFFIX.len() + ".md".len();

/// Whether a notice's file name leaves room for its lock files.
pub fn lock_name_fits(notice_name: &str) -> bool {
    without_md(notice_name).len() + LONGEST_SUFFIX.len() <= MAX_FILE_NAME_BYTES
}

/// The name of a file, after its last `/`.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_keep_chinese_and_drop_punctuation() {
        assert_eq!(segment("计算机科学与工程学院"), "计算机科学与工程学院");
        assert_eq!(segment("j9-103"), "j9-103");
        assert_eq!(segment("a/b ../c"), "a-b-c");
        assert_eq!(segment("../"), "-");
        assert_eq!(segment("  软件 2201 班（卓越） "), "软件-2201-班-卓越");
        assert_eq!(segment("Ⅻ·𠀀ā"), "Ⅻ-𠀀ā");
    }

    #[test]
    fn names_collide_when_only_punctuation_tells_them_apart() {
        assert_eq!(class_ics("机械2301"), class_ics("机械2301!"));
        assert_eq!(college_sheets(".."), college_sheets("..."));
        assert_ne!(class_ics("机械2301"), class_ics("机械2302"));
    }

    #[test]
    fn a_segment_is_never_longer_than_its_name() {
        for name in ["", "-", "a", "..", " a b ", "文学院", "（卓越）", "a—b"] {
            assert!(segment(name).len() <= name.len().max(1), "{name:?}");
        }
    }

    #[test]
    fn release_locks_lie_beside_their_notice() {
        assert_eq!(release_lock("content/2026/hnust.md"), "content/2026/hnust.release.json");
        assert_eq!(file_name(&release_lock("content/a.md")), "a.release.json");
    }
}
