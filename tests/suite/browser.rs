//! The notice page in a real browser (Debian's chromium and chromedriver, which `.ci/run`
//! installs), driven through chromedriver's W3C WebDriver HTTP API with a small client: a shared
//! class link opens with the class's card on a 390 px screen, typing a college reaches every one
//! of its classes, and back/forward follow the finder. Skipped with a message when chromium is
//! not installed on a developer's machine; under CI (`CI=true`) a missing browser fails.

use crate::harness::{copy_site, manifest_dir, run};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const DRIVER: &str = "/usr/bin/chromedriver";

struct Driver {
    child: Child,
    port: u16,
    session: String,
    /// The profile and chromedriver's log, removed when the test ends.
    dir: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One request to chromedriver; the response's JSON `value`.
fn http(port: u16, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    // Read the head, then exactly Content-Length bytes: the driver may keep the connection open.
    let mut resp = Vec::new();
    let mut buf = [0u8; 8192];
    let json = loop {
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        resp.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&resp).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let len = head
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0)));
            let have = resp.len() - head.len() - 4;
            if n == 0 || len.is_some_and(|len| have >= len) {
                break body.to_string();
            }
        } else if n == 0 {
            return Err("no body".into());
        }
    };
    let json = json.as_str();
    let v: Value = serde_json::from_str(json).map_err(|e| format!("{e}: {json}"))?;
    if v["value"]["error"].is_string() {
        return Err(v["value"].to_string());
    }
    Ok(v["value"].clone())
}

impl Driver {
    /// A chromedriver with a headless chromium behind it, or None when they are not installed
    /// (outside CI). A chromium that exits while starting is started again, twice at most, each
    /// time with a new profile; the last failure panics with the tail of chromedriver's log.
    fn start() -> Option<Driver> {
        if !Path::new(CHROMIUM).exists() || !Path::new(DRIVER).exists() {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("chromium and chromium-driver are not installed, and CI must run the browser test (.ci/run installs them)");
            }
            eprintln!("SKIPPED browser test: {CHROMIUM} or {DRIVER} is not installed (apt-get install chromium chromium-driver)");
            return None;
        }
        let mut failures = Vec::new();
        for attempt in 1..=3 {
            match Driver::launch() {
                Ok(d) => return Some(d),
                Err(e) => {
                    eprintln!("browser test: chromium did not start (attempt {attempt} of 3)");
                    failures.push(e);
                }
            }
        }
        panic!("chromedriver did not start a session:\n{}", failures.join("\n---\n"));
    }

    fn launch() -> Result<Driver, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?.keep();
        let log = dir.join("chromedriver.log");
        let profile = dir.join("profile");
        let mut child = Command::new(DRIVER)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .arg("--verbose")
            .arg("--enable-chrome-logs")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("chromedriver: {e}"))?;
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"binary": CHROMIUM,
            "mobileEmulation": {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0}}, "args": [
            "--headless", "--no-sandbox", "--remote-debugging-pipe", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-quic", "--disable-sync", "--no-first-run", "--window-size=390,844",
            format!("--user-data-dir={}", profile.display())]}}}});
        let deadline = Instant::now() + Duration::from_secs(30);
        let last = loop {
            match http(port, "POST", "/session", Some(caps.clone())) {
                Ok(v) => {
                    if let Some(session) = v["sessionId"].as_str() {
                        return Ok(Driver { child, port, session: session.to_string(), dir });
                    }
                    break format!("no session id: {v}");
                }
                // The driver not listening yet: wait for it. Any answer from it is final.
                Err(e) if e.contains("onnection refused") && Instant::now() < deadline => std::thread::sleep(Duration::from_millis(200)),
                Err(e) => break e,
            }
        };
        let _ = child.kill();
        let _ = child.wait();
        // The log's own lines (its JSON bodies left out), chromium's output among them.
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).map(|l| l.get(..300).unwrap_or(l)).collect();
        let tail = &lines[lines.len().saturating_sub(25)..];
        let _ = std::fs::remove_dir_all(&dir);
        Err(format!("{last}\nchromedriver's log ends:\n{}", tail.join("\n")))
    }
    fn call(&self, method: &str, what: &str, body: Option<Value>) -> Value {
        http(self.port, method, &format!("/session/{}/{what}", self.session), body).unwrap_or_else(|e| panic!("{what}: {e}"))
    }
    fn go(&self, url: &str) {
        self.call("POST", "url", Some(json!({ "url": url })));
    }
    fn js(&self, script: &str, args: Value) -> Value {
        self.call("POST", "execute/sync", Some(json!({ "script": script, "args": args })))
    }
    fn type_into(&self, css: &str, text: &str) {
        let el = self.call("POST", "element", Some(json!({"using": "css selector", "value": css})));
        let id = el.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).expect("element id").to_string();
        self.call("POST", &format!("element/{id}/value"), Some(json!({ "text": text })));
    }
}

fn file_url(p: &Path) -> String {
    let s = p.to_str().expect("utf-8 path");
    format!(
        "file://{}",
        s.bytes()
            .map(|b| if b.is_ascii_alphanumeric() || b"/-._".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
            .collect::<String>()
    )
}

#[test]
fn a_student_finds_their_class_on_a_phone() {
    let Some(d) = Driver::start() else { return };
    let site = copy_site(&manifest_dir());
    let out = site.path().join("public");
    let o = run(site.path(), &["build", "-o", out.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dir = out.join("2027/auto-demo");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("timetable.json")).expect("json")).expect("parse");
    let page = file_url(&dir.join("index.html"));
    // A shared class link, opened fresh: the card is on screen with the class's own minutes.
    let slot = &json["slots"][3];
    let class = &slot["classes"][0];
    let name = class["name"].as_str().expect("name");
    d.go(&format!("{page}#{}", file_url(Path::new(&format!("c-{name}"))).trim_start_matches("file://")));
    let got = d.js(
        "var e = document.getElementById(arguments[0]); var r = e.getBoundingClientRect();
         return [r.top, r.bottom, window.innerHeight, window.innerWidth, e.querySelector('.when strong').textContent];",
        json!([format!("c-{name}")]),
    );
    let (top, bottom, height) = (got[0].as_f64().unwrap_or(-1.0), got[1].as_f64().unwrap_or(-1.0), got[2].as_f64().unwrap_or(0.0));
    assert!(got[3].as_f64().unwrap_or(0.0) <= 400.0, "a phone-wide window: {got}");
    assert!((0.0..80.0).contains(&top) && bottom <= height, "the card is at the top of the screen: {got}");
    assert_eq!(
        got[4].as_str(),
        Some(format!("{}–{}", class["start"].as_str().unwrap_or(""), class["end"].as_str().unwrap_or("")).as_str())
    );

    // Typing a college reaches every one of its classes (all listed, or a button for the rest).
    let college = slot["college"].as_str().expect("college");
    d.go(&page);
    d.type_into("#tx-q", college);
    d.js("var b = document.querySelector('#tx-out button.more'); if (b) b.click(); return 0;", json!([]));
    let found = d.js(
        "var a = document.querySelectorAll('#tx-out .results a'), r = []; for (var i = 0; i < a.length; i++) r.push(a[i].getAttribute('href')); return r;",
        json!([]),
    );
    let want = d.js(
        "var c = document.querySelectorAll('.class-card[id]'), r = []; for (var i = 0; i < c.length; i++) if (c[i].getAttribute('data-c') === arguments[0]) r.push('#' + c[i].id); return r;",
        json!([college]),
    );
    assert!(want.as_array().is_some_and(|w| w.len() > 1), "{want}");
    assert_eq!(found, want, "every class of {college} is reachable from the finder");
    assert!(d.js("return location.hash;", json!([])).as_str().is_some_and(|h| h.starts_with("#q=")), "the search is in the address");

    // Picking a class goes to its link; back returns to the search, forward to the class.
    let first = want[0].as_str().expect("first").trim_start_matches('#').to_string();
    d.js("var s = document.getElementById('tx-s'); s.value = arguments[0]; s.onchange(); return 0;", json!([first]));
    let hash = |d: &Driver| d.js("return decodeURIComponent(location.hash);", json!([])).as_str().unwrap_or("").to_string();
    assert_eq!(hash(&d), format!("#{first}"));
    d.call("POST", "back", Some(json!({})));
    assert!(hash(&d).starts_with("#q="), "back: {}", hash(&d));
    assert!(d.js("return document.getElementById('tx-q').value;", json!([])).as_str() == Some(college), "back restores the search");
    d.call("POST", "forward", Some(json!({})));
    assert_eq!(hash(&d), format!("#{first}"));
    assert_eq!(d.js("return document.getElementById('tx-s').value;", json!([])).as_str(), Some(first.as_str()));
}
