//! The public API: thread safety, serde form and round trip, byte entry
//! point, reference dates.

use communique::{BlockKind, Date, Document, Error, Extractor, Input, Span};

#[test]
fn extractor_is_send_sync_and_unwind_safe() {
    fn assert_all<T: Send + Sync + Clone + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<Extractor>();
    assert_all::<Document<'static>>();
    assert_all::<Error>();
}

#[test]
fn shared_across_threads_gives_the_same_result() {
    let extractor = Extractor::new();
    let text =
        "Title\n\nThe minister said on Monday that it would happen. “We will act,” she said.";
    let want = extractor.extract(text);
    std::thread::scope(|s| {
        for _ in 0..2 {
            let e = extractor.clone();
            let want = &want;
            s.spawn(move || assert_eq!(&e.extract(text), want));
        }
    });
}

#[test]
fn json_has_the_specified_shape_and_round_trips() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/five-eyes-ottawa-2017.txt"
    ))
    .unwrap();
    let date: Date = "2017-06-28".parse().unwrap();
    let doc = Extractor::new().extract(Input::new(&text).reference_date(date));
    let json = serde_json::to_string(&doc).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = vec![
        "blocks",
        "commitments",
        "countries",
        "dates",
        "quotes",
        "reference_date",
        "sentences",
        "speakers",
        "title",
    ];
    want.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, want);
    assert_eq!(value["reference_date"], "2017-06-28");
    assert_eq!(value["title"]["span"], serde_json::json!([0, 86]));
    assert_eq!(
        value["blocks"][0],
        serde_json::json!({"kind": "title", "span": [0, 86]})
    );
    assert_eq!(value["blocks"][26]["kind"], "list_item");
    assert_eq!(value["blocks"][26]["marker"], "–");
    assert_eq!(value["sentences"][0]["block"], 0);
    assert_eq!(value["commitments"][0]["actor"], "they");
    let back: Document<'_> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn bytes_entry_point_matches_text_and_reports_offsets() {
    let e = Extractor::new();
    let text = "Caf\u{e9} society\n\nIt opened today.";
    assert_eq!(e.extract_bytes(text.as_bytes()).unwrap(), e.extract(text));
    let mut bad = b"Good start. ".to_vec();
    bad.extend([0xC3, 0x28]);
    assert_eq!(
        e.extract_bytes(&bad).unwrap_err(),
        Error::InvalidUtf8 { offset: 12 }
    );
    assert_eq!(
        Error::InvalidUtf8 { offset: 12 }.to_string(),
        "invalid UTF-8 at byte offset 12"
    );
}

#[test]
fn reference_date_comes_from_the_call_then_the_builder() {
    let d1: Date = "2019-07-30".parse().unwrap();
    let d2: Date = "2020-01-01".parse().unwrap();
    let e = Extractor::builder().reference_date(Some(d2)).build();
    assert_eq!(e.extract("Text.").reference_date, Some(d2));
    assert_eq!(
        e.extract(Input::new("Text.").reference_date(d1))
            .reference_date,
        Some(d1)
    );
    assert_eq!(Extractor::new().extract("Text.").reference_date, None);
    assert_eq!("2019-02-29".parse::<Date>(), Err(Error::InvalidDate));
}

#[test]
fn stages_can_be_turned_off() {
    let text = "Title\n\nThey plan to:\n\n- do one thing;\n- do another.";
    let all = Extractor::new().extract(text);
    assert_eq!(all.commitments.len(), 1);
    let none = Extractor::builder()
        .commitments(false)
        .build()
        .extract(text);
    assert!(none.commitments.is_empty());
    assert_eq!(none.blocks, all.blocks);
    assert_eq!(none.blocks[2].kind, BlockKind::ListItem);
}

#[test]
fn spans_index_and_print() {
    let s = Span::from(2..5);
    assert_eq!(&"abcdefg"[s], "cde");
    assert_eq!(format!("{s:?}"), "2..5");
    assert_eq!(serde_json::to_string(&s).unwrap(), "[2,5]");
    assert!(Span::new(5, 2).is_empty());
}
