//! The toolbar's stylesheet: `assets/yilan-toolbar.css`, then the theme
//! swatches of the 配色 panel and the large cursors (大鼠标), both generated
//! from [`crate::theme`] so that their colours are the checked ones.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::theme::{self, Palette, AUTO};

/// The hand-written part: the bar, the tools, the panels, the guide;
/// minified at build time (`build.rs`), without the comments.
pub const TOOLBAR_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/yilan-toolbar.css"));

/// The toolbar's whole stylesheet, built once. The viewer adopts it after
/// [`crate::render::stylesheet`]; every selector is scoped under `.yl-view`.
pub fn toolbar_stylesheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| [TOOLBAR_CSS, "\n", &generated()].concat())
}

fn generated() -> String {
    let mut css = String::with_capacity(16 * 1024);
    css.push_str("/* Theme swatches and large cursors: generated from src/theme.rs. */\n");
    let standard = theme::themes().first();
    // A swatch is the theme's text on the theme's background, a pair the
    // contrast tests hold to 7:1; its edge is the current theme's border.
    if let Some(standard) = standard {
        swatch(&mut css, AUTO, &standard.colors);
    }
    for t in theme::themes() {
        swatch(&mut css, t.id, &t.colors);
    }
    // The cursor: the theme's text colour outlined in its background colour,
    // so it stands out from the page by the same contrast as the text. Each
    // palette sets it on the root; one rule uses it.
    large_cursor(&mut css);
    if let Some(standard) = standard {
        cursor(&mut css, LARGE_CURSOR, &standard.colors);
    }
    for t in theme::themes() {
        let root = format!("{LARGE_CURSOR}[data-theme=\"{}\"]", t.id);
        cursor(&mut css, &root, &t.colors);
    }
    css.push_str("@media (prefers-color-scheme: dark) {\n");
    swatch(&mut css, AUTO, &theme::system_dark().colors);
    cursor(
        &mut css,
        &format!("{LARGE_CURSOR}[data-theme=\"auto\"]"),
        &theme::system_dark().colors,
    );
    css.push_str("}\n");
    css
}

fn swatch(css: &mut String, id: &str, colors: &Palette) {
    let _ = writeln!(
        css,
        ".yl-view .yl-toolbar .yl-theme-option[data-yl-theme=\"{id}\"] {{\n  \
         background: {};\n  color: {};\n}}",
        colors.background, colors.text
    );
}

/// The root with the large cursor on: only in elderly mode, whose toolbar
/// turns it off again.
const LARGE_CURSOR: &str = ".yl-view[data-mode=\"elderly\"][data-cursor=\"large\"]";

/// A 48 px arrow, tip at (6, 3): large enough to find, small enough for
/// every browser's cursor size limit.
const ARROW_PATH: &str = "M6 3 L6 39 L15 30 L21 45 L28 42 L22 28 L35 28 Z";

/// The large cursor over the whole view: set on the root, which every
/// element inherits, and on links, buttons and disabled tools, which ask
/// for a pointer of their own, so it never shrinks back under the reader's
/// hand. No rule that every element of the view must be matched against:
/// the root's rules match the root alone, the others by tag or attribute.
fn large_cursor(css: &mut String) {
    let _ = writeln!(
        css,
        "{LARGE_CURSOR},\n{LARGE_CURSOR} a,\n{LARGE_CURSOR} button,\n\
         {LARGE_CURSOR} [aria-disabled=\"true\"] {{\n  cursor: var(--yl-cursor);\n}}"
    );
}

/// The large cursor of one palette, on the root that shows it.
fn cursor(css: &mut String, root: &str, colors: &Palette) {
    let svg = format!(
        "%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='48' viewBox='0 0 48 48'%3E\
         %3Cpath d='{ARROW_PATH}' fill='{}' stroke='{}' stroke-width='3' stroke-linejoin='round'/%3E%3C/svg%3E",
        url_colour(colors.text),
        url_colour(colors.background)
    );
    let _ = writeln!(
        css,
        "{root} {{\n  --yl-cursor: url(\"data:image/svg+xml,{svg}\") 6 3, auto;\n}}"
    );
}

/// `#rrggbb` as it must be written inside a data: URL (`%23rrggbb`).
fn url_colour(hex: &str) -> String {
    hex.replace('#', "%23")
}
