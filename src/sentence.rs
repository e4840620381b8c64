//! Sentences: each block cut into sentences by rules made for news and
//! press releases.
//!
//! A full stop, question mark, exclamation mark or ellipsis ends a sentence
//! when what follows opens one (a capital, a number, an opening quotation
//! mark). Abbreviations, initials, decimals, inline list markers and
//! ellipses that mark an omission do not. Closing quotation marks and
//! brackets stay with the sentence they end. Unlike pySBD or sentencex, a
//! quotation holding several sentences is split inside: press releases
//! quote whole paragraphs, and each sentence of them is a sentence.

use crate::hash::{FastMap, FastSet};
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::layout::Block;
use crate::pattern::{CompileOnce, LazyPattern};
use crate::tables;
use crate::text::{
    char_at, char_before, is_close_quote, is_open_quote, is_space, lower, run_end, run_start_back,
    skip_space, trim, ThreeBytes, LOWER_INLINE,
};
use crate::Span;

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence<'h> {
    /// Its trimmed extent.
    pub span: Span,
    /// `&input[span]`.
    #[serde(borrow)]
    pub text: Cow<'h, str>,
    /// Index of its block in [`Document::blocks`](crate::Document::blocks).
    pub block: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevClass {
    /// Before a name: "Mr.", "Mt.".
    Prefix,
    /// Before a number: "No.", "p.".
    Number,
    /// Anything else: "Inc.", "Jan.".
    General,
}

/// The sentences of a text's blocks, with two lists the splitter makes of
/// them on the way, which the later stages would otherwise make again.
pub(crate) struct Split<'h> {
    /// The sentences, in order.
    pub sentences: Vec<Sentence<'h>>,
    /// Their spans, in the same order.
    pub spans: Vec<Span>,
    /// For each block, the range of its sentences in `sentences` (empty
    /// for a block without one).
    pub by_block: Vec<std::ops::Range<usize>>,
}

/// The compiled sentence splitter.
#[derive(Debug, Clone)]
pub(crate) struct SentenceSplitter {
    abbreviations: FastMap<&'static str, AbbrevClass>,
    /// The abbreviations that are ASCII and at most 7 bytes long (all but
    /// a few), each as [`packed_key`] has it.
    short_abbreviations: FastSet<u64>,
    /// The byte length of the longest abbreviation.
    longest_abbreviation: usize,
    /// How far back `glued_sentences` reads the word before a stop: past
    /// three times the longest abbreviation, no word is one.
    glue_reach: usize,
    starters: FastSet<&'static str>,
    /// The search for the next full stop, exclamation or question mark.
    marks: ThreeBytes,
    /// Compiled on first use: few blocks open with a weekday, and the
    /// pattern's `\p{Lu}` is a large class to compile.
    dateline: LazyPattern,
}

/// The weekday names a dateline opens with, less their "day".
const WEEKDAY_STEMS: [&str; 7] = ["Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"];

/// Whether `s` opens as every dateline does ("Thursday,"): a test that
/// spares almost every block the dateline pattern.
fn opens_with_weekday(s: &str) -> bool {
    // "day," follows a stem of three to six letters: four tests joined
    // without branches on purpose turn away nearly every block at once,
    // where a test of each stem's first letter mispredicts on the many
    // blocks that open with one ("The", "Minister").
    let day_at = |k: usize| s.as_bytes().get(k..k + 4) == Some(b"day,");
    if !(day_at(3) | day_at(4) | day_at(5) | day_at(6)) {
        return false;
    }
    let first = s.as_bytes().first();
    WEEKDAY_STEMS.iter().any(|stem| {
        stem.as_bytes().first() == first
            && s.strip_prefix(stem)
                .is_some_and(|rest| rest.starts_with("day,"))
    })
}

/// The white-space-delimited token that the last glued-sentence test read
/// (`SentenceSplitter::glued_sentences`), and whether it reads as an
/// address (`@`, `/`, `:`, or "www" first). Every stop of one long token
/// ("ab.Cd.ef.Gh...") shares it, so the token is read once, not once a
/// stop.
#[derive(Debug, Clone, Copy)]
struct SeenToken {
    span: Span,
    address: bool,
}

/// What the scanner decided at one candidate boundary.
enum Verdict {
    /// The sentence ends at this byte offset (after closing marks).
    End(usize),
    /// No boundary; scanning resumes at this byte offset.
    Skip(usize),
}

impl SentenceSplitter {
    /// The rules compiled on first use (see `Extractor::warm_up`).
    pub(crate) fn lazy_rules<'r>(&'r self, out: &mut Vec<&'r dyn CompileOnce>) {
        out.push(&self.dateline);
    }

    pub(crate) fn new() -> SentenceSplitter {
        let mut abbreviations: FastMap<&str, AbbrevClass> = FastMap::with_capacity_and_hasher(
            tables::room(tables::ABBREVIATIONS),
            Default::default(),
        );
        abbreviations.extend(tables::rows(tables::ABBREVIATIONS).filter_map(|row| {
            let class = match *row.get(1)? {
                "prefix" => AbbrevClass::Prefix,
                "number" => AbbrevClass::Number,
                _ => AbbrevClass::General,
            };
            Some((*row.first()?, class))
        }));
        let short_abbreviations = abbreviations.keys().filter_map(|k| packed_key(k)).collect();
        let longest_abbreviation = abbreviations.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut starters: FastSet<&str> = FastSet::with_capacity_and_hasher(
            tables::room(tables::SENTENCE_STARTERS),
            Default::default(),
        );
        starters
            .extend(tables::rows(tables::SENTENCE_STARTERS).filter_map(|row| row.first().copied()));
        SentenceSplitter {
            abbreviations,
            short_abbreviations,
            longest_abbreviation,
            glue_reach: 3 * longest_abbreviation + 8,
            starters,
            marks: ThreeBytes::new([b'.', b'!', b'?']),
            dateline: LazyPattern::new(&format!(
                r"^((?:{})day,\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{{1,2}},\s+\d{{4}})\s+\p{{Lu}}",
                WEEKDAY_STEMS.join("|")
            )),
        }
    }

    /// The sentences of every block, in order.
    #[cfg(test)]
    pub(crate) fn sentences<'h>(&self, text: &'h str, blocks: &[Block<'h>]) -> Vec<Sentence<'h>> {
        self.split_blocks(text, blocks).sentences
    }

    /// The sentences of every block, in order, with the lists the splitter
    /// makes of them on the way ([`Split`]).
    pub(crate) fn split_blocks<'h>(&self, text: &'h str, blocks: &[Block<'h>]) -> Split<'h> {
        let mut sentences = Vec::with_capacity(blocks.len() * 2);
        let mut spans = Vec::with_capacity(blocks.len() * 2);
        let mut by_block = Vec::with_capacity(blocks.len());
        let mut ellipses = EllipsisCursor::new(text.len());
        for (i, block) in blocks.iter().enumerate() {
            let first = spans.len();
            self.split_with(text, block.span, &mut ellipses, &mut spans);
            let new = spans.get(first..).unwrap_or(&[]);
            sentences.extend(new.iter().map(|&span| Sentence {
                span,
                text: Cow::Borrowed(&text[span]),
                block: i,
            }));
            by_block.push(first..spans.len());
        }
        Split {
            sentences,
            spans,
            by_block,
        }
    }

    /// Appends the sentence spans of `span` (one block's worth of text) to
    /// `out`. Every non-space character of the span lands in exactly one
    /// sentence.
    pub(crate) fn split(&self, text: &str, span: Span, out: &mut Vec<Span>) {
        // A cursor that searches no further than the span: a caller that
        // splits many blocks one at a time must not read the rest of the
        // text for each.
        self.split_with(text, span, &mut EllipsisCursor::new(span.end), out);
    }

    /// [`SentenceSplitter::split`], told by `ellipses` (kept from one
    /// block of `text` to the next) whether the span may hold an ellipsis.
    fn split_with(
        &self,
        text: &str,
        span: Span,
        ellipses: &mut EllipsisCursor,
        out: &mut Vec<Span>,
    ) {
        let Some(s) = text.get(span.range()) else {
            return;
        };
        let base = span.start;
        let inline = inline_markers(s);
        let mut start = 0;
        // A dateline run into the first sentence ("Thursday, May 7, 2015 On
        // Tuesday, ...") is a sentence of its own.
        // Only a block that opens with a weekday name is given to the
        // pattern.
        let dateline_end = opens_with_weekday(s)
            .then(|| self.dateline.get()?.captures(s))
            .flatten()
            .and_then(|c| c.get(1))
            .map(|m| m.end());
        let push = |from: usize, to: usize, out: &mut Vec<Span>| {
            let t = trim(text, Span::new(base + from, base + to));
            if !t.is_empty() {
                out.push(t);
            }
        };
        if let Some(e) = dateline_end {
            push(0, e, out);
            start = e;
        }
        // The next inline marker, as its index in `inline`: a peek into a
        // `Peekable` tests whether it has peeked yet, which changes from one
        // round of the loop to the next and mispredicts.
        let mut next_inline = 0;
        let bytes = s.as_bytes();
        let mut pos = 0;
        let mut next_ellipsis = if ellipses.may_hold(text.as_bytes(), span) {
            find_ellipsis(bytes, 0).unwrap_or(usize::MAX)
        } else {
            usize::MAX
        };
        let mut seen: Option<SeenToken> = None;
        while pos < bytes.len() {
            let punct = self
                .marks
                .find(bytes.get(pos..).unwrap_or(&[]))
                .map_or(usize::MAX, |i| pos + i);
            if next_ellipsis < pos {
                next_ellipsis = find_ellipsis(bytes, pos).unwrap_or(usize::MAX);
            }
            let cand = punct.min(next_ellipsis);
            // Inline list markers ("1. ... 2. ...") cut before themselves.
            while let Some(&m) = inline.get(next_inline) {
                if m <= cand.min(bytes.len()) {
                    if m > start {
                        push(start, m, out);
                        start = m;
                    }
                    next_inline += 1;
                    pos = pos.max(marker_end(s, m));
                } else {
                    break;
                }
            }
            if cand == usize::MAX {
                break;
            }
            if cand < pos {
                continue;
            }
            match self.judge(s, start, cand, &mut seen) {
                Verdict::End(end) => {
                    push(start, end, out);
                    start = end;
                    pos = end.max(cand + 1);
                }
                Verdict::Skip(next) => pos = next.max(cand + 1),
            }
        }
        if start < s.len() {
            push(start, s.len(), out);
        }
    }

    /// Decides whether the punctuation at `i` ends the sentence that began
    /// at `start`.
    fn judge(&self, s: &str, start: usize, i: usize, seen: &mut Option<SeenToken>) -> Verdict {
        // Most paragraphs end on a mark, which ends a sentence there. Told
        // once here, where each test that follows would read past the end
        // again, and each such test is a branch that mispredicts on it.
        if ends_block(s.as_bytes(), i) {
            return Verdict::End(i + 1);
        }
        self.judge_within(s, start, i, seen)
    }

    /// [`SentenceSplitter::judge`] of a mark that does not end its block
    /// (or of any, read the long way).
    fn judge_within(
        &self,
        s: &str,
        start: usize,
        i: usize,
        seen: &mut Option<SeenToken>,
    ) -> Verdict {
        let b = s.as_bytes();
        // The run of terminal punctuation, attached ("...", "?!", "…").
        let mut j = i;
        let mut dots = 0;
        let mut other = 0;
        while let Some(&byte) = b.get(j) {
            match byte {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'!' | b'?' => {
                    other += 1;
                    j += 1;
                }
                0xE2 if s[j..].starts_with('…') => {
                    dots += 3;
                    j += '…'.len_utf8();
                }
                _ => break,
            }
        }
        let single_period = dots == 1 && other == 0;

        // Spaced ellipsis: ". . ." or ". . . ." (rules 46, 48, 50, 51).
        if b.get(j) == Some(&b' ') && b.get(j + 1) == Some(&b'.') {
            let (run_end, spaced) = spaced_dots(b, i);
            if spaced >= 3 {
                let standalone = i == 0 || b.get(i - 1) == Some(&b' ');
                let after = skip_closers(s, run_end);
                let next = next_word(s, after);
                if standalone {
                    // " . . . ." ends a sentence, " . . . " omits words.
                    if spaced >= 4 && next.as_ref().is_some_and(|w| opens_sentence(w)) {
                        return Verdict::End(after);
                    }
                    return Verdict::Skip(run_end);
                }
                // "word. . . . Next": the attached stop ends the sentence and
                // the ellipsis opens the next one.
                if next.as_ref().is_some_and(|w| opens_sentence(w)) {
                    return Verdict::End(i + 1);
                }
                return Verdict::Skip(run_end);
            }
        }

        // An ellipsis that opens a sentence ("Scientology. ... The next
        // thing") leads into it rather than standing alone.
        if dots >= 3
            && other == 0
            && s.get(start..i)
                .is_some_and(|head| head.chars().all(is_space))
        {
            return Verdict::Skip(j);
        }
        let after_run = j;
        let end = skip_closers(s, after_run);
        match char_at(s, end) {
            None => return Verdict::End(end),
            Some(c) if is_space(c) => {}
            Some(c) => {
                // Punctuation inside a token: a decimal, a URL, "U.S.A", or
                // two sentences run together with no space ("world.Today").
                if single_period
                    && end == after_run
                    && c.is_uppercase()
                    && self.glued_sentences(s, i, seen)
                {
                    return Verdict::End(i + 1);
                }
                return Verdict::Skip(after_run);
            }
        }
        let Some(next) = next_word(s, end) else {
            return Verdict::End(end);
        };
        // "... a long game." - Matthew Ingram: a dash after the stop
        // introduces an attribution, not a sentence.
        if next.dash {
            return Verdict::Skip(end);
        }
        // A web address opens a sentence in lower case ("... of Health.
        // www.gov.uk/phe.").
        if !opens_sentence(&next) && !next.web() {
            return Verdict::Skip(end);
        }
        // A short quotation inside the writer's sentence holds its own
        // punctuation: asked ‘Confused by drugs? Talk to FRANK.’ is one.
        if in_short_quotation(s, start, i, end) {
            return Verdict::Skip(end);
        }
        if dots >= 2 || other > 0 {
            // "[...]" marks an omission inside a quotation.
            if i > 0 && b.get(i - 1) == Some(&b'[') {
                return Verdict::Skip(end);
            }
            return Verdict::End(end);
        }
        // A single full stop, with a word that opens a sentence after it.
        // Most such words are plain, and the sixteen bytes before the stop
        // settle them without a walk back.
        if self.plain_word_before(b, start, i) == Some(true) {
            return Verdict::End(end);
        }
        let word = word_judged_before(s, start, i);
        if self.plain_word(word) {
            return Verdict::End(end);
        }
        let mut buf = [0; LOWER_INLINE];
        let lower = lower(word, &mut buf);
        let next_is_number = next.first.is_ascii_digit();
        if is_time_abbrev(&lower) {
            // "At 5 a.m. Mr. Smith went" goes on; "left at 6 P.M. Mr. Smith
            // then went" ends: a sentence needs more than a time phrase.
            let words = s[start..i].split_whitespace().count();
            return if words >= 4 && !next_is_number {
                Verdict::End(end)
            } else {
                Verdict::Skip(end)
            };
        }
        // "Canada-U.S. Energy": the form after a hyphen counts.
        if is_multi_period(word.rsplit('-').next().unwrap_or(word)) {
            return if self.is_starter(&next) {
                Verdict::End(end)
            } else {
                Verdict::Skip(end)
            };
        }
        if let Some(class) = self
            .abbreviations
            .get(lower.trim_start_matches(['(', '[', '“', '"', '‘', '\'']))
        {
            return match class {
                AbbrevClass::Prefix => Verdict::Skip(end),
                AbbrevClass::Number if next_is_number => Verdict::Skip(end),
                _ if next_is_number && is_month(&lower) => Verdict::Skip(end),
                _ if self.is_starter(&next) || next.quoted => Verdict::End(end),
                _ => Verdict::Skip(end),
            };
        }
        if is_initial(word) {
            // "William P. Barr" goes on; "you and I. Did" ends.
            let prev_lower = word_before(s, i.saturating_sub(word.len()).saturating_sub(1))
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let ends = prev_lower && (word == "I" || self.is_starter(&next));
            return if ends {
                Verdict::End(end)
            } else {
                Verdict::Skip(end)
            };
        }
        Verdict::End(end)
    }

    /// Whether the word before a single full stop is a plain word that the
    /// stop ends a sentence after, settled without lowering it: ASCII, of
    /// two bytes or more (not an initial), opening with a letter or digit
    /// (no quotation mark to trim off), with no full stop inside (neither
    /// a time nor "U.S"), and no abbreviation. The rules that follow in
    /// `judge` give every such word the same verdict, an end.
    fn plain_word(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() < 2
            || !b.first().is_some_and(u8::is_ascii_alphanumeric)
            || !word.is_ascii()
            || b.contains(&b'.')
        {
            return false;
        }
        if b.len() > self.longest_abbreviation {
            return true;
        }
        // An abbreviation too long to pack is left to the slower rules.
        packed_key(word).is_some_and(|key| !self.short_abbreviations.contains(&key))
    }

    /// [`SentenceSplitter::plain_word`] of the word that ends at the full
    /// stop at `i` (as `judge` reads it: [`word_judged_before`]), read from
    /// the sixteen bytes before the stop eight at a time, where a walk back
    /// and three loops over the word each stop at a place the branch
    /// predictor cannot know. `None` when those bytes do not settle it: the
    /// stop is within sixteen bytes of the start of `b`, the word runs past
    /// them or past `start`, or a byte beyond ASCII stands in it or just
    /// before it.
    fn plain_word_before(&self, b: &[u8], start: usize, i: usize) -> Option<bool> {
        let far = EightBytes::at(b, i.checked_sub(16)?)?;
        let near = EightBytes::at(b, i - 8)?;
        // Branch-free on purpose: words of eight letters or more are
        // common, and a test of the near half alone mispredicts on them.
        let len = near.kept_run()
            + if near.kept_run() == 8 {
                far.kept_run()
            } else {
                0
            };
        // The byte before the word: beyond ASCII it may be a letter that
        // `word_before` keeps, read as a character.
        let stop = b.get(i.checked_sub(len + 1)?).copied().unwrap_or(0);
        if len == 16 || !stop.is_ascii() || i - len < start {
            return None;
        }
        let dots = near.dots & top_bytes(len) | far.dots & top_bytes(len.saturating_sub(8));
        let first = b.get(i - len).copied().unwrap_or(0);
        let listed = if len <= 7 {
            // The word, lowered, in the low bytes with its length on top,
            // as `packed_key` makes it.
            let key =
                near.lowered.checked_shr(8 * (8 - len) as u32).unwrap_or(0) | (len as u64) << 56;
            self.short_abbreviations.contains(&key)
        } else {
            // Too long to pack: `plain_word` takes a word longer than every
            // abbreviation as plain and leaves any other to the slower rules.
            len <= self.longest_abbreviation
        };
        Some(len >= 2 && dots == 0 && first.is_ascii_alphanumeric() && !listed)
    }

    fn is_starter(&self, next: &NextWord<'_>) -> bool {
        self.starters.contains(next.word().to_lowercase().as_str())
    }

    /// "world.Today" or "1,000.That": a full stop glued to the next sentence,
    /// not part of an e-mail address, URL, file name or abbreviation.
    /// `seen` is the token the last call read, reused while the stops are
    /// inside it.
    ///
    /// Both looks back are bounded, so that a megabyte with no white space
    /// and a glued stop every few bytes stays linear: the word before is
    /// read over `glue_reach` bytes at most, and the token once.
    fn glued_sentences(&self, s: &str, i: usize, seen: &mut Option<SeenToken>) -> bool {
        // The tests are independent; the cheapest go first. The word after
        // the stop: two letters or more, all but the first lower-case.
        let mut right = s
            .get(i + 1..)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphabetic())
            .skip(1)
            .peekable();
        if right.peek().is_none() || !right.all(char::is_lowercase) {
            return false;
        }
        let mut from = i.saturating_sub(self.glue_reach);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let left = word_before(s.get(from..).unwrap_or(""), i - from);
        // A word that fills the reach is longer than any abbreviation
        // (lowering shortens a word to a third at most), and of two
        // characters or more.
        let long = from > 0 && left.len() == i - from;
        let left_ok = (long || left.chars().count() >= 2)
            && left
                .chars()
                .last()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && (long
                || !self
                    .abbreviations
                    .contains_key(left.to_lowercase().as_str()));
        if !left_ok {
            return false;
        }
        let token = match *seen {
            Some(t) if t.span.start <= i && i < t.span.end => t,
            _ => {
                let token = token_around(s, i);
                *seen = Some(token);
                token
            }
        };
        !token.address
    }
}

/// Whether the byte at `i` is the last of `b` and an ASCII full stop,
/// exclamation or question mark: a mark that ends its block, and with it
/// a sentence, as nothing follows to hold it.
fn ends_block(b: &[u8], i: usize) -> bool {
    i + 1 == b.len() && b.get(i).is_some_and(|&c| matches!(c, b'.' | b'!' | b'?'))
}

/// The white-space-delimited token of `s` that holds byte `i`, and whether
/// it reads as an address.
fn token_around(s: &str, i: usize) -> SeenToken {
    let start = s
        .get(..i)
        .unwrap_or("")
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let end = s
        .get(i..)
        .and_then(|r| r.find(is_space))
        .map_or(s.len(), |p| i + p);
    let token = s.get(start..end).unwrap_or("");
    SeenToken {
        span: Span::new(start, end),
        address: token.contains(['@', '/', ':']) || token.starts_with("www"),
    }
}

/// The word after a candidate boundary.
struct NextWord<'s> {
    /// The text from its first character on.
    body: &'s str,
    /// Its first character.
    first: char,
    /// Whether an opening quotation mark or bracket stands before it.
    quoted: bool,
    /// Whether it is a dash rather than a word.
    dash: bool,
}

impl<'s> NextWord<'s> {
    /// Its letters and digits. Read only when asked for: most boundaries
    /// are settled by the first character.
    fn word(&self) -> &'s str {
        let len = run_end(self.body, 0, self.body.len());
        self.body.get(..len).unwrap_or("")
    }

    /// Whether it is a web address ("www.", "http").
    fn web(&self) -> bool {
        self.body.starts_with("www.")
            || self.body.starts_with("http://")
            || self.body.starts_with("https://")
    }
}

/// Whether a sentence can begin with this word: anything but a lower-case
/// letter (capitals, digits, letters of scripts without case, symbols).
fn opens_sentence(next: &NextWord<'_>) -> bool {
    !next.first.is_lowercase()
}

/// The first word at or after `i`, past white space and opening marks.
///
/// ASCII, nearly every byte read here, is stepped over a byte at a time;
/// only characters beyond it are decoded.
fn next_word(s: &str, i: usize) -> Option<NextWord<'_>> {
    // Nearly always a single space and then an ASCII letter or digit:
    // read as two bytes, where the general path pays for two boundary
    // checks, a walk over the white space and a decoded character.
    let bytes = s.as_bytes();
    if bytes.get(i) == Some(&b' ') {
        if let Some(&first) = bytes.get(i + 1).filter(|b| b.is_ascii_alphanumeric()) {
            return Some(NextWord {
                body: s.get(i + 1..)?,
                first: char::from(first),
                quoted: false,
                dash: false,
            });
        }
    }
    let rest = s.get(i..)?;
    let rest = rest.get(skip_space(rest, 0)..)?;
    let (body, quoted) = if rest.as_bytes().first()?.is_ascii_alphanumeric() {
        (rest, false)
    } else {
        let body = rest.trim_start_matches(|c: char| is_open_quote(c) || matches!(c, '(' | '['));
        // Opened by a quotation mark, not a bracket: "Inc. (“Lomiko”)" goes on.
        (body, rest.starts_with(is_open_quote))
    };
    let first = body.chars().next()?;
    Some(NextWord {
        body,
        first,
        quoted,
        dash: matches!(first, '-' | '–' | '—'),
    })
}

/// Eight bytes of a text read at once, for
/// `SentenceSplitter::plain_word_before`: the bytes that [`word_before`]
/// keeps in a word, the full stops, and the bytes lowered, each found for
/// all eight with the same few operations on one number (a byte's high bit
/// in `kept` and `dots` says yes).
#[derive(Debug, Clone, Copy)]
struct EightBytes {
    kept: u64,
    dots: u64,
    lowered: u64,
}

/// The low seven bits of every byte of a [`EightBytes`].
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For each byte of `x` (none above 0x7F): its high bit set when the byte
/// is at least `c`. The sum stays inside each byte.
const fn at_least(x: u64, c: u8) -> u64 {
    x.wrapping_add(0x0101_0101_0101_0101 * (0x80 - c as u64)) & HIGH
}

/// For each byte of `x` (none above 0x7F): its high bit set when the byte
/// lies in `lo..hi`.
const fn within(x: u64, lo: u8, hi: u8) -> u64 {
    at_least(x, lo) & !at_least(x, hi)
}

impl EightBytes {
    /// The eight bytes of `b` from `at`, if there are eight.
    fn at(b: &[u8], at: usize) -> Option<EightBytes> {
        let bytes: [u8; 8] = b.get(at..at.checked_add(8)?)?.try_into().ok()?;
        let raw = u64::from_le_bytes(bytes);
        let ascii = !raw & HIGH;
        let x = raw & LOW7;
        let folded = x | 0x2020_2020_2020_2020;
        // Letters, digits, and the marks `word_before` keeps ("'", "&",
        // "-", ".").
        let kept = (within(folded, b'a', b'z' + 1)
            | within(x, b'0', b'9' + 1)
            | within(x, b'&', b'\'' + 1)
            | within(x, b'-', b'.' + 1))
            & ascii;
        let dots = within(x, b'.', b'.' + 1) & ascii;
        let upper = within(x, b'A', b'Z' + 1) & ascii;
        Some(EightBytes {
            kept,
            dots,
            lowered: raw | upper >> 2,
        })
    }

    /// How many kept bytes end these eight: the run that ends at the last.
    fn kept_run(&self) -> usize {
        // Each kept byte as 0xFF, the last byte the highest.
        let filled = (self.kept >> 7) * 0xFF;
        (!filled).leading_zeros() as usize / 8
    }
}

/// The top `n` bytes of a number (all for `n` of 8 or more, none for 0).
fn top_bytes(n: usize) -> u64 {
    (!0u64).checked_shl(64 - 8 * n.min(8) as u32).unwrap_or(0)
}

/// The word that ends at byte `i` (just before a full stop): letters,
/// digits, full stops and apostrophes back to white space or an opening
/// mark.
fn word_before(s: &str, i: usize) -> &str {
    let head = s.get(..i).unwrap_or("");
    let start = run_start_back(
        head,
        head.len(),
        |b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'-' | b'&'),
        |c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '°' | '&'),
    );
    head.get(start..).unwrap_or("")
}

/// The word `judge` reads before a single full stop at `i`: [`word_before`],
/// but never from before `start`, the start of this sentence
/// ("Tuesday.Mr.").
fn word_judged_before(s: &str, start: usize, i: usize) -> &str {
    let word = word_before(s, i);
    if i - word.len() < start {
        s.get(start..i).unwrap_or(word)
    } else {
        word
    }
}

/// How far around a boundary to look for the marks of a short quotation.
const SHORT_QUOTE_BACK: usize = 120;
const SHORT_QUOTE_AHEAD: usize = 60;
/// The most a quotation may hold and still count as short.
const SHORT_QUOTE_BYTES: usize = 100;
const SHORT_QUOTE_WORDS: usize = 10;

/// Whether the punctuation at `i` (its closing run ending at `end`) sits
/// inside a short quotation that opened in the middle of the writer's
/// sentence: the quotation's own question or full stop, not the end of the
/// writer's sentence ("asked ‘Confused by drugs? Talk to FRANK.’"). A long
/// quotation is split like any text. Both looks are bounded, so the
/// splitter stays linear.
fn in_short_quotation(s: &str, start: usize, i: usize, end: usize) -> bool {
    let mut from = i.saturating_sub(SHORT_QUOTE_BACK).max(start);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let Some(before) = s.get(from..i) else {
        return false;
    };
    let Some(open) = open_quote_at_end(before) else {
        return false;
    };
    // Opened mid-sentence: a word of the writer's stands before the mark.
    let lead = before[..open].trim_end_matches(is_space);
    if !lead
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
    {
        return false;
    }
    // A quotation that closes right here (".’") ends with the punctuation,
    // and the writer's sentence may end with it too.
    let close = if s
        .get(i..end)
        .is_some_and(|run| run.contains(['”', '’', '"', '\'']))
    {
        None
    } else {
        let mut to = (end + SHORT_QUOTE_AHEAD).min(s.len());
        while !s.is_char_boundary(to) {
            to -= 1;
        }
        s.get(end..to).and_then(|ahead| {
            ahead
                .char_indices()
                .find(|&(p, c)| {
                    matches!(c, '”' | '’' | '"' | '\'')
                        && !ahead[p + c.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                })
                .map(|(p, _)| end + p)
        })
    };
    let Some(close) = close else { return false };
    let quoted = s.get(from + open..close).unwrap_or("");
    quoted.len() <= SHORT_QUOTE_BYTES && quoted.split_whitespace().count() <= SHORT_QUOTE_WORDS
}

/// The last opening quotation mark in `before` that no closing mark after
/// it closes. Only quotation marks decide, so the scan jumps from one byte
/// that may start one (`"`, `'`, and 0xE2, which starts the curly ones) to
/// the next.
///
/// The scan runs back from the end and stops at the first mark that
/// decides: an opening mark is the answer, and a closing mark (not inside
/// a word, as in "company’s") closes whatever opened before it. Read
/// forwards, the last opening mark is the one left open unless such a
/// closing mark follows it; the answer is the same, and the scan seldom
/// reads the whole of `before`.
fn open_quote_at_end(before: &str) -> Option<usize> {
    for p in memchr::memchr3_iter(b'"', b'\'', 0xE2, before.as_bytes()).rev() {
        let Some(c) = char_at(before, p) else {
            continue;
        };
        let opening = matches!(c, '“' | '‘')
            || (matches!(c, '"' | '\'') && char_before(before, p).is_none_or(is_space));
        if opening {
            return Some(p);
        }
        let closing = matches!(c, '”' | '’' | '\'' | '"');
        if closing && !char_at(before, p + c.len_utf8()).is_some_and(char::is_alphanumeric) {
            return None;
        }
    }
    None
}

/// Where the next byte 0xA6 (the last of "…") of a text lies: one search
/// of up to `ELLIPSIS_WINDOW` bytes ahead finds it for all the blocks
/// before it, where a search of each block for an ellipsis, which nearly
/// none holds, cost a call each.
#[derive(Debug, Clone, Copy)]
struct EllipsisCursor {
    /// Where the last search started.
    from: usize,
    /// The first 0xA6 at or after `from`; `usize::MAX` when there is none
    /// before `searched`.
    next: usize,
    /// Where the last search stopped.
    searched: usize,
    /// No search goes past it.
    end: usize,
}

/// How far ahead of the block asked about the cursor searches: near
/// enough that the bytes it reads are still in the first-level data cache
/// when the splitter reads them. A search through the rest of the text
/// read a text without ellipses into that cache once more.
const ELLIPSIS_WINDOW: usize = 1 << 14;

impl EllipsisCursor {
    /// A cursor that has searched nothing yet, and searches no further
    /// than byte `end`.
    fn new(end: usize) -> EllipsisCursor {
        EllipsisCursor {
            from: usize::MAX,
            next: usize::MAX,
            searched: 0,
            end,
        }
    }

    /// Whether `span` of `text` (ending at or before the cursor's end)
    /// may hold a "…": whether it holds a byte 0xA6. Spans asked about in
    /// text order are answered from one search until they pass the byte
    /// found, or the end of the search when it found none; any other is
    /// searched for afresh.
    fn may_hold(&mut self, text: &[u8], span: Span) -> bool {
        if span.start < self.from
            || span.start > self.next
            || (self.next == usize::MAX && span.end > self.searched)
        {
            let stop = span
                .end
                .max(span.start.saturating_add(ELLIPSIS_WINDOW))
                .min(self.end)
                .min(text.len());
            self.from = span.start;
            self.searched = stop;
            self.next = text
                .get(span.start..stop)
                .and_then(|rest| memchr::memchr(0xA6, rest))
                .map_or(usize::MAX, |p| span.start + p);
        }
        self.next < span.end
    }
}

/// The first "…" in `bytes` at or after `from`. Its last byte, 0xA6, is
/// rare in text, and a search for it alone is the cheapest.
fn find_ellipsis(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    memchr::memchr_iter(0xA6, rest)
        .find(|&p| p >= 2 && rest.get(p - 2..p) == Some(&[0xE2, 0x80]))
        .map(|p| from + p - 2)
}

/// After a closing run of punctuation: closing quotation marks, brackets and
/// any further terminal punctuation belong to the sentence that ends.
fn skip_closers(s: &str, mut i: usize) -> usize {
    // Nearly always white space follows: an ASCII byte that neither closes
    // nor is terminal punctuation ends the run at once.
    if s.as_bytes().get(i).is_none_or(|&b| {
        b.is_ascii() && !matches!(b, b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?')
    }) {
        return i;
    }
    while let Some(c) = char_at(s, i) {
        let closer = is_close_quote(c) || matches!(c, ')' | ']' | '.' | '!' | '?' | '…');
        if !closer {
            break;
        }
        // A straight quote or apostrophe closes only when white space or
        // the end follows ("'This is great.' she said"), not in "Jr.'s".
        if matches!(c, '\'' | '"' | '’') {
            let after = char_at(s, i + c.len_utf8());
            if after.is_some_and(|a| a.is_alphanumeric()) {
                break;
            }
        }
        i += c.len_utf8();
    }
    i
}

/// The end of a run of dots separated by single spaces starting at `i`, and
/// how many dots it holds.
fn spaced_dots(b: &[u8], i: usize) -> (usize, usize) {
    let mut j = i;
    let mut n = 0;
    while b.get(j) == Some(&b'.') {
        n += 1;
        j += 1;
        if b.get(j) == Some(&b' ') && b.get(j + 1) == Some(&b'.') {
            j += 1;
        } else {
            break;
        }
    }
    (j, n)
}

/// An ASCII word of at most 7 bytes, lowered, as one number: its bytes
/// in the low seven bytes and its length in the top one, so that no two
/// words share a key. `None` for any other word.
fn packed_key(word: &str) -> Option<u64> {
    if word.len() > 7 || !word.is_ascii() {
        return None;
    }
    let mut key = [0u8; 8];
    for (k, b) in key.iter_mut().zip(word.bytes()) {
        *k = b.to_ascii_lowercase();
    }
    Some(u64::from_le_bytes(key) | (word.len() as u64) << 56)
}

/// "U.S", "e.g", "Ph.D", "D.C": letters with full stops inside.
fn is_multi_period(word: &str) -> bool {
    word.contains('.')
        && word.len() <= 12
        && word.split('.').all(|part| {
            !part.is_empty() && part.len() <= 3 && part.chars().all(char::is_alphabetic)
        })
}

fn is_time_abbrev(lower: &str) -> bool {
    matches!(lower, "a.m" | "p.m")
}

fn is_month(lower: &str) -> bool {
    matches!(
        lower,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// A single capital letter: an initial, or the pronoun "I".
fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// Offsets of inline list markers ("1.) a 2.) b", "a. x b. y", "• 9. x
/// • 10. y") that cut a block into sentences before themselves. Only a
/// block that opens with such a marker and holds a second one in sequence
/// counts; everything else returns no offsets.
fn inline_markers(s: &str) -> Vec<usize> {
    // A marker opens with a digit, a lower-case letter or a bullet (whose
    // first byte is 0xE2); most blocks open with a capital.
    if !s
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == 0xE2)
    {
        return Vec::new();
    }
    markers_in_sequence(s)
}

/// The offsets of the inline list markers of `s`, read marker by marker
/// from its start.
fn markers_in_sequence(s: &str) -> Vec<usize> {
    let first = match inline_marker_at(s, 0) {
        Some(m) => m,
        None => return Vec::new(),
    };
    let mut out = vec![0];
    let mut want = first.1 + 1;
    let mut bullet = first.2;
    let b = s.as_bytes();
    let mut i = first.0;
    while i < b.len() {
        // Markers stand after white space, or directly after a bullet.
        let at_word = matches!(b.get(i - 1), Some(b' ' | b'\t' | b'\n'));
        if at_word {
            if let Some((end, value, has_bullet)) = inline_marker_at(s, i) {
                if value == want && has_bullet == bullet {
                    out.push(i);
                    want += 1;
                    bullet = has_bullet;
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
        while i < b.len() && !s.is_char_boundary(i) {
            i += 1;
        }
    }
    if out.len() < 2 {
        Vec::new()
    } else {
        out
    }
}

/// An inline marker at `i`: its end, its ordinal (1 for "1." or "a."), and
/// whether a bullet stood before it.
fn inline_marker_at(s: &str, i: usize) -> Option<(usize, u32, bool)> {
    let rest = s.get(i..)?;
    let (rest, skipped, bullet) = match rest.chars().next()? {
        c @ ('•' | '⁃') => {
            let r = &rest[c.len_utf8()..];
            let t = r.trim_start_matches(' ');
            (t, c.len_utf8() + (r.len() - t.len()), true)
        }
        _ => (rest, 0, false),
    };
    let b = rest.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let (value, mut k) = if digits > 0 && digits <= 2 {
        (rest[..digits].parse::<u32>().ok()?, digits)
    } else if digits == 0 && b.first().is_some_and(u8::is_ascii_lowercase) {
        (u32::from(b.first().map_or(0, |c| c - b'a')) + 1, 1)
    } else {
        return None;
    };
    match (b.get(k), b.get(k + 1)) {
        (Some(b'.'), Some(b')')) => k += 2,
        (Some(b'.' | b')'), _) => k += 1,
        _ => return None,
    }
    if b.get(k) != Some(&b' ') {
        return None;
    }
    Some((i + skipped + k, value, bullet))
}

/// The end of the inline marker at `i` (so its full stop is not judged).
fn marker_end(s: &str, i: usize) -> usize {
    inline_marker_at(s, i).map_or(i, |(end, _, _)| end)
}

/// Sentence spans of `text` taken as one block of prose.
#[cfg(test)]
fn split_prose(splitter: &SentenceSplitter, text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    splitter.split(text, Span::new(0, text.len()), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ellipsis_cursor_answers_as_a_search_of_each_block() {
        // Ellipses far apart and close together, blocks of many lengths
        // asked in text order, past the end of one search and the next.
        let mut text = String::new();
        for k in 0..400 {
            text.push_str(&"word ".repeat(k * 37 % 900));
            if k % 7 == 0 {
                text.push_str("so\u{2026} ");
            }
            text.push('\n');
        }
        let b = text.as_bytes();
        let mut cursor = EllipsisCursor::new(b.len());
        let mut start = 0;
        let mut step = 1;
        while start < b.len() {
            let end = (start + step).min(b.len());
            let span = Span::new(start, end);
            let want = b[start..end].contains(&0xA6);
            assert_eq!(cursor.may_hold(b, span), want, "{start}..{end}");
            start = end;
            step = step * 7 % 40_009 + 1;
        }
    }

    /// The ellipsis cursor answers as a search of each span for the byte
    /// 0xA6 does, for spans asked about in text order, out of it, and
    /// overlapping, over texts with ellipses and other wide characters
    /// (whose bytes are not 0xA6) at every place.
    #[test]
    fn ellipsis_cursor_agrees_with_a_search_of_each_span() {
        let pieces = [
            "Wait… what. ",
            "He said “no”. ",
            "Plain text here. ",
            "…",
            "é ¦ x",
        ];
        let mut answers = [0, 0];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    let bytes = text.as_bytes();
                    let n = bytes.len();
                    let spans: Vec<Span> = (0..=n)
                        .step_by(3)
                        .flat_map(|s| [Span::new(s, (s + 7).min(n)), Span::new(s, n)])
                        .collect();
                    let mut cursor = EllipsisCursor::new(n);
                    for span in spans.iter().chain(spans.iter().rev()) {
                        let want = bytes[span.range()].contains(&0xA6);
                        assert_eq!(cursor.may_hold(bytes, *span), want, "{text:?} {span:?}");
                        answers[usize::from(want)] += 1;
                        // A cursor that ends with the span answers alike.
                        let mut own = EllipsisCursor::new(span.end);
                        assert_eq!(own.may_hold(bytes, *span), want, "{text:?} {span:?}");
                    }
                }
            }
        }
        assert!(answers[0] > 100 && answers[1] > 100, "{answers:?}");
    }

    /// Blocks split in turn, sharing one ellipsis cursor, give the
    /// sentences that each block split alone gives.
    #[test]
    fn sentences_of_blocks_in_turn_are_those_of_each_block_alone() {
        let splitter = SentenceSplitter::new();
        let text = "One… two. Three.\n\nNo stops here\n\nHe waited … then left. Next one!\n\n\
                    Plain. Text… Here.\n\n… So. It ends…";
        let blocks: Vec<Block<'_>> = text
            .split("\n\n")
            .scan(0, |at, part| {
                let start = *at;
                *at += part.len() + 2;
                Some(Block {
                    kind: crate::layout::BlockKind::Paragraph,
                    span: Span::new(start, start + part.len()),
                    marker: None,
                    depth: 0,
                })
            })
            .collect();
        let got: Vec<Span> = splitter
            .sentences(text, &blocks)
            .iter()
            .map(|s| s.span)
            .collect();
        let mut want = Vec::new();
        for block in &blocks {
            splitter.split(text, block.span, &mut want);
        }
        assert_eq!(got, want);
        assert!(want.len() >= 10, "{want:?}");
        // The list of spans made with the sentences holds the same spans.
        let split = splitter.split_blocks(text, &blocks);
        assert_eq!(split.spans, want);
        assert_eq!(split.sentences.len(), want.len());
        for (s, span) in split.sentences.iter().zip(&want) {
            assert_eq!(s.span, *span);
            assert_eq!(s.text, &text[span.range()]);
            assert!(blocks
                .get(s.block)
                .is_some_and(|b| b.span.start <= span.start && span.end <= b.span.end));
        }
    }

    /// `next_word` and `word_before` step over ASCII a byte at a time; at
    /// every character boundary of texts that mix ASCII with wider letters,
    /// spaces, quotation marks and signs, they give what their definitions
    /// read a character at a time give.
    #[test]
    fn word_readers_agree_with_their_definitions() {
        fn next_by_chars(s: &str, i: usize) -> Option<(&str, char, bool)> {
            let rest = s.get(i..)?.trim_start_matches(is_space);
            let body =
                rest.trim_start_matches(|c: char| is_open_quote(c) || matches!(c, '(' | '['));
            let first = body.chars().next()?;
            let len = body
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(body.len());
            Some((&body[..len], first, rest.starts_with(is_open_quote)))
        }
        fn before_by_chars(s: &str, i: usize) -> &str {
            let head = s.get(..i).unwrap_or("");
            let start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| {
                    !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '°' | '&'))
                })
                .map_or(0, |(p, c)| p + c.len_utf8());
            &head[start..]
        }
        for text in [
            "Mr. Smith said. The end.",
            "at 5.30 p.m.  \u{a0}“Quoted” words, (bracketed) [too]",
            "Zürich’s 30°C heat. Ça va. naïve café—über straße",
            "O’Brien's A&E dept.\u{2003}\u{200b}Next 東京 word",
            "end.  ‘Single’ «guillemets» „low“ www.example.org http://x.y",
            "",
            " ",
            "é",
        ] {
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let got = next_word(text, i).map(|w| (w.word(), w.first, w.quoted));
                assert_eq!(got, next_by_chars(text, i), "{text:?} at {i}");
                assert_eq!(
                    word_before(text, i),
                    before_by_chars(text, i),
                    "{text:?} at {i}"
                );
            }
        }
    }

    /// An abbreviation as listed, in capitals, capitalised, and with an "s"
    /// after it.
    fn spellings(key: &str) -> [String; 4] {
        let mut rest = key.chars();
        let capital = rest
            .next()
            .map(|c| c.to_uppercase().chain(rest).collect::<String>())
            .unwrap_or_default();
        [
            key.to_string(),
            key.to_uppercase(),
            capital,
            format!("{key}s"),
        ]
    }

    /// A word `plain_word` settles is one the slower rules would end the
    /// sentence after: not a time, not a form with full stops inside, not
    /// an abbreviation once quotation marks are trimmed and it is lowered,
    /// not an initial. Every abbreviation, however capitalised, is left to
    /// those rules.
    #[test]
    fn plain_words_pass_every_slower_rule() {
        let splitter = SentenceSplitter::new();
        let mut words: Vec<String> = [
            "said",
            "year",
            "2015",
            "it",
            "I",
            "A",
            "US",
            "U.S",
            "a.m",
            "P.M",
            "Canada-U.S",
            "int'l",
            "INT'L",
            "'mr",
            "(Mr",
            "approximately",
            "n°",
            "N°",
            "Inc",
            "ltd",
            "e-mail",
            "A&E",
            "O'Brien",
            "Zürich",
            "x1",
            "gov't",
            "Messrs",
            "MESSRS",
            "co",
            "Co",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for key in splitter.abbreviations.keys() {
            words.extend(spellings(key));
            words.push(format!("x{key}"));
        }
        for word in &words {
            let lower = word.to_lowercase();
            let key = lower.trim_start_matches(['(', '[', '“', '"', '‘', '\'']);
            let slower_rules_end = !is_time_abbrev(&lower)
                && !is_multi_period(word.rsplit('-').next().unwrap_or(word))
                && !splitter.abbreviations.contains_key(key)
                && !is_initial(word);
            if splitter.plain_word(word) {
                assert!(slower_rules_end, "{word:?}");
            }
            if splitter.abbreviations.contains_key(key) {
                assert!(!splitter.plain_word(word), "{word:?}");
            }
        }
        assert!(splitter.plain_word("said"));
        assert!(splitter.plain_word("2015"));
        assert!(splitter.plain_word("approximately"));
    }

    /// Wherever the sixteen bytes before a full stop settle the word before
    /// it, `plain_word_before` answers as `plain_word` does of the word
    /// the walk back reads; over drawn texts of plain words, abbreviations
    /// in every case, initials, times, numbers, marks and wider letters,
    /// at every full stop and for sentence starts all around it. Most
    /// stops of a sentence that started well before are settled so.
    #[test]
    fn plain_word_before_agrees_with_the_walk_back() {
        let splitter = SentenceSplitter::new();
        let mut pieces: Vec<String> = [
            "said",
            "year",
            "2015",
            "10",
            "I",
            "A",
            "x1",
            "U.S",
            "a.m",
            "P.M",
            "e.g",
            "int'l",
            "O'Brien",
            "A&E",
            "e-mail",
            "approximately",
            "Zürich",
            "café",
            "n°",
            "’s",
            "東京",
            "gov't",
            "(Mr",
            "“Inc",
            "'co",
            "-",
            "&",
            "(",
            "[",
            "”",
            "\"",
            "…",
            "7",
            "mr",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for key in splitter.abbreviations.keys() {
            pieces.extend(spellings(key));
        }
        let gaps = [
            " ", " ", " ", ". ", ".", "", "\u{a0}", ", ", "\n", "-", "’", "é",
        ];
        let mut draw = crate::testing::draws(26);
        let (mut stops, mut settled) = (0, 0);
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..30 {
                text.push_str(&pieces[draw(pieces.len())]);
                text.push_str(gaps[draw(gaps.len())]);
            }
            let b = text.as_bytes();
            for i in (0..b.len()).filter(|&i| b[i] == b'.') {
                for start in [
                    0,
                    i.saturating_sub(1),
                    i.saturating_sub(3),
                    i.saturating_sub(7),
                ]
                .into_iter()
                .filter(|&p| text.is_char_boundary(p))
                {
                    stops += usize::from(start == 0);
                    let Some(plain) = splitter.plain_word_before(b, start, i) else {
                        continue;
                    };
                    settled += usize::from(start == 0);
                    let word = word_judged_before(&text, start, i);
                    assert_eq!(
                        plain,
                        splitter.plain_word(word),
                        "{text:?} at {i} from {start}: {word:?}"
                    );
                }
            }
        }
        assert!(settled * 2 > stops, "{settled} of {stops}");
    }

    /// The test of "day," turns away only blocks that no weekday stem opens
    /// as a dateline does: every stem before "day," in any case and with
    /// what may follow, and blocks that fall just short, read as a test of
    /// each stem alone reads them.
    #[test]
    fn weekday_openings_agree_with_a_test_of_each_stem() {
        fn by_stems(s: &str) -> bool {
            WEEKDAY_STEMS.iter().any(|stem| {
                s.strip_prefix(stem)
                    .is_some_and(|rest| rest.starts_with("day,"))
            })
        }
        let mut texts = vec![
            String::new(),
            "day,".to_string(),
            "The day, May 7".to_string(),
            "Mon day,".to_string(),
            "Thursdays, we".to_string(),
        ];
        for stem in WEEKDAY_STEMS {
            for tail in [
                "day,",
                "day, May 7, 2015 On",
                "day",
                "days,",
                "Day,",
                "day ,",
            ] {
                texts.push(format!("{stem}{tail}"));
                texts.push(format!("{}{tail}", stem.to_uppercase()));
                texts.push(format!("{}{tail}", &stem[1..]));
                texts.push(format!("x{stem}{tail}"));
            }
        }
        let mut opened = 0;
        for s in &texts {
            assert_eq!(opens_with_weekday(s), by_stems(s), "{s:?}");
            opened += usize::from(by_stems(s));
        }
        assert_eq!(opened, 2 * WEEKDAY_STEMS.len());
    }

    /// A mark that ends its block ends a sentence there, as the long way
    /// reads it too: over drawn texts that end in each mark after words,
    /// abbreviations, initials, times, ellipses, quotation marks and
    /// brackets, from several sentence starts.
    #[test]
    fn marks_that_end_a_block_end_a_sentence() {
        let splitter = SentenceSplitter::new();
        let pieces = [
            "said", "Mr", "U.S", "a.m", "I", "J", "Inc", "2015", "…", "...", ". .", "“Yes", "(see",
            "[", "www.x", "e.g", " ", " ", "-", "’", "?", "!", "é",
        ];
        let mut draw = crate::testing::draws(0xB10C_E2D5_0F5E_7713);
        let mut ended = 0;
        for _ in 0..2000 {
            let mut text: String = (0..draw(8)).map(|_| pieces[draw(pieces.len())]).collect();
            text.push(['.', '!', '?'][draw(3)]);
            let i = text.len() - 1;
            assert!(ends_block(text.as_bytes(), i));
            for start in [0, i / 2, i] {
                if !text.is_char_boundary(start) {
                    continue;
                }
                let verdict = splitter.judge_within(&text, start, i, &mut None);
                assert!(
                    matches!(verdict, Verdict::End(e) if e == i + 1),
                    "{text:?} from {start}"
                );
                ended += 1;
            }
        }
        assert!(ended > 4000);
        assert!(!ends_block(b"end. ", 3));
        assert!(!ends_block("end…".as_bytes(), 3));
    }

    /// Texts for the readers' tests: ASCII and wider letters, spaces,
    /// quotation marks, brackets and terminal punctuation side by side.
    const READER_TEXTS: [&str; 8] = [
        "Mr. Smith said.\" The end.) Next.’s “Quoted.” words!? (bracketed.] [too]",
        "world.Today 1,000.That e.g.It www.x.org/a.Bc a@b.Cd c:d.Ef I.Am",
        "Zürich’s 30°C heat.Ça va. naïve.Café—über straße.Übel",
        "O’Brien's A&E dept.\u{2003}\u{200b}Next.' 東京.word.’ x.»y",
        "end.'s end.\"a end.\" a end.’a end.’ a …) ?!.",
        "",
        ".",
        "é.Ab",
    ];

    /// `skip_closers` settles an ASCII byte that cannot close at once; at
    /// every character boundary it gives what its loop alone gives.
    #[test]
    fn skip_closers_agrees_with_its_loop() {
        fn by_loop(s: &str, mut i: usize) -> usize {
            while let Some(c) = char_at(s, i) {
                let closer = is_close_quote(c) || matches!(c, ')' | ']' | '.' | '!' | '?' | '…');
                if !closer {
                    break;
                }
                if matches!(c, '\'' | '"' | '’') {
                    let after = char_at(s, i + c.len_utf8());
                    if after.is_some_and(|a| a.is_alphanumeric()) {
                        break;
                    }
                }
                i += c.len_utf8();
            }
            i
        }
        for text in READER_TEXTS {
            for i in (0..=text.len() + 1).filter(|&i| i > text.len() || text.is_char_boundary(i)) {
                assert_eq!(skip_closers(text, i), by_loop(text, i), "{text:?} at {i}");
            }
        }
    }

    /// Whether the full stop at `i` glues two sentences, by every test of
    /// `glued_sentences` in their first order, each reading as far as it
    /// likes: the word before in full, the token around the stop afresh.
    fn glued_by_every_test(splitter: &SentenceSplitter, s: &str, i: usize) -> bool {
        let left = word_before(s, i);
        let token_start = s[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let token_end = s[i..].find(is_space).map_or(s.len(), |p| i + p);
        let token = &s[token_start..token_end];
        if token.contains(['@', '/', ':']) || token.starts_with("www") {
            return false;
        }
        let right: String = s[i + 1..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let left_ok = left.chars().count() >= 2
            && left
                .chars()
                .last()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && !splitter
                .abbreviations
                .contains_key(left.to_lowercase().as_str());
        let right_ok = right.chars().count() >= 2 && right.chars().skip(1).all(char::is_lowercase);
        left_ok && right_ok
    }

    /// `glued_sentences` reads the word after the stop first; at every
    /// full stop it answers as its tests taken in their first order do.
    #[test]
    fn glued_sentences_agree_with_their_tests_in_order() {
        let splitter = SentenceSplitter::new();
        let mut glued = 0;
        for text in READER_TEXTS {
            for (i, _) in text.match_indices('.') {
                let want = glued_by_every_test(&splitter, text, i);
                assert_eq!(
                    splitter.glued_sentences(text, i, &mut None),
                    want,
                    "{text:?} at {i}"
                );
                glued += usize::from(want);
            }
        }
        assert!(glued >= 4, "{glued}");
    }

    /// Reading the word before a stop over a bounded reach, and each token
    /// once for all its stops, answers as the unbounded reading does: over
    /// long runs without white space, words longer than the reach, and
    /// addresses whose marks stand far before or after the stop.
    #[test]
    fn glued_stops_of_one_long_token_answer_as_each_read_alone() {
        let splitter = SentenceSplitter::new();
        let long_word = "Supercalifragilisticexpialidocious".repeat(3);
        let texts = [
            "ab.Cd".repeat(50),
            "a=ex.Component;b=tx.Fragment;".repeat(20),
            format!("{long_word}.Today and {long_word}mr.Smith went"),
            format!("x {}.Then", "é".repeat(40)),
            format!("{}mr.Smith", "\u{212a}".repeat(5)),
            format!("http://{}.Next", "ab.Cd".repeat(20)),
            format!("{}.Next@mail {}", "ab.Cd".repeat(20), "no.Glue"),
            "mr.Smith dr.Jones etc.Then u.s.Army 1,000.That".to_string(),
        ];
        let mut glued = 0;
        for text in &texts {
            let mut seen = None;
            for (i, _) in text.match_indices('.') {
                let want = glued_by_every_test(&splitter, text, i);
                assert_eq!(
                    splitter.glued_sentences(text, i, &mut seen),
                    want,
                    "{text:?} at {i}"
                );
                glued += usize::from(want);
            }
        }
        assert!(glued >= 60, "{glued}");
    }

    /// `inline_markers` turns a block away by its first byte only when no
    /// marker could open it: for every character opening a list of any
    /// kind, it finds what reading marker by marker finds.
    #[test]
    fn inline_markers_turn_away_only_blocks_without_a_marker() {
        let mut found = 0;
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            for block in [
                format!("{c}. The first 2. The second"),
                format!("{c}) The first b) The second"),
                format!("{c} 1. The first {c} 2. The second"),
                format!("{c}"),
            ] {
                let want = markers_in_sequence(&block);
                found += usize::from(!want.is_empty());
                assert_eq!(inline_markers(&block), want, "{block:?}");
            }
        }
        assert_eq!(inline_markers("1. The first 2. The second"), vec![0, 13]);
        assert_eq!(
            inline_markers("\u{2022} 1. The first \u{2022} 2. The second"),
            vec![0, 17]
        );
        assert!(found >= 4, "{found}");
    }

    /// `open_quote_at_end` reads back from the end; over texts of every
    /// mix of quotation marks, apostrophes, letters and spaces it finds
    /// what reading forwards finds.
    #[test]
    fn open_quote_read_back_agrees_with_reading_forwards() {
        fn forwards(before: &str) -> Option<usize> {
            let mut open = None;
            for (p, c) in before.char_indices() {
                let opening = matches!(c, '“' | '‘')
                    || (matches!(c, '"' | '\'') && char_before(before, p).is_none_or(is_space));
                let closing = matches!(c, '”') || (matches!(c, '’' | '\'' | '"') && !opening);
                if opening {
                    open = Some(p);
                } else if closing && open.is_some() {
                    let next = char_at(before, p + c.len_utf8());
                    if !next.is_some_and(char::is_alphanumeric) {
                        open = None;
                    }
                }
            }
            open
        }
        let pieces = ["“", "”", "‘", "’", "\"", "'", "a", " ", "—", "…", "«", "1"];
        let mut seed = 11u64;
        let mut opened = 0;
        for n in 0..20_000 {
            let mut text = String::new();
            for _ in 0..n % 12 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let want = forwards(&text);
            opened += usize::from(want.is_some());
            assert_eq!(open_quote_at_end(&text), want, "{text:?}");
        }
        assert!(opened > 1_000, "{opened}");
    }

    fn split(text: &str) -> Vec<&str> {
        let splitter = SentenceSplitter::new();
        split_prose(&splitter, text)
            .into_iter()
            .map(|sp| &text[sp])
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = vec![$($want),*];
                assert_eq!(split($text), want);
            }
        };
    }

    t!(
        simple,
        "Hello World. My name is Jonas.",
        ["Hello World.", "My name is Jonas."]
    );
    t!(
        titles,
        "Mr. Smith met Dr. Jones. They talked.",
        ["Mr. Smith met Dr. Jones.", "They talked."]
    );
    t!(
        us_name,
        "I work for the U.S. Government in Virginia.",
        ["I work for the U.S. Government in Virginia."]
    );
    t!(
        us_after_a_hyphen,
        "They renewed the Canada-U.S. Energy Task Force. Trade grew with India-U.S. ties.",
        [
            "They renewed the Canada-U.S. Energy Task Force.",
            "Trade grew with India-U.S. ties."
        ]
    );
    t!(
        clause_number,
        "(U.S. Const. art. II, sec. 2, cl. 2), which may apply. It ended.",
        [
            "(U.S. Const. art. II, sec. 2, cl. 2), which may apply.",
            "It ended."
        ]
    );
    t!(
        us_end,
        "I live in the U.S. How about you?",
        ["I live in the U.S.", "How about you?"]
    );
    t!(
        initials,
        "United States Attorney General William P. Barr said:",
        ["United States Attorney General William P. Barr said:"]
    );
    t!(
        no_ten,
        "He lives at No. 10 Downing St. in London.",
        ["He lives at No. 10 Downing St. in London."]
    );
    t!(
        months,
        "On Jan. 5 it rained. On Sept. 3 it did not.",
        ["On Jan. 5 it rained.", "On Sept. 3 it did not."]
    );
    t!(
        decimals,
        "Growth was 2.5 per cent. It rose.",
        ["Growth was 2.5 per cent.", "It rose."]
    );
    t!(
        quote_with_two_sentences,
        "“We will act. We will do it now,” she said. “It matters.”",
        [
            "“We will act.",
            "We will do it now,” she said.",
            "“It matters.”"
        ]
    );
    t!(
        quote_then_lower,
        "“Why now?” she asked. He shrugged.",
        ["“Why now?” she asked.", "He shrugged."]
    );
    t!(
        caption_credit,
        "Ottawa on July 23, 2015. THE CANADIAN PRESS/Sean Kilpatrick",
        [
            "Ottawa on July 23, 2015.",
            "THE CANADIAN PRESS/Sean Kilpatrick"
        ]
    );
    t!(
        ellipsis_mid,
        "I wasn’t really ... well, what I mean...see . . . what I'm saying.",
        ["I wasn’t really ... well, what I mean...see . . . what I'm saying."]
    );
    t!(
        no_space,
        "Hello world.Today is Tuesday.Mr. Smith went.",
        ["Hello world.", "Today is Tuesday.", "Mr. Smith went."]
    );
    t!(
        url,
        "See www.gov.uk/phe. Follow us on Twitter @PHE_uk",
        ["See www.gov.uk/phe.", "Follow us on Twitter @PHE_uk"]
    );
    t!(
        inline_list,
        "1.) The first item 2.) The second item",
        ["1.) The first item", "2.) The second item"]
    );
    t!(
        short_quote,
        "The viewer is then asked ‘Confused by drugs? Talk to FRANK.’ The adverts will run.",
        [
            "The viewer is then asked ‘Confused by drugs? Talk to FRANK.’",
            "The adverts will run."
        ]
    );
    t!(
        long_quote,
        "We need to \"make sure there's enough iodine in food. But we must not overdo it,\" she said.",
        ["We need to \"make sure there's enough iodine in food.", "But we must not overdo it,\" she said."]
    );
    t!(
        dash_attribution,
        "\"It's a long game.\" - Matthew Ingram",
        ["\"It's a long game.\" - Matthew Ingram"]
    );
    t!(
        dateline,
        "Thursday, May 7, 2015 On Tuesday, the government acted.",
        ["Thursday, May 7, 2015", "On Tuesday, the government acted."]
    );
    t!(
        bracket_after_abbreviation,
        "Awards went to Lomiko Metals, Inc. (“Lomiko”). Canada also acted.",
        [
            "Awards went to Lomiko Metals, Inc. (“Lomiko”).",
            "Canada also acted."
        ]
    );
    t!(
        ellipsis_opening_a_sentence,
        "They called me the 'anti-christ' of Scientology. ... The next thing he knew, he was held.",
        [
            "They called me the 'anti-christ' of Scientology.",
            "... The next thing he knew, he was held."
        ]
    );
    t!(
        versus,
        "See United States v. Nixon for the rule. It held.",
        ["See United States v. Nixon for the rule.", "It held."]
    );
    t!(
        inline_list_after_a_bullet,
        "\u{2022} 1. The first \u{2022} 2. The second",
        ["\u{2022} 1. The first", "\u{2022} 2. The second"]
    );
    t!(
        inline_list_of_letters,
        "a) The first b) The second",
        ["a) The first", "b) The second"]
    );
    t!(empty, "", []);
    t!(spaces, "  \u{A0} ", []);
}
