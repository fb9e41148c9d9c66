//! docs/diagnostics.md is generated from the codes in `src/diag/code.rs`: this test fails when the
//! file is stale. `TUXIANG_BLESS=1 cargo test --test docs` writes it anew.

#[test]
fn diagnostics_md_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.md");
    let want = tuxiang::diag::catalogue();
    if std::env::var_os("TUXIANG_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write docs/diagnostics.md");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "docs/diagnostics.md is stale: run `TUXIANG_BLESS=1 cargo test --test docs` and commit it");
}

#[test]
fn every_code_emitted_in_the_source_is_in_the_catalogue() {
    // Every `Code::X` the library names must exist (the compiler sees to that); here, the reverse:
    // every code in the catalogue is emitted somewhere, so the docs list no dead code.
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut text = String::new();
    for e in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        if e.path().extension().is_some_and(|x| x == "rs") && !e.path().ends_with("diag/code.rs") {
            text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    let unused: Vec<&str> =
        tuxiang::diag::Code::ALL.iter().filter(|c| !text.contains(&format!("Code::{c:?}"))).map(|c| c.as_str()).collect();
    assert!(unused.is_empty(), "codes in the catalogue that nothing emits: {unused:?}");
}
