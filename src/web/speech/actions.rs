//! Carrying out the queue's actions: cancel, speak (with the highlight, the
//! `chunkstart` event and the watchdog), `chunkend`, and the end of a
//! reading (`speechend`, `speecherror`, the controls reset).

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use super::super::core::Core;
use super::super::events::dispatch;
use super::engine::chunk_object;
use super::{on_report, set_unavailable, view, Report};
use crate::render::toolbar::{NoVoice, Notice, SpeechNotice};
use crate::speech::reader::{Action, EndReason};

/// Carries out the queue's actions, in order.
pub(super) fn run(core: &Core, actions: Vec<Action>) {
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
                    dispatch(core, "chunkend", &detail, false);
                }
            }
            Action::Finished(reason) => finished(core, reason),
        }
    }
}

fn cancel(core: &Core) {
    let (engine, utterances, watchdog) = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        (
            speech.engine.clone(),
            std::mem::take(&mut speech.utterances),
            speech.watchdog.take(),
        )
    };
    if let Some(timer) = watchdog {
        view::clear_timer(timer);
    }
    engine.cancel(&utterances);
}

fn chunk_detail(core: &Core, chunk: usize) -> Option<JsValue> {
    let speech = core.speech.try_borrow().ok()?;
    let chunk = speech.plan().chunks.get(chunk)?;
    chunk_object(chunk, core.prefs().speech_rate).ok()
}

fn speak(core: &Core, index: usize, token: u32, watchdog_ms: u32) {
    // A view taken out of the page without `destroy()` (a single-page app
    // moving on) has no controls left to stop it with: it stops itself.
    if !core.dom.container.is_connected() {
        super::stop(core);
        return;
    }
    let (chunk, engine) = {
        let Ok(speech) = core.speech.try_borrow() else {
            return;
        };
        // A listener of the previous chunk's end may have stopped reading.
        if speech.reader.token() != Some(token) {
            return;
        }
        let Some(chunk) = speech.plan().chunks.get(index).cloned() else {
            return;
        };
        (chunk, speech.engine.clone())
    };
    // The controls first: 暂停 and 停止 coming in may make the bar taller,
    // and the sentence must then stop below it.
    view::show_controls(core);
    view::highlight(core, index);
    if let Some(detail) = chunk_detail(core, index) {
        dispatch(core, "chunkstart", &detail, false);
    }
    // A listener may have stopped or restarted the reading.
    let current = core.speech.try_borrow().ok().and_then(|s| s.reader.token());
    if current != Some(token) || core.destroyed.get() {
        return;
    }
    match engine.speak(&chunk, token, core.prefs().speech_rate) {
        Ok(utterances) => {
            let timer = view::set_timer(core, watchdog_ms, token);
            let (old, old_timer) = match core.speech.try_borrow_mut() {
                Ok(mut speech) => (
                    std::mem::replace(&mut speech.utterances, utterances),
                    std::mem::replace(&mut speech.watchdog, timer),
                ),
                Err(_) => (Vec::new(), None),
            };
            engine.release(&old);
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
    let (error, engine, utterances, pointed) = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        if let Some(timer) = speech.watchdog.take() {
            view::clear_timer(timer);
        }
        (
            speech.error.take(),
            speech.engine.clone(),
            std::mem::take(&mut speech.utterances),
            speech.pointed,
        )
    };
    if reason == EndReason::Failed && utterances.len() > 1 {
        // One part of a chunk failed: the parts queued after it go too.
        engine.cancel(&utterances);
    } else {
        engine.release(&utterances);
    }
    view::clear_highlight(core);
    if reason == EndReason::Failed {
        set_unavailable(core, Some(NoVoice::EngineError));
    }
    view::show_controls(core);
    // 指读's short readings start and end at every rest of the pointer:
    // their end goes unsaid (a stop, as a failure, is told).
    match reason {
        EndReason::Done if pointed => {}
        EndReason::Done => core.announce(Notice::Speech(SpeechNotice::Done)),
        EndReason::Stopped => core.announce(Notice::Speech(SpeechNotice::Stopped)),
        EndReason::Failed => core.announce(Notice::Speech(SpeechNotice::Unavailable(
            NoVoice::EngineError,
        ))),
    }
    if reason == EndReason::Failed {
        let detail = js_sys::Object::new();
        let message = error.unwrap_or_else(|| "the speech engine failed".to_owned());
        let _ = Reflect::set(
            &detail,
            &JsValue::from_str("message"),
            &JsValue::from_str(&message),
        );
        dispatch(core, "speecherror", &detail, false);
    }
    if !core.destroyed.get() {
        ended(core, reason);
    }
}

/// Dispatches `speechend` with `reason`.
pub(super) fn ended(core: &Core, reason: EndReason) {
    let detail = js_sys::Object::new();
    let _ = Reflect::set(
        &detail,
        &JsValue::from_str("reason"),
        &JsValue::from_str(reason.as_str()),
    );
    dispatch(core, "speechend", &detail, false);
}
