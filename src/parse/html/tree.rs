//! The event stream as a small tree: what content finding needs (ancestors,
//! subtree sizes) and what the line builder walks.
//!
//! Nodes are stored in document order, so a node's descendants are exactly
//! the nodes after it up to its `end`; subtree sums are one reverse pass and
//! no walk recurses. Hidden elements (`hidden`, `aria-hidden="true"`,
//! `display:none`, `visibility:hidden`) and skipped tags never enter the
//! tree: what assistive technology does not see is not content; nor do the
//! page's buttons, but for those that are its actions (打印, 关闭).

use std::borrow::Cow;

use super::events::{is_skipped, text, Element, Event};
use super::lines::is_block;
use super::selectors::{self, Marks};
use crate::parse::chrome;
use crate::parse::lines::Align;
use crate::words;

/// Index of a node.
pub type NodeId = usize;

/// A node: an element or a text.
#[derive(Debug, Clone)]
pub enum Kind<'a> {
    /// An element.
    Element(Element<'a>),
    /// Text, as the page has it.
    Text(Cow<'a, str>),
}

/// A node of the tree.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// What it is.
    pub kind: Kind<'a>,
    /// The parent, `None` for top-level nodes.
    pub parent: Option<NodeId>,
    /// One past the last descendant: the subtree is `id..end`.
    pub end: NodeId,
    /// Characters of visible text in the subtree (whitespace not counted).
    pub chars: usize,
    /// Of those, characters inside links.
    pub link_chars: usize,
    /// Whether some text of the subtree holds a colon (`:` or `：`), what
    /// a metadata field needs: known once, not looked for per element.
    pub colon: bool,
    /// Which content selectors the element matches and whether it is
    /// chrome ([`selectors::marks`]); 0 for text.
    pub marks: Marks,
    /// What the element's style says ([`style_facts`]); nothing for text.
    pub style: StyleFacts,
}

impl<'a> Node<'a> {
    /// The element, if this node is one.
    pub fn element(&self) -> Option<&Element<'a>> {
        match &self.kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    /// The tag name, empty for text.
    pub fn tag(&self) -> &str {
        self.element().map_or("", |e| text(&e.tag))
    }
}

/// The tree of a page.
#[derive(Debug, Clone, Default)]
pub struct Tree<'a> {
    /// All nodes, in document order.
    pub nodes: Vec<Node<'a>>,
}

fn is_html_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// The chars of `text` that are not HTML space (the bytes that start a
/// char, not `10xxxxxx`, less the space bytes, all ASCII), and whether it
/// holds a half- or full-width colon (`:`, `：`, whose UTF-8 ends in 9A),
/// in one walk: eight bytes at a time where a word holds no byte below `!`
/// and neither colon's key byte.
fn visible_chars(text: &str) -> (usize, bool) {
    let bytes = text.as_bytes();
    let counted = |b: &u8| b & 0xc0 != 0x80 && !is_html_space_byte(*b);
    let mut n = 0;
    let mut colon = false;
    let mut at = 0;
    while let Some(word) = words::word_at(bytes, at) {
        if words::has_byte_below(word, 0x21) {
            n += bytes
                .get(at..at + 8)
                .map_or(0, |w| w.iter().filter(|b| counted(b)).count());
        } else {
            n += 8 - words::continuation_bytes(word) as usize;
        }
        if !colon && (words::has_byte(word, b':') || words::has_byte(word, 0x9a)) {
            colon = colon_ends_in(bytes, at, at + 8);
        }
        at += 8;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    n += rest.iter().filter(|b| counted(b)).count();
    (n, colon || colon_ends_in(bytes, at, bytes.len()))
}

/// Whether a colon of [`visible_chars`] ends at a byte from `from` to `to`.
fn colon_ends_in(bytes: &[u8], from: usize, to: usize) -> bool {
    (from..to).any(|i| match bytes.get(i) {
        Some(b':') => true,
        Some(0x9a) => i.checked_sub(2).and_then(|s| bytes.get(s..i)) == Some(&[0xef, 0xbc]),
        _ => false,
    })
}

/// What an element's `style` says that the reading uses, from one pass
/// over its declarations: whether it hides the element (`display: none` or
/// `visibility: hidden`, any declaration), and the last `font-weight` and
/// `text-align` that have a value the reading knows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StyleFacts {
    /// A declaration hides the element.
    pub hides: bool,
    /// Bold (`bold`, `bolder`, 600 and up) or not (`normal`, `lighter`,
    /// below 600).
    pub strong: Option<bool>,
    /// The text alignment.
    pub align: Option<Align>,
}

/// Reads a style attribute's [`StyleFacts`]. Values are compared trimmed,
/// in lower case and without `!important`.
pub fn style_facts(style: &str) -> StyleFacts {
    let mut facts = StyleFacts::default();
    for (prop, value) in super::filter::declarations(style) {
        let Some(value) = value else {
            continue;
        };
        if !matches!(
            prop,
            "font-weight" | "text-align" | "display" | "visibility"
        ) {
            continue;
        }
        let value = super::runs::lower(value.trim());
        let value = super::runs::strip_important(&value);
        match prop {
            "font-weight" => {
                let weight = super::runs::weight_of(value);
                if weight.is_some() {
                    facts.strong = weight;
                }
            }
            "text-align" => {
                if let Some(a) = super::runs::align_of(value) {
                    facts.align = Some(a);
                }
            }
            "display" => facts.hides |= value == "none",
            "visibility" => facts.hides |= value == "hidden",
            _ => {}
        }
    }
    facts
}

/// The facts of the styles a build has read, by their text: pages repeat
/// a few styles many times (fixture 02: 96 style attributes, 8 different;
/// the 300 KB page 285 and 6), and a look through a short list is cheaper
/// than reading a style again. Styles borrowed from the input only, up to
/// [`KnownStyles::MAX`] of them.
#[derive(Default)]
struct KnownStyles<'a> {
    seen: Vec<(&'a str, StyleFacts)>,
}

impl<'a> KnownStyles<'a> {
    const MAX: usize = 16;

    /// The [`StyleFacts`] of the element's `style` attribute.
    fn facts(&mut self, e: &Element<'a>) -> StyleFacts {
        let Some((_, style)) = e
            .attrs
            .iter()
            .find(|(n, _)| super::events::same_name(n, "style"))
        else {
            return StyleFacts::default();
        };
        let Cow::Borrowed(style) = style else {
            return style_facts(style);
        };
        if let Some((_, facts)) = self.seen.iter().find(|(s, _)| s == style) {
            return *facts;
        }
        let facts = style_facts(style);
        if self.seen.len() < Self::MAX {
            self.seen.push((style, facts));
        }
        facts
    }
}

/// Whether an element is hidden from readers (its style already read).
fn is_hidden(e: &Element, style: StyleFacts) -> bool {
    if style.hides || e.attr("hidden").is_some() {
        return true;
    }
    e.attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        && !matches!(&*e.tag, "html" | "body")
}

/// Whether a control of the page's is one of its actions (打印, 关闭, 收藏):
/// by its script, or by its words (a button's text, an input's `value`).
/// The page's other controls (搜索, 登录, a menu's) are not its text.
fn is_action(e: &Element, words: &str) -> bool {
    e.attr("onclick").and_then(chrome::script_action).is_some()
        || chrome::whole_line(words.trim()).is_some_and(|actions| !actions.is_empty())
}

/// Whether an `<input>` enters the tree: a button (`type` button, submit,
/// reset or image) that is an action. (All it says is on the element.)
fn input_kept(e: &Element) -> bool {
    let button = e.attr("type").is_some_and(|t| {
        ["button", "submit", "reset", "image"]
            .iter()
            .any(|b| t.trim().eq_ignore_ascii_case(b))
    });
    button && is_action(e, e.attr("value").unwrap_or_default())
}

/// Whether the node `id`, just closed (its subtree the nodes after it),
/// stays: any node but a `<button>`, and a button that is an action, which
/// its text may say.
fn button_kept(nodes: &[Node], id: NodeId) -> bool {
    let Some(Kind::Element(e)) = nodes.get(id).map(|n| &n.kind) else {
        return true;
    };
    if e.tag.as_bytes() != b"button" {
        return true;
    }
    let mut words = String::new();
    for node in nodes.get(id + 1..).unwrap_or_default() {
        if let Kind::Text(t) = &node.kind {
            words.push_str(t);
        }
    }
    is_action(e, &words)
}

impl<'a> Tree<'a> {
    /// Builds the tree from balanced events (unbalanced closes are ignored,
    /// what is left open is closed at the end).
    pub fn build(events: Vec<Event<'a>>) -> Tree<'a> {
        let opens = events.iter().filter(|e| !matches!(e, Event::Close)).count();
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(opens);
        let mut open: Vec<NodeId> = Vec::new();
        // Depth of elements being skipped (hidden subtrees).
        let mut skipping = 0usize;
        let mut styles = KnownStyles::default();
        for event in events {
            match event {
                Event::Open(e) => {
                    if skipping > 0
                        || is_skipped(&e.tag)
                        || (e.tag.as_bytes() == b"input" && !input_kept(&e))
                    {
                        skipping += 1;
                        continue;
                    }
                    let style = styles.facts(&e);
                    if is_hidden(&e, style) {
                        skipping += 1;
                        continue;
                    }
                    let id = nodes.len();
                    let marks = selectors::marks(&e);
                    nodes.push(Node {
                        kind: Kind::Element(e),
                        parent: open.last().copied(),
                        end: id + 1,
                        chars: 0,
                        link_chars: 0,
                        colon: false,
                        marks,
                        style,
                    });
                    open.push(id);
                }
                Event::Close => {
                    if skipping > 0 {
                        skipping -= 1;
                    } else if let Some(id) = open.pop() {
                        if !button_kept(&nodes, id) {
                            // A button of the page's, not its text: out,
                            // with all it holds (the last nodes).
                            nodes.truncate(id);
                            continue;
                        }
                        let end = nodes.len();
                        if let Some(n) = nodes.get_mut(id) {
                            n.end = end;
                        }
                    }
                }
                Event::Text(t) => {
                    if skipping > 0 {
                        continue;
                    }
                    let id = nodes.len();
                    let (chars, colon) = visible_chars(&t);
                    nodes.push(Node {
                        kind: Kind::Text(t),
                        parent: open.last().copied(),
                        end: id + 1,
                        chars,
                        link_chars: 0,
                        colon,
                        marks: 0,
                        style: StyleFacts::default(),
                    });
                }
            }
        }
        let end = nodes.len();
        for id in open {
            if let Some(n) = nodes.get_mut(id) {
                n.end = end;
            }
        }
        let mut tree = Tree { nodes };
        tree.sum();
        tree
    }

    /// Subtree text and link sizes and colons, children before parents.
    fn sum(&mut self) {
        for id in (0..self.nodes.len()).rev() {
            let Some(n) = self.nodes.get_mut(id) else {
                continue;
            };
            if n.tag().as_bytes() == b"a" {
                n.link_chars = n.chars;
            }
            let (chars, links, colon, parent) = (n.chars, n.link_chars, n.colon, n.parent);
            if let Some(p) = parent.and_then(|p| self.nodes.get_mut(p)) {
                p.chars += chars;
                p.link_chars += links;
                p.colon |= colon;
            }
        }
    }

    /// The node, if the id is valid.
    pub fn get(&self, id: NodeId) -> Option<&Node<'a>> {
        self.nodes.get(id)
    }

    /// The element at `id`, if it is one.
    pub fn element(&self, id: NodeId) -> Option<&Element<'a>> {
        self.nodes.get(id).and_then(Node::element)
    }

    /// Ancestors of `id`, nearest first (not `id` itself).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.get(id).and_then(|n| n.parent), |p| {
            self.get(*p).and_then(|n| n.parent)
        })
    }

    /// Whether `inner` is `outer` or inside it.
    pub fn contains(&self, outer: NodeId, inner: NodeId) -> bool {
        self.get(outer)
            .is_some_and(|o| outer <= inner && inner < o.end)
    }

    /// The nearest node containing both.
    pub fn common_ancestor(&self, a: NodeId, b: NodeId) -> Option<NodeId> {
        if self.contains(a, b) {
            return Some(a);
        }
        self.ancestors(a).find(|p| self.contains(*p, b))
    }

    /// The nearest block element containing `id` (itself if it is one).
    pub fn block_of(&self, id: NodeId) -> Option<NodeId> {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .find(|n| self.get(*n).is_some_and(|n| is_block(n.tag())))
    }

    /// The text of a subtree, concatenated (no layout).
    pub fn text(&self, id: NodeId) -> String {
        let end = self.get(id).map_or(id, |n| n.end);
        let mut out = String::new();
        for n in self.nodes.get(id..end).unwrap_or(&[]) {
            if let Kind::Text(t) = &n.kind {
                out.push_str(t);
            }
        }
        out
    }

    /// The `content` of `<meta name="…">` (name compared case-insensitively).
    pub fn meta(&self, name: &str) -> Option<&str> {
        self.nodes.iter().find_map(|n| {
            let e = n.element()?;
            (e.tag == "meta" && e.attr("name")?.trim().eq_ignore_ascii_case(name))
                .then(|| e.attr("content"))
                .flatten()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_chars_are_counted_as_the_byte_filter_counts_them() {
        let texts = [
            "",
            "a",
            "  \t\n\r\u{c}x",
            "今年以来，工作有序推进。 2024年 \u{3000}\u{a0}",
            "é😀\u{7ff}\u{800}\u{10ffff} ab\u{1}",
            "索 引 号：123\u{3000}发布日期: 2024年5月7日 来源：市政府办公室",
            "一二三四五六七：",
            "一二三四五：六七",
            "ab:",
            "\u{ff1b}\u{9a}\u{fe9a}",
            "\u{ff1b}\u{ff1c}\u{9a}",
            "ｚ\u{ff1b}",
            "发布日期 2024",
        ];
        for text in texts {
            for pad in 0..9 {
                let padded = format!("{}{text}{}", "一".repeat(pad), " ".repeat(pad % 4));
                let want = padded
                    .bytes()
                    .filter(|&b| b & 0xc0 != 0x80 && !is_html_space_byte(b))
                    .count();
                let colon = padded.contains([':', '：']);
                assert_eq!(visible_chars(&padded), (want, colon), "{padded:?}");
            }
        }
    }

    #[test]
    fn font_weights() {
        use super::super::runs::weight_of;
        for (value, want) in [
            ("bold", Some(true)),
            ("bolder", Some(true)),
            ("600", Some(true)),
            ("900", Some(true)),
            ("599", Some(false)),
            ("400", Some(false)),
            ("normal", Some(false)),
            ("lighter", Some(false)),
            ("heavy", None),
            ("", None),
        ] {
            assert_eq!(weight_of(value), want, "{value}");
        }
    }

    /// How the style was read before [`style_facts`]: the hiding check and
    /// the formatting reader, each a pass of its own. The reference the
    /// one-pass reading is held to.
    mod two_passes {
        use super::super::super::filter::declarations;
        use super::super::super::runs::{align_of, lower, strip_important, weight_of};
        use crate::parse::lines::Align;

        pub fn hides(s: &str) -> bool {
            declarations(s).any(|(p, v)| {
                let v = v.unwrap_or_default();
                let hides = match p {
                    "display" => "none",
                    "visibility" => "hidden",
                    _ => return false,
                };
                let v = lower(v.trim());
                strip_important(&v) == hides
            })
        }

        /// (strong, align) as the old reader left them, from `None`.
        pub fn formatting(style: &str, block: bool) -> (Option<bool>, Option<Align>) {
            let (mut strong, mut align) = (None, None);
            for (prop, value) in declarations(style) {
                let Some(value) = value else {
                    continue;
                };
                if prop != "font-weight" && !(block && prop == "text-align") {
                    continue;
                }
                let value = lower(value.trim());
                let value = strip_important(&value);
                match prop {
                    "font-weight" => {
                        if let Some(w) = weight_of(value) {
                            strong = Some(w);
                        }
                    }
                    "text-align" if block => {
                        if let Some(a) = align_of(value) {
                            align = Some(a);
                        }
                    }
                    _ => {}
                }
            }
            (strong, align)
        }
    }

    proptest::proptest! {
        /// Declarations of the four properties read and others, values
        /// known and not, in any case, spaced, `!important`, repeated.
        #[test]
        fn one_pass_reads_the_style_as_two_did(
            declarations in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["font-weight", "text-align", "display", "visibility", "color", "Display", " display", ""]),
                    proptest::option::of(proptest::sample::select(vec![
                        "bold", "BOLD", " bolder ", "normal", "lighter", "600", "599", "700!important", "x",
                        "center", "Right", "middle", "start", "justify", "none", " NONE ", "none !important", "none!important",
                        "hidden", "Hidden", "block", "", "  ",
                    ])),
                ),
                0..6,
            ),
            block in proptest::bool::ANY,
        ) {
            let style = declarations
                .iter()
                .map(|(p, v)| match v { Some(v) => format!("{p}:{v}"), None => (*p).to_owned() })
                .collect::<Vec<_>>()
                .join(";");
            let facts = style_facts(&style);
            proptest::prop_assert_eq!(facts.hides, two_passes::hides(&style), "{:?}", style);
            let (strong, align) = two_passes::formatting(&style, block);
            proptest::prop_assert_eq!(facts.strong, strong, "{:?}", style);
            proptest::prop_assert_eq!(if block { facts.align } else { None }, align, "{:?}", style);
        }
    }
}
