//! One pipeline, several front ends: page text (and, later, page HTML)
//! become [`lines::Line`]s, lines become a [`crate::Document`]; model JSON is
//! validated into one.

pub mod assemble;
pub mod blocks;
mod body;
pub(crate) mod chars;
pub mod chrome;
pub mod contents;
mod ending;
pub mod enumeration;
pub mod head;
pub mod html;
pub mod json;
pub mod limit;
pub mod lines;
pub mod meta;
pub mod numbering;
pub mod outline;
pub mod script;
pub mod tables;
pub mod text;
