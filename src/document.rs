//! The extraction result: one [`Document`] per input text.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::commitment::Commitment;
use crate::country::Country;
use crate::date::DateMention;
use crate::layout::Block;
use crate::quote::{Quote, Speaker};
use crate::sentence::Sentence;
use crate::{Date, Span};

/// Everything communique found in one text.
///
/// Its serde form is the JSON object of the crate's specification: spans are
/// `[start, end]` byte pairs into the input, cross-references (a sentence's
/// block, a quote's speaker) are indices into the sibling lists. Text fields
/// borrow from the input where they can.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document<'h> {
    /// The date relative expressions were resolved against: the caller's,
    /// else one inferred from a dateline, else `None`.
    pub reference_date: Option<Date>,
    /// The headline, when the first block reads as one.
    #[serde(borrow)]
    pub title: Option<TextSpan<'h>>,
    /// The text cut into blocks, in order.
    #[serde(borrow)]
    pub blocks: Vec<Block<'h>>,
    /// Every sentence of every block, in order.
    #[serde(borrow)]
    pub sentences: Vec<Sentence<'h>>,
    /// Everyone to whom the text attributes a quote, once each.
    #[serde(borrow)]
    pub speakers: Vec<Speaker<'h>>,
    /// Direct, partial, block and indirect quotes, in order.
    #[serde(borrow)]
    pub quotes: Vec<Quote<'h>>,
    /// Countries named, one entry per code, in order of first mention.
    #[serde(borrow)]
    pub countries: Vec<Country<'h>>,
    /// Date expressions, in order, with normalised values.
    #[serde(borrow)]
    pub dates: Vec<DateMention<'h>>,
    /// Lists whose lead-in expresses intent or agreement.
    #[serde(borrow)]
    pub commitments: Vec<Commitment<'h>>,
}

/// A piece of the input: its span and its text (`&input[span]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextSpan<'h> {
    /// Where the text stands in the input.
    pub span: Span,
    /// The text itself.
    #[serde(borrow)]
    pub text: Cow<'h, str>,
}

impl<'h> TextSpan<'h> {
    /// The text at `span` of `input`. The span must come from a stage that
    /// built it on character boundaries; an invalid one yields empty text
    /// rather than a panic.
    pub(crate) fn at(input: &'h str, span: Span) -> TextSpan<'h> {
        TextSpan {
            span,
            text: Cow::Borrowed(input.get(span.range()).unwrap_or("")),
        }
    }
}
