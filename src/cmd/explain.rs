//! `tuxiang explain CODE`: what a diagnostic means and how to fix it, as in docs/diagnostics.md.

use super::{CANNOT_RUN, OK};
use anyhow::Result;
use tuxiang::diag::{catalogue, Code};

pub fn run(code: Option<&str>) -> Result<u8> {
    let Some(text) = code else {
        print!("{}", catalogue());
        return Ok(OK);
    };
    match Code::from_text(text.trim()) {
        Some(c) => {
            let level = if c.is_error() { "错误" } else { "警告" };
            println!("{}（{level}，{}）：{}\n\n{}", c.as_str(), c.stage().title(), c.title(), c.explanation());
            Ok(OK)
        }
        None => {
            let near: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).filter(|c| strsim::jaro_winkler(c, text) > 0.85).take(3).collect();
            eprintln!("错误：没有诊断代码「{text}」");
            if !near.is_empty() {
                eprintln!("  是不是：{}", near.join("、"));
            }
            eprintln!("  不写代码运行 tuxiang explain 可列出全部代码");
            Ok(CANNOT_RUN)
        }
    }
}
