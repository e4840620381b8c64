//! The two seed documents come out exactly as their gold says for title,
//! blocks, sentences, boilerplate and commitments.

use communique::{BlockKind, Document, Extractor, Input};
use serde_json::Value;

use BlockKind::{Boilerplate as B, Caption as C, ListItem as L, Paragraph as P, Title as T};

fn load(id: &str) -> (String, Value) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/");
    let text = std::fs::read_to_string(format!("{dir}{id}.txt")).unwrap();
    let gold =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}{id}.gold.json")).unwrap())
            .unwrap();
    (text, gold)
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

fn check_against_gold(doc: &Document<'_>, text: &str, gold: &Value) {
    assert_eq!(doc.title.as_ref().map(|t| &*t.text), gold["title"].as_str());
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| &*s.text).collect();
    assert_eq!(sentences, strings(&gold["sentences"]));
    for s in &doc.sentences {
        assert_eq!(&text[s.span], s.text);
    }
    let boilerplate: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .map(|b| &text[b.span])
        .collect();
    assert_eq!(boilerplate, strings(&gold["boilerplate"]));
    let gold_lists = gold["commitments"].as_array().unwrap();
    assert_eq!(doc.commitments.len(), gold_lists.len());
    for (got, want) in doc.commitments.iter().zip(gold_lists) {
        assert_eq!(got.lead.text, want["lead"].as_str().unwrap());
        assert_eq!(got.actor.as_deref(), want["actor"].as_str());
        let items: Vec<&str> = got.items.iter().map(|i| &*i.text).collect();
        assert_eq!(items, strings(&want["items"]));
    }
}

fn extract<'h>(text: &'h str, gold: &Value) -> Document<'h> {
    let date = gold["reference_date"].as_str().unwrap().parse().unwrap();
    Extractor::new().extract(Input::new(text).reference_date(date))
}

#[test]
fn five_eyes_ottawa_2017() {
    let (text, gold) = load("five-eyes-ottawa-2017");
    let doc = extract(&text, &gold);
    check_against_gold(&doc, &text, &gold);
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            T, C, C, P, P, P, P, B, P, B, P, P, P, P, P, P, B, B, B, P, B, P, B, P, P, P, L, L, L,
            B
        ]
    );
    let markers: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| b.marker.as_deref())
        .collect();
    assert_eq!(markers, ["–", "–", "–"]);
}

#[test]
fn five_country_ministerial_2019() {
    let (text, gold) = load("five-country-ministerial-2019");
    let doc = extract(&text, &gold);
    check_against_gold(&doc, &text, &gold);
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    let mut want = vec![T];
    want.extend([P; 17]);
    want.extend([L; 5]);
    want.extend([P; 3]);
    assert_eq!(kinds, want);
    // The text opens with two blank lines: the title's span skips them.
    assert_eq!(doc.title.unwrap().span.start, 2);
}
