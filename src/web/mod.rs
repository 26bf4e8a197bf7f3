//! The browser binding: the only code that names wasm_bindgen, web_sys or js_sys.
//!
//! Each exported function takes and returns plain JS values: the document
//! model crosses the boundary as its model JSON (a string, which the
//! package's entry hands its callers as a plain object) or as a plain object
//! of the same shape, never as a handle to Rust memory. Failures are thrown as JS `Error`
//! objects named `YilanError` with a stable `code` (and a `path` for model
//! errors); nothing here may panic, since a panic in wasm is a trap that
//! leaves the module unusable.

mod actions;
mod api;
mod convert;
mod core;
mod error;
mod events;
mod focus;
mod guide;
mod mount;
mod options;
mod panels;
mod place;
mod sheets;
mod speech;
mod storage;
mod tab_stop;
mod tables;
mod toolbar;
mod trusted;
mod viewer;

pub use api::{
    parse_encoded, parse_json, parse_text, render_html, speech_plan, stylesheet, themes,
};
pub use error::WebErrorCode;
pub use mount::{mount, preferences};
pub use trusted::set_trusted_html;
pub use viewer::Viewer;
