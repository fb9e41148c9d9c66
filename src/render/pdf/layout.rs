//! Flowing blocks down pages: paragraphs, headings that never stand alone at a page's foot,
//! lists, and tables that repeat their header row on every page they cross.

use super::canvas::{Canvas, Rgbf, Style, BLACK, LIGHT, RULE};
use super::fonts::PrintFonts;
use super::wrap::{min_width, wrap, Span, WrappedLine};
use printpdf::Op;

/// Body text size (五号 is 10.5 pt).
pub(crate) const BODY: f32 = 10.5;
/// Line height as a multiple of the text size.
pub(crate) const LEADING: f32 = 1.65;

/// One piece of a flowing document.
#[derive(Clone, Debug)]
pub(crate) enum Block {
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    Para {
        spans: Vec<Span>,
        indent: f32,
    },
    /// A list item: the marker hangs in the indent.
    Item {
        marker: String,
        spans: Vec<Span>,
        depth: u8,
    },
    Table(Table),
    Rule,
}

#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub header: Vec<Vec<Span>>,
    pub rows: Vec<Vec<Vec<Span>>>,
    /// Column widths as fractions of the available width; `None`: from the content.
    pub fractions: Option<Vec<f32>>,
    pub size: f32,
}

pub(crate) struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

/// A document being laid out page by page.
pub(crate) struct Flow<'f> {
    pub fonts: &'f PrintFonts,
    pub width: f32,
    pub height: f32,
    pub margins: Margins,
    pub pages: Vec<Vec<Op>>,
    pub canvas: Canvas<'f>,
    /// Top of the free space on the current page, from the page's top.
    pub y: f32,
    /// Line spacing and gaps as a share of the usual (below 1 to pull a last line or two back
    /// from a page of their own).
    pub squeeze: f32,
    /// Where each heading of level 1 or 2 was set: the document's bookmarks.
    pub outline: Vec<super::Mark>,
}

/// The baseline of a line of `size` text in a line box starting at `top`.
pub(crate) fn baseline(top: f32, line_height: f32, size: f32) -> f32 {
    top + (line_height - size) / 2.0 + size * 0.88
}

/// Draws a wrapped line's runs from `x` on `base`.
pub(crate) fn draw_line(c: &mut Canvas, x: f32, base: f32, line: &WrappedLine, size: f32, color: Rgbf) {
    let mut x = x;
    for s in &line.spans {
        let style = Style { size, bold: s.bold, color };
        c.text(x, base, &s.text, style);
        x += c.text_width(&s.text, style);
    }
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f PrintFonts, width: f32, height: f32, margins: Margins) -> Flow<'f> {
        let y = margins.top;
        Flow { fonts, width, height, margins, pages: Vec::new(), canvas: Canvas::new(fonts, height), y, squeeze: 1.0, outline: Vec::new() }
    }

    pub fn left(&self) -> f32 {
        self.margins.left
    }
    pub fn right(&self) -> f32 {
        self.width - self.margins.right
    }
    pub fn content_width(&self) -> f32 {
        self.right() - self.left()
    }
    fn bottom(&self) -> f32 {
        self.height - self.margins.bottom
    }
    fn at_top(&self) -> bool {
        self.y <= self.margins.top + 0.5
    }

    pub fn page_break(&mut self) {
        let page = std::mem::replace(&mut self.canvas, Canvas::new(self.fonts, self.height));
        self.pages.push(page.ops);
        self.y = self.margins.top;
    }

    /// Starts a new page unless `h` points fit below the cursor (or the page is still empty).
    pub fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom() + 0.01 && !self.at_top() {
            self.page_break();
        }
    }

    /// How full the current page is, from 0 (empty) to 1.
    pub fn fill(&self) -> f32 {
        (self.y - self.margins.top) / (self.bottom() - self.margins.top).max(1.0)
    }

    pub fn finish(mut self) -> Vec<Vec<Op>> {
        let last = std::mem::replace(&mut self.canvas, Canvas::new(self.fonts, self.height));
        self.pages.push(last.ops);
        self.pages
    }

    fn heading_style(level: u8) -> Style {
        match level {
            1 => Style::new(15.0).bold(),
            2 => Style::new(13.0).bold(),
            _ => Style::new(11.5).bold(),
        }
    }

    /// Height of the first line (or header and first row) of a block: what a heading keeps with it.
    fn first_height(&self, b: &Block) -> f32 {
        match b {
            Block::Heading { level, .. } => Self::heading_style(*level).size * LEADING * 2.0,
            Block::Para { .. } | Block::Item { .. } => BODY * LEADING * 2.0,
            Block::Table(t) => {
                let widths = self.column_widths(t);
                let head = self.row_height(&t.header, &widths, t.size, true);
                let first = t.rows.first().map(|r| self.row_height(r, &widths, t.size, false)).unwrap_or(0.0);
                head + first
            }
            Block::Rule => 0.0,
        }
    }

    /// Lays out blocks in order.
    pub fn blocks(&mut self, blocks: &[Block]) {
        for (i, b) in blocks.iter().enumerate() {
            self.block(b, blocks.get(i + 1));
        }
    }

    pub fn block(&mut self, b: &Block, next: Option<&Block>) {
        match b {
            Block::Heading { level, spans } => {
                let style = Self::heading_style(*level);
                let lines = wrap(self.fonts, spans, style.size, self.content_width());
                let lh = style.size * LEADING * self.squeeze;
                let gap = if self.at_top() { 0.0 } else { style.size * 0.6 * self.squeeze };
                let keep = next.map(|n| self.first_height(n)).unwrap_or(0.0);
                self.ensure(gap + lh * lines.len() as f32 + keep);
                if !self.at_top() {
                    self.y += gap;
                }
                let color = if *level <= 2 { super::canvas::BLUE } else { BLACK };
                if *level <= 2 {
                    let title: String = spans.iter().map(|s| s.text.as_str()).collect();
                    self.outline.push(super::Mark { title, page: self.pages.len(), y: self.y });
                }
                for l in &lines {
                    let base = baseline(self.y, lh, style.size);
                    let x = self.left();
                    draw_line(&mut self.canvas, x, base, l, style.size, color);
                    self.y += lh;
                }
                self.y += style.size * 0.2;
            }
            Block::Para { spans, indent } => {
                self.lines(spans, BODY, self.left() + indent, None);
                self.y += BODY * 0.45 * self.squeeze;
            }
            Block::Item { marker, spans, depth } => {
                let indent = BODY * 2.0 * f32::from(*depth + 1);
                self.lines(spans, BODY, self.left() + indent, Some(marker));
                self.y += BODY * 0.2 * self.squeeze;
            }
            Block::Table(t) => {
                self.table(t);
                self.y += BODY * 0.6 * self.squeeze;
            }
            Block::Rule => {
                self.ensure(BODY);
                let (l, r, y) = (self.left(), self.right(), self.y + BODY * 0.5);
                self.canvas.line(l, y, r, y, 0.5, RULE);
                self.y += BODY;
            }
        }
    }

    /// Wrapped text from `x` to the right margin, breaking pages between lines; `marker` hangs
    /// left of `x`. Never leaves a single line of a paragraph at a page's foot.
    pub fn lines(&mut self, spans: &[Span], size: f32, x: f32, marker: Option<&str>) {
        let lines = wrap(self.fonts, spans, size, self.right() - x);
        let lh = size * LEADING * self.squeeze;
        let orphan_guard = if lines.len() >= 2 { 2.0 } else { 1.0 };
        self.ensure(lh * orphan_guard);
        for (i, l) in lines.iter().enumerate() {
            self.ensure(lh);
            let base = baseline(self.y, lh, size);
            if i == 0 {
                if let Some(m) = marker {
                    let style = Style::new(size);
                    let w = self.canvas.text_width(m, style);
                    self.canvas.text(x - w - size * 0.4, base, m, style);
                }
            }
            draw_line(&mut self.canvas, x, base, l, size, BLACK);
            self.y += lh;
        }
    }

    fn pad(size: f32) -> (f32, f32) {
        (size * 0.5, size * 0.35)
    }

    /// Line height in table cells.
    fn cell_leading(&self, size: f32) -> f32 {
        size * 1.4 * self.squeeze
    }

    /// Column widths that fill the content width.
    fn column_widths(&self, t: &Table) -> Vec<f32> {
        let total = self.content_width();
        let n = t.header.len().max(t.rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
        if let Some(f) = &t.fractions {
            let sum: f32 = f.iter().take(n).sum::<f32>().max(0.0001);
            return (0..n).map(|i| f.get(i).copied().unwrap_or(0.0) / sum * total).collect();
        }
        let (px, _) = Self::pad(t.size);
        let mut natural = vec![0.0f32; n];
        let mut minimum = vec![0.0f32; n];
        for (row, bold) in std::iter::once((&t.header, true)).chain(t.rows.iter().map(|r| (r, false))) {
            for (i, cell) in row.iter().enumerate().take(n) {
                let spans: Vec<Span> = cell.iter().map(|s| Span { bold: s.bold || bold, ..s.clone() }).collect();
                let w: f32 = spans.iter().map(|s| self.fonts.width(&s.text, t.size, s.bold)).sum();
                natural[i] = natural[i].max(w + 2.0 * px);
                minimum[i] = minimum[i].max(min_width(self.fonts, &spans, t.size) + 2.0 * px);
            }
        }
        let nat_sum: f32 = natural.iter().sum();
        let min_sum: f32 = minimum.iter().sum();
        if nat_sum <= total {
            // Room to spare goes to the columns in proportion to their text.
            return natural.iter().map(|w| w / nat_sum.max(0.0001) * total).collect();
        }
        if min_sum >= total {
            return minimum.iter().map(|w| w / min_sum * total).collect();
        }
        let slack: f32 = (nat_sum - min_sum).max(0.0001);
        minimum.iter().zip(&natural).map(|(m, nat)| m + (nat - m) / slack * (total - min_sum)).collect()
    }

    fn cell_lines(&self, row: &[Vec<Span>], widths: &[f32], size: f32, bold: bool) -> Vec<Vec<WrappedLine>> {
        let (px, _) = Self::pad(size);
        widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let spans: Vec<Span> =
                    row.get(i).map(|c| c.iter().map(|s| Span { bold: s.bold || bold, ..s.clone() }).collect()).unwrap_or_default();
                wrap(self.fonts, &spans, size, (w - 2.0 * px).max(size))
            })
            .collect()
    }

    fn row_height(&self, row: &[Vec<Span>], widths: &[f32], size: f32, bold: bool) -> f32 {
        let (_, py) = Self::pad(size);
        let lines = self.cell_lines(row, widths, size, bold).iter().map(Vec::len).max().unwrap_or(0).max(1);
        lines as f32 * self.cell_leading(size) + 2.0 * py * self.squeeze
    }

    fn draw_row(&mut self, row: &[Vec<Span>], widths: &[f32], size: f32, header: bool) {
        let (px, py) = Self::pad(size);
        let py = py * self.squeeze;
        let cells = self.cell_lines(row, widths, size, header);
        let h = self.row_height(row, widths, size, header);
        let lh = self.cell_leading(size);
        let mut x = self.left();
        for (i, w) in widths.iter().enumerate() {
            if header {
                self.canvas.fill_rect(x, self.y, *w, h, LIGHT);
            }
            self.canvas.stroke_rect(x, self.y, *w, h, 0.5, RULE);
            if let Some(lines) = cells.get(i) {
                for (k, l) in lines.iter().enumerate() {
                    let top = self.y + py + k as f32 * lh;
                    draw_line(&mut self.canvas, x + px, baseline(top, lh, size), l, size, BLACK);
                }
            }
            x += w;
        }
        self.y += h;
    }

    /// A table; when it crosses a page, the header row is drawn again at the top.
    pub fn table(&mut self, t: &Table) {
        let widths = self.column_widths(t);
        let head_h = self.row_height(&t.header, &widths, t.size, true);
        let first = t.rows.first().map(|r| self.row_height(r, &widths, t.size, false)).unwrap_or(0.0);
        self.ensure(head_h + first);
        let has_header = t.header.iter().any(|c| !c.is_empty());
        if has_header {
            self.draw_row(&t.header, &widths, t.size, true);
        }
        for row in &t.rows {
            let h = self.row_height(row, &widths, t.size, false);
            if self.y + h > self.bottom() + 0.01 {
                self.page_break();
                if has_header {
                    self.draw_row(&t.header, &widths, t.size, true);
                }
            }
            self.draw_row(row, &widths, t.size, false);
        }
    }
}
