//! Integration tests: run the real `tuxiang` binary on fixture sites.

mod attach;
mod browser;
mod build;
mod cli;
mod fixtures;
mod harness;
mod hostile;
mod import;
mod invented;
mod redteam;
mod release;
mod serve;
mod student;
mod tools;
