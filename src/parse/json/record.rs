//! The model's structs read from a table of their fields: one loop
//! ([`record`]) reads any struct, in the object's key order, with serde's
//! codes, paths and messages; each struct is only a table of (JSON name,
//! kind, required) and the line that builds it from what was read.
//!
//! A reader per struct, with a `match` on the keys and a slot of the
//! field's own type for each field, was several times the code of this
//! table and its one loop in the wasm build.

use super::hand::{error, object, unknown, Shape};
use super::heads::{DocumentHead, Present, SectionHead};
use super::path::Path;
use super::validate::{MAX_COLSPAN, MAX_ROWSPAN};
use super::value::Value;
use crate::error::{Diagnostic, DiagnosticCode, ModelError};
use crate::model::{
    Action, Attachment, Attachments, Contents, ContentsEntry, Crumb, Document, Image, Inline, List,
    ListItem, MetaField, MetaKey, Paragraph, Signature, Table, TableCell, TableRow, TextBlock,
    MAX_LEVEL,
};

type Result<T> = std::result::Result<T, ModelError>;

/// A field of a struct: its JSON name, the type of its value, whether it
/// must be there, and for an integer, the values the model allows.
struct Field {
    key: &'static str,
    kind: Kind,
    required: bool,
    /// The lowest and highest value of an integer field (the value step
    /// checks them), stated when the value is not an integer its type
    /// holds; `None`: the type's own range.
    range: Option<(u32, u32)>,
}

/// Defines [`Kind`], [`Got`] and [`Slot`] together: each kind of field
/// value, the Rust type it is read as, and how it is read.
macro_rules! kinds {
    ($($kind:ident: $type:ty = $empty:expr,)*) => {
        /// The type of a field's value.
        #[derive(Clone, Copy)]
        enum Kind {
            $($kind,)*
        }

        /// A field's value, read.
        enum Got {
            $($kind($type),)*
        }

        /// Reads a value of the given kind at `path`; an integer's values
        /// run over `range` ([`Shape::read_in`]).
        fn read(
            kind: Kind,
            value: Value<'_>,
            path: Path<'_>,
            range: Option<(u32, u32)>,
        ) -> Result<Got> {
            Ok(match kind {
                $(Kind::$kind => Got::$kind(<$type as Shape>::read_in(value, path, range)?),)*
            })
        }

        $(impl Slot for $type {
            const KIND: Kind = Kind::$kind;
            #[inline(always)]
            fn take(got: Option<Got>) -> Option<Self> {
                match got {
                    Some(Got::$kind(value)) => Some(value),
                    _ => None,
                }
            }
            fn empty() -> Self {
                $empty
            }
        })*
    };
}

kinds! {
    Str: String = String::new(),
    OptStr: Option<String> = None,
    Bool: bool = false,
    U8: u8 = 0,
    U32: u32 = 0,
    OptU32: Option<u32> = None,
    Key: MetaKey = MetaKey::Other,
    Code: DiagnosticCode = DiagnosticCode::Garbled,
    Blocks: Present = Present,
    Strings: Vec<String> = Vec::new(),
    Inlines: Vec<Inline> = Vec::new(),
    Crumbs: Vec<Crumb> = Vec::new(),
    Metas: Vec<MetaField> = Vec::new(),
    Actions: Vec<Action> = Vec::new(),
    Diagnostics: Vec<Diagnostic> = Vec::new(),
    Items: Vec<ListItem> = Vec::new(),
    Rows: Vec<TableRow> = Vec::new(),
    Cells: Vec<TableCell> = Vec::new(),
    Images: Vec<Image> = Vec::new(),
    Files: Vec<Attachment> = Vec::new(),
    Entries: Vec<ContentsEntry> = Vec::new(),
}

/// A Rust type a field is read as.
trait Slot: Sized {
    /// Its kind in a struct's table.
    const KIND: Kind;
    /// The value read, if the field was there.
    fn take(got: Option<Got>) -> Option<Self>;
    /// The value of an optional field that is absent (and the stand-in
    /// for a required one, which [`record`] has already reported).
    fn empty() -> Self;
}

/// Reads the struct `name` at `path` from `value` into `slots`, one per
/// field in declaration order, all `None` to begin with (and where the
/// object lacks the field), by its table: fields in the object's key order (so the
/// first error is serde's first error), an unknown key reported with the
/// list of fields, a key given twice at its second, then the first
/// required field missing, in declaration order.
#[inline(never)]
fn record(
    value: Value<'_>,
    name: &str,
    fields: &[Field],
    path: Path<'_>,
    slots: &mut [Option<Got>],
) -> Result<()> {
    let object = object(value, name, path)?;
    for (key, value) in object {
        let key: &str = &key;
        let found = fields
            .iter()
            .zip(slots.iter_mut())
            .find(|(field, _)| field.key.len() == key.len() && field.key == key);
        let Some((field, slot)) = found else {
            let names: Vec<&str> = fields.iter().map(|field| field.key).collect();
            return Err(unknown(key, &names, path));
        };
        if slot.is_some() {
            return Err(duplicate(path, key));
        }
        // Most fields are strings: read without the dispatch.
        let got = match (field.kind, value) {
            (Kind::Str, Value::String(text)) => Got::Str(text.into_owned()),
            (kind, value) => read(kind, value, path.key(key), field.range)?,
        };
        *slot = Some(got);
    }
    for (field, slot) in fields.iter().zip(slots.iter()) {
        if field.required && slot.is_none() {
            return Err(missing(path, field.key));
        }
    }
    Ok(())
}

/// serde's error for a required field that is absent.
fn missing(path: Path<'_>, key: &str) -> ModelError {
    error(path, format!("missing field `{key}`"))
}

/// serde's error for a field given twice, at the second (where serde_json's
/// value tree would have kept the last value).
pub(super) fn duplicate(path: Path<'_>, key: &str) -> ModelError {
    error(path.key(key), format!("duplicate field `{key}`"))
}

/// Implements [`Shape`] for a struct from its table: its JSON name, then
/// each field as `name: "jsonName" => Type`, marked `required` before the
/// JSON name, with the range of an integer after it (`[1, MAX_LEVEL]`), or
/// given a default after the type (`= expression`; else the type's empty
/// value), in declaration order (serde lists the fields in it, and reports
/// the first missing one in it).
macro_rules! records {
    ($($type:ident as $name:literal {
        $($field:ident : $($required:ident)? $key:literal $([$low:expr, $high:expr])?
            => $ftype:ty $(= $default:expr)?),* $(,)?
    } => $build:expr;)*) => {$(
        impl Shape for $type {
            fn read(value: Value<'_>, path: Path<'_>) -> Result<Self> {
                const FIELDS: &[Field] = &[$(Field {
                    key: $key,
                    kind: <$ftype as Slot>::KIND,
                    required: records!(@required $($required)?),
                    range: records!(@range $([$low, $high])?),
                }),*];
                let mut slots = [$(records!(@none $field)),*];
                record(value, $name, FIELDS, path, &mut slots)?;
                let [$($field),*] = slots;
                $(let $field = <$ftype as Slot>::take($field)
                    .unwrap_or_else(|| records!(@default $ftype $(= $default)?));)*
                Ok($build)
            }
        }
    )*};
    (@none $field:ident) => { None };
    (@required required) => { true };
    (@required) => { false };
    (@range [$low:expr, $high:expr]) => { Some(($low as u32, $high as u32)) };
    (@range) => { None };
    (@default $ftype:ty = $default:expr) => { $default };
    (@default $ftype:ty) => { <$ftype as Slot>::empty() };
}

records! {
    Crumb as "Crumb" {
        label: required "label" => String,
        href: "href" => Option<String>,
    } => Crumb { label, href };

    MetaField as "MetaField" {
        key: required "key" => MetaKey,
        label: required "label" => String,
        value: required "value" => String,
    } => MetaField { key, label, value };

    Diagnostic as "Diagnostic" {
        code: required "code" => DiagnosticCode,
        message: required "message" => String,
        line: "line" [1, u32::MAX] => Option<u32>,
    } => Diagnostic { code, message, line };

    Inline as "Inline" {
        text: required "text" => String,
        href: "href" => Option<String>,
        strong: "strong" => bool,
        em: "em" => bool,
    } => Inline { text, href, strong, em };

    Paragraph as "Paragraph" {
        text: required "text" => String,
        inlines: "inlines" => Vec<Inline>,
    } => Paragraph { text, inlines };

    List as "List" {
        ordered: required "ordered" => bool,
        items: required "items" => Vec<ListItem>,
    } => List { ordered, items };

    ListItem as "ListItem" {
        marker: "marker" => String,
        lead: "lead" => Option<String>,
        text: required "text" => String,
        inlines: "inlines" => Vec<Inline>,
    } => ListItem { marker, lead, text, inlines };

    Table as "Table" {
        caption: "caption" => Option<String>,
        rows: required "rows" => Vec<TableRow>,
    } => Table { caption, rows };

    TableRow as "TableRow" {
        header: "header" => bool,
        cells: required "cells" => Vec<TableCell>,
    } => TableRow { header, cells };

    TableCell as "TableCell" {
        text: required "text" => String,
        header: "header" => bool,
        colspan: "colspan" [1, MAX_COLSPAN] => u32 = 1,
        rowspan: "rowspan" [1, MAX_ROWSPAN] => u32 = 1,
        inlines: "inlines" => Vec<Inline>,
        images: "images" => Vec<Image>,
    } => TableCell { text, header, colspan, rowspan, inlines, images };

    Attachments as "Attachments" {
        label: required "label" => String,
        items: required "items" => Vec<Attachment>,
    } => Attachments { label, items };

    Attachment as "Attachment" {
        marker: "marker" => String,
        name: required "name" => String,
        href: "href" => Option<String>,
        file_type: "fileType" => Option<String>,
    } => Attachment { marker, name, href, file_type };

    Signature as "Signature" {
        organisations: required "organisations" => Vec<String>,
        date: "date" => Option<String>,
    } => Signature { organisations, date };

    TextBlock as "TextBlock" {
        text: required "text" => String,
    } => TextBlock { text };

    Contents as "Contents" {
        label: "label" => Option<String>,
        entries: required "entries" => Vec<ContentsEntry>,
    } => Contents { label, entries };

    ContentsEntry as "ContentsEntry" {
        level: required "level" [1, u8::MAX] => u8,
        marker: "marker" => String,
        text: required "text" => String,
        page: "page" => Option<String>,
    } => ContentsEntry { level, marker, text, page };

    Image as "Image" {
        src: required "src" => String,
        alt: "alt" => String,
    } => Image { src, alt };

    DocumentHead as "DocumentHead" {
        version: required "version" => u32,
        lang: "lang" => String = Document::default().lang,
        title: "title" => Option<String>,
        breadcrumb: "breadcrumb" => Vec<Crumb>,
        meta: "meta" => Vec<MetaField>,
        body: "body" => Present,
        actions: "actions" => Vec<Action>,
        diagnostics: "diagnostics" => Vec<Diagnostic>,
    } => DocumentHead { version, lang, title, breadcrumb, meta, body, actions, diagnostics };

    SectionHead as "SectionHead" {
        level: required "level" [1, MAX_LEVEL] => u8,
        marker: required "marker" => String,
        heading: required "heading" => String,
        run_in: "runIn" => bool,
        blocks: required "blocks" => Present,
    } => SectionHead { level, marker, heading, run_in, blocks };
}
