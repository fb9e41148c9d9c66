//! `tuxiang init DIR`: writes a small working site (settings, one notice, a roster, the front
//! matter schema and editor settings) that `check`s clean and `build`s.

use super::schema::{schema_text, SCHEMA_FILE};
use super::OK;
use anyhow::{bail, Context, Result};
use std::path::Path;

/// The starter site: (path inside the site, contents).
const FILES: &[(&str, &str)] = &[
    ("site.toml", include_str!("../init/site/site.toml")),
    ("content/2026/example.md", include_str!("../init/site/content/2026/example.md")),
    ("content/2026/rosters/2026.csv", include_str!("../init/site/content/2026/rosters/2026.csv")),
    (".vscode/settings.json", include_str!("../init/site/.vscode/settings.json")),
    (".gitignore", include_str!("../init/site/.gitignore")),
    ("README.md", include_str!("../init/site/README.md")),
];

/// Every file `init` writes, with its contents.
pub fn files() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = FILES.iter().map(|(p, t)| (*p, (*t).to_string())).collect();
    out.push((SCHEMA_FILE, schema_text()));
    out
}

pub fn run(dir: &Path, force: bool) -> Result<u8> {
    if dir.exists() && !dir.is_dir() {
        bail!("{} 已存在且不是文件夹", dir.display());
    }
    let files = files();
    if !force {
        let existing: Vec<&str> = files.iter().map(|(p, _)| *p).filter(|p| dir.join(p).symlink_metadata().is_ok()).collect();
        if !existing.is_empty() {
            bail!("{} 里已有这些文件，没有改动任何文件：{}\n如果确定要用示例覆盖它们，加上 --force", dir.display(), existing.join("、"));
        }
    }
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("无法创建文件夹 {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("无法写入 {}", path.display()))?;
    }
    let shown = dir.display();
    eprintln!("已在 {shown} 生成示例站点（{} 个文件）：", files.len());
    for (rel, _) in &files {
        eprintln!("  {rel}");
    }
    eprintln!(
        "下一步：修改 site.toml 和 content/2026/example.md，然后运行\n  tuxiang --root {shown} check\n  tuxiang --root {shown} build"
    );
    Ok(OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_notice_points_at_the_schema_file() {
        let files = files();
        let notice = files.iter().find(|(p, _)| *p == "content/2026/example.md").map(|(_, t)| t.as_str()).unwrap_or("");
        assert!(notice.contains(&format!("$schema=../../{SCHEMA_FILE}")));
        let settings = files.iter().find(|(p, _)| *p == ".vscode/settings.json").map(|(_, t)| t.as_str()).unwrap_or("");
        let v: serde_json::Value = serde_json::from_str(settings).expect("settings.json is JSON");
        assert!(v["yaml.schemas"][format!("./{SCHEMA_FILE}")].is_array());
    }
}
