//! parse_json's errors: each code, with its exact path and message.

use yilan::model::{Block, Document, Paragraph, Section};
use yilan::parse::json::{
    from_value, parse_json_with, validate, ParseJsonOptions, DEFAULT_MAX_BYTES, MAX_NESTING,
};
use yilan::{parse_json, ErrorCode};

/// A document around `body`, the blocks' JSON.
fn with_body(body: &str) -> String {
    format!(r#"{{"version": 1, "title": "标题", "body": [{body}]}}"#)
}

/// A section's JSON with `blocks`.
fn section(level: &str, blocks: &str) -> String {
    format!(
        r#"{{"type": "section", "level": {level}, "marker": "一、", "heading": "总则", "blocks": [{blocks}]}}"#
    )
}

/// (what, input, code, path, message)
fn cases() -> Vec<(&'static str, String, ErrorCode, &'static str, &'static str)> {
    use ErrorCode::*;
    let para = r#"{"type": "paragraph", "text": "正文"}"#;
    vec![
        // ---- syntax ----
        ("empty input", String::new(), Syntax, "", "invalid JSON: EOF while parsing a value at line 1 column 0"),
        ("cut short", r#"{"version": 1, "title": "a" "#.into(), Syntax, "", "invalid JSON: EOF while parsing an object at line 1 column 28"),
        ("trailing comma", r#"{"version": 1,}"#.into(), Syntax, "", "invalid JSON: trailing comma at line 1 column 15"),
        ("text after the document", r#"{"version": 1} x"#.into(), Syntax, "", "invalid JSON: trailing characters at line 1 column 16"),
        // ---- half of a character, found with the syntax ----
        ("a lone surrogate (a string cut inside an emoji)", r#"{"version": 1, "title": "a\ud800b"}"#.into(), Value, "title", r"half of a character (a lone surrogate) in the \u escape at line 1 column 27: text must be whole characters"),
        // (A column counts bytes, as serde_json's do: 标题 is six.)
        ("a lone low surrogate deep in a block", with_body(r#"{"type": "paragraph", "text": "ab", "inlines": [{"text": "a"}, {"text": "\udc00"}]}"#), Value, "body[0].inlines[1].text", r"half of a character (a lone surrogate) in the \u escape at line 1 column 117: text must be whole characters"),
        ("a lone surrogate in a key", r#"{"version": 1, "t\ud83ditle": "a"}"#.into(), Value, "", r"a key with half of a character (a lone surrogate) in the \u escape at line 1 column 18: text must be whole characters"),
        // ---- version, checked before shape ----
        ("version missing", r#"{"title": 5}"#.into(), Version, "version", "missing model version (this library reads version 1)"),
        ("version 2", r#"{"version": 2, "body": "not blocks"}"#.into(), Version, "version", "unsupported model version 2 (this library reads version 1)"),
        ("version 0", r#"{"version": 0}"#.into(), Version, "version", "unsupported model version 0 (this library reads version 1)"),
        ("version as a string", r#"{"version": "1"}"#.into(), Version, "version", r#"unsupported model version "1" (this library reads version 1)"#),
        ("version 1.0", r#"{"version": 1.0}"#.into(), Version, "version", "unsupported model version 1.0 (this library reads version 1)"),
        ("version null", r#"{"version": null}"#.into(), Version, "version", "unsupported model version null (this library reads version 1)"),
        ("version an object", r#"{"version": {"major": 1}}"#.into(), Version, "version", "unsupported model version (an object) (this library reads version 1)"),
        // ---- shape: the root ----
        ("root an array", "[1]".into(), Shape, "", "expected the document, a JSON object, got an array"),
        ("root a string", r#""doc""#.into(), Shape, "", "expected the document, a JSON object, got a string"),
        ("unknown root field", r#"{"version": 1, "titel": "a"}"#.into(), Shape, "titel", "unknown field `titel`, expected one of `version`, `lang`, `title`, `breadcrumb`, `meta`, `body`, `actions`, `diagnostics`"),
        ("odd unknown key", r#"{"version": 1, "a b": 1}"#.into(), Shape, r#"["a b"]"#, "unknown field `a b`, expected one of `version`, `lang`, `title`, `breadcrumb`, `meta`, `body`, `actions`, `diagnostics`"),
        ("title a number", r#"{"version": 1, "title": 5}"#.into(), Shape, "title", "invalid type: integer `5`, expected a string"),
        ("body an object", r#"{"version": 1, "body": {}}"#.into(), Shape, "body", "invalid type: map, expected a sequence"),
        ("breadcrumb label missing", r#"{"version": 1, "breadcrumb": [{"label": "首页"}, {"href": "/"}]}"#.into(), Shape, "breadcrumb[1]", "missing field `label`"),
        ("unknown meta key", r#"{"version": 1, "meta": [{"key": "indexNumber", "label": "索引号", "value": ""}]}"#.into(), Shape, "meta[0].key", "unknown variant `indexNumber`, expected one of `indexNo`, `docNo`, `written`, `published`, `publisher`, `disclosure`, `topic`, `validity`, `source`, `views`, `expires`, `effective`, `keywords`, `title`, `summary`, `department`, `created`, `scope`, `review`, `author`, `other`"),
        ("meta key a number", r#"{"version": 1, "meta": [{"key": 1, "label": "索引号", "value": ""}]}"#.into(), Shape, "meta[0].key", "invalid type: integer `1`, expected a string"),
        ("title given twice", r#"{"version": 1, "title": "a", "title": "b"}"#.into(), Shape, "title", "duplicate field `title`"),
        ("version given twice", r#"{"version": 1, "version": 1}"#.into(), Shape, "version", "duplicate field `version`"),
        // Each `version` counts where it stands: the first is the one checked.
        ("a second version", r#"{"version": 2, "version": 1}"#.into(), Version, "version", "unsupported model version 2 (this library reads version 1)"),
        // The first of the two read first: its own problem comes first.
        ("the first of two titles wrong", r#"{"version": 1, "title": 5, "title": "a"}"#.into(), Shape, "title", "invalid type: integer `5`, expected a string"),
        ("body given twice", r#"{"version": 1, "body": [], "title": "a", "body": []}"#.into(), Shape, "body", "duplicate field `body`"),
        ("meta field given twice", r#"{"version": 1, "meta": [{"key": "other", "label": "a", "value": "1", "label": "b"}]}"#.into(), Shape, "meta[0].label", "duplicate field `label`"),
        ("unknown meta field", r#"{"version": 1, "meta": [{"key": "other", "label": "a", "value": "", "note": ""}]}"#.into(), Shape, "meta[0].note", "unknown field `note`, expected one of `key`, `label`, `value`"),
        ("action as a map", r#"{"version": 1, "actions": ["print", {"close": null}]}"#.into(), Shape, "actions[1]", "invalid type: map, expected a string"),
        ("meta key as a map", r#"{"version": 1, "meta": [{"key": {"indexNo": null}, "label": "索引号", "value": ""}]}"#.into(), Shape, "meta[0].key", "invalid type: map, expected a string"),
        ("diagnostic code as a map", r#"{"version": 1, "diagnostics": [{"code": {"noTitle": null}, "message": ""}]}"#.into(), Shape, "diagnostics[0].code", "invalid type: map, expected a string"),
        ("block type as a variant number", with_body(r#"{"type": 1, "text": "a"}"#), Shape, "body[0].type", "invalid type: a number, expected a block type string"),
        ("unknown action", r#"{"version": 1, "actions": ["print", "fly"]}"#.into(), Shape, "actions[1]", "unknown variant `fly`, expected one of `print`, `close`, `share`, `bookmark`"),
        // ---- shape: blocks, with the full path inside them ----
        ("block not an object", with_body(r#""正文""#), Shape, "body[0]", "expected a block, an object with a `type`, got a string"),
        ("block type missing", with_body(r#"{"text": "正文"}"#), Shape, "body[0]", "missing field `type`"),
        ("block type a number", with_body(r#"{"type": 1}"#), Shape, "body[0].type", "invalid type: a number, expected a block type string"),
        ("unknown block type", with_body(&format!(r#"{para}, {{"type": "heading", "text": "a"}}"#)), Shape, "body[1].type", "unknown block type `heading`, expected one of `section`, `paragraph`, `list`, `table`, `attachments`, `signature`, `addressee`, `note`, `contents`, `image`"),
        ("block type given twice", with_body(r#"{"type": "note", "text": "a", "type": "paragraph"}"#), Shape, "body[0].type", "duplicate field `type`"),
        ("block field given twice", with_body(r#"{"type": "paragraph", "text": "a", "text": "b"}"#), Shape, "body[0].text", "duplicate field `text`"),
        ("section blocks given twice", with_body(r#"{"type": "section", "level": 1, "marker": "", "heading": "", "blocks": [], "blocks": []}"#), Shape, "body[0].blocks", "duplicate field `blocks`"),
        ("deep: cell field given twice", with_body(&section("1", r#"{"type": "table", "rows": [{"cells": [{"text": "a", "colspan": 2, "colspan": 3}]}]}"#)), Shape, "body[0].blocks[0].rows[0].cells[0].colspan", "duplicate field `colspan`"),
        ("level a string", with_body(&section(r#""1""#, "")), Shape, "body[0].level", r#"invalid type: string "1", expected an integer from 1 to 4"#),
        ("level a fraction", with_body(&section("1.5", "")), Shape, "body[0].level", "invalid type: floating point `1.5`, expected an integer from 1 to 4"),
        ("level a whole float", with_body(&section("2.0", "")), Shape, "body[0].level", "invalid type: floating point `2.0`, expected an integer from 1 to 4"),
        ("level null", with_body(&section("null", "")), Shape, "body[0].level", "invalid type: null, expected an integer from 1 to 4"),
        ("heading missing", with_body(r#"{"type": "section", "level": 1, "marker": "", "blocks": []}"#), Shape, "body[0]", "missing field `heading`"),
        ("blocks missing", with_body(r#"{"type": "section", "level": 1, "marker": "", "heading": ""}"#), Shape, "body[0]", "missing field `blocks`"),
        ("blocks not a list", with_body(r#"{"type": "section", "level": 1, "marker": "", "heading": "", "blocks": 7}"#), Shape, "body[0].blocks", "invalid type: integer `7`, expected a sequence"),
        ("unknown section field", with_body(r#"{"type": "section", "level": 1, "marker": "", "heading": "", "blocks": [], "run_in": true}"#), Shape, "body[0].run_in", "unknown field `run_in`, expected one of `level`, `marker`, `heading`, `runIn`, `blocks`"),
        ("deep: level a boolean", with_body(&section("1", &section("2", &format!("{para}, {}", section("true", ""))))), Shape, "body[0].blocks[0].blocks[1].level", "invalid type: boolean `true`, expected an integer from 1 to 4"),
        ("deep: unknown field", with_body(&section("1", &format!("{para}, {}", r#"{"type": "note", "text": "a", "style": "bold"}"#))), Shape, "body[0].blocks[1].style", "unknown field `style`, expected `text`"),
        ("deep: unknown block type", with_body(&section("1", &section("2", r#"{"type": "quote"}"#))), Shape, "body[0].blocks[0].blocks[0].type", "unknown block type `quote`, expected one of `section`, `paragraph`, `list`, `table`, `attachments`, `signature`, `addressee`, `note`, `contents`, `image`"),
        ("inline field a string", with_body(r#"{"type": "paragraph", "text": "a", "inlines": [{"text": "a", "strong": "yes"}]}"#), Shape, "body[0].inlines[0].strong", r#"invalid type: string "yes", expected a boolean"#),
        ("cell colspan a fraction", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a", "colspan": 1.5}]}]}"#), Shape, "body[0].rows[0].cells[0].colspan", "invalid type: floating point `1.5`, expected an integer from 1 to 1000"),
        ("cell rowspan a string", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a", "rowspan": "2"}]}]}"#), Shape, "body[0].rows[0].cells[0].rowspan", r#"invalid type: string "2", expected an integer from 1 to 65534"#),
        ("contents level a fraction", with_body(r#"{"type": "contents", "entries": [{"level": 1.5, "text": "a"}]}"#), Shape, "body[0].entries[0].level", "invalid type: floating point `1.5`, expected an integer from 1 to 255"),
        ("diagnostic line a string", r#"{"version": 1, "diagnostics": [{"code": "garbled", "message": "", "line": "3"}]}"#.into(), Shape, "diagnostics[0].line", r#"invalid type: string "3", expected an integer from 1 to 4294967295"#),
        ("diagnostic line a fraction", r#"{"version": 1, "diagnostics": [{"code": "garbled", "message": "", "line": 2.5}]}"#.into(), Shape, "diagnostics[0].line", "invalid type: floating point `2.5`, expected an integer from 1 to 4294967295"),
        ("list item text missing", with_body(r#"{"type": "list", "ordered": true, "items": [{"marker": "一是"}]}"#), Shape, "body[0].items[0]", "missing field `text`"),
        // ---- value ----
        ("negative line", r#"{"version": 1, "diagnostics": [{"code": "noTitle", "message": "", "line": -3}]}"#.into(), Value, "diagnostics[0].line", "invalid value: integer `-3`, expected an integer from 1 to 4294967295"),
        ("level past a byte", with_body(&section("300", "")), Value, "body[0].level", "invalid value: integer `300`, expected an integer from 1 to 4"),
        ("level negative", with_body(&section("-1", "")), Value, "body[0].level", "invalid value: integer `-1`, expected an integer from 1 to 4"),
        ("cell image src a number", with_body(r#"{"type": "table", "rows": [{"cells": []}, {"cells": [{"text": "a"}, {"text": "b"}, {"text": "", "images": [{"src": 5, "alt": "照片"}]}]}]}"#), Shape, "body[0].rows[1].cells[2].images[0].src", "invalid type: integer `5`, expected a string"),
        ("cell image without src", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "", "images": [{"src": "a.png"}, {"alt": "照片"}]}]}]}"#), Shape, "body[0].rows[0].cells[0].images[1]", "missing field `src`"),
        ("cell image alt null", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "", "images": [{"src": "a.png", "alt": null}]}]}]}"#), Shape, "body[0].rows[0].cells[0].images[0].alt", "invalid type: null, expected a string"),
        ("cell image as a block", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "", "images": [{"type": "image", "src": "a.png"}]}]}]}"#), Shape, "body[0].rows[0].cells[0].images[0].type", "unknown field `type`, expected `src` or `alt`"),
        ("cell images not a list", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "", "images": {"src": "a.png"}}]}]}"#), Shape, "body[0].rows[0].cells[0].images", "invalid type: map, expected a sequence"),
        ("cell colspan negative", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a"}, {"text": "b", "colspan": -1}]}]}"#), Value, "body[0].rows[0].cells[1].colspan", "invalid value: integer `-1`, expected an integer from 1 to 1000"),
        ("cell colspan past 32 bits", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a", "colspan": 4294967296}]}]}"#), Value, "body[0].rows[0].cells[0].colspan", "invalid value: integer `4294967296`, expected an integer from 1 to 1000"),
        ("contents level past a byte", with_body(r#"{"type": "contents", "entries": [{"level": 256, "text": "a"}]}"#), Value, "body[0].entries[0].level", "invalid value: integer `256`, expected an integer from 1 to 255"),
        ("level 9", with_body(&format!("{para}, {para}, {para}, {}", section("1", &section("9", "")))), Value, "body[3].blocks[0].level", "expected 1 to 4, got 9"),
        ("level 0", with_body(&section("0", "")), Value, "body[0].level", "expected 1 to 4, got 0"),
        ("level not deeper", with_body(&section("2", &section("1", ""))), Value, "body[0].blocks[0].level", "expected more than 2, the enclosing section's level, got 1"),
        ("level equal to the parent's", with_body(&section("1", &format!("{para}, {}", section("1", "")))), Value, "body[0].blocks[1].level", "expected more than 1, the enclosing section's level, got 1"),
        ("inlines short of the text", with_body(r#"{"type": "paragraph", "text": "详见通知", "inlines": [{"text": "详见"}]}"#), Value, "body[0].inlines", "the inlines' texts joined must equal `text`, but differ from character 3 on"),
        ("inlines differ", with_body(r#"{"type": "paragraph", "text": "详见通知", "inlines": [{"text": "详见"}, {"text": "通告"}]}"#), Value, "body[0].inlines", "the inlines' texts joined must equal `text`, but differ from character 4 on"),
        ("inlines run past the text", with_body(r#"{"type": "paragraph", "text": "详见", "inlines": [{"text": "详见"}, {"text": "。"}]}"#), Value, "body[0].inlines", "the inlines' texts joined must equal `text`, but differ from character 3 on"),
        ("list item inlines", with_body(r#"{"type": "list", "ordered": false, "items": [{"text": "a"}, {"text": "b", "inlines": [{"text": "c"}]}]}"#), Value, "body[0].items[1].inlines", "the inlines' texts joined must equal `text`, but differ from character 1 on"),
        ("cell inlines", with_body(r#"{"type": "table", "rows": [{"cells": []}, {"cells": [{"text": "a", "inlines": [{"text": "ab"}]}]}]}"#), Value, "body[0].rows[1].cells[0].inlines", "the inlines' texts joined must equal `text`, but differ from character 2 on"),
        ("colspan 0", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a", "colspan": 0}]}]}"#), Value, "body[0].rows[0].cells[0].colspan", "expected 1 to 1000, got 0"),
        ("colspan 1001", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a", "colspan": 1001}]}]}"#), Value, "body[0].rows[0].cells[0].colspan", "expected 1 to 1000, got 1001"),
        ("rowspan 0", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a", "rowspan": 0}]}]}"#), Value, "body[0].rows[0].cells[0].rowspan", "expected 1 to 65534, got 0"),
        ("rowspan too tall", with_body(r#"{"type": "table", "rows": [{"cells": [{"text": "a", "rowspan": 65535}]}]}"#), Value, "body[0].rows[0].cells[0].rowspan", "expected 1 to 65534, got 65535"),
        ("contents level 0", with_body(r#"{"type": "contents", "entries": [{"level": 1, "text": "a"}, {"level": 0, "text": "b"}]}"#), Value, "body[0].entries[1].level", "expected at least 1, got 0"),
        ("empty lang", r#"{"version": 1, "lang": ""}"#.into(), Value, "lang", r#"expected a BCP 47 language tag such as zh-CN, got """#),
        ("lang with an underscore", r#"{"version": 1, "lang": "zh_CN"}"#.into(), Value, "lang", r#"expected a BCP 47 language tag such as zh-CN, got "zh_CN""#),
        ("diagnostic line 0", r#"{"version": 1, "diagnostics": [{"code": "garbled", "message": "", "line": 0}]}"#.into(), Value, "diagnostics[0].line", "expected at least 1 (lines count from 1), got 0"),
    ]
}

#[test]
fn each_error_has_its_code_path_and_message() {
    let mut failures = Vec::new();
    for (what, input, code, path, message) in cases() {
        match parse_json(&input) {
            Ok(_) => failures.push(format!("{what}: accepted")),
            Err(e) => {
                if (e.code, e.path.as_str(), e.message.as_str()) != (code, path, message) {
                    failures.push(format!(
                        "{what}:\n  got      {:?} {:?} {:?}\n  expected {:?} {:?} {:?}",
                        e.code, e.path, e.message, code, path, message
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_display_form_is_path_then_message() {
    let input = with_body(&format!(
        r#"{0}, {0}, {0}, {1}"#,
        r#"{"type": "note", "text": "a"}"#,
        section("1", &section("9", ""))
    ));
    let err = parse_json(&input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "body[3].blocks[0].level: expected 1 to 4, got 9"
    );
    // At the root there is no path to show.
    assert_eq!(
        parse_json("[]").unwrap_err().to_string(),
        "expected the document, a JSON object, got an array"
    );
}

#[test]
fn every_code_is_covered_by_the_table() {
    use ErrorCode::*;
    let codes: Vec<ErrorCode> = cases().into_iter().map(|c| c.2).collect();
    // tooLarge has its own tests below.
    for code in [Syntax, Shape, Value, Version] {
        assert!(codes.contains(&code), "{code:?}");
    }
}

#[test]
fn the_size_limit_is_checked_before_anything_else() {
    let input = r#"{"version": 1}"#; // 14 bytes
    let at_limit = ParseJsonOptions { max_bytes: 14 };
    assert!(parse_json_with(input, &at_limit).is_ok());

    let below = ParseJsonOptions { max_bytes: 13 };
    let err = parse_json_with(input, &below).unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(err.path, "");
    assert_eq!(
        err.message,
        "model JSON is 14 bytes, more than the limit of 13 bytes"
    );
    // Not even JSON, but too large first.
    assert_eq!(
        parse_json_with("x".repeat(14).as_str(), &below)
            .unwrap_err()
            .code,
        ErrorCode::TooLarge
    );
}

#[test]
fn the_default_limit_is_16_mib() {
    assert_eq!(ParseJsonOptions::default().max_bytes, 16 * 1024 * 1024);
    assert_eq!(DEFAULT_MAX_BYTES, 16 * 1024 * 1024);
    // A valid document padded with spaces to one byte past the limit.
    let mut input = String::from(r#"{"version": 1}"#);
    input.push_str(&" ".repeat(DEFAULT_MAX_BYTES + 1 - input.len()));
    let err = parse_json(&input).unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(
        err.message,
        "model JSON is 16777217 bytes, more than the limit of 16777216 bytes"
    );
    input.pop();
    assert!(parse_json(&input).is_ok());
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let arrays = "[".repeat(100_000) + &"]".repeat(100_000);
    let err = parse_json(&arrays).unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(
        err.message,
        "nested more than 127 levels deep at line 1 column 128"
    );
    assert_eq!(
        err.path,
        "[0][0][0][0][0][0][0][0]…[0][0][0][0][0][0][0][0]"
    );

    let objects = r#"{"a":"#.repeat(100_000);
    assert_eq!(parse_json(&objects).unwrap_err().code, ErrorCode::TooLarge);

    // Sections nested far past the model's four levels, inside a real
    // document: the nesting limit stops them before the level check.
    let mut sections = String::new();
    for _ in 0..1000 {
        sections.push_str(
            r#"{"type": "section", "level": 1, "marker": "", "heading": "", "blocks": ["#,
        );
    }
    let err = parse_json(&with_body(&sections)).unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
}

/// `{"x": {"x": … 1 … }}`, `depth` objects deep.
fn nested_objects(depth: usize) -> String {
    r#"{"x": "#.repeat(depth) + "1" + &"}".repeat(depth)
}

#[test]
fn nesting_too_deep_names_the_path_where_the_limit_is_crossed() {
    // The root is the first level, `title` the second: the 128th level is
    // `title` and 126 steps of `x` down, 127 steps in all, written as the
    // first and last eight.
    let input = format!(r#"{{"version": 1, "title": {}}}"#, nested_objects(3000));
    let err = parse_json(&input).unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(err.path, "title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x");
    assert_eq!(
        err.message,
        "nested more than 127 levels deep at line 1 column 781"
    );
    assert_eq!(
        err.to_string(),
        "title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x: nested more than 127 levels deep at line 1 column 781"
    );

    // Inside the body, past other values: the indices are the real ones.
    let inlines = "[".repeat(200) + &"]".repeat(200);
    let input = with_body(&format!(
        r#"{{"type": "note", "text": "a"}}, {{"type": "paragraph", "text": "a", "inlines": [{{"text": "a"}}, {inlines}]}}"#
    ));
    let err = parse_json(&input).unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(
        err.path,
        "body[1].inlines[1][0][0][0][0]…[0][0][0][0][0][0][0][0]"
    );

    // Short of the middle cut: every step.
    let err = parse_json(&format!("{}1{}", "[".repeat(200), "]".repeat(200))).unwrap_err();
    assert_eq!(err.path.matches("[0]").count(), 16);
}

#[test]
fn a_value_nested_too_deep_reads_as_its_text() {
    // (200 levels: serde_json writes and drops a value recursively.)
    let mut deep = serde_json::json!(1);
    for _ in 0..200 {
        deep = serde_json::json!({ "x": deep });
    }
    let value = serde_json::json!({"version": 1, "title": deep});
    let err = from_value(value.clone()).unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(err.path, "title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x");
    assert_eq!(err, parse_json(&value.to_string()).unwrap_err());
}

#[test]
fn the_nesting_limit_is_exact() {
    assert_eq!(MAX_NESTING, 127);
    let nested = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
    // Read as JSON, then refused as a document: not an object.
    assert_eq!(
        parse_json(&nested(MAX_NESTING)).unwrap_err().code,
        ErrorCode::Shape
    );
    assert_eq!(
        parse_json(&nested(MAX_NESTING + 1)).unwrap_err().code,
        ErrorCode::TooLarge
    );
}

#[test]
fn nesting_just_under_the_limit_reads() {
    // The root object and its body take two levels; sections two each:
    // 62 sections make 126 levels.
    let depth = (MAX_NESTING - 2) / 2;
    let mut json = String::new();
    for n in 0..depth {
        let level = (n + 1).min(4);
        json.push_str(&format!(
            r#"{{"type": "section", "level": {level}, "marker": "", "heading": "", "blocks": ["#
        ));
    }
    json.push_str(&"]}".repeat(depth));
    // It reads, then fails the level check at the fifth section, not before.
    let err = parse_json(&with_body(&json)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Value);
    assert_eq!(
        err.path,
        "body[0].blocks[0].blocks[0].blocks[0].blocks[0].level"
    );
    assert_eq!(
        err.message,
        "expected more than 4, the enclosing section's level, got 4"
    );
}

#[test]
fn validate_walks_a_deep_document_built_in_code_without_recursion() {
    // Built bottom-up: 100,000 sections, each the only block of its parent.
    let mut doc_body = vec![Block::Paragraph(Paragraph::plain("底"))];
    for _ in 0..100_000 {
        doc_body = vec![Block::Section(Section {
            level: 1,
            marker: String::new(),
            heading: String::new(),
            run_in: false,
            blocks: doc_body,
        })];
    }
    let doc = Document {
        body: doc_body,
        ..Document::default()
    };
    let err = validate(&doc).unwrap_err();
    assert_eq!(err.code, ErrorCode::Value);
    assert_eq!(err.path, "body[0].blocks[0].level");
    // Take it apart level by level: the derived drop would recurse.
    let mut blocks = doc.body;
    while let Some(Block::Section(section)) = blocks.pop() {
        blocks = section.blocks;
    }
}

#[test]
fn validate_alone_checks_the_version() {
    let doc = Document {
        version: 3,
        ..Document::default()
    };
    let err = validate(&doc).unwrap_err();
    assert_eq!(err.code, ErrorCode::Version);
    assert_eq!(
        err.to_string(),
        "version: unsupported model version 3 (this library reads version 1)"
    );
}

#[test]
fn links_are_not_checked_here() {
    // The renderer allow-lists URLs; model JSON may carry any string.
    let input = with_body(
        r#"{"type": "paragraph", "text": "点此", "inlines": [{"text": "点此", "href": "javascript:alert(1)"}]},
           {"type": "image", "src": "data:text/html,<script>alert(1)</script>"}"#,
    );
    let doc = parse_json(&input).unwrap();
    assert_eq!(doc.body.len(), 2);
}
