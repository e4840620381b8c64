//! Shared helpers over the raw input: whitespace, trimming and character
//! classes that every stage agrees on, and the walk through sorted places
//! in the text ([`seek`]).

use std::borrow::Cow;

use crate::bitset::{words_for, BitSet};
use crate::Span;

/// Whether `c` counts as white space for span trimming and block cutting:
/// Unicode white space plus the byte-order mark and zero-width characters
/// that scraped text carries.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Whether the ASCII byte `b` is white space as `char::is_whitespace` has
/// it: tab to carriage return, and space.
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether the character at byte `i` of `s` (a character boundary) is
/// white space (`is_space`), and its length; `None` past the end. An
/// ASCII byte, nearly every byte of the input, is read without decoding.
#[inline]
pub(crate) fn space_at(s: &str, i: usize) -> Option<(bool, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((is_ascii_space(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((is_space(c), c.len_utf8()))
}

/// Where the run of characters that ends at byte `end` of `s` and that
/// `keep` holds for starts (`end` itself when the character before it
/// fails).
///
/// ASCII, nearly every byte read, is stepped over a byte at a time with
/// `keep_ascii`, which must answer for an ASCII byte as `keep` does for its
/// character; the first byte beyond ASCII sends the rest of the way back
/// through decoding.
#[inline]
pub(crate) fn run_start_back(
    s: &str,
    end: usize,
    keep_ascii: impl Fn(u8) -> bool,
    keep: impl Fn(char) -> bool,
) -> usize {
    let bytes = s.as_bytes();
    let mut start = end.min(bytes.len());
    while let Some(&b) = start.checked_sub(1).and_then(|j| bytes.get(j)) {
        if !b.is_ascii() {
            let head = s.get(..start).unwrap_or("");
            return head
                .char_indices()
                .rev()
                .find(|&(_, c)| !keep(c))
                .map_or(0, |(p, c)| p + c.len_utf8());
        }
        if !keep_ascii(b) {
            break;
        }
        start -= 1;
    }
    start
}

/// The index of the first of `sites` (ordered by `at`) at or after
/// `start`, found from `cursor` and left there. Places are asked about in
/// text order, so the cursor moves forward, a site at a time, and all the
/// moves over one list pass each of its sites once, where a search per
/// place would take several steps; a start before the cursor's site is
/// found by binary search instead.
#[inline]
pub(crate) fn seek<T>(
    sites: &[T],
    cursor: &mut usize,
    start: usize,
    at: impl Fn(&T) -> usize,
) -> usize {
    let behind = cursor
        .checked_sub(1)
        .and_then(|i| sites.get(i))
        .is_none_or(|s| at(s) >= start);
    if behind && *cursor != 0 {
        *cursor = sites.partition_point(|s| at(s) < start);
    }
    while sites.get(*cursor).is_some_and(|s| at(s) < start) {
        *cursor += 1;
    }
    *cursor
}

/// Where the run of white space (`is_space`) that starts at byte `i` of
/// `s` ends: `i` itself when none starts there.
#[inline]
pub(crate) fn skip_space(s: &str, mut i: usize) -> usize {
    while let Some((true, len)) = space_at(s, i) {
        i += len;
    }
    i
}

/// `span` without leading or trailing white space. The result is empty,
/// at the span's end, when the span holds only white space.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    // The usual span starts and ends on a printable ASCII character and so
    // has nothing to trim; ASCII white space is stepped over a byte at a
    // time, and only the characters beyond it are decoded.
    let bytes = text.as_bytes();
    let printable = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_graphic);
    // An empty span (a blank line) is its own trim; so is a reversed one
    // (at its start), as the walk below would find.
    if span.start >= span.end {
        return Span::new(span.start, span.start);
    }
    if printable(span.end - 1) {
        if printable(span.start) {
            return span;
        }
        // A sentence after the first of its block: the space after the
        // stop that ended the one before, then the sentence.
        if bytes.get(span.start) == Some(&b' ') && printable(span.start + 1) {
            return Span::new(span.start + 1, span.end);
        }
    }
    // Read up to the span's end only: the white space may run on past it.
    let Some(head) = text
        .get(..span.end)
        .filter(|head| head.is_char_boundary(span.start))
    else {
        return Span::new(span.start, span.start);
    };
    let start = skip_space(head, span.start);
    if start >= span.end {
        return Span::new(span.end, span.end);
    }
    // The character at `start` is not white space: the walk back stops
    // at it or after it.
    let end = run_start_back(head, span.end, is_ascii_space, is_space);
    Span::new(start, end)
}

/// The end of the run of letters and digits (of any script) that starts
/// at byte `i` of `text`, read no further than `end`: `i` itself when
/// none starts there. ASCII is read a byte at a time; a character beyond
/// it is read by [`wide_alnum_at`].
pub(crate) fn run_end(text: &str, i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut e = i;
    while e < end {
        match bytes.get(e) {
            Some(b) if b.is_ascii_alphanumeric() => e += 1,
            Some(&b) if b >= 0x80 => match wide_alnum_at(text, e) {
                Some((true, len)) => e += len,
                _ => break,
            },
            _ => break,
        }
    }
    e.min(end)
}

/// The room `lower` has for a word lowered without allocating.
pub(crate) const LOWER_INLINE: usize = 32;

/// `s.to_lowercase()`, without allocating when `s` is already lower-case
/// ASCII (most words) or is ASCII of at most `LOWER_INLINE` bytes, which is
/// lowered into `buf`: most words looked up in the tables are capitalised,
/// and a new string for each cost more than the look-up. ASCII input takes
/// the cheap ASCII mapping, which agrees with `to_lowercase` on it.
pub(crate) fn lower<'a>(s: &'a str, buf: &'a mut [u8; LOWER_INLINE]) -> Cow<'a, str> {
    // One pass settles the common case, a lower-case ASCII word.
    if !s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        return Cow::Borrowed(s);
    }
    if !s.is_ascii() {
        return Cow::Owned(s.to_lowercase());
    }
    let Some(out) = ascii_lowered(s, buf) else {
        return Cow::Owned(s.to_ascii_lowercase());
    };
    match std::str::from_utf8(out) {
        Ok(t) => Cow::Borrowed(t),
        Err(_) => Cow::Owned(s.to_ascii_lowercase()),
    }
}

/// `s` lowered as `lower` lowers it, as bytes in `buf`, when `s` is ASCII
/// of at most `LOWER_INLINE` bytes; `None` otherwise.
pub(crate) fn ascii_lowered<'b>(s: &str, buf: &'b mut [u8; LOWER_INLINE]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..s.len())?;
    if !s.is_ascii() {
        return None;
    }
    for (o, b) in out.iter_mut().zip(s.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// Whether the text holds nothing but white space.
#[inline]
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// The byte offset of the first `needle` in `hay`, as `hay.find(needle)`
/// gives it.
///
/// The standard library builds a two-way searcher for each call with a
/// string pattern, and in the few words of a speaker phrase that costs
/// more than the search: this jumps between the needle's first bytes with
/// memchr instead. Both strings are UTF-8, so a match starts on a
/// character boundary.
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    memchr::memchr_iter(first, h).find(|&i| h.get(i..).is_some_and(|t| t.starts_with(n)))
}

/// The byte offset of the last `needle` in `hay`, as `hay.rfind(needle)`
/// gives it (see [`find_str`]).
pub(crate) fn rfind_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(h.len());
    };
    memchr::memrchr_iter(first, h).find(|&i| h.get(i..).is_some_and(|t| t.starts_with(n)))
}

/// The byte offset of the first of each of `needles` in `hay`, as
/// [`find_str`] gives it for each: in one pass over `hay` when every needle
/// begins with one byte (" for ", " at ", " on "), else one search each.
/// In that pass the byte after each candidate rules most of them out
/// before any needle is compared: in a speaker phrase ("Prime Minister
/// Julia Gillard") no space is followed by the second byte of " for ",
/// " at " or " of the ".
pub(crate) fn find_each<const N: usize>(hay: &str, needles: [&str; N]) -> [Option<usize>; N] {
    let first = needles.first().and_then(|n| n.as_bytes().first()).copied();
    let Some(first) = first.filter(|&b| needles.iter().all(|n| n.as_bytes().first() == Some(&b)))
    else {
        return needles.map(|n| find_str(hay, n));
    };
    let h = hay.as_bytes();
    let mut found = [None; N];
    let mut left = N;
    for i in memchr::memchr_iter(first, h) {
        let rest = h.get(i..).unwrap_or(&[]);
        let second = rest.get(1);
        if !needles
            .iter()
            .any(|n| n.len() < 2 || n.as_bytes().get(1) == second)
        {
            continue;
        }
        for (slot, needle) in found.iter_mut().zip(needles) {
            if slot.is_none() && rest.starts_with(needle.as_bytes()) {
                *slot = Some(i);
                left -= 1;
            }
        }
        if left == 0 {
            break;
        }
    }
    found
}

/// Whether `hay` holds `needle` (see [`find_str`]).
pub(crate) fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// The character starting at byte `i`, if `i` is a boundary inside `text`.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending at byte `i`, if `i` is a boundary inside `text`.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Opening quotation marks of every kind the input may use.
#[inline]
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '‚' | '‹')
}

/// Closing quotation marks of every kind the input may use.
#[inline]
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

/// One bit per byte of `chunk` (bit `i` for byte `i`, up to 64 bytes): set
/// for an ASCII letter or digit.
pub(crate) fn ascii_alnum_bits(chunk: &[u8]) -> u64 {
    byte_bits(chunk, |b| {
        // `b - lo < n` as signed bytes, `b - lo - 128 < n - 128`: one
        // vector compare, where the unsigned test takes two.
        let letter = ((b | 0x20).wrapping_add(0x80 - b'a') as i8) < i8::MIN + 26;
        let digit = (b.wrapping_add(0x80 - b'0') as i8) < i8::MIN + 10;
        letter | digit
    })
}

/// One bit per byte of `chunk` (bit `i` for byte `i`, up to 64 bytes): set
/// for a byte that opens a character beyond ASCII (0xC0 and up), so that
/// only those are decoded.
fn lead_byte_bits(chunk: &[u8]) -> u64 {
    byte_bits(chunk, |b| b >= 0xC0)
}

/// One bit per byte of `chunk` (bit `i` for byte `i`, up to 64 bytes): set
/// where `test` holds.
///
/// A full 64-byte chunk is first classified into a byte per byte, a loop
/// the compiler turns into a few vector instructions, and then gathered
/// eight bytes at a time by one multiplication; a short last chunk is read
/// a byte at a time.
#[inline(always)]
fn byte_bits(chunk: &[u8], test: impl Fn(u8) -> bool) -> u64 {
    if chunk.len() == 64 {
        // 1 where the test holds, else 0.
        let mut flags = [0u8; 64];
        for (flag, &b) in flags.iter_mut().zip(chunk) {
            *flag = u8::from(test(b));
        }
        let mut bits = 0u64;
        for (i, word) in flags.chunks_exact(8).enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            // The low bit of each byte, gathered into the top byte in
            // order: no two products of the multiplication overlap.
            let gathered = u64::from_le_bytes(w).wrapping_mul(0x0102_0408_1020_4080) >> 56;
            bits |= gathered << (8 * i);
        }
        return bits;
    }
    let mut bits = 0u64;
    for (k, &x) in chunk.iter().take(64).enumerate() {
        bits |= u64::from(test(x)) << k;
    }
    bits
}

/// Whether the character at byte `i` of `text` (a lead byte beyond ASCII)
/// is a letter or digit, and its length. The punctuation of U+2000 to
/// U+203F (curly quotes, dashes, bullets: nearly every wide character of
/// an English text) is known by its first two bytes, without the table
/// search a decoded character needs.
#[inline]
fn wide_alnum_at(text: &str, i: usize) -> Option<(bool, usize)> {
    if text.as_bytes().get(i..i + 2) == Some(&[0xE2, 0x80]) {
        return Some((false, 3));
    }
    let c = char_at(text, i)?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

/// The word starts of a text: every letter or digit of any script after a
/// character that is neither, or at the start of the text.
///
/// Every stage that looks words up (dates, countries, reporting verbs,
/// surnames) starts from the word starts. Finding them once per document,
/// rather than once per stage and block, reads the text once.
///
/// Each word start also carries its [`word_key`], computed here once: a
/// stage rules a word out with one test on the key instead of reading and
/// folding the word's first bytes itself. The keys lie in one array
/// that a walk reads straight through; a word's offset is read only for
/// the few words whose key passes.
#[derive(Debug)]
pub(crate) struct WordBytes {
    /// The key of every word start, in text order.
    keys: Vec<u16>,
    /// The low 16 bits of the byte offset of every word start, in text
    /// order: the rest is the start's [`REGION`], which a walk in text
    /// order knows from the regions' ranks.
    lows: Vec<u16>,
    /// For each 64-byte chunk, its word starts: bit `i % 64` for byte `i`.
    starts: Vec<u64>,
    /// For each 64-byte chunk, the number of word starts before it: where
    /// its starts begin in `keys` and `lows`; and last, the number of all.
    rank: Vec<usize>,
    /// Bytes in the text.
    len: usize,
}

/// The arrays of a [`WordBytes`], kept when a text is done with them so
/// that the next text's index fills them instead of allocating its own.
///
/// A long text's index takes about seven eighths of a byte per byte of
/// prose, enough that fresh arrays for every text cost more in page
/// faults (memory the allocator handed back to the system and must now
/// zero again) than filling them does.
#[derive(Debug, Default)]
pub(crate) struct WordBuffers {
    keys: Vec<u16>,
    lows: Vec<u16>,
    starts: Vec<u64>,
    rank: Vec<usize>,
}

impl WordBuffers {
    /// Empty arrays with room for `bytes` bytes (one more when `bytes`
    /// is odd).
    #[cfg(test)]
    pub(crate) fn with_room(bytes: usize) -> WordBuffers {
        WordBuffers {
            lows: Vec::with_capacity(bytes.div_ceil(2)),
            ..WordBuffers::default()
        }
    }

    /// The bytes the arrays hold room for.
    pub(crate) fn capacity_bytes(&self) -> usize {
        self.keys.capacity() * std::mem::size_of::<u16>()
            + self.lows.capacity() * std::mem::size_of::<u16>()
            + self.starts.capacity() * std::mem::size_of::<u64>()
            + self.rank.capacity() * std::mem::size_of::<usize>()
    }
}

/// Values a [`word_key`] takes.
pub(crate) const WORD_KEYS: usize = 27 * 27 * 27;

/// A set of word keys ([`word_key`]): the words a stage may care about.
///
/// A key is tested for every word start a stage reads, so the set spends
/// a byte on each key rather than a bit: the test is one load. There is an
/// entry for every `u16`, so that a stored key needs neither a bounds
/// check nor a mask.
#[derive(Debug, Clone)]
pub(crate) struct KeySet(Box<[u8; KEY_SLOTS]>);

/// Entries of a [`KeySet`]: one for each `u16`.
const KEY_SLOTS: usize = 1 << 16;

// Every key has its entry.
const _: () = assert!(WORD_KEYS <= KEY_SLOTS);

impl KeySet {
    /// An empty set.
    pub(crate) fn new() -> KeySet {
        KeySet(Box::new([0; KEY_SLOTS]))
    }

    /// Adds `key`; a number that is no key is left out.
    pub(crate) fn insert(&mut self, key: usize) {
        if key < WORD_KEYS {
            if let Some(slot) = self.0.get_mut(key) {
                *slot = 1;
            }
        }
    }

    /// Takes `key` out again; a number that is no key is left alone.
    pub(crate) fn remove(&mut self, key: usize) {
        if let Some(slot) = self.0.get_mut(key) {
            *slot = 0;
        }
    }

    /// Whether `key` is in the set.
    #[inline]
    pub(crate) fn contains(&self, key: usize) -> bool {
        key < WORD_KEYS && self.0.get(key).is_some_and(|&slot| slot != 0)
    }

    /// 1 when `key` (a stored [`word_key`]) is in the set, else 0: the
    /// test a walk over word starts makes on every word.
    #[inline]
    fn bit(&self, key: u16) -> u64 {
        // A `u16` is below `KEY_SLOTS`: no entry is missing.
        u64::from(self.0.get(usize::from(key)).copied().unwrap_or(0))
    }
}

/// A set of word keys that [`WordBytes::for_each_start_in`] tests each
/// word start against.
pub(crate) trait KeyTest {
    /// 1 when `key` (a stored [`word_key`]) is in the set, else 0.
    fn bit(&self, key: u16) -> u64;
}

impl KeyTest for KeySet {
    #[inline]
    fn bit(&self, key: u16) -> u64 {
        KeySet::bit(self, key)
    }
}

/// A set of word keys ([`word_key`]) at a bit each, 4 KB where a
/// [`KeySet`] takes 64: for sets made for each document, which are
/// cleared each time, and for small tables. Keys are read to 15 bits,
/// which hold every key. (Bits for every `u16`, as a [`KeySet`] has
/// entries, would spare the walk a mask a key; but zeroing twice the bits
/// for each document cost the corpus read document by document about what
/// it saved over the corpus read as one text, and documents one at a time
/// are the common case.)
pub(crate) type KeyBits = BitSet<{ words_for(KEY_BITS) }>;

/// Bits of a [`KeyBits`]: every 15-bit number.
const KEY_BITS: usize = 1 << 15;

// Every key has its bit.
const _: () = assert!(WORD_KEYS <= KEY_BITS);

impl KeyTest for KeyBits {
    #[inline]
    fn bit(&self, key: u16) -> u64 {
        // Read to 15 bits, a key needs no bounds check: the test is a
        // load, a shift and a mask.
        u64::from(self.contains(usize::from(key) % KEY_BITS))
    }
}

/// The fold of one byte in a [`word_key`]: an ASCII letter, in either case,
/// is 0 to 25; anything else 26.
#[inline]
pub(crate) fn key_fold(b: u8) -> usize {
    // A `u8` indexes a 256-entry table: never out of bounds.
    usize::from(KEY_FOLD.get(usize::from(b)).copied().unwrap_or(26))
}

/// `key_fold` of every byte.
// Const evaluation checks every index of this table at compile time.
#[allow(clippy::indexing_slicing)]
const KEY_FOLD: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = c as u8;
        t[b'A' as usize + c] = c as u8;
        c += 1;
    }
    t
};

/// `key_fold` of every byte times the weight of each place of a
/// [`word_key`]: 27 × 27 for the first byte, 27 for the second, 1 for the
/// third. Three loads and two additions make a key.
// Const evaluation checks every index of this table at compile time.
#[allow(clippy::indexing_slicing)]
const KEY_PLACES: [[u16; 256]; 3] = {
    let mut t = [[0u16; 256]; 3];
    let mut b = 0;
    while b < 256 {
        let fold = KEY_FOLD[b] as u16;
        t[0][b] = fold * 27 * 27;
        t[1][b] = fold * 27;
        t[2][b] = fold;
        b += 1;
    }
    t
};

/// The [`word_key`] of a word whose first three bytes are `a`, `b`, `c`.
#[inline]
fn key_of(a: u8, b: u8, c: u8) -> usize {
    // A `u8` indexes a 256-entry table: never out of bounds.
    let place = |p: usize, x: u8| {
        KEY_PLACES
            .get(p)
            .and_then(|t| t.get(usize::from(x)))
            .map_or(0, |&v| usize::from(v))
    };
    place(0, a) + place(1, b) + place(2, c)
}

/// The key of the three bytes at `i` (past the end of `bytes`, 26 each):
/// `key_fold` of each, read as a number in base 27. Two words that start
/// with the same three letters in any case share a key; anything but an
/// ASCII letter folds to one value.
#[inline]
pub(crate) fn word_key(bytes: &[u8], i: usize) -> usize {
    if let Some(&[a, b, c]) = bytes.get(i..i + 3) {
        return key_of(a, b, c);
    }
    let fold = |k: usize| bytes.get(k).map_or(26, |&b| key_fold(b));
    fold(i) * 27 * 27 + fold(i + 1) * 27 + fold(i + 2)
}

/// Every [`word_key`] of a word that begins with the bytes `prefix`: one
/// when it has three bytes or more, else one for each fold of the bytes
/// that follow it.
pub(crate) fn prefix_keys(prefix: &[u8]) -> impl Iterator<Item = usize> {
    let choices = |k: usize| match prefix.get(k) {
        Some(&b) => key_fold(b)..key_fold(b) + 1,
        None => 0..27,
    };
    let (first, second, third) = (choices(0), choices(1), choices(2));
    first.flat_map(move |a| {
        let third = third.clone();
        second
            .clone()
            .flat_map(move |b| third.clone().map(move |c| a * 27 * 27 + b * 27 + c))
    })
}

/// The word starts among the bytes of a chunk, given the chunk's bits
/// (`mask`) and the top bit of the chunk before (`prev`).
#[inline]
fn chunk_starts(mask: u64, prev: u64) -> u64 {
    mask & !((mask << 1) | prev)
}

/// The most word starts a 64-byte chunk holds: a start follows a byte
/// that belongs to no word, so no two starts are neighbours.
const CHUNK_STARTS_MAX: usize = 32;

/// Chunks whose word starts [`WordBytes::new_in`] finds in one go before
/// it keys them: 4 KB of text, which is still in cache when the keys are
/// read from it.
const BLOCK_CHUNKS: usize = 64;

/// What the word bits of one chunk hand to the next's.
#[derive(Default)]
struct ChunkCarry {
    /// Bits of the next chunk that belong to a character begun in this one.
    carry: u64,
    /// Whether the last byte of the chunk belongs to a word.
    prev: u64,
}

/// Fills `out` with the word starts of the 64-byte chunks of `text` from
/// chunk `first` on, one chunk a slot: bit `i % 64` for byte `i`.
/// Letters and digits come 64 bytes at a time as bits from
/// [`ascii_alnum_bits`]; only characters beyond ASCII are decoded, and one
/// that runs into the next chunk carries its bits over in `state`.
///
/// Kept out of line: inlined into [`WordBytes::new_in`], its loop shared
/// the registers with the loops there and kept its state on the stack.
#[inline(never)]
fn word_start_bits(text: &str, first: usize, out: &mut [u64], state: &mut ChunkCarry) {
    let bytes = text.as_bytes().get(first * 64..).unwrap_or(&[]);
    let ChunkCarry {
        mut carry,
        mut prev,
    } = *state;
    // Whole chunks in a loop of their own, where their length is known.
    let (whole, tail) = bytes.as_chunks::<64>();
    let full = whole.len().min(out.len());
    let (slots, last) = out.split_at_mut(full);
    for (c, (slot, chunk)) in slots.iter_mut().zip(whole).enumerate() {
        let mask = chunk_word_bits(text, first + c, chunk, &mut carry);
        *slot = chunk_starts(mask, prev);
        prev = mask >> 63;
    }
    if let (false, Some(slot)) = (tail.is_empty(), last.first_mut()) {
        let mask = chunk_word_bits(text, first + whole.len(), tail, &mut carry);
        *slot = chunk_starts(mask, prev);
        prev = mask >> 63;
    }
    *state = ChunkCarry { carry, prev };
}

/// The bytes of chunk `c` of `text` (`chunk`, up to 64 bytes) that belong
/// to a letter or digit of any script, a bit each, with the bits `carry`
/// holds of a character begun in the chunk before; `carry` is left with
/// those of a character that runs into the next chunk.
#[inline(always)]
fn chunk_word_bits(text: &str, c: usize, chunk: &[u8], carry: &mut u64) -> u64 {
    let mut mask = ascii_alnum_bits(chunk) | *carry;
    *carry = 0;
    if !chunk.is_ascii() {
        let mut leads = lead_byte_bits(chunk);
        while leads != 0 {
            let k = leads.trailing_zeros() as usize;
            leads &= leads - 1;
            if let Some((true, len)) = wide_alnum_at(text, c * 64 + k) {
                let char_bits = (1u64 << len) - 1;
                mask |= char_bits << k;
                if k + len > 64 {
                    *carry = char_bits >> (64 - k);
                }
            }
        }
    }
    mask
}

impl WordBytes {
    /// The word starts of `text`, each with its key (see [`WordBytes`]).
    #[cfg(test)]
    pub(crate) fn new(text: &str) -> WordBytes {
        WordBytes::new_in(text, WordBuffers::default())
    }

    /// The word starts of `text`, built in `buffers`: arrays that another
    /// text's index left, whatever they hold.
    ///
    /// The text is read a block of chunks at a time: the block's starts
    /// first, then their keys, from bytes still in cache (a pass over the
    /// whole text for each read a long text from memory twice). Each
    /// chunk's rank is the count of the keys written before it, so the
    /// starts need no counting of their own.
    pub(crate) fn new_in(text: &str, buffers: WordBuffers) -> WordBytes {
        let WordBuffers {
            mut keys,
            mut lows,
            mut starts,
            mut rank,
        } = buffers;
        let bytes = text.as_bytes();
        let chunks = bytes.len().div_ceil(64);
        // Every slot of `starts` and `rank` is written below: what another
        // text left in them need not be cleared.
        starts.resize(chunks, 0);
        rank.resize(chunks + 1, 0);
        let mut state = ChunkCarry::default();
        // Word starts keyed so far.
        let mut n = 0;
        // The window of a chunk that ends the text (the last two may).
        let mut padded = [0u8; 66];
        let blocks = starts
            .chunks_mut(BLOCK_CHUNKS)
            .zip(rank.chunks_mut(BLOCK_CHUNKS));
        for (b, (block, ranks)) in blocks.enumerate() {
            let first = b * BLOCK_CHUNKS;
            word_start_bits(text, first, block, &mut state);
            // Room for the most starts the block may hold. The arrays only
            // grow here and are cut to the starts found at the end, so an
            // index built in the arrays of a text as long as this one
            // zeroes next to nothing.
            let room = n + BLOCK_CHUNKS * CHUNK_STARTS_MAX;
            if keys.len() < room {
                keys.resize(room, 0);
            }
            if lows.len() < room {
                lows.resize(room, 0);
            }
            let (Some(block_keys), Some(block_lows)) = (keys.get_mut(n..), lows.get_mut(n..))
            else {
                break;
            };
            let mut slots = block_keys.iter_mut().zip(block_lows.iter_mut());
            let slots_before = slots.len();
            for (i, (&chunk_starts, r)) in block.iter().zip(ranks).enumerate() {
                *r = n + (slots_before - slots.len());
                if chunk_starts == 0 {
                    continue;
                }
                let c = first + i;
                // The chunk and the two bytes after it, where every key of
                // its starts lies; past the end of the text, zeros, which
                // fold as the end does.
                let rest = bytes.get(c * 64..).unwrap_or(&[]);
                let window: &[u8; 66] = match rest.first_chunk::<66>() {
                    Some(w) => w,
                    None => {
                        for (k, p) in padded.iter_mut().enumerate() {
                            *p = rest.get(k).copied().unwrap_or(0);
                        }
                        &padded
                    }
                };
                let mut left = chunk_starts;
                while left != 0 {
                    // Below 64 already; the remainder shows the compiler
                    // that the window holds the key's three bytes.
                    let offset = left.trailing_zeros() as usize % 64;
                    if let Some((key, at)) = slots.next() {
                        let byte = |k: usize| window.get(k).copied().unwrap_or(0);
                        *key = key_of(byte(offset), byte(offset + 1), byte(offset + 2)) as u16;
                        // The low 16 bits of the start's byte offset.
                        *at = (c * 64 + offset) as u16;
                    }
                    left &= left - 1;
                }
            }
            n += slots_before - slots.len();
        }
        if let Some(last) = rank.last_mut() {
            *last = n;
        }
        keys.truncate(n);
        lows.truncate(n);
        WordBytes {
            keys,
            lows,
            starts,
            rank,
            len: bytes.len(),
        }
    }

    /// The arrays, for another text's index ([`WordBytes::new_in`]).
    pub(crate) fn into_buffers(self) -> WordBuffers {
        WordBuffers {
            keys: self.keys,
            lows: self.lows,
            starts: self.starts,
            rank: self.rank,
        }
    }

    /// The index (in `keys` and `lows`) of the first word start at or
    /// after byte `i`.
    #[inline]
    fn rank_at(&self, i: usize) -> usize {
        let c = i / 64;
        let below = self.starts.get(c).map_or(0, |s| s & !(!0u64 << (i % 64)));
        self.rank
            .get(c)
            .map_or(self.keys.len(), |r| r + below.count_ones() as usize)
    }

    /// The index (in `keys` and `lows`) of the first word start past
    /// region `region` (see [`REGION`]); `usize::MAX` for a region that
    /// ends past the text.
    #[inline]
    fn region_end(&self, region: usize) -> usize {
        self.rank
            .get((region + 1) * (REGION / 64))
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// The index (in `keys` and `lows`) of the first word start inside
    /// `within`, and the keys of all of them; `None` when the span holds
    /// no byte of the text.
    #[inline]
    fn keys_within(&self, within: Span) -> Option<(usize, &[u16])> {
        let end = within.end.min(self.len);
        if within.start >= end {
            return None;
        }
        let first = self.rank_at(within.start);
        Some((first, self.keys.get(first..self.rank_at(end))?))
    }

    /// Calls `found` with the byte offset of every word start inside
    /// `within`, in order: a letter or digit of any script after a
    /// character that is neither, or at the start of the text. The
    /// character before `within` counts, so a span that opens inside a
    /// word does not start one.
    #[cfg(test)]
    pub(crate) fn for_each_start(&self, within: Span, mut found: impl FnMut(usize)) {
        self.for_each_keyed_start(within, |i, _| found(i));
    }

    /// Calls `found` with the byte offset and the [`word_key`] of every
    /// word start inside `within`, in order (the starts of
    /// `for_each_start`).
    #[cfg(test)]
    pub(crate) fn for_each_keyed_start(&self, within: Span, found: impl FnMut(usize, usize)) {
        let mut all = KeySet::new();
        for key in 0..WORD_KEYS {
            all.insert(key);
        }
        self.for_each_start_in(within, &all, found);
    }

    /// Calls `found` with the byte offset and the [`word_key`] of every
    /// word start inside `within` whose key is in `keys`, in order.
    ///
    /// Every stage rules most words out by their key alone. The keys are
    /// tested here, 64 at a time and without calling out, so that the
    /// loop over them stays small; `found` runs only for the few words
    /// that pass.
    #[inline]
    pub(crate) fn for_each_start_in(
        &self,
        within: Span,
        keys: &impl KeyTest,
        mut found: impl FnMut(usize, usize),
    ) {
        let Some((first, inside)) = self.keys_within(within) else {
            return;
        };
        let mut regions = Regions::from(self, within.start);
        for (b, block) in inside.chunks(64).enumerate() {
            // A bit for each key that passes, the block's first key the
            // lowest bit.
            let mut hits = key_hits(block, keys);
            while hits != 0 {
                let j = hits.trailing_zeros() as usize;
                hits &= hits - 1;
                let key = usize::from(block.get(j).copied().unwrap_or(0));
                found(regions.offset(self, first + b * 64 + j), key);
            }
        }
    }

    /// [`for_each_start_in`](WordBytes::for_each_start_in) with a second
    /// test: `found` runs only for the word starts whose key is in `keys`
    /// and for which `also` (given the start's byte offset) holds.
    ///
    /// For a stage whose key test lets through many words that a cheap
    /// test of their own bytes then turns away. The second test is made
    /// for every key that passes in a block of 64 before any `found` runs,
    /// its verdict kept as a bit rather than branched on: a branch on it
    /// went either way, unforeseeably, for every word.
    #[inline]
    pub(crate) fn for_each_start_where(
        &self,
        within: Span,
        keys: &impl KeyTest,
        also: impl Fn(usize) -> bool,
        mut found: impl FnMut(usize, usize),
    ) {
        let Some((first, inside)) = self.keys_within(within) else {
            return;
        };
        let mut regions = Regions::from(self, within.start);
        // The byte offset of each start of a block that passed its key
        // test, by its place in the block, for the second round.
        let mut offsets = [0usize; 64];
        for (b, block) in inside.chunks(64).enumerate() {
            let mut hits = key_hits(block, keys);
            let mut passed = 0u64;
            while hits != 0 {
                let j = hits.trailing_zeros() as usize % 64;
                hits &= hits - 1;
                let i = regions.offset(self, first + b * 64 + j);
                if let Some(slot) = offsets.get_mut(j) {
                    *slot = i;
                }
                passed |= u64::from(also(i)) << j;
            }
            while passed != 0 {
                let j = passed.trailing_zeros() as usize % 64;
                passed &= passed - 1;
                let i = offsets.get(j).copied().unwrap_or(0);
                let key = usize::from(block.get(j).copied().unwrap_or(0));
                found(i, key);
            }
        }
    }
}

/// Bytes in a region of the text: a word start at byte `i` lies in region
/// `i / REGION`, and [`WordBytes`] keeps `i % REGION` of it.
const REGION: usize = 1 << 16;

/// The region of the last word start a walk in text order found, and the
/// index of the first start past it: the byte offset of each start found
/// from its index in `keys` and `lows`.
///
/// The regions are read in order, and a walk seldom leaves one, so the
/// test that it does is nearly always false, where a test for the next
/// 64-byte chunk went either way.
struct Regions {
    region: usize,
    end: usize,
}

impl Regions {
    /// A walk of `words` from byte `start`.
    #[inline(always)]
    fn from(words: &WordBytes, start: usize) -> Regions {
        let region = start / REGION;
        Regions {
            region,
            end: words.region_end(region),
        }
    }

    /// The byte offset of the word start at index `k`, at or after every
    /// start asked about before.
    #[inline(always)]
    fn offset(&mut self, words: &WordBytes, k: usize) -> usize {
        while k >= self.end {
            self.region += 1;
            self.end = words.region_end(self.region);
        }
        self.region * REGION + usize::from(words.lows.get(k).copied().unwrap_or(0))
    }
}

/// A bit for each of the (up to 64) keys of `block` that `keys` holds: bit
/// `j` for key `j`.
///
/// The keys are tested eight at a time, their bits gathered into a byte
/// before it joins the rest: the eight tests of a byte are independent of
/// the bits before them, and each costs a load, a look-up and an add. The
/// bits are built from the last key back, so that key `j` ends up
/// shifted by the `j` keys before it. `KeyTest::bit` gives 0 or 1, so
/// doubling a byte and adding a bit is the same as shifting one in.
#[inline(always)]
fn key_hits(block: &[u16], keys: &impl KeyTest) -> u64 {
    let (eights, rest) = block.as_chunks::<8>();
    let tail = rest
        .iter()
        .rev()
        .fold(0u64, |hits, &key| (hits << 1) | keys.bit(key));
    eights.iter().rev().fold(tail, |hits, eight| {
        let byte = eight
            .iter()
            .rev()
            .fold(0u64, |byte, &key| byte * 2 + keys.bit(key));
        (hits << 8) | byte
    })
}

/// Whether `hay` contains `needle` (ASCII letters matched in either case).
/// Candidates come from a `memchr` on the needle's first byte in both cases.
pub(crate) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|i| {
        hay.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// A search for any of three bytes, with the machine's widest searcher
/// picked and its needles set up once: `memchr::memchr2` and `memchr3` do
/// both on every call, a fixed cost larger than that of reading the few
/// dozen bytes most calls in the layout and sentence stages read (a line,
/// the bytes between two clue sites or two full stops).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ThreeBytes {
    bytes: [u8; 3],
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Three>,
}

impl ThreeBytes {
    /// The search for `a`, `b` and `c`.
    pub(crate) fn new([a, b, c]: [u8; 3]) -> ThreeBytes {
        ThreeBytes {
            bytes: [a, b, c],
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Three::new(a, b, c),
        }
    }

    /// The offset of the first of the bytes in `hay`.
    #[inline]
    pub(crate) fn find(&self, hay: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(searcher) = &self.avx2 {
            return searcher.find(hay);
        }
        let [a, b, c] = self.bytes;
        memchr::memchr3(a, b, c, hay)
    }

    /// The offset of every one of the bytes in `hay`, in order.
    pub(crate) fn sites<'s>(&'s self, hay: &'s [u8]) -> impl Iterator<Item = usize> + 's {
        let mut at = 0;
        std::iter::from_fn(move || {
            let p = at + self.find(hay.get(at..)?)?;
            at = p + 1;
            Some(p)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers below `n` from a seeded linear congruential generator: the
    /// same draws on every run.
    fn draws(seed: u32) -> impl FnMut(u32) -> u32 {
        let mut x = seed;
        move |n| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 8) % n
        }
    }

    #[test]
    fn seek_finds_the_first_site_at_or_after_a_start() {
        let sites = [2, 5, 5, 9];
        let mut cursor = 0;
        for (start, want) in [
            (0, 0),
            (3, 1),
            (5, 1),
            (6, 3),
            (10, 4),
            (4, 1),
            (0, 0),
            (9, 3),
        ] {
            assert_eq!(seek(&sites, &mut cursor, start, |&p| p), want, "{start}");
        }
    }

    /// `trim` gives the span of `str::trim_matches(is_space)` over every
    /// sub-span, with ASCII and wider white space mixed at both ends.
    #[test]
    fn trim_agrees_with_str_on_every_span() {
        for text in [
            "  a b \t",
            "\u{a0} x\u{200b} \n",
            " \u{2003}\u{feff}",
            "\r\n\u{0b}é \u{0b}",
            "x",
            "",
        ] {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let got = trim(text, Span::new(a, b));
                    let want = text[a..b].trim_matches(is_space);
                    assert_eq!(&text[got.range()], want, "{text:?} {a}..{b}");
                    if want.is_empty() {
                        assert_eq!(got, Span::new(b, b), "{text:?} {a}..{b}");
                    } else {
                        let start = a + text[a..b].find(want).unwrap_or(0);
                        assert_eq!(got, Span::new(start, start + want.len()), "{text:?}");
                    }
                }
            }
        }
    }

    /// The substring searches agree with the standard library's on
    /// overlapping, repeated, multi-byte and empty needles.
    #[test]
    fn substring_searches_agree_with_str() {
        let hays = [
            "",
            "a",
            "Prime Minister of the United Kingdom of Great Britain",
            "aaaa",
            "’s ’s’s ’ s",
            "Kevin Rudd and John Brumby and",
            " and ",
        ];
        let needles = [
            "", " of ", "of", "aa", "’s ", "’", " and ", "and", "x", "Britain!",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(
                    find_str(hay, needle),
                    hay.find(needle),
                    "{hay:?} {needle:?}"
                );
                assert_eq!(
                    rfind_str(hay, needle),
                    hay.rfind(needle),
                    "{hay:?} {needle:?}"
                );
                assert_eq!(contains_str(hay, needle), hay.contains(needle));
            }
            let each = [" of ", " and ", " ", " of the "];
            assert_eq!(find_each(hay, each), each.map(|n| hay.find(n)), "{hay:?}");
            let mixed = ["of", "’s ", ""];
            assert_eq!(find_each(hay, mixed), mixed.map(|n| hay.find(n)), "{hay:?}");
        }
        // Phrases where the byte after a space rules out every needle, and
        // some where it does not.
        let spaced = [" for ", " at ", " of the ", " from ", " on "];
        for hay in [
            "Prime Minister Julia Gillard",
            "Minister for Health Roxon",
            "head of the OECD",
            "Lisa Abramowicz on X",
            "a at  at from",
            "of the",
            " on ",
            "Lydia Buchtmann for Food Standards Australia at the",
        ] {
            assert_eq!(
                find_each(hay, spaced),
                spaced.map(|n| hay.find(n)),
                "{hay:?}"
            );
        }
    }

    /// The branch-free mask agrees with the byte-wise definition on every
    /// byte value in every lane.
    #[test]
    fn alnum_bits_agree_with_bytes() {
        let expected = |chunk: &[u8]| {
            chunk.iter().enumerate().fold(0u64, |m, (k, b)| {
                m | (u64::from(b.is_ascii_alphanumeric()) << k)
            })
        };
        for start in 0..=255u8 {
            let chunk: Vec<u8> = (0..64u8)
                .map(|k| start.wrapping_add(k.wrapping_mul(37)))
                .collect();
            assert_eq!(
                ascii_alnum_bits(&chunk),
                expected(&chunk),
                "chunk from {start}"
            );
            assert_eq!(ascii_alnum_bits(&chunk[..13]), expected(&chunk[..13]));
        }
        let text = "Ottawa, 27 June 2017 – The “Five Eyes” ministers met. Ça va? 9am\n";
        let bytes = text.as_bytes();
        let chunk = &bytes[..64];
        assert_eq!(ascii_alnum_bits(chunk), expected(chunk));
        assert_eq!(ascii_alnum_bits(&[]), 0);
    }

    /// Word starts by the definition, one character at a time.
    fn word_starts_by_chars(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut prev = false;
        for (i, c) in text.char_indices() {
            let word = c.is_alphanumeric();
            if word && !prev {
                out.push(i);
            }
            prev = word;
        }
        out
    }

    #[test]
    fn word_keys_fold_case_and_everything_but_letters() {
        let key = |s: &str| word_key(s.as_bytes(), 0);
        // a = 0, b = 1, c = 2 in base 27.
        assert_eq!(key("abc"), 27 + 2);
        assert_eq!(key("Said"), key("SAID"));
        assert_eq!(key("said"), key("sai"));
        // Digits, punctuation, bytes beyond ASCII and the end all fold to 26.
        assert_eq!(key("O'Neil"), key("O-Neil"));
        assert_eq!(key("O’Neil"), key("O’’"));
        assert_eq!(key("9am"), 26 * 729 + 12);
        assert_eq!(key("Wu"), key("Wu."));
        assert_eq!(key(""), WORD_KEYS - 1);
    }

    /// The table of weighted folds makes the keys of the definition.
    #[test]
    fn keys_from_the_table_agree_with_the_folds() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for c in [0, b'a', b'Z', b'0', 0xC3, 0xFF] {
                    let expected = key_fold(a) * 27 * 27 + key_fold(b) * 27 + key_fold(c);
                    assert_eq!(key_of(a, b, c), expected, "{a} {b} {c}");
                }
            }
        }
    }

    /// Keys of words that end the text, at every offset around the end
    /// of a chunk (and of the chunk after), read the end as the definition
    /// does; letters earlier in the text must not be read in its place.
    #[test]
    fn keys_at_the_end_of_the_text() {
        for filler in [" ", "xy "] {
            for len in 60..=134usize {
                for word in ["a", "ab", "abc", "abcd"] {
                    for at in len.saturating_sub(6)..len {
                        let mut text = filler.repeat(at);
                        text.truncate(at.saturating_sub(1));
                        text.push(' ');
                        text.push_str(word);
                        text.truncate(len.min(text.len()));
                        let words = WordBytes::new(&text);
                        let mut got = Vec::new();
                        words.for_each_keyed_start(Span::new(0, text.len()), |i, key| {
                            got.push((i, key));
                        });
                        let expected: Vec<(usize, usize)> = word_starts_by_chars(&text)
                            .into_iter()
                            .map(|i| (i, word_key(text.as_bytes(), i)))
                            .collect();
                        assert_eq!(got, expected, "{text:?}");
                    }
                }
            }
        }
    }

    /// An index built in the arrays of another text's, longer or shorter,
    /// holds what a fresh one does: nothing of the other text is left in it.
    #[test]
    fn an_index_built_in_used_arrays_is_a_fresh_index() {
        let keyed = |words: &WordBytes, len: usize| {
            let mut got = Vec::new();
            words.for_each_keyed_start(Span::new(0, len), |i, key| got.push((i, key)));
            got
        };
        let long = "Ottawa said “yes” to Kyiv, naïvely. ".repeat(40);
        let texts = [
            "",
            "a",
            long.as_str(),
            "Short text here.",
            "x y",
            long.as_str(),
        ];
        let mut buffers = WordBuffers::default();
        for text in texts {
            let reused = WordBytes::new_in(text, buffers);
            assert_eq!(
                keyed(&reused, text.len()),
                keyed(&WordBytes::new(text), text.len())
            );
            assert_eq!(reused.len, text.len());
            buffers = reused.into_buffers();
        }
        assert!(buffers.capacity_bytes() > long.len() / 4);
    }

    /// Rare words far apart, with chunks of no word start between them
    /// (long runs of spaces), are found where they stand: the walk's step
    /// over the regions between two hits lands on the right region for
    /// gaps of every size, within a region and across one or several.
    #[test]
    fn sparse_hits_land_in_their_regions() {
        let mut text = String::new();
        let mut expected = Vec::new();
        for gap in [
            0usize, 1, 2, 3, 5, 63, 64, 65, 127, 200, 640, 1000, 4097, 65535, 65536, 65537, 140_000,
        ] {
            text.push_str(&" ".repeat(gap));
            text.push_str("the ");
            for _ in 0..gap % 7 {
                text.push_str("an ");
            }
            expected.push(text.len());
            text.push_str("Zulu ");
        }
        let words = WordBytes::new(&text);
        let mut zulu = KeySet::new();
        zulu.insert(word_key(b"Zulu", 0));
        let mut got = Vec::new();
        words.for_each_start_in(Span::new(0, text.len()), &zulu, |i, _| got.push(i));
        assert_eq!(got, expected);
        // From inside the text, and to a hit in the last chunk.
        let from = expected[5] + 1;
        let mut got = Vec::new();
        words.for_each_start_in(Span::new(from, text.len()), &zulu, |i, _| got.push(i));
        assert_eq!(got, expected[6..]);
    }

    /// `for_each_start_where` finds what `for_each_start_in` finds and the
    /// second test keeps, over a text several regions long with words
    /// beyond ASCII, from and to drawn bytes.
    #[test]
    fn a_second_test_keeps_what_it_holds_for() {
        let mut draw = draws(77);
        let words_of = [
            "said", "Sahel", "naïve", "Kyiv", "stated", "ère", "x", "Ōta", "42",
        ];
        let mut text = String::new();
        while text.len() < 2 * REGION + 3000 {
            text.push_str(words_of[draw(words_of.len() as u32) as usize]);
            text.push_str([" ", "  ", ", ", "\n", "\u{a0}"][draw(5) as usize]);
        }
        let words = WordBytes::new(&text);
        let mut keys = KeySet::new();
        for w in ["said", "naïve", "Ōta", "42", "stated"] {
            keys.insert(word_key(w.as_bytes(), 0));
        }
        let bytes = text.as_bytes();
        let also = |i: usize| {
            bytes
                .get(i + 1)
                .is_some_and(|&b| b == b'a' || b == b'2' || b >= 0x80)
        };
        for _ in 0..200 {
            let a = draw(text.len() as u32 + 1) as usize;
            let b = draw(text.len() as u32 + 1) as usize;
            let within = Span::new(a.min(b), a.max(b));
            let mut want = Vec::new();
            words.for_each_start_in(within, &keys, |i, k| {
                if also(i) {
                    want.push((i, k));
                }
            });
            let mut got = Vec::new();
            words.for_each_start_where(within, &keys, also, |i, k| got.push((i, k)));
            assert_eq!(got, want, "{within:?}");
        }
        let mut all = 0;
        words.for_each_start_where(Span::new(0, text.len()), &keys, also, |_, _| all += 1);
        assert!(all > 1000, "{all}");
    }

    /// Every word start of a text several regions long is found where it
    /// stands, by walks from and to any byte: words of every length from a
    /// seeded generator, with runs of spaces that put starts on and around
    /// the regions' first bytes.
    #[test]
    fn starts_land_in_their_regions() {
        let mut draw = draws(2024);
        let mut text = String::new();
        while text.len() < 3 * REGION + 5000 {
            // Near a region's start, spaces up to it: the next word starts
            // on its first byte, or on the byte after or before it, by turns.
            let to_region = REGION - text.len() % REGION;
            if to_region < 40 {
                let shift = [1, 0, 2][(text.len() / REGION) % 3];
                text.push_str(&" ".repeat((to_region + shift).max(2) - 1));
            } else {
                text.push(' ');
            }
            for _ in 0..1 + draw(9) {
                text.push(char::from(b'a' + draw(26) as u8));
            }
            if draw(50) == 0 {
                text.push_str(" naïve “Kyiv”");
            }
        }
        let all = word_starts_by_chars(&text);
        let words = WordBytes::new(&text);
        let cuts = [
            0,
            1,
            REGION - 1,
            REGION,
            REGION + 1,
            2 * REGION + 7,
            text.len(),
        ];
        for &from in &cuts {
            for &to in cuts.iter().filter(|&&to| to >= from) {
                let mut got = Vec::new();
                words.for_each_start(Span::new(from, to), |i| got.push(i));
                let expected: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&i| i >= from && i < to)
                    .collect();
                assert_eq!(got, expected, "{from}..{to}");
            }
        }
        // Some start stands on a region's first byte.
        assert!(all.iter().any(|&i| i > 0 && i % REGION == 0));
    }

    /// Keys tested eight at a time give the bits of testing them one at
    /// a time, for blocks of every length and in both kinds of set.
    #[test]
    fn key_hits_agree_with_testing_each_key() {
        let mut set = KeySet::new();
        let mut bits = KeyBits::new();
        for key in (0..WORD_KEYS).filter(|k| k % 3 == 0 || k % 7 == 1) {
            set.insert(key);
            bits.insert(key);
        }
        // Keys from a simple generator, up to the largest a key can be.
        let mut draw = draws(12345);
        let keys: Vec<u16> = (0..64)
            .map(|_| draw(WORD_KEYS as u32) as u16)
            .chain([0, WORD_KEYS as u16 - 1])
            .collect();
        // Some keys are in the set and some are not.
        let in_set = keys[..64].iter().filter(|&&k| set.contains(usize::from(k)));
        assert!((1..64).contains(&in_set.count()));
        for len in 0..=64 {
            for from in [0, 2] {
                let block = &keys[from..from + len];
                let one_by_one = |keys: &dyn Fn(u16) -> bool| {
                    let bit = |(j, &key): (usize, &u16)| u64::from(keys(key)) << j;
                    block.iter().enumerate().map(bit).fold(0, |a, b| a | b)
                };
                let in_set = one_by_one(&|k| set.contains(usize::from(k)));
                assert_eq!(key_hits(block, &set), in_set, "{len}");
                assert_eq!(key_hits(block, &bits), in_set, "{len}");
            }
        }
    }

    #[test]
    fn prefix_keys_cover_every_word_the_prefix_begins() {
        assert_eq!(
            prefix_keys(b"said").collect::<Vec<_>>(),
            [word_key(b"said", 0)]
        );
        let ng: Vec<usize> = prefix_keys(b"Ng").collect();
        assert_eq!(ng.len(), 27);
        for word in ["Ng", "Ng's", "Ngozi", "NG"] {
            assert!(ng.contains(&word_key(word.as_bytes(), 0)), "{word}");
        }
        assert_eq!(prefix_keys(b"").count(), WORD_KEYS);
    }

    #[test]
    fn word_starts_agree_with_characters() {
        let pieces = [
            "Ottawa ",
            "Ça va? ",
            "naïve ",
            "“Five Eyes” ",
            "9am ",
            "東京 ",
            "x",
            "é",
            "—",
            " ",
        ];
        // Many mixes of ASCII and wider characters, so that characters
        // straddle the 64-byte chunk boundaries at every offset.
        for seed in 0..200usize {
            let mut text = String::new();
            let mut k = seed;
            while text.len() < 300 {
                text.push_str(pieces[k % pieces.len()]);
                k = k.wrapping_mul(31).wrapping_add(7) % 1009;
            }
            let words = WordBytes::new(&text);
            let mut got = Vec::new();
            words.for_each_start(Span::new(0, text.len()), |i| got.push(i));
            assert_eq!(got, word_starts_by_chars(&text), "{text:?}");
            // Inside any span, the starts are those of the whole text that
            // lie in it.
            for (lo, hi) in [(1, 70), (63, 64), (64, 200), (100, 129), (5, 5)] {
                let mut got = Vec::new();
                words.for_each_keyed_start(Span::new(lo, hi), |i, key| got.push((i, key)));
                let expected: Vec<(usize, usize)> = word_starts_by_chars(&text)
                    .into_iter()
                    .filter(|&i| (lo..hi).contains(&i))
                    .map(|i| (i, word_key(text.as_bytes(), i)))
                    .collect();
                assert_eq!(got, expected, "{text:?} {lo}..{hi}");
            }
        }
        // Inside a span, the character before it counts.
        let text = "ab cd";
        let mut got = Vec::new();
        WordBytes::new(text).for_each_start(Span::new(1, 5), |i| got.push(i));
        assert_eq!(got, vec![3]);
        // A span past the end of the text holds no starts.
        let mut got = Vec::new();
        WordBytes::new(text).for_each_start(Span::new(4, 90), |i| got.push(i));
        assert_eq!(got, vec![]);
    }

    /// A text of many blocks of chunks, with characters beyond ASCII
    /// straddling the chunk and block boundaries, and blocks dense with
    /// starts: every start and key, as the characters give them.
    #[test]
    fn word_starts_agree_with_characters_across_blocks() {
        let pieces = ["a ", "Ça ", "“x” ", "naïve—", "東京 ", "9 ", "  ", "word"];
        for seed in [1usize, 7, 40] {
            let mut text = String::new();
            let mut k = seed;
            while text.len() < 3 * BLOCK_CHUNKS * 64 + 100 {
                text.push_str(pieces[k % pieces.len()]);
                k = k.wrapping_mul(31).wrapping_add(7) % 1009;
            }
            // A block with the most starts a block may hold.
            text.push_str(&"a ".repeat(BLOCK_CHUNKS * 32));
            text.push('é');
            let words = WordBytes::new(&text);
            let mut got = Vec::new();
            words.for_each_keyed_start(Span::new(0, text.len()), |i, key| got.push((i, key)));
            let expected: Vec<(usize, usize)> = word_starts_by_chars(&text)
                .into_iter()
                .map(|i| (i, word_key(text.as_bytes(), i)))
                .collect();
            assert_eq!(got, expected, "{seed}");
        }
    }

    /// The shortcut for general punctuation reads every character it
    /// covers as decoding does.
    #[test]
    fn wide_alnum_agrees_with_decoding() {
        for c in ('\u{80}'..='\u{FFFF}').chain(['\u{1F600}', '\u{10400}']) {
            let s = format!("{c}x");
            assert_eq!(
                wide_alnum_at(&s, 0),
                Some((c.is_alphanumeric(), c.len_utf8())),
                "{c:?}"
            );
        }
    }

    /// `space_at` agrees with `is_space` on every ASCII byte and on the
    /// wider spaces the input carries.
    #[test]
    fn space_at_agrees_with_is_space() {
        let mut text: String = (0..128u8).map(char::from).collect();
        text.push_str("\u{85}\u{A0}\u{2003}\u{200B}\u{FEFF}\u{3000}é’“");
        let mut i = 0;
        for c in text.chars() {
            assert_eq!(
                space_at(&text, i),
                Some((is_space(c), c.len_utf8())),
                "{c:?}"
            );
            i += c.len_utf8();
        }
        assert_eq!(space_at(&text, text.len()), None);
    }

    /// `run_start_back` finds where a character-by-character walk back
    /// does, from every character boundary of a text mixing ASCII with
    /// wider letters and marks.
    #[test]
    fn run_start_back_agrees_with_walking_characters() {
        let keep = |c: char| c.is_alphanumeric() || matches!(c, '.' | '’' | '-');
        let keep_ascii = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
        let text = "U.S.-made O’Brien’s café 30°C Zürich—a.b 東京x (Dr. é";
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let want = text[..end]
                .char_indices()
                .rev()
                .find(|&(_, c)| !keep(c))
                .map_or(0, |(p, c)| p + c.len_utf8());
            assert_eq!(
                run_start_back(text, end, keep_ascii, keep),
                want,
                "at {end}"
            );
        }
    }

    /// `skip_space` ends where `trim_start_matches(is_space)` does, from
    /// every character boundary.
    #[test]
    fn skip_space_agrees_with_trimming() {
        let text = " \t\u{A0}x \u{2003}\u{200B}\n’y  \u{FEFF}";
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let rest = &text[i..];
            let want = i + rest.len() - rest.trim_start_matches(is_space).len();
            assert_eq!(skip_space(text, i), want, "at {i}");
        }
    }

    #[test]
    fn contains_ignoring_ascii_case() {
        for (hay, needle, expected) in [
            ("Ministers agreed the following actions.", "following", true),
            ("THE FOLLOWING:", "following", true),
            ("the Following", "following", true),
            ("a follow-up", "following", false),
            ("followin", "following", false),
            ("", "following", false),
            ("anything", "", true),
            ("Ça suit: following", "following", true),
        ] {
            assert_eq!(contains_ignore_ascii_case(hay, needle), expected, "{hay:?}");
        }
    }
}
