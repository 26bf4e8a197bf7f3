//! The shape step: a JSON value → typed [`Document`], with full JSON paths.
//!
//! Blocks are read one by one: the `type` picks the variant's struct from
//! [`BLOCK_TYPES`], which [`super::hand`] reads; a section's `blocks` are
//! taken out first and read with an explicit stack, so nesting never
//! recurses.

use super::hand::{unexpected, Shape};
use super::heads::{DocumentHead, SectionHead};
use super::path::Path;
use super::record::duplicate;
use super::value::{Fields, Value};
use crate::error::{ErrorCode, ModelError};
use crate::model::{
    Attachments, Block, Contents, Document, Image, List, Paragraph, Section, Signature, Table,
    TextBlock,
};

/// How to read a block of one type, once its `type` is known.
#[derive(Clone, Copy)]
pub(super) enum Reader {
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
pub(super) const BLOCK_TYPES: &[(&str, Reader)] = &[
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
fn leaf(reader: Reader, value: Value<'_>, path: Path<'_>) -> Result<Block, ModelError> {
    Ok(match reader {
        Reader::Section => {
            return Err(shape(
                path.text(),
                "a section is read with its blocks".to_owned(),
            ))
        }
        Reader::Paragraph => Block::Paragraph(Paragraph::read(value, path)?),
        Reader::List => Block::List(List::read(value, path)?),
        Reader::Table => Block::Table(Table::read(value, path)?),
        Reader::Attachments => Block::Attachments(Attachments::read(value, path)?),
        Reader::Signature => Block::Signature(Signature::read(value, path)?),
        Reader::Addressee => Block::Addressee(TextBlock::read(value, path)?),
        Reader::Note => Block::Note(TextBlock::read(value, path)?),
        Reader::Contents => Block::Contents(Contents::read(value, path)?),
        Reader::Image => Block::Image(Image::read(value, path)?),
    })
}

/// Where the model's string enums sit, as (array, field of each element,
/// or `None` for the element itself). serde would also take a variant
/// written as a map (`{"print": null}`); the model writes strings only.
pub(super) const ENUM_FIELDS: &[(&str, Option<&str>)] = &[
    ("meta", Some("key")),
    ("actions", None),
    ("diagnostics", Some("code")),
];

/// Reads the document object (its version already checked).
pub(super) fn document(mut root: Fields<'_>) -> Result<Document, ModelError> {
    check_enums_are_strings(&root)?;
    let body = take_array(&mut root, "body", Path::Root)?;
    let head = DocumentHead::read(Value::Object(root), Path::Root)?;
    Ok(head.with_body(blocks(body)?))
}

fn check_enums_are_strings(root: &Fields<'_>) -> Result<(), ModelError> {
    for (array, field) in ENUM_FIELDS {
        let Some(Value::Array(items)) = super::value::field(root, array) else {
            continue;
        };
        for (n, item) in items.iter().enumerate() {
            let value = match field {
                Some(field) => item.get(field),
                None => Some(item),
            };
            if let Some(Value::Object(_)) = value {
                let array_path = Path::Root.key(array);
                let item_path = array_path.index(n);
                let path = match field {
                    Some(field) => item_path.key(field).text(),
                    None => item_path.text(),
                };
                return Err(shape(
                    path,
                    "invalid type: map, expected a string".to_owned(),
                ));
            }
        }
    }
    Ok(())
}

/// A list of blocks being read: the body, or the blocks of a section.
struct Frame<'a> {
    /// The section whose blocks these are; `None` for the body.
    section: Option<Section>,
    rest: std::vec::IntoIter<Value<'a>>,
    next_index: usize,
    done: Vec<Block>,
}

impl<'a> Frame<'a> {
    fn new(section: Option<Section>, values: Vec<Value<'a>>) -> Self {
        Frame {
            section,
            done: Vec::with_capacity(values.len()),
            rest: values.into_iter(),
            next_index: 0,
        }
    }
}

/// What reading one block gave.
enum Read<'a> {
    Leaf(Block),
    /// A section (its `blocks` still empty) and its blocks, unread.
    Section(Section, Vec<Value<'a>>),
}

/// Reads the body's blocks, and the blocks of its sections, depth first.
fn blocks(values: Vec<Value<'_>>) -> Result<Vec<Block>, ModelError> {
    let mut stack = vec![Frame::new(None, values)];
    // The index of the block being read in each list of the stack.
    let mut indices: Vec<usize> = Vec::new();
    loop {
        let depth = stack.len();
        let Some(frame) = stack.last_mut() else {
            return Ok(Vec::new());
        };
        if let Some(value) = frame.rest.next() {
            indices.truncate(depth - 1);
            indices.push(frame.next_index);
            frame.next_index += 1;
            match block(value, Path::Block(&indices))? {
                Read::Leaf(block) => frame.done.push(block),
                Read::Section(section, children) => {
                    stack.push(Frame::new(Some(section), children));
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
fn block<'a>(value: Value<'a>, path: Path<'_>) -> Result<Read<'a>, ModelError> {
    let Value::Object(mut fields) = value else {
        return Err(shape(
            path.text(),
            format!(
                "expected a block, an object with a `type`, got {}",
                describe(&value)
            ),
        ));
    };
    let tag = match fields.iter().position(|(key, _)| key == "type") {
        Some(at) => fields.remove(at).1,
        None => return Err(shape(path.text(), "missing field `type`".to_owned())),
    };
    // The `type` is read before the other fields, so given twice it is
    // reported before them.
    if super::value::field(&fields, "type").is_some() {
        return Err(duplicate(path, "type"));
    }
    let tag = match tag {
        Value::String(tag) => tag,
        other => {
            return Err(shape(
                path.key("type").text(),
                format!(
                    "invalid type: {}, expected a block type string",
                    describe(&other)
                ),
            ))
        }
    };
    let Some((_, reader)) = BLOCK_TYPES.iter().find(|(name, _)| *name == tag) else {
        return Err(shape(
            path.key("type").text(),
            format!(
                "unknown block type `{}`, expected one of {}",
                short(&tag),
                block_type_list()
            ),
        ));
    };
    match reader {
        Reader::Section => {
            let children = take_array(&mut fields, "blocks", path)?;
            let head = SectionHead::read(Value::Object(fields), path)?;
            Ok(Read::Section(head.section(), children))
        }
        leaf_reader => leaf(*leaf_reader, Value::Object(fields), path).map(Read::Leaf),
    }
}

/// The block types, for a message about an unknown one.
pub(super) fn block_type_list() -> String {
    let names: Vec<&str> = BLOCK_TYPES.iter().map(|(name, _)| *name).collect();
    format!("`{}`", names.join("`, `"))
}

/// Takes the array at `key` out of `fields`, leaving an empty one in its
/// place (so that a required field still counts as present); `[]` when
/// absent.
fn take_array<'a>(
    fields: &mut Fields<'a>,
    key: &str,
    path: Path<'_>,
) -> Result<Vec<Value<'a>>, ModelError> {
    let Some((_, slot)) = fields.iter_mut().find(|(k, _)| k == key) else {
        return Ok(Vec::new());
    };
    match std::mem::replace(slot, Value::Array(Vec::new())) {
        Value::Array(values) => Ok(values),
        // serde's words, as for every other field.
        other => Err(shape(
            path.key(key).text(),
            format!("invalid type: {}, expected a sequence", unexpected(&other)),
        )),
    }
}

fn shape(path: String, message: String) -> ModelError {
    ModelError::new(ErrorCode::Shape, path, message)
}

/// What kind of JSON value this is, for messages ("an array").
pub(super) fn describe(value: &Value<'_>) -> &'static str {
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
pub(super) fn excerpt(value: &Value<'_>) -> String {
    let text = match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => super::hand::number_text(n),
        Value::String(s) => {
            let mut quoted = String::new();
            crate::json_out::write_str(&mut quoted, s);
            quoted
        }
        Value::Array(_) => "[…]".to_owned(),
        Value::Object(_) => "{…}".to_owned(),
    };
    short(&text)
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
            // The smallest value of each type, written by the model's own
            // serialisation, read back without its tag.
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
            let text = value.to_string();
            let value = super::super::value::parse(&text).unwrap();
            assert_eq!(leaf(*reader, value, Path::Root).unwrap(), sample, "{name}");
        }
    }

    #[test]
    fn of_several_problems_in_one_object_the_first_in_the_text_is_reported() {
        // serde_json's map sorted keys, so `lang` came first there.
        let err = super::super::parse_json(r#"{"version": 1, "title": 5, "lang": 3}"#).unwrap_err();
        assert_eq!(err.path, "title");
        let err = super::super::parse_json(
            r#"{"version": 1, "body": [{"type": "note", "text": 5, "style": "x"}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.path, "body[0].text");
        let err = super::super::parse_json(
            r#"{"version": 1, "body": [{"type": "note", "style": "x", "text": 5}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.path, "body[0].style");
    }

    #[test]
    fn excerpts_are_json_cut_short() {
        let parse = |text| super::super::value::parse(text).unwrap();
        assert_eq!(excerpt(&parse("1.0")), "1.0");
        assert_eq!(excerpt(&parse("1e300")), "1e+300");
        assert_eq!(excerpt(&parse("1.5e-7")), "1.5e-7");
        assert_eq!(excerpt(&parse("-7")), "-7");
        assert_eq!(excerpt(&parse(r#""a\"b""#)), r#""a\"b""#);
        assert_eq!(excerpt(&parse("null")), "null");
        let long = format!(r#""{}""#, "长".repeat(50));
        assert_eq!(excerpt(&parse(&long)), format!("\"{}…", "长".repeat(39)));
    }
}
