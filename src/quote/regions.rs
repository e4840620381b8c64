//! Quotation regions: the spans between paired quotation marks in one
//! block, with the marks that a quotation carried over from the paragraph
//! before, or running on into the next, leaves unpaired.

use crate::text::{is_space, trim};
use crate::Span;

/// A quotation found between marks in one block.
#[derive(Debug, Clone, Copy)]
pub(super) struct Region {
    /// Byte offset of the opening mark.
    pub(super) open: usize,
    /// The content, trimmed.
    pub(super) inner: Span,
    /// Byte offset just after the closing mark (the block end when the
    /// quotation runs on into the next paragraph).
    pub(super) end: usize,
    /// Whether the quotation has no closing mark in this block.
    pub(super) runs_on: bool,
    /// Whether single marks delimit it.
    pub(super) single: bool,
}

/// What `find_regions` needs to know of a paragraph's neighbours.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Marks {
    /// The next paragraph starts with an opening mark.
    pub(super) next_opens: bool,
    /// The next paragraph starts without one and closes a quotation first
    /// (`closes_first`).
    pub(super) next_closes: bool,
    /// A quotation is open from the previous paragraph, its opening mark
    /// not repeated here: whether its closing mark is straight.
    pub(super) open_at_start: Option<bool>,
}

/// Whether the paragraph `block` starts without an opening mark and its
/// first mark closes a double quotation (`better.” After`), with no
/// quotation nested before it: then, if its closing mark is straight.
pub(super) fn closes_first(text: &str, block: Span) -> Option<bool> {
    let hay = text.get(trim(text, block).range())?;
    if hay.starts_with(['“', '"', '‘', '\'']) {
        return None;
    }
    // The marks are '"' or start with 0xE2: memchr skips the rest.
    let (i, c) = memchr::memchr2_iter(b'"', 0xE2, hay.as_bytes())
        .filter_map(|i| Some((i, hay.get(i..)?.chars().next()?)))
        .find(|&(_, c)| matches!(c, '“' | '”' | '"' | '‘'))?;
    let prev = hay.get(..i).and_then(|r| r.chars().next_back());
    let next = hay.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
    match c {
        '”' => Some(false),
        '"' if !(prev.is_none_or(is_space) && next.is_some_and(|n| !is_space(n))) => Some(true),
        _ => None,
    }
}

/// Longest quotation in single marks; longer runs are apostrophes gone astray.
const MAX_SINGLE: usize = 600;

/// The quotations of one block, into `out` (cleared first: one list serves
/// every block of a document), marks paired within the block only, so an
/// unbalanced mark costs at most the rest of its block; and whether a
/// double quotation is still open at the block's end.
pub(super) fn find_regions(text: &str, block: Span, marks: Marks, out: &mut Vec<Region>) -> bool {
    out.clear();
    let Some(hay) = text.get(block.range()) else {
        return false;
    };
    let bytes = hay.as_bytes();
    // A quotation open from the previous paragraph opens, without a mark,
    // where this one's text starts.
    let carried = marks
        .open_at_start
        .map(|straight| (trim(text, block).start - block.start, straight));
    let mut double: Option<(usize, bool)> = carried; // opening offset, straight
                                                     // The length of the opening mark at `o`: none for the carried quotation.
    let mark_len = |o: usize, len: usize| {
        if carried.is_some_and(|(c, _)| c == o) {
            0
        } else {
            len
        }
    };
    let mut single: Option<usize> = None;
    // Curly quotations nested inside the open one.
    let mut nested = 0usize;
    // The searched bytes never continue a character: every one found
    // starts one.
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
        let Some(c) = hay.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        // Dashes and ellipses share the first byte of the curly marks; an
        // apostrophe inside a word ("don't", "Australia’s") pairs with
        // nothing. Both are most of what is found.
        let ascii_word = |k: Option<usize>| {
            k.and_then(|k| bytes.get(k))
                .is_some_and(u8::is_ascii_alphanumeric)
        };
        let inside_word = || ascii_word(i.checked_sub(1)) && ascii_word(Some(i + c.len_utf8()));
        if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’')
            || (matches!(c, '\'' | '’') && inside_word())
        {
            continue;
        }
        let pos = i + c.len_utf8();
        let prev = hay.get(..i).and_then(|r| r.chars().next_back());
        let next = hay.get(pos..).and_then(|r| r.chars().next());
        let prev_word = prev.is_some_and(char::is_alphanumeric);
        let next_word = next.is_some_and(char::is_alphanumeric);
        let region = |o: usize, open_len: usize, close: usize, close_len: usize, single: bool| {
            let open_len = mark_len(o, open_len);
            Region {
                open: block.start + o,
                inner: trim(
                    text,
                    Span::new(block.start + o + open_len, block.start + close),
                ),
                end: block.start + close + close_len,
                runs_on: false,
                single,
            }
        };
        match c {
            // An opening mark typed where the closing one belongs: right
            // after a word and before a space ("“every day gets better“ is").
            // The same slip closes a quotation opened by a straight mark
            // ("“...disappointed with the decision.“ However").
            '“' if nested == 0
                && double.is_some()
                && prev.is_some_and(|p| !is_space(p))
                && !next_word =>
            {
                if let Some((o, straight)) = double.take() {
                    out.push(region(o, if straight { 1 } else { 3 }, i, 3, false));
                    single = None;
                }
            }
            '“' => {
                // Inside an open quotation a new mark nests, unless a
                // sentence has ended since: then the first was never closed.
                let before = hay.get(..i).unwrap_or("").trim_end_matches(is_space);
                if double.is_some_and(|(_, straight)| !straight)
                    && !before.ends_with(['.', '?', '!'])
                {
                    nested += 1;
                } else {
                    double = Some((i, false));
                    nested = 0;
                }
                single = None;
            }
            '”' if nested > 0 => nested -= 1,
            '”' => {
                if let Some((o, _)) = double.take() {
                    out.push(region(o, 3, i, 3, false));
                    single = None;
                }
            }
            '"' => match double {
                Some((o, _))
                    if !(prev.is_none_or(is_space) && next.is_some_and(|n| !is_space(n)))
                        || o + 1 == i =>
                {
                    double = None;
                    out.push(region(o, 1, i, 1, false));
                    single = None;
                }
                _ => {
                    // `communities," For example, ...`: a mark typed after
                    // the comma and before the space still opens.
                    let spaced_open = matches!(prev, Some(',' | ':'))
                        && next.is_some_and(is_space)
                        && hay
                            .get(pos..)
                            .map(|r| r.trim_start_matches(is_space))
                            .is_some_and(|r| r.starts_with(char::is_uppercase));
                    if next.is_some_and(|n| !is_space(n)) || spaced_open {
                        double = Some((i, true));
                    }
                }
            },
            '‘' if double.is_none() && !prev_word => single = Some(i),
            '\'' if double.is_none() && !prev_word && next_word => single = Some(i),
            '’' | '\'' if double.is_none() && !next_word && prev.is_some_and(|p| !is_space(p)) => {
                if let Some(o) = single.take() {
                    if i - o <= MAX_SINGLE {
                        out.push(region(
                            o,
                            if hay.get(o..).is_some_and(|r| r.starts_with('‘')) {
                                3
                            } else {
                                1
                            },
                            i,
                            c.len_utf8(),
                            true,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    // A quotation opened at the paragraph start and never closed runs on
    // into the next paragraph: it is this paragraph's quote.
    let single = single.map(|o| (o, !hay.get(o..).is_some_and(|r| r.starts_with('‘'))));
    let left_open = double.is_some();
    if let Some((o, straight)) = double.or(single) {
        let lead = trim(text, block).start;
        if block.start + o == lead
            || marks.next_opens
            || (marks.next_closes && double.is_some())
            || (double.is_some() && introduced_to_the_end(hay, o))
        {
            let open_len = mark_len(o, if straight { 1 } else { 3 });
            out.push(Region {
                open: block.start + o,
                inner: trim(text, Span::new(block.start + o + open_len, block.end)),
                end: block.end,
                runs_on: true,
                single: double.is_none(),
            });
        }
    }
    out.retain(|r| !r.inner.is_empty());
    out.sort_by_key(|r| r.open);
    left_open
}

/// Whether the double quotation opened at `o` in `hay` and never closed
/// is one that scraped text lost its closing mark from: a sentence
/// introduced after a comma or colon (`Gregoire said, "The Museum ...`)
/// and running to a paragraph end that closes a sentence.
fn introduced_to_the_end(hay: &str, o: usize) -> bool {
    let before = hay.get(..o).unwrap_or("");
    let rest = hay.get(o..).unwrap_or("").trim_end_matches(is_space);
    let quoted = rest.trim_start_matches(['“', '"']);
    (before.ends_with(", ") || before.ends_with(": "))
        && quoted.starts_with(char::is_uppercase)
        && rest.ends_with(['.', '!', '?'])
}

/// Whether byte `p` lies inside a quotation (after its opening mark).
/// `regions` are in order and do not overlap.
pub(super) fn region_around(regions: &[Region], p: usize) -> bool {
    let i = regions.partition_point(|r| r.end < p);
    regions.get(i).is_some_and(|r| r.open < p && p <= r.end)
}

#[cfg(test)]
mod tests {
    use super::{find_regions, Marks, Region};
    use crate::Span;

    /// The text inside each of `regions`.
    fn inner<'t>(text: &'t str, regions: &[Region]) -> Vec<&'t str> {
        regions.iter().map(|r| &text[r.inner.range()]).collect()
    }

    #[test]
    fn a_list_refilled_for_a_block_holds_that_blocks_quotations_only() {
        let text = "“First,” he said. He ‘meant it’ too.\n\nShe said “third” and \"fourth\" then.";
        let split = text.find("\n\n").unwrap();
        let (first, second) = (Span::new(0, split), Span::new(split + 2, text.len()));
        let mut list = Vec::new();
        assert!(!find_regions(text, first, Marks::default(), &mut list));
        assert_eq!(inner(text, &list), ["First,", "meant it"]);
        assert!(!find_regions(text, second, Marks::default(), &mut list));
        assert_eq!(inner(text, &list), ["third", "fourth"]);
        let mut fresh = Vec::new();
        find_regions(text, second, Marks::default(), &mut fresh);
        assert_eq!(format!("{list:?}"), format!("{fresh:?}"));
        // A block with no quotation leaves the list empty.
        find_regions(text, Span::new(0, 0), Marks::default(), &mut list);
        assert!(list.is_empty());
    }
}
