//! A fixed workload for profilers (`perf`, `valgrind --tool=callgrind`):
//! extract every document of a file whose documents are separated by
//! U+0001, with every stage on (`all`), quotes only (`quotes`) or neither
//! (`none`). Subtracting the runs' instruction counts gives each part's
//! cost; an empty file gives the cost of building the extractor.
//!
//! ```text
//! cargo build --release --example profile
//! valgrind --tool=callgrind target/release/examples/profile DOCS.txt quotes
//! ```

use communique::Extractor;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: profile FILE [all|quotes|none]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let extractor = match args.get(2).map(String::as_str).unwrap_or("all") {
        "quotes" => Extractor::builder()
            .countries(false)
            .dates(false)
            .commitments(false)
            .build(),
        "none" => Extractor::builder()
            .quotes(false)
            .countries(false)
            .dates(false)
            .commitments(false)
            .build(),
        _ => Extractor::new(),
    };
    let sentences: usize = text
        .split('\u{1}')
        .map(|doc| extractor.extract(doc).sentences.len())
        .sum();
    println!("{sentences} sentences");
}
