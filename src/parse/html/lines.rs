//! The page tree → [`Line`]s, the input of the shared pipeline.
//!
//! Block elements start lines and `<br>` breaks them; headings, bold
//! (`b`, `strong`, `font-weight`), alignment (`align`, `text-align`,
//! `<center>`), links and emphasis become the line's hints and inline runs.
//! A data table gives one line per row with real cells (its module, `table`);
//! layout tables are only blocks. A breadcrumb container becomes
//! one line. After the content root, only chrome lines (打印 关闭, for the
//! actions) and attachment links are kept.
//!
//! The walk is a loop over the nodes in document order with an explicit
//! stack of open elements: no recursion, whatever the depth.

pub use super::tags::{is_block, is_html_space};

mod table;

use std::borrow::Cow;

use table::TableState;

use super::content::{self, Plan};
use super::events::{self, Element};
use super::runs::{align_of, apply_style, shifted, Buf, Style};
use super::tags::Tag;
use super::tree::{Kind, Node, NodeId, Tree};
use super::url::{embedded_document, file_name, resolve, Base, Use};
use crate::model::Image;
use crate::parse::blocks;
use crate::parse::chars::{self, TrimSpace};
use crate::parse::chrome;
use crate::parse::lines::{Align, Hints, Line};

/// An open element on the walk's stack.
struct Frame {
    id: NodeId,
    end: NodeId,
    kind: Tag,
    /// Whether the tag is a block (`is_block`).
    block: bool,
    style: Style,
}

/// What an element that is not one reads as.
static NO_ELEMENT: Element = Element {
    tag: Cow::Borrowed(""),
    attrs: Vec::new(),
};

/// The line builder.
struct Builder<'a> {
    tree: &'a Tree<'a>,
    plan: &'a Plan,
    base: Option<&'a Base>,
    out: Vec<Line<'static>>,
    /// Per line: whether it comes after the content root.
    tail: Vec<bool>,
    after_content: bool,
    buf: Buf,
    blank: bool,
    /// The breadcrumb container being flattened into one line.
    flatten: Option<NodeId>,
    table: Option<TableState>,
    /// The number of the last item of each `<ol>` open around the walk.
    ordered: Vec<(NodeId, usize)>,
}

/// Builds the lines of a page from its plan (what to read, in order).
pub fn build(tree: &Tree, plan: &Plan, base: Option<&Base>) -> Vec<Line<'static>> {
    let mut b = Builder {
        tree,
        plan,
        base,
        out: Vec::new(),
        tail: Vec::new(),
        after_content: false,
        buf: Buf::new(),
        blank: false,
        flatten: None,
        table: None,
        ordered: Vec::new(),
    };
    if let Some(crumb) = plan.crumb {
        if plan.article.is_none_or(|a| !tree.contains(a, crumb)) {
            b.walk(crumb);
        }
    }
    if let Some(article) = plan.article {
        b.walk(article);
    }
    let mut lines = Vec::with_capacity(b.out.len());
    for (line, tail) in b.out.into_iter().zip(b.tail) {
        if !tail || keep_in_tail(&line) {
            lines.push(line);
        }
    }
    for (n, line) in lines.iter_mut().enumerate() {
        line.number = u32::try_from(n + 1).unwrap_or(u32::MAX);
    }
    lines
}

/// After the content: page actions (打印 关闭) and attachment links.
fn keep_in_tail(line: &Line) -> bool {
    if line.hints.image.is_some() {
        return false;
    }
    chrome::whole_line(&line.text).is_some()
        || blocks::attachment(&line.text).is_some()
        || line
            .hints
            .inlines
            .iter()
            .any(|r| r.href.as_deref().and_then(blocks::file_type).is_some())
}

impl<'a> Builder<'a> {
    fn walk(&mut self, root: NodeId) {
        let Some(end) = self.tree.get(root).map(|n| n.end) else {
            return;
        };
        let mut stack: Vec<Frame> = Vec::new();
        let plain = Style::default();
        let mut id = root;
        while id < end {
            while stack.last().is_some_and(|f| id >= f.end) {
                if let Some(f) = stack.pop() {
                    self.close(&f);
                }
            }
            let Some(node) = self.tree.get(id) else { break };
            let style = stack.last().map_or(&plain, |f| &f.style);
            match &node.kind {
                Kind::Text(t) => {
                    self.text(events::text(t), style);
                    id += 1;
                }
                Kind::Element(_) => {
                    if id != root && content::is_chrome(self.tree, self.plan, id) {
                        id = node.end.max(id + 1);
                        continue;
                    }
                    let frame = self.open(id, style.clone());
                    // A frame's content is another page's (an `<iframe>`'s
                    // text is the markup of its fallback, unparsed).
                    let next = if frame.kind == Tag::Frame {
                        node.end.max(id + 1)
                    } else {
                        id + 1
                    };
                    stack.push(frame);
                    id = next;
                }
            }
        }
        while let Some(f) = stack.pop() {
            self.close(&f);
        }
        self.flush();
    }

    fn text(&mut self, text: &str, style: &Style) {
        let shifted = style.raised.and_then(|sup| shifted(text, sup));
        let text = shifted.as_deref().unwrap_or(text);
        if let Some(t) = &mut self.table {
            if let Some((buf, _)) = &mut t.cell {
                buf.push(text, style);
                return;
            }
            // Text between cells is whitespace of the table's markup; a
            // `<caption>`'s is a line of its own, before the rows.
            if !style.caption {
                return;
            }
        }
        self.buf.push(text, style);
    }

    fn open(&mut self, id: NodeId, mut style: Style) -> Frame {
        let tree: &'a Tree<'a> = self.tree;
        let node = tree.get(id);
        let end = node.map_or(id + 1, |n| n.end);
        let e: &'a Element<'a> = node.and_then(|n| n.element()).unwrap_or(&NO_ELEMENT);
        let tag: &'a str = events::text(&e.tag);
        let block = is_block(tag);
        let kind = Tag::of(tag);
        let flat = self.flatten.is_some();
        if !flat && Some(id) == self.plan.crumb {
            self.flush();
            self.flatten = Some(id);
        }
        let in_cell = self.table.as_ref().is_some_and(|t| t.cell.is_some());
        if block || kind == Tag::Br {
            if self.flatten.is_some() {
                self.buf.push(" ", &style);
            } else if in_cell {
                if let Some((buf, _)) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    buf.newline();
                }
            } else if self.table.is_none() || kind == Tag::Caption {
                self.flush_or_blank(kind == Tag::Br);
            }
        }
        match kind {
            Tag::Strong => style.strong = true,
            Tag::Em => style.em = true,
            Tag::Pre => style.pre = true,
            Tag::Center => style.align = Some(Align::Center),
            Tag::A => {
                if let Some(href) = e.attr("href") {
                    style.href = resolve(href, self.base, Use::Link);
                }
                // Its script: the onclick, or an address no link may have
                // (javascript:…); an ordinary link's is not read.
                let refused = style.href.is_none().then(|| e.attr("href")).flatten();
                style.action = e
                    .attr("onclick")
                    .and_then(chrome::script_action)
                    .or_else(|| refused.and_then(chrome::script_action));
            }
            // (The tree keeps only a button or an input that is an action.)
            Tag::Button | Tag::Input => {
                style.action = e.attr("onclick").and_then(chrome::script_action);
            }
            Tag::Heading(rank) => style.heading = Some(rank),
            Tag::Caption => style.caption = true,
            Tag::Sup => style.raised = Some(true),
            Tag::Sub => style.raised = Some(false),
            _ => {}
        }
        let facts = node.map(|n| n.style).unwrap_or_default();
        apply_style(facts, &mut style, block && kind != Tag::Table);
        if block && kind != Tag::Table {
            if let Some(a) = e.attr("align").and_then(align_of) {
                style.align = Some(a);
            }
        }
        if !flat {
            self.open_table_parts(id, kind, e, &style);
            if kind == Tag::Img {
                match style.action {
                    // A picture of the action's name (gov.cn's 打印 and 关闭
                    // buttons, with no alternative text): the name, a word
                    // of its own beside any text of the link.
                    Some(action) => {
                        for word in [" ", chrome::action_word(action), " "] {
                            self.text(word, &style);
                        }
                    }
                    None => self.image(e),
                }
            }
            if kind == Tag::Input {
                // Its words: the label it shows, else its action's name.
                let label = e.attr("value").map(str::trim).filter(|v| !v.is_empty());
                let action = style.action.map(chrome::action_word);
                if let Some(words) = label.or(action) {
                    for word in [" ", words, " "] {
                        self.text(word, &style);
                    }
                }
            }
            if matches!(kind, Tag::Frame | Tag::Object) {
                self.embedded(node, e, kind == Tag::Object);
            }
            if kind == Tag::Li && self.table.is_none() {
                let parent = self.tree.get(id).and_then(|n| n.parent);
                match parent.and_then(|p| self.tree.get(p)).map(|n| n.tag()) {
                    Some("ul") => {
                        self.buf.push("• ", &Style::default());
                        self.buf.space = true;
                    }
                    // The number the browser shows (1. 2. 3.), unless the
                    // item's text has one of its own.
                    Some("ol") => {
                        if let Some(number) = parent.and_then(|p| self.item_number(p, id)) {
                            let mut marker = String::new();
                            crate::ids::push_number(&mut marker, number);
                            marker.push('.');
                            self.buf.push(&marker, &Style::default());
                        }
                        self.buf.item = true;
                    }
                    _ => {}
                }
            }
        }
        Frame {
            id,
            end,
            kind,
            block,
            style,
        }
    }

    fn close(&mut self, f: &Frame) {
        if self.flatten == Some(f.id) {
            self.flatten = None;
            self.flush();
        } else if self.flatten.is_some() {
            if f.block {
                self.buf.push(" ", &f.style);
            }
        } else {
            self.close_table_parts(f);
            let in_table = self.table.is_some();
            if f.block && (!in_table || f.kind == Tag::Caption) {
                self.flush();
            } else if f.block {
                if let Some((buf, _)) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    buf.newline();
                }
            }
        }
        if Some(f.id) == self.plan.content {
            self.flush();
            self.after_content = true;
        }
    }

    /// The number of the item `li` of the list `ol` (from the list's
    /// `start`, else 1), or `None` where the item's text begins with a
    /// number of its own.
    fn item_number(&mut self, ol: NodeId, li: NodeId) -> Option<usize> {
        let at = match self.ordered.iter().rposition(|(list, _)| *list == ol) {
            Some(at) => at,
            None => {
                // (A list inside another's item is walked within it.)
                self.ordered
                    .retain(|(list, _)| self.tree.contains(*list, ol));
                // The number before the first: `start` − 1 (an
                // integer; below 1, or none, counts from 1).
                let start = self
                    .tree
                    .get(ol)
                    .and_then(|n| n.element())
                    .and_then(|e| e.attr("start"))
                    .and_then(|v| v.trim_space().parse::<i64>().ok())
                    .unwrap_or(1);
                let before = usize::try_from(start.saturating_sub(1)).unwrap_or(0);
                self.ordered.push((ol, before));
                self.ordered.len() - 1
            }
        };
        let (_, last) = self.ordered.get_mut(at)?;
        *last = last.saturating_add(1);
        let number = *last;
        let text = self.tree.text(li);
        crate::parse::numbering::parse_marker(text.trim_space(), false)
            .is_none()
            .then_some(number)
    }

    /// An image: a line of its own, or one of the images of the table cell
    /// being read. One with no usable address is dropped; in a cell, its
    /// alternative text stays in the cell's text, as a browser shows it.
    fn image(&mut self, e: &Element) {
        let alt = alt_text(e.attr("alt").unwrap_or("")).to_owned();
        let src = image_src(e, self.base);
        if let Some(t) = &mut self.table {
            if let Some((buf, cell)) = &mut t.cell {
                match src {
                    Some(src) => cell.images.push(Image { src, alt }),
                    None if !alt.is_empty() => buf.push(&alt, &Style::default()),
                    None => {}
                }
            }
            return;
        }
        let Some(src) = src else {
            return;
        };
        self.flush();
        let hints = Hints {
            image: Some(Image {
                src,
                alt: alt.clone(),
            }),
            ..Hints::default()
        };
        self.push_line(alt, hints);
    }

    /// A document the page shows in a frame (`<iframe>`, `<frame>`,
    /// `<embed>`, `<object>`: a PDF, a Word file, pdf.js's viewer with
    /// `?file=`): a link to it, on a line of its own (or in its table
    /// cell), named by the element's title or else the file's name. An
    /// `<object>` with fallback content is read by that content instead.
    fn embedded(&mut self, node: Option<&Node>, e: &Element, object: bool) {
        if object && node.is_some_and(|n| n.chars > 0) {
            return;
        }
        let attr = if object { "data" } else { "src" };
        let Some(href) = e
            .attr(attr)
            .and_then(|raw| embedded_document(raw, self.base))
        else {
            return;
        };
        let name = match e.attr("title").map(TrimSpace::trim_space) {
            Some(title) if !title.is_empty() => title.to_owned(),
            _ => file_name(&href),
        };
        let style = Style {
            href: Some(href),
            ..Style::default()
        };
        if let Some((buf, _)) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            buf.push(&name, &style);
            return;
        }
        self.flush();
        self.buf.push(&name, &style);
        self.flush();
    }

    fn flush_or_blank(&mut self, is_br: bool) {
        if is_br && self.buf.is_blank() {
            self.blank = !self.out.is_empty();
        }
        self.flush();
    }

    fn flush(&mut self) {
        if self.buf.runs.is_empty() {
            return;
        }
        let align = self.buf.align;
        let heading = self.buf.heading;
        let caption = self.buf.caption;
        let item = self.buf.item;
        let (text, inlines, strong) = self.buf.take();
        if text.is_empty() {
            self.blank = !self.out.is_empty();
            return;
        }
        let hints = Hints {
            heading,
            caption,
            strong,
            align,
            inlines,
            item,
            ..Hints::default()
        };
        self.push_line(text, hints);
    }

    fn push_line(&mut self, text: String, hints: Hints) {
        self.out.push(Line {
            number: 0,
            text: text.into(),
            indent: 0,
            blank_before: std::mem::take(&mut self.blank),
            hints,
        });
        self.tail.push(self.after_content);
    }
}

/// An image's address, resolved and allowed ([`Use::Image`]), or `None`.
/// A lazily loaded image (a portal's lazyload script) has its own address
/// in data-src or data-original, and a placeholder, or nothing, in src
/// until it is scrolled to.
fn image_src(e: &Element, base: Option<&Base>) -> Option<String> {
    ["data-src", "data-original", "src"]
        .into_iter()
        .filter_map(|name| e.attr(name))
        .find_map(|s| resolve(s, base, Use::Image))
}

/// An image's alternative text, trimmed; none where it is only a file
/// name (`正文1.jpg`, `IMG_0423.JPG`, `微信图片_20231201.png`): a CMS that
/// fills `alt` with the uploaded file's name says nothing a reader (or a
/// screen reader, or the reading aloud) could use.
fn alt_text(alt: &str) -> &str {
    let alt = alt.trim_space();
    let file_name = !alt.chars().any(char::is_whitespace)
        && chars::rsplit_once_byte(alt, b'.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && [
                    "jpg", "jpeg", "png", "gif", "bmp", "webp", "svg", "tif", "tiff",
                ]
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        });
    if file_name {
        ""
    } else {
        alt
    }
}
