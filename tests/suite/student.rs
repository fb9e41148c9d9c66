//! What a student reads: every output tells each class the same minutes (`schedule::shown`), and
//! the notice page has a card at each class's link.

use crate::harness::{copy_site, manifest_dir, run};

/// `HH:MM` to minutes.
fn mins(t: &str) -> u32 {
    let (h, m) = t.split_once(':').expect("HH:MM");
    h.parse::<u32>().expect("hour") * 60 + m.parse::<u32>().expect("minute")
}

#[test]
fn every_output_tells_a_class_the_same_minutes() {
    let site = copy_site(&manifest_dir());
    let out = site.path().join("public");
    let o = run(site.path(), &["build", "-o", out.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dir = out.join("2027/auto-demo");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("timetable.json")).expect("json")).expect("parse");
    let page = std::fs::read_to_string(dir.join("index.html")).expect("page");
    let mut classes = 0;
    for slot in json["slots"].as_array().expect("slots") {
        let list = slot["classes"].as_array().expect("classes");
        // Classes that meet in a block are shown meeting: no overlap, no invented gap.
        for w in list.windows(2) {
            assert!(mins(w[0]["end"].as_str().unwrap_or("")) <= mins(w[1]["start"].as_str().unwrap_or("")), "{w:?}");
        }
        for c in list {
            classes += 1;
            let (name, start, end) = (c["name"].as_str().unwrap_or(""), c["start"].as_str().unwrap_or(""), c["end"].as_str().unwrap_or(""));
            // The class's card: its own minutes and its own arrival (start less 15 minutes).
            let at = page.find(&format!("class-card\" id=\"c-{name}\"")).unwrap_or_else(|| panic!("no card for {name}"));
            let card = &page[at..at + page[at..].find("</article>").expect("card end")];
            assert!(card.contains(&format!("<strong class=\"nowrap\">{start}–{end}</strong>")), "{name}: {card}");
            let arrive = mins(start) - 15;
            assert!(card.contains(&format!("{:02}:{:02} 前到场", arrive / 60, arrive % 60)), "{name}: {card}");
            // The timetable row says the same.
            assert!(page.contains(&format!("#c-{name}\">{name}</a> <span class=\"ctime nowrap\">{start}–{end}</span>")), "{name}");
            // The class's calendar too.
            let ics = std::fs::read_to_string(dir.join(format!("classes/{name}.ics"))).expect("class ics");
            let hm = |t: &str| t.replace(':', "");
            assert!(ics.contains(&format!("T{}00\r\n", hm(start))) && ics.contains(&format!("T{}00\r\n", hm(end))), "{name}: {ics}");
            assert!(ics.contains(&format!("{:02}:{:02} 前到达", arrive / 60, arrive % 60)), "{name}");
        }
    }
    assert!(classes >= 90, "the example's auto-scheduled notice has about a hundred classes, found {classes}");
    // Nothing hidden is published.
    for e in walkdir::WalkDir::new(&out).min_depth(1) {
        let e = e.expect("walk");
        assert!(!e.file_name().to_string_lossy().starts_with('.'), "hidden file published: {}", e.path().display());
    }
    assert!(out.join("favicon.svg").is_file());
}

#[test]
fn a_room_the_notice_tells_how_to_find_is_found_from_the_card_and_the_door_page() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let path = site.path().join("content/notice.md");
    let text = std::fs::read_to_string(&path).expect("read");
    // Without `directions`, no word of the way.
    let o = run(site.path(), &["build", "--only", "html"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(site.path().join("public/notice/index.html")).expect("page");
    assert!(!page.contains("class=\"directions\""));

    let with =
        text.replace("      name: 第九教学楼103室\n", "      name: 第九教学楼103室\n      directions: 第九教学楼一楼东侧，从南门进\n");
    assert_ne!(with, text);
    std::fs::write(&path, with).expect("write");
    let o = run(site.path(), &["build", "--only", "html"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(site.path().join("public/notice/index.html")).expect("page");
    let at = page.find("class-card\" id=\"c-汉语言文学2101\"").expect("card");
    let card = &page[at..at + page[at..].find("</article>").expect("card end")];
    assert!(card.contains("<p class=\"directions\">第九教学楼一楼东侧，从南门进</p>"), "{card}");
    let room = std::fs::read_to_string(site.path().join("public/notice/rooms/j9-103.html")).expect("room page");
    assert!(room.contains("第九教学楼一楼东侧，从南门进"));
    let other = std::fs::read_to_string(site.path().join("public/notice/rooms/j9-203.html")).expect("room page");
    assert!(!other.contains("class=\"directions\""), "only the room it is written for");
}
