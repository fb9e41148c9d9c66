//! Calendars (RFC 5545) from the one timetable: one per class, per college and per room.
//!
//! Every capture block is an event in Asia/Shanghai time with the room as its location; class and
//! college calendars add an alarm at 20:00 the evening before, and all-day events for the fee
//! deadline, the 采集码 deadline, the proofreading window and the make-up periods. Room calendars
//! are for the staff on site and hold only the blocks. UIDs name what an event is (notice, class,
//! college or room), never when it happens, so a re-published timetable updates the events a
//! subscriber already has; `SEQUENCE` tells them which version is newer. `DTSTAMP` comes from
//! `SOURCE_DATE_EPOCH` or the notice's issue date, so builds are byte-identical.

mod rfc;

pub use rfc::{escape_text, fold_into};

use super::paths;
use crate::base::dates::{date_span, date_weekday};
use crate::base::time::{hhmm_floor, Secs};
use crate::config::SiteConfig;
use crate::notice::model::{Notice, Payer};
use crate::schedule::{early_minutes, Shown, Slot, Timetable};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rfc::{Writer, TZID};
use std::collections::BTreeMap;

/// When the evening reminder fires: 20:00 the day before the capture.
const ALARM_AT: Secs = 20 * 3600;

#[derive(Clone, Copy)]
enum When {
    /// Local date and seconds since midnight (the end may pass midnight).
    Timed { date: NaiveDate, start: Secs, end: Secs },
    /// Whole days, both ends included.
    AllDay { from: NaiveDate, until: NaiveDate },
}

#[derive(Clone)]
struct Event {
    uid: String,
    when: When,
    summary: String,
    location: Option<String>,
    description: String,
    url: String,
    /// Text of the evening-before reminder.
    alarm: Option<String>,
}

impl Event {
    fn sort_key(&self) -> (NaiveDate, u8, Secs, &str) {
        match self.when {
            When::AllDay { from, .. } => (from, 0, 0, &self.uid),
            When::Timed { date, start, .. } => (date, 1, start, &self.uid),
        }
    }
}

/// What every event of one notice shares.
struct Ctx<'a> {
    n: &'a Notice,
    base_url: &'a str,
    host: String,
    stamp: String,
    sequence: u32,
}

impl Ctx<'_> {
    fn uid(&self, what: &str) -> String {
        format!("{}/{}@{}", self.n.slug, what, self.host)
    }
    fn url(&self, dir: &str) -> String {
        paths::absolute(self.base_url, dir)
    }
    /// Who a block is for: its college, or the notice's audience for a block open to all.
    /// Whom a block is for: its colleges, or the notice's audience for a block open to all.
    fn who(&self, s: &Slot) -> String {
        if s.open {
            self.n.audience.value.clone()
        } else {
            s.colleges.shown()
        }
    }
    fn room_name<'s>(&'s self, id: &'s str) -> &'s str {
        self.n.capture.room(id).map(|r| r.name.value.as_str()).unwrap_or(id)
    }
    fn stations_label(&self, s: &Slot) -> Option<String> {
        let many = self.n.capture.room(&s.room).is_some_and(|r| r.stations.as_ref().is_some_and(|st| st.value > 1));
        if !many {
            return None;
        }
        let list: Vec<String> = s.stations.iter().map(u32::to_string).collect();
        Some(format!("{} 号机位", list.join("、")))
    }
    /// The lines every capture event shows, each from its field: when to arrive
    /// (`arrive_early_minutes`), the 采集码 (`code`), what to bring (`bring`), dress (`dress`).
    fn capture_lines(&self, room: &str, date: NaiveDate, shown: Shown) -> Vec<String> {
        let mut lines = Vec::new();
        if let (Some(early), Some(arrive)) = (early_minutes(self.n), shown.arrive_label()) {
            lines.push(format!("请于 {} {arrive} 前到达{}（提前 {early} 分钟）。", date_weekday(date), self.room_name(room)));
        } else {
            lines.push(format!("{} {} 在{}采集。", date_weekday(date), shown.start_label(), self.room_name(room)));
        }
        if self.n.code.is_some() {
            lines.push("采集时出示学信网图像采集码。".into());
        }
        lines.extend(self.bring().map(|b| format!("请带：{b}。")));
        lines.extend(self.n.dress.iter().map(|d| format!("着装：{}", d.value)));
        lines
    }
    /// What the notice says to bring, if it says.
    fn bring(&self) -> Option<String> {
        (!self.n.bring.is_empty()).then(|| self.n.bring.iter().map(|b| b.value.as_str()).collect::<Vec<_>>().join("、"))
    }
    fn alarm(&self, start: Secs) -> String {
        let mut text = format!("明天图像采集：{} 开始", hhmm_floor(start));
        if let Some(b) = self.bring() {
            text.push_str(&format!("，带{b}"));
        }
        text
    }
}

/// Every calendar of one notice: `(path under the output folder, file bytes)`, sorted by path.
pub fn calendars(site: &SiteConfig, n: &Notice, tt: &Timetable, sequence: u32) -> Vec<(String, Vec<u8>)> {
    let ctx = Ctx { n, base_url: &site.base_url, host: host_of(&site.base_url), stamp: rfc::utc(dtstamp(n)), sequence };
    let shared = shared_events(&ctx);
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    // `for_students`: the calendar's key for its 采集码 deadline, and whether it carries the
    // notice-wide dates; room calendars are for the staff on site and hold only the blocks.
    let mut emit = |path: String, name: String, mut events: Vec<Event>, first: Option<NaiveDate>, for_students: Option<&str>| {
        if let Some(what) = for_students {
            events.extend(code_event(&ctx, what, first));
            events.extend(shared.iter().cloned());
        }
        events.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out.push((path, write(&ctx, &name, &events)));
    };

    // Classes: a class's own minutes inside its block.
    let mut classes: BTreeMap<String, Vec<(&Slot, usize)>> = BTreeMap::new();
    for s in &tt.slots {
        for (i, c) in s.classes.iter().enumerate() {
            classes.entry(paths::class_ics(&n.slug, &c.name)).or_default().push((s, i));
        }
    }
    for (path, uses) in classes {
        let mut events = Vec::new();
        let mut keys = Keys::default();
        for (s, i) in &uses {
            let c = &s.classes[*i];
            let shown = c.shown(early_minutes(n));
            let (start, end) = (shown.start, shown.end);
            let mut lines = vec![format!("{} {}", s.colleges.shown(), c.name)];
            if let Some(h) = c.headcount {
                lines[0].push_str(&format!("（{h} 人）"));
            }
            lines.extend(ctx.stations_label(s));
            lines.extend(ctx.capture_lines(&s.room, s.date, shown));
            events.push(capture_event(
                &ctx,
                keys.uid(&ctx, &format!("class/{}", c.name)),
                s,
                (start, end),
                format!("图像采集：{}", c.name),
                lines,
                true,
            ));
        }
        let first = uses.iter().map(|(s, _)| s.date).min();
        let name = uses.first().map(|(s, i)| s.classes[*i].name.clone()).unwrap_or_default();
        let what = format!("class/{name}");
        emit(path, format!("{name} 图像采集"), events, first, Some(&what));
    }

    // Colleges: each block of the college, with its classes' times.
    for college in tt.colleges() {
        let slots: Vec<&Slot> = tt.slots.iter().filter(|s| s.colleges.has(college)).collect();
        let mut events = Vec::new();
        let mut keys = Keys::default();
        for (k, s) in slots.iter().enumerate() {
            let shown = s.shown(early_minutes(n));
            let (start, end) = (shown.start, shown.end);
            let mut summary = format!("图像采集：{college}");
            if slots.len() > 1 {
                summary.push_str(&format!("（第 {} 批）", k + 1));
            }
            let lines = block_lines(&ctx, s, shown);
            events.push(capture_event(&ctx, keys.uid(&ctx, &format!("college/{college}")), s, (start, end), summary, lines, true));
        }
        let first = slots.iter().map(|s| s.date).min();
        let what = format!("college/{college}");
        emit(paths::college_ics(&n.slug, college), format!("{college} 图像采集"), events, first, Some(&what));
    }

    // Rooms: every block in the room, for the staff on site (no student reminders).
    for room in tt.rooms() {
        let mut events = Vec::new();
        let mut keys = Keys::default();
        for s in tt.slots.iter().filter(|s| s.room == room) {
            let shown = s.shown(early_minutes(n));
            let (start, end) = (shown.start, shown.end);
            let mut summary = format!("图像采集：{}", ctx.who(s));
            if let Some(st) = ctx.stations_label(s) {
                summary.push_str(&format!("（{st}）"));
            }
            let lines = block_lines(&ctx, s, shown);
            events.push(capture_event(
                &ctx,
                keys.uid(&ctx, &format!("room/{room}/{}", s.colleges.label())),
                s,
                (start, end),
                summary,
                lines,
                false,
            ));
        }
        emit(paths::room_ics(&n.slug, room), format!("{} 图像采集", ctx.room_name(room)), events, None, None);
    }

    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// UIDs for events of the same kind in one calendar: the second block of a college is
/// `…/college/文学院/2`, the first has no number.
#[derive(Default)]
struct Keys {
    seen: Vec<(String, u32)>,
}

impl Keys {
    fn uid(&mut self, ctx: &Ctx, what: &str) -> String {
        let n = match self.seen.iter_mut().find(|(k, _)| k == what) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.seen.push((what.to_string(), 1));
                1
            }
        };
        if n == 1 {
            ctx.uid(what)
        } else {
            ctx.uid(&format!("{what}/{n}"))
        }
    }
}

/// A block's description: its classes with their own times, then the arrival lines.
fn block_lines(ctx: &Ctx, s: &Slot, shown: Shown) -> Vec<String> {
    let mut lines = Vec::new();
    match s.headcount {
        Some(h) => lines.push(format!("{}，共 {h} 人", ctx.who(s))),
        None => lines.push(ctx.who(s)),
    }
    lines.extend(ctx.stations_label(s));
    for c in &s.classes {
        let h = c.headcount.map(|h| format!("（{h} 人）")).unwrap_or_default();
        lines.push(format!("{} {}{h}", c.name, c.shown(None).span()));
    }
    lines.extend(ctx.capture_lines(&s.room, s.date, shown));
    lines
}

fn capture_event(
    ctx: &Ctx,
    uid: String,
    s: &Slot,
    (start, end): (Secs, Secs),
    summary: String,
    mut lines: Vec<String>,
    remind: bool,
) -> Event {
    lines.push(format!("通知：{}", ctx.n.title.value));
    Event {
        uid,
        when: When::Timed { date: s.date, start, end: end.max(start + 60) },
        summary,
        location: Some(ctx.room_name(&s.room).to_string()),
        description: lines.join("\n"),
        url: ctx.url(&paths::notice_dir(&ctx.n.slug)),
        alarm: remind.then(|| ctx.alarm(start)),
    }
}

/// The all-day events that every calendar of the notice carries (same UIDs everywhere, so
/// subscribing to two calendars of one notice shows them once).
fn shared_events(ctx: &Ctx) -> Vec<Event> {
    let n = ctx.n;
    let url = ctx.url(&paths::notice_dir(&n.slug));
    let mut out = Vec::new();
    if let Some((f, d)) = n.fee.as_ref().and_then(|f| Some((f, f.deadline.as_ref()?))).filter(|(f, _)| f.payer.value != Payer::School) {
        let mut lines = vec![format!("每人 {} 元，{}。", f.amount.value, f.payer.value.label())];
        lines.extend(f.method.iter().map(|m| format!("缴费方式：{}", m.value)));
        lines.extend(f.refund.iter().map(|r| format!("退费：{}", r.value)));
        out.push(Event {
            uid: ctx.uid("fee-deadline"),
            when: When::AllDay { from: d.value, until: d.value },
            summary: "图像采集缴费截止".into(),
            location: None,
            description: lines.join("\n"),
            url: url.clone(),
            alarm: None,
        });
    }
    // Proofreading and makeup only on the dates the notice gives: "about N days after capture"
    // or 另行通知 names no day, so it makes no event.
    let day = |d: &Option<crate::source::At<NaiveDate>>| d.as_ref().map(|d| d.value);
    if let Some(p) = &n.proofreading {
        if let (Some(from), Some(until)) = (day(&p.from).or(day(&p.until)), day(&p.until).or(day(&p.from))) {
            let when = date_span(day(&p.from), day(&p.until)).unwrap_or_default();
            out.push(Event {
                uid: ctx.uid("proofreading"),
                when: When::AllDay { from, until },
                summary: "学信网图像校对".into(),
                location: None,
                description: format!("{when}：登录学信网核对本人图像信息。"),
                url: url.clone(),
                alarm: None,
            });
        }
    }
    for (i, m) in n.makeup.iter().enumerate().filter(|(_, m)| !m.denied()) {
        let (Some(from), Some(until)) = (day(&m.from).or(day(&m.until)), day(&m.until).or(day(&m.from))) else { continue };
        let when = date_span(day(&m.from), day(&m.until)).unwrap_or_default();
        let mut lines = vec![match &m.place {
            Some(place) => format!("{when}，补拍地点：{}。", place.value),
            None => format!("{when}。"),
        }];
        lines.extend(m.phone.iter().map(|p| format!("电话：{}", p.value)));
        lines.extend(m.note.iter().map(|t| t.value.clone()));
        out.push(Event {
            uid: ctx.uid(&format!("makeup/{}", i + 1)),
            when: When::AllDay { from, until },
            summary: "图像补拍".into(),
            location: m.place.as_ref().map(|p| p.value.clone()),
            description: lines.join("\n"),
            url: url.clone(),
            alarm: None,
        });
    }
    out
}

/// The last day to fetch the 采集码: `lead_days` before this calendar's first capture day.
fn code_event(ctx: &Ctx, what: &str, first: Option<NaiveDate>) -> Option<Event> {
    let lead = ctx.n.code.as_ref()?.lead_days.as_ref()?.value;
    let first = first?;
    let day = first.checked_sub_signed(Duration::days(i64::from(lead)))?;
    Some(Event {
        uid: ctx.uid(&format!("{what}/code")),
        when: When::AllDay { from: day, until: day },
        summary: "获取学信网图像采集码（最晚今天）".into(),
        location: None,
        description: format!("最晚今天登录学信网获取本人的图像采集码（须在采集前至少 {lead} 天获取），采集时出示。"),
        url: ctx.url(&paths::notice_dir(&ctx.n.slug)),
        alarm: None,
    })
}

fn write(ctx: &Ctx, name: &str, events: &[Event]) -> Vec<u8> {
    let mut w = Writer::default();
    w.begin("VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID", &format!("-//tuxiang//tuxiang {}//ZH", env!("CARGO_PKG_VERSION")));
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", name);
    w.text("X-WR-CALDESC", &ctx.n.title.value);
    w.raw("X-WR-TIMEZONE", TZID);
    w.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT12H");
    w.raw("X-PUBLISHED-TTL", "PT12H");
    w.timezone();
    for e in events {
        w.begin("VEVENT");
        w.text("UID", &e.uid);
        w.raw("DTSTAMP", &ctx.stamp);
        w.raw("SEQUENCE", &ctx.sequence.to_string());
        match e.when {
            When::Timed { date, start, end } => {
                w.raw(&format!("DTSTART;TZID={TZID}"), &rfc::local(date, start));
                w.raw(&format!("DTEND;TZID={TZID}"), &rfc::local(date, end));
            }
            When::AllDay { from, until } => {
                let end = until.max(from).succ_opt().unwrap_or(until);
                w.raw("DTSTART;VALUE=DATE", &rfc::date(from));
                w.raw("DTEND;VALUE=DATE", &rfc::date(end));
                w.raw("TRANSP", "TRANSPARENT");
            }
        }
        w.text("SUMMARY", &e.summary);
        if let Some(l) = &e.location {
            w.text("LOCATION", l);
        }
        w.text("DESCRIPTION", &e.description);
        w.uri("URL", &e.url);
        w.raw("STATUS", "CONFIRMED");
        if let (Some(text), When::Timed { start, .. }) = (&e.alarm, &e.when) {
            w.begin("VALARM");
            w.raw("ACTION", "DISPLAY");
            w.text("DESCRIPTION", text);
            w.raw("TRIGGER", &rfc::before(start + (24 * 3600 - ALARM_AT)));
            w.end("VALARM");
        }
        w.end("VEVENT");
    }
    w.end("VCALENDAR");
    w.finish()
}

/// `DTSTAMP`: `SOURCE_DATE_EPOCH` when set (reproducible builds), else midnight of the issue date.
fn dtstamp(n: &Notice) -> DateTime<Utc> {
    let day = n.issued.as_ref().map(|i| i.value).or(n.capture.first_day()).unwrap_or_default();
    stamp_from(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(), day)
}

fn stamp_from(epoch: Option<&str>, issued: NaiveDate) -> DateTime<Utc> {
    let from_env = epoch.and_then(|s| s.trim().parse::<i64>().ok()).and_then(|t| DateTime::from_timestamp(t, 0));
    from_env.unwrap_or_else(|| rfc::local_midnight_utc(issued))
}

/// The host of `base_url` (no scheme, credentials, port or path), for UIDs.
pub fn host_of(base_url: &str) -> String {
    let rest = base_url.split_once("://").map(|(_, r)| r).unwrap_or(base_url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
    let host =
        if host.starts_with('[') { host.split_inclusive(']').next().unwrap_or(host) } else { host.split(':').next().unwrap_or(host) };
    if host.is_empty() {
        "localhost".into()
    } else {
        host.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::{calendars, host_of, rfc, stamp_from};
    use crate::config::SiteConfig;
    use crate::source::SourceFile;
    use chrono::NaiveDate;
    use icalendar::parser::{read_calendar, unfold, Component};

    const NOTICE: &str = include_str!("../../tests/sites/basic/content/notice.md");
    /// What a hostile value tries to smuggle in: the end of its event and a whole new one.
    const FORGED: &str =
        "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\r\nSUMMARY:forged\r\nDTSTART:20250101T000000\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nX-A:";

    /// Every calendar of the basic notice, with `hostile` text in its base URL, title, room name,
    /// dress rule, class name and make-up place (or nothing).
    fn calendars_with(hostile: &str) -> Vec<(String, String)> {
        // YAML double quotes turn `\r\n` back into CR and LF.
        let yaml = hostile.replace('\r', "\\r").replace('\n', "\\n");
        let text = NOTICE
            .replace("title: 关于做好2026届毕业生图像信息采集工作的通知", &format!("title: \"通知{yaml}\""))
            .replace("name: 第九教学楼103室", &format!("name: \"第九教学楼103室{yaml}\""))
            .replace("- 穿单色有领衣服，避免复杂图案", &format!("- \"穿单色有领衣服{yaml}\""))
            .replace("class: 汉语言文学2101", &format!("class: \"汉语言文学2101{yaml}\""))
            .replace("place: 新华社湖南分社大学生图像采集中心", &format!("place: \"采集中心{yaml}\""));
        let (n, d) = crate::notice::load_source(std::path::Path::new("."), SourceFile::new("content/notice.md", text));
        let n = n.unwrap_or_else(|| panic!("notice parses: {d:?}"));
        let (tt, d) = crate::schedule::timetable(&n);
        let tt = tt.unwrap_or_else(|| panic!("timetable: {d:?}"));
        let site = SiteConfig {
            title: "t".into(),
            base_url: format!("https://jwc.example.edu.cn/tuxiang{hostile}"),
            language: Default::default(),
            theme: "default".into(),
            font: None,
        };
        calendars(&site, &n, &tt, 0).into_iter().map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8"))).collect()
    }

    /// `(component, [property names])` of every component, depth first.
    fn shape(c: &Component, out: &mut Vec<(String, Vec<String>)>) {
        out.push((c.name.to_string(), c.properties.iter().map(|p| p.name.to_string()).collect()));
        for sub in &c.components {
            shape(sub, out);
        }
    }

    #[test]
    fn no_value_can_forge_a_line_or_an_event() {
        let clean = calendars_with("");
        let hostile = calendars_with(FORGED);
        assert_eq!(clean.len(), hostile.len(), "the same calendars (a class calendar is named after the class)");
        assert!(clean.len() > 3, "class, college and room calendars");
        let mut text_seen = 0;
        for ((path, clean), (_, hostile)) in clean.iter().zip(&hostile) {
            for line in hostile.split_inclusive('\n') {
                assert!(line.ends_with("\r\n") && line.len() <= 77, "{path}: {line:?}");
                assert!(!line[..line.len() - 2].contains(['\r', '\n']), "{path}: {line:?}");
            }
            let (a, b) = (unfold(clean), unfold(hostile));
            let (a, b) = (read_calendar(&a).expect("clean parses"), read_calendar(&b).expect("hostile parses"));
            let (mut sa, mut sb) = (Vec::new(), Vec::new());
            a.components.iter().for_each(|c| shape(c, &mut sa));
            b.components.iter().for_each(|c| shape(c, &mut sb));
            assert_eq!(sa, sb, "{path}: the same components and properties, no forged ones");
            for e in b.components.iter().filter(|c| c.name == "VEVENT") {
                let summary = e.find_prop("SUMMARY").map(|p| p.val.clone().unescape_text().as_str().to_string()).unwrap_or_default();
                assert_ne!(summary, "forged", "{path}");
                let description =
                    e.find_prop("DESCRIPTION").map(|p| p.val.clone().unescape_text().as_str().to_string()).unwrap_or_default();
                // The hostile text is still there, as text: its line breaks are escaped, not lost.
                if description.contains("\nEND:VEVENT\nBEGIN:VEVENT\nUID:forged") {
                    text_seen += 1;
                }
                let url = e.find_prop("URL").map(|p| p.val.to_string()).unwrap_or_default();
                assert!(url.starts_with("https://jwc.example.edu.cn/tuxiangEND:VEVENTBEGIN:VEVENT"), "{path}: {url}");
            }
        }
        assert!(text_seen > 0, "hostile text is kept as escaped text");
    }

    #[test]
    fn dtstamp_from_source_date_epoch_else_the_issue_date() {
        let issued = NaiveDate::from_ymd_opt(2025, 3, 20).expect("date");
        let s = |e: Option<&str>| rfc::utc(stamp_from(e, issued));
        assert_eq!(s(None), "20250319T160000Z");
        assert_eq!(s(Some("1700000000")), "20231114T221320Z");
        assert_eq!(s(Some("not a number")), "20250319T160000Z");
        assert_eq!(s(Some("99999999999999999")), "20250319T160000Z");
    }

    #[test]
    fn hosts_for_uids() {
        assert_eq!(host_of("https://jwc.Example.edu.cn/tuxiang"), "jwc.example.edu.cn");
        assert_eq!(host_of("http://u:p@localhost:8000"), "localhost");
        assert_eq!(host_of("http://[::1]:8000/x"), "[::1]");
        assert_eq!(host_of("https://"), "localhost");
    }
}
