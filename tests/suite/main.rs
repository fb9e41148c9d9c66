//! Integration tests: run the real `tuxiang` binary on fixture sites.

mod build;
mod cli;
mod fixtures;
mod harness;
mod hostile;
mod import;
mod redteam;
mod release;
mod serve;
mod tools;
