//! The body's own attachments. A link or image whose address is a relative path (`附件1.pdf`,
//! `files/采集样例.jpg`, `%E9%99%84%E4%BB%B6.pdf`) names a file of the site, read relative to the
//! notice's folder. It is published beside the notice's page under the same relative path, so the
//! link works unchanged from the page. `check` reports, at the link, an attachment that is
//! missing, a folder, too large, or outside `content/`; the build copies the rest through the same
//! staged output as every other file.

use crate::base::slug;
use crate::diag::{Code, Diagnostic};
use crate::notice::model::Notice;
use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The Markdown a body is read as, on the page, in the printed notice and here alike.
pub const MARKDOWN: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// The largest attachment published: 50 MiB. A bigger file belongs on the school's own site.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// A link or image of the body whose address is a path of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The address as Markdown gives it (escapes undone, `%` escapes kept).
    pub dest: String,
    /// Where it is in the body: the address, or the whole link when the address is elsewhere (a
    /// reference link's definition).
    pub at: Range<usize>,
    /// The path it names, or why it names none.
    pub path: Result<RelPath, BadName>,
}

/// A relative path, decoded and normalised as a browser resolves it: `up` steps out of the notice's
/// folder, then the names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelPath {
    pub up: usize,
    pub names: Vec<String>,
    /// It names a folder (`files/`, `..`).
    pub folder: bool,
}

/// A segment that decodes to no file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadName {
    /// A `%` escape that is not UTF-8, or one of `/`, `\` or NUL.
    Escape(String),
}

/// An attachment that can be published: the file, and where it goes under the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub source: PathBuf,
    pub output: String,
}

/// The path part of `url` when it names a file of the site: relative, no scheme, not only a
/// fragment or query. `None` for `https:`, `mailto:`, `/abs`, `//host`, `#x`, `?q`, ``.
pub fn local_part(url: &str) -> Option<&str> {
    if url.is_empty() || url.starts_with(['/', '\\', '#', '?']) {
        return None;
    }
    if let Some(i) = url.find([':', '/', '\\', '?', '#']) {
        if url.as_bytes()[i] == b':' && is_scheme(&url[..i]) {
            return None;
        }
    }
    let path = &url[..url.find(['?', '#']).unwrap_or(url.len())];
    (!path.is_empty()).then_some(path)
}

/// A URL scheme (RFC 3986): a letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphabetic()) && b.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
}

/// Decodes and normalises a relative path as a browser resolves it against the page: `\` is `/`,
/// `.` and `..` (also written `%2e`) are steps, each segment is `%`-decoded.
pub fn rel_path(path: &str) -> Result<RelPath, BadName> {
    let mut names: Vec<String> = Vec::new();
    let mut up = 0;
    let mut folder = false;
    for seg in path.split(['/', '\\']) {
        let name = percent_decode_str(seg).decode_utf8().map_err(|_| BadName::Escape(seg.to_string()))?;
        if name.contains(['/', '\\', '\0']) {
            return Err(BadName::Escape(seg.to_string()));
        }
        folder = matches!(&*name, "" | "." | "..");
        match &*name {
            "" | "." => {}
            ".." => {
                if names.pop().is_none() {
                    up += 1;
                }
            }
            _ => names.push(name.into_owned()),
        }
    }
    Ok(RelPath { folder: folder || names.is_empty(), up, names })
}

/// Every link and image of `body` that names a file of the site, in order.
pub fn links(body: &str) -> Vec<Link> {
    let mut out = Vec::new();
    for (ev, range) in Parser::new_ext(body, MARKDOWN).into_offset_iter() {
        let dest = match &ev {
            Event::Start(Tag::Link { link_type, dest_url, .. }) if *link_type != LinkType::Email => dest_url,
            Event::Start(Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        let Some(path) = local_part(dest) else { continue };
        let text = &body[range.clone()];
        // The address itself, after the text's `](`; a reference link's is in its definition.
        let from = text.find("](").map_or(text.len(), |i| i + 2);
        let at = match text[from..].find(&**dest) {
            Some(i) => range.start + from + i..range.start + from + i + dest.len(),
            None => range.start..range.start + text.find('\n').unwrap_or(text.len()),
        };
        out.push(Link { dest: dest.to_string(), at, path: rel_path(path) });
    }
    out
}

/// Where a file `rel` of a notice's folder is published, from the output root: beside the page
/// (`2026/hnust` + `附件1.pdf` → `2026/hnust/附件1.pdf`). `None` for a folder, or a path that
/// climbs above the output.
pub fn output(slug: &str, rel: &RelPath) -> Option<String> {
    if rel.folder {
        return None;
    }
    let mut parts: Vec<&str> = slug.split('/').filter(|s| !s.is_empty()).collect();
    for _ in 0..rel.up {
        parts.pop()?;
    }
    parts.extend(rel.names.iter().map(String::as_str));
    Some(parts.join("/"))
}

/// The published path of a link's address written in a notice (`None`: not an attachment).
pub fn output_of(slug: &str, url: &str) -> Option<String> {
    output(slug, &rel_path(local_part(url)?).ok()?)
}

/// The files a notice's own folder is given by the build: an attachment of that name would
/// overwrite one of them.
const GENERATED: [&str; 6] = [slug::NOTICE_PAGE, slug::NOTICE_PDF, slug::TIMETABLE_JSON, slug::ROOMS, slug::COLLEGES, slug::CLASSES];

/// The errors of `n`'s attachments (a notice of the site at `root`).
pub fn check(root: &Path, n: &Notice, out: &mut Vec<Diagnostic>) {
    out.extend(resolve(root, n).1);
}

/// Every attachment of `n` (a notice of the site at `root`) that can be published, each once, and
/// an error at each link that cannot.
pub fn resolve(root: &Path, n: &Notice) -> (Vec<Attachment>, Vec<Diagnostic>) {
    let mut files = BTreeMap::new();
    let mut diags = Vec::new();
    for link in links(&n.body) {
        match one(root, n, &link) {
            Ok(a) => {
                files.entry(a.output).or_insert(a.source);
            }
            Err(d) => diags.push(*d),
        }
    }
    (files.into_iter().map(|(output, source)| Attachment { source, output }).collect(), diags)
}

fn one(root: &Path, n: &Notice, link: &Link) -> Result<Attachment, Box<Diagnostic>> {
    let at = n.body_loc(link.at.start, link.at.len());
    let dest = &link.dest;
    let error = |code, msg: String, help: String| Box::new(Diagnostic::error(code, &at, msg).help(help));
    let rel = link.path.as_ref().map_err(|BadName::Escape(seg)| {
        error(
            Code::AttachmentPath,
            format!("链接 {dest} 里的 {seg} 不是有效的文件名（% 编码无效，或含有 /、\\ 等字符）"),
            "链接直接写附件的文件名，例如 [附件1](附件1.pdf)".into(),
        )
    })?;
    // The notice's folder, from the root (`content/2026`), then the link's steps and names.
    let mut parts: Vec<&str> = n.path.split('/').collect();
    parts.pop();
    let folder = parts.join("/");
    if rel.up >= parts.len() {
        return Err(error(
            Code::AttachmentPath,
            format!("链接 {dest} 指向 content 文件夹之外，不会发布"),
            format!("把附件放进 content 文件夹（例如通知所在的 {folder}/ 里），链接写相对于通知的路径，如 [附件1](附件1.pdf)"),
        ));
    }
    parts.truncate(parts.len() - rel.up);
    parts.extend(rel.names.iter().map(String::as_str));
    let site_rel = parts.join("/");
    let source = root.join(&site_rel);
    let fix_name = format!("把附件放到 {site_rel}（链接里的路径相对于通知所在的文件夹 {folder}/），或改正链接里的文件名");
    let meta = match std::fs::metadata(&source) {
        Ok(m) => m,
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {
            let near = near_name(&source).map(|s| format!("；同一文件夹里有 {s}，是不是它？")).unwrap_or_default();
            return Err(error(Code::AttachmentNotFound, format!("正文链接的附件 {dest} 不存在：应在 {site_rel}{near}"), fix_name));
        }
        Err(e) => return Err(error(Code::AttachmentNotFound, format!("无法读取正文链接的附件 {site_rel}：{e}"), fix_name)),
    };
    // A symbolic link may lead out of `content/`: what is published is what it points to.
    let content = root.join("content").canonicalize();
    let real = source.canonicalize();
    if let (Ok(content), Ok(real)) = (&content, &real) {
        if !real.starts_with(content) {
            return Err(error(
                Code::AttachmentPath,
                format!("正文链接的附件 {site_rel} 是指向 content 文件夹之外（{}）的链接，不会发布", real.display()),
                "把文件本身复制进 content 文件夹，不要用快捷方式或符号链接".into(),
            ));
        }
    }
    if !meta.is_file() {
        let kind = crate::notice::kind_of(&meta.file_type());
        let help = if meta.is_dir() {
            format!("链接到 {site_rel} 里的具体文件，例如 [附件1]({}/附件1.pdf)", dest.trim_end_matches('/'))
        } else {
            format!("把 {site_rel} 换成普通文件")
        };
        return Err(error(Code::NotAFile, format!("正文链接的 {dest} 是{kind}，不是文件"), help));
    }
    if meta.len() > MAX_BYTES {
        return Err(error(
            Code::TooLarge,
            format!("正文链接的附件 {site_rel} 有 {:.1} MB，超过上限 {} MB", mb(meta.len()), MAX_BYTES / 1024 / 1024),
            "压缩或拆分这个文件；很大的文件请放在学校网站或网盘上，正文链接它的 https 地址".into(),
        ));
    }
    let output = output(&n.slug, rel).ok_or_else(|| {
        error(Code::AttachmentPath, format!("链接 {dest} 指向网站输出文件夹之外，不会发布"), "把附件放在通知所在的文件夹里".into())
    })?;
    if rel.up == 0 && GENERATED.contains(&rel.names[0].as_str()) {
        return Err(error(
            Code::AttachmentPath,
            format!("附件 {dest} 与 tuxiang 为这份通知生成的 {} 同名，发布时会互相覆盖", rel.names[0]),
            "给附件改个名字（例如 附件1-通知.pdf），并改正链接".into(),
        ));
    }
    Ok(Attachment { source, output })
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1024.0 / 1024.0
}

/// A file beside a missing one whose name is close to its name (`附件1.PDF` for `附件1.pdf`).
fn near_name(missing: &Path) -> Option<String> {
    let want = missing.file_name()?.to_string_lossy().to_lowercase();
    let dir = std::fs::read_dir(missing.parent()?).ok()?;
    dir.filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .map(|name| (strsim::jaro_winkler(&want, &name.to_lowercase()), name))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(up: usize, names: &[&str]) -> RelPath {
        RelPath { up, names: names.iter().map(|s| s.to_string()).collect(), folder: false }
    }

    #[test]
    fn only_relative_paths_are_attachments() {
        for url in [
            "https://x.cn/a.pdf",
            "HTTP://x",
            "mailto:a@b.cn",
            "tel:123",
            "#tt",
            "?q=1",
            "/abs.pdf",
            "//host/a",
            "\\\\x",
            "",
            "javascript:x",
            "a+b.c:d",
        ] {
            assert_eq!(local_part(url), None, "{url}");
        }
        assert_eq!(local_part("附件1.pdf#page=2"), Some("附件1.pdf"));
        assert_eq!(local_part("files/a.pdf?v=2"), Some("files/a.pdf"));
        // A colon after a name that is no scheme: a file name, as a browser reads it.
        assert_eq!(local_part("附件1:采集流程.pdf"), Some("附件1:采集流程.pdf"));
        assert_eq!(local_part("a/b:c.pdf"), Some("a/b:c.pdf"));
    }

    #[test]
    fn paths_are_decoded_and_normalised_as_a_browser_would() {
        assert_eq!(rel_path("附件1：采集流程.pdf"), Ok(rel(0, &["附件1：采集流程.pdf"])));
        assert_eq!(rel_path("%E9%99%84%E4%BB%B6%201.pdf"), Ok(rel(0, &["附件 1.pdf"])));
        assert_eq!(rel_path("./files/../img/./采集样例.jpg"), Ok(rel(0, &["img", "采集样例.jpg"])));
        assert_eq!(rel_path("../../etc/passwd"), Ok(rel(2, &["etc", "passwd"])));
        assert_eq!(rel_path("%2e%2e/x.pdf"), Ok(rel(1, &["x.pdf"])));
        assert_eq!(rel_path("files\\a.pdf"), Ok(rel(0, &["files", "a.pdf"])));
        assert!(rel_path("files/").is_ok_and(|r| r.folder) && rel_path("a/..").is_ok_and(|r| r.folder));
        assert!(rel_path("a%2Fb.pdf").is_err() && rel_path("a%00.pdf").is_err() && rel_path("%FF.pdf").is_err());
    }

    #[test]
    fn attachments_land_beside_the_page() {
        assert_eq!(output("2026/hnust", &rel(0, &["附件1.pdf"])).as_deref(), Some("2026/hnust/附件1.pdf"));
        assert_eq!(output("2026/hnust", &rel(1, &["shared", "a.pdf"])).as_deref(), Some("2026/shared/a.pdf"));
        assert_eq!(output("hnust", &rel(2, &["a.pdf"])), None);
        assert_eq!(output_of("2026/a", "img/%E6%A0%B7%E4%BE%8B.jpg#x").as_deref(), Some("2026/a/img/样例.jpg"));
        assert_eq!(output_of("2026/a", "https://x.cn/a.pdf"), None);
    }

    #[test]
    fn links_and_images_are_found_at_their_address() {
        let body = "见[附件1](附件1.pdf \"附件\")和 ![样例](<img/采集 样例.jpg>)，\n[学信网](https://www.chsi.com.cn) <a@b.cn> [同页](#x)\n\n[参考][r]\n\n[r]: files/r.pdf\n";
        let got = links(body);
        let dests: Vec<&str> = got.iter().map(|l| l.dest.as_str()).collect();
        assert_eq!(dests, ["附件1.pdf", "img/采集 样例.jpg", "files/r.pdf"]);
        assert_eq!(&body[got[0].at.clone()], "附件1.pdf");
        assert_eq!(&body[got[1].at.clone()], "img/采集 样例.jpg");
        // A reference link: at the link itself.
        assert_eq!(&body[got[2].at.clone()], "[参考][r]");
    }
}
