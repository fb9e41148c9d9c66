//! Calendars, `init`, `schema` and Excel rosters.

use super::harness::{diagnostics, manifest_dir, run, stderr, stdout};
use icalendar::parser::{read_calendar, unfold, Component};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use tuxiang::base::time::hhmm_floor;
use tuxiang::config::SiteConfig;
use tuxiang::notice::model::Notice;
use tuxiang::render::ics::calendars;
use tuxiang::schedule::Timetable;
use tuxiang::source::{Loc, SourceFile};

const NOTICE: &str = include_str!("../sites/basic/content/notice.md");

fn site() -> SiteConfig {
    toml::from_str("title = \"t\"\nbase_url = \"https://jwc.example.edu.cn/tuxiang\"\n").expect("site.toml")
}

/// A notice and its timetable from its text (groups inline), loaded as a build loads it.
fn notice(text: &str) -> (Notice, Timetable) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("content")).expect("mkdir");
    std::fs::write(dir.path().join("content/notice.md"), text).expect("write");
    let (e, d) = tuxiang::site::load_one(dir.path(), "content/notice.md", None);
    assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
    let e = e.expect("notice loads");
    (e.notice, e.timetable.expect("timetable"))
}

struct Ev {
    uid: String,
    start: String,
    end: String,
    location: Option<String>,
    summary: String,
    alarm: Option<String>,
}

fn prop(c: &Component, name: &str) -> Option<String> {
    c.find_prop(name).map(|p| p.val.clone().unescape_text().as_str().to_string())
}

/// Parses one calendar with an independent parser; checks the calendar-level shape.
fn parse(bytes: &[u8]) -> Vec<Ev> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF line ends: {line:?}");
        assert!(line.len() <= 77, "folded at 75 octets: {} {line:?}", line.len());
    }
    let unfolded = unfold(text);
    let cal = read_calendar(&unfolded).expect("valid iCalendar");
    let tz: Vec<&Component> = cal.components.iter().filter(|c| c.name == "VTIMEZONE").collect();
    assert_eq!(tz.len(), 1);
    assert_eq!(prop(tz[0], "TZID").as_deref(), Some("Asia/Shanghai"));
    let std = tz[0].components.iter().find(|c| c.name == "STANDARD").expect("STANDARD");
    assert_eq!(prop(std, "TZOFFSETTO").as_deref(), Some("+0800"));
    cal.components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| {
            let start = e.find_prop("DTSTART").expect("DTSTART");
            let tzid = start.params.iter().find(|p| p.key == "TZID").and_then(|p| p.val.as_ref()).map(|v| v.as_str().to_string());
            let timed = tzid.is_some();
            if timed {
                assert_eq!(tzid.as_deref(), Some("Asia/Shanghai"));
            }
            for key in ["UID", "DTSTAMP", "SEQUENCE", "SUMMARY", "DTEND"] {
                assert!(e.find_prop(key).is_some(), "{key} present");
            }
            let alarm = e.components.iter().find(|a| a.name == "VALARM").map(|a| {
                assert_eq!(prop(a, "ACTION").as_deref(), Some("DISPLAY"));
                format!("{}|{}", prop(a, "TRIGGER").unwrap_or_default(), prop(a, "DESCRIPTION").unwrap_or_default())
            });
            Ev {
                uid: prop(e, "UID").unwrap_or_default(),
                start: prop(e, "DTSTART").unwrap_or_default(),
                end: prop(e, "DTEND").unwrap_or_default(),
                location: prop(e, "LOCATION"),
                summary: prop(e, "SUMMARY").unwrap_or_default(),
                alarm,
            }
        })
        .collect()
}

fn ics_time(date: chrono::NaiveDate, hhmm: &str) -> String {
    format!("{}T{}00", date.format("%Y%m%d"), hhmm.replace(':', ""))
}

fn all(n: &Notice, tt: &Timetable, seq: u32) -> BTreeMap<String, Vec<Ev>> {
    calendars(&site(), n, tt, seq).into_iter().map(|(p, b)| (p, parse(&b))).collect()
}

/// Every block and every class of the timetable is an event at the right time and place in
/// the class, college and room calendars. Returns how many class events were checked.
fn check_calendars(n: &Notice, tt: &Timetable, cals: &BTreeMap<String, Vec<Ev>>) -> usize {
    let room_name = |id: &str| n.capture.room(id).map(|r| r.name.value.clone());
    let slug = &n.slug;
    let mut class_events = 0;
    for s in &tt.slots {
        for c in &s.classes {
            let path = tuxiang::render::paths::class_ics(slug, &c.name);
            let evs = cals.get(&path).unwrap_or_else(|| panic!("{path} missing; have {:?}", cals.keys()));
            let e = evs
                .iter()
                .find(|e| e.start == ics_time(s.date, &hhmm_floor(c.start)) && e.summary.contains(&c.name))
                .unwrap_or_else(|| panic!("{} at {} {} in {path}", c.name, s.date, hhmm_floor(c.start)));
            assert_eq!(e.end, ics_time(s.date, &c.shown(None).end_label()));
            assert_eq!(e.location, room_name(&s.room));
            assert!(e.uid.starts_with(&format!("{slug}/class/{}", c.name)), "{}", e.uid);
            assert!(e.uid.ends_with("@jwc.example.edu.cn"), "{}", e.uid);
            let alarm = e.alarm.as_deref().expect("student reminder");
            // What to bring only as the notice lists it (`bring`), never a made-up 身份证.
            match n.bring.first() {
                Some(b) => assert!(alarm.contains(&format!("带{}", b.value)), "{alarm}"),
                None => assert!(!alarm.contains('带'), "{alarm}"),
            }
            class_events += 1;
        }
        for college in s.colleges.iter() {
            let evs = &cals[&tuxiang::render::paths::college_ics(slug, college)];
            assert!(evs.iter().any(|e| e.start == ics_time(s.date, &s.start_label())
                && e.end == ics_time(s.date, &s.end_label())
                && e.location == room_name(&s.room)));
        }
        let evs = &cals[&tuxiang::render::paths::room_ics(slug, &s.room)];
        let found = evs.iter().any(|e| {
            e.start == ics_time(s.date, &s.start_label())
                && e.end == ics_time(s.date, &s.end_label())
                && s.colleges.iter().all(|c| e.summary.contains(c.as_str()))
        });
        assert!(found, "room event with the block's start and end (a college may run on two stations at once)");
        assert!(evs.iter().all(|e| e.start.contains('T') && e.alarm.is_none()), "room calendars: blocks only, no student reminders");
    }
    let blocks: usize = cals.iter().filter(|(p, _)| p.contains("/rooms/")).map(|(_, e)| e.len()).sum();
    assert_eq!(blocks, tt.slots.len(), "one room event per block");
    class_events
}

#[test]
fn calendar_events_match_the_timetable() {
    let (n, tt) = notice(NOTICE);
    let cals = all(&n, &tt, 0);
    let class_events = check_calendars(&n, &tt, &cals);
    let e = &cals["notice/classes/汉语言文学2101.ics"].iter().find(|e| e.start.contains('T')).map(|e| e.uid.clone());
    assert_eq!(e.as_deref(), Some("notice/class/汉语言文学2101@jwc.example.edu.cn"));
    assert_eq!(class_events, 2, "the fixture has two classes");
    // 08:00 capture → reminder 20:00 the evening before = 12 hours earlier.
    let grad = &cals["notice/colleges/研究生院.ics"];
    let block = grad.iter().find(|e| e.start.ends_with("T080000")).expect("08:00 block");
    assert!(block.alarm.as_deref().is_some_and(|a| a.starts_with("-PT12H|")), "{:?}", block.alarm);
    // All-day events: fee deadline, 采集码, proofreading (end exclusive), make-up.
    let all_day: Vec<(&str, &str, &str)> =
        grad.iter().filter(|e| !e.start.contains('T')).map(|e| (e.summary.as_str(), e.start.as_str(), e.end.as_str())).collect();
    assert!(all_day.contains(&("图像采集缴费截止", "20250329", "20250330")), "{all_day:?}");
    assert!(all_day.contains(&("学信网图像校对", "20250601", "20250701")), "{all_day:?}");
    assert!(all_day.contains(&("图像补拍", "20250414", "20250531")), "{all_day:?}");
    assert!(all_day.iter().any(|(s, d, _)| s.contains("采集码") && *d == "20250409"), "{all_day:?}");
    assert!(grad.iter().any(|e| e.uid == "notice/college/研究生院/code@jwc.example.edu.cn"));
    assert!(grad.iter().any(|e| e.uid == "notice/proofreading@jwc.example.edu.cn"), "notice-wide events share one UID");
}

#[test]
fn calendars_of_the_example_site_match_their_timetables() {
    let root = manifest_dir();
    let mut checked = 0;
    for rel in tuxiang::notice::find_notices(&root) {
        let (entry, _) = tuxiang::site::load_one(&root, &rel, None);
        let Some(e) = entry else { continue };
        let Some(tt) = &e.timetable else { continue };
        let t0 = std::time::Instant::now();
        let files = calendars(&site(), &e.notice, tt, 0);
        let took = t0.elapsed();
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        let cals: BTreeMap<String, Vec<Ev>> = files.into_iter().map(|(p, b)| (p, parse(&b))).collect();
        let classes = check_calendars(&e.notice, tt, &cals);
        eprintln!("{rel}: {} blocks, {classes} class events, {} files, {bytes} bytes in {took:?}", tt.slots.len(), cals.len());
        checked += 1;
    }
    assert!(checked >= 2, "the example site has notices with timetables");
}

#[test]
fn calendars_are_byte_identical_and_uids_survive_a_changed_time() {
    let (n, tt) = notice(NOTICE);
    let a = calendars(&site(), &n, &tt, 0);
    assert_eq!(a, calendars(&site(), &n, &tt, 0), "same input, same bytes");
    let uids = |c: &BTreeMap<String, Vec<Ev>>| -> BTreeMap<String, Vec<String>> {
        c.iter().map(|(p, e)| (p.clone(), e.iter().map(|e| e.uid.clone()).collect())).collect()
    };
    let before = all(&n, &tt, 0);
    let moved = NOTICE.replace("start: \"13:30\", end: \"17:30\"", "start: \"14:00\", end: \"17:30\"");
    assert_ne!(moved, NOTICE);
    let (n2, tt2) = notice(&moved);
    let after = all(&n2, &tt2, 1);
    assert_eq!(uids(&before), uids(&after), "UIDs name what, not when");
    let e1 = before["notice/classes/汉语言文学2101.ics"].iter().find(|e| e.start.contains('T')).map(|e| e.start.clone());
    let e2 = after["notice/classes/汉语言文学2101.ics"].iter().find(|e| e.start.contains('T')).map(|e| e.start.clone());
    assert_eq!((e1.as_deref(), e2.as_deref()), (Some("20250412T133000"), Some("20250412T140000")));
    let bytes = calendars(&site(), &n2, &tt2, 7);
    let text = String::from_utf8(bytes[0].1.clone()).expect("utf8");
    assert!(text.contains("\r\nSEQUENCE:7\r\n"));
    assert!(!text.contains("SEQUENCE:0"));
    assert!(text.contains("\r\nDTSTAMP:20250319T160000Z\r\n"), "DTSTAMP from the issue date");
}

#[test]
fn text_values_are_escaped_and_long_lines_folded() {
    let text = NOTICE
        .replace("name: 第九教学楼103室", "name: \"第九教学楼103室,东侧;入口\\\\北\"")
        .replace("place: 新华社湖南分社大学生图像采集中心", &format!("place: {}", "新华社湖南分社大学生图像采集中心".repeat(6)));
    let (n, tt) = notice(&text);
    let cals = calendars(&site(), &n, &tt, 0);
    let (_, room) = cals.iter().find(|(p, _)| p == "notice/colleges/文学院.ics").expect("college calendar");
    let raw = String::from_utf8(room.clone()).expect("utf8");
    assert!(raw.contains("LOCATION:第九教学楼103室\\,东侧\\;入口\\\\北"), "{raw}");
    let evs = parse(room);
    assert!(evs.iter().any(|e| e.location.as_deref() == Some("第九教学楼103室,东侧;入口\\北")));
    assert!(evs.iter().any(|e| e.location.as_deref().is_some_and(|l| l.chars().count() == 16 * 6)), "folded line unfolds whole");
}

// ---------------------------------------------------------------- init

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn init_writes_a_site_that_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("site");
    let o = run(tmp.path(), &["init", dir.to_str().expect("utf8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for f in ["site.toml", "content/2026/example.md", "content/2026/rosters/2026.csv", ".vscode/settings.json", "notice.schema.json"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let o = run(&dir, &["check", "--format", "json", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(diagnostics(&stdout(&o)), vec![], "no warnings");
    let o = run(&dir, &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(read(&dir.join("public/2026/example/index.html")).contains("汉语言文学2201"));
    let o = run(&dir, &["schedule", "content/2026/example.md", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"college\": \"研究生院\""));
}

#[test]
fn init_refuses_to_overwrite_unless_forced() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    std::fs::write(dir.join("site.toml"), "title = \"mine\"\n").expect("write");
    let o = run(dir, &["init", dir.to_str().expect("utf8 path")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("site.toml") && err.contains("--force"), "{err}");
    assert_eq!(read(&dir.join("site.toml")), "title = \"mine\"\n", "untouched");
    assert!(!dir.join("content").exists(), "nothing written");
    let o = run(dir, &["init", "--force", dir.to_str().expect("utf8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(read(&dir.join("site.toml")).contains("base_url"));
}

// ---------------------------------------------------------------- schema

fn schema() -> serde_json::Value {
    let o = run(Path::new("."), &["schema"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("schema is JSON")
}

/// Every property name anywhere in the schema.
fn property_names(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(serde_json::Value::Object(p)) = m.get("properties") {
                out.extend(p.keys().cloned());
            }
            m.values().for_each(|x| property_names(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| property_names(x, out)),
        _ => {}
    }
}

fn yaml_to_json(y: &yaml_rust2::Yaml) -> serde_json::Value {
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(r) => r.parse::<f64>().map(serde_json::Value::from).unwrap_or_else(|_| r.clone().into()),
        Yaml::Integer(i) => (*i).into(),
        Yaml::String(s) => s.clone().into(),
        Yaml::Boolean(b) => (*b).into(),
        Yaml::Array(a) => a.iter().map(yaml_to_json).collect(),
        Yaml::Hash(h) => h
            .iter()
            .map(|(k, v)| (k.as_str().map(str::to_string).unwrap_or_else(|| format!("{k:?}")), yaml_to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
        _ => serde_json::Value::Null,
    }
}

fn front_matter(md: &str) -> serde_json::Value {
    let md = md.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let front = md.strip_prefix("---\n").and_then(|r| r.split_once("\n---")).map(|(f, _)| f).expect("front matter");
    let docs = yaml_rust2::YamlLoader::load_from_str(front).expect("YAML");
    yaml_to_json(&docs[0])
}

#[test]
fn schema_covers_the_parser_and_accepts_the_examples() {
    use tuxiang::notice::parse::*;
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["additionalProperties"], false);
    let mut names = Vec::new();
    property_names(&s, &mut names);
    for k in [TOP, FEE, OTHER_FEE, ONLINE, CAPTURE, DAY, ROOM, GROUP, SLOT, PROOF, MAKEUP, CONTACT, CODE].concat() {
        assert!(names.iter().any(|n| n == k), "schema lacks {k}");
    }
    assert_eq!(s["$defs"]["fee"]["properties"]["payer"]["enum"], serde_json::json!(["student", "class", "college", "school"]));
    if let Err(e) = jsonschema::meta::validate(&s) {
        panic!("not a valid draft 2020-12 schema: {e} at {}", e.instance_path());
    }
    let v = jsonschema::draft202012::new(&s).expect("a valid draft 2020-12 schema");
    let init = read(&manifest_dir().join("src/init/site/content/2026/example.md"));
    // The starter notice, the example site and every valid fixture.
    let mut notices = vec![("init".to_string(), init)];
    for dir in ["content", "tests/sites", "tests/fixtures/valid"] {
        for e in walkdir::WalkDir::new(manifest_dir().join(dir)).into_iter().filter_map(Result::ok) {
            if e.path().extension().is_some_and(|x| x == "md") && e.path().to_string_lossy().contains("content") {
                notices.push((e.path().display().to_string(), read(e.path())));
            }
        }
    }
    assert!(notices.len() > 5, "{} notices", notices.len());
    for (path, md) in &notices {
        let fm = front_matter(md);
        let errors: Vec<String> = v.iter_errors(&fm).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
    // And it rejects what check rejects, in the fixtures written for those errors (not
    // invalid-date: 2024-06-31 has the right shape, only a calendar knows it does not exist)…
    for case in ["unknown-key", "invalid-time", "invalid-session", "wrong-type", "missing-field", "invalid-value", "fee-method-missing"] {
        let md = read(&manifest_dir().join(format!("tests/fixtures/invalid/{case}/content/notice.md")));
        assert!(!v.is_valid(&front_matter(&md)), "schema accepts the {case} fixture");
    }
    // …and in small edits of a valid notice.
    for (from, to) in [
        ("payer: college", "payr: college"),
        ("payer: college", "payer: teacher"),
        ("issued: 2025-03-20", "issued: 2025/3/20"),
        ("sessions: [\"08:00-11:30\", \"13:30-17:30\"]", "sessions: [\"8点到11点\"]"),
        ("  deadline: 2025-03-29\n", "  deadline: 2025-03-29 5pm\n"),
        ("id: j9-103", "id: 九教103"),
    ] {
        let bad = NOTICE.replacen(from, to, 1);
        assert_ne!(bad, NOTICE, "{from}");
        assert!(!v.is_valid(&front_matter(&bad)), "schema accepts {to:?}");
    }
}

// ---------------------------------------------------------------- Excel rosters

fn workbook(rows: &[&[&str]], title: Option<&str>) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("名单").expect("sheet name");
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let time_fmt = Format::new().set_num_format("hh:mm");
    let top = u32::from(title.is_some());
    if let Some(t) = title {
        ws.write_string(0, 0, t).expect("write");
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + top, c as u16);
            if v.is_empty() {
                continue;
            }
            if let Ok(n) = v.parse::<f64>() {
                ws.write_number(r, c, n).expect("write");
            } else if let Ok(d) = ExcelDateTime::parse_from_str(v) {
                let fmt = if v.contains(':') { &time_fmt } else { &date_fmt };
                ws.write_datetime_with_format(r, c, &d, fmt).expect("write");
            } else {
                ws.write_string(r, c, *v).expect("write");
            }
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

fn at() -> Loc {
    let f: Arc<SourceFile> = SourceFile::new("content/2026/example.md", "groups: rosters/2026.xlsx\n");
    Loc::new(&f, 1, 9, 17)
}

#[test]
fn an_xlsx_roster_reads_like_the_csv() {
    let rows: &[&[&str]] = &[
        &["学院", "班级", "人数", "date", "not_before"],
        &["文学院", "汉语言文学2201", "57", "2025-11-08", "14:30"],
        &["文学院", "新闻学,2201", "43", "", ""],
        &["研究生院", "", "410", "", ""],
    ];
    for title in [None, Some("2026届毕业生图像采集名单")] {
        let bytes = workbook(rows, title);
        let (g, d) = tuxiang::notice::xlsx::parse("content/2026/rosters/2026.xlsx", &bytes, &at());
        assert!(d.is_empty(), "{d:?}");
        let csv = SourceFile::new(
            "r.csv",
            "学院,班级,人数,date,not_before\n文学院,汉语言文学2201,57,2025-11-08,14:30\n文学院,\"新闻学,2201\",43,,\n研究生院,,410,,\n",
        );
        let (want, d) = tuxiang::notice::roster::parse(&csv);
        assert!(d.is_empty(), "{d:?}");
        let key = |g: &[tuxiang::notice::model::Group]| -> Vec<String> {
            g.iter()
                .map(|g| {
                    format!(
                        "{}/{}/{:?}/{:?}/{:?}",
                        g.college.value,
                        g.name(),
                        g.headcount(),
                        g.date.as_ref().map(|d| d.value),
                        g.not_before.as_ref().map(|t| t.value)
                    )
                })
                .collect()
        };
        assert_eq!(key(&g), key(&want));
        let first_row = if title.is_some() { 3 } else { 2 };
        assert_eq!(g[0].loc.line, first_row, "locations are sheet rows");
        assert_eq!(g[0].loc.file.name, "content/2026/rosters/2026.xlsx");
    }
}

#[test]
fn xlsx_errors_name_the_sheet_row_and_column() {
    let rows: &[&[&str]] =
        &[&["学院", "班级", "人数"], &["文学院", "汉语言文学2201", "57"], &["文学院", "汉语言文学2202", "三十"], &["", "新闻学2201", "43"]];
    let bytes = workbook(rows, Some("名单"));
    let (g, d) = tuxiang::notice::xlsx::parse("content/2026/rosters/x.xlsx", &bytes, &at());
    assert_eq!(g.len(), 1);
    let got: Vec<(&str, u32, &str)> = d.iter().map(|d| (d.code.as_str(), d.loc.line, d.message.as_str())).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0, got[0].1), ("roster-headcount", 4));
    assert!(got[0].2.starts_with("工作表「名单」第 4 行 C 列："), "{}", got[0].2);
    assert_eq!((got[1].0, got[1].1), ("roster-empty-field", 5));
    assert!(got[1].2.starts_with("工作表「名单」第 5 行："), "{}", got[1].2);
    assert_eq!(d[0].loc.file.name, "content/2026/rosters/x.xlsx");
    assert_eq!(d[0].loc.file.line_text(4), "文学院,汉语言文学2202,三十", "the snippet shows the row");
}

#[test]
fn xlsx_error_cells_and_overwide_rows_are_reported_at_their_row() {
    use rust_xlsxwriter::{Formula, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("名单").expect("name");
    let rows: [[&str; 3]; 4] =
        [["学院", "班级", "人数"], ["文学院", "汉语言文学2201", "57"], ["文学院", "新闻学2201", ""], ["文学院", "新闻学2202", "43"]];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) => ws.write_number(r as u32, c as u16, n).map(drop),
                Err(_) if v.is_empty() => Ok(()),
                Err(_) => ws.write_string(r as u32, c as u16, *v).map(drop),
            }
            .expect("write");
        }
    }
    // A lookup that failed in Excel (cached #N/A), and a note far to the right of the roster.
    ws.write_formula(2, 2, Formula::new("=VLOOKUP(B3,人数!A:B,2,FALSE)").set_result("#N/A")).expect("formula");
    ws.write_string(3, 80, "备注：补拍").expect("write");
    let bytes = wb.save_to_buffer().expect("xlsx");
    let (g, d) = tuxiang::notice::xlsx::parse("content/2026/rosters/x.xlsx", &bytes, &at());
    let got: Vec<(&str, u32, &str)> = d.iter().map(|d| (d.code.as_str(), d.loc.line, d.message.as_str())).collect();
    let cell = got.iter().find(|x| x.0 == "roster-cell-error").unwrap_or_else(|| panic!("no roster-cell-error: {got:?}"));
    assert_eq!(cell.1, 3, "{got:?}");
    assert!(cell.2.contains("第 3 行 C 列") && cell.2.contains("#N/A"), "{}", cell.2);
    let wide = got.iter().find(|x| x.0 == "roster-too-wide").unwrap_or_else(|| panic!("no roster-too-wide: {got:?}"));
    assert_eq!(wide.1, 4, "{got:?}");
    assert!(
        d.iter().any(|x| x.code.as_str() == "roster-too-wide" && x.severity == tuxiang::diag::Severity::Warning),
        "a note to the right only warns"
    );
    assert!(g.iter().any(|g| g.name() == "新闻学2202"), "the wide row still counts");
}

#[test]
fn a_site_with_an_xlsx_roster_checks_and_reports_rows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    assert_eq!(run(dir, &["init", dir.to_str().expect("utf8")]).status.code(), Some(0));
    let csv = read(&dir.join("content/2026/rosters/2026.csv"));
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    std::fs::write(dir.join("content/2026/rosters/2026.xlsx"), workbook(&rows, None)).expect("write");
    std::fs::remove_file(dir.join("content/2026/rosters/2026.csv")).expect("rm");
    let md = dir.join("content/2026/example.md");
    std::fs::write(&md, read(&md).replace("groups: rosters/2026.csv", "groups: rosters/2026.xlsx")).expect("write");
    let o = run(dir, &["check", "--format", "json", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));

    let mut bad: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    bad[3][2] = "-4";
    let bad: Vec<&[&str]> = bad.iter().map(Vec::as_slice).collect();
    std::fs::write(dir.join("content/2026/rosters/2026.xlsx"), workbook(&bad, None)).expect("write");
    let o = run(dir, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let d = diagnostics(&stdout(&o));
    assert!(d.iter().any(|(code, at, _)| code == "roster-headcount" && at == "content/2026/rosters/2026.xlsx:4"), "{d:?}");
    assert!(stdout(&o).contains("工作表「名单」第 4 行 C 列"), "{}", stdout(&o));

    std::fs::write(dir.join("content/2026/rosters/2026.xlsx"), b"not a workbook").expect("write");
    let o = run(dir, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let d = diagnostics(&stdout(&o));
    assert!(d.iter().any(|(code, at, _)| code == "roster-syntax" && at.starts_with("content/2026/example.md:")), "{d:?}");
}
