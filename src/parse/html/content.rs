//! Finding the content on a portal page: what to read and in what order.
//!
//! First the selectors known CMSs use for the body, the metadata block, the
//! title and the breadcrumb ([`super::selectors`]: gov.cn/开普 UCAP,
//! 大汉 Hanweb, 拓尔思 TRS, and the layouts of the fixtures); then, for any
//! other page, a content-density heuristic: the block container with the
//! most text of its own, discounted by the share of that text in links.
//! Metadata also shows itself by its labels (`<p><strong>索引号</strong>：…`).
//!
//! The plan: the breadcrumb container, and the *article*: the nearest
//! element holding the content root with the metadata and title found near
//! it. Inside the article, chrome subtrees (navigation, share widgets, QR
//! codes, 纠错, font-size widgets, toolbars) are skipped.

use super::selectors::{bit, role_mask, Marks, Role, Sel, CHROME_BIT, SELECTORS};
use super::tree::{Kind, NodeId, Tree};
use crate::parse::chars::{self, TrimSpace};
use crate::parse::chrome;
use crate::parse::lines::{char_count_upto, is_space};
use crate::parse::meta::{self, Unknown};

fn matches(tree: &Tree, id: NodeId, mask: Marks) -> bool {
    tree.get(id).is_some_and(|n| n.marks & mask != 0)
}

/// What to read on a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The breadcrumb container.
    pub crumb: Option<NodeId>,
    /// The element whose lines are read (up to the end of the content).
    pub article: Option<NodeId>,
    /// The content root.
    pub content: Option<NodeId>,
    /// The title slot, if one was found.
    pub title: Option<NodeId>,
    /// How the content root was found: a selector, or "density".
    pub found_by: Option<&'static str>,
}

/// Most levels between the content root and an element found by its
/// labels or by `h1` for it to count as part of the article.
const NEAR: usize = 6;

/// Least own text, in chars, for the density heuristic to call a
/// container content.
const MIN_CONTENT_CHARS: usize = 20;

/// Most visible text, in chars, of a page read whole when no content root
/// is found, and the least of it outside links.
const SMALL_PAGE_CHARS: usize = 400;
const MIN_NOTICE_CHARS: usize = 10;

/// Elements whose subtree has more nodes than this are not read as one
/// metadata field (keeps the label scan linear).
const MAX_FIELD_NODES: usize = 50;

/// Most metadata blocks looked at.
const MAX_META_BLOCKS: usize = 64;

/// Finds the plan of a page.
pub fn find(tree: &Tree) -> Plan {
    let mut plan = Plan::default();
    let meta_blocks = meta_blocks(tree);
    let (content, found_by) = match by_selector(tree, Role::Content) {
        Some((id, sel)) if tree.get(id).is_some_and(|n| n.chars > 0) => {
            (Some(widen(tree, id)), Some(sel))
        }
        _ => match density(tree, &meta_blocks) {
            Some(id) => (Some(id), Some("density")),
            // The page's own word for its main content, when nothing
            // else named it.
            None => (main_element(tree), Some("main")),
        },
    };
    plan.content = content;
    plan.found_by = content.and(found_by);
    let before_content = |id: NodeId| content.is_none_or(|c| id < c);
    let near = |id: NodeId| {
        content.is_none_or(|c| {
            tree.common_ancestor(c, id)
                .is_some_and(|a| a == c || tree.ancestors(c).take_while(|p| *p != a).count() < NEAR)
        })
    };
    plan.title = title_slot(tree).filter(|t| before_content(*t));
    let mut members: Vec<NodeId> = Vec::new();
    members.extend(content);
    for (id, trusted) in &meta_blocks {
        if before_content(*id) && (*trusted || near(*id)) {
            members.push(*id);
        }
    }
    if let Some(t) = plan.title.filter(|t| near(*t)) {
        members.push(t);
    }
    plan.article = members
        .iter()
        .copied()
        .reduce(|a, b| tree.common_ancestor(a, b).unwrap_or(a));
    if content.is_none() {
        // No content root: a page too short for the density heuristic,
        // with text that is not links, is read whole rather than lost (a
        // notice of one line). A longer one, or one of links only, is
        // navigation (its article came by script): only its title and
        // fields are read, as found above.
        let body = tree
            .nodes
            .iter()
            .position(|n| n.tag().as_bytes() == b"body");
        let small = |id: &NodeId| {
            tree.get(*id).is_some_and(|n| {
                n.chars <= SMALL_PAGE_CHARS
                    && n.chars.saturating_sub(n.link_chars) >= MIN_NOTICE_CHARS
            })
        };
        if let Some(body) = body.filter(small) {
            plan.article = Some(body);
        }
    }
    plan.crumb = crumb(tree, content).filter(|c| before_content(*c));
    plan
}

/// The page's one `<main>` element (or `role="main"`) with text: the
/// content root of last resort.
fn main_element(tree: &Tree) -> Option<NodeId> {
    let mut mains = tree.nodes.iter().enumerate().filter(|(_, n)| {
        n.element().is_some_and(|e| {
            e.tag == "main"
                || e.attr("role")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        })
    });
    let (id, node) = mains.next()?;
    (mains.next().is_none() && node.chars > 0).then_some(id)
}

/// The first element matching a selector of `role`, by the table's order,
/// with the selector as written.
fn by_selector(tree: &Tree, role: Role) -> Option<(NodeId, &'static str)> {
    let mask = role_mask(role);
    let any = tree.nodes.iter().fold(0, |m, n| m | n.marks) & mask;
    if any == 0 {
        return None;
    }
    SELECTORS
        .iter()
        .enumerate()
        .filter(|(i, _)| any & bit(*i) != 0)
        .find_map(|(i, (sel, _))| {
            let b = bit(i);
            tree.nodes
                .iter()
                .position(|n| n.marks & b != 0)
                .map(|id| (id, sel_name(*sel)))
        })
}

fn sel_name(sel: Sel) -> &'static str {
    match sel {
        Sel::Id(v) | Sel::Class(v) | Sel::TagClass(_, v) | Sel::Tag(v) => v,
    }
}

/// The outermost content-selector match around a content root (#zoom
/// inside td.bt_content: the cell holds the attachments too).
fn widen(tree: &Tree, id: NodeId) -> NodeId {
    let mask = role_mask(Role::Content);
    let mut best = id;
    for a in tree.ancestors(id) {
        if matches(tree, a, mask) {
            best = a;
        }
    }
    best
}

/// Metadata blocks: selector matches (trusted) and small elements whose
/// text reads as metadata fields with a known label and a colon.
fn meta_blocks(tree: &Tree) -> Vec<(NodeId, bool)> {
    let mask = role_mask(Role::Meta);
    let mut out: Vec<(NodeId, bool)> = Vec::new();
    let mut text = String::new();
    for (id, node) in tree.nodes.iter().enumerate() {
        if out.len() >= MAX_META_BLOCKS {
            break;
        }
        if out.last().is_some_and(|(m, _)| tree.contains(*m, id)) {
            continue;
        }
        if node.marks & mask != 0 {
            out.push((id, true));
            continue;
        }
        if node.tag().as_bytes() == b"table" && label_table(tree, id) {
            out.push((id, false));
            continue;
        }
        let small = node.end - id <= MAX_FIELD_NODES;
        let field_tag = matches!(
            node.tag().as_bytes(),
            b"p" | b"li" | b"td" | b"th" | b"dd" | b"div" | b"span"
        );
        if small
            && field_tag
            && node.chars > 0
            && field_text(tree, id, &mut text)
            && is_field(&text)
        {
            out.push((id, false));
        }
    }
    out
}

/// Most nodes of a table read as a metadata table by its label cells.
const MAX_LABEL_TABLE_NODES: usize = 240;

/// A small table of metadata whose labels stand in cells of their own,
/// with no colon (索引号 | 001/2024-1 | 发布机构 | 某某县应急管理局): its
/// first cell and at least one other are labels of the table
/// ([`meta::lookup`]). A data table's header (日期 | 带班领导 | 值班人员)
/// has one label at most.
fn label_table(tree: &Tree, id: NodeId) -> bool {
    let Some(node) = tree.get(id).filter(|n| n.end - id <= MAX_LABEL_TABLE_NODES) else {
        return false;
    };
    let mut labels = 0;
    for (n, cell) in tree.nodes.iter().enumerate().take(node.end).skip(id + 1) {
        if !matches!(cell.tag().as_bytes(), b"td" | b"th") || cell.chars == 0 {
            continue;
        }
        let label = cell.chars <= 16
            && matches!(meta::lookup(&tree.text(n)), Some(meta::LabelKind::Meta(_)));
        if !label && labels == 0 {
            return false;
        }
        labels += usize::from(label);
        if labels >= 2 {
            return true;
        }
    }
    false
}

/// Text with whitespace runs collapsed and trimmed.
pub fn collapse(text: &str) -> String {
    text.split(is_space)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Longest text read as one metadata field, in chars.
const MAX_FIELD_CHARS: usize = 120;

/// Puts in `out` the [`collapse`]d text of the subtree when it could be a
/// metadata field: at most `MAX_FIELD_CHARS` chars, with a colon (what
/// `is_field` needs). `false` otherwise, as soon as it shows: most
/// elements are not fields.
fn field_text(tree: &Tree, id: NodeId, out: &mut String) -> bool {
    out.clear();
    // Without a colon the answer is no whatever the length: the tree knows
    // which subtrees have one, which rules out most elements before any
    // copy.
    let Some(node) = tree.get(id).filter(|n| n.colon) else {
        return false;
    };
    let nodes = tree.nodes.get(id..node.end).unwrap_or(&[]);
    let texts = nodes.iter().filter_map(|n| match &n.kind {
        Kind::Text(t) => Some(&**t),
        Kind::Element(_) => None,
    });
    let mut count = 0usize;
    let mut gap = false;
    for t in texts {
        // Words are copied as slices, the gaps between them as one space.
        let bytes = t.as_bytes();
        let mut word: Option<usize> = None;
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            let (space, len) = match b {
                0..=0x7f => (matches!(b, b'\t'..=b'\r' | b' '), 1),
                _ if chars::is_plain_lead(b) => (false, 3),
                _ => chars::decode(bytes, at).map_or((false, 1), |(c, n)| (is_space(c), n)),
            };
            if space {
                if let Some(w) = word.take() {
                    out.push_str(t.get(w..at).unwrap_or_default());
                }
                gap = !out.is_empty();
            } else {
                if word.is_none() {
                    if gap {
                        out.push(' ');
                        count += 1;
                        gap = false;
                    }
                    word = Some(at);
                }
                count += 1;
                if count > MAX_FIELD_CHARS {
                    return false;
                }
            }
            at += len;
        }
        if let Some(w) = word {
            out.push_str(t.get(w..).unwrap_or_default());
        }
    }
    true
}

/// Whether a text (at most `MAX_FIELD_CHARS`, see `field_text`) reads
/// as metadata fields.
fn is_field(text: &str) -> bool {
    meta::parse_line(text, Unknown::Reject).is_some_and(|ml| ml.colons && !ml.fields.is_empty())
}

/// The title slot: by selector, in table order.
fn title_slot(tree: &Tree) -> Option<NodeId> {
    by_selector(tree, Role::Title)
        .map(|(id, _)| id)
        .filter(|id| tree.get(*id).is_some_and(|n| n.chars > 0))
}

/// The breadcrumb container: by selector, else the largest small element
/// around a text that opens like a breadcrumb (当前位置：).
fn crumb(tree: &Tree, content: Option<NodeId>) -> Option<NodeId> {
    let outside =
        |id: NodeId| content.is_none_or(|c| !tree.contains(id, c) && !tree.contains(c, id));
    if let Some((id, _)) = by_selector(tree, Role::Crumb).filter(|(id, _)| outside(*id)) {
        return Some(id);
    }
    let start = tree.nodes.iter().enumerate().find_map(|(id, n)| {
        let Kind::Text(t) = &n.kind else { return None };
        let t = chars::trim_start_space(t);
        if !chrome::opens_breadcrumb(t) {
            return None;
        }
        let t = t.trim_end_space();
        chrome::breadcrumb(t, false, false).is_some().then_some(id)
    })?;
    let mut best = tree.get(start)?.parent?;
    for a in tree.ancestors(best) {
        let small = tree.get(a).is_some_and(|n| n.chars <= 200);
        if !small || matches!(tree.get(a).map(|n| n.tag()), Some("body" | "html")) || !outside(a) {
            break;
        }
        best = a;
    }
    outside(best).then_some(best)
}

/// Block containers the density heuristic scores.
const CONTAINERS: &[&str] = &[
    "div",
    "td",
    "th",
    "article",
    "section",
    "main",
    "body",
    "form",
    "blockquote",
    "center",
    "dd",
    "li",
];

/// Punctuation that marks running text (Chinese prose).
const PROSE_MARKS: &[char] = &['，', '。', '；', '！', '？'];

/// The content by density: each text counts for its nearest container;
/// only text with sentence punctuation counts;
/// the container with the most own text, discounted by the share of links
/// in its subtree, wins. Chrome and metadata blocks do not count.
fn density(tree: &Tree, meta_blocks: &[(NodeId, bool)]) -> Option<NodeId> {
    let n = tree.nodes.len();
    // Nearest container of each node, and whether it lies in chrome or
    // metadata: one forward pass (parents come before children).
    let mut near: Vec<Option<NodeId>> = vec![None; n];
    let mut excluded = vec![false; n];
    let mut own = vec![0usize; n];
    // Each prose text's chars at its own node, summed up the tree below
    // for the widening.
    let mut prose = vec![0usize; n];
    let mut is_meta = vec![false; n];
    for (m, _) in meta_blocks {
        if let Some(flag) = is_meta.get_mut(*m) {
            *flag = true;
        }
    }
    for id in 0..n {
        let Some(node) = tree.get(id) else { continue };
        let parent = node.parent;
        let inherited = parent
            .and_then(|p| excluded.get(p).copied())
            .unwrap_or(false);
        let excluded_here =
            inherited || is_meta.get(id).copied().unwrap_or(false) || chrome_element(tree, id);
        if let Some(flag) = excluded.get_mut(id) {
            *flag = excluded_here;
        }
        let parent_near = parent.and_then(|p| {
            if CONTAINERS.contains(&tree.get(p).map_or("", |n| n.tag())) {
                Some(p)
            } else {
                near.get(p).copied().flatten()
            }
        });
        if let Some(slot) = near.get_mut(id) {
            *slot = parent_near;
        }
        if let Kind::Text(t) = &node.kind {
            // Prose has sentence punctuation; menus, banners and stray
            // template text do not.
            if !excluded_here && chars::contains_any(t, PROSE_MARKS) {
                if let Some(count) = parent_near.and_then(|c| own.get_mut(c)) {
                    *count += node.chars;
                }
                if let Some(count) = prose.get_mut(id) {
                    *count = node.chars;
                }
            }
        }
    }
    let mut best: Option<(NodeId, f64)> = None;
    for (id, &chars) in own.iter().enumerate() {
        if chars < MIN_CONTENT_CHARS || excluded.get(id).copied().unwrap_or(true) {
            continue;
        }
        let Some(node) = tree.get(id) else { continue };
        let links = node.link_chars as f64 / node.chars.max(1) as f64;
        let score = chars as f64 * (1.0 - links) * (1.0 - links);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((id, score));
        }
    }
    let best = best.map(|(id, _)| id)?;
    // The prose of each subtree (outside chrome and metadata), for the
    // widening below: children come after their parents, so one backward
    // pass sums what the forward one counted at each text.
    for id in (0..n).rev() {
        let Some(node) = tree.get(id) else { continue };
        let here = prose.get(id).copied().unwrap_or(0);
        if let Some(count) = node.parent.and_then(|p| prose.get_mut(p)) {
            *count += here;
        }
    }
    Some(widen_to_siblings(tree, best, &prose, &excluded))
}

/// Most levels the content root found by density is widened to take in
/// its siblings (a cell's row, its table, the table's container).
const MAX_WIDEN: usize = 5;

/// Most share of link text in an element taken in by widening.
const MAX_WIDEN_LINKS: f64 = 0.2;

/// `best` widened to its parent while the parent's other children hold
/// prose too, and no links to speak of (a portal's page, menus and
/// footers of links around its article, stays where it is; a bare page
/// whose paragraphs are the body's children is read whole): an editor that writes each
/// paragraph in a `<div>` of its own, or a Word export in
/// `div.WordSection1/2/3`, splits one article over sibling containers,
/// and the one with the most text alone would lose the others.
fn widen_to_siblings(tree: &Tree, best: NodeId, prose: &[usize], excluded: &[bool]) -> NodeId {
    let mut at = best;
    let mut up = best;
    // (A level may add no prose and the next one some: a long cell's
    // table is in the article's <div>, with the paragraphs around it.)
    for _ in 0..MAX_WIDEN {
        let Some(parent) = tree.get(up).and_then(|n| n.parent) else {
            break;
        };
        let Some(node) = tree.get(parent) else { break };
        let links = node.link_chars as f64 / node.chars.max(1) as f64;
        if links > MAX_WIDEN_LINKS
            || excluded.get(parent).copied().unwrap_or(true)
            || node.tag() == "html"
        {
            break;
        }
        if prose.get(parent).copied().unwrap_or(0) > prose.get(at).copied().unwrap_or(0) {
            at = parent;
        }
        up = parent;
    }
    at
}

/// Whether one element is page chrome by its tag, role, class or id.
fn chrome_element(tree: &Tree, id: NodeId) -> bool {
    matches(tree, id, CHROME_BIT)
}

/// Whether the subtree at `id` is chrome to skip when reading the article:
/// chrome by `chrome_element`, unless it holds part of the plan. An
/// `<aside>` or a `<footer>` inside the content is the document's own (a
/// note, the signature and date): only the page's are chrome.
pub fn is_chrome(tree: &Tree, plan: &Plan, id: NodeId) -> bool {
    let own_part = plan
        .content
        .is_some_and(|c| c != id && tree.contains(c, id))
        && tree
            .get(id)
            .is_some_and(|n| matches!(n.tag(), "aside" | "footer"));
    chrome_element(tree, id)
        && !own_part
        && ![plan.content, plan.crumb, plan.title]
            .into_iter()
            .flatten()
            .any(|p| tree.contains(id, p))
}

/// Separators between a page title and the site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &["_", "——", " - ", "－", "|", "｜", "-"];

/// Endings of a site's name (临海市人民政府, 浙江省教育厅, 中国政府网).
const SITE_SUFFIXES: &[&str] = &[
    "政府", "网", "网站", "门户", "平台", "厅", "局", "委", "办", "院",
];

/// The `<title>` text without the site's name after it
/// (上盘镇…工作计划_临海市人民政府 → 上盘镇…工作计划).
pub fn page_title(tree: &Tree) -> Option<String> {
    let id = (0..tree.nodes.len()).find(|id| tree.get(*id).is_some_and(|n| n.tag() == "title"))?;
    let mut title = collapse(&tree.text(id));
    let site = tree.meta("SiteName").map(collapse);
    for _ in 0..2 {
        let cut = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| chars::rfind_str(&title, s).map(|i| (i, s.len())))
            .max_by_key(|(i, _)| *i);
        let Some((at, len)) = cut else { break };
        let tail = title.get(at + len..).unwrap_or_default().trim_space();
        let is_site = site.as_deref() == Some(tail)
            || (char_count_upto(tail, 24) <= 24 && SITE_SUFFIXES.iter().any(|s| tail.ends_with(s)));
        if !is_site || at == 0 {
            break;
        }
        title = title.get(..at).unwrap_or_default().trim_space().to_owned();
    }
    (!title.is_empty()).then_some(title)
}
