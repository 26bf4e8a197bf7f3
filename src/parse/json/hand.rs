//! The shape step: every model type read by hand from a JSON value, with
//! the codes, paths and messages that serde's derived readers and
//! serde_path_to_error give (a unit test compares the two on every field of
//! a document, broken every way it can be). The scalars, enums and lists
//! are read here; the structs from their tables in `record.rs`.
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

use super::heads::Present;
use super::path::Path;
use super::value::{Fields, Number, Value};
use crate::error::{DiagnosticCode, ErrorCode, ModelError};
use crate::model::{Action, MetaKey};

type Result<T> = std::result::Result<T, ModelError>;

/// A model type read from the JSON value at `path`.
pub(super) trait Shape: Sized {
    /// Reads `value`, which sits at `path`.
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self>;

    /// Reads `value` for a field whose values, when it is an integer, run
    /// over `range` (the lowest and highest the model allows, which its
    /// errors state); other types ignore it.
    fn read_in(value: Value<'_>, path: Path<'_>, _range: Option<(u32, u32)>) -> Result<Self> {
        Self::read(value, path)
    }
}

pub(super) fn error(path: Path<'_>, message: String) -> ModelError {
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
        _ => format!("one of `{}`", names.join("`, `")),
    }
}

/// The fields of the struct `name` at `path`, or the error for a non-object.
pub(super) fn object<'a>(value: Value<'a>, name: &str, path: Path<'_>) -> Result<Fields<'a>> {
    match value {
        Value::Object(fields) => Ok(fields),
        other => Err(invalid_type(&other, &format!("struct {name}"), path)),
    }
}

pub(super) fn unknown(key: &str, fields: &[&str], path: Path<'_>) -> ModelError {
    error(
        path.key(key),
        format!("unknown field `{key}`, expected {}", one_of(fields)),
    )
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

/// An unsigned integer of at most `max` (what its type holds), for a field
/// whose values run from `low` to `high` (often fewer): a value that is not
/// such an integer is an error that states that range. An integer the type
/// cannot hold (`300` for a level, `-1`) is out of range, as `9` is where
/// validation finds it ([`ErrorCode::Value`]); anything else (a fraction, a
/// string) is of the wrong type ([`ErrorCode::Shape`]).
#[inline(never)]
fn integer(value: &Value<'_>, max: u32, (low, high): (u32, u32), path: Path<'_>) -> Result<u32> {
    if let Value::Number(Number::Unsigned(u)) = value {
        if let Some(n) = u32::try_from(*u).ok().filter(|n| *n <= max) {
            return Ok(n);
        }
    }
    let expected = format!("an integer from {low} to {high}");
    match value {
        Value::Number(n @ (Number::Unsigned(_) | Number::Negative(_))) => Err(ModelError::new(
            ErrorCode::Value,
            path.text(),
            format!("invalid value: {}, expected {expected}", number(n)),
        )),
        _ => Err(invalid_type(value, &expected, path)),
    }
}

impl Shape for u8 {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        Self::read_in(value, path, None)
    }

    fn read_in(value: Value<'_>, path: Path<'_>, range: Option<(u32, u32)>) -> Result<Self> {
        const MAX: u32 = u8::MAX as u32;
        // At most `MAX`: the cast keeps it whole.
        integer(&value, MAX, range.unwrap_or((0, MAX)), path).map(|n| n as u8)
    }
}

impl Shape for u32 {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        Self::read_in(value, path, None)
    }

    fn read_in(value: Value<'_>, path: Path<'_>, range: Option<(u32, u32)>) -> Result<Self> {
        integer(&value, u32::MAX, range.unwrap_or((0, u32::MAX)), path)
    }
}

impl<T: Shape> Shape for Option<T> {
    fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
        Self::read_in(value, path, None)
    }

    fn read_in(value: Value<'_>, path: Path<'_>, range: Option<(u32, u32)>) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            other => T::read_in(other, path, range).map(Some),
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

impl Shape for Present {
    fn read(_: Value<'_>, _: Path<'_>) -> Result<Self> {
        Ok(Present)
    }
}
