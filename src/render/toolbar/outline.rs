//! 目录: the document's sections as the outline panel lists them, and the
//! panel itself.

use crate::ids;
use crate::model::{Block, Document};
use crate::render::document_lang;

use super::{close_button, OUTLINE_PANEL_ID};
use crate::render::strings::{ToolbarWords, Ui};
use crate::render::writer::HtmlWriter;

/// One entry of the outline (目录): a section heading to jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    /// The id of the heading in the view ([`ids::heading_id`]).
    pub target: String,
    /// Nesting depth, 1 for a top-level section.
    pub depth: usize,
    /// The section's marker as written (一、, （一）).
    pub marker: String,
    /// The heading after the marker.
    pub heading: String,
    /// Where the section has a marker but no heading (第一条 and its
    /// text), the start of its text, to tell the entries apart
    /// (为加强资源管理…); else empty.
    pub excerpt: String,
}

/// Characters of a section's text an outline entry shows at most.
const EXCERPT_CHARS: usize = 18;

/// The start of `text` up to its first clause mark, or to
/// [`EXCERPT_CHARS`], with "…" where the text goes on.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == EXCERPT_CHARS
            || matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':')
        {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// The outline of the document's sections, in reading order, with the ids
/// the rendered view gives their headings.
pub fn outline(doc: &Document) -> Vec<OutlineEntry> {
    let mut entries = Vec::new();
    ids::walk(doc, |path, block| {
        if let Block::Section(section) = block {
            entries.push(OutlineEntry {
                target: ids::heading_id(&ids::block_id(path, block)),
                depth: path.len(),
                marker: section.marker.clone(),
                heading: section.heading.clone(),
                excerpt: section
                    .opening_paragraph()
                    .filter(|_| section.number_only())
                    .map(excerpt)
                    .unwrap_or_default(),
            });
        }
    });
    entries
}

/// 目录: the sections, indented by depth; choosing one moves focus to its
/// heading. The entries are the document's words, so they carry its
/// language when the toolbar's differs.
pub(super) fn write_outline_panel(out: &mut HtmlWriter, doc: &Document, ui: &Ui, w: &ToolbarWords) {
    out.open("nav");
    out.attr("id", OUTLINE_PANEL_ID);
    out.markup(" class=\"yl-panel\" data-yl-elderly hidden");
    out.attr("aria-labelledby", "yl-tb-outline-title");
    out.markup(">\n<p id=\"yl-tb-outline-title\" class=\"yl-panel-title\">");
    out.text(w.outline_panel);
    out.markup("</p>\n");
    let entries = outline(doc);
    if entries.is_empty() {
        out.markup("<p class=\"yl-panel-note\">");
        out.text(w.outline_empty);
        out.markup("</p>\n");
    } else {
        out.markup("<ol class=\"yl-outline\"");
        if ui.lang.is_some() {
            out.attr("lang", document_lang(doc));
        }
        out.markup(">\n");
        for entry in &entries {
            out.markup("<li");
            out.attr_number("data-depth", u32::try_from(entry.depth.min(4)).unwrap_or(4));
            out.markup("><button type=\"button\" class=\"yl-outline-entry\"");
            out.attr("data-yl-target", &entry.target);
            out.markup(">");
            crate::render::blocks::write_heading_marker(out, &entry.marker);
            if entry.heading.trim().is_empty() && entry.marker.trim().is_empty() {
                ui.word(out, ui.words.untitled_section);
            } else if !entry.excerpt.is_empty() {
                out.markup("<span class=\"yl-excerpt\">");
                out.text(&entry.excerpt);
                out.markup("</span>");
            } else {
                out.text(&entry.heading);
            }
            out.markup("</button></li>\n");
        }
        out.markup("</ol>\n");
    }
    close_button(out, w);
    out.markup("</nav>\n");
}
