//! The integration test suite: one binary, one module per concern.

mod api;
mod cli;
mod fixtures;
mod golden_rules;
mod robustness;
mod score;
mod seeds;
