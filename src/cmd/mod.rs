//! One module per subcommand; each only dispatches into the library.

pub mod build;
pub mod check;
pub mod explain;
pub mod import;
pub mod init;
pub mod release;
pub mod schedule;
pub mod schema;
pub mod serve;

use tuxiang::diag::{render_human, Diagnostics};

/// Exit codes of the contract.
pub const OK: u8 = 0;
pub const CONTENT_ERRORS: u8 = 1;
pub const CANNOT_RUN: u8 = 2;

/// Prints diagnostics for a person on stderr.
pub fn eprint_diags(d: &Diagnostics) {
    if !d.items.is_empty() {
        eprint!("{}", render_human(d));
    }
}
