//! A printed table of contents (目录): heading-like lines that the body repeats
//! later. Kept as one [`Contents`] block so the outline is not doubled.
//!
//! Evidence, any of: a 目录 / 目 录 label above the entries; page numbers
//! glued to the entries ("…标准目录3"), rising; the first entry printed again
//! right after the run (where the body starts); or most entries found again
//! later. Entries wrapped over two lines ("…支出情" / "况说明") are joined.

use std::borrow::Cow;

use super::blocks;
use super::chars::{self, TrimSpace};
use super::lines::{char_count_upto, compact, is_space, Line};
use super::numbering::Marker;
use crate::hash::Map;
use crate::model::{Contents, ContentsEntry, MAX_LEVEL};

/// Labels of a table of contents (whitespace removed).
const LABELS: &[&str] = &["目录", "目次"];
/// Longest entry, in chars.
const ENTRY_MAX_CHARS: usize = 60;
/// Fewest entries of an unlabelled table of contents.
const MIN_ENTRIES: usize = 3;
/// The highest first page number of an unlabelled table of contents whose
/// only evidence is its rising page numbers.
const FIRST_PAGE_MAX: u32 = 10;
/// Longest line that may be a document's title, in bytes (100 chars of
/// three bytes, and some).
const TITLE_MAX_BYTES: usize = 400;

/// Most entries read in one run (bounds the work on long lists of short lines).
const MAX_ENTRIES: usize = 400;

/// A table of contents found in the body: lines `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toc {
    /// The first line (the 目录 label, when there is one).
    pub start: usize,
    /// One past the last entry.
    pub end: usize,
    /// The entries, as a block.
    pub block: Contents,
}

/// One candidate entry, borrowing from its line (every short body line is
/// one: copies are made only for the entries kept).
#[derive(Debug, Clone)]
struct Entry<'a> {
    marker: &'a str,
    rank: Option<i16>,
    /// The text after the marker, page number taken off.
    text: Cow<'a, str>,
    /// `text` without whitespace, to compare entries with headings.
    key: Cow<'a, str>,
    page: Option<&'a str>,
}

fn entry<'l>(line: &'l Line<'_>, m: Option<Marker>) -> Option<Entry<'l>> {
    let t = &*line.text;
    // (An image's line is no entry, and nor is a line with no text: two
    // images with no alternative text are no heading printed twice.)
    if line.hints.cells.is_some()
        || line.hints.image.is_some()
        || t.trim_space().is_empty()
        || char_count_upto(t, ENTRY_MAX_CHARS) > ENTRY_MAX_CHARS
        || chars::contains_any(t, &['。', '，', ',', '；', ';', '：', ':'])
    {
        return None;
    }
    // 附件1 alone heads an attachment printed in full: no entry 附件 on
    // page 1, whose 附件2 below would read as the run printed again.
    if blocks::appendix_heading(t).is_some_and(|(_, title)| title.is_empty()) {
        return None;
    }
    let (marker, rest) = match m {
        Some(m) => (
            t.get(..m.end).unwrap_or_default(),
            t.get(m.rest..).unwrap_or_default(),
        ),
        None => ("", t),
    };
    // A page number glued to the text: trailing digits after a non-digit.
    let digits = rest.chars().rev().take_while(char::is_ascii_digit).count();
    let split = rest.split_at_checked(rest.len() - digits);
    let (text, page) = if let (true, Some((before, page))) =
        ((1..=3).contains(&digits) && rest.len() > digits, split)
    {
        let before = before.trim_end_space();
        let glued_to_text = !before.ends_with(|c: char| c.is_ascii_digit() || c == '.');
        if glued_to_text {
            (before, Some(page))
        } else {
            (rest, None)
        }
    } else {
        (rest, None)
    };
    let key = if text.contains(is_space) {
        Cow::Owned(compact(text))
    } else {
        Cow::Borrowed(text)
    };
    Some(Entry {
        marker,
        rank: m.map(|m| m.kind.rank()),
        key,
        text: Cow::Borrowed(text),
        page,
    })
}

/// A 目录 label line (spaces anywhere): compared char by char, since every
/// body line is asked.
fn is_label(text: &str) -> bool {
    LABELS.iter().any(|label| {
        let mut solid = text.chars().filter(|c| !is_space(*c));
        label.chars().all(|l| solid.next() == Some(l)) && solid.next().is_none()
    })
}

/// Finds the tables of contents in `lines` (the body).
/// `markers`: each line's outline marker (none for a table row).
pub fn find(lines: &[Line], markers: &[Option<Marker>]) -> Vec<Toc> {
    let marker = |i: usize| markers.get(i).copied().flatten();
    let entries: Vec<Option<Entry>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| entry(l, marker(i)))
        .collect();
    // Where each heading text occurs last, to see repeats.
    let mut last_seen: Map<&str, usize> = Map::default();
    for (i, e) in entries.iter().enumerate() {
        if let Some(e) = e {
            last_seen.insert(e.key.as_ref(), i);
        }
    }
    // Whether the outline has begun before each line: a numbered line
    // came since the last line that reads as a document's title (an
    // attached plan's own title starts its outline anew). A table of
    // contents whose only evidence is its entries found again stands
    // before the outline it lists; after, such a run is a plain list
    // (县发改局 / 县财政局 under 一、成员单位, named again under 二、).
    let mut begun = Vec::with_capacity(lines.len());
    let mut numbered = false;
    for (i, line) in lines.iter().enumerate() {
        begun.push(numbered);
        // (Table rows are neither; nor is a line too long for a title,
        // most of the text, which the title's tests need not read.)
        if line.hints.cells.is_some() {
            continue;
        }
        numbered = if numbered {
            !(line.text.len() <= TITLE_MAX_BYTES
                && blocks::has_title_tail(&line.text)
                && blocks::title_like(line))
        } else {
            marker(i).is_some()
        };
    }
    let mut tocs = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let labelled = is_label(&line.text);
        let start = if labelled { i + 1 } else { i };
        let promising = labelled
            || entries.get(i).and_then(Option::as_ref).is_some_and(|e| {
                e.page.is_some() || last_seen.get(e.key.as_ref()).is_some_and(|&k| k > i)
            });
        let Some(toc) = promising
            .then(|| {
                let begun = begun.get(start).copied().unwrap_or(false);
                run(&entries, &last_seen, start, labelled, begun)
            })
            .flatten()
        else {
            i += 1;
            continue;
        };
        let label = labelled.then(|| line.text.to_string());
        tocs.push(Toc {
            start: i,
            end: toc.0,
            block: Contents {
                label,
                entries: toc.1,
            },
        });
        i = toc.0.max(i + 1);
    }
    tocs
}

/// Reads a run of entries from `start`; `Some((end, entries))` when the
/// evidence says it is a table of contents. `begun`: the outline has begun
/// above the run, where only a label or page numbers make one.
fn run(
    entries: &[Option<Entry>],
    last_seen: &Map<&str, usize>,
    start: usize,
    labelled: bool,
    begun: bool,
) -> Option<(usize, Vec<ContentsEntry>)> {
    let first = entries.get(start)?.as_ref()?;
    let marked = first.rank.is_some();
    let mut taken: Vec<Entry> = Vec::new();
    let mut j = start;
    let mut repeated_after = false;
    while let Some(Some(e)) = entries.get(j) {
        if j > start && e.key == first.key {
            repeated_after = true;
            break;
        }
        if taken.len() >= MAX_ENTRIES {
            return None;
        }
        match taken.last_mut() {
            // In a numbered list of entries, an unnumbered short line is the
            // rest of the entry above, wrapped.
            Some(prev) if marked && e.rank.is_none() && prev.page.is_none() => {
                prev.text.to_mut().push_str(&e.text);
                prev.key.to_mut().push_str(&e.key);
                prev.page = e.page;
            }
            _ => taken.push(e.clone()),
        }
        j += 1;
    }
    if taken.is_empty() {
        return None;
    }
    if !labelled {
        let pages: Vec<u32> = taken.iter().filter_map(|e| e.page?.parse().ok()).collect();
        // (From the first pages: 城关镇 86 / 新华镇 90 / 东关镇 95 are scores.)
        let rising_pages = pages.len() == taken.len()
            && pages.is_sorted()
            && pages.first().is_some_and(|&p| p <= FIRST_PAGE_MAX);
        let found_later = taken
            .iter()
            .filter(|e| last_seen.get(e.key.as_ref()).is_some_and(|&k| k >= j))
            .count();
        let repeats = found_later * 2 >= taken.len();
        let found_again = !begun && (repeated_after || repeats);
        if taken.len() < MIN_ENTRIES || !(rising_pages || found_again) {
            return None;
        }
    }
    Some((j, levels(taken)))
}

/// Entry levels: the distinct marker ranks in canonical order; unnumbered
/// entries are outermost.
fn levels(taken: Vec<Entry>) -> Vec<ContentsEntry> {
    let mut ranks: Vec<i16> = taken.iter().filter_map(|e| e.rank).collect();
    crate::sort::by_key(&mut ranks, |&r| u64::from(r.abs_diff(i16::MIN)));
    ranks.dedup();
    taken
        .into_iter()
        .map(|e| {
            let depth = e
                .rank
                .and_then(|r| ranks.iter().position(|x| *x == r))
                .unwrap_or(0);
            ContentsEntry {
                level: u8::try_from(depth + 1).unwrap_or(MAX_LEVEL).min(MAX_LEVEL),
                marker: e.marker.to_owned(),
                text: e.text.into_owned(),
                page: e.page.map(str::to_owned),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char label test agrees with comparing compacted text.
    #[test]
    fn labels_with_any_spacing() {
        let cases = [
            ("目录", true),
            ("目 录", true),
            ("\u{3000}目\u{3000}\u{3000}录\u{a0}", true),
            ("目次", true),
            ("目录一", false),
            ("目", false),
            ("录目", false),
            ("目录 目录", false),
            ("一、目录", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_label(text), want, "{text}");
            assert_eq!(LABELS.contains(&compact(text).as_str()), want, "{text}");
        }
    }
}
