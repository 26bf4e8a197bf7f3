//! The outline under construction: an explicit stack of open sections, so
//! nesting never recurses and never goes deeper than [`MAX_LEVEL`].
//!
//! Levels follow the markers a document actually uses: a marker kind already
//! open on the stack closes everything inside it and opens a sibling; a kind
//! of higher canonical rank closes the deeper ones; a kind of lower rank
//! nests. A document that starts at 第一章 therefore has 章 at level 1.

use super::numbering::MarkerKind;
use crate::model::{Block, List, ListItem, Section, MAX_LEVEL};

/// What opened a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineKind {
    /// The title of a document printed inside the page after another one's
    /// signature (an attached 实施细则, 方案, 预案): outermost.
    DocTitle,
    /// An unnumbered heading; the number is a heading element's level (0 in
    /// page text).
    Plain(u8),
    /// A numbered heading.
    Marker(MarkerKind),
}

impl OutlineKind {
    fn rank(self) -> i16 {
        match self {
            OutlineKind::DocTitle => -20,
            OutlineKind::Plain(h) => -10 + i16::from(h),
            OutlineKind::Marker(k) => k.rank(),
        }
    }
}

/// Which list the last block is, so consecutive items join it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Numbered items or too-deep headings of this marker kind.
    Numbered(MarkerKind),
    /// Bulleted lines (• …).
    Bullet,
    /// Lines opened by a bracketed label (【…】).
    Bracket,
    /// Lines opened by 一是, 二是, … (one point per line).
    Enumeration,
}

struct Open {
    section: Section,
    kind: OutlineKind,
    value: u32,
}

/// A section could not open: it would be deeper than [`MAX_LEVEL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// How a section opened, for the outline diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// In sequence.
    Ok,
    /// Its number does not follow the previous sibling's (一、 then 三、).
    Gap {
        /// The number that would have followed.
        expected: u32,
    },
}

/// The body being built.
#[derive(Default)]
pub struct Outline {
    root: Vec<Block>,
    stack: Vec<Open>,
    open_list: Option<ListKind>,
}

impl Outline {
    /// The blocks of the innermost open section (or the body).
    fn container(&mut self) -> &mut Vec<Block> {
        match self.stack.last_mut() {
            Some(open) => &mut open.section.blocks,
            None => &mut self.root,
        }
    }

    /// The innermost container's blocks, read-only.
    pub fn blocks(&self) -> &[Block] {
        match self.stack.last() {
            Some(open) => &open.section.blocks,
            None => &self.root,
        }
    }

    /// Appends a block to the innermost open section.
    pub fn push(&mut self, block: Block) {
        self.open_list = None;
        self.container().push(block);
    }

    /// The last block of the innermost open section.
    pub fn last_mut(&mut self) -> Option<&mut Block> {
        self.container().last_mut()
    }

    /// Removes the last block of the innermost open section.
    pub fn pop(&mut self) -> Option<Block> {
        self.open_list = None;
        self.container().pop()
    }

    /// Adds an item to the list that is the last block when it is of the same
    /// kind, or starts a new list.
    pub fn item(&mut self, kind: ListKind, item: ListItem) {
        if self.open_list == Some(kind) {
            if let Some(Block::List(list)) = self.container().last_mut() {
                list.items.push(item);
                return;
            }
        }
        let ordered = matches!(kind, ListKind::Numbered(_) | ListKind::Enumeration);
        self.push(Block::List(List {
            ordered,
            items: vec![item],
        }));
        self.open_list = Some(kind);
    }

    /// How many items the open list of `kind` has (0 when the last block is
    /// not such a list).
    pub fn open_items(&self, kind: ListKind) -> usize {
        match (self.open_list, self.blocks().last()) {
            (Some(k), Some(Block::List(list))) if k == kind => list.items.len(),
            _ => 0,
        }
    }

    /// Closes the innermost open section.
    fn close(&mut self) {
        if let Some(open) = self.stack.pop() {
            self.open_list = None;
            self.container().push(Block::Section(open.section));
        }
    }

    /// Closes every open section: the next block goes to the body.
    pub fn close_all(&mut self) {
        while !self.stack.is_empty() {
            self.close();
        }
        self.open_list = None;
    }

    /// Whether no section is open.
    pub fn at_root(&self) -> bool {
        self.stack.is_empty()
    }

    /// Opens a section of `kind` numbered `value` (0 for none).
    pub fn open(
        &mut self,
        kind: OutlineKind,
        value: u32,
        marker: String,
        heading: String,
        run_in: bool,
    ) -> Result<Opened, TooDeep> {
        let rank = kind.rank();
        let mut previous = None;
        if let Some(pos) = self.stack.iter().rposition(|o| o.kind == kind) {
            while self.stack.len() > pos + 1 {
                self.close();
            }
            previous = self.stack.last().map(|o| o.value);
            self.close();
        } else {
            while self.stack.last().is_some_and(|o| o.kind.rank() >= rank) {
                self.close();
            }
        }
        let level = self
            .stack
            .last()
            .map_or(1, |o| o.section.level.saturating_add(1));
        if level > MAX_LEVEL {
            return Err(TooDeep);
        }
        self.open_list = None;
        self.stack.push(Open {
            section: Section {
                level,
                marker,
                heading,
                run_in,
                blocks: Vec::new(),
            },
            kind,
            value,
        });
        let follows = match (kind, previous) {
            (OutlineKind::Marker(_), Some(prev)) => value == prev + 1,
            (OutlineKind::Marker(MarkerKind::Article), None) => true,
            (OutlineKind::Marker(_), None) => value == 1,
            _ => true,
        };
        Ok(if follows {
            Opened::Ok
        } else {
            Opened::Gap {
                expected: previous.map_or(1, |p| p + 1),
            }
        })
    }

    /// Gives the last signature of the innermost container (possibly
    /// followed by a note) the date `date`, when it has none yet.
    pub fn sign_undated(&mut self, date: &str) -> bool {
        for block in self.container().iter_mut().rev().take(2) {
            if let Block::Signature(sig) = block {
                if sig.date.is_none() {
                    sig.date = Some(date.to_owned());
                    return true;
                }
                return false;
            }
        }
        false
    }

    /// The finished body.
    pub fn finish(mut self) -> Vec<Block> {
        self.close_all();
        self.root
    }
}
