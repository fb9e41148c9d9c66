//! The HTML site: an index, one page per notice (with a card per college) and per room, and the JSON
//! timetable, all rendered in memory (so `check` can render too); `Site::build` hands them on.

use super::body::body_html;
use super::i18n::{fill, lang};
use super::theme::{tera_chain, Theme, ROOM_DAY_TABLE};
use super::view::{day_view, notice_view, room_days, slot_values, DayView, Detail, Lang, Link, RoomBlock, RoomDay};
use super::Context as SiteContext;
use super::{paths, timetable_json};
use crate::entry::Entry;
use crate::notice::model::Room;
use anyhow::{anyhow, Result};
use serde::Serialize;
use tera::Context;

/// A file to write: path relative to the output root, and its bytes.
pub type OutFile = (String, Vec<u8>);

#[derive(Serialize)]
struct Card {
    title: String,
    school: String,
    office: Option<String>,
    issued: Option<String>,
    dates: String,
    href: String,
}

/// What a page adds to the theme's global context (`site`, `t`, `cols`): its links up.
fn base_context(from_dir: &str) -> Context {
    let mut ctx = Context::new();
    ctx.insert("root", &paths::relative(from_dir, ""));
    ctx.insert("index_href", &paths::relative(from_dir, "index.html"));
    ctx
}

fn render(theme: &Theme, name: &str, ctx: &Context, what: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(16 * 1024);
    theme.tera.render_to(name, ctx, &mut out).map_err(|e| anyhow!("渲染 {what} 时模板出错：{}", tera_chain(&e)))?;
    Ok(out)
}

/// The home page: one card per notice, newest first.
pub fn render_index(site: &SiteContext) -> Result<OutFile> {
    let cards: Vec<Card> = site
        .entries
        .iter()
        .map(|e| {
            let n = &e.notice;
            let dates: Vec<String> = n.capture.days.iter().map(|d| lang::short(d.date.value, site.config.language)).collect();
            Card {
                title: n.title.value.clone(),
                school: n.school.value.clone(),
                office: n.office.as_ref().map(|o| o.value.clone()),
                issued: n.issued.as_ref().map(|i| lang::long(i.value, site.config.language)),
                dates: dates.join("、"),
                href: paths::notice_page(&n.slug),
            }
        })
        .collect();
    let mut ctx = base_context("");
    ctx.insert("notices", &cards);
    Ok(("index.html".into(), render(site.theme, "index.html", &ctx, "首页")?))
}

/// The files of one notice: with `html`, its page (with a card per college) and its rooms' pages;
/// with `json`, its `timetable.json`.
pub fn render_notice(site: &SiteContext, e: &Entry, outputs: &super::Outputs) -> Result<Vec<OutFile>> {
    let theme = site.theme;
    let n = &e.notice;
    let Some(tt) = &e.timetable else { return Ok(Vec::new()) };
    let json = outputs.json.then(|| (paths::timetable_json(&n.slug), timetable_json(n, tt).into_bytes()));
    if !outputs.html {
        return Ok(json.into_iter().collect());
    }
    let l = Lang { lang: site.config.language, t: &theme.labels };
    let dir = paths::notice_dir(&n.slug);
    // Every slot's view is made once: the notice page and the room pages show the same values.
    // Each page renders its tables with its own link to the notice page (`to_notice`).
    let values = slot_values(n, tt, &l);
    let days = room_days(n, tt, &values, |slots| day_table(theme, slots, "", &n.path))?;
    let mut rooms = Vec::with_capacity(n.capture.rooms.len());
    if !n.capture.rooms.is_empty() {
        // Every room page is in the same folder (`<notice>/rooms/`), so the notice's head and the
        // release read the same from each: made into template values once, for all rooms.
        let rdir = paths::rooms_dir(&n.slug);
        let shared = RoomPages {
            entry: e,
            outputs,
            l: &l,
            days: &days,
            to_notice: paths::relative(&rdir, &paths::notice_page(&n.slug)),
            head: tera::Value::from_serializable(&notice_view(n, tt, String::new(), &rdir, outputs, Detail::Head, &l)),
            release: tera::Value::from_serializable(&e.release),
        };
        for room in &n.capture.rooms {
            rooms.push(render_room(theme, &shared, room)?);
        }
    }
    let mut ctx = base_context(&dir);
    ctx.insert("notice", &notice_view(n, tt, body_html(&n.body), &dir, outputs, Detail::Full { values: &values, days: &days }, &l));
    ctx.insert("release", &e.release);
    ctx.insert("changes", &e.release.changes);
    let page = render(theme, "notice.html", &ctx, &n.path)?;
    let mut out = vec![(paths::notice_page(&n.slug), page)];
    out.extend(json);
    out.extend(rooms);
    Ok(out)
}

/// One room's blocks on one day through the theme's `slot_table`; `to_notice` is the page's link
/// to the notice page (empty on the notice page itself), which the table's links start with.
fn day_table(theme: &Theme, slots: &[tera::Value], to_notice: &str, what: &str) -> Result<tera::Value> {
    let mut ctx = Context::new();
    ctx.insert_value("slots", tera::Value::from(slots.to_vec()));
    ctx.insert("to_notice", to_notice);
    let html = render(theme, ROOM_DAY_TABLE, &ctx, what)?;
    let html = std::str::from_utf8(&html).map_err(|_| anyhow!("渲染 {what} 时模板输出了无效的 UTF-8"))?;
    Ok(tera::Value::safe_string(html))
}

/// What the room pages of one notice share.
struct RoomPages<'a> {
    entry: &'a Entry,
    outputs: &'a super::Outputs,
    l: &'a Lang<'a>,
    /// Every room's blocks day by day, with their tables ([`room_days`]).
    days: &'a [RoomDay<'a>],
    /// The link from the room pages to the notice page.
    to_notice: String,
    /// The notice's head ([`Detail::Head`]) and release, as template values.
    head: tera::Value,
    release: tera::Value,
}

/// A room's page: its part of the timetable, day by day, its posters and calendar.
fn render_room(theme: &Theme, p: &RoomPages, room: &Room) -> Result<OutFile> {
    let (n, l) = (&p.entry.notice, p.l);
    let path = paths::room_page(&n.slug, &room.id.value);
    let (rdir, page) = (paths::folder_of(&path), paths::file_name(&path));
    let mine: Vec<&RoomDay> = p.days.iter().filter(|rd| rd.room.id.value == room.id.value).collect();
    let dates: Vec<_> = mine.iter().map(|rd| rd.date).collect();
    let what = format!("{} 的房间页", n.path);
    let days: Vec<DayView> = mine
        .iter()
        .map(|rd| {
            let table = day_table(theme, &rd.slots, &p.to_notice, &what)?;
            let block = RoomBlock { name: room.name.value.clone(), href: page.into(), slots: rd.slots.clone(), table };
            Ok(day_view(rd.date, l, vec![block]))
        })
        .collect::<Result<_>>()?;
    let posters: Vec<Link> = if p.outputs.posters {
        dates
            .iter()
            .map(|&d| Link {
                label: fill(l.t, "poster_pdf", &lang::short(d, l.lang)),
                href: paths::file_name(&paths::poster_pdf(&n.slug, &room.id.value, d)).into(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut ctx = base_context(rdir);
    ctx.insert_value("notice", p.head.clone());
    ctx.insert("room", &Link { label: room.name.value.clone(), href: page.into() });
    // Shown only when the notice gives them.
    ctx.insert("stations", &room.stations.as_ref().map(|s| s.value));
    ctx.insert("directions", &room.directions.as_ref().map(|d| d.value.as_str()));
    ctx.insert("days", &days);
    ctx.insert("posters", &posters);
    // (A room without a slot has no calendar: none is written, so none is linked.)
    let timed = mine.iter().any(|rd| !rd.slots.is_empty());
    ctx.insert("ics_href", &(p.outputs.ics && timed).then(|| paths::file_name(&paths::room_ics(&n.slug, &room.id.value)).to_string()));
    ctx.insert_value("release", p.release.clone());
    let changes: Vec<_> =
        p.entry.release.changes.iter().filter(|c| c.college.is_none() || c.rooms.iter().any(|r| r.starts_with(&room.name.value))).collect();
    ctx.insert("changes", &changes);
    let html = render(theme, "room.html", &ctx, &what)?;
    Ok((path, html))
}
