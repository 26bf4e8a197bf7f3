//! Text gathered for one line or one table cell: runs of text with their
//! inherited formatting (bold, emphasis, link, alignment, heading), HTML
//! whitespace collapsed as it is pushed, and the style properties read
//! into that formatting.

use std::borrow::Cow;

use crate::model::Inline;
use crate::parse::chars;
use crate::parse::lines::{is_space, Align};
use crate::words;

use super::tree::StyleFacts;

/// Inherited formatting of an open element.
#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    pub(super) strong: bool,
    pub(super) em: bool,
    pub(super) href: Option<String>,
    pub(super) align: Option<Align>,
    pub(super) heading: Option<u8>,
    pub(super) caption: bool,
    pub(super) pre: bool,
    /// Inside `<sup>` (`Some(true)`) or `<sub>` (`Some(false)`).
    pub(super) raised: Option<bool>,
    /// Inside a link whose script is a page action (`onclick="window.print()"`).
    pub(super) action: Option<crate::model::Action>,
}

/// A run of text with its formatting.
#[derive(Debug, Clone, Default)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) href: Option<String>,
    pub(super) strong: bool,
    pub(super) em: bool,
}

/// Text being gathered for one line or one cell.
#[derive(Debug, Default)]
pub(super) struct Buf {
    pub(super) runs: Vec<Run>,
    /// The last char pushed was collapsible space (or nothing yet).
    pub(super) space: bool,
    /// Some char pushed is neither space nor a line break.
    pub(super) inked: bool,
    pub(super) align: Option<Align>,
    pub(super) heading: Option<u8>,
    /// The line's first text was in a `<caption>`.
    pub(super) caption: bool,
    /// The line is an item of an `<ol>`, numbered as the browser numbers it.
    pub(super) item: bool,
}

impl Buf {
    pub(super) fn new() -> Self {
        Buf {
            space: true,
            ..Buf::default()
        }
    }

    pub(super) fn is_blank(&self) -> bool {
        !self.inked
    }

    pub(super) fn push(&mut self, text: &str, style: &Style) {
        if self.is_blank() {
            self.align = style.align;
            self.heading = style.heading;
            self.caption = style.caption;
        }
        // Most texts of a page are the whitespace between its tags: after
        // a space (or at the start) it adds nothing.
        if self.space
            && !style.pre
            && text
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
        {
            return;
        }
        let same = self
            .runs
            .last()
            .is_some_and(|r| r.href == style.href && r.strong == style.strong && r.em == style.em);
        if !same {
            self.runs.push(Run {
                text: String::new(),
                href: style.href.clone(),
                strong: style.strong,
                em: style.em,
            });
        }
        let Some(run) = self.runs.last_mut() else {
            return;
        };
        let out = &mut run.text;
        let before = out.len();
        if style.pre {
            out.push_str(text);
            if let Some(last) = text.chars().next_back() {
                self.space = last == '\n';
            }
        } else {
            // Runs of HTML space become one space; the rest is copied in
            // slices (the spaces are ASCII, so every cut is a char boundary).
            let bytes = text.as_bytes();
            let mut start = 0;
            let mut i = 0;
            while let Some(&b) = bytes.get(i) {
                // Eight bytes at a time while none is a space or below.
                if words::word_at(bytes, i).is_some_and(|w| !words::has_byte_below(w, 0x21)) {
                    i += 8;
                    continue;
                }
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                    if let Some(word) = text.get(start..i).filter(|w| !w.is_empty()) {
                        out.push_str(word);
                        self.space = false;
                    }
                    if !self.space {
                        out.push(' ');
                        self.space = true;
                    }
                    start = i + 1;
                }
                i += 1;
            }
            if let Some(word) = text.get(start..).filter(|w| !w.is_empty()) {
                out.push_str(word);
                self.space = false;
            }
        }
        let added = out.get(before..).unwrap_or_default();
        if added.is_empty() {
            if !same {
                self.runs.pop();
            }
            return;
        }
        if !self.inked {
            self.inked = added.chars().any(|c| !is_space(c) && c != '\n');
        }
    }

    /// A break inside a cell.
    pub(super) fn newline(&mut self) {
        if let Some(r) = self.runs.last_mut() {
            if !r.text.ends_with('\n') {
                r.text.push('\n');
            }
        }
        self.space = true;
    }

    /// The trimmed text and its runs (empty when plain), tidied like page
    /// text: nbsp and tabs become spaces, zero-width spaces go.
    pub(super) fn take(&mut self) -> (String, Vec<Inline>, bool) {
        let mut runs = std::mem::take(&mut self.runs);
        self.space = true;
        self.inked = false;
        self.item = false;
        for r in &mut runs {
            r.text = tidy(std::mem::take(&mut r.text));
        }
        // The ends trimmed in place: no copy of the text kept.
        let blank = runs
            .iter()
            .take_while(|r| chars::trim_start_space(&r.text).is_empty())
            .count();
        runs.drain(..blank);
        if let Some(first) = runs.first_mut() {
            // '\n' is whitespace too.
            let cut = first.text.len() - chars::trim_start_space(&first.text).len();
            first.text.drain(..cut);
        }
        while let Some(last) = runs.last_mut() {
            let kept = last
                .text
                .trim_end_matches(|c| is_space(c) || c == '\n')
                .len();
            if kept == 0 {
                runs.pop();
            } else {
                last.text.truncate(kept);
                break;
            }
        }
        let strong = !runs.is_empty()
            && runs
                .iter()
                .all(|r| r.strong || r.text.chars().all(is_space));
        let rich = runs.iter().any(|r| r.href.is_some() || r.strong || r.em);
        if !rich && runs.len() == 1 {
            let text = runs.pop().map(|r| r.text).unwrap_or_default();
            return (text, Vec::new(), strong);
        }
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        let inlines = if rich {
            runs.into_iter()
                .map(|r| Inline {
                    text: r.text,
                    href: r.href,
                    strong: r.strong,
                    em: r.em,
                })
                .collect()
        } else {
            Vec::new()
        };
        (text, inlines, strong)
    }
}

/// A run's text tidied like page text ([`chars::tidy_spaces`]), kept
/// as it is when there is nothing to tidy.
fn tidy(text: String) -> String {
    match chars::tidy_spaces(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(tidied) => tidied,
    }
}

/// Applies what an element's style says ([`StyleFacts`]) to the formatting
/// it passes on: the weight, and for a block the alignment.
pub(super) fn apply_style(facts: StyleFacts, out: &mut Style, block: bool) {
    if let Some(strong) = facts.strong {
        out.strong = strong;
    }
    if block {
        if let Some(align) = facts.align {
            out.align = Some(align);
        }
    }
}

/// What a `font-weight` value (trimmed, lower case) says: bold (`bold`,
/// `bolder`, 600 and up), not bold (`normal`, `lighter`, below 600), or
/// nothing the reading knows.
pub(super) fn weight_of(value: &str) -> Option<bool> {
    match value {
        "bold" | "bolder" => Some(true),
        "normal" | "lighter" => Some(false),
        n => n.parse::<u32>().ok().map(|w| w >= 600),
    }
}

/// The text in ASCII lower case, copied only when it has upper case.
pub(super) fn lower(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// A style value without its `!important` markers.
pub(super) fn strip_important(value: &str) -> &str {
    let mut v = value;
    while let Some(rest) = v.strip_suffix("!important") {
        v = rest;
    }
    v.trim()
}

pub(super) fn align_of(value: &str) -> Option<Align> {
    match &*lower(value.trim()) {
        "left" | "start" | "justify" => Some(Align::Left),
        "center" | "middle" => Some(Align::Center),
        "right" | "end" => Some(Align::Right),
        _ => None,
    }
}

/// A `<sup>` or `<sub>` text of digits (and signs) in Unicode's superscript
/// or subscript characters, which the line's plain text can hold:
/// m<sup>2</sup> → m², SO<sub>2</sub> → SO₂. `None` for any other text
/// (a footnote's [1], a word), which stays as written.
pub(super) fn shifted(text: &str, sup: bool) -> Option<String> {
    const SUPER: [char; 12] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁺', '⁻'];
    const SUB: [char; 12] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉', '₊', '₋'];
    let table = if sup { &SUPER } else { &SUB };
    let t = text.trim_matches(is_space);
    if t.is_empty() {
        return None;
    }
    t.chars()
        .map(|c| {
            let at = match c {
                '0'..='9' => c.to_digit(10).and_then(|d| usize::try_from(d).ok()),
                '+' => Some(10),
                '-' | '−' => Some(11),
                _ => None,
            };
            at.and_then(|i| table.get(i).copied())
        })
        .collect()
}
