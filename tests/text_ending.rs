//! The end of a document, one small page each: the signature, the
//! closing formula, attachment notes and attachments printed in full.

mod common;

use common::{headings, kinds};
use yilan::model::Block;
use yilan::{parse_text, DiagnosticCode};

#[test]
fn signatures_as_pages_type_them() {
    let last = |doc: &yilan::Document| match doc.body.last() {
        Some(Block::Signature(s)) => Some((s.organisations.clone(), s.date.clone())),
        _ => None,
    };
    let head = "关于某事的通知\n各单位：\n现将有关事项通知如下。\n一、总体要求\n坚持稳中求进。\n";
    for (ending, orgs, date) in [
        (
            "临海市人民政府\n二○二四年二月一日",
            &["临海市人民政府"][..],
            "二○二四年二月一日",
        ),
        (
            "临海市人民政府\n二O二四年二月一日",
            &["临海市人民政府"],
            "二O二四年二月一日",
        ),
        (
            "临海市人民政府\n２０２４年２月１日",
            &["临海市人民政府"],
            "２０２４年２月１日",
        ),
        (
            "临海市人民政府\n2024-02-01",
            &["临海市人民政府"],
            "2024-02-01",
        ),
        ("临海市人民政府\n2024.2.1", &["临海市人民政府"], "2024.2.1"),
        (
            "临海市人民政府 2024年2月1日",
            &["临海市人民政府"],
            "2024年2月1日",
        ),
        (
            "中共临海市委办公室\n临海市人民政府办公室　　2024年2月1日",
            &["中共临海市委办公室", "临海市人民政府办公室"],
            "2024年2月1日",
        ),
    ] {
        let doc = parse_text(&format!("{head}{ending}\n"));
        let orgs: Vec<String> = orgs.iter().map(|o| o.to_string()).collect();
        assert_eq!(last(&doc), Some((orgs, Some(date.to_owned()))), "{ending}");
    }
    // A sentence with a date at its end, and a date with no organisation
    // above it, stay text.
    for ending in ["会议定于 2024年2月1日", "截至目前 2024-02-01"] {
        let doc = parse_text(&format!("{head}{ending}\n"));
        assert_eq!(last(&doc), None, "{ending}");
    }
}

#[test]
fn the_closing_formula_and_attachments_belong_to_the_whole_document() {
    let page = "关于某事的通知\n各单位：\n现将有关事项通知如下。\n一、总体要求\n坚持稳中求进。\n\
                二、工作措施\n（一）加强领导。\n各单位要高度重视。\n特此通知。\n附件：1.某某办法\n2.某某名单\n\
                临海市人民政府\n2024年2月1日\n（此件公开发布）\n";
    // After the two sections, at the top: what follows the text.
    let after_sections = |doc: &yilan::Document| kinds(doc).split_off(4);
    let doc = parse_text(page);
    assert_eq!(
        kinds(&doc)[..4],
        ["addressee", "paragraph", "section", "section"]
    );
    assert_eq!(
        after_sections(&doc),
        ["paragraph", "attachments", "signature", "note"]
    );
    assert!(matches!(&doc.body[4], Block::Paragraph(p) if p.text == "特此通知。"));
    // Without a formula, attachments right above the signature.
    let doc = parse_text(&page.replace("特此通知。\n", ""));
    assert_eq!(after_sections(&doc), ["attachments", "signature", "note"]);
    // Attachments named inside a section, with more of it below, stay there.
    let doc = parse_text(
        "关于某事的通知\n一、申报材料\n附件：1.申请表\n2.承诺书\n材料一式两份。\n二、申报时间\n即日起。\n",
    );
    assert_eq!(kinds(&doc), ["section", "section"]);
}

#[test]
fn attachments_printed_after_the_signature_are_sections_of_their_own() {
    let page = "关于某事的通知\n各单位：\n一、总体要求\n坚持稳中求进。\n二、工作措施\n各单位要高度重视。\n\
                附件：1.某某办法\n2.某某名单\n临海市人民政府\n2024年2月1日\n\
                附件1\n某某办法\n一、总则\n为了规范管理，制定本办法。\n二、职责\n各部门负责。\n\
                附件 2：某某名单\n（一）第一组\n张三\n";
    let doc = parse_text(page);
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(m, h)| (m.to_string(), h.to_string()))
            .collect()
    };
    assert_eq!(
        headings(&doc),
        pairs(&[
            ("一、", "总体要求"),
            ("二、", "工作措施"),
            ("附件1", "某某办法"),
            ("附件2", "某某名单"),
        ])
    );
    // Each attachment's numbering starts again inside it: no gap reported.
    let Some(Block::Section(first)) = doc
        .body
        .iter()
        .find(|b| matches!(b, Block::Section(s) if s.marker == "附件1"))
    else {
        panic!("附件1");
    };
    let inner: Vec<&str> = first
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(s.marker.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(inner, ["一、", "二、"]);
    assert!(
        !doc.diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::OutlineGap),
        "{:?}",
        doc.diagnostics
    );
    // Before the signature, 附件1 is a line of the text.
    let doc = parse_text("关于某事的通知\n一、总体要求\n附件1\n坚持稳中求进。\n");
    assert_eq!(headings(&doc), pairs(&[("一、", "总体要求")]));
    // Two lists printed after the signature under 附件1 and 附件2: no table
    // of contents (附件 on page 1, printed again as 附件2).
    let doc = parse_text(
        "关于公布某某名单的通知\n各乡镇人民政府：\n现将名单公布如下。\n特此通知。\n\n\
         某某县人民政府\n2024年1月1日\n\n附件1\n某某示范村名单\n1.上盘村\n2.下盘村\n\
         3.东岙村\n附件2\n某某示范户名单\n1.张三户\n2.李四户\n",
    );
    assert!(
        !doc.body.iter().any(|b| matches!(b, Block::Contents(_))),
        "{:#?}",
        doc.body
    );
    assert_eq!(
        headings(&doc),
        pairs(&[("附件1", "某某示范村名单"), ("附件2", "某某示范户名单")])
    );
    // Their numbered lines, with nothing under any, are lists, not headings.
    let lists: Vec<Vec<String>> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(&s.blocks),
            _ => None,
        })
        .map(|blocks| match blocks.as_slice() {
            [Block::List(l)] if l.ordered => l
                .items
                .iter()
                .map(|i| format!("{}{}", i.marker, i.text))
                .collect(),
            other => panic!("{other:#?}"),
        })
        .collect();
    assert_eq!(
        lists,
        [
            vec!["1.上盘村", "2.下盘村", "3.东岙村"],
            vec!["1.张三户", "2.李四户"]
        ]
    );
    // Where one of them has text under it, they are headings.
    let doc = parse_text(
        "关于某事的通知\n现将有关事项通知如下。\n1.总体要求\n2.工作措施\n各单位要高度重视。\n",
    );
    assert_eq!(
        headings(&doc),
        pairs(&[("1.", "总体要求"), ("2.", "工作措施")])
    );
}

#[test]
fn attachment_notes_on_one_line_and_under_other_labels() {
    let items = |note: &str| -> (String, Vec<(String, String)>) {
        let doc = parse_text(&format!(
            "关于某事的通知\n现将有关事项通知如下。\n{note}\n临海市人民政府\n2024年2月1日\n"
        ));
        match doc.body.iter().find(|b| matches!(b, Block::Attachments(_))) {
            Some(Block::Attachments(a)) => (
                a.label.clone(),
                a.items
                    .iter()
                    .map(|i| (i.marker.clone(), i.name.clone()))
                    .collect(),
            ),
            _ => panic!("no attachments: {note}"),
        }
    };
    let owned = |label: &str, v: &[(&str, &str)]| {
        (
            label.to_owned(),
            v.iter()
                .map(|(m, n)| (m.to_string(), n.to_string()))
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        items("附件：1.某某办法 2.某某名单"),
        owned("附件", &[("1.", "某某办法"), ("2.", "某某名单")])
    );
    assert_eq!(
        items("附件：1.某某办法；2.某某名单；3.某某表。"),
        owned(
            "附件",
            &[("1.", "某某办法"), ("2.", "某某名单"), ("3.", "某某表")]
        )
    );
    assert_eq!(
        items("附件：（1）某某办法　（2）某某名单"),
        owned("附件", &[("（1）", "某某办法"), ("（2）", "某某名单")])
    );
    // A 2 inside a name does not split it.
    assert_eq!(
        items("附件：1.第2批名单 2.说明"),
        owned("附件", &[("1.", "第2批名单"), ("2.", "说明")])
    );
    assert_eq!(
        items("附件下载：某某办法.pdf"),
        owned("附件下载", &[("", "某某办法.pdf")])
    );
    assert_eq!(
        items("相关文件：某某办法.doc"),
        owned("相关文件", &[("", "某某办法.doc")])
    );
}
