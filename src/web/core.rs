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

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, FocusOptions, HtmlElement, Node, ResizeObserver, ScrollBehavior,
    ScrollIntoViewOptions, ScrollLogicalPosition, ShadowRoot,
};

use super::events::{dispatch, Listeners};
use super::place;
use super::sheets::Dynamic;
use super::speech::{self, Speech};
use super::storage::Store;
use crate::prefs::{larger_scale, rate_choice, smaller_scale, Cursor, Prefs, SPEECH_RATE_CHOICES};
use crate::render::toolbar::{notice_text, scale_status, Notice, Tool};
use crate::render::toolbar::{OUTLINE_PANEL_ID, RATE_PANEL_ID, THEME_PANEL_ID};
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

impl Panel {
    fn id(self) -> &'static str {
        match self {
            Panel::Theme => THEME_PANEL_ID,
            Panel::Rate => RATE_PANEL_ID,
            Panel::Outline => OUTLINE_PANEL_ID,
        }
    }

    fn tool(self) -> Tool {
        match self {
            Panel::Theme => Tool::Theme,
            Panel::Rate => Tool::Rate,
            Panel::Outline => Tool::Outline,
        }
    }
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
    pub live: Element,
    pub sheet: Dynamic,
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
    /// nothing changed.
    fn change(&self, change: impl Fn(&mut Prefs)) -> Option<Prefs> {
        let (prefs, readers) = {
            let mut state = self.state.try_borrow_mut().ok()?;
            let before = state.prefs.clone();
            change(&mut state.prefs);
            if state.prefs == before {
                return None;
            }
            change(&mut state.readers);
            (state.prefs.clone(), state.readers.clone())
        };
        if self.shown.get() {
            self.store.write(&readers);
        }
        Some(prefs)
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
    pub fn set_mode(&self, mode: Mode) {
        if self.change(|p| p.mode = mode).is_none() {
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

    /// 配色: a theme id, or `auto`; the caller checked it.
    pub fn set_theme(&self, id: &str) {
        if self.change(|p| p.theme = id.to_owned()).is_none() {
            return;
        }
        self.restyle("data-theme", id);
        self.press_choice("data-yl-theme", Some(id));
        self.announce(Notice::Theme(id));
        self.dispatch("themechange", &JsValue::from_str(id));
    }

    /// 字号: a scale step; the caller checked it.
    pub fn set_scale(&self, scale: f32) {
        if self.change(|p| p.scale = scale).is_none() {
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
            Some(next) => self.set_scale(next),
            None if larger => self.announce(Notice::Largest),
            None => self.announce(Notice::Smallest),
        }
    }

    /// 阅读辅助线 on or off.
    pub fn set_guide(&self, on: bool) {
        if self.change(|p| p.guide = on).is_none() {
            return;
        }
        set_attr(&self.dom.root, "data-guide", if on { "on" } else { "off" });
        self.set_pressed(Tool::Guide, on);
        if on {
            // Where the pointer last was; without one yet, a little above
            // the middle of the screen, where reading happens.
            let y = self
                .state
                .try_borrow()
                .ok()
                .and_then(|s| s.pointer_y)
                .unwrap_or_else(|| viewport_height() * 0.4);
            self.dom.sheet.set_guide_y(y);
        }
        self.announce(Notice::Guide(on));
    }

    /// 大鼠标 on or off.
    pub fn set_cursor(&self, cursor: Cursor) {
        if self.change(|p| p.cursor = cursor).is_none() {
            return;
        }
        set_attr(&self.dom.root, "data-cursor", cursor.as_str());
        self.set_pressed(Tool::Cursor, cursor == Cursor::Large);
        self.announce(Notice::Cursor(cursor));
    }

    /// 指读 on or off.
    pub fn set_pointer_reading(&self, on: bool) {
        if self.change(|p| p.pointer_reading = on).is_some() {
            self.set_pressed(Tool::Point, on);
        }
    }

    /// 语速: the speech rate, 0.5 to 2; the caller checked it. Whether it
    /// changed.
    pub fn set_speech_rate(&self, rate: f32) -> bool {
        if self.change(|p| p.speech_rate = rate).is_none() {
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

    /// A rate chosen in the 语速 panel: said, and heard at once (the
    /// sentence being read starts again at it).
    pub fn choose_speech_rate(&self, rate: f32) {
        if self.set_speech_rate(rate) {
            self.announce(Notice::Rate(rate));
            speech::restart(self);
        }
    }

    fn set_pressed(&self, tool: Tool, on: bool) {
        if let Some(button) = self.tool(tool) {
            set_attr(&button, "aria-pressed", if on { "true" } else { "false" });
        }
    }

    // ---------- Panels ----------

    /// Opens `panel` (closing the other) or, when open, closes it.
    pub fn toggle_panel(&self, panel: Panel) {
        let open = self.state.try_borrow().ok().and_then(|s| s.panel);
        if open == Some(panel) {
            self.close_panel(true);
            return;
        }
        self.close_panel(false);
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.panel = Some(panel);
        }
        if let Some(element) = self.dom.shadow.get_element_by_id(panel.id()) {
            let _ = element.remove_attribute("hidden");
            if let Some(button) = self.tool(panel.tool()) {
                set_attr(&button, "aria-expanded", "true");
            }
            // Into the panel: to the current choice, or the first button
            // (a section; a rate set through the API that is none of the
            // panel's).
            let first = element
                .query_selector("[aria-pressed=\"true\"]")
                .ok()
                .flatten()
                .or_else(|| element.query_selector("button").ok().flatten());
            if let Some(first) = first {
                focus(&first);
            }
        }
    }

    /// Closes the open panel; with `return_focus`, focus goes back to its
    /// button when it was inside the panel.
    pub fn close_panel(&self, return_focus: bool) {
        let Some(panel) = self
            .state
            .try_borrow_mut()
            .ok()
            .and_then(|mut s| s.panel.take())
        else {
            return;
        };
        let button = self.tool(panel.tool());
        if let Some(button) = &button {
            set_attr(button, "aria-expanded", "false");
        }
        if let Some(element) = self.dom.shadow.get_element_by_id(panel.id()) {
            let had_focus = self
                .dom
                .shadow
                .active_element()
                .is_some_and(|active| element.contains(Some(&active)));
            set_attr(&element, "hidden", "");
            if return_focus && had_focus {
                if let Some(button) = &button {
                    focus(button);
                }
            }
        }
    }

    /// Whether a panel is open.
    pub fn panel_open(&self) -> bool {
        self.state.try_borrow().is_ok_and(|s| s.panel.is_some())
    }

    /// Focus moved to `to`: when that is neither in the open panel nor its
    /// tool, the panel closes. It drops down over the text, so a link that
    /// Tab reaches under it would be hidden (WCAG 2.4.11).
    pub fn focus_moved(&self, to: &Node) {
        let Some(panel) = self.state.try_borrow().ok().and_then(|s| s.panel) else {
            return;
        };
        let in_panel = self
            .dom
            .shadow
            .get_element_by_id(panel.id())
            .is_some_and(|element| element.contains(Some(to)));
        let on_tool = self
            .tool(panel.tool())
            .is_some_and(|tool| tool.unchecked_ref::<Node>() == to);
        if !in_panel && !on_tool {
            self.close_panel(false);
        }
    }

    /// 目录: moves focus to the heading with id `target` and scrolls it to
    /// the top of the view (at once when the reader asks for less motion).
    pub fn go_to(&self, target: &str) {
        self.close_panel(false);
        let Some(heading) = self.dom.shadow.get_element_by_id(target) else {
            return;
        };
        if !heading.has_attribute("tabindex") {
            set_attr(&heading, "tabindex", "-1");
        }
        if let Some(html) = heading.dyn_ref::<HtmlElement>() {
            let _ = html.focus_with_options(&focus_options(true));
        }
        self.sync_bar_height();
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        options.set_behavior(if reduced_motion() {
            ScrollBehavior::Instant
        } else {
            ScrollBehavior::Smooth
        });
        heading.scroll_into_view_with_scroll_into_view_options(&options);
    }

    /// Brings the bar's height in the view's sheet up to date, before
    /// something scrolls into view below the bar by its scroll margin: the
    /// size observer reports a change only at the next frame (the tools of
    /// a narrow view folded or unfolded, 停止 come in as reading starts).
    pub fn sync_bar_height(&self) {
        self.dom
            .sheet
            .set_bar_height(self.dom.bar.get_bounding_client_rect().height());
    }

    // ---------- The toolbar's tab stop (roving tabindex) ----------

    /// The tools the current mode shows, in order.
    pub fn tools_shown(&self) -> Vec<Element> {
        let elderly = self.prefs().mode == Mode::Elderly;
        let in_mode: Vec<Element> = self
            .all_in(&self.dom.tools, "[data-yl-tool]")
            .into_iter()
            .filter(|tool| elderly || !tool.has_attribute("data-yl-elderly"))
            .filter(|tool| !tool.has_attribute("hidden"))
            .collect();
        // The layout decides the rest (更多工具 on a narrow screen, the tools
        // it hides); a view that is not laid out at all keeps the mode's.
        let laid_out: Vec<Element> = in_mode.iter().filter(|t| rendered(t)).cloned().collect();
        if laid_out.is_empty() {
            in_mode
        } else {
            laid_out
        }
    }

    /// 更多工具: shows the other tools, or hides them again.
    pub fn toggle_tools(&self) {
        let open = self.state.try_borrow().is_ok_and(|s| s.tools_open);
        self.show_tools(!open);
    }

    fn show_tools(&self, open: bool) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.tools_open = open;
        }
        set_attr(
            &self.dom.root,
            "data-tools",
            if open { "open" } else { "closed" },
        );
        if let Some(more) = self.tool(Tool::More) {
            set_attr(&more, "aria-expanded", if open { "true" } else { "false" });
        }
    }

    /// Escape in the toolbar: hides the tools 更多工具 showed, focus back on
    /// it. False when there was nothing to hide.
    pub fn close_tools(&self) -> bool {
        let open = self.state.try_borrow().is_ok_and(|s| s.tools_open);
        let Some(more) = self.tool(Tool::More).filter(|more| open && rendered(more)) else {
            return false;
        };
        self.show_tools(false);
        focus(&more);
        self.set_stop(&more);
        true
    }

    /// Makes `tool` the toolbar's one tab stop.
    pub fn set_stop(&self, tool: &Element) {
        for other in self.all_in(&self.dom.tools, "[data-yl-tool]") {
            set_attr(&other, "tabindex", if &other == tool { "0" } else { "-1" });
        }
    }

    /// After a change of mode or of the bar's size: the tab stop on a tool
    /// that is shown.
    pub fn keep_stop_shown(&self) {
        let shown = self.tools_shown();
        let stop_shown = shown
            .iter()
            .any(|tool| tool.get_attribute("tabindex").as_deref() == Some("0"));
        if !stop_shown {
            if let Some(first) = first_usable(&shown) {
                self.set_stop(first);
            }
        }
    }

    /// Focuses the toolbar's tab stop.
    pub fn focus_toolbar(&self) {
        let shown = self.tools_shown();
        let stop = shown
            .iter()
            .find(|tool| tool.get_attribute("tabindex").as_deref() == Some("0"))
            .or(first_usable(&shown));
        if let Some(stop) = stop {
            focus(stop);
        }
    }

    // ---------- Words, events, actions ----------

    /// Says `notice` in the live region.
    pub fn announce(&self, notice: Notice) {
        let mut text = notice_text(self.locale, notice);
        // The same words again would not change the region, so nothing
        // would be said: vary them invisibly.
        if self.dom.live.text_content().as_deref() == Some(text.as_str()) {
            text.push('\u{a0}');
        }
        self.dom.live.set_text_content(Some(&text));
    }

    /// Dispatches `kind` on the host element, unless destroyed.
    fn dispatch(&self, kind: &str, detail: &JsValue) {
        if !self.destroyed.get() {
            dispatch(&self.dom.host, kind, detail, false);
        }
    }

    /// A page action (打印, 关闭, …): an `action` event the host may cancel,
    /// then the browser's own print or close. Browsers close only a window
    /// a script opened, and say nothing when they refuse: when the page is
    /// still open after asking (`closed` is set at once when it is not),
    /// the live region says so, and how to close it.
    pub fn run_action(&self, name: &str) {
        if !dispatch(&self.dom.host, "action", &JsValue::from_str(name), true) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        match name {
            "print" => {
                let _ = window.print();
            }
            "close" => {
                let _ = window.close();
                if window.closed() == Ok(false) {
                    self.announce(Notice::CannotClose);
                }
            }
            _ => {}
        }
    }

    /// Removes every listener and the view; the host is left as it was.
    pub fn destroy(&self) {
        if self.destroyed.get() {
            return;
        }
        speech::shut(self);
        self.destroyed.set(true);
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

    fn all_in(&self, within: &Element, selector: &str) -> Vec<Element> {
        let Ok(list) = within.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }
}

/// The first of `tools` that is not `aria-disabled` (缩小 at 100% is), else
/// the first: where the tab stop goes when no tool has been used yet.
fn first_usable(tools: &[Element]) -> Option<&Element> {
    tools
        .iter()
        .find(|tool| tool.get_attribute("aria-disabled").as_deref() != Some("true"))
        .or(tools.first())
}

/// Sets an attribute; the names used here are valid, so it cannot fail.
pub(super) fn set_attr(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Whether `element` is laid out (not `display: none`, nor inside one).
fn rendered(element: &Element) -> bool {
    element
        .dyn_ref::<HtmlElement>()
        .is_some_and(|html| html.offset_parent().is_some())
}

thread_local! {
    /// Whether the reader's last input in a view was a key rather than the
    /// pointer.
    static BY_KEY: Cell<bool> = const { Cell::new(false) };
}

/// Notes how the reader is working the view: with keys or the pointer.
pub(super) fn note_input(by_key: bool) {
    BY_KEY.with(|k| k.set(by_key));
}

/// Focus options: no scrolling with `prevent_scroll`; the focus ring
/// shown when the reader is using keys. (A focus moved by script shows its
/// ring in WebKit only when told so, once the pointer was used: a tool
/// clicked, then the arrows.)
pub(super) fn focus_options(prevent_scroll: bool) -> FocusOptions {
    let options = FocusOptions::new();
    if prevent_scroll {
        options.set_prevent_scroll(true);
    }
    if BY_KEY.with(Cell::get) {
        options.set_focus_visible(true);
    }
    options
}

/// Focuses an element, if it can take focus.
pub(super) fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus_with_options(&focus_options(false));
    }
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
