//! Byte spans into the input.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open byte range `[start, end)` into the input text.
///
/// Every span that communique produces lies on UTF-8 character boundaries of
/// the input it was extracted from, so `&text[span]` never panics for that
/// text. A span serialises as the two-element JSON array `[start, end]`.
///
/// # Example
///
/// ```
/// use communique::Span;
///
/// let text = "Hello, world";
/// let span = Span::new(7, 12);
/// assert_eq!(&text[span], "world");
/// assert_eq!(span.len(), 5);
/// assert_eq!(format!("{span:?}"), "7..12");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The first byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. A reversed pair is clamped to the empty
    /// span at `start`, so a span is never inverted.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        if end < start {
            Span { start, end: start }
        } else {
            Span { start, end }
        }
    }

    /// The span as a `Range<usize>`, for slicing.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The number of bytes the span covers.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The index of the first of `spans` (in order, none overlapping) that
/// ends after byte `p`, or `spans.len()` when none does, for offsets asked
/// about mostly in order: the search starts at `from`, where the previous
/// one ended, and gallops forward from there. A search over the whole
/// list took a score of steps, each to a line of the list not cached; the
/// span asked about next is nearly always a few ahead. An offset before
/// `from` is searched for over the whole list.
pub(crate) fn first_ending_after(spans: &[Span], p: usize, from: usize) -> usize {
    let ends_by = |s: &Span| s.end <= p;
    let start = match from.checked_sub(1).and_then(|k| spans.get(k)) {
        Some(s) if !ends_by(s) => 0,
        _ => from,
    };
    let rest = spans.get(start..).unwrap_or(&[]);
    // `rest[..lo]` all end by `p`; `rest[hi - 1]`, if any, does not.
    let (mut lo, mut hi) = (0, 1);
    while rest.get(hi - 1).is_some_and(ends_by) {
        lo = hi;
        hi *= 2;
    }
    let hi = hi.min(rest.len());
    start + lo + rest.get(lo..hi).map_or(0, |r| r.partition_point(ends_by))
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if end < start {
            return Err(serde::de::Error::custom("span end before start"));
        }
        Ok(Span { start, end })
    }
}
