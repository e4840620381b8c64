//! Reporting cues: the reporting verbs and phrases of a block ("said",
//! "told reporters", "according to"), each with its speaker phrase and
//! the clause it reports (`find_cues`, `cue`), and the walks that find a
//! speaker phrase before or after a verb (`np_before`, `np_after`,
//! `np_ending_at`, `past_name_tag`, `apposition`, `coordinated_subject`).

use std::borrow::Cow;
use std::cell::OnceCell;

use super::regions::{region_around, Region};
use super::words::{
    adverbial, bare_clause, byte_set, clause_start, content_that, first_person, first_words,
    fronted_clause, is_stop, is_weekday, is_word_byte, name_tag, names_weekday,
    object_of_preposition, past_tense, possessed, pronoun, says_what, share_of_people, that_at,
    word_before, word_count, word_list, WordEnds, STOP_WORDS,
};
use super::{back, sentence_at, strip_end, Run, SpeakerKind, VerbClass, WINDOW};
use crate::text::{char_at, char_before, find_str, is_space, key_fold, lower, trim, LOWER_INLINE};
use crate::Span;

/// A reporting verb or phrase with what it attributes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    /// The verb or phrase ("said", "told reporters").
    pub(super) span: Span,
    /// The speaker phrase, if not a pronoun.
    pub(super) np: Option<Span>,
    /// The kind of speaker a pronoun subject stands for.
    pub(super) pronoun: Option<SpeakerKind>,
    /// For "he" or "she": the person named as the subject of the sentence
    /// before, in the same paragraph ("Harry Kane won the award. He said").
    pub(super) antecedent: Option<Span>,
    /// The speaker, once resolved.
    pub(super) speaker: Option<usize>,
    /// Whether `speaker` has been resolved.
    pub(super) resolved: bool,
    /// The reported clause, for indirect speech.
    pub(super) indirect: Option<Span>,
    /// Whether the cue ends its paragraph with a colon: `X said:`.
    pub(super) intro: bool,
    /// A lower-case "he" or "she" right after a quotation ("“...,” she
    /// said"): it speaks only through `antecedent`.
    trailing_pronoun: bool,
}

/// A reporting verb that may be a cue (`Run::verb_sites`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Site {
    verb: Span,
    class: VerbClass,
    /// The sentence that holds it.
    sentence: Span,
}

/// A cue found before any speaker is met (`Run::cue_candidates`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) cue: Cue,
    /// For "he" or "she": the subject of the sentence before, which is
    /// the antecedent only if it names a person met by the time the cue's
    /// block is read.
    pub(super) pending: Option<Span>,
}

/// Bytes after a verb read for what it reports.
const REPORTED: usize = 2000;

/// Longest phrase, in bytes, between the verb of "As X said ..." and the
/// comma before what is reported ("As President Trump said in the
/// Presidential Memorandum on America First Trade Policy on his first day
/// in office, trade policy is ...").
const AS_PHRASE: usize = 160;

/// The length of the longest prefix of `s` of at most `max` bytes that
/// ends on a character boundary.
fn ahead(s: &str, max: usize) -> usize {
    let mut e = max.min(s.len());
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    e
}

/// Words after a reporting verb that `Run::cue` reads for most tests: the
/// length tests compare with eight or less, and `bare_clause` reads eight.
const REST_WORDS: usize = 9;
/// Words after a reporting verb that `fronted_clause` reads: seventeen at
/// most.
const FRONTED_WORDS: usize = 17;
/// Longest speaker phrase, in words.
const MAX_NP_WORDS: usize = 12;

/// Marks between two words that end a speaker phrase read back from its
/// end (`Run::np_before`; appositions are read on their own).
const PHRASE_BREAKS: [char; 8] = [',', ';', ':', '(', ')', '“', '”', '"'];

/// Where the last mark that ends the clause before a reporting verb
/// (`, ; : ( ” " — –`) stands in `left`, and its length: the `rfind` of
/// them, read a byte at a time rather than a character at a
/// time. The ASCII marks are single bytes, and the other three are the
/// only characters written E2 80 9D, E2 80 94 and E2 80 93: a 9D, 94 or 93
/// byte two bytes after an E2 80 is one of them.
///
/// Each byte is told by one look-up in `CLAUSE_MARK_BYTES`, where a chain
/// of comparisons would branch on the letters and the spaces alike.
fn last_clause_mark(left: &str) -> Option<(usize, usize)> {
    let bytes = left.as_bytes();
    let mut end = bytes.len();
    loop {
        let i = bytes
            .get(..end)?
            .iter()
            .rposition(|&b| CLAUSE_MARK_BYTES.get(usize::from(b)) == Some(&true))?;
        if bytes.get(i).is_some_and(u8::is_ascii) {
            return Some((i, 1));
        }
        if i >= 2 && bytes.get(i - 2..i) == Some(&[0xE2, 0x80][..]) {
            return Some((i - 2, 3));
        }
        end = i;
    }
}

/// The bytes `last_clause_mark` stops at: `, ; : ( "`, and the last bytes
/// (9D, 94, 93) of `” — –`.
const CLAUSE_MARK_BYTES: [bool; 256] = byte_set(&[b',', b';', b':', b'(', b'"', 0x9D, 0x94, 0x93]);

/// Whether `orig`, at a phrase's front, is a function word as written:
/// lower case, or one of the capitalised words that open a clause or
/// stand before a name ("And", "While", "By").
fn is_function_word(orig: &str) -> bool {
    orig.starts_with(char::is_lowercase)
        || matches!(
            orig,
            "As" | "But"
                | "And"
                | "While"
                | "When"
                | "If"
                | "So"
                | "Since"
                | "Because"
                | "Although"
                | "Though"
                | "Then"
                | "After"
                | "Before"
                | "With"
                | "By"
                | "To"
                | "In"
                | "On"
                | "At"
                | "Also"
                | "Here"
                | "There"
                | "Such"
                | "Can"
                | "Could"
                | "Shall"
                | "Let"
        )
}

word_list! {
    /// Whether `orig` is an interjection that opens a transcript's answer:
    /// "Well Barry".
    fn is_interjection;
    /// The words `is_interjection` holds.
    const INTERJECTIONS = ["Well", "Now", "Yes", "Look", "Okay"];
}

/// Whether `orig`, the first word of a speaker phrase read back from its
/// verb, is a connector or sentence adverb that `Run::np_before` drops from
/// the phrase's front ("And", "however", "Meanwhile"); `more` says whether
/// another word follows it in the phrase.
///
/// Nearly every word asked about is a name or a noun that none of the
/// tests below can take: `may_drop_from_front` rules those out by their
/// length and end letters, before the word is lowered and looked up.
fn drops_from_front(orig: &str, more: bool) -> bool {
    may_drop_from_front(orig) && drops_from_front_by_lists(orig, more)
}

/// `drops_from_front` read out: the word lowered (`text::lower`, into a
/// buffer for a short word) and looked up among the connectors, and for a
/// function word among the stop words.
fn drops_from_front_by_lists(orig: &str, more: bool) -> bool {
    let function_word = is_function_word(orig);
    let interjection = is_interjection(orig);
    let mut buf = [0; LOWER_INLINE];
    let w = lower(orig, &mut buf);
    let w = w.as_ref();
    leading_connector(w)
        || (function_word && is_stop(w) && !matches!(w, "a" | "an" | "he" | "she" | "they" | "it"))
        || (w.ends_with("ly") && more)
        || (interjection && more)
}

word_list! {
    /// Whether a lower-case word is a connector or adverb that never opens a
    /// speaker phrase: "of", "and", "however", "yesterday".
    fn leading_connector;
    /// The words `leading_connector` holds.
    const LEADING_CONNECTORS = [
        "of", "for", "and", "from", "at", "on", "to", "but", "de", "van", "also", "however",
        "meanwhile", "in", "earlier", "later", "yesterday", "today", "previously", "both",
    ];
}

/// The ends (`WordEnds`) of every word that `drops_from_front_by_lists`
/// may drop other than by its "-ly": the stop words (for a function word),
/// the leading connectors and the interjections.
static FRONT_DROPS: WordEnds = WordEnds::of(&[STOP_WORDS, LEADING_CONNECTORS, INTERJECTIONS]);

// `may_drop_from_front` reads a word's ends as written. That tells the
// words compared in lower case (the stop words and the connectors) only
// while none holds a "k": the Kelvin sign lowers to "k" but takes three
// bytes, so a word spelled with it would be ruled out by its length.
const _: () = assert!(
    !any_word_holds(STOP_WORDS, b'k') && !any_word_holds(LEADING_CONNECTORS, b'k'),
    "a word that drops_from_front lowers holds a \"k\": FRONT_DROPS cannot rule out its Kelvin-sign spellings"
);

/// Whether a word of `list` holds `byte`.
// Const evaluation checks every index at compile time.
#[allow(clippy::indexing_slicing)]
const fn any_word_holds(list: &[&str], byte: u8) -> bool {
    let mut k = 0;
    while k < list.len() {
        let w = list[k].as_bytes();
        let mut i = 0;
        while i < w.len() {
            if w[i] == byte {
                return true;
            }
            i += 1;
        }
        k += 1;
    }
    false
}

/// Whether `drops_from_front` needs to read `orig` out: false only where
/// `drops_from_front_by_lists` surely says no.
///
/// A word that ends in "ly", or that `FRONT_DROPS` passes unread (empty,
/// long, or not beginning and ending with an ASCII letter), is read out.
/// Any other word is dropped only if it is an interjection as written or
/// its lower-case form is a stop word or a connector, all of them ASCII: a
/// word beyond ASCII never lowers to one, as the only character that
/// lowers to an ASCII letter (the Kelvin sign, to "k") spells none of them
/// (a check at compile time holds that no stop word or connector has a
/// "k"). Of ASCII, the word's length, first and last letters must then be
/// those of a listed word.
fn may_drop_from_front(orig: &str) -> bool {
    let b = orig.as_bytes();
    let n = b.len();
    let last = b.last().copied().unwrap_or(0);
    // Both taken in full: each is nearly always false.
    let ends_ly = ((last | 0x20) == b'y')
        & b.get(n.wrapping_sub(2))
            .is_some_and(|&l| (l | 0x20) == b'l');
    ends_ly | FRONT_DROPS.may_hold(b)
}

/// Whether the bytes between two words of a speaker phrase hold one of
/// `PHRASE_BREAKS`, which ends the phrase: the gap, read as bytes, needs
/// no slicing on character boundaries. Most gaps are one space, told at
/// once. Of the marks beyond ASCII, “ and ” are the only characters that
/// end in 9C or 9D after E2 80.
fn gap_breaks_phrase(gap: &[u8]) -> bool {
    gap != b" "
        && gap.iter().enumerate().any(|(k, &b)| {
            matches!(b, b',' | b';' | b':' | b'(' | b')' | b'"')
                || (matches!(b, 0x9C | 0x9D)
                    && k >= 2
                    && gap.get(k - 2..k) == Some(&[0xE2, 0x80][..]))
        })
}

/// Whether a lower-case word joins the words on either side of it into one
/// speaker phrase: "Minister for Health", "officials from the Five Eyes
/// countries", "Marquis de Lafayette", "Johnson & Johnson".
///
/// Most words asked about are none: their ends (`JOINING_ENDS`) rule them
/// out before they are compared with the list.
fn joins_phrase(lw: &str) -> bool {
    JOINING_ENDS.may_hold(lw.as_bytes()) && listed_joining(lw)
}

/// The ends of the joining words, for `joins_phrase`.
static JOINING_ENDS: WordEnds = WordEnds::of(&[JOINING_WORDS]);

word_list! {
    /// Whether `w` is one of the joining words, compared with each.
    fn listed_joining;
    /// The words `joins_phrase` holds.
    const JOINING_WORDS = [
        "of", "for", "and", "the", "from", "de", "van", "von", "der", "da", "at", "on", "&",
    ];
}

impl<'h> Run<'_, 'h> {
    /// Every reporting cue of a block, outside quotation marks, with its
    /// speaker and reported clause, into `out`; `verbs` holds the block's
    /// reporting verbs meanwhile (`verb_matches`). Both are cleared first:
    /// one pair of lists serves every block of a document.
    #[cfg(test)]
    pub(super) fn find_cues(
        &self,
        block: Span,
        sentences: &[Span],
        regions: &[Region],
        out: &mut Vec<Cue>,
        verbs: &mut Vec<(Span, usize)>,
    ) {
        let (mut sites, mut candidates) = (Vec::new(), Vec::new());
        self.verb_sites(block, sentences, regions, &mut sites, verbs);
        self.cue_candidates(&sites, sentences, regions, &mut candidates);
        self.take_cues(&candidates, out);
    }

    /// The cues of a block as `cue_candidates` left them, into `out`
    /// (cleared first), once the speakers met so far settle what those
    /// did not: a pending antecedent counts only when it names someone
    /// met, and a cue inside the clause another reports is dropped only
    /// when that one is kept.
    pub(super) fn take_cues(&self, candidates: &[Candidate], out: &mut Vec<Cue>) {
        out.clear();
        for &Candidate { mut cue, pending } in candidates {
            if out
                .last()
                .is_some_and(|c: &Cue| c.indirect.is_some_and(|i| i.contains(cue.span)))
            {
                continue;
            }
            if let Some(np) = pending {
                cue.antecedent = self.met_person(np).then_some(np);
            }
            if cue.trailing_pronoun && cue.antecedent.is_none() {
                continue;
            }
            out.push(cue);
        }
    }

    /// The reporting verbs of a block that may be cues, appended to
    /// `out`, for `cue_candidates` to read: the whole document's cues are
    /// found before any speaker is worked out (`take_cues` settles what
    /// those change), where the two took turns in the instruction cache.
    /// `verbs` holds the block's reporting verbs meanwhile
    /// (`verb_matches`).
    pub(super) fn verb_sites(
        &self,
        block: Span,
        sentences: &[Span],
        regions: &[Region],
        out: &mut Vec<Site>,
        verbs: &mut Vec<(Span, usize)>,
    ) {
        let text = self.text;
        let Some(hay) = text.get(block.range()) else {
            return;
        };
        self.verb_matches(block, verbs);
        for &(m, form) in verbs.iter() {
            let span = Span::new(block.start + m.start, block.start + m.end);
            // "re-affirm", "well-stated": part of a compound, not a verb.
            if !word_bounded(text, span) || hyphen_before(text, span.start) {
                continue;
            }
            if region_around(regions, span.start) {
                continue;
            }
            let Some(class) = self.finder.classes.get(form).copied() else {
                continue;
            };
            let Some(s) = sentence_at(sentences, span.start) else {
                continue;
            };
            // "States" in "United States" is a name; a capital cue only opens a sentence.
            if hay
                .get(m.start..)
                .is_some_and(|h| h.starts_with(char::is_uppercase))
                && trim(text, Span::new(s.start, span.start)).start != span.start
            {
                continue;
            }
            // After a determiner the form is a noun: "Recent reports have
            // revealed", "the claims made about him", "A 2023 report by";
            // so it is after a possessive or before "of" ("state of the art").
            let before = text.get(s.start..span.start).unwrap_or("").trim_end();
            let prev = before.rsplit(is_space).next().unwrap_or("");
            // The few forms that may be nouns are told first: the words
            // around the others are never read for these tests.
            let form = hay.get(m.range()).unwrap_or("");
            // "a Palestinian state", "an annual report": after an
            // indefinite article and one modifier the form is a noun.
            let article_before = || {
                let mut back_words = before.rsplit(is_space).filter(|w| !w.is_empty());
                back_words
                    .nth(1)
                    .is_some_and(|w| matches!(w, "a" | "an" | "A" | "An"))
            };
            if matches!(
                form,
                "state" | "report" | "note" | "claim" | "statement" | "warning" | "reporting"
            ) && article_before()
            {
                continue;
            }
            // Capitalised inside a sentence the word is a name ("Sky News says").
            let opens = before.len() == prev.len();
            let mut prev_buf = [0; LOWER_INLINE];
            let prev_word = if opens || prev.starts_with(char::is_lowercase) {
                lower(prev, &mut prev_buf)
            } else {
                Cow::Borrowed("")
            };
            if matches!(
                prev_word.as_ref(),
                "a" | "an"
                    | "the"
                    | "this"
                    | "these"
                    | "those"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "my"
                    | "your"
                    | "recent"
                    | "new"
                    | "latest"
                    | "earlier"
                    | "media"
                    | "press"
                    | "news"
                    | "such"
            ) || prev.starts_with(|c: char| c.is_ascii_digit())
                || (matches!(
                    form,
                    "claim"
                        | "claims"
                        | "report"
                        | "reports"
                        | "note"
                        | "notes"
                        | "state"
                        | "states"
                        | "stress"
                        | "urge"
                ) && (possessed(before)
                    || text.get(span.end..).is_some_and(|r| {
                        // "state of the art"; "unemployment claims remain
                        // low": a verb after the form makes it the subject.
                        r.starts_with(" of ")
                            || r.split(' ').nth(1).is_some_and(|w| {
                                matches!(
                                    w,
                                    "are"
                                        | "were"
                                        | "is"
                                        | "was"
                                        | "remain"
                                        | "remained"
                                        | "rose"
                                        | "fell"
                                        | "have"
                                        | "has"
                                        | "had"
                                )
                            })
                    })))
            {
                continue;
            }
            out.push(Site {
                verb: span,
                class,
                sentence: s,
            });
        }
    }

    /// The cue candidates of one block's verb sites (`verb_sites`),
    /// appended to `out`. Done for the whole document after its sites are
    /// found, so that `cue` and the walks it calls stay in the instruction
    /// cache from one site to the next.
    pub(super) fn cue_candidates(
        &self,
        sites: &[Site],
        sentences: &[Span],
        regions: &[Region],
        out: &mut Vec<Candidate>,
    ) {
        let first = out.len();
        // Whether every candidate of the block so far is surely kept: none
        // is pending. After a pending one, a later candidate may be dropped
        // by `take_cues`, so the last candidate no longer stands for the
        // last cue kept.
        let mut all_kept = true;
        for &Site {
            verb: span,
            class,
            sentence: s,
        } in sites
        {
            // A cue inside the clause another cue reports is not the writer's.
            // While every candidate is surely kept, the last one is the last
            // cue kept; past a pending one, `take_cues` alone decides,
            // against the cue it did keep.
            if all_kept
                && out
                    .get(first..)
                    .and_then(<[Candidate]>::last)
                    .is_some_and(|c| c.cue.indirect.is_some_and(|i| i.contains(span)))
            {
                continue;
            }
            if let Some(mut c) = self.cue(span, class, s, regions) {
                let mut pending = None;
                if c.pronoun == Some(SpeakerKind::Person) {
                    let (named, met) = self.antecedent_parts(sentences, s.start);
                    c.antecedent = named;
                    pending = met;
                }
                // Without a subject named just before, "she said" after a
                // quotation is left to the speaker the quotation continues.
                if c.trailing_pronoun && c.antecedent.is_none() && pending.is_none() {
                    continue;
                }
                all_kept &= pending.is_none();
                out.push(Candidate { cue: c, pending });
            }
        }
    }

    /// The reporting verbs and phrases of `block` that start at a word
    /// start, each the longest form there, in order and not overlapping,
    /// with the form's index, into `out` (cleared first). Offsets are
    /// relative to the block.
    ///
    /// The walk stops only at the document's word starts (`WordBytes`)
    /// whose key begins some verb form, and the word's fourth and fifth
    /// bytes (`verb_heads`) rule out most of those before the trie is walked;
    /// `word_bounded` checks each match's end later.
    fn verb_matches(&self, block: Span, out: &mut Vec<(Span, usize)>) {
        let text = self.text;
        out.clear();
        let Some(hay) = text.as_bytes().get(block.range()) else {
            return;
        };
        let mut resume = 0;
        // A key that reads past the block's end differs from the block's
        // own bytes only where no form of three bytes or more fits, and the
        // keys of shorter forms cover whatever follows them.
        self.words
            .for_each_start_in(block, &self.finder.verb_prefixes, |abs, key| {
                let i = abs - block.start;
                if i < resume {
                    return;
                }
                let fold = |k: usize| text.as_bytes().get(abs + k).map_or(26, |&b| key_fold(b));
                if !self.finder.verb_heads.may_start(key, fold(3), fold(4)) {
                    return;
                }
                let found = hay.get(i..).and_then(|h| self.finder.verbs.longest(h));
                if let Some((len, form)) = found {
                    resume = i + len;
                    out.push((Span::new(i, i + len), form));
                }
            });
    }

    /// Whether a reporting verb or phrase stands as a whole word at `at`.
    fn verb_at(&self, at: usize) -> bool {
        let at = at.min(self.text.len());
        self.text
            .as_bytes()
            .get(at..)
            .and_then(|h| self.finder.verbs.longest(h))
            .is_some_and(|(len, _)| word_bounded(self.text, Span::new(at, at + len)))
    }

    /// One cue: its speaker, the content it reports, and whether it
    /// introduces a block quote.
    fn cue(&self, verb: Span, class: VerbClass, s: Span, regions: &[Region]) -> Option<Cue> {
        let text = self.text;
        let mut cue_span = verb;
        // Left side: the clause start is the last comma, colon or quotation end.
        // Work is bounded to a window around the verb, however long the sentence.
        // ... and after it: a reported clause is read at most `REPORTED`
        // bytes on, so that a sentence of a megabyte with a reporting verb
        // every few words costs no more per verb than a real one.
        let end = s
            .end
            .min(verb.end + text.get(verb.end..).map_or(0, |r| ahead(r, REPORTED)));
        let s = Span::new(back(text, s.start, verb.start, WINDOW), end);
        let left = text.get(s.start..verb.start)?;
        let cut = last_clause_mark(left).map(|(i, len)| s.start + i + len);
        let clause = cut.unwrap_or(s.start);
        let in_region = |p: usize| region_around(regions, p + 1);
        if class == VerbClass::According {
            let sentence_end = strip_end(text, s).end;
            let rest = text.get(verb.end..sentence_end)?;
            let opens = trim(text, Span::new(s.start, verb.start)).is_empty();
            // "According to Rathbun the property was returned": no comma
            // after the name; the clause starts at its determiner.
            let toks = self.tokens(rest.get(..ahead(rest, 200)).unwrap_or(rest), verb.end);
            let names = toks
                .iter()
                .take_while(|t| {
                    text.get(t.range())
                        .is_some_and(|w| w.starts_with(char::is_uppercase))
                })
                .count();
            let bare = toks.get(names).filter(|t| {
                opens
                    && (1..=4).contains(&names)
                    && text
                        .get(verb.end..t.start)
                        .is_some_and(|g| !g.contains([',', '(', ':', '"', '“']))
                    && matches!(
                        text.get(t.range()),
                        Some(
                            "the"
                                | "a"
                                | "an"
                                | "it"
                                | "he"
                                | "she"
                                | "they"
                                | "there"
                                | "this"
                                | "these"
                                | "its"
                                | "his"
                                | "her"
                                | "their"
                        )
                    )
            });
            let (np_end, content) = match (bare, rest.find(',')) {
                (Some(t), _) => (t.start, Some(Span::new(t.start, sentence_end))),
                (None, Some(i)) if opens => (
                    verb.end + i,
                    Some(Span::new(verb.end + i + 1, sentence_end)),
                ),
                _ => {
                    let c = cut.filter(|_| trim(text, Span::new(clause, verb.start)).is_empty());
                    (
                        sentence_end.min(verb.end + rest.find(',').unwrap_or(rest.len())),
                        c.map(|c| Span::new(s.start, c.saturating_sub(1))),
                    )
                }
            };
            let np = self
                .np_after(verb.end, np_end)
                .filter(|n| !self.is_evidence(*n))?;
            let indirect = content
                .map(|c| trim(text, c))
                .filter(|c| c.len() > 12 && !in_region(c.start));
            return Some(Cue {
                span: cue_span,
                np: Some(np),
                pronoun: None,
                antecedent: None,
                speaker: None,
                resolved: false,
                indirect,
                intro: false,
                trailing_pronoun: false,
            });
        }
        // Subject before the verb, or inverted after it ("said X").
        let mut np = self.np_before(clause, verb.start);
        // "Craig Johns, Area Manager at the HCA said": the phrase after the
        // comma is a role without a name of its own; the name stands before it.
        if let (Some(n), Some(c)) = (np, cut) {
            // "the local MP": "the" and lower-case words may lead the role.
            let lead = text.get(clause..n.start).unwrap_or("").trim();
            if text.get(..c).is_some_and(|l| l.ends_with(','))
                && (lead.is_empty()
                    || (lead.starts_with("the ")
                        && !lead.contains(|ch: char| !ch.is_lowercase() && !is_space(ch))))
                && self.role_without_name(n)
            {
                if let Some(a) = self
                    .apposition(s.start, c.saturating_sub(1))
                    .filter(|a| self.is_name_segment(trim(text, Span::new(a.start, a.end))))
                {
                    np = Some(Span::new(a.start, n.end));
                }
            }
        }
        // "Malaysia's Prime Minister, Najib Razak said": a role that opens
        // the sentence, then the name after a comma. A bare title there may
        // address someone instead ("Prime Minister, Kerry Stokes told me"),
        // so the role needs a determiner, a possessive or three words.
        if let (Some(n), Some(c)) = (np, cut) {
            // The role runs from the comma before it, or the sentence start:
            // "Discussing his concern, Malaysia's Prime Minister, Najib Razak said".
            let role_start = text
                .get(s.start..c.saturating_sub(1))
                .and_then(|l| l.rfind(','))
                .map_or(s.start, |i| s.start + i + 1);
            let role = trim(text, Span::new(role_start, c.saturating_sub(1)));
            let name_text = text.get(n.range()).unwrap_or("");
            if text.get(..c).is_some_and(|l| l.ends_with(','))
                && trim(text, Span::new(clause, n.start)).is_empty()
                && !name_text.contains(" and ")
                && self.is_name_segment(n)
                && self.is_opening_role(role)
            {
                np = Some(Span::new(role.start, n.end));
            }
        }
        let participle = text.get(verb.range()).is_some_and(|v| v.ends_with("ing"));
        if np.is_none() && !participle && trim(text, Span::new(clause, verb.start)).is_empty() {
            // Apposition: "George Brandis, Australia's Attorney General, said".
            // A participle after a comma ("welcomed the teachers, saying")
            // takes the sentence's subject instead, below.
            if let Some(c) = cut.filter(|_| left.trim_end().ends_with(',')) {
                np = self.apposition(s.start, c.saturating_sub(1));
            }
        }
        // "The security firm Secunia.com, has said that": a stray comma
        // between the subject and its auxiliary.
        // Read only when no subject was found: most cues have one.
        let auxiliary_only = || {
            text.get(clause..verb.start).is_some_and(|between| {
                let mut words = between.split_whitespace().peekable();
                words.peek().is_some() && words.all(|w| matches!(w, "has" | "have" | "had"))
            })
        };
        if let Some(comma) = cut
            .filter(|&c| {
                np.is_none() && auxiliary_only() && text.get(..c).is_some_and(|l| l.ends_with(','))
            })
            .map(|c| c - 1)
        {
            // "Valeska Paris, an Australian woman, has claimed": the name
            // before the apposition.
            // "A Working Group, comprising the Taskforce and the Police, has
            // recommended": a phrase opening in lower case describes the
            // subject before its comma.
            let described = text.get(s.start..comma).and_then(|head| {
                let i = find_str(head, ", ")?;
                let subject_end = s.start + i;
                head.get(i + 2..)?
                    .starts_with(char::is_lowercase)
                    .then(|| self.np_before(s.start, subject_end))
                    .flatten()
                    .filter(|n| n.end == subject_end)
            });
            np = self
                .apposition(s.start, comma)
                .or(described)
                .or_else(|| self.np_ending_at(s.start, comma));
        }
        np = np
            .and_then(|n| self.past_name_tag(s.start, n))
            .filter(|n| !object_of_preposition(text, *n));
        let mut trailing_pronoun = false;
        if np.is_none() {
            // "“...,” he said": a lower-case pronoun right after the
            // quotation is the subject.
            let after_quote = text
                .get(..clause)
                .is_some_and(|l| l.trim_end().ends_with(['”', '"']));
            let subject = trim(text, Span::new(clause, verb.start));
            if after_quote && matches!(text.get(subject.range()), Some("he" | "she")) {
                np = Some(subject);
                trailing_pronoun = true;
            }
        }
        if np.is_none() {
            // "Tom Devocht, who had told Montalvo he would help": the
            // relative pronoun stands for the name just before its comma.
            let relative = text.get(clause..verb.start).is_some_and(|between| {
                let mut words = between.split_whitespace();
                words.next() == Some("who")
                    && words.all(|w| matches!(w, "had" | "has" | "have" | "also" | "later"))
            });
            if let Some(comma) = cut
                .filter(|&c| relative && text.get(..c).is_some_and(|l| l.ends_with(',')))
                .map(|c| c - 1)
            {
                np = self
                    .np_ending_at(s.start, comma)
                    .filter(|n| self.is_name_segment(*n) || self.is_surname(*n));
            }
        }
        if np.is_none() && participle && trim(text, Span::new(clause, verb.start)).is_empty() {
            // "They welcomed the report, noting that ...": the participle's
            // subject is the sentence's.
            if let Some(c) = cut.filter(|&c| text.get(..c).is_some_and(|l| l.ends_with(','))) {
                np = self.coordinated_subject(s.start, c - 1);
            }
        }
        if np.is_none() && matches!(class, VerbClass::Say | VerbClass::Tell) {
            // "The minister visited the site and said ...": the subject of
            // the first verb phrase is the speaker.
            let before = text.get(clause..verb.start).unwrap_or("").trim_end();
            if let Some(head) = before.strip_suffix(" and") {
                np = match (head.trim().is_empty(), cut) {
                    // "Cooper said her party has supported it, and said ...":
                    // the subject opens the sentence, before the comma.
                    (true, Some(c)) => self.coordinated_subject(s.start, c.saturating_sub(1)),
                    _ => self.coordinated_subject(clause, clause + head.len()),
                };
            }
        }
        let sentence_end = strip_end(text, s).end;
        let mut after = verb.end;
        // "“...,” said X": an inverted subject; a participle has none
        // ("hold DHS hostage, insisting on radical demands").
        if np.is_none() && !participle {
            let before_clause = text.get(..clause).unwrap_or("").trim_end_matches(is_space);
            if cut.is_some()
                && trim(text, Span::new(clause, verb.start)).is_empty()
                && (before_clause.ends_with([',', '”', '"']))
            {
                let end = text
                    .get(verb.end..sentence_end)?
                    .find([',', ':'])
                    .map_or(sentence_end, |i| verb.end + i);
                np = self.np_after(verb.end, end);
                after = np.map_or(verb.end, |n| n.end);
            }
        }
        let np = np?;
        if self.is_evidence(np) {
            return None;
        }
        let pronoun = pronoun(text.get(np.range()).unwrap_or(""));
        // What follows the verb.
        let mut pos = after;
        if class == VerbClass::Tell {
            // The hearer: "reporters", "the BBC", "Sky News".
            let rest = text.get(pos..sentence_end)?;
            // The hearer is a few words: a bounded look ahead, however long
            // the sentence.
            let toks = self.tokens(rest.get(..ahead(rest, 200)).unwrap_or(rest), pos);
            let word = |k: usize| toks.get(k).and_then(|t| text.get(t.range())).unwrap_or("");
            let mut k = 0;
            if matches!(word(0), "the" | "a" | "an") {
                k = 1;
            }
            let cap = |w: &str| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            };
            // The hearer ends at punctuation: "told GB News: “It's clear”".
            let joined = |t: usize| {
                t == 0
                    || match (toks.get(t - 1), toks.get(t)) {
                        (Some(a), Some(b)) => text
                            .get(a.end..b.start)
                            .is_some_and(|gap| gap.chars().all(is_space)),
                        _ => false,
                    }
            };
            let mut taken = k;
            while taken < toks.len() && taken < k + 4 && cap(word(taken)) && joined(taken) {
                taken += 1;
            }
            if taken == k && toks.get(k).is_some() && word(k) != "that" {
                taken = k + 1;
            }
            let last = toks.get(taken.checked_sub(1)?)?;
            if taken == 0 {
                return None;
            }
            cue_span = Span::new(verb.start, last.end);
            pos = last.end;
        }
        let rest_span = trim(text, Span::new(pos.min(sentence_end), sentence_end));
        let rest = text.get(rest_span.range()).unwrap_or("");
        let full_rest = text.get(pos..s.end).unwrap_or("").trim();
        // "X said:" or, closing its paragraph, "X said," (gov.uk writes
        // both) introduces the paragraphs after it.
        let ends_line = text
            .get(s.end..)
            .map(|r| r.trim_start_matches([' ', '\t']))
            .is_none_or(|r| r.is_empty() || r.starts_with(['\n', '\r']));
        let intro = full_rest.starts_with(':') && full_rest.len() == 1
            || (full_rest == "," && ends_line)
            || (full_rest.ends_with(':')
                && full_rest.len() < 40
                && !full_rest.contains(['“', '"']));
        let mut indirect = None;
        // The first words after the verb: a long sentence is not split to
        // its end. Most cues are settled before they are read.
        let rest_words_cell = OnceCell::new();
        let rest_words = || rest_words_cell.get_or_init(|| first_words::<REST_WORDS>(rest));
        // A quotation right after the verb, its punctuation or "that" is
        // what the verb introduces ("said: “...”", "said that “...”");
        // after another word ("said a “...” is needed") it is part of the
        // reported clause.
        let quote_after = regions
            .get(regions.partition_point(|r| r.open < pos))
            .is_some_and(|r| {
                r.open <= pos + 3 + rest.len().min(3)
                    && text.get(pos..r.open).is_some_and(|gap| {
                        let gap = gap.trim_matches(|c: char| !c.is_alphanumeric());
                        gap.is_empty() || gap == "that"
                    })
            });
        // "As the Prime Minister said last week, the plan works": after an
        // opening "as", what follows the verb's comma or dash is reported.
        let as_lead = text
            .get(s.start..np.start)
            .unwrap_or("")
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w == "As" || w == "as")
            // "As part of the changes announced today, ...": a quantity or
            // a part of something announces nothing.
            && text.get(np.range()).is_some_and(|n| {
                !n.contains(|c: char| c.is_ascii_digit() || c == '$')
                    && !matches!(
                        n.split(' ').next().map(str::to_lowercase).as_deref(),
                        Some("part" | "parts" | "some" | "much" | "many" | "most" | "all" | "each")
                    )
            });
        let as_content = as_lead
            .then(|| text.get(pos.min(sentence_end)..sentence_end))
            .flatten()
            .and_then(|tail| {
                let i = tail.find([',', '–', '—']).filter(|&i| i <= AS_PHRASE)?;
                let mark = tail.get(i..)?.chars().next()?.len_utf8();
                Some(trim(text, Span::new(pos + i + mark, sentence_end)))
            })
            .filter(|c| c.len() > 12 && !in_region(c.start));
        if !intro && !quote_after {
            if let Some(c) = as_content {
                indirect = Some(c);
            } else if let Some(i) = that_at(rest)
                .filter(|&i| {
                    // "announced the locations that would be given": after a
                    // noun phrase, "that" opens a relative clause, unless the
                    // noun names what is said ("reaffirmed the position that").
                    let words = || rest.get(..i).unwrap_or("").split(' ');
                    let noun = words().nth_back(1);
                    let content_noun = noun.is_some_and(says_what);
                    // "confirmed in the briefing room, that": a comma sets the
                    // phrase apart.
                    let set_apart = noun.is_some_and(|w| w.ends_with(','));
                    class == VerbClass::Tell
                        || content_noun
                        || set_apart
                        || !words().any(|w| matches!(w, "the" | "a" | "an"))
                })
                .or_else(|| content_that(rest))
            {
                let c = trim(text, Span::new(rest_span.start + i, rest_span.end));
                if c.len() > 12 {
                    indirect = Some(c);
                }
            } else if rest_words().len() <= 8 && adverbial(rest_words()) {
                // "..., X said Wednesday."
                if let Some(c) = cut.filter(|_| {
                    np.start <= clause + 1
                        || trim(text, Span::new(clause, np.start)).is_empty()
                        // "..., as President Trump has stated."
                        || text.get(clause..np.start).is_some_and(|w| w.trim() == "as")
                }) {
                    let mut content = trim(text, Span::new(s.start, c.saturating_sub(1)));
                    // "EXPOSING BIAS IN PUBLIC BROADCASTING: NPR and PBS have
                    // fueled ...": a label in capitals is not reported.
                    if let Some(i) = text.get(content.range()).and_then(|t| find_str(t, ": ")) {
                        let label = text.get(content.start..content.start + i).unwrap_or("");
                        if i <= 80 && !label.contains(char::is_lowercase) {
                            content = trim(text, Span::new(content.start + i + 1, content.end));
                        }
                    }
                    let whole = regions
                        .get(regions.partition_point(|r| r.end + 3 < content.end))
                        .is_some_and(|r| r.open <= content.start + 3);
                    if !whole && content.len() > 12 {
                        indirect = Some(content);
                    }
                }
            } else if matches!(class, VerbClass::Say | VerbClass::Tell)
                && rest_words().len() >= 4
                && clause_start(rest_words().first().copied().unwrap_or(""))
            {
                indirect = Some(rest_span);
            } else if matches!(class, VerbClass::Say | VerbClass::Tell)
                && fronted_clause(&first_words::<FRONTED_WORDS>(rest))
            {
                // "said after more than 100 years in the making, it was hard
                // to believe": a phrase fronted before the reported clause.
                indirect = Some(rest_span);
            } else if (class == VerbClass::That
                || (matches!(class, VerbClass::Say | VerbClass::Tell)
                    && rest_words()
                        .first()
                        .is_some_and(|w| matches!(*w, "a" | "an"))))
                && bare_clause(rest_words())
            {
                // "The two sides noted their different national conditions
                // could lead to differences": "that" left out.
                indirect = Some(rest_span);
            }
        }
        let indirect = indirect.map(|c| {
            let end = self.clause_end(c);
            let c = trim(text, Span::new(c.start, c.start + end));
            let lead = text
                .get(c.range())
                .unwrap_or("")
                .trim_start_matches(['–', '—', '-', ',', ' ']);
            trim(text, Span::new(c.end - lead.len(), c.end))
        });
        // "reaffirmed her forward-looking vision: “...”": what stands
        // between the verb and a quotation's colon names the quotation.
        let indirect = indirect.filter(|c| {
            let t = text.get(c.range()).unwrap_or("");
            let before_colon = text
                .get(c.end..)
                .unwrap_or("")
                .trim_start_matches(is_space)
                .starts_with(':');
            !(before_colon && names_the_quotation(t))
        });
        Some(Cue {
            span: cue_span,
            np: pronoun.is_none().then_some(np),
            pronoun,
            antecedent: None,
            speaker: None,
            resolved: false,
            indirect,
            intro,
            trailing_pronoun,
        })
    }

    /// Where the reported clause `c` ends, in bytes from its start: where
    /// a quotation introduced by a colon begins (`: “`), or one whose mark
    /// was typed after a comma (`communities," For example`); or where the
    /// speaker goes on to another reporting verb ("said her party has
    /// supported it, and said the plan was late") or the clause to another
    /// source (", with the i reporting"), wherever that stands.
    ///
    /// Every one of these begins with a comma or a colon: the clause is
    /// read once, from one of those to the next.
    fn clause_end(&self, c: Span) -> usize {
        let text = self.text;
        let t = text.get(c.range()).unwrap_or("");
        // The first quotation that opens inside the clause.
        let mut quotation = None;
        for i in memchr::memchr2_iter(b',', b':', t.as_bytes()) {
            let rest = t.get(i..).unwrap_or("");
            if rest.starts_with(": “") || rest.starts_with(": \"") || rest.starts_with(":“") {
                quotation = quotation.or(Some(i));
                continue;
            }
            if let Some(after) = rest.strip_prefix(",\" ") {
                if after.starts_with(char::is_uppercase) {
                    quotation = quotation.or(Some(i));
                }
                continue;
            }
            let verb_follows = [", and ", ", but "].iter().any(|p| {
                quotation.is_none() && rest.starts_with(p) && self.verb_at(c.start + i + p.len())
            });
            if verb_follows || (rest.starts_with(", with ") && self.source_follows(c, i + 7)) {
                return i;
            }
        }
        quotation.unwrap_or(t.len())
    }

    /// Whether one of the four words at byte `at` of the clause `c` is a
    /// reporting verb in "-ing": ", with the i reporting".
    fn source_follows(&self, c: Span, at: usize) -> bool {
        let mut at = c.start + at;
        let Some(rest) = self.text.get(at..c.end) else {
            return false;
        };
        for w in rest.split(' ').take(4) {
            if w.ends_with("ing") && self.verb_at(at) {
                return true;
            }
            at += w.len() + 1;
        }
        false
    }

    /// The speaker phrase of an apposition ending at the comma `end`:
    /// "Professor Cres Eastman, Director of the Study, and Chairman of the
    /// Centre, says". Role segments are walked back to the name.
    fn apposition(&self, lo: usize, end: usize) -> Option<Span> {
        let text = self.text;
        let mut seg_end = end;
        for _ in 0..4 {
            let left = text.get(lo..seg_end)?;
            let start = left
                .rfind([',', ';', ':', '(', '”', '"'])
                .map_or(lo, |i| lo + i + 1);
            let seg = trim(text, Span::new(start, seg_end));
            let seg_text = text.get(seg.range()).unwrap_or("");
            // A relative clause is skipped like a role: "The Prime Minister,
            // who will tonight speak at the launch, said".
            if seg_text.starts_with("who ") || seg_text.starts_with("whose ") {
                if start == lo {
                    return None;
                }
                let prev_end = start - 1;
                let pstart = text
                    .get(lo..prev_end)?
                    .rfind([',', ';', ':', '(', '”', '"'])
                    .map_or(lo, |i| lo + i + 1);
                let pseg = trim(text, Span::new(pstart, prev_end));
                let n = self.np_before(pstart, prev_end)?;
                return (n.start == pseg.start).then_some(n);
            }
            // "NVIDIA, a global chipmaking giant, announced": an indefinite
            // description is skipped like a role.
            let role = seg_text.starts_with("and ")
                || seg_text.starts_with("of ")
                || seg_text.starts_with("a ")
                || seg_text.starts_with("an ")
                || self
                    .tokens(seg_text, seg.start)
                    .iter()
                    .any(|t| self.finder.is_title_word(text.get(t.range()).unwrap_or("")))
                    && !self.is_name_segment(seg);
            if !role {
                let n = self.np_before(start, seg_end)?;
                // "As Stephen Kinnock, the local MP has said, ...".
                let lead = text.get(seg.start..n.start).unwrap_or("").trim();
                if n.start != seg.start && lead != "As" {
                    return None;
                }
                // "The Treasurer of Victoria, John Lenders, said": the role
                // that opens the clause before the name is its title.
                let role_before = start
                    .checked_sub(1)
                    .filter(|&comma| {
                        start > lo && text.get(lo..comma).is_some_and(|r| !r.contains(','))
                    })
                    .map(|comma| trim(text, Span::new(lo, comma)))
                    .filter(|r| {
                        n.start == seg.start
                            && self.is_name_segment(seg)
                            && self.is_opening_role(*r)
                    });
                return Some(Span::new(role_before.map_or(n.start, |r| r.start), end));
            }
            if start == lo {
                return None;
            }
            seg_end = start - 1;
        }
        None
    }

    /// Evidence does not speak: "a range of labor market indicators
    /// suggests that", "according to recent data".
    fn is_evidence(&self, np: Span) -> bool {
        let head = self
            .text
            .get(np.range())
            .unwrap_or("")
            .rsplit(is_space)
            .next()
            .unwrap_or("");
        matches!(
            head,
            "data"
                | "information"
                | "indicators"
                | "indicator"
                | "evidence"
                | "figures"
                | "statistics"
                | "signs"
                | "trends"
                | "numbers"
                | "readings"
                | "estimates"
                | "definitions"
        )
    }

    /// The subject that opens `lo..end` when a verb phrase in the past
    /// tense follows it ("Mark Zuckerberg tweeted to Mohamed"): the speaker
    /// of a reporting verb coordinated after it with "and".
    fn coordinated_subject(&self, lo: usize, end: usize) -> Option<Span> {
        let text = self.text;
        let toks = self.tokens(text.get(lo..end)?, lo);
        let verb = toks.iter().position(|t| {
            let w = text.get(t.range()).unwrap_or("");
            w.chars().next().is_some_and(char::is_lowercase)
                && (past_tense(w) || matches!(w, "said" | "told"))
        })?;
        if verb == 0 || toks.len() > verb + MAX_NP_WORDS {
            return None;
        }
        let np = self.np_before(lo, toks.get(verb)?.start)?;
        (np.start == toks.first()?.start).then_some(np)
    }

    /// The person's name that opens sentence `s` as the subject of a
    /// past-tense verb ("Harry Kane won the award"), titles and all.
    pub(super) fn named_subject(&self, s: Span) -> Option<Span> {
        self.past_subject(s, true).filter(|np| {
            self.is_name_segment(*np)
                && self
                    .parse(*np)
                    .is_some_and(|p| p.kind == SpeakerKind::Person)
        })
    }

    /// The person a "he" or "she" opening the sentence at `start` stands
    /// for: the subject of the sentence before, named in full ("Harry Kane
    /// won the award. He said") or by the surname of a speaker already met
    /// ("Rathbun requested donations. He described ...").
    pub(super) fn antecedent(&self, sentences: &[Span], start: usize) -> Option<Span> {
        match self.antecedent_parts(sentences, start) {
            (Some(named), _) => Some(named),
            (None, met) => met.filter(|np| self.met_person(*np)),
        }
    }

    /// `antecedent` in two parts: the subject named in full, which no
    /// speaker met changes, else the subject that is the antecedent only
    /// if it names a person met already (`met_person`).
    fn antecedent_parts(&self, sentences: &[Span], start: usize) -> (Option<Span>, Option<Span>) {
        let before = sentences.partition_point(|p| p.end <= start);
        let Some(prev) = before
            .checked_sub(1)
            .and_then(|i| sentences.get(i))
            .copied()
        else {
            return (None, None);
        };
        match self.named_subject(prev) {
            Some(named) => (Some(named), None),
            None => (None, self.past_subject(prev, false)),
        }
    }

    /// Whether the phrase at `np` names a person already met.
    fn met_person(&self, np: Span) -> bool {
        self.parse(np)
            .is_some_and(|p| p.kind == SpeakerKind::Person && self.keys.contains_key(&p.key))
    }

    /// The person that opens sentence `s` as the subject of a past-tense
    /// verb of action, named or titled: "President Trump heralded the
    /// revival" (not "President Trump was right").
    pub(super) fn person_subject(&self, s: Span) -> Option<Span> {
        self.past_subject(s, false).filter(|np| {
            self.parse(*np).is_some_and(|p| {
                p.kind == SpeakerKind::Person && (p.title.is_some() || self.is_name_segment(*np))
            })
        })
    }

    /// The words that open sentence `s` before its first lower-case word,
    /// when that word is a verb in the past tense ("was" and "won" too
    /// when `copula`).
    fn past_subject(&self, s: Span, copula: bool) -> Option<Span> {
        let text = self.text;
        let end = (s.start + WINDOW).min(s.end);
        let toks = self.tokens(text.get(s.start..back(text, s.start, end, 0))?, s.start);
        let verb = toks.iter().position(|t| {
            let w = text.get(t.range()).unwrap_or("");
            w.chars().next().is_some_and(char::is_lowercase)
        })?;
        let v = text.get(toks.get(verb)?.range())?;
        let past = past_tense(v) || (copula && matches!(v, "won" | "was"));
        if verb == 0 || !past {
            return None;
        }
        Some(trim(text, Span::new(s.start, toks.get(verb)?.start)))
    }

    /// Whether `role`, opening a sentence or clause before a comma and a
    /// name, is that person's role: "Malaysia's Prime Minister, Najib
    /// Razak said". A bare title there may address someone instead ("Prime
    /// Minister, Kerry Stokes told me"), so the role needs a determiner, a
    /// possessive or three words.
    fn is_opening_role(&self, role: Span) -> bool {
        let role_text = self.text.get(role.range()).unwrap_or("");
        !role.is_empty()
            && !role_text.contains([',', ';', ':', '“', '”', '"', '(', '—', '–'])
            && role_text.starts_with(char::is_uppercase)
            && (role_text.starts_with("The ")
                || role_text.contains("'s ")
                || role_text.contains("’s ")
                || role_text.split(' ').count() >= 3)
            && self.role_without_name(role)
            && self
                .parse_plain(role)
                .is_some_and(|p| p.key.starts_with("title:"))
    }

    /// Whether a phrase holds a title word but fewer than two name words
    /// after its last title word: "Gleeson Homes Group Land Director",
    /// "Area Manager at the HCA".
    pub(super) fn role_without_name(&self, seg: Span) -> bool {
        let text = self.text;
        let toks = self.tokens(text.get(seg.range()).unwrap_or(""), seg.start);
        let is_title = |t: &Span| self.finder.is_title_word(text.get(t.range()).unwrap_or(""));
        let Some(last_title) = toks.iter().rposition(is_title) else {
            return false;
        };
        let names = toks
            .get(last_title + 1..)
            .unwrap_or(&[])
            .iter()
            .filter(|t| {
                text.get(t.range())
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
            })
            .count();
        names < 2
    }

    /// Whether a comma-separated segment is a personal name, possibly with
    /// a title before it ("Professor Cres Eastman").
    pub(super) fn is_name_segment(&self, seg: Span) -> bool {
        let text = self.text;
        let toks = self.tokens(text.get(seg.range()).unwrap_or(""), seg.start);
        let mut trailing = 0;
        for t in toks.iter().rev() {
            let w = text.get(t.range()).unwrap_or("");
            if w.chars().next().is_some_and(char::is_uppercase) && !self.finder.is_title_word(w) {
                trailing += 1;
            } else {
                break;
            }
        }
        trailing >= 2
            && !toks
                .iter()
                .any(|t| matches!(text.get(t.range()), Some("of" | "for" | "at")))
    }

    /// Whether a phrase is one capitalised word that can stand for a
    /// person named before ("Devocht, who had told him"): not a title, a
    /// country or a short word.
    fn is_surname(&self, np: Span) -> bool {
        let Some(w) = self.text.get(np.range()) else {
            return false;
        };
        w.len() >= 3
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(char::is_alphabetic)
            && !self.finder.is_title_word(w)
            && self.countries.lookup(w).is_none()
    }

    /// The speaker phrase ending just before `end`, walking back over name
    /// and role words to `lo`.
    pub(super) fn np_before(&self, lo: usize, end: usize) -> Option<Span> {
        let text = self.text;
        let seg = text.get(lo..end)?;
        // The words are counted back from `end` (word 0 is the last one),
        // and read only as far back as the tests below reach.
        let mut words = self.token_lists.words_back(seg, lo);
        let mut buf = [0; LOWER_INLINE];
        let mut i = 0;
        // Adverbs and auxiliaries between subject and verb.
        while let Some(t) = words.get(i) {
            let orig = text.get(t.range()).unwrap_or("");
            // Capitalised, these are names: "Theresa May said", "Will Smith said".
            if orig.starts_with(char::is_uppercase) && !names_weekday(orig) {
                break;
            }
            let w = lower(orig, &mut buf);
            // A manner adverb after a name: "Lafayette famously wrote".
            if w.len() > 5
                && w.ends_with("ly")
                && !matches!(
                    w.as_ref(),
                    "family" | "assembly" | "supply" | "monopoly" | "anomaly"
                )
                && words
                    .get(i + 1)
                    .and_then(|p| text.get(p.range()))
                    .is_some_and(|p| p.starts_with(char::is_uppercase))
            {
                i += 1;
                continue;
            }
            if matches!(
                w.as_ref(),
                "also"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "have"
                    | "has"
                    | "had"
                    | "would"
                    | "further"
                    | "then"
                    | "later"
                    | "earlier"
                    | "again"
                    | "previously"
                    | "publicly"
                    | "jointly"
                    | "separately"
                    | "both"
                    | "all"
                    | "once"
                    | "recently"
                    | "repeatedly"
                    | "did"
                    | "subsequently"
                    | "meanwhile"
                    | "might"
                    | "may"
                    | "could"
                    | "will"
                    | "can"
                    | "should"
                    | "must"
                    | "not"
                    | "even"
                    | "only"
                    | "himself"
                    | "herself"
                    | "itself"
                    | "themselves"
            ) || is_weekday(&w)
            {
                i += 1;
            } else {
                break;
            }
        }
        // The phrase is words `stop..start` (counted back), its last word
        // `stop`.
        let stop = i;
        let mut start = i;
        let mut lower_run = 0;
        let mut seen_cap = false;
        // The phrase's words as written, last first (word `stop` first):
        // each is sliced from the text once.
        let mut phrase = [""; MAX_NP_WORDS];
        while start - stop < MAX_NP_WORDS {
            let Some(t) = words.get(start) else {
                break;
            };
            // Punctuation between words ends the phrase (appositions are
            // handled on their own). Most gaps are one space, told at once.
            if start > stop
                && text
                    .as_bytes()
                    .get(t.end..words.seen(start - 1).start)
                    .is_some_and(gap_breaks_phrase)
            {
                break;
            }
            let w = text.get(t.range()).unwrap_or("");
            if let Some(slot) = phrase.get_mut(start - stop) {
                *slot = w;
            }
            let cap = w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if cap {
                seen_cap = true;
                start += 1;
                continue;
            }
            let lw = lower(w, &mut buf);
            if joins_phrase(&lw) && start > stop
                || (lw == "to" && start > stop && self.title_before_to(t, words.seen(start - 1)))
            {
                // "officials from the Five Eyes countries": a new noun phrase may precede.
                if matches!(lw.as_ref(), "from" | "of" | "and") {
                    seen_cap = false;
                    lower_run = 0;
                }
                start += 1;
            } else if self.finder.title_words.contains(lw.as_ref()) {
                // Portfolio words may stand before a lower-case title:
                // "crime prevention minister".
                if w.starts_with(char::is_lowercase) {
                    seen_cap = false;
                    lower_run = 0;
                }
                start += 1;
            } else if !seen_cap
                && lower_run < 3
                && !is_stop(&lw)
                && lw
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
            {
                lower_run += 1;
                start += 1;
            } else {
                break;
            }
        }
        // Drop leading connectors and sentence adverbs.
        while start > stop {
            let orig = phrase.get(start - 1 - stop).copied().unwrap_or("");
            if drops_from_front(orig, start - 1 > stop) {
                start -= 1;
            } else {
                break;
            }
        }
        // "A leaked letter seen by Sky News says": the agent of a participle
        // is not the subject; the phrase before the participle is.
        if start > stop {
            let by = words.get(start).and_then(|t| text.get(t.range()));
            if by == Some("by") {
                if let Some(p) = words.get(start + 1) {
                    let part = text.get(p.range()).unwrap_or("");
                    if part.ends_with("ed")
                        || matches!(part, "seen" | "written" | "given" | "shown" | "taken")
                    {
                        return self.np_before(lo, p.start);
                    }
                }
            }
        }
        if start <= stop {
            return None;
        }
        let phrase = phrase.get(..start - stop).unwrap_or(&[]);
        let first = phrase.last().copied().unwrap_or("");
        let head = phrase.first().copied().unwrap_or("");
        let span = Span::new(words.seen(start - 1).start, words.seen(stop).end);
        let all = || text.get(span.range()).unwrap_or("");
        // A lone lower-case word must be a plural noun or a determiner phrase.
        let lead_lower = first.chars().next().is_some_and(char::is_lowercase);
        let has_cap = || phrase.iter().any(|w| w.starts_with(char::is_uppercase));
        if lead_lower
            && !has_cap()
            && !matches!(first, "the" | "both" | "two" | "its" | "their" | "our")
        {
            let plural = (head.ends_with('s') && !head.ends_with("ss")) || head == "media";
            if !plural && pronoun(all()).is_none() {
                return None;
            }
            // "civil libertarians", "officials": two words at most; a longer
            // run is the end of a clause ("to enhance civil rights said").
            if start - stop > 2 || first.ends_with("ing") {
                return None;
            }
        }
        if start - stop == 1 && matches!(first, "It" | "This" | "That" | "The" | "A" | "By") {
            return None;
        }
        // The writer's own voice and numbers are not speakers.
        if matches!(
            first,
            "I" | "We"
                | "we"
                | "We’ve"
                | "We've"
                | "You"
                | "you"
                | "Our"
                | "My"
                | "This"
                | "These"
                | "That"
                | "Those"
        ) || (first.starts_with(|c: char| c.is_ascii_digit()) && !share_of_people(all()))
            || first_person(first)
        {
            return None;
        }
        // A phrase that ends in "I", "we" or "you" is that pronoun after an
        // interjection or a name addressed ("Well I said", "What I’m
        // saying", "John I said"): the speaker's own voice, never a name.
        if start - stop > 1 && (first_person(head) || matches!(head, "we" | "you")) {
            return None;
        }
        // "Josh I can't", "What we're", "Let me", "They’re lining up": a
        // pronoun of speech inside the phrase is someone talking.
        if phrase.iter().any(|w| speaks(w)) {
            return None;
        }
        Some(span)
    }

    /// Whether `np_before(lo, word.end)` surely finds no phrase that starts
    /// before `word` and ends with it: `word` is a capitalised word (ASCII),
    /// and before it, after `lo`, stands no other word, or a mark that ends
    /// the phrase (`PHRASE_BREAKS`), or a lower-case word that neither
    /// joins a phrase nor is a title word. Read over a few bytes instead of
    /// the words of `lo..word.end`; where it cannot tell, it says no.
    pub(super) fn stands_alone(&self, lo: usize, word: Span) -> bool {
        let text = self.text;
        let bytes = text.as_bytes();
        let Some(w) = text.get(word.range()) else {
            return false;
        };
        let capitalised = w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
            && w.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric())
            && w.is_ascii();
        if !capitalised || lo > word.start {
            return false;
        }
        // The gap before the word, back to the word before it.
        let mut p = word.start;
        while p > lo {
            let Some(&b) = bytes.get(p - 1) else {
                return false;
            };
            if !b.is_ascii() {
                // “ and ” end the phrase; other characters are left to the
                // walk.
                return char_before(text, p).is_some_and(|c| PHRASE_BREAKS.contains(&c));
            }
            if is_word_byte(b) {
                break;
            }
            if PHRASE_BREAKS.contains(&char::from(b)) {
                return true;
            }
            p -= 1;
        }
        if p == lo {
            return true;
        }
        // No gap: `word` is the end of a longer word.
        if p == word.start {
            return false;
        }
        let before_end = p;
        while p > lo && bytes.get(p - 1).is_some_and(|&b| is_word_byte(b)) {
            p -= 1;
        }
        // A character beyond ASCII may belong to the word before.
        if p > lo && bytes.get(p - 1).is_some_and(|b| !b.is_ascii()) {
            return false;
        }
        let before = text.get(p..before_end).unwrap_or("");
        // The word is read as it stands only when a lower-case ASCII letter
        // begins it and an ASCII letter or digit ends it.
        let plain = before
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase())
            && before
                .bytes()
                .last()
                .is_some_and(|b| b.is_ascii_alphanumeric());
        // Most words before a surname are capitalised (a first name): they
        // are told without being lowered.
        if !plain {
            return false;
        }
        let mut buf = [0; LOWER_INLINE];
        let lw = lower(before, &mut buf);
        !joins_phrase(&lw) && lw != "to" && !self.finder.title_words.contains(lw.as_ref())
    }

    /// `np_before` when the phrase it finds runs up to `end` (white space
    /// aside), as a subject before its comma does.
    fn np_ending_at(&self, lo: usize, end: usize) -> Option<Span> {
        self.np_before(lo, end)
            .filter(|n| trim(self.text, Span::new(n.end, end)).is_empty())
    }

    /// `np`, or when it is a tag after a name (`name_tag`: "Rep. Jim
    /// Jordan (R-Ohio) said", "Joseph R. Biden, Jr. declared"), the name
    /// just before the tag, read back no further than `lo`.
    pub(super) fn past_name_tag(&self, lo: usize, np: Span) -> Option<Span> {
        let text = self.text;
        if !text.get(np.range()).is_some_and(name_tag) {
            return Some(np);
        }
        let end = text
            .get(..np.start)
            .unwrap_or("")
            .trim_end_matches([' ', '(', ','])
            .len();
        (end > lo)
            .then(|| self.np_before(lo, end))
            .flatten()
            .filter(|m| m.end == end)
    }

    /// Whether the word `to` joins a title to its place: "Ambassador to
    /// Russia", "Special Adviser to the Prime Minister". A capitalised word
    /// or "the" follows it, and a title word stands before it.
    fn title_before_to(&self, to: Span, next: Span) -> bool {
        let text = self.text;
        let next = text.get(next.range()).unwrap_or("");
        let before = word_before(text, to.start);
        (next == "the" || next.starts_with(char::is_uppercase)) && self.finder.is_title_word(before)
    }

    /// The speaker phrase after an inverted verb or "according to", up to `end`.
    pub(super) fn np_after(&self, start: usize, end: usize) -> Option<Span> {
        let mut span = trim(self.text, Span::new(start, end.max(start)));
        // The speaker ends where the rest of the clause begins: "said Bolden
        // to the gathered crowd", "said Mr Smith in a statement".
        let words = self.text.get(span.range())?;
        let toks = self.tokens(words, span.start);
        let cut = toks.iter().enumerate().skip(1).find_map(|(k, t)| {
            let w = self.text.get(t.range()).unwrap_or("");
            let next = toks
                .get(k + 1)
                .and_then(|n| self.text.get(n.range()))
                .unwrap_or("");
            let ends = matches!(
                w,
                "to" | "during" | "after" | "while" | "when" | "before" | "as" | "who" | "which"
            ) || (w == "in"
                && matches!(next, "a" | "an" | "his" | "her" | "their" | "its"));
            // "Ambassador to the United States": "to" after a title is
            // part of the office.
            let office = w == "to"
                && k.checked_sub(1)
                    .and_then(|j| toks.get(j))
                    .and_then(|p| self.text.get(p.range()))
                    .is_some_and(|p| self.finder.is_title_word(p));
            (ends && !office).then_some(t.start)
        });
        if let Some(c) = cut {
            span = trim(self.text, Span::new(span.start, c));
        }
        let s = self.text.get(span.range())?;
        let n = word_count(s, MAX_NP_WORDS + 1);
        if n == 0 || n > MAX_NP_WORDS {
            return None;
        }
        let mut buf = [0; LOWER_INLINE];
        let ok = s.split(is_space).filter(|w| !w.is_empty()).all(|w| {
            let lw = lower(w, &mut buf);
            !is_stop(&lw)
                || matches!(
                    lw.as_ref(),
                    "the" | "of" | "for" | "and" | "a" | "an" | "one" | "at" | "in" | "on" | "to"
                )
        });
        // "This extra support, announced today, could provide": a time
        // adverb after the verb names no one.
        let when = matches!(
            lower(s, &mut buf).as_ref(),
            "today" | "yesterday" | "tonight" | "tomorrow" | "earlier" | "later" | "recently"
        ) || names_weekday(s);
        (ok && !when).then_some(span)
    }
}

/// Whether a word is a pronoun of someone talking: "I" or a contraction of
/// it, "me", "us", "let's" or a contraction in "'re". Each of these opens
/// with `I`, `m`, `u`, `l` or `L`, or ends in "re", which rules out most
/// words (names) by two bytes.
fn speaks(w: &str) -> bool {
    let b = w.as_bytes();
    // One bit test for the first byte and one compare for the last two,
    // both taken in full: a branch on each letter would be missed often,
    // the one on their union rarely.
    let first = b.first().copied().unwrap_or(0);
    let opens = ((first & 0xC0) == 0x40) & ((SPEECH_OPENERS >> (first & 0x3F)) & 1 == 1);
    let may = opens | (b.last_chunk::<2>() == Some(b"re"));
    may && (first_person(w)
        || matches!(w, "me" | "us" | "let’s" | "let's" | "Let’s" | "Let's")
        || w.ends_with("’re")
        || w.ends_with("'re"))
}

/// The bytes that open a word `speaks` may take, `I`, `m`, `u`, `l` and
/// `L` (all between 0x40 and 0x7F): bit `b - 0x40` for byte `b`.
const SPEECH_OPENERS: u64 = 1 << (b'I' - 0x40)
    | 1 << (b'm' - 0x40)
    | 1 << (b'u' - 0x40)
    | 1 << (b'l' - 0x40)
    | 1 << (b'L' - 0x40);

/// Whether the span is a whole word. An ASCII byte on either side, as
/// nearly always, settles that side without decoding a character: an
/// ASCII byte is a whole character, and one before `span.start` makes it
/// a character boundary.
fn word_bounded(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    let before = match span.start.checked_sub(1).and_then(|i| bytes.get(i)) {
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        _ => char_before(text, span.start).is_none_or(|c| !c.is_alphanumeric()),
    };
    let after = match bytes.get(span.end) {
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        _ => char_at(text, span.end).is_none_or(|c| !c.is_alphanumeric()),
    };
    before && after
}

/// Whether a hyphen stands just before byte `i` ("re-affirm"): an ASCII
/// byte is a whole character, so one byte tells.
fn hyphen_before(text: &str, i: usize) -> bool {
    i.checked_sub(1).and_then(|k| text.as_bytes().get(k)) == Some(&b'-')
}

/// Whether `phrase`, standing between a reporting verb and the colon of
/// its quotation, is a short noun phrase naming what follows ("her
/// forward-looking vision", "the following") rather than a clause.
fn names_the_quotation(phrase: &str) -> bool {
    let mut words = phrase.split(' ');
    let first = words.next().unwrap_or("");
    phrase == "the following"
        || (matches!(
            first,
            "her" | "his" | "their" | "its" | "our" | "my" | "your"
        ) && words.count() < 4)
}

#[cfg(test)]
mod tests {
    use super::super::{QuoteFinder, Run};
    use super::Cue;
    use crate::country::CountryFinder;
    use crate::text::WordBytes;
    use crate::Span;

    /// `drops_from_front` as `np_before` read it before: the word lowered
    /// as a string (`text::lower`) and every test made on it.
    fn drops_from_front_as_a_string(orig: &str, more: bool) -> bool {
        use super::is_stop;
        use crate::text::{lower, LOWER_INLINE};
        let mut buf = [0; LOWER_INLINE];
        let w = lower(orig, &mut buf);
        let function_word = super::is_function_word(orig);
        let interjection = super::is_interjection(orig);
        matches!(
            w.as_ref(),
            "of" | "for"
                | "and"
                | "from"
                | "at"
                | "on"
                | "to"
                | "but"
                | "de"
                | "van"
                | "also"
                | "however"
                | "meanwhile"
                | "in"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "previously"
                | "both"
        ) || (is_stop(&w)
            && function_word
            && !matches!(w.as_ref(), "a" | "an" | "he" | "she" | "they" | "it"))
            || (w.ends_with("ly") && more)
            || (interjection && more)
    }

    #[test]
    fn a_word_drops_from_a_phrases_front_as_it_did_read_as_a_string() {
        use super::drops_from_front;
        let mut words: Vec<String> = [
            "of",
            "OF",
            "Of",
            "and",
            "And",
            "However",
            "MEANWHILE",
            "both",
            "Both",
            "As",
            "as",
            "AS",
            "But",
            "but",
            "the",
            "The",
            "It",
            "it",
            "He",
            "Can",
            "can",
            "Let",
            "let",
            "will",
            "Will",
            "Well",
            "well",
            "Now",
            "Okay",
            "Lafayette",
            "Family",
            "Jointly",
            "recently",
            "RECENTLY",
            "Smith",
            "O'Neil",
            "U.S.",
            "İn",
            "\u{212A}ly",
            "Émile",
            "ｏf",
            "Ärzte",
            "y",
            "",
            "a",
            "A",
            "An",
            "Also",
            "Then",
            "then",
            "Shall",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        // A word too long for the buffer, ASCII and not.
        words.push(format!("{}ly", "A".repeat(40)));
        words.push(format!("{}LY", "é".repeat(20)));
        let mut dropped = 0;
        for w in &words {
            for more in [false, true] {
                let want = drops_from_front_as_a_string(w, more);
                assert_eq!(drops_from_front(w, more), want, "{w:?} {more}");
                dropped += usize::from(want);
            }
        }
        assert!(dropped > 40, "{dropped}");
    }

    #[test]
    fn a_word_the_front_filter_rules_out_never_drops() {
        use super::{
            drops_from_front, may_drop_from_front, INTERJECTIONS, LEADING_CONNECTORS, STOP_WORDS,
        };
        // Every listed word, in every casing of its ends, passes the filter.
        for w in STOP_WORDS
            .iter()
            .chain(LEADING_CONNECTORS)
            .chain(INTERJECTIONS)
        {
            for cased in [w.to_string(), w.to_uppercase(), w.to_lowercase()] {
                assert!(may_drop_from_front(&cased), "{cased:?}");
            }
        }
        // Words made of listed words' pieces, names and characters beyond
        // ASCII: where the filter says no, the lists say no too.
        let pieces = [
            "a", "e", "i", "o", "s", "t", "h", "n", "l", "y", "w", "k", "A", "T", "W", "L", "Y",
            "'", ".", "-", "é", "\u{212A}", "İ", "ｏ", "of", "the", "an", "he", "it", "so", "to",
            "ly", "Smith", "ever", "ould", "ere",
        ];
        let mut next = crate::testing::draws(41);
        let (mut ruled_out, mut dropped) = (0, 0);
        for _ in 0..60000 {
            let w: String = (0..1 + next(4))
                .map(|_| pieces[next(pieces.len())])
                .collect();
            for more in [false, true] {
                let want = drops_from_front_as_a_string(&w, more);
                assert_eq!(drops_from_front(&w, more), want, "{w:?} {more}");
                dropped += usize::from(want);
                if !may_drop_from_front(&w) {
                    assert!(!want, "{w:?} {more}");
                    ruled_out += 1;
                }
            }
        }
        // The draws hold words of both kinds.
        assert!(ruled_out > 20000 && dropped > 2000, "{ruled_out} {dropped}");
    }

    /// `speaks` as it read before its bit test: a comparison with each
    /// opening byte.
    fn speaks_by_comparisons(w: &str) -> bool {
        let b = w.as_bytes();
        let may = matches!(b.first(), Some(b'I' | b'm' | b'u' | b'l' | b'L')) || b.ends_with(b"re");
        may && (super::first_person(w)
            || matches!(w, "me" | "us" | "let’s" | "let's" | "Let’s" | "Let's")
            || w.ends_with("’re")
            || w.ends_with("'re"))
    }

    #[test]
    fn a_word_of_speech_is_told_by_its_first_byte_as_by_comparisons() {
        let mut openers: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        openers.extend(["é", "İ", "\u{212A}", "’", "\u{2c2f}"].map(String::from));
        let mut spoken = 0;
        for first in &openers {
            for rest in [
                "", "’m", "'ve", "e", "s", "re", "’re", "'re", "et’s", "et's", "ike",
            ] {
                let w = format!("{first}{rest}");
                let want = speaks_by_comparisons(&w);
                assert_eq!(super::speaks(&w), want, "{w:?}");
                spoken += usize::from(want);
            }
        }
        assert!(spoken > 150, "{spoken}");
    }

    /// The ASCII shortcuts of `word_bounded` and `hyphen_before` answer as
    /// the characters around a verb do.
    #[test]
    fn a_word_is_bounded_and_hyphenated_as_the_characters_around_it_say() {
        use crate::text::{char_at, char_before};
        let text = "said re-affirm Said:éstated “told” 9said saidé l’said said";
        for start in 0..=text.len() {
            for end in start..=text.len().min(start + 8) {
                let span = Span::new(start, end);
                let before = char_before(text, start).is_none_or(|c| !c.is_alphanumeric());
                let after = char_at(text, end).is_none_or(|c| !c.is_alphanumeric());
                assert_eq!(super::word_bounded(text, span), before && after, "{span:?}");
            }
            assert_eq!(
                super::hyphen_before(text, start),
                char_before(text, start) == Some('-'),
                "{start}"
            );
        }
    }

    /// `np_before` takes a gap of one space between words as no break
    /// without reading it for the marks that end a phrase: none of them is
    /// a space.
    #[test]
    fn a_one_space_gap_holds_no_phrase_break() {
        assert!(!" ".contains(super::PHRASE_BREAKS));
        assert!(" , ".contains(super::PHRASE_BREAKS));
    }

    /// `gap_breaks_phrase` reads a gap's bytes as the character search
    /// reads the gap.
    #[test]
    fn a_gap_breaks_a_phrase_where_the_character_search_finds_a_mark() {
        let pieces = [
            " ", ",", ";", ":", "(", ")", "\"", "“", "”", "—", "’", "\u{a0}", "\u{2c2f}", "ĝ",
            "\u{20ac}", "/", "\n",
        ];
        let mut next = crate::testing::draws(41);
        let mut breaks = 0;
        for _ in 0..20000 {
            let g: String = (0..next(5)).map(|_| pieces[next(pieces.len())]).collect();
            let want = g != " " && g.contains(super::PHRASE_BREAKS);
            assert_eq!(super::gap_breaks_phrase(g.as_bytes()), want, "{g:?}");
            breaks += usize::from(want);
        }
        assert!(breaks > 5000 && breaks < 18000, "{breaks}");
    }

    /// `joins_phrase` as it read before its filter: a comparison with each
    /// of its words.
    fn joins_phrase_as_listed_before(lw: &str) -> bool {
        matches!(
            lw,
            "of" | "for"
                | "and"
                | "the"
                | "from"
                | "de"
                | "van"
                | "von"
                | "der"
                | "da"
                | "at"
                | "on"
                | "&"
        )
    }

    #[test]
    fn a_joining_word_is_found_through_its_ends_as_in_the_list() {
        use super::{joins_phrase, listed_joining, JOINING_WORDS};
        let mut words: Vec<String> = Vec::new();
        for w in JOINING_WORDS {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}s"),
                format!("a{w}"),
            ]);
        }
        let pieces = [
            "o", "f", "d", "e", "a", "n", "t", "h", "r", "m", "v", "&", "é", "-", "'",
        ];
        let mut next = crate::testing::draws(61);
        for _ in 0..20000 {
            words.push((0..next(6)).map(|_| pieces[next(pieces.len())]).collect());
        }
        let mut joining = 0;
        for w in &words {
            let want = joins_phrase_as_listed_before(w);
            assert_eq!(listed_joining(w), want, "{w:?}");
            assert_eq!(joins_phrase(w), want, "{w:?}");
            joining += usize::from(want);
        }
        assert!(joining > 200, "{joining}");
    }

    #[test]
    fn the_last_clause_mark_is_the_one_rfind_finds() {
        use super::last_clause_mark;
        const CLAUSE_MARKS: [char; 8] = [',', ';', ':', '(', '”', '"', '—', '–'];
        let pieces = [
            "a",
            "Smith",
            " ",
            ",",
            ";",
            ":",
            "(",
            ")",
            "”",
            "“",
            "\"",
            "—",
            "–",
            "’",
            "…",
            "é",
            "\u{2013}x",
            "\u{2014}",
            "\u{201d}",
            "\u{2093}",
            "\u{d3}",
            "\u{a0}",
            "-",
        ];
        let mut next = crate::testing::draws(99);
        let mut found = 0;
        for _ in 0..30000 {
            let left: String = (0..next(10)).map(|_| pieces[next(pieces.len())]).collect();
            let want = left
                .rfind(CLAUSE_MARKS)
                .map(|i| (i, left[i..].chars().next().map_or(1, char::len_utf8)));
            assert_eq!(last_clause_mark(&left), want, "{left:?}");
            found += usize::from(want.is_some_and(|(_, len)| len == 3));
        }
        assert!(found > 1000);
        assert_eq!(last_clause_mark("X said, — Smith"), Some((8, 3)));
        assert_eq!(last_clause_mark("no mark here…"), None);
    }

    #[test]
    fn cue_lists_refilled_for_a_block_hold_that_blocks_cues_only() {
        let text =
            "Smith said the plan works. Jones told reporters it would.\n\nBrown said prices rose.";
        let split = text.find("\n\n").unwrap();
        let first = Span::new(0, split);
        let second = Span::new(split + 2, text.len());
        let sentences = [Span::new(0, 26), Span::new(27, split), second];
        let said = |cues: &[Cue]| -> Vec<String> {
            cues.iter()
                .map(|c| text[c.span.range()].to_string())
                .collect()
        };
        with_run(text, |run| {
            let (mut cues, mut verbs) = (Vec::new(), Vec::new());
            run.find_cues(first, &sentences, &[], &mut cues, &mut verbs);
            assert_eq!(said(&cues), ["said", "told reporters"]);
            run.find_cues(second, &sentences, &[], &mut cues, &mut verbs);
            assert_eq!(said(&cues), ["said"]);
            assert_eq!(cues.first().map(|c| c.span.start), Some(split + 8));
            let (mut fresh, mut fresh_verbs) = (Vec::new(), Vec::new());
            run.find_cues(second, &sentences, &[], &mut fresh, &mut fresh_verbs);
            assert_eq!(format!("{cues:?}"), format!("{fresh:?}"));
            assert_eq!(format!("{verbs:?}"), format!("{fresh_verbs:?}"));
        });
    }

    /// Calls `f` with a run over `text`, no speaker met yet.
    fn with_run<R>(text: &str, f: impl FnOnce(&Run<'_, '_>) -> R) -> R {
        let finder = QuoteFinder::new();
        let countries = CountryFinder::new();
        let words = WordBytes::new(text);
        let run = Run::new(&finder, text, &words, &countries);
        f(&run)
    }

    #[test]
    fn a_word_that_stands_alone_ends_no_longer_phrase() {
        let text = "Prime Minister Julia Gillard said Gillard and the Gillard \
            government met. “Rudd” told Rudd, (Rudd) as signed by Rudd; \
            Minister for Health Roxon and Mr Roxon met Ms. Roxon of Labor. \
            Secretary of State Clinton, Ambassador to Russia McFaul, sent \
            to McFaul. 5 Rudd -Rudd O'Neil and O'Neil’s view that Müller \
            Rudd and  Rudd\u{a0}Rudd — Rudd. said Friday Rudd in Rudd on \
            Rudd at Rudd from Rudd de Rudd — the officials Rudd & Rudd.";
        let mut alone = 0;
        with_run(text, |run| {
            for (i, _) in text.char_indices() {
                let Some(rest) = text.get(i..) else { continue };
                let starts = rest.starts_with(|c: char| c.is_ascii_uppercase())
                    && !text[..i].ends_with(|c: char| c.is_alphanumeric());
                if !starts {
                    continue;
                }
                let len = rest
                    .find(|c: char| !c.is_alphanumeric() && c != '\'')
                    .unwrap_or(rest.len());
                let word = Span::new(i, i + len);
                for lo in [0, i.saturating_sub(20), i.saturating_sub(8), i] {
                    if !text.is_char_boundary(lo) || !run.stands_alone(lo, word) {
                        continue;
                    }
                    alone += 1;
                    let np = run.np_before(lo, word.end);
                    assert!(
                        np.is_none_or(|n| n.start >= word.start || n.end != word.end),
                        "{:?} from {lo}: {np:?}",
                        &text[word.range()]
                    );
                }
            }
        });
        assert!(alone > 40, "{alone}");
    }

    #[test]
    fn a_pronoun_of_someone_talking_speaks() {
        for w in [
            "I", "I’m", "I've", "me", "us", "let’s", "Let's", "we’re", "They're",
        ] {
            assert!(super::speaks(w), "{w}");
        }
        for w in [
            "", "It", "Ike", "Me", "use", "lets", "Rudd", "more", "we", "Irene",
        ] {
            assert!(!super::speaks(w), "{w}");
        }
        // The two-byte filter never turns away a word the tests take.
        let unfiltered = |w: &str| {
            super::first_person(w)
                || matches!(w, "me" | "us" | "let’s" | "let's" | "Let’s" | "Let's")
                || w.ends_with("’re")
                || w.ends_with("'re")
        };
        for w in [
            "I",
            "i",
            "I’d",
            "I'll",
            "Ida",
            "me",
            "Me",
            "ME",
            "us",
            "Us",
            "US",
            "let’s",
            "Let’s",
            "LET'S",
            "re",
            "’re",
            "'re",
            "Ire",
            "you’re",
            "You're",
            "they’re",
            "more",
            "Moore",
            "",
            "Gillard",
            "it’s",
        ] {
            assert_eq!(super::speaks(w), unfiltered(w), "{w}");
        }
    }

    #[test]
    fn a_word_after_a_name_title_or_joining_word_does_not_stand_alone() {
        let text = "Julia Gillard, Minister Roxon, the Rudd, Minister for Health \
            Roxon, Ambassador to McFaul, Mr Smith.";
        with_run(text, |run| {
            for name in ["Gillard", "Roxon", "Rudd", "McFaul", "Smith"] {
                let mut from = 0;
                while let Some(i) = text[from..].find(name) {
                    let word = Span::new(from + i, from + i + name.len());
                    assert!(!run.stands_alone(0, word), "{name} at {}", word.start);
                    from = word.end;
                }
            }
        });
    }
}
