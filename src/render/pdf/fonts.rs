//! The print fonts: the bundled Noto Sans CJK SC subsets, or a site's fuller font.
//! Parsed once per process and shared (read-only) by every PDF rendered in it.

use anyhow::{bail, Context, Result};
use printpdf::ParsedFont;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSansCJKsc-Regular-gbk.otf");
const BOLD: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSansCJKsc-Bold-gbk.otf");

/// Face index of Simplified Chinese in the Noto CJK collections (0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
const NOTO_CJK_SC_FACE: usize = 2;

/// Advances of 256 consecutive code points, in em; negative when the face lacks the character.
type Block = Box<[f32; 256]>;

/// One face with the numbers layout needs.
pub(crate) struct Face {
    pub font: ParsedFont,
    units_per_em: f32,
    /// What the face is, for messages: its file or "内置字体".
    pub origin: String,
    /// Advances of the Basic Multilingual Plane, filled a block of 256 at a time on first use:
    /// a cmap lookup costs far more than layout can afford per character.
    bmp: Vec<OnceLock<Block>>,
}

impl Face {
    fn parse(bytes: &[u8], index: usize, origin: String) -> Result<Face> {
        let mut warnings = Vec::new();
        let font =
            ParsedFont::from_bytes(bytes, index, &mut warnings).with_context(|| format!("无法读取字体 {origin}（第 {index} 个字形集）"))?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let bmp = (0..256).map(|_| OnceLock::new()).collect();
        Ok(Face { font, units_per_em, origin, bmp })
    }

    fn lookup(&self, cp: u32) -> f32 {
        match self.font.lookup_glyph_index(cp) {
            Some(g) if g != 0 => f32::from(self.font.get_horizontal_advance(g)) / self.units_per_em,
            _ => -1.0,
        }
    }

    /// Advance in em, negative when the face lacks `c`.
    fn advance(&self, c: char) -> f32 {
        let cp = c as u32;
        match self.bmp.get((cp >> 8) as usize) {
            Some(cell) => {
                let block = cell.get_or_init(|| {
                    let base = cp & !0xff;
                    let mut b = Box::new([0.0f32; 256]);
                    for (i, slot) in b.iter_mut().enumerate() {
                        *slot = self.lookup(base + i as u32);
                    }
                    b
                });
                block[(cp & 0xff) as usize]
            }
            None => self.lookup(cp),
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.advance(c) >= 0.0
    }

    /// Advance width of `c` in em (0 when the face lacks it).
    pub fn advance_em(&self, c: char) -> f32 {
        self.advance(c).max(0.0)
    }
}

/// The fonts every PDF uses: a regular and a bold face.
pub struct PrintFonts {
    pub(crate) regular: Face,
    /// `None`: bold is drawn by stroking the regular face (fake bold).
    pub(crate) bold: Option<Face>,
}

impl PrintFonts {
    /// The fonts of the default theme (Noto Sans CJK SC, GB2312 and its symbol rows), built
    /// into the binary.
    pub fn bundled() -> Result<PrintFonts> {
        Ok(PrintFonts {
            regular: Face::parse(REGULAR, 0, "内置字体 Noto Sans CJK SC Regular".into())?,
            bold: Some(Face::parse(BOLD, 0, "内置字体 Noto Sans CJK SC Bold".into())?),
        })
    }

    /// A site's own font (`font` in `site.toml`): a .ttf, .otf or .ttc. For a collection, the SC
    /// face of Noto CJK, else the first face. A file beside it named with `Bold` in place of
    /// `Regular` becomes the bold face; without one, bold is stroked.
    pub fn with_override(path: &Path) -> Result<PrintFonts> {
        let regular = load_file(path)?;
        let bold = match bold_sibling(path) {
            Some(p) => Some(load_file(&p)?),
            None => None,
        };
        Ok(PrintFonts { regular, bold })
    }

    /// Whether every face that may print `c` has a glyph for it. Whitespace needs none.
    pub fn has_char(&self, c: char) -> bool {
        if c.is_whitespace() || c.is_control() {
            return true;
        }
        self.regular.has(c) && self.bold.as_ref().is_none_or(|b| b.has(c))
    }

    /// Characters of `text` the fonts lack, each once, in order of appearance.
    pub fn missing_in(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::new();
        for c in text.chars() {
            if !self.has_char(c) && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    pub(crate) fn face(&self, bold: bool) -> &Face {
        match (&self.bold, bold) {
            (Some(b), true) => b,
            _ => &self.regular,
        }
    }

    /// Whether bold text must be stroked because there is no bold face.
    pub(crate) fn fake_bold(&self) -> bool {
        self.bold.is_none()
    }

    /// Width of `text` in points at `size`.
    pub(crate) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        text.chars().map(|c| face.advance_em(c)).sum::<f32>() * size
    }

    /// Describes the fonts for messages.
    pub fn describe(&self) -> &str {
        &self.regular.origin
    }
}

fn load_file(path: &Path) -> Result<Face> {
    let bytes = std::fs::read(path).with_context(|| format!("无法读取字体文件 {}", path.display()))?;
    let origin = path.display().to_string();
    let is_collection = bytes.starts_with(b"ttcf");
    if !is_collection {
        return Face::parse(&bytes, 0, origin);
    }
    // A Noto CJK collection holds JP first; its SC face gives mainland glyph forms.
    let first = Face::parse(&bytes, 0, origin.clone())?;
    let name = first.font.font_name.clone().unwrap_or_default();
    if name.contains("CJK") && name.starts_with("Noto") {
        let sc = Face::parse(&bytes, NOTO_CJK_SC_FACE, origin)?;
        let sc_name = sc.font.font_name.clone().unwrap_or_default();
        if !sc_name.to_ascii_lowercase().contains("cjksc") {
            bail!("字体集合 {} 的第 {NOTO_CJK_SC_FACE} 个字形集不是简体中文（{sc_name}）", path.display());
        }
        return Ok(sc);
    }
    Ok(first)
}

fn bold_sibling(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    if !name.contains("Regular") {
        return None;
    }
    let candidate = path.with_file_name(name.replace("Regular", "Bold"));
    candidate.is_file().then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_gbk_and_its_symbols_but_not_rarer_characters() {
        let f = PrintFonts::bundled().expect("bundled fonts parse");
        for c in "毕业生图像信息采集，。、；：！？（）「」『』《》〔〕“”—…·①ＡａＺ0aZ".chars() {
            assert!(f.has_char(c), "bundled font lacks {c}");
        }
        assert!(f.missing_in("张堃与李喆、光琇医院").is_empty(), "GBK name characters are bundled");
        assert_eq!(f.missing_in("刘䶮"), vec!['䶮'], "CJK extension A is not in GBK");
        // A full-width character is one em wide; Latin is narrower.
        assert!((f.width("采集", 10.0, false) - 20.0).abs() < 0.01);
        assert!(f.width("ab", 10.0, false) < 15.0);
    }

    #[test]
    fn noto_collections_use_the_sc_face() {
        let p = Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        if !p.exists() {
            eprintln!("skipped: {} is not installed (apt-get install fonts-noto-cjk)", p.display());
            return;
        }
        let f = PrintFonts::with_override(p).expect("system Noto CJK parses");
        assert!(f.regular.font.font_name.as_deref().unwrap_or("").contains("CJKsc"));
        assert!(f.bold.is_some(), "the Bold sibling is found");
        assert!(f.has_char('堃'));
        assert!(PrintFonts::with_override(Path::new("/nonexistent/font.ttf")).is_err());
    }
}
