//! The stylesheet read as CSS: every selector scoped under `.yl-view`, the
//! elderly mode's sizes as required, scale steps matching the theme data,
//! theme blocks holding exactly the colours of `src/theme.rs`, the media
//! queries present, no fixed heights on text. The hand-written parts are
//! read as built: minified (no space after a colon or comma, no line breaks);
//! the generated theme blocks keep their layout.

use yilan::render::{stylesheet, BASE_STYLESHEET, MEDIA_STYLESHEET};
use yilan::theme::{self, SCALE_STEPS};

/// A style rule: the at-rules around it, its selector list, its declarations.
#[derive(Debug, Clone)]
struct Rule {
    context: Vec<String>,
    selectors: String,
    declarations: Vec<(String, String)>,
}

/// Reads rules out of CSS that nests only at-rules (what this sheet uses).
fn parse(css: &str) -> Vec<Rule> {
    let mut without_comments = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("closed comment") + start + 2;
        rest = &rest[end..];
    }
    without_comments.push_str(rest);

    let mut rules = Vec::new();
    let mut context: Vec<String> = Vec::new();
    let mut prelude = String::new();
    let mut chars = without_comments.chars().peekable();
    let mut in_string: Option<char> = None;
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' if in_string.is_none() => {
                in_string = Some(c);
                prelude.push(c);
            }
            q if in_string == Some(q) => {
                in_string = None;
                prelude.push(c);
            }
            '{' if in_string.is_none() => {
                let head = prelude.trim().to_owned();
                prelude.clear();
                if head.starts_with('@') {
                    context.push(head);
                    continue;
                }
                let mut body = String::new();
                let mut quote: Option<char> = None;
                for d in chars.by_ref() {
                    match (d, quote) {
                        ('}', None) => break,
                        ('"' | '\'', None) => quote = Some(d),
                        (q, Some(open)) if q == open => quote = None,
                        _ => {}
                    }
                    body.push(d);
                }
                let declarations = body
                    .split(';')
                    .filter_map(|decl| decl.split_once(':'))
                    .map(|(p, v)| (p.trim().to_owned(), v.trim().to_owned()))
                    .collect();
                rules.push(Rule {
                    context: context.clone(),
                    selectors: head,
                    declarations,
                });
            }
            '}' if in_string.is_none() => {
                assert!(prelude.trim().is_empty(), "stray text {prelude:?}");
                context.pop().expect("balanced braces");
            }
            _ => prelude.push(c),
        }
    }
    assert!(context.is_empty(), "unclosed at-rule");
    rules
}

fn value<'a>(rules: &'a [Rule], selector: &str, property: &str) -> &'a str {
    rules
        .iter()
        .filter(|r| r.context.is_empty() && r.selectors == selector)
        .flat_map(|r| r.declarations.iter())
        .find(|(p, _)| p == property)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("{selector} {{ {property} }} is missing"))
}

fn number(value: &str, unit: &str) -> f64 {
    value
        .strip_suffix(unit)
        .unwrap_or_else(|| panic!("{value} is not in {unit}"))
        .parse()
        .unwrap()
}

/// Splits a selector list at its top-level commas (not those inside
/// `:is(…)`).
fn split_top_level(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in list.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&list[start..]);
    parts
}

#[test]
fn every_selector_is_scoped_under_the_view() {
    let rules = parse(stylesheet());
    assert!(
        rules.len() > 80,
        "the sheet was read ({} rules)",
        rules.len()
    );
    for rule in &rules {
        for selector in split_top_level(&rule.selectors) {
            assert!(
                selector.trim().starts_with(".yl-view"),
                "{:?} leaks out of the view",
                selector.trim()
            );
        }
    }
}

#[test]
fn elderly_mode_meets_its_sizes() {
    let rules = parse(stylesheet());
    let elderly = ".yl-view[data-mode=\"elderly\"]";
    assert_eq!(value(&rules, elderly, "--yl-base"), "max(20px,1.25rem)");
    let line: f64 = value(&rules, elderly, "--yl-line").parse().unwrap();
    assert!(line >= 1.8, "line height {line}");
    let para = value(&rules, elderly, "--yl-para");
    let factor = number(
        para.strip_prefix("calc(var(--yl-line) * ")
            .and_then(|p| p.strip_suffix(')'))
            .unwrap_or_else(|| panic!("{para}")),
        "em",
    );
    assert!(factor >= 1.3, "paragraph spacing {factor}× the line");
    let measure = number(value(&rules, elderly, "--yl-measure"), "em");
    assert!(
        (25.0..=35.0).contains(&measure),
        "measure {measure} characters"
    );
    assert!(number(value(&rules, elderly, "--yl-target"), "px") >= 60.0);
    assert!(number(value(&rules, elderly, "--yl-focus-width"), "px") >= 3.0);

    let view = ".yl-view";
    assert_eq!(value(&rules, view, "--yl-base"), "max(17px,1.0625rem)");
    assert_eq!(
        value(&rules, view, "font-size"),
        "calc(var(--yl-base) * var(--yl-scale))"
    );
    assert_eq!(value(&rules, view, "line-height"), "var(--yl-line)");
    assert_eq!(value(&rules, view, "overflow-wrap"), "anywhere");
    assert!(number(value(&rules, view, "--yl-focus-width"), "px") >= 3.0);
    let measure = ".yl-view > .yl-header,.yl-view > .yl-body,.yl-view > .yl-footer";
    assert_eq!(value(&rules, measure, "max-width"), "var(--yl-measure)");
    assert_eq!(
        value(&rules, ".yl-view :focus-visible", "outline"),
        "var(--yl-focus-width) solid var(--yl-focus)"
    );
}

#[test]
fn scale_steps_match_the_theme_data() {
    let rules = parse(stylesheet());
    for (step, name) in SCALE_STEPS {
        let selector = format!(".yl-view[data-scale=\"{name}\"]");
        if step == 1.0 {
            assert_eq!(value(&rules, ".yl-view", "--yl-scale"), "1");
            continue;
        }
        let v: f32 = value(&rules, &selector, "--yl-scale").parse().unwrap();
        assert_eq!(v, step);
    }
    let steps = rules
        .iter()
        .filter(|r| r.selectors.starts_with(".yl-view[data-scale="))
        .count();
    assert_eq!(steps, SCALE_STEPS.len() - 1, "no step without data");
}

#[test]
fn theme_blocks_hold_the_theme_data() {
    let rules = parse(stylesheet());
    let themed = |selector: &str, context: &[&str], palette: &theme::Palette| {
        // The block that sets the background; a selector may also have
        // other rules (layout) elsewhere.
        let rule = rules
            .iter()
            .find(|r| {
                r.selectors == selector
                    && r.context == context
                    && r.declarations.iter().any(|(p, _)| p == "--yl-bg")
            })
            .unwrap_or_else(|| panic!("no colour block {selector} in {context:?}"));
        for (property, colour) in palette.roles() {
            let found = rule.declarations.iter().find(|(p, _)| p == property);
            assert_eq!(
                found.map(|(_, v)| v.as_str()),
                Some(colour),
                "{selector} {property}"
            );
        }
    };
    for t in theme::themes() {
        themed(
            &format!(".yl-view[data-theme=\"{}\"]", t.id),
            &[],
            &t.colors,
        );
    }
    themed(".yl-view", &[], &theme::themes()[0].colors);
    themed(
        ".yl-view[data-theme=\"auto\"]",
        &["@media (prefers-color-scheme: dark)"],
        &theme::system_dark().colors,
    );
    themed(
        ".yl-view, .yl-view[data-theme]",
        &["@media print"],
        &theme::find("black-on-white").unwrap().colors,
    );
    // Colours are set only by theme blocks (and the system colours of
    // forced-colors mode), never by hand elsewhere.
    let hand_written = [parse(BASE_STYLESHEET), parse(MEDIA_STYLESHEET)].concat();
    for rule in &hand_written {
        for (property, v) in &rule.declarations {
            assert!(
                !v.contains('#'),
                "{} {{ {property}: {v} }} hard-codes a colour",
                rule.selectors
            );
        }
    }
}

#[test]
fn media_queries_follow_the_theme_blocks() {
    let sheet = stylesheet();
    let themes_at = sheet.find("[data-theme=\"cream\"]").unwrap();
    for query in [
        "@media (prefers-reduced-motion:reduce)",
        "@media (prefers-contrast:more)",
        "@media (forced-colors:active)",
        "@media (prefers-color-scheme: dark)",
        "@media print",
    ] {
        let at = sheet
            .rfind(query)
            .unwrap_or_else(|| panic!("{query} missing"));
        assert!(
            at > themes_at,
            "{query} must come after the theme blocks to override them"
        );
    }
    let rules = parse(sheet);
    let in_print = |selector: &str, property: &str| {
        rules
            .iter()
            .filter(|r| r.context == ["@media print"] && r.selectors.contains(selector))
            .flat_map(|r| r.declarations.iter())
            .any(|(p, _)| p == property)
    };
    assert!(
        in_print(".yl-actions", "display"),
        "print hides the buttons"
    );
    assert!(
        in_print(".yl-toolbar", "display"),
        "print hides the toolbar"
    );
    assert!(
        in_print("a[href]::after", "content"),
        "print shows link targets"
    );
}

#[test]
fn nothing_that_holds_text_has_a_fixed_height() {
    for rule in parse(stylesheet()) {
        for (property, v) in &rule.declarations {
            if property == "height" || property == "max-height" {
                // An image holds no text: it may be kept from growing
                // taller than some lines (a photo in a table cell).
                let image = split_top_level(&rule.selectors)
                    .iter()
                    .all(|s| s.trim_end().ends_with("img"));
                let allowed = rule.selectors.contains("yl-visually-hidden")
                    || (image && (v == "auto" || property == "max-height"));
                assert!(allowed, "{} {{ {property}: {v} }}", rule.selectors);
            }
        }
    }
}

#[test]
fn links_are_underlined_and_lists_unnumbered() {
    let rules = parse(stylesheet());
    assert_eq!(value(&rules, ".yl-view a", "text-decoration"), "underline");
    assert_eq!(value(&rules, ".yl-view .yl-list", "list-style"), "none");
}
