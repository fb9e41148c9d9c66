//! Typed views handed to the templates: they document which variables a theme can use.

use super::card::{college_cards, Card};
use super::i18n::lang;
use super::i18n::{fill, Filler, Labels};
use super::paths;
use super::Outputs;
use crate::config::Language;
use crate::notice::model::{Notice, Payer, Room};
use crate::schedule::{early_minutes, Slot, Timetable};
use serde::Serialize;

#[derive(Serialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct ClassView {
    pub name: String,
    /// The class's own minutes (`08:00–08:19`).
    pub time: String,
    /// "07:45 前到场": the class's own start less the notice's `arrive_early_minutes`; `None`
    /// when the notice does not give them.
    pub arrive_by: Option<String>,
    pub headcount: Option<u32>,
    /// The headcount as shown ("32人").
    pub persons: Option<String>,
    /// The id of the class's card on the notice page (`c-…`; link to it with `#`).
    pub anchor: String,
}

/// One block of the timetable. Made into a template value once per notice and shown by the notice
/// page (timetable and college cards) and by its room's page alike, so its links are written
/// from the notice page: `room_href` to the room page, `college_href` the college card's
/// fragment (a page elsewhere puts its link to the notice page before it: `slot_table`'s
/// `to_notice`).
#[derive(Serialize)]
pub struct SlotView {
    pub date: String,
    /// The date as `YYYY-MM-DD`, for scripts (the room page's "now and next").
    pub iso: String,
    pub time: String,
    /// When to arrive; `None` when the notice gives no `arrive_early_minutes`.
    pub arrive: Option<String>,
    /// "07:45 前到场"; `None` likewise.
    pub arrive_by: Option<String>,
    pub room: String,
    pub room_href: String,
    pub station: String,
    /// Every college of the block, each with the link to its card (one for scheduled blocks).
    pub colleges: Vec<Link>,
    /// The colleges as one text (` · ` between two), and the link to the first one's card.
    pub college: String,
    /// "" for a slot open to the whole audience (it has no college card).
    pub college_href: String,
    pub headcount: Option<u32>,
    /// The headcount as shown ("32人").
    pub persons: Option<String>,
    /// The block's classes ([`ClassView`]s, a list in templates).
    pub classes: tera::Value,
    /// The id of the block's card on the notice page when it has no classes (`c-学院-0`).
    pub anchor: String,
}

#[derive(Serialize)]
pub struct RoomBlock {
    pub name: String,
    pub href: String,
    /// [`SlotView`]s as template values.
    pub slots: Vec<tera::Value>,
    /// These blocks as the theme's `slot_table` renders them ([`RoomDay::table`]), the same value
    /// on the notice page and the room's page.
    pub table: tera::Value,
}

/// One room's blocks on one day. The notice page shows them under the day and the room, the room's
/// page under the day (each page renders the table with its own link to the notice page).
pub struct RoomDay<'a> {
    pub date: chrono::NaiveDate,
    pub room: &'a Room,
    /// [`SlotView`]s as template values.
    pub slots: Vec<tera::Value>,
    /// The theme's `slot_table` of `slots` as the notice page shows it (`to_notice` empty), as a
    /// safe template value.
    pub table: tera::Value,
}

/// Every room's blocks day by day (days in date order, rooms in the notice's order, a room without
/// blocks that day left out), each table made by `render` from the blocks' values.
pub fn room_days<'a, E>(
    n: &'a Notice,
    tt: &Timetable,
    values: &[tera::Value],
    mut render: impl FnMut(&[tera::Value]) -> Result<tera::Value, E>,
) -> Result<Vec<RoomDay<'a>>, E> {
    let mut out = Vec::new();
    for date in tt.dates() {
        for room in &n.capture.rooms {
            let slots = slots_where(tt, values, |s| s.date == date && s.room == room.id.value);
            if !slots.is_empty() {
                let table = render(&slots)?;
                out.push(RoomDay { date, room, slots, table });
            }
        }
    }
    Ok(out)
}

#[derive(Serialize)]
pub struct DayView {
    pub label: String,
    pub anchor: String,
    pub rooms: Vec<RoomBlock>,
}

#[derive(Serialize)]
pub struct MakeupView {
    /// The dates as given (`…至…`, `…之前`, `…之后`); `None`: the notice gives none (the theme
    /// says `t.makeup_later`).
    pub dates: Option<String>,
    pub place: Option<String>,
    pub phone: Option<String>,
    pub note: Option<String>,
    /// The notice says there is no makeup: the page gives `note` (its words) and nothing else.
    pub denied: bool,
}

/// 学信网 图像校对 as the notice gives it: dates, or "about so long after capture".
#[derive(Serialize)]
pub struct ProofreadingView {
    /// `…至…`, `…之前` or `…之后`.
    pub when: Option<String>,
    /// `40 天`, `3 个月`: how long after capture, in the notice's unit.
    pub after: Option<String>,
}

#[derive(Serialize)]
pub struct ContactView {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Everything a notice page (and, with [`Detail::Head`], its room pages) shows.
#[derive(Serialize)]
pub struct NoticeView {
    pub title: String,
    pub school: String,
    pub office: Option<String>,
    pub doc_number: Option<String>,
    pub issued: Option<String>,
    /// The 届 as written (`2026`, `2025、2026`).
    pub cohort: String,
    pub audience: String,
    pub facts: Vec<Fact>,
    /// What to bring, only as the notice lists it (`bring`).
    pub bring: Vec<String>,
    /// What the notice itself says to bring (no default): the class cards show only this.
    pub bring_stated: Vec<String>,
    /// Minutes to arrive early, only when the notice says (`arrive_early_minutes`).
    pub arrive_early: Option<u32>,
    /// Whether the notice names the 学信网 采集码 (`code`).
    pub code: bool,
    pub days: Vec<DayView>,
    pub dress: Vec<String>,
    pub body_html: String,
    /// Only when the notice mentions proofreading.
    pub proofreading: Option<ProofreadingView>,
    pub makeup: Vec<MakeupView>,
    pub contacts: Vec<ContactView>,
    pub rooms: Vec<Link>,
    /// One card per college, in timetable order (on the notice page, with its blocks).
    pub colleges: Vec<CollegeView>,
    pub href: String,
    pub json_href: Option<String>,
    pub pdf_href: Option<String>,
}

/// A college's card on the notice page (`#college-…`): its blocks, its calendar and sheets.
#[derive(Serialize)]
pub struct CollegeView {
    pub label: String,
    /// Link to the card (on the notice page `#college-…`, elsewhere the notice page with it).
    pub href: String,
    pub anchor: String,
    /// Every block the college (or a block it shares) has ([`SlotView`]s as template values).
    /// Empty on room pages ([`Detail::Head`]).
    pub slots: Vec<tera::Value>,
    /// A card per class (or class-less block) of the college, each at its own link. Empty on room
    /// pages ([`Detail::Head`]).
    pub cards: Vec<Card>,
    pub ics_href: Option<String>,
    pub sheets_href: Option<String>,
}

/// For every college (in `tt.colleges()` order), the blocks it has a part in.
fn college_slots(tt: &Timetable, values: &[tera::Value]) -> Vec<Vec<tera::Value>> {
    tt.colleges().into_iter().map(|col| slots_where(tt, values, |s| s.colleges.has(col))).collect()
}

/// The slots (as template values, `values` in timetable order) that `keep` picks, in timetable
/// order.
fn slots_where(tt: &Timetable, values: &[tera::Value], keep: impl Fn(&Slot) -> bool) -> Vec<tera::Value> {
    tt.slots.iter().zip(values).filter(|(s, _)| keep(s)).map(|(_, v)| v.clone()).collect()
}

/// The id of a college's card on the notice page.
pub fn college_anchor(college: &str) -> String {
    prefixed("college-", college)
}

/// `prefix` followed by `name` as a path segment.
fn prefixed(prefix: &str, name: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + name.len());
    out.push_str(prefix);
    out.push_str(&paths::segment(name));
    out
}

pub fn anchor(name: &str) -> String {
    prefixed("c-", name)
}

/// Hrefs in the view are relative to `from_dir` (the folder of the page being rendered).
/// The language and labels every view is rendered in.
pub struct Lang<'a> {
    pub lang: Language,
    pub t: &'a Labels,
}

/// What a notice view carries besides its head (title, facts, links).
pub enum Detail<'a> {
    /// The notice page: the timetable by day and room ([`room_days`]) and the college cards, from
    /// the slot views (one per slot, in timetable order: [`slot_values`]).
    Full { values: &'a [tera::Value], days: &'a [RoomDay<'a>] },
    /// Room pages: `days` and the colleges' `slots` are empty and `body_html` is ""
    /// (they show their own part of the timetable), so a large notice does not cost its size once
    /// per page.
    Head,
}

pub fn notice_view(
    n: &Notice,
    tt: &Timetable,
    body_html: String,
    from_dir: &str,
    outputs: &Outputs,
    detail: Detail<'_>,
    l: &Lang,
) -> NoticeView {
    let t = l.t;
    let rel = |to: &str| paths::relative(from_dir, to);
    // Links to a college's card: on the notice page itself just the fragment.
    let to_notice = if from_dir.trim_matches('/') == paths::notice_dir(&n.slug).trim_matches('/') {
        String::new()
    } else {
        rel(&paths::notice_page(&n.slug))
    };
    let c = &n.capture;
    let early = early_minutes(n);
    // A day as the notice gives it: its part (上午/下午/全天) when named, and its hours when
    // no timetable shows them.
    let dates: Vec<String> = c
        .days
        .iter()
        .map(|d| {
            let mut s = lang::weekday(d.date.value, l.lang);
            if let Some(p) = &d.part {
                s.push(' ');
                s.push_str(p.value.label());
            }
            if tt.slots.is_empty() && !d.sessions.is_empty() {
                let hours: Vec<String> = d.sessions.iter().map(|x| x.value.label()).collect();
                s.push(' ');
                s.push_str(&hours.join("、"));
            }
            s
        })
        .collect();
    let rooms = rooms_text(n, l.lang);
    let mut facts = vec![Fact { label: t["fact_audience"].into(), value: n.audience.value.clone() }];
    // An online-only notice has no capture days.
    if !dates.is_empty() {
        facts.push(Fact { label: t["fact_dates"].into(), value: dates.join("、") });
    }
    if !rooms.is_empty() {
        facts.push(Fact { label: t["fact_rooms"].into(), value: rooms });
    }
    if let Some(f) = &n.fee {
        let amount = f.amount.value.to_string();
        let mut fee = if f.payer.value == Payer::School && f.amount.value.is_zero() {
            t["fee_free"].to_string()
        } else {
            let payer = match f.payer.value {
                Payer::Student => t["payer_student"],
                Payer::Class => t["payer_class"],
                Payer::College => t["payer_college"],
                Payer::School => t["payer_school"],
            };
            format!("{}，{payer}", fill(t, "fee_each", &amount))
        };
        if let Some(m) = &f.method {
            fee.push_str(&format!("；{}", m.value));
        }
        if let Some(d) = &f.deadline {
            fee.push_str(&format!("；{} {}", t["fee_deadline"], lang::weekday(d.value, l.lang)));
            if let Some(h) = &f.deadline_time {
                fee.push_str(&format!(" {}", crate::base::time::hhmm_floor(h.value)));
            }
        }
        facts.push(Fact { label: t["fact_fee"].into(), value: fee });
        if let Some(i) = &f.includes {
            facts.push(Fact { label: t["fact_includes"].into(), value: i.value.clone() });
        }
    }
    facts.extend(super::fee::extra_rows(n, t, l.lang).into_iter().map(|r| Fact { label: r.label.into(), value: r.value }));
    // Each fact only from its field: no 采集码 line without `code`, no lead time without
    // `lead_days`, no arrival advice without `arrive_early_minutes`, nothing to bring unless listed.
    if let Some(code) = &n.code {
        let value = match &code.lead_days {
            Some(d) => fill(t, "fact_code_text", &d.value.to_string()),
            None => t["fact_code_fetch"].to_string(),
        };
        facts.push(Fact { label: t["fact_code"].into(), value });
    }
    if let Some(e) = early {
        facts.push(Fact { label: t["fact_arrive"].into(), value: fill(t, "fact_arrive_text", &e.to_string()) });
    }
    let bring: Vec<String> = n.bring.iter().map(|b| b.value.clone()).collect();
    let full = matches!(detail, Detail::Full { .. });
    let (days, college_slots) = if let Detail::Full { values, days: room_days } = detail {
        // The room days come day by day: each run of one date is a day.
        let days = room_days
            .chunk_by(|a, b| a.date == b.date)
            .map(|day| {
                let rooms = day.iter().map(|rd| RoomBlock {
                    name: rd.room.name.value.clone(),
                    href: rel(&paths::room_page(&n.slug, &rd.room.id.value)),
                    slots: rd.slots.clone(),
                    table: rd.table.clone(),
                });
                day_view(day[0].date, l, rooms.collect())
            })
            .collect();
        (days, college_slots(tt, values))
    } else {
        (Vec::new(), Vec::new())
    };
    let mut college_slots = college_slots.into_iter();
    let mut cards = if full { college_cards(n, tt, outputs, l) } else { Vec::new() }.into_iter();
    NoticeView {
        title: n.title.value.clone(),
        school: n.school.value.clone(),
        office: n.office.as_ref().map(|o| o.value.clone()),
        doc_number: n.doc_number.as_ref().map(|d| d.value.clone()),
        issued: n.issued.as_ref().map(|i| lang::long(i.value, l.lang)),
        cohort: n.cohort_label(),
        audience: n.audience.value.clone(),
        facts,
        bring_stated: n.bring.iter().map(|b| b.value.clone()).collect(),
        bring,
        arrive_early: early,
        code: n.code.is_some(),
        days,
        dress: n.dress.iter().map(|d| d.value.clone()).collect(),
        body_html,
        proofreading: n.proofreading.as_ref().map(|p| ProofreadingView {
            when: lang::span(p.from.as_ref().map(|d| d.value), p.until.as_ref().map(|d| d.value), l.lang),
            after: p.after.as_ref().map(|a| match l.lang {
                Language::ZhCn => a.value.zh(),
                Language::En => a.value.en(),
            }),
        }),
        makeup: n
            .makeup
            .iter()
            .map(|m| MakeupView {
                dates: lang::span(m.from.as_ref().map(|d| d.value), m.until.as_ref().map(|d| d.value), l.lang),
                place: m.place.as_ref().map(|p| p.value.clone()),
                phone: m.phone.as_ref().map(|p| p.value.clone()),
                note: m.note.as_ref().map(|p| p.value.clone()),
                denied: m.denied(),
            })
            .collect(),
        contacts: n
            .contacts
            .iter()
            .map(|c| ContactView {
                name: c.name.value.clone(),
                phone: c.phone.as_ref().map(|p| p.value.clone()),
                email: c.email.as_ref().map(|p| p.value.clone()),
            })
            .collect(),
        rooms: c.rooms.iter().map(|r| Link { label: r.name.value.clone(), href: rel(&paths::room_page(&n.slug, &r.id.value)) }).collect(),
        colleges: tt
            .colleges()
            .into_iter()
            .map(|col| {
                let anchor = college_anchor(col);
                CollegeView {
                    label: col.to_string(),
                    href: format!("{to_notice}#{anchor}"),
                    anchor,
                    slots: college_slots.next().unwrap_or_default(),
                    cards: cards.next().unwrap_or_default(),
                    ics_href: outputs.ics.then(|| rel(&paths::college_ics(&n.slug, col))),
                    sheets_href: outputs.sheets.then(|| rel(&paths::sheets_pdf(&n.slug, col))),
                }
            })
            .collect(),
        href: rel(&paths::notice_page(&n.slug)),
        json_href: outputs.json.then(|| rel(&paths::timetable_json(&n.slug))),
        pdf_href: outputs.pdf.then(|| rel(&paths::notice_pdf(&n.slug))),
    }
}

/// Every slot's view as a template value, in timetable order (links from the notice page).
pub fn slot_values(n: &Notice, tt: &Timetable, l: &Lang) -> Vec<tera::Value> {
    let shared = SlotShared::new(n, tt, l);
    tt.slots.iter().map(|s| tera::Value::from_serializable(&slot_view(n, s, &shared, l))).collect()
}

/// What the slots of one notice have in common: labels per date, room and college, made once.
struct SlotShared<'a> {
    dates: Vec<(chrono::NaiveDate, String)>,
    /// Per room id: the link to its page.
    rooms: Vec<(&'a str, String)>,
    /// The notice's folder: where the links start.
    dir: String,
    /// Per college of the timetable: the link to its card.
    colleges: Vec<(&'a str, String)>,
    arrive_by: Filler<'a>,
    persons: Filler<'a>,
    station_n: Filler<'a>,
}

impl<'a> SlotShared<'a> {
    fn new(n: &'a Notice, tt: &'a Timetable, l: &Lang<'a>) -> SlotShared<'a> {
        let dir = paths::notice_dir(&n.slug);
        let mut colleges: Vec<(&str, String)> = Vec::new();
        for c in tt.slots.iter().flat_map(|s| s.colleges.iter()) {
            if !colleges.iter().any(|(x, _)| *x == c) {
                colleges.push((c, card_href(c)));
            }
        }
        SlotShared {
            colleges,
            dates: tt.dates().into_iter().map(|d| (d, lang::short(d, l.lang))).collect(),
            rooms: n.capture.rooms.iter().map(|r| (r.id.value.as_str(), room_href(n, &dir, &r.id.value))).collect(),
            dir,
            arrive_by: Filler::new(l.t, "arrive_by"),
            persons: Filler::new(l.t, "persons"),
            station_n: Filler::new(l.t, "station_n"),
        }
    }

    /// The link to a room's page: made once per room the notice lists, else made here.
    fn room_href(&self, n: &Notice, id: &str) -> String {
        self.rooms.iter().find(|(r, _)| *r == id).map_or_else(|| room_href(n, &self.dir, id), |(_, href)| href.clone())
    }

    /// The link to a college's card.
    fn college_href(&self, c: &str) -> String {
        self.colleges.iter().find(|(x, _)| *x == c).map_or_else(|| card_href(c), |(_, href)| href.clone())
    }

    fn persons(&self, headcount: Option<u32>) -> Option<String> {
        headcount.map(|h| self.persons.fill(&h.to_string()))
    }
}

/// The link to a college's card from the notice page itself.
fn card_href(college: &str) -> String {
    format!("#{}", college_anchor(college))
}

/// A link from the notice's folder `dir` to a room's page.
fn room_href(n: &Notice, dir: &str, room_id: &str) -> String {
    paths::relative(dir, &paths::room_page(&n.slug, room_id))
}

/// A day's heading and anchor, over its rooms' blocks.
pub fn day_view(date: chrono::NaiveDate, l: &Lang, rooms: Vec<RoomBlock>) -> DayView {
    DayView { label: lang::short(date, l.lang), anchor: format!("d-{}", date.format("%Y-%m-%d")), rooms }
}

fn slot_view(n: &Notice, s: &Slot, shared: &SlotShared, l: &Lang) -> SlotView {
    let room = n.capture.room(&s.room);
    let early = early_minutes(n);
    // Stations are named only when the notice gives them.
    let stations = room.and_then(|r| r.stations.as_ref()).map_or(1, |st| st.value);
    let shown = s.shown(early);
    let arrive = shown.arrive_label();
    SlotView {
        date: shared.dates.iter().find(|(d, _)| *d == s.date).map_or_else(|| lang::short(s.date, l.lang), |(_, label)| label.clone()),
        iso: s.date.format("%Y-%m-%d").to_string(),
        time: shown.span(),
        arrive_by: arrive.as_ref().map(|a| shared.arrive_by.fill(a)),
        arrive,
        room: room.map_or_else(|| s.room.clone(), |r| r.name.value.clone()),
        room_href: shared.room_href(n, &s.room),
        station: if stations <= 1 {
            String::new()
        } else if s.stations.len() as u32 == stations {
            l.t["all_stations"].into()
        } else {
            s.stations.iter().map(|x| shared.station_n.fill(&x.to_string())).collect::<Vec<_>>().join("、")
        },
        // A slot open to the whole audience (no groups) shows who it is for, and has no card.
        colleges: s.colleges.iter().map(|c| Link { label: c.clone(), href: shared.college_href(c) }).collect(),
        college: if s.open { n.audience.value.clone() } else { s.colleges.shown() },
        college_href: if s.open { String::new() } else { shared.college_href(s.colleges.first()) },
        headcount: s.headcount,
        persons: shared.persons(s.headcount),
        classes: tera::Value::from_serializable(
            &s.classes
                .iter()
                .map(|c| ClassView {
                    name: c.name.clone(),
                    time: c.shown(early).span(),
                    arrive_by: c.shown(early).arrive_label().map(|a| shared.arrive_by.fill(&a)),
                    headcount: c.headcount,
                    persons: shared.persons(c.headcount),
                    anchor: anchor(&c.name),
                })
                .collect::<Vec<_>>(),
        ),
        anchor: anchor(&format!("{}-{}", s.colleges.label(), s.part)),
    }
}

/// The rooms in order, those held on the same days of their own together, with those days
/// (`10月27日`), where the notice holds rooms on some of the capture days only: without a
/// timetable, the one place that tells a student which room is on which day.
fn room_groups(n: &Notice, l: Language) -> Vec<(Vec<String>, Option<String>)> {
    let all: Vec<chrono::NaiveDate> = n.capture.days.iter().map(|d| d.date.value).collect();
    let mut groups: Vec<(Vec<String>, Option<String>)> = Vec::new();
    for r in &n.capture.rooms {
        let days: Option<Vec<chrono::NaiveDate>> =
            r.days.as_ref().map(|ds| ds.iter().map(|d| d.value).collect::<Vec<_>>()).filter(|ds| *ds != all);
        let label = days.map(|ds| {
            let each: Vec<String> = ds
                .iter()
                .map(|&d| match l {
                    Language::ZhCn => crate::base::dates::month_day(d),
                    Language::En => lang::short(d, l),
                })
                .collect();
            each.join(if l == Language::En { ", " } else { "、" })
        });
        match groups.last_mut() {
            Some((names, last)) if *last == label && label.is_some() => names.push(r.name.value.clone()),
            _ => groups.push((vec![r.name.value.clone()], label)),
        }
    }
    groups
}

/// A piece of the rooms' line: a room's name, the days of the rooms before it, or what stands
/// between them.
pub enum RoomPiece {
    Name(String),
    Days(String),
    Between(&'static str),
}

impl RoomPiece {
    pub fn text(&self) -> &str {
        match self {
            RoomPiece::Name(s) | RoomPiece::Days(s) => s,
            RoomPiece::Between(s) => s,
        }
    }
}

/// The rooms' line in pieces (`A`, `、`, `B`, `（10月27日）`, `；`, `C`, `（10月28日）`): the page writes
/// them as one text, the PDF keeps each name and each days whole on a line.
pub fn room_pieces(n: &Notice, l: Language) -> Vec<RoomPiece> {
    let groups = room_groups(n, l);
    let dated = groups.iter().any(|g| g.1.is_some());
    let mut out = Vec::new();
    for (i, (names, days)) in groups.into_iter().enumerate() {
        if i > 0 {
            out.push(RoomPiece::Between(if dated { "；" } else { "、" }));
        }
        for (k, name) in names.into_iter().enumerate() {
            if k > 0 {
                out.push(RoomPiece::Between("、"));
            }
            out.push(RoomPiece::Name(name));
        }
        if let Some(d) = days {
            out.push(RoomPiece::Days(match l {
                Language::ZhCn => format!("（{d}）"),
                Language::En => format!(" ({d})"),
            }));
        }
    }
    out
}

/// The rooms as one line of text (`A、B（10月27日）；C（10月28日）`, or `A、B` without days).
pub fn rooms_text(n: &Notice, l: Language) -> String {
    room_pieces(n, l).iter().map(RoomPiece::text).collect()
}
