//! A fixed set of small numbers, one bit each.
//!
//! Every word scan rules most words out before any look-up by testing one
//! bit for the word's first bytes (a three-letter prefix, a hash of four
//! bytes); this is the table those bits live in.

/// A set of the numbers below `64 × WORDS`. The size is a constant so that
/// the test of a number compiles to a compare, a shift and a mask.
#[derive(Debug, Clone)]
pub(crate) struct BitSet<const WORDS: usize>(Box<[u64; WORDS]>);

/// Words of 64 bits that hold the numbers below `size`.
pub(crate) const fn words_for(size: usize) -> usize {
    size.div_ceil(64)
}

impl<const WORDS: usize> BitSet<WORDS> {
    /// An empty set.
    pub(crate) fn new() -> BitSet<WORDS> {
        BitSet(Box::new([0; WORDS]))
    }

    /// Adds `n`; a number past the size is left out.
    #[inline]
    pub(crate) fn insert(&mut self, n: usize) {
        if let Some(word) = self.0.get_mut(n / 64) {
            *word |= 1 << (n % 64);
        }
    }

    /// Whether `n` is in the set; never for a number past the size.
    #[inline]
    pub(crate) fn contains(&self, n: usize) -> bool {
        self.0
            .get(n / 64)
            .is_some_and(|word| word & (1 << (n % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_inserted_and_nothing_else() {
        let mut set = BitSet::<{ words_for(130) }>::new();
        for n in [0, 63, 64, 129] {
            set.insert(n);
        }
        // Past the size (three words hold 0 to 191): ignored, never reported.
        set.insert(192);
        let held: Vec<usize> = (0..300).filter(|&n| set.contains(n)).collect();
        assert_eq!(held, vec![0, 63, 64, 129]);
        assert!(!set.contains(191));
    }
}
