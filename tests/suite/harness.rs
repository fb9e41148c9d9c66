//! Running the real binary on a site folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_tuxiang")
}

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(bin()).arg("--root").arg(root).args(args).env("NO_COLOR", "1").output().expect("runs tuxiang")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Copies a folder into a fresh temporary directory, so a test can write into it.
pub fn copy_site(from: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for e in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let rel = e.path().strip_prefix(from).expect("inside");
        if rel.starts_with("public") || rel.starts_with("target") || rel.starts_with(".git") {
            continue;
        }
        let to = tmp.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
    tmp
}

/// `(code, "file:line")` of every diagnostic in `check --format json` output.
pub fn diagnostics(json: &str) -> Vec<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("check printed invalid JSON ({e}):\n{json}"));
    v["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                format!("{}:{}", d["file"].as_str().unwrap_or(""), d["line"]),
                d["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}
