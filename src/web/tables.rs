//! Tables in a mounted view. A table that fits the text column is no tab
//! stop of its own, and keeps its header rows on screen (under the bar, in
//! the elderly mode) while its body scrolls by, unless they would take
//! more than a quarter of the screen below the bar; a wider one scrolls
//! sideways inside its region, which then is a tab stop so that the
//! keyboard can scroll it. Which is which follows the layout: the regions
//! are watched by the bar's size observer, and a change of width or of
//! text size changes their size; a change of the window's height is
//! listened for.
//!
//! (A header row cannot stay on screen inside a region that scrolls
//! sideways: the region would be what it sticks to. A view rendered by
//! `renderHtml` alone has no viewer, and its wide and narrow tables both
//! scroll sideways in their regions.)

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ResizeObserver};

use super::core::{viewport_height, Core};

/// The table regions' class, as the renderer writes it.
const REGION: &str = ".yl-table";
/// The class of a region whose table fits it.
const FITS_CLASS: &str = "yl-table-fits";
/// The class of a region whose table is wider: it scrolls sideways, and
/// the stylesheet says so above it.
const SCROLLS_CLASS: &str = "yl-table-scrolls";
/// The class of a region whose table's header rows stay on screen.
const STICKY_CLASS: &str = "yl-head-sticks";
/// The most of the screen below the bar that header rows kept on screen
/// may take.
const STICKY_SHARE: f64 = 0.25;

/// The view's table regions.
fn regions(core: &Core) -> Vec<Element> {
    let Ok(list) = core.dom.root.query_selector_all(REGION) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Has `observer` watch every table region of the view.
pub(super) fn observe(core: &Core, observer: &ResizeObserver) {
    for region in regions(core) {
        observer.observe(&region);
    }
}

/// Marks each region whose table fits it (its content no wider than its
/// box), and makes only the others tab stops; of those that fit, marks
/// those whose header rows are low enough to stay on screen. Called from
/// the size observer with the height of what covers the top of the screen
/// (the bar, and what the page keeps fixed above it), where the layout is
/// up to date.
pub(super) fn fit(core: &Core, covered: f64) {
    let room = (viewport_height() - covered) * STICKY_SHARE;
    for region in regions(core) {
        let classes = region.class_list();
        let fits = region.scroll_width() <= region.client_width();
        if classes.contains(FITS_CLASS) != fits || classes.contains(SCROLLS_CLASS) == fits {
            let _ = classes.toggle_with_force(FITS_CLASS, fits);
            let _ = classes.toggle_with_force(SCROLLS_CLASS, !fits);
            // -1, not none: a region focused when it comes to fit keeps
            // the focus.
            let _ = region.set_attribute("tabindex", if fits { "-1" } else { "0" });
        }
        let head = fits
            .then(|| region.query_selector("thead").ok().flatten())
            .flatten()
            .map(|head| head.get_bounding_client_rect().height())
            .filter(|height| *height <= room);
        let sticks = head.is_some();
        if classes.contains(STICKY_CLASS) != sticks {
            let _ = classes.toggle_with_force(STICKY_CLASS, sticks);
        }
        if let Some(height) = head {
            set_head_height(&region, height);
        }
    }
}

/// Writes the header rows' height on the region (`--yl-head-h`), for what
/// scrolls into view in the body to stop below them (the stylesheet's
/// `scroll-margin-top`). Through the CSSOM, which a Content-Security-Policy
/// allows.
fn set_head_height(region: &Element, height: f64) {
    if let Some(region) = region.dyn_ref::<HtmlElement>() {
        // Whole pixels as an integer: no float formatting in the wasm.
        let value = format!("{}px", height.max(0.0).ceil() as i64);
        let style = region.style();
        // (Written only when it changes: each write restyles the table.)
        if style.get_property_value("--yl-head-h").ok().as_deref() != Some(value.as_str()) {
            let _ = style.set_property("--yl-head-h", &value);
        }
    }
}

/// `top`, the top of the view, or the bottom of a table's header rows where
/// they are stuck there with the table's rows passing under them: what is
/// under them is not on screen.
pub(super) fn stuck_head_bottom(core: &Core, top: f64) -> f64 {
    let Ok(heads) = core.dom.root.query_selector_all(".yl-head-sticks thead") else {
        return top;
    };
    let mut bottom = top;
    for i in 0..heads.length() {
        let Some(head) = heads.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let rect = head.get_bounding_client_rect();
        let under = head
            .next_element_sibling()
            .map(|body| body.get_bounding_client_rect());
        let stuck = rect.top() <= top + 1.0
            && rect.bottom() > top
            && under.is_some_and(|body| {
                body.top() < rect.bottom() - 1.0 && body.bottom() > rect.bottom()
            });
        if stuck {
            bottom = bottom.max(rect.bottom());
        }
    }
    bottom
}
