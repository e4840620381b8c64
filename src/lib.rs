//! communique turns the plain text of news articles and government press
//! releases into typed data: its layout, its sentences, who is quoted and
//! what they said, which countries it names, which dates it names
//! (normalised), and the commitments it lists.
//!
//! # Example
//!
//! ```
//! use communique::{Date, Extractor, Input};
//!
//! let text = "Ministers agree new measures\n\n\
//!     The partners met in Ottawa on Wednesday.\n\n\
//!     In addition, they plan to:\n\n\
//!     - Share ideas on handling the threat;\n\
//!     - Explore the possibility of joint operations.\n";
//!
//! // Build once (it compiles every table), then extract as often as needed.
//! let extractor = Extractor::new();
//! let date: Date = "2017-06-28".parse()?;
//! let doc = extractor.extract(Input::new(text).reference_date(date));
//!
//! assert_eq!(doc.title.as_ref().unwrap().text, "Ministers agree new measures");
//! assert_eq!(doc.sentences[1].text, "The partners met in Ottawa on Wednesday.");
//! let list = &doc.commitments[0];
//! assert_eq!(list.lead.text, "In addition, they plan to:");
//! assert_eq!(list.actor.as_deref(), Some("they"));
//! assert_eq!(list.items[1].text, "Explore the possibility of joint operations.");
//!
//! // Every part serialises to the JSON form of the specification.
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with(r#"{"reference_date":"2017-06-28","title":{"span":[0,28]"#));
//! # Ok::<(), communique::Error>(())
//! ```
//!
//! # Overview
//!
//! An [`Extractor`] runs a fixed pipeline of stages, each in its own module
//! and each reading only what earlier stages produced:
//!
//! 1. **layout** cuts the text into [`Block`]s: title, headings,
//!    paragraphs, list items (with marker and depth), captions and
//!    boilerplate (page furniture, from a data table of patterns).
//! 2. **sentence** cuts each block into [`Sentence`]s.
//! 3. **quote**, **country** and **date** find [`Quote`]s and
//!    [`Speaker`]s, [`Country`] mentions and [`DateMention`]s, never inside
//!    boilerplate.
//! 4. **commitment** finds lists whose lead-in expresses intent
//!    ([`Commitment`]).
//!
//! The result is a [`Document`] that borrows the input: text fields are
//! slices of it, and cross-references (a sentence's block, a quote's
//! speaker) are indices.
//!
//! # Spans
//!
//! Every [`Span`] is a half-open byte range into the input exactly as given
//! (no normalisation happens before extraction), on UTF-8 character
//! boundaries, without leading or trailing white space, and `&input[span]`
//! is the entity's `text`.
//!
//! # Performance
//!
//! Building an [`Extractor`] compiles every regex, automaton and table, so
//! build one and share it; it is `Send + Sync` and cheap to clone.
//! Extraction is a handful of linear passes over the input. Turn off the
//! stages you do not need with [`Extractor::builder`]; for sentences alone,
//! [`Extractor::sentences`] skips layout too. For many documents,
//! [`Extractor::map_ordered`] runs one shared extractor on every core and
//! streams results back in input order with bounded memory
//! ([`Extractor::extract_all`] when the texts are already in memory).
//! `cargo bench` measures every
//! stage in MB/s over the bundled fixtures (see the README for figures).
//!
//! # Untrusted input
//!
//! Any `&str` yields a [`Document`]: no input makes extraction panic, and
//! every stage runs in time linear in the input. The only error is bytes
//! that are not UTF-8 ([`Extractor::extract_bytes`] returns
//! [`Error::InvalidUtf8`] with the byte offset); nothing is ever silently
//! altered.
//!
//! # Command line
//!
//! The `communique` binary prints one document as JSON
//! (`communique [--reference-date YYYY-MM-DD] [--pretty] [FILE]`), or one
//! JSON object per line with `--jsonl [--jobs N] FILE...`, extracted on
//! every core and written in input order.
//!
//! # Design choices
//!
//! The crate follows the shape its models suggest (one module per stage,
//! data tables under `src/data/`, a compile-once extractor), with two
//! deliberate differences: the calendar is a few dozen lines of integer
//! arithmetic in `calendar` rather than `jiff` (only days, weekdays and ISO
//! weeks are needed), and the compiled patterns are built from the tables
//! without a code generator, since building an extractor takes
//! milliseconds.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod analysis;
/// Many documents on all cores, results streamed back in input order:
/// [`Extractor::map_ordered`], [`Extractor::try_map_ordered`] and
/// [`Extractor::extract_all`].
mod batch;
mod bitset;
mod calendar;
mod commitment;
mod country;
mod date;
mod document;
mod error;
mod extractor;
mod hash;
mod layout;
mod pattern;
mod quote;
mod sentence;
mod span;
mod tables;
#[cfg(test)]
mod testing;
mod text;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use batch::{available_jobs, BATCH_GROUP};
pub use calendar::Date;
pub use commitment::Commitment;
pub use country::{Country, CountryCode};
pub use date::{DateMention, DateValue, ParseDateValueError, Season};
pub use document::{Document, TextSpan};
pub use error::Error;
pub use extractor::{Builder, Extractor, Input};
pub use layout::{Block, BlockKind};
pub use quote::{Quote, QuoteKind, Speaker, SpeakerKind};
pub use sentence::Sentence;
pub use span::Span;
