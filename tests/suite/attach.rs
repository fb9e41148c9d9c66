//! The body's attachments: copied beside the page byte for byte, a missing one stops the build at
//! its line, and one no longer linked is gone after a rebuild.

use super::harness::{copy_site, manifest_dir, run, stderr};

#[test]
fn attachments_are_copied_checked_and_removed() {
    let site = copy_site(&manifest_dir().join("tests/fixtures/invalid/attachment-not-found"));
    let root = site.path();
    let pdf = root.join("content/附件1：采集流程.pdf");
    let bytes: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&pdf, &bytes).unwrap();
    let o = run(root, &["build", "--only", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(root.join("public/notice/附件1：采集流程.pdf")).unwrap(), bytes);
    assert!(root.join("public/notice/采集样例.jpg").is_file());
    let page = std::fs::read_to_string(root.join("public/notice/index.html")).unwrap();
    assert!(page.contains("href=\"%E9%99%84%E4%BB%B61%EF%BC%9A%E9%87%87%E9%9B%86%E6%B5%81%E7%A8%8B.pdf\""), "{page}");
    // No longer linked: removed by the next build.
    let md = root.join("content/notice.md");
    let text = std::fs::read_to_string(&md).unwrap().replace("![采集样例](采集样例.jpg)", "");
    std::fs::write(&md, text).unwrap();
    assert!(run(root, &["build", "--only", "html"]).status.success());
    assert!(!root.join("public/notice/采集样例.jpg").exists());
    // Missing: the build stops at the link's line and publishes nothing.
    std::fs::remove_file(&pdf).unwrap();
    let o = run(root, &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("content/notice.md:75"), "{}", stderr(&o));
    assert!(root.join("public/notice/附件1：采集流程.pdf").is_file(), "the old site stays whole");
}
