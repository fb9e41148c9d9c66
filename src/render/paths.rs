//! Where every output lands under the output folder, and the links between them.
//! All outputs use these functions, so pages, PDFs, posters and QR codes agree.

/// A path segment for a name that may hold Chinese: keeps letters and digits of any script,
/// turns everything else into `-`.
pub fn segment(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "-".to_string()
    } else {
        out
    }
}

/// The folder of a notice's page, relative to the output root (`2026/hnust`).
pub fn notice_dir(slug: &str) -> String {
    slug.to_string()
}

pub fn room_dir(slug: &str, room_id: &str) -> String {
    format!("{}/rooms/{}", slug, segment(room_id))
}

pub fn college_dir(slug: &str, college: &str) -> String {
    format!("{}/colleges/{}", slug, segment(college))
}

/// Files beside the pages.
pub fn notice_pdf(slug: &str) -> String {
    format!("{}/notice.pdf", notice_dir(slug))
}

pub fn poster_pdf(slug: &str, room_id: &str, date: chrono::NaiveDate) -> String {
    format!("{}/poster-{}.pdf", room_dir(slug, room_id), date.format("%Y-%m-%d"))
}

pub fn sheets_pdf(slug: &str, college: &str) -> String {
    format!("{}/sheets.pdf", college_dir(slug, college))
}

/// Calendars (RFC 5545): one per class, per college and per room.
pub fn class_ics(slug: &str, class: &str) -> String {
    format!("{}/classes/{}.ics", notice_dir(slug), segment(class))
}

pub fn college_ics(slug: &str, college: &str) -> String {
    format!("{}/calendar.ics", college_dir(slug, college))
}

pub fn room_ics(slug: &str, room_id: &str) -> String {
    format!("{}/calendar.ics", room_dir(slug, room_id))
}

pub fn timetable_json(slug: &str) -> String {
    format!("{}/timetable.json", notice_dir(slug))
}

/// The absolute URL of a folder under `base_url` (always ends with `/`).
pub fn absolute(base_url: &str, dir: &str) -> String {
    format!("{}/{}/", base_url.trim_end_matches('/'), dir.trim_matches('/'))
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
    }

    #[test]
    fn relative_links_climb_to_the_root() {
        assert_eq!(relative("", "style.css"), "style.css");
        assert_eq!(relative("2026/hnust", "style.css"), "../../style.css");
        assert_eq!(relative("2026/hnust/rooms/j9-103", "2026/hnust/"), "../../../../2026/hnust/");
    }
}
