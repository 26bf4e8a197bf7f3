//! The reference document in the layouts other portals give the same page:
//! CRLF, U+3000 indentation, nbsp, full-width brackets and colons. The
//! outline must not change.

mod common;

use yilan::model::{Block, Document};
use yilan::parse_text;

fn reference() -> String {
    common::text_fixtures()
        .into_iter()
        .find(|(slug, _)| slug.starts_with("00-"))
        .expect("the reference fixture")
        .1
}

/// The outline: (level, marker, heading) of every section, and the kinds of
/// the other blocks, in order.
fn shape(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    yilan::ids::walk(doc, |_, block| match block {
        Block::Section(s) => out.push(format!("L{} {} {}", s.level, s.marker, s.heading)),
        Block::List(l) => out.push(format!("list {}", l.items.len())),
        Block::Paragraph(_) => out.push("p".into()),
        _ => out.push("other".into()),
    });
    out
}

#[test]
fn line_endings_and_spaces_do_not_change_the_document() {
    let text = reference();
    let plain = parse_text(&text);
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(parse_text(&crlf), plain, "CRLF");
    let indented: String = text
        .lines()
        .map(|l| {
            if l.starts_with('(') || l.starts_with('今') {
                format!("\u{3000}\u{3000}{l}\u{a0}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert_eq!(parse_text(&indented), plain, "U+3000 indentation, nbsp");
}

#[test]
fn full_width_brackets_and_colons_keep_the_outline() {
    let text = reference();
    let plain = parse_text(&text);
    let wide = text
        .replace('(', "（")
        .replace(')', "）")
        .replace(':', "：")
        .replace(',', "，");
    let doc = parse_text(&wide);
    let normalise = |s: Vec<String>| -> Vec<String> {
        s.into_iter()
            .map(|l| l.replace('（', "(").replace('）', ")"))
            .collect()
    };
    assert_eq!(normalise(shape(&doc)), shape(&plain));
    assert_eq!(doc.meta.len(), 8);
    assert_eq!(doc.title, plain.title);
    assert_eq!(doc.breadcrumb.len(), 7);
}

#[test]
fn spaced_labels_keep_the_metadata() {
    let text = reference()
        .replace("索引号:", "索 引 号：")
        .replace("文号:", "文\u{3000}\u{3000}号：");
    let doc = parse_text(&text);
    let labels: Vec<&str> = doc.meta.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "索引号",
            "公开方式",
            "文号",
            "成文日期",
            "发布单位",
            "日期",
            "来源",
            "浏览次数"
        ]
    );
    assert_eq!(doc.meta[2].value, "");
}
