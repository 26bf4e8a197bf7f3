//! Document → speech plan: sentence-sized chunks tied to element ids, with
//! text normalised for listening.
//!
//! An engine speaks one [`Chunk`] at a time and highlights the element whose
//! id is the chunk's `target` (the same ids the view carries, from
//! [`crate::ids`]). Chunks are at most one sentence, and a long sentence is
//! cut again at its commas, because some network voices stop silently after
//! about fifteen seconds of one utterance.
//!
//! ```
//! use yilan::model::{Block, Document, Paragraph};
//! use yilan::speech::{speech_plan, SpeechOptions};
//!
//! let doc = Document {
//!     title: Some("关于印发通知的通知".into()),
//!     body: vec![Block::Paragraph(Paragraph::plain("1-12月完成。同比增长18.4%。"))],
//!     ..Document::default()
//! };
//! let chunks = speech_plan(&doc, &SpeechOptions::default());
//! let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
//! assert_eq!(texts, ["关于印发通知的通知", "1至12月完成。", "同比增长百分之18.4。"]);
//! assert_eq!(chunks[1].target, "yl-p1");
//! ```

mod chunk;
mod normalize;
mod plan;
pub mod reader;
mod tables;
pub mod voice;

use serde::{Deserialize, Serialize};

use crate::ids;
use crate::model::Document;

pub use normalize::{normalize, Rule, RULES};
pub use plan::{ElementSpan, Plan};

/// What the reader reads, and how long a chunk may be.
///
/// # Defaults
/// Title yes; the publishing line (publishing date and source, read as
/// "发布日期 2024年2月1日" and "来源 上盘镇", a chunk each) yes; other metadata no; breadcrumb
/// no; body yes, with tables (cell by cell, with column headers), image
/// descriptions, attachments and the signature; a printed 目录 no; chunks
/// of at most 60 spoken characters; reading from the start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SpeechOptions {
    /// 标题: read the title first. Default `true`.
    pub include_title: bool,
    /// 发布日期 and 来源 (or 发布单位 when the page names no source), a short
    /// chunk each after the title. The time of day is left out. Default `true`.
    pub include_publishing_line: bool,
    /// The other metadata fields (索引号, 文号, 成文日期, …), each as
    /// "label value", after the publishing line. Default `false`: a listener
    /// wants the text, and the view shows the fields.
    pub include_meta: bool,
    /// 当前位置: the breadcrumb, before the title. Default `false`.
    pub include_breadcrumb: bool,
    /// The body. Default `true`.
    pub include_body: bool,
    /// Table cells, row by row; a body cell is read with its column header
    /// ("完成情况：已完成") when [`Self::table_headers`] is on. Default `true`.
    pub include_tables: bool,
    /// Read each body cell with its column header (headers longer than 16
    /// spoken characters are not repeated). Default `true`.
    pub table_headers: bool,
    /// Images with a description, as "图片：…", those of table cells
    /// too (after the cell's text). Default `true`.
    pub include_images: bool,
    /// 附件: the attachment names. Default `true`.
    pub include_attachments: bool,
    /// 落款: the issuing organisation and date. Default `true`.
    pub include_signature: bool,
    /// 目录: a table of contents printed in the page. Default `false`: it
    /// repeats the headings that are read anyway, with page numbers, before
    /// any content; the view offers its own outline to jump with.
    pub include_contents: bool,
    /// The longest chunk, in characters of the spoken text. Default 60:
    /// about twelve to fifteen seconds at a slightly slow rate, within what
    /// network voices speak in one utterance. A sentence is cut at its
    /// commas first, then at its 顿号, then between words; a run of Latin
    /// letters or digits is never cut, so only such a run can make a chunk
    /// longer. Values below 1 act as 1.
    pub max_chars: usize,
    /// Start at the element with this id (a section, a paragraph, a list
    /// item…) instead of the top; an id the document does not have reads
    /// from the top. Default `None`.
    pub from: Option<String>,
    /// The prefix of the ids of the view the plan is for: the
    /// [`crate::RenderOptions::id_prefix`] it was rendered with. Chunk
    /// targets are written with it, and [`Self::from`] is an id with it. A
    /// prefix that [`crate::ids::is_prefix`] refuses counts as `yl-`, as in
    /// the render. Default `None`: `yl-` ([`crate::ids::PREFIX`]).
    pub id_prefix: Option<String>,
}

impl Default for SpeechOptions {
    fn default() -> Self {
        SpeechOptions {
            include_title: true,
            include_publishing_line: true,
            include_meta: false,
            include_breadcrumb: false,
            include_body: true,
            include_tables: true,
            table_headers: true,
            include_images: true,
            include_attachments: true,
            include_signature: true,
            include_contents: false,
            max_chars: MAX_CHARS,
            from: None,
            id_prefix: None,
        }
    }
}

/// [`SpeechOptions::max_chars`]'s default.
const MAX_CHARS: usize = 60;

/// The parts in which an engine says a chunk's spoken `text` at speech
/// `rate`, as utterances one after the other: the whole text, unless the
/// rate is slower than the default (0.9, [`crate::prefs::DEFAULT_SPEECH_RATE`]).
/// A chunk of the default 60 characters takes some twelve to fifteen
/// seconds at the default rate, and longer at a slower one, where a network
/// voice that stops after about fifteen seconds of one utterance would cut
/// its end off, silently. So at a slower rate a chunk is cut again, as a
/// sentence is (at its commas first, then its 顿号, then between words),
/// into parts of at most `60 × rate ÷ 0.9` characters: 46 at 慢 (0.7), 33
/// at half speed. A rate that is no number counts as the default; the
/// slowest counted is half speed.
///
/// ```
/// use yilan::speech::utterance_parts;
///
/// let text = "各地区各部门要结合实际认真组织实施，确保各项措施落到实处，切实提高群众的获得感、幸福感和安全感。";
/// assert_eq!(utterance_parts(text, 0.9), [text]);
/// assert_eq!(
///     utterance_parts(text, 0.7),
///     ["各地区各部门要结合实际认真组织实施，确保各项措施落到实处，", "切实提高群众的获得感、幸福感和安全感。"]
/// );
/// ```
pub fn utterance_parts(text: &str, rate: f32) -> Vec<&str> {
    let default = crate::prefs::DEFAULT_SPEECH_RATE;
    if !rate.is_finite() || rate >= default {
        return vec![text];
    }
    // In range: 33 ≤ bound < 60.
    let bound = (MAX_CHARS as f32 * rate.max(crate::prefs::MIN_SPEECH_RATE) / default) as usize;
    if text.chars().count() <= bound {
        return vec![text];
    }
    let count = |s: &str| s.chars().count();
    chunk::pieces(text, bound, &count)
        .into_iter()
        .filter_map(|range| text.get(range))
        .collect()
}

/// What a chunk reads: the engine may pace or voice kinds differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ChunkKind {
    /// 标题
    Title,
    /// 当前位置
    Breadcrumb,
    /// A metadata field or the publishing line.
    Meta,
    /// A section heading (with its marker).
    Heading,
    /// Running text.
    Paragraph,
    /// A list item (with its marker and lead).
    ListItem,
    /// A table cell (with its column header).
    TableCell,
    /// A table's caption.
    Caption,
    /// 附件: the label or an attachment's name.
    Attachment,
    /// 落款
    Signature,
    /// 主送
    Addressee,
    /// (此件公开发布) and the like.
    Note,
    /// 目录 entries.
    Contents,
    /// An image's description.
    Image,
}

impl ChunkKind {
    /// The kind's name in JSON and in JavaScript (`listItem`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChunkKind::Title => "title",
            ChunkKind::Breadcrumb => "breadcrumb",
            ChunkKind::Meta => "meta",
            ChunkKind::Heading => "heading",
            ChunkKind::Paragraph => "paragraph",
            ChunkKind::ListItem => "listItem",
            ChunkKind::TableCell => "tableCell",
            ChunkKind::Caption => "caption",
            ChunkKind::Attachment => "attachment",
            ChunkKind::Signature => "signature",
            ChunkKind::Addressee => "addressee",
            ChunkKind::Note => "note",
            ChunkKind::Contents => "contents",
            ChunkKind::Image => "image",
        }
    }
}

/// One utterance of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Chunk {
    /// Position in the whole document's plan, from 0; a plan that starts
    /// later ([`SpeechOptions::from`]) keeps these numbers.
    pub index: u32,
    /// The id of the element to highlight ([`crate::ids`]); a section's
    /// heading is its section's id.
    pub target: String,
    pub kind: ChunkKind,
    /// What to speak: normalised for listening, never empty.
    pub text: String,
    /// The text as written, for highlighting and search: a piece of the
    /// element's text (for metadata, "label：value").
    pub display: String,
}

/// The speech plan of `doc`: its chunks in reading order, starting at
/// [`SpeechOptions::from`] when that is set.
pub fn speech_plan(doc: &Document, options: &SpeechOptions) -> Vec<Chunk> {
    let mut plan = Plan::new(doc, options);
    // The plan is made with the default ids; the view may have its own.
    if let Some(prefix) = options.id_prefix.as_deref().filter(|p| ids::is_prefix(p)) {
        for element in &mut plan.elements {
            element.id = ids::with_prefix(&element.id, prefix);
        }
        for chunk in &mut plan.chunks {
            chunk.target = ids::with_prefix(&chunk.target, prefix);
        }
    }
    let start = options
        .from
        .as_deref()
        .and_then(|id| plan.span(id))
        .map_or(0, |span| span.start);
    let mut chunks = plan.chunks;
    chunks.drain(..start.min(chunks.len()));
    chunks
}
