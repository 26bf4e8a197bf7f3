//! The model's types, the speech plan's chunks and their names, written as
//! their `Serialize` derives write them.

use super::{write_str, Object, WriteJson};
use crate::error::{Diagnostic, DiagnosticCode};
use crate::model::{
    Action, Attachment, Attachments, Block, Contents, ContentsEntry, Crumb, Document, Image,
    Inline, List, ListItem, MetaField, MetaKey, Paragraph, Section, Signature, Table, TableCell,
    TableRow, TextBlock,
};
use crate::speech::{Chunk, ChunkKind};

impl WriteJson for Document {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("version", &self.version)
            .field("lang", &self.lang)
            .field("title", &self.title)
            .field("breadcrumb", &self.breadcrumb)
            .field("meta", &self.meta)
            .field("body", &self.body)
            .field("actions", &self.actions)
            .field("diagnostics", &self.diagnostics)
            .end();
    }
}

impl WriteJson for Crumb {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("label", &self.label)
            .field("href", &self.href)
            .end();
    }
}

impl WriteJson for MetaField {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("key", &self.key)
            .field("label", &self.label)
            .field("value", &self.value)
            .end();
    }
}

impl WriteJson for Block {
    fn write_json(&self, out: &mut String) {
        // Internally tagged: the `type` first, then the fields of the block.
        let (tag, fields): (&str, &dyn Fields) = match self {
            Block::Section(b) => ("section", b),
            Block::Paragraph(b) => ("paragraph", b),
            Block::List(b) => ("list", b),
            Block::Table(b) => ("table", b),
            Block::Attachments(b) => ("attachments", b),
            Block::Signature(b) => ("signature", b),
            Block::Addressee(b) => ("addressee", b),
            Block::Note(b) => ("note", b),
            Block::Contents(b) => ("contents", b),
            Block::Image(b) => ("image", b),
        };
        let mut object = Object::start(out);
        object.field("type", tag);
        fields.fields(&mut object);
        object.end();
    }
}

/// A struct's fields, written into an object already started (so that a
/// block can put its `type` first).
trait Fields {
    fn fields(&self, object: &mut Object<'_>);
}

/// Writes a type as an object of its [`Fields`].
macro_rules! object_of_fields {
    ($($ty:ty),* $(,)?) => {$(
        impl WriteJson for $ty {
            fn write_json(&self, out: &mut String) {
                let mut object = Object::start(out);
                self.fields(&mut object);
                object.end();
            }
        }
    )*};
}

object_of_fields!(
    Section,
    Paragraph,
    Inline,
    List,
    ListItem,
    Table,
    TableRow,
    TableCell,
    Attachments,
    Attachment,
    Signature,
    TextBlock,
    Contents,
    ContentsEntry,
    Image,
    Diagnostic,
    Chunk,
);

impl Fields for Section {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("level", &self.level)
            .field("marker", &self.marker)
            .field("heading", &self.heading)
            .field("runIn", &self.run_in)
            .field("blocks", &self.blocks);
    }
}

impl Fields for Paragraph {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("text", &self.text)
            .nonempty("inlines", &self.inlines);
    }
}

impl Fields for Inline {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("text", &self.text)
            .some("href", self.href.as_ref())
            .flag("strong", self.strong)
            .flag("em", self.em);
    }
}

impl Fields for List {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("ordered", &self.ordered)
            .field("items", &self.items);
    }
}

impl Fields for ListItem {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("marker", &self.marker)
            .some("lead", self.lead.as_ref())
            .field("text", &self.text)
            .nonempty("inlines", &self.inlines);
    }
}

impl Fields for Table {
    fn fields(&self, o: &mut Object<'_>) {
        o.some("caption", self.caption.as_ref())
            .field("rows", &self.rows);
    }
}

impl Fields for TableRow {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("header", &self.header).field("cells", &self.cells);
    }
}

impl Fields for TableCell {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("text", &self.text).flag("header", self.header);
        if self.colspan != 1 {
            o.field("colspan", &self.colspan);
        }
        if self.rowspan != 1 {
            o.field("rowspan", &self.rowspan);
        }
        o.nonempty("inlines", &self.inlines)
            .nonempty("images", &self.images);
    }
}

impl Fields for Attachments {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("label", &self.label).field("items", &self.items);
    }
}

impl Fields for Attachment {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("marker", &self.marker)
            .field("name", &self.name)
            .some("href", self.href.as_ref())
            .some("fileType", self.file_type.as_ref());
    }
}

impl Fields for Signature {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("organisations", &self.organisations)
            .some("date", self.date.as_ref());
    }
}

impl Fields for TextBlock {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("text", &self.text);
    }
}

impl Fields for Contents {
    fn fields(&self, o: &mut Object<'_>) {
        o.some("label", self.label.as_ref())
            .field("entries", &self.entries);
    }
}

impl Fields for ContentsEntry {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("level", &self.level)
            .field("marker", &self.marker)
            .field("text", &self.text)
            .some("page", self.page.as_ref());
    }
}

impl Fields for Image {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("src", &self.src).field("alt", &self.alt);
    }
}

impl Fields for Diagnostic {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("code", &self.code)
            .field("message", &self.message)
            .some("line", self.line.as_ref());
    }
}

impl Fields for Chunk {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("index", &self.index)
            .field("target", &self.target)
            .field("kind", &self.kind)
            .field("text", &self.text)
            .field("display", &self.display);
    }
}

/// Unit enums written as their camelCase JSON names.
macro_rules! names {
    ($($ty:ty => $name:expr),* $(,)?) => {$(
        impl WriteJson for $ty {
            fn write_json(&self, out: &mut String) {
                let name: fn(&$ty) -> &'static str = $name;
                write_str(out, name(self));
            }
        }
    )*};
}

names!(
    MetaKey => |key| key.as_str(),
    Action => |action| action.as_str(),
    DiagnosticCode => |code| code.as_str(),
    ChunkKind => |kind| kind.as_str(),
);
