//! The exported functions: `parseText`, `parseJson`, `parseHtml`,
//! `renderHtml`, `speechPlan`, `themes`.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::convert::{document_from_js, to_js};
use super::error::{web_error, WebErrorCode};
use super::options::render_options;

/// `parseText(text: string): Document`: page text (what a browser's
/// `innerText` gives) → the document model, as a plain object.
///
/// ```js
/// const doc = parseText(document.querySelector('#zoom').innerText);
/// ```
#[wasm_bindgen(js_name = parseText)]
pub fn parse_text(text: &JsValue) -> Result<JsValue, JsValue> {
    let text = text
        .as_string()
        .ok_or_else(|| web_error(WebErrorCode::Argument, "text must be a string", None))?;
    to_js(&crate::parse_text(&text))
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
    to_js(&document_from_js(input)?)
}

/// `parseHtml(html: string, options?): Document`: page HTML → document.
/// Not available yet: throws a `YilanError` with code `unsupported`.
#[wasm_bindgen(js_name = parseHtml)]
pub fn parse_html(_html: &JsValue, _options: &JsValue) -> Result<JsValue, JsValue> {
    Err(web_error(
        WebErrorCode::Unsupported,
        "parseHtml is not available yet",
        None,
    ))
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
    let doc = document_from_js(doc)?;
    let options = render_options(options)?;
    Ok(crate::render(&doc, &options))
}

/// `speechPlan(doc: Document, options?): SpeechChunk[]`: what to read aloud,
/// in sentence-sized chunks tied to element ids.
#[wasm_bindgen(js_name = speechPlan)]
pub fn speech_plan(doc: &JsValue, _options: &JsValue) -> Result<JsValue, JsValue> {
    let _doc = document_from_js(doc)?;
    // PENDING(speech): return `to_js(&crate::speech::speech_plan(&doc))` once
    // the speech plan is in main.
    Err(web_error(
        WebErrorCode::Unsupported,
        "speechPlan is not available yet",
        None,
    ))
}

/// `themes(): Theme[]`: the colour themes, `[{ id, label, … }]`, in menu order.
#[wasm_bindgen]
pub fn themes() -> Result<JsValue, JsValue> {
    // PENDING(render): return `to_js(crate::theme::themes())` once the themes
    // are in main.
    Err(web_error(
        WebErrorCode::Unsupported,
        "themes is not available yet",
        None,
    ))
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
