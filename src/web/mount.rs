//! `mount(element, doc, options)`: builds a view inside a shadow root, whole
//! and with the reader's preferences applied, and only then inserts it; and
//! `preferences()`, the reader's stored choices.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use super::convert::document_from_js;
use super::core::{set_attr, Core, Dom, Live, State};
use super::error::{dom_error, web_error, WebErrorCode};
use super::events::Listeners;
use super::options::mount_options;
use super::sheets;
use super::speech::{self, Speech};
use super::storage::Store;
use super::toolbar;
use super::trusted::fragment;
use super::viewer::Viewer;
use crate::prefs::Prefs;
use crate::render::toolbar::{
    toolbar as toolbar_html, view_end, Notice, ToolbarOptions, BAR_ID, LIVE_ID, SCALE_STATUS_ID,
    TOOLS_ID,
};
use crate::render::{render, RenderOptions};

/// The element added to the host to carry the shadow root: a name no page
/// styles, and removed whole by `destroy`.
const CONTAINER: &str = "yilan-view";

/// How long after the view is shown the mode is announced, when asked: a
/// live region that has only just appeared is not yet watched by every
/// screen reader.
const ANNOUNCE_DELAY_MS: i32 = 200;

/// `mount(element, doc, options?): Viewer`: shows the document in
/// `element`, in a shadow root of its own, with the elderly-mode toolbar.
///
/// The reader's stored preferences (mode, theme, size, reading guide,
/// cursor) are applied before the view is inserted, so its first paint is
/// already right; options given here win over them. The view's own words
/// are in `options.locale`, else in the language of the element's closest
/// ancestor with a `lang` attribute (the page's `<html lang>`), else zh-CN;
/// the document's text is never translated. Into an element not yet in the
/// page, a view can be built ahead of time: it stores the preferences, and
/// listens on the page's document and window, only once it is put in the
/// page; put in the page under an `inert` element, to be laid out ahead
/// too, once that attribute is gone and the view is focused or used. Throws a
/// `YilanError`
/// (`argument`, a model code, or `internal`) and leaves the element
/// untouched when anything fails.
///
/// ```js
/// const viewer = mount(document.querySelector('#reader'), doc, { mode: 'elderly' });
/// viewer.addEventListener('themechange', (e) => console.log(e.detail));
/// ```
#[wasm_bindgen]
pub fn mount(element: &JsValue, doc: &JsValue, options: &JsValue) -> Result<Viewer, JsValue> {
    let host: Element = element.dyn_ref::<Element>().cloned().ok_or_else(|| {
        // An element of another window (an iframe's) is no `Element` of
        // this one: say so, rather than that it is no element.
        let node_type = js_sys::Reflect::get(element, &JsValue::from_str("nodeType")).ok();
        let message = if element.is_object() && node_type.and_then(|t| t.as_f64()) == Some(1.0) {
            "element is in another window (an iframe's): mount it with the package loaded in that window"
        } else {
            "element must be a DOM element"
        };
        web_error(WebErrorCode::Argument, message, Some("element"))
    })?;
    if !shows_children(&host) {
        return Err(web_error(
            WebErrorCode::Argument,
            "element shows no children (an <img>, <input>, <textarea>, <iframe>, an SVG element…): mount into a container such as a <div> or <main>",
            Some("element"),
        ));
    }
    let doc = document_from_js(doc, "doc")?;
    let element_options = options;
    let options = mount_options(options)?;

    // What the reader chose (stored), and what the view shows: that, but
    // for what the page's options set. A mode given with `announce` (a view
    // shown in answer to the reader's action, as the embed's entry) is the
    // reader's own choice.
    let mut readers = options.storage.read();
    if let (Some(mode), true) = (options.mode, options.announce) {
        readers.mode = mode;
    }
    let mut prefs = readers.clone();
    if let Some(mode) = options.mode {
        prefs.mode = mode;
    }
    if let Some(theme) = &options.theme {
        prefs.theme = theme.clone();
    }
    if let Some(scale) = options.scale {
        prefs.scale = scale;
    }

    let locale = options.locale.unwrap_or_else(|| page_locale(&host));
    let hook = speech::hook_option(element_options)?;
    let voice = speech::voice_option(element_options)?;
    let core = build(&host, &doc, (prefs, readers), &options.storage, locale)?;
    toolbar::install(&core).inspect_err(|_| core.destroy())?;
    speech::install(&core, &doc, hook, voice).inspect_err(|_| core.destroy())?;
    // Last: the only step that shows anything.
    host.append_child(&core.dom.container).map_err(|e| {
        core.destroy();
        dom_error("inserting the view", &e)
    })?;
    core.announce_when_shown.set(options.announce);
    // A view mounted detached is shown when its bar is first laid out in a
    // page (see `guide::install`) or when it is focused, if not inert then.
    core.seen();
    Ok(Viewer::new(core))
}

/// Whether `host` lays out its children, so that a view put in it shows:
/// an HTML element, not one that is void, replaced or holds only text.
fn shows_children(host: &Element) -> bool {
    host.is_instance_of::<web_sys::HtmlElement>()
        && !matches!(
            host.local_name().as_str(),
            "area"
                | "audio"
                | "base"
                | "br"
                | "canvas"
                | "col"
                | "embed"
                | "hr"
                | "iframe"
                | "img"
                | "input"
                | "link"
                | "meta"
                | "object"
                | "option"
                | "script"
                | "select"
                | "source"
                | "style"
                | "template"
                | "textarea"
                | "title"
                | "track"
                | "video"
                | "wbr"
        )
}

/// The locale of the page around `host`: the `lang` of its closest ancestor
/// (itself included) that has one, as `Locale::from_tag` reads it; zh-CN
/// where no ancestor has one. As HTML inherits a language, the search goes
/// on from a shadow root to its host (a view inside a web component).
fn page_locale(host: &Element) -> crate::render::Locale {
    let mut at = host.clone();
    let tag = loop {
        if let Ok(Some(element)) = at.closest("[lang]") {
            break element.get_attribute("lang");
        }
        match at.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => at = shadow.host(),
            Err(_) => break None,
        }
    };
    tag.map_or(crate::render::Locale::ZhCn, |tag| {
        crate::render::Locale::from_tag(&tag)
    })
}

/// Builds the view, detached: container, shadow root, stylesheets, the
/// rendered document with the toolbar before it and the live region and
/// the guide after it, every attribute already set: as `prefs` (what the
/// view shows) say; `readers` are the reader's own (see [`State`]).
fn build(
    host: &Element,
    doc: &Rc<crate::Document>,
    (prefs, readers): (Prefs, Prefs),
    store: &Store,
    locale: crate::render::Locale,
) -> Result<Rc<Core>, JsValue> {
    let prefs = &prefs;
    let document = host
        .owner_document()
        .ok_or_else(|| dom_error("the element has no document", &JsValue::UNDEFINED))?;
    let container = document
        .create_element(CONTAINER)
        .map_err(|e| dom_error("creating the view's element", &e))?;
    let shadow = container
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|e| dom_error("attaching a shadow root", &e))?;
    let sheet = sheets::adopt(&shadow)?;

    let render_options = RenderOptions {
        mode: prefs.mode,
        theme: prefs.theme.clone(),
        scale: prefs.scale,
        locale,
        ..RenderOptions::default()
    };
    let toolbar_options = ToolbarOptions {
        locale,
        speech: true,
    };
    let view = fragment(&document, &render(doc, &render_options))
        .map_err(|e| dom_error("writing the view", &e))?;
    shadow
        .append_child(&view)
        .map_err(|e| dom_error("writing the view", &e))?;
    let root = shadow
        .first_element_child()
        .ok_or_else(|| dom_error("the view is empty", &JsValue::UNDEFINED))?;
    set_attr(&root, "data-guide", if prefs.guide { "on" } else { "off" });
    set_attr(&root, "data-cursor", prefs.cursor.as_str());
    let bar = fragment(&document, &toolbar_html(doc, prefs, &toolbar_options))
        .map_err(|e| dom_error("writing the toolbar", &e))?;
    root.prepend_with_node_1(&bar)
        .map_err(|e| dom_error("writing the toolbar", &e))?;
    let end = fragment(&document, &view_end(doc, &toolbar_options))
        .map_err(|e| dom_error("writing the toolbar", &e))?;
    root.append_child(&end)
        .map_err(|e| dom_error("writing the toolbar", &e))?;

    let find = |id: &str| {
        shadow
            .get_element_by_id(id)
            .ok_or_else(|| dom_error("the toolbar is incomplete", &JsValue::from_str(id)))
    };
    let dom = Dom {
        host: host.clone(),
        bar: find(BAR_ID)?,
        tools: find(TOOLS_ID)?,
        scale_status: find(SCALE_STATUS_ID)?,
        live: Live::new(find(LIVE_ID)?),
        root,
        container,
        shadow,
        sheet,
    };
    Ok(Rc::new(Core {
        dom,
        locale,
        store: store.clone(),
        state: RefCell::new(State {
            prefs: prefs.clone(),
            readers,
            panel: None,
            pointer_y: None,
            tools_open: false,
        }),
        listeners: RefCell::new(Listeners::default()),
        observer: RefCell::new(None),
        speech: RefCell::new(Speech::new(Rc::clone(doc))),
        destroyed: Cell::new(false),
        by_key: Cell::new(false),
        announce_when_shown: Cell::new(false),
        shown: Cell::new(false),
    }))
}

/// Says `notice` a moment after the view is in.
pub(super) fn announce_later(core: &Rc<Core>, notice: Notice<'static>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let weak = Rc::downgrade(core);
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(core) = weak.upgrade() {
            if !core.destroyed.get() {
                core.announce(notice);
            }
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        later.unchecked_ref(),
        ANNOUNCE_DELAY_MS,
    );
}

/// `preferences(options?): Preferences`: the reader's stored preferences
/// (defaults for what is missing or unreadable), read from the same place
/// `mount` reads them (`options.storage`, else `localStorage`). A page uses
/// it to decide, before loading anything else, whether to show the view
/// again (`preferences().mode === 'elderly'`).
#[wasm_bindgen]
pub fn preferences(options: &JsValue) -> Result<JsValue, JsValue> {
    let storage = super::options::Given::read(options)?
        .value("storage")?
        .unwrap_or(JsValue::UNDEFINED);
    super::storage::prefs_to_js(&Store::from_option(&storage)?.read())
}
