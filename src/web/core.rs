//! A mounted view: its elements, the reader's preferences, and every change
//! a reader (through the toolbar) or the host (through the API) makes.
//!
//! A change sets attributes on the view's root and on the controls that
//! show the state; it never re-renders. One that moves the text (mode,
//! theme, scale) keeps the block at the top of the view where it was. Each one then stores the
//! preferences, says what happened in the live region, and dispatches its
//! event on the host element, last, because a listener may destroy the
//! viewer. A `RefCell` borrow is never held across a DOM call, which may
//! run one of the viewer's own handlers (a focus change) before returning.
//!
//! More of `Core` is elsewhere: the toolbar's panels in [`super::panels`],
//! its tab stop and 更多工具 in [`super::tab_stop`]; focus moved by script
//! is [`super::focus`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ResizeObserver, ShadowRoot};

use super::events::{dispatch, Listeners};
use super::place;
use super::sheets::Dynamic;
use super::speech::{self, Speech};
use super::storage::Store;
use crate::prefs::{larger_scale, rate_choice, smaller_scale, Cursor, Prefs, SPEECH_RATE_CHOICES};
use crate::render::toolbar::{notice_text, scale_status, Notice, Tool};
use crate::render::{Locale, Mode};
use crate::theme;

/// A disclosure panel of the toolbar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Panel {
    /// 配色.
    Theme,
    /// 语速.
    Rate,
    /// 目录.
    Outline,
}

/// The elements of a view, found once at mount.
pub(super) struct Dom {
    /// The caller's element: events are dispatched on it.
    pub host: Element,
    /// The `<yilan-view>` element added to the host; it holds the shadow root.
    pub container: Element,
    pub shadow: ShadowRoot,
    /// `article.yl-view`: mode, theme, scale, guide and cursor attributes.
    pub root: Element,
    /// `.yl-toolbar`: the toolbar row and its panels.
    pub bar: Element,
    /// The `role="toolbar"` row.
    pub tools: Element,
    pub scale_status: Element,
    pub live: Live,
    pub sheet: Dynamic,
}

/// The live region (`role="status"`), with what empties it again a while
/// after a notice: the one timer pending, and the closure it calls.
pub(super) struct Live {
    pub element: Element,
    timer: Cell<Option<i32>>,
    clear: Closure<dyn Fn()>,
}

impl Live {
    pub fn new(element: Element) -> Self {
        let emptied = element.clone();
        Live {
            element,
            timer: Cell::new(None),
            clear: Closure::new(move || emptied.set_text_content(None)),
        }
    }

    /// Says `text`, and empties the region [`LIVE_KEPT_MS`] later unless
    /// something else is said before.
    fn say(&self, mut text: String) {
        // The same words again would not change the region, so nothing
        // would be said: vary them invisibly.
        if self.element.text_content().as_deref() == Some(text.as_str()) {
            text.push('\u{a0}');
        }
        self.element.set_text_content(Some(&text));
        self.stop();
        if let Some(window) = web_sys::window() {
            let timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                self.clear.as_ref().unchecked_ref(),
                LIVE_KEPT_MS,
            );
            self.timer.set(timer.ok());
        }
    }

    /// Cancels the pending emptying, if any.
    fn stop(&self) {
        if let (Some(timer), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

impl Drop for Live {
    /// No timer calls the closure once it is gone.
    fn drop(&mut self) {
        self.stop();
    }
}

/// What changes while a view is shown.
#[derive(Debug, Default)]
pub(super) struct State {
    /// What the view shows.
    pub prefs: Prefs,
    /// The reader's own preferences, which are stored: the shown ones but
    /// for what a page gave `mount` as options (mode, theme, scale), which
    /// are the page's until the reader changes them.
    pub readers: Prefs,
    pub panel: Option<Panel>,
    /// The pointer's last height in the viewport, for the reading guide.
    pub pointer_y: Option<f64>,
    /// 更多工具 expanded (it matters only where the stylesheet shows it).
    pub tools_open: bool,
}

/// The observer of the bar's size, with the closure it calls.
pub(super) type Observer = (ResizeObserver, Closure<dyn Fn(JsValue)>);

/// Whose a change of the preferences is: the reader's (the toolbar, a
/// setter), shown and stored; or the page's (`mount`'s options, a setter
/// with `{ store: false }`), shown only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum By {
    Reader,
    Page,
}

/// How long a notice stays in the live region once said.
const LIVE_KEPT_MS: i32 = 10_000;

/// A mounted view.
pub(super) struct Core {
    pub dom: Dom,
    pub locale: Locale,
    pub store: Store,
    pub state: RefCell<State>,
    pub listeners: RefCell<Listeners>,
    pub observer: RefCell<Option<Observer>>,
    /// Reading aloud: the plan, the queue, the engine.
    pub speech: RefCell<Speech>,
    pub destroyed: Cell<bool>,
    /// The reader's last input in the view was a key, not the pointer
    /// (see `focus.rs`).
    pub by_key: Cell<bool>,
    /// The mode is to be said once the view is first laid out in a page
    /// (mounted with `announce`).
    pub announce_when_shown: Cell<bool>,
    /// The view has been in a page (see [`Core::shown`]).
    pub shown: Cell<bool>,
}

impl Core {
    /// Calls [`Core::shown`] when the view is in a page and not under an
    /// element with the `inert` attribute: a view built ahead may be put in
    /// the page inert (and transparent), to be laid out before it is shown,
    /// and counts as shown at the first check once that attribute is gone.
    /// Checked at `mount`, at each size report of the bar, at `focus()` and
    /// at each event the view answers.
    pub fn seen(self: &Rc<Self>) {
        let container = &self.dom.container;
        if !self.shown.get()
            && container.is_connected()
            && !matches!(container.closest("[inert]"), Ok(Some(_)))
        {
            self.shown();
        }
    }

    /// The view is in a page (see [`Core::seen`]): adds the listeners
    /// outside the view, stores the preferences it shows with and, when
    /// asked, says the mode. A view built ahead touches nothing of the page
    /// and stores nothing until then. Once; later calls do nothing.
    pub fn shown(self: &Rc<Self>) {
        if self.shown.replace(true) || self.destroyed.get() {
            return;
        }
        if let Ok(mut listeners) = self.listeners.try_borrow_mut() {
            listeners.shown();
        }
        let (prefs, readers) = self
            .state
            .try_borrow()
            .map(|s| (s.prefs.clone(), s.readers.clone()))
            .unwrap_or_default();
        self.store.write(&readers);
        if self.announce_when_shown.get() {
            super::mount::announce_later(self, Notice::Mode(prefs.mode));
        }
    }

    /// A copy of the current preferences.
    pub fn prefs(&self) -> Prefs {
        self.state
            .try_borrow()
            .map(|s| s.prefs.clone())
            .unwrap_or_default()
    }

    /// Applies `change` to the preferences shown and to the reader's own;
    /// the shown ones when they changed (and the reader's were stored, once
    /// the view is shown: [`Core::shown`] stores them then), `None` when
    /// nothing changed. By the page, to the shown ones only. The reader
    /// choosing what a page had set (shown already, so nothing changes on
    /// the screen) makes it the reader's, and stores it.
    fn change(&self, by: By, change: impl Fn(&mut Prefs)) -> Option<Prefs> {
        let (changed, prefs, readers) = {
            let mut state = self.state.try_borrow_mut().ok()?;
            let before = state.prefs.clone();
            change(&mut state.prefs);
            let changed = state.prefs != before;
            if by == By::Page {
                return changed.then(|| state.prefs.clone());
            }
            let readers_before = state.readers.clone();
            change(&mut state.readers);
            if !changed && state.readers == readers_before {
                return None;
            }
            (changed, state.prefs.clone(), state.readers.clone())
        };
        if self.shown.get() {
            self.store.write(&readers);
        }
        changed.then_some(prefs)
    }

    // ---------- Mode, theme, scale, guide, cursor ----------

    /// Sets an attribute of the view's root that moves the text (the mode,
    /// the theme, the scale), keeping the block at the top of the view
    /// where it was. Only for a change that happens: the place is read
    /// from the layout.
    fn restyle(&self, name: &str, value: &str) {
        let before = place::place(self);
        set_attr(&self.dom.root, name, value);
        place::keep(self, before);
    }

    /// 进入老年模式 / 退出老年模式.
    pub fn set_mode(&self, mode: Mode, by: By) {
        if self.change(by, |p| p.mode = mode).is_none() {
            return;
        }
        self.restyle("data-mode", mode.as_str());
        if mode != Mode::Elderly {
            self.close_panel(false);
            self.show_tools(false);
        }
        speech::mode_changed(self, mode);
        self.keep_stop_shown();
        self.announce(Notice::Mode(mode));
        self.dispatch("modechange", &JsValue::from_str(mode.as_str()));
    }

    /// 配色: a theme id, or `auto`; the caller checked it. Whether it
    /// changed.
    pub fn set_theme(&self, id: &str, by: By) -> bool {
        if self.change(by, |p| p.theme = id.to_owned()).is_none() {
            return false;
        }
        self.restyle("data-theme", id);
        self.press_choice("data-yl-theme", Some(id));
        self.announce(Notice::Theme(id));
        self.dispatch("themechange", &JsValue::from_str(id));
        true
    }

    /// A theme chosen in the 配色 panel: the one already in use is said
    /// too, so that the reader hears the press did something.
    pub fn choose_theme(&self, id: &str) {
        if !self.set_theme(id, By::Reader) {
            self.announce(Notice::Theme(id));
        }
    }

    /// 字号: a scale step; the caller checked it.
    pub fn set_scale(&self, scale: f32, by: By) {
        if self.change(by, |p| p.scale = scale).is_none() {
            return;
        }
        self.restyle("data-scale", theme::scale_step(scale));
        self.dom
            .scale_status
            .set_text_content(Some(&scale_status(self.locale, scale)));
        for (tool, at_end) in [
            (Tool::Smaller, smaller_scale(scale).is_none()),
            (Tool::Larger, larger_scale(scale).is_none()),
        ] {
            if let Some(button) = self.tool(tool) {
                if at_end {
                    set_attr(&button, "aria-disabled", "true");
                } else {
                    let _ = button.remove_attribute("aria-disabled");
                }
            }
        }
        self.announce(Notice::Scale(scale));
        self.dispatch("scalechange", &JsValue::from_f64(f64::from(scale)));
    }

    /// 字号 − or 字号 +; at the end, says so instead.
    pub fn step_scale(&self, larger: bool) {
        let scale = self.prefs().scale;
        let next = if larger {
            larger_scale(scale)
        } else {
            smaller_scale(scale)
        };
        match next {
            Some(next) => self.set_scale(next, By::Reader),
            None if larger => self.announce(Notice::Largest),
            None => self.announce(Notice::Smallest),
        }
    }

    /// 阅读辅助线 on or off.
    pub fn set_guide(&self, on: bool) {
        if self.change(By::Reader, |p| p.guide = on).is_none() {
            return;
        }
        set_attr(&self.dom.root, "data-guide", if on { "on" } else { "off" });
        self.set_pressed(Tool::Guide, on);
        if on {
            // Where the pointer last was on the text; without one yet, a
            // little above the middle of the screen, where reading happens,
            // or below the bar where it reaches further (its tools unfolded
            // on a phone).
            let y = self
                .state
                .try_borrow()
                .ok()
                .and_then(|s| s.pointer_y)
                .unwrap_or_else(|| {
                    let screen = viewport_height();
                    let below_bar = self.dom.bar.get_bounding_client_rect().bottom() + 40.0;
                    (screen * 0.4).max(below_bar.min(screen * 0.9))
                });
            self.dom.sheet.set_guide_y(y);
        }
        self.announce(Notice::Guide(on));
    }

    /// 大鼠标 on or off.
    pub fn set_cursor(&self, cursor: Cursor) {
        if self.change(By::Reader, |p| p.cursor = cursor).is_none() {
            return;
        }
        set_attr(&self.dom.root, "data-cursor", cursor.as_str());
        self.set_pressed(Tool::Cursor, cursor == Cursor::Large);
        self.announce(Notice::Cursor(cursor));
    }

    /// 指读 on or off.
    pub fn set_pointer_reading(&self, on: bool) {
        if self
            .change(By::Reader, |p| p.pointer_reading = on)
            .is_some()
        {
            self.set_pressed(Tool::Point, on);
        }
    }

    /// 语速: the speech rate, 0.5 to 2; the caller checked it. Whether it
    /// changed.
    pub fn set_speech_rate(&self, rate: f32) -> bool {
        if self.change(By::Reader, |p| p.speech_rate = rate).is_none() {
            return false;
        }
        speech::set_rate(self, rate);
        let value = rate_choice(rate).and_then(|at| SPEECH_RATE_CHOICES.get(at));
        self.press_choice("data-yl-rate", value.map(|(_, value)| *value));
        true
    }

    /// In a panel of choices (配色, 语速), the one whose `attr` is `value`
    /// pressed and the others not (none, for `None`).
    fn press_choice(&self, attr: &str, value: Option<&str>) {
        for option in self.all(&format!("[{attr}]")) {
            let on = value.is_some() && option.get_attribute(attr).as_deref() == value;
            set_attr(&option, "aria-pressed", if on { "true" } else { "false" });
        }
    }

    /// A rate chosen in the 语速 panel: said (also the one already in
    /// use), and heard at once (the sentence being read starts again at
    /// it).
    pub fn choose_speech_rate(&self, rate: f32) {
        let changed = self.set_speech_rate(rate);
        self.announce(Notice::Rate(rate));
        if changed {
            speech::restart(self);
        }
    }

    fn set_pressed(&self, tool: Tool, on: bool) {
        if let Some(button) = self.tool(tool) {
            set_attr(&button, "aria-pressed", if on { "true" } else { "false" });
        }
    }

    // ---------- Words, events, actions ----------

    /// Says `notice` in the live region; it leaves the region again a
    /// while later: a screen reader going through the view would otherwise
    /// find the last notice (配色：黑底黄字) standing in it as if it were
    /// text of the page.
    pub fn announce(&self, notice: Notice) {
        self.dom.live.say(notice_text(self.locale, notice));
    }

    /// Dispatches `kind` on the host element, unless destroyed.
    fn dispatch(&self, kind: &str, detail: &JsValue) {
        if !self.destroyed.get() {
            dispatch(self, kind, detail, false);
        }
    }

    /// Removes every listener and the view; the host is left as it was.
    pub fn destroy(&self) {
        if self.destroyed.get() {
            return;
        }
        speech::shut(self);
        self.destroyed.set(true);
        self.dom.live.stop();
        if let Ok(mut listeners) = self.listeners.try_borrow_mut() {
            listeners.remove_all();
        }
        if let Some((observer, _callback)) = self
            .observer
            .try_borrow_mut()
            .ok()
            .and_then(|mut o| o.take())
        {
            observer.disconnect();
        }
        self.dom.container.remove();
    }

    // ---------- Helpers ----------

    /// The button of `tool`.
    pub fn tool(&self, tool: Tool) -> Option<Element> {
        let selector = format!("[data-yl-tool=\"{}\"]", tool.as_str());
        self.dom.tools.query_selector(&selector).ok().flatten()
    }

    /// Every element of the view matching `selector`.
    fn all(&self, selector: &str) -> Vec<Element> {
        self.all_in(&self.dom.root, selector)
    }

    pub fn all_in(&self, within: &Element, selector: &str) -> Vec<Element> {
        let Ok(list) = within.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }
}

/// Sets an attribute; the names used here are valid, so it cannot fail.
pub(super) fn set_attr(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Whether the reader asked for less motion.
pub(super) fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// The viewport's height in CSS pixels.
pub(super) fn viewport_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(600.0)
}
