use super::{CONTENT_ERRORS, OK};
use crate::cli::Format;
use anyhow::Result;
use std::path::Path;
use tuxiang::diag::Code;
use tuxiang::diag::Diagnostic;
use tuxiang::diag::{render_github, render_human, render_json};
use tuxiang::site::{Job, Site};
use tuxiang::source::{Loc, SourceFile};

pub fn run(root: &Path, source: Option<&Path>, format: Format, deny_warnings: bool) -> Result<u8> {
    // A Word, PDF or text notice: checked through the importer's draft.
    if let Some(src) = source {
        return super::import::check_source(src, format, deny_warnings);
    }
    let mut site = Site::load(root)?;
    // Render every page in memory too, so a broken theme template fails CI as well.
    if !site.diags.has_errors() {
        let rendered = site.theme().and_then(|theme| site.build(&theme, &Job::pages(), &|_| Ok(()), &|_| ()));
        if let Err(e) = rendered {
            let f = SourceFile::new(format!("themes/{}", site.config.theme), "");
            site.diags.push(Diagnostic::error(Code::Template, &Loc::new(&f, 1, 1, 1), e.to_string()).help("检查主题模板的语法和变量名"));
        }
    }
    let d = &site.diags;
    match format {
        Format::Human => {
            let text = render_human(d);
            if d.items.is_empty() {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
        }
        Format::Json => print!("{}", render_json(d)),
        Format::Github => print!("{}", render_github(d)),
    }
    let fail = d.errors() > 0 || (deny_warnings && d.warnings() > 0);
    // The process ends here (see `build`): the notices need not be freed one by one.
    std::mem::forget(site);
    Ok(if fail { CONTENT_ERRORS } else { OK })
}
