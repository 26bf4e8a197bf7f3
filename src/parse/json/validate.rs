//! The value step: what the types cannot say (ranges, consistency).

use crate::error::{ErrorCode, ModelError};
use crate::ids;
use crate::model::{Block, Document, Inline, MAX_LEVEL, MODEL_VERSION};

use super::read::short;

/// The widest `colspan` accepted: HTML's own limit (HTML Living Standard,
/// "the colspan attribute … must be greater than zero and less than or
/// equal to 1000").
pub const MAX_COLSPAN: u32 = 1000;

/// The tallest `rowspan` accepted: HTML's own limit (65534).
pub const MAX_ROWSPAN: u32 = 65534;

/// Checks what the types cannot: the model's invariants. [`super::parse_json`]
/// calls it; call it yourself on a document deserialised some other way
/// (from a JavaScript object, say) to get the same checks and messages.
///
/// Checked, each failure with code `value` (or `version` for the version):
/// - `version` is [`MODEL_VERSION`];
/// - `lang` is a BCP 47 language tag in form (subtags of 1 to 8 letters or
///   digits joined by `-`);
/// - a section's `level` is 1 to [`MAX_LEVEL`] and deeper than the
///   enclosing section's;
/// - where a paragraph, list item or table cell has `inlines`, their texts
///   joined equal its `text`;
/// - a table cell's `colspan` is 1 to [`MAX_COLSPAN`] and its `rowspan` 1 to
///   [`MAX_ROWSPAN`];
/// - a contents entry's `level` and a diagnostic's `line` are at least 1.
///
/// Not checked: links (`href`, `src`). The renderer allow-lists URL schemes
/// when it writes them, so any string is safe here.
///
/// Walks sections with an explicit stack: a document built in code, nested
/// however deep, cannot overflow the stack here.
pub fn validate(doc: &Document) -> Result<(), ModelError> {
    if doc.version != MODEL_VERSION {
        return Err(ModelError::new(
            ErrorCode::Version,
            "version",
            format!(
                "unsupported model version {} (this library reads version {MODEL_VERSION})",
                doc.version
            ),
        ));
    }
    if !is_language_tag(&doc.lang) {
        return Err(value(
            "lang".to_owned(),
            format!(
                "expected a BCP 47 language tag such as zh-CN, got \"{}\"",
                short(&doc.lang)
            ),
        ));
    }
    for (n, diagnostic) in doc.diagnostics.iter().enumerate() {
        if diagnostic.line == Some(0) {
            return Err(value(
                format!("diagnostics[{n}].line"),
                "expected at least 1 (lines count from 1), got 0".to_owned(),
            ));
        }
    }
    let mut result = Ok(());
    // Levels of the sections enclosing the block being visited.
    let mut enclosing: Vec<u8> = Vec::new();
    ids::walk(doc, |path, block| {
        if result.is_err() {
            return;
        }
        enclosing.truncate(path.len().saturating_sub(1));
        result = check_block(block, path, enclosing.last().copied());
        if let Block::Section(section) = block {
            enclosing.push(section.level);
        }
    });
    result
}

/// Checks one block (not its child blocks); `parent` is the enclosing
/// section's level.
fn check_block(block: &Block, path: &[usize], parent: Option<u8>) -> Result<(), ModelError> {
    match block {
        Block::Section(section) => {
            if !(1..=MAX_LEVEL).contains(&section.level) {
                return Err(value(
                    at(path, "level"),
                    format!("expected 1 to {MAX_LEVEL}, got {}", section.level),
                ));
            }
            if let Some(parent) = parent.filter(|&p| section.level <= p) {
                return Err(value(
                    at(path, "level"),
                    format!(
                        "expected more than {parent}, the enclosing section's level, got {}",
                        section.level
                    ),
                ));
            }
        }
        Block::Paragraph(paragraph) => {
            check_inlines(&paragraph.text, &paragraph.inlines, || at(path, "inlines"))?;
        }
        Block::List(list) => {
            for (n, item) in list.items.iter().enumerate() {
                check_inlines(&item.text, &item.inlines, || {
                    at(path, &format!("items[{n}].inlines"))
                })?;
            }
        }
        Block::Table(table) => {
            for (r, row) in table.rows.iter().enumerate() {
                for (c, cell) in row.cells.iter().enumerate() {
                    let cell_path = || at(path, &format!("rows[{r}].cells[{c}]"));
                    if !(1..=MAX_COLSPAN).contains(&cell.colspan) {
                        return Err(value(
                            cell_path() + ".colspan",
                            format!("expected 1 to {MAX_COLSPAN}, got {}", cell.colspan),
                        ));
                    }
                    if !(1..=MAX_ROWSPAN).contains(&cell.rowspan) {
                        return Err(value(
                            cell_path() + ".rowspan",
                            format!("expected 1 to {MAX_ROWSPAN}, got {}", cell.rowspan),
                        ));
                    }
                    check_inlines(&cell.text, &cell.inlines, || cell_path() + ".inlines")?;
                }
            }
        }
        Block::Contents(contents) => {
            for (n, entry) in contents.entries.iter().enumerate() {
                if entry.level == 0 {
                    return Err(value(
                        at(path, &format!("entries[{n}].level")),
                        "expected at least 1, got 0".to_owned(),
                    ));
                }
            }
        }
        Block::Attachments(_)
        | Block::Signature(_)
        | Block::Addressee(_)
        | Block::Note(_)
        | Block::Image(_) => {}
    }
    Ok(())
}

/// Checks that the inlines' texts joined equal `text` (no inlines is fine).
fn check_inlines(
    text: &str,
    inlines: &[Inline],
    path: impl FnOnce() -> String,
) -> Result<(), ModelError> {
    if inlines.is_empty() {
        return Ok(());
    }
    let mut rest = text;
    let mut matched_chars = 0;
    for inline in inlines {
        if let Some(after) = rest.strip_prefix(inline.text.as_str()) {
            rest = after;
            matched_chars += inline.text.chars().count();
            continue;
        }
        let same = rest
            .chars()
            .zip(inline.text.chars())
            .take_while(|(a, b)| a == b)
            .count();
        return Err(mismatch(path(), matched_chars + same));
    }
    if rest.is_empty() {
        Ok(())
    } else {
        Err(mismatch(path(), matched_chars))
    }
}

fn mismatch(path: String, chars_alike: usize) -> ModelError {
    value(
        path,
        format!(
            "the inlines' texts joined must equal `text`, but differ from character {} on",
            chars_alike + 1
        ),
    )
}

/// Whether `tag` has the form of a BCP 47 language tag (RFC 5646 §2.1:
/// subtags of 1 to 8 ASCII letters or digits, joined by hyphens).
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    // The language itself is letters (zh, yue); `x-` and `i-` start a
    // private or registered one-off tag.
    let language = subtags.next().unwrap_or_default();
    let language_ok = ((2..=8).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic()))
        || matches!(language, "x" | "X" | "i" | "I");
    language_ok
        && subtags.all(|sub| {
            (1..=8).contains(&sub.len()) && sub.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// The path of `field` in the block at `indices`: `body[3].blocks[0].level`.
fn at(indices: &[usize], field: &str) -> String {
    let mut path = String::from("body");
    for (depth, index) in indices.iter().enumerate() {
        if depth > 0 {
            path.push_str(".blocks");
        }
        path.push('[');
        path.push_str(&index.to_string());
        path.push(']');
    }
    path.push('.');
    path.push_str(field);
    path
}

fn value(path: String, message: String) -> ModelError {
    ModelError::new(ErrorCode::Value, path, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for good in [
            "zh",
            "zh-CN",
            "zh-Hant-TW",
            "yue-HK",
            "en-GB-oxendict",
            "x-1",
            "i-klingon",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "-",
            "zh-",
            "zh_CN",
            "zh CN",
            "中文",
            "abcdefghi",
            "123456",
            "z",
            "1-zh",
            "q-x",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn paths_name_nested_blocks() {
        assert_eq!(at(&[3], "level"), "body[3].level");
        assert_eq!(
            at(&[3, 0, 12], "level"),
            "body[3].blocks[0].blocks[12].level"
        );
    }
}
