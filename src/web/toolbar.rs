//! The toolbar's event wiring: clicks on tools, theme and rate choices, outline
//! entries and the page's action buttons (one delegated listener on the
//! shadow root); the keyboard (arrow keys, Home and End along the toolbar,
//! Escape to close a panel, or the tools 更多工具 showed, else to stop reading
//! aloud); focus, which keeps the toolbar's one tab stop
//! on the last tool used; and a press outside the bar or focus moving out
//! of a panel (Tab past its last control), which close it.
//!
//! No single-key shortcuts: they clash with screen readers' own keys.

use std::rc::{Rc, Weak};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, KeyboardEvent, Node};

use super::core::{By, Core, Panel};
use super::guide;
use super::speech;
use crate::prefs::{Cursor, SPEECH_RATE_CHOICES};
use crate::render::toolbar::Tool;
use crate::render::Mode;
use crate::speech::reader::Status;

/// Adds the toolbar's listeners (and the reading guide's) to a view.
pub(super) fn install(core: &Rc<Core>) -> Result<(), JsValue> {
    let shadow = core.dom.shadow.clone();
    let mut listeners = core
        .listeners
        .try_borrow_mut()
        .map_err(|_| JsValue::from_str("listeners busy"))?;
    listeners.add(&shadow, "click", false, handler(core, on_click))?;
    listeners.add(&shadow, "keydown", false, handler(core, on_key))?;
    // (In the view: the embed keeps the view's events from the document.)
    listeners.add(
        &shadow,
        "pointerdown",
        true,
        handler(core, |core, _| core.note_input(false)),
    )?;
    listeners.add(&shadow, "focusin", false, handler(core, on_focus))?;
    listeners.add(
        &core.dom.bar,
        "focusout",
        false,
        handler(core, on_focus_out),
    )?;
    // On the document: a press anywhere outside the bar, in the view or in
    // the page around it, closes a panel and folds the tools.
    if let Some(document) = core.dom.host.owner_document() {
        listeners.add_when_shown(&document, "pointerdown", handler(core, on_press));
    }
    drop(listeners);
    guide::install(core)
}

/// A listener body holding the view weakly: the view owns its listeners,
/// so a strong handle would keep it alive forever. An event the view
/// answers means a reader reached it: a view built ahead counts as shown
/// from then on, if it no longer is inert (see `Core::seen`).
pub(super) fn handler(core: &Rc<Core>, body: fn(&Rc<Core>, &Event)) -> impl Fn(Event) + 'static {
    let weak: Weak<Core> = Rc::downgrade(core);
    move |event: Event| {
        if let Some(core) = weak.upgrade() {
            if !core.destroyed.get() {
                core.seen();
                body(&core, &event);
            }
        }
    }
}

/// The element an event happened on, inside the view.
fn target(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// The closest element matching `selector` around the event's target.
fn closest(event: &Event, selector: &str) -> Option<Element> {
    target(event)?.closest(selector).ok().flatten()
}

fn on_click(core: &Rc<Core>, event: &Event) {
    if let Some(button) = closest(event, "[data-yl-tool]") {
        let name = button.get_attribute("data-yl-tool").unwrap_or_default();
        if let Some(tool) = Tool::from_name(&name) {
            use_tool(core, tool);
        }
    } else if let Some(option) = closest(event, "[data-yl-theme]") {
        if let Some(id) = option.get_attribute("data-yl-theme") {
            core.choose_theme(&id);
        }
    } else if let Some(option) = closest(event, "[data-yl-rate]") {
        let value = option.get_attribute("data-yl-rate");
        let chosen = SPEECH_RATE_CHOICES
            .iter()
            .find(|(_, written)| value.as_deref() == Some(*written));
        if let Some((rate, _)) = chosen {
            core.choose_speech_rate(*rate);
        }
    } else if let Some(entry) = closest(event, OUTLINE_ENTRY) {
        if let Some(id) = entry.get_attribute("data-yl-target") {
            core.go_to(&id);
        }
    } else if closest(event, "[data-yl-close]").is_some() {
        core.close_panel(true);
    } else if let Some(action) = closest(event, ".yl-actions [data-action]") {
        if let Some(name) = action.get_attribute("data-action") {
            core.run_action(&name);
        }
    }
}

/// What each tool does.
fn use_tool(core: &Rc<Core>, tool: Tool) {
    let prefs = core.prefs();
    match tool {
        Tool::More => core.toggle_tools(),
        Tool::Smaller => core.step_scale(false),
        Tool::Larger => core.step_scale(true),
        Tool::Theme => core.toggle_panel(Panel::Theme),
        Tool::Rate => core.toggle_panel(Panel::Rate),
        Tool::Outline => core.toggle_panel(Panel::Outline),
        Tool::Read => {
            speech::toggle_read(core);
            // Reading from the unfolded tools: they fold, giving the screen
            // back to the text read (暂停 and 停止 stay on the folded bar).
            if speech::status(core) != Status::Idle {
                core.fold_tools();
            }
        }
        Tool::Stop => speech::stop(core),
        Tool::Point => speech::toggle_point(core),
        Tool::Guide => core.set_guide(!prefs.guide),
        Tool::Cursor => core.set_cursor(match prefs.cursor {
            Cursor::Large => Cursor::Normal,
            Cursor::Normal => Cursor::Large,
        }),
        Tool::Print => core.run_action("print"),
        Tool::Mode => core.set_mode(
            match prefs.mode {
                Mode::Elderly => Mode::Standard,
                Mode::Standard => Mode::Elderly,
            },
            By::Reader,
        ),
    }
}

fn on_key(core: &Rc<Core>, event: &Event) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    // Leave the browser's and the screen reader's combinations alone.
    if key.alt_key() || key.ctrl_key() || key.meta_key() || key.is_composing() {
        return;
    }
    core.note_input(true);
    let name = key.key();
    if name == "Escape" {
        if core.panel_open() {
            core.close_panel(true);
            event.prevent_default();
        } else if closest(event, "[role=\"toolbar\"]").is_some() && core.close_tools() {
            event.prevent_default();
        } else if super::speech::status(core) != crate::speech::reader::Status::Idle {
            // Else it stops a voice that reads, as it stops media.
            super::speech::stop(core);
            event.prevent_default();
        }
        return;
    }
    // In a panel of choices (配色, 语速) the arrow keys go from choice to
    // choice, as in any group of options (Tab still goes on to 收起).
    if let Some(choice) = closest(event, CHOICES) {
        let Some(list) = choice.parent_element() else {
            return;
        };
        let choices = core.all_in(&list, CHOICES);
        let Some(at) = choices.iter().position(|c| c == &choice) else {
            return;
        };
        if let Some(next) = step(name.as_str(), at, choices.len()).and_then(|n| choices.get(n)) {
            event.prevent_default();
            core.focus(next);
        }
        return;
    }
    // In 目录, ↑ and ↓ go from entry to entry (Tab too, on to 收起).
    if let Some(entry) = closest(event, OUTLINE_ENTRY) {
        let entries = entry
            .closest(".yl-outline")
            .ok()
            .flatten()
            .map(|list| core.all_in(&list, OUTLINE_ENTRY))
            .unwrap_or_default();
        let at = entries.iter().position(|e| e == &entry);
        let next = match name.as_str() {
            "ArrowLeft" | "ArrowRight" => None,
            key => at.and_then(|at| step(key, at, entries.len())),
        };
        if let Some(next) = next.and_then(|n| entries.get(n)) {
            event.prevent_default();
            core.focus(next);
        }
        return;
    }
    let Some(tool) = closest(event, "[data-yl-tool]") else {
        return;
    };
    if !core.dom.tools.contains(Some(tool.unchecked_ref::<Node>())) {
        return;
    }
    let shown = core.tools_shown();
    let Some(at) = shown.iter().position(|t| t == &tool) else {
        return;
    };
    // (Along the row: Up and Down are the page's, to scroll.)
    if matches!(name.as_str(), "ArrowUp" | "ArrowDown") {
        return;
    }
    let Some(next) = step(name.as_str(), at, shown.len()).and_then(|n| shown.get(n)) else {
        return;
    };
    event.prevent_default();
    core.set_stop(next);
    core.focus(next);
}

/// The choices of the panels of choices (配色, 语速).
const CHOICES: &str = "[data-yl-theme], [data-yl-rate]";

/// 目录's entries.
const OUTLINE_ENTRY: &str = "[data-yl-target]";

/// Where `key` moves from `at` among `len` items (wrapping at the ends):
/// → and ↓ on, ← and ↑ back, Home and End to the first and the last.
fn step(key: &str, at: usize, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    match key {
        "ArrowRight" | "ArrowDown" => Some(if at < last { at + 1 } else { 0 }),
        "ArrowLeft" | "ArrowUp" => Some(at.checked_sub(1).unwrap_or(last)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

fn on_focus(core: &Rc<Core>, event: &Event) {
    let Some(element) = target(event) else {
        return;
    };
    // A tool reached by click or by Shift+Tab becomes the tab stop.
    if element.has_attribute("data-yl-tool")
        && core
            .dom
            .tools
            .contains(Some(element.unchecked_ref::<Node>()))
    {
        core.set_stop(&element);
    }
    guide::follow_focus(core, &element);
}

/// Focus leaving the bar for another element: an open panel closes unless
/// focus went to its own tool. (Focus leaving the page, to the browser or
/// another window, has no element to go to and leaves it open.)
fn on_focus_out(core: &Rc<Core>, event: &Event) {
    if let Some(to) = related(event) {
        core.focus_moved(&to);
        // Out of the bar by Tab: the unfolded tools fold, as a tap on the
        // text folds them.
        if !core.dom.bar.contains(Some(&to)) {
            core.fold_tools();
        }
    }
}

/// An event's `relatedTarget` (where focus or the pointer went), if a node.
pub(super) fn related(event: &Event) -> Option<Node> {
    js_sys::Reflect::get(event, &JsValue::from_str("relatedTarget"))
        .ok()?
        .dyn_into::<Node>()
        .ok()
}

/// A press outside the bar closes an open panel, and folds the tools that
/// 更多工具 unfolded (on a phone they take half the screen, over the text
/// the reader goes back to, by a tap or a swipe). Focus stays where the
/// reader put it.
fn on_press(core: &Rc<Core>, event: &Event) {
    let panel = core.panel_open();
    let tools = core.state.try_borrow().is_ok_and(|s| s.tools_open);
    if !panel && !tools {
        return;
    }
    // The composed path: seen from the document, the target of a press in
    // the view is the view's host element.
    if event.composed_path().includes(&core.dom.bar, 0) {
        return;
    }
    if panel {
        core.close_panel(false);
    }
    if tools {
        core.fold_tools();
    }
}
