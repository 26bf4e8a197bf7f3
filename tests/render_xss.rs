//! Every vector of tests/fixtures/security/xss-vectors.json placed in every
//! field of the model must come out as text: read back with a real HTML
//! parser, the output holds only the renderer's own elements and
//! attributes, no event handler, no link or image with a scheme outside the
//! allow-list, and every field's text exactly as it went in.

mod common;

use common::{url_scheme, ALLOWED_SCHEMES, RENDERER_ATTRIBUTES, RENDERER_ELEMENTS};
use scraper::{ElementRef, Html, Selector};
use yilan::model::{
    Action, Attachment, Attachments, Block, Contents, ContentsEntry, Crumb, Document, Image,
    Inline, List, ListItem, MetaField, MetaKey, Paragraph, Section, Signature, Table, TableCell,
    TableRow, TextBlock,
};
use yilan::render::{render, standalone, Mode, RenderOptions};

fn vectors() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/security/xss-vectors.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let vectors: Vec<String> = serde_json::from_str(&text).unwrap();
    assert!(vectors.len() > 200, "the whole corpus is read");
    vectors
}

/// A document with `v` in every field, string or URL.
fn hostile(v: &str) -> Document {
    let s = || v.to_owned();
    let inline = || Inline {
        text: s(),
        href: Some(s()),
        strong: true,
        em: true,
    };
    Document {
        lang: s(),
        title: Some(s()),
        breadcrumb: vec![Crumb {
            label: s(),
            href: Some(s()),
        }],
        meta: vec![MetaField {
            key: MetaKey::Other,
            label: s(),
            value: s(),
        }],
        body: vec![
            Block::Section(Section {
                level: 1,
                marker: s(),
                heading: s(),
                run_in: true,
                blocks: vec![
                    Block::Paragraph(Paragraph::plain(v)),
                    Block::Paragraph(Paragraph {
                        text: s(),
                        inlines: vec![inline()],
                    }),
                    Block::List(List {
                        ordered: true,
                        items: vec![ListItem {
                            marker: s(),
                            lead: Some(s()),
                            text: s(),
                            inlines: vec![],
                        }],
                    }),
                    Block::List(List {
                        ordered: false,
                        items: vec![ListItem {
                            marker: String::new(),
                            lead: None,
                            text: s(),
                            inlines: vec![inline()],
                        }],
                    }),
                ],
            }),
            Block::Table(Table {
                caption: Some(s()),
                rows: vec![
                    TableRow {
                        header: true,
                        cells: vec![TableCell::plain(v)],
                    },
                    TableRow {
                        header: false,
                        cells: vec![TableCell {
                            inlines: vec![inline()],
                            images: vec![Image { src: s(), alt: s() }],
                            ..TableCell::plain(v)
                        }],
                    },
                ],
            }),
            Block::Attachments(Attachments {
                label: s(),
                items: vec![Attachment {
                    marker: s(),
                    name: s(),
                    href: Some(s()),
                    file_type: Some(s()),
                }],
            }),
            Block::Signature(Signature {
                organisations: vec![s()],
                date: Some(s()),
            }),
            Block::Addressee(TextBlock { text: s() }),
            Block::Note(TextBlock { text: s() }),
            Block::Contents(Contents {
                label: Some(s()),
                entries: vec![ContentsEntry {
                    level: 1,
                    marker: s(),
                    text: s(),
                    page: Some(s()),
                }],
            }),
            Block::Image(Image { src: s(), alt: s() }),
        ],
        actions: vec![Action::Print],
        ..Document::default()
    }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text_of(el: ElementRef) -> String {
    el.text().collect()
}

/// What a browser's DOM holds for text written as `v`: the text itself
/// (a CR is written as a reference, which the HTML parser keeps, where a
/// raw one would become LF), but NUL cannot be carried (written as U+FFFD).
fn as_parsed(v: &str) -> String {
    v.replace('\0', "\u{FFFD}")
}

/// Checks that `dom` holds only the renderer's elements and attributes,
/// and the `extra` ones (a page's own).
fn check_elements(v: &str, dom: &Html, extra: &[&str]) {
    check_page_elements(v, dom, extra, &[]);
}

fn check_page_elements(v: &str, dom: &Html, extra: &[&str], extra_attributes: &[&str]) {
    for el in dom
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let name = el.value().name();
        assert!(
            RENDERER_ELEMENTS.contains(&name) || extra.contains(&name),
            "vector {v:?} produced a <{name}>"
        );
        for (attr, value) in el.value().attrs() {
            assert!(
                !attr.to_ascii_lowercase().starts_with("on"),
                "{v:?}: {attr}"
            );
            assert!(
                RENDERER_ATTRIBUTES.contains(&attr)
                    || extra_attributes.contains(&attr)
                    || (name == "meta" || name == "link"),
                "vector {v:?} produced the attribute {attr} on <{name}>"
            );
            if attr == "href" || attr == "src" {
                if name == "link" {
                    assert_eq!(value, "data:,", "the page's own empty icon");
                    continue;
                }
                if let Some(scheme) = url_scheme(value) {
                    assert!(
                        ALLOWED_SCHEMES.contains(&scheme.as_str()),
                        "vector {v:?} produced {attr}={value:?}"
                    );
                }
            }
        }
    }
}

fn check_text(v: &str, dom: &Html) {
    let want = as_parsed(v);
    let one = |css: &str| -> String {
        let selector = sel(css);
        let mut found = dom.select(&selector);
        let el = found.next().unwrap_or_else(|| panic!("{v:?}: no {css}"));
        assert!(found.next().is_none(), "{v:?}: more than one {css}");
        text_of(el)
    };
    assert_eq!(one("h1"), want, "title");
    assert_eq!(one("nav.yl-breadcrumb li"), want, "breadcrumb");
    assert_eq!(one("dt"), want, "meta label");
    assert_eq!(one("dd"), want, "meta value");
    assert_eq!(
        one("section.yl-section > h2"),
        format!("{want}{want}"),
        "heading"
    );
    assert_eq!(one("#yl-p1-1"), want, "paragraph");
    assert_eq!(one("#yl-p1-2"), want, "paragraph with runs");
    assert_eq!(
        one("#yl-l1-3-1"),
        format!("{want}{want}{want}"),
        "list item"
    );
    assert_eq!(one("#yl-l1-4-1"), want, "list item with runs");
    assert_eq!(one("caption"), want, "caption");
    assert_eq!(one("thead th"), want, "header cell");

    assert_eq!(one(".yl-attachments-label"), want, "attachments label");
    let attachment = one("#yl-a3-1");
    assert!(
        attachment.starts_with(&format!("{want}{want}")),
        "attachment"
    );
    assert!(
        // File types are shown in ASCII capitals (pdf → PDF); other letters as written.
        attachment.contains(&as_parsed(&v.to_ascii_uppercase())),
        "file type"
    );
    assert_eq!(
        one(".yl-signature"),
        format!("\n{want}\n{want}\n"),
        "signature"
    );
    assert_eq!(one(".yl-addressee"), want, "addressee");
    assert_eq!(one(".yl-note"), want, "note");
    assert_eq!(one(".yl-contents-label"), want, "contents label");
    assert_eq!(
        one("#yl-c7-1"),
        format!("{want}{want} {want}"),
        "contents entry"
    );
    // The cell's image and the figure's have the same source: both are
    // shown, or both are refused and their alternative text shown.
    let images: Vec<ElementRef> = dom.select(&sel("img")).collect();
    if images.is_empty() {
        assert_eq!(one("figcaption"), want, "alt text of a refused image");
        assert_eq!(
            one("tbody td"),
            format!("{want} {want}"),
            "cell, then the alt text of its refused image"
        );
    } else {
        assert_eq!(images.len(), 2, "{v:?}: the figure's image and the cell's");
        for img in images {
            assert_eq!(img.value().attr("alt"), Some(want.as_str()), "alt");
        }
        assert_eq!(one("tbody td"), want, "cell");
        assert_eq!(
            dom.select(&sel("tbody td img")).count(),
            1,
            "{v:?}: the cell's image"
        );
    }
}

#[test]
fn every_vector_in_every_field_stays_text() {
    let mut checked = 0;
    for v in vectors() {
        let doc = hostile(&v);
        for options in [
            RenderOptions::default(),
            RenderOptions {
                mode: Mode::Elderly,
                theme: v.clone(),
                scale: 2.0,
                ..RenderOptions::default()
            },
        ] {
            let html = render(&doc, &options);
            let dom = Html::parse_fragment(&html);
            check_elements(&v, &dom, &["html"]);
            let root = dom.select(&sel("article")).next().unwrap();
            let lang = root.value().attr("lang").unwrap();
            assert!(
                lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "lang {lang:?}"
            );
            assert!([
                "auto",
                "standard",
                "yellow-on-black",
                "white-on-black",
                "black-on-white",
                "cream"
            ]
            .contains(&root.value().attr("data-theme").unwrap()));
            // The blank vector falls back to placeholders by design.
            if !v.trim().is_empty() {
                check_text(&v, &dom);
                checked += 1;
            }
        }
    }
    assert!(checked > 400);
}

#[test]
fn every_vector_in_a_standalone_page_stays_text() {
    let page_elements = [
        "html", "head", "body", "meta", "title", "link", "style", "main", "script",
    ];
    // The page's live region, and the words its script says.
    let page_attributes = [
        "aria-live",
        "aria-atomic",
        "data-close",
        "data-copied",
        "data-share",
        "data-keys",
        "data-mac",
        "data-menu",
    ];
    for v in vectors() {
        let page = standalone(&hostile(&v), &RenderOptions::default());
        let dom = Html::parse_document(&page);
        check_page_elements(&v, &dom, &page_elements, &page_attributes);
        assert_eq!(
            dom.select(&sel("script")).count(),
            1,
            "{v:?}: only the page's own script"
        );
        assert_eq!(dom.select(&sel("style")).count(), 1, "{v:?}");
        assert_eq!(dom.select(&sel("link")).count(), 1, "{v:?}");
        assert_eq!(dom.select(&sel("meta")).count(), 2, "{v:?}");
        let script = text_of(dom.select(&sel("script")).next().unwrap());
        assert!(
            script.starts_with("(function(){var s=document.currentScript.dataset,"),
            "{v:?}"
        );
        // The script's words and the live region are the page's own.
        let said: Vec<_> = dom
            .select(&sel("[aria-live], [data-close]"))
            .map(|el| (el.value().name(), text_of(el).is_empty()))
            .collect();
        assert_eq!(said, [("div", true), ("script", false)], "{v:?}");
        if !v.trim().is_empty() {
            assert_eq!(
                text_of(dom.select(&sel("title")).next().unwrap()),
                as_parsed(&v)
            );
        }
    }
}

#[test]
fn links_with_dangerous_schemes_become_plain_text() {
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ] {
        let doc = Document {
            breadcrumb: vec![Crumb {
                label: "首页".to_owned(),
                href: Some(href.to_owned()),
            }],
            body: vec![Block::Paragraph(Paragraph {
                text: "点此".to_owned(),
                inlines: vec![Inline {
                    text: "点此".to_owned(),
                    href: Some(href.to_owned()),
                    strong: false,
                    em: false,
                }],
            })],
            ..Document::default()
        };
        let html = render(&doc, &RenderOptions::default());
        let dom = Html::parse_fragment(&html);
        assert_eq!(dom.select(&sel("a")).count(), 0, "{href:?}");
        assert_eq!(text_of(dom.select(&sel("#yl-p1")).next().unwrap()), "点此");
        assert_eq!(text_of(dom.select(&sel("nav li")).next().unwrap()), "首页");
    }
}

/// The URLs inside the vectors (every attribute value of every element they
/// hold: `href="javascript:…"`, `src="data:…"`, `xlink:href`, …), placed in
/// every URL field.
#[test]
fn urls_inside_the_vectors_never_become_dangerous_links() {
    let mut urls: Vec<String> = Vec::new();
    for v in vectors() {
        let dom = Html::parse_fragment(&v);
        for el in dom
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            urls.extend(el.value().attrs().map(|(_, value)| value.to_owned()));
        }
    }
    let dangerous = urls
        .iter()
        .filter(|u| url_scheme(u).is_some_and(|s| !ALLOWED_SCHEMES.contains(&s.as_str())))
        .count();
    assert!(
        dangerous > 20,
        "the corpus holds dangerous URLs ({dangerous})"
    );
    for url in &urls {
        let html = render(&hostile(url), &RenderOptions::default());
        let dom = Html::parse_fragment(&html);
        check_elements(url, &dom, &["html"]);
    }
}
