//! Clock times: seconds since midnight, and the one way each form is written.

/// Seconds since midnight, local time (Asia/Shanghai).
pub type Secs = u32;

/// Formats seconds since midnight as `HH:MM`, rounding down.
pub fn hhmm_floor(s: Secs) -> String {
    let mut out = String::with_capacity(5);
    push_hhmm(&mut out, s);
    out
}

/// Formats seconds since midnight as `HH:MM`, rounding up to the next whole minute.
pub fn hhmm_ceil(s: Secs) -> String {
    hhmm_floor(ceil_minute(s))
}

/// Seconds since midnight rounded down to the minute, as shown on every page.
pub fn floor_minute(s: Secs) -> Secs {
    s / 60 * 60
}

/// Seconds since midnight rounded up to the minute (a block is never shown shorter than it is).
pub fn ceil_minute(s: Secs) -> Secs {
    s.div_ceil(60) * 60
}

/// `HH:MM–HH:MM`: the start rounded down, the end up (a block is never shown shorter than it is).
pub fn hhmm_span(start: Secs, end: Secs) -> String {
    let mut out = String::with_capacity(13);
    push_hhmm(&mut out, start);
    out.push('–');
    push_hhmm(&mut out, ceil_minute(end));
    out
}

/// Appends `HH:MM` (rounded down) without the formatting machinery: a timetable prints thousands.
fn push_hhmm(out: &mut String, s: Secs) {
    let (h, m) = (s / 3600, (s / 60) % 60);
    if h >= 100 {
        out.push_str(&h.to_string());
    } else {
        out.push(char::from(b'0' + (h / 10) as u8));
        out.push(char::from(b'0' + (h % 10) as u8));
    }
    out.push(':');
    out.push(char::from(b'0' + (m / 10) as u8));
    out.push(char::from(b'0' + (m % 10) as u8));
}

/// Parses `HH:MM` (also `H:MM`, full-width colon) into seconds since midnight.
pub fn parse_hhmm(s: &str) -> Option<Secs> {
    let s = s.trim().replace('：', ":");
    let (h, m) = s.split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    if h > 24 || m > 59 || (h == 24 && m > 0) {
        return None;
    }
    Some(h * 3600 + m * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_as_hours_and_minutes() {
        assert_eq!(hhmm_floor(8 * 3600 + 5 * 60 + 59), "08:05");
        assert_eq!(hhmm_ceil(8 * 3600 + 5 * 60 + 1), "08:06");
        assert_eq!(hhmm_ceil(23 * 3600 + 59 * 60 + 1), "24:00");
        assert_eq!(hhmm_span(14 * 3600, 15 * 3600 + 30), "14:00–15:01");
        assert_eq!(hhmm_floor(0), "00:00");
    }
}
