//! Options objects from JavaScript: `renderHtml`'s and `speechPlan`'s.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::error::{web_error, WebErrorCode};
use crate::render::{Locale, Mode, RenderOptions};
use crate::speech::SpeechOptions;
use crate::theme::SCALE_STEPS;

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
    /// A theme id from `themes()`, or `"auto"`; an unknown id renders as
    /// `"auto"` (a stored preference may name a theme that is gone).
    theme: Option<String>,
    /// A text scale step, 1 to 3; values between steps snap to the nearest.
    scale: Option<f64>,
    /// A BCP 47 tag for the view's own words: zh-CN, zh-TW (or zh-HK,
    /// zh-Hant…), en.
    locale: Option<String>,
}

/// Reads an options object; `undefined` and `null` mean the defaults. A
/// value of the wrong type is an `argument` error whose `path` names it.
fn read<T: DeserializeOwned + Default>(value: &JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() {
        return Err(web_error(
            WebErrorCode::Argument,
            "options must be an object",
            None,
        ));
    }
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value.clone())).map_err(
        |e| {
            let path = e.path().to_string();
            web_error(WebErrorCode::Argument, &e.inner().to_string(), Some(&path))
        },
    )
}

/// `renderHtml`'s options.
pub(super) fn render_options(value: &JsValue) -> Result<RenderOptions, JsValue> {
    let given: JsRenderOptions = read(value)?;
    let mut options = RenderOptions::default();
    if let Some(mode) = given.mode {
        options.mode = Mode::from_name(&mode).ok_or_else(|| {
            web_error(
                WebErrorCode::Argument,
                "mode must be \"standard\" or \"elderly\"",
                Some("mode"),
            )
        })?;
    }
    if let Some(theme) = given.theme {
        options.theme = theme;
    }
    if let Some(scale) = given.scale {
        let smallest = SCALE_STEPS.first().map_or(1.0, |step| f64::from(step.0));
        let largest = SCALE_STEPS.last().map_or(1.0, |step| f64::from(step.0));
        // NaN fails the range test too.
        if !(smallest..=largest).contains(&scale) {
            return Err(web_error(
                WebErrorCode::Argument,
                "scale must be a number from 1 to 3",
                Some("scale"),
            ));
        }
        options.scale = scale as f32;
    }
    if let Some(locale) = given.locale {
        options.locale = Locale::from_tag(&locale);
    }
    Ok(options)
}

/// `speechPlan`'s options: [`SpeechOptions`] in camelCase.
pub(super) fn speech_options(value: &JsValue) -> Result<SpeechOptions, JsValue> {
    read(value)
}
