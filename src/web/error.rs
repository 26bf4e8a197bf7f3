//! Errors thrown to JavaScript: real `Error` objects with a stable `code`.

use js_sys::{Error, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::ModelError;

/// The `name` of every error the binding throws.
const ERROR_NAME: &str = "YilanError";

/// What went wrong at the boundary, beyond the model errors of
/// [`crate::ErrorCode`] (which keep their own codes: `syntax`, `shape`,
/// `value`, `version`, `tooLarge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebErrorCode {
    /// An argument has the wrong type, or an option an unknown value.
    Argument,
    /// The function exists but is not available in this build yet.
    Unsupported,
    /// A value could not cross the boundary, or the browser refused a DOM
    /// operation the viewer needs; the message says which.
    Internal,
    /// The viewer was destroyed; it can no longer change.
    Destroyed,
}

impl WebErrorCode {
    /// The stable name, as `error.code` in JavaScript.
    pub fn as_str(self) -> &'static str {
        match self {
            WebErrorCode::Argument => "argument",
            WebErrorCode::Unsupported => "unsupported",
            WebErrorCode::Internal => "internal",
            WebErrorCode::Destroyed => "destroyed",
        }
    }
}

/// A `YilanError` with `code`, `message` and, where given, `path`.
fn js_error(code: &str, message: &str, path: Option<&str>) -> JsValue {
    let error = Error::new(message);
    error.set_name(ERROR_NAME);
    let target: &JsValue = error.as_ref();
    // Setting a property on a fresh, unfrozen Error cannot fail; a failure
    // would only lose the property, never the error itself.
    let _ = Reflect::set(target, &JsValue::from_str("code"), &JsValue::from_str(code));
    if let Some(path) = path {
        let _ = Reflect::set(target, &JsValue::from_str("path"), &JsValue::from_str(path));
    }
    error.into()
}

/// A boundary error; `path` names the offending argument or option.
pub(super) fn web_error(code: WebErrorCode, message: &str, path: Option<&str>) -> JsValue {
    js_error(code.as_str(), message, path)
}

/// An exception the browser threw inside a DOM call the viewer needs,
/// wrapped as an `internal` error that names the step; the browser's own
/// message is kept after it.
pub(super) fn dom_error(step: &str, thrown: &JsValue) -> JsValue {
    let detail = thrown
        .dyn_ref::<Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_default();
    let message = if detail.is_empty() {
        step.to_owned()
    } else {
        format!("{step}: {detail}")
    };
    js_error(WebErrorCode::Internal.as_str(), &message, None)
}

/// A model error, with its code and JSON path (empty for the root).
pub(super) fn model_error(error: &ModelError) -> JsValue {
    js_error(error.code.as_str(), &error.to_string(), Some(&error.path))
}
