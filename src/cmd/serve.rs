use super::OK;
use anyhow::Result;
use std::net::IpAddr;
use std::path::Path;

/// `tuxiang serve`: runs the live preview until the process is stopped (Ctrl+C).
pub fn run(root: &Path, bind: IpAddr, port: u16) -> Result<u8> {
    tuxiang::serve::run(root, bind, port)?;
    Ok(OK)
}
