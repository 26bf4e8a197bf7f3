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
    /// What ids are written with in place of [`ids::PREFIX`], for a view
    /// that shares its page with others; `None`: ids as [`ids`] makes them.
    prefix: Option<String>,
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
            prefix: None,
        }
    }

    /// Writes every id from here on, and every reference to one, with
    /// `prefix` in place of [`ids::PREFIX`]; a prefix that
    /// [`ids::is_prefix`] refuses, or [`ids::PREFIX`] itself, leaves ids as
    /// they are. A view with a prefix of its own is taken to share its page
    /// with other views (see [`Self::shares_page`]).
    ///
    /// ```
    /// use yilan::render::writer::HtmlWriter;
    /// let mut w = HtmlWriter::new();
    /// w.set_id_prefix("news-");
    /// w.open("h1");
    /// w.fixed_id("id", yilan::ids::TITLE);
    /// w.markup(">");
    /// assert_eq!(w.finish(), "<h1 id=\"news-title\">");
    /// ```
    pub fn set_id_prefix(&mut self, prefix: &str) {
        self.prefix = (prefix != ids::PREFIX && ids::is_prefix(prefix)).then(|| prefix.to_owned());
    }

    /// Whether ids are written with a prefix of their own
    /// ([`Self::set_id_prefix`]): the view shares its page with others, and
    /// its landmarks are named with the document's title as well, so that
    /// two views' landmarks differ.
    pub fn shares_page(&self) -> bool {
        self.prefix.is_some()
    }

    /// Appends `id`, one of [`ids`]'s (ASCII letters, digits and hyphens),
    /// with the view's prefix.
    fn push_id(&mut self, id: &str) {
        match (&self.prefix, id.strip_prefix(ids::PREFIX)) {
            (Some(prefix), Some(rest)) => {
                self.out.push_str(prefix);
                self.out.push_str(rest);
            }
            _ => self.out.push_str(id),
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
        self.push_id(id.as_str());
        if let Some(part) = part {
            ids::push_part(&mut self.out, part);
        }
        self.out.push('"');
    }

    /// Appends ` name="id"` for one of the fixed ids of [`ids`]
    /// ([`ids::TITLE`], [`ids::META`], …), with the view's prefix.
    pub fn fixed_id(&mut self, name: &'static str, id: &'static str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.push_id(id);
        self.out.push('"');
    }

    /// Appends ` aria-labelledby="…"` that names a landmark (a region or a
    /// navigation) by the element `id` (one of [`ids`]'s, a block's or a
    /// fixed one), or `part` of it, and, in a view that shares its page
    /// ([`Self::shares_page`]), by the document's title after it: "文档信息
    /// 关于…的通知", so that the landmarks of two views differ. `id` is
    /// written as it is: only this crate's renderer, with ids from [`ids`],
    /// calls this.
    pub(crate) fn landmark_label(&mut self, id: &str, part: Option<ids::Part>) {
        self.out.push_str(" aria-labelledby=\"");
        self.push_id(id);
        if let Some(part) = part {
            ids::push_part(&mut self.out, part);
        }
        if self.shares_page() {
            self.out.push(' ');
            self.push_id(ids::TITLE);
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
