//! The browser's walker (`js/dom-events.js`) and the Rust side share one
//! filter table: the JS file carries a copy of `filter.json` that must stay
//! identical, and run under Node on a small stand-in DOM it encodes exactly
//! what the Rust encoder gives for the same nodes (or, reading an element's
//! attribute list, the same events with the attributes in the element's own
//! order, which the decoder puts in the table's).

use std::fs;
use std::path::Path;
use std::process::Command;

use yilan::parse::html::events::{decode, element, encode, Event, FILTER_JSON};

fn walker() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("js/dom-events.js")).unwrap()
}

#[test]
fn the_js_copy_of_the_filter_table_is_identical() {
    let js = walker();
    let start = js.find("const FILTER = ").expect("the FILTER constant") + "const FILTER = ".len();
    let end = js[start..]
        .find(";\n// END filter.json")
        .expect("the end marker")
        + start;
    assert_eq!(
        &js[start..end],
        FILTER_JSON.trim_end(),
        "copy src/parse/html/filter.json into js/dom-events.js between the markers"
    );
}

/// A stand-in DOM built from a nested array: [tag, {attrs}, ...children]
/// or a string (text); comments as {comment: "…"}. With a third argument
/// `list`, elements also carry their attribute list (`attributes`), in the
/// order the object gives them.
const HARNESS: &str = r#"
const { encodeDom } = await import(process.argv[1]);
function build(spec, parent) {
  let node;
  if (typeof spec === 'string') node = { nodeType: 3, data: spec };
  else if (spec.comment !== undefined) node = { nodeType: 8, data: spec.comment };
  else {
    const [tag, attrs, ...kids] = spec;
    node = { nodeType: 1, localName: tag, getAttribute: n => (n in attrs ? attrs[n] : null) };
    if (process.argv[3] === 'list') {
      node.attributes = Object.entries(attrs).map(([name, value]) => ({ name, value }));
    }
    let prev = null;
    node.firstChild = null;
    for (const k of kids) {
      const c = build(k, node);
      if (prev) prev.nextSibling = c; else node.firstChild = c;
      prev = c;
    }
    if (prev) prev.nextSibling = null;
  }
  node.parentNode = parent; node.nextSibling = node.nextSibling ?? null;
  return node;
}
const root = build(JSON.parse(process.argv[2]), null);
const doc = { nodeType: 9, documentElement: root };
process.stdout.write(JSON.stringify(encodeDom(doc)));
"#;

/// The walker's encoding of the stand-in DOM `spec`, with or without the
/// elements' attribute lists.
fn walk(spec: &serde_json::Value, list: bool) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("js/dom-events.js");
    let out = Command::new("node")
        .args(["--input-type=module", "-e", HARNESS])
        .arg(path.to_str().unwrap())
        .arg(spec.to_string())
        .args(list.then_some("list"))
        .output();
    let Ok(out) = out else {
        panic!("node is needed for this test (Node 20 or later)");
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_walker_encodes_what_the_rust_encoder_does() {
    let spec = serde_json::json!(
        ["html", {},
          ["head", {}, ["title", {}, "标题_某某市人民政府"], ["script", {}, "alert(1)"]],
          ["body", {"onload": "x()", "class": "a"},
            ["div", {"id": "zoom", "style": "color:red; Font-Weight : bold ;TEXT-ALIGN:center", "data-x": "1"},
              "当前\u{1}位置",
              {"comment": "不读"},
              ["style", {}, "p{}"],
              ["a", {"href": "a.pdf", "onmouseover": "y()", "title": "附件"}, "附件"],
              ["td", {"colspan": "2", "rowspan": "3", "scope": "col"}],
              ["img", {"src": "x.png", "alt": "图", "hidden": ""}]]]]);
    let js = walk(&spec, false);

    let open =
        |tag: &str, attrs: &[(&str, &str)]| Event::Open(element(tag, attrs.to_vec()).unwrap());
    let events = vec![
        open("html", &[]),
        open("head", &[]),
        open("title", &[]),
        Event::Text("标题_某某市人民政府".into()),
        Event::Close,
        Event::Close,
        open("body", &[("onload", "x()"), ("class", "a")]),
        open(
            "div",
            &[
                ("id", "zoom"),
                ("style", "color:red; Font-Weight : bold ;TEXT-ALIGN:center"),
                ("data-x", "1"),
            ],
        ),
        Event::Text("当前\u{1}位置".into()),
        open(
            "a",
            &[("href", "a.pdf"), ("onmouseover", "y()"), ("title", "附件")],
        ),
        Event::Text("附件".into()),
        Event::Close,
        open(
            "td",
            &[("colspan", "2"), ("rowspan", "3"), ("scope", "col")],
        ),
        Event::Close,
        open("img", &[("src", "x.png"), ("alt", "图"), ("hidden", "")]),
        Event::Close,
        Event::Close,
        Event::Close,
        Event::Close,
    ];
    assert_eq!(js, encode(&events));

    // Read from the attribute lists (the stand-in's keys come alphabetically,
    // so `img` lists `alt` before `src`): the same events once decoded.
    let listed = walk(&spec, true);
    assert_ne!(listed, js, "the lists' own order reaches the encoding");
    let (decoded, damage) = decode(&listed);
    assert_eq!(damage, None);
    assert_eq!(decoded, decode(&js).0);
    assert!(js.contains("font-weight:bold;text-align:center"));
    assert!(!js.contains("onmouseover") && !js.contains("alert") && !js.contains("不读"));
}
