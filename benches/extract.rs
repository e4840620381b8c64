//! Throughput of the whole pipeline and of sentences alone, in bytes per
//! second, over the seeds and all fixture texts concatenated; growing
//! pathological inputs show any superlinear stage; and the cost of building
//! an extractor.
//!
//! `cargo bench` runs everything; `cargo bench -- sentences` one group.

use std::hint::black_box;
use std::time::Duration;

use communique::Extractor;
use criterion::{BenchmarkId, Criterion, Throughput};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture text")
}

/// Every fixture text, in name order, separated by blank lines.
fn all_fixtures() -> String {
    let dir = format!("{}/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture text"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        (
            "five-eyes-ottawa-2017",
            fixture("five-eyes-ottawa-2017.txt"),
        ),
        (
            "five-country-ministerial-2019",
            fixture("five-country-ministerial-2019.txt"),
        ),
        ("fixtures-concatenated", all_fixtures()),
    ]
}

fn pipeline(c: &mut Criterion) {
    let extractor = Extractor::new();
    // Layout and sentences always run; each further configuration adds one
    // stage, so the difference from `layout+sentences` is that stage's cost.
    let only = |quotes, countries, dates, commitments| {
        Extractor::builder()
            .quotes(quotes)
            .countries(countries)
            .dates(dates)
            .commitments(commitments)
            .build()
    };
    let layout_only = only(false, false, false, false);
    let with_quotes = only(true, false, false, false);
    let with_countries = only(false, true, false, false);
    let with_dates = only(false, false, true, false);
    let with_commitments = only(false, false, false, true);
    let configs: [(&str, &Extractor); 6] = [
        ("extract", &extractor),
        ("layout+sentences", &layout_only),
        ("+quotes", &with_quotes),
        ("+countries", &with_countries),
        ("+dates", &with_dates),
        ("+commitments", &with_commitments),
    ];
    for (name, text) in inputs() {
        let mut group = c.benchmark_group("pipeline");
        group.throughput(Throughput::Bytes(text.len() as u64));
        for (config, e) in configs {
            let expected = e.extract(text.as_str()).sentences.len();
            group.bench_with_input(BenchmarkId::new(config, name), &text, |b, t| {
                b.iter(|| {
                    let doc = e.extract(black_box(t.as_str()));
                    assert_eq!(doc.sentences.len(), expected);
                    doc
                })
            });
        }
        let expected = extractor.sentences(&text).len();
        group.bench_with_input(BenchmarkId::new("sentences", name), &text, |b, t| {
            b.iter(|| {
                let s = extractor.sentences(black_box(t));
                assert_eq!(s.len(), expected);
                s
            })
        });
        group.finish();
    }
}

/// Inputs that stress one rule each, at growing sizes: time per byte must
/// stay flat from the smallest size to the largest.
fn pathological(c: &mut Criterion) {
    let extractor = Extractor::new();
    let families: [(&str, &str); 11] = [
        (
            "no-newline",
            "the minister said that the partners will act on it and ",
        ),
        (
            "mixed-quotes",
            "“He said it. ‘And then ”she went. \" « ' » „ ",
        ),
        ("nested-brackets", "(([[{("),
        ("mr-mr-mr", "Mr. "),
        ("us-abbrev", "U.S. "),
        (
            "list-markers",
            "- item one\n• item two\n(a) item three\n  1. deep\n",
        ),
        ("number-table", "2019 1,234.5 6.7% 89 10.11 12-13 $14.15\n"),
        (
            "said-colon",
            "Minister Jane Smith said:\n\nWe will act.\n\n",
        ),
        (
            "quoted-paragraph",
            "“We will act,” she said. “It is time.” ",
        ),
        (
            "dates",
            "Wednesday, 30-31 July 2019, next week and 2017-18 ",
        ),
        (
            "countries",
            "Canada, the U.S. and New Zealand; Georgia and Jordan ",
        ),
    ];
    for (family, piece) in families {
        let mut group = c.benchmark_group(format!("pathological/{family}"));
        for size in [1 << 20, 4 << 20, 16 << 20] {
            let text = piece.repeat(size / piece.len() + 1);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| {
                b.iter(|| extractor.extract(black_box(t.as_str())))
            });
        }
        group.finish();
    }
}

/// Whole extract of a large realistic input at growing sizes (the fixture
/// texts repeated): time per byte must stay flat.
fn scaling(c: &mut Criterion) {
    let extractor = Extractor::new();
    let base = all_fixtures();
    let mut group = c.benchmark_group("scaling/fixtures");
    for size in [64 << 10, 1 << 20, 20 << 20] {
        let mut text = String::with_capacity(size + base.len());
        while text.len() < size {
            text.push_str(&base);
            text.push_str("\n\n");
        }
        let cut = (0..=size.min(text.len()))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(cut);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| {
            b.iter(|| extractor.extract(black_box(t.as_str())))
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    c.bench_function("build/Extractor::new", |b| b.iter(Extractor::new));
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    pipeline(&mut c);
    pathological(&mut c);
    scaling(&mut c);
    build(&mut c);
    c.final_summary();
}
