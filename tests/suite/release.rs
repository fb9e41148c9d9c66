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
fn a_lock_of_the_first_format_still_loads_and_the_next_release_is_data() {
    // The first format stored the text shown (facts by Chinese label, places as text); a lock
    // written by it (version 2 of tests/sites/basic with the afternoon block at 14:00) must read
    // as the same release, so an unchanged notice has no unreleased changes.
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let path = site.path().join("content/notice.md");
    // The first format's pages said to arrive 15 minutes early (then a default); the notice that
    // lock was made from is the one that says so.
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("capture:\n  seconds_per_student: 20", "capture:\n  arrive_early_minutes: 15\n  seconds_per_student: 20");
    assert!(text.contains("arrive_early_minutes: 15"));
    let at =
        |t: &str| text.replace("start: \"13:30\", end: \"17:30\", room: j9-103", &format!("start: \"{t}\", end: \"17:30\", room: j9-103"));
    std::fs::write(&path, at("14:00")).expect("write");
    let lock = site.path().join("content/notice.release.json");
    std::fs::copy(manifest_dir().join("tests/sites/locks/basic-v2-text.release.json"), &lock).expect("copy");
    let o = run(site.path(), &["check", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "the old lock reads as the notice it was made from: {}", stderr(&o));

    std::fs::write(&path, at("14:30")).expect("write");
    let o = run(site.path(), &["check", "--format", "json"]);
    assert!(diagnostics(&stdout(&o)).iter().any(|x| x.0 == "unreleased-changes"));
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(site.path().join("public/notice/index.html")).expect("page");
    assert!(page.contains("自第 2 版以来的变更") && page.contains("14:00–14:19") && page.contains("14:30–14:49"));

    let o = run(site.path(), &["release", "content/notice.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&lock).expect("lock")).expect("json");
    assert_eq!((json["format"].as_u64(), json["version"].as_u64()), (Some(2), Some(3)));
    assert_eq!(json["facts"]["fee_fen"], 1500);
    assert_eq!(json["facts"]["days"], serde_json::json!(["2025-04-12"]));
    let class = &json["places"]["汉语言文学2101"];
    assert_eq!((class["room"].as_str(), class["start"].as_str(), class["end"].as_str()), (Some("j9-103"), Some("14:30"), Some("14:49")));
    assert_eq!(class["sequence"], 2, "raised again from the old lock's 1");
    assert_eq!(json["places"]["研究生院"]["sequence"], 0);
    assert_eq!(json["places"]["研究生院"]["colleges"], serde_json::json!(["研究生院"]));
    let o = run(site.path(), &["check", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
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
