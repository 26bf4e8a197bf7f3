//! Pathological input through every stage (parse, render, speech): deep
//! nesting, a 10 MB line, 100,000 metadata lines, 100,000 nested numbering
//! markers, a document 10,000 sections deep, an object of a million keys, and
//! the size limits. Each must finish without overflowing the stack and give
//! a correct result; speed is measured in benchmarks, never asserted here.

mod common;
use common::markup_check;

use yilan::model::{Block, Document, MetaKey, Paragraph, Section};
use yilan::parse::json::{parse_json_with, ParseJsonOptions, MAX_NESTING};
use yilan::parse::text::DEFAULT_MAX_BYTES;
use yilan::{
    parse_json, parse_text, parse_text_with, render, speech_plan, DiagnosticCode, ErrorCode,
    RenderOptions, SpeechOptions, TextOptions,
};

const DEPTH: usize = 100_000;

fn assert_too_deep(input: &str) {
    let error = parse_json(input).unwrap_err();
    assert_eq!(error.code, ErrorCode::TooLarge, "{error}");
    assert!(
        error.message.starts_with(&format!(
            "nested more than {MAX_NESTING} levels deep at line 1"
        )),
        "{error}"
    );
}

#[test]
fn model_json_nested_a_hundred_thousand_deep_is_a_clean_error() {
    // Arrays inside the body, objects inside a block, and what a document
    // 100,000 sections deep would look like.
    let arrays = format!(
        r#"{{"version": 1, "body": {}{}}}"#,
        "[".repeat(DEPTH),
        "]".repeat(DEPTH)
    );
    assert_too_deep(&arrays);
    let objects = format!(
        r#"{{"version": 1, "title": {}1{}}}"#,
        r#"{"a": "#.repeat(DEPTH),
        "}".repeat(DEPTH)
    );
    assert_too_deep(&objects);
    let open = r#"{"type": "section", "level": 1, "marker": "", "heading": "h", "blocks": ["#;
    let sections = format!(
        r#"{{"version": 1, "body": [{}{}]}}"#,
        open.repeat(DEPTH),
        "]}".repeat(DEPTH)
    );
    assert_too_deep(&sections);
    // Unclosed, as a truncated upload would be: still the nesting error,
    // found before the missing end.
    assert_too_deep(&"[".repeat(DEPTH));
}

#[test]
fn model_json_over_the_size_limit_is_refused_before_reading() {
    let doc = r#"{"version": 1, "title": "通知"}"#;
    let options = ParseJsonOptions { max_bytes: 10 };
    let error = parse_json_with(doc, &options).unwrap_err();
    assert_eq!(error.code, ErrorCode::TooLarge);
    assert_eq!(
        error.message,
        format!(
            "model JSON is {} bytes, more than the limit of 10 bytes",
            doc.len()
        )
    );
    // Not JSON at all, but over the limit: the size is what is reported.
    let error = parse_json_with(&"x".repeat(11), &options).unwrap_err();
    assert_eq!(error.code, ErrorCode::TooLarge);
}

/// Every marker kind of the numbering tables, outermost first; each line
/// is one level deeper than the one before, then the ladder starts again.
const LADDER: &[&str] = &[
    "第一部分",
    "第一章",
    "第一节",
    "一、",
    "（一）",
    "1.",
    "（1）",
    "①",
];

#[test]
fn a_hundred_thousand_nested_numbering_markers() {
    let mut input = String::from("关于深度嵌套的通知\n");
    for n in 0..DEPTH {
        input.push_str(LADDER[n % LADDER.len()]);
        input.push_str(&format!("第{n}项建设任务\n"));
    }
    let doc = parse_text(&input);
    common::check_levels(&doc).unwrap();
    // Nothing is lost: every line's text is somewhere in the document.
    let (_, body) = common::model_text(&doc);
    assert_eq!(body.matches("项建设任务").count(), DEPTH);
    for n in [0, 1, 7, 8, 50_000, DEPTH - 1] {
        assert!(body.contains(&format!("第{n}项建设任务")), "line {n}");
    }
    let html = render(&doc, &RenderOptions::default());
    markup_check::check(&html).unwrap();
}

#[test]
fn decimal_numbering_two_thousand_levels_deep() {
    // 1 → 1.1 → 1.1.1 → …: 4 MB of text, each line one level deeper.
    let mut input = String::from("关于深度嵌套的通知\n");
    let mut number = String::from("1");
    for _ in 0..2_000 {
        input.push_str(&number);
        input.push_str(" 建设任务\n");
        number.push_str(".1");
    }
    let doc = parse_text(&input);
    common::check_levels(&doc).unwrap();
    let (_, body) = common::model_text(&doc);
    assert_eq!(body.matches("建设任务").count(), 2_000);
    markup_check::check(&render(&doc, &RenderOptions::default())).unwrap();
}

#[test]
fn a_metadata_block_repeated_twenty_thousand_times() {
    let block = "索引号：11370829/2024-00123\n文号：齐政办发〔2019〕29号\n发布日期：2024-01-02\n\
                 来源：县政府办公室\n成文日期：2024-01-01\n";
    let mut input = String::from("关于印发通知的通知\n");
    input.push_str(&block.repeat(DEPTH / 5));
    input.push_str("一、总则\n正文。\n");
    let doc = parse_text(&input);
    // Each field once; the repeats are reported once.
    let keys: Vec<MetaKey> = doc.meta.iter().map(|m| m.key).collect();
    assert_eq!(
        keys,
        [
            MetaKey::IndexNo,
            MetaKey::DocNo,
            MetaKey::Published,
            MetaKey::Source,
            MetaKey::Written
        ]
    );
    let duplicates: Vec<Option<u32>> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::DuplicateMeta)
        .map(|d| d.line)
        .collect();
    assert_eq!(duplicates, [Some(7)], "the first repeat, once");
    let (_, body) = common::model_text(&doc);
    assert_eq!(body, "一、总则正文。");
    markup_check::check(&render(&doc, &RenderOptions::default())).unwrap();
}

#[test]
fn a_ten_megabyte_line_renders_and_is_planned_for_speech() {
    let sentence = "今年以来，全镇经济社会发展稳中有进。";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let doc = parse_text(&line);
    let html = render(&doc, &RenderOptions::default());
    markup_check::check(&html).unwrap();
    assert!(html.contains(&line), "the paragraph is written whole");
    let chunks = speech_plan(&doc, &SpeechOptions::default());
    // One chunk per sentence, each cut once at its comma (60 characters
    // allow a whole sentence: see the speech tests for the cutting rules).
    let sentences = line.len() / sentence.len();
    assert!(chunks.len() >= sentences, "{} < {sentences}", chunks.len());
    assert!(chunks.iter().all(|c| c.target == "yl-p1"));
}

#[test]
fn a_megabyte_table_row() {
    let row = "甲 | ".repeat(1024 * 1024 / "甲 | ".len());
    let doc = parse_text(&row);
    let Some(Block::Table(table)) = doc.body.first() else {
        panic!(
            "a table: {:?}",
            doc.body.first().map(std::mem::discriminant)
        );
    };
    let cells: usize = table.rows.iter().map(|r| r.cells.len()).sum();
    assert_eq!(cells, row.matches('甲').count());
    markup_check::check(&render(&doc, &RenderOptions::default())).unwrap();
}

/// A document built in code, `depth` sections deep, one paragraph inside
/// the deepest.
fn nested_sections(depth: usize) -> Document {
    let mut block = Block::Paragraph(Paragraph::plain("最深处。"));
    for n in (0..depth).rev() {
        block = Block::Section(Section {
            level: u8::try_from(n % 4 + 1).unwrap(),
            marker: String::new(),
            heading: format!("第{n}层"),
            run_in: false,
            blocks: vec![block],
        });
    }
    Document {
        title: Some("深层".to_owned()),
        body: vec![block],
        ..Document::default()
    }
}

/// Takes a deep document apart level by level: the derived drop of nested
/// `Vec`s recurses once per level, which would make the test's own cleanup
/// the deepest recursion in it.
fn dismantle(doc: Document) {
    let mut blocks = doc.body;
    while let Some(Block::Section(section)) = blocks.pop() {
        blocks = section.blocks;
    }
}

#[test]
fn a_document_a_hundred_thousand_sections_deep_is_walked_and_validated() {
    let doc = nested_sections(DEPTH);
    let mut visited = 0;
    let mut deepest = 0;
    yilan::ids::walk(&doc, |path, _| {
        visited += 1;
        deepest = deepest.max(path.len());
    });
    assert_eq!((visited, deepest), (DEPTH + 1, DEPTH + 1));
    // Levels repeat 1..4 down the chain, so validation fails at the fifth.
    let error = yilan::parse::json::validate(&doc).unwrap_err();
    assert_eq!(error.code, ErrorCode::Value);
    assert_eq!(
        error.path,
        "body[0].blocks[0].blocks[0].blocks[0].blocks[0].level"
    );
    dismantle(doc);
}

#[test]
fn a_document_ten_thousand_sections_deep_is_rendered_and_read() {
    // Ids name the path from the body down (yl-s1-1-1-…), so the output
    // grows with the square of the depth: 10,000 levels write some 300 MB
    // of ids. Validated documents nest five blocks deep at most; this
    // depth only proves that rendering and planning do not recurse.
    const SECTIONS: usize = 10_000;
    let doc = nested_sections(SECTIONS);
    let html = render(&doc, &RenderOptions::default());
    assert_eq!(html.matches("<section ").count(), SECTIONS);
    assert_eq!(html.matches("</section>").count(), SECTIONS);
    assert!(html.contains(">最深处。</p>"));
    drop(html);
    let chunks = speech_plan(&doc, &SpeechOptions::default());
    // The title, each heading, the paragraph.
    assert_eq!(chunks.len(), 1 + SECTIONS + 1);
    assert_eq!(chunks.last().map(|c| c.text.as_str()), Some("最深处。"));
    dismantle(doc);
}

#[test]
fn a_document_a_thousand_sections_deep_renders_well_formed() {
    let doc = nested_sections(1_000);
    markup_check::check(&render(&doc, &RenderOptions::default())).unwrap();
    dismantle(doc);
}

#[test]
fn text_beyond_the_limit_is_cut_at_a_line_and_says_so() {
    let input = "关于印发通知的通知\n一、总则\n正文第一段。\n二、附则\n正文第二段。\n";
    let limit = input.find("二、").unwrap() + 2;
    let doc = parse_text_with(input, &TextOptions { max_bytes: limit });
    let first = &doc.diagnostics[0];
    assert_eq!(first.code, DiagnosticCode::Truncated);
    assert_eq!(first.line, Some(4), "the first line not read");
    assert!(first
        .message
        .contains(&format!("more than the limit of {limit}")));
    // The document is what the lines before the cut give.
    let cut = &input[..input.find("二、").unwrap()];
    let mut expected = parse_text(cut);
    expected.diagnostics.insert(0, first.clone());
    assert_eq!(doc, expected);
    let (_, body) = common::model_text(&doc);
    assert_eq!(body, "一、总则正文第一段。");
    // At the limit exactly, nothing is cut.
    let whole = parse_text_with(
        input,
        &TextOptions {
            max_bytes: input.len(),
        },
    );
    assert_eq!(whole, parse_text(input));
}

#[test]
fn the_default_limit_is_sixteen_mebibytes() {
    assert_eq!(TextOptions::default().max_bytes, DEFAULT_MAX_BYTES);
    assert_eq!(DEFAULT_MAX_BYTES, 16 * 1024 * 1024);
    assert_eq!(
        ParseJsonOptions::default().max_bytes,
        yilan::parse::json::DEFAULT_MAX_BYTES
    );
}

#[test]
fn a_line_longer_than_the_limit_is_cut_at_a_character() {
    let doc = parse_text_with("一二三四五六七八九十", &TextOptions { max_bytes: 10 });
    assert_eq!(doc.diagnostics[0].code, DiagnosticCode::Truncated);
    assert_eq!(doc.diagnostics[0].line, Some(1));
    let (head, body) = common::model_text(&doc);
    assert_eq!(format!("{head}{body}"), "一二三");
    // A zero limit reads nothing, and says so.
    let doc = parse_text_with("一、总则", &TextOptions { max_bytes: 0 });
    assert_eq!(doc.diagnostics[0].code, DiagnosticCode::Truncated);
    assert!(doc.body.is_empty());
}

#[test]
fn model_json_with_a_million_keys_in_one_object_is_read_in_one_pass() {
    // Checking each key against the ones before would take hours here.
    let mut json = String::from(r#"{"version": 1, "#);
    for n in 0..1_000_000 {
        json.push_str(&format!(r#""k{n}": 0, "#));
    }
    json.push_str(r#""k7": 1, "title": "题"}"#);
    let error = parse_json(&json).unwrap_err();
    assert_eq!(error.code, ErrorCode::Shape, "{error}");
    // The first unknown key in the text.
    assert_eq!(error.path, "k0");
}
