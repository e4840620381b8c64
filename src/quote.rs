//! Quotes and their speakers: who said what.
//!
//! This module holds the public types (`Speaker`, `SpeakerKind`, `Quote`,
//! `QuoteKind`), the compiled tables (`QuoteFinder`), and the state of one
//! document and its driver (`Run`, `Run::document`), which reads the
//! content blocks in order and carries the speaker from one quotation to
//! the next. Each stage it calls is a child module:
//!
//! - `regions`: the quotations between paired marks in one block.
//! - `cues`: the reporting verbs and phrases of a block, each with its
//!   speaker phrase and reported clause, and the walks that find a speaker
//!   phrase around a verb.
//! - `attribution`: whether a quotation is direct, partial or no quote at
//!   all, which cue attributes it, and its speaker when no cue names one.
//! - `parse`: a speaker phrase taken apart into name, title, country and
//!   kind.
//! - `speakers`: the speakers met so far, merged by key, pronouns resolved
//!   to them, and at the end their mentions by surname and their order.
//! - `surnames`: every whole-word occurrence of the speakers' surnames.
//! - `verbs`: the trie of reporting verbs and phrases, walked at word
//!   starts.
//! - `words`: the tokenizer and the word tests the stages share.

use std::borrow::Cow;
use std::cell::Cell;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::bitset::BitSet;
use crate::country::{CountryCode, CountryFinder};
use crate::document::TextSpan;
use crate::hash::{FastMap, FastSet};
use crate::layout::BlockKind;
use crate::tables;
use crate::text::{
    char_at, is_blank, lower, prefix_keys, trim, word_key, KeyBits, KeySet, WordBytes, LOWER_INLINE,
};

mod attribution;
mod cues;
mod parse;
mod regions;
mod speakers;
mod surnames;
mod verbs;
mod words;
use crate::span::first_ending_after;
use crate::Span;
use cues::{Candidate, Cue, Site};
use parse::Parses;
use regions::{closes_first, find_regions, Marks, Region};
use speakers::Draft;
use verbs::{VerbHeads, VerbTrie};
use words::{word_count, TokenLists, Tokens};

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
    /// Every place the text names this speaker, short forms included. A
    /// surname standing alone counts within 64 KB of where the speaker is
    /// quoted or named as a speaker: anywhere in one release, but not in a
    /// release far away when many are read as one text.
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

/// How a reporting verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbClass {
    /// May take a bare clause: "said the plan works".
    Say,
    /// Reports speech only with "that" or after the content.
    That,
    /// Takes a hearer first: "told reporters".
    Tell,
    /// The speaker follows: "according to X".
    According,
}

/// One entry of the titles table.
#[derive(Debug, Clone, Copy)]
struct TitleInfo {
    /// Whether portfolio words before the title belong to it.
    portfolio: bool,
}

/// The compiled quote and speaker finder.
#[derive(Debug)]
pub(crate) struct QuoteFinder {
    /// Reporting verbs and phrases, each match the longest form at a word
    /// start.
    verbs: VerbTrie,
    /// The word keys (`text::word_key`) of the verb forms: most words are
    /// ruled out by one look-up before any match.
    verb_prefixes: KeySet,
    /// The first five bytes of every verb form: of the words that pass
    /// `verb_prefixes`, most ("continue", "president", "administration")
    /// are ruled out by their fourth and fifth bytes before the trie is
    /// walked.
    verb_heads: VerbHeads,
    /// The class of each verb form, by the form index `VerbTrie::longest`
    /// reports.
    classes: Vec<VerbClass>,
    /// Titles by lower-case form.
    titles: FastMap<String, TitleInfo>,
    /// Every lower-case word occurring in some title.
    title_words: WordSet,
    /// Every lower-case word of every title, "of" and "the" too: a title
    /// runs over no other.
    title_parts: WordSet,
    /// The most words any title has.
    title_len: usize,
    /// The lower-case first word of every title: a title can start only at
    /// one of them, which rules most tokens out before any key is built.
    title_firsts: WordSet,
    /// Nouns that make a name a body wherever they stand in it.
    org_anywhere: WordSet,
    /// Nouns that make a name a body as its last word: every organisation
    /// noun, `org_anywhere`'s too.
    org_last: WordSet,
    /// Letters after a name that are not part of it ("OBE", "QC").
    postnominals: WordSet,
    /// Month names and their abbreviations, lower case, from the date
    /// vocabulary.
    months: FastSet<String>,
}

impl Default for QuoteFinder {
    fn default() -> Self {
        QuoteFinder::new()
    }
}

impl QuoteFinder {
    /// Parses the verb and title tables.
    pub(crate) fn new() -> QuoteFinder {
        let mut forms = Vec::new();
        let mut classes = Vec::new();
        for row in tables::rows(tables::SPEECH_VERBS) {
            let (Some(form), Some(class)) = (row.first(), row.get(1)) else {
                continue;
            };
            let class = match *class {
                "say" => VerbClass::Say,
                "that" => VerbClass::That,
                "tell" => VerbClass::Tell,
                "according" => VerbClass::According,
                _ => continue,
            };
            forms.push(form.to_string());
            classes.push(class);
        }
        // Walked only at word starts whose first three letters begin some
        // form, so most of a block is never fed to it at all.
        let verbs = VerbTrie::new(&forms);
        let mut verb_prefixes = KeySet::new();
        for form in &forms {
            for key in prefix_keys(form.as_bytes()) {
                verb_prefixes.insert(key);
            }
        }
        let verb_heads = VerbHeads::new(&forms);
        let mut titles =
            FastMap::with_capacity_and_hasher(tables::room(tables::TITLES), Default::default());
        let mut title_words = WordSet::default();
        let mut title_parts = WordSet::default();
        let mut title_len = 1;
        let mut title_firsts = WordSet::default();
        for row in tables::rows(tables::TITLES) {
            let (Some(title), Some(portfolio)) = (row.first(), row.get(1)) else {
                continue;
            };
            let written = title.to_lowercase();
            // Words are read without a full stop after three letters or
            // more ("Rep." is the word "Rep"), so "rep." is also "rep".
            // Most titles have no such word, and then the bare form is the
            // written one: it is built, and its words added, only when it
            // differs.
            let dotted = written.split(' ').any(|w| w.len() > 3 && w.ends_with('.'));
            let bare = dotted.then(|| {
                written
                    .split(' ')
                    .map(|w| {
                        if w.len() > 3 {
                            w.trim_end_matches('.')
                        } else {
                            w
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            for lower in std::iter::once(written).chain(bare) {
                title_len = title_len.max(lower.split(' ').count());
                if let Some(first) = lower.split(' ').next() {
                    title_firsts.insert(first);
                }
                for w in lower.split(' ') {
                    title_parts.insert(w);
                    // "First Lady": "first" alone opens many names
                    // ("First Inaugural Address"), so it is no title word.
                    if !matches!(w, "of" | "and" | "for" | "the" | "first") {
                        title_words.insert(w);
                    }
                }
                titles.insert(
                    lower,
                    TitleInfo {
                        portfolio: *portfolio == "yes",
                    },
                );
            }
        }
        let (mut org_anywhere, mut org_last) = (WordSet::default(), WordSet::default());
        for row in tables::rows(tables::ORGANIZATION_WORDS) {
            if let [word, place] = row[..] {
                if place == "any" {
                    org_anywhere.insert(word);
                }
                org_last.insert(word);
            }
        }
        let mut postnominals = WordSet::default();
        for row in tables::rows(tables::POSTNOMINALS) {
            if let Some(w) = row.first() {
                postnominals.insert(w);
            }
        }
        let months = tables::rows(tables::DATE_WORDS)
            .filter(|row| row.get(1) == Some(&"month"))
            .filter_map(|row| row.first().map(|w| w.to_string()))
            .collect();
        QuoteFinder {
            org_anywhere,
            org_last,
            postnominals,
            months,
            verbs,
            verb_prefixes,
            verb_heads,
            classes,
            titles,
            title_words,
            title_parts,
            title_len,
            title_firsts,
        }
    }

    /// Whether the lower-case form of `w` is a word of some title.
    fn is_title_word(&self, w: &str) -> bool {
        self.title_words.contains_lowered(w)
    }

    /// Whether a word is a month name or its abbreviation, capitalised as
    /// in a date ("August", "Sept."), not in capitals or lower case.
    fn is_month(&self, w: &str) -> bool {
        let w = w.trim_end_matches('.');
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && self.months.contains(w.to_lowercase().as_str())
    }

    /// Speakers and quotes of the analysed text.
    pub(crate) fn find<'h>(
        &self,
        analysis: &Analysis<'h>,
        countries: &CountryFinder,
    ) -> (Vec<Speaker<'h>>, Vec<Quote<'h>>) {
        let mut run = Run::new(self, analysis.text, analysis.words(), countries);
        // The sentences' spans, compact, searched and sliced per block.
        let spans = &analysis.sentence_spans;
        run.document(analysis, spans);
        run.finish(analysis, spans)
    }
}

/// The state of one `find` call.
struct Run<'f, 'h> {
    finder: &'f QuoteFinder,
    text: &'h str,
    /// The word bytes of `text`.
    words: &'f WordBytes,
    countries: &'f CountryFinder,
    speakers: Vec<Draft<'h>>,
    /// Speakers by key.
    keys: FastMap<String, usize>,
    /// Persons by lower-case title, for "the Prime Minister".
    titled: FastMap<String, usize>,
    /// The last speaker of each kind, for pronouns.
    last_of: [Option<usize>; 3],
    quotes: Vec<Quote<'h>>,
    /// Every speaker phrase parsed, by its text.
    parses: Parses<'h>,
    /// Token lists for reuse (`Run::tokens`).
    token_lists: TokenLists,
    /// A string for the keys built while a phrase is parsed (a title's
    /// words, a two-word country), taken and handed back around each use:
    /// a fresh one cost an allocation or more each time.
    scratch: Cell<String>,
}

impl<'f, 'h> Run<'f, 'h> {
    /// The state of one document, before any speaker or quote is met.
    fn new(
        finder: &'f QuoteFinder,
        text: &'h str,
        words: &'f WordBytes,
        countries: &'f CountryFinder,
    ) -> Run<'f, 'h> {
        // Room for the speakers and quotes a text of this length usually
        // holds, where growing the lists moved all of them so far, and
        // rehashed every key, once for each doubling.
        let speakers = (text.len() / BYTES_PER_SPEAKER).min(MOST_ROOM);
        let mut keys = FastMap::default();
        keys.reserve(speakers);
        Run {
            finder,
            text,
            words,
            countries,
            speakers: Vec::with_capacity(speakers),
            keys,
            titled: FastMap::default(),
            last_of: [None; 3],
            quotes: Vec::with_capacity((text.len() / BYTES_PER_QUOTE).min(MOST_ROOM)),
            parses: Parses::for_text(text.len()),
            token_lists: TokenLists::default(),
            scratch: Cell::new(String::new()),
        }
    }

    /// The words of `s`, which starts at byte `base` (`words::tokens_into`),
    /// in a list lent for as long as they are read.
    fn tokens(&self, s: &str, base: usize) -> Tokens<'_> {
        self.token_lists.tokens(s, base)
    }
}

/// Bytes of text per speaker a run makes room for: press releases name
/// a speaker every 5 KB or so.
const BYTES_PER_SPEAKER: usize = 4096;

/// Bytes of text per quote a run makes room for: press releases hold a
/// quote every 2.5 KB or so.
const BYTES_PER_QUOTE: usize = 2048;

/// Bytes of text per reporting cue the first pass makes room for: press
/// releases hold one every 1.5 KB or so.
const BYTES_PER_CUE: usize = 1024;

/// The most entries a run makes room for in any one list ahead of need
/// (more than a 7 MB text of releases asks for), so that a huge text
/// with no quotation, a data dump, say, does not get megabytes of room
/// it never fills.
const MOST_ROOM: usize = 4096;

/// A set of words, with the word keys (`text::word_key`) of its members:
/// most words asked about are ruled out by their first three bytes, before
/// they are lowered and hashed.
#[derive(Debug)]
struct WordSet {
    words: FastSet<String>,
    /// The words' keys, for the first test.
    keys: KeyBits,
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet {
            words: FastSet::default(),
            keys: BitSet::new(),
        }
    }
}

impl WordSet {
    /// Adds `w`.
    fn insert(&mut self, w: &str) {
        self.keys.insert(word_key(w.as_bytes(), 0));
        // Title words repeat ("minister", "of"): a copy only for a new one.
        if !self.words.contains(w) {
            self.words.insert(w.to_string());
        }
    }

    /// Whether `w` is in the set, as written.
    fn contains(&self, w: &str) -> bool {
        self.keys.contains(word_key(w.as_bytes(), 0)) && self.words.contains(w)
    }

    /// Whether the lower-case form of `w` is in the set (of lower-case
    /// words). Lowering maps the ASCII bytes that open a word to bytes of
    /// one key, so when its first three are ASCII the key of `w` settles
    /// most words; a word beyond ASCII there is lowered first.
    fn contains_lowered(&self, w: &str) -> bool {
        let head = w.as_bytes().get(..3).unwrap_or(w.as_bytes());
        if head.is_ascii() && !self.keys.contains(word_key(w.as_bytes(), 0)) {
            return false;
        }
        let mut buf = [0; LOWER_INLINE];
        self.words.contains(lower(w, &mut buf).as_ref())
    }
}

/// Bytes before a verb searched for its subject.
const WINDOW: usize = 300;

/// The larger of `lo` and `end - max`, moved to a character boundary.
fn back(text: &str, lo: usize, end: usize, max: usize) -> usize {
    let mut p = end.saturating_sub(max).max(lo);
    while p < end && !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

/// What a content block is to the speakers, as `Run::find_steps` tells.
#[derive(Clone, Copy, PartialEq, Eq)]
enum StepKind {
    /// A line such as "Statement of X:" naming who speaks the quotations
    /// after it (`Run::statement_of`, `Run::named_heading`).
    Named,
    /// A heading naming who speaks the quotations listed under it
    /// (`Run::heading_speaker`).
    Heading,
    /// Any other block that is not prose: it breaks the speaker's run.
    Other,
    /// A paragraph or list item, with its quotations and cue candidates.
    Prose,
}

/// One content block that matters to the speakers. Kept small, as one
/// is written for most blocks of a document and read back later: a
/// speaker phrase is found again when needed, and a paragraph's
/// quotations and cue candidates are those of `Found`'s lists up to its
/// ends, from the previous step's.
#[derive(Clone, Copy)]
struct Step {
    /// The block's index.
    block: usize,
    kind: StepKind,
    /// Whether the next block opens with a quotation mark.
    next_opens: bool,
    /// The end of the block's quotations in `Found::regions`.
    regions_end: usize,
    /// The end of the block's verb sites in `Found::sites`.
    sites_end: usize,
    /// The end of the block's cue candidates in `Found::candidates`.
    candidates_end: usize,
}

/// The first pass's findings over a document (`Run::find_steps`).
#[derive(Default)]
struct Found {
    /// The content blocks that matter, in order.
    steps: Vec<Step>,
    /// Every paragraph's quotations, in order.
    regions: Vec<Region>,
    /// Every paragraph's reporting verbs that may be cues, in order.
    sites: Vec<Site>,
    /// Every paragraph's cue candidates, in order.
    candidates: Vec<Candidate>,
}

impl Found {
    /// Adds the step of block `block`, whose quotations and cue
    /// candidates, if any, have just been added.
    fn step(&mut self, block: usize, kind: StepKind, next_opens: bool) {
        self.steps.push(Step {
            block,
            kind,
            next_opens,
            regions_end: self.regions.len(),
            sites_end: self.sites.len(),
            candidates_end: self.candidates.len(),
        });
    }
}

/// Most paragraphs a block quote runs over.
const MAX_BLOCK_PARAGRAPHS: usize = 8;

impl<'h> Run<'_, 'h> {
    /// Finds the quotes of every content block of `a` (captions aside),
    /// whose sentences' spans `spans` holds in order.
    fn document(&mut self, a: &Analysis<'h>, spans: &[Span]) {
        let mut found = Found::default();
        self.find_steps(a, spans, &mut found);
        self.attribute(a, spans, &found);
    }

    /// The speaker phrase of a line such as "Statement of X:" or
    /// "Governor Ned Lamont:" that heads the quotations after it.
    #[inline]
    fn named_line(&self, block: Span, next_opens: bool) -> Option<Span> {
        self.statement_of(block, next_opens)
            .or_else(|| self.named_heading(block, next_opens))
    }

    /// The sentences of block `bi` of `a`.
    fn sentences_of<'s>(a: &Analysis<'h>, spans: &'s [Span], bi: usize) -> &'s [Span] {
        a.sentences_by_block
            .get(bi)
            .and_then(|r| spans.get(r.clone()))
            .unwrap_or(&[])
    }

    /// The first pass over the content blocks of `a`: what each block is
    /// to the speakers (`Step`), and the quotations and cue candidates of
    /// each paragraph, none of which depends on the speakers met. Done for
    /// every block before any speaker is worked out, so that each pass's
    /// code stays in the instruction cache over the whole document.
    #[inline(never)]
    fn find_steps(&self, a: &Analysis<'h>, spans: &[Span], found: &mut Found) {
        let text = self.text;
        // A quotation the previous paragraph left open, with no opening mark
        // repeated here: whether its closing mark is straight.
        let mut open_into_next: Option<bool> = None;
        // A block's quotations and reporting verbs: lists made once and
        // refilled for each block.
        let mut regions: Vec<Region> = Vec::new();
        let mut verbs: Vec<(Span, usize)> = Vec::new();
        found.steps.reserve(a.blocks.len());
        found
            .candidates
            .reserve((text.len() / BYTES_PER_CUE).min(2 * MOST_ROOM));
        for (bi, b) in a.blocks.iter().enumerate() {
            let open_here = open_into_next.take();
            // A photo caption between two paragraphs of one quotation
            // interrupts the page, not the speech.
            if !a.is_content(bi) || b.kind == BlockKind::Caption {
                continue;
            }
            let prose = matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem);
            // "Statement of UAW President Ray Curry:" or "Governor Ned Lamont:"
            // heads the quotations after it.
            // Only the first character is read: the byte at the next block's
            // end, which a whole-span slice would check, is seldom cached.
            let next_opens = a.blocks.get(bi + 1).is_some_and(|n| {
                char_at(text, n.span.start).is_some_and(|c| {
                    matches!(c, '“' | '"' | '‘') && n.span.start + c.len_utf8() <= n.span.end
                })
            });
            // A release titled "Statement from the Press Secretary" is
            // that speaker's when its first paragraph is a quotation. Such
            // a line ends with a colon or heads a quotation: most blocks
            // are ruled out by their last byte, before the line is read.
            if (next_opens || (b.kind != BlockKind::Title && ends_with_colon(text, b.span)))
                && self.named_line(b.span, next_opens).is_some()
            {
                found.step(bi, StepKind::Named, next_opens);
                continue;
            }
            // "Attorney General Pam Bondi on Fox News Sunday" speaks the
            // quotations listed under it ("- On Iran: “...”").
            let quotes_follow = next_opens
                || a.blocks.get(bi + 1).is_some_and(|n| {
                    n.kind == BlockKind::ListItem
                        && text
                            .get(n.span.range())
                            .is_some_and(|t| t.starts_with("On "))
                });
            if b.kind == BlockKind::Heading
                && quotes_follow
                && self.heading_speaker(b.span).is_some()
            {
                found.step(bi, StepKind::Heading, next_opens);
                continue;
            }
            if !prose {
                found.step(bi, StepKind::Other, next_opens);
                continue;
            }
            // Scraped text drops the repeated opening mark: a quotation left
            // open here runs on into a next paragraph that starts without
            // a mark and closes one first.
            let marks = Marks {
                next_opens,
                next_closes: false,
                open_at_start: open_here,
            };
            let left_open = find_regions(text, b.span, marks, &mut regions);
            let next_closes = a
                .blocks
                .get(bi + 1)
                .filter(|n| left_open && n.kind == BlockKind::Paragraph)
                .and_then(|n| closes_first(text, n.span));
            if next_closes.is_some() {
                let marks = Marks {
                    next_closes: true,
                    ..marks
                };
                find_regions(text, b.span, marks, &mut regions);
                if regions.last().is_some_and(|r| r.runs_on && !r.single) {
                    open_into_next = next_closes;
                }
            }
            let sentences = Self::sentences_of(a, spans, bi);
            found.regions.extend_from_slice(&regions);
            self.verb_sites(b.span, sentences, &regions, &mut found.sites, &mut verbs);
            found.step(bi, StepKind::Prose, next_opens);
        }
        // The cue candidates of every paragraph's verb sites, in a pass of
        // their own.
        let (mut regions_from, mut sites_from) = (0, 0);
        for step in &mut found.steps {
            let (r0, s0) = (regions_from, sites_from);
            (regions_from, sites_from) = (step.regions_end, step.sites_end);
            if step.kind == StepKind::Prose && s0 < step.sites_end {
                let sites = found.sites.get(s0..step.sites_end).unwrap_or(&[]);
                let regions = found.regions.get(r0..step.regions_end).unwrap_or(&[]);
                let sentences = Self::sentences_of(a, spans, step.block);
                self.cue_candidates(sites, sentences, regions, &mut found.candidates);
            }
            step.candidates_end = found.candidates.len();
        }
    }

    /// The second pass: the speakers of the quotations and cues
    /// `find_steps` found, block by block in reading order, each speaker
    /// carried on to the next quotation.
    #[inline(never)]
    fn attribute(&mut self, a: &Analysis<'h>, spans: &[Span], found: &Found) {
        let text = self.text;
        // The speaker that an unattributed quotation continues.
        let mut carry: Option<usize> = None;
        // A quotation running on from the previous paragraph.
        let mut running: Option<usize> = None;
        // An open block quote: speaker, cue, paragraphs taken.
        let mut block: Option<(Option<usize>, Span, usize)> = None;
        // A block's cues, each quotation's reading and the cues taken:
        // lists made once and refilled for each block, where lists of a
        // block's own cost an allocation and a free each, and more as they
        // grew.
        let mut cues: Vec<Cue> = Vec::new();
        let mut classes: Vec<(Option<QuoteKind>, Option<usize>)> = Vec::new();
        let mut used: Vec<bool> = Vec::new();
        // Where the current step's quotations and cue candidates start.
        let (mut regions_from, mut candidates_from) = (0, 0);
        for &step in &found.steps {
            let (r0, c0) = (regions_from, candidates_from);
            (regions_from, candidates_from) = (step.regions_end, step.candidates_end);
            let Some(b) = a.blocks.get(step.block) else {
                continue;
            };
            let next_opens = step.next_opens;
            match step.kind {
                StepKind::Named => {
                    carry = self
                        .named_line(b.span, next_opens)
                        .and_then(|np| self.speaker_for(np));
                    running = None;
                    block = Some((carry, b.span, 0))
                        .filter(|_| carry.is_some())
                        .map(|(s, _, n)| (s, trim(text, b.span), n));
                    continue;
                }
                StepKind::Heading => {
                    carry = self
                        .heading_speaker(b.span)
                        .and_then(|np| self.speaker_for(np));
                    running = None;
                    block = None;
                    continue;
                }
                StepKind::Other => {
                    carry = None;
                    running = None;
                    block = None;
                    continue;
                }
                StepKind::Prose => {}
            }
            let regions = found.regions.get(r0..step.regions_end).unwrap_or(&[]);
            let candidates = found.candidates.get(c0..step.candidates_end).unwrap_or(&[]);
            let sentences = Self::sentences_of(a, spans, step.block);
            self.take_cues(candidates, &mut cues);
            if let Some((speaker, cue, taken)) = block {
                // Scare quotes ("‘English for business’ consultancies") leave
                // the speaker's voice unbroken.
                let words = |r: &Region| word_count(text.get(r.inner.range()).unwrap_or(""), 5);
                if regions.iter().all(|r| !r.runs_on && words(r) <= 4)
                    && cues.is_empty()
                    && (taken == 0 || own_voice(text.get(b.span.range()).unwrap_or("")))
                    && b.kind == BlockKind::Paragraph
                {
                    let cue = (!text.get(cue.range()).unwrap_or("").ends_with(':')).then_some(cue);
                    self.push(b.span, QuoteKind::Block, speaker, cue);
                    block = (taken + 1 < MAX_BLOCK_PARAGRAPHS).then_some((
                        speaker,
                        cue.unwrap_or_default(),
                        taken + 1,
                    ));
                    continue;
                }
                block = None;
            }
            classes.clear();
            classes.extend(
                regions
                    .iter()
                    .map(|r| self.classify(r, sentences, &cues, regions)),
            );
            used.clear();
            used.resize(cues.len(), false);
            for (_, c) in &classes {
                if let Some(u) = c.and_then(|c| used.get_mut(c)) {
                    *u = true;
                }
            }
            let mut had = false;
            let mut this_running = None;
            let (mut ci, mut ri) = (0, 0);
            while ci < cues.len() || ri < regions.len() {
                let cue_first = match (cues.get(ci), regions.get(ri)) {
                    (Some(c), Some(r)) => c.span.start < r.open,
                    (Some(_), None) => true,
                    _ => false,
                };
                if cue_first {
                    let c = cues.get(ci).copied();
                    if let Some(c) = c.filter(|c| {
                        c.indirect.is_some() || c.intro || used.get(ci).copied().unwrap_or(false)
                    }) {
                        let speaker = self.resolve(&mut cues, ci, carry);
                        if let (Some(span), Some(_)) = (c.indirect, speaker) {
                            self.push(span, QuoteKind::Indirect, speaker, Some(c.span));
                        }
                        if speaker.is_some() {
                            carry = speaker;
                            had = true;
                        }
                    }
                    ci += 1;
                    continue;
                }
                let (Some(r), Some(&(kind, cue))) = (regions.get(ri).copied(), classes.get(ri))
                else {
                    break;
                };
                ri += 1;
                let Some(kind) = kind else { continue };
                let mut speaker = match cue {
                    Some(c) => self.resolve(&mut cues, c, carry),
                    None => None,
                };
                if speaker.is_none() && r.open == trim(text, b.span).start {
                    speaker = running;
                }
                if speaker.is_none() && cue.is_none() {
                    speaker = self.dash_speaker(&r, b.span);
                }
                if speaker.is_none() && cue.is_none() && self.colon_before(&r) {
                    speaker = self.colon_speaker(&r, sentences);
                }
                // Whether the sentence settles that the quotation has no
                // speaker, so that none is carried over to it.
                let mut settled = false;
                if speaker.is_none() && (kind == QuoteKind::Partial || self.colon_before(&r)) {
                    if let Some(subject) = self.sentence_subject(&r, sentences, carry) {
                        speaker = subject;
                        settled = true;
                    }
                }
                if speaker.is_none() && !settled {
                    speaker = carry;
                }
                let cue_span = cue.and_then(|c| cues.get(c)).map(|c| c.span);
                self.push(r.inner, kind, speaker, cue_span);
                if speaker.is_some() {
                    carry = speaker;
                    had = true;
                }
                if r.runs_on {
                    this_running = speaker;
                }
            }
            running = this_running;
            if let Some(last) = cues.last() {
                if last.intro && last.speaker.is_some() {
                    block = Some((last.speaker, last.span, 0));
                }
            }
            if !had {
                carry = None;
                // "President Trump heralded the revival." over a list of
                // quotations, or "The Prime Minister acknowledged the
                // support." before a paragraph that is a quotation: the
                // person named speaks them.
                if next_opens && regions.is_empty() {
                    if let Some(np) = sentences.last().and_then(|&s| self.person_subject(s)) {
                        carry = self.speaker_for(np);
                    }
                }
            }
        }
    }

    /// Adds a quote, its text cut from the input.
    fn push(&mut self, span: Span, kind: QuoteKind, speaker: Option<usize>, cue: Option<Span>) {
        // Reported speech ends before the writer's full stop; quotations keep
        // what stands between their marks.
        let span = if kind == QuoteKind::Indirect {
            strip_end(self.text, trim(self.text, span))
        } else {
            trim(self.text, span)
        };
        let Some(t) = self.text.get(span.range()) else {
            return;
        };
        if is_blank(t) {
            return;
        }
        self.quotes.push(Quote {
            span,
            text: Cow::Borrowed(t),
            kind,
            speaker,
            cue: cue.map(|c| TextSpan::at(self.text, c)),
        });
    }
}

/// Whether a paragraph still reads as the quoted speaker's own words.
fn own_voice(p: &str) -> bool {
    let first_person = p
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            matches!(
                w,
                "I" | "we"
                    | "We"
                    | "our"
                    | "Our"
                    | "us"
                    | "my"
                    | "My"
                    | "me"
                    | "you"
                    | "You"
                    | "your"
                    | "Your"
                    | "I'm"
                    | "I’m"
                    | "we're"
                    | "We’re"
                    | "We're"
                    | "we’re"
                    | "let's"
                    | "Let's"
                    | "Let’s"
            )
        });
    if first_person {
        return true;
    }
    // Plain present-tense statements continue; past-tense reporting ends it.
    !p.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.len() > 4 && w.ends_with("ed") && w.chars().next().is_some_and(char::is_lowercase)
    })
}

/// Whether the span, trimmed, ends with a colon.
fn ends_with_colon(text: &str, span: Span) -> bool {
    let t = trim(text, span);
    t.end > t.start && text.as_bytes().get(t.end - 1) == Some(&b':')
}

/// The sentence holding byte `p`.
fn sentence_at(sentences: &[Span], p: usize) -> Option<Span> {
    let i = sentences.partition_point(|s| s.end <= p);
    sentences.get(i).copied().filter(|s| s.start <= p + 1)
}

/// `sentence_at` for bytes asked about mostly in order, over a long list:
/// the search starts at `from`, where the previous one ended, and moves
/// it (`span::first_ending_after`).
fn sentence_near(sentences: &[Span], p: usize, from: &mut usize) -> Option<Span> {
    let i = first_ending_after(sentences, p, *from);
    *from = i;
    sentences.get(i).copied().filter(|s| s.start <= p + 1)
}

/// The span without trailing full stop, comma or colon.
fn strip_end(text: &str, span: Span) -> Span {
    let s = text.get(span.range()).unwrap_or("");
    let t = s.trim_end_matches([',', ':', ';']);
    let t = if t.ends_with('.') && !t.ends_with("..") {
        &t[..t.len() - 1]
    } else {
        t
    };
    trim(text, Span::new(span.start, span.start + t.len()))
}

#[cfg(test)]
mod tests;
