//! Errors thrown to JavaScript: real `Error` objects with a stable `code`.

use js_sys::{Error, Reflect};
use wasm_bindgen::JsValue;

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
    /// A value could not cross the boundary; a defect of the binding.
    Internal,
}

impl WebErrorCode {
    /// The stable name, as `error.code` in JavaScript.
    pub fn as_str(self) -> &'static str {
        match self {
            WebErrorCode::Argument => "argument",
            WebErrorCode::Unsupported => "unsupported",
            WebErrorCode::Internal => "internal",
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

/// A model error, with its code and JSON path (empty for the root).
pub(super) fn model_error(error: &ModelError) -> JsValue {
    js_error(error.code.as_str(), &error.to_string(), Some(&error.path))
}
