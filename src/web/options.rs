//! Options objects from JavaScript: `renderHtml`'s, `speechPlan`'s and
//! `mount`'s.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use super::error::{web_error, WebErrorCode};
use super::storage::Store;
use crate::ids;
use crate::prefs::{is_theme, scale_from};
use crate::render::toolbar::theme_choices;
use crate::render::{Locale, Mode, RenderOptions};
use crate::speech::SpeechOptions;
use crate::theme::SCALE_STEPS;

/// An options object from JavaScript, read key by key: only the keys a
/// function knows are looked at, so unknown keys are ignored and newer
/// callers work with older builds. A key that is missing or `undefined`
/// keeps its default; a value of the wrong type is an `argument` error
/// whose `path` names the key.
pub(super) struct Given(Option<JsValue>);

impl Given {
    /// Reads an options object; `undefined` and `null` mean the defaults.
    pub fn read(value: &JsValue) -> Result<Given, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Given(None));
        }
        if !value.is_object() {
            return Err(web_error(
                WebErrorCode::Argument,
                "options must be an object",
                None,
            ));
        }
        Ok(Given(Some(value.clone())))
    }

    /// The value at `key`; `None` when it is missing or `undefined`.
    fn get(&self, key: &str) -> Result<Option<JsValue>, JsValue> {
        let Some(object) = &self.0 else {
            return Ok(None);
        };
        // A getter or a proxy may throw: the key's value cannot be read.
        let value = Reflect::get(object, &JsValue::from_str(key)).map_err(|_| {
            web_error(
                WebErrorCode::Argument,
                "the value cannot be read",
                Some(key),
            )
        })?;
        Ok((!value.is_undefined()).then_some(value))
    }

    /// An optional value: `null` is `None` too.
    fn optional<T>(
        &self,
        key: &str,
        expected: &str,
        take: impl FnOnce(&JsValue) -> Option<T>,
    ) -> Result<Option<T>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            Some(value) if value.is_null() => Ok(None),
            Some(value) => take(&value)
                .map(Some)
                .ok_or_else(|| invalid_type(&value, expected, key)),
        }
    }

    /// The value at `key` as it is; `None` when it is missing or `undefined`.
    pub fn value(&self, key: &str) -> Result<Option<JsValue>, JsValue> {
        self.get(key)
    }

    /// A string, or `null` for none.
    pub fn string(&self, key: &str) -> Result<Option<String>, JsValue> {
        self.optional(key, "a string", JsValue::as_string)
    }

    /// A number, or `null` for none.
    pub fn number(&self, key: &str) -> Result<Option<f64>, JsValue> {
        self.optional(key, "a number", JsValue::as_f64)
    }

    /// A boolean, or `null` for none.
    pub fn flag(&self, key: &str) -> Result<Option<bool>, JsValue> {
        self.optional(key, "a boolean", JsValue::as_bool)
    }

    /// A boolean that has a default but no "none": `null` is an error.
    fn set_flag(&self, key: &str, field: &mut bool) -> Result<(), JsValue> {
        if let Some(value) = self.get(key)? {
            *field = value
                .as_bool()
                .ok_or_else(|| invalid_type(&value, "a boolean", key))?;
        }
        Ok(())
    }

    /// A whole number from 1 to 2³² − 1 (what a `usize` holds in wasm); a
    /// number outside that, or a value that is no number, is an error that
    /// states the range. (The one count, `maxChars`, means nothing at 0:
    /// the speech plan would take it as 1.)
    fn set_count(&self, key: &str, field: &mut usize) -> Result<(), JsValue> {
        const RANGE: &str = "a whole number from 1 to 4294967295";
        if let Some(value) = self.get(key)? {
            let n = value
                .as_f64()
                .ok_or_else(|| invalid_type(&value, RANGE, key))?;
            if n.fract() != 0.0 || !(1.0..=f64::from(u32::MAX)).contains(&n) {
                return Err(web_error(
                    WebErrorCode::Argument,
                    &[key, " must be ", RANGE].concat(),
                    Some(key),
                ));
            }
            // Whole and within u32, which usize holds in wasm32.
            *field = n as usize;
        }
        Ok(())
    }
}

/// serde's words for a value of the wrong type, naming the JavaScript type.
fn invalid_type(value: &JsValue, expected: &str, key: &str) -> JsValue {
    let found = if value.is_null() {
        "null"
    } else if value.as_bool().is_some() {
        "boolean"
    } else if value.as_f64().is_some() {
        "number"
    } else if value.is_string() {
        "string"
    } else if js_sys::Array::is_array(value) {
        "array"
    } else if value.is_function() {
        "function"
    } else if value.is_object() {
        "object"
    } else {
        "value"
    };
    web_error(
        WebErrorCode::Argument,
        &["invalid type: ", found, ", expected ", expected].concat(),
        Some(key),
    )
}

/// `renderHtml`'s options: `mode` (`"standard"` or `"elderly"`), `theme`
/// (a theme id from `themes()`, or `"auto"`; an unknown id renders as
/// `"auto"`, since a stored preference may name a theme that is gone),
/// `scale` (1 to 3, snapped to the nearest step), `locale` (a BCP 47 tag
/// for the view's own words: zh-CN, zh-TW or zh-HK, en), `idPrefix` (what
/// the view's ids start with in place of `yl-`).
///
/// # Defaults
/// Every key is optional; a missing key keeps [`RenderOptions::default`].
pub(super) fn render_options(value: &JsValue) -> Result<RenderOptions, JsValue> {
    let given = Given::read(value)?;
    let mut options = RenderOptions::default();
    if let Some(mode) = given.string("mode")? {
        options.mode = Mode::from_name(&mode).ok_or_else(|| {
            web_error(
                WebErrorCode::Argument,
                "mode must be \"standard\" or \"elderly\"",
                Some("mode"),
            )
        })?;
    }
    if let Some(theme) = given.string("theme")? {
        options.theme = theme;
    }
    if let Some(scale) = given.number("scale")? {
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
    if let Some(locale) = given.string("locale")? {
        options.locale = Locale::from_tag(&locale);
    }
    options.id_prefix = id_prefix(&given)?;
    Ok(options)
}

/// The `idPrefix` option of `renderHtml` and `speechPlan`: what the view's
/// ids start with in place of `yl-`; one that cannot start an id is an
/// `argument` error naming it.
fn id_prefix(given: &Given) -> Result<Option<String>, JsValue> {
    // The message below says 32.
    const _: () = assert!(ids::MAX_PREFIX_LEN == 32);
    let Some(prefix) = given.string("idPrefix")? else {
        return Ok(None);
    };
    if ids::is_prefix(&prefix) {
        return Ok(Some(prefix));
    }
    Err(web_error(
        WebErrorCode::Argument,
        "idPrefix must be 1 to 32 ASCII letters, digits, \"-\" or \"_\", starting with a letter",
        Some("idPrefix"),
    ))
}

/// `speechPlan`'s options: [`SpeechOptions`] in camelCase.
pub(super) fn speech_options(value: &JsValue) -> Result<SpeechOptions, JsValue> {
    let given = Given::read(value)?;
    let mut options = SpeechOptions::default();
    let flags: [(&str, &mut bool); 11] = [
        ("includeTitle", &mut options.include_title),
        (
            "includePublishingLine",
            &mut options.include_publishing_line,
        ),
        ("includeMeta", &mut options.include_meta),
        ("includeBreadcrumb", &mut options.include_breadcrumb),
        ("includeBody", &mut options.include_body),
        ("includeTables", &mut options.include_tables),
        ("tableHeaders", &mut options.table_headers),
        ("includeImages", &mut options.include_images),
        ("includeAttachments", &mut options.include_attachments),
        ("includeSignature", &mut options.include_signature),
        ("includeContents", &mut options.include_contents),
    ];
    for (key, field) in flags {
        given.set_flag(key, field)?;
    }
    given.set_count("maxChars", &mut options.max_chars)?;
    options.from = given.string("from")?;
    options.id_prefix = id_prefix(&given)?;
    Ok(options)
}

/// `mount`'s options, checked. `None` means "not given": the stored
/// preference (or the default) applies.
///
/// # Defaults
/// Every key is optional: mode, theme and scale come from the reader's
/// stored preferences (else standard, `auto`, 1); locale from the page's
/// `lang` (else zh-CN); storage `localStorage`; no announcement at mount.
#[derive(Debug)]
pub(super) struct MountOptions {
    pub mode: Option<Mode>,
    pub theme: Option<String>,
    pub scale: Option<f32>,
    /// `None`: the page's language decides (see `mount`).
    pub locale: Option<Locale>,
    /// Say the mode in the live region once the view is shown (laid out in
    /// a page): for a view shown in answer to a reader's action (a page's
    /// 进入老年模式 link).
    pub announce: bool,
    pub storage: Store,
}

/// `mount`'s options: an unknown mode or theme, or a scale outside 1 to 3,
/// is an `argument` error naming the option.
pub(super) fn mount_options(value: &JsValue) -> Result<MountOptions, JsValue> {
    let given = Given::read(value)?;
    let storage = if value.is_object() {
        Reflect::get(value, &JsValue::from_str("storage")).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    Ok(MountOptions {
        mode: given.string("mode")?.as_deref().map(mode).transpose()?,
        theme: given.string("theme")?.as_deref().map(theme).transpose()?,
        scale: given.number("scale")?.map(scale).transpose()?,
        locale: given.string("locale")?.as_deref().map(Locale::from_tag),
        announce: given.flag("announce")?.unwrap_or(false),
        storage: Store::from_option(&storage)?,
    })
}

/// A mode name from JavaScript.
/// A setter's options (`setMode(mode, { store })`…): whether the value is
/// stored as the reader's (`store`, default `true`).
pub(super) fn store(value: &JsValue) -> Result<bool, JsValue> {
    let mut store = true;
    Given::read(value)?.set_flag("store", &mut store)?;
    Ok(store)
}

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
