//! Quotes and their speakers: who said what.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::country::{CountryCode, CountryFinder};
use crate::document::TextSpan;
use crate::Span;

/// Someone to whom the text attributes a quote: a person, an organisation
/// or a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker<'h> {
    /// The fullest name the text gives, without the role ("William P. Barr").
    #[serde(borrow)]
    pub name: Cow<'h, str>,
    /// The role given with the name ("Attorney General"), if any.
    #[serde(borrow)]
    pub title: Option<Cow<'h, str>>,
    /// Person, organisation or group.
    pub kind: SpeakerKind,
    /// The country the role belongs to, from a country word or demonym
    /// describing it ("Australian Attorney General" gives `AU`).
    pub country: Option<CountryCode>,
    /// Every place the text names this speaker, short forms included.
    pub mentions: Vec<Span>,
}

/// What kind of speaker a [`Speaker`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named or titled individual.
    Person,
    /// A ministry, company, alliance or document ("the communique").
    Organization,
    /// A plural group ("ministers", "civil libertarians").
    Group,
}

/// One quotation or piece of reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote<'h> {
    /// The quoted content, without quotation marks.
    pub span: Span,
    /// `&input[span]`.
    #[serde(borrow)]
    pub text: Cow<'h, str>,
    /// Direct, partial, block or indirect.
    pub kind: QuoteKind,
    /// Index into [`Document::speakers`](crate::Document::speakers), or
    /// `None` when the text does not say who.
    pub speaker: Option<usize>,
    /// The reporting verb or phrase ("said", "according to"), if any.
    #[serde(borrow)]
    pub cue: Option<TextSpan<'h>>,
}

/// How a [`Quote`] is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole clause or sentence in quotation marks.
    Direct,
    /// A fragment in quotation marks inside the writer's own sentence.
    Partial,
    /// An unquoted paragraph introduced by a line such as `X said:`.
    Block,
    /// Reported speech without quotation marks.
    Indirect,
}

/// The compiled quote and speaker finder.
#[derive(Debug)]
pub(crate) struct QuoteFinder {}

impl QuoteFinder {
    pub(crate) fn new() -> QuoteFinder {
        QuoteFinder {}
    }

    /// Speakers and quotes of the analysed text.
    pub(crate) fn find<'h>(
        &self,
        _analysis: &Analysis<'h>,
        _countries: &CountryFinder,
    ) -> (Vec<Speaker<'h>>, Vec<Quote<'h>>) {
        (Vec::new(), Vec::new())
    }
}
