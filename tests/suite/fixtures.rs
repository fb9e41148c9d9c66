//! Every folder under `tests/fixtures/<area>/<case>/` is a site; its `expect.txt` lists the
//! diagnostics `tuxiang check` must report (`CODE FILE:LINE`, one a line) or `ok`.

use super::harness::{diagnostics, manifest_dir, run, stderr, stdout};
use std::path::Path;

fn cases() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for area in ["valid", "invalid", "hostile"] {
        let dir = manifest_dir().join("tests/fixtures").join(area);
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        let mut v: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("expect.txt").is_file()).collect();
        v.sort();
        out.extend(v);
    }
    out
}

fn check_case(dir: &Path) -> Result<(), String> {
    let expect = std::fs::read_to_string(dir.join("expect.txt")).map_err(|e| e.to_string())?;
    let want: Vec<(String, String)> = expect
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && *l != "ok")
        .map(|l| {
            let (code, at) = l.split_once(' ').unwrap_or((l, ""));
            (code.to_string(), at.trim().to_string())
        })
        .collect();
    let o = run(dir, &["check", "--format", "json"]);
    let got = diagnostics(&stdout(&o));
    let code = o.status.code();
    let errors_expected = want.iter().any(|(c, _)| got.iter().any(|g| &g.0 == c && g.2 == "error"))
        || want.iter().any(|(c, _)| !got.iter().any(|g| &g.0 == c));
    let mut problems = Vec::new();
    for w in &want {
        if !got.iter().any(|g| g.0 == w.0 && (w.1.is_empty() || g.1 == w.1)) {
            problems.push(format!("missing {} {}", w.0, w.1));
        }
    }
    for g in &got {
        if g.2 == "error" && !want.iter().any(|w| w.0 == g.0 && (w.1.is_empty() || w.1 == g.1)) {
            problems.push(format!("unexpected {} {} ({})", g.0, g.1, g.2));
        }
    }
    let has_error = got.iter().any(|g| g.2 == "error");
    let want_code = if has_error { 1 } else { 0 };
    if code != Some(want_code) {
        problems.push(format!("exit code {code:?}, expected {want_code}"));
    }
    if code == Some(101) || stderr(&o).contains("panicked") {
        problems.push("panicked".into());
    }
    let _ = errors_expected;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n    {}\n    stdout: {}", dir.display(), problems.join("\n    "), stdout(&o).replace('\n', " ")))
    }
}

#[test]
fn every_fixture_reports_exactly_its_diagnostics() {
    let cases = cases();
    let failures: Vec<String> = cases.iter().filter_map(|c| check_case(c).err()).collect();
    assert!(failures.is_empty(), "{} of {} fixtures failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn every_error_code_has_an_invalid_fixture() {
    let listed: String = cases().iter().filter_map(|c| std::fs::read_to_string(c.join("expect.txt")).ok()).collect();
    let src = std::fs::read_to_string(manifest_dir().join("README.md")).unwrap_or_default();
    // The README's table of codes is the list every code must appear in.
    let codes: Vec<&str> = src.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split('`').next()).collect();
    assert!(!codes.is_empty(), "README lists no diagnostic codes");
    let missing: Vec<&&str> = codes.iter().filter(|c| !listed.contains(&format!("{c} "))).collect();
    assert!(missing.is_empty(), "codes without an invalid fixture: {missing:?}");
}
