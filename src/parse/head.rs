//! The head of the page: metadata block, title and document number, in
//! whatever order the page prints them, up to the first line of the body.
//!
//! The title may come before or after the metadata, be wrapped over lines, be
//! repeated (a 名称 field, then the heading line, then again above the body),
//! or be missing. The metadata may come as `label: value` lines, spaced
//! labels without colons, table rows, bullets with the value on a later line,
//! or twice over (kept once).

mod fields;

use std::borrow::Cow;

use super::blocks::{doc_no, has_title_tail, title_like};
use super::chars::{self, TrimSpace};
use super::lines::{cell_words, char_count_upto, compact, Line, Trace};
use super::meta::{self, MetaLine, Unknown};
use super::numbering::parse_marker;
use crate::error::{Diagnostic, DiagnosticCode};
use crate::model::{Crumb, Document, MetaField, MetaKey};

pub use fields::{add_actions, add_field, MetaIndex};

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
