//! Shared by the benchmarks.

pub mod corpus;
