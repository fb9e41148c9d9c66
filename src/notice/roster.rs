//! Roster CSV files: `college,class,headcount` (or `学院,班级,人数`), optional pin columns.

use super::model::Group;
use super::read::parse_date;
use crate::base::time::parse_hhmm;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{At, Loc, SourceFile};
use std::sync::Arc;

/// Rosters larger than this are refused with a diagnostic (a province has ~10,000 classes).
pub const MAX_ROWS: usize = 100_000;

/// Rows searched for the header (a title and notes above it are skipped); blank rows do not count.
pub const HEADER_SEARCH_ROWS: usize = 10;

const COLUMNS: &[(&str, &[&str])] = &[
    ("college", &["college", "学院", "院系", "单位", "院(系)", "院（系）", "学院名称", "院系名称", "单位名称", "所在学院", "二级学院"]),
    ("class", &["class", "班级", "班", "班级名称", "行政班", "行政班级", "专业班级"]),
    ("headcount", &["headcount", "人数", "学生人数", "班级人数", "毕业生人数", "总人数"]),
    ("room", &["room", "房间", "教室"]),
    ("date", &["date", "日期"]),
    ("not_before", &["not_before", "最早"]),
    ("not_after", &["not_after", "最晚"]),
];

/// Row-number columns: they carry nothing, and offices add them to every list.
const ROW_NUMBERS: &[&str] = &["序号", "编号", "no", "no.", "#"];

/// Rows that sum the others rather than name a group (合计 at the bottom of an export).
const TOTALS: &[&str] = &["合计", "总计", "小计", "共计", "total"];

/// A header as written, in lower case without any whitespace (the full-width space too).
fn squeeze(header: &str) -> String {
    header.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

fn column_name(header: &str) -> Option<&'static str> {
    let h = squeeze(header);
    let find = |h: &str| COLUMNS.iter().find(|(_, names)| names.contains(&h)).map(|(k, _)| *k);
    find(&h).or_else(|| {
        // A unit after the name: 人数（人）, 人数(人).
        let cut = h.strip_suffix(')').and_then(|r| r.rfind('(')).or_else(|| h.strip_suffix('）').and_then(|r| r.rfind('（')))?;
        find(&h[..cut])
    })
}

/// A header naming a student's own data: its column is an error, as the notice's tables are.
fn personal(header: &str) -> bool {
    let h = squeeze(header);
    ["学号", "身份证", "证件号", "考生号"].iter().any(|p| h.contains(p))
        || ["姓名", "学生姓名", "name", "student_id", "studentid", "id_card"].contains(&h.as_str())
}

/// An English header a letter or two from a column's name (`not_befor`): a typo, not an extra column.
fn typo_of(header: &str) -> Option<&'static str> {
    let h = squeeze(header);
    if !h.is_ascii() {
        return None;
    }
    COLUMNS
        .iter()
        .map(|(k, _)| *k)
        .map(|k| (strsim::jaro_winkler(&h, k), k))
        .filter(|(s, _)| *s >= 0.85)
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, k)| k)
}

/// The fix for a roster in another encoding.
const SAVE_AS: &str = "用 Excel 或 WPS 打开名单，「另存为」时文件类型选「CSV UTF-8（逗号分隔）」";

/// A CSV roster's bytes as text: UTF-8 (a BOM removed), else GBK / GB18030 as Excel on
/// Chinese Windows saves CSV. Lines stay where they were, so diagnostics point at the file's
/// own lines. Anything else is an `encoding` error naming the file and the fix.
pub fn decode(rel: &str, bytes: Vec<u8>) -> Result<Arc<SourceFile>, Diagnostic> {
    let whole = |f: &Arc<SourceFile>| Loc::new(f, 1, 1, 1);
    if bytes.starts_with(b"PK\x03\x04") {
        let f = SourceFile::new(rel, "");
        return Err(Diagnostic::error(Code::RosterSyntax, &whole(&f), format!("名单 {rel} 其实是 Excel 工作簿，不是 CSV 文本"))
            .help(format!("把文件扩展名改成 .xlsx（groups 里也改），或{SAVE_AS}")));
    }
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        if enc != encoding_rs::UTF_8 {
            let f = SourceFile::new(rel, "");
            return Err(Diagnostic::error(
                Code::Encoding,
                &whole(&f),
                format!("名单 {rel} 是 {} 编码（Excel 的「Unicode 文本」），不能读取", enc.name()),
            )
            .help(SAVE_AS));
        }
    }
    if std::str::from_utf8(&bytes).is_ok() || mostly_utf8(&bytes) {
        return super::utf8_text(rel, bytes).map_err(|d| {
            let line = d.loc.line;
            let mut d = d;
            d.message = format!("名单 {rel} 第 {line} 行有不是 UTF-8 的字节（文件其余部分是 UTF-8）");
            d.help(format!("改正这一行的文字，或{SAVE_AS}"))
        });
    }
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let mut read = 0;
    loop {
        let cap = decoder.max_utf8_buffer_length_without_replacement(bytes.len() - read).unwrap_or(usize::MAX);
        text.reserve(cap.min(bytes.len() * 3 + 16));
        let (result, n) = decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => continue,
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                let at = read.saturating_sub(usize::from(bad) + usize::from(after));
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                let (shown, _, _) = encoding_rs::GB18030.decode(&bytes);
                let f = SourceFile::new(rel, shown.into_owned());
                return Err(Diagnostic::error(
                    Code::Encoding,
                    &Loc::new(&f, line, 1, 1),
                    format!("名单 {rel} 既不是 UTF-8 也不是 GBK（GB18030）编码，第 {line} 行读不出来"),
                )
                .help(SAVE_AS));
            }
        }
    }
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest.to_string();
    }
    Ok(SourceFile::new(rel, text))
}

/// UTF-8 with a stray byte or two (an edit in another program), not a GBK file: GBK text
/// read as UTF-8 fails at almost every character.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= 10 * bad.max(1)
}

/// The line a record starts on, from its byte offset: the csv crate's own line count leaves out
/// the blank lines it skips.
fn line_of(file: &Arc<SourceFile>, p: &csv::Position) -> u32 {
    let at = usize::try_from(p.byte()).unwrap_or(usize::MAX).min(file.text.len());
    // The position is where reading started: before the blank lines skipped on the way.
    let skipped = file.text.as_bytes()[at..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
    file.line_col(at + skipped).0
}

/// Byte offsets where each field of a CSV line starts (quotes respected), into `starts`.
fn field_starts(line: &str, starts: &mut Vec<usize>) {
    starts.clear();
    starts.push(0);
    let mut quoted = false;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => starts.push(i + 1),
            _ => {}
        }
    }
}

type CsvReader = csv::Reader<std::io::Cursor<Vec<u8>>>;

thread_local! {
    /// One CSV reader per thread, pointed at each roster in turn: building a reader builds
    /// its parser's state machine, which cost more than parsing a roster of 100 classes.
    static READER: std::cell::RefCell<Option<CsvReader>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with this thread's CSV reader, reset to the start of `text`.
fn with_reader<T>(text: &str, f: impl FnOnce(&mut CsvReader) -> T) -> T {
    READER.with(|slot| {
        let mut slot = slot.borrow_mut();
        let rdr = slot.get_or_insert_with(|| {
            csv::ReaderBuilder::new()
                .flexible(true)
                // Fields are trimmed as they are read (Unicode whitespace, the full-width space
                // too): csv's own trimming copies every record.
                // The header row is read as the first record, so a reused reader treats every
                // roster alike.
                .has_headers(false)
                .from_reader(std::io::Cursor::new(Vec::new()))
        });
        let buf = rdr.get_mut().get_mut();
        buf.clear();
        buf.extend_from_slice(text.as_bytes());
        // Seeking a cursor cannot fail; seek_raw also resets the parser, line count and end state.
        let _ = rdr.seek_raw(std::io::SeekFrom::Start(0), csv::Position::new());
        f(rdr)
    })
}

/// Parses a roster file (already read, BOM removed). Groups keep the CSV line as their location.
pub fn parse(file: &Arc<SourceFile>) -> (Vec<Group>, Vec<Diagnostic>) {
    with_reader(&file.text, |rdr| read(rdr, file))
}

fn read(rdr: &mut CsvReader, file: &Arc<SourceFile>) -> (Vec<Group>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // A group a line after the header, at most: room for all of them at once.
    let rows = file.line_count().saturating_sub(1).min(MAX_ROWS);
    let mut groups: Vec<Group> = Vec::with_capacity(rows);
    // Keyed by college and class; FxHash, as the keys come from the school's own files.
    let mut seen: rustc_hash::FxHashMap<(String, Option<String>), usize> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(rows, Default::default());
    // One record, read into again and again.
    let mut rec = csv::StringRecord::new();
    // The header: the first row naming the college column. A title, notes and blank rows above it
    // are skipped; without one, the first row that is not blank stands for it.
    let mut first: Option<u32> = None;
    let mut header: Option<u32> = None;
    let mut looked = 0;
    while looked < HEADER_SEARCH_ROWS {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(1, |p| line_of(file, p));
                let loc = Loc::new(file, line, 1, file.line_text(line).chars().count() as u32);
                diags.push(Diagnostic::error(Code::RosterSyntax, &loc, format!("名单无法读取：{e}")));
                return (groups, diags);
            }
        }
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = rec.position().map_or(1, |p| line_of(file, p));
        first.get_or_insert(line);
        if rec.iter().any(|h| column_name(h) == Some("college")) {
            header = Some(line);
            break;
        }
        looked += 1;
    }
    let hline = header.or(first).unwrap_or(1);
    let header_text = file.line_text(hline);
    let header_loc = Loc::new(file, hline, 1, header_text.chars().count() as u32);
    let Some(_) = header else {
        let close = header_text.split(',').map(str::trim).find_map(|h| typo_of(h).filter(|k| *k == "college").map(|_| h));
        let help = match close {
            Some(h) => format!("表头「{h}」是不是想写「college」？"),
            None => "表头（可以在标题行、空行下面）要写明学院列，例如 学院,班级,人数（或 college,class,headcount）".into(),
        };
        diags.push(Diagnostic::error(Code::RosterColumnMissing, &header_loc, "名单缺少「学院」列").help(help));
        return (groups, diags);
    };
    let mut cols: Vec<Option<&'static str>> = Vec::new();
    let mut starts = Vec::new();
    let mut starts_h = Vec::new();
    field_starts(header_text, &mut starts_h);
    let col_at = |starts: &[usize], i: usize| {
        starts.get(i).map(|b| header_text[..(*b).min(header_text.len())].chars().count() as u32 + 1).unwrap_or(1)
    };
    // Columns read past, with where their header is: one warning names them all.
    let mut ignored: Vec<(String, u32, u32)> = Vec::new();
    // Columns without a header: named in that warning when a row has something in them.
    let mut unnamed: Vec<usize> = Vec::new();
    for (i, h) in rec.iter().map(str::trim).enumerate() {
        let at = col_at(&starts_h, i);
        let len = h.chars().count() as u32;
        let col = column_name(h).filter(|c| !cols.contains(&Some(*c)));
        if col.is_some() || ROW_NUMBERS.contains(&squeeze(h).as_str()) {
        } else if h.is_empty() {
            unnamed.push(i);
        } else if personal(h) {
            diags.push(
                Diagnostic::error(
                    Code::PersonalNames,
                    &Loc::new(file, hline, at, len),
                    format!("名单里有「{h}」列：学生个人信息不能放进站点"),
                )
                .help("名单只需 学院、班级、人数；删掉这一列"),
            );
        } else if let Some(k) = typo_of(h).filter(|_| column_name(h).is_none()) {
            diags.push(
                Diagnostic::error(Code::RosterColumnUnknown, &Loc::new(file, hline, at, len), format!("名单里有未知的列「{h}」"))
                    .help(format!("是不是想写「{k}」？")),
            );
        } else {
            ignored.push((h.to_string(), at, len));
        }
        cols.push(col);
    }
    for n in 0.. {
        let read = rdr.read_record(&mut rec);
        if matches!(read, Ok(false)) {
            break;
        }
        if n >= MAX_ROWS {
            diags.push(Diagnostic::error(Code::TooLarge, &header_loc, format!("名单超过 {MAX_ROWS} 行")).help("按学院或年级拆成多份通知"));
            break;
        }
        if let Err(e) = read {
            let line = e.position().map_or(1, |p| line_of(file, p));
            diags.push(Diagnostic::error(Code::RosterSyntax, &Loc::new(file, line, 1, 1), format!("名单这一行无法读取：{e}")));
            continue;
        }
        let line = rec.position().map_or(1, |p| line_of(file, p));
        let text = file.line_text(line);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // A total under the list, or the header repeated (an export printed over several pages).
        let college = cols.iter().position(|c| *c == Some("college")).and_then(|i| rec.get(i)).map(squeeze).unwrap_or_default();
        let lead = rec.iter().map(squeeze).find(|f| !f.is_empty()).unwrap_or_default();
        let total = TOTALS.contains(&college.as_str()) || college.is_empty() && TOTALS.contains(&lead.as_str());
        if total || column_name(&college) == Some("college") {
            continue;
        }
        unnamed.retain(|&i| {
            rec.get(i).is_none_or(|v| v.trim().is_empty()) || {
                let n = i + 1;
                ignored.push((format!("第 {n} 列（没有表头）"), col_at(&starts_h, i), 1));
                false
            }
        });
        field_starts(text, &mut starts);
        let cell = |i: usize, len: usize| {
            let col = starts.get(i).map(|b| text[..(*b).min(text.len())].chars().count() as u32 + 1).unwrap_or(1);
            Loc::new(file, line, col, len as u32)
        };
        let row_loc = Loc::new(file, line, 1, text.chars().count() as u32);
        // Sub-headings under a header cell merged over several columns (人数: 男, 女, 合计).
        let filled = rec.iter().filter(|f| !f.trim().is_empty()).count();
        if college.is_empty() && groups.is_empty() && filled >= 2 && rec.iter().all(|f| f.trim().parse::<f64>().is_err()) {
            diags.push(
                Diagnostic::error(
                    Code::RosterEmptyField,
                    &row_loc,
                    "表头下面这一行像是第二行表头（合并单元格下的分项），名单只能有一行表头",
                )
                .help("把分项合成一列（例如只留「合计」一列，表头写「人数」），删掉第二行表头"),
            );
            continue;
        }
        let mut g = Group::college(At::new(String::new(), row_loc.clone()), row_loc.clone());
        let mut ok = true;
        for (i, v) in rec.iter().map(str::trim).enumerate() {
            let Some(Some(col)) = cols.get(i) else { continue };
            if v.is_empty() {
                continue;
            }
            let at = At::new(v.to_string(), cell(i, v.chars().count()));
            match *col {
                "college" => g.college = at,
                "class" => g.class = Some(at),
                "headcount" => match v.parse::<u32>() {
                    Ok(h) if h > 0 => g.headcount = Some(At::new(h, at.loc)),
                    _ => {
                        ok = false;
                        diags.push(
                            Diagnostic::error(Code::RosterHeadcount, &at.loc, format!("人数「{v}」不是正整数"))
                                .help("人数写成正整数，例如 36；不知道人数时整列留空"),
                        );
                    }
                },
                "room" => g.room = Some(at),
                "date" => match parse_date(v) {
                    Ok(d) => g.date = Some(At::new(d, at.loc)),
                    Err(m) => {
                        ok = false;
                        diags.push(Diagnostic::error(Code::InvalidDate, &at.loc, format!("日期「{v}」{m}")).help("写成 YYYY-MM-DD"));
                    }
                },
                "not_before" | "not_after" => match parse_hhmm(v) {
                    Some(s) => {
                        let t = Some(At::new(s, at.loc));
                        if *col == "not_before" {
                            g.not_before = t
                        } else {
                            g.not_after = t
                        }
                    }
                    None => {
                        ok = false;
                        diags.push(
                            Diagnostic::error(Code::InvalidTime, &at.loc, format!("时刻「{v}」不正确")).help("写成 HH:MM，例如 14:30"),
                        );
                    }
                },
                _ => {}
            }
        }
        if g.college.value.is_empty() {
            diags.push(Diagnostic::error(Code::RosterEmptyField, &row_loc, "这一行没有填学院").help("每行都要写学院；整行不用时请删除"));
            continue;
        }
        let key = (g.college.value.clone(), g.class.as_ref().map(|c| c.value.clone()));
        if let Some(first) = seen.get(&key).map(|&i: &usize| &groups[i]) {
            diags.push(
                Diagnostic::error(Code::RosterDuplicateClass, &row_loc, format!("「{}」在名单里出现了两次", g.name()))
                    .related(&first.loc, "第一次在这里")
                    .help("删掉重复的一行，或把人数合并"),
            );
            continue;
        }
        if ok {
            seen.insert(key, groups.len());
            groups.push(g);
        }
    }
    if let Some((_, at, len)) = ignored.first() {
        let names: Vec<String> = ignored.iter().map(|(h, _, _)| if h.starts_with('第') { h.clone() } else { format!("「{h}」") }).collect();
        diags.push(
            Diagnostic::warning(
                Code::RosterColumnIgnored,
                &Loc::new(file, hline, *at, *len),
                format!("名单里的{}用不到，已忽略，不会发布", names.join("、")),
            )
            .help("名单只读 学院、班级、人数 及可选的 room、date、not_before、not_after；不需要的列可以删掉"),
        );
    }
    if groups.is_empty() && !diags.iter().any(Diagnostic::is_error) {
        diags.push(
            Diagnostic::error(Code::RosterEmptyField, &header_loc, "名单里没有任何班级或学院").help("在表头下面每行写一个班级或学院"),
        );
    }
    (groups, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<Group>, Vec<(&'static str, u32, u32)>) {
        let f = SourceFile::new("r.csv", text);
        let (g, d) = parse(&f);
        (g, d.iter().map(|d| (d.code.as_str(), d.loc.line, d.loc.col)).collect())
    }

    #[test]
    fn chinese_and_english_headers() {
        let (g, d) = run("学院,班级,人数\n文学院,汉语言2101,57\n研究生院,,410\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].name(), "研究生院");
        assert_eq!(g[0].headcount.as_ref().map(|h| (h.value, h.loc.line, h.loc.col)), Some((57, 2, 13)));
        let (g, d) = run("college,class,headcount,room,not_before\nA,a1,30,j9-103,14:30\n");
        assert!(d.is_empty());
        assert_eq!(g[0].not_before.as_ref().map(|t| t.value), Some(14 * 3600 + 1800));
    }

    #[test]
    fn row_errors_point_at_the_cell() {
        for (text, want) in [
            ("学院,班级,人数\nA,a1,-3\n", ("roster-headcount", 2, 6)),
            ("学院,班级,人数\nA,a1,三十\n", ("roster-headcount", 2, 6)),
            ("学院,班级,人数\nA,a1,30\nA,a1,31\n", ("roster-duplicate-class", 3, 1)),
            ("班级,人数\na1,30\n", ("roster-column-missing", 1, 1)),
            ("学院,班级,人数,not_befor\nA,a1,30,x\n", ("roster-column-unknown", 1, 10)),
            ("学院,班级,学号,人数\nA,a1,x,30\n", ("personal-names", 1, 7)),
            ("学院,班级,人数\n,a1,30\n", ("roster-empty-field", 2, 1)),
            ("学院,班级,人数,date\nA,a1,30,2025-02-30\n", ("invalid-date", 2, 9)),
        ] {
            let (_, d) = run(text);
            assert_eq!(d.first().copied(), Some(want), "{text}");
        }
    }

    /// As offices export them: a title, blank rows, a row number, extra columns, a total.
    #[test]
    fn a_title_blank_rows_and_extra_columns_are_read_past() {
        let text = "2026届毕业生图像采集名单,,,,\n,,,,\n\n序号,学院名称,班级,人数（人）,备注,辅导员\n1,文学院,汉语言2101,57,,王老师\n2,理学院,数学2101,40,补拍,\n合计,,,97,,\n";
        let (g, d) = run(text);
        assert_eq!(g.len(), 2, "{d:?}");
        assert_eq!((g[0].college.value.as_str(), g[0].college.loc.line, g[0].college.loc.col), ("文学院", 5, 3));
        assert_eq!(g[1].headcount.as_ref().map(|h| h.value), Some(40));
        assert_eq!(d, [("roster-column-ignored", 4, 18)], "one warning at the header, at its first extra column");
        let f = SourceFile::new("r.csv", text);
        let (_, d) = parse(&f);
        assert!(d[0].message.contains("「备注」、「辅导员」"), "{}", d[0].message);
        assert_eq!(d[0].severity, crate::diag::Severity::Warning);
        // Data under no header (a header cell merged over two columns) is named too.
        let (g, d) = run("学院,班级,,人数\n文学院,汉语言,2101,57\n");
        assert_eq!((g.len(), d), (1, vec![("roster-column-ignored", 1, 7)]));
        // No header in the first rows: the first row stands for it.
        let (_, d) = run("名单\ncollage,class\nA,a\n");
        assert_eq!(d, [("roster-column-missing", 1, 1)]);
        // A second header row (人数 merged over 男 and 女) is named as such, at its line.
        let f = SourceFile::new("r.csv", "学院,班级,人数,\n,,男,女\nA,a1,20,18\n");
        let (_, d) = parse(&f);
        assert_eq!((d[0].code, d[0].loc.line), (Code::RosterEmptyField, 2));
        assert!(d[0].message.contains("第二行表头"), "{}", d[0].message);
        // Personal columns stay errors wherever the header is.
        let (_, d) = run("名单\n学院,班级,身份证号码\nA,a,x\n");
        assert_eq!(d, [("personal-names", 2, 7)]);
    }

    #[test]
    fn gbk_csv_is_read_and_other_encodings_are_named() {
        let utf8 = "2026届名单\n学院,班级,人数\n文学院,汉语言2101,57\n理学院,数学2101,-4\n";
        let (gbk, _, bad) = encoding_rs::GBK.encode(utf8);
        assert!(!bad);
        let f = decode("r.csv", gbk.into_owned()).expect("GBK reads");
        assert_eq!(f.text, utf8);
        let (g, d) = parse(&f);
        assert_eq!(g[0].college.value, "文学院");
        assert_eq!(d.iter().map(|d| (d.code.as_str(), d.loc.line)).collect::<Vec<_>>(), [("roster-headcount", 4)]);
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(utf8.as_bytes());
        assert_eq!(decode("r.csv", bom).expect("BOM").text, utf8);
        // Latin-1 is neither: an error naming the file, the line and the fix.
        let e = decode("r.csv", b"college,class\nCaf\xe9,a\n".to_vec()).expect_err("neither");
        assert_eq!((e.code, e.loc.line), (Code::Encoding, 2));
        assert!(e.message.contains("r.csv") && e.help.as_deref().is_some_and(|h| h.contains("CSV UTF-8")), "{e:?}");
        let e = decode("r.csv", b"\xff\xfec\x00o\x00".to_vec()).expect_err("UTF-16");
        assert!(e.message.contains("UTF-16"), "{}", e.message);
        let e = decode("r.csv", b"PK\x03\x04rest".to_vec()).expect_err("a workbook");
        assert_eq!(e.code, Code::RosterSyntax);
        // UTF-8 with one stray byte is a UTF-8 file with an error at that line, not GBK.
        let mut stray = "学院,班级,人数\n文学院,汉语言文学2101,57\n理学院,数学与应用数学2101,40\n".as_bytes().to_vec();
        stray.push(0xff);
        let e = decode("r.csv", stray).expect_err("stray byte");
        assert_eq!((e.code, e.loc.line), (Code::Encoding, 4));
    }

    /// The thread's reader is reused: each roster reads as if alone, whatever came before
    /// (a longer one, one that failed, an empty one).
    #[test]
    fn rosters_read_one_after_another_are_independent() {
        let long = "学院,班级,人数\n文学院,汉语言2101,57\n文学院,汉语言2102,58\n理学院,数学2101,40\n";
        assert_eq!(run(long).0.len(), 3);
        assert_eq!(run("").1.first().map(|d| d.0), Some("roster-column-missing"));
        assert_eq!(run("学院,班级,人数\nA,a1,\"三十\"\n").1.first().map(|d| d.0), Some("roster-headcount"));
        // An unterminated quote runs to the end of the file (as it does in a fresh reader).
        assert_eq!(run("学院,班级,人数\nA,\"a1,30\n").0.len(), 1);
        let (g, d) = run("college,class,headcount\nB,b1,12\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].college.value.as_str(), g[0].college.loc.line), ("B", 2));
        let (_, d) = run("学院,班级,人数\nA,a1,30\nA,a1,-1\n");
        assert_eq!(d.first().copied(), Some(("roster-headcount", 3, 6)));
    }
}
