//! Lines → Document: the pipeline every front end shares.
//!
//! Named steps, in order:
//! 1. `chrome::strip`: page chrome out; breadcrumb and actions in.
//! 2. `head::read`: metadata, title and document number.
//! 3. `contents::find`: a printed table of contents.
//! 4. `body`: each remaining line becomes a section, paragraph, list item,
//!    table, addressee, signature, note or attachment list, nested by an
//!    explicit stack (`outline`).
//! 5. the language of the text, and diagnostics for what is missing.

use super::body::Body;
use super::chrome;
use super::contents;
use super::head;
use super::lines::{Line, Trace};
use super::numbering;
use super::script;
use crate::error::{Diagnostic, DiagnosticCode};
use crate::model::{Block, Document, List, ListItem};

/// Builds the document from the lines of a page.
pub fn assemble(lines: Vec<Line<'_>>) -> (Document, Trace) {
    assemble_with(lines, None)
}

/// Like [`assemble`], with the title the page names elsewhere (an HTML
/// page's `<title>` without the site's name), which picks the title line
/// among the head's lines: see [`head::read`].
pub fn assemble_with(lines: Vec<Line<'_>>, title_hint: Option<&str>) -> (Document, Trace) {
    let mut doc = Document::default();
    let mut trace = Trace::default();
    doc.lang = script::lang(lines.iter().map(|l| &*l.text)).to_owned();
    let lines = join_lone_markers(chrome::strip(lines, &mut doc, &mut trace));
    let start = head::read(&lines, &mut doc, &mut trace, title_hint);
    let body_lines = lines.get(start..).unwrap_or(&[]);
    let decimal = numbering::uses_decimal(body_lines.iter().map(|l| &*l.text));
    // Each body line's marker, read once for the table of contents and the
    // body (a table row has none).
    let markers: Vec<Option<numbering::Marker>> = body_lines
        .iter()
        .map(|l| {
            l.hints
                .cells
                .is_none()
                .then(|| numbering::parse_marker(&l.text, decimal))
                .flatten()
        })
        .collect();
    let tocs = contents::find(body_lines, &markers);
    let mut body = Body::new(body_lines, &markers, &tocs);
    body.run(&mut doc, &tocs);
    for (line, text) in std::mem::take(&mut body.chrome) {
        trace.chrome(line, text);
    }
    trace.sort_chrome();
    doc.body = body.out.finish();
    empty_headings_to_lists(&mut doc.body, decimal);
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
    crate::sort::by_key(&mut doc.diagnostics, |d| u64::from(d.line.unwrap_or(0)));
    (doc, trace)
}

/// Numbered lines in a row with nothing under any of them (1.上盘村 /
/// 2.下盘村 / 3.东岙村, a list of names) were read as headings, each an
/// empty section: such a run, two at least, all of one numbering, is a
/// numbered list. A run where any has text under it stays sections.
fn empty_headings_to_lists(blocks: &mut Vec<Block>, decimal: bool) {
    for block in blocks.iter_mut() {
        if let Block::Section(s) = block {
            empty_headings_to_lists(&mut s.blocks, decimal);
        }
    }
    let numbering_of = |b: &Block| match b {
        Block::Section(s) => numbering::parse_marker(&s.marker, decimal)
            .filter(|m| m.end == s.marker.len())
            .map(|m| m.kind),
        _ => None,
    };
    let empty = |b: &Block| matches!(b, Block::Section(s) if s.blocks.is_empty() && !s.run_in && !s.heading.is_empty());
    // The runs to turn into lists, as (start, end).
    let mut runs = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let Some(k) = blocks.get(i).and_then(numbering_of) else {
            i += 1;
            continue;
        };
        // The run: the sections of this numbering from i on.
        let end = (i..blocks.len())
            .find(|&j| blocks.get(j).and_then(numbering_of) != Some(k))
            .unwrap_or(blocks.len());
        if end - i >= 2 && blocks.get(i..end).is_some_and(|run| run.iter().all(empty)) {
            runs.push((i, end));
        }
        i = end;
    }
    if runs.is_empty() {
        return;
    }
    let mut runs = runs.into_iter().peekable();
    let mut items = Vec::new();
    for (n, block) in std::mem::take(blocks).into_iter().enumerate() {
        let Some(&(_, end)) = runs.peek().filter(|&&(start, _)| n >= start) else {
            blocks.push(block);
            continue;
        };
        if let Block::Section(s) = block {
            items.push(ListItem {
                marker: s.marker,
                lead: None,
                text: s.heading,
                inlines: Vec::new(),
            });
        }
        if n + 1 == end {
            runs.next();
            blocks.push(Block::List(List {
                ordered: true,
                items: std::mem::take(&mut items),
            }));
        }
    }
}

/// A marker alone on its line (一、, 第一章) and the text of the next line,
/// which carries on the numbered heading or paragraph (a page breaks the
/// line after a chapter's number, 第一章 / 总则; a Word export puts the
/// number in a paragraph of its own), become one line: the marker was read
/// as a section with no heading and its text as a paragraph. A next line
/// with a marker of its own, a table row or an image is left alone.
fn join_lone_markers(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let lone = |line: &Line| {
        line.hints.cells.is_none()
            && line.hints.image.is_none()
            && numbering::parse_marker(&line.text, false).is_some_and(|m| m.rest >= line.text.len())
    };
    if !lines.iter().any(lone) {
        return lines;
    }
    let mut out: Vec<Line<'_>> = Vec::with_capacity(lines.len());
    let mut lines = lines.into_iter().peekable();
    while let Some(mut line) = lines.next() {
        let joins = |next: &Line| {
            next.hints.cells.is_none()
                && next.hints.image.is_none()
                && numbering::parse_marker(&next.text, false).is_none()
        };
        if lone(&line) {
            if let Some(next) = lines.next_if(joins) {
                // 第一章 总则 apart, as the heading is written; 一、总体要求 together.
                let spaced = line.text.ends_with(|c: char| super::lines::is_cjk(c));
                let mut head = line.text.into_owned();
                if spaced {
                    head.push(' ');
                }
                let mut hints = next.hints;
                if !hints.inlines.is_empty() {
                    hints.inlines.insert(
                        0,
                        crate::model::Inline {
                            text: head.clone(),
                            href: None,
                            strong: false,
                            em: false,
                        },
                    );
                }
                hints.heading = line.hints.heading.or(hints.heading);
                head.push_str(&next.text);
                line = Line {
                    text: head.into(),
                    hints,
                    ..line
                };
            }
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines::Align;
    use super::*;
    use crate::model::{Block, Inline, TableCell};

    fn line(number: u32, text: &str) -> Line<'_> {
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
