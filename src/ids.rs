//! Stable element ids, shared by the renderer, the speech plan and the
//! outline, so that a speech chunk or a deep link names the same element the
//! view shows.
//!
//! An id is derived from a block's position only (its 1-based index path in
//! the body), so the same document always yields the same ids:
//! `yl-s2-1` is the first block of the second top-level block, a section;
//! `yl-p2-1-3` the third block inside it, a paragraph.

use crate::model::{Block, Document};

/// Prefix of every id, so that ids never clash with a host page's own.
pub const PREFIX: &str = "yl-";
/// The title's id.
pub const TITLE: &str = "yl-title";
/// The metadata list's id.
pub const META: &str = "yl-meta";
/// The breadcrumb's id.
pub const BREADCRUMB: &str = "yl-breadcrumb";
/// The id of the metadata block's heading (文档信息).
pub const META_HEADING: &str = "yl-meta-h";

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
    id.push_str(PREFIX);
    id.push(kind_letter(block));
    for (n, index) in path.iter().enumerate() {
        if n > 0 {
            id.push('-');
        }
        id.push_str(&(index + 1).to_string());
    }
    id
}

/// The id of item `item` (0-based) of the list or attachments block `block_id`.
pub fn item_id(block_id: &str, item: usize) -> String {
    format!("{block_id}-{}", item + 1)
}

/// The id of cell `cell` (0-based, in the row's cell list) of row `row`
/// (0-based) of the table `table_id`: `yl-t3-2-1` is the first cell of the
/// second row of table `yl-t3`. It cannot clash with a block id: a block
/// id with the same digits would need block 3 to be a section.
pub fn cell_id(table_id: &str, row: usize, cell: usize) -> String {
    format!("{table_id}-{}-{}", row + 1, cell + 1)
}

/// The id of the heading of the section `section_id` (`yl-s2` → `yl-s2-h`).
pub fn heading_id(section_id: &str) -> String {
    format!("{section_id}-h")
}

/// The id of the label or caption of the block `block_id` (a table's
/// caption, the 附件 label, the 目录 label): `yl-t3` → `yl-t3-label`.
pub fn label_id(block_id: &str) -> String {
    format!("{block_id}-label")
}

/// The id of metadata field `index` (0-based).
pub fn meta_id(index: usize) -> String {
    format!("{META}-{}", index + 1)
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
    }
}
