//! Door posters: one sheet per room per capture day, which says everything alone when taped to
//! a door: the room name (at least 56 pt, readable from five metres), the date and weekday,
//! every time block with its college (at least 20 pt), the rules that matter at the door, a QR
//! code (at least 35 mm) to the room's page, and the notice's title and issuer at the foot.
//!
//! A crowded day changes layout instead of spilling onto a second sheet: smaller type down to
//! 20 pt, two columns, then each block's classes summed up ("6 个班") with the class list on the
//! room's page behind the QR code. Only a day with more blocks than a sheet holds at 20 pt
//! (about 40 on A4) goes below 20 pt.

use super::canvas::{mm, Canvas, Rgbf, Style, BLACK, BLUE, GRAY, LIGHT, RED};
use super::layout::draw_line;
use super::wrap::{name_lines, pack_items, wrap, Span, WrappedLine};
use super::{qr, save, DocInfo, Link, PaperSize, PrintContext};
use crate::base::dates::{date_long, weekday_of};
use crate::base::time::{hhmm_ceil, hhmm_floor};
use crate::notice::model::Notice;
use crate::render::paths;
use crate::schedule::types::{Slot, Timetable};
use anyhow::{bail, Result};
use chrono::NaiveDate;

/// Shortens a dress rule for the door: its first sentence, at most about 30 characters.
fn short_rule(rule: &str) -> String {
    let first = rule.split(['。', '；', ';']).next().unwrap_or(rule).trim();
    if first.chars().count() <= 30 {
        return first.to_string();
    }
    let cut: String = first.chars().take(29).collect();
    format!("{cut}…")
}

/// The lines of the "at the door" box.
fn door_rules(n: &Notice) -> Vec<String> {
    let mut v = vec![
        format!("请提前 {} 分钟到达，按学号顺序排队", n.capture.arrive_early_minutes.value),
        "手机提前打开学信网“图像采集码”，到场出示".to_string(),
    ];
    v.extend(n.dress.iter().take(3).map(|d| short_rule(&d.value)));
    v
}

/// One time block of the day: a slot's time, stations, college and classes.
struct Block {
    time: String,
    station: Option<String>,
    college: String,
    /// Each class with its own time.
    classes: Vec<String>,
}

/// How the blocks are set: with their class lists or summed up, in how many columns, at what size.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Mode {
    detail: bool,
    cols: usize,
    /// Time and college.
    size: f32,
    /// Stations, class lists and counts.
    small: f32,
}

/// One block laid out for a mode and a column width.
struct Laid {
    /// The time left of the college (else above it).
    side: bool,
    college: Vec<String>,
    /// Class list (detail) or class count (summary), under the college.
    classes: Vec<WrappedLine>,
    height: f32,
}

const GAP: f32 = 0.35;

fn lay(c: &Canvas, b: &Block, m: Mode, time_w: f32, col_w: f32) -> Laid {
    let fonts = c.fonts;
    let side = col_w - time_w >= m.size * 6.0;
    let right_w = if side { col_w - time_w } else { col_w };
    let college = match name_lines(fonts, &b.college, m.size, true, right_w) {
        Some((lines, _)) => lines,
        None => wrap(fonts, &[Span::bold(b.college.clone())], m.size, right_w)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
            .collect(),
    };
    let classes = if m.detail || b.classes.len() <= 1 {
        pack_items(fonts, &b.classes, m.small, false, right_w)
    } else {
        wrap(fonts, &[Span::plain(format!("{} 个班", b.classes.len()))], m.small, right_w)
    };
    let lh = m.size * 1.2;
    let right_h = college.len() as f32 * lh + classes.len() as f32 * m.small * 1.4;
    let height = if side {
        let left_h = lh + if b.station.is_some() { m.small * 1.4 } else { 0.0 };
        left_h.max(right_h)
    } else {
        lh + right_h
    };
    Laid { side, college, classes, height: height + m.size * GAP * 2.0 }
}

/// Lays the blocks out in `m.cols` columns of `width` and `avail` height, or `None` when they do
/// not fit.
fn fit(c: &Canvas, blocks: &[Block], m: Mode, width: f32, avail: f32) -> Option<Vec<Vec<Laid>>> {
    let gutter = m.size;
    let col_w = (width - gutter * (m.cols as f32 - 1.0)) / m.cols as f32;
    let time_w = blocks.iter().map(|b| c.text_width(&b.time, Style::new(m.size).bold())).fold(0.0, f32::max) + m.size * 0.7;
    let laid: Vec<Laid> = blocks.iter().map(|b| lay(c, b, m, time_w, col_w)).collect();
    let total: f32 = laid.iter().map(|l| l.height).sum();
    // Columns filled in order, each about an even share of the height.
    let share = total / m.cols as f32;
    let mut cols: Vec<Vec<Laid>> = vec![Vec::new()];
    let mut h = 0.0;
    for l in laid {
        let last = cols.len() - 1;
        if !cols[last].is_empty() && (h + l.height > avail + 0.01 || (h + l.height / 2.0 > share + 0.01 && cols.len() < m.cols)) {
            cols.push(Vec::new());
            h = 0.0;
        }
        h += l.height;
        if h > avail + 0.01 || cols.len() > m.cols {
            return None;
        }
        let last = cols.len() - 1;
        cols[last].push(l);
    }
    Some(cols)
}

/// The layouts to try, best first: class lists in one column at falling sizes, then two
/// columns, then classes summed up; sizes never below 20 pt.
fn modes(k: f32) -> Vec<Mode> {
    let mut out = Vec::new();
    for detail in [true, false] {
        for cols in [1, 2] {
            let mut size = (30.0 * k).round();
            while size >= 20.0 {
                let small = if detail { (size * 0.5).clamp(11.0, 16.0) } else { (size * 0.6).max(12.0) };
                out.push(Mode { detail, cols, size, small });
                size -= 2.0;
            }
        }
    }
    out
}

/// The room name in as few lines as it needs at the largest size from 56 pt up (scaled with
/// the paper), broken only where its parts meet when it can be.
fn room_name_lines(c: &Canvas, name: &str, k: f32, width: f32) -> (Vec<String>, f32) {
    let min = 56.0 * k;
    let mut size = 100.0 * k;
    let w = |s: f32| c.text_width(name, Style::new(s).bold());
    while size > min && w(size) > width {
        size -= 2.0 * k;
    }
    if w(size) <= width {
        return (vec![name.to_string()], size);
    }
    let mut size = 76.0 * k;
    while size > min {
        if let Some((lines, cost)) = name_lines(c.fonts, name, size, true, width) {
            if lines.len() == 2 && cost <= 1 {
                return (lines, size);
            }
        }
        size -= 2.0 * k;
    }
    match name_lines(c.fonts, name, min, true, width) {
        Some((lines, _)) => (lines, min),
        None => (
            wrap(c.fonts, &[Span::bold(name)], min, width).iter().map(|l| l.spans.iter().map(|s| s.text.as_str()).collect()).collect(),
            min,
        ),
    }
}

/// Renders the door poster of `room_id` on `date`: always one sheet.
pub fn room_poster(
    ctx: &PrintContext,
    notice: &Notice,
    tt: &Timetable,
    room_id: &str,
    date: NaiveDate,
    paper: PaperSize,
) -> Result<Vec<u8>> {
    let mut slots: Vec<&Slot> = tt.slots.iter().filter(|s| s.room == room_id && s.date == date).collect();
    if slots.is_empty() {
        bail!("时间表中 {} 这天在教室「{room_id}」没有采集安排，无需张贴海报", date_long(date));
    }
    slots.sort_by_key(|s| (s.start, s.station, s.end));
    let multi = slots.iter().any(|s| s.stations.len() > 1 || s.station > 1);
    let room_name = notice.capture.room(room_id).map(|r| r.name.value.clone()).unwrap_or_else(|| room_id.to_string());
    let url = paths::absolute_file(&ctx.site.base_url, &paths::room_page(&notice.slug, room_id));
    let blocks: Vec<Block> = slots
        .iter()
        .map(|s| Block {
            time: format!("{}-{}", hhmm_floor(s.start), hhmm_ceil(s.end)),
            station: multi.then(|| {
                let st: Vec<String> = s.stations.iter().map(u32::to_string).collect();
                format!("{} 号机位", st.join("、"))
            }),
            college: s.college.clone(),
            classes: s.classes.iter().map(|k| format!("{} {}-{}", k.name, hhmm_floor(k.start), hhmm_ceil(k.end))).collect(),
        })
        .collect();

    let (wmm, hmm) = paper.mm();
    let (w, h) = (mm(wmm), mm(hmm));
    let k = wmm / 210.0;
    let margin = mm(12.0) * k;
    let (l, r) = (margin, w - margin);
    let fonts = ctx.fonts;
    let mut c = Canvas::new(fonts, h);

    // Band: school and what this is.
    let band_h = mm(14.0) * k;
    c.fill_rect(0.0, 0.0, w, band_h, BLUE);
    let band = format!("{} {}届毕业生图像信息采集", notice.school.value, notice.cohort.value);
    let mut bs = 18.0 * k;
    while bs > 10.0 && c.text_width(&band, Style::new(bs).bold()) > r - l {
        bs -= 1.0;
    }
    c.text_center(w / 2.0, band_h / 2.0 + bs * 0.36, &band, Style::new(bs).bold().color(Rgbf(1.0, 1.0, 1.0)));
    let mut y = band_h + mm(5.0) * k;

    let (name_lines, size) = room_name_lines(&c, &room_name, k, r - l);
    for line in &name_lines {
        c.text_center(w / 2.0, y + size * 0.9, line, Style::new(size).bold());
        y += size * 1.12;
    }
    let ds = 30.0 * k;
    let date_line = format!("{}　{}", date_long(date), weekday_of(date));
    c.text_center(w / 2.0, y + ds * 0.95, &date_line, Style::new(ds).bold().color(RED));
    y += ds * 1.45;
    c.line(l, y, r, y, 2.0 * k, BLUE);
    y += mm(4.0) * k;

    // The foot: the notice's title and issuer, and the room page's address.
    let fs = 8.5 * k;
    let foot = format!("{}　{}", notice.title.value, notice.office.value);
    let foot_lines = wrap(fonts, &[Span::plain(foot)], fs, r - l);
    let foot_h = foot_lines.len() as f32 * fs * 1.35;
    let foot_top = h - margin * 0.8 - foot_h;
    // The door box above it, with the QR code.
    let rs = 13.0 * k;
    let qr_side = mm(38.0) * k;
    let pad = mm(4.0) * k;
    let text_w = r - l - qr_side - 3.0 * pad;
    let rules = door_rules(notice);
    let rule_lines: Vec<Vec<WrappedLine>> = rules.iter().map(|t| wrap(fonts, &[Span::plain(t.clone())], rs, text_w - rs * 1.4)).collect();
    let text_h = rs * 1.9 + rule_lines.iter().map(|ls| ls.len() as f32 * rs * 1.45 + rs * 0.3).sum::<f32>();
    let us = 7.0 * k;
    let url_lines = wrap(fonts, &[Span::plain(url.clone())], us, qr_side + 2.0 * pad);
    let caption_h = rs * 0.75 * 1.6 + url_lines.len() as f32 * us * 1.3;
    let box_h = text_h.max(qr_side + caption_h) + 2.0 * pad;
    let box_top = foot_top - mm(3.0) * k - box_h;

    // The blocks, in the first layout that fits above the door box.
    let avail = box_top - mm(4.0) * k - y;
    let found = modes(k).into_iter().find_map(|m| fit(&c, &blocks, m, r - l, avail).map(|cols| (m, cols)));
    let (mode, cols) = match found {
        Some(f) => f,
        None => {
            // More blocks than a sheet holds at 20 pt: the summary at whatever size fits.
            let mut size = 19.0;
            loop {
                let m = Mode { detail: false, cols: 2, size, small: (size * 0.6).max(7.0) };
                match fit(&c, &blocks, m, r - l, avail) {
                    Some(cols) => break (m, cols),
                    None if size > 6.0 => size -= 1.0,
                    None => {
                        let m = Mode { cols: 3, ..m };
                        let cols = fit(&c, &blocks, m, r - l, f32::INFINITY).unwrap_or_default();
                        break (m, cols);
                    }
                }
            }
        }
    };
    let gutter = mode.size;
    let col_w = (r - l - gutter * (mode.cols as f32 - 1.0)) / mode.cols as f32;
    let time_w = blocks.iter().map(|b| c.text_width(&b.time, Style::new(mode.size).bold())).fold(0.0, f32::max) + mode.size * 0.7;
    let mut it = blocks.iter();
    let mut n = 0;
    for (ci, col) in cols.iter().enumerate() {
        let x = l + ci as f32 * (col_w + gutter);
        let mut by = y;
        for laid in col {
            let Some(b) = it.next() else { break };
            if n % 2 == 1 {
                c.fill_rect(x - mm(1.5) * k, by, col_w + mm(3.0) * k, laid.height, LIGHT);
            }
            n += 1;
            let lh = mode.size * 1.2;
            let top = by + mode.size * GAP;
            c.text(x, top + mode.size * 0.95, &b.time, Style::new(mode.size).bold());
            let mut ry = top;
            if let Some(st) = &b.station {
                if laid.side {
                    c.text(x, top + lh + mode.small * 1.1, st, Style::new(mode.small));
                } else {
                    let tw = c.text_width(&b.time, Style::new(mode.size).bold());
                    c.text(x + tw + mode.small, top + mode.size * 0.95, st, Style::new(mode.small));
                }
            }
            let rx = if laid.side { x + time_w } else { x };
            if !laid.side {
                ry += lh;
            }
            for line in &laid.college {
                c.text(rx, ry + mode.size * 0.95, line, Style::new(mode.size).bold());
                ry += lh;
            }
            for line in &laid.classes {
                draw_line(&mut c, rx, ry + mode.small * 1.05, line, mode.small, BLACK);
                ry += mode.small * 1.4;
            }
            by += laid.height;
        }
    }

    // The door box, where people stand.
    c.fill_rect(l, box_top, r - l, box_h, LIGHT);
    c.line(l, box_top, l, box_top + box_h, 4.0 * k, RED);
    let mut ty = box_top + pad;
    c.text(l + pad, ty + rs * 1.1, "到场须知", Style::new(rs * 1.1).bold().color(RED));
    ty += rs * 1.9;
    for lines in &rule_lines {
        c.text(l + pad, ty + rs * 1.05, "•", Style::new(rs));
        for line in lines {
            draw_line(&mut c, l + pad + rs * 1.4, ty + rs * 1.05, line, rs, BLACK);
            ty += rs * 1.45;
        }
        ty += rs * 0.3;
    }
    let qx = r - pad - qr_side;
    qr::draw(&mut c, &url, qx, box_top + pad, qr_side)?;
    let caption = if mode.detail { "扫码查看本教室安排" } else { "扫码查看各班级时间" };
    let mut cy = box_top + pad + qr_side + rs * 0.9;
    c.text_center(qx + qr_side / 2.0, cy, caption, Style::new(rs * 0.75));
    cy += rs * 0.35;
    for line in &url_lines {
        cy += us * 1.3;
        c.text_center(qx + qr_side / 2.0, cy, &line.spans.iter().map(|s| s.text.as_str()).collect::<String>(), Style::new(us).color(GRAY));
    }
    let mut fy = foot_top;
    for line in &foot_lines {
        draw_line(&mut c, w / 2.0 - line.width / 2.0, fy + fs, line, fs, GRAY);
        fy += fs * 1.35;
    }

    let info = DocInfo {
        title: &format!("{}　{}　{}", room_name, date_long(date), weekday_of(date)),
        author: &notice.office.value,
        subject: &notice.title.value,
        width_mm: wmm,
        height_mm: hmm,
        outline: Vec::new(),
        links: vec![Link { page: 0, rect: (qx, box_top + pad, qr_side, qr_side), uri: url.clone() }],
    };
    save(ctx, &info, vec![c.ops])
}
