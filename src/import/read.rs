//! Reading a source notice: plain text and Markdown as they come, Word's paragraphs and tables
//! (`word/document.xml` inside the .docx zip, read with quick-xml), a PDF's text (lopdf, which
//! maps CJK fonts through their ToUnicode tables). Lines a PDF broke mid-sentence are joined again.

use super::extract::{breadcrumb, is_han, names_a_notice};
use super::{cells, normalize, Block, Doc, Kind, Line, Origin};
use quick_xml::events::Event;
use regex::Regex;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

/// Real notices are 5–500 KB; a Word file with pictures a few MB.
const MAX_SOURCE_BYTES: u64 = 50 * 1024 * 1024;
/// The text of a Word document or a PDF, once unpacked (a zip or stream bomb stops here).
const MAX_TEXT_BYTES: u64 = 32 * 1024 * 1024;

/// Why a source cannot be read: shown to the registrar as is.
#[derive(Debug)]
pub struct ReadError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "无法读取 {}：{}", self.path, self.reason)
    }
}

impl std::error::Error for ReadError {}

/// Reads a .docx, .pdf, .txt or .md notice.
pub fn read(path: &Path) -> Result<Doc, ReadError> {
    let name = path.display().to_string();
    let fail = |reason: String| ReadError { path: name.clone(), reason };
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let meta = std::fs::metadata(path).map_err(|e| fail(io_reason(&e)))?;
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(fail(format!("文件有 {} MB，超过 50 MB 的上限", meta.len() / 1024 / 1024)));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(io_reason(&e)))?;
    let doc = match ext.as_str() {
        "docx" => docx(&name, &bytes).map_err(fail),
        "pdf" => pdf(&name, &bytes).map_err(fail),
        "txt" | "md" | "markdown" | "text" => {
            let text = String::from_utf8(bytes)
                .map_err(|_| fail("不是 UTF-8 编码的文本：请在记事本或 Word 里「另存为」UTF-8 编码的 .txt".into()))?;
            Ok(from_text(&name, Kind::Text, text.strip_prefix('\u{feff}').unwrap_or(&text)))
        }
        "doc" | "wps" => Err(fail("这是旧版 Word 格式（.doc/.wps）：请在 Word 或 WPS 里「另存为」.docx 后再导入".into())),
        _ => Err(fail("只能导入 .docx、.pdf、.txt 或 .md 文件".into())),
    }?;
    Ok(simplified(unannotated(doc)))
}

/// Every line's text rewritten piece by piece, so each piece keeps the place it came from.
fn map_lines(doc: &mut Doc, f: impl Fn(&str) -> String) {
    let map = |line: &mut Line| {
        let ends: Vec<usize> = line.parts.iter().skip(1).map(|p| p.0).chain([line.text.len()]).collect();
        let mut text = String::with_capacity(line.text.len());
        let mut parts = Vec::with_capacity(line.parts.len());
        for (&(from, at), &to) in line.parts.iter().zip(&ends) {
            parts.push((text.len(), at));
            text.push_str(&f(line.text.get(from..to).unwrap_or_default()));
        }
        line.text = text;
        line.parts = parts;
    };
    for b in &mut doc.blocks {
        match b {
            Block::Para(l) => map(l),
            Block::Table(rows) => rows.iter_mut().flatten().for_each(map),
        }
    }
}

/// A character's reading in brackets after it (`学(xué)`), as sites that copy notices print them.
static READING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Han})\s*[（(]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s*[)）]").expect("regex"));

/// Each line as the rules read it, without readings and in simplified characters when the
/// whole text calls for it (as [`unannotated`] and [`simplified`] decide), so that where a line
/// ends a sentence or a title is told the same in any script.
fn readable(text: &str) -> Vec<String> {
    let strip = has_readings(text);
    let lines: Vec<String> = text.lines().map(|l| if strip { READING.replace_all(l, "$1").into_owned() } else { l.to_string() }).collect();
    if traditional(&lines.join("\n")) {
        lines.iter().map(hanconv::t2s).collect()
    } else {
        lines
    }
}

/// Whether enough of a text's characters are traditional ones to read it in simplified.
fn traditional(text: &str) -> bool {
    let han = text.chars().filter(|c| is_han(*c)).count();
    let changed = text
        .chars()
        .filter(|c| is_han(*c))
        .filter(|c| {
            let one = c.to_string();
            hanconv::t2s(&one) != one
        })
        .count();
    changed >= 20 && changed * 20 >= han
}

/// Whether a text prints readings after its characters (three or more: one may be a word's own
/// brackets).
fn has_readings(text: &str) -> bool {
    READING.find_iter(text).take(3).count() >= 3
}

/// A notice with readings (`毕业(yè)生`) read without them: they are no part of the words.
pub fn unannotated(mut doc: Doc) -> Doc {
    if !has_readings(&doc.text) {
        return doc;
    }
    map_lines(&mut doc, |t| READING.replace_all(t, "$1").into_owned());
    doc
}

/// A notice in traditional characters (as sites that copy notices serve them) read in simplified
/// ones: a student registered with 学信网 reads simplified, and so do the importer's rules. A
/// simplified notice with a few traditional characters (a name) is left as written.
pub fn simplified(mut doc: Doc) -> Doc {
    if !traditional(&doc.text) {
        return doc;
    }
    map_lines(&mut doc, |t| hanconv::t2s(t));
    doc.simplified = true;
    doc
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}

/// Heading and list markers: a line that starts with one begins a new paragraph.
pub static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?:\D|\d{4})|\d{1,2}\.\d{1,2}\s*[\p{Han}&&[^寸元米小万倍分天个张人里吨克斤年月日周岁号次]]|\d{1,2}[)）]\s*\p{Han}|[①-⑳]|[-•·*]\s|[A-Za-z][.．、]\s*[\p{Han}\d]|",
        r"附件|第[一二三四五六七八九十\d]+[步条部分]|\d{4}年\d{1,2}月\d{1,2}日\s*$|#)"
    ))
    .expect("regex")
});

/// A line that is an office's name alone, as a notice is signed.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{0,12}(?:大学|学院|学校)?\p{Han}{0,8}(?:教务处|研究生院|学院|办公室|中心|委员会|学生处|学工部|招生就业处)$")
        .expect("regex")
});

/// A web page's header line: when it was posted and how often it was read.
static PAGE_META: LazyLock<Regex> = LazyLock::new(|| {
    // (`资料来源: 作者: 发布时间:2023年03月08日 点击:[]`: a posting label and its date.)
    Regex::new(concat!(
        r"(?:发布|发表|更新)(?:时间|日期)\s*[:：]\s*\d{4}\s*[-年/.]",
        r"|\d{4}[-年]\d{1,2}[-月]\d{1,2}日?.{0,30}(?:浏览|点击|阅读|访问)(?:次数|量)?\s*[:：]?\s*(?:\d+\s*次?|\[\s*\])?\s*$",
        // (`时间:2024-09-22 作者: 学籍办公室`: the page's date and who posted it.)
        r"|^(?:发布)?(?:时间|日期)\s*[:：]\s*\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?.{0,10}?(?:作者|来源|编辑|供稿|发布人|发布者|审核)\s*[:：]",
    ))
    .expect("regex")
});

/// A label of a PDF's box of facts alone on its line: `采集对象`, `采集时间`, `图像校对`.
static FACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:采集|拍摄|拍照)?(?:对象|时间|地点|费用)|采集码|到场|图像校对|补拍|联系方式|收费标准|缴费方式)$").expect("regex")
});

/// A line that is a date or a time range and nothing more (a bracket after it aside).
static WHEN_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}月\d{1,2}日|(?:上午|下午|晚上)?\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2})\s*(?:[（(][^）)]{1,8}[）)])?$")
        .expect("regex")
});

/// A line opening with a campus's name.
static CAMPUS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Han}{2,4}校区").expect("regex"));

/// A short label and a colon (`北校区：`, `地点:`) opening a line.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:\d{2,4}\s*[级届])?\p{Han}{1,6}|\p{Han}{0,4}(?:QQ|E-mail|Email|邮箱|微信)|\p{Han}{2,6}(?:采集|拍摄|拍照)(?:地点|时间))\s*[:：]")
        .expect("regex")
});

/// A clock time closing a line: `…:9:00-16:00`.
static ENDS_WITH_TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,2}\s*[:：]\s*\d{2}$").expect("regex"));
/// A place and nothing else: `文汇楼一栋1403教室`, `南学楼106教室`.
static PLACE_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Han}A-Za-z0-9()（）\-]{2,24}(?:室|厅|馆|楼|中心)$").expect("regex"));
/// A line that opens with a range of hours: `9:00-10:00 经管2001-2005班`, `上午8:30-9:00 …`.
static STARTS_WITH_HOURS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:上午|下午|中午|晚上)?\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}").expect("regex"));
/// A day and its hours opening a line, after at most a short name (`紫金港 10月14日下午14:10-17:20 地点:…`,
/// `10月21日9:00-17:00 地点:…`): one row of a list of days.
static DAY_AND_HOURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Han}{2,4}\s*)?(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]?\D[^:：]{0,12}?\d{1,2}\s*[:：]\s*\d{2}\s*[-—~～至]+\s*\d{1,2}\s*[:：]\s*\d{2}")
        .expect("regex")
});
/// A date opening a line: `1027日(…)`, `10月27日`, `2023年10月27日`.
static STARTS_WITH_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|^\d{3,4}\s*日").expect("regex"));

/// A topic's heading without a number (or with its number lost): `数码信息采集时间`, `.采集对象`.
static TOPIC_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^[、.．]?\p{{Han}}{{0,8}}(?:{})$", super::extract::TOPIC_WORDS)).expect("regex"));

/// Days and a colon opening a line: `4月28日-29日:`, `4月30日(周二):`.
static DATED_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"{}\s*[:：]", super::extract::DAY_RUN_START)).expect("regex"));

/// A web page's header line ends with its date (`作者:  时间:2024-05-15`): no sentence goes on.
static ENDS_WITH_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$").expect("regex"));

/// Sentence ends: a line ending so is not continued on the next one.
fn ends_sentence(s: &str) -> bool {
    s.ends_with(['。', '！', '？', '；', '：', ':', ';', '!', '?'])
}

/// Text (a file, or a PDF's extracted text) as blocks: lines joined where a PDF broke a
/// sentence, tab-separated or `|`-separated lines as table rows.
pub fn from_text(name: &str, kind: Kind, text: &str) -> Doc {
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur: Option<Line> = None;
    let mut rows: Vec<Vec<Line>> = Vec::new();
    let flush_rows = |rows: &mut Vec<Vec<Line>>, blocks: &mut Vec<Block>| {
        if !rows.is_empty() {
            blocks.push(Block::Table(std::mem::take(rows)));
        }
    };
    let norms: Vec<String> = readable(text).iter().map(|l| normalize::line(l)).collect();
    // The lines a cell-per-line table may stand on: not blank, not already a pasted table's row.
    let single: Vec<(u32, &str)> = text
        .lines()
        .zip(&norms)
        .enumerate()
        .filter(|(_, (raw, norm))| !norm.trim().is_empty() && table_row(raw).is_none())
        .map(|(i, (_, norm))| (i as u32 + 1, norm.trim()))
        .collect();
    let mut next_single = 0;
    let mut skip_to = 0;
    let mut prev_cell = false;
    let mut open_label = false;
    for (i, raw) in text.lines().enumerate() {
        let at = Origin::Line(i as u32 + 1);
        if (i as u32 + 1) < skip_to {
            continue;
        }
        let norm = &norms[i];
        if let Some(cells) = table_row(raw) {
            let cells: Vec<String> = cells.iter().map(|c| normalize::line(c)).collect();
            blocks.extend(cur.take().map(Block::Para));
            // A whole table flattened onto one line, after the sentence that announces it.
            if let Some((before, found)) = cells::flat_table(&cells, i as u32 + 1) {
                flush_rows(&mut rows, &mut blocks);
                if !before.is_empty() {
                    blocks.push(Block::Para(Line::new(before, at)));
                }
                blocks.push(Block::Table(found.rows));
                continue;
            }
            if !cells.iter().all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                rows.push(cells.into_iter().map(|c| Line::new(c.trim(), at)).collect());
            }
            continue;
        }
        let t = norm.trim();
        // Blank lines are no paragraph break: text copied out of a PDF has them between the
        // lines of one sentence; only the sentence decides.
        if t.is_empty() {
            continue;
        }
        flush_rows(&mut rows, &mut blocks);
        // A table's cell given a line of its own (`博学楼(一号楼)A107 |`): its text, a line of its
        // own, never part of a sentence.
        let cell = t.ends_with('|');
        let t = if cell { t.trim_matches(|c: char| c == '|' || c.is_whitespace()) } else { t };
        let k = next_single;
        next_single += 1;
        // An empty cell of a table given a cell per line (`|`) says nothing.
        if t.is_empty() {
            continue;
        }
        if cells::column(t).is_some() {
            if let Some(found) = cells::table_at(&single, k) {
                blocks.extend(cur.take().map(Block::Para));
                blocks.push(Block::Table(found.rows));
                next_single = found.end;
                skip_to = single.get(found.end).map_or(u32::MAX, |l| l.0);
                continue;
            }
        }
        // A PDF's box of facts, a label on a line and its value on the lines after it
        // (`采集时间` / `4月12日（周六）08:00-11:30…`): the label and its value are one line, never
        // run into the label after them.
        if kind == Kind::Pdf && !cell && FACT_LABEL.is_match(t) {
            blocks.extend(cur.take().map(Block::Para));
            cur = Some(Line::new(format!("{t}："), at));
            open_label = true;
            continue;
        }
        if std::mem::take(&mut open_label) && !MARKER.is_match(t) {
            if let Some(c) = cur.as_mut() {
                c.parts.push((c.text.len(), at));
                c.text.push_str(t);
                continue;
            }
        }
        match cur.as_mut() {
            Some(c) if !cell && !prev_cell && continues(&c.text, t) => {
                c.parts.push((c.text.len(), at));
                c.text.push_str(t);
            }
            _ => {
                blocks.extend(cur.take().map(Block::Para));
                cur = Some(Line::new(t, at));
            }
        }
        prev_cell = cell;
    }
    blocks.extend(cur.map(Block::Para));
    flush_rows(&mut rows, &mut blocks);
    Doc { name: name.to_string(), kind, blocks, text: text.to_string(), simplified: false }
}

/// A line of a table pasted as text: cells separated by tabs, or a Markdown table row.
fn table_row(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    // (`| 网络教育…工作要求 |`: one cell framed is a line, not a table.)
    if t.starts_with('|') && t.ends_with('|') && t.matches('|').count() == 2 {
        return None;
    }
    if t.starts_with('|') && t.ends_with('|') && t.len() > 1 {
        return Some(t[1..t.len() - 1].split('|').map(str::to_string).collect());
    }
    // A web page's table row, each cell ended by ` |`: `学院 | 时间 | 学院 | 时间 |`.
    if t.ends_with('|') && t.matches('|').count() >= 2 {
        return Some(t[..t.len() - 1].split('|').map(str::to_string).collect());
    }
    if line.contains('\t') && line.split('\t').filter(|c| !c.trim().is_empty()).count() >= 1 && line.split('\t').count() >= 3 {
        return Some(line.split('\t').map(str::to_string).collect());
    }
    None
}

/// Whether `next` continues the sentence `prev` (a PDF's line break, not the author's).
fn continues(prev: &str, next: &str) -> bool {
    if ends_sentence(prev)
        || MARKER.is_match(next)
        || prev.ends_with("通知")
        || names_a_notice(prev)
        || ENDS_WITH_DATE.is_match(prev)
        || breadcrumb(prev)
    {
        return false;
    }
    // `各学院(部)、校外教学点、相关学生:`: a greeting, however many it greets.
    let short_greeting =
        next.ends_with(['：', ':']) && (next.chars().count() <= 15 || next.starts_with('各') && next.chars().count() <= 40);
    // A web page's header (`时间:2024-07-05 23:28:52浏览:477次`) is page furniture, not a sentence.
    if PAGE_META.is_match(prev) {
        return false;
    }
    // A labelled item (`北校区：北校区图书馆大厅`) starts a line of its own, as does the next
    // campus's room after a room (`…108 教室` / `新芜校区 A1教学楼 N104教室`).
    // A date or a time alone (`11月21日(东校区)`, `8:30-9:00`): a timetable's cell, a line of its own.
    if WHEN_ALONE.is_match(next.trim()) {
        return false;
    }
    // Hours closing a line, a date opening the next (`1026日(温江校区):9:00-16:00` /
    // `1027日(十二桥校区):9:00-16:00`): a list of days, one a line.
    // …or a place alone on the next (`呈贡校区: 2017年10月25日(星期三),上午8:00 — 12:00` /
    // `文汇楼一栋1403教室`): the place of that day.
    if ENDS_WITH_TIME.is_match(prev.trim_end()) && (STARTS_WITH_DATE.is_match(next.trim_start()) || PLACE_ALONE.is_match(next.trim())) {
        return false;
    }
    // `数码信息采集时间` alone on a line: a topic's heading, never part of a sentence.
    if TOPIC_LINE.is_match(next.trim()) || TOPIC_LINE.is_match(prev.trim()) {
        return false;
    }
    // `4月28日-29日:高明校区(学生活动中心舞蹈室)` / `4月30日:禅城校区(羽毛球馆)`: days and what
    // they hold, an item a line.
    if DATED_ITEM.is_match(next.trim_start()) || DATED_ITEM.is_match(prev.trim_start()) {
        return false;
    }
    // A bilingual notice's English line after its Chinese one, or the other way round: two lines.
    let latin = |t: &str| {
        let letters = t.chars().filter(char::is_ascii_alphabetic).count();
        letters >= 6 && letters * 2 > t.chars().filter(|c| !c.is_whitespace()).count()
    };
    if latin(prev) != latin(next) {
        return false;
    }
    // Rows of hours and who comes (`9:00-10:00  经管2001-2005班` / `10:00-11:00 经管2006-2010班`):
    // one a line.
    if STARTS_WITH_HOURS.is_match(next.trim_start()) && STARTS_WITH_HOURS.is_match(prev.trim_start()) {
        return false;
    }
    // …and rows of a day and its hours (`10月14日下午14:10-17:20 地点:…` / `10月21日9:00-17:00 地点:…`).
    if DAY_AND_HOURS.is_match(next.trim_start()) && DAY_AND_HOURS.is_match(prev.trim_start()) {
        return false;
    }
    // …and the last row before the prose goes on (`11:00-12:00 经管2011-2013班` / `以班级为单位拍照,…`).
    if STARTS_WITH_HOURS.is_match(prev.trim_start()) && prev.trim_end().ends_with(['班', '院', '系', '级', '生', '部']) {
        return false;
    }
    // A breadcrumb, or a title (`关于…的通知`), begins its own line too.
    if breadcrumb(next) || next.trim_start().starts_with("关于") && next.trim_end().ends_with("通知") {
        return false;
    }
    if LABELLED.is_match(next) || CAMPUS.is_match(next) && prev.ends_with(['室', '厅', '馆', '楼', '堂']) {
        return false;
    }
    // The signature (`南京医科大学继续教育学院`) stands on its own line.
    if SIGNATURE.is_match(next) {
        return false;
    }
    // `4、按照…联系电话:86574429` then `5根据…`: the next item, its 、 lost.
    let number = |t: &str| t.trim_start().chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u32>().ok();
    if let (Some(a), Some(b)) = (number(prev).filter(|_| MARKER.is_match(prev)), number(next)) {
        let rest = next.trim_start().trim_start_matches(|c: char| c.is_ascii_digit());
        if b == a + 1 && rest.starts_with(is_han) {
            return false;
        }
    }
    // A title broken over two lines (`关于印发《重庆广播电视大学` / `2021届…实施方案》的通知`).
    let title_goes_on = prev.trim_start().starts_with("关于") && next.trim_end().ends_with("通知") && !prev.contains(['。', '：', ':']);
    let wrapped = title_goes_on || prev.chars().count() >= 16 || prev.ends_with(['，', ',', '、', '（', '(', '“']);
    wrapped && !short_greeting
}

/// A PDF's text, page by page, read as text.
fn pdf(name: &str, bytes: &[u8]) -> Result<Doc, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("不是可读的 PDF（{e}）"))?;
    if doc.is_encrypted() {
        return Err("PDF 有密码保护：请导出一份没有密码的 PDF，或导入 Word 原文".into());
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut text = String::new();
    for p in pages {
        // A page that cannot be read is left out rather than failing the whole file.
        if let Ok(t) = doc.extract_text_with_limit(&[p], MAX_TEXT_BYTES as usize) {
            text.push_str(&t);
            if !t.ends_with('\n') {
                text.push('\n');
            }
        }
    }
    if text.chars().filter(|c| !c.is_whitespace()).count() < 20 {
        return Err("PDF 里没有可提取的文字（可能是扫描件）：请导入 Word 原文，或把文字复制到 .txt 后导入".into());
    }
    Ok(from_text(name, Kind::Pdf, &text))
}

/// A Word document: paragraphs (with their heading style) and tables, each paragraph and each
/// table row one line of `Doc::text`.
fn docx(name: &str, bytes: &[u8]) -> Result<Doc, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| "不是 Word 文档（.docx 应是 zip 压缩包）".to_string())?;
    let mut xml = String::new();
    let entry = zip.by_name("word/document.xml").map_err(|_| "Word 文档里没有正文（word/document.xml）".to_string())?;
    entry.take(MAX_TEXT_BYTES).read_to_string(&mut xml).map_err(|e| format!("Word 正文读不出来（{e}）"))?;
    parse_document_xml(name, &xml)
}

#[derive(Default)]
struct DocxState {
    blocks: Vec<Block>,
    lines: Vec<String>,
    /// Table nesting: only the outermost table is kept as a table.
    depth: usize,
    table: Vec<Vec<Line>>,
    row: Vec<Line>,
    cell: Option<String>,
    para: String,
    heading: bool,
    tables: u32,
    span: u32,
}

fn parse_document_xml(name: &str, xml: &str) -> Result<Doc, String> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut s = DocxState::default();
    let mut in_text = false;
    loop {
        let ev = r.read_event().map_err(|e| format!("Word 正文的 XML 有误（{e}）"))?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "t" => in_text = !empty,
                "tab" => s.para.push('\t'),
                "br" | "cr" => s.para.push('\n'),
                "pStyle" => {
                    let v = attr(&e, "val");
                    s.heading = v.starts_with("Heading")
                        || v.starts_with("heading")
                        || v.starts_with("Title")
                        || v.starts_with("标题")
                        || matches!(v.as_str(), "1" | "2" | "3" | "4");
                }
                "gridSpan" => s.span = attr(&e, "val").parse().unwrap_or(1),
                "tbl" => {
                    s.depth += 1;
                    if s.depth == 1 {
                        s.tables += 1;
                        s.table.clear();
                    }
                }
                "tr" if s.depth == 1 => s.row.clear(),
                "tc" if s.depth == 1 => {
                    s.cell = Some(String::new());
                    s.span = 1;
                }
                _ => {}
            },
            Event::Text(t) if in_text => s.para.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_text => {
                let c = g.resolve_char_ref().ok().flatten().or(match &*g {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                });
                s.para.extend(c);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => end_para(&mut s),
                "tc" if s.depth == 1 => {
                    let text = s.cell.take().unwrap_or_default();
                    let (table, col) = (s.tables, s.row.len() as u32 + 1);
                    // The row's line is known once the row ends; 0 until then.
                    s.row.push(Line::new(normalize::line(&text).trim(), Origin::Cell { table, row: 0, col, line: 0 }));
                    for _ in 1..s.span.max(1) {
                        s.row.push(Line::new("", Origin::Cell { table, row: 0, col, line: 0 }));
                    }
                }
                "tr" if s.depth == 1 => {
                    let (line, row_no) = (s.lines.len() as u32 + 1, s.table.len() as u32 + 1);
                    let texts: Vec<&str> = s.row.iter().map(|c| c.text.as_str()).collect();
                    s.lines.push(texts.join("\t"));
                    let mut row = std::mem::take(&mut s.row);
                    for c in &mut row {
                        if let Origin::Cell { table, col, .. } = c.origin() {
                            c.parts = vec![(0, Origin::Cell { table, row: row_no, col, line })];
                        }
                    }
                    s.table.push(row);
                }
                "tbl" => {
                    if s.depth == 1 {
                        let t = std::mem::take(&mut s.table);
                        s.blocks.push(Block::Table(t));
                    }
                    s.depth = s.depth.saturating_sub(1);
                }
                _ => {}
            },
            _ => {}
        }
    }
    let text = s.lines.join("\n");
    Ok(Doc { name: name.to_string(), kind: super::Kind::Word, blocks: s.blocks, text, simplified: false })
}

/// A paragraph ends: inside a table cell it joins the cell's text; else it is a line (a line
/// break inside it starts a new line).
fn end_para(s: &mut DocxState) {
    let p = std::mem::take(&mut s.para);
    let heading = std::mem::take(&mut s.heading);
    if let Some(cell) = s.cell.as_mut() {
        let p = p.replace('\n', " ");
        if !cell.is_empty() && !p.trim().is_empty() {
            cell.push(' ');
        }
        cell.push_str(p.trim());
        return;
    }
    for piece in p.split('\n') {
        let t = normalize::line(piece);
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        s.lines.push(t.to_string());
        let mut line = Line::new(t, Origin::Para(s.lines.len() as u32));
        line.heading = heading;
        s.blocks.push(Block::Para(line));
    }
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> String {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == key).map(|a| a.value.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sub_number_begins_a_line_and_a_measure_does_not() {
        let d =
            from_text("n.txt", Kind::Text, "拍照地点:松江校区教育会堂大礼堂\n1.2 虹口校区\n费用含1寸数码彩照8张、\n1.5寸数码彩照4张。\n");
        let paras: Vec<&str> = d.paras().map(|l| l.text.as_str()).collect();
        assert_eq!(paras, ["拍照地点:松江校区教育会堂大礼堂", "1.2虹口校区", "费用含1寸数码彩照8张、1.5寸数码彩照4张。"]);
    }

    #[test]
    fn a_notice_in_traditional_characters_is_read_in_simplified_ones() {
        let t = "華南師范大學成考2026屆畢業生相片采集時間安排\n1.拍攝時間:2025年6月28日(周六)上午9:00-12:00。\n2.拍攝地點:華南師范大學石牌校區繼續教育學院辦公樓105室。\n";
        let d = simplified(from_text("n.txt", Kind::Text, t));
        assert!(d.simplified);
        let paras: Vec<&str> = d.paras().map(|l| l.text.as_str()).collect();
        assert_eq!(paras[2], "2.拍摄地点:华南师范大学石牌校区继续教育学院办公楼105室。");
        assert_eq!(d.text, t, "the source stays as written");
        // A simplified notice naming 蔡 or 著 stays as it is.
        let s = "关于做好2024届毕业生图像采集工作的通知\n联系人：蔡老师，著名的图书馆报告厅。\n";
        assert!(!simplified(from_text("n.txt", Kind::Text, s)).simplified);
    }

    #[test]
    fn the_next_item_begins_though_its_mark_was_lost() {
        let d =
            from_text("n.txt", Kind::Text, "4、请各学院在12月17日统一送交学生处,联系电话:86574429\n5根据教育部要求,学生不得穿毛领服装。\n");
        assert_eq!(d.paras().count(), 2);
    }

    #[test]
    fn a_signature_is_not_part_of_the_sentence_above() {
        let d = from_text(
            "n.txt",
            Kind::Text,
            "收费标准:15元/人(学生客户端直接支付至北京金沙江科技有限公司)\n南京医科大学继续教育学院\n2021年12月28日\n",
        );
        assert_eq!(d.paras().count(), 3);
    }

    #[test]
    fn a_web_pages_header_line_is_not_continued() {
        let doc = from_text("n.txt", Kind::Text, "作者:   时间:2024-05-15\n各系(院)为严格落实……的要求,现将图像信息采集工作通知如下。\n");
        let paras: Vec<&str> = doc.paras().map(|l| l.text.as_str()).collect();
        assert_eq!(paras[0], "作者:   时间:2024-05-15");
        assert_eq!(paras.len(), 2);
    }

    #[test]
    fn cells_each_ended_by_a_bar_are_a_row() {
        let doc = from_text("n.txt", Kind::Text, "学院 | 时间 | 学院 | 时间 |\n文学院 | 上午8:30-9:50 | 理学院 | 上午8:30-9:50 |\n");
        let Some(Block::Table(rows)) = doc.blocks.first() else { panic!("a table: {:?}", doc.blocks) };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), vec!["文学院", "上午8:30-9:50", "理学院", "上午8:30-9:50"]);
    }

    #[test]
    fn a_lettered_item_begins_a_line() {
        let d =
            from_text("t", Kind::Text, "  a. 2017年9月6日上午8:00-9:00:电气学院(184人)\n  b. 2017年9月6日上午9:00-9:30:数理学院(6人)\n");
        assert_eq!(d.blocks.len(), 2);
    }

    #[test]
    fn pdf_line_breaks_are_joined_and_markers_are_not() {
        let d = from_text("t", Kind::Text, "博学楼一会议室：电商 1211、电商 1212、电商 1213、会计\n\n1211。\n\n①上午 8:00—9:00\n");
        let paras: Vec<&str> = d.paras().map(|l| l.text.as_str()).collect();
        assert_eq!(paras, ["博学楼一会议室：电商1211、电商1212、电商1213、会计1211。", "①上午8:00-9:00"]);
        let first = d.paras().next().expect("a line");
        assert_eq!(first.at(first.text.len() - 3), Origin::Line(3));
    }

    #[test]
    fn a_pdfs_box_of_facts_keeps_each_label_with_its_value() {
        let text = "采集对象\n已缴费的2026届各专业在籍在校本科学生\n采集时间\n4月12日（周六）08:00-11:30、13:30-17:30；4月13日（周日）\n08:00-11:30、13:30-17:30\n图像校对\n2025年9月1日至9月30日，登录学信网核对本人图像\n";
        let d = from_text("t", Kind::Pdf, text);
        let paras: Vec<&str> = d.paras().map(|l| l.text.as_str()).collect();
        assert_eq!(
            paras,
            [
                "采集对象：已缴费的2026届各专业在籍在校本科学生",
                "采集时间：4月12日（周六）08:00-11:30、13:30-17:30；4月13日（周日）08:00-11:30、13:30-17:30",
                "图像校对：2025年9月1日至9月30日，登录学信网核对本人图像",
            ]
        );
        // Pasted text keeps a label line as the author wrote it.
        let d = from_text("t", Kind::Text, "采集时间\n2020年9月16日至2020年9月30日\n");
        assert_eq!(d.paras().next().map(|l| l.text.as_str()), Some("采集时间"));
    }

    #[test]
    fn word_tables_keep_their_cells() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、时间</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>学院</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>时间</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>文学院</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8: 00—9: 00</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t></w:r></w:p></w:body></w:document>"#;
        let d = parse_document_xml("x.docx", xml).expect("parses");
        assert_eq!(d.text, "一、时间\n学院\t时间\n文学院\t8:00-9:00\nA & B");
        let Block::Para(h) = &d.blocks[0] else { panic!("a heading first") };
        assert!(h.heading);
        let Block::Table(rows) = &d.blocks[1] else { panic!("a table") };
        assert_eq!(rows[1][1].text, "8:00-9:00");
        assert_eq!(rows[1][1].origin(), Origin::Cell { table: 1, row: 2, col: 2, line: 3 });
    }
}
