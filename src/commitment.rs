//! Commitment lists: two or more list items whose lead-in expresses intent
//! or agreement ("In addition, they plan to:", "Ministers committed to:").

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::document::TextSpan;
use crate::layout::BlockKind;
use crate::pattern::{CompileOnce, LazyMatcher, LazyPattern};
use crate::tables;
use crate::text::contains_ignore_ascii_case;
use crate::Span;

/// A list of commitments with the sentence that introduces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment<'h> {
    /// The introducing sentence (the one ending with a colon).
    #[serde(borrow)]
    pub lead: TextSpan<'h>,
    /// Who commits, as the text names them ("they", "Ministers present"),
    /// when the lead names anyone.
    #[serde(borrow)]
    pub actor: Option<Cow<'h, str>>,
    /// Every item of the list, nested ones included, without markers.
    #[serde(borrow)]
    pub items: Vec<TextSpan<'h>>,
}

/// The compiled commitment-list rules.
#[derive(Debug)]
pub(crate) struct CommitmentFinder {
    /// The rules in the form read against a sentence whose ASCII letters
    /// are lowered (see [`CommitmentFinder::read`]).
    folded: Rules,
    /// The same rules matched case-insensitively by Unicode, for the rare
    /// sentence that holds a letter the ASCII fold cannot stand for.
    unicode: Rules,
}

/// Every rule a lead is read with, each compiled on its first use: most
/// documents have no list and never need them, and the Unicode forms serve
/// only sentences with a long s or a Kelvin sign.
#[derive(Debug)]
struct Rules {
    /// Every `intent` row of the table as one alternation (a regex matches
    /// when any of its branches does, so one is as good as the rows).
    intent: LazyMatcher,
    weak: LazyMatcher,
    veto: LazyMatcher,
    weak_veto: LazyMatcher,
    /// Read for its group (the agent), so a full regex.
    passive_agent: LazyPattern,
    following: LazyMatcher,
    bare_lead: LazyMatcher,
    /// Read for where its match ends, so a full regex.
    subject_verb: LazyPattern,
}

/// The lead-in rules outside the table, in lower case.
const FOLLOWING: &str = r"\bthe following\b";
const BARE_LEAD: &str =
    r"^(this|these|they|it|that|those) (includes?|will include|are|is|comprises?)\s*:$";
const PASSIVE_AGENT: &str = r"\b(?:were|was|are|is|been) (?:agreed|adopted|endorsed|made|undertaken|announced|given) by ([^,:;]+?)\s*:$";
const SUBJECT_VERB: &str = r"\b(?:will|shall|(?:has|have|had|remain|remains)? ?(?:committed|commits?|pledged?|pledges|agreed|agrees?|plans?|planned|intends?|resolved|undertakes?|vowed)|(?:is|are) (?:announcing|committing|pledging|planning)|announced|announces)\b";

impl Rules {
    /// The rules with `flags` (`""` or `"(?i)"`) applied to every pattern.
    fn new(flags: &str) -> Rules {
        let (mut intent, mut weak, mut veto, mut weak_veto) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for row in tables::rows(tables::COMMITMENT_LEADS) {
            if let [_, polarity, pattern] = row[..] {
                match polarity {
                    "not" => veto.push(pattern),
                    "not_weak" => weak_veto.push(pattern),
                    "weak" => weak.push(pattern),
                    _ => intent.push(pattern),
                }
            }
        }
        let any = |patterns: &[&str]| LazyMatcher::any(flags, patterns);
        Rules {
            intent: any(&intent),
            weak: any(&weak),
            veto: any(&veto),
            weak_veto: any(&weak_veto),
            passive_agent: LazyPattern::any(flags, &[PASSIVE_AGENT]),
            following: any(&[FOLLOWING]),
            bare_lead: any(&[BARE_LEAD]),
            subject_verb: LazyPattern::any(flags, &[SUBJECT_VERB]),
        }
    }

    fn intends(&self, sentence: &str) -> bool {
        self.intent.is_match(sentence)
            || (self.weak.is_match(sentence) && !self.weak_veto.is_match(sentence))
    }

    /// Every rule, the costlier to compile first (as timed once, in a
    /// release build: `subject_verb`, `veto` and `intent` about three
    /// quarters of a millisecond each, `following` a fiftieth), so that
    /// threads sharing them out finish about together.
    fn every(&self) -> [&dyn CompileOnce; 8] {
        [
            &self.subject_verb,
            &self.veto,
            &self.intent,
            &self.passive_agent,
            &self.weak_veto,
            &self.bare_lead,
            &self.weak,
            &self.following,
        ]
    }

    /// The rules only asked whether they match.
    #[cfg(test)]
    fn matchers(&self) -> [&LazyMatcher; 6] {
        [
            &self.veto,
            &self.intent,
            &self.weak_veto,
            &self.bare_lead,
            &self.weak,
            &self.following,
        ]
    }

    /// The rules whose match or group is read.
    #[cfg(test)]
    fn patterns(&self) -> [&LazyPattern; 2] {
        [&self.subject_verb, &self.passive_agent]
    }

    /// Every rule's regex as written.
    #[cfg(test)]
    fn sources(&self) -> Vec<Option<&str>> {
        let matchers = self.matchers().into_iter().map(LazyMatcher::source);
        matchers
            .chain(self.patterns().into_iter().map(LazyPattern::source))
            .collect()
    }
}

impl CommitmentFinder {
    /// The rules compiled on first use (see `Extractor::warm_up`): those
    /// read against ASCII-folded sentences, then, with `unicode_too`, their
    /// Unicode forms.
    pub(crate) fn lazy_rules<'r>(&'r self, out: &mut Vec<&'r dyn CompileOnce>, unicode_too: bool) {
        out.extend(self.folded.every());
        if unicode_too {
            out.extend(self.unicode.every());
        }
    }

    pub(crate) fn new() -> CommitmentFinder {
        CommitmentFinder {
            folded: Rules::new(""),
            unicode: Rules::new("(?i)"),
        }
    }

    /// A sentence as the rules read it, with the rules to read it with.
    ///
    /// The patterns are written in lower case and matched case-insensitively.
    /// Under Unicode case folding an ASCII letter matches its two ASCII cases
    /// and nothing else, but for `s`, which also matches the long s (U+017F),
    /// and `k`, which also matches the Kelvin sign (U+212A). So for a text
    /// without those two, matching the case-sensitive patterns against the
    /// text with its ASCII letters lowered finds exactly what the
    /// case-insensitive ones find in the text: every other class in the
    /// patterns (`\s`, `.`, `[^,:;]`, the ASCII `\b`) holds a letter when it
    /// holds its other case. Lowering ASCII letters keeps every byte offset,
    /// so a match's span is a span of the original sentence too. A
    /// case-sensitive pattern compiles several times faster and searches no
    /// slower.
    fn read<'s>(&self, sentence: &'s str) -> (Cow<'s, str>, &Rules) {
        if !sentence.is_ascii() && sentence.contains(['\u{17F}', '\u{212A}']) {
            (Cow::Borrowed(sentence), &self.unicode)
        } else if sentence.bytes().any(|b| b.is_ascii_uppercase()) {
            (Cow::Owned(sentence.to_ascii_lowercase()), &self.folded)
        } else {
            (Cow::Borrowed(sentence), &self.folded)
        }
    }

    /// Commitment lists of the analysed text.
    pub(crate) fn find<'h>(&self, a: &Analysis<'h>) -> Vec<Commitment<'h>> {
        let mut out = Vec::new();
        let blocks = &a.blocks;
        let mut i = 0;
        while i < blocks.len() {
            let Some((lead, items)) = self.lead_of(a, i) else {
                i += 1;
                continue;
            };
            let lead_text = &a.text[lead];
            i = items.last().map_or(i + 1, |&(b, _)| b + 1);
            out.push(Commitment {
                lead: TextSpan::at(a.text, lead),
                actor: self.actor(lead_text).map(Cow::Borrowed),
                items: items
                    .iter()
                    .map(|&(_, span)| TextSpan::at(a.text, span))
                    .collect(),
            });
        }
        out
    }

    /// The lead-in sentence of block `i` and the items of the list it
    /// introduces, if the block introduces a commitment list of two items or
    /// more: its last sentence ends with a colon and expresses intent (the
    /// list follows at once), or it announces "the following actions." with
    /// a full stop (the lists follow under sub-headings).
    fn lead_of(&self, a: &Analysis<'_>, i: usize) -> Option<(Span, Vec<(usize, Span)>)> {
        let block = a.blocks.get(i)?;
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading) {
            return None;
        }
        // Most blocks are followed by no list: the kinds of the next blocks
        // rule them out before the block's text and sentences are read
        // (which, in a long text, lie far apart in memory, where the
        // blocks lie side by side). A plain list after the lead is also a
        // section's list, so this is the looser of the two tests made
        // below, and rules out only what they would.
        if !two_items_follow(a, i + 1, true) {
            return None;
        }
        // Only a block that ends with a colon or a full stop can lead in.
        // Both are ASCII: the last byte tells, with no character decoded.
        let block_text = a.text.as_bytes().get(block.span.start..block.span.end);
        if !matches!(block_text.and_then(<[u8]>::last), Some(b':' | b'.')) {
            return None;
        }
        let mut in_block = a.sentences_of(i).iter().rev();
        let lead = in_block.next()?;
        let previous = in_block.next().map(|s| &a.text[s.span]);
        let lead_text = &a.text[lead.span];
        let section = if lead_text.ends_with(':') {
            false
        } else if lead_text.ends_with('.') {
            true
        } else {
            return None;
        };
        // Most blocks are followed by no list: a look at the next blocks'
        // kinds spares them the reading of the lead.
        if !two_items_follow(a, i + 1, section) {
            return None;
        }
        // A plain search for the word spares most full-stop leads the regex.
        if section && !contains_ignore_ascii_case(lead_text, "following") {
            return None;
        }
        let (lead_read, rules) = self.read(lead_text);
        if section && !rules.following.is_match(&lead_read) {
            return None;
        }
        if !self.expresses_intent(&lead_read, rules, previous) {
            return None;
        }
        let items = if section {
            section_items(a, i + 1)
        } else {
            list_items(a, i + 1)
        };
        Some((lead.span, items))
    }

    /// Whether the lead says that someone will do the listed things. A bare
    /// "This includes:" takes its intent from the sentence before it in the
    /// same paragraph ("The Government will expand the hospital. This
    /// includes:").
    ///
    /// `lead` is read by `rules` (see [`CommitmentFinder::read`]); `previous`
    /// is as the text has it.
    fn expresses_intent(&self, lead: &str, rules: &Rules, previous: Option<&str>) -> bool {
        let intends = rules.intends(lead)
            || match previous {
                Some(prev) if rules.bare_lead.is_match(lead) => {
                    let (prev, rules) = self.read(prev);
                    rules.intends(&prev)
                }
                _ => false,
            };
        // The veto is read last: every rule is a plain test of its
        // sentence, so the order gives the same answer, and most leads
        // express no intent and are settled without it.
        intends && !rules.veto.is_match(lead)
    }

    /// Who commits: the agent of a passive lead ("agreed by Ministers
    /// present"), else the subject before the intent verb, without an
    /// introductory phrase ("In addition, they plan to" gives "they").
    fn actor<'s>(&self, lead: &'s str) -> Option<&'s str> {
        let (read, rules) = self.read(lead);
        // Offsets in `read` are offsets in `lead`.
        if let Some(c) = rules.passive_agent.get()?.captures(&read) {
            return c.get(1).and_then(|m| lead.get(m.range())).map(str::trim);
        }
        let verb = rules.subject_verb.get()?.find(&read)?;
        let mut clause = lead.get(..verb.start())?.trim();
        // Drop introductory phrases ("In addition, ", "Today, to implement
        // those orders, ") but not the commas of a list of subjects.
        while let Some((first, rest)) = clause.split_once(", ") {
            let opener = first.split_whitespace().next().unwrap_or("");
            if !INTRODUCTORY.contains(&opener.to_lowercase().as_str()) {
                break;
            }
            clause = rest.trim();
        }
        let clause = clause.split("’s ").next().unwrap_or(clause);
        let mut clause = clause.split("'s ").next().unwrap_or(clause).trim();
        for aux in [" has", " have", " had", " is", " are", " was", " were"] {
            clause = clause.strip_suffix(aux).unwrap_or(clause);
        }
        // An adverb before the verb is not part of the actor ("We jointly
        // committed", "The partners also agreed").
        if let Some((head, last)) = clause.rsplit_once(' ') {
            if last.ends_with("ly") || matches!(last, "also" | "further" | "now" | "today") {
                clause = head.trim_end();
            }
        }
        let words = clause.split_whitespace().count();
        if words == 0 || words > 12 {
            return None;
        }
        let lower = clause.to_lowercase();
        if matches!(
            lower.as_str(),
            "this" | "these" | "that" | "those" | "it" | "there" | "today"
        ) {
            return None;
        }
        Some(clause)
    }
}

/// First words of the introductory phrases a lead may open with.
const INTRODUCTORY: &[&str] = &[
    "additionally",
    "after",
    "also",
    "among",
    "as",
    "at",
    "building",
    "by",
    "during",
    "for",
    "following",
    "furthermore",
    "however",
    "in",
    "meanwhile",
    "on",
    "since",
    "through",
    "to",
    "today",
    "together",
    "under",
    "with",
    "within",
];

/// The list items that start at block `from` and follow each other, nested
/// ones included.
fn list_items(a: &Analysis<'_>, from: usize) -> Vec<(usize, Span)> {
    a.blocks
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, b)| b.kind == BlockKind::ListItem)
        .map(|(i, b)| (i, b.span))
        .collect()
}

/// Whether the list items that start at block `from` ([`list_items`]), or
/// for a section lead the items of [`section_items`], number two or more.
/// It reads at most a few blocks, where collecting the items may read many:
/// a lead is checked before its text is read, and only a lead that passes
/// has its items collected (and the search resumes after them).
fn two_items_follow(a: &Analysis<'_>, from: usize, section: bool) -> bool {
    let is = |i: usize, kind: BlockKind| a.blocks.get(i).is_some_and(|b| b.kind == kind);
    if !section {
        return is(from, BlockKind::ListItem) && is(from + 1, BlockKind::ListItem);
    }
    // The first item, within the gap; then a second item in the same list,
    // or at the start of the next list, after one sub-heading.
    let Some(first) = (from..=from + SECTION_GAP).find(|&i| is(i, BlockKind::ListItem)) else {
        return false;
    };
    is(first + 1, BlockKind::ListItem)
        || (is(first + 1, BlockKind::Heading) && is(first + 2, BlockKind::ListItem))
}

/// How many blocks may stand between a "the following actions." lead and
/// its first list (a heading, a sentence of context, a sub-heading).
const SECTION_GAP: usize = 3;

/// The items of the lists that follow a section lead: the first list within
/// a few blocks, then every list separated from the previous one by a
/// single sub-heading, until running text resumes.
fn section_items(a: &Analysis<'_>, from: usize) -> Vec<(usize, Span)> {
    let blocks = &a.blocks;
    let mut i = from;
    let mut gap = 0;
    while blocks.get(i).is_some_and(|b| b.kind != BlockKind::ListItem) {
        gap += 1;
        if gap > SECTION_GAP {
            return Vec::new();
        }
        i += 1;
    }
    let mut items = Vec::new();
    loop {
        let run = list_items(a, i);
        let Some(&(last, _)) = run.last() else { break };
        items.extend(run);
        i = last + 1;
        match (blocks.get(i), blocks.get(i + 1)) {
            (Some(h), Some(next))
                if h.kind == BlockKind::Heading && next.kind == BlockKind::ListItem =>
            {
                i += 1
            }
            _ => break,
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LayoutRules;
    use crate::pattern::{Matcher, Pattern};
    use crate::sentence::SentenceSplitter;

    fn lists(text: &str) -> Vec<(String, Option<String>, usize)> {
        let blocks = LayoutRules::new().blocks(text);
        let sentences = SentenceSplitter::new().sentences(text, &blocks);
        let a = Analysis::new(text, blocks, sentences);
        CommitmentFinder::new()
            .find(&a)
            .into_iter()
            .map(|c| {
                (
                    c.lead.text.to_string(),
                    c.actor.map(|s| s.to_string()),
                    c.items.len(),
                )
            })
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$(($lead:expr, $actor:expr, $n:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<(String, Option<String>, usize)> =
                    vec![$(($lead.to_string(), $actor.map(|s: &str| s.to_string()), $n)),*];
                assert_eq!(lists($text), want);
            }
        };
    }

    #[test]
    fn every_pattern_compiles() {
        let f = CommitmentFinder::new();
        assert!(tables::rows(tables::COMMITMENT_LEADS).count() >= 10);
        for rules in [&f.folded, &f.unicode] {
            assert!(rules
                .matchers()
                .iter()
                .all(|m| m.get().is_some_and(Matcher::runs_dfa)));
            assert!(rules
                .patterns()
                .iter()
                .all(|p| p.get().is_some_and(Pattern::compiled)));
        }
    }

    /// Every rule only asked whether it matches answers as the regex of its
    /// pattern does, on every line of the fixtures (as written and with
    /// ASCII letters lowered, as the folded rules read them) and on lines
    /// drawn from the pattern's words.
    #[test]
    fn matchers_answer_as_their_regexes_do() {
        let f = CommitmentFinder::new();
        let mut lines = crate::testing::fixture_lines();
        let lowered: Vec<String> = lines.iter().map(|l| l.to_ascii_lowercase()).collect();
        lines.extend(lowered);
        for rules in [&f.folded, &f.unicode] {
            for rule in rules.matchers() {
                let source = rule.source().expect("a rule with patterns");
                let wrong = crate::pattern::disagreements(source, &lines);
                assert_eq!(wrong, Vec::<String>::new(), "{source}");
            }
        }
    }

    /// The folded rules rest on the patterns being in lower case: outside an
    /// escape (`\s`, `\b`), no pattern may hold an upper-case letter.
    #[test]
    fn patterns_are_lower_case() {
        let f = CommitmentFinder::new();
        for source in f.folded.sources() {
            let source = source.unwrap_or("");
            let mut escaped = false;
            for c in source.chars() {
                assert!(escaped || !c.is_ascii_uppercase(), "{source}");
                escaped = !escaped && c == '\\';
            }
        }
    }

    /// A sentence with a long s or a Kelvin sign is read by the Unicode
    /// rules, which see those letters as `s` and `k`; any other sentence by
    /// the folded rules, whatever its case.
    #[test]
    fn folded_and_unicode_rules_agree() {
        let f = CommitmentFinder::new();
        let leads = [
            "In addition, THEY Plan To:",
            "We will:",
            "The Government has ALREADY delivered the following results:",
            "The Chairman will be joined by:",
            "Ministers \u{201C}committed\u{201D} to:",
            "The partners agreed to\u{A0}:",
        ];
        for lead in leads {
            let (read, rules) = f.read(lead);
            assert!(std::ptr::eq(rules, &f.folded));
            assert_eq!(
                f.expresses_intent(&read, rules, None),
                f.expresses_intent(lead, &f.unicode, None),
                "{lead}"
            );
        }
        // "planſ to" only matches through the long s.
        assert!(!f.expresses_intent("we planſ to:", &f.folded, None));
        let (read, rules) = f.read("We planſ to:");
        assert!(std::ptr::eq(rules, &f.unicode));
        assert!(f.expresses_intent(&read, rules, None));
        assert_eq!(f.actor("We planſ to:"), Some("We"));
        assert_eq!(
            f.actor("Steps were agreed by the \u{212A}ing:"),
            Some("the \u{212A}ing")
        );
    }

    /// Reading the veto last gives what reading it first gave, over leads
    /// drawn from the words of every kind of rule (intent, a bare future,
    /// vetoes of both kinds, bare leads), with and without a sentence
    /// before them.
    #[test]
    fn veto_read_last_agrees_with_veto_read_first() {
        fn veto_first(f: &CommitmentFinder, lead: &str, previous: Option<&str>) -> bool {
            let (lead, rules) = f.read(lead);
            if rules.veto.is_match(&lead) {
                return false;
            }
            if rules.intends(&lead) {
                return true;
            }
            match previous {
                Some(prev) if rules.bare_lead.is_match(&lead) => {
                    let (prev, rules) = f.read(prev);
                    rules.intends(&prev)
                }
                _ => false,
            }
        }
        let f = CommitmentFinder::new();
        let openings = [
            "This includes",
            "They are",
            "We will",
            "Ministers",
            "The plan",
            "It",
        ];
        let middles = [
            "",
            " plan to",
            " will",
            " have already delivered",
            " will benefit",
            " committed to",
            " such as",
            " were joined by the team",
            " agreed",
            " announced new measures",
            " so far",
        ];
        let ends = [":", " the following steps:", ".", " :", " will:"];
        let previous = [
            None,
            Some("The Government will expand the hospital."),
            Some("Results so far."),
        ];
        let (mut yes, mut no) = (0, 0);
        for opening in openings {
            for middle in middles {
                for end in ends {
                    let lead = format!("{opening}{middle}{end}");
                    for prev in previous {
                        let want = veto_first(&f, &lead, prev);
                        let (read, rules) = f.read(&lead);
                        assert_eq!(f.expresses_intent(&read, rules, prev), want, "{lead}");
                        yes += usize::from(want);
                        no += usize::from(!want);
                    }
                }
            }
        }
        assert!(
            yes > 100 && no > 100,
            "{yes} leads with intent, {no} without"
        );
    }

    /// The quick count of the items after a lead agrees with the items
    /// collected, on every sequence of up to seven block kinds.
    #[test]
    fn two_items_follow_counts_the_items() {
        use crate::layout::Block;
        let kinds = [
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::ListItem,
        ];
        for len in 0..=7u32 {
            for code in 0..3usize.pow(len) {
                let blocks: Vec<Block<'_>> = (0..len)
                    .map(|k| Block {
                        kind: kinds[code / 3usize.pow(k) % 3],
                        span: Span::new(0, 0),
                        marker: None,
                        depth: 0,
                    })
                    .collect();
                let a = Analysis::new("", blocks, Vec::new());
                for from in 0..=len as usize + 1 {
                    assert_eq!(
                        two_items_follow(&a, from, false),
                        list_items(&a, from).len() >= 2
                    );
                    assert_eq!(
                        two_items_follow(&a, from, true),
                        section_items(&a, from).len() >= 2
                    );
                }
            }
        }
    }

    t!(
        plan,
        "Title\n\nIn addition, they plan to:\n\n- Look at X;\n- Share Y.",
        [("In addition, they plan to:", Some("they"), 2)]
    );
    t!(
        passive,
        "The following commitments were agreed by Ministers present:\n- to act\n- to share",
        [(
            "The following commitments were agreed by Ministers present:",
            Some("Ministers present"),
            2
        )]
    );
    t!(
        nested_items_count,
        "We will:\n- act\n  - soon\n  - well\n- share",
        [("We will:", Some("We"), 4)]
    );
    t!(
        bare_lead_takes_the_sentence_before,
        "The Government will expand the hospital. This includes:\n- a ward\n- a clinic",
        [("This includes:", None, 2)]
    );
    t!(
        intro_phrases_are_not_actors,
        "Today, to implement those orders, the Administration is announcing new actions to:\n- a\n- b",
        [("Today, to implement those orders, the Administration is announcing new actions to:", Some("the Administration"), 2)]
    );
    t!(
        section_lead,
        "Title\n\nWe jointly committed to the following actions.\n\nDeliverables\n\n- Leading a program;\n- Launching a project;\n\nSharing\n\n- Building a site.\n\nThe end.",
        [("We jointly committed to the following actions.", Some("We"), 3)]
    );
    t!(
        attendees,
        "The following ministers attended:\n- Ann\n- Bob",
        []
    );
    t!(
        achieved,
        "The Government has already delivered the following results:\n- a\n- b",
        []
    );
    t!(
        prediction,
        "Small business will benefit from the strategy, which provides:\n- a\n- b",
        []
    );
    t!(
        schedule,
        "The meeting program will be:\n- 9am talks\n- 10am tea",
        []
    );
    t!(
        examples,
        "The inquiry will assess goals, such as:\n- a\n- b",
        []
    );
    t!(one_item, "We will:\n- act", []);
    t!(
        people_joining,
        "The Chairman will be joined by:\n- Ann Smith\n- Bob Jones",
        []
    );
    t!(
        predicted_effects,
        "Licensure of a vaccine will:\n- save lives\n- cut costs",
        []
    );
    t!(
        plan_will,
        "Title\n\nThe Executive Order will:\n- cut costs;\n- save lives.",
        [("The Executive Order will:", Some("The Executive Order"), 2)]
    );
    t!(no_lead, "Title\n\n1. First point\n2. Second point", []);
}
