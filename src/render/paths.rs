//! Where every output lands under the output folder, and the links between them.
//! All outputs use these functions, so pages, PDFs, posters and QR codes agree.

/// A path segment for a name that may hold Chinese: keeps letters and digits of any script,
/// turns everything else into `-`.
pub fn segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // Runs of letters and digits are copied whole.
    let mut run: Option<usize> = None;
    for (i, c) in name.char_indices() {
        // ASCII and the common CJK block first: `is_alphanumeric` looks hanzi up in a table.
        if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || (!c.is_ascii() && c.is_alphanumeric()) {
            run.get_or_insert(i);
            continue;
        }
        if let Some(from) = run.take() {
            out.push_str(&name[from..i]);
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if let Some(from) = run {
        out.push_str(&name[from..]);
    }
    if out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('-');
    }
    out
}

/// The folder of a notice's page, relative to the output root (`2026/hnust`).
pub fn notice_dir(slug: &str) -> String {
    slug.to_string()
}

/// A notice's page.
pub fn notice_page(slug: &str) -> String {
    format!("{}/index.html", notice_dir(slug))
}

/// A notice's rooms: each room's page, door posters and calendar, named after the room
/// (`rooms/j9-103.html`, `rooms/j9-103-poster-2026-06-01.pdf`, `rooms/j9-103.ics`).
///
/// Files side by side rather than a folder per room (or per college, below): on the ext4 disks
/// this was measured on, creating a folder costs about seven times creating a file (~200 µs
/// against ~30 µs), and a first build made five folders per notice where it needs one.
pub fn rooms_dir(slug: &str) -> String {
    format!("{slug}/rooms")
}

/// A room's page: the target of its door posters' QR code.
pub fn room_page(slug: &str, room_id: &str) -> String {
    format!("{}/{}.html", rooms_dir(slug), segment(room_id))
}

/// A notice's colleges: each college's sign-in sheets and calendar, named after the college.
pub fn colleges_dir(slug: &str) -> String {
    format!("{slug}/colleges")
}

/// Files beside the pages.
pub fn notice_pdf(slug: &str) -> String {
    format!("{}/notice.pdf", notice_dir(slug))
}

pub fn poster_pdf(slug: &str, room_id: &str, date: chrono::NaiveDate) -> String {
    format!("{}/{}-poster-{}.pdf", rooms_dir(slug), segment(room_id), date.format("%Y-%m-%d"))
}

pub fn sheets_pdf(slug: &str, college: &str) -> String {
    format!("{}/{}-sheets.pdf", colleges_dir(slug), segment(college))
}

/// Calendars (RFC 5545): one per class, per college and per room.
pub fn class_ics(slug: &str, class: &str) -> String {
    format!("{}/classes/{}.ics", notice_dir(slug), segment(class))
}

pub fn college_ics(slug: &str, college: &str) -> String {
    format!("{}/{}.ics", colleges_dir(slug), segment(college))
}

pub fn room_ics(slug: &str, room_id: &str) -> String {
    format!("{}/{}.ics", rooms_dir(slug), segment(room_id))
}

pub fn timetable_json(slug: &str) -> String {
    format!("{}/timetable.json", notice_dir(slug))
}

/// The absolute URL of a folder under `base_url` (always ends with `/`).
pub fn absolute(base_url: &str, dir: &str) -> String {
    format!("{}/{}/", base_url.trim_end_matches('/'), dir.trim_matches('/'))
}

/// The absolute URL of a file under `base_url`.
pub fn absolute_file(base_url: &str, file: &str) -> String {
    format!("{}/{}", base_url.trim_end_matches('/'), file.trim_start_matches('/'))
}

/// The name of a file, after its last `/`: a link from a page to a file in its own folder.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The folder of a file (relative to the output root): where its relative links start.
pub fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// A relative link from one folder (relative to the output root) to a file or folder.
pub fn relative(from_dir: &str, to: &str) -> String {
    let depth = from_dir.trim_matches('/').split('/').filter(|s| !s.is_empty()).count();
    let mut s = "../".repeat(depth);
    s.push_str(to.trim_start_matches('/'));
    if s.is_empty() {
        "./".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_keep_chinese_and_drop_punctuation() {
        assert_eq!(segment("计算机科学与工程学院"), "计算机科学与工程学院");
        assert_eq!(segment("j9-103"), "j9-103");
        assert_eq!(segment("a/b ../c"), "a-b-c");
        assert_eq!(segment("../"), "-");
        assert_eq!(segment("  软件 2201 班（卓越） "), "软件-2201-班-卓越");
        assert_eq!(segment("Ⅻ·𠀀ā"), "Ⅻ-𠀀ā");
    }

    #[test]
    fn relative_links_climb_to_the_root() {
        assert_eq!(relative("", "style.css"), "style.css");
        assert_eq!(relative("2026/hnust", "style.css"), "../../style.css");
        assert_eq!(relative("2026/hnust/rooms", "2026/hnust/index.html"), "../../../2026/hnust/index.html");
    }

    #[test]
    fn a_rooms_files_lie_side_by_side_in_one_folder() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        let page = room_page("2026/hnust", "J9 103");
        assert_eq!(page, "2026/hnust/rooms/J9-103.html");
        assert_eq!(poster_pdf("2026/hnust", "J9 103", day), "2026/hnust/rooms/J9-103-poster-2026-06-01.pdf");
        assert_eq!(room_ics("2026/hnust", "J9 103"), "2026/hnust/rooms/J9-103.ics");
        assert_eq!(folder_of(&page), "2026/hnust/rooms");
        assert_eq!(file_name(&page), "J9-103.html");
        assert_eq!(sheets_pdf("2026/hnust", "文学院"), "2026/hnust/colleges/文学院-sheets.pdf");
        assert_eq!(college_ics("2026/hnust", "文学院"), "2026/hnust/colleges/文学院.ics");
        assert_eq!(absolute_file("https://a.edu.cn/t/", &page), "https://a.edu.cn/t/2026/hnust/rooms/J9-103.html");
    }
}
