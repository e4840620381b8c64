//! What the unit tests of several modules share.

/// A simple generator for the tests that draw their inputs: each call
/// gives a number below its argument, the same sequence for the same
/// `seed` (a 64-bit linear congruential generator, its high bits).
pub(crate) fn draws(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    }
}

/// Every line of the fixture texts, trimmed, with no empty ones: real
/// lines and sentences for the tests of rules.
pub(crate) fn fixture_lines() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut lines = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("a UTF-8 fixture");
        lines.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    lines
}
