//! Roster workbooks (`groups: rosters/2026.xlsx`): the first visible worksheet is turned into
//! CSV text, one line per sheet row, and read by the CSV roster parser. Diagnostics then point at
//! the workbook, with the sheet row as the line and the sheet and cell named in the message.

use super::model::Group;
use super::roster;
use super::ReadError;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{Loc, SourceFile};
use calamine::{DataRef, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

/// A workbook larger than this on disk is refused.
pub const MAX_WORKBOOK_BYTES: u64 = 16 * 1024 * 1024;
/// Nor is one whose parts unpack to more than this (a roster of 100,000 rows is ~20 MB).
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Columns past this one are ignored (a roster has at most seven).
const MAX_COLS: u32 = 64;

/// Whether a roster path names a spreadsheet rather than a CSV file.
pub fn is_workbook(path: &str) -> bool {
    let ext = Path::new(path).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "et" | "numbers")
}

/// Reads and parses the workbook at `rel` (relative to `root`). `at` is where the notice names it.
pub fn load(root: &Path, rel: &str, at: &Loc) -> (Vec<Group>, Vec<Diagnostic>) {
    let fail = |msg: String, help: &str| (Vec::new(), vec![Diagnostic::error(Code::RosterNotFound, at, msg).help(help)]);
    let ext = Path::new(rel).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !matches!(ext.as_str(), "xlsx" | "xlsm") {
        let mut r =
            fail(format!("名单 {rel} 是 .{ext} 格式，只能读取 .xlsx 或 CSV"), "用 Excel 或 WPS「另存为」Excel 工作簿（.xlsx）或 CSV UTF-8");
        r.1[0].code = Code::RosterSyntax;
        return r;
    }
    match super::read_regular(&root.join(rel), MAX_WORKBOOK_BYTES) {
        Ok(bytes) => parse(rel, &bytes, at),
        Err(ReadError::Io(e)) => fail(format!("无法读取文件 {rel}：{e}"), "检查文件名和路径（相对于通知所在的文件夹）"),
        Err(ReadError::NotAFile(kind)) => (Vec::new(), vec![super::not_a_file(rel, kind, at)]),
        Err(ReadError::TooLarge(size)) => {
            let mut r = fail(
                format!("文件 {rel} 有 {size} 字节，超过上限 {MAX_WORKBOOK_BYTES}"),
                "名单只需 学院、班级、人数 几列；删掉图片和其他工作表，或另存为 CSV",
            );
            r.1[0].code = Code::TooLarge;
            r
        }
    }
}

/// Parses workbook bytes; `name` is the path shown in diagnostics.
pub fn parse(name: &str, bytes: &[u8], at: &Loc) -> (Vec<Group>, Vec<Diagnostic>) {
    let unreadable = |why: String| {
        let d = Diagnostic::error(Code::RosterSyntax, at, format!("名单 {name} 无法作为 Excel 工作簿读取：{why}"))
            .help("用 Excel 或 WPS 打开后「另存为」Excel 工作簿（.xlsx），或另存为 CSV UTF-8");
        (Vec::new(), vec![d])
    };
    match unpacked_size(bytes) {
        Ok(n) if n > MAX_UNPACKED_BYTES => {
            let d = Diagnostic::error(Code::TooLarge, at, format!("名单 {name} 解压后有 {n} 字节，超过上限 {MAX_UNPACKED_BYTES}"))
                .help("名单只需 学院、班级、人数 几列；删掉其他工作表，或另存为 CSV");
            return (Vec::new(), vec![d]);
        }
        Ok(_) => {}
        Err(e) => return unreadable(e),
    }
    let mut wb = match Xlsx::new(Cursor::new(bytes)) {
        Ok(wb) => wb,
        Err(calamine::XlsxError::Password) => return unreadable("文件设置了密码".into()),
        Err(e) => return unreadable(e.to_string()),
    };
    let sheet =
        wb.sheets_metadata().iter().find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible).map(|s| s.name.clone());
    let Some(sheet) = sheet else { return unreadable("没有可见的工作表".into()) };
    let mut diags = Vec::new();
    let (rows, wide) = match read_rows(&mut wb, &sheet) {
        Ok(r) => r,
        Err(e) => return unreadable(e),
    };
    let sheet_csv = SheetCsv::new(&rows);
    let display = SourceFile::new(name, sheet_csv.text(0));
    if let Some(row) = wide {
        diags.push(
            Diagnostic::warning(
                Code::RosterTooWide,
                &Loc::new(&display, row + 1, 1, 1),
                format!("工作表「{sheet}」第 {} 行：第 {MAX_COLS} 列以后的内容被忽略", row + 1),
            )
            .help("名单只需 学院、班级、人数 及可选的 room、date、not_before、not_after 几列"),
        );
    }
    // The parser finds the header itself (a title, merged or not, and blank rows above it are
    // skipped), so its lines are the sheet's rows.
    let (groups, ds) = roster::parse(&display);
    // Errors in cells that hold an Excel error value (#N/A, #REF!…) come first.
    for (r, c, e) in &sheet_csv.errors {
        let loc = sheet_csv.cell_loc(&display, *r, *c);
        diags.push(
            Diagnostic::error(
                Code::RosterCellError,
                &loc,
                format!("工作表「{sheet}」第 {} 行 {} 列是错误值 {e}", r + 1, column_letters(*c)),
            )
            .help("在 Excel 里改正这个单元格的公式，或直接填写数值"),
        );
    }
    for mut d in ds {
        let place = sheet_csv.describe(&sheet, &d.loc);
        d.message = format!("{place}：{}", d.message);
        diags.push(d);
    }
    (groups, diags)
}

/// The declared unpacked size of every part of the workbook.
fn unpacked_size(bytes: &[u8]) -> Result<u64, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("不是 .xlsx 文件（{e}）"))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| e.to_string())?;
        total = total.saturating_add(f.size());
    }
    Ok(total)
}

type Rows = BTreeMap<u32, BTreeMap<u32, Cell>>;

enum Cell {
    Text(String),
    Error(String),
}

/// Every non-empty cell of the sheet (0-based row and column), and the first row with content
/// past `MAX_COLS`, if any. Reading stops a little past the roster's row limit.
fn read_rows<R: std::io::Read + std::io::Seek>(wb: &mut Xlsx<R>, sheet: &str) -> Result<(Rows, Option<u32>), String> {
    let mut cells = wb.worksheet_cells_reader(sheet).map_err(|e| e.to_string())?;
    let mut rows: Rows = BTreeMap::new();
    let mut wide = None;
    let limit = (roster::MAX_ROWS + roster::HEADER_SEARCH_ROWS) as u32 + 1;
    while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
        let (r, c) = cell.get_position();
        if r > limit {
            break;
        }
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::Error(e) => Cell::Error(e.to_string()),
            v => Cell::Text(text_of(v)),
        };
        if matches!(&value, Cell::Text(t) if t.is_empty()) {
            continue;
        }
        if c >= MAX_COLS {
            wide.get_or_insert(r);
            continue;
        }
        rows.entry(r).or_default().insert(c, value);
    }
    Ok((rows, wide))
}

/// A cell as the CSV parser expects it: whole numbers without `.0`, dates as YYYY-MM-DD,
/// times as HH:MM, text on one line.
fn text_of(v: &DataRef) -> String {
    match v {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => one_line(s),
        DataRef::SharedString(s) => one_line(s),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ").trim().to_string()
}

fn date_time(dt: &ExcelDateTime) -> String {
    let v = dt.as_f64();
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    // Round to the nearest second: Excel stores 14:30 as 0.604166…
    let secs = (u32::from(h) * 3600 + u32::from(mi) * 60 + u32::from(s)) + u32::from(ms >= 500);
    let hhmm = format!("{:02}:{:02}", secs / 3600, (secs / 60) % 60);
    if dt.is_duration() || (0.0..1.0).contains(&v) {
        hhmm
    } else if secs == 0 {
        format!("{y:04}-{mo:02}-{d:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02} {hhmm}")
    }
}

/// The sheet as CSV lines (line n = sheet row n), with where each field starts.
struct SheetCsv {
    lines: Vec<String>,
    /// Per line: the character column (from 1) where each field starts.
    starts: Vec<Vec<u32>>,
    /// Sheet column of the first field (0 = column A).
    first_col: u32,
    /// Cells holding an Excel error: (row, column, error text).
    errors: Vec<(u32, u32, String)>,
}

impl SheetCsv {
    fn new(rows: &Rows) -> SheetCsv {
        let first_col = rows.values().filter_map(|r| r.keys().next().copied()).min().unwrap_or(0);
        let last_row = rows.keys().next_back().copied();
        let mut out = SheetCsv { lines: Vec::new(), starts: Vec::new(), first_col, errors: Vec::new() };
        let Some(last_row) = last_row else { return out };
        let empty = BTreeMap::new();
        for r in 0..=last_row {
            let row = rows.get(&r).unwrap_or(&empty);
            let last_col = row.keys().next_back().copied().unwrap_or(first_col);
            let mut line = String::new();
            let mut starts = Vec::new();
            for c in first_col..=last_col {
                if c > first_col {
                    line.push(',');
                }
                starts.push(line.chars().count() as u32 + 1);
                match row.get(&c) {
                    Some(Cell::Text(t)) => line.push_str(&csv_field(t)),
                    Some(Cell::Error(e)) => out.errors.push((r, c, e.clone())),
                    None => {}
                }
            }
            out.lines.push(line);
            out.starts.push(starts);
        }
        out
    }

    /// The CSV text from sheet row `from` (0-based) on.
    fn text(&self, from: u32) -> String {
        let mut s = self.lines.iter().skip(from as usize).cloned().collect::<Vec<_>>().join("\n");
        s.push('\n');
        s
    }

    /// The sheet column of a character column on a line (0-based row).
    fn column_at(&self, row: u32, col: u32) -> u32 {
        let starts = self.starts.get(row as usize).map(Vec::as_slice).unwrap_or(&[]);
        let field = starts.iter().rposition(|&s| s <= col).unwrap_or(0) as u32;
        self.first_col + field
    }

    fn cell_loc(&self, display: &Arc<SourceFile>, row: u32, col: u32) -> Loc {
        let field = col.saturating_sub(self.first_col) as usize;
        let start = self.starts.get(row as usize).and_then(|s| s.get(field)).copied().unwrap_or(1);
        Loc::new(display, row + 1, start, 1)
    }

    /// 「工作表「Sheet1」第 5 行 C 列」 for a location in the sheet's text.
    fn describe(&self, sheet: &str, loc: &Loc) -> String {
        let row = loc.line.saturating_sub(1);
        let line_len = self.lines.get(row as usize).map(|l| l.chars().count() as u32).unwrap_or(0);
        let fields = self.starts.get(row as usize).map(Vec::len).unwrap_or(0);
        let whole_row = loc.col == 1 && loc.len >= line_len && fields > 1;
        if whole_row {
            format!("工作表「{sheet}」第 {} 行", row + 1)
        } else {
            format!("工作表「{sheet}」第 {} 行 {} 列", row + 1, column_letters(self.column_at(row, loc.col)))
        }
    }
}

/// A field quoted when it holds a comma or a quote.
fn csv_field(t: &str) -> String {
    if t.contains([',', '"']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t.to_string()
    }
}

/// `A`, `B`, … `Z`, `AA` for a 0-based column.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    s.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn spreadsheets_are_recognised_by_extension() {
        assert!(is_workbook("rosters/2026.xlsx"));
        assert!(is_workbook("rosters/2026.XLSX"));
        assert!(is_workbook("old.xls"));
        assert!(!is_workbook("rosters/2026.csv"));
    }

    #[test]
    fn cells_become_csv_text() {
        assert_eq!(number(57.0), "57");
        assert_eq!(number(57.5), "57.5");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(one_line(" 汉语言\r\n2101 "), "汉语言  2101");
        let t = ExcelDateTime::new(45759.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time(&t), "2025-04-12");
        let t = ExcelDateTime::new(14.5 / 24.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time(&t), "14:30");
    }

    #[test]
    fn garbage_is_a_diagnostic_not_a_panic() {
        let f = SourceFile::new("content/n.md", "groups: x.xlsx\n");
        let at = Loc::new(&f, 1, 9, 6);
        for bytes in [&b""[..], b"PK\x03\x04garbage", b"college,class\nA,a\n"] {
            let (g, d) = parse("content/x.xlsx", bytes, &at);
            assert!(g.is_empty());
            assert_eq!(d.len(), 1);
            assert_eq!(d[0].code, Code::RosterSyntax);
        }
        let (_, d) = load(Path::new("."), "content/old.xls", &at);
        assert_eq!((d.len(), d[0].code), (1, Code::RosterSyntax));
        assert!(d[0].message.contains(".xls 格式"), "{}", d[0].message);
    }
    /// As offices export them: a title merged across the columns, a blank row, a header cell
    /// merged over two columns, an extra column.
    #[test]
    fn merged_titles_and_header_cells_are_read_past() {
        use rust_xlsxwriter::{Format, Workbook};
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let merged = Format::new();
        ws.merge_range(0, 0, 0, 4, "2026届毕业生图像采集名单", &merged).expect("merge");
        ws.write_string(2, 0, "学院").expect("write");
        ws.merge_range(2, 1, 2, 2, "班级", &merged).expect("merge");
        ws.write_string(2, 3, "人数").expect("write");
        ws.write_string(2, 4, "备注").expect("write");
        for (r, (college, class, n)) in [("文学院", "汉语言2101", 57.0), ("理学院", "数学2101", 40.0)].into_iter().enumerate() {
            let r = r as u32 + 3;
            ws.write_string(r, 0, college).expect("write");
            ws.merge_range(r, 1, r, 2, class, &merged).expect("merge");
            ws.write_number(r, 3, n).expect("write");
        }
        let bytes = wb.save_to_buffer().expect("xlsx");
        let f = SourceFile::new("content/n.md", "groups: x.xlsx\n");
        let (g, d) = parse("content/x.xlsx", &bytes, &Loc::new(&f, 1, 9, 6));
        let got: Vec<_> = g.iter().map(|g| (g.name(), g.headcount.as_ref().map(|h| h.value), g.loc.line)).collect();
        assert_eq!(got, [("汉语言2101", Some(57), 4), ("数学2101", Some(40), 5)]);
        let d: Vec<_> = d.iter().map(|d| (d.code, d.loc.line, d.message.as_str())).collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].0, d[0].1), (Code::RosterColumnIgnored, 3));
        assert!(d[0].2.contains("E 列") && d[0].2.contains("「备注」"), "{}", d[0].2);
    }
}
