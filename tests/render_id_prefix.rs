//! `RenderOptions::id_prefix`: a view rendered with a prefix of its own has
//! every id, and every reference to one, with that prefix and none with
//! `yl-`, and is otherwise the default render: the same markup but for its
//! landmarks' names, which also carry the document's title (as documented),
//! so that two views on one page differ in ids and in landmark names. Its
//! speech plan, given the same prefix, targets the prefixed ids.
//!
//! Checked on the reference document, the small documents (every kind of
//! block), and the documents of the HTML and text corpora (their reviewed
//! model JSON).

mod common;

use std::collections::HashSet;
use std::path::Path;

use yilan::model::Document;
use yilan::render::{render, RenderOptions};
use yilan::speech::{speech_plan, SpeechOptions};

const PREFIX: &str = "news_2-";

/// Attributes whose value is an id or a list of ids (HTML and ARIA).
const ID_ATTRS: &[&str] = &[
    "id",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-activedescendant",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
    "headers",
    "for",
    "list",
    "form",
];

/// A start tag: its name and attributes (a value `None` for a bare one).
struct Tag {
    name: String,
    attrs: Vec<(String, Option<String>)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (name, value) in &self.attrs {
            out.push(' ');
            out.push_str(name);
            if let Some(value) = value {
                out.push_str("=\"");
                out.push_str(value);
                out.push('"');
            }
        }
        out.push('>');
    }
}

/// `html` with each start tag passed through `change`; all else, text and
/// end tags, as it is. The renderer escapes `<` in text and `"` in values,
/// and writes attributes as ` name="value"`.
fn each_tag(html: &str, mut change: impl FnMut(&mut Tag)) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let end = rest.find('>').expect("a start tag ends");
        let mut tag = parse_tag(&rest[1..end]);
        change(&mut tag);
        tag.write(&mut out);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn parse_tag(inside: &str) -> Tag {
    let (name, mut rest) = inside.split_once(' ').unwrap_or((inside, ""));
    let mut attrs = Vec::new();
    while !rest.is_empty() {
        rest = rest.trim_start();
        let name_end = rest.find(['=', ' ']).unwrap_or(rest.len());
        let attr = rest[..name_end].to_owned();
        rest = &rest[name_end..];
        if let Some(quoted) = rest.strip_prefix("=\"") {
            let close = quoted.find('"').expect("a closing quote");
            attrs.push((attr, Some(quoted[..close].to_owned())));
            rest = &quoted[close + 1..];
        } else if !attr.is_empty() {
            attrs.push((attr, None));
        }
    }
    Tag {
        name: name.to_owned(),
        attrs,
    }
}

/// Every id (an `id` value) and every id reference in `html`.
fn ids_and_references(html: &str) -> (Vec<String>, Vec<String>) {
    let mut ids = Vec::new();
    let mut references = Vec::new();
    each_tag(html, |tag| {
        for (name, value) in &tag.attrs {
            let (Some(value), true) = (value, ID_ATTRS.contains(&name.as_str())) else {
                continue;
            };
            if name == "id" {
                ids.push(value.clone());
            } else {
                references.extend(value.split(' ').map(str::to_owned));
            }
        }
    });
    (ids, references)
}

/// Whether `tag` is a landmark the renderer names: a named `<section>` (a
/// region), a `<nav>`, an element with `role="region"`.
fn is_landmark(tag: &Tag) -> bool {
    let named = tag.get("aria-labelledby").is_some() || tag.get("aria-label").is_some();
    named && (tag.name == "section" || tag.name == "nav" || tag.get("role") == Some("region"))
}

/// The default render as a render with `prefix` must be: every id and id
/// reference with `prefix` for `yl-`, and each landmark named by its own
/// label and then the title (the breadcrumb, named by `aria-label`, by a
/// reference to itself, which gives that label, and the title).
fn as_prefixed(default: &str, prefix: &str) -> String {
    let title = format!("{prefix}title");
    each_tag(default, |tag| {
        let landmark = is_landmark(tag);
        for (name, value) in &mut tag.attrs {
            let Some(value) = value else { continue };
            if !ID_ATTRS.contains(&name.as_str()) {
                continue;
            }
            let tokens: Vec<String> = value
                .split(' ')
                .map(|token| format!("{prefix}{}", token.strip_prefix("yl-").unwrap()))
                .collect();
            *value = tokens.join(" ");
            if landmark && name == "aria-labelledby" {
                value.push(' ');
                value.push_str(&title);
            }
        }
        if landmark && tag.get("aria-labelledby").is_none() {
            let own = tag
                .get("id")
                .expect("a landmark named by aria-label has an id");
            let labelled_by = format!("{own} {title}");
            let at = tag
                .attrs
                .iter()
                .position(|(n, _)| n == "aria-label")
                .unwrap()
                + 1;
            tag.attrs
                .insert(at, ("aria-labelledby".to_owned(), Some(labelled_by)));
        }
    })
}

fn documents() -> Vec<(String, Document)> {
    let mut docs = vec![("reference".to_owned(), common::reference_document())];
    for (name, doc) in common::small_documents() {
        docs.push((name.to_owned(), doc));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["tests/expected/html", "tests/expected/text"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = yilan::parse_json(&text).unwrap();
            docs.push((path.display().to_string(), doc));
        }
    }
    assert!(docs.len() > 20, "{}", docs.len());
    docs
}

#[test]
fn a_prefixed_render_is_the_default_one_with_its_own_ids_and_landmark_names() {
    let mut landmarks = 0;
    let mut references = 0;
    let mut all_ids = 0;
    for (name, doc) in documents() {
        for options in common::render_option_sets() {
            let default = render(&doc, &options);
            let prefixed = render(
                &doc,
                &RenderOptions {
                    id_prefix: Some(PREFIX.to_owned()),
                    ..options.clone()
                },
            );
            let (ids, refs) = ids_and_references(&prefixed);
            // Every id and reference has the prefix; none is left with yl-.
            for id in ids.iter().chain(&refs) {
                assert!(id.starts_with(PREFIX), "{name}: {id} without the prefix");
            }
            let unique: HashSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{name}: an id repeats");
            for reference in &refs {
                assert!(unique.contains(reference), "{name}: {reference} is no id");
            }
            // Nothing the renderer writes links to an id of the view.
            assert!(!default.contains("href=\"#"), "{name}");
            // Otherwise the same, but for the landmarks' names.
            let expected = as_prefixed(&default, PREFIX);
            if expected != prefixed {
                panic!("{name}: {}", common::first_difference(&expected, &prefixed));
            }
            assert_eq!(
                ids_and_references(&default).0.len(),
                ids.len(),
                "{name}: as many ids"
            );
            references += refs.len();
            all_ids += ids.len();
            landmarks += prefixed.matches(" news_2-title\"").count();
        }
    }
    assert!(all_ids > 1000, "{all_ids}");
    assert!(references > 150, "{references}");
    assert!(landmarks > 50, "{landmarks}");
}

#[test]
fn two_views_on_one_page_share_no_id_and_no_landmark_name() {
    let docs = documents();
    let (_, list) = &docs[0];
    let (_, detail) = docs
        .iter()
        .find(|(name, _)| name.contains("03-govcn"))
        .expect("the long-tables page");
    let view = |doc: &Document, prefix: &str| {
        render(
            doc,
            &RenderOptions {
                id_prefix: Some(prefix.to_owned()),
                ..RenderOptions::default()
            },
        )
    };
    let page = view(list, "list-") + &view(detail, "detail-");
    let (ids, _) = ids_and_references(&page);
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    // Both have a 文档信息 region: each is named by its own heading and title.
    assert!(page.contains("aria-labelledby=\"list-meta-h list-title\""));
    assert!(page.contains("aria-labelledby=\"detail-meta-h detail-title\""));
    assert!(page.contains(
        "<nav id=\"list-breadcrumb\" class=\"yl-breadcrumb\" aria-label=\"当前位置\" aria-labelledby=\"list-breadcrumb list-title\">"
    ));
}

#[test]
fn a_prefix_that_cannot_start_an_id_renders_as_the_default() {
    let doc = common::reference_document();
    let default = render(&doc, &RenderOptions::default());
    for bad in [
        "",
        "1a",
        "-a",
        "a b",
        "a\"><script>",
        "新闻-",
        &"x".repeat(33),
    ] {
        let html = render(
            &doc,
            &RenderOptions {
                id_prefix: Some(bad.to_owned()),
                ..RenderOptions::default()
            },
        );
        assert_eq!(html, default, "{bad:?}");
    }
}

#[test]
fn the_speech_plan_targets_the_prefixed_view() {
    for (name, doc) in documents() {
        let prefixed = RenderOptions {
            id_prefix: Some(PREFIX.to_owned()),
            ..RenderOptions::default()
        };
        let (ids, _) = ids_and_references(&render(&doc, &prefixed));
        let ids: HashSet<String> = ids.into_iter().collect();
        let everything = SpeechOptions {
            include_meta: true,
            include_breadcrumb: true,
            include_contents: true,
            ..SpeechOptions::default()
        };
        let default_plan = speech_plan(&doc, &everything);
        let plan = speech_plan(
            &doc,
            &SpeechOptions {
                id_prefix: Some(PREFIX.to_owned()),
                ..everything.clone()
            },
        );
        assert_eq!(plan.len(), default_plan.len(), "{name}");
        for (chunk, default_chunk) in plan.iter().zip(&default_plan) {
            assert!(ids.contains(&chunk.target), "{name}: {}", chunk.target);
            let target = default_chunk.target.strip_prefix("yl-").unwrap();
            assert_eq!(chunk.target, format!("{PREFIX}{target}"), "{name}");
            assert_eq!(
                (&chunk.text, chunk.index),
                (&default_chunk.text, default_chunk.index)
            );
        }
        // Reading from an element: its id as the view has it.
        let Some(middle) = default_plan.get(default_plan.len() / 2) else {
            continue;
        };
        let from = |prefix: &str, id: &str| {
            speech_plan(
                &doc,
                &SpeechOptions {
                    from: Some(id.to_owned()),
                    id_prefix: Some(prefix.to_owned()),
                    ..everything.clone()
                },
            )
        };
        let target = middle.target.strip_prefix("yl-").unwrap();
        let from_prefixed = from(PREFIX, &format!("{PREFIX}{target}"));
        let from_default = from("yl-", &middle.target);
        assert_eq!(from_prefixed.len(), from_default.len(), "{name}");
        assert!(from_prefixed.len() < default_plan.len() || middle.index == 0);
        // The default's id is not the prefixed view's: from the top.
        assert_eq!(from(PREFIX, &middle.target).len(), plan.len(), "{name}");
    }
}
