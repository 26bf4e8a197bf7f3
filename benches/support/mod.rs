//! Shared by the benchmarks.

pub mod corpus;
#[cfg(feature = "html")]
pub mod html;
