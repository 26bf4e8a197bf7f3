//! Render options from a plain JS object.

use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::error::{web_error, WebErrorCode};
use crate::render::{Mode, RenderOptions};

/// The options object of `renderHtml`, as JavaScript writes it. Unknown keys
/// are ignored so that newer callers work with older builds.
///
/// # Defaults
/// Every key is optional; a missing key keeps [`RenderOptions::default`].
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct JsRenderOptions {
    /// `"standard"` or `"elderly"`.
    mode: Option<String>,
    /// A theme id from `themes()`.
    theme: Option<String>,
    /// A text scale step (1 to 3).
    scale: Option<f64>,
    // PENDING(render): `locale` (zh-CN, zh-TW, en) once RenderOptions has it;
    // until then it is accepted and ignored like any unknown key.
}

/// Reads `renderHtml`'s options; `undefined` and `null` mean the defaults.
pub(super) fn render_options(value: &JsValue) -> Result<RenderOptions, JsValue> {
    let mut options = RenderOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() {
        return Err(web_error(
            WebErrorCode::Argument,
            "options must be an object",
            None,
        ));
    }
    let given: JsRenderOptions =
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value.clone()))
            .map_err(|e| {
                let path = e.path().to_string();
                web_error(WebErrorCode::Argument, &e.inner().to_string(), Some(&path))
            })?;
    if let Some(mode) = given.mode {
        options.mode = match mode.as_str() {
            "standard" => Mode::Standard,
            "elderly" => Mode::Elderly,
            _ => {
                return Err(web_error(
                    WebErrorCode::Argument,
                    "mode must be \"standard\" or \"elderly\"",
                    Some("mode"),
                ))
            }
        };
    }
    if let Some(theme) = given.theme {
        options.theme = theme;
    }
    if let Some(scale) = given.scale {
        // PENDING(render): check against the scale steps in `theme.rs` once
        // they exist; until then any finite scale from 1 to 3 is passed on.
        if !(1.0..=3.0).contains(&scale) {
            return Err(web_error(
                WebErrorCode::Argument,
                "scale must be a number from 1 to 3",
                Some("scale"),
            ));
        }
        options.scale = scale as f32;
    }
    Ok(options)
}
