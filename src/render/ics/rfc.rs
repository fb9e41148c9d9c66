//! Writing RFC 5545 text: content lines folded at 75 octets (never inside a UTF-8 character),
//! CRLF line ends, TEXT escaping, and local times in Asia/Shanghai.
//!
//! No value can end a content line early: TEXT values escape line breaks as `\n`, URI values
//! lose any whitespace, and folding drops every control character (RFC 5545's CONTROL, all but
//! HTAB) whatever the caller passed, so a CR or LF in a site's `base_url` or a notice's text can
//! never start a forged property or component.

use crate::base::time::Secs;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

/// The only time zone the notices use: China Standard Time, UTC+8, no daylight saving time.
pub const TZID: &str = "Asia/Shanghai";
const UTC_OFFSET_SECS: i64 = 8 * 3600;

/// The longest content line, in octets, before it is folded (RFC 5545 §3.1).
const FOLD_AT: usize = 75;

/// Accumulates content lines.
#[derive(Default)]
pub struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// Writes `NAME:VALUE` (the name may carry parameters; the value is written as given, less
    /// any control character).
    pub fn raw(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        fold_into(&line, &mut self.out);
    }

    /// Writes a TEXT property: the value is escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    /// Writes a URI property (RFC 5545 §3.3.13): a URI holds no whitespace or control
    /// characters, so any is dropped.
    pub fn uri(&mut self, name: &str, value: &str) {
        let clean: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
        self.raw(name, &clean);
    }

    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    pub fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    /// `VTIMEZONE` for Asia/Shanghai: one STANDARD rule, +0800 all year.
    pub fn timezone(&mut self) {
        self.begin("VTIMEZONE");
        self.raw("TZID", TZID);
        self.raw("X-LIC-LOCATION", TZID);
        self.begin("STANDARD");
        self.raw("DTSTART", "19700101T000000");
        self.raw("TZOFFSETFROM", "+0800");
        self.raw("TZOFFSETTO", "+0800");
        self.raw("TZNAME", "CST");
        self.end("STANDARD");
        self.end("VTIMEZONE");
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Appends one content line, folded: a physical line holds at most 75 octets, a continuation
/// line starts with one space (which counts), and a character is never split. Control
/// characters other than HTAB cannot stand in a content line (RFC 5545 §3.1) and are dropped:
/// a CR or LF here would end the line.
pub fn fold_into(line: &str, out: &mut Vec<u8>) {
    let mut width = 0;
    let mut buf = [0u8; 4];
    for c in line.chars().filter(|&c| c == '\t' || !c.is_control()) {
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        if width + bytes.len() > FOLD_AT {
            out.extend_from_slice(b"\r\n ");
            width = 1;
        }
        out.extend_from_slice(bytes);
        width += bytes.len();
    }
    out.extend_from_slice(b"\r\n");
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newline. Other control
/// characters cannot appear in a content line and are dropped (a tab becomes a space).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A local date-time value (`20250412T080000`); seconds past midnight may reach the next day.
pub fn local(date: NaiveDate, secs: Secs) -> String {
    let dt = date.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::seconds(i64::from(secs));
    dt.format("%Y%m%dT%H%M%S").to_string()
}

/// A DATE value (`20250412`).
pub fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A UTC DATE-TIME value (`20250319T160000Z`).
pub fn utc(dt: DateTime<Utc>) -> String {
    dt.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Midnight of a local date, in UTC.
pub fn local_midnight_utc(d: NaiveDate) -> DateTime<Utc> {
    let local: NaiveDateTime = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    (local - Duration::seconds(UTC_OFFSET_SECS)).and_utc()
}

/// A negative DURATION (`-PT12H`, `-PT17H30M`): how long before an event an alarm fires.
pub fn before(secs: u32) -> String {
    let (h, m) = (secs / 3600, (secs / 60) % 60);
    match (h, m) {
        (0, m) => format!("-PT{m}M"),
        (h, 0) => format!("-PT{h}H"),
        (h, m) => format!("-PT{h}H{m}M"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        let mut out = Vec::new();
        fold_into(s, &mut out);
        String::from_utf8(out).expect("folding keeps UTF-8 whole")
    }

    #[test]
    fn folding_keeps_lines_short_and_characters_whole() {
        let long = format!("DESCRIPTION:{}", "汉语言文学2101，".repeat(20));
        let out = folded(&long);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        assert_eq!(folded("A:b"), "A:b\r\n");
        let exact = format!("X:{}", "a".repeat(73));
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
        assert_eq!(folded(&format!("{exact}b")), format!("{exact}\r\n b\r\n"));
    }

    #[test]
    fn no_control_character_reaches_a_content_line() {
        assert_eq!(folded("URL:https://x.cn/\r\nBEGIN:VEVENT\r\n"), "URL:https://x.cn/BEGIN:VEVENT\r\n");
        assert_eq!(folded("X:a\rb\nc\u{0}d\u{7f}e\u{85}f\tg"), "X:abcdef\tg\r\n");
        let long = format!("URL:{}", "\r\nBEGIN:VEVENT".repeat(20));
        let out = folded(&long);
        assert!(out.split("\r\n").all(|l| l.len() <= 75 && !l.contains(['\r', '\n'])), "{out:?}");
        assert!(!out.contains("\r\nBEGIN"), "{out:?}");
        let mut w = Writer::default();
        w.uri("URL", "https://x.cn/a b\r\nEND:VEVENT\u{3000}/");
        assert_eq!(String::from_utf8(w.finish()).expect("UTF-8"), "URL:https://x.cn/abEND:VEVENT/\r\n");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\tf\u{7}"), "a\\,b\\;c\\\\d\\ne f");
    }

    #[test]
    fn times_and_durations() {
        let d = NaiveDate::from_ymd_opt(2025, 4, 12).expect("date");
        assert_eq!(local(d, 8 * 3600), "20250412T080000");
        assert_eq!(local(d, 24 * 3600), "20250413T000000");
        assert_eq!(utc(local_midnight_utc(d)), "20250411T160000Z");
        assert_eq!(before(12 * 3600), "-PT12H");
        assert_eq!(before(17 * 3600 + 1800), "-PT17H30M");
        assert_eq!(before(600), "-PT10M");
    }
}
