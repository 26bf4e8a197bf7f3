//! The hand-written reader (the wasm build's) against serde's (native): the
//! same document or the same error, for a document using every field of
//! the model, broken every way below, and for the expected outputs of the
//! parser tests.

use serde_json::{json, Value};

use super::read::{document, ByHand, BySerde};
use crate::error::ModelError;
use crate::model::Document;

fn read_both(value: &Value) -> (Result<Document, ModelError>, Result<Document, ModelError>) {
    let Value::Object(map) = value else {
        panic!("a document is an object");
    };
    (
        document::<BySerde>(map.clone()),
        document::<ByHand>(map.clone()),
    )
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
                                            "inlines": [{"text": "h"}]}]}]},
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
            let value: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            if value.get("version").is_none() {
                continue;
            }
            let (serde, hand) = read_both(&value);
            assert!(serde.is_ok(), "{}: {serde:?}", path.display());
            assert_eq!(hand, serde, "{}", path.display());
            read += 1;
        }
    }
    assert!(read > 10, "{read}");
}
