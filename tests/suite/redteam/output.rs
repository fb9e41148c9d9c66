//! Red-team findings: output.
//!
//! Publishing used to delete every file in the output folder the build did not produce whenever
//! the folder had no list of an earlier build: `--output .` deleted the site (and its .git),
//! `--output content` every notice, `--output U` someone's thesis. It also moved changed files in
//! one at a time, so a killed build left half a site, and left its staging folder behind.

use super::super::harness::{bin, copy_site, manifest_dir, run, stderr};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Every folder and file under `dir` (files with their bytes): a tree compared before and after.
fn listing(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = e.file_type().is_file().then(|| std::fs::read(e.path()).expect("read"));
            (e.path().strip_prefix(dir).expect("inside").to_path_buf(), bytes)
        })
        .collect()
}

/// A site at `tmp/site` (the basic fixture, a `.git`, a theme), with a neighbour file beside it.
fn site_in_a_folder() -> (tempfile::TempDir, PathBuf) {
    let copy = copy_site(&manifest_dir().join("tests/sites/basic"));
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("site");
    for (rel, bytes) in listing(copy.path()) {
        match bytes {
            Some(b) => std::fs::write(root.join(rel), b).expect("copy"),
            None => std::fs::create_dir_all(root.join(rel)).expect("mkdir"),
        }
    }
    std::fs::create_dir_all(root.join(".git/refs")).expect("git");
    std::fs::write(root.join(".git/HEAD"), "ref: refs/heads/main\n").expect("git");
    std::fs::create_dir_all(root.join("themes/x/static")).expect("theme");
    std::fs::write(root.join("themes/x/static/extra.css"), "p{}").expect("theme");
    std::fs::write(tmp.path().join("neighbour.txt"), "not the site's").expect("neighbour");
    (tmp, root)
}

#[test]
fn the_site_its_inputs_and_its_parent_are_refused_as_output_even_forced() {
    let (tmp, root) = site_in_a_folder();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&root, tmp.path().join("link")).expect("link");
    let before = listing(tmp.path());
    for out in [".", "./", "content", "content/new", "themes/x", "..", "content/..", "../site", "../link", "site.toml"] {
        for force in [false, true] {
            let mut args = vec!["build", "--only", "html", "--output", out];
            if force {
                args.push("--force");
            }
            let o = run(&root, &args);
            assert_eq!(o.status.code(), Some(2), "--output {out} (force {force}): {}", stderr(&o));
            assert!(stderr(&o).contains("--output public"), "says how to fix it: {}", stderr(&o));
            assert_eq!(listing(tmp.path()), before, "--output {out} (force {force}) changed nothing");
        }
    }
}

#[test]
fn a_folder_of_someone_elses_files_is_refused_and_forced_they_are_moved_not_deleted() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let tmp = tempfile::tempdir().expect("tmp");
    let u = tmp.path().join("U");
    std::fs::create_dir_all(u.join("photos")).expect("mkdir");
    std::fs::write(u.join("thesis.docx"), "four years of work").expect("write");
    std::fs::write(u.join("photos/graduation.jpg"), "jpeg").expect("write");
    let theirs = listing(&u);
    let before = listing(tmp.path());

    let o = run(site.path(), &["build", "--only", "html", "--output", u.to_str().expect("utf-8")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("不是 tuxiang 生成的文件") && err.contains("thesis.docx") && err.contains("--force"), "{err}");
    assert_eq!(listing(tmp.path()), before, "nothing written, nothing deleted");

    let o = run(site.path(), &["build", "--only", "html", "--force", "--output", u.to_str().expect("utf-8")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(u.join("index.html").is_file(), "built");
    let moved = tmp.path().join("U.tuxiang-moved");
    assert!(err.contains(&moved.display().to_string()), "the message says where they went: {err}");
    assert_eq!(listing(&moved), theirs, "every file moved, bytes intact");
    assert!(!u.join("thesis.docx").exists(), "not published");
}

#[test]
fn the_record_is_not_published_and_an_old_one_inside_the_output_is_migrated() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = site.path().join("public");
    let published: Vec<PathBuf> = listing(&public).into_keys().collect();
    assert!(published.iter().all(|p| !p.to_string_lossy().contains("tuxiang")), "{published:?}");
    let record = site.path().join(".tuxiang-publish/public.files");
    let list = std::fs::read_to_string(&record).expect("the record beside the output");
    assert!(list.lines().any(|l| l == "index.html"), "{list}");

    // An output folder of an older version: its list inside, a page it made that is no longer
    // produced, and a file of the school's.
    std::fs::remove_dir_all(site.path().join(".tuxiang-publish")).expect("older version");
    std::fs::create_dir_all(public.join("old")).expect("mkdir");
    std::fs::write(public.join("old/page.html"), "old").expect("write");
    std::fs::write(public.join("CNAME"), "jwc.example.edu.cn").expect("write");
    std::fs::write(public.join(".tuxiang-files"), format!("{list}old/page.html\n")).expect("write");
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!public.join(".tuxiang-files").exists(), "no longer published");
    assert!(!public.join("old").exists(), "the old version's page is removed: it was listed as tuxiang's");
    assert!(public.join("CNAME").exists(), "the school's file stays");
    assert_eq!(std::fs::read_to_string(&record).expect("migrated"), list);
}

/// The example site with `copies` more notices: about 40 files a notice (`--only html,json,ics`).
fn big_site(copies: usize) -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("tmp");
    for e in walkdir::WalkDir::new(manifest_dir().join("content")).into_iter().filter_map(Result::ok) {
        let rel = e.path().strip_prefix(manifest_dir()).expect("inside");
        if e.file_type().is_dir() {
            std::fs::create_dir_all(site.path().join(rel)).expect("mkdir");
        } else {
            std::fs::copy(e.path(), site.path().join(rel)).expect("copy");
        }
    }
    std::fs::copy(manifest_dir().join("site.toml"), site.path().join("site.toml")).expect("copy");
    let notice = site.path().join("content/2026/hnust-undergrad.md");
    for i in 0..copies {
        std::fs::copy(&notice, site.path().join(format!("content/2026/copy-{i}.md"))).expect("copy");
    }
    site
}

/// Two states of a site whose builds differ in most files, in added and in removed ones.
fn set_state(root: &Path, b: bool) {
    let toml = std::fs::read_to_string(manifest_dir().join("site.toml")).expect("site.toml");
    let toml = if b { toml.replacen("毕业生图像信息采集", "毕业生图像信息采集（更新）", 1) } else { toml };
    std::fs::write(root.join("site.toml"), toml).expect("write");
    let extra = root.join("content/2026/only-in-b.md");
    if b {
        std::fs::copy(root.join("content/2026/hnust-undergrad.md"), extra).expect("copy");
    } else {
        let _ = std::fs::remove_file(extra);
    }
}

fn build_into(root: &Path, out: &Path) -> std::process::Output {
    run(root, &["build", "--only", "html,json,ics", "--output", out.to_str().expect("utf-8")])
}

/// Leftovers of killed builds: staging folders, old sites, a swap note, moved folders.
fn leftovers(parent: &Path) -> Vec<String> {
    let mut v = Vec::new();
    for dir in [parent.to_path_buf(), parent.join(".tuxiang-publish")] {
        for e in std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.contains(".tmp-") || name.contains(".old-") || name.ends_with(".swap") || name.contains("moved") {
                v.push(name);
            }
        }
    }
    v
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one_whole() {
    let site = big_site(12);
    let root = site.path();
    let refs = tempfile::tempdir().expect("tmp");
    let mut whole = Vec::new();
    for b in [false, true] {
        set_state(root, b);
        let out = refs.path().join(format!("ref-{b}"));
        let o = build_into(root, &out);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        whole.push(listing(&out));
    }
    assert!(whole[0].len() > 300 && whole[0] != whole[1], "two different sites of {} files", whole[0].len());
    let out = root.join("public");
    set_state(root, false);
    assert_eq!(build_into(root, &out).status.code(), Some(0));
    // A rebuild's time: the kills below interrupt rebuilds.
    set_state(root, true);
    let started = std::time::Instant::now();
    assert_eq!(build_into(root, &out).status.code(), Some(0));
    let took = started.elapsed();

    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1;
    let mut killed_after = Vec::new();
    for _ in 0..20 {
        let now = listing(&out);
        let is_b = now == whole[1];
        set_state(root, !is_b);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // From a third of a whole build's time to a little after it: rendering,
        // staging, the swap, emptying the old site.
        let delay = took.mul_f64(0.3 + (seed % 1000) as f64 / 1000.0);
        let mut child = Command::new(bin())
            .arg("--root")
            .arg(root)
            .args(["build", "--only", "html,json,ics"])
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().expect("wait");
        killed_after.push((delay.as_millis(), status.success()));
        let after = listing(&out);
        assert!(after == whole[0] || after == whole[1], "killed after {delay:?}: the output is neither whole site ({killed_after:?})");
    }
    // An earlier version's staging folder, left by a build long gone.
    let dead = (900_000..).find(|pid| !Path::new("/proc").join(pid.to_string()).exists()).expect("a free pid");
    let legacy = root.join(format!(".public.tmp-{dead}"));
    std::fs::create_dir_all(legacy.join("notice")).expect("mkdir");
    let o = run(root, &["build", "--only", "html,json,ics"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let b = listing(&out) == whole[1];
    assert_eq!(listing(&out), whole[usize::from(b)]);
    assert_eq!(leftovers(root), Vec::<String>::new(), "the next build cleans up after killed ones ({killed_after:?})");
}

#[test]
fn two_builds_of_one_output_at_once_both_succeed_with_one_whole_site() {
    let site = big_site(4);
    let root = site.path();
    let refs = tempfile::tempdir().expect("tmp");
    let reference = refs.path().join("ref");
    assert_eq!(build_into(root, &reference).status.code(), Some(0));
    let out = root.join("public");
    // A first build of both, then rebuilds of both over an existing site.
    for round in 0..3 {
        let spawn = || {
            Command::new(bin())
                .arg("--root")
                .arg(root)
                .args(["build", "--only", "html,json,ics"])
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let o = child.wait_with_output().expect("wait");
            assert_eq!(o.status.code(), Some(0), "round {round}: {}", stderr(&o));
        }
        assert_eq!(listing(&out), listing(&reference), "round {round}: one whole site");
        assert_eq!(leftovers(root), Vec::<String>::new());
    }
}
