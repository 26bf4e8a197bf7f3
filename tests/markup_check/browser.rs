//! The other half of the check: the tree a real HTML parser (html5ever,
//! through scraper) builds from the renderer's HTML must be exactly the
//! tree the strict reader saw, so that no browser repairs, moves or changes
//! anything (a block inside a paragraph, a carriage return turned into a
//! line feed, a table without its row group).

use scraper::{Html, Node};

use super::{read, Event};

/// The tree html5ever builds from `html`, as [`Event`]s (attributes sorted,
/// adjacent text merged).
pub fn parsed_by_a_browser(html: &str) -> Vec<Event> {
    let dom = Html::parse_fragment(html);
    let root = dom.root_element();
    let mut events: Vec<Event> = Vec::new();
    let mut stack: Vec<_> = root.children().rev().map(|child| (child, false)).collect();
    while let Some((node, done)) = stack.pop() {
        match node.value() {
            Node::Element(element) if done => events.push(Event::Close(element.name().to_owned())),
            Node::Element(element) => {
                let mut attrs: Vec<(String, String)> = element
                    .attrs()
                    .map(|(name, value)| (name.to_owned(), value.to_owned()))
                    .collect();
                attrs.sort();
                events.push(Event::Open(element.name().to_owned(), attrs));
                stack.push((node, true));
                for child in node.children().rev() {
                    stack.push((child, false));
                }
            }
            Node::Text(text) if !done => match events.last_mut() {
                Some(Event::Text(before)) => before.push_str(text),
                _ => events.push(Event::Text(text.to_string())),
            },
            _ => {}
        }
    }
    events
}

/// Reads `html` strictly ([`read`]) and with html5ever, and says where the
/// two trees first differ.
pub fn same_tree(html: &str) -> Result<(), String> {
    let written = read(html)?;
    let parsed = parsed_by_a_browser(html);
    if written == parsed {
        return Ok(());
    }
    let at = written
        .iter()
        .zip(&parsed)
        .position(|(a, b)| a != b)
        .unwrap_or(written.len().min(parsed.len()));
    Err(format!(
        "the HTML parser builds another tree from event {at}: wrote {:?}, parsed {:?}",
        written.get(at..at.saturating_add(3).min(written.len())),
        parsed.get(at..at.saturating_add(3).min(parsed.len()))
    ))
}
