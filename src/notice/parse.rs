//! The front matter schema: the spanned tree → the typed `Notice`.

use super::model::*;
use super::read::{Map, Reader};
use super::yaml::{Node, Value};
use crate::base::time::hhmm_floor;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::source::{At, SourceFile};
use std::sync::Arc;

pub const TOP: &[&str] = &[
    "title",
    "school",
    "office",
    "doc_number",
    "issued",
    "cohort",
    "audience",
    "fee",
    "online",
    "capture",
    "code",
    "proofreading",
    "makeup",
    "dress",
    "contacts",
    "bring",
];
pub const FEE: &[&str] = &["amount", "payer", "method", "deadline", "refund", "includes", "other"];
pub const OTHER_FEE: &[&str] = &["for", "amount", "note"];
pub const ONLINE: &[&str] = &["platform", "who", "from", "until", "amount"];
pub const CAPTURE: &[&str] = &["seconds_per_student", "changeover_minutes", "arrive_early_minutes", "days", "rooms", "groups", "timetable"];
pub const DAY: &[&str] = &["date", "sessions", "part"];
pub const ROOM: &[&str] = &["id", "name", "stations", "sessions", "days", "directions"];
pub const GROUP: &[&str] = &["college", "class", "headcount", "room", "date", "not_before", "not_after"];
pub const SLOT: &[&str] = &["date", "start", "end", "room", "station", "groups"];
pub const PROOF: &[&str] = &["from", "until", "after_days", "after_workdays", "after_weeks", "after_months"];
pub const MAKEUP: &[&str] = &["from", "until", "place", "phone", "note", "offered"];
pub const CONTACT: &[&str] = &["name", "phone", "email"];
pub const CODE: &[&str] = &["lead_days"];

/// Where the groups come from.
pub enum GroupsRef {
    Inline(Vec<Group>),
    /// No `groups`: the whole audience (walk-in capture or the whole cohort).
    None,
    /// A roster file path as written, relative to the notice.
    File(At<String>),
}

/// Parses a notice's front matter tree. `None` when a fact every output needs is missing or
/// unreadable (the diagnostics say which).
pub fn notice(
    r: &mut Reader,
    root: &Node,
    file: &Arc<SourceFile>,
    path: &str,
    slug: &str,
    body: String,
    body_offset: usize,
) -> Option<(Notice, GroupsRef)> {
    let m = r.map(root, "", TOP, "title: …")?;
    let title = m.require(r, "title", "通知标题", "关于做好2026届毕业生图像信息采集工作的通知").and_then(|n| r.string(n, "title"));
    let school = m.require(r, "school", "学校", "示例大学").and_then(|n| r.string(n, "school"));
    let office = m.get("office").and_then(|n| r.string(n, "office"));
    let doc_number = m.get("doc_number").and_then(|n| r.string(n, "doc_number"));
    let issued = m.get("issued").and_then(|n| r.date(n, "issued"));
    let cohort = m.require(r, "cohort", "毕业届别", "2026").and_then(|n| cohort(r, n));
    let audience = m.require(r, "audience", "采集对象", "2026届全体本科毕业生").and_then(|n| r.string(n, "audience"));
    // No `fee`: the notice never mentions money (a `fee:` that fails to read stops the notice).
    let fee = match m.get("fee") {
        None => Some(None),
        Some(n) => fee(r, n).map(Some),
    };
    let online = list(r, &m, "online", |r, n| {
        let om = r.map(n, "online", ONLINE, "{ platform: 学信网, who: 因实习不能返校的毕业生, amount: 30 }")?;
        let platform = om.require(r, "platform", "线上渠道", "中国高等教育学生信息网（学信网）").and_then(|v| r.string(v, "platform"));
        let who = om.get("who").and_then(|v| r.string(v, "who"));
        let from = om.get("from").and_then(|v| r.date(v, "from"));
        let until = om.get("until").and_then(|v| r.date(v, "until"));
        let amount = om.get("amount").and_then(|v| r.amount(v, "amount"));
        Some(Online { platform: platform?, who, from, until, amount })
    });
    // A notice of online capture only (`online`, no rooms or days on campus) has no `capture`.
    let capture = match m.get("capture") {
        None if !online.is_empty() => Some((Capture::online_only(root.loc.clone()), GroupsRef::None)),
        _ => m.require(r, "capture", "采集安排", "（见格式说明）").and_then(|n| capture(r, n)),
    };
    let code = m.get("code").and_then(|n| {
        let cm = r.map(n, "code", CODE, "{ lead_days: 3 }")?;
        let lead_days = cm.get("lead_days").and_then(|v| r.uint(v, "lead_days", 0, 60));
        Some(CodeInfo { lead_days, loc: n.key_loc.clone().unwrap_or_else(|| n.loc.clone()) })
    });
    let proofreading = m.get("proofreading").and_then(|n| proofreading(r, n));
    let makeup = list(r, &m, "makeup", |r, n| {
        let mm = r.map(n, "makeup", MAKEUP, "{ from: 2025-04-14, until: 2025-05-30, place: … }")?;
        let from = mm.get("from").and_then(|v| r.date(v, "from"));
        let until = mm.get("until").and_then(|v| r.date(v, "until"));
        let place = mm.get("place").and_then(|v| r.string(v, "place"));
        let phone = mm.get("phone").and_then(|v| r.string(v, "phone"));
        let note = mm.get("note").and_then(|v| r.string(v, "note"));
        let offered = mm.get("offered").and_then(|v| r.flag(v, "offered"));
        Some(Makeup { from, until, place, phone, note, offered })
    });
    let dress = list(r, &m, "dress", |r, n| r.string(n, "dress"));
    let bring = list(r, &m, "bring", |r, n| r.string(n, "bring"));
    let contacts = list(r, &m, "contacts", |r, n| {
        let cm = r.map(n, "contacts", CONTACT, "{ name: 教务处学籍科, phone: 0731-00000000 }")?;
        let name = cm.require(r, "name", "联系人或科室", "教务处学籍科").and_then(|v| r.string(v, "name"));
        let phone = cm.get("phone").and_then(|v| r.string(v, "phone"));
        let email = cm.get("email").and_then(|v| r.string(v, "email"));
        Some(Contact { name: name?, phone, email })
    });
    let (capture, groups) = capture?;
    let notice = Notice {
        path: path.to_string(),
        slug: slug.to_string(),
        title: title?,
        school: school?,
        office,
        doc_number,
        issued,
        cohort: cohort?,
        audience: audience?,
        fee: fee?,
        online,
        capture,
        code,
        proofreading,
        makeup,
        dress,
        contacts,
        bring,
        body,
        body_offset,
        file: file.clone(),
    };
    Some((notice, groups))
}

/// An optional list under `key`, each item read by `f`.
fn list<T>(r: &mut Reader, m: &Map, key: &str, mut f: impl FnMut(&mut Reader, &Node) -> Option<T>) -> Vec<T> {
    let Some(n) = m.get(key) else { return Vec::new() };
    let Some(items) = r.seq(n, key, "\n  - …") else { return Vec::new() };
    items.iter().filter_map(|i| f(r, i)).collect()
}

/// `cohort: 2026` or `cohort: [2025, 2026]`.
fn cohort(r: &mut Reader, n: &Node) -> Option<At<Vec<i32>>> {
    let years: Vec<i32> = match &n.value {
        Value::Seq(items) => {
            if items.is_empty() {
                r.err(
                    Diagnostic::error(Code::MissingField, &n.loc, "「cohort」是空列表").help("写成 cohort: 2026，或 cohort: [2025, 2026]"),
                );
                return None;
            }
            let ys: Vec<Option<At<u32>>> = items.iter().map(|i| r.uint(i, "cohort", 2000, 2100)).collect();
            ys.into_iter().map(|y| y.map(|y| y.value as i32)).collect::<Option<Vec<_>>>()?
        }
        _ => vec![r.uint(n, "cohort", 2000, 2100)?.value as i32],
    };
    Some(At::new(years, n.loc.clone()))
}

/// `proofreading:` with `from` and/or `until`, or one delay alone (`after_days`, `after_workdays`,
/// `after_weeks`, `after_months`).
fn proofreading(r: &mut Reader, n: &Node) -> Option<Proofreading> {
    let ex = "{ from: 2025-06-01, until: 2025-06-30 }，或 { after_days: 40 }";
    let pm = r.map(n, "proofreading", PROOF, ex)?;
    let from = pm.get("from").and_then(|v| r.date(v, "from"));
    let until = pm.get("until").and_then(|v| r.date(v, "until"));
    let mut delays: Vec<At<Delay>> = DelayUnit::ALL
        .into_iter()
        .filter_map(|unit| {
            let count = r.uint(pm.get(unit.key())?, unit.key(), 1, unit.most())?;
            Some(At::new(Delay { count: count.value, unit }, count.loc))
        })
        .collect();
    // Two delays: the later-written one is reported.
    delays.sort_by_key(|a| (a.loc.line, a.loc.col));
    if let [first, second, ..] = &delays[..] {
        r.err(
            Diagnostic::error(
                Code::InvalidValue,
                &second.loc,
                format!("「{}」与「{}」不能同时写", second.value.unit.key(), first.value.unit.key()),
            )
            .help("通知怎么说就只写一项：“采集后40天”写 after_days，“三个月后”写 after_months"),
        );
        return None;
    }
    let after = delays.pop();
    let loc = n.key_loc.clone().unwrap_or_else(|| n.loc.clone());
    if let (Some(a), true) = (&after, from.is_some() || until.is_some()) {
        r.err(
            Diagnostic::error(Code::InvalidValue, &a.loc, format!("「{}」与 from/until 不能同时写", a.value.unit.key()))
                .help("通知写了校对日期就只写 from/until；只说“采集后约N天”时只写 after_days"),
        );
        return None;
    }
    if from.is_none() && until.is_none() && after.is_none() {
        if PROOF.iter().all(|k| pm.get(k).is_none()) {
            r.err(
                Diagnostic::error(Code::MissingField, &loc, "「proofreading」下没有写校对日期")
                    .help("写 from/until（日期），或 after_days（采集后约几天；也可 after_workdays、after_weeks、after_months）；通知没提校对就删掉 proofreading"),
            );
        }
        return None;
    }
    Some(Proofreading { from, until, after, loc })
}

fn fee(r: &mut Reader, n: &Node) -> Option<Fee> {
    let m = r.map(n, "fee", FEE, "{ amount: 15, payer: college, … }")?;
    let amount = m.require(r, "amount", "每人费用（元）", "15").and_then(|v| r.amount(v, "amount"));
    let payer = m.require(r, "payer", "付费方", "student").and_then(|v| {
        let t = r.string(v, "payer")?;
        let p = match t.value.as_str() {
            "student" => Payer::Student,
            "class" => Payer::Class,
            "college" => Payer::College,
            "school" => Payer::School,
            other => {
                let all = "payer 只能是 student（学生自付）、class（班长统一收取）、college（学院统一缴）或 school（学校承担）";
                let hint = match crate::notice::read::did_you_mean(other, &["student", "class", "college", "school"]) {
                    Some(s) => format!("是不是想写「{s}」？{all}"),
                    None => all.into(),
                };
                let d = Diagnostic::error(Code::InvalidValue, &v.loc, format!("payer「{other}」无效")).help(hint);
                r.err(d);
                return None;
            }
        };
        Some(At::new(p, v.loc.clone()))
    });
    let method = m.get("method").and_then(|v| r.string(v, "method"));
    let (deadline, deadline_time) = match m.get("deadline") {
        Some(v) => r.date_time(v, "deadline"),
        None => (None, None),
    };
    let refund = m.get("refund").and_then(|v| r.string(v, "refund"));
    let includes = m.get("includes").and_then(|v| r.string(v, "includes"));
    let other = list(r, &m, "other", |r, n| {
        let om = r.map(n, "other", OTHER_FEE, "{ for: 异地采集, amount: 45 }")?;
        let purpose = om.require(r, "for", "这笔费用的用途", "异地采集").and_then(|v| r.string(v, "for"));
        let amount = om.require(r, "amount", "金额（元）", "45").and_then(|v| r.amount(v, "amount"));
        let note = om.get("note").and_then(|v| r.string(v, "note"));
        Some(OtherFee { purpose: purpose?, amount: amount?, note })
    });
    Some(Fee {
        amount: amount?,
        payer: payer?,
        method,
        deadline,
        deadline_time,
        refund,
        includes,
        other,
        loc: n.key_loc.clone().unwrap_or_else(|| n.loc.clone()),
    })
}

fn capture(r: &mut Reader, n: &Node) -> Option<(Capture, GroupsRef)> {
    let m = r.map(n, "capture", CAPTURE, "（见格式说明）")?;
    let sps = m.get("seconds_per_student").and_then(|v| r.uint(v, "seconds_per_student", 1, 3600));
    let changeover = match m.get("changeover_minutes") {
        Some(v) => r.uint(v, "changeover_minutes", 0, 240),
        None => Some(At::new(0, n.loc.clone())),
    };
    let early = m.get("arrive_early_minutes").and_then(|v| r.uint(v, "arrive_early_minutes", 0, 240));
    let days: Option<Vec<Day>> =
        m.require(r, "days", "采集日期与时段", "\n    - { date: 2025-04-12, sessions: [\"08:00-11:30\"] }").and_then(|v| {
            let items = r.seq(v, "days", "\n    - { date: 2025-04-12, sessions: [\"08:00-11:30\"] }")?;
            if items.is_empty() {
                r.err(Diagnostic::error(Code::MissingField, &v.loc, "没有采集日期").help("在 days 下至少写一天"));
            }
            Some(items.iter().filter_map(|i| day(r, i)).collect())
        });
    let rooms: Option<Vec<Room>> = match m.get("rooms") {
        None => Some(Vec::new()),
        Some(v) => {
            let items = r.seq(v, "rooms", "\n    - { id: j9-103, name: 第九教学楼103室, stations: 1 }");
            items.map(|items| items.iter().filter_map(|i| room(r, i)).collect())
        }
    };
    let groups = match m.get("groups") {
        None => Some(GroupsRef::None),
        Some(v) => match &v.value {
            Value::Scalar { .. } => r.string(v, "groups").map(GroupsRef::File),
            Value::Seq(items) => Some(GroupsRef::Inline(items.iter().filter_map(|i| group(r, i)).collect())),
            _ => {
                r.err(
                    Diagnostic::error(Code::WrongType, &v.loc, "「groups」应为名单 CSV 的路径，或班级/学院列表")
                        .help("写成 groups: rosters/2026.csv，或逐行写 - { college: 文学院, class: 汉语言文学2101, headcount: 57 }"),
                );
                None
            }
        },
    };
    let (timetable, timetable_loc) = match m.get("timetable") {
        // Without `timetable`, the scheduler runs when the notice gives it something to schedule:
        // rooms, a list of groups, and hours for every room on every day it works.
        None => {
            let schedulable = match (&rooms, &days, &groups) {
                (Some(rs), Some(ds), Some(gs)) => {
                    !rs.is_empty()
                        && !matches!(gs, GroupsRef::None)
                        && ds.iter().all(|d| rs.iter().all(|room| room.hours_on(d).is_none_or(|h| !h.is_empty())))
                }
                _ => true,
            };
            let spec = if schedulable { TimetableSpec::Auto } else { TimetableSpec::Unscheduled };
            (Some(spec), m.key_loc("timetable").unwrap_or(&n.loc).clone())
        }
        Some(v) => {
            let spec = match &v.value {
                Value::Scalar { text, .. } if text.trim() == "auto" => Some(TimetableSpec::Auto),
                Value::Seq(items) => Some(TimetableSpec::Explicit(items.iter().filter_map(|i| slot(r, i)).collect())),
                _ => {
                    r.err(Diagnostic::error(Code::WrongType, &v.loc, "「timetable」应为 auto 或时间表列表").help(
                        "写 timetable: auto 由排程器安排，或逐行写 - { date: …, start: \"08:00\", end: \"11:30\", room: …, groups: [...] }",
                    ));
                    None
                }
            };
            (spec, m.key_loc("timetable").unwrap_or(&v.loc).clone())
        }
    };
    let capture = Capture {
        seconds_per_student: sps,
        changeover_minutes: changeover?,
        arrive_early_minutes: early,
        days: days?,
        rooms: rooms?,
        groups: Vec::new(),
        roster: None,
        timetable: timetable?,
        loc: n.key_loc.clone().unwrap_or_else(|| n.loc.clone()),
        timetable_loc,
    };
    Some((capture, groups?))
}

fn day(r: &mut Reader, n: &Node) -> Option<Day> {
    let m = r.map(n, "days", DAY, "{ date: 2025-04-12, sessions: [\"08:00-11:30\", \"13:30-17:30\"] }")?;
    let date = m.require(r, "date", "采集日期", "2025-04-12").and_then(|v| r.date(v, "date"));
    let sessions = match m.get("sessions") {
        None => Some(Vec::new()),
        Some(v) => sessions(r, v),
    };
    let part = m.get("part").and_then(|v| {
        let t = r.string(v, "part")?;
        match Part::parse(&t.value) {
            Some(p) => Some(At::new(p, t.loc)),
            None => {
                r.err(
                    Diagnostic::error(Code::InvalidValue, &t.loc, format!("part「{}」无效", t.value))
                        .help(format!("part 只能是 {}；具体钟点写在 sessions 里", Part::NAMES.join("、"))),
                );
                None
            }
        }
    });
    Some(Day { date: date?, sessions: sessions?, part })
}

/// A list of `"HH:MM-HH:MM"` sessions.
fn sessions(r: &mut Reader, v: &Node) -> Option<Vec<At<Session>>> {
    let items = r.seq(v, "sessions", "[\"08:00-11:30\", \"13:30-17:30\"]")?;
    if items.is_empty() {
        r.err(
            Diagnostic::error(Code::MissingField, &v.loc, "sessions 是空列表")
                .help("写成 sessions: [\"08:00-11:30\"]；通知没写钟点时删掉 sessions（可写 part: 上午/下午/全天）"),
        );
    }
    Some(items.iter().filter_map(|i| r.session(i)).collect::<Vec<_>>())
}

fn room(r: &mut Reader, n: &Node) -> Option<Room> {
    let m = r.map(n, "rooms", ROOM, "{ id: j9-103, name: 第九教学楼103室, stations: 1 }")?;
    let id = m.require(r, "id", "房间代号（用于网址）", "j9-103").and_then(|v| r.string(v, "id"));
    let name = match m.get("name") {
        Some(v) => r.string(v, "name"),
        None => id.clone(),
    };
    let stations = m.get("stations").and_then(|v| r.uint(v, "stations", 1, 100));
    let own_sessions = m.get("sessions").and_then(|v| sessions(r, v));
    let days = m.get("days").and_then(|v| {
        let items = r.seq(v, "days", "[2025-04-12]")?;
        Some(items.iter().filter_map(|i| r.date(i, "days")).collect::<Vec<_>>())
    });
    let directions = m.get("directions").and_then(|v| r.string(v, "directions"));
    if let Some(id) = &id {
        if !id.value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            r.err(
                Diagnostic::error(Code::InvalidValue, &id.loc, format!("房间代号「{}」只能用字母、数字、- 和 _", id.value))
                    .help("代号会出现在网址和二维码里，例如 j9-103；中文名称写在 name 里"),
            );
        }
    }
    Some(Room { id: id?, name: name?, stations, sessions: own_sessions, days, directions, loc: n.loc.clone() })
}

/// One inline group (also used for roster rows converted to the same shape).
fn group(r: &mut Reader, n: &Node) -> Option<Group> {
    let m = r.map(n, "groups", GROUP, "{ college: 文学院, class: 汉语言文学2101, headcount: 57 }")?;
    let college = m.require(r, "college", "学院", "文学院").and_then(|v| r.string(v, "college"));
    let class = m.get("class").and_then(|v| r.string(v, "class"));
    let headcount = m.get("headcount").and_then(|v| r.uint(v, "headcount", 1, 100_000));
    let room = m.get("room").and_then(|v| r.string(v, "room"));
    let date = m.get("date").and_then(|v| r.date(v, "date"));
    let not_before = m.get("not_before").and_then(|v| r.time(v, "not_before"));
    let not_after = m.get("not_after").and_then(|v| r.time(v, "not_after"));
    Some(Group { college: college?, class, headcount, room, date, not_before, not_after, loc: n.loc.clone() })
}

fn slot(r: &mut Reader, n: &Node) -> Option<ExplicitSlot> {
    let ex = "{ date: 2025-04-12, start: \"08:00\", end: \"11:30\", room: j9-203, groups: [研究生院] }";
    let m = r.map(n, "timetable", SLOT, ex)?;
    let date = m.require(r, "date", "日期", "2025-04-12").and_then(|v| r.date(v, "date"));
    let start = m.require(r, "start", "开始时刻", "\"08:00\"").and_then(|v| r.time(v, "start"));
    let end = m.require(r, "end", "结束时刻", "\"11:30\"").and_then(|v| r.time(v, "end"));
    let room = m.require(r, "room", "房间代号", "j9-203").and_then(|v| r.string(v, "room"));
    let station = m.get("station").and_then(|v| r.uint(v, "station", 1, 100));
    let groups = m.get("groups").map_or(Some(Vec::new()), |v| match &v.value {
        Value::Scalar { .. } => r.string(v, "groups").map(|s| {
            let loc = s.loc.clone();
            s.value.split(['、', ',', '，']).map(|p| At::new(p.trim().to_string(), loc.clone())).filter(|p| !p.value.is_empty()).collect()
        }),
        _ => {
            let items = r.seq(v, "groups", "[研究生院]")?;
            Some(items.iter().filter_map(|i| r.string(i, "groups")).collect::<Vec<_>>())
        }
    });
    if let (Some(s), Some(e)) = (&start, &end) {
        if s.value >= e.value {
            r.err(
                Diagnostic::error(
                    Code::InvalidSession,
                    &e.loc,
                    format!("结束时刻 {} 不晚于开始时刻 {}", hhmm_floor(e.value), hhmm_floor(s.value)),
                )
                .help("检查 start 与 end 是否写反"),
            );
            return None;
        }
    }
    Some(ExplicitSlot { date: date?, start: start?, end: end?, room: room?, station, groups: groups?, loc: n.loc.clone() })
}
