//! No input breaks the extractor: odd, huge and hostile texts all yield a
//! document whose spans are valid, and extraction finishes (a quadratic
//! stage would not finish these megabyte inputs in any reasonable time;
//! the benchmarks measure the actual growth).

use communique::{Document, Extractor, Span};
use quickcheck::{QuickCheck, TestResult};

fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
    let s = &text[span];
    assert!(
        !s.starts_with(is_space) && !s.ends_with(is_space),
        "{what}: {span:?} not trimmed: {s:?}"
    );
}

fn check_text(text: &str, span: Span, got: &str, what: &str) {
    check_span(text, span, what);
    assert_eq!(
        &text[span], got,
        "{what}: text differs from input at {span:?}"
    );
}

/// Every invariant a document must hold for the text it came from.
pub fn check_invariants(text: &str, doc: &Document<'_>) {
    let mut last_end = 0;
    for b in &doc.blocks {
        check_span(text, b.span, "block");
        assert!(!b.span.is_empty(), "empty block");
        assert!(b.span.start >= last_end, "blocks overlap or go back");
        last_end = b.span.end;
    }
    let mut last_end = 0;
    for s in &doc.sentences {
        check_text(text, s.span, &s.text, "sentence");
        assert!(!s.span.is_empty(), "empty sentence");
        assert!(s.span.start >= last_end, "sentences overlap or go back");
        last_end = s.span.end;
        let block = doc
            .blocks
            .get(s.block)
            .expect("sentence names a real block");
        assert!(block.span.contains(s.span), "sentence outside its block");
    }
    if let Some(t) = &doc.title {
        check_text(text, t.span, &t.text, "title");
    }
    for sp in &doc.speakers {
        for &m in &sp.mentions {
            check_span(text, m, "speaker mention");
        }
    }
    for q in &doc.quotes {
        check_text(text, q.span, &q.text, "quote");
        if let Some(i) = q.speaker {
            assert!(i < doc.speakers.len(), "quote names no real speaker");
        }
        if let Some(c) = &q.cue {
            check_text(text, c.span, &c.text, "cue");
        }
    }
    for c in &doc.countries {
        assert!(!c.mentions.is_empty(), "country without mentions");
        for m in &c.mentions {
            check_text(text, m.span, &m.text, "country mention");
        }
    }
    for d in &doc.dates {
        check_text(text, d.span, &d.text, "date");
    }
    for c in &doc.commitments {
        check_text(text, c.lead.span, &c.lead.text, "lead");
        assert!(
            c.items.len() >= 2,
            "commitment list with fewer than two items"
        );
        for it in &c.items {
            check_text(text, it.span, &it.text, "item");
        }
    }
}

fn run(text: &str) {
    let doc = Extractor::new().extract(text);
    check_invariants(text, &doc);
}

#[test]
fn empty_and_blank_texts() {
    for text in [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        "\r",
        "\u{FEFF}",
        "\u{A0}\u{A0}\n\t ",
        "\u{200B}",
    ] {
        let doc = Extractor::new().extract(text);
        check_invariants(text, &doc);
        assert!(
            doc.blocks.is_empty() && doc.sentences.is_empty() && doc.title.is_none(),
            "{text:?}"
        );
    }
}

#[test]
fn a_megabyte_of_one_character() {
    for c in [
        '.', '!', '?', '"', '“', '”', '\'', '’', '-', '–', '•', '(', ')', '[', ':', '…', ' ', '\n',
        'a', '1',
    ] {
        let text: String = std::iter::repeat_n(c, 1 << 20).collect();
        run(&text);
    }
}

#[test]
fn repeated_press_release_pieces() {
    for piece in [
        "Mr. ",
        "U.S. ",
        "\"",
        "“",
        "‘Hi.’ ",
        "1. ",
        "- a\n",
        "(a) x\n",
        ". . . ",
        "said: ",
        "\r\n",
        "\u{A0}",
        "e.g. ",
        "No. 10 ",
        "a.m. ",
        "1.) x ",
        "• 9. x ",
        "x.Y ",
        "www.x.com. ",
        "[...] ",
    ] {
        run(&piece.repeat(50_000));
    }
}

#[test]
fn unpaired_quotes_and_deep_brackets() {
    let mut text = String::from("Title\n\n");
    for i in 0..20_000 {
        text.push_str(if i % 3 == 0 {
            "“He said. "
        } else {
            "She left” and ‘then. "
        });
    }
    run(&text);
    let nested = format!("{}deep.{}", "(".repeat(100_000), ")".repeat(100_000));
    run(&nested);
    let nested = format!("{} Done. Next.", "“[(".repeat(50_000));
    run(&nested);
}

#[test]
fn one_huge_line_and_many_short_lines() {
    let sentence =
        "The minister said on Monday that Canada and the U.S. will act by July 23, 2015. ";
    run(&sentence.repeat(20_000));
    run(&"Ministers will:\n- act\n".repeat(40_000));
}

#[test]
fn random_bytes_through_the_byte_entry_point() {
    fn prop(bytes: Vec<u8>) -> TestResult {
        let e = Extractor::new();
        match (e.extract_bytes(&bytes), std::str::from_utf8(&bytes)) {
            (Ok(doc), Ok(text)) => {
                check_invariants(text, &doc);
                assert_eq!(doc, e.extract(text));
            }
            (Err(communique::Error::InvalidUtf8 { offset }), Err(err)) => {
                assert_eq!(offset, err.valid_up_to())
            }
            (got, want) => panic!("extract_bytes and from_utf8 disagree: {got:?} vs {want:?}"),
        }
        TestResult::passed()
    }
    QuickCheck::new()
        .tests(300)
        .quickcheck(prop as fn(Vec<u8>) -> TestResult);
}

#[test]
fn random_strings() {
    fn prop(text: String) -> TestResult {
        run(&text);
        TestResult::passed()
    }
    QuickCheck::new()
        .tests(300)
        .quickcheck(prop as fn(String) -> TestResult);
}
