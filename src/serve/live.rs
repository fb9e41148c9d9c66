//! The preview's model of the site: what is loaded, what is rendered, what the browser is shown.
//!
//! The site is loaded, reloaded and rendered by the pipeline `build` uses (`Site::load`,
//! `Site::reload`, `Site::build`): a saved notice is reloaded alone and only its pages and the
//! home page are rendered again; what `Site::reload` reloads whole is rendered whole.

use crate::diag::{render_human, Diagnostics, Severity};
use crate::notice::slug_of;
use crate::render::html::OutFile;
use crate::render::theme::Theme;
pub use crate::site::Plan;
use crate::site::{Job, Site};
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

struct Loaded {
    site: Site,
    theme: Theme,
}

pub struct Builder {
    root: PathBuf,
    loaded: Option<Loaded>,
    fatal: Option<String>,
    /// `Site::load` itself failed (no content folder…), as opposed to a theme or render error.
    unreadable: bool,
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
            files: HashMap::new(),
            stale_all: true,
            stale: BTreeSet::new(),
            version: 0,
            prints: HashMap::new(),
        }
    }

    /// Decides what the changed files (relative to the root) require (everything while no site is
    /// loaded).
    pub fn plan(&self, changed: &BTreeSet<String>) -> Plan {
        match &self.loaded {
            Some(l) => l.site.plan(changed),
            None if changed.is_empty() => Plan::Nothing,
            None => Plan::Full,
        }
    }

    /// Loads the whole site (and its theme) again and renders it: the first build.
    pub fn load(&mut self) {
        let site = Site::load(&self.root);
        self.loaded_whole(site);
        self.finish();
    }

    /// Brings the site up to date with the changed files (`Site::reload`), renders what that
    /// reloaded and bumps the version. Returns what was rebuilt, for the log (empty: nothing).
    pub fn rebuild(&mut self, changed: &BTreeSet<String>) -> String {
        let Some(mut l) = self.loaded.take() else {
            if changed.is_empty() {
                return String::new();
            }
            self.load();
            return "全部内容".into();
        };
        let what = match l.site.reload(changed) {
            Ok(Plan::Nothing) => {
                self.loaded = Some(l);
                return String::new();
            }
            Ok(Plan::Notices(rels)) => {
                self.loaded = Some(l);
                let what = rels.iter().cloned().collect::<Vec<_>>().join("、");
                self.stale.extend(rels);
                what
            }
            Ok(Plan::Full) => {
                self.loaded_whole(Ok(l.site));
                "全部内容".into()
            }
            Err(e) => {
                self.loaded_whole(Err(e));
                "全部内容".into()
            }
        };
        self.finish();
        what
    }

    fn finish(&mut self) {
        self.prints.clear();
        self.render();
        self.version += 1;
    }

    /// A site loaded whole (or not): its theme is loaded again and everything is stale.
    fn loaded_whole(&mut self, site: anyhow::Result<Site>) {
        self.stale_all = true;
        self.stale.clear();
        self.loaded = None;
        let site = match site {
            Ok(s) => s,
            Err(e) => {
                self.fatal = Some(chain(&e));
                self.unreadable = true;
                return;
            }
        };
        self.unreadable = false;
        match site.theme() {
            Ok(theme) => {
                self.fatal = None;
                self.loaded = Some(Loaded { site, theme });
            }
            Err(e) => self.fatal = Some(chain(&e)),
        }
    }

    /// Renders whatever is stale, unless the site has errors (then the error page is shown and
    /// the pages wait until the errors are fixed).
    fn render(&mut self) {
        let Some(l) = &self.loaded else { return };
        if l.site.diags.has_errors() {
            return;
        }
        let files = std::sync::Mutex::new(Vec::new());
        let put = |f: OutFile| {
            files.lock().unwrap_or_else(|e| e.into_inner()).push(f);
            Ok(())
        };
        if self.stale_all {
            let rendered = l.site.build(&l.theme, &Job::of(crate::render::Outputs::PREVIEW), &put, &|_| ());
            match rendered {
                Ok(_) => {
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
        let job = Job { only: Some(self.stale.clone()), ..Job::of(crate::render::Outputs::PREVIEW) };
        if let Err(e) = l.site.build(&l.theme, &job, &put, &|_| ()) {
            self.fatal = Some(chain(&e));
            self.stale_all = true;
            return;
        }
        let slugs: Vec<String> = l.site.entries.iter().map(|e| e.notice.slug.clone()).collect();
        for rel in &self.stale {
            let slug = slug_of(rel);
            self.files.retain(|path, _| !owned_by(path, &slug, &slugs));
        }
        self.files.extend(to_map(files.into_inner().unwrap_or_else(|e| e.into_inner())));
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
            let outputs = crate::render::Outputs { pdf: true, posters: true, sheets: true, ..Default::default() };
            let job = Job { only: Some(BTreeSet::from([e.notice.path.clone()])), ..Job::of(outputs) };
            let files = std::sync::Mutex::new(Vec::new());
            let put = |f: OutFile| {
                files.lock().unwrap_or_else(|e| e.into_inner()).push(f);
                Ok(())
            };
            if let Err(err) = l.site.build(&l.theme, &job, &put, &|_| ()) {
                eprintln!("无法生成打印件：{}", chain(&err));
            }
            let files = files.into_inner().unwrap_or_else(|e| e.into_inner());
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
}
