//! The invariants every document holds for the text it came from, shared
//! by the robustness tests, the property tests and the fuzz target (which
//! includes this file by path).

use communique::{Document, Error, Extractor, Span};

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

/// Runs raw bytes through the byte entry point and checks everything that
/// must hold: the error offset for invalid UTF-8; for text, the invariants,
/// agreement with the `&str` entry point, determinism and a serde round
/// trip.
pub fn check_bytes(extractor: &Extractor, bytes: &[u8]) {
    match (extractor.extract_bytes(bytes), std::str::from_utf8(bytes)) {
        (Ok(doc), Ok(text)) => {
            check_invariants(text, &doc);
            assert_eq!(
                doc,
                extractor.extract(text),
                "extract_bytes and extract differ"
            );
            let json = serde_json::to_string(&doc).expect("a document serialises");
            let back: Document<'_> = serde_json::from_str(&json).expect("its JSON deserialises");
            assert_eq!(back, doc, "serde round trip changed the document");
        }
        (Err(Error::InvalidUtf8 { offset }), Err(e)) => assert_eq!(offset, e.valid_up_to()),
        (got, want) => panic!("extract_bytes and from_utf8 disagree: {got:?} vs {want:?}"),
    }
}
