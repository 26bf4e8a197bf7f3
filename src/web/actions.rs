//! The page's actions (打印, 关闭, 分享, 收藏): first an `action` event the
//! host may cancel, then what the browser can do. Where it can do nothing
//! by itself (a page the reader opened will not close; a script cannot add
//! a bookmark), the view says what to do instead, in the live region and
//! in words shown under the buttons, where the reader looked.

use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Window;

use super::core::Core;
use super::events::dispatch;
use crate::render::toolbar::{Bookmarking, Notice};

/// The element under the buttons that shows the last action's words.
const NOTE_CLASS: &str = "yl-action-note";
const NOTE: &str = ".yl-action-note";

impl Core {
    /// Runs the action `name` (as in the buttons' `data-action`).
    pub fn run_action(self: &Rc<Self>, name: &str) {
        // The words of an earlier action no longer apply, whoever
        // takes this one.
        if let Ok(Some(note)) = self.dom.root.query_selector(NOTE) {
            note.remove();
        }
        if !dispatch(self, "action", &JsValue::from_str(name), true) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        match name {
            "print" => {
                let _ = window.print();
            }
            // Browsers close only a window a script opened, and say nothing
            // when they refuse: `closed` is set at once when they do not.
            "close" => {
                let _ = window.close();
                if window.closed() == Ok(false) {
                    self.tell(Notice::CannotClose);
                }
            }
            "share" => share(self, &window),
            "bookmark" => self.tell(Notice::Bookmark(bookmarking(&window))),
            _ => {}
        }
    }

    /// Says `notice` in the live region and shows it under the actions.
    fn tell(&self, notice: Notice) {
        self.announce(notice);
        let Ok(Some(footer)) = self.dom.root.query_selector(".yl-footer") else {
            return;
        };
        let note = match footer.query_selector(NOTE) {
            Ok(Some(note)) => note,
            _ => {
                let Ok(note) = self
                    .dom
                    .shadow
                    .owner_document()
                    .map_or(Err(JsValue::NULL), |document| document.create_element("p"))
                else {
                    return;
                };
                note.set_class_name(NOTE_CLASS);
                let _ = footer.append_child(&note);
                note
            }
        };
        note.set_text_content(Some(&crate::render::toolbar::notice_text(
            self.locale,
            notice,
        )));
    }
}

/// 分享: the system's share sheet where the browser has one (phones,
/// Safari, Chrome on Windows); else the page's address is copied; else it
/// is shown, to be copied by hand. A share the reader cancelled says
/// nothing.
fn share(core: &Rc<Core>, window: &Window) {
    let Ok(url) = window.location().href() else {
        return;
    };
    let navigator = window.navigator();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(&url));
    let title = window.document().map(|d| d.title()).unwrap_or_default();
    if !title.is_empty() {
        let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(&title));
    }
    let url: Rc<str> = url.into();
    match call(&navigator, "share", &data) {
        Some(promise) => then(
            &promise,
            None,
            later(core, &url, |core, error, url| {
                let cancelled = js_sys::Reflect::get(&error, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .is_some_and(|n| n == "AbortError");
                if !cancelled {
                    copy(core, url);
                }
            }),
        ),
        None => copy(core, &url),
    }
}

/// Copies `url` and says so, or shows it where copying is refused.
fn copy(core: &Rc<Core>, url: &Rc<str>) {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .unwrap_or_default();
    match call(&clipboard, "writeText", &JsValue::from_str(url)) {
        Some(promise) => then(
            &promise,
            Some(later(core, url, |core, _, _| core.tell(Notice::LinkCopied))),
            later(core, url, |core, _, url| core.tell(Notice::ShareLink(url))),
        ),
        None => core.tell(Notice::ShareLink(url)),
    }
}

/// A callback for a promise that runs `then` with the view, the value and
/// the address, unless the view is gone.
fn later(core: &Rc<Core>, url: &Rc<str>, then: fn(&Rc<Core>, JsValue, &Rc<str>)) -> JsValue {
    let (weak, url) = (Rc::downgrade(core), Rc::clone(url));
    Closure::once_into_js(move |value: JsValue| {
        if let Some(core) = weak.upgrade().filter(|c| !c.destroyed.get()) {
            then(&core, value, &url);
        }
    })
}

/// `promise.then(done, failed)`, for a promise a page's script may have
/// replaced with anything.
fn then(promise: &JsValue, done: Option<JsValue>, failed: JsValue) {
    let _ = call2(promise, "then", &done.unwrap_or_default(), &failed);
}

/// `object[name](argument)`, when that is a function that returns.
fn call(object: &JsValue, name: &str, argument: &JsValue) -> Option<JsValue> {
    method(object, name).and_then(|f| f.call1(object, argument).ok())
}

fn call2(object: &JsValue, name: &str, a: &JsValue, b: &JsValue) -> Option<JsValue> {
    method(object, name).and_then(|f| f.call2(object, a, b).ok())
}

/// `object[name]` when it is a function.
fn method(object: &JsValue, name: &str) -> Option<js_sys::Function> {
    if !object.is_object() {
        return None;
    }
    js_sys::Reflect::get(object, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

/// How this reader adds a bookmark: the browser's menu on a touch screen,
/// else the keys, ⌘ on a Mac.
fn bookmarking(window: &Window) -> Bookmarking {
    let touch = window
        .match_media("(hover: none) and (pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if touch {
        return Bookmarking::Menu;
    }
    let platform = window.navigator().platform().unwrap_or_default();
    if platform.starts_with("Mac") || platform.starts_with("iP") {
        Bookmarking::MacKeys
    } else {
        Bookmarking::Keys
    }
}
