//! Printing diagnostics: human (rustc-like, via codespan-reporting), JSON, GitHub annotations.

use super::{Diagnostic, Diagnostics, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use serde_json::json;
use std::collections::HashMap;

/// rustc-style text: `error[code]: message`, `--> file:line:col`, the source line, a caret, help.
pub fn render_human(diags: &Diagnostics) -> String {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<*const crate::source::SourceFile, usize> = HashMap::new();
    let mut file_id = |f: &std::sync::Arc<crate::source::SourceFile>| -> usize {
        *ids.entry(std::sync::Arc::as_ptr(f)).or_insert_with(|| files.add(f.name.clone(), f.text.clone()))
    };
    let mut prepared = Vec::new();
    for d in &diags.items {
        let primary = file_id(&d.loc.file);
        let related: Vec<_> = d.related.iter().map(|(l, m)| (file_id(&l.file), l.clone(), m.clone())).collect();
        prepared.push((d, primary, related));
    }
    let config = term::Config::default();
    let mut out = String::new();
    for (d, primary, related) in prepared {
        let mut labels = vec![Label::primary(primary, range(&d.loc))];
        for (fid, loc, msg) in related {
            labels.push(Label::secondary(fid, range(&loc)).with_message(msg));
        }
        let mut cs = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_code(d.code)
        .with_message(&d.message)
        .with_labels(labels);
        if let Some(h) = &d.help {
            cs = cs.with_notes(vec![format!("修改建议：{h}")]);
        }
        match term::emit_into_string(&config, &files, &cs) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str(&format!(
                "{}[{}]: {}\n  --> {}:{}:{}\n",
                severity_word(d.severity),
                d.code,
                d.message,
                d.loc.file.name,
                d.loc.line,
                d.loc.col
            )),
        }
    }
    out.push_str(&summary(diags));
    out
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The last line of a check: counts in plain Chinese.
pub fn summary(diags: &Diagnostics) -> String {
    let (e, w) = (diags.errors(), diags.warnings());
    if e == 0 && w == 0 {
        "检查通过：没有发现问题。\n".to_string()
    } else if e == 0 {
        format!("检查通过，但有 {w} 个警告。\n")
    } else {
        format!("检查未通过：{e} 个错误，{w} 个警告。\n")
    }
}

fn range(loc: &crate::source::Loc) -> std::ops::Range<usize> {
    let start = loc.file.byte_offset(loc.line, loc.col);
    let line_end = loc.file.byte_offset(loc.line + 1, 1);
    let mut end = start;
    for c in loc.file.text[start..].chars().take(loc.len.max(1) as usize) {
        if c == '\n' || c == '\r' {
            break;
        }
        end += c.len_utf8();
    }
    if end == start && start < line_end {
        end = start + loc.file.text[start..].chars().next().map(char::len_utf8).unwrap_or(0);
    }
    start..end
}

/// The contract's JSON: `{ "diagnostics": [...], "errors": N, "warnings": N }`.
pub fn render_json(diags: &Diagnostics) -> String {
    let items: Vec<_> = diags
        .items
        .iter()
        .map(|d: &Diagnostic| {
            json!({
                "severity": d.severity,
                "code": d.code,
                "file": d.loc.file.name,
                "line": d.loc.line,
                "column": d.loc.col,
                "message": d.message,
                "help": d.help,
                "source_line": d.loc.file.line_text(d.loc.line),
            })
        })
        .collect();
    let v = json!({ "diagnostics": items, "errors": diags.errors(), "warnings": diags.warnings() });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…::…` per diagnostic.
pub fn render_github(diags: &Diagnostics) -> String {
    let mut out = String::new();
    for d in &diags.items {
        let mut msg = d.message.clone();
        if let Some(h) = &d.help {
            msg.push_str("\n修改建议：");
            msg.push_str(h);
        }
        out.push_str(&format!(
            "::{} file={},line={},col={},title={}::{}\n",
            severity_word(d.severity),
            escape_property(&d.loc.file.name),
            d.loc.line,
            d.loc.col,
            escape_property(d.code.as_str()),
            escape_data(&msg)
        ));
    }
    out.push_str(&summary(diags));
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
