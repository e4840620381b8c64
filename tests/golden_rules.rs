//! The 52 English sentence-boundary "golden rules" (fixtures/golden_rules_en.json).

use communique::Extractor;
use serde::Deserialize;

use crate::fixtures::floors;

#[derive(Deserialize)]
struct Rule {
    id: u32,
    name: String,
    text: String,
    sentences: Vec<String>,
    in_pysbd_48: bool,
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits every rule's text as one block of prose and compares the
/// sentences with the expected ones, white space folded (rules 40 and 41
/// expect a stray newline to read as a space).
#[test]
fn golden_rules_meet_their_floors() {
    let rules: Vec<Rule> = serde_json::from_str(include_str!("../fixtures/golden_rules_en.json"))
        .expect("golden rules parse");
    assert_eq!(rules.len(), 52);
    let extractor = Extractor::new();
    let (mut pass48, mut pass52) = (0, 0);
    for rule in &rules {
        let got: Vec<String> = extractor
            .sentences(&rule.text)
            .iter()
            .map(|&s| fold(&rule.text[s]))
            .collect();
        let want: Vec<String> = rule.sentences.iter().map(|s| fold(s)).collect();
        if got == want {
            pass52 += 1;
            pass48 += usize::from(rule.in_pysbd_48);
        } else {
            println!(
                "golden rule #{:03} {} failed:\n  got  {got:?}\n  want {want:?}",
                rule.id, rule.name
            );
        }
    }
    println!("golden rules: {pass48}/48 of pySBD's set, {pass52}/52 in all");
    let floors = floors();
    assert!(
        pass48 as f64 >= floors["golden_rules.pysbd48"],
        "pySBD's 48: {pass48} below its floor"
    );
    assert!(
        pass52 as f64 >= floors["golden_rules.all52"],
        "all 52: {pass52} below its floor"
    );
}
