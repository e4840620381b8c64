//! The fixture suite: extract every fixture text, score it against its gold
//! annotation, print the table, and fail when a figure falls below the floor
//! recorded in fixtures/floors.json.

use std::collections::BTreeMap;
use std::path::Path;

use communique::{Date, Extractor, Input};
use serde_json::Value;

use crate::score::{score_doc, Counts, ROWS};

/// The floors: figure name to the lowest value it may reach.
pub fn floors() -> BTreeMap<String, f64> {
    serde_json::from_str(include_str!("../fixtures/floors.json"))
        .expect("fixtures/floors.json parses")
}

fn fixtures_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
}

/// Extracts and scores every gold fixture; the counts and the number of
/// documents.
pub fn score_all() -> (Counts, usize) {
    let extractor = Extractor::new();
    let mut counts = Counts::default();
    let mut n = 0;
    let mut paths: Vec<_> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/ is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    for path in paths {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let source = gold["source"].as_str().expect("gold has a source");
        let text_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(source);
        let text = std::fs::read_to_string(&text_path)
            .unwrap_or_else(|e| panic!("{}: {e}", text_path.display()));
        let mut input = Input::new(&text);
        if let Some(d) = gold["reference_date"].as_str() {
            input = input.reference_date(d.parse::<Date>().expect("gold reference date"));
        }
        let doc = extractor.extract(input);
        let pred = serde_json::to_value(&doc).expect("document serialises");
        score_doc(&gold, &pred, &text, &mut counts);
        n += 1;
    }
    (counts, n)
}

#[test]
fn every_figure_meets_its_floor() {
    let (counts, n) = score_all();
    let floors = floors();
    println!("{n} documents");
    println!(
        "{:34} {:>6} {:>6} {:>6}   {:>6}",
        "", "P", "R", "F1", "floor"
    );
    let mut below = Vec::new();
    for (key, label) in ROWS {
        let (p, r, f) = counts.prf(key);
        let floor = floors
            .get(*key)
            .copied()
            .unwrap_or_else(|| panic!("floors.json has no {key}"));
        println!("{label:34} {p:6.3} {r:6.3} {f:6.3}   {floor:6.3}");
        // Floors are recorded to three decimals; compare at that precision.
        if (f * 1000.0).round() < (floor * 1000.0).round() {
            below.push(format!("{key}: F1 {f:.3} below its floor {floor:.3}"));
        }
    }
    assert!(n >= 45, "expected at least 45 gold fixtures, found {n}");
    assert!(
        below.is_empty(),
        "figures below their floors:\n{}",
        below.join("\n")
    );
}
