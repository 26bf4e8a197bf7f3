//! Documents for the model-JSON and schema tests: a hand-built one with every
//! block type, enum value and optional field, a minimal one, and a proptest
//! strategy for valid documents.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

use proptest::collection::vec;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use yilan::error::{Diagnostic, DiagnosticCode};
use yilan::model::{
    Action, Attachment, Attachments, Block, Contents, ContentsEntry, Crumb, Document, Image,
    Inline, List, ListItem, MetaField, MetaKey, Paragraph, Section, Signature, Table, TableCell,
    TableRow, TextBlock, MAX_LEVEL,
};

/// The names serde lists for a bad value of `T`: every variant of an enum
/// (from `input` such as `"?"`), or every field of a struct that denies
/// unknown fields (from `{"?": 0}`).
pub fn serde_names<T: DeserializeOwned + std::fmt::Debug>(input: &str) -> Vec<String> {
    let message = serde_json::from_str::<T>(input).unwrap_err().to_string();
    let listed = message
        .split_once(", expected ")
        .unwrap_or_else(|| panic!("no list in {message:?}"))
        .1;
    // `a`, `b` or `c`: the names are the quoted parts.
    listed
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Every variant of a unit enum, through its serde names.
pub fn all_variants<T: DeserializeOwned + std::fmt::Debug>() -> Vec<T> {
    serde_names::<T>(r#""?""#)
        .iter()
        .map(|name| serde_json::from_value(serde_json::Value::String(name.clone())).unwrap())
        .collect()
}

fn inline(text: &str, href: Option<&str>, strong: bool, em: bool) -> Inline {
    Inline {
        text: text.into(),
        href: href.map(Into::into),
        strong,
        em,
    }
}

/// Every block type, enum value and optional field, each optional field
/// both present and absent somewhere.
pub fn full() -> Document {
    let section = |level: u8, marker: &str, heading: &str, run_in, blocks| {
        Block::Section(Section {
            level,
            marker: marker.into(),
            heading: heading.into(),
            run_in,
            blocks,
        })
    };
    let body = vec![
        Block::Addressee(TextBlock {
            text: "各乡镇人民政府，县政府各部门：".into(),
        }),
        Block::Contents(Contents {
            label: Some("目录".into()),
            entries: vec![
                ContentsEntry {
                    level: 1,
                    marker: "第一章".into(),
                    text: "总则".into(),
                    page: Some("1".into()),
                },
                ContentsEntry {
                    level: 2,
                    marker: String::new(),
                    text: "适用范围".into(),
                    page: None,
                },
            ],
        }),
        section(
            1,
            "一、",
            "2023年工作总结",
            false,
            vec![
                Block::Paragraph(Paragraph {
                    text: "详见《通知》全文。".into(),
                    inlines: vec![
                        inline("详见", None, false, false),
                        inline("《通知》", Some("https://www.gov.cn/a.html"), true, true),
                        inline("全文。", None, false, true),
                    ],
                }),
                section(
                    2,
                    "（一）",
                    "重点项目加速推进。",
                    true,
                    vec![
                        Block::Paragraph(Paragraph::plain("台州新材料产业园……")),
                        section(
                            3,
                            "1.",
                            "项目",
                            false,
                            vec![section(
                                4,
                                "（1）",
                                "用地",
                                false,
                                vec![Block::Paragraph(Paragraph::plain("已完成征地。"))],
                            )],
                        ),
                    ],
                ),
            ],
        ),
        Block::List(List {
            ordered: true,
            items: vec![
                ListItem {
                    marker: "一是".into(),
                    lead: Some("筑牢工业发展硬支撑。".into()),
                    text: "全年完成工业投资……".into(),
                    inlines: vec![inline("全年完成工业投资……", None, true, true)],
                },
                ListItem {
                    marker: String::new(),
                    lead: None,
                    text: "其他".into(),
                    inlines: vec![],
                },
            ],
        }),
        Block::Table(Table {
            caption: Some("表1 项目清单".into()),
            rows: vec![
                TableRow {
                    header: true,
                    cells: vec![
                        TableCell {
                            text: "项目名称".into(),
                            header: true,
                            colspan: 2,
                            rowspan: 3,
                            inlines: vec![inline("项目名称", Some("#n"), false, false)],
                            images: vec![
                                Image {
                                    src: "/img/site.jpg".into(),
                                    alt: "项目现场".into(),
                                },
                                Image {
                                    src: "/img/rule.png".into(),
                                    alt: String::new(),
                                },
                            ],
                        },
                        TableCell::plain("金额"),
                    ],
                },
                TableRow {
                    header: false,
                    cells: vec![TableCell::plain("道路")],
                },
            ],
        }),
        Block::Attachments(Attachments {
            label: "附件".into(),
            items: vec![
                Attachment {
                    marker: "1.".into(),
                    name: "项目清单.pdf".into(),
                    href: Some("/files/a.pdf".into()),
                    file_type: Some("pdf".into()),
                },
                Attachment {
                    marker: String::new(),
                    name: "说明".into(),
                    href: None,
                    file_type: None,
                },
            ],
        }),
        Block::Image(Image {
            src: "/img/map.png".into(),
            alt: "项目位置图".into(),
        }),
        Block::Signature(Signature {
            organisations: vec!["上盘镇人民政府".into(), "上盘镇党委".into()],
            date: Some("2024年2月1日".into()),
        }),
        Block::Note(TextBlock {
            text: "（此件公开发布）".into(),
        }),
    ];
    let meta = all_variants::<MetaKey>()
        .into_iter()
        .enumerate()
        .map(|(n, key)| MetaField {
            key,
            label: format!("标签{n}"),
            value: if n == 1 {
                String::new()
            } else {
                format!("值{n}")
            },
        })
        .collect();
    let diagnostics = all_variants::<DiagnosticCode>()
        .into_iter()
        .enumerate()
        .map(|(n, code)| {
            Diagnostic::new(
                code,
                format!("第{n}条"),
                (n % 2 == 0).then_some(n as u32 + 1),
            )
        })
        .collect();
    Document {
        version: 1,
        lang: "zh-TW".into(),
        title: Some("上盘镇2023年工作总结及2024年工作计划".into()),
        breadcrumb: vec![
            Crumb {
                label: "首页".into(),
                href: Some("/index.html".into()),
            },
            Crumb {
                label: "计划总结".into(),
                href: None,
            },
        ],
        meta,
        body,
        actions: all_variants::<Action>(),
        diagnostics,
    }
}

/// Every block type with every optional field absent.
pub fn minimal() -> Document {
    Document {
        body: vec![
            Block::Section(Section {
                level: 1,
                marker: String::new(),
                heading: String::new(),
                run_in: false,
                blocks: vec![],
            }),
            Block::Paragraph(Paragraph::plain("")),
            Block::List(List {
                ordered: false,
                items: vec![],
            }),
            Block::Table(Table {
                caption: None,
                rows: vec![],
            }),
            Block::Attachments(Attachments {
                label: String::new(),
                items: vec![],
            }),
            Block::Signature(Signature {
                organisations: vec![],
                date: None,
            }),
            Block::Addressee(TextBlock {
                text: String::new(),
            }),
            Block::Note(TextBlock {
                text: String::new(),
            }),
            Block::Contents(Contents {
                label: None,
                entries: vec![],
            }),
            Block::Image(Image {
                src: String::new(),
                alt: String::new(),
            }),
        ],
        ..Document::default()
    }
}

// ---- proptest strategies for valid documents ----

/// Short text: mostly Chinese document characters, sometimes anything.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[一二三四五六七八九十年月日（）()、。，：；“”《》0-9a-zA-Z \u{3000}]{0,12}",
        1 => any::<String>(),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

/// A text and, half the time, inlines that split it.
fn text_with_inlines() -> impl Strategy<Value = (String, Vec<Inline>)> {
    prop_oneof![
        text().prop_map(|t| (t, Vec::new())),
        vec(
            (text(), opt_text(), any::<bool>(), any::<bool>()).prop_map(
                |(text, href, strong, em)| {
                    Inline {
                        text,
                        href,
                        strong,
                        em,
                    }
                }
            ),
            1..4
        )
        .prop_map(|inlines| (inlines.iter().map(|i| i.text.as_str()).collect(), inlines)),
    ]
}

fn one_of<T: Clone + std::fmt::Debug + 'static>(values: Vec<T>) -> impl Strategy<Value = T> {
    proptest::sample::select(values)
}

fn leaf_block() -> impl Strategy<Value = Block> {
    let paragraph = text_with_inlines()
        .prop_map(|(text, inlines)| Block::Paragraph(Paragraph { text, inlines }));
    let item =
        (text(), opt_text(), text_with_inlines()).prop_map(|(marker, lead, (text, inlines))| {
            ListItem {
                marker,
                lead,
                text,
                inlines,
            }
        });
    let list = (any::<bool>(), vec(item, 0..4))
        .prop_map(|(ordered, items)| Block::List(List { ordered, items }));
    let cell_image = (text(), text()).prop_map(|(src, alt)| Image { src, alt });
    let cell = (
        text_with_inlines(),
        any::<bool>(),
        prop_oneof![Just(1u32), 1u32..=1000],
        prop_oneof![Just(1u32), 1u32..=65534],
        vec(cell_image, 0..3),
    )
        .prop_map(
            |((text, inlines), header, colspan, rowspan, images)| TableCell {
                text,
                header,
                colspan,
                rowspan,
                inlines,
                images,
            },
        );
    let row =
        (any::<bool>(), vec(cell, 0..4)).prop_map(|(header, cells)| TableRow { header, cells });
    let table = (opt_text(), vec(row, 0..4))
        .prop_map(|(caption, rows)| Block::Table(Table { caption, rows }));
    let attachment =
        (text(), text(), opt_text(), opt_text()).prop_map(|(marker, name, href, file_type)| {
            Attachment {
                marker,
                name,
                href,
                file_type,
            }
        });
    let attachments = (text(), vec(attachment, 0..3))
        .prop_map(|(label, items)| Block::Attachments(Attachments { label, items }));
    let signature = (vec(text(), 0..3), opt_text()).prop_map(|(organisations, date)| {
        Block::Signature(Signature {
            organisations,
            date,
        })
    });
    let entry = (1u8..=255, text(), text(), opt_text()).prop_map(|(level, marker, text, page)| {
        ContentsEntry {
            level,
            marker,
            text,
            page,
        }
    });
    let contents = (opt_text(), vec(entry, 0..3))
        .prop_map(|(label, entries)| Block::Contents(Contents { label, entries }));
    let image = (text(), text()).prop_map(|(src, alt)| Block::Image(Image { src, alt }));
    prop_oneof![
        3 => paragraph,
        1 => list,
        1 => table,
        1 => attachments,
        1 => signature,
        1 => text().prop_map(|text| Block::Addressee(TextBlock { text })),
        1 => text().prop_map(|text| Block::Note(TextBlock { text })),
        1 => contents,
        1 => image,
    ]
}

/// Blocks with sections nested up to four deep; levels are made valid by
/// [`fix_levels`].
fn blocks() -> impl Strategy<Value = Vec<Block>> {
    let tree = leaf_block().prop_recursive(4, 24, 4, |inner| {
        (
            1..=MAX_LEVEL,
            text(),
            text(),
            any::<bool>(),
            vec(inner, 0..4),
        )
            .prop_map(|(level, marker, heading, run_in, blocks)| {
                Block::Section(Section {
                    level,
                    marker,
                    heading,
                    run_in,
                    blocks,
                })
            })
    });
    vec(tree, 0..5).prop_map(|blocks| fix_levels(blocks, 0))
}

/// Makes each section deeper than its parent, turning a section that would
/// pass [`MAX_LEVEL`] into a paragraph of its heading.
fn fix_levels(blocks: Vec<Block>, parent: u8) -> Vec<Block> {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Section(mut section) => {
                let level = section.level.max(parent + 1);
                if level > MAX_LEVEL {
                    return Block::Paragraph(Paragraph::plain(section.heading));
                }
                section.level = level;
                section.blocks = fix_levels(section.blocks, level);
                Block::Section(section)
            }
            other => other,
        })
        .collect()
}

/// Valid documents.
pub fn documents() -> impl Strategy<Value = Document> {
    let crumb = (text(), opt_text()).prop_map(|(label, href)| Crumb { label, href });
    let meta = (one_of(all_variants::<MetaKey>()), text(), text())
        .prop_map(|(key, label, value)| MetaField { key, label, value });
    let diagnostic = (
        one_of(all_variants::<DiagnosticCode>()),
        text(),
        proptest::option::of(1u32..),
    )
        .prop_map(|(code, message, line)| Diagnostic::new(code, message, line));
    (
        one_of(vec!["zh-CN", "zh-TW", "zh-Hant-HK", "en"]),
        opt_text(),
        vec(crumb, 0..4),
        vec(meta, 0..6),
        blocks(),
        vec(one_of(all_variants::<Action>()), 0..4),
        vec(diagnostic, 0..3),
    )
        .prop_map(
            |(lang, title, breadcrumb, meta, body, actions, diagnostics)| Document {
                version: 1,
                lang: lang.to_owned(),
                title,
                breadcrumb,
                meta,
                body,
                actions,
                diagnostics,
            },
        )
}
