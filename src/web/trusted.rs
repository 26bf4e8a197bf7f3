//! Markup into the view on pages that enforce Trusted Types
//! (`require-trusted-types-for 'script'`).
//!
//! The view's markup is the renderer's, where every piece of document text
//! went through the one escaping module; it enters the DOM in one place,
//! here, through a `<template>` (whose content is inert), wrapped by the
//! package's one policy, named `yilan` (created in `js/trusted.js`, handed
//! over once by `init()`). Without Trusted Types, or before `init()` handed
//! the policy over, the markup goes in as a string.

use std::cell::RefCell;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DocumentFragment};

thread_local! {
    static WRAP: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Takes the function that wraps the view's markup in the `yilan` policy.
/// Called once by the package's `init()`; later calls change nothing. Not
/// part of the API.
#[wasm_bindgen(js_name = "__yilanTrustedHtml")]
pub fn set_trusted_html(wrap: Function) {
    WRAP.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            if slot.is_none() {
                *slot = Some(wrap);
            }
        }
    });
}

/// `markup` as the policy's TrustedHTML, or as a string without one.
fn trusted(markup: &str) -> JsValue {
    let plain = JsValue::from_str(markup);
    WRAP.with(|slot| {
        slot.try_borrow()
            .ok()
            .and_then(|wrap| wrap.as_ref()?.call1(&JsValue::NULL, &plain).ok())
    })
    .unwrap_or(plain)
}

/// The renderer's `markup` parsed into a fragment of `document`.
pub(super) fn fragment(document: &Document, markup: &str) -> Result<DocumentFragment, JsValue> {
    let template = document.create_element("template")?;
    // Through Reflect, which catches: the setter throws where the page
    // enforces Trusted Types and the policy could not be made.
    Reflect::set(&template, &JsValue::from_str("innerHTML"), &trusted(markup))?;
    // A template element's `content` is always a DocumentFragment, so no
    // `instanceof` check (an import of its own in the glue) is needed.
    Ok(
        Reflect::get(&template, &JsValue::from_str("content"))?
            .unchecked_into::<DocumentFragment>(),
    )
}
