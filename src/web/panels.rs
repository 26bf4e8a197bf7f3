//! The toolbar's disclosure panels (配色, 语速, 目录): one open at a time,
//! focus moved into it as it opens and back to its button as it closes,
//! and closed when focus leaves it; 目录's move to a section; and the bar's
//! height brought up to date before a scroll.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Node, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::core::{reduced_motion, set_attr, Core, Panel};
use crate::render::toolbar::Tool;
use crate::render::toolbar::{OUTLINE_PANEL_ID, RATE_PANEL_ID, THEME_PANEL_ID};

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

impl Core {
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
                self.focus(&first);
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
                    self.focus(button);
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
        // (Asked before the focus moves: 指读 reads what takes it.)
        let reading = super::speech::reading_all(self);
        if !heading.has_attribute("tabindex") {
            set_attr(&heading, "tabindex", "-1");
        }
        if let Some(html) = heading.dyn_ref::<HtmlElement>() {
            let _ = html.focus_with_options(&self.focus_options(true));
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
        if reading {
            if let Some(section) = target.strip_suffix("-h") {
                super::speech::went_to(self, section);
            }
        }
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
}
