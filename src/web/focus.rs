//! Focus moved by script, and how the reader is working the view (keys or
//! the pointer), which decides whether such a focus shows its ring.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement};

thread_local! {
    /// Whether the reader's last input in a view was a key rather than the
    /// pointer.
    static BY_KEY: Cell<bool> = const { Cell::new(false) };
}

/// Notes how the reader is working the view: with keys or the pointer.
pub(super) fn note_input(by_key: bool) {
    BY_KEY.with(|k| k.set(by_key));
}

/// Focus options: no scrolling with `prevent_scroll`; the focus ring
/// shown when the reader is using keys. (A focus moved by script shows its
/// ring in WebKit only when told so, once the pointer was used: a tool
/// clicked, then the arrows.)
pub(super) fn focus_options(prevent_scroll: bool) -> FocusOptions {
    let options = FocusOptions::new();
    if prevent_scroll {
        options.set_prevent_scroll(true);
    }
    if BY_KEY.with(Cell::get) {
        options.set_focus_visible(true);
    }
    options
}

/// Focuses an element, if it can take focus.
pub(super) fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus_with_options(&focus_options(false));
    }
}
