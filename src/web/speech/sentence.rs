//! The sentence being read, painted in the text itself: a range in the
//! CSS custom highlight `yl-speech` (`CSS.highlights`), which the
//! stylesheet colours with the theme's highlight pair. A highlight changes
//! neither the DOM nor the accessibility tree, so a screen reader hears
//! nothing of it, and the text does not move. Where the browser has no
//! custom highlights, the element read is filled instead, as a whole.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Range;

/// The highlight's name, as the stylesheet's `::highlight(yl-speech)`.
const NAME: &str = "yl-speech";

/// A method of `target`, called with `args`.
fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Option<JsValue> {
    let method: Function = Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    let args: Array = args.iter().copied().collect();
    method.apply(target, &args).ok()
}

/// The document's highlight, made and registered the first time; `None`
/// where the browser has no custom highlights.
fn highlight(create: bool) -> Option<JsValue> {
    let global = js_sys::global();
    let css = Reflect::get(&global, &JsValue::from_str("CSS")).ok()?;
    if !css.is_object() {
        return None;
    }
    let registry = Reflect::get(&css, &JsValue::from_str("highlights")).ok()?;
    if !registry.is_object() {
        return None;
    }
    let name = JsValue::from_str(NAME);
    if let Some(found) = call(&registry, "get", &[&name]).filter(JsValue::is_object) {
        return Some(found);
    }
    if !create {
        return None;
    }
    let constructor: Function = Reflect::get(&global, &JsValue::from_str("Highlight"))
        .ok()?
        .dyn_into()
        .ok()?;
    let made = Reflect::construct(&constructor, &Array::new()).ok()?;
    call(&registry, "set", &[&name, &made])?;
    Some(made)
}

/// Paints `range` as the sentence read, in place of `previous`; false
/// where the browser cannot (`previous` is then taken away all the same).
pub(super) fn show(range: &Range, previous: Option<&Range>) -> bool {
    let Some(highlight) = highlight(true) else {
        return false;
    };
    if let Some(previous) = previous {
        call(&highlight, "delete", &[value(previous)]);
    }
    call(&highlight, "add", &[value(range)]).is_some()
}

/// Takes `range` out of the highlight.
pub(super) fn hide(range: &Range) {
    if let Some(highlight) = highlight(false) {
        call(&highlight, "delete", &[value(range)]);
    }
}

fn value(range: &Range) -> &JsValue {
    range
}
