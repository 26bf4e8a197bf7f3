//! The node event stream both HTML front ends produce, and its compact
//! encoding for the trip from the browser into wasm.
//!
//! A page becomes a flat stream of [`Event`]s in document order (open an
//! element with the few attributes that matter, text, close), the way
//! pulldown-cmark's renderer consumes Markdown events. Natively the events
//! come from html5ever (`native.rs`); in the browser `js/dom-events.js`
//! walks the DOM once and encodes them as one string ([`decode`] reads it).
//!
//! Both sides filter with one table, `filter.json` (see [`super::filter`]):
//! the elements whose whole subtree is skipped, the attributes kept, and
//! the style properties kept.
//!
//! # The encoding (version 1)
//! One string: the header `U+0006 1`, then per event
//! - `U+0001 tag`: an element opens; then, for each kept attribute, in any
//!   order (the decoder puts them in the table's; the first of a name counts),
//!   `U+0002 name U+0003 value`;
//! - `U+0005 text`: a text node;
//! - `U+0004`: the innermost open element closes.
//!
//! Each piece runs to the next of the characters U+0001 to U+0006, which the
//! encoder replaces by U+FFFD inside text and values (they cannot be page
//! text). A malformed string never panics: [`decode`] keeps the events before
//! the damage, closes what is open and says what went wrong.

use std::borrow::Cow;

use super::filter::kept_attrs;
pub use super::filter::{element, filter, is_skipped, reduce_style, Filter, FILTER_JSON};

/// One event of the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'a> {
    /// An element opens.
    Open(Element<'a>),
    /// A text node.
    Text(Cow<'a, str>),
    /// The innermost open element closes.
    Close,
}

/// An element as the stream carries it: its lower-case tag name and the
/// attributes the filter table keeps, in table order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element<'a> {
    /// The local name, lower case (`p`, `td`, `o:p`).
    pub tag: Cow<'a, str>,
    /// Kept attributes as (name, value), in the order of the table; the
    /// name is the table's own.
    pub attrs: Vec<(&'static str, Cow<'a, str>)>,
}

impl Element<'_> {
    /// The value of attribute `name`, if the element has it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| same_name(n, name))
            .map(|(_, v)| text(v))
    }

    /// Whether the `class` attribute holds `token` (ASCII case-insensitive).
    pub fn has_class(&self, token: &str) -> bool {
        self.attr("class").is_some_and(|c| {
            c.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case(token))
        })
    }
}

/// Whether two names (tags, attributes, ids, class tokens) are equal, their
/// lengths and first bytes compared first: most names differ there, and the
/// whole comparison is a call in the size-optimised builds.
#[inline(always)]
pub(super) fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// The text of a borrowed-or-owned string, as `&**cow`, written out: the
/// size-optimised builds leave the `Deref` of a `Cow` as a call, and the
/// tree reads its tags and texts often.
#[inline(always)]
// Takes the `Cow` itself: a `&str` parameter is what the `Deref` it avoids
// would make.
#[allow(clippy::ptr_arg)]
pub fn text<'b>(cow: &'b Cow<'_, str>) -> &'b str {
    match cow {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => s,
    }
}

/// Characters that separate the pieces of the encoding.
fn is_separator(c: char) -> bool {
    ('\u{1}'..='\u{6}').contains(&c)
}

/// Byte offset of the next separator in `bytes` at or after `from`, or
/// the end (the separators are ASCII, so a byte scan finds them and cuts at
/// a char boundary).
fn separator_from(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    // Eight bytes at a time while none of them is below 7.
    let skipped = crate::words::clear_words(rest, |w| crate::words::has_byte_below(w, 7));
    rest.get(skipped..)
        .unwrap_or_default()
        .iter()
        .position(|&b| matches!(b, 1..=6))
        .map_or(bytes.len(), |n| from + skipped + n)
}

/// Text with the separators (and NUL) replaced by U+FFFD, as the encoder
/// does, so both front ends carry the same text (borrowed when it has none).
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b <= 6) {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c == '\0' || is_separator(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

const OPEN: u8 = 1;
const ATTR: u8 = 2;
const VALUE: u8 = 3;
const CLOSE: u8 = 4;
const TEXT: u8 = 5;
/// The header: U+0006 and the version.
pub const HEADER: &str = "\u{6}1";

/// Encodes events the way `js/dom-events.js` does (for tests and for
/// callers that hold events already).
pub fn encode(events: &[Event]) -> String {
    let mut out = String::from(HEADER);
    for event in events {
        match event {
            Event::Open(e) => {
                out.push(char::from(OPEN));
                out.push_str(&clean(&e.tag));
                for (name, value) in &e.attrs {
                    out.push(char::from(ATTR));
                    out.push_str(&clean(name));
                    out.push(char::from(VALUE));
                    out.push_str(&clean(value));
                }
            }
            Event::Text(t) => {
                out.push(char::from(TEXT));
                out.push_str(&clean(t));
            }
            Event::Close => out.push(char::from(CLOSE)),
        }
    }
    out
}

/// What went wrong in a damaged encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// Byte offset of the damage.
    pub offset: usize,
    /// What was wrong, in plain words.
    pub what: &'static str,
    /// Whether the string just ended early (elements left open).
    pub truncated: bool,
}

/// Decodes an encoded stream; the events borrow their text, tags and values
/// from it. The events before any damage are kept and every element left
/// open is closed, so the result is always balanced.
pub fn decode(input: &str) -> (Vec<Event<'_>>, Option<Damage>) {
    match input.strip_prefix(HEADER) {
        Some(body) => finish(scan(Pieces { body, pos: 0 }, body.len()), input.len()),
        None => (Vec::new(), Some(NO_HEADER)),
    }
}

/// The damage of a stream without the header.
const NO_HEADER: Damage = Damage {
    offset: 0,
    what: "the event stream does not start with the version 1 header",
    truncated: false,
};

/// What a scan of the pieces leaves for [`finish`].
struct Scan<'a> {
    events: Vec<Event<'a>>,
    /// The raw attributes, borrowed, by the index of their element's event:
    /// filtered once at the end, as native attributes are.
    raw: Vec<(usize, &'a str, &'a str)>,
    /// Elements still open.
    depth: usize,
    damage: Option<Damage>,
}

/// What a scan left, finished: the damage of a stream cut short (its
/// length `len`), the attributes filtered, the open elements closed.
fn finish(scan: Scan<'_>, len: usize) -> (Vec<Event<'_>>, Option<Damage>) {
    let Scan {
        mut events,
        raw,
        depth,
        mut damage,
    } = scan;
    if damage.is_none() && depth > 0 {
        damage = Some(Damage {
            offset: len,
            what: "the event stream ends with elements still open",
            truncated: true,
        });
    }
    // The decoder's own attributes go through the same filter as native
    // ones. A skipped tag from a foreign encoder keeps no attributes: it
    // stays as a neutral element so the nesting holds; the tree drops it.
    let mut rest = raw.as_slice();
    while let Some(&(at, _, _)) = rest.first() {
        let n = rest.iter().take_while(|(i, _, _)| *i == at).count();
        let Some((mine, after)) = rest.split_at_checked(n) else {
            break;
        };
        rest = after;
        if let Some(Event::Open(e)) = events.get_mut(at) {
            if !is_skipped(&e.tag) {
                e.attrs = kept_attrs(mine.iter().map(|(_, n, v)| (*n, *v)));
            }
        }
    }
    events.extend(std::iter::repeat_n(Event::Close, depth));
    (events, damage)
}

/// One piece of the encoding: where it starts in the body, the byte there
/// (its separator, or whatever stands in its place in a damaged stream) and
/// its text up to the next separator; a close is its separator alone.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    at: usize,
    kind: u8,
    text: &'a str,
}

/// The pieces of a body, read by bytes: each starts at a separator
/// (ASCII), so every cut falls on a char boundary.
struct Pieces<'a> {
    body: &'a str,
    pos: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let bytes = self.body.as_bytes();
        let at = self.pos;
        let &kind = bytes.get(at)?;
        let start = at + 1;
        let end = if kind == CLOSE {
            start
        } else {
            separator_from(bytes, start)
        };
        self.pos = end;
        Some(Piece {
            at,
            kind,
            text: self.body.get(start..end).unwrap_or_default(),
        })
    }
}

/// Reads the pieces of a body (the stream after its header, `len` bytes)
/// into events, up to the first damage.
fn scan<'a>(pieces: impl Iterator<Item = Piece<'a>>, len: usize) -> Scan<'a> {
    // Pages run about ten bytes to an event: room for most of them up
    // front spares the copies of growing (bounded, for huge inputs).
    let mut events = Vec::with_capacity((len / 8).min(1 << 16));
    let base = HEADER.len();
    let mut depth = 0usize;
    let mut damage = None;
    let mut raw = Vec::new();
    // Whether attributes may follow (right after an open or an attribute).
    let mut in_tag = false;
    let mut pieces = pieces.peekable();
    while let Some(piece) = pieces.next() {
        let fail = |what| Damage {
            offset: base + piece.at,
            what,
            truncated: false,
        };
        let text = piece.text;
        match piece.kind {
            OPEN => {
                // Any name the HTML tokenizer can make: it ends a name at
                // ASCII whitespace, `/` or `>` only, so `a\u{205f}<span`
                // (a Unicode space, a `<`) or a name of a hundred letters
                // is an element, in the browser's DOM as in html5ever's.
                let valid = !text.is_empty()
                    && !text.bytes().any(|b| b.is_ascii_whitespace() || b == b'\0');
                if !valid {
                    damage = Some(fail("an element has an empty or invalid tag name"));
                    break;
                }
                // Borrowed from the input: the tree reads the events'
                // text and values where the encoding has them.
                events.push(Event::Open(Element {
                    tag: super::runs::lower(text),
                    attrs: Vec::new(),
                }));
                depth += 1;
                in_tag = true;
            }
            ATTR => {
                let value = pieces.next_if(|value| value.kind == VALUE);
                let Some(value) = value.filter(|_| in_tag && !text.is_empty()) else {
                    damage = Some(fail("an attribute is out of place or has no value"));
                    break;
                };
                raw.push((events.len().saturating_sub(1), text, value.text));
            }
            CLOSE => {
                if depth == 0 {
                    damage = Some(fail("an element closes that was never opened"));
                    break;
                }
                events.push(Event::Close);
                depth -= 1;
                in_tag = false;
            }
            TEXT => {
                if !text.is_empty() {
                    events.push(Event::Text(Cow::Borrowed(text)));
                }
                in_tag = false;
            }
            _ => {
                damage = Some(fail("unexpected characters outside any piece"));
                break;
            }
        }
    }
    Scan {
        events,
        raw,
        depth,
        damage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_found_at_any_offset() {
        for len in 0..40 {
            for at in 0..len {
                for sep in 1u8..=6 {
                    let mut text = "一".repeat(len / 3) + &"a".repeat(len % 3);
                    let pos = text
                        .char_indices()
                        .map(|(i, _)| i)
                        .nth(at % text.chars().count().max(1));
                    let Some(pos) = pos else { continue };
                    text.insert(pos, char::from(sep));
                    assert_eq!(separator_from(text.as_bytes(), 0), pos, "{text:?}");
                    assert_eq!(separator_from(text.as_bytes(), pos), pos, "{text:?}");
                    assert_eq!(
                        separator_from(text.as_bytes(), pos + 1),
                        text.len(),
                        "{text:?}"
                    );
                }
            }
            let plain = "\0x\u{7}".repeat(len);
            assert_eq!(separator_from(plain.as_bytes(), 0), plain.len());
            assert_eq!(
                separator_from(plain.as_bytes(), plain.len() + 1),
                plain.len()
            );
        }
    }

    #[test]
    fn round_trip() {
        let events = vec![
            Event::Open(element("p", [("class", "a b"), ("style", "display:none")]).unwrap()),
            Event::Text("一\u{1}二".into()),
            Event::Open(element("br", []).unwrap()),
            Event::Close,
            Event::Close,
        ];
        let encoded = encode(&events);
        let (decoded, damage) = decode(&encoded);
        assert_eq!(damage, None);
        let mut want = events.clone();
        want[1] = Event::Text("一\u{fffd}二".into());
        assert_eq!(decoded, want);
    }

    #[test]
    fn damage_is_reported_not_panicked() {
        let (events, damage) = decode("<p>hello</p>");
        assert!(events.is_empty());
        assert_eq!(damage.unwrap().offset, 0);
        let (events, damage) = decode("\u{6}1\u{1}div\u{5}a\u{1}p\u{5}b");
        assert!(damage.unwrap().truncated);
        assert_eq!(events.iter().filter(|e| **e == Event::Close).count(), 2);
        let (events, damage) = decode("\u{6}1\u{1}div\u{4}\u{4}\u{5}lost");
        assert_eq!(events.len(), 2);
        assert!(!damage.unwrap().truncated);
        let (_, damage) = decode("\u{6}1\u{5}x\u{2}id\u{3}y");
        assert!(damage.is_some());
        let (_, damage) = decode("\u{6}1\u{1}\u{4}");
        assert!(damage.is_some());
        let (events, damage) = decode("\u{6}1\u{1}p\u{2}id");
        assert!(damage.is_some());
        assert_eq!(
            events,
            vec![Event::Open(Element::default_p()), Event::Close]
        );
        let (_, damage) = decode("\u{6}1\u{1}a b\u{4}");
        assert!(damage.is_some(), "ASCII whitespace cannot be in a name");
    }

    /// Names the HTML tokenizer makes, however odd, are elements: a Unicode
    /// space or a `<` in one (`<A\u{205f}<span …>` is one element), or a
    /// long one. The decoder once took only names without any Unicode
    /// whitespace and of at most 64 bytes, and lost the rest of such a page.
    #[test]
    fn any_name_the_tokenizer_makes_is_an_element() {
        let long = "x".repeat(200);
        for name in ["a\u{205f}<span", "p\u{3000}", long.as_str()] {
            let input = format!("\u{6}1\u{1}{name}\u{5}text\u{4}");
            let (events, damage) = decode(&input);
            assert!(damage.is_none(), "{name}: {damage:?}");
            assert_eq!(events.len(), 3, "{name}");
        }
    }

    /// The pieces as they were read before the decoder read them by bytes:
    /// by chars, each piece's end found by a search of the rest. With the
    /// same scan and `finish`, the reference the byte reading is held to.
    mod plain {
        use super::super::{finish, scan, Damage, Event, Piece, CLOSE, HEADER, NO_HEADER};

        pub(super) fn decode(input: &str) -> (Vec<Event<'_>>, Option<Damage>) {
            match input.strip_prefix(HEADER) {
                Some(body) => finish(scan(pieces(body), body.len()), input.len()),
                None => (Vec::new(), Some(NO_HEADER)),
            }
        }

        fn pieces(body: &str) -> impl Iterator<Item = Piece<'_>> {
            let mut pos = 0usize;
            std::iter::from_fn(move || {
                let kind = body.get(pos..)?.chars().next()?;
                let at = pos;
                let start = pos + kind.len_utf8();
                let end = if kind == char::from(CLOSE) {
                    start
                } else {
                    body.get(start..)
                        .and_then(|rest| rest.find(|c| ('\u{1}'..='\u{6}').contains(&c)))
                        .map_or(body.len(), |n| start + n)
                };
                pos = end;
                // A char outside ASCII where a separator should be is no
                // kind of piece.
                let kind = u8::try_from(kind).unwrap_or(u8::MAX);
                Some(Piece {
                    at,
                    kind,
                    text: body.get(start..end).unwrap_or_default(),
                })
            })
        }
    }

    proptest::proptest! {
        /// The byte decoder gives the events and the damage the plain one
        /// gives, on encodings well formed or not: separators anywhere,
        /// names with spaces, NUL or characters outside ASCII, attributes
        /// with and without values, non-ASCII where a piece should start,
        /// text right after a close.
        #[test]
        fn decodes_as_the_plain_decoder(
            header in proptest::prop_oneof![proptest::strategy::Just("\u{6}1"), proptest::strategy::Just("")],
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "\u{1}(p|DIV|a|td|o:p|script|a b|x\u{0}|一|)",
                    "\u{2}(class|ID|href|style|onclick|)",
                    "\u{3}[a-z 一:;\u{3000}]{0,6}",
                    proptest::strategy::Just("\u{4}".to_owned()),
                    "\u{4}[a-z一]{1,2}",
                    "\u{5}[a-z 一二\u{3000}\u{0}]{0,8}",
                    "[\u{1}-\u{6}a-z 一\u{0}\t]{1,4}",
                ],
                0..40,
            ),
        ) {
            let input = format!("{header}{}", parts.concat());
            proptest::prop_assert_eq!(decode(&input), plain::decode(&input));
        }
    }

    impl Element<'_> {
        fn default_p() -> Element<'static> {
            Element {
                tag: "p".into(),
                attrs: Vec::new(),
            }
        }
    }
}
