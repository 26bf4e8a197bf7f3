//! The build-time CSS minifier (`build/css_min.rs`): what it drops, and the
//! spaces and strings it must keep.

#[path = "../build/css_min.rs"]
mod css_min;

use css_min::minify;

#[test]
fn comments_and_layout_go() {
    let css = "/* The view. */\n.yl-view {\n  color: red;\n  /* why */\n  margin: 0;\n}\n";
    assert_eq!(minify(css), ".yl-view{color:red;margin:0}");
}

#[test]
fn spaces_that_mean_something_stay() {
    // The descendant combinator, before a pseudo-class and between names.
    assert_eq!(minify(".a :is(b, c) .d {}"), ".a :is(b,c) .d{}");
    // Values: `0 calc(…)`, the operators in calc, `!important`.
    assert_eq!(
        minify("x { margin: 0 calc(1em + 2px) -1px; color: red !important; }"),
        "x{margin:0 calc(1em + 2px) -1px;color:red !important}"
    );
    // Media queries: `and (`, whose space keeps `and` from reading as a function.
    assert_eq!(
        minify("@media screen and (min-width: 30em) and (max-width: 40em) {\n  a { b: c }\n}"),
        "@media screen and (min-width:30em) and (max-width:40em){a{b:c}}"
    );
    // A comment between two words still separates them.
    assert_eq!(minify("a/**/b{}"), "a b{}");
}

#[test]
fn strings_are_copied_as_written() {
    assert_eq!(
        minify("a[title=\"x  /* y */ ; }\"] { content: '\\'  ' ; }"),
        "a[title=\"x  /* y */ ; }\"]{content:'\\'  '}"
    );
}

#[test]
fn unclosed_comment_or_string_runs_to_the_end() {
    assert_eq!(minify("a { b: c } /* open"), "a{b:c}");
    assert_eq!(minify("a { content: \"open  "), "a{content:\"open  ");
}

#[test]
fn the_shipped_sheets_keep_every_rule() {
    for name in ["yilan.css", "yilan-media.css", "yilan-toolbar.css"] {
        let path = format!("{}/assets/{name}", env!("CARGO_MANIFEST_DIR"));
        let css = std::fs::read_to_string(&path).expect("the sheet");
        let small = minify(&css);
        assert!(!small.contains("/*"), "{name}: a comment left");
        assert!(!small.contains('\n'), "{name}: a line break left");
        assert!(small.len() * 10 < css.len() * 7, "{name}: under 70 %");
        assert_eq!(small.matches('{').count(), small.matches('}').count());
        assert_eq!(
            small.matches('{').count(),
            without_comments(&css).matches('{').count(),
            "{name}: the same blocks"
        );
    }
}

/// `css` without its comments: the sheets hold no `/*` in strings.
fn without_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}
