//! Properties over random input: random bytes, random strings, and text
//! built from the pieces press releases are made of.

use communique::{BlockKind, Document, Extractor};
use quickcheck::{Arbitrary, Gen, QuickCheck, TestResult};

use crate::invariants::{check_bytes, check_invariants};

/// Pieces of press releases and scraped pages, joined at random.
const PIECES: &[&str] = &[
    "The minister said",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{A0}",
    "\u{FEFF}",
    "\u{200B}",
    "\0",
    ".",
    ". ",
    "?",
    "!",
    "…",
    ". . .",
    ":",
    ";",
    ",",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "- ",
    "– ",
    "— ",
    "• ",
    "* ",
    "1. ",
    "2) ",
    "(a) ",
    "iv. ",
    "  - ",
    "Mr. ",
    "Dr. ",
    "U.S. ",
    "U.K.",
    "No. 10",
    "e.g. ",
    "a.m. ",
    "Jan. ",
    "3.5",
    "$1,000.00",
    "Canada",
    "Canadians",
    "Australian",
    "the United States",
    "Georgia",
    "Turkey",
    "New Mexico",
    "US$",
    "July 23, 2015",
    "30-31 July 2019",
    "Wednesday",
    "today",
    "next week",
    "2017-18",
    "OTTAWA, June 28, 2017 —",
    "Published 30 July 2019",
    "Prime Minister Justin Trudeau",
    "said:",
    " said.",
    " said, “",
    "according to officials, ",
    "They plan to:",
    "We will:",
    "READ MORE: ",
    "WATCH: ",
    "Story continues below advertisement",
    "###",
    "www.example.com",
    "[link](https://example.com/a.b)",
    "&amp;",
    "😀",
    "e\u{301}",
    "\u{5E9}\u{5DC}\u{5D5}\u{5DD}",
    "\u{627}\u{644}\u{633}\u{644}\u{627}\u{645}",
    "中文。",
    "Ωmega",
    "İstanbul",
    "ß",
];

/// A text assembled from press-release pieces.
#[derive(Clone, Debug)]
struct Release(String);

impl Arbitrary for Release {
    fn arbitrary(g: &mut Gen) -> Release {
        let n = usize::arbitrary(g) % 200;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(g.choose(PIECES).copied().unwrap_or(" "));
            if bool::arbitrary(g) {
                s.push(' ');
            }
        }
        Release(s)
    }

    fn shrink(&self) -> Box<dyn Iterator<Item = Release>> {
        Box::new(self.0.shrink().map(Release))
    }
}

/// Sentences cover every non-space character of the blocks, and the text
/// between blocks holds nothing but white space and list markers.
fn check_coverage(text: &str, doc: &Document<'_>) {
    let is_space = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
            )
    };
    let mut covered = vec![false; text.len()];
    for s in &doc.sentences {
        covered[s.span.range()].iter_mut().for_each(|c| *c = true);
    }
    let mut prev_end = 0;
    for b in &doc.blocks {
        for (i, c) in text[b.span].char_indices() {
            assert!(
                is_space(c) || covered[b.span.start + i],
                "character {c:?} at {} in no sentence",
                b.span.start + i
            );
        }
        let gap: String = text[prev_end..b.span.start]
            .chars()
            .filter(|&c| !is_space(c))
            .collect();
        let marker: String = b
            .marker
            .as_deref()
            .unwrap_or("")
            .chars()
            .filter(|&c| !is_space(c))
            .collect();
        if b.kind == BlockKind::ListItem || b.marker.is_some() {
            assert_eq!(gap, marker, "text before a list item is not its marker");
        } else {
            assert!(gap.is_empty(), "text {gap:?} between blocks");
        }
        prev_end = b.span.end;
    }
    let tail: String = text[prev_end..].chars().filter(|&c| !is_space(c)).collect();
    assert!(tail.is_empty(), "text {tail:?} after the last block");
}

fn check_text(text: &str) {
    let e = Extractor::new();
    check_bytes(&e, text.as_bytes());
    let doc = e.extract(text);
    check_invariants(text, &doc);
    check_coverage(text, &doc);
}

#[test]
fn random_bytes() {
    fn prop(bytes: Vec<u8>) -> TestResult {
        check_bytes(&Extractor::new(), &bytes);
        TestResult::passed()
    }
    QuickCheck::new()
        .tests(300)
        .quickcheck(prop as fn(Vec<u8>) -> TestResult);
}

#[test]
fn random_strings() {
    fn prop(text: String) -> TestResult {
        check_text(&text);
        TestResult::passed()
    }
    QuickCheck::new()
        .tests(300)
        .quickcheck(prop as fn(String) -> TestResult);
}

#[test]
fn press_release_pieces() {
    fn prop(r: Release) -> TestResult {
        check_text(&r.0);
        TestResult::passed()
    }
    QuickCheck::new()
        .tests(500)
        .quickcheck(prop as fn(Release) -> TestResult);
}

#[test]
fn invalid_utf8_reports_where_decoding_stops() {
    fn prop(prefix: String, suffix: Vec<u8>) -> TestResult {
        let mut bytes = prefix.clone().into_bytes();
        bytes.push(0xFF);
        bytes.extend(suffix);
        match Extractor::new().extract_bytes(&bytes) {
            Err(communique::Error::InvalidUtf8 { offset }) => {
                assert_eq!(offset, prefix.len());
                TestResult::passed()
            }
            other => panic!("expected InvalidUtf8, got {other:?}"),
        }
    }
    QuickCheck::new()
        .tests(200)
        .quickcheck(prop as fn(String, Vec<u8>) -> TestResult);
}
