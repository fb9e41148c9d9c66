//! Facts out of a source notice, each with the line or cell it came from. The rules read the way
//! real notices are written (see the seeds in tests/fixtures/import/); where a rule is not sure,
//! the fact is left out and listed in `Draft::unsure`, never guessed.

mod care;
mod english;
mod fee;
mod head;
mod text;
mod when;

use super::{Block, Doc, Line, Origin};
use crate::base::money::Money;
use crate::base::time::{hhmm_floor, Secs};
use crate::notice::model::Delay;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

pub use text::{bare_date, breadcrumb, dates, is_han, level, month_days, names_a_notice, ranges, strip_marker, DAY_RUN_START, TOPIC_WORDS};

/// A fact and where it was read; `note` says what the importer did to it (a year inferred,
/// brackets straightened), so the registrar can confirm it.
#[derive(Clone, Debug)]
pub struct Found<T> {
    pub value: T,
    pub at: Origin,
    pub note: Option<String>,
}

impl<T> Found<T> {
    pub fn new(value: T, at: Origin) -> Found<T> {
        Found { value, at, note: None }
    }
    pub fn note(mut self, note: impl Into<String>) -> Found<T> {
        self.note = Some(note.into());
        self
    }
}

/// Who pays (the v2 contract's `fee.payer`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payer {
    Student,
    Class,
    College,
    School,
}

impl Payer {
    pub fn as_str(self) -> &'static str {
        match self {
            Payer::Student => "student",
            Payer::Class => "class",
            Payer::College => "college",
            Payer::School => "school",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct FeeDraft {
    pub amount: Option<Found<Money>>,
    pub payer: Option<Found<Payer>>,
    pub method: Option<Found<String>>,
    pub deadline: Option<Found<NaiveDate>>,
    pub includes: Option<Found<String>>,
    pub refund: Option<Found<String>>,
    /// Further amounts: what for, and how much.
    pub other: Vec<Found<(String, Money)>>,
}

#[derive(Clone, Debug)]
pub struct Online {
    pub platform: String,
    pub who: Option<String>,
    /// The window a notice that captures online only gives.
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub amount: Option<Money>,
}

/// A capture day and its sessions (start, end); none when the source gives no hours.
pub type Day = (NaiveDate, Vec<(Secs, Secs)>);

#[derive(Clone, Debug)]
pub struct Room {
    pub id: String,
    pub name: String,
    /// The campus the source labels it with (`东校区:公主楼三层报告厅`), which timetable rows
    /// that name only a campus point to.
    pub campus: Option<String>,
    /// The capture days the notice holds this room on (`于12月28日在A、29-30日在B进行`): its own
    /// days, when the notice gives each room its days; empty when it does not.
    pub days: Vec<NaiveDate>,
}

impl Room {
    /// Its own days as the draft and the report write them: `2020-12-29, 2020-12-30`.
    pub fn days_listed(&self) -> String {
        self.days.iter().map(NaiveDate::to_string).collect::<Vec<_>>().join(", ")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub date: NaiveDate,
    pub start: Secs,
    pub end: Secs,
    /// `None` when the source names several rooms for the slot, or none that is known.
    pub room: Option<String>,
    pub groups: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub college: Option<String>,
    pub class: Option<String>,
    pub headcount: Option<u32>,
}

impl Group {
    pub fn name(&self) -> &str {
        self.class.as_deref().or(self.college.as_deref()).unwrap_or("")
    }
}

#[derive(Clone, Debug)]
pub enum Proofreading {
    /// Its first and last days; one may be left out (`于2024年4月30日前…校对`: the last day only;
    /// `2024年6月1日后登录学信网校对`: the first day only), never both.
    Window { from: Option<NaiveDate>, until: Option<NaiveDate> },
    /// `拍摄后40天`, `采集三个月后`, `40个工作日后`: how long after capture.
    After(Delay),
}

#[derive(Clone, Debug, Default)]
pub struct Makeup {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub place: Option<String>,
    pub phone: Option<String>,
    pub note: Option<String>,
    /// The notice says no makeup is held; `note` has its words (`学校不组织补拍`).
    pub denied: bool,
}

#[derive(Clone, Debug)]
pub struct Contact {
    pub name: String,
    /// None for whom to hand something to, named without a number (`发至教务处陈老师处`).
    pub phone: Option<String>,
}

/// Everything the importer found in one source.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub title: Option<Found<String>>,
    pub school: Option<Found<String>>,
    pub office: Option<Found<String>>,
    pub doc_number: Option<Found<String>>,
    pub issued: Option<Found<NaiveDate>>,
    pub cohorts: Vec<Found<i32>>,
    pub audience: Option<Found<String>>,
    pub fee: FeeDraft,
    pub online: Vec<Found<Online>>,
    /// Capture days, each with its sessions (empty when the source gives no hours).
    pub days: Vec<Found<Day>>,
    /// A time to capture in that names no day in a room (`2020年9月16日至2020年9月30日`): an
    /// online channel's window, when the notice captures online.
    pub periods: Vec<Found<(NaiveDate, NaiveDate)>>,
    pub rooms: Vec<Found<Room>>,
    pub slots: Vec<Found<Slot>>,
    pub groups: Vec<Found<Group>>,
    /// Headcounts a timetable gives in a column of their own (`人数`), by the name of the row's
    /// one group: read into `groups` with them.
    pub counted: Vec<(String, u32)>,
    pub proofreading: Option<Found<Proofreading>>,
    pub makeup: Vec<Found<Makeup>>,
    pub dress: Vec<Found<String>>,
    pub contacts: Vec<Found<Contact>>,
    pub lead_days: Option<Found<u32>>,
    /// The notice captures online only (`采用“线上”方式进行`, `不安排线下现场集中采集`): its dates
    /// are the online channel's window, not days in a room.
    pub online_only: bool,
    /// The whole notice is a makeup session (`关于补拍…的通知`): its 补拍 is the capture.
    pub makeup_only: bool,
    pub arrive_early: Option<Found<u32>>,
    /// What the source seems to say but the importer would not state: (what, where, why).
    pub unsure: Vec<(String, Origin, String)>,
    /// Lines that became front matter (title, letterhead, document number, signature): left
    /// out of the body.
    pub used: Vec<Origin>,
}

/// One fact as the report lists it and the tests compare it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub key: &'static str,
    pub value: String,
    pub at: Origin,
    pub note: Option<String>,
}

/// Reads every fact the contract holds out of `doc`.
pub fn extract(doc: &Doc) -> Draft {
    let lines = text::Lines::of(doc);
    let mut d = Draft::default();
    head::letterhead(&lines, &mut d);
    d.makeup_only = makeup_only(&lines, &d);
    head::cohort_and_audience(&lines, &mut d);
    d.online_only = fee::online_only(&lines, &d);
    when::days(&lines, &mut d);
    when::breaks(&lines, &mut d);
    fee::fee(&lines, &mut d);
    english::fee(&lines, &mut d);
    fee::online(&lines, &mut d);
    when::rooms(&lines, &mut d);
    english::when_where(&lines, &mut d);
    when::timetable(doc, &lines, &mut d);
    when::room_days_hold(&mut d);
    care::proofreading(&lines, &mut d);
    care::makeup(&lines, &mut d);
    care::dress(&lines, &mut d);
    care::contacts(&lines, &mut d);
    care::code_and_arrival(&lines, &mut d);
    no_advertising(&mut d);
    d
}

/// Words a hacked page writes into a notice's sentences (`…毕(结)业网上赌场排名`,
/// `欧洲杯官方买球网站继续教育学院`): a fact with them in it is not the school's.
static ADVERTISING: LazyLock<Regex> =
    LazyLock::new(|| text::re(r"赌场|赌博|博彩|买球|投注|下注|彩票|娱乐城|棋牌|百家乐|老虎机|真人荷官|体育平台|开户送"));

/// Leaves out (and lists) each fact of words that an advertisement put into the source.
fn no_advertising(d: &mut Draft) {
    let mut unsure = Vec::new();
    let mut keep = |key: &str, f: &Found<String>| {
        let ad = ADVERTISING.is_match(&f.value);
        if ad {
            unsure.push((key.to_string(), f.at, format!("「{}」里混有广告文字，不是学校原文", f.value)));
        }
        !ad
    };
    for (key, field) in [("title", &mut d.title), ("school", &mut d.school), ("office", &mut d.office), ("audience", &mut d.audience)] {
        if field.as_ref().is_some_and(|f| !keep(key, f)) {
            *field = None;
        }
    }
    if d.fee.method.as_ref().is_some_and(|f| !keep("fee.method", f)) {
        d.fee.method = None;
    }
    d.dress.retain(|f| keep("dress", f));
    d.unsure.extend(unsure);
}

/// Words that put a sentence about makeup sessions.
pub const MAKEUP: &[&str] = &["补拍", "补采", "补照", "补充采集", "散拍", "漏拍"];
/// Who missed the capture (`因特殊原因无法在学校规定时间参加图像采集的毕业生，请于…`): what
/// follows is their makeup, though the sentence never says 补拍.
pub const MISSED: &[&str] = &[
    "因特殊原因",
    "因故未能",
    "因故不能",
    "因故无法",
    "无法在学校规定",
    "未能参加本次",
    "不能参加本次",
    "无法参加本次",
    "因故未拍",
    "不能到校参加",
    "无法到校参加",
    "未能在规定时间内参加",
    "错过此次",
    "错过本次",
    "错过集中",
    // `在学校规定图像信息采集时间内未在校的学生,可…自行到新华社…辽宁中心进行图像信息采集`.
    "时间内未在校",
    "期间未在校",
    // Who cannot come back or join the school's capture (`无法回校进行图像采集的同学可以到…`,
    // `实在不能返校的,请在当地新华社分社…`, `无法在学校统一进行信息采集的同学`).
    "无法回校",
    "不能回校",
    "不能按期回校",
    "无法返校",
    "不能返校",
    "无法在学校统一",
    "无法参加统一",
    "无法参加集中",
    "不能参加集中",
    "未能如期参加",
    // `未参加统一拍照的研究生于2015年9月15日前…到…服务中心拍摄`.
    "未参加统一",
    "未参加集中",
    "未参加本次",
    "未参加此次",
    "没有参加统一",
    "没有参加集中",
];

/// Whether the notice as a whole announces a makeup session: its title says so, or the opening
/// paragraph, before the first heading, sets one (`决定…统一进行补拍`).
fn makeup_only(lines: &text::Lines, d: &Draft) -> bool {
    let says = |t: &str| MAKEUP.iter().any(|k| t.contains(k));
    if let Some(t) = &d.title {
        return says(&t.value);
    }
    lines
        .main()
        .take_while(|p| p.heading.is_none() && level(&p.line.text).is_none())
        .any(|p| ["进行补拍", "补拍工作", "组织补拍", "补充采集工作", "进行补采"].iter().any(|k| p.line.text.contains(k)))
}

/// Whether `t` is about a makeup session as apart from the capture, in a notice that is (or is not)
/// itself a makeup: for readers that cannot borrow the draft while they fill it.
pub fn about_makeup(makeup_only: bool, t: &str) -> bool {
    !makeup_only && MAKEUP.iter().chain(MISSED).any(|k| t.contains(k))
}

impl Draft {
    /// Whether `t` is about a makeup session as apart from the capture (never, in a notice that
    /// is one).
    pub fn about_makeup(&self, t: &str) -> bool {
        about_makeup(self.makeup_only, t)
    }
}

fn money(m: Money) -> String {
    m.to_string()
}

fn sessions(s: &[(Secs, Secs)]) -> String {
    s.iter().map(|(a, b)| format!("{}-{}", hhmm_floor(*a), hhmm_floor(*b))).collect::<Vec<_>>().join(", ")
}

impl Draft {
    /// Every fact found, in the contract's order.
    pub fn facts(&self) -> Vec<Fact> {
        let mut out = Vec::new();
        let mut push = |key: &'static str, value: String, at: Origin, note: &Option<String>| {
            out.push(Fact { key, value, at, note: note.clone() });
        };
        macro_rules! one {
            ($key:literal, $f:expr, $show:expr) => {
                if let Some(f) = &$f {
                    push($key, $show(&f.value), f.at, &f.note);
                }
            };
        }
        one!("title", self.title, |v: &String| v.clone());
        one!("school", self.school, |v: &String| v.clone());
        one!("office", self.office, |v: &String| v.clone());
        one!("doc_number", self.doc_number, |v: &String| v.clone());
        one!("issued", self.issued, |v: &NaiveDate| v.to_string());
        for c in &self.cohorts {
            push("cohort", c.value.to_string(), c.at, &c.note);
        }
        one!("audience", self.audience, |v: &String| v.clone());
        one!("fee.amount", self.fee.amount, |v: &Money| money(*v));
        one!("fee.payer", self.fee.payer, |v: &Payer| v.as_str().to_string());
        one!("fee.method", self.fee.method, |v: &String| v.clone());
        one!("fee.deadline", self.fee.deadline, |v: &NaiveDate| v.to_string());
        one!("fee.includes", self.fee.includes, |v: &String| v.clone());
        one!("fee.refund", self.fee.refund, |v: &String| v.clone());
        for o in &self.fee.other {
            push("fee.other", format!("{}: {}", o.value.0, money(o.value.1)), o.at, &o.note);
        }
        for o in &self.online {
            let v = &o.value;
            let mut s = v.platform.clone();
            if let Some(w) = &v.who {
                s.push_str(&format!(" | {w}"));
            }
            match (v.from, v.until) {
                (Some(a), Some(b)) => s.push_str(&format!(" | {a}..{b}")),
                (None, Some(b)) => s.push_str(&format!(" | ..{b}")),
                _ => {}
            }
            if let Some(a) = v.amount {
                s.push_str(&format!(" | {}", money(a)));
            }
            push("online", s, o.at, &o.note);
        }
        for day in &self.days {
            push("day", day.value.0.to_string(), day.at, &None);
            if !day.value.1.is_empty() {
                push("sessions", format!("{} {}", day.value.0, sessions(&day.value.1)), day.at, &day.note);
            }
        }
        for r in &self.rooms {
            push("room", r.value.name.clone(), r.at, &r.note);
        }
        // The days each room is held on, where the notice gives each room its own.
        for r in self.rooms.iter().filter(|r| !r.value.days.is_empty()) {
            push("room.days", format!("{} | {}", r.value.name, r.value.days_listed()), r.at, &r.note);
        }
        for s in &self.slots {
            let v = &s.value;
            // The room by its name, as the source writes it, not by the draft's id for it (`201` is
            // not `博学楼A201` to whoever checks the report against the source).
            let room =
                v.room.as_deref().map_or("?", |id| self.rooms.iter().find(|r| r.value.id == id).map_or(id, |r| r.value.name.as_str()));
            let span = sessions(&[(v.start, v.end)]);
            // (A room's own hours, no one's names with them: no blank at the end.)
            let line = format!("{} {span} {room} {}", v.date, v.groups.join("、"));
            push("slot", line.trim_end().to_string(), s.at, &s.note);
        }
        for g in &self.groups {
            let v = &g.value;
            let mut s = match (&v.college, &v.class) {
                (Some(c), Some(k)) => format!("{c}/{k}"),
                (Some(c), None) => c.clone(),
                (None, Some(k)) => format!("班级 {k}"),
                (None, None) => String::new(),
            };
            if let Some(h) = v.headcount {
                s.push_str(&format!(" {h}人"));
            }
            push("group", s, g.at, &g.note);
        }
        one!("proofreading", self.proofreading, |v: &Proofreading| match v {
            Proofreading::Window { from, until } => {
                let day = |x: &Option<NaiveDate>| x.map_or(String::new(), |d| d.to_string());
                format!("{}..{}", day(from), day(until))
            }
            Proofreading::After(a) => a.after_capture(),
        });
        for m in &self.makeup {
            let v = &m.value;
            let denial = v.note.clone().filter(|_| v.denied);
            let parts =
                [v.from.map(|d| format!("from {d}")), v.until.map(|d| format!("until {d}")), v.place.clone(), v.phone.clone(), denial];
            push("makeup", parts.into_iter().flatten().collect::<Vec<_>>().join(" | "), m.at, &m.note);
        }
        for x in &self.dress {
            push("dress", x.value.clone(), x.at, &x.note);
        }
        for c in &self.contacts {
            let line = format!("{} {}", c.value.name, c.value.phone.as_deref().unwrap_or(""));
            push("contact", line.trim_end().to_string(), c.at, &c.note);
        }
        one!("code.lead_days", self.lead_days, |v: &u32| v.to_string());
        one!("arrive_early_minutes", self.arrive_early, |v: &u32| v.to_string());
        out
    }

    /// What the contract wants that the source does not state: (field, what to fill in).
    pub fn missing(&self) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        let mut want = |absent: bool, field: &'static str, what: &'static str| {
            if absent {
                out.push((field, what));
            }
        };
        want(self.title.is_none(), "title", "通知标题");
        want(self.school.is_none(), "school", "学校全称");
        want(self.office.is_none(), "office", "发文单位（如教务处）");
        want(self.issued.is_none(), "issued", "发布日期");
        want(self.cohorts.is_empty(), "cohort", "届别（毕业年份）");
        want(self.audience.is_none(), "audience", "采集对象");
        want(self.fee.amount.is_none(), "fee.amount", "每人采集费（元）");
        want(self.fee.amount.is_some() && self.fee.payer.is_none(), "fee.payer", "由谁缴费：student、class、college 或 school");
        let on_site = self.fee.method.as_ref().is_some_and(|m| m.value.contains("现场"));
        // The class monitor pays on the day: no deadline of its own (the contract asks for none).
        let needs_deadline = self.fee.payer.as_ref().is_some_and(|p| !matches!(p.value, Payer::School | Payer::Class)) && !on_site;
        want(needs_deadline && self.fee.deadline.is_none(), "fee.deadline", "缴费截止日期");
        want(self.days.is_empty(), "capture.days", "采集日期");
        want(
            !self.days.is_empty() && self.days.iter().all(|d| d.value.1.is_empty()),
            "capture.days.sessions",
            "每个采集日的时段（如 08:00-11:30）",
        );
        want(self.rooms.is_empty(), "capture.rooms", "采集地点（房间）");
        want(true, "capture.rooms.stations", "每个房间的机位数（只有 timetable: auto 需要）");
        want(self.slots.is_empty(), "capture.timetable", "各学院或班级的采集时间（时间表）");
        want(self.proofreading.is_none(), "proofreading", "学信网图像校对的时间");
        want(self.lead_days.is_none(), "code.lead_days", "至少提前几天获取采集码");
        want(self.dress.is_empty(), "dress", "着装要求");
        want(self.contacts.is_empty(), "contacts", "联系人和电话");
        out
    }

    /// The capture year the source's dates point to: the first capture day's, else the issue
    /// date's.
    pub fn year(&self) -> Option<i32> {
        use chrono::Datelike;
        self.days
            .first()
            .map(|d| d.value.0.year())
            // An online window the notice dates in full (`定于202212月6日-15日在网上…开展`).
            .or(self.online.iter().find_map(|o| o.value.from.or(o.value.until)).map(|d| d.year()))
            // The month a title names (`2022年12月广东自考毕业证书电子注册图像采集工作的通告`),
            // before the date a page that copied it was put up.
            .or(self.title_year())
            .or(self.issued.as_ref().map(|d| d.value.year()))
            .or(self.doc_year())
    }

    /// The year of a month the title names: `2022年12月…通告`.
    pub fn title_year(&self) -> Option<i32> {
        let t = &self.title.as_ref()?.value;
        static MONTH: LazyLock<Regex> = LazyLock::new(|| text::re(r"(20\d{2})\s*年\s*\d{1,2}\s*月"));
        MONTH.captures(t)?[1].parse().ok()
    }

    /// The year of the document number (`城理教务〔2022〕第3号`): the year it was issued.
    pub fn doc_year(&self) -> Option<i32> {
        let n = &self.doc_number.as_ref()?.value;
        static YEAR: LazyLock<Regex> = LazyLock::new(|| text::re(r"〔(\d{4})〕"));
        YEAR.captures(n)?[1].parse().ok()
    }
}

/// Lines of a block list, for tests.
pub fn para_lines(doc: &Doc) -> Vec<&Line> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(l) => Some(l),
            Block::Table(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
