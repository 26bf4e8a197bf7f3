//! Hostile and malformed input: deep nesting, unclosed tags, a huge text
//! node, damaged event encodings, random input (never a panic, always the
//! same document), and script vectors inside a page body.
#![cfg(feature = "html")]

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use yilan::error::DiagnosticCode;
use yilan::parse::html::events::{decode, encode, Event};
use yilan::parse::html::native;
use yilan::{parse_encoded, parse_events, parse_html, HtmlOptions};

fn opts() -> HtmlOptions {
    HtmlOptions {
        base_url: Some("https://www.example.gov.cn/a/b/page.html".to_owned()),
    }
}

#[test]
fn a_hundred_thousand_nested_divs() {
    let html = "<div>".repeat(100_000) + "<p>今年以来，工作有序推进。</p>";
    let doc = parse_html(&html, &opts());
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code == DiagnosticCode::Truncated));
    // The event path has no depth limit of its own: 100,000 levels.
    let mut events = Vec::new();
    for _ in 0..100_000 {
        events.push(Event::Open(
            yilan::parse::html::events::element("div", [("id", "zoom")]).unwrap(),
        ));
    }
    events.push(Event::Text("今年以来，工作有序推进。".into()));
    events.extend(std::iter::repeat_n(Event::Close, 100_000));
    let doc = parse_events(events, &opts());
    assert_eq!(doc.body.len(), 1, "{:?}", doc.diagnostics);
}

#[test]
fn unclosed_tags_and_stray_ends() {
    let html = "<div id=zoom><p>一、总体情况<p><b>今年以来，<i>工作</b>有序推进。</table></td><p>二、下步打算<ul><li>抓落实";
    let doc = parse_html(html, &opts());
    assert_eq!(doc.body.len(), 2, "{:#?}", doc.body);
}

#[test]
fn a_ten_megabyte_text_node() {
    let text = "今年以来，工作有序推进。".repeat(10 * 1024 * 1024 / 36);
    let html = format!("<div id=zoom><p>{text}</p></div>");
    assert!(html.len() > 10_000_000);
    let doc = parse_html(&html, &opts());
    let yilan::model::Block::Paragraph(p) = &doc.body[0] else {
        panic!("{:?}", doc.diagnostics);
    };
    assert_eq!(p.text.len(), text.len());
}

#[test]
fn damaged_encodings_give_a_document_with_a_diagnostic() {
    let good = encode(&native::events("<div id=zoom><p>今年以来，工作有序推进。</p></div>").0);
    for damaged in [
        String::new(),
        "<p>not an encoding</p>".to_owned(),
        good[..good.len() - 3].to_owned(),
        good.replace('\u{1}', "\u{1}\u{3}"),
        good.replacen('\u{5}', "\u{2}id\u{5}", 1),
        format!("{good}\u{4}\u{4}\u{4}\u{4}\u{4}\u{4}"),
        good.replace("div", ""),
    ] {
        let doc = parse_encoded(&damaged, &opts());
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| matches!(d.code, DiagnosticCode::Garbled | DiagnosticCode::Truncated)),
            "{damaged:?}: {:?}",
            doc.diagnostics
        );
    }
    let doc = parse_encoded(&good, &opts());
    assert_eq!(doc.body.len(), 1);
    assert!(doc
        .diagnostics
        .iter()
        .all(|d| d.code != DiagnosticCode::Garbled));
}

/// The XSS vectors inside a page body: no script, no event handler and no
/// `javascript:` target survives into the model.
#[test]
fn script_vectors_do_not_reach_the_model() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/security/xss-vectors.json");
    let vectors: Vec<String> = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    assert!(vectors.len() > 100);
    for v in &vectors {
        let html = format!(
            "<html><body><div id=zoom><p>一、总体情况</p><p>今年以来，工作有序推进。{v}</p><p><a href=\"a.pdf\">附件</a>{v}</p></div></body></html>"
        );
        let doc = parse_html(&html, &opts());
        let mut targets = Vec::new();
        let json = serde_json::to_value(&doc).unwrap();
        collect_targets(&json, &mut targets);
        for t in &targets {
            let lower = t.to_ascii_lowercase();
            assert!(
                lower.starts_with("http:")
                    || lower.starts_with("https:")
                    || lower.starts_with("mailto:")
                    || lower.starts_with("tel:")
                    || lower.starts_with("ftp:")
                    || lower.starts_with("data:image/png")
                    || lower.starts_with("data:image/jpeg")
                    || lower.starts_with("data:image/gif")
                    || lower.starts_with("data:image/webp"),
                "{v}\n  kept the target {t}"
            );
        }
    }
}

fn collect_targets(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if k == "href" || k == "src" {
                    if let Some(s) = v.as_str() {
                        out.push(s.to_owned());
                    }
                }
                collect_targets(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_targets(i, out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_markup_never_panics_and_is_deterministic(
        parts in proptest::collection::vec(prop_oneof![
            Just("<div id=zoom>".to_owned()), Just("</div>".to_owned()), Just("<p>".to_owned()),
            Just("<table><tr><td>".to_owned()), Just("<td colspan=99999999>".to_owned()),
            Just("<th rowspan=0>".to_owned()), Just("</tr>".to_owned()), Just("<br>".to_owned()),
            Just("<a href='javascript:x'>".to_owned()), Just("<a href='../x.pdf'>".to_owned()),
            Just("<b>".to_owned()), Just("<img src=x alt=图>".to_owned()), Just("当前位置：".to_owned()),
            Just("索 引 号：".to_owned()), Just("一、".to_owned()), Just("今年以来，推进。".to_owned()),
            Just("<span style='display:none'>".to_owned()), Just("<ul><li>".to_owned()),
            "[\\PC\u{1}-\u{6}]{0,8}",
        ], 0..60)
    ) {
        let html: String = parts.concat();
        let a = parse_html(&html, &opts());
        let b = parse_html(&html, &opts());
        prop_assert_eq!(&a, &b);
        // The browser path gives the same document as the native one.
        let encoded = encode(&native::events(&html).0);
        prop_assert_eq!(parse_encoded(&encoded, &opts()), a);
    }

    #[test]
    fn random_encodings_never_panic(s in "[\u{1}-\u{6}a-z1 一二<>\u{3000}]{0,200}") {
        let (events, _) = decode(&s);
        let opens = events.iter().filter(|e| matches!(e, Event::Open(_))).count();
        let closes = events.iter().filter(|e| **e == Event::Close).count();
        prop_assert_eq!(opens, closes);
        let _ = parse_encoded(&s, &opts());
        let _ = parse_encoded(&format!("\u{6}1{s}"), &opts());
    }
}
