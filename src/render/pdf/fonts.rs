//! The print fonts: the bundled Noto Sans CJK SC subsets, or a site's fuller font.
//! Parsed once per process and shared (read-only) by every PDF rendered in it.

use anyhow::{anyhow, bail, Context, Result};
use printpdf::ParsedFont;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSansCJKsc-Regular-gbk.otf");
const BOLD: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSansCJKsc-Bold-gbk.otf");

/// Face index of Simplified Chinese in the Noto CJK collections (0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
const NOTO_CJK_SC_FACE: usize = 2;

/// One face with the numbers layout and the glyph check need, read straight from the font's
/// tables (no copy of the font program). The full printpdf parse, which only saving a PDF
/// needs, is made on first use.
pub(crate) struct Face {
    bytes: Cow<'static, [u8]>,
    index: usize,
    /// What the face is, for messages: its file or "内置字体".
    pub origin: String,
    /// PostScript name from the `name` table ("" when it has none).
    pub name: String,
    units_per_em: f32,
    /// Glyph id of every Basic Multilingual Plane code point (0: not in the face).
    bmp: Box<[u16]>,
    /// Glyph ids of the code points above the BMP the face maps.
    astral: HashMap<u32, u16>,
    /// Advance width of every glyph, in font units.
    advances: Box<[u16]>,
    /// The printpdf view of the face, parsed when the first PDF is saved.
    pdf: OnceLock<Option<ParsedFont>>,
}

impl Face {
    fn parse(bytes: Cow<'static, [u8]>, index: usize, origin: String) -> Result<Face> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::tables::cmap::Cmap;
        use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable, NameTable};
        use allsorts::tag;

        let bad = |what: &str| anyhow!("无法读取字体 {origin}（第 {index} 个字形集）：{what}");
        let file = ReadScope::new(&bytes).read::<FontData<'_>>().map_err(|e| bad(&format!("不是 OpenType/TrueType 字体（{e}）")))?;
        let provider = file.table_provider(index).map_err(|_| bad("没有这个字形集"))?;
        let table = |t: u32, what: &str| provider.read_table_data(t).map_err(|_| bad(&format!("缺少 {what} 表")));
        let head_data = table(tag::HEAD, "head")?;
        let head = ReadScope::new(&head_data).read::<HeadTable>().map_err(|_| bad("head 表损坏"))?;
        let maxp_data = table(tag::MAXP, "maxp")?;
        let maxp = ReadScope::new(&maxp_data).read::<MaxpTable>().map_err(|_| bad("maxp 表损坏"))?;
        let hhea_data = table(tag::HHEA, "hhea")?;
        let hhea = ReadScope::new(&hhea_data).read::<HheaTable>().map_err(|_| bad("hhea 表损坏"))?;
        let hmtx_data = table(tag::HMTX, "hmtx")?;
        let hmtx = ReadScope::new(&hmtx_data)
            .read_dep::<HmtxTable<'_>>((usize::from(maxp.num_glyphs), usize::from(hhea.num_h_metrics)))
            .map_err(|_| bad("hmtx 表损坏"))?;
        let advances: Box<[u16]> = (0..maxp.num_glyphs).map(|g| hmtx.horizontal_advance(g).unwrap_or(0)).collect();

        let cmap_data = table(tag::CMAP, "cmap")?;
        let cmap = ReadScope::new(&cmap_data).read::<Cmap<'_>>().map_err(|_| bad("cmap 表损坏"))?;
        let (_, subtable) = allsorts::font::read_cmap_subtable(&cmap).ok().flatten().ok_or_else(|| bad("没有 Unicode 字符映射"))?;
        let mut bmp = vec![0u16; 0x1_0000].into_boxed_slice();
        let mut astral = HashMap::new();
        subtable
            .mappings_fn(|cp, gid| match bmp.get_mut(cp as usize) {
                Some(slot) => *slot = gid,
                None => {
                    astral.insert(cp, gid);
                }
            })
            .map_err(|_| bad("cmap 表损坏"))?;

        let name = provider
            .read_table_data(tag::NAME)
            .ok()
            .and_then(|d| ReadScope::new(&d).read::<NameTable<'_>>().ok().and_then(|t| t.string_for_id(NameTable::POSTSCRIPT_NAME)))
            .unwrap_or_default();
        let units_per_em = f32::from(head.units_per_em.max(1));
        drop(provider);
        drop(file);
        Ok(Face { bytes, index, origin, name, units_per_em, bmp, astral, advances, pdf: OnceLock::new() })
    }

    /// Glyph id of `c`, 0 when the face lacks it.
    fn glyph(&self, c: char) -> u16 {
        let cp = c as u32;
        match self.bmp.get(cp as usize) {
            Some(g) => *g,
            None => self.astral.get(&cp).copied().unwrap_or(0),
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.glyph(c) != 0
    }

    /// Advance width of `c` in em (0 when the face lacks it).
    pub fn advance_em(&self, c: char) -> f32 {
        match self.glyph(c) {
            0 => 0.0,
            g => f32::from(self.advances.get(usize::from(g)).copied().unwrap_or(0)) / self.units_per_em,
        }
    }

    /// The face as printpdf embeds it: parsed once, on first use.
    pub fn pdf_font(&self) -> Result<&ParsedFont> {
        self.pdf
            .get_or_init(|| {
                let mut warnings = Vec::new();
                ParsedFont::from_bytes(&self.bytes, self.index, &mut warnings)
            })
            .as_ref()
            .with_context(|| format!("无法读取字体 {}（第 {} 个字形集）", self.origin, self.index))
    }
}

/// Faces cut down to the characters a group of documents prints (the documents of one
/// notice), for embedding: printpdf subsets each face again for every PDF, which costs in
/// proportion to the face's size, so a few hundred glyphs instead of GBK's 22,000 make that
/// cheap. The glyphs, their CIDs, advances and names are those of the full face.
pub(crate) struct Narrowed {
    pub regular: Option<Cut>,
    pub bold: Option<Cut>,
}

/// One face cut down for a group of documents.
pub(crate) struct Cut {
    /// The cut face's bare CFF program (its outlines), when it has one.
    cff: Option<Vec<u8>>,
    /// Glyph id in the cut face of every character it was cut for.
    gids: HashMap<char, u16>,
    /// printpdf's view of it; its glyph cache is shared by every clone, so each glyph's
    /// width is decoded once per group instead of once per PDF.
    pub font: ParsedFont,
    /// Whether its outlines are a CID-keyed CFF, whose embedded program can be reduced to
    /// one document's glyphs without renumbering them (the PDF addresses glyphs by CID).
    pub cid_keyed: bool,
}

impl Cut {
    /// The bare CFF program of this face reduced to the glyphs of `chars`, CIDs unchanged.
    /// Works on the CFF table alone: no other table and no character map is rebuilt.
    pub fn cff_for(&self, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
        use allsorts::binary::read::ReadScope;
        use allsorts::binary::write::{WriteBinary, WriteBuffer};
        use allsorts::cff::CFF;

        let fail = |e: &dyn std::fmt::Display| anyhow!("无法生成字体子集：{e}");
        let data = self.cff.as_deref().ok_or_else(|| fail(&"没有 CFF 字形"))?;
        let mut ids: Vec<u16> = chars.iter().filter_map(|c| self.gids.get(c).copied()).collect();
        ids.push(0);
        ids.sort_unstable();
        ids.dedup();
        let cff = ReadScope::new(data).read::<CFF<'_>>().map_err(|e| fail(&e))?;
        let subset: CFF<'_> = cff.subset(&ids, true).map_err(|e| fail(&e))?.into();
        let mut out = WriteBuffer::new();
        CFF::write(&mut out, &subset).map_err(|e| fail(&e))?;
        Ok(out.into_inner())
    }
}

impl Face {
    /// This face reduced to the glyphs of `chars` (which it must all have).
    fn narrowed(&self, chars: &BTreeSet<char>) -> Result<Cut> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};
        use allsorts::tables::FontTableProvider;
        use allsorts::tag;

        let mut ids: Vec<u16> = chars.iter().map(|c| self.glyph(*c)).collect();
        ids.push(0);
        ids.sort_unstable();
        ids.dedup();
        // allsorts numbers the cut's glyphs in the order of `ids`.
        let gids = chars
            .iter()
            .filter_map(|c| {
                let at = ids.binary_search(&self.glyph(*c)).ok()?;
                Some((*c, u16::try_from(at).ok()?))
            })
            .collect();
        let fail = |e: &dyn std::fmt::Display| anyhow!("无法为字体 {} 生成子集：{e}", self.origin);
        let file = ReadScope::new(&self.bytes).read::<FontData<'_>>().map_err(|e| fail(&e))?;
        let provider = file.table_provider(self.index).map_err(|e| fail(&e))?;
        // The tables printpdf reads when it embeds a face: outlines (kept by allsorts),
        // metrics, the cmap it encodes text with, the PostScript name and OS/2's weight.
        let profile = SubsetProfile::Custom(vec![tag::CMAP, tag::HEAD, tag::HHEA, tag::HMTX, tag::MAXP, tag::NAME, tag::OS_2, tag::POST]);
        let bytes = subset(&provider, &ids, &profile, CmapTarget::Unicode).map_err(|e| fail(&e))?;
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or_else(|| fail(&"子集无法读取"))?;
        let cid_keyed = printpdf::font::cff_charset_gid_to_cid_map(&bytes, 0).is_some();
        let cff = ReadScope::new(&bytes)
            .read::<FontData<'_>>()
            .ok()
            .and_then(|f| f.table_provider(0).ok()?.read_table_data(tag::CFF).ok().map(|d| d.into_owned()));
        Ok(Cut { cff, gids, font, cid_keyed })
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
            regular: Face::parse(Cow::Borrowed(REGULAR), 0, "内置字体 Noto Sans CJK SC Regular".into())?,
            bold: Some(Face::parse(Cow::Borrowed(BOLD), 0, "内置字体 Noto Sans CJK SC Bold".into())?),
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
        (self.regular.has(c) && self.bold.as_ref().is_none_or(|b| b.has(c))) || c.is_whitespace() || c.is_control()
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

    /// Both faces cut down to the characters given per face (see [`Narrowed`]).
    pub(crate) fn narrowed(&self, regular: &BTreeSet<char>, bold: &BTreeSet<char>) -> Result<Narrowed> {
        let cut = |face: &Face, chars: &BTreeSet<char>| -> Result<Option<Cut>> {
            if chars.is_empty() {
                return Ok(None);
            }
            face.narrowed(chars).map(Some)
        };
        Ok(Narrowed { regular: cut(self.face(false), regular)?, bold: cut(self.face(true), bold)? })
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
    let first = Face::parse(Cow::Owned(bytes), 0, origin.clone())?;
    if !is_collection {
        return Ok(first);
    }
    // A Noto CJK collection holds JP first; its SC face gives mainland glyph forms.
    if first.name.contains("CJK") && first.name.starts_with("Noto") {
        let sc = Face::parse(first.bytes, NOTO_CJK_SC_FACE, origin)?;
        if !sc.name.to_ascii_lowercase().contains("cjksc") {
            bail!("字体集合 {} 的第 {NOTO_CJK_SC_FACE} 个字形集不是简体中文（{}）", path.display(), sc.name);
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
        assert!(f.regular.name.contains("CJKsc"));
        assert!(f.regular.pdf_font().is_ok());
        assert!(f.bold.is_some(), "the Bold sibling is found");
        assert!(f.has_char('堃'));
        assert!(PrintFonts::with_override(Path::new("/nonexistent/font.ttf")).is_err());
    }
}
