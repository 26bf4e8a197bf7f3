//! The build-time reader of the HTML filter table (`build/filter_table.rs`):
//! it reads the table with serde_json, and refuses what is not the
//! table's shape, so a broken table fails the build.

#[path = "../build/filter_table.rs"]
mod filter_table;

use filter_table::{generate, read};

const TABLE: &str = include_str!("../src/parse/html/filter.json");

#[test]
fn reads_the_table_as_serde_json_does() {
    let table = read(TABLE).unwrap();
    let json: serde_json::Value = serde_json::from_str(TABLE).unwrap();
    let list = |key: &str| -> Vec<String> { serde_json::from_value(json[key].clone()).unwrap() };
    assert_eq!(u64::from(table.version), json["version"].as_u64().unwrap());
    assert_eq!(table.skip, list("skip"));
    assert_eq!(table.attrs, list("attrs"));
    assert_eq!(table.style, list("style"));
}

#[test]
fn escapes_in_names_are_read() {
    let table = read(
        r#"{"version": 2, "skip": ["a\"b", "c\\d", "e\/f", "\u0061"], "attrs": [], "style": []}"#,
    )
    .unwrap();
    assert_eq!(table.version, 2);
    assert_eq!(table.skip, ["a\"b", "c\\d", "e/f", "a"]);
    assert!(table.attrs.is_empty());
}

#[test]
fn what_is_not_the_table_is_refused() {
    let bad = [
        "",
        "[]",
        r#"{"version": 1}"#,
        r#"{"version": 1, "skip": [], "attrs": [], "style": []} x"#,
        r#"{"version": 1, "skip": [], "attrs": [], "style": [], "extra": []}"#,
        r#"{"version": 1, "skip": [], "attrs": [], "style": [], "skip": []}"#,
        r#"{"version": "1", "skip": [], "attrs": [], "style": []}"#,
        r#"{"version": 1, "skip": [1], "attrs": [], "style": []}"#,
        r#"{"version": 1, "skip": ["a",], "attrs": [], "style": []}"#,
        r#"{"version": 1, "skip": ["unterminated], "attrs": [], "style": []}"#,
        "{\"version\": 1, \"skip\": [\"a\nb\"], \"attrs\": [], \"style\": []}",
        r#"{"version": -1, "skip": [], "attrs": [], "style": []}"#,
    ];
    for json in bad {
        assert!(read(json).is_err(), "{json}");
    }
}

#[test]
fn generates_the_constants_and_lookups() {
    let table = read(r#"{"version": 1, "skip": ["svg", "map"], "attrs": ["id", "aria-hidden"], "style": ["display"]}"#).unwrap();
    let rust = generate(&table);
    for line in [
        "const VERSION: u32 = 1;",
        r#"const SKIP: &[&str] = &["svg", "map"];"#,
        r#"const ATTRS: &[&str] = &["id", "aria-hidden"];"#,
        r#"const STYLE: &[&str] = &["display"];"#,
        r#"    matches!(tag, b"svg" | b"map")"#,
        "const ATTR_MAX: usize = 11;",
        r#"        b"id" => Some(0),"#,
        r#"        b"aria-hidden" => Some(1),"#,
    ] {
        assert!(rust.lines().any(|l| l == line), "{line}\n{rust}");
    }
}
