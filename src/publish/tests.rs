use super::*;

/// Every file under `dir` with its text, sorted (the whole published site).
fn tree(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
            (rel, std::fs::read_to_string(e.path()).expect("read"))
        })
        .collect();
    v.sort();
    v
}

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    v.sort();
    v
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).expect("ls").filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// Writes files (made by someone, or an older version) under `dir`.
fn plant(dir: &Path, files: &[(&str, &str)]) {
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
}

fn stage(out: &Path, files: &[(&str, &str)]) -> Staged {
    let s = Staged::begin(out, &Options::default()).expect("begin");
    for (rel, text) in files {
        s.put(rel, text.as_bytes()).expect("put");
    }
    s
}

fn build(out: &Path, files: &[(&str, &str)]) -> Summary {
    stage(out, files).commit().expect("commit")
}

fn record(tmp: &Path) -> String {
    std::fs::read_to_string(tmp.join(WORK_DIR).join("public.files")).expect("record")
}

#[test]
fn first_build_then_rebuild_writes_only_changes_and_removes_stale_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    let s = stage(&out, &[("index.html", "a"), ("x/rooms/r1/index.html", "r1"), ("x/rooms/r2/index.html", "r2")]);
    assert!(!out.exists(), "nothing is visible before the commit");
    assert_eq!(s.commit().expect("commit"), Summary { files: 3, written: 3, ..Summary::default() });
    let mtime = std::fs::metadata(out.join("x/rooms/r1/index.html")).and_then(|m| m.modified()).expect("mtime");

    std::thread::sleep(std::time::Duration::from_millis(20));
    let summary = build(&out, &[("index.html", "b"), ("x/rooms/r1/index.html", "r1"), ("y/new.html", "n")]);
    assert_eq!(summary, Summary { files: 3, written: 2, removed: 1, ..Summary::default() });
    assert_eq!(tree(&out), files(&[("index.html", "b"), ("x/rooms/r1/index.html", "r1"), ("y/new.html", "n")]));
    assert!(!out.join("x/rooms/r2").exists(), "emptied folders go too");
    let again = std::fs::metadata(out.join("x/rooms/r1/index.html")).and_then(|m| m.modified()).expect("mtime");
    assert_eq!(mtime, again, "an unchanged file is not rewritten");
    assert_eq!(names(tmp.path()), [WORK_DIR, "public"], "only the site and the work folder");
    assert_eq!(names(&tmp.path().join(WORK_DIR)), [".gitignore", "public.files", "public.lock"], "no staging folder, no note");
}

#[test]
fn the_record_lives_outside_the_site_and_decides_what_goes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    build(&out, &[("index.html", "a"), ("x/rooms/r1/index.html", "r1"), ("x/rooms/r2/index.html", "r2")]);
    assert_eq!(record(tmp.path()), "index.html\nx/rooms/r1/index.html\nx/rooms/r2/index.html\n");
    assert!(!out.join(LEGACY_RECORD).exists(), "the record is not published");
    std::fs::write(out.join("CNAME"), "jwc.example.edu.cn").expect("a file of the school's own");
    let outside = tmp.path().join("outside.txt");
    std::fs::write(&outside, "keep").expect("outside");
    // A tampered record cannot make a build delete anything outside the output folder.
    let path = tmp.path().join(WORK_DIR).join("public.files");
    std::fs::write(&path, format!("{}../outside.txt\n/etc/hostname\n", record(tmp.path()))).expect("tamper");

    let summary = build(&out, &[("index.html", "a"), ("x/rooms/r1/index.html", "r1")]);
    assert_eq!(summary, Summary { files: 2, written: 0, removed: 1, ..Summary::default() });
    assert!(!out.join("x/rooms/r2").exists(), "the dropped room's page and folder are gone");
    assert_eq!(std::fs::read_to_string(out.join("CNAME")).expect("kept"), "jwc.example.edu.cn", "a file the build never made stays");
    assert!(outside.exists(), "nothing outside the output folder is touched");
    assert_eq!(record(tmp.path()), "index.html\nx/rooms/r1/index.html\n");
}

#[test]
fn an_old_versions_record_inside_the_output_is_migrated() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    plant(&out, &[("index.html", "a"), ("old/page.html", "o"), ("CNAME", "c"), (LEGACY_RECORD, "index.html\nold/page.html\n")]);
    let summary = build(&out, &[("index.html", "a")]);
    assert_eq!(summary, Summary { files: 1, written: 0, removed: 1, ..Summary::default() });
    assert_eq!(tree(&out), files(&[("CNAME", "c"), ("index.html", "a")]), "its list is no longer published; CNAME stays");
    assert_eq!(record(tmp.path()), "index.html\n");
}

#[test]
fn a_folder_of_someone_elses_files_is_refused_and_forced_moves_them_aside() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    plant(&out, &[("thesis.docx", "mine"), ("photos/me.jpg", "jpg"), ("index.html", "not tuxiang's")]);
    let theirs = tree(&out);

    let err = Staged::begin(&out, &Options::default()).err().expect("refused").to_string();
    assert!(err.contains("index.html、photos/、thesis.docx 共 3 项") && err.contains("--force"), "{err}");
    assert!(err.contains("public.tuxiang-moved，不会删除"), "{err}");
    assert_eq!(tree(&out), theirs);
    assert_eq!(names(tmp.path()), ["public"], "nothing written, not even the work folder");

    let s = Staged::begin(&out, &Options { force: true, ..Options::default() }).expect("forced");
    s.put("index.html", b"new").expect("put");
    let summary = s.commit().expect("commit");
    let moved = tmp.path().join("public.tuxiang-moved");
    assert_eq!(summary, Summary { files: 1, written: 1, moved: 3, moved_to: Some(moved.clone()), ..Summary::default() });
    assert_eq!(tree(&out), files(&[("index.html", "new")]));
    assert_eq!(tree(&moved), theirs, "moved whole, never deleted");
}

#[test]
fn a_file_of_someone_elses_where_the_site_writes_one_is_moved_aside() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    build(&out, &[("index.html", "a")]);
    plant(&out, &[("style.css", "the school's"), ("robots.txt", "r")]);
    let summary = build(&out, &[("index.html", "a"), ("style.css", "ours")]);
    let moved = tmp.path().join("public.tuxiang-moved");
    assert_eq!(summary.moved_to.as_deref(), Some(moved.as_path()));
    assert_eq!(tree(&moved), files(&[("style.css", "the school's")]));
    assert_eq!(tree(&out), files(&[("index.html", "a"), ("robots.txt", "r"), ("style.css", "ours")]));
}

#[test]
fn an_output_that_is_a_file_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    std::fs::write(&out, "x").expect("write");
    let err = Staged::begin(&out, &Options { force: true, ..Options::default() }).err().expect("refused").to_string();
    assert!(err.contains("是一个文件"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "x");
}

#[test]
fn an_abandoned_build_leaves_the_output_untouched() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    build(&out, &[("index.html", "old")]);
    let s = stage(&out, &[("index.html", "new")]);
    assert!(s.put("index.html", b"again").is_err(), "two outputs with one name are refused");
    drop(s);
    assert_eq!(tree(&out), files(&[("index.html", "old")]));
    assert_eq!(names(&tmp.path().join(WORK_DIR)), [".gitignore", "public.files", "public.lock"], "the staging folder is gone");
}

/// Where a simulated kill stops a publish.
#[cfg(unix)]
#[derive(Debug, Clone, Copy)]
enum Kill {
    WhileStaging,
    AfterTheNote,
    AfterTheExchange,
    AfterTheFirstRename,
    AfterTheSecondRename,
    BeforeTheRecord,
}

/// Publishes `files` over the site in `out` as [`Staged::commit`] does, stopping where `kill` says
/// (the process "dies": the lock is released, nothing is cleaned).
#[cfg(unix)]
fn killed(out: &Path, files: &[(&str, &str)], kill: Kill) {
    let mut s = stage(out, files);
    s.committing = true;
    let all = std::mem::take(&mut *lock(&s.all));
    let mut list: Vec<String> = all.iter().cloned().collect();
    list.sort();
    let Old::Ours(ours) = &s.old else { panic!("a rebuild") };
    swap::carry_over(&s.place.out, &s.stage, ours, &all);
    let place = &s.place;
    let note = |how| place.write_note(&place::Note { pid: std::process::id(), how, old: OldKind::Ours, list: list.clone() });
    match kill {
        Kill::WhileStaging => {}
        Kill::AfterTheNote => {
            let id = swap::identity(&s.stage).expect("unix");
            note(place::How::Exchange(id.0, id.1)).expect("note");
        }
        Kill::AfterTheExchange => {
            swap::swap_in(place, &s.stage, OldKind::Ours, &list, true).expect("swap");
        }
        Kill::AfterTheFirstRename => {
            note(place::How::Rename).expect("note");
            std::fs::rename(&place.out, place.old(std::process::id())).expect("rename");
        }
        Kill::AfterTheSecondRename => {
            swap::swap_in(place, &s.stage, OldKind::Ours, &list, false).expect("swap");
        }
        Kill::BeforeTheRecord => {
            let old = swap::swap_in(place, &s.stage, OldKind::Ours, &list, true).expect("swap").expect("old");
            swap::dispose(place, &old, OldKind::Ours, ours, &all).expect("dispose");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_build_killed_anywhere_leaves_a_whole_site_and_the_next_build_cleans_up() {
    let old = [("index.html", "old"), ("a/gone.html", "g"), ("a/same.html", "s")];
    let new = [("index.html", "new"), ("a/same.html", "s"), ("b/added.html", "n")];
    let with_cname = |site: &[(&str, &str)]| files(&[site, &[("CNAME", "c")][..]].concat());
    for kill in [
        Kill::WhileStaging,
        Kill::AfterTheNote,
        Kill::AfterTheExchange,
        Kill::AfterTheFirstRename,
        Kill::AfterTheSecondRename,
        Kill::BeforeTheRecord,
    ] {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        build(&out, &old);
        std::fs::write(out.join("CNAME"), "c").expect("a file of the school's");
        killed(&out, &new, kill);
        let now = if out.exists() { tree(&out) } else { Vec::new() };
        // Between the two renames of the fallback there is no site for an instant; otherwise a whole one.
        assert!(now == with_cname(&old) || now == with_cname(&new) || matches!(kill, Kill::AfterTheFirstRename), "{kill:?}: {now:?}");

        // Killed while writing the note or the record: a temporary file beside it.
        for half in ["public.swap.tmp-1", "public.files.tmp-1"] {
            std::fs::write(tmp.path().join(WORK_DIR).join(half), "index.h").expect("write");
        }
        let summary = build(&out, &new);
        assert_eq!(tree(&out), with_cname(&new), "{kill:?}");
        assert_eq!(summary.moved, 0, "{kill:?}: nothing of the school's is moved aside");
        assert_eq!(names(&tmp.path().join(WORK_DIR)), [".gitignore", "public.files", "public.lock"], "{kill:?}: cleaned up");
        assert_eq!(names(tmp.path()), [WORK_DIR, "public"], "{kill:?}");
        assert_eq!(record(tmp.path()), "a/same.html\nb/added.html\nindex.html\n", "{kill:?}");
    }
}

#[test]
fn the_fallback_without_exchange_publishes_the_same_site() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    build(&out, &[("index.html", "a"), ("gone.html", "g")]);
    std::fs::write(out.join("CNAME"), "c").expect("write");
    let s = stage(&out, &[("index.html", "b")]);
    let list = vec!["index.html".to_string()];
    let Old::Ours(ours) = &s.old else { panic!("a rebuild") };
    let all: HashSet<String> = list.iter().cloned().collect();
    swap::carry_over(&s.place.out, &s.stage, ours, &all);
    let old = swap::swap_in(&s.place, &s.stage, OldKind::Ours, &list, false).expect("swap").expect("old site");
    assert_eq!(old, s.place.old(std::process::id()));
    let done = swap::dispose(&s.place, &old, OldKind::Ours, ours, &all).expect("dispose");
    assert_eq!((done.removed, done.moved), (1, 0));
    assert_eq!(tree(&out), files(&[("CNAME", "c"), ("index.html", "b")]));
    assert!(!old.exists());
}

#[test]
fn a_second_build_of_the_same_output_waits_for_the_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    let first = stage(&out, &[("index.html", "first")]);
    let second = std::thread::spawn({
        let out = out.clone();
        move || build(&out, &[("index.html", "second")])
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(!second.is_finished(), "the second build waits for the lock");
    first.commit().expect("commit");
    second.join().expect("thread");
    assert_eq!(tree(&out), files(&[("index.html", "second")]));
}
