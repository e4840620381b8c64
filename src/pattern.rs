//! The crate's regexes: [`Pattern`], compiled from a pattern of the crate's
//! own, and [`LazyPattern`], compiled the first time a text needs it (or
//! ahead of that, through [`CompileOnce`]).

use std::sync::OnceLock;

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

/// A rule compiled the first time a text needs it ([`LazyPattern`], a
/// country guard's context words), which can also be
/// compiled ahead of that: see `Extractor::warm_up`.
pub(crate) trait CompileOnce: Sync {
    /// Compiles the rule, unless it already is (or is being compiled on
    /// another thread, which this then waits for).
    fn compile(&self);

    /// Whether the rule is compiled.
    #[cfg(test)]
    fn is_compiled(&self) -> bool;
}

/// A [`Pattern`] compiled on its first use, then kept (and shared between
/// threads) for the extractor's lifetime: for rules that most texts never
/// reach, so that building an extractor does not pay for them.
#[derive(Debug, Clone)]
pub(crate) struct LazyPattern {
    /// The regex, or `None` for an empty alternation, which matches nothing.
    source: Option<String>,
    compiled: OnceLock<Pattern>,
}

impl LazyPattern {
    /// `pattern`, compiled when first used.
    pub(crate) fn new(pattern: &str) -> LazyPattern {
        LazyPattern {
            source: Some(pattern.to_string()),
            compiled: OnceLock::new(),
        }
    }

    /// A pattern that matches where any of `patterns` does, with `flags`.
    pub(crate) fn any(flags: &str, patterns: &[&str]) -> LazyPattern {
        let branches: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
        LazyPattern {
            source: (!branches.is_empty()).then(|| format!("{flags}(?:{})", branches.join("|"))),
            compiled: OnceLock::new(),
        }
    }

    /// The compiled pattern; `None` for an empty alternation.
    pub(crate) fn get(&self) -> Option<&Pattern> {
        let source = self.source.as_deref()?;
        Some(self.compiled.get_or_init(|| Pattern::new(source)))
    }

    pub(crate) fn is_match(&self, s: &str) -> bool {
        self.get().is_some_and(|p| p.is_match(s))
    }

    /// The regex as written, before compiling.
    #[cfg(test)]
    pub(crate) fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
}

impl CompileOnce for LazyPattern {
    fn compile(&self) {
        self.get();
    }

    #[cfg(test)]
    fn is_compiled(&self) -> bool {
        self.source.is_none() || self.compiled.get().is_some()
    }
}

/// `pattern` with every `\b` made an ASCII word boundary.
///
/// A Unicode `\b` makes the regex crate's fast DFA give up on any haystack
/// with a non-ASCII byte (a curly quote is enough) and fall back to a much
/// slower engine. The words the tables match are ASCII, so an ASCII
/// boundary decides the same way at a fraction of the cost.
fn ascii_word_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}
