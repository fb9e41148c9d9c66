//! The notice as an A4 PDF: title block, facts card with a QR code to the web page, the body,
//! the timetable, dress rules, proofreading, make-up sessions, contacts, page numbers.

use super::canvas::{mm, Style, BLACK, GRAY, LIGHT, RED};
use super::layout::{baseline, draw_line, Block, Flow, Margins, Table, BODY, LEADING};
use super::wrap::{wrap, Span};
use super::{number_pages, qr, save, DocInfo, Link, Mark, PrintContext};
use crate::base::dates::{date_long, date_span, month_day, weekday_of};
use crate::config::Language;
use crate::notice::model::{Fee, Notice, Payer};
use crate::release::Status;
use crate::render::paths;
use crate::render::view::{room_pieces, rooms_text, RoomPiece};
use crate::schedule::early_minutes;
use crate::schedule::types::Timetable;
use anyhow::Result;

const W: f32 = 210.0;
const H: f32 = 297.0;

/// Renders the notice as an A4 PDF.
pub fn notice_pdf(ctx: &PrintContext, notice: &Notice, tt: &Timetable) -> Result<Vec<u8>> {
    notice_pdf_versioned(ctx, notice, tt, None)
}

/// Renders the notice as an A4 PDF with its version: a «第N版» stamp on the first page and,
/// when the notice changed since that release, the list of changes before the body.
pub fn notice_pdf_versioned(ctx: &PrintContext, notice: &Notice, tt: &Timetable, release: Option<&Status>) -> Result<Vec<u8>> {
    let (w, h) = (mm(W), mm(H));
    // A last page less than a third full is set again with tighter spacing, and that version
    // is kept when it needs a page less.
    let NoticePages { mut pages, fill, mut outline, link } = notice_pages(ctx, notice, tt, release, 1.0)?;
    if pages.len() > 1 && fill < 0.34 {
        for squeeze in [0.9, 0.8] {
            let tight = notice_pages(ctx, notice, tt, release, squeeze)?;
            if tight.pages.len() < pages.len() {
                pages = tight.pages;
                outline = tight.outline;
                break;
            }
        }
    }
    number_pages(ctx.fonts, &mut pages, w, h, mm(12.0));
    let info = DocInfo {
        title: &notice.title.value,
        author: notice.office_text(),
        subject: &format!("{}{}", notice.school.value, notice.office_text()),
        width_mm: W,
        height_mm: H,
        outline,
        links: vec![link],
    };
    save(ctx, &info, pages)
}

/// The notice set at one spacing.
struct NoticePages {
    /// The pages before their numbers.
    pages: Vec<Vec<printpdf::Op>>,
    /// How full the last page is.
    fill: f32,
    outline: Vec<Mark>,
    /// The link over the QR code.
    link: Link,
}

/// Sets the notice with line spacing and gaps at `squeeze` of the usual.
fn notice_pages(ctx: &PrintContext, notice: &Notice, tt: &Timetable, release: Option<&Status>, squeeze: f32) -> Result<NoticePages> {
    let (w, h) = (mm(W), mm(H));
    let margins = Margins { top: mm(22.0), bottom: mm(22.0), left: mm(24.0), right: mm(24.0) };
    let mut flow = Flow::new(ctx.fonts, w, h, margins);
    flow.squeeze = squeeze;
    if let Some(r) = release.filter(|r| r.version > 0) {
        let stamp = if r.changes.is_empty() { format!("第{}版", r.version) } else { format!("第{}版后修订", r.version) };
        let size = 10.0;
        let x = flow.right() - flow.canvas.text_width(&stamp, Style::new(size).bold());
        flow.canvas.text(x, flow.y - mm(6.0), &stamp, Style::new(size).bold().color(RED));
    }
    title_block(&mut flow, notice);
    let url = paths::absolute(&ctx.site.base_url, &paths::notice_dir(&notice.slug));
    let link = facts_card(&mut flow, notice, &url)?;
    if let Some(r) = release.filter(|r| r.version > 0 && !r.changes.is_empty()) {
        let mut b = vec![heading(&format!("自第{}版以来的变更", r.version))];
        for c in &r.changes {
            b.push(Block::Item {
                marker: "•".into(),
                spans: vec![Span::bold(format!("{}：", c.what)), Span::plain(format!("{} → {}", c.before, c.after))],
                depth: 0,
            });
        }
        flow.blocks(&b);
    }
    flow.blocks(&super::markdown::blocks(&notice.body, &ctx.site.base_url, &notice.slug));
    flow.blocks(&sections(notice, tt));
    signature(&mut flow, notice);
    let fill = flow.fill();
    let outline = std::mem::take(&mut flow.outline);
    Ok(NoticePages { pages: flow.finish(), fill, outline, link })
}

/// The red header of an official document: issuer, document number, rule, title, date.
fn title_block(f: &mut Flow, n: &Notice) {
    let (l, r) = (f.left(), f.right());
    let cx = (l + r) / 2.0;
    let head = format!("{}{}", n.school.value, n.office_text());
    let mut size: f32 = 24.0;
    while size > 14.0 && f.canvas.text_width(&head, Style::new(size).bold()) > r - l {
        size -= 1.0;
    }
    let head_lines = wrap(f.fonts, &[Span::bold(head)], size, r - l);
    for line in &head_lines {
        let lh = size * 1.3;
        let x = cx - line.width / 2.0;
        draw_line(&mut f.canvas, x, baseline(f.y, lh, size), line, size, RED);
        f.y += lh;
    }
    f.y += 4.0;
    if let Some(doc) = &n.doc_number {
        let lh = BODY * LEADING;
        f.canvas.text_center(cx, baseline(f.y, lh, BODY), &doc.value, Style::new(BODY));
        f.y += lh;
    }
    f.y += 3.0;
    f.canvas.line(l, f.y, r, f.y, 1.5, RED);
    f.y += mm(8.0);
    let size = 17.0;
    let lh = size * 1.45;
    for line in wrap(f.fonts, &[Span::bold(n.title.value.clone())], size, (r - l) * 0.92) {
        draw_line(&mut f.canvas, cx - line.width / 2.0, baseline(f.y, lh, size), &line, size, BLACK);
        f.y += lh;
    }
    f.y += 2.0;
    if let Some(issued) = &n.issued {
        let date = format!("{}　发布", date_long(issued.value));
        f.canvas.text_center(cx, baseline(f.y, BODY * 1.4, 9.5), &date, Style::new(9.5).color(GRAY));
    }
    f.y += BODY * 1.4 + mm(5.0);
}

/// The facts a student needs, in a shaded card with the page's QR code on the right.
fn facts(n: &Notice) -> Vec<(&'static str, String)> {
    let mut rows = vec![("采集对象", n.audience.value.clone())];
    let days: Vec<String> = n
        .capture
        .days
        .iter()
        .map(|d| {
            let s: Vec<String> =
                d.part.iter().map(|p| p.value.label().to_string()).chain(d.sessions.iter().map(|s| s.value.label())).collect();
            format!("{}（{}）{}", month_day(d.date.value), weekday_of(d.date.value), s.join("、"))
        })
        .collect();
    if !days.is_empty() {
        rows.push(("采集时间", days.join("；")));
    }
    if !n.capture.rooms.is_empty() {
        rows.push(("采集地点", rooms_text(n, Language::ZhCn)));
    }
    if let Some(f) = &n.fee {
        rows.push(("采集费用", fee(f)));
    }
    let zh = crate::render::i18n::labels(crate::config::Language::ZhCn);
    rows.extend(crate::render::fee::extra_rows(n, &zh, crate::config::Language::ZhCn).into_iter().map(|r| (r.label, r.value)));
    // Each row only from its field (`code`, `arrive_early_minutes`, `proofreading`).
    if let Some(code) = &n.code {
        rows.push((
            "采集码",
            match &code.lead_days {
                Some(d) => format!("采集前至少 {} 天登录学信网获取图像采集码，采集时出示", d.value),
                None => "登录学信网获取图像采集码，采集时出示".to_string(),
            },
        ));
    }
    if let Some(e) = &n.capture.arrive_early_minutes {
        rows.push(("到场", format!("按时间表提前 {} 分钟到达", e.value)));
    }
    if let Some(p) = &n.proofreading {
        rows.push(("图像校对", format!("{}，登录学信网核对本人图像", proofreading_when(p))));
    }
    rows
}

/// When to proofread, as the notice gives it: its dates, or about so long after capture.
fn proofreading_when(p: &crate::notice::model::Proofreading) -> String {
    match &p.after {
        Some(a) => a.value.after_capture(),
        None => date_span(p.from.as_ref().map(|d| d.value), p.until.as_ref().map(|d| d.value)).unwrap_or_default(),
    }
}

fn fee(f: &Fee) -> String {
    if f.payer.value == Payer::School || f.amount.value.is_zero() {
        return "免费（由学校承担）".into();
    }
    let mut s = format!("{} 元/人，{}", f.amount.value.two_decimals(), f.payer.value.label());
    if let Some(m) = &f.method {
        s.push_str(&format!("（{}）", m.value));
    }
    if let Some(d) = &f.deadline {
        let hour = f.deadline_time.as_ref().map(|t| format!(" {}", crate::base::time::hhmm_floor(t.value))).unwrap_or_default();
        s.push_str(&format!("，{}{hour}前完成", date_long(d.value)));
    }
    if let Some(i) = &f.includes {
        s.push_str(&format!("；含{}", i.value.trim_start_matches('含')));
    }
    if let Some(r) = &f.refund {
        s.push_str(&format!("；{}", r.value));
    }
    s
}

/// Returns the link over the QR code and its caption.
/// A fact's value as runs: the rooms' names each whole on a line, the rest as running text.
fn fact_spans(n: &Notice, label: &str, value: String) -> Vec<Span> {
    if label != "采集地点" {
        return vec![Span::plain(value)];
    }
    // (As `rooms_text` writes it, each name and each days kept whole on a line.)
    room_pieces(n, Language::ZhCn)
        .into_iter()
        .map(|p| match p {
            RoomPiece::Name(s) | RoomPiece::Days(s) => Span::kept(s),
            RoomPiece::Between(s) => Span::plain(s),
        })
        .collect()
}

fn facts_card(f: &mut Flow, n: &Notice, url: &str) -> Result<Link> {
    let size = 10.0;
    let lh = size * 1.5;
    let pad = mm(4.0);
    let qr_side = mm(30.0);
    let (l, r) = (f.left(), f.right());
    let label_w = size * 5.0;
    let text_x = l + pad + label_w;
    let text_w = r - pad - qr_side - mm(4.0) - text_x;
    let rows: Vec<(&str, Vec<_>)> = facts(n).into_iter().map(|(k, v)| (k, wrap(f.fonts, &fact_spans(n, k, v), size, text_w))).collect();
    let text_h: f32 = rows.iter().map(|(_, ls)| ls.len().max(1) as f32 * lh + 2.0).sum();
    let card_h = text_h.max(qr_side + size * 1.6) + 2.0 * pad;
    f.ensure(card_h);
    let top = f.y;
    f.canvas.fill_rect(l, top, r - l, card_h, LIGHT);
    f.canvas.line(l, top, l, top + card_h, 3.0, RED);
    let mut y = top + pad;
    for (label, lines) in &rows {
        f.canvas.text(l + pad, baseline(y, lh, size), label, Style::new(size).bold());
        for line in lines {
            draw_line(&mut f.canvas, text_x, baseline(y, lh, size), line, size, BLACK);
            y += lh;
        }
        y += 2.0;
    }
    let qx = r - pad - qr_side;
    qr::draw(&mut f.canvas, url, qx, top + pad, qr_side)?;
    let cap = Style::new(8.0).color(GRAY);
    f.canvas.text_center(qx + qr_side / 2.0, top + pad + qr_side + 8.0, "扫码查看网页版", cap);
    f.y = top + card_h + mm(6.0);
    Ok(Link { page: f.pages.len(), rect: (qx, top + pad, qr_side, qr_side + 10.0), uri: url.to_string() })
}

fn heading(text: &str) -> Block {
    Block::Heading { level: 2, spans: vec![Span::bold(text)] }
}

fn para(text: String) -> Block {
    Block::Para { spans: vec![Span::plain(text)], indent: 0.0 }
}

/// The sections built from the front matter.
fn sections(n: &Notice, tt: &Timetable) -> Vec<Block> {
    let mut b = Vec::new();
    if !tt.slots.is_empty() {
        b.push(heading("采集时间安排"));
        b.extend(timetable(n, tt));
        let mut advice = String::new();
        if let Some(m) = early_minutes(n) {
            advice.push_str(&format!("请按上表时间提前 {m} 分钟到达指定地点。"));
        }
        if n.code.is_some() {
            advice.push_str("手机打开学信网“图像采集码”待查。");
        }
        if !advice.is_empty() {
            b.push(para(advice));
        }
    }
    if !n.dress.is_empty() {
        b.push(heading("着装要求"));
        for (i, d) in n.dress.iter().enumerate() {
            b.push(Block::Item { marker: format!("{}.", i + 1), spans: vec![Span::plain(d.value.clone())], depth: 0 });
        }
    }
    if !n.bring.is_empty() {
        b.push(heading("请携带"));
        for d in &n.bring {
            b.push(Block::Item { marker: "•".into(), spans: vec![Span::plain(d.value.clone())], depth: 0 });
        }
    }
    if let Some(p) = &n.proofreading {
        b.push(heading("图像校对"));
        b.push(para(format!("{}，请登录学信网（www.chsi.com.cn）核对本人学籍图像。", proofreading_when(p))));
    }
    if !n.makeup.is_empty() {
        b.push(heading("补拍安排"));
        for m in &n.makeup {
            if m.denied() {
                let said = m.note.as_ref().map_or("不安排补拍".to_string(), |t| t.value.clone());
                b.push(Block::Item { marker: "•".into(), spans: vec![Span::plain(said)], depth: 0 });
                continue;
            }
            let mut s =
                date_span(m.from.as_ref().map(|d| d.value), m.until.as_ref().map(|d| d.value)).unwrap_or_else(|| "时间另行通知".into());
            if let Some(place) = &m.place {
                s.push_str(&format!("，{}", place.value));
            }
            if let Some(note) = &m.note {
                s.push_str(&format!("（{}）", note.value));
            }
            if let Some(p) = &m.phone {
                s.push_str(&format!("，电话 {}", p.value));
            }
            b.push(Block::Item { marker: "•".into(), spans: vec![Span::plain(s)], depth: 0 });
        }
    }
    if !n.contacts.is_empty() {
        b.push(heading("联系方式"));
        for c in &n.contacts {
            let mut s = vec![Span::bold(c.name.value.clone())];
            if let Some(p) = &c.phone {
                s.push(Span::plain(format!("　电话 {}", p.value)));
            }
            if let Some(e) = &c.email {
                s.push(Span::plain(format!("　邮箱 {}", e.value)));
            }
            b.push(Block::Item { marker: "•".into(), spans: s, depth: 0 });
        }
    }
    b
}

/// The timetable, a table per day (and room, when the notice has several) under the day's date
/// and the room's name: one date per day and one room per block, not one a row; each block's
/// classes as running text. Column widths come from the measured text, and
/// dates, times, rooms, colleges and class names never break inside.
fn timetable(n: &Notice, tt: &Timetable) -> Vec<Block> {
    let multi_station = tt.slots.iter().any(|s| s.stations.len() > 1 || s.station > 1);
    let has_count = tt.slots.iter().any(|s| s.headcount.is_some());
    let mut rooms: Vec<&str> = tt.slots.iter().map(|s| s.room.as_str()).collect();
    rooms.sort_unstable();
    rooms.dedup();
    let multi_room = rooms.len() > 1;
    let mut header = vec!["时间"];
    if multi_station {
        header.push("机位");
    }
    header.extend(["学院", "班级（时段）"]);
    if has_count {
        header.push("人数");
    }
    let header: Vec<Vec<Span>> = header.into_iter().map(|h| vec![Span { keep: true, ..Span::bold(h) }]).collect();
    let mut slots: Vec<&crate::schedule::types::Slot> = tt.slots.iter().collect();
    slots.sort_by(|a, b| (a.date, &a.room, a.start, a.station).cmp(&(b.date, &b.room, b.start, b.station)));
    let mut out = Vec::new();
    for block in slots.chunk_by(|a, b| a.date == b.date && a.room == b.room) {
        let (date, room) = (block[0].date, &block[0].room);
        let mut title = format!("{}（{}）", month_day(date), weekday_of(date));
        if multi_room {
            title.push('　');
            title.push_str(n.capture.room(room).map(|r| r.name.value.as_str()).unwrap_or(room));
        }
        out.push(Block::Heading { level: 3, spans: vec![Span::bold(title)] });
        let mut rows = Vec::new();
        for s in block {
            let mut row = vec![s.shown(None).span_with('-')];
            if multi_station {
                let st: Vec<String> = s.stations.iter().map(u32::to_string).collect();
                row.push(st.join("、"));
            }
            // A block open to all names the audience; a whole-college block says 全院.
            row.push(if s.open { n.audience.value.clone() } else { s.colleges.shown() });
            let classes: Vec<String> = s.classes.iter().map(|c| format!("{} {}", c.name, c.shown(None).span_with('-'))).collect();
            row.push(if s.open {
                String::new()
            } else if classes.is_empty() {
                "全院".into()
            } else {
                classes.join("　")
            });
            if has_count {
                row.push(s.headcount.map(|h| h.to_string()).unwrap_or_default());
            }
            rows.push(row.into_iter().map(|t| vec![Span::kept(t)]).collect());
        }
        out.push(Block::Table(Table { header: header.clone(), rows, fractions: None, size: 9.0 }));
    }
    out
}

/// Issuer and date at the end, right-aligned, as an official notice closes.
fn signature(f: &mut Flow, n: &Notice) {
    let lh = BODY * LEADING;
    f.ensure(lh * 3.0);
    f.y += lh;
    let r = f.right() - BODY * 2.0;
    // Only what the notice gives: the office, the date, either or neither.
    let lines: Vec<String> = n.office.iter().map(|o| o.value.clone()).chain(n.issued.iter().map(|i| date_long(i.value))).collect();
    let w = lines.iter().map(|t| f.canvas.text_width(t, Style::new(BODY))).fold(0.0, f32::max);
    let cx = r - w / 2.0;
    for t in &lines {
        f.canvas.text_center(cx, baseline(f.y, lh, BODY), t, Style::new(BODY));
        f.y += lh;
    }
}
