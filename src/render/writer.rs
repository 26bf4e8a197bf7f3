//! An HTML writer that makes unsafe output a type error: markup is taken only
//! as `&'static str` (written in this crate's source), and document text
//! only through the functions of [`super::escape`].

use super::escape::{escape_attr, escape_href, escape_text, safe_url};
use crate::ids;

/// Builds an HTML string.
///
/// ```
/// use yilan::render::writer::HtmlWriter;
/// let mut w = HtmlWriter::new();
/// w.open("p");
/// w.attr("class", "x\"y");
/// w.markup(">");
/// w.text("<b>不是标签</b>");
/// w.close("p");
/// assert_eq!(w.finish(), "<p class=\"x&quot;y\">&lt;b&gt;不是标签&lt;/b&gt;</p>");
/// ```
#[derive(Debug, Default)]
pub struct HtmlWriter {
    out: String,
}

impl HtmlWriter {
    /// An empty writer.
    pub fn new() -> Self {
        HtmlWriter::default()
    }

    /// An empty writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        HtmlWriter {
            out: String::with_capacity(capacity),
        }
    }

    /// Appends markup written in this crate's source.
    pub fn markup(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// Appends text, escaped for body text.
    pub fn text(&mut self, text: &str) {
        escape_text(&mut self.out, text);
    }

    /// Starts a tag: `<name` (attributes follow, then `markup(">")`).
    pub fn open(&mut self, name: &'static str) {
        self.out.push('<');
        self.out.push_str(name);
    }

    /// Appends ` name="value"` with the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_attr(&mut self.out, value);
        self.out.push('"');
    }

    /// Appends ` name="id"` for a block's id, or for `part` of it
    /// ([`ids::Part`]). An [`ids::Id`] holds only ASCII letters, digits and
    /// hyphens, as do the parts, so nothing needs escaping.
    pub fn attr_id(&mut self, name: &'static str, id: &ids::Id, part: Option<ids::Part>) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(id.as_str());
        if let Some(part) = part {
            ids::push_part(&mut self.out, part);
        }
        self.out.push('"');
    }

    /// Appends ` name="n"`.
    pub fn attr_number(&mut self, name: &'static str, value: u32) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        ids::push_number(&mut self.out, value as usize);
        self.out.push('"');
    }

    /// Appends `n` in decimal digits, as body text.
    pub fn number(&mut self, n: usize) {
        ids::push_number(&mut self.out, n);
    }

    /// Appends ` name="url"` when [`safe_url`] accepts the URL, and says
    /// whether it did; a refused URL writes nothing.
    pub fn url_attr(&mut self, name: &'static str, url: &str) -> bool {
        let Some(url) = safe_url(url) else {
            return false;
        };
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_href(&mut self.out, &url);
        self.out.push('"');
        true
    }

    /// Starts a link, `<a href="url">`, when [`safe_url`] accepts the URL,
    /// and says whether it did; a refused URL writes nothing, so the link's
    /// text that follows is plain text.
    pub fn link_start(&mut self, url: &str) -> bool {
        let Some(url) = safe_url(url) else {
            return false;
        };
        self.out.push_str("<a href=\"");
        escape_href(&mut self.out, &url);
        self.out.push_str("\">");
        true
    }

    /// Appends `</name>`.
    pub fn close(&mut self, name: &'static str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// The HTML written so far.
    pub fn finish(self) -> String {
        self.out
    }
}
