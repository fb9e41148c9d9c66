//! The stages depend one way: notice → check → schedule → release → render → publish, under a
//! bottom layer every stage may use, with `site` (the pipeline) and `serve` (the live preview)
//! on top. This test reads the library's `use crate::…` paths and fails when a module reaches
//! up (or sideways into a later stage), so a cycle can never come back unnoticed.

use std::collections::BTreeMap;
use std::path::Path;

/// The library's top-level modules, bottom first. A module may use those of a lower layer and its
/// own; the bottom layer's modules may use each other in the order listed.
const LAYERS: &[&[&str]] = &[
    &["source"],
    &["diag"],
    &["base", "config"],
    &["notice"],
    &["import"],
    &["check"],
    &["schedule"],
    &["release"],
    &["entry"],
    &["render"],
    &["publish"],
    &["site"],
    &["serve"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// `crate::X` paths in one file's text (comments and strings are not told apart: a doc comment that
/// names `crate::render` in a lower stage is as misleading as an import).
fn crate_uses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let braced = after.starts_with('{');
        if braced {
            let list: String = after[1..].chars().take_while(|c| *c != '}').collect();
            out.extend(list.split(',').map(|p| p.trim().split("::").next().unwrap_or("").to_string()));
        } else if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    out.retain(|n| !n.is_empty() && n != "self");
    out
}

/// The top-level module a source file belongs to (`src/render/pdf/mod.rs` → `render`).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

#[test]
fn stages_depend_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let declared: Vec<&str> =
        lib.lines().filter_map(|l| l.trim().strip_prefix("pub mod ")).map(|m| m.trim_end_matches(';').trim()).collect();
    for m in &declared {
        assert!(layer_of(m).is_some(), "module `{m}` of lib.rs has no layer in tests/layers.rs: place it in LAYERS");
    }
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).expect("under src");
        let Some(module) = module_of(rel) else { continue };
        // The binary's own modules (main.rs, cli, cmd) sit above the library.
        let Some(own) = layer_of(&module).filter(|_| declared.contains(&module.as_str())) else { continue };
        let text = std::fs::read_to_string(path).expect("read");
        for used in crate_uses(&text) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(l) if l < own => {}
                Some(_) | None => wrong.entry(rel.display().to_string()).or_default().push(used),
            }
        }
    }
    for uses in wrong.values_mut() {
        uses.sort();
        uses.dedup();
    }
    assert!(wrong.is_empty(), "these files reach up or sideways across stages (file → modules it uses):\n{wrong:#?}");
}

#[test]
fn the_reader_of_paths_sees_braced_lists() {
    assert_eq!(crate_uses("use crate::{notice, check::x};\nlet a = crate::render::y;"), vec!["notice", "check", "render"]);
}
