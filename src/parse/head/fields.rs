//! The document's metadata fields as the head and the body add them: a
//! field printed twice kept once, damaged values noted, and the 文号
//! printed under the title matched to an empty 文号 field, at a cost that
//! does not grow with the fields already there.

use crate::error::{Diagnostic, DiagnosticCode};
use crate::hash::Map;
use crate::model::{Document, MetaField, MetaKey};
use crate::parse::chrome;
use crate::parse::lines::compact;
use crate::parse::meta;

/// Adds the actions a widget piece names (打印 关闭 after 字号).
pub fn add_actions(doc: &mut Document, chrome_text: &str) {
    for a in chrome::whole_line(chrome_text).unwrap_or_default() {
        if !doc.actions.contains(&a) {
            doc.actions.push(a);
        }
    }
}

/// Adds a field unless the very same field is there already (a metadata
/// block printed twice); notes damaged values. Linear in the fields already
/// there: to add many, use a [`MetaIndex`].
pub fn add_field(doc: &mut Document, f: MetaField, number: u32, dup_reported: &mut bool) {
    MetaIndex::new(doc).add_field(doc, f, number, dup_reported);
}

/// The metadata fields of a document, indexed so that adding one costs the
/// same however many are there (a hostile page may print 100,000 metadata
/// lines): the "printed twice" check looks up the label and value, and the
/// 文号 printed under the title looks up the numbers already read and the
/// first 文号 field still empty. It must see every change to `doc.meta`
/// made while it is in use.
#[derive(Debug, Default)]
pub struct MetaIndex {
    /// How many fields have each label and value.
    fields: Map<String, Map<String, usize>>,
    /// How many 文号 fields have each value, whitespace removed.
    doc_nos: Map<String, usize>,
    /// Positions in `doc.meta` of the 文号 fields still empty.
    empty_doc_nos: EmptyDocNos,
}

/// A set of positions in `doc.meta`, asked only for its smallest: a flag per
/// position and a cursor below which no flag is set (a tree would do, at
/// some kilobytes of the browser build). The cursor moves back only when a
/// position below it is added, which filling the first empty field never
/// does, so finding the first costs the same however many fields there are.
#[derive(Debug, Default)]
struct EmptyDocNos {
    /// Whether the field at each position is an empty 文号.
    flags: Vec<bool>,
    /// No flag below this position is set.
    from: usize,
}

impl EmptyDocNos {
    fn insert(&mut self, i: usize) {
        if self.flags.len() <= i {
            self.flags.resize(i.saturating_add(1), false);
        }
        if let Some(flag) = self.flags.get_mut(i) {
            *flag = true;
        }
        self.from = self.from.min(i);
    }

    fn remove(&mut self, i: usize) {
        if let Some(flag) = self.flags.get_mut(i) {
            *flag = false;
        }
    }

    /// The smallest position in the set.
    fn first(&mut self) -> Option<usize> {
        let skip = self
            .flags
            .get(self.from..)
            .unwrap_or_default()
            .iter()
            .position(|&flag| flag);
        match skip {
            Some(n) => {
                self.from += n;
                Some(self.from)
            }
            None => {
                self.from = self.flags.len();
                None
            }
        }
    }
}

impl MetaIndex {
    /// The index of the fields `doc` has now.
    pub fn new(doc: &Document) -> MetaIndex {
        let mut index = MetaIndex::default();
        for (i, m) in doc.meta.iter().enumerate() {
            index.note(i, m, 1);
        }
        index
    }

    /// Counts field `m` at position `i` in (`by` 1) or out (`by` -1).
    fn note(&mut self, i: usize, m: &MetaField, by: isize) {
        fn count(map: &mut Map<String, usize>, key: &str, by: isize) {
            let n = map.entry(key.to_owned()).or_default();
            *n = n.saturating_add_signed(by);
        }
        let values = self.fields.entry(m.label.clone()).or_default();
        count(values, &m.value, by);
        if m.key == MetaKey::DocNo {
            count(&mut self.doc_nos, &compact(&m.value), by);
            if by < 0 {
                self.empty_doc_nos.remove(i);
            } else if m.value.is_empty() {
                self.empty_doc_nos.insert(i);
            }
        }
    }

    fn has(&self, label: &str, value: &str) -> bool {
        self.fields
            .get(label)
            .and_then(|values| values.get(value))
            .is_some_and(|&n| n > 0)
    }

    /// Whether a 文号 field has the value `text` (whitespace aside).
    pub(super) fn has_doc_no(&self, text: &str) -> bool {
        self.doc_nos.get(&compact(text)).is_some_and(|&n| n > 0)
    }

    /// The position of the first 文号 field still empty.
    pub(super) fn first_empty_doc_no(&mut self) -> Option<usize> {
        self.empty_doc_nos.first()
    }

    /// Appends a field to `doc.meta`.
    pub(super) fn push(&mut self, doc: &mut Document, f: MetaField) {
        self.note(doc.meta.len(), &f, 1);
        doc.meta.push(f);
    }

    /// Sets the value of field `i`.
    pub(super) fn set_value(&mut self, doc: &mut Document, i: usize, value: &str) {
        let Some(m) = doc.meta.get(i) else {
            return;
        };
        let mut changed = m.clone();
        self.note(i, m, -1);
        changed.value = value.to_owned();
        self.note(i, &changed, 1);
        if let Some(slot) = doc.meta.get_mut(i) {
            *slot = changed;
        }
    }

    /// Adds a field unless the very same field is there already (a metadata
    /// block printed twice; reported once per `dup_reported`); notes damaged
    /// values.
    pub fn add_field(
        &mut self,
        doc: &mut Document,
        f: MetaField,
        number: u32,
        dup_reported: &mut bool,
    ) {
        if self.has(&f.label, &f.value) {
            if !*dup_reported {
                *dup_reported = true;
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
        self.push(doc, f);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::MetaKey;
    use crate::parse_text;

    /// The set of empty 文号 positions gives its smallest through inserts
    /// below, above and past the cursor and removals.
    #[test]
    fn empty_doc_nos_smallest() {
        let mut set = super::EmptyDocNos::default();
        assert_eq!(set.first(), None);
        set.insert(5);
        set.insert(2);
        assert_eq!(set.first(), Some(2));
        set.remove(2);
        assert_eq!(set.first(), Some(5));
        set.insert(3);
        assert_eq!(set.first(), Some(3));
        set.remove(3);
        set.remove(5);
        assert_eq!(set.first(), None);
        set.insert(9);
        assert_eq!(set.first(), Some(9));
        set.insert(1);
        assert_eq!(set.first(), Some(1));
    }

    /// The index answers as a scan of `doc.meta` would, through every change.
    #[test]
    fn index_follows_every_change() {
        let doc = parse_text(
            "关于印发某某办法的通知\n文号: 发文字号:\n某政发〔2019〕29号\n某政发〔2019〕 29号\n\
             某政发〔2019〕30号\n某政发〔2019〕31号\n各县人民政府:\n\
             一、总则\n来源: 办公室\n来源: 办公室\n来源: 政府网",
        );
        let fields: Vec<(MetaKey, &str, &str)> = doc
            .meta
            .iter()
            .map(|m| (m.key, m.label.as_str(), m.value.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                (MetaKey::DocNo, "文号", "某政发〔2019〕29号"),
                (MetaKey::DocNo, "发文字号", "某政发〔2019〕30号"),
                (MetaKey::DocNo, "文号", "某政发〔2019〕31号"),
                (MetaKey::Source, "来源", "办公室"),
                (MetaKey::Source, "来源", "政府网"),
            ]
        );
        let dups = doc
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::DiagnosticCode::DuplicateMeta)
            .count();
        assert_eq!(dups, 1);
    }
}
