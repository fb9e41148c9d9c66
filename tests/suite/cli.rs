use super::harness::{copy_site, manifest_dir, run, stderr, stdout};

#[test]
fn check_on_a_missing_root_exits_2() {
    let o = run(&manifest_dir().join("tests/does-not-exist"), &["check"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("不存在"));
}

#[test]
fn bad_arguments_exit_2() {
    let o = run(&manifest_dir(), &["check", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn example_site_checks_clean() {
    let o = run(&manifest_dir(), &["check", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn github_format_prints_annotations() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let path = site.path().join("content/notice.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("payer:", "payr:", 1)).expect("write");
    let o = run(site.path(), &["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("::error file=content/notice.md,line="), "{out}");
    assert!(out.contains("title=unknown-key::"), "{out}");
}

#[test]
fn human_format_shows_the_source_line_and_a_caret() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let path = site.path().join("content/notice.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("payer:", "payr:", 1)).expect("write");
    let o = run(site.path(), &["check"]);
    let err = stderr(&o);
    assert!(err.contains("error[unknown-key]"), "{err}");
    assert!(err.contains("content/notice.md:"), "{err}");
    assert!(err.contains("payr:"), "{err}");
    assert!(err.contains("^^^^"), "{err}");
    assert!(err.contains("是不是想写「payer」"), "{err}");
}

#[test]
fn command_line_mistakes_are_told_in_chinese_with_the_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(dir.path(), &["chek"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("没有「chek」这个命令") && err.contains("「check」"), "{err}");
    let o = run(dir.path(), &["check", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("「xml」无效") && err.contains("human、json、github"), "{err}");
    let o = run(dir.path(), &["build", "--onl", "html"]);
    assert!(stderr(&o).contains("是不是想写「--only」"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("error:"), "no English left: {}", stderr(&o));
    let o = run(dir.path(), &["--help"]);
    assert_eq!(o.status.code(), Some(0), "help is not an error");
}
