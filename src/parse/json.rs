//! Model JSON → validated Document.

use crate::error::{ErrorCode, ModelError};
use crate::model::Document;

/// Parses and validates model JSON.
pub fn parse_json(input: &str) -> Result<Document, ModelError> {
    serde_json::from_str(input).map_err(|e| ModelError::new(ErrorCode::Syntax, "", e.to_string()))
}
