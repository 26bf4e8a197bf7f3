//! The value reader's own rules; its agreement with serde_json is tested
//! in `parity.rs`.

use std::borrow::Cow;

use super::super::number::power_of_ten;
use super::plain_run;
use super::*;

#[test]
fn powers_of_ten_are_the_nearest_floats() {
    for n in 0..=308u32 {
        let literal: f64 = format!("1e{n}").parse().unwrap();
        assert_eq!(power_of_ten(n), literal, "10^{n}");
    }
}

#[test]
fn numbers_keep_serde_json_kinds() {
    let number = |text| match parse(text).unwrap() {
        Value::Number(n) => n,
        other => panic!("{other:?}"),
    };
    assert_eq!(number("0"), Number::Unsigned(0));
    assert_eq!(number("18446744073709551615"), Number::Unsigned(u64::MAX));
    assert_eq!(
        number("18446744073709551616"),
        Number::Float(18446744073709551616.0)
    );
    assert_eq!(number("-1"), Number::Negative(-1));
    assert_eq!(number("-9223372036854775808"), Number::Negative(i64::MIN));
    assert_eq!(
        number("-9223372036854775809"),
        Number::Float(-9223372036854775809.0)
    );
    assert!(matches!(number("-0"), Number::Float(f) if f == 0.0 && f.is_sign_negative()));
    assert_eq!(number("1.5"), Number::Float(1.5));
    assert_eq!(number("0.1"), Number::Float(0.1));
    assert_eq!(number("1E2"), Number::Float(100.0));
    assert_eq!(number("2.5e-3"), Number::Float(0.0025));
    assert_eq!(number("1e-400"), Number::Float(0.0));
    assert_eq!(number("0e999999999999999999999"), Number::Float(0.0));
    assert_eq!(number("1.7976931348623157e308"), Number::Float(f64::MAX));
    assert!(parse("1.8e308").is_err());
}

#[test]
fn a_repeated_key_is_kept_for_the_readers_to_refuse() {
    let Value::Object(fields) = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap() else {
        panic!()
    };
    let keys: Vec<&str> = fields.iter().map(|(key, _)| key.as_ref()).collect();
    assert_eq!(keys, ["a", "b", "a"]);
    // Looked up, the first.
    assert_eq!(
        field(&fields, "a"),
        Some(&Value::Number(Number::Unsigned(1)))
    );
}

#[test]
fn half_a_character_is_placed_at_its_escape_and_by_its_path() {
    let half = |text: &str| {
        let error = parse(text).unwrap_err();
        (error.what, error.path, error.line, error.column)
    };
    // A string cut inside an emoji (😀 is \ud83d\ude00), as
    // `JSON.stringify` writes it: the column of the backslash.
    assert_eq!(
        half(r#"{"title": "a\ud83d"}"#),
        (HALF_CHARACTER, "title".to_owned(), 1, 13)
    );
    // The low half alone, or the high half before anything but the low.
    assert_eq!(
        half(r#"["\ude00"]"#),
        (HALF_CHARACTER, "[0]".to_owned(), 1, 3)
    );
    assert_eq!(
        half(r#"["x", "\ud83db"]"#),
        (HALF_CHARACTER, "[1]".to_owned(), 1, 8)
    );
    assert_eq!(
        half(r#"{"a": [1, {"b": "\ud83d\n"}]}"#),
        (HALF_CHARACTER, "a[1].b".to_owned(), 1, 18)
    );
    assert_eq!(
        half("{\n  \"a b\": \"\\ud83d\\ud83d\\ude00\"\n}"),
        (HALF_CHARACTER, r#"["a b"]"#.to_owned(), 2, 11)
    );
    // The document itself a string.
    assert_eq!(half(r#""\udfff""#), (HALF_CHARACTER, String::new(), 1, 2));
    // In a key: the path of its object, the first key or a later one.
    assert_eq!(
        half(r#"{"meta": [{"\ud800": 1}]}"#),
        (HALF_CHARACTER_IN_KEY, "meta[0]".to_owned(), 1, 13)
    );
    assert_eq!(
        half(r#"{"meta": [{"key": 1, "k\udc00": 1}]}"#),
        (HALF_CHARACTER_IN_KEY, "meta[0]".to_owned(), 1, 24)
    );
    assert_eq!(
        half(r#"{"\ud800": 1}"#),
        (HALF_CHARACTER_IN_KEY, String::new(), 1, 3)
    );
    // A pair is one character.
    assert_eq!(
        parse(r#"["\ud83d\ude00"]"#).unwrap(),
        Value::Array(vec![Value::String("😀".into())])
    );
    // Text that ends in or after the escape, or a broken escape after it,
    // is not JSON, as serde_json has it.
    for (text, what) in [
        (r#"["\ud83d"#, EOF_STRING),
        (r#"["\ud83d\"#, EOF_STRING),
        (r#"["\ud83d\ude"]"#, INVALID_ESCAPE),
        (r#"["\ud8"]"#, INVALID_ESCAPE),
    ] {
        let error = parse(text).unwrap_err();
        assert_eq!((error.what, error.path.as_str()), (what, ""), "{text}");
    }
}

#[test]
fn strings_borrow_unless_escaped() {
    let Value::Array(items) = parse(r#"["plain 中文", "tab\there", "\ud83d\ude00"]"#).unwrap()
    else {
        panic!()
    };
    assert!(matches!(
        &items[0],
        Value::String(Cow::Borrowed("plain 中文"))
    ));
    assert!(matches!(&items[1], Value::String(Cow::Owned(s)) if s == "tab\there"));
    assert!(matches!(&items[2], Value::String(s) if s == "😀"));
}

#[test]
fn deep_input_is_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(1_000_000);
    let error = parse(&deep).unwrap_err();
    assert!(error.is_too_deep());
    assert_eq!((error.line, error.column), (1, 128));
}

#[test]
fn plain_runs_stop_at_the_first_quote_backslash_or_control() {
    let text = "一二三四五六七八九十 plain ascii text";
    for stop in ["\"", "\\", "\n", "\u{0}", "\u{1f}"] {
        for at in 0..=text.len() {
            if !text.is_char_boundary(at) {
                continue;
            }
            let input = format!("{}{stop}{}", &text[..at], &text[at..]);
            assert_eq!(plain_run(input.as_bytes()), at, "{stop:?} at {at}");
        }
    }
    assert_eq!(plain_run(text.as_bytes()), text.len());
    // Bytes just past the ones that stop a run do not.
    assert_eq!(plain_run(b" !#$[]^_\x7f\xff\x80 !#$[]^_"), 19);
}
