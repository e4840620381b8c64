//! The crate's regexes: [`Matcher`] for a rule only ever asked whether it
//! matches, [`Pattern`] for one whose match or groups are read, and their
//! lazy forms [`LazyMatcher`] and [`LazyPattern`], compiled the first time a
//! text needs them (or ahead of that, through [`CompileOnce`]).
//!
//! Most rules are yes-or-no questions about a line or a sentence. For those
//! a [`Matcher`] compiles the forward automaton alone: a
//! [`regex::Regex`] also compiles the reverse automaton that finds where a
//! match starts, the engines that read groups, and a literal prefilter,
//! which together cost as much again to build. Building the rules is most of
//! the cost of a short run of the command line (two fifths of the
//! instructions of extracting one 2 KB release), and the matcher answers
//! every question the regex would, with the same lazy DFA the regex uses.
//! The DFA's states are built as searches need them; a matcher keeps them in
//! one cache that all threads share, where a regex keeps one per thread, so
//! a batch on several cores builds them once.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Mutex, OnceLock};

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::Input;

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
    pub(crate) fn find<'s>(&self, s: &'s str) -> Option<regex::Match<'s>> {
        self.0.as_ref()?.find(s)
    }

    #[inline]
    pub(crate) fn captures<'s>(&self, s: &'s str) -> Option<regex::Captures<'s>> {
        self.0.as_ref()?.captures(s)
    }
}

/// A rule that is only asked whether it matches somewhere in a text: the
/// forward lazy DFA of the pattern, with a cache of DFA states that every
/// thread fills and reads.
///
/// Compiled from one of the crate's own patterns, as a [`Pattern`] is, with
/// the same syntax and the same meaning; a pattern the lazy DFA cannot run
/// (a Unicode word boundary, or any other failure to build it) is compiled
/// as a [`regex::Regex`] instead, and one that does not compile at all
/// matches nothing.
#[derive(Debug)]
pub(crate) struct Matcher(Option<Engine>);

/// What a [`Matcher`] runs.
#[derive(Debug)]
enum Engine {
    Dfa(Box<ForwardDfa>),
    Regex(regex::Regex),
}

/// A pattern's forward lazy DFA, with the states its searches built.
///
/// One cache serves every thread, where a regex keeps one per thread: each
/// state is then built once, not once on every core. The rules are read
/// against short lines and sentences, a few thousand times a megabyte, so
/// a thread seldom finds the shared cache taken; when it does, it searches
/// with a cache of its own from `spare` rather than wait, so that many
/// cores never queue on one lock.
#[derive(Debug)]
struct ForwardDfa {
    dfa: DFA,
    shared: Mutex<Cache>,
    spare: Pool<Cache, MakeCache>,
    /// The pattern, compiled into `fallback` should a search fail.
    source: String,
    /// The regex of `source`, compiled only if a search by the DFA fails,
    /// which its configuration rules out (it never gives up, and no byte
    /// makes it quit): kept so that no answer depends on that reasoning.
    fallback: OnceLock<Option<regex::Regex>>,
}

/// Makes a cache of DFA states for a thread that found the shared one taken.
type MakeCache = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl Matcher {
    pub(crate) fn new(pattern: &str) -> Matcher {
        let source = ascii_word_boundaries(pattern);
        let engine = match forward_dfa(&source) {
            Some(dfa) => {
                let shared = Mutex::new(dfa.create_cache());
                let for_spares = dfa.clone();
                let make: MakeCache = Box::new(move || for_spares.create_cache());
                Some(Engine::Dfa(Box::new(ForwardDfa {
                    dfa,
                    shared,
                    spare: Pool::new(make),
                    source,
                    fallback: OnceLock::new(),
                })))
            }
            None => regex::Regex::new(&source).ok().map(Engine::Regex),
        };
        Matcher(engine)
    }

    #[cfg(test)]
    pub(crate) fn compiled(&self) -> bool {
        self.0.is_some()
    }

    /// Whether the pattern runs on the lazy DFA, not the slower regex.
    #[cfg(test)]
    pub(crate) fn runs_dfa(&self) -> bool {
        matches!(self.0, Some(Engine::Dfa(_)))
    }

    /// Whether the pattern matches somewhere in `s`.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        match &self.0 {
            None => false,
            Some(Engine::Regex(re)) => re.is_match(s),
            Some(Engine::Dfa(forward)) => forward.is_match(s),
        }
    }
}

impl ForwardDfa {
    /// An unanchored search that stops at the first match. A pattern
    /// anchored at the start throughout needs no anchored search to stop
    /// early: its automaton has no unanchored prefix, and dies at the first
    /// byte that rules the start out.
    fn is_match(&self, s: &str) -> bool {
        let input = Input::new(s).earliest(true);
        let found = match self.shared.try_lock() {
            Ok(mut cache) => self.dfa.try_search_fwd(&mut cache, &input),
            // Taken by another thread (or left by a search that panicked,
            // which no search should): a cache of this thread's own.
            Err(_) => self.dfa.try_search_fwd(&mut self.spare.get(), &input),
        };
        match found {
            Ok(m) => m.is_some(),
            Err(_) => self
                .fallback
                .get_or_init(|| regex::Regex::new(&self.source).ok())
                .as_ref()
                .is_some_and(|re| re.is_match(s)),
        }
    }
}

/// The forward lazy DFA of `source`, with no capture groups (a yes-or-no
/// search reads none), or `None` where the lazy DFA cannot run it.
fn forward_dfa(source: &str) -> Option<DFA> {
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(WhichCaptures::None))
        .build(source)
        .ok()?;
    DFA::builder().build_from_nfa(nfa).ok()
}

/// A rule compiled the first time a text needs it ([`Lazy`], a country
/// guard's context words), which can also be compiled ahead of that: see
/// `Extractor::warm_up`.
pub(crate) trait CompileOnce: Sync {
    /// Compiles the rule, unless it already is (or is being compiled on
    /// another thread, which this then waits for).
    fn compile(&self);

    /// Whether the rule is compiled.
    #[cfg(test)]
    fn is_compiled(&self) -> bool;
}

/// A rule that can be compiled from one of the crate's own patterns:
/// what a [`Lazy`] holds.
pub(crate) trait Compile {
    /// The rule of `source`.
    fn compile(source: &str) -> Self;
}

impl Compile for Matcher {
    fn compile(source: &str) -> Matcher {
        Matcher::new(source)
    }
}

impl Compile for Pattern {
    fn compile(source: &str) -> Pattern {
        Pattern::new(source)
    }
}

/// A rule compiled on its first use, then kept (and shared between
/// threads) for the extractor's lifetime: for rules that most texts never
/// reach, so that building an extractor does not pay for them.
#[derive(Debug, Clone)]
pub(crate) struct Lazy<T> {
    /// The regex, or `None` for an empty alternation, which matches nothing.
    source: Option<String>,
    compiled: OnceLock<T>,
}

/// A [`Matcher`] compiled on its first use.
pub(crate) type LazyMatcher = Lazy<Matcher>;

/// A [`Pattern`] compiled on its first use.
pub(crate) type LazyPattern = Lazy<Pattern>;

impl<T: Compile> Lazy<T> {
    /// `pattern`, compiled when first used.
    pub(crate) fn new(pattern: &str) -> Lazy<T> {
        Lazy {
            source: Some(pattern.to_string()),
            compiled: OnceLock::new(),
        }
    }

    /// A rule that matches where any of `patterns` does, with `flags`.
    pub(crate) fn any(flags: &str, patterns: &[&str]) -> Lazy<T> {
        let branches: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
        Lazy {
            source: (!branches.is_empty()).then(|| format!("{flags}(?:{})", branches.join("|"))),
            compiled: OnceLock::new(),
        }
    }

    /// The compiled rule; `None` for an empty alternation.
    pub(crate) fn get(&self) -> Option<&T> {
        let source = self.source.as_deref()?;
        Some(self.compiled.get_or_init(|| T::compile(source)))
    }

    /// The regex as written, before compiling.
    #[cfg(test)]
    pub(crate) fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
}

impl Lazy<Matcher> {
    /// Whether the rule matches somewhere in `s`.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        self.get().is_some_and(|m| m.is_match(s))
    }
}

impl<T: Compile + Sync + Send> CompileOnce for Lazy<T> {
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

/// The texts, of `texts` and of texts drawn from the words of `pattern`,
/// on which a [`Matcher`] of `pattern` and the [`regex::Regex`] of it
/// answer differently whether it matches.
#[cfg(test)]
pub(crate) fn disagreements(pattern: &str, texts: &[String]) -> Vec<String> {
    let matcher = Matcher::new(pattern);
    let regex = regex::Regex::new(&ascii_word_boundaries(pattern)).expect("the pattern compiles");
    let words: Vec<&str> = pattern
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 1)
        .collect();
    let pieces = [
        " ", "  ", ":", " :", ",", ".", "-", " - ", "\n", "\u{A0}", "\u{2014}", "[", "]", "/", "(",
        "é", "\u{17F}", "\u{212A}", "2019", "12", "1.5", "mb", "The", "THE", "will", "day,",
    ];
    let mut draw = crate::testing::draws(pattern.len() as u64);
    let drawn = (0..3000).map(|_| {
        let mut text = String::new();
        for _ in 0..1 + draw(10) {
            if words.is_empty() || draw(2) == 0 {
                text.push_str(pieces[draw(pieces.len())]);
            } else {
                let word = words[draw(words.len())];
                match draw(3) {
                    0 => text.push_str(&word.to_ascii_uppercase()),
                    _ => text.push_str(word),
                }
            }
        }
        text
    });
    texts
        .iter()
        .cloned()
        .chain(drawn)
        .filter(|t| matcher.is_match(t) != regex.is_match(t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Anchors, word boundaries, case folding, Unicode classes and `$`
    /// read the same by the lazy DFA alone as by the regex.
    #[test]
    fn matchers_answer_as_regexes_do() {
        let texts: Vec<String> = [
            "",
            "read more: here",
            "Read More:",
            "xread more:",
            "the following:",
            "The Following",
            "they will:",
            "will\u{A0}:",
            "pdf [PDF 1.2 MB]",
            "Monday, May 3, 2019 A",
            "\u{17F}hall",
            "\u{212A}ey",
            "a\u{2014}b",
            "fooled",
            "foo",
            "bar foo.",
        ]
        .map(String::from)
        .to_vec();
        for pattern in [
            r"^read more\s*:",
            r"(?i)^read more\s*:",
            r"\bthe following\b",
            r"(?i)\bfoo\b",
            r"\bwill\s*:\s*$",
            r"(?i)^[^\[]*\[(pdf|doc) ?[0-9.,]+ ?[kmg]b\]$",
            r"(?i)\s[–—-]\s(jan|feb|may)[a-z]*\.?\s+\d{1,2},\s+\d{4}$",
            r"\b(announc(e|es|ed|ing))\b.*\b(actions?|steps)\b",
            r"(?i)shall|key",
        ] {
            assert_eq!(
                disagreements(pattern, &texts),
                Vec::<String>::new(),
                "{pattern}"
            );
        }
    }

    /// Threads that find the shared cache taken search with caches of their
    /// own, and every thread gets the regex's answers.
    #[test]
    fn threads_sharing_a_matcher_answer_as_the_regex_does() {
        let pattern = r"(?i)\b(will|shall)\b.*:\s*$";
        let matcher = Matcher::new(pattern);
        let regex = regex::Regex::new(&ascii_word_boundaries(pattern)).expect("compiles");
        let texts = [
            "They will:",
            "We SHALL meet: ",
            "willing:",
            "the following:",
            "Will\u{A0}:",
        ];
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..2000 {
                        for t in texts {
                            assert_eq!(matcher.is_match(t), regex.is_match(t), "{t}");
                        }
                    }
                });
            }
        });
    }

    /// A pattern the lazy DFA cannot run is a regex instead, with the same
    /// answers; one that does not compile matches nothing.
    #[test]
    fn what_the_dfa_cannot_run_is_run_by_the_regex() {
        let unicode_boundary = Matcher::new(r"(?u:\B)é");
        assert!(matches!(unicode_boundary.0, Some(Engine::Regex(_))));
        assert!(unicode_boundary.is_match("eé"));
        assert!(!unicode_boundary.is_match(" é"));
        let broken = Matcher::new(r"(unclosed");
        assert!(!broken.compiled());
        assert!(!broken.is_match("(unclosed"));
        assert!(matches!(Matcher::new("a").0, Some(Engine::Dfa(_))));
    }
}
