//! Tables that a web page or a PDF gave as one cell per line: a header of column names (`序号`,
//! `采集时间`, `图像采集学院`), then the cells, row after row. Merged cells appear once, in their
//! first row, and a cell may be broken over two lines (`12月6日、7日` / `8:00-22:00`), so rows
//! are not counted off by the header's width: each line goes to the first column after the last
//! one filled that can hold what it says (a number, a date or time, a place, names); a line that
//! no later column can hold begins the next row.

use super::extract::{bare_date, dates, level, month_days, ranges};
use super::{Line, Origin};
use regex::Regex;
use std::sync::LazyLock;

/// What a column holds, by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// `序号`, `批次`: the row's number.
    Seq,
    /// `日期`: a date.
    Date,
    /// `时间`, `采集时间`, `时段`: a date, a time, or both.
    When,
    /// `校区`: the campus of the place.
    Campus,
    /// `地点`, `教室`: a place.
    Place,
    /// `学院`, `院系`, `单位`: the colleges that come.
    College,
    /// `班级`, `专业`: the classes or majors that come.
    Class,
    /// `人数`: a headcount.
    Count,
    /// `备注`: anything.
    Note,
}

impl Column {
    /// Who comes: a college or a class.
    pub fn names(self) -> bool {
        matches!(self, Column::College | Column::Class)
    }
}

/// A header cell: a column word (`时间`, `学院`), perhaps after `拍摄`/`采集` and before `名称`.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    let core = "序号|编号|批次|组别|日期|时间段|起止时间|时间|时段|校区|地点|教室|场地|房间|学院|院系|单位|班级|专业|院部|系部|系别|年级|部门|学部|系|班|人数|备注|说明";
    Regex::new(&format!(
        r"^(?:建议|安排)?(?:图像采集|信息采集|拍摄人员|拍摄|采集|集合|具体|预计|大概|大约|培养|参加|参拍|拍照|所在|二级|人员)?(?:{core})(?:{core})?(?:名称)?$"
    ))
    .expect("regex")
});

/// A bracketed note closing a header cell.
static NOTE_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[（(][^）)]{1,12}[）)]$").expect("regex"));

/// A column's kind from its header cell; `None` when the text is no column name.
pub fn column(header: &str) -> Option<Column> {
    // `地点（中山校区）`: what the brackets add does not change what the column holds.
    let h: String = header.chars().filter(|c| !c.is_whitespace() && *c != '|').collect();
    let h = NOTE_AFTER.replace_all(&h, "").into_owned();
    if !HEADER.is_match(&h) {
        return None;
    }
    let h = h.strip_suffix("名称").unwrap_or(&h);
    let ends = |ks: &[&str]| ks.iter().any(|k| h.ends_with(k));
    Some(if ends(&["序号", "编号", "批次", "组别"]) {
        Column::Seq
    } else if ends(&["日期"]) {
        Column::Date
    } else if ends(&["时间", "时段", "时间段"]) {
        Column::When
    } else if ends(&["校区"]) {
        Column::Campus
    } else if ends(&["地点", "教室", "场地", "房间"]) {
        Column::Place
    } else if ends(&["人数"]) {
        Column::Count
    } else if ends(&["备注", "说明"]) {
        Column::Note
    } else if ends(&["班级", "专业", "年级", "班"]) {
        Column::Class
    } else {
        Column::College
    })
}

/// A header cell naming two columns at once (`各学院拍摄时间安排`: the college, then its time),
/// split where each part is a column name; `None` for any other text.
pub fn two_columns(header: &str) -> Option<(&str, &str)> {
    let h = header.trim();
    let h = h.strip_prefix('各').unwrap_or(h);
    let h = h.strip_suffix("安排表").or_else(|| h.strip_suffix("安排")).unwrap_or(h);
    if column(h).is_some() {
        return None;
    }
    // `采集时段及大概人数`: two column names joined by 及, 和 or 与.
    if let Some((a, b)) = h.split_once(['及', '和', '与']).filter(|(a, b)| column(a).is_some() && column(b).is_some()) {
        return Some((a, b));
    }
    h.char_indices().skip(2).map(|(i, _)| h.split_at(i)).find(|(a, b)| {
        let (x, y) = (column(a), column(b));
        x.is_some_and(|x| x.names()) && matches!(y, Some(Column::When | Column::Date)) || x.is_some() && y.is_some_and(|y| y.names())
    })
}

/// What one line of a cell says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Says {
    Number,
    /// `57人`, `(225人)`: a headcount.
    Count,
    /// A date and no time.
    Date,
    /// Three or four digits that may be a month and a day whose 月 and 日 were lost (`1013`,
    /// `113(周二)`), in a table with a 日期 column; or a room's number.
    MonthDay,
    /// A time (with or without a date), or a part of the day.
    Time,
    Campus,
    Place,
    /// A name ending as colleges' names end (`学院`, `系`).
    College,
    /// A remark (`费用:20元/人(微信支付或现金)`): what a 备注 column holds.
    Remark,
    Text,
}

static COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(【\[]?\d{1,4}\s*人[）)】\]]?$|^[（(【\[]\d{1,4}[）)】\]]$").expect("regex"));

/// A campus, perhaps with its address: `徐汇校区`, `闵行校区(东川路800号)`.
static CAMPUS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"校区(?:\s*[（(][^）)]{1,20}[）)])?$").expect("regex"));

/// Hours whose end is left open: `9:40-结束`, `15:00—拍完为止`.
pub static OPEN_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\s*[:：]\s*\d{2}\s*(?:-|—|～|~|至|到)+\s*(?:结束|完毕|拍完|采集完|为止)").expect("regex"));

/// A date cell whose 月 and 日 were lost: `1013` (10月13日), `113(周二)` (1月13日 or 11月3日, as
/// the weekday decides), three or four digits and perhaps the weekday.
pub static MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{3,4})\s*(?:[（(]\s*(?:周|星期)([一二三四五六日天])\s*[）)])?$").expect("regex"));

/// A weekday alone, in brackets: the rest of the date cell above it (`113` / `(周二)`).
static WEEKDAY_ONLY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[（(]\s*(?:周|星期)[一二三四五六日天]\s*[）)]$").expect("regex"));

/// Whether `t` may be a month and a day that lost their marks (some split of its digits is a
/// real date): which one, the reader of the table decides, knowing the year.
fn month_day_like(t: &str) -> bool {
    MONTH_DAY.captures(t).is_some_and(|c| !month_days(2000, &c[1]).is_empty())
}

/// Who comes, named by who they are: `MBA中心全日制研究生`, `2019级新生`.
static WHO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:研究生|本科生|毕业生|学生|留学生|新生)(?:[（(][^（(）)]{1,12}[）)])?$").expect("regex"));

/// What a line says, in a table that has a 日期 column (`dated`) or not.
fn says_in(t: &str, dated: bool) -> Says {
    if dated && month_day_like(t) {
        Says::MonthDay
    } else {
        says(t)
    }
}

fn says(t: &str) -> Says {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\d{1,3}|第[一二三四五六七八九十\d]+[批组])$").expect("regex"));
    static PART: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:上午|下午|中午|晚上|全天)$").expect("regex"));
    static PLACE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:楼|室|厅|馆|堂|场|中心)|\p{Han}\d{3,4}$|^[A-Z]?\d{3,4}$").expect("regex"));
    static COLLEGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:学院|学部|系|研究院|研究所|教学部|医院)(?:[（(【\[][^（(【\[）)】\]]{1,12}[）)】\]])?[、，,]?$").expect("regex")
    });
    if NUMBER.is_match(t) {
        Says::Number
    } else if COUNT.is_match(t) {
        Says::Count
    } else if !ranges(t).is_empty() || PART.is_match(t) || OPEN_END.is_match(t) {
        Says::Time
    } else if !dates(t).is_empty() || !bare_date(t).is_empty() {
        Says::Date
    } else if CAMPUS.is_match(t) {
        Says::Campus
    } else if COLLEGE.is_match(t) {
        Says::College
    } else if WHO.is_match(t) {
        // (Who comes, not a place, whatever word it holds: `MBA中心全日制研究生`.)
        Says::Text
    } else if PLACE.is_match(t) {
        Says::Place
    } else if t.contains(['元', ':', '：', '。', '；']) || t.chars().count() > 16 {
        Says::Remark
    } else {
        Says::Text
    }
}

/// Whether column `c` can hold what a line says: `Some(true)` when it is just what the column
/// holds, `Some(false)` when it may be (a name in a place column), `None` when it cannot.
fn holds(c: Column, s: Says) -> Option<bool> {
    let exact = match (c, s) {
        (Column::Seq, Says::Number) => true,
        (Column::Count, Says::Number | Says::Count) => true,
        (Column::Date, Says::Date | Says::MonthDay) => true,
        (Column::Place, Says::MonthDay) => true,
        (Column::When, Says::Date | Says::Time) => true,
        (Column::Campus, Says::Campus) => true,
        (Column::Place, Says::Place) => true,
        (Column::College, Says::College) => true,
        (Column::Class, Says::Text) => true,
        (Column::Place, Says::Campus | Says::Text) => false,
        (Column::College, Says::Text) => false,
        (Column::Class, Says::College) => false,
        (Column::Note, Says::Remark) => true,
        (Column::Note, Says::Text | Says::Place | Says::College | Says::Campus) => false,
        _ => return None,
    };
    Some(exact)
}

/// Whether `next` is the rest of the cell `prev` of column `c` (a cell broken over lines).
fn continues(c: Column, prev: &str, next: &str) -> bool {
    let broken = prev.ends_with(['、', '，', ',', '至', '（', '(']);
    match c {
        Column::When => {
            let (pd, pt) = (!dates(prev).is_empty(), !ranges(prev).is_empty());
            let (nd, nt) = (!dates(next).is_empty(), !ranges(next).is_empty());
            (pd && !pt && nt && !nd) || broken || weekday_after(prev, next)
        }
        Column::Date => broken || weekday_after(prev, next),
        Column::Place => broken || place_in_parts(prev, next),
        // A headcount under a name (`印刷与包装工程学院` / `(225人)`) belongs to it.
        Column::College | Column::Class => broken || COUNT.is_match(next) && !COUNT.is_match(prev) && !prev.ends_with('）'),
        Column::Campus | Column::Note => broken,
        Column::Seq | Column::Count => false,
    }
}

/// `113` / `(周二)`: the weekday of the date above, on a line of its own.
fn weekday_after(prev: &str, next: &str) -> bool {
    WEEKDAY_ONLY.is_match(next) && !prev.contains(['周', '星'])
}

/// `松江` / `2A` / `2138214221462150教室`: a place given in parts, each on a line of its own (a
/// campus's name, a building, its rooms: sub-columns of the source's 地点): a short name that
/// is no place yet, then a building's code or a place.
fn place_in_parts(prev: &str, next: &str) -> bool {
    static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{0,2}[A-Z]\d{0,2}$").expect("regex"));
    let parts = prev.split(' ').count();
    let short = prev.chars().count() <= 8 && parts <= 2;
    short && prev.split(' ').all(|p| says(p) == Says::Text || CODE.is_match(p)) && (says(next) == Says::Place || CODE.is_match(next))
}

/// A cell's text: a web page's table may end each cell with ` |`.
pub fn cell_text(t: &str) -> &str {
    t.trim().trim_end_matches('|').trim_end()
}

/// A line that is prose, not a cell: it ends the table.
fn prose(t: &str) -> bool {
    t.contains(['。', '；', ';']) || t.ends_with(['：', ':']) || t.chars().count() > 60 || level(t).is_some() || t.starts_with("附件")
}

/// A table found in `lines` (each a source line number and its text, blank lines left out):
/// where it ends in `lines`, and its rows (the header first), each cell at its
/// column.
pub struct CellTable {
    pub end: usize,
    pub rows: Vec<Vec<Line>>,
}

/// The header's columns read with the names before the time (`日期 | 时间 | 学院` read as
/// `日期 | 学院 | 时间`): the column at each place in the order the cells come; `None` when the
/// header has no time before names.
fn names_first(cols: &[Column]) -> Option<Vec<usize>> {
    let w = cols.iter().position(|&c| c == Column::When)?;
    let k = cols.iter().position(|c| c.names())?;
    if w > k || cols.iter().filter(|&&c| c == Column::When).count() != 1 {
        return None;
    }
    let mut order: Vec<usize> = (0..cols.len()).collect();
    let moved = order.remove(k);
    order.insert(w, moved);
    Some(order)
}

/// The rows of cells under a header of columns `cols`, from `lines[i]` on (each cell at its
/// column), and where they end.
fn cells_under(lines: &[(u32, &str)], mut i: usize, cols: &[Column]) -> (usize, Vec<Vec<Line>>) {
    let blank = |n: u32| Line::new("", Origin::Line(n));
    let dated = cols.contains(&Column::Date);
    let mut rows: Vec<Vec<Line>> = Vec::new();
    let mut row: Vec<Line> = Vec::new();
    let mut last: Option<usize> = None;
    while let Some(&(n, t)) = lines.get(i) {
        let t = cell_text(t);
        let s = says_in(t, dated);
        if t.is_empty() {
            i += 1;
            continue;
        }
        if column(t).is_some() || two_columns(t).is_some() || !matches!(s, Says::Date | Says::Time) && prose(t) {
            break;
        }
        if let Some(l) = last {
            if continues(cols[l], &row[l].text, t) {
                let cell = &mut row[l];
                // (A place's parts keep a space between them: `松江 2A 2138教室`.)
                if cols[l] == Column::Place && place_in_parts(&cell.text, t) {
                    cell.text.push(' ');
                }
                cell.parts.push((cell.text.len(), Origin::Line(n)));
                cell.text.push_str(t);
                i += 1;
                continue;
            }
        }
        // The first later column that holds just this; else the next row's that does; else a
        // later column that may hold it; else the next row's.
        let fits: Vec<(usize, bool)> = (0..cols.len()).filter_map(|c| holds(cols[c], s).map(|e| (c, e))).collect();
        let later = |c: usize| last.is_none_or(|l| c > l);
        let exact_later = fits.iter().find(|(c, e)| *e && later(*c)).map(|x| x.0);
        let exact_any = fits.iter().find(|(_, e)| *e).map(|x| x.0);
        let any_later = fits.iter().find(|(c, _)| later(*c)).map(|x| x.0);
        let (col, new_row) = match (exact_later, exact_any, any_later, fits.first()) {
            (Some(c), ..) => (c, false),
            (None, Some(c), ..) => (c, true),
            (None, None, Some(c), _) => (c, false),
            (None, None, None, Some(&(c, _))) => (c, true),
            (None, None, None, None) => break,
        };
        if new_row {
            rows.push(std::mem::take(&mut row));
        }
        if row.is_empty() {
            row = (0..cols.len()).map(|_| blank(n)).collect();
        }
        row[col] = Line::new(t, Origin::Line(n));
        last = Some(col);
        i += 1;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    (i, rows)
}

/// The cell-per-line table starting at `lines[start]`, if one does: two or more header lines
/// naming columns, among them who comes and when, and at least one row under them.
pub fn table_at(lines: &[(u32, &str)], start: usize) -> Option<CellTable> {
    let mut cols: Vec<Column> = Vec::new();
    let mut header: Vec<Line> = Vec::new();
    let mut i = start;
    while let Some(&(n, t)) = lines.get(i) {
        let t = cell_text(t);
        let parts = match (column(t), two_columns(t)) {
            (Some(_), _) => vec![t],
            (None, Some((a, b))) => vec![a, b],
            (None, None) => break,
        };
        for part in parts {
            cols.extend(column(part));
            header.push(Line::new(part, Origin::Line(n)));
        }
        i += 1;
    }
    let names = cols.iter().any(|c| c.names());
    let when = cols.iter().any(|c| matches!(c, Column::When | Column::Date));
    // Who comes and when; or, with no one named, when and where (`日期 | 时间 | 校区 | 地点`).
    let place = cols.iter().any(|c| matches!(c, Column::Place));
    if cols.len() < 2 || !when || !(names || place && cols.len() >= 3) {
        return None;
    }
    let (end, mut body) = cells_under(lines, i, &cols);
    // `日期 | 时间 | 学院` over `1013` / `法学院` / `8:009:10` / `刑事司法学院` / `9:1011:00`: each
    // name before its time, the other way round from the header. Read so only when the header's
    // order leaves the first row's names without a time and the last time without names, and
    // the names-first order gives every row both.
    if let Some(order) = names_first(&cols) {
        let reordered: Vec<Column> = order.iter().map(|&c| cols[c]).collect();
        let has = |r: &[Line], cs: &[Column], want: fn(Column) -> bool| (0..cs.len()).any(|c| want(cs[c]) && !r[c].text.is_empty());
        let when: fn(Column) -> bool = |c| c == Column::When;
        let who: fn(Column) -> bool = Column::names;
        let first_odd = body.first().is_some_and(|r| has(r, &cols, who) && !has(r, &cols, when));
        let odd = first_odd && body.last().is_some_and(|r| has(r, &cols, when) && !has(r, &cols, who));
        let (end2, again) = if odd { cells_under(lines, i, &reordered) } else { (0, Vec::new()) };
        let whole = !again.is_empty() && again.iter().all(|r| has(r, &reordered, when) && has(r, &reordered, who));
        // (Names first, then times, but not a time for each: which time is whose, the cells do
        // not settle; no timetable is read.)
        if first_odd && !(odd && whole && end2 == end) && body.iter().skip(1).any(|r| has(r, &cols, when)) {
            return None;
        }
        if odd && whole && end2 == end {
            body = again
                .into_iter()
                .map(|r| {
                    let mut out: Vec<Option<Line>> = (0..cols.len()).map(|_| None).collect();
                    for (p, cell) in r.into_iter().enumerate() {
                        out[order[p]] = Some(cell);
                    }
                    out.into_iter().flatten().collect()
                })
                .collect();
        }
    }
    let i = end;
    let mut rows: Vec<Vec<Line>> = vec![header];
    rows.extend(body);
    // A row is something only when it says who comes (or, in a table of places, when and where).
    let filled = |r: &[Line], wanted: fn(Column) -> bool| (0..cols.len()).any(|c| wanted(cols[c]) && !r[c].text.is_empty());
    let real = rows[1..]
        .iter()
        .filter(|r| match names {
            true => filled(r, Column::names),
            false => filled(r, |c| matches!(c, Column::When | Column::Date)) && filled(r, |c| c == Column::Place),
        })
        .count();
    (real >= 1).then_some(CellTable { end: i, rows })
}

/// A table a web page flattened onto one line of `|`-separated cells (`…安排如下: 年级 | 时间 |
/// 地点 | 备注 | 2020年毕业生 | 9月5日 16:30--17:00 | …`): the prose before its header, and the
/// table read as if each cell stood on a line of its own.
pub fn flat_table(cells: &[String], line: u32) -> Option<(String, CellTable)> {
    if cells.len() < 8 {
        return None;
    }
    // The first header cell may close the sentence before it.
    let first = cells[0].trim();
    let (before, head) = match first.rfind([' ', ':', '：']) {
        Some(i) if column(first[i..].trim_start_matches([' ', ':', '：'])).is_some() => {
            let c = first[i..].chars().next().map_or(1, char::len_utf8);
            (first[..i + c].trim().to_string(), first[i + c..].trim())
        }
        _ => (String::new(), first),
    };
    let list: Vec<(u32, &str)> = std::iter::once(head).chain(cells[1..].iter().map(|c| c.trim())).map(|t| (line, t)).collect();
    let start = (0..list.len().saturating_sub(1)).find(|&k| column(list[k].1).is_some() && column(list[k + 1].1).is_some())?;
    if start > 0 {
        return None;
    }
    table_at(&list, 0).map(|f| (before, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        let lines: Vec<(u32, &str)> =
            text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (i as u32 + 1, l.trim())).collect();
        let f = table_at(&lines, 0).expect("a table");
        f.rows.iter().map(|r| r.iter().map(|c| c.text.clone()).collect()).collect()
    }

    #[test]
    fn cells_broken_over_lines_and_merged_cells_find_their_columns() {
        let got = rows(
            "序号\n采集时间\n图像采集学院\n1\n12月6日、7日\n8:00-22:00\n经济与管理学院\n2\n12月8日、9日(8:00-22:00\n土木工程学院、\n公共管理学院\n二、其他",
        );
        assert_eq!(
            got,
            vec![
                vec!["序号", "采集时间", "图像采集学院"],
                vec!["1", "12月6日、7日8:00-22:00", "经济与管理学院"],
                vec!["2", "12月8日、9日(8:00-22:00", "土木工程学院、公共管理学院"],
            ]
        );
        // A date merged over the rows below it, the place too.
        let got = rows("日期\n时间\n学院\n地点\n4月22日\n8:00-9:30\n文学院\n图书馆报告厅\n9:30-11:00\n历史学院\n11:00-12:00\n哲学院");
        assert_eq!(got[2], vec!["", "9:30-11:00", "历史学院", ""]);
        assert_eq!(got[3], vec!["", "11:00-12:00", "哲学院", ""]);
    }

    #[test]
    fn a_header_cell_may_name_two_columns() {
        assert_eq!(two_columns("各学院拍摄时间安排"), Some(("学院", "拍摄时间")));
        assert_eq!(two_columns("拍摄时间"), None);
        assert_eq!(two_columns("采集时段及大概人数"), Some(("采集时段", "大概人数")));
        assert_eq!(two_columns("各学院要高度重视"), None);
        let got = rows(
            "拍摄地点\n各学院拍摄时间安排\n博学楼A201\n电信学院\n12:30-15:00\n经法学院\n15:30-16:15\n博学楼A211\n机械学院\n12:30-14:30",
        );
        assert_eq!(got[0], vec!["拍摄地点", "学院", "拍摄时间"]);
        assert_eq!(got[1], vec!["博学楼A201", "电信学院", "12:30-15:00"]);
        assert_eq!(got[2], vec!["", "经法学院", "15:30-16:15"]);
        assert_eq!(got[3], vec!["博学楼A211", "机械学院", "12:30-14:30"]);
    }

    #[test]
    fn a_table_flattened_onto_one_line_is_read_after_its_sentence() {
        let line = "具体日期安排如下: 年级 | 时间 | 地点 | 备注 | 2020年毕业生 | 9月5日 16:30-17:00 | 西校区:会议室2002 | 费用:20元/人 | 9月6日 11:10-11:25 | 东校区:一教401 | 2019级新生 | 9月9日 15:40-16:00 | 西校区:会议室2002";
        let cells: Vec<String> = line.split('|').map(str::to_string).collect();
        let (before, found) = flat_table(&cells, 7).expect("a table");
        assert_eq!(before, "具体日期安排如下:");
        let rows: Vec<Vec<&str>> = found.rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(rows[0], vec!["年级", "时间", "地点", "备注"]);
        assert_eq!(rows[1], vec!["2020年毕业生", "9月5日 16:30-17:00", "西校区:会议室2002", "费用:20元/人"]);
        assert_eq!(rows[2], vec!["", "9月6日 11:10-11:25", "东校区:一教401", ""]);
        assert_eq!(rows[3][0], "2019级新生");
        assert!(found.rows.iter().flatten().all(|c| c.origin() == Origin::Line(7)));
        // A line of a few cells is a row, not a table.
        assert!(flat_table(&["学院".into(), "时间".into(), "文学院".into()], 1).is_none());
    }

    #[test]
    fn prose_and_headers_without_who_or_when_are_no_table() {
        let lines = [(1, "序号"), (2, "姓名"), (3, "1")];
        assert!(table_at(&lines, 0).is_none());
        let lines = [(1, "时间"), (2, "学院"), (3, "请各学院按时参加。")];
        assert!(table_at(&lines, 0).is_none());
    }

    #[test]
    fn dates_that_lost_their_marks_and_places_in_parts_find_their_columns() {
        let got = rows("日期\n时间\n校区\n地点\n学院\n225\n(周三)\n9:00-11:00\n东湖\n5C\n5101教室\n文学院/史学院\n西湖\n6201教室\n理学院");
        assert_eq!(got[1], vec!["225(周三)", "9:00-11:00", "", "东湖 5C 5101教室", "文学院/史学院"]);
        assert_eq!(got[2], vec!["", "", "", "西湖 6201教室", "理学院"]);
        // A room's number after the hours is the room's, not a date.
        let got = rows("日期\n时间\n教室\n学院\n1013\n9:00-11:00\n1201\n文学院\n1014\n9:00-10:00\n1202\n理学院");
        assert_eq!(got[1], vec!["1013", "9:00-11:00", "1201", "文学院"]);
        assert_eq!(got[2], vec!["1014", "9:00-10:00", "1202", "理学院"]);
    }

    #[test]
    fn names_each_before_their_hours_are_read_in_that_order() {
        let got = rows("日期\n时间\n学院\n0921\n文学院\n8:00-9:00\n理学院\n9:00-10:00");
        assert_eq!(got[1], vec!["0921", "8:00-9:00", "文学院"]);
        assert_eq!(got[2], vec!["", "9:00-10:00", "理学院"]);
        // Not when a name is left without hours: then no table is read.
        let lines = [(1, "日期"), (2, "时间"), (3, "学院"), (4, "0921"), (5, "文学院"), (6, "8:00-9:00"), (7, "理学院")];
        assert!(table_at(&lines, 0).is_none());
    }
}
