//! The viewer's stylesheets, adopted by its shadow root as constructed
//! `CSSStyleSheet`s: no `<style>` element and no `style` attribute, so a
//! strict Content-Security-Policy (`style-src 'self'`) has nothing to block.
//!
//! In order: a reset that stops the host page's inherited styles at the
//! view's root, the view's stylesheet, the toolbar's, and one small sheet of
//! the viewer's own whose two rules carry the values that move (the bar's
//! height, the reading guide's position).

use std::cell::{Cell, RefCell};

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleDeclaration, CssStyleRule, CssStyleSheet, ShadowRoot};

use super::error::dom_error;

/// The host element shows the view as a block; nothing the host page's
/// elements inherit (letter spacing, text transforms, visibility…) reaches
/// the view, whose own sheet then sets everything it needs. `all` leaves
/// custom properties alone, so a host may still set `--yl-scale`.
///
/// The text's base size follows the reader's default font size (`medium`,
/// the host's here), not the page's root: the view's sheet says `rem`,
/// which in a shadow tree is the page's `<html>`, and pages laid out in
/// `rem` set it to anything (`html { font-size: 100px }`, or the window's
/// width divided by 7.5, as lib-flexible does), which made the view's text
/// five times its size. The toolbar keeps its own size at every text scale:
/// the base (×20/17 in the standard mode) divided by the scale.
const RESET: &str = ":host { display: block; font-size: medium !important; }\n\
.yl-view { all: initial; }\n\
:host > .yl-view { --yl-base: max(17px, 1.0625em); }\n\
:host > .yl-view[data-mode=\"elderly\"] { --yl-base: max(20px, 1.25em); }\n\
:host > .yl-view .yl-toolbar { font-size: calc(1em / var(--yl-scale) * 20 / 17); }\n\
:host > .yl-view[data-mode=\"elderly\"] .yl-toolbar { font-size: calc(1em / var(--yl-scale)); }\n";

/// The moving values. Rule 0 holds `--yl-bar-h` and `--yl-sticky-top`,
/// rule 1 the guide's position; each is changed through its declaration,
/// not re-parsed.
const DYNAMIC: &str = ".yl-view { --yl-bar-h: 0px; --yl-sticky-top: 0px; }\n.yl-view .yl-guide { translate: 0 -200vh; }\n";

thread_local! {
    /// The three fixed sheets, parsed once and shared by every viewer.
    static SHARED: RefCell<Option<[CssStyleSheet; 3]>> = const { RefCell::new(None) };
}

/// A constructed sheet holding `css`.
fn sheet(css: &str) -> Result<CssStyleSheet, JsValue> {
    let sheet = CssStyleSheet::new().map_err(|e| dom_error("creating a stylesheet", &e))?;
    sheet
        .replace_sync(css)
        .map_err(|e| dom_error("filling a stylesheet", &e))?;
    Ok(sheet)
}

fn shared() -> Result<[CssStyleSheet; 3], JsValue> {
    if let Some(sheets) = SHARED.with(|s| s.borrow().clone()) {
        return Ok(sheets);
    }
    let sheets = [
        sheet(RESET)?,
        sheet(crate::render::stylesheet())?,
        sheet(crate::render::toolbar::toolbar_stylesheet())?,
    ];
    SHARED.with(|s| *s.borrow_mut() = Some(sheets.clone()));
    Ok(sheets)
}

/// A viewer's own sheet of moving values.
pub(super) struct Dynamic {
    bar: CssStyleDeclaration,
    /// The bar's height last written, in whole pixels.
    bar_px: Cell<i64>,
    /// The sticky top last written, in whole pixels.
    sticky_px: Cell<i64>,
    guide: CssStyleDeclaration,
}

impl Dynamic {
    /// Sets the bar's height, which keeps headings scrolled to from
    /// stopping under a sticky bar.
    pub fn set_bar_height(&self, px: f64) {
        write_px(&self.bar, &self.bar_px, "--yl-bar-h", px);
    }

    /// Whether `px` is the bar's height written last (in whole pixels).
    pub fn bar_height_is(&self, px: f64) -> bool {
        self.bar_px.get() == px.max(0.0).round() as i64
    }

    /// Sets how far below the top of the scroller the bar and a table's
    /// header rows stick (what the page keeps fixed there: see
    /// `place::sticky_top`).
    pub fn set_sticky_top(&self, px: f64) {
        write_px(&self.bar, &self.sticky_px, "--yl-sticky-top", px);
    }

    /// Centres the reading guide on `y`, in viewport pixels.
    pub fn set_guide_y(&self, y: f64) {
        let y = y.round() as i64;
        let _ = self
            .guide
            .set_property("translate", &format!("0 calc({y}px - 50%)"));
    }
}

/// Writes `px` as the custom property `name` when it changed from `last`.
fn write_px(rule: &CssStyleDeclaration, last: &Cell<i64>, name: &str, px: f64) {
    // Whole pixels as an integer: printing an f64 would bring float
    // formatting (some 15 KB) into the wasm. NaN becomes 0.
    let px = px.max(0.0).round() as i64;
    // (A write restyles the whole view: only a change is written.)
    if last.replace(px) != px {
        let _ = rule.set_property(name, &format!("{px}px"));
    }
}

/// Adopts the shared sheets and a new sheet of moving values in `shadow`.
pub(super) fn adopt(shadow: &ShadowRoot) -> Result<Dynamic, JsValue> {
    let [reset, view, toolbar] = shared()?;
    let own = sheet(DYNAMIC)?;
    let rule = |index: u32| -> Result<CssStyleDeclaration, JsValue> {
        let rules = own
            .css_rules()
            .map_err(|e| dom_error("reading a stylesheet", &e))?;
        rules
            .item(index)
            .and_then(|r| r.dyn_into::<CssStyleRule>().ok())
            .map(|r| r.style())
            .ok_or_else(|| dom_error("reading a stylesheet", &JsValue::UNDEFINED))
    };
    let dynamic = Dynamic {
        bar: rule(0)?,
        bar_px: Cell::new(0),
        sticky_px: Cell::new(0),
        guide: rule(1)?,
    };
    let list = Array::of4(&reset, &view, &toolbar, &own);
    // Through Reflect, which catches: the setter throws for a sheet made in
    // another document (a host element inside an iframe).
    js_sys::Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &list)
        .map_err(|e| dom_error("adopting the stylesheets", &e))?;
    Ok(dynamic)
}
