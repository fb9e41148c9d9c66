use super::{CONTENT_ERRORS, OK};
use crate::cli::Format;
use crate::diag::{render_github, render_human, render_json};
use crate::site;
use anyhow::Result;
use std::path::Path;

pub fn run(root: &Path, format: Format, deny_warnings: bool) -> Result<u8> {
    let site = site::load(root)?;
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
    Ok(if fail { CONTENT_ERRORS } else { OK })
}
