//! `tuxiang serve`: the real binary, a real socket on loopback, real file edits.

use super::harness::{bin, copy_site, manifest_dir};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Kills the server when the test ends, whether it passed or not.
pub(crate) struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub(crate) addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(bin())
        .arg("--root")
        .arg(root)
        .args(["serve", "--port", "0"])
        .args(extra)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts tuxiang serve");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut server = Server { child, addr: String::new() };
    let line = rx.recv_timeout(Duration::from_secs(10)).expect("serve printed its URL within 10 s");
    assert!(line.starts_with("正在预览：http://127.0.0.1:"), "{line}");
    assert!(line.ends_with("（Ctrl+C 退出）"), "{line}");
    let url = line.trim_start_matches("正在预览：").split_whitespace().next().unwrap_or("");
    server.addr = url.trim_start_matches("http://").trim_end_matches('/').to_string();
    server
}

/// A copy of the basic site, served: (the copy, to keep while the test runs; the server).
pub(crate) fn serve_basic() -> (tempfile::TempDir, Server) {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let server = start(site.path(), &[]);
    (site, server)
}

/// (status, headers, body) of a plain HTTP/1.0 request.
fn request(addr: &str, method: &str, path: &str) -> (u16, String, Vec<u8>) {
    let raw = format!("{method} {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n");
    exchange(addr, raw.as_bytes(), Duration::from_secs(5)).expect("answers")
}

/// Sends `raw` and reads the whole answer within `timeout`: (status, headers, body), or why not.
pub(crate) fn exchange(addr: &str, raw: &[u8], timeout: Duration) -> Result<(u16, String, Vec<u8>), String> {
    let deadline = Instant::now() + timeout;
    let mut s = TcpStream::connect_timeout(&addr.parse().map_err(|e| format!("{e}"))?, timeout).map_err(|e| format!("connect: {e}"))?;
    s.set_write_timeout(Some(timeout)).map_err(|e| e.to_string())?;
    s.write_all(raw).map_err(|e| format!("send: {e}"))?;
    let mut got = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        let left = deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()).ok_or("no answer in time")?;
        s.set_read_timeout(Some(left)).map_err(|e| e.to_string())?;
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) => return Err(format!("read after {} bytes: {e}", got.len())),
        }
    }
    let split = got.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no header end")?;
    let head = String::from_utf8_lossy(&got[..split]).into_owned();
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).ok_or("no status code")?;
    Ok((status, head, got[split + 4..].to_vec()))
}

pub(crate) fn get(addr: &str, path: &str) -> (u16, String, String) {
    let (status, head, body) = request(addr, "GET", path);
    (status, head, String::from_utf8_lossy(&body).into_owned())
}

/// Polls `path` until its body contains `want` (at most 10 s).
pub(crate) fn wait_for(addr: &str, path: &str, want: &str) -> String {
    poll(addr, path, &format!("「{want}」"), |body| body.contains(want))
}

/// Polls `path` until `done` holds for its body (at most 10 s); `what` names it in the failure.
pub(crate) fn poll(addr: &str, path: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (_, _, body) = get(addr, path);
        if done(&body) {
            return body;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{path} never showed {what}; last body:\n{body}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_follows_edits_and_shows_errors_in_the_page() {
    let site = copy_site(&manifest_dir().join("tests/sites/basic"));
    let notice = site.path().join("content/notice.md");
    let text = std::fs::read_to_string(&notice).expect("read");
    let server = start(site.path(), &[]);
    let addr = server.addr.as_str();

    let (status, head, body) = get(addr, "/notice/");
    assert_eq!(status, 200, "{head}");
    assert!(head.to_ascii_lowercase().contains("content-type: text/html; charset=utf-8"), "{head}");
    assert!(body.contains("关于做好2026届毕业生图像信息采集工作的通知"), "{body}");
    assert!(body.contains("/__tuxiang/version"), "reload script injected");
    let (_, _, version) = get(addr, "/__tuxiang/version");

    std::fs::write(&notice, text.replace("工作的通知", "工作的补充通知")).expect("write");
    wait_for(addr, "/notice/", "工作的补充通知");
    let (_, _, newer) = get(addr, "/__tuxiang/version");
    assert_ne!(version, newer, "the build number changes so open pages reload");
    wait_for(addr, "/", "工作的补充通知");

    let line = text.lines().position(|l| l.contains("payer:")).expect("payer line") + 1;
    std::fs::write(&notice, text.replacen("payer:", "payr:", 1)).expect("write");
    let page = wait_for(addr, "/notice/", "检查未通过");
    assert!(page.contains(&format!("content/notice.md:{line}:")), "{page}");
    assert!(page.contains("payr"), "{page}");
    assert!(!page.contains("工作的补充通知"), "no stale page while there are errors");
    let (status, _, css) = get(addr, "/style.css");
    assert_eq!(status, 200, "static files are still served");
    assert!(!css.is_empty());

    std::fs::write(&notice, &text).expect("write");
    let page = wait_for(addr, "/notice/", "工作的通知");
    assert!(!page.contains("检查未通过"), "{page}");
}

#[test]
fn serve_answers_with_types_redirects_and_refusals() {
    let (site, server) = serve_basic();
    let addr = server.addr.as_str();

    let (status, head, css) = get(addr, "/style.css");
    assert_eq!(status, 200);
    assert!(head.to_ascii_lowercase().contains("content-type: text/css"), "{head}");
    assert!(!css.contains("__tuxiang"), "scripts go into pages only");
    let (status, head, json) = get(addr, "/notice/timetable.json");
    assert_eq!(status, 200, "{head}");
    assert!(head.to_ascii_lowercase().contains("content-type: application/json"), "{head}");
    assert!(json.contains("\"slots\""), "{json}");

    let (status, head, _) = get(addr, "/notice");
    assert_eq!(status, 301, "{head}");
    assert!(head.contains("Location: /notice/"), "{head}");
    let (status, _, body) = get(addr, "/notice/");
    assert_eq!(status, 200);
    assert!(body.contains("id=\"college-文学院\""), "{body}");

    for path in ["/../site.toml", "/notice/../../site.toml", "/%2e%2e/site.toml"] {
        let (status, _, _) = get(addr, path);
        assert_eq!(status, 403, "{path}");
    }
    let (status, _, body) = get(addr, "/nope/");
    assert_eq!(status, 404);
    assert!(body.contains("页面不存在"), "{body}");
    let (status, _, _) = request(addr, "POST", "/");
    assert_eq!(status, 405);
    let (status, _, body) = request(addr, "HEAD", "/");
    assert_eq!(status, 200);
    assert!(body.is_empty());
    assert!(!site.path().join("public").exists(), "serve never writes public/");
}

#[test]
fn serve_outside_a_site_exits_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = Command::new(bin()).arg("--root").arg(tmp.path()).args(["serve", "--port", "0"]).output().expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("content"), "{}", String::from_utf8_lossy(&o.stderr));
}
