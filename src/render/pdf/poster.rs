//! Door posters: one sheet per room per capture day, which says everything alone when taped to
//! a door: the room name (at least 56 pt, readable from five metres), the date and weekday,
//! every time block with its college (at least 20 pt), the rules that matter at the door, a QR
//! code (at least 35 mm) to the room's page, and the notice's title and issuer at the foot.
//!
//! A crowded day changes layout instead of spilling onto a second sheet: smaller type down to
//! 20 pt, two columns, then each block's classes summed up ("6 个班") with the class list on the
//! room's page behind the QR code, then a compact sheet (QR code beside the room name, rules in a
//! strip, three columns). Only a day with more blocks than three columns hold at 20 pt goes below
//! 20 pt (99 classes in one room and day, 21–26 blocks, stay at 20 pt or more on A4).

use super::canvas::{mm, Canvas, Rgbf, Style, BLACK, BLUE, GRAY, LIGHT, RED};
use super::layout::draw_line;
use super::wrap::{name_lines, pack_items, wrap, Span, WrappedLine};
use super::{qr, save, DocInfo, Link, PaperSize, PrintContext};
use crate::base::dates::{date_long, weekday_of};
use crate::notice::model::Notice;
use crate::render::paths;
use crate::schedule::early_minutes;
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
    // Each line only from its field: `arrive_early_minutes`, `code`, `bring`, `dress`.
    let mut v = Vec::new();
    if let Some(m) = early_minutes(n) {
        v.push(format!("请提前 {m} 分钟到达"));
    }
    if n.code.is_some() {
        v.push("手机提前打开学信网“图像采集码”，到场出示".to_string());
    }
    if !n.bring.is_empty() {
        v.push(format!("请带好：{}", n.bring.iter().map(|b| b.value.as_str()).collect::<Vec<_>>().join("、")));
    }
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
    /// Whether a summed-up block shows its stations and class count (a crowded sheet drops them:
    /// the room's page has them).
    note: bool,
    /// Space above and below each block, in ems of `size`.
    gap: f32,
    /// Line height, in ems of `size`.
    lead: f32,
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
    // Stacked, the stations go with the classes (beside the time they may not fit).
    let station = b.station.iter().filter(|_| !side).cloned();
    let classes = if m.detail || b.classes.len() <= 1 {
        let items: Vec<String> = station.chain(b.classes.iter().cloned()).collect();
        pack_items(fonts, &items, m.small, false, right_w)
    } else if m.note {
        let items: Vec<String> = station.chain([format!("{} 个班", b.classes.len())]).collect();
        pack_items(fonts, &items, m.small, false, right_w)
    } else {
        Vec::new()
    };
    let lh = m.size * m.lead;
    let right_h = college.len() as f32 * lh + classes.len() as f32 * m.small * 1.4;
    let height = if side {
        let left_h = lh + if b.station.is_some() && (m.detail || m.note) { m.small * 1.4 } else { 0.0 };
        left_h.max(right_h)
    } else {
        lh + right_h
    };
    Laid { side, college, classes, height: height + m.size * m.gap * 2.0 }
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
/// columns, then classes summed up; sizes never below 20 pt. A compact sheet (QR code in the
/// header) tries summed-up blocks in two and three columns, then without their notes.
fn modes(k: f32, compact: bool) -> Vec<Mode> {
    let mut out = Vec::new();
    let kinds: &[(bool, usize, bool)] = if compact {
        &[(false, 2, true), (false, 3, true), (false, 2, false), (false, 3, false)]
    } else {
        &[(true, 1, true), (true, 2, true), (false, 1, true), (false, 2, true)]
    };
    for &(detail, cols, note) in kinds {
        let mut size = (30.0 * k).round();
        while size >= 20.0 {
            let small = if detail { (size * 0.5).clamp(11.0, 16.0) } else { (size * 0.6).max(12.0) };
            out.push(Mode {
                detail,
                cols,
                size,
                small,
                note,
                gap: if compact { 0.15 } else { 0.35 },
                lead: if compact { 1.12 } else { 1.2 },
            });
            size -= 2.0;
        }
    }
    out
}

/// The room name in as few lines as it needs at the largest size from 56 pt up (scaled with
/// the paper), broken only where its parts meet when it can be.
fn room_name_lines(c: &Canvas, name: &str, k: f32, width: f32, max: f32) -> (Vec<String>, f32) {
    let min = 56.0 * k;
    let mut size = max;
    let w = |s: f32| c.text_width(name, Style::new(s).bold());
    while size > min && w(size) > width {
        size -= 2.0 * k;
    }
    if w(size) <= width {
        return (vec![name.to_string()], size);
    }
    let mut size = (76.0 * k).min(max);
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
            time: s.shown(None).span_with('-'),
            station: multi.then(|| {
                let st: Vec<String> = s.stations.iter().map(u32::to_string).collect();
                format!("{} 号机位", st.join("、"))
            }),
            college: if s.open { notice.audience.value.clone() } else { s.colleges.shown() },
            classes: s.classes.iter().map(|k| format!("{} {}", k.name, k.shown(None).span_with('-'))).collect(),
        })
        .collect();

    let (wmm, hmm) = paper.mm();
    let (w, h) = (mm(wmm), mm(hmm));
    let k = wmm / 210.0;
    let probe = Canvas::new(ctx.fonts, h);
    let normal = frame(&probe, notice, &room_name, &url, k, w, h, false);
    let compact = || frame(&probe, notice, &room_name, &url, k, w, h, true);
    let width = normal.r - normal.l;
    let found = modes(k, false)
        .into_iter()
        .find_map(|m| fit(&probe, &blocks, m, width, normal.avail).map(|cols| (normal.clone(), m, cols)))
        .or_else(|| {
            let f = compact();
            modes(k, true).into_iter().find_map(|m| fit(&probe, &blocks, m, width, f.avail).map(|cols| (f.clone(), m, cols)))
        });
    let (fr, mode, cols) = match found {
        Some(found) => found,
        None => {
            // More blocks than a sheet holds at 20 pt: three columns at whatever size fits.
            let f = compact();
            let mut size = 19.0;
            loop {
                let m = Mode { detail: false, cols: 3, size, small: (size * 0.6).max(7.0), note: false, gap: 0.15, lead: 1.12 };
                match fit(&probe, &blocks, m, width, f.avail) {
                    Some(cols) => break (f, m, cols),
                    None if size > 6.0 => size -= 1.0,
                    None => {
                        let cols = fit(&probe, &blocks, m, width, f32::INFINITY).unwrap_or_default();
                        break (f, m, cols);
                    }
                }
            }
        }
    };
    let mut c = Canvas::new(ctx.fonts, h);
    let (l, r) = (fr.l, fr.r);
    draw_frame(&mut c, notice, &fr, &url, date, k, w, mode.detail)?;

    let gutter = mode.size;
    let col_w = (r - l - gutter * (mode.cols as f32 - 1.0)) / mode.cols as f32;
    let time_w = blocks.iter().map(|b| c.text_width(&b.time, Style::new(mode.size).bold())).fold(0.0, f32::max) + mode.size * 0.7;
    let mut it = blocks.iter();
    let mut n = 0;
    for (ci, col) in cols.iter().enumerate() {
        let x = l + ci as f32 * (col_w + gutter);
        let mut by = fr.top;
        for laid in col {
            let Some(b) = it.next() else { break };
            if n % 2 == 1 {
                c.fill_rect(x - mm(1.5) * k, by, col_w + mm(3.0) * k, laid.height, LIGHT);
            }
            n += 1;
            let lh = mode.size * mode.lead;
            let top = by + mode.size * mode.gap;
            c.text(x, top + mode.size * 0.95, &b.time, Style::new(mode.size).bold());
            let mut ry = top;
            if let (Some(st), true, true) = (&b.station, laid.side, mode.detail || mode.note) {
                c.text(x, top + lh + mode.small * 1.1, st, Style::new(mode.small));
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

    let info = DocInfo {
        title: &format!("{}　{}　{}", room_name, date_long(date), weekday_of(date)),
        author: notice.office_text(),
        subject: &notice.title.value,
        width_mm: wmm,
        height_mm: hmm,
        outline: Vec::new(),
        links: vec![Link { page: 0, rect: (fr.qr.0, fr.qr.1, fr.qr.2, fr.qr.2), uri: url.clone() }],
    };
    save(ctx, &info, vec![c.ops])
}

/// Where everything but the blocks goes on a sheet.
#[derive(Clone)]
struct Frame {
    compact: bool,
    l: f32,
    r: f32,
    band_h: f32,
    band_size: f32,
    name_lines: Vec<String>,
    name_size: f32,
    /// Left edge of the room name and date (centred on the sheet when `None`).
    name_x: Option<f32>,
    name_top: f32,
    date_size: f32,
    rule_y: f32,
    /// Top of the blocks and the height they have.
    top: f32,
    avail: f32,
    /// QR code: x, y, side.
    qr: (f32, f32, f32),
    /// The door box (normal sheets): top, height, rule lines; text size.
    door: Option<(f32, f32, Vec<Vec<WrappedLine>>)>,
    rule_size: f32,
    /// The door rules as one strip (compact sheets).
    strip: Vec<WrappedLine>,
    strip_top: f32,
    url_lines: Vec<WrappedLine>,
    url_size: f32,
    foot_lines: Vec<WrappedLine>,
    foot_top: f32,
    foot_size: f32,
}

/// Lays out the sheet around the blocks. A normal sheet has the room name centred under the
/// band and a door box with the rules and the QR code at the foot; a compact one (for a crowded
/// day) puts the QR code beside the room name and the rules in a strip at the foot.
#[allow(clippy::too_many_arguments)]
fn frame(c: &Canvas, n: &Notice, room_name: &str, url: &str, k: f32, w: f32, h: f32, compact: bool) -> Frame {
    let fonts = c.fonts;
    let margin = mm(12.0) * k;
    let (l, r) = (margin, w - margin);
    // A compact sheet has no band: the school and cohort go to the foot.
    let band_h = if compact { 0.0 } else { mm(14.0) * k };
    let band = format!("{} {}届毕业生图像信息采集", n.school.value, n.cohort_label());
    let mut band_size = if compact { 14.0 } else { 18.0 } * k;
    while band_size > 10.0 && c.text_width(&band, Style::new(band_size).bold()) > r - l {
        band_size -= 1.0;
    }
    let qr_side = mm(if compact { 35.0 } else { 38.0 }) * k;
    let name_top = band_h + mm(5.0) * k;
    let name_w = if compact { r - l - qr_side - mm(5.0) * k } else { r - l };
    let (name_lines, name_size) = room_name_lines(c, room_name, k, name_w, if compact { 56.0 * k } else { 100.0 * k });
    let date_size = if compact { 24.0 } else { 30.0 } * k;
    let mut y = name_top + name_lines.len() as f32 * name_size * 1.12 + date_size * 1.45;
    let rs = if compact { 11.0 } else { 13.0 } * k;
    let qr_y = name_top + mm(1.0) * k;
    if compact {
        y = y.max(qr_y + qr_side + rs * 1.6);
    }
    let rule_y = y;
    let top = rule_y + mm(4.0) * k;

    let foot_size = 8.5 * k;
    let url_size = 7.0 * k;
    let mut foot = format!("{}　{}", n.title.value, n.office_text());
    if compact {
        foot = format!("{}　{}", band, foot);
    }
    let foot_lines = wrap(fonts, &[Span::plain(foot)], foot_size, r - l);
    let pad = mm(4.0) * k;
    let url_lines = wrap(fonts, &[Span::plain(url.to_string())], url_size, if compact { r - l } else { qr_side + 2.0 * pad });
    let mut foot_h = foot_lines.len() as f32 * foot_size * 1.35;
    if compact {
        foot_h += url_lines.len() as f32 * url_size * 1.35;
    }
    let foot_top = h - margin * 0.8 - foot_h;
    let rules = door_rules(n);
    if compact {
        let text = format!("到场须知：{}", rules.join("；"));
        // No rules from the notice, no strip.
        let strip = if rules.is_empty() { Vec::new() } else { wrap(fonts, &[Span::plain(text)], rs, r - l - pad) };
        let strip_h = if strip.is_empty() { 0.0 } else { strip.len() as f32 * rs * 1.4 + pad };
        let strip_top = foot_top - mm(2.0) * k - strip_h;
        let qr = (r - qr_side, qr_y, qr_side);
        return Frame {
            compact,
            l,
            r,
            band_h,
            band_size,
            name_lines,
            name_size,
            name_x: Some(l),
            name_top,
            date_size,
            rule_y,
            top,
            avail: strip_top - mm(3.0) * k - top,
            qr,
            door: None,
            rule_size: rs,
            strip,
            strip_top,
            url_lines,
            url_size,
            foot_lines,
            foot_top,
            foot_size,
        };
    }
    let text_w = r - l - qr_side - 3.0 * pad;
    let rule_lines: Vec<Vec<WrappedLine>> = rules.iter().map(|t| wrap(fonts, &[Span::plain(t.clone())], rs, text_w - rs * 1.4)).collect();
    let text_h = rs * 1.9 + rule_lines.iter().map(|ls| ls.len() as f32 * rs * 1.45 + rs * 0.3).sum::<f32>();
    let caption_h = rs * 0.75 * 1.6 + url_lines.len() as f32 * url_size * 1.3;
    let box_h = text_h.max(qr_side + caption_h) + 2.0 * pad;
    let box_top = foot_top - mm(3.0) * k - box_h;
    let qr = (r - pad - qr_side, box_top + pad, qr_side);
    Frame {
        compact,
        l,
        r,
        band_h,
        band_size,
        name_lines,
        name_size,
        name_x: None,
        name_top,
        date_size,
        rule_y,
        top,
        avail: box_top - mm(4.0) * k - top,
        qr,
        door: Some((box_top, box_h, rule_lines)),
        rule_size: rs,
        strip: Vec::new(),
        strip_top: 0.0,
        url_lines,
        url_size,
        foot_lines,
        foot_top,
        foot_size,
    }
}

/// Draws the sheet's frame: band, room name, date, rule, door rules, QR code, foot.
#[allow(clippy::too_many_arguments)]
fn draw_frame(c: &mut Canvas, n: &Notice, f: &Frame, url: &str, date: NaiveDate, k: f32, w: f32, detail: bool) -> Result<()> {
    let (l, r) = (f.l, f.r);
    if !f.compact {
        c.fill_rect(0.0, 0.0, w, f.band_h, BLUE);
        let band = format!("{} {}届毕业生图像信息采集", n.school.value, n.cohort_label());
        c.text_center(w / 2.0, f.band_h / 2.0 + f.band_size * 0.36, &band, Style::new(f.band_size).bold().color(Rgbf(1.0, 1.0, 1.0)));
    }
    let mut y = f.name_top;
    let put = |c: &mut Canvas, y: f32, text: &str, style: Style| match f.name_x {
        Some(x) => c.text(x, y, text, style),
        None => c.text_center(w / 2.0, y, text, style),
    };
    for line in &f.name_lines {
        put(c, y + f.name_size * 0.9, line, Style::new(f.name_size).bold());
        y += f.name_size * 1.12;
    }
    let date_line = format!("{}　{}", date_long(date), weekday_of(date));
    put(c, y + f.date_size * 0.95, &date_line, Style::new(f.date_size).bold().color(RED));
    c.line(l, f.rule_y, r, f.rule_y, 2.0 * k, BLUE);

    let rs = f.rule_size;
    let (qx, qy, qs) = f.qr;
    qr::draw(c, url, qx, qy, qs)?;
    let caption = if detail { "扫码查看本教室安排" } else { "扫码查看各班级时间" };
    let mut cy = qy + qs + rs * 0.9;
    c.text_center(qx + qs / 2.0, cy, caption, Style::new(rs * 0.75));
    if let Some((box_top, box_h, rule_lines)) = &f.door {
        let pad = mm(4.0) * k;
        // The door box is drawn under the QR code: its fill goes first in a separate canvas pass.
        let mut under = Canvas::new(c.fonts, c.height);
        under.fill_rect(l, *box_top, r - l, *box_h, LIGHT);
        under.line(l, *box_top, l, box_top + box_h, 4.0 * k, RED);
        let mut ops = under.ops;
        ops.append(&mut c.ops);
        c.ops = ops;
        c.reset_state();
        let mut ty = box_top + pad;
        if !rule_lines.is_empty() {
            c.text(l + pad, ty + rs * 1.1, "到场须知", Style::new(rs * 1.1).bold().color(RED));
            ty += rs * 1.9;
        }
        for lines in rule_lines {
            c.text(l + pad, ty + rs * 1.05, "•", Style::new(rs));
            for line in lines {
                draw_line(c, l + pad + rs * 1.4, ty + rs * 1.05, line, rs, BLACK);
                ty += rs * 1.45;
            }
            ty += rs * 0.3;
        }
        cy += rs * 0.35;
        for line in &f.url_lines {
            cy += f.url_size * 1.3;
            let text: String = line.spans.iter().map(|s| s.text.as_str()).collect();
            c.text_center(qx + qs / 2.0, cy, &text, Style::new(f.url_size).color(GRAY));
        }
    } else {
        let pad = mm(4.0) * k;
        let h = f.strip.len() as f32 * rs * 1.4 + pad;
        c.fill_rect(l, f.strip_top, r - l, h, LIGHT);
        c.line(l, f.strip_top, l, f.strip_top + h, 4.0 * k, RED);
        let mut ty = f.strip_top + pad / 2.0;
        for line in &f.strip {
            draw_line(c, l + pad / 2.0 + 2.0 * k, ty + rs * 1.05, line, rs, BLACK);
            ty += rs * 1.4;
        }
    }
    let mut fy = f.foot_top;
    if f.compact {
        for line in &f.url_lines {
            draw_line(c, w / 2.0 - line.width / 2.0, fy + f.url_size, line, f.url_size, GRAY);
            fy += f.url_size * 1.35;
        }
    }
    for line in &f.foot_lines {
        draw_line(c, w / 2.0 - line.width / 2.0, fy + f.foot_size, line, f.foot_size, GRAY);
        fy += f.foot_size * 1.35;
    }
    Ok(())
}
