//! No input breaks the extractor: odd, huge and hostile texts all yield a
//! document whose spans are valid, and extraction finishes (a quadratic
//! stage would not finish these megabyte inputs in any reasonable time;
//! the benchmarks measure the actual growth).

use communique::Extractor;

use crate::invariants::check_invariants;

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
        "2019 1,234.5 6.7% 89 10.11 12-13 $14.15\n",
        "“‘\"«„'”’»",
        "- ",
        "Minister Jane Smith said:\n\nWe will act.\n\n",
        "“We will act,” she said. ",
        "30-31 July 2019, Wednesday ",
        "Georgia Jordan Chad Turkey ",
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
