//! schema/document.schema.json describes exactly the model: the same fields,
//! the same required fields, the same enum values, and it accepts what
//! parse_json accepts (where JSON Schema can say so).

mod json_samples;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use jsonschema::Validator;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use yilan::error::{Diagnostic, DiagnosticCode};
use yilan::model::{
    Action, Attachment, Attachments, Block, Contents, ContentsEntry, Crumb, Document, Image,
    Inline, List, ListItem, MetaField, MetaKey, Paragraph, Section, Signature, Table, TableCell,
    TableRow, TextBlock,
};
use yilan::parse_json;

use json_samples::serde_names;

const SCHEMA: &str = include_str!("../schema/document.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| jsonschema::draft202012::new(&schema()).expect("the schema compiles"))
}

/// serde's field list of a struct that denies unknown fields.
fn fields<T: serde::de::DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
    serde_names::<T>(r#"{"?": 0}"#)
}

/// A schema definition for a Rust struct: its name in `$defs` ("" for the
/// root), serde's list of the struct's fields, whether it is a block (with
/// a `type` tag), and where the full sample holds a complete instance.
struct Def {
    name: &'static str,
    fields: fn() -> Vec<String>,
    block: bool,
    sample: &'static str,
}

fn defs() -> Vec<Def> {
    let def = |name, fields, block, sample| Def {
        name,
        fields,
        block,
        sample,
    };
    vec![
        def("", fields::<Document>, false, ""),
        def("crumb", fields::<Crumb>, false, "/breadcrumb/0"),
        def("metaField", fields::<MetaField>, false, "/meta/0"),
        def("addressee", fields::<TextBlock>, true, "/body/0"),
        def("contents", fields::<Contents>, true, "/body/1"),
        def(
            "contentsEntry",
            fields::<ContentsEntry>,
            false,
            "/body/1/entries/0",
        ),
        def("section", fields::<Section>, true, "/body/2"),
        def("paragraph", fields::<Paragraph>, true, "/body/2/blocks/0"),
        def(
            "inline",
            fields::<Inline>,
            false,
            "/body/2/blocks/0/inlines/1",
        ),
        def("list", fields::<List>, true, "/body/3"),
        def("listItem", fields::<ListItem>, false, "/body/3/items/0"),
        def("table", fields::<Table>, true, "/body/4"),
        def("tableRow", fields::<TableRow>, false, "/body/4/rows/0"),
        def(
            "tableCell",
            fields::<TableCell>,
            false,
            "/body/4/rows/0/cells/0",
        ),
        def(
            "cellImage",
            fields::<Image>,
            false,
            "/body/4/rows/0/cells/0/images/0",
        ),
        def("attachments", fields::<Attachments>, true, "/body/5"),
        def("attachment", fields::<Attachment>, false, "/body/5/items/0"),
        def("image", fields::<Image>, true, "/body/6"),
        def("signature", fields::<Signature>, true, "/body/7"),
        def("note", fields::<TextBlock>, true, "/body/8"),
        def("diagnostic", fields::<Diagnostic>, false, "/diagnostics/0"),
    ]
}

/// Definitions that are not structs: the enums and two shared pieces.
const OTHER_DEFS: &[&str] = &["block", "inlines", "metaKey", "action", "diagnosticCode"];

fn schema_def<'a>(schema: &'a Value, name: &str) -> &'a Value {
    if name.is_empty() {
        schema
    } else {
        &schema["$defs"][name]
    }
}

fn keys(object: &Value) -> BTreeSet<String> {
    object
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn strings(array: &Value) -> BTreeSet<String> {
    array
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {array}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn full_value() -> Value {
    serde_json::to_value(json_samples::full()).unwrap()
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(jsonschema::meta::is_valid(&schema));
}

#[test]
fn every_definition_is_described() {
    let schema = schema();
    assert!(schema["description"].is_string());
    for (name, def) in schema["$defs"].as_object().unwrap() {
        assert!(
            def["description"].is_string(),
            "$defs/{name} has no description"
        );
    }
}

#[test]
fn the_schema_has_the_model_s_fields_and_no_others() {
    let schema = schema();
    let full = full_value();
    for def in defs() {
        let mut rust: BTreeSet<String> = (def.fields)().into_iter().collect();
        if def.block {
            rust.insert("type".to_owned());
        }
        let ours = keys(&schema_def(&schema, def.name)["properties"]);
        assert_eq!(ours, rust, "properties of $defs/{}", def.name);
        // The sample has every field, so the checks below touch each one.
        let sample = full.pointer(def.sample).unwrap();
        assert_eq!(keys(sample), rust, "sample at {}", def.sample);
        if def.block {
            assert_eq!(
                sample["type"],
                schema_def(&schema, def.name)["properties"]["type"]["const"]
            );
        }
    }
    let mut expected: BTreeSet<String> = defs()
        .iter()
        .filter(|d| !d.name.is_empty())
        .map(|d| d.name.to_owned())
        .collect();
    expected.extend(OTHER_DEFS.iter().map(|s| s.to_string()));
    assert_eq!(keys(&schema["$defs"]), expected, "the schema's $defs");
}

#[test]
fn the_schema_requires_what_serde_requires() {
    let schema = schema();
    let full = full_value();
    for def in defs() {
        let sample = full.pointer(def.sample).unwrap().as_object().unwrap();
        let rust: BTreeSet<String> = sample
            .keys()
            .filter(|field| {
                let mut doc = full.clone();
                doc.pointer_mut(def.sample)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(*field);
                parse_json(&doc.to_string()).is_err()
            })
            .cloned()
            .collect();
        let ours = strings(&schema_def(&schema, def.name)["required"]);
        assert_eq!(ours, rust, "required fields of $defs/{}", def.name);
    }
}

#[test]
fn the_enums_list_every_variant() {
    let schema = schema();
    let defs = &schema["$defs"];
    let set = |names: Vec<String>| names.into_iter().collect::<BTreeSet<_>>();
    assert_eq!(
        strings(&defs["metaKey"]["enum"]),
        set(serde_names::<MetaKey>(r#""?""#))
    );
    assert_eq!(
        strings(&defs["action"]["enum"]),
        set(serde_names::<Action>(r#""?""#))
    );
    assert_eq!(
        strings(&defs["diagnosticCode"]["enum"]),
        set(serde_names::<DiagnosticCode>(r#""?""#))
    );
    // Block types: the `type` consts of the definitions `block` offers.
    let tags: BTreeSet<String> = defs["block"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let name = r["$ref"].as_str().unwrap().trim_start_matches("#/$defs/");
            defs[name]["properties"]["type"]["const"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(tags, set(serde_names::<Block>(r#"{"type": "?"}"#)));
}

#[test]
fn the_samples_are_valid() {
    let validator = validator();
    for doc in [
        json_samples::full(),
        json_samples::minimal(),
        Document::default(),
    ] {
        let value = serde_json::to_value(&doc).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

/// Values put in place of each field (or added as an unknown field) by the
/// differential test.
fn replacements() -> Vec<Option<Value>> {
    let mut values = vec![None];
    for v in [
        json!(null),
        json!(false),
        json!(true),
        json!(0),
        json!(1),
        json!(2),
        json!(5),
        json!(-1),
        json!(1.0),
        json!(1.5),
        json!(70000),
        json!(""),
        json!("x"),
        json!("zh-CN"),
        json!("print"),
        json!("indexNo"),
        json!([]),
        json!(["x"]),
        json!({}),
        // serde's map form of an enum variant, one for each enum.
        json!({"print": null}),
        json!({"indexNo": null}),
        json!({"noTitle": null}),
    ] {
        values.push(Some(v));
    }
    values
}

/// Where parse_json may reject what the schema accepts, because JSON Schema
/// cannot say it: a section deeper than its parent, inlines that join to
/// their owner's text, and integers written as 1.0 (an integer to JSON
/// Schema, a float to serde).
fn stricter_in_rust(def: &str, field: &str, value: &Option<Value>) -> bool {
    let is = |d: &str, f: &str| def == d && field == f;
    (is("section", "level") && value.as_ref().is_some_and(Value::is_number))
        || (field == "text" && ["paragraph", "listItem", "tableCell", "inline"].contains(&def))
        || value
            .as_ref()
            .is_some_and(|v| v.is_f64() && v.as_f64() == Some(1.0))
}

#[test]
fn the_schema_and_parse_json_agree_on_each_field() {
    let validator = validator();
    let full = full_value();
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for def in defs() {
        let sample = full.pointer(def.sample).unwrap().as_object().unwrap();
        let mut fields: Vec<String> = sample.keys().cloned().collect();
        fields.push("unknownField".to_owned());
        for field in &fields {
            for value in replacements() {
                let mut doc = full.clone();
                let object: &mut Map<String, Value> = doc
                    .pointer_mut(def.sample)
                    .unwrap()
                    .as_object_mut()
                    .unwrap();
                match &value {
                    Some(v) => object.insert(field.clone(), v.clone()),
                    None => object.remove(field),
                };
                let rust = parse_json(&doc.to_string());
                let schema_ok = validator.is_valid(&doc);
                checked += 1;
                if rust.is_ok() == schema_ok
                    || (rust.is_err() && stricter_in_rust(def.name, field, &value))
                {
                    continue;
                }
                disagreements.push(format!(
                    "{}{} = {}: parse_json {:?}, schema {}",
                    def.sample,
                    format_args!("/{field}"),
                    value.map_or("(removed)".to_owned(), |v| v.to_string()),
                    rust.map(|_| "accepts").map_err(|e| e.to_string()),
                    if schema_ok { "accepts" } else { "rejects" }
                ));
            }
        }
    }
    assert!(checked > 1500, "only {checked} cases");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn invalid_documents_fail_both() {
    let validator = validator();
    let para = r#"{"type": "paragraph", "text": "a"}"#;
    let cases = [
        r#"{"body": []}"#.to_owned(),
        r#"{"version": 2}"#.to_owned(),
        r#"{"version": 1, "lang": ""}"#.to_owned(),
        r#"{"version": 1, "titel": "a"}"#.to_owned(),
        r#"{"version": 1, "meta": [{"key": "index", "label": "索引号", "value": ""}]}"#.to_owned(),
        r#"{"version": 1, "actions": ["fly"]}"#.to_owned(),
        r#"{"version": 1, "diagnostics": [{"code": "noTitle", "message": "", "line": 0}]}"#.to_owned(),
        format!(r#"{{"version": 1, "body": [{para}, {{"type": "heading", "text": "a"}}]}}"#),
        r#"{"version": 1, "body": [{"type": "section", "level": 5, "marker": "", "heading": "", "blocks": []}]}"#.to_owned(),
        r#"{"version": 1, "body": [{"type": "section", "level": 0, "marker": "", "heading": "", "blocks": []}]}"#.to_owned(),
        r#"{"version": 1, "body": [{"type": "section", "level": 1, "marker": "", "blocks": []}]}"#.to_owned(),
        format!(r#"{{"version": 1, "body": [{{"type": "section", "level": 1, "marker": "", "heading": "", "blocks": [{para}, {{"type": "note", "text": "a", "bold": true}}]}}]}}"#),
        r#"{"version": 1, "body": [{"type": "table", "rows": [{"cells": [{"text": "a", "colspan": 0}]}]}]}"#.to_owned(),
        r#"{"version": 1, "body": [{"type": "table", "rows": [{"cells": [{"text": "a", "rowspan": 65535}]}]}]}"#.to_owned(),
        r#"{"version": 1, "body": [{"type": "contents", "entries": [{"level": 0, "text": "a"}]}]}"#.to_owned(),
        r#"{"version": 1, "body": [{"type": "list", "ordered": "yes", "items": []}]}"#.to_owned(),
    ];
    for case in cases {
        let value: Value = serde_json::from_str(&case).unwrap();
        assert!(!validator.is_valid(&value), "schema accepts {case}");
        assert!(parse_json(&case).is_err(), "parse_json accepts {case}");
    }
}

#[test]
fn what_only_parse_json_rejects() {
    // JSON Schema cannot compare a section's level with its parent's, nor
    // join inline texts; the schema's descriptions say parse_json checks them.
    let validator = validator();
    for case in [
        r#"{"version": 1, "body": [{"type": "section", "level": 2, "marker": "", "heading": "", "blocks": [
            {"type": "section", "level": 2, "marker": "", "heading": "", "blocks": []}]}]}"#,
        r#"{"version": 1, "body": [{"type": "paragraph", "text": "ab", "inlines": [{"text": "a"}]}]}"#,
    ] {
        let value: Value = serde_json::from_str(case).unwrap();
        assert!(validator.is_valid(&value), "{case}");
        assert_eq!(parse_json(case).unwrap_err().code, yilan::ErrorCode::Value);
    }
    assert!(SCHEMA.contains("deeper than its enclosing section's"));
    assert!(SCHEMA.contains("their texts joined equal it"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_documents_are_valid(doc in json_samples::documents()) {
        let value = serde_json::to_value(&doc).unwrap();
        let validator = validator();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }
}
