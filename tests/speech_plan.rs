//! The speech plan of whole documents: order, targets, options, lookups.

mod speech_support;

use std::fmt::Write as _;
use std::path::Path;

use speech_support::{element_ids, plan, reference, speakable, texts};
use yilan::model::{
    Attachment, Attachments, Block, Contents, ContentsEntry, Document, Image, List, ListItem,
    Paragraph, Section, Signature, Table, TableCell, TableRow, TextBlock,
};
use yilan::speech::{speech_plan, Chunk, ChunkKind, Plan, SpeechOptions};

const BRACKETS: &[char] = &[
    '(', ')', '（', '）', '〔', '〕', '[', ']', '［', '］', '【', '】', '《', '》', '〈', '〉',
    '{', '}',
];

/// One line per chunk, and the written text under it where it differs.
fn listing(chunks: &[Chunk]) -> String {
    let mut out = String::new();
    for c in chunks {
        let kind = serde_json::to_value(c.kind).unwrap();
        let kind = kind.as_str().unwrap();
        writeln!(
            out,
            "{:>3} {:<12} {:<10} {}",
            c.index, c.target, kind, c.text
        )
        .unwrap();
        if c.display != c.text {
            writeln!(out, "    {:<23} ← {}", "", c.display).unwrap();
        }
    }
    out
}

#[test]
fn reference_plan_matches_the_reviewed_listing() {
    let got = listing(&plan(&reference()));
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/speech_expected/00-linhai-shangpan.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(&path).expect("the reviewed listing (UPDATE_EXPECT=1 writes it)");
    assert!(
        got == want,
        "the plan changed; rerun with UPDATE_EXPECT=1 and review the diff\n{got}"
    );
}

#[test]
fn reference_plan_starts_with_title_then_publishing_line_then_first_section() {
    let chunks = plan(&reference());
    let head: Vec<(&str, ChunkKind, &str)> = chunks
        .iter()
        .take(5)
        .map(|c| (c.target.as_str(), c.kind, c.text.as_str()))
        .collect();
    // The publishing line is two chunks, each on its own field, so that
    // the field highlighted is the one being said.
    assert_eq!(
        head,
        [
            ("yl-title", ChunkKind::Title, "上盘镇2023年工作总结及2024年工作计划"),
            ("yl-meta-6", ChunkKind::Meta, "发布日期 2024年2月1日"),
            ("yl-meta-7", ChunkKind::Meta, "来源 上盘镇"),
            ("yl-s1", ChunkKind::Heading, "一、2023年工作总结"),
            ("yl-p1-1", ChunkKind::Paragraph, "今年以来,上盘镇坚持以习近平新时代中国特色社会主义思想为指导,认真贯彻落实中央决策部署,"),
        ]
    );
    let first_run_in = chunks.iter().find(|c| c.target == "yl-s1-2").unwrap();
    assert_eq!(first_run_in.text, "一、重点项目加速推进。");
    let item = chunks.iter().find(|c| c.target == "yl-l2-2-2-1").unwrap();
    assert_eq!(
        (item.kind, item.text.as_str()),
        (ChunkKind::ListItem, "一是筑牢工业发展硬支撑。")
    );
}

#[test]
fn reference_chunks_are_short_numbered_and_never_read_a_bracket() {
    let chunks = plan(&reference());
    assert!(chunks.len() > 100, "{} chunks", chunks.len());
    for (i, c) in chunks.iter().enumerate() {
        assert_eq!(c.index as usize, i);
        let n = c.text.chars().count();
        assert!(n > 0 && n <= 60, "chunk {i} has {n} characters: {}", c.text);
        assert!(
            !c.text.contains(BRACKETS),
            "chunk {i} reads a bracket: {}",
            c.text
        );
        assert!(
            !c.text.contains('%'),
            "chunk {i} reads a percent sign: {}",
            c.text
        );
        assert_eq!(c.text.trim(), c.text, "chunk {i} has outer spaces");
        assert!(!c.display.trim().is_empty(), "chunk {i} shows nothing");
    }
    assert!(
        texts(&chunks).contains(&"1至12月全镇实现规上工业总产值16886.11万元,同比增长百分之18.4;")
    );
}

#[test]
fn every_target_is_an_element_of_the_view() {
    let doc = rich_document();
    let ids = element_ids(&doc);
    let options = SpeechOptions {
        include_meta: true,
        include_breadcrumb: true,
        include_contents: true,
        ..SpeechOptions::default()
    };
    for doc in [reference(), doc] {
        let ids = if doc.title.as_deref() == Some("示例") {
            &ids
        } else {
            &element_ids(&doc)
        };
        for c in speech_plan(&doc, &options) {
            assert!(
                ids.contains(&c.target),
                "chunk {} targets {} which the view lacks",
                c.index,
                c.target
            );
        }
    }
}

#[test]
fn nothing_written_is_lost_between_the_text_and_the_chunks() {
    let doc = reference();
    let chunks = plan(&doc);
    let mut expected = Vec::new();
    yilan::ids::walk(&doc, |path, block| {
        let id = yilan::ids::block_id(path, block);
        match block {
            Block::Paragraph(p) => expected.push((id, p.text.clone())),
            Block::Section(s) => expected.push((id, format!("{}{}", s.marker, s.heading))),
            Block::List(l) => {
                for (i, item) in l.items.iter().enumerate() {
                    let text = format!(
                        "{}{}{}",
                        item.marker,
                        item.lead.as_deref().unwrap_or(""),
                        item.text
                    );
                    expected.push((yilan::ids::item_id(&id, i), text));
                }
            }
            _ => {}
        }
    });
    assert!(expected.len() > 20);
    for (id, text) in expected {
        let shown: String = chunks
            .iter()
            .filter(|c| c.target == id)
            .map(|c| c.display.as_str())
            .collect();
        assert_eq!(speakable(&shown), speakable(&text), "element {id}");
    }
}

#[test]
fn the_plan_is_deterministic() {
    let doc = reference();
    assert_eq!(plan(&doc), plan(&doc));
    assert_eq!(plan(&doc), plan(&doc.clone()));
}

#[test]
fn chunks_serialise_in_camel_case() {
    let chunk = plan(&reference())
        .into_iter()
        .find(|c| c.kind == ChunkKind::ListItem)
        .unwrap();
    let json = serde_json::to_value(&chunk).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["display", "index", "kind", "target", "text"]);
    assert_eq!(json["kind"], "listItem");
    let back: Chunk = serde_json::from_value(json).unwrap();
    assert_eq!(back, chunk);
    let options: SpeechOptions =
        serde_json::from_str(r#"{"maxChars": 30, "from": "yl-s2"}"#).unwrap();
    assert_eq!(
        (
            options.max_chars,
            options.from.as_deref(),
            options.include_title
        ),
        (30, Some("yl-s2"), true)
    );
}

#[test]
fn options_choose_what_is_read() {
    let doc = reference();
    let all = SpeechOptions {
        include_meta: true,
        include_breadcrumb: true,
        ..SpeechOptions::default()
    };
    let chunks = speech_plan(&doc, &all);
    assert_eq!(
        texts(&chunks[..7]),
        [
            "当前位置 首页，政务公开，信息公开目录，部门、街道信息公开，镇街道信息公开，上盘镇，计划总结",
            "上盘镇2023年工作总结及2024年工作计划",
            "发布日期 2024年2月1日",
            "来源 上盘镇",
            "索引号 LH331082-080/2024-131280",
            "公开方式 主动公开",
            "成文日期 2024年2月1日",
        ]
    );
    assert_eq!(chunks[4].target, "yl-meta-1");
    assert_eq!(chunks[4].display, "索引号：LH331082-080/2024-131280");
    let bare = SpeechOptions {
        include_title: false,
        include_publishing_line: false,
        ..SpeechOptions::default()
    };
    assert_eq!(speech_plan(&doc, &bare)[0].text, "一、2023年工作总结");
    let none = SpeechOptions {
        include_body: false,
        ..SpeechOptions::default()
    };
    assert_eq!(
        texts(&speech_plan(&doc, &none)),
        [
            "上盘镇2023年工作总结及2024年工作计划",
            "发布日期 2024年2月1日",
            "来源 上盘镇",
        ]
    );
}

#[test]
fn publishing_line_falls_back_to_the_publisher_and_skips_empty_fields() {
    let mut doc = reference();
    doc.meta.retain(|m| m.label != "来源");
    let chunks = plan(&doc);
    assert_eq!(
        texts(&chunks[1..3]),
        ["发布日期 2024年2月1日", "发布单位 上盘镇"]
    );
    assert_eq!(chunks[2].target, "yl-meta-5");
    doc.meta.iter_mut().for_each(|m| m.value.clear());
    assert_eq!(plan(&doc)[1].text, "一、2023年工作总结");
}

#[test]
fn reading_from_a_section_and_pointing_at_a_paragraph() {
    let doc = reference();
    let options = SpeechOptions {
        from: Some("yl-s2".into()),
        ..SpeechOptions::default()
    };
    let from = speech_plan(&doc, &options);
    assert_eq!(from[0].text, "二、2024年工作计划");
    let full = Plan::new(&doc, &SpeechOptions::default());
    assert_eq!(from[0].index as usize, full.start_of("yl-s2").unwrap());
    assert_eq!(from.as_slice(), full.from("yl-s2"));
    assert_eq!(full.chunks.last(), from.last());

    let section = full.of("yl-s1-2");
    assert_eq!(section.first().unwrap().text, "一、重点项目加速推进。");
    assert!(section
        .iter()
        .all(|c| c.target == "yl-s1-2" || c.target == "yl-p1-2-1"));
    assert_eq!(
        section.last().unwrap().text,
        "助推台州1号公路上盘段施工建设,田岙岛陆岛交通码头完工验收。"
    );

    let paragraph = full.of("yl-p1-2-1");
    assert!(paragraph.len() > 3 && paragraph.iter().all(|c| c.target == "yl-p1-2-1"));
    let list = full.of("yl-l2-2-2");
    assert_eq!(list.first().unwrap().text, "一是筑牢工业发展硬支撑。");
    assert_eq!(
        full.of("yl-l2-2-2-3").first().unwrap().text,
        "三是打造文旅融合新典范。"
    );

    let unknown = SpeechOptions {
        from: Some("yl-p99".into()),
        ..SpeechOptions::default()
    };
    assert_eq!(
        speech_plan(&doc, &unknown),
        full.chunks,
        "an unknown id reads from the top"
    );
    assert!(full.of("yl-p99").is_empty() && full.from("yl-p99").is_empty());
    assert_eq!(full.start_of("yl-p99"), None);
}

fn cell(text: &str) -> TableCell {
    TableCell::plain(text)
}

fn rich_document() -> Document {
    let header = |texts: &[&str]| TableRow {
        header: true,
        cells: texts.iter().map(|t| cell(t)).collect(),
    };
    let row = |cells: Vec<TableCell>| TableRow {
        header: false,
        cells,
    };
    let mut spanning = cell("合计");
    spanning.rowspan = 2;
    Document {
        title: Some("示例".into()),
        body: vec![
            Block::Addressee(TextBlock {
                text: "各乡镇人民政府：".into(),
            }),
            Block::Contents(Contents {
                label: Some("目 录".into()),
                entries: vec![ContentsEntry {
                    level: 1,
                    marker: "一、".into(),
                    text: "总则".into(),
                    page: Some("1".into()),
                }],
            }),
            Block::Section(Section {
                level: 1,
                marker: "一、".into(),
                heading: "总则".into(),
                run_in: false,
                blocks: vec![
                    Block::Table(Table {
                        caption: Some("表1 完成情况".into()),
                        rows: vec![
                            header(&["序号", "项目名称", "完成率（%）"]),
                            row(vec![cell("1"), cell("道路硬化"), cell("95%")]),
                            row(vec![spanning, cell("两项"), cell("")]),
                            row(vec![cell("共计"), cell("100%")]),
                        ],
                    }),
                    Block::Image(Image {
                        src: "a.png".into(),
                        alt: "上盘镇全景".into(),
                    }),
                    Block::Image(Image {
                        src: "b.png".into(),
                        alt: String::new(),
                    }),
                    Block::List(List {
                        ordered: true,
                        items: vec![ListItem {
                            marker: "1.".into(),
                            lead: None,
                            text: "加强领导。".into(),
                            inlines: Vec::new(),
                        }],
                    }),
                ],
            }),
            Block::Attachments(Attachments {
                label: "附件".into(),
                items: vec![Attachment {
                    marker: "1.".into(),
                    name: "项目清单.xlsx".into(),
                    href: None,
                    file_type: Some("xlsx".into()),
                }],
            }),
            Block::Signature(Signature {
                organisations: vec!["上盘镇人民政府".into()],
                date: Some("2024年02月01日".into()),
            }),
            Block::Note(TextBlock {
                text: "(此件公开发布)".into(),
            }),
        ],
        ..Document::default()
    }
}

#[test]
fn every_kind_of_block_is_read_with_its_kind() {
    let chunks = plan(&rich_document());
    let got: Vec<(&str, ChunkKind, &str)> = chunks
        .iter()
        .map(|c| (c.target.as_str(), c.kind, c.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("yl-title", ChunkKind::Title, "示例"),
            ("yl-d1", ChunkKind::Addressee, "各乡镇人民政府："),
            ("yl-s3", ChunkKind::Heading, "一、总则"),
            ("yl-t3-1", ChunkKind::Caption, "表1 完成情况"),
            ("yl-t3-1-1-1", ChunkKind::TableCell, "序号"),
            ("yl-t3-1-1-2", ChunkKind::TableCell, "项目名称"),
            ("yl-t3-1-1-3", ChunkKind::TableCell, "完成率百分比"),
            ("yl-t3-1-2-1", ChunkKind::TableCell, "序号：1"),
            ("yl-t3-1-2-2", ChunkKind::TableCell, "项目名称：道路硬化"),
            (
                "yl-t3-1-2-3",
                ChunkKind::TableCell,
                "完成率百分比：百分之95"
            ),
            ("yl-t3-1-3-1", ChunkKind::TableCell, "序号：合计"),
            ("yl-t3-1-3-2", ChunkKind::TableCell, "项目名称：两项"),
            ("yl-t3-1-4-1", ChunkKind::TableCell, "项目名称：共计"),
            (
                "yl-t3-1-4-2",
                ChunkKind::TableCell,
                "完成率百分比：百分之100"
            ),
            ("yl-i3-2", ChunkKind::Image, "图片：上盘镇全景"),
            ("yl-l3-4-1", ChunkKind::ListItem, "1、加强领导。"),
            ("yl-a4", ChunkKind::Attachment, "附件"),
            ("yl-a4-1", ChunkKind::Attachment, "1、项目清单.xlsx"),
            ("yl-g5", ChunkKind::Signature, "上盘镇人民政府"),
            ("yl-g5", ChunkKind::Signature, "2024年2月1日"),
            ("yl-n6", ChunkKind::Note, "此件公开发布"),
        ]
    );
    let with_contents = SpeechOptions {
        include_contents: true,
        table_headers: false,
        ..SpeechOptions::default()
    };
    let chunks = speech_plan(&rich_document(), &with_contents);
    assert_eq!(texts(&chunks[2..4]), ["目录", "一、总则"]);
    assert!(texts(&chunks).contains(&"道路硬化"));
}

#[test]
fn absurd_table_spans_are_harmless() {
    let mut wide = cell("宽");
    wide.colspan = u32::MAX;
    wide.rowspan = u32::MAX;
    let doc = Document {
        body: vec![Block::Table(Table {
            caption: None,
            rows: vec![
                TableRow {
                    header: true,
                    cells: vec![wide, cell("乙")],
                },
                TableRow {
                    header: false,
                    cells: vec![cell("一"), cell("二")],
                },
            ],
        })],
        ..Document::default()
    };
    assert_eq!(texts(&plan(&doc)), ["宽", "乙", "一", "二"]);
}

#[test]
fn a_long_run_of_paragraphs_in_deep_sections_closes_every_span() {
    let mut inner = Section {
        level: 4,
        marker: "（1）".into(),
        heading: "最深".into(),
        run_in: false,
        blocks: vec![Block::Paragraph(Paragraph::plain("正文。"))],
    };
    for level in (1..4).rev() {
        inner = Section {
            level,
            marker: String::new(),
            heading: format!("第{level}层"),
            run_in: false,
            blocks: vec![Block::Section(inner)],
        };
    }
    let doc = Document {
        body: vec![
            Block::Section(inner),
            Block::Paragraph(Paragraph::plain("结尾。")),
        ],
        ..Document::default()
    };
    let plan = Plan::new(&doc, &SpeechOptions::default());
    assert_eq!(
        texts(&plan.chunks),
        ["第1层", "第2层", "第3层", "1、最深", "正文。", "结尾。"]
    );
    assert_eq!(plan.span("yl-s1"), Some(0..5));
    assert_eq!(plan.span("yl-s1-1-1"), Some(2..5));
    assert_eq!(plan.span("yl-p2"), Some(5..6));
}

#[test]
fn a_column_of_phone_numbers_and_postcodes_is_read_digit_by_digit() {
    // Under 联系电话, a mobile number alone in its cell was read as one large
    // number (一百三十八亿…).
    let doc = yilan::parse_text(
        "联系方式公示\n\n现将各单位联系方式公示如下。\n单位 | 联系电话 | 邮编 | 人数\n\
         县财政局 | 13812345678 | 317000 | 12345\n县水利局 | 0576-85123456、85123457 | 317001 | 56\n",
    );
    let chunks = plan(&doc);
    let cells: Vec<&str> = chunks
        .iter()
        .filter(|c| c.kind == ChunkKind::TableCell)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        cells,
        [
            "单位",
            "联系电话",
            "邮编",
            "人数",
            "单位：县财政局",
            "联系电话：幺三八幺二三四五六七八",
            "邮编：三幺七零零零",
            "人数：12345",
            "单位：县水利局",
            "联系电话：零五七六 八五幺二三四五六、八五幺二三四五七",
            "邮编：三幺七零零幺",
            "人数：56"
        ]
    );
}
