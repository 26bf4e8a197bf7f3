//! Reading aloud as the view shows it: the controls' labels and notes, the
//! highlight and the sentence read kept on screen, and what the focus or
//! the top of the view asks 朗读 to read. (A selection: [`super::selection`];
//! 指读: [`super::point`].)

use wasm_bindgen::JsValue;
use web_sys::{Element, Node, Range, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::super::core::{reduced_motion, set_attr, Core};
use super::super::place;
use super::super::tab_stop::rendered;
use super::{sentence, status};
use crate::ids;
use crate::parse::chars::find_str;
use crate::render::toolbar::{
    no_voice_note, speech_words, Tool, LABEL_CLASS, NOTE_ID, SENTENCE_CLASS, SPEAKING_CLASS,
};
use crate::speech::reader::Status;
use crate::speech::{Chunk, ChunkKind, Plan};

/// Shows the reading state on the controls: 朗读's label (朗读, 暂停,
/// 继续), 停止 while reading, the note that says why reading is not
/// possible, and 语速 only while it is.
pub(super) fn show_controls(core: &Core) {
    let status = status(core);
    // While a voice reads, 朗读 (now 暂停 or 继续) and 停止 stay on the bar
    // folded behind 更多工具 (the stylesheet reads this): the reader always
    // sees how to stop it.
    if status == Status::Idle {
        let _ = core.dom.root.remove_attribute("data-speech");
    } else {
        set_attr(&core.dom.root, "data-speech", "on");
    }
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
    if let Some(note) = core.dom.shadow.get_element_by_id(NOTE_ID) {
        match unavailable {
            Some(why) => {
                note.set_text_content(Some(no_voice_note(core.locale, why)));
                let _ = note.remove_attribute("hidden");
            }
            None => {
                note.set_text_content(None);
                set_attr(&note, "hidden", "");
            }
        }
    }
    // (语速 stays, and works: a tool that went would move the ones after
    // it, and a speed chosen now is heard once a voice comes.)
    for button in [Tool::Read, Tool::Point]
        .into_iter()
        .filter_map(|tool| core.tool(tool))
    {
        if unavailable.is_some() {
            set_attr(&button, "aria-disabled", "true");
        } else {
            let _ = button.remove_attribute("aria-disabled");
        }
    }
    if let Some(stop) = core.tool(Tool::Stop) {
        if status == Status::Idle {
            if stop.has_attribute("hidden") {
                return;
            }
            // The stop button goes: focus and the tab stop go to 朗读, or,
            // where 朗读 folds away with the reading (a narrow bar), to the
            // first tool still shown (更多工具). This is decided now, not
            // when the bar's size is next reported: the bar may keep its
            // size, and a Tab pressed before would land nowhere.
            // 朗读 (暂停 until now) with the focus may have folded away too.
            let active = core.dom.shadow.active_element();
            let had_focus = active.as_ref() == Some(&stop)
                || active
                    .is_some_and(|a| Some(&a) == core.tool(Tool::Read).as_ref() && !rendered(&a));
            let was_stop = stop.get_attribute("tabindex").as_deref() == Some("0");
            set_attr(&stop, "hidden", "");
            if was_stop || had_focus {
                if let Some(read) = core.tool(Tool::Read) {
                    core.set_stop(&read);
                }
            }
            core.keep_stop_shown();
            if had_focus {
                core.focus_toolbar();
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
pub(super) fn chunk_element(core: &Core, chunk: &Chunk) -> Option<Element> {
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

// ---------- 朗读: the focused section ----------
// (The top of the view: `first_on_screen`, above; the selection: `selection.rs`.)

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
