//! The draft: front matter in the contract's names (v1 where v1 can say it, v2 only where
//! needed), the source's prose as the Markdown body, a roster CSV when headcounts are listed.
//! Written whole or not at all, and never over an existing notice without `--force`.

use super::extract::{level, Draft, Proofreading};
use super::{Block, Doc, Origin};
use crate::base::time::hhmm_floor;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A draft's text, with the source origin of each of its lines (front matter and body).
pub struct Written {
    pub notice: String,
    pub origins: Vec<Option<Origin>>,
    /// The roster CSV, when the source lists headcounts.
    pub roster: Option<String>,
    /// v2 fields the draft uses (docs/notice-format.md, section 12), named in the report.
    pub v2: Vec<&'static str>,
}

struct Out {
    text: String,
    origins: Vec<Option<Origin>>,
}

impl Out {
    fn line(&mut self, s: impl AsRef<str>, at: Option<Origin>) {
        self.text.push_str(s.as_ref());
        self.text.push('\n');
        self.origins.push(at);
    }
}

/// A YAML scalar that reads back as exactly this string (a JSON string is a YAML one).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn span(a: u32, b: u32) -> String {
    format!("\"{}-{}\"", hhmm_floor(a), hhmm_floor(b))
}

/// The draft notice for `d`, read from `doc`; `roster_name` is the CSV's file name beside it.
pub fn draft(doc: &Doc, d: &Draft, roster_name: &str) -> Written {
    let mut o = Out { text: String::new(), origins: Vec::new() };
    let mut v2: Vec<&'static str> = Vec::new();
    o.line("---", None);
    o.line(
        format!("# 由 tuxiang import 从 {} 生成的草稿：请对照原文核对每一项，再补上报告里列出的缺项", doc.name.replace('\n', " ")),
        None,
    );
    for (key, f) in [("title", &d.title), ("school", &d.school), ("office", &d.office), ("doc_number", &d.doc_number)] {
        if let Some(f) = f {
            o.line(format!("{key}: {}", q(&f.value)), Some(f.at));
        }
    }
    if let Some(f) = &d.issued {
        o.line(format!("issued: {}", f.value), Some(f.at));
    }
    match d.cohorts.as_slice() {
        [] => {}
        [one] => o.line(format!("cohort: {}", one.value), Some(one.at)),
        many => {
            v2.push("cohort（多个届别）");
            let list: Vec<String> = many.iter().map(|c| c.value.to_string()).collect();
            o.line(format!("cohort: [{}]", list.join(", ")), Some(many[0].at));
        }
    }
    if let Some(f) = &d.audience {
        o.line(format!("audience: {}", q(&f.value)), Some(f.at));
    }
    fee(&mut o, d, &mut v2);
    if !d.online.is_empty() {
        v2.push("online");
        o.line("online:", None);
        for f in &d.online {
            o.line(format!("  - platform: {}", q(&f.value.platform)), Some(f.at));
            if let Some(w) = &f.value.who {
                o.line(format!("    who: {}", q(w)), Some(f.at));
            }
            if let Some(a) = f.value.from {
                o.line(format!("    from: {a}"), Some(f.at));
            }
            if let Some(b) = f.value.until {
                o.line(format!("    until: {b}"), Some(f.at));
            }
            if let Some(a) = f.value.amount {
                o.line(format!("    amount: {a}"), Some(f.at));
            }
        }
    }
    let roster = capture(&mut o, d, roster_name, &mut v2);
    if let Some(f) = &d.lead_days {
        o.line("code:", None);
        o.line(format!("  lead_days: {}", f.value), Some(f.at));
    }
    if let Some(f) = &d.proofreading {
        o.line("proofreading:", Some(f.at));
        match f.value {
            Proofreading::Window { from, until } => {
                if let Some(from) = from {
                    o.line(format!("  from: {from}"), Some(f.at));
                }
                if let Some(until) = until {
                    o.line(format!("  until: {until}"), Some(f.at));
                }
            }
            Proofreading::After(a) => {
                v2.push(a.unit.field());
                o.line(format!("  {}: {}", a.unit.key(), a.count), Some(f.at));
            }
        }
    }
    if !d.makeup.is_empty() {
        o.line("makeup:", None);
        for f in &d.makeup {
            let m = &f.value;
            if m.denied {
                v2.push("makeup.offered");
                o.line("  - offered: false", Some(f.at));
                if let Some(x) = &m.note {
                    o.line(format!("    note: {}", q(x)), Some(f.at));
                }
                continue;
            }
            if m.from.is_none() || m.until.is_none() || m.place.is_none() {
                v2.push("makeup（缺 from/until/place）");
            }
            let mut first = true;
            let mut item = |o: &mut Out, s: String| {
                o.line(format!("  {} {s}", if first { "-" } else { " " }), Some(f.at));
                first = false;
            };
            if let Some(x) = m.from {
                item(&mut o, format!("from: {x}"));
            }
            if let Some(x) = m.until {
                item(&mut o, format!("until: {x}"));
            }
            if let Some(x) = &m.place {
                item(&mut o, format!("place: {}", q(x)));
            }
            if let Some(x) = &m.phone {
                item(&mut o, format!("phone: {}", q(x)));
            }
            if let Some(x) = &m.note {
                item(&mut o, format!("note: {}", q(x)));
            }
        }
    }
    if !d.dress.is_empty() {
        o.line("dress:", None);
        for f in &d.dress {
            o.line(format!("  - {}", q(&f.value)), Some(f.at));
        }
    }
    if !d.contacts.is_empty() {
        o.line("contacts:", None);
        for f in &d.contacts {
            let line = match &f.value.phone {
                Some(x) => format!("  - {{ name: {}, phone: {} }}", q(&f.value.name), q(x)),
                None => format!("  - {{ name: {} }}", q(&f.value.name)),
            };
            o.line(line, Some(f.at));
        }
    }
    o.line("---", None);
    body(&mut o, doc, d);
    v2.sort();
    v2.dedup();
    Written { notice: o.text, origins: o.origins, roster, v2 }
}

fn fee(o: &mut Out, d: &Draft, v2: &mut Vec<&'static str>) {
    let f = &d.fee;
    let Some(amount) = &f.amount else { return };
    o.line("fee:", Some(amount.at));
    o.line(format!("  amount: {}", amount.value), Some(amount.at));
    if let Some(p) = &f.payer {
        if p.value == super::extract::Payer::Class {
            v2.push("fee.payer: class");
        }
        o.line(format!("  payer: {}", p.value.as_str()), Some(p.at));
    }
    if let Some(m) = &f.method {
        o.line(format!("  method: {}", q(&m.value)), Some(m.at));
    }
    if let Some(x) = &f.deadline {
        o.line(format!("  deadline: {}", x.value), Some(x.at));
    }
    if let Some(x) = &f.refund {
        o.line(format!("  refund: {}", q(&x.value)), Some(x.at));
    }
    if let Some(x) = &f.includes {
        o.line(format!("  includes: {}", q(&x.value)), Some(x.at));
    }
    if !f.other.is_empty() {
        v2.push("fee.other");
        o.line("  other:", None);
        for x in &f.other {
            o.line(format!("    - {{ for: {}, amount: {} }}", q(&x.value.0), x.value.1), Some(x.at));
        }
    }
}

fn capture(o: &mut Out, d: &Draft, roster_name: &str, v2: &mut Vec<&'static str>) -> Option<String> {
    if d.days.is_empty() && d.rooms.is_empty() && d.slots.is_empty() && d.arrive_early.is_none() {
        return None;
    }
    o.line("capture:", None);
    if let Some(f) = &d.arrive_early {
        o.line(format!("  arrive_early_minutes: {}", f.value), Some(f.at));
    }
    if !d.days.is_empty() {
        o.line("  days:", None);
        for f in &d.days {
            o.line(format!("    - date: {}", f.value.0), Some(f.at));
            if f.value.1.is_empty() {
                v2.push("capture.days（没有时段）");
            } else {
                let s: Vec<String> = f.value.1.iter().map(|(a, b)| span(*a, *b)).collect();
                o.line(format!("      sessions: [{}]", s.join(", ")), Some(f.at));
            }
        }
    }
    if !d.rooms.is_empty() {
        v2.push("capture.rooms（没有 stations）");
        o.line("  rooms:", None);
        for f in &d.rooms {
            // (The room's own days, where the notice gives each room its days.)
            let days = if f.value.days.is_empty() { String::new() } else { format!(", days: [{}]", f.value.days_listed()) };
            o.line(format!("    - {{ id: {}, name: {}{days} }}", q(&f.value.id), q(&f.value.name)), Some(f.at));
        }
    }
    let mut roster = None;
    if !d.groups.is_empty() {
        if d.groups.iter().any(|g| g.value.headcount.is_some()) {
            let mut csv = String::from("college,class,headcount\n");
            for g in &d.groups {
                let g = &g.value;
                let cell = |s: &Option<String>| {
                    s.as_deref()
                        .map(|x| if x.contains([',', '"']) { format!("\"{}\"", x.replace('"', "\"\"")) } else { x.to_string() })
                        .unwrap_or_default()
                };
                csv.push_str(&format!(
                    "{},{},{}\n",
                    cell(&g.college),
                    cell(&g.class),
                    g.headcount.map(|h| h.to_string()).unwrap_or_default()
                ));
            }
            o.line(format!("  groups: {}", q(roster_name)), Some(d.groups[0].at));
            roster = Some(csv);
        } else {
            o.line("  groups:", None);
            for f in &d.groups {
                let g = &f.value;
                let mut parts = Vec::new();
                if let Some(c) = &g.college {
                    parts.push(format!("college: {}", q(c)));
                } else {
                    v2.push("groups（班级没有写学院）");
                }
                if let Some(c) = &g.class {
                    parts.push(format!("class: {}", q(c)));
                }
                o.line(format!("    - {{ {} }}", parts.join(", ")), Some(f.at));
            }
        }
    }
    if !d.slots.is_empty() {
        o.line("  timetable:", None);
        for f in &d.slots {
            let s = &f.value;
            let room = match &s.room {
                Some(r) => format!(", room: {}", q(r)),
                None => {
                    v2.push("timetable（时段没有房间）");
                    String::new()
                }
            };
            let groups: Vec<String> = s.groups.iter().map(|g| q(g)).collect();
            o.line(
                format!(
                    "    - {{ date: {}, start: \"{}\", end: \"{}\"{room}, groups: [{}] }}",
                    s.date,
                    hhmm_floor(s.start),
                    hhmm_floor(s.end),
                    groups.join(", ")
                ),
                Some(f.at),
            );
        }
    }
    roster
}

/// A body line that Markdown would read as something else is escaped.
fn md_text(s: &str) -> String {
    let t = s.trim();
    if t.starts_with(['#', '>', '=', '+', '|']) || t.chars().all(|c| c == '-' || c == '*') {
        format!("\\{t}")
    } else {
        t.to_string()
    }
}

fn body(o: &mut Out, doc: &Doc, d: &Draft) {
    o.line("", None);
    for b in &doc.blocks {
        match b {
            Block::Para(l) => {
                if d.used.contains(&l.origin()) {
                    continue;
                }
                let t = l.text.trim();
                let at = Some(l.origin());
                let short = t.chars().count() <= 30 && !t.ends_with('。');
                let attachment = t.starts_with("附件") && t.chars().count() <= 12;
                if l.heading || attachment || (level(t) == Some(1) && short) {
                    o.line(format!("## {}", md_text(t)), at);
                } else if level(t) == Some(2) && short {
                    o.line(format!("### {}", md_text(t)), at);
                } else if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("• ")) {
                    o.line(format!("- {}", md_text(item)), at);
                } else if level(t).is_some_and(|v| v >= 3) {
                    o.line(format!("- {}", md_text(t)), at);
                } else {
                    o.line(md_text(t), at);
                }
                o.line("", None);
            }
            Block::Table(rows) => {
                let rows: Vec<_> = rows.iter().filter(|r| r.iter().any(|c| !c.text.trim().is_empty())).collect();
                let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
                if width == 0 {
                    continue;
                }
                for (i, r) in rows.iter().enumerate() {
                    let cells: Vec<String> =
                        (0..width).map(|c| r.get(c).map(|x| x.text.trim().replace('|', "\\|")).unwrap_or_default()).collect();
                    o.line(format!("| {} |", cells.join(" | ")), r.first().map(|c| c.origin()));
                    if i == 0 {
                        o.line(format!("|{}", " --- |".repeat(width)), None);
                    }
                }
                o.line("", None);
            }
        }
    }
}

/// Why a draft was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// A file is there already (and `--force` was not given).
    Exists(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Exists(p) => write!(f, "{} 已经存在：没有覆盖它（确认要用新草稿替换时加 --force）", p.display()),
            SaveError::Io(p, e) => write!(f, "无法写入 {}：{e}", p.display()),
        }
    }
}

impl std::error::Error for SaveError {}

/// Saves the notice as `content/<slug>.md` under `root` (and its roster beside it): every file
/// is written to a temporary name first and renamed into place only when all were written.
pub fn save(root: &Path, slug: &str, w: &Written, force: bool) -> Result<Vec<PathBuf>, SaveError> {
    let dir = root.join("content");
    let notice = dir.join(format!("{slug}.md"));
    let mut files = vec![(notice, w.notice.as_str())];
    if let Some(r) = &w.roster {
        files.insert(0, (dir.join(roster_name(slug)), r.as_str()));
    }
    if !force {
        if let Some((p, _)) = files.iter().find(|(p, _)| p.exists() || p.is_symlink()) {
            return Err(SaveError::Exists(p.clone()));
        }
    }
    std::fs::create_dir_all(&dir).map_err(|e| SaveError::Io(dir.clone(), e))?;
    let mut temps: Vec<(PathBuf, &PathBuf)> = Vec::new();
    let cleanup = |temps: &[(PathBuf, &PathBuf)]| {
        for (t, _) in temps {
            let _ = std::fs::remove_file(t);
        }
    };
    for (p, text) in &files {
        let tmp = p.with_extension(format!("{}.tuxiang-import.tmp", p.extension().and_then(|e| e.to_str()).unwrap_or("")));
        let written = std::fs::File::create_new(&tmp).and_then(|mut f| {
            f.write_all(text.as_bytes())?;
            f.sync_all()
        });
        if let Err(e) = written {
            // A temporary file tuxiang did not create is left alone.
            if e.kind() != std::io::ErrorKind::AlreadyExists {
                let _ = std::fs::remove_file(&tmp);
            }
            cleanup(&temps);
            return Err(SaveError::Io(tmp, e));
        }
        temps.push((tmp, p));
    }
    for (i, (tmp, p)) in temps.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, p) {
            cleanup(&temps[i..]);
            return Err(SaveError::Io((*p).clone(), e));
        }
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// The roster's file name beside `<slug>.md`.
pub fn roster_name(slug: &str) -> String {
    format!("{slug}-roster.csv")
}
