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

/// Countries, dates, quotes and speakers as the gold gives them.
fn check_entities_against_gold(doc: &Document<'_>, gold: &Value) {
    let countries: Vec<(String, Vec<String>)> = doc
        .countries
        .iter()
        .map(|c| {
            (
                c.code.to_string(),
                c.mentions.iter().map(|m| m.text.to_string()).collect(),
            )
        })
        .collect();
    let want: Vec<(String, Vec<String>)> = gold["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap().to_string(),
                strings(&c["mentions"])
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(countries, want);

    let dates: Vec<(&str, Option<String>)> = doc
        .dates
        .iter()
        .map(|d| (&*d.text, d.value.as_ref().map(|v| v.to_string())))
        .collect();
    let want: Vec<(&str, Option<String>)> = gold["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["text"].as_str().unwrap(),
                d["value"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(dates, want);

    // Quotes in any order, each once, with its kind, text and speaker (the
    // speaker's name or one of the gold's aliases for it).
    let fold = |s: &str| {
        s.trim_matches(|c: char| ",.;:!? ".contains(c))
            .to_lowercase()
    };
    let gold_speakers = gold["speakers"].as_array().unwrap();
    let names_of = |name: &str| -> Vec<String> {
        let g = gold_speakers.iter().find(|g| g["name"] == name).unwrap();
        let mut names = vec![fold(g["name"].as_str().unwrap())];
        names.extend(strings(&g["aliases"]).iter().map(|a| fold(a)));
        names
    };
    let gold_quotes = gold["quotes"].as_array().unwrap();
    assert_eq!(doc.quotes.len(), gold_quotes.len(), "number of quotes");
    for q in gold_quotes {
        let kind = q["kind"].as_str().unwrap();
        let text = fold(q["text"].as_str().unwrap());
        let found = doc
            .quotes
            .iter()
            .find(|p| serde_json::to_value(p.kind).unwrap() == kind && fold(&p.text) == text);
        let found = found.unwrap_or_else(|| panic!("quote not found: {kind} {text:?}"));
        let speaker = found.speaker.map(|i| fold(&doc.speakers[i].name));
        match q["speaker"].as_str() {
            Some(name) => assert!(
                speaker.as_ref().is_some_and(|s| names_of(name).contains(s)),
                "speaker of {text:?}: {speaker:?}, want {name}"
            ),
            None => assert_eq!(speaker, None),
        }
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
    check_entities_against_gold(&doc, &gold);
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
    check_entities_against_gold(&doc, &gold);
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    let mut want = vec![T];
    want.extend([P; 17]);
    want.extend([L; 5]);
    want.extend([P; 3]);
    assert_eq!(kinds, want);
    // The text opens with two blank lines: the title's span skips them.
    assert_eq!(doc.title.unwrap().span.start, 2);
}
