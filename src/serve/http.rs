//! Answering one request for a path from the current snapshot (`conn` reads and writes the
//! connection).

use super::live::{Bytes, Snapshot};
use super::page::{error_page, inject, not_found_page, problems_page, PROBLEMS_PATH, VERSION_PATH};
use std::sync::Arc;

/// What to send back: status, content type, body, and an optional redirect target.
#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub location: Option<String>,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply { status, content_type, body, location: None }
    }

    /// A short plain-text reply (refusals and errors).
    pub fn text(status: u16, body: &str) -> Reply {
        Reply::new(status, "text/plain; charset=utf-8", body.as_bytes().to_vec())
    }
}

/// The reply to a GET of `url` (path and query as sent). `print_file` renders PDFs on demand.
pub fn answer(url: &str, snap: &Arc<Snapshot>, print_file: &mut dyn FnMut(&str) -> Option<Bytes>) -> Reply {
    let raw = url.split(['?', '#']).next().unwrap_or("");
    if raw == VERSION_PATH {
        return Reply::text(200, &snap.version.to_string());
    }
    if raw == PROBLEMS_PATH {
        return Reply::new(200, HTML, problems_page(&snap.report, snap.version));
    }
    let Some(decoded) = percent_decode(raw) else {
        return Reply::text(400, "网址编码有误");
    };
    let mut segments = Vec::new();
    for s in decoded.split('/') {
        match s {
            "" | "." => {}
            ".." => return Reply::text(403, "网址里不能有「..」"),
            s if s.contains(['\\', '\0']) => return Reply::text(403, "网址里有不允许的字符"),
            s => segments.push(s),
        }
    }
    let mut rel = segments.join("/");
    let wants_folder = decoded.ends_with('/') || rel.is_empty();
    if wants_folder {
        rel = if rel.is_empty() { "index.html".into() } else { format!("{rel}/index.html") };
    }
    let ext = extension(&rel);
    let is_page = ext.is_empty() || ext == "html";
    if is_page && snap.report.blocking() {
        return Reply::new(200, HTML, error_page(&snap.report, snap.version));
    }
    if let Some(bytes) = snap.files.get(&rel) {
        let ct = content_type(ext);
        let body = if ct == HTML { inject(bytes, snap.version, &snap.report) } else { bytes.to_vec() };
        return Reply::new(200, ct, body);
    }
    if ext.is_empty() && snap.files.contains_key(&format!("{rel}/index.html")) {
        // A folder without its slash: relative links on the page need the slash.
        let mut r = Reply::text(301, "");
        r.location = Some(format!("{}/", percent_encode_path(raw)));
        return r;
    }
    if ext == "pdf" {
        if let Some(bytes) = print_file(&rel) {
            return Reply::new(200, content_type(ext), bytes.to_vec());
        }
    }
    if is_page {
        // Never the path itself: a hostile multi-MB path would come back whole (and escaped,
        // even larger) to a client that need not read it.
        return Reply::new(404, HTML, not_found_page(snap.version));
    }
    Reply::text(404, "找不到文件")
}

const HTML: &str = "text/html; charset=utf-8";

fn extension(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').map(|(_, e)| e).unwrap_or("")
}

pub fn content_type(ext: &str) -> &'static str {
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

/// `%E6%96%87` → `文`; `None` when an escape is malformed or the bytes are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Escapes bytes that cannot stand in a header value (anything outside printable ASCII).
fn percent_encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_graphic() {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::live::Report;
    use super::*;
    use std::collections::HashMap;

    fn snap(errors: usize) -> Arc<Snapshot> {
        let mut files: HashMap<String, Bytes> = HashMap::new();
        for (p, b) in [
            ("index.html", "<html><body>home</body></html>"),
            ("2026/a/index.html", "<html><body>notice</body></html>"),
            ("2026/a/colleges/文学院/index.html", "<html><body>college</body></html>"),
            ("style.css", "body{}"),
            ("2026/a/timetable.json", "{}"),
        ] {
            files.insert(p.into(), Arc::new(b.as_bytes().to_vec()));
        }
        let report = Report { errors, ..Report::default() };
        Arc::new(Snapshot { version: 5, files, report })
    }

    fn get(url: &str, s: &Arc<Snapshot>) -> Reply {
        answer(url, s, &mut |_| None)
    }

    #[test]
    fn pages_and_static_files_have_their_types() {
        let s = snap(0);
        let r = get("/", &s);
        assert_eq!((r.status, r.content_type), (200, HTML));
        assert!(String::from_utf8_lossy(&r.body).contains("home<script>"));
        assert_eq!(get("/style.css", &s).content_type, "text/css; charset=utf-8");
        assert_eq!(get("/style.css", &s).body, b"body{}");
        assert_eq!(get("/2026/a/timetable.json?x=1", &s).content_type, "application/json");
        let college = get("/2026/a/colleges/%E6%96%87%E5%AD%A6%E9%99%A2/", &s);
        assert_eq!(college.status, 200);
        assert!(String::from_utf8_lossy(&college.body).contains("college"));
        for (ext, ct) in [
            ("pdf", "application/pdf"),
            ("png", "image/png"),
            ("ics", "text/calendar; charset=utf-8"),
            ("svg", "image/svg+xml"),
            ("js", "text/javascript; charset=utf-8"),
        ] {
            assert_eq!(content_type(ext), ct);
        }
    }

    #[test]
    fn climbing_out_is_forbidden() {
        let s = snap(0);
        for url in ["/../etc/passwd", "/2026/%2e%2e/%2E%2E/x", "/a/..", "/a%5c..%5cb"] {
            assert_eq!(get(url, &s).status, 403, "{url}");
        }
        assert_eq!(get("/%zz", &s).status, 400);
        assert_eq!(get("/%ff", &s).status, 400);
    }

    #[test]
    fn folders_get_their_slash_and_missing_pages_a_404() {
        let s = snap(0);
        let r = get("/2026/a", &s);
        assert_eq!((r.status, r.location.as_deref()), (301, Some("/2026/a/")));
        let r = get("/2026/nope/", &s);
        assert_eq!((r.status, r.content_type), (404, HTML));
        assert!(String::from_utf8_lossy(&r.body).contains("/__tuxiang/version"));
        let hostile = format!("/%3Cb%3E{}/", "x".repeat(5000));
        let body = String::from_utf8(get(&hostile, &s).body).expect("utf-8");
        assert!(body.contains("页面不存在") && body.contains("href=\"/\""), "{body}");
        assert!(!body.contains("xxxx") && !body.contains("&lt;b&gt;"), "the path is not echoed");
        assert_eq!(get("/nope.png", &s).status, 404);
        let mut asked = Vec::new();
        let r = answer("/2026/a/notice.pdf", &s, &mut |p| {
            asked.push(p.to_string());
            Some(Arc::new(b"%PDF".to_vec()))
        });
        assert_eq!((r.status, r.content_type), (200, "application/pdf"));
        assert_eq!(asked, ["2026/a/notice.pdf"]);
    }

    #[test]
    fn errors_replace_every_page_but_not_static_files() {
        let s = snap(1);
        for url in ["/", "/2026/a/", "/2026/a/index.html", "/2026/nope/"] {
            let r = get(url, &s);
            assert_eq!(r.status, 200, "{url}");
            assert!(String::from_utf8_lossy(&r.body).contains("检查未通过"), "{url}");
        }
        assert_eq!(get("/style.css", &s).body, b"body{}");
        assert_eq!(get("/__tuxiang/version", &s).body, b"5");
    }
}
