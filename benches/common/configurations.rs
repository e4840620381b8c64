//! The extractor configurations that the benchmarks and the `throughput`
//! example both measure, kept in one place so their rows stay comparable.

use communique::Extractor;

/// The whole pipeline, then layout and sentences alone, then each further
/// stage on its own, by name. Layout and sentences always run, so the
/// difference between a `+stage` row and `layout+sentences` is that stage's
/// cost.
pub fn configurations() -> Vec<(&'static str, Extractor)> {
    let only = |quotes, countries, dates, commitments| {
        Extractor::builder()
            .quotes(quotes)
            .countries(countries)
            .dates(dates)
            .commitments(commitments)
            .build()
    };
    vec![
        ("extract", Extractor::new()),
        ("layout+sentences", only(false, false, false, false)),
        ("+quotes", only(true, false, false, false)),
        ("+countries", only(false, true, false, false)),
        ("+dates", only(false, false, true, false)),
        ("+commitments", only(false, false, false, true)),
    ]
}
