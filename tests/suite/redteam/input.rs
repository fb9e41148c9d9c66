//! Red-team findings: input. Each test writes a small hostile site and runs the real binary.

use super::super::harness::{bin, copy_site, manifest_dir, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A copy of the basic site, to make hostile.
fn base() -> tempfile::TempDir {
    copy_site(&manifest_dir().join("tests/sites/basic"))
}

fn notice(site: &Path) -> std::path::PathBuf {
    site.join("content/notice.md")
}

/// Replaces `from` (which must be there) in the basic notice.
fn edit_notice(site: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(notice(site)).expect("read");
    assert!(text.contains(from), "the basic notice has {from:?}");
    std::fs::write(notice(site), text.replacen(from, to, 1)).expect("write");
}

/// Runs tuxiang with `args` on `site`, killed after 60 s: a test fails on a hang instead of
/// hanging the suite.
fn run(site: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(bin())
        .arg("--root")
        .arg(site)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs tuxiang");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let o = child.wait_with_output().expect("output");
            panic!("tuxiang {args:?} still ran after 60 s (killed): {}", stderr(&o));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().expect("output");
    assert_ne!(o.status.code(), Some(101), "panicked: {}", stderr(&o));
    o
}

/// One diagnostic of `check --format json`.
#[derive(Debug)]
struct Diag {
    severity: String,
    code: String,
    /// `file:line:column`.
    at: String,
    message: String,
    help: String,
}

/// `check --format json`: the exit code and every diagnostic.
fn check(site: &Path) -> (Option<i32>, Vec<Diag>) {
    let o = run(site, &["check", "--format", "json"]);
    let json = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("invalid JSON ({e}): {json}\n{}", stderr(&o)));
    let s = |d: &serde_json::Value, k: &str| d[k].as_str().unwrap_or("").to_string();
    let diags = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| Diag {
            severity: s(d, "severity"),
            code: s(d, "code"),
            at: format!("{}:{}:{}", s(d, "file"), d["line"], d["column"]),
            message: s(d, "message"),
            help: s(d, "help"),
        })
        .collect();
    (o.status.code(), diags)
}

/// `(severity code file:line:column)` of each diagnostic, for assertions that show them all.
fn summary(diags: &[Diag]) -> Vec<String> {
    diags.iter().map(|d| format!("{} {} {}", d.severity, d.code, d.at)).collect()
}

// Finding 1: a CR or LF in site.toml's base_url forged a VEVENT in every calendar.

#[test]
fn a_line_break_in_base_url_is_an_error_at_its_line_and_no_calendar_is_written() {
    let site = base();
    let forged = r#"base_url = "https://jwc.example.edu.cn/tuxiang\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\r\nSUMMARY:forged""#;
    let toml = std::fs::read_to_string(site.path().join("site.toml")).expect("read");
    std::fs::write(site.path().join("site.toml"), toml.replace(r#"base_url = "https://jwc.example.edu.cn/tuxiang""#, forged))
        .expect("write");
    let (code, diags) = check(site.path());
    assert_eq!(code, Some(1), "{:?}", summary(&diags));
    assert_eq!(summary(&diags), ["error site-config site.toml:2:12"]);
    assert!(diags[0].message.contains("回车符"), "{}", diags[0].message);
    assert!(diags[0].help.contains("https://"), "{}", diags[0].help);
    let o = run(site.path(), &["build", "--only", "ics"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let forged = walkdir::WalkDir::new(site.path().join("public"))
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| std::fs::read(e.path()).is_ok_and(|b| String::from_utf8_lossy(&b).contains("forged")));
    assert!(!forged, "no calendar carries the forged event");
}

// Finding 2: fee.amount 15.001 was accepted and printed as "15.".

#[test]
fn an_amount_with_three_decimals_is_an_error_at_its_value() {
    for (amount, says) in [("15.001", "超过两位小数"), ("1e1", "科学计数法"), ("-15", "负数"), (".nan", "应为每人金额")]
    {
        let site = base();
        edit_notice(site.path(), "  amount: 15\n", &format!("  amount: {amount}\n"));
        let (code, diags) = check(site.path());
        assert_eq!(code, Some(1), "{amount}: {:?}", summary(&diags));
        let d = diags.iter().find(|d| d.at == "content/notice.md:10:11").unwrap_or_else(|| panic!("{amount}: {:?}", summary(&diags)));
        assert!(d.message.contains(says), "{amount}: {}", d.message);
        assert!(format!("{}{}", d.message, d.help).contains("金额最多两位小数，如 15 或 15.50"), "{amount}: {d:?}");
        let o = run(site.path(), &["build", "--only", "html"]);
        assert_eq!(o.status.code(), Some(1), "{amount}: {}", stderr(&o));
    }
}

#[test]
fn amounts_with_fen_print_as_before() {
    for (amount, page) in [("15.50", "15.5"), ("15.5", "15.5"), ("15.05", "15.05"), ("\"15\"", "15")] {
        let site = base();
        edit_notice(site.path(), "  amount: 15\n", &format!("  amount: {amount}\n"));
        let (code, diags) = check(site.path());
        assert_eq!(code, Some(0), "{amount}: {:?}", summary(&diags));
        let o = run(site.path(), &["build", "--only", "html"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let html = std::fs::read_to_string(site.path().join("public/notice/index.html")).expect("page");
        assert!(html.contains(&format!("每人 {page} 元")), "{amount}: the page says 每人 {page} 元");
    }
}

// Finding 3: YAML tags (`!!binary`, `!custom`) were silently ignored.

#[test]
fn a_yaml_tag_is_an_error_at_its_line() {
    for (from, to, at) in [
        ("school: 示例大学", "school: !custom 示例大学", "content/notice.md:3:9"),
        ("title: 关于", "title: !!binary 关于", "content/notice.md:2:8"),
        ("  amount: 15\n", "  amount: !!float 15\n", "content/notice.md:10:11"),
    ] {
        let site = base();
        edit_notice(site.path(), from, to);
        let (code, diags) = check(site.path());
        assert_eq!(code, Some(1), "{to}");
        assert_eq!(summary(&diags), [format!("error yaml-tag {at}")], "{to}");
        assert!(diags[0].message.contains(to.split_whitespace().nth(1).unwrap_or("")), "{to}: {}", diags[0].message);
    }
}

// Finding 5: a roster that is a named pipe blocked `check` and `build` forever.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let o = Command::new("mkfifo").arg(path).output().expect("mkfifo runs");
    assert!(o.status.success(), "mkfifo: {}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_roster_that_is_a_named_pipe_is_an_error_at_its_line_not_a_hang() {
    let groups = "  groups:\n    - { college: 文学院, class: 汉语言文学2101, headcount: 57 }\n    - { college: 文学院, class: 汉语言文学2102, headcount: 50 }\n    - { college: 研究生院, headcount: 410 }\n";
    for name in ["r.csv", "r.xlsx"] {
        let site = base();
        edit_notice(site.path(), groups, &format!("  groups: {name}\n"));
        mkfifo(&site.path().join("content").join(name));
        let (code, diags) = check(site.path());
        assert_eq!(code, Some(1), "{name}");
        let d = diags.iter().find(|d| d.code == "not-a-file").unwrap_or_else(|| panic!("{name}: {:?}", summary(&diags)));
        assert_eq!((d.severity.as_str(), d.at.as_str()), ("error", "content/notice.md:25:11"), "{name}");
        assert!(d.message.contains(&format!("content/{name}")) && d.message.contains("命名管道"), "{name}: {}", d.message);
        let o = run(site.path(), &["build"]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("命名管道"), "{name}: {}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn a_release_lock_that_is_a_named_pipe_is_an_error_not_a_hang() {
    let site = base();
    mkfifo(&site.path().join("content/notice.release.json"));
    let (code, diags) = check(site.path());
    assert_eq!(code, Some(1));
    assert_eq!(summary(&diags), ["error release-unreadable content/notice.md:1:1"]);
    assert!(diags[0].message.contains("命名管道"), "{}", diags[0].message);
}

// Finding 4: symlinked notices or folders and `UPPER.MD` files were skipped without a word.

#[cfg(unix)]
#[test]
fn links_pipes_and_upper_case_extensions_are_never_skipped_without_a_word() {
    use std::os::unix::fs::symlink;
    let site = base();
    let (root, content) = (site.path(), site.path().join("content"));
    let text = std::fs::read_to_string(notice(root)).expect("read");
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("notice.md"), &text).expect("write");
    std::fs::create_dir(outside.path().join("dir")).expect("mkdir");
    std::fs::write(outside.path().join("dir/x.md"), &text).expect("write");
    // Read: a link and a linked folder inside the site, and an upper-case extension.
    symlink("notice.md", content.join("alias.md")).expect("symlink");
    std::fs::create_dir(root.join("archive")).expect("mkdir");
    std::fs::write(root.join("archive/old.md"), &text).expect("write");
    symlink("../archive", content.join("archive")).expect("symlink");
    std::fs::write(content.join("UPPER.MD"), &text).expect("write");
    // Skipped, each with a warning.
    symlink(outside.path().join("notice.md"), content.join("outside.md")).expect("symlink");
    symlink(outside.path().join("dir"), content.join("elsewhere")).expect("symlink");
    symlink("missing.md", content.join("gone.md")).expect("symlink");
    symlink(".", content.join("loop")).expect("symlink");
    mkfifo(&content.join("pipe.md"));
    // Skipped silently, as always: drafts and editors' files (Emacs' lock is a broken link).
    std::fs::write(content.join("_draft.md"), &text).expect("write");
    symlink("user@host.1234", content.join(".#notice.md")).expect("symlink");

    let (code, diags) = check(root);
    let mut got = summary(&diags);
    got.sort();
    assert_eq!(
        got,
        [
            "warning notice-extension content/UPPER.MD:1:1",
            "warning notice-skipped content/elsewhere:1:1",
            "warning notice-skipped content/gone.md:1:1",
            "warning notice-skipped content/loop:1:1",
            "warning notice-skipped content/outside.md:1:1",
            "warning notice-skipped content/pipe.md:1:1",
        ]
    );
    assert_eq!(code, Some(0), "warnings only");
    let says = |file: &str, what: &str| {
        let d = diags.iter().find(|d| d.at.starts_with(&format!("content/{file}:"))).expect("diagnostic");
        assert!(d.message.contains(&format!("content/{file}")) && d.message.contains(what), "{file}: {}", d.message);
    };
    says("UPPER.MD", "已按通知读取");
    says("outside.md", "站点以外");
    says("elsewhere", "站点以外");
    says("gone.md", "不存在");
    says("loop", "循环");
    says("pipe.md", "命名管道");
    assert_eq!(run(root, &["check", "--deny-warnings"]).status.code(), Some(1));

    let o = run(root, &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for page in ["notice", "alias", "archive/old", "UPPER"] {
        assert!(root.join("public").join(page).join("index.html").is_file(), "{page} is published");
    }
    for page in ["outside", "elsewhere", "gone", "pipe", "loop", "draft"] {
        assert!(!root.join("public").join(page).exists(), "{page} is not published");
    }
}

// Finding 6: a legal 250-byte notice name failed with a message about its release file.

#[test]
fn a_notice_name_with_no_room_for_its_lock_file_is_an_error_at_the_notice() {
    let site = base();
    let long = format!("{}.md", "a".repeat(247));
    assert_eq!(long.len(), 250);
    std::fs::rename(notice(site.path()), site.path().join("content").join(&long)).expect("rename");
    let (code, diags) = check(site.path());
    assert_eq!(code, Some(1));
    assert_eq!(summary(&diags), [format!("error file-name-too-long content/{long}:1:1")]);
    assert!(diags[0].message.contains("250 字节"), "{}", diags[0].message);
    assert!(diags[0].help.contains("请把文件名缩短到 241 字节以内"), "{}", diags[0].help);
    let o = run(site.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1), "build agrees with check");
    assert!(stderr(&o).contains("file-name-too-long") || stderr(&o).contains("请把文件名缩短到 241 字节以内"), "{}", stderr(&o));

    // 241 bytes is the longest that works, release and all.
    let fits = format!("{}.md", "a".repeat(238));
    std::fs::rename(site.path().join("content").join(&long), site.path().join("content").join(&fits)).expect("rename");
    let (code, diags) = check(site.path());
    assert_eq!((code, summary(&diags)), (Some(0), vec![]));
    let o = run(site.path(), &["release", &format!("content/{fits}")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(site.path().join("content").join(format!("{}.release.json", "a".repeat(238))).is_file());
    let (code, diags) = check(site.path());
    assert_eq!((code, summary(&diags)), (Some(0), vec![]));
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let over = format!("{}.md", "a".repeat(239));
    std::fs::rename(site.path().join("content").join(&fits), site.path().join("content").join(&over)).expect("rename");
    assert_eq!(check(site.path()).0, Some(1), "242 bytes is one too many");
}
