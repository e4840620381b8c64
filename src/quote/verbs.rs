//! The reporting verbs and phrases as a trie over their bytes (`VerbTrie`):
//! the longest form that stands at a word start.
//!
//! The forms are only ever matched anchored, at a word start that the
//! cheap tests of `Run::verb_matches` let through, so no failure links
//! are needed: a walk reads the word's bytes down the trie and stops at
//! the first byte that no form goes on with. An anchored automaton gave
//! the same answer, but each search paid for its set-up and bookkeeping
//! several times the few steps of the walk.

use crate::text::{key_fold, prefix_keys, WORD_KEYS};

/// The first five bytes of the verb forms, each folded (`text::key_fold`):
/// of the word starts whose key begins some form, a walk down the trie is
/// paid only for those whose next two bytes go on as one does. A test of
/// the fourth byte alone let through as many words again as were verbs
/// ("administration", "committee", "strengthen"), each a walk and a
/// branch that went either way.
#[derive(Debug)]
pub(super) struct VerbHeads {
    /// For each word key (`text::word_key`), its row of `fifths`: row 0,
    /// where no bit is set, for a key that no form begins with.
    rows: Box<[u8; WORD_KEYS]>,
    /// For each row, and each fold of the fourth byte, a bit for each fold
    /// the fifth byte may take.
    fifths: Vec<[u32; 27]>,
}

/// The row of `VerbHeads::fifths` that lets every fourth and fifth byte
/// through: a key past the rows a `u8` numbers shares it, which is never
/// wrong, only slower.
const EVERY_ROW: u8 = u8::MAX;

/// A bit for each of the 27 folds (`key_fold`) a byte can take.
const EVERY_FOLD: u32 = (1 << 27) - 1;

impl VerbHeads {
    /// The heads of `forms`.
    pub(super) fn new(forms: &[String]) -> VerbHeads {
        let mut heads = VerbHeads {
            rows: Box::new([0; WORD_KEYS]),
            fifths: vec![[0; 27]],
        };
        // Every fold of a byte that a form shorter than the place leaves open.
        let folds = |form: &[u8], k: usize| match form.get(k) {
            Some(&b) => 1u32 << key_fold(b),
            None => EVERY_FOLD,
        };
        for form in forms.iter().map(String::as_bytes) {
            let (fourths, fifths) = (folds(form, 3), folds(form, 4));
            for key in prefix_keys(form) {
                // `prefix_keys` gives keys below `WORD_KEYS` only, each of
                // which has a row.
                let Some(row) = heads.row_for(key) else {
                    debug_assert!(false, "key {key} has no row");
                    continue;
                };
                for (fourth, bits) in row.iter_mut().enumerate() {
                    if fourths >> fourth & 1 == 1 {
                        *bits |= fifths;
                    }
                }
            }
        }
        heads
    }

    /// The row of `key`, made when it has none.
    fn row_for(&mut self, key: usize) -> Option<&mut [u32; 27]> {
        let row = *self.rows.get(key)?;
        let row = if row == 0 {
            let new = if self.fifths.len() < usize::from(EVERY_ROW) {
                self.fifths.push([0; 27]);
                (self.fifths.len() - 1) as u8
            } else {
                if self.fifths.len() == usize::from(EVERY_ROW) {
                    self.fifths.push([EVERY_FOLD; 27]);
                }
                EVERY_ROW
            };
            if let Some(at) = self.rows.get_mut(key) {
                *at = new;
            }
            new
        } else {
            row
        };
        self.fifths.get_mut(usize::from(row))
    }

    /// Whether a form may begin with a word of key `key` whose fourth and
    /// fifth bytes fold to `fourth` and `fifth` (`text::key_fold`, 26 past
    /// the text's end).
    #[inline]
    pub(super) fn may_start(&self, key: usize, fourth: usize, fifth: usize) -> bool {
        let row = usize::from(self.rows.get(key).copied().unwrap_or(0));
        self.fifths
            .get(row)
            .and_then(|r| r.get(fourth))
            .is_some_and(|&bits| bits >> fifth & 1 == 1)
    }
}

/// The forms as a trie over their bytes, ASCII letters folded to lower
/// case (other bytes as they are), as an anchored leftmost-longest
/// ASCII-case-insensitive automaton reads them.
///
/// Each node holds a child for every byte class, so that a step is two
/// loads: the byte's class, then the child.
#[derive(Debug)]
pub(super) struct VerbTrie {
    /// The class of each byte: 0 for a byte that no form holds, and one
    /// class for each byte the forms hold, a capital sharing its letter's.
    classes: [u8; 256],
    /// The byte classes, 0 among them: the stride of `next`.
    stride: usize,
    /// The child of each node by class, `stride` entries a node, the root
    /// first; 0 (the root, no one's child) for none.
    next: Vec<u32>,
    /// The form that ends at each node, or `NO_FORM`: of two forms alike,
    /// the first.
    forms: Vec<u32>,
}

/// A `VerbTrie::forms` entry where no form ends.
const NO_FORM: u32 = u32::MAX;

impl VerbTrie {
    /// The trie of `forms`; a match reports a form's index in `forms`.
    pub(super) fn new(forms: &[String]) -> VerbTrie {
        let mut classes = [0u8; 256];
        let mut stride = 1;
        for byte in forms.iter().flat_map(|f| f.bytes()) {
            let folded = usize::from(byte.to_ascii_lowercase());
            if classes.get(folded) == Some(&0) && stride < 256 {
                if let Some(class) = classes.get_mut(folded) {
                    *class = stride as u8;
                }
                stride += 1;
            }
        }
        for byte in b'A'..=b'Z' {
            let lower = classes
                .get(usize::from(byte.to_ascii_lowercase()))
                .copied()
                .unwrap_or(0);
            if let Some(class) = classes.get_mut(usize::from(byte)) {
                *class = lower;
            }
        }
        let mut trie = VerbTrie {
            classes,
            stride,
            next: vec![0; stride],
            forms: vec![NO_FORM],
        };
        for (index, form) in forms.iter().enumerate() {
            let mut node = 0;
            for &byte in form.as_bytes() {
                node = trie.child_or_new(node, byte);
            }
            if let Some(end) = trie.forms.get_mut(node).filter(|f| **f == NO_FORM) {
                *end = index as u32;
            }
        }
        trie
    }

    /// The slot in `next` of the child of `node` by `byte`.
    #[inline]
    fn slot(&self, node: usize, byte: u8) -> usize {
        let class = self.classes.get(usize::from(byte)).copied().unwrap_or(0);
        node * self.stride + usize::from(class)
    }

    /// The child of `node` by `byte` (a byte some form holds), added if
    /// there is none yet.
    fn child_or_new(&mut self, node: usize, byte: u8) -> usize {
        let slot = self.slot(node, byte);
        match self.next.get(slot).copied() {
            Some(child) if child != 0 => child as usize,
            _ => {
                let child = self.forms.len();
                self.forms.push(NO_FORM);
                self.next.resize(self.next.len() + self.stride, 0);
                if let Some(at) = self.next.get_mut(slot) {
                    *at = child as u32;
                }
                child
            }
        }
    }

    /// The longest form that `hay` starts with, ASCII letters matched in
    /// either case: its length in bytes and its index.
    pub(super) fn longest(&self, hay: &[u8]) -> Option<(usize, usize)> {
        let found = |node: usize, len: usize| {
            self.forms
                .get(node)
                .filter(|&&f| f != NO_FORM)
                .map(|&f| (len, f as usize))
        };
        let mut best = found(0, 0);
        let mut node = 0;
        for (len, &byte) in hay.iter().enumerate() {
            // Class 0 of any node is no child: a byte no form holds.
            match self.next.get(self.slot(node, byte)).copied() {
                Some(child) if child != 0 => node = child as usize,
                _ => break,
            }
            best = found(node, len + 1).or(best);
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

    /// The anchored leftmost-longest ASCII-case-insensitive automaton the
    /// trie replaces: the longest form at the start of `hay`.
    fn automaton(forms: &[String]) -> AhoCorasick {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(forms)
            .expect("small automaton")
    }

    /// The automaton's answer at the start of `hay`, as `longest` gives it.
    fn by_automaton(ac: &AhoCorasick, hay: &[u8]) -> Option<(usize, usize)> {
        ac.find(Input::new(hay).anchored(Anchored::Yes))
            .map(|m| (m.end(), m.pattern().as_usize()))
    }

    /// The forms of the verb table, in its order.
    fn table_forms() -> Vec<String> {
        crate::tables::rows(crate::tables::SPEECH_VERBS)
            .filter_map(|row| row.first().map(|f| f.to_string()))
            .collect()
    }

    /// Whether `VerbHeads` lets a word starting `hay` through.
    fn head_passes(heads: &VerbHeads, hay: &[u8]) -> bool {
        let fold = |k: usize| hay.get(k).map_or(26, |&b| key_fold(b));
        heads.may_start(crate::text::word_key(hay, 0), fold(3), fold(4))
    }

    #[test]
    fn every_form_passes_its_heads_and_most_other_words_do_not() {
        let forms = table_forms();
        let (heads, trie) = (VerbHeads::new(&forms), VerbTrie::new(&forms));
        for form in &forms {
            for hay in [
                form.clone(),
                form.to_uppercase(),
                format!("{form} the plan"),
                format!("{form}ly,"),
            ] {
                assert!(head_passes(&heads, hay.as_bytes()), "{hay:?}");
            }
        }
        // Any walk the heads rule out finds no form.
        for word in [
            "administration",
            "committee",
            "strengthen",
            "Recovery",
            "as",
        ] {
            assert!(!head_passes(&heads, word.as_bytes()), "{word}");
            assert_eq!(trie.longest(word.as_bytes()), None, "{word}");
        }
        // Short words: the bytes past the text's end fold to 26.
        assert!(head_passes(&heads, b"say"));
        assert!(!head_passes(&heads, b"sa"));
    }

    #[test]
    fn the_longest_form_is_the_automatons_on_every_form_and_its_variants() {
        let forms = table_forms();
        assert!(forms.len() > 50);
        let (trie, ac) = (VerbTrie::new(&forms), automaton(&forms));
        for form in &forms {
            let cut = form.len().saturating_sub(1);
            for hay in [
                form.clone(),
                form.to_uppercase(),
                format!("{form} the plan"),
                format!("{}s that", form.to_uppercase()),
                format!("{form}ly,"),
                form.get(..cut).unwrap_or("").to_string(),
                format!("{form}\u{a0}to"),
                format!("{form}’"),
            ] {
                let hay = hay.as_bytes();
                assert_eq!(trie.longest(hay), by_automaton(&ac, hay), "{hay:?}");
            }
        }
        // "according to" and "told reporters": a phrase is the longest form.
        assert_eq!(
            trie.longest(b"According to him").map(|(len, _)| len),
            Some(12)
        );
        assert_eq!(trie.longest(b"sa"), None);
    }

    #[test]
    fn the_longest_form_is_the_automatons_on_generated_words() {
        // Forms that share prefixes, one twice in different case, and
        // bytes beyond ASCII.
        let forms: Vec<String> = [
            "say",
            "said",
            "says",
            "saying",
            "Said",
            "sa",
            "tell",
            "told",
            "told reporters",
            "téll",
            "ab",
            "abc",
            "abcd",
            "b",
        ]
        .iter()
        .map(|f| f.to_string())
        .collect();
        let (trie, ac) = (VerbTrie::new(&forms), automaton(&forms));
        let alphabet: Vec<&str> = vec![
            "s", "S", "a", "A", "i", "d", "y", "n", "g", " ", "t", "e", "é", "É", "l", "o", "r",
            "b", "c", "D", "p", "’",
        ];
        // 4,000 words drawn from the alphabet for each length up to four
        // (for length 0, the empty word each time), and forms with a drawn
        // tail, from a simple generator.
        let mut next = crate::testing::draws(12345);
        let mut drawn_matches = 0;
        for len in 0..=4 {
            for _ in 0..4000 {
                let hay: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
                let want = by_automaton(&ac, hay.as_bytes());
                assert_eq!(trie.longest(hay.as_bytes()), want, "{hay:?}");
                drawn_matches += usize::from(want.is_some());
            }
        }
        // Short forms ("b", "ab", "sa") start many drawn words: a few
        // hundred of them must match for the comparison to mean anything.
        assert!(drawn_matches > 400, "{drawn_matches}");
        for _ in 0..20000 {
            let start = forms[next(forms.len())].clone();
            let tail: String = (0..next(12))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let hay = format!("{start}{tail}");
            let want = by_automaton(&ac, hay.as_bytes());
            // Each of these words starts with a form, so a form is found.
            assert!(want.is_some(), "{hay:?}");
            assert_eq!(trie.longest(hay.as_bytes()), want, "{hay:?}");
        }
        // Of two forms alike but for case, the first is reported.
        assert_eq!(trie.longest(b"SAID so"), Some((4, 1)));
    }
}
