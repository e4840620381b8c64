//! Attribution: what a quotation is and whose it is when no cue next to it
//! names the speaker. `classify` tells a direct or partial quotation from
//! a title or a scare quote and picks the cue that attributes it; the
//! others find the speaker of a quotation after `Name:`
//! (`colon_speaker`), one signed `– Name` (`dash_speaker`), one under a
//! line such as "Statement of X:" (`statement_of`), or the subject of the
//! sentence that holds it (`sentence_subject`).

use super::cues::Cue;
use super::parse::Parsed;
use super::regions::Region;
use super::words::{is_stop, last_spaced_word, pronoun, word_count};
use super::{back, sentence_at, QuoteKind, Run, SpeakerKind, WINDOW};
use crate::text::{contains_str, find_str, is_space, lower, trim, LOWER_INLINE};
use crate::Span;

/// Longest bracket between a name and its colon, in bytes, brackets
/// included: "(9/27/13)", "(R-Ohio)", "(January 5, 2024)".
const MAX_NAME_BRACKET: usize = 24;

/// Longest sentence, in bytes, read as only the attribution of the
/// quotation that ends the sentence before it ("Minister Hill said.").
const ATTRIBUTION_SENTENCE: usize = 60;

/// Longest line, in bytes, that `named_heading` reads as a name and role.
const MAX_HEADING: usize = 120;

impl<'h> Run<'_, 'h> {
    /// The speaker of `Name: “...”`, when all before the colon names one.
    pub(super) fn colon_speaker(&mut self, r: &Region, sentences: &[Span]) -> Option<usize> {
        let s = sentence_at(sentences, r.open)?;
        let before = trim(self.text, Span::new(s.start, r.open));
        let colon = before.end.checked_sub(1)?;
        let lead = self.text.get(before.start..colon)?;
        // "- On Yemen: “...”", "On ending the shutdown:": a topic.
        if lead.starts_with("On ") || lead.starts_with("About ") {
            return None;
        }
        if let Some(np) = self.name_and_role(Span::new(before.start, colon)) {
            return self.speaker_for(np);
        }
        // "Sen. Chris Murphy (9/27/13): “...”": the name ends before it.
        let colon = self.without_bracket(Span::new(before.start, colon)).end;
        let lo = back(self.text, before.start, colon, WINDOW);
        let np = self.np_before(lo, colon)?;
        let last = last_spaced_word(self.text.get(np.range())?);
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

    /// The speaker phrase of a line before a colon that opens on a name,
    /// then its role and body: "Kim McIntyre, Executive Director, Aquarium
    /// Conservation Partnership" gives the name and the role.
    fn name_and_role(&self, lead: Span) -> Option<Span> {
        let text = self.text;
        let line = text
            .get(lead.range())
            .filter(|l| l.len() <= 200 && !l.contains(['“', '"', '.']))?;
        let i = find_str(line, ", ")?;
        let name = trim(text, Span::new(lead.start, lead.start + i));
        if !self.is_name_segment(name) || text.get(name.range())?.split(' ').count() > 4 {
            return None;
        }
        let rest = line.get(i + 2..).unwrap_or("");
        // "Jackie Siegel, who lost her daughter to drug overdoses": a
        // relative clause describes the person; it is no role.
        if matches!(
            rest.split(' ').next(),
            Some("who" | "whose" | "whom" | "which")
        ) {
            return Some(name);
        }
        // The role ends at its comma, or at a bracket that places it;
        // before a bracket it is a role only with a title word in it:
        // "Steve Longmire, Tennessee Homegrown Tomatoes (Rutledge, TN)"
        // names a farm, not a role.
        let Some(j) = rest.find([',', '(']) else {
            return Some(Span::new(name.start, lead.end));
        };
        let role = trim(text, Span::new(name.end, lead.start + i + 2 + j));
        let titled = || {
            text.get(role.range()).is_some_and(|r| {
                r.split(' ')
                    .any(|w| self.finder.is_title_word(w.trim_matches(',')))
            })
        };
        if rest.get(j..).is_some_and(|r| r.starts_with('(')) && !titled() {
            return Some(name);
        }
        Some(Span::new(name.start, role.end))
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

    /// The speaker phrase of a line that is only a person's name and role
    /// and a colon, heading the quotation in the next paragraph: "National
    /// Grid President Badar Khan:", "Sen. Chris Murphy (9/27/13):".
    pub(super) fn named_heading(&self, block: Span, next_opens: bool) -> Option<Span> {
        if !next_opens {
            return None;
        }
        let b = trim(self.text, block);
        let body = self.text.get(b.range())?.strip_suffix(':')?;
        self.whole_name(Span::new(b.start, b.start + body.len()), |_| true)
    }

    /// The person a heading names over the quotations listed under it:
    /// "Secretary of State Marco Rubio on Face the Nation", then "- On
    /// Iran: “...”" items.
    pub(super) fn heading_speaker(&self, block: Span) -> Option<Span> {
        let b = trim(self.text, block);
        let line = self.text.get(b.range())?;
        let end = find_str(line, " on ").map_or(b.end, |i| b.start + i);
        // A heading that is only a name may be a section's ("Digital
        // Gateway"); a role makes it a person's.
        self.whole_name(Span::new(b.start, end), |p| {
            p.title.is_some()
                && p.name.split(' ').count() >= 2
                && p.name.split(' ').all(|w| w.starts_with(char::is_uppercase))
        })
    }

    /// `phrase` when all of it is one person's name and role, a short
    /// bracket after it aside ("Rep. Judy Chu (CA-28)"), and its parse
    /// passes `accept`.
    fn whole_name(&self, phrase: Span, accept: impl Fn(&Parsed<'h>) -> bool) -> Option<Span> {
        let body = self.text.get(phrase.range())?;
        // "From The Daily Wire:" and "Read more in Breitbart:" name a
        // source, not a speaker; a name line opens on the name or role.
        let first = body.split(' ').next().unwrap_or("").to_ascii_lowercase();
        if body.len() > MAX_HEADING
            || !body.starts_with(char::is_uppercase)
            || is_stop(&first)
            || matches!(first.as_str(), "from" | "via" | "read" | "watch" | "see")
        {
            return None;
        }
        let end = self.without_bracket(phrase).end;
        let np = self.np_before(phrase.start, end)?;
        (np.start == phrase.start
            && np.end == end
            && self
                .parse(np)
                .is_some_and(|p| p.kind == SpeakerKind::Person && accept(&p)))
        .then_some(np)
    }

    /// `phrase` without the short bracket that may close it: after a name
    /// it dates or places the words ("Sen. Chris Murphy (9/27/13)", "Rep.
    /// Judy Chu (CA-28)").
    fn without_bracket(&self, phrase: Span) -> Span {
        let body = self.text.get(phrase.range()).unwrap_or("");
        match body
            .strip_suffix(')')
            .and_then(|l| l.rfind('('))
            .filter(|&i| body.len() - i <= MAX_NAME_BRACKET)
        {
            Some(open) => trim(self.text, Span::new(phrase.start, phrase.start + open)),
            None => phrase,
        }
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
        let mut after = trim(text, Span::new(r.end, s2.end.max(r.end)));
        // "“... by end of 2012.” Minister Hill said.": a quotation that ends
        // its sentence, then a sentence that is only its attribution.
        if after.is_empty() {
            if let Some(next) = sentences
                .get(sentences.partition_point(|p| p.start < s2.end))
                .filter(|n| n.start <= r.end + 3 && n.len() <= ATTRIBUTION_SENTENCE)
            {
                after = trim(text, *next);
            }
        }
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
        // Read only where the cheaper tests beside it leave the answer
        // open: most quotations end with a full stop.
        let capitalised = || {
            inner
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
                })
        };
        // Every word capitalised and no closing punctuation: the title of a
        // work, a programme or a law ("National Defense Authorization Act
        // for Fiscal Year 2022"), not anyone's words. A citation keeps its
        // comma inside the marks (“Lead and Copper Rule Revisions,” 86 Fed.
        // Reg. 4198): with no reporting verb near, that is a title too.
        let end = inner.trim_end();
        let comma = end.ends_with(',');
        if !end.ends_with(['.', '?', '!', ';', '…'])
            && (!comma || cue.is_none())
            && capitalised()
            && word_count(inner, 31) <= 30
        {
            return (None, None);
        }
        // However its words are cased, a name in marks followed by a
        // volume and a code is cited, not spoken: “Hexachlorobutadiene
        // (HCBD); Regulation of ...,” 86 Fed. Reg. 922.
        // Words of the cited text itself, in the writer's sentence, stay
        // partial quotations (keep the committees “fully and currently
        // informed,” 50 U.S.C. 3091).
        let named = inner.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if comma && named && cue.is_none() && cited_after(text.get(r.end..).unwrap_or("")) {
            return (None, None);
        }
        if !direct || words <= 2 {
            if words <= 4 && capitalised() {
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
                .unwrap_or("");
            let mut buf = [0; LOWER_INLINE];
            if matches!(
                lower(prev_word, &mut buf).as_ref(),
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
        let toks = self.tokens(text.get(lo..r.open)?, lo);
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
        // The lent list borrows the run until it is handed back.
        drop(toks);
        match pronoun(text.get(np.range()).unwrap_or("")) {
            Some(SpeakerKind::Person) => match self.antecedent(sentences, s.start) {
                Some(a) => self.speaker_for(a).map(Some),
                None => self.resolve_pronoun(SpeakerKind::Person, carry).map(Some),
            },
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
    // A study's or an analysis's words: "An analysis from the Atlantic
    // Council found that “...”".
    "found",
    "finds",
    "show",
    "shows",
];

/// Whether `rest`, the text after a closing quotation mark, opens on a
/// legal citation: a volume number, then an abbreviated code ("86 Fed.
/// Reg. 922", "50 U.S.C. 3091").
fn cited_after(rest: &str) -> bool {
    let mut words = rest.trim_start_matches(is_space).split(' ');
    let volume = words.next().unwrap_or("");
    let code = words.next().unwrap_or("");
    !volume.is_empty()
        && volume.len() <= 4
        && volume.bytes().all(|b| b.is_ascii_digit())
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && code.ends_with('.')
}
