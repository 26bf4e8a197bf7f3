//! The toolbar's stylesheet (`TOOLBAR_CSS`, `toolbar_stylesheet`): scoped
//! to the view, its colours from the theme data, the bar's sticky and
//! folded layouts. (The markup's tests are in `tests.rs`.)

use super::*;

/// The selectors of every style rule (at-rules' own preludes excluded).
fn selectors(css: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        let end = rest[start..]
            .find("*/")
            .map_or(rest.len(), |e| start + e + 2);
        rest = &rest[end..];
    }
    text.push_str(rest);
    let mut found = Vec::new();
    let mut prelude = String::new();
    let mut depth_in_block = false;
    for c in text.chars() {
        match c {
            '{' if !depth_in_block => {
                let head = prelude.trim().to_owned();
                prelude.clear();
                if !head.starts_with('@') {
                    found.push(head);
                    depth_in_block = true;
                }
            }
            '}' if depth_in_block => depth_in_block = false,
            '}' => prelude.clear(),
            _ if depth_in_block => {}
            _ => prelude.push(c),
        }
    }
    found
}

#[test]
fn the_toolbar_sheet_stays_inside_the_view() {
    let rules = selectors(toolbar_stylesheet());
    assert!(rules.len() > 40, "{} rules read", rules.len());
    for rule in &rules {
        let mut depth = 0usize;
        let mut start = 0usize;
        let mut parts = Vec::new();
        for (i, c) in rule.char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    parts.push(&rule[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&rule[start..]);
        for part in parts {
            assert!(
                part.trim().starts_with(".yl-view"),
                "{part:?} leaks out of the view"
            );
        }
    }
}

#[test]
fn toolbar_colours_come_from_the_theme_data() {
    // The hand-written sheet names no colour: only custom properties.
    assert!(!style::TOOLBAR_CSS.contains('#'), "a hard-coded colour");
    let sheet = toolbar_stylesheet();
    for t in theme::themes() {
        let swatch = format!(
            ".yl-theme-option[data-yl-theme=\"{}\"] {{\n  background: {};\n  color: {};\n}}",
            t.id, t.colors.background, t.colors.text
        );
        assert!(sheet.contains(&swatch), "{swatch}");
        let cursor = format!(
            "fill='{}' stroke='{}'",
            t.colors.text.replace('#', "%23"),
            t.colors.background.replace('#', "%23")
        );
        assert!(sheet.contains(&cursor), "cursor of {}", t.id);
        assert!(sheet.contains(&format!(
            ".yl-view[data-mode=\"elderly\"][data-cursor=\"large\"][data-theme=\"{}\"] {{\n  --yl-cursor: url(",
            t.id
        )));
    }
    // 'auto' follows the system: standard colours, the dark palette when
    // the system prefers dark.
    let dark = sheet
        .find("@media (prefers-color-scheme: dark)")
        .expect("dark block");
    let auto_dark = format!(
        "[data-yl-theme=\"auto\"] {{\n  background: {};",
        theme::system_dark().colors.background
    );
    assert!(sheet[dark..].contains(&auto_dark));
    // Nothing in the generated part is left unescaped in its data: URLs.
    assert!(!sheet.contains("fill='#"));
}

#[test]
fn the_bar_is_sticky_folds_when_narrow_or_short_and_never_covers_a_target() {
    // The sheet as built: minified, so no space after a colon or comma.
    let css = style::TOOLBAR_CSS;
    assert_eq!(css.matches("position:sticky").count(), 1);
    assert!(css.contains("scroll-margin-top:calc(var(--yl-bar-h,0px)"));
    assert!(css.contains("min-height:60px"), "60 px targets");
    // Narrow, or short: 更多工具 shown, and every other tool but the way
    // out folded until it is expanded.
    assert!(css.contains("container:yl-bar / inline-size"));
    let folded =
        ":not([data-tools=\"open\"]) .yl-tools > :not([data-yl-tool=\"more\"],[data-yl-tool=\"mode\"])";
    for query in [
        "@container yl-bar (max-width:560px)",
        "@media (max-height:32em)",
    ] {
        let at = css.find(query).expect(query);
        let end = at + css[at..].find("}}").expect("the block's end");
        assert!(css[at..end].contains(folded), "{query}");
    }
}

#[test]
fn the_query_that_hides_tools_by_device_is_the_sheets_own() {
    // The browser layer watches TOOLS_BY_DEVICE: it must be the very query
    // the sheet hides 大鼠标 under.
    let rule = format!("@media {TOOLS_BY_DEVICE}{{");
    let at = style::TOOLBAR_CSS.find(&rule).expect("the sheet's rule");
    let body = &style::TOOLBAR_CSS[at..];
    let end = body.find('}').expect("the rule's end");
    assert!(
        body[..end].contains(r#"[data-yl-tool="cursor"]"#),
        "{}",
        &body[..end]
    );
}
