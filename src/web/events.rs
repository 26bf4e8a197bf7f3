//! Event plumbing: the listeners a viewer adds (kept so that `destroy`
//! removes every one), the `CustomEvent`s it dispatches on the host
//! element, and the host's `addEventListener`/`removeEventListener` that
//! the viewer forwards to.

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AddEventListenerOptions, CustomEvent, CustomEventInit, Element, Event, EventTarget};

use super::error::dom_error;

/// One listener the viewer added.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn Fn(Event)>,
}

/// Every listener a viewer added, to remove them all at once.
#[derive(Default)]
pub(super) struct Listeners {
    entries: Vec<Listener>,
}

impl Listeners {
    /// Adds `handler` for `kind` events on `target`; `passive` for events
    /// whose default the handler never prevents (pointer moves).
    pub fn add(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        passive: bool,
        handler: impl Fn(Event) + 'static,
    ) -> Result<(), JsValue> {
        // `Fn`, not `FnMut`: a handler may run again while it runs (an
        // event it causes), which an `FnMut` closure would refuse.
        let callback = Closure::<dyn Fn(Event)>::new(handler);
        let function: &Function = callback.as_ref().unchecked_ref();
        let added = if passive {
            let options: AddEventListenerOptions =
                dictionary(&[("passive", JsValue::TRUE)]).unchecked_into();
            target.add_event_listener_with_callback_and_add_event_listener_options(
                kind, function, &options,
            )
        } else {
            target.add_event_listener_with_callback(kind, function)
        };
        added.map_err(|e| dom_error("adding a listener", &e))?;
        self.entries.push(Listener {
            target: target.clone(),
            kind,
            callback,
        });
        Ok(())
    }

    /// Removes every listener and frees its closure, and the list's own
    /// memory: a destroyed view's handle may live on until JavaScript
    /// collects it, and should hold nothing by then.
    pub fn remove_all(&mut self) {
        for listener in std::mem::take(&mut self.entries) {
            let function: &Function = listener.callback.as_ref().unchecked_ref();
            // Removing a listener that is there cannot fail; if the browser
            // throws anyway, the closure is still dropped below, and a
            // dropped closure that is called only throws in JavaScript.
            let _ = listener
                .target
                .remove_event_listener_with_callback(listener.kind, function);
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
