//! 朗读 pressed before the browser has listed its voices (Chrome lists
//! them a moment after it is first asked, and the list may still be empty
//! when a quick reader presses 朗读): the press is kept for a short while
//! and reading starts when a Chinese voice comes, instead of the controls
//! saying, wrongly, that there is none and the reader having to press
//! again. When none comes in time, they say so, as they would have at once.

use super::super::core::Core;
use super::view::clear_timer;
use super::{from_here, ready, start, status};
use crate::render::toolbar::{Notice, SpeechNotice};
use crate::render::Mode;
use crate::speech::reader::Status;

/// How long a press of 朗读 waits for the voices (ms).
const VOICE_WAIT_MS: i32 = 2000;

/// 朗读 pressed: whether the press waits for the voices (it is kept, or
/// one was already), rather than reading or saying why it cannot.
pub(super) fn wait_for_voices(core: &Core) -> bool {
    let timer = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return false;
        };
        if speech.voice_wait.is_some() {
            return true;
        }
        if !speech.engine.lists_no_voices() {
            return false;
        }
        let Some(callback) = speech.on_voice_wait.clone() else {
            return false;
        };
        let timer = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&callback, VOICE_WAIT_MS)
                .ok()
        });
        speech.voice_wait = timer;
        timer
    };
    if timer.is_some() {
        core.announce(Notice::Speech(SpeechNotice::Preparing));
    }
    timer.is_some()
}

/// The voices changed: a press kept reads now, if a Chinese voice came.
pub(super) fn voices_came(core: &Core) {
    let timer = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        if speech.voice_wait.is_none() || speech.engine.unavailable().is_some() {
            return;
        }
        speech.voice_wait.take()
    };
    if let Some(timer) = timer {
        clear_timer(timer);
    }
    if status(core) == Status::Idle && core.prefs().mode == Mode::Elderly {
        start(core, from_here(core), false);
    }
}

/// The wait is over and no Chinese voice came: the controls say so.
pub(super) fn gave_up(core: &Core) {
    let kept = core
        .speech
        .try_borrow_mut()
        .is_ok_and(|mut speech| speech.voice_wait.take().is_some());
    if kept {
        ready(core);
    }
}

/// Reading stopped, or the view goes: a press kept is forgotten.
pub(super) fn forget(core: &Core) {
    let timer = core
        .speech
        .try_borrow_mut()
        .ok()
        .and_then(|mut speech| speech.voice_wait.take());
    if let Some(timer) = timer {
        clear_timer(timer);
    }
}
