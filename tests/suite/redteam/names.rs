//! Red-team findings: names. Names become file names (a class's calendar, a college's sign-in
//! sheets, a room's page and posters, a notice's folder); two names that differ only in
//! punctuation shared one file silently, and a name too long for the file system passed `check`
//! and then stopped `build` with exit 2 and no line. `check` now reports both at the line where
//! the name is written, and a site `check` passes always builds.

use super::super::harness::{copy_site, diagnostics, manifest_dir, run, stderr, stdout};
use std::path::Path;

fn base() -> tempfile::TempDir {
    copy_site(&manifest_dir().join("tests/sites/basic"))
}

fn notice(site: &Path) -> std::path::PathBuf {
    site.join("content/notice.md")
}

/// Replaces `from` (which must be there) in the basic notice.
fn edit(site: &Path, edits: &[(&str, &str)]) {
    let mut text = std::fs::read_to_string(notice(site)).expect("read");
    for (from, to) in edits {
        assert!(text.contains(from), "{from} is in the notice");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(notice(site), text).expect("write");
}

/// The two classes of 文学院 renamed.
fn classes(site: &Path, a: &str, b: &str) {
    edit(site, &[("class: 汉语言文学2101", &format!("class: \"{a}\"")), ("class: 汉语言文学2102", &format!("class: \"{b}\""))]);
}

/// The groups from a roster file (and the timetable made by the scheduler).
fn roster(site: &Path, rows: &str) {
    let text = std::fs::read_to_string(notice(site)).expect("read");
    let (start, end) = (text.find("  groups:\n").expect("groups"), text.find("code:").expect("code"));
    let text = format!("{}  groups: rosters/r.csv\n  timetable: auto\n{}", &text[..start], &text[end..]);
    std::fs::write(notice(site), text).expect("write");
    std::fs::create_dir_all(site.join("content/rosters")).expect("mkdir");
    std::fs::write(site.join("content/rosters/r.csv"), format!("学院,班级,人数\n{rows}")).expect("roster");
}

/// `check --format json`: exit code and `(code, file:line, severity)` of every diagnostic.
fn check(site: &Path) -> (Option<i32>, Vec<(String, String, String)>) {
    let o = run(site, &["check", "--format", "json"]);
    assert_ne!(o.status.code(), Some(101), "panicked: {}", stderr(&o));
    (o.status.code(), diagnostics(&stdout(&o)))
}

/// `check` fails with exactly one error, `code` at `at`, whose message names every one of `names`.
fn fails_with(site: &Path, code: &str, at: &str, names: &[&str]) {
    let (exit, d) = check(site);
    let errors: Vec<_> = d.iter().filter(|d| d.2 == "error").collect();
    assert_eq!(exit, Some(1), "{d:?}");
    assert_eq!(errors.len(), 1, "{d:?}");
    assert_eq!((errors[0].0.as_str(), errors[0].1.as_str()), (code, at), "{d:?}");
    let json = stdout(&run(site, &["check", "--format", "json"]));
    for n in names {
        assert!(json.contains(&format!("「{n}」")), "the message names 「{n}」: {json}");
    }
    // `build` runs the very same checks: the same error, at the same line, and nothing written.
    let o = run(site, &["build"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains(at), "build names {at}: {}", stderr(&o));
    assert!(!site.join("public").exists(), "nothing is written");
}

#[test]
fn classes_differing_only_in_punctuation_are_one_calendar_and_an_error() {
    let site = base();
    classes(site.path(), "机械2301", "机械2301!");
    fails_with(site.path(), "name-collision", "content/notice.md:27", &["机械2301", "机械2301!"]);
    let json = stdout(&run(site.path(), &["check", "--format", "json"]));
    assert!(json.contains("请改名，使两者去掉标点后仍不同"), "{json}");
}

#[test]
fn roster_classes_that_collide_are_reported_at_their_roster_line() {
    let site = base();
    roster(site.path(), "文学院,机械2301,30\n文学院,机械2301（）,30\n研究生院,,100\n");
    fails_with(site.path(), "name-collision", "content/rosters/r.csv:3", &["机械2301", "机械2301（）"]);
}

#[test]
fn one_class_name_in_two_colleges_is_an_error() {
    let site = base();
    roster(site.path(), "文学院,1班,30\n法学院,1班,30\n");
    fails_with(site.path(), "name-collision", "content/rosters/r.csv:3", &["1班", "文学院", "法学院"]);
}

#[test]
fn colleges_made_of_dots_are_one_file() {
    let site = base();
    edit(
        site.path(),
        &[
            ("{ college: 文学院, class: 汉语言文学2101, headcount: 57 }", "{ college: \"..\", headcount: 57 }"),
            ("{ college: 文学院, class: 汉语言文学2102, headcount: 50 }", "{ college: \"...\", headcount: 50 }"),
            ("groups: [文学院]", "groups: [\"..\", \"...\"]"),
        ],
    );
    fails_with(site.path(), "name-collision", "content/notice.md:27", &["..", "..."]);
}

#[test]
fn room_ids_that_collide_share_a_page_and_an_error() {
    let site = base();
    // Room ids are letters, digits, `-` and `_`; `_` becomes `-` in file names.
    edit(site.path(), &[("id: j9-203", "id: j9_103"), ("room: j9-203", "room: j9_103")]);
    fails_with(site.path(), "name-collision", "content/notice.md:24", &["j9_103", "j9-103"]);
}

#[test]
fn notice_files_that_give_one_folder_are_an_error() {
    let site = base();
    let text = std::fs::read_to_string(notice(site.path())).expect("read");
    std::fs::remove_file(notice(site.path())).expect("rm");
    for name in ["a b.md", "a-b.md"] {
        std::fs::write(site.path().join("content").join(name), &text).expect("write");
    }
    fails_with(site.path(), "name-collision", "content/a-b.md:1", &["content/a b.md", "content/a-b.md"]);
}

#[test]
fn a_notice_in_a_folder_named_rooms_lands_on_a_room_page() {
    // `n.md`'s room `index` has its page at `n/rooms/index.html`: the page of `n/rooms.md`.
    let site = base();
    edit(site.path(), &[("id: j9-103", "id: index"), ("room: j9-103", "room: index")]);
    let text = std::fs::read_to_string(notice(site.path())).expect("read");
    std::fs::remove_file(notice(site.path())).expect("rm");
    std::fs::create_dir_all(site.path().join("content/n")).expect("mkdir");
    std::fs::write(site.path().join("content/n.md"), &text).expect("write");
    std::fs::write(site.path().join("content/n/rooms.md"), text.replace("id: index", "id: j9-103").replace("room: index", "room: j9-103"))
        .expect("write");
    fails_with(site.path(), "name-collision", "content/n.md:21", &["index", "content/n/rooms.md"]);
}

#[test]
fn a_90_hanzi_class_name_is_an_error_at_its_line_not_a_failed_build() {
    let site = base();
    let long = "机".repeat(90);
    classes(site.path(), &long, "汉语言文学2102");
    fails_with(site.path(), "name-too-long", "content/notice.md:26", &[&long]);
}

#[test]
fn a_notice_file_name_that_leaves_no_room_for_its_release_lock_is_an_error() {
    // 81 hanzi and `.md` is a file; with `.release.json.tmp` (what `release` writes first) it is
    // over 255 bytes.
    let site = base();
    let name = format!("{}.md", "通".repeat(81));
    std::fs::rename(notice(site.path()), site.path().join("content").join(&name)).expect("rename");
    fails_with(site.path(), "file-name-too-long", &format!("content/{name}:1"), &[]);
}

/// Names written into the basic site in place of one of its names, as YAML strings.
enum Place {
    Classes(String, String),
    College(String),
    Room(String),
    Notice(String),
}

fn write_case(site: &Path, case: &Place) {
    match case {
        Place::Classes(a, b) => classes(site, a, b),
        Place::College(c) => {
            edit(site, &[("college: 研究生院", &format!("college: \"{c}\"")), ("groups: [研究生院]", &format!("groups: [\"{c}\"]"))])
        }
        Place::Room(r) => edit(site, &[("id: j9-203", &format!("id: \"{r}\"")), ("room: j9-203", &format!("room: \"{r}\""))]),
        Place::Notice(n) => std::fs::rename(notice(site), site.join("content").join(format!("{n}.md"))).expect("rename"),
    }
}

#[test]
fn a_site_check_passes_always_builds_and_one_it_fails_never_does() {
    let hz = |n: usize| "名".repeat(n);
    let cases = [
        // Limits: a class's calendar adds `.ics` (4 bytes), a college's sheets `-sheets.pdf` (11),
        // a room's posters `-poster-YYYY-MM-DD.pdf` (22; room ids are ASCII), a notice's release lock
        // `.release.json` (13): 255 bytes in all at most.
        (Place::Classes(hz(83), "b".into()), true),
        (Place::Classes(hz(84), "b".into()), false),
        (Place::Classes(format!("{}！", hz(83)), "b".into()), true),
        (Place::College(hz(81)), true),
        (Place::College(hz(82)), false),
        (Place::Room("r".repeat(233)), true),
        (Place::Room("r".repeat(234)), false),
        (Place::Notice(hz(79)), true),
        (Place::Notice(hz(80)), false),
        // Collisions, and names that only look alike.
        (Place::Classes("机械2301".into(), "机械2301!".into()), false),
        (Place::Classes("软件（卓越）".into(), "软件 卓越".into()), false),
        (Place::Classes("!!".into(), "？".into()), false),
        (Place::Classes("a b".into(), "a_b".into()), false),
        (Place::Classes("机械2301".into(), "机械2302".into()), true),
        (Place::Classes("A班".into(), "a班".into()), true),
        (Place::Classes("机械-2301".into(), "机械2301".into()), true),
        (Place::College("文学院!".into()), false),
        (Place::College("研究生院（博士）".into()), true),
        (Place::Room("j9-103".into()), false),
        (Place::Room("J9-103".into()), true),
        (Place::Room("j9_103".into()), false),
        (Place::Room("j9-103-".into()), false),
    ];
    for (case, passes) in &cases {
        let site = base();
        write_case(site.path(), case);
        let (exit, d) = check(site.path());
        let what = match case {
            Place::Classes(a, b) => format!("classes {a:?} {b:?}"),
            Place::College(c) => format!("college {c:?}"),
            Place::Room(r) => format!("room {r:?}"),
            Place::Notice(n) => format!("notice {n:?}"),
        };
        assert_eq!(exit, Some(if *passes { 0 } else { 1 }), "{what}: {d:?}");
        let o = run(site.path(), &["build"]);
        assert_eq!(o.status.code(), exit, "{what}: check and build agree: {}", stderr(&o));
        if *passes {
            // Every class got a calendar of its own: no two share a file.
            let slug = match case {
                Place::Notice(n) => n.clone(),
                _ => "notice".into(),
            };
            let ics = std::fs::read_dir(site.path().join("public").join(&slug).join("classes")).expect("classes").count();
            assert_eq!(ics, 2, "{what}");
        }
    }
}
