//! Print outputs: the notice as a PDF, door posters with a QR code per room and day, and
//! sign-in sheets per class. All Chinese is set in the bundled Noto Sans CJK SC subsets (or a
//! site's own font), embedded as subsets; the same input gives byte-identical files.

mod canvas;
mod check;
mod fonts;
mod layout;
mod markdown;
mod notice;
mod poster;
mod qr;
mod sheets;
mod wrap;

#[cfg(test)]
mod tests;

pub use check::missing_glyphs;
pub use fonts::PrintFonts;
pub use notice::{notice_pdf, notice_pdf_versioned};
pub use poster::room_poster;
pub use sheets::college_sheets;

use crate::config::SiteConfig;
use crate::notice::model::Notice;
use anyhow::{bail, Result};
use printpdf::{FontId, Mm, Op, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions};
use std::collections::BTreeSet;

/// What every print output needs besides the notice and its timetable.
pub struct PrintContext<'a> {
    pub fonts: &'a PrintFonts,
    pub site: &'a SiteConfig,
    /// Creation date written into the PDFs (Unix seconds): see [`source_date`].
    pub source_date: i64,
    /// When set, rendering functions queue their document here and return no bytes; the
    /// batch then saves them all with one font subset (see [`Batch`]).
    pub batch: Option<&'a Batch>,
}

/// A document rendered but not yet saved.
struct Pending {
    title: String,
    author: String,
    subject: String,
    width_mm: f32,
    height_mm: f32,
    outline: Vec<Mark>,
    links: Vec<Link>,
    source_date: i64,
    pages: Vec<Vec<Op>>,
}

/// A bookmark: a section's title and where it starts (page from 0; points from the page's top).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mark {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// A link to a web address over a rectangle of a page (points from the page's top-left).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Link {
    pub page: usize,
    pub rect: (f32, f32, f32, f32),
    pub uri: String,
}

/// The documents of one notice, saved together: the fonts are cut down once to the
/// characters all of them print, so that embedding a subset in each PDF works on a few
/// hundred glyphs instead of the whole face. The files are the same as saved one by one,
/// except for the font program's internal layout.
#[derive(Default)]
pub struct Batch {
    docs: std::sync::Mutex<Vec<Pending>>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Saves every queued document, in the order they were rendered.
    pub fn finish(self, fonts: &PrintFonts) -> Result<Vec<Vec<u8>>> {
        let docs = self.docs.into_inner().map_err(|_| anyhow::anyhow!("PDF 批量生成失败（内部错误）"))?;
        let usages: Vec<canvas::Usage> = docs.iter().map(|d| canvas::usage(fonts, &d.pages)).collect();
        let mut regular = BTreeSet::new();
        let mut bold = BTreeSet::new();
        for u in &usages {
            if !u.missing.is_empty() {
                // Reported, with the characters, when the document is saved below.
                regular.clear();
                bold.clear();
                break;
            }
            regular.extend(&u.regular);
            bold.extend(&u.bold);
        }
        let narrowed = fonts.narrowed(&regular, &bold)?;
        docs.into_iter()
            .zip(usages)
            .map(|(d, usage)| {
                let info = DocInfo {
                    title: &d.title,
                    author: &d.author,
                    subject: &d.subject,
                    width_mm: d.width_mm,
                    height_mm: d.height_mm,
                    outline: d.outline,
                    links: d.links,
                };
                write(fonts, Some(&narrowed), d.source_date, &info, d.pages, usage)
            })
            .collect()
    }
}

/// Paper for door posters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PaperSize {
    #[default]
    A4,
    A3,
}

impl PaperSize {
    /// Width and height in millimetres, portrait.
    pub fn mm(self) -> (f32, f32) {
        match self {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::A3 => (297.0, 420.0),
        }
    }
}

/// The creation date for a notice's PDFs: `SOURCE_DATE_EPOCH` when set, else midnight
/// (Asia/Shanghai) of the day the notice was issued. Never the clock, so builds repeat exactly.
pub fn source_date(notice: &Notice) -> i64 {
    if let Some(v) = std::env::var_os("SOURCE_DATE_EPOCH") {
        if let Some(secs) = v.to_str().and_then(|s| s.trim().parse::<i64>().ok()) {
            return secs;
        }
    }
    let day = notice.issued.as_ref().map(|i| i.value).or(notice.capture.first_day()).unwrap_or_default();
    day.and_hms_opt(0, 0, 0).map(|d| d.and_utc().timestamp() - 8 * 3600).unwrap_or(0)
}

/// FNV-1a, 64 bits, from a given offset basis: a stable content hash (not for security).
fn fnv1a(bytes: &[u8], basis: u64) -> u64 {
    bytes.iter().fold(basis, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// Two 64-bit hashes of a whole file, for its document ID: a word at a time (a byte-wise
/// FNV-1a over every PDF cost 2% of a full build). Stable across builds and platforms.
fn document_hash(bytes: &[u8]) -> (u64, u64) {
    let mix = |h: u64, w: u64, k: u64| {
        let h = (h ^ w).wrapping_mul(k);
        h ^ (h >> 29)
    };
    let (mut a, mut b) = (0xcbf2_9ce4_8422_2325u64, 0x6c62_272e_07bb_0142u64);
    let mut words = bytes.chunks_exact(8);
    for w in words.by_ref() {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        a = mix(a, w, 0x0000_0100_0000_01b3);
        b = mix(b, w.rotate_left(31), 0x9e37_79b9_7f4a_7c15);
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    let last = u64::from_le_bytes(tail) ^ ((bytes.len() as u64) << 3);
    (mix(a, last, 0x0000_0100_0000_01b3), mix(b, last.rotate_left(31), 0x9e37_79b9_7f4a_7c15))
}

/// A six-letter subset tag derived from the characters a face prints (ISO 32000 9.6.4).
fn subset_tag(chars: &BTreeSet<char>, salt: &str) -> String {
    let s: String = chars.iter().collect();
    let mut h = fnv1a(s.as_bytes(), fnv1a(salt.as_bytes(), 0xcbf2_9ce4_8422_2325));
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

/// Metadata of one PDF.
pub(crate) struct DocInfo<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub width_mm: f32,
    pub height_mm: f32,
    /// Bookmarks for the sections, in order.
    pub outline: Vec<Mark>,
    /// Links to web pages (beside a QR code to the same address).
    pub links: Vec<Link>,
}

const ID_PLACEHOLDER: &[u8] = b"<00000000000000000000000000000000>";

/// Assembles pages into a PDF: fonts embedded as subsets under content-derived names, dates
/// from `source_date`, and a document ID hashed from the file itself.
/// With a batch in `ctx`, queues the document instead and returns no bytes.
pub(crate) fn save(ctx: &PrintContext, info: &DocInfo, pages: Vec<Vec<Op>>) -> Result<Vec<u8>> {
    if let Some(batch) = ctx.batch {
        let mut docs = batch.docs.lock().map_err(|_| anyhow::anyhow!("PDF 批量生成失败（内部错误）"))?;
        docs.push(Pending {
            title: info.title.to_string(),
            author: info.author.to_string(),
            subject: info.subject.to_string(),
            width_mm: info.width_mm,
            height_mm: info.height_mm,
            outline: info.outline.clone(),
            links: info.links.clone(),
            source_date: ctx.source_date,
            pages,
        });
        return Ok(Vec::new());
    }
    let usage = canvas::usage(ctx.fonts, &pages);
    write(ctx.fonts, None, ctx.source_date, info, pages, usage)
}

/// Writes one PDF; `narrowed` fonts, when given, must cover every character printed.
/// `usage` is what [`canvas::usage`] says of `pages`.
fn write(
    fonts: &PrintFonts,
    narrowed: Option<&fonts::Narrowed>,
    source_date: i64,
    info: &DocInfo,
    mut pages: Vec<Vec<Op>>,
    usage: canvas::Usage,
) -> Result<Vec<u8>> {
    if !usage.missing.is_empty() {
        let list: Vec<String> = usage.missing.iter().map(|c| format!("「{c}」(U+{:04X})", *c as u32)).collect();
        bail!(
            "打印字体（{}）缺少这些字符：{}。请在 site.toml 中用 font 指定包含它们的字体，如 /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            fonts.describe(),
            list.join("、")
        );
    }
    let regular = FontId(subset_tag(&usage.regular, "regular"));
    let mut bold = FontId(subset_tag(&usage.bold, "bold"));
    if bold == regular {
        bold.0 = bold.0.chars().rev().collect();
    }
    for ops in pages.iter_mut() {
        for op in ops.iter_mut() {
            if let Op::SetFont { font: PdfFontHandle::External(id), .. } = op {
                *id = if id.0 == canvas::BOLD_ID { bold.clone() } else { regular.clone() };
            }
        }
    }

    let mut doc = PdfDocument::new(info.title);
    let cut_of = |is_bold: bool| narrowed.and_then(|n| if is_bold { n.bold.as_ref() } else { n.regular.as_ref() });
    // With cut-down CID-keyed faces, printpdf embeds them whole (its own subsetting decodes
    // every glyph again for each PDF) and the programs are reduced afterwards, below.
    let reduce = [(false, &usage.regular), (true, &usage.bold)]
        .iter()
        .filter(|(_, used)| !used.is_empty())
        .all(|(b, _)| cut_of(*b).is_some_and(|c| c.cid_keyed));
    let embed = |is_bold: bool| -> Result<PdfFont> {
        Ok(PdfFont::new(match cut_of(is_bold) {
            Some(c) => c.font.clone(),
            None => fonts.face(is_bold).pdf_font()?.clone(),
        }))
    };
    let tags = [(regular.0.clone(), false), (bold.0.clone(), true)];
    if !usage.regular.is_empty() {
        doc.resources.fonts.map.insert(regular, embed(false)?);
    }
    if !usage.bold.is_empty() {
        doc.resources.fonts.map.insert(bold, embed(true)?);
    }
    let date = printpdf::OffsetDateTime::from_unix_timestamp(source_date)
        .or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0))
        .map_err(|e| anyhow::anyhow!("无效的时间戳 {source_date}：{e}"))?;
    let meta = &mut doc.metadata.info;
    meta.creation_date = date;
    meta.modification_date = date;
    meta.metadata_date = date;
    meta.author = info.author.to_string();
    meta.subject = info.subject.to_string();
    meta.creator = "tuxiang".into();
    meta.producer = format!("tuxiang {} (printpdf)", env!("CARGO_PKG_VERSION"));
    let pdf_pages = pages.into_iter().map(|ops| PdfPage::new(Mm(info.width_mm), Mm(info.height_mm), ops)).collect();
    doc.with_pages(pdf_pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions { subset_fonts: !reduce, ..Default::default() };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    if reduce {
        for (tag, is_bold) in &tags {
            let used = if *is_bold { &usage.bold } else { &usage.regular };
            if let (false, Some(cut)) = (used.is_empty(), cut_of(*is_bold)) {
                reduce_font(&mut lo, tag, &cut.cff_for(used)?)?;
            }
        }
    }
    // printpdf writes an empty PDF/X version (which readers take for a PDF/X claim), an empty
    // identifier and empty keywords: drop them.
    if let Ok(info_id) = lo.trailer.get(b"Info").and_then(lopdf::Object::as_reference) {
        if let Ok(dict) = lo.get_object_mut(info_id).and_then(lopdf::Object::as_dict_mut) {
            for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Keywords"] {
                dict.remove(key);
            }
        }
    }
    document_parts(&mut lo, info);
    // printpdf draws the trailer ID at random; a placeholder is patched with a content hash.
    let zero = lopdf::Object::String(vec![0u8; 16], lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![zero.clone(), zero]));
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| anyhow::anyhow!("无法写出 PDF：{e}"))?;
    let (h1, h2) = document_hash(&bytes);
    let id = format!("<{h1:016x}{h2:016x}>");
    let mut patched = 0;
    let tail_start = bytes.len().saturating_sub(4096);
    let mut i = bytes.len();
    while i > tail_start && patched < 2 {
        i -= 1;
        if bytes[i..].starts_with(ID_PLACEHOLDER) {
            bytes[i..i + ID_PLACEHOLDER.len()].copy_from_slice(id.as_bytes());
            patched += 1;
        }
    }
    if patched != 2 {
        bail!("PDF 文档标识写入失败（内部错误）");
    }
    Ok(bytes)
}

/// What printpdf 0.12 does not write, added to the saved document: the language (/Lang zh-CN),
/// the title shown as the window's title, bookmarks for the sections (/Outlines, each to its
/// place on its page) and link annotations (/URI actions).
fn document_parts(lo: &mut lopdf::Document, info: &DocInfo) {
    use lopdf::{dictionary, Object, StringFormat};
    let text = |s: &str| {
        let mut v = vec![0xfe, 0xff];
        v.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(v, StringFormat::Hexadecimal)
    };
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    let height = canvas::mm(info.height_mm);
    let mut first = None;
    let mut last = None;
    let mut count = 0i64;
    let outlines_id = lo.new_object_id();
    let mut prev: Option<lopdf::ObjectId> = None;
    for m in &info.outline {
        let Some(&page) = page_ids.get(m.page) else { continue };
        let id = lo.new_object_id();
        let dest = vec![Object::Reference(page), "XYZ".into(), Object::Null, Object::Real(height - m.y + 4.0), Object::Null];
        let mut d = dictionary! { "Title" => text(&m.title), "Parent" => Object::Reference(outlines_id), "Dest" => dest };
        if let Some(p) = prev {
            d.set("Prev", Object::Reference(p));
            if let Ok(Object::Dictionary(pd)) = lo.get_object_mut(p) {
                pd.set("Next", Object::Reference(id));
            }
        }
        lo.objects.insert(id, Object::Dictionary(d));
        first.get_or_insert(id);
        last = Some(id);
        prev = Some(id);
        count += 1;
    }
    let mut links_by_page: Vec<Vec<lopdf::ObjectId>> = vec![Vec::new(); page_ids.len()];
    for l in &info.links {
        if l.page >= page_ids.len() {
            continue;
        }
        let (x, y, w, h) = l.rect;
        let rect = vec![Object::Real(x), Object::Real(height - y - h), Object::Real(x + w), Object::Real(height - y)];
        let action = dictionary! { "S" => "URI", "URI" => Object::String(l.uri.as_bytes().to_vec(), StringFormat::Literal) };
        let annot = dictionary! {
            "Type" => "Annot", "Subtype" => "Link", "Rect" => rect, "Border" => vec![0.into(), 0.into(), 0.into()], "A" => action,
        };
        links_by_page[l.page].push(lo.add_object(annot));
    }
    for (page, annots) in page_ids.iter().zip(links_by_page) {
        if annots.is_empty() {
            continue;
        }
        if let Ok(Object::Dictionary(pd)) = lo.get_object_mut(*page) {
            pd.set("Annots", annots.into_iter().map(Object::Reference).collect::<Vec<_>>());
        }
    }
    let Ok(catalog_id) = lo.trailer.get(b"Root").and_then(Object::as_reference) else { return };
    if let (Some(first), Some(last)) = (first, last) {
        let outlines =
            dictionary! { "Type" => "Outlines", "First" => Object::Reference(first), "Last" => Object::Reference(last), "Count" => count };
        lo.objects.insert(outlines_id, Object::Dictionary(outlines));
    }
    if let Ok(Object::Dictionary(catalog)) = lo.get_object_mut(catalog_id) {
        catalog.set("Lang", Object::String(b"zh-CN".to_vec(), StringFormat::Literal));
        catalog.set("ViewerPreferences", dictionary! { "DisplayDocTitle" => true });
        if first.is_some() {
            catalog.set("Outlines", Object::Reference(outlines_id));
            catalog.set("PageMode", "UseOutlines");
        }
    }
}

/// Replaces the program of the embedded font named `tag` with `cff` (the same glyphs the
/// PDF uses, same CIDs) and marks its names as a subset (`TAG+Name`, ISO 32000 9.6.4).
fn reduce_font(lo: &mut lopdf::Document, tag: &str, cff: &[u8]) -> Result<()> {
    use lopdf::Object;
    let internal = || anyhow::anyhow!("PDF 字体子集写入失败（内部错误）");
    let font_ref = lo
        .objects
        .values()
        .find_map(|o| match o {
            Object::Dictionary(d) => d.get(tag.as_bytes()).and_then(Object::as_reference).ok(),
            _ => None,
        })
        .ok_or_else(internal)?;
    let tagged = |name: &[u8]| {
        let mut v = tag.as_bytes().to_vec();
        v.push(b'+');
        v.extend_from_slice(name);
        Object::Name(v)
    };
    let font = lo.get_object_mut(font_ref).and_then(Object::as_dict_mut).map_err(|_| internal())?;
    let base = font.get(b"BaseFont").and_then(Object::as_name).map_err(|_| internal())?.to_vec();
    font.set("BaseFont", tagged(&base));
    let descendants = font.get_mut(b"DescendantFonts").and_then(Object::as_array_mut).map_err(|_| internal())?;
    let descriptor_ref = match descendants.first_mut() {
        Some(Object::Dictionary(d)) => {
            d.set("BaseFont", tagged(&base));
            d.get(b"FontDescriptor").and_then(Object::as_reference).map_err(|_| internal())?
        }
        _ => return Err(internal()),
    };
    let descriptor = lo.get_object_mut(descriptor_ref).and_then(Object::as_dict_mut).map_err(|_| internal())?;
    descriptor.set("FontName", tagged(&base));
    let file_ref = descriptor.get(b"FontFile3").and_then(Object::as_reference).map_err(|_| internal())?;
    match lo.get_object_mut(file_ref) {
        Ok(Object::Stream(stream)) if stream.dict.get(b"Filter").is_err() => {
            stream.set_content(cff.to_vec());
            Ok(())
        }
        _ => Err(internal()),
    }
}

/// Deflates every stream not yet filtered. zlib level 2 instead of lopdf's 9: the slow
/// matcher of level 9 cost a fifth of a build for files about 1% smaller, and level 2 takes a
/// fifth less CPU than level 6 on a province's sign-in sheets for files 6.6% larger.
fn compress(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        if let Some(packed) = deflate(&stream.content) {
            if packed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
}

thread_local! {
    /// One compressor per thread, reset between streams: setting one up costs more than
    /// compressing a page's content stream.
    static DEFLATER: std::cell::RefCell<Option<flate2::Compress>> =
        const { std::cell::RefCell::new(None) };
}

/// `data` as a zlib stream, `None` if the compressor fails.
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    DEFLATER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let z = slot.get_or_insert_with(|| Compress::new(Compression::new(COMPRESSION_LEVEL), true));
        z.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let done = usize::try_from(z.total_in()).ok()?;
            match z.compress_vec(data.get(done..)?, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return Some(out),
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(_) => return None,
            }
        }
    })
}

const COMPRESSION_LEVEL: u32 = 2;

/// Adds «第 N 页 / 共 M 页» at the foot of every page.
pub(crate) fn number_pages(fonts: &PrintFonts, pages: &mut [Vec<Op>], width: f32, height: f32, foot: f32) {
    let total = pages.len();
    for (i, ops) in pages.iter_mut().enumerate() {
        let mut c = canvas::Canvas::new(fonts, height);
        let style = canvas::Style::new(9.0).color(canvas::GRAY);
        c.text_center(width / 2.0, height - foot, &format!("第 {} 页 / 共 {} 页", i + 1, total), style);
        ops.extend(c.ops);
    }
}
