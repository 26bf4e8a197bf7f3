//! Images in the cells of a data table (照片 in a staff list, 二维码 beside
//! an app's name), through every layer: the HTML front end keeps them in
//! their cell (a lazily loaded one at its own address, one with an unsafe
//! address dropped), model JSON writes and reads them, the view shows them
//! in their cell, and the speech plan reads them as it reads an image block.
//!
//! The checks read the model as JSON and the view as HTML.
#![cfg(feature = "html")]

use scraper::{ElementRef, Html, Selector};
use serde_json::{json, Value};
use yilan::model::{Block, Document, Image};
use yilan::speech::{speech_plan, ChunkKind, SpeechOptions};
use yilan::{ids, parse_html, parse_json, render, HtmlOptions, RenderOptions};

const SITE: &str = "https://www.example.gov.cn";

/// A staff list with a photo column, then a table of download codes.
const PAGE: &str = "<div class=TRS_Editor><p>今年以来，工作有序推进，成效明显。</p>
    <table>
    <tr><th>序号</th><th>姓名</th><th>照片</th></tr>
    <tr><td>1</td><td>张三</td><td><img src='/photos/zhang.jpg' alt='张三照片'></td></tr>
    <tr><td>2</td><td>李四</td><td><img src='/images/loading.gif' data-src='/photos/li.jpg' alt='李四照片'></td></tr>
    <tr><td>3</td><td>王五</td><td><img src='javascript:alert(1)' alt='王五照片'></td></tr>
    <tr><td>4</td><td>赵六<img src='/i/line.png' alt=''></td><td><img data-original='/photos/zhao.jpg'></td></tr>
    </table>
    <p>扫码下载：</p>
    <table>
    <tr><td>名称</td><td>二维码</td></tr>
    <tr><td>政务服务APP</td><td><img src='/qr/app.png' alt=''></td></tr>
    <tr><td><img src='/qr/logo.png' alt=''></td><td><img src='/qr/wx.png' alt=''></td></tr>
    </table></div>";

fn parse(html: &str) -> Document {
    let options = HtmlOptions {
        base_url: Some(format!("{SITE}/art/2024/1/2/art_1.html")),
    };
    parse_html(html, &options)
}

/// The tables of the body, as model JSON.
fn tables(doc: &Document) -> Vec<Value> {
    let value = serde_json::to_value(doc).unwrap();
    value["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] == "table")
        .cloned()
        .collect()
}

/// The cells of each row of a table, as model JSON.
fn rows(table: &Value) -> Vec<Vec<Value>> {
    table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["cells"].as_array().unwrap().clone())
        .collect()
}

fn image(path: &str, alt: &str) -> Value {
    json!({"src": format!("{SITE}{path}"), "alt": alt})
}

#[test]
fn the_cells_hold_their_images() {
    let doc = parse(PAGE);
    let tables = tables(&doc);
    assert_eq!(tables.len(), 2, "{tables:#?}");

    let staff = rows(&tables[0]);
    assert_eq!(staff.len(), 5);
    // A photo: the cell's text is empty, the image says what it shows.
    assert_eq!(
        staff[1][2],
        json!({"text": "", "images": [image("/photos/zhang.jpg", "张三照片")]})
    );
    // Lazily loaded: its own address, not the placeholder's.
    assert_eq!(
        staff[2][2],
        json!({"text": "", "images": [image("/photos/li.jpg", "李四照片")]})
    );
    // An unsafe address: no image, and its alternative text stays the
    // cell's text.
    assert_eq!(staff[3][2], json!({"text": "王五照片"}));
    // Decorative (empty alt) and no alt at all: kept, with empty alt, after
    // the cell's text.
    assert_eq!(
        staff[4][1],
        json!({"text": "赵六", "images": [image("/i/line.png", "")]})
    );
    assert_eq!(
        staff[4][2],
        json!({"text": "", "images": [image("/photos/zhao.jpg", "")]})
    );

    let codes = rows(&tables[1]);
    assert_eq!(
        codes[1],
        [
            json!({"text": "政务服务APP"}),
            json!({"text": "", "images": [image("/qr/app.png", "")]})
        ]
    );
    // A row of images and no text is a row of the table all the same.
    assert_eq!(
        codes.get(2).map(Vec::as_slice),
        Some(
            &[
                json!({"text": "", "images": [image("/qr/logo.png", "")]}),
                json!({"text": "", "images": [image("/qr/wx.png", "")]})
            ][..]
        ),
        "{codes:#?}"
    );
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// Each body cell of the view: its text, and its images as (src, alt,
/// loading), in order; `alt` is `None` where the attribute is missing.
type ImageAttrs = (String, Option<String>, Option<String>);

fn view_cells(html: &str) -> Vec<(String, Vec<ImageAttrs>)> {
    let dom = Html::parse_fragment(html);
    let img = sel("img");
    dom.select(&sel("tbody td"))
        .map(|td: ElementRef| {
            let images = td
                .select(&img)
                .map(|i| {
                    let attr = |name| i.value().attr(name).map(str::to_owned);
                    (
                        attr("src").unwrap_or_default(),
                        attr("alt"),
                        attr("loading"),
                    )
                })
                .collect();
            (td.text().collect(), images)
        })
        .collect()
}

#[test]
fn the_view_shows_each_image_in_its_cell_after_its_text() {
    let doc = parse(PAGE);
    let html = render(&doc, &RenderOptions::default());
    let cells = view_cells(&html);
    let img = |path: &str, alt: &str| {
        (
            format!("{SITE}{path}"),
            Some(alt.to_owned()),
            Some("lazy".to_owned()),
        )
    };
    let find = |text: &str| -> Vec<ImageAttrs> {
        let mut found = cells.iter().filter(|(t, _)| t == text);
        let (_, images) = found
            .next()
            .unwrap_or_else(|| panic!("{text:?}: {cells:#?}"));
        images.clone()
    };
    // Image-only cells have no text: those are, in order, the photos of 张三
    // and 李四, then 赵六's, then the three codes.
    let image_only: Vec<Vec<ImageAttrs>> = cells
        .iter()
        .filter(|(t, _)| t.is_empty())
        .map(|(_, images)| images.clone())
        .collect();
    assert_eq!(
        image_only,
        [
            vec![img("/photos/zhang.jpg", "张三照片")],
            vec![img("/photos/li.jpg", "李四照片")],
            vec![img("/photos/zhao.jpg", "")],
            vec![img("/qr/app.png", "")],
            vec![img("/qr/logo.png", "")],
            vec![img("/qr/wx.png", "")],
        ]
    );
    assert_eq!(find("王五照片"), []);
    assert_eq!(find("赵六"), [img("/i/line.png", "")]);
    // The image comes after the cell's text, inside the cell.
    assert!(
        html.contains(&format!(
            ">赵六<img src=\"{SITE}/i/line.png\" alt=\"\" loading=\"lazy\"></td>"
        )),
        "{html}"
    );
    // Every image of the view is in a cell, and none is the unsafe one.
    let dom = Html::parse_fragment(&html);
    assert_eq!(dom.select(&sel("img")).count(), 7);
    assert_eq!(dom.select(&sel("td img")).count(), 7);
    assert!(!html.contains("javascript:"));
}

#[test]
fn model_json_keeps_them_both_ways() {
    let doc = parse(PAGE);
    let text = serde_json::to_string(&doc).unwrap();
    let back = parse_json(&text).unwrap();
    assert_eq!(back, doc);
    assert_eq!(
        rows(&tables(&back)[0])[1][2]["images"],
        json!([image("/photos/zhang.jpg", "张三照片")])
    );

    // Model JSON written by hand: read, then shown in the cell.
    let doc = parse_json(
        r#"{"version": 1, "body": [{"type": "table", "rows": [
            {"header": true, "cells": [{"text": "名称"}, {"text": "二维码"}]},
            {"cells": [{"text": "政务服务APP"},
                       {"text": "扫码下载", "images": [{"src": "https://example.org/qr.png", "alt": "政务服务APP下载二维码"},
                                                       {"src": "https://example.org/frame.png"}]}]}]}]}"#,
    )
    .unwrap();
    let cells = view_cells(&render(&doc, &RenderOptions::default()));
    assert_eq!(
        cells[1],
        (
            "扫码下载".to_owned(),
            vec![
                (
                    "https://example.org/qr.png".to_owned(),
                    Some("政务服务APP下载二维码".to_owned()),
                    Some("lazy".to_owned())
                ),
                (
                    "https://example.org/frame.png".to_owned(),
                    Some(String::new()),
                    Some("lazy".to_owned())
                ),
            ]
        )
    );
}

#[test]
fn a_refused_address_in_model_json_shows_the_alternative_text() {
    // Model JSON may hold any address; the view writes only those it allows.
    let doc = parse_json(
        r#"{"version": 1, "body": [{"type": "table", "rows": [
            {"cells": [{"text": "a"}, {"text": "b"}]},
            {"cells": [{"text": "签章", "images": [{"src": "javascript:alert(1)", "alt": "公章"}]},
                       {"text": "", "images": [{"src": "vbscript:x", "alt": ""}]}]}]}]}"#,
    )
    .unwrap();
    let html = render(&doc, &RenderOptions::default());
    assert_eq!(
        view_cells(&html),
        [
            ("a".to_owned(), vec![]),
            ("b".to_owned(), vec![]),
            ("签章 公章".to_owned(), vec![]),
            (String::new(), vec![]),
        ]
    );
    assert!(!html.contains("script:"), "{html}");
}

#[test]
fn the_speech_plan_reads_a_cell_image_as_an_image_block() {
    let doc = parse(PAGE);
    let staff = 1;
    let Some(table @ Block::Table(_)) = doc.body.get(staff) else {
        panic!("{:#?}", doc.body);
    };
    let table_id = ids::block_id(&[staff], table);
    let plan = speech_plan(&doc, &SpeechOptions::default());
    let read = |row: usize, cell: usize| -> Vec<(ChunkKind, String)> {
        let target = ids::cell_id(&table_id, row, cell);
        plan.iter()
            .filter(|c| c.target == target)
            .map(|c| (c.kind, c.text.clone()))
            .collect()
    };
    // As an image block with the same alternative text reads.
    let block = Document {
        body: vec![Block::Image(Image {
            src: "/photos/zhang.jpg".to_owned(),
            alt: "张三照片".to_owned(),
        })],
        ..Document::default()
    };
    let as_block: Vec<(ChunkKind, String)> = speech_plan(&block, &SpeechOptions::default())
        .into_iter()
        .map(|c| (c.kind, c.text))
        .collect();
    assert_eq!(as_block, [(ChunkKind::Image, "图片：张三照片".to_owned())]);
    assert_eq!(read(1, 2), as_block);
    assert_eq!(
        read(2, 2),
        [(ChunkKind::Image, "图片：李四照片".to_owned())]
    );
    // The dropped image's alternative text is the cell's text.
    assert_eq!(
        read(3, 2),
        [(ChunkKind::TableCell, "照片：王五照片".to_owned())]
    );
    // Decorative images are silent; the cell's text is read as before.
    assert_eq!(
        read(4, 1),
        [(ChunkKind::TableCell, "姓名：赵六".to_owned())]
    );
    assert_eq!(read(4, 2), []);

    // Without images, none of a cell's either.
    let options = SpeechOptions {
        include_images: false,
        ..SpeechOptions::default()
    };
    let plan = speech_plan(&doc, &options);
    assert!(plan.iter().all(|c| c.kind != ChunkKind::Image), "{plan:#?}");
    assert!(plan.iter().any(|c| c.text == "姓名：张三"));
}

#[test]
fn a_metadata_row_reads_its_image_by_the_alternative_text() {
    // Metadata holds no images: a 二维码 in a metadata table is its
    // alternative text there, as the row's text line says it.
    let doc = parse(
        "<div class=TRS_Editor><table>
         <tr><td>索引号：</td><td>001/2024-0001</td><td>发布机构：</td><td>某某局</td></tr>
         <tr><td>发布日期：</td><td>2024-01-02</td><td>扫一扫：</td><td><img src='/qr.png' alt='本页二维码'></td></tr>
         </table><p>今年以来，工作有序推进，成效明显。</p></div>",
    );
    let meta: Vec<(&str, &str)> = doc
        .meta
        .iter()
        .map(|m| (m.label.as_str(), m.value.as_str()))
        .collect();
    assert_eq!(
        meta,
        [
            ("索引号", "001/2024-0001"),
            ("发布机构", "某某局"),
            ("发布日期", "2024-01-02"),
            ("扫一扫", "本页二维码")
        ]
    );
    assert!(
        !serde_json::to_string(&doc.body).unwrap().contains("qr.png"),
        "{:#?}",
        doc.body
    );
}
