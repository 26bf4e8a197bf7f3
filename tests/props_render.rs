//! Property tests across the pipeline, filling what the per-stage property
//! tests (text_props, json_roundtrip, speech_chunking) leave out:
//!
//! - render ∘ parse_text and render ∘ parse_json on arbitrary input: no
//!   panic, the same output twice, and HTML that the strict reader of
//!   `markup_check` accepts (the renderer's elements and attributes only,
//!   closed in order, unique ids, no script, no handler, no refused URL
//!   scheme) and that a real HTML parser (scraper, html5ever) reads back as
//!   exactly the same tree, so no browser repairs or moves anything;
//! - parse_text's documents pass the model's own validation and come back
//!   unchanged through parse_json;
//! - every speech chunk targets an element of the view;
//! - parse_text_with cuts at the limit exactly as documented.

mod common;
mod json_samples;
use common::markup_check;

use proptest::prelude::*;
use serde_json::Value;
use yilan::parse::json::validate;
use yilan::render::Locale;
use yilan::{
    parse_json, parse_text, parse_text_with, render, speech_plan, Document, Mode, RenderOptions,
    SpeechOptions, TextOptions,
};

/// Pieces of page text that reach every kind of block: markers, labels,
/// table rows, lists, attachments, signatures, notes, markup-like and
/// link-like text.
const PIECES: &[&str] = &[
    "一、",
    "（一）",
    "1.",
    "（1）",
    "①",
    "第一章",
    "一是",
    "二是",
    "索引号：",
    "发布日期：2024-02-01",
    "当前位置：首页 > 通知",
    "附件：1.名单.xlsx",
    "各乡镇人民政府：",
    "上盘镇人民政府",
    "2024年2月1日",
    "（此件公开发布）",
    "目录",
    "序号 | 事项 | 依据",
    "1 | 采购 | 《条例》",
    " | ",
    "打印",
    "关闭",
    "总则",
    "工作有序推进。",
    "，",
    "\n",
    "\n\n",
    "\u{3000}",
    " ",
    "<script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "\" onmouseover=\"alert(1)",
    "&amp;&#0;",
    "\u{0}",
    "javascript:alert(1)",
    "https://www.gov.cn/",
];

fn page_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

fn render_options() -> impl Strategy<Value = RenderOptions> {
    (
        any::<bool>(),
        prop::sample::select(vec!["auto", "standard", "yellow-on-black", "nonsense\"<"]),
        0.0f32..4.0,
        prop::sample::select(vec![Locale::ZhCn, Locale::ZhTw, Locale::En]),
        // Ids of their own, and prefixes refused (rendered as `yl-`).
        prop::sample::select(vec!["yl-", "news-", "b_2", "x\"<", "", "1a"]),
    )
        .prop_map(|(elderly, theme, scale, locale, id_prefix)| RenderOptions {
            mode: if elderly {
                Mode::Elderly
            } else {
                Mode::Standard
            },
            theme: theme.to_owned(),
            scale,
            locale,
            id_prefix: Some(id_prefix.to_owned()),
        })
}

/// The view of `doc`: rendered the same twice, accepted by the strict
/// reader, and read back by html5ever as the very same tree.
fn check_view(doc: &Document, options: &RenderOptions) -> Result<String, TestCaseError> {
    let html = render(doc, options);
    prop_assert_eq!(&html, &render(doc, options), "deterministic");
    markup_check::browser::same_tree(&html).map_err(TestCaseError::fail)?;
    Ok(html)
}

/// Text and URL fields of model JSON that take any string.
const FREE_FIELDS: &[&str] = &[
    "title", "label", "href", "value", "marker", "heading", "lead", "caption", "name", "fileType",
    "date", "page", "src", "alt", "text",
];

/// The string leaves of `value` that any string may replace without making
/// the document invalid (a paragraph's `text` only when it has no inlines,
/// whose texts must join to it; never an inline's own text).
fn free_strings(value: &mut Value) -> Vec<&mut String> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter_mut()),
            Value::Object(map) => {
                let has_inlines = map
                    .get("inlines")
                    .and_then(Value::as_array)
                    .is_some_and(|a| !a.is_empty());
                for (key, v) in map.iter_mut() {
                    if key == "inlines" {
                        // Only the links of inlines are free.
                        for inline in v.as_array_mut().into_iter().flatten() {
                            if let Some(Value::String(href)) = inline.get_mut("href") {
                                out.push(href);
                            }
                        }
                    } else if key == "organisations" {
                        for item in v.as_array_mut().into_iter().flatten() {
                            if let Value::String(s) = item {
                                out.push(s);
                            }
                        }
                    } else if FREE_FIELDS.contains(&key.as_str())
                        && !(key == "text" && has_inlines)
                        && v.is_string()
                    {
                        if let Value::String(s) = v {
                            out.push(s);
                        }
                    } else {
                        stack.push(v);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The XSS corpus of tests/fixtures/security.
fn vectors() -> &'static [String] {
    static VECTORS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    VECTORS.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/security/xss-vectors.json"
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

/// Valid model JSON with XSS vectors (or arbitrary strings) in some of its
/// free text and URL fields.
fn hostile_json() -> impl Strategy<Value = String> {
    let replacement = prop_oneof![
        3 => any::<prop::sample::Index>().prop_map(|i| i.get(vectors()).clone()),
        1 => any::<String>(),
    ];
    (
        json_samples::documents(),
        prop::collection::vec((any::<prop::sample::Index>(), replacement), 0..8),
    )
        .prop_map(|(doc, replacements)| {
            let mut value = serde_json::to_value(&doc).unwrap();
            let mut leaves = free_strings(&mut value);
            if !leaves.is_empty() {
                for (at, text) in replacements {
                    let len = leaves.len();
                    *leaves[at.index(len)] = text;
                }
            }
            value.to_string()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn the_view_of_any_page_text_is_sound(input in page_text(), options in render_options()) {
        let doc = parse_text(&input);
        check_view(&doc, &options)?;
    }

    #[test]
    fn the_view_of_any_model_json_is_sound(json in hostile_json(), options in render_options()) {
        let doc = match parse_json(&json) {
            Ok(doc) => doc,
            Err(error) => return Err(TestCaseError::fail(format!("free fields refused: {error}"))),
        };
        check_view(&doc, &options)?;
    }

    #[test]
    fn parsed_text_is_valid_model_json(input in page_text()) {
        let doc = parse_text(&input);
        prop_assert_eq!(validate(&doc), Ok(()));
        let json = serde_json::to_string(&doc).unwrap();
        prop_assert_eq!(parse_json(&json), Ok(doc));
    }

    #[test]
    fn every_speech_chunk_targets_an_element_of_the_view(input in page_text(), max in 1usize..80) {
        let doc = parse_text(&input);
        let html = render(&doc, &RenderOptions::default());
        let options = SpeechOptions {
            include_meta: true,
            include_breadcrumb: true,
            include_contents: true,
            max_chars: max,
            ..SpeechOptions::default()
        };
        let chunks = speech_plan(&doc, &options);
        prop_assert_eq!(&chunks, &speech_plan(&doc, &options));
        for (n, chunk) in chunks.iter().enumerate() {
            prop_assert_eq!(chunk.index as usize, n);
            let id = format!(" id=\"{}\"", chunk.target);
            prop_assert!(html.contains(&id), "chunk {} targets {:?}", n, chunk.target);
        }
    }

    #[test]
    fn text_past_the_limit_is_read_up_to_its_last_whole_line(
        input in page_text(),
        limit in prop_oneof![0usize..64, any::<prop::sample::Index>().prop_map(|i| i.index(4096))],
    ) {
        let doc = parse_text_with(&input, &TextOptions { max_bytes: limit });
        if input.len() <= limit {
            prop_assert_eq!(doc, parse_text(&input));
            return Ok(());
        }
        let truncated = doc.diagnostics[0].clone();
        prop_assert_eq!(truncated.code, yilan::DiagnosticCode::Truncated);
        // The documented cut: after the last line break within the limit,
        // else at the last character boundary within it.
        let mut end = limit;
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        let cut = match input[..end].rfind('\n') {
            Some(newline) => &input[..=newline],
            None => &input[..end],
        };
        let mut expected = parse_text(cut);
        expected.diagnostics.insert(0, truncated.clone());
        prop_assert_eq!(doc, expected);
        let first_unread = cut.matches('\n').count() + 1;
        prop_assert_eq!(truncated.line, Some(u32::try_from(first_unread).unwrap()));
    }
}

#[test]
fn the_tree_comparison_sees_what_a_browser_repairs() {
    // The checker's other half: html5ever moves a block out of a paragraph
    // and closes an unclosed element, and the comparison must notice.
    for (written, repaired) in [
        ("<p>a<div>b</div></p>", true),
        ("<table><tr><td>x</td></tr></table>", true),
        ("<p id=\"a\">a &amp; b</p>\n<ol><li>x</li></ol>", false),
    ] {
        let same = markup_check::browser::same_tree(written);
        assert_eq!(same.is_ok(), !repaired, "{written}: {same:?}");
    }
}
