//! The integration test suite: one binary, one module per concern.

mod api;
mod batch;
mod cli;
mod fixtures;
mod fuzz_regressions;
mod golden_rules;
pub mod invariants;
mod properties;
mod robustness;
mod score;
mod seeds;
