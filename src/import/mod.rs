//! `tuxiang import`: the notice a registrar already has (Word, PDF, plain text) as a draft notice.
//!
//! `read` turns the file into numbered lines and table cells, `normalize` undoes what PDF copying
//! and typing do to numbers (full-width digits, `2024 年 4 月`, `8: 30—10: 00`), `extract` finds
//! each fact the format holds with the line or cell it came from, and `write` lays the draft out
//! as front matter, Markdown body and roster. A fact the importer is unsure of is left out and
//! listed, never guessed.

mod cells;
pub mod extract;
pub mod normalize;
pub mod read;
pub mod write;

use std::fmt;

pub use extract::{extract, Draft};
pub use read::{read, ReadError};

/// Where a piece of text stands in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A line of a text file (or of a PDF's extracted text), from 1.
    Line(u32),
    /// A paragraph of a Word document, from 1 (tables' rows do not count).
    Para(u32),
    /// A Word table's cell: table, row and column, each from 1; `line` is its row's line of
    /// `Doc::text`.
    Cell { table: u32, row: u32, col: u32, line: u32 },
}

impl Origin {
    /// The line of the source's text (`Doc::text`) this origin stands on.
    pub fn text_line(self) -> u32 {
        match self {
            Origin::Line(n) | Origin::Para(n) => n,
            Origin::Cell { line, .. } => line,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Line(n) => write!(f, "第 {n} 行"),
            Origin::Para(n) => write!(f, "第 {n} 段"),
            Origin::Cell { table, row, col, .. } => write!(f, "表 {table} 第 {row} 行第 {col} 列"),
        }
    }
}

/// One logical line: a paragraph, or lines a PDF broke mid-sentence joined again. `parts` tells
/// where each joined piece starts (byte offset in `text`) and where it came from.
#[derive(Clone, Debug)]
pub struct Line {
    pub text: String,
    pub parts: Vec<(usize, Origin)>,
    /// A Word heading style (`Heading1`, `标题 1`): a heading whatever its text.
    pub heading: bool,
}

impl Line {
    pub fn new(text: impl Into<String>, at: Origin) -> Line {
        Line { text: text.into(), parts: vec![(0, at)], heading: false }
    }
    /// Where the text at byte `byte` came from.
    pub fn at(&self, byte: usize) -> Origin {
        let i = self.parts.partition_point(|(b, _)| *b <= byte).saturating_sub(1);
        self.parts.get(i).map(|p| p.1).unwrap_or(Origin::Line(1))
    }
    pub fn origin(&self) -> Origin {
        self.at(0)
    }
    /// The text of the first source line joined into this one (a PDF's text runs the next
    /// sentence onto a line that ends without a stop).
    pub fn first_part(&self) -> &str {
        self.parts.get(1).map_or(self.text.as_str(), |&(b, _)| &self.text[..b])
    }
    /// Each source line joined into this one, with where it came from.
    pub fn pieces(&self) -> impl Iterator<Item = (&str, Origin)> + '_ {
        self.parts.iter().enumerate().map(|(i, &(b, at))| {
            let end = self.parts.get(i + 1).map_or(self.text.len(), |p| p.0);
            (self.text.get(b..end).unwrap_or(""), at)
        })
    }
}

/// A block of the source, in reading order.
#[derive(Clone, Debug)]
pub enum Block {
    Para(Line),
    /// Rows of cells (a Word table, or tab-separated lines of text pasted from a table).
    Table(Vec<Vec<Line>>),
}

/// What the source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Word,
    Pdf,
}

/// A source notice as read: its blocks, and its text as lines (what diagnostics point into: the
/// file's own lines for text, one line a paragraph or table row for Word and PDF).
#[derive(Clone, Debug)]
pub struct Doc {
    pub name: String,
    pub kind: Kind,
    pub blocks: Vec<Block>,
    pub text: String,
    /// The source was in traditional characters (a notice copied by another site): its lines
    /// are read, and drafted, in simplified ones; `text` stays as written.
    pub simplified: bool,
}

impl Doc {
    /// Every paragraph line in reading order, tables left out.
    pub fn paras(&self) -> impl Iterator<Item = &Line> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Para(l) => Some(l),
            Block::Table(_) => None,
        })
    }
}
