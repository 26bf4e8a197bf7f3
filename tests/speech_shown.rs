//! What the view shows in place of the document's own text, and what it
//! leaves out, the speech plan reads alike: a 标题 field that repeats the
//! title, a template's empty values (0000-00-00), the line that stands
//! where no body was found.

mod speech_support;

use speech_support::{plan, reference, texts};
use yilan::speech::{speech_plan, ChunkKind, Plan, SpeechOptions};

/// A 标题 field that only repeats the title (spaces aside) is neither shown
/// nor read; the other fields keep their ids, and every chunk's target is in
/// the view.
#[test]
fn a_field_that_repeats_the_title_is_neither_shown_nor_read() {
    let ids_in = |html: &str| -> Vec<String> {
        html.split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect()
    };
    let options = SpeechOptions {
        include_meta: true,
        ..SpeechOptions::default()
    };
    let doc = yilan::parse_text(
        "关于做好防汛工作的通知\n索引号：001/2024-00012\n标题：关于做好 防汛工作的通知\n\
         发布日期：2024-06-05\n各乡镇人民政府：\n现将有关事项通知如下。\n",
    );
    let labels: Vec<&str> = doc.meta.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["索引号", "标题", "发布日期"], "the model keeps it");
    assert!(doc.repeats_title(&doc.meta[1]));
    assert!(!doc.repeats_title(&doc.meta[0]));
    let html = yilan::render(&doc, &yilan::RenderOptions::default());
    assert!(!html.contains("<dt>标题</dt>"), "{html}");
    assert!(html.contains("<dt>索引号</dt>") && html.contains("<dt>发布日期</dt>"));
    let ids = ids_in(&html);
    for index in [0, 2] {
        assert!(ids.contains(&yilan::ids::meta_id(index)), "{index}");
    }
    assert!(!ids.contains(&yilan::ids::meta_id(1)));
    let chunks = speech_plan(&doc, &options);
    assert!(chunks.iter().all(|c| !c.display.starts_with("标题")));
    assert!(chunks.iter().any(|c| c.display == "索引号：001/2024-00012"));
    for c in &chunks {
        assert!(ids.contains(&c.target), "{} is not in the view", c.target);
    }
    // A different 标题 is shown; one alone that repeats the title leaves no
    // metadata block at all.
    let doc = yilan::parse_text(
        "关于做好防汛工作的通知\n标题：关于做好抗旱工作的通知\n现将有关事项通知如下。\n",
    );
    assert!(!doc.repeats_title(&doc.meta[0]));
    let doc = yilan::parse_text(
        "关于做好防汛工作的通知\n标题：关于做好防汛工作的通知\n现将有关事项通知如下。\n",
    );
    let html = yilan::render(&doc, &yilan::RenderOptions::default());
    assert!(!html.contains("yl-meta"), "{html}");
    let chunks = speech_plan(&doc, &options);
    assert!(chunks.iter().all(|c| ids_in(&html).contains(&c.target)));
}

/// What a CMS's template prints where nothing was filled in (废止时间：
/// 0000-00-00, 文号：〔〕号) is shown as empty and not read; the model keeps
/// it; a real date and a number that is only zeros are kept as they are.
#[test]
fn a_zero_date_or_an_empty_number_frame_is_shown_empty_and_not_read() {
    let options = SpeechOptions {
        include_meta: true,
        ..SpeechOptions::default()
    };
    let doc = yilan::parse_text(
        "关于做好防汛工作的通知\n索引号：000014349/2014-777577\n成文日期：2014-07-16\n\
         废止时间：0000-00-00\n生效日期：0000年00月00日\n文号：0\n发文字号：〔 〕号\n\
         各乡镇人民政府：\n现将有关事项通知如下。\n",
    );
    let fields: Vec<(&str, &str, bool)> = doc
        .meta
        .iter()
        .map(|m| (m.label.as_str(), m.value.as_str(), m.is_blank()))
        .collect();
    assert_eq!(
        fields,
        [
            ("索引号", "000014349/2014-777577", false),
            ("成文日期", "2014-07-16", false),
            ("废止时间", "0000-00-00", true),
            ("生效日期", "0000年00月00日", true),
            ("文号", "0", false),
            ("发文字号", "〔 〕号", true),
        ],
        "the model keeps the values"
    );
    let html = yilan::render(&doc, &yilan::RenderOptions::default());
    assert!(
        !html.contains("0000-00-00") && !html.contains("0000年"),
        "{html}"
    );
    assert_eq!(html.matches("<dd class=\"yl-empty\">").count(), 3, "{html}");
    let said: Vec<String> = speech_plan(&doc, &options)
        .into_iter()
        .map(|c| c.display)
        .collect();
    assert!(
        said.iter()
            .all(|d| !d.contains("0000-") && !d.contains("0000年")),
        "{said:?}"
    );
    assert!(said.iter().any(|d| d == "成文日期：2014-07-16"), "{said:?}");
    assert!(said.iter().any(|d| d == "文号：0"), "{said:?}");
    assert!(said.iter().all(|d| !d.starts_with("发文字号")), "{said:?}");
}

/// A document with no body (a saved page whose text a script loads): after
/// the title and the details the plan reads the line the view shows in the
/// body's place, in the document's language, targeting that line, so the
/// listener hears why the reading ends there. Not when the body is left
/// out, nor when there is a body.
#[test]
fn a_document_with_no_body_reads_the_line_that_says_so() {
    let text = "关于某某事项的通知\n索引号：000014348/2020-35147\n发布机构：某某市教育局\n";
    let doc = yilan::parse_text(text);
    assert!(doc.body.is_empty(), "{:#?}", doc.body);
    let chunks = plan(&doc);
    let last = chunks.last().expect("the title at least");
    assert_eq!(
        (last.target.as_str(), last.kind, last.text.as_str()),
        (
            "yl-no-body",
            ChunkKind::Paragraph,
            "本页未找到可以显示的正文。"
        )
    );
    assert_eq!(chunks.first().map(|c| c.kind), Some(ChunkKind::Title));
    // Its target is the line of the view, and 指读 of that line reads it.
    let html = yilan::render(&doc, &yilan::RenderOptions::default());
    assert!(
        html.contains("<p class=\"yl-no-body\" id=\"yl-no-body\">"),
        "{html}"
    );
    let whole = Plan::new(&doc, &SpeechOptions::default());
    assert_eq!(
        texts(whole.of("yl-no-body")),
        ["本页未找到可以显示的正文。"]
    );
    // With the view's own id prefix, on both sides.
    let prefixed = speech_plan(
        &doc,
        &SpeechOptions {
            id_prefix: Some("news-".to_owned()),
            ..SpeechOptions::default()
        },
    );
    assert_eq!(
        prefixed.last().map(|c| c.target.as_str()),
        Some("news-no-body")
    );
    let html = yilan::render(
        &doc,
        &yilan::RenderOptions {
            id_prefix: Some("news-".to_owned()),
            ..yilan::RenderOptions::default()
        },
    );
    assert!(html.contains(" id=\"news-no-body\">"), "{html}");
    // A document in Traditional characters hears it in them.
    let mut traditional = doc.clone();
    traditional.lang = "zh-TW".to_owned();
    assert_eq!(
        plan(&traditional).last().map(|c| c.text.as_str()),
        Some("本頁未找到可以顯示的正文。")
    );
    // The body left out: nothing in its place.
    let no_body = SpeechOptions {
        include_body: false,
        ..SpeechOptions::default()
    };
    assert!(speech_plan(&doc, &no_body)
        .iter()
        .all(|c| c.target != "yl-no-body"));
    // A document with a body never reads it.
    assert!(plan(&reference()).iter().all(|c| c.target != "yl-no-body"));
}
