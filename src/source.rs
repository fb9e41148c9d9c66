//! Source files and locations: every fact the checks talk about remembers where it was written.

use std::fmt;
use std::sync::{Arc, OnceLock};

/// One file that diagnostics may point into: a notice, a roster CSV, `site.toml`.
#[derive(Debug)]
pub struct SourceFile {
    /// Path shown to the user: relative to the site root, with `/` separators.
    pub name: String,
    /// The text as read (BOM removed, line endings kept).
    pub text: String,
    /// Byte offset of the start of every line, built on first use.
    lines: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<SourceFile> {
        Arc::new(SourceFile { name: name.into(), text: text.into(), lines: OnceLock::new() })
    }

    fn starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            let mut v = vec![0];
            v.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            v
        })
    }

    /// How many lines the text has (a last line without a line ending counts).
    pub fn line_count(&self) -> usize {
        self.starts().len()
    }

    /// The text of line `line` (1-based), without its line ending.
    pub fn line_text(&self, line: u32) -> &str {
        let starts = self.starts();
        let Some(&start) = starts.get(line.saturating_sub(1) as usize) else { return "" };
        let end = starts.get(line as usize).copied().unwrap_or(self.text.len());
        let l = self.text[start..end].strip_suffix('\n').unwrap_or(&self.text[start..end]);
        l.strip_suffix('\r').unwrap_or(l)
    }

    /// Byte offset of (line, column), both 1-based, column counted in characters.
    pub fn byte_offset(&self, line: u32, col: u32) -> usize {
        let starts = self.starts();
        let Some(&start) = starts.get(line.saturating_sub(1) as usize) else { return self.text.len() };
        let body = self.line_text(line);
        start + body.chars().take(col.saturating_sub(1) as usize).map(char::len_utf8).sum::<usize>()
    }

    /// (line, column) of a byte offset, both 1-based, column counted in characters.
    pub fn line_col(&self, byte: usize) -> (u32, u32) {
        let byte = floor_char_boundary(&self.text, byte.min(self.text.len()));
        let starts = self.starts();
        let idx = starts.partition_point(|&s| s <= byte).saturating_sub(1);
        let col = self.text[starts[idx]..byte].chars().count() as u32 + 1;
        (idx as u32 + 1, col)
    }

    /// A location covering `len` bytes at byte offset `byte`.
    pub fn loc_at_byte(self: &Arc<Self>, byte: usize, len_bytes: usize) -> Loc {
        let (line, col) = self.line_col(byte);
        let end = floor_char_boundary(&self.text, (byte + len_bytes).min(self.text.len()));
        let start = floor_char_boundary(&self.text, byte);
        let len = self.text[start..end].chars().count().max(1) as u32;
        Loc { file: self.clone(), line, col, len }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where a value stands: file, line and column (both from 1, columns in characters), and how
/// many characters it spans (for the caret line).
#[derive(Clone)]
pub struct Loc {
    pub file: Arc<SourceFile>,
    pub line: u32,
    pub col: u32,
    pub len: u32,
}

impl Loc {
    pub fn new(file: &Arc<SourceFile>, line: u32, col: u32, len: u32) -> Loc {
        Loc { file: file.clone(), line, col, len: len.max(1) }
    }
}

impl fmt::Debug for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.name, self.line, self.col)
    }
}

/// A value together with where it was written.
#[derive(Clone, Debug)]
pub struct At<T> {
    pub value: T,
    pub loc: Loc,
}

impl<T> At<T> {
    pub fn new(value: T, loc: Loc) -> At<T> {
        At { value, loc }
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: serde::Serialize> serde::Serialize for At<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}
