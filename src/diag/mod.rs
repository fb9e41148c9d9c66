//! Diagnostics are data: collected from every stage, sorted, then printed once.

mod code;
mod render;

pub use code::{catalogue, Code, Stage};

pub use render::{render_github, render_human, render_json};

use crate::source::Loc;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable (its text is kebab-case): what CI and tests match on.
    pub code: Code,
    pub loc: Loc,
    /// What is wrong, in plain Chinese.
    pub message: String,
    /// What to change.
    pub help: Option<String>,
    /// Other places that matter (the fact this one contradicts).
    pub related: Vec<(Loc, String)>,
}

impl Diagnostic {
    pub fn error(code: Code, loc: &Loc, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, code, loc: loc.clone(), message: message.into(), help: None, related: Vec::new() }
    }

    pub fn warning(code: Code, loc: &Loc, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, loc, message) }
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn related(mut self, loc: &Loc, label: impl Into<String>) -> Diagnostic {
        self.related.push((loc.clone(), label.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The diagnostics of one run.
#[derive(Default, Debug)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.items.len() - self.errors()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// Stable order: by file, line, column, code.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.loc.file.name, a.loc.line, a.loc.col, a.code, &a.message).cmp(&(
                &b.loc.file.name,
                b.loc.line,
                b.loc.col,
                b.code,
                &b.message,
            ))
        });
        self.items.dedup_by(|a, b| {
            a.code == b.code
                && a.loc.file.name == b.loc.file.name
                && a.loc.line == b.loc.line
                && a.loc.col == b.loc.col
                && a.message == b.message
        });
    }
}
