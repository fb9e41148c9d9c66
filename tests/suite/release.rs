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
