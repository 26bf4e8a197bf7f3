//! yilan (易览): readable, accessible views of Chinese government
//! information-disclosure pages (政府信息公开), with an elderly mode (老年模式).
//!
//! The pipeline is plain Rust with no browser types:
//!
//! ```text
//!  page text ─┐
//!  page HTML ─┼─► parse ─► Document ─┬─► render ─► HTML + stylesheet
//!  model JSON ┘  (+ diagnostics)     └─► speech plan
//! ```
//!
//! ```
//! let doc = yilan::parse_text("一、总体情况\n今年以来，工作有序推进。");
//! assert_eq!(doc.body.len(), 1);
//! ```

// No panic on any input, by construction: what could panic on input-derived
// data (an unwrap, an index, a string slice off a character boundary) is
// refused in the library (the command line denies the same); tests and
// benches may unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod error;
mod hash;
pub mod ids;
mod json_out;
pub mod model;
pub mod parse;
pub mod prefs;
pub mod render;
mod sort;
pub mod speech;
pub mod theme;
mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::{Diagnostic, DiagnosticCode, ErrorCode, ModelError};
pub use model::Document;
#[cfg(all(feature = "html", not(target_arch = "wasm32")))]
pub use parse::html::parse_html;
pub use parse::html::{parse_encoded, parse_events, HtmlOptions};
pub use parse::json::parse_json;
pub use parse::text::{parse_text, parse_text_with, TextOptions};
pub use render::{render, Mode, RenderOptions};
pub use speech::{speech_plan, Chunk, ChunkKind, Plan, SpeechOptions};

/// The browser build's allocator: talc, made for WebAssembly, where it is
/// smaller than the default dlmalloc (the .wasm 2.6 KB gzip less) and as
/// fast on the parse and render of the test pages.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
