//! 指读, reading where the reader points: a click or a tap on the
//! document, the focus moving in it, or the mouse resting on one element
//! reads the paragraph, item or cell under it. The focus is also
//! remembered for 朗读.

use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event};

use super::super::core::Core;
use super::super::toolbar::related;
use super::view::clear_timer;
use super::{read_element, DWELL_MS};
use crate::prefs::Prefs;
use crate::render::Mode;
use crate::speech::reader::Status;
use crate::speech::ChunkKind;

fn pointing(prefs: &Prefs) -> bool {
    prefs.mode == Mode::Elderly && prefs.pointer_reading
}

/// The element 指读 reads for an event's target, and its chunks: the
/// nearest paragraph, list item, table cell, heading, title or metadata
/// field around it. Not a whole section, nor anything in the toolbar.
fn point_target(core: &Core, target: Option<Element>) -> Option<(Element, Vec<usize>)> {
    let target = target?;
    if core.dom.bar.contains(Some(&target)) {
        return None;
    }
    let speech = core.speech.try_borrow().ok()?;
    let plan = speech.plan();
    let mut at = Some(target);
    while let Some(e) = at {
        if e == core.dom.root {
            return None;
        }
        let id = e.id();
        if let Some(section) = id.strip_suffix("-h").filter(|s| s.starts_with("yl-s")) {
            let span = plan.span(section)?;
            let chunks: Vec<usize> = span
                .filter(|&i| {
                    plan.chunks
                        .get(i)
                        .is_some_and(|c| c.kind == ChunkKind::Heading && c.target == section)
                })
                .collect();
            return Some((e, chunks));
        }
        if id.starts_with("yl-s") && plan.span(&id).is_some() {
            return None;
        }
        match plan.span(&id) {
            // An element the plan visited with nothing to say (an empty
            // cell, a "—"): nothing, not the table around it from its
            // first row.
            Some(span) if span.is_empty() => return None,
            Some(span) => return Some((e, span.collect())),
            None => {}
        }
        at = e.parent_element();
    }
    None
}

/// Reads the element the reader pointed at, unless it is being read now.
fn point_read(core: &Core, chunks: Vec<usize>) {
    // A click after the pointer rested, or the focus a click gives, must
    // not start the same element again.
    let reading_it = core.speech.try_borrow().ok().is_some_and(|s| {
        s.reader.status() == Status::Speaking
            && s.reader.current().is_some_and(|c| chunks.contains(&c))
    });
    if !reading_it {
        read_element(core, chunks);
    }
}

fn event_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// 指读: a click or tap on the document reads what it landed on.
pub(super) fn on_point_click(core: &Rc<Core>, event: &Event) {
    if !pointing(&core.prefs()) {
        return;
    }
    if let Some((_, chunks)) = point_target(core, event_element(event)) {
        cancel_dwell(core);
        point_read(core, chunks);
    }
}

/// Focus in the document: remembered for 朗读, and read by 指读. Not the
/// focus that comes back with the window (the reader went to another tab or
/// program and back): it lands, from nowhere (no `relatedTarget`), on the
/// element that had it, which the reader did not move to, and reads
/// nothing by itself.
pub(super) fn on_focus(core: &Rc<Core>, event: &Event) {
    let Some(target) = event_element(event) else {
        return;
    };
    if core.dom.bar.contains(Some(&target)) {
        return;
    }
    let returned = related(event).is_none()
        && core
            .speech
            .try_borrow()
            .is_ok_and(|s| s.last_focus.as_ref().is_some_and(|(e, _)| *e == target));
    if let Ok(mut speech) = core.speech.try_borrow_mut() {
        speech.last_focus = Some((target.clone(), js_sys::Date::now()));
    }
    if pointing(&core.prefs()) && !returned {
        if let Some((_, chunks)) = point_target(core, Some(target)) {
            point_read(core, chunks);
        }
    }
}

/// 指读 by mouse: resting on one element for [`DWELL_MS`] reads it; moving
/// on to another starts the wait again, so a pointer that only passes
/// reads nothing.
pub(super) fn on_pointer_over(core: &Rc<Core>, event: &Event) {
    if !pointing(&core.prefs()) {
        return;
    }
    let mouse = Reflect::get(event, &JsValue::from_str("pointerType"))
        .ok()
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "mouse");
    if !mouse {
        return;
    }
    // An element that comes under a pointer that has not moved since its
    // last move was scrolled there (the view follows the reading): the
    // reader did not point at it. (Browsers report the move into an
    // element before the move itself, or just after it.)
    let at = screen_point(event);
    let now = js_sys::Date::now();
    let moved = core.speech.try_borrow_mut().is_ok_and(|mut speech| {
        let before = speech.pointer_at;
        let moved = before.is_none_or(|(x, y, when)| (x, y) != at || now - when < MOVING_MS);
        if moved {
            speech.pointer_at = Some((at.0, at.1, now));
        }
        moved
    });
    if !moved {
        return;
    }
    let Some((element, _)) = point_target(core, event_element(event)) else {
        cancel_dwell(core);
        return;
    };
    let same = core
        .speech
        .try_borrow()
        .ok()
        .and_then(|s| s.dwell.as_ref().map(|(e, _)| e == &element))
        .unwrap_or(false);
    if same {
        return;
    }
    cancel_dwell(core);
    let callback = core
        .speech
        .try_borrow()
        .ok()
        .and_then(|s| s.on_dwell.clone());
    let timer = callback.and_then(|callback| {
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(&callback, DWELL_MS)
            .ok()
    });
    if let (Some(timer), Ok(mut speech)) = (timer, core.speech.try_borrow_mut()) {
        speech.dwell = Some((element, timer));
    }
}

/// How recent a move of the mouse makes it one that is moving (ms).
const MOVING_MS: f64 = 100.0;

/// The mouse moved: where it is now, to tell a move from a scroll under
/// it ([`on_pointer_over`]).
pub(super) fn on_pointer_move(core: &Rc<Core>, event: &Event) {
    if !pointing(&core.prefs()) {
        return;
    }
    let at = screen_point(event);
    if let Ok(mut speech) = core.speech.try_borrow_mut() {
        // (A move reported where the pointer already was is the browser
        // updating what is under it after a scroll, not the reader.)
        if speech.pointer_at.is_none_or(|(x, y, _)| (x, y) != at) {
            speech.pointer_at = Some((at.0, at.1, js_sys::Date::now()));
        }
    }
}

/// Where a pointer event happened on the screen.
fn screen_point(event: &Event) -> (i32, i32) {
    event
        .dyn_ref::<web_sys::MouseEvent>()
        .map_or((0, 0), |e| (e.screen_x(), e.screen_y()))
}

/// Whether the page has had the reader's tap, click or key (the browser
/// refuses speech before it: `not-allowed`). True where the browser does
/// not say.
fn activated() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let activation = Reflect::get(&window, &JsValue::from_str("navigator"))
        .and_then(|n| Reflect::get(&n, &JsValue::from_str("userActivation")))
        .ok()
        .filter(JsValue::is_object);
    activation.is_none_or(|a| {
        Reflect::get(&a, &JsValue::from_str("hasBeenActive"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true)
    })
}

/// The pointer left the view: no dwell.
pub(super) fn on_pointer_out(core: &Rc<Core>, event: &Event) {
    let inside = related(event).is_some_and(|node| core.dom.root.contains(Some(&node)));
    if !inside {
        cancel_dwell(core);
    }
}

/// Forgets a pending dwell.
pub(super) fn cancel_dwell(core: &Core) {
    let pending = core
        .speech
        .try_borrow_mut()
        .ok()
        .and_then(|mut s| s.dwell.take());
    if let Some((_, timer)) = pending {
        clear_timer(timer);
    }
}

/// The pointer rested long enough: read what it rests on.
pub(super) fn dwell_done(core: &Rc<Core>) {
    let pending = core
        .speech
        .try_borrow_mut()
        .ok()
        .and_then(|mut s| s.dwell.take());
    let Some((element, _)) = pending else {
        return;
    };
    if !pointing(&core.prefs()) || !element.is_connected() || !activated() {
        return;
    }
    // A rest of the mouse replaces a 指读, not a 朗读 of the whole text
    // (a click does).
    let reading_all = core
        .speech
        .try_borrow()
        .is_ok_and(|s| s.reader.status() != Status::Idle && !s.pointed);
    if reading_all {
        return;
    }
    if let Some((_, chunks)) = point_target(core, Some(element)) {
        point_read(core, chunks);
    }
}
