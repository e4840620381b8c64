//! Countries: every country named, by any of its names or demonyms.
//!
//! Every name, alias and demonym of `data/countries.tsv`, and every
//! look-alike phrase of `data/country_guards.tsv` ("New Mexico", "Islamic
//! State"), is one form of a single ASCII-case-insensitive trie whose walk
//! from a word start finds the longest form there, so "Papua New Guinea"
//! beats "Guinea" and "New Mexico" hides "Mexico". The scan walks the trie
//! from the word starts that a prefix table lets through, then checks each
//! match cheaply: word
//! boundaries, the case the form allows ("US" but not "us", "CANADIAN",
//! "british" but not "turkey"), currency and unit codes ("US$", "10 GB"),
//! person-like names ("Michael Jordan"), neighbour words ("Turkey dinner")
//! and, for "Georgia", the words around it. Forms that name two countries
//! ("Korea") are settled last, from what else the text names.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::analysis::Analysis;
use crate::document::TextSpan;
use crate::hash::FastMap;
use crate::pattern::CompileOnce;
use crate::tables;
use crate::text::{is_ascii_space, prefix_keys, run_start_back, word_key, KeySet, WordBytes};
use crate::Span;

/// An ISO 3166-1 alpha-2 code (`"CA"`), or `"XK"` for Kosovo. It serialises
/// as the two-letter string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code for two ASCII upper-case letters, or `None`.
    pub fn new(code: &str) -> Option<CountryCode> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                Some(CountryCode([a, b]))
            }
            _ => None,
        }
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII upper-case letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("ZZ")
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CountryCode, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        CountryCode::new(&s)
            .ok_or_else(|| serde::de::Error::custom("expected a two-letter country code"))
    }
}

/// A country the text names, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country<'h> {
    /// Its ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// Its short English name ("United Kingdom").
    #[serde(borrow)]
    pub name: Cow<'h, str>,
    /// Every mention, in order: names, short forms and demonyms as written.
    #[serde(borrow)]
    pub mentions: Vec<TextSpan<'h>>,
}

/// One row of the country table.
#[derive(Debug)]
struct Row {
    code: CountryCode,
    name: &'static str,
}

/// What a matched phrase stands for.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// A country: the index of its row.
    Country(usize),
    /// A word shared by several countries ("Korea"): their rows.
    Ambiguous(Vec<usize>),
    /// A look-alike phrase that hides the country words inside it.
    Block,
}

/// The form may be all lower case ("british", a demonym).
const LOWER_OK: u8 = 1;
/// The form is also a person's name ("Jordan").
const PERSON: u8 = 2;
/// The form is also an English word when written in capitals ("US").
const CAPS_WORD: u8 = 4;
/// The form is also a unit after a number ("10 GB").
const UNIT: u8 = 8;

/// A form of the trie: one phrase, case-folded, with every way the
/// table writes it.
#[derive(Debug)]
struct Entry {
    target: Target,
    flags: u8,
    /// The spellings the table gives (same letters, maybe other case):
    /// a range of `CountryFinder::written`.
    written: Range<u32>,
    /// Index into `CountryFinder::guards`, when the form has context rules.
    guard: Option<usize>,
}

impl Entry {
    /// The entry's spellings, out of every entry's `written`.
    fn spellings<'w>(&self, written: &'w [Cow<'static, str>]) -> &'w [Cow<'static, str>] {
        let Range { start, end } = self.written;
        written
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

/// One spelling that the tables give a form, before the spellings of the
/// same letters are merged into one [`Entry`].
struct Spelling {
    written: Cow<'static, str>,
    target: Target,
    flags: u8,
}

/// Context rules for one form.
#[derive(Debug, Default)]
struct Guard {
    /// Words that, following the form, make it something else (in any
    /// ASCII case).
    next: Vec<&'static str>,
    /// Words that, preceding the form, make it something else (in any
    /// ASCII case).
    prev: Vec<&'static str>,
    /// Words that, near the form, place it elsewhere ("Atlanta").
    local: Vec<&'static str>,
    /// Words that, near the form, confirm the country ("Tbilisi").
    abroad: Vec<&'static str>,
    /// One automaton over `abroad` then `local` words, so a window is read
    /// once; built when a window is first read (see [`Guard::context`]),
    /// or ahead of that by `Extractor::warm_up`.
    context: OnceLock<Option<AhoCorasick>>,
    /// Whether a mention with neither kind of word near stands as it is,
    /// rather than waiting on the rest of the text: for a form whose
    /// look-alike is the rarer sense ("Indian" of the Native nations).
    loose: bool,
}

impl Guard {
    /// The automaton over `abroad` then `local` words, or `None` when the
    /// guard has none. It is built the first time it is asked for: a
    /// window is read only for the rare mention with a guard, and most
    /// texts never ask for most guards'.
    fn context(&self) -> Option<&AhoCorasick> {
        self.context
            .get_or_init(|| {
                let words: Vec<&str> = self.abroad.iter().chain(&self.local).copied().collect();
                if words.is_empty() {
                    return None;
                }
                // An NFA, far quicker to build than the default DFA, finds
                // the same matches.
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .build(words)
                    .ok()
            })
            .as_ref()
    }
}

impl CompileOnce for Guard {
    fn compile(&self) {
        self.context();
    }

    #[cfg(test)]
    fn is_compiled(&self) -> bool {
        self.context.get().is_some()
    }
}

/// What the words near a mention say about it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Near {
    /// A word about the country.
    Abroad,
    /// Only words about a same-named place elsewhere.
    Local,
    /// Neither.
    Neither,
}

/// The last window read for a guard: `(guard, byte, verdict)`. A mention
/// within [`MEMO_REACH`] bytes of it takes the same verdict, so a text full
/// of one ambiguous name is still read about once per paragraph.
type Memo = Option<(usize, usize, Near)>;

/// Where a scan stands: the first byte a mention may start at (past the
/// last one), and the last window verdict.
struct ScanState {
    resume: usize,
    memo: Memo,
}

impl ScanState {
    fn new(within: Span) -> ScanState {
        ScanState {
            resume: within.start,
            memo: None,
        }
    }
}

/// How close a later mention must be to reuse a window verdict.
const MEMO_REACH: usize = 200;

/// How far around a mention `local` and `abroad` words are looked for, in
/// bytes: about a paragraph, and a constant so the pass stays linear.
const WINDOW: usize = 400;

/// Words that may stand next to a person-like country name ("Jordan") without
/// making it a person's name: function words and sentence openers.
const NOT_NAMES: &[&str] = &[
    "A",
    "About",
    "Across",
    "After",
    "Against",
    "All",
    "Also",
    "An",
    "And",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Between",
    "Both",
    "But",
    "By",
    "Central",
    "Do",
    "During",
    "Each",
    "Eastern",
    "Either",
    "For",
    "From",
    "Has",
    "Have",
    "He",
    "How",
    "If",
    "In",
    "Including",
    "Into",
    "Is",
    "It",
    "Its",
    "Like",
    "Neither",
    "Nor",
    "Northern",
    "Now",
    "Of",
    "On",
    "Or",
    "Our",
    "Over",
    "She",
    "Since",
    "So",
    "Southern",
    "That",
    "The",
    "Their",
    "They",
    "This",
    "Through",
    "To",
    "Under",
    "Until",
    "Via",
    "Visit",
    "Visiting",
    "Was",
    "We",
    "Were",
    "Western",
    "When",
    "Where",
    "While",
    "Will",
    "With",
    "Within",
    "Would",
];

/// Titles that make the next capitalised word a person's name.
const PERSON_TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Rep.", "Sen.", "Coach", "Sir",
    "Dame",
];

/// Titles that only ever stand before a person's name, so that any country
/// word right after one is a name, whatever the word ("Rep. French Hill",
/// "Mr. Israel"). "Miss" and "Coach" are left out: "Miss America" is a
/// pageant, and "coach" may be a plain noun.
const NAME_TITLES: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Rep.", "Sen.", "Sir", "Dame",
];

/// Capital words that may follow the pronoun "US" in capital text; any other
/// capital word after it is taken for an acronym ("US DOT", "US NSA").
const CAPS_FUNCTION_WORDS: &[&str] = &[
    "ABOUT", "ALL", "ALONE", "AND", "AS", "AT", "BACK", "BY", "FOR", "FROM", "HERE", "IN", "KNOW",
    "NOW", "OF", "ON", "OR", "OUT", "THE", "TO", "TODAY", "TOGETHER", "TOO", "UP", "WITH",
];

/// The compiled country matcher.
#[derive(Debug)]
pub(crate) struct CountryFinder {
    rows: Vec<Row>,
    entries: Vec<Entry>,
    /// The spellings of every entry, each entry's side by side.
    written: Vec<Cow<'static, str>>,
    guards: Vec<Guard>,
    /// Every form; a form's entry has the same index.
    forms: FormTrie,
    /// The first two bytes of every form, in the cases it may be written.
    starts: Starts,
    /// The row of the United States, looked up once: every resolution asks.
    us: Option<usize>,
}

/// The longest stretch a form may cover, in bytes (the longest form is about
/// 60), and so the window that one anchored match reads.
const MAX_FORM: usize = 96;

/// The forms as a trie over their bytes, ASCII letters folded to lower
/// case (other bytes as they are). The walk from a word start finds the
/// longest form there, as an anchored leftmost-longest ASCII-case-insensitive
/// automaton would, and the trie is much cheaper to build: forms are only
/// ever matched anchored, so no failure links are needed, and the forms,
/// sorted, lay the nodes down in one pass.
#[derive(Debug)]
struct FormTrie {
    /// The nodes depth first, the root first, each node's children in byte
    /// order: a node's first child is the next node.
    nodes: Vec<TrieNode>,
    /// Each node's other children as `(byte, node)`, contiguous and in byte
    /// order (the root's are in `root`).
    edges: Vec<(u8, u32)>,
    /// The root's children by byte (0 for none: the root is no one's
    /// child), so that the first step, where most walks end, is one load.
    root: Vec<u32>,
    /// The nodes four bytes deep, by those bytes, so that a walk starts
    /// there in one look-up: the first steps are the costly ones, through
    /// the nodes with the most children.
    quads: QuadTable,
}

/// The nodes four bytes down a [`FormTrie`], hashed by their four bytes
/// with linear probing. A node left out (were there ever more than
/// `QUAD_SLOTS / 2` of them) only sends its walks the long way, from the
/// root.
#[derive(Debug)]
struct QuadTable {
    slots: Box<[Quad; QUAD_SLOTS]>,
    /// The slots in use.
    len: usize,
}

/// Slots of a [`QuadTable`]: a power of two, and at least twice the nodes
/// four bytes deep (about 340), so that a look-up seldom probes twice.
const QUAD_SLOTS: usize = 1024;

/// One slot of a [`QuadTable`].
#[derive(Debug, Clone, Copy)]
struct Quad {
    /// The node's four bytes, as the walk reads them, as a little-endian
    /// word.
    key: u32,
    /// The node, or 0 (the root, four bytes from any such node) for an
    /// empty slot.
    node: u32,
    /// The longest match shorter than four bytes on the way to the node:
    /// its length and form, as a walk's `best`.
    best: (usize, u32),
}

impl Quad {
    /// An empty slot.
    const EMPTY: Quad = Quad {
        key: 0,
        node: 0,
        best: (0, NO_FORM),
    };
}

impl QuadTable {
    /// An empty table.
    fn new() -> QuadTable {
        QuadTable {
            slots: Box::new([Quad::EMPTY; QUAD_SLOTS]),
            len: 0,
        }
    }

    /// The slot where the probe for `key` starts: the top bits of a
    /// multiplicative hash.
    #[inline]
    fn home(key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> (32 - QUAD_SLOTS.trailing_zeros())) as usize
    }

    /// Adds `quad` unless its key is in already, or unless the table is
    /// half full: a probe then always meets an empty slot.
    fn insert(&mut self, quad: Quad) {
        if self.len >= QUAD_SLOTS / 2 {
            return;
        }
        let mut slot = QuadTable::home(quad.key);
        while let Some(at) = self.slots.get_mut(slot % QUAD_SLOTS) {
            if at.node == 0 {
                *at = quad;
                self.len += 1;
                return;
            }
            if at.key == quad.key {
                return;
            }
            slot += 1;
        }
    }

    /// The slot of the node whose four bytes are `key`, if there is one.
    #[inline(always)]
    fn get(&self, key: u32) -> Option<&Quad> {
        let mut slot = QuadTable::home(key);
        loop {
            let at = self.slots.get(slot % QUAD_SLOTS)?;
            if at.node == 0 {
                return None;
            }
            if at.key == key {
                return Some(at);
            }
            slot += 1;
        }
    }
}

/// A node of a [`FormTrie`].
#[derive(Debug, Clone, Copy)]
struct TrieNode {
    /// The byte of the node's first child, the next node, or [`NO_CHILD`]:
    /// most steps of a walk go on down a form's only continuation, and take
    /// it without reading `edges`.
    first_byte: u8,
    /// The node's other children: `edges[first_edge..first_edge + others]`
    /// (bytes are distinct, so there are at most 255).
    others: u8,
    first_edge: u32,
    /// The form that ends here, or [`NO_FORM`].
    form: u32,
}

/// The `first_byte` of a node without children: an upper-case letter,
/// which a walk's bytes, folded to lower case, never are.
const NO_CHILD: u8 = b'A';

/// The `form` of a node where no form ends.
const NO_FORM: u32 = u32::MAX;

impl TrieNode {
    /// A node without children where no form ends.
    const EMPTY: TrieNode = TrieNode {
        first_byte: NO_CHILD,
        others: 0,
        first_edge: 0,
        form: NO_FORM,
    };
}

impl FormTrie {
    /// The trie of `forms`, given in the order of their bytes folded to
    /// lower case; a match reports a form's index in `forms`.
    fn new(forms: &[&str]) -> FormTrie {
        let mut nodes = vec![TrieNode::EMPTY];
        let mut root = vec![0; 256];
        // The nodes of the last form's bytes, by depth, from the root: in
        // sorted order, a form shares with the last one every node it
        // shares with an earlier one.
        let mut path: Vec<u32> = vec![0];
        // Every child but a first one and the root's, as `(parent, byte,
        // child)`, in the order laid down.
        let mut others: Vec<(u32, u8, u32)> = Vec::new();
        let mut last: &[u8] = &[];
        for (form, index) in forms.iter().zip(0u32..) {
            let bytes = form.as_bytes();
            let shared = bytes
                .iter()
                .zip(last)
                .take_while(|&(&a, &b)| lower(a) == lower(b))
                .count();
            path.truncate(shared + 1);
            for &byte in bytes.get(shared..).unwrap_or_default() {
                let byte = lower(byte);
                let child = nodes.len() as u32;
                let Some(&parent) = path.last() else { break };
                if parent == 0 {
                    if let Some(slot) = root.get_mut(usize::from(byte)) {
                        *slot = child;
                    }
                } else if let Some(at) = nodes.get_mut(parent as usize) {
                    if child == parent + 1 {
                        at.first_byte = byte;
                    } else {
                        at.others = at.others.saturating_add(1);
                        others.push((parent, byte, child));
                    }
                }
                nodes.push(TrieNode::EMPTY);
                path.push(child);
            }
            // Were there two alike, the first would win, as in an automaton.
            if let Some(end) = path.last().and_then(|&n| nodes.get_mut(n as usize)) {
                if end.form == NO_FORM {
                    end.form = index;
                }
            }
            last = bytes;
        }
        // Grouped by parent in node order, each group still in byte order.
        // Every node knows how many other children it has, so each group's
        // place is known without sorting: `first_edge` first marks where
        // the group ends, and the edges, laid down from the last, move it
        // back to where the group starts.
        let mut end = 0;
        for at in &mut nodes {
            end += u32::from(at.others);
            at.first_edge = end;
        }
        let mut edges = vec![(0, 0); others.len()];
        for &(parent, byte, child) in others.iter().rev() {
            if let Some(at) = nodes.get_mut(parent as usize) {
                at.first_edge = at.first_edge.saturating_sub(1);
                if let Some(edge) = edges.get_mut(at.first_edge as usize) {
                    *edge = (byte, child);
                }
            }
        }
        let mut trie = FormTrie {
            nodes,
            edges,
            root,
            quads: QuadTable::new(),
        };
        for form in forms {
            if let Some(quad) = form.as_bytes().get(..4).and_then(|b| trie.quad(b)) {
                trie.quads.insert(quad);
            }
        }
        trie
    }

    /// The slot for the node that the four bytes `four` lead to, found
    /// by the steps of a walk; `None` when there is none, or when a byte
    /// is a non-breaking space's lead byte (which a walk may read with the
    /// next, and which sends a walk the long way).
    fn quad(&self, four: &[u8]) -> Option<Quad> {
        let key = u32::from_le_bytes(four.try_into().ok()?);
        if has_byte(key, 0xC2) {
            return None;
        }
        let mut best = (0, self.nodes.first()?.form);
        let mut node = 0;
        for (len, &byte) in four.iter().enumerate() {
            let at = self.nodes.get(node)?;
            if node != 0 && at.form != NO_FORM {
                best = (len, at.form);
            }
            node = if node == 0 {
                self.root
                    .get(usize::from(lower(byte)))
                    .map_or(0, |&n| n as usize)
            } else {
                self.child(at, node, lower(byte))
            };
            if node == 0 {
                return None;
            }
        }
        Some(Quad {
            key: fold4(key),
            node: node as u32,
            best,
        })
    }

    /// The child of `node` (not the root), whose entry is `at`, by the
    /// folded byte `byte`, or 0 for none.
    #[inline(always)]
    fn child(&self, at: &TrieNode, node: usize, byte: u8) -> usize {
        if at.first_byte == byte {
            node + 1
        } else if at.others == 0 {
            0
        } else {
            let first = at.first_edge as usize;
            self.edges
                .get(first..first + usize::from(at.others))
                .unwrap_or_default()
                .iter()
                .find(|(b, _)| *b == byte)
                .map_or(0, |&(_, child)| child as usize)
        }
    }

    /// The index of the form that is the whole of `phrase` (as
    /// [`longest`](FormTrie::longest) reads it), if there is one.
    fn exact(&self, phrase: &str) -> Option<usize> {
        let (len, form) = self.longest(phrase.as_bytes())?;
        (len == phrase.len()).then_some(form)
    }

    /// The longest form that `window` starts with, a non-breaking space
    /// read as a space ("North\u{a0}Korea"): its length in bytes of
    /// `window` and its index.
    #[inline(always)]
    fn longest(&self, window: &[u8]) -> Option<(usize, usize)> {
        // Four plain bytes lead straight to their node, if any. A window
        // shorter than four bytes, one whose first four hold a 0xC2 byte (a
        // non-breaking space may be read as a space), and four bytes that
        // lead to no node (where a form shorter than four bytes may still
        // match) take every step from the root.
        let four = window
            .get(..4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_le_bytes)
            .filter(|&word| !has_byte(word, 0xC2));
        if let Some(quad) = four.and_then(|word| self.quads.get(fold4(word))) {
            return self.walk(window, quad.node as usize, 4, quad.best);
        }
        self.longest_from_root(window)
    }

    /// [`longest`](FormTrie::longest) by every step from the root.
    #[inline(always)]
    fn longest_from_root(&self, window: &[u8]) -> Option<(usize, usize)> {
        let best = (0, self.nodes.first()?.form);
        let Some((byte, len)) = trie_byte(window, 0) else {
            return best_match(best);
        };
        let node = self.root.get(usize::from(byte)).map_or(0, |&n| n as usize);
        self.walk(window, node, len, best)
    }

    /// The walk of [`longest`](FormTrie::longest) on from `node` (0 for
    /// none), reached by the first `len` bytes of `window`, with `best` the
    /// longest match on the way.
    #[inline(always)]
    fn walk(
        &self,
        window: &[u8],
        mut node: usize,
        mut len: usize,
        mut best: (usize, u32),
    ) -> Option<(usize, usize)> {
        // Node 0, the root, is no one's child.
        while let Some(at) = self.nodes.get(node).filter(|_| node != 0) {
            if at.form != NO_FORM {
                best = (len, at.form);
            }
            let Some((byte, width)) = trie_byte(window, len) else {
                break;
            };
            node = self.child(at, node, byte);
            len += width;
        }
        best_match(best)
    }
}

/// A walk's longest match `(len, form)` as [`FormTrie::longest`] reports
/// it: `None` when no form matched.
#[inline(always)]
fn best_match((len, form): (usize, u32)) -> Option<(usize, usize)> {
    (form != NO_FORM).then_some((len, form as usize))
}

/// The four bytes of `word` (little-endian) with ASCII capitals lowered,
/// as [`lower`] lowers each: a byte is a capital when its low seven bits
/// reach 'A' but not past 'Z' and its top bit is clear. No sum carries
/// into the next byte.
#[inline(always)]
fn fold4(word: u32) -> u32 {
    let low = word & 0x7F7F_7F7F;
    let from_a = low.wrapping_add(0x3F3F_3F3F);
    let past_z = low.wrapping_add(0x2525_2525);
    let capitals = from_a & !past_z & !word & 0x8080_8080;
    word | (capitals >> 2)
}

/// `b` with an ASCII capital lowered, by [`LOWER`]: one load where
/// `u8::to_ascii_lowercase` takes a compare and three more steps, on the
/// path of every step of a walk.
#[inline(always)]
fn lower(b: u8) -> u8 {
    LOWER.get(usize::from(b)).copied().unwrap_or(b)
}

/// Every byte with ASCII capitals lowered.
// Const evaluation checks every index of this table at compile time.
#[allow(clippy::indexing_slicing)]
const LOWER: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

/// The byte at `i` of `window` as the trie reads it, an ASCII letter folded
/// to lower case and a non-breaking space read as a space, and how many
/// bytes of `window` it takes.
#[inline(always)]
fn trie_byte(window: &[u8], i: usize) -> Option<(u8, usize)> {
    let raw = *window.get(i)?;
    // The test for a non-breaking space's lead byte comes first: every
    // other byte then costs one comparison.
    if raw != 0xC2 {
        Some((lower(raw), 1))
    } else if window.get(i + 1) == Some(&0xA0) {
        Some((b' ', 2))
    } else {
        Some((raw, 1))
    }
}

/// The prefixes that forms may start with, in every case a match of them
/// may count in, so that a word that begins no form costs one table
/// lookup. The test is a filter and nothing more: what counts is decided
/// by the trie and the tests after it, never by which casings the filter
/// holds or by a hash collision (a test checks).
/// Forms of four bytes or more are tested on their first four (two would
/// let "The" through for "Thailand"); shorter ones ("US") on their first
/// two.
#[derive(Debug)]
struct Starts {
    /// The word keys (`text::word_key`) forms start with, in any case: the
    /// first test, on a key every word start carries already.
    keys: KeySet,
    /// By the hash of a prefix's first two bytes ([`pair_slot`]), the
    /// hashes of the two bytes that follow them in some form
    /// ([`pair_bit`]), one bit each; every bit for the first two bytes of
    /// a short form, which any bytes may follow. One load tests both
    /// kinds of form.
    pairs: Box<[u64; PAIR_SLOTS]>,
}

/// Entries of [`Starts::pairs`]: one for each 12-bit hash.
const PAIR_SLOTS: usize = 1 << 12;

impl Default for Starts {
    fn default() -> Starts {
        Starts {
            keys: KeySet::new(),
            pairs: Box::new([0; PAIR_SLOTS]),
        }
    }
}

/// The 12-bit hash of the first two bytes of a four-byte prefix: its entry
/// in [`Starts::pairs`].
#[inline]
fn pair_slot(prefix: u32) -> usize {
    ((prefix & 0xFFFF).wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// The 6-bit hash of the last two bytes of a four-byte prefix: its bit in
/// its entry of [`Starts::pairs`].
#[inline]
fn pair_bit(prefix: u32) -> u32 {
    (prefix >> 16).wrapping_mul(0x9E37_79B1) >> 26
}

/// The first four bytes at `i`, as a little-endian word (zero past the
/// end). A non-breaking space counts as one space, as in matching.
#[inline(always)]
fn prefix4(bytes: &[u8], i: usize) -> u32 {
    let word = bytes
        .get(i..i + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(u32::from_le_bytes);
    match word {
        Some(word) if !has_byte(word, 0xC2) => word,
        _ => u32::from_le_bytes(prefix4_spaced(bytes, i)),
    }
}

/// Whether one of the four bytes of `word` is `byte`: where a byte of
/// `word ^ byte…` is zero, subtracting one borrows into its top bit.
#[inline(always)]
fn has_byte(word: u32, byte: u8) -> bool {
    let x = word ^ u32::from_ne_bytes([byte; 4]);
    x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080 != 0
}

/// [`prefix4`] near the end of the text or of a non-breaking space, each
/// non-breaking space read as a space; [`Starts::may_start`] reads the
/// last bytes of a text this way.
#[cold]
fn prefix4_spaced(bytes: &[u8], i: usize) -> [u8; 4] {
    let mut out = [0u8; 4];
    let mut k = i;
    for slot in &mut out {
        let Some(&b) = bytes.get(k) else { break };
        if b == 0xC2 && bytes.get(k + 1) == Some(&0xA0) {
            *slot = b' ';
            k += 2;
        } else {
            *slot = b;
            k += 1;
        }
    }
    out
}

impl Starts {
    /// Whether some form may start at byte `i`: a test of the four bytes
    /// there as they are, a non-breaking space read as its two bytes (the
    /// table holds those spellings too, see [`Starts::add`]), so that the
    /// test of a word start takes one path, whatever it reads
    /// ([`WordBytes::for_each_start_where`] keeps the verdict as a bit).
    /// Within four bytes of the end of the text it reads them as
    /// [`prefix4_spaced`] does, a non-breaking space as a space: the
    /// table holds the spellings with plain spaces too.
    #[inline]
    fn may_start(&self, bytes: &[u8], i: usize) -> bool {
        let p = bytes
            .get(i..i + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or_else(
                || u32::from_le_bytes(prefix4_spaced(bytes, i)),
                u32::from_le_bytes,
            );
        self.pairs
            .get(pair_slot(p))
            .is_some_and(|&bits| bits >> pair_bit(p) & 1 != 0)
    }

    /// Adds the prefixes of a form's spellings `written` in every case
    /// a match may count in ([`counting_casings`]).
    fn add(&mut self, written: &[Cow<'static, str>], entry: &Entry) {
        for written in written {
            let bytes = written.as_bytes();
            for key in prefix_keys(bytes) {
                self.keys.insert(key);
            }
            // Text may hold a non-breaking space (two bytes, both folding
            // to 26) where the form has its space.
            if let [first, b' ', ..] = *bytes {
                for key in prefix_keys(&[first, 0xC2, 0xA0]) {
                    self.keys.insert(key);
                }
            }
            counting_casings(prefix4(bytes, 0).to_le_bytes(), entry, |case| {
                nbsp_spellings(case, |raw| {
                    let raw = u32::from_le_bytes(raw);
                    if let Some(bits) = self.pairs.get_mut(pair_slot(raw)) {
                        *bits |= if written.len() >= 4 {
                            1 << pair_bit(raw)
                        } else {
                            u64::MAX
                        };
                    }
                });
            });
        }
    }
}

/// Gives `add` the first four bytes of `prefix` with each mix of its
/// spaces written as non-breaking spaces (two bytes each), `prefix` itself
/// among them: how the text may hold the start of a form, byte for byte.
fn nbsp_spellings(prefix: [u8; 4], mut add: impl FnMut([u8; 4])) {
    let spaces = prefix
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b' ')
        .fold(0u8, |mask, (k, _)| mask | 1 << k);
    // Most forms have no space in their first four bytes: the prefix as
    // it is, without the byte-by-byte rewrite below.
    if spaces == 0 {
        add(prefix);
        return;
    }
    // Every subset of the spaces, down to none.
    let mut chosen = spaces;
    loop {
        let mut raw = [0u8; 8];
        let mut len = 0;
        for (k, &b) in prefix.iter().enumerate() {
            let bytes: &[u8] = if chosen >> k & 1 == 1 {
                &[0xC2, 0xA0]
            } else {
                &[b]
            };
            for &b in bytes {
                if let Some(slot) = raw.get_mut(len) {
                    *slot = b;
                }
                len += 1;
            }
        }
        if let Some(&four) = raw.first_chunk::<4>() {
            add(four);
        }
        if chosen == 0 {
            break;
        }
        chosen = (chosen - 1) & spaces;
    }
}

/// Gives `add` the cases the first four bytes `prefix` of a spelling may
/// take in a match that counts: for a look-alike phrase, every mix of
/// ASCII cases (the trie matches it in any case, and it is skipped before
/// any case test); for a form, at least every case [`case_fits`] may
/// accept: as written, with letters that begin a word raised
/// ([`title_case_of`]), in capitals, and in lower case for the forms that
/// may be lower case.
fn counting_casings(prefix: [u8; 4], entry: &Entry, mut add: impl FnMut([u8; 4])) {
    if entry.target == Target::Block {
        for mask in 0..16u8 {
            add(flip_case_at(prefix, mask));
        }
        return;
    }
    add(prefix.map(|b| b.to_ascii_uppercase()));
    if entry.flags & LOWER_OK != 0 {
        add(prefix.map(|b| b.to_ascii_lowercase()));
    }
    let mut raisable = 0u8;
    let mut after_letter = false;
    for (k, &b) in prefix.iter().enumerate() {
        if b.is_ascii_lowercase() && !after_letter {
            raisable |= 1 << k;
        }
        after_letter = b.is_ascii_alphabetic();
    }
    // Every subset of the raisable letters, down to none (as written).
    let mut raised = raisable;
    loop {
        add(flip_case_at(prefix, raised));
        if raised == 0 {
            break;
        }
        raised = (raised - 1) & raisable;
    }
}

/// `prefix` with the ASCII case of byte `k` swapped for each bit `k` of
/// `mask`.
fn flip_case_at(prefix: [u8; 4], mask: u8) -> [u8; 4] {
    let mut out = prefix;
    for (k, b) in out.iter_mut().enumerate() {
        if mask >> k & 1 == 1 && b.is_ascii_alphabetic() {
            *b ^= 0x20;
        }
    }
    out
}

/// A mention found before ambiguous forms are settled.
struct Raw {
    /// The row of the country (unused while `ambiguous`).
    target: usize,
    /// The entry of a form that names several countries.
    ambiguous: Option<usize>,
    /// A form that may be something else ("Georgia") and that nothing near
    /// settled: kept only beside another country or when the text is not
    /// about the United States.
    pending: bool,
    span: Span,
}

impl Raw {
    /// Whether the mention was settled as found: neither a form that names
    /// several countries nor one waiting on the rest of the text.
    #[inline]
    fn is_settled(&self) -> bool {
        self.ambiguous.is_none() && !self.pending
    }

    /// The bytes between the end of this mention and the start of `next`
    /// (`usize::MAX` when `next` does not follow it).
    fn end_gap(&self, next: &Raw) -> usize {
        next.span
            .start
            .checked_sub(self.span.end)
            .unwrap_or(usize::MAX)
    }
}

/// The mentions a scan finds, in order, and what settling them takes,
/// kept as each is found so that no pass over them is needed for it: the
/// rows named plainly, each row's settled mentions, and the mentions left
/// to settle.
struct Mentions {
    raw: Vec<Raw>,
    /// One flag per row (none when the tally is not wanted).
    plain: Vec<bool>,
    /// One count per row, as `plain`.
    counts: Vec<usize>,
    /// The indices in `raw` of the mentions not settled as found.
    unsettled: Vec<usize>,
}

impl Mentions {
    /// Room for `capacity` mentions, and a tally for `rows` rows.
    fn new(capacity: usize, rows: usize) -> Mentions {
        Mentions {
            raw: Vec::with_capacity(capacity),
            plain: vec![false; rows],
            counts: vec![0; rows],
            unsettled: Vec::new(),
        }
    }

    /// Adds the next mention.
    fn push(&mut self, r: Raw) {
        if r.is_settled() {
            if let (Some(flag), Some(n)) =
                (self.plain.get_mut(r.target), self.counts.get_mut(r.target))
            {
                *flag = true;
                *n += 1;
            }
        } else {
            self.unsettled.push(self.raw.len());
        }
        self.raw.push(r);
    }
}

/// How many bytes may separate two countries of one list ("Georgia, and the
/// Republic of Moldova").
const LIST_GAP: usize = 12;

/// What becomes of one trie match.
enum Verdict {
    /// Not a mention: the search resumes inside the match.
    Reject,
    /// A look-alike phrase: consumed, and nothing inside it counts.
    Skip,
    /// A mention, maybe still to be settled.
    Accept {
        target: usize,
        ambiguous: Option<usize>,
        pending: bool,
    },
}

impl CountryFinder {
    /// The rules compiled on first use (see `Extractor::warm_up`): the
    /// guards' context words.
    pub(crate) fn lazy_rules<'r>(&'r self, out: &mut Vec<&'r dyn CompileOnce>) {
        out.extend(self.guards.iter().map(|g| g as &dyn CompileOnce));
    }

    /// Parses the country and look-alike tables and builds one trie
    /// over every form, so that a text is matched in a single pass.
    pub(crate) fn new() -> CountryFinder {
        let mut rows = Vec::with_capacity(256);
        // Room for every spelling of the tables (about 1,150), so that the
        // list is not grown step by step.
        let mut spellings: Vec<Spelling> = Vec::with_capacity(2048);
        let mut shared: FastMap<&'static str, (Vec<usize>, u8)> = FastMap::default();

        for row in tables::rows(tables::COUNTRIES) {
            let (Some(code), Some(&name)) =
                (row.first().and_then(|c| CountryCode::new(c)), row.get(3))
            else {
                continue;
            };
            let index = rows.len();
            rows.push(Row { code, name });
            for (column, demonym) in [(3, false), (4, false), (5, false), (6, true)] {
                let Some(cell) = row.get(column) else {
                    continue;
                };
                if *cell == "-" {
                    continue;
                }
                for form in tables::split_on(cell, b'|') {
                    let (flags, form, ambiguous) = parse_form(form, demonym);
                    let Some(form) = form else { continue };
                    if ambiguous {
                        let (rows_of, all_flags) = shared.entry(form).or_default();
                        if !rows_of.contains(&index) {
                            rows_of.push(index);
                        }
                        *all_flags |= flags;
                        continue;
                    }
                    spellings.extend(variants(form).map(|written| Spelling {
                        written,
                        target: Target::Country(index),
                        flags,
                    }));
                }
            }
        }
        let mut shared: Vec<(&str, (Vec<usize>, u8))> = shared.into_iter().collect();
        shared.sort();
        for (form, (rows_of, flags)) in shared {
            spellings.push(Spelling {
                written: Cow::Borrowed(form),
                target: Target::Ambiguous(rows_of),
                flags,
            });
        }
        // The context rules name forms: they are read once every form is in.
        let mut rules = Vec::new();
        for row in tables::rows(tables::COUNTRY_GUARDS) {
            match (row.first(), row.get(2)) {
                (Some(&"block"), Some(words)) => {
                    for phrase in tables::split_on(words, b'|') {
                        spellings.extend(variants(phrase).map(|written| Spelling {
                            written,
                            target: Target::Block,
                            flags: 0,
                        }));
                    }
                }
                _ => rules.push(row),
            }
        }

        let (entries, written) = merge(&spellings);
        let mut starts = Starts::default();
        for entry in &entries {
            starts.add(entry.spellings(&written), entry);
        }
        let firsts: Vec<&str> = entries
            .iter()
            .map(|e| e.spellings(&written).first().map_or("", |w| w))
            .collect();
        let forms = FormTrie::new(&firsts);
        let us = rows.iter().position(|r| r.code.as_str() == "US");
        let mut finder = CountryFinder {
            rows,
            entries,
            written,
            guards: Vec::new(),
            forms,
            starts,
            us,
        };
        for row in rules {
            finder.add_rule(&row);
        }
        finder
    }

    /// Adds one row of context rules (`kind, form, words`) to the form's
    /// guard.
    fn add_rule(&mut self, row: &[&'static str]) {
        let (Some(&kind), Some(form), Some(words)) = (row.first(), row.get(1), row.get(2)) else {
            return;
        };
        let Some(entry) = self
            .forms
            .exact(form)
            .and_then(|entry| self.entries.get_mut(entry))
        else {
            return;
        };
        let guard = *entry.guard.get_or_insert_with(|| {
            self.guards.push(Guard::default());
            self.guards.len() - 1
        });
        let Some(guard) = self.guards.get_mut(guard) else {
            return;
        };
        let list = match kind {
            "loose" => {
                guard.loose = true;
                return;
            }
            "next" => &mut guard.next,
            "prev" => &mut guard.prev,
            "local" => &mut guard.local,
            "abroad" => &mut guard.abroad,
            _ => return,
        };
        list.extend(tables::split_on(words, b'|'));
    }

    /// The country that a name, short form or demonym names, such as the
    /// country word of a speaker's role ("Australian", "United States",
    /// "U.S."), or `None`.
    ///
    /// The phrase may hold other words ("Australian Attorney General"): the
    /// first country word in it counts, under the same case rules and guards
    /// as in running text.
    pub(crate) fn lookup(&self, phrase: &str) -> Option<CountryCode> {
        let mut raw = Mentions::new(0, 0);
        let within = Span::new(0, phrase.len());
        let mut scan = ScanState::new(within);
        // The word starts of `WordBytes`, read off the characters: for a
        // phrase of a few words, building its bit masks costs more.
        let mut in_word = false;
        for (i, c) in phrase.char_indices() {
            let word = c.is_alphanumeric();
            if word
                && !in_word
                && self.starts.keys.contains(word_key(phrase.as_bytes(), i))
                && self.starts.may_start(phrase.as_bytes(), i)
            {
                self.try_start(phrase, within, i, &mut scan, &mut raw);
            }
            in_word = word;
        }
        if raw.raw.is_empty() {
            return None;
        }
        let resolved = self.resolve(raw.raw);
        resolved
            .first()
            .and_then(|(row, _)| self.rows.get(*row))
            .map(|r| r.code)
    }

    /// The country `phrase` is a form of, when it is nothing else, and
    /// whether the form is a demonym: a country's name or short form, or a
    /// demonym, whole ("Saudi Arabia", "the United States", "Americans");
    /// not a phrase that holds one ("Jordan Smith").
    pub(crate) fn whole_form(&self, phrase: &str) -> Option<(CountryCode, bool)> {
        let bare = phrase
            .strip_prefix("the ")
            .or_else(|| phrase.strip_prefix("The "))
            .unwrap_or(phrase);
        let form = self.forms.exact(bare)?;
        let demonym = self.entries.get(form)?.flags & LOWER_OK != 0;
        Some((self.lookup(bare)?, demonym))
    }

    /// Countries named in the analysed text, outside boilerplate.
    pub(crate) fn find<'h>(&self, analysis: &Analysis<'h>) -> Vec<Country<'h>> {
        let text = analysis.text;
        let words = analysis.words();
        let content = analysis.content();
        let spans = || content.spans.iter().copied();
        // Room for a mention every 256 bytes (press releases hold about one
        // every 300), so that a long text's list seldom grows: each growth
        // of a large list moves it whole.
        let rows = self.rows.len();
        let mut found = Mentions::new(text.len() / 256, rows);
        match content.walk {
            Some(walk) => self.scan(text, words, spans(), walk.end, &mut found),
            None => {
                for span in spans() {
                    self.scan(text, words, std::iter::once(span), span.end, &mut found);
                }
            }
        }
        let mut countries: Vec<Country<'h>> = Vec::new();
        let Mentions {
            raw,
            plain,
            mut counts,
            unsettled,
        } = found;
        if raw.is_empty() {
            return countries;
        }
        // The few mentions left to settle are settled from the rows named
        // plainly, and one pass hands every mention to its country. Each
        // country's list is made at its full length once: grown a mention
        // at a time, a long text's lists were moved hundreds of times.
        let about_us = self.about_us(&plain);
        let settled: Vec<Option<usize>> = unsettled
            .iter()
            .map(|&i| self.settle(&raw, i, &plain, about_us))
            .collect();
        for row in settled.iter().flatten() {
            if let Some(n) = counts.get_mut(*row) {
                *n += 1;
            }
        }
        let mut settled = settled.into_iter();
        // For each row, its place in `countries` once it has one (a small
        // type, so that the table, one entry per row, is cheap to make).
        let mut slot: Vec<Option<u16>> = vec![None; rows];
        for r in &raw {
            let row = if r.is_settled() {
                r.target
            } else {
                match settled.next().flatten() {
                    Some(row) => row,
                    None => continue,
                }
            };
            let Some(at) = slot.get_mut(row) else {
                continue;
            };
            let i = match at {
                Some(i) => usize::from(*i),
                None => {
                    let Some(info) = self.rows.get(row) else {
                        continue;
                    };
                    *at = Some(countries.len() as u16);
                    countries.push(Country {
                        code: info.code,
                        name: Cow::Borrowed(info.name),
                        mentions: Vec::with_capacity(counts.get(row).copied().unwrap_or(0)),
                    });
                    countries.len() - 1
                }
            };
            if let Some(country) = countries.get_mut(i) {
                country.mentions.push(TextSpan::at(text, r.span));
            }
        }
        countries
    }

    /// Settles the forms that name several countries: each goes to the one
    /// of them that the text names plainly elsewhere, or is dropped when the
    /// text names none or several of them.
    ///
    /// A pending mention ("Georgia" with nothing near to tell the state from
    /// the country) stays when another country stands within a few bytes (a
    /// list of countries) or when the text never names the United States.
    fn resolve(&self, raw: Vec<Raw>) -> Vec<(usize, Span)> {
        // Which rows the text names plainly: one flag per row, so settling
        // stays linear in the number of mentions.
        let mut plain = vec![false; self.rows.len()];
        for r in raw.iter().filter(|r| r.is_settled()) {
            if let Some(flag) = plain.get_mut(r.target) {
                *flag = true;
            }
        }
        let about_us = self.about_us(&plain);
        raw.iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let row = if r.is_settled() {
                    Some(r.target)
                } else {
                    self.settle(&raw, i, &plain, about_us)
                };
                row.map(|row| (row, r.span))
            })
            .collect()
    }

    /// Whether the text names the United States plainly, by the flags of
    /// the rows it names plainly.
    fn about_us(&self, plain: &[bool]) -> bool {
        self.us
            .is_some_and(|us| plain.get(us).copied().unwrap_or(false))
    }

    /// The row that mention `i` of `raw`, one not settled as found, comes
    /// to, or `None` when it is dropped (see [`CountryFinder::resolve`]):
    /// `plain` flags the rows named plainly, and `about_us` whether the
    /// United States is one of them.
    fn settle(&self, raw: &[Raw], i: usize, plain: &[bool], about_us: bool) -> Option<usize> {
        let r = raw.get(i)?;
        if r.pending {
            let us = self.us;
            let beside = |j: usize| {
                raw.get(j).is_some_and(|o| {
                    o.is_settled()
                        && Some(o.target) != us
                        && (o.end_gap(r) <= LIST_GAP || r.end_gap(o) <= LIST_GAP)
                })
            };
            if about_us && !beside(i.wrapping_sub(1)) && !beside(i + 1) {
                return None;
            }
        }
        let Some(entry) = r.ambiguous else {
            return Some(r.target);
        };
        let Some(Target::Ambiguous(rows)) = self.entries.get(entry).map(|e| &e.target) else {
            return None;
        };
        let named = |row: &&usize| plain.get(**row).copied().unwrap_or(false);
        let mut named = rows.iter().filter(named);
        match (named.next(), named.next()) {
            (Some(row), None) => Some(*row),
            _ => None,
        }
    }

    /// Matches the parts `spans` of `text` (in order and apart, the last
    /// ending at `end`), appending accepted mentions in order. Each span is
    /// scanned as a text of its own: no match reaches past its end, and no
    /// scan state crosses into the next.
    fn scan(
        &self,
        text: &str,
        words: &WordBytes,
        mut spans: impl Iterator<Item = Span>,
        end: usize,
        out: &mut Mentions,
    ) {
        let Some(mut within) = spans.next() else {
            return;
        };
        // Forms start at the start of a word, so the trie is walked from
        // word starts whose first bytes begin some form in a case it may
        // take: one table lookup tests each word start's key, a second
        // its first four bytes, and a short walk runs for the few words
        // that pass both.
        let mut scan = ScanState::new(within);
        let bytes = text.as_bytes();
        let may_start = |i| self.starts.may_start(bytes, i);
        words.for_each_start_where(
            Span::new(within.start, end),
            &self.starts.keys,
            may_start,
            |i, _| {
                while i >= within.end {
                    let Some(next) = spans.next() else {
                        return;
                    };
                    within = next;
                    scan = ScanState::new(within);
                }
                if i >= within.start {
                    self.try_start(text, within, i, &mut scan, out);
                }
            },
        );
    }

    /// Tries the word start `i` of the scan, whose first bytes some form
    /// starts with ([`Starts::may_start`]).
    #[inline(always)]
    fn try_start(
        &self,
        text: &str,
        within: Span,
        i: usize,
        scan: &mut ScanState,
        out: &mut Mentions,
    ) {
        if i >= scan.resume {
            if let Some(next) = self.try_at(text, within, i, out, &mut scan.memo) {
                scan.resume = next;
            }
        }
    }

    /// Tries the forms that start at byte `i` (a word start that passed
    /// [`Starts::may_start`]): on a mention or a look-alike phrase, where
    /// the scan goes on; `None` when nothing there counts.
    ///
    /// Most words that get this far begin no form after all, so the walk
    /// is made in line, and only a match calls out to be judged.
    #[inline(always)]
    fn try_at(
        &self,
        text: &str,
        within: Span,
        i: usize,
        out: &mut Mentions,
        memo: &mut Memo,
    ) -> Option<usize> {
        let end = within.end.min(text.len());
        let bytes = text.as_bytes();
        // No form is longer than the window (a test checks).
        let window = bytes.get(i..end.min(i + MAX_FORM))?;
        let (len, form) = self.forms.longest(window)?;
        self.take(text, within, Span::new(i, i + len), form, out, memo)
    }

    /// What becomes of the match of form `form` at `span`: on a mention
    /// (added to `out`) or a look-alike phrase, where the scan goes on;
    /// `None` when it does not count.
    fn take(
        &self,
        text: &str,
        within: Span,
        span: Span,
        form: usize,
        out: &mut Mentions,
        memo: &mut Memo,
    ) -> Option<usize> {
        match self
            .judge(text, within, span, form, memo)
            .unwrap_or(Verdict::Reject)
        {
            Verdict::Accept {
                target,
                ambiguous,
                pending,
            } => {
                out.push(Raw {
                    target,
                    ambiguous,
                    pending,
                    span,
                });
                Some(span.end)
            }
            Verdict::Skip => Some(span.end),
            Verdict::Reject => None,
        }
    }

    /// Whether a match is a mention; `None` rejects it.
    fn judge(
        &self,
        text: &str,
        within: Span,
        span: Span,
        index: usize,
        memo: &mut Memo,
    ) -> Option<Verdict> {
        let entry = self.entries.get(index)?;
        let surface = text.get(span.range())?;
        let head = text.get(within.start..span.start).unwrap_or("");
        let before = last_char(head);
        if before.is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        // Part of an address or a handle ("Welcome.US", "@Canada"); a slash
        // after a plain word only separates words ("Japanese/USA").
        if before.is_some_and(|c| matches!(c, '.' | '@' | '/' | '#' | '_'))
            && (before != Some('.')
                || crate::text::char_before(head, head.len() - 1)
                    .is_some_and(char::is_alphanumeric))
            && !(before == Some('/') && slash_joins_words(head))
        {
            return None;
        }
        if matches!(entry.target, Target::Block) {
            return Some(Verdict::Skip);
        }
        let after = if span.end < within.end {
            first_char(text, span.end)
        } else {
            None
        };
        if after.is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        if !case_fits(surface, entry, entry.spellings(&self.written)) {
            return None;
        }
        // An all-capital short form before a dollar sign is a currency
        // ("US$", "NZ $"); a unit-like one after a number is a unit ("10 GB").
        if surface.len() <= 4 && surface.bytes().all(|b| b.is_ascii_uppercase() || b == b'.') {
            let rest = text.get(span.end..within.end).unwrap_or("");
            if rest.trim_start_matches([' ', '\u{a0}']).starts_with('$') {
                return None;
            }
            if entry.flags & UNIT != 0 && after_quantity(head) {
                return None;
            }
        }
        // Only the capital-word and person tests read the words around:
        // the title test before them needs no word of its own.
        let (prev_word, next_word) = if entry.flags & (CAPS_WORD | PERSON) != 0 {
            (
                word_before(text, within, span.start, false),
                word_after(text, within, span.end, false),
            )
        } else {
            ("", "")
        };
        // An English word in capitals ("CONTACT US FOR") follows a capital
        // verb or preposition, or runs on into a capital function word; a
        // capital acronym after it is the country's agency ("US DOT").
        if entry.flags & CAPS_WORD != 0
            && (is_caps_word(prev_word)
                || (is_caps_word(next_word) && CAPS_FUNCTION_WORDS.contains(&next_word)))
        {
            return None;
        }
        if title_ends(head) {
            return None;
        }
        if entry.flags & PERSON != 0
            && self.looks_like_person(text, within, span, prev_word, next_word)
        {
            return None;
        }
        let mut pending = false;
        if let Some(guard) = entry.guard.and_then(|g| self.guards.get(g)) {
            let prev = word_before(text, within, span.start, true);
            let next = word_after(text, within, span.end, true);
            if guard.next.iter().any(|w| next.eq_ignore_ascii_case(w))
                || guard.prev.iter().any(|w| prev.eq_ignore_ascii_case(w))
            {
                return None;
            }
            if let Some(context) = guard.context() {
                let gi = entry.guard.unwrap_or(usize::MAX);
                let near = match *memo {
                    Some((g, at, near))
                        if g == gi && span.start.saturating_sub(at) <= MEMO_REACH =>
                    {
                        near
                    }
                    _ => {
                        let near = read_near(context, guard.abroad.len(), window(text, span));
                        *memo = Some((gi, span.start, near));
                        near
                    }
                };
                match near {
                    Near::Abroad => pending = false,
                    Near::Local => return None,
                    Near::Neither => pending = !guard.loose,
                }
            }
        }
        match &entry.target {
            Target::Country(row) => Some(Verdict::Accept {
                target: *row,
                ambiguous: None,
                pending,
            }),
            Target::Ambiguous(_) => Some(Verdict::Accept {
                target: usize::MAX,
                ambiguous: Some(index),
                pending,
            }),
            Target::Block => Some(Verdict::Skip),
        }
    }

    /// Whether a person-like country name ("Jordan", "Chad") stands as part
    /// of a person's name: after a title or a capitalised given name, or
    /// before a capitalised surname.
    fn looks_like_person(
        &self,
        text: &str,
        within: Span,
        span: Span,
        prev: &str,
        next: &str,
    ) -> bool {
        let capitalised = |w: &str| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().next().is_some_and(char::is_lowercase)
                && chars.all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '’')
                && !NOT_NAMES.contains(&w)
        };
        let initial = {
            let mut chars = prev.chars();
            matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
        };
        if PERSON_TITLES.contains(&prev) || initial {
            return true;
        }
        if capitalised(next) && !next.ends_with('.') {
            return true;
        }
        if capitalised(prev) && !prev.ends_with('.') {
            // A capitalised word that opens the sentence may be any word.
            let start = span.start.saturating_sub(prev.len());
            let head = text.get(within.start..start).unwrap_or("").trim_end();
            let opens = head.is_empty()
                || head.ends_with(['.', '!', '?', ':', ';', '"', '“', '(', '—', '–']);
            return !opens;
        }
        false
    }
}

/// A form's flags, its text, and whether it names several countries.
fn parse_form(form: &str, demonym: bool) -> (u8, Option<&str>, bool) {
    let mut flags = if demonym { LOWER_OK } else { 0 };
    let mut ambiguous = false;
    let mut rest = tables::trim_cell(form);
    loop {
        match rest.chars().next() {
            Some('!') => flags &= !LOWER_OK,
            Some('@') => flags |= PERSON,
            Some('^') => flags |= CAPS_WORD,
            Some('#') => flags |= UNIT,
            Some('%') => ambiguous = true,
            Some('~') => return (flags, None, false),
            _ => break,
        }
        rest = rest.get(1..).unwrap_or("");
    }
    if rest.is_empty() {
        return (flags, None, ambiguous);
    }
    (flags, Some(rest), ambiguous)
}

/// The spellings of a form that texts use: as written and with a
/// typographic apostrophe. (Non-breaking spaces are read as spaces when
/// matching, see [`trie_byte`].)
fn variants(form: &'static str) -> impl Iterator<Item = Cow<'static, str>> {
    let curly = form
        .bytes()
        .any(|b| b == b'\'')
        .then(|| Cow::Owned(form.replace('\'', "’")));
    std::iter::once(Cow::Borrowed(form)).chain(curly)
}

/// The entries of `spellings`, one per form, in the order of their bytes
/// folded to lower case: the spellings of the same letters merge into one
/// entry, where a look-alike phrase overrides a country form. Also every
/// entry's spellings, side by side, each entry's in the order added.
fn merge(spellings: &[Spelling]) -> (Vec<Entry>, Vec<Cow<'static, str>>) {
    // Each spelling as one number: its folded head, then its index in
    // the bits an index needs (eleven for about 1,150 spellings, which
    // leave the head over fourteen bytes: "republic of " opens some ninety
    // forms). Sorted as plain numbers, the spellings fall in order on
    // their heads and, among equal heads, in the order added; only the
    // runs of one head that are out of order are then sorted on the whole
    // form, stably, so that each form's spellings stay in the order added.
    let bits = usize::BITS - spellings.len().leading_zeros();
    let index = |key: u128| (key & ((1 << bits) - 1)) as usize;
    let word = |key: u128| spellings.get(index(key)).map_or("", |s| &s.written);
    let mut order: Vec<u128> = spellings
        .iter()
        .zip(0u128..)
        .map(|(s, i)| folded_head(&s.written) >> bits << bits | i)
        .collect();
    order.sort_unstable();
    for run in order.chunk_by_mut(|a, b| a >> bits == b >> bits) {
        // Most runs are one form's spellings, in order already.
        if !run.is_sorted_by(|&a, &b| folded(word(a)).le(folded(word(b)))) {
            run.sort_by(|&a, &b| folded(word(a)).cmp(folded(word(b))));
        }
    }
    let mut entries: Vec<Entry> = Vec::with_capacity(spellings.len());
    let mut written: Vec<Cow<'static, str>> = Vec::with_capacity(spellings.len());
    for spelling in order.iter().filter_map(|&key| spellings.get(index(key))) {
        let same = written
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case(&spelling.written));
        match entries.last_mut() {
            Some(entry) if same => {
                if spelling.target == Target::Block {
                    entry.target = Target::Block;
                }
                entry.flags |= spelling.flags;
                if !entry.spellings(&written).contains(&spelling.written) {
                    written.push(spelling.written.clone());
                    entry.written.end += 1;
                }
            }
            _ => {
                let at = written.len() as u32;
                entries.push(Entry {
                    target: spelling.target.clone(),
                    flags: spelling.flags,
                    written: at..at + 1,
                    guard: None,
                });
                written.push(spelling.written.clone());
            }
        }
    }
    (entries, written)
}

/// The bytes of `s`, ASCII letters folded to lower case.
fn folded(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().map(lower)
}

/// The first sixteen bytes of `s`, folded to lower case and padded with
/// zeros, as a number: a string that sorts before another never has the
/// larger number.
fn folded_head(s: &str) -> u128 {
    let mut head = [0; 16];
    for (slot, b) in head.iter_mut().zip(folded(s)) {
        *slot = b;
    }
    u128::from_be_bytes(head)
}

/// Whether a matched surface is written the way its form allows: as in the
/// table, all in capitals, with word-initial capitals (title-case
/// headlines), or, for demonyms, all in lower case.
fn case_fits(surface: &str, entry: &Entry, written: &[Cow<'static, str>]) -> bool {
    if written
        .iter()
        .any(|w| w == surface || title_case_of(surface, w))
    {
        return true;
    }
    let has_upper = surface.chars().any(char::is_uppercase);
    let has_lower = surface.chars().any(char::is_lowercase);
    if has_upper && !has_lower && surface.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return true;
    }
    !has_upper && entry.flags & LOWER_OK != 0
}

/// Whether `surface` is `written` with some word-initial letters raised to
/// capitals ("Republic Of Korea").
fn title_case_of(surface: &str, written: &str) -> bool {
    if surface.chars().count() != written.chars().count() {
        return false;
    }
    let mut prev_alpha = false;
    for (s, w) in surface.chars().zip(written.chars()) {
        if s == '\u{a0}' && w == ' ' {
            prev_alpha = false;
            continue;
        }
        if s != w {
            let raised = w.is_lowercase() && s.is_uppercase() && !prev_alpha;
            if !raised || !s.to_lowercase().eq(w.to_lowercase()) {
                return false;
            }
        }
        prev_alpha = w.is_alphabetic();
    }
    true
}

/// The word just before byte `i` inside `within`, separated from it by
/// white space only (or also a comma when `comma`); empty when none.
fn word_before(text: &str, within: Span, i: usize, comma: bool) -> &str {
    let head = text.get(within.start..i).unwrap_or("");
    let trimmed = trim_white_end(head);
    let trimmed = if comma {
        trimmed.strip_suffix(',').map_or(trimmed, trim_white_end)
    } else {
        trimmed
    };
    if trimmed.len() == head.len() {
        return "";
    }
    let start = run_start_back(trimmed, trimmed.len(), is_ascii_word_byte, is_word_char);
    trimmed.get(start..).unwrap_or("")
}

/// Whether the word at the end of `head`, the text of the scan before a
/// match (as [`word_before`] reads it, without a comma), is one of
/// [`NAME_TITLES`].
///
/// Most mentions follow a word that is no title, and a title is short and
/// ASCII: at most five bytes back are read before most words are turned
/// away, where [`word_before`] reads the whole word.
fn title_ends(head: &str) -> bool {
    let trimmed = trim_white_end(head);
    if trimmed.len() == head.len() {
        return false;
    }
    let bytes = trimmed.as_bytes();
    // A title is two to four bytes long, so one of the second to fourth
    // bytes from the end starts it: most words have no such capital there,
    // and are turned away without the walk back below.
    let tail = bytes
        .get(bytes.len().saturating_sub(TITLE_MAX)..)
        .unwrap_or_default();
    if !tail.iter().rev().skip(1).any(|&b| may_start_a_title(b)) {
        return false;
    }
    // Read one byte past the longest title, so that a longer word shows.
    let stop = bytes.len().saturating_sub(TITLE_MAX + 1);
    let mut start = bytes.len();
    while start > stop && bytes.get(start - 1).is_some_and(|&b| is_ascii_word_byte(b)) {
        start -= 1;
    }
    let run = bytes.len() - start;
    if run > TITLE_MAX || !bytes.get(start).is_some_and(|&b| may_start_a_title(b)) {
        return false;
    }
    // A wider character before the run may carry the word on ("éDr").
    let (before, word) = (trimmed.get(..start), trimmed.get(start..));
    !before
        .and_then(|b| b.chars().next_back())
        .is_some_and(is_word_char)
        && word.is_some_and(|w| NAME_TITLES.contains(&w))
}

/// The last character of `head`: an ASCII byte, the common case before a
/// mention, is read as it is, without decoding.
#[inline(always)]
fn last_char(head: &str) -> Option<char> {
    match head.as_bytes().last() {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => head.chars().next_back(),
    }
}

/// The character at byte `i` of `text` (a character boundary), an ASCII
/// byte read as it is: `text::char_at` without decoding in the common case.
#[inline(always)]
fn first_char(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => crate::text::char_at(text, i),
    }
}

/// The bytes of the longest of [`NAME_TITLES`].
const TITLE_MAX: usize = 4;

/// Whether `b` may start one of [`NAME_TITLES`] (a test holds the titles to
/// these capitals).
fn may_start_a_title(b: u8) -> bool {
    matches!(b, b'M' | b'D' | b'R' | b'S')
}

/// Whether `c` may be part of a word that [`word_before`] reads.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-')
}

/// Whether the ASCII byte `b` may be part of a word that [`word_before`]
/// reads: [`is_word_char`] for ASCII.
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'-')
}

/// The same as `str::trim_end`. The ASCII white space that stands before
/// nearly every mention is stepped over a byte at a time, rather than
/// decoded; a wider character hands over to `str::trim_end`.
#[inline]
fn trim_white_end(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = bytes.len();
    while let Some(&b) = end.checked_sub(1).and_then(|j| bytes.get(j)) {
        if !is_ascii_space(b) {
            let kept = s.get(..end).unwrap_or("");
            return if b.is_ascii() { kept } else { kept.trim_end() };
        }
        end -= 1;
    }
    ""
}

/// The word just after byte `i` inside `within`, separated from it by white
/// space only (or also a comma when `comma`); empty when none.
fn word_after(text: &str, within: Span, i: usize, comma: bool) -> &str {
    let tail = text.get(i..within.end.min(text.len())).unwrap_or("");
    let trimmed = if comma {
        tail.strip_prefix(',').unwrap_or(tail)
    } else {
        tail
    };
    let trimmed = trimmed.trim_start();
    if trimmed.len() == tail.len() {
        return "";
    }
    let end = trimmed
        .find(|c: char| !(c.is_alphanumeric() || c == '.'))
        .unwrap_or(trimmed.len());
    trimmed.get(..end).unwrap_or("").trim_end_matches('.')
}

/// Whether `head` ends with a quantity ("10 ", "2.5"), so that a capital
/// code after it is a unit ("10 GB"); a year ("2022 U.S.-Mexico") is not one.
fn after_quantity(head: &str) -> bool {
    let head = head.trim_end();
    let number = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let digits = head.get(number.len()..).unwrap_or("");
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    !digits.is_empty() && digits.bytes().any(|b| b.is_ascii_digit()) && !year
}

/// Whether the slash that ends `head` stands between plain words, the word
/// before it holding only letters and hyphens (so not a path or an address).
fn slash_joins_words(head: &str) -> bool {
    let Some(rest) = head.strip_suffix('/') else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Whether a neighbouring word is written in capitals (a shouted heading).
fn is_caps_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// The text within [`WINDOW`] bytes of a span, cut on character boundaries.
fn window(text: &str, span: Span) -> &str {
    let mut start = span.start.saturating_sub(WINDOW);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + WINDOW).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    text.get(start..end).unwrap_or("")
}

/// What the words of a window say: the automaton holds `abroad` words
/// (the first `abroad` patterns) then `local` ones; only whole words count.
fn read_near(context: &AhoCorasick, abroad: usize, window: &str) -> Near {
    let mut near = Near::Neither;
    for m in context.find_iter(window) {
        let before = window.get(..m.start()).and_then(|h| h.chars().next_back());
        let after = window.get(m.end()..).and_then(|h| h.chars().next());
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if m.pattern().as_usize() < abroad {
            return Near::Abroad;
        }
        near = Near::Local;
    }
    near
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_orders_forms_past_their_sorted_heads_and_keeps_spellings_in_order() {
        let forms = [
            "Republic of Zed",
            "republic of Aland",
            "Republic of",
            "REPUBLIC OF AX",
            "Republic of Aland",
            "A",
        ];
        let spellings: Vec<Spelling> = forms
            .iter()
            .map(|&f| Spelling {
                written: Cow::Borrowed(f),
                target: Target::Block,
                flags: 0,
            })
            .collect();
        let (entries, written) = merge(&spellings);
        let got: Vec<Vec<&str>> = entries
            .iter()
            .map(|e| e.spellings(&written).iter().map(|w| w.as_ref()).collect())
            .collect();
        assert_eq!(
            got,
            vec![
                vec!["A"],
                vec!["Republic of"],
                vec!["republic of Aland", "Republic of Aland"],
                vec!["REPUBLIC OF AX"],
                vec!["Republic of Zed"],
            ]
        );
    }
    use crate::layout::{Block, BlockKind};
    use std::collections::HashSet;

    /// The text as one analysis: each blank-line-separated part a paragraph,
    /// or boilerplate when it starts with "READ MORE".
    fn analysis(text: &str) -> Analysis<'_> {
        let mut blocks = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            let kind = if part.starts_with("READ MORE") {
                BlockKind::Boilerplate
            } else {
                BlockKind::Paragraph
            };
            blocks.push(Block {
                kind,
                span: Span::new(start, start + part.len()),
                marker: None,
                depth: 0,
            });
            start += part.len() + 2;
        }
        Analysis::new(text, blocks, Vec::new())
    }

    /// The countries found, as `CODE:mention` in output order, space-separated
    /// within a country and `; ` between countries.
    fn found(finder: &CountryFinder, text: &str) -> String {
        let analysis = analysis(text);
        let countries = finder.find(&analysis);
        for country in &countries {
            for mention in &country.mentions {
                assert_eq!(&text[mention.span], mention.text, "span and text disagree");
            }
        }
        countries
            .iter()
            .map(|c| {
                let mentions: Vec<&str> = c.mentions.iter().map(|m| m.text.as_ref()).collect();
                format!("{}:{}", c.code, mentions.join("|"))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    macro_rules! t {
        ($($name:literal, $text:expr, $expected:expr;)*) => {
            let finder = CountryFinder::new();
            let mut failures = Vec::new();
            $(
                let got = found(&finder, $text);
                if got != $expected {
                    failures.push(format!("{}: {:?}\n   got      {:?}\n   expected {:?}", $name, $text, got, $expected));
                }
            )*
            assert!(failures.is_empty(), "{}", failures.join("\n"));
        };
    }

    #[test]
    fn table_rows_parse() {
        let mut codes = HashSet::new();
        let mut alpha3 = HashSet::new();
        let mut count = 0;
        for row in tables::rows(tables::COUNTRIES) {
            assert_eq!(row.len(), 7, "wrong number of columns in {row:?}");
            assert!(row.iter().all(|c| !c.is_empty()), "empty cell in {row:?}");
            let code = CountryCode::new(row[0]).unwrap_or_else(|| panic!("bad code in {row:?}"));
            assert!(codes.insert(code), "duplicate code {code}");
            assert!(
                row[1].len() == 3 && row[1].bytes().all(|b| b.is_ascii_uppercase()),
                "bad alpha-3 in {row:?}"
            );
            assert!(alpha3.insert(row[1]), "duplicate alpha-3 {}", row[1]);
            assert!(matches!(row[2], "S" | "T"), "bad status in {row:?}");
            if row[2] == "S" {
                assert_ne!(row[6], "-", "sovereign state without a demonym: {row:?}");
            }
            count += 1;
        }
        assert_eq!(count, 250, "249 ISO 3166-1 entries plus Kosovo");
        for row in tables::rows(tables::COUNTRY_GUARDS) {
            assert_eq!(row.len(), 3, "wrong number of columns in {row:?}");
            assert!(
                matches!(
                    row[0],
                    "block" | "next" | "prev" | "local" | "abroad" | "loose"
                ),
                "bad kind in {row:?}"
            );
        }
        let finder = CountryFinder::new();
        assert_eq!(
            finder.forms.longest(b"canada"),
            finder.forms.longest(b"CANADA!")
        );
        assert!(finder.forms.longest(b"canada").is_some());
        // A form longer than the window a match reads could never match.
        for entry in &finder.entries {
            assert!(
                entry
                    .spellings(&finder.written)
                    .iter()
                    .all(|w| w.len() <= MAX_FORM),
                "{entry:?}"
            );
        }
        assert_eq!(finder.rows.len(), 250);
        // Every guard names a form of the table.
        for row in tables::rows(tables::COUNTRY_GUARDS).filter(|r| r[0] != "block") {
            assert!(
                finder.entries.iter().any(|e| e
                    .spellings(&finder.written)
                    .iter()
                    .any(|w| w == row[1])
                    && e.guard.is_some()),
                "guard for unknown form {row:?}"
            );
        }
    }

    #[test]
    fn trim_white_end_trims_as_str_does() {
        for s in [
            "",
            " ",
            "the ",
            "the\t\r\n \x0b\x0c",
            "the\u{a0}",
            "the \u{a0} ",
            "the\u{2003}\u{3000} ",
            "café ",
            "café",
            "naïve\u{a0}\u{a0}",
            "\u{a0}",
            "x\u{85} ",
        ] {
            assert_eq!(trim_white_end(s), s.trim_end(), "{s:?}");
        }
    }

    /// The title test reads as looking the word before up among the
    /// titles, at every place of texts that put titles, their look-alikes
    /// and their parts before a word.
    #[test]
    fn name_title_before_reads_as_the_word_before_does() {
        let mut words = vec![
            "Mr", "Mr.", "Mrs", "Ms.", "Dr", "Dr.", "Rep.", "Sen.", "Sir", "Dame", "r", "s", "e",
            ".", "Sirs", "xMr", "Mr.s", "Ms.Dr.", "é", "éDr", "’Dr", "'Sir", "-Mrs", "D.Dr.",
            "Mr,", "(Mr.", "ADame", "Madame", "the", "Chad", "東Mrs", "",
        ];
        // Every title, so that one added to the table is read here too.
        for &title in NAME_TITLES {
            if !words.contains(&title) {
                words.push(title);
            }
        }
        // The quick test turns away any word with another first byte.
        for title in NAME_TITLES {
            assert!(
                title.bytes().next().is_some_and(may_start_a_title),
                "{title}"
            );
        }
        let gaps = [" ", "  ", "\t", "\u{a0}", "\u{2003}", "", ",", " , "];
        let mut checked = 0;
        for &first in &words {
            for gap in gaps {
                for &second in &words {
                    let text = format!("{first}{gap}{second} Jordan");
                    for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                        for start in [0, 1.min(i)]
                            .into_iter()
                            .filter(|&s| text.is_char_boundary(s))
                        {
                            let within = Span::new(start, text.len());
                            let want = NAME_TITLES.contains(&word_before(&text, within, i, false));
                            assert_eq!(
                                title_ends(text.get(within.start..i).unwrap_or("")),
                                want,
                                "{text:?} at {i} from {start}"
                            );
                            checked += usize::from(want);
                        }
                    }
                }
            }
        }
        assert!(NAME_TITLES
            .iter()
            .all(|t| (2..=TITLE_MAX).contains(&t.len())));
        // Titles were found, not only turned away.
        assert!(checked > 1000, "{checked}");
    }

    /// The start filter lets through every spelling of every form, in each
    /// case it may be written in, whatever follows, and a non-breaking
    /// space for a space; and it still turns most words away.
    #[test]
    fn starts_pass_every_form_in_every_case() {
        let finder = CountryFinder::new();
        let starts = &finder.starts;
        let mut checked = 0;
        for entry in &finder.entries {
            let lower_ok = entry.flags & LOWER_OK != 0 || entry.target == Target::Block;
            for written in entry.spellings(&finder.written) {
                let mut title = written.to_string();
                if let Some(first) = title.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                let mut cases = vec![written.to_string(), written.to_ascii_uppercase(), title];
                if lower_ok {
                    cases.push(written.to_ascii_lowercase());
                }
                for case in cases {
                    for spaced in [case.clone(), case.replace(' ', "\u{a0}")] {
                        for next in ["", " ", "s", "’s", ".", "\u{a0}x", "ZZZZ"] {
                            let text = format!("{spaced}{next}");
                            assert!(starts.may_start(text.as_bytes(), 0), "{text:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
        let words = [
            "and ", "the ", "with", "said", "from", "have", "more", "year",
        ];
        let passed = words
            .iter()
            .filter(|w| starts.may_start(w.as_bytes(), 0))
            .count();
        assert!(passed <= 1, "{passed}");
    }

    /// `written` with its first four bytes in every mix of ASCII cases.
    fn ascii_casings_of_first_four(written: &str) -> Vec<String> {
        let head = written.len().min(4);
        (0..1u8 << head)
            .filter_map(|mask| {
                let mut bytes = written.as_bytes().to_vec();
                for (k, b) in bytes.iter_mut().take(head).enumerate() {
                    if mask >> k & 1 == 1 {
                        *b = b.to_ascii_uppercase();
                    } else {
                        *b = b.to_ascii_lowercase();
                    }
                }
                String::from_utf8(bytes).ok()
            })
            .collect()
    }

    /// The start filter only saves work: with it, every form and look-alike
    /// phrase, its first four bytes in any mix of cases, with spaces or
    /// non-breaking spaces, is found as it is by the finder with a filter
    /// (word keys and prefixes) that lets every word through.
    #[test]
    fn start_filter_never_decides_what_counts() {
        let finder = CountryFinder::new();
        let mut open = CountryFinder::new();
        open.starts.pairs.fill(u64::MAX);
        for key in 0..crate::text::WORD_KEYS {
            open.starts.keys.insert(key);
        }
        let mut tried = 0;
        let mut found_any = 0;
        for entry in &finder.entries {
            for written in entry.spellings(&finder.written) {
                for case in ascii_casings_of_first_four(written) {
                    for spaced in [case.clone(), case.replace(' ', "\u{a0}")] {
                        let text = format!("They met in {spaced} today.");
                        let want = found(&open, &text);
                        assert_eq!(found(&finder, &text), want, "{text:?}");
                        tried += 1;
                        found_any += usize::from(!want.is_empty());
                    }
                }
            }
        }
        assert!(tried > 5_000, "{tried}");
        assert!(found_any > 1_000, "{found_any} of {tried}");
    }

    #[test]
    fn fold4_lowers_each_byte_as_lower_does() {
        for b in 0..=255u8 {
            for place in 0..4 {
                let mut bytes = [b'x', b'Y', 0xC3, b'.'];
                bytes[place] = b;
                let folded = fold4(u32::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(folded, bytes.map(lower), "{bytes:?}");
            }
        }
    }

    #[test]
    fn four_byte_table_walks_as_the_root_does() {
        let finder = CountryFinder::new();
        let trie = &finder.forms;
        // Every node four bytes deep is in the table.
        let mut fours: HashSet<[u8; 4]> = HashSet::new();
        for w in &finder.written {
            if let Some(&[a, b, c, d]) = w.as_bytes().get(..4) {
                if ![a, b, c, d].contains(&0xC2) {
                    fours.insert([a, b, c, d].map(lower));
                }
            }
        }
        let held = trie.quads.slots.iter().filter(|q| q.node != 0).count();
        assert_eq!((held, trie.quads.len), (fours.len(), fours.len()));
        assert!(fours
            .iter()
            .all(|f| trie.quads.get(u32::from_le_bytes(*f)).is_some()));
        // Each spelling, in each case, cut short or run on into other
        // bytes, matches as a walk from the root matches it.
        let mut tried = 0;
        for w in &finder.written {
            let cases = [w.to_string(), w.to_uppercase(), w.to_lowercase()];
            for case in &cases {
                for tail in ["", " ", "s", "n Samoa", ". Virgin", "-x", "\u{a0}Korea"] {
                    let text = format!("{case}{tail}");
                    let bytes = text.as_bytes();
                    for cut in 0..=bytes.len() {
                        let window = &bytes[..cut];
                        assert_eq!(
                            trie.longest(window),
                            trie.longest_from_root(window),
                            "{:?}",
                            String::from_utf8_lossy(window)
                        );
                        tried += 1;
                    }
                }
            }
        }
        assert!(tried > 100_000);
        assert_eq!(
            trie.longest(b"US Virgin Islands"),
            trie.longest(b"us virgin islands")
        );
        assert_eq!(trie.longest(b"USA!").map(|(len, _)| len), Some(3));
        assert_eq!(trie.longest(b"U.S. Virgin").map(|(len, _)| len), Some(4));
        assert_eq!(trie.longest(b"Laos"), trie.longest_from_root(b"Laos"));
        assert_eq!(trie.longest(b"Chadian").map(|(len, _)| len), Some(7));
        assert_eq!(trie.longest(b"Children"), None);
    }

    #[test]
    fn names_and_demonyms() {
        t! {
            "plain name", "Canada will host the meeting.", "CA:Canada";
            "demonym and plural", "Canadians and Canadian officials", "CA:Canadians|Canadian";
            "all caps", "THE CANADIAN PRESS reported.", "CA:CANADIAN";
            "lower-case demonym", "the british crime survey", "GB:british";
            "order of first mention", "Japan, then Canada, then Japan again.", "JP:Japan|Japan; CA:Canada";
            "leading the dropped", "the United States and the Netherlands", "US:United States; NL:Netherlands";
            "official name wins", "the Commonwealth of Australia and Australia", "AU:Commonwealth of Australia|Australia";
            "people's republic", "the People's Republic of China", "CN:People's Republic of China";
            "curly apostrophe", "the People’s Republic of China", "CN:People’s Republic of China";
            "title case headline", "Leaders Of The Democratic Republic Of The Congo Meet", "CD:Democratic Republic Of The Congo";
            "proper names", "the Government of Canada marks Canada Day", "CA:Canada|Canada";
            "compound with hyphen", "the U.S.-Mexico border", "US:U.S.; MX:Mexico";
            "compound with en dash", "the Australia–China relationship", "AU:Australia; CN:China";
            "US in capitals", "the US and the UK agreed", "US:US; GB:UK";
            "U.S.A. with dots", "made in the U.S.A. today", "US:U.S.A.";
            "USA", "USA and Canada", "US:USA; CA:Canada";
            "America", "America first", "US:America";
            "Britain", "Britain and Great Britain", "GB:Britain|Great Britain";
            "Britons", "Britons abroad", "GB:Britons";
            "Holland", "Holland and the Dutch", "NL:Holland|Dutch";
            "Burma", "Burma, also known as Myanmar", "MM:Burma|Myanmar";
            "Ivory Coast", "Ivory Coast and Côte d'Ivoire", "CI:Ivory Coast|Côte d'Ivoire";
            "Czechia", "Czechia, the Czech Republic", "CZ:Czechia|Czech Republic";
            "Swaziland", "Swaziland is now Eswatini", "SZ:Swaziland|Eswatini";
            "Macedonia", "Macedonia and North Macedonia", "MK:Macedonia|North Macedonia";
            "Vatican", "the Vatican and the Holy See", "VA:Vatican|Holy See";
            "Kiwi capitalised", "a Kiwi abroad", "NZ:Kiwi";
            "Kosovo", "Kosovo and Kosovars", "XK:Kosovo|Kosovars";
            "Turkiye", "Türkiye, formerly Turkey", "TR:Türkiye|Turkey";
            "possessive", "Canada's plan", "CA:Canada";
            "no-break space", "North\u{a0}Korea and the Republic of\u{a0}Korea", "KP:North\u{a0}Korea; KR:Republic of\u{a0}Korea";
            "no-break space mixed", "the United Kingdom of Great\u{a0}Britain and Northern Ireland", "GB:United Kingdom of Great\u{a0}Britain and Northern Ireland";
            "Congo without the", "the Democratic Republic of Congo", "CD:Democratic Republic of Congo";
        }
    }

    #[test]
    fn longest_names_win() {
        t! {
            "Papua New Guinea", "Papua New Guinea and Guinea", "PG:Papua New Guinea; GN:Guinea";
            "Guinea-Bissau", "Guinea-Bissau", "GW:Guinea-Bissau";
            "Equatorial Guinea", "Equatorial Guinea", "GQ:Equatorial Guinea";
            "South Sudan", "South Sudan and Sudan", "SS:South Sudan; SD:Sudan";
            "Dominican Republic", "the Dominican Republic and Dominica", "DO:Dominican Republic; DM:Dominica";
            "DR Congo", "the Democratic Republic of the Congo and the Republic of the Congo", "CD:Democratic Republic of the Congo; CG:Republic of the Congo";
            "North Korea", "North Korea and South Korea", "KP:North Korea; KR:South Korea";
            "DPRK long form", "the Democratic People's Republic of Korea", "KP:Democratic People's Republic of Korea";
            "American Samoa", "American Samoa and Samoa", "AS:American Samoa; WS:Samoa";
            "Niger inside Nigeria", "Nigeria and Nigerians", "NG:Nigeria|Nigerians";
            "Niger itself", "Niger and Nigeria", "NE:Niger; NG:Nigeria";
            "Virgin Islands", "the U.S. Virgin Islands", "VI:U.S. Virgin Islands";
        }
    }

    #[test]
    fn look_alikes() {
        t! {
            "New Mexico", "She lives in New Mexico.", "";
            "New Mexico and Mexico", "New Mexico borders Mexico.", "MX:Mexico";
            "New Jersey", "a plant in New Jersey", "";
            "Jersey island", "Jersey and Guernsey", "JE:Jersey; GG:Guernsey";
            "New South Wales", "floods in New South Wales", "";
            "England Scotland Wales", "England, Scotland and Wales", "";
            "Northern Ireland", "Northern Ireland and Ireland", "IE:Ireland";
            "Georgia the state", "Atlanta, Georgia is growing.", "";
            "Georgia governor", "Governor Kemp of Georgia spoke.", "";
            "Georgia district", "the Southern District of Georgia", "";
            "Georgia in US text", "The United States will fund schools in Georgia.", "US:United States";
            "Georgia the country", "Tbilisi, Georgia hosted talks.", "GE:Georgia";
            "Georgia in a list", "The United States supports Ukraine, Georgia, and Moldova.", "US:United States; UA:Ukraine; GE:Georgia; MD:Moldova";
            "Georgia alone", "The minister visited Georgia last week.", "GE:Georgia";
            "Jordan person", "Michael Jordan scored.", "";
            "Jordan initial", "Jerry L. Jordan voted.", "";
            "Jordan surname first", "Jordan Peterson spoke.", "";
            "Jordan title", "Mr Jordan said so.", "";
            "French as a given name", "Rep. French Hill said so.", "";
            "French after a title, French later", "Sen. French Hill met the French envoy.", "FR:French";
            "Israel as a given name", "Mr. Israel spoke.", "";
            "Jordan country", "Troops were sent to Jordan.", "JO:Jordan";
            "Jordan possessive", "Jordan's King Abdullah", "JO:Jordan";
            "Jordan in list", "Egypt, Jordan and Israel", "EG:Egypt; JO:Jordan; IL:Israel";
            "country in an institution's name", "the Israel Defense Forces", "IL:Israel";
            "Chad person", "Chad Smith joined.", "";
            "Holland surname", "actor Tom Holland visited.", "";
            "Monaco surname", "Deputy Attorney General Lisa Monaco said", "";
            "Monaco country", "talks with Monaco and the Principality of Monaco", "MC:Monaco|Principality of Monaco";
            "Inner Mongolia", "a firm in Inner Mongolia traded with Mongolia", "MN:Mongolia";
            "Chad country", "aid to Chad and Niger", "TD:Chad; NE:Niger";
            "Turkey bird", "Turkey dinner is served.", "";
            "roast turkey", "a roast Turkey", "";
            "turkey lower", "we ate turkey", "";
            "Turkey country", "exports to Turkey rose", "TR:Turkey";
            "china lower", "fine china plates", "";
            "China country", "China and Chinese firms", "CN:China|Chinese";
            "guinea pig", "a guinea pig study", "";
            "Guinea pig capital", "Guinea pigs are pets.", "";
            "Islamic State", "fighters of Islamic State", "";
            "Islamic State of Iraq", "the Islamic State of Iraq and Syria", "";
            "Iraq and Syria", "Iraq and Syria", "IQ:Iraq; SY:Syria";
            "Washington", "Washington and Beijing disagree.", "";
            "capitals", "talks in Ottawa, Canberra and London", "";
            "Mexico City", "met in Mexico City", "";
            "Isle of Man", "the Isle of Man", "IM:Isle of Man";
            "man", "a man from the island", "";
            "US dollar sign", "cost US$5 million", "";
            "US dollar spaced", "cost NZ $ 26 million", "";
            "A dollar", "cost A$5 million", "";
            "us lower", "join us today", "";
            "US in caps text", "CONTACT US FOR DETAILS", "";
            "US domain", "donations via Welcome.US today", "";
            "US in a path", "see example.org/US and https://x.org/Canada", "";
            "slash between words", "a Japanese/USA fund and Australia/New Zealand trade", "JP:Japanese; US:USA; AU:Australia; NZ:New Zealand";
            "US before an agency acronym", "US DOT has also awarded grants, said US NSA Jake Sullivan.", "US:US|US";
            "US pronoun before a capital word", "US AND THEM", "";
            "US pronoun after a capital word", "JOIN US TODAY", "";
            "Bahamas official, lower the", "Ambassador to the Commonwealth of the Bahamas", "BS:Commonwealth of the Bahamas";
            "GB News", "told GB News", "GB:GB";
            "gigabytes", "a 10 GB plan", "";
            "number of states", "all 50 US states", "US:US";
            "year before U.S.", "the 2022 U.S.-Mexico dialogue", "US:U.S.; MX:Mexico";
            "North America", "trade across North America", "";
            "Latin American", "Latin American leaders", "";
            "Americas", "the Americas", "";
            "Inter-American", "the Inter-American Development Bank and American firms", "US:American";
            "British Columbia", "British Columbia and British troops", "GB:British";
            "Indian Ocean", "the Indian Ocean", "";
            "South China Sea", "patrols in the South China Sea near China", "CN:China";
            "Australian regions", "jobs in Northern Australia and West Australian mines", "";
            "Native nations", "funding for Indian Country and the Indian Health Service", "";
            "American Indian", "American Indian and Alaska Native business", "";
            "Indian of a Tribal nation", "the Gila River Indian Community and Tribal leaders", "";
            "Indians of a band", "aid to the Band of Choctaw Indians, a federally recognized Tribe", "";
            "Indian with India near", "Tribal leaders met Indian officials from New Delhi", "IN:Indian";
            "Indian with nothing near", "Indian students enrolled in U.S. universities", "IN:Indian; US:U.S.";
            "Indian companies", "U.S. and Indian companies", "US:U.S.; IN:Indian";
            "Australian states", "South Australia and Western Australia", "";
            "Korean clear", "South Korea and the Korean minister", "KR:South Korea|Korean";
            "Korean unclear", "the Korean minister", "";
            "Korea both", "North Korea, South Korea and Korea", "KP:North Korea; KR:South Korea";
            "demonym spellings", "El Salvadorian President Bukele, Salvadorian workers and Hongkongers", "SV:El Salvadorian|Salvadorian; HK:Hongkongers";
            "Korea abbreviated", "S. Korea and N. Korea met; S Korean and N. Korean envoys", "KR:S. Korea|S Korean; KP:N. Korea|N. Korean";
            "PNG country", "aid to PNG and the PNG-Australia forum", "PG:PNG|PNG; AU:Australia";
            "PNG image", "upload a JPEG, PNG or GIF; a PNG file", "";
            "Korean Peninsula", "peace on the Korean Peninsula with South Korea", "KR:South Korea";
            "French fries", "French fries and French wine", "FR:French";
            "polish verb", "polish the table", "";
            "Polish capital", "Polish workers", "PL:Polish";
            "Dominican order", "Dominican University and the Dominican Sisters", "";
            "Dominican people", "Dominican workers in the Dominican Republic", "DO:Dominican|Dominican Republic";
            "Indonesian inside word", "Indonesians", "ID:Indonesians";
            "Indiana", "Indiana", "";
            "Omani not Oman inside", "Romania", "RO:Romania";
        }
    }

    #[test]
    fn boilerplate_yields_nothing() {
        t! {
            "boilerplate skipped", "Canada acts.\n\nREAD MORE: Japan news\n\nFrance agrees.", "CA:Canada; FR:France";
            "empty", "", "";
            "no letters", "12345 !!!", "";
            "no match across blocks", "Papua New\n\nGuinea and Canada", "GN:Guinea; CA:Canada";
            "blocks around boilerplate", "Japan\n\nREAD MORE: Canada\n\nFrance", "JP:Japan; FR:France";
        }
    }

    #[test]
    fn lookup_finds_the_country_word() {
        let finder = CountryFinder::new();
        let cases = [
            ("Australian", Some("AU")),
            ("Australian Attorney General", Some("AU")),
            ("United States Attorney General", Some("US")),
            ("the United States", Some("US")),
            ("U.S.", Some("US")),
            ("US", Some("US")),
            ("us", None),
            ("UK Home Secretary", Some("GB")),
            ("New Zealand Minister", Some("NZ")),
            ("Canadian", Some("CA")),
            ("turkey", None),
            ("Attorney General", None),
            ("Queensland Premier", None),
            ("", None),
        ];
        for (phrase, expected) in cases {
            assert_eq!(
                finder.lookup(phrase).map(|c| c.to_string()).as_deref(),
                expected,
                "{phrase:?}"
            );
        }
    }

    #[test]
    fn repetitive_input_stays_linear() {
        let finder = CountryFinder::new();
        let georgia = "Atlanta, Georgia. ".repeat(10_000);
        assert!(finder.find(&analysis(&georgia)).is_empty());
        let korea = "North\u{a0}Korea and Korea; ".repeat(10_000);
        let found = finder.find(&analysis(&korea));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].mentions.len(), 20_000);
        let jumble = "USUKUSA US$ u.s. Jordan, Jordan. ".repeat(5_000);
        assert_eq!(finder.find(&analysis(&jumble))[0].mentions.len(), 10_000);
    }

    #[test]
    fn odd_input_is_total() {
        let finder = CountryFinder::new();
        for text in [
            "é",
            "Canadaé",
            "éCanada",
            "Georgia",
            "U.S",
            "\u{a0}US$",
            "Jordan",
            "C",
            "the",
            "Korea",
        ] {
            let _ = found(&finder, text);
            let _ = finder.lookup(text);
        }
        assert_eq!(found(&finder, "éCanada"), "");
        assert_eq!(found(&finder, "«Canada»"), "CA:Canada");
    }
}
