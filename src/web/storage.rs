//! Where a reader's preferences are kept: the site's `localStorage` by
//! default, a Storage-like object the host gives, or nowhere beyond this
//! page. Every call into storage is caught (private browsing, a sandboxed
//! iframe, a full quota, a getter that throws): the preferences then last
//! for the page's session, and everything else works as before.

use std::cell::RefCell;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::error::{web_error, WebErrorCode};
use crate::prefs::{Prefs, STORAGE_KEY};

thread_local! {
    /// Per kind of store, the preferences of this page that the store could
    /// not keep (or, for [`Store::Session`], that it never keeps). Read back
    /// before the store, so the reader's choices hold for the session even
    /// where storage fails; cleared when storing works again.
    static SESSION: RefCell<[Option<String>; 3]> = const { RefCell::new([None, None, None]) };
}

/// Where preferences go.
#[derive(Debug, Clone)]
pub(super) enum Store {
    /// `window.localStorage`.
    Local,
    /// An object with `getItem(key)` and `setItem(key, value)`.
    Custom(JsValue),
    /// Nowhere: this page only.
    Session,
}

impl Store {
    /// The `storage` option: absent or `undefined` is `localStorage`,
    /// `null` or `false` keeps nothing beyond the page, an object with
    /// `getItem` and `setItem` is used instead of `localStorage`.
    pub fn from_option(value: &JsValue) -> Result<Store, JsValue> {
        if value.is_undefined() {
            return Ok(Store::Local);
        }
        if value.is_null() || value.as_bool() == Some(false) {
            return Ok(Store::Session);
        }
        let callable = |name: &str| {
            Reflect::get(value, &JsValue::from_str(name))
                .map(|method| method.is_function())
                .unwrap_or(false)
        };
        if value.is_object() && callable("getItem") && callable("setItem") {
            return Ok(Store::Custom(value.clone()));
        }
        Err(web_error(
            WebErrorCode::Argument,
            "storage must be null, false, or an object with getItem and setItem (like localStorage)",
            Some("storage"),
        ))
    }

    /// The preferences: what this page could not store, else the stored
    /// ones, else the defaults. Never fails.
    pub fn read(&self) -> Prefs {
        if let Some(session) = self.session() {
            return Prefs::from_json(&session);
        }
        let stored = self
            .target()
            .and_then(|target| call(&target, "getItem", &[JsValue::from_str(STORAGE_KEY)]).ok())
            .and_then(|value| value.as_string());
        Prefs::from_stored(stored.as_deref())
    }

    /// Stores `prefs`; `false` when that failed (the preferences then last
    /// for this page only).
    pub fn write(&self, prefs: &Prefs) -> bool {
        let text = prefs.to_json();
        let stored = self.target().is_some_and(|target| {
            call(
                &target,
                "setItem",
                &[JsValue::from_str(STORAGE_KEY), JsValue::from_str(&text)],
            )
            .is_ok()
        });
        self.set_session((!stored).then_some(text));
        stored || matches!(self, Store::Session)
    }

    /// The slot of [`SESSION`] for this kind of store.
    fn slot(&self) -> usize {
        match self {
            Store::Local => 0,
            Store::Custom(_) => 1,
            Store::Session => 2,
        }
    }

    fn session(&self) -> Option<String> {
        SESSION.with(|s| s.borrow().get(self.slot()).cloned().flatten())
    }

    fn set_session(&self, text: Option<String>) {
        SESSION.with(|s| {
            if let Some(slot) = s.borrow_mut().get_mut(self.slot()) {
                *slot = text;
            }
        });
    }

    /// The storage object, if there is one that can be reached.
    fn target(&self) -> Option<JsValue> {
        match self {
            // Reading `localStorage` itself may throw (SecurityError).
            Store::Local => Reflect::get(&js_sys::global(), &JsValue::from_str("localStorage"))
                .ok()
                .filter(JsValue::is_object),
            Store::Custom(object) => Some(object.clone()),
            Store::Session => None,
        }
    }
}

/// Calls `target[method](...args)`, catching whatever it throws.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &JsValue::from_str(method))?.dyn_into()?;
    match args {
        [a] => function.call1(target, a),
        [a, b] => function.call2(target, a, b),
        _ => function.call0(target),
    }
}

/// The preferences as JavaScript sees them: `{ mode, theme, scale, guide,
/// cursor, speechRate, pointerReading }`, the speech rate in hundredths.
/// Built key by key: the two numbers need no JSON text written for them.
pub(super) fn prefs_to_js(prefs: &Prefs) -> Result<JsValue, JsValue> {
    let object = js_sys::Object::new();
    let fields: [(&str, JsValue); 7] = [
        ("mode", JsValue::from_str(prefs.mode.as_str())),
        ("theme", JsValue::from_str(&prefs.theme)),
        ("scale", JsValue::from_f64(f64::from(prefs.scale))),
        ("guide", JsValue::from_bool(prefs.guide)),
        ("cursor", JsValue::from_str(prefs.cursor.as_str())),
        (
            "speechRate",
            JsValue::from_f64(super::speech::rate_for_js(prefs.speech_rate)),
        ),
        ("pointerReading", JsValue::from_bool(prefs.pointer_reading)),
    ];
    for (key, value) in fields {
        Reflect::set(&object, &JsValue::from_str(key), &value)?;
    }
    Ok(object.into())
}
