//! `Viewer`, what `mount` returns: the host's handle on a view.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::core::{By, Core};
use super::error::{web_error, WebErrorCode};
use super::options;
use super::speech;
use crate::prefs::{speech_rate_from, Prefs};
use crate::render::toolbar::no_voice_note;
use crate::render::Locale;
use js_sys::Reflect;

/// A mounted view. Changing the mode, theme or scale sets attributes on the
/// view's root (nothing is rendered again), keeps the block at the top of
/// the view where it was on the screen, stores the reader's preferences,
/// and dispatches `modechange`, `themechange` or `scalechange` on the host
/// element (`detail`: the new value).
///
/// The view lives until `destroy()`, whether or not this handle is kept:
/// a handle that JavaScript collects (or frees) leaves the view working.
#[wasm_bindgen]
pub struct Viewer {
    /// The view, until `destroy()` lets it go: a destroyed handle that
    /// JavaScript has not collected yet holds no view.
    core: RefCell<Option<Rc<Core>>>,
    /// Once destroyed, what the getters and the listener methods go on
    /// using.
    gone: RefCell<Option<Gone>>,
}

/// What a destroyed viewer remembers: the last preferences.
struct Gone {
    prefs: Prefs,
    voice: Option<String>,
}

impl Viewer {
    pub(super) fn new(core: Rc<Core>) -> Viewer {
        keep(&core);
        Viewer {
            core: RefCell::new(Some(core)),
            gone: RefCell::new(None),
        }
    }

    /// The view, unless destroyed.
    fn core(&self) -> Option<Rc<Core>> {
        self.core.try_borrow().ok().and_then(|core| core.clone())
    }

    fn live(&self) -> Result<Rc<Core>, JsValue> {
        self.core()
            .filter(|core| !core.destroyed.get())
            .ok_or_else(|| web_error(WebErrorCode::Destroyed, "the viewer was destroyed", None))
    }

    /// `read` of what a destroyed viewer remembers; `None` while it lives.
    fn gone<T>(&self, read: impl FnOnce(&Gone) -> T) -> Option<T> {
        self.gone.try_borrow().ok()?.as_ref().map(read)
    }

    /// The current preferences, or the last ones once destroyed.
    fn prefs(&self) -> Prefs {
        match self.core() {
            Some(core) => core.prefs(),
            None => self.gone(|g| g.prefs.clone()).unwrap_or_default(),
        }
    }
}

thread_local! {
    /// Every view not yet destroyed. The views' own listeners hold them only
    /// weakly, and the handle given to JavaScript may be collected at any
    /// time, so this is what keeps a view alive until `destroy()`.
    static LIVE: RefCell<Vec<Rc<Core>>> = const { RefCell::new(Vec::new()) };
}

fn keep(core: &Rc<Core>) {
    LIVE.with(|live| live.borrow_mut().push(Rc::clone(core)));
}

/// Forgets a destroyed view; it is freed once its last handle goes.
fn forget(core: &Rc<Core>) {
    let removed = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let at = live.iter().position(|other| Rc::ptr_eq(other, core))?;
        Some(live.swap_remove(at))
    });
    drop(removed);
}

/// Whose a setter's change is: the reader's where it is `store`d.
fn by(store: bool) -> By {
    if store {
        By::Reader
    } else {
        By::Page
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

#[wasm_bindgen]
impl Viewer {
    /// `setMode('standard' | 'elderly', { store })`.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&self, mode: &JsValue, options: &JsValue) -> Result<(), JsValue> {
        let mode = options::mode(&text(mode, "mode")?)?;
        let store = options::store(options)?;
        self.live()?.set_mode(mode, by(store));
        Ok(())
    }

    /// `setTheme(id, { store })`: an id from `themes()`, or `'auto'`.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, id: &JsValue, options: &JsValue) -> Result<(), JsValue> {
        let id = options::theme(&text(id, "theme")?)?;
        let store = options::store(options)?;
        self.live()?.set_theme(&id, by(store));
        Ok(())
    }

    /// `setScale(step, { store })`: 1 to 3, snapped to the nearest step
    /// (1, 1.25, 1.5, 1.75, 2, 2.5, 3).
    #[wasm_bindgen(js_name = setScale)]
    pub fn set_scale(&self, scale: &JsValue, options: &JsValue) -> Result<(), JsValue> {
        let scale = options::scale(scale.as_f64().unwrap_or(f64::NAN))?;
        let store = options::store(options)?;
        self.live()?.set_scale(scale, by(store));
        Ok(())
    }

    /// The current mode.
    #[wasm_bindgen(getter)]
    pub fn mode(&self) -> String {
        self.prefs().mode.as_str().to_owned()
    }

    /// The current theme id (or `'auto'`).
    #[wasm_bindgen(getter)]
    pub fn theme(&self) -> String {
        self.prefs().theme
    }

    /// The current scale step.
    #[wasm_bindgen(getter)]
    pub fn scale(&self) -> f64 {
        f64::from(self.prefs().scale)
    }

    /// Focuses the toolbar (its current tool), e.g. after showing the view
    /// in answer to a reader's click. `{ focusVisible: true }`: the reader
    /// came by a key, and the focus shows its ring (as it then does while
    /// keys are used in the view).
    pub fn focus(&self, options: &JsValue) {
        if let Ok(core) = self.live() {
            let by_key = options.is_object()
                && js_sys::Reflect::get(options, &JsValue::from_str("focusVisible"))
                    .is_ok_and(|value| value.is_truthy());
            if by_key {
                core.note_input(true);
            }
            // A view put in the page inert, ahead, and shown since: shown
            // from here on (see `Core::seen`).
            core.seen();
            core.focus_toolbar();
        }
    }

    /// `speak({ from }?)`: reads the document aloud from the element with
    /// id `from` (a section, a paragraph…), or from the top. Browsers read
    /// aloud only after a reader's gesture: call it from a click handler.
    /// Throws `unsupported` when there is no voice to read with (no speech
    /// engine, no Chinese voice) and no `speech` hook was given at mount.
    pub fn speak(&self, options: &JsValue) -> Result<(), JsValue> {
        let core = self.live()?;
        let from = options::Given::read(options)?.string("from")?;
        speech::speak_from(&core, from.as_deref()).map_err(|why| {
            web_error(
                WebErrorCode::Unsupported,
                no_voice_note(Locale::En, why),
                None,
            )
        })
    }

    /// `pause()`: pauses reading; `resume()` says the interrupted sentence
    /// again. Does nothing when not reading.
    /// Does nothing once destroyed (nothing is read then).
    pub fn pause(&self) {
        if let Ok(core) = self.live() {
            speech::pause(&core);
        }
    }

    /// `resume()`: resumes a paused reading. Does nothing once destroyed.
    pub fn resume(&self) {
        if let Ok(core) = self.live() {
            speech::resume(&core);
        }
    }

    /// `stop()`: stops reading. Does nothing when not reading, nor once
    /// destroyed.
    pub fn stop(&self) {
        if let Ok(core) = self.live() {
            speech::stop(&core);
        }
    }

    /// `'idle'`, `'speaking'` or `'paused'`.
    #[wasm_bindgen(getter, js_name = speechState)]
    pub fn speech_state(&self) -> String {
        self.core()
            .map_or("idle", |core| speech::status(&core).as_str())
            .to_owned()
    }

    /// The speech rate, 0.5 to 2 (default 0.9).
    #[wasm_bindgen(getter, js_name = speechRate)]
    pub fn speech_rate(&self) -> f64 {
        speech::rate_for_js(self.prefs().speech_rate)
    }

    /// `setSpeechRate(rate)`: 0.5 to 2, stored with the reader's
    /// preferences; applies from the next sentence.
    #[wasm_bindgen(js_name = setSpeechRate)]
    pub fn set_speech_rate(&self, rate: &JsValue) -> Result<(), JsValue> {
        let rate = rate.as_f64().and_then(speech_rate_from).ok_or_else(|| {
            web_error(
                WebErrorCode::Argument,
                "rate must be a number from 0.5 to 2",
                Some("rate"),
            )
        })?;
        self.live()?.set_speech_rate(rate);
        Ok(())
    }

    /// `setVoice(name)`: the voice to read with, by name (one of
    /// `voices()`), from the next sentence on; `null` for the best Chinese
    /// voice. A name the browser lacks, or a voice that cannot read
    /// Chinese, leaves the best one in use.
    #[wasm_bindgen(js_name = setVoice)]
    pub fn set_voice(&self, name: &JsValue) -> Result<(), JsValue> {
        let name = if name.is_null() || name.is_undefined() {
            None
        } else {
            Some(text(name, "name")?)
        };
        let core = self.live()?;
        speech::set_voice(&core, name);
        Ok(())
    }

    /// The voice asked for by name (`voice` option or `setVoice`), or `null`.
    #[wasm_bindgen(getter)]
    pub fn voice(&self) -> JsValue {
        let name = match self.core() {
            Some(core) => speech::wanted_voice(&core),
            None => self.gone(|g| g.voice.clone()).flatten(),
        };
        name.map_or(JsValue::NULL, |name| JsValue::from_str(&name))
    }

    /// The browser's voices that can read the document, as
    /// `[{ name, lang, local }]` (empty with a host hook or no speech
    /// synthesis; some browsers fill the list in a moment after loading).
    pub fn voices(&self) -> Result<JsValue, JsValue> {
        let list = js_sys::Array::new();
        let voices = self.core().map(|core| speech::voices(&core));
        for (name, lang, local) in voices.unwrap_or_default() {
            let entry = js_sys::Object::new();
            Reflect::set(
                &entry,
                &JsValue::from_str("name"),
                &JsValue::from_str(&name),
            )?;
            Reflect::set(
                &entry,
                &JsValue::from_str("lang"),
                &JsValue::from_str(&lang),
            )?;
            Reflect::set(
                &entry,
                &JsValue::from_str("local"),
                &JsValue::from_bool(local),
            )?;
            list.push(&entry);
        }
        Ok(list.into())
    }

    /// Listens to the view's events (`modechange`, `themechange`,
    /// `scalechange`, `action`, `chunkstart`, `chunkend`, `speechend`,
    /// `speecherror`), which it dispatches on the host element: as the
    /// host's `addEventListener` (the same options, `this` and order), but
    /// the listener is the view's own, called for this view's events only
    /// and removed by `destroy()`.
    #[wasm_bindgen(js_name = addEventListener)]
    pub fn add_event_listener(
        &self,
        kind: &JsValue,
        listener: &JsValue,
        options: &JsValue,
    ) -> Result<(), JsValue> {
        let core = self.live()?;
        let kind = text(kind, "type")?;
        if listener.is_null() || listener.is_undefined() {
            return Ok(());
        }
        if !listener.is_object() && !listener.is_function() {
            return Err(web_error(
                WebErrorCode::Argument,
                "listener must be a function or an object with handleEvent",
                Some("listener"),
            ));
        }
        let Ok(mut listeners) = core.listeners.try_borrow_mut() else {
            return Ok(());
        };
        listeners.add_for_page(&core, kind, listener.clone(), options)
    }

    /// Removes a listener added with `addEventListener` (the same type,
    /// listener and capture); nothing once destroyed, when `destroy()` has
    /// removed them all.
    #[wasm_bindgen(js_name = removeEventListener)]
    pub fn remove_event_listener(&self, kind: &JsValue, listener: &JsValue, options: &JsValue) {
        let (Some(core), Some(kind)) = (self.core(), kind.as_string()) else {
            return;
        };
        if let Ok(mut listeners) = core.listeners.try_borrow_mut() {
            listeners.remove_for_page(&kind, listener, options);
        };
    }

    /// Removes the view and every listener it added; the host element is
    /// left as it was. Calling it again does nothing.
    pub fn destroy(&self) {
        let Some(core) = self.core.try_borrow_mut().ok().and_then(|mut c| c.take()) else {
            return;
        };
        let gone = Gone {
            prefs: core.prefs(),
            voice: speech::wanted_voice(&core),
        };
        if let Ok(mut slot) = self.gone.try_borrow_mut() {
            *slot = Some(gone);
        }
        core.destroy();
        forget(&core);
    }
}
