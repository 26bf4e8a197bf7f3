//! The exported functions: `parseText`, `parseJson`, `parseEncoded`,
//! `renderHtml`, `speechPlan`, `themes`, `stylesheet`.
//!
//! The three parses hand over the document's model JSON as a JavaScript
//! string; the package's entry (`js/index.js`) gives it to its callers as a
//! document object that reads the text when one of its properties is first
//! used, and hands an object still untouched back here as that very string.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use std::rc::Rc;

use super::convert::{document_from_js, document_to_text, to_js};
use super::error::{web_error, WebErrorCode};
use super::options::{render_options, speech_options, Given};
use crate::json_out::{Object, WriteJson};

/// `parseText(text: string): Document`: page text (what a browser's
/// `innerText` gives) → the document model (its model JSON here; a document
/// object from the package's entry).
///
/// ```js
/// const doc = parseText(document.querySelector('#zoom').innerText);
/// ```
#[wasm_bindgen(js_name = parseText)]
pub fn parse_text(text: &JsValue) -> Result<JsValue, JsValue> {
    let text = text.as_string().ok_or_else(|| {
        web_error(
            WebErrorCode::Argument,
            "text must be a string",
            Some("text"),
        )
    })?;
    Ok(document_to_text(Rc::new(crate::parse_text(&text))))
}

/// `parseJson(json: string | object): Document`: model JSON, as text or an
/// object, → a checked document. Throws a `YilanError` whose `code` is
/// `syntax`, `shape`, `value`, `version` or `tooLarge` and whose `path`
/// names the offending value (`body[0].level`).
///
/// ```js
/// const doc = parseJson(await (await fetch('doc.json')).text());
/// ```
#[wasm_bindgen(js_name = parseJson)]
pub fn parse_json(input: &JsValue) -> Result<JsValue, JsValue> {
    Ok(document_to_text(document_from_js(input, "json")?))
}

/// `parseEncoded(encoded: string, options?: HtmlOptions): Document`: page
/// HTML as node events, in the compact encoding that `js/dom-events.js`
/// (`encodeDom`) makes from a DOM, → the document model, through exactly the
/// native pipeline (`parse_encoded`). The package's `parseHtml` and
/// `parseDom` are this plus the browser's own HTML parser; a damaged
/// encoding gives the document of what came before the damage, with a
/// diagnostic.
///
/// ```js
/// const doc = parseEncoded(encodeDom(document), { baseUrl: location.href });
/// ```
#[wasm_bindgen(js_name = parseEncoded)]
pub fn parse_encoded(encoded: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let encoded = encoded.as_string().ok_or_else(|| {
        web_error(
            WebErrorCode::Argument,
            "encoded must be a string",
            Some("encoded"),
        )
    })?;
    let options = html_options(options)?;
    Ok(document_to_text(Rc::new(crate::parse_encoded(
        &encoded, &options,
    ))))
}

/// Reads the options of `parseHtml`, `parseDom` and `parseEncoded`,
/// `{ baseUrl?: string }` (the page's address, to resolve relative links
/// against); unknown keys are ignored, a value of the wrong type is an
/// `argument` error naming it.
fn html_options(value: &JsValue) -> Result<crate::HtmlOptions, JsValue> {
    Ok(crate::HtmlOptions {
        base_url: Given::read(value)?.string("baseUrl")?,
    })
}

/// `renderHtml(doc: Document, options?: RenderOptions): string`: the reading
/// view as an HTML fragment. The document is checked as `parseJson` checks
/// it, so a hand-made object cannot break the view.
///
/// ```js
/// view.innerHTML = renderHtml(doc, { mode: 'elderly', theme: 'yellow-on-black', scale: 1.5 });
/// ```
#[wasm_bindgen(js_name = renderHtml)]
pub fn render_html(doc: &JsValue, options: &JsValue) -> Result<String, JsValue> {
    let doc = document_from_js(doc, "doc")?;
    let options = render_options(options)?;
    Ok(crate::render(&doc, &options))
}

/// `speechPlan(doc: Document, options?: SpeechOptions): SpeechChunk[]`:
/// what to read aloud, in sentence-sized chunks tied to the view's element
/// ids, with the text normalised for listening.
///
/// ```js
/// for (const chunk of speechPlan(doc, { from: 'yl-s2' })) speak(chunk.text);
/// ```
#[wasm_bindgen(js_name = speechPlan)]
pub fn speech_plan(doc: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let doc = document_from_js(doc, "doc")?;
    let options = speech_options(options)?;
    to_js(&crate::speech::speech_plan(&doc, &options))
}

/// A theme as JavaScript sees it: its names, not its colours (those live in
/// the stylesheet).
struct ThemeInfo {
    id: &'static str,
    label: &'static str,
    label_zh_tw: &'static str,
    label_en: &'static str,
    dark: bool,
}

impl WriteJson for ThemeInfo {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("id", self.id)
            .field("label", self.label)
            .field("labelZhTw", self.label_zh_tw)
            .field("labelEn", self.label_en)
            .field("dark", &self.dark)
            .end();
    }
}

/// `themes(): Theme[]`: the colour themes a reader can choose, the default
/// first: `[{ id: 'standard', label: '标准', labelZhTw: '標準', labelEn:
/// 'Standard', dark: false }, …]`.
#[wasm_bindgen]
pub fn themes() -> Result<JsValue, JsValue> {
    let list: Vec<ThemeInfo> = crate::theme::themes()
        .iter()
        .map(|theme| ThemeInfo {
            id: theme.id,
            label: theme.label,
            label_zh_tw: theme.label_zh_tw,
            label_en: theme.label_en,
            dark: theme.dark,
        })
        .collect();
    to_js(&list)
}

/// `stylesheet(): string`: the view's whole stylesheet (layout, modes, scale
/// steps, every theme, system settings and print), every rule scoped under
/// `.yl-view`. The package also ships it as `yilan/yilan.css`.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    crate::render::stylesheet().to_owned()
}

/// In debug builds, panics (which would be defects) are printed to the
/// console before the trap; release builds carry no hook.
#[cfg(debug_assertions)]
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
    }));
}
