//! Reading aloud in a mounted view: 朗读 (from the top, from the focused
//! section, or the selection), 停止, 指读 (the paragraph, item or cell the
//! reader clicks, taps, focuses or rests the pointer on), the highlight of
//! the chunk being read, and the `chunkstart`, `chunkend`, `speechend` and
//! `speecherror` events on the host element.
//!
//! The queue is [`Reader`], pure logic; this module carries out its
//! [`Action`]s with an [`Engine`] and the DOM. No `RefCell` borrow is held
//! across a call out (an engine, a host's hook, an event listener), since
//! any of them may call back into the viewer.

mod engine;
mod view;

use std::rc::{Rc, Weak};

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, SpeechSynthesisUtterance};

use super::core::Core;
use super::events::dispatch;
use crate::render::toolbar::{NoVoice, Notice, SpeechNotice};
use crate::render::{document_lang, Mode};
use crate::speech::reader::{Action, EndReason, Reader, Status};
use crate::speech::voice::utterance_lang;
use crate::speech::{Plan, SpeechOptions};
use crate::Document;

pub(super) use engine::hook_option;
use engine::{browser_synth, chunk_object, Engine, Hook, WebSpeech};

/// How long the pointer must rest on one element before 指读 reads it.
const DWELL_MS: i32 = 600;

/// A view's reading aloud.
pub(super) struct Speech {
    plan: Plan,
    reader: Reader,
    engine: Engine,
    /// Why the last attempt could not read, shown on the controls.
    unavailable: Option<NoVoice>,
    /// The utterance under way (browser engine), kept so that it is not
    /// collected before it reports.
    utterance: Option<SpeechSynthesisUtterance>,
    /// The highlighted element.
    highlighted: Option<Element>,
    /// The watchdog's timer.
    watchdog: Option<i32>,
    /// 指读's hover: the element under the pointer and its timer.
    dwell: Option<(Element, i32)>,
    /// The last element focused in the document (not the toolbar): 朗读
    /// reads from its section.
    last_focus: Option<Element>,
    /// The last engine error, for `speecherror`.
    error: Option<String>,
    /// Timer callbacks: `(token)` for the watchdog, `()` for the dwell.
    on_watchdog: Option<Function>,
    on_dwell: Option<Function>,
}

impl Speech {
    /// A view's speech before [`install`]: the plan, no engine.
    pub fn new(doc: &Document) -> Speech {
        Speech {
            plan: Plan::new(doc, &SpeechOptions::default()),
            reader: Reader::default(),
            engine: Engine::None,
            unavailable: None,
            utterance: None,
            highlighted: None,
            watchdog: None,
            dwell: None,
            last_focus: None,
            error: None,
            on_watchdog: None,
            on_dwell: None,
        }
    }
}

/// The rate as JavaScript sees it: two decimals (0.9, not 0.8999999762).
pub(super) fn rate_for_js(rate: f32) -> f64 {
    (f64::from(rate) * 100.0).round() / 100.0
}

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
pub(super) fn install(
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

use super::toolbar::handler;

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

/// What an engine (or the watchdog) says about an utterance.
enum Report {
    Ended,
    TimedOut,
    Interrupted,
    Failed(String),
}

fn on_report(core: &Core, token: JsValue, report: Report) {
    let Some(token) = token.as_f64().and_then(|t| u32::try_from(t as i64).ok()) else {
        return;
    };
    let actions = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        match report {
            Report::Ended => speech.reader.ended(token),
            Report::TimedOut => speech.reader.timed_out(token),
            Report::Interrupted => {
                if speech.reader.token() == Some(token) {
                    speech.reader.stop()
                } else {
                    Vec::new()
                }
            }
            Report::Failed(message) => {
                let actions = speech.reader.failed(token);
                if !actions.is_empty() {
                    speech.error = Some(message);
                }
                actions
            }
        }
    };
    run(core, actions);
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

/// Records why the view cannot read (or that it can again) and shows it on
/// the controls.
fn set_unavailable(core: &Core, why: Option<NoVoice>) {
    if let Ok(mut speech) = core.speech.try_borrow_mut() {
        speech.unavailable = why;
    }
    view::show_controls(core);
}

/// Whether reading can start; if not, says why (and shows it).
fn ready(core: &Core) -> bool {
    let why = core
        .speech
        .try_borrow()
        .ok()
        .and_then(|s| s.engine.unavailable());
    set_unavailable(core, why);
    match why {
        None => true,
        Some(why) => {
            core.announce(Notice::Speech(SpeechNotice::Unavailable(why)));
            false
        }
    }
}

/// Why reading is not possible now, if it is not.
pub(super) fn unavailable(core: &Core) -> Option<NoVoice> {
    core.speech
        .try_borrow()
        .ok()
        .and_then(|s| s.engine.unavailable())
}

/// The reader's state: idle, speaking or paused.
pub(super) fn status(core: &Core) -> Status {
    core.speech
        .try_borrow()
        .map(|s| s.reader.status())
        .unwrap_or_default()
}

/// 朗读 pressed: start, pause or resume.
pub(super) fn toggle_read(core: &Core) {
    match status(core) {
        Status::Speaking => pause(core),
        Status::Paused => resume(core),
        Status::Idle => {
            if !ready(core) {
                return;
            }
            let queue = view::selected_chunks(core).unwrap_or_else(|| from_focus(core));
            start(core, queue);
        }
    }
}

/// The chunks from the section that holds the last focus in the document,
/// or every chunk.
fn from_focus(core: &Core) -> Vec<usize> {
    let Ok(speech) = core.speech.try_borrow() else {
        return Vec::new();
    };
    let start = speech
        .last_focus
        .as_ref()
        .filter(|e| e.is_connected())
        .and_then(|e| view::section_start(&speech.plan, e))
        .unwrap_or(0);
    (start..speech.plan.chunks.len()).collect()
}

/// `viewer.speak({ from })`: reads from element `from`, or from the top.
pub(super) fn speak_from(core: &Core, from: Option<&str>) -> Result<(), NoVoice> {
    if let Some(why) = unavailable(core) {
        set_unavailable(core, Some(why));
        return Err(why);
    }
    let queue = {
        let Ok(speech) = core.speech.try_borrow() else {
            return Ok(());
        };
        let start = from.and_then(|id| speech.plan.start_of(id)).unwrap_or(0);
        (start..speech.plan.chunks.len()).collect()
    };
    start(core, queue);
    Ok(())
}

/// Reads the chunks `queue` (indices into the plan), after any reading.
fn start(core: &Core, queue: Vec<usize>) {
    let rate = core.prefs().speech_rate;
    let actions = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        speech.error = None;
        let lengths: Vec<usize> = queue
            .iter()
            .map(|&i| {
                speech
                    .plan
                    .chunks
                    .get(i)
                    .map_or(0, |c| c.text.chars().count())
            })
            .collect();
        speech.reader.start(queue, rate, &lengths)
    };
    core.announce(Notice::Speech(SpeechNotice::Started));
    run(core, actions);
}

/// Pauses reading (the utterance is cancelled; resuming says it again).
pub(super) fn pause(core: &Core) {
    let actions = core
        .speech
        .try_borrow_mut()
        .map(|mut s| s.reader.pause())
        .unwrap_or_default();
    if !actions.is_empty() {
        run(core, actions);
        view::show_controls(core);
        core.announce(Notice::Speech(SpeechNotice::Paused));
    }
}

/// Resumes a paused reading.
pub(super) fn resume(core: &Core) {
    let actions = core
        .speech
        .try_borrow_mut()
        .map(|mut s| s.reader.resume())
        .unwrap_or_default();
    if !actions.is_empty() {
        core.announce(Notice::Speech(SpeechNotice::Resumed));
        run(core, actions);
    }
}

/// Stops reading, if it is under way.
pub(super) fn stop(core: &Core) {
    let actions = core
        .speech
        .try_borrow_mut()
        .map(|mut s| s.reader.stop())
        .unwrap_or_default();
    run(core, actions);
}

/// 指读 or `viewer.speak`: reads the chunks of one element.
fn read_element(core: &Core, queue: Vec<usize>) {
    if queue.is_empty() || !ready(core) {
        return;
    }
    start(core, queue);
}

/// 指读 pressed: on or off (stored with the preferences).
pub(super) fn toggle_point(core: &Core) {
    let on = !core.prefs().pointer_reading;
    if on && !ready(core) {
        return;
    }
    core.set_pointer_reading(on);
    if !on {
        view::cancel_dwell(core);
    }
    core.announce(Notice::Speech(SpeechNotice::Point(on)));
}

/// The rate changed: for the utterances to come.
pub(super) fn set_rate(core: &Core, rate: f32) {
    if let Ok(mut speech) = core.speech.try_borrow_mut() {
        speech.reader.set_rate(rate);
    }
}

/// The mode changed: leaving the elderly mode stops reading.
pub(super) fn mode_changed(core: &Core, mode: Mode) {
    if mode != Mode::Elderly {
        stop(core);
        view::cancel_dwell(core);
    }
}

/// The view is going: the engine falls silent, timers are cleared.
pub(super) fn shut(core: &Core) {
    let (engine, utterance, timers) = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        let reading = speech.reader.status() != Status::Idle;
        let _ = speech.reader.stop();
        let timers = [speech.watchdog.take(), speech.dwell.take().map(|d| d.1)];
        (
            reading.then(|| speech.engine.clone()),
            speech.utterance.take(),
            timers,
        )
    };
    if let Some(engine) = engine {
        engine.cancel(utterance.as_ref());
    }
    for timer in timers.into_iter().flatten() {
        view::clear_timer(timer);
    }
}

/// Carries out the queue's actions, in order.
fn run(core: &Core, actions: Vec<Action>) {
    for action in actions {
        if core.destroyed.get() {
            return;
        }
        match action {
            Action::Cancel => cancel(core),
            Action::Speak {
                chunk,
                token,
                watchdog_ms,
            } => speak(core, chunk, token, watchdog_ms),
            Action::ChunkEnd { chunk } => {
                if let Some(detail) = chunk_detail(core, chunk) {
                    dispatch(&core.dom.host, "chunkend", &detail, false);
                }
            }
            Action::Finished(reason) => finished(core, reason),
        }
    }
}

fn cancel(core: &Core) {
    let (engine, utterance, watchdog) = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        (
            speech.engine.clone(),
            speech.utterance.take(),
            speech.watchdog.take(),
        )
    };
    if let Some(timer) = watchdog {
        view::clear_timer(timer);
    }
    engine.cancel(utterance.as_ref());
}

fn chunk_detail(core: &Core, chunk: usize) -> Option<JsValue> {
    let speech = core.speech.try_borrow().ok()?;
    let chunk = speech.plan.chunks.get(chunk)?;
    chunk_object(chunk, core.prefs().speech_rate).ok()
}

fn speak(core: &Core, index: usize, token: u32, watchdog_ms: u32) {
    let (chunk, engine) = {
        let Ok(speech) = core.speech.try_borrow() else {
            return;
        };
        // A listener of the previous chunk's end may have stopped reading.
        if speech.reader.token() != Some(token) {
            return;
        }
        let Some(chunk) = speech.plan.chunks.get(index).cloned() else {
            return;
        };
        (chunk, speech.engine.clone())
    };
    view::highlight(core, &chunk);
    view::show_controls(core);
    if let Some(detail) = chunk_detail(core, index) {
        dispatch(&core.dom.host, "chunkstart", &detail, false);
    }
    // A listener may have stopped or restarted the reading.
    let current = core.speech.try_borrow().ok().and_then(|s| s.reader.token());
    if current != Some(token) || core.destroyed.get() {
        return;
    }
    match engine.speak(&chunk, token, core.prefs().speech_rate) {
        Ok(utterance) => {
            let timer = view::set_timer(core, watchdog_ms, token);
            let (old, old_timer) = match core.speech.try_borrow_mut() {
                Ok(mut speech) => (
                    std::mem::replace(&mut speech.utterance, utterance),
                    std::mem::replace(&mut speech.watchdog, timer),
                ),
                Err(_) => (None, None),
            };
            if let Some(old) = old {
                engine.release(&old);
            }
            if let Some(old) = old_timer {
                view::clear_timer(old);
            }
        }
        Err(error) => {
            let message = error
                .as_string()
                .or_else(|| {
                    Reflect::get(&error, &JsValue::from_str("message"))
                        .ok()
                        .and_then(|m| m.as_string())
                })
                .unwrap_or_else(|| "the speech engine failed".to_owned());
            on_report(core, JsValue::from(token), Report::Failed(message));
        }
    }
}

fn finished(core: &Core, reason: EndReason) {
    let (error, engine, utterance) = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        if let Some(timer) = speech.watchdog.take() {
            view::clear_timer(timer);
        }
        (
            speech.error.take(),
            speech.engine.clone(),
            speech.utterance.take(),
        )
    };
    if let Some(utterance) = utterance {
        engine.release(&utterance);
    }
    view::clear_highlight(core);
    if reason == EndReason::Failed {
        set_unavailable(core, Some(NoVoice::EngineError));
    }
    view::show_controls(core);
    core.announce(Notice::Speech(match reason {
        EndReason::Done => SpeechNotice::Done,
        EndReason::Stopped => SpeechNotice::Stopped,
        EndReason::Failed => SpeechNotice::Unavailable(NoVoice::EngineError),
    }));
    if reason == EndReason::Failed {
        let detail = js_sys::Object::new();
        let message = error.unwrap_or_else(|| "the speech engine failed".to_owned());
        let _ = Reflect::set(
            &detail,
            &JsValue::from_str("message"),
            &JsValue::from_str(&message),
        );
        dispatch(&core.dom.host, "speecherror", &detail, false);
    }
    if core.destroyed.get() {
        return;
    }
    let detail = js_sys::Object::new();
    let _ = Reflect::set(
        &detail,
        &JsValue::from_str("reason"),
        &JsValue::from_str(reason.as_str()),
    );
    dispatch(&core.dom.host, "speechend", &detail, false);
}
