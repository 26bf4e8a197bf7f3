//! Documents built by hand for the speech tests, independent of the parsers.

#![allow(dead_code)]

use std::collections::HashSet;

use yilan::ids;
use yilan::model::{
    Action, Block, Crumb, Document, List, ListItem, MetaField, MetaKey, Paragraph, Section,
};

const REFERENCE: &str = include_str!("../fixtures/text/00-linhai-shangpan-full.txt");

fn meta(key: MetaKey, label: &str, value: &str) -> MetaField {
    MetaField {
        key,
        label: label.to_owned(),
        value: value.to_owned(),
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph(Paragraph::plain(text))
}

/// Splits "（一）heading。rest" into the marker, the heading with its 。 and the rest.
fn run_in(line: &str) -> (String, String, String) {
    let close = line.find(')').expect("a run-in marker") + 1;
    let (marker, rest) = line.split_at(close);
    let stop = rest.find('。').expect("a run-in heading") + '。'.len_utf8();
    let (heading, rest) = rest.split_at(stop);
    (marker.to_owned(), heading.to_owned(), rest.to_owned())
}

/// The blocks of a run-in section's rest: text before 一是, then a list of
/// 一是/二是/三是 items, each with its lead sentence.
fn rest_blocks(rest: &str) -> Vec<Block> {
    let Some(first) = rest.find("一是") else {
        return vec![para(rest)];
    };
    let mut blocks = Vec::new();
    if first > 0 {
        blocks.push(para(&rest[..first]));
    }
    let mut items = Vec::new();
    let mut tail = &rest[first..];
    for next in ["二是", "三是", ""] {
        let end = if next.is_empty() {
            tail.len()
        } else {
            tail.find(next).expect("the next item")
        };
        let item = &tail["一是".len()..end];
        let marker = &tail[.."一是".len()];
        let stop = item.find('。').expect("a lead") + '。'.len_utf8();
        items.push(ListItem {
            marker: marker.to_owned(),
            lead: Some(item[..stop].to_owned()),
            text: item[stop..].to_owned(),
            inlines: Vec::new(),
        });
        tail = &tail[end..];
    }
    blocks.push(Block::List(List {
        ordered: true,
        items,
    }));
    blocks
}

/// The reference page (上盘镇2023年工作总结及2024年工作计划) as the model
/// should hold it: metadata in page order, two level-1 sections 一、 and
/// 二、, level-2 run-in sections (一)…, and 一是/二是/三是 lists with leads.
pub fn reference() -> Document {
    let body_lines: Vec<&str> = REFERENCE
        .lines()
        .map(str::trim)
        .skip_while(|l| *l != "一、2023年工作总结")
        .filter(|l| !l.is_empty() && !l.starts_with("打印"))
        .collect();
    let mut body: Vec<Block> = Vec::new();
    for line in body_lines {
        if let Some(heading) = line
            .strip_prefix("一、")
            .or_else(|| line.strip_prefix("二、"))
        {
            body.push(Block::Section(Section {
                level: 1,
                marker: line[..line.len() - heading.len()].to_owned(),
                heading: heading.to_owned(),
                run_in: false,
                blocks: Vec::new(),
            }));
            continue;
        }
        let Some(Block::Section(top)) = body.last_mut() else {
            panic!("text before the first section: {line}");
        };
        if line.starts_with('(') {
            let (marker, heading, rest) = run_in(line);
            top.blocks.push(Block::Section(Section {
                level: 2,
                marker,
                heading,
                run_in: true,
                blocks: rest_blocks(&rest),
            }));
        } else {
            top.blocks.push(para(line));
        }
    }
    Document {
        title: Some("上盘镇2023年工作总结及2024年工作计划".into()),
        breadcrumb: [
            "首页",
            "政务公开",
            "信息公开目录",
            "部门、街道信息公开",
            "镇(街道)信息公开",
            "上盘镇",
            "计划总结",
        ]
        .iter()
        .map(|l| Crumb {
            label: (*l).to_owned(),
            href: None,
        })
        .collect(),
        meta: vec![
            meta(MetaKey::IndexNo, "索引号", "LH331082-080/2024-131280"),
            meta(MetaKey::Disclosure, "公开方式", "主动公开"),
            meta(MetaKey::DocNo, "文号", ""),
            meta(MetaKey::Written, "成文日期", "2024-02-01"),
            meta(MetaKey::Publisher, "发布单位", "上盘镇"),
            meta(MetaKey::Published, "日期", "2024-02-01 14:52"),
            meta(MetaKey::Source, "来源", "上盘镇"),
            meta(MetaKey::Views, "浏览次数", ""),
        ],
        body,
        actions: vec![Action::Print, Action::Close],
        ..Document::default()
    }
}

/// Every id the view of `doc` carries: title, breadcrumb, metadata, blocks,
/// list and attachment items, table cells.
pub fn element_ids(doc: &Document) -> HashSet<String> {
    let mut set: HashSet<String> = [ids::TITLE, ids::META, ids::BREADCRUMB]
        .iter()
        .map(|s| s.to_string())
        .collect();
    set.extend((0..doc.meta.len()).map(ids::meta_id));
    ids::walk(doc, |path, block| {
        let id = ids::block_id(path, block);
        match block {
            Block::List(l) => set.extend((0..l.items.len()).map(|i| ids::item_id(&id, i))),
            Block::Attachments(a) => set.extend((0..a.items.len()).map(|i| ids::item_id(&id, i))),
            Block::Table(t) => {
                for (r, row) in t.rows.iter().enumerate() {
                    set.extend((0..row.cells.len()).map(|c| ids::cell_id(&id, r, c)));
                }
            }
            _ => {}
        }
        set.insert(id);
    });
    set
}

/// The characters a listener must hear: letters and digits of any script.
pub fn speakable(text: &str) -> String {
    without_markup(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// `text` without the HTML tags that the listening rule `markup` reads as
/// nothing (`<p style=…>`, `</strong>`, `<A>`): `<`, an optional `/`, an
/// ASCII letter, then up to 300 characters other than `<`, `>` and a line
/// break, then `>`. A piece that is only such a tag yields no chunk, so it
/// is not speakable text that could be dropped.
pub fn without_markup(text: &str) -> String {
    const MAX_TAG: usize = 300;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '<' {
            let name = i + 1 + usize::from(chars.get(i + 1) == Some(&'/'));
            if chars.get(name).is_some_and(|c| c.is_ascii_alphabetic()) {
                let mut end = name;
                while end < name + MAX_TAG
                    && chars
                        .get(end)
                        .is_some_and(|c| !matches!(c, '<' | '>' | '\n'))
                {
                    end += 1;
                }
                if chars.get(end) == Some(&'>') {
                    i = end + 1;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The default speech plan of `doc`.
pub fn plan(doc: &Document) -> Vec<yilan::speech::Chunk> {
    yilan::speech::speech_plan(doc, &yilan::speech::SpeechOptions::default())
}

/// The spoken texts of `chunks`.
pub fn texts(chunks: &[yilan::speech::Chunk]) -> Vec<&str> {
    chunks.iter().map(|c| c.text.as_str()).collect()
}
