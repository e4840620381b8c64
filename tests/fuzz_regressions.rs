//! Inputs the fuzzer found (tests/fuzz/testdata/), replayed as tests: each
//! must pass the same checks as the fuzz target.

use communique::Extractor;

use crate::invariants::check_bytes;

#[test]
fn replay_fuzz_findings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz/testdata");
    let extractor = Extractor::new();
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("tests/fuzz/testdata exists") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable finding");
        check_bytes(&extractor, &bytes);
        n += 1;
    }
    assert!(n >= 1, "no fuzz findings to replay");
}
