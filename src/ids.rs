//! Stable element ids, shared by the renderer, the speech plan and the
//! outline, so that a speech chunk or a deep link names the same element the
//! view shows.
//!
//! An id is derived from a block's position only (its 1-based index path in
//! the body), so the same document always yields the same ids:
//! `yl-s2-1` is the first block of the second top-level block, a section;
//! `yl-p2-1-3` the third block inside it, a paragraph.

use crate::model::{Block, Document};

/// Prefix of every id, so that ids never clash with a host page's own. A
/// render may write another in its place
/// ([`crate::RenderOptions::id_prefix`]), so that several views can share a
/// page; the ids here are always made with this one.
pub const PREFIX: &str = "yl-";
/// The longest prefix a render writes in place of [`PREFIX`], in
/// characters.
pub const MAX_PREFIX_LEN: usize = 32;
/// The title's id.
pub const TITLE: &str = "yl-title";
/// The metadata list's id.
pub const META: &str = "yl-meta";
/// The breadcrumb's id.
pub const BREADCRUMB: &str = "yl-breadcrumb";
/// The id of the metadata block's heading (文档信息).
pub const META_HEADING: &str = "yl-meta-h";
/// The id of the line that stands where the body would be when a
/// document has none (本页未找到可以显示的正文。).
pub const NO_BODY: &str = "yl-no-body";

/// Whether `prefix` can stand in place of [`PREFIX`] at the start of every
/// id of a view: 1 to [`MAX_PREFIX_LEN`] ASCII letters, digits, `-` or `_`,
/// the first a letter, so that each id is a valid HTML id and can be
/// written in a CSS selector (`#news-title`) as it is.
pub fn is_prefix(prefix: &str) -> bool {
    prefix.len() <= MAX_PREFIX_LEN
        && prefix
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic())
        && prefix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `id`, one of the ids made here, with `prefix` in place of [`PREFIX`]
/// (an id without [`PREFIX`] stays as it is).
pub fn with_prefix(id: &str, prefix: &str) -> String {
    match id.strip_prefix(PREFIX) {
        Some(rest) => [prefix, rest].concat(),
        None => id.to_owned(),
    }
}

/// The letter that names a block's kind in its id.
fn kind_letter(block: &Block) -> char {
    match block {
        Block::Section(_) => 's',
        Block::Paragraph(_) => 'p',
        Block::List(_) => 'l',
        Block::Table(_) => 't',
        Block::Attachments(_) => 'a',
        Block::Signature(_) => 'g',
        Block::Addressee(_) => 'd',
        Block::Note(_) => 'n',
        Block::Contents(_) => 'c',
        Block::Image(_) => 'i',
    }
}

/// The id of a block at `path` (0-based indices from the body down).
pub fn block_id(path: &[usize], block: &Block) -> String {
    let mut id = String::with_capacity(PREFIX.len() + 1 + path.len() * 3);
    push_block_id(&mut id, path, block);
    id
}

/// Appends the id of a block at `path` to `out`, as [`block_id`] makes it.
fn push_block_id(out: &mut String, path: &[usize], block: &Block) {
    out.push_str(PREFIX);
    out.push(kind_letter(block));
    for (n, index) in path.iter().enumerate() {
        if n > 0 {
            out.push('-');
        }
        push_number(out, index + 1);
    }
}

/// A block's id, as [`block_id`] makes it, in a buffer that can be reused
/// from block to block. Only this module fills it, with ASCII letters,
/// digits and hyphens, so an HTML writer may write it as it is.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Id(String);

impl Id {
    /// An empty id, to be [`set`](Id::set).
    pub fn new() -> Self {
        Id::default()
    }

    /// The metadata list's id ([`META`]), whose items are its parts.
    pub fn meta() -> Self {
        Id(META.to_owned())
    }

    /// Makes this the id of a block at `path`, reusing the buffer.
    pub fn set(&mut self, path: &[usize], block: &Block) {
        self.0.clear();
        push_block_id(&mut self.0, path, block);
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The part of a block that an id names, after the block's own id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The heading of a section: `yl-s2` → `yl-s2-h`.
    Heading,
    /// The label or caption of a block (a table's caption, the 附件 label,
    /// the 目录 label): `yl-t3` → `yl-t3-label`.
    Label,
    /// Item `n` (0-based) of a list, attachments or contents block:
    /// `yl-l4` → `yl-l4-1`.
    Item(usize),
    /// Cell `cell` (0-based, in the row's cell list) of row `row` (0-based)
    /// of a table: `yl-t3-2-1` is the first cell of the second row of table
    /// `yl-t3`. It cannot clash with a block id: a block id with the same
    /// digits would need block 3 to be a section.
    Cell(usize, usize),
}

/// Appends the suffix that [`Part`] adds to a block's id (`-h`, `-label`,
/// `-1`, `-2-1`): ASCII letters, digits and hyphens only.
pub fn push_part(out: &mut String, part: Part) {
    match part {
        Part::Heading => out.push_str("-h"),
        Part::Label => out.push_str("-label"),
        Part::Item(item) => {
            out.push('-');
            push_number(out, item + 1);
        }
        Part::Cell(row, cell) => {
            out.push('-');
            push_number(out, row + 1);
            out.push('-');
            push_number(out, cell + 1);
        }
    }
}

/// The id of `part` of the block `block_id`.
pub fn part_id(block_id: &str, part: Part) -> String {
    let mut id = String::with_capacity(block_id.len() + 12);
    id.push_str(block_id);
    push_part(&mut id, part);
    id
}

/// The id of item `item` (0-based) of the list or attachments block `block_id`.
pub fn item_id(block_id: &str, item: usize) -> String {
    part_id(block_id, Part::Item(item))
}

/// The id of cell `cell` (0-based, in the row's cell list) of row `row`
/// (0-based) of the table `table_id` (see [`Part::Cell`]).
pub fn cell_id(table_id: &str, row: usize, cell: usize) -> String {
    part_id(table_id, Part::Cell(row, cell))
}

/// The id of the heading of the section `section_id` (`yl-s2` → `yl-s2-h`).
pub fn heading_id(section_id: &str) -> String {
    part_id(section_id, Part::Heading)
}

/// The id of the label or caption of the block `block_id` (a table's
/// caption, the 附件 label, the 目录 label): `yl-t3` → `yl-t3-label`.
pub fn label_id(block_id: &str) -> String {
    part_id(block_id, Part::Label)
}

/// The id of metadata field `index` (0-based).
pub fn meta_id(index: usize) -> String {
    part_id(META, Part::Item(index))
}

/// Appends `n` in decimal digits, without the formatting machinery or a
/// string of its own.
pub fn push_number(out: &mut String, n: usize) {
    let mut place = 1;
    while place <= n / 10 {
        place *= 10;
    }
    loop {
        // A remainder of 10 is below 10: an ASCII digit.
        out.push(char::from(b'0' + (n / place % 10) as u8));
        if place == 1 {
            break;
        }
        place /= 10;
    }
}

/// Visits every block in document order with its path, without recursion.
pub fn walk<'a>(doc: &'a Document, mut visit: impl FnMut(&[usize], &'a Block)) {
    // A stack of (blocks, next index); the path is the indices on the stack.
    let mut stack: Vec<(&'a [Block], usize)> = vec![(&doc.body, 0)];
    let mut path: Vec<usize> = Vec::new();
    while let Some((blocks, next)) = stack.last_mut() {
        let Some(block) = blocks.get(*next) else {
            stack.pop();
            path.pop();
            continue;
        };
        let index = *next;
        *next += 1;
        path.push(index);
        visit(&path, block);
        if let Block::Section(section) = block {
            stack.push((&section.blocks, 0));
        } else {
            path.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Section};

    #[test]
    fn ids_follow_positions_and_are_unique() {
        let para = |t: &str| Block::Paragraph(Paragraph::plain(t));
        let doc = Document {
            body: vec![
                para("a"),
                Block::Section(Section {
                    level: 1,
                    marker: "一、".into(),
                    heading: "总则".into(),
                    run_in: false,
                    blocks: vec![para("b"), para("c")],
                }),
                para("d"),
            ],
            ..Document::default()
        };
        let mut ids = Vec::new();
        walk(&doc, |path, block| ids.push(block_id(path, block)));
        assert_eq!(ids, ["yl-p1", "yl-s2", "yl-p2-1", "yl-p2-2", "yl-p3"]);
        let mut reused = Id::new();
        let mut again = Vec::new();
        walk(&doc, |path, block| {
            reused.set(path, block);
            again.push(reused.as_str().to_owned());
        });
        assert_eq!(again, ids);
    }

    #[test]
    fn prefixes_are_plain_id_starts() {
        for good in [
            "yl-",
            "a",
            "list-",
            "news_2024-",
            "A1",
            &"x".repeat(MAX_PREFIX_LEN),
        ] {
            assert!(is_prefix(good), "{good}");
        }
        for bad in [
            "",
            "1a-",
            "-a",
            "_a",
            "a b",
            "a\"",
            "a<",
            "a.b",
            "a:b",
            "列表-",
            &"x".repeat(MAX_PREFIX_LEN + 1),
        ] {
            assert!(!is_prefix(bad), "{bad}");
        }
        assert_eq!(with_prefix("yl-s2-1-h", "list-"), "list-s2-1-h");
        assert_eq!(with_prefix("yl-title", "a_"), "a_title");
        assert_eq!(with_prefix("other", "list-"), "other");
    }

    #[test]
    fn parts_and_numbers_are_written_as_format_writes_them() {
        assert_eq!(item_id("yl-l4", 0), "yl-l4-1");
        assert_eq!(cell_id("yl-t3", 1, 0), "yl-t3-2-1");
        assert_eq!(heading_id("yl-s2"), "yl-s2-h");
        assert_eq!(label_id("yl-t3"), "yl-t3-label");
        assert_eq!(meta_id(9), "yl-meta-10");
        for n in [0, 1, 9, 10, 99, 100, 65_534, 1_000_000, usize::MAX] {
            let mut out = String::from("x");
            push_number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }
}
