//! The preview's builder on a real site folder: incremental rebuilds, errors, recovery.

use super::live::{Builder, Plan};
use crate::diag::Code;
use std::collections::BTreeSet;
use std::path::Path;

fn basic_site() -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/basic");
    let tmp = tempfile::tempdir().expect("tempdir");
    for e in walkdir::WalkDir::new(&from).into_iter().filter_map(Result::ok) {
        let to = tmp.path().join(e.path().strip_prefix(&from).expect("inside"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
    tmp
}

/// The basic site built once: (its folder, its notice, the notice's text, the builder).
fn built_basic_site() -> (tempfile::TempDir, std::path::PathBuf, String, Builder) {
    let site = basic_site();
    let notice = site.path().join("content/notice.md");
    let text = std::fs::read_to_string(&notice).expect("read");
    let mut b = Builder::new(site.path());
    b.load();
    (site, notice, text, b)
}

fn page(b: &Builder, path: &str) -> String {
    let snap = b.snapshot();
    String::from_utf8_lossy(snap.files.get(path).map(|v| v.as_slice()).unwrap_or_default()).into_owned()
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

#[test]
fn an_edited_notice_is_rebuilt_alone_and_errors_block_until_fixed() {
    let (_site, notice, text, mut b) = built_basic_site();
    let snap = b.snapshot();
    assert!(!snap.report.blocking(), "{}", snap.report.text);
    assert!(page(&b, "notice/index.html").contains("关于做好2026届毕业生图像信息采集工作的通知"));
    assert!(snap.files.contains_key("style.css"));
    let rooms_before = snap.files.keys().filter(|k| k.contains("/rooms/")).count();
    assert_eq!(rooms_before, 2);

    std::fs::write(&notice, text.replace("工作的通知", "工作的补充通知")).expect("write");
    assert_eq!(b.plan(&set(&["content/notice.md"])), Plan::Notices(set(&["content/notice.md"])));
    assert_eq!(b.rebuild(&set(&["content/notice.md"])), "content/notice.md");
    assert!(page(&b, "notice/index.html").contains("工作的补充通知"));
    assert!(page(&b, "index.html").contains("工作的补充通知"));
    assert_eq!(b.snapshot().version, 2);

    // One room fewer: its page disappears with the incremental render.
    let one_room = text.replace("    - { id: j9-203, name: 第九教学楼203室, stations: 2 }\n", "").replace("room: j9-203", "room: j9-103");
    std::fs::write(&notice, one_room).expect("write");
    b.rebuild(&set(&["content/notice.md"]));
    assert!(!b.snapshot().report.blocking(), "{}", b.snapshot().report.text);
    assert_eq!(b.snapshot().files.keys().filter(|k| k.contains("/rooms/")).count(), 1);

    let line = text.lines().position(|l| l.contains("payer:")).expect("payer line") + 1;
    std::fs::write(&notice, text.replacen("payer:", "payr:", 1)).expect("write");
    b.rebuild(&set(&["content/notice.md"]));
    let snap = b.snapshot();
    assert!(snap.report.blocking());
    assert!(snap.report.items.iter().any(|i| i.error && i.at.starts_with(&format!("content/notice.md:{line}:"))), "{}", snap.report.text);
    assert!(snap.report.text.contains("payr"), "{}", snap.report.text);

    std::fs::write(&notice, &text).expect("write");
    b.rebuild(&set(&["content/notice.md"]));
    let snap = b.snapshot();
    assert!(!snap.report.blocking(), "{}", snap.report.text);
    assert!(page(&b, "notice/index.html").contains("工作的通知"));
    assert_eq!(snap.files.keys().filter(|k| k.contains("/rooms/")).count(), 2);
}

#[test]
fn an_edit_that_prints_a_character_the_font_lacks_blocks_like_a_build() {
    let (_site, notice, text, mut b) = built_basic_site();
    assert!(!b.snapshot().report.blocking(), "{}", b.snapshot().report.text);
    // 䶮 (Extension A) is not in the bundled GB 2312 font: the PDF could not print it.
    let dress = text.lines().position(|l| l.starts_with("dress:")).expect("dress line") + 2;
    std::fs::write(&notice, text.replacen("dress:\n", "dress:\n  - 请勿佩戴䶮形饰品\n", 1)).expect("write");
    b.rebuild(&set(&["content/notice.md"]));
    let snap = b.snapshot();
    assert!(snap.report.blocking(), "{}", snap.report.text);
    assert!(
        snap.report
            .items
            .iter()
            .any(|i| i.error && i.code == Code::GlyphMissing.as_str() && i.at.starts_with(&format!("content/notice.md:{dress}:"))),
        "{}",
        snap.report.text
    );
    std::fs::write(&notice, &text).expect("write");
    b.rebuild(&set(&["content/notice.md"]));
    assert!(!b.snapshot().report.blocking(), "{}", b.snapshot().report.text);
}

#[test]
fn site_wide_files_and_new_notices_rebuild_everything() {
    let site = basic_site();
    let root = site.path();
    let mut b = Builder::new(root);
    assert_eq!(b.plan(&set(&["content/notice.md"])), Plan::Full, "nothing loaded yet");
    b.load();
    assert_eq!(b.plan(&set(&["site.toml"])), Plan::Full);
    assert_eq!(b.plan(&set(&["themes/default/templates/notice.html"])), Plan::Full);
    assert_eq!(b.plan(&set(&["content/rosters/2026.csv"])), Plan::Full);
    assert_eq!(b.plan(&set(&["README.md", "content/photo.png", "content/sedAb12Z"])), Plan::Nothing);
    std::fs::create_dir(root.join("content/2027")).expect("mkdir");
    assert_eq!(b.plan(&set(&["content/2027"])), Plan::Full);
    std::fs::write(root.join("content/notice.release.json"), "{").expect("write");
    assert_eq!(b.plan(&set(&["content/notice.release.json"])), Plan::Notices(set(&["content/notice.md"])));
    b.rebuild(&set(&["content/notice.release.json"]));
    assert!(b.snapshot().report.items.iter().any(|i| i.code == Code::ReleaseUnreadable.as_str()), "{}", b.snapshot().report.text);
    std::fs::remove_file(root.join("content/notice.release.json")).expect("rm");
    b.rebuild(&set(&["content/notice.release.json"]));
    assert!(!b.snapshot().report.blocking(), "{}", b.snapshot().report.text);
    assert_eq!(b.plan(&set(&["content/new.md"])), Plan::Nothing, "created and deleted again");
    let text = std::fs::read_to_string(root.join("content/notice.md")).expect("read");
    std::fs::write(root.join("content/second.md"), text).expect("write");
    assert_eq!(b.plan(&set(&["content/second.md"])), Plan::Full);
    b.load();
    assert!(page(&b, "second/index.html").contains("工作的通知"));
    std::fs::remove_file(root.join("content/second.md")).expect("rm");
    assert_eq!(b.plan(&set(&["content/second.md"])), Plan::Full);
    b.load();
    assert!(!b.snapshot().files.contains_key("second/index.html"));
    std::fs::copy(root.join("content/notice.md"), root.join("content/2027/a.md")).expect("copy");
    b.load();
    assert!(b.snapshot().files.contains_key("2027/a/index.html"));
    std::fs::remove_dir_all(root.join("content/2027")).expect("rm");
    assert_eq!(b.plan(&set(&["content/2027"])), Plan::Full, "a folder of notices went away");
}

#[test]
fn a_broken_theme_is_reported_and_recovers() {
    let site = basic_site();
    let root = site.path();
    let tdir = root.join("themes/default/templates");
    std::fs::create_dir_all(&tdir).expect("mkdir");
    std::fs::write(tdir.join("notice.html"), "{% if %}").expect("write");
    let mut b = Builder::new(root);
    b.load();
    assert!(b.unreadable().is_none());
    let snap = b.snapshot();
    assert!(snap.report.fatal.as_deref().is_some_and(|f| f.contains("模板")), "{:?}", snap.report.fatal);
    std::fs::remove_file(tdir.join("notice.html")).expect("rm");
    b.rebuild(&set(&["themes/default/templates/notice.html"]));
    assert!(!b.snapshot().report.blocking());
    assert!(page(&b, "notice/index.html").contains("工作的通知"));
}

#[test]
fn a_folder_that_is_not_a_site_is_unreadable() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut b = Builder::new(tmp.path());
    b.load();
    assert!(b.unreadable().is_some_and(|w| w.contains("content")));
}
