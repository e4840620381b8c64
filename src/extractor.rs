//! The [`Extractor`]: compiles every table once and runs the stages in
//! order over each input.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::ThreadId;

use crate::analysis::Analysis;
use crate::commitment::CommitmentFinder;
use crate::country::CountryFinder;
use crate::date::DateFinder;
use crate::document::{Document, TextSpan};
use crate::layout::{BlockKind, LayoutRules};
use crate::pattern::CompileOnce;
use crate::quote::QuoteFinder;
use crate::sentence::SentenceSplitter;
use crate::text::WordBuffers;
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
                spare_words: SpareWordBuffers::default(),
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
    spare_words: SpareWordBuffers,
}

/// Word-index arrays ([`WordBuffers`]) that finished extractions left,
/// for the next ones to fill. Each extraction takes one set and gives it
/// back, so the pool never holds more sets than extractions ever ran at
/// once; a set larger than [`SpareWordBuffers::MAX_KEPT`] is dropped
/// rather than kept, so that one huge text does not leave its arrays
/// behind for the extractor's lifetime.
///
/// Each set is kept with the thread that gave it back, and a thread takes
/// the last set it gave back if it is there: with extractions on several
/// threads, each then grows arrays its own allocator arena holds, rather
/// than locking another thread's arena (while that thread allocates) to
/// grow one of its sets.
#[derive(Debug, Default)]
struct SpareWordBuffers(Mutex<Vec<(ThreadId, WordBuffers)>>);

impl SpareWordBuffers {
    /// The most bytes of room a set may hold to be kept: 32 MiB, the index
    /// of about 38 MB of prose at most, as an index takes about seven
    /// eighths of a byte per byte of prose (arrays grown in steps hold more
    /// room than the text they last served needed).
    const MAX_KEPT: usize = 32 << 20;

    /// A set to fill: the last one this thread gave back, else the last
    /// one any thread did, else empty arrays.
    fn take(&self) -> WordBuffers {
        let me = std::thread::current().id();
        let mut pool = self.lock();
        let last = pool.len().checked_sub(1);
        let mine = pool.iter().rposition(|(owner, _)| *owner == me);
        mine.or(last)
            // `remove`, not `swap_remove`: the pool stays in the order the
            // sets were given back, which the next `take` relies on.
            .map(|at| pool.remove(at).1)
            .unwrap_or_default()
    }

    /// Keeps `buffers` for a later extraction, unless they are too large.
    fn give(&self, buffers: WordBuffers) {
        if buffers.capacity_bytes() <= Self::MAX_KEPT {
            let me = std::thread::current().id();
            self.lock().push((me, buffers));
        }
    }

    /// The pool. A panic while it was held (there is none to be had in
    /// a push or a pop) would leave it whole, so poisoning is ignored.
    fn lock(&self) -> MutexGuard<'_, Vec<(ThreadId, WordBuffers)>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Turns text into a [`Document`].
///
/// Building one compiles every regex, automaton and data table, so build it
/// once and share it: it is `Send + Sync`, and cloning it is cheap (the
/// compiled state sits behind an `Arc`). Extraction takes `&self`, and no
/// call changes what a later one finds. What it does keep between calls is
/// memory: the arrays of the word index each text builds, one set for each
/// extraction that ran at once, which the next texts fill instead of
/// allocating and zeroing their own; a set holding room for more than
/// 32 MiB is freed, not kept. The rest are freed with the extractor.
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
        let split = inner.sentences.split_blocks(text, &blocks);
        let mut analysis =
            Analysis::from_split(text, blocks, split).with_buffers(inner.spare_words.take());
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
        inner.spare_words.give(analysis.take_buffers());
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

    /// Compiles now the rules that are otherwise compiled the first time a
    /// text needs them (rare boilerplate lines, photo credits, datelines,
    /// commitment lead-ins, the words that tell a look-alike from a
    /// country), so that no later call pays for them: for a service that
    /// wants its first request as quick as the rest. Extraction gives the
    /// same documents either way.
    ///
    /// A large batch on more than one thread
    /// ([`map_ordered`](Extractor::map_ordered)) does this itself, its
    /// workers sharing the rules out between them, so that they do not
    /// queue to compile the same rule for their first documents; it
    /// leaves out the Unicode forms of the commitment rules, which only a
    /// rare sentence reads and which this compiles too.
    ///
    /// # Example
    ///
    /// ```
    /// use communique::Extractor;
    ///
    /// let text = "Title\n\nThey plan to:\n\n- do one thing;\n- do another.";
    /// let warm = Extractor::new();
    /// warm.warm_up();
    /// let doc = warm.extract(text);
    /// assert_eq!(doc.commitments.len(), 1);
    /// assert_eq!(doc, Extractor::new().extract(text));
    /// ```
    pub fn warm_up(&self) {
        self.warm_up_from(&AtomicUsize::new(0), true);
    }

    /// Compiles the rules of [`warm_up`](Extractor::warm_up) one at a time,
    /// taking each one's place in the list from `next`: threads given the
    /// same counter compile different rules side by side. `rare_too` adds
    /// the rules that only a rare text needs (see
    /// [`lazy_rules`](Extractor::lazy_rules)).
    pub(crate) fn warm_up_from(&self, next: &AtomicUsize, rare_too: bool) {
        let rules = self.lazy_rules(rare_too);
        while let Some(rule) = rules.get(next.fetch_add(1, Ordering::Relaxed)) {
            rule.compile();
        }
    }

    /// The rules compiled on first use by the stages this extractor runs,
    /// the costlier first, so that threads sharing them out finish about
    /// together. Without `rare_too`, the Unicode forms of the commitment
    /// rules are left out: only a sentence with a long s or a Kelvin sign
    /// reads them, and they cost as much to compile as the rest together.
    fn lazy_rules(&self, rare_too: bool) -> Vec<&dyn CompileOnce> {
        let inner = &*self.inner;
        let config = &inner.config;
        let mut rules = Vec::new();
        if config.commitments {
            inner.commitments.lazy_rules(&mut rules, rare_too);
        }
        inner.layout.lazy_rules(&mut rules);
        inner.sentences.lazy_rules(&mut rules);
        // Quotes read country names too.
        if config.countries || config.quotes {
            inner.countries.lazy_rules(&mut rules);
        }
        rules
    }

    /// Only the sentence spans of `text`, read as prose: cut at blank lines
    /// and at line breaks between lines that stand alone, but with no list
    /// markers removed and no boilerplate recognised. The cheap path for
    /// callers that want sentences alone.
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
        let mut out = Vec::new();
        for block in self.inner.layout.prose_blocks(text) {
            self.inner.sentences.split(text, block, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::{Extractor, SpareWordBuffers};
    use crate::text::WordBuffers;

    /// The word-index arrays one text leaves are filled again by the next,
    /// shorter or longer: each document is the one a new extractor finds.
    #[test]
    fn texts_after_other_texts_find_what_they_find_alone() {
        let long =
            "Kyiv\n\nUkraine and Canada agreed on 3 May 2024, the minister said. ".repeat(50);
        let texts = [
            long.as_str(),
            "Brief\n\nFrance said so on Monday.",
            "",
            "Mr. Smith told reporters: “We will fund it.”",
            long.as_str(),
        ];
        let shared = Extractor::new();
        for text in texts {
            assert_eq!(
                shared.extract(text),
                Extractor::new().extract(text),
                "{text:?}"
            );
        }
        // One set of arrays, passed from each text to the next.
        assert_eq!(shared.inner.spare_words.lock().len(), 1);
    }

    /// Arrays too large to keep are freed with their text.
    #[test]
    fn arrays_too_large_to_keep_are_freed() {
        let pool = SpareWordBuffers::default();
        pool.give(WordBuffers::with_room(SpareWordBuffers::MAX_KEPT + 1));
        assert!(pool.lock().is_empty());
        pool.give(WordBuffers::with_room(SpareWordBuffers::MAX_KEPT));
        assert_eq!(pool.lock().len(), 1);
        assert_eq!(pool.take().capacity_bytes(), SpareWordBuffers::MAX_KEPT);
        assert!(pool.lock().is_empty());
    }

    /// A thread takes back the set it gave, though another thread gave one
    /// after it; with none of its own there, it takes the last one given,
    /// as a pool without owners does.
    #[test]
    fn each_thread_takes_back_its_own_arrays() {
        let pool = SpareWordBuffers::default();
        pool.give(WordBuffers::with_room(100));
        std::thread::scope(|s| {
            s.spawn(|| pool.give(WordBuffers::with_room(200)));
        });
        assert_eq!(pool.take().capacity_bytes(), 100);
        pool.give(WordBuffers::with_room(300));
        std::thread::scope(|s| {
            s.spawn(|| {
                assert_eq!(pool.take().capacity_bytes(), 300);
                assert_eq!(pool.take().capacity_bytes(), 200);
                assert_eq!(pool.take().capacity_bytes(), 0);
            });
        });
        assert!(pool.lock().is_empty());
    }

    /// A thread with no set of its own takes the set given back last,
    /// also after another thread took its own from the middle of the pool.
    #[test]
    fn a_thread_without_its_own_arrays_takes_the_last_given_back() {
        let pool = SpareWordBuffers::default();
        pool.give(WordBuffers::with_room(100));
        let turn = std::sync::Barrier::new(2);
        std::thread::scope(|s| {
            let owner = s.spawn(|| {
                pool.give(WordBuffers::with_room(200));
                turn.wait();
                turn.wait();
                pool.take().capacity_bytes()
            });
            turn.wait();
            for room in [300, 400] {
                let pool = &pool;
                s.spawn(move || pool.give(WordBuffers::with_room(room)))
                    .join()
                    .unwrap();
            }
            turn.wait();
            assert_eq!(owner.join().unwrap(), 200);
        });
        std::thread::scope(|s| {
            s.spawn(|| assert_eq!(pool.take().capacity_bytes(), 400));
        });
    }

    #[test]
    fn warm_up_compiles_every_rule_otherwise_compiled_on_first_use() {
        let extractor = Extractor::new();
        let rules = extractor.lazy_rules(true);
        assert!(rules.len() > 20, "{}", rules.len());
        assert!(rules.iter().all(|r| !r.is_compiled()));
        extractor.warm_up();
        assert!(rules.iter().all(|r| r.is_compiled()));
    }

    #[test]
    fn threads_sharing_a_counter_compile_the_common_rules_between_them() {
        let extractor = Extractor::new();
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..3 {
                s.spawn(|| extractor.warm_up_from(&next, false));
            }
        });
        let common = extractor.lazy_rules(false);
        assert!(common.iter().all(|r| r.is_compiled()));
        // The Unicode forms of the commitment rules wait for a text that
        // needs them.
        let every = extractor.lazy_rules(true);
        let waiting = every.iter().filter(|r| !r.is_compiled()).count();
        assert_eq!(waiting, 8);
        assert_eq!(every.len(), common.len() + waiting);
    }

    #[test]
    fn only_the_stages_chosen_are_warmed_up() {
        let all = Extractor::new().lazy_rules(true).len();
        let without_commitments = Extractor::builder().commitments(false).build();
        assert_eq!(without_commitments.lazy_rules(true).len(), all - 16);
        let layout_and_sentences = Extractor::builder()
            .quotes(false)
            .countries(false)
            .commitments(false)
            .build();
        assert_eq!(layout_and_sentences.lazy_rules(true).len(), 7);
    }
}
