//! Printing diagnostics: human (rustc-like, via codespan-reporting), JSON, GitHub annotations.

use super::{Code, Diagnostic, Diagnostics, Severity};
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
    for (d, repeats) in fold_repeats(&diags.items) {
        let primary = file_id(&d.loc.file);
        let mut related: Vec<_> = d.related.iter().map(|(l, m)| (file_id(&l.file), l.clone(), m.clone())).collect();
        let mut d = d.clone();
        if !repeats.is_empty() {
            for r in repeats.iter().take(SHOWN_REPEATS) {
                related.push((file_id(&r.loc.file), r.loc.clone(), format!("同样的问题：{}", r.message)));
            }
            let lines: Vec<String> = repeats.iter().take(12).map(|r| r.loc.line.to_string()).collect();
            let more = if repeats.len() > 12 { "…" } else { "" };
            d.message = format!("{}（同样的问题共 {} 处）", d.message, repeats.len() + 1);
            let note = format!("其余 {} 处在第 {}{more} 行；--format json 逐一列出", repeats.len(), lines.join("、"));
            d.help = Some(match d.help {
                Some(h) => format!("{h}\n{note}"),
                None => note,
            });
        }
        prepared.push((d, primary, related));
    }
    let config = term::Config::default();
    let mut out = String::new();
    for (d, primary, related) in &prepared {
        let (primary, d) = (*primary, d);
        let mut labels = vec![Label::primary(primary, range(&d.loc))];
        for (fid, loc, msg) in related {
            labels.push(Label::secondary(*fid, range(loc)).with_message(msg));
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

/// Repeats beyond the first shown as secondary labels under it.
const SHOWN_REPEATS: usize = 2;

/// The diagnostics with the same problem folded into the first: the same code, severity, file
/// and fix, four times or more (a roster column wrong on every row, a name misspelt in every
/// slot). Each comes with the ones folded into it, in order; fewer than four stay apart.
fn fold_repeats(items: &[Diagnostic]) -> Vec<(&Diagnostic, Vec<&Diagnostic>)> {
    // By index of the first of each problem; the rest folded into it, in order.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut first_of: HashMap<(Code, bool, &str, Option<&str>), usize> = HashMap::new();
    for (i, d) in items.iter().enumerate() {
        let key = (d.code, d.severity == Severity::Error, d.loc.file.name.as_str(), d.help.as_deref());
        match first_of.get(&key) {
            Some(&g) => groups[g].1.push(i),
            None => {
                first_of.insert(key, groups.len());
                groups.push((i, Vec::new()));
            }
        }
    }
    let mut out: Vec<(usize, Vec<usize>)> = Vec::with_capacity(items.len());
    for (first, rest) in groups {
        if rest.len() + 1 >= 4 {
            out.push((first, rest));
        } else {
            out.push((first, Vec::new()));
            out.extend(rest.into_iter().map(|i| (i, Vec::new())));
        }
    }
    // Back in the order they were found.
    out.sort_unstable_by_key(|(i, _)| *i);
    out.into_iter().map(|(i, rest)| (&items[i], rest.into_iter().map(|r| &items[r]).collect())).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::source::{Loc, SourceFile};

    fn diags(rows: u32, help: impl Fn(u32) -> &'static str) -> Diagnostics {
        let text: String = (1..=rows).map(|i| format!("文学院,汉语{i},四十\n")).collect();
        let f = SourceFile::new("名单.csv", text);
        let mut d = Diagnostics::default();
        for i in 1..=rows {
            d.push(Diagnostic::error(Code::RosterHeadcount, &Loc::new(&f, i, 1, 3), "人数不是正整数").help(help(i)));
        }
        d
    }

    #[test]
    fn the_same_problem_four_times_or_more_is_told_once_with_its_lines() {
        let out = render_human(&diags(6, |_| "写成正整数"));
        assert_eq!(out.matches("error[roster-headcount]").count(), 1, "{out}");
        assert!(out.contains("同样的问题共 6 处") && out.contains("其余 5 处在第 2、3、4、5、6 行"), "{out}");
        assert!(out.contains("检查未通过：6 个错误"), "the count is of every one: {out}");
        // Three stay apart; so do ones whose fixes differ.
        assert_eq!(render_human(&diags(3, |_| "写成正整数")).matches("error[").count(), 3);
        let out = render_human(&diags(6, |i| if i % 2 == 0 { "改成 36" } else { "改成 40" }));
        assert_eq!(out.matches("error[").count(), 6, "{out}");
        // JSON lists every one.
        assert_eq!(render_json(&diags(6, |_| "写成正整数")).matches("roster-headcount").count(), 6);
    }
}
