//! `Viewer`, what `mount` returns: the host's handle on a view.

use std::rc::Rc;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::core::Core;
use super::error::{web_error, WebErrorCode};
use super::events::forward;
use super::options;

/// A mounted view. Changing the mode, theme or scale sets attributes on the
/// view's root (nothing is rendered again), stores the reader's
/// preferences, and dispatches `modechange`, `themechange` or
/// `scalechange` on the host element (`detail`: the new value).
#[wasm_bindgen]
pub struct Viewer {
    core: Rc<Core>,
}

impl Viewer {
    pub(super) fn new(core: Rc<Core>) -> Viewer {
        Viewer { core }
    }

    fn live(&self) -> Result<&Core, JsValue> {
        if self.core.destroyed.get() {
            return Err(web_error(
                WebErrorCode::Destroyed,
                "the viewer was destroyed",
                None,
            ));
        }
        Ok(&self.core)
    }
}

/// A string argument, or an `argument` error naming it.
fn text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        web_error(
            WebErrorCode::Argument,
            &format!("{name} must be a string"),
            Some(name),
        )
    })
}

/// What the speech methods say until a speech engine is part of the build.
const NO_SPEECH: &str = "speech is not wired yet: this build has no speech engine";

#[wasm_bindgen]
impl Viewer {
    /// `setMode('standard' | 'elderly')`.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&self, mode: &JsValue) -> Result<(), JsValue> {
        let mode = options::mode(&text(mode, "mode")?)?;
        self.live()?.set_mode(mode);
        Ok(())
    }

    /// `setTheme(id)`: an id from `themes()`, or `'auto'`.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, id: &JsValue) -> Result<(), JsValue> {
        let id = options::theme(&text(id, "theme")?)?;
        self.live()?.set_theme(&id);
        Ok(())
    }

    /// `setScale(step)`: 1 to 3, snapped to the nearest step (1, 1.25, 1.5,
    /// 1.75, 2, 2.5, 3).
    #[wasm_bindgen(js_name = setScale)]
    pub fn set_scale(&self, scale: &JsValue) -> Result<(), JsValue> {
        let scale = options::scale(scale.as_f64().unwrap_or(f64::NAN))?;
        self.live()?.set_scale(scale);
        Ok(())
    }

    /// The current mode.
    #[wasm_bindgen(getter)]
    pub fn mode(&self) -> String {
        self.core.prefs().mode.as_str().to_owned()
    }

    /// The current theme id (or `'auto'`).
    #[wasm_bindgen(getter)]
    pub fn theme(&self) -> String {
        self.core.prefs().theme
    }

    /// The current scale step.
    #[wasm_bindgen(getter)]
    pub fn scale(&self) -> f64 {
        f64::from(self.core.prefs().scale)
    }

    /// Focuses the toolbar (its current tool), e.g. after showing the view
    /// in answer to a reader's click.
    pub fn focus(&self) {
        if !self.core.destroyed.get() {
            self.core.focus_toolbar();
        }
    }

    /// `speak({ from })`: not available yet; throws `unsupported`.
    pub fn speak(&self, _options: &JsValue) -> Result<(), JsValue> {
        Err(web_error(WebErrorCode::Unsupported, NO_SPEECH, None))
    }

    /// `pause()`: not available yet; throws `unsupported`.
    pub fn pause(&self) -> Result<(), JsValue> {
        Err(web_error(WebErrorCode::Unsupported, NO_SPEECH, None))
    }

    /// `resume()`: not available yet; throws `unsupported`.
    pub fn resume(&self) -> Result<(), JsValue> {
        Err(web_error(WebErrorCode::Unsupported, NO_SPEECH, None))
    }

    /// `stop()`: not available yet; throws `unsupported`.
    pub fn stop(&self) -> Result<(), JsValue> {
        Err(web_error(WebErrorCode::Unsupported, NO_SPEECH, None))
    }

    /// The host element's `addEventListener`: `modechange`, `themechange`,
    /// `scalechange`, `action`.
    #[wasm_bindgen(js_name = addEventListener)]
    pub fn add_event_listener(
        &self,
        kind: &JsValue,
        listener: &JsValue,
        options: &JsValue,
    ) -> Result<(), JsValue> {
        forward(
            &self.core.dom.host,
            "addEventListener",
            kind,
            listener,
            options,
        )
    }

    /// The host element's `removeEventListener`.
    #[wasm_bindgen(js_name = removeEventListener)]
    pub fn remove_event_listener(
        &self,
        kind: &JsValue,
        listener: &JsValue,
        options: &JsValue,
    ) -> Result<(), JsValue> {
        forward(
            &self.core.dom.host,
            "removeEventListener",
            kind,
            listener,
            options,
        )
    }

    /// Removes the view and every listener it added; the host element is
    /// left as it was. Calling it again does nothing.
    pub fn destroy(&self) {
        self.core.destroy();
    }
}

impl Drop for Viewer {
    /// Freeing the handle (`viewer.free()`) also takes the view down.
    fn drop(&mut self) {
        self.core.destroy();
    }
}
