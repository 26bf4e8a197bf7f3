//! The head of the page: metadata block, title and document number, in
//! whatever order the page prints them, up to the first line of the body.
//!
//! The title may come before or after the metadata, be wrapped over lines, be
//! repeated (a 名称 field, then the heading line, then again above the body),
//! or be missing. The metadata may come as `label: value` lines, spaced
//! labels without colons, table rows, bullets with the value on a later line,
//! or twice over (kept once).

use super::blocks::{doc_no, has_title_tail, title_like};
use super::lines::{char_count_upto, compact, is_space, Line, Trace};
use super::meta::{self, MetaLine, Unknown};
use super::numbering::parse_marker;
use crate::error::{Diagnostic, DiagnosticCode};
use crate::model::{Document, MetaField, MetaKey};

use std::collections::{HashMap, HashSet};

/// Reads the head of the page into `doc` (title, meta) and returns the index
/// of the first body line.
pub fn read(lines: &[Line], doc: &mut Document, trace: &mut Trace) -> usize {
    let mut head = Head {
        doc,
        trace,
        seen: SeenFields::default(),
    };
    let mut i = 0;
    let mut last_meta = false;
    while let Some(line) = lines.get(i) {
        if let Some(cells) = &line.hints.cells {
            let texts: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
            let Some(ml) = meta::parse_cells(&texts) else {
                break;
            };
            head.add(ml, line.number);
            last_meta = true;
            i += 1;
            continue;
        }
        let unknown = if last_meta {
            Unknown::Anywhere
        } else {
            Unknown::AfterKnown
        };
        let parsed = meta::parse_line(&line.text, unknown).filter(|ml| known_or_card(line, ml));
        if let Some(mut ml) = parsed {
            let mut next = i + 1;
            if let Some(value_line) = lines.get(i + 1).filter(|v| value_below(line, &ml, v)) {
                if let Some(f) = ml.fields.first_mut() {
                    *f = meta::field(f.key, std::mem::take(&mut f.label), &value_line.text);
                }
                next = i + 2;
            }
            head.add(ml, line.number);
            last_meta = true;
            i = next;
            continue;
        }
        last_meta = false;
        if let Some(garbled) = doc_no(&line.text) {
            head.doc_no(&line.text, garbled, line.number);
            i += 1;
            continue;
        }
        if !title_like(line) {
            break;
        }
        match &head.doc.title {
            None => i = head.title(lines, i),
            Some(t) if compact(t) == compact(&line.text) => i += 1,
            Some(_) => break,
        }
    }
    if head.doc.title.is_none() {
        let field = head.doc.meta.iter().find(|m| m.key == MetaKey::Title);
        head.doc.title = field
            .filter(|m| !m.value.is_empty())
            .map(|m| m.value.clone());
    }
    i
}

/// A line whose first label is not in the table belongs to the metadata
/// block only as a short card line right below it ("地点: 演播厅 主持:王晓菁"):
/// every value filled in, no sentence.
fn known_or_card(line: &Line, ml: &MetaLine) -> bool {
    let first_known = ml.fields.first().is_none_or(|f| f.key != MetaKey::Other);
    first_known
        || (char_count_upto(&line.text, 60) <= 60
            && !line.text.contains('。')
            && ml.fields.iter().all(|f| !f.value.is_empty()))
}

/// In the bullet layout (• 索引号: / blank / value), the value is the next
/// line when it is indented deeper than the label and is not a label itself.
fn value_below(label: &Line, ml: &MetaLine, next: &Line) -> bool {
    let lone_empty = ml.colons
        && ml.chrome.is_empty()
        && ml.fields.len() == 1
        && ml.fields.iter().all(|f| f.value.is_empty());
    lone_empty
        && next.indent > label.indent
        && next.hints.cells.is_none()
        && char_count_upto(&next.text, 100) <= 100
        && !next.text.starts_with(meta::is_bullet)
        && meta::parse_line(&next.text, Unknown::Reject).is_none()
        && parse_marker(&next.text, false).is_none()
}

struct Head<'a> {
    doc: &'a mut Document,
    trace: &'a mut Trace,
    seen: SeenFields,
}

impl Head<'_> {
    /// Adds the fields of one line, each once; widgets go to the trace.
    fn add(&mut self, ml: MetaLine, number: u32) {
        for c in ml.chrome {
            add_actions(self.doc, &c);
            self.trace.chrome(number, c);
        }
        for f in ml.fields {
            add_field(self.doc, f, number, &mut self.seen);
        }
    }

    /// The document number printed under the title: fills an empty 文号,
    /// matches an existing one, or adds one.
    fn doc_no(&mut self, text: &str, garbled: bool, number: u32) {
        if garbled {
            self.doc.diagnostics.push(Diagnostic::new(
                DiagnosticCode::Garbled,
                format!("the document number \"{text}\" looks damaged"),
                Some(number),
            ));
        }
        let meta = &mut self.doc.meta;
        let same = meta
            .iter()
            .any(|m| m.key == MetaKey::DocNo && compact(&m.value) == compact(text));
        if same {
            return;
        }
        if let Some(empty) = meta
            .iter_mut()
            .find(|m| m.key == MetaKey::DocNo && m.value.is_empty())
        {
            empty.value = text.to_owned();
            self.seen.forget();
            return;
        }
        meta.push(MetaField {
            key: MetaKey::DocNo,
            label: "文号".to_owned(),
            value: text.to_owned(),
        });
    }

    /// Takes the title at line `i`, joining wrapped lines; returns the next
    /// line index.
    fn title(&mut self, lines: &[Line], i: usize) -> usize {
        let mut title = lines.get(i).map(|l| l.text.clone()).unwrap_or_default();
        let field = self
            .doc
            .meta
            .iter()
            .find(|m| m.key == MetaKey::Title)
            .map(|m| compact(&m.value));
        let mut j = i + 1;
        while let Some(next) = lines.get(j) {
            if next.blank_before
                || !title_like(next)
                || meta::parse_line(&next.text, Unknown::Reject).is_some()
                || j - i >= 3
            {
                break;
            }
            let joined = format!("{title}{}", next.text.trim_matches(is_space));
            let matches_field = field.as_deref() == Some(compact(&joined).as_str());
            let tail_moves = !has_title_tail(&title) && has_title_tail(&joined);
            if !(matches_field || tail_moves) {
                break;
            }
            title = joined;
            j += 1;
        }
        self.doc.title = Some(title);
        j
    }
}

/// Adds the actions a widget piece names (打印 关闭 after 字号).
pub fn add_actions(doc: &mut Document, chrome_text: &str) {
    for a in super::chrome::whole_line(chrome_text).unwrap_or_default() {
        if !doc.actions.contains(&a) {
            doc.actions.push(a);
        }
    }
}

/// The fields of `doc.meta`, values by label, so that a repeated field is
/// found in constant time: a page of 100,000 metadata lines must not take
/// 100,000² comparisons.
#[derive(Debug, Default)]
pub struct SeenFields {
    fields: HashMap<String, HashSet<String>>,
    /// How many of `doc.meta` are in `fields`: fields pushed elsewhere are
    /// taken in on the next look-up.
    indexed: usize,
    /// The repeat has been reported (once per document part).
    reported: bool,
}

impl SeenFields {
    /// Whether `doc.meta` holds a field with this label and value.
    fn contains(&mut self, doc: &Document, label: &str, value: &str) -> bool {
        for m in doc.meta.iter().skip(self.indexed) {
            self.fields
                .entry(m.label.clone())
                .or_default()
                .insert(m.value.clone());
        }
        self.indexed = doc.meta.len();
        self.fields
            .get(label)
            .is_some_and(|values| values.contains(value))
    }

    /// A field was changed in place: index `doc.meta` again.
    fn forget(&mut self) {
        self.fields.clear();
        self.indexed = 0;
    }
}

/// Adds a field unless the very same field is there already (a metadata
/// block printed twice); notes damaged values.
pub fn add_field(doc: &mut Document, f: MetaField, number: u32, seen: &mut SeenFields) {
    if seen.contains(doc, &f.label, &f.value) {
        if !seen.reported {
            seen.reported = true;
            doc.diagnostics.push(Diagnostic::new(
                DiagnosticCode::DuplicateMeta,
                format!("the metadata field {} is printed twice; kept once", f.label),
                Some(number),
            ));
        }
        return;
    }
    if let Some(why) = meta::damage(&f) {
        doc.diagnostics.push(Diagnostic::new(
            DiagnosticCode::Garbled,
            format!("{}: {why}", f.label),
            Some(number),
        ));
    }
    doc.meta.push(f);
}
