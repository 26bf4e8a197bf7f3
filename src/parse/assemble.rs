//! Lines → Document: the pipeline every front end shares.
//!
//! Named steps, in order:
//! 1. `chrome::strip`: page chrome out; breadcrumb and actions in.
//! 2. `head::read`: metadata, title and document number.
//! 3. `contents::find`: a printed table of contents.
//! 4. [`Body`]: each remaining line becomes a section, paragraph, list item,
//!    table row, addressee, signature, note or attachment list, nested by an
//!    explicit stack ([`Outline`]).
//! 5. the language of the text, and diagnostics for what is missing.

use super::blocks::{self, is_org_line};
use super::chrome;
use super::contents::{self, Toc};
use super::enumeration;
use super::head;
use super::lines::{char_count_upto, is_space, unspace_cjk, Align, Line, Trace};
use super::meta::{self, Unknown};
use super::numbering::{self, parse_marker, shape, Marker, MarkerKind, Shape};
use super::outline::{ListKind, Opened, Outline, OutlineKind, TooDeep};
use super::script;
use crate::error::{Diagnostic, DiagnosticCode};
use crate::model::{
    Attachment, Attachments, Block, Document, ListItem, Paragraph, Signature, Table, TextBlock,
};

/// Builds the document from the lines of a page.
pub fn assemble(lines: Vec<Line>) -> (Document, Trace) {
    let mut doc = Document::default();
    let mut trace = Trace::default();
    doc.lang = script::lang(lines.iter().map(|l| l.text.as_str())).to_owned();
    let lines = chrome::strip(lines, &mut doc, &mut trace);
    let start = head::read(&lines, &mut doc, &mut trace);
    let body_lines = lines.get(start..).unwrap_or(&[]);
    let decimal = numbering::uses_decimal(body_lines.iter().map(|l| l.text.as_str()));
    let tocs = contents::find(body_lines, decimal);
    let mut body = Body::new(body_lines, decimal, &tocs);
    body.run(&mut doc, &tocs);
    for (line, text) in std::mem::take(&mut body.chrome) {
        trace.chrome(line, text);
    }
    trace.chrome.sort_by_key(|h| h.line);
    doc.body = body.out.finish();
    if doc.title.is_none() {
        doc.diagnostics.push(Diagnostic::new(
            DiagnosticCode::NoTitle,
            "the page has no recognisable title",
            None,
        ));
    }
    if doc.body.is_empty() {
        doc.diagnostics.push(Diagnostic::new(
            DiagnosticCode::NoBody,
            "no body text was found",
            None,
        ));
    }
    doc.diagnostics.sort_by_key(|d| d.line.unwrap_or(0));
    (doc, trace)
}

/// Step 4: the body.
struct Body<'a> {
    lines: &'a [Line],
    out: Outline,
    diagnostics: Vec<Diagnostic>,
    markers: Vec<Option<Marker>>,
    /// Per line: `Some(true)` when its marker run reads as numbered items.
    items: Vec<Option<bool>>,
    /// Running text has started (an addressee can only come before it).
    started: bool,
    /// The last block closed a document (signature or note): a title-like
    /// line now opens an attached document.
    after_close: bool,
    dup_reported: bool,
    /// Widgets found among body metadata (line, text), for the trace.
    chrome: Vec<(u32, String)>,
}

impl<'a> Body<'a> {
    fn new(lines: &'a [Line], decimal: bool, tocs: &[Toc]) -> Self {
        let mut in_toc = vec![false; lines.len()];
        for toc in tocs {
            for flag in in_toc.iter_mut().take(toc.end).skip(toc.start) {
                *flag = true;
            }
        }
        let markers: Vec<Option<Marker>> = lines
            .iter()
            .zip(&in_toc)
            .map(|(l, &skip)| {
                (!skip && l.hints.cells.is_none())
                    .then(|| parse_marker(&l.text, decimal))
                    .flatten()
            })
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
            dup_reported: false,
            chrome: Vec::new(),
        }
    }

    fn run(&mut self, doc: &mut Document, tocs: &[Toc]) {
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

    fn push(&mut self, block: Block) {
        self.after_close = matches!(block, Block::Signature(_) | Block::Note(_));
        if !matches!(
            block,
            Block::Addressee(_) | Block::Contents(_) | Block::Note(_)
        ) {
            self.started = true;
        }
        self.out.push(block);
    }

    fn diag(&mut self, code: DiagnosticCode, message: String, line: &Line) {
        self.diagnostics
            .push(Diagnostic::new(code, message, Some(line.number)));
    }

    /// Handles line `i`; returns the index of the next line to handle.
    fn line(&mut self, doc: &mut Document, i: usize) -> usize {
        let lines = self.lines;
        let line = &lines[i];
        let text = line.text.as_str();
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
            self.date(line);
            return i + 1;
        }
        if !self.started && blocks::is_addressee(text) {
            self.push(Block::Addressee(TextBlock {
                text: text.to_owned(),
            }));
            return i + 1;
        }
        if self.after_close && self.markers[i].is_none() && blocks::title_like(line) {
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
        if let Some(m) = self.markers[i] {
            self.numbered(line, m, self.items[i] == Some(true));
            return i + 1;
        }
        if let Some((label, start)) = blocks::attachment(text) {
            return self.attachments(i, label, start);
        }
        if self.body_meta(doc, line) {
            return i + 1;
        }
        if let Some(end) = blocks::bracket_lead(text) {
            let next_too = lines.get(i + 1).and_then(|n| blocks::bracket_lead(&n.text));
            let prev_too = self.out.blocks().last().is_some_and(|b| {
                matches!(b, Block::List(l) if !l.ordered && l.items.iter().all(|it| it.lead.is_some()))
            });
            if next_too.is_some() || prev_too {
                let item = ListItem {
                    marker: String::new(),
                    lead: Some(text[..end].to_owned()),
                    text: text[end..].trim_matches(is_space).to_owned(),
                    inlines: Vec::new(),
                };
                self.out.item(ListKind::Bracket, item);
                self.started = true;
                return i + 1;
            }
        }
        if let Some(rest) = text.strip_prefix(meta::is_bullet) {
            let item = ListItem {
                marker: String::new(),
                lead: None,
                text: rest.trim_matches(is_space).to_owned(),
                inlines: Vec::new(),
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

    /// A paragraph from `line.text[start..]`, split at a 一是/二是 enumeration.
    fn paragraph(&mut self, line: &Line, start: usize) {
        let text = line.text.get(start..).unwrap_or("");
        let trimmed = text.trim_matches(is_space);
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
        let from = line.text.len() - text.trim_start_matches(is_space).len();
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
    fn open(
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
                    .map(|t| t.trim_matches(is_space).to_owned());
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
        let text = line.text.as_str();
        let marker = text[..m.end].trim_matches(is_space).to_owned();
        let rest = text.get(m.rest..).unwrap_or("");
        let kind = OutlineKind::Marker(m.kind);
        if as_item {
            let item = ListItem {
                marker,
                lead: None,
                text: rest.to_owned(),
                inlines: Vec::new(),
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
                let names = (marker, rest[..split].to_owned());
                self.open_with(kind, m.value, names, Some(m.rest + split), true, line);
            }
            Shape::Item => {
                let names = (marker, String::new());
                self.open_with(kind, m.value, names, Some(m.rest), false, line);
            }
        }
    }

    /// Consecutive table rows → one table.
    fn table(&mut self, i: usize) -> usize {
        let mut j = i;
        let mut rows = Vec::new();
        while let Some(cells) = self.lines.get(j).and_then(|l| l.hints.cells.as_ref()) {
            if !cells.iter().all(|c| c.text.is_empty()) {
                rows.push(cells.clone());
            }
            j += 1;
        }
        if !rows.is_empty() {
            self.push(Block::Table(Table {
                caption: None,
                rows: blocks::table_rows(rows),
            }));
        }
        j.max(i + 1)
    }

    /// A note (此件公开发布). An organisation line right above it is a
    /// signature without a date.
    fn note(&mut self, line: &Line) {
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
            text: line.text.clone(),
        }));
    }

    /// A date line: with the organisation lines above it, a signature; after
    /// a signature without a date (and its note), that signature's date.
    fn date(&mut self, line: &Line) {
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
        if !orgs.is_empty() {
            self.out.close_all();
            self.push(Block::Signature(Signature {
                organisations: orgs,
                date: Some(line.text.clone()),
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
                date: Some(line.text.clone()),
            }));
            return;
        }
        self.paragraph(line, 0);
    }

    /// 附件：1.… 2.…: the note and the numbered lines after it.
    fn attachments(&mut self, i: usize, label: String, start: usize) -> usize {
        let line = &self.lines[i];
        let first = line.text.get(start..).unwrap_or("");
        let mut items = Vec::new();
        if !first.is_empty() {
            items.push(attachment(first, line));
        }
        let mut j = i + 1;
        while let Some(next) = self.lines.get(j) {
            let numbered = self.markers[j].is_some_and(|m| blocks::numbers_attachments(m.kind));
            if !numbered || next.text.contains('。') || char_count_upto(&next.text, 80) > 80 {
                break;
            }
            items.push(attachment(&next.text, next));
            j += 1;
        }
        self.push(Block::Attachments(Attachments { label, items }));
        j
    }

    /// A short line of known labels in the body (来源: …) is metadata.
    fn body_meta(&mut self, doc: &mut Document, line: &Line) -> bool {
        if char_count_upto(&line.text, 60) > 60 || line.text.contains('。') {
            return false;
        }
        let Some(ml) = meta::parse_line(&line.text, Unknown::Reject) else {
            return false;
        };
        if !ml.colons || ml.fields.is_empty() {
            return false;
        }
        for c in ml.chrome {
            self.chrome.push((line.number, c));
        }
        for f in ml.fields {
            head::add_field(doc, f, line.number, &mut self.dup_reported);
        }
        true
    }
}

/// One attachment from its text ("1.名单.xlsx"), with the link the line
/// carries for it (HTML).
fn attachment(text: &str, line: &Line) -> Attachment {
    let (marker, name) = match parse_marker(text, false) {
        Some(m) if blocks::numbers_attachments(m.kind) => (
            text[..m.end].to_owned(),
            text.get(m.rest..).unwrap_or("").to_owned(),
        ),
        _ => (String::new(), text.to_owned()),
    };
    let href = line
        .hints
        .inlines
        .iter()
        .filter(|run| !run.text.trim_matches(is_space).is_empty())
        .find(|run| name.contains(run.text.trim_matches(is_space)))
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

/// For each run of same-kind markers (up to the next marker of an outer
/// kind), whether the run reads as numbered items: at least as many of its
/// lines are sentences as are headings or run-in headings (a lone run-in
/// heading stays a heading). One decision per run keeps siblings alike.
fn decide_runs(lines: &[Line], markers: &[Option<Marker>]) -> Vec<Option<bool>> {
    let mut decision: Vec<Option<bool>> = vec![None; markers.len()];
    for i in 0..markers.len() {
        let Some(m) = markers[i] else { continue };
        if decision[i].is_some() || m.kind == MarkerKind::Article {
            continue;
        }
        let mut members = Vec::new();
        let (mut items, mut headings) = (0usize, 0usize);
        for (j, mj) in markers.iter().enumerate().skip(i) {
            let Some(mj) = mj else { continue };
            if mj.kind == m.kind {
                members.push(j);
                let rest = lines[j].text.get(mj.rest..).unwrap_or("");
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
            decision[j] = Some(as_items);
        }
    }
    decision
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inline, TableCell};

    fn line(number: u32, text: &str) -> Line {
        Line::plain(number, text)
    }

    /// The HTML front end feeds the same pipeline with hints: links, header
    /// cells, heading elements and alignment are used as evidence.
    #[test]
    fn hints_from_a_richer_front_end() {
        let mut crumb = line(1, "当前位置：首页 > 通知");
        crumb.hints.inlines = vec![
            Inline {
                text: "当前位置：".into(),
                href: None,
                strong: false,
                em: false,
            },
            Inline {
                text: "首页".into(),
                href: Some("/".into()),
                strong: false,
                em: false,
            },
            Inline {
                text: " > 通知".into(),
                href: None,
                strong: false,
                em: false,
            },
        ];
        let title = line(2, "关于做好某某工作的通知");
        let mut heading = line(3, "工作要求");
        heading.hints.heading = Some(2);
        let mut para = line(4, "请认真执行，详见附件。");
        para.hints.inlines = vec![
            Inline {
                text: "请认真执行，".into(),
                href: None,
                strong: false,
                em: false,
            },
            Inline {
                text: "详见附件".into(),
                href: None,
                strong: true,
                em: false,
            },
            Inline {
                text: "。".into(),
                href: None,
                strong: false,
                em: false,
            },
        ];
        let mut att = line(5, "附件：名单");
        att.hints.inlines = vec![
            Inline {
                text: "附件：".into(),
                href: None,
                strong: false,
                em: false,
            },
            Inline {
                text: "名单".into(),
                href: Some("/f/list.xlsx".into()),
                strong: false,
                em: false,
            },
        ];
        let mut row = line(6, "项目 金额");
        row.hints.cells = Some(vec![
            TableCell {
                header: true,
                ..TableCell::plain("项目")
            },
            TableCell {
                header: true,
                ..TableCell::plain("金额")
            },
        ]);
        let mut date = line(7, "2024年1月2日");
        date.hints.align = Some(Align::Right);
        let (doc, trace) = assemble(vec![crumb, title, heading, para, att, row, date]);
        assert_eq!(doc.breadcrumb[0].href.as_deref(), Some("/"));
        assert_eq!(doc.breadcrumb[1].href, None);
        assert_eq!(trace.chrome.len(), 2);
        let Some(Block::Section(s)) = doc.body.first() else {
            panic!("{:?}", doc.body);
        };
        assert_eq!((s.level, s.heading.as_str()), (1, "工作要求"));
        let Block::Paragraph(p) = &s.blocks[0] else {
            panic!("{:?}", s.blocks);
        };
        assert_eq!(p.inlines.len(), 3);
        assert!(p.inlines[1].strong);
        let Block::Attachments(a) = &s.blocks[1] else {
            panic!("{:?}", s.blocks);
        };
        assert_eq!(a.items[0].href.as_deref(), Some("/f/list.xlsx"));
        assert_eq!(a.items[0].file_type.as_deref(), Some("xlsx"));
        let Block::Table(t) = &s.blocks[2] else {
            panic!("{:?}", s.blocks);
        };
        assert!(t.rows[0].header);
        assert!(
            matches!(doc.body.last(), Some(Block::Signature(sig)) if sig.organisations.is_empty())
        );
    }
}
