//! What the early stages hand to the later ones.

use crate::layout::{Block, BlockKind};
use crate::sentence::{Sentence, Split};
use crate::text::{WordBuffers, WordBytes};
use crate::Span;

/// The input with its blocks and sentences: the shared view that the quote,
/// country, date and commitment stages read.
pub(crate) struct Analysis<'h> {
    /// The whole input.
    pub text: &'h str,
    /// Blocks, in order.
    pub blocks: Vec<Block<'h>>,
    /// Sentences, in order; each names its block.
    pub sentences: Vec<Sentence<'h>>,
    /// The spans of `sentences`, in the same order.
    pub sentence_spans: Vec<Span>,
    /// For each block, the range of its sentences in `sentences`.
    pub sentences_by_block: Vec<std::ops::Range<usize>>,
    /// Which bytes of the text are word bytes, built on first use: only
    /// the stages that look words up need them.
    words: std::cell::OnceCell<WordBytes>,
    /// The content blocks' spans and their walk, built on first use.
    content: std::cell::OnceCell<Content>,
    /// Arrays an earlier text's word index left, for this one's to fill.
    spare: std::cell::Cell<WordBuffers>,
}

impl<'h> Analysis<'h> {
    /// The analysis of `text` cut into `blocks` and `sentences` (in block
    /// order, as the sentence stage makes them).
    #[cfg(test)]
    pub(crate) fn new(
        text: &'h str,
        blocks: Vec<Block<'h>>,
        sentences: Vec<Sentence<'h>>,
    ) -> Analysis<'h> {
        let spans = sentences.iter().map(|s| s.span).collect();
        let by_block = ranges_by_block(blocks.len(), &sentences);
        Analysis::from_split(
            text,
            blocks,
            Split {
                sentences,
                spans,
                by_block,
            },
        )
    }

    /// The analysis of `text` cut into `blocks`, whose sentences the
    /// sentence stage found (`SentenceSplitter::split_blocks`).
    pub(crate) fn from_split(
        text: &'h str,
        blocks: Vec<Block<'h>>,
        split: Split<'h>,
    ) -> Analysis<'h> {
        Analysis {
            text,
            blocks,
            sentences: split.sentences,
            sentence_spans: split.spans,
            sentences_by_block: split.by_block,
            words: std::cell::OnceCell::new(),
            content: std::cell::OnceCell::new(),
            spare: std::cell::Cell::default(),
        }
    }

    /// The same analysis, its word index (if a stage asks for it) to be
    /// built in `buffers` rather than in arrays of its own.
    pub(crate) fn with_buffers(self, buffers: WordBuffers) -> Analysis<'h> {
        self.spare.set(buffers);
        self
    }

    /// Which bytes of the text are word bytes, for the word scans.
    pub(crate) fn words(&self) -> &WordBytes {
        self.words
            .get_or_init(|| WordBytes::new_in(self.text, self.spare.take()))
    }

    /// The arrays of the word index, or the buffers given for it when no
    /// stage asked for one, for another text's index.
    pub(crate) fn take_buffers(&mut self) -> WordBuffers {
        self.words
            .take()
            .map_or_else(|| self.spare.take(), WordBytes::into_buffers)
    }

    /// The sentences of block `i`, in order.
    pub(crate) fn sentences_of(&self, i: usize) -> &[Sentence<'h>] {
        self.sentences_by_block
            .get(i)
            .and_then(|r| self.sentences.get(r.clone()))
            .unwrap_or(&[])
    }

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

    /// The content blocks' spans and their walk, as the country and date
    /// stages read them. The blocks are read once for both stages, and each
    /// then reads a third of the bytes: a long text's blocks do not stay in
    /// cache from one pass to the next. Worked out on the first call and
    /// kept, so `blocks` must not change after it.
    pub(crate) fn content(&self) -> &Content {
        self.content.get_or_init(|| {
            let spans: Vec<Span> = self.content_spans().map(|(_, span)| span).collect();
            let walk = content_walk(&spans, self.text.len());
            Content { spans, walk }
        })
    }
}

/// The spans of the content blocks, in order, and the stretch they cover.
pub(crate) struct Content {
    /// The spans of [`Analysis::content_spans`].
    pub spans: Vec<Span>,
    /// The stretch from the first content block's start to the last one's
    /// end, when the content blocks come in order, apart and inside the
    /// text, as the layout stage makes them: one walk over the word starts
    /// then reads them all, where a walk per block would pay its set-up for
    /// each block, most of them a few words long. `None` when there is no
    /// content block, or when the blocks are not so (each is then walked on
    /// its own).
    pub walk: Option<Span>,
}

/// [`Content::walk`] of content spans `spans` in a text of `len` bytes.
fn content_walk(spans: &[Span], len: usize) -> Option<Span> {
    let mut walk: Option<Span> = None;
    for &span in spans {
        let after = walk.map_or(0, |w| w.end);
        if span.start < after || span.end < span.start || span.end > len {
            return None;
        }
        walk = Some(Span::new(walk.map_or(span.start, |w| w.start), span.end));
    }
    walk
}

/// For each of `blocks` blocks, the range of its sentences in `sentences`
/// (in block order): from its first to past its last, `0..0` when it has
/// none.
#[cfg(test)]
fn ranges_by_block(blocks: usize, sentences: &[Sentence<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut sentences_by_block = vec![0..0; blocks];
    for (i, s) in sentences.iter().enumerate() {
        if let Some(r) = sentences_by_block.get_mut(s.block) {
            if r.start == r.end {
                *r = i..i + 1;
            } else {
                r.end = i + 1;
            }
        }
    }
    sentences_by_block
}

#[cfg(test)]
mod tests {
    use super::{ranges_by_block, Analysis};
    use crate::layout::{Block, BlockKind, LayoutRules};
    use crate::sentence::SentenceSplitter;
    use crate::Span;

    /// The ranges the splitter keeps while it splits give each block the
    /// sentences that a search of the finished list for the block's
    /// sentences gives, over blocks of no, one and several sentences: the
    /// layout stage's, and the parts between blank lines, white space
    /// alone among them.
    #[test]
    fn the_splitters_ranges_give_each_block_its_sentences() {
        let texts = [
            "",
            "Ministers meet\n\nThey met in Ottawa. They talked.\n\n\n- One\n- Two. Three.",
            "Title\n\n“We will,” she said. “Now.”\n\nPhoto: someone\n\n---\n\nEnd. Of. It.",
            "A.\n\nB\n\n  \n\nC? D! E.\n\n   \n\nF\n\n",
        ];
        let mut seen = [0; 3];
        for text in texts {
            let parts = text.split("\n\n").scan(0, |at, part| {
                let start = *at;
                *at += part.len() + 2;
                Some(Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(start, start + part.len()),
                    marker: None,
                    depth: 0,
                })
            });
            for blocks in [LayoutRules::new().blocks(text), parts.collect()] {
                let split = SentenceSplitter::new().split_blocks(text, &blocks);
                let want = ranges_by_block(blocks.len(), &split.sentences);
                let a = Analysis::from_split(text, blocks, split);
                assert_eq!(a.sentences_by_block.len(), want.len(), "{text:?}");
                for (i, r) in want.into_iter().enumerate() {
                    let expected = a.sentences.get(r).unwrap_or(&[]);
                    assert_eq!(a.sentences_of(i), expected, "{text:?} {i}");
                    seen[expected.len().min(2)] += 1;
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }
}
