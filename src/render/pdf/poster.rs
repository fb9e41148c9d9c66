//! Door posters: one per room per capture day. The room name is readable from five metres,
//! then the date, every slot with its college and classes, the rules that matter at the door,
//! and a QR code to the room's page.

use super::canvas::{mm, Canvas, Style, BLACK, BLUE, GRAY, LIGHT, RED};
use super::layout::draw_line;
use super::wrap::{wrap, Span, WrappedLine};
use super::{qr, save, DocInfo, PaperSize, PrintContext};
use crate::base::dates::{date_long, weekday_of};
use crate::base::time::{hhmm_ceil, hhmm_floor};
use crate::notice::model::Notice;
use crate::render::paths;
use crate::schedule::types::{Slot, Timetable};
use anyhow::{bail, Result};
use chrono::NaiveDate;
use printpdf::Op;

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
    if let Some(e) = &n.capture.arrive_early_minutes {
        v.push(format!("请提前 {} 分钟到达", e.value));
    }
    if n.code.is_some() {
        v.push("手机提前打开学信网「图像采集码」，到场出示".to_string());
    }
    if !n.bring.is_empty() {
        v.push(format!("请带好：{}", n.bring.iter().map(|b| b.value.as_str()).collect::<Vec<_>>().join("、")));
    }
    v.extend(n.dress.iter().take(3).map(|d| short_rule(&d.value)));
    v
}

/// One slot laid out at a scale: its time, stations and college on the left and right, and
/// its classes below.
struct SlotBox {
    time: String,
    station: Option<String>,
    college: Vec<WrappedLine>,
    classes: Vec<WrappedLine>,
    height: f32,
}

struct Sizes {
    time: f32,
    college: f32,
    classes: f32,
}

/// `audience` names who a block open to all (no groups) is for.
fn slot_boxes(c: &Canvas, slots: &[&Slot], audience: &str, multi: bool, width: f32, s: &Sizes) -> Vec<SlotBox> {
    let time_w = s.time * 6.2;
    let right_w = width - time_w;
    slots
        .iter()
        .map(|slot| {
            let who = if slot.open { audience } else { slot.college.as_str() };
            let college = wrap(c.fonts, &[Span::bold(who.to_string())], s.college, right_w);
            let names: Vec<String> =
                slot.classes.iter().map(|k| format!("{} {}-{}", k.name, hhmm_floor(k.start), hhmm_ceil(k.end))).collect();
            let classes = wrap(c.fonts, &[Span::plain(names.join("　"))], s.classes, right_w);
            let station = multi.then(|| {
                let st: Vec<String> = slot.stations.iter().map(u32::to_string).collect();
                format!("{} 号机位", st.join("、"))
            });
            let left_h = s.time * 1.3 + if station.is_some() { s.classes * 1.5 } else { 0.0 };
            let right_h = college.len() as f32 * s.college * 1.3 + classes.len() as f32 * s.classes * 1.45;
            SlotBox {
                time: format!("{}-{}", hhmm_floor(slot.start), hhmm_ceil(slot.end)),
                station,
                college,
                classes,
                height: left_h.max(right_h) + s.classes * 0.9,
            }
        })
        .collect()
}

/// Renders the door poster of `room_id` on `date`.
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

    let (wmm, hmm) = paper.mm();
    let (w, h) = (mm(wmm), mm(hmm));
    let k = wmm / 210.0; // everything is designed for A4 and scaled
    let margin = mm(14.0) * k;
    let (l, r) = (margin, w - margin);
    let fonts = ctx.fonts;
    let mut pages: Vec<Vec<Op>> = Vec::new();
    let mut c = Canvas::new(fonts, h);

    // Band: school and what this is.
    let band_h = mm(20.0) * k;
    c.fill_rect(0.0, 0.0, w, band_h, BLUE);
    let band = format!("{} {}届毕业生图像信息采集", notice.school.value, notice.cohort_label());
    let mut bs = 20.0 * k;
    while bs > 10.0 && c.text_width(&band, Style::new(bs).bold()) > r - l {
        bs -= 1.0;
    }
    c.text_center(w / 2.0, band_h / 2.0 + bs * 0.36, &band, Style::new(bs).bold().color(super::canvas::Rgbf(1.0, 1.0, 1.0)));
    let mut y = band_h + mm(10.0) * k;

    // The room name, as large as the width allows; at least 60 pt (21 mm characters on A4,
    // 30 mm on A3), else on balanced lines.
    let mut size = 120.0 * k;
    let name_w = |size: f32| c.text_width(&room_name, Style::new(size).bold());
    while size > 60.0 * k && name_w(size) > r - l {
        size -= 2.0 * k;
    }
    let nlines = (name_w(size) / (r - l)).ceil().max(1.0);
    let target = (name_w(size) / nlines).max(size) * 1.02;
    let mut name_lines = wrap(fonts, &[Span::bold(room_name.clone())], size, target.min(r - l));
    if name_lines.len() as f32 > nlines {
        name_lines = wrap(fonts, &[Span::bold(room_name.clone())], size, r - l);
    }
    for line in name_lines {
        draw_line(&mut c, w / 2.0 - line.width / 2.0, y + size * 0.9, &line, size, BLACK);
        y += size * 1.15;
    }
    let ds = 34.0 * k;
    let date_line = format!("{}　{}", date_long(date), weekday_of(date));
    c.text_center(w / 2.0, y + ds * 0.95, &date_line, Style::new(ds).bold().color(RED));
    y += ds * 1.5;
    c.line(l, y, r, y, 2.0 * k, BLUE);
    y += mm(6.0) * k;

    // The door box at the foot, with the QR code.
    let rules = door_rules(notice);
    let rs = 14.0 * k;
    let qr_side = mm(46.0) * k;
    let pad = mm(5.0) * k;
    let text_w = r - l - qr_side - 3.0 * pad;
    let rule_lines: Vec<Vec<WrappedLine>> = rules.iter().map(|t| wrap(fonts, &[Span::plain(t.clone())], rs, text_w - rs * 1.4)).collect();
    let text_h = rs * 1.9 + rule_lines.iter().map(|ls| ls.len() as f32 * rs * 1.45 + rs * 0.3).sum::<f32>();
    let box_h = text_h.max(qr_side + rs * 2.2) + 2.0 * pad;
    let box_top = h - margin - box_h;

    // Slots: shrink until they fit above the door box; beyond that, continue on more pages.
    // When even the smallest scale overflows, print at a readable size over several pages.
    let avail = box_top - mm(6.0) * k - y;
    let sizes_at = |scale: f32| Sizes { time: 26.0 * k * scale, college: 22.0 * k * scale, classes: 13.0 * k * scale };
    let mut scale = 1.0;
    let boxes = loop {
        let b = slot_boxes(&c, &slots, &notice.audience.value, multi, r - l, &sizes_at(scale));
        if b.iter().map(|s| s.height).sum::<f32>() <= avail {
            break (b, sizes_at(scale));
        }
        if scale <= 0.6 {
            break (slot_boxes(&c, &slots, &notice.audience.value, multi, r - l, &sizes_at(0.8)), sizes_at(0.8));
        }
        scale -= 0.05;
    };
    let (boxes, sizes) = boxes;
    let time_w = sizes.time * 6.2;
    for (i, b) in boxes.iter().enumerate() {
        let limit = if pages.is_empty() { box_top - mm(4.0) * k } else { h - margin };
        if y + b.height > limit && i > 0 {
            pages.push(std::mem::replace(&mut c, Canvas::new(fonts, h)).ops);
            y = margin;
            let cont = format!("{}　{}（续）", room_name, date_long(date));
            c.text(l, y + 20.0 * k, &cont, Style::new(20.0 * k).bold());
            y += 32.0 * k;
        }
        if i % 2 == 1 {
            c.fill_rect(l - mm(2.0) * k, y - sizes.classes * 0.3, r - l + mm(4.0) * k, b.height, LIGHT);
        }
        c.text(l, y + sizes.time * 0.95, &b.time, Style::new(sizes.time).bold());
        if let Some(st) = &b.station {
            c.text(l, y + sizes.time * 1.3 + sizes.classes * 1.1, st, Style::new(sizes.classes).color(GRAY));
        }
        let mut ry = y;
        for line in &b.college {
            draw_line(&mut c, l + time_w, ry + sizes.college * 0.95, line, sizes.college, BLACK);
            ry += sizes.college * 1.3;
        }
        for line in &b.classes {
            draw_line(&mut c, l + time_w, ry + sizes.classes * 1.05, line, sizes.classes, BLACK);
            ry += sizes.classes * 1.45;
        }
        y += b.height;
    }

    // The door box goes on the first page, where people stand.
    let first = if pages.is_empty() { &mut c.ops } else { &mut pages[0] };
    let mut dc = Canvas::new(fonts, h);
    dc.fill_rect(l, box_top, r - l, box_h, LIGHT);
    dc.line(l, box_top, l, box_top + box_h, 4.0 * k, RED);
    let mut ty = box_top + pad;
    if !rule_lines.is_empty() {
        dc.text(l + pad, ty + rs * 1.1, "到场须知", Style::new(rs * 1.1).bold().color(RED));
        ty += rs * 1.9;
    }
    for lines in &rule_lines {
        dc.text(l + pad, ty + rs * 1.05, "•", Style::new(rs));
        for line in lines {
            draw_line(&mut dc, l + pad + rs * 1.4, ty + rs * 1.05, line, rs, BLACK);
            ty += rs * 1.45;
        }
        ty += rs * 0.3;
    }
    let qx = r - pad - qr_side;
    qr::draw(&mut dc, &url, qx, box_top + pad, qr_side)?;
    dc.text_center(qx + qr_side / 2.0, box_top + pad + qr_side + rs * 0.9, "扫码查看本教室安排", Style::new(rs * 0.75));
    let us = 6.5 * k;
    let mut uw = dc.text_width(&url, Style::new(us));
    let mut us2 = us;
    while uw > qr_side + 2.0 * pad && us2 > 4.0 {
        us2 -= 0.5;
        uw = dc.text_width(&url, Style::new(us2));
    }
    dc.text_center(qx + qr_side / 2.0, box_top + pad + qr_side + rs * 1.9, &url, Style::new(us2).color(GRAY));
    first.extend(dc.ops);
    pages.push(c.ops);

    let info = DocInfo {
        title: &format!("{}　{}　{}", room_name, date_long(date), weekday_of(date)),
        author: notice.office_text(),
        subject: &notice.title.value,
        width_mm: wmm,
        height_mm: hmm,
    };
    save(ctx, &info, pages)
}
