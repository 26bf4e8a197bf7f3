//! Reading aloud as the view shows it: the controls' labels and notes, the
//! highlight and the sentence read kept on screen, what 指读 reads where the
//! reader points, and what a selection, the focus or the top of the view
//! asks 朗读 to read.

use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, Node, Range, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
    Selection,
};

use super::super::core::{focus, reduced_motion, set_attr, Core};
use super::super::place;
use super::super::toolbar::related;
use super::{read_element, sentence, status, DWELL_MS};
use crate::ids;
use crate::parse::chars::find_str;
use crate::prefs::Prefs;
use crate::render::toolbar::{
    no_voice_note, speech_words, Tool, LABEL_CLASS, NOTE_CLASS, SENTENCE_CLASS, SPEAKING_CLASS,
};
use crate::render::Mode;
use crate::speech::reader::Status;
use crate::speech::{Chunk, ChunkKind, Plan};

/// Shows the reading state on the controls: 朗读's label (朗读, 暂停,
/// 继续), 停止 while reading, the note that says why reading is not
/// possible, and 语速 only while it is.
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
    // 语速 is of no use while nothing can be read (no engine, no Chinese
    // voice yet): it goes, and comes back with a voice.
    if let Some(rate) = core.tool(Tool::Rate) {
        let hide = unavailable.is_some();
        if rate.has_attribute("hidden") != hide {
            if hide {
                set_attr(&rate, "hidden", "");
            } else {
                let _ = rate.remove_attribute("hidden");
            }
            core.keep_stop_shown();
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

/// Highlights the element of chunk `index`, paints the sentence read in its
/// text where the browser can ([`sentence`]), and keeps that sentence on
/// screen: where the element is not wholly on screen below the bar, it
/// comes to the top of the view, under the bar, not to the bottom edge
/// where a reader's eyes would have to hunt for it; an element taller than
/// the screen stays put while the sentence read shows, and else scrolls
/// until the sentence is at the top. Scrolling is smooth, or at once when
/// the reader asks for less motion.
pub(super) fn highlight(core: &Core, index: usize) {
    let found = core.speech.try_borrow().ok().and_then(|speech| {
        let plan = speech.plan();
        let element = chunk_element(core, plan.chunks.get(index)?)?;
        let span = chunk_range(plan, index, &element);
        Some((element, span))
    });
    let Some((element, span)) = found else {
        clear_highlight(core);
        return;
    };
    let (previous, previous_range) = core
        .speech
        .try_borrow_mut()
        .ok()
        .map(|mut s| (s.highlighted.replace(element.clone()), s.sentence.take()))
        .unwrap_or_default();
    if previous.as_ref() != Some(&element) {
        if let Some(previous) = previous {
            let _ = previous
                .class_list()
                .remove_2(SPEAKING_CLASS, SENTENCE_CLASS);
        }
        let _ = element.class_list().add_1(SPEAKING_CLASS);
    }
    // The sentence itself is painted where it was found as written and the
    // browser can; else the whole element is.
    let painted = match &span {
        Some((range, true)) => sentence::show(range, previous_range.as_ref()),
        _ => {
            if let Some(previous) = &previous_range {
                sentence::hide(previous);
            }
            false
        }
    };
    if painted {
        if let Ok(mut speech) = core.speech.try_borrow_mut() {
            speech.sentence = span.as_ref().map(|(range, _)| range.clone());
        }
    }
    let _ = element
        .class_list()
        .toggle_with_force(SENTENCE_CLASS, painted);
    let area = place::area(core);
    let rect = element.get_bounding_client_rect();
    if rect.top() >= area.top && rect.bottom() <= area.bottom {
        return;
    }
    let smooth = !reduced_motion();
    // (No room at all: the view's bar is at the bottom of the screen, the
    // view below it; the element comes to the top.)
    let room = area.bottom - area.top;
    if room > 0.0 && rect.height() > room {
        if let Some((range, _)) = span {
            let rect = range.get_bounding_client_rect();
            if rect.top() < area.top || rect.bottom() > area.bottom {
                let dy = rect.top() - area.top - SENTENCE_MARGIN;
                if dy.abs() >= 1.0 {
                    area.scroll_by(dy, smooth);
                }
            }
            return;
        }
    }
    // The element stops below the bar by its scroll margin, which holds the
    // bar's height as last observed. The bar may have grown since, in this
    // very task: 暂停 and 停止 come in as reading starts, and on a narrow
    // window the tools then take another line. The height is brought up to
    // date first, so that the sentence does not stop under the bar.
    core.sync_bar_height();
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(if smooth {
        ScrollBehavior::Smooth
    } else {
        ScrollBehavior::Instant
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// How far below the bar a sentence scrolled to the top of the view stops.
const SENTENCE_MARGIN: f64 = 12.0;

/// The chunk 朗读 starts from without a selection or focus: the first one
/// of the block at the top of the view ([`place::top_block`]), or of the
/// first block after it that is read; in a block cut by the top of the
/// view, the first sentence that shows.
pub(super) fn first_on_screen(core: &Core, plan: &Plan, area: &place::Area) -> Option<usize> {
    let top = place::top_block(core, area.top)?;
    for (index, chunk) in plan.chunks.iter().enumerate() {
        let Some(element) = chunk_element(core, chunk) else {
            continue;
        };
        if element == top {
            // Cut by the top of the view: from the first sentence that shows.
            let cut = element.get_bounding_client_rect().top() < area.top;
            let hidden = cut
                && chunk_range(plan, index, &element).is_some_and(|(range, _)| {
                    range.get_bounding_client_rect().bottom() <= area.top
                });
            if !hidden {
                return Some(index);
            }
            continue;
        }
        // The top block is not read (the breadcrumb, a metadata field), or
        // none of its sentences shows: the first element after it that is.
        let after = top.compare_document_position(&element)
            & (Node::DOCUMENT_POSITION_FOLLOWING | Node::DOCUMENT_POSITION_CONTAINED_BY);
        if after != 0 {
            return Some(index);
        }
    }
    None
}

/// The text of chunk `index` in its element, as a DOM range: its display
/// text found in the element's text after those of the element's chunks
/// before it; where that is not found as written (text made for listening
/// differs), the same share of the element's text as the chunk's share of
/// those chunks' text; with whether it was found as written.
fn chunk_range(plan: &Plan, index: usize, element: &Element) -> Option<(Range, bool)> {
    let chunk = plan.chunks.get(index)?;
    let heading = chunk.kind == ChunkKind::Heading;
    let same = |i: &usize| {
        plan.chunks
            .get(*i)
            .is_some_and(|c| c.target == chunk.target && (c.kind == ChunkKind::Heading) == heading)
    };
    let first = (0..index).rev().take_while(same).last().unwrap_or(index);
    let end = (index..plan.chunks.len()).take_while(same).count() + index;
    let displays = plan.chunks.get(first..end)?;
    let text = element.text_content().unwrap_or_default();

    // As written: each of the element's chunks in turn, from where the one
    // before it ended.
    let mut at = 0;
    for display in displays.iter().take(index - first + 1) {
        let display = display.display.as_str();
        let Some(found) = text.get(at..).and_then(|rest| find_str(rest, display)) else {
            at = usize::MAX;
            break;
        };
        at += found + display.len();
    }
    let exact = at != usize::MAX;
    let (start, stop) = if !exact {
        // By share, in bytes (Chinese is three a char on both sides).
        let before: usize = displays
            .iter()
            .take(index - first)
            .map(|c| c.display.len())
            .sum();
        let all: usize = displays.iter().map(|c| c.display.len()).sum();
        // (In 64 bits: the product of two lengths overflows 32.)
        let share = |n: usize| {
            let at = n as u64 * text.len() as u64 / all.max(1) as u64;
            boundary(&text, usize::try_from(at).unwrap_or(usize::MAX))
        };
        (share(before), share(before + chunk.display.len()))
    } else {
        (at - chunk.display.len(), at)
    };
    Some((text_range(element, start, stop)?, exact))
}

/// The range of bytes `start..stop` of `element`'s text content (its text
/// nodes in order).
fn text_range(element: &Element, start: usize, stop: usize) -> Option<Range> {
    let document = web_sys::window()?.document()?;
    let range = document.create_range().ok()?;
    // NodeFilter.SHOW_TEXT.
    let walker = document
        .create_tree_walker_with_what_to_show(element, 4)
        .ok()?;
    let mut before = 0;
    let mut started = false;
    while let Ok(Some(node)) = walker.next_node() {
        let text = node.node_value().unwrap_or_default();
        let end = before + text.len();
        // The offset in the node of byte `n`, in UTF-16 units as the DOM
        // counts.
        let units = |n: usize| {
            let units = text
                .get(..n - before)
                .map_or(0, |s| s.encode_utf16().count());
            u32::try_from(units).unwrap_or(u32::MAX)
        };
        if !started && start <= end {
            range.set_start(&node, units(start)).ok()?;
            started = true;
        }
        if started && stop <= end {
            range.set_end(&node, units(stop)).ok()?;
            return Some(range);
        }
        before = end;
    }
    None
}

/// The char boundary of `text` at or before byte `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Removes the highlight.
pub(super) fn clear_highlight(core: &Core) {
    let (previous, range) = core
        .speech
        .try_borrow_mut()
        .ok()
        .map(|mut s| (s.highlighted.take(), s.sentence.take()))
        .unwrap_or_default();
    if let Some(previous) = previous {
        let _ = previous
            .class_list()
            .remove_2(SPEAKING_CLASS, SENTENCE_CLASS);
    }
    if let Some(range) = range {
        sentence::hide(&range);
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
// (The top of the view: `first_on_screen`, above.)

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
        speech.last_focus = Some((target.clone(), js_sys::Date::now()));
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
