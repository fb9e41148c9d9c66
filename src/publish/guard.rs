//! Which folders may be an output: never the site itself, a folder holding it, nor anything the
//! build reads. A publish replaces the whole output folder, so an output that is (or holds) the
//! site's own files would replace them.
//!
//! Paths are compared canonically — absolute, with `.`, `..` and symbolic links resolved — so
//! `--output content/..`, `--output ../site` or a link to the site root are seen for what they are.

use super::WORK_DIR;
use anyhow::{bail, Context, Result};
use std::path::{Component, Path, PathBuf};

/// What a build reads, and whether it may take over a folder holding files it did not write.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// The site root: the output may be neither it nor a folder holding it.
    pub root: Option<PathBuf>,
    /// Every file and folder the build reads (site.toml, content/, themes/, the font, rosters):
    /// the output may neither lie inside one nor hold one.
    pub inputs: Vec<PathBuf>,
    /// Take over a non-empty folder tuxiang did not make: its files are moved aside, never deleted.
    pub force: bool,
}

/// `path` made absolute, with `.`, `..` and symbolic links resolved as the system resolves them,
/// even where its last parts do not exist yet (the output folder of a first build).
pub fn canonical(path: &Path) -> Result<PathBuf> {
    let path =
        if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().context("无法读取当前文件夹")?.join(path) };
    let parts: Vec<Component> = path.components().collect();
    // The longest part that exists is resolved by the system (`link/..` is the folder holding the
    // link's target); what follows it does not exist, so holds no links, and is added as written.
    for exists in (1..=parts.len()).rev() {
        let Ok(mut resolved) = parts[..exists].iter().collect::<PathBuf>().canonicalize() else { continue };
        for part in &parts[exists..] {
            match part {
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => resolved.push(name),
                _ => {}
            }
        }
        return Ok(resolved);
    }
    bail!("无法读取 {}", path.display())
}

/// The output folder, canonical, once it is none of the folders a build must not replace.
pub fn check(out: &Path, opts: &Options) -> Result<PathBuf> {
    let out = canonical(out)?;
    let shown = out.display();
    let fix = "请换一个文件夹，如默认的 public（去掉 --output，或写 --output public）";
    if let Some(root) = &opts.root {
        let root = canonical(root)?;
        if out == root {
            bail!("输出文件夹 {shown} 就是站点根目录：生成网站会替换 site.toml、content/ 等站点文件。{fix}");
        }
        if root.starts_with(&out) {
            bail!("输出文件夹 {shown} 包含站点根目录 {}：生成网站会替换整个站点。{fix}", root.display());
        }
    }
    for input in &opts.inputs {
        let input = canonical(input)?;
        if out == input {
            bail!("输出文件夹 {shown} 就是站点要读取的 {}：生成网站会替换它。{fix}", input.display());
        }
        if out.starts_with(&input) {
            bail!("输出文件夹 {shown} 在站点要读取的 {} 里：生成网站会覆盖通知、名单、主题或字体。{fix}", input.display());
        }
        if input.starts_with(&out) {
            bail!("输出文件夹 {shown} 里有站点要读取的 {}：生成网站会替换它。{fix}", input.display());
        }
    }
    if out.file_name().is_none() || out.components().any(|c| c.as_os_str() == WORK_DIR) {
        bail!("输出文件夹 {shown} 不能用（它是磁盘根目录，或在 tuxiang 的工作文件夹 {WORK_DIR} 里）。{fix}");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, Options) {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("site");
        for dir in ["content/2026", "themes/mine", "fonts"] {
            std::fs::create_dir_all(root.join(dir)).expect("mkdir");
        }
        std::fs::write(root.join("site.toml"), "").expect("write");
        std::fs::write(root.join("fonts/x.ttf"), "").expect("write");
        let inputs = ["site.toml", "content", "themes", "fonts/x.ttf"].iter().map(|p| root.join(p)).collect();
        (tmp, Options { root: Some(root), inputs, force: false })
    }

    #[test]
    fn canonical_resolves_dots_and_links_and_keeps_missing_parts() {
        let (tmp, opts) = site();
        let root = opts.root.clone().expect("root");
        let real = root.canonicalize().expect("real");
        assert_eq!(canonical(&root.join("content/../public/x/../y")).expect("path"), real.join("public/y"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("content"), tmp.path().join("link")).expect("link");
            assert_eq!(canonical(&tmp.path().join("link/2026/new")).expect("path"), real.join("content/2026/new"));
            assert_eq!(canonical(&tmp.path().join("link/..")).expect("path"), real, "a link's .. is its target's parent");
        }
    }

    #[test]
    fn the_site_its_parents_and_its_inputs_are_refused() {
        let (tmp, opts) = site();
        let root = opts.root.clone().expect("root");
        let refused = [
            (root.clone(), "就是站点根目录"),
            (root.join("content/.."), "就是站点根目录"),
            (tmp.path().to_path_buf(), "包含站点根目录"),
            (root.join("content"), "就是站点要读取的"),
            (root.join("content/2026/new"), "content 里"),
            (root.join("themes/mine"), "themes 里"),
            (root.join("fonts"), "fonts/x.ttf：生成网站会替换它"),
            (root.join(".tuxiang-publish/x"), "工作文件夹"),
        ];
        for (out, why) in refused {
            let err = check(&out, &opts).expect_err(&out.display().to_string()).to_string();
            assert!(err.contains(why) && err.contains("--output public"), "{}: {err}", out.display());
        }
        let ok = check(&root.join("public"), &opts).expect("public is fine");
        assert_eq!(ok, root.canonicalize().expect("real").join("public"));
        assert!(check(&tmp.path().join("www"), &opts).is_ok(), "a folder beside the site is fine");
    }
}
