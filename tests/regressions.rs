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
