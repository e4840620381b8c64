//! The [`Extractor`]: compiles every table once and runs the stages in
//! order over each input.

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::commitment::CommitmentFinder;
use crate::country::CountryFinder;
use crate::date::DateFinder;
use crate::document::{Document, TextSpan};
use crate::layout::{BlockKind, LayoutRules};
use crate::quote::QuoteFinder;
use crate::sentence::SentenceSplitter;
use crate::{Date, Error, Span};

/// One text to extract from, with its per-call options.
///
/// A `&str` converts into an `Input` with no options.
///
/// # Example
///
/// ```
/// use communique::{Date, Extractor, Input};
///
/// let extractor = Extractor::new();
/// let date: Date = "2017-06-28".parse()?;
/// let doc = extractor.extract(Input::new("They met today.").reference_date(date));
/// assert_eq!(doc.reference_date, Some(date));
/// # Ok::<(), communique::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Input<'h> {
    text: &'h str,
    reference_date: Option<Date>,
}

impl<'h> Input<'h> {
    /// An input over `text`.
    pub fn new(text: &'h str) -> Input<'h> {
        Input {
            text,
            reference_date: None,
        }
    }

    /// An input over raw bytes, which must be UTF-8.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`] with the offset of the first invalid byte.
    pub fn from_bytes(bytes: &'h [u8]) -> Result<Input<'h>, Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Input::new(text)),
            Err(e) => Err(Error::InvalidUtf8 {
                offset: e.valid_up_to(),
            }),
        }
    }

    /// Resolve relative dates against `date` (usually the publication
    /// date), overriding the extractor's default and any dateline.
    pub fn reference_date(mut self, date: Date) -> Input<'h> {
        self.reference_date = Some(date);
        self
    }

    /// The text.
    pub fn text(&self) -> &'h str {
        self.text
    }
}

impl<'h> From<&'h str> for Input<'h> {
    fn from(text: &'h str) -> Input<'h> {
        Input::new(text)
    }
}

impl<'h> From<&'h String> for Input<'h> {
    fn from(text: &'h String) -> Input<'h> {
        Input::new(text)
    }
}

/// Which stages run, and the default reference date.
#[derive(Debug, Clone, Copy)]
struct Config {
    quotes: bool,
    countries: bool,
    dates: bool,
    commitments: bool,
    reference_date: Option<Date>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            quotes: true,
            countries: true,
            dates: true,
            commitments: true,
            reference_date: None,
        }
    }
}

/// Configures an [`Extractor`]: which stages run, and a default reference
/// date. Layout and sentences always run; every other stage reads them.
///
/// # Example
///
/// ```
/// use communique::Extractor;
///
/// // Only layout, sentences and dates: quotes, countries and commitments
/// // come back empty and cost nothing.
/// let extractor = Extractor::builder().quotes(false).countries(false).commitments(false).build();
/// let doc = extractor.extract("The summit ends on 30 July 2019.");
/// assert_eq!(doc.sentences.len(), 1);
/// assert!(doc.countries.is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Builder {
    config: Config,
}

impl Builder {
    /// Whether to find quotes and speakers (default: yes).
    pub fn quotes(&mut self, yes: bool) -> &mut Builder {
        self.config.quotes = yes;
        self
    }

    /// Whether to find countries (default: yes).
    pub fn countries(&mut self, yes: bool) -> &mut Builder {
        self.config.countries = yes;
        self
    }

    /// Whether to find dates (default: yes).
    pub fn dates(&mut self, yes: bool) -> &mut Builder {
        self.config.dates = yes;
        self
    }

    /// Whether to find commitment lists (default: yes).
    pub fn commitments(&mut self, yes: bool) -> &mut Builder {
        self.config.commitments = yes;
        self
    }

    /// The reference date for inputs that do not give their own.
    pub fn reference_date(&mut self, date: Option<Date>) -> &mut Builder {
        self.config.reference_date = date;
        self
    }

    /// Compiles every table and pattern into an [`Extractor`].
    pub fn build(&self) -> Extractor {
        Extractor {
            inner: Arc::new(Inner {
                config: self.config,
                layout: LayoutRules::new(),
                sentences: SentenceSplitter::new(),
                quotes: QuoteFinder::new(),
                countries: CountryFinder::new(),
                dates: DateFinder::new(),
                commitments: CommitmentFinder::new(),
            }),
        }
    }
}

#[derive(Debug)]
struct Inner {
    config: Config,
    layout: LayoutRules,
    sentences: SentenceSplitter,
    quotes: QuoteFinder,
    countries: CountryFinder,
    dates: DateFinder,
    commitments: CommitmentFinder,
}

/// Turns text into a [`Document`].
///
/// Building one compiles every regex, automaton and data table, so build it
/// once and share it: it is `Send + Sync`, and cloning it is cheap (the
/// compiled state sits behind an `Arc`). Extraction takes `&self` and keeps
/// no state between calls.
///
/// # Example
///
/// ```
/// use communique::{BlockKind, Extractor};
///
/// let extractor = Extractor::new();
/// let doc = extractor.extract("Ministers meet\n\nThey met in Ottawa. They talked.");
/// assert_eq!(doc.title.unwrap().text, "Ministers meet");
/// assert_eq!(doc.blocks[1].kind, BlockKind::Paragraph);
/// assert_eq!(doc.sentences.len(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with every stage on and no default reference date.
    pub fn new() -> Extractor {
        Builder::default().build()
    }

    /// A [`Builder`] to choose stages and a default reference date.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Extracts everything from one text. Any text, however odd, yields a
    /// document; every span in it lies on character boundaries of the text.
    pub fn extract<'h>(&self, input: impl Into<Input<'h>>) -> Document<'h> {
        let input = input.into();
        let inner = &*self.inner;
        let text = input.text;
        let blocks = inner.layout.blocks(text);
        let sentences = inner.sentences.sentences(text, &blocks);
        let analysis = Analysis {
            text,
            blocks,
            sentences,
        };
        let config = &inner.config;
        let reference_date = input.reference_date.or(config.reference_date).or_else(|| {
            if config.dates {
                inner.dates.infer_reference_date(&analysis)
            } else {
                None
            }
        });
        let (speakers, quotes) = if config.quotes {
            inner.quotes.find(&analysis, &inner.countries)
        } else {
            (Vec::new(), Vec::new())
        };
        let countries = if config.countries {
            inner.countries.find(&analysis)
        } else {
            Vec::new()
        };
        let dates = if config.dates {
            inner.dates.find(&analysis, reference_date)
        } else {
            Vec::new()
        };
        let commitments = if config.commitments {
            inner.commitments.find(&analysis)
        } else {
            Vec::new()
        };
        let title = analysis
            .blocks
            .first()
            .filter(|b| b.kind == BlockKind::Title)
            .map(|b| TextSpan::at(text, b.span));
        Document {
            reference_date,
            title,
            blocks: analysis.blocks,
            sentences: analysis.sentences,
            speakers,
            quotes,
            countries,
            dates,
            commitments,
        }
    }

    /// Extracts from raw bytes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`] when the bytes are not UTF-8, with the byte
    /// offset of the first invalid sequence.
    ///
    /// # Example
    ///
    /// ```
    /// use communique::{Error, Extractor};
    ///
    /// let extractor = Extractor::new();
    /// assert_eq!(extractor.extract_bytes(b"ok\xFFno").unwrap_err(), Error::InvalidUtf8 { offset: 2 });
    /// ```
    pub fn extract_bytes<'h>(&self, bytes: &'h [u8]) -> Result<Document<'h>, Error> {
        Ok(self.extract(Input::from_bytes(bytes)?))
    }

    /// Only the sentence spans of `text`, taken as one block of prose (no
    /// layout): the cheap path for callers that have their own paragraphs.
    ///
    /// # Example
    ///
    /// ```
    /// use communique::Extractor;
    ///
    /// let text = "Mr. Smith went to Washington, D.C. He met the U.S. Secretary of State.";
    /// let spans = Extractor::new().sentences(text);
    /// assert_eq!(&text[spans[0]], "Mr. Smith went to Washington, D.C.");
    /// assert_eq!(spans.len(), 2);
    /// ```
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        crate::sentence::split_prose(&self.inner.sentences, text)
    }
}
