//! `yilan`: the command line (cargo feature `cli`).
//!
//! ```text
//! yilan parse [--from text|html|json] [--compact] FILE|-
//! yilan render [--from text|html|json] [--mode standard|elderly] [--theme ID] [--scale N] [--locale TAG] FILE|-
//! ```
//!
//! Each command reads one input the same way ([`InputArgs`], [`read_document`])
//! and then does its own thing with the document.

// Bad input ends in a message and an exit code, never in a panic.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::panic
    )
)]

use std::ffi::{OsStr, OsString};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use yilan::Document;

const USAGE: &str = "\
yilan (易览): readable views of government information-disclosure pages (政府信息公开)

Usage:
  yilan parse [--from text|html|json] [--compact] FILE|-
  yilan render [--from text|html|json] [--mode standard|elderly] [--theme ID]
               [--scale N] [--locale TAG] FILE|-
  yilan --help | --version

Commands:
  parse    Read a page's text, a page's HTML or model JSON, and print the
           document model as JSON.
  render   Read the same inputs and print a complete, standalone HTML page
           of the reading view (stylesheet inlined) that opens from disk.

Options of render:
  --mode MODE     standard (default) or elderly.
  --theme ID      auto (default), standard, yellow-on-black, white-on-black,
                  black-on-white or cream.
  --scale N       Text scale: 1, 1.25, 1.5, 1.75, 2, 2.5 or 3 (default 1).
  --locale TAG    Language of the view's own words: zh-CN (default), zh-TW, en.

Options:
  --from FORMAT   What FILE holds: text, html or json. By default it follows
                  FILE's extension: .json is json, .html and .htm are html,
                  anything else is text; standard input is text.
  --compact       Print the JSON on one line instead of indented.
  -h, --help      Print this help.
  -V, --version   Print the version.

FILE is read as UTF-8; - reads standard input.
Exit status: 0 on success, 1 when the input cannot be read or is not valid,
2 when the arguments are wrong.
";

/// Exit status when the input cannot be read or is not valid.
const EXIT_INPUT: u8 = 1;
/// Exit status when the arguments are wrong.
const EXIT_USAGE: u8 = 2;

/// Why a command failed.
#[derive(Debug)]
enum Failure {
    /// Wrong arguments: the message, then the usage text.
    Usage(String),
    /// The input could not be read or is not valid.
    Input(String),
}

impl From<lexopt::Error> for Failure {
    fn from(error: lexopt::Error) -> Self {
        Failure::Usage(error.to_string())
    }
}

fn main() -> ExitCode {
    match run(lexopt::Parser::from_env()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn run(mut parser: lexopt::Parser) -> Result<(), Failure> {
    match parser.next()? {
        None => Err(Failure::Usage("no command given".to_owned())),
        Some(Short('h') | Long("help")) => print(USAGE.as_bytes()),
        Some(Short('V') | Long("version")) => {
            print(format!("yilan {}\n", env!("CARGO_PKG_VERSION")).as_bytes())
        }
        Some(Value(command)) => match command.to_str() {
            Some("parse") => parse_command(parser),
            Some("render") => render_command(parser),
            Some("help") => print(USAGE.as_bytes()),
            _ => Err(Failure::Usage(format!(
                "unknown command '{}'",
                command.to_string_lossy()
            ))),
        },
        Some(other) => Err(other.unexpected().into()),
    }
}

// ---- input, shared by every command ----

/// What the input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Json,
}

/// File extensions and the format each means; anything else is text.
const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("json", Format::Json),
    ("html", Format::Html),
    ("htm", Format::Html),
];

impl Format {
    fn from_name(name: &OsStr) -> Result<Format, Failure> {
        match name.to_str() {
            Some("text") => Ok(Format::Text),
            Some("html") => Ok(Format::Html),
            Some("json") => Ok(Format::Json),
            _ => Err(Failure::Usage(format!(
                "unknown input format '{}' (expected text, html or json)",
                name.to_string_lossy()
            ))),
        }
    }

    fn from_path(path: &std::path::Path) -> Format {
        let extension = path.extension().and_then(OsStr::to_str).unwrap_or("");
        EXTENSIONS
            .iter()
            .find(|(ext, _)| ext.eq_ignore_ascii_case(extension))
            .map_or(Format::Text, |(_, format)| *format)
    }
}

/// Where the input comes from.
#[derive(Debug)]
enum Source {
    Stdin,
    File(PathBuf),
}

/// The input arguments every command takes: `[--from FORMAT] FILE|-`;
/// each command's argument loop hands them here.
#[derive(Debug, Default)]
struct InputArgs {
    from: Option<Format>,
    source: Option<Source>,
}

impl InputArgs {
    /// `--from NAME`.
    fn set_from(&mut self, name: &OsStr) -> Result<(), Failure> {
        self.from = Some(Format::from_name(name)?);
        Ok(())
    }

    /// The `FILE|-` argument.
    fn set_source(&mut self, value: OsString) -> Result<(), Failure> {
        if self.source.is_some() {
            return Err(Failure::Usage(format!(
                "more than one input: '{}'",
                value.to_string_lossy()
            )));
        }
        self.source = Some(if value == "-" {
            Source::Stdin
        } else {
            Source::File(PathBuf::from(value))
        });
        Ok(())
    }
}

/// Reads the input and parses it into a document.
fn read_document(input: &InputArgs) -> Result<Document, Failure> {
    let Some(source) = &input.source else {
        return Err(Failure::Usage(
            "no input given (a FILE, or - for standard input)".to_owned(),
        ));
    };
    let format = input.from.unwrap_or(match source {
        Source::Stdin => Format::Text,
        Source::File(path) => Format::from_path(path),
    });
    match format {
        Format::Text => Ok(yilan::parse_text(&read_text(source)?)),
        Format::Json => {
            yilan::parse_json(&read_text(source)?).map_err(|e| Failure::Input(e.to_string()))
        }
        Format::Html => Ok(yilan::parse_html(
            &read_text(source)?,
            &yilan::HtmlOptions::default(),
        )),
    }
}

/// The whole input as UTF-8 text, without a byte order mark.
fn read_text(source: &Source) -> Result<String, Failure> {
    let (name, bytes) = match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
            ("standard input".to_owned(), bytes)
        }
        Source::File(path) => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path)
                .map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            (name, bytes)
        }
    };
    let mut text = String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Writes to standard output; a closed pipe (`yilan parse … | head`) is not
/// an error.
fn print(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

// ---- yilan parse ----

/// `yilan parse [--from FORMAT] [--compact] FILE|-`: prints the model as JSON.
fn parse_command(mut parser: lexopt::Parser) -> Result<(), Failure> {
    let mut input = InputArgs::default();
    let mut compact = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("from") => input.set_from(&parser.value()?)?,
            Value(value) => input.set_source(value)?,
            Long("compact") => compact = true,
            Short('h') | Long("help") => return print(USAGE.as_bytes()),
            other => return Err(other.unexpected().into()),
        }
    }
    let doc = read_document(&input)?;
    let json = if compact {
        serde_json::to_string(&doc)
    } else {
        serde_json::to_string_pretty(&doc)
    };
    let mut json = json.map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
    json.push('\n');
    print(json.as_bytes())
}

// ---- yilan render ----

/// `yilan render [--from FORMAT] [--mode M] [--theme ID] [--scale N] [--locale TAG] FILE|-`:
/// prints a standalone HTML page of the reading view.
fn render_command(mut parser: lexopt::Parser) -> Result<(), Failure> {
    let mut input = InputArgs::default();
    let mut options = yilan::RenderOptions::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("from") => input.set_from(&parser.value()?)?,
            Long("mode") => {
                let name = parser.value()?.string()?;
                options.mode = yilan::Mode::from_name(&name).ok_or_else(|| {
                    Failure::Usage(format!("unknown mode '{name}': use standard or elderly"))
                })?;
            }
            Long("theme") => {
                let id = parser.value()?.string()?;
                if id != "auto" && yilan::theme::find(&id).is_none() {
                    let known: Vec<&str> = yilan::theme::themes().iter().map(|t| t.id).collect();
                    return Err(Failure::Usage(format!(
                        "unknown theme '{id}': use auto or one of {}",
                        known.join(", ")
                    )));
                }
                options.theme = id;
            }
            Long("scale") => {
                let text = parser.value()?.string()?;
                options.scale = text
                    .parse::<f32>()
                    .ok()
                    .filter(|n| n.is_finite() && *n > 0.0)
                    .ok_or_else(|| {
                        Failure::Usage(format!("--scale takes a number, not '{text}'"))
                    })?;
            }
            Long("locale") => {
                options.locale = yilan::render::Locale::from_tag(&parser.value()?.string()?);
            }
            Value(value) => input.set_source(value)?,
            Short('h') | Long("help") => return print(USAGE.as_bytes()),
            other => return Err(other.unexpected().into()),
        }
    }
    let doc = read_document(&input)?;
    print(yilan::render::standalone(&doc, &options).as_bytes())
}
