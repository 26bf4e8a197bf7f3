//! Golden HTML: the rendered view of hand-built documents, compared with
//! reviewed files under tests/expected/render/ (UPDATE_EXPECT=1 rewrites
//! them; review the diff).

mod common;

use common::{assert_expected, reference_document, small_documents};
use yilan::render::{render, standalone, stylesheet, Locale, Mode, RenderOptions};

#[test]
fn reference_document_renders_as_reviewed() {
    let html = render(&reference_document(), &RenderOptions::default());
    assert_expected("render/reference.html", &html);
}

#[test]
fn small_documents_render_as_reviewed() {
    for (name, doc) in small_documents() {
        assert_expected(name, &render(&doc, &RenderOptions::default()));
    }
}

#[test]
fn english_and_traditional_words_replace_the_default_ones() {
    let (_, doc) = small_documents().remove(0);
    let en = RenderOptions {
        locale: Locale::En,
        ..RenderOptions::default()
    };
    assert_expected("render/linked-en.html", &render(&doc, &en));
    let tw = render(
        &doc,
        &RenderOptions {
            locale: Locale::ZhTw,
            ..RenderOptions::default()
        },
    );
    assert!(tw.contains("aria-label=\"目前位置\""));
    assert!(tw.contains(">列印</button>"));
}

#[test]
fn options_only_change_root_attributes() {
    let doc = reference_document();
    let standard = render(&doc, &RenderOptions::default());
    let elderly = render(
        &doc,
        &RenderOptions {
            mode: Mode::Elderly,
            theme: "yellow-on-black".to_owned(),
            scale: 2.4,
            locale: Locale::ZhCn,
            ..RenderOptions::default()
        },
    );
    let (root_a, rest_a) = standard.split_once('\n').unwrap();
    let (root_b, rest_b) = elderly.split_once('\n').unwrap();
    assert_eq!(rest_a, rest_b, "only the root element may differ");
    assert_eq!(
        root_a,
        "<article class=\"yl-view\" lang=\"zh-CN\" data-mode=\"standard\" data-theme=\"auto\" data-scale=\"1\" aria-labelledby=\"yl-title\">"
    );
    assert_eq!(
        root_b,
        "<article class=\"yl-view\" lang=\"zh-CN\" data-mode=\"elderly\" data-theme=\"yellow-on-black\" data-scale=\"2.5\" aria-labelledby=\"yl-title\">"
    );
}

#[test]
fn modes_are_named_as_in_data_mode() {
    for mode in [Mode::Standard, Mode::Elderly] {
        assert_eq!(Mode::from_name(mode.as_str()), Some(mode));
    }
    assert_eq!(Mode::from_name("Elderly"), None);
    assert_eq!(Mode::from_name(""), None);
}

#[test]
fn unknown_theme_and_odd_scales_fall_back() {
    let doc = reference_document();
    for (theme, scale, want_theme, want_scale) in [
        ("no-such-theme", f32::NAN, "auto", "1"),
        ("", 100.0, "auto", "3"),
        ("cream", -1.0, "cream", "1"),
        ("black-on-white", 1.3, "black-on-white", "1.25"),
    ] {
        let html = render(
            &doc,
            &RenderOptions {
                theme: theme.to_owned(),
                scale,
                ..RenderOptions::default()
            },
        );
        assert!(
            html.contains(&format!(
                "data-theme=\"{want_theme}\" data-scale=\"{want_scale}\""
            )),
            "{theme} {scale}"
        );
    }
}

#[test]
fn standalone_page_is_complete_and_self_contained() {
    let doc = reference_document();
    let page = standalone(&doc, &RenderOptions::default());
    assert!(page
        .starts_with("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"));
    assert!(
        page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(page.contains("<title>上盘镇2023年工作总结及2024年工作计划</title>"));
    assert!(page.contains("<link rel=\"icon\" href=\"data:,\">"));
    assert!(
        page.contains(stylesheet()),
        "the whole stylesheet is inlined"
    );
    assert!(page.contains(&render(&doc, &RenderOptions::default())));
    assert!(page.contains("<main>\n<article class=\"yl-view\""));
    assert!(page.ends_with("</body>\n</html>\n"));
    // Nothing is fetched: no external stylesheet, script or image.
    for needle in ["<link rel=\"stylesheet\"", "<script src", "@import", "url("] {
        assert!(!page.contains(needle), "{needle}");
    }
}

#[test]
fn untitled_document_gets_a_placeholder_title() {
    let (_, doc) = small_documents().remove(2);
    assert!(doc.title.is_none());
    let page = standalone(&doc, &RenderOptions::default());
    assert!(page.contains("<title>无标题文档</title>"));
    assert!(
        page.contains("<html lang=\"zh-CN\">"),
        "a broken lang falls back"
    );
}
