//! Hostile input: every case gets a diagnostic and a clean exit, never a panic or a hang.

use super::harness::{copy_site, diagnostics, manifest_dir, run, stderr, stdout};
use std::path::Path;

fn base() -> tempfile::TempDir {
    copy_site(&manifest_dir().join("tests/sites/basic"))
}

fn notice(site: &Path) -> std::path::PathBuf {
    site.join("content/notice.md")
}

fn codes(site: &Path) -> (Option<i32>, Vec<String>) {
    let o = run(site, &["check", "--format", "json"]);
    assert_ne!(o.status.code(), Some(101), "panicked: {}", stderr(&o));
    (o.status.code(), diagnostics(&stdout(&o)).into_iter().map(|d| d.0).collect())
}

fn with_roster(site: &Path, roster_line: &str) {
    let p = notice(site);
    let text = std::fs::read_to_string(&p).expect("read");
    let start = text.find("  groups:\n").expect("groups");
    let end = text.find("  timetable:").expect("timetable");
    let text = format!("{}  groups: {roster_line}\n  timetable: auto\n{}", &text[..start], &text[text.find("code:").expect("code")..]);
    let _ = end;
    std::fs::write(p, text).expect("write");
}

#[test]
fn a_50_mb_notice_is_refused_quickly() {
    let site = base();
    let mut text = std::fs::read_to_string(notice(site.path())).expect("read");
    text.push_str(&"正文很长。".repeat(50 * 1024 * 1024 / 15));
    std::fs::write(notice(site.path()), text).expect("write");
    assert_eq!(codes(site.path()), (Some(1), vec!["too-large".to_string()]));
}

#[test]
fn invalid_utf8_is_an_encoding_error_at_its_line() {
    let site = base();
    let mut bytes = std::fs::read(notice(site.path())).expect("read");
    bytes.extend_from_slice(b"\n\xd6\xd0\xce\xc4\n");
    std::fs::write(notice(site.path()), bytes).expect("write");
    let o = run(site.path(), &["check", "--format", "json"]);
    let d = diagnostics(&stdout(&o));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "encoding");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = base();
    let text = std::fs::read_to_string(notice(site.path())).expect("read");
    std::fs::write(notice(site.path()), format!("\u{feff}{}", text.replace('\n', "\r\n"))).expect("write");
    assert_eq!(codes(site.path()), (Some(0), vec![]));
}

#[test]
fn alias_bombs_and_deep_nesting_are_refused() {
    let site = base();
    let bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n";
    std::fs::write(notice(site.path()), bomb).expect("write");
    assert_eq!(codes(site.path()), (Some(1), vec!["yaml-alias".to_string()]));
    let deep = format!("---\ntitle: {}{}\n---\n", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::write(notice(site.path()), deep).expect("write");
    assert_eq!(codes(site.path()), (Some(1), vec!["too-deep".to_string()]));
}

#[test]
fn a_front_matter_without_closing_fence_and_an_empty_file() {
    let site = base();
    std::fs::write(notice(site.path()), "---\ntitle: x\n").expect("write");
    assert_eq!(codes(site.path()), (Some(1), vec!["front-matter-unclosed".to_string()]));
    std::fs::write(notice(site.path()), "").expect("write");
    assert_eq!(codes(site.path()), (Some(1), vec!["empty-notice".to_string()]));
}

#[test]
fn a_million_row_roster_is_refused() {
    let site = base();
    with_roster(site.path(), "big.csv");
    let mut csv = String::from("college,class,headcount\n");
    for i in 0..1_000_000 {
        csv.push_str(&format!("A,c{i},30\n"));
    }
    std::fs::write(site.path().join("content/big.csv"), csv).expect("write");
    let (code, c) = codes(site.path());
    assert_eq!(code, Some(1));
    assert!(c.contains(&"too-large".to_string()), "{c:?}");
}

#[test]
fn rosters_outside_the_site_are_refused() {
    for path in ["../../../../etc/passwd", "/etc/passwd", "../../outside.csv"] {
        let site = base();
        with_roster(site.path(), path);
        let (code, c) = codes(site.path());
        assert_eq!(code, Some(1));
        assert_eq!(c, vec!["roster-path".to_string()], "{path}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_pointing_out_of_the_site_is_refused() {
    let site = base();
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("r.csv"), "college,headcount\nA,3\n").expect("write");
    std::os::unix::fs::symlink(outside.path().join("r.csv"), site.path().join("content/r.csv")).expect("symlink");
    with_roster(site.path(), "r.csv");
    let (_, c) = codes(site.path());
    assert_eq!(c, vec!["roster-path".to_string()]);
}

#[test]
fn personal_data_is_an_error() {
    let site = base();
    let mut text = std::fs::read_to_string(notice(site.path())).expect("read");
    text.push_str("\n联系同学 13812345678，身份证 11010519491231002X。\n\n| 姓名 | 学号 |\n| --- | --- |\n| 张三 | 2021001 |\n");
    std::fs::write(notice(site.path()), text).expect("write");
    let (code, c) = codes(site.path());
    assert_eq!(code, Some(1));
    for want in ["personal-phone", "personal-id", "personal-names"] {
        assert!(c.contains(&want.to_string()), "{want} in {c:?}");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let site = base();
    let hash = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().strip_prefix(dir).expect("in").display().to_string(), std::fs::read(e.path()).expect("read")))
            .collect();
        v.sort();
        v
    };
    let o = run(site.path(), &["build", "--output", "a"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(site.path(), &["build", "--output", "b"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (a, b) = (hash(&site.path().join("a")), hash(&site.path().join("b")));
    assert!(!a.is_empty());
    assert!(a == b, "two builds differ");
}
