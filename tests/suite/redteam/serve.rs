//! Red-team findings: serve. The real binary on 127.0.0.1 (never another address), hostile
//! clients with bounded sends and waits; `Server` kills the child even when an assertion fails.

use crate::serve::{exchange, get, poll, serve_basic, wait_for};
use std::io::Write;
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

const TITLE: &str = "关于做好2026届毕业生图像信息采集工作的通知";

/// A GET over HTTP/1.1 with the given Host (and `Connection: close`), answered within 5 s.
fn get_as(addr: &str, path: &str, host: &str) -> (u16, String) {
    let raw = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    let (status, _, body) = exchange(addr, raw.as_bytes(), Duration::from_secs(5)).expect("answers within 5 s");
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// One hostile client: a request line of `mib` MiB of `&` (five times larger once escaped, for
/// a server that echoes the path), then it stays connected without reading until `stop`.
fn hostile(addr: String, mib: usize, sent: mpsc::Sender<()>, stop: Arc<AtomicBool>) {
    if let Ok(mut s) = TcpStream::connect(&addr) {
        let _ = s.set_write_timeout(Some(Duration::from_secs(10)));
        let chunk = vec![b'&'; 64 * 1024];
        let mut ok = s.write_all(b"GET /").is_ok();
        for _ in 0..mib * 16 {
            ok = ok && s.write_all(&chunk).is_ok();
        }
        let _ = ok && s.write_all(format!(" HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).is_ok();
        let _ = sent.send(());
        let start = Instant::now();
        while !stop.load(Ordering::Relaxed) && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(50));
        }
    } else {
        let _ = sent.send(());
    }
}

#[test]
fn clients_sending_huge_request_lines_do_not_freeze_the_preview() {
    let (_site, server) = serve_basic();
    let (sent_tx, sent_rx) = mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..6)
        .map(|_| {
            let (addr, sent, stop) = (server.addr.clone(), sent_tx.clone(), stop.clone());
            std::thread::spawn(move || hostile(addr, 6, sent, stop))
        })
        .collect();
    // Every hostile client has sent its line or been cut off (each waits at most 20 s).
    for _ in 0..clients.len() {
        let _ = sent_rx.recv_timeout(Duration::from_secs(20));
    }
    let t0 = Instant::now();
    let raw = format!("GET /notice/ HTTP/1.0\r\nHost: {}\r\n\r\n", server.addr);
    let answer = exchange(&server.addr, raw.as_bytes(), Duration::from_secs(5));
    let took = t0.elapsed();
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        let _ = c.join();
    }
    let (status, _, body) = answer.expect("a normal client is answered while hostile ones are connected");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains(TITLE));
    assert!(took < Duration::from_secs(3), "answered after {took:?}");
}

#[test]
fn a_404_never_echoes_the_path() {
    let (_site, server) = serve_basic();
    let addr = server.addr.as_str();
    let path = format!("/%3Cscript%3Ealert(1)%3C%2Fscript%3E{}/", "x".repeat(4000));
    let (status, _, body) = get(addr, &path);
    assert_eq!(status, 404);
    assert!(!body.contains("alert") && !body.contains("xxxxxxxx"), "the path came back: {} bytes", body.len());
    assert!(body.contains("页面不存在") && body.contains("<a href=\"/\">"), "{body}");
    let (status, _, body) = get(addr, &format!("/{}.png", "y".repeat(2000)));
    assert_eq!(status, 404);
    assert!(!body.contains("yyyyyyyy"), "{body}");
    // Past the request-line limit: refused, and not echoed either.
    let (status, _, body) = get(addr, &format!("/{}/", "z".repeat(20_000)));
    assert_eq!(status, 414);
    assert!(!body.contains("zzzzzzzz"), "{body}");
}

#[test]
fn foreign_host_names_are_refused() {
    let (_site, server) = serve_basic();
    let addr = server.addr.as_str();
    let port = addr.rsplit(':').next().unwrap_or("");
    for host in ["evil.example".to_string(), format!("evil.example:{port}"), format!("localhost.evil.example:{port}")] {
        let (status, body) = get_as(addr, "/notice/", &host);
        assert!(status == 403 || status == 421, "{host}: {status}");
        assert!(body.contains("拒绝访问") && !body.contains(TITLE), "{host}: {body}");
        let (status, _) = get_as(addr, "/__tuxiang/version", &host);
        assert!(status == 403 || status == 421, "{host}: the build number too");
    }
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let (status, body) = get_as(addr, "/notice/", &host);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains(TITLE), "{host}");
    }
}

/// Polls the build number until it differs from `old` (at most 10 s).
fn next_version(addr: &str, old: &str) -> String {
    poll(addr, "/__tuxiang/version", &format!("a build after {old}"), |v| v != old)
}

#[test]
fn edits_are_followed_after_content_is_moved_away_and_back() {
    let (site, server) = serve_basic();
    let (content, aside) = (site.path().join("content"), site.path().join("content.bak"));
    let addr = server.addr.as_str();
    let (_, _, v0) = get(addr, "/__tuxiang/version");

    std::fs::rename(&content, &aside).expect("move content away");
    let v1 = next_version(addr, &v0);
    std::fs::rename(&aside, &content).expect("move content back");
    next_version(addr, &v1);
    wait_for(addr, "/notice/", TITLE);

    let notice = content.join("notice.md");
    let text = std::fs::read_to_string(&notice).expect("read");
    std::fs::write(&notice, text.replace("工作的通知", "工作的补充通知")).expect("write");
    wait_for(addr, "/notice/", "工作的补充通知");
}

#[test]
fn a_client_that_stops_mid_request_is_answered_408_and_others_are_served() {
    let (_site, server) = serve_basic();
    let addr = server.addr.as_str();
    let t0 = Instant::now();
    // Half a head each, then silence (slowloris).
    let slow: Vec<TcpStream> = (0..8)
        .filter_map(|_| {
            let mut s = TcpStream::connect(addr).ok()?;
            s.write_all(format!("GET /notice/ HTTP/1.1\r\nHost: {addr}\r\n").as_bytes()).ok()?;
            Some(s)
        })
        .collect();
    assert_eq!(slow.len(), 8);
    let (status, _, body) = get(addr, "/notice/");
    assert_eq!(status, 200);
    assert!(body.contains(TITLE));
    let mut first = slow.into_iter().next().expect("a slow client");
    let mut answer = Vec::new();
    first.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    let _ = std::io::Read::read_to_end(&mut first, &mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
    assert!(t0.elapsed() < Duration::from_secs(9), "dropped after {:?}", t0.elapsed());
}
