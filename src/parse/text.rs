//! Page text (what a browser's `innerText` gives) → lines → Document.
//!
//! The text front end only splits lines: CRLF and lone CR, a byte-order mark,
//! zero-width spaces, nbsp and U+3000 indentation, lines of only whitespace,
//! and table rows: `|`-separated, or tab-separated as `innerText` writes a
//! table. Every rule lives in the shared pipeline.

use super::assemble::assemble;
use super::chars::{self, TrimSpace};
use super::limit;
use super::lines::{is_space, Hints, Line, Trace};
use crate::model::{Document, TableCell};

pub use super::limit::DEFAULT_MAX_BYTES;

/// How to read page text.
///
/// # Defaults
/// `max_bytes`: [`DEFAULT_MAX_BYTES`] (16 MiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// The most input read, in bytes of UTF-8. Longer text is not refused
    /// (page text never fails): its first `max_bytes` are read, cut after
    /// the last line break within them (or at a character boundary when the
    /// first line alone is longer), and the document's first diagnostic is
    /// a [`crate::DiagnosticCode::Truncated`] one that says how much was read.
    pub max_bytes: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Parses page text into a document with the default options. Never fails
/// and never panics; what it was unsure of is in `diagnostics`.
///
/// ```
/// let doc = yilan::parse_text("一、总体情况\n今年以来，工作有序推进。");
/// assert_eq!(doc.body.len(), 1);
/// ```
pub fn parse_text(input: &str) -> Document {
    parse_text_with(input, &TextOptions::default())
}

/// Parses page text into a document. Never fails and never panics.
///
/// ```
/// use yilan::{parse_text_with, DiagnosticCode, TextOptions};
/// let options = TextOptions { max_bytes: 20 };
/// let doc = parse_text_with("一、总体情况\n今年以来，工作有序推进。", &options);
/// assert_eq!(doc.diagnostics[0].code, DiagnosticCode::Truncated);
/// assert_eq!(doc.body.len(), 1);
/// ```
pub fn parse_text_with(input: &str, options: &TextOptions) -> Document {
    let (input, truncated) = limit::truncate(input, options.max_bytes);
    let mut doc = parse_text_traced(input).0;
    if let Some(diagnostic) = truncated {
        doc.diagnostics.insert(0, diagnostic);
    }
    doc
}

/// Like [`parse_text`], and also returns the chrome taken out of the page,
/// for audits ("every other character is in the document").
pub fn parse_text_traced(input: &str) -> (Document, Trace) {
    assemble(lines(input))
}

/// Splits page text into lines with their indentation and table cells.
pub fn lines(input: &str) -> Vec<Line<'_>> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Every line first (a lone CR, as old Mac files end theirs, ends one
    // too; CRLF leaves an empty tail), with how many cells it has between
    // tabs: whether a line of tabs is a table row depends on its neighbours.
    let mut raw: Vec<(u32, &str, usize)> = Vec::new();
    for (n, whole) in input.split('\n').enumerate() {
        let number = u32::try_from(n + 1).unwrap_or(u32::MAX);
        for part in whole.split('\r') {
            raw.push((number, part, tab_cells(part)));
        }
    }
    let mut out = Vec::new();
    let mut blank_before = false;
    for (i, &(number, part, cells)) in raw.iter().enumerate() {
        let neighbour = |j: Option<usize>| j.and_then(|j| raw.get(j)).is_some_and(|r| r.2 >= 2);
        let tabbed = cells >= 3
            || (cells == 2 && (neighbour(i.checked_sub(1)) || neighbour(i.checked_add(1))));
        match line(number, part, blank_before, tabbed) {
            Some(l) => {
                out.push(l);
                blank_before = false;
            }
            None => blank_before = blank_before || !out.is_empty(),
        }
    }
    out
}

/// How many cells with text a line has between tabs (as `innerText` writes
/// a table's row: its cells joined by tabs), 0 for a line with no tab
/// between its words (a tab of indentation, or none).
fn tab_cells(raw: &str) -> usize {
    if !chars::has_char(raw.trim_space(), '\t') {
        return 0;
    }
    raw.split('\t')
        .filter(|c| !c.trim_space().is_empty())
        .count()
}

fn line(number: u32, raw: &str, blank_before: bool, tabbed: bool) -> Option<Line<'_>> {
    let text = raw.trim_space();
    if text.chars().all(|c| c == '|' || is_space(c)) {
        return None;
    }
    let lead = raw
        .get(..raw.len() - raw.trim_start_matches(is_space).len())
        .unwrap_or_default();
    let indent: u32 = lead
        .chars()
        .map(|c| match c {
            '\t' => 4,
            '\u{3000}' => 2,
            '\u{200b}' | '\u{feff}' => 0,
            _ => 1,
        })
        .sum();
    let mut hints = Hints::default();
    // A table's row: its cells between tabs (from the line as it is, so
    // that an empty first cell keeps its place), or between `|`.
    let cells: Option<Vec<TableCell>> = if tabbed {
        let row = raw.trim_end_matches(is_space);
        Some(
            row.split('\t')
                .map(|c| TableCell::plain(c.trim_space()))
                .collect(),
        )
    } else if is_table_row(text) {
        Some(
            text.split('|')
                .map(|c| TableCell::plain(c.trim_space()))
                .collect(),
        )
    } else {
        None
    };
    if let Some(mut cells) = cells {
        while cells.last().is_some_and(|c| c.text.is_empty()) {
            cells.pop();
        }
        hints.cells = Some(cells);
    }
    Some(Line {
        number,
        text: chars::tidy_spaces(text),
        indent: u16::try_from(indent).unwrap_or(u16::MAX),
        blank_before,
        hints,
    })
}

/// A `|`-separated row as text renderings of tables print it.
fn is_table_row(text: &str) -> bool {
    chars::has_str(text, " | ")
        || text.ends_with("||")
        || text.ends_with(" |")
        || text.starts_with("| ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_spaces() {
        let ls =
            lines("\u{feff}标题\r\n\r\n\u{3000}\u{3000}正文\u{a0}内容\r旧行\n\u{a0} \n| a | b ||");
        let texts: Vec<&str> = ls.iter().map(|l| &*l.text).collect();
        assert_eq!(texts, ["标题", "正文 内容", "旧行", "| a | b ||"]);
        assert_eq!(ls[1].indent, 4);
        assert!(ls[1].blank_before);
        assert_eq!(ls[1].number, 3);
        assert_eq!(ls[2].number, 3);
        let cells = ls[3].hints.cells.as_ref().unwrap();
        assert_eq!(cells.len(), 3);
        assert_eq!(cells[1].text, "a");
    }
}
