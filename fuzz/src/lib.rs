//! The checks the fuzz targets run. Each target is one line: it turns the
//! fuzzer's bytes into input for one front end and hands the result to one
//! of these, so a new front end (page HTML) is a new target file and a line
//! in `Cargo.toml`.
//!
//! Every check panics on a violation, which is what libFuzzer reports as a
//! crash; a panic inside the library is reported the same way.

#[path = "../../tests/markup_check/mod.rs"]
pub mod markup_check;

use yilan::model::{Block, Document, MAX_LEVEL};
use yilan::parse::json::validate;
use yilan::render::{render, Locale, Mode, RenderOptions};
use yilan::speech::{speech_plan, SpeechOptions};

/// The fuzzer's bytes as text. Invalid UTF-8 becomes U+FFFD, as a browser
/// decoding the page would show it, so that no input is wasted.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// What every parsed document must satisfy: the same result twice, levels
/// within the model's range and deeper than their parent, the model's own
/// validation passes, and the model survives its JSON.
pub fn check_document(doc: &Document, again: &Document) {
    assert_eq!(doc, again, "parsing is deterministic");
    check_levels(doc);
    if let Err(error) = validate(doc) {
        panic!("a parsed document fails validation: {error}");
    }
    let json = serde_json::to_string(doc).expect("a document serialises");
    match yilan::parse_json(&json) {
        Ok(back) => assert_eq!(&back, doc, "the document survives its JSON"),
        Err(error) => panic!("the document's own JSON is refused: {error}"),
    }
}

/// Section levels: 1 to [`MAX_LEVEL`], each deeper than its parent.
pub fn check_levels(doc: &Document) {
    let mut stack: Vec<(&[Block], u8)> = vec![(&doc.body, 0)];
    while let Some((blocks, parent)) = stack.pop() {
        for block in blocks {
            if let Block::Section(s) = block {
                assert!(
                    (1..=MAX_LEVEL).contains(&s.level) && s.level > parent,
                    "section level {} under level {parent}",
                    s.level
                );
                stack.push((&s.blocks, s.level));
            }
        }
    }
}

/// Option sets to render with: the default, and elderly mode in English
/// with a high-contrast theme.
fn render_options() -> [RenderOptions; 2] {
    [
        RenderOptions::default(),
        RenderOptions {
            mode: Mode::Elderly,
            theme: "yellow-on-black".to_owned(),
            scale: 3.0,
            locale: Locale::En,
            ..RenderOptions::default()
        },
    ]
}

/// Renders `doc` and checks the HTML with the strict reader: the
/// renderer's own elements and attributes only, well-formed, no element the
/// HTML parser would move, unique ids, no script, no event handler, no
/// `javascript:` (or any other refused scheme) in `href` or `src`; and
/// html5ever must build the very same tree from it. Returns the default
/// rendering.
pub fn check_render(doc: &Document) -> String {
    let mut first = None;
    for options in render_options() {
        let html = render(doc, &options);
        assert!(!html.contains("<script"), "a script element");
        if let Err(problem) = markup_check::browser::same_tree(&html) {
            panic!("rendered HTML: {problem}");
        }
        assert_eq!(html, render(doc, &options), "rendering is deterministic");
        first.get_or_insert(html);
    }
    first.unwrap_or_default()
}

/// Plans speech for `doc` with the defaults and with everything included
/// and chunks of at most `max_chars`, and checks each plan: chunk indices
/// count up, no chunk is empty, and every chunk's target is an element of
/// the rendered view `html`.
pub fn check_speech(doc: &Document, html: &str, max_chars: usize) {
    let everything = SpeechOptions {
        include_meta: true,
        include_breadcrumb: true,
        include_contents: true,
        max_chars,
        ..SpeechOptions::default()
    };
    for options in [SpeechOptions::default(), everything] {
        let chunks = speech_plan(doc, &options);
        assert_eq!(
            chunks,
            speech_plan(doc, &options),
            "planning is deterministic"
        );
        for (n, chunk) in chunks.iter().enumerate() {
            assert_eq!(chunk.index as usize, n, "chunk indices count up");
            assert!(!chunk.text.trim().is_empty(), "chunk {n} is empty");
            let id = format!(" id=\"{}\"", chunk.target);
            assert!(
                html.contains(&id),
                "chunk {n} targets {:?}, not in the view",
                chunk.target
            );
        }
    }
}
