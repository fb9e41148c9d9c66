use super::harness::{copy_site, diagnostics, manifest_dir, run, stderr, stdout};

#[test]
fn a_change_after_a_release_shows_on_pages_and_in_check() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["release", "content/notice.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lock = std::fs::read_to_string(site.path().join("content/notice.release.json")).expect("lock written");
    assert!(lock.contains("\"version\": 1"));
    let o = run(site.path(), &["check", "--format", "json"]);
    assert!(diagnostics(&stdout(&o)).is_empty(), "released notice is clean");

    let path = site.path().join("content/notice.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("start: \"13:30\", end: \"17:30\", room: j9-103", "start: \"14:00\", end: \"17:30\", room: j9-103"))
        .expect("write");
    let o = run(site.path(), &["check", "--format", "json"]);
    let d = diagnostics(&stdout(&o));
    assert_eq!(o.status.code(), Some(0));
    assert!(d.iter().any(|x| x.0 == "unreleased-changes" && x.2 == "warning"), "{d:?}");
    let o = run(site.path(), &["check", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));

    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(site.path().join("public/notice/index.html")).expect("page");
    assert!(page.contains("自第 1 版以来的变更"));
    assert!(page.contains("13:30–13:49") && page.contains("14:00–14:19"), "before and after are shown");
    let room = std::fs::read_to_string(site.path().join("public/notice/rooms/j9-103.html")).expect("room");
    assert!(room.contains("自第 1 版以来的变更"));

    let o = run(site.path(), &["release", "content/notice.md"]);
    assert_eq!(o.status.code(), Some(0));
    let lock = std::fs::read_to_string(site.path().join("content/notice.release.json")).expect("lock");
    assert!(lock.contains("\"version\": 2"));
    assert!(lock.contains("\"sequence\": 1"), "changed groups raise their calendar sequence");
    let o = run(site.path(), &["check", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn after_a_release_an_auto_timetable_is_repaired_not_replanned() {
    let site = tempfile::tempdir().expect("tempdir");
    let root = site.path();
    std::fs::create_dir_all(root.join("content/2027/rosters")).expect("mkdir");
    let repo = manifest_dir();
    std::fs::copy(repo.join("content/2027/auto-demo.md"), root.join("content/2027/auto-demo.md")).expect("notice");
    let roster = root.join("content/2027/rosters/classes.csv");
    std::fs::copy(repo.join("content/2027/rosters/classes.csv"), &roster).expect("roster");
    let o = run(root, &["release", "content/2027/auto-demo.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // One class drops out, another grows by 4 students.
    let text = std::fs::read_to_string(&roster).expect("read");
    assert!(text.contains("机械工程学院,车辆2301,27,") && text.contains("机械工程学院,机械2302,39,"));
    let text = text.replace("机械工程学院,车辆2301,27,,,,\n", "").replace("机械工程学院,机械2302,39,", "机械工程学院,机械2302,43,");
    std::fs::write(&roster, text).expect("write");

    let o = run(root, &["schedule", "content/2027/auto-demo.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = stderr(&o);
    assert!(report.contains("与第 1 版时间表相比"), "{report}");
    let listed: Vec<&str> = report.lines().filter(|l| l.contains(" → ")).collect();
    assert!(listed.iter().any(|l| l.contains("机械2302")), "{report}");
    // The grown class and at most the few after it on its station; nothing replanned.
    assert!(listed.len() <= 4, "{report}");

    let o = run(root, &["check", "--format", "json"]);
    let d = diagnostics(&stdout(&o));
    assert!(d.iter().any(|x| x.0 == "unreleased-changes"), "{d:?}");

    let o = run(root, &["schedule", "content/2027/auto-demo.md", "--fresh"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("与第 1 版时间表相比"));
}
