//! Tag tables of the HTML walk: which elements are blocks, what the walk
//! does with a tag, and HTML's collapsible whitespace. Byte-string patterns
//! make each lookup one decision tree rather than a row of string
//! comparisons.

/// Whether elements named `tag` are blocks: they start and end lines
/// (everything else is inline).
pub fn is_block(tag: &str) -> bool {
    // Byte-string patterns: one decision tree, no string comparisons.
    matches!(
        tag.as_bytes(),
        b"address"
            | b"article"
            | b"aside"
            | b"blockquote"
            | b"body"
            | b"caption"
            | b"center"
            | b"dd"
            | b"details"
            | b"div"
            | b"dl"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"header"
            | b"hr"
            | b"html"
            | b"legend"
            | b"li"
            | b"main"
            | b"menu"
            | b"nav"
            | b"ol"
            | b"p"
            | b"pre"
            | b"section"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"title"
            | b"tr"
            | b"ul"
    )
}

/// What the walk does with a tag, found by one match per element: the
/// tags it treats specially, each by its name (`Heading` with its rank,
/// `Strong` for `b` and `strong`, `Em` for `em` and `i`), else `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Other,
    Br,
    Strong,
    Em,
    Pre,
    Center,
    A,
    /// A `<button>` or an `<input>` the tree kept: one of the page's actions.
    Button,
    Input,
    Heading(u8),
    Table,
    Tr,
    Td,
    Th,
    Caption,
    Img,
    Li,
    Sup,
    Sub,
    /// `iframe`, `frame`, `embed`: another page's content, not walked.
    Frame,
    Object,
}

impl Tag {
    /// The kind of the tag named `tag`.
    pub(super) fn of(tag: &str) -> Tag {
        match tag.as_bytes() {
            b"br" => Tag::Br,
            b"b" | b"strong" => Tag::Strong,
            b"em" | b"i" => Tag::Em,
            b"pre" => Tag::Pre,
            b"center" => Tag::Center,
            b"a" => Tag::A,
            b"button" => Tag::Button,
            b"input" => Tag::Input,
            b"h1" => Tag::Heading(1),
            b"h2" => Tag::Heading(2),
            b"h3" => Tag::Heading(3),
            b"h4" => Tag::Heading(4),
            b"h5" => Tag::Heading(5),
            b"h6" => Tag::Heading(6),
            b"table" => Tag::Table,
            b"tr" => Tag::Tr,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"caption" => Tag::Caption,
            b"img" => Tag::Img,
            b"li" => Tag::Li,
            b"sup" => Tag::Sup,
            b"sub" => Tag::Sub,
            b"iframe" | b"frame" | b"embed" => Tag::Frame,
            b"object" => Tag::Object,
            _ => Tag::Other,
        }
    }
}

/// HTML's collapsible whitespace (not nbsp, not U+3000).
pub fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}
