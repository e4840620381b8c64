//! Every whole-word occurrence of the surnames of a document's speakers.
//!
//! A long text names hundreds of people, and an automaton over all their
//! surnames is large: each byte of the text steps it, with a cache miss as
//! often as not. A surname stands only at a word start, so this reads word
//! starts instead (`text::WordBytes`), rules most of them out by
//! their first three bytes, and looks the rest up in a hash map: one look-up per
//! candidate word, however many names.

use crate::bitset::{words_for, BitSet};
use crate::hash::FastMap;
use crate::text::{char_at, prefix_keys, run_end, KeyBits, KeySet, KeyTest, WordBytes};
use crate::Span;

/// Characters that may join the parts of one surname ("O'Neil",
/// "Smith-Jones", "St.John").
const JOINERS: [char; 4] = ['-', '\'', '’', '.'];
/// The most parts a surname is read in.
const MAX_PARTS: usize = 4;

/// The surnames of one document, ready to be found.
pub(super) struct Surnames<'s> {
    /// Each surname's text to its index in the list given (the first, for
    /// a surname two speakers share).
    by_text: FastMap<&'s str, usize>,
    /// The word keys (`text::word_key`) surnames start with: the first
    /// test, on a key every word start carries already.
    keys: KeyBits,
    /// The keys set in `keys`, each once or more.
    key_list: Vec<usize>,
    /// Bits of `prefix_key` for the first three bytes of each surname that
    /// has three: a word whose first three bytes have no bit set starts no
    /// such surname, ruled out by one look-up. Keys may collide; a collision
    /// only costs a hash look-up.
    prefixes: BitSet<{ words_for(PREFIX_KEYS) }>,
    /// The first bytes of the surnames shorter than three bytes ("Wu").
    short_first: [bool; 256],
}

/// Numbers in `Surnames::prefixes`.
const PREFIX_KEYS: usize = 512 * 64;

/// The key in `Surnames::prefixes` of three leading bytes.
fn prefix_key(b0: u8, b1: u8, b2: u8) -> usize {
    (usize::from(b0) * 961 + usize::from(b1) * 31 + usize::from(b2)) % PREFIX_KEYS
}

impl<'s> Surnames<'s> {
    /// Indexes `names`, numbered in the order given. Empty names and names
    /// that neither start nor end with a letter or digit can never stand as
    /// a whole word and are left out.
    pub(super) fn new(names: impl IntoIterator<Item = &'s str>) -> Surnames<'s> {
        let mut by_text = FastMap::default();
        let mut keys = BitSet::new();
        let mut key_list = Vec::new();
        let mut prefixes = BitSet::new();
        let mut short_first = [false; 256];
        for (i, name) in names.into_iter().enumerate() {
            let whole_word = name.chars().next().is_some_and(char::is_alphanumeric)
                && name.chars().next_back().is_some_and(char::is_alphanumeric)
                || name.ends_with('.');
            if !whole_word {
                continue;
            }
            for key in prefix_keys(name.as_bytes()) {
                keys.insert(key);
                key_list.push(key);
            }
            match *name.as_bytes() {
                [b0, b1, b2, ..] => prefixes.insert(prefix_key(b0, b1, b2)),
                [b0, ..] => {
                    if let Some(slot) = short_first.get_mut(usize::from(b0)) {
                        *slot = true;
                    }
                }
                [] => continue,
            }
            by_text.entry(name).or_insert(i);
        }
        Surnames {
            by_text,
            keys,
            key_list,
            prefixes,
            short_first,
        }
    }

    /// `find_keyed` with the index's own keys.
    #[cfg(test)]
    fn find(
        &self,
        text: &str,
        words: &WordBytes,
        spans: &[Span],
        found: impl FnMut(Span, Span, usize),
    ) {
        self.find_keyed(&self.keys, text, words, spans, found);
    }

    /// Calls `found` with the span that holds it, its own span and the
    /// surname's index of every occurrence inside `spans` (in order, not
    /// overlapping) that is a whole word: no letter or digit touches it
    /// on either side, and it ends inside its span. Occurrences do not
    /// overlap; where two surnames start at one word ("Smith" and
    /// "Smith-Jones"), the shorter is taken when it is whole. The word
    /// starts are tested first against `keys`, which holds at least the
    /// keys of the index's surnames (`Surnames::keys`).
    ///
    /// The words of all the spans are read in one pass, from the first
    /// start to the last end: a document has thousands of short spans,
    /// and a pass for each cost more to set up than its words.
    fn find_keyed(
        &self,
        keys: &impl KeyTest,
        text: &str,
        words: &WordBytes,
        spans: &[Span],
        mut found: impl FnMut(Span, Span, usize),
    ) {
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            return;
        };
        if self.by_text.is_empty() {
            return;
        }
        // The span of the word starts being read, and where the next
        // occurrence in it may start.
        let mut current = 0;
        let mut resume = first.start;
        words.for_each_start_in(Span::new(first.start, last.end), keys, |i, _| {
            // Most word starts are ruled out by their first bytes, before
            // the span cursor is moved: it catches up at the next start
            // that passes, in fewer and longer steps, as it ends where it
            // would have ended in steps.
            if !self.may_start(text.as_bytes(), i) {
                return;
            }
            while spans.get(current).is_some_and(|s| s.end <= i) {
                current += 1;
                resume = spans.get(current).map_or(usize::MAX, |s| s.start);
            }
            // Between two spans, or where an occurrence went on.
            let Some(&within) = spans.get(current).filter(|_| i >= resume) else {
                return;
            };
            if let Some((span, index)) = self.at(text, i, within.end.min(text.len())) {
                resume = span.end;
                found(within, span, index);
            }
        });
    }

    /// Whether some surname may start at byte `i` of `bytes`, by its first
    /// three bytes (a surname is matched byte for byte).
    fn may_start(&self, bytes: &[u8], i: usize) -> bool {
        let Some(&b0) = bytes.get(i) else {
            return false;
        };
        if self
            .short_first
            .get(usize::from(b0))
            .copied()
            .unwrap_or(false)
        {
            return true;
        }
        match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(&b1), Some(&b2)) => self.prefixes.contains(prefix_key(b0, b1, b2)),
            _ => false,
        }
    }

    /// The surname that starts at word start `i`, if it is a whole word
    /// ending by `end`: read part by part over joiners, the shortest
    /// surname first.
    fn at(&self, text: &str, i: usize, end: usize) -> Option<(Span, usize)> {
        let mut e = run_end(text, i, end);
        for _ in 0..MAX_PARTS {
            let next = char_at(text, e).filter(|_| e < end);
            if let Some(&index) = text.get(i..e).and_then(|w| self.by_text.get(w)) {
                let whole = !next.is_some_and(char::is_alphanumeric);
                return whole.then_some((Span::new(i, e), index));
            }
            // "Jr." keeps its stop.
            if next == Some('.') {
                if let Some(&index) = text.get(i..e + 1).and_then(|w| self.by_text.get(w)) {
                    let after = char_at(text, e + 1).filter(|_| e + 1 < end);
                    let whole = !after.is_some_and(char::is_alphanumeric);
                    return whole.then_some((Span::new(i, e + 1), index));
                }
            }
            let joiner = next.filter(|c| JOINERS.contains(c))?;
            let part = e + joiner.len_utf8();
            if part >= end || !char_at(text, part).is_some_and(char::is_alphanumeric) {
                return None;
            }
            e = run_end(text, part, end);
        }
        None
    }
}

/// How far from one of its speaker's own quotes or mentions a surname is
/// still read as that speaker: farther than any one release runs (the
/// longest in the corpus is 50 KB), so inside one release every
/// occurrence counts, while a long text of many releases, read as one,
/// does not give a surname met in one release to a speaker of another
/// far away. It also bounds the work: each stretch of text looks for the
/// surnames of the speakers near it, not of every speaker before and
/// after, so the cost per byte does not grow with the text.
pub(super) const REACH: usize = 64 * 1024;

/// Bytes of spans from which `NearSurnames::find` tests word starts
/// against a byte a key: below it, zeroing the 64 KB of a `KeySet` costs
/// more than the cheaper tests save.
const WIDE_FROM: usize = 64 * 1024;

/// The most speakers sharing a surname that a mention is tried against.
const MAX_NAMESAKES: usize = 16;

/// The surnames of a document's speakers, each found only within
/// [`REACH`] bytes of one of its speaker's anchors (where the speaker was
/// quoted or named). A [`Surnames`] index of the speakers near the
/// current stretch is built as the search moves through the text.
pub(super) struct NearSurnames<'s> {
    /// Each entry's surname.
    names: Vec<&'s str>,
    /// Each entry's anchors, in order.
    anchors: Vec<Vec<usize>>,
    /// Every anchor with its entry, in text order.
    by_anchor: Vec<(usize, usize)>,
    /// The next entry with the same surname, for a surname two speakers
    /// share: the first that is near takes the mention.
    next_same: Vec<Option<usize>>,
}

impl<'s> NearSurnames<'s> {
    /// Entries of a surname and the byte offsets of its speaker's anchors,
    /// numbered in the order given.
    pub(super) fn new(entries: impl IntoIterator<Item = (&'s str, Vec<usize>)>) -> Self {
        let mut names = Vec::new();
        let mut anchors = Vec::new();
        let mut by_anchor = Vec::new();
        for (k, (name, mut points)) in entries.into_iter().enumerate() {
            points.sort_unstable();
            points.dedup();
            by_anchor.extend(points.iter().map(|&p| (p, k)));
            names.push(name);
            anchors.push(points);
        }
        // Ordered by the anchor alone: the entries of a stretch are sorted
        // anew when taken, and one comparison a step is cheaper than two.
        by_anchor.sort_unstable_by_key(|&(p, _)| p);
        let mut next_same = vec![None; names.len()];
        let mut last: FastMap<&str, usize> = FastMap::default();
        for (k, name) in names.iter().enumerate().rev() {
            if let (Some(slot), Some(&next)) = (next_same.get_mut(k), last.get(name)) {
                *slot = Some(next);
            }
            last.insert(name, k);
        }
        NearSurnames {
            names,
            anchors,
            by_anchor,
            next_same,
        }
    }

    /// Calls `found` with the span that holds it, its own span and the
    /// entry of every surname inside `spans` whose speaker is near it, as
    /// [`Surnames::find_keyed`] does for all of them. The index is rebuilt when
    /// a span needs anchors outside the stretch it covers; the spans it
    /// covers, while they come in order, are read in one pass.
    pub(super) fn find(
        &self,
        text: &str,
        words: &WordBytes,
        spans: &[Span],
        mut found: impl FnMut(Span, Span, usize),
    ) {
        // Whether a span's surnames, found within `REACH` of it, may all
        // be looked up in the index built for the stretch `covered`.
        // The stretch a span's surnames may be near anchors in.
        let need = |s: &Span| (s.start.saturating_sub(REACH), s.end + REACH);
        let covers = |covered: (usize, usize), s: &Span| {
            let (lo, hi) = need(s);
            lo >= covered.0 && hi <= covered.1
        };
        // The index of the entries with an anchor in `covered`, and their
        // numbers in its order.
        let mut index: Option<(Surnames<'s>, Vec<usize>)> = None;
        // Over a long text, the word starts are tested against the index's
        // keys at a byte each (`KeySet`), one load a word where a bit
        // costs a mask and shifts too: the walk over every word start is
        // most of the search. The set is made once and kept in step with
        // the index; zeroing its 64 KB costs more than a short text saves.
        let extent: usize = spans.iter().map(|s| s.end.saturating_sub(s.start)).sum();
        let mut wide = (extent >= WIDE_FROM).then(KeySet::new);
        let mut covered = (0, 0);
        let mut first = 0;
        while let Some(span) = spans.get(first) {
            if index.is_none() || !covers(covered, span) {
                // One more reach ahead, so that the spans that follow use
                // the same index.
                let (lo, hi) = need(span);
                covered = (lo, hi + REACH);
                let lo = self.by_anchor.partition_point(|&(p, _)| p < covered.0);
                let hi = self.by_anchor.partition_point(|&(p, _)| p <= covered.1);
                let mut active: Vec<usize> = self
                    .by_anchor
                    .get(lo..hi)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&(_, k)| k)
                    .collect();
                active.sort_unstable();
                active.dedup();
                let names = active.iter().filter_map(|&k| self.names.get(k).copied());
                let next = Surnames::new(names);
                if let Some(set) = wide.as_mut() {
                    for &key in index.iter().flat_map(|(old, _)| &old.key_list) {
                        set.remove(key);
                    }
                    for &key in &next.key_list {
                        set.insert(key);
                    }
                }
                index = Some((next, active));
            }
            // The spans after it that this index covers too, in order.
            let mut end = first + 1;
            while let (Some(prev), Some(next)) = (spans.get(end - 1), spans.get(end)) {
                if next.start < prev.end || !covers(covered, next) {
                    break;
                }
                end += 1;
            }
            let group = spans.get(first..end).unwrap_or(&[]);
            first = end;
            let Some((index, active)) = &index else {
                return;
            };
            let mut near = |within: Span, span: Span, i: usize| {
                let mut entry = active.get(i).copied();
                // Inside one release the first entry is near. The walk is
                // cut short so that a text naming thousands of namesakes
                // costs a bounded amount per mention.
                for _ in 0..MAX_NAMESAKES {
                    let Some(k) = entry else {
                        return;
                    };
                    if self.is_near(k, span.start) {
                        found(within, span, k);
                        return;
                    }
                    entry = self.next_same.get(k).copied().flatten();
                }
            };
            match &wide {
                Some(set) => index.find_keyed(set, text, words, group, &mut near),
                None => index.find_keyed(&index.keys, text, words, group, &mut near),
            }
        }
    }

    /// Whether entry `k` has an anchor within [`REACH`] of byte `at`.
    fn is_near(&self, k: usize, at: usize) -> bool {
        let Some(points) = self.anchors.get(k) else {
            return false;
        };
        let first = points.partition_point(|&p| p < at.saturating_sub(REACH));
        points.get(first).is_some_and(|&p| p <= at + REACH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(names: &[&str], text: &str) -> Vec<(String, usize)> {
        let s = Surnames::new(names.iter().copied());
        let mut out = Vec::new();
        s.find(
            text,
            &WordBytes::new(text),
            &[Span::new(0, text.len())],
            |_, sp, i| {
                out.push((text[sp.range()].to_string(), i));
            },
        );
        out
    }

    #[test]
    fn whole_words_only() {
        let names = [
            "Rudd",
            "Smith",
            "Smith-Jones",
            "O'Neil",
            "Ng",
            "Müller",
            "Jr.",
        ];
        for (text, want) in [
            ("Rudd said", vec![("Rudd", 0)]),
            (
                "Mr Rudd, Ms Smith and Dr Ng met.",
                vec![("Rudd", 0), ("Smith", 1), ("Ng", 4)],
            ),
            ("Ruddock and McRudd", vec![]),
            ("Smith-Jones said", vec![("Smith", 1)]),
            ("Ms O'Neil’s view", vec![("O'Neil", 3)]),
            ("Herr Müller sagte", vec![("Müller", 5)]),
            ("ÉRudd and Rudd", vec![("Rudd", 0)]),
            ("John Smith Jr. spoke", vec![("Smith", 1), ("Jr.", 6)]),
            ("“Rudd” — (Rudd)", vec![("Rudd", 0), ("Rudd", 0)]),
            ("", vec![]),
        ] {
            let want: Vec<(String, usize)> =
                want.into_iter().map(|(s, i)| (s.to_string(), i)).collect();
            assert_eq!(all(&names, text), want, "{text:?}");
        }
    }

    #[test]
    fn long_ascii_runs_and_chunk_edges() {
        // Word starts on both sides of a 64-byte chunk boundary.
        let mut text = "x".repeat(63);
        text.push_str(" Rudd ");
        text.push_str(&"y ".repeat(40));
        text.push_str("Rudd");
        assert_eq!(all(&["Rudd"], &text).len(), 2);
        // A word running over the boundary is one word.
        let glued = format!("{}Rudd", "z".repeat(62));
        assert!(all(&["Rudd"], &glued).is_empty());
    }

    #[test]
    fn a_shared_surname_goes_to_the_first_speaker() {
        assert_eq!(
            all(&["Smith", "Smith"], "Smith"),
            vec![("Smith".to_string(), 0)]
        );
    }

    /// Every (surname, entry, offset) `NearSurnames` finds in `spans`.
    fn near(
        entries: &[(&str, Vec<usize>)],
        text: &str,
        spans: &[Span],
    ) -> Vec<(String, usize, usize)> {
        let index = NearSurnames::new(entries.iter().map(|(n, p)| (*n, p.clone())));
        let words = WordBytes::new(text);
        let mut out = Vec::new();
        index.find(text, &words, spans, |_, sp, k| {
            out.push((text[sp.range()].to_string(), k, sp.start));
        });
        out
    }

    #[test]
    fn surnames_count_only_near_their_speakers() {
        // Two releases read as one text, farther apart than `REACH`: Rudd
        // is quoted in the first, Smith in both.
        let gap = " ".repeat(REACH + 10);
        let text = format!("Rudd and Smith.{gap}Rudd and Smith.");
        let second = 15 + gap.len();
        let all = [Span::new(0, 15), Span::new(second, text.len())];
        let entries = [("Rudd", vec![0]), ("Smith", vec![9, second + 9])];
        assert_eq!(
            near(&entries, &text, &all),
            vec![
                ("Rudd".to_string(), 0, 0),
                ("Smith".to_string(), 1, 9),
                ("Smith".to_string(), 1, second + 9),
            ]
        );
        // A surname two speakers share goes to the first one near it.
        let entries = [("Smith", vec![0]), ("Smith", vec![second])];
        assert_eq!(
            near(&entries, &text, &all),
            vec![
                ("Smith".to_string(), 0, 9),
                ("Smith".to_string(), 1, second + 9),
            ]
        );
        // Within `REACH`, every occurrence counts, wherever the anchor.
        let text = "Rudd. Rudd. Rudd.";
        assert_eq!(
            near(&[("Rudd", vec![16])], text, &[Span::new(0, text.len())]).len(),
            3
        );
        // Spans given out of order still find what is near.
        let text = format!("Rudd.{gap}Rudd.");
        let later = 5 + gap.len();
        let spans = [Span::new(later, text.len()), Span::new(0, 5)];
        assert_eq!(
            near(&[("Rudd", vec![0])], &text, &spans),
            vec![("Rudd".to_string(), 0, 0)]
        );
    }

    #[test]
    fn a_long_text_finds_what_is_near_as_a_short_one_does() {
        // Long enough that the word starts are tested a byte a key, and
        // the index is rebuilt as the search moves on: Rudd is quoted
        // at the start only, Smith at the end only.
        let text = "Rudd met Smith in Canberra today. ".repeat(4 * REACH / 34);
        let spans: Vec<Span> = (0..text.len())
            .step_by(34 * 30)
            .map(|s| Span::new(s, (s + 34 * 30).min(text.len())))
            .collect();
        assert!(text.len() >= WIDE_FROM);
        let end = text.len();
        let entries = [("Rudd", vec![0]), ("Smith", vec![end])];
        let want: Vec<(String, usize, usize)> = text
            .match_indices("Rudd")
            .filter(|&(i, _)| i <= REACH)
            .map(|(i, _)| ("Rudd".to_string(), 0, i))
            .chain(
                text.match_indices("Smith")
                    .filter(|&(i, _)| i + REACH >= end)
                    .map(|(i, _)| ("Smith".to_string(), 1, i)),
            )
            .collect();
        let mut got = near(&entries, &text, &spans);
        got.sort_by_key(|(_, _, at)| *at);
        let mut want = want;
        want.sort_by_key(|(_, _, at)| *at);
        assert!(!want.is_empty());
        assert_eq!(got, want);
    }

    #[test]
    fn spans_stay_inside_the_given_range() {
        let text = "Rudd Rudd Rudd";
        let s = Surnames::new(["Rudd"]);
        let words = WordBytes::new(text);
        let mut got = Vec::new();
        s.find(text, &words, &[Span::new(5, 9)], |_, sp, _| got.push(sp));
        assert_eq!(got, vec![Span::new(5, 9)]);
        got.clear();
        s.find(text, &words, &[Span::new(6, 14)], |_, sp, _| got.push(sp));
        assert_eq!(got, vec![Span::new(10, 14)]);
    }
}
