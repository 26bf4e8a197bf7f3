//! The two engines a view reads aloud with: the browser's Web Speech API,
//! or the host's own voice (`mount(…, { speech: { speak, cancel } })`).
//!
//! An engine only starts and cancels utterances; what it reports (end,
//! error) comes back through [`super::report`] with the utterance's token,
//! and the queue in [`crate::speech::reader`] decides what follows.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::render::toolbar::NoVoice;
use crate::speech::voice::{choose_voice, VoiceInfo};
use crate::speech::{utterance_parts, Chunk};

use super::super::error::{web_error, WebErrorCode};

/// What an engine is.
#[derive(Clone)]
pub(super) enum Engine {
    /// The browser's `speechSynthesis`.
    Browser(WebSpeech),
    /// The host's `speech` option.
    Hook(Hook),
    /// Neither: the browser has no `speechSynthesis`.
    None,
}

/// The browser's engine, and the handlers every utterance reports to.
#[derive(Clone)]
pub(super) struct WebSpeech {
    pub synth: SpeechSynthesis,
    /// The document's language, set on every utterance.
    pub lang: String,
    /// Called with the `end` and `error` events of an utterance.
    pub on_end: Function,
    pub on_error: Function,
    /// The voice asked for by name (`voice` option, `setVoice`), shared by
    /// every copy of the engine.
    pub wanted: Rc<RefCell<Option<String>>>,
}

/// The host's engine, and the functions its promises settle into (each
/// bound to an utterance's token).
#[derive(Clone)]
pub(super) struct Hook {
    pub target: JsValue,
    pub speak: Function,
    pub cancel: Option<Function>,
    /// Called as `(token, value)` when a `speak` promise resolves or rejects.
    pub on_done: Function,
    pub on_fail: Function,
}

/// Reads the `speech` mount option: `{ speak(chunk) → Promise, cancel() }`;
/// `None` when it is not given.
pub(in super::super) fn hook_option(
    options: &JsValue,
) -> Result<Option<(JsValue, Function, Option<Function>)>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let given = Reflect::get(options, &JsValue::from_str("speech")).unwrap_or(JsValue::UNDEFINED);
    if given.is_undefined() || given.is_null() {
        return Ok(None);
    }
    let bad = |path: &str, what: &str| web_error(WebErrorCode::Argument, what, Some(path));
    if !given.is_object() {
        return Err(bad(
            "speech",
            "speech must be an object with speak(chunk) and cancel()",
        ));
    }
    let speak = Reflect::get(&given, &JsValue::from_str("speak"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| bad("speech.speak", "speech.speak must be a function"))?;
    let cancel = Reflect::get(&given, &JsValue::from_str("cancel")).unwrap_or(JsValue::UNDEFINED);
    let cancel = if cancel.is_undefined() || cancel.is_null() {
        None
    } else {
        Some(
            cancel
                .dyn_into::<Function>()
                .map_err(|_| bad("speech.cancel", "speech.cancel must be a function"))?,
        )
    };
    Ok(Some((given, speak, cancel)))
}

/// Reads the `voice` mount option: the name of the voice to read with.
pub(in super::super) fn voice_option(options: &JsValue) -> Result<Option<String>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let given = Reflect::get(options, &JsValue::from_str("voice")).unwrap_or(JsValue::UNDEFINED);
    if given.is_undefined() || given.is_null() {
        return Ok(None);
    }
    given.as_string().map(Some).ok_or_else(|| {
        web_error(
            WebErrorCode::Argument,
            "voice must be the name of a voice",
            Some("voice"),
        )
    })
}

/// The browser's `speechSynthesis`, if it has one.
pub(super) fn browser_synth() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let synth = Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    if synth.is_object() {
        Some(synth.unchecked_into())
    } else {
        None
    }
}

impl WebSpeech {
    /// The voices the browser offers now (late on some browsers: the list
    /// fills in with `voiceschanged`).
    fn voices(&self) -> Vec<SpeechSynthesisVoice> {
        let list: Array = self.synth.get_voices();
        list.iter().map(JsCast::unchecked_into).collect()
    }

    /// The voices that can read the document: `(name, lang, local)`.
    pub fn chinese_voices(&self) -> Vec<(String, String, bool)> {
        self.voices()
            .iter()
            .map(voice_facts)
            .filter(|(name, lang, local)| {
                let info = VoiceInfo {
                    name,
                    lang,
                    local: *local,
                };
                choose_voice(std::slice::from_ref(&info), &self.lang, None).is_some()
            })
            .collect()
    }

    /// The voice for the document: the one asked for by name if it speaks
    /// Chinese, else the best Chinese one; `None` when no voice speaks it.
    fn voice(&self) -> Option<SpeechSynthesisVoice> {
        let voices = self.voices();
        let facts: Vec<(String, String, bool)> = voices.iter().map(voice_facts).collect();
        let infos: Vec<VoiceInfo> = facts
            .iter()
            .map(|(name, lang, local)| VoiceInfo {
                name,
                lang,
                local: *local,
            })
            .collect();
        let wanted = self.wanted.try_borrow().ok().and_then(|w| w.clone());
        choose_voice(&infos, &self.lang, wanted.as_deref()).and_then(|i| voices.get(i).cloned())
    }
}

/// A voice's name, language tag and whether it is on the device.
fn voice_facts(voice: &SpeechSynthesisVoice) -> (String, String, bool) {
    let text = |key: &str| {
        Reflect::get(voice, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let local = Reflect::get(voice, &JsValue::from_str("localService"))
        .ok()
        .and_then(|l| l.as_bool())
        .unwrap_or(false);
    (text("name"), text("lang"), local)
}

impl Engine {
    /// Whether this is the browser's engine and it lists no voice at all
    /// (yet: see `waiting`).
    pub fn lists_no_voices(&self) -> bool {
        matches!(self, Engine::Browser(web) if web.voices().is_empty())
    }

    /// Why this engine cannot read now, or `None` when it can.
    pub fn unavailable(&self) -> Option<NoVoice> {
        match self {
            Engine::Hook(_) => None,
            Engine::None => Some(NoVoice::NoEngine),
            Engine::Browser(web) => web.voice().is_none().then_some(NoVoice::NoChineseVoice),
        }
    }

    /// Starts saying `chunk`; reports come back with `token`. Returns the
    /// utterances (browser engine) to keep until they end: an utterance
    /// that nothing references may be collected before it reports its end.
    /// The browser says a chunk in one utterance, or, at a slow rate, in
    /// the parts [`utterance_parts`] cuts it into, queued at once: errors
    /// come from any of them, the end from the last.
    pub fn speak(
        &self,
        chunk: &Chunk,
        token: u32,
        rate: f32,
    ) -> Result<Vec<SpeechSynthesisUtterance>, JsValue> {
        match self {
            Engine::None => Err(JsValue::from_str("no speech engine")),
            Engine::Browser(web) => {
                let parts = utterance_parts(&chunk.text, rate);
                let voice = web.voice();
                let mut utterances = Vec::with_capacity(parts.len());
                for (i, part) in parts.iter().enumerate() {
                    let utterance = SpeechSynthesisUtterance::new_with_text(part)?;
                    utterance.set_lang(&web.lang);
                    utterance.set_rate(rate);
                    if let Some(voice) = &voice {
                        utterance.set_voice(Some(voice));
                    }
                    if i + 1 == parts.len() {
                        utterance.add_event_listener_with_callback("end", &web.on_end)?;
                    }
                    utterance.add_event_listener_with_callback("error", &web.on_error)?;
                    utterances.push(utterance);
                }
                // A page (or an earlier view) may have left the engine paused.
                if web.synth.paused() {
                    web.synth.resume();
                }
                for utterance in &utterances {
                    web.synth.speak(utterance);
                }
                Ok(utterances)
            }
            Engine::Hook(hook) => {
                let detail = chunk_object(chunk, rate)?;
                let returned = hook.speak.call1(&hook.target, &detail)?;
                // Promise.resolve: a host may return a plain value (done at
                // once) or any thenable.
                let promise_class = Reflect::get(&js_sys::global(), &JsValue::from_str("Promise"))?;
                let promise = call(&promise_class, "resolve", &[returned])?;
                let token = JsValue::from(token);
                let done = call(&hook.on_done, "bind", &[JsValue::NULL, token.clone()])?;
                let fail = call(&hook.on_fail, "bind", &[JsValue::NULL, token])?;
                call(&promise, "then", &[done, fail])?;
                Ok(Vec::new())
            }
        }
    }

    /// Stops listening to the utterances of a finished chunk.
    pub fn release(&self, utterances: &[SpeechSynthesisUtterance]) {
        if let Engine::Browser(web) = self {
            for utterance in utterances {
                let _ = utterance.remove_event_listener_with_callback("end", &web.on_end);
                let _ = utterance.remove_event_listener_with_callback("error", &web.on_error);
            }
        }
    }

    /// Cancels whatever is being said.
    pub fn cancel(&self, utterances: &[SpeechSynthesisUtterance]) {
        match self {
            Engine::None => {}
            Engine::Browser(web) => {
                // Their reports are no longer wanted; some engines still
                // send them after the cancel.
                self.release(utterances);
                web.synth.cancel();
            }
            Engine::Hook(hook) => {
                if let Some(cancel) = &hook.cancel {
                    // A host's cancel that throws is the host's error: the
                    // reading is stopped here either way.
                    let _ = cancel.call0(&hook.target);
                }
            }
        }
    }
}

/// The chunk as the host's `speak` and the events see it:
/// `{ id, kind, text, index, rate }`.
pub(super) fn chunk_object(chunk: &Chunk, rate: f32) -> Result<JsValue, JsValue> {
    let object = js_sys::Object::new();
    let set = |key: &str, value: JsValue| Reflect::set(&object, &JsValue::from_str(key), &value);
    set("id", JsValue::from_str(&chunk.target))?;
    set("kind", JsValue::from_str(chunk.kind.as_str()))?;
    set("text", JsValue::from_str(&chunk.text))?;
    set("index", JsValue::from(chunk.index))?;
    set("rate", JsValue::from_f64(super::rate_for_js(rate)))?;
    Ok(object.into())
}

/// `target[name](...args)`.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    let list: Array = args.iter().collect();
    Reflect::apply(&function, target, &list)
}
