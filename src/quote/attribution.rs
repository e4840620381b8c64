//! Attribution: what a quotation is and whose it is when no cue next to it
//! names the speaker. `classify` tells a direct or partial quotation from
//! a title or a scare quote and picks the cue that attributes it; the
//! others find the speaker of a quotation after `Name:`
//! (`colon_speaker`), one signed `– Name` (`dash_speaker`), one under a
//! line such as "Statement of X:" (`statement_of`), or the subject of the
//! sentence that holds it (`sentence_subject`).

use super::cues::Cue;
use super::regions::Region;
use super::words::{pronoun, tokens, word_count};
use super::{back, sentence_at, QuoteKind, Run, WINDOW};
use crate::text::{contains_str, find_str, is_space, trim};
use crate::Span;

impl<'h> Run<'_, 'h> {
    /// The speaker of `Name: “...”`, when all before the colon names one.
    pub(super) fn colon_speaker(&mut self, r: &Region, sentences: &[Span]) -> Option<usize> {
        let s = sentence_at(sentences, r.open)?;
        let before = trim(self.text, Span::new(s.start, r.open));
        let colon = before.end.checked_sub(1)?;
        // "Kim McIntyre, Executive Director, Aquarium Conservation
        // Partnership: “...”": a line that opens on a name, then its role
        // and body, is the person's.
        let lead = self.text.get(before.start..colon)?;
        if let Some(i) = Some(lead)
            .filter(|l| l.len() <= 200 && !l.contains(['“', '"', '.']))
            .and_then(|l| find_str(l, ", "))
        {
            let name = trim(self.text, Span::new(before.start, before.start + i));
            let role_end = lead
                .get(i + 2..)
                .and_then(|r| find_str(r, ", "))
                .map_or(colon, |j| before.start + i + 2 + j);
            if self.is_name_segment(name)
                && self
                    .text
                    .get(name.range())
                    .is_some_and(|n| n.split(' ').count() <= 4)
            {
                return self.speaker_for(Span::new(name.start, role_end));
            }
        }
        let lo = back(self.text, before.start, colon, WINDOW);
        let np = self.np_before(lo, colon)?;
        let last = self.text.get(np.range())?.rsplit(' ').next()?;
        if np.end + 2 < colon || !last.starts_with(char::is_uppercase) {
            return None;
        }
        let mut np = self.past_name_tag(lo, np)?;
        // "Statement from the President: “...”" is the President's.
        if let Some(rest) = self.text.get(np.range()).and_then(|n| {
            ["Statement from ", "Statement by ", "Statement of "]
                .iter()
                .find_map(|p| n.strip_prefix(p))
        }) {
            np = Span::new(np.end - rest.len(), np.end);
        }
        match pronoun(self.text.get(np.range()).unwrap_or("")) {
            Some(_) => None,
            None => self.speaker_for(np),
        }
    }

    /// The speaker of `“...” – Name` ending its block, as pull quotes and
    /// epigraphs are signed.
    pub(super) fn dash_speaker(&mut self, r: &Region, block: Span) -> Option<usize> {
        let rest = trim(self.text, Span::new(r.end.min(block.end), block.end));
        let t = self.text.get(rest.range())?;
        let name = t.strip_prefix(['-', '–', '—'])?;
        let np = self.np_after(rest.end - name.len(), rest.end)?;
        let n = self.text.get(np.range())?;
        if n.split(' ').count() > 6 || !n.starts_with(char::is_uppercase) {
            return None;
        }
        self.speaker_for(np)
    }

    /// Whether the quotation follows a colon: `Name: “...”`.
    pub(super) fn colon_before(&self, r: &Region) -> bool {
        self.text
            .get(..r.open)
            .unwrap_or("")
            .trim_end_matches(is_space)
            .ends_with(':')
    }

    /// The speaker phrase of a line such as "Statement of UAW President Ray
    /// Curry:" or "Joint Statement from the Governor:".
    pub(super) fn statement_of(&self, block: Span, next_opens: bool) -> Option<Span> {
        let b = trim(self.text, block);
        let s = self.text.get(b.range())?;
        // Without its colon the line must head a quotation.
        let body = match s.strip_suffix(':') {
            Some(body) => body,
            None if next_opens => s,
            None => return None,
        };
        // The line opens with "statement", "joint", "remarks" or "quote"
        // (no letter but the ASCII ones lowers to these): any other is
        // ruled out before it is lowered.
        let opens = body
            .as_bytes()
            .first()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b's' | b'j' | b'r' | b'q'));
        if body.len() > 160 || !opens {
            return None;
        }
        let lower = body.to_lowercase();
        let i = [
            "statement of ",
            "statement from ",
            "statement by ",
            "remarks of ",
            "remarks by ",
            "quote from ",
        ]
        .iter()
        .find_map(|p| find_str(&lower, p).map(|i| i + p.len()))?;
        if !lower[..i]
            .trim_start_matches("joint ")
            .starts_with("statement")
            && !lower.starts_with("remarks")
            && !lower.starts_with("quote")
        {
            return None;
        }
        // "Statement of Expectations:" names a document, not its author:
        // a lone word there must be a name or a body (an acronym).
        self.np_after(b.start + i, b.start + body.len())
            .filter(|np| {
                self.text.get(np.range()).is_some_and(|n| {
                    n.contains(' ') || n.chars().filter(char::is_ascii_uppercase).count() > 1
                })
            })
    }

    /// Direct, partial or nothing (scare quotes), and the cue that attributes it.
    pub(super) fn classify(
        &self,
        r: &Region,
        sentences: &[Span],
        cues: &[Cue],
        regions: &[Region],
    ) -> (Option<QuoteKind>, Option<usize>) {
        let text = self.text;
        let inner = text.get(r.inner.range()).unwrap_or("");
        // Every test below compares the count with six words or fewer, but
        // for the length of a title, counted only for a capitalised one.
        let words = word_count(inner, 7);
        let s1 = sentence_at(sentences, r.open).unwrap_or(Span::new(r.open, r.end));
        let s2 = sentence_at(sentences, r.end.saturating_sub(1)).unwrap_or(s1);
        let before = trim(text, Span::new(s1.start.min(r.open), r.open));
        let after = trim(text, Span::new(r.end, s2.end.max(r.end)));
        // The nearest cue in the sentence outside the quotation: after it first.
        let mut cue = None;
        let first_after = cues.partition_point(|c| c.span.start < after.start);
        if let Some(c) = cues.get(first_after).filter(|c| c.span.end <= after.end) {
            // No other quotation may stand between the quotation and its cue.
            let next_open = regions
                .get(regions.partition_point(|o| o.open < r.end))
                .map_or(usize::MAX, |o| o.open);
            if next_open >= c.span.start {
                cue = Some(first_after);
            }
        }
        if cue.is_none() {
            let last_before = cues.partition_point(|c| c.span.end <= before.end);
            if let Some(ci) = last_before.checked_sub(1) {
                if cues.get(ci).is_some_and(|c| c.span.start >= before.start) {
                    cue = Some(ci);
                }
            }
        }
        let before_text = text.get(before.range()).unwrap_or("");
        let direct = before.is_empty()
            || (cue.is_some_and(|c| cues.get(c).is_some_and(|c| c.span.end <= r.open))
                && before_text.ends_with([':', ',']))
            || before_text.ends_with(':')
            || (words > 6
                && cue.is_some_and(|c| {
                    cues.get(c)
                        .is_some_and(|c| c.span.end + 2 >= before.end && c.span.end <= r.open)
                }));
        let capitalised = inner
            .split(is_space)
            .filter(|w| w.chars().any(char::is_alphabetic))
            .filter(|w| {
                !matches!(
                    *w,
                    "of" | "the"
                        | "and"
                        | "at"
                        | "for"
                        | "in"
                        | "on"
                        | "a"
                        | "an"
                        | "to"
                        | "&"
                        | "with"
                        | "by"
                        | "from"
                        | "or"
                        | "into"
                )
            })
            .all(|w| {
                w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
            });
        // Every word capitalised and no closing punctuation: the title of a
        // work, a programme or a law ("National Defense Authorization Act
        // for Fiscal Year 2022"), not anyone's words. A citation keeps its
        // comma inside the marks (“Lead and Copper Rule Revisions,” 86 Fed.
        // Reg. 4198): with no reporting verb near, that is a title too.
        let end = inner.trim_end();
        let comma = end.ends_with(',');
        if capitalised
            && word_count(inner, 31) <= 30
            && !end.ends_with(['.', '?', '!', ';', '…'])
            && (!comma || cue.is_none())
        {
            return (None, None);
        }
        if !direct || words <= 2 {
            if words <= 4 && capitalised {
                return (None, None);
            }
            if words == 1 {
                return (None, None);
            }
            // A quoted sentence in single marks stands on its own
            // ("asked ‘Confused by drugs? Talk to FRANK.’").
            let sentence_like =
                inner.starts_with(char::is_uppercase) && inner.ends_with(['.', '?', '!']);
            // "described as, and I quote, the “exemplary delivery”": the
            // writer says outright that these are someone's words.
            let near = before_text
                .get(back(before_text, 0, before_text.len(), 40)..)
                .unwrap_or("");
            let marked = contains_str(near, "I quote") || contains_str(near, "quote,");
            if (words <= 2 || (r.single && !sentence_like)) && cue.is_none() && !marked {
                return (None, None);
            }
            if r.single && words < 4 {
                return (None, None);
            }
            let prev = text.get(..r.open).unwrap_or("").trim_end_matches(is_space);
            let prev_word = prev
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if matches!(
                prev_word.as_str(),
                "called"
                    | "so-called"
                    | "dubbed"
                    | "named"
                    | "titled"
                    | "entitled"
                    | "as"
                    | "word"
                    | "term"
                    | "phrase"
                    | "slogan"
            ) {
                return (None, None);
            }
        }
        if direct && words > 2 {
            (Some(QuoteKind::Direct), cue)
        } else {
            (Some(QuoteKind::Partial), cue)
        }
    }

    /// The subject of the sentence holding a quotation without a cue:
    /// "Officials from five countries plan to explore “...”", "During
    /// questions, Sunak defended the record: “...”".
    pub(super) fn sentence_subject(
        &mut self,
        r: &Region,
        sentences: &[Span],
        carry: Option<usize>,
    ) -> Option<Option<usize>> {
        let text = self.text;
        let s = sentence_at(sentences, r.open)?;
        // The subject opens the sentence: a quotation further in than a
        // speaker phrase reaches is left to the other rules.
        if r.open - s.start > WINDOW {
            return None;
        }
        let head = text.get(s.start..r.open)?;
        let mut lo = s.start;
        let first = head.split(' ').next().unwrap_or("");
        if matches!(
            first,
            "During"
                | "In"
                | "On"
                | "At"
                | "After"
                | "Before"
                | "Later"
                | "Earlier"
                | "Meanwhile"
                | "However"
                | "Also"
                | "Today"
                | "Yesterday"
        ) {
            lo = s.start + head.find(',')? + 1;
        }
        let toks = tokens(text.get(lo..r.open)?, lo);
        let verb = toks.iter().position(|t| {
            let w = text.get(t.range()).unwrap_or("");
            w.chars().next().is_some_and(char::is_lowercase)
                && (SUBJECT_VERBS.contains(&w) || (w.len() > 4 && w.ends_with("ed")))
        })?;
        // "X is a high-quality, equitable “earn and learn” model": after a
        // copula, a quotation further on is the writer's label, not X's
        // words; "X was “deeply concerned”" quotes X.
        let copula = matches!(
            text.get(toks.get(verb)?.range()),
            Some("is" | "are" | "was" | "were")
        );
        if copula && toks.len() > verb + 3 {
            return None;
        }
        // "The viewer is then asked ‘Confused by drugs?’": a passive
        // subject hears the words, it does not say them.
        let passive = copula
            && toks.get(verb + 1..).unwrap_or(&[]).iter().any(|t| {
                text.get(t.range())
                    .is_some_and(|w| w.ends_with("ed") || matches!(w, "told" | "shown" | "given"))
            });
        if passive {
            return Some(None);
        }
        let end = toks.get(verb)?.start;
        let np = self.np_before(lo, end)?;
        if np.start != toks.first()?.start {
            return None;
        }
        match pronoun(text.get(np.range()).unwrap_or("")) {
            Some(kind) => self.resolve_pronoun(kind, carry).map(Some),
            None => self.speaker_for(np).map(Some),
        }
    }
}

/// Verbs that end the subject of a sentence holding a quotation.
const SUBJECT_VERBS: &[&str] = &[
    "plan",
    "plans",
    "will",
    "would",
    "want",
    "wants",
    "have",
    "has",
    "are",
    "is",
    "were",
    "was",
    "hope",
    "hopes",
    "aim",
    "aims",
    "intend",
    "intends",
    "call",
    "calls",
    "need",
    "needs",
    "describe",
    "describes",
    "see",
    "sees",
];
