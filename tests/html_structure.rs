//! What the HTML front end keeps that page text loses, on small pages:
//! header cells and spans, emphasis and links, attachment links with their
//! type, images with alt text, hidden elements left out, `<base href>`,
//! the density heuristic and the title fallbacks.
#![cfg(feature = "html")]

mod common;

use common::{all_blocks, parse_article as parse, ARTICLE_BODY};
use yilan::model::{Block, Document};

#[test]
fn tables_with_header_cells_and_spans() {
    let doc = parse(
        "<div id=zoom><p>今年以来，工作有序推进。</p><table>
         <tr><th>项目</th><th colspan=2>金额（万元）</th></tr>
         <tr><td rowspan=2>道路</td><td>100</td><td>200</td></tr>
         <tr><td>300</td><td><a href='../../x.xls'>明细</a></td></tr></table></div>",
    );
    let Some(Block::Table(t)) = all_blocks(&doc)
        .into_iter()
        .find(|b| matches!(b, Block::Table(_)))
    else {
        panic!("{:#?}", doc.body);
    };
    assert!(t.rows[0].header);
    assert_eq!(t.rows[0].cells[1].colspan, 2);
    assert_eq!(t.rows[1].cells[0].rowspan, 2);
    assert!(!t.rows[1].header);
    let link = &t.rows[2].cells[1].inlines[0];
    assert_eq!(
        link.href.as_deref(),
        Some("https://www.example.gov.cn/art/2024/x.xls")
    );
}

#[test]
fn emphasis_links_attachments_and_images() {
    let doc = parse(
        "<div class=TRS_Editor><p>请<strong>认真</strong>执行，<em>详见</em><a href='/f/list.pdf'>名单</a>。</p>
         <p>附件：<a href='/f/表.xlsx'>1.汇总表</a></p>
         <p><img src='/i/a.png' alt='现场照片'></p></div>",
    );
    let Block::Paragraph(p) = &doc.body[0] else {
        panic!("{:#?}", doc.body)
    };
    assert_eq!(p.text, "请认真执行，详见名单。");
    let joined: String = p.inlines.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(joined, p.text);
    assert!(p.inlines.iter().any(|i| i.strong && i.text == "认真"));
    assert!(p.inlines.iter().any(|i| i.em && i.text == "详见"));
    assert!(p
        .inlines
        .iter()
        .any(|i| i.href.as_deref() == Some("https://www.example.gov.cn/f/list.pdf")));
    let Block::Attachments(a) = &doc.body[1] else {
        panic!("{:#?}", doc.body)
    };
    assert_eq!(a.items[0].file_type.as_deref(), Some("xlsx"));
    assert_eq!(a.items[0].marker, "1.");
    let Block::Image(img) = &doc.body[2] else {
        panic!("{:#?}", doc.body)
    };
    assert_eq!(
        (img.src.as_str(), img.alt.as_str()),
        ("https://www.example.gov.cn/i/a.png", "现场照片")
    );
}

#[test]
fn hidden_elements_and_chrome_are_left_out() {
    let doc = parse(
        "<div id=zoom><p>今年以来，工作有序推进。<span style='display: NONE'>隐藏一</span>\
         <span hidden>隐藏二</span><i class=icon aria-hidden=true>隐藏三</i>\
         <span style='visibility:hidden'>隐藏四</span></p>\
         <div class=bdsharebuttonbox><a>微信</a><a>微博</a></div><nav>栏目导航</nav>\
         <script>document.write('脚本')</script><noscript>无脚本</noscript></div>",
    );
    let json = serde_json::to_string(&doc).unwrap();
    for gone in ["隐藏", "微信", "栏目导航", "脚本"] {
        assert!(!json.contains(gone), "{gone}: {json}");
    }
    assert!(json.contains("今年以来"));
}

#[test]
fn base_href_and_unsafe_targets() {
    let doc = parse(
        "<head><base href='/root/'></head><div id=zoom><p>见<a href='a.pdf'>文件</a>，\
         <a href=' JAVA&#x0A;SCRIPT:alert(1)'>点此</a>，<a href='data:text/html,x'>这里</a>。</p></div>",
    );
    let Block::Paragraph(p) = &doc.body[0] else {
        panic!("{:#?}", doc.body)
    };
    let hrefs: Vec<&str> = p.inlines.iter().filter_map(|i| i.href.as_deref()).collect();
    assert_eq!(hrefs, ["https://www.example.gov.cn/root/a.pdf"]);
}

#[test]
fn an_unknown_page_by_density_with_its_title_from_the_title_element() {
    let doc = parse(
        "<html><head><title>关于做好防汛工作的通知_某某县人民政府</title></head><body>
         <div class=top><a href=/>首页</a> <a href=/a>新闻</a> <a href=/b>公开</a></div>
         <div class=wenzhang><p>各乡镇人民政府：</p><p>入汛以来，我县降雨偏多，各地要压实责任，做好防汛准备，确保安全度汛。</p>
         <p>特此通知。</p></div><div class=foot>版权所有：某某县人民政府</div></body></html>",
    );
    assert_eq!(doc.title.as_deref(), Some("关于做好防汛工作的通知"));
    let json = serde_json::to_string(&doc.body).unwrap();
    assert!(json.contains("入汛以来"));
    assert!(
        !json.contains("首页") && !json.contains("版权所有"),
        "{json}"
    );
    assert!(doc
        .diagnostics
        .iter()
        .all(|d| format!("{:?}", d.code) != "NoContent"));
}

#[test]
fn a_page_without_content_is_a_document_with_a_diagnostic() {
    let doc = parse("<html><body><ul><li><a href=/>首页</a></li></ul></body></html>");
    assert!(doc.body.is_empty());
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| format!("{:?}", d.code) == "NoContent"));
}

/// The text of the document's paragraphs, in order.
fn paragraphs(doc: &Document) -> Vec<String> {
    all_blocks(doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text),
            _ => None,
        })
        .collect()
}

#[test]
fn a_notice_too_short_for_the_density_heuristic_keeps_its_text() {
    // No container holds 20 chars of its own: before, only the title was
    // read and the notice's one line was lost.
    let short = "<h1>关于开展工作的通知</h1><p>各单位：现将有关事项通知如下。</p>";
    let with_main = parse(&format!("<body><main>{short}</main></body>"));
    assert_eq!(with_main.title.as_deref(), Some("关于开展工作的通知"));
    assert_eq!(paragraphs(&with_main), ["各单位：现将有关事项通知如下。"]);
    assert!(
        with_main.diagnostics.is_empty(),
        "<main> is the content root: {:?}",
        with_main.diagnostics
    );
    // Without <main>, a page this small is read whole (its navigation
    // line left out by the text rules), and says no content root was found.
    let bare = parse(&format!(
        "<body><div class=nav><a href='/'>首页</a> <a href='/x'>政务公开</a></div>{short}</body>"
    ));
    assert_eq!(bare.title.as_deref(), Some("关于开展工作的通知"));
    assert_eq!(paragraphs(&bare), ["各单位：现将有关事项通知如下。"]);
    assert!(bare
        .diagnostics
        .iter()
        .any(|d| d.code == yilan::DiagnosticCode::NoContent));
}

#[test]
fn a_long_page_without_a_content_root_is_not_read_as_body() {
    // Navigation only (the article came from a script): the menus must not
    // become the body.
    let menu: String = (0..40)
        .map(|n| format!("<li><a href='/c{n}'>栏目名称{n}</a></li>"))
        .collect();
    let doc = parse(&format!(
        "<body><ul>{menu}</ul><h1>关于开展工作的通知</h1></body>"
    ));
    assert_eq!(doc.title.as_deref(), Some("关于开展工作的通知"));
    assert!(doc.body.is_empty(), "{:#?}", doc.body);
}

#[test]
fn a_tables_own_caption_is_its_caption_and_its_text_is_kept() {
    let doc = parse(&format!(
        "<html><head><title>关于某事的通知_某某市人民政府</title></head><body><div id=zoom><h1>关于某事的通知</h1>{ARTICLE_BODY}\
         <table><caption> 2023年 预算执行情况 </caption><tr><th>项目</th><th>金额</th></tr><tr><td>道路</td><td>100</td></tr></table>\
         <p>以上情况，特此说明。</p></div></body></html>"
    ));
    let Some(Block::Table(t)) = all_blocks(&doc)
        .into_iter()
        .find(|b| matches!(b, Block::Table(_)))
    else {
        panic!("{:#?}", doc.body);
    };
    assert_eq!(t.caption.as_deref(), Some("2023年 预算执行情况"));
    assert_eq!(t.rows.len(), 2);
    assert_eq!(
        format!("{:?}", doc.body).matches("预算执行情况").count(),
        1,
        "not a paragraph as well"
    );
}

/// The body's text in order: paragraphs, headings and table cells.
fn reading(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    yilan::ids::walk(doc, |_, block| match block {
        Block::Paragraph(p) => out.push(p.text.clone()),
        Block::Section(s) => out.push(s.heading.clone()),
        Block::Table(t) => out.extend(
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.text.clone())),
        ),
        _ => {}
    });
    out
}

#[test]
fn an_article_split_over_sibling_containers_is_read_whole() {
    // Each paragraph in a <div> of its own, as some editors write them:
    // the one with the most text was read, and the others lost.
    let doc = parse(
        "<html><body><div><p>第一段：县政府召开常务会议，研究部署春耕生产工作。</p></div>\
         <div><p>第二段：会议强调，要切实抓好春耕备耕，确保粮食生产稳定，落实各项惠农政策，做好农资供应保障工作。</p></div>\
         <div><p>第三段：会议还研究了其他事项。</p></div></body></html>",
    );
    assert_eq!(
        reading(&doc).iter().map(|t| &t[..9]).collect::<Vec<_>>(),
        ["第一段", "第二段", "第三段"]
    );
    // A table with one long cell: the cell alone was read.
    let doc = parse(
        "<html><body><div class=x><p>现将2024年重点项目建设情况公示如下。</p><table>\
         <tr><td>项目名称</td><td>建设内容</td></tr>\
         <tr><td>城区道路</td><td>新建城区主干道路三条，总长约十二公里，配套建设排水、照明、绿化等附属设施。</td></tr>\
         <tr><td>河道整治</td><td>清淤5公里。</td></tr></table><p>公示期5天。</p></div></body></html>",
    );
    let read = reading(&doc);
    assert_eq!(
        read.first().map(String::as_str),
        Some("现将2024年重点项目建设情况公示如下。")
    );
    assert!(read.iter().any(|t| t == "河道整治"), "{read:?}");
    assert_eq!(read.last().map(String::as_str), Some("公示期5天。"));
    // A Word export in div.WordSection1/2/3 (a landscape table between).
    let doc = parse(
        "<html><body><div class=main><div class=WordSection1><p>一、总体要求</p>\
         <p>坚持以人民为中心，全面推进各项工作，确保取得实效。</p></div>\
         <div class=WordSection2><table><tr><th>任务</th><th>责任单位</th></tr><tr><td>道路建设</td><td>县交通局</td></tr></table></div>\
         <div class=WordSection3><p>二、保障措施</p><p>各单位要加强组织领导，明确责任分工，确保各项任务落到实处。</p></div></div></body></html>",
    );
    let read = reading(&doc);
    assert_eq!(read[0], "总体要求");
    assert!(read.contains(&"县交通局".to_owned()), "{read:?}");
    assert!(read.contains(&"保障措施".to_owned()), "{read:?}");
}

#[test]
fn list_items_keep_their_links_and_emphasis() {
    let doc = parse(
        "<div class=TRS_Editor><p>一、办理流程</p>\
         <p>1.申请人下载<a href='/f/sqb.doc'>申请表</a>并如实填写，按要求签字确认后提交。</p>\
         <p>2.提交<b>材料</b>至窗口办理，工作人员当场审核，符合条件的予以受理。</p>\
         <ul><li><a href='/f/zc.pdf'>相关政策文件</a></li><li>其他说明</li></ul></div>",
    );
    let items: Vec<yilan::model::ListItem> = all_blocks(&doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::List(l) => Some(l.items),
            _ => None,
        })
        .flatten()
        .collect();
    let links: Vec<&str> = items
        .iter()
        .flat_map(|item| item.inlines.iter().filter_map(|i| i.href.as_deref()))
        .collect();
    assert_eq!(
        links,
        [
            "https://www.example.gov.cn/f/sqb.doc",
            "https://www.example.gov.cn/f/zc.pdf"
        ]
    );
    assert!(items[1]
        .inlines
        .iter()
        .any(|i| i.strong && i.text == "材料"));
    // The runs are the item's text, as a paragraph's are.
    for item in &items {
        if !item.inlines.is_empty() {
            let joined: String = item.inlines.iter().map(|i| i.text.as_str()).collect();
            assert_eq!(joined, item.text);
        }
    }
}

#[test]
fn an_aside_or_a_footer_inside_the_article_is_the_documents_own() {
    let doc = parse(
        "<html><body><nav><a href='/'>首页</a></nav><article><h1>关于做好防汛工作的通知</h1>\
         <p>各单位：请认真做好防汛准备工作，确保安全度汛。</p>\
         <aside><p>注：本通知自发布之日起施行。</p></aside>\
         <footer><p>某某县人民政府办公室</p><p>2024年3月1日</p></footer></article>\
         <footer><p>主办单位：某某县人民政府</p></footer></body></html>",
    );
    let json = serde_json::to_string(&doc.body).unwrap();
    assert!(json.contains("注：本通知自发布之日起施行。"), "{json}");
    let Some(Block::Signature(sign)) = doc.body.last() else {
        panic!("{json}")
    };
    assert_eq!(sign.date.as_deref(), Some("2024年3月1日"));
    // The page's own footer, outside the article, is still left out.
    assert!(!json.contains("主办单位"), "{json}");
}

#[test]
fn an_ordered_list_keeps_its_numbers_as_list_items() {
    // The browser numbers an <ol>'s items; they were plain paragraphs.
    let doc = parse(
        "<div class=TRS_Editor><p>办理须知如下，请仔细阅读。</p>\
         <ol><li>携带身份证原件。</li><li>填写<a href='/f/sqb.doc'>申请表</a>。</li><li>3.到窗口提交材料。</li></ol></div>",
    );
    let Some(Block::List(list)) = doc.body.get(1) else {
        panic!("{:#?}", doc.body)
    };
    assert!(list.ordered);
    let items: Vec<(&str, &str)> = list
        .items
        .iter()
        .map(|i| (i.marker.as_str(), i.text.as_str()))
        .collect();
    // An item with a number of its own keeps it (no "3.3.").
    assert_eq!(
        items,
        [
            ("1.", "携带身份证原件。"),
            ("2.", "填写申请表。"),
            ("3.", "到窗口提交材料。")
        ]
    );
    assert!(list.items[1].inlines.iter().any(|i| i.href.is_some()));
}

#[test]
fn an_ordered_list_counts_from_its_start() {
    // A list continued after a paragraph: the browser shows 3. and 4.
    let doc = parse(
        "<div class=TRS_Editor><p>办理须知如下，请仔细阅读。</p>\
         <ol start=' 3'><li>携带身份证原件。</li><li>到窗口提交材料。</li></ol>\
         <p>另有说明如下，请一并阅读。</p><ol start=x><li>现场领取。</li></ol></div>",
    );
    let markers: Vec<Vec<&str>> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::List(list) => Some(list.items.iter().map(|i| i.marker.as_str()).collect()),
            _ => None,
        })
        .collect();
    // A start that is no number counts from 1, as the browser does.
    assert_eq!(markers, [vec!["3.", "4."], vec!["1."]], "{:#?}", doc.body);
}

/// The paragraphs' links, as (text, target).
fn links(doc: &Document) -> Vec<(String, String)> {
    all_blocks(doc)
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.inlines.clone()),
            _ => None,
        })
        .flatten()
        .filter_map(|i| Some((i.text, i.href?)))
        .collect()
}

#[test]
fn a_document_the_page_shows_in_a_frame_is_a_link_to_it() {
    // Portals show a notice's PDF in an <iframe> (often pdf.js's viewer) or
    // an <embed>: it was skipped, and the reader had no way to it.
    let doc = parse(
        "<div class=TRS_Editor><p>现将有关事项公告如下，请认真阅读。</p>\
         <iframe src='/files/fangan.pdf' title=' 实施方案全文 '>您的浏览器不支持</iframe>\
         <embed src='/files/%E9%99%84%E8%A1%A8.xlsx#page=1' type='application/vnd.ms-excel'>\
         <iframe src='/pdfjs/web/viewer.html?file=..%2F..%2Fupload%2Fgg.pdf&amp;zoom=auto'></iframe>\
         <object data='/files/b.pdf' type='application/pdf'><a href='/files/b.pdf'>下载公告文件</a></object>\
         <object data='/files/c.pdf' type='application/pdf'></object>\
         <iframe src='https://player.example.com/video/1'></iframe><iframe src='javascript:alert(1)//a.pdf'></iframe>\
         <p>特此公告。</p></div>",
    );
    let site = "https://www.example.gov.cn";
    assert_eq!(
        links(&doc),
        [
            (
                "实施方案全文".to_owned(),
                format!("{site}/files/fangan.pdf")
            ),
            (
                "附表.xlsx".to_owned(),
                format!("{site}/files/%E9%99%84%E8%A1%A8.xlsx#page=1")
            ),
            // The viewer's file, resolved against the viewer's address.
            ("gg.pdf".to_owned(), format!("{site}/upload/gg.pdf")),
            // An <object>'s fallback content is read instead of its data.
            ("下载公告文件".to_owned(), format!("{site}/files/b.pdf")),
            ("c.pdf".to_owned(), format!("{site}/files/c.pdf")),
        ],
        "{:#?}",
        doc.body
    );
    // An <iframe>'s text is its fallback markup, never the page's.
    let json = serde_json::to_string(&doc).unwrap();
    assert!(
        !json.contains("不支持") && !json.contains("javascript"),
        "{json}"
    );
}

#[test]
fn superscript_and_subscript_digits_keep_their_place() {
    let doc = parse(
        "<div class=TRS_Editor><p>新建厂房3000m<sup>2</sup>，年减少SO<sub>2</sub>排放12吨，\
         投资10<sup>-3</sup>亿元<sup>[1]</sup>，共计<sup> 3 </sup>项。</p></div>",
    );
    let Some(Block::Paragraph(p)) = doc.body.first() else {
        panic!("{:#?}", doc.body)
    };
    // A footnote's mark is no number: it stays as written.
    assert_eq!(
        p.text,
        "新建厂房3000m²，年减少SO₂排放12吨，投资10⁻³亿元[1]，共计³项。"
    );
}

#[test]
fn a_number_in_a_paragraph_of_its_own_heads_the_next() {
    // A Word export puts a heading's number in a paragraph of its own.
    let doc = parse(
        "<div class=TRS_Editor><p>为切实做好今年防汛工作，现将有关事项通知如下。</p>\
         <p><b>一、</b></p><p><b>提高思想认识</b></p><p>各地要充分认识防汛工作的重要性，加强组织领导。</p>\
         <p>二、</p><p>落实<a href='/f/fa.pdf'>工作责任</a></p><p>各地要层层落实责任，确保各项措施落到实处。</p></div>",
    );
    let sections: Vec<(&str, &str, usize)> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some((s.marker.as_str(), s.heading.as_str(), s.blocks.len())),
            _ => None,
        })
        .collect();
    assert_eq!(
        sections,
        [("一、", "提高思想认识", 1), ("二、", "落实工作责任", 1)],
        "{:#?}",
        doc.body
    );
}

#[test]
fn a_metadata_table_above_the_content_keeps_its_values() {
    // One row of label and value cells was read as layout, a line per
    // cell: the labels lost their values. With no colons, the table was
    // not read at all.
    let fields = |table: &str| {
        let doc = parse(&format!(
            "<html><head><title>关于做好防汛工作的通知_某县人民政府</title></head><body>{table}\
             <div class=TRS_Editor><h1>关于做好防汛工作的通知</h1>{ARTICLE_BODY}</div></body></html>"
        ));
        doc.meta
            .iter()
            .map(|m| (m.label.clone(), m.value.clone()))
            .collect::<Vec<_>>()
    };
    let pair = |l: &str, v: &str| (l.to_owned(), v.to_owned());
    let want = [pair("索引号", "001/2024-1"), pair("发布日期", "2024-01-02")];
    for table in [
        "<table><tr><td>索引号：</td><td>001/2024-1</td><td>发布日期：</td><td>2024-01-02</td></tr></table>",
        "<table><tr><th>索引号</th><td>001/2024-1</td><th>发布日期</th><td>2024-01-02</td></tr></table>",
        "<table><tr><td>索 引 号</td><td>001/2024-1</td></tr><tr><td>发布日期</td><td>2024-01-02</td></tr></table>",
    ] {
        assert_eq!(fields(table), want, "{table}");
    }
    // A table of one label is no metadata: a duty roster above an article
    // stays out.
    let roster = "<table><tr><th>日期</th><th>带班领导</th></tr><tr><td>6月1日</td><td>张三</td></tr></table>";
    assert_eq!(fields(roster), Vec::<(String, String)>::new());
}
