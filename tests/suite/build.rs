use super::harness::{copy_site, manifest_dir, run, stderr};
use std::path::Path;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn builds_pages_for_notices_and_rooms_with_a_card_per_college() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = site.path().join("public");
    let index = read(&public.join("index.html"));
    assert!(index.contains("lang=\"zh-CN\""));
    let page = read(&public.join("notice/index.html"));
    assert!(page.contains("<th scope=\"col\">"), "timetable has header cells");
    assert!(page.contains("../style.css"), "relative links");
    assert!(!page.contains("http://") || !page.contains("<script"), "no external scripts");
    assert!(!public.join("notice/timetable.json").exists(), "timetable.json is --only json");
    assert!(!page.contains("timetable.json"), "and the page does not link a file it did not write");
    let rooms: Vec<_> = std::fs::read_dir(public.join("notice/rooms")).expect("rooms").filter_map(Result::ok).collect();
    assert!(!rooms.is_empty());
    assert!(page.contains("id=\"college-文学院\""), "a card per college on the notice page");
    assert!(!public.join("notice/colleges").exists(), "with --only html no college files are written");
    // Every fragment link points at an id on its page (the timetable, the college cards).
    let frag = regex::Regex::new(r##"href="([^"#]*)#([^"]+)""##).expect("regex");
    let mut pages = vec![public.join("index.html"), public.join("notice/index.html")];
    pages.extend(rooms.iter().map(|r| r.path()).filter(|p| p.extension().is_some_and(|x| x == "html")));
    assert_eq!(pages.len(), 2 + rooms.len(), "with --only html the rooms folder holds one page a room and nothing else");
    let mut checked = 0;
    for p in &pages {
        let html = read(p);
        for c in frag.captures_iter(&html) {
            let target = if c[1].is_empty() { html.clone() } else { read(&p.parent().expect("dir").join(&c[1])) };
            assert!(target.contains(&format!("id=\"{}\"", &c[2])), "{}: #{} has no target", p.display(), &c[2]);
            checked += 1;
        }
    }
    assert!(checked > 5, "fragment links were found and checked ({checked})");
}

#[test]
fn a_rooms_page_shows_the_notice_pages_table_with_its_own_links() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let path = site.path().join("content/notice.md");
    // The renderer passes each page its link to the notice page; nothing in the rendered HTML is
    // replaced afterwards, so a control character in content (once the link marker) is just text.
    let text = read(&path).replace("class: 汉语言文学2101", "class: \"汉语言\\x01文学2101\"");
    assert!(text.contains("\\x01"), "the fixture has the class");
    std::fs::write(&path, &text).expect("write");
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = read(&site.path().join("public/notice/index.html"));
    let room = read(&site.path().join("public/notice/rooms/j9-103.html"));
    for html in [&page, &room] {
        assert!(html.contains("汉语言\u{1}文学2101"), "the class name as written");
    }
    let tables = |html: &str| -> Vec<String> {
        html.split("<div class=\"table-wrap\">").skip(1).map(|t| t.split("</div>").next().unwrap_or_default().to_string()).collect()
    };
    let (on_page, on_room) = (tables(&page), tables(&room));
    assert!(!on_room.is_empty());
    for t in &on_room {
        // The room page links the college cards on the notice page; the notice page, its own.
        let to_notice = t.split("href=\"").nth(1).and_then(|h| h.split("#college-").next()).unwrap_or_default();
        assert!(to_notice.ends_with("notice/index.html"), "{t}");
        assert!(!t.contains("href=\"#"), "every college link of the room page leads to the notice page: {t}");
        assert!(on_page.contains(&t.replace(&format!("href=\"{to_notice}#"), "href=\"#")), "the same table as on the notice page: {t}");
    }
}

#[test]
fn a_theme_without_the_slot_table_component_is_refused_with_what_to_keep() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let dir = site.path().join("themes/mine/templates");
    std::fs::create_dir_all(&dir).expect("theme");
    std::fs::write(dir.join("components.html"), "{% component changes_box(release, changes, @t) %}{% endcomponent changes_box %}\n")
        .expect("write");
    let toml = site.path().join("site.toml");
    std::fs::write(&toml, format!("{}theme = \"mine\"\n", read(&toml))).expect("write");
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("slot_table 组件"), "{}", stderr(&o));
    assert!(!site.path().join("public").exists(), "nothing is written");
}

#[test]
fn timetable_json_has_a_slot_a_line_and_is_what_schedule_prints() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["build", "--only", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!site.path().join("public/notice/index.html").exists(), "--only json writes no pages");
    let text = read(&site.path().join("public/notice/timetable.json"));
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let slots = json["slots"].as_array().expect("slots");
    assert!(slots.len() >= 2, "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[..3], ["{", "  \"notice\": \"content/notice.md\",", "  \"slots\": ["]);
    assert_eq!(lines[lines.len() - 2..], ["  ]", "}"]);
    assert_eq!(lines.len(), 5 + slots.len(), "one line a slot:\n{text}");
    for (line, slot) in lines[3..lines.len() - 2].iter().zip(slots) {
        let one: serde_json::Value = serde_json::from_str(line.trim().trim_end_matches(',')).expect("a slot is one line of JSON");
        assert_eq!(&one, slot);
        assert!(line.starts_with("    {\"date\": \""), "{line}");
    }
    let o = run(site.path(), &["schedule", "content/notice.md", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), text, "the site's file and `schedule --format json` are one text");
    // With the pages, the notice page links it.
    let o = run(site.path(), &["build", "--only", "html,json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = read(&site.path().join("public/notice/index.html"));
    let href =
        page.split("href=\"").skip(1).filter_map(|h| h.split('"').next()).find(|h| h.ends_with("timetable.json")).expect("a link to it");
    assert!(site.path().join("public/notice").join(href).is_file(), "{href} resolves");
    assert_eq!(read(&site.path().join("public/notice/timetable.json")), text);
}

#[test]
fn a_failed_build_writes_nothing_and_keeps_the_old_site() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = read(&site.path().join("public/notice/index.html"));
    let path = site.path().join("content/notice.md");
    let text = read(&path);
    std::fs::write(&path, text.replacen("title:", "titel:", 1).replacen("2025", "2024", 0)).expect("write");
    let o = run(site.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(read(&site.path().join("public/notice/index.html")), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn raw_html_in_the_body_is_sanitised() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let path = site.path().join("content/notice.md");
    let mut text = read(&path);
    text.push_str(
        "\n<script>alert(1)</script><a href=\"javascript:alert(2)\" onclick=\"x()\">点我</a><iframe src=\"http://x\"></iframe>\n",
    );
    std::fs::write(&path, text).expect("write");
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = read(&site.path().join("public/notice/index.html"));
    assert!(!page.contains("<script>"), "no inline script at all");
    assert!(!page.contains("alert("));
    assert!(!page.contains("javascript:"));
    assert!(!page.contains("onclick"));
    assert!(!page.contains("<iframe"));
    assert!(page.contains("点我"));
}

/// How many relative links the built pages under `public` hold; each must name a file.
fn links_resolve(public: &Path) -> usize {
    let href = regex::Regex::new(r##"(?:href|src)="([^"#]+)"##).expect("regex");
    let mut checked = 0;
    for e in walkdir::WalkDir::new(public).into_iter().filter_map(Result::ok) {
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let page = read(e.path());
        for c in href.captures_iter(&page) {
            let link = &c[1];
            if link.contains("://") || link.starts_with("tel:") || link.starts_with("mailto:") {
                continue;
            }
            let target = e.path().parent().expect("dir").join(link);
            assert!(target.is_file(), "{} links to {link}, which is not a file (file:// needs index.html)", e.path().display());
            checked += 1;
        }
    }
    checked
}

#[test]
fn rooms_each_held_on_their_own_days_say_so_and_link_no_calendar_without_a_timetable() {
    // `于2020年12月28日在中北科学会堂阶梯教室、29-30日在闵行第二教学楼104进行`, as imported: no
    // timetable, each room its days.
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let notice = "---\ntitle: 关于2021届本科毕业生图片采集工作的通知\nschool: 示例大学\ncohort: 2021\naudience: 2021届本科毕业生\ncapture:\n  days:\n    - date: 2020-12-28\n    - date: 2020-12-29\n    - date: 2020-12-30\n  rooms:\n    - { id: room-1, name: 中北科学会堂阶梯教室, days: [2020-12-28] }\n    - { id: room-2, name: 闵行第二教学楼104, days: [2020-12-29, 2020-12-30] }\n---\n\n采集工作于2020年12月28日在中北科学会堂阶梯教室、29-30日在闵行第二教学楼104进行。\n";
    std::fs::write(site.path().join("content/days.md"), notice).expect("write");
    let o = run(site.path(), &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = site.path().join("public");
    let page = read(&public.join("days/index.html"));
    assert!(page.contains("中北科学会堂阶梯教室（12月28日）；闵行第二教学楼104（12月29日、12月30日）"), "{page}");
    assert!(!read(&public.join("days/rooms/room-1.html")).contains(".ics"), "no calendar is written for a room without slots");
    assert!(links_resolve(&public) > 10);
}

#[test]
fn every_relative_link_resolves_to_a_file() {
    // A full build: the pages link to PDFs, posters and calendars too.
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = site.path().join("public");
    let checked = links_resolve(&public);
    assert!(checked > 10, "only {checked} links checked");
    let room = read(&public.join("notice/rooms/j9-103.html"));
    for file in ["j9-103.ics", "j9-103-poster-"] {
        assert!(room.contains(&format!("href=\"{file}")), "the room page links its own {file}");
    }
}

#[test]
fn a_college_whose_name_holds_a_list_mark_shares_a_slot_and_stays_one_college() {
    // A college named 经济、管理学院 and 文学院 in one hand-made slot: two colleges, each with its
    // whole name on its calendar and sheets, never 经济 + 管理学院 + 文学院.
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let path = site.path().join("content/notice.md");
    let text = read(&path).replace("{ college: 研究生院, headcount: 410 }", "{ college: 经济、管理学院, headcount: 410 }").replace(
        "    - { date: 2025-04-12, start: \"08:00\", end: \"11:30\", room: j9-203, groups: [研究生院] }\n    - { date: 2025-04-12, start: \"13:30\", end: \"17:30\", room: j9-103, station: 1, groups: [文学院] }",
        "    - { date: 2025-04-12, start: \"08:00\", end: \"11:30\", room: j9-203, groups: [经济、管理学院, 文学院] }",
    );
    assert!(text.contains("groups: [经济、管理学院, 文学院]"), "the fixture has the shared slot");
    std::fs::write(&path, &text).expect("write");
    let o = run(site.path(), &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let colleges = site.path().join("public/notice/colleges");
    let mut names: Vec<String> = std::fs::read_dir(&colleges)
        .expect("colleges")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["文学院-sheets.pdf", "文学院.ics", "经济-管理学院-sheets.pdf", "经济-管理学院.ics"]);
    let ics = read(&colleges.join("经济-管理学院.ics"));
    assert!(ics.contains("SUMMARY:图像采集：经济、管理学院\r\n"), "{ics}");
    // The timetable JSON lists the two colleges; `college` stays the joined text of the first format.
    let json: serde_json::Value = serde_json::from_str(&read(&site.path().join("public/notice/timetable.json"))).expect("json");
    let slots = json["slots"].as_array().expect("slots");
    assert_eq!(slots.len(), 1);
    assert_eq!(slots[0]["colleges"], serde_json::json!(["经济、管理学院", "文学院"]));
    assert_eq!(slots[0]["college"], "经济、管理学院、文学院");
    // The page links each college to its own card, and the card of 经济、管理学院 holds the slot.
    let page = read(&site.path().join("public/notice/index.html"));
    assert!(
        page.contains("<a href=\"#college-经济-管理学院\" class=\"college\">经济、管理学院</a> · <a href=\"#college-文学院\" class=\"college\">文学院</a>"),
        "two links in the slot"
    );
    assert!(page.contains("id=\"college-经济-管理学院\""));
    assert!(!page.contains("id=\"college-经济\""));
}

#[test]
fn the_library_pipeline_builds_exactly_what_the_command_writes() {
    // `build` is Site::load + Site::build into the output folder; built in memory through the same
    // three calls, every file is the same, byte for byte.
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lib = tuxiang::site::Site::load(site.path()).expect("loads");
    assert!(!lib.diags.has_errors());
    let theme = lib.theme().expect("theme");
    let files = std::sync::Mutex::new(std::collections::BTreeMap::new());
    let put = |(rel, bytes): (String, Vec<u8>)| {
        assert!(files.lock().expect("lock").insert(rel.clone(), bytes).is_none(), "{rel} twice");
        Ok(())
    };
    let built = lib.build(&theme, &tuxiang::site::Job::all(), &put, &|_| ()).expect("builds");
    let files = files.into_inner().expect("lock");
    assert!(built.pages >= 3 && built.pdfs >= 3, "{built:?}");
    let public = site.path().join("public");
    let on_disk: Vec<String> = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&public).expect("inside").to_string_lossy().replace('\\', "/"))
        .filter(|p| !p.starts_with(".tuxiang"))
        .collect();
    let mut on_disk = on_disk;
    on_disk.sort();
    assert_eq!(on_disk, files.keys().cloned().collect::<Vec<_>>());
    for (rel, bytes) in &files {
        assert!(std::fs::read(public.join(rel)).expect("read") == *bytes, "{rel} differs");
    }
}

#[test]
fn build_warns_while_base_url_is_a_placeholder_and_check_does_not() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let o = run(site.path(), &["build", "--only", "html"]);
    assert_eq!(o.status.code(), Some(0), "a warning, not an error: {}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("warning[base-url-placeholder]") && err.contains("site.toml:2:"), "{err}");
    assert_eq!(err.matches("检查通过").count(), 1, "one summary line for the content's and build's own: {err}");
    let o = run(site.path(), &["check", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "check reads the content, not the address: {}", stderr(&o));

    let toml = site.path().join("site.toml");
    let text = read(&toml).replace("https://jwc.example.edu.cn/tuxiang", "https://jwc.hnust.edu.cn/tuxiang");
    std::fs::write(&toml, text).expect("write");
    let o = run(site.path(), &["build", "--only", "html"]);
    assert!(!stderr(&o).contains("base-url-placeholder"), "{}", stderr(&o));
}
