//! The closing parts of a document, read in the body (GB/T 9704-2012 §7.3.5
//! 附件说明, §7.3.5.1 发文机关署名 and 成文日期, §7.3.5.3 附注) and tables.

use super::blocks::{self, is_org_line};
use super::body::Body;
use super::chars::{self, TrimSpace};
use super::head::{self, MetaIndex};
use super::lines::{char_count_upto, is_space, Align, Line};
use super::meta::{self, Unknown};
use super::numbering::parse_marker;
use super::outline::OutlineKind;
use super::tables;
use crate::error::DiagnosticCode;
use crate::model::{Attachment, Attachments, Block, Document, Signature, Table, TextBlock};

impl Body<'_> {
    /// Consecutive table rows → one table.
    pub(super) fn table(&mut self, i: usize) -> usize {
        let mut j = i;
        let mut rows = Vec::new();
        while let Some(cells) = self.lines.get(j).and_then(|l| l.hints.cells.as_ref()) {
            if !cells
                .iter()
                .all(|c| c.text.is_empty() && c.images.is_empty())
            {
                rows.push(cells.clone());
            }
            j += 1;
        }
        if !rows.is_empty() {
            // The line right above that names the table (表1 各镇完成情况)
            // is its caption: the table's name for screen readers, read
            // with it, instead of a paragraph before an unnamed table.
            // So is the page's own `<caption>` of it, whatever it says.
            let own = i
                .checked_sub(1)
                .and_then(|k| self.lines.get(k))
                .filter(|l| l.hints.caption)
                .map(|l| l.text.trim_space());
            let named = matches!(self.out.blocks().last(),
                Some(Block::Paragraph(p)) if own == Some(p.text.as_str())
                    || (p.inlines.is_empty() && tables::is_table_caption(&p.text)));
            let caption = if named {
                match self.out.pop() {
                    Some(Block::Paragraph(p)) => Some(p.text),
                    _ => None,
                }
            } else {
                None
            };
            self.push(Block::Table(Table {
                caption,
                rows: tables::table_rows(rows),
            }));
        }
        j.max(i + 1)
    }

    /// A note (此件公开发布). An organisation line right above it is a
    /// signature without a date.
    pub(super) fn note(&mut self, line: &Line) {
        let org_above = matches!(self.out.blocks().last(),
            Some(Block::Paragraph(p)) if p.inlines.is_empty() && is_org_line(&p.text, true));
        if org_above {
            if let Some(Block::Paragraph(p)) = self.out.pop() {
                self.out.close_all();
                self.push(Block::Signature(Signature {
                    organisations: vec![p.text],
                    date: None,
                }));
            }
        }
        self.push(Block::Note(TextBlock {
            text: line.text.to_string(),
        }));
    }

    /// A date line: with the organisation lines above it, a signature; after
    /// a signature without a date (and its note), that signature's date.
    /// `signed` is an organisation before the date on its line.
    pub(super) fn date(&mut self, line: &Line, signed: Option<(&str, &str)>) {
        let garbled = blocks::is_garbled_date(&line.text);
        if garbled {
            self.diag(
                DiagnosticCode::Garbled,
                format!("\"{}\" looks like a damaged date", line.text),
                line,
            );
        }
        let mut orgs = Vec::new();
        while orgs.len() < 3 {
            let org = matches!(self.out.blocks().last(),
                Some(Block::Paragraph(p)) if p.inlines.is_empty() && is_org_line(&p.text, false));
            match self.out.pop() {
                Some(Block::Paragraph(p)) if org => orgs.push(p.text),
                Some(other) => {
                    self.out.push(other);
                    break;
                }
                None => break,
            }
        }
        orgs.reverse();
        let date = match signed {
            Some((org, date)) => {
                orgs.push(org.to_owned());
                date
            }
            None => &line.text,
        };
        if !orgs.is_empty() {
            self.out.close_all();
            self.push(Block::Signature(Signature {
                organisations: orgs,
                date: Some(date.to_owned()),
            }));
            return;
        }
        if self.out.sign_undated(&line.text) {
            self.after_close = true;
            return;
        }
        if line.hints.align == Some(Align::Right) {
            self.out.close_all();
            self.push(Block::Signature(Signature {
                organisations: Vec::new(),
                date: Some(line.text.to_string()),
            }));
            return;
        }
        self.paragraph(line, 0);
    }

    /// An attachment printed in full after the document: 附件1, with its
    /// title on the same line or the next, opens a section at the top, in
    /// which the attachment's own numbering starts again.
    pub(super) fn appendix(&mut self, i: usize, label: String, title: &str) -> usize {
        let Some(line) = self.lines.get(i) else {
            return i + 1;
        };
        let mut next = i + 1;
        let mut heading = title.to_owned();
        if heading.is_empty() {
            let below = self.lines.get(next).filter(|l| {
                blocks::title_like(l) && self.markers.get(next).copied().flatten().is_none()
            });
            if let Some(below) = below {
                heading = below.text.trim_space().to_owned();
                next += 1;
            }
        }
        self.out.close_all();
        self.open(OutlineKind::DocTitle, 0, label, heading, line);
        self.appendix = true;
        next
    }

    /// 附件：1.… 2.…: the note and the numbered lines after it.
    pub(super) fn attachments(&mut self, i: usize, label: String, start: usize) -> usize {
        let Some(line) = self.lines.get(i) else {
            return i + 1;
        };
        let first = line.text.get(start..).unwrap_or("");
        let mut items: Vec<Attachment> = one_line_items(first)
            .into_iter()
            .map(|item| attachment(item, line))
            .collect();
        let mut j = i + 1;
        while let Some(next) = self.lines.get(j) {
            let numbered = self
                .markers
                .get(j)
                .copied()
                .flatten()
                .is_some_and(|m| blocks::numbers_attachments(m.kind));
            if !numbered
                || chars::has_char(&next.text, '。')
                || char_count_upto(&next.text, 80) > 80
            {
                break;
            }
            items.push(attachment(&next.text, next));
            j += 1;
        }
        // 附件说明 between the text and the signature (GB/T 9704 §7.3.5)
        // is the whole document's, not its last section's.
        let closes = self.lines.get(j).is_none_or(|next| {
            let text = &*next.text;
            blocks::is_org_line(text, true)
                || blocks::is_date_line(text)
                || blocks::org_and_date(text).is_some()
                || blocks::is_note(text)
        });
        if closes {
            self.out.close_all();
        }
        self.push(Block::Attachments(Attachments { label, items }));
        j
    }

    /// A short line of known labels in the page's trailer (来源: …) is
    /// metadata (the caller checks that it is in the trailer).
    pub(super) fn body_meta(&mut self, doc: &mut Document, line: &Line) -> bool {
        let Some(ml) = meta_line(line) else {
            return false;
        };
        for c in ml.chrome {
            head::add_actions(doc, &c);
            self.chrome.push((line.number, c));
        }
        let index = self.meta_index.get_or_insert_with(|| MetaIndex::new(doc));
        for f in ml.fields {
            index.add_field(doc, f, line.number, &mut self.dup_reported);
        }
        true
    }
}

/// A short line of known labels (来源：…, 发布时间：…).
pub(super) fn meta_line(line: &Line) -> Option<meta::MetaLine> {
    if char_count_upto(&line.text, 60) > 60 || chars::has_char(&line.text, '。') {
        return None;
    }
    meta::parse_line(&line.text, Unknown::Reject).filter(|ml| ml.colons && !ml.fields.is_empty())
}

/// One attachment from its text ("1.名单.xlsx"), with the link the line
/// carries for it (HTML).
/// The items of an attachment note on one line, numbered from 1
/// (附件：1.某某办法 2.某某名单, or between ；), each with its number; the
/// text as one item when it is not so numbered.
fn one_line_items(text: &str) -> Vec<&str> {
    let text = text.trim_space();
    if text.is_empty() {
        return Vec::new();
    }
    // Numbered from 1 (not 10, 11…), by a marker that numbers attachments.
    let first = parse_marker(text, false)
        .filter(|m| blocks::numbers_attachments(m.kind) && m.value == 1)
        .filter(|m| {
            text.get(..m.end)
                .is_some_and(|marker| !marker.contains('0'))
        });
    let Some(first) = first else {
        return vec![text];
    };
    let mut items = Vec::new();
    let mut rest = text;
    let mut expected = 2;
    let mut previous = ' ';
    // The next number, after a space or a separator; parsed where it may
    // start, not searched for (the searcher alone weighs kilobytes of wasm).
    for (at, c) in chars::char_indices(text) {
        let boundary = is_space(previous) || matches!(previous, '；' | ';' | '，' | ',' | '、');
        previous = c;
        if at == 0 || !boundary {
            continue;
        }
        let Some(tail) = text.get(at..) else { continue };
        let Some(m) = parse_marker(tail, false) else {
            continue;
        };
        if m.kind != first.kind || m.value != expected {
            continue;
        }
        // Slices by `get`: `split_at`'s panic path brings the whole
        // formatting machinery into the wasm.
        let start = rest.len() - (text.len() - at);
        let (Some(item), Some(after)) = (rest.get(..start), rest.get(start..)) else {
            continue;
        };
        items.push(
            item.trim_space()
                .trim_end_matches(['；', ';', '，', ',', '、'])
                .trim_space(),
        );
        rest = after;
        expected += 1;
    }
    items.push(
        rest.trim_space()
            .trim_end_matches(['；', ';', '。'])
            .trim_space(),
    );
    items
}

fn attachment(text: &str, line: &Line) -> Attachment {
    let (marker, name) = match parse_marker(text, false) {
        Some(m) if blocks::numbers_attachments(m.kind) => (
            text.get(..m.end).unwrap_or_default().to_owned(),
            text.get(m.rest..).unwrap_or("").to_owned(),
        ),
        _ => (String::new(), text.to_owned()),
    };
    let href = line
        .hints
        .inlines
        .iter()
        .filter(|run| !run.text.trim_space().is_empty())
        .find(|run| {
            let run = run.text.trim_space();
            // The link may be the name, part of it, or the name with its
            // number (<a>1.汇总表</a>).
            chars::has_str(&name, run) || chars::has_str(run, name.trim_space())
        })
        .and_then(|run| run.href.clone());
    let file_type =
        blocks::file_type(&name).or_else(|| href.as_deref().and_then(blocks::file_type));
    Attachment {
        file_type,
        marker,
        name,
        href,
    }
}
