//! Arbitrary bytes through the byte entry point, checked by the same
//! invariants as the property tests. Run with `cargo +nightly fuzz run
//! extract`; put a minimised crash in `tests/fuzz/testdata/` so that
//! `cargo test` replays it.

#![no_main]

use std::sync::LazyLock;

use communique::Extractor;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants.rs"]
mod invariants;

/// Inputs are capped so that each run stays fast; size-dependent bugs are
/// the benchmarks' and the pathological tests' job.
const MAX_INPUT: usize = 64 * 1024;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let data = &data[..data.len().min(MAX_INPUT)];
    invariants::check_bytes(&EXTRACTOR, data);
});
