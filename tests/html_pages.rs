//! Facts of the real fixture pages, stated one by one (the corpus files hold
//! the whole documents): metadata layouts, tables with spans, images, and
//! nothing of the page chrome.
#![cfg(feature = "html")]

mod common;

use std::fs;
use std::path::Path;

use yilan::model::{Block, Document, MetaKey};
use yilan::parse::html::{content_text, native};
use yilan::{parse_html, HtmlOptions};

use common::all_blocks;

fn page(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
    fs::read_to_string(dir.join(name)).unwrap()
}

fn parse(name: &str) -> Document {
    parse_html(&page(name), &HtmlOptions::default())
}

#[test]
fn govcn_metadata_table() {
    let doc = parse("01-govcn-zhengce-guofa-2018-43.html");
    let title = "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定";
    assert_eq!(doc.title.as_deref(), Some(title));
    let field = |k| doc.meta_value(k).unwrap();
    assert_eq!(field(MetaKey::IndexNo), "000014349/2018-00222");
    assert_eq!(field(MetaKey::Topic), "卫生、体育\\医药管理");
    assert_eq!(field(MetaKey::Title), title);
    let label = doc.meta.iter().find(|m| m.key == MetaKey::Title).unwrap();
    assert_eq!(label.label, "标题", "标　　题 with its ideographic spaces");
    assert_eq!(field(MetaKey::DocNo), "国发〔2018〕43号");
    assert_eq!(field(MetaKey::Keywords), "");
    assert!(matches!(doc.body.last(), Some(Block::Note(n)) if n.text == "（此件公开发布）"));
    assert!(all_blocks(&doc)
        .iter()
        .any(|b| matches!(b, Block::Signature(s) if s.organisations == ["国务院"])));
}

#[test]
fn handan_labels_in_strong_and_commented_out_fields() {
    let doc = parse("04-handan-xxgk-detail-saved.jsp.html");
    let labels: Vec<&str> = doc.meta.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "索引号",
            "发布机构",
            "名称",
            "文号",
            "主题分类",
            "发布日期",
            "来源"
        ]
    );
    for gone in ["主题词", "成文日期", "有效期"] {
        assert!(
            !labels.contains(&gone),
            "{gone} is commented out in the page"
        );
    }
    assert_eq!(doc.meta_value(MetaKey::DocNo), Some("无"));
    // The page has no body: a diagnostic, not an error, and no chrome.
    let codes: Vec<String> = doc
        .diagnostics
        .iter()
        .map(|d| format!("{:?}", d.code))
        .collect();
    assert_eq!(codes, ["NoContent", "NoBody"]);
    let json = serde_json::to_string(&doc).unwrap();
    for chrome in [
        "网站首页",
        "冀ICP备",
        "Created by IntelliJ",
        "allow_copy",
        "网站标识码",
    ] {
        assert!(!json.contains(chrome), "{chrome}");
    }
}

#[test]
fn hanweb_article() {
    let doc = parse("07-zj-jyt-tuwen-hanweb-article.html");
    assert_eq!(
        doc.title.as_deref(),
        Some("全省教育系统师德师风建设专题培训班举办")
    );
    let labels: Vec<&str> = doc.breadcrumb.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["首页", "政府信息公开", "工作动态", "图文报道"]);
    assert_eq!(
        doc.breadcrumb[1].href.as_deref(),
        Some("/col/col1532802/index.html")
    );
    let number = doc.meta.iter().find(|m| m.label == "文件编号").unwrap();
    assert_eq!(number.value, "");
    let images: Vec<_> = all_blocks(&doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Image(i) => Some(i),
            _ => None,
        })
        .collect();
    assert_eq!(images.len(), 4);
    // Their alt text is their file's name (正文1.jpg…): no text at all.
    assert!(images.iter().all(|i| i.alt.is_empty()), "{images:?}");
    let json = serde_json::to_string(&doc).unwrap();
    for chrome in [
        "字体",
        "分享",
        "doZoom",
        "old_type",
        "gettitle",
        "ChangeColor",
    ] {
        assert!(!json.contains(chrome), "{chrome}");
    }
}

#[test]
fn word_tables_keep_their_spans_and_header() {
    let doc = parse("03-govcn-zhengce-sanji-yiyuan-long-tables.html");
    let tables: Vec<_> = all_blocks(&doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert!(t.rows[0].header);
    assert_eq!(t.rows[0].cells[0].text, "一级指标");
    assert!(t.rows.iter().skip(1).all(|r| !r.header));
    let first = &t.rows[1].cells[0];
    assert_eq!((first.text.as_str(), first.rowspan), ("一、医疗质量", 24));
    assert_eq!(t.rows[1].cells[1].rowspan, 7);
    // Rows under a rowspan have fewer cells.
    assert_eq!(t.rows[2].cells.len(), 3);
    // Every rowspan of the page's 16 is kept (its one colspan is in the
    // metadata table).
    let spans = t
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| c.rowspan > 1)
        .count();
    assert_eq!(spans, 16);
}

#[test]
fn no_qr_code_print_buttons_or_banners() {
    for name in [
        "01-govcn-zhengce-guofa-2018-43.html",
        "02-govcn-zhengce-xiaofang-haopai-fujian.html",
        "03-govcn-zhengce-sanji-yiyuan-long-tables.html",
    ] {
        let doc = parse(name);
        let json = serde_json::to_string(&doc).unwrap();
        for chrome in [
            "扫一扫",
            "sendmail.gif",
            "save.gif",
            "close.gif",
            "de_bannerS",
            "Canvas",
        ] {
            assert!(!json.contains(chrome), "{name}: {chrome}");
        }
    }
}

/// Nothing lost: every piece of the content root's text is in the
/// document's text (layout characters aside), in order.
#[test]
fn the_content_text_is_all_in_the_document() {
    for name in [
        "01-govcn-zhengce-guofa-2018-43.html",
        "02-govcn-zhengce-xiaofang-haopai-fujian.html",
        "03-govcn-zhengce-sanji-yiyuan-long-tables.html",
        "07-zj-jyt-tuwen-hanweb-article.html",
    ] {
        let html = page(name);
        let (events, _) = native::events(&html);
        let content = content_text(events).expect("a content root");
        let doc = parse_html(&html, &HtmlOptions::default());
        let (head, body) = common::model_text(&doc);
        let all = head + &body;
        let mut cursor = 0;
        for piece in content
            .split(' ')
            .map(common::norm)
            .filter(|p| !p.is_empty())
        {
            match all[cursor..].find(&piece) {
                Some(at) => cursor += at + piece.len(),
                None => panic!("{name}: lost or out of order: {piece}"),
            }
        }
    }
}
