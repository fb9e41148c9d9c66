//! The connections: accepting, reading one request head, writing one reply, closing.
//!
//! Every limit here keeps a hostile or broken client from holding the preview hostage: a client
//! that sends a huge request line, trickles its headers or never reads the reply costs one
//! thread for a few seconds, never the whole server. One request a connection (`Connection:
//! close`): an idle keep-alive socket cannot hold a slot, and loopback connections are cheap.

use super::host::Hosts;
use super::http::{self, Reply};
use super::Live;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Connections handled at once. A browser opens at most six to one server; a few phones and
/// tabs stay far below this. Beyond it a client gets an immediate 503 instead of a thread.
pub const MAX_CONNECTIONS: usize = 64;
/// The request line (`GET /path HTTP/1.1`): our longest URLs (a college's page, its Chinese
/// name percent-encoded) are a few hundred bytes; 8 KiB is what common servers allow.
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The whole request head. Room for a few KiB of cookies other local apps left on `localhost`.
pub const MAX_HEAD: usize = 32 * 1024;
/// Header lines in one request (browsers send about 15).
pub const MAX_HEADER_LINES: usize = 100;
/// From accepting a connection to its complete request head.
pub const READ_DEADLINE: Duration = Duration::from_secs(5);
/// For writing a whole reply: a multi-MB PDF over a slow Wi-Fi still fits.
pub const WRITE_DEADLINE: Duration = Duration::from_secs(30);
/// After the reply: how long, and how much, to read what the client still sends before closing.
const LINGER: Duration = Duration::from_millis(500);
const LINGER_BYTES: usize = 64 * 1024;

/// A request head, as far as the preview needs it.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    /// The path and query as sent.
    pub target: String,
    pub http11: bool,
    pub host: Option<String>,
}

/// Accepts connections until the listener fails for good, each on its own thread while
/// fewer than [`MAX_CONNECTIONS`] are open.
pub fn serve(listener: &TcpListener, live: &Arc<Live>, hosts: Hosts) {
    let open = Arc::new(AtomicUsize::new(0));
    for conn in listener.incoming() {
        let stream = match conn {
            Ok(s) => s,
            // Out of file descriptors or a connection reset before accept: wait a moment
            // rather than spin.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let Some(slot) = Slot::take(&open) else {
            refuse_busy(stream);
            continue;
        };
        let live = live.clone();
        // If no thread can be made, the closure drops the stream and the slot with it.
        let _ = std::thread::Builder::new().name("tuxiang-http".into()).spawn(move || {
            let _slot = slot;
            handle(stream, &live, hosts);
        });
    }
}

/// One of the [`MAX_CONNECTIONS`] places; given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>) -> Option<Slot> {
        open.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| (n < MAX_CONNECTIONS).then_some(n + 1)).ok().map(|_| Slot(open.clone()))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Too many connections: one non-blocking write of a short 503 (a fresh socket's send buffer
/// takes it whole), then close. The accept loop never waits on a client.
fn refuse_busy(stream: TcpStream) {
    let reply = Reply::text(503, "预览服务器正忙，请稍后刷新");
    if stream.set_nonblocking(true).is_ok() {
        let _ = (&stream).write(&encode(&reply, false));
    }
}

/// Reads one request, answers it and closes the connection.
fn handle(mut stream: TcpStream, live: &Live, hosts: Hosts) {
    let start = Instant::now();
    let (reply, head_only) = match read_head(&mut stream, start + READ_DEADLINE) {
        Ok(Some(head)) => (respond(&head, live, hosts), head.method == "HEAD"),
        Ok(None) => return,
        Err(refusal) => (refusal, false),
    };
    if write_all_by(&mut stream, &encode(&reply, head_only), Instant::now() + WRITE_DEADLINE).is_ok() {
        close_gently(stream);
    }
}

/// The reply to a well-formed request: the Host check first, then the method, then the site.
fn respond(head: &Head, live: &Live, hosts: Hosts) -> Reply {
    match &head.host {
        Some(h) if !hosts.allows(h) => return hosts.refusal(),
        None if head.http11 => return Reply::text(400, "请求缺少 Host 头"),
        _ => {}
    }
    if head.method != "GET" && head.method != "HEAD" {
        return Reply::text(405, "只支持 GET 与 HEAD 请求");
    }
    let snap = live.snapshot();
    http::answer(&head.target, &snap, &mut |path| live.print_file(path))
}

/// Reads until the end of the request head. `Ok(None)`: the client went away or sent nothing
/// in time (nothing to answer); `Err`: the reply that refuses it (400, 408, 414, 431, 505).
fn read_head(stream: &mut TcpStream, deadline: Instant) -> Result<Option<Head>, Reply> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = head_end(&buf)? {
            return parse_head(&buf[..end]).map(Some);
        }
        let read = remaining(deadline).and_then(|left| {
            stream.set_read_timeout(Some(left))?;
            stream.read(&mut chunk)
        });
        match read {
            Ok(0) => return Ok(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) && !buf.is_empty() => {
                return Err(Reply::text(408, "请求发送得太慢，已断开"));
            }
            Err(_) => return Ok(None),
        }
    }
}

/// Where the head ends (after its empty line), `None` while it may still be coming, or the
/// refusal once it has outgrown a limit.
pub fn head_end(buf: &[u8]) -> Result<Option<usize>, Reply> {
    let first_line = memchr::memchr(b'\n', buf).unwrap_or(buf.len());
    if first_line > MAX_REQUEST_LINE {
        return Err(Reply::text(414, "网址太长"));
    }
    let too_big = || Reply::text(431, "请求头太大");
    for (lines, nl) in memchr::memchr_iter(b'\n', buf).enumerate() {
        if lines > MAX_HEADER_LINES {
            return Err(too_big());
        }
        let end = match &buf[nl + 1..] {
            [b'\n', ..] => nl + 2,
            [b'\r', b'\n', ..] => nl + 3,
            _ => continue,
        };
        return if end > MAX_HEAD { Err(too_big()) } else { Ok(Some(end)) };
    }
    if buf.len() > MAX_HEAD {
        return Err(too_big());
    }
    Ok(None)
}

/// Parses a complete head (request line, header lines, empty line; CRLF or LF).
pub fn parse_head(raw: &[u8]) -> Result<Head, Reply> {
    let bad = || Reply::text(400, "请求格式有误");
    let text = std::str::from_utf8(raw).map_err(|_| bad())?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut parts = lines.next().unwrap_or("").split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(Reply::text(505, "只支持 HTTP/1.0 与 HTTP/1.1")),
    };
    if method.is_empty() || !target.starts_with('/') {
        return Err(bad());
    }
    let mut host = None;
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').ok_or_else(bad)?;
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(bad());
        }
        // Two Host headers could be read differently by a proxy in front: refuse both.
        if name.eq_ignore_ascii_case("host") && host.replace(value.trim().to_string()).is_some() {
            return Err(bad());
        }
    }
    Ok(Head { method: method.to_string(), target: target.to_string(), http11, host })
}

/// The bytes of a reply: status line, headers, and the body unless it answers a HEAD.
pub fn encode(reply: &Reply, head_only: bool) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        reply.body.len()
    );
    if let Some(loc) = &reply.location {
        head.push_str(&format!("Location: {loc}\r\n"));
    }
    match reply.status {
        405 => head.push_str("Allow: GET, HEAD\r\n"),
        503 => head.push_str("Retry-After: 1\r\n"),
        _ => {}
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    if !head_only {
        out.extend_from_slice(&reply.body);
    }
    out
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// Writes `bytes` before `deadline`: every write waits at most for the time left, so a client
/// that reads a byte now and then cannot stretch it.
fn write_all_by(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        stream.set_write_timeout(Some(remaining(deadline)?))?;
        match stream.write(bytes) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The time left before `deadline`, or a timeout error once it has passed (a zero timeout
/// would mean "wait forever" to the socket).
fn remaining(deadline: Instant) -> io::Result<Duration> {
    deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()).ok_or_else(|| ErrorKind::TimedOut.into())
}

/// Closes after the reply. Stops sending first, then reads what the client still sends for a
/// moment: closing with unread bytes makes the kernel reset the connection, which can destroy
/// the reply before the client has read it (a refused POST body, a too-long request).
fn close_gently(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < LINGER_BYTES {
        let read = remaining(deadline).and_then(|left| {
            stream.set_read_timeout(Some(left))?;
            stream.read(&mut sink)
        });
        match read {
            Ok(n) if n > 0 => drained += n,
            _ => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(r: Result<Option<usize>, Reply>) -> u16 {
        r.err().map_or(0, |r| r.status)
    }

    #[test]
    fn heads_end_at_the_empty_line() {
        let crlf = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nbody";
        assert_eq!(head_end(crlf).ok(), Some(Some(crlf.len() - 4)));
        assert_eq!(head_end(b"GET / HTTP/1.0\n\n").ok(), Some(Some(16)));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n").ok(), Some(None));
        assert_eq!(head_end(b"").ok(), Some(None));
    }

    #[test]
    fn oversized_heads_are_refused_early() {
        let long_line = format!("GET /{} HTTP/1.1\r\n", "a".repeat(MAX_REQUEST_LINE));
        assert_eq!(status(head_end(long_line.as_bytes())), 414);
        assert_eq!(status(head_end(&vec![b'a'; MAX_REQUEST_LINE + 1])), 414, "no newline yet");
        let many = format!("GET / HTTP/1.1\r\n{}", "X: y\r\n".repeat(MAX_HEADER_LINES + 1));
        assert_eq!(status(head_end(many.as_bytes())), 431);
        let big = format!("GET / HTTP/1.1\r\nCookie: {}\r\n", "c".repeat(MAX_HEAD));
        assert_eq!(status(head_end(big.as_bytes())), 431);
    }

    #[test]
    fn heads_parse_and_malformed_ones_are_refused() {
        let h = parse_head(b"GET /a?b HTTP/1.1\r\nhOsT:  localhost:8000 \r\nAccept: */*\r\n\r\n").expect("parses");
        assert_eq!(h, Head { method: "GET".into(), target: "/a?b".into(), http11: true, host: Some("localhost:8000".into()) });
        assert_eq!(parse_head(b"GET / HTTP/1.0\n\n").expect("parses").host, None);
        for (raw, code) in [
            (&b"GET / HTTP/2.0\r\n\r\n"[..], 505),
            (b"GET /  HTTP/1.1\r\n\r\n", 400),
            (b"GET http://evil/ HTTP/1.1\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nno colon\r\n\r\n", 400),
            (b"GET /\xff HTTP/1.1\r\n\r\n", 400),
        ] {
            assert_eq!(parse_head(raw).err().map(|r| r.status), Some(code), "{}", String::from_utf8_lossy(raw));
        }
    }

    #[test]
    fn replies_close_and_head_drops_the_body() {
        let r = Reply::text(405, "x");
        let full = String::from_utf8(encode(&r, false)).expect("utf-8");
        assert!(full.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"), "{full}");
        assert!(full.contains("Connection: close\r\n") && full.contains("Allow: GET, HEAD\r\n"), "{full}");
        assert!(full.ends_with("\r\n\r\nx"), "{full}");
        let head = String::from_utf8(encode(&r, true)).expect("utf-8");
        assert!(head.ends_with("Content-Length: 1\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\nAllow: GET, HEAD\r\n\r\n"), "{head}");
    }
}
