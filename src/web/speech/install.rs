//! Setting a view's reading aloud up: the engine (the host's hook, else the
//! browser's), its callbacks, and the listeners for page hide, voices
//! arriving late, and 指读's pointer and focus.

use std::rc::{Rc, Weak};

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Event;

use super::super::core::Core;
use super::super::toolbar::handler;
use super::engine::{browser_synth, Engine, Hook, WebSpeech};
use super::{on_report, set_unavailable, stop, view, Report};
use crate::render::document_lang;
use crate::render::toolbar::NoVoice;
use crate::speech::voice::utterance_lang;
use crate::Document;

/// A callback that lives as long as the page: engines and timers may call
/// it after the view is destroyed (a late `end`, a promise settling), and
/// a freed closure would throw there. It holds the view only weakly.
fn lasting<A: wasm_bindgen::convert::FromWasmAbi + 'static>(
    core: &Rc<Core>,
    body: fn(&Rc<Core>, A),
) -> Function {
    let weak: Weak<Core> = Rc::downgrade(core);
    let closure = Closure::<dyn Fn(A)>::new(move |arg: A| {
        if let Some(core) = weak.upgrade() {
            if !core.destroyed.get() {
                body(&core, arg);
            }
        }
    });
    closure.into_js_value().unchecked_into()
}

/// Like [`lasting`], for `(token, value)` callbacks.
fn lasting2(core: &Rc<Core>, body: fn(&Rc<Core>, JsValue, JsValue)) -> Function {
    let weak: Weak<Core> = Rc::downgrade(core);
    let closure = Closure::<dyn Fn(JsValue, JsValue)>::new(move |a: JsValue, b: JsValue| {
        if let Some(core) = weak.upgrade() {
            if !core.destroyed.get() {
                body(&core, a, b);
            }
        }
    });
    closure.into_js_value().unchecked_into()
}

/// Chooses the engine (the host's hook, else the browser's) and adds the
/// listeners: page hide, voices arriving, 指读's pointer and focus.
pub(in super::super) fn install(
    core: &Rc<Core>,
    doc: &Document,
    hook: Option<(JsValue, Function, Option<Function>)>,
) -> Result<(), JsValue> {
    let engine = match hook {
        Some((target, speak, cancel)) => Engine::Hook(Hook {
            target,
            speak,
            cancel,
            on_done: lasting2(core, |core, token, _| on_report(core, token, Report::Ended)),
            on_fail: lasting2(core, |core, token, reason| {
                let message = Reflect::get(&reason, &JsValue::from_str("message"))
                    .ok()
                    .and_then(|m| m.as_string())
                    .or_else(|| reason.as_string())
                    .unwrap_or_else(|| "the host's speak() failed".to_owned());
                on_report(core, token, Report::Failed(message));
            }),
        }),
        None => match browser_synth() {
            Some(synth) => Engine::Browser(WebSpeech {
                synth,
                lang: utterance_lang(document_lang(doc)),
                on_end: lasting(core, |core, event: Event| {
                    if let Some(token) = utterance_token(core, &event) {
                        on_report(core, JsValue::from(token), Report::Ended);
                    }
                }),
                on_error: lasting(core, |core, event: Event| {
                    if let Some(token) = utterance_token(core, &event) {
                        let code = Reflect::get(&event, &JsValue::from_str("error"))
                            .ok()
                            .and_then(|e| e.as_string())
                            .unwrap_or_default();
                        let report = match code.as_str() {
                            // Someone else (the page, another tab) cancelled it.
                            "interrupted" | "canceled" => Report::Interrupted,
                            _ => Report::Failed(format!("speech synthesis error: {code}")),
                        };
                        on_report(core, JsValue::from(token), report);
                    }
                }),
            }),
            None => Engine::None,
        },
    };
    let synth = match &engine {
        Engine::Browser(web) => Some(web.synth.clone()),
        _ => None,
    };
    {
        let mut speech = core
            .speech
            .try_borrow_mut()
            .map_err(|_| JsValue::from_str("speech busy"))?;
        speech.engine = engine;
        speech.on_watchdog = Some(lasting(core, |core, token: JsValue| {
            on_report(core, token, Report::TimedOut)
        }));
        speech.on_dwell = Some(lasting(core, |core, _: JsValue| view::dwell_done(core)));
    }
    let mut listeners = core
        .listeners
        .try_borrow_mut()
        .map_err(|_| JsValue::from_str("listeners busy"))?;
    if let Some(window) = web_sys::window() {
        listeners.add(
            &window,
            "pagehide",
            false,
            handler(core, |core, _| stop(core)),
        )?;
        if let Some(document) = window.document() {
            listeners.add(
                &document,
                "visibilitychange",
                false,
                handler(core, |core, _| {
                    if web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.hidden())
                    {
                        stop(core);
                    }
                }),
            )?;
        }
    }
    if let Some(synth) = synth {
        // Voices arrive late on some browsers: a "no Chinese voice" note
        // goes away when one comes. (Asking for them also starts loading.)
        let _ = synth.get_voices();
        listeners.add(
            &synth,
            "voiceschanged",
            false,
            handler(core, |core, _| voices_changed(core)),
        )?;
    }
    let root = core.dom.root.clone();
    listeners.add(&root, "click", false, handler(core, view::on_point_click))?;
    listeners.add(&root, "focusin", false, handler(core, view::on_focus))?;
    listeners.add(
        &root,
        "pointerover",
        true,
        handler(core, view::on_pointer_over),
    )?;
    listeners.add(
        &root,
        "pointerout",
        true,
        handler(core, view::on_pointer_out),
    )?;
    drop(listeners);
    // A browser with no engine, or no Chinese voice yet, says so at once.
    let unavailable = core
        .speech
        .try_borrow()
        .ok()
        .and_then(|s| s.engine.unavailable());
    if unavailable == Some(NoVoice::NoEngine) {
        set_unavailable(core, unavailable);
    }
    Ok(())
}

/// The token of the utterance an event is about, if it is the one under way.
fn utterance_token(core: &Core, event: &Event) -> Option<u32> {
    let speech = core.speech.try_borrow().ok()?;
    let target: JsValue = event.target()?.into();
    let current: &JsValue = speech.utterance.as_ref()?;
    if &target == current {
        speech.reader.token()
    } else {
        None
    }
}

fn voices_changed(core: &Core) {
    let shown = core.speech.try_borrow().ok().and_then(|s| s.unavailable);
    if shown == Some(NoVoice::NoChineseVoice) {
        let now = core
            .speech
            .try_borrow()
            .ok()
            .and_then(|s| s.engine.unavailable());
        if now.is_none() {
            set_unavailable(core, None);
        }
    }
}
