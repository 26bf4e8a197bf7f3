//! The line: what every front end produces and every rule reads.
//!
//! Page text gives little more than the text of each line; page HTML also
//! knows that a line was a heading element, bold, centred, a table row with
//! real cells, or carried links. Both front ends produce the same [`Line`]s so
//! that every rule (chrome, metadata, title, numbering, signature, …) is
//! written once, in `assemble.rs` and the tables it uses, and reads the hints
//! only as extra evidence.

use std::borrow::Cow;

use crate::model::{Image, Inline, TableCell};

/// Horizontal alignment the source gave a line (HTML `text-align`, `<center>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left (the default for running text).
    Left,
    /// Centred (titles).
    Center,
    /// Flush right (signatures and dates).
    Right,
}

/// What a front end knows about a line beyond its text.
///
/// # Defaults
/// No hints: not a heading, not bold, no alignment, not a table row, no
/// inline runs, no image.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The line was a heading element `h1`…`h6` (the number).
    pub heading: Option<u8>,
    /// The line was a table's `<caption>`.
    pub caption: bool,
    /// The whole line was strong (`<strong>`, `<b>`, bold style).
    pub strong: bool,
    /// The alignment the source gave the line, where it gave one.
    pub align: Option<Align>,
    /// The line is a table row with these cells (page text: `|`-separated).
    pub cells: Option<Vec<TableCell>>,
    /// Runs with links or emphasis; their texts joined equal the line's text.
    /// Empty when the line is plain.
    pub inlines: Vec<Inline>,
    /// The line is an image (its text is then the alternative text).
    pub image: Option<Image>,
    /// The line is an item of a numbered list (HTML's `<ol>`): a list item,
    /// never a heading, whatever its number.
    pub item: bool,
}

/// A table cell's words as the rules read them (a row's line, metadata in
/// cells): its text, then the alternative text of its images, as the page
/// reads with its images off (扫一扫 beside a 二维码 whose alt is 本页二维码).
/// The cell's own `text` leaves that alternative text to its images.
pub(crate) fn cell_words(cell: &TableCell) -> Cow<'_, str> {
    if cell.images.iter().all(|image| image.alt.is_empty()) {
        return Cow::Borrowed(&cell.text);
    }
    let mut words = cell.text.clone();
    for image in &cell.images {
        words.push_str(&image.alt);
    }
    Cow::Owned(words)
}

/// One line of the page, in reading order. Its text is borrowed from the
/// page text where the line is a slice of it as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the input (for diagnostics).
    pub number: u32,
    /// The text with leading and trailing whitespace (U+3000, nbsp, tabs)
    /// removed; never empty for a line that reaches the rules.
    pub text: Cow<'a, str>,
    /// Width of the leading whitespace (a space 1, U+3000 2, a tab 4).
    pub indent: u16,
    /// Whether one or more blank lines came before this one.
    pub blank_before: bool,
    /// What else the front end knows.
    pub hints: Hints,
}

impl<'a> Line<'a> {
    /// A plain line with no hints (handy for tests and simple front ends).
    pub fn plain(number: u32, text: impl Into<Cow<'a, str>>) -> Self {
        Line {
            number,
            text: text.into(),
            indent: 0,
            blank_before: false,
            hints: Hints::default(),
        }
    }

    /// The inline runs covering `text[start..end]`, or none when the line is
    /// plain (or the range is not on a char boundary).
    pub fn inlines_in(&self, start: usize, end: usize) -> Vec<Inline> {
        if self.hints.inlines.is_empty() || start >= end {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut pos = 0usize;
        for run in &self.hints.inlines {
            let run_start = pos;
            let run_end = pos + run.text.len();
            pos = run_end;
            let from = start.max(run_start);
            let to = end.min(run_end);
            if from >= to {
                continue;
            }
            let Some(piece) = run.text.get(from - run_start..to - run_start) else {
                return Vec::new();
            };
            out.push(Inline {
                text: piece.to_owned(),
                ..run.clone()
            });
        }
        let trimmed_empty = out.iter().all(|i| i.href.is_none() && !i.strong && !i.em);
        if trimmed_empty {
            Vec::new()
        } else {
            out
        }
    }
}

/// One piece of page chrome the parser recognised and took out of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChromeHit {
    /// The 1-based input line.
    pub line: u32,
    /// The text taken out, exactly as it stands in the line's text.
    pub text: String,
}

/// What the parser took out of the page as chrome, for audits and tests: every
/// other character of the input ends up in the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trace {
    /// The chrome, in input order.
    pub chrome: Vec<ChromeHit>,
}

impl Trace {
    /// Notes a piece of chrome.
    pub fn chrome(&mut self, line: u32, text: impl Into<String>) {
        let text = text.into();
        if !text.is_empty() {
            self.chrome.push(ChromeHit { line, text });
        }
    }

    /// Puts the chrome in input order (stable: pieces of one line keep
    /// the order they were noted in).
    pub fn sort_chrome(&mut self) {
        crate::sort::by_key(&mut self.chrome, |h| u64::from(h.line));
    }
}

/// Whitespace as pages use it: ASCII, U+3000 (ideographic space), nbsp, the
/// en/em spaces and zero-width spaces.
#[inline]
pub fn is_space(c: char) -> bool {
    // Past U+3000 only U+FEFF is a space: ideographs skip the Unicode lookup.
    if c > '\u{3000}' {
        return c == '\u{feff}';
    }
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{00a0}' | '\u{3000}')
}

/// `text` without any whitespace, for comparing labels and repeated lines.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !is_space(*c)).collect()
}

/// Number of chars, counting up to `limit` only (cheap on huge lines).
pub fn char_count_upto(text: &str, limit: usize) -> usize {
    // Counts the bytes that start a char; the first limit + 1 chars lie
    // within 4 × (limit + 1) bytes, so the count stops there.
    let window = limit.saturating_add(1).saturating_mul(4);
    let bytes = text.as_bytes();
    let bytes = bytes.get(..window).unwrap_or(bytes);
    let mut continuations = 0usize;
    // Eight bytes at a time: a continuation byte has bit 7 set and bit 6
    // clear; shifting left by one lines bit 6 up under bit 7.
    let mut chunks = bytes.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        continuations += (x & !(x << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    for &b in chunks.remainder() {
        continuations += usize::from(b & 0xc0 == 0x80);
    }
    (bytes.len() - continuations).min(limit.saturating_add(1))
}

/// Collapses a spaced-out line ("政 府 工 作 报 告") to its characters when
/// every whitespace-separated token is one CJK character; other text is
/// returned unchanged.
pub fn unspace_cjk(text: &str) -> String {
    let mut tokens = 0usize;
    // One pass that stops at the first token of two chars or a non-CJK
    // char: prose ends the look at its second char.
    let mut in_token = false;
    for c in text.chars() {
        if is_space(c) {
            in_token = false;
        } else if in_token || !is_cjk(c) {
            return text.to_owned();
        } else {
            tokens += 1;
            in_token = true;
        }
    }
    if tokens >= 3 {
        compact(text)
    } else {
        text.to_owned()
    }
}

/// A CJK ideograph (the unified blocks and extension A).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_slices_follow_byte_ranges() {
        let mut line = Line::plain(1, "一、总则见附件");
        line.hints.inlines = vec![
            Inline {
                text: "一、总则".into(),
                href: None,
                strong: true,
                em: false,
            },
            Inline {
                text: "见附件".into(),
                href: Some("a.pdf".into()),
                strong: false,
                em: false,
            },
        ];
        let rest = line.inlines_in("一、".len(), line.text.len());
        assert_eq!(rest.len(), 2);
        assert_eq!(rest[0].text, "总则");
        assert_eq!(rest[1].href.as_deref(), Some("a.pdf"));
        assert!(line.inlines_in(0, 1).is_empty(), "not a char boundary");
    }

    #[test]
    fn counts_and_spaces_agree_with_the_plain_definitions() {
        let texts = [
            "",
            "a",
            "一二三",
            "a一b二",
            "𠀀𠀁x",
            "  \u{3000}\u{feff}x",
            "一、总体情况",
            "一、总体情况：今年以来, the work 𠀀 went on ‘well’ é\u{3000}。",
            "abcdefghijklmnopqrstuvwxyz0123456789",
        ];
        for text in texts {
            for limit in 0..48 {
                let plain = text.chars().take(limit + 1).count();
                assert_eq!(char_count_upto(text, limit), plain, "{text:?} {limit}");
            }
        }
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let plain =
                c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{00a0}' | '\u{3000}');
            assert_eq!(is_space(c), plain, "{c:?}");
        }
    }

    #[test]
    fn spaced_out_lines_collapse() {
        assert_eq!(unspace_cjk("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(unspace_cjk("大干60天 攻坚破难"), "大干60天 攻坚破难");
    }
}
