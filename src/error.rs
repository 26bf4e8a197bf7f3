//! Errors and diagnostics.
//!
//! Model JSON can be wrong, so [`crate::parse_json`] returns a [`ModelError`]
//! that says what is wrong and where (a JSON path such as
//! `body[3].blocks[0].level`). Page text and HTML are never wrong: their
//! parsers always return a document and note what they were unsure of as
//! [`Diagnostic`]s.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What kind of problem a [`ModelError`] reports. Stable strings: the JS
/// binding exposes them as `error.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The input is not JSON at all (or ends early).
    Syntax,
    /// A value has the wrong type, a field is missing or unknown.
    Shape,
    /// A value has the right type but is out of range or inconsistent.
    Value,
    /// The `version` is not one this crate reads.
    Version,
    /// The input is larger than the configured limit, or nests deeper
    /// than [`crate::parse::json::MAX_NESTING`] levels.
    TooLarge,
}

impl ErrorCode {
    /// The stable name, as used in JSON and in JavaScript.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Syntax => "syntax",
            ErrorCode::Shape => "shape",
            ErrorCode::Value => "value",
            ErrorCode::Version => "version",
            ErrorCode::TooLarge => "tooLarge",
        }
    }
}

/// Model JSON that cannot become a [`crate::Document`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ModelError {
    pub code: ErrorCode,
    /// Where: a JSON path like `body[3].blocks[0].level`; empty for the root.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl ModelError {
    /// A new error.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        ModelError {
            code,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ModelError {}

/// What a diagnostic is about. Stable strings, as in the model JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum DiagnosticCode {
    /// The page has no recognisable title.
    NoTitle,
    /// No body text was found.
    NoBody,
    /// The page's main content could not be located (HTML).
    NoContent,
    /// A metadata block appeared twice and was kept once.
    DuplicateMeta,
    /// A heading marker skipped a level or came out of order.
    OutlineGap,
    /// Numbering deeper than the model's four levels was kept as a list.
    TooDeep,
    /// A value looks damaged (a broken date, a cut-off document number).
    Garbled,
    /// A line could not be placed with confidence; kept as a paragraph.
    Unplaced,
    /// The input was cut at the size limit.
    Truncated,
}

impl DiagnosticCode {
    /// The code's name in JSON (`duplicateMeta`).
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::NoTitle => "noTitle",
            DiagnosticCode::NoBody => "noBody",
            DiagnosticCode::NoContent => "noContent",
            DiagnosticCode::DuplicateMeta => "duplicateMeta",
            DiagnosticCode::OutlineGap => "outlineGap",
            DiagnosticCode::TooDeep => "tooDeep",
            DiagnosticCode::Garbled => "garbled",
            DiagnosticCode::Unplaced => "unplaced",
            DiagnosticCode::Truncated => "truncated",
        }
    }
}

/// Something a parser noticed: never an error, always with the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Diagnostic {
    pub code: DiagnosticCode,
    /// What was noticed, in plain words.
    pub message: String,
    /// The 1-based input line it concerns, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl Diagnostic {
    /// A new diagnostic.
    pub fn new(code: DiagnosticCode, message: impl Into<String>, line: Option<u32>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            line,
        }
    }
}
