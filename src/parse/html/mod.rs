//! Page HTML → Document: the second front end of the one pipeline.
//!
//! ```text
//!  html5ever (native, feature `html`) ─┐
//!  browser DOM → js/dom-events.js ─────┴─► events ─► tree ─► plan ─► lines ─► assemble
//! ```
//!
//! The events ([`events`]) come from a real HTML5 parser on both sides; the
//! tree ([`tree`]) drops hidden and skipped elements; [`content`] finds what
//! to read; [`lines`] turns it into the same [`Line`]s page text gives, and
//! the shared `assemble` step applies every rule. Page-level facts that
//! text does not have (`<meta name="ArticleTitle">`, `PubDate`,
//! `ContentSource`, `ColumnName`, `<title>`) only fill what the page's own
//! text left empty.

pub mod content;
pub mod events;
pub mod filter;
pub mod lines;
#[cfg(all(feature = "html", not(target_arch = "wasm32")))]
pub mod native;
mod runs;
pub mod selectors;
mod tags;
pub mod tree;
pub mod url;

use self::events::Event;
use self::tree::Tree;
use super::assemble::assemble_with;
use super::lines::{Line, Trace};
use crate::error::{Diagnostic, DiagnosticCode};
use crate::model::{Crumb, Document, MetaField, MetaKey};

/// How to read a page.
///
/// # Defaults
/// No base URL: relative links stay relative.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// The page's own address, to resolve relative links and images
    /// against (a `<base href>` in the page is resolved against it and
    /// then used instead).
    pub base_url: Option<String>,
}

/// Parses page HTML into a document with html5ever. Never fails and never
/// panics; a page whose content cannot be found gives a document with a
/// `noContent` diagnostic.
///
/// ```
/// let html = "<div id=zoom><p>一、总体情况</p><p>今年以来，工作有序推进。</p></div>";
/// let doc = yilan::parse_html(html, &yilan::HtmlOptions::default());
/// assert_eq!(doc.body.len(), 1);
/// ```
#[cfg(all(feature = "html", not(target_arch = "wasm32")))]
pub fn parse_html(input: &str, options: &HtmlOptions) -> Document {
    parse_html_traced(input, options).0
}

/// Like [`parse_html`], and also returns the chrome taken out and the lines
/// read, for audits.
#[cfg(all(feature = "html", not(target_arch = "wasm32")))]
pub fn parse_html_traced(
    input: &str,
    options: &HtmlOptions,
) -> (Document, Trace, Vec<Line<'static>>) {
    let (events, too_deep) = native::events(input);
    let mut out = parse_events_traced(events, options);
    if too_deep {
        out.0.diagnostics.push(Diagnostic::new(
            DiagnosticCode::Truncated,
            format!(
                "the page nests elements deeper than {} levels; the rest was not read",
                native::MAX_DEPTH
            ),
            None,
        ));
    }
    out
}

/// Parses a page from its event stream (what the browser's walker gives,
/// decoded). Never fails and never panics.
pub fn parse_events(events: Vec<Event>, options: &HtmlOptions) -> Document {
    let (tree, plan, lines) = read(events, options);
    assemble_page(&tree, &plan, lines).0
}

/// Parses the compact encoding `js/dom-events.js` produces. A damaged
/// encoding gives the document of what came before the damage, with a
/// diagnostic.
pub fn parse_encoded(encoded: &str, options: &HtmlOptions) -> Document {
    let (events, damage) = events::decode(encoded);
    let mut doc = parse_events(events, options);
    if let Some(d) = damage {
        let code = if d.truncated {
            DiagnosticCode::Truncated
        } else {
            DiagnosticCode::Garbled
        };
        doc.diagnostics.push(Diagnostic::new(
            code,
            format!(
                "{} (at offset {}); what came before is kept",
                d.what, d.offset
            ),
            None,
        ));
    }
    doc
}

/// Like [`parse_events`], and also returns the chrome taken out and the
/// lines read.
pub fn parse_events_traced(
    events: Vec<Event>,
    options: &HtmlOptions,
) -> (Document, Trace, Vec<Line<'static>>) {
    let (tree, plan, lines) = read(events, options);
    let (doc, trace) = assemble_page(&tree, &plan, lines.clone());
    (doc, trace, lines)
}

/// The page's lines → its document: the shared pipeline, with the title the
/// page's `<title>` names, and the page's facts where its text left gaps.
fn assemble_page(tree: &Tree, plan: &content::Plan, lines: Vec<Line<'_>>) -> (Document, Trace) {
    let title = content::page_title(tree);
    let (mut doc, trace) = assemble_with(lines, title.as_deref());
    page_facts(tree, plan, title, &mut doc);
    (doc, trace)
}

/// The page's tree, its plan and the lines read from it.
fn read<'a>(
    events: Vec<Event<'a>>,
    options: &HtmlOptions,
) -> (Tree<'a>, content::Plan, Vec<Line<'static>>) {
    let tree = Tree::build(events);
    let plan = content::find(&tree);
    let base = base(&tree, options);
    let lines = lines::build(&tree, &plan, base.as_ref());
    (tree, plan, lines)
}

/// The text of the content root, whitespace collapsed, for audits ("the
/// content's text is all in the document"); `None` when none was found.
pub fn content_text(events: Vec<Event>) -> Option<String> {
    let tree = Tree::build(events);
    let plan = content::find(&tree);
    plan.content.map(|c| content::collapse(&tree.text(c)))
}

/// The base to resolve against: `<base href>` resolved against the page's
/// address, else the address.
fn base(tree: &Tree, options: &HtmlOptions) -> Option<url::Base> {
    let page = options.base_url.as_deref().and_then(url::Base::parse);
    let declared = tree
        .nodes
        .iter()
        .filter_map(|n| n.element())
        .find(|e| e.tag == "base" && e.attr("href").is_some())
        .and_then(|e| e.attr("href"))
        .and_then(|h| url::resolve(h, page.as_ref(), url::Use::Link))
        .and_then(|h| url::Base::parse(&h));
    declared.or(page)
}

/// Fills what the page's text left empty from page-level facts, and says
/// when no content was found. `page_title` is the `<title>`, the site's name
/// cut off ([`content::page_title`]).
fn page_facts(tree: &Tree, plan: &content::Plan, page_title: Option<String>, doc: &mut Document) {
    if plan.content.is_none() {
        doc.diagnostics.insert(
            0,
            Diagnostic::new(
                DiagnosticCode::NoContent,
                "the page's main content could not be located",
                None,
            ),
        );
    }
    if doc.title.is_none() {
        let slot = plan
            .title
            .map(|t| content::collapse(&tree.text(t)))
            .filter(|t| !t.is_empty());
        let meta = tree
            .meta("ArticleTitle")
            .map(content::collapse)
            .filter(|t| !t.is_empty());
        doc.title = slot.or(meta).or(page_title);
        if doc.title.is_some() {
            doc.diagnostics
                .retain(|d| d.code != DiagnosticCode::NoTitle);
        }
    }
    let fills = [
        ("PubDate", MetaKey::Published, "发布日期"),
        ("ContentSource", MetaKey::Source, "来源"),
    ];
    for (name, key, label) in fills {
        let value = tree.meta(name).map(content::collapse).unwrap_or_default();
        if !value.is_empty() && doc.meta_value(key).is_none() {
            doc.meta.push(MetaField {
                key,
                label: label.to_owned(),
                value,
            });
        }
    }
    if doc.breadcrumb.is_empty() {
        if let Some(column) = tree.meta("ColumnName").map(content::collapse) {
            if !column.is_empty() {
                doc.breadcrumb.push(Crumb {
                    label: column,
                    href: None,
                });
            }
        }
    }
}
