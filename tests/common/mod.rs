//! Helpers shared by the integration tests.
#![allow(dead_code)]

mod builders;
#[path = "../markup_check/mod.rs"]
pub mod markup_check;
#[allow(unused_imports)]
pub use builders::*;

use std::fs;
use std::path::{Path, PathBuf};

use yilan::model::{Block, Document, MAX_LEVEL};

/// Every block of the document in reading order, sections' blocks after
/// their section (as [`yilan::ids::walk`] visits them).
pub fn all_blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    yilan::ids::walk(doc, |_, b| out.push(b.clone()));
    out
}

/// The text fixtures, sorted by name: (slug, contents).
pub fn text_fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 13, "expected the text fixtures in {dir:?}");
    files
        .into_iter()
        .map(|p| {
            let slug = p.file_stem().unwrap().to_string_lossy().into_owned();
            (slug, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Characters that are layout, not text: whitespace, table pipes, the
/// colons after labels and bullets.
pub fn is_layout(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{3000}' | '\u{a0}' | '\u{200b}' | '\u{feff}' | '|' | ':' | '：' | '•' | '·'
        )
}

/// `text` without layout characters.
pub fn norm(text: &str) -> String {
    text.chars().filter(|c| !is_layout(*c)).collect()
}

/// The document's text, split into the head (title, breadcrumb, metadata)
/// and the body, each in document order and without layout characters.
pub fn model_text(doc: &Document) -> (String, String) {
    let mut head = String::new();
    if let Some(t) = &doc.title {
        head.push_str(t);
    }
    for c in &doc.breadcrumb {
        head.push_str(&c.label);
    }
    for m in &doc.meta {
        head.push_str(&m.label);
        head.push_str(&m.value);
    }
    let mut body = String::new();
    yilan::ids::walk(doc, |_, block| block_text(block, &mut body));
    (norm(&head), norm(&body))
}

fn block_text(block: &Block, out: &mut String) {
    match block {
        Block::Section(s) => {
            out.push_str(&s.marker);
            out.push_str(&s.heading);
        }
        Block::Paragraph(p) => out.push_str(&p.text),
        Block::List(l) => {
            for item in &l.items {
                out.push_str(&item.marker);
                out.push_str(item.lead.as_deref().unwrap_or(""));
                out.push_str(&item.text);
            }
        }
        Block::Table(t) => {
            if let Some(c) = &t.caption {
                out.push_str(c);
            }
            for row in &t.rows {
                for cell in &row.cells {
                    out.push_str(&cell.text);
                    for image in &cell.images {
                        out.push_str(&image.alt);
                    }
                }
            }
        }
        Block::Attachments(a) => {
            out.push_str(&a.label);
            for item in &a.items {
                out.push_str(&item.marker);
                out.push_str(&item.name);
            }
        }
        Block::Signature(s) => {
            for o in &s.organisations {
                out.push_str(o);
            }
            out.push_str(s.date.as_deref().unwrap_or(""));
        }
        Block::Addressee(t) | Block::Note(t) => out.push_str(&t.text),
        Block::Contents(c) => {
            out.push_str(c.label.as_deref().unwrap_or(""));
            for e in &c.entries {
                out.push_str(&e.marker);
                out.push_str(&e.text);
                out.push_str(e.page.as_deref().unwrap_or(""));
            }
        }
        Block::Image(i) => out.push_str(&i.alt),
        _ => {}
    }
}

/// Checks the model's invariants: levels 1 to MAX_LEVEL, each section
/// deeper than its parent. Returns the first violation.
pub fn check_levels(doc: &Document) -> Result<(), String> {
    let mut stack: Vec<(&[Block], u8)> = vec![(&doc.body, 0)];
    while let Some((blocks, parent)) = stack.pop() {
        for b in blocks {
            if let Block::Section(s) = b {
                if s.level < 1 || s.level > MAX_LEVEL {
                    return Err(format!("level {} out of range", s.level));
                }
                if s.level <= parent {
                    return Err(format!("level {} not deeper than {parent}", s.level));
                }
                stack.push((&s.blocks, s.level));
            }
        }
    }
    Ok(())
}

/// The first lines where `actual` and `expected` differ, with context.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let from = first.saturating_sub(3);
    let mut out = format!("first difference at line {}:\n", first + 1);
    for (n, line) in e.iter().enumerate().skip(from).take(8) {
        out.push_str(&format!("- {:4} {line}\n", n + 1));
    }
    for (n, line) in a.iter().enumerate().skip(from).take(8) {
        out.push_str(&format!("+ {:4} {line}\n", n + 1));
    }
    out
}

/// An article's address on a portal, the base its pages' links resolve
/// against.
pub const ARTICLE_URL: &str = "https://www.example.gov.cn/art/2024/1/2/art_1.html";

/// Parses `html` as the page at [`ARTICLE_URL`].
#[cfg(feature = "html")]
pub fn parse_article(html: &str) -> Document {
    let options = yilan::HtmlOptions {
        base_url: Some(ARTICLE_URL.to_owned()),
    };
    yilan::parse_html(html, &options)
}

/// A body paragraph long enough for the content heuristic.
pub const ARTICLE_BODY: &str = "<p>各县（市、区）人民政府，市政府直属各单位：</p><p>《某某办法》已经市政府同意，现印发给你们，请认真贯彻执行。各地区各部门要结合实际，认真组织实施，确保各项措施落到实处，切实提高群众的获得感和满意度。</p><p>一、总体要求</p><p>各地区各部门要结合实际，认真组织实施，确保各项措施落到实处。</p>";

/// The kind of each block at the top of the body, in order.
pub fn kinds(doc: &Document) -> Vec<&'static str> {
    doc.body
        .iter()
        .map(|b| match b {
            Block::Section(_) => "section",
            Block::Paragraph(_) => "paragraph",
            Block::List(_) => "list",
            Block::Table(_) => "table",
            Block::Attachments(_) => "attachments",
            Block::Signature(_) => "signature",
            Block::Addressee(_) => "addressee",
            Block::Note(_) => "note",
            Block::Contents(_) => "contents",
            Block::Image(_) => "image",
            _ => "other",
        })
        .collect()
}

/// The sections at the top of the body, as (marker, heading).
pub fn headings(doc: &Document) -> Vec<(String, String)> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some((s.marker.clone(), s.heading.clone())),
            _ => None,
        })
        .collect()
}
