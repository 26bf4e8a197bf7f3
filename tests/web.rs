//! The browser binding, run in Chromium by wasm-bindgen-test:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//!
//! The binding must give exactly what the native API gives: the same model
//! for the same input, the same error code and path for the same bad JSON.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const REFERENCE: &str = include_str!("fixtures/text/00-linhai-shangpan-full.txt");

/// `JSON.stringify` of a JS value.
fn stringify(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("stringify")
        .as_string()
        .expect("a string")
}

/// The model JSON a parse hands over (the package's entry makes its
/// document object of it).
fn text_of(value: &JsValue) -> String {
    value.as_string().expect("model JSON text")
}

/// A string property of a thrown error.
fn property(error: &JsValue, name: &str) -> Option<String> {
    Reflect::get(error, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
}

#[wasm_bindgen_test]
fn parse_text_gives_the_native_model() {
    let web = yilan::web::parse_text(&JsValue::from_str(REFERENCE)).expect("parseText");
    let native = serde_json::to_string(&yilan::parse_text(REFERENCE)).expect("to_string");
    assert_eq!(text_of(&web), native);
}

#[wasm_bindgen_test]
fn parse_json_accepts_text_and_objects_alike() {
    let text = r#"{"version":1,"title":"标题","breadcrumb":[{"label":"首页"}],
        "body":[{"type":"section","level":1,"marker":"一、","heading":"总体情况",
        "blocks":[{"type":"paragraph","text":"今年以来。"}]}],"actions":["print"]}"#;
    let from_text = yilan::web::parse_json(&JsValue::from_str(text)).expect("text");
    let object = JSON::parse(text).expect("JSON.parse");
    let from_object = yilan::web::parse_json(&object).expect("object");
    let native = serde_json::to_string(&yilan::parse_json(text).expect("native")).expect("json");
    assert_eq!(text_of(&from_text), native);
    assert_eq!(text_of(&from_object), native);
}

/// Model JSON that the native parser rejects (or should: which ones it
/// rejects is its own tests' business; here both sides must agree).
const BAD_JSON: &[&str] = &[
    r#"{"version":1,"title":null,"body":[{"type":"section","level":9,"marker":"","heading":"x","blocks":[]}]}"#,
    r#"{"version":1,"#,
    r#"{"version":1,"title":5}"#,
    r#"{"version":1,"title":null,"colour":"red"}"#,
    r#"{"version":1,"title":null,"body":[{"type":"video"}]}"#,
    r#"{"version":1,"title":null,"meta":[{"key":"indexNo","label":"索引号","value":"1","extra":0}]}"#,
    r#"{"version":2,"title":null}"#,
    r#"[]"#,
];

#[wasm_bindgen_test]
fn parse_json_agrees_with_the_native_parser() {
    let mut errors = 0;
    for input in BAD_JSON {
        let native = yilan::parse_json(input);
        let object = JSON::parse(input).ok();
        // From text, and from the parsed object where the text is JSON.
        let inputs = std::iter::once(JsValue::from_str(input)).chain(object);
        for value in inputs {
            match (&native, yilan::web::parse_json(&value)) {
                (Ok(doc), Ok(web)) => {
                    let native = serde_json::to_string(doc).expect("json");
                    assert_eq!(text_of(&web), native, "{input}");
                }
                (Err(native), Err(thrown)) => {
                    errors += 1;
                    assert!(
                        thrown.is_instance_of::<js_sys::Error>(),
                        "{input}: an Error"
                    );
                    assert_eq!(property(&thrown, "name").as_deref(), Some("YilanError"));
                    assert_eq!(
                        property(&thrown, "code").as_deref(),
                        Some(native.code.as_str()),
                        "{input}"
                    );
                    assert_eq!(
                        property(&thrown, "path"),
                        Some(native.path.clone()),
                        "{input}"
                    );
                    assert_eq!(property(&thrown, "message"), Some(native.to_string()));
                }
                (native, web) => panic!("{input}: native {native:?}, browser {web:?}"),
            }
        }
    }
    // At least the text that is not JSON fails, so the error path is tested.
    assert!(errors > 0);
}

/// Model errors with serde's paths and words and their codes, as the native
/// reader gives them (the wasm build reads model JSON with its own reader).
const MODEL_ERRORS: &[(&str, &str, &str, &str)] = &[
    (
        r#"{"version":1,"body":[{"type":"section","level":300,"marker":"一","heading":"h","blocks":[]}]}"#,
        "value",
        "body[0].level",
        "invalid value: integer `300`, expected an integer from 1 to 4",
    ),
    (
        r#"{"version":1,"body":[{"type":"paragraph","text":"a","inlines":[{"text":"a","bold":true}]}]}"#,
        "shape",
        "body[0].inlines[0].bold",
        "unknown field `bold`, expected one of `text`, `href`, `strong`, `em`",
    ),
    (
        r#"{"version":1,"body":[{"type":"table","rows":[{"cells":[{}]}]}]}"#,
        "shape",
        "body[0].rows[0].cells[0]",
        "missing field `text`",
    ),
    (
        r#"{"version":1,"meta":[{"key":"colour","label":"a","value":"b"}]}"#,
        "shape",
        "meta[0].key",
        "unknown variant `colour`, expected one of `indexNo`, `docNo`, `written`, `published`, `publisher`, `disclosure`, `topic`, `validity`, `source`, `views`, `expires`, `effective`, `keywords`, `title`, `summary`, `department`, `created`, `scope`, `review`, `author`, `other`",
    ),
    (
        r#"{"version":1,"actions":[7]}"#,
        "shape",
        "actions[0]",
        "invalid type: integer `7`, expected a string",
    ),
    (
        r#"{"version":1,"body":[{"type":"contents","entries":[{"level":1.5,"text":"t"}]}]}"#,
        "shape",
        "body[0].entries[0].level",
        "invalid type: floating point `1.5`, expected an integer from 1 to 255",
    ),
    (
        r#"{"version":1,"breadcrumb":[{"label":null}]}"#,
        "shape",
        "breadcrumb[0].label",
        "invalid type: null, expected a string",
    ),
];

#[wasm_bindgen_test]
fn model_errors_have_serdes_paths_and_words() {
    for (input, code, path, message) in MODEL_ERRORS {
        let object = JSON::parse(input).expect("JSON");
        for value in [JsValue::from_str(input), object] {
            let thrown = yilan::web::parse_json(&value).expect_err(input);
            assert_eq!(property(&thrown, "code").as_deref(), Some(*code), "{input}");
            assert_eq!(property(&thrown, "path").as_deref(), Some(*path), "{input}");
            let shown = property(&thrown, "message").unwrap_or_default();
            assert!(shown.ends_with(message), "{input}: {shown}");
        }
    }
}

#[wasm_bindgen_test]
fn nesting_too_deep_is_placed_by_path_and_for_text_by_line_too() {
    let deep = format!(
        r#"{{"version":1,"title":{}1{}}}"#,
        r#"{"x":"#.repeat(300),
        "}".repeat(300)
    );
    let native = yilan::parse_json(&deep).expect_err("too deep");
    let path = "title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x";
    assert_eq!(native.path, path);
    let from_text = yilan::web::parse_json(&JsValue::from_str(&deep)).expect_err("text");
    assert_eq!(property(&from_text, "code").as_deref(), Some("tooLarge"));
    assert_eq!(property(&from_text, "path").as_deref(), Some(path));
    assert_eq!(property(&from_text, "message"), Some(native.to_string()));
    // An object was never text to its caller: no line and column.
    let object = JSON::parse(&deep).expect("JSON.parse");
    let from_object = yilan::web::render_html(&object, &JsValue::UNDEFINED).expect_err("object");
    assert_eq!(property(&from_object, "code").as_deref(), Some("tooLarge"));
    assert_eq!(property(&from_object, "path").as_deref(), Some(path));
    assert_eq!(
        property(&from_object, "message").as_deref(),
        Some("title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x: nested more than 127 levels deep")
    );
}

/// (code, path, message) of what a call threw.
fn thrown(error: &JsValue) -> (Option<String>, Option<String>, Option<String>) {
    (
        property(error, "code"),
        property(error, "path"),
        property(error, "message"),
    )
}

/// The (code, path, message) a call should throw.
fn some(code: &str, path: &str, message: &str) -> (Option<String>, Option<String>, Option<String>) {
    (
        Some(code.to_owned()),
        Some(path.to_owned()),
        Some(message.to_owned()),
    )
}

#[wasm_bindgen_test]
fn half_a_character_is_placed_by_path_in_text_and_in_objects() {
    let text = r#"{"version":1,"title":"a\ud800b"}"#;
    let from_text = yilan::web::parse_json(&JsValue::from_str(text)).expect_err("text");
    assert_eq!(
        thrown(&from_text),
        some(
            "value",
            "title",
            r"title: half of a character (a lone surrogate) in the \u escape at line 1 column 24: text must be whole characters"
        )
    );
    // The object holds the lone surrogate itself; `JSON.stringify` writes
    // it as the same escape, in text its caller never saw.
    let object = JSON::parse(text).expect("JSON.parse");
    let from_object = yilan::web::render_html(&object, &JsValue::UNDEFINED).expect_err("object");
    assert_eq!(
        thrown(&from_object),
        some(
            "value",
            "title",
            "title: half of a character (a lone surrogate): text must be whole characters"
        )
    );
}

#[wasm_bindgen_test]
fn a_field_given_twice_is_a_shape_error_at_the_second() {
    let text = r#"{"version":1,"title":"a","body":[{"type":"note","text":"a","text":"b"}]}"#;
    let error = yilan::web::parse_json(&JsValue::from_str(text)).expect_err("twice");
    assert_eq!(
        thrown(&error),
        some(
            "shape",
            "body[0].text",
            "body[0].text: duplicate field `text`"
        )
    );
}

#[wasm_bindgen_test]
fn speech_plan_takes_max_chars_from_1() {
    let doc = JSON::parse(r#"{"version":1,"title":"关于印发通知的通知"}"#).expect("doc");
    let range = "maxChars must be a whole number from 1 to 4294967295";
    for n in [0.0, -5.0, 1.5, 4294967296.0, f64::NAN, f64::INFINITY] {
        let options = js_sys::Object::new();
        Reflect::set(
            &options,
            &JsValue::from_str("maxChars"),
            &JsValue::from_f64(n),
        )
        .expect("set");
        let error = yilan::web::speech_plan(&doc, &options).expect_err("out of range");
        assert_eq!(thrown(&error), some("argument", "maxChars", range), "{n}");
    }
    let options = JSON::parse(r#"{"maxChars":"long"}"#).expect("options");
    let error = yilan::web::speech_plan(&doc, &options).expect_err("a string");
    assert_eq!(
        thrown(&error),
        some(
            "argument",
            "maxChars",
            "invalid type: string, expected a whole number from 1 to 4294967295"
        )
    );
    // The least and the most, as the native plan takes them.
    let native_doc =
        yilan::parse_json(r#"{"version":1,"title":"关于印发通知的通知"}"#).expect("doc");
    for max in [1, u32::MAX] {
        let options = JSON::parse(&format!(r#"{{"maxChars":{max}}}"#)).expect("options");
        let plan = yilan::web::speech_plan(&doc, &options).expect("a plan");
        let native = yilan::speech_plan(
            &native_doc,
            &yilan::SpeechOptions {
                max_chars: max as usize,
                ..yilan::SpeechOptions::default()
            },
        );
        assert_eq!(
            stringify(&plan),
            serde_json::to_string(&native).expect("json")
        );
    }
    // A chunk of one character at most (and the mark after it).
    let options = JSON::parse(r#"{"maxChars":1}"#).expect("options");
    let plan = yilan::web::speech_plan(&doc, &options).expect("a plan");
    assert_eq!(
        property(&js_sys::Array::from(&plan).get(0), "text").as_deref(),
        Some("关")
    );
}

#[wasm_bindgen_test]
fn the_parses_name_an_argument_that_is_no_string() {
    let five = JsValue::from_f64(5.0);
    let error = yilan::web::parse_text(&five).expect_err("parseText");
    assert_eq!(
        thrown(&error),
        some("argument", "text", "text must be a string")
    );
    let error = yilan::web::parse_encoded(&five, &JsValue::UNDEFINED).expect_err("parseEncoded");
    assert_eq!(
        thrown(&error),
        some("argument", "encoded", "encoded must be a string")
    );
}

#[wasm_bindgen_test]
fn an_id_prefix_gives_the_native_render_and_plan() {
    let native_doc = yilan::parse_text(REFERENCE);
    let doc = yilan::web::parse_text(&JsValue::from_str(REFERENCE)).expect("parseText");
    let options = JSON::parse(r#"{"idPrefix":"news-"}"#).expect("options");
    let html = yilan::web::render_html(&doc, &options).expect("renderHtml");
    let native_options = yilan::RenderOptions {
        id_prefix: Some("news-".to_owned()),
        ..yilan::RenderOptions::default()
    };
    assert_eq!(html, yilan::render(&native_doc, &native_options));
    assert!(html.contains("<h1 id=\"news-title\""));
    let speech_options = JSON::parse(r#"{"idPrefix":"news-","from":"news-s2"}"#).expect("options");
    let plan = yilan::web::speech_plan(&doc, &speech_options).expect("speechPlan");
    let native_plan = yilan::speech_plan(
        &native_doc,
        &yilan::SpeechOptions {
            from: Some("news-s2".to_owned()),
            id_prefix: Some("news-".to_owned()),
            ..yilan::SpeechOptions::default()
        },
    );
    assert_eq!(native_plan[0].target, "news-s2");
    assert_eq!(
        stringify(&plan),
        serde_json::to_string(&native_plan).expect("json")
    );
}

#[wasm_bindgen_test]
fn render_and_speech_give_the_native_output() {
    let native_doc = yilan::parse_text(REFERENCE);
    let doc = yilan::web::parse_text(&JsValue::from_str(REFERENCE)).expect("parseText");
    let options = JSON::parse(r#"{"mode":"elderly","theme":"cream","scale":2,"locale":"en"}"#)
        .expect("options");
    let html = yilan::web::render_html(&doc, &options).expect("renderHtml");
    let native_options = yilan::RenderOptions {
        mode: yilan::Mode::Elderly,
        theme: "cream".to_owned(),
        scale: 2.0,
        locale: yilan::render::Locale::En,
        ..yilan::RenderOptions::default()
    };
    assert_eq!(html, yilan::render(&native_doc, &native_options));

    let speech_options = JSON::parse(r#"{"from":"yl-s2","maxChars":30}"#).expect("options");
    let plan = yilan::web::speech_plan(&doc, &speech_options).expect("speechPlan");
    let native_plan = yilan::speech_plan(
        &native_doc,
        &yilan::SpeechOptions {
            from: Some("yl-s2".to_owned()),
            max_chars: 30,
            ..yilan::SpeechOptions::default()
        },
    );
    assert!(!native_plan.is_empty());
    assert_eq!(
        stringify(&plan),
        serde_json::to_string(&native_plan).expect("json")
    );
}

/// What a parse handed over comes back to `renderHtml` as that very text
/// (a document object no one has used, in the package's entry) or as an
/// object read from it, unchanged, changed, or after another parse: each
/// time the view is of what was given.
#[wasm_bindgen_test]
fn a_parse_result_renders_as_it_is_now_changed_or_not() {
    let default = yilan::RenderOptions::default();
    let none = JsValue::UNDEFINED;
    let mut native = yilan::parse_text(REFERENCE);
    let expected = yilan::render(&native, &default);
    let text = yilan::web::parse_text(&JsValue::from_str(REFERENCE)).expect("parseText");
    assert_eq!(
        yilan::web::render_html(&text, &none).expect("renderHtml"),
        expected
    );
    let doc = JSON::parse(&text_of(&text)).expect("JSON.parse");
    let unchanged = yilan::web::render_html(&doc, &none).expect("renderHtml");
    assert_eq!(unchanged, expected);

    Reflect::set(&doc, &"title".into(), &"改过的标题".into()).expect("set");
    let changed = yilan::web::render_html(&doc, &none).expect("renderHtml");
    native.title = Some("改过的标题".to_owned());
    assert_eq!(changed, yilan::render(&native, &default));
    assert!(changed.contains("改过的标题") && !unchanged.contains("改过的标题"));

    // Another parse in between: the first text and object are still read
    // as they are.
    let other =
        yilan::web::parse_text(&JsValue::from_str("通知\n\n一、总则\n正文。")).expect("parseText");
    assert_ne!(text_of(&other), text_of(&text));
    assert_eq!(
        yilan::web::render_html(&text, &none).expect("renderHtml"),
        expected
    );
    assert_eq!(
        yilan::web::render_html(&doc, &none).expect("renderHtml"),
        yilan::render(&native, &default)
    );

    // A change the model does not allow is refused as before.
    Reflect::set(&doc, &"version".into(), &JsValue::from(2)).expect("set");
    let error = yilan::web::render_html(&doc, &none).expect_err("version 2");
    assert_eq!(property(&error, "code").as_deref(), Some("version"));
}

#[wasm_bindgen_test]
fn themes_list_the_native_themes_in_order() {
    let list = yilan::web::themes().expect("themes");
    let ids: Vec<String> = js_sys::Array::from(&list)
        .iter()
        .filter_map(|theme| property(&theme, "id"))
        .collect();
    let native: Vec<&str> = yilan::theme::themes().iter().map(|t| t.id).collect();
    assert_eq!(ids, native);
}

#[wasm_bindgen_test]
fn render_html_rejects_bad_options_by_name() {
    let doc = JSON::parse(r#"{"version":1,"title":null}"#).expect("doc");
    for (options, path) in [
        (r#"{"mode":"large"}"#, "mode"),
        (r#"{"scale":0.5}"#, "scale"),
        (r#"{"scale":"2"}"#, "scale"),
        (r#"{"theme":7}"#, "theme"),
        (r#"{"idPrefix":"1a"}"#, "idPrefix"),
        (r#"{"idPrefix":""}"#, "idPrefix"),
        (r#"{"idPrefix":7}"#, "idPrefix"),
    ] {
        let options = JSON::parse(options).expect("options");
        let thrown = yilan::web::render_html(&doc, &options).expect_err(path);
        assert_eq!(property(&thrown, "code").as_deref(), Some("argument"));
        assert_eq!(property(&thrown, "path").as_deref(), Some(path));
    }
    let html = yilan::web::render_html(&doc, &JsValue::UNDEFINED).expect("no options");
    let native = yilan::render(
        &yilan::Document::default(),
        &yilan::RenderOptions::default(),
    );
    assert_eq!(html, native);
    assert!(JsValue::from_str(&html)
        .dyn_ref::<js_sys::JsString>()
        .is_some());
}

/// A `{ storage }` options object whose storage throws on every call, as
/// `localStorage` does in a sandboxed iframe.
fn throwing_storage_options(extra: &str) -> JsValue {
    let options = JSON::parse(&format!("{{{extra}}}")).expect("options");
    let storage = js_sys::Object::new();
    let fail = js_sys::Function::new_no_args("throw new DOMException('denied', 'SecurityError')");
    for method in ["getItem", "setItem"] {
        Reflect::set(&storage, &JsValue::from_str(method), &fail).expect("set");
    }
    Reflect::set(&options, &JsValue::from_str("storage"), &storage).expect("set");
    options
}

#[wasm_bindgen_test]
fn mount_builds_the_view_whole_and_destroy_takes_it_all_away() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host = document.create_element("div").expect("div");
    let doc = yilan::web::parse_text(&JsValue::from_str(REFERENCE)).expect("parseText");
    let options =
        JSON::parse(r#"{"mode":"elderly","theme":"cream","storage":null}"#).expect("options");
    let viewer = yilan::web::mount(&host, &doc, &options).expect("mount");
    let container = host.first_element_child().expect("the view's element");
    assert_eq!(container.tag_name(), "YILAN-VIEW");
    let shadow = container.shadow_root().expect("an open shadow root");
    assert_eq!(shadow.adopted_style_sheets().length(), 4);
    let root = shadow.first_element_child().expect("the view");
    assert_eq!(root.get_attribute("data-mode").as_deref(), Some("elderly"));
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("cream"));

    viewer
        .set_theme(&JsValue::from_str("white-on-black"), &JsValue::UNDEFINED)
        .expect("setTheme");
    assert_eq!(
        root.get_attribute("data-theme").as_deref(),
        Some("white-on-black")
    );
    assert_eq!(viewer.theme(), "white-on-black");
    let thrown = viewer
        .set_scale(&JsValue::from_f64(4.0), &JsValue::UNDEFINED)
        .expect_err("out of range");
    assert_eq!(property(&thrown, "code").as_deref(), Some("argument"));

    viewer.destroy();
    assert_eq!(host.child_element_count(), 0);
    let thrown = viewer
        .set_mode(&JsValue::from_str("standard"), &JsValue::UNDEFINED)
        .expect_err("destroyed");
    assert_eq!(property(&thrown, "code").as_deref(), Some("destroyed"));
}

#[wasm_bindgen_test]
fn a_storage_that_throws_leaves_the_preferences_to_the_session() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    // In the page: a view stores its preferences once it is shown.
    let host = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("host in the page");
    let doc = JSON::parse(r#"{"version":1,"title":"标题"}"#).expect("doc");
    let options = throwing_storage_options(r#""scale":1.5"#);
    let viewer = yilan::web::mount(&host, &doc, &options).expect("mount despite the storage");
    assert_eq!(viewer.scale(), 1.5);
    viewer
        .set_scale(&JsValue::from_f64(2.0), &JsValue::UNDEFINED)
        .expect("setScale");
    let prefs = yilan::web::preferences(&throwing_storage_options("")).expect("preferences");
    let scale = Reflect::get(&prefs, &JsValue::from_str("scale"))
        .ok()
        .and_then(|v| v.as_f64());
    assert_eq!(scale, Some(2.0), "this page's choice, kept for the session");
    viewer.destroy();
    host.remove();
}
