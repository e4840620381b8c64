//! Speakers: the register of everyone quoted while a document is read.
//! A speaker phrase becomes a speaker, new or merged with one met before
//! (`speaker_for`); a cue's pronoun or phrase is resolved to one
//! (`resolve`, `resolve_pronoun`); and at the end every mention by surname
//! is gathered and the speakers are put in order (`finish`).

use std::borrow::Cow;

use super::cues::Cue;
use super::surnames::NearSurnames;
use super::{back, sentence_near, Quote, QuoteKind, Run, Speaker, SpeakerKind};
use crate::analysis::Analysis;
use crate::country::CountryCode;
use crate::text::{contains_str, trim};
use crate::Span;

/// A speaker while the document is read.
#[derive(Debug)]
pub(super) struct Draft<'h> {
    name: Cow<'h, str>,
    title: Option<Cow<'h, str>>,
    kind: SpeakerKind,
    country: Option<CountryCode>,
    /// Lower-case key that merges mentions of one speaker.
    key: String,
    mentions: Vec<Span>,
}

/// Index of a speaker kind in `Run::last_of`.
fn kind_index(k: SpeakerKind) -> usize {
    match k {
        SpeakerKind::Person => 0,
        SpeakerKind::Organization => 1,
        SpeakerKind::Group => 2,
    }
}

/// Surname mentions whose phrases are worked out and parsed in one go:
/// enough to keep the walk back and the parser each in the instruction
/// cache for a while, few enough that the lists stay small.
const MENTIONS_AT_ONCE: usize = 256;

impl<'h> Run<'_, 'h> {
    /// The speaker of cue `i`, resolved once, in reading order.
    pub(super) fn resolve(
        &mut self,
        cues: &mut [Cue],
        i: usize,
        carry: Option<usize>,
    ) -> Option<usize> {
        let c = cues.get(i).copied()?;
        if c.resolved {
            return c.speaker;
        }
        let speaker = match (c.pronoun, c.np) {
            (Some(kind), _) => c
                .antecedent
                .and_then(|a| self.speaker_for(a))
                .or_else(|| self.resolve_pronoun(kind, carry)),
            (None, Some(np)) => self.speaker_for(np),
            _ => None,
        };
        if let Some(c) = cues.get_mut(i) {
            c.speaker = speaker;
            c.resolved = true;
        }
        speaker
    }

    /// Resolves he / she / they / it to the last speaker that fits.
    pub(super) fn resolve_pronoun(&self, p: SpeakerKind, last: Option<usize>) -> Option<usize> {
        let fits = |i: usize| {
            self.speakers.get(i).is_some_and(|d| {
                d.kind == p || (p == SpeakerKind::Group && d.kind == SpeakerKind::Organization)
            })
        };
        if let Some(l) = last.filter(|&l| fits(l)) {
            return Some(l);
        }
        let own = self.last_of.get(kind_index(p)).copied().flatten();
        if p == SpeakerKind::Group {
            let org = self
                .last_of
                .get(kind_index(SpeakerKind::Organization))
                .copied()
                .flatten();
            return own.max(org);
        }
        own
    }

    /// The speaker named by the phrase at `np`, registered or merged.
    ///
    /// The parse is read where it is kept (`Parses`), and its key, name
    /// and title are copied only into a new speaker, or where they fill in
    /// or lengthen a known speaker's: most phrases name someone met before
    /// as they were named, and a copy of each cost an allocation.
    pub(super) fn speaker_for(&mut self, np: Span) -> Option<usize> {
        let phrase = self.text.get(np.range())?;
        // A phrase holding " and " is parsed afresh (`parse` reads the
        // words before it); any other once (`remember`).
        let fresh;
        let (p, name_span) = if contains_str(phrase, " and ") {
            fresh = self.parse(np)?;
            (&fresh, fresh.name_span)
        } else {
            let i = self.remember(np)?;
            self.parses.at(i, np.start)?
        };
        let mut key = self.settled_key(p);
        let mut found = self.keys.get(key.as_ref()).copied().or_else(|| {
            key.strip_prefix("title:")
                .and_then(|t| self.titled.get(t).copied())
        });
        // "Jill Biden" after "Joe Biden": one surname, two people. The
        // second is keyed by the whole name.
        if p.kind == SpeakerKind::Person
            && !key.starts_with("title:")
            && found
                .and_then(|i| self.speakers.get(i))
                .is_some_and(|d| self.different_people(&d.name, &p.name))
        {
            key = Cow::Owned(p.name.to_lowercase());
            found = self.keys.get(key.as_ref()).copied();
        }
        let i = match found {
            Some(i) => {
                if let Some(d) = self.speakers.get_mut(i) {
                    d.mentions.push(name_span);
                    if d.title.is_none() {
                        d.title.clone_from(&p.title);
                    }
                    if d.country.is_none() {
                        d.country = p.country;
                    }
                    if p.name.len() > d.name.len()
                        && p.kind == SpeakerKind::Person
                        && !key.starts_with("title:")
                    {
                        d.name = p.name.clone();
                    }
                }
                i
            }
            None => {
                let i = self.speakers.len();
                if p.kind == SpeakerKind::Person {
                    if let Some(t) = &p.title {
                        self.titled.entry(t.to_lowercase()).or_insert(i);
                    }
                }
                let key = key.into_owned();
                self.keys.insert(key.clone(), i);
                self.speakers.push(Draft {
                    name: p.name.clone(),
                    title: p.title.clone(),
                    kind: p.kind,
                    country: p.country,
                    key,
                    // Room for the few mentions most speakers get, where
                    // a list of one grew by a copy at the second.
                    mentions: {
                        let mut m = Vec::with_capacity(4);
                        m.push(name_span);
                        m
                    },
                });
                i
            }
        };
        if let Some(k) = self.speakers.get(i).map(|d| kind_index(d.kind)) {
            if let Some(slot) = self.last_of.get_mut(k) {
                *slot = Some(i);
            }
        }
        Some(i)
    }

    /// The phrase ending with the surname mention `sp`, inside the span
    /// `span` that holds it, that may name its speaker more fully ("Prime
    /// Minister John Howard"); `None` when the surname stands alone or no
    /// phrase ends with it.
    /// `spans` holds the sentences' spans, in order; `near` is where the
    /// previous mention's sentence stood among them (`sentence_near`).
    fn fuller_phrase(
        &self,
        spans: &[Span],
        near: &mut usize,
        span: Span,
        sp: Span,
    ) -> Option<Span> {
        let text = self.text;
        // The fuller form is looked for only inside the mention's own
        // sentence: "... Kendrick Moxon. Rathbun wrote" must not make
        // "Kendrick Moxon. Rathbun" a name.
        let lo =
            sentence_near(spans, sp.start, near).map_or(span.start, |s| s.start.max(span.start));
        let lo = back(text, lo, sp.end, 120);
        // A surname standing alone could only be read as itself, which
        // parses to a person keyed by it with no title or country: it adds
        // nothing, and most mentions are read no further.
        if self.stands_alone(lo, sp) {
            return None;
        }
        let n = self.np_before(lo, sp.end).filter(|n| n.end == sp.end)?;
        let t = text.get(n.range()).unwrap_or("");
        // "Kevin Rudd and John Brumby"; a photo credit's "Twitter / Barack
        // Obama": the phrase runs from after the last " and " or slash.
        // Both are looked for in one pass back over the phrase, where a
        // search for each read it twice.
        let bytes = t.as_bytes();
        let last = (0..bytes.len()).rev().find(|&i| match bytes.get(i) {
            Some(b'/') => true,
            Some(b' ') => bytes.get(i..).is_some_and(|r| r.starts_with(b" and ")),
            _ => false,
        });
        Some(match last {
            Some(j) if bytes.get(j) == Some(&b'/') => trim(text, Span::new(n.start + j + 1, n.end)),
            Some(i) => Span::new(n.start + i + 5, n.end),
            None => n,
        })
    }

    /// Whether two names with one surname belong to different people: both
    /// are plain personal names ("Jill Biden", "Joe Biden": two to four
    /// capitalised words, the first neither a title, an abbreviation nor an
    /// initial) whose first names differ in their first two letters. "Joe
    /// Biden" and "Joseph Biden" may be one person; so may "Rep. Guthrie"
    /// and "Brett Guthrie".
    fn different_people(&self, a: &str, b: &str) -> bool {
        // The same name is the same person; most calls stop here.
        if a == b {
            return false;
        }
        // First names that begin alike settle it before the table look-ups.
        !first_names_begin_alike(a, b) && self.is_plain_name(b) && self.is_plain_name(a)
    }

    /// Whether `name` is plainly personal: two to four capitalised words,
    /// the first neither a title, an abbreviation, an article nor an
    /// initial.
    fn is_plain_name(&self, name: &str) -> bool {
        // Names are short: counting spaces in a plain loop beats a call to
        // a vector search.
        let words = name.bytes().filter(|&b| b == b' ').count() + 1;
        if !(2..=4).contains(&words) {
            return false;
        }
        let first = first_word(name);
        name.split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && first.chars().count() >= 2
            && first.chars().all(char::is_alphabetic)
            && !matches!(first, "The" | "A" | "An")
            && !self.finder.title_words.contains_lowered(first)
            && !self.finder.title_firsts.contains_lowered(first)
    }

    /// Speakers read as people by their name alone that the text shows to
    /// be bodies: a name that is all a country's ("Saudi Arabia", "Chile
    /// announced it will"), a web address ("Secunia.com"), or a name with
    /// no title whose reported clause opens with "it" and a verb of intent
    /// or of what it is doing ("NVIDIA announced it will invest", "Corning
    /// announced it is expanding"): a person would be "he" or "she". A
    /// plural demonym ("Americans") is a group.
    fn bodies_named_like_people(&mut self) {
        let mut it_speaks = vec![false; self.speakers.len()];
        for q in &self.quotes {
            let mut words = q.text.split(' ');
            let opens_with_it = matches!(words.next(), Some("it" | "It"))
                && match words.next() {
                    Some("will" | "would" | "intends" | "plans" | "expects" | "has" | "had") => {
                        true
                    }
                    Some("is") => words.next().is_some_and(|w| w.ends_with("ing")),
                    _ => false,
                };
            if q.kind == QuoteKind::Indirect && opens_with_it {
                if let Some(flag) = q.speaker.and_then(|i| it_speaks.get_mut(i)) {
                    *flag = true;
                }
            }
        }
        for (d, it) in self.speakers.iter_mut().zip(it_speaks) {
            if d.kind != SpeakerKind::Person || d.title.is_some() {
                continue;
            }
            let country = self.countries.whole_form(&d.name);
            if it || country.is_some_and(|(_, demonym)| !demonym) || is_web_address(&d.name) {
                d.kind = SpeakerKind::Organization;
            } else if country.is_some() && d.name.ends_with('s') {
                // "Americans said": the people of a country.
                d.kind = SpeakerKind::Group;
            }
        }
    }

    /// The speakers with every mention, and the quotes, in order.
    /// `spans` holds the spans of `a`'s sentences, in order.
    pub(super) fn finish(
        mut self,
        a: &Analysis<'h>,
        spans: &[Span],
    ) -> (Vec<Speaker<'h>>, Vec<Quote<'h>>) {
        let text = self.text;
        let mut count = vec![0usize; self.speakers.len()];
        for q in &self.quotes {
            if let Some(c) = q.speaker.and_then(|i| count.get_mut(i)) {
                *c += 1;
            }
        }
        // Later and earlier short forms: the surname of each person wherever
        // it stands; the fullest form met gives the name and the title.
        // A name cut from the text lends its surname; only a name built
        // anew is copied.
        let surnames: Vec<(usize, Cow<'h, str>)> = self
            .speakers
            .iter()
            .enumerate()
            .filter(|(i, d)| {
                d.kind == SpeakerKind::Person
                    && !d.key.starts_with("title:")
                    && count.get(*i).is_some_and(|&c| c > 0)
            })
            .filter_map(|(i, d)| match &d.name {
                Cow::Borrowed(n) => n.rsplit(' ').next().map(|s| (i, Cow::Borrowed(s))),
                Cow::Owned(n) => n.rsplit(' ').next().map(|s| (i, Cow::Owned(s.to_string()))),
            })
            .collect();
        if !surnames.is_empty() {
            // Where each speaker was quoted or named so far: its surname
            // is looked for near these (`surnames::REACH`).
            // Only speakers with a surname looked for get a list.
            let mut anchors: Vec<Vec<usize>> = vec![Vec::new(); self.speakers.len()];
            let mut wanted = vec![false; self.speakers.len()];
            for &(i, _) in &surnames {
                if let (Some(points), Some(d), Some(w)) =
                    (anchors.get_mut(i), self.speakers.get(i), wanted.get_mut(i))
                {
                    points.extend(d.mentions.iter().map(|m| m.start));
                    *w = true;
                }
            }
            for q in &self.quotes {
                if let Some(points) = q
                    .speaker
                    .filter(|&i| wanted.get(i).copied().unwrap_or(false))
                    .and_then(|i| anchors.get_mut(i))
                {
                    points.extend([q.span.start, q.span.end]);
                }
            }
            let index = NearSurnames::new(surnames.iter().map(|(i, s)| {
                let points = anchors.get_mut(*i).map(std::mem::take).unwrap_or_default();
                (s.as_ref(), points)
            }));
            let content: Vec<Span> = a.content_spans().map(|(_, span)| span).collect();
            let mut found: Vec<(Span, Span, usize)> = Vec::new();
            index.find(text, self.words, &content, |span, sp, k| {
                found.push((span, sp, k));
            });
            // Each mention's fuller phrase, and then its parse, are worked
            // out for a run of mentions before any of them is read: the walk back and
            // the parser are large, and run in turn for each mention they
            // pushed each other out of the instruction cache every time.
            // The order changes nothing: neither the walk back nor the
            // parser reads the speakers that the loop below updates (see
            // `Parsed::office`).
            // The mentions come in the text's order: each one's sentence
            // is looked for from the previous one's on.
            let mut near = 0;
            // A few hundred mentions at a time: the lists for all of a
            // text's mentions at once would grow with a text that repeats
            // a surname millions of times.
            for part in found.chunks(MENTIONS_AT_ONCE) {
                let phrases: Vec<Option<Span>> = part
                    .iter()
                    .map(|&(span, sp, k)| {
                        surnames
                            .get(k)
                            .and_then(|_| self.fuller_phrase(spans, &mut near, span, sp))
                    })
                    .collect();
                // The phrase holds no " and ": each distinct one is parsed
                // once (`Parses`).
                let slots: Vec<Option<(usize, usize)>> = phrases
                    .iter()
                    .map(|phrase| phrase.and_then(|n| Some((self.remember(n)?, n.start))))
                    .collect();
                for (&(_, sp, k), &slot) in part.iter().zip(&slots) {
                    let Some((i, _)) = surnames.get(k) else {
                        continue;
                    };
                    let full = slot
                        .and_then(|(i, at)| self.parses.at(i, at))
                        .filter(|(p, _)| p.kind == SpeakerKind::Person);
                    let full_key = full.map(|(p, _)| self.settled_key(p));
                    // The fuller form names someone else of that surname.
                    let other = full.is_some_and(|(p, _)| {
                        self.speakers
                            .get(*i)
                            .is_some_and(|d| self.different_people(&d.name, &p.name))
                    });
                    if other {
                        continue;
                    }
                    // "Nick Keith, Director, Best Business English found
                    // ...": a title in apposition to any mention counts.
                    let apposed = self
                        .speakers
                        .get(*i)
                        .filter(|d| d.title.is_none())
                        .and_then(|_| self.apposed_title(sp.end));
                    let Some(d) = self.speakers.get_mut(*i) else {
                        continue;
                    };
                    if apposed.is_some() {
                        d.title = apposed;
                    }
                    let mut mention = sp;
                    let same_key = full_key.is_some_and(|k| k == d.key.as_str());
                    if let Some((p, name_span)) = full.filter(|_| same_key) {
                        mention = name_span;
                        if p.name.len() > d.name.len() {
                            d.name = p.name.clone();
                        }
                        if d.title.is_none() {
                            d.title = p.title.clone();
                        }
                        if d.country.is_none() {
                            d.country = p.country;
                        }
                    }
                    d.mentions.push(mention);
                }
            }
        }
        self.bodies_named_like_people();
        // The most quoted speakers first; ties in order of first mention.
        let first: Vec<usize> = self
            .speakers
            .iter()
            .map(|d| {
                d.mentions
                    .iter()
                    .map(|m| m.start)
                    .min()
                    .unwrap_or(usize::MAX)
            })
            .collect();
        // A speaker is someone a quote is attributed to: a phrase that was
        // read as a speaker but kept no quote (a heading, a cue whose
        // clause was dropped) is left out.
        let mut order: Vec<usize> = (0..self.speakers.len())
            .filter(|&i| count.get(i).is_some_and(|&c| c > 0))
            .collect();
        order.sort_by_key(|&i| {
            (
                std::cmp::Reverse(count.get(i).copied().unwrap_or(0)),
                first.get(i).copied().unwrap_or(usize::MAX),
            )
        });
        let mut new_index = vec![0usize; self.speakers.len()];
        for (new, &old) in order.iter().enumerate() {
            if let Some(slot) = new_index.get_mut(old) {
                *slot = new;
            }
        }
        for q in &mut self.quotes {
            q.speaker = q.speaker.and_then(|i| new_index.get(i).copied());
        }
        let mut drafts: Vec<Option<Draft<'h>>> = self.speakers.into_iter().map(Some).collect();
        let speakers = order
            .iter()
            .filter_map(|&i| drafts.get_mut(i).and_then(Option::take))
            .map(|mut d| {
                // Overlapping mentions keep the longest.
                d.mentions
                    .sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
                // Kept in place: the list is the speaker's own.
                let mut last_end: Option<usize> = None;
                d.mentions.retain_mut(|m| {
                    // Spans never carry white space at their edges, whatever
                    // odd characters (combining marks, NUL) a name held.
                    *m = crate::text::trim(text, *m);
                    let keep = !m.is_empty() && last_end.is_none_or(|e| m.start >= e);
                    if keep {
                        last_end = Some(m.end);
                    }
                    keep
                });
                let name = match d.name {
                    Cow::Borrowed(n) => Cow::Borrowed(n.trim_matches(crate::text::is_space)),
                    Cow::Owned(n) => Cow::Owned(n.trim_matches(crate::text::is_space).to_string()),
                };
                Speaker {
                    name,
                    title: d.title,
                    kind: d.kind,
                    country: d.country,
                    mentions: d.mentions,
                }
            })
            .collect();
        self.quotes.sort_by_key(|q| q.span.start);
        (speakers, self.quotes)
    }
}

/// The first word of a name: what comes before its first space.
fn first_word(name: &str) -> &str {
    let end = name.bytes().position(|b| b == b' ').unwrap_or(name.len());
    name.get(..end).unwrap_or(name)
}

/// Whether the first words of two names begin with the same two letters
/// in any case (the first two characters of each, lowered). Two ASCII
/// bytes are compared as they stand; anything wider is lowered a character
/// at a time.
fn first_names_begin_alike(a: &str, b: &str) -> bool {
    let (a, b) = (first_word(a), first_word(b));
    fn head(w: &str) -> &[u8] {
        w.as_bytes().get(..2).unwrap_or(w.as_bytes())
    }
    let (ha, hb) = (head(a), head(b));
    if ha.is_ascii() && hb.is_ascii() {
        return ha.eq_ignore_ascii_case(hb);
    }
    fn lowered(w: &str) -> impl Iterator<Item = char> + '_ {
        w.chars().take(2).flat_map(char::to_lowercase)
    }
    lowered(a).eq(lowered(b))
}

/// Whether `name` is a web address: one word ending in a dot and a
/// lower-case top-level domain ("Secunia.com", "CBC.ca"), not an
/// abbreviation ("D.C.", "Ph.D.").
fn is_web_address(name: &str) -> bool {
    let Some((host, tld)) = name.rsplit_once('.') else {
        return false;
    };
    !name.contains(' ')
        && host.chars().next().is_some_and(char::is_alphanumeric)
        && (2..=4).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::super::{QuoteFinder, Run};
    use super::first_names_begin_alike;
    use crate::country::CountryFinder;
    use crate::text::WordBytes;

    #[test]
    fn first_names_begin_alike_in_their_first_two_letters_lowered() {
        for (a, b) in [
            ("Joe Biden", "Joseph Biden"),
            ("JOE Biden", "jo"),
            ("J. Smith", "J. Jones"),
            ("J Smith", "j"),
            ("Émile Zola", "émilie Zola"),
            ("\u{212A}im Jong Un", "kim"),
            ("", ""),
        ] {
            assert!(first_names_begin_alike(a, b), "{a:?} {b:?}");
        }
        for (a, b) in [
            ("Joe Biden", "Jill Biden"),
            ("J Smith", "Jo Smith"),
            ("Émile Zola", "Emile Zola"),
            ("Al Gore", "A Gore"),
            ("", "A"),
        ] {
            assert!(!first_names_begin_alike(a, b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn a_plain_name_is_two_to_four_capitalised_words_opening_on_no_title() {
        let finder = QuoteFinder::new();
        let countries = CountryFinder::new();
        let words = WordBytes::new("");
        let run = Run::new(&finder, "", &words, &countries);
        for (name, plain) in [
            ("John Howard", true),
            ("Jill Tracy Biden", true),
            ("Élodie Durand", true),
            ("Ursula von der Leyen", false),
            ("Howard", false),
            ("A B", false),
            ("Jean-Luc Picard", false),
            ("The Beatles", false),
            ("President Biden", false),
            ("PRESIDENT Biden", false),
            ("Prime Minister", false),
            ("Al Gore", true),
            ("Secretary Rubio", false),
            ("One Two Three Four Five", false),
        ] {
            assert_eq!(run.is_plain_name(name), plain, "{name}");
        }
    }
}
