//! Event plumbing: the listeners a viewer adds (kept so that `destroy`
//! removes every one), the `CustomEvent`s it dispatches on the host
//! element, and the listeners a page adds through the viewer's
//! `addEventListener`, which are the view's own.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AddEventListenerOptions, CustomEvent, CustomEventInit, Event, EventTarget};

use super::core::Core;
use super::error::dom_error;

/// How a listener is added.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Options {
    /// In the bubbling phase.
    Plain,
    /// Passive: for events whose default the handler never prevents
    /// (pointer moves).
    Passive,
    /// Passive and in the capture phase: on a target outside the view,
    /// where a page's handler that stops an event (as the embed stops the
    /// reader's presses at its host) must not hide it from the view.
    Outside,
}

/// One listener the viewer added, or will add.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    options: Options,
    callback: Closure<dyn Fn(Event)>,
}

impl Listener {
    fn new(
        target: &EventTarget,
        kind: &'static str,
        options: Options,
        handler: impl Fn(Event) + 'static,
    ) -> Self {
        // `Fn`, not `FnMut`: a handler may run again while it runs (an
        // event it causes), which an `FnMut` closure would refuse.
        Listener {
            target: target.clone(),
            kind,
            options,
            callback: Closure::<dyn Fn(Event)>::new(handler),
        }
    }

    fn function(&self) -> &Function {
        self.callback.as_ref().unchecked_ref()
    }

    fn register(&self) -> Result<(), JsValue> {
        let flags: &[(&str, JsValue)] = match self.options {
            Options::Plain => &[],
            Options::Passive => &[("passive", JsValue::TRUE)],
            Options::Outside => &[("passive", JsValue::TRUE), ("capture", JsValue::TRUE)],
        };
        let options: AddEventListenerOptions = dictionary(flags).unchecked_into();
        self.target
            .add_event_listener_with_callback_and_add_event_listener_options(
                self.kind,
                self.function(),
                &options,
            )
            .map_err(|e| dom_error("adding a listener", &e))
    }

    fn unregister(&self) {
        // Removing a listener that is there cannot fail; if the browser
        // throws anyway, the closure is still dropped, and a dropped closure
        // that is called only throws in JavaScript.
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.function(),
            self.options == Options::Outside,
        );
    }
}

/// Every listener a viewer added, to remove them all at once, and those on
/// targets outside the view (the page's document and window, the speech
/// engine) that wait for the view to be in a page: a view built ahead,
/// detached, leaves the page as it was until it is shown.
#[derive(Default)]
pub(super) struct Listeners {
    entries: Vec<Listener>,
    waiting: Vec<Listener>,
    pages: Vec<PageListener>,
}

/// A listener the page added through the viewer's `addEventListener`: on
/// the host element, so that it runs where the host's own listeners run,
/// but called for this view's events only (another view in the same host
/// dispatches there too), and removed with the view.
struct PageListener {
    host: EventTarget,
    kind: String,
    listener: JsValue,
    capture: bool,
    /// A `once` listener has been called.
    spent: Rc<Cell<bool>>,
    /// The `signal` it was added with, if any.
    signal: JsValue,
    callback: Closure<dyn Fn(Event) -> Result<(), JsValue>>,
}

impl PageListener {
    /// Called no more: spent, or its signal aborted (the browser then
    /// removed it from the host).
    fn over(&self) -> bool {
        self.spent.get() || flag(&self.signal, "aborted")
    }

    fn is(&self, kind: &str, listener: &JsValue, capture: bool) -> bool {
        self.kind == kind && self.capture == capture && Object::is(&self.listener, listener)
    }

    fn unregister(&self) {
        let _ = self.host.remove_event_listener_with_callback_and_bool(
            &self.kind,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

thread_local! {
    /// The view whose event is being dispatched (its `Core`'s address), 0
    /// for none: what a page's listener added through a viewer checks.
    static DISPATCHING: Cell<usize> = const { Cell::new(0) };
}

fn view_id(core: &Core) -> usize {
    std::ptr::from_ref(core) as usize
}

/// `options[name]` is truthy (`false` for no object).
fn flag(options: &JsValue, name: &str) -> bool {
    options.is_object()
        && Reflect::get(options, &JsValue::from_str(name)).is_ok_and(|v| v.is_truthy())
}

/// The `capture` of an `addEventListener` options argument (a boolean, or
/// an object).
fn capture_of(options: &JsValue) -> bool {
    options
        .as_bool()
        .unwrap_or_else(|| flag(options, "capture"))
}

impl Listeners {
    /// Adds `handler` for `kind` events on `target`, an element of the
    /// view; `passive` for events whose default the handler never prevents
    /// (pointer moves).
    pub fn add(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        passive: bool,
        handler: impl Fn(Event) + 'static,
    ) -> Result<(), JsValue> {
        let options = if passive {
            Options::Passive
        } else {
            Options::Plain
        };
        let listener = Listener::new(target, kind, options, handler);
        listener.register()?;
        self.entries.push(listener);
        Ok(())
    }

    /// Adds `handler` for `kind` events on `target`, outside the view, once
    /// the view is in a page ([`Listeners::shown`]): passive, in the capture
    /// phase.
    pub fn add_when_shown(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        handler: impl Fn(Event) + 'static,
    ) {
        self.waiting
            .push(Listener::new(target, kind, Options::Outside, handler));
    }

    /// The view is in a page: adds the listeners waiting for it (the first
    /// call; later ones find none). Adding one to the page's document or
    /// window does not fail; were it to, the view would only miss that
    /// event.
    pub fn shown(&mut self) {
        for listener in std::mem::take(&mut self.waiting) {
            let _ = listener.register();
            self.entries.push(listener);
        }
    }

    /// Removes every listener and frees its closure, and the list's own
    /// memory: a destroyed view's handle may live on until JavaScript
    /// collects it, and should hold nothing by then.
    pub fn remove_all(&mut self) {
        self.waiting = Vec::new();
        for listener in std::mem::take(&mut self.entries) {
            listener.unregister();
        }
        for listener in std::mem::take(&mut self.pages) {
            listener.unregister();
        }
    }

    /// The viewer's `addEventListener(kind, listener, options)`, as the
    /// DOM's own: `options` a boolean (capture) or `{ capture, once,
    /// passive, signal }`; the same listener, type and capture again adds
    /// nothing.
    pub fn add_for_page(
        &mut self,
        core: &Core,
        kind: String,
        listener: JsValue,
        options: &JsValue,
    ) -> Result<(), JsValue> {
        let capture = capture_of(options);
        let once = flag(options, "once");
        let signal = if options.is_object() {
            Reflect::get(options, &JsValue::from_str("signal"))?
        } else {
            JsValue::UNDEFINED
        };
        if flag(&signal, "aborted") {
            return Ok(());
        }
        self.pages.retain(|old| {
            let keep = !old.over();
            if !keep {
                old.unregister();
            }
            keep
        });
        if self
            .pages
            .iter()
            .any(|old| old.is(&kind, &listener, capture))
        {
            return Ok(());
        }
        let id = view_id(core);
        let spent = Rc::new(Cell::new(false));
        let callback = {
            let (spent, listener) = (Rc::clone(&spent), listener.clone());
            Closure::<dyn Fn(Event) -> Result<(), JsValue>>::new(move |event: Event| {
                if spent.get() || DISPATCHING.with(Cell::get) != id {
                    return Ok(());
                }
                spent.set(once);
                // A function is called on the host, as the DOM calls it;
                // an object's `handleEvent` on the object.
                let (function, this) = match listener.dyn_ref::<Function>() {
                    Some(function) => (function.clone(), event.current_target().into()),
                    None => (
                        Reflect::get(&listener, &JsValue::from_str("handleEvent"))?
                            .dyn_into::<Function>()?,
                        listener.clone(),
                    ),
                };
                function.call1(&this, &event).map(|_| ())
            })
        };
        let mut flags = vec![("capture", JsValue::from_bool(capture))];
        if options.is_object() {
            let passive = Reflect::get(options, &JsValue::from_str("passive"))?;
            if !passive.is_undefined() {
                flags.push(("passive", JsValue::from_bool(passive.is_truthy())));
            }
            if !signal.is_undefined() {
                flags.push(("signal", signal.clone()));
            }
        }
        let host: &EventTarget = &core.dom.host;
        let options: AddEventListenerOptions = dictionary(&flags).unchecked_into();
        host.add_event_listener_with_callback_and_add_event_listener_options(
            &kind,
            callback.as_ref().unchecked_ref(),
            &options,
        )?;
        self.pages.push(PageListener {
            host: host.clone(),
            kind,
            listener,
            capture,
            spent,
            signal,
            callback,
        });
        Ok(())
    }

    /// The viewer's `removeEventListener(kind, listener, options)`.
    pub fn remove_for_page(&mut self, kind: &str, listener: &JsValue, options: &JsValue) {
        let capture = capture_of(options);
        if let Some(at) = self
            .pages
            .iter()
            .position(|old| old.is(kind, listener, capture))
        {
            // Dropping the closure while it runs (a listener that removes
            // itself) is safe: the glue frees it when the call returns.
            self.pages.swap_remove(at).unregister();
        }
    }
}

/// Dispatches `CustomEvent(kind, { detail, bubbles, composed, cancelable })`
/// on the view's host element; returns `false` when a listener cancelled it.
pub(super) fn dispatch(core: &Core, kind: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init: CustomEventInit = dictionary(&[
        ("bubbles", JsValue::TRUE),
        ("composed", JsValue::TRUE),
        ("cancelable", JsValue::from_bool(cancelable)),
        ("detail", detail.clone()),
    ])
    .unchecked_into();
    match CustomEvent::new_with_event_init_dict(kind, &init) {
        Ok(event) => {
            let outer = DISPATCHING.with(|d| d.replace(view_id(core)));
            // A listener that throws is reported by the browser, not here.
            let done = core.dom.host.dispatch_event(&event).unwrap_or(true);
            DISPATCHING.with(|d| d.set(outer));
            done
        }
        Err(_) => true,
    }
}

/// A plain object of `fields`, for a dictionary argument (event init,
/// listener options): one `Reflect.set` import serves every dictionary,
/// where each web-sys setter is an import and a glue function of its own.
pub(super) fn dictionary(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        // Setting a property of a new plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}
