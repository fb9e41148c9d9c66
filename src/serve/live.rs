//! The preview's model of the site: what is loaded, what is rendered, what the browser is shown.
//!
//! A saved notice is reloaded with `site::load_one` and only its pages and the home page are
//! rendered again. `site.toml`, the theme, an unknown roster, or a notice appearing or
//! disappearing reload everything with `site::load`, exactly as `build` does.

use crate::diag::{render_human, Diagnostics, Severity};
use crate::notice::{self, slug_of};
use crate::release;
use crate::render::html::{render_each, render_index, render_notice, OutFile};
use crate::render::theme::Theme;
use crate::site::{self, Site};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub type Bytes = Arc<Vec<u8>>;

/// What the browser is shown; replaced whole after every rebuild.
pub struct Snapshot {
    /// Bumped on every rebuild; the page script reloads when it changes.
    pub version: u64,
    /// Rendered files by path under the output root (`2026/a/index.html`, `style.css`).
    pub files: HashMap<String, Bytes>,
    pub report: Report,
}

/// The problems of the current build.
#[derive(Default)]
pub struct Report {
    /// The site cannot be loaded or rendered at all (missing folder, broken theme template).
    pub fatal: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    /// `render_human` of every diagnostic.
    pub text: String,
    pub items: Vec<Item>,
}

pub struct Item {
    pub error: bool,
    pub code: &'static str,
    /// `file:line:col`
    pub at: String,
    pub message: String,
}

impl Report {
    /// While this holds, every page request gets the error page instead of a stale page.
    pub fn blocking(&self) -> bool {
        self.fatal.is_some() || self.errors > 0
    }
}

/// What a batch of changed files requires.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    Nothing,
    Full,
    /// Reload and re-render these notices (paths relative to the root) only.
    Notices(BTreeSet<String>),
}

struct Loaded {
    site: Site,
    theme: Theme,
}

pub struct Builder {
    root: PathBuf,
    loaded: Option<Loaded>,
    fatal: Option<String>,
    /// `site::load` itself failed (no content folder…), as opposed to a theme or render error.
    unreadable: bool,
    /// Every notice file found at the last full load.
    known: BTreeSet<String>,
    files: HashMap<String, Bytes>,
    /// Everything must be rendered again once the site has no errors.
    stale_all: bool,
    /// Notices changed since their pages were last rendered (while the site had errors).
    stale: BTreeSet<String>,
    version: u64,
    /// PDFs and other print outputs of the notices asked for since the last rebuild, by slug:
    /// a notice's prints are rendered on the first request for one of them.
    prints: HashMap<String, HashMap<String, Bytes>>,
}

impl Builder {
    pub fn new(root: &Path) -> Builder {
        Builder {
            root: root.to_path_buf(),
            loaded: None,
            fatal: None,
            unreadable: false,
            known: BTreeSet::new(),
            files: HashMap::new(),
            stale_all: true,
            stale: BTreeSet::new(),
            version: 0,
            prints: HashMap::new(),
        }
    }

    /// Decides what the changed files (relative to the root) require.
    pub fn plan(&self, changed: &BTreeSet<String>) -> Plan {
        let Some(l) = &self.loaded else {
            return if changed.is_empty() { Plan::Nothing } else { Plan::Full };
        };
        let mut notices = BTreeSet::new();
        for p in changed {
            let full = self.root.join(p);
            if p == "site.toml" || p == "content" || p == "themes" || p.starts_with("themes/") {
                return Plan::Full;
            }
            if is_notice_path(p) {
                match (self.known.contains(p), full.is_file()) {
                    (true, true) => {
                        notices.insert(p.clone());
                    }
                    (false, false) => {}
                    // A notice appeared or disappeared: the list of notices changes.
                    _ => return Plan::Full,
                }
                continue;
            }
            // A notice's release lock (`*.release.json`) is compared with it on every load.
            if let Some(n) = self.known.iter().find(|n| release::lock_path(n) == *p) {
                notices.insert(n.clone());
                continue;
            }
            let users: Vec<&str> = l
                .site
                .entries
                .iter()
                .filter(|e| e.notice.capture.roster.as_deref() == Some(p.as_str()))
                .map(|e| e.notice.path.as_str())
                .collect();
            if !users.is_empty() {
                notices.extend(users.into_iter().map(String::from));
                continue;
            }
            // A folder appeared under content/, or one holding notices went away. (Editors' temporary
            // files come and go beside the notice too; those hold no notice and change nothing.)
            let prefix = format!("{p}/");
            let folder_moved =
                p.starts_with("content/") && (full.is_dir() || (!full.exists() && self.known.iter().any(|n| n.starts_with(&prefix))));
            // A roster no loaded notice uses yet (its notice may be waiting for it), or the PDF font.
            if p.ends_with(".csv") || folder_moved || l.site.config.font.as_deref() == Some(p.as_str()) {
                return Plan::Full;
            }
        }
        if notices.is_empty() {
            Plan::Nothing
        } else {
            Plan::Notices(notices)
        }
    }

    /// Loads and renders what the plan says, and bumps the version. Returns what was rebuilt,
    /// for the log.
    pub fn apply(&mut self, plan: Plan) -> String {
        let what = match plan {
            Plan::Nothing => return String::new(),
            Plan::Full => {
                self.load_all();
                "全部内容".to_string()
            }
            Plan::Notices(rels) => {
                let what = rels.iter().cloned().collect::<Vec<_>>().join("、");
                self.reload(&rels);
                what
            }
        };
        self.prints.clear();
        self.render();
        self.version += 1;
        what
    }

    fn load_all(&mut self) {
        self.stale_all = true;
        self.stale.clear();
        self.loaded = None;
        let site = match site::load(&self.root) {
            Ok(s) => s,
            Err(e) => {
                self.fatal = Some(chain(&e));
                self.unreadable = true;
                return;
            }
        };
        self.unreadable = false;
        self.known = notice::find_notices(&self.root).into_iter().collect();
        match Theme::load(&self.root, &site.config) {
            Ok(theme) => {
                self.fatal = None;
                self.loaded = Some(Loaded { site, theme });
            }
            Err(e) => self.fatal = Some(chain(&e)),
        }
    }

    fn reload(&mut self, rels: &BTreeSet<String>) {
        let Some(l) = &mut self.loaded else { return };
        let site = &mut l.site;
        for rel in rels {
            let (entry, ds) = site::load_one(&self.root, rel, site.fonts.as_ref());
            let old_roster = site.entries.iter().find(|e| &e.notice.path == rel).and_then(|e| e.notice.capture.roster.clone());
            site.entries.retain(|e| &e.notice.path != rel);
            // A roster shared with another notice keeps its diagnostics (they are that notice's too).
            let drop_roster = old_roster.filter(|r| !site.entries.iter().any(|e| e.notice.capture.roster.as_ref() == Some(r)));
            site.diags.items.retain(|d| d.loc.file.name != *rel && Some(&d.loc.file.name) != drop_roster.as_ref());
            site.diags.extend(ds);
            site.entries.extend(entry);
            self.stale.insert(rel.clone());
        }
        // The same order as `site::load`: newest first, then by path.
        site.entries.sort_by(|a, b| (b.notice.sort_date(), &a.notice.path).cmp(&(a.notice.sort_date(), &b.notice.path)));
        site.diags.sort();
    }

    /// Renders whatever is stale, unless the site has errors (then the error page is shown and
    /// the pages wait until the errors are fixed).
    fn render(&mut self) {
        let Some(l) = &self.loaded else { return };
        if l.site.diags.has_errors() {
            return;
        }
        if self.stale_all {
            let files = std::sync::Mutex::new(Vec::new());
            let rendered = render_each(&l.site.context(&l.theme), &crate::render::Outputs::PREVIEW, |f| {
                files.lock().unwrap_or_else(|e| e.into_inner()).push(f);
                Ok(())
            });
            match rendered {
                Ok(()) => {
                    self.files = to_map(files.into_inner().unwrap_or_else(|e| e.into_inner()));
                    self.stale_all = false;
                    self.stale.clear();
                    self.fatal = None;
                }
                Err(e) => self.fatal = Some(chain(&e)),
            }
            return;
        }
        if self.stale.is_empty() {
            return;
        }
        let slugs: Vec<String> = l.site.entries.iter().map(|e| e.notice.slug.clone()).collect();
        let mut fresh: Vec<OutFile> = Vec::new();
        for rel in &self.stale {
            let slug = slug_of(rel);
            self.files.retain(|path, _| !owned_by(path, &slug, &slugs));
            if let Some(e) = l.site.entries.iter().find(|e| &e.notice.path == rel) {
                match render_notice(&l.site.context(&l.theme), e, &crate::render::Outputs::PREVIEW) {
                    Ok(files) => fresh.extend(files),
                    Err(e) => {
                        self.fatal = Some(chain(&e));
                        self.stale_all = true;
                        return;
                    }
                }
            }
        }
        match render_index(&l.site.context(&l.theme)) {
            Ok(f) => fresh.push(f),
            Err(e) => {
                self.fatal = Some(chain(&e));
                self.stale_all = true;
                return;
            }
        }
        self.files.extend(to_map(fresh));
        self.stale.clear();
        self.fatal = None;
    }

    /// Why the site cannot be read at all, if it cannot.
    pub fn unreadable(&self) -> Option<&str> {
        self.fatal.as_deref().filter(|_| self.unreadable)
    }

    /// A print output (PDF): the notice it belongs to is printed on the first request for one of
    /// its files after a rebuild (not the whole site: a province site has thousands of PDFs).
    pub fn print_file(&mut self, path: &str) -> Option<Bytes> {
        let l = self.loaded.as_ref().filter(|l| !l.site.diags.has_errors())?;
        let slugs: Vec<String> = l.site.entries.iter().map(|e| e.notice.slug.clone()).collect();
        let e = l.site.entries.iter().find(|e| owned_by(path, &e.notice.slug, &slugs))?;
        if !self.prints.contains_key(&e.notice.slug) {
            let fonts = l.site.fonts.as_ref()?;
            let job = crate::render::PrintJob { pdf: true, posters: true, sheets: true, a3: false };
            let files = crate::render::print_entry(&l.site.config, fonts, e, job).unwrap_or_else(|err| {
                eprintln!("无法生成打印件：{}", chain(&err));
                Vec::new()
            });
            self.prints.insert(e.notice.slug.clone(), to_map(files));
        }
        self.prints.get(&e.notice.slug).and_then(|m| m.get(path).cloned())
    }

    pub fn snapshot(&self) -> Snapshot {
        let mut report = Report { fatal: self.fatal.clone(), ..Report::default() };
        if let Some(l) = &self.loaded {
            report = Report { fatal: report.fatal, ..report_of(&l.site.diags) };
        }
        Snapshot { version: self.version, files: self.files.clone(), report }
    }
}

fn report_of(d: &Diagnostics) -> Report {
    Report {
        fatal: None,
        errors: d.errors(),
        warnings: d.warnings(),
        text: if d.items.is_empty() { String::new() } else { render_human(d) },
        items: d
            .items
            .iter()
            .map(|x| Item {
                error: x.severity == Severity::Error,
                code: x.code.as_str(),
                at: format!("{}:{}:{}", x.loc.file.name, x.loc.line, x.loc.col),
                message: x.message.clone(),
            })
            .collect(),
    }
}

/// `content/…/*.md` that `notice::find_notices` would pick up.
fn is_notice_path(p: &str) -> bool {
    let name = p.rsplit('/').next().unwrap_or(p);
    p.starts_with("content/") && p.ends_with(".md") && !name.starts_with(['.', '_'])
}

/// Whether an output file belongs to the notice with `slug`: it lies in that notice's folder and
/// not in the folder of another notice nested inside it.
fn owned_by(path: &str, slug: &str, slugs: &[String]) -> bool {
    let inside = |s: &str| path.strip_prefix(s).is_some_and(|rest| rest.starts_with('/'));
    inside(slug) && !slugs.iter().any(|s| s.len() > slug.len() && inside(s))
}

fn to_map(files: Vec<OutFile>) -> HashMap<String, Bytes> {
    files.into_iter().map(|(p, b)| (p, Arc::new(b))).collect()
}

/// An error with its causes, on one line.
pub fn chain(e: &anyhow::Error) -> String {
    e.chain().map(|c| c.to_string()).collect::<Vec<_>>().join("：")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_belong_to_the_innermost_notice() {
        let slugs = vec!["2026".to_string(), "2026/a".to_string()];
        assert!(owned_by("2026/index.html", "2026", &slugs));
        assert!(owned_by("2026/rooms/j9.html", "2026", &slugs));
        assert!(!owned_by("2026/a/index.html", "2026", &slugs));
        assert!(owned_by("2026/a/index.html", "2026/a", &slugs));
        assert!(!owned_by("2026a/index.html", "2026", &slugs));
        assert!(!owned_by("index.html", "2026", &slugs));
    }

    #[test]
    fn notice_paths_follow_find_notices() {
        assert!(is_notice_path("content/2026/a.md"));
        assert!(!is_notice_path("content/2026/_draft.md"));
        assert!(!is_notice_path("README.md"));
        assert!(!is_notice_path("content/r.csv"));
    }
}
