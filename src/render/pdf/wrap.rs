//! Chinese line breaking: a break may fall between any two Han characters, Latin words and
//! numbers stay whole, no line starts with closing punctuation and none ends with an opening one.

use super::fonts::PrintFonts;

/// A run of text with one weight.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Span {
    pub text: String,
    pub bold: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false }
    }
    pub fn bold(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: true }
    }
}

/// One wrapped line: its runs and its width in points.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WrappedLine {
    pub spans: Vec<Span>,
    pub width: f32,
}

impl WrappedLine {
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Characters that must not start a line.
const CLOSING: &str = "，。、；：！？）」』》〕】〉”’,.;:!?)]}%…·～";
/// Characters that must not end a line.
const OPENING: &str = "（「『《〔【〈“‘([{";

fn is_closing(c: char) -> bool {
    CLOSING.contains(c)
}

fn is_opening(c: char) -> bool {
    OPENING.contains(c)
}

/// Whether `c` glues to its neighbours like a Latin word (letters, digits, and what joins them).
fn is_wordish(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_/@#&+=.:%'~*".contains(c) || (c.is_alphanumeric() && !is_cjk(c))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Whether a line may break between `a` and `b`.
fn break_allowed(a: char, b: char) -> bool {
    if b.is_whitespace() || a.is_whitespace() {
        return !b.is_whitespace() || a.is_whitespace();
    }
    if is_closing(b) || is_opening(a) {
        return false;
    }
    // Keep Latin words, numbers, times (08:00) and phone numbers (0731-82250811) whole.
    if is_wordish(a) && is_wordish(b) {
        return false;
    }
    if (a.is_ascii_digit() || a.is_ascii_alphabetic()) && (b == '-' || b == '–') {
        return false;
    }
    true
}

/// A piece that never breaks inside (unless it is wider than a whole line).
struct Cluster {
    text: String,
    bold: bool,
    width: f32,
    is_space: bool,
    /// Must stay on the same line as the previous cluster (a different weight, no break between).
    glue: bool,
    /// A forced line break.
    newline: bool,
}

fn clusters(fonts: &PrintFonts, spans: &[Span], size: f32) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    let mut prev: Option<char> = None;
    for span in spans {
        for c in span.text.chars() {
            if c == '\n' {
                // A forced line break.
                out.push(Cluster { text: String::new(), bold: span.bold, width: 0.0, is_space: false, glue: false, newline: true });
                prev = None;
                continue;
            }
            let c = if c == '\t' || c == '\r' { ' ' } else { c };
            let w = fonts.width(c.encode_utf8(&mut [0; 4]), size, span.bold);
            let join = match (prev, out.last_mut()) {
                (Some(p), Some(last)) => !break_allowed(p, c) && last.bold == span.bold,
                _ => false,
            };
            let glue_across_weights = match (prev, out.last()) {
                (Some(p), Some(last)) => !break_allowed(p, c) && last.bold != span.bold,
                _ => false,
            };
            if join {
                if let Some(last) = out.last_mut() {
                    last.text.push(c);
                    last.width += w;
                    last.is_space = last.is_space && c == ' ';
                }
            } else {
                let is_space = c == ' ';
                out.push(Cluster { text: c.to_string(), bold: span.bold, width: w, is_space, glue: glue_across_weights, newline: false });
            }
            prev = Some(c);
        }
    }
    out
}

/// Wraps runs of text into lines no wider than `width` points at `size`.
pub(crate) fn wrap(fonts: &PrintFonts, spans: &[Span], size: f32, width: f32) -> Vec<WrappedLine> {
    // Groups: a cluster plus the clusters of other weights glued to it.
    let mut groups: Vec<Vec<Cluster>> = Vec::new();
    for c in clusters(fonts, spans, size) {
        match groups.last_mut() {
            Some(g) if c.glue => g.push(c),
            _ => groups.push(vec![c]),
        }
    }
    let mut lines: Vec<WrappedLine> = Vec::new();
    let mut cur: Vec<Cluster> = Vec::new();
    let mut cur_w = 0.0f32;
    for group in groups {
        if group.iter().any(|c| c.newline) {
            lines.push(finish(std::mem::take(&mut cur)));
            cur_w = 0.0;
            continue;
        }
        let group_w: f32 = group.iter().map(|c| c.width).sum();
        let is_space = group.iter().all(|c| c.is_space);
        if cur.is_empty() && is_space {
            continue;
        }
        if cur_w + group_w > width + 0.01 && !cur.is_empty() {
            lines.push(finish(std::mem::take(&mut cur)));
            cur_w = 0.0;
            if is_space {
                continue;
            }
        }
        if group_w > width + 0.01 {
            // Wider than a line on its own (a long URL): break it by character.
            for cl in group {
                for c in cl.text.chars() {
                    let w = fonts.width(c.encode_utf8(&mut [0; 4]), size, cl.bold);
                    if cur_w + w > width + 0.01 && !cur.is_empty() {
                        lines.push(finish(std::mem::take(&mut cur)));
                        cur_w = 0.0;
                    }
                    cur.push(Cluster { text: c.to_string(), bold: cl.bold, width: w, is_space: false, glue: false, newline: false });
                    cur_w += w;
                }
            }
            continue;
        }
        cur.extend(group);
        cur_w += group_w;
    }
    if !cur.is_empty() {
        lines.push(finish(cur));
    }
    lines
}

/// Merges a line's clusters into spans, dropping trailing spaces.
fn finish(mut cur: Vec<Cluster>) -> WrappedLine {
    while cur.last().is_some_and(|c| c.is_space) {
        cur.pop();
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut width = 0.0;
    for c in cur {
        width += c.width;
        match spans.last_mut() {
            Some(s) if s.bold == c.bold => s.text.push_str(&c.text),
            _ => spans.push(Span { text: c.text, bold: c.bold }),
        }
    }
    WrappedLine { spans, width }
}

/// The widest piece of `text` that cannot be broken (a column must be at least this wide).
pub(crate) fn min_width(fonts: &PrintFonts, spans: &[Span], size: f32) -> f32 {
    clusters(fonts, spans, size).iter().map(|c| c.width).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, chars_per_line: f32) -> Vec<String> {
        let f = PrintFonts::bundled().expect("fonts");
        wrap(&f, &[Span::plain(text)], 10.0, chars_per_line * 10.0).iter().map(|l| l.text()).collect()
    }

    #[test]
    fn breaks_between_han_characters() {
        assert_eq!(lines("毕业生图像信息采集", 4.0), vec!["毕业生图", "像信息采", "集"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // 「采集。」 would put 。 first on the second line: the character before it moves down.
        let got = lines("毕业生图像。信息采集", 5.0);
        assert_eq!(got, vec!["毕业生图", "像。信息采", "集"]);
        for l in lines("请各位毕业生做好准备，务必准时参加：（一）日期、地点；", 6.0) {
            let first = l.chars().next().unwrap_or(' ');
            assert!(!is_closing(first), "line starts with {first}: {l}");
        }
    }

    #[test]
    fn no_line_ends_with_opening_punctuation() {
        let got = lines("请登录学信网（学籍学历信息管理平台）", 6.0);
        for l in &got {
            let last = l.chars().last().unwrap_or(' ');
            assert!(!is_opening(last), "line ends with {last}: {got:?}");
        }
        assert_eq!(got.concat(), "请登录学信网（学籍学历信息管理平台）");
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        let got = lines("电话 0731-82250811 联系", 8.0);
        assert!(got.iter().any(|l| l.contains("0731-82250811")), "{got:?}");
        let got = lines("时间08:00至11:30", 4.0);
        assert!(got.iter().any(|l| l.contains("08:00")), "{got:?}");
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_by_character() {
        let got = lines("https://jwc.example.edu.cn/tuxiang/2026", 6.0);
        assert!(got.len() > 1);
        assert_eq!(got.concat(), "https://jwc.example.edu.cn/tuxiang/2026");
    }

    #[test]
    fn newlines_force_a_break() {
        assert_eq!(lines("4月12日\n周六", 10.0), vec!["4月12日", "周六"]);
    }

    #[test]
    fn bold_runs_keep_their_weight() {
        let f = PrintFonts::bundled().expect("fonts");
        let spans = [Span::plain("请"), Span::bold("务必"), Span::plain("准时。")];
        let got = wrap(&f, &spans, 10.0, 100.0);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].spans, spans.to_vec());
    }
}
