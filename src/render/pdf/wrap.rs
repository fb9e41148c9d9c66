//! Chinese line breaking: a break may fall between any two Han characters, Latin words and
//! numbers stay whole, no line starts with closing punctuation and none ends with an opening one.

use super::fonts::PrintFonts;

/// A run of text with one weight.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Span {
    pub text: String,
    pub bold: bool,
    /// Breaks only at its ideographic spaces: names, dates and lists of them
    /// (`汉语言文学2101 08:00-08:19　汉语言文学2102 08:21-08:36`).
    pub keep: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false, keep: false }
    }
    pub fn bold(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: true, keep: false }
    }
    /// Text that breaks only at its spaces (see `keep`).
    pub fn kept(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false, keep: true }
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
        let mut first = true;
        for c in span.text.chars() {
            // Where a kept span starts, the usual rules decide (a list of names breaks between them).
            let starts = std::mem::replace(&mut first, false);
            if c == '\n' {
                // A forced line break.
                out.push(Cluster { text: String::new(), bold: span.bold, width: 0.0, is_space: false, glue: false, newline: true });
                prev = None;
                continue;
            }
            let c = if c == '\t' || c == '\r' { ' ' } else { c };
            let w = fonts.width(c.encode_utf8(&mut [0; 4]), size, span.bold);
            let allowed = |p: char| {
                if span.keep && !starts {
                    return p == '\u{3000}' || c == '\u{3000}';
                }
                break_allowed(p, c)
            };
            let join = match (prev, out.last_mut()) {
                (Some(p), Some(last)) => !allowed(p) && last.bold == span.bold,
                _ => false,
            };
            let glue_across_weights = match (prev, out.last()) {
                (Some(p), Some(last)) => !allowed(p) && last.bold != span.bold,
                _ => false,
            };
            if join {
                if let Some(last) = out.last_mut() {
                    last.text.push(c);
                    last.width += w;
                    last.is_space = last.is_space && (c == ' ' || (span.keep && c == '\u{3000}'));
                }
            } else {
                let is_space = c == ' ' || (span.keep && c == '\u{3000}');
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
            _ => spans.push(Span { text: c.text, bold: c.bold, keep: false }),
        }
    }
    WrappedLine { spans, width }
}

/// Where a name (a room, a college) may break: after the word that names a building, a floor
/// or a unit (楼, 馆, 院…), around brackets and 与/和, and between Han characters and digits.
const NAME_BREAK_AFTER: &str = "楼馆栋座层区院系部所校厅室号场心与和及、）》」』】〕";

/// The cost of breaking a name between `a` and `b`: `None` where a line may not break at all
/// (inside a number or word, before closing punctuation), 0 at a space, 1 where the name's parts
/// meet, 8 inside a word.
fn name_break_cost(a: char, b: char) -> Option<u32> {
    if !break_allowed(a, b) {
        return None;
    }
    if a.is_whitespace() || b.is_whitespace() {
        return Some(0);
    }
    if NAME_BREAK_AFTER.contains(a) || is_opening(b) || (is_cjk(a) != is_cjk(b)) {
        return Some(1);
    }
    Some(8)
}

/// Splits a name into the fewest lines no wider than `width`, preferring to break where its
/// parts meet (图书馆一楼 / 学术报告厅) and lines of even length; never inside a number or a Latin
/// word, and never a line starting with closing punctuation. `None` when some unbreakable piece
/// is wider than `width`. The second value is the sum of the break costs (0 or 1 a break: every
/// break fell between words).
pub(crate) fn name_lines(fonts: &PrintFonts, text: &str, size: f32, bold: bool, width: f32) -> Option<(Vec<String>, u32)> {
    let chars: Vec<char> = text.trim().chars().collect();
    let n = chars.len();
    if n == 0 {
        return Some((Vec::new(), 0));
    }
    let mut prefix = vec![0.0f32; n + 1];
    for (i, c) in chars.iter().enumerate() {
        prefix[i + 1] = prefix[i] + fonts.width(c.encode_utf8(&mut [0; 4]), size, bold);
    }
    // The width of chars[i..j] without the spaces at its ends.
    let span_width = |i: usize, j: usize| {
        let (mut a, mut b) = (i, j);
        while a < b && chars[a].is_whitespace() {
            a += 1;
        }
        while b > a && chars[b - 1].is_whitespace() {
            b -= 1;
        }
        prefix[b] - prefix[a]
    };
    // best[j]: (lines, cost, sum of squared widths, previous break) for chars[..j].
    let mut best: Vec<Option<(u32, u32, f32, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0.0, 0));
    for j in 1..=n {
        let break_cost = if j == n { Some(0) } else { name_break_cost(chars[j - 1], chars[j]) };
        let Some(bc) = break_cost else { continue };
        for i in 0..j {
            let Some((lines, cost, sq, _)) = best[i] else { continue };
            let w = span_width(i, j);
            if w > width + 0.01 {
                continue;
            }
            let cand = (lines + 1, cost + bc, sq + (w / width.max(1.0)).powi(2), i);
            let better = match best[j] {
                None => true,
                Some((l, c, s, _)) => (cand.0, cand.1) < (l, c) || ((cand.0, cand.1) == (l, c) && cand.2 < s),
            };
            if better {
                best[j] = Some(cand);
            }
        }
    }
    let (_, cost, _, _) = best[n]?;
    let mut cuts = vec![n];
    let mut j = n;
    while j > 0 {
        let (_, _, _, i) = best[j]?;
        cuts.push(i);
        j = i;
    }
    cuts.reverse();
    let lines = cuts.windows(2).map(|w| chars[w[0]..w[1]].iter().collect::<String>().trim().to_string()).collect();
    Some((lines, cost))
}

/// Sets a list of short items (classes with their times) as running text: items separated by
/// an ideographic space, a line breaking only between items; an item wider than a whole line
/// is wrapped on its own.
pub(crate) fn pack_items(fonts: &PrintFonts, items: &[String], size: f32, bold: bool, width: f32) -> Vec<WrappedLine> {
    let sep = "　";
    let sep_w = fonts.width(sep, size, bold);
    let mut lines: Vec<WrappedLine> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0f32;
    for item in items {
        let w = fonts.width(item, size, bold);
        if !cur.is_empty() && cur_w + sep_w + w <= width + 0.01 {
            cur.push_str(sep);
            cur.push_str(item);
            cur_w += sep_w + w;
            continue;
        }
        if !cur.is_empty() {
            lines.push(WrappedLine { spans: vec![Span { text: std::mem::take(&mut cur), bold, keep: false }], width: cur_w });
        }
        if w > width + 0.01 {
            let mut parts = wrap(fonts, &[Span { text: item.clone(), bold, keep: false }], size, width);
            let last = parts.pop();
            lines.extend(parts);
            if let Some(l) = last {
                cur = l.spans.iter().map(|s| s.text.as_str()).collect();
                cur_w = l.width;
            }
        } else {
            cur = item.clone();
            cur_w = w;
        }
    }
    if !cur.is_empty() {
        lines.push(WrappedLine { spans: vec![Span { text: cur, bold, keep: false }], width: cur_w });
    }
    lines
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

    #[test]
    fn names_break_where_their_parts_meet() {
        let f = PrintFonts::bundled().expect("fonts");
        let got = |t: &str, em: f32| name_lines(&f, t, 10.0, true, em * 10.0).map(|(l, _)| l);
        assert_eq!(got("图书馆一楼学术报告厅", 6.0), Some(vec!["图书馆一楼".to_string(), "学术报告厅".to_string()]));
        assert_eq!(got("博学楼（图书馆）一会议室", 9.0), Some(vec!["博学楼（图书馆）".to_string(), "一会议室".to_string()]));
        assert_eq!(got("地球科学与空间信息工程学院", 9.0), Some(vec!["地球科学与".to_string(), "空间信息工程学院".to_string()]));
        assert_eq!(got("第九教学楼103室", 20.0), Some(vec!["第九教学楼103室".to_string()]));
        // A number never splits; a piece wider than the line gives no layout.
        let lines = got("景德楼南栋202教室", 5.0).expect("fits");
        assert!(lines.iter().any(|l| l.contains("202")), "{lines:?}");
        assert_eq!(got("ABCDEFGHIJKLMNOP", 2.0), None);
    }

    #[test]
    fn items_break_only_between_items() {
        let f = PrintFonts::bundled().expect("fonts");
        let items: Vec<String> = (1..=6).map(|i| format!("电商121{i} 08:0{i}-08:1{i}")).collect();
        let lines = pack_items(&f, &items, 10.0, false, 200.0);
        assert!(lines.len() > 1);
        let joined: Vec<String> = lines.iter().map(|l| l.text()).collect();
        assert_eq!(joined.join("　"), items.join("　"));
        for l in &joined {
            assert!(l.split('　').all(|piece| items.contains(&piece.to_string())), "{l}");
        }
    }

    #[test]
    fn kept_text_breaks_only_at_its_spaces() {
        let f = PrintFonts::bundled().expect("fonts");
        let got: Vec<String> =
            wrap(&f, &[Span::kept("汉语言文学2101 08:00　汉语言文学2102　12月12日")], 10.0, 110.0).iter().map(|l| l.text()).collect();
        assert_eq!(got, vec!["汉语言文学2101 08:00", "汉语言文学2102", "12月12日"]);
        assert!((min_width(&f, &[Span::kept("12月12日")], 10.0) - f.width("12月12日", 10.0, false)).abs() < 0.01);
        // A list of kept names breaks between the names.
        let spans = [Span::kept("第九教学楼103室"), Span::plain("、"), Span::kept("第九教学楼106室")];
        let got: Vec<String> = wrap(&f, &spans, 10.0, 120.0).iter().map(|l| l.text()).collect();
        assert_eq!(got, vec!["第九教学楼103室、", "第九教学楼106室"]);
    }
}
