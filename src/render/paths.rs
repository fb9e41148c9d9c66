//! Where every output lands under the output folder, and the links between them.
//! All outputs use these functions, so pages, PDFs, posters and QR codes agree; the file names
//! themselves come from [`crate::base::slug`], which `check` uses too.

use crate::base::slug as files;
pub use crate::base::slug::{file_name, segment};

/// The folder of a notice's page, relative to the output root (`2026/hnust`): its slug, as
/// [`files::in_notice`] takes it.
pub fn notice_dir(slug: &str) -> String {
    slug.to_string()
}

/// A notice's page.
pub fn notice_page(slug: &str) -> String {
    inside(slug, files::NOTICE_PAGE)
}

/// A file of a notice's folder (`rel` as [`files`] names it), from the output root.
fn inside(slug: &str, rel: &str) -> String {
    files::in_notice(slug, rel)
}

/// A notice's rooms: each room's page, door posters and calendar, named after the room
/// (`rooms/j9-103.html`, `rooms/j9-103-poster-2026-06-01.pdf`, `rooms/j9-103.ics`).
///
/// Files side by side rather than a folder per room (or per college, below): on the ext4 disks
/// this was measured on, creating a folder costs about seven times creating a file (~200 µs
/// against ~30 µs), and a first build made five folders per notice where it needs one.
pub fn rooms_dir(slug: &str) -> String {
    inside(slug, files::ROOMS)
}

/// A room's page: the target of its door posters' QR code.
pub fn room_page(slug: &str, room_id: &str) -> String {
    inside(slug, &files::room_page(room_id))
}

/// A notice's colleges: each college's sign-in sheets and calendar, named after the college.
pub fn colleges_dir(slug: &str) -> String {
    inside(slug, files::COLLEGES)
}

/// Files beside the pages.
pub fn notice_pdf(slug: &str) -> String {
    inside(slug, files::NOTICE_PDF)
}

pub fn poster_pdf(slug: &str, room_id: &str, date: chrono::NaiveDate) -> String {
    inside(slug, &files::room_poster(room_id, date))
}

pub fn sheets_pdf(slug: &str, college: &str) -> String {
    inside(slug, &files::college_sheets(college))
}

/// Calendars (RFC 5545): one per class, per college and per room.
pub fn class_ics(slug: &str, class: &str) -> String {
    inside(slug, &files::class_ics(class))
}

pub fn college_ics(slug: &str, college: &str) -> String {
    inside(slug, &files::college_ics(college))
}

pub fn room_ics(slug: &str, room_id: &str) -> String {
    inside(slug, &files::room_ics(room_id))
}

pub fn timetable_json(slug: &str) -> String {
    inside(slug, files::TIMETABLE_JSON)
}

/// The absolute URL of a folder under `base_url` (always ends with `/`).
pub fn absolute(base_url: &str, dir: &str) -> String {
    format!("{}/{}/", base_url.trim_end_matches('/'), dir.trim_matches('/'))
}

/// The absolute URL of a file under `base_url`.
pub fn absolute_file(base_url: &str, file: &str) -> String {
    format!("{}/{}", base_url.trim_end_matches('/'), file.trim_start_matches('/'))
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
