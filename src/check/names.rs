//! Names that become file names: rooms, colleges and classes each give files named after them
//! (pages, posters, sign-in sheets, calendars, and the anchors of the notice page, which are a
//! prefix and the same segment), and each notice gives a folder named after its file. Two names
//! that differ only in punctuation would share one file (the later silently replaces the
//! earlier); a name too long for the file system would stop `build` halfway. Both are errors here,
//! found with the functions `build` names its files with ([`crate::base::slug`]), so that a site
//! `check` passes always builds.

use crate::base::slug::{self, file_name, segment, MAX_FILE_NAME_BYTES};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;
use crate::source::Loc;
use chrono::NaiveDate;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Room,
    College,
    Class,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Room => "房间代号",
            Kind::College => "学院",
            Kind::Class => "班级",
        }
    }

    /// What two names of this kind that give one file name would share.
    fn outputs(self) -> &'static str {
        match self {
            Kind::Room => "房间页、门贴和日历",
            Kind::College => "签到表、日历和通知页上的学院卡片",
            Kind::Class => "日历和通知页上的班级锚点",
        }
    }
}

/// A name files are made from, where it is written.
struct Name<'a> {
    kind: Kind,
    name: &'a str,
    /// A class's college ("" for rooms and colleges).
    college: &'a str,
    loc: &'a Loc,
}

impl Name<'_> {
    /// The files named after it, relative to the notice's folder; posters for every capture day.
    fn files(&self, days: &[NaiveDate]) -> Vec<String> {
        match self.kind {
            Kind::Room => {
                let mut v = vec![slug::room_page(self.name), slug::room_ics(self.name)];
                v.extend(days.iter().map(|&d| slug::room_poster(self.name, d)));
                v
            }
            Kind::College => vec![slug::college_sheets(self.name), slug::college_ics(self.name)],
            Kind::Class => vec![slug::class_ics(self.name)],
        }
    }
}

/// Every name of a notice that files are made from, each once, in the order written: rooms,
/// then colleges (where first written), then classes. Names written twice over are reported by
/// the rules on duplicates (`room-duplicate`, `roster-duplicate-class`), not here.
fn names(n: &Notice) -> Vec<Name<'_>> {
    let c = &n.capture;
    let mut out = Vec::with_capacity(c.rooms.len() + c.groups.len() + 8);
    let mut rooms = HashSet::new();
    for r in &c.rooms {
        if rooms.insert(r.id.value.as_str()) {
            out.push(Name { kind: Kind::Room, name: &r.id.value, college: "", loc: &r.id.loc });
        }
    }
    let mut colleges = HashSet::new();
    for g in &c.groups {
        if colleges.insert(g.college.value.as_str()) {
            out.push(Name { kind: Kind::College, name: &g.college.value, college: "", loc: &g.college.loc });
        }
    }
    let mut classes = HashSet::new();
    for g in &c.groups {
        if let Some(class) = &g.class {
            if classes.insert((g.college.value.as_str(), class.value.as_str())) {
                out.push(Name { kind: Kind::Class, name: &class.value, college: &g.college.value, loc: &class.loc });
            }
        }
    }
    out
}

/// The rules of one notice: no two of its names give one file, none gives a file name too long.
/// (The notice's own file name, which must leave room for its release lock, is measured where the
/// notice is read: `file-name-too-long`.)
pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    let days: Vec<NaiveDate> = n.capture.days.iter().map(|d| d.date.value).collect();
    let names = names(n);
    let mut owner: HashMap<String, usize> = HashMap::with_capacity(names.len() * 2);
    let mut told: HashSet<(usize, usize)> = HashSet::new();
    for (k, name) in names.iter().enumerate() {
        let mut longest: Option<String> = None;
        for file in name.files(&days) {
            if file_name(&file).len() > MAX_FILE_NAME_BYTES && longest.as_ref().is_none_or(|l| file.len() > l.len()) {
                longest = Some(file.clone());
            }
            match owner.entry(file) {
                Entry::Vacant(v) => {
                    v.insert(k);
                }
                Entry::Occupied(o) => {
                    if told.insert((*o.get(), k)) {
                        out.push(collision(&names[*o.get()], name, o.key()));
                    }
                }
            }
        }
        if let Some(file) = longest {
            out.push(too_long(name, &file));
        }
    }
}

/// `later` gives the file `file` that `first` gave already.
fn collision(first: &Name, later: &Name, file: &str) -> Diagnostic {
    let kind = later.kind;
    let (message, help) = if first.name == later.name {
        // Names written twice over are not listed twice: only a class of two colleges is here.
        (
            format!(
                "班级「{}」在「{}」和「{}」里都有：两个班的{}会合成一个（{file}）",
                later.name,
                first.college,
                later.college,
                kind.outputs()
            ),
            format!("班级名在一份通知里不能重复：请改名，例如写上学院或专业（「{}{}」）", later.college, later.name),
        )
    } else {
        (
            format!(
                "{}「{}」与「{}」生成同一个文件名「{}」：两者的{}会合成一个",
                kind.label(),
                later.name,
                first.name,
                file_name(file),
                kind.outputs()
            ),
            "请改名，使两者去掉标点后仍不同：文件名只保留文字和数字，空格和标点都变成「-」".to_string(),
        )
    };
    Diagnostic::error(Code::NameCollision, later.loc, message).related(first.loc, format!("「{}」写在这里", first.name)).help(help)
}

/// `name` gives `file`, a file name longer than the file system takes.
fn too_long(name: &Name, file: &str) -> Diagnostic {
    let base = file_name(file);
    // Bytes of the name's segment the longest of its files leaves room for.
    let room = MAX_FILE_NAME_BYTES.saturating_sub(base.len() - segment(name.name).len());
    Diagnostic::error(
        Code::NameTooLong,
        name.loc,
        format!(
            "{}「{}」太长：生成的文件名（名称后加「{}」）有 {} 字节，超过文件名的上限 {MAX_FILE_NAME_BYTES} 字节",
            name.kind.label(),
            name.name,
            base.get(segment(name.name).len()..).unwrap_or(base),
            base.len()
        ),
    )
    .help(match name.kind {
        // Room ids are ASCII: a byte a character.
        Kind::Room => format!("把房间代号缩短到 {room} 个字符以内（中文名称写在 name 里，长度不限）"),
        _ => format!("把名称缩短到 {room} 字节以内（汉字每个 3 字节，约 {} 个汉字；标点和空格算作一个「-」）", room / 3),
    })
}

/// Where a notice's own file name is blamed: the start of the file.
fn notice_loc(n: &Notice) -> Loc {
    Loc::new(&n.file, 1, 1, 3)
}

/// The rules across notices: no two notices share a folder (`a b.md` and `a-b.md`), and no
/// notice's page lands on a file of another notice named after a room, college or class (a notice
/// `2026/rooms.md` beside `2026.md`).
pub fn across<'a>(notices: impl IntoIterator<Item = &'a Notice>) -> Vec<Diagnostic> {
    let mut ns: Vec<&Notice> = notices.into_iter().collect();
    ns.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = Vec::new();
    let mut folders: HashMap<&str, usize> = HashMap::with_capacity(ns.len());
    for (i, n) in ns.iter().enumerate() {
        match folders.entry(n.slug.as_str()) {
            Entry::Vacant(v) => {
                v.insert(i);
            }
            Entry::Occupied(o) => {
                let first = ns[*o.get()];
                out.push(
                    Diagnostic::error(
                        Code::NameCollision,
                        &notice_loc(n),
                        format!("通知「{}」与「{}」生成同一个网址文件夹「{}/」：后生成的会覆盖先生成的", n.path, first.path, n.slug),
                    )
                    .related(&notice_loc(first), "另一份通知")
                    .help("请改文件名，使两者去掉标点后仍不同：网址只保留文字和数字，空格和标点都变成「-」"),
                );
            }
        }
    }
    // The files of a notice's folder not named after a name, by path under the output folder.
    let mut own: HashMap<String, usize> = HashMap::new();
    for (i, n) in ns.iter().enumerate() {
        for f in [slug::NOTICE_PAGE, slug::NOTICE_PDF, slug::TIMETABLE_JSON] {
            own.entry(slug::in_notice(&n.slug, f)).or_insert(i);
        }
    }
    for n in &ns {
        // Only a notice whose folder is one of `n`'s subfolders can land on `n`'s named files.
        let nested =
            [slug::ROOMS, slug::COLLEGES, slug::CLASSES].iter().any(|d| folders.contains_key(slug::in_notice(&n.slug, d).as_str()));
        if !nested {
            continue;
        }
        let days: Vec<NaiveDate> = n.capture.days.iter().map(|d| d.date.value).collect();
        for name in names(n) {
            for file in name.files(&days) {
                let path = slug::in_notice(&n.slug, &file);
                let Some(other) = own.get(&path).map(|&j| ns[j]).filter(|o| o.slug != n.slug) else { continue };
                out.push(
                    Diagnostic::error(
                        Code::NameCollision,
                        name.loc,
                        format!("{}「{}」的文件「{path}」与通知「{}」的文件是同一个", name.kind.label(), name.name, other.path),
                    )
                    .related(&notice_loc(other), "另一份通知")
                    .help(format!("请改{}，或改通知「{}」的文件名", name.kind.label(), other.path)),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_leaves_room_for_the_longest_suffix() {
        // A room's longest file is its poster: `ID-poster-YYYY-MM-DD.pdf`, 22 bytes more.
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        let loc = Loc::new(&crate::source::SourceFile::new("x", "x"), 1, 1, 1);
        let id = "r".repeat(234);
        let room = Name { kind: Kind::Room, name: &id, college: "", loc: &loc };
        let longest = room.files(&[day]).into_iter().map(|f| file_name(&f).len()).max();
        assert_eq!(longest, Some(234 + 22));
        let d = too_long(&room, &slug::room_poster(&id, day));
        assert!(d.help.as_deref().is_some_and(|h| h.contains("233 个字符以内")), "{:?}", d.help);
        // A college's: `NAME-sheets.pdf`, 11 bytes more.
        let name = "院".repeat(82);
        let college = Name { kind: Kind::College, name: &name, college: "", loc: &loc };
        let d = too_long(&college, &slug::college_sheets(&name));
        assert!(d.help.as_deref().is_some_and(|h| h.contains("244 字节以内") && h.contains("约 81 个汉字")), "{:?}", d.help);
    }
}
