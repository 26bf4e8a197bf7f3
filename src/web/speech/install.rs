//! Setting a view's reading aloud up: the engine (the host's hook, else the
//! browser's), its callbacks, and the listeners for page hide, voices
//! arriving late, and 指读's pointer and focus.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Event;

use super::super::core::Core;
use super::super::toolbar::handler;
use super::engine::{browser_synth, Engine, Hook, WebSpeech};
use super::{on_report, point, set_unavailable, stop, waiting, Report};
use crate::render::document_lang;
use crate::render::toolbar::NoVoice;
use crate::speech::voice::utterance_lang;
use crate::Document;

/// A late callback: one an engine or a timer may call after the view is
/// destroyed (a late `end`, a promise settling, a timer firing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Late {
    /// The host hook's promise resolved: `(token, value)`.
    HookDone,
    /// The host hook's promise rejected: `(token, reason)`.
    HookFail,
    /// An utterance's `end` event.
    End,
    /// An utterance's `error` event.
    Error,
    /// The watchdog's timer: `(token)`.
    Watchdog,
    /// 指读's dwell timer.
    Dwell,
    /// The timer of a press of 朗读 waiting for the voices.
    VoiceWait,
}

impl Late {
    const ALL: [Late; 7] = [
        Late::HookDone,
        Late::HookFail,
        Late::End,
        Late::Error,
        Late::Watchdog,
        Late::Dwell,
        Late::VoiceWait,
    ];
}

thread_local! {
    /// The page's one closure for every late callback of every view, made
    /// on first use and never freed: a closure per view would have to
    /// outlive the view (a freed one throws when called), so each view
    /// would leave its closures behind.
    static DISPATCH: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// The views the dispatcher can reach, by number; destroyed ones are
    /// dropped as new ones come.
    static VIEWS: RefCell<Vec<(u32, Weak<Core>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_VIEW: Cell<u32> = const { Cell::new(0) };
}

/// The number of `core` for the dispatcher, registering it the first time.
fn view_number(core: &Rc<Core>) -> u32 {
    let weak = Rc::downgrade(core);
    VIEWS.with(|views| {
        let Ok(mut views) = views.try_borrow_mut() else {
            return u32::MAX;
        };
        if let Some((number, _)) = views.iter().find(|(_, w)| Weak::ptr_eq(w, &weak)) {
            return *number;
        }
        views.retain(|(_, w)| w.upgrade().is_some_and(|core| !core.destroyed.get()));
        let number = NEXT_VIEW.with(|next| {
            let number = next.get();
            next.set(number.wrapping_add(1));
            number
        });
        views.push((number, weak));
        number
    })
}

fn dispatcher() -> Option<Function> {
    DISPATCH.with(|slot| {
        let mut slot = slot.try_borrow_mut().ok()?;
        if slot.is_none() {
            let closure = Closure::<dyn Fn(u32, u32, JsValue, JsValue)>::new(dispatch);
            *slot = Some(closure.into_js_value().unchecked_into());
        }
        slot.clone()
    })
}

/// Runs a late callback on its view, if the view is still there.
fn dispatch(number: u32, kind: u32, a: JsValue, b: JsValue) {
    let core = VIEWS.with(|views| {
        let views = views.try_borrow().ok()?;
        let (_, weak) = views.iter().find(|(n, _)| *n == number)?;
        weak.upgrade()
    });
    let (Some(core), Some(kind)) = (core, Late::ALL.get(kind as usize)) else {
        return;
    };
    if core.destroyed.get() {
        return;
    }
    match kind {
        Late::HookDone => on_report(&core, a, Report::Ended),
        Late::HookFail => {
            let message = Reflect::get(&b, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .or_else(|| b.as_string())
                .unwrap_or_else(|| "the host's speak() failed".to_owned());
            on_report(&core, a, Report::Failed(message));
        }
        Late::End => {
            if let Some(token) = a.dyn_ref::<Event>().and_then(|e| utterance_token(&core, e)) {
                on_report(&core, JsValue::from(token), Report::Ended);
            }
        }
        Late::Error => {
            let Some(event) = a.dyn_ref::<Event>() else {
                return;
            };
            if let Some(token) = utterance_token(&core, event) {
                let code = Reflect::get(event, &JsValue::from_str("error"))
                    .ok()
                    .and_then(|e| e.as_string())
                    .unwrap_or_default();
                let report = match code.as_str() {
                    // Someone else (the page, another tab) cancelled it;
                    // or the browser refused to speak before the reader's
                    // first tap or key (`not-allowed`): reading stops, and
                    // the voice is no less usable for it.
                    "interrupted" | "canceled" | "not-allowed" => Report::Interrupted,
                    _ => Report::Failed(format!("speech synthesis error: {code}")),
                };
                on_report(&core, JsValue::from(token), report);
            }
        }
        Late::Watchdog => on_report(&core, a, Report::TimedOut),
        Late::Dwell => point::dwell_done(&core),
        Late::VoiceWait => waiting::gave_up(&core),
    }
}

/// The function an engine or timer calls for `kind` on `core`'s view: the
/// page's dispatcher with the view and the kind bound to it.
fn lasting(core: &Rc<Core>, kind: Late) -> Result<Function, JsValue> {
    let dispatch = dispatcher().ok_or_else(|| JsValue::from_str("speech callbacks busy"))?;
    let position = Late::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default();
    let bound: JsValue = dispatch
        .bind2(
            &JsValue::NULL,
            &JsValue::from(view_number(core)),
            &JsValue::from(u32::try_from(position).unwrap_or_default()),
        )
        .into();
    Ok(bound.unchecked_into())
}

/// Chooses the engine (the host's hook, else the browser's) and adds the
/// listeners: page hide, voices arriving, 指读's pointer and focus.
pub(in super::super) fn install(
    core: &Rc<Core>,
    doc: &Document,
    hook: Option<(JsValue, Function, Option<Function>)>,
    voice: Option<String>,
) -> Result<(), JsValue> {
    super::register(core);
    let engine = match hook {
        Some((target, speak, cancel)) => Engine::Hook(Hook {
            target,
            speak,
            cancel,
            on_done: lasting(core, Late::HookDone)?,
            on_fail: lasting(core, Late::HookFail)?,
        }),
        None => match browser_synth() {
            Some(synth) => Engine::Browser(WebSpeech {
                synth,
                lang: utterance_lang(document_lang(doc)),
                on_end: lasting(core, Late::End)?,
                on_error: lasting(core, Late::Error)?,
                wanted: Rc::new(RefCell::new(voice)),
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
        speech.on_watchdog = Some(lasting(core, Late::Watchdog)?);
        speech.on_dwell = Some(lasting(core, Late::Dwell)?);
        speech.on_voice_wait = Some(lasting(core, Late::VoiceWait)?);
    }
    let mut listeners = core
        .listeners
        .try_borrow_mut()
        .map_err(|_| JsValue::from_str("listeners busy"))?;
    if let Some(window) = web_sys::window() {
        listeners.add_when_shown(&window, "pagehide", handler(core, |core, _| stop(core)));
        if let Some(document) = window.document() {
            listeners.add_when_shown(
                &document,
                "visibilitychange",
                handler(core, |core, _| {
                    if web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.hidden())
                    {
                        stop(core);
                    }
                }),
            );
        }
    }
    if let Some(synth) = synth {
        // Voices arrive late on some browsers: a "no Chinese voice" note
        // goes away when one comes. (Asking for them also starts loading.)
        let _ = synth.get_voices();
        listeners.add_when_shown(
            &synth,
            "voiceschanged",
            handler(core, |core, _| voices_changed(core)),
        );
    }
    let root = core.dom.root.clone();
    listeners.add(&root, "click", false, handler(core, point::on_point_click))?;
    listeners.add(&root, "focusin", false, handler(core, point::on_focus))?;
    listeners.add(
        &root,
        "pointerover",
        true,
        handler(core, point::on_pointer_over),
    )?;
    listeners.add(
        &root,
        "pointerout",
        true,
        handler(core, point::on_pointer_out),
    )?;
    listeners.add(
        &root,
        "pointermove",
        true,
        handler(core, point::on_pointer_move),
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
    let ours = speech
        .utterances
        .iter()
        .any(|utterance| AsRef::<JsValue>::as_ref(utterance) == &target);
    if ours {
        speech.reader.token()
    } else {
        None
    }
}

fn voices_changed(core: &Core) {
    waiting::voices_came(core);
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
