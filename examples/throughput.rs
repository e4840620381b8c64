//! Quick single-thread throughput per stage over one file, extracted as a
//! single document: the whole pipeline, layout and sentences alone, and each
//! stage added to them. A faster loop than `cargo bench` for A/B work; the
//! benchmarks remain the figures of record.
//!
//! ```text
//! cargo run --release --example throughput -- FILE [ROUNDS] [CONFIG...]
//! ```
//!
//! CONFIG names the configurations to run (`extract`, `+quotes`, ...); all
//! of them by default.

use std::time::Instant;

#[path = "../benches/common/configurations.rs"]
mod configurations;
use configurations::configurations;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: throughput FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let configs = configurations();
    let chosen: Vec<&String> = args.iter().skip(3).collect();
    let mib = text.len() as f64 / (1024.0 * 1024.0);
    for (name, extractor) in &configs {
        if !chosen.is_empty() && !chosen.iter().any(|c| c.as_str() == *name) {
            continue;
        }
        // The best of several rounds: the least disturbed by other work.
        let mut best = f64::INFINITY;
        for _ in 0..rounds {
            let start = Instant::now();
            let doc = extractor.extract(text.as_str());
            std::hint::black_box(&doc);
            drop(doc);
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "{name:>18}: {:8.1} MiB/s  {:6.2} ns/byte",
            mib / best,
            best * 1e9 / text.len() as f64
        );
    }
}
