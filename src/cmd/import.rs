//! `tuxiang import SOURCE`: a draft notice from a Word, PDF or text notice, and a report of what
//! was read from where and what is missing. `tuxiang check SOURCE` checks such a source directly.

use super::{CANNOT_RUN, CONTENT_ERRORS, OK};
use crate::cli::{Format, ReportFormat};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use tuxiang::base::slug::segment;
use tuxiang::diag::{render_github, render_human, render_json, Diagnostic, Diagnostics};
use tuxiang::import::write::{self, Written};
use tuxiang::import::{self, Doc, Draft};
use tuxiang::source::{Loc, SourceFile};

/// The notice's name: `--name`, else the source file's name.
fn slug_of(source: &Path, name: Option<&str>) -> String {
    let stem = name.map(str::to_string).unwrap_or_else(|| source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
    let s = segment(&stem);
    if s == "-" {
        "notice".into()
    } else {
        s
    }
}

fn read(source: &Path) -> Result<(Doc, Draft), u8> {
    match import::read(source) {
        Ok(doc) => {
            let draft = import::extract(&doc);
            Ok((doc, draft))
        }
        Err(e) => {
            eprintln!("错误：{e}");
            Err(CANNOT_RUN)
        }
    }
}

pub fn run(root: &Path, source: &Path, name: Option<&str>, force: bool, format: ReportFormat) -> Result<u8> {
    let (doc, draft) = match read(source) {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let slug = slug_of(source, name);
    let written = write::draft(&doc, &draft, &write::roster_name(&slug));
    let files = match write::save(root, &slug, &written, force) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("错误：{e}");
            return Ok(CANNOT_RUN);
        }
    };
    let shown: Vec<String> = files.iter().map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string()).collect();
    match format {
        ReportFormat::Json => println!("{}", report_json(&doc, &draft, &written, &shown)),
        ReportFormat::Human => print!("{}", report_human(&doc, &draft, &written, &shown)),
    }
    Ok(OK)
}

fn report_human(doc: &Doc, d: &Draft, w: &Written, files: &[String]) -> String {
    let mut s = format!("已从 {} 生成草稿：{}\n\n", doc.name, files.join("、"));
    if doc.simplified {
        s.push_str("原文是繁体字：草稿里的内容已按简体字写出，原文件没有改动。\n\n");
    }
    s.push_str("读到的内容（请对照原文逐项核对）：\n");
    for f in d.facts() {
        s.push_str(&format!("  {:<22} {}    ← {}\n", f.key, f.value, f.at));
        if let Some(n) = &f.note {
            s.push_str(&format!("  {:<22} 注：{n}\n", ""));
        }
    }
    let missing = d.missing();
    if !missing.is_empty() {
        s.push_str("\n原文没有写、需要补上的（没有就不填，页面不会替学校编造）：\n");
        for (field, what) in missing {
            s.push_str(&format!("  {field:<22} {what}\n"));
        }
    }
    if !d.unsure.is_empty() {
        s.push_str("\n原文似乎写了、但没有把握而没有填的：\n");
        for (field, at, why) in &d.unsure {
            s.push_str(&format!("  {field:<22} {at}：{why}\n"));
        }
    }
    if !w.v2.is_empty() {
        s.push_str(&format!("\n草稿用了通知格式第二版的写法（{}），说明见 docs/notice-format.md 第 12 节。\n", w.v2.join("、")));
    }
    s.push_str("\n下一步：tuxiang check 检查草稿；原文自己的矛盾（星期不符、校对早于采集）会在那里报出。\n");
    s
}

fn report_json(doc: &Doc, d: &Draft, w: &Written, files: &[String]) -> String {
    let facts: Vec<serde_json::Value> = d
        .facts()
        .into_iter()
        .map(|f| serde_json::json!({ "key": f.key, "value": f.value, "at": f.at.to_string(), "line": f.at.text_line(), "note": f.note }))
        .collect();
    let missing: Vec<serde_json::Value> = d.missing().into_iter().map(|(k, w)| serde_json::json!({ "field": k, "what": w })).collect();
    let unsure: Vec<serde_json::Value> =
        d.unsure.iter().map(|(k, at, why)| serde_json::json!({ "field": k, "at": at.to_string(), "why": why })).collect();
    serde_json::json!({ "files": files, "facts": facts, "missing": missing, "unsure": unsure, "v2": w.v2, "simplified": doc.simplified })
        .to_string()
}

/// Whether `check` was given a source notice rather than a site.
pub fn is_source(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("docx" | "pdf" | "txt" | "doc" | "wps"))
}

/// A folder of our own under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let p = std::env::temp_dir().join(format!("tuxiang-check-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&p).with_context(|| format!("无法新建临时文件夹 {}", p.display()))?;
        Ok(Scratch(p))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `tuxiang check SOURCE.docx`: the draft the importer would write, checked as any notice, each
/// diagnostic pointed back at the source's line, paragraph or cell.
pub fn check_source(source: &Path, format: Format, deny_warnings: bool) -> Result<u8> {
    if !is_source(source) {
        eprintln!(
            "错误：{} 不是 Word、PDF 或文本通知：check 只直接检查 .docx、.pdf、.txt；通知文件请放进 content/ 后运行 tuxiang check",
            source.display()
        );
        return Ok(CANNOT_RUN);
    }
    let (doc, draft) = match read(source) {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let slug = slug_of(source, None);
    let written = write::draft(&doc, &draft, &write::roster_name(&slug));
    let scratch = Scratch::new()?;
    write::save(&scratch.0, &slug, &written, false).map_err(|e| anyhow::anyhow!("{e}"))?;
    let rel = format!("content/{slug}.md");
    let (_, found) = tuxiang::site::load_one(&scratch.0, &rel, None);
    let file = SourceFile::new(source.display().to_string(), doc.text.clone());
    let mut d = Diagnostics::default();
    for x in found {
        d.push(back_to_source(x, &rel, &written, &file));
    }
    d.sort();
    match format {
        Format::Human => eprint!("{}", render_human(&d)),
        Format::Json => print!("{}", render_json(&d)),
        Format::Github => print!("{}", render_github(&d)),
    }
    let fail = d.errors() > 0 || (deny_warnings && d.warnings() > 0);
    Ok(if fail { CONTENT_ERRORS } else { OK })
}

fn back_to_source(mut x: Diagnostic, rel: &str, w: &Written, file: &std::sync::Arc<SourceFile>) -> Diagnostic {
    let draft_line = x.loc.line;
    let origin = (x.loc.file.name == rel).then(|| w.origins.get(draft_line.saturating_sub(1) as usize).copied().flatten()).flatten();
    let line = origin.map(|o| o.text_line()).unwrap_or(1).max(1);
    let len = file.line_text(line).chars().count() as u32;
    let shown = x.loc.file.line_text(draft_line).trim().to_string();
    x.loc = Loc::new(file, line, 1, len);
    x.related.clear();
    match origin {
        Some(o) => x.message = format!("{}（{o}）", x.message),
        None => {
            x.message = format!("{}（原文没有写这一项；导入的草稿里是「{shown}」）", x.message);
        }
    }
    x
}
