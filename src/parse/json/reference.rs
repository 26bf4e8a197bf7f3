//! The reference the reader is compared with: model JSON read as this
//! crate read it before it had its own JSON reader, by serde_json into its
//! value tree and by serde's derived readers with serde_path_to_error
//! tracking the path. Only the tests use it.

use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use super::heads::{DocumentHead, SectionHead};
use super::read::{block_type_list, short, Reader, BLOCK_TYPES, ENUM_FIELDS};
use super::MAX_NESTING;
use crate::error::{ErrorCode, ModelError};
use crate::model::{
    Attachments, Block, Contents, Document, Image, List, Paragraph, Section, Signature, Table,
    TextBlock, MODEL_VERSION,
};

type PathError = serde_path_to_error::Error<serde_json::Error>;

/// Model JSON read as `parse_json` read it (without the size limit).
pub(super) fn parse_json(input: &str) -> Result<Document, ModelError> {
    let value: Value = serde_json::from_str(input).map_err(|e| syntax_error(e, input))?;
    let Value::Object(root) = value else {
        return Err(ModelError::new(
            ErrorCode::Shape,
            "",
            format!(
                "expected the document, a JSON object, got {}",
                describe(&value)
            ),
        ));
    };
    check_version(root.get("version"))?;
    let doc = document(root)?;
    super::validate(&doc)?;
    Ok(doc)
}

fn check_version(version: Option<&Value>) -> Result<(), ModelError> {
    let problem = match version {
        None => "missing model version".to_owned(),
        Some(v) if v.as_u64() == Some(u64::from(MODEL_VERSION)) => return Ok(()),
        Some(v @ (Value::Number(_) | Value::String(_) | Value::Bool(_) | Value::Null)) => {
            format!("unsupported model version {}", excerpt(v))
        }
        Some(v) => format!("unsupported model version ({})", describe(v)),
    };
    Err(ModelError::new(
        ErrorCode::Version,
        "version",
        format!("{problem} (this library reads version {MODEL_VERSION})"),
    ))
}

fn syntax_error(error: serde_json::Error, input: &str) -> ModelError {
    let message = error.to_string();
    if message.starts_with("recursion limit exceeded") {
        return ModelError::new(
            ErrorCode::TooLarge,
            deep_path(input, error.line(), error.column()),
            format!(
                "nested more than {MAX_NESTING} levels deep at line {} column {}",
                error.line(),
                error.column()
            ),
        );
    }
    ModelError::new(ErrorCode::Syntax, "", format!("invalid JSON: {message}"))
}

/// A step into a container open at the place serde_json stopped.
enum Open {
    /// An array and how many elements came before the one being read.
    Array(usize),
    /// An object and the key of the value being read.
    Object(String),
}

/// The path of the array or object that serde_json refused at `line` and
/// `column` (just past its opening bracket) for nesting too deep: the text
/// before it, which serde_json read as JSON, scanned again for the
/// containers still open there; a path of more than 16 steps with its
/// middle left out.
fn deep_path(input: &str, line: usize, column: usize) -> String {
    let line_start: usize = input
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let before = &input[..line_start + column - 1];
    let mut open: Vec<Open> = Vec::new();
    let mut chars = before.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '[' => open.push(Open::Array(0)),
            '{' => open.push(Open::Object(String::new())),
            ']' | '}' => {
                open.pop();
            }
            ',' => {
                if let Some(Open::Array(n)) = open.last_mut() {
                    *n += 1;
                }
            }
            '"' => {
                let mut end = at + 1;
                while let Some((i, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            end = i + 1;
                            break;
                        }
                        _ => {}
                    }
                }
                let is_key = before[end..].trim_start().starts_with(':');
                if let (true, Some(Open::Object(key))) = (is_key, open.last_mut()) {
                    *key = serde_json::from_str(&before[at..end]).unwrap();
                }
            }
            _ => {}
        }
    }
    let mut steps: Vec<String> = Vec::new();
    for step in &open {
        let mut text = String::new();
        match step {
            Open::Array(n) => text.push_str(&format!("[{n}]")),
            // `.key` (or `["key"]`) as a path writes it.
            Open::Object(key) => {
                push_key(&mut text, key);
                if !text.starts_with('[') {
                    text.insert(0, '.');
                }
            }
        }
        steps.push(text);
    }
    if steps.len() > 16 {
        steps.splice(8..steps.len() - 8, ["…".to_owned()]);
    }
    let path = steps.concat();
    path.strip_prefix('.').unwrap_or(&path).to_owned()
}

fn read<T: DeserializeOwned>(value: Value, path: &str) -> Result<T, ModelError> {
    serde_path_to_error::deserialize(value).map_err(|e| path_error(e, path))
}

/// serde's words for the value it did not expect.
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => number(n),
        Value::String(s) => {
            let mut words = "string ".to_owned();
            crate::json_out::write_str(&mut words, s);
            words
        }
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

fn number(n: &Number) -> String {
    if let Some(u) = n.as_u64() {
        format!("integer `{u}`")
    } else if let Some(i) = n.as_i64() {
        format!("integer `{i}`")
    } else {
        let mut text = n.to_string();
        if !text.contains(['.', 'e', 'E']) {
            text.push_str(".0");
        }
        format!("floating point `{text}`")
    }
}

/// Reads the fields of a block other than a section.
fn leaf(reader: Reader, value: Value, path: &str) -> Result<Block, ModelError> {
    Ok(match reader {
        Reader::Section => return Err(shape(path, "a section is read with its blocks".to_owned())),
        Reader::Paragraph => Block::Paragraph(read::<Paragraph>(value, path)?),
        Reader::List => Block::List(read::<List>(value, path)?),
        Reader::Table => Block::Table(read::<Table>(value, path)?),
        Reader::Attachments => Block::Attachments(read::<Attachments>(value, path)?),
        Reader::Signature => Block::Signature(read::<Signature>(value, path)?),
        Reader::Addressee => Block::Addressee(read::<TextBlock>(value, path)?),
        Reader::Note => Block::Note(read::<TextBlock>(value, path)?),
        Reader::Contents => Block::Contents(read::<Contents>(value, path)?),
        Reader::Image => Block::Image(read::<Image>(value, path)?),
    })
}

/// Reads the document object (its version already checked).
fn document(mut root: Map<String, Value>) -> Result<Document, ModelError> {
    check_enums_are_strings(&root)?;
    let body = take_array(&mut root, "body", "")?;
    let head: DocumentHead = read(Value::Object(root), "")?;
    Ok(head.with_body(blocks(body, "body".to_owned())?))
}

fn check_enums_are_strings(root: &Map<String, Value>) -> Result<(), ModelError> {
    for (array, field) in ENUM_FIELDS {
        let Some(Value::Array(items)) = root.get(*array) else {
            continue;
        };
        for (n, item) in items.iter().enumerate() {
            let value = match field {
                Some(field) => item.get(field),
                None => Some(item),
            };
            if let Some(Value::Object(_)) = value {
                let path = format!("{array}[{n}]");
                let path = field.map_or(path.clone(), |field| join_key(&path, field));
                return Err(shape(
                    &path,
                    "invalid type: map, expected a string".to_owned(),
                ));
            }
        }
    }
    Ok(())
}

/// A list of blocks being read: the body, or the blocks of a section.
struct Frame {
    /// The section whose blocks these are; `None` for the body.
    section: Option<Section>,
    /// The path of the list (`body`, `body[3].blocks`).
    path: String,
    rest: std::vec::IntoIter<Value>,
    next_index: usize,
    done: Vec<Block>,
}

impl Frame {
    fn new(section: Option<Section>, path: String, values: Vec<Value>) -> Self {
        Frame {
            section,
            path,
            done: Vec::with_capacity(values.len()),
            rest: values.into_iter(),
            next_index: 0,
        }
    }
}

/// What reading one block gave.
enum Read {
    Leaf(Block),
    /// A section (its `blocks` still empty) and its blocks, unread.
    Section(Section, Vec<Value>),
}

/// Reads a list of blocks, and the blocks of its sections, depth first.
fn blocks(values: Vec<Value>, path: String) -> Result<Vec<Block>, ModelError> {
    let mut stack = vec![Frame::new(None, path, values)];
    loop {
        let Some(frame) = stack.last_mut() else {
            return Ok(Vec::new());
        };
        if let Some(value) = frame.rest.next() {
            let path = format!("{}[{}]", frame.path, frame.next_index);
            frame.next_index += 1;
            match block(value, &path)? {
                Read::Leaf(block) => frame.done.push(block),
                Read::Section(section, children) => {
                    stack.push(Frame::new(Some(section), path + ".blocks", children));
                }
            }
            continue;
        }
        let Some(finished) = stack.pop() else {
            return Ok(Vec::new());
        };
        match (finished.section, stack.last_mut()) {
            (Some(mut section), Some(parent)) => {
                section.blocks = finished.done;
                parent.done.push(Block::Section(section));
            }
            _ => return Ok(finished.done),
        }
    }
}

/// Reads one block at `path`; a section's own blocks are returned unread.
fn block(value: Value, path: &str) -> Result<Read, ModelError> {
    let Value::Object(mut map) = value else {
        return Err(shape(
            path,
            format!(
                "expected a block, an object with a `type`, got {}",
                describe(&value)
            ),
        ));
    };
    let tag = match map.remove("type") {
        Some(Value::String(tag)) => tag,
        Some(other) => {
            return Err(shape(
                &join_key(path, "type"),
                format!(
                    "invalid type: {}, expected a block type string",
                    describe(&other)
                ),
            ))
        }
        None => return Err(shape(path, "missing field `type`".to_owned())),
    };
    let Some((_, reader)) = BLOCK_TYPES.iter().find(|(name, _)| *name == tag) else {
        return Err(shape(
            &join_key(path, "type"),
            format!(
                "unknown block type `{}`, expected one of {}",
                short(&tag),
                block_type_list()
            ),
        ));
    };
    match reader {
        Reader::Section => {
            let children = take_array(&mut map, "blocks", path)?;
            let head: SectionHead = read(Value::Object(map), path)?;
            Ok(Read::Section(head.section(), children))
        }
        leaf_reader => leaf(*leaf_reader, Value::Object(map), path).map(Read::Leaf),
    }
}

/// Takes the array at `key` out of `map`, leaving an empty one in its place
/// (so that a required field still counts as present); `[]` when absent.
fn take_array(
    map: &mut Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Vec<Value>, ModelError> {
    let Some(slot) = map.get_mut(key) else {
        return Ok(Vec::new());
    };
    match std::mem::replace(slot, Value::Array(Vec::new())) {
        Value::Array(values) => Ok(values),
        // serde's words, as for every other field.
        other => Err(shape(
            &join_key(path, key),
            format!("invalid type: {}, expected a sequence", unexpected(&other)),
        )),
    }
}

/// A serde error at a path below `base`.
fn path_error(error: PathError, base: &str) -> ModelError {
    let mut path = base.to_owned();
    let segments: Vec<&serde_path_to_error::Segment> = error.path().iter().collect();
    let range = field_range(&segments);
    for segment in &segments {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            serde_path_to_error::Segment::Map { key } => push_key(&mut path, key),
            // Unit enum variants (`"key": "indexNo"`) add nothing: the
            // field's own segment already names the place.
            serde_path_to_error::Segment::Enum { .. } => {}
            serde_path_to_error::Segment::Unknown => path.push_str("[?]"),
        }
    }
    let message = plain_words(error.into_inner().to_string(), range);
    // An integer the field's type cannot hold is out of range, as one
    // that validation turns away.
    let code = if message.starts_with("invalid value: integer") {
        ErrorCode::Value
    } else {
        ErrorCode::Shape
    };
    ModelError::new(code, path, message)
}

/// The values the model allows in the integer field at the end of
/// `segments` (the path inside the struct being read), as the schema gives
/// them; `None` for any other field.
fn field_range(segments: &[&serde_path_to_error::Segment]) -> Option<(u64, u64)> {
    use serde_path_to_error::Segment::{Map, Seq};
    let (last, before) = segments.split_last()?;
    let Map { key } = last else {
        return None;
    };
    Some(match (key.as_str(), before) {
        // A contents entry's level: `entries[n].level`.
        ("level", [.., Map { key: list }, Seq { .. }]) if list == "entries" => (1, 255),
        // A section's own level (its head is read alone).
        ("level", []) => (1, u64::from(crate::model::MAX_LEVEL)),
        ("colspan", _) => (1, u64::from(super::MAX_COLSPAN)),
        ("rowspan", _) => (1, u64::from(super::MAX_ROWSPAN)),
        ("line", [.., Map { key: list }, Seq { .. }]) if list == "diagnostics" => {
            (1, u64::from(u32::MAX))
        }
        _ => return None,
    })
}

/// serde names Rust types in its messages; readers of model JSON know JSON.
const RUST_TYPE_WORDS: &[(&str, &str)] = &[
    ("expected u8", "expected an integer from 0 to 255"),
    ("expected u32", "expected an integer from 0 to 4294967295"),
    // Every enum of the model is a set of strings.
    ("expected string or map", "expected a string"),
];

/// serde's message in JSON's words; an integer field with a `range` of its
/// own states that range rather than its Rust type's.
fn plain_words(mut message: String, range: Option<(u64, u64)>) -> String {
    if let Some((low, high)) = range {
        for rust in ["expected u8", "expected u32"] {
            if let Some(start) = message.strip_suffix(rust).map(str::len) {
                message.truncate(start);
                message.push_str(&format!("expected an integer from {low} to {high}"));
                return message;
            }
        }
    }
    for (rust, json) in RUST_TYPE_WORDS {
        if let Some(start) = message.strip_suffix(rust).map(str::len) {
            message.truncate(start);
            message.push_str(json);
            break;
        }
    }
    message
}

fn shape(path: &str, message: String) -> ModelError {
    ModelError::new(ErrorCode::Shape, path, message)
}

/// `path.key`, or `path["odd key"]` for a key that is not a plain name.
fn join_key(path: &str, key: &str) -> String {
    let mut joined = path.to_owned();
    push_key(&mut joined, key);
    joined
}

fn push_key(path: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&excerpt(&Value::String(key.to_owned())));
        path.push(']');
    }
}

/// What kind of JSON value this is, for messages ("an array").
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A scalar as JSON, cut short so that a message stays one line.
fn excerpt(value: &Value) -> String {
    short(&value.to_string())
}
