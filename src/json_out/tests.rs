//! The hand writer (the wasm build's) against serde_json (native): the same
//! text for every expected output of the parser tests, their speech plans,
//! a document using every field and every name of the model, and generated
//! strings and floats.

use proptest::prelude::*;
use serde::Serialize;
use serde_json::json;

use super::{to_json, write_f32, write_str, WriteJson};
use crate::model::Document;
use crate::speech::{speech_plan, Chunk, SpeechOptions};

fn same<T: WriteJson + Serialize + ?Sized>(value: &T) {
    assert_eq!(to_json(value), serde_json::to_string(value).unwrap());
}

fn corpus() -> Vec<(String, Document)> {
    let mut docs = Vec::new();
    for dir in ["tests/expected/html", "tests/expected/text"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let doc = crate::parse_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
            docs.push((path.display().to_string(), doc));
        }
    }
    docs
}

#[test]
fn writes_the_expected_outputs_and_their_speech_plans_as_serde_json_does() {
    let docs = corpus();
    assert!(docs.len() > 10, "{}", docs.len());
    let everything = SpeechOptions {
        include_meta: true,
        include_breadcrumb: true,
        include_contents: true,
        ..SpeechOptions::default()
    };
    for (path, doc) in &docs {
        assert_eq!(to_json(doc), serde_json::to_string(doc).unwrap(), "{path}");
        for options in [&SpeechOptions::default(), &everything] {
            let chunks = speech_plan(doc, options);
            assert!(!chunks.is_empty(), "{path}");
            same(&chunks);
        }
    }
}

/// One of everything the model has, every optional field both ways.
fn full() -> Document {
    let inlines = json!([{"text": "a", "href": "/a", "strong": true, "em": true},
                         {"text": "b", "em": true}, {"text": "c", "strong": true}, {"text": "d"}]);
    serde_json::from_value(json!({
        "version": 1, "lang": "zh-TW", "title": "标题\"\\\n\u{1}\u{1f}\u{7f}\u{2028}",
        "breadcrumb": [{"label": "首页", "href": "/"}, {"label": "公开"}],
        "meta": [{"key": "indexNo", "label": "索引号", "value": "1"}],
        "body": [
            {"type": "section", "level": 1, "marker": "一、", "heading": "总则", "runIn": true,
             "blocks": [
                {"type": "paragraph", "text": "abcd", "inlines": inlines},
                {"type": "paragraph", "text": "plain"},
                {"type": "section", "level": 2, "marker": "", "heading": "h", "blocks": [
                    {"type": "note", "text": "n"}]}]},
            {"type": "list", "ordered": true, "items": [
                {"marker": "1.", "lead": "l", "text": "t", "inlines": [{"text": "t"}]},
                {"text": "u"}]},
            {"type": "list", "ordered": false, "items": []},
            {"type": "table", "caption": "c", "rows": [
                {"header": true, "cells": [{"text": "h", "header": true, "colspan": 2,
                                            "rowspan": 3, "inlines": [{"text": "h"}]}]},
                {"cells": [{"text": "v", "colspan": 4000000000u32}, {"text": "w", "rowspan": 7},
                           {"text": "", "images": [{"src": "p.jpg", "alt": "照片"},
                                                   {"src": "q.png", "alt": ""}]}]}]},
            {"type": "table", "rows": []},
            {"type": "attachments", "label": "附件", "items": [
                {"marker": "1.", "name": "a.pdf", "href": "/a.pdf", "fileType": "pdf"},
                {"name": "b"}]},
            {"type": "signature", "organisations": ["某局", "某厅"], "date": "2024年1月1日"},
            {"type": "signature", "organisations": []},
            {"type": "addressee", "text": "各单位："},
            {"type": "contents", "label": "目录",
             "entries": [{"level": 1, "marker": "一", "text": "t", "page": "3"},
                         {"level": 255, "text": "u"}]},
            {"type": "contents", "entries": []},
            {"type": "image", "src": "a.png", "alt": "图"}
        ],
        "actions": ["print", "close", "share", "bookmark"],
        "diagnostics": [{"code": "noTitle", "message": "m", "line": 3},
                        {"code": "truncated", "message": "n"}]
    }))
    .unwrap()
}

#[test]
fn writes_every_field_as_serde_json_does() {
    let doc = full();
    same(&doc);
    same(&Document::default());
    for options in [
        SpeechOptions::default(),
        SpeechOptions {
            include_meta: true,
            include_breadcrumb: true,
            include_contents: true,
            ..SpeechOptions::default()
        },
    ] {
        same(&speech_plan(&doc, &options));
    }
}

#[test]
fn writes_every_name_as_serde_json_does() {
    let meta = [
        "indexNo",
        "docNo",
        "written",
        "published",
        "publisher",
        "disclosure",
        "topic",
        "validity",
        "source",
        "views",
        "expires",
        "effective",
        "keywords",
        "title",
        "summary",
        "department",
        "created",
        "scope",
        "review",
        "author",
        "other",
    ];
    let codes = [
        "noTitle",
        "noBody",
        "noContent",
        "duplicateMeta",
        "outlineGap",
        "tooDeep",
        "garbled",
        "unplaced",
        "truncated",
    ];
    let doc: Document = serde_json::from_value(json!({
        "version": 1,
        "meta": meta.iter().map(|key| json!({"key": key, "label": "", "value": ""})).collect::<Vec<_>>(),
        "diagnostics": codes.iter().map(|code| json!({"code": code, "message": ""})).collect::<Vec<_>>(),
        "actions": ["print", "close", "share", "bookmark"],
    }))
    .unwrap();
    same(&doc);
    let kinds = [
        "title",
        "breadcrumb",
        "meta",
        "heading",
        "paragraph",
        "listItem",
        "tableCell",
        "caption",
        "attachment",
        "signature",
        "addressee",
        "note",
        "contents",
        "image",
    ];
    let chunks: Vec<Chunk> = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            serde_json::from_value(
                json!({"index": i, "target": "t", "kind": kind, "text": "x", "display": "y"}),
            )
            .unwrap()
        })
        .collect();
    same(&chunks);
    // Every variant once: a name written twice would read back the same.
    for (chunk, kind) in chunks.iter().zip(kinds) {
        assert_eq!(chunk.kind.as_str(), kind);
    }
}

#[test]
fn writes_every_control_character_and_quote_as_serde_json_does() {
    let all: String = (0u32..0x100).filter_map(char::from_u32).collect();
    let mut out = String::new();
    write_str(&mut out, &all);
    assert_eq!(out, serde_json::to_string(&all).unwrap());
}

/// Escapes at every offset of a word, among ASCII and Chinese text: the
/// eight-byte skip must never step over one.
#[test]
fn writes_an_escape_at_any_offset_as_serde_json_does() {
    for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', '\u{7f}', ' ', '\u{20}'] {
        for len in 0..30 {
            for at in 0..=len {
                let mut text: String = "通知ab公开c".chars().cycle().take(len).collect();
                let at = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(at)
                    .unwrap_or(text.len());
                text.insert(at, special);
                let mut out = String::new();
                write_str(&mut out, &text);
                assert_eq!(out, serde_json::to_string(&text).unwrap(), "{text:?}");
            }
        }
    }
}

#[test]
fn writes_the_scale_steps_and_speech_rates_as_serde_json_does() {
    for (step, _) in crate::theme::SCALE_STEPS {
        let mut out = String::new();
        write_f32(&mut out, step);
        assert_eq!(out, serde_json::to_string(&step).unwrap());
    }
    // Every rate in hundredths and thousandths from 0.5 to 3.
    for thousandths in 500..=3000u16 {
        let rate = f32::from(thousandths) / 1000.0;
        let mut out = String::new();
        write_f32(&mut out, rate);
        assert_eq!(out, serde_json::to_string(&rate).unwrap(), "{rate}");
    }
}

proptest! {
    #[test]
    fn writes_any_string_as_serde_json_does(text in any::<String>()) {
        let mut out = String::new();
        write_str(&mut out, &text);
        prop_assert_eq!(out, serde_json::to_string(&text).unwrap());
    }

    #[test]
    fn writes_any_small_float_as_serde_json_does(value in 0.1f32..4.0) {
        let mut out = String::new();
        write_f32(&mut out, value);
        prop_assert_eq!(out, serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn writes_any_float_below_2_to_the_24_as_serde_json_does(rate in 0.1f32..16_777_216.0) {
        let mut out = String::new();
        write_f32(&mut out, rate);
        prop_assert_eq!(out, serde_json::to_string(&rate).unwrap());
    }
}
