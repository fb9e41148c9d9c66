//! Roster CSV files: `college,class,headcount` (or `学院,班级,人数`), optional pin columns.

use super::model::Group;
use super::read::{did_you_mean, parse_date};
use crate::base::time::parse_hhmm;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{At, Loc, SourceFile};
use std::sync::Arc;

/// Rosters larger than this are refused with a diagnostic (a province has ~10,000 classes).
pub const MAX_ROWS: usize = 100_000;

const COLUMNS: &[(&str, &[&str])] = &[
    ("college", &["college", "学院", "院系", "单位"]),
    ("class", &["class", "班级", "班"]),
    ("headcount", &["headcount", "人数", "学生人数"]),
    ("room", &["room", "房间", "教室"]),
    ("date", &["date", "日期"]),
    ("not_before", &["not_before", "最早"]),
    ("not_after", &["not_after", "最晚"]),
];

fn column_name(header: &str) -> Option<&'static str> {
    let h = header.trim().to_lowercase();
    COLUMNS.iter().find(|(_, names)| names.contains(&h.as_str())).map(|(k, _)| *k)
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
    let header_loc = Loc::new(file, 1, 1, file.line_text(1).chars().count() as u32);
    // One record, read into again and again.
    let mut rec = csv::StringRecord::new();
    match rdr.read_record(&mut rec) {
        Ok(true) => {}
        Ok(false) => rec.clear(),
        Err(e) => {
            diags.push(Diagnostic::error(Code::RosterSyntax, &header_loc, format!("名单文件无法读取：{e}")));
            return (groups, diags);
        }
    }
    let mut cols: Vec<Option<&'static str>> = Vec::new();
    let mut starts = Vec::new();
    field_starts(file.line_text(1), &mut starts);
    for (i, h) in rec.iter().map(str::trim).enumerate() {
        let col = column_name(h);
        if col.is_none() && ["姓名", "name", "学号", "student_id", "身份证", "身份证号"].contains(&h.to_lowercase().as_str()) {
            let at = starts.get(i).map(|b| file.line_text(1)[..*b].chars().count() as u32 + 1).unwrap_or(1);
            diags.push(
                Diagnostic::error(
                    Code::PersonalNames,
                    &Loc::new(file, 1, at, h.chars().count() as u32),
                    format!("名单里有「{h}」列：学生个人信息不能放进站点"),
                )
                .help("名单只需 学院、班级、人数；删掉这一列"),
            );
        } else if col.is_none() && !h.is_empty() {
            let at = starts.get(i).map(|b| file.line_text(1)[..*b].chars().count() as u32 + 1).unwrap_or(1);
            let all: Vec<&str> = COLUMNS.iter().flat_map(|(_, n)| n.iter().copied()).collect();
            let hint = match did_you_mean(h, &all) {
                Some(s) => format!("是不是想写「{s}」？"),
                None => "可用的列：college/学院、class/班级、headcount/人数，以及可选的 room、date、not_before、not_after".into(),
            };
            diags.push(
                Diagnostic::error(
                    Code::RosterColumnUnknown,
                    &Loc::new(file, 1, at, h.chars().count() as u32),
                    format!("名单里有未知的列「{h}」"),
                )
                .help(hint),
            );
        }
        cols.push(col);
    }
    if !cols.contains(&Some("college")) {
        diags.push(
            Diagnostic::error(Code::RosterColumnMissing, &header_loc, "名单缺少「学院」列")
                .help("第一行写表头，例如 学院,班级,人数（或 college,class,headcount）"),
        );
        return (groups, diags);
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
            let line = e.position().map(|p| p.line() as u32).unwrap_or(1);
            diags.push(Diagnostic::error(Code::RosterSyntax, &Loc::new(file, line, 1, 1), format!("名单这一行无法读取：{e}")));
            continue;
        }
        let line = rec.position().map(|p| p.line() as u32).unwrap_or(1);
        let text = file.line_text(line);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        field_starts(text, &mut starts);
        let cell = |i: usize, len: usize| {
            let col = starts.get(i).map(|b| text[..(*b).min(text.len())].chars().count() as u32 + 1).unwrap_or(1);
            Loc::new(file, line, col, len as u32)
        };
        let row_loc = Loc::new(file, line, 1, text.chars().count() as u32);
        let mut g = Group {
            college: At::new(String::new(), row_loc.clone()),
            class: None,
            headcount: None,
            room: None,
            date: None,
            not_before: None,
            not_after: None,
            loc: row_loc.clone(),
        };
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
    if groups.is_empty() && diags.is_empty() {
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
            ("学院,班级,人数,教师\nA,a1,30,x\n", ("roster-column-unknown", 1, 10)),
            ("学院,班级,人数\n,a1,30\n", ("roster-empty-field", 2, 1)),
            ("学院,班级,人数,date\nA,a1,30,2025-02-30\n", ("invalid-date", 2, 9)),
        ] {
            let (_, d) = run(text);
            assert_eq!(d.first().copied(), Some(want), "{text}");
        }
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
