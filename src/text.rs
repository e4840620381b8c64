//! Shared helpers over the raw input: whitespace, trimming and character
//! classes that every stage agrees on.

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

/// `span` without leading or trailing white space. The result is empty
/// (at `span.start`) when the span holds only white space.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.range()) else {
        return Span::new(span.start, span.start);
    };
    let start_trimmed = s.trim_start_matches(is_space);
    let start = span.start + (s.len() - start_trimmed.len());
    let trimmed = start_trimmed.trim_end_matches(is_space);
    Span::new(start, start + trimmed.len())
}

/// Whether the text holds nothing but white space.
#[inline]
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
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

/// A regex built from one of the crate's own patterns.
///
/// The patterns are constants and tables checked by unit tests, so compiling
/// them cannot fail in a released build; should one ever fail, it matches
/// nothing instead of panicking, and `Pattern::compiled` lets a test catch it.
#[derive(Debug, Clone)]
pub(crate) struct Pattern(Option<regex::Regex>);

impl Pattern {
    pub(crate) fn new(pattern: &str) -> Pattern {
        Pattern(regex::Regex::new(&ascii_word_boundaries(pattern)).ok())
    }

    #[cfg(test)]
    pub(crate) fn compiled(&self) -> bool {
        self.0.is_some()
    }

    #[inline]
    pub(crate) fn is_match(&self, s: &str) -> bool {
        self.0.as_ref().is_some_and(|re| re.is_match(s))
    }

    #[inline]
    pub(crate) fn find<'s>(&self, s: &'s str) -> Option<regex::Match<'s>> {
        self.0.as_ref()?.find(s)
    }

    #[inline]
    pub(crate) fn captures<'s>(&self, s: &'s str) -> Option<regex::Captures<'s>> {
        self.0.as_ref()?.captures(s)
    }
}

/// `pattern` with every `\b` made an ASCII word boundary.
///
/// A Unicode `\b` makes the regex crate's fast DFA give up on any haystack
/// with a non-ASCII byte (a curly quote is enough) and fall back to a much
/// slower engine. The words the tables match are ASCII, so an ASCII
/// boundary decides the same way at a fraction of the cost.
pub(crate) fn ascii_word_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}
