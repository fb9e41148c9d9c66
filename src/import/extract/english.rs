//! Notices written in English, for international students: their dress rules (`Do not wear blue
//! clothes.`, `Hair must not cover eyebrows, eyes and ears.`), title, page date, school, signing
//! office, audience and cohort. The Chinese readers find nothing in English prose; these read it the
//! way such notices write it, only where the Chinese readers found nothing.

use super::text::{re, Lines};
use super::{Draft, Found};
use regex::Regex;
use std::sync::LazyLock;

/// Whether a line is English prose: Latin words, a Chinese name or two at most (`“江苏图采”`).
pub fn is_english(t: &str) -> bool {
    let han = t.chars().filter(|c| super::is_han(*c)).count();
    let latin = t.chars().filter(char::is_ascii_alphabetic).count();
    latin >= 12 && han <= 8 && latin >= 6 * han
}

/// Dress rules of a notice in English: each sentence that tells how to look in the photo (clothes,
/// hair, glasses, make-up, jewellery, head coverings, expression), as the notice words it. Read
/// only where the Chinese readers found none: in a notice in both languages the English is the
/// Chinese rules' translation.
pub fn dress(lines: &Lines, d: &mut Draft) {
    if !d.dress.is_empty() {
        return;
    }
    let paras = paragraphs(lines);
    let last = paras.len().saturating_sub(1);
    for (i, &(line, start, end)) in paras.iter().enumerate() {
        let text = &line.text[start..end];
        if !is_english(text) {
            continue;
        }
        let (from, label) = label(text);
        // `The lightIt is recommended to face the window…`, `Light: …`: how to set up the shot.
        if label.is_some_and(|l| SETUP_TOPIC.is_match(l)) {
            continue;
        }
        let mut sentences = sentences(&text[from..]);
        // The source's text stops in the middle of its last sentence (`Do not wear any acc`).
        if i == last && sentences.last().is_some_and(|s| !s.whole) {
            sentences.pop();
        }
        let mut prev: Option<(usize, &str)> = None; // the rule read from the sentence before, and it
        for s in sentences {
            // `It is recommended to wear shirts… with standard collars.` after `Wear clothes with
            // collars for shooting.`: the advice goes on with the rule before it.
            if let Some((k, _)) = prev.filter(|(_, b)| ELABORATES.is_match(s.text) && same_item(b, s.text)) {
                let joined = format!("{} {}", d.dress[k].value, s.text);
                d.dress[k].value = joined;
                prev = None;
                continue;
            }
            prev = None;
            for (off, rule) in rules(&s) {
                if d.dress.iter().any(|x| x.value == rule) {
                    continue;
                }
                d.dress.push(Found::new(rule, line.at(start + from + s.at + off)));
                prev = Some((d.dress.len() - 1, s.text));
            }
        }
    }
}

/// The paragraphs of a notice as its source gives them, each a line's byte range: text read as
/// Chinese runs lines that end without `。` into one (a PDF's line breaks), which in English is
/// every line; a line is its own paragraph again, unless it goes on with a sentence the line
/// before left open (a lower-case word after no full stop).
pub fn paragraphs<'a>(lines: &Lines<'a>) -> Vec<(&'a super::Line, usize, usize)> {
    let mut out: Vec<(&super::Line, usize, usize)> = Vec::new();
    for p in &lines.paras {
        let l = p.line;
        let mut starts: Vec<usize> = l.parts.iter().map(|(b, _)| *b).filter(|b| *b < l.text.len()).collect();
        if starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        let mut from = 0;
        for &b in starts.iter().skip(1) {
            let before = l.text[from..b].trim_end();
            let open = !before.ends_with(['.', '!', '?', ':', ';', '…', ')', '。', '：']);
            // (Not a page's header after a title: `publisher:李君钰update:…`.)
            let next = &l.text[b..];
            let goes_on = next.starts_with(|c: char| c.is_ascii_lowercase()) && open && !HEADER_LABEL.is_match(next);
            if !goes_on {
                out.push((l, from, b));
                from = b;
            }
        }
        out.push((l, from, l.text.len()));
    }
    out
}

/// A label of a web page's header: `publisher:`, `views:`.
static HEADER_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z]{2,12}\s*[:：]"));

/// A sentence of a paragraph: its text (with its full stop when it has one), where it begins,
/// and whether it ended with a stop rather than a semicolon or the line's end without one.
struct Sentence<'a> {
    text: &'a str,
    at: usize,
    whole: bool,
    /// Ended by `;`: a part of a sentence.
    part: bool,
}

/// The sentences of `t`: cut after `.`, `!`, `?` or `…` where the next sentence begins (a capital
/// or a bracket, or the line's end), and at `;`; never inside brackets (`(reflective lenses must
/// not be worn… without lenses.)` is part of its sentence) or after `etc.` going on (`…, etc. on
/// your face.`).
fn sentences(t: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        let end = i + c.len_utf8();
        let next = chars[k + 1..].iter().map(|(_, c)| *c).find(|c| !c.is_whitespace());
        let starts = next.is_none_or(|n| n.is_ascii_uppercase() || n == '(' || n == '“' || n == '"');
        let cut = match c {
            ';' | '；' => true,
            '.' => starts && !ABBREVIATION.is_match(&t[..i]) && chars.get(k + 1).is_none_or(|(_, n)| *n != '.'),
            '!' | '?' | '…' | '。' => starts && chars.get(k + 1).is_none_or(|(_, n)| *n != '…'),
            _ => false,
        };
        if cut {
            let semi = matches!(c, ';' | '；');
            let piece = if semi { &t[start..i] } else { &t[start..end] };
            push(&mut out, start, piece, !semi, semi);
            start = end;
        }
    }
    if start < t.len() {
        let piece = &t[start..];
        let whole = piece.trim_end().ends_with(['.', '!', '?', '…', ')', '。']);
        push(&mut out, start, piece, whole, false);
    }
    out
}

fn push<'a>(out: &mut Vec<Sentence<'a>>, start: usize, piece: &'a str, whole: bool, part: bool) {
    let lead = piece.len() - piece.trim_start().len();
    let text = piece.trim();
    if !text.is_empty() {
        out.push(Sentence { text, at: start + lead, whole, part });
    }
}

/// Words a full stop ends that go on with the sentence: `e.g.`, `No.1`, `a.m.`.
static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:\b(?:e\.g|i\.e|a\.m|p\.m|no|nos|mr|ms|mrs|dr|st|vs)|\b[A-Z])$"));

/// A short topic before a paragraph's rules: `Glasses:`, `Light: …`, or run into its first word
/// where the page lost the line between them (`GlassesPeople who…`, `Stance and expressionStand
/// upright…`): where the rules begin, and the topic.
fn label(t: &str) -> (usize, Option<&str>) {
    let lead = MARKER.find(t).filter(|m| !t[m.end()..].starts_with(|c: char| c.is_ascii_lowercase())).map_or(0, |m| m.end());
    let rest = &t[lead..];
    if let Some(c) = COLON_LABEL.captures(rest) {
        let m = c.get(0).map_or(0, |m| m.end());
        return (lead + m, c.get(1).map(|l| l.as_str()));
    }
    if let Some(c) = RUN_IN_LABEL.captures(rest) {
        let l = c.get(1).map_or("", |l| l.as_str());
        return (lead + l.len(), Some(l));
    }
    (lead, None)
}

/// A list marker: `2.`, `3)`, `II.`, `•`, or a number run into the first word (`3Read …`; not
/// `2nd Floor`, `8 a.m.`: a capital must follow).
static MARKER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:(?:\d{1,2}|[IVX]{1,4}|[a-z])\s*[.)、．]\s*|\d{1,2}\s*|[•·*▪■●\-]\s*)"));

/// `Light:`, `Dress code:`: a topic of one to three words and a colon.
static COLON_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^([A-Z][A-Za-z]*(?:\s+[A-Za-z&/]+){0,2})\s*[:：]\s*"));

/// A topic of how one looks run into its first rule (`DressYou should…`): the topic's last word
/// names such a topic, and its lower-case end meets the rule's capital.
static RUN_IN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^((?:The\s+)?(?:[A-Z][a-z]+\s+(?:and|&|of)\s+)?[A-Za-z]*?",
        r"(?i:light|lighting|expression|glasses|eyewear|shields|accessories|earrings|jewell?ery|jewelry|headwear|dress|clothing|clothes|hair|",
        r"hairstyle|makeup|make-up|background|posture|stance|appearance|attire))",
        r"[A-Z][a-z]"
    ))
});

/// Topics of setting up the shot, not of how one looks: `Light`, `Background`.
static SETUP_TOPIC: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:light|lighting|background|environment)\b"));

/// A sentence that advises more about the rule before it: `It is recommended to wear…`.
static ELABORATES: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:It|it)\s+is\s+(?:recommended|suggested|advisable|best)\b"));

/// What the rules speak of, by the thing: clothes, hair, glasses, make-up, jewellery, head
/// coverings, and the face and how one holds it.
static LOOKS: LazyLock<[(&str, Regex); 7]> = LazyLock::new(|| {
    [
        (
            "clothes",
            re(
                r"(?i)\b(?:clothes|clothing|dress(?:es|ed)?|attire|outfits?|(?:t-)?shirts?|suits?|jackets?|coats?|tops|collars?|collared|sweaters?|hoodies?|uniforms?)\b",
            ),
        ),
        ("hair", re(r"(?i)\b(?:hair|hairstyles?|fringe|bangs|ponytails?)\b")),
        ("glasses", re(r"(?i)\b(?:glasses|spectacles|sunglasses|lens|lenses|frames?|eyewear)")),
        ("makeup", re(r"(?i)\b(?:make-?up|cosmetics|moisturi[sz]ers?|sunscreen|lipstick)\b")),
        ("jewellery", re(r"(?i)\b(?:earrings?|necklaces?|jewel(?:le)?ry|accessories|ornaments|headphones|earphones|piercings?)\b")),
        ("headwear", re(r"(?i)\b(?:hats?|caps|head\s*coverings?|headscarf|headscarves|scarf|scarves|headwear)\b")),
        (
            "face",
            re(
                r"(?i)\b(?:(?:your|the|their|his|her|whole)\s+face|expression|eyebrows|eyes|ears|lips|forehead|posture|stance|appearance)\b",
            ),
        ),
    ]
});

/// The thing a clause first speaks of (`the frame must not cover the eyes`: glasses).
fn item(t: &str) -> Option<&'static str> {
    LOOKS.iter().filter_map(|(k, r)| r.find(t).map(|m| (m.start(), *k))).min().map(|(_, k)| k)
}

fn looks(t: &str) -> bool {
    LOOKS.iter().any(|(_, r)| r.is_match(t))
}

/// Whether two sentences name the same piece of dress (`collars`), not merely clothes.
fn same_item(a: &str, b: &str) -> bool {
    let words =
        |t: &str| -> Vec<String> { NAMED.find_iter(t).map(|m| m.as_str().to_lowercase().trim_end_matches('s').to_string()).collect() };
    let a = words(a);
    words(b).iter().any(|w| a.contains(w))
}

/// Pieces of dress by name, more than `clothes`: `collar`, `shirt`, `glasses`.
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:collars?|(?:t-)?shirts?|suits?|jackets?|glasses|lenses|earrings?|necklaces?|hats?|scarf|make-?up|hair)\b")
});

/// How a rule begins when it tells what to do: `Do not…`, `Wear…`, `Please…`, `No makeup…`.
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:and\s+|but\s+|or\s+)?(?:please|do|don't|don’t|never|no|avoid|wear|dress|make\s+sure|ensure|keep|remove|take\s+off|tie|",
        r"stand|sit|try|use|put|choose|wash|expose|comb|look|bring|without)\b"
    ))
});

/// What a rule says must or must not be: `must`, `should`, `are not allowed to`, `it is recommended to`.
static MODAL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:must|should|shall|need\s+to|needs\s+to|have\s+to|has\s+to|",
        r"(?:is|are)\s+(?:not\s+)?(?:allowed|permitted|required|prohibited|forbidden|requested)|(?:recommended|suggested|advised)\s+to)\b"
    ))
});

/// A clause that opens a rule with when it holds: `Before shooting, wash…`.
static WHEN_LEAD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:before|when|while|during|after)\b[^,]{0,40},\s*"));

/// Sentences that look like rules but are not how to come dressed: a mask and health codes, money,
/// uploading or the queue (not `pay attention to their appearance`); how seriously to take one's looks; a make-up session (补拍).
static NOT_DRESS: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(?:masks?|health\s+code|temperature|QR|fees?|pay\s+(?:for|the|via|by|with|online|on-site|fees?)|paid|payment|RMB|yuan|cash|queue|line\s+up|seriously|",
        r"make-?up\s+(?:session|shoot|shooting|photo|photos|collection|capture|time|date)s?)\b"
    ))
});

/// The rules of one sentence, each with where it begins in it: the sentence whole (with its full
/// stop), or the parts of it that are rules, without it.
fn rules(s: &Sentence) -> Vec<(usize, String)> {
    let mut text = s.text;
    let mut whole = s.whole && !s.part;
    // A remark in brackets at the end that runs to sentences of its own (`…must not be reflective
    // (reflective lenses must not be worn, otherwise… . If you must wear glasses…)`) explains the
    // rule; the rule is what stands before it.
    if let Some(open) = trailing_remark(text) {
        text = text[..open].trim_end();
        whole = false;
    }
    // `The background … is light blue, and the dress … should avoid similar colors`: it speaks of
    // the backdrop, and its rule does not stand without it.
    if text.starts_with("The background") || NOT_DRESS.is_match(text) && !(s.text.contains("upload") && looks(text)) {
        return Vec::new();
    }
    if !looks(text) {
        return Vec::new();
    }
    let mut from = 0;
    // `Due to…, students are required to be responsible to themselves, dress appropriately and…`:
    // what leads up to the rule is none of it.
    if let Some(at) = rule_after_lead(text) {
        from = at;
        whole = false;
    }
    let body = &text[from..];
    // `Don't wear clothes in blue and don't make your face in shade…`: two rules.
    let mut parts: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for c in AND_DONT.captures_iter(body) {
        let (Some(all), Some(dont)) = (c.get(0), c.get(1)) else { continue };
        parts.push((start, &body[start..all.start()]));
        start = dont.start();
    }
    parts.push((start, &body[start..]));
    let cut = parts.len() > 1 || !whole;
    let mut out = Vec::new();
    for (off, part) in parts {
        let part = part.trim();
        let part = if cut { part.trim_end_matches(['.', ',']).trim_end() } else { part };
        if !looks(part) || !tells(part) || spliced(part) || PASSIVE_ADVICE.is_match(part) && !HEAD.is_match(part) {
            continue;
        }
        out.push((from + off, part.to_string()));
    }
    out
}

/// `and don't`, `, and do not`: the next rule, told as the one before.
static AND_DONT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i),?\s+and\s+((?:don't|don’t|do\s+not)\b)"));

/// `Formal clothes, collar jacket and light makeup is suggested`: advice that names what, not a
/// rule that tells what to do.
static PASSIVE_ADVICE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:is|are)\s+(?:suggested|recommended)\.?$"));

/// Whether a rule tells what to do: it opens with what to do (after when: `Before shooting, wash…`),
/// or says what must be.
fn tells(t: &str) -> bool {
    let t = t.trim();
    let t = WHEN_LEAD.find(t).map_or(t, |m| &t[m.end()..]);
    HEAD.is_match(t) || MODAL.is_match(t)
}

/// Where a rule begins after clauses that lead up to it and speak of no dress (`Students are
/// requested to provide a photo meeting the requirements…, and try to upload a photo wearing
/// formal clothing…`): at the first clause that tells what to do and speaks of dress.
fn rule_after_lead(t: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in t.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                let lead = &t[..i];
                if looks(lead) {
                    return None;
                }
                let rest = t[i + 1..].trim_start();
                let rest = rest.strip_prefix("and ").unwrap_or(rest);
                if lead.split_whitespace().count() >= 6 && HEAD.is_match(rest) && looks(rest) {
                    return Some(t.len() - rest.len());
                }
            }
            _ => {}
        }
    }
    None
}

/// Several rules spliced with commas, each with its own `must` or `should`, about different things
/// (`Girls with long hair must tie their hair up…, their hair should not be combed, and their ears
/// should be exposed`): where one rule ends is not sure, so none is read. Rules about one thing
/// (`…colored glasses, the frame must not cover the eyes, and the glasses must not be reflective`)
/// are one rule.
fn spliced(t: &str) -> bool {
    let things: Vec<Option<&str>> = super::text::split_outside(t, &[',']).into_iter().filter(|c| MODAL.is_match(c)).map(item).collect();
    things.len() >= 2 && things.windows(2).any(|w| w[0] != w[1])
}

/// Where a remark in brackets at the end of `t` opens, when it holds a sentence's end inside it.
fn trailing_remark(t: &str) -> Option<usize> {
    let body = t.trim_end_matches('.').trim_end();
    if !body.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    let inner = &body[i..];
                    return INNER_STOP.is_match(inner).then_some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A sentence's end inside a remark: `effect. If you must…`.
static INNER_STOP: LazyLock<Regex> = LazyLock::new(|| re(r"[a-z]\.\s+[A-Z]"));

/// The title of a notice in English, before its greeting or first sentence: a short line that
/// names a notice of photos or graduation (`Notice on the photo collection for graduate students
/// of 2022`, `January 2021 Graduation Notice for International Students`, `Graduation Photo
/// Notice`); and the office that signs it after its closing (`Best regards,` / `Office of the
/// Registrar`).
pub fn letterhead(lines: &Lines, d: &mut Draft) {
    let paras = paragraphs(lines);
    if d.title.is_none() {
        for &(line, start, end) in paras.iter().take(8) {
            let t = line.text[start..end].trim();
            if GREETING.is_match(t) || t.ends_with('.') {
                break;
            }
            let begins = t.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
            if begins && is_english(t) && TITLE.is_match(t) && t.split_whitespace().count() <= 20 && !t.ends_with([':', ',']) {
                d.title = Some(Found::new(t.to_string(), line.at(start)));
                break;
            }
        }
    }
    // `On 2020-Dec-28`, `Posted on December 28, 2020` under the title: the page's date.
    if d.issued.is_none() {
        d.issued = paras.iter().take(8).find_map(|&(line, start, end)| {
            let c = POSTED_ON.captures(line.text[start..end].trim())?;
            let month = |m: &str| MONTHS.iter().position(|x| m.to_lowercase().starts_with(x)).map(|i| i as u32 + 1);
            let (y, m, day) = match (c.get(1), c.get(4)) {
                (Some(y), _) => (y.as_str().parse().ok()?, month(&c[2])?, c[3].parse().ok()?),
                (_, Some(m)) => (c[6].parse().ok()?, month(m.as_str())?, c[5].parse().ok()?),
                _ => return None,
            };
            Some(Found::new(chrono::NaiveDate::from_ymd_opt(y, m, day)?, line.at(start)))
        });
    }
    // `Congratulations on completing your studies at Beijing Normal University!`: the school.
    if d.school.is_none() {
        d.school = paras.iter().take(12).filter(|(l, a, b)| is_english(&l.text[*a..*b])).find_map(|&(line, start, end)| {
            let c = STUDIES_AT.captures(&line.text[start..end])?;
            let m = c.get(1)?;
            Some(Found::new(m.as_str().to_string(), line.at(start + m.start())))
        });
    }
    if d.office.is_none() {
        let signed = paras.windows(2).find_map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let closing = a.0.text[a.1..a.2].trim();
            let name = b.0.text[b.1..b.2].trim();
            (CLOSING.is_match(closing) && OFFICE.is_match(name) && name.split_whitespace().count() <= 8).then(|| (name, b.0.at(b.1)))
        });
        if let Some((name, at)) = signed {
            d.office = Some(Found::new(name.to_string(), at));
        }
    }
}

/// A notice's title: it says notice and what of (photos, pictures, graduation), and begins as a
/// title does.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:Notice|Announcement|Notification)\b.*\b(?i:photos?|pictures?|images?|graduat\w*)\b|.*\b(?i:photos?|pictures?|images?|graduat\w*)\b.*\b(?:Notice|Announcement|Notification)\b)",
    )
});

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A page's date on a line of its own: `On 2020-Dec-28`, `Posted on December 28, 2020`.
static POSTED_ON: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?i:on|posted\s+on|published(?:\s+on)?\s*:?|date\s*:)\s*(?:(\d{4})-([A-Za-z]{3})-(\d{1,2})",
        r"|((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+(\d{1,2}),?\s+(\d{4}))$"
    ))
});

/// `your studies at Beijing Normal University`: the school its students study at.
static STUDIES_AT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:studies|study|studying)\s+at\s+((?:[A-Z][a-z]+\s+){1,5}(?:University|College|Institute))\b"));

/// `Dear graduates:`, `Dear International Students,`.
static GREETING: LazyLock<Regex> = LazyLock::new(|| re(r"^Dear\b.{0,60}[:,：]$"));

/// `Best regards,`, `Sincerely`: what comes before the signature.
static CLOSING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:best|kind|warm)?\s*regards\s*,?$|^(?:yours\s+)?sincerely\s*,?$"));

/// An office's name: `Office of the Registrar`, `International Student Office`, `Graduate School`.
static OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[A-Z][\w&’'-]*\s+|of\s+|the\s+|and\s+|for\s+)*(?:Office|Department|Division|Cent(?:er|re)|School|College|Registrar)(?:\s+(?:of|for)(?:\s+(?:the|and)?\s*[A-Z][\w&’'-]*)+)?$",
    )
});

/// Who the notice is for and their cohort, in English: `International students who plan to
/// graduate in 2022:`, `Dear graduating international students:`, `…for the students who will
/// graduate in 2023 and before.`, `Target Students: all 2021 bachelors`; the cohort only from
/// `graduate in 2022` or `Class of 2022`.
pub fn cohort_and_audience(lines: &Lines, d: &mut Draft) {
    let paras = paragraphs(lines);
    let english: Vec<_> = paras.iter().take(30).filter(|(l, a, b)| is_english(&l.text[*a..*b])).collect();
    if d.audience.is_none() {
        d.audience = english.iter().find_map(|&&(line, start, end)| {
            let t = line.text[start..end].trim();
            let lead = start + (line.text[start..end].len() - line.text[start..end].trim_start().len());
            if let Some(c) = TARGET.captures(t) {
                let m = c.get(1)?;
                return Some(Found::new(m.as_str().trim().to_string(), line.at(lead + m.start())));
            }
            if let Some(c) = GREETED.captures(t) {
                let m = c.get(1)?;
                return Some(Found::new(m.as_str().to_string(), line.at(lead + m.start())));
            }
            let c = WHO_WILL.captures(t)?;
            let m = c.get(1)?;
            Some(Found::new(m.as_str().trim().to_string(), line.at(lead + m.start())))
        });
    }
    if d.cohorts.is_empty() {
        let title = d.title.as_ref().map(|t| (t.value.as_str(), t.at));
        let found = title.into_iter().chain(english.iter().map(|&&(l, a, b)| (&l.text[a..b], l.at(a)))).find_map(|(t, at)| {
            let c = COHORT.captures(t)?;
            Some((c.get(1).or(c.get(2))?.as_str().parse::<i32>().ok()?, at))
        });
        if let Some((y, at)) = found {
            d.cohorts.push(Found::new(y, at));
        }
    }
}

/// `Target Students: all 2021 bachelors`, `Who should attend: …`.
static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:target\s+students|eligible\s+students|participants|who\s+should\s+(?:attend|join(?:\s+in)?))\s*\??\s*[:：]\s*(\S.{2,120})$")
});

/// A greeting that says which students: `Dear graduating international students:`,
/// `International students who plan to graduate in 2022:` (not `Dear International Students,`).
static GREETED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Dear\s+)?((?:[Gg]raduating\s+(?:[Ii]nternational\s+)?(?:students|graduates))|(?:[A-Z][a-z]+\s+(?:[a-z]+\s+)?)?students\s+who\s+[^:]{4,100}?)\s*[:：]$",
    )
});

/// `…the students who will graduate in 2023 and before.`, `All students who will meet the
/// graduation requirements by … of 2023 are required to…`: up to what they are asked to do.
static WHO_WILL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b((?:[Aa]ll|[Tt]he)\s+students\s+who\s+(?:will|plan\s+to|intend\s+to|are\s+expected\s+to)\s+(?:graduate|meet\s+the\s+graduation\s+requirements)\b[^.;:!?]*?)(?:\s+(?:are|is|must|should|need|needs|can|may)\b|[.;:!?]|$)",
    )
});

/// `graduate in 2022`, `Graduate in 2023`, `Class of 2024`.
static COHORT: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?i:graduate|graduating)\s+in\s+(20\d{2})\b|\b(?i:class)\s+of\s+(20\d{2})\b"));

/// The capture's day, hours and place in a notice in English, where the Chinese readers found
/// none: a labelled line (`Time: November 11, 2025, from 15:30 to 17:00`, `Location: Student
/// Activity Center`), or a date with its hours on a line of its own under a sentence that gives
/// `the following time and place:`, the place on the line after it. A line of one day only: a
/// period (`October 21– November 29, 2024`) is no day in a room.
pub fn when_where(lines: &Lines, d: &mut Draft) {
    let (want_days, want_rooms) = (d.days.is_empty() && !d.online_only, d.rooms.is_empty() && !d.online_only);
    if !want_days && !want_rooms {
        return;
    }
    let paras = paragraphs(lines);
    let year = d.issued.as_ref().map(|i| chrono::Datelike::year(&i.value));
    let mut places: Vec<(String, super::Origin)> = Vec::new();
    for (i, &(line, start, end)) in paras.iter().enumerate() {
        let whole = &line.text[start..end];
        if !is_english(whole) && !EN_DATE.is_match(whole) {
            continue;
        }
        let lead = ITEM_MARK.find(whole).map_or(0, |m| m.end());
        let t = &whole[lead..];
        // The sentence above: `…at the following time and place:` (the place then on the line after).
        let announce = i.checked_sub(1).and_then(|k| {
            let (l, a, b) = paras[k];
            ANNOUNCES.captures(l.text[a..b].trim_end())
        });
        let (from, labelled) = match TIME_LABEL.find(t) {
            Some(m) => (m.end(), true),
            None => (0, false),
        };
        if labelled || announce.is_some() && EN_DATE.find(t).is_some_and(|m| m.start() == 0) {
            let rest = &t[from..];
            let found: Vec<_> = EN_DATE.captures_iter(rest).collect();
            // One day only, and no month named after it (`October 21– November 29`).
            let [c] = &found[..] else { continue };
            let Some(date) = en_date(c, year) else { continue };
            let m = c.get(0).map_or(0..0, |m| m.range());
            let after = &rest[m.end..];
            if MONTH_WORD.is_match(after) || RANGE_DASH.is_match(after) {
                continue;
            }
            // (`Date: May 12, 2026` alone: as often the page's own date as the capture's.)
            let bare_date_label = labelled && t[..from].trim_end_matches([':', '：', ' ']).eq_ignore_ascii_case("date");
            if bare_date_label && !EN_HOURS.is_match(after) {
                continue;
            }
            if want_days {
                let sessions: Vec<(Secs, Secs)> = EN_HOURS
                    .captures_iter(after)
                    .filter_map(|h| {
                        let a = secs(&h[1], &h[2], h.get(3).map(|x| x.as_str()))?;
                        let b = secs(&h[4], &h[5], h.get(6).map(|x| x.as_str()))?;
                        (a < b).then_some((a, b))
                    })
                    .collect();
                super::when::push_day(d, date, sessions, line.at(start + lead + from + m.start), None);
            }
            // The place on the next line, under `the following time and place:`.
            if announce.as_ref().is_some_and(|c| c.get(1).is_some()) {
                if let Some(&(l, a, b)) = paras.get(i + 1) {
                    let p = l.text[a..b].trim();
                    if bare_place(p) {
                        places.push((p.to_string(), l.at(a)));
                    }
                }
            }
            continue;
        }
        if let Some(m) = PLACE_LABEL.find(t) {
            let rest = t[m.end()..].trim();
            // `Multifunctional Hall of Student Activity Center (including …).`: the place without
            // its remark.
            let name = rest.split(['(', '（']).next().unwrap_or(rest).trim().trim_end_matches(['.', ';', ',']).trim();
            if bare_place(name) {
                places.push((name.to_string(), line.at(start + lead + m.end())));
            }
        }
    }
    if want_rooms && !places.is_empty() {
        for (name, at) in places {
            super::when::add_room(d, name, None, at, &[]);
        }
        super::when::assign_ids(d);
    }
}

use crate::base::time::Secs;

/// An item's number before its label (`1. Location:`, `II.`), not a date's day (`11 November`).
static ITEM_MARK: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:(?:\d{1,2}|[IVX]{1,4}|[a-z])\s*[.)、．]\s*|[•·*▪■●\-]\s*)"));

/// `Time:`, `Date:`, `Date and time:`, `Collection Time:`: a line that says when.
static TIME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:(?:(?:collection|shooting|photo(?:graph)?|capture)\s+)?(?:time|date)(?:\s+and\s+(?:time|date))?)\s*[:：]\s*")
});
/// `Location:`, `Venue:`, `Place:`: a line that says where.
static PLACE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:(?:(?:collection|shooting|photo)\s+)?(?:location|venue|place|site))\s*[:：]\s*"));
/// A sentence that announces the time (and place) on the lines under it: `…at the following time
/// and place:`.
static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bfollowing\s+(?:date|time)s?(\s+and\s+(?:place|location|venue))?\s*:$"));
/// `November 11, 2025`, `Nov. 11, 2025`, `11 November 2025`, `November 11` (with the page's year).
static EN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"\b(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?",
        r"|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?,?\s+(\d{4})"
    ))
});
static MONTH_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?i:january|february|march|april|june|july|august|september|october|november|december)\b"));
/// A dash or `to` right after the day, before anything else: a period's start.
static RANGE_DASH: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:[-–—~]|to\b|until\b|through\b)\s*\d"));
/// `9:00-12:00`, `from 15:30p.m. to 17:00 p.m.`, `9:00 am – 11:30 am`.
static EN_HOURS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(\d{1,2})[:：.](\d{2})\s*((?i:a\.?m\.?|p\.?m\.?))?\s*(?:-|–|—|~|to|until)\s*(\d{1,2})[:：.](\d{2})\s*((?i:a\.?m\.?|p\.?m\.?))?")
});

/// The date a [`EN_DATE`] match names, with `year` when it gives none.
fn en_date(c: &regex::Captures, year: Option<i32>) -> Option<chrono::NaiveDate> {
    let month = |m: &str| MONTHS.iter().position(|x| m.to_lowercase().starts_with(x)).map(|i| i as u32 + 1);
    let (m, day, y) = match c.get(1) {
        Some(m) => (month(m.as_str())?, c[2].parse().ok()?, c.get(3).and_then(|y| y.as_str().parse().ok()).or(year)?),
        None => (month(&c[5])?, c[4].parse().ok()?, c[6].parse().ok()?),
    };
    chrono::NaiveDate::from_ymd_opt(y, m, day)
}

/// Seconds since midnight of `h:mm`, a `p.m.` adding twelve hours to an hour before 12
/// (`15:30p.m.` is 15:30 as written).
fn secs(h: &str, m: &str, half: Option<&str>) -> Option<Secs> {
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let pm = half.is_some_and(|x| x.to_lowercase().starts_with('p'));
    let h = if pm && h < 12 { h + 12 } else { h };
    (h < 24 && m < 60).then_some(h * 3600 + m * 60)
}

/// A place as a line names it: a few words, no sentence, no date, no time.
fn bare_place(p: &str) -> bool {
    let words = p.split_whitespace().count();
    (1..=10).contains(&words)
        && p.chars().any(|c| c.is_ascii_alphabetic())
        && !p.ends_with([':', '：'])
        && !EN_DATE.is_match(p)
        && !EN_HOURS.is_match(p)
        && !p.contains(". ")
        && !p.to_lowercase().starts_with("to be ")
}

/// The fee in a notice in English, where the Chinese readers found none: `The fee is 20 RMB, pay
/// via Alipay on-site.`, `a charge of RMB 25 per person`. Not in a sentence about those who miss
/// the capture or take it elsewhere (`…at your own expense of 30 yuan at the Xinhua branch`).
pub fn fee(lines: &Lines, d: &mut Draft) {
    if d.fee.amount.is_some() {
        return;
    }
    for (line, start, end) in paragraphs(lines) {
        let text = &line.text[start..end];
        if !is_english(text) {
            continue;
        }
        for s in sentences(text) {
            if !FEE_WORD.is_match(s.text) || ELSEWHERE.is_match(s.text) {
                continue;
            }
            let found: Vec<_> = EN_AMOUNT.captures_iter(s.text).collect();
            // One amount only: two are two charges, which this does not tell apart.
            let [c] = &found[..] else { continue };
            let Some(m) = c.get(1).or_else(|| c.get(2)) else { continue };
            if let Ok(money) = crate::base::money::Money::parse(m.as_str()) {
                d.fee.amount = Some(Found::new(money, line.at(start + s.at + m.start())));
                return;
            }
        }
    }
}

static FEE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:fee|fees|cost|costs|charge|charged|price)\b"));
static ELSEWHERE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:miss|missed|make-?up|retake|re-take|own\s+expense|branch|individually|refund)\b"));
/// `20 RMB`, `RMB 25`, `25 yuan`, `CNY 20.5`, `¥20`.
static EN_AMOUNT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,3}(?:\.\d{1,2})?)\s*(?i:rmb|yuan|cny)\b|(?:\b(?i:rmb|cny)|¥)\s*(\d{1,3}(?:\.\d{1,2})?)\b"));
