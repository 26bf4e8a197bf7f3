//! The filter table both HTML front ends apply: the elements whose whole
//! subtree is skipped, the attributes kept, and the style properties kept.
//!
//! `filter.json` is the one source: `build.rs` turns it into the constants
//! included here, and `js/dom-events.js` carries a copy between marker
//! comments that a test keeps identical.

use std::borrow::Cow;

use super::events::{clean, Element};

include!(concat!(env!("OUT_DIR"), "/filter_table.rs"));

// One bit per kept attribute in `kept_attrs`.
const _: () = assert!(ATTRS.len() <= 32);

/// The filter table's text, shared with `js/dom-events.js`.
pub const FILTER_JSON: &str = include_str!("filter.json");

/// The filter table (`filter.json`).
#[derive(Debug)]
pub struct Filter {
    /// Version of the table and of the encoding.
    pub version: u32,
    /// Elements skipped with their whole subtree.
    pub skip: &'static [&'static str],
    /// Attributes kept, in the order they are emitted.
    pub attrs: &'static [&'static str],
    /// Style properties kept (the `style` attribute keeps only these).
    pub style: &'static [&'static str],
}

/// The table, made from `filter.json` at build time.
static FILTER: Filter = Filter {
    version: VERSION,
    skip: SKIP,
    attrs: ATTRS,
    style: STYLE,
};

/// The filter table.
pub fn filter() -> &'static Filter {
    &FILTER
}

/// Whether elements named `tag` are skipped with their subtree.
pub fn is_skipped(tag: &str) -> bool {
    skip_listed(tag.as_bytes())
}

/// The index in the table of the attribute `name` (ASCII case-insensitive).
fn attr_index(name: &str) -> Option<usize> {
    let mut lower = [0u8; ATTR_MAX];
    let slot = lower.get_mut(..name.len())?;
    slot.copy_from_slice(name.as_bytes());
    slot.make_ascii_lowercase();
    attr_listed(slot)
}

/// Builds an element from a tag and raw attributes: only the attributes the
/// table keeps, in table order, the style reduced to the kept properties,
/// control characters replaced. `None` for an element the table skips.
pub fn element<'a>(
    tag: &str,
    attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<Element<'static>> {
    let tag = tag.to_ascii_lowercase();
    if is_skipped(&tag) {
        return None;
    }
    let attrs = kept_attrs(attrs)
        .into_iter()
        .map(|(name, value)| (name, Cow::Owned(value.into_owned())))
        .collect();
    Some(Element {
        attrs,
        tag: Cow::Owned(tag),
    })
}

/// The attributes the table keeps, in table order (the first of duplicate
/// names wins), the style reduced, control characters replaced.
pub(super) fn kept_attrs<'a>(
    attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<(&'static str, Cow<'a, str>)> {
    // The value of each table attribute, in table order, filled in one
    // pass over the raw attributes (no list to grow per element), and a
    // bit per value found, so that only those are visited.
    let mut found: [&str; ATTRS.len()] = [""; ATTRS.len()];
    let mut present: u32 = 0;
    for (name, value) in attrs {
        let Some(at) = attr_index(name) else { continue };
        let bit = 1u32
            .checked_shl(u32::try_from(at).unwrap_or(u32::MAX))
            .unwrap_or(0);
        if present & bit == 0 {
            if let Some(slot) = found.get_mut(at) {
                *slot = value;
                present |= bit;
            }
        }
    }
    let mut kept = Vec::with_capacity(present.count_ones() as usize);
    while present != 0 {
        let at = present.trailing_zeros() as usize;
        present &= present - 1;
        let (Some(&name), Some(&value)) = (ATTRS.get(at), found.get(at)) else {
            continue;
        };
        let value = if name == "style" {
            let reduced = if is_reduced(value) {
                Cow::Borrowed(value)
            } else {
                Cow::Owned(reduce_style(value))
            };
            if reduced.is_empty() {
                continue;
            }
            reduced
        } else {
            clean(value)
        };
        kept.push((name, value));
    }
    kept
}

/// Whitespace as JavaScript's `String.prototype.trim` knows it.
fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The declarations of a style attribute: cut at each `;`, then each at
/// its first `:`, into (property, value), the value `None` where there is
/// no `:`. The same pieces as `split(';')` and `split_once(':')`, found by
/// bytes (both are ASCII, so every cut is a char boundary); the front end
/// reads styles with it in four places.
pub(super) fn declarations(style: &str) -> Declarations<'_> {
    Declarations { rest: Some(style) }
}

/// The iterator of [`declarations`].
pub(super) struct Declarations<'a> {
    /// What is left after the last `;` found; `None` once the last
    /// declaration is given.
    rest: Option<&'a str>,
}

impl<'a> Iterator for Declarations<'a> {
    type Item = (&'a str, Option<&'a str>);

    fn next(&mut self) -> Option<Self::Item> {
        let style = self.rest?;
        let (declaration, rest) = match style.bytes().position(|b| b == b';') {
            Some(at) => (style.get(..at).unwrap_or_default(), style.get(at + 1..)),
            None => (style, None),
        };
        self.rest = rest;
        Some(match declaration.bytes().position(|b| b == b':') {
            Some(at) => (
                declaration.get(..at).unwrap_or_default(),
                declaration.get(at + 1..),
            ),
            None => (declaration, None),
        })
    }
}

/// A style attribute reduced to the kept properties: `prop:value` pairs
/// joined by `;`, property names lower case, both sides trimmed.
pub fn reduce_style(style: &str) -> String {
    let mut out = String::new();
    for (prop, value) in declarations(style) {
        let Some(value) = value else {
            continue;
        };
        let prop = prop.trim_matches(is_js_space);
        let Some(kept) = FILTER.style.iter().find(|k| k.eq_ignore_ascii_case(prop)) else {
            continue;
        };
        if !out.is_empty() {
            out.push(';');
        }
        out.push_str(kept);
        out.push(':');
        out.push_str(&clean(value.trim_matches(is_js_space)));
    }
    out
}

/// Whether a style is already what [`reduce_style`] makes of it (as the
/// browser's walker and the native reader send it): then it is kept as is.
/// One pass over the bytes: each declaration a kept property, written as
/// the table has it, then `:` and a value with no space at either end and
/// no separator.
fn is_reduced(style: &str) -> bool {
    let mut rest = style;
    loop {
        let bytes = rest.as_bytes();
        let Some(prop) = FILTER
            .style
            .iter()
            .find(|p| bytes.starts_with(p.as_bytes()) && bytes.get(p.len()) == Some(&b':'))
        else {
            return false;
        };
        let after = rest.get(prop.len() + 1..).unwrap_or_default();
        let end = after.bytes().position(|b| b == b';');
        let value = after.get(..end.unwrap_or(after.len())).unwrap_or_default();
        if !is_trimmed(value) || value.bytes().any(|b| b <= 6) {
            return false;
        }
        match end.and_then(|at| after.get(at + 1..)) {
            Some(next) => rest = next,
            None => return true,
        }
    }
}

/// Whether `value` neither starts nor ends with a [`is_js_space`] char
/// (its ASCII ends checked by byte).
fn is_trimmed(value: &str) -> bool {
    let bytes = value.as_bytes();
    let ascii_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let first = match bytes.first() {
        None => return true,
        Some(&b) if b.is_ascii() => !ascii_space(b),
        Some(_) => value.chars().next().is_none_or(|c| !is_js_space(c)),
    };
    first
        && match bytes.last() {
            Some(&b) if b.is_ascii() => !ascii_space(b),
            _ => value.chars().next_back().is_none_or(|c| !is_js_space(c)),
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constants generated at build time say what `filter.json` says.
    #[test]
    fn the_generated_table_equals_the_json() {
        let json: serde_json::Value = serde_json::from_str(FILTER_JSON).unwrap();
        let list = |key: &str| -> Vec<String> {
            json[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        };
        let f = filter();
        assert_eq!(u64::from(f.version), json["version"].as_u64().unwrap());
        assert_eq!(f.skip, list("skip"));
        assert_eq!(f.attrs, list("attrs"));
        assert_eq!(f.style, list("style"));
        assert_eq!(json.as_object().unwrap().len(), 4);
        assert_eq!(f.version, 1);
        assert!(f.skip.contains(&"script"));
        assert!(f.attrs.contains(&"href"));
        assert!(f.style.contains(&"font-weight"));
    }

    /// The generated lookups agree with the lists.
    #[test]
    fn lookups_agree_with_the_lists() {
        for tag in filter().skip {
            assert!(is_skipped(tag), "{tag}");
        }
        for tag in [
            "p", "div", "td", "a", "span", "table", "scripts", "", "ſcript", "Script",
        ] {
            assert!(!is_skipped(tag), "{tag}");
        }
        for (i, name) in filter().attrs.iter().enumerate() {
            assert_eq!(attr_index(name), Some(i));
            assert_eq!(attr_index(&name.to_ascii_uppercase()), Some(i));
        }
        for name in [
            "",
            "onmouseover",
            "data-id",
            "aria-hiddenx",
            "a-very-long-attribute-name",
            "İd",
        ] {
            assert_eq!(attr_index(name), None, "{name}");
        }
        assert_eq!(
            ATTR_MAX,
            filter().attrs.iter().map(|a| a.len()).max().unwrap()
        );
    }

    #[test]
    fn elements_are_filtered() {
        let e = element(
            "TD",
            [
                ("onmouseover", "x()"),
                ("STYLE", "color:red; Font-Weight : bold ;text-align:center"),
                ("colspan", "3"),
            ],
        )
        .unwrap();
        assert_eq!(e.tag, "td");
        assert_eq!(
            e.attrs,
            vec![
                ("colspan", "3".into()),
                ("style", "font-weight:bold;text-align:center".into()),
            ]
        );
        assert!(element("script", [("src", "a.js")]).is_none());
    }

    #[test]
    fn reduced_styles_are_recognised() {
        let cases = [
            ("font-weight:bold;text-align:center", true),
            ("display:none", true),
            ("display:", true),
            ("color:red", false),
            ("display:none;", false),
            (" display:none", false),
            ("Display:none", false),
            ("display: none", false),
            ("display:none ", false),
            ("display:a\u{1}", false),
            ("", false),
            (";", false),
        ];
        for (style, reduced) in cases {
            assert_eq!(is_reduced(style), reduced, "{style:?}");
            if reduced {
                assert_eq!(reduce_style(style), style);
            }
        }
    }

    #[test]
    fn declarations_are_cut_at_semicolons_and_the_first_colon() {
        let cut = |style| declarations(style).collect::<Vec<_>>();
        assert_eq!(cut(""), [("", None)]);
        assert_eq!(cut(";"), [("", None), ("", None)]);
        assert_eq!(
            cut("a:b:c;;d;字:值"),
            [
                ("a", Some("b:c")),
                ("", None),
                ("d", None),
                ("字", Some("值"))
            ]
        );
    }

    /// The check as first written, by declarations: the reference for the
    /// one-pass [`is_reduced`].
    fn is_reduced_plain(style: &str) -> bool {
        let trimmed = |v: &str| {
            v.chars().next().is_none_or(|c| !is_js_space(c))
                && v.chars().next_back().is_none_or(|c| !is_js_space(c))
        };
        declarations(style).all(|(prop, value)| {
            value.is_some_and(|value| {
                FILTER.style.contains(&prop) && trimmed(value) && !value.bytes().any(|b| b <= 6)
            })
        })
    }

    proptest::proptest! {
        /// The one-pass check says what the check by declarations says, on
        /// styles made of the kept properties, near misses, spaces of every
        /// kind at the ends, separators and colons.
        #[test]
        fn is_reduced_agrees_with_the_plain_check(
            parts in proptest::collection::vec(
                (
                    "display|visibility|font-weight|text-align|Display|displa|colour|",
                    ":|:|:|;|",
                    "[ \t\u{b}\u{3000}\u{feff}\u{1}a-z:字]{0,4}",
                ),
                0..4,
            ),
            seps in proptest::collection::vec(";|;|;|:|", 0..4),
        ) {
            let mut style = String::new();
            for (i, (prop, colon, value)) in parts.iter().enumerate() {
                style.push_str(prop);
                style.push_str(colon);
                style.push_str(value);
                style.push_str(seps.get(i).map_or("", String::as_str));
            }
            proptest::prop_assert_eq!(is_reduced(&style), is_reduced_plain(&style), "{:?}", style);
        }
    }

    proptest::proptest! {
        /// The same pieces as `split(';')` and `split_once(':')`.
        #[test]
        fn declarations_split_as_str_does(style in "[a-z:; 字\u{3000}]{0,24}") {
            let plain: Vec<(&str, Option<&str>)> = style
                .split(';')
                .map(|d| d.split_once(':').map_or((d, None), |(p, v)| (p, Some(v))))
                .collect();
            proptest::prop_assert_eq!(declarations(&style).collect::<Vec<_>>(), plain);
        }
    }
}
