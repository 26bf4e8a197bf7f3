//! The body: one `match` over [`Block`], walked with an explicit stack.

use crate::ids::{self, Part};
use crate::model::{
    Attachments, Block, Contents, Image, Inline, List, Section, Signature, Table, TableCell,
};

use super::escape::safe_url;
use super::strings::Ui;
use super::writer::HtmlWriter;

/// Writes the body's blocks in document order.
///
/// Sections nest by pushing their blocks on a stack: validated documents
/// nest at most [`crate::model::MAX_LEVEL`] deep, but a document built in
/// code may nest deeper, and an explicit stack cannot overflow.
pub(crate) fn write_body(w: &mut HtmlWriter, body: &[Block], ui: &Ui) {
    let mut stack: Vec<(&[Block], usize)> = vec![(body, 0)];
    let mut path: Vec<usize> = Vec::new();
    let mut tables = 0usize;
    // One buffer for every block's id.
    let mut id = ids::Id::new();
    while let Some(frame) = stack.last_mut() {
        let (blocks, index) = (frame.0, frame.1);
        let Some(block) = blocks.get(index) else {
            stack.pop();
            if !stack.is_empty() {
                path.pop();
                w.markup("</section>\n");
            }
            continue;
        };
        frame.1 += 1;
        path.push(index);
        id.set(&path, block);
        let id = &id;
        match block {
            Block::Section(section) => {
                // The title is the h1, so top-level sections are h2; the rank
                // follows the nesting depth, not the outline level, so that
                // a section that skips a level (一、 directly holding 1.)
                // still never skips a heading rank.
                write_section_start(w, section, id, stack.len() + 1, ui);
                stack.push((&section.blocks, 0));
                continue;
            }
            Block::Paragraph(paragraph) => {
                w.open("p");
                w.attr_id("id", id, None);
                w.markup(">");
                write_inlines(w, &paragraph.inlines, &paragraph.text);
                w.markup("</p>\n");
            }
            Block::List(list) => write_list(w, list, id),
            Block::Table(table) => {
                tables += 1;
                write_table(w, table, id, tables, ui);
            }
            Block::Attachments(attachments) => write_attachments(w, attachments, id, ui),
            Block::Signature(signature) => write_signature(w, signature, id),
            Block::Addressee(addressee) => {
                w.open("p");
                w.attr_id("id", id, None);
                w.markup(" class=\"yl-addressee\">");
                w.text(&addressee.text);
                w.markup("</p>\n");
            }
            Block::Note(note) => {
                w.open("p");
                w.attr_id("id", id, None);
                w.markup(" class=\"yl-note\">");
                w.text(&note.text);
                w.markup("</p>\n");
            }
            Block::Contents(contents) => write_contents(w, contents, id, ui),
            Block::Image(image) => write_image(w, image, id),
        }
        path.pop();
    }
}

/// The heading element of a section at heading rank `rank` (2 for a
/// top-level section); ranks past 6 stay 6.
fn heading_tag(rank: usize) -> &'static str {
    match rank {
        0..=2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

/// Opens a section and writes its heading.
///
/// A run-in heading ("（一）重点项目加速推进。台州新材料…") is rendered as a
/// real heading, not as a bold lead inside its paragraph: the section holds
/// more than that paragraph (often a whole 一是/二是 list), which a bold lead
/// cannot span; heading navigation, the outline and the speech plan need
/// every （一） as a section; and the reading order is the same either way,
/// because the heading's text comes first in both. It is styled to sit close
/// to its text, as a lead does.
fn write_section_start(w: &mut HtmlWriter, section: &Section, id: &ids::Id, rank: usize, ui: &Ui) {
    w.open("section");
    w.attr_id("id", id, None);
    // A heading that is only a number (第一条), with the article's text
    // after it, leads that text's first line, as print sets it
    // (第一条　为加强…); it stays the section's heading.
    w.markup(" class=\"yl-section");
    if section.run_in {
        w.markup(" yl-run-in");
    }
    if section.number_only() && section.opening_paragraph().is_some() {
        w.markup(" yl-leads");
    }
    w.markup("\"");
    w.attr_number("data-level", u32::from(section.level));
    // Not named after its heading: a named section is a region landmark,
    // and a document's dozen sections would crowd a screen reader's list
    // of landmarks with what its list of headings already gives.
    w.markup(">\n");
    let tag = heading_tag(rank);
    w.open(tag);
    w.attr_id("id", id, Some(Part::Heading));
    w.markup(">");
    write_heading_marker(w, &section.marker);
    if section.heading.trim().is_empty() && section.marker.trim().is_empty() {
        ui.word(w, ui.words.untitled_section);
    } else {
        w.text(&section.heading);
    }
    w.close(tag);
    w.markup("\n");
}

/// Writes runs of text with their links and emphasis, or `text` when there
/// are no runs. A link whose target is refused (see
/// [`super::escape::safe_url`]) becomes plain text.
pub(crate) fn write_inlines(w: &mut HtmlWriter, runs: &[Inline], text: &str) {
    if runs.is_empty() {
        w.text(text);
        return;
    }
    for run in runs {
        let linked = run.href.as_deref().is_some_and(|href| w.link_start(href));
        if run.strong {
            w.markup("<strong>");
        }
        if run.em {
            w.markup("<em>");
        }
        w.text(&run.text);
        if run.em {
            w.markup("</em>");
        }
        if run.strong {
            w.markup("</strong>");
        }
        if linked {
            w.markup("</a>");
        }
    }
}

/// The most characters of an item of a list set close (marker and text).
const SHORT_ITEM_CHARS: usize = 20;

/// 一是/二是 enumerations and numbered items: the marker as written (so the
/// list style is off and nothing is numbered twice), the lead in bold.
fn write_list(w: &mut HtmlWriter, list: &List, id: &ids::Id) {
    let tag = if list.ordered { "ol" } else { "ul" };
    w.open(tag);
    w.attr_id("id", id, None);
    // A list of short items (names, places, units: 1.上盘村) is set close,
    // as a column; a list of sentences keeps the paragraphs' spacing.
    let short = list.items.iter().all(|item| {
        item.marker.chars().count()
            + item.lead.as_deref().map_or(0, |l| l.chars().count())
            + item.text.chars().count()
            <= SHORT_ITEM_CHARS
    });
    w.markup(if short {
        " class=\"yl-list yl-short\">\n"
    } else {
        " class=\"yl-list\">\n"
    });
    for (n, item) in list.items.iter().enumerate() {
        w.open("li");
        w.attr_id("id", id, Some(Part::Item(n)));
        w.markup(">");
        match &item.lead {
            Some(lead) => {
                w.markup("<strong class=\"yl-lead\">");
                write_marker(w, &item.marker);
                w.text(lead);
                w.markup("</strong>");
            }
            None => write_marker(w, &item.marker),
        }
        write_inlines(w, &item.inlines, &item.text);
        w.markup("</li>\n");
    }
    w.close(tag);
    w.markup("\n");
}

/// A heading's marker. One that ends in a word or a number (第一章, 第三条,
/// 附件1, 1.2), where print puts a space before the heading (第一章　总则),
/// is set apart by the stylesheet; punctuation (一、, （一）, 1.) is gap
/// enough. The text stays as written, for copying and for speech.
pub(crate) fn write_heading_marker(w: &mut HtmlWriter, marker: &str) {
    if marker.is_empty() {
        return;
    }
    let gap = marker.chars().next_back().is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || crate::parse::lines::is_cjk(c)
            || matches!(c, '〇' | '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
    });
    marker_span(w, marker, gap);
}

fn write_marker(w: &mut HtmlWriter, marker: &str) {
    if !marker.is_empty() {
        marker_span(w, marker, false);
    }
}

fn marker_span(w: &mut HtmlWriter, marker: &str, gap: bool) {
    w.markup(if gap {
        "<span class=\"yl-marker yl-gap\">"
    } else {
        "<span class=\"yl-marker\">"
    });
    w.text(marker);
    w.markup("</span>");
}

/// A table in its own focusable, labelled scroll region, so that a wide
/// table scrolls inside the page instead of the page scrolling sideways
/// (WCAG 1.4.10 lets tables scroll in two dimensions).
fn write_table(w: &mut HtmlWriter, table: &Table, id: &ids::Id, number: usize, ui: &Ui) {
    w.markup("<div class=\"yl-table\" role=\"region\"");
    w.landmark_label(id.as_str(), Some(Part::Label));
    // Shown by the stylesheet where the viewer finds the table wider than
    // the column (see `yl-table-scrolls`).
    w.attr("data-yl-hint", ui.words.table_scrolls);
    w.markup(" tabindex=\"0\">\n");
    w.open("table");
    w.attr_id("id", id, None);
    w.markup(">\n");
    w.open("caption");
    w.attr_id("id", id, Some(Part::Label));
    match &table.caption {
        Some(caption) if !caption.trim().is_empty() => {
            w.markup(">");
            w.text(caption);
        }
        _ => {
            // Every table needs a name; a page without a caption gets a
            // numbered one that only screen readers announce.
            w.markup(" class=\"yl-visually-hidden\"");
            ui.lang_attr(w);
            w.markup(">");
            w.text(ui.words.table);
            w.text(" ");
            w.number(number);
        }
    }
    w.markup("</caption>\n");
    let head_rows = table.rows.iter().take_while(|row| row.header).count();
    let (head, body) = table.rows.split_at(head_rows.min(table.rows.len()));
    if !head.is_empty() {
        w.markup("<thead>\n");
        for (r, row) in head.iter().enumerate() {
            write_row(w, &row.cells, true, id, r);
        }
        w.markup("</thead>\n");
    }
    if !body.is_empty() {
        w.markup("<tbody>\n");
        for (r, row) in body.iter().enumerate() {
            write_row(w, &row.cells, row.header, id, head.len() + r);
        }
        w.markup("</tbody>\n");
    }
    w.markup("</table>\n</div>\n");
}

/// A row; each cell carries its [`ids::cell_id`], which the speech plan
/// highlights while it reads the cell.
fn write_row(
    w: &mut HtmlWriter,
    cells: &[TableCell],
    header_row: bool,
    table_id: &ids::Id,
    row: usize,
) {
    // The cells a body row begins with that span rows (一级指标 一、医疗质量
    // over 24 rows, then （一）功能定位 over 7) name the rows they span:
    // their headers, for a screen reader moving along them.
    let categories = cells
        .iter()
        .take_while(|cell| cell.rowspan > 1 && !cell.text.trim().is_empty())
        .count();
    let categories = if categories < cells.len() {
        categories
    } else {
        0
    };
    w.markup("<tr>");
    for (c, cell) in cells.iter().enumerate() {
        let header = header_row || cell.header || c < categories;
        let tag = if header { "th" } else { "td" };
        w.open(tag);
        w.attr_id("id", table_id, Some(Part::Cell(row, c)));
        if header {
            // `col` and `row` cover every column or row a spanning cell
            // spans; `colgroup`/`rowgroup` would need <colgroup> elements
            // and row groups this table does not have.
            w.attr("scope", if header_row { "col" } else { "row" });
        }
        // HTML caps colspan at 1000 and rowspan at 65534.
        if cell.colspan > 1 {
            w.attr_number("colspan", cell.colspan.min(1000));
        }
        if cell.rowspan > 1 {
            w.attr_number("rowspan", cell.rowspan.min(65534));
        }
        w.markup(">");
        write_inlines(w, &cell.inlines, &cell.text);
        let mut before = !cell.text.is_empty();
        for image in &cell.images {
            // One whose source is refused is its alternative text, as a
            // figure's is.
            if !write_img(w, image) && !image.alt.is_empty() {
                if before {
                    w.text(" ");
                }
                w.text(&image.alt);
            }
            before = true;
        }
        w.close(tag);
    }
    w.markup("</tr>\n");
}

/// 附件: each attachment a link whose name says the file type.
fn write_attachments(w: &mut HtmlWriter, attachments: &Attachments, id: &ids::Id, ui: &Ui) {
    w.open("div");
    w.attr_id("id", id, None);
    w.markup(" class=\"yl-attachments\">\n");
    w.open("p");
    w.attr_id("id", id, Some(Part::Label));
    w.markup(" class=\"yl-attachments-label\">");
    w.text(&attachments.label);
    w.markup("</p>\n<ul");
    w.attr_id("aria-labelledby", id, Some(Part::Label));
    w.markup(">\n");
    for (n, item) in attachments.items.iter().enumerate() {
        w.open("li");
        w.attr_id("id", id, Some(Part::Item(n)));
        w.markup(">");
        write_marker(w, &item.marker);
        let linked = item.href.as_deref().is_some_and(|href| w.link_start(href));
        w.text(&item.name);
        if let Some(file_type) = item.file_type.as_deref().filter(|t| !t.trim().is_empty()) {
            w.markup("<span class=\"yl-file-type\"");
            ui.lang_attr(w);
            w.markup(">");
            w.text(ui.words.file_type_open);
            w.text(&file_type.to_ascii_uppercase());
            w.text(ui.words.file_type_word);
            w.text(ui.words.file_type_close);
            w.markup("</span>");
        }
        if linked {
            w.markup("</a>");
        }
        w.markup("</li>\n");
    }
    w.markup("</ul>\n</div>\n");
}

/// 落款: organisations and date, right-aligned.
fn write_signature(w: &mut HtmlWriter, signature: &Signature, id: &ids::Id) {
    w.open("div");
    w.attr_id("id", id, None);
    w.markup(" class=\"yl-signature\">\n");
    for organisation in &signature.organisations {
        w.markup("<p>");
        w.text(organisation);
        w.markup("</p>\n");
    }
    if let Some(date) = &signature.date {
        w.markup("<p class=\"yl-signature-date\">");
        w.text(date);
        w.markup("</p>\n");
    }
    w.markup("</div>\n");
}

/// 目录: a printed table of contents, as a navigation list.
fn write_contents(w: &mut HtmlWriter, contents: &Contents, id: &ids::Id, ui: &Ui) {
    w.open("nav");
    w.attr_id("id", id, None);
    w.markup(" class=\"yl-contents\"");
    w.landmark_label(id.as_str(), Some(Part::Label));
    w.markup(">\n");
    w.open("p");
    w.attr_id("id", id, Some(Part::Label));
    w.markup(" class=\"yl-contents-label\">");
    match contents.label.as_deref().filter(|l| !l.trim().is_empty()) {
        Some(label) => w.text(label),
        None => ui.word(w, ui.words.contents),
    }
    w.markup("</p>\n<ol class=\"yl-list\">\n");
    for (n, entry) in contents.entries.iter().enumerate() {
        w.open("li");
        w.attr_id("id", id, Some(Part::Item(n)));
        w.attr_number("data-depth", u32::from(entry.level.clamp(1, 4)));
        w.markup(">");
        write_marker(w, &entry.marker);
        w.text(&entry.text);
        if let Some(page) = &entry.page {
            // A space of its own before the number: a screen reader, which
            // reads the entry as one line, says 总则 1, not 总则1.
            w.markup(" <span class=\"yl-page-number\">");
            w.text(page);
            w.markup("</span>");
        }
        w.markup("</li>\n");
    }
    w.markup("</ol>\n</nav>\n");
}

/// An image; one whose source is refused shows its alternative text.
fn write_image(w: &mut HtmlWriter, image: &Image, id: &ids::Id) {
    w.open("figure");
    w.attr_id("id", id, None);
    w.markup(" class=\"yl-figure\">");
    if !write_img(w, image) && !image.alt.is_empty() {
        w.markup("<figcaption>");
        w.text(&image.alt);
        w.markup("</figcaption>");
    }
    w.markup("</figure>\n");
}

/// The `<img>` of an image (a figure's or a table cell's): its alternative
/// text (`alt=""` for a decorative one), loaded when it nears the screen;
/// false, and nothing written, where its source is refused (see
/// [`super::escape::safe_url`]).
fn write_img(w: &mut HtmlWriter, image: &Image) -> bool {
    if safe_url(&image.src).is_none() {
        return false;
    }
    w.open("img");
    w.url_attr("src", &image.src);
    w.attr("alt", &image.alt);
    w.markup(" loading=\"lazy\">");
    true
}
