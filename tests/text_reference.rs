//! The reference document (00-linhai-shangpan-full.txt), fact by fact.

mod common;

use yilan::model::{Action, Block, List, MetaKey, Section};
use yilan::parse_text;

fn reference() -> yilan::Document {
    let (_, input) = common::text_fixtures()
        .into_iter()
        .find(|(slug, _)| slug.starts_with("00-"))
        .expect("the reference fixture");
    parse_text(&input)
}

fn sections(blocks: &[Block]) -> Vec<&Section> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(s),
            _ => None,
        })
        .collect()
}

#[test]
fn title_breadcrumb_and_actions() {
    let doc = reference();
    assert_eq!(
        doc.title.as_deref(),
        Some("上盘镇2023年工作总结及2024年工作计划")
    );
    let crumbs: Vec<&str> = doc.breadcrumb.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        crumbs,
        [
            "首页",
            "政务公开",
            "信息公开目录",
            "部门、街道信息公开",
            "镇(街道)信息公开",
            "上盘镇",
            "计划总结"
        ]
    );
    assert!(doc.breadcrumb.iter().all(|c| c.href.is_none()));
    assert_eq!(doc.actions, [Action::Print, Action::Close]);
    assert_eq!(doc.lang, "zh-CN");
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn eight_metadata_fields_in_page_order() {
    let doc = reference();
    let meta: Vec<(MetaKey, &str, &str)> = doc
        .meta
        .iter()
        .map(|m| (m.key, m.label.as_str(), m.value.as_str()))
        .collect();
    assert_eq!(
        meta,
        [
            (MetaKey::IndexNo, "索引号", "LH331082-080/2024-131280"),
            (MetaKey::Disclosure, "公开方式", "主动公开"),
            (MetaKey::DocNo, "文号", ""),
            (MetaKey::Written, "成文日期", "2024-02-01"),
            (MetaKey::Publisher, "发布单位", "上盘镇"),
            (MetaKey::Published, "日期", "2024-02-01 14:52"),
            (MetaKey::Source, "来源", "上盘镇"),
            (MetaKey::Views, "浏览次数", ""),
        ]
    );
}

#[test]
fn two_level_one_sections_with_their_subsections() {
    let doc = reference();
    let top = sections(&doc.body);
    assert_eq!(doc.body.len(), 2, "only the two sections at the top");
    assert_eq!(top.len(), 2);
    assert_eq!(
        (
            top[0].level,
            top[0].marker.as_str(),
            top[0].heading.as_str()
        ),
        (1, "一、", "2023年工作总结")
    );
    assert_eq!(
        (
            top[1].level,
            top[1].marker.as_str(),
            top[1].heading.as_str()
        ),
        (1, "二、", "2024年工作计划")
    );
    for (section, expected) in top.iter().zip([5, 4]) {
        assert!(
            matches!(&section.blocks[0], Block::Paragraph(p) if p.text.len() > 100),
            "a lead paragraph first"
        );
        let subs = sections(&section.blocks);
        assert_eq!(subs.len(), expected);
        assert_eq!(
            section.blocks.len(),
            expected + 1,
            "lead + subsections only"
        );
        for (n, sub) in subs.iter().enumerate() {
            let numeral = ["一", "二", "三", "四", "五"][n];
            assert_eq!(sub.level, 2);
            assert_eq!(sub.marker, format!("({numeral})"));
            assert!(sub.run_in, "{} runs in", sub.heading);
            assert!(sub.heading.ends_with('。'), "{}", sub.heading);
            assert!(sub.heading.chars().count() <= 15, "{}", sub.heading);
        }
    }
    assert_eq!(sections(&top[0].blocks)[0].heading, "重点项目加速推进。");
    assert_eq!(
        sections(&top[1].blocks)[3].heading,
        "创新“两智融合”治理方式。"
    );
}

#[test]
fn every_plan_subsection_has_a_lead_and_a_three_item_enumeration() {
    let doc = reference();
    let plan = sections(&doc.body)[1];
    for sub in sections(&plan.blocks) {
        assert_eq!(sub.blocks.len(), 2, "{}: lead + list", sub.heading);
        let Block::Paragraph(lead) = &sub.blocks[0] else {
            panic!("{}: lead paragraph first", sub.heading);
        };
        assert!(lead.text.ends_with('。') && !lead.text.contains("一是"));
        let Block::List(List { ordered, items }) = &sub.blocks[1] else {
            panic!("{}: then the list", sub.heading);
        };
        assert!(ordered);
        let markers: Vec<&str> = items.iter().map(|i| i.marker.as_str()).collect();
        assert_eq!(markers, ["一是", "二是", "三是"]);
        for item in items {
            let lead = item
                .lead
                .as_deref()
                .expect("each item keeps its lead sentence");
            assert!(lead.ends_with('。') && lead.chars().count() <= 15, "{lead}");
            assert!(!item.text.is_empty());
        }
    }
    let first = sections(&sections(&doc.body)[1].blocks)[0];
    let Block::List(list) = &first.blocks[1] else {
        unreachable!()
    };
    assert_eq!(list.items[0].lead.as_deref(), Some("筑牢工业发展硬支撑。"));
    assert!(list.items[0].text.starts_with("紧扣临港工业产业特点"));
}
