//! A strict reader for the renderer's own HTML, shared by the property tests
//! and the fuzz targets (which include this file by path, so it uses only
//! `std`).
//!
//! The renderer writes a small, regular subset of HTML, so the reader can be
//! much stricter than a browser: every tag is one of the renderer's
//! elements with the renderer's attributes, every value double-quoted and
//! free of `<`, `>`, quotes; every element closed, in order; no element
//! where the HTML parser would close or move things (a block inside a
//! paragraph, a link inside a link); `&` only in the references the escapes
//! write; ids unique; `href` and `src` only with an allowed scheme once their
//! references are decoded; no event-handler attribute, no `<script`.
//!
//! [`read`] returns the tree as events (with text and attribute values
//! decoded), and [`browser::same_tree`] compares it with the tree a real
//! HTML parser builds.
#![allow(dead_code)]

pub mod browser;

use std::collections::HashSet;

/// Elements the renderer writes.
pub const ELEMENTS: &[&str] = &[
    "article",
    "header",
    "footer",
    "nav",
    "section",
    "div",
    "p",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "span",
    "strong",
    "em",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "img",
    "button",
];

/// Elements that have no end tag.
const VOID: &[&str] = &["img", "br"];

/// Phrasing content: what may sit inside a paragraph, a heading or a link.
const PHRASING: &[&str] = &["a", "span", "strong", "em", "img", "br", "button"];

/// Elements whose content must be phrasing: a block inside one of them makes
/// the HTML parser close it early.
const PHRASING_ONLY: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "strong", "em", "a", "button", "dt",
];

/// Attributes the renderer writes.
pub const ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "lang",
    "data-mode",
    "data-theme",
    "data-scale",
    "data-level",
    "data-depth",
    "data-key",
    "data-action",
    "data-yl-hint",
    "aria-label",
    "aria-labelledby",
    "aria-hidden",
    "href",
    "src",
    "alt",
    "loading",
    "scope",
    "colspan",
    "rowspan",
    "role",
    "tabindex",
    "type",
];

/// Schemes a link or image may use; relative URLs have none.
pub const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// What the reader saw, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A start tag with its attributes, sorted by name, values decoded.
    Open(String, Vec<(String, String)>),
    /// An end tag (void elements get one too, right after their start).
    Close(String),
    /// Decoded text between tags (adjacent runs merged).
    Text(String),
}

/// Reads the renderer's HTML, or says what is wrong and where.
pub fn read(html: &str) -> Result<Vec<Event>, String> {
    let mut events: Vec<Event> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut rest = html;
    while !rest.is_empty() {
        let at = html.len() - rest.len();
        if let Some(after) = rest.strip_prefix("</") {
            let end = after
                .find('>')
                .ok_or_else(|| format!("unterminated end tag at {at}"))?;
            let name = &after[..end];
            match stack.pop() {
                Some(open) if open == name => events.push(Event::Close(open)),
                Some(open) => return Err(format!("</{name}> at {at} closes <{open}>")),
                None => return Err(format!("</{name}> at {at} closes nothing")),
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after
                .find('>')
                .ok_or_else(|| format!("unterminated tag at {at}"))?;
            let (name, attrs) = tag(&after[..end]).map_err(|e| format!("{e} at {at}"))?;
            check_nesting(&stack, &name).map_err(|e| format!("{e} at {at}"))?;
            for (attr, value) in &attrs {
                if attr == "id" && !ids.insert(value.clone()) {
                    return Err(format!("duplicate id {value:?} at {at}"));
                }
            }
            let void = VOID.contains(&name.as_str());
            events.push(Event::Open(name.clone(), attrs));
            if void {
                events.push(Event::Close(name));
            } else {
                stack.push(name);
            }
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            if raw.contains('>') {
                return Err(format!("raw '>' in text at {at}"));
            }
            let text = decode(raw).map_err(|e| format!("{e} in text at {at}"))?;
            match events.last_mut() {
                Some(Event::Text(before)) => before.push_str(&text),
                _ => events.push(Event::Text(text)),
            }
            rest = &rest[end..];
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{open}> is never closed"));
    }
    Ok(events)
}

/// Like [`read`], for tests that only need the verdict.
pub fn check(html: &str) -> Result<(), String> {
    read(html).map(|_| ())
}

/// Reads a start tag's inside (`name attr="value" …`).
fn tag(inside: &str) -> Result<(String, Vec<(String, String)>), String> {
    let name_end = inside.find(' ').unwrap_or(inside.len());
    let name = &inside[..name_end];
    if !ELEMENTS.contains(&name) {
        return Err(format!("unexpected element <{name}>"));
    }
    let mut attrs = Vec::new();
    let mut rest = &inside[name_end..];
    while let Some(after) = rest.strip_prefix(' ') {
        let eq = after
            .find("=\"")
            .ok_or_else(|| format!("attribute without a quoted value in <{name}>"))?;
        let attr = &after[..eq];
        if !ATTRIBUTES.contains(&attr) {
            return Err(format!("unexpected attribute {attr:?} in <{name}>"));
        }
        let value_start = &after[eq + 2..];
        let close = value_start
            .find('"')
            .ok_or_else(|| format!("unterminated value of {attr} in <{name}>"))?;
        let raw = &value_start[..close];
        if raw.contains(['<', '>', '\'']) {
            return Err(format!("unescaped character in {attr}={raw:?}"));
        }
        let value = decode(raw)?;
        if matches!(attr, "href" | "src") {
            check_url(&value)?;
        }
        if attrs.iter().any(|(a, _)| a == attr) {
            return Err(format!("attribute {attr} twice in <{name}>"));
        }
        attrs.push((attr.to_owned(), value));
        rest = &value_start[close + 1..];
    }
    if !rest.is_empty() {
        return Err(format!("stray {rest:?} in <{name}>"));
    }
    attrs.sort();
    Ok((name.to_owned(), attrs))
}

/// Content-model rules whose breach the HTML parser repairs, so that the
/// tree a browser builds would differ from the one written.
fn check_nesting(stack: &[String], name: &str) -> Result<(), String> {
    let parent = stack.last().map(String::as_str);
    if let Some(p) = parent {
        if PHRASING_ONLY.contains(&p) && !PHRASING.contains(&name) {
            return Err(format!("<{name}> inside <{p}>"));
        }
    }
    let inside = |n: &str| stack.iter().any(|s| s == n);
    if (name == "a" || name == "button") && (inside("a") || inside("button")) {
        return Err(format!("<{name}> inside a link or button"));
    }
    if is_heading(name) && stack.iter().any(|s| is_heading(s)) {
        return Err(format!("<{name}> inside a heading"));
    }
    let expected_parent: &[&str] = match name {
        "li" => &["ol", "ul"],
        "dt" | "dd" => &["dl", "div"],
        "tr" => &["thead", "tbody"],
        "th" | "td" => &["tr"],
        "thead" | "tbody" | "caption" => &["table"],
        "figcaption" => &["figure"],
        _ => return Ok(()),
    };
    match parent {
        Some(p) if expected_parent.contains(&p) => Ok(()),
        _ => Err(format!("<{name}> inside {parent:?}")),
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Decodes the references the escapes write (`&amp;`, `&lt;`, `&gt;`,
/// `&quot;`, `&#39;`, numeric ones); any other `&` is an error.
fn decode(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&s| s <= 10).ok_or_else(|| {
            format!(
                "bare '&' before {:?}",
                after.chars().take(8).collect::<String>()
            )
        })?;
        let name = &after[..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            _ => {
                let number = name
                    .strip_prefix('#')
                    .ok_or_else(|| format!("unexpected reference &{name};"))?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16),
                    None => number.parse(),
                }
                .map_err(|_| format!("bad reference &{name};"))?;
                char::from_u32(code)
                    .filter(|&c| c != '\0')
                    .ok_or_else(|| format!("bad reference &{name};"))?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    if out.contains('\0') {
        return Err("a NUL character".to_owned());
    }
    Ok(out)
}

/// A decoded `href`/`src` must be relative or use an allowed scheme, as a
/// browser's URL parser reads it (leading and trailing C0 controls and
/// spaces stripped, tabs and newlines removed anywhere).
fn check_url(url: &str) -> Result<(), String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return Err("an empty URL".to_owned());
    }
    let Some(colon) = cleaned.find(':') else {
        return Ok(());
    };
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme || ALLOWED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
        Ok(())
    } else {
        Err(format!("URL with scheme {scheme:?}: {url:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_refuses_what_it_should() {
        for ok in [
            "<article class=\"yl-view\"><p id=\"a\">x &amp; y</p></article>",
            "<p>&lt;p&gt;hello&lt;/p&gt;</p>",
            "<a href=\"/x?a=1&amp;b=&#39;2&#39;\">x</a>",
            "<a href=\"javascript&amp;#58;alert(1)\">relative</a>",
        ] {
            assert!(check(ok).is_ok(), "{ok}: {:?}", check(ok));
        }
        for bad in [
            "<script>alert(1)</script>",
            "<p onclick=\"x\">a</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"java&#9;script:alert(1)\">x</a>",
            "<img src=\" JAVASCRIPT:alert(1)\" alt=\"\">",
            "<p><div></div></p>",
            "<a href=\"/\"><a href=\"/\">x</a></a>",
            "<p>a</div>",
            "<p>a",
            "<p>a > b</p>",
            "<p>a & b</p>",
            "<p id=\"x\"></p><p id=\"x\"></p>",
            "<p class='x'></p>",
            "<li>x</li>",
            "<h2><h3>x</h3></h2>",
        ] {
            assert!(check(bad).is_err(), "accepted {bad}");
        }
    }
}
