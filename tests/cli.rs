//! The `yilan` command line, run as a program.
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const REFERENCE: &str = "tests/fixtures/text/00-linhai-shangpan-full.txt";

fn yilan(args: &[&str]) -> Output {
    yilan_with_stdin(args, None)
}

fn yilan_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yilan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A file in this test run's scratch folder.
fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Asserts a failure with `status` and exactly `message` on stderr.
fn assert_fails(output: &Output, status: i32, message: &str) {
    assert_eq!(
        output.status.code(),
        Some(status),
        "stderr: {}",
        stderr(output)
    );
    assert_eq!(stderr(output), message);
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
}

/// Asserts a usage error: status 2, the message, then the usage text.
fn assert_usage_error(output: &Output, message: &str) {
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(output));
    let err = stderr(output);
    assert!(err.starts_with(&format!("error: {message}\n\n")), "{err}");
    assert!(err.contains("Usage:\n  yilan parse "), "{err}");
    assert!(output.stdout.is_empty());
}

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["-h"], &["help"], &["parse", "--help"]] {
        let output = yilan(args);
        assert!(output.status.success(), "{args:?}");
        assert!(
            stdout(&output).contains("Usage:\n  yilan parse"),
            "{args:?}"
        );
        assert!(output.stderr.is_empty());
    }
    for args in [&["--version"][..], &["-V"]] {
        let output = yilan(args);
        assert!(output.status.success());
        assert_eq!(
            stdout(&output),
            format!("yilan {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn parses_the_reference_page_to_the_library_s_model() {
    let output = yilan(&["parse", REFERENCE]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stderr.is_empty());
    let text = stdout(&output);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    assert!(value["body"].is_array());
    // Exactly the library's result, indented, with a final newline.
    let input =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(REFERENCE)).unwrap();
    let doc = yilan::parse_text(&input);
    assert_eq!(text, serde_json::to_string_pretty(&doc).unwrap() + "\n");
}

#[test]
fn compact_prints_one_line() {
    let output = yilan(&["parse", "--compact", REFERENCE]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1);
    assert!(text.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
}

#[test]
fn reads_standard_input_as_text_by_default() {
    let page = "一、总体情况\n今年以来，工作有序推进。\n";
    let output = yilan_with_stdin(&["parse", "-"], Some(page.as_bytes()));
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = serde_json::to_string_pretty(&yilan::parse_text(page)).unwrap() + "\n";
    assert_eq!(stdout(&output), expected);
}

#[test]
fn reads_model_json_from_standard_input() {
    let json = r#"{"version": 1, "title": "通知", "body": [{"type": "note", "text": "（此件公开发布）"}]}"#;
    let output = yilan_with_stdin(
        &["parse", "--from", "json", "--compact", "-"],
        Some(json.as_bytes()),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        r#"{"version":1,"lang":"zh-CN","title":"通知","breadcrumb":[],"meta":[],"body":[{"type":"note","text":"（此件公开发布）"}],"actions":[],"diagnostics":[]}"#.to_owned() + "\n"
    );
}

#[test]
fn model_json_round_trips_through_a_file() {
    let doc = yilan::model::Document {
        title: Some("上盘镇2023年工作总结及2024年工作计划".into()),
        body: vec![yilan::model::Block::Paragraph(
            yilan::model::Paragraph::plain("今年以来，…"),
        )],
        ..Default::default()
    };
    let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    // `--from=json` spelled with `=`; the extension says json anyway.
    let path = scratch("round-trip.json", json.as_bytes());
    let output = yilan(&["parse", "--from=json", path_arg(&path)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), json);
}

#[test]
fn the_extension_chooses_the_format() {
    // Invalid as a document but fine as page text: the outcome shows which
    // reader ran.
    let not_a_document = br#"{"version": 1, "body": 5}"#;
    for name in ["doc.json", "DOC.JSON"] {
        let path = scratch(name, not_a_document);
        let output = yilan(&["parse", path_arg(&path)]);
        assert_fails(
            &output,
            1,
            "error: body: invalid type: integer `5`, expected a sequence\n",
        );
    }
    for name in ["doc.txt", "doc", "doc.md"] {
        let path = scratch(name, not_a_document);
        let output = yilan(&["parse", path_arg(&path)]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
    }
    // `--from` overrides the extension.
    let path = scratch("page.json", "一、总则".as_bytes());
    assert!(yilan(&["parse", "--from", "text", path_arg(&path)])
        .status
        .success());
}

#[test]
fn a_bad_document_is_reported_with_its_json_path() {
    let json = r#"{"version": 1, "body": [
        {"type": "paragraph", "text": "a"},
        {"type": "paragraph", "text": "b"},
        {"type": "paragraph", "text": "c"},
        {"type": "section", "level": 1, "marker": "一、", "heading": "总则", "blocks": [
            {"type": "section", "level": 9, "marker": "", "heading": "", "blocks": []}
        ]}
    ]}"#;
    let path = scratch("bad-level.json", json.as_bytes());
    let output = yilan(&["parse", path_arg(&path)]);
    assert_fails(
        &output,
        1,
        "error: body[3].blocks[0].level: expected 1 to 4, got 9\n",
    );
}

#[test]
fn other_model_errors() {
    let cases: [(&[u8], &str); 3] = [
        (
            b"{\"version\": 2}",
            "error: version: unsupported model version 2 (this library reads version 1)\n",
        ),
        (
            b"{\"version\": 1,",
            "error: invalid JSON: EOF while parsing a value at line 1 column 14\n",
        ),
        (
            b"",
            "error: invalid JSON: EOF while parsing a value at line 1 column 0\n",
        ),
    ];
    for (input, message) in cases {
        let output = yilan_with_stdin(&["parse", "--from", "json", "-"], Some(input));
        assert_fails(&output, 1, message);
    }
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let path = scratch(
        "bom.json",
        "\u{feff}{\"version\": 1, \"title\": \"通知\"}".as_bytes(),
    );
    let output = yilan(&["parse", "--compact", path_arg(&path)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(r#""title":"通知""#));
}

#[test]
fn an_unreadable_file_is_named_with_the_os_error() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/no-such-file.txt");
    let output = yilan(&["parse", path_arg(&missing)]);
    // The OS's own words: "No such file or directory (os error 2)" here.
    let expected = format!(
        "error: cannot read {}: {}\n",
        missing.display(),
        std::io::Error::from_raw_os_error(2)
    );
    assert_fails(&output, 1, &expected);

    // A folder is not a file either.
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let output = yilan(&["parse", "--from", "text", path_arg(folder)]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!("error: cannot read {}: ", folder.display())),
        "{err}"
    );
    assert!(err.contains("(os error"), "{err}");
}

#[test]
fn input_that_is_not_utf8_is_refused() {
    // "公开" in GBK, as some portals still serve.
    let path = scratch("gbk.txt", &[0xB9, 0xAB, 0xBF, 0xAA]);
    let output = yilan(&["parse", path_arg(&path)]);
    assert_fails(
        &output,
        1,
        &format!(
            "error: {} is not UTF-8 text (invalid byte at offset 0)\n",
            path.display()
        ),
    );
    let output = yilan_with_stdin(&["parse", "-"], Some(b"ok \xff"));
    assert_fails(
        &output,
        1,
        "error: standard input is not UTF-8 text (invalid byte at offset 3)\n",
    );
}

#[test]
fn html_input_is_read_by_its_extension_or_by_from() {
    let page = b"<div id=zoom><p>\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe4\xbd\x93\xe6\x83\x85\xe5\x86\xb5</p></div>";
    for name in ["page.html", "page.htm"] {
        let path = scratch(name, page);
        let out = yilan(&["parse", "--compact", path_arg(&path)]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["body"][0]["heading"], "总体情况", "{name}");
    }
    let out = yilan_with_stdin(&["parse", "--compact", "--from", "html", "-"], Some(page));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["body"][0]["heading"], "总体情况");
}

#[test]
fn bad_arguments_print_the_usage() {
    assert_usage_error(&yilan(&[]), "no command given");
    assert_usage_error(&yilan(&["frob"]), "unknown command 'frob'");
    assert_usage_error(&yilan(&["--frob"]), "invalid option '--frob'");
    assert_usage_error(
        &yilan(&["parse"]),
        "no input given (a FILE, or - for standard input)",
    );
    assert_usage_error(
        &yilan(&["parse", "--pretty", REFERENCE]),
        "invalid option '--pretty'",
    );
    assert_usage_error(
        &yilan(&["parse", "--from", "xml", REFERENCE]),
        "unknown input format 'xml' (expected text, html or json)",
    );
    assert_usage_error(
        &yilan(&["parse", "--from"]),
        "missing argument for option '--from'",
    );
    assert_usage_error(
        &yilan(&["parse", REFERENCE, "other.txt"]),
        "more than one input: 'other.txt'",
    );
    assert_usage_error(
        &yilan(&["parse", "--compact=yes", REFERENCE]),
        "unexpected argument for option '--compact': \"yes\"",
    );
}

#[test]
fn render_prints_a_standalone_page_of_the_reading_view() {
    let output = yilan(&["render", REFERENCE]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.starts_with("<!doctype html>"), "{}", &page[..80]);
    assert!(page.contains("<style>"), "the stylesheet is inlined");
    assert!(page.contains(r#"data-mode="standard""#));
    assert!(page.contains(">上盘镇2023年工作总结及2024年工作计划</h1>"));
    assert_eq!(page.matches("<h1").count(), 1);
}

#[test]
fn render_takes_mode_theme_scale_and_locale() {
    let output = yilan(&[
        "render",
        "--mode",
        "elderly",
        "--theme",
        "yellow-on-black",
        "--scale",
        "2.4",
        "--locale",
        "en",
        REFERENCE,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.contains(r#"data-mode="elderly""#));
    assert!(page.contains(r#"data-theme="yellow-on-black""#));
    // 2.4 snaps to the nearest scale step.
    assert!(page.contains(r#"data-scale="2.5""#));
    assert!(
        page.contains(r#"aria-label="You are here""#),
        "English words"
    );
}

#[test]
fn render_refuses_unknown_options_values() {
    assert_usage_error(
        &yilan(&["render", "--mode", "huge", REFERENCE]),
        "unknown mode 'huge': use standard or elderly",
    );
    assert_usage_error(
        &yilan(&["render", "--theme", "pink", REFERENCE]),
        "unknown theme 'pink': use auto or one of standard, yellow-on-black, white-on-black, black-on-white, cream",
    );
    assert_usage_error(
        &yilan(&["render", "--scale", "big", REFERENCE]),
        "--scale takes a number, not 'big'",
    );
}
