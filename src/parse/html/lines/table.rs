//! Data tables in the walk: a table that holds data (see
//! [`is_data_table`]) gives one line per row with real cells, which hold
//! their images and spans; a row whose first cell is a metadata label with
//! its colon (`索 引 号：`) is read as the text line a browser shows, so the
//! metadata rules see it as they see page text.

use std::borrow::Cow;

use super::{Builder, Frame};
use crate::model::TableCell;
use crate::parse::html::events::Element;
use crate::parse::html::runs::{Buf, Style};
use crate::parse::html::tags::Tag;
use crate::parse::html::tree::{NodeId, Tree};
use crate::parse::lines::{cell_words, Hints};
use crate::parse::meta::{self, Unknown};

/// Largest `colspan` (HTML clamps it to 1000).
const MAX_COLSPAN: u32 = 1000;
/// Largest `rowspan` (HTML clamps it to 65534).
const MAX_ROWSPAN: u32 = 65534;

/// A data table being read.
#[derive(Default)]
pub(super) struct TableState {
    /// The `table` element.
    id: NodeId,
    rows: usize,
    row: Option<Vec<TableCell>>,
    /// The cell being read: its text so far, and the cell.
    pub(super) cell: Option<(Buf, TableCell)>,
}

impl Builder<'_> {
    pub(super) fn open_table_parts(&mut self, id: NodeId, kind: Tag, e: &Element, style: &Style) {
        let data_table = kind == Tag::Table
            && self.table.is_none()
            && !self.holds_plan(id)
            && is_data_table(self.tree, id);
        match (kind, &mut self.table) {
            (Tag::Table, None) if data_table => {
                self.flush();
                self.table = Some(TableState {
                    id,
                    ..TableState::default()
                });
            }
            (Tag::Tr, Some(t)) => t.row = Some(Vec::new()),
            (Tag::Td | Tag::Th, Some(t)) if t.row.is_some() => {
                let mut cell = TableCell::plain("");
                cell.header = kind == Tag::Th;
                cell.colspan = span(e.attr("colspan"), MAX_COLSPAN);
                cell.rowspan = span(e.attr("rowspan"), MAX_ROWSPAN);
                let mut buf = Buf::new();
                buf.align = style.align;
                t.cell = Some((buf, cell));
            }
            _ => {}
        }
    }

    pub(super) fn close_table_parts(&mut self, f: &Frame) {
        let Some(t) = &mut self.table else { return };
        match f.kind {
            Tag::Td | Tag::Th => {
                if let (Some((mut buf, mut cell)), Some(row)) = (t.cell.take(), t.row.as_mut()) {
                    let (text, inlines, strong) = buf.take();
                    cell.text = text;
                    cell.inlines = inlines;
                    // A bold first row is the header row (Word's tables).
                    cell.header |= strong && t.rows == 0 && !cell.text.is_empty();
                    row.push(cell);
                }
            }
            Tag::Tr => {
                if let Some(cells) = t.row.take() {
                    t.rows += 1;
                    self.row_line(cells);
                }
            }
            Tag::Table if f.id == t.id => self.table = None,
            _ => {}
        }
    }

    /// Whether a table holds the content root or the breadcrumb (then it
    /// is page layout, whatever its shape).
    fn holds_plan(&self, table: NodeId) -> bool {
        [self.plan.content, self.plan.crumb]
            .into_iter()
            .flatten()
            .any(|n| self.tree.contains(table, n))
    }

    /// Emits a table row: as cells, or as the text line of metadata fields.
    fn row_line(&mut self, mut cells: Vec<TableCell>) {
        let first_row = self.table.as_ref().is_some_and(|t| t.rows == 1);
        // What the row says, its images by their alternative text: the
        // line's text, and the words its rules read.
        let words: Vec<Cow<str>> = cells.iter().map(cell_words).collect();
        let filled = || {
            cells
                .iter()
                .zip(&words)
                .filter(|(_, w)| !w.is_empty())
                .map(|(c, _)| c)
        };
        // A header row only when every filled cell says so.
        let all_header = filled().count() >= 2 && filled().all(|c| c.header);
        let is_meta = words.iter().find(|w| !w.is_empty()).is_some_and(|w| {
            meta::parse_line(w, Unknown::Reject)
                .is_some_and(|ml| ml.colons && !ml.fields.is_empty())
        });
        let joined = if is_meta {
            let filled: Vec<&str> = words
                .iter()
                .map(AsRef::as_ref)
                .filter(|w: &&str| !w.is_empty())
                .collect();
            filled.join(" ")
        } else {
            let all: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
            all.join(" | ")
        };
        // A line break inside a cell becomes a space.
        let text = joined.replace('\n', " ");
        drop(words);
        if first_row && !all_header {
            for c in &mut cells {
                if !c.text.is_empty() && c.header && c.inlines.iter().all(|r| r.strong) {
                    // Bold cells in a row that is not all bold are not headers.
                    c.header = false;
                }
            }
        }
        let mut hints = Hints::default();
        // (A row read as metadata has no cells: metadata holds no images,
        // only their alternative text, in the line.)
        if !is_meta {
            hints.cells = Some(cells);
        }
        self.push_line(text, hints);
    }
}

fn span(value: Option<&str>, max: u32) -> u32 {
    let digits: String = value
        .unwrap_or("")
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse::<u32>().unwrap_or(1).clamp(1, max)
}

/// A table that holds data rather than layout: no table inside it, and at
/// least two rows of at least two cells, or one such row that opens with
/// a metadata label (索引号： | 001/2024-1 | 发布日期： | 2024-01-02: read
/// as layout, each cell a line, the labels lost their values). The scan
/// stops at the first nested table, so nested layout tables cost little.
fn is_data_table(tree: &Tree, id: NodeId) -> bool {
    let Some(end) = tree.get(id).map(|n| n.end) else {
        return false;
    };
    let mut wide_rows = 0;
    let mut row: Option<NodeId> = None;
    let mut cells = 0;
    // The first cell of the first wide row.
    let mut first_cell: Option<NodeId> = None;
    let mut row_first: Option<NodeId> = None;
    for n in id + 1..end {
        let Some(node) = tree.get(n) else { break };
        match node.tag().as_bytes() {
            b"table" => return false,
            b"tr" => {
                if cells >= 2 {
                    wide_rows += 1;
                    first_cell = first_cell.or(row_first);
                }
                row = Some(n);
                cells = 0;
                row_first = None;
            }
            b"td" | b"th" if row.is_some() && node.parent == row => {
                cells += 1;
                row_first = row_first.or(Some(n));
            }
            _ => {}
        }
    }
    if cells >= 2 {
        wide_rows += 1;
        first_cell = first_cell.or(row_first);
    }
    let labelled = || {
        first_cell.is_some_and(|c| {
            tree.get(c).is_some_and(|n| n.chars <= 16)
                && matches!(meta::lookup(&tree.text(c)), Some(meta::LabelKind::Meta(_)))
        })
    };
    wide_rows >= 2 || (wide_rows == 1 && labelled())
}
