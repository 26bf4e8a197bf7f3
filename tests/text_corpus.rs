//! The page-text fixture corpus: each fixture in `tests/fixtures/text/` has a
//! reviewed expectation in `tests/expected/text/`: `<slug>.json` (the whole
//! document, pretty-printed) and `<slug>.chrome.txt` (what was taken out as
//! page chrome, one `line<TAB>text` per piece).
//!
//! Regenerate with `UPDATE_EXPECT=1 cargo test --test text_corpus`, then read
//! the diff line by line before committing it.

mod common;
use common::first_difference;
use std::fs;
use std::path::{Path, PathBuf};

use yilan::parse::text::parse_text_traced;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 13, "expected the text fixtures in {dir:?}");
    files
}

fn expected_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/text")
}

#[test]
fn every_fixture_matches_its_reviewed_expectation() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in fixtures() {
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        let input = fs::read_to_string(&path).unwrap();
        let (doc, trace) = parse_text_traced(&input);
        let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let chrome: String = trace
            .chrome
            .iter()
            .map(|h| format!("{}\t{}\n", h.line, h.text))
            .collect();
        for (file, actual) in [
            (format!("{slug}.json"), json),
            (format!("{slug}.chrome.txt"), chrome),
        ] {
            let target = expected_dir().join(&file);
            if update {
                fs::write(&target, &actual).unwrap();
                continue;
            }
            let expected = fs::read_to_string(&target).unwrap_or_default();
            if expected != actual {
                failures.push(format!("{file}: {}", first_difference(&expected, &actual)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} expectation(s) differ (UPDATE_EXPECT=1 to regenerate, then review):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
