//! Drawing on one page: text runs, lines and boxes, in points measured from the page's top-left
//! corner (PDF's own origin is the bottom-left; the conversion happens here only).

use super::fonts::PrintFonts;
use printpdf::{
    Cmyk, Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem, TextRenderingMode, WindingOrder,
};
use std::collections::BTreeSet;

/// Placeholder font ids; `mod.rs` replaces them with content-derived subset tags on save.
pub(crate) const REGULAR_ID: &str = "REGULAR";
pub(crate) const BOLD_ID: &str = "BOLD";

/// Millimetres to points.
pub(crate) fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// A position or length for the content stream, to a hundredth of a point (3.5 µm): shorter
/// numbers than f32's shortest form of millimetre conversions (`45.354332`), so pages are
/// smaller and quicker to write and compress, with no visible difference.
fn at(v: f32) -> Pt {
    Pt((v * 100.0).round() / 100.0)
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rgbf(pub f32, pub f32, pub f32);

pub(crate) const BLACK: Rgbf = Rgbf(0.0, 0.0, 0.0);
pub(crate) const GRAY: Rgbf = Rgbf(0.35, 0.35, 0.35);
pub(crate) const LIGHT: Rgbf = Rgbf(0.93, 0.94, 0.96);
pub(crate) const RULE: Rgbf = Rgbf(0.55, 0.55, 0.55);
/// The red of Chinese official-document headers.
pub(crate) const RED: Rgbf = Rgbf(0.78, 0.08, 0.08);
pub(crate) const BLUE: Rgbf = Rgbf(0.08, 0.25, 0.55);

/// Black and greys as the black ink alone (CMYK 0 0 0 K), as print shops expect of text and
/// rules; colours as RGB.
fn color(c: Rgbf) -> Color {
    if c.0 == c.1 && c.1 == c.2 {
        return Color::Cmyk(Cmyk::new(0.0, 0.0, 0.0, 1.0 - c.0, None));
    }
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

/// How a run of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: Rgbf,
}

impl Style {
    pub fn new(size: f32) -> Style {
        Style { size, bold: false, color: BLACK }
    }
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
    pub fn color(self, color: Rgbf) -> Style {
        Style { color, ..self }
    }
}

/// Which characters each face printed, and which ones no face has.
#[derive(Default)]
pub(crate) struct Usage {
    pub regular: BTreeSet<char>,
    pub bold: BTreeSet<char>,
    pub missing: BTreeSet<char>,
}

/// One page being drawn.
pub(crate) struct Canvas<'f> {
    pub fonts: &'f PrintFonts,
    pub height: f32,
    pub ops: Vec<Op>,
    /// The graphics state the ops so far leave behind, so that a setting is written only when
    /// it changes (a sheet's row numbers would otherwise repeat font and colour on every row).
    font: Option<(bool, f32)>,
    fill: Option<Rgbf>,
    stroke: Option<(Rgbf, f32)>,
}

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f PrintFonts, height: f32) -> Canvas<'f> {
        Canvas { fonts, height, ops: Vec::new(), font: None, fill: None, stroke: None }
    }

    /// Forgets the graphics state (after ops were put in front of the page's).
    pub fn reset_state(&mut self) {
        self.font = None;
        self.fill = None;
        self.stroke = None;
    }

    fn set_fill(&mut self, c: Rgbf) {
        if self.fill != Some(c) {
            self.fill = Some(c);
            self.ops.push(Op::SetFillColor { col: color(c) });
        }
    }

    fn set_stroke(&mut self, c: Rgbf, width: f32) {
        let (old_c, old_w) = self.stroke.unzip();
        if old_c != Some(c) {
            self.ops.push(Op::SetOutlineColor { col: color(c) });
        }
        if old_w != Some(width) {
            self.ops.push(Op::SetOutlineThickness { pt: at(width) });
        }
        self.stroke = Some((c, width));
    }

    pub fn text_width(&self, text: &str, style: Style) -> f32 {
        self.fonts.width(text, style.size, style.bold)
    }

    /// Draws `text` with its baseline at `baseline` (from the top) and its left edge at `x`.
    pub fn text(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let real_bold = style.bold && !self.fonts.fake_bold();
        let id = if real_bold { BOLD_ID } else { REGULAR_ID };
        let fake = style.bold && self.fonts.fake_bold();
        self.ops.push(Op::StartTextSection);
        // Font and size are text state and colours graphics state: both outlive a text object.
        if self.font != Some((real_bold, style.size)) {
            self.font = Some((real_bold, style.size));
            self.ops.push(Op::SetFont { font: PdfFontHandle::External(FontId(id.into())), size: Pt(style.size) });
        }
        self.set_fill(style.color);
        if fake {
            self.set_stroke(style.color, style.size * 0.03);
            self.ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
        }
        // In a fresh text object `Td` places the text as a translating `Tm` does, in 2 numbers
        // instead of 6.
        self.ops.push(Op::SetTextCursor { pos: Point { x: at(x), y: at(self.height - baseline) } });
        self.ops.push(Op::ShowText { items: vec![TextItem::Text(text.to_string())] });
        if fake {
            self.ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// Draws `text` centred on `cx`.
    pub fn text_center(&mut self, cx: f32, baseline: f32, text: &str, style: Style) {
        let w = self.text_width(text, style);
        self.text(cx - w / 2.0, baseline, text, style);
    }

    fn point(&self, x: f32, y: f32) -> LinePoint {
        LinePoint { p: Point { x: at(x), y: at(self.height - y) }, bezier: false }
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, c: Rgbf) {
        self.set_stroke(c, width);
        let points = vec![self.point(x1, y1), self.point(x2, y2)];
        self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
    }

    /// A rectangle painted with `mode`; `y` is its top edge.
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) {
        let winding_order = (mode == PaintMode::Fill).then_some(WindingOrder::NonZero);
        let rectangle = Rect { x: at(x), y: at(self.height - y - h), width: at(w), height: at(h), mode: Some(mode), winding_order };
        self.ops.push(Op::DrawRectangle { rectangle });
    }

    /// A filled rectangle; `y` is its top edge.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, c: Rgbf) {
        self.set_fill(c);
        self.rect(x, y, w, h, PaintMode::Fill);
    }

    /// A stroked rectangle; `y` is its top edge.
    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32, c: Rgbf) {
        self.set_stroke(c, width);
        self.rect(x, y, w, h, PaintMode::Stroke);
    }

    /// A ruled grid: a horizontal line at every `ys` from `xs[0]` to the last `xs`, and a
    /// vertical line at every `xs` from `ys[0]` to the last `ys`. One colour and width for all:
    /// a table of blank rows costs a line per row instead of a rectangle per cell.
    pub fn grid(&mut self, xs: &[f32], ys: &[f32], width: f32, c: Rgbf) {
        let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) = (xs.first(), xs.last(), ys.first(), ys.last()) else { return };
        self.set_stroke(c, width);
        for &y in ys {
            let points = vec![self.point(x0, y), self.point(x1, y)];
            self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
        }
        for &x in xs {
            let points = vec![self.point(x, y0), self.point(x, y1)];
            self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
        }
    }

    /// Fills the given rectangles (top-left based) as one path: used for QR modules.
    pub fn fill_rects(&mut self, rects: &[(f32, f32, f32, f32)], c: Rgbf) {
        if rects.is_empty() {
            return;
        }
        let rings = rects
            .iter()
            .map(|&(x, y, w, h)| printpdf::PolygonRing {
                points: vec![self.point(x, y), self.point(x + w, y), self.point(x + w, y + h), self.point(x, y + h)],
            })
            .collect();
        self.set_fill(c);
        self.ops
            .push(Op::DrawPolygon { polygon: printpdf::Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero } });
    }
}

/// Records which characters each face prints on these pages (for subset tags), and which the
/// fonts lack.
pub(crate) fn usage(fonts: &PrintFonts, pages: &[Vec<Op>]) -> Usage {
    let mut u = Usage::default();
    for ops in pages {
        let mut bold = false;
        for op in ops {
            match op {
                Op::SetFont { font: PdfFontHandle::External(FontId(id)), .. } => bold = id == BOLD_ID,
                Op::ShowText { items } => {
                    for item in items {
                        if let TextItem::Text(t) = item {
                            for c in t.chars() {
                                if !fonts.has_char(c) {
                                    u.missing.insert(c);
                                }
                                if bold {
                                    u.bold.insert(c);
                                } else {
                                    u.regular.insert(c);
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(ops: &[Op], pred: fn(&Op) -> bool) -> usize {
        ops.iter().filter(|op| pred(op)).count()
    }

    #[test]
    fn font_and_colours_are_written_only_when_they_change() {
        let fonts = super::super::tests::fonts();
        let mut c = Canvas::new(fonts, 800.0);
        let plain = Style::new(10.0);
        for row in 1..=3 {
            c.text(10.0, 20.0 * row as f32, &row.to_string(), plain);
        }
        assert_eq!(count(&c.ops, |o| matches!(o, Op::SetFont { .. })), 1);
        assert_eq!(count(&c.ops, |o| matches!(o, Op::SetFillColor { .. })), 1);
        assert_eq!(count(&c.ops, |o| matches!(o, Op::StartTextSection)), 3, "one text object a run");

        // A grey rectangle changes the fill colour: the next black text sets it again.
        c.fill_rect(0.0, 0.0, 5.0, 5.0, LIGHT);
        c.text(10.0, 90.0, "4", plain);
        c.text(10.0, 110.0, "5", plain.bold());
        c.text(10.0, 130.0, "6", Style::new(12.0));
        assert_eq!(count(&c.ops, |o| matches!(o, Op::SetFillColor { .. })), 3);
        assert_eq!(count(&c.ops, |o| matches!(o, Op::SetFont { .. })), 3, "bold and 12 pt are new fonts");

        c.line(0.0, 0.0, 1.0, 1.0, 0.5, RULE);
        c.stroke_rect(0.0, 0.0, 1.0, 1.0, 0.5, RULE);
        c.grid(&[0.0, 1.0], &[0.0, 1.0], 0.8, RULE);
        assert_eq!(count(&c.ops, |o| matches!(o, Op::SetOutlineColor { .. })), 1);
        assert_eq!(count(&c.ops, |o| matches!(o, Op::SetOutlineThickness { .. })), 2);

        // A new page starts with nothing set.
        let mut next = Canvas::new(fonts, 800.0);
        next.text(10.0, 20.0, "7", plain);
        assert_eq!(count(&next.ops, |o| matches!(o, Op::SetFont { .. } | Op::SetFillColor { .. })), 2);
    }
}
