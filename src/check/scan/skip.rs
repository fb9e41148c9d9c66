//! Parts of a Markdown body where numbers are not prose: URLs, link destinations, HTML tags,
//! inline code spans and fenced code blocks. Mentions overlapping them are ignored.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// URLs, autolinks, link destinations, reference definitions and HTML tags.
static LINKISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // A bare URL ends at whitespace, a bracket, a quote or the first non-ASCII character.
        r#"(?i)(?:(?-u:\b)(?:https?|ftp)://|(?-u:\b)www\.)[\x21-\x7E&&[^<>"'()\[\]{}]]+"#,
        // `](destination)` of an inline link or image.
        r"|\]\([^)\n]*\)",
        // `[label]: destination` reference definitions.
        r"|(?m:^ {0,3}\[[^\]\n]+\]:[ \t]*\S+)",
        // HTML tags and autolinks `<http://…>`.
        r"|</?[A-Za-z!][^<>\n]*>",
    ))
    .expect("valid regex")
});

/// Sorted, non-overlapping byte ranges to ignore.
pub(super) struct Skips {
    ranges: Vec<(usize, usize)>,
}

impl Skips {
    pub(super) fn new(text: &str) -> Skips {
        let mut ranges = fenced_blocks(text);
        let fences = ranges.clone();
        ranges.extend(code_spans(text, &fences));
        ranges.extend(LINKISH.find_iter(text).map(|m| (m.start(), m.end())));
        Skips { ranges: crate::base::spans::merged(ranges) }
    }

    /// Whether the byte range `start..end` overlaps an ignored part.
    pub(super) fn hits(&self, start: usize, end: usize) -> bool {
        // The first range ending after `start` is the only candidate.
        let i = self.ranges.partition_point(|&(_, e)| e <= start);
        self.ranges.get(i).is_some_and(|&(s, _)| s < end)
    }
}

/// Fenced code blocks (``` or ~~~, at most three spaces of indent); an unclosed fence runs to
/// the end of the text, as in CommonMark.
fn fenced_blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char, usize)> = None; // (start, fence char, fence length)
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent > 3 {
            continue;
        }
        let rest = &line[indent..];
        let Some(c) = rest.chars().next().filter(|c| *c == '`' || *c == '~') else {
            continue;
        };
        let run = rest.len() - rest.trim_start_matches(c).len();
        if run < 3 {
            continue;
        }
        let after = &rest[run..];
        match open {
            None if c == '~' || !after.contains('`') => open = Some((start, c, run)),
            Some((s, oc, olen)) if c == oc && run >= olen && after.trim().is_empty() => {
                out.push((s, offset));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, _, _)) = open {
        out.push((s, text.len()));
    }
    out
}

/// Inline code spans: a run of N backticks up to the next run of exactly N backticks in the same
/// paragraph (a blank line ends one). Fenced blocks are left out: `fences` is sorted.
fn code_spans(text: &str, fences: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (start, length) in the current paragraph
    let mut fence = fences.iter().peekable();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        while fence.next_if(|&&(_, fe)| fe <= start).is_some() {}
        if fence.peek().is_some_and(|&&(fs, _)| fs <= start) {
            flush(&mut runs, &mut out);
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut runs, &mut out);
            continue;
        }
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let run_start = i;
                while i < bytes.len() && bytes[i] == b'`' {
                    i += 1;
                }
                runs.push((start + run_start, i - run_start));
            } else {
                i += 1;
            }
        }
    }
    flush(&mut runs, &mut out);
    out
}

/// Pair the backtick runs of one paragraph into code spans.
fn flush(runs: &mut Vec<(usize, usize)>, out: &mut Vec<(usize, usize)>) {
    // For each run length, the indices of the runs with that length, in order.
    let mut by_len: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, &(_, len)) in runs.iter().enumerate() {
        by_len.entry(len).or_default().push(k);
    }
    let mut k = 0;
    while k < runs.len() {
        let (start, len) = runs[k];
        let closer = by_len.get(&len).and_then(|idx| {
            let p = idx.partition_point(|&j| j <= k);
            idx.get(p).copied()
        });
        match closer {
            Some(j) => {
                let (cs, cl) = runs[j];
                out.push((start, cs + cl));
                k = j + 1;
            }
            None => k += 1,
        }
    }
    runs.clear();
}
