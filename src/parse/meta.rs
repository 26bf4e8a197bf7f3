//! Metadata labels (索引号, 发布机构, 文号, …) and the layouts pages print
//! them in.
//!
//! The labels come from the 政府信息公开 catalogues (国办发〔2019〕54号 and
//! the portal CMSs built on it); many labels map to one [`MetaKey`]. Layouts
//! seen in real pages: `label: value` with half- or full-width colons, one or
//! several fields per line; labels spaced out (索 引 号, 索   引   号) and then
//! often without colons; table cells (`索引号 | … | 公开方式 | …`) with empty
//! cells and values shifted into the next label's slot; bullets with the value
//! on a later line. Widgets that look like labels (字号, 浏览字号) are chrome.

mod labels;

pub use labels::{is_label, lookup, lookup_short, LabelKind, LABELS};

use super::chars::{self, TrimSpace};
use super::lines::{char_count_upto, is_cjk, is_space};
use crate::model::{MetaField, MetaKey};

/// Longest line the metadata rules look at, in chars: metadata lines are short.
pub const MAX_META_LINE_CHARS: usize = 400;

/// A half- or full-width colon.
#[inline]
pub fn is_colon(c: char) -> bool {
    c == ':' || c == '：'
}

/// Bullets that open metadata lines (• 日期:…).
pub fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '·' | '●' | '◆' | '▪' | '■')
}

/// A bar between the fields of one line (索引号：… | 发布机构：…｜…).
fn is_bar(c: char) -> bool {
    matches!(c, '|' | '｜' | '丨')
}

/// A label found in a line.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    /// End of the label itself.
    label_end: usize,
    /// Where its value starts (after the colon or spaces).
    value_start: usize,
    kind: Option<LabelKind>,
    colon: bool,
    spaced: bool,
}

/// Matches a known label at `pos`, allowing whitespace between its chars, and
/// the colon or spaces after it.
fn match_label_at(text: &str, pos: usize) -> Option<Found> {
    let tail = text.get(pos..)?;
    let first = tail.chars().next()?;
    for (label, kind) in labels::starting_with(first) {
        let mut rest = tail;
        let mut spaced = false;
        let mut ok = true;
        for (n, lc) in label.chars().enumerate() {
            if n > 0 {
                let trimmed = chars::trim_start_space(rest);
                spaced |= trimmed.len() != rest.len();
                rest = trimmed;
            }
            match rest.strip_prefix(lc) {
                Some(r) => rest = r,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let label_end = text.len() - rest.len();
        let after = chars::trim_start_space(rest);
        let mut chars = after.chars();
        if chars.next().is_some_and(is_colon) {
            let value_from = chars.as_str();
            let value_start = text.len() - chars::trim_start_space(value_from).len();
            return Some(Found {
                start: pos,
                label_end,
                value_start,
                kind: Some(kind),
                colon: true,
                spaced,
            });
        }
        if after.len() != rest.len() || after.is_empty() {
            return Some(Found {
                start: pos,
                label_end,
                value_start: text.len() - after.len(),
                kind: Some(kind),
                colon: false,
                spaced,
            });
        }
    }
    None
}

/// An unknown label (2 to 8 CJK chars) followed by a colon at `pos`.
fn match_unknown_at(text: &str, pos: usize) -> Option<Found> {
    let tail = text.get(pos..)?;
    let mut count = 0;
    let mut label_end = pos;
    for (i, c) in chars::char_indices(tail) {
        if is_cjk(c) && count < 8 {
            count += 1;
            label_end = pos + i + c.len_utf8();
        } else {
            break;
        }
    }
    let after = chars::trim_start_space(text.get(label_end..)?);
    let mut chars = after.chars();
    chars.next().filter(|c| is_colon(*c))?;
    if count < 2 {
        return None;
    }
    let value_from = chars.as_str();
    Some(Found {
        start: pos,
        label_end,
        value_start: text.len() - chars::trim_start_space(value_from).len(),
        kind: None,
        colon: true,
        spaced: false,
    })
}

/// Fields read from one line, and the widgets found among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaLine {
    /// The fields, in line order.
    pub fields: Vec<MetaField>,
    /// Widget labels and their values, as written (chrome).
    pub chrome: Vec<String>,
    /// Whether the line used colons (`label: value`) rather than spaces.
    pub colons: bool,
}

/// How strict [`parse_line`] is about labels it does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// Every label must be in the table.
    Reject,
    /// After a known first label, `X:` inside the line starts an "other" field.
    AfterKnown,
    /// Even the first label may be unknown (a line inside a metadata block).
    Anywhere,
}

/// Cells that each hold whole fields (索引号：… | 发布机构：… | 发布日期：…),
/// read as one line of them; `None` unless every cell reads so, the first
/// with a label of the table.
fn fields_in_cells<'a>(cells: impl Iterator<Item = &'a str>) -> Option<MetaLine> {
    let mut line = MetaLine::default();
    for cell in cells.filter(|c| !c.is_empty()) {
        let unknown = if line.fields.is_empty() {
            Unknown::Reject
        } else {
            Unknown::AfterKnown
        };
        let read = parse_line(cell, unknown).filter(|ml| ml.colons)?;
        line.colons = true;
        line.fields.extend(read.fields);
        line.chrome.extend(read.chrome);
    }
    line.colons.then_some(line)
}

/// Reads a `label: value` line (one or more fields; bullets, spaced labels,
/// colons optional). `None` when the line does not start with a label.
pub fn parse_line(text: &str, unknown: Unknown) -> Option<MetaLine> {
    if char_count_upto(text, MAX_META_LINE_CHARS) > MAX_META_LINE_CHARS {
        return None;
    }
    let body_start = text.len()
        - text
            .trim_start_matches(|c| is_bullet(c) || is_space(c))
            .len();
    let first = match_label_at(text, body_start).or_else(|| match unknown {
        Unknown::Anywhere => match_unknown_at(text, body_start),
        // A line of the page's details may begin with a label of its own
        // when known ones follow (时间：… 来源：… 浏览次数：…): checked
        // once the line's labels are found.
        Unknown::AfterKnown => match_unknown_at(text, body_start),
        Unknown::Reject => None,
    })?;
    // Without colons, only spaced-out labels (索   引   号) are trusted.
    let bare_ok = !first.colon && first.spaced;
    if !first.colon && !bare_ok {
        return None;
    }
    let mut found = vec![first];
    let mut prev_space = false;
    for (pos, c) in chars::char_indices(text) {
        let at_token = prev_space && pos >= found.last().map_or(0, |f| f.value_start);
        prev_space = is_space(c) || is_bullet(c) || is_bar(c);
        if !at_token {
            continue;
        }
        let hit = match_label_at(text, pos)
            .filter(|f| f.colon == first.colon)
            .or_else(|| {
                (first.colon && unknown != Unknown::Reject)
                    .then(|| match_unknown_at(text, pos))
                    .flatten()
            });
        if let Some(f) = hit {
            found.push(f);
        }
    }
    if !first.colon && found.len() == 1 && first.kind.is_none() {
        return None;
    }
    let known = |f: &Found| matches!(f.kind, Some(LabelKind::Meta(_)));
    if unknown == Unknown::AfterKnown && first.kind.is_none() && !found.iter().any(known) {
        return None;
    }
    let mut line = MetaLine {
        colons: first.colon,
        ..MetaLine::default()
    };
    for (n, f) in found.iter().enumerate() {
        let value_end = found.get(n + 1).map_or(text.len(), |next| next.start);
        let value = text
            .get(f.value_start.min(value_end)..value_end)
            .unwrap_or("")
            .trim_matches(|c| is_space(c) || is_bullet(c) || is_bar(c));
        let label = text.get(f.start..f.label_end).unwrap_or_default();
        let label_raw = text
            .get(f.start..f.value_start.min(value_end))
            .unwrap_or_default();
        let raw = text.get(f.start..value_end).unwrap_or_default();
        push_field(&mut line, (label, label_raw), f.kind, value, raw);
    }
    Some(line)
}

/// Adds one field; `label_raw` is the label as written (with its colon) and
/// `raw` the label with its value, for widgets.
fn push_field(
    line: &mut MetaLine,
    (label, label_raw): (&str, &str),
    kind: Option<LabelKind>,
    value: &str,
    raw: &str,
) {
    let label: String = label.chars().filter(|c| !is_space(*c)).collect();
    if matches!(kind, Some(LabelKind::Chrome)) {
        let raw = raw.trim_space();
        if value.is_empty() || super::chrome::whole_line(raw).is_some() {
            line.chrome.push(raw.to_owned());
        } else {
            // Text after a widget label that is not widget text is kept.
            line.chrome.push(label_raw.trim_space().to_owned());
            line.fields.push(field(MetaKey::Other, label, value));
        }
        return;
    }
    let (value, tail) = without_chrome_tail(value);
    if let Some(tail) = tail {
        line.chrome.push(tail.to_owned());
    }
    let key = match kind {
        Some(LabelKind::Meta(key)) => key,
        _ => MetaKey::Other,
    };
    line.fields.push(field(key, label, value));
}

/// A value and the page's widgets after it on its line, apart: the
/// words after a space that make a line of chrome on their own
/// (发布日期：2024-01-02 扫一扫在手机打开当前页; 来源：市政府 打印 关闭), where
/// something is left before them.
fn without_chrome_tail(value: &str) -> (&str, Option<&str>) {
    let mut prev_space = false;
    for (pos, c) in chars::char_indices(value) {
        let starts = prev_space && !is_space(c);
        prev_space = is_space(c);
        if !starts {
            continue;
        }
        let tail = value.get(pos..).unwrap_or_default();
        if super::chrome::whole_line(tail).is_some() {
            let head = value.get(..pos).unwrap_or_default().trim_space();
            if !head.is_empty() {
                return (head, Some(tail));
            }
        }
    }
    (value, None)
}

/// A field, with date values tidied ("2014- 07- 25 11: 20" → "2014-07-25 11:20").
pub fn field(key: MetaKey, label: String, value: &str) -> MetaField {
    let value = if key.is_date() {
        tidy_date(value)
    } else {
        value.to_owned()
    };
    MetaField { key, label, value }
}

/// Drops the stray spaces a CMS puts after the separators of a date.
fn tidy_date(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, '-' | ':' | '/') {
            while chars.peek().is_some_and(|n| is_space(*n)) {
                chars.next();
            }
        }
    }
    out
}

/// Reads a table row of metadata (`索 引 号: | 值 | 主 题 词: | 值 ||`): a
/// label cell starts a field, the next cell is its value unless that cell is
/// itself a label (then the field is empty and the value slot was shifted).
/// `None` unless the first non-empty cell is a known label.
pub fn parse_cells(cells: &[&str]) -> Option<MetaLine> {
    let mut cells = cells.iter().map(|c| c.trim_space()).peekable();
    while cells.peek().is_some_and(|c| c.is_empty()) {
        cells.next();
    }
    let first = *cells.peek()?;
    if char_count_upto(first, 16) > 16 || lookup(first).is_none() {
        return fields_in_cells(cells);
    }
    let mut line = MetaLine {
        colons: false,
        ..MetaLine::default()
    };
    while let Some(cell) = cells.next() {
        if cell.is_empty() {
            continue;
        }
        let kind = (char_count_upto(cell, 16) <= 16)
            .then(|| lookup(cell))
            .flatten();
        let Some(kind) = kind else {
            // A value with no label before it: keep it with the last field.
            if let Some(last) = line.fields.last_mut() {
                if !last.value.is_empty() {
                    last.value.push(' ');
                }
                last.value.push_str(cell);
            }
            continue;
        };
        let value = match cells.peek() {
            Some(next)
                if kind != LabelKind::Chrome
                    && !next.is_empty()
                    && lookup_short(next).is_none() =>
            {
                cells.next().unwrap_or("")
            }
            _ => "",
        };
        let label = cell.trim_end_matches(|c: char| is_space(c) || is_colon(c));
        push_field(&mut line, (label, cell), Some(kind), value, cell);
    }
    Some(line)
}

/// Why a field's value looks damaged, if it does: a document number cut to
/// "号" or missing its closing bracket, a 年月 date missing its 日.
pub fn damage(f: &MetaField) -> Option<&'static str> {
    let v = f.value.trim_space();
    // 无 / 暂无: the page says there is none.
    if v.is_empty() || matches!(v, "无" | "暂无" | "/" | "-") {
        return None;
    }
    match f.key {
        MetaKey::DocNo if v == "号" || v.chars().count() < 3 => {
            Some("the document number is cut off")
        }
        MetaKey::DocNo if chars::has_char(v, '〔') != chars::has_char(v, '〕') => {
            Some("the document number's brackets do not match")
        }
        k if k.is_date()
            && chars::has_char(v, '年')
            && chars::has_char(v, '月')
            && !chars::has_char(v, '日') =>
        {
            Some("the date is cut off")
        }
        _ => None,
    }
}
