//! Values across the boundary: Rust data ⇄ plain JS objects.

use js_sys::JSON;
use wasm_bindgen::JsValue;

use super::error::{model_error, web_error, WebErrorCode};
use crate::json_out::{to_json, WriteJson};
use crate::model::Document;

/// Serialises to a JSON-like JS value: maps become plain objects and `None`
/// becomes `null`, so the result equals `JSON.parse` of the model JSON. It
/// goes through JSON text and the browser's `JSON.parse`: one string
/// crosses the boundary, where building the object from wasm would cross it
/// once per value (and decode every string on its own). The text is
/// written by hand ([`crate::json_out`]), as serde_json would write it.
pub(super) fn to_js<T: WriteJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    JSON::parse(&to_json(value)).map_err(|_| {
        web_error(
            WebErrorCode::Internal,
            "the browser could not read the JSON written",
            None,
        )
    })
}

/// Model JSON, as text or as an already parsed object, → a checked
/// [`Document`], through exactly the native [`crate::parse_json`]: same
/// checks, same error codes and paths. An object is first turned back into
/// text by the browser's `JSON.stringify`; reading it directly with
/// serde-wasm-bindgen would skip `deny_unknown_fields` (it looks up only the
/// known fields of a struct), so the two paths would disagree.
pub(super) fn document_from_js(input: &JsValue) -> Result<Document, JsValue> {
    let text = if let Some(text) = input.as_string() {
        text
    } else if input.is_object() {
        JSON::stringify(input)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| {
                web_error(
                    WebErrorCode::Argument,
                    "the document cannot be written as JSON (a cycle or a BigInt?)",
                    None,
                )
            })?
    } else {
        return Err(web_error(
            WebErrorCode::Argument,
            "expected model JSON as a string or an object",
            None,
        ));
    };
    crate::parse_json(&text).map_err(|e| model_error(&e))
}
