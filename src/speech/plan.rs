//! The plan: the document walked in reading order, each element's text
//! turned into chunks, and for every element where its chunks are.

use std::cell::RefCell;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::chunk::pieces;
use super::normalize::{announces_digits, date_only, normalize, normalize_numbers};
use super::{Chunk, ChunkKind, SpeechOptions};
use crate::hash::Map;
use crate::ids;
use crate::model::{Block, Document, MetaField, MetaKey, Table};
use crate::parse::lines::char_count_upto;
use crate::render::Locale;

/// Columns tracked for header context; cells further right are read
/// without their header (a guard against absurd colspans).
const MAX_COLUMNS: usize = 256;

/// A column header longer than this (spoken characters) is not repeated
/// before each cell: it would drown the value.
const MAX_HEADER_CHARS: usize = 16;

/// Where an element's chunks are in [`Plan::chunks`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementSpan {
    /// The element's id ([`crate::ids`]).
    pub id: String,
    /// Its first chunk; for an element with no chunk of its own, the next
    /// chunk after it (so reading "from" it starts at the right place).
    pub start: u32,
    /// One past its last chunk, what it contains included (a section's
    /// span covers its heading and all its blocks).
    pub end: u32,
}

/// The whole plan of a document: the chunks, and for every element that
/// the plan visited, where its chunks are. The viewer reads
/// [`Plan::from`] for 朗读 from the focused section and [`Plan::of`] for
/// 指读 of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub chunks: Vec<Chunk>,
    pub elements: Vec<ElementSpan>,
}

impl Plan {
    /// Plans the whole document ([`SpeechOptions::from`] is not applied:
    /// use [`Plan::from`]).
    pub fn new(doc: &Document, options: &SpeechOptions) -> Plan {
        let mut builder = Builder {
            options,
            max: options.max_chars.max(1),
            plan: Plan {
                chunks: Vec::new(),
                elements: Vec::new(),
            },
        };
        if options.include_breadcrumb {
            builder.breadcrumb(doc);
        }
        if options.include_title {
            if let Some(title) = &doc.title {
                let e = builder.open(ids::TITLE.to_owned());
                builder.written(ids::TITLE, ChunkKind::Title, title, None);
                builder.close(e);
            }
        }
        builder.meta(doc);
        if options.include_body {
            if doc.body.is_empty() {
                builder.no_body(doc);
            } else {
                builder.body(doc);
            }
        }
        builder.plan
    }

    /// The chunk range of the element `id`, if the plan visited it. Linear
    /// in the number of elements.
    pub fn span(&self, id: &str) -> Option<Range<usize>> {
        let e = self.elements.iter().find(|e| e.id == id)?;
        Some(e.start as usize..e.end as usize)
    }

    /// The index of the first chunk to read when starting at element `id`.
    pub fn start_of(&self, id: &str) -> Option<usize> {
        self.span(id)
            .map(|s| s.start)
            .filter(|&s| s < self.chunks.len())
    }

    /// 朗读 from here: the chunks from element `id` to the end; empty when
    /// the plan has no element `id`.
    pub fn from(&self, id: &str) -> &[Chunk] {
        self.span(id)
            .and_then(|s| self.chunks.get(s.start..))
            .unwrap_or(&[])
    }

    /// 指读: the chunks of element `id` (and of what it contains) only.
    pub fn of(&self, id: &str) -> &[Chunk] {
        self.span(id)
            .and_then(|s| self.chunks.get(s))
            .unwrap_or(&[])
    }
}

struct Builder<'o> {
    options: &'o SpeechOptions,
    max: usize,
    plan: Plan,
}

fn has_speech(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Whether a field has a value worth saying (not 0000-00-00, see
/// [`MetaField::is_blank`]).
fn says_something(field: &MetaField) -> bool {
    !field.is_blank() && has_speech(&field.value)
}

impl Builder<'_> {
    /// Where the body would be, the line the view shows in its place
    /// (本页未找到可以显示的正文。), in the document's language, which the
    /// voice is chosen for: a listener hears why the reading ends after the
    /// details.
    fn no_body(&mut self, doc: &Document) {
        let line = Locale::from_tag(&doc.lang).strings().no_body;
        let e = self.open(ids::NO_BODY.to_owned());
        self.written(ids::NO_BODY, ChunkKind::Paragraph, line, None);
        self.close(e);
    }

    fn next(&self) -> u32 {
        u32::try_from(self.plan.chunks.len()).unwrap_or(u32::MAX)
    }

    fn open(&mut self, id: String) -> usize {
        let start = self.next();
        self.plan.elements.push(ElementSpan {
            id,
            start,
            end: start,
        });
        self.plan.elements.len() - 1
    }

    fn close(&mut self, element: usize) {
        let end = self.next();
        if let Some(e) = self.plan.elements.get_mut(element) {
            e.end = end;
        }
    }

    fn push(&mut self, target: &str, kind: ChunkKind, text: String, display: &str) {
        if !has_speech(&text) {
            return;
        }
        let index = self.next();
        self.plan.chunks.push(Chunk {
            index,
            target: target.to_owned(),
            kind,
            text,
            display: display.to_owned(),
        });
    }

    /// Chunks of text as written: cut into pieces, each normalised; the
    /// first spoken piece is preceded by `prefix` and a colon.
    fn written(&mut self, target: &str, kind: ChunkKind, display: &str, prefix: Option<&str>) {
        // Measuring a piece normalises it; most measured pieces (whole
        // sentences) are then spoken as they are, so the normalised text is
        // kept by its byte range instead of being made again.
        let measured: RefCell<Map<(usize, usize), String>> = RefCell::default();
        let measure = |s: &str| {
            let spoken = normalize(s);
            let count = spoken.chars().count();
            let start = (s.as_ptr() as usize)
                .checked_sub(display.as_ptr() as usize)
                .filter(|start| start + s.len() <= display.len());
            if let Some(start) = start {
                measured.borrow_mut().insert((start, s.len()), spoken);
            }
            count
        };
        let ranges = pieces(display, self.max, &measure);
        let mut measured = measured.into_inner();
        let mut prefix = prefix;
        for range in ranges {
            let key = (range.start, range.len());
            let piece = display.get(range).unwrap_or("");
            let mut text = measured.remove(&key).unwrap_or_else(|| normalize(piece));
            if !has_speech(&text) {
                continue;
            }
            if let Some(p) = prefix.take() {
                text = format!("{p}：{text}");
            }
            self.push(target, kind, text, piece);
        }
    }

    /// Chunks of text already made for listening, with one display text.
    fn spoken(&mut self, target: &str, kind: ChunkKind, spoken: &str, display: &str) {
        let measure = |s: &str| s.chars().count();
        for range in pieces(spoken, self.max, &measure) {
            let piece = spoken.get(range).unwrap_or("").to_owned();
            self.push(target, kind, piece, display);
        }
    }

    fn breadcrumb(&mut self, doc: &Document) {
        let labels: Vec<String> = doc
            .breadcrumb
            .iter()
            .map(|c| normalize(&c.label))
            .filter(|l| has_speech(l))
            .collect();
        // Joined as `&str`s, as every other list of words is.
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        if labels.is_empty() {
            return;
        }
        let display: Vec<&str> = doc.breadcrumb.iter().map(|c| c.label.as_str()).collect();
        let e = self.open(ids::BREADCRUMB.to_owned());
        let spoken = format!("当前位置 {}", labels.join("，"));
        self.spoken(
            ids::BREADCRUMB,
            ChunkKind::Breadcrumb,
            &spoken,
            &display.join(" > "),
        );
        self.close(e);
    }

    /// The publishing line, then (on request) the other fields.
    fn meta(&mut self, doc: &Document) {
        // (As in the view: a field that repeats the title is not there.)
        if doc.meta.iter().all(|m| doc.repeats_title(m))
            || !(self.options.include_publishing_line || self.options.include_meta)
        {
            return;
        }
        let field = |key: MetaKey| {
            doc.meta
                .iter()
                .position(|m| m.key == key && says_something(m))
        };
        let whole = self.open(ids::META.to_owned());
        let mut used = Vec::new();
        if self.options.include_publishing_line {
            let published = field(MetaKey::Published);
            let source = field(MetaKey::Source).or_else(|| field(MetaKey::Publisher));
            let mut parts = Vec::new();
            for index in [published, source].into_iter().flatten() {
                let Some(m) = doc.meta.get(index) else {
                    continue;
                };
                let spoken = match m.key {
                    MetaKey::Published => format!("发布日期 {}", date_only(&m.value)),
                    MetaKey::Source => format!("来源 {}", normalize(&m.value)),
                    _ => format!("{} {}", normalize(&m.label), normalize(&m.value)),
                };
                parts.push((index, spoken, format!("{}：{}", m.label, m.value)));
                used.push(index);
            }
            // One chunk a field, so that what is highlighted is what is
            // being said.
            for (index, spoken, display) in &parts {
                let target = ids::meta_id(*index);
                let e = self.open(target.clone());
                self.spoken(&target, ChunkKind::Meta, spoken, display);
                self.close(e);
            }
        }
        for (index, m) in doc.meta.iter().enumerate() {
            if used.contains(&index) || doc.repeats_title(m) {
                continue;
            }
            let target = ids::meta_id(index);
            let e = self.open(target.clone());
            if self.options.include_meta && says_something(m) {
                let spoken = format!("{} {}", normalize(&m.label), normalize(&m.value));
                let display = format!("{}：{}", m.label, m.value);
                self.spoken(&target, ChunkKind::Meta, &spoken, &display);
            }
            self.close(e);
        }
        self.close(whole);
    }

    fn body(&mut self, doc: &Document) {
        // Sections still open, as (depth, element); a block at depth d
        // closes every open section at depth d or deeper.
        let mut sections: Vec<(usize, usize)> = Vec::new();
        ids::walk(doc, |path, block| {
            while let Some(&(depth, e)) = sections.last() {
                if depth < path.len() {
                    break;
                }
                sections.pop();
                self.close(e);
            }
            let id = ids::block_id(path, block);
            let e = self.open(id.clone());
            self.block(&id, block);
            if matches!(block, Block::Section(_)) {
                sections.push((path.len(), e));
            } else {
                self.close(e);
            }
        });
        while let Some((_, e)) = sections.pop() {
            self.close(e);
        }
    }

    fn block(&mut self, id: &str, block: &Block) {
        let options = self.options;
        match block {
            Block::Section(s) => {
                let heading = format!("{}{}", s.marker, s.heading);
                self.written(id, ChunkKind::Heading, &heading, None);
            }
            Block::Paragraph(p) => self.written(id, ChunkKind::Paragraph, &p.text, None),
            Block::List(list) => {
                for (i, item) in list.items.iter().enumerate() {
                    let item_id = ids::item_id(id, i);
                    let e = self.open(item_id.clone());
                    let kind = ChunkKind::ListItem;
                    if let Some(lead) = &item.lead {
                        // The lead is read as its own sentence even when
                        // the page gives it no full stop.
                        self.written(&item_id, kind, &format!("{}{lead}", item.marker), None);
                        self.written(&item_id, kind, &item.text, None);
                    } else {
                        self.written(
                            &item_id,
                            kind,
                            &format!("{}{}", item.marker, item.text),
                            None,
                        );
                    }
                    self.close(e);
                }
            }
            Block::Table(table) if options.include_tables => self.table(id, table),
            Block::Attachments(a) if options.include_attachments => {
                self.written(id, ChunkKind::Attachment, &a.label, None);
                for (i, item) in a.items.iter().enumerate() {
                    let item_id = ids::item_id(id, i);
                    let e = self.open(item_id.clone());
                    let name = format!("{}{}", item.marker, item.name);
                    self.written(&item_id, ChunkKind::Attachment, &name, None);
                    self.close(e);
                }
            }
            Block::Signature(s) if options.include_signature => {
                for line in s.organisations.iter().chain(&s.date) {
                    self.written(id, ChunkKind::Signature, line, None);
                }
            }
            Block::Addressee(t) => self.written(id, ChunkKind::Addressee, &t.text, None),
            Block::Note(t) => self.written(id, ChunkKind::Note, &t.text, None),
            Block::Contents(c) if options.include_contents => {
                if let Some(label) = &c.label {
                    self.written(id, ChunkKind::Contents, label, None);
                }
                for entry in &c.entries {
                    let line = format!("{}{}", entry.marker, entry.text);
                    self.written(id, ChunkKind::Contents, &line, None);
                }
            }
            Block::Image(img) if options.include_images => self.image(id, &img.alt),
            _ => {}
        }
    }

    /// An image with a description, as "图片：…"; a decorative one (no
    /// `alt`) is silent.
    fn image(&mut self, target: &str, alt: &str) {
        self.written(target, ChunkKind::Image, alt, Some("图片"));
    }

    /// Cells row by row; a body cell is preceded by its column's header,
    /// and followed by its images.
    fn table(&mut self, id: &str, table: &Table) {
        if let Some(caption) = &table.caption {
            self.written(id, ChunkKind::Caption, caption, None);
        }
        // Per column: its header's spoken text, and how many more rows a
        // cell above still covers it.
        let mut headers: Vec<String> = Vec::new();
        // Per column: whether its header announces phone numbers or
        // postcodes (联系电话), whose cells are read digit by digit.
        let mut digits: Vec<bool> = Vec::new();
        let mut covered: Vec<u32> = Vec::new();
        for (r, row) in table.rows.iter().enumerate() {
            let mut col = 0usize;
            for (c, cell) in row.cells.iter().enumerate() {
                while covered.get(col).is_some_and(|&n| n > 0) {
                    col += 1;
                }
                let span = usize::try_from(cell.colspan.max(1)).unwrap_or(MAX_COLUMNS);
                let cols = col.min(MAX_COLUMNS)..col.saturating_add(span).min(MAX_COLUMNS);
                if covered.len() < cols.end {
                    covered.resize(cols.end, 0);
                    headers.resize(cols.end, String::new());
                    digits.resize(cols.end, false);
                }
                let mut prefix = None;
                if row.header {
                    let spoken = normalize(&cell.text);
                    let label = if spoken.chars().count() <= MAX_HEADER_CHARS {
                        spoken
                    } else {
                        String::new()
                    };
                    for h in headers.get_mut(cols.clone()).unwrap_or(&mut []) {
                        h.clone_from(&label);
                    }
                    let announces = announces_digits(&cell.text);
                    for d in digits.get_mut(cols.clone()).unwrap_or(&mut []) {
                        *d = announces;
                    }
                } else if self.options.table_headers && !cell.header {
                    prefix = headers
                        .get(col)
                        .filter(|h| !h.is_empty() && **h != normalize(&cell.text))
                        .cloned();
                }
                for n in covered.get_mut(cols).unwrap_or(&mut []) {
                    *n = cell.rowspan.max(1);
                }
                let cell_id = ids::cell_id(id, r, c);
                let e = self.open(cell_id.clone());
                let numbers = !row.header && digits.get(col).copied().unwrap_or(false);
                if numbers && char_count_upto(&cell.text, 40) <= 40 {
                    // A short cell: one chunk, its number read digit by digit.
                    let spoken = normalize_numbers(&cell.text);
                    let text = match &prefix {
                        Some(p) => format!("{p}：{spoken}"),
                        None => spoken,
                    };
                    self.push(&cell_id, ChunkKind::TableCell, text, &cell.text);
                } else {
                    self.written(
                        &cell_id,
                        ChunkKind::TableCell,
                        &cell.text,
                        prefix.as_deref(),
                    );
                }
                // The cell's images read as an image block does.
                if self.options.include_images {
                    for image in &cell.images {
                        self.image(&cell_id, &image.alt);
                    }
                }
                self.close(e);
                col = col.saturating_add(span);
            }
            for n in &mut covered {
                *n = n.saturating_sub(1);
            }
        }
    }
}
