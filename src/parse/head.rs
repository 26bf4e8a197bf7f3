//! The head of the page: metadata block, title and document number, in
//! whatever order the page prints them, up to the first line of the body.
//!
//! The title may come before or after the metadata, be wrapped over lines, be
//! repeated (a 名称 field, then the heading line, then again above the body),
//! or be missing. The metadata may come as `label: value` lines, spaced
//! labels without colons, table rows, bullets with the value on a later line,
//! or twice over (kept once).

use std::borrow::Cow;

use super::blocks::{doc_no, has_title_tail, title_like};
use super::chars::{self, TrimSpace};
use super::lines::{cell_words, char_count_upto, compact, Line, Trace};
use super::meta::{self, MetaLine, Unknown};
use super::numbering::parse_marker;
use crate::error::{Diagnostic, DiagnosticCode};
use crate::hash::Map;
use crate::model::{Crumb, Document, MetaField, MetaKey};

/// How far below a title-like line the title the page names elsewhere is
/// looked for (site banners and toolbars sit a few lines above it).
const HINT_LOOKAHEAD: usize = 12;

/// Reads the head of the page into `doc` (title, meta) and returns the index
/// of the first body line.
///
/// `title_hint` is the title the page names elsewhere (an HTML page's
/// `<title>`, the site's name cut off). A title-like line above a line that
/// is that title (or its first part, when it is wrapped) is the site's
/// banner or toolbar (欢迎访问某某市人民政府门户网站, 关怀版 无障碍), not
/// the title: it is noted as chrome.
pub fn read(
    lines: &[Line],
    doc: &mut Document,
    trace: &mut Trace,
    title_hint: Option<&str>,
) -> usize {
    // A short `<title>` is more likely a column's name (通知公告) than a
    // document's title, and could match a line that is not the title.
    let hint = title_hint.map(compact).filter(|h| h.chars().count() >= 8);
    let mut head = Head {
        index: MetaIndex::new(doc),
        doc,
        trace,
        dup_reported: false,
    };
    let mut i = 0;
    let mut last_meta = false;
    while let Some(line) = lines.get(i) {
        if let Some(cells) = &line.hints.cells {
            // A row of labels above rows of as many cells that are no
            // labels is a table's header (日期 | 带班领导 | 值班人员 above
            // 6月1日 | 张三 | 李四), not metadata.
            let header = lines
                .get(i + 1)
                .and_then(|next| next.hints.cells.as_ref())
                .is_some_and(|next| {
                    next.len() == cells.len()
                        && next.first().is_some_and(|c| !meta::is_label(&c.text))
                });
            if header {
                break;
            }
            let words: Vec<Cow<str>> = cells.iter().map(cell_words).collect();
            let texts: Vec<&str> = words.iter().map(|w| &**w).collect();
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
        if let Some((cells, used)) = label_column(lines, i) {
            if let Some(ml) = meta::parse_cells(&cells) {
                head.add(ml, line.number);
                last_meta = true;
                i += used;
                continue;
            }
        }
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
            None if hint.as_deref().is_some_and(|h| banner_above(lines, i, h))
                || name_above(lines, i, &head.doc.breadcrumb) =>
            {
                head.trace.chrome(line.number, line.text.to_string());
                i += 1;
            }
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

/// Whether line `i` is not the page's title `hint` (whitespace removed) but
/// one of the next lines is: the whole title, or its first part (a wrapped
/// title) of four characters or more.
fn banner_above(lines: &[Line], i: usize, hint: &str) -> bool {
    let is_title = |line: &Line| {
        let text = compact(&line.text);
        text.chars().count() >= 4 && hint.starts_with(text.as_str())
    };
    lines.get(i).is_some_and(|line| !is_title(line))
        && lines
            .iter()
            .skip(i + 1)
            .take(HINT_LOOKAHEAD)
            .any(|line| title_like(line) && is_title(line))
}

/// Longest column name (通知公告, 部门文件), in chars.
const COLUMN_MAX_CHARS: usize = 12;

/// Columns' names a portal prints above a document's title as its heading,
/// with no breadcrumb to say so (whitespace removed). Only names of two
/// words or more: a title may be a bare 通知 or 公告.
const COLUMN_NAMES: &[&str] = &[
    "通知公告",
    "通知通告",
    "公示公告",
    "公告公示",
    "公告通告",
    "政策文件",
    "政府文件",
    "部门文件",
    "文件通知",
    "规范性文件",
    "其他文件",
    "政策解读",
    "文件解读",
    "工作动态",
    "政务动态",
    "部门动态",
    "乡镇动态",
    "新闻动态",
    "政务要闻",
    "本地要闻",
    "信息公开",
    "政府信息公开",
    "政务公开",
    "计划总结",
    "规划计划",
    "人事信息",
    "财政信息",
    "统计信息",
    "政府公报",
];

/// Endings of a website's name (某某县人民政府门户网站, 中国政府网): a
/// document's title never ends so.
const SITE_ENDINGS: &[&str] = &["网站", "门户", "政府网"];

/// Whether line `i` names the site or the column rather than the document,
/// with the title right below it: a website's name (the logo's `<h1>`,
/// 某某县人民政府门户网站) or a label of the breadcrumb (the column,
/// 通知公告, printed above the title as its heading) or a column's usual
/// name, one such line or a few in a row. A breadcrumb whose last label is the title itself has no
/// second title-like line below it.
fn name_above(lines: &[Line], i: usize, crumbs: &[Crumb]) -> bool {
    let names = |line: &Line| {
        let text = compact(&line.text);
        // (A column's name is short: a long label of the breadcrumb that
        // a line repeats is the title itself.)
        SITE_ENDINGS.iter().any(|e| text.ends_with(e))
            || COLUMN_NAMES.contains(&text.as_str())
            || (char_count_upto(&text, COLUMN_MAX_CHARS) <= COLUMN_MAX_CHARS
                && crumbs.iter().any(|c| compact(&c.label) == text))
    };
    // The names may come one after the other (the site's, then the
    // column's): the first line that is neither is the title.
    lines.get(i).is_some_and(names)
        && lines
            .iter()
            .skip(i + 1)
            .take(3)
            .find(|next| !(title_like(next) && names(next)))
            .is_some_and(title_like)
}

/// A line whose first label is not in the table belongs to the metadata
/// block only as a short card line right below it ("地点: 演播厅 主持:王晓菁"):
/// every value filled in, no sentence.
fn known_or_card(line: &Line, ml: &MetaLine) -> bool {
    let first_known = ml.fields.first().is_none_or(|f| f.key != MetaKey::Other);
    first_known
        || (char_count_upto(&line.text, 60) <= 60
            && !chars::has_char(&line.text, '。')
            && ml.fields.iter().all(|f| !f.value.is_empty()))
}

/// In the bullet layout (• 索引号: / blank / value), the value is the next
/// line when it is indented deeper than the label and is not a label itself,
/// nor a sentence: under an empty 文号 the body's first paragraph, indented
/// by its full-width spaces, is no value.
fn value_below(label: &Line, ml: &MetaLine, next: &Line) -> bool {
    let lone_empty = ml.colons
        && ml.chrome.is_empty()
        && ml.fields.len() == 1
        && ml.fields.iter().all(|f| f.value.is_empty());
    lone_empty
        && next.indent > label.indent
        && next.hints.cells.is_none()
        && char_count_upto(&next.text, 100) <= 100
        && !chars::contains_any(&next.text, &['。', '，', '；', '！', '？'])
        && !next.text.starts_with(meta::is_bullet)
        && meta::parse_line(&next.text, Unknown::Reject).is_none()
        && parse_marker(&next.text, false).is_none()
}

/// Metadata written one cell to a line (索引号 / 1137… / 公开方式 / 主动公开),
/// as a page laid out in boxes gives its text: a run of lines, each a known
/// label followed by its value, or by the next label when it is empty. The
/// run counts only with two values at least, and a value only when it fits
/// its field ([`fits`]): a title below a lone 文号 stays the title. The
/// cells, as a table row, and the lines they take.
fn label_column<'a>(lines: &'a [Line], i: usize) -> Option<(Vec<&'a str>, usize)> {
    let mut cells = Vec::new();
    let mut values = 0;
    let mut j = i;
    while let Some(line) = lines.get(j).filter(|l| l.hints.cells.is_none()) {
        let text = line.text.trim_space();
        let Some(meta::LabelKind::Meta(key)) = meta::lookup_short(text) else {
            break;
        };
        cells.push(text);
        j += 1;
        let value = lines
            .get(j)
            .filter(|v| v.hints.cells.is_none() && fits(key, v.text.trim_space()));
        if let Some(value) = value {
            cells.push(value.text.trim_space());
            values += 1;
            j += 1;
        }
    }
    (values >= 2).then_some((cells, j - i))
}

/// Whether `text`, on the line below a label of `key`, is its value: short,
/// no sentence, no label or numbered heading, and like the field's values
/// (a date or number has digits; a title is no publisher's name).
fn fits(key: MetaKey, text: &str) -> bool {
    let digits = text
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '０'..='９' | '〇' | '○'));
    let n = char_count_upto(text, 60);
    let shaped = match key {
        k if k.is_date() => digits,
        MetaKey::IndexNo | MetaKey::Views => digits,
        MetaKey::DocNo => digits || chars::has_char(text, '号'),
        MetaKey::Title => true,
        _ => !text.starts_with("关于") && (n <= 16 || !has_title_tail(text)),
    };
    shaped
        && (1..60).contains(&n)
        && !chars::contains_any(text, &['。', '；', '！', '？'])
        && !meta::is_label(text)
        && parse_marker(text, false).is_none()
}

struct Head<'a> {
    doc: &'a mut Document,
    trace: &'a mut Trace,
    dup_reported: bool,
    index: MetaIndex,
}

impl Head<'_> {
    /// Adds the fields of one line, each once; widgets go to the trace.
    fn add(&mut self, ml: MetaLine, number: u32) {
        for c in ml.chrome {
            add_actions(self.doc, &c);
            self.trace.chrome(number, c);
        }
        for f in ml.fields {
            self.index
                .add_field(self.doc, f, number, &mut self.dup_reported);
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
        if self.index.has_doc_no(text) {
            return;
        }
        if let Some(empty) = self.index.first_empty_doc_no() {
            self.index.set_value(self.doc, empty, text);
            return;
        }
        self.index.push(
            self.doc,
            MetaField {
                key: MetaKey::DocNo,
                label: "文号".to_owned(),
                value: text.to_owned(),
            },
        );
    }

    /// Takes the title at line `i`, joining wrapped lines; returns the next
    /// line index.
    fn title(&mut self, lines: &[Line], i: usize) -> usize {
        let mut title = lines.get(i).map(|l| l.text.to_string()).unwrap_or_default();
        let field = self
            .doc
            .meta
            .iter()
            .find(|m| m.key == MetaKey::Title)
            .map(|m| compact(&m.value));
        let mut j = i + 1;
        while let Some(next) = lines.get(j) {
            // A title wrapped in the page's HTML is one element, or
            // elements alike: a line of another heading rank or alignment
            // (the site's logo in an `<h1>` above a `<div>` title) is
            // not part of it.
            let alike = lines.get(i).is_some_and(|first| {
                first.hints.heading == next.hints.heading && first.hints.align == next.hints.align
            });
            if next.blank_before
                || !alike
                || !title_like(next)
                || meta::parse_line(&next.text, Unknown::Reject).is_some()
                || j - i >= 3
            {
                break;
            }
            let joined = format!("{title}{}", next.text.trim_space());
            // The 标题 field, or its beginning when the title is wrapped
            // over more lines (gov.cn prints it in three).
            let matches_field = field
                .as_deref()
                .is_some_and(|f| f.starts_with(compact(&joined).as_str()));
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
    fn has_doc_no(&self, text: &str) -> bool {
        self.doc_nos.get(&compact(text)).is_some_and(|&n| n > 0)
    }

    /// The position of the first 文号 field still empty.
    fn first_empty_doc_no(&mut self) -> Option<usize> {
        self.empty_doc_nos.first()
    }

    /// Appends a field to `doc.meta`.
    fn push(&mut self, doc: &mut Document, f: MetaField) {
        self.note(doc.meta.len(), &f, 1);
        doc.meta.push(f);
    }

    /// Sets the value of field `i`.
    fn set_value(&mut self, doc: &mut Document, i: usize, value: &str) {
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
