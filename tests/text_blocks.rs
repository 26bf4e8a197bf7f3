//! The parts of a page other than the outline, one small page each.

mod common;

use common::{headings, kinds};
use yilan::model::{Action, Block, MetaKey};
use yilan::parse::text::parse_text_traced;
use yilan::{parse_text, DiagnosticCode};

#[test]
fn a_whole_notice() {
    let page = "关于印发某某县政务云管理办法的通知\r\n\
                某政办发〔2019〕29号\r\n\
                各乡镇人民政府，县级有关部门：\r\n\
                \u{3000}\u{3000}现将《某某县政务云管理办法》印发给你们，请认真贯彻执行。\r\n\
                附件：1.某某县政务云管理办法.docx\r\n\
                2.申请表.xls\r\n\
                某某县人民政府办公室\u{3000}\u{3000}\r\n\
                2019年11月29日   \r\n\
                （此件公开发布）\r\n";
    let doc = parse_text(page);
    assert_eq!(
        doc.title.as_deref(),
        Some("关于印发某某县政务云管理办法的通知")
    );
    assert_eq!(doc.meta_value(MetaKey::DocNo), Some("某政办发〔2019〕29号"));
    assert_eq!(
        kinds(&doc),
        ["addressee", "paragraph", "attachments", "signature", "note"]
    );
    let Block::Attachments(a) = &doc.body[2] else {
        unreachable!()
    };
    assert_eq!(a.label, "附件");
    let names: Vec<(&str, &str, Option<&str>)> = a
        .items
        .iter()
        .map(|i| (i.marker.as_str(), i.name.as_str(), i.file_type.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("1.", "某某县政务云管理办法.docx", Some("docx")),
            ("2.", "申请表.xls", Some("xls"))
        ]
    );
    let Block::Signature(s) = &doc.body[3] else {
        unreachable!()
    };
    assert_eq!(s.organisations, ["某某县人民政府办公室"]);
    assert_eq!(s.date.as_deref(), Some("2019年11月29日"));
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn crlf_lone_cr_and_nbsp_read_like_plain_newlines() {
    let plain = parse_text("标题行在这里的通知\n一、总则\n今年以来，工作有序推进。\n");
    for variant in [
        "标题行在这里的通知\r\n一、总则\r\n今年以来，工作有序推进。\r\n",
        "标题行在这里的通知\r一、总则\r今年以来，工作有序推进。\r",
        "\u{feff}标题行在这里的通知\n\u{a0}\n一、总则\n\u{3000}\u{3000}今年以来，工作有序推进。\u{a0}\n",
    ] {
        assert_eq!(parse_text(variant), plain, "{variant:?}");
    }
}

#[test]
fn titles() {
    // Wrapped over two lines: joined when the first does not end like a title.
    let doc = parse_text("某某县人民政府关于印发\n某某办法的通知\n一、总则");
    assert_eq!(
        doc.title.as_deref(),
        Some("某某县人民政府关于印发某某办法的通知")
    );
    // Under the column's name, which is no part of it and no title.
    for column in ["通知公告", "政策文件", "政 策 文 件", "工作动态"] {
        let doc = parse_text(&format!(
            "{column}\n临海市人民政府关于印发临海市2024年重点工作的通知\n\
             发布时间：2024-01-02\n现将有关事项通知如下。\n"
        ));
        assert_eq!(
            doc.title.as_deref(),
            Some("临海市人民政府关于印发临海市2024年重点工作的通知"),
            "{column}"
        );
        assert_eq!(doc.meta.len(), 1, "{column}");
        assert_eq!(kinds(&doc), ["paragraph"], "{column}");
    }
    // Given only by a 标题 field.
    let doc = parse_text("标题: 某某县工作规则\n索引号: 1\n第一章 总则");
    assert_eq!(doc.title.as_deref(), Some("某某县工作规则"));
    assert_eq!(doc.meta_value(MetaKey::Title), Some("某某县工作规则"));
    // Repeated above the body: kept once.
    let doc = parse_text("某某县工作规则\n索引号: 1\n某某县工作规则\n第一章 总则");
    assert_eq!(doc.title.as_deref(), Some("某某县工作规则"));
    assert_eq!(kinds(&doc), ["section"]);
    // Missing: a diagnostic says so.
    let doc = parse_text("本报告由某某办公室编制而成，数据统计时限为全年。\n一、概述");
    assert_eq!(doc.title, None);
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code == DiagnosticCode::NoTitle));
}

#[test]
fn chrome_is_taken_out_and_mapped() {
    let page = "进入老年模式 退出老年模式\n\
                中国政府网 某某省政府网 English 市人大 市政协\n\
                当前位置：首页 >> 政务公开 > 通知公告\n\
                某某县关于做好工作的通知\n\
                字号：【大 中 小】 视力保护色\n\
                一、总则\n\
                今年以来，工作有序推进。\n\
                分享 收藏 打印本页 关闭窗口\n\
                返回顶部";
    let (doc, trace) = parse_text_traced(page);
    let crumbs: Vec<&str> = doc.breadcrumb.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(crumbs, ["首页", "政务公开", "通知公告"]);
    assert_eq!(
        doc.actions,
        [
            Action::Share,
            Action::Bookmark,
            Action::Print,
            Action::Close
        ]
    );
    assert_eq!(doc.title.as_deref(), Some("某某县关于做好工作的通知"));
    assert_eq!(kinds(&doc), ["section"]);
    let lines: Vec<u32> = trace.chrome.iter().map(|h| h.line).collect();
    assert_eq!(lines, [1, 2, 3, 3, 3, 5, 8, 9]);
}

#[test]
fn actions_after_a_widget_on_the_publishing_line() {
    let (doc, trace) = parse_text_traced(
        "某某县关于做好工作的通知\n发布日期: 2024-01-02 字号:【大 中 小】 打印 关闭\n一、总则",
    );
    assert_eq!(doc.actions, [Action::Print, Action::Close]);
    assert_eq!(doc.meta.len(), 1);
    assert_eq!(trace.chrome.len(), 1);
    assert_eq!(trace.chrome[0].text, "字号:【大 中 小】 打印 关闭");
}

#[test]
fn tables_with_header_rows() {
    let doc =
        parse_text("序号 | 事项 | 依据 ||\n1 | 政府采购 | 《采购法》 ||\n2 | 工程建设 | | |\n");
    let Some(Block::Table(t)) = doc.body.first() else {
        panic!("a table: {:?}", doc.body);
    };
    let rows: Vec<(bool, Vec<&str>)> = t
        .rows
        .iter()
        .map(|r| (r.header, r.cells.iter().map(|c| c.text.as_str()).collect()))
        .collect();
    assert_eq!(
        rows,
        [
            (true, vec!["序号", "事项", "依据"]),
            (false, vec!["1", "政府采购", "《采购法》"]),
            (false, vec!["2", "工程建设"]),
        ]
    );
}

#[test]
fn bracketed_leads_and_bullets_become_lists() {
    let doc = parse_text(
        "上线嘉宾:\n【知识产权局】副局长袁有楼\n【特约评议团】监察员胡春梅\n• 第一项\n• 第二项\n",
    );
    assert_eq!(kinds(&doc), ["paragraph", "list", "list"]);
    let Block::List(l) = &doc.body[1] else {
        unreachable!()
    };
    assert!(!l.ordered);
    assert_eq!(l.items[0].lead.as_deref(), Some("【知识产权局】"));
    assert_eq!(l.items[0].text, "副局长袁有楼");
}

#[test]
fn enumerations_one_point_per_line() {
    let doc = parse_text(
        "主要做法：\n一是抓项目。加快推进重点项目。\n二是强服务。\n三是保安全。守住底线。\n下一步，我们将继续努力。",
    );
    assert_eq!(kinds(&doc), ["paragraph", "list", "paragraph"]);
    let Block::List(l) = &doc.body[1] else {
        unreachable!()
    };
    let items: Vec<(&str, Option<&str>, &str)> = l
        .items
        .iter()
        .map(|i| (i.marker.as_str(), i.lead.as_deref(), i.text.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("一是", Some("抓项目。"), "加快推进重点项目。"),
            ("二是", None, "强服务。"),
            ("三是", Some("保安全。"), "守住底线。"),
        ]
    );
    // A lone 一是 line is just a paragraph.
    assert_eq!(
        kinds(&parse_text("一是抓项目。\n其他工作。")),
        ["paragraph", "paragraph"]
    );
}

#[test]
fn addressee_with_a_label() {
    let doc = parse_text("关于某某工作的通知\n主送：各县人民政府\n现将有关事项通知如下。");
    assert_eq!(kinds(&doc), ["addressee", "paragraph"]);
}

#[test]
fn traditional_characters_set_the_language() {
    let doc =
        parse_text("臺北市政府關於發布實施計劃的通知\n一、總則\n為規範機關辦公，特訂定本辦法。");
    assert_eq!(doc.lang, "zh-TW");
    assert_eq!(parse_text("上盘镇工作总结\n一、总则").lang, "zh-CN");
}

#[test]
fn raw_markup_stays_text() {
    let doc = parse_text("<p>各市、县人民政府:</p><p><strong>一、指导思想</strong></p>");
    let Some(Block::Paragraph(p)) = doc.body.first() else {
        panic!("{:?}", doc.body);
    };
    assert!(p.text.starts_with("<p>") && p.text.contains("<strong>"));
}

#[test]
fn empty_and_blank_pages() {
    for page in ["", "\n\n", " \u{3000}\u{a0}\r\n\t", "打印 关闭"] {
        let doc = parse_text(page);
        assert!(doc.body.is_empty());
        let codes: Vec<_> = doc.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [DiagnosticCode::NoTitle, DiagnosticCode::NoBody],
            "{page:?}"
        );
    }
}

#[test]
fn a_line_naming_the_table_below_is_its_caption() {
    let tables = |page: &str| -> Vec<(Option<String>, usize)> {
        let doc = parse_text(page);
        let mut out = Vec::new();
        yilan::ids::walk(&doc, |_, b| {
            if let Block::Table(t) = b {
                out.push((t.caption.clone(), t.rows.len()));
            }
        });
        out
    };
    let head = "关于某事的通知\n今年以来，各项工作有序推进。\n";
    for caption in [
        "表1 各镇完成情况",
        "表 2：资金安排",
        "表一 项目清单",
        "附表3 申报条件",
        "续表1",
        "表１ 名单",
        // A title that says it is a table, a list or a roll.
        "2024年重点项目进度表",
        "临海市第一批重点项目清单",
        "上盘镇2023年度低保对象名单",
        "农村危房改造对象名录",
    ] {
        let page = format!("{head}{caption}\n| 项目 | 金额 |\n| 道路 | 100 |\n");
        assert_eq!(tables(&page), [(Some(caption.to_owned()), 2)], "{caption}");
    }
    // Not names of a table: a sentence, a word that starts with 表, a long line.
    for line in [
        "表1所列事项均已完成。",
        "表格说明如下",
        "表彰先进集体和个人",
        &format!("表1 {}", "很长的标题".repeat(13)),
        "出席会议的有各位人大代表",
        "现将有关情况列表如下，请各单位认真核对名单",
        "经审核，现将名单公示如下：名单",
        "名单",
        &format!("{}名单", "很长的标题".repeat(8)),
    ] {
        let page = format!("{head}{line}\n| 项目 | 金额 |\n| 道路 | 100 |\n");
        assert_eq!(tables(&page), [(None, 2)], "{line}");
        assert!(
            format!("{:?}", parse_text(&page).body).contains(line),
            "{line} stays a paragraph"
        );
    }
}

#[test]
fn a_marker_alone_on_its_line_is_the_heading_of_the_next() {
    // A chapter's number and its name on two lines, as regulations print
    // them: the chapter had no heading and its name was a paragraph.
    let doc = parse_text(
        "某某县财政资金管理办法\n\n第一章\n总则\n第一条 为加强财政资金管理，制定本办法。\n\
         第二章\n管理职责\n第二条 县财政局负责资金管理。\n",
    );
    let pair = |m: &str, h: &str| (m.to_owned(), h.to_owned());
    assert_eq!(
        headings(&doc),
        [pair("第一章", "总则"), pair("第二章", "管理职责")]
    );
    let first = doc.body.first();
    let Some(Block::Section(chapter)) = first else {
        panic!("{:#?}", doc.body)
    };
    assert!(matches!(chapter.blocks.first(), Some(Block::Section(s)) if s.marker == "第一条"));
    // 一、 alone, then its heading; a marker followed by a marker stays.
    let doc = parse_text(
        "关于做好防汛工作的通知\n\n为切实做好今年防汛工作，现将有关事项通知如下。\n一、\n提高思想认识\n\
         各地要充分认识防汛工作的重要性。\n二、\n（一）落实责任\n各地要层层落实责任。\n",
    );
    assert_eq!(
        headings(&doc),
        [pair("一、", "提高思想认识"), pair("二、", "")]
    );
}

#[test]
fn a_list_named_again_under_a_later_heading_is_no_table_of_contents() {
    // Three units under 一、, named again under 二、: read as a printed
    // table of contents, which swallowed the heading 二、职责分工.
    let doc = parse_text(
        "关于成立防汛工作领导小组的通知\n\n各乡镇人民政府：\n为切实做好今年防汛工作，经研究，决定成立领导小组。\n\
         一、成员单位\n县发改局\n县财政局\n县水利局\n二、职责分工\n县发改局\n负责项目审批工作。\n\
         县财政局\n负责资金保障工作。\n县水利局\n负责水利设施建设。\n",
    );
    let pair = |m: &str, h: &str| (m.to_owned(), h.to_owned());
    assert_eq!(
        headings(&doc),
        [pair("一、", "成员单位"), pair("二、", "职责分工")]
    );
    let mut contents = 0;
    yilan::ids::walk(&doc, |_, b| {
        contents += usize::from(matches!(b, Block::Contents(_)))
    });
    assert_eq!(contents, 0, "{:#?}", doc.body);
    // An attached plan's own unlabelled contents, after the notice's
    // numbered lines, is still one: its title starts the outline anew.
    let doc = parse_text(
        "关于印发某某应急预案的通知\n\n各乡镇人民政府：\n一、请认真贯彻执行。\n二、请及时报送情况。\n\
         某某县突发事件应急预案\n总则\n组织体系\n预防预警\n总则\n本预案适用于全县。\n组织体系\n县政府设立指挥部。\n\
         预防预警\n各部门加强监测。\n",
    );
    let mut contents = 0;
    yilan::ids::walk(&doc, |_, b| {
        contents += usize::from(matches!(b, Block::Contents(_)))
    });
    assert_eq!(contents, 1, "{:#?}", doc.body);
}

#[test]
fn the_pages_widgets_after_a_metadata_value_are_chrome_and_its_actions_kept() {
    let (doc, trace) = parse_text_traced(
        "关于做好防汛工作的通知\n发布日期：2024-01-02 扫一扫在手机打开当前页\n来源：市应急管理局 打印 关闭\n各县（市、区）人民政府：\n现将有关事项通知如下。\n",
    );
    let meta: Vec<(MetaKey, &str)> = doc.meta.iter().map(|m| (m.key, m.value.as_str())).collect();
    assert_eq!(
        meta,
        [
            (MetaKey::Published, "2024-01-02"),
            (MetaKey::Source, "市应急管理局")
        ]
    );
    assert_eq!(doc.actions, [Action::Print, Action::Close]);
    let chrome: Vec<(u32, &str)> = trace
        .chrome
        .iter()
        .map(|hit| (hit.line, hit.text.as_str()))
        .collect();
    assert_eq!(chrome, [(2, "扫一扫在手机打开当前页"), (3, "打印 关闭")]);
}

#[test]
fn tables_copied_with_tabs_as_inner_text_writes_them() {
    let rows = |page: &str| -> Vec<Vec<Vec<String>>> {
        let mut out = Vec::new();
        yilan::ids::walk(&parse_text(page), |_, b| {
            if let Block::Table(t) = b {
                out.push(
                    t.rows
                        .iter()
                        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                        .collect(),
                );
            }
        });
        out
    };
    let head = "关于某事的通知\n今年以来，各项工作有序推进。\n";
    // A row of three cells is a row on its own; an empty first cell keeps
    // its place and empty cells at the end go.
    assert_eq!(
        rows(&format!(
            "{head}序号\t事项\t依据\n1\t政府采购\t《采购法》\n2\t工程建设\t\n"
        )),
        [vec![
            vec!["序号", "事项", "依据"],
            vec!["1", "政府采购", "《采购法》"],
            vec!["2", "工程建设"],
        ]]
    );
    assert_eq!(
        rows(&format!("{head}\t2023年\t2024年\n收入\t100\t200\n")),
        [vec![
            vec!["", "2023年", "2024年"],
            vec!["收入", "100", "200"]
        ]]
    );
    // Two cells make a row beside another row.
    assert_eq!(
        rows(&format!("{head}项目\t金额\n道路\t100\n")),
        [vec![vec!["项目", "金额"], vec!["道路", "100"]]]
    );
    // A tab alone between two words, or a tab of indentation, is no table.
    for page in [
        format!("{head}第一条\t内容如下。\n附则从略。\n"),
        format!("{head}\t一、总体要求\n\t各单位要高度重视。\n"),
    ] {
        assert_eq!(rows(&page), Vec::<Vec<Vec<String>>>::new(), "{page:?}");
    }
    let doc = parse_text(&format!("{head}\t一、总体要求\n\t各单位要高度重视。\n"));
    assert_eq!(kinds(&doc), ["paragraph", "section"]);
    // A table of the page's details, written with tabs, is its metadata.
    let doc = parse_text(
        "关于某事的通知\n索引号\t11331082/2024-00012\n发布机构\t临海市人民政府\n\
         成文日期\t2024-01-02\n正文如下。\n",
    );
    let meta: Vec<(MetaKey, &str)> = doc.meta.iter().map(|m| (m.key, m.value.as_str())).collect();
    assert_eq!(
        meta,
        [
            (MetaKey::IndexNo, "11331082/2024-00012"),
            (MetaKey::Publisher, "临海市人民政府"),
            (MetaKey::Written, "2024-01-02"),
        ]
    );
    assert_eq!(kinds(&doc), ["paragraph"]);
}
