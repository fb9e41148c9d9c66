//! Sign-in sheets (登记表): one per class, or per college block when classes are unknown, with
//! as many numbered blank rows as the headcount. No personal data is printed.

use super::canvas::{mm, Canvas, Style, BLACK, GRAY, LIGHT, RULE};
use super::layout::{baseline, draw_line};
use super::wrap::{wrap, Span};
use super::{save, DocInfo, PrintContext};
use crate::base::dates::{date_long, weekday_of};
use crate::base::time::Secs;
use crate::notice::model::Notice;
use crate::schedule::types::Timetable;
use crate::schedule::Shown;
use anyhow::{bail, Result};
use chrono::NaiveDate;
use printpdf::Op;
use rustc_hash::FxHashSet;

const W: f32 = 210.0;
const H: f32 = 297.0;
const COLUMNS: [(&str, f32); 5] = [("序号", 0.10), ("学号", 0.24), ("姓名", 0.20), ("签名", 0.26), ("拍摄号", 0.20)];

/// One sheet: who, where and when.
struct Sheet {
    college: String,
    class: Option<String>,
    room: String,
    stations: String,
    date: NaiveDate,
    start: Secs,
    end: Secs,
    headcount: Option<u32>,
}

fn sheets_of(notice: &Notice, tt: &Timetable, college: &str) -> Vec<Sheet> {
    // The classes of this college, gathered once: a search of the roster for every class of the
    // timetable was quadratic in the roster's rows. A class name belongs to one college only
    // (`check` refuses two colleges' classes of one name: `name-collision`), and every class of the
    // timetable is a class of the roster.
    let classes: FxHashSet<&str> = notice
        .capture
        .groups
        .iter()
        .filter(|g| g.college.value == college)
        .filter_map(|g| g.class.as_ref().map(|c| c.value.as_str()))
        .collect();
    let college_headcount =
        notice.capture.groups.iter().find(|g| g.class.is_none() && g.college.value == college).and_then(|g| g.headcount());
    let mut out = Vec::new();
    for s in &tt.slots {
        if !s.colleges.has(college) {
            continue;
        }
        let room = notice.capture.room(&s.room).map(|r| r.name.value.clone()).unwrap_or_else(|| s.room.clone());
        // Stations only when the notice gives the room's: else the sheet leaves the line blank.
        let given = notice.capture.room(&s.room).is_some_and(|r| r.stations.is_some());
        let st: Vec<String> = if given { s.stations.iter().map(u32::to_string).collect() } else { Vec::new() };
        let stations = st.join("、");
        // A college with no class of its own in the block (a whole college sharing a hand-made
        // slot with another college's classes) gets one sheet for the block.
        if !s.classes.iter().any(|c| classes.contains(c.name.as_str())) {
            let headcount = if s.colleges.len() == 1 { s.headcount } else { college_headcount };
            out.push(Sheet {
                college: college.to_string(),
                class: None,
                room,
                stations,
                date: s.date,
                start: s.start,
                end: s.end,
                headcount,
            });
            continue;
        }
        for c in &s.classes {
            if classes.contains(c.name.as_str()) {
                out.push(Sheet {
                    college: college.to_string(),
                    class: Some(c.name.clone()),
                    room: room.clone(),
                    stations: stations.clone(),
                    date: s.date,
                    start: c.start,
                    end: c.end,
                    headcount: c.headcount,
                });
            }
        }
    }
    out
}

/// Every sign-in sheet of one college, in timetable order, in one PDF.
pub fn college_sheets(ctx: &PrintContext, notice: &Notice, tt: &Timetable, college: &str) -> Result<Vec<u8>> {
    let sheets = sheets_of(notice, tt, college);
    if sheets.is_empty() {
        bail!("时间表中没有学院「{college}」的采集安排，无法生成登记表");
    }
    let mut pages = Vec::new();
    for s in &sheets {
        pages.extend(sheet_pages(ctx, notice, s));
    }
    let info = DocInfo {
        title: &format!("{}　图像采集登记表", college),
        author: notice.office_text(),
        subject: &notice.title.value,
        width_mm: W,
        height_mm: H,
        outline: Vec::new(),
        links: Vec::new(),
    };
    save(ctx, &info, pages)
}

fn sheet_pages(ctx: &PrintContext, n: &Notice, s: &Sheet) -> Vec<Vec<Op>> {
    let fonts = ctx.fonts;
    let (w, h) = (mm(W), mm(H));
    let margin = mm(16.0);
    let (l, r) = (margin, w - margin);
    let row_h = mm(8.5);
    let size = 10.5;
    let title = format!("{}{}届毕业生图像信息采集登记表", n.school.value, n.cohort_label());
    let who = match &s.class {
        Some(c) => c.clone(),
        None => "全院（未分班）".to_string(),
    };
    let info: [(&str, String); 8] = [
        ("学院", s.college.clone()),
        ("班级", who.clone()),
        ("地点", s.room.clone()),
        ("机位", if s.stations.is_empty() { "　".into() } else { format!("{} 号", s.stations) }),
        ("日期", format!("{}（{}）", date_long(s.date), weekday_of(s.date))),
        ("时间", Shown::new(s.start, s.end, None).span_with('-')),
        ("应到人数", s.headcount.map(|c| format!("{c} 人")).unwrap_or_else(|| "　".into())),
        ("实到人数", "　".into()),
    ];
    let info_row_h = mm(8.0);
    let first_top = margin + mm(12.0) + 4.0 * info_row_h + mm(5.0);
    let cont_top = margin + mm(12.0) + size * 1.8;
    let foot = h - margin - mm(14.0);
    let per_first = (((foot - first_top) / row_h).floor() as u32).saturating_sub(1).max(1);
    let per_next = (((foot - cont_top) / row_h).floor() as u32).saturating_sub(1).max(1);
    // Unknown headcount: one page of blank rows.
    let rows = s.headcount.unwrap_or(per_first).max(1);
    let total_pages = if rows <= per_first { 1 } else { 1 + (rows - per_first).div_ceil(per_next) };

    let mut pages = Vec::new();
    let mut next_row = 1u32;
    for p in 0..total_pages {
        let mut c = Canvas::new(fonts, h);
        let mut y = margin;
        let heading = if p == 0 { title.clone() } else { format!("{title}（续）") };
        c.text_center(w / 2.0, y + 16.0, &heading, Style::new(16.0).bold());
        y += mm(12.0);
        if p == 0 {
            let half = (r - l) / 2.0;
            let label_w = size * 5.0;
            for (i, (k, v)) in info.iter().enumerate() {
                let x = l + (i % 2) as f32 * half;
                let top = y + (i / 2) as f32 * info_row_h;
                c.fill_rect(x, top, label_w, info_row_h, LIGHT);
                c.stroke_rect(x, top, label_w, info_row_h, 0.6, RULE);
                c.stroke_rect(x + label_w, top, half - label_w, info_row_h, 0.6, RULE);
                let base = baseline(top, info_row_h, size);
                c.text_center(x + label_w / 2.0, base, k, Style::new(size).bold());
                let avail = half - label_w - 8.0;
                let mut vs = size;
                while vs > 6.0 && c.text_width(v, Style::new(vs)) > avail {
                    vs -= 0.5;
                }
                c.text(x + label_w + 4.0, baseline(top, info_row_h, vs), v, Style::new(vs));
            }
            y += 4.0 * info_row_h + mm(5.0);
        } else {
            // A continued page says whose it is, so that a page taken from the stack still does.
            let line = format!(
                "{}　{}　{}（{}）{}　{}",
                s.college,
                who,
                date_long(s.date),
                weekday_of(s.date),
                crate::schedule::Shown::new(s.start, s.end, None).span_with('-'),
                s.room
            );
            for l2 in wrap(fonts, &[Span::plain(line)], size, r - l).iter().take(1) {
                draw_line(&mut c, l, y + size, l2, size, BLACK);
            }
            y += size * 1.8;
        }
        // Column header.
        let mut x = l;
        for (name, frac) in COLUMNS {
            let cw = (r - l) * frac;
            c.fill_rect(x, y, cw, row_h, LIGHT);
            c.stroke_rect(x, y, cw, row_h, 0.6, BLACK);
            c.text_center(x + cw / 2.0, baseline(y, row_h, size), name, Style::new(size).bold());
            x += cw;
        }
        y += row_h;
        // The rows shared out evenly over the class's pages (never a page of two or three rows).
        let capacity = if p == 0 { per_first } else { per_next };
        let pages_left = total_pages - p;
        let rows_left = rows + 1 - next_row;
        let last = (next_row + capacity.min(rows_left.div_ceil(pages_left)) - 1).min(rows);
        // The blank rows: numbers in the first column, then the rules of the whole block at once.
        let first_w = (r - l) * COLUMNS[0].1;
        let mut ys = vec![y];
        while next_row <= last {
            c.text_center(l + first_w / 2.0, baseline(y, row_h, size), &next_row.to_string(), Style::new(size));
            y += row_h;
            ys.push(y);
            next_row += 1;
        }
        let mut xs = vec![l];
        for (_, frac) in COLUMNS {
            xs.push(xs[xs.len() - 1] + (r - l) * frac);
        }
        c.grid(&xs, &ys, 0.6, BLACK);
        if p + 1 == total_pages {
            y += mm(5.0);
            let sign = "采集人员签字：＿＿＿＿＿＿＿＿　　班级负责人签字：＿＿＿＿＿＿＿＿";
            c.text(l, baseline(y, size * 1.6, size), sign, Style::new(size));
        }
        let footer = format!("{} {}　第 {} 页 / 共 {} 页", s.college, who, p + 1, total_pages);
        c.text_center(w / 2.0, h - mm(10.0), &footer, Style::new(9.0).color(GRAY));
        pages.push(c.ops);
    }
    pages
}
