//! The demo portal page (`www/index.html`) is the reference document's page:
//! parsed as HTML it gives the same title, breadcrumb, metadata and outline
//! as its page text does (`tests/expected/text/00-linhai-shangpan-full.json`),
//! and more: the breadcrumb's links.
#![cfg(feature = "html")]

use std::fs;
use std::path::Path;

use yilan::model::{Action, Document};
use yilan::{parse_html, HtmlOptions};

const PAGE: &str = "http://www.linhai.gov.cn/art/2024/2/1/art_1229316983_3915851.html";

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn html_doc() -> Document {
    let options = HtmlOptions {
        base_url: Some(PAGE.to_owned()),
    };
    parse_html(&read("www/index.html"), &options)
}

fn text_doc() -> Document {
    serde_json::from_str(&read("tests/expected/text/00-linhai-shangpan-full.json")).unwrap()
}

#[test]
fn same_title_metadata_and_outline_as_the_page_text() {
    let (html, text) = (html_doc(), text_doc());
    assert_eq!(
        html.title.as_deref(),
        Some("上盘镇2023年工作总结及2024年工作计划")
    );
    assert_eq!(html.title, text.title);
    assert_eq!(html.meta, text.meta);
    assert_eq!(html.body, text.body);
    assert_eq!(html.actions, vec![Action::Print, Action::Close]);
    assert!(html.diagnostics.is_empty(), "{:?}", html.diagnostics);
}

#[test]
fn the_breadcrumb_keeps_its_links() {
    let (html, text) = (html_doc(), text_doc());
    let labels: Vec<&str> = html.breadcrumb.iter().map(|c| c.label.as_str()).collect();
    let text_labels: Vec<&str> = text.breadcrumb.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels.len(), 7);
    assert_eq!(labels, text_labels);
    for crumb in &html.breadcrumb {
        // The demo's links all point at "#": resolved against the page.
        assert_eq!(
            crumb.href.as_deref(),
            Some(&*format!("{PAGE}#")),
            "{crumb:?}"
        );
    }
}

#[test]
fn none_of_the_page_chrome_is_in_the_model() {
    let json = serde_json::to_string(&html_doc()).unwrap();
    for chrome in [
        "进入老年模式",
        "无障碍浏览",
        "站内搜索",
        "请输入关键字",
        "新闻资讯",
        "主办单位",
        "浙ICP备",
        "字号",
        "欢迎访问",
    ] {
        assert!(!json.contains(chrome), "{chrome} reached the model");
    }
}
