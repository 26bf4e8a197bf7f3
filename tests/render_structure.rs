//! Structure checks on rendered views, read back with a real HTML parser:
//! one h1, heading ranks never skip, ids unique, every section and landmark
//! labelled by an element that exists, every block carries its stable id.

mod common;

use std::collections::{HashMap, HashSet};

use scraper::{ElementRef, Html, Selector};
use yilan::ids;
use yilan::model::{Block, Document};
use yilan::render::{render, RenderOptions};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn all_documents() -> Vec<(String, Document)> {
    let mut docs = vec![("reference".to_owned(), common::reference_document())];
    for (name, doc) in common::small_documents() {
        docs.push((name.to_owned(), doc));
    }
    docs.push(("empty".to_owned(), Document::default()));
    docs
}

fn heading_rank(el: &ElementRef) -> Option<usize> {
    match el.value().name() {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn check_structure(name: &str, doc: &Document, html: &str) {
    let dom = Html::parse_fragment(html);
    let elements: Vec<ElementRef> = dom
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .collect();

    let h1: Vec<_> = dom.select(&sel("h1")).collect();
    assert_eq!(h1.len(), 1, "{name}: exactly one h1");
    assert_eq!(h1[0].value().id(), Some(ids::TITLE), "{name}");

    let ranks: Vec<usize> = elements.iter().filter_map(heading_rank).collect();
    assert_eq!(ranks.first(), Some(&1), "{name}: the h1 comes first");
    for pair in ranks.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "{name}: heading rank jumps from h{} to h{}",
            pair[0],
            pair[1]
        );
    }

    let mut seen = HashSet::new();
    for el in &elements {
        if let Some(id) = el.value().id() {
            assert!(seen.insert(id.to_owned()), "{name}: duplicate id {id}");
            assert!(
                id.starts_with(ids::PREFIX),
                "{name}: id {id} lacks the prefix"
            );
        }
    }
    let by_id: HashMap<&str, &ElementRef> = elements
        .iter()
        .filter_map(|el| el.value().id().map(|id| (id, el)))
        .collect();

    for el in &elements {
        if let Some(targets) = el.value().attr("aria-labelledby") {
            for target in targets.split_whitespace() {
                let label = by_id
                    .get(target)
                    .unwrap_or_else(|| panic!("{name}: aria-labelledby {target} points nowhere"));
                let text: String = label.text().collect();
                assert!(!text.trim().is_empty(), "{name}: label {target} is empty");
            }
        }
    }
    for section in dom.select(&sel("section.yl-section")) {
        // A body section opens with its heading and is not named: no
        // region landmark per section (the headings give the outline).
        let first_child = section.children().find_map(ElementRef::wrap).unwrap();
        assert!(
            heading_rank(&first_child).is_some(),
            "{name}: section {:?} does not open with its heading",
            section.value().id()
        );
        assert_eq!(
            first_child.value().id(),
            section.value().id().map(|id| format!("{id}-h")).as_deref(),
            "{name}: the heading is the section's own"
        );
        assert!(
            section.value().attr("aria-labelledby").is_none()
                && section.value().attr("aria-label").is_none(),
            "{name}: a named section is a region landmark"
        );
    }
    for nav in dom.select(&sel("nav")) {
        let v = nav.value();
        assert!(
            v.attr("aria-label").is_some() || v.attr("aria-labelledby").is_some(),
            "{name}: unlabelled nav"
        );
    }
    for table in dom.select(&sel("table")) {
        assert!(
            table.select(&sel("caption")).next().is_some(),
            "{name}: table without caption"
        );
        for th in table.select(&sel("th")) {
            let scope = th.value().attr("scope").unwrap_or("");
            assert!(["col", "row"].contains(&scope), "{name}: th without scope");
        }
    }
    for region in dom.select(&sel(".yl-table")) {
        assert_eq!(region.value().attr("tabindex"), Some("0"), "{name}");
        assert_eq!(region.value().attr("role"), Some("region"), "{name}");
    }
    for img in dom.select(&sel("img")) {
        assert!(img.value().attr("alt").is_some(), "{name}: img without alt");
    }
    for button in dom.select(&sel("button")) {
        assert_eq!(button.value().attr("type"), Some("button"), "{name}");
        assert!(button.value().attr("data-action").is_some(), "{name}");
        assert!(
            !button.text().collect::<String>().trim().is_empty(),
            "{name}"
        );
    }

    // Every block and list item carries the id the speech plan and the
    // outline use for it.
    ids::walk(doc, |path, block| {
        let id = ids::block_id(path, block);
        let el = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{name}: no element with id {id}"));
        match block {
            Block::Section(section) => {
                assert_eq!(el.value().name(), "section", "{name} {id}");
                let heading = by_id[ids::heading_id(&id).as_str()];
                let text: String = heading.text().collect();
                assert!(
                    text.starts_with(&section.marker),
                    "{name}: the marker {:?} opens heading {text:?}",
                    section.marker
                );
            }
            Block::Paragraph(p) => {
                assert_eq!(el.value().name(), "p", "{name} {id}");
                assert_eq!(el.text().collect::<String>(), p.text, "{name} {id}");
            }
            Block::List(list) => {
                for (n, item) in list.items.iter().enumerate() {
                    let li = by_id[ids::item_id(&id, n).as_str()];
                    let want = format!(
                        "{}{}{}",
                        item.marker,
                        item.lead.as_deref().unwrap_or(""),
                        item.text
                    );
                    assert_eq!(li.text().collect::<String>(), want, "{name} {id}");
                }
            }
            _ => {}
        }
    });
}

#[test]
fn every_document_has_a_sound_structure() {
    for (name, doc) in all_documents() {
        for options in common::render_option_sets() {
            check_structure(&name, &doc, &render(&doc, &options));
        }
    }
}

#[test]
fn lead_and_marker_are_bold_and_visible() {
    let html = render(&common::reference_document(), &RenderOptions::default());
    let dom = Html::parse_fragment(&html);
    let leads: Vec<String> = dom
        .select(&sel("ol.yl-list > li > strong.yl-lead"))
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(leads.len(), 12, "three items in each of four sections");
    assert_eq!(leads[0], "一是筑牢工业发展硬支撑。");
    assert_eq!(leads[11], "三是全方位保障公共安全。");
    let run_in: Vec<String> = dom
        .select(&sel("section.yl-run-in > h3"))
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(run_in.len(), 9);
    assert_eq!(run_in[0], "(一)重点项目加速推进。");
}

#[test]
fn a_marker_that_ends_in_a_word_or_number_is_set_apart_from_its_heading() {
    let text = "关于某某事项的通知\n\n第一章　总则\n第一条　为了规范管理，制定本办法。\n\
                第二章　附则\n一、适用范围\n（一）基本要求\n\
                本办法自发布之日起施行。\n\n某某市人民政府\n2024年1月1日\n\n\
                附件1\n某某名单\n张三\n";
    let html = render(&yilan::parse_text(text), &RenderOptions::default());
    let dom = Html::parse_fragment(&html);
    let markers: Vec<(String, bool)> = dom
        .select(&sel(".yl-section > :is(h2, h3, h4, h5, h6) > .yl-marker"))
        .map(|el| {
            let gap = el.value().classes().any(|c| c == "yl-gap");
            (el.text().collect(), gap)
        })
        .collect();
    let expected = [
        ("第一章", true),
        ("第一条", true),
        ("第二章", true),
        ("一、", false),
        ("（一）", false),
        ("附件1", true),
    ];
    let expected: Vec<(String, bool)> = expected.iter().map(|&(m, g)| (m.to_owned(), g)).collect();
    assert_eq!(markers, expected, "{html}");
    // The text stays as written: nothing is inserted between them.
    assert!(html.contains("<span class=\"yl-marker yl-gap\">第一章</span>总则</h"));
}

#[test]
fn a_heading_that_is_only_a_number_leads_its_text() {
    // 第一条 and 第二条 are numbers only, each with its article's text after
    // it; 第三条 has a list first; 第一章 and 一、 have headings of their own.
    let text = "关于某某事项的通知\n\n第一章　总则\n第一条　为了规范管理，制定本办法。\n\
                第二条　本办法适用于本市。\n第三条\n1.统一标准；\n2.加强监督。\n\
                一、适用范围\n各单位参照执行。\n\n某某市人民政府\n2024年1月1日\n";
    let html = render(&yilan::parse_text(text), &RenderOptions::default());
    let dom = Html::parse_fragment(&html);
    let leads: Vec<String> = dom
        .select(&sel("section.yl-leads > :first-child"))
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(leads, ["第一条", "第二条"], "{html}");
    // The heading stays a heading, before its text.
    let next: Vec<String> = dom
        .select(&sel("section.yl-leads > :is(h2, h3, h4, h5, h6) + p"))
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(next, ["为了规范管理，制定本办法。", "本办法适用于本市。"]);
    let third = dom
        .select(&sel("section"))
        .find(|el| {
            el.text()
                .collect::<String>()
                .trim_start()
                .starts_with("第三条")
        })
        .unwrap();
    assert!(third.value().classes().all(|c| c != "yl-leads"), "{html}");
}

#[test]
fn a_list_of_short_items_is_set_close_a_list_of_sentences_is_not() {
    let text = "关于公布某某名单的通知\n现将名单公布如下。\n特此通知。\n\n某某县人民政府\n2024年1月1日\n\n\
                附件1\n某某示范村名单\n1.上盘村\n2.下盘村\n3.东岙村\n";
    let lists = |html: &str| -> Vec<String> {
        Html::parse_fragment(html)
            .select(&sel("ol, ul"))
            .filter_map(|el| el.value().attr("class").map(str::to_owned))
            .filter(|class| class.contains("yl-list"))
            .collect()
    };
    let html = render(&yilan::parse_text(text), &RenderOptions::default());
    assert_eq!(lists(&html), ["yl-list yl-short"], "{html}");
    // The reference document's 一是/二是 items are sentences.
    let html = render(&common::reference_document(), &RenderOptions::default());
    let classes = lists(&html);
    assert_eq!(classes.len(), 4);
    assert!(classes.iter().all(|c| c == "yl-list"), "{classes:?}");
}

#[test]
fn reference_metadata_keeps_labels_and_marks_empty_values() {
    let html = render(&common::reference_document(), &RenderOptions::default());
    let dom = Html::parse_fragment(&html);
    let labels: Vec<String> = dom
        .select(&sel("dl dt"))
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(
        labels,
        [
            "索引号",
            "公开方式",
            "文号",
            "成文日期",
            "发布单位",
            "日期",
            "来源",
            "浏览次数"
        ]
    );
    let empty: Vec<String> = dom
        .select(&sel("dd.yl-empty"))
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(empty, ["—未填写", "—未填写"]);
    for dd in dom.select(&sel("dd.yl-empty")) {
        let dash = dd.select(&sel("[aria-hidden=true]")).next().unwrap();
        assert_eq!(dash.text().collect::<String>(), "—");
    }
    let crumbs: Vec<String> = dom
        .select(&sel("nav[aria-label=当前位置] ol > li"))
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(crumbs.len(), 7);
}

#[test]
fn deep_nesting_never_skips_a_rank_and_does_not_recurse() {
    let mut block = common::para("最深处。");
    for depth in (1..=300u32).rev() {
        block = common::section(
            u8::try_from(depth.min(255)).unwrap(),
            "",
            &format!("第{depth}层"),
            false,
            vec![block],
        );
    }
    let doc = Document {
        title: Some("深层".to_owned()),
        body: vec![block],
        ..Document::default()
    };
    let html = render(&doc, &RenderOptions::default());
    assert_eq!(html.matches("<section ").count(), 300);
    assert_eq!(html.matches("</section>").count(), 300);
    assert!(html.contains("<h6 id=\"yl-s1-1-1-1-1-h\">第5层</h6>"));
    assert!(html.contains("<h5 id=\"yl-s1-1-1-1-h\">第4层</h5>"));
}

#[test]
fn cells_a_body_row_begins_with_that_span_rows_are_its_row_headers() {
    use yilan::model::{Table, TableCell, TableRow};
    let cell = |text: &str, rowspan: u32| TableCell {
        rowspan,
        ..TableCell::plain(text)
    };
    let row = |header: bool, cells: Vec<TableCell>| TableRow { header, cells };
    let table = Table {
        caption: Some("指标".into()),
        rows: vec![
            row(
                true,
                vec![cell("一级", 1), cell("二级", 1), cell("三级", 1)],
            ),
            row(
                false,
                vec![
                    cell("一、医疗质量", 3),
                    cell("（一）功能定位", 2),
                    cell("门诊人次", 1),
                ],
            ),
            row(false, vec![cell("下转人次", 1)]),
            row(false, vec![cell("（二）质量安全", 1), cell("并发症", 1)]),
            // Not a category: an empty spanning cell, and a row that is
            // all spanning cells.
            row(false, vec![cell("", 2), cell("甲", 1), cell("乙", 1)]),
            row(false, vec![cell("丙", 2), cell("丁", 2)]),
        ],
    };
    let doc = Document {
        title: Some("指标表".into()),
        body: vec![Block::Table(table)],
        ..Document::default()
    };
    let html = render(&doc, &RenderOptions::default());
    let page = Html::parse_fragment(&html);
    let rows: Vec<Vec<String>> = page
        .select(&sel("tbody tr"))
        .map(|tr| {
            tr.select(&sel("td, th"))
                .map(|c| {
                    let scope = c.value().attr("scope").unwrap_or("-");
                    format!("{} {}", c.value().name(), scope)
                })
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            vec!["th row", "th row", "td -"],
            vec!["td -"],
            vec!["td -", "td -"],
            vec!["td -", "td -", "td -"],
            vec!["td -", "td -"],
        ]
    );
}

#[test]
fn a_document_with_no_body_says_so_where_the_body_would_be() {
    // A saved page whose text is loaded by script: the details, no body.
    let doc = yilan::parse_text(
        "关于某某事项的通知\n索引号：000014348/2020-35147\n发布机构：某某市教育局\n",
    );
    assert!(doc.body.is_empty(), "{:#?}", doc.body);
    let notes = |html: &str| -> Vec<String> {
        Html::parse_fragment(html)
            .select(&sel(".yl-body > p.yl-no-body"))
            .map(|el| el.text().collect())
            .collect()
    };
    let html = render(&doc, &RenderOptions::default());
    assert_eq!(notes(&html), ["本页未找到可以显示的正文。"], "{html}");
    // In the view's language, marked as such inside a document in another.
    let english = RenderOptions {
        locale: yilan::render::Locale::En,
        ..RenderOptions::default()
    };
    let html = render(&doc, &english);
    assert_eq!(notes(&html), ["No body text was found on this page."]);
    assert!(
        html.contains("<p class=\"yl-no-body\" id=\"yl-no-body\"><span lang=\"en\">No body"),
        "{html}"
    );
    // A document with a body has no such line.
    let html = render(&common::reference_document(), &RenderOptions::default());
    assert!(notes(&html).is_empty());
}
