//! What the early stages hand to the later ones.

use crate::layout::{Block, BlockKind};
use crate::sentence::Sentence;
use crate::Span;

/// The input with its blocks and sentences: the shared view that the quote,
/// country, date and commitment stages read.
#[derive(Debug)]
pub(crate) struct Analysis<'h> {
    /// The whole input.
    pub text: &'h str,
    /// Blocks, in order.
    pub blocks: Vec<Block<'h>>,
    /// Sentences, in order; each names its block.
    pub sentences: Vec<Sentence<'h>>,
}

impl Analysis<'_> {
    /// Whether entities may be extracted from block `i` (boilerplate is
    /// page furniture, never the story).
    pub(crate) fn is_content(&self, i: usize) -> bool {
        self.blocks
            .get(i)
            .is_some_and(|b| b.kind != BlockKind::Boilerplate)
    }

    /// The spans of the blocks entities may come from, in order.
    pub(crate) fn content_spans(&self) -> impl Iterator<Item = (usize, Span)> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind != BlockKind::Boilerplate)
            .map(|(i, b)| (i, b.span))
    }
}
