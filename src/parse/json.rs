//! Model JSON → validated [`Document`].
//!
//! Model JSON is the document model written out (see `schema/document.schema.json`).
//! Unlike page text and HTML it can be wrong, so reading it returns a
//! [`ModelError`] with a code, the JSON path of the culprit and a plain
//! message, e.g. `body[3].blocks[0].level: expected 1 to 4, got 9`.
//!
//! Reading goes in fixed steps, each with its own error code:
//!
//! 1. size: more than [`ParseJsonOptions::max_bytes`] → `tooLarge`;
//! 2. syntax: not JSON → `syntax`; nested deeper than [`MAX_NESTING`]
//!    (serde_json's recursion limit, which keeps deep input from
//!    overflowing the stack) → `tooLarge`, with the path of the array or
//!    object past the limit (`title.x.x…`: a path of more than 16 steps is
//!    written as its first and last 8 with `…` between them); a `\u`
//!    escape that is half of a character (a lone surrogate, as
//!    `JSON.stringify` writes a string cut inside an emoji) → `value`,
//!    with the path of the string (of the object, for a key);
//! 3. version, before anything else about the content: a missing or unknown
//!    `version` → `version`;
//! 4. shape: wrong types, missing or unknown fields, a field given twice,
//!    unknown block types or enum values → `shape`, with the full path
//!    even inside blocks, and serde's words for each problem (an integer
//!    field states the values the model allows in it: `expected an integer
//!    from 1 to 4` for a section's `level`, not the range of its Rust
//!    type);
//! 5. values ([`validate`]): ranges and consistency the types cannot express
//!    → `value`.
//!
//! The JSON is read by this crate's own small reader (`value.rs`), strict
//! RFC 8259 with serde_json's accept set and error words, then by
//! hand-written readers: scalars, enums and lists in `hand.rs`, each struct
//! from a table of its fields in `record.rs`; unit tests compare both with
//! serde_json and serde's derived readers. They part where this reader
//! says more: half of a character is placed by path, and a field given
//! twice is refused (serde_json's value tree keeps the last).
//!
//! Links (`href`, an image's `src`) are not checked here: any string is
//! accepted, and the renderer decides which URLs it writes out (it
//! allow-lists schemes), so a hostile link in model JSON is harmless.

mod hand;
mod heads;
mod number;
#[cfg(test)]
mod parity;
mod path;
mod read;
mod record;
#[cfg(test)]
mod reference;
mod validate;
pub(crate) mod value;

use value::{SyntaxError, Value};

use crate::error::{ErrorCode, ModelError};
use crate::model::{Document, MODEL_VERSION};

pub use validate::{validate, MAX_COLSPAN, MAX_ROWSPAN};

/// The default limit on the size of model JSON: 16 MiB, some fifty times
/// the largest page among the test fixtures (308 KB of HTML with long
/// tables). Reading takes about four times the input's size in memory at
/// the peak (it goes through a JSON value tree whose plain strings borrow
/// from the input), so 16 MiB costs some 70 MB; lower the limit where that
/// matters.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// How deeply arrays and objects may nest: 127 levels, serde_json's
/// recursion limit. A valid document nests 17 levels at most (four levels
/// of sections, then a table's cells and their inlines).
pub const MAX_NESTING: usize = 127;

/// How to read model JSON.
///
/// # Defaults
/// `max_bytes`: [`DEFAULT_MAX_BYTES`] (16 MiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseJsonOptions {
    /// The largest input accepted, in bytes of UTF-8; larger input is
    /// rejected with [`ErrorCode::TooLarge`] before it is read.
    pub max_bytes: usize,
}

impl Default for ParseJsonOptions {
    fn default() -> Self {
        ParseJsonOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Parses and validates model JSON with the default options.
///
/// ```
/// let doc = yilan::parse_json(r#"{"version": 1, "title": "通知", "body": []}"#).unwrap();
/// assert_eq!(doc.title.as_deref(), Some("通知"));
///
/// let err = yilan::parse_json(r#"{"version": 2}"#).unwrap_err();
/// assert_eq!(err.to_string(), "version: unsupported model version 2 (this library reads version 1)");
/// ```
pub fn parse_json(input: &str) -> Result<Document, ModelError> {
    parse_json_with(input, &ParseJsonOptions::default())
}

/// Parses and validates model JSON.
pub fn parse_json_with(input: &str, options: &ParseJsonOptions) -> Result<Document, ModelError> {
    read_json(input, options, Source::Text)
}

/// Where model JSON comes from, which decides how an error says where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Text the caller wrote: a place in it has a line and a column.
    Text,
    /// An object the caller built (a JavaScript object), written out as
    /// JSON only to be read: the caller never saw that text, so its lines
    /// and columns mean nothing, and a number that is not finite (NaN)
    /// became `null` in it. Only the browser binding reads one.
    #[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
    Object,
}

/// [`parse_json_with`] for JSON from `source`.
pub(crate) fn read_json(
    input: &str,
    options: &ParseJsonOptions,
    source: Source,
) -> Result<Document, ModelError> {
    if input.len() > options.max_bytes {
        return Err(ModelError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "model JSON is {} bytes, more than the limit of {} bytes",
                input.len(),
                options.max_bytes
            ),
        ));
    }
    // Read as a value tree first, not straight into the model: a syntax
    // error anywhere, then the version, are reported before any shape
    // error, whatever their order in the text.
    let value = value::parse(input).map_err(|e| syntax_error(e, source))?;
    from_tree(value, source)
}

/// Validates a JSON value (already parsed, e.g. by another JSON reader) into
/// a document: the version, shape and value checks of [`parse_json`], with
/// the same codes, paths and messages.
///
/// A [`serde_json::Value`] from elsewhere comes here for the same paths as
/// JSON text (it is read as its JSON text, nesting limit included: the
/// same errors as [`parse_json`] of that text, line and column too). A
/// [`Document`] deserialised directly from one needs only [`validate`], but
/// its shape errors are then the deserialiser's own, whose paths stop at
/// the enclosing block, and it also takes what serde takes beyond the
/// schema: a block `type` given as a variant number, an enum value written
/// as a map (`{"print": null}`).
///
/// Not in the wasm build, which has no serde_json.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_value(value: serde_json::Value) -> Result<Document, ModelError> {
    let text = value.to_string();
    let tree = value::parse(&text).map_err(|e| syntax_error(e, Source::Text))?;
    from_tree(tree, Source::Text)
}

/// The steps after syntax: the root, the version, the shape, the values.
fn from_tree(tree: Value<'_>, source: Source) -> Result<Document, ModelError> {
    let Value::Object(root) = tree else {
        return Err(ModelError::new(
            ErrorCode::Shape,
            "",
            format!(
                "expected the document, a JSON object, got {}",
                read::describe(&tree)
            ),
        ));
    };
    check_version(value::field(&root, "version"), source)?;
    let doc = read::document(root)?;
    validate(&doc)?;
    Ok(doc)
}

/// The `version` check, made before anything else so that a document of
/// another model version is reported as such, not as a pile of shape errors.
fn check_version(version: Option<&Value<'_>>, source: Source) -> Result<(), ModelError> {
    let problem = match version {
        None => "missing model version".to_owned(),
        Some(Value::Number(value::Number::Unsigned(v))) if *v == u64::from(MODEL_VERSION) => {
            return Ok(())
        }
        Some(v @ (Value::Number(_) | Value::String(_) | Value::Bool(_) | Value::Null)) => {
            format!("unsupported model version {}", read::excerpt(v))
        }
        Some(v) => format!("unsupported model version ({})", read::describe(v)),
    };
    // JSON has no NaN or Infinity: an object's are written out as `null`.
    let note = match (version, source) {
        (Some(Value::Null), Source::Object) => "NaN and Infinity become null in JSON; ",
        _ => "",
    };
    Err(ModelError::new(
        ErrorCode::Version,
        "version",
        format!("{problem} ({note}this library reads version {MODEL_VERSION})"),
    ))
}

/// A syntax error in serde_json's words; the nesting limit is `tooLarge`,
/// at the path of the value past it, and half of a character `value`, at
/// the path of its string; either at its line and column in text the
/// caller wrote.
fn syntax_error(error: SyntaxError, source: Source) -> ModelError {
    let (too_deep, half) = (error.is_too_deep(), error.is_half_character());
    let SyntaxError {
        what,
        line,
        column,
        path,
    } = error;
    if too_deep || half {
        let (code, mut message) = if too_deep {
            (
                ErrorCode::TooLarge,
                format!("nested more than {MAX_NESTING} levels deep"),
            )
        } else {
            (ErrorCode::Value, what.to_owned())
        };
        if source == Source::Text {
            if half {
                message.push_str(" in the \\u escape");
            }
            message.push_str(&format!(" at line {line} column {column}"));
        }
        if half {
            message.push_str(": text must be whole characters");
        }
        return ModelError::new(code, path, message);
    }
    ModelError::new(
        ErrorCode::Syntax,
        "",
        format!("invalid JSON: {what} at line {line} column {column}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `input` as JSON written out from an object.
    fn from_object(input: &str) -> ModelError {
        read_json(input, &ParseJsonOptions::default(), Source::Object).unwrap_err()
    }

    #[test]
    fn an_object_nested_too_deep_is_placed_by_path_alone() {
        // As `JSON.stringify` writes `{version: 1, title: {x: {x: …}}}`:
        // one line the caller never saw, so no line and column.
        let input = format!(
            r#"{{"version":1,"title":{}1{}}}"#,
            r#"{"x":"#.repeat(3000),
            "}".repeat(3000)
        );
        let err = from_object(&input);
        assert_eq!(err.code, ErrorCode::TooLarge);
        assert_eq!(err.path, "title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x");
        assert_eq!(err.message, "nested more than 127 levels deep");
        // The same text given as text: the line and column too.
        let err = parse_json(&input).unwrap_err();
        assert_eq!(err.path, "title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x");
        assert_eq!(
            err.message,
            "nested more than 127 levels deep at line 1 column 652"
        );
    }

    #[test]
    fn half_a_character_is_a_value_error_at_the_path_of_its_string() {
        // As `JSON.stringify` writes `{version: 1, title: 'a\ud800b'}`:
        // the words the caller reads for the object, without a place in
        // text it never saw.
        let input = r#"{"version":1,"title":"a\ud800b"}"#;
        let err = from_object(input);
        assert_eq!(
            (err.code, err.path.as_str(), err.message.as_str()),
            (
                ErrorCode::Value,
                "title",
                "half of a character (a lone surrogate): text must be whole characters"
            )
        );
        // The same text given as text: which escape, where.
        assert_eq!(
            parse_json(input).unwrap_err().to_string(),
            "title: half of a character (a lone surrogate) in the \\u escape at line 1 column 24: text must be whole characters"
        );
        // In a key, at the path of its object; before the version, as any
        // other problem of the text.
        let input = r#"{"version":2,"meta":[{"key":"other","\udc00":""}]}"#;
        assert_eq!(
            from_object(input).to_string(),
            "meta[0]: a key with half of a character (a lone surrogate): text must be whole characters"
        );
    }

    #[test]
    fn an_objects_version_of_null_may_have_been_nan() {
        // NaN has no JSON: `JSON.stringify` writes it as null.
        assert_eq!(
            from_object(r#"{"version":null}"#).to_string(),
            "version: unsupported model version null (NaN and Infinity become null in JSON; this library reads version 1)"
        );
        // In text, null is what the caller wrote.
        assert_eq!(
            parse_json(r#"{"version": null}"#).unwrap_err().to_string(),
            "version: unsupported model version null (this library reads version 1)"
        );
        // Other versions read as from text.
        assert_eq!(
            from_object(r#"{"version":2}"#),
            parse_json(r#"{"version":2}"#).unwrap_err()
        );
    }
}
