//! The crate's own reading of model JSON against the reference
//! (serde_json's value tree, serde's derived readers, serde_path_to_error):
//! the same document or the same error, with the same code, path and
//! message, for a document using every field of the model, broken every
//! way below (in its values, and in its text byte by byte), and for the
//! expected outputs of the parser tests. Where the two part on purpose, the
//! reader says more, as the last tests here check: half of a character (a
//! lone surrogate) is a `value` error at the path of its string, where
//! serde_json has a syntax error a few bytes on; a field given twice is
//! refused, where serde_json keeps the last value.

use serde_json::{json, Value};

use super::reference;
use crate::error::ModelError;
use crate::model::Document;

type Both = (Result<Document, ModelError>, Result<Document, ModelError>);

/// (the reference's result, this crate's) for the text `input`.
fn read_text(input: &str) -> Both {
    (reference::parse_json(input), super::parse_json(input))
}

/// Both results for `value` written as JSON text.
fn read_both(value: &Value) -> Both {
    read_text(&value.to_string())
}

/// One of everything the model has.
fn full() -> Value {
    json!({
        "version": 1,
        "lang": "zh-CN",
        "title": "标题",
        "breadcrumb": [{"label": "首页", "href": "/"}, {"label": "公开"}],
        "meta": [{"key": "indexNo", "label": "索引号", "value": "1"},
                 {"key": "other", "label": "x", "value": "y"}],
        "body": [
            {"type": "section", "level": 1, "marker": "一、", "heading": "总则", "runIn": true,
             "blocks": [
                {"type": "paragraph", "text": "ab",
                 "inlines": [{"text": "a", "href": "/a", "strong": true, "em": false}, {"text": "b"}]},
                {"type": "section", "level": 2, "marker": "（一）", "heading": "h", "blocks": [
                    {"type": "note", "text": "n"}
                ]}
             ]},
            {"type": "list", "ordered": true,
             "items": [{"marker": "1.", "lead": "l", "text": "t", "inlines": [{"text": "t"}]}]},
            {"type": "table", "caption": "c", "rows": [
                {"header": true, "cells": [{"text": "h", "header": true, "colspan": 2, "rowspan": 3,
                                            "inlines": [{"text": "h"}],
                                            "images": [{"src": "p.jpg", "alt": "照片"}]}]}]},
            {"type": "attachments", "label": "附件",
             "items": [{"marker": "1.", "name": "a.pdf", "href": "/a.pdf", "fileType": "pdf"}]},
            {"type": "signature", "organisations": ["某局"], "date": "2024年1月1日"},
            {"type": "addressee", "text": "各单位："},
            {"type": "contents", "label": "目录",
             "entries": [{"level": 1, "marker": "一", "text": "t", "page": "3"}]},
            {"type": "image", "src": "a.png", "alt": "图"}
        ],
        "actions": ["print", "close", "share", "bookmark"],
        "diagnostics": [{"code": "noTitle", "message": "m", "line": 3}]
    })
}

/// Values put in place of any value of the document.
fn replacements() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(1),
        json!(-1),
        json!(1.5),
        json!(2.0),
        json!(300),
        json!(70000),
        json!(4294967296u64),
        json!("s"),
        json!("indexNo"),
        json!("a \"quoted\" \\ line\nbreak\ttab 中文"),
        json!([]),
        json!([1]),
        json!({}),
        json!({"a": 1}),
    ]
}

/// Every place in the value, as JSON pointers, parents before children.
fn pointers(root: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut todo = vec![(String::new(), root)];
    while let Some((pointer, value)) = todo.pop() {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    todo.push((format!("{pointer}/{key}"), child));
                }
            }
            Value::Array(items) => {
                for (n, child) in items.iter().enumerate() {
                    todo.push((format!("{pointer}/{n}"), child));
                }
            }
            _ => {}
        }
        found.push(pointer);
    }
    found
}

/// Broken copies of `base`: each value replaced, each key removed, a key
/// added to each object (before and after the others in key order).
fn variants(base: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for pointer in pointers(base) {
        // The root is checked to be an object before the shape step.
        for replacement in replacements().into_iter().filter(|_| !pointer.is_empty()) {
            let mut copy = base.clone();
            *copy.pointer_mut(&pointer).unwrap() = replacement;
            out.push(copy);
        }
        if let Some(Value::Object(map)) = base.pointer(&pointer) {
            for key in map.keys() {
                let mut copy = base.clone();
                copy.pointer_mut(&pointer)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(key);
                out.push(copy);
            }
            for extra in ["aaa", "zzz", "odd key"] {
                let mut copy = base.clone();
                copy.pointer_mut(&pointer)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .insert(extra.to_owned(), json!(1));
                out.push(copy);
            }
        }
    }
    out
}

/// serde also reads a struct from an array of its fields, which the schema
/// does not allow and the hand-written reader refuses.
fn is_array_for_struct(hand: &Result<Document, ModelError>) -> bool {
    matches!(hand, Err(e) if e.message.starts_with("invalid type: sequence, expected struct "))
}

/// Whether the reader found half of a character (a lone surrogate) where
/// serde_json found a surrogate escape it could not join: the same
/// problem, which the reader places at the escape and by its path, in
/// words of its own (its own tests check those).
fn both_find_half_a_character(
    serde: &Result<Document, ModelError>,
    hand: &Result<Document, ModelError>,
) -> bool {
    let serde_words = [
        "invalid JSON: lone leading surrogate in hex escape at ",
        "invalid JSON: unexpected end of hex escape at ",
    ];
    matches!(hand, Err(e) if e.code == crate::ErrorCode::Value && e.message.contains("half of a character (a lone surrogate)"))
        && matches!(serde, Err(e) if e.code == crate::ErrorCode::Syntax && serde_words.iter().any(|w| e.message.starts_with(w)))
}

#[test]
fn both_readers_agree_on_every_broken_document() {
    let mut compared = 0;
    let mut errors = 0;
    for value in variants(&full()) {
        let (serde, hand) = read_both(&value);
        if serde != hand && is_array_for_struct(&hand) {
            continue;
        }
        assert_eq!(hand, serde, "input: {value}");
        compared += 1;
        errors += usize::from(serde.is_err());
    }
    // Most variants are errors; some (a default removed, an optional null)
    // are still documents.
    assert!(compared > 1000, "{compared}");
    assert!(errors > compared / 2, "{errors} of {compared}");
}

#[test]
fn both_readers_read_the_full_document_alike() {
    let (serde, hand) = read_both(&full());
    assert!(serde.is_ok(), "{serde:?}");
    assert_eq!(hand, serde);
}

#[test]
fn both_readers_read_the_expected_outputs_alike() {
    let mut read = 0;
    for dir in ["tests/expected/html", "tests/expected/text"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap();
            if value.get("version").is_none() {
                continue;
            }
            let (serde, hand) = read_text(&text);
            assert!(serde.is_ok(), "{}: {serde:?}", path.display());
            assert_eq!(hand, serde, "{}", path.display());
            read += 1;
        }
    }
    assert!(read > 10, "{read}");
}

/// Bytes that break JSON text in the most ways when put anywhere.
const BREAKERS: &[&str] = &[
    "\"", ",", ":", "]", "}", "[", "{", "\\", "0", "-", ".", "e", " ", "\n", "\u{1}", "x", "\\u",
    "\\ud800", "1e999", "中",
];

#[test]
fn both_read_the_full_document_broken_byte_by_byte_alike() {
    let text = serde_json::to_string_pretty(&full()).unwrap();
    let mut compared = 0;
    let mut syntax = 0;
    let mut halves = 0;
    let cuts: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    for &at in &cuts {
        let (before, after) = text.split_at(at);
        let mut broken = vec![before.to_owned()];
        let next = after.chars().next().map_or(0, char::len_utf8);
        broken.push(format!("{before}{}", &after[next..]));
        for insert in BREAKERS {
            broken.push(format!("{before}{insert}{after}"));
        }
        for input in broken {
            let (serde, ours) = read_text(&input);
            if serde != ours && is_array_for_struct(&ours) {
                continue;
            }
            if both_find_half_a_character(&serde, &ours) {
                halves += 1;
                continue;
            }
            assert_eq!(ours, serde, "input: {input}");
            compared += 1;
            syntax += usize::from(matches!(&serde, Err(e) if e.code == crate::ErrorCode::Syntax));
        }
    }
    assert!(syntax > compared / 2, "{syntax} of {compared}");
    // `\ud800` put inside each string, keys and values.
    assert!(halves > 500, "{halves}");
}

#[test]
fn both_read_broken_text_alike() {
    for input in [
        "",
        " ",
        "{",
        "[",
        "}",
        "]",
        "{\"version\"",
        "{\"version\":",
        "{\"version\": 1",
        "{\"version\": 1,",
        "{\"version\": 1,}",
        "{\"version\": 1} {}",
        "[1,]",
        "[1 2]",
        "{\"a\" 1}",
        "{1: 2}",
        "{\"a\": 1 \"b\": 2}",
        "nul",
        "nulx",
        "tru",
        "fals",
        "-",
        "-x",
        "01",
        "1.",
        "1.e1",
        "1e",
        "1e+",
        "1ex",
        ".5",
        "+1",
        "1e400",
        "-1e400",
        "1e-400",
        "18446744073709551616",
        "-9223372036854775809",
        "-0",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12",
        "\"\\uzzzz\"",
        "\"\\ud800",
        "\"\\ud800\\",
        "\"\\ud800\\u12\"",
        "\"\\ud800\\udc00\"",
        "\"a\u{1f}b\"",
        "\"abc",
        "\u{feff}{}",
        "{\"version\": 1}\n\n  x",
        "[\n1,\n2\n",
        "{\"version\": 1e0}",
        "{\"version\": 1.0}",
        "{\"version\": -0}",
        "{\"version\": 1, \"title\": 1.5e300}",
        "{\"version\": 1, \"title\": -0.0}",
        "{\"version\": 1, \"title\": 123456789.125}",
        "{\"version\": 1, \"title\": 1e-7}",
        "{\"version\": 1, \"title\": 0.000123}",
        "{\"version\": 1, \"title\": 1e16}",
        "{\"version\": 1, \"title\": 12345678901234567890123}",
        "{\"version\": 1, \"title\": \"\\ud83d\\ude00\\u00e9\\t\\/\"}",
    ] {
        let (serde, ours) = read_text(input);
        assert_eq!(ours, serde, "input: {input:?}");
    }
    // Half of a character: the same inputs refused, in other words.
    for input in [
        "\"\\udc00\"",
        "\"\\ud800\"",
        "\"\\ud800\\n\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800\\ud800\"",
        "[\"\\ude00\\ud83d\"]",
        "{\"\\ud800\": 1}",
    ] {
        let (serde, ours) = read_text(input);
        assert!(
            both_find_half_a_character(&serde, &ours),
            "input: {input:?}: {serde:?} {ours:?}"
        );
    }
    // Deep nesting: the limit at the same place.
    for depth in [126, 127, 128, 129] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let input = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            let (serde, ours) = read_text(&input);
            assert_eq!(ours, serde, "{depth} {open}");
        }
    }
}

#[test]
fn both_find_the_value_past_the_nesting_limit_alike() {
    let nest = |open: &str, close: &str, depth: usize| {
        format!("{}1{}", open.repeat(depth), close.repeat(depth))
    };
    let deep_objects = nest(r#"{"x": "#, "}", 200);
    let deep_arrays = nest("[0, ", "]", 200);
    let deep_mixed = nest("{\"a b\": [1, \n\"s\", ", "]}", 100);
    let deep_escaped = nest(r#"{"k\"\u0041\\": {"ok": 1, "z": "#, "}}", 100);
    let inputs = [
        format!(r#"{{"version": 1, "title": {deep_objects}}}"#),
        format!(r#"{{"version": 1, "body": [{{"type": "note"}}, {deep_arrays}]}}"#),
        format!("{{\n  \"version\": 1,\n  \"meta\": [\n    {deep_mixed}\n  ]\n}}"),
        format!(r#"{{"version": 1, "x": {deep_escaped}}}"#),
        format!(
            r#"{{"version": 1, "a": [], "b": {{}}, "c": [[], {{}}, {}]}}"#,
            nest("[", "]", 126)
        ),
        nest("[", "]", 128),
        nest(r#"{"": "#, "}", 128),
    ];
    for input in &inputs {
        let (serde, ours) = read_text(input);
        let error = ours.as_ref().unwrap_err();
        assert_eq!(error.code, crate::ErrorCode::TooLarge, "{input}");
        assert!(!error.path.is_empty(), "{input}");
        assert_eq!(ours, serde, "input: {input}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// Short runs of JSON's own characters, mostly broken: the same
    /// error (or the same document) from both.
    #[test]
    fn both_read_random_json_characters_alike(
        input in r#"[\[\]{}:," \\/0-9eE.+\-tfnrulsauv\n\t]{0,24}"#
    ) {
        let (serde, ours) = read_text(&input);
        proptest::prop_assert_eq!(ours, serde, "input: {:?}", input);
    }

    /// Numbers and strings where the document wants a string: the same
    /// value written in the message. Numbers stay within what both read
    /// exactly: the reader computes a float as serde_json does by default,
    /// correctly rounded up to 15 significant digits and a scale of 10²²
    /// (and for 10ⁿ itself),
    /// while the reference here has serde_json's `float_roundtrip` (a
    /// dev-dependency turns it on), which differs beyond that in the last
    /// digit.
    #[test]
    fn both_read_random_scalars_alike(
        scalar in r#"-?(0|[1-9][0-9]{0,18})|-?(0|[1-9][0-9]{0,7})(\.[0-9]{1,7})?([eE][+\-]?[0-9])?|-?1e\+?[0-9]{1,3}|"([^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4}){0,8}""#
    ) {
        let input = format!(r#"{{"version": 1, "title": {scalar}}}"#);
        let (serde, ours) = read_text(&input);
        if !both_find_half_a_character(&serde, &ours) {
            proptest::prop_assert_eq!(ours, serde, "input: {}", input);
        }
    }
}

#[test]
fn a_value_from_elsewhere_reads_as_its_text() {
    let value = full();
    assert_eq!(
        super::from_value(value.clone()),
        super::parse_json(&value.to_string())
    );
    let mut broken = value;
    broken["body"][0]["blocks"][1]["level"] = json!("2");
    let error = super::from_value(broken).unwrap_err();
    assert_eq!(error.path, "body[0].blocks[1].level");
    // Nested past the limit: an error, not a deep walk.
    let mut deep = json!(1);
    for _ in 0..200 {
        deep = json!([deep]);
    }
    let error = super::from_value(json!({"version": 1, "title": deep})).unwrap_err();
    assert_eq!(error.code, crate::ErrorCode::TooLarge);
}

/// The path of the value at a JSON pointer, as an error writes it
/// (`/body/0/blocks` → `body[0].blocks`).
fn path_of(pointer: &str) -> String {
    let mut path = String::new();
    for step in pointer.split('/').skip(1) {
        if step.bytes().all(|b| b.is_ascii_digit()) {
            path.push_str(&format!("[{step}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(step);
        }
    }
    path
}

/// `text` is refused as a `value` error at the path of `pointer`, its
/// message starting with `message`.
fn refused_at(text: &str, pointer: &str, message: &str) {
    let error = super::parse_json(text).unwrap_err();
    assert_eq!(error.code, crate::ErrorCode::Value, "{pointer}");
    assert_eq!(error.path, path_of(pointer), "{pointer}");
    assert!(
        error.message.starts_with(message),
        "{pointer}: {}",
        error.message
    );
}

#[test]
fn half_a_character_is_placed_by_path_in_every_string_and_key() {
    const MARK: &str = "HALF";
    let base = full();
    let mut strings = 0;
    let mut keys = 0;
    for pointer in pointers(&base) {
        // The string at `pointer` with half of a character in it, as
        // `JSON.stringify` writes it.
        if let Some(Value::String(_)) = base.pointer(&pointer) {
            let mut copy = base.clone();
            *copy.pointer_mut(&pointer).unwrap() = json!(MARK);
            let text = copy
                .to_string()
                .replace(&format!("\"{MARK}\""), r#""正文\ud83d""#);
            refused_at(
                &text,
                &pointer,
                "half of a character (a lone surrogate) in the \\u escape at line 1 column ",
            );
            strings += 1;
        }
        // A key of the object at `pointer` with half of a character.
        if let Some(Value::Object(_)) = base.pointer(&pointer) {
            let mut copy = base.clone();
            copy.pointer_mut(&pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert(MARK.to_owned(), json!(1));
            let text = copy
                .to_string()
                .replace(&format!("\"{MARK}\":"), r#""\udc00":"#);
            refused_at(
                &text,
                &pointer,
                "a key with half of a character (a lone surrogate) in the \\u escape at ",
            );
            keys += 1;
        }
    }
    assert!(strings > 50 && keys > 20, "{strings} strings, {keys} keys");
}

/// `value` as JSON text with the field `key` of the object at `pointer`
/// written twice, the copy right after it.
fn with_field_twice(value: &Value, at: &str, pointer: &str, key: &str, out: &mut String) {
    match value {
        Value::Object(map) => {
            out.push('{');
            for (n, (k, child)) in map.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                let times = if at == pointer && k == key { 2 } else { 1 };
                for time in 0..times {
                    if time > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::from(k.as_str()).to_string());
                    out.push(':');
                    with_field_twice(child, &format!("{at}/{k}"), pointer, key, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (n, child) in items.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                with_field_twice(child, &format!("{at}/{n}"), pointer, key, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[test]
fn a_field_given_twice_is_refused_in_every_object_at_its_second() {
    let base = full();
    let mut objects = 0;
    for pointer in pointers(&base) {
        let Some(Value::Object(map)) = base.pointer(&pointer) else {
            continue;
        };
        for key in map.keys() {
            let mut text = String::new();
            with_field_twice(&base, "", &pointer, key, &mut text);
            let error = super::parse_json(&text).unwrap_err();
            let mut expected = path_of(&pointer);
            super::path::push_key(&mut expected, key);
            assert_eq!(
                (error.code, error.path.as_str(), error.message.as_str()),
                (
                    crate::ErrorCode::Shape,
                    expected.as_str(),
                    format!("duplicate field `{key}`").as_str()
                ),
                "{text}"
            );
        }
        objects += 1;
    }
    assert!(objects > 20, "{objects}");
}
