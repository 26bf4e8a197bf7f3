//! Reading aloud in a mounted view: 朗读 (the selection, the focused
//! section, or from the top of the view), 停止, 指读 (the paragraph, item
//! or cell the reader clicks, taps, focuses or rests the pointer on), the
//! highlight of the chunk being read, and the `chunkstart`, `chunkend`,
//! `speechend` and `speecherror` events on the host element.
//!
//! The queue is [`Reader`], pure logic; this module carries out its
//! actions with an engine and the DOM. No `RefCell` borrow is held
//! across a call out (an engine, a host's hook, an event listener), since
//! any of them may call back into the viewer.

mod actions;
mod engine;
mod install;
mod point;
mod selection;
mod sentence;
mod view;
mod waiting;

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::Function;
use wasm_bindgen::JsValue;
use web_sys::{Element, Range, SpeechSynthesisUtterance};

use super::core::Core;
use super::place;
use crate::render::toolbar::{NoVoice, Notice, SpeechNotice};
use crate::render::Mode;
use crate::speech::reader::{Action, EndReason, Reader, Status};
use crate::speech::{Plan, SpeechOptions};
use crate::Document;

use actions::run;
use engine::Engine;
pub(super) use engine::{hook_option, voice_option};
pub(super) use install::install;

/// How long the pointer must rest on one element before 指读 reads it.
const DWELL_MS: i32 = 600;

/// How long a focus in the document counts for 朗读 even off screen: the
/// view may still be scrolling to it (目录 scrolls smoothly).
const FOCUS_FRESH_MS: f64 = 1500.0;

/// A view's reading aloud.
pub(super) struct Speech {
    /// What to read, made from `doc` the first time anything needs it
    /// (朗读, 指读): a view never read aloud never pays for planning.
    plan: OnceCell<Plan>,
    /// The document, until the plan is made from it.
    doc: Cell<Option<Rc<Document>>>,
    reader: Reader,
    engine: Engine,
    /// Why the last attempt could not read, shown on the controls.
    unavailable: Option<NoVoice>,
    /// The utterances of the chunk under way (browser engine), kept so
    /// that they are not collected before they report.
    utterances: Vec<SpeechSynthesisUtterance>,
    /// The highlighted element.
    highlighted: Option<Element>,
    /// The sentence painted in it, where the browser paints one.
    sentence: Option<Range>,
    /// The watchdog's timer.
    watchdog: Option<i32>,
    /// The timer of a press of 朗读 kept until the voices come ([`waiting`]).
    voice_wait: Option<i32>,
    /// 指读's hover: the element under the pointer and its timer.
    dwell: Option<(Element, i32)>,
    /// Where the mouse last moved to (screen coordinates) and when
    /// (`Date.now()`): an element that comes under a pointer at rest was
    /// scrolled there, and is not one the reader pointed at.
    pointer_at: Option<(i32, i32, f64)>,
    /// Whether what is being read is a 指读 of one element (a rest of the
    /// mouse may replace it), not a 朗读 (which a rest does not stop).
    pointed: bool,
    /// The last element focused in the document (not the toolbar), and
    /// when (`Date.now()`): 朗读 reads from its section while it is on
    /// screen, or was focused just now.
    last_focus: Option<(Element, f64)>,
    /// The last engine error, for `speecherror`.
    error: Option<String>,
    /// Timer callbacks: `(token)` for the watchdog, `()` for the dwell.
    on_watchdog: Option<Function>,
    on_dwell: Option<Function>,
    on_voice_wait: Option<Function>,
}

impl Speech {
    /// A view's speech before [`install`]: no plan yet, no engine.
    pub fn new(doc: Rc<Document>) -> Speech {
        Speech {
            plan: OnceCell::new(),
            doc: Cell::new(Some(doc)),
            reader: Reader::default(),
            engine: Engine::None,
            unavailable: None,
            utterances: Vec::new(),
            highlighted: None,
            sentence: None,
            watchdog: None,
            voice_wait: None,
            dwell: None,
            pointer_at: None,
            pointed: false,
            last_focus: None,
            error: None,
            on_watchdog: None,
            on_dwell: None,
            on_voice_wait: None,
        }
    }

    /// The plan, made now if this is the first time it is needed.
    fn plan(&self) -> &Plan {
        self.plan.get_or_init(|| match self.doc.take() {
            Some(doc) => Plan::new(&doc, &SpeechOptions::default()),
            None => Plan {
                chunks: Vec::new(),
                elements: Vec::new(),
            },
        })
    }
}

/// The rate as JavaScript sees it: two decimals (0.9, not 0.8999999762).
pub(super) fn rate_for_js(rate: f32) -> f64 {
    (f64::from(rate) * 100.0).round() / 100.0
}

/// What an engine (or the watchdog) says about an utterance.
pub(super) enum Report {
    Ended,
    TimedOut,
    Interrupted,
    Failed(String),
}

pub(super) fn on_report(core: &Core, token: JsValue, report: Report) {
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

/// Records why the view cannot read (or that it can again) and shows it on
/// the controls.
pub(super) fn set_unavailable(core: &Core, why: Option<NoVoice>) {
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
            if waiting::wait_for_voices(core) || !ready(core) {
                return;
            }
            let queue = selection::selected_chunks(core).unwrap_or_else(|| from_here(core));
            start(core, queue, false);
        }
    }
}

/// The chunks from where the reader is: the section that holds the last
/// focus in the document while that is on screen (after 目录, or Tab to a
/// link); else the first block on screen, from the sentence at the top of
/// the view (the title when the view is at its top); else every chunk.
fn from_here(core: &Core) -> Vec<usize> {
    let area = place::area(core);
    let now = js_sys::Date::now();
    let focused = core
        .speech
        .try_borrow()
        .ok()
        .and_then(|s| s.last_focus.clone())
        .filter(|(e, at)| e.is_connected() && (area.shows(e) || now - at < FOCUS_FRESH_MS))
        .map(|(e, _)| e);
    let Ok(speech) = core.speech.try_borrow() else {
        return Vec::new();
    };
    let plan = speech.plan();
    let start = focused
        .and_then(|e| view::section_start(plan, &e))
        .or_else(|| view::first_on_screen(core, plan, &area))
        .unwrap_or(0);
    (start..plan.chunks.len()).collect()
}

/// Whether the whole text is being read (朗读, `speak()`), not one element
/// (指读), and not paused.
pub(super) fn reading_all(core: &Core) -> bool {
    core.speech
        .try_borrow()
        .is_ok_and(|s| s.reader.status() == Status::Speaking && !s.pointed)
}

/// 目录 took the reader to the section `section` while the text was being
/// read: the reading goes on from there, not from where it was (which would
/// scroll the view back).
pub(super) fn went_to(core: &Core, section: &str) {
    let queue = {
        let Ok(speech) = core.speech.try_borrow() else {
            return;
        };
        let Some(start) = speech.plan().start_of(section) else {
            return;
        };
        (start..speech.plan().chunks.len()).collect()
    };
    start(core, queue, false);
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
        let start = from.and_then(|id| speech.plan().start_of(id)).unwrap_or(0);
        (start..speech.plan().chunks.len()).collect()
    };
    start(core, queue, false);
    Ok(())
}

thread_local! {
    /// The page's views, for one of them at a time to read ([`stop_others`]).
    static VIEWS: RefCell<Vec<Weak<Core>>> = const { RefCell::new(Vec::new()) };
}

/// Counts `core` among the page's views (and forgets those gone).
pub(super) fn register(core: &Rc<Core>) {
    VIEWS.with(|views| {
        if let Ok(mut views) = views.try_borrow_mut() {
            views.retain(|view| view.strong_count() > 0);
            views.push(Rc::downgrade(core));
        }
    });
}

/// Stops the reading of every other view of the page: the browser speaks
/// one thing at a time, and two views reading in turns would mix their
/// sentences (and 停止 in one would stop the other's voice).
fn stop_others(core: &Core) {
    let others: Vec<Rc<Core>> = VIEWS.with(|views| {
        views
            .try_borrow()
            .map(|views| {
                views
                    .iter()
                    .filter_map(Weak::upgrade)
                    .filter(|view| !std::ptr::eq(Rc::as_ptr(view), core))
                    .collect()
            })
            .unwrap_or_default()
    });
    for other in others {
        if !other.destroyed.get() && status(&other) != Status::Idle {
            stop(&other);
        }
    }
}

/// Reads the chunks `queue` (indices into the plan), after any reading.
fn start(core: &Core, queue: Vec<usize>, pointed: bool) {
    // Said when reading starts, not when it moves on (目录 while reading),
    // nor for 指读, whose readings start at every rest of the pointer.
    let say = !pointed && status(core) == Status::Idle;
    stop_others(core);
    let rate = core.prefs().speech_rate;
    let actions = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        speech.error = None;
        speech.pointed = pointed;
        let lengths: Vec<usize> = queue
            .iter()
            .map(|&i| {
                speech
                    .plan()
                    .chunks
                    .get(i)
                    .map_or(0, |c| c.text.chars().count())
            })
            .collect();
        speech.reader.start(queue, rate, &lengths)
    };
    if say {
        core.announce(Notice::Speech(SpeechNotice::Started));
    }
    run(core, actions);
}

/// What the queue says to do for `step` (nothing while the view's speech
/// is busy elsewhere).
fn queued(core: &Core, step: impl FnOnce(&mut Reader) -> Vec<Action>) -> Vec<Action> {
    core.speech
        .try_borrow_mut()
        .map(|mut speech| step(&mut speech.reader))
        .unwrap_or_default()
}

/// Pauses reading (the utterance is cancelled; resuming says it again).
pub(super) fn pause(core: &Core) {
    let actions = queued(core, Reader::pause);
    if !actions.is_empty() {
        run(core, actions);
        view::show_controls(core);
        core.announce(Notice::Speech(SpeechNotice::Paused));
    }
}

/// Resumes a paused reading (another view's reading stops).
pub(super) fn resume(core: &Core) {
    if status(core) == Status::Paused {
        stop_others(core);
    }
    let actions = queued(core, Reader::resume);
    if !actions.is_empty() {
        core.announce(Notice::Speech(SpeechNotice::Resumed));
        run(core, actions);
    }
}

/// Stops reading, if it is under way.
pub(super) fn stop(core: &Core) {
    waiting::forget(core);
    let actions = queued(core, Reader::stop);
    run(core, actions);
}

/// 指读 or `viewer.speak`: reads the chunks of one element.
pub(super) fn read_element(core: &Core, queue: Vec<usize>) {
    if queue.is_empty() || !ready(core) {
        return;
    }
    start(core, queue, true);
}

/// 指读 pressed: on or off (stored with the preferences).
pub(super) fn toggle_point(core: &Core) {
    let on = !core.prefs().pointer_reading;
    if on && !ready(core) {
        return;
    }
    core.set_pointer_reading(on);
    if !on {
        point::cancel_dwell(core);
    }
    core.announce(Notice::Speech(SpeechNotice::Point(on)));
}

/// The rate changed: for the utterances to come.
pub(super) fn set_rate(core: &Core, rate: f32) {
    if let Ok(mut speech) = core.speech.try_borrow_mut() {
        speech.reader.set_rate(rate);
    }
}

/// Says the sentence being read again from its start, at the rate now set.
pub(super) fn restart(core: &Core) {
    let actions = queued(core, Reader::restart);
    run(core, actions);
}

/// The mode changed: leaving the elderly mode stops reading.
pub(super) fn mode_changed(core: &Core, mode: Mode) {
    if mode != Mode::Elderly {
        stop(core);
        point::cancel_dwell(core);
    }
}

/// The view is going: the engine falls silent, timers are cleared, and
/// what the view held for reading is let go at once (the view's handle may
/// live on in JavaScript until it is collected). A reading under way ends
/// as `stop()` ends it, with `speechend` (`stopped`), so that a page that
/// follows the reading is not left thinking it goes on.
pub(super) fn shut(core: &Core) {
    waiting::forget(core);
    let (engine, utterances, timers) = {
        let Ok(mut speech) = core.speech.try_borrow_mut() else {
            return;
        };
        let reading = speech.reader.status() != Status::Idle;
        let _ = speech.reader.stop();
        let timers = [speech.watchdog.take(), speech.dwell.take().map(|d| d.1)];
        (
            reading.then(|| speech.engine.clone()),
            std::mem::take(&mut speech.utterances),
            timers,
        )
    };
    let reading = engine.is_some();
    if let Some(engine) = engine {
        engine.cancel(&utterances);
    }
    for timer in timers.into_iter().flatten() {
        view::clear_timer(timer);
    }
    if let Ok(mut speech) = core.speech.try_borrow_mut() {
        speech.plan = OnceCell::new();
        speech.doc.set(None);
        speech.engine = Engine::None;
        speech.highlighted = None;
        if let Some(range) = speech.sentence.take() {
            sentence::hide(&range);
        }
        speech.last_focus = None;
        speech.on_watchdog = None;
        speech.on_dwell = None;
    }
    if reading {
        actions::ended(core, EndReason::Stopped);
    }
}

/// `viewer.setVoice(name)`: reads with the voice of that name from the
/// next sentence on, when the browser has it and it speaks Chinese (else
/// the best Chinese voice); `None` goes back to the best one.
pub(super) fn set_voice(core: &Core, name: Option<String>) {
    if let Ok(speech) = core.speech.try_borrow() {
        if let Engine::Browser(web) = &speech.engine {
            if let Ok(mut wanted) = web.wanted.try_borrow_mut() {
                *wanted = name;
            }
        }
    }
}

/// The voice asked for by name, if any.
pub(super) fn wanted_voice(core: &Core) -> Option<String> {
    let speech = core.speech.try_borrow().ok()?;
    match &speech.engine {
        Engine::Browser(web) => web.wanted.try_borrow().ok()?.clone(),
        _ => None,
    }
}

/// The browser's voices that can read the document: `(name, lang, local)`.
pub(super) fn voices(core: &Core) -> Vec<(String, String, bool)> {
    match core.speech.try_borrow() {
        Ok(speech) => match &speech.engine {
            Engine::Browser(web) => web.chinese_voices(),
            _ => Vec::new(),
        },
        Err(_) => Vec::new(),
    }
}
