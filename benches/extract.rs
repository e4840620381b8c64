//! Throughput of the whole pipeline and of sentences alone, in bytes per
//! second, over the seeds and all fixture texts concatenated; the same over
//! a larger corpus; growing pathological inputs show any superlinear stage;
//! whole extracts from 64 KB to 64 MB; batches on one and two threads; and
//! the cost of building an extractor.
//!
//! `cargo bench` runs everything; `cargo bench -- sentences` one group.
//!
//! The corpus input: when `COMMUNIQUE_BENCH_CORPUS` names a directory, all
//! its `*.txt` files in name order, separated by a blank line (benchmark
//! ids say `corpus`); otherwise the fixture texts the same way (ids say
//! `fixtures`). `COMMUNIQUE_BENCH_CORPUS=<dir> cargo bench -- corpus`.

use std::hint::black_box;
use std::time::Duration;

use communique::Extractor;

#[path = "common/configurations.rs"]
mod configurations;
use configurations::configurations;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture text")
}

/// The `*.txt` files of `dir`, in name order.
fn texts_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("a readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a UTF-8 text"))
        .collect()
}

/// Every fixture text, in name order, separated by blank lines.
fn all_fixtures() -> String {
    let dir = format!("{}/fixtures", env!("CARGO_MANIFEST_DIR"));
    texts_in(dir.as_ref()).join("\n\n")
}

/// The corpus input as separate documents, and its name in benchmark ids:
/// the directory `COMMUNIQUE_BENCH_CORPUS` names (`corpus`), else the
/// fixture texts (`fixtures`).
fn corpus_documents() -> (&'static str, Vec<String>) {
    if let Some(dir) = std::env::var_os("COMMUNIQUE_BENCH_CORPUS") {
        let docs = texts_in(dir.as_ref());
        assert!(
            !docs.is_empty(),
            "COMMUNIQUE_BENCH_CORPUS has no .txt files"
        );
        ("corpus", docs)
    } else {
        let dir = format!("{}/fixtures", env!("CARGO_MANIFEST_DIR"));
        ("fixtures", texts_in(dir.as_ref()))
    }
}

/// The corpus input as one text: its documents separated by blank lines.
fn corpus() -> (&'static str, String) {
    let (name, docs) = corpus_documents();
    (name, docs.join("\n\n"))
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
    let configs = configurations();
    for (name, text) in inputs() {
        let mut group = c.benchmark_group("pipeline");
        group.throughput(Throughput::Bytes(text.len() as u64));
        stages(&mut group, name, &text, &configs, &extractor);
        group.finish();
    }
}

/// Every configuration, then sentences alone, over `text`: layout and
/// sentences always run, and each further configuration adds one stage, so
/// the difference from `layout+sentences` is that stage's cost.
fn stages(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    text: &String,
    configs: &[(&'static str, Extractor)],
    extractor: &Extractor,
) {
    for (config, e) in configs {
        let expected = e.extract(text.as_str()).sentences.len();
        group.bench_with_input(BenchmarkId::new(*config, name), text, |b, t| {
            b.iter(|| {
                let doc = e.extract(black_box(t.as_str()));
                assert_eq!(doc.sentences.len(), expected);
                doc
            })
        });
    }
    let expected = extractor.sentences(text).len();
    group.bench_with_input(BenchmarkId::new("sentences", name), text, |b, t| {
        b.iter(|| {
            let s = extractor.sentences(black_box(t));
            assert_eq!(s.len(), expected);
            s
        })
    });
}

/// Inputs that stress one rule each, at growing sizes: time per byte must
/// stay flat from the smallest size to the largest.
fn pathological(c: &mut Criterion) {
    let extractor = Extractor::new();
    let families: [(&str, &str); 15] = [
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
            // One sentence with a different reporting cue every few words:
            // each is read a bounded distance either side.
            "reporting-cues",
            "Smith told reporters, according to Jones the plan, as Mr Smith has stated, noting that it ",
        ),
        (
            // One sentence of partial quotations, then of colon-introduced
            // ones: each looks back a bounded distance for its speaker.
            "partial-quotes",
            "He called it \"a big plan for all of us\" and ",
        ),
        (
            "colon-quotes",
            "Smith said: \"We will act on the plan\" and ",
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
        (
            // No white space at all, and a full stop glued to a capital
            // every few bytes: each is a candidate glued sentence.
            "glued-stops",
            "ab.Cd;a=ex.Component;",
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

/// Every stage over the corpus input (see the module docs): the same
/// configurations as `pipeline`, on a larger and more varied text.
fn corpus_stages(c: &mut Criterion) {
    let (name, text) = corpus();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Each iteration takes a good fraction of a second on the full corpus.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    stages(&mut group, name, &text, &configurations(), &extractor);
    group.finish();
}

/// `text` repeated (documents separated by blank lines) to `size` bytes,
/// cut at the last character boundary at or before `size`.
fn repeated_to(text: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + text.len() + 2);
    while out.len() < size {
        out.push_str(text);
        out.push_str("\n\n");
    }
    let cut = (0..=size.min(out.len()))
        .rev()
        .find(|&i| out.is_char_boundary(i))
        .unwrap_or(0);
    out.truncate(cut);
    out
}

/// Whole extracts of the corpus input read as texts of growing length,
/// 64 KB to 64 MB: time per byte must stay flat.
///
/// Every row reads the same mix of documents, so that only the length of
/// the texts differs: below the corpus's own length, all of its documents
/// grouped in order into texts of about that size (`texts_of`); above it,
/// the corpus repeated to that size as one text. Releases differ widely
/// in what they hold (the corpus's first megabyte has 240 quotations a
/// megabyte, the whole corpus 390), so a row cut from the front of the
/// corpus would measure its content as much as its length.
fn scaling(c: &mut Criterion) {
    let extractor = Extractor::new();
    let (name, docs) = corpus_documents();
    let mut group = c.benchmark_group(format!("scaling/{name}"));
    for size in [64 << 10, 1 << 20, 8 << 20, 64 << 20] {
        let texts = texts_of(&docs, size);
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        // Ten runs of each: every row reads the whole corpus or more, a
        // second or more at 64 MB.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if size >= 64 << 20 { 20 } else { 3 }));
        group.bench_with_input(BenchmarkId::from_parameter(size), &texts, |b, texts| {
            b.iter(|| {
                for t in texts {
                    black_box(extractor.extract(black_box(t.as_str())));
                }
            })
        });
    }
    group.finish();
}

/// `docs` as texts of about `size` bytes: in order, each text its
/// documents separated by blank lines, ended by the document that brings
/// it to `size` bytes or more. When all of `docs` make less than `size`,
/// one text: all of them repeated to `size`.
fn texts_of(docs: &[String], size: usize) -> Vec<String> {
    let whole = docs.join("\n\n");
    if whole.len() < size {
        return vec![repeated_to(&whole, size)];
    }
    let mut texts = Vec::new();
    let mut current = String::new();
    for doc in docs {
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(doc);
        if current.len() >= size {
            texts.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        texts.push(current);
    }
    texts
}

/// The corpus input's documents through `map_ordered` on one and two
/// threads: whole extracts, results handed back in order.
fn batch(c: &mut Criterion) {
    let extractor = Extractor::new();
    let (name, docs) = corpus_documents();
    let bytes: usize = docs.iter().map(String::len).sum();
    let expected: usize = docs
        .iter()
        .map(|d| extractor.extract(d).sentences.len())
        .sum();
    let mut group = c.benchmark_group(format!("batch/{name}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    for jobs in [1, 2] {
        group.bench_with_input(
            BenchmarkId::new("map_ordered/jobs", jobs),
            &docs,
            |b, docs| {
                b.iter(|| {
                    let mut sentences = 0;
                    extractor.map_ordered(
                        docs,
                        jobs,
                        |e, d| e.extract(black_box(d.as_str())).sentences.len(),
                        |n| sentences += n,
                    );
                    assert_eq!(sentences, expected);
                    sentences
                })
            },
        );
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
    corpus_stages(&mut c);
    pathological(&mut c);
    scaling(&mut c);
    batch(&mut c);
    build(&mut c);
    c.final_summary();
}
