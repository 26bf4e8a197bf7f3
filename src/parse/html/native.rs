//! Native events: html5ever builds a small arena tree (no reference counting,
//! no recursion), and one walk with an explicit stack turns it into
//! [`Event`]s through the same filter table as the browser's walker.
//!
//! Only with the `html` feature, and never in the wasm build: there the
//! browser's own parser does this job for free.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::interface::ElemName;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, parse_document, Attribute, LocalName, Namespace, QualName};

use super::events::{clean, element, Event};

/// Node handle: an index into the arena.
type Id = usize;

const NONE: Id = usize::MAX;

enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template: Id,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: never content.
    Other,
}

struct Node {
    data: Data,
    parent: Id,
    first_child: Id,
    last_child: Id,
    prev: Id,
    next: Id,
}

impl Node {
    fn new(data: Data) -> Self {
        Node {
            data,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
        }
    }
}

/// The arena tree html5ever builds into.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    quirks: Cell<QuirksMode>,
    /// Set once an element lands deeper than [`MAX_DEPTH`].
    too_deep: Rc<Cell<bool>>,
}

/// Deepest nesting read. Browsers stop nesting at 512 too (Chromium's and
/// WebKit's parser depth limit); html5ever has no limit and its tree
/// builder is quadratic in the depth, so reading stops there.
pub const MAX_DEPTH: usize = 512;

/// Input is fed to the parser in pieces of this many bytes, so that a page
/// nested too deep is stopped soon after the limit.
const CHUNK: usize = 4096;

/// An element's name, owned (atoms clone cheaply).
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn new(too_deep: Rc<Cell<bool>>) -> Self {
        Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document)]),
            quirks: Cell::new(QuirksMode::NoQuirks),
            too_deep,
        }
    }

    /// Notes when an element goes in under `parent` deeper than the limit
    /// (ancestors are counted each time: the adoption agency moves nodes).
    fn check_depth(&self, parent: Id, child: Id) {
        let nodes = self.nodes.borrow();
        if !matches!(
            nodes.get(child).map(|n| &n.data),
            Some(Data::Element { .. })
        ) {
            return;
        }
        let mut depth = 0;
        let mut at = parent;
        while at != NONE && depth <= MAX_DEPTH {
            depth += 1;
            at = nodes.get(at).map_or(NONE, |n| n.parent);
        }
        if depth > MAX_DEPTH {
            self.too_deep.set(true);
        }
    }

    fn push(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: Id) {
        let Some(node) = nodes.get(id) else { return };
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if let Some(n) = nodes.get_mut(next) {
            n.prev = prev;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.last_child = prev;
        }
        if let Some(p) = nodes.get_mut(prev) {
            p.next = next;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.first_child = next;
        }
        if let Some(node) = nodes.get_mut(id) {
            node.parent = NONE;
            node.prev = NONE;
            node.next = NONE;
        }
    }

    fn append_node(nodes: &mut [Node], parent: Id, child: Id) {
        Self::detach(nodes, child);
        let Some(last) = nodes.get(parent).map(|p| p.last_child) else {
            return;
        };
        if let Some(c) = nodes.get_mut(child) {
            c.parent = parent;
            c.prev = last;
        }
        if let Some(l) = nodes.get_mut(last) {
            l.next = child;
        }
        if let Some(p) = nodes.get_mut(parent) {
            if p.first_child == NONE {
                p.first_child = child;
            }
            p.last_child = child;
        }
    }

    fn insert_before(nodes: &mut [Node], sibling: Id, child: Id) {
        Self::detach(nodes, child);
        let Some((parent, prev)) = nodes.get(sibling).map(|s| (s.parent, s.prev)) else {
            return;
        };
        if let Some(c) = nodes.get_mut(child) {
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
        if let Some(s) = nodes.get_mut(sibling) {
            s.prev = child;
        }
        if let Some(p) = nodes.get_mut(prev) {
            p.next = child;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.first_child = child;
        }
    }

    /// Text merges into a text node right before where it goes, as in the DOM.
    fn text_or_node(&self, before: Id, child: NodeOrText<Id>) -> Option<Id> {
        match child {
            NodeOrText::AppendNode(id) => Some(id),
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                if let Some(Node {
                    data: Data::Text(existing),
                    ..
                }) = nodes.get_mut(before)
                {
                    existing.push_tendril(&text);
                    return None;
                }
                drop(nodes);
                Some(self.push(Data::Text(text)))
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Self;
    type ElemName<'a> = Name;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Name {
        match self.nodes.borrow().get(*target).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => Name(name.clone()),
            _ => Name(QualName::new(None, ns!(html), local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let template = if flags.template {
            self.push(Data::Document)
        } else {
            NONE
        };
        self.push(Data::Element {
            name,
            attrs,
            template,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.push(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let last = self
            .nodes
            .borrow()
            .get(*parent)
            .map_or(NONE, |p| p.last_child);
        if let Some(id) = self.text_or_node(last, child) {
            Self::append_node(&mut self.nodes.borrow_mut(), *parent, id);
            self.check_depth(*parent, id);
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        match self.nodes.borrow().get(*target).map(|n| &n.data) {
            Some(Data::Element { template, .. }) if *template != NONE => *template,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.quirks.set(mode);
    }

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let prev = self.nodes.borrow().get(*sibling).map_or(NONE, |s| s.prev);
        if let Some(id) = self.text_or_node(prev, new_node) {
            Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
            let parent = self.nodes.borrow().get(id).map_or(NONE, |n| n.parent);
            self.check_depth(parent, id);
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        if let Some(Node {
            data: Data::Element {
                attrs: existing, ..
            },
            ..
        }) = self.nodes.borrow_mut().get_mut(*target)
        {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes.get(*node).map_or(NONE, |n| n.first_child);
        while child != NONE {
            let next = nodes.get(child).map_or(NONE, |c| c.next);
            Self::append_node(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}

/// Parses page HTML with html5ever into the event stream; `true` when the
/// page nests deeper than [`MAX_DEPTH`] and the rest was not read.
pub fn events(input: &str) -> (Vec<Event<'static>>, bool) {
    let too_deep = Rc::new(Cell::new(false));
    let mut parser = parse_document(Sink::new(Rc::clone(&too_deep)), Default::default());
    let mut rest = input;
    while !rest.is_empty() && !too_deep.get() {
        let mut cut = CHUNK.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(piece));
        rest = tail;
    }
    let sink = parser.finish();
    (walk(&sink.nodes.into_inner()), too_deep.get())
}

/// Pre-order walk over the arena with the filter applied; skipped elements
/// are not entered. The loop follows child/sibling/parent links, so no
/// stack grows with depth.
fn walk(nodes: &[Node]) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    let Some(root) = nodes.first() else {
        return out;
    };
    let mut id = root.first_child;
    let top = 0;
    while id != NONE {
        let Some(node) = nodes.get(id) else { break };
        let mut entered = false;
        match &node.data {
            Data::Element { name, attrs, .. } => {
                let raw = attrs.iter().map(|a| (&*a.name.local, &*a.value));
                if let Some(e) = element(&name.local, raw) {
                    out.push(Event::Open(e));
                    if node.first_child != NONE {
                        id = node.first_child;
                        entered = true;
                    } else {
                        out.push(Event::Close);
                    }
                }
            }
            Data::Text(t) => out.push(Event::Text(clean(t).into_owned().into())),
            Data::Document | Data::Other => {}
        }
        if entered {
            continue;
        }
        // Up until a node has a next sibling, closing each parent left.
        let mut cur = id;
        loop {
            let Some(n) = nodes.get(cur) else {
                return out;
            };
            if n.next != NONE {
                id = n.next;
                break;
            }
            if n.parent == top || n.parent == NONE {
                return out;
            }
            out.push(Event::Close);
            cur = n.parent;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_page() {
        let (ev, deep) =
            events("<p class=x onmouseover=y>a<b>b</b><script>s</script></p><!-- c -->");
        assert!(!deep);
        let tags: Vec<String> = ev
            .iter()
            .map(|e| match e {
                Event::Open(e) => format!("<{}>", e.tag),
                Event::Text(t) => t.to_string(),
                Event::Close => "</>".into(),
            })
            .collect();
        assert_eq!(tags.join(""), "<html><head></><body><p>a<b>b</></></></>");
        let Event::Open(p) = &ev[4] else { panic!() };
        assert_eq!(p.attrs, vec![("class", "x".into())]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "x";
        let (ev, deep) = events(&html);
        assert!(deep, "reading stops past the depth limit");
        let opens = ev.iter().filter(|e| matches!(e, Event::Open(_))).count();
        let closes = ev.iter().filter(|e| **e == Event::Close).count();
        assert_eq!(opens, closes);
        assert!(opens > MAX_DEPTH && opens < 2 * MAX_DEPTH + CHUNK);
    }
}
