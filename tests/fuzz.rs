//! Never a panic: the loader, every check and the timetable builder on mutated notices.
//! The corpus is every notice under tests/fixtures and content/; proptest mutates them
//! (cut, duplicate or swap lines, flip characters, splice in hostile snippets).

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn corpus() -> &'static Vec<(PathBuf, String)> {
    static C: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    C.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut v: Vec<(PathBuf, String)> = walkdir::WalkDir::new(root.join("tests/fixtures"))
            .into_iter()
            .chain(walkdir::WalkDir::new(root.join("content")))
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .filter_map(|e| Some((e.path().to_path_buf(), std::fs::read_to_string(e.path()).ok()?)))
            .collect();
        v.sort();
        v
    })
}

const SNIPPETS: &[&str] = &[
    "\n---\n",
    ": ",
    "- ",
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    "\t",
    "\"",
    "'",
    "#",
    "\u{feff}",
    "\r\n",
    "2024-02-30",
    "25:61",
    "13:00-08:00",
    "每人99元",
    "4月31日（周一）",
    "2099年1月1日（周八）",
    "<script>",
    "99999999999999999999",
    "-1",
    "~",
    "?",
    "|",
    "timetable: auto\n",
    "groups: ../../x.csv\n",
    "  station: 0\n",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Insert(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, muts: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    for m in muts {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(i % n);
            }
            Mutation::DuplicateLine(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
            Mutation::Insert(i, s) => {
                let l = &mut lines[i % n];
                let mut at = (i / n.max(1)) % (l.len() + 1);
                while !l.is_char_boundary(at) {
                    at -= 1;
                }
                l.insert_str(at, SNIPPETS[*s]);
            }
            Mutation::Truncate(i) => {
                let keep = i % n;
                lines.truncate(keep.max(1));
            }
        }
    }
    lines.concat()
}

fn run_all(path: &Path, text: String) {
    let root = path.ancestors().find(|p| p.join("content").is_dir()).unwrap_or(Path::new(".")).to_path_buf();
    let rel = path.strip_prefix(&root).map(|p| p.display().to_string()).unwrap_or_else(|_| "content/x.md".into());
    let file = tuxiang::source::SourceFile::new(rel, text);
    let (notice, mut diags) = tuxiang::notice::load_source(&root, file);
    if let Some(n) = notice {
        diags.extend(tuxiang::check::notice(&n));
        let (tt, _) = tuxiang::schedule::timetable(&n);
        if let Some(tt) = tt {
            let _ = tuxiang::render::timetable_json(&n, &tt);
        }
    }
    let mut d = tuxiang::diag::Diagnostics::default();
    d.extend(diags);
    d.sort();
    let _ = tuxiang::diag::render_human(&d);
    let _ = tuxiang::diag::render_json(&d);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_notices_never_panic(pick in any::<usize>(), muts in proptest::collection::vec(mutation(), 1..6)) {
        let c = corpus();
        prop_assume!(!c.is_empty());
        let (path, text) = &c[pick % c.len()];
        run_all(path, apply(text, &muts));
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        run_all(Path::new("content/x.md"), format!("---\n{s}\n---\n{s}"));
        run_all(Path::new("content/x.md"), s);
    }
}
