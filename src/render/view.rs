//! Typed views handed to the templates: they document which variables a theme can use.

use super::labels::{date_long, date_range, date_short, date_weekday};
use super::paths;
use crate::check::fees::format_amount;
use crate::notice::model::{hhmm_ceil, hhmm_floor, Notice, Payer};
use crate::schedule::{Slot, Timetable};
use serde::Serialize;

#[derive(Serialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Serialize)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
}

#[derive(Serialize)]
pub struct ClassView {
    pub name: String,
    pub time: String,
    pub headcount: Option<u32>,
    /// Anchor id on the notice page (`#c-…`).
    pub anchor: String,
}

#[derive(Serialize)]
pub struct SlotView {
    pub date: String,
    pub time: String,
    pub arrive: String,
    pub room: String,
    pub room_href: String,
    pub station: String,
    pub college: String,
    pub college_href: String,
    pub headcount: Option<u32>,
    pub classes: Vec<ClassView>,
}

#[derive(Serialize)]
pub struct RoomBlock {
    pub name: String,
    pub href: String,
    pub slots: Vec<SlotView>,
}

#[derive(Serialize)]
pub struct DayView {
    pub label: String,
    pub anchor: String,
    pub rooms: Vec<RoomBlock>,
}

#[derive(Serialize)]
pub struct MakeupView {
    pub dates: String,
    pub place: String,
    pub phone: Option<String>,
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct ContactView {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Everything a notice page (and its room and college pages) shows.
#[derive(Serialize)]
pub struct NoticeView {
    pub title: String,
    pub school: String,
    pub office: String,
    pub doc_number: Option<String>,
    pub issued: String,
    pub cohort: i32,
    pub audience: String,
    pub facts: Vec<Fact>,
    pub bring: Vec<String>,
    pub arrive_early: u32,
    pub days: Vec<DayView>,
    pub dress: Vec<String>,
    pub body_html: String,
    pub proofreading: String,
    pub makeup: Vec<MakeupView>,
    pub contacts: Vec<ContactView>,
    pub rooms: Vec<Link>,
    pub colleges: Vec<Link>,
    pub href: String,
    pub json_href: String,
    pub pdf_href: Option<String>,
}

pub fn anchor(name: &str) -> String {
    format!("c-{}", paths::segment(name))
}

/// Hrefs in the view are relative to `from_dir` (the folder of the page being rendered).
pub fn notice_view(n: &Notice, tt: &Timetable, body_html: String, from_dir: &str, with_pdf: bool) -> NoticeView {
    let rel = |to: &str| paths::relative(from_dir, to);
    let c = &n.capture;
    let early = c.arrive_early_minutes.value;
    let dates: Vec<String> = c.days.iter().map(|d| date_weekday(d.date.value)).collect();
    let rooms: Vec<String> = c.rooms.iter().map(|r| r.name.value.clone()).collect();
    let amount = format_amount(n.fee.amount.value);
    let mut fee = if n.fee.payer.value == Payer::School && n.fee.amount.value == 0.0 {
        "免费（学校承担）".to_string()
    } else {
        format!("每人 {amount} 元，{}", n.fee.payer.label())
    };
    if let Some(m) = &n.fee.method {
        fee.push_str(&format!("；{}", m.value));
    }
    if let Some(d) = &n.fee.deadline {
        fee.push_str(&format!("；截止 {}", date_weekday(d.value)));
    }
    let mut facts = vec![
        Fact { label: "采集对象", value: n.audience.value.clone() },
        Fact { label: "采集日期", value: dates.join("、") },
        Fact { label: "采集地点", value: rooms.join("、") },
        Fact { label: "费用", value: fee },
    ];
    if let Some(i) = &n.fee.includes {
        facts.push(Fact { label: "费用包含", value: i.value.clone() });
    }
    let code_days = n.code.as_ref().map(|c| c.lead_days.value).unwrap_or(3);
    facts.push(Fact { label: "采集码", value: format!("至少提前 {code_days} 天在学信网获取并保存到手机") });
    facts.push(Fact { label: "到场时间", value: format!("按时间表提前 {early} 分钟到达，按学号顺序排队") });
    let mut bring: Vec<String> = n.bring.iter().map(|b| b.value.clone()).collect();
    if bring.is_empty() {
        bring = vec!["身份证原件".into(), "手机上打开的学信网图像采集码".into()];
    }
    let days = tt
        .dates()
        .into_iter()
        .map(|d| {
            let mut rooms = Vec::new();
            for r in &c.rooms {
                let slots: Vec<SlotView> = tt.slots.iter().filter(|s| s.date == d && s.room == r.id.value).map(|s| slot_view(n, s, from_dir)).collect();
                if !slots.is_empty() {
                    rooms.push(RoomBlock { name: r.name.value.clone(), href: rel(&format!("{}/", paths::room_dir(&n.slug, &r.id.value))), slots });
                }
            }
            DayView { label: date_short(d), anchor: format!("d-{}", d.format("%Y-%m-%d")), rooms }
        })
        .collect();
    NoticeView {
        title: n.title.value.clone(),
        school: n.school.value.clone(),
        office: n.office.value.clone(),
        doc_number: n.doc_number.as_ref().map(|d| d.value.clone()),
        issued: date_long(n.issued.value),
        cohort: n.cohort.value,
        audience: n.audience.value.clone(),
        facts,
        bring,
        arrive_early: early,
        days,
        dress: n.dress.iter().map(|d| d.value.clone()).collect(),
        body_html,
        proofreading: date_range(n.proofreading.from.value, n.proofreading.until.value),
        makeup: n
            .makeup
            .iter()
            .map(|m| MakeupView {
                dates: date_range(m.from.value, m.until.value),
                place: m.place.value.clone(),
                phone: m.phone.as_ref().map(|p| p.value.clone()),
                note: m.note.as_ref().map(|p| p.value.clone()),
            })
            .collect(),
        contacts: n
            .contacts
            .iter()
            .map(|c| ContactView { name: c.name.value.clone(), phone: c.phone.as_ref().map(|p| p.value.clone()), email: c.email.as_ref().map(|p| p.value.clone()) })
            .collect(),
        rooms: c.rooms.iter().map(|r| Link { label: r.name.value.clone(), href: rel(&format!("{}/", paths::room_dir(&n.slug, &r.id.value))) }).collect(),
        colleges: tt.colleges().into_iter().map(|col| Link { label: col.to_string(), href: rel(&format!("{}/", paths::college_dir(&n.slug, col))) }).collect(),
        href: rel(&format!("{}/", paths::notice_dir(&n.slug))),
        json_href: rel(&paths::timetable_json(&n.slug)),
        pdf_href: with_pdf.then(|| rel(&paths::notice_pdf(&n.slug))),
    }
}

pub fn slot_view(n: &Notice, s: &Slot, from_dir: &str) -> SlotView {
    let room = n.capture.room(&s.room);
    let early = n.capture.arrive_early_minutes.value * 60;
    let stations = room.map(|r| r.stations.value).unwrap_or(1);
    let first_college = s.college.split('、').next().unwrap_or(&s.college);
    SlotView {
        date: date_short(s.date),
        time: format!("{}–{}", s.start_label(), s.end_label()),
        arrive: hhmm_floor(s.start.saturating_sub(early)),
        room: room.map(|r| r.name.value.clone()).unwrap_or_else(|| s.room.clone()),
        room_href: paths::relative(from_dir, &format!("{}/", paths::room_dir(&n.slug, &s.room))),
        station: if stations <= 1 {
            String::new()
        } else if s.stations.len() as u32 == stations {
            "全部机位".into()
        } else {
            s.stations.iter().map(|x| format!("{x}号机位")).collect::<Vec<_>>().join("、")
        },
        college: s.college.clone(),
        college_href: paths::relative(from_dir, &format!("{}/", paths::college_dir(&n.slug, first_college))),
        headcount: s.headcount,
        classes: s
            .classes
            .iter()
            .map(|c| ClassView { name: c.name.clone(), time: format!("{}–{}", hhmm_floor(c.start), hhmm_ceil(c.end)), headcount: c.headcount, anchor: anchor(&c.name) })
            .collect(),
    }
}
