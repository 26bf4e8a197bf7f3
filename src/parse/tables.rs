//! Tables in page text: the header rows of `|` rows, and the line that
//! names the table below it (表1 某某情况, 2024年重点项目进度表).

use super::chars::{self, TrimSpace};
use super::lines::char_count_upto;
use crate::model::{TableCell, TableRow};

/// Words that open a table's header row.
const HEADER_WORDS: &[&str] = &[
    "序号", "编号", "项目", "名称", "类别", "事项", "指标", "单位", "年份", "内容", "科目",
];

/// Table rows from page text, with the header rows marked where evident: a
/// first row that opens with a header word, or whose cells are all short
/// labels, and the rows after it until the first row numbered 1 (at most 3).
pub fn table_rows(rows: Vec<Vec<TableCell>>) -> Vec<TableRow> {
    let numeric = |row: &Vec<TableCell>| {
        row.first()
            .is_some_and(|c| !c.text.is_empty() && c.text.chars().all(|ch| ch.is_ascii_digit()))
    };
    let labels = |row: &Vec<TableCell>| {
        row.iter().all(|c| {
            char_count_upto(&c.text, 12) <= 12 && !c.text.chars().any(|ch| ch.is_ascii_digit())
        })
    };
    let any_header = rows.iter().any(|r| r.iter().any(|c| c.header));
    let mut header_rows = 0;
    if let (false, [first, second, ..]) = (any_header, rows.as_slice()) {
        let opens = first
            .first()
            .is_some_and(|c| HEADER_WORDS.contains(&c.text.as_str()));
        if opens || (labels(first) && !labels(second)) {
            header_rows = 1;
            while let Some(rest @ [row, ..]) = rows.get(header_rows..) {
                if header_rows >= 3 || numeric(row) || !rest.iter().any(numeric) {
                    break;
                }
                header_rows += 1;
            }
        }
    }
    rows.into_iter()
        .enumerate()
        .map(|(n, cells)| TableRow {
            header: n < header_rows || (!cells.is_empty() && cells.iter().all(|c| c.header)),
            cells,
        })
        .collect()
}

/// Longest table caption, in chars.
const CAPTION_MAX_CHARS: usize = 60;

/// Longest table title without a number, in chars.
const TABLE_TITLE_MAX_CHARS: usize = 40;

/// What the title of a table ends with (2024年重点项目进度表, 低保对象名单).
const TABLE_TITLE_ENDS: &[&str] = &["表", "清单", "名单", "名录", "一览"];

/// Words that end like a table's title and are none (人大代表, 论文发表).
const NOT_TABLE_TITLE_ENDS: &[&str] = &["代表", "发表", "外表", "仪表"];

/// A line that names the table below it: 表1 / 表 2 / 表一 / 附表3 / 续表1,
/// then its title; or a title that says it is a table, a list or a roll
/// (2024年重点项目进度表, 第一批重点项目清单, 低保对象名单); short, no
/// sentence.
pub fn is_table_caption(text: &str) -> bool {
    numbered_table_caption(text) || table_title(text)
}

fn table_title(text: &str) -> bool {
    let t = text.trim_space();
    let n = char_count_upto(t, TABLE_TITLE_MAX_CHARS);
    (4..=TABLE_TITLE_MAX_CHARS).contains(&n)
        && TABLE_TITLE_ENDS.iter().any(|end| t.ends_with(end))
        && !NOT_TABLE_TITLE_ENDS.iter().any(|end| t.ends_with(end))
        && !t
            .chars()
            .any(|c| matches!(c, '。' | '，' | '；' | '！' | '？' | ',' | ';' | '!' | '?'))
}

fn numbered_table_caption(text: &str) -> bool {
    let t = text.trim_space();
    let t = ["附表", "续表", "表"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map(|rest| rest.trim_start_matches([' ', '\u{3000}']));
    let Some(rest) = t else { return false };
    let numbered = rest.starts_with(|c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    });
    numbered
        && char_count_upto(text, CAPTION_MAX_CHARS) <= CAPTION_MAX_CHARS
        && !chars::has_char(text, '。')
}
