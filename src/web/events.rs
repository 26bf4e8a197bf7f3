//! Event plumbing: the listeners a viewer adds (kept so that `destroy`
//! removes every one), the `CustomEvent`s it dispatches on the host
//! element, and the host's `addEventListener`/`removeEventListener` that
//! the viewer forwards to.

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AddEventListenerOptions, CustomEvent, CustomEventInit, Element, Event, EventTarget};

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
    }
}

/// Dispatches `CustomEvent(kind, { detail, bubbles, composed, cancelable })`
/// on `host`; returns `false` when a listener cancelled it.
pub(super) fn dispatch(host: &Element, kind: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init: CustomEventInit = dictionary(&[
        ("bubbles", JsValue::TRUE),
        ("composed", JsValue::TRUE),
        ("cancelable", JsValue::from_bool(cancelable)),
        ("detail", detail.clone()),
    ])
    .unchecked_into();
    match CustomEvent::new_with_event_init_dict(kind, &init) {
        // A listener that throws is reported by the browser, not here.
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
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

/// Calls `host[method](type, listener, options)`: the viewer's
/// `addEventListener` and `removeEventListener` are the host element's.
pub(super) fn forward(
    host: &Element,
    method: &str,
    kind: &JsValue,
    listener: &JsValue,
    options: &JsValue,
) -> Result<(), JsValue> {
    let function: Function = Reflect::get(host, &JsValue::from_str(method))?.dyn_into()?;
    function.call3(host, kind, listener, options).map(|_| ())
}
