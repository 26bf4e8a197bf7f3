//! Focus moved by script, and how the reader is working the view (keys or
//! the pointer), which decides whether such a focus shows its ring.

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement};

use super::core::Core;

impl Core {
    /// Notes how the reader is working this view: with keys or the
    /// pointer.
    pub fn note_input(&self, by_key: bool) {
        self.by_key.set(by_key);
    }

    /// Focus options: no scrolling with `prevent_scroll`; the focus ring
    /// shown when the reader is using keys in this view. (A focus moved by
    /// script shows its ring in WebKit only when told so, once the pointer
    /// was used: a tool clicked, then the arrows.)
    pub fn focus_options(&self, prevent_scroll: bool) -> FocusOptions {
        let options = FocusOptions::new();
        if prevent_scroll {
            options.set_prevent_scroll(true);
        }
        if self.by_key.get() {
            options.set_focus_visible(true);
        }
        options
    }

    /// Focuses an element of the view, if it can take focus.
    pub fn focus(&self, element: &Element) {
        if let Some(html) = element.dyn_ref::<HtmlElement>() {
            let _ = html.focus_with_options(&self.focus_options(false));
        }
    }
}
