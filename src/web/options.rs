//! Options objects from JavaScript: `renderHtml`'s, `speechPlan`'s and
//! `mount`'s.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::JsValue;

use js_sys::Reflect;

use super::error::{web_error, WebErrorCode};
use super::storage::Store;
use crate::prefs::{is_theme, scale_from};
use crate::render::toolbar::theme_choices;
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
pub(super) fn read<T: DeserializeOwned + Default>(value: &JsValue) -> Result<T, JsValue> {
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

/// The options object of `mount`, as JavaScript writes it. Unknown keys are
/// ignored.
///
/// # Defaults
/// Every key is optional: mode, theme and scale come from the reader's
/// stored preferences (else standard, `auto`, 1); locale from the page's
/// `lang` (else zh-CN); storage `localStorage`; no announcement at mount.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct JsMountOptions {
    mode: Option<String>,
    theme: Option<String>,
    scale: Option<f64>,
    locale: Option<String>,
    /// Say the mode in the live region once the view is in: for a view
    /// shown in answer to a reader's action (a page's 进入老年模式 link).
    announce: Option<bool>,
}

/// `mount`'s options, checked. `None` means "not given": the stored
/// preference (or the default) applies.
#[derive(Debug)]
pub(super) struct MountOptions {
    pub mode: Option<Mode>,
    pub theme: Option<String>,
    pub scale: Option<f32>,
    /// `None`: the page's language decides (see `mount`).
    pub locale: Option<Locale>,
    pub announce: bool,
    pub storage: Store,
}

/// `mount`'s options: an unknown mode or theme, or a scale outside 1 to 3,
/// is an `argument` error naming the option.
pub(super) fn mount_options(value: &JsValue) -> Result<MountOptions, JsValue> {
    let given: JsMountOptions = read(value)?;
    let storage = if value.is_object() {
        Reflect::get(value, &JsValue::from_str("storage")).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    Ok(MountOptions {
        mode: given.mode.as_deref().map(mode).transpose()?,
        theme: given.theme.as_deref().map(theme).transpose()?,
        scale: given.scale.map(scale).transpose()?,
        locale: given.locale.as_deref().map(Locale::from_tag),
        announce: given.announce.unwrap_or(false),
        storage: Store::from_option(&storage)?,
    })
}

/// A mode name from JavaScript.
pub(super) fn mode(name: &str) -> Result<Mode, JsValue> {
    Mode::from_name(name).ok_or_else(|| {
        web_error(
            WebErrorCode::Argument,
            "mode must be \"standard\" or \"elderly\"",
            Some("mode"),
        )
    })
}

/// A theme id from JavaScript: one of `themes()`, or `auto`.
pub(super) fn theme(id: &str) -> Result<String, JsValue> {
    if is_theme(id) {
        return Ok(id.to_owned());
    }
    let known: Vec<&str> = theme_choices().collect();
    Err(web_error(
        WebErrorCode::Argument,
        &format!("theme must be one of {}", known.join(", ")),
        Some("theme"),
    ))
}

/// A scale from JavaScript: 1 to 3, snapped to the nearest step.
pub(super) fn scale(value: f64) -> Result<f32, JsValue> {
    scale_from(value).ok_or_else(|| {
        web_error(
            WebErrorCode::Argument,
            "scale must be a number from 1 to 3",
            Some("scale"),
        )
    })
}
