//! Where the reader is in the view: the part of it on screen below the
//! toolbar, the block at the top of that part, keeping that block where it
//! is when the text changes size (字号, 配色, the mode), and scrolling a
//! piece of text to the top.
//!
//! The view scrolls with the page (the window) or inside an ancestor that
//! scrolls (the embed's host, fixed over the page): that is "the scroller"
//! here. The browser's own scroll anchoring cannot keep the reader's place:
//! a change of size changes the whole of the scroller's content, so the
//! viewer does it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ScrollToOptions, ShadowRoot};

use super::core::{viewport_height, Core};
use super::events::dictionary;
use super::tables;

/// The part of the scroller that shows the view's text, in viewport pixels:
/// from the toolbar's bottom edge (or the scroller's top, below what the
/// page keeps fixed over it there, when the bar is not over it; or the
/// bottom of a table's header rows stuck there) to the scroller's bottom
/// edge.
///
/// What a page keeps fixed over the top of its scroller (its own header)
/// is the scroller's `scroll-padding-top`, the property with which a page
/// tells the browser so for its own anchors: the view's sticky bar and
/// header rows stop below it too (`--yl-sticky-top`, see [`sticky_top`]).
pub(super) struct Area {
    /// "The top of the view": where text starts being visible.
    pub top: f64,
    pub bottom: f64,
    /// The element that scrolls; `None` for the window.
    scroller: Option<Element>,
}

impl Area {
    /// Whether `element` shows at least in part in the area.
    pub fn shows(&self, element: &Element) -> bool {
        let rect = element.get_bounding_client_rect();
        rect.height() > 0.0 && rect.bottom() > self.top && rect.top() < self.bottom
    }

    /// Scrolls the view by `dy` pixels (down when positive): at once, or
    /// with the browser's smooth scrolling.
    pub fn scroll_by(&self, dy: f64, smooth: bool) {
        let target = self.scroller.clone().or_else(|| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.scrolling_element())
        });
        let Some(target) = target else {
            return;
        };
        let behavior = if smooth { "smooth" } else { "instant" };
        let options: ScrollToOptions = dictionary(&[
            ("top", JsValue::from_f64(dy)),
            ("behavior", JsValue::from_str(behavior)),
        ])
        .unchecked_into();
        target.scroll_by_with_scroll_to_options(&options);
    }
}

/// The area of `core`'s view now.
pub(super) fn area(core: &Core) -> Area {
    let scroller = scroller(&core.dom.container);
    let screen = viewport_height();
    let (top, bottom) = match &scroller {
        Some(element) => {
            let top = element.get_bounding_client_rect().top() + f64::from(element.client_top());
            (top, top + f64::from(element.client_height()))
        }
        None => (0.0, screen),
    };
    // What is fixed over the top of what scrolls the view: its scroll
    // padding. When nothing inside the page scrolls the view, that is the
    // page's own, unless the view is in a fixed box that covers the page
    // (the embed's view, whose content fits): then that box's.
    let (sticky, container) = sticky_in(core);
    let covered = match (&scroller, &container) {
        (Some(element), _) => padding_top(Some(element)),
        (None, Some(element)) if is_fixed(element) => sticky,
        (None, _) => padding_top(None),
    };
    let top = top + covered;
    let bar = core.dom.bar.get_bounding_client_rect().bottom();
    Area {
        top: tables::stuck_head_bottom(core, top.max(bar)),
        bottom: bottom.min(screen),
        scroller,
    }
}

/// How far below the top of its scroll container the view's sticky bar and
/// header rows stop: the container's `scroll-padding-top` (for the page,
/// the root element's: the page's own header), in whole pixels; a
/// percentage is of the container's height, and `auto` or another value
/// counts as 0. Also written in the view's sheet as `--yl-sticky-top`, so
/// that a value the page set late is taken up at the next measure.
pub(super) fn sticky_top(core: &Core) -> f64 {
    sticky_in(core).0
}

/// [`sticky_top`], and the scroll container it is read from.
fn sticky_in(core: &Core) -> (f64, Option<Element>) {
    let container = scroll_container(&core.dom.container);
    let px = padding_top(container.as_ref());
    core.dom.sheet.set_sticky_top(px);
    (px, container)
}

/// Whether `element` is positioned `fixed`.
fn is_fixed(element: &Element) -> bool {
    web_sys::window()
        .and_then(|window| window.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("position").ok())
        .is_some_and(|position| position == "fixed")
}

fn padding_top(container: Option<&Element>) -> f64 {
    let Some(window) = web_sys::window() else {
        return 0.0;
    };
    // (The page's scroll padding is the root element's, also in quirks
    // mode, where the scrolling element is the body.)
    let element = container
        .cloned()
        .or_else(|| window.document()?.document_element());
    let Some(element) = element else {
        return 0.0;
    };
    let value = window
        .get_computed_style(&element)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("scroll-padding-top").ok())
        .unwrap_or_default();
    // (The browser's own number parsing: Rust's would add its float
    // parsing to the wasm.)
    let px = if let Some(number) = value.strip_suffix("px") {
        js_sys::parse_float(number)
    } else if let Some(number) = value.strip_suffix('%') {
        let height = match container {
            Some(element) => f64::from(element.client_height()),
            None => viewport_height(),
        };
        js_sys::parse_float(number) / 100.0 * height
    } else {
        0.0
    };
    if px.is_finite() && px > 0.0 {
        px.round()
    } else {
        0.0
    }
}

/// The nearest ancestor of `view` that is a scroll container (its overflow
/// neither `visible` nor `clip`, whether its content overflows now or not):
/// what the view's sticky bar sticks to; `None` for the page.
fn scroll_container(view: &Element) -> Option<Element> {
    nearest_scrolling(view, false)
}

/// The nearest ancestor of `view` that scrolls (its content overflows and
/// its style lets it scroll), through slots and shadow roots; `None` when
/// that is the page itself.
fn scroller(view: &Element) -> Option<Element> {
    nearest_scrolling(view, true)
}

/// The nearest ancestor of `view` below the page's body that is a scroll
/// container: with `overflowing`, one whose content overflows and that
/// scrolls it (`auto`, `scroll`); else any (not `visible` nor `clip`).
fn nearest_scrolling(view: &Element, overflowing: bool) -> Option<Element> {
    let window = web_sys::window()?;
    let mut at = parent(view);
    while let Some(element) = at {
        if matches!(element.tag_name().as_str(), "BODY" | "HTML") {
            return None;
        }
        // (The style is read only where it can matter.)
        if !overflowing || element.scroll_height() > element.client_height() {
            let overflow = window
                .get_computed_style(&element)
                .ok()
                .flatten()
                .and_then(|style| style.get_property_value("overflow-y").ok());
            let scrolls = match overflow.as_deref() {
                Some("auto" | "scroll" | "overlay") => true,
                None | Some("visible" | "clip") => false,
                Some(_) => !overflowing,
            };
            if scrolls {
                return Some(element);
            }
        }
        at = parent(&element);
    }
    None
}

/// The element `element` is laid out in: its slot, its parent, or the host
/// of its shadow root.
fn parent(element: &Element) -> Option<Element> {
    let slot = js_sys::Reflect::get(element, &JsValue::from_str("assignedSlot"))
        .ok()
        .and_then(|slot| slot.dyn_into::<Element>().ok());
    slot.or_else(|| element.parent_element()).or_else(|| {
        element
            .parent_node()?
            .dyn_into::<ShadowRoot>()
            .ok()
            .map(|root| root.host())
    })
}

/// The block at the top of the view: the first of the document's blocks
/// (the elements with an id that hold no other: title, heading, paragraph,
/// list item, table cell, metadata field…) whose box reaches below
/// `top`, the top of the [`Area`]. A block cut by that line counts: its
/// lower part is what the reader sees first.
pub(super) fn top_block(core: &Core, top: f64) -> Option<Element> {
    let list = core.dom.root.query_selector_all("[id^=\"yl-\"]").ok()?;
    // In document order, a block that holds others comes just before the
    // first of them: each is taken once the next is known.
    let mut pending: Option<Element> = None;
    for i in 0..=list.length() {
        let next = list
            .item(i)
            .and_then(|node| node.dyn_into::<Element>().ok());
        // Not the toolbar's own elements (`yl-tb…`): a block's id is `yl-`,
        // a letter, then digits.
        if next.as_ref().is_some_and(|e| e.id().starts_with("yl-tb")) {
            continue;
        }
        if let Some(block) = pending.take() {
            let holds = next.as_ref().is_some_and(|n| block.contains(Some(n)));
            let rect = block.get_bounding_client_rect();
            if !holds && rect.height() > 0.0 && rect.bottom() > top {
                return Some(block);
            }
        }
        pending = next;
    }
    None
}

/// The reader's place: the block at the top of the view, the point of it
/// at the top (a share of its height: 0 for its top edge) and how far
/// below the top of the view that point is.
pub(super) struct Place {
    block: Element,
    share: f64,
    below: f64,
}

/// Where the reader is now, before a change that moves the text.
pub(super) fn place(core: &Core) -> Option<Place> {
    let area = area(core);
    let block = top_block(core, area.top)?;
    let rect = block.get_bounding_client_rect();
    let y = rect.top().max(area.top);
    Some(Place {
        share: (y - rect.top()) / rect.height(),
        below: y - area.top,
        block,
    })
}

/// After the change: scrolls the view (at once) so that the block at the
/// top before is where it was, the same point of it at the same height.
pub(super) fn keep(core: &Core, place: Option<Place>) {
    let Some(place) = place else {
        return;
    };
    if !place.block.is_connected() {
        return;
    }
    let area = area(core);
    let rect = place.block.get_bounding_client_rect();
    let dy = rect.top() + place.share * rect.height() - (area.top + place.below);
    if dy.abs() >= 0.5 {
        area.scroll_by(dy, false);
    }
}
