//! The shape step: a JSON value → typed [`Document`], with full JSON paths.
//!
//! `Block` is an internally tagged enum (`"type": "section"`); serde buffers
//! such content before choosing the variant, so a path tracked through it
//! would stop at the block. Instead, blocks are read here one by one: the
//! `type` picks the variant's struct from [`BLOCK_TYPES`], which serde then
//! reads with path tracking; a section's `blocks` are taken out first and
//! read with an explicit stack, so nesting never recurses.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::hand::Shape;
use super::heads::{DocumentHead, SectionHead};
use crate::error::{ErrorCode, ModelError};
use crate::model::{
    Attachments, Block, Contents, Document, Image, List, Paragraph, Section, Signature, Table,
    TextBlock,
};

#[cfg(any(test, not(target_arch = "wasm32")))]
type PathError = serde_path_to_error::Error<serde_json::Error>;

/// How the fields of one model type are read from a JSON value.
pub(super) trait Fields {
    /// Reads a `T` from `value`, which sits at `path`.
    fn read<T: DeserializeOwned + Shape>(value: Value, path: &str) -> Result<T, ModelError>;
}

/// By serde's derived readers, the path tracked by serde_path_to_error.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(super) struct BySerde;

#[cfg(any(test, not(target_arch = "wasm32")))]
impl Fields for BySerde {
    fn read<T: DeserializeOwned + Shape>(value: Value, path: &str) -> Result<T, ModelError> {
        serde_path_to_error::deserialize(value).map_err(|e| path_error(e, path))
    }
}

/// By the hand-written readers of [`super::hand`] (the wasm build's).
#[cfg(any(test, target_arch = "wasm32"))]
pub(super) struct ByHand;

#[cfg(any(test, target_arch = "wasm32"))]
impl Fields for ByHand {
    fn read<T: DeserializeOwned + Shape>(value: Value, path: &str) -> Result<T, ModelError> {
        T::read(value, path)
    }
}

/// The reader this build uses.
#[cfg(not(target_arch = "wasm32"))]
pub(super) type Native = BySerde;
/// The reader this build uses.
#[cfg(target_arch = "wasm32")]
pub(super) type Native = ByHand;

/// How to read a block of one type, once its `type` is known.
#[derive(Clone, Copy)]
enum Reader {
    /// Sections hold blocks, which the explicit stack reads.
    Section,
    Paragraph,
    List,
    Table,
    Attachments,
    Signature,
    Addressee,
    Note,
    Contents,
    Image,
}

/// Every block type by its `type` tag (the serde names of [`Block`]'s
/// variants; a unit test checks that the two lists agree).
const BLOCK_TYPES: &[(&str, Reader)] = &[
    ("section", Reader::Section),
    ("paragraph", Reader::Paragraph),
    ("list", Reader::List),
    ("table", Reader::Table),
    ("attachments", Reader::Attachments),
    ("signature", Reader::Signature),
    ("addressee", Reader::Addressee),
    ("note", Reader::Note),
    ("contents", Reader::Contents),
    ("image", Reader::Image),
];

/// Reads the fields of a block other than a section.
fn leaf<F: Fields>(reader: Reader, value: Value, path: &str) -> Result<Block, ModelError> {
    Ok(match reader {
        Reader::Section => return Err(shape(path, "a section is read with its blocks".to_owned())),
        Reader::Paragraph => Block::Paragraph(F::read::<Paragraph>(value, path)?),
        Reader::List => Block::List(F::read::<List>(value, path)?),
        Reader::Table => Block::Table(F::read::<Table>(value, path)?),
        Reader::Attachments => Block::Attachments(F::read::<Attachments>(value, path)?),
        Reader::Signature => Block::Signature(F::read::<Signature>(value, path)?),
        Reader::Addressee => Block::Addressee(F::read::<TextBlock>(value, path)?),
        Reader::Note => Block::Note(F::read::<TextBlock>(value, path)?),
        Reader::Contents => Block::Contents(F::read::<Contents>(value, path)?),
        Reader::Image => Block::Image(F::read::<Image>(value, path)?),
    })
}

/// Where the model's string enums sit, as (array, field of each element,
/// or `None` for the element itself). serde would also take a variant
/// written as a map (`{"print": null}`); the model writes strings only.
const ENUM_FIELDS: &[(&str, Option<&str>)] = &[
    ("meta", Some("key")),
    ("actions", None),
    ("diagnostics", Some("code")),
];

/// Reads the document object (its version already checked).
pub(super) fn document<F: Fields>(mut root: Map<String, Value>) -> Result<Document, ModelError> {
    check_enums_are_strings(&root)?;
    let body = take_array(&mut root, "body", "")?;
    let head: DocumentHead = F::read(Value::Object(root), "")?;
    Ok(head.with_body(blocks::<F>(body, "body".to_owned())?))
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
fn blocks<F: Fields>(values: Vec<Value>, path: String) -> Result<Vec<Block>, ModelError> {
    let mut stack = vec![Frame::new(None, path, values)];
    loop {
        let Some(frame) = stack.last_mut() else {
            return Ok(Vec::new());
        };
        if let Some(value) = frame.rest.next() {
            let path = format!("{}[{}]", frame.path, frame.next_index);
            frame.next_index += 1;
            match block::<F>(value, &path)? {
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
fn block<F: Fields>(value: Value, path: &str) -> Result<Read, ModelError> {
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
            let head: SectionHead = F::read(Value::Object(map), path)?;
            Ok(Read::Section(head.section(), children))
        }
        leaf_reader => leaf::<F>(*leaf_reader, Value::Object(map), path).map(Read::Leaf),
    }
}

fn block_type_list() -> String {
    let names: Vec<String> = BLOCK_TYPES
        .iter()
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    names.join(", ")
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
            format!(
                "invalid type: {}, expected a sequence",
                super::hand::unexpected(&other)
            ),
        )),
    }
}

/// A serde error at a path below `base`.
#[cfg(any(test, not(target_arch = "wasm32")))]
fn path_error(error: PathError, base: &str) -> ModelError {
    let mut path = base.to_owned();
    for segment in error.path() {
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
    shape(&path, plain_words(error.into_inner().to_string()))
}

/// serde names Rust types in its messages; readers of model JSON know JSON.
const RUST_TYPE_WORDS: &[(&str, &str)] = &[
    ("expected u8", "expected an integer from 0 to 255"),
    ("expected u32", "expected an integer from 0 to 4294967295"),
    // Every enum of the model is a set of strings.
    ("expected string or map", "expected a string"),
];

pub(super) fn plain_words(mut message: String) -> String {
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
pub(super) fn join_key(path: &str, key: &str) -> String {
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
pub(super) fn describe(value: &Value) -> &'static str {
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
pub(super) fn excerpt(value: &Value) -> String {
    short(&value.to_string())
}

/// `text`, cut short (with …) so that a message stays one line.
pub(super) fn short(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_CHARS).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's own list of `Block`'s variants, from its error message.
    fn serde_block_types() -> Vec<String> {
        let err = serde_json::from_str::<Block>(r#"{"type": "?"}"#).unwrap_err();
        let message = err.to_string();
        let list = message.split("expected one of ").nth(1).unwrap();
        list.split(", ")
            .map(|name| name.split('`').nth(1).unwrap().to_owned())
            .collect()
    }

    #[test]
    fn the_block_table_lists_every_variant_in_order() {
        let ours: Vec<String> = BLOCK_TYPES.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(ours, serde_block_types());
    }

    #[test]
    fn each_reader_builds_its_own_variant() {
        for (name, reader) in BLOCK_TYPES {
            if let Reader::Section = reader {
                continue;
            }
            // The smallest value that serde reads for each type, by a
            // round trip through the model's own serialisation.
            let sample = match *name {
                "paragraph" => Block::Paragraph(Paragraph::plain("a")),
                "list" => Block::List(List {
                    ordered: false,
                    items: vec![],
                }),
                "table" => Block::Table(Table {
                    caption: None,
                    rows: vec![],
                }),
                "attachments" => Block::Attachments(Attachments {
                    label: "附件".into(),
                    items: vec![],
                }),
                "signature" => Block::Signature(Signature {
                    organisations: vec![],
                    date: None,
                }),
                "addressee" => Block::Addressee(TextBlock { text: "a".into() }),
                "note" => Block::Note(TextBlock { text: "a".into() }),
                "contents" => Block::Contents(Contents {
                    label: None,
                    entries: vec![],
                }),
                "image" => Block::Image(Image {
                    src: "a.png".into(),
                    alt: String::new(),
                }),
                other => panic!("no sample for {other}"),
            };
            let mut value = serde_json::to_value(&sample).unwrap();
            let tag = value.as_object_mut().unwrap().remove("type").unwrap();
            assert_eq!(tag, *name);
            assert_eq!(
                leaf::<BySerde>(*reader, value.clone(), "").unwrap(),
                sample,
                "{name}"
            );
            assert_eq!(
                leaf::<ByHand>(*reader, value, "").unwrap(),
                sample,
                "{name}"
            );
        }
    }

    #[test]
    fn odd_keys_are_quoted_in_paths() {
        assert_eq!(join_key("", "title"), "title");
        assert_eq!(join_key("body[0]", "run_in"), "body[0].run_in");
        assert_eq!(join_key("body[0]", "a b"), r#"body[0]["a b"]"#);
        assert_eq!(join_key("", ""), r#"[""]"#);
    }
}
