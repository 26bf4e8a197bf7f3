//! The toolbar's one tab stop (a roving tabindex) among the tools the mode
//! and the layout show, and 更多工具, which shows the tools a narrow view
//! folds away.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::core::{set_attr, Core};
use crate::render::toolbar::Tool;
use crate::render::Mode;

impl Core {
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

    pub fn show_tools(&self, open: bool) {
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

    /// Hides the tools 更多工具 showed, if it did; focus stays where it is.
    pub fn fold_tools(&self) {
        if self.state.try_borrow().is_ok_and(|s| s.tools_open) {
            self.show_tools(false);
            self.keep_stop_shown();
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
        self.focus(&more);
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
            self.focus(stop);
        }
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

/// Whether `element` is laid out (not `display: none`, nor inside one).
pub(super) fn rendered(element: &Element) -> bool {
    element
        .dyn_ref::<HtmlElement>()
        .is_some_and(|html| html.offset_parent().is_some())
}
