//! Words: the tokenizer that every speaker phrase is read through, and the
//! free tests on single words and short phrases that the other stages ask
//! (stop words, pronouns, past tenses, possessives, the openings of a
//! reported clause).

use std::cell::RefCell;
use std::ops::Deref;

use super::SpeakerKind;
use crate::text::{is_space, lower, skip_space, space_at, LOWER_INLINE};
use crate::Span;

/// `w.trim_end_matches("'s").trim_end_matches("’s")`: every possessive
/// ending taken off, without building a substring searcher for each.
pub(super) fn strip_possessive(mut w: &str) -> &str {
    while let Some(r) = w.strip_suffix("'s") {
        w = r;
    }
    while let Some(r) = w.strip_suffix("’s") {
        w = r;
    }
    w
}

/// The byte offset of the first `byte` (an ASCII byte) in `s`, as
/// `s.find(char::from(byte))` gives it: a plain loop over the bytes, where
/// a character search costs more to set up than the few bytes of a
/// speaker phrase take to read. An ASCII byte never continues a wider
/// character.
pub(super) fn find_byte(s: &str, byte: u8) -> Option<usize> {
    s.bytes().position(|b| b == byte)
}

/// The byte offset of the last `byte` (an ASCII byte) in `s`, as
/// `s.rfind(char::from(byte))` gives it (see `find_byte`).
pub(super) fn rfind_byte(s: &str, byte: u8) -> Option<usize> {
    s.bytes().rposition(|b| b == byte)
}

/// The last of the words of `s` split at single spaces, as
/// `s.rsplit(' ').next()` gives it (all of `s` when it holds no space).
pub(super) fn last_spaced_word(s: &str) -> &str {
    rfind_byte(s, b' ').map_or(s, |i| s.get(i + 1..).unwrap_or(""))
}

/// Whether a phrase ends with a preposition or article that needs an
/// object: "Head of", "leader of the", "announcement from".
pub(super) fn ends_in_connector(phrase: &str) -> bool {
    matches!(
        Some(last_spaced_word(phrase)),
        Some("of" | "the" | "for" | "from" | "at" | "a" | "an" | "to" | "and")
    )
}

/// Whether a phrase is a share of the people surveyed ("76 per cent",
/// "67% of young people", "40 percent of teenagers"): a number that may
/// speak, unlike other phrases that open with a digit.
pub(super) fn share_of_people(phrase: &str) -> bool {
    let mut words = phrase.split(' ');
    let Some(number) = words.next() else {
        return false;
    };
    let digits = number.trim_end_matches('%');
    let is_number = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    if !is_number {
        return false;
    }
    if number.ends_with('%') {
        return true;
    }
    matches!(
        (words.next(), words.next()),
        (Some("percent"), _) | (Some("per"), Some("cent"))
    )
}

/// Whether a word is "I" or a contraction of it ("I’m", "I've"): the
/// writer's or the speaker's own voice, never a name.
pub(super) fn first_person(w: &str) -> bool {
    w == "I" || w.starts_with("I’") || w.starts_with("I'")
}

/// Whether the words before a cue are a possessive, perhaps with one
/// adjective ("Schumer’s claim that", "Schumer’s disgusting claim that"):
/// then the cue word is a noun.
pub(super) fn possessed(before: &str) -> bool {
    let mut words = before.rsplit(is_space).filter(|w| !w.is_empty());
    let poss = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    match (words.next(), words.next()) {
        (Some(a), _) if poss(a) => true,
        (Some(a), Some(b)) => a.starts_with(char::is_lowercase) && poss(b),
        _ => false,
    }
}

/// The last space-separated word of `text` before byte `at`, white space
/// after it skipped: "Ambassador" in "Ambassador to Russia", read from "to".
pub(super) fn word_before(text: &str, at: usize) -> &str {
    last_spaced_word(text.get(..at).unwrap_or("").trim_end())
}

/// Whether a phrase is the object of the preposition before it, not a
/// subject: "Information received since the Committee met in September
/// confirms that ...".
pub(super) fn object_of_preposition(text: &str, np: Span) -> bool {
    let one_word = text.get(np.range()).is_some_and(|w| !w.contains(' '));
    let before = word_before(text, np.start);
    // "The evidence accumulated over the intermeeting period confirms":
    // these take a phrase of any length as their object.
    matches!(
        before,
        "since" | "over" | "during" | "until" | "through" | "throughout"
    ) || (one_word && matches!(before, "in" | "by" | "into" | "after" | "before" | "than"))
}

/// Whether a phrase is one that stands after a name and its comma or
/// bracket without being a name: a politician's party and state ("R-Ohio",
/// "D-U.S. Virgin Islands", "Republican from Texas", "Democrat of Ohio") or
/// a generational suffix ("Joseph R. Biden, Jr.").
pub(super) fn name_tag(phrase: &str) -> bool {
    if matches!(phrase, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV") {
        return true;
    }
    let b = phrase.as_bytes();
    let initial = matches!(b, [b'R' | b'D' | b'I', b'-', c, ..] if c.is_ascii_uppercase());
    let named = ["Republican ", "Democrat ", "Democratic ", "Independent "]
        .iter()
        .filter_map(|p| phrase.strip_prefix(p))
        .any(|rest| rest.starts_with("from ") || rest.starts_with("of "));
    initial || named
}

/// Defines a list of words written once, as two items: a function that
/// tells whether a word is one of them, a `matches!` over the literals
/// (a few length and byte tests, where a search of an array compares word
/// after word), and a constant array of the same words (seen by the whole
/// `quote` module), from which the callers build their filters
/// (`WordEnds`) at compile time.
macro_rules! word_list {
    (
        $(#[$fn_doc:meta])*
        $vis:vis fn $name:ident;
        $(#[$list_doc:meta])*
        const $list:ident = [$($word:literal),+ $(,)?];
    ) => {
        $(#[$fn_doc])*
        $vis fn $name(w: &str) -> bool {
            matches!(w, $($word)|+)
        }

        $(#[$list_doc])*
        pub(super) const $list: &[&str] = &[$($word),+];
    };
}
pub(super) use word_list;

/// Words of `WORD_ENDS_LEN` bytes or more pass `WordEnds::may_hold` unread.
const WORD_ENDS_LEN: usize = 16;

/// A filter over words by their length and their first and last bytes,
/// built at compile time from lists of words: `may_hold` is true for every
/// word of the lists, in either case of its first and last letters, and
/// false for nearly every other word, at the cost of one look-up and no
/// branch on the word's letters. Entry `len * 32 + first % 32` holds bit
/// `last % 32` of each word of the lists.
pub(super) struct WordEnds([u32; WORD_ENDS_LEN * 32]);

impl WordEnds {
    /// The filter of the words of `lists`.
    // Const evaluation checks every index of the table at compile time.
    #[allow(clippy::indexing_slicing)]
    pub(super) const fn of(lists: &[&[&str]]) -> WordEnds {
        let mut table = [0u32; WORD_ENDS_LEN * 32];
        let mut l = 0;
        while l < lists.len() {
            let mut k = 0;
            while k < lists[l].len() {
                let w = lists[l][k].as_bytes();
                // A word that `may_hold` passes unread needs no entry.
                if !w.is_empty()
                    && w.len() < WORD_ENDS_LEN
                    && w[0].is_ascii_alphabetic()
                    && w[w.len() - 1].is_ascii_alphabetic()
                {
                    table[w.len() * 32 + (w[0] % 32) as usize] |= 1 << (w[w.len() - 1] % 32);
                }
                k += 1;
            }
            l += 1;
        }
        WordEnds(table)
    }

    /// Whether `w` may be a word of the lists: true for each of them, and
    /// for every word that is empty, of `WORD_ENDS_LEN` bytes or more, or
    /// does not begin and end with an ASCII letter.
    pub(super) fn may_hold(&self, w: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return true;
        };
        // Evaluated in full, not short-circuited: each test is a cheap bit,
        // nearly always false, where a branch on each would be read anew.
        let odd =
            (w.len() >= WORD_ENDS_LEN) | !first.is_ascii_alphabetic() | !last.is_ascii_alphabetic();
        let listed = self
            .0
            .get(w.len() * 32 + usize::from(first % 32))
            .is_some_and(|bits| (bits >> (last % 32)) & 1 == 1);
        odd | listed
    }
}

/// Whether `w` is a lower-case word that never stands in a speaker phrase.
///
/// Most words asked about are none: their ends (`STOP_ENDS`) rule them out
/// before they are compared with the list.
pub(super) fn is_stop(w: &str) -> bool {
    STOP_ENDS.may_hold(w.as_bytes()) && listed_stop(w)
}

/// The ends of the stop words, for `is_stop`.
static STOP_ENDS: WordEnds = WordEnds::of(&[STOP_WORDS]);

word_list! {
    /// Whether `w` is one of the stop words, compared with each.
    fn listed_stop;
    /// The words `is_stop` holds.
    const STOP_WORDS = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
        "can", "could", "may", "might", "must", "should", "shall", "it", "this", "that", "these",
        "those", "which", "who", "whom", "what", "when", "where", "while", "as", "if", "but", "or",
        "not", "to", "by", "with", "in", "on", "at", "into", "than", "a", "an", "he", "she",
        "they", "we", "i", "you", "also", "did", "does", "do", "so", "such", "very", "more",
        "most", "after", "before", "about", "over", "under", "its", "his", "her", "there", "here",
        "then", "and", "said", "says", "say", "told", "because", "since", "until", "though",
        "although", "all", "some", "many", "other", "others", "new", "one",
    ];
}

/// The speaker kind a pronoun stands for, if the phrase is one.
pub(super) fn pronoun(s: &str) -> Option<SpeakerKind> {
    match s {
        "He" | "he" | "She" | "she" => Some(SpeakerKind::Person),
        "They" | "they" => Some(SpeakerKind::Group),
        "It" | "it" => Some(SpeakerKind::Organization),
        _ => None,
    }
}

/// Whether `w` names a day of the week.
pub(super) fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains(&w)
}

/// The days of the week, lower case.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `w` names a day of the week in any case: `is_weekday` of its
/// lower-case form, without lowering it (only ASCII letters lower to the
/// letters of those names).
pub(super) fn names_weekday(w: &str) -> bool {
    WEEKDAYS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// Whether the words after a verb are only an adverbial ("Wednesday",
/// "in a joint communique issued Wednesday", "on Tuesday"), so the content
/// came before.
pub(super) fn adverbial(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return true;
    };
    let mut buf = [0; LOWER_INLINE];
    let f = lower(first, &mut buf);
    is_weekday(f.trim_end_matches(['.', ',']))
        || matches!(
            f.as_ref(),
            "in" | "on"
                | "today"
                | "today."
                | "yesterday"
                | "yesterday."
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "at"
                | "during"
                | "after"
                | "before"
                | "when"
                | "recently"
                | "previously"
                | "to"
                | "of"
        )
}

/// Whether a word can open a reported clause after a bare verb.
pub(super) fn clause_start(w: &str) -> bool {
    let mut buf = [0; LOWER_INLINE];
    let lw = lower(w, &mut buf);
    if matches!(
        lw.as_ref(),
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "to"
            | "of"
            | "with"
            | "for"
            | "by"
            | "from"
            | "a"
            | "an"
            | "no"
            | "yes"
            | "so"
            | "thank"
            | "goodbye"
            | "hello"
            | "nothing"
            | "something"
            | "anything"
            | "little"
            | "much"
    ) {
        return false;
    }
    !is_weekday(lw.trim_end_matches(['.', ','])) && !w.starts_with(['“', '"', '\'', '‘', ':', ','])
}

/// Whether the words after a reporting verb are a fronted phrase and then a
/// clause: a preposition, a comma within twelve words, and after it a
/// subject that opens a clause of four words or more ("after more than 100
/// years in the making, it was hard to believe ...").
pub(super) fn fronted_clause(words: &[&str]) -> bool {
    let opens = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "after"
                | "before"
                | "during"
                | "since"
                | "despite"
                | "following"
                | "given"
                | "with"
                | "without"
                | "under"
                | "in"
                | "on"
                | "at"
                | "for"
        )
    });
    if !opens {
        return false;
    }
    let Some(comma) = words.iter().take(12).position(|w| w.ends_with(',')) else {
        return false;
    };
    let clause = words.get(comma + 1..).unwrap_or(&[]);
    // A quotation introduced after the phrase is direct speech, not this.
    let quoting = words
        .iter()
        .take(comma + 6)
        .any(|w| w.contains(['“', '"', ':']));
    !quoting
        && clause.len() >= 4
        && clause.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "it" | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "there"
                    | "the"
                    | "this"
                    | "these"
                    | "their"
                    | "its"
                    | "our"
                    | "his"
                    | "her"
            )
        })
}

/// Whether the words after a verb that reports with "that" are a clause
/// with "that" left out: a subject of a few words, then a finite auxiliary
/// or modal ("their conditions could lead", "the meeting would go ahead"),
/// with no relative word or infinitive before it ("the progress that has
/// been made", "the need to act" are objects).
pub(super) fn bare_clause(words: &[&str]) -> bool {
    if words.len() < 5 {
        return false;
    }
    // Each word is lowered into `buf` (`text::lower`), not a new string.
    let mut buf = [0; LOWER_INLINE];
    let opener = words.first().is_some_and(|w| {
        matches!(
            lower(w, &mut buf).as_ref(),
            "the"
                | "a"
                | "an"
                | "their"
                | "its"
                | "his"
                | "her"
                | "our"
                | "this"
                | "these"
                | "those"
                | "they"
                | "it"
                | "he"
                | "she"
                | "we"
                | "both"
                | "all"
                | "each"
        ) || w.starts_with(char::is_uppercase)
    });
    if !opener {
        return false;
    }
    // "announced it intends to invest", "said she expected": a subject
    // pronoun and a verb in -s or -ed, where no auxiliary comes.
    let subject = words.first().is_some_and(|w| {
        matches!(
            lower(w, &mut buf).as_ref(),
            "it" | "he" | "she" | "they" | "we"
        )
    });
    // "stated Montalvo left the organisation": a one-word name, then a
    // verb in the past.
    let name = words.first().is_some_and(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.len() >= 3
            && chars.all(|c| c.is_ascii_lowercase())
            && !names_weekday(w)
    });
    // An adverb may stand between them: "Montalvo allegedly left".
    let verb_at = if words
        .get(1)
        .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
    {
        2
    } else {
        1
    };
    let past = words.get(verb_at).is_some_and(|w| {
        (past_tense(w) && !w.ends_with("eed")) || matches!(*w, "left" | "told" | "said")
    });
    if name && past {
        return true;
    }
    let finite = words.get(1).is_some_and(|w| {
        w.len() >= 4
            && w.chars().all(|c| c.is_ascii_lowercase())
            && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
            && !matches!(
                *w,
                "always" | "perhaps" | "sometimes" | "nevertheless" | "unless"
            )
    });
    if subject && finite {
        return true;
    }
    for w in words.iter().skip(1).take(7) {
        match lower(w.trim_end_matches([',', '.']), &mut buf).as_ref() {
            "that" | "which" | "who" | "whom" | "whose" | "to" | "of" | "for" => return false,
            "will" | "would" | "could" | "can" | "should" | "must" | "may" | "might" | "is"
            | "are" | "was" | "were" | "has" | "have" | "had" => return true,
            _ => {}
        }
    }
    false
}

/// The first `N` words of `s`, separated by any run of spaces: the words
/// `s.split(is_space)` gives, empty ones left out, read a byte at a time
/// over printable ASCII rather than a character at a time. They are kept
/// in place, not in a list of their own: a cue asks for them often enough
/// that an allocation each was a cost of its own.
pub(super) fn first_words<const N: usize>(s: &str) -> FirstWords<'_, N> {
    let bytes = s.as_bytes();
    let mut words = FirstWords {
        words: [""; N],
        len: 0,
    };
    let mut i = 0;
    while let Some(slot) = words.words.get_mut(words.len) {
        i = skip_space(s, i);
        if i >= bytes.len() {
            break;
        }
        let start = i;
        loop {
            // A printable ASCII byte is no space.
            while bytes.get(i).is_some_and(|&b| b > b' ' && b.is_ascii()) {
                i += 1;
            }
            match space_at(s, i) {
                Some((false, len)) => i += len,
                _ => break,
            }
        }
        *slot = s.get(start..i).unwrap_or("");
        words.len += 1;
    }
    words
}

/// The words `first_words` gives: at most `N`, read as a slice.
pub(super) struct FirstWords<'a, const N: usize> {
    words: [&'a str; N],
    len: usize,
}

impl<'a, const N: usize> Deref for FirstWords<'a, N> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        self.words.get(..self.len).unwrap_or(&[])
    }
}

/// The words of `s`, separated by any run of spaces, counted up to `most`:
/// every caller compares the count with a number below `most`, so a
/// quotation pages long is read no further than its first words.
pub(super) fn word_count(s: &str, most: usize) -> usize {
    let mut count = 0;
    let mut gap = true;
    let mut i = 0;
    while let Some((space, len)) = space_at(s, i) {
        if gap && !space {
            count += 1;
            if count >= most {
                break;
            }
        }
        gap = space;
        i += len;
    }
    count
}

/// Whether `w` reads as a verb in the past tense: a regular "-ed" form
/// or one of a few common irregular ones ("met", "spoke").
pub(super) fn past_tense(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(w, "met" | "spoke" | "went" | "took" | "gave" | "made")
}

/// Whether a noun names what is said, so that a "that" clause after it
/// reports ("reaffirmed the position that ...").
pub(super) fn says_what(w: &str) -> bool {
    matches!(
        w.trim_end_matches(','),
        "position"
            | "statement"
            | "view"
            | "views"
            | "concern"
            | "concerns"
            | "belief"
            | "commitment"
            | "expectation"
            | "assessment"
            | "conclusion"
            | "message"
            | "assurance"
            | "assurances"
            | "pledge"
            | "warning"
            | "hope"
    )
}

/// Whether a word is a determiner that `content_that` reads before the
/// noun naming what is said: "the", "its", "their", "his", "her", "our".
fn is_determiner(word: &str) -> bool {
    matches!(word, "the" | "its" | "their" | "his" | "her" | "our")
}

/// Where the reported clause begins after "the position of successive
/// Governments since 1972 that ...": a noun that names what is said,
/// qualified at length before its "that".
pub(super) fn content_that(rest: &str) -> Option<usize> {
    // Most clauses open on no such determiner: the first word, up to the
    // first space (none: no noun follows), settles it before any split.
    let det_end = find_byte(rest, b' ')?;
    if !is_determiner(rest.get(..det_end)?) {
        return None;
    }
    let mut words = rest.get(det_end + 1..)?.split(' ');
    let noun = words.next()?;
    // "their commitment to the values that have been ...": after "to", the
    // noun phrase goes on and its "that" is relative.
    if !says_what(noun) || words.next() == Some("to") {
        return None;
    }
    let mut pos = 0;
    for (k, w) in rest.split(' ').enumerate() {
        if k > 20 || w.contains(['“', '"', ':', ';']) {
            return None;
        }
        if k > 1 && w == "that" {
            return Some(pos + w.len());
        }
        pos += w.len() + 1;
    }
    None
}

/// A table of every byte value, true for the bytes of `bytes`: one look-up
/// tells a byte from a few, where a chain of comparisons would branch on
/// every byte unlike them.
// Const evaluation checks every index of this table at compile time.
#[allow(clippy::indexing_slicing)]
pub(super) const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// The bytes that `that_at` stops a word at: `"`, `:` and `;`, and E2,
/// the first byte of “ (and of other characters, told by the two after it).
const QUOTING_BYTES: [bool; 256] = byte_set(&[b'"', b':', b';', 0xE2]);

/// Byte offset just after a leading "that" (with optional adverbial before
/// it): one of the first seven words split at single spaces, before any
/// word with a quotation mark, a colon or a semicolon.
pub(super) fn that_at(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut start = 0;
    for _ in 0..7 {
        let end = find_byte(rest.get(start..)?, b' ').map_or(bytes.len(), |i| start + i);
        let w = bytes.get(start..end)?;
        if w == b"that" {
            return Some(end);
        }
        // One pass over the word: a mark, or the E2 80 9C of “. A look-up
        // tells the few bytes that may be either, where a chain of
        // comparisons would branch on every letter.
        let quoting = w.iter().enumerate().any(|(k, &b)| {
            QUOTING_BYTES.get(usize::from(b)) == Some(&true)
                && (b != 0xE2 || w.get(k + 1..k + 3) == Some(&[0x80, 0x9C][..]))
        });
        if quoting || end == bytes.len() {
            return None;
        }
        start = end + 1;
    }
    None
}

/// How `tokens_into` reads each byte: `WORD` for an ASCII byte that is part of
/// a word, `GAP` for one that is not, `WIDE` for a byte of a character
/// beyond ASCII, which is decoded. A table load is cheaper than a shift of
/// a 128-bit mask.
// Const evaluation checks every index of this table at compile time.
#[allow(clippy::indexing_slicing)]
const TOKEN_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0u8;
    while b < 128 {
        t[b as usize] = if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'-' | b'&') {
            WORD
        } else {
            GAP
        };
        b += 1;
    }
    t
};
/// See `TOKEN_CLASS`.
const GAP: u8 = 0;
/// See `TOKEN_CLASS`.
const WORD: u8 = 1;
/// See `TOKEN_CLASS`.
const WIDE: u8 = 2;

/// `TOKEN_CLASS` of a byte.
#[inline]
fn token_class(b: u8) -> u8 {
    // A `u8` indexes a 256-entry table: never out of bounds.
    TOKEN_CLASS.get(usize::from(b)).copied().unwrap_or(WIDE)
}

/// Whether `tokens_into` reads an ASCII byte as part of a word: a letter, a
/// digit, or one of `.`, `'`, `-` and `&`.
pub(super) fn is_word_byte(b: u8) -> bool {
    token_class(b) == WORD
}

/// Whether `tokens_into` reads a character beyond ASCII as part of a word:
/// a letter or digit, or the apostrophe ’.
///
/// The characters beyond ASCII around speaker phrases are mostly quotation
/// marks and dashes, of the General Punctuation block (U+2000 to U+206F),
/// which holds no letter or digit (a test holds it): they are told by
/// their range, without the Unicode tables.
fn is_wide_word_char(c: char) -> bool {
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return c == '’';
    }
    c.is_alphanumeric()
}

/// Whether the character at byte `i` of `s` (a character boundary) is
/// read by `tokens_into` as part of a word, and its length; `None` past the end.
fn token_char(s: &str, i: usize) -> Option<(bool, usize)> {
    let b = *s.as_bytes().get(i)?;
    match token_class(b) {
        WORD => Some((true, 1)),
        GAP => Some((false, 1)),
        _ => {
            let c = s.get(i..)?.chars().next()?;
            Some((is_wide_word_char(c), c.len_utf8()))
        }
    }
}

/// Words of `s` (which starts at byte `base`), into `out` (cleared first):
/// runs of letters, digits and word-internal marks, edge punctuation
/// dropped (initials keep their stop).
///
/// Every speaker phrase is read through this, so it reads a run of ASCII
/// bytes (nearly all of them) in a tight loop, one table look-up a byte, and
/// decodes only characters beyond ASCII.
fn tokens_into(s: &str, base: usize, out: &mut Vec<Span>) {
    out.clear();
    let bytes = s.as_bytes();
    out.reserve(bytes.len() / 6 + 1);
    let mut i = 0;
    loop {
        // To the next word character.
        loop {
            while bytes.get(i).is_some_and(|&b| token_class(b) == GAP) {
                i += 1;
            }
            match token_char(s, i) {
                None => return,
                Some((true, _)) => break,
                Some((false, len)) => i += len,
            }
        }
        let st = i;
        // To the end of the word.
        loop {
            while bytes.get(i).is_some_and(|&b| token_class(b) == WORD) {
                i += 1;
            }
            match token_char(s, i) {
                Some((true, len)) => i += len,
                None | Some((false, _)) => break,
            }
        }
        // Most words begin and end with a letter or digit: nothing to trim.
        let edge = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphanumeric);
        if edge(st) && edge(i - 1) {
            out.push(Span::new(base + st, base + i));
            continue;
        }
        if let Some((a, b)) = trimmed_run(s, st, i) {
            out.push(Span::new(base + a, base + b));
        }
    }
}

/// The word a run `s[st..end]` of word characters holds once its edge
/// punctuation is dropped (initials keep their stop), as byte offsets in
/// `s`; `None` if nothing is left.
fn trimmed_run(s: &str, st: usize, end: usize) -> Option<(usize, usize)> {
    let w = s.get(st..end).unwrap_or("");
    let mut w2 = w.trim_start_matches(['.', '\'', '’', '-']);
    let lead = w.len() - w2.len();
    let keep_stop =
        w2.len() <= 2 && w2.ends_with('.') || w2.bytes().filter(|&b| b == b'.').count() >= 2;
    if !keep_stop {
        w2 = w2.trim_end_matches(['.', '\'', '-']);
    }
    (!w2.is_empty()).then_some((st + lead, st + lead + w2.len()))
}

/// `token_char` for the character that ends at byte `i` of `s` (a
/// character boundary); `None` at the start.
fn token_char_before(s: &str, i: usize) -> Option<(bool, usize)> {
    let b = *s.as_bytes().get(i.wrapping_sub(1))?;
    match token_class(b) {
        WORD => Some((true, 1)),
        GAP => Some((false, 1)),
        _ => {
            let c = s.get(..i)?.chars().next_back()?;
            Some((is_wide_word_char(c), c.len_utf8()))
        }
    }
}

/// The last word of `s[..*end]` (`s` starts at byte `base`) that
/// `tokens_into` finds, with `*end` moved back to where the word's run
/// of word characters starts; `None` when no word is left.
///
/// A word is a run of word characters wherever it is read from, and its
/// edges are trimmed alike (`trimmed_run`): read back one at a time, these
/// are the words of `tokens_into`, last first.
fn token_before(s: &str, base: usize, end: &mut usize) -> Option<Span> {
    let bytes = s.as_bytes();
    let mut i = *end;
    loop {
        // Back to the end of the previous word.
        loop {
            while bytes
                .get(i.wrapping_sub(1))
                .is_some_and(|&b| token_class(b) == GAP)
            {
                i -= 1;
            }
            match token_char_before(s, i) {
                None => {
                    *end = i;
                    return None;
                }
                Some((true, _)) => break,
                Some((false, len)) => i -= len,
            }
        }
        let e = i;
        // Back to its start.
        loop {
            while bytes
                .get(i.wrapping_sub(1))
                .is_some_and(|&b| token_class(b) == WORD)
            {
                i -= 1;
            }
            match token_char_before(s, i) {
                Some((true, len)) => i -= len,
                None | Some((false, _)) => break,
            }
        }
        *end = i;
        let edge = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphanumeric);
        if edge(i) && edge(e - 1) {
            return Some(Span::new(base + i, base + e));
        }
        if let Some((a, b)) = trimmed_run(s, i, e) {
            return Some(Span::new(base + a, base + b));
        }
    }
}

/// Token lists kept for reuse by one document's run: speaker phrases are
/// tokenized many times a text, nearly all of them a few words long, and
/// a fresh list for each cost an allocation and a free, a large share of
/// the tokenizer's work.
///
/// A lent list (`Tokens`) borrows the pool until it is dropped, so a
/// caller that needs the run mutably hands it back first. The pool's own
/// borrow is held only inside `tokens` and `Tokens::drop`, which call
/// nothing back, so taking it never fails; were it to, a list would only
/// be allocated afresh or freed.
#[derive(Debug, Default)]
pub(super) struct TokenLists(RefCell<Vec<Vec<Span>>>);

impl TokenLists {
    /// The `tokens_into` of `s` (which starts at byte `base`), in a list lent
    /// from the pool. The pool holds no more lists than were ever lent at
    /// once.
    pub(super) fn tokens(&self, s: &str, base: usize) -> Tokens<'_> {
        let mut list = self
            .0
            .try_borrow_mut()
            .ok()
            .and_then(|mut lists| lists.pop())
            .unwrap_or_default();
        tokens_into(s, base, &mut list);
        Tokens { list, pool: self }
    }
}

impl TokenLists {
    /// The words of `s` (which starts at byte `base`) read back from its
    /// end as they are asked for, into a list lent from the pool: a speaker
    /// phrase read back from its verb stops after a few words, and the
    /// words before them are never read.
    pub(super) fn words_back<'s>(&self, s: &'s str, base: usize) -> WordsBack<'s, '_> {
        let mut list = self
            .0
            .try_borrow_mut()
            .ok()
            .and_then(|mut lists| lists.pop())
            .unwrap_or_default();
        list.clear();
        WordsBack {
            read: Tokens { list, pool: self },
            s,
            base,
            end: s.len(),
        }
    }
}

/// The words of a text read back from its end (`TokenLists::words_back`):
/// word 0 is the last, word 1 the one before it, and so on.
pub(super) struct WordsBack<'s, 'p> {
    /// The words read so far, last first.
    read: Tokens<'p>,
    /// The text, which starts at byte `base`.
    s: &'s str,
    /// See `s`.
    base: usize,
    /// Where the words not yet read end in `s`.
    end: usize,
}

impl WordsBack<'_, '_> {
    /// Word `k` counted back from the end, reading back as far as it
    /// takes; `None` if the text has no more words.
    #[inline]
    pub(super) fn get(&mut self, k: usize) -> Option<Span> {
        match self.read.list.get(k) {
            Some(&t) => Some(t),
            None => self.read_to(k),
        }
    }

    /// `get` for a word not read yet.
    fn read_to(&mut self, k: usize) -> Option<Span> {
        while self.read.list.len() <= k {
            let w = token_before(self.s, self.base, &mut self.end)?;
            self.read.list.push(w);
        }
        self.read.list.get(k).copied()
    }

    /// Word `k` counted back from the end, one already read (`get`);
    /// an empty span otherwise.
    pub(super) fn seen(&self, k: usize) -> Span {
        self.read.list.get(k).copied().unwrap_or_default()
    }
}

/// A list of tokens lent by `TokenLists`, handed back when dropped.
pub(super) struct Tokens<'p> {
    list: Vec<Span>,
    pool: &'p TokenLists,
}

impl Deref for Tokens<'_> {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        &self.list
    }
}

impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        if let Ok(mut lists) = self.pool.0.try_borrow_mut() {
            lists.push(std::mem::take(&mut self.list));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_is_found_where_the_character_search_finds_it() {
        let pieces = [
            "a", "/", ",", " ", "é", "’", "\u{12c}", "\u{2c2f}", "𝒜", "\u{a0}",
        ];
        let mut next = crate::testing::draws(3);
        let mut found = 0;
        for _ in 0..20000 {
            let s: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            for byte in [b'/', b',', b' '] {
                let c = char::from(byte);
                assert_eq!(find_byte(&s, byte), s.find(c), "{s:?}");
                assert_eq!(rfind_byte(&s, byte), s.rfind(c), "{s:?}");
                found += usize::from(s.find(c).is_some());
            }
            assert_eq!(last_spaced_word(&s), s.rsplit(' ').next().unwrap_or(""));
            for at in (0..=s.len()).filter(|&at| s.is_char_boundary(at)) {
                let want = s[..at].trim_end().rsplit(' ').next().unwrap_or("");
                assert_eq!(word_before(&s, at), want, "{s:?} {at}");
            }
        }
        assert!(found > 20000, "{found}");
    }

    /// `content_that` as it read before it looked at the first word alone
    /// first.
    fn content_that_by_splitting(rest: &str) -> Option<usize> {
        let mut words = rest.split(' ');
        let det = words.next()?;
        let noun = words.next()?;
        if !matches!(det, "the" | "its" | "their" | "his" | "her" | "our")
            || !says_what(noun)
            || words.next() == Some("to")
        {
            return None;
        }
        let mut pos = 0;
        for (k, w) in rest.split(' ').enumerate() {
            if k > 20 || w.contains(['“', '"', ':', ';']) {
                return None;
            }
            if k > 1 && w == "that" {
                return Some(pos + w.len());
            }
            pos += w.len() + 1;
        }
        None
    }

    #[test]
    fn content_that_is_found_as_the_split_found_it() {
        let pieces = [
            "the", "its", "The", " ", "position", "view", "to", "that", "of", "plan", "“", ":",
            "é", "",
        ];
        let mut next = crate::testing::draws(17);
        let mut found = 0;
        for _ in 0..60000 {
            // Mostly a determiner and a noun first, as the clauses it is
            // asked about open.
            let head = [
                "the position ",
                "its view ",
                "The view ",
                "our plan ",
                "the ",
                "",
            ];
            let tail: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let rest = format!("{}{tail}", head[next(head.len())]);
            let want = content_that_by_splitting(&rest);
            assert_eq!(content_that(&rest), want, "{rest:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 200, "{found}");
        assert_eq!(
            content_that("the position of successive Governments that it"),
            Some(43)
        );
    }

    /// Words for generated phrases: openers, pronouns, names, adverbs,
    /// verbs and the relative and auxiliary words `bare_clause` looks for,
    /// in several cases and with trailing marks, some beyond ASCII.
    const PHRASE_WORDS: [&str; 40] = [
        "the",
        "The",
        "THE",
        "It",
        "it",
        "SHE",
        "They",
        "we",
        "Both",
        "each",
        "Montalvo",
        "Monday",
        "allegedly",
        "left",
        "told",
        "said",
        "expected",
        "needed",
        "agreed",
        "says",
        "always",
        "that",
        "Which",
        "to",
        "of,",
        "will",
        "Would",
        "could.",
        "IS",
        "were,",
        "HAD",
        "plan",
        "lead",
        "go",
        "ahead",
        "İt",
        "\u{212A}ILL",
        "Émile",
        "Ärzte",
        "ｔhe",
    ];

    /// Word lists of one to ten `PHRASE_WORDS`, from a fixed seed.
    fn generated_phrases(count: usize) -> Vec<Vec<&'static str>> {
        let mut next = crate::testing::draws(7);
        (0..count)
            .map(|_| {
                (0..1 + next(10))
                    .map(|_| PHRASE_WORDS[next(PHRASE_WORDS.len())])
                    .collect()
            })
            .collect()
    }

    /// `bare_clause` as it read before it lowered words into a buffer:
    /// each word lowered into a new string.
    fn bare_clause_by_new_strings(words: &[&str]) -> bool {
        if words.len() < 5 {
            return false;
        }
        let opener = words.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "their"
                    | "its"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "these"
                    | "those"
                    | "they"
                    | "it"
                    | "he"
                    | "she"
                    | "we"
                    | "both"
                    | "all"
                    | "each"
            ) || w.starts_with(char::is_uppercase)
        });
        if !opener {
            return false;
        }
        let subject = words
            .first()
            .map(|w| w.to_lowercase())
            .is_some_and(|w| matches!(w.as_str(), "it" | "he" | "she" | "they" | "we"));
        let name = words.first().is_some_and(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && w.len() >= 3
                && chars.all(|c| c.is_ascii_lowercase())
                && !names_weekday(w)
        });
        let verb_at = if words
            .get(1)
            .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
        {
            2
        } else {
            1
        };
        let past = words.get(verb_at).is_some_and(|w| {
            (past_tense(w) && !w.ends_with("eed")) || matches!(*w, "left" | "told" | "said")
        });
        if name && past {
            return true;
        }
        let finite = words.get(1).is_some_and(|w| {
            w.len() >= 4
                && w.chars().all(|c| c.is_ascii_lowercase())
                && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
                && !matches!(
                    *w,
                    "always" | "perhaps" | "sometimes" | "nevertheless" | "unless"
                )
        });
        if subject && finite {
            return true;
        }
        for w in words.iter().skip(1).take(7) {
            let w = w.trim_end_matches([',', '.']).to_lowercase();
            match w.as_str() {
                "that" | "which" | "who" | "whom" | "whose" | "to" | "of" | "for" => return false,
                "will" | "would" | "could" | "can" | "should" | "must" | "may" | "might" | "is"
                | "are" | "was" | "were" | "has" | "have" | "had" => return true,
                _ => {}
            }
        }
        false
    }

    #[test]
    fn a_bare_clause_is_read_as_it_was_with_each_word_lowered_anew() {
        let mut bare = 0;
        for words in generated_phrases(40000) {
            let want = bare_clause_by_new_strings(&words);
            assert_eq!(bare_clause(&words), want, "{words:?}");
            bare += usize::from(want);
        }
        // Both answers are met often.
        assert!(bare > 2000, "{bare}");
        assert!(bare_clause(&["The", "meeting", "would", "go", "ahead"]));
        assert!(!bare_clause(&["the", "progress", "that", "has", "been"]));
    }

    #[test]
    fn a_weekday_is_named_in_any_case_as_its_lower_case_form_is() {
        for w in [
            "Monday",
            "MONDAY",
            "monday",
            "Mondays",
            "Mon",
            "WedNesday",
            "Friday.",
            "\u{212A}riday",
            "Frİday",
            "",
            "Sunday’s",
        ] {
            assert_eq!(names_weekday(w), is_weekday(&w.to_lowercase()), "{w:?}");
        }
    }

    /// `is_stop` as it read before its filter: a comparison with each of
    /// its words, copied from then.
    fn stop_word_as_listed_before(w: &str) -> bool {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "shall"
                | "it"
                | "this"
                | "that"
                | "these"
                | "those"
                | "which"
                | "who"
                | "whom"
                | "what"
                | "when"
                | "where"
                | "while"
                | "as"
                | "if"
                | "but"
                | "or"
                | "not"
                | "to"
                | "by"
                | "with"
                | "in"
                | "on"
                | "at"
                | "into"
                | "than"
                | "a"
                | "an"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "also"
                | "did"
                | "does"
                | "do"
                | "so"
                | "such"
                | "very"
                | "more"
                | "most"
                | "after"
                | "before"
                | "about"
                | "over"
                | "under"
                | "its"
                | "his"
                | "her"
                | "there"
                | "here"
                | "then"
                | "and"
                | "said"
                | "says"
                | "say"
                | "told"
                | "because"
                | "since"
                | "until"
                | "though"
                | "although"
                | "all"
                | "some"
                | "many"
                | "other"
                | "others"
                | "new"
                | "one"
        )
    }

    #[test]
    fn a_stop_word_is_found_through_its_ends_as_in_the_list() {
        let mut words: Vec<String> = Vec::new();
        for w in STOP_WORDS {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}s"),
                format!("{w}'"),
            ]);
        }
        let pieces = [
            "a", "e", "i", "o", "s", "t", "h", "w", "r", "n", "l", "é", "\u{212A}", "-",
        ];
        let mut next = crate::testing::draws(67);
        for _ in 0..30000 {
            words.push((0..next(7)).map(|_| pieces[next(pieces.len())]).collect());
        }
        let (mut stop, mut ruled_out) = (0, 0);
        for w in &words {
            let want = stop_word_as_listed_before(w);
            assert_eq!(listed_stop(w), want, "{w:?}");
            assert_eq!(is_stop(w), want, "{w:?}");
            stop += usize::from(want);
            ruled_out += usize::from(!STOP_ENDS.may_hold(w.as_bytes()));
        }
        // The draws hold stop words, and words the ends alone rule out.
        assert!(stop > 500 && ruled_out > 10000, "{stop} {ruled_out}");
    }

    #[test]
    fn lent_token_lists_hold_the_words_however_many_are_out_at_once() {
        let pool = TokenLists::default();
        let words = |s: &str, toks: &[Span]| -> Vec<String> {
            toks.iter()
                .map(|t| s[t.start - 5..t.end - 5].to_string())
                .collect()
        };
        let outer_text = "“Rudd,” Prime Minister Julia Gillard said.";
        let inner_text = "-- Mr. O'Neil’s U.S. view ";
        for _ in 0..3 {
            let outer = pool.tokens(outer_text, 5);
            {
                let inner = pool.tokens(inner_text, 5);
                assert_eq!(
                    words(inner_text, &inner),
                    ["Mr", "O'Neil’s", "U.S.", "view"]
                );
            }
            assert_eq!(
                words(outer_text, &outer),
                ["Rudd", "Prime", "Minister", "Julia", "Gillard", "said"]
            );
            assert!(pool.tokens("", 5).is_empty());
        }
        // Every list lent came back, and no more were made than were out
        // at once.
        assert_eq!(pool.0.borrow().len(), 2);
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert_eq!(
                is_wide_word_char(c),
                c.is_alphanumeric() || c == '’',
                "{c:?}"
            );
        }
        for c in [
            'é', 'ß', '\u{2c2f}', '𝒜', '٣', '\u{a0}', '“', '—', '\u{2070}', '\u{2071}',
        ] {
            assert_eq!(is_wide_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_read_back_are_the_tokens_last_first() {
        let pieces = [
            "a",
            "B",
            "7",
            " ",
            ",",
            ".",
            "'",
            "’",
            "-",
            "&",
            "é",
            "\u{a0}",
            "“",
            "𝒜",
            "\u{2c2f}",
            "Mr.",
            "U.S.",
            "—",
            " a b c d e f g h i j k l ",
        ];
        let pool = TokenLists::default();
        let mut next = crate::testing::draws(29);
        for _ in 0..20000 {
            let s: String = (0..next(14)).map(|_| pieces[next(pieces.len())]).collect();
            let mut want = pool.tokens(&s, 3).to_vec();
            want.reverse();
            let mut back = pool.words_back(&s, 3);
            let got: Vec<Span> = (0..).map_while(|k| back.get(k)).collect();
            assert_eq!(got, want, "{s:?}");
            assert_eq!(back.get(got.len() + 2), None, "{s:?}");
            assert!(
                want.iter().enumerate().all(|(k, &t)| back.seen(k) == t),
                "{s:?}"
            );
        }
    }

    #[test]
    fn first_words_are_the_words_between_spaces() {
        for s in [
            "",
            " ",
            "said",
            "  the plan works,  he said ",
            "a\tb\nc\u{a0}d\u{200B}e\u{2003}f",
            "“Nous” ont dit: l’été — été",
            "one two three four five six seven eight nine ten eleven",
        ] {
            check::<0>(s);
            check::<1>(s);
            check::<3>(s);
            check::<9>(s);
            check::<17>(s);
        }
        fn check<const N: usize>(s: &str) {
            let want: Vec<&str> = s
                .split(is_space)
                .filter(|w| !w.is_empty())
                .take(N)
                .collect();
            assert_eq!(&*first_words::<N>(s), &want[..], "{s:?} {N}");
        }
    }
}
