//! `Site::reload`: a loaded site brought up to date with the files saved since. A saved notice
//! (or its roster, or its release lock) is loaded again alone; `site.toml`, the theme, an unknown
//! roster, the print font, or a notice appearing or disappearing reload everything, exactly as
//! `Site::load` does.

use super::{load_one, sort_entries, Site};
use anyhow::Result;
use std::collections::BTreeSet;

/// What a batch of changed files requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    Nothing,
    /// Everything, the theme included.
    Full,
    /// Reload (and render again) these notices (paths relative to the root) only.
    Notices(BTreeSet<String>),
}

impl Site {
    /// Decides what the changed files (relative to the root) require.
    pub fn plan(&self, changed: &BTreeSet<String>) -> Plan {
        let mut notices = BTreeSet::new();
        for p in changed {
            let full = self.root.join(p);
            if p == "site.toml" || p == "content" || p == "themes" || p.starts_with("themes/") {
                return Plan::Full;
            }
            if is_notice_path(p) {
                match (self.notices.contains(p), full.is_file()) {
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
            if let Some(n) = self.notices.iter().find(|n| crate::release::lock_path(n) == *p) {
                notices.insert(n.clone());
                continue;
            }
            let users: Vec<&str> = self
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
                p.starts_with("content/") && (full.is_dir() || (!full.exists() && self.notices.iter().any(|n| n.starts_with(&prefix))));
            // A roster no loaded notice uses yet (its notice may be waiting for it), or the PDF font.
            if p.ends_with(".csv") || folder_moved || self.config.font.as_deref() == Some(p.as_str()) {
                return Plan::Full;
            }
        }
        if notices.is_empty() {
            Plan::Nothing
        } else {
            Plan::Notices(notices)
        }
    }

    /// Brings the site up to date with the changed files (relative to the root) and says what
    /// was reloaded. `Err` when a full reload finds the site unreadable (the site is unchanged).
    pub fn reload(&mut self, changed: &BTreeSet<String>) -> Result<Plan> {
        let plan = self.plan(changed);
        self.apply(&plan)?;
        Ok(plan)
    }

    /// Reloads what `plan` says.
    pub fn apply(&mut self, plan: &Plan) -> Result<()> {
        match plan {
            Plan::Nothing => {}
            Plan::Full => *self = Site::load(&self.root)?,
            Plan::Notices(rels) => self.reload_notices(rels),
        }
        Ok(())
    }

    fn reload_notices(&mut self, rels: &BTreeSet<String>) {
        for rel in rels {
            let (entry, ds) = load_one(&self.root, rel, self.fonts.as_ref());
            let old_roster = self.entries.iter().find(|e| &e.notice.path == rel).and_then(|e| e.notice.capture.roster.clone());
            self.entries.retain(|e| &e.notice.path != rel);
            // A roster shared with another notice keeps its diagnostics (they are that notice's too).
            let drop_roster = old_roster.filter(|r| !self.entries.iter().any(|e| e.notice.capture.roster.as_ref() == Some(r)));
            self.diags.items.retain(|d| d.loc.file.name != *rel && Some(&d.loc.file.name) != drop_roster.as_ref());
            self.diags.extend(ds);
            self.entries.extend(entry);
        }
        sort_entries(&mut self.entries);
        self.diags.sort();
    }
}

/// `content/…/*.md` that `notice::find_notices` would pick up.
fn is_notice_path(p: &str) -> bool {
    let name = p.rsplit('/').next().unwrap_or(p);
    p.starts_with("content/") && p.ends_with(".md") && !name.starts_with(['.', '_'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_paths_follow_find_notices() {
        assert!(is_notice_path("content/2026/a.md"));
        assert!(!is_notice_path("content/2026/_draft.md"));
        assert!(!is_notice_path("README.md"));
        assert!(!is_notice_path("content/r.csv"));
    }
}
