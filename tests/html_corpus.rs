//! The page-HTML fixture corpus: each page in `tests/fixtures/html/` (and
//! the demo portal page `www/index.html`) has a reviewed expectation in
//! `tests/expected/html/`: `<slug>.json` (the document, pretty-printed) and
//! `<slug>.lines.txt` (the lines read from the page, one per line with its
//! hints, then the chrome taken out), so a change in content finding shows
//! in review even when the document does not move.
//!
//! `07b-…-guanhuaiban.js` is not a page (it is a portal's header script for
//! the embed) and is not parsed. Regenerate with
//! `UPDATE_EXPECT=1 cargo test --features html --test html_corpus`, then
//! read the diff line by line before committing it.
#![cfg(feature = "html")]

mod common;
use common::first_difference;
use std::fs;
use std::path::{Path, PathBuf};

use yilan::parse::html::parse_html_traced;
use yilan::parse::lines::Line;
use yilan::HtmlOptions;

/// Base URLs the pages were served from (SOURCES.tsv), so links resolve.
const BASES: &[(&str, &str)] = &[
    (
        "01-govcn-zhengce-guofa-2018-43",
        "http://www.gov.cn/zhengce/content/2018-12/29/content_5353307.htm",
    ),
    (
        "02-govcn-zhengce-xiaofang-haopai-fujian",
        "http://www.gov.cn/zhengce/content/2018-12/11/content_5347765.htm",
    ),
    (
        "03-govcn-zhengce-sanji-yiyuan-long-tables",
        "http://www.gov.cn/zhengce/content/2019-01/30/content_5362266.htm",
    ),
    (
        "04-handan-xxgk-detail-saved.jsp",
        "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200802_1352104.html",
    ),
    (
        "07-zj-jyt-tuwen-hanweb-article",
        "http://jyt.zj.gov.cn/art/2024/10/21/art_1543973_58942886.html",
    ),
    (
        "www-index",
        "http://www.linhai.gov.cn/art/2024/2/1/art_1229316983_3915851.html",
    ),
];

fn pages() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, PathBuf)> = fs::read_dir(root.join("tests/fixtures/html"))
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the five HTML fixture pages");
    files.push(("www-index".to_owned(), root.join("www/index.html")));
    files
}

fn options(slug: &str) -> HtmlOptions {
    let base = BASES.iter().find(|(s, _)| *s == slug).map(|(_, b)| b);
    HtmlOptions {
        base_url: Some(base.expect("a base URL for every page").to_string()),
    }
}

fn describe(line: &Line) -> String {
    let h = &line.hints;
    let mut tags = Vec::new();
    if line.blank_before {
        tags.push("blank".to_owned());
    }
    if let Some(n) = h.heading {
        tags.push(format!("h{n}"));
    }
    if h.strong {
        tags.push("strong".to_owned());
    }
    if let Some(a) = h.align {
        tags.push(format!("{a:?}").to_lowercase());
    }
    if let Some(cells) = &h.cells {
        tags.push(format!("cells={}", cells.len()));
    }
    if let Some(img) = &h.image {
        tags.push(format!("img={}", img.src));
    }
    for run in &h.inlines {
        if let Some(href) = &run.href {
            tags.push(format!("link[{}]={href}", run.text));
        }
    }
    format!("{}\t{}\t{}\n", line.number, tags.join(" "), line.text)
}

#[test]
fn every_page_matches_its_reviewed_expectation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/html");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for (slug, path) in pages() {
        let input = fs::read_to_string(&path).unwrap();
        let (doc, trace, lines) = parse_html_traced(&input, &options(&slug));
        let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let mut read: String = lines.iter().map(describe).collect();
        read.push_str("-- chrome --\n");
        for hit in &trace.chrome {
            read.push_str(&format!("{}\t{}\n", hit.line, hit.text));
        }
        for (file, actual) in [
            (format!("{slug}.json"), json),
            (format!("{slug}.lines.txt"), read),
        ] {
            let target = dir.join(&file);
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
