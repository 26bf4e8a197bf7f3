//! Reading aloud as the view shows it: the controls' labels and notes, the
//! highlight, what 指读 reads where the reader points, and what a selection
//! or the focus asks 朗读 to read.

use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, Range, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition, Selection,
};

use super::super::core::{focus, reduced_motion, set_attr, viewport_height, Core};
use super::super::toolbar::related;
use super::{read_element, status, DWELL_MS};
use crate::ids;
use crate::prefs::Prefs;
use crate::render::toolbar::{
    no_voice_note, speech_words, Tool, LABEL_CLASS, NOTE_CLASS, SPEAKING_CLASS,
};
use crate::render::Mode;
use crate::speech::reader::Status;
use crate::speech::{Chunk, ChunkKind, Plan};

/// Shows the reading state on the controls: 朗读's label (朗读, 暂停,
/// 继续), 停止 while reading, and the note that says why reading is not
/// possible.
pub(super) fn show_controls(core: &Core) {
    let status = status(core);
    let unavailable = core.speech.try_borrow().ok().and_then(|s| s.unavailable);
    let words = core.locale.toolbar_words();
    let speech_words = speech_words(core.locale);
    if let Some(read) = core.tool(Tool::Read) {
        let label = match status {
            Status::Idle => words.read,
            Status::Speaking => speech_words.pause,
            Status::Paused => speech_words.resume,
        };
        set_text(&read, LABEL_CLASS, label);
    }
    for tool in [Tool::Read, Tool::Point] {
        let Some(button) = core.tool(tool) else {
            continue;
        };
        if let Ok(Some(note)) = button.query_selector(&format!(".{NOTE_CLASS}")) {
            match unavailable {
                Some(why) => {
                    note.set_text_content(Some(no_voice_note(core.locale, why)));
                    let _ = note.remove_attribute("hidden");
                    set_attr(&button, "aria-disabled", "true");
                }
                None => {
                    note.set_text_content(None);
                    set_attr(&note, "hidden", "");
                    let _ = button.remove_attribute("aria-disabled");
                }
            }
        }
    }
    if let Some(stop) = core.tool(Tool::Stop) {
        if status == Status::Idle {
            if stop.has_attribute("hidden") {
                return;
            }
            // The stop button goes: focus and the tab stop go to 朗读.
            let had_focus = core.dom.shadow.active_element().as_ref() == Some(&stop);
            let was_stop = stop.get_attribute("tabindex").as_deref() == Some("0");
            set_attr(&stop, "hidden", "");
            if let Some(read) = core.tool(Tool::Read) {
                if was_stop || had_focus {
                    core.set_stop(&read);
                }
                if had_focus {
                    focus(&read);
                }
            }
        } else {
            let _ = stop.remove_attribute("hidden");
        }
    }
}

fn set_text(button: &Element, class: &str, text: &str) {
    if let Ok(Some(span)) = button.query_selector(&format!(".{class}")) {
        if span.text_content().as_deref() != Some(text) {
            span.set_text_content(Some(text));
        }
    }
}

/// The element that shows `chunk`: its target, or for a heading, the
/// section's heading element.
fn chunk_element(core: &Core, chunk: &Chunk) -> Option<Element> {
    if chunk.kind == ChunkKind::Heading {
        if let Some(heading) = core
            .dom
            .shadow
            .get_element_by_id(&ids::heading_id(&chunk.target))
        {
            return Some(heading);
        }
    }
    core.dom.shadow.get_element_by_id(&chunk.target)
}

/// Highlights the element of `chunk` and, when it is not wholly on
/// screen, scrolls it to the top of the view (at once when the reader asks
/// for less motion).
pub(super) fn highlight(core: &Core, chunk: &Chunk) {
    let Some(element) = chunk_element(core, chunk) else {
        clear_highlight(core);
        return;
    };
    let previous = core
        .speech
        .try_borrow_mut()
        .ok()
        .and_then(|mut s| s.highlighted.replace(element.clone()));
    if previous.as_ref() == Some(&element) {
        return;
    }
    if let Some(previous) = previous {
        let _ = previous.class_list().remove_1(SPEAKING_CLASS);
    }
    let _ = element.class_list().add_1(SPEAKING_CLASS);
    // Where it is wholly on screen below the bar, the view stays put;
    // otherwise it comes to the top, under the bar, not to the bottom edge
    // where a reader's eyes would have to hunt for it.
    let rect = element.get_bounding_client_rect();
    let bar_bottom = core.dom.bar.get_bounding_client_rect().bottom().max(0.0);
    if rect.top() >= bar_bottom && rect.bottom() <= viewport_height() {
        return;
    }
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(if reduced_motion() {
        ScrollBehavior::Auto
    } else {
        ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Removes the highlight.
pub(super) fn clear_highlight(core: &Core) {
    let previous = core
        .speech
        .try_borrow_mut()
        .ok()
        .and_then(|mut s| s.highlighted.take());
    if let Some(previous) = previous {
        let _ = previous.class_list().remove_1(SPEAKING_CLASS);
    }
}

/// Calls the watchdog callback with `token` after `ms`.
pub(super) fn set_timer(core: &Core, ms: u32, token: u32) -> Option<i32> {
    let callback = core
        .speech
        .try_borrow()
        .ok()
        .and_then(|s| s.on_watchdog.clone())?;
    let ms = i32::try_from(ms).unwrap_or(i32::MAX);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_1(&callback, ms, &JsValue::from(token))
        .ok()
}

/// Clears a timer.
pub(super) fn clear_timer(timer: i32) {
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(timer);
    }
}

// ---------- 朗读: the selection, the focused section ----------

/// The chunks whose elements the reader's selection inside the view
/// touches, in reading order; `None` without such a selection.
pub(super) fn selected_chunks(core: &Core) -> Option<Vec<usize>> {
    let range = selection_range(core)?;
    let speech = core.speech.try_borrow().ok()?;
    let chunks: Vec<usize> = speech
        .plan()
        .chunks
        .iter()
        .enumerate()
        .filter(|(_, chunk)| {
            chunk_element(core, chunk).is_some_and(|e| range.intersects_node(&e).unwrap_or(false))
        })
        .map(|(i, _)| i)
        .collect();
    (!chunks.is_empty()).then_some(chunks)
}

/// The first range of a selection inside the view that is not collapsed.
fn selection_range(core: &Core) -> Option<Range> {
    // Chromium gives a shadow root a selection of its own; others give the
    // composed ranges of the document's selection.
    let shadow: &JsValue = core.dom.shadow.as_ref();
    let own = Reflect::get(shadow, &JsValue::from_str("getSelection"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(shadow).ok())
        .filter(JsValue::is_object);
    let selection: Selection = match own {
        Some(selection) => selection.unchecked_into(),
        None => return composed_range(core),
    };
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    core.dom
        .root
        .contains(Some(&range.common_ancestor_container().ok()?))
        .then_some(range)
}

/// `getSelection().getComposedRanges({ shadowRoots: [shadow] })[0]` as a
/// live range.
fn composed_range(core: &Core) -> Option<Range> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let method: Function = Reflect::get(&selection, &JsValue::from_str("getComposedRanges"))
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    let roots = js_sys::Array::of1(&core.dom.shadow);
    Reflect::set(&options, &JsValue::from_str("shadowRoots"), &roots).ok()?;
    let ranges: js_sys::Array = method.call1(&selection, &options).ok()?.dyn_into().ok()?;
    let fixed = ranges.get(0);
    let get = |key: &str| Reflect::get(&fixed, &JsValue::from_str(key)).ok();
    let range = window.document()?.create_range().ok()?;
    let start: web_sys::Node = get("startContainer")?.dyn_into().ok()?;
    let end: web_sys::Node = get("endContainer")?.dyn_into().ok()?;
    let offset = |key: &str| get(key).and_then(|v| v.as_f64()).map(|v| v as u32);
    range.set_start(&start, offset("startOffset")?).ok()?;
    range.set_end(&end, offset("endOffset")?).ok()?;
    core.dom.root.contains(Some(&start)).then_some(range)
}

/// The first chunk of the section (or, outside sections, of the element)
/// that holds `element`.
pub(super) fn section_start(plan: &Plan, element: &Element) -> Option<usize> {
    let mut at = Some(element.clone());
    let mut first = None;
    while let Some(e) = at {
        let id = e.id();
        let id = id.strip_suffix("-h").unwrap_or(&id);
        if let Some(start) = plan.start_of(id) {
            if id.starts_with("yl-s") {
                return Some(start);
            }
            first = first.or(Some(start));
        }
        at = e.parent_element();
    }
    first
}

// ---------- 指读 ----------

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
        if let Some(span) = plan.span(&id).filter(|s| !s.is_empty()) {
            return Some((e, span.collect()));
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

/// Focus in the document: remembered for 朗读, and read by 指读.
pub(super) fn on_focus(core: &Rc<Core>, event: &Event) {
    let Some(target) = event_element(event) else {
        return;
    };
    if core.dom.bar.contains(Some(&target)) {
        return;
    }
    if let Ok(mut speech) = core.speech.try_borrow_mut() {
        speech.last_focus = Some(target.clone());
    }
    if pointing(&core.prefs()) {
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
    if !pointing(&core.prefs()) || !element.is_connected() {
        return;
    }
    if let Some((_, chunks)) = point_target(core, Some(element)) {
        point_read(core, chunks);
    }
}
