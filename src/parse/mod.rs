//! One pipeline, several front ends: page text and page HTML become lines,
//! lines become a [`crate::Document`]; model JSON is validated into one.

pub mod json;
pub mod text;
