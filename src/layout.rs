//! Layout: the text cut into blocks (title, headings, paragraphs, list
//! items, captions and boilerplate).
//!
//! Blocks end at blank lines, at list-item markers, and at single line
//! breaks between lines that each stand alone. A line break inside a
//! hard-wrapped sentence (the next line starts in lower case, or the line
//! before ends on a comma or a function word) keeps the block going.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::pattern::{CompileOnce, LazyMatcher};
use crate::tables;
use crate::text::{is_ascii_space, is_space, seek, trim, ThreeBytes};
use crate::Span;

/// One block of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block<'h> {
    /// What the block is.
    pub kind: BlockKind,
    /// Its trimmed extent; for a list item, without the marker.
    pub span: Span,
    /// A list item's marker as written (`-`, `•`, `1.`, `(a)`).
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Cow<'h, str>>,
    /// A list item's nesting depth: 0 for the outermost list, 1 for a list
    /// inside it, and so on. Serialised only when it is not 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub depth: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// What a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The headline: the first block, when it reads as one.
    Title,
    /// A short line introducing a section.
    Heading,
    /// Running text.
    Paragraph,
    /// One item of a bulleted, numbered or lettered list.
    ListItem,
    /// A photo caption or credit.
    Caption,
    /// Page furniture that is not the story; nothing is extracted from it.
    Boilerplate,
}

/// The compiled layout rules.
#[derive(Debug)]
pub(crate) struct LayoutRules {
    /// Lines that are boilerplate wherever they stand.
    boilerplate_lines: LinePatterns,
    /// Lines ending in `]` that are boilerplate ("Statement on trade [PDF
    /// 69KB]"): their patterns read the whole line, so only such lines
    /// are given to them.
    bracketed_lines: LazyMatcher,
    /// Headings whose following list items are links, hence boilerplate.
    boilerplate_headings: LinePatterns,
    /// A video's dated caption, right after a video block.
    video_captions: LazyMatcher,
    /// A video block ("Click to play video: ...", "WATCH: ..."), looked for
    /// only in boilerplate blocks.
    video: LazyMatcher,
    captions: Captions,
}

/// Something that every match of a caption pattern holds, for each pattern
/// of the captions table as written there.
const CAPTION_CLUES: &[(&str, Clue)] = &[
    (
        r"\b(THE CANADIAN PRESS|AP Photo|AFP|REUTERS|Reuters|Getty Images|AAP Image|PA Wire|EPA)\s*/",
        Clue::AfterWord(
            b'/',
            &[
                "PRESS", "Photo", "AFP", "REUTERS", "Images", "Image", "Wire", "EPA",
            ],
        ),
    ),
    (r"\bGetty Images\b", Clue::Literal("Getty Images")),
    (
        r"(?i)(^|[\s(.])(image|photo|photograph|picture|credit|photo credit|file photo)\s*:\s*\S",
        Clue::AfterWord(b':', &["image", "photo", "photograph", "picture", "credit"]),
    ),
    (
        r"\((AP|AFP|Reuters|AAP) Photo\b",
        Clue::Before(
            b'(',
            &["AP Photo", "AFP Photo", "Reuters Photo", "AAP Photo"],
        ),
    ),
];

/// Something that every match of a pattern holds, cheap to look for.
#[derive(Debug, Clone, Copy)]
enum Clue {
    /// This literal.
    Literal(&'static str),
    /// This byte, right after one of these words, white space allowed
    /// between. The words are compared with ASCII case ignored, so none may
    /// hold a letter that a case-insensitive pattern matches to a
    /// character beyond ASCII (`s` matches the long s, `k` the Kelvin sign).
    AfterWord(u8, &'static [&'static str]),
    /// This byte, right before one of these literals.
    Before(u8, &'static [&'static str]),
}

impl Clue {
    /// The byte this clue is found by, unless it is a literal.
    fn byte(self) -> Option<u8> {
        match self {
            Clue::Literal(_) => None,
            Clue::AfterWord(b, _) | Clue::Before(b, _) => Some(b),
        }
    }

    /// Whether the byte at `p` of `hay` may be this clue's byte as a match
    /// holds it.
    fn fits(self, hay: &[u8], p: usize) -> bool {
        match self {
            Clue::Literal(_) => false,
            Clue::Before(b, literals) => {
                let after = hay.get(p + 1..).unwrap_or(&[]);
                hay.get(p) == Some(&b) && literals.iter().any(|l| after.starts_with(l.as_bytes()))
            }
            Clue::AfterWord(b, words) => {
                if hay.get(p) != Some(&b) {
                    return false;
                }
                let head = hay.get(..p).unwrap_or(&[]);
                let Some(last) = head.iter().rposition(|&b| !is_ascii_space(b)) else {
                    return false;
                };
                let word = head.get(..=last).unwrap_or(&[]);
                // White space beyond ASCII is not told from a letter here.
                !word.last().is_some_and(u8::is_ascii)
                    || words.iter().any(|w| {
                        word.len() >= w.len()
                            && word
                                .get(word.len() - w.len()..)
                                .is_some_and(|tail| tail.eq_ignore_ascii_case(w.as_bytes()))
                    })
            }
        }
    }
}

/// The caption patterns. Most blocks hold none of the patterns' clues, and
/// a look at the clues' places in the text ([`ClueSites`]) is far cheaper
/// than running the patterns' automaton over the whole block.
#[derive(Debug)]
struct Captions {
    /// The patterns as one alternation.
    any: LazyMatcher,
    /// The clues of all patterns; `None` when a pattern of the table has no
    /// clue listed, and then every text goes to the patterns.
    clues: Option<Clues>,
}

impl Captions {
    fn new(patterns: &[&str]) -> Captions {
        let clues = listed_for(patterns, CAPTION_CLUES);
        Captions {
            any: LazyMatcher::any("", patterns),
            clues: clues.and_then(|c| Clues::new(&c)),
        }
    }

    /// Whether the span of `text` matches a caption pattern; `sites` are
    /// `text`'s, the same at every call for the text.
    fn is_match(&self, text: &str, span: Span, sites: &mut ClueSites) -> bool {
        self.clues
            .as_ref()
            .is_none_or(|c| sites.any_in(c, text.as_bytes(), span))
            && self.any.is_match(&text[span])
    }
}

/// The patterns as one case-insensitive alternation compiled on its first
/// use, as every layout rule is (or ahead of it by `Extractor::warm_up`,
/// and by the workers of a large batch): an extractor that reads a few
/// texts does not pay for the rules none of them reach (a line ending in
/// `]`, a block after a video). Compiling makes their `\b` ASCII word
/// boundaries, as for every pattern.
fn any_case_insensitive(patterns: &[&str]) -> LazyMatcher {
    LazyMatcher::any("(?i)", patterns)
}

/// The words that every match of a boilerplate pattern of the `line` and
/// `heading` scopes opens with, in lower case, for each such pattern of the
/// table as written there.
const BOILERPLATE_OPENINGS: &[(&str, &[&str])] = &[
    (r"^read more\s*:", &["read more"]),
    (r"^read more (in|below|about|here)\b", &["read more"]),
    (r"^watch\s*:", &["watch"]),
    (r"^click to play video\b", &["click to play video"]),
    (
        r"^story continues below( the)? advertisement$",
        &["story continues below"],
    ),
    (
        r"^(advertisement|advertising|sponsored|sponsored content|paid content|promoted content)$",
        &["advertis", "sponsored", "paid content", "promoted content"],
    ),
    (
        r"^(share|share this|share this (article|story|page|post)|share on (facebook|twitter|x|linkedin|whatsapp|email)|tweet this|email this|print this( page| article)?|print)$",
        &["share", "tweet this", "email this", "print"],
    ),
    (
        r"^(subscribe|sign up|sign up for|get) (to |for )?(our |the )?(newsletter|updates|alerts|emails?)\b",
        &["subscribe", "sign up", "get"],
    ),
    (r"^follow us on\b", &["follow us on"]),
    (
        r"^related( articles| stories| content| links| news| coverage)?\s*:",
        &["related"],
    ),
    (
        r"^(this (site|website) uses cookies|we use cookies)\b",
        &["this site", "this website", "we use cookies"],
    ),
    (r"^skip to (main )?content$", &["skip to"]),
    (
        r"^(#\s*#\s*#|-\s*30\s*-|-?\s*ends\s*-?|\[\s*ends\s*\]|end)$",
        // "ends" may also follow white space, and a line that opens with
        // white space is always given to the patterns.
        &["#", "-", "end", "["],
    ),
    (r"^more on this (story|topic)\s*:?$", &["more on this"]),
    (
        r"^(see also|related links|related content|related articles|further reading|more information|useful links)$",
        &[
            "see also",
            "related",
            "further reading",
            "more information",
            "useful links",
        ],
    ),
    (
        r"^download (this|the|our) [a-z0-9 ]*\b(pdf|document|report|case study|file)s?$",
        &["download"],
    ),
];

/// Each pattern's entry in `table`, which keys entries by the pattern as
/// written in the data file; `None` when a pattern has none there.
fn listed_for<T: Copy>(patterns: &[&str], table: &[(&str, T)]) -> Option<Vec<T>> {
    patterns
        .iter()
        .map(|p| {
            table
                .iter()
                .find(|(pattern, _)| pattern == p)
                .map(|&(_, entry)| entry)
        })
        .collect()
}

/// Case-insensitive patterns anchored at the start of a line. Most lines
/// open with none of the patterns' openings, and a look at the first bytes
/// is far cheaper than a call into the patterns.
#[derive(Debug)]
struct LinePatterns {
    /// The patterns as one case-insensitive alternation.
    any: LazyMatcher,
    /// The openings of all patterns; `None` when a pattern has none
    /// listed, and then every line goes to the patterns.
    openings: Option<Openings>,
}

impl LinePatterns {
    /// The patterns, matched case-insensitively.
    fn new(patterns: &[&str]) -> LinePatterns {
        let openings = listed_for(patterns, BOILERPLATE_OPENINGS).map(|words| words.concat());
        LinePatterns {
            any: any_case_insensitive(patterns),
            openings: openings.map(|o| Openings::new(&o)),
        }
    }

    fn is_match(&self, s: &str) -> bool {
        self.openings
            .as_ref()
            .is_none_or(|o| o.may_open(s.as_bytes()))
            && self.any.is_match(s)
    }
}

/// Lower-case ASCII openings of lines, filed by their first byte.
#[derive(Debug)]
struct Openings {
    by_first: Vec<Vec<&'static [u8]>>,
}

impl Openings {
    fn new(openings: &[&'static str]) -> Openings {
        let mut by_first = vec![Vec::new(); 128];
        for o in openings {
            let first = o.as_bytes().first().map_or(0, |&b| usize::from(b));
            if let Some(list) = by_first.get_mut(first) {
                list.push(o.as_bytes());
            }
        }
        Openings { by_first }
    }

    /// Whether `line` may open with one of the openings, ASCII case
    /// ignored. A byte beyond ASCII may be a character that matches an ASCII
    /// letter case-insensitively (the long s, the Kelvin sign) or white
    /// space, so from the first such byte on any line may.
    fn may_open(&self, line: &[u8]) -> bool {
        let Some(&first) = line.first() else {
            return true;
        };
        if !first.is_ascii() || is_ascii_space(first) {
            return true;
        }
        let Some(candidates) = self.by_first.get(usize::from(first.to_ascii_lowercase())) else {
            return true;
        };
        // Every candidate's first byte is the line's, lowered: the
        // comparison starts at the second, so that the test of each byte
        // mostly sees the same outcome, a mismatch, where a first byte that
        // always matched and a second that mostly did not took turns and
        // mispredicted.
        candidates.iter().any(|opening| {
            for (i, &o) in opening.iter().enumerate().skip(1) {
                match line.get(i) {
                    Some(b) if !b.is_ascii() => return true,
                    Some(b) if b.to_ascii_lowercase() == o => {}
                    _ => return false,
                }
            }
            true
        })
    }
}

/// The pattern of a video block.
const VIDEO: &str = r"(?i)^(click to play video|watch)\b";

/// Clues to look for: those found by a byte, and literals.
#[derive(Debug)]
struct Clues {
    /// The bytes of the byte clues, the first repeated to fill the three
    /// slots; `None` when there are none.
    bytes: Option<[u8; 3]>,
    /// The search for them.
    finder: Option<ThreeBytes>,
    by_byte: Vec<Clue>,
    /// The literals, none empty.
    literals: Vec<&'static [u8]>,
}

impl Clues {
    /// The clues prepared for searching; `None` if more than three bytes
    /// find them, more than one pass takes, or a literal is empty.
    fn new(clues: &[Clue]) -> Option<Clues> {
        let mut bytes: Vec<u8> = clues.iter().filter_map(|c| c.byte()).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let bytes = match bytes[..] {
            [] => None,
            [a] => Some([a, a, a]),
            [a, b] => Some([a, b, b]),
            [a, b, c] => Some([a, b, c]),
            _ => return None,
        };
        let literals: Vec<&'static [u8]> = clues
            .iter()
            .filter_map(|c| match c {
                Clue::Literal(w) => Some(w.as_bytes()),
                _ => None,
            })
            .collect();
        if literals.iter().any(|l| l.is_empty()) {
            return None;
        }
        Some(Clues {
            bytes,
            finder: bytes.map(ThreeBytes::new),
            by_byte: clues
                .iter()
                .copied()
                .filter(|c| c.byte().is_some())
                .collect(),
            literals,
        })
    }

    /// Whether one of the clues is in `text[span]`, read straight from the
    /// text: for a span too long for the sites to be listed.
    #[inline(never)]
    fn found_in(&self, text: &[u8], span: Span) -> bool {
        let hay = text.get(span.range()).unwrap_or(&[]);
        self.literals
            .iter()
            .any(|&literal| literal_sites(hay, literal).next().is_some())
            || self.bytes.is_some_and(|[a, b, c]| {
                memchr::memchr3_iter(a, b, c, hay)
                    .any(|p| self.by_byte.iter().any(|clue| clue.fits(hay, p)))
            })
    }
}

/// Where `literal` (not empty) is in `text`, overlaps included.
fn literal_sites<'t>(text: &'t [u8], literal: &'t [u8]) -> impl Iterator<Item = Span> + 't {
    let first = literal.first().copied().unwrap_or_default();
    memchr::memchr_iter(first, text)
        .filter(move |&p| text.get(p..).is_some_and(|rest| rest.starts_with(literal)))
        .map(move |p| Span::new(p, p + literal.len()))
}

/// The places of a stretch of one text where the caption clues may be:
/// each byte of a byte clue, and each literal. A stretch is searched for
/// them once, in one pass per kind: a search has a fixed cost that for most
/// blocks, which are short, is larger than that of reading the block, so
/// one search per block cost several times as much. The stretch is the
/// one from the block asked about to [`ClueSites::REACH`] bytes past it,
/// and moves on when a block beyond it is asked about: the lists stay
/// short however many clue bytes the text holds (listing a whole text of
/// `/` took eight bytes for each of its bytes).
#[derive(Debug)]
struct ClueSites {
    /// The stretch of the text the lists cover.
    stretch: Span,
    /// How many bytes past the start of the block asked about a new
    /// stretch covers; a block longer than that is read straight.
    reach: usize,
    /// Where a byte of a byte clue is in the stretch, in order.
    bytes: Vec<usize>,
    /// Where a literal starts in the stretch, in order of start.
    literals: Vec<Span>,
    /// The first of `bytes` at or after the start of the block asked about
    /// last.
    next_byte: usize,
    /// The first of `literals` at or after the start of the block asked
    /// about last.
    next_literal: usize,
    /// How many stretches have been listed, for the tests to hold the
    /// refills to a few per reach of text.
    #[cfg(test)]
    fills: usize,
}

impl Default for ClueSites {
    fn default() -> ClueSites {
        ClueSites::reaching(ClueSites::REACH)
    }
}

impl ClueSites {
    /// How far a stretch reaches: far enough that a search's fixed cost is
    /// spread over many blocks (the caption test reads mostly blocks of up
    /// to 600 bytes; longer ones are read straight), near enough that the lists stay small (128 KB of byte
    /// sites at most) and that the bytes a fill reads ahead are still in
    /// the first-level data cache when the line walk comes to them. A
    /// reach of 128 KB read each byte of the text into that cache twice.
    const REACH: usize = 1 << 14;

    /// Sites of no stretch yet, whose stretches will reach `reach` bytes.
    fn reaching(reach: usize) -> ClueSites {
        ClueSites {
            stretch: Span::new(0, 0),
            reach,
            bytes: Vec::new(),
            literals: Vec::new(),
            next_byte: 0,
            next_literal: 0,
            #[cfg(test)]
            fills: 0,
        }
    }

    /// Lists the sites of `clues` in the stretch of `text` from `start`
    /// as far as the reach goes.
    #[inline(never)]
    fn fill(&mut self, clues: &Clues, text: &[u8], start: usize) {
        let end = start.saturating_add(self.reach).min(text.len());
        self.stretch = Span::new(start, end);
        let stretch = text.get(self.stretch.range()).unwrap_or(&[]);
        self.bytes.clear();
        if let Some(finder) = &clues.finder {
            self.bytes.extend(finder.sites(stretch).map(|p| start + p));
        }
        self.literals.clear();
        // A literal running past the stretch is left out: a block asked
        // about ends within the stretch, so it could never hold it.
        for &literal in &clues.literals {
            self.literals.extend(
                literal_sites(stretch, literal)
                    .map(|site| Span::new(start + site.start, start + site.end)),
            );
        }
        self.literals.sort_unstable_by_key(|l| l.start);
        self.next_byte = 0;
        self.next_literal = 0;
        #[cfg(test)]
        {
            self.fills += 1;
        }
    }

    /// Whether `text[span]` holds one of `clues` (the same clues at every
    /// call). A block reaching outside the stretch lists the stretch that
    /// starts with it, rather than searching back: the classifier asks in
    /// text order, so the [`seek`]s over one stretch's lists pass each of
    /// its sites once.
    fn any_in(&mut self, clues: &Clues, text: &[u8], span: Span) -> bool {
        if span.len() > self.reach {
            return clues.found_in(text, span);
        }
        if span.start < self.stretch.start || span.end > self.stretch.end {
            self.fill(clues, text, span.start);
        }
        let byte = seek(&self.bytes, &mut self.next_byte, span.start, |&p| p);
        let literal = seek(&self.literals, &mut self.next_literal, span.start, |l| {
            l.start
        });
        // Most blocks hold no site at all.
        let holds_byte = self.bytes.get(byte).is_some_and(|&p| p < span.end);
        let holds_literal = self
            .literals
            .get(literal)
            .is_some_and(|l| l.start < span.end);
        (holds_byte || holds_literal) && self.found_from(clues, text, span, byte, literal)
    }

    /// Whether one of `clues` is found at the sites in `text[span]`, the
    /// first of which are `bytes[byte]` and `literals[literal]`.
    #[inline(never)]
    fn found_from(
        &self,
        clues: &Clues,
        text: &[u8],
        span: Span,
        byte: usize,
        literal: usize,
    ) -> bool {
        let hay = text.get(span.start..span.end).unwrap_or(&[]);
        let literals = self.literals.get(literal..).unwrap_or(&[]);
        let bytes = self.bytes.get(byte..).unwrap_or(&[]);
        literals
            .iter()
            .take_while(|l| l.start < span.end)
            .any(|l| l.end <= span.end)
            || bytes.iter().take_while(|&&p| p < span.end).any(|&p| {
                clues
                    .by_byte
                    .iter()
                    .any(|clue| clue.fits(hay, p - span.start))
            })
    }
}

/// One line of the input, without its terminator.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// The trimmed content.
    content: Span,
    /// Columns of indentation (a tab counts four).
    indent: usize,
    /// The list marker at the start of the content, and the content after it.
    marker: Option<(Span, Span)>,
}

/// A block being built. Its kind is settled when the draft after it is
/// drawn (`Classifier::draw`), or at `Classifier::finish` for the last.
#[derive(Debug, Clone, Copy)]
struct Draft {
    span: Span,
    marker: Option<Span>,
    indent: usize,
    lines: usize,
    boilerplate_line: bool,
}

impl LayoutRules {
    pub(crate) fn new() -> LayoutRules {
        let mut by_scope: [Vec<&str>; 4] = Default::default();
        for row in tables::rows(tables::BOILERPLATE) {
            if let [_, scope, pattern] = row[..] {
                let slot = match scope {
                    "after_video" => 2,
                    "heading" => 1,
                    "bracketed" => 3,
                    _ => 0,
                };
                if let Some(list) = by_scope.get_mut(slot) {
                    list.push(pattern);
                }
            }
        }
        let captions: Vec<&str> = tables::rows(tables::CAPTIONS)
            .filter_map(|r| r.get(1).copied())
            .collect();
        let [lines, headings, after_video, bracketed] = by_scope;
        LayoutRules {
            boilerplate_lines: LinePatterns::new(&lines),
            bracketed_lines: any_case_insensitive(&bracketed),
            boilerplate_headings: LinePatterns::new(&headings),
            video_captions: any_case_insensitive(&after_video),
            video: LazyMatcher::new(VIDEO),
            captions: Captions::new(&captions),
        }
    }

    /// The rules compiled on first use (see `Extractor::warm_up`).
    pub(crate) fn lazy_rules<'r>(&'r self, out: &mut Vec<&'r dyn CompileOnce>) {
        out.extend([
            &self.boilerplate_lines.any as &dyn CompileOnce,
            &self.boilerplate_headings.any,
            &self.captions.any,
            &self.bracketed_lines,
            &self.video_captions,
            &self.video,
        ]);
    }

    /// Whether `s` is a line of page furniture wherever it stands.
    fn is_boilerplate_line(&self, s: &str) -> bool {
        // Page furniture is short.
        s.len() <= 400
            && (self.boilerplate_lines.is_match(s)
                || (s.ends_with(']') && self.bracketed_lines.is_match(s)))
    }

    /// Cuts `text` into blocks.
    ///
    /// Each draft is classified as soon as the one after it is drawn (a
    /// caption printed twice reads the next draft), so the drafts of a
    /// long text are never held all at once.
    pub(crate) fn blocks<'h>(&self, text: &'h str) -> Vec<Block<'h>> {
        let mut classifier = Classifier::new(self, text);
        self.group_lines(text, true, |draft| classifier.draw(draft));
        classifier.finish()
    }

    /// The spans of `text` cut only at blank lines and at line breaks
    /// between lines that stand alone: no list markers, no boilerplate.
    /// This is what sentence splitting without layout uses.
    pub(crate) fn prose_blocks(&self, text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        self.group_lines(text, false, |d| spans.push(d.span));
        spans
    }

    /// Groups lines into draft blocks, handing each to `emit` in order;
    /// `layout` turns on list markers and boilerplate lines.
    fn group_lines(&self, text: &str, layout: bool, mut emit: impl FnMut(Draft)) {
        let mut open: Option<(Draft, Line)> = None;
        let mut pending_marker: Option<Span> = None;
        // A bullet that marks nothing after all stands as a block of its own.
        let lone = |m: Span| Draft {
            span: m,
            marker: None,
            indent: 0,
            lines: 1,
            boilerplate_line: false,
        };
        for line in lines(text) {
            let Some(line) = line else {
                if let Some((d, _)) = open.take() {
                    emit(d);
                }
                if let Some(m) = pending_marker.take() {
                    emit(lone(m));
                }
                continue;
            };
            let mut line = line;
            if !layout {
                line.marker = None;
            }
            // A bullet alone on its line marks the line after it
            // ("-" then "Cutting taxes ...").
            if let Some(m) = pending_marker.take() {
                if line.marker.is_none() {
                    line.marker = Some((m, line.content));
                } else {
                    emit(lone(m));
                }
            }
            if layout && line.marker.is_none() && is_lone_bullet(&text[line.content]) {
                if let Some((d, _)) = open.take() {
                    emit(d);
                }
                pending_marker = Some(line.content);
                continue;
            }
            let content = &text[line.content];
            let boilerplate_line = layout && self.is_boilerplate_line(content);
            if let Some((d, last)) = open.as_mut() {
                if line.marker.is_none()
                    && !boilerplate_line
                    && !d.boilerplate_line
                    && continues(text, d, last, &line)
                {
                    d.span.end = line.content.end;
                    d.lines += 1;
                    *last = line;
                    continue;
                }
            }
            if let Some((d, _)) = open.take() {
                emit(d);
            }
            let (span, marker) = match line.marker {
                Some((m, body)) => (body, Some(m)),
                None => (line.content, None),
            };
            open = Some((
                Draft {
                    span,
                    marker,
                    indent: line.indent,
                    lines: 1,
                    boilerplate_line,
                },
                line,
            ));
        }
        if let Some((d, _)) = open.take() {
            emit(d);
        }
        if let Some(m) = pending_marker.take() {
            emit(lone(m));
        }
    }
}

/// The classification of draft blocks into blocks, one draft at a time in
/// text order, with the state that carries from one to the next.
struct Classifier<'r, 'h> {
    rules: &'r LayoutRules,
    text: &'h str,
    /// The blocks so far.
    blocks: Vec<Block<'h>>,
    /// The draft drawn but not yet classified: it waits for the next one.
    waiting: Option<Draft>,
    /// Whether the last block was a boilerplate video block.
    after_video: bool,
    /// Whether the list items now are the links under a boilerplate
    /// heading.
    in_link_list: bool,
    /// Indentation of the list items seen so far in the current list, to
    /// turn indentation into nesting depth.
    list_indents: Vec<usize>,
    /// Where the caption clues may be in the text.
    caption_sites: ClueSites,
}

impl<'r, 'h> Classifier<'r, 'h> {
    /// A classifier of `text`'s drafts by `rules`, before the first.
    fn new(rules: &'r LayoutRules, text: &'h str) -> Self {
        Classifier {
            rules,
            text,
            // Room for a block per 128 bytes (the corpus's releases average
            // one per 240) builds nearly every text's list without
            // regrowing it.
            blocks: Vec::with_capacity(text.len() / 128),
            caption_sites: ClueSites::default(),
            waiting: None,
            after_video: false,
            in_link_list: false,
            list_indents: Vec::new(),
        }
    }

    /// Takes the next draft in text order, and classifies the one before
    /// it, which it lets read.
    fn draw(&mut self, next: Draft) {
        if let Some(d) = self.waiting.replace(next) {
            self.classify(d);
        }
    }

    /// Classifies the last draft, and gives every block.
    fn finish(mut self) -> Vec<Block<'h>> {
        if let Some(d) = self.waiting.take() {
            self.classify(d);
        }
        self.blocks
    }

    /// Classifies `d`, the draft before [`Classifier::waiting`] (if any).
    fn classify(&mut self, d: Draft) {
        let (rules, text) = (self.rules, self.text);
        let s = &text[d.span];
        let short = s.len() <= 400;
        let line_bp = d.boilerplate_line;
        let video_bp = self.after_video && short && rules.video_captions.is_match(s);
        let heading_bp = short && !line_bp && rules.boilerplate_headings.is_match(s);
        let mut depth = 0u8;
        let kind = if let Some(_m) = d.marker {
            let list_indents = &mut self.list_indents;
            while list_indents.last().is_some_and(|&ind| ind > d.indent) {
                list_indents.pop();
            }
            if list_indents.last() != Some(&d.indent) {
                list_indents.push(d.indent);
            }
            depth = u8::try_from(list_indents.len().saturating_sub(1)).unwrap_or(u8::MAX);
            if self.in_link_list || line_bp {
                BlockKind::Boilerplate
            } else {
                BlockKind::ListItem
            }
        } else {
            self.list_indents.clear();
            self.in_link_list = false;
            if line_bp || video_bp {
                BlockKind::Boilerplate
            } else if heading_bp {
                self.in_link_list = true;
                BlockKind::Boilerplate
            } else if self.blocks.is_empty() && reads_as_title(s, &d) {
                BlockKind::Title
            } else if self.is_caption(&d) {
                BlockKind::Caption
            } else if reads_as_heading(s, &d) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            }
        };
        self.after_video = kind == BlockKind::Boilerplate && (video_bp || rules.video.is_match(s));
        self.blocks.push(Block {
            kind,
            span: d.span,
            marker: d.marker.map(|m| Cow::Borrowed(&text[m])),
            depth,
        });
    }

    fn is_caption(&mut self, d: &Draft) -> bool {
        let (rules, text) = (self.rules, self.text);
        let s = &text[d.span];
        if s.len() > 600 {
            return false;
        }
        if rules
            .captions
            .is_match(text, d.span, &mut self.caption_sites)
        {
            return true;
        }
        // A caption printed twice, the second time followed by its credit.
        match &self.waiting {
            Some(next) if d.marker.is_none() && next.marker.is_none() && s.len() >= 20 => {
                let n = &text[next.span];
                n.len() > s.len()
                    && n.starts_with(s)
                    && rules
                        .captions
                        .is_match(text, next.span, &mut self.caption_sites)
            }
            _ => false,
        }
    }
}

/// Whether the first block reads as a headline.
fn reads_as_title(s: &str, d: &Draft) -> bool {
    d.marker.is_none() && d.lines == 1 && !s.is_empty() && s.len() <= 300 && !s.ends_with(':')
}

/// Whether a block reads as a section heading: one short line that does not
/// end as a sentence or a lead-in does.
fn reads_as_heading(s: &str, d: &Draft) -> bool {
    if d.lines != 1 || s.len() > 80 {
        return false;
    }
    let last = s.chars().next_back();
    let first = s.chars().next();
    first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !last.is_some_and(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ':' | '”' | '"' | '’'))
        && word_count(s) <= 10
}

/// How many words (runs of characters other than white space) `s` holds,
/// as `split_whitespace` counts them. ASCII text, nearly every line, is
/// counted without decoding, by where white space gives way to a word.
fn word_count(s: &str) -> usize {
    if !s.is_ascii() || u32::try_from(s.len()).is_err() {
        return s.split_whitespace().count();
    }
    let b = s.as_bytes();
    // As `is_ascii_space`, without branches, so that the count compiles to
    // vector instructions.
    let space = |c: u8| (c == b' ') | (c.wrapping_sub(b'\t') < 5);
    let opens_with_word = b.first().is_some_and(|&c| !space(c));
    // Counted in 32 bits, which vectorise better; the text is short
    // enough that the count cannot overflow them.
    let words_after_space: u32 = b
        .iter()
        .zip(b.get(1..).unwrap_or(&[]))
        .map(|(&before, &c)| u32::from(space(before) & !space(c)))
        .sum();
    usize::from(opens_with_word) + words_after_space as usize
}

/// Words after which a line break cannot end a sentence.
const CONNECTIVES: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "that", "the", "to",
    "with",
];

/// Whether `next` continues the block whose last line is `last`: a
/// hard-wrapped sentence rather than a line that stands alone.
fn continues(text: &str, d: &Draft, last: &Line, next: &Line) -> bool {
    let prev = &text[last.content];
    let body = &text[next.content];
    let Some(first) = body.chars().next() else {
        return false;
    };
    let Some(end) = prev.chars().next_back() else {
        return false;
    };
    if matches!(end, '.' | '!' | '?' | ':' | ';' | '”' | '"' | '’' | ')') {
        return false;
    }
    // Item continuation lines are indented under the item's text.
    if d.marker.is_some() && next.indent > d.indent && first.is_lowercase() {
        return true;
    }
    // A signature's place in capitals, then its date: "THE WHITE HOUSE,"
    // then "December 23, 2022." are two lines that stand alone.
    if end == ',' && !prev.contains(char::is_lowercase) && signature_date(body) {
        return false;
    }
    // A comma, or a word broken at a hyphen ("well-" then "known").
    if end == ',' || (end == '-' && prev.len() > 1) {
        return first.is_alphanumeric();
    }
    let last_word = prev
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if CONNECTIVES.contains(&last_word) {
        return first.is_alphanumeric();
    }
    // A lower-case start continues a line of running text, but not a short
    // line of its own ("features" then "contact manager").
    first.is_lowercase() && prev.split_whitespace().count() >= 3
}

/// Whether a line is a date and nothing else, as a signature gives it:
/// "December 23, 2022." (a capitalised word, a day and a comma, a year).
fn signature_date(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(month), Some(day), Some(year), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    let day = day.strip_suffix(',').unwrap_or("");
    let year = year.strip_suffix('.').unwrap_or(year);
    month.starts_with(|c: char| c.is_ascii_uppercase())
        && month.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// The lines of `text` (any line ending), `None` for a blank line.
fn lines(text: &str) -> Lines<'_> {
    Lines {
        text,
        pos: 0,
        ends: ThreeBytes::new([b'\n', b'\r', b'\r']),
    }
}

/// The iterator of [`lines`]. A type of its own rather than a closure, so
/// that its step can be marked for inlining into the grouping loop, which
/// takes a line at a time.
struct Lines<'h> {
    text: &'h str,
    /// Where the next line starts.
    pos: usize,
    /// The search for a line feed or carriage return.
    ends: ThreeBytes,
}

impl Iterator for Lines<'_> {
    type Item = Option<Line>;

    #[inline(always)]
    fn next(&mut self) -> Option<Option<Line>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let pos = &mut self.pos;
        if *pos >= bytes.len() {
            return None;
        }
        let start = *pos;
        // Nearly every other line of a release is blank, a lone line feed:
        // a search for its end costs a call that finds it at once.
        if bytes.get(start) == Some(&b'\n') {
            *pos = start + 1;
            return Some(None);
        }
        let end = self
            .ends
            .find(bytes.get(start..)?)
            .map_or(bytes.len(), |i| start + i);
        *pos = end;
        if bytes.get(*pos) == Some(&b'\r') {
            *pos += 1;
        }
        if bytes.get(*pos) == Some(&b'\n') && bytes.get(end) != Some(&b'\n') {
            *pos += 1;
        } else if bytes.get(end) == Some(&b'\n') {
            *pos = end + 1;
        }
        let raw = Span::new(start, end);
        let content = trim(text, raw);
        if content.is_empty() {
            return Some(None);
        }
        let indent = text[start..content.start]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let marker = list_marker(text, content);
        Some(Some(Line {
            content,
            indent,
            marker,
        }))
    }
}

/// Whether the line is nothing but a bullet.
fn is_lone_bullet(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(
        (cs.next(), cs.next()),
        (
            Some('-' | '–' | '—' | '•' | '*' | '·' | '▪' | '◦' | '●'),
            None
        )
    )
}

/// The list marker at the start of `content` and the trimmed text after it.
fn list_marker(text: &str, content: Span) -> Option<(Span, Span)> {
    let s = &text[content];
    let len = marker_len(s)?;
    let rest = &s[len..];
    // A marker is followed by white space and then some text.
    if !rest.starts_with(is_space) {
        return None;
    }
    let body = trim(text, Span::new(content.start + len, content.end));
    if body.is_empty() {
        return None;
    }
    Some((Span::new(content.start, content.start + len), body))
}

/// Whether `s` may open with a list marker, by its first two bytes: most
/// lines open with a capital letter not followed by `)`, and `marker_len`,
/// which asks this first, need not look further. An ASCII opening added to
/// `marker_len` must be let through here too.
fn may_open_with_marker(s: &[u8]) -> bool {
    match s.first() {
        Some(b'A'..=b'Z') => s.get(1) == Some(&b')'),
        Some(b) => {
            b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || matches!(b, b'-' | b'*' | b'(')
                || !b.is_ascii()
        }
        None => false,
    }
}

/// The byte length of a list marker at the start of `s`, if it starts with
/// one: a bullet, `1.`, `1)`, `1.)`, `(1)`, `a.`, `a)`, `(a)`, `iv.`, `(iv)`.
fn marker_len(s: &str) -> Option<usize> {
    if !may_open_with_marker(s.as_bytes()) {
        return None;
    }
    let first = s.chars().next()?;
    if matches!(
        first,
        '-' | '–'
            | '—'
            | '•'
            | '*'
            | '·'
            | '▪'
            | '◦'
            | '⁃'
            | '‣'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
            | '●'
    ) {
        let len = first.len_utf8();
        // "--" or "**" is not a bullet.
        return match s[len..].chars().next() {
            Some(c) if c == first => None,
            _ => Some(len),
        };
    }
    let b = s.as_bytes();
    let (open, inner_start) = if b.first() == Some(&b'(') {
        (true, 1)
    } else {
        (false, 0)
    };
    let mut i = inner_start;
    let digits = b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits > 0 {
        if digits > 3 {
            return None;
        }
        i += digits;
    } else {
        let run = b.get(i..)?;
        let letters = run.iter().take_while(|c| c.is_ascii_lowercase()).count();
        let roman = letters > 0 && run.iter().take(letters).all(|c| b"ivxlc".contains(c));
        if letters == 1 || (roman && letters <= 5) {
            i += letters;
        } else if !open
            && b.get(i).is_some_and(u8::is_ascii_uppercase)
            && b.get(i + 1) == Some(&b')')
        {
            i += 1;
        } else {
            return None;
        }
    }
    match (open, b.get(i), b.get(i + 1)) {
        (true, Some(b')'), _) => Some(i + 1),
        (false, Some(b'.'), Some(b')')) => Some(i + 2),
        (false, Some(b'.' | b')'), _) => Some(i + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule runs on the lazy DFA and answers as the regex of its
    /// pattern does, on every line of the fixtures and on lines drawn from
    /// the pattern's words.
    #[test]
    fn rules_answer_as_their_regexes_do() {
        let rules = LayoutRules::new();
        let lines = crate::testing::fixture_lines();
        for rule in [
            &rules.boilerplate_lines.any,
            &rules.boilerplate_headings.any,
            &rules.captions.any,
            &rules.bracketed_lines,
            &rules.video_captions,
            &rules.video,
        ] {
            let source = rule.source().expect("a rule with patterns");
            let wrong = crate::pattern::disagreements(source, &lines);
            assert_eq!(wrong, Vec::<String>::new(), "{source}");
            let on_dfa = rule.get().is_some_and(crate::pattern::Matcher::runs_dfa);
            assert!(on_dfa, "{source} runs on the slower regex");
        }
    }

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        let rules = LayoutRules::new();
        rules
            .blocks(text)
            .into_iter()
            .map(|b| (b.kind, &text[b.span]))
            .collect()
    }

    /// A caption printed twice, the second time with its credit: the first
    /// print is a caption too, read off the block after it; a paragraph
    /// that the next block merely repeats is not.
    #[test]
    fn a_caption_printed_twice_is_a_caption_both_times() {
        let caption = "Troops arrive at the base in Darwin on Monday morning.";
        let text = format!(
            "Title line\n\nA first paragraph of the story.\n\n{caption}\n\n\
             {caption} (AP Photo/Jane Doe)\n\nThe story goes on.\n\n\
             {caption}\n\n{caption} And more.\n"
        );
        let got = kinds(&text);
        let caption_kinds: Vec<BlockKind> = got
            .iter()
            .filter(|(_, s)| s.starts_with("Troops"))
            .map(|&(k, _)| k)
            .collect();
        assert_eq!(
            caption_kinds,
            [
                BlockKind::Caption,
                BlockKind::Caption,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ],
            "{got:?}"
        );
        // The last block of a text has no block after it to read.
        assert_eq!(kinds(caption), [(BlockKind::Title, caption)]);
    }

    #[test]
    fn every_caption_pattern_has_a_clue() {
        // Otherwise every block goes through the caption patterns, as it did
        // before the clues: correct, but several times dearer.
        assert!(LayoutRules::new().captions.clues.is_some());
    }

    /// Whether the whole of `s` holds a caption clue, by its own sites.
    fn clue_in(captions: &Captions, s: &str) -> bool {
        let clues = captions.clues.as_ref().unwrap();
        ClueSites::default().any_in(clues, s.as_bytes(), Span::new(0, s.len()))
    }

    /// Whether `hay` holds a caption clue, searched for in `hay` alone, as
    /// blocks were searched before the sites of a whole text were kept.
    fn clue_in_block(clues: &Clues, hay: &[u8]) -> bool {
        let by_byte = clues.bytes.is_some_and(|[a, b, c]| {
            memchr::memchr3_iter(a, b, c, hay)
                .any(|p| clues.by_byte.iter().any(|clue| clue.fits(hay, p)))
        });
        by_byte
            || clues
                .literals
                .iter()
                .any(|l| memchr::memmem::find(hay, l).is_some())
    }

    #[test]
    fn caption_clues_let_every_caption_through() {
        let captions = &LayoutRules::new().captions;
        for s in [
            "Leaders meet. THE CANADIAN PRESS/Sean Kilpatrick",
            "A crowd (AP Photo/Jane Doe)",
            "A crowd. AP Photo /Jane Doe",
            "Photo: AFP",
            "A view. REUTERS /John Smith",
            "Smith, Reuters/Pool",
            "Getty Images / Pool",
            "AAP Image/Dean Lewins",
            "PA Wire/PA Images",
            "EPA/Someone",
            "Smith, Getty Images",
            "photo credit : Jane Doe",
            "PHOTOGRAPH:Jane Doe",
            "The site (picture:\u{A0}Jane Doe)",
            "File photo\u{2003}: x",
            "Credit\n: x",
            "\u{17F}ome (Reuters Photo by x)",
            "(AAP Photo",
        ] {
            assert!(captions.any.is_match(s), "{s}");
            assert!(clue_in(captions, s), "{s}");
        }
        for s in [
            "The minister said: this is not a caption.",
            "See www.pm.gov.au/media and/or 2007/08.",
            "Prime Minister (Labor) spoke (APRA).",
            "Rates are: low. Visit: here. Go to: there.",
            ": :/ (",
            "",
        ] {
            assert!(!clue_in(captions, s), "{s}");
        }
    }

    /// Spans of `text` to ask about: every block and every line, and
    /// stretches that cut into clues and literals.
    fn spans_of(text: &str) -> Vec<Span> {
        let mut spans: Vec<Span> = LayoutRules::new()
            .blocks(text)
            .iter()
            .map(|b| b.span)
            .collect();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            spans.push(Span::new(start, start + line.len()));
            start += line.len();
        }
        for (p, _) in text.char_indices().step_by(7) {
            let end = text.ceil_char_boundary((p + 23).min(text.len()));
            spans.push(Span::new(p, end));
        }
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }

    /// A text of nothing but clue bytes lists no more sites than a
    /// stretch holds bytes, wherever the blocks asked about are.
    #[test]
    fn clue_sites_stay_within_a_stretch() {
        let captions = &LayoutRules::new().captions;
        let clues = captions.clues.as_ref().unwrap();
        let text = "/:(".repeat(ClueSites::REACH);
        let mut sites = ClueSites::default();
        for start in (0..text.len() - 100).step_by(997) {
            sites.any_in(clues, text.as_bytes(), Span::new(start, start + 100));
            assert!(
                sites.bytes.len() <= ClueSites::REACH,
                "{}",
                sites.bytes.len()
            );
        }
        assert!(sites.bytes.capacity() < 2 * ClueSites::REACH);
        // A block longer than a stretch is read without listing its sites.
        let mut sites = ClueSites::default();
        sites.any_in(clues, text.as_bytes(), Span::new(0, text.len()));
        assert!(sites.bytes.is_empty());
    }

    /// Short blocks asked about in text order list a new stretch only
    /// when they pass the end of the last one: a few stretches for each
    /// reach of text, not one for each block.
    #[test]
    fn clue_sites_refill_once_a_stretch_in_text_order() {
        let captions = &LayoutRules::new().captions;
        let clues = captions.clues.as_ref().unwrap();
        let block = "A crowd meets (AP Photo/Jane Doe) in the square: x.\n\n";
        let text = block.repeat(5 * ClueSites::REACH / block.len());
        let mut sites = ClueSites::default();
        let (mut start, mut asked) = (0, 0);
        while start < text.len() {
            let end = start + block.len();
            assert!(sites.any_in(clues, text.as_bytes(), Span::new(start, end)));
            start = end;
            asked += 1;
        }
        let most = 2 * text.len() / ClueSites::REACH + 1;
        assert!(sites.fills <= most, "{} fills, at most {most}", sites.fills);
        assert!(asked > 100 * most, "{asked}");
    }

    #[test]
    fn clue_sites_agree_with_a_search_of_each_block() {
        let captions = &LayoutRules::new().captions;
        let clues = captions.clues.as_ref().unwrap();
        let crafted = "Title\n\nLeaders meet. THE CANADIAN PRESS/Sean\n\
             A crowd (AP Photo/Jane Doe) and (AFP Photo\n\nGetty Images\n\
             GettyGetty Images Getty Image\nPhoto: x\nRates are: low (APRA).\n\
             See www.pm.gov.au/media\n\u{17F}ome (Reuters Photo by x)\n";
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut texts = vec![crafted.to_string()];
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        let (mut asked, mut found) = (0, 0);
        for text in &texts {
            let spans = spans_of(text);
            let want: Vec<bool> = spans
                .iter()
                .map(|&s| clue_in_block(clues, &text.as_bytes()[s.start..s.end]))
                .collect();
            // In text order, as the classifier asks, and backwards; with
            // the stretches' own reach, and with reaches that make most
            // blocks move the stretch on or too long to be listed.
            for reach in [ClueSites::REACH, 200, 24, 1] {
                let mut sites = ClueSites::reaching(reach);
                for (&span, &want) in spans.iter().zip(&want) {
                    assert_eq!(
                        sites.any_in(clues, text.as_bytes(), span),
                        want,
                        "{reach} {:?}",
                        &text[span]
                    );
                }
                let mut sites = ClueSites::reaching(reach);
                for (&span, &want) in spans.iter().zip(&want).rev() {
                    assert_eq!(
                        sites.any_in(clues, text.as_bytes(), span),
                        want,
                        "{reach} {:?}",
                        &text[span]
                    );
                }
            }
            asked += want.len();
            found += want.iter().filter(|&&w| w).count();
        }
        assert!(asked > 10_000 && found > 20, "{asked} {found}");
    }

    #[test]
    fn literal_sites_include_overlapping_places() {
        let sites: Vec<Span> = literal_sites(b"aaaba", b"aa").collect();
        assert_eq!(sites, [Span::new(0, 2), Span::new(1, 3)]);
        assert_eq!(literal_sites(b"a", b"aa").count(), 0);
    }

    #[test]
    fn every_boilerplate_line_pattern_has_openings() {
        // Otherwise every line goes through the patterns: correct, but dearer.
        let rules = LayoutRules::new();
        assert!(rules.boilerplate_lines.openings.is_some());
        assert!(rules.boilerplate_headings.openings.is_some());
    }

    #[test]
    fn openings_let_every_boilerplate_line_through() {
        let rules = LayoutRules::new();
        for (s, heading) in [
            ("READ MORE: x", false),
            ("Read more about it", false),
            ("Watch : x", false),
            ("Click to play video: x", false),
            ("Story continues below the advertisement", false),
            ("Advertising", false),
            ("Promoted content", false),
            ("Share on X", false),
            ("Tweet this", false),
            ("Print this article", false),
            ("Sign up for our newsletter", false),
            ("Get the updates", false),
            ("Follow us on Facebook", false),
            ("Related coverage:", false),
            ("This website uses cookies", false),
            ("We use cookies", false),
            ("Skip to main content", false),
            ("# # #", false),
            ("- 30 -", false),
            ("-ends-", false),
            ("\u{2003}ends", false),
            ("[ ends ]", false),
            ("End", false),
            ("More on this story:", false),
            ("Download the report pdf", false),
            ("\u{17F}hare", false),
            ("Sub\u{17F}cribe to our newsletter", false),
            ("See also", true),
            ("Useful lin\u{212A}s", true),
        ] {
            let patterns = if heading {
                &rules.boilerplate_headings
            } else {
                &rules.boilerplate_lines
            };
            let openings = patterns.openings.as_ref().unwrap();
            assert!(patterns.any.is_match(s), "{s}");
            assert!(openings.may_open(s.as_bytes()), "{s}");
        }
        let openings = rules.boilerplate_lines.openings.as_ref().unwrap();
        for s in ["The minister said", "Prime Minister", "Readers", "Sharing"] {
            assert!(!openings.may_open(s.as_bytes()), "{s}");
        }
    }

    /// Lines compared with the openings from their second byte on are read
    /// as from the first: over drawn lines that open with each opening or
    /// a part of it, in mixed case, short or long, with bytes beyond ASCII
    /// (the long s among them) and other bytes put in at random.
    #[test]
    fn openings_compared_from_the_second_byte_agree_with_the_first() {
        fn from_first(openings: &Openings, line: &[u8]) -> bool {
            let Some(&first) = line.first() else {
                return true;
            };
            if !first.is_ascii() || is_ascii_space(first) {
                return true;
            }
            let Some(candidates) = openings
                .by_first
                .get(usize::from(first.to_ascii_lowercase()))
            else {
                return true;
            };
            candidates.iter().any(|o| {
                for (i, &c) in o.iter().enumerate() {
                    match line.get(i) {
                        Some(b) if !b.is_ascii() => return true,
                        Some(b) if b.to_ascii_lowercase() == c => {}
                        _ => return false,
                    }
                }
                true
            })
        }
        let rules = LayoutRules::new();
        let all: Vec<&[u8]> = BOILERPLATE_OPENINGS
            .iter()
            .flat_map(|(_, words)| words.iter().map(|w| w.as_bytes()))
            .chain([&b"The minister said"[..], b"Sharing", b"Readers", b"This"])
            .collect();
        let inserts: [&[u8]; 7] = [b"x", b" ", b"\xC5\xBF", b"\xC3\xA9", b":", b"Z", b"\t"];
        let mut draw = crate::testing::draws(0x1F2E_3D4C_5B6A_7988);
        let (mut opened, mut closed) = (0, 0);
        for _ in 0..20_000 {
            let base = all[draw(all.len())];
            let mut line: Vec<u8> = base[..draw(base.len() + 1)].to_vec();
            for c in line.iter_mut() {
                if draw(2) == 0 {
                    *c = c.to_ascii_uppercase();
                }
            }
            if draw(3) == 0 && !line.is_empty() {
                let at = draw(line.len());
                line.splice(at..at + 1, inserts[draw(inserts.len())].iter().copied());
            }
            line.extend_from_slice([&b""[..], b" news", b"s", b" this page"][draw(4)]);
            for patterns in [&rules.boilerplate_lines, &rules.boilerplate_headings] {
                let openings = patterns.openings.as_ref().unwrap();
                let want = from_first(openings, &line);
                assert_eq!(
                    openings.may_open(&line),
                    want,
                    "{:?}",
                    String::from_utf8_lossy(&line)
                );
                opened += usize::from(want);
                closed += usize::from(!want);
            }
        }
        assert!(
            opened > 5_000 && closed > 5_000,
            "{opened} may open, {closed} not"
        );
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            " ",
            "one",
            " one ",
            "one two",
            "one\ttwo\r\nthree",
            "a  b\x0bc\x0cd",
            "a\x1cb",
            "one\u{A0}two three",
            "caf\u{E9} au lait\u{2003}noir",
            "  lead and trail  ",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn a_marker_body_starts_after_the_white_space() {
        for s in ["- body", "-  body ", "•\u{A0} body", "1.\t body"] {
            let (_, body) = list_marker(s, Span::new(0, s.len())).unwrap();
            assert_eq!(&s[body], "body", "{s:?}");
        }
    }

    #[test]
    fn markers() {
        let text_marker = |s: &str| list_marker(s, Span::new(0, s.len())).map(|(m, _)| m.len());
        for (s, want) in [
            ("- a", Some(1)),
            ("– a", Some(3)),
            ("• a", Some(3)),
            ("1. a", Some(2)),
            ("12) a", Some(3)),
            ("1.) a", Some(3)),
            ("(a) a", Some(3)),
            ("(iv) a", Some(4)),
            ("a. a", Some(2)),
            ("iv. a", Some(3)),
            ("A) a", Some(2)),
            ("2020. a", None),
            ("-- a", None),
            ("The a", None),
            ("3.5 a", None),
            ("AB) a", None),
            ("• \u{A0} a", Some(3)),
            ("\u{25CF} a", Some(3)),
            ("* a", Some(1)),
            ("-\t a", Some(1)),
        ] {
            assert_eq!(text_marker(s), want, "{s}");
        }
    }

    #[test]
    fn blocks_of_a_release() {
        let text = "\u{FEFF}Headline here\r\n\r\nFirst paragraph, which is\r\nhard-wrapped over two lines.\r\n\r\nThey will:\r\n- do one thing;\r\n  - and a nested one\r\n- do another.\r\n\r\nREAD MORE: something else\r\nStory continues below advertisement\r\nClosing line.\r";
        assert_eq!(
            kinds(text),
            vec![
                (BlockKind::Title, "Headline here"),
                (
                    BlockKind::Paragraph,
                    "First paragraph, which is\r\nhard-wrapped over two lines."
                ),
                (BlockKind::Paragraph, "They will:"),
                (BlockKind::ListItem, "do one thing;"),
                (BlockKind::ListItem, "and a nested one"),
                (BlockKind::ListItem, "do another."),
                (BlockKind::Boilerplate, "READ MORE: something else"),
                (
                    BlockKind::Boilerplate,
                    "Story continues below advertisement"
                ),
                (BlockKind::Paragraph, "Closing line."),
            ]
        );
        let blocks = LayoutRules::new().blocks(text);
        assert_eq!(blocks[4].depth, 1);
        assert_eq!(blocks[4].marker.as_deref(), Some("-"));
    }

    #[test]
    fn attachments_downloads_and_end_marks_are_furniture() {
        let text = "Leaders meet\n\nThe talks went well.\n\n* Statement on Education Cooperation [PDF 69KB]\n* Statement on Trade - [PDF 79 KB]\n\nDownload this case study as a PDF\n\n[ends]\n\nThe PDF [link] is below.\n";
        assert_eq!(
            kinds(text),
            vec![
                (BlockKind::Title, "Leaders meet"),
                (BlockKind::Paragraph, "The talks went well."),
                (
                    BlockKind::Boilerplate,
                    "Statement on Education Cooperation [PDF 69KB]"
                ),
                (BlockKind::Boilerplate, "Statement on Trade - [PDF 79 KB]"),
                (BlockKind::Boilerplate, "Download this case study as a PDF"),
                (BlockKind::Boilerplate, "[ends]"),
                (BlockKind::Paragraph, "The PDF [link] is below."),
            ]
        );
    }

    #[test]
    fn a_signature_place_and_its_date_stand_alone() {
        let text = "Title\n\nJOSEPH R. BIDEN JR.\n\nTHE WHITE HOUSE,\nDecember 23, 2022.\n\nOTTAWA,\nin a statement today, the minister said so.\n";
        let blocks = LayoutRules::new().blocks(text);
        let spans: Vec<&str> = blocks.iter().map(|b| &text[b.span]).collect();
        assert_eq!(
            spans,
            vec![
                "Title",
                "JOSEPH R. BIDEN JR.",
                "THE WHITE HOUSE,",
                "December 23, 2022.",
                "OTTAWA,\nin a statement today, the minister said so."
            ]
        );
    }

    #[test]
    fn a_bullet_alone_marks_the_next_line() {
        let blocks = LayoutRules::new().blocks("Title\n\nWe will:\n-\nCut taxes\n-\nRaise wages\n");
        let items: Vec<(&str, Option<&str>)> = blocks
            .iter()
            .skip(2)
            .map(|b| {
                (
                    &"Title\n\nWe will:\n-\nCut taxes\n-\nRaise wages\n"[b.span],
                    b.marker.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            items,
            vec![("Cut taxes", Some("-")), ("Raise wages", Some("-"))]
        );
        assert!(blocks.iter().skip(2).all(|b| b.kind == BlockKind::ListItem));
    }

    #[test]
    fn lone_carriage_returns_and_standalone_lines() {
        assert_eq!(
            kinds("features\rcontact manager\revents, activities\r"),
            vec![
                (BlockKind::Title, "features"),
                (BlockKind::Paragraph, "contact manager"),
                (BlockKind::Paragraph, "events, activities"),
            ]
        );
        assert_eq!(kinds(""), vec![]);
        assert_eq!(kinds(" \n\u{A0}\n\t"), vec![]);
    }

    #[test]
    fn video_caption_and_link_list_are_boilerplate() {
        let text = "Title\n\nWATCH: A thing\n\n\nClick to play video: 'A thing' A thing\nA thing – May 16, 2017\n\nSee also\n\n- Some link, 27 March 2014\n\nBody text.";
        assert_eq!(
            kinds(text),
            vec![
                (BlockKind::Title, "Title"),
                (BlockKind::Boilerplate, "WATCH: A thing"),
                (
                    BlockKind::Boilerplate,
                    "Click to play video: 'A thing' A thing"
                ),
                (BlockKind::Boilerplate, "A thing – May 16, 2017"),
                (BlockKind::Boilerplate, "See also"),
                (BlockKind::Boilerplate, "Some link, 27 March 2014"),
                (BlockKind::Paragraph, "Body text."),
            ]
        );
    }
}
