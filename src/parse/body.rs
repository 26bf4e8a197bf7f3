//! Step 4 of the pipeline: each body line becomes a section, paragraph,
//! list item or one of the closing parts, nested by the [`Outline`] stack.
//!
//! Numbered lines are judged by run: all lines of one marker kind up to the
//! next marker of an outer kind are sections, or all are list items, so
//! siblings stay alike (GB/T 9704 numbers headings and items the same way).
//!
//! Articles (第一条) are always sections, with the marker alone naming them
//! and an empty heading, their text following as a paragraph: an article is
//! the unit laws and rules are cited by (第二十条第(一)项), so it should be
//! addressable in the outline and by speech, yet its text is a provision, not
//! a title, and showing it as a heading would make whole sentences bold. An
//! article that is only a short title ("第一条 适用范围") keeps it as heading.

use super::blocks::{self};
use super::chars::{self, TrimSpace};
use super::contents::Toc;
use super::enumeration;
use super::head::MetaIndex;
use super::lines::{unspace_cjk, Line};
use super::meta;
use super::numbering::{shape, Marker, MarkerKind, Shape};
use super::outline::{ListKind, Opened, Outline, OutlineKind, TooDeep};
use crate::error::{Diagnostic, DiagnosticCode};
use crate::model::{Block, Document, ListItem, Paragraph, TextBlock};

/// Step 4: the body.
pub(super) struct Body<'a> {
    pub(super) lines: &'a [Line<'a>],
    pub(super) out: Outline,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) markers: Vec<Option<Marker>>,
    /// Per line: `Some(true)` when its marker run reads as numbered items.
    pub(super) items: Vec<Option<bool>>,
    /// Running text has started (an addressee can only come before it).
    pub(super) started: bool,
    /// The last block closed a document (signature or note): a title-like
    /// line now opens an attached document.
    pub(super) after_close: bool,
    /// An attachment printed in full after the document (附件1) has
    /// opened: the next one (附件2) opens after it.
    pub(super) appendix: bool,
    pub(super) dup_reported: bool,
    /// The document's metadata fields, indexed at the first metadata line
    /// of the body.
    pub(super) meta_index: Option<MetaIndex>,
    /// Widgets found among body metadata (line, text), for the trace.
    pub(super) chrome: Vec<(u32, String)>,
    /// Where the page's trailer starts: the lines after the last one that
    /// is neither blank nor metadata. Only there is a labelled line the
    /// page's (来源：…, 发布时间：…); before, it is the document's own
    /// (责任单位：… under each task of a work plan).
    pub(super) trailer_from: usize,
}

impl<'a> Body<'a> {
    /// `markers`: each line's outline marker, as read for the whole body
    /// (none for a table row); a line of a table of contents has none here.
    pub(super) fn new(lines: &'a [Line<'a>], markers: &[Option<Marker>], tocs: &[Toc]) -> Self {
        let mut in_toc = vec![false; lines.len()];
        for toc in tocs {
            for flag in in_toc.iter_mut().take(toc.end).skip(toc.start) {
                *flag = true;
            }
        }
        let markers: Vec<Option<Marker>> = in_toc
            .iter()
            .enumerate()
            .map(|(i, &skip)| (!skip).then(|| markers.get(i).copied().flatten()).flatten())
            .collect();
        let items = decide_runs(lines, &markers);
        Body {
            lines,
            out: Outline::default(),
            diagnostics: Vec::new(),
            markers,
            items,
            started: false,
            after_close: false,
            appendix: false,
            dup_reported: false,
            meta_index: None,
            chrome: Vec::new(),
            trailer_from: trailer_from(lines),
        }
    }

    pub(super) fn run(&mut self, doc: &mut Document, tocs: &[Toc]) {
        let mut tocs = tocs.iter().peekable();
        let mut i = 0;
        while i < self.lines.len() {
            if let Some(toc) = tocs.next_if(|t| t.start == i) {
                self.push(Block::Contents(toc.block.clone()));
                i = toc.end.max(i + 1);
                continue;
            }
            i = self.line(doc, i);
        }
        doc.diagnostics.append(&mut self.diagnostics);
    }

    pub(super) fn push(&mut self, block: Block) {
        self.after_close = matches!(block, Block::Signature(_) | Block::Note(_));
        if !matches!(
            block,
            Block::Addressee(_) | Block::Contents(_) | Block::Note(_)
        ) {
            self.started = true;
        }
        self.out.push(block);
    }

    pub(super) fn diag(&mut self, code: DiagnosticCode, message: String, line: &Line) {
        self.diagnostics
            .push(Diagnostic::new(code, message, Some(line.number)));
    }

    /// Handles line `i`; returns the index of the next line to handle.
    fn line(&mut self, doc: &mut Document, i: usize) -> usize {
        let lines = self.lines;
        let Some(line) = lines.get(i) else {
            return lines.len();
        };
        let text = &*line.text;
        let marker = self.markers.get(i).copied().flatten();
        if let Some(image) = &line.hints.image {
            self.push(Block::Image(image.clone()));
            return i + 1;
        }
        if line.hints.cells.is_some() {
            return self.table(i);
        }
        if blocks::is_note(text) {
            self.note(line);
            return i + 1;
        }
        if blocks::is_date_line(text) || blocks::is_garbled_date(text) {
            self.date(line, None);
            return i + 1;
        }
        if marker.is_none() && blocks::is_closing(text) {
            self.out.close_all();
            self.paragraph(line, 0);
            return i + 1;
        }
        if let Some(signed) = blocks::org_and_date(text) {
            self.date(line, Some(signed));
            return i + 1;
        }
        if !self.started && blocks::is_addressee(text) {
            self.push(Block::Addressee(TextBlock {
                text: text.to_owned(),
            }));
            return i + 1;
        }
        if self.after_close || self.appendix {
            if let Some((label, title)) = blocks::appendix_heading(text) {
                return self.appendix(i, label, title);
            }
        }
        if self.after_close && marker.is_none() && blocks::title_like(line) {
            self.out.close_all();
            self.open(
                OutlineKind::DocTitle,
                0,
                String::new(),
                text.to_owned(),
                line,
            );
            return i + 1;
        }
        if let Some(m) = marker {
            self.numbered(
                line,
                m,
                line.hints.item || self.items.get(i) == Some(&Some(true)),
            );
            return i + 1;
        }
        if let Some((label, start)) = blocks::attachment(text) {
            return self.attachments(i, label, start);
        }
        if i >= self.trailer_from && self.body_meta(doc, line) {
            return i + 1;
        }
        if let Some(end) = blocks::bracket_lead(text) {
            let next_too = lines.get(i + 1).and_then(|n| blocks::bracket_lead(&n.text));
            let prev_too = self.out.blocks().last().is_some_and(|b| {
                matches!(b, Block::List(l) if !l.ordered && l.items.iter().all(|it| it.lead.is_some()))
            });
            if let (true, Some((lead, rest))) =
                (next_too.is_some() || prev_too, text.split_at_checked(end))
            {
                let rest = rest.trim_space();
                let item = ListItem {
                    marker: String::new(),
                    lead: Some(lead.to_owned()),
                    text: rest.to_owned(),
                    inlines: inlines_of(line, rest),
                };
                self.out.item(ListKind::Bracket, item);
                self.started = true;
                return i + 1;
            }
        }
        if let Some(item) = self.enumeration_line(i) {
            self.out.item(ListKind::Enumeration, item);
            self.started = true;
            return i + 1;
        }
        if let Some(rest) = text.strip_prefix(meta::is_bullet) {
            let rest = rest.trim_space();
            let item = ListItem {
                marker: String::new(),
                lead: None,
                text: rest.to_owned(),
                inlines: inlines_of(line, rest),
            };
            self.out.item(ListKind::Bullet, item);
            self.started = true;
            return i + 1;
        }
        if blocks::plain_heading(line, lines.get(i + 1)) {
            let h = line.hints.heading.unwrap_or(0);
            self.open(
                OutlineKind::Plain(h),
                0,
                String::new(),
                unspace_cjk(text),
                line,
            );
            return i + 1;
        }
        self.paragraph(line, 0);
        i + 1
    }

    /// 一是… on its own line, continuing such a list, or starting one when the
    /// next line holds 二是 (and the line is not a whole enumeration itself).
    fn enumeration_line(&self, i: usize) -> Option<ListItem> {
        let text = &*self.lines.get(i)?.text;
        let n = self.out.open_items(ListKind::Enumeration);
        if n > 0 {
            return enumeration::line_item(text, u32::try_from(n + 1).ok()?);
        }
        let next = self.lines.get(i + 1)?;
        let starts =
            enumeration::line_item(&next.text, 2).is_some() && enumeration::split(text).is_none();
        starts.then(|| enumeration::line_item(text, 1)).flatten()
    }

    /// A paragraph from `line.text[start..]`, split at a 一是/二是 enumeration.
    pub(super) fn paragraph(&mut self, line: &Line, start: usize) {
        let text = line.text.get(start..).unwrap_or("");
        let trimmed = text.trim_space();
        if trimmed.is_empty() {
            return;
        }
        if let Some(e) = enumeration::split(trimmed) {
            if !e.lead.is_empty() {
                self.push(Block::Paragraph(Paragraph::plain(e.lead)));
            }
            self.push(Block::List(e.list));
            return;
        }
        let from = line.text.len() - chars::trim_start_space(text).len();
        let to = from + trimmed.len();
        let inlines = line.inlines_in(from, to);
        let text = if inlines.is_empty() {
            unspace_cjk(trimmed)
        } else {
            trimmed.to_owned()
        };
        self.push(Block::Paragraph(Paragraph { text, inlines }));
    }

    /// Opens a section; when it would be too deep, it becomes a list item.
    pub(super) fn open(
        &mut self,
        kind: OutlineKind,
        value: u32,
        marker: String,
        heading: String,
        line: &Line,
    ) {
        self.open_with(kind, value, (marker, heading), None, false, line);
    }

    /// Opens a section whose first paragraph is `line.text[rest..]`;
    /// `run_in` when the heading ran into it.
    fn open_with(
        &mut self,
        kind: OutlineKind,
        value: u32,
        (marker, heading): (String, String),
        rest: Option<usize>,
        run_in: bool,
        line: &Line,
    ) {
        match self
            .out
            .open(kind, value, marker.clone(), heading.clone(), run_in)
        {
            Ok(opened) => {
                self.started = true;
                self.after_close = false;
                if let Opened::Gap { expected } = opened {
                    self.diag(
                        DiagnosticCode::OutlineGap,
                        format!("{marker} comes where number {expected} was expected"),
                        line,
                    );
                }
                if let Some(start) = rest {
                    self.paragraph(line, start);
                }
            }
            Err(TooDeep) => {
                self.diag(
                    DiagnosticCode::TooDeep,
                    format!("{marker} would nest deeper than four levels; kept as a list item"),
                    line,
                );
                let list_kind = match kind {
                    OutlineKind::Marker(k) => ListKind::Numbered(k),
                    _ => ListKind::Bullet,
                };
                let rest_text = rest
                    .and_then(|s| line.text.get(s..))
                    .map(|t| t.trim_space().to_owned());
                let item = match rest_text {
                    Some(t) => ListItem {
                        marker,
                        lead: (!heading.is_empty()).then_some(heading),
                        text: t,
                        inlines: Vec::new(),
                    },
                    None => ListItem {
                        marker,
                        lead: None,
                        text: heading,
                        inlines: Vec::new(),
                    },
                };
                self.out.item(list_kind, item);
            }
        }
    }

    /// A line opened by a marker: a section, a run-in section, or an item.
    fn numbered(&mut self, line: &Line, m: Marker, as_item: bool) {
        let text = &*line.text;
        let marker = text
            .get(..m.end)
            .unwrap_or_default()
            .trim_space()
            .to_owned();
        let rest = text.get(m.rest..).unwrap_or("");
        let kind = OutlineKind::Marker(m.kind);
        if as_item {
            let item = ListItem {
                marker,
                lead: None,
                text: rest.to_owned(),
                inlines: inlines_of(line, rest),
            };
            self.out.item(ListKind::Numbered(m.kind), item);
            self.started = true;
            self.after_close = false;
            return;
        }
        if m.kind == MarkerKind::Article {
            // 第一条: articles are what laws and rules are cited by, so each is
            // its own section; their text is a provision, not a title, so the
            // heading stays empty (unless the article is only a short title).
            let titled = matches!(shape(rest), Shape::Heading) && !rest.ends_with('。');
            if titled {
                self.open(kind, m.value, marker, rest.to_owned(), line);
            } else {
                let names = (marker, String::new());
                self.open_with(kind, m.value, names, Some(m.rest), false, line);
            }
            return;
        }
        match shape(rest) {
            Shape::Heading => self.open(kind, m.value, marker, unspace_cjk(rest), line),
            Shape::RunIn { split } => {
                let names = (marker, rest.get(..split).unwrap_or(rest).to_owned());
                self.open_with(kind, m.value, names, Some(m.rest + split), true, line);
            }
            Shape::Item => {
                let names = (marker, String::new());
                self.open_with(kind, m.value, names, Some(m.rest), false, line);
            }
        }
    }
}

/// For each run of same-kind markers (up to the next marker of an outer
/// kind), whether the run reads as numbered items: at least as many of its
/// lines are sentences as are headings or run-in headings (a lone run-in
/// heading stays a heading). One decision per run keeps siblings alike.
fn decide_runs(lines: &[Line], markers: &[Option<Marker>]) -> Vec<Option<bool>> {
    let mut decision: Vec<Option<bool>> = vec![None; markers.len()];
    for (i, m) in markers.iter().enumerate() {
        let Some(m) = m else { continue };
        if decision.get(i).is_some_and(Option::is_some) || m.kind == MarkerKind::Article {
            continue;
        }
        let mut members = Vec::new();
        let (mut items, mut headings) = (0usize, 0usize);
        for (j, mj) in markers.iter().enumerate().skip(i) {
            let Some(mj) = mj else { continue };
            if mj.kind == m.kind {
                members.push(j);
                let rest = lines
                    .get(j)
                    .and_then(|l| l.text.get(mj.rest..))
                    .unwrap_or("");
                match shape(rest) {
                    Shape::Item => items += 1,
                    _ => headings += 1,
                }
            } else if mj.kind.rank() < m.kind.rank() {
                break;
            }
        }
        let as_items = items > headings || (items == headings && items > 0);
        for j in members {
            if let Some(d) = decision.get_mut(j) {
                *d = Some(as_items);
            }
        }
    }
    decision
}

/// Where the trailer of `lines` starts (see [`Body::trailer_from`]): after
/// the last line that is neither blank nor metadata, and after the last
/// labelled line whose label the document uses itself before it (the
/// 责任单位 of a work plan's last task is the document's too).
fn trailer_from(lines: &[Line]) -> usize {
    use super::ending::meta_line;
    let content_end = lines
        .iter()
        .rposition(|line| !line.text.trim_space().is_empty() && meta_line(line).is_none())
        .map_or(0, |last| last + 1);
    let (own, after) = lines.split_at(content_end);
    // The trailer's labels (known ones only: a few, however many lines
    // carry them), and of those the ones the document uses itself: only
    // its lines that hold such a label are read as metadata (a byte search
    // first).
    let mut labels: Vec<String> = Vec::new();
    for ml in after.iter().filter_map(meta_line) {
        for f in ml.fields {
            if !labels.contains(&f.label) {
                labels.push(f.label);
            }
        }
    }
    labels.retain(|label| {
        own.iter().any(|line| {
            chars::has_str(&line.text, label)
                && meta_line(line).is_some_and(|ml| ml.fields.iter().any(|f| &f.label == label))
        })
    });
    after
        .iter()
        .rposition(|line| {
            meta_line(line).is_some_and(|ml| ml.fields.iter().any(|f| labels.contains(&f.label)))
        })
        .map_or(content_end, |last| content_end + last + 1)
}

/// The links and emphasis of `part`, a slice of `line`'s text (a list
/// item's text after its marker): none for a part that is not one.
fn inlines_of(line: &Line, part: &str) -> Vec<crate::model::Inline> {
    let text = &*line.text;
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    match start.checked_add(part.len()) {
        Some(end) if end <= text.len() => line.inlines_in(start, end),
        _ => Vec::new(),
    }
}
