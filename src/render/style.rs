//! The stylesheet: `assets/yilan.css` (layout, modes, scale steps), the
//! theme blocks generated from [`crate::theme`] (so the colours the contrast
//! tests check are the colours the view shows), then
//! `assets/yilan-media.css` (system settings and print, which override the
//! theme colours).

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::theme::{self, Palette, Theme};

/// The hand-written layout of the view (modes, scale steps, every element),
/// which reads its colours from custom properties; minified at build time
/// (`build.rs`), without the comments.
pub const BASE_STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/yilan.css"));

/// The hand-written media queries (reduced motion, more contrast, forced
/// colours, print), which must follow the theme blocks to override them;
/// minified at build time like [`BASE_STYLESHEET`].
pub const MEDIA_STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/yilan-media.css"));

/// The whole stylesheet: [`BASE_STYLESHEET`], the theme blocks generated
/// from [`theme::themes`], [`MEDIA_STYLESHEET`]. Built once.
///
/// Every selector is scoped under `.yl-view`, so the sheet can sit in a
/// plain page or a shadow root without touching anything else.
pub fn stylesheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| [BASE_STYLESHEET, "\n", &theme_css(), "\n", MEDIA_STYLESHEET].concat())
}

/// The theme blocks: the default (standard) colours on `.yl-view`, one block
/// per theme, the standard theme's dark palette for `data-theme="auto"` when
/// the system prefers dark, and black on white for print.
fn theme_css() -> String {
    let mut css = String::with_capacity(8192);
    css.push_str("/* Theme colours: generated from src/theme.rs. */\n");
    if let Some(default) = theme::themes().first() {
        write_block(&mut css, ".yl-view", default);
    }
    for t in theme::themes() {
        let selector = format!(".yl-view[data-theme=\"{}\"]", t.id);
        write_block(&mut css, &selector, t);
    }
    css.push_str("@media (prefers-color-scheme: dark) {\n");
    write_block(
        &mut css,
        ".yl-view[data-theme=\"auto\"]",
        theme::system_dark(),
    );
    css.push_str("}\n@media print {\n");
    if let Some(print) = theme::find("black-on-white") {
        write_block(&mut css, ".yl-view, .yl-view[data-theme]", print);
    }
    css.push_str("}\n");
    css
}

fn write_block(css: &mut String, selector: &str, t: &Theme) {
    let _ = writeln!(css, "{selector} {{");
    write_palette(css, &t.colors);
    let scheme = if t.dark { "dark" } else { "light" };
    let _ = writeln!(css, "  color-scheme: {scheme};\n}}");
}

fn write_palette(css: &mut String, palette: &Palette) {
    for (property, value) in palette.roles() {
        let _ = writeln!(css, "  {property}: {value};");
    }
}
