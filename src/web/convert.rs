//! Values across the boundary: Rust data ⇄ plain JS objects.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{JsString, JSON};
use wasm_bindgen::JsValue;

use super::error::{model_error, web_error, WebErrorCode};
use crate::json_out::{to_json, WriteJson};
use crate::model::Document;
use crate::parse::json::{read_json, ParseJsonOptions, Source};

/// Serialises to a JSON-like JS value: maps become plain objects and `None`
/// becomes `null`, so the result equals `JSON.parse` of the model JSON. It
/// goes through JSON text and the browser's `JSON.parse`: one string
/// crosses the boundary, where building the object from wasm would cross it
/// once per value (and decode every string on its own). The text is
/// written by hand ([`crate::json_out`]), as serde_json would write it.
pub(super) fn to_js<T: WriteJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    JSON::parse(&to_json(value)).map_err(|_| unreadable())
}

fn unreadable() -> JsValue {
    web_error(
        WebErrorCode::Internal,
        "the browser could not read the JSON written",
        None,
    )
}

/// The document the last parse handed over, and the JSON text (a
/// JavaScript string) it went over as.
struct Last {
    text: JsString,
    doc: Rc<Document>,
}

thread_local! {
    /// The usual next step after a parse is to render or mount the very
    /// document it returned: the package's entry hands back the text of a
    /// document object still untouched (the very string), and an object
    /// whose `JSON.stringify` gives the same text is the same document. It
    /// is then this one, already read and checked, and reading the text
    /// again would only rebuild it. The texts are compared in JavaScript
    /// (`===`, at once for the very string), so a hit copies nothing into
    /// wasm. Any change to the object (or a text the browser writes
    /// differently) misses and is read in full. One slot: the last
    /// document only.
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
}

/// A document a parse made → its model JSON, as the JavaScript string the
/// package's entry makes its document object of (`js/index.js`, which reads
/// the text only when a property is first used); the document stays as
/// [`LAST`] for [`document_from_js`].
pub(super) fn document_to_text(doc: Rc<Document>) -> JsValue {
    let text = JsString::from(to_json(&*doc).as_str());
    let value = JsValue::from(&text);
    LAST.with(|last| *last.borrow_mut() = Some(Last { text, doc }));
    value
}

/// [`LAST`]'s document when `text` is the JSON it went over as: a document
/// a parse made, so also one whose JSON is over the reading limit (a parse
/// of page text near its own limit), which a copy of it would be refused for.
fn last_document(text: &JsValue) -> Option<Rc<Document>> {
    LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|last| *text == **last.text)
            .map(|last| Rc::clone(&last.doc))
    })
}

/// Model JSON, as text or as an already parsed object, → a checked
/// [`Document`], through exactly the native [`crate::parse_json`]: same
/// checks, same error codes and paths. An object is first turned back into
/// text by the browser's `JSON.stringify`; reading it directly with
/// serde-wasm-bindgen would skip `deny_unknown_fields` (it looks up only the
/// known fields of a struct), so the two paths would disagree. The object
/// the last parse returned, unchanged, is its document (see [`LAST`]).
/// `name`: the argument's, for an `argument` error's path.
pub(super) fn document_from_js(input: &JsValue, name: &str) -> Result<Rc<Document>, JsValue> {
    let text: JsValue = if input.is_string() {
        input.clone()
    } else if input.is_object() {
        JSON::stringify(input)
            .ok()
            .map(JsValue::from)
            .filter(JsValue::is_string)
            .ok_or_else(|| {
                web_error(
                    WebErrorCode::Argument,
                    "the document cannot be written as JSON (a cycle or a BigInt?)",
                    Some(name),
                )
            })?
    } else {
        return Err(web_error(
            WebErrorCode::Argument,
            "expected model JSON as a string or an object",
            Some(name),
        ));
    };
    if let Some(doc) = last_document(&text) {
        return Ok(doc);
    }
    // An object's errors are placed by path alone: the text it was written
    // as is not the caller's.
    let source = if input.is_string() {
        Source::Text
    } else {
        Source::Object
    };
    let text = text.as_string().unwrap_or_default();
    read_json(&text, &ParseJsonOptions::default(), source)
        .map(Rc::new)
        .map_err(|e| model_error(&e))
}
