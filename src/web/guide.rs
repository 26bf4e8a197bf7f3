//! 阅读辅助线, the reading guide: a band one line high that follows the
//! pointer (a mouse as it moves, a finger where it taps: not a finger that
//! scrolls), or the focused
//! element when the reader uses the keyboard; not onto the toolbar, where
//! there is nothing to read: reaching for a tool leaves it on the text. It is
//! placed through the viewer's own stylesheet (no inline style), and it is
//! `pointer-events: none` and hidden from assistive technology.
//!
//! Also here: the bar's height, watched so that whatever scrolls into view
//! stops below a sticky bar rather than under it; its first report in the
//! page also says that the view is shown (for `mount`'s `announce`). The
//! same observer watches the tables ([`tables`]).

use std::rc::{Rc, Weak};

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, MouseEvent, ResizeObserver};

use super::core::Core;
use super::error::dom_error;
use super::place;
use super::tables;
use super::toolbar::handler;
use crate::render::toolbar::TOOLS_BY_DEVICE;

/// Adds the pointer listener, the bar's size observer and, for the
/// tables, a listener of the window's size (the observer sees the view's
/// width and text size change, not the window's height).
pub(super) fn install(core: &Rc<Core>) -> Result<(), JsValue> {
    let mut listeners = core
        .listeners
        .try_borrow_mut()
        .map_err(|_| JsValue::from_str("listeners busy"))?;
    listeners.add(&core.dom.root, "pointermove", true, handler(core, on_move))?;
    // A finger that taps moves no pointer: the tap places the band, when it
    // ends (one that scrolls the text ends in a `pointercancel` instead).
    listeners.add(&core.dom.root, "pointerup", true, handler(core, on_move))?;
    // (On the page's window, so only once the view is shown: a view built
    // ahead listens to nothing of the page.)
    if let Some(window) = web_sys::window() {
        let weak: Weak<Core> = Rc::downgrade(core);
        listeners.add_when_shown(&window, "resize", move |_: Event| {
            if let Some(core) = weak.upgrade() {
                if !core.destroyed.get() {
                    fit_tables(&core);
                }
            }
        });
        // A tool the toolbar's sheet hides by the device (大鼠标 where there
        // is no mouse) comes or goes, the bar perhaps keeping its size: the
        // tab stop must stay on a tool that shows.
        if let Ok(Some(list)) = window.match_media(TOOLS_BY_DEVICE) {
            let weak: Weak<Core> = Rc::downgrade(core);
            listeners.add_when_shown(&list, "change", move |_: Event| {
                if let Some(core) = weak.upgrade() {
                    if !core.destroyed.get() {
                        core.keep_stop_shown();
                    }
                }
            });
        }
    }
    drop(listeners);

    let weak: Weak<Core> = Rc::downgrade(core);
    let callback = Closure::<dyn Fn(JsValue)>::new(move |_entries: JsValue| {
        if let Some(core) = weak.upgrade() {
            // The first report in the page is the view's showing (a view
            // mounted detached is reported once out of it too, at 0 × 0),
            // unless it is in the page inert (see `Core::seen`).
            core.seen();
            let height = fit_tables(&core);
            // The bar changes size when 更多工具 comes or goes.
            core.keep_stop_shown();
            if !core.dom.sheet.bar_height_is(height) {
                set_bar_height_later(&core, height);
            }
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())
        .map_err(|e| dom_error("watching the toolbar's size", &e))?;
    observer.observe(&core.dom.bar);
    tables::observe(core, &observer);
    if let Ok(mut slot) = core.observer.try_borrow_mut() {
        *slot = Some((observer, callback));
    }
    Ok(())
}

/// Fits the tables to the screen below the bar and what the page keeps
/// fixed above it (its own header, if any); gives the bar's height.
fn fit_tables(core: &Core) -> f64 {
    let height = core.dom.bar.get_bounding_client_rect().height().round();
    tables::fit(core, place::sticky_top(core) + height);
    height
}

/// Writes the bar's height into the view's sheet in a task of its own.
///
/// The observer reports the first height inside the frame that shows the
/// view, and a changed rule restyles the whole view; written from a task,
/// that restyle follows the first paint instead of delaying it. The height
/// only places what later scrolls into view below the bar.
fn set_bar_height_later(core: &Rc<Core>, height: f64) {
    let weak = Rc::downgrade(core);
    let later = Closure::once_into_js(move || {
        if let Some(core) = weak.upgrade() {
            if !core.destroyed.get() {
                core.dom.sheet.set_bar_height(height);
            }
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
    }
}

/// Whether `element` is in the toolbar (the bar, or a panel it opened).
fn on_bar(core: &Core, element: Option<&Element>) -> bool {
    element.is_some_and(|e| core.dom.bar.contains(Some(e.unchecked_ref())))
}

fn on_move(core: &Rc<Core>, event: &Event) {
    let Some(pointer) = event.dyn_ref::<MouseEvent>() else {
        return;
    };
    // A finger moves the band where it taps (`pointerup`); a mouse or a pen
    // as it moves.
    let touch = Reflect::get(event, &JsValue::from_str("pointerType"))
        .ok()
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "touch");
    if touch != (event.type_() == "pointerup") {
        return;
    }
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    if on_bar(core, target.as_ref()) {
        return;
    }
    let y = f64::from(pointer.client_y());
    let guide_on = match core.state.try_borrow_mut() {
        Ok(mut state) => {
            state.pointer_y = Some(y);
            state.prefs.guide
        }
        Err(_) => false,
    };
    if guide_on {
        core.dom.sheet.set_guide_y(y);
    }
}

/// Moves the guide to a newly focused element, once the browser has
/// scrolled it into view (the next frame).
pub(super) fn follow_focus(core: &Rc<Core>, element: &Element) {
    if !core.prefs().guide || on_bar(core, Some(element)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let element = element.clone();
    let weak = Rc::downgrade(core);
    let frame = Closure::once_into_js(move || {
        let Some(core) = weak.upgrade() else {
            return;
        };
        if core.destroyed.get() || !element.is_connected() {
            return;
        }
        let rect = element.get_bounding_client_rect();
        // The first line of a tall element; the middle of a small one.
        core.dom
            .sheet
            .set_guide_y(rect.top() + rect.height().min(60.0) / 2.0);
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
