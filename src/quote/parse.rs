//! Speaker phrases taken apart: a phrase such as "Australian Attorney
//! General George Brandis" or "the report's authors" read as a name, a
//! title, a country and a kind of speaker, with the key that merges its
//! mentions (`parse`, `parse_plain`, `role`, `starts_title`,
//! `collective_key`); and the phrases of a document, each parsed once
//! (`Parses`, `remember`).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use super::words::{ends_in_connector, find_byte, last_spaced_word, strip_possessive};
use super::{back, Run, SpeakerKind, TitleInfo};
use crate::country::CountryCode;
use crate::hash::FastMap;
use crate::text::{contains_str, find_each, find_str, lower, rfind_str, trim, LOWER_INLINE};
use crate::Span;

/// A speaker phrase taken apart.
#[derive(Debug, Clone)]
pub(super) struct Parsed<'h> {
    pub(super) name: Cow<'h, str>,
    pub(super) name_span: Span,
    pub(super) title: Option<Cow<'h, str>>,
    pub(super) kind: SpeakerKind,
    pub(super) country: Option<CountryCode>,
    pub(super) key: String,
    /// For an office named with its place or portfolio ("the Premier of
    /// Victoria"), lower case: whoever holds that office already is the
    /// speaker (`Run::settled_key`). The parse itself does not depend on
    /// who has been met, so that it can be kept.
    pub(super) office: Option<String>,
}

/// The speaker phrases of a document parsed so far, by their text, each
/// with where the first of them stood (`None` for a phrase that names no
/// one). A long text names the same few people in the same words again
/// and again ("Mr Howard", "Prime Minister John Howard"), and a phrase
/// reads the same wherever it stands, unless it holds " and " (`parse`
/// reads the words before it then).
#[derive(Debug, Default)]
pub(super) struct Parses<'h> {
    /// Where each phrase's parse stands in `parsed`, by the phrase's text.
    index: FastMap<&'h str, usize>,
    /// Each phrase's parse, with where the first of them stood.
    parsed: Vec<(usize, Option<Parsed<'h>>)>,
}

/// Tokens of a phrase whose titles `Run::parse_plain` keeps once worked
/// out; nearly every speaker phrase has fewer.
const TITLE_MEMO: usize = 16;

/// Bytes of text per speaker phrase `Parses::for_text` makes room for:
/// press releases hold a distinct one every 3 KB or so, and the room
/// leaves a margin. Growing the lists moved every parse kept so far, and
/// rehashed every phrase, at each doubling.
const BYTES_PER_PHRASE: usize = 2048;

impl<'h> Parses<'h> {
    /// Empty lists, with room for the phrases a text of `len` bytes
    /// usually holds.
    pub(super) fn for_text(len: usize) -> Parses<'h> {
        let room = (len / BYTES_PER_PHRASE).min(super::MOST_ROOM);
        let mut index = FastMap::default();
        index.reserve(room);
        Parses {
            index,
            parsed: Vec::with_capacity(room),
        }
    }

    /// Parse `i` (as `Run::remember` gives it) of a phrase standing at
    /// byte `start`, with the name's span moved to where it stands there.
    pub(super) fn at(&self, i: usize, start: usize) -> Option<(&Parsed<'h>, Span)> {
        let (first, parsed) = self.parsed.get(i)?;
        let p = parsed.as_ref()?;
        let shift = |offset: usize| start + offset.saturating_sub(*first);
        Some((
            p,
            Span::new(shift(p.name_span.start), shift(p.name_span.end)),
        ))
    }
}

impl<'h> Run<'_, 'h> {
    /// Parses the phrase at `np` (one without " and ") unless its text has
    /// been parsed before: where its parse stands in `parses` (`Parses::at`).
    /// A phrase met again costs one look-up. `None` when `np` is not a span
    /// of the text.
    pub(super) fn remember(&mut self, np: Span) -> Option<usize> {
        let phrase = self.text.get(np.range())?;
        if let Some(&i) = self.parses.index.get(phrase) {
            return Some(i);
        }
        let parsed = self.parse(np);
        let i = self.parses.parsed.len();
        self.parses.parsed.push((np.start, parsed));
        self.parses.index.insert(phrase, i);
        Some(i)
    }

    /// The key that `p` merges by now: an office named with its place
    /// ("the head of the OECD") is whoever holds that office, once someone
    /// does.
    pub(super) fn settled_key<'p>(&self, p: &'p Parsed<'_>) -> Cow<'p, str> {
        match &p.office {
            Some(office) if self.titled.contains_key(office) => {
                Cow::Owned(format!("title:{office}"))
            }
            _ => Cow::Borrowed(&p.key),
        }
    }

    /// Takes a speaker phrase apart into name, title, country and kind.
    pub(super) fn parse(&self, np: Span) -> Option<Parsed<'h>> {
        let s = self.text.get(np.range())?;
        // Nearly every phrase is one name with its title, read by
        // `parse_plain` alone; the few that may be more are told by a
        // comma, an " and " or what someone issued, and are read apart, out
        // of the common phrase's way.
        if find_byte(s, b',').is_some() || contains_str(s, " and ") || issued(s) {
            return self.parse_compound(np);
        }
        self.parse_plain(np)
    }

    /// `parse` of a phrase that may be a list, an apposition, two speakers
    /// or what someone issued.
    #[cold]
    #[inline(never)]
    fn parse_compound(&self, np: Span) -> Option<Parsed<'h>> {
        let text = self.text;
        let s = text.get(np.range())?;
        // "Cornyn's statement added": what someone issued speaks for them.
        if let Some(owner) = ISSUED
            .iter()
            .find_map(|what| s.strip_suffix(what))
            .and_then(|o| o.strip_suffix("'s ").or_else(|| o.strip_suffix("’s ")))
            .filter(|o| o.starts_with(char::is_uppercase))
        {
            return self.parse(Span::new(np.start, np.start + owner.len()));
        }
        // A list: "Ford, GM, and Stellantis". Its items are read only when
        // the commas and "and" of a list are there.
        let short_items = || {
            s.split([',']).all(|item| {
                let item = item.trim().trim_start_matches("and ");
                item.split(' ').count() <= 3
                    && !item.split(' ').any(|w| self.finder.is_title_word(w))
            })
        };
        if (contains_str(s, ", and ")
            || (contains_str(s, ", ") && contains_str(s, " and ") && s.split(", ").count() > 2))
            && short_items()
        {
            return Some(Parsed {
                key: s.to_lowercase(),
                name: Cow::Borrowed(s),
                name_span: np,
                title: None,
                kind: SpeakerKind::Group,
                country: None,
                office: None,
            });
        }
        // Apposition: "Name, Title at Body".
        if let Some(i) = find_byte(s, b',') {
            let name_span = trim(text, Span::new(np.start, np.start + i));
            let role = trim(text, Span::new(np.start + i + 1, np.end));
            let mut p = self.parse_plain(name_span)?;
            // "Malaysia's Prime Minister, Najib Razak": the role comes first.
            if p.key.starts_with("title:") {
                if let Some(mut named) = self.parse_plain(role).filter(|q| {
                    q.kind == SpeakerKind::Person
                        && q.title.is_none()
                        && !q.key.starts_with("title:")
                        && q.name_span == role
                }) {
                    named.title = p.title;
                    named.country = p.country.or(named.country);
                    return Some(named);
                }
            }
            let (mut title, country) = self.role(role);
            // "NVIDIA, a global chipmaking giant": a description, no office.
            let role_words = text.get(role.range()).unwrap_or("");
            if (role_words.starts_with("a ") || role_words.starts_with("an "))
                && !role_words.split(' ').any(|w| self.finder.is_title_word(w))
            {
                title = None;
            }
            // An academic rank yields to a single office in apposition
            // ("Professor Kevin Fenton, Director of Health at PHE").
            let role_text = text.get(role.range()).unwrap_or("");
            let rank = p.title.as_deref().is_some_and(|t| {
                matches!(
                    t.to_lowercase().as_str(),
                    "professor" | "emeritus professor" | "doctor" | "dr"
                )
            });
            let single = !role_text.contains(',') && !role_text.starts_with(['t', 'a']);
            if p.title.is_none() || (rank && single && title.is_some()) {
                p.title = title;
            }
            if country.is_some() {
                p.country = country;
            }
            p.kind = SpeakerKind::Person;
            return Some(p);
        }
        // Several speakers: "Prime Minister Kevin Rudd and Premier John Brumby".
        if let Some(i) = find_str(s, " and ") {
            let a = self.parse_plain(trim(text, Span::new(np.start, np.start + i)));
            let b = self.parse_plain(trim(text, Span::new(np.start + i + 5, np.end)));
            // "Minister for Disability Services and Minister Assisting the
            // Premier", "House Committee on Energy and Commerce Chair Brett
            // Guthrie": a name after "for", "of" or "on" is a portfolio or
            // a body, not a person.
            let a = a.filter(|a| {
                // The phrase may have been cut before "for": look at the text.
                let before = text
                    .get(back(text, 0, a.name_span.start, 8)..a.name_span.start)
                    .unwrap_or("")
                    .trim_end();
                !(before.ends_with(" for") || before.ends_with(" of") || before.ends_with(" on"))
            });
            if let (Some(a), Some(b)) = (a, b) {
                if a.kind == SpeakerKind::Person
                    && b.kind == SpeakerKind::Person
                    && !a.key.starts_with("title:")
                    && !b.key.starts_with("title:")
                {
                    let name = format!("{} and {}", a.name, b.name);
                    return Some(Parsed {
                        key: name.to_lowercase(),
                        name: Cow::Owned(name),
                        name_span: np,
                        title: None,
                        kind: SpeakerKind::Group,
                        country: None,
                        office: None,
                    });
                }
            }
        }
        self.parse_plain(np)
    }

    /// The title set off by commas right after a name ending at `end`:
    /// "Nick Keith, Director, Best Business English". The segment must
    /// open on a title word.
    pub(super) fn apposed_title(&self, end: usize) -> Option<Cow<'h, str>> {
        let text = self.text;
        let rest = text.get(end..)?.strip_prefix(", ")?;
        let len = rest.find([',', '.', ';', '(', '\n'])?;
        let segment = Span::new(end + 2, end + 2 + len);
        let first = rest.get(..len)?.split(' ').next()?;
        // "Anna Bligh, Governor General Quentin Bryce, ...": a list of
        // people, not a role.
        if len > 60
            || !first.starts_with(char::is_uppercase)
            || !self.finder.is_title_word(first)
            || !self.role_without_name(segment)
        {
            return None;
        }
        self.role(segment).0
    }

    /// A role phrase after a name: title and country.
    fn role(&self, role: Span) -> (Option<Cow<'h, str>>, Option<CountryCode>) {
        let text = self.text;
        let Some(s) = text.get(role.range()) else {
            return (None, None);
        };
        // "The Canadian Press, August 15": a dateline, not a role.
        if s.split(' ').next().is_some_and(|w| self.finder.is_month(w))
            && s.bytes().any(|b| b.is_ascii_digit())
        {
            return (None, None);
        }
        let mut end = find_each(s, [" at ", " for the ", " with ", " in ", " from "])
            .into_iter()
            .flatten()
            .fold(s.find(',').unwrap_or(s.len()), usize::min);
        if let Some(i) = find_str(s, " and ") {
            if s[i + 5..].starts_with(|c: char| c.is_lowercase()) {
                end = end.min(i);
            }
        }
        let span = trim(text, Span::new(role.start, role.start + end));
        let toks = self.tokens(text.get(span.range()).unwrap_or(""), span.start);
        let mut country = None;
        let mut first = None;
        for (k, t) in toks.iter().enumerate() {
            let w = text.get(t.range()).unwrap_or("");
            if let Some((_, info)) = self.starts_title(&toks, k) {
                first = Some((k, info));
                break;
            }
            let bare = strip_possessive(w);
            if country.is_none() {
                country = self.countries.lookup(bare);
            }
        }
        // Portfolio words before a portfolio title belong to it ("Area
        // Manager"); two at most, as longer runs name the organisation, and
        // none past an organisation noun ("State Department Spokesperson").
        let first = first.map(|(k, info)| {
            let portfolio = info.portfolio;
            let capital = toks
                .get(k)
                .and_then(|t| text.get(t.range()))
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            let mut st = k;
            while portfolio && capital && st > 0 && k - st < 2 {
                let w = toks
                    .get(st - 1)
                    .and_then(|t| text.get(t.range()))
                    .unwrap_or("");
                if !w.starts_with(char::is_uppercase)
                    || self.finder.org_last.contains(w)
                    || w.ends_with("'s")
                    || w.ends_with("’s")
                    || self.countries.lookup(w).is_some()
                {
                    break;
                }
                st -= 1;
            }
            st
        });
        let title = match first {
            Some(k) => toks.get(k).map(|t| Span::new(t.start, span.end)),
            None if toks.len() <= 4 && !toks.is_empty() => Some(span),
            None => None,
        };
        (
            title.and_then(|t| text.get(t.range())).map(Cow::Borrowed),
            country,
        )
    }

    /// The longest title starting at token `k`: its number of tokens, and
    /// its entry in the titles table.
    fn starts_title(&self, toks: &[Span], k: usize) -> Option<(usize, TitleInfo)> {
        let first = toks.get(k).and_then(|t| self.text.get(t.range()))?;
        if !self.finder.title_firsts.contains_lowered(first) {
            return None;
        }
        let mut buf = [0; LOWER_INLINE];
        let mut best = None;
        let mut key = self.scratch.take();
        key.clear();
        for n in 0..self.finder.title_len {
            let Some(w) = toks.get(k + n).and_then(|t| self.text.get(t.range())) else {
                break;
            };
            if n > 0 {
                // A word of no title ends every title here.
                if !self.finder.title_parts.contains_lowered(w) {
                    break;
                }
                key.push(' ');
            }
            key.push_str(&lower(w, &mut buf));
            if let Some(&info) = self.finder.titles.get(&key) {
                best = Some((n + 1, info));
            }
        }
        self.scratch.set(key);
        best
    }

    /// A speaker phrase without apposition or coordination.
    pub(super) fn parse_plain(&self, np: Span) -> Option<Parsed<'h>> {
        let text = self.text;
        let s = text.get(np.range())?;
        if s.is_empty() {
            return None;
        }
        // "President Abdel Fattah El-Sisi of Egypt": a name, then its country.
        if let Some(i) = rfind_str(s, " of ") {
            let place = s.get(i + 4..).unwrap_or("");
            let place = place.strip_prefix("the ").unwrap_or(place);
            let head = trim(text, Span::new(np.start, np.start + i));
            let last = text.get(head.range()).map(last_spaced_word).unwrap_or("");
            let named = last.chars().next().is_some_and(char::is_uppercase)
                && !self.finder.is_title_word(last);
            if named
                && place.split(' ').all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !self.finder.is_title_word(w)
                })
            {
                if let Some(code) = self.countries.lookup(place) {
                    let mut p = self.parse_plain(head)?;
                    if p.kind == SpeakerKind::Person {
                        p.country = p.country.or(Some(code));
                        return Some(p);
                    }
                } else if place.split(' ').count() <= 3 && !contains_str(&s[..i], " of ") {
                    // "Governor Whitmer of Michigan": a titled person, then
                    // the state or city the office belongs to.
                    if let Some(p) = self
                        .parse_plain(head)
                        .filter(|p| p.kind == SpeakerKind::Person && p.title.is_some())
                    {
                        return Some(p);
                    }
                }
            }
        }
        // "Lydia Buchtmann for Food Standards Australia": the name, then the
        // body; "Lisa Abramowicz on X": the name, then where it was said.
        const SEPARATORS: [&str; 5] = [" for ", " at ", " of the ", " from ", " on "];
        for (sep, at) in SEPARATORS.into_iter().zip(find_each(s, SEPARATORS)) {
            if let Some(i) = at {
                let head = trim(text, Span::new(np.start, np.start + i));
                let tail_has_title = || s[i..].split(' ').any(|w| self.finder.is_title_word(w));
                // "The Joint Committee on Taxation" is one body.
                let body = || {
                    text.get(head.range())
                        .is_some_and(|h| h.split(' ').any(|w| self.finder.org_last.contains(w)))
                };
                if self.is_name_segment(head) && !tail_has_title() && !(sep == " on " && body()) {
                    return self.parse_plain(head);
                }
            }
        }
        let toks = self.tokens(s, np.start);
        // The title starting at each token, worked out the first time it is
        // asked: the tests below ask again for the same tokens.
        // Phrases are short: the memo is kept on the stack, and a token past
        // it is worked out each time it is asked for.
        let title_memo: [OnceCell<Option<(usize, TitleInfo)>>; TITLE_MEMO] =
            [const { OnceCell::new() }; TITLE_MEMO];
        let title_entry = |k: usize| match title_memo.get(k) {
            Some(cell) => *cell.get_or_init(|| self.starts_title(&toks, k)),
            None => self.starts_title(&toks, k),
        };
        // The number of tokens of the title starting at each token.
        let title_at = |k: usize| title_entry(k).map(|(n, _)| n);
        // Each token's text, cut once: the tests below read the same few
        // words again and again, and each cut tests both its ends for a
        // character boundary in branches that mispredict. Kept on the
        // stack, as the titles are; a token past it is cut each time.
        let mut token_texts = [""; TITLE_MEMO];
        for (slot, t) in token_texts.iter_mut().zip(toks.iter()) {
            *slot = text.get(t.range()).unwrap_or("");
        }
        let word = |k: usize| match token_texts.get(k) {
            Some(&w) => w,
            None => token_text(text, &toks, k),
        };
        let is_cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        // Particles inside a name, and the ampersand of a firm's ("Merck &
        // Co.").
        let is_particle = |w: &str| {
            matches!(
                w,
                "de" | "van" | "von" | "der" | "da" | "du" | "del" | "la" | "&"
            )
        };
        // The name: trailing capitalised words that are not title words.
        let mut name_start = toks.len();
        while name_start > 0 {
            let w = word(name_start - 1);
            if is_cap(w)
                && !self.finder.is_title_word(w)
                && !w.ends_with("'s")
                && !w.ends_with("’s")
            {
                name_start -= 1;
            } else if let Some(before) = (name_start < toks.len())
                .then(|| {
                    // Particles inside a name: "Marquis de Lafayette",
                    // "Ursula von der Leyen".
                    let particles = (0..name_start)
                        .rev()
                        .take_while(|&k| is_particle(word(k)))
                        .count();
                    name_start
                        .checked_sub(particles + 1)
                        .filter(|_| particles > 0)
                })
                .flatten()
                .filter(|&k| is_cap(word(k)) && !self.finder.is_title_word(word(k)))
            {
                name_start = before + 1;
            } else {
                break;
            }
        }
        // Honorifics belong to neither name nor title.
        let honorific = |w: &str| {
            matches!(
                w.trim_end_matches('.'),
                "Mr" | "Ms" | "Mrs" | "Miss" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady"
            )
        };
        // The tokens of the name: a run of them, only ever cut at its ends.
        let mut name_toks = name_start..toks.len();
        // Honours and offices after a name: "Jane Marriott CMG OBE".
        while name_toks.len() > 2
            && name_toks
                .clone()
                .next_back()
                .is_some_and(|k| self.finder.postnominals.contains(word(k)))
        {
            name_toks.end -= 1;
        }
        // A name runs from after its honorific: "Undersecretary for
        // Education Mr. Toccafondi" is Toccafondi.
        if let Some(h) = name_toks.clone().rposition(|k| honorific(word(k))) {
            if h + 1 < name_toks.len() {
                name_toks.start += h + 1;
            }
        }
        let before_name = name_start.checked_sub(1).map(word).unwrap_or("");
        let initial_mid = name_toks.len() >= 3
            && name_toks
                .clone()
                .nth_back(1)
                .is_some_and(|k| word(k).len() <= 2 && word(k).ends_with('.'));
        let keep = if initial_mid { 3 } else { 2 };
        let has_title_before = (0..name_start).any(|k| title_at(k).is_some());
        // "Minister for Foreign Affairs Elina Valtonen", "Ambassador to
        // Russia Michael McFaul": capitalised words after a title's "for",
        // "of" or "to" name its portfolio or place up to the name itself,
        // unless a title ends right before the name ("Americans for
        // Ibogaine CEO W. Bryan Hubbard").
        let title_next_to_name =
            (0..name_start).any(|k| title_at(k).is_some_and(|n| k + n == name_start));
        let portfolio_before = !title_next_to_name
            && (0..name_start)
                .rev()
                .map(word)
                .find(|w| !is_cap(w))
                .is_some_and(|w| matches!(w, "of" | "for" | "the" | "to" | "and"));
        // Particles ride along with the surname: "Ursula von der Leyen"
        // has the length of a two-word name.
        let words = |toks: &Range<usize>| toks.clone().filter(|&k| !is_particle(word(k))).count();
        // "Psychology major at University of Texas Arlington Amneh Jafari":
        // after a body's name, four capitalised words or more end in the
        // person's name.
        let org_word = |w: &str| self.finder.org_last.contains(w);
        let person_after_body = words(&name_toks) > 3
            && (0..name_start).any(|k| org_word(word(k)))
            && !name_toks.clone().any(|k| org_word(word(k)));
        if words(&name_toks) > keep
            && (portfolio_before || words(&name_toks) > 3)
            && (has_title_before || person_after_body)
        {
            while words(&name_toks) > keep {
                name_toks.start += 1;
            }
        }
        // "the Premier of Victoria", "Minister for Health": one capitalised
        // word after "of" or "for" that follows a title is the office's
        // place or portfolio, not a person's name.
        // "the head of the OECD" too.
        let before_the = name_start.checked_sub(2).map(word).unwrap_or("");
        let after_of = toks.len() - name_start == 1
            && name_toks.len() == 1
            && (matches!(before_name, "of" | "for")
                || (before_name == "the" && matches!(before_the, "of" | "for")));
        let office = after_of && has_title_before;
        // Without a title before it, such a word ends the name of a body:
        // "Americans for Prosperity", "Special Operations Association of
        // America".
        if after_of {
            name_toks.start = name_toks.end;
        }
        // No character but the ASCII letters lowers to "the": the case of
        // the ASCII letters settles it, without a lowered copy.
        let lead_the = word(0).eq_ignore_ascii_case("the");
        let lower_head = toks
            .last()
            .and_then(|t| text.get(t.range()))
            .is_some_and(|w| !is_cap(w));
        if name_toks.is_empty()
            || lower_head
            || (lead_the && !has_title_before && !person_after_body)
        {
            // A titled individual, an organisation or a group, named whole.
            let mut head_buf = [0; LOWER_INLINE];
            let head = lower(word(toks.len().saturating_sub(1)), &mut head_buf);
            // The phrase ends on a title: "the Prime Minister", "the First
            // Lady".
            let title_only = has_title_before
                && (0..toks.len()).any(|k| title_at(k).is_some_and(|n| k + n == toks.len()))
                && (!head.ends_with('s') || head.ends_with("ss"));
            // "the Department of Justice": a body named before any title
            // word is the body, whatever office its name ends on.
            let body_first = (0..toks.len())
                .take_while(|&k| title_at(k).is_none())
                .any(|k| self.finder.org_anywhere.contains(word(k)));
            let kind = if (title_only || office) && !lower_head && !body_first {
                SpeakerKind::Person
            } else if head.ends_with('s')
                && !head.ends_with("ss")
                && !head.ends_with("'s")
                && lower_head
                || matches!(head.as_ref(), "sides" | "people")
            {
                SpeakerKind::Group
            } else {
                SpeakerKind::Organization
            };
            let name_span = np;
            let bare = s
                .strip_prefix("the ")
                .or_else(|| s.strip_prefix("The "))
                .unwrap_or(s);
            let mut country = None;
            for k in 0..toks.len() {
                let w = word(k);
                if is_cap(w) {
                    country = country.or_else(|| self.countries.lookup(strip_possessive(w)));
                }
            }
            let (key, title, office) = if kind == SpeakerKind::Person {
                let t = (0..toks.len()).find_map(|k| title_at(k).map(|n| (k, n)));
                let title = t.and_then(|(k, n)| {
                    Some(Span::new(toks.get(k)?.start, toks.get(k + n - 1)?.end))
                });
                let tt = title.and_then(|t| text.get(t.range())).map(Cow::Borrowed);
                let key = format!("title:{}", tt.as_deref().unwrap_or(bare).to_lowercase());
                // An office names its place or portfolio in its title
                // ("Premier of Victoria"); "the Premier" still finds it.
                let full = match title.zip(toks.last()) {
                    Some((t, last)) if office => text.get(t.start..last.end).map(Cow::Borrowed),
                    _ => None,
                };
                // "the head of the OECD" is whoever holds that office.
                let office = full.as_deref().map(str::to_lowercase);
                (key, full.or(tt), office)
            } else {
                (collective_key(bare), None, None)
            };
            return Some(Parsed {
                name: Cow::Borrowed(s),
                name_span,
                title,
                kind,
                country,
                key,
                office,
            });
        }
        // An article opens a description, not a name: "An NPR editor".
        while name_toks.len() > 1 && matches!(word(name_toks.start), "A" | "An") {
            name_toks.start += 1;
        }
        let first_name = name_toks.clone().next()?;
        let last_name = name_toks.clone().next_back()?;
        let name_span = Span::new(toks.get(first_name)?.start, toks.get(last_name)?.end);
        let name = text.get(name_span.range())?;
        // An acronym ("NPR", "AFP") or a name ending in an organisation noun
        // ("Irving Police Department") is a body, not a person.
        let last = word(last_name);
        let acronym = name_toks.len() == 1
            && last.len() >= 2
            && last.chars().all(|c| c.is_ascii_uppercase() || c == '&');
        // Anywhere means within the last two words: "Native Voters Alliance
        // Nevada" is a body, but "Fox Business Network Anchor David Asman"
        // is a person after a body and a role.
        let body = self.finder.org_last.contains(last)
            || name_toks
                .clone()
                .rev()
                .take(2)
                .any(|k| self.finder.org_anywhere.contains(word(k)));
        let firm = name_toks.clone().any(|k| word(k) == "&");
        if acronym || body || firm {
            // A body's name may hold connectors: "American Exploration and
            // Production Council", "Committee on Foreign Relations".
            let mut first = first_name;
            while first >= 2
                && matches!(word(first - 1), "and" | "&" | "of" | "for" | "on")
                && is_cap(word(first - 2))
                && !self.finder.is_title_word(word(first - 2))
            {
                first -= 2;
                while first > 0
                    && is_cap(word(first - 1))
                    && !self.finder.is_title_word(word(first - 1))
                {
                    first -= 1;
                }
            }
            let name_span = Span::new(toks.get(first)?.start, name_span.end);
            let name = text.get(name_span.range())?;
            return Some(Parsed {
                name: Cow::Borrowed(name),
                name_span,
                title: None,
                kind: SpeakerKind::Organization,
                country: None,
                key: collective_key(name),
                office: None,
            });
        }
        // The title: from the earliest title word to the name.
        let mut title = None;
        let mut country = None;
        let title_end = first_name;
        let mut tstart = None;
        for k in 0..title_end {
            if let Some((n, info)) = title_entry(k) {
                let mut st = k;
                let portfolio = info.portfolio;
                let lower_title = word(k).starts_with(char::is_lowercase);
                // "Queensland Minister for Disability Services": a title that
                // names its portfolio after it takes none before it.
                let named_after = matches!(word(k + n), "for" | "of");
                if portfolio && !named_after {
                    while st > 0 {
                        let w = word(st - 1);
                        // "Professional golfer Alison Crenshaw": the phrase's
                        // first word is capitalised only because it opens it.
                        let opens = st == 1 && w.chars().skip(1).all(char::is_lowercase);
                        if lower_title && w.starts_with(char::is_uppercase) && !opens {
                            break;
                        }
                        if w.ends_with("'s")
                            || w.ends_with("’s")
                            || self.countries.lookup(w).is_some()
                            // Lowered, only ASCII letters make these.
                            || ["the", "a", "an", "and", "of"]
                                .iter()
                                .any(|f| w.eq_ignore_ascii_case(f))
                            // "Home office crime prevention minister": the
                            // body is not part of the portfolio.
                            || (lower_title
                                && matches!(w, "office" | "department" | "ministry" | "agency"))
                        {
                            break;
                        }
                        st -= 1;
                    }
                }
                // A rank belongs to any title: "Deputy Secretary of State",
                // "Acting Secretary of Labor", "Shadow Minister for Health".
                while st > 0
                    && matches!(
                        word(st - 1),
                        "Deputy"
                            | "Assistant"
                            | "Acting"
                            | "Shadow"
                            | "Associate"
                            | "Junior"
                            | "Senior"
                            | "Principal"
                            | "Parliamentary"
                    )
                {
                    st -= 1;
                }
                tstart = Some(st);
                break;
            }
        }
        if let Some(st) = tstart {
            let mut te = title_end;
            // "Dr" before the name is no part of the title, but the "Lady"
            // of "First Lady" is.
            while te > st
                && honorific(word(te - 1))
                && !(te >= 2 && word(te - 1) == "Lady" && word(te - 2) == "First")
            {
                te -= 1;
            }
            if te > st {
                // An abbreviated title keeps its full stop: "Sen.", "Rep.".
                let end = toks.get(te - 1)?.end;
                let end = if text.get(end..end + 1) == Some(".") {
                    end + 1
                } else {
                    end
                };
                title = Some(Span::new(toks.get(st)?.start, end));
            }
            for k in 0..st {
                let w = strip_possessive(word(k));
                country = country.or_else(|| self.countries.lookup(w));
                if country.is_none() && k + 1 < st {
                    let mut pair = self.scratch.take();
                    pair.clear();
                    pair.push_str(word(k));
                    pair.push(' ');
                    pair.push_str(word(k + 1));
                    country = self.countries.lookup(strip_possessive(&pair));
                    self.scratch.set(pair);
                }
            }
        }
        let key = last_spaced_word(name).to_lowercase();
        Some(Parsed {
            name: Cow::Borrowed(name),
            name_span,
            // A title cut off before its object ("chief executive of") is
            // a fragment of a longer phrase, not a role.
            title: title
                .and_then(|t| text.get(t.range()))
                .filter(|t| !ends_in_connector(t))
                .map(Cow::Borrowed),
            kind: SpeakerKind::Person,
            country,
            key,
            office: None,
        })
    }
}

/// The text of token `k` of `toks`, "" past the last: out of line, as only
/// a phrase longer than `TITLE_MEMO` tokens reads it, so that the common
/// phrase's many reads of a word stay short.
#[cold]
#[inline(never)]
fn token_text<'h>(text: &'h str, toks: &[Span], k: usize) -> &'h str {
    toks.get(k).and_then(|t| text.get(t.range())).unwrap_or("")
}

/// What someone issues that speaks for them ("Cornyn's statement").
const ISSUED: [&str; 4] = ["statement", "remarks", "letter", "message"];

/// Whether `s` may name what someone issued ("Cornyn's statement"): it
/// ends on a word that `parse` reads as one.
fn issued(s: &str) -> bool {
    ISSUED.iter().any(|what| s.ends_with(what))
}

/// The merge key of an organisation or group: lower case, without the
/// owner ("the report's authors" and "the authors" are one). A joint
/// statement and the partners who issued it ("the communique", "the
/// alliance", "the partners", "the five countries") are one voice.
fn collective_key(name: &str) -> String {
    let mut key = name.to_lowercase();
    // Where the key starts in the lowered name, and whether its head noun
    // names a joint voice; the lowered name is then cut, not copied.
    let (start, collective) = {
        let lower = key.strip_prefix("the ").unwrap_or(&key);
        let owned_at = ["'s ", "’s "]
            .iter()
            .filter_map(|m| rfind_str(lower, m).map(|i| i + m.len()))
            .max()
            .unwrap_or(0);
        let owned = lower.get(owned_at..).unwrap_or(lower);
        // The head noun stands before any "from" or "of" phrase.
        let core = find_each(owned, [" from ", " of ", " for ", " at ", " in "])
            .into_iter()
            .flatten()
            .min()
            .map_or(owned, |i| &owned[..i]);
        let head = last_spaced_word(core);
        (
            key.len() - owned.len(),
            matches!(
                head,
                "communique"
                    | "communiqué"
                    | "statement"
                    | "declaration"
                    | "partners"
                    | "alliance"
                    | "allies"
                    | "countries"
            ),
        )
    };
    if collective {
        return "#collective".to_string();
    }
    if key.is_char_boundary(start) {
        key.drain(..start);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::super::{QuoteFinder, Run, SpeakerKind};
    use crate::country::CountryFinder;
    use crate::text::WordBytes;
    use crate::Span;

    /// The room made ahead of need grows with the text only up to a point:
    /// a terabyte would otherwise ask for half a billion parses.
    #[test]
    fn room_made_ahead_is_bounded() {
        let huge = super::Parses::for_text(1 << 40);
        assert!(huge.parsed.capacity() < 2 * super::super::MOST_ROOM);
        let release = super::Parses::for_text(20_000);
        assert!(release.parsed.capacity() >= 20_000 / super::BYTES_PER_PHRASE);
    }

    #[test]
    fn a_phrase_met_again_is_found_parsed_and_moved_to_where_it_stands() {
        let text =
            "Prime Minister John Howard said. Then Prime Minister John Howard met Mr Howard.";
        let finder = QuoteFinder::new();
        let countries = CountryFinder::new();
        let words = WordBytes::new(text);
        let mut run = Run::new(&finder, text, &words, &countries);
        let phrase = "Prime Minister John Howard";
        let first = Span::new(0, phrase.len());
        let again_at = text.rfind(phrase).unwrap();
        let again = Span::new(again_at, again_at + phrase.len());
        let mr_at = text.find("Mr Howard").unwrap();
        let i = run.remember(first).unwrap();
        let j = run.remember(again).unwrap();
        let k = run
            .remember(Span::new(mr_at, mr_at + "Mr Howard".len()))
            .unwrap();
        assert_eq!(i, j);
        assert_ne!(i, k);
        let (p, name) = run.parses.at(j, again.start).unwrap();
        assert_eq!(p.kind, SpeakerKind::Person);
        assert_eq!(&text[name.range()], "John Howard");
        assert!(name.start > again.start);
        let (p, name) = run.parses.at(i, first.start).unwrap();
        assert_eq!(p.title.as_deref(), Some("Prime Minister"));
        assert_eq!(&text[name.range()], "John Howard");
        let (_, name) = run.parses.at(k, mr_at).unwrap();
        assert_eq!(&text[name.range()], "Howard");
    }

    #[test]
    fn a_plain_phrase_keeps_the_run_of_its_name_tokens_cut_at_both_ends() {
        // The last phrase has more tokens than the title memo holds: the
        // titles and the token texts past it are worked out each time, to
        // the same reading.
        let long = "the one two three four five six seven eight nine ten eleven \
            twelve thirteen fourteen fifteen sixteen Prime Minister John Howard";
        for (phrase, name, title) in [
            ("Jane Marriott CMG OBE", "Jane Marriott", None),
            (
                "Undersecretary for Education Mr. Toccafondi",
                "Toccafondi",
                Some("Undersecretary for Education"),
            ),
            (
                "Prime Minister John Howard",
                "John Howard",
                Some("Prime Minister"),
            ),
            (
                "Minister for Foreign Affairs Elina Valtonen",
                "Elina Valtonen",
                Some("Minister for Foreign Affairs"),
            ),
            (long, "John Howard", Some("Prime Minister")),
        ] {
            let finder = QuoteFinder::new();
            let countries = CountryFinder::new();
            let words = WordBytes::new(phrase);
            let run = Run::new(&finder, phrase, &words, &countries);
            let p = run.parse_plain(Span::new(0, phrase.len())).unwrap();
            assert_eq!(&phrase[p.name_span.range()], name, "{phrase}");
            assert_eq!(p.title.as_deref(), title, "{phrase}");
        }
    }
}
