//! The shape step: every model type read by hand from a JSON value, with
//! the codes, paths and messages that serde's derived readers and
//! serde_path_to_error give (a unit test compares the two on every field of
//! a document, broken every way it can be).
//!
//! serde's readers, one per type and per deserializer, and the path
//! tracking around them were most of the bytes that reading JSON cost in
//! the wasm build; paths here are links to the enclosing places
//! ([`Path`]), written out only for an error.
//!
//! Where the two differ: serde also reads a struct written as an array of
//! its fields in order (`["text"]` for an inline), which the model's schema
//! does not allow; this reader takes objects only. A float shown in a
//! message is written as serde_json writes numbers (`1e300`), not as Rust
//! prints an `f64`; a string shown in a message is quoted as JSON quotes it,
//! which differs from serde's (Rust's `{:?}`) only for control characters
//! other than `\n`, `\r`, `\t` and for invisible or combining characters.

use super::heads::{DocumentHead, Present, SectionHead};
use super::path::Path;
use super::value::{Fields, Number, Value};
use crate::error::{Diagnostic, DiagnosticCode, ErrorCode, ModelError};
use crate::model::{
    Action, Attachment, Attachments, Contents, ContentsEntry, Crumb, Image, Inline, List, ListItem,
    MetaField, MetaKey, Paragraph, Signature, Table, TableCell, TableRow, TextBlock,
};

type Result<T> = std::result::Result<T, ModelError>;

/// A model type read from the JSON value at `path`.
pub(super) trait Shape: Sized {
    /// Reads `value`, which sits at `path`.
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self>;
}

fn error(path: Path<'_>, message: String) -> ModelError {
    ModelError::new(ErrorCode::Shape, path.text(), message)
}

/// serde's words for the value it did not expect.
pub(super) fn unexpected(value: &Value<'_>) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => number(n),
        Value::String(s) => {
            // Written as JSON, not with `{:?}`, whose escaping tables cost
            // bytes in the wasm build; the two agree on ordinary text
            // (quotes, backslashes, `\n`, `\t`, `\r`, non-ASCII letters).
            let mut words = "string ".to_owned();
            crate::json_out::write_str(&mut words, s);
            words
        }
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

fn number(n: &Number) -> String {
    match n {
        Number::Unsigned(u) => format!("integer `{u}`"),
        Number::Negative(i) => format!("integer `{i}`"),
        Number::Float(f) => {
            let mut text = float_text(*f);
            if !text.contains(['.', 'e', 'E']) {
                text.push_str(".0");
            }
            format!("floating point `{text}`")
        }
    }
}

/// A number as serde_json writes it (`1.5`, `1e300`).
pub(super) fn number_text(n: &Number) -> String {
    match n {
        Number::Unsigned(u) => u.to_string(),
        Number::Negative(i) => i.to_string(),
        Number::Float(f) => float_text(*f),
    }
}

/// A finite float as serde_json writes it (its own formatter's output).
fn float_text(f: f64) -> String {
    zmij::Buffer::new().format_finite(f).to_owned()
}

fn invalid_type(value: &Value<'_>, expected: &str, path: Path<'_>) -> ModelError {
    error(
        path,
        format!("invalid type: {}, expected {expected}", unexpected(value)),
    )
}

/// serde's list of the names it expected (`a`, `a` or `b`, one of …).
fn one_of(names: &[&str]) -> String {
    match names {
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

/// The fields of the struct `name` at `path`, or the error for a non-object.
fn object<'a>(value: Value<'a>, name: &str, path: Path<'_>) -> Result<Fields<'a>> {
    match value {
        Value::Object(fields) => Ok(fields),
        other => Err(invalid_type(&other, &format!("struct {name}"), path)),
    }
}

fn unknown(key: &str, fields: &[&str], path: Path<'_>) -> ModelError {
    error(
        path.key(key),
        format!("unknown field `{key}`, expected {}", one_of(fields)),
    )
}

/// A required field's value, or serde's error for its absence.
fn need<T>(value: Option<T>, field: &str, path: Path<'_>) -> Result<T> {
    value.ok_or_else(|| error(path, format!("missing field `{field}`")))
}

/// Reads the field's value into `slot`, at `path.key`.
fn put<T: Shape>(slot: &mut Option<T>, value: Value<'_>, path: Path<'_>, key: &str) -> Result<()> {
    *slot = Some(T::read(value, path.key(key))?);
    Ok(())
}

impl Shape for String {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        match value {
            Value::String(text) => Ok(text.into_owned()),
            other => Err(invalid_type(&other, "a string", path)),
        }
    }
}

impl Shape for bool {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(invalid_type(&other, "a boolean", path)),
        }
    }
}

/// An unsigned integer of at most `max`; `name` says which in JSON's words.
fn unsigned(value: &Value<'_>, max: u64, name: &str, path: Path<'_>) -> Result<u64> {
    match value {
        Value::Number(Number::Unsigned(u)) if *u <= max => Ok(*u),
        Value::Number(n @ (Number::Unsigned(_) | Number::Negative(_))) => Err(error(
            path,
            format!("invalid value: {}, expected {name}", number(n)),
        )),
        _ => Err(invalid_type(value, name, path)),
    }
}

impl Shape for u8 {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        const NAME: &str = "an integer from 0 to 255";
        let n = unsigned(&value, u64::from(u8::MAX), NAME, path)?;
        u8::try_from(n).map_err(|_| invalid_type(&value, NAME, path))
    }
}

impl Shape for u32 {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        const NAME: &str = "an integer from 0 to 4294967295";
        let n = unsigned(&value, u64::from(u32::MAX), NAME, path)?;
        u32::try_from(n).map_err(|_| invalid_type(&value, NAME, path))
    }
}

impl<T: Shape> Shape for Option<T> {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            other => T::read(other, path).map(Some),
        }
    }
}

impl<T: Shape> Shape for Vec<T> {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        let Value::Array(values) = value else {
            return Err(invalid_type(&value, "a sequence", path));
        };
        // A plain loop: `collect` into a `Result` costs an adapter per type.
        let mut read = Vec::with_capacity(values.len());
        for (n, value) in values.into_iter().enumerate() {
            read.push(T::read(value, path.index(n))?);
        }
        Ok(read)
    }
}

/// A string enum's value from its table of (JSON name, value).
fn variant<T: Copy>(value: Value<'_>, table: &[(&str, T)], path: Path<'_>) -> Result<T> {
    let Value::String(name) = value else {
        return Err(invalid_type(&value, "a string", path));
    };
    match table.iter().find(|(known, _)| *known == name.as_ref()) {
        Some((_, found)) => Ok(*found),
        None => {
            let names: Vec<&str> = table.iter().map(|(known, _)| *known).collect();
            Err(error(
                path,
                format!("unknown variant `{name}`, expected {}", one_of(&names)),
            ))
        }
    }
}

/// [`MetaKey`]'s values by JSON name, in declaration order.
pub(super) const META_KEYS: &[(&str, MetaKey)] = &[
    ("indexNo", MetaKey::IndexNo),
    ("docNo", MetaKey::DocNo),
    ("written", MetaKey::Written),
    ("published", MetaKey::Published),
    ("publisher", MetaKey::Publisher),
    ("disclosure", MetaKey::Disclosure),
    ("topic", MetaKey::Topic),
    ("validity", MetaKey::Validity),
    ("source", MetaKey::Source),
    ("views", MetaKey::Views),
    ("expires", MetaKey::Expires),
    ("effective", MetaKey::Effective),
    ("keywords", MetaKey::Keywords),
    ("title", MetaKey::Title),
    ("summary", MetaKey::Summary),
    ("department", MetaKey::Department),
    ("created", MetaKey::Created),
    ("scope", MetaKey::Scope),
    ("review", MetaKey::Review),
    ("author", MetaKey::Author),
    ("other", MetaKey::Other),
];

/// [`Action`]'s values by JSON name, in declaration order.
pub(super) const ACTIONS: &[(&str, Action)] = &[
    ("print", Action::Print),
    ("close", Action::Close),
    ("share", Action::Share),
    ("bookmark", Action::Bookmark),
];

/// [`DiagnosticCode`]'s values by JSON name, in declaration order.
pub(super) const DIAGNOSTIC_CODES: &[(&str, DiagnosticCode)] = &[
    ("noTitle", DiagnosticCode::NoTitle),
    ("noBody", DiagnosticCode::NoBody),
    ("noContent", DiagnosticCode::NoContent),
    ("duplicateMeta", DiagnosticCode::DuplicateMeta),
    ("outlineGap", DiagnosticCode::OutlineGap),
    ("tooDeep", DiagnosticCode::TooDeep),
    ("garbled", DiagnosticCode::Garbled),
    ("unplaced", DiagnosticCode::Unplaced),
    ("truncated", DiagnosticCode::Truncated),
];

impl Shape for MetaKey {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        variant(value, META_KEYS, path)
    }
}

impl Shape for Action {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        variant(value, ACTIONS, path)
    }
}

impl Shape for DiagnosticCode {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        variant(value, DIAGNOSTIC_CODES, path)
    }
}

/// Implements [`Shape`] for a struct: its JSON name, then each field as
/// `name: "jsonName" => required` or `=> default(expression)`, in
/// declaration order (serde reports a missing field in that order, and
/// lists the fields in it). Fields are read in the object's key order, as
/// serde reads them, so the first error is serde's first error.
macro_rules! shape {
    ($type:ident as $name:literal {
        $($field:ident : $key:literal => $how:ident $(($default:expr))?),* $(,)?
    } => $build:expr) => {
        impl Shape for $type {
            fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
                const FIELDS: &[&str] = &[$($key),*];
                let fields = object(value, $name, path)?;
                $(let mut $field = None;)*
                for (key, value) in fields {
                    match key.as_ref() {
                        $($key => put(&mut $field, value, path, &key)?,)*
                        _ => return Err(unknown(&key, FIELDS, path)),
                    }
                }
                $(let $field = shape!(@take $field, $key, path, $how $(($default))?);)*
                Ok($build)
            }
        }
    };
    (@take $field:ident, $key:literal, $path:ident, required) => {
        need($field, $key, $path)?
    };
    (@take $field:ident, $key:literal, $path:ident, default($default:expr)) => {
        $field.unwrap_or_else(|| $default)
    };
}

shape!(Crumb as "Crumb" {
    label: "label" => required,
    href: "href" => default(None),
} => Crumb { label, href });

shape!(MetaField as "MetaField" {
    key: "key" => required,
    label: "label" => required,
    value: "value" => required,
} => MetaField { key, label, value });

shape!(Diagnostic as "Diagnostic" {
    code: "code" => required,
    message: "message" => required,
    line: "line" => default(None),
} => Diagnostic { code, message, line });

shape!(Inline as "Inline" {
    text: "text" => required,
    href: "href" => default(None),
    strong: "strong" => default(false),
    em: "em" => default(false),
} => Inline { text, href, strong, em });

shape!(Paragraph as "Paragraph" {
    text: "text" => required,
    inlines: "inlines" => default(Vec::new()),
} => Paragraph { text, inlines });

shape!(List as "List" {
    ordered: "ordered" => required,
    items: "items" => required,
} => List { ordered, items });

shape!(ListItem as "ListItem" {
    marker: "marker" => default(String::new()),
    lead: "lead" => default(None),
    text: "text" => required,
    inlines: "inlines" => default(Vec::new()),
} => ListItem { marker, lead, text, inlines });

shape!(Table as "Table" {
    caption: "caption" => default(None),
    rows: "rows" => required,
} => Table { caption, rows });

shape!(TableRow as "TableRow" {
    header: "header" => default(false),
    cells: "cells" => required,
} => TableRow { header, cells });

shape!(TableCell as "TableCell" {
    text: "text" => required,
    header: "header" => default(false),
    colspan: "colspan" => default(1),
    rowspan: "rowspan" => default(1),
    inlines: "inlines" => default(Vec::new()),
} => TableCell { text, header, colspan, rowspan, inlines });

shape!(Attachments as "Attachments" {
    label: "label" => required,
    items: "items" => required,
} => Attachments { label, items });

shape!(Attachment as "Attachment" {
    marker: "marker" => default(String::new()),
    name: "name" => required,
    href: "href" => default(None),
    file_type: "fileType" => default(None),
} => Attachment { marker, name, href, file_type });

shape!(Signature as "Signature" {
    organisations: "organisations" => required,
    date: "date" => default(None),
} => Signature { organisations, date });

shape!(TextBlock as "TextBlock" {
    text: "text" => required,
} => TextBlock { text });

shape!(Contents as "Contents" {
    label: "label" => default(None),
    entries: "entries" => required,
} => Contents { label, entries });

shape!(ContentsEntry as "ContentsEntry" {
    level: "level" => required,
    marker: "marker" => default(String::new()),
    text: "text" => required,
    page: "page" => default(None),
} => ContentsEntry { level, marker, text, page });

shape!(Image as "Image" {
    src: "src" => required,
    alt: "alt" => default(String::new()),
} => Image { src, alt });

impl Shape for Present {
    fn read(_: Value<'_>, _: Path<'_>) -> Result<Self> {
        Ok(Present)
    }
}

shape!(DocumentHead as "DocumentHead" {
    version: "version" => required,
    lang: "lang" => default(crate::model::Document::default().lang),
    title: "title" => default(None),
    breadcrumb: "breadcrumb" => default(Vec::new()),
    meta: "meta" => default(Vec::new()),
    body: "body" => default(Present),
    actions: "actions" => default(Vec::new()),
    diagnostics: "diagnostics" => default(Vec::new()),
} => DocumentHead { version, lang, title, breadcrumb, meta, body, actions, diagnostics });

shape!(SectionHead as "SectionHead" {
    level: "level" => required,
    marker: "marker" => required,
    heading: "heading" => required,
    run_in: "runIn" => default(false),
    blocks: "blocks" => required,
} => SectionHead { level, marker, heading, run_in, blocks });
