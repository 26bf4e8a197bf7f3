//! Images in page HTML: alternative text that is only a file name, images
//! without any kept in order, a lazily loaded image at its own address, and
//! a picture in a link of a page action (gov.cn's 收藏 打印 关闭) read as the
//! action, and the same actions as buttons and input buttons.
#![cfg(feature = "html")]

mod common;

use common::{all_blocks, parse_article as parse, ARTICLE_BODY};
use yilan::model::{Action, Block, Document};

/// The images at the top level of the body, in order.
fn top_images(doc: &Document) -> impl Iterator<Item = &yilan::model::Image> {
    doc.body.iter().filter_map(|b| match b {
        Block::Image(img) => Some(img),
        _ => None,
    })
}

#[test]
fn an_alt_that_is_only_a_file_name_is_no_alternative_text() {
    let doc = parse(
        "<div class=TRS_Editor><p>今年以来，工作有序推进。</p>
         <p><img src='/i/1.jpg' alt='正文1.jpg'></p>
         <p><img src='/i/2.png' alt=' 微信图片_20231201.PNG '></p>
         <p><img src='/i/3.png' alt='图3 示意图.png'></p>
         <p><img src='/i/4.png' alt='现场照片'></p>
         <table><tr><td>签章</td><td><img src='/i/s.gif' alt='IMG_0423.gif'></td></tr></table></div>",
    );
    let alts: Vec<&str> = top_images(&doc).map(|img| img.alt.as_str()).collect();
    // A name with a space in it may be a caption ("图3 示意图"): kept. (The
    // one-row table is a layout table: its image is one of the page's.)
    assert_eq!(alts, ["", "", "图3 示意图.png", "现场照片", ""]);
    let json = serde_json::to_string(&doc).unwrap();
    assert!(!json.contains("IMG_0423"), "{json}");
}

#[test]
fn images_with_no_alternative_text_are_kept_in_order_not_read_as_a_table_of_contents() {
    // A scanned notice: one image a page, none with alt text. Their empty
    // lines were once read as a printed 目录 whose entries repeat, and the
    // images after the first went into it, with the table below them.
    let doc = parse(
        "<div class=TRS_Editor><p>今年以来，工作有序推进。</p>
         <p><img src='/i/1.jpg'></p><p><img src='/i/2.jpg'></p><p><img src='/i/3.jpg' alt='附图'></p>
         <p><img src='/i/4.jpg' alt='现场照片'></p>
         <table><tr><td>签章</td><td><img src='/i/5.gif'></td></tr></table>
         <table><tr><th>项目</th><th>金额</th></tr><tr><td>道路</td><td>100</td></tr></table></div>",
    );
    let kinds: Vec<String> = doc
        .body
        .iter()
        .map(|b| match b {
            Block::Image(img) => format!("image {}", img.src.rsplit('/').next().unwrap_or("")),
            Block::Paragraph(_) => "paragraph".to_owned(),
            Block::Table(_) => "table".to_owned(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "image 1.jpg",
            "image 2.jpg",
            "image 3.jpg",
            "image 4.jpg",
            "paragraph",
            "image 5.gif",
            "table"
        ]
    );
}

#[test]
fn a_lazily_loaded_image_is_its_own_address_not_the_placeholder() {
    let doc = parse(
        "<div class=TRS_Editor><p>今年以来，工作有序推进，成效明显。</p>\
         <p><img src='/images/loading.gif' data-src='/uploads/p1.jpg' alt='现场照片'></p>\
         <p><img data-original='/uploads/p2.jpg'></p><p><img src='/uploads/p3.jpg'></p></div>",
    );
    let srcs: Vec<&str> = top_images(&doc).map(|img| img.src.as_str()).collect();
    assert_eq!(
        srcs,
        [
            "https://www.example.gov.cn/uploads/p1.jpg",
            "https://www.example.gov.cn/uploads/p2.jpg",
            "https://www.example.gov.cn/uploads/p3.jpg"
        ]
    );
}

#[test]
fn pictures_of_page_actions_are_the_actions() {
    // gov.cn's buttons: pictures with no alternative text in links whose
    // script prints, closes or bookmarks; one beside text of its own; and a
    // picture in a link of another script stays a picture.
    let doc = parse(&format!(
        "<div class=article><h1>关于印发某某办法的通知</h1><div id=zoom>{ARTICLE_BODY}<p><a href='#' onclick='showBig(1)'><img src='/i/photo.jpg' alt='现场照片'></a></p></div>
         <table><tr><td>
           <a href='#' onclick=\"javascript:window.external.AddFavorite(document.URL,document.title);return false\"><img src='/i/save.gif'></a>
           <a href='#' onclick='javascript:window.print()'><img src='/i/openpage.gif'></a>
           <a href='javascript:window.close()'><img src='/i/close.gif'>关闭窗口</a>
         </td></tr></table></div>"
    ));
    assert_eq!(
        doc.actions,
        [Action::Bookmark, Action::Print, Action::Close],
        "{:#?}",
        doc.body
    );
    let images: Vec<_> = all_blocks(&doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Image(img) => Some(img.src),
            _ => None,
        })
        .collect();
    assert_eq!(images, ["https://www.example.gov.cn/i/photo.jpg"]);
    let text = serde_json::to_string(&doc.body).unwrap();
    assert!(!text.contains("收藏") && !text.contains("打印"), "{text}");
}

/// The page's three actions, in order, none of `absent` in the document,
/// and the article's text kept.
fn assert_actions_and_no_controls(doc: &Document, absent: &[&str]) {
    assert_eq!(
        doc.actions,
        [Action::Bookmark, Action::Print, Action::Close],
        "{:#?}",
        doc.body
    );
    let json = serde_json::to_string(doc).unwrap();
    for word in absent {
        assert!(!json.contains(word), "{word}: {json}");
    }
    assert_eq!(doc.title.as_deref(), Some("关于印发某某办法的通知"));
    assert!(json.contains("现印发给你们，请认真贯彻执行。"), "{json}");
}

#[test]
fn buttons_of_page_actions_are_the_actions_and_other_buttons_no_text() {
    // The same actions as buttons: by their script (one a picture only),
    // or by their words alone; the page's other buttons (搜索, a share
    // menu's) are its controls, whose words are no text of the document.
    let doc = parse(&format!(
        "<div class=article><h1>关于印发某某办法的通知</h1>
         <form><input name=q><button type=submit>搜索本站</button></form>
         <div id=zoom>{ARTICLE_BODY}<p><button type=button onclick='toggleShare()'>分享到微信朋友圈</button></p></div>
         <div class=tools>
           <button type=button onclick=\"window.external.AddFavorite(location.href, document.title)\"><img src='/i/save.gif'></button>
           <button type=button onclick='window.print()'>【打印本页】</button>
           <button type=button onclick='doClose()'><span>关闭窗口</span></button>
         </div></div>"
    ));
    assert_actions_and_no_controls(&doc, &["搜索本站", "分享", "打印", "关闭", "save.gif"]);
}

#[test]
fn input_buttons_of_page_actions_are_the_actions_and_other_inputs_no_text() {
    // Older portals' 打印 关闭 are <input type=button>: read by their script,
    // their value, or (a picture button) their script alone; a search field,
    // its submit button and a button of another script are not text.
    let doc = parse(&format!(
        "<div class=article><h1>关于印发某某办法的通知</h1>
         <form><input name=q value='请输入关键字'><input type=submit value='搜索'></form>
         <div id=zoom>{ARTICLE_BODY}</div>
         <p align=center>
           <input type=image src='/i/fav.gif' onclick=\"window.external.AddFavorite(location.href, document.title)\">
           <input type=button value='打印本页' onclick='doPrint()'>
           <input type='BUTTON' value=' 关闭窗口 ' onclick='window.close()'>
           <input type=button value='返回列表' onclick='history.back()'>
         </p></div>"
    ));
    assert_actions_and_no_controls(
        &doc,
        &[
            "请输入关键字",
            "搜索",
            "打印",
            "关闭",
            "返回列表",
            "fav.gif",
        ],
    );
}
