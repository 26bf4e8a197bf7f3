//! The stylesheet: `assets/yilan.css` with the theme blocks generated from
//! [`crate::theme`], so the colours the contrast tests check are the colours
//! the view shows.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::theme::{self, Palette, Theme};

/// The hand-written part of the stylesheet (layout, modes, scale steps,
/// media queries), without the theme colours.
pub const BASE_STYLESHEET: &str = include_str!("../../assets/yilan.css");

/// Where [`stylesheet`] puts the generated theme blocks: after the base
/// rules that read the colours, before the media queries that override them.
const THEMES_MARKER: &str = "/* @yl-themes */";

/// The whole stylesheet: [`BASE_STYLESHEET`] with the theme blocks
/// generated from [`theme::themes`]. Built once.
///
/// Every selector is scoped under `.yl-view`, so the sheet can sit in a
/// plain page or a shadow root without touching anything else.
pub fn stylesheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| {
        let themes = theme_css();
        match BASE_STYLESHEET.split_once(THEMES_MARKER) {
            Some((before, after)) => [before, &themes, after].concat(),
            None => [BASE_STYLESHEET, &themes].concat(),
        }
    })
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
