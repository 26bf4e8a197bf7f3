//! Document + options → semantic HTML. `escape.rs` is the only place that
//! escapes, and [`writer::HtmlWriter`] the only way to write.
//!
//! The view's root is an `<article class="yl-view">` whose `data-mode`,
//! `data-theme` and `data-scale` attributes drive the stylesheet
//! ([`stylesheet`]): switching mode, theme or text size changes those
//! attributes only, never the rendered HTML.
//!
//! ```
//! use yilan::model::{Block, Document, Paragraph};
//! let doc = Document {
//!     title: Some("通知".into()),
//!     body: vec![Block::Paragraph(Paragraph::plain("正文<b>"))],
//!     ..Document::default()
//! };
//! let html = yilan::render(&doc, &yilan::RenderOptions::default());
//! assert!(html.contains("<h1 id=\"yl-title\" class=\"yl-title\">通知</h1>"));
//! assert!(html.contains("<p id=\"yl-p1\">正文&lt;b&gt;</p>"));
//! ```

mod blocks;
pub mod escape;
mod standalone;
mod strings;
mod style;
pub mod toolbar;
pub mod writer;

pub use standalone::standalone;
pub use strings::Locale;
pub use style::{stylesheet, BASE_STYLESHEET, MEDIA_STYLESHEET};

use crate::ids;
use crate::model::{Action, Document, MetaKey};
use crate::theme;

use strings::Ui;
use writer::HtmlWriter;

/// Reading mode of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The clean reading view (WCAG 2.2 AA).
    #[default]
    Standard,
    /// 老年模式: larger text, generous spacing, large targets.
    Elderly,
}

impl Mode {
    /// The mode named `standard` or `elderly` (as in `data-mode` and on the
    /// command line), if it is one.
    pub fn from_name(name: &str) -> Option<Mode> {
        match name {
            "standard" => Some(Mode::Standard),
            "elderly" => Some(Mode::Elderly),
            _ => None,
        }
    }

    /// The `data-mode` value: `standard` or `elderly`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Standard => "standard",
            Mode::Elderly => "elderly",
        }
    }
}

/// How to render.
///
/// # Defaults
/// Standard mode, theme [`theme::AUTO`] (the standard theme, in its dark
/// palette when the system prefers a dark scheme), scale 1, locale zh-CN.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// Standard or elderly mode.
    pub mode: Mode,
    /// A theme id from [`crate::theme::themes`], or [`theme::AUTO`]; an
    /// unknown id renders as [`theme::AUTO`].
    pub theme: String,
    /// Text scale step: 1, 1.25, 1.5, 1.75, 2, 2.5 or 3; other values snap
    /// to the nearest step ([`theme::scale_step`]).
    pub scale: f32,
    /// The language of the view's own words (当前位置, 打印, …).
    pub locale: Locale,
    /// What every id of the view starts with, in place of [`ids::PREFIX`]
    /// (`yl-`), and so every reference to one (`aria-labelledby`): each
    /// view on one page needs a prefix of its own, or their ids repeat. It
    /// must pass [`ids::is_prefix`] (1 to 32 ASCII letters, digits, `-` or
    /// `_`, the first a letter); one that does not renders as `yl-`, as
    /// does `None`, the default.
    ///
    /// A view with a prefix other than `yl-` is taken to share its page:
    /// its landmarks (文档信息, 当前位置, tables, a printed 目录) are named
    /// with the document's title after their own name, so that two views'
    /// landmarks differ. A speech plan for the view takes the same prefix
    /// ([`crate::SpeechOptions::id_prefix`]).
    pub id_prefix: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            mode: Mode::Standard,
            theme: theme::AUTO.to_owned(),
            scale: 1.0,
            locale: Locale::ZhCn,
            id_prefix: None,
        }
    }
}

impl RenderOptions {
    /// The `data-theme` value to write: the chosen theme when it exists.
    pub fn theme_id(&self) -> &str {
        match theme::find(&self.theme) {
            Some(found) => found.id,
            None => theme::AUTO,
        }
    }
}

/// The document's language tag when it looks like a BCP 47 tag (letters,
/// digits and hyphens, starting with a 2–8 letter language), else `zh-CN`,
/// so that a broken tag never reaches the `lang` attribute.
pub fn document_lang(doc: &Document) -> &str {
    let lang = doc.lang.as_str();
    let mut subtags = lang.split('-');
    let primary_ok = subtags
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        subtags.all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok && lang.len() <= 35 {
        lang
    } else {
        "zh-CN"
    }
}

/// The document's title, or its metadata's 标题; `None` when it has neither
/// (the view then shows a placeholder in its own language).
pub(crate) fn document_title(doc: &Document) -> Option<&str> {
    doc.title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| {
            doc.meta_value(MetaKey::Title)
                .filter(|t| !t.trim().is_empty())
        })
}

/// Renders the document as an HTML fragment: one `<article class="yl-view">`
/// with a header (breadcrumb, the `<h1>`, metadata), the body, and a footer
/// with the page's actions.
pub fn render(doc: &Document, options: &RenderOptions) -> String {
    let mut w = HtmlWriter::with_capacity(estimate_size(doc));
    write_view(&mut w, doc, options);
    w.finish()
}

/// Writes the view (what [`render`] returns) into `w`.
fn write_view(w: &mut HtmlWriter, doc: &Document, options: &RenderOptions) {
    if let Some(prefix) = &options.id_prefix {
        w.set_id_prefix(prefix);
    }
    let ui = Ui::new(options.locale, document_lang(doc));
    w.markup("<article class=\"yl-view\"");
    w.attr("lang", document_lang(doc));
    w.attr("data-mode", options.mode.as_str());
    w.attr("data-theme", options.theme_id());
    // An attribute, not an inline `style`: a strict Content-Security-Policy
    // blocks style attributes, and the stylesheet maps each step to
    // --yl-scale (a host may still set --yl-scale itself).
    w.attr("data-scale", theme::scale_step(options.scale));
    w.fixed_id("aria-labelledby", ids::TITLE);
    w.markup(">\n<header class=\"yl-header\">\n");
    write_breadcrumb(w, doc, &ui);
    w.open("h1");
    w.fixed_id("id", ids::TITLE);
    w.markup(" class=\"yl-title\"");
    match document_title(doc) {
        Some(title) => {
            w.markup(">");
            w.text(title);
        }
        None => {
            ui.lang_attr(w);
            w.markup(">");
            w.text(ui.words.untitled);
        }
    }
    w.markup("</h1>\n");
    write_meta(w, doc, &ui);
    w.markup("</header>\n<div class=\"yl-body\">\n");
    blocks::write_body(w, &doc.body, &ui);
    if doc.body.is_empty() {
        w.markup("<p class=\"yl-no-body\"");
        w.fixed_id("id", ids::NO_BODY);
        w.markup(">");
        ui.word(w, ui.words.no_body);
        w.markup("</p>\n");
    }
    w.markup("</div>\n");
    write_actions(w, &doc.actions, &ui);
    w.markup("</article>\n");
}

/// 当前位置: the breadcrumb as a labelled navigation list.
fn write_breadcrumb(w: &mut HtmlWriter, doc: &Document, ui: &Ui) {
    if doc.breadcrumb.is_empty() {
        return;
    }
    w.open("nav");
    w.fixed_id("id", ids::BREADCRUMB);
    w.markup(" class=\"yl-breadcrumb\"");
    w.attr("aria-label", ui.words.breadcrumb);
    if w.shares_page() {
        // Named by its own label (a reference to itself gives its
        // `aria-label`) and the title.
        w.landmark_label(ids::BREADCRUMB, None);
    }
    // The visible label repeats the nav's name, so screen readers skip it.
    w.markup("><span class=\"yl-breadcrumb-label\" aria-hidden=\"true\"");
    ui.lang_attr(w);
    w.markup(">");
    w.text(ui.words.breadcrumb_visible);
    w.markup("</span><ol>\n");
    for crumb in &doc.breadcrumb {
        w.markup("<li>");
        let linked = crumb.href.as_deref().is_some_and(|href| w.link_start(href));
        w.text(&crumb.label);
        if linked {
            w.markup("</a>");
        }
        w.markup("</li>\n");
    }
    w.markup("</ol></nav>\n");
}

/// The metadata block as a `<dl>` with the labels as written.
///
/// An empty value (a page's 文号: with nothing after it) is shown as "—",
/// hidden from screen readers, which hear "未填写" instead of a dash or
/// silence. A field that only repeats the title is left out
/// ([`Document::repeats_title`]).
fn write_meta(w: &mut HtmlWriter, doc: &Document, ui: &Ui) {
    let meta = &doc.meta;
    if meta.iter().all(|field| doc.repeats_title(field)) {
        return;
    }
    w.markup("<section class=\"yl-meta\"");
    w.landmark_label(ids::META_HEADING, None);
    w.markup(">\n");
    w.open("h2");
    w.fixed_id("id", ids::META_HEADING);
    w.markup(" class=\"yl-meta-heading\"");
    ui.lang_attr(w);
    w.markup(">");
    w.text(ui.words.meta);
    w.markup("</h2>\n");
    w.open("dl");
    w.fixed_id("id", ids::META);
    w.markup(">\n");
    let list_id = ids::Id::meta();
    for (index, field) in meta.iter().enumerate() {
        // (Its index is kept: the ids of the others stay as they were.)
        if doc.repeats_title(field) {
            continue;
        }
        w.open("div");
        w.attr_id("id", &list_id, Some(ids::Part::Item(index)));
        w.markup(" class=\"yl-meta-item\"");
        w.attr("data-key", field.key.as_str());
        w.markup("><dt>");
        w.text(&field.label);
        w.markup("</dt>");
        if field.is_blank() {
            w.markup("<dd class=\"yl-empty\"><span aria-hidden=\"true\">—</span><span class=\"yl-visually-hidden\"");
            ui.lang_attr(w);
            w.markup(">");
            w.text(ui.words.empty_value);
            w.markup("</span></dd>");
        } else {
            w.markup("<dd>");
            w.text(&field.value);
            w.markup("</dd>");
        }
        w.markup("</div>\n");
    }
    w.markup("</dl>\n</section>\n");
}

/// The page's actions (打印, 关闭) as real buttons.
fn write_actions(w: &mut HtmlWriter, actions: &[Action], ui: &Ui) {
    if actions.is_empty() {
        return;
    }
    w.markup("<footer class=\"yl-footer\">\n<div class=\"yl-actions\" role=\"group\"");
    w.attr("aria-label", ui.words.actions);
    ui.lang_attr(w);
    w.markup(">\n");
    for &action in actions {
        w.markup("<button type=\"button\" class=\"yl-button\"");
        w.attr("data-action", action.as_str());
        w.markup(">");
        w.text(ui.words.action(action));
        w.markup("</button>\n");
    }
    w.markup("</div>\n</footer>\n");
}

/// A guess at the output size, to allocate once: each block's text with
/// room for its markup, ids and escapes. Generous rather than short: a
/// guess too small makes the whole output be copied once more, which on
/// large documents costs more than the unused room.
fn estimate_size(doc: &Document) -> usize {
    use crate::model::Block;
    // Text grows by its escapes and inline markup; each piece of a block
    // (an item, a cell) gets its element, attributes and id.
    let text = |len: usize| len + len / 4;
    let mut size = 4096;
    ids::walk(doc, |_, block| {
        size += match block {
            Block::Paragraph(p) => text(p.text.len()) + 64,
            Block::Section(s) => text(s.heading.len() + s.marker.len()) + 256,
            Block::List(list) => list
                .items
                .iter()
                .map(|item| {
                    let lead = item.lead.as_ref().map_or(0, String::len);
                    text(item.text.len() + lead + item.marker.len()) + 96
                })
                .sum::<usize>()
                .saturating_add(64),
            Block::Table(table) => table
                .rows
                .iter()
                .map(|row| {
                    row.cells
                        .iter()
                        .map(|cell| {
                            let images: usize = cell
                                .images
                                .iter()
                                .map(|i| text(i.src.len() + i.alt.len()) + 48)
                                .sum();
                            text(cell.text.len()) + 48 + images
                        })
                        .sum::<usize>()
                        + 16
                })
                .sum::<usize>()
                .saturating_add(256),
            Block::Addressee(t) | Block::Note(t) => text(t.text.len()) + 128,
            _ => 512,
        }
    });
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guess covers the whole view of every text fixture (so the output
    /// is never copied to grow), and is not wildly more than it.
    #[test]
    fn the_size_guess_covers_the_output_without_much_to_spare() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = crate::parse_text(&text);
            for mode in [Mode::Standard, Mode::Elderly] {
                let options = RenderOptions {
                    mode,
                    ..RenderOptions::default()
                };
                let out = render(&doc, &options).len();
                let guess = estimate_size(&doc);
                assert!(
                    guess >= out,
                    "{}: guessed {guess}, wrote {out}",
                    path.display()
                );
                assert!(
                    guess <= 2 * out + 4096,
                    "{}: guessed {guess}, wrote {out}",
                    path.display()
                );
            }
            seen += 1;
        }
        assert!(seen >= 10, "read the fixtures");
    }
}
