//! parse_json reads back what the model writes, and never panics.

mod json_samples;

use proptest::prelude::*;
use serde_json::{json, Value};
use yilan::model::Document;
use yilan::parse::json::{from_value, validate};
use yilan::parse_json;

fn round_trip(doc: &Document) {
    validate(doc).unwrap();
    let compact = serde_json::to_string(doc).unwrap();
    assert_eq!(&parse_json(&compact).unwrap(), doc);
    let pretty = serde_json::to_string_pretty(doc).unwrap();
    assert_eq!(&parse_json(&pretty).unwrap(), doc);
    assert_eq!(
        &from_value(serde_json::to_value(doc).unwrap()).unwrap(),
        doc
    );
}

#[test]
fn the_full_sample_round_trips() {
    let doc = json_samples::full();
    // The sample is what it claims: every block type, sections four deep.
    let mut types = std::collections::BTreeSet::new();
    let mut deepest = 0;
    yilan::ids::walk(&doc, |path, block| {
        let value = serde_json::to_value(block).unwrap();
        types.insert(value["type"].as_str().unwrap().to_owned());
        deepest = deepest.max(path.len());
    });
    assert_eq!(
        types.len(),
        json_samples::serde_names::<yilan::model::Block>(r#"{"type": "?"}"#).len()
    );
    assert_eq!(deepest, 5, "four sections and a block inside");
    assert_eq!(doc.meta.len(), 21);
    assert_eq!(doc.actions.len(), 4);
    assert_eq!(doc.diagnostics.len(), 9);
    round_trip(&doc);
}

#[test]
fn the_minimal_sample_round_trips() {
    round_trip(&json_samples::minimal());
    round_trip(&Document::default());
}

#[test]
fn defaults_fill_what_is_left_out() {
    let doc = parse_json(
        r#"{"version": 1, "body": [
            {"type": "section", "level": 1, "marker": "一、", "heading": "总则", "blocks": [
                {"type": "table", "rows": [{"cells": [{"text": "a"}]}]},
                {"type": "list", "ordered": true, "items": [{"text": "b"}]}
            ]}
        ]}"#,
    )
    .unwrap();
    let expected: Value = json!({
        "version": 1,
        "lang": "zh-CN",
        "title": null,
        "breadcrumb": [],
        "meta": [],
        "body": [{"type": "section", "level": 1, "marker": "一、", "heading": "总则", "runIn": false, "blocks": [
            {"type": "table", "rows": [{"header": false, "cells": [{"text": "a"}]}]},
            {"type": "list", "ordered": true, "items": [{"marker": "", "text": "b"}]}
        ]}],
        "actions": [],
        "diagnostics": []
    });
    assert_eq!(serde_json::to_value(&doc).unwrap(), expected);
}

#[test]
fn a_byte_order_mark_is_not_json() {
    // The command line strips it; the library takes JSON text as it is.
    let err = parse_json("\u{feff}{\"version\": 1}").unwrap_err();
    assert_eq!(err.code, yilan::ErrorCode::Syntax);
}

/// Any JSON value, with the model's own field names and block types as
/// keys and strings often enough to get past the first checks.
fn json_values() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(vec![
        "version",
        "lang",
        "title",
        "breadcrumb",
        "meta",
        "body",
        "actions",
        "diagnostics",
        "type",
        "section",
        "paragraph",
        "list",
        "table",
        "level",
        "marker",
        "heading",
        "runIn",
        "blocks",
        "text",
        "inlines",
        "items",
        "rows",
        "cells",
        "colspan",
        "rowspan",
        "entries",
        "key",
        "label",
        "value",
        "href",
        "code",
        "line",
        "indexNo",
        "print",
        "contents",
        "note",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..300).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        names.clone().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(8, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((names.clone(), inner), 0..6).prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn valid_documents_round_trip(doc in json_samples::documents()) {
        validate(&doc).unwrap();
        let text = serde_json::to_string(&doc).unwrap();
        prop_assert_eq!(parse_json(&text).unwrap(), doc);
    }

    #[test]
    fn any_text_gives_a_document_or_an_error(input in any::<String>()) {
        let _ = parse_json(&input);
    }

    #[test]
    fn any_json_gives_a_document_or_an_error(value in json_values(), version_1 in any::<bool>()) {
        let mut value = value;
        // Most random values fail the version check; often give them version 1.
        if let (true, Value::Object(map)) = (version_1, &mut value) {
            map.insert("version".into(), Value::from(1));
        }
        let text = value.to_string();
        let parsed = parse_json(&text);
        // The same value, already parsed, gives the same answer.
        prop_assert_eq!(parsed.clone(), from_value(value));
        if let Ok(doc) = parsed {
            prop_assert!(validate(&doc).is_ok());
        }
    }

    #[test]
    fn the_same_input_gives_the_same_answer(value in json_values()) {
        let text = value.to_string();
        prop_assert_eq!(parse_json(&text), parse_json(&text));
    }
}
