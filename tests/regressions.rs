//! What fuzzing and the hostile-input tests found, one named test each, with
//! the (minimised) input inline. Each test says what went wrong and where
//! it was found; the fix is in the commit that added the test.

mod common;
use common::markup_check;

use yilan::model::MetaKey;
use yilan::{parse_text, render, speech_plan, DiagnosticCode, RenderOptions, SpeechOptions};

/// Found by the `speech_text` fuzz target on a fixture's table: the speech
/// plan targets each table cell by its id (`yl-t1-2-1`), but the view wrote
/// no id on `<td>`/`<th>`, so the reader could not highlight a cell while
/// reading it. The view now carries [`yilan::ids::cell_id`] on every cell.
#[test]
fn every_speech_target_is_an_element_of_the_view() {
    let input =
        "关于公开事项的通知\n序号 | 事项 | 依据\n1 | 政府采购信息 | 《条例》\n2 | 招标公告 |\n";
    let doc = parse_text(input);
    let html = render(&doc, &RenderOptions::default());
    markup_check::check(&html).unwrap();
    let chunks = speech_plan(&doc, &SpeechOptions::default());
    let cells: Vec<&str> = chunks
        .iter()
        .filter(|c| c.target.starts_with("yl-t1-"))
        .map(|c| c.target.as_str())
        .collect();
    assert!(cells.contains(&"yl-t1-2-2"), "{cells:?}");
    for chunk in &chunks {
        assert!(
            html.contains(&format!(" id=\"{}\"", chunk.target)),
            "chunk {} targets {:?}, which the view lacks",
            chunk.index,
            chunk.target
        );
    }
    assert!(html.contains("<td id=\"yl-t1-2-2\">政府采购信息</td>"));
}

/// Found by the hostile-input tests: each metadata field was compared with
/// every field before it to drop a repeated block, so a page of 100,000
/// distinct `label: value` lines took 100,000² / 2 string comparisons
/// (over two minutes in a release build). Fields are now looked up in a
/// hash set. This test only checks the result; the time is for benchmarks.
#[test]
fn a_hundred_thousand_distinct_metadata_lines_are_all_kept() {
    let labels = [
        ("索引号", MetaKey::IndexNo),
        ("文号", MetaKey::DocNo),
        ("发布日期", MetaKey::Published),
        ("来源", MetaKey::Source),
        ("成文日期", MetaKey::Written),
    ];
    let mut input = String::from("关于印发通知的通知\n");
    for n in 0..100_000 {
        input.push_str(&format!("{}：{n}\n", labels[n % labels.len()].0));
    }
    let doc = parse_text(&input);
    assert_eq!(doc.meta.len(), 100_000);
    for (n, field) in doc.meta.iter().enumerate() {
        assert_eq!(field.key, labels[n % labels.len()].1);
        assert_eq!(field.value, n.to_string());
    }
    assert!(!doc
        .diagnostics
        .iter()
        .any(|d| d.code == DiagnosticCode::DuplicateMeta));
}

/// The hash set behind the repeated-field check must see a 文号 that the
/// number line under the title filled in: the metadata block printed again
/// at the end of the page is still one block.
#[test]
fn a_document_number_filled_from_under_the_title_is_not_repeated() {
    let head =
        "发文字号：\n索引号：11370829/2024-00123\n关于印发通知的通知\n齐政办发〔2019〕29号\n";
    for repeat in [
        // Repeated in the head, and at the end of the page.
        "发文字号：齐政办发〔2019〕29号\n一、总则\n正文。\n",
        "一、总则\n正文。\n发文字号：齐政办发〔2019〕29号\n",
    ] {
        let doc = parse_text(&format!("{head}{repeat}"));
        let numbers: Vec<&str> = doc
            .meta
            .iter()
            .filter(|m| m.key == MetaKey::DocNo)
            .map(|m| m.value.as_str())
            .collect();
        assert_eq!(
            numbers,
            ["齐政办发〔2019〕29号"],
            "{repeat}: {:#?}",
            doc.meta
        );
    }
}

/// Found by the property test `the_view_of_any_model_json_is_sound`: a
/// carriage return in model JSON text was written as is, and the HTML
/// parser turns CR and CRLF into LF, so the page held other text than the
/// document (and than the speech plan's `display`). It is now written as
/// `&#13;`, in text and in attribute values.
#[test]
fn a_carriage_return_reaches_the_page_as_written() {
    let json = r#"{"version": 1, "body": [
        {"type": "paragraph", "text": "第一行\r\n第二行\r"},
        {"type": "image", "src": "/a.png", "alt": "图\r说明"}
    ]}"#;
    let doc = yilan::parse_json(json).unwrap();
    let html = render(&doc, &RenderOptions::default());
    markup_check::check(&html).unwrap();
    assert!(html.contains(">第一行&#13;\n第二行&#13;</p>"), "{html}");
    let dom = scraper::Html::parse_fragment(&html);
    let p = dom
        .select(&scraper::Selector::parse("p").unwrap())
        .next()
        .unwrap();
    assert_eq!(p.text().collect::<String>(), "第一行\r\n第二行\r");
    let img = dom
        .select(&scraper::Selector::parse("img").unwrap())
        .next()
        .unwrap();
    assert_eq!(img.value().attr("alt"), Some("图\r说明"));
}

/// Found by the lint that denies string slicing in the library: to spot a
/// `data:image/…` source, the HTML front end compared the first bytes of
/// the URL by slicing, which panics when the cut falls inside a character.
/// An image whose source has a short scheme and then Chinese text
/// (`ab:数据…`: "data:image/png" is 14 bytes, inside 数) made parse_html
/// panic. The prefix is now compared with `get`.
#[cfg(feature = "html")]
#[test]
fn an_image_source_with_a_scheme_and_chinese_text_does_not_panic() {
    let page = "<div id=zoom><p>一、总体情况</p><p>今年以来，工作有序推进。</p>\
                <p><img src=\"ab:数据数据数据\" alt=\"图\"></p></div>";
    let doc = yilan::parse_html(page, &yilan::HtmlOptions::default());
    let html = render(&doc, &RenderOptions::default());
    markup_check::check(&html).unwrap();
    assert!(
        !html.contains("ab:数据"),
        "an unknown scheme is not an image source"
    );
}

/// Every paragraph's text, in the order of the body, sections entered.
fn texts(doc: &yilan::model::Document) -> Vec<String> {
    let mut out = Vec::new();
    yilan::ids::walk(doc, |_, block| {
        if let yilan::model::Block::Paragraph(p) = block {
            out.push(p.text.clone());
        }
    });
    out
}

/// Found by a review of what the parsers lose: a work plan's 责任单位 under
/// each task was taken for the page's metadata (a body line of known
/// labels), moved out of its task into the metadata, and the third, a
/// repeat, dropped. Only the page's trailer, after the document's last
/// line, holds the page's metadata now.
#[test]
fn labelled_lines_inside_the_document_stay_where_they_are() {
    let doc = parse_text(
        "关于印发2024年优化营商环境工作方案的通知\n各乡镇人民政府：\n现将方案印发给你们。\n\
         （一）压减审批时限。全面推行告知承诺制。\n责任单位：县行政审批局\n\
         （二）降低企业成本。落实减税降费政策。\n责任单位：县财政局\n\
         （三）提升服务效能。推行一窗受理。\n责任单位：县行政审批局\n",
    );
    assert!(doc.meta.is_empty(), "{:?}", doc.meta);
    assert!(doc
        .diagnostics
        .iter()
        .all(|d| d.code != DiagnosticCode::DuplicateMeta));
    let units: Vec<String> = texts(&doc)
        .into_iter()
        .filter(|t| t.starts_with("责任单位"))
        .collect();
    assert_eq!(
        units,
        [
            "责任单位：县行政审批局",
            "责任单位：县财政局",
            "责任单位：县行政审批局"
        ]
    );
    // The page's own trailer is still its metadata.
    let doc = parse_text("关于做好防汛工作的通知\n一、提高认识\n各单位要高度重视。\n来源：县应急局\n发布时间：2024-06-01\n");
    let keys: Vec<MetaKey> = doc.meta.iter().map(|m| m.key).collect();
    assert_eq!(keys, [MetaKey::Source, MetaKey::Published]);
}

/// Found by the same review: a line starting 位置： (the place of land to
/// be taken) became the page's breadcrumb, and left the body.
#[test]
fn a_place_is_no_breadcrumb() {
    let doc =
        parse_text("关于征收土地的公告\n一、征收范围\n位置：城关镇人民路东侧\n面积：约12亩。\n");
    assert!(doc.breadcrumb.is_empty(), "{:?}", doc.breadcrumb);
    assert_eq!(texts(&doc), ["位置：城关镇人民路东侧", "面积：约12亩。"]);
    // A path after 位置 is still one.
    let doc = parse_text("位置：首页 > 通知公告\n关于征收土地的公告\n一、征收范围\n");
    let crumbs: Vec<&str> = doc.breadcrumb.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(crumbs, ["首页", "通知公告"]);
}

/// Found by the same review: under an empty 文号 the body's first
/// paragraph (indented with full-width spaces, as page text copied from a
/// browser is) was read as the number, and left the body.
#[test]
fn a_paragraph_under_an_empty_document_number_stays_a_paragraph() {
    let doc = parse_text(
        "关于做好春耕生产工作的通知\n发布日期：2024-03-01\n文号：\n\u{3000}\u{3000}为做好今年春耕生产工作，现将有关事项通知如下。\n一、提高认识\n各单位要高度重视。\n",
    );
    let doc_no = doc
        .meta
        .iter()
        .find(|m| m.key == MetaKey::DocNo)
        .expect("文号");
    assert_eq!(doc_no.value, "");
    assert_eq!(
        texts(&doc)[0],
        "为做好今年春耕生产工作，现将有关事项通知如下。"
    );
}

/// Found by the same review: a list of scores (城关镇 86 / 新华镇 90 /
/// 东关镇 95) was read as a printed table of contents, the scores as its
/// page numbers. Rising page numbers alone now make one only from the
/// first pages.
#[test]
fn a_list_of_scores_is_no_table_of_contents() {
    let doc = parse_text(
        "关于考核结果的通报\n一、考核结果\n城关镇 86\n新华镇 90\n东关镇 95\n二、下一步工作\n各镇要认真整改。\n",
    );
    let mut contents = 0;
    yilan::ids::walk(&doc, |_, block| {
        contents += usize::from(matches!(block, yilan::model::Block::Contents(_)))
    });
    assert_eq!(contents, 0);
    assert_eq!(
        texts(&doc),
        ["城关镇 86", "新华镇 90", "东关镇 95", "各镇要认真整改。"]
    );
}

/// Found by the same review: a duty roster's header row right under the
/// title (日期 | 带班领导 | 值班人员) was read as metadata (日期 =
/// "带班领导 值班人员"), and the table lost its header.
#[test]
fn a_tables_header_under_the_title_is_no_metadata() {
    let doc = parse_text("某某县防汛值班表\n日期 | 带班领导 | 值班人员\n6月1日 | 张三 | 李四\n6月2日 | 王五 | 赵六\n");
    assert!(doc.meta.is_empty(), "{:?}", doc.meta);
    let Some(yilan::model::Block::Table(table)) = doc.body.first() else {
        panic!("{:?}", doc.body);
    };
    let first: Vec<&str> = table.rows[0]
        .cells
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(first, ["日期", "带班领导", "值班人员"]);
    assert_eq!(table.rows.len(), 3);
}
