//! Finding date expressions and normalising them.
//!
//! One pass over the bytes of each content block finds every trigger
//! (month and weekday names, relative words, holiday names, numbers) at the
//! starts of words (found 64 bytes at a time as bit masks), with a
//! three-letter prefix filter before any comparison; from each trigger a
//! small hand-written parser reads a bounded number of words forward and
//! back. Every trigger costs constant
//! work, so the pass is linear in the input.
//!
//! Values follow the gold conventions: a weekday without a date takes the
//! tense of its clause (past: the latest on or before the reference date;
//! future: the next on or after it), and a later mention of the same
//! weekday with no tense of its own is the same day; a month or a day
//! without a year is this year's unless the tense moves it (a day only when
//! it lies two months or more the wrong side of the reference date); a
//! named day without a year is its nearest occurrence; financial years are
//! year intervals (`2015/2016`) and US fiscal years the year they end in.

use super::{DateMention, DateValue, Season};
use crate::analysis::Analysis;
use crate::calendar::{days_in_month, easter, nth_weekday};
use crate::hash::FastMap;
use crate::span::first_ending_after;
use crate::text::{
    char_before, key_fold, prefix_keys, seek, word_key, KeyBits, KeySet, WordBytes, WORD_KEYS,
};
use crate::{tables, Date, Span};

/// What a word of the date vocabulary is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Month,
    Weekday,
    RelDay,
    Unit,
    Season,
    Det,
    Mod,
    Num,
    Ordinal,
}

/// What a trigger pattern stands for.
#[derive(Clone, Copy, Debug)]
enum Trigger {
    Word(Kind, i32),
    Holiday(usize),
    Digit,
    Ago,
    Fiscal,
    Fy,
    Quarter(u32),
}

/// How a named day's date is computed.
#[derive(Clone, Copy, Debug)]
enum Rule {
    Fixed(u32, u32),
    Nth(i32, u32, u32),
    Easter(i64),
}

impl Rule {
    fn date(self, year: i32) -> Option<Date> {
        match self {
            Rule::Fixed(m, d) => Date::new(year, m, d),
            Rule::Nth(n, w, m) => nth_weekday(year, m, n, w),
            Rule::Easter(off) => easter(year)?.add_days(off),
        }
    }

    fn parse(s: &str) -> Option<Rule> {
        let mut it = s.split_whitespace();
        match it.next()? {
            "fixed" => {
                let (m, d) = it.next()?.split_once('-')?;
                Some(Rule::Fixed(m.parse().ok()?, d.parse().ok()?))
            }
            "nth" => Some(Rule::Nth(
                it.next()?.parse().ok()?,
                it.next()?.parse().ok()?,
                it.next()?.parse().ok()?,
            )),
            "easter" => Some(Rule::Easter(it.next()?.parse().ok()?)),
            _ => None,
        }
    }
}

/// The word key (`text::word_key`) of "day", in any case.
const DAY_KEY: usize = 3 * 27 * 27 + 24;

/// Time units, as the `unit` column of the word table numbers them.
const DAY: i32 = 1;
const WEEK: i32 = 2;
const MONTH: i32 = 3;
const QUARTER: i32 = 4;
const YEAR: i32 = 5;
const DECADE: i32 = 6;
const HALF: i32 = 7;
const WEEKEND: i32 = 8;

/// A date expression as read, before it meets the reference date.
#[derive(Clone, Debug)]
enum Core {
    Abs(DateValue),
    /// Month, day and perhaps the year.
    MonthDay(u32, u32, Option<i32>),
    /// A month with no year: its year comes from the reference date and the
    /// tense of the clause.
    Month(u32),
    /// Weekday and how to pick it: 0 by tense, -1 last, 1 next, 2 this.
    Weekday(u32, i32),
    RelDay(i64),
    Present,
    /// A unit and an offset from the reference date's own.
    Rel(i32, i64),
    /// A financial year, offset from the current one; a US fiscal year if
    /// the flag is set.
    RelFiscal(i64, bool),
    Season(Season, i64),
    YearsAgoToday(i64),
    /// A named day and its year if given.
    Holiday(usize, Option<i32>),
    /// A named day's last (-1) or next (1) occurrence.
    RelHoliday(usize, i32),
    /// "the previous year": the one before a year the sentence names
    /// ("in 2021, compared to the previous year"), or else last year.
    Previous(i32),
    /// A quarter or half of the reference year: unit and number.
    PartOfYear(i32, u32),
    /// A month, day or season in the year offset from the reference year:
    /// "December last year", "1 July this year", "the autumn of last year".
    OfRelYear(Box<Core>, i64),
    /// A month named in a list after another ("December, January and
    /// February"): its year follows the month before it.
    ListedMonth(u32),
    Range(Box<Core>, Box<Core>),
}

/// The compiled date finder.
#[derive(Debug)]
pub(crate) struct DateFinder {
    /// The words of the date vocabulary (lower case) and their meanings.
    words: WordTable,
    /// Trigger patterns (lower case, starting with a letter), longest
    /// first so that "Easter Monday" wins over "Easter".
    triggers: Vec<(Vec<u8>, Trigger)>,
    /// The triggers a word may begin or anchor, by its word key
    /// (`text::word_key`): those of key `k` are
    /// `by_key[key_starts[k]..key_starts[k + 1]]`, in the order of
    /// `triggers`. A word is compared only with the few patterns whose
    /// first word, or anchor, shares its first three letters.
    by_key: Vec<KeyTrigger>,
    key_starts: Vec<u32>,
    /// A bit for each word key (`text::word_key`) under which `by_key`
    /// seeks a pattern (its first word's key, or its anchor's: below), and
    /// for every key of a word that starts with anything
    /// but an ASCII letter (a number may start a date): one test rules out
    /// most words before any byte of them is read.
    ///
    /// A holiday name is sought from its anchor (see [`KeyTrigger`]) when
    /// every pattern of its first word's key has one: the first words of
    /// names ("Commonwealth", "President's", "International",
    /// "Australia") share their keys with many common words ("community",
    /// "president", "interest", "Australian") that would each be read for
    /// nothing, while their anchors ("day", "year") are few.
    may_trigger: KeySet,
    /// For each word key, a bit for each fold (`text::key_fold`) of a
    /// word's fourth byte with which some pattern of that key could start
    /// (or be anchored by) a date there: a word whose first three letters
    /// begin a pattern mostly parts from every such pattern at the fourth
    /// ("that" and "thanksgiving", "market" and "march"), and one test
    /// rules it out.
    fourth: Vec<u32>,
    holidays: Vec<(String, Rule)>,
}

/// A trigger pattern a word with some key may stand in: at its start
/// (`offset` 0), or as its anchor, a later word of a holiday name that
/// stands `offset` bytes into it ("day" in "Australia Day", "year" in
/// "New Year's Eve"). No word of a name before its anchor is walked, so
/// a name found from its anchor is read before the anchor, as it would
/// be from its start.
#[derive(Clone, Copy, Debug)]
struct KeyTrigger {
    /// The pattern's index in `DateFinder::triggers`.
    index: usize,
    offset: usize,
    /// The pattern's first byte: most words that could anchor a name
    /// ("day", "year") are ruled out by the byte where it would start.
    first: u8,
}

/// The offsets of the words inside `pattern` after its first: letters or
/// digits after a character that is neither, as word starts are found in
/// a text.
fn inner_words(pattern: &str) -> impl Iterator<Item = usize> + '_ {
    pattern.char_indices().filter_map(move |(k, c)| {
        let starts = k > 0
            && c.is_alphanumeric()
            && !char_before(pattern, k).is_some_and(char::is_alphanumeric);
        starts.then_some(k)
    })
}

// ---------------------------------------------------------------- bytes

#[inline]
fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

#[inline]
fn before(b: &[u8], i: usize) -> u8 {
    if i == 0 {
        0
    } else {
        at(b, i - 1)
    }
}

/// Skips blanks (ASCII white space, no-break spaces) forward, not past `hi`.
fn skip_ws(b: &[u8], mut i: usize, hi: usize) -> usize {
    while i < hi {
        match at(b, i) {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            0xC2 if at(b, i + 1) == 0xA0 => i += 2,
            0xE2 if at(b, i + 1) == 0x80 && matches!(at(b, i + 2), 0xAF | 0x89 | 0x8A) => i += 3,
            _ => break,
        }
    }
    i.min(hi)
}

/// Skips blanks backward, not past `lo`.
fn skip_ws_back(b: &[u8], i: usize, lo: usize) -> usize {
    // Most calls meet one space or none, then a byte that ends no blank:
    // the space is stepped over with no branch on it (which went either
    // way, unforeseeably), and the byte before it ends the search.
    let mut i = i - usize::from((i > lo) & (before(b, i) == b' '));
    if i <= lo
        || !matches!(
            before(b, i),
            b' ' | b'\t' | b'\n' | b'\r' | 0xA0 | 0xAF | 0x89 | 0x8A
        )
    {
        return i;
    }
    while i > lo {
        match before(b, i) {
            b' ' | b'\t' | b'\n' | b'\r' => i -= 1,
            0xA0 if i >= lo + 2 && at(b, i - 2) == 0xC2 => i -= 2,
            0xAF | 0x89 | 0x8A if i >= lo + 3 && at(b, i - 3) == 0xE2 && at(b, i - 2) == 0x80 => {
                i -= 3
            }
            _ => break,
        }
    }
    i
}

/// The word (ASCII letters) after blanks from `i`.
fn word(b: &[u8], i: usize, hi: usize) -> Option<(usize, usize)> {
    let s = skip_ws(b, i, hi);
    let rest = b.get(s..hi.min(b.len())).unwrap_or_default();
    let e = s + rest
        .iter()
        .take(40)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    (e > s && !at(b, e).is_ascii_alphanumeric()).then_some((s, e))
}

/// The word (ASCII letters) before blanks ending at `i`.
fn word_back(b: &[u8], i: usize, lo: usize) -> Option<(usize, usize)> {
    let e = skip_ws_back(b, i, lo);
    let s = e - letters_back(b, lo, e);
    (s < e && !before(b, s).is_ascii_alphanumeric()).then_some((s, e))
}

/// How many ASCII letters, at most 40, end at `e`, none before `lo`.
#[inline]
fn letters_back(b: &[u8], lo: usize, e: usize) -> usize {
    b.get(lo..e)
        .unwrap_or_default()
        .iter()
        .rev()
        .take(40)
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
}

/// The number (at most four digits) after blanks from `i`: start, end, value.
fn number(b: &[u8], i: usize, hi: usize) -> Option<(usize, usize, u32)> {
    let s = skip_ws(b, i, hi);
    let mut e = s;
    let mut v = 0u32;
    while e < hi && at(b, e).is_ascii_digit() {
        if e - s >= 4 {
            return None;
        }
        v = v * 10 + u32::from(at(b, e) - b'0');
        e += 1;
    }
    (e > s).then_some((s, e, v))
}

/// Whether a number at `s` may begin a date by the bytes before it: not
/// when it goes on a word or another number ("A4", "2,000", "1.5",
/// "1995-2000") nor when it is a sum or a count ("$5", "£5", "€5", "#3").
fn number_may_start(b: &[u8], s: usize) -> bool {
    let p = before(b, s);
    let joined = p.is_ascii_alphanumeric()
        || matches!(p, b'$' | b'#' | b'.' | b',' | b'/')
        || (p == b'-' && before(b, s - 1).is_ascii_digit());
    let currency = s >= 2 && b.get(s - 2..s) == Some("£".as_bytes())
        || s >= 3 && b.get(s - 3..s) == Some("€".as_bytes());
    !joined && !currency
}

/// Whether the number at `s` (inside a span that ends at `hi`) may begin
/// a date by the bytes after it, as [`DateFinder::at_number`] reads them:
/// a number of three digits or more than four is none; one of one or two
/// digits is a day, and a day needs a slash, a suffix ("1st"), a
/// capitalised month, or "of", "and", a dash, "to", "until", "through" or
/// "till" after it. Most numbers are counts ("5 per cent", "10 years",
/// "(3)"), and this rules them out before they are read.
fn number_may_date(b: &[u8], s: usize, hi: usize) -> bool {
    let digits = b
        .get(s..hi.min(b.len()))
        .unwrap_or_default()
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_digit())
        .count();
    match digits {
        4 => true,
        1 | 2 => {
            let e = s + digits;
            let next = at(b, e);
            if next == b'/' || next.is_ascii_alphabetic() {
                return true;
            }
            let k = skip_ws(b, e, hi);
            let c = at(b, k);
            k < hi
                && (c.is_ascii_uppercase() || matches!(c, b'o' | b'a' | b't' | b'u' | b'-' | 0xE2))
        }
        _ => false,
    }
}

/// [`DateFinder::month_at`] of the word at `s`, where a month trigger has
/// matched the letters `s..e` and no letter follows them: the word is the
/// name unless a digit follows, and its month the trigger's. Returns where
/// it ends in a date.
fn month_trigger_end(b: &[u8], s: usize, e: usize) -> Option<usize> {
    if !at(b, s).is_ascii_uppercase() || at(b, e).is_ascii_digit() {
        return None;
    }
    Some(month_end(b, (s, e)))
}

/// Where month name `w` ends in a date: an abbreviation takes its full
/// stop ("Jul.", "Sept.").
fn month_end(b: &[u8], w: (usize, usize)) -> usize {
    let abbrev = w.1 - w.0 <= 4 && !any(b, w, &["may", "june", "july"]);
    if abbrev && at(b, w.1) == b'.' {
        w.1 + 1
    } else {
        w.1
    }
}

/// [`DateFinder::day_number`] of the number read at `s..e`, of value `v`.
fn day_of_number(b: &[u8], s: usize, e: usize, v: u32, hi: usize) -> Option<(u32, usize)> {
    if e - s > 2 || !(1..=31).contains(&v) || is_number_tail(b, e) {
        return None;
    }
    let mut end = e;
    if at(b, e).is_ascii_alphabetic() {
        let w = word(b, e, hi)?;
        if w.0 != e || !any(b, w, &["st", "nd", "rd", "th"]) {
            return None;
        }
        end = w.1;
    }
    Some((v, end))
}

/// A four-digit year after blanks from `i`, not part of a longer number.
fn year(b: &[u8], i: usize, hi: usize) -> Option<(usize, i32)> {
    let (s, e, v) = number(b, i, hi)?;
    if e - s != 4
        || !(1000..=2999).contains(&v)
        || at(b, e).is_ascii_alphanumeric()
        || is_number_tail(b, e)
    {
        return None;
    }
    Some((e, v as i32))
}

/// Whether `core` names its own year, so that it needs no reference date.
fn is_absolute(core: &Core) -> bool {
    match core {
        Core::Abs(_) | Core::MonthDay(_, _, Some(_)) | Core::Holiday(_, Some(_)) => true,
        Core::Range(a, b) => is_absolute(a) && is_absolute(b),
        _ => false,
    }
}

/// Whether day `d` of month `m` exists (in year `y` if given; without a
/// year, 29 February may).
fn valid_day(m: u32, d: u32, y: Option<i32>) -> bool {
    d <= days_in_month(y.unwrap_or(2000), m)
}

/// Whether the number that ends at `e` goes on (`2,000`, `1.5`, `10%`,
/// `10:30`).
fn is_number_tail(b: &[u8], e: usize) -> bool {
    match at(b, e) {
        b',' | b'.' | b':' => at(b, e + 1).is_ascii_digit(),
        b'%' => true,
        _ => false,
    }
}

/// Whether `text` is `lower` (lower case) in any case, compared from the
/// end: a word that shares a pattern's first three letters, as every word
/// compared with it does, mostly parts from it at the pattern's last
/// letters ("that" and "thanksgiving", "Australian" and "australia day"),
/// so the end rules it out at once.
fn ends_first_eq(text: &[u8], lower: &[u8]) -> bool {
    text.len() == lower.len()
        && text
            .iter()
            .rev()
            .zip(lower.iter().rev())
            .all(|(t, l)| t.to_ascii_lowercase() == *l)
}

fn eq(b: &[u8], (s, e): (usize, usize), w: &str) -> bool {
    b.get(s..e)
        .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
}

fn any(b: &[u8], span: (usize, usize), ws: &[&str]) -> bool {
    ws.iter().any(|w| eq(b, span, w))
}

/// The given punctuation character after blanks from `i`.
fn punct(b: &[u8], i: usize, hi: usize, c: u8) -> Option<usize> {
    let s = skip_ws(b, i, hi);
    (s < hi && at(b, s) == c).then_some(s + 1)
}

/// A range separator after `i`: dashes (any run of hyphens, en and em
/// dashes), "to", "until", "through" or "till".
fn range_sep(b: &[u8], i: usize, hi: usize) -> Option<usize> {
    range_sep_before(b, i, hi, word(b, i, hi))
}

/// [`range_sep`] when the word after `i` is known: `next`, which is
/// `word(b, i, hi)`.
fn range_sep_before(b: &[u8], i: usize, hi: usize, next: Option<(usize, usize)>) -> Option<usize> {
    if let Some(w) = next {
        return any(b, w, &["to", "until", "through", "till"]).then_some(w.1);
    }
    let s = skip_ws(b, i, hi);
    let mut e = s;
    loop {
        if at(b, e) == b'-' && e < hi {
            e += 1;
        } else if at(b, e) == 0xE2
            && at(b, e + 1) == 0x80
            && matches!(at(b, e + 2), 0x93 | 0x94)
            && e + 2 < hi
        {
            e += 3;
        } else {
            break;
        }
    }
    (e > s).then_some(e)
}

/// Words that make a weekday part of a name ("Sunday Times").
const WEEKDAY_NAMES: &[&str] = &[
    "Times",
    "Telegraph",
    "Mirror",
    "Express",
    "Herald",
    "Post",
    "Mail",
    "Age",
    "Star",
    "Independent",
    "Observer",
    "Tribune",
    "School",
    "Bloody",
    "Night",
    "Morning",
    "Sport",
    "People",
    "Sun",
    "Business",
    "Island",
];

/// Nouns that make a number like a year a count ("2000 megawatts").
const COUNT_NOUNS: &[&str] = &[
    "megawatts",
    "people",
    "jobs",
    "personnel",
    "troops",
    "hectares",
    "tonnes",
    "tons",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "students",
    "homes",
    "households",
    "workers",
    "delegates",
    "participants",
    "officers",
    "staff",
    "beds",
    "places",
    "units",
    "patients",
    "children",
    "employees",
];

/// Nouns that make "today's" or "tomorrow's" mean an era, not a day.
const GENERIC_NOUNS: &[&str] = &[
    "wars",
    "problems",
    "solutions",
    "technologies",
    "industries",
    "workers",
    "challenges",
    "world",
    "economy",
    "society",
    "generation",
    "threats",
    "environment",
    "markets",
    "era",
    "youth",
    "children",
    "standards",
];

/// Whether a possessive "'s" or "’s" stands at `e`.
fn is_possessive(b: &[u8], e: usize) -> bool {
    (at(b, e) == b'\'' && at(b, e + 1) == b's' && !at(b, e + 2).is_ascii_alphabetic())
        || (b.get(e..e + 4) == Some("’s".as_bytes()) && !at(b, e + 4).is_ascii_alphabetic())
}

/// For items sorted by bucket (each below `buckets`), where each bucket's
/// items begin: entry `k` counts the items in buckets below `k`, and the
/// last counts them all.
fn bucket_starts(buckets_of: impl Iterator<Item = usize>, buckets: usize) -> Vec<u32> {
    let mut starts = vec![0u32; buckets + 1];
    for bucket in buckets_of {
        if let Some(n) = starts.get_mut(bucket + 1) {
            *n += 1;
        }
    }
    let mut total = 0;
    for start in &mut starts {
        total += *start;
        *start = total;
    }
    starts
}

/// The date vocabulary, looked up by the first two letters of a word: a
/// look-up folds two bytes and compares the word with the one or two
/// entries that share them, with no hashing and no lower-cased copy.
#[derive(Debug)]
struct WordTable {
    /// Every word (lower case) and its meaning, grouped by [`WordTable::slot`].
    entries: Vec<(Vec<u8>, Kind, i32)>,
    /// The entries of slot `k` are `entries[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
}

impl WordTable {
    /// Slots: a fold (`text::key_fold`) of each of a word's first two bytes.
    const SLOTS: usize = 27 * 27;

    /// The table of `words` (lower case, each once).
    fn new(words: FastMap<Vec<u8>, (Kind, i32)>) -> WordTable {
        let mut entries: Vec<(Vec<u8>, Kind, i32)> =
            words.into_iter().map(|(w, (k, v))| (w, k, v)).collect();
        // By slot, then by word: an order that does not hang on the map's.
        entries.sort_by(|a, c| (Self::slot(&a.0), &a.0).cmp(&(Self::slot(&c.0), &c.0)));
        let starts = bucket_starts(entries.iter().map(|(w, ..)| Self::slot(w)), Self::SLOTS);
        WordTable { entries, starts }
    }

    /// The slot of a word, by its first two bytes (a missing one folds as
    /// any other non-letter).
    #[inline]
    fn slot(w: &[u8]) -> usize {
        let fold = |k: usize| w.get(k).map_or(26, |&c| key_fold(c));
        fold(0) * 27 + fold(1)
    }

    /// The meaning of word `w`, in any case.
    #[inline]
    fn get(&self, w: &[u8]) -> Option<(Kind, i32)> {
        let slot = Self::slot(w);
        let first = *self.starts.get(slot)? as usize;
        let end = *self.starts.get(slot + 1)? as usize;
        self.entries
            .get(first..end)?
            .iter()
            .find(|(e, ..)| ends_first_eq(w, e))
            .map(|&(_, k, v)| (k, v))
    }
}

impl DateFinder {
    /// Builds the finder from the word and holiday tables.
    pub(crate) fn new() -> DateFinder {
        let mut words =
            FastMap::with_capacity_and_hasher(tables::room(tables::DATE_WORDS), Default::default());
        let mut patterns: Vec<String> = Vec::new();
        let mut triggers = Vec::new();
        for row in tables::rows(tables::DATE_WORDS) {
            let (Some(w), Some(k), Some(v)) = (row.first(), row.get(1), row.get(2)) else {
                continue;
            };
            let kind = match *k {
                "month" => Kind::Month,
                "weekday" => Kind::Weekday,
                "relday" => Kind::RelDay,
                "unit" => Kind::Unit,
                "season" => Kind::Season,
                "det" => Kind::Det,
                "mod" => Kind::Mod,
                "num" => Kind::Num,
                _ => Kind::Ordinal,
            };
            let v: i32 = v.parse().unwrap_or(0);
            words.insert(w.to_ascii_lowercase().into_bytes(), (kind, v));
            if matches!(
                kind,
                Kind::Month | Kind::Weekday | Kind::RelDay | Kind::Unit | Kind::Season
            ) {
                patterns.push(w.to_string());
                triggers.push(Trigger::Word(kind, v));
            }
        }
        for (w, t) in [
            ("ago", Trigger::Ago),
            ("financial", Trigger::Fiscal),
            ("fiscal", Trigger::Fiscal),
            ("fy", Trigger::Fy),
        ] {
            patterns.push(w.to_string());
            triggers.push(t);
        }
        for q in 1..=4u32 {
            patterns.push(format!("q{q}"));
            triggers.push(Trigger::Quarter(q));
        }
        let mut holidays = Vec::new();
        for row in tables::rows(tables::HOLIDAYS) {
            let (Some(name), Some(rule)) = (row.first(), row.get(1).and_then(|r| Rule::parse(r)))
            else {
                continue;
            };
            let i = holidays.len();
            holidays.push((name.to_string(), rule));
            patterns.push(name.to_string());
            triggers.push(Trigger::Holiday(i));
            if name.contains('\'') {
                patterns.push(name.replace('\'', "’"));
                triggers.push(Trigger::Holiday(i));
            }
        }
        // Longest first (a stable sort keeps the table order among equals).
        let mut triggers: Vec<(Vec<u8>, Trigger)> = patterns
            .iter()
            .map(|p| p.to_ascii_lowercase().into_bytes())
            .zip(triggers)
            .filter(|(p, _)| p.first().is_some_and(u8::is_ascii_alphabetic))
            .collect();
        triggers.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        // Keys whose words are walked in any case: those of one-word
        // patterns, and that of "day", which most holiday names end in.
        // (This set and the next two serve only here: at a bit a key, each
        // is 4 KB to zero, where a `KeySet` is 64 KB.)
        let mut walked = KeyBits::new();
        walked.insert(word_key(b"day", 0));
        for (p, _) in &triggers {
            let p = std::str::from_utf8(p).unwrap_or_default();
            if inner_words(p).next().is_none() {
                for key in prefix_keys(p.as_bytes()) {
                    walked.insert(key);
                }
            }
        }
        // The keys of words that could be walked: those above and every
        // key a pattern starts with.
        let mut starts = walked.clone();
        for (p, _) in &triggers {
            for key in prefix_keys(p) {
                starts.insert(key);
            }
        }
        // Each pattern's anchor: its first later word whose key is walked
        // and lies inside it, if no word before it could be walked (one
        // that starts with an ASCII letter and has no key above).
        let anchors: Vec<Option<usize>> = triggers
            .iter()
            .map(|(p, _)| {
                let text = std::str::from_utf8(p).unwrap_or_default();
                let anchor = inner_words(text)
                    .take_while(|&k| k + 3 <= p.len())
                    .find(|&k| walked.contains(word_key(p, k)))?;
                let quiet = inner_words(text).take_while(|&k| k < anchor).all(|k| {
                    let key = word_key(p, k);
                    key < 26 * 27 * 27 && !starts.contains(key)
                });
                quiet.then_some(anchor)
            })
            .collect();
        // Keys with a pattern that has no anchor: their words are walked.
        let mut unanchored = KeyBits::new();
        for ((p, _), anchor) in triggers.iter().zip(&anchors) {
            if anchor.is_none() {
                for key in prefix_keys(p) {
                    unanchored.insert(key);
                }
            }
        }
        // Every (key, trigger) pair, grouped by key, triggers in order: a
        // pattern is sought from its start unless every pattern of its key
        // has an anchor, and then from its anchor.
        let mut pairs: Vec<(usize, KeyTrigger)> = Vec::new();
        for (index, ((p, _), &anchor)) in triggers.iter().zip(&anchors).enumerate() {
            let first = p.first().copied().unwrap_or(0);
            // A two-character pattern ("q3") takes any third character.
            for key in prefix_keys(p) {
                let (key, offset) = match anchor {
                    Some(offset) if !unanchored.contains(key) => (word_key(p, offset), offset),
                    _ => (key, 0),
                };
                pairs.push((
                    key,
                    KeyTrigger {
                        index,
                        offset,
                        first,
                    },
                ));
            }
        }
        pairs.sort_unstable_by_key(|&(key, t)| (key, t.index));
        let mut may_trigger = KeySet::new();
        // A key's first letter counts in units of 27 * 27; 26 is any other byte.
        for key in 26 * 27 * 27..WORD_KEYS {
            may_trigger.insert(key);
        }
        let mut fourth = vec![0u32; WORD_KEYS];
        for &(key, KeyTrigger { index, offset, .. }) in &pairs {
            may_trigger.insert(key);
            let Some((p, _)) = triggers.get(index) else {
                continue;
            };
            // A pattern is matched whole (`parse`): after a three-byte one
            // comes anything but a letter; a shorter one says nothing of
            // the fourth byte, nor does an anchor that ends its pattern
            // (the whole pattern is read, longest first, as from its
            // start).
            let folds = match p.get(offset + 3) {
                Some(&c) => 1 << key_fold(c),
                None if p.len() == 3 && offset == 0 => 1 << 26,
                None => u32::MAX,
            };
            if let Some(mask) = fourth.get_mut(key) {
                *mask |= folds;
            }
        }
        let key_starts = bucket_starts(pairs.iter().map(|&(key, _)| key), WORD_KEYS);
        let by_key = pairs.into_iter().map(|(_, t)| t).collect();
        DateFinder {
            words: WordTable::new(words),
            triggers,
            by_key,
            key_starts,
            may_trigger,
            fourth,
            holidays,
        }
    }

    fn lookup(&self, b: &[u8], (s, e): (usize, usize)) -> Option<(Kind, i32)> {
        self.words.get(b.get(s..e)?)
    }

    fn kind(&self, b: &[u8], w: Option<(usize, usize)>, kind: Kind) -> Option<i32> {
        match self.lookup(b, w?) {
            Some((k, v)) if k == kind => Some(v),
            _ => None,
        }
    }

    /// A month name at `w` as it may stand in a date: capitalised, and an
    /// abbreviation takes its full stop. Returns the month and the end.
    fn month_at(&self, b: &[u8], w: Option<(usize, usize)>) -> Option<(u32, usize)> {
        let w = w?;
        // The case first: it rules out most words without a look-up.
        if !at(b, w.0).is_ascii_uppercase() {
            return None;
        }
        let m = self.kind(b, Some(w), Kind::Month)?;
        Some((m as u32, month_end(b, w)))
    }

    /// A day of the month after `i`: "23", "23rd". Returns day and end.
    fn day_number(&self, b: &[u8], i: usize, hi: usize) -> Option<(u32, usize)> {
        let (s, e, v) = number(b, i, hi)?;
        day_of_number(b, s, e, v, hi)
    }

    /// "July 23", "July 23, 2015", "July 1 2016" from the month word on.
    fn month_day(&self, b: &[u8], i: usize, hi: usize) -> Option<(Core, usize)> {
        let (m, e) = self.month_at(b, word(b, i, hi))?;
        self.day_after_month(b, m, e, hi)
    }

    /// The rest of [`DateFinder::month_day`] after month `m`, which ends
    /// at `e`.
    fn day_after_month(&self, b: &[u8], m: u32, e: usize, hi: usize) -> Option<(Core, usize)> {
        let (d, e) = self.day_number(b, e, hi)?;
        if (at(b, e) == b':' && at(b, e + 1).is_ascii_digit()) || at(b, skip_ws(b, e, hi)) == b'%' {
            return None;
        }
        let (y, e) = match year(b, punct(b, e, hi, b',').unwrap_or(e), hi) {
            Some((ye, y)) => (Some(y), ye),
            None => (None, e),
        };
        valid_day(m, d, y).then_some((Core::MonthDay(m, d, y), e))
    }

    /// "23 July 2015", "23rd of July", "22 February, 2009" from the number on.
    fn day_month(&self, b: &[u8], i: usize, hi: usize) -> Option<(Core, usize)> {
        let (d, e) = self.day_number(b, i, hi)?;
        self.month_after_day(b, d, word(b, e, hi), hi)
    }

    /// The rest of [`DateFinder::day_month`] after day `d`, from `w`, the
    /// word that follows the day.
    fn month_after_day(
        &self,
        b: &[u8],
        d: u32,
        mut w: Option<(usize, usize)>,
        hi: usize,
    ) -> Option<(Core, usize)> {
        if w.is_some_and(|w| eq(b, w, "of")) {
            w = w.and_then(|w| word(b, w.1, hi));
        }
        let (m, e) = self.month_at(b, w)?;
        let (y, e) = match year(b, punct(b, e, hi, b',').unwrap_or(e), hi) {
            Some((ye, y)) => (Some(y), ye),
            None => (None, e),
        };
        valid_day(m, d, y).then_some((Core::MonthDay(m, d, y), e))
    }

    /// After a first day-and-month, a second one ("to 1 November 2009",
    /// "-31 July 2019", "–-November 1, 2023", "-25, 2015"), making a range.
    fn day_range(
        &self,
        b: &[u8],
        first: Core,
        e: usize,
        hi: usize,
        day_first: bool,
    ) -> (Core, usize) {
        let Core::MonthDay(m1, d1, y1) = first else {
            return (first, e);
        };
        let Some(mut s) = range_sep(b, e, hi) else {
            return (first, e);
        };
        if let Some(y1) = y1 {
            // "13 December 2008 to 30 June 2009": two full dates, in order,
            // are one interval.
            let second = if day_first {
                self.day_month(b, s, hi)
            } else {
                self.month_day(b, s, hi)
            };
            return match second {
                Some((Core::MonthDay(m2, d2, Some(y2)), e2)) if (y1, m1, d1) < (y2, m2, d2) => (
                    Core::Range(
                        Box::new(Core::MonthDay(m1, d1, Some(y1))),
                        Box::new(Core::MonthDay(m2, d2, Some(y2))),
                    ),
                    e2,
                ),
                _ => (first, e),
            };
        }
        // "Wednesday 20 February to Tuesday 26 February 2008"
        if let Some(w) = word(b, s, hi).filter(|w| self.kind(b, Some(*w), Kind::Weekday).is_some())
        {
            s = punct(b, w.1, hi, b',').unwrap_or(w.1);
        }
        let second = if day_first {
            self.day_month(b, s, hi)
        } else {
            self.month_day(b, s, hi)
                .or_else(|| self.day_month(b, s, hi))
                .or_else(|| {
                    // "July 23-25, 2015": the second day in the same month.
                    let (d, e2) = self.day_number(b, s, hi)?;
                    let (y, e2) = match year(b, punct(b, e2, hi, b',').unwrap_or(e2), hi) {
                        Some((ye, y)) => (Some(y), ye),
                        None => (None, e2),
                    };
                    Some((Core::MonthDay(m1, d, y), e2))
                })
        };
        match second {
            Some((Core::MonthDay(m2, d2, y2), e2)) => {
                let y1 = y2.map(|y| if m1 > m2 { y - 1 } else { y });
                (
                    Core::Range(
                        Box::new(Core::MonthDay(m1, d1, y1)),
                        Box::new(Core::MonthDay(m2, d2, y2)),
                    ),
                    e2,
                )
            }
            _ => (first, e),
        }
    }

    /// A year range or financial year after a four-digit year ending at `e`:
    /// "2015-16", "2003/04", "2023-2026", "2004 to 2009".
    fn year_tail(&self, b: &[u8], y: i32, e: usize, hi: usize) -> Option<(Core, usize)> {
        let c = at(b, e);
        let dash = at(b, e) == 0xE2 && at(b, e + 1) == 0x80 && at(b, e + 2) == 0x93;
        if c == b'-' || c == b'/' || dash {
            let s = if dash { e + 3 } else { e + 1 };
            if let Some((ns, ne, v)) = number(b, s, hi) {
                if ns == s && !at(b, ne).is_ascii_alphanumeric() && !is_number_tail(b, ne) {
                    if ne - ns == 2 && v as i32 == (y + 1) % 100 {
                        let iv = DateValue::Interval(
                            Box::new(DateValue::Year(y)),
                            Box::new(DateValue::Year(y + 1)),
                        );
                        return Some((Core::Abs(iv), ne));
                    }
                    if ne - ns == 4 && (y + 1..=y + 100).contains(&(v as i32)) && c != b'/' {
                        let iv = DateValue::Interval(
                            Box::new(DateValue::Year(y)),
                            Box::new(DateValue::Year(v as i32)),
                        );
                        return Some((Core::Abs(iv), ne));
                    }
                }
            }
        }
        let next = word(b, e, hi);
        // "2000 - 2005", "(1968 – 1971)": spaced dashes take four digits.
        // Only when no word follows: a dash, not a range word, joins two
        // bare years.
        if let Some(x) = next
            .is_none()
            .then(|| range_sep_before(b, e, hi, None))
            .flatten()
        {
            if let Some((ye, y2)) = year(b, x, hi) {
                if (y + 1..=y + 100).contains(&y2) {
                    let iv = DateValue::Interval(
                        Box::new(DateValue::Year(y)),
                        Box::new(DateValue::Year(y2)),
                    );
                    return Some((Core::Abs(iv), ye));
                }
            }
        }
        let w = next?;
        if any(b, w, &["to", "until", "through"]) {
            // "from 1992 until July 2005": a month may name the end.
            let month = self.month_at(b, word(b, w.1, hi));
            let (ye, y2) = year(b, month.map_or(w.1, |(_, me)| me), hi)?;
            if (y + 1..=y + 100).contains(&y2) {
                let end = match month {
                    Some((m, _)) => DateValue::Month { year: y2, month: m },
                    None => DateValue::Year(y2),
                };
                let iv = DateValue::Interval(Box::new(DateValue::Year(y)), Box::new(end));
                return Some((Core::Abs(iv), ye));
            }
        }
        None
    }

    /// A number trigger at `s`, where [`number_may_start`] holds (the scan
    /// makes no trigger of any other number).
    fn at_number(&self, b: &[u8], s: usize, hi: usize) -> Option<(usize, Core, usize)> {
        let p = before(b, s);
        let (_, e, v) = number(b, s, hi)?;
        if let Some(found) = self.slash_date(b, s, e, v, hi) {
            return Some(found);
        }
        if e - s == 4 {
            let y = v as i32;
            // ISO 8601: 2015-07-23.
            if at(b, e) == b'-' {
                if let (Some((ms, me, m)), true) = (number(b, e + 1, hi), true) {
                    if ms == e + 1 && me - ms == 2 && at(b, me) == b'-' {
                        if let Some((ds, de, d)) = number(b, me + 1, hi) {
                            if ds == me + 1 && de - ds == 2 && !at(b, de).is_ascii_alphanumeric() {
                                return Some((
                                    s,
                                    Core::Abs(DateValue::Day(Date::new(y, m, d)?)),
                                    de,
                                ));
                            }
                        }
                    }
                }
            }
            if !(1000..=2999).contains(&v) || is_number_tail(b, e) {
                return None;
            }
            if let Some((core, e2)) = self.year_tail(b, y, e, hi) {
                return Some((s, core, e2));
            }
            // Decades: 1990s, 1990's.
            if y % 10 == 0 {
                let e2 = if at(b, e) == b's' {
                    Some(e + 1)
                } else if at(b, e) == b'\'' && at(b, e + 1) == b's' {
                    Some(e + 2)
                } else {
                    None
                };
                if let Some(e2) = e2.filter(|&e2| !at(b, e2).is_ascii_alphanumeric()) {
                    // "the 1990s" keeps its article, and so do "the early
                    // 1990s" and "the mid-1990s".
                    let mut start = s;
                    if s >= 4
                        && b.get(s - 4..s)
                            .is_some_and(|x| x.eq_ignore_ascii_case(b"mid-"))
                    {
                        start = s - 4;
                    } else if let Some(w) =
                        word_back(b, s, 0).filter(|w| any(b, *w, &["early", "mid", "late"]))
                    {
                        start = w.0;
                    }
                    if let Some(w) = word_back(b, start, 0).filter(|w| eq(b, *w, "the")) {
                        start = w.0;
                    }
                    return Some((start, Core::Abs(DateValue::Decade(y / 10)), e2));
                }
            }
            if at(b, e).is_ascii_alphabetic() || !(1900..=2100).contains(&v) {
                return None;
            }
            // "adding 2000 megawatts" is a count ("pre-1978 homes" is not).
            let next = word(b, e, hi);
            if next.is_some_and(|n| any(b, n, COUNT_NOUNS)) && p != b'-' {
                return None;
            }
            // "more than 2000 personnel" is a count; "no later than 2050."
            // and "expected around 2012." are years.
            let noun_follows = next.is_some_and(|n| {
                at(b, n.0).is_ascii_lowercase()
                    && !any(b, n, &["and", "or", "to", "levels", "when", "as"])
            });
            let prev = word_back(b, s, 0);
            if noun_follows
                && prev.is_some_and(|p| {
                    any(
                        b,
                        p,
                        &[
                            "than",
                            "approximately",
                            "nearly",
                            "almost",
                            "about",
                            "around",
                            "roughly",
                            "some",
                        ],
                    )
                })
            {
                return None;
            }
            return Some((s, Core::Abs(DateValue::Year(y)), e));
        }
        // The day and the word after it are read once for every reading
        // below: most numbers are no day, or have no month after them.
        let (d1, e1) = day_of_number(b, s, e, v, hi)?;
        let next = word(b, e1, hi);
        let (core, e) = self.month_after_day(b, d1, next, hi).or_else(|| {
            // "25 and 26 May": two days of one month.
            if let Some(and) = next.filter(|w| eq(b, *w, "and")) {
                if let Some((Core::MonthDay(m, _, y), _)) = self.day_month(b, and.1, hi) {
                    return valid_day(m, d1, y).then_some((Core::MonthDay(m, d1, y), e1));
                }
            }
            // "30-31 July 2019": a day range in one month.
            let sep = range_sep_before(b, e1, hi, next)?;
            match self.day_month(b, sep, hi)? {
                (Core::MonthDay(m, d2, y), e2) => {
                    let r = Core::Range(
                        Box::new(Core::MonthDay(m, d1, y)),
                        Box::new(Core::MonthDay(m, d2, y)),
                    );
                    Some((r, e2))
                }
                _ => None,
            }
        })?;
        let (core, e) = self.day_range(b, core, e, hi, true);
        Some((s, core, e))
    }

    /// "last year", "this year", "next year" after an optional comma and
    /// "of", from `e`: the offset and the end.
    fn rel_year_tail(&self, b: &[u8], e: usize, hi: usize) -> Option<(i64, usize)> {
        let i = punct(b, e, hi, b',').unwrap_or(e);
        let mut w = word(b, i, hi)?;
        if eq(b, w, "of") {
            w = word(b, w.1, hi)?;
        }
        let off = if eq(b, w, "this") {
            0
        } else if eq(b, w, "last") {
            -1
        } else if eq(b, w, "next") {
            1
        } else {
            return None;
        };
        let y = word(b, w.1, hi).filter(|y| eq(b, *y, "year"))?;
        // "in May last year's figures" is another phrase.
        if is_possessive(b, y.1) {
            return None;
        }
        Some((off, y.1))
    }

    /// The year of month `m` (ending at `e`) that a list of months ending
    /// in a year gives it: "October and November 2010", "December,
    /// January and February 2017" (the months run on, so December is
    /// 2016's).
    fn list_year(&self, b: &[u8], m: u32, e: usize, hi: usize) -> Option<i32> {
        let mut months = vec![m];
        let mut i = e;
        for _ in 0..6 {
            let mut j = punct(b, i, hi, b',').unwrap_or(i);
            let w = word(b, j, hi)?;
            if any(b, w, &["and", "or"]) {
                j = w.1;
            } else if j == i {
                return None;
            }
            let (m2, e2) = self.month_at(b, word(b, j, hi))?;
            months.push(m2);
            if let Some((_, y)) = year(b, e2, hi) {
                // Back from the last month: a later month before an
                // earlier one means the year before.
                let mut y = y;
                for pair in months.windows(2).rev() {
                    if let [a, c] = pair {
                        if a > c {
                            y -= 1;
                        }
                    }
                }
                return Some(y);
            }
            i = e2;
        }
        None
    }

    /// The formal date of proclamations and treaties, from the month
    /// (`s..e`) on: "sixth day of March, in the year of our Lord two
    /// thousand twenty-five", "28th day of October, two thousand and
    /// twenty-five", "26th day of April, 2023".
    fn day_of_month(
        &self,
        b: &[u8],
        s: usize,
        m: u32,
        e: usize,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        let of = word_back(b, s, lo).filter(|w| eq(b, *w, "of"))?;
        let day = word_back(b, of.0, lo).filter(|w| eq(b, *w, "day"))?;
        let (start, d) = ordinal_before(b, day.0, lo)?;
        let mut i = punct(b, e, hi, b',').unwrap_or(e);
        // "in the year of our Lord"
        let mut j = i;
        for w in ["in", "the", "year", "of", "our", "Lord"] {
            match word(b, j, hi) {
                Some(x) if eq(b, x, w) => j = x.1,
                _ => {
                    j = i;
                    break;
                }
            }
        }
        i = j;
        let (y, ye) = match year(b, i, hi) {
            Some((ye, y)) => (Some(y), ye),
            None => match year_words(b, i, hi) {
                Some((y, ye)) => (Some(y), ye),
                None => (None, e),
            },
        };
        valid_day(m, d, y).then_some((start, Core::MonthDay(m, d, y), ye))
    }

    /// A numeric date, month first as in the US ("05/02/2024", "3/21/23"),
    /// or day first when the first number cannot be a month ("21/3/2023"),
    /// from its first number (`s..e`, value `v`).
    fn slash_date(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        v: u32,
        hi: usize,
    ) -> Option<(usize, Core, usize)> {
        if e - s > 2 || at(b, e) != b'/' {
            return None;
        }
        let (_, e2, v2) = number(b, e + 1, hi).filter(|x| x.0 == e + 1 && x.1 - x.0 <= 2)?;
        if at(b, e2) != b'/' {
            return None;
        }
        let (s3, e3, v3) = number(b, e2 + 1, hi).filter(|x| x.0 == e2 + 1)?;
        if at(b, e3).is_ascii_alphanumeric() || at(b, e3) == b'/' || is_number_tail(b, e3) {
            return None;
        }
        let y = match e3 - s3 {
            4 => v3 as i32,
            2 if v3 < 70 => 2000 + v3 as i32,
            2 => 1900 + v3 as i32,
            _ => return None,
        };
        let (m, d) = if v > 12 { (v2, v) } else { (v, v2) };
        Date::new(y, m, d)?;
        Some((s, Core::MonthDay(m, d, Some(y)), e3))
    }

    /// A month trigger: the name of month `m` at `s..e`, a whole word.
    fn at_month(
        &self,
        b: &[u8],
        (s, e, m): (usize, usize, u32),
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        let e = month_trigger_end(b, s, e)?;
        if let Some((core, e)) = self.day_after_month(b, m, e, hi) {
            let (core, e) = self.day_range(b, core, e, hi, false);
            return Some((s, core, e));
        }
        if let Some(found) = self.day_of_month(b, s, m, e, hi, lo) {
            return Some(found);
        }
        let of = word(b, e, hi).filter(|w| eq(b, *w, "of"));
        if let Some((ye, y)) = year(b, of.map_or(e, |w| w.1), hi) {
            // "July 2003 to December 2004"
            if let Some(sep) = range_sep(b, ye, hi) {
                if let Some((m2, e2)) = self.month_at(b, word(b, sep, hi)) {
                    if let Some((ye2, y2)) = year(b, e2, hi) {
                        let iv = DateValue::Interval(
                            Box::new(DateValue::Month { year: y, month: m }),
                            Box::new(DateValue::Month {
                                year: y2,
                                month: m2,
                            }),
                        );
                        return Some((s, Core::Abs(iv), ye2));
                    }
                }
            }
            return Some((s, Core::Abs(DateValue::Month { year: y, month: m }), ye));
        }
        // "March for Life", "the third week of March each year": a name or
        // a recurrence.
        if let Some(n) = word(b, e, hi) {
            if (eq(b, n, "for")
                && word(b, n.1, hi).is_some_and(|w| at(b, w.0).is_ascii_uppercase()))
                || (any(b, n, &["each", "every"])
                    && word(b, n.1, hi).is_some_and(|w| eq(b, w, "year")))
            {
                return None;
            }
        }
        // "December last year", "July of this year".
        if let Some((off, e2)) = self.rel_year_tail(b, e, hi) {
            return Some((s, Core::OfRelYear(Box::new(Core::Month(m)), off), e2));
        }
        // A month whose year comes with the next one: "April to August
        // 2017", "May-June 2012", "March/April 2014" (periods), "October
        // and November 2010" (two dates).
        if m != 5 || at(b, s).is_ascii_uppercase() {
            let slash = punct(b, e, hi, b'/').filter(|&x| x == e + 1);
            if let Some(x) = slash.or_else(|| range_sep(b, e, hi)) {
                if let Some((m2, e2)) = self.month_at(b, word(b, x, hi)) {
                    if let Some((ye2, y2)) = year(b, e2, hi) {
                        let y1 = if m > m2 { y2 - 1 } else { y2 };
                        let iv = DateValue::Interval(
                            Box::new(DateValue::Month { year: y1, month: m }),
                            Box::new(DateValue::Month {
                                year: y2,
                                month: m2,
                            }),
                        );
                        return Some((s, Core::Abs(iv), ye2));
                    }
                }
            }
            if let Some(y) = self.list_year(b, m, e, hi) {
                return Some((s, Core::Abs(DateValue::Month { year: y, month: m }), e));
            }
        }
        // A bare month must read as a time: "in June", "this July", "the
        // end of September"; never the modal "may" or the verb "march".
        let mut alpha_end = s;
        while at(b, alpha_end).is_ascii_alphabetic() {
            alpha_end += 1;
        }
        if alpha_end - s <= 4 && !any(b, (s, alpha_end), &["may", "june", "july"]) {
            // A bare abbreviation ("Jun.") is too weak a sign.
            return None;
        }
        // The next item of a list of months: "December, January and February".
        // (Read back past `lo`: the month before may be a mention already.)
        let j = skip_ws_back(b, s, 0);
        let listed = if before(b, j) == b',' {
            Some(j - 1)
        } else {
            word_back(b, s, 0)
                .filter(|w| any(b, *w, &["and", "or"]))
                .map(|w| w.0)
        };
        if let Some(k) = listed {
            let k = if before(b, skip_ws_back(b, k, 0)) == b',' {
                skip_ws_back(b, k, 0) - 1
            } else {
                k
            };
            if word_back(b, k, 0).is_some_and(|w| self.month_at(b, Some(w)).is_some()) && m != 5 {
                return Some((s, Core::ListedMonth(m), e));
            }
        }
        // "mid-October": the modifier joins the month.
        if s >= lo + 4
            && b.get(s - 4..s)
                .is_some_and(|x| x.eq_ignore_ascii_case(b"mid-"))
        {
            return Some((s, Core::Month(m), e));
        }
        let (ps, pe) = word_back(b, s, lo)?;
        let p = (ps, pe);
        // "this past June": the latest June before now.
        if eq(b, p, "past") {
            let this = word_back(b, ps, lo).filter(|w| eq(b, *w, "this"))?;
            return Some((this.0, Core::Rel(MONTH * 100 + m as i32, -1), e));
        }
        let ok = any(
            b,
            p,
            &[
                "in",
                "of",
                "since",
                "until",
                "till",
                "by",
                "during",
                "from",
                "before",
                "after",
                "early",
                "mid",
                "late",
                "the",
                "throughout",
                "through",
                "between",
                "to",
                "its",
                "their",
                "our",
                "his",
                "her",
            ],
        ) || self.kind(b, Some(p), Kind::Det).is_some();
        if !ok {
            return None;
        }
        if m == 5
            && !any(
                b,
                p,
                &[
                    "in",
                    "of",
                    "since",
                    "until",
                    "from",
                    "during",
                    "before",
                    "after",
                    "early",
                    "late",
                    "mid",
                    "through",
                    "throughout",
                    "this",
                    "last",
                    "next",
                ],
            )
        {
            return None;
        }
        match self.kind(b, Some(p), Kind::Det) {
            Some(d) if !eq(b, p, "current") => {
                let core = Core::Rel(MONTH * 100 + m as i32, i64::from(d - 100));
                Some((ps, core, e))
            }
            _ => Some((s, Core::Month(m), e)),
        }
    }

    /// A weekday trigger.
    fn at_weekday(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        wd: u32,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        if !at(b, s).is_ascii_uppercase() {
            return None;
        }
        let after = punct(b, e, hi, b',').unwrap_or(e);
        if let Some((core, e2)) = self.month_day(b, after, hi) {
            let (core, e2) = self.day_range(b, core, e2, hi, false);
            return Some((s, core, e2));
        }
        if let Some((core, e2)) = self.day_month(b, after, hi) {
            let (core, e2) = self.day_range(b, core, e2, hi, true);
            return Some((s, core, e2));
        }
        // "Saturday 8 and Sunday 9 September": the month comes later.
        if let Some((d, de)) = self.day_number(b, after, hi) {
            if let Some(and) = word(b, de, hi).filter(|w| any(b, *w, &["and", "or"])) {
                let mut s2 = and.1;
                if let Some(w2) =
                    word(b, s2, hi).filter(|w| self.kind(b, Some(*w), Kind::Weekday).is_some())
                {
                    s2 = punct(b, w2.1, hi, b',').unwrap_or(w2.1);
                }
                if let Some((Core::MonthDay(m, _, y), _)) = self.day_month(b, s2, hi) {
                    if valid_day(m, d, y) {
                        return Some((s, Core::MonthDay(m, d, y), de));
                    }
                }
            }
        }
        let prev = word_back(b, s, lo);
        if prev.is_some_and(|p| {
            any(
                b,
                p,
                &[
                    "every", "each", "Good", "Black", "Super", "Ash", "Easter", "Cyber", "a",
                    "any", "Bloody",
                ],
            )
        }) {
            return None;
        }
        // "Monday to Friday": opening hours, not a day.
        let weekday_word = |w: Option<(usize, usize)>| self.kind(b, w, Kind::Weekday).is_some();
        let next = word(b, e, hi);
        if next.is_some_and(|n| any(b, n, &["to", "through"]))
            && weekday_word(next.and_then(|n| word(b, n.1, hi)))
        {
            return None;
        }
        if prev.is_some_and(|p| any(b, p, &["to", "through"]))
            && weekday_word(prev.and_then(|p| word_back(b, p.0, 0)))
        {
            return None;
        }
        // "Sunday Times", "Sunday Telegraph": a weekday inside a name.
        if let Some(n) = word(b, e, hi) {
            if n.0 == skip_ws(b, e, hi)
                && at(b, n.0).is_ascii_uppercase()
                && self.kind(b, Some(n), Kind::Month).is_none()
            {
                // "On Monday President Biden signed" is a date; "the Sunday
                // Times" and "Sunday Telegraph" are names.
                let gap = b.get(e..n.0).unwrap_or_default();
                let name = prev.is_some_and(|p| eq(b, p, "the")) || any(b, n, WEEKDAY_NAMES);
                if name && !gap.is_empty() && gap.iter().all(|&c| c == b' ') {
                    return None;
                }
            }
        }
        match prev.map(|p| (p, self.kind(b, Some(p), Kind::Det))) {
            Some((p, Some(d))) if !eq(b, p, "current") && !eq(b, p, "following") => {
                let mode = match d {
                    101 => 1,
                    99 => -1,
                    _ => 2,
                };
                Some((p.0, Core::Weekday(wd, mode), e))
            }
            _ => Some((s, Core::Weekday(wd, 0), e)),
        }
    }

    /// A relative-day trigger: today, tonight, tomorrow, yesterday.
    fn at_relday(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        off: i32,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        let prev = word_back(b, s, lo);
        // "USA Today", the newspaper.
        if prev.is_some_and(|p| b.get(p.0..p.1) == Some(b"USA".as_slice())) && off == 0 {
            return None;
        }
        let start = match prev {
            Some(p) if any(b, p, &["earlier", "later"]) => p.0,
            _ => s,
        };
        if off != 0 && is_possessive(b, e) {
            // "tomorrow's potential", "yesterday's world": no particular day.
            let n = word(b, e + if at(b, e) == b'\'' { 2 } else { 4 }, hi);
            if n.is_some_and(|n| {
                any(b, n, GENERIC_NOUNS)
                    || any(b, n, &["potential", "leaders", "workforce", "jobs"])
            }) {
                return None;
            }
        }
        if off == 0 && eq(b, (s, e), "today") && self.generic_today(b, s, e, prev, hi) {
            return Some((start, Core::Present, e));
        }
        Some((start, Core::RelDay(i64::from(off)), e))
    }

    /// Whether "today" at `s..e` means "nowadays": "today's challenges",
    /// "the market today", "stronger today than ever", "Today, NATO is".
    /// `prev` is the word before it.
    fn generic_today(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        prev: Option<(usize, usize)>,
        hi: usize,
    ) -> bool {
        if is_possessive(b, e) {
            let n = word(b, e + if at(b, e) == b'\'' { 2 } else { 4 }, hi);
            return n.is_some_and(|n| any(b, n, GENERIC_NOUNS));
        }
        if prev.is_some_and(|p| {
            any(
                b,
                p,
                &[
                    "market", "markets", "world", "economy", "society", "certain", "true",
                    "relevant", "percent",
                ],
            )
        }) {
            return true;
        }
        let next = word(b, e, hi);
        if next.is_some_and(|n| eq(b, n, "than")) {
            return true;
        }
        // "support for Ukraine today and in the future".
        let and_future = next
            .filter(|w| eq(b, *w, "and"))
            .and_then(|w| word(b, w.1, hi))
            .filter(|w| any(b, *w, &["in", "into"]))
            .and_then(|w| word(b, w.1, hi))
            .filter(|w| eq(b, *w, "the"))
            .and_then(|w| word(b, w.1, hi))
            .is_some_and(|w| eq(b, w, "future"));
        if and_future {
            return true;
        }
        // "Today, X is/are ...": a present state, not the day's news.
        if at(b, e) == b',' && prev.is_none_or(|p| p.1 + 4 < s) {
            let mut i = e + 1;
            for _ in 0..5 {
                let Some(w) = word(b, i, hi) else { break };
                if any(b, w, &["is", "are"]) {
                    // "Today, NATO is larger" is a state; "Today, the
                    // Administration is (also) announcing" is the day's news.
                    let mut n = word(b, w.1, hi);
                    // "is also", "is proudly".
                    if n.is_some_and(|n| {
                        any(b, n, &["also", "now"])
                            || b.get(n.0..n.1)
                                .is_some_and(|x| x.len() > 4 && x.ends_with(b"ly"))
                    }) {
                        n = n.and_then(|n| word(b, n.1, hi));
                    }
                    // "is announcing", "are reminded": the day's news.
                    let progressive = n.is_some_and(|n| {
                        let x = b.get(n.0..n.1).unwrap_or_default();
                        x.len() > 4 && (x.ends_with(b"ing") || x.ends_with(b"ed"))
                    });
                    return n.is_some() && !progressive;
                }
                i = w.1;
                while i < hi && matches!(at(b, i), b',' | b'(' | b')') {
                    i += 1;
                }
            }
        }
        false
    }

    /// A unit trigger: week, month, quarter, year, decade, half.
    fn at_unit(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        unit: i32,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        let prev = word_back(b, s, lo);
        // The word after, read only where a test needs it.
        let next = || word(b, e, hi);
        // "year end", "year-end"
        if unit == YEAR {
            if at(b, e) == b'-'
                && word(b, e + 1, hi).is_some_and(|w| w.0 == e + 1 && eq(b, w, "end"))
            {
                return Some((s, Core::Rel(YEAR, 0), e + 4));
            }
            if prev.is_some_and(|p| any(b, p, &["by", "at", "before", "until"])) {
                if let Some(n) = next().filter(|n| eq(b, *n, "end")) {
                    return Some((s, Core::Rel(YEAR, 0), n.1));
                }
            }
        }
        // "the first quarter of 2021", "the second half of 2020"
        // (The ordinal is looked up for those two units only.)
        let ordinal = || self.kind(b, prev, Kind::Ordinal).zip(prev);
        if let Some((n, p)) = (unit == QUARTER || unit == HALF).then(ordinal).flatten() {
            let start = word_back(b, p.0, lo)
                .filter(|w| eq(b, *w, "the"))
                .map_or(p.0, |w| w.0);
            if let Some(of) = next().filter(|w| eq(b, *w, "of")) {
                if let Some((ye, y)) = year(b, of.1, hi) {
                    let v = if unit == QUARTER {
                        DateValue::Quarter {
                            year: y,
                            quarter: n as u32,
                        }
                    } else {
                        DateValue::Half {
                            year: y,
                            half: n as u32,
                        }
                    };
                    return Some((start, Core::Abs(v), ye));
                }
            }
            if unit == HALF {
                // "The first half ended 0-0": a half needs its year.
                return None;
            }
            return Some((start, Core::PartOfYear(unit, n as u32), e));
        }
        if unit == HALF {
            return None;
        }
        // "in this critical decade": a word of weight between "this" and
        // its unit.
        if let Some(this) = prev
            .filter(|p| any(b, *p, &["critical", "crucial", "decisive", "pivotal"]))
            .and_then(|p| word_back(b, p.0, lo))
            .filter(|w| eq(b, *w, "this"))
        {
            return Some((this.0, Core::Rel(unit, 0), e));
        }
        let p = prev?;
        if let Some(d) = self.kind(b, Some(p), Kind::Det) {
            let pp = word_back(b, p.0, lo);
            let the = pp.is_some_and(|w| eq(b, w, "the"));
            let mut start = p.0;
            // "up 5% on the previous year": the year before this one.
            let compared = eq(b, p, "previous")
                && pp
                    .and_then(|w| word_back(b, w.0, lo))
                    .is_some_and(|w| any(b, w, &["to", "from", "on", "than", "with", "of"]));
            if compared {
                return Some((pp.map_or(start, |w| w.0), Core::Previous(unit), e));
            }
            if (d == 99 || eq(b, p, "next")) && the {
                // "the last year", "over the next year": durations.
                return None;
            }
            if eq(b, p, "following") || eq(b, p, "coming") {
                if !the {
                    return None;
                }
                // "over the coming year": a duration.
                let ppp = pp.and_then(|w| word_back(b, w.0, lo));
                if eq(b, p, "coming")
                    && ppp.is_some_and(|w| any(b, w, &["over", "for", "throughout", "during"]))
                {
                    return None;
                }
                start = pp.map_or(start, |w| w.0);
            }
            if eq(b, p, "current") {
                if let Some(w) = pp.filter(|w| eq(b, *w, "this")) {
                    start = w.0;
                } else if the {
                    start = pp.map_or(start, |w| w.0);
                }
            }
            return Some((start, Core::Rel(unit, i64::from(d - 100)), e));
        }
        if eq(b, p, "the") {
            // "the year before" stands alone; "the week before I was" and
            // "the decade after Congress passed" count from another event.
            let alone = |n: (usize, usize)| word(b, n.1, hi).is_none();
            if let Some(n) = next() {
                if eq(b, n, "before") && alone(n) {
                    return Some((p.0, Core::Rel(unit, -1), n.1));
                }
                if eq(b, n, "after") && alone(n) {
                    return Some((p.0, Core::Rel(unit, 1), n.1));
                }
            }
            // "later in the year", "earlier in the month".
            if unit != DECADE {
                if let Some(m) = word_back(b, p.0, lo)
                    .filter(|w| eq(b, *w, "in"))
                    .and_then(|w| word_back(b, w.0, lo))
                    .filter(|w| any(b, *w, &["later", "earlier", "early", "late"]))
                {
                    return Some((m.0, Core::Rel(unit, 0), e));
                }
            }
            let of = word_back(b, p.0, lo).filter(|w| eq(b, *w, "of"))?;
            let head = word_back(b, of.0, lo)?;
            if any(
                b,
                head,
                &["end", "beginning", "start", "middle", "close", "turn"],
            ) {
                return Some((p.0, Core::Rel(unit, 0), e));
            }
        }
        None
    }

    /// A season trigger: "this summer", "autumn 2014", "the summer of 2020".
    fn at_season(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        v: i32,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        let season = match v {
            1 => Season::Spring,
            2 => Season::Summer,
            3 => Season::Fall,
            _ => Season::Winter,
        };
        let of = word(b, e, hi).filter(|w| eq(b, *w, "of"));
        if let Some((ye, y)) = year(b, of.map_or(e, |w| w.1), hi) {
            return Some((s, Core::Abs(DateValue::Season { year: y, season }), ye));
        }
        // "the autumn of last year", "summer this year".
        if let Some((off, e2)) = self.rel_year_tail(b, e, hi) {
            let start = word_back(b, s, lo)
                .filter(|w| eq(b, *w, "the"))
                .map_or(s, |w| w.0);
            return Some((
                start,
                Core::OfRelYear(Box::new(Core::Season(season, 0)), off),
                e2,
            ));
        }
        let p = word_back(b, s, lo)?;
        let d = self.kind(b, Some(p), Kind::Det)?;
        if word_back(b, p.0, lo).is_some_and(|w| eq(b, w, "the")) && d == 99 {
            return None;
        }
        Some((p.0, Core::Season(season, i64::from(d - 100)), e))
    }

    /// "a year ago", "ten years ago", "24 hours ago", "75 years ago today".
    fn at_ago(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        let u = word_back(b, s, lo)?;
        let unit_word = b.get(u.0..u.1)?.to_ascii_lowercase();
        let unit_word = unit_word.strip_suffix(b"s").unwrap_or(&unit_word);
        let unit = match unit_word {
            b"hour" => 0,
            b"day" => DAY,
            b"week" => WEEK,
            b"month" => MONTH,
            b"year" => YEAR,
            b"decade" => DECADE,
            _ => return None,
        };
        let ns = skip_ws_back(b, u.0, lo);
        // "[Ten] years ago": an editor's brackets around the number.
        let bracketed = ns > lo && before(b, ns) == b']';
        let ns = if bracketed { ns - 1 } else { ns };
        let mut i = ns;
        while i > lo && before(b, i).is_ascii_digit() {
            i -= 1;
        }
        let (start, n) = if i < ns {
            let v: i64 = std::str::from_utf8(b.get(i..ns)?).ok()?.parse().ok()?;
            (i, v)
        } else {
            let w = word_back(b, ns, lo)?;
            if any(b, w, &["a", "an"]) {
                (w.0, 1)
            } else {
                let n = self
                    .kind(b, Some(w), Kind::Num)
                    .map(|n| n as u32)
                    .or_else(|| table_value(b, w, NUMBER_WORDS))?;
                // "fifty-four years ago"
                let tens = (before(b, w.0) == b'-')
                    .then(|| word_back(b, w.0 - 1, lo))
                    .flatten()
                    .filter(|t| t.1 == w.0 - 1)
                    .and_then(|t| Some((t, table_value(b, t, NUMBER_WORDS)?)))
                    .filter(|&(_, t)| t >= 20 && t % 10 == 0 && n < 10);
                match tens {
                    Some((t, tv)) => (t.0, i64::from(tv + n)),
                    None => (w.0, i64::from(n)),
                }
            }
        };
        let start = match bracketed {
            true if start > lo && before(b, start) == b'[' => start - 1,
            true => return None,
            false => start,
        };
        if unit == YEAR {
            if let Some(t) = word(b, e, hi).filter(|w| eq(b, *w, "today")) {
                return Some((start, Core::YearsAgoToday(n), t.1));
            }
        }
        let core = match unit {
            0 => Core::RelDay(-((n + 23) / 24)),
            DAY => Core::RelDay(-n),
            u => Core::Rel(u, -n),
        };
        Some((start, core, e))
    }

    /// "financial year", "fiscal year 2024", "this financial year".
    fn at_fiscal(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        let y = word(b, e, hi).filter(|w| eq(b, *w, "year"))?;
        if let Some((ns, ne, v)) = number(b, y.1, hi) {
            if ne - ns == 4 {
                if let Some((core, e2)) = self.year_tail(b, v as i32, ne, hi) {
                    return Some((s, core, e2));
                }
                if !at(b, ne).is_ascii_alphanumeric() && !is_number_tail(b, ne) {
                    return Some((s, Core::Abs(DateValue::Year(v as i32)), ne));
                }
            }
        }
        let mut p = word_back(b, s, lo)?;
        let mut d = self.kind(b, Some(p), Kind::Det)?;
        if eq(b, p, "current") {
            if let Some(w) = word_back(b, p.0, lo).filter(|w| eq(b, *w, "this") || eq(b, *w, "the"))
            {
                p = w;
                d = 100;
            }
        }
        if word_back(b, p.0, lo).is_some_and(|w| eq(b, w, "the")) && d == 99 {
            return None;
        }
        // A "fiscal year" is the US federal one, named by the year it ends
        // in; a "financial year" runs July to June (Australia).
        let us = eq(b, (s, e), "fiscal");
        Some((p.0, Core::RelFiscal(i64::from(d - 100), us), y.1))
    }

    /// "FY 2022", "FY2022", "FY22", "FY 2008 – FY 2020", "FY2015-16".
    fn at_fy(&self, b: &[u8], s: usize, e: usize, hi: usize) -> Option<(usize, Core, usize)> {
        if b.get(s..e) != Some(b"FY".as_slice()) {
            return None;
        }
        let (ns, ne, v) = number(b, e, hi)?;
        if ns > e + 1
            || at(b, ne).is_ascii_alphanumeric()
            || is_number_tail(b, ne)
            || !matches!(ne - ns, 2 | 4)
        {
            return None;
        }
        let y = if ne - ns == 2 {
            2000 + v as i32
        } else {
            v as i32
        };
        if !(1900..=2100).contains(&y) {
            return None;
        }
        if let Some((core, e2)) = self.year_tail(b, y, ne, hi) {
            return Some((s, core, e2));
        }
        // "FY 2008 – FY 2020"
        if let Some(x) = range_sep(b, ne, hi) {
            let x = skip_ws(b, x, hi);
            if let Some((_, Core::Abs(DateValue::Year(y2)), e2)) = self.at_fy(b, x, x + 2, hi) {
                if y2 > y {
                    let iv = DateValue::Interval(
                        Box::new(DateValue::Year(y)),
                        Box::new(DateValue::Year(y2)),
                    );
                    return Some((s, Core::Abs(iv), e2));
                }
            }
        }
        Some((s, Core::Abs(DateValue::Year(y)), ne))
    }

    /// A named day, with its year if one follows.
    fn at_holiday(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        i: usize,
        hi: usize,
        lo: usize,
    ) -> Option<(usize, Core, usize)> {
        if !at(b, s).is_ascii_uppercase() {
            // Only "new year" is common in lower case ("the new year").
            let name = self.holidays.get(i).map(|h| h.0.as_str());
            if name != Some("New Year") || !word_back(b, s, lo).is_some_and(|w| eq(b, w, "the")) {
                return None;
            }
        }
        if at(b, e).is_ascii_alphanumeric() {
            return None;
        }
        // "Each Australia Day" recurs; "Lunar New Year", "Holocaust
        // Remembrance Day" and "Ukraine's Independence Day" are other days.
        if let Some(p) = word_back(b, s, 0) {
            let function_word = any(
                b,
                p,
                &[
                    "on", "this", "happy", "merry", "last", "next", "before", "after", "since",
                    "until", "by", "at", "for", "during", "the", "a", "of", "and", "or", "over",
                    "over", "in", "to", "from",
                ],
            );
            let possessive = eq(b, p, "s")
                && (before(b, p.0) == b'\''
                    || b.get(p.0.saturating_sub(3)..p.0) == Some("’".as_bytes()));
            if any(b, p, &["each", "every"])
                || possessive
                || (at(b, p.0).is_ascii_uppercase() && !function_word)
            {
                return None;
            }
        }
        // Thanksgiving near a mention of Canada is Canada's (October).
        let i = match self.holidays.get(i) {
            Some((name, _)) if name.starts_with("Thanksgiving") => {
                let window = b
                    .get(s.saturating_sub(300)..(e + 300).min(b.len()))
                    .unwrap_or_default();
                let canadian = memchr::memmem::find(window, b"Canad").is_some();
                match self
                    .holidays
                    .iter()
                    .position(|(n, _)| n == "Canadian Thanksgiving")
                {
                    Some(c) if canadian => c,
                    _ => i,
                }
            }
            _ => i,
        };
        if let Some((ye, y)) = year(b, e, hi) {
            return Some((s, Core::Holiday(i, Some(y)), ye));
        }
        // "this Christmas", "last Thanksgiving", "next Anzac Day".
        let det = word_back(b, s, lo).and_then(|p| {
            let d = if eq(b, p, "this") {
                0
            } else if eq(b, p, "last") {
                -1
            } else if eq(b, p, "next") {
                1
            } else {
                return None;
            };
            Some((p.0, d))
        });
        // "Easter Island", "Christmas Island", "Independence Day Parade".
        if let Some(n) = word(b, e, hi) {
            let gap = b.get(e..n.0).unwrap_or_default();
            if at(b, n.0).is_ascii_uppercase() && gap.iter().all(|&c| c == b' ') && !gap.is_empty()
            {
                return None;
            }
        }
        match det {
            Some((ds, 0)) => Some((ds, Core::Holiday(i, None), e)),
            Some((ds, d)) => Some((ds, Core::RelHoliday(i, d), e)),
            None => Some((s, Core::Holiday(i, None), e)),
        }
    }

    /// Left modifiers kept in the span: "early", "mid-", "late", "later",
    /// "earlier", "early in", "the end of", "the beginning of the".
    fn extend_left(&self, b: &[u8], s: usize, lo: usize) -> usize {
        if s >= lo + 4
            && b.get(s - 4..s)
                .is_some_and(|x| x.eq_ignore_ascii_case(b"mid-"))
            && !before(b, s - 4).is_ascii_alphanumeric()
        {
            return s - 4;
        }
        let Some(w) = word_back(b, s, lo) else {
            return s;
        };
        if self.kind(b, Some(w), Kind::Mod).is_some() {
            return w.0;
        }
        if eq(b, w, "in") {
            if let Some(m) = word_back(b, w.0, lo).filter(|m| any(b, *m, &["early", "late"])) {
                return m.0;
            }
            return s;
        }
        // "the start of the 2013 Red Shield Appeal": the year names the
        // appeal, and the start is not the year's.
        if eq(b, w, "the") && at(b, s).is_ascii_digit() {
            return s;
        }
        let of = if eq(b, w, "the") {
            word_back(b, w.0, lo)
        } else {
            Some(w)
        };
        let Some(of) = of.filter(|o| eq(b, *o, "of")) else {
            return s;
        };
        let Some(head) = word_back(b, of.0, lo)
            .filter(|h| any(b, *h, &["end", "beginning", "start", "middle", "close"]))
        else {
            return s;
        };
        match word_back(b, head.0, lo) {
            Some(t) if eq(b, t, "the") => t.0,
            _ => head.0,
        }
    }

    /// Parses the expression a trigger starts, if any: its start, reading
    /// and end.
    fn parse(
        &self,
        b: &[u8],
        s: usize,
        e: usize,
        t: Trigger,
        lo: usize,
        hi: usize,
    ) -> Option<(usize, Core, usize)> {
        // Whole words only.
        let whole = !before(b, s).is_ascii_alphabetic() && !at(b, e).is_ascii_alphabetic();
        let (start, core, end) = match t {
            Trigger::Digit => self.at_number(b, s, hi)?,
            _ if !whole => return None,
            Trigger::Word(Kind::Month, m) => self.at_month(b, (s, e, m as u32), hi, lo)?,
            Trigger::Word(Kind::Weekday, wd) => self.at_weekday(b, s, e, wd as u32, hi, lo)?,
            Trigger::Word(Kind::RelDay, off) => self.at_relday(b, s, e, off, hi, lo)?,
            Trigger::Word(Kind::Unit, u) => self.at_unit(b, s, e, u, hi, lo)?,
            Trigger::Word(Kind::Season, v) => self.at_season(b, s, e, v, hi, lo)?,
            Trigger::Word(..) => return None,
            Trigger::Ago => self.at_ago(b, s, e, hi, lo)?,
            Trigger::Fiscal => self.at_fiscal(b, s, e, hi, lo)?,
            Trigger::Fy => self.at_fy(b, s, e, hi)?,
            Trigger::Holiday(i) => self.at_holiday(b, s, e, i, hi, lo)?,
            Trigger::Quarter(q) => match year(b, e, hi) {
                Some((ye, y)) => (
                    s,
                    Core::Abs(DateValue::Quarter {
                        year: y,
                        quarter: q,
                    }),
                    ye,
                ),
                None => (s, Core::PartOfYear(QUARTER, q), e),
            },
        };
        // "1 July this year", "March 1, next year".
        let (core, end) = match core {
            Core::MonthDay(m, d, None) => match self.rel_year_tail(b, end, hi) {
                Some((off, e2)) => (
                    Core::OfRelYear(Box::new(Core::MonthDay(m, d, None)), off),
                    e2,
                ),
                None => (core, end),
            },
            _ => (core, end),
        };
        let start = match core {
            Core::Weekday(..) | Core::RelDay(_) | Core::Present | Core::YearsAgoToday(_) => start,
            _ => self.extend_left(b, start, lo),
        };
        Some((start.max(lo), core, end.min(hi)))
    }

    /// The publication date a dateline gives ("OTTAWA, June 28, 2017 —"),
    /// if the text has one: in the first blocks, a date that leads its
    /// block (alone or before a dash), follows a place name and comma, or
    /// follows a "Published" / "Updated" label; failing that, a block
    /// anywhere that is nothing but a full date ("4 December 2013", "THE
    /// WHITE HOUSE, December 27, 2021.").
    pub(crate) fn infer_reference_date(&self, analysis: &Analysis<'_>) -> Option<Date> {
        let b = analysis.text.as_bytes();
        let mut standalone = None;
        let mut found = Vec::new();
        for (n, (i, span)) in analysis.content_spans().enumerate() {
            let early = n < 6;
            let list_item = analysis
                .blocks
                .get(i)
                .is_some_and(|x| x.kind == crate::layout::BlockKind::ListItem);
            // Past the first blocks, a standalone date found is the
            // answer: no later block can change it.
            if !early && standalone.is_some() {
                break;
            }
            if list_item {
                continue;
            }
            // A block much longer than a dateline can only open with one.
            if !early && span.len() > 80 {
                continue;
            }
            let hi = span.end.min(span.start + 400);
            self.scan(analysis.words(), analysis.text, span.start, hi, &mut found);
            for (s, core, e) in found.drain(..) {
                let Core::MonthDay(m, d, Some(y)) = core else {
                    continue;
                };
                let Some(date) = Date::new(y, m, d) else {
                    continue;
                };
                let lead = b.get(span.start..s).unwrap_or_default();
                let lead = std::str::from_utf8(lead).unwrap_or("").trim();
                let tail = b.get(e..span.end).unwrap_or_default();
                let tail = std::str::from_utf8(tail).unwrap_or("").trim();
                // Nothing after the date but a full stop, or a dash that
                // opens the story ("OTTAWA, June 28, 2017 — Ministers").
                let alone = tail.is_empty() || tail == ".";
                let dashed = alone
                    || ["—", "–", "-", "(", "/"]
                        .iter()
                        .any(|d| tail.starts_with(d));
                let lower = lead.to_ascii_lowercase();
                let labelled = [
                    "published",
                    "updated",
                    "last updated",
                    "first published",
                    "posted",
                    "released",
                    "date",
                    "issued",
                ]
                .iter()
                .any(|l| lower.starts_with(l) && lead.len() <= 30);
                let weekday = lead.is_empty()
                    || lead
                        .trim_end_matches(',')
                        .to_ascii_lowercase()
                        .ends_with("day")
                        && lead.len() <= 10;
                let dateline = lead.ends_with(',') && lead.len() <= 60 && is_place(lead);
                // "Today (27 March 2014) the government ...".
                let today = lower.ends_with("today (") && tail.starts_with(')');
                // A headline that ends on its date: "Training record
                // numbers of GPs 15 March 2010" (not "... of 2 March 2010").
                let headline = n == 0
                    && alone
                    && !lead.is_empty()
                    && word_back(b, s, span.start).is_some_and(|w| {
                        !any(
                            b,
                            w,
                            &[
                                "of", "on", "in", "since", "from", "until", "to", "by", "before",
                                "after", "for", "and", "at",
                            ],
                        )
                    });
                // "Thursday, May 7, 2015 On Tuesday, ...": a block that opens
                // on a full date with its weekday.
                let weekday_led =
                    lead.is_empty() && self.kind(b, word(b, s, span.end), Kind::Weekday).is_some();
                if early
                    && (labelled
                        || today
                        || headline
                        || weekday_led
                        || ((weekday || dateline) && dashed))
                {
                    return Some(date);
                }
                if standalone.is_none() && alone && (weekday || dateline) {
                    standalone = Some(date);
                }
                if !early {
                    break;
                }
            }
        }
        standalone
    }

    /// Every expression between `lo` and `hi`, in order, without overlaps.
    /// Appends them to `out`.
    fn scan(
        &self,
        words: &WordBytes,
        text: &str,
        lo: usize,
        hi: usize,
        out: &mut Vec<(usize, Core, usize)>,
    ) {
        if text.as_bytes().get(lo..hi).is_some() {
            let span = Span::new(lo, hi);
            self.scan_spans(words, text, span, std::iter::once(span), out, None);
        }
    }

    /// Every expression inside each of `spans`, in order, without
    /// overlaps; none runs from one span into the next. `spans` come in
    /// order, none overlapping the next, all inside `text` and inside
    /// `walk`. Appends them to `out`, and to `days` (if given) every word
    /// start in `walk` that reads "Day", in order.
    ///
    /// One walk over the word starts serves every span: a walk has a set
    /// cost of its own, and most blocks are short.
    fn scan_spans(
        &self,
        words: &WordBytes,
        text: &str,
        walk: Span,
        mut spans: impl Iterator<Item = Span>,
        out: &mut Vec<(usize, Core, usize)>,
        mut days: Option<&mut Vec<usize>>,
    ) {
        let b = text.as_bytes();
        // The span that holds the current word start, or the next one.
        let mut current = spans.next();
        // Where an expression may start: the end of the last one found, or
        // the start of the current span.
        let mut last = current.map_or(walk.start, |span| span.start);
        // Holiday names anchored by the current word (see `KeyTrigger`).
        let mut names = Vec::new();
        // A trigger can only start where a word or a number starts, and a
        // word only when its first three characters begin some pattern or
        // its anchor.
        words.for_each_start_in(walk, &self.may_trigger, |s, key| {
            // Holiday names are sought from their anchor "day" (see
            // `KeyTrigger`), so every "Day" is walked: named days are
            // sought among these (see `named_days`).
            if key == DAY_KEY && b.get(s..s + 3) == Some(b"Day".as_slice()) {
                if let Some(days) = days.as_deref_mut() {
                    days.push(s);
                }
            }
            // Most word starts are ruled out by their own bytes, before
            // the span that holds them is sought: most numbers by the
            // bytes before them, most words by their fourth byte. Nothing
            // is found at a start ruled out, so the span waits for the
            // next start that passes.
            let digit = at(b, s).is_ascii_digit();
            if !(if digit {
                number_may_start(b, s)
            } else {
                self.fourth_fits(b, s, key)
            }) {
                return;
            }
            while current.is_some_and(|span| span.end <= s) {
                current = spans.next();
                if let Some(span) = current {
                    last = span.start;
                }
            }
            let Some(span) = current else {
                return;
            };
            // Before the span (between two spans) or inside the last
            // expression found.
            if s < last {
                return;
            }
            let found = if digit {
                number_may_date(b, s, span.end).then_some((s + 1, Trigger::Digit))
            } else {
                self.trigger_at(text, s, key, span, &mut names)
            };
            // The names start before the word, and no word between is
            // walked: they come first.
            if !names.is_empty() {
                for name in names.drain(..) {
                    self.read(b, name, span.end, &mut last, out);
                }
            }
            if let Some((e, t)) = found {
                self.read(b, (s, e, t), span.end, &mut last, out);
            }
        });
    }

    /// Whether a pattern of word key `key` may start at `s` by the fourth
    /// byte there. A pattern matched in part only leads nowhere (`parse`
    /// takes whole words), so none is sought when the fourth byte fits
    /// none; [`DateFinder::trigger_at`] is asked only when it fits.
    #[inline]
    fn fourth_fits(&self, b: &[u8], s: usize, key: usize) -> bool {
        let fourth = self.fourth.get(key).copied().unwrap_or(0);
        fourth >> key_fold(at(b, s + 3)) & 1 != 0
    }

    /// Parses trigger `t` at `s..e` (the end of its span `hi`) unless it
    /// starts inside the last expression found, which ends at `last`.
    /// Appends the expression to `out` and moves `last` to its end.
    #[inline]
    fn read(
        &self,
        b: &[u8],
        (s, e, t): (usize, usize, Trigger),
        hi: usize,
        last: &mut usize,
        out: &mut Vec<(usize, Core, usize)>,
    ) {
        if s < *last {
            return;
        }
        if let Some((start, core, end)) = self.parse(b, s, e, t, *last, hi) {
            if end > start {
                out.push((start, core, end));
                *last = end;
            }
        }
    }

    /// The longest trigger pattern that starts at word start `s` (of word
    /// key `key`, inside `span`): its end and meaning. The holiday names
    /// the word anchors go to `names` (start, end and meaning), in order
    /// of start, the longest at each. Asked only where
    /// [`DateFinder::fourth_fits`] holds.
    #[inline]
    fn trigger_at(
        &self,
        text: &str,
        s: usize,
        key: usize,
        span: Span,
        names: &mut Vec<(usize, usize, Trigger)>,
    ) -> Option<(usize, Trigger)> {
        let b = text.as_bytes();
        let from = self.key_starts.get(key).copied()? as usize;
        let to = self.key_starts.get(key + 1).copied()? as usize;
        let mut found = None;
        for &KeyTrigger {
            index,
            offset,
            first,
        } in self.by_key.get(from..to)?
        {
            let start = if offset == 0 {
                if found.is_some() {
                    continue;
                }
                s
            } else {
                // A name starts a word inside the span.
                match s.checked_sub(offset) {
                    Some(x) if x >= span.start && at(b, x).to_ascii_lowercase() == first => x,
                    _ => continue,
                }
            };
            let Some((p, t)) = self.triggers.get(index) else {
                continue;
            };
            let matches = b
                .get(start..span.end)
                .and_then(|x| x.get(..p.len()))
                .is_some_and(|x| ends_first_eq(x, p));
            if !matches {
                continue;
            }
            if offset == 0 {
                found = Some((s + p.len(), *t));
            } else if !char_before(text, start).is_some_and(char::is_alphanumeric) {
                let j = names.partition_point(|&(x, ..)| x < start);
                match names.get(j) {
                    // The first pattern is the longest.
                    Some(&(x, ..)) if x == start => {}
                    _ => names.insert(j, (start, start + p.len(), *t)),
                }
            }
        }
        found
    }

    /// Date expressions of the analysed text, outside boilerplate, resolved
    /// against `reference`.
    pub(crate) fn find<'h>(
        &self,
        analysis: &Analysis<'h>,
        reference: Option<Date>,
    ) -> Vec<DateMention<'h>> {
        let text = analysis.text;
        let b = text.as_bytes();
        let mut out: Vec<DateMention<'h>> = Vec::new();
        // The day each weekday name last stood for: a later mention with
        // no tense of its own ("Sunday's race") is the same day.
        let mut weekdays: [Option<DateValue>; 7] = Default::default();
        let content = analysis.content();
        let spans = || content.spans.iter().copied();
        // Room for an expression every 512 bytes (press releases hold about
        // one every 800), so that a long text's list seldom grows: each
        // growth moves the whole list.
        let mut found = Vec::with_capacity(text.len() / 512);
        let words = analysis.words();
        // Every "Day" that starts a word of the content, when the walk
        // meets them all: else `named_days` searches the text for them.
        let mut days = None;
        match content.walk {
            Some(walk) => {
                let mut walked = Vec::new();
                let all = self.may_trigger.contains(DAY_KEY);
                let collect = all.then_some(&mut walked);
                self.scan_spans(words, text, walk, spans(), &mut found, collect);
                days = all.then_some(walked);
            }
            None => {
                for span in spans() {
                    self.scan(words, text, span.start, span.end, &mut found);
                }
            }
        }
        out.reserve(found.len());
        let sentences = SentenceCursor::new(analysis);
        for (s, core, e) in found {
            let Some(t) = text.get(s..e) else { continue };
            // The sentence is sought only when a reading asks for it.
            let bounds = || sentences.bounds(s, e).unwrap_or((s, e));
            let tense_here = || {
                let (lo, hi) = bounds();
                tense(b, lo, hi, s, e)
            };
            let value = match (&core, reference) {
                (Core::Weekday(w, 0), Some(r)) => {
                    let tn = tense_here();
                    match (tn, weekdays.get(*w as usize).cloned().flatten()) {
                        (None, Some(v)) => Some(v),
                        _ => self.resolve(&core, r, || tn),
                    }
                }
                _ => reference.and_then(|r| self.resolve(&core, r, tense_here)),
            };
            // "in 2021, compared to the previous year": the year before
            // the one the sentence names.
            let value = match (&core, out.last()) {
                (Core::Previous(YEAR), Some(p))
                    if p.span.start >= bounds().0
                        && word_back(b, p.span.start, 0)
                            .is_some_and(|w| any(b, w, &["in", "during", "for"])) =>
                {
                    match p.value {
                        Some(DateValue::Year(y)) => Some(DateValue::Year(y - 1)),
                        _ => value,
                    }
                }
                _ => value,
            };
            // A listed month follows the month before it.
            let value = match (
                &core,
                out.last().and_then(|p: &DateMention<'_>| p.value.as_ref()),
            ) {
                (Core::ListedMonth(m), Some(DateValue::Month { year, month }))
                    if value.is_some() =>
                {
                    Some(DateValue::Month {
                        year: if m >= month { *year } else { year + 1 },
                        month: *m,
                    })
                }
                _ => value,
            };
            if let (Core::Weekday(w, _), Some(v)) = (&core, &value) {
                if let Some(slot) = weekdays.get_mut(*w as usize) {
                    *slot = Some(v.clone());
                }
            }
            // Without a reference date, expressions that name their year
            // still resolve.
            let value = match (reference, Date::new(2000, 1, 1)) {
                (None, Some(any_day)) if is_absolute(&core) => {
                    self.resolve(&core, any_day, || None)
                }
                _ => value,
            };
            out.push(DateMention {
                span: Span::new(s, e),
                text: t.into(),
                value,
            });
        }
        self.named_days(analysis, &mut out, days.as_deref());
        out
    }

    /// Days the text names and dates itself ("a National Day of Mourning
    /// would be held on Sunday 22 February, 2009"): every mention of the
    /// name, anywhere in the content, takes that date. `days`, if given,
    /// holds in order every word start of the content walk
    /// (`Content::walk`) that reads "Day".
    fn named_days<'h>(
        &self,
        analysis: &Analysis<'h>,
        out: &mut Vec<DateMention<'h>>,
        days: Option<&[usize]>,
    ) {
        let text = analysis.text;
        let b = text.as_bytes();
        let mut names: Vec<(&'h str, DateValue)> = Vec::new();
        let sentences = SentenceCursor::new(analysis);
        for m in out.iter() {
            let Some(DateValue::Day(_)) = m.value else {
                continue;
            };
            if names.len() >= 8 {
                break;
            }
            let Some((lo, hi)) = sentences.bounds(m.span.start, m.span.end) else {
                continue;
            };
            if let Some(name) = day_name_before(b, m.span.start, lo)
                .or_else(|| day_name_after(b, m.span.end, hi))
                .and_then(|(s, e)| text.get(s..e))
            {
                if !names.iter().any(|(n, _)| *n == name) {
                    names.push((
                        name,
                        DateValue::Day(match m.value {
                            Some(DateValue::Day(d)) => d,
                            _ => continue,
                        }),
                    ));
                }
            }
        }
        if names.is_empty() {
            return;
        }
        // Every name holds the word "Day": every "Day" of the text, from
        // `days` or else from one search of the whole text, gives every
        // occurrence of every name, overlapping ones too (an occurrence
        // holds its name's first "Day" at a set offset), so that
        // each block can take the leftmost non-overlapping ones inside it,
        // as a search of it would. Hits: start and name, in text order.
        let firsts: Vec<Option<usize>> = names.iter().map(|(n, _)| n.find("Day")).collect();
        let mut hits: Vec<(usize, usize)> = Vec::new();
        let mut hits_at = |day: usize| {
            for (k, ((name, _), first)) in names.iter().zip(&firsts).enumerate() {
                let Some(s) = first.and_then(|o| day.checked_sub(o)) else {
                    continue;
                };
                if b.get(s..s + name.len()) == Some(name.as_bytes()) {
                    hits.push((s, k));
                }
            }
        };
        // Only hits inside the content count. Where each name's first
        // "Day" follows a character that is no letter or digit, so does
        // every occurrence's: a word start of the content walk, in `days`,
        // with no second read of the text.
        let at_word_starts = names.iter().zip(&firsts).all(|((name, _), first)| {
            first.is_some_and(|f| {
                name.get(..f)
                    .and_then(|x| x.chars().next_back())
                    .is_some_and(|c| !c.is_alphanumeric())
            })
        });
        match days {
            Some(days) if at_word_starts => days.iter().for_each(|&day| hits_at(day)),
            _ => memchr::memmem::find_iter(b, b"Day").for_each(hits_at),
        }
        hits.sort_unstable();
        let mut extra = Vec::new();
        // Where each name may next be taken in the current block.
        let mut free = vec![0; names.len()];
        // The first hit at or after the current block's start.
        let mut first = 0;
        for &span in &analysis.content().spans {
            if b.get(span.range()).is_none() {
                continue;
            }
            // Blocks come in text order: the place moves on a hit at a
            // time.
            seek(&hits, &mut first, span.start, |&(h, _)| h);
            if hits.get(first).is_none_or(|&(h, _)| h >= span.end) {
                continue;
            }
            free.fill(span.start);
            let inside = hits.get(first..).unwrap_or_default();
            for &(s, k) in inside.iter().take_while(|&&(h, _)| h < span.end) {
                let (Some((name, value)), Some(free)) = (names.get(k), free.get_mut(k)) else {
                    continue;
                };
                let e = s + name.len();
                if e > span.end || s < *free {
                    continue;
                }
                *free = e;
                if before(b, s).is_ascii_alphanumeric() || at(b, e).is_ascii_alphanumeric() {
                    continue;
                }
                let sp = Span::new(s, e);
                // `out` is in order and without overlaps: one binary
                // search finds the only mention that could overlap.
                let j = out.partition_point(|m| m.span.end <= s);
                if out.get(j).is_some_and(|m| m.span.overlaps(sp)) {
                    continue;
                }
                if let Some(t) = text.get(s..e) {
                    extra.push(DateMention {
                        span: sp,
                        text: t.into(),
                        value: Some(value.clone()),
                    });
                }
            }
        }
        // Two names may cover the same words: keep the first of each
        // overlapping run.
        extra.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut end = 0;
        extra.retain(|m| {
            let keep = m.span.start >= end;
            if keep {
                end = m.span.end;
            }
            keep
        });
        if extra.is_empty() {
            return;
        }
        // Both lists are in text order: merged into one list of their
        // joint length, rather than appended (regrowing `out`) and sorted.
        // A tie keeps `out`'s mention first, as a stable sort would.
        let mut merged = Vec::with_capacity(out.len() + extra.len());
        let mut extra = extra.into_iter().peekable();
        for m in out.drain(..) {
            while let Some(e) = extra.next_if(|e| e.span.start < m.span.start) {
                merged.push(e);
            }
            merged.push(m);
        }
        merged.extend(extra);
        *out = merged;
    }

    /// The value of `core` on reference date `r`.
    fn resolve(
        &self,
        core: &Core,
        r: Date,
        tense: impl Fn() -> Option<bool> + Copy,
    ) -> Option<DateValue> {
        let y = r.year();
        Some(match core {
            Core::Abs(v) => v.clone(),
            Core::MonthDay(m, d, year) => {
                let year = year.unwrap_or_else(|| day_year(*m, *d, r, tense()));
                DateValue::Day(Date::new(year, *m, *d)?)
            }
            Core::Month(m) => {
                // A month named without a year is this year's, unless the
                // clause's tense puts it in the next or the last one.
                let year = match tense() {
                    Some(true) if *m < r.month() => y + 1,
                    Some(false) if *m > r.month() => y - 1,
                    _ => y,
                };
                DateValue::Month { year, month: *m }
            }
            Core::Weekday(w, mode) => {
                let back = i64::from((r.weekday() + 7 - w) % 7);
                let fwd = i64::from((w + 7 - r.weekday()) % 7);
                let off = match mode {
                    -1 => -(if back == 0 { 7 } else { back }),
                    1 => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    2 => fwd,
                    _ if tense() == Some(true) => fwd,
                    _ => -back,
                };
                DateValue::Day(r.add_days(off)?)
            }
            Core::RelDay(off) => DateValue::Day(r.add_days(*off)?),
            Core::Present => DateValue::PresentRef,
            Core::YearsAgoToday(n) => {
                let year = y - *n as i32;
                let day = r.day().min(days_in_month(year, r.month()));
                DateValue::Day(Date::new(year, r.month(), day)?)
            }
            Core::Rel(unit, off) => match *unit {
                WEEK => {
                    let (wy, wk) = r.add_days(off * 7)?.iso_week();
                    DateValue::Week { year: wy, week: wk }
                }
                WEEKEND => {
                    // "Fans gathered this weekend", written on a weekday:
                    // the weekend just past.
                    let off = if *off == 0 && r.weekday() < 5 && tense() == Some(false) {
                        -1
                    } else {
                        *off
                    };
                    let (wy, wk) = r.add_days(off * 7)?.iso_week();
                    DateValue::Weekend { year: wy, week: wk }
                }
                MONTH => {
                    let idx = i64::from(y) * 12 + i64::from(r.month()) - 1 + off;
                    DateValue::Month {
                        year: idx.div_euclid(12) as i32,
                        month: idx.rem_euclid(12) as u32 + 1,
                    }
                }
                QUARTER => {
                    let idx = i64::from(y) * 4 + i64::from((r.month() - 1) / 3) + off;
                    DateValue::Quarter {
                        year: idx.div_euclid(4) as i32,
                        quarter: idx.rem_euclid(4) as u32 + 1,
                    }
                }
                YEAR => DateValue::Year(y + *off as i32),
                DECADE => DateValue::Decade(y / 10 + *off as i32),
                u if u > MONTH * 100 => {
                    // "next July", "last March": a named month next or last.
                    let m = (u - MONTH * 100) as u32;
                    let year = match off {
                        1 if m <= r.month() => y + 1,
                        -1 if m >= r.month() => y - 1,
                        _ => y,
                    };
                    DateValue::Month { year, month: m }
                }
                _ => return None,
            },
            Core::RelFiscal(off, true) => {
                // The US federal fiscal year starts on 1 October.
                DateValue::Year(if r.month() >= 10 { y + 1 } else { y } + *off as i32)
            }
            Core::RelFiscal(off, false) => {
                // Financial years run July to June (Australia) in most of
                // the corpus; the current one started last July.
                let start = if r.month() >= 7 { y } else { y - 1 } + *off as i32;
                DateValue::Interval(
                    Box::new(DateValue::Year(start)),
                    Box::new(DateValue::Year(start + 1)),
                )
            }
            Core::Season(season, off) => {
                // A season of year Y starts in month `first` of Y (winter
                // runs from December of Y into Y + 1).
                let first = match season {
                    Season::Spring => 3,
                    Season::Summer => 6,
                    Season::Fall => 9,
                    Season::Winter => 12,
                };
                let now = i64::from(y) * 12 + i64::from(r.month()) - 1;
                let start = |yy: i32| i64::from(yy) * 12 + first - 1;
                let year = match off {
                    -1 => (y - 2..=y).rev().find(|&yy| start(yy) + 2 < now)?,
                    1 => (y - 1..=y + 1).find(|&yy| start(yy) > now)?,
                    _ if first == 12 && r.month() <= 2 => y - 1,
                    _ => y,
                };
                DateValue::Season {
                    year,
                    season: *season,
                }
            }
            Core::Holiday(i, year) => {
                let rule = self.holidays.get(*i)?.1;
                match year {
                    Some(year) => DateValue::Day(rule.date(*year)?),
                    None => {
                        // The nearest occurrence to the reference date.
                        let rd = r.to_days();
                        let best = [y - 1, y, y + 1]
                            .iter()
                            .filter_map(|&yy| rule.date(yy))
                            .min_by_key(|d| (d.to_days() - rd).abs())?;
                        DateValue::Day(best)
                    }
                }
            }
            Core::OfRelYear(inner, off) => {
                let year = y + *off as i32;
                match &**inner {
                    Core::Month(m) => DateValue::Month { year, month: *m },
                    Core::MonthDay(m, d, _) => DateValue::Day(Date::new(year, *m, *d)?),
                    Core::Season(season, _) => DateValue::Season {
                        year,
                        season: *season,
                    },
                    _ => return None,
                }
            }
            Core::ListedMonth(m) => self.resolve(&Core::Month(*m), r, tense)?,
            Core::Previous(unit) => self.resolve(&Core::Rel(*unit, -1), r, tense)?,
            Core::RelHoliday(i, dir) => {
                let rule = self.holidays.get(*i)?.1;
                let rd = r.to_days();
                let days = [y - 1, y, y + 1].map(|yy| rule.date(yy));
                let found = if *dir < 0 {
                    days.iter().flatten().filter(|d| d.to_days() < rd).max()
                } else {
                    days.iter().flatten().filter(|d| d.to_days() > rd).min()
                };
                DateValue::Day(*found?)
            }
            Core::PartOfYear(unit, n) => {
                if *unit == QUARTER {
                    DateValue::Quarter {
                        year: y,
                        quarter: *n,
                    }
                } else {
                    DateValue::Half { year: y, half: *n }
                }
            }
            Core::Range(a, c) => {
                let (a, c) = match (&**a, &**c) {
                    (Core::MonthDay(m1, d1, None), Core::MonthDay(m2, d2, None)) => {
                        // The range takes the year its start would take;
                        // "November 1st to January 15th" runs over the new
                        // year.
                        let t = tense();
                        let y1 = if m1 > m2 {
                            // The end is this year's or the next one's.
                            day_year(*m2, *d2, r, t) - 1
                        } else {
                            day_year(*m1, *d1, r, t)
                        };
                        let y2 = if m1 > m2 { y1 + 1 } else { y1 };
                        (
                            Core::MonthDay(*m1, *d1, Some(y1)),
                            Core::MonthDay(*m2, *d2, Some(y2)),
                        )
                    }
                    (a, c) => (a.clone(), c.clone()),
                };
                DateValue::Interval(
                    Box::new(self.resolve(&a, r, tense)?),
                    Box::new(self.resolve(&c, r, tense)?),
                )
            }
        })
    }
}

/// Ordinal words up to "thirty-first" and their numbers.
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

/// Number words for years written out: units, teens and tens.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

fn table_value(b: &[u8], w: (usize, usize), table: &[(&str, u32)]) -> Option<u32> {
    table.iter().find(|(t, _)| eq(b, w, t)).map(|&(_, v)| v)
}

/// A day written as an ordinal ending at `i`: "sixth", "thirty-first",
/// "twenty first", "28th". Returns its start and value.
fn ordinal_before(b: &[u8], i: usize, lo: usize) -> Option<(usize, u32)> {
    let e = skip_ws_back(b, i, lo);
    // "28th"
    let suffix = e.saturating_sub(2);
    if suffix > lo
        && any(b, (suffix, e), &["st", "nd", "rd", "th"])
        && before(b, suffix).is_ascii_digit()
    {
        let mut k = suffix;
        while k > lo && before(b, k).is_ascii_digit() && suffix - k < 2 {
            k -= 1;
        }
        if before(b, k).is_ascii_alphanumeric() {
            return None;
        }
        let v: u32 = std::str::from_utf8(b.get(k..suffix)?).ok()?.parse().ok()?;
        return (1..=31).contains(&v).then_some((k, v));
    }
    let w = word_back(b, e, lo)?;
    let v = table_value(b, w, ORDINALS)?;
    // "thirty-first", "twenty first"
    let mut k = w.0;
    if before(b, k) == b'-' {
        k -= 1;
    }
    if let Some(t) = word_back(b, k, lo) {
        let tens = table_value(b, t, NUMBER_WORDS).filter(|&t| t == 20 || t == 30);
        if let (Some(t10), true) = (tens, v < 10) {
            return Some((t.0, t10 + v));
        }
    }
    Some((w.0, v))
}

/// A year of this millennium written in words from `i`: "two thousand
/// twenty-five", "two thousand and twenty-six". Returns the year and its
/// end.
fn year_words(b: &[u8], i: usize, hi: usize) -> Option<(i32, usize)> {
    let two = word(b, i, hi).filter(|w| eq(b, *w, "two"))?;
    let th = word(b, two.1, hi).filter(|w| eq(b, *w, "thousand"))?;
    let mut end = th.1;
    let mut j = th.1;
    if let Some(a) = word(b, j, hi).filter(|w| eq(b, *w, "and")) {
        j = a.1;
    }
    let mut v = 0;
    if let Some(w) = word(b, j, hi) {
        if let Some(n) = table_value(b, w, NUMBER_WORDS) {
            v = n;
            end = w.1;
            if n >= 20 && at(b, w.1) == b'-' {
                if let Some(u) = word(b, w.1 + 1, hi).filter(|u| u.0 == w.1 + 1) {
                    if let Some(n2) = table_value(b, u, NUMBER_WORDS).filter(|&n2| n2 < 10) {
                        v += n2;
                        end = u.1;
                    }
                }
            }
        }
    }
    Some((2000 + v as i32, end))
}

/// The year of day `d` of month `m`, named without one, on reference date
/// `r`: the reference year, unless the tense of the clause puts the day in
/// the last year (a past event well after the reference date) or the next
/// (a future one well before it).
fn day_year(m: u32, d: u32, r: Date, tense: Option<bool>) -> i32 {
    let y = r.year();
    let at = |yy: i32| {
        // 29 February falls back to the 28th in other years.
        Date::new(yy, m, d.min(days_in_month(yy, m))).map_or(0, |x| x.to_days())
    };
    let rd = r.to_days();
    let diff = at(y) - rd;
    match tense {
        Some(false) if diff > 60 => y - 1,
        Some(true) if diff < -60 => y + 1,
        _ => y,
    }
}

/// Whether `lead` (ending in a comma) reads as a dateline's place: a few
/// capitalised words ("OTTAWA,", "THE WHITE HOUSE,", "Canberra, ACT,"),
/// not a clause ("As I reported on October 27, 2023,").
fn is_place(lead: &str) -> bool {
    let words: Vec<&str> = lead
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(*w, "of" | "and" | "the" | "upon" | "on")
        })
}

/// The name of a day set beside its date: "On April 2, 2025, Liberation
/// Day, President Trump imposed": capitalised words ending in "Day"
/// between commas right after the date.
fn day_name_after(b: &[u8], date_end: usize, hi: usize) -> Option<(usize, usize)> {
    let i = punct(b, date_end, hi, b',')?;
    let mut w = word(b, i, hi)?;
    let start = w.0;
    for _ in 0..4 {
        if !at(b, w.0).is_ascii_uppercase() || eq(b, w, "On") {
            return None;
        }
        if b.get(w.0..w.1) == Some(b"Day".as_slice()) {
            let next = at(b, skip_ws(b, w.1, hi));
            // The first word must not be the only one ("Day, ...").
            return (w.0 > start && matches!(next, b',' | b'.' | b')' | 0)).then_some((start, w.1));
        }
        let gap = b.get(w.1..skip_ws(b, w.1, hi)).unwrap_or_default();
        if gap.is_empty() || gap.contains(&b'\n') {
            return None;
        }
        w = word(b, w.1, hi)?;
    }
    None
}

/// The name of a day that the words before `date` give it: a capitalised
/// name with "Day" in it ("National Day of Mourning"), at most eight words
/// back, and linked to the date by "on" ("would be held on").
fn day_name_before(b: &[u8], date: usize, lo: usize) -> Option<(usize, usize)> {
    // Most dates have no "on" before them: settle those without gathering.
    if !word_back(b, date, lo).is_some_and(|w| eq(b, w, "on")) {
        return None;
    }
    let mut words = Vec::with_capacity(12);
    let mut i = date;
    while words.len() < 12 {
        let Some(w) = word_back(b, i, lo) else { break };
        words.push(w);
        i = w.0;
    }
    if !words.first().is_some_and(|w| eq(b, *w, "on")) {
        return None;
    }
    let k = words
        .iter()
        .take(9)
        .position(|w| b.get(w.0..w.1) == Some(b"Day".as_slice()))?;
    // A capitalised article or preposition starts a sentence, not a name.
    let capital = |w: &(usize, usize)| {
        at(b, w.0).is_ascii_uppercase()
            && !any(
                b,
                *w,
                &[
                    "a", "an", "the", "on", "in", "this", "that", "our", "its", "their", "and",
                    "for",
                ],
            )
    };
    // Capitalised words before "Day", and "of" + capitalised words after.
    let mut first = k;
    while first + 1 < words.len() && first < k + 3 && words.get(first + 1).is_some_and(capital) {
        first += 1;
    }
    let mut last = k;
    if k >= 2
        && words.get(k - 1).is_some_and(|w| eq(b, *w, "of"))
        && words.get(k - 2).is_some_and(capital)
    {
        last = k - 2;
        while last > 1 && words.get(last - 1).is_some_and(capital) {
            last -= 1;
        }
    }
    if first == last {
        return None;
    }
    Some((words.get(first)?.0, words.get(last)?.1))
}

/// The sentences around a run of offsets that (almost always) ascend,
/// found by galloping on from the last one: a binary search over all the
/// sentences of a long text misses the cache at every step, and a walk
/// over every sentence in between reads them all, where most mentions
/// never ask for their sentence (only a tense or a year before them does).
/// The search reads the sentences' spans alone, a third of the bytes of
/// the sentences. The index sits in a `Cell` so that the lazy readers of a
/// tense (which must be `Copy`) can share the cursor.
struct SentenceCursor<'a> {
    spans: &'a [Span],
    /// The index of the sentence found last.
    i: std::cell::Cell<usize>,
}

impl<'a> SentenceCursor<'a> {
    fn new(analysis: &'a Analysis<'_>) -> Self {
        SentenceCursor {
            spans: &analysis.sentence_spans,
            i: std::cell::Cell::new(0),
        }
    }

    /// The bounds of the sentence around the mention at `s..e`, stretched
    /// to hold the mention: the first sentence that ends after `s` (the
    /// one that holds it, or else the next); `None` past the last.
    fn bounds(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let i = first_ending_after(self.spans, s, self.i.get());
        self.i.set(i);
        self.spans.get(i).map(|x| (x.start.min(s), x.end.max(e)))
    }
}

/// Whether the word `w` reports or asks, so that a "that" after it opens a
/// clause with its own tense ("requested that", "said that").
fn reports(b: &[u8], w: (usize, usize)) -> bool {
    let x = b.get(w.0..w.1).unwrap_or_default();
    (x.len() > 4 && x.ends_with(b"ed"))
        || any(
            b,
            w,
            &[
                "said",
                "says",
                "told",
                "tells",
                "wrote",
                "announce",
                "announces",
                "ask",
                "asks",
                "recommend",
                "recommends",
                "request",
                "requests",
                "say",
            ],
        )
}

/// Whether the word `w` (`x` in lower case, or empty past 12 bytes) is a
/// past tense by its own letters and the byte before it.
fn past_tense(b: &[u8], w: (usize, usize), x: &[u8], lo: usize) -> bool {
    let raw = b.get(w.0..w.1).unwrap_or_default();
    match x {
        b"since" | b"said" | b"was" | b"were" | b"had" | b"did" | b"told" | b"met" | b"ago"
        | b"yesterday" | b"wrote" | b"took" | b"came" | b"went" | b"began" | b"saw" | b"made"
        | b"gave" | b"held" | b"brought" | b"found" | b"sent" | b"spent" | b"won" | b"led"
        | b"became" | b"grew" | b"fell" | b"rose" | b"spoke" | b"paid" => true,
        // "agreed" and "guaranteed", not "need", "speed" or "exceed".
        b"proceed" | b"succeed" | b"exceed" | b"indeed" => false,
        // "mortgage-backed securities": a compound adjective; "Mohamed"
        // and "Ahmed" are names.
        _ if before(b, w.0) == b'-' || (!at(b, w.0).is_ascii_lowercase() && w.0 > lo) => false,
        _ => raw.ends_with(b"ed") && (raw.len() > 5 || (raw.len() > 4 && !raw.ends_with(b"eed"))),
    }
}

/// Whether the clause around `s..e` speaks of the future ("will meet
/// Tuesday", "gathering Saturday") rather than the past ("said Sunday").
/// The nearest tense marker in the sentence decides (`lo..hi`, as
/// [`SentenceCursor::bounds`] gives it, or the mention itself past the
/// last sentence): `Some(true)` for the future, `Some(false)` for the
/// past, `None` when there is none.
///
/// A word before the mention stands as far from it as the gap between
/// them; one after, 40 bytes further than its gap (words after the date
/// weigh less: they often begin the next clause). Each walk meets ever
/// farther words, and of two markers at one distance the first found
/// wins, so a walk stops at its first marker, and the walk forward also
/// at the first word no nearer than the marker found back.
fn tense(b: &[u8], lo: usize, hi: usize, s: usize, e: usize) -> Option<bool> {
    if progressive_before(b, lo, s) {
        return Some(true);
    }
    let mut best: Option<(usize, bool)> = None;
    let mut i = s;
    for _ in 0..60 {
        let j = skip_ws_back(b, i, lo);
        if j <= lo {
            break;
        }
        // A run of letters is a word; anything else is stepped over a
        // byte at a time ("11.00am", quotation marks).
        let k = j - letters_back(b, lo, j);
        if k < j {
            // A clause that reports or describes ("requested that the
            // government develop ..."): the words before it set another
            // clause's tense.
            if eq(b, (k, j), "that") && word_back(b, k, lo).is_some_and(|p| reports(b, p)) {
                break;
            }
            if let Some(t) = word_tense(b, (k, j), lo, hi) {
                best = Some((s - j, t));
                break;
            }
            i = k;
        } else {
            i = j - 1;
        }
    }
    let mut i = e;
    for _ in 0..12 {
        let j = skip_ws(b, i, hi);
        if j >= hi {
            break;
        }
        match word(b, j, hi) {
            Some(w) => {
                let dist = w.0 - e + 40;
                if best.is_some_and(|(d, _)| dist >= d) {
                    break;
                }
                if let Some(t) = word_tense(b, w, lo, hi) {
                    best = Some((dist, t));
                    break;
                }
                i = w.1;
            }
            None => i = j + 1,
        }
    }
    best.map(|(_, t)| t)
}

/// Whether a progressive verb stands right before `s` ("gathering
/// Saturday"), and not as a gerund after a preposition ("shortly after
/// opening Friday") nor as one of the nouns and prepositions in "-ing".
fn progressive_before(b: &[u8], lo: usize, s: usize) -> bool {
    let Some(p) = word_back(b, s, lo) else {
        return false;
    };
    let w = b.get(p.0..p.1).unwrap_or_default();
    if w.len() <= 5 || !w.ends_with(b"ing") {
        return false;
    }
    let not_verb = [
        b"during".as_slice(),
        b"morning",
        b"evening",
        b"including",
        b"according",
        b"following",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x));
    let gerund = || {
        word_back(b, p.0, lo).is_some_and(|q| {
            any(
                b,
                q,
                &[
                    "after", "before", "since", "by", "while", "when", "of", "for",
                ],
            )
        })
    };
    !not_verb && !gerund()
}

/// The words that [`named_tense`] and [`past_tense`] name (lower case):
/// any other word marks a tense only by its ending, "-ed" or "-ing".
const TENSE_WORDS: &[&[u8]] = &[
    b"to",
    b"be",
    b"would",
    b"should",
    b"launches",
    b"opens",
    b"starts",
    b"begins",
    b"commences",
    b"runs",
    b"closes",
    b"ends",
    b"arrives",
    b"departs",
    b"expected",
    b"will",
    b"ll",
    b"shall",
    b"upcoming",
    b"scheduled",
    b"tomorrow",
    b"next",
    b"planned",
    b"plans",
    b"expects",
    b"due",
    b"must",
    b"might",
    b"since",
    b"said",
    b"was",
    b"were",
    b"had",
    b"did",
    b"told",
    b"met",
    b"ago",
    b"yesterday",
    b"wrote",
    b"took",
    b"came",
    b"went",
    b"began",
    b"saw",
    b"made",
    b"gave",
    b"held",
    b"brought",
    b"found",
    b"sent",
    b"spent",
    b"won",
    b"led",
    b"became",
    b"grew",
    b"fell",
    b"rose",
    b"spoke",
    b"paid",
    b"proceed",
    b"succeed",
    b"exceed",
    b"indeed",
];

/// For each length up to 12, a bit for the first letter and one for the
/// last letter (each by its low five bits, which ASCII case leaves alone)
/// of every word of [`TENSE_WORDS`] that long.
// Const evaluation checks every index of this table at compile time.
#[allow(clippy::indexing_slicing)]
const TENSE_SHAPES: [(u32, u32); 13] = {
    let mut shapes = [(0u32, 0u32); 13];
    let mut k = 0;
    while k < TENSE_WORDS.len() {
        let w = TENSE_WORDS[k];
        if !w.is_empty() && w.len() < shapes.len() {
            let (firsts, lasts) = shapes[w.len()];
            shapes[w.len()] = (
                firsts | 1 << (w[0] & 31),
                lasts | 1 << (w[w.len() - 1] & 31),
            );
        }
        k += 1;
    }
    shapes
};

/// Whether `raw` could be a word of [`TENSE_WORDS`] in some case, by its
/// length and its first and last letters.
fn may_be_tense_word(raw: &[u8]) -> bool {
    let (Some(&first), Some(&last), Some(&(firsts, lasts))) =
        (raw.first(), raw.last(), TENSE_SHAPES.get(raw.len()))
    else {
        return false;
    };
    firsts >> (first.to_ascii_lowercase() & 31) & 1 == 1
        && lasts >> (last.to_ascii_lowercase() & 31) & 1 == 1
}

/// The tense word `w` marks, read with the words around it inside
/// `lo..hi`: `Some(true)` for the future, `Some(false)` for the past,
/// `None` for neither.
fn word_tense(b: &[u8], w: (usize, usize), lo: usize, hi: usize) -> Option<bool> {
    let raw = b.get(w.0..w.1).unwrap_or_default();
    // Most words neither end as a participle or past tense nor are one
    // that the tests name: one look at their shape rules them out.
    if !raw.ends_with(b"ed") && !raw.ends_with(b"ing") && !may_be_tense_word(raw) {
        return None;
    }
    named_tense(b, w, lo, hi)
}

/// [`word_tense`], reading every word in full.
fn named_tense(b: &[u8], w: (usize, usize), lo: usize, hi: usize) -> Option<bool> {
    let mut buf = [0u8; 12];
    let raw = b.get(w.0..w.1).unwrap_or_default();
    let x = buf.get_mut(..raw.len()).unwrap_or_default();
    for (d, c) in x.iter_mut().zip(raw) {
        *d = c.to_ascii_lowercase();
    }
    // The word before, read only where a test needs it.
    let prev = || word_back(b, w.0, lo);
    let x: &[u8] = x;
    match x {
        // "is to travel": a plan.
        b"to" if prev().is_some_and(|p| any(b, p, &["is", "are"])) => Some(true),
        // "to be held"; a bare "be" is modal or subjunctive too:
        // "recommended that the stations be closed from Friday".
        b"be" => Some(true),
        // "I should like to make a statement": politeness, no tense.
        b"would" | b"should" if word(b, w.1, hi).is_some_and(|n| eq(b, n, "like")) => None,
        // The present of a timetable: "the flight which launches June 28".
        b"launches" | b"opens" | b"starts" | b"begins" | b"commences" | b"runs" | b"closes"
        | b"ends" | b"arrives" | b"departs" => Some(true),
        // "is (also) travelling to California on Friday": an
        // arrangement.
        _ if raw.len() > 5
            && raw.ends_with(b"ing")
            && prev()
                .and_then(|p| {
                    if any(b, p, &["also", "now", "still"]) {
                        word_back(b, p.0, lo)
                    } else {
                        Some(p)
                    }
                })
                .is_some_and(|p| any(b, p, &["is", "are", "am"])) =>
        {
            Some(true)
        }
        // "cooler than expected in March": no plan.
        b"expected" if prev().is_some_and(|p| any(b, p, &["than", "as"])) => None,
        b"will" | b"ll" | b"shall" | b"upcoming" | b"scheduled" | b"tomorrow" | b"next"
        | b"planned" | b"plans" | b"would" | b"expected" | b"expects" | b"due" | b"should"
        | b"must" | b"might" => Some(true),
        // A past tense, unless its context says otherwise: the context
        // is read only for the few words that could be one.
        _ => past_tense(b, w, x, lo).then_some(false).filter(|_| {
            let prev = prev();
            // "will be held": the participle after "be" is no past
            // tense. Nor is one followed by "by" ("a conference
            // convened by ..."). Nor is a present passive ("is
            // expected", "are being finalised").
            let after_be = prev.is_some_and(|p| any(b, p, &["be", "is", "are", "am", "being"]))
                || word(b, w.1, hi).is_some_and(|n| eq(b, n, "by"));
            // "The anticipated expiration dates": an adjective.
            let article = prev.is_some_and(|p| {
                any(
                    b,
                    p,
                    &[
                        "the", "a", "an", "its", "their", "our", "this", "these", "his", "her",
                    ],
                )
            });
            !after_be && !article
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Date, Extractor, Input};

    /// Finds the dates of `text` at reference date `reference` ("" for
    /// none) and compares them with `want`: (text, value or "null").
    fn check(name: &str, text: &str, reference: &str, want: &[(&str, &str)]) {
        let ex = Extractor::new();
        let input = Input::new(text);
        let input = if reference.is_empty() {
            input
        } else {
            input.reference_date(reference.parse::<Date>().unwrap())
        };
        let doc = ex.extract(input);
        let got: Vec<(String, String)> = doc
            .dates
            .iter()
            .map(|d| {
                assert_eq!(
                    &text[d.span.range()],
                    d.text,
                    "{name}: span and text disagree"
                );
                (
                    d.text.to_string(),
                    d.value
                        .as_ref()
                        .map_or("null".to_string(), |v| v.to_string()),
                )
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{name}: {text:?} at {reference}");
    }

    macro_rules! t {
        ($($name:ident: $text:expr, $reference:expr => [$(($t:expr, $v:expr)),* $(,)?];)*) => {
            $(#[test] fn $name() { check(stringify!($name), $text, $reference, &[$(($t, $v)),*]); })*
        };
    }

    t! {
        us_full: "They met on July 23, 2015 in Ottawa.", "2017-06-28" => [("July 23, 2015", "2015-07-23")];
        us_abbrev: "They met on Jul. 23, 2015 in Ottawa.", "2017-06-28" => [("Jul. 23, 2015", "2015-07-23")];
        us_sept: "It opened Sept. 5, 2014.", "2017-06-28" => [("Sept. 5, 2014", "2014-09-05")];
        us_no_comma: "It starts from July 1 2016.", "2015-11-26" => [("July 1 2016", "2016-07-01")];
        us_no_year: "It opens on July 23.", "2017-06-28" => [("July 23", "2017-07-23")];
        uk_full: "It opened on 23 July 2015.", "2017-06-28" => [("23 July 2015", "2015-07-23")];
        uk_ordinal_of: "It opens on the 23rd of July.", "2017-06-28" => [("23rd of July", "2017-07-23")];
        uk_weekday: "They meet on Wednesday 17 June.", "2015-06-20" => [("Wednesday 17 June", "2015-06-17")];
        us_weekday: "Ottawa, Wednesday, June 28, 2017.", "2017-06-28" => [("Wednesday, June 28, 2017", "2017-06-28")];
        weekday_date_colon: "The session opens on Tuesday, September 14:", "2021-09-13" => [("Tuesday, September 14", "2021-09-14")];
        not_a_time_colon: "Talks at 10:30 on July 4.", "2021-06-13" => [("July 4", "2021-07-04")];
        uk_weekday_comma_year: "It will be held on Sunday 22 February, 2009 in Melbourne.", "2009-02-16" => [("Sunday 22 February, 2009", "2009-02-22")];
        iso_day: "Filed 2015-07-23.", "2017-06-28" => [("2015-07-23", "2015-07-23")];
        month_year: "In July 2015 they met.", "2017-06-28" => [("July 2015", "2015-07")];
        bare_year: "The law passed in 2020.", "2021-06-01" => [("2020", "2020")];
        mid_year: "Work starts mid-2020.", "2019-06-01" => [("mid-2020", "2020")];
        early_year: "It ends in early 2019.", "2018-06-01" => [("early 2019", "2019")];
        late_year: "It ends in late 2019.", "2018-06-01" => [("late 2019", "2019")];
        early_in_year: "They vote early in 2016.", "2015-05-07" => [("early in 2016", "2016")];
        early_month_year: "It was renamed in early September 2016.", "2016-10-03" => [("early September 2016", "2016-09")];
        end_of_month: "Drafted by the end of September.", "2019-07-30" => [("the end of September", "2019-09")];
        end_of_the_month: "Drawn up by the end of the September.", "2019-07-30" => [("the end of the September", "2019-09")];
        bare_month_future: "We will meet the IOC in February.", "2016-05-12" => [("February", "2017-02")];
        bare_month_plain: "In June, we can choose.", "2016-04-05" => [("June", "2016-06")];
        bare_month_past: "They met in March.", "2017-06-28" => [("March", "2017-03")];
        bare_month_sentence_end: "Work begins in July.", "2017-06-28" => [("July", "2017-07")];
        bare_month_by: "The court rules by June.", "2017-03-28" => [("June", "2017-06")];
        month_list: "Highs in December, January, and February 2017.", "2017-06-28" => [("December", "2016-12"), ("January", "2017-01"), ("February 2017", "2017-02")];
        month_throughout: "Held throughout April and May 2013.", "2013-07-05" => [("April", "2013-04"), ("May 2013", "2013-05")];
        year_until_month: "He served from 1992 until July 2005.", "2013-07-05" => [("1992 until July 2005", "1992/2005-07")];
        bracketed_years_ago: "\"[Ten] years ago, a browser was born.", "2011-03-08" => [("[Ten] years ago", "2001")];
        share_today: "Its share has dropped to approximately 56 percent today.", "2011-03-08" => [("today", "PRESENT_REF")];
        this_critical_decade: "We must act in this critical decade.", "2021-09-17" => [("this critical decade", "202X")];
        not_bare_abbreviation: "Meet in Jun. or Jul. then.", "2017-06-28" => [];
        bare_month_last_year: "The dialogue took place in October.", "2017-02-17" => [("October", "2016-10")];
        bare_month_participle: "They welcome the conference convened by Australia in December.", "2009-10-30" => [("December", "2009-12")];
        not_football_half: "The second half ended with a goal.", "2018-06-19" => [];
        not_yesterdays_world: "We do not prepare children for yesterday’s world.", "2026-04-23" => [];
        this_month_name: "And this July, we will host a summit.", "2024-04-04" => [("this July", "2024-07")];
        next_month_name: "We meet next March.", "2024-04-04" => [("next March", "2025-03")];
        last_month_name: "We met last March.", "2024-04-04" => [("last March", "2024-03")];
        today: "Ministers met today.", "2019-07-30" => [("today", "2019-07-30")];
        today_possessive: "Today’s summit has ended.", "2016-05-12" => [("Today", "2016-05-12")];
        today_generic_market: "This is a shift from the U.S. market today.", "2021-08-05" => [("today", "PRESENT_REF")];
        today_generic_possessive: "We face today’s challenges.", "2022-09-12" => [("today", "PRESENT_REF")];
        today_generic_state: "Today, NATO is larger and stronger.", "2024-04-04" => [("Today", "PRESENT_REF")];
        today_announcing: "Today, the Administration is announcing new steps.", "2024-03-07" => [("Today", "2024-03-07")];
        today_also_releasing: "Today, OMB is also releasing guidance.", "2024-03-07" => [("Today", "2024-03-07")];
        today_generic_than: "Our will is stronger today than ever before.", "2024-04-04" => [("today", "PRESENT_REF")];
        this_weekend: "We will meet this weekend.", "2015-09-22" => [("this weekend", "2015-W39-WE")];
        this_weekend_past: "Thousands of fans attended the expo this weekend.", "2016-09-07" => [("this weekend", "2016-W35-WE")];
        last_weekend: "Fans gathered last weekend.", "2015-09-20" => [("last weekend", "2015-W37-WE")];
        every_weekend: "He works every weekend.", "2015-09-20" => [];
        today_generic_and_future: "We support Ukraine today and in the future.", "2024-09-25" => [("today", "PRESENT_REF")];
        today_and_tomorrow_are_days: "Talks run today and tomorrow.", "2024-09-25" => [("today", "2024-09-25"), ("tomorrow", "2024-09-26")];
        tomorrow_generic: "We are building tomorrow’s potential.", "2022-09-12" => [];
        tomorrow: "Tomorrow, they meet again.", "2019-07-30" => [("Tomorrow", "2019-07-31")];
        tomorrow_leap: "The vote is tomorrow.", "2020-02-29" => [("tomorrow", "2020-03-01")];
        yesterday_leap: "The vote was yesterday.", "2020-02-29" => [("yesterday", "2020-02-28")];
        yesterday_new_year: "The vote was yesterday.", "2021-01-01" => [("yesterday", "2020-12-31")];
        tonight: "The adverts start tonight.", "2013-01-28" => [("tonight", "2013-01-28")];
        earlier_today: "Someone emailed me earlier today.", "2008-01-20" => [("earlier today", "2008-01-20")];
        no_reference: "Ministers met today.", "" => [("today", "null")];
        no_reference_absolute: "They met on July 23, 2015.", "" => [("July 23, 2015", "2015-07-23")];
        no_reference_range: "It runs March 25-27, 2024 and 2-3 April.", "" => [("March 25-27, 2024", "2024-03-25/2024-03-27"), ("2-3 April", "null")];
        no_reference_holiday: "On Christmas Day 2016 and on Christmas Day.", "" => [("Christmas Day 2016", "2016-12-25"), ("Christmas Day", "null")];
        this_week: "They gathered in Ottawa this week.", "2017-06-28" => [("this week", "2017-W26")];
        earlier_this_week: "Earlier this week, he signed it.", "2025-02-04" => [("Earlier this week", "2025-W06")];
        this_week_w53: "They met this week.", "2021-01-02" => [("this week", "2020-W53")];
        next_week_into_w53: "They meet next week.", "2026-12-24" => [("next week", "2026-W53")];
        next_week_from_w53: "They meet next week.", "2020-12-28" => [("next week", "2021-W01")];
        last_week_from_w53: "They met last week.", "2021-01-02" => [("last week", "2020-W52")];
        this_week_w01: "They meet this week.", "2024-12-30" => [("this week", "2025-W01")];
        next_month: "It opens next month.", "2023-02-23" => [("next month", "2023-03")];
        next_month_december: "It opens next month.", "2019-12-15" => [("next month", "2020-01")];
        last_month_leap: "It opened last month.", "2020-02-29" => [("last month", "2020-01")];
        last_quarter_january: "Profits fell last quarter.", "2020-01-15" => [("last quarter", "2019-Q4")];
        next_quarter: "Profits rise next quarter.", "2019-11-01" => [("next quarter", "2020-Q1")];
        last_year: "They met last year.", "2017-06-28" => [("last year", "2016")];
        next_year: "The UK hosts an event next year.", "2019-07-30" => [("next year", "2020")];
        early_next_year: "Early next year, the Fed will act.", "2008-12-16" => [("Early next year", "2009")];
        later_this_year: "It comes into force later this year.", "2014-03-27" => [("later this year", "2014")];
        earlier_this_year: "It came into force earlier this year.", "2014-03-27" => [("earlier this year", "2014")];
        end_of_year: "Guidelines are due by the end of the year.", "2006-02-23" => [("the end of the year", "2006")];
        year_end: "The backlog is cleared by year end.", "2023-02-23" => [("year end", "2023")];
        year_before: "This is a decrease from the year before.", "2015-05-07" => [("the year before", "2014")];
        end_of_decade: "Sales rise by the end of the decade.", "2021-08-05" => [("the end of the decade", "202X")];
        a_year_ago: "Since relaunching the dialogue a year ago, trade grew.", "2022-09-12" => [("a year ago", "2021")];
        ten_years_ago: "It launched ten years ago.", "2013-01-28" => [("ten years ago", "2003")];
        two_weeks_ago: "It launched two weeks ago.", "2017-06-28" => [("two weeks ago", "2017-W24")];
        three_months_ago: "It launched three months ago.", "2017-06-28" => [("three months ago", "2017-03")];
        hours_ago: "A posting made just over 24 hours ago.", "2008-01-20" => [("24 hours ago", "2008-01-19")];
        years_ago_today: "75 years ago today, they signed.", "2024-04-04" => [("75 years ago today", "1949-04-04")];
        years_ago_today_leap: "4 years ago today, it began.", "2020-02-29" => [("4 years ago today", "2016-02-29")];
        year_ago_today_leap: "A year ago today, it began.", "2020-02-29" => [("A year ago today", "2019-02-28")];
        first_quarter: "Growth in the first quarter of 2021 was slow.", "2021-06-01" => [("the first quarter of 2021", "2021-Q1")];
        q3: "Results for Q3 2021 are out.", "2021-12-01" => [("Q3 2021", "2021-Q3")];
        second_half: "In the second half of 2020 it grew.", "2021-06-01" => [("the second half of 2020", "2020-H2")];
        this_summer: "They meet this summer.", "2017-06-28" => [("this summer", "2017-SU")];
        last_summer: "They applied before last summer.", "2023-02-23" => [("last summer", "2022-SU")];
        last_winter: "It snowed last winter.", "2023-06-01" => [("last winter", "2022-WI")];
        this_winter_january: "It snows this winter.", "2023-01-15" => [("this winter", "2022-WI")];
        autumn_year: "It comes into force in the autumn 2014.", "2014-03-27" => [("autumn 2014", "2014-FA")];
        decade: "It grew in the 1990s.", "2017-06-28" => [("the 1990s", "199X")];
        fy_dash: "Funding for 2015-16 rose.", "2015-11-26" => [("2015-16", "2015/2016")];
        fy_slash: "Use fell in 2016/17.", "2017-06-28" => [("2016/17", "2016/2017")];
        fy_slash_short: "Use fell in 2003/04.", "2013-01-28" => [("2003/04", "2003/2004")];
        early_fy: "Phased in from early 2016-17.", "2015-11-26" => [("early 2016-17", "2016/2017")];
        this_fy: "Sites are named during this current financial year.", "2015-11-26" => [("this current financial year", "2015/2016")];
        fiscal_year: "The budget for fiscal year 2024 passed.", "2023-06-01" => [("fiscal year 2024", "2024")];
        model_years: "Standards for Model Years 2023-2026.", "2021-08-05" => [("2023-2026", "2023/2026")];
        year_to_year: "He served from 2004 to 2009.", "2017-06-28" => [("2004 to 2009", "2004/2009")];
        day_range: "They met on 30-31 July 2019.", "2019-07-30" => [("30-31 July 2019", "2019-07-30/2019-07-31")];
        cross_month_range: "A visit from 13 July to 6 August 2014.", "2014-06-01" => [("13 July to 6 August 2014", "2014-07-13/2014-08-06")];
        full_dates_range: "The break applies from 13 December 2008 to 30 June 2009.", "2009-02-03" => [("13 December 2008 to 30 June 2009", "2008-12-13/2009-06-30")];
        full_dates_range_month_first: "He served from July 31, 1967 until July 3, 1968.", "2021-05-19" => [("July 31, 1967 until July 3, 1968", "1967-07-31/1968-07-03")];
        full_dates_out_of_order_are_two: "Filed 3 May 2001 to 2 May 2000 records.", "2021-05-19" => [("3 May 2001", "2001-05-03"), ("2 May 2000", "2000-05-02")];
        weekday_range: "Register from Wednesday 20 February to Tuesday 26 February 2008.", "2008-02-20" => [("Wednesday 20 February to Tuesday 26 February 2008", "2008-02-20/2008-02-26")];
        not_count: "A force of more than 2000 personnel.", "2017-06-28" => [];
        cross_month_range_2: "A visit from 29 October to 1 November 2009.", "2009-10-30" => [("29 October to 1 November 2009", "2009-10-29/2009-11-01")];
        us_range_no_year: "Voting runs from November 20 to December 11.", "2015-05-07" => [("November 20 to December 11", "2015-11-20/2015-12-11")];
        mixed_range: "They visit from October 31 – 4 November 2016.", "2016-08-08" => [("October 31 – 4 November 2016", "2016-10-31/2016-11-04")];
        us_range_dashes: "They met on October 31–-November 1, 2023 in Washington.", "2023-11-01" => [("October 31–-November 1, 2023", "2023-10-31/2023-11-01")];
        range_over_new_year: "From December 28 to January 3, 2021 it was shut.", "2021-01-05" => [("December 28 to January 3, 2021", "2020-12-28/2021-01-03")];
        between: "It grew between July 2003 and December 2004.", "2006-02-23" => [("July 2003", "2003-07"), ("December 2004", "2004-12")];
        act_name: "Under the Terrorism Act 2000 it is a crime.", "2017-06-28" => [("2000", "2000")];
        games_name: "Since London 2012, sport has grown.", "2017-06-28" => [("2012", "2012")];
        leap_day: "It was signed on February 29.", "2020-03-05" => [("February 29", "2020-02-29")];
        leap_day_full: "It was signed on 29 February 2020.", "2020-03-05" => [("29 February 2020", "2020-02-29")];
        no_leap_day: "It was signed on 29 February 2021.", "2021-03-05" => [("February 2021", "2021-02")];
        weekday_past: "The partners said in a communique issued Wednesday.", "2017-06-28" => [("Wednesday", "2017-06-28")];
        weekday_gathering: "People are gathering Saturday on the Hill.", "2017-06-28" => [("Saturday", "2017-07-01")];
        weekday_statement: "In a statement Sunday, he said it was vital.", "2017-06-28" => [("Sunday", "2017-06-25")];
        weekday_will: "The ministers will meet Tuesday.", "2017-06-28" => [("Tuesday", "2017-07-04")];
        weekday_will_be_held: "A service will be held in Melbourne on Sunday.", "2009-02-16" => [("Sunday", "2009-02-22")];
        weekday_available: "Details will be available Monday at the site.", "2009-02-16" => [("Monday", "2009-02-16")];
        not_opening_hours: "Call from 8am to 8pm, Monday to Friday.", "2015-01-08" => [];
        weekday_during: "During Friday’s meeting, the officials spoke.", "2024-04-22" => [("Friday", "2024-04-19")];
        weekday_future_clause: "The Government will aim to finalise the deal at COAG on Sunday - aimed at better care.", "2011-02-11" => [("Sunday", "2011-02-13")];
        named_day: "A National Day of Mourning will be held on Sunday 22 February, 2009. The National Day of Mourning matters.", "2009-02-16" => [("National Day of Mourning", "2009-02-22"), ("Sunday 22 February, 2009", "2009-02-22"), ("National Day of Mourning", "2009-02-22")];
        weekday_last: "They met last Friday.", "2017-06-28" => [("last Friday", "2017-06-23")];
        weekday_next: "They meet next Friday.", "2017-06-28" => [("next Friday", "2017-06-30")];
        weekday_next_same: "They meet next Wednesday.", "2017-06-28" => [("next Wednesday", "2017-07-05")];
        weekday_last_same: "They met last Wednesday.", "2017-06-28" => [("last Wednesday", "2017-06-21")];
        monday_on_january_2: "They met on Monday.", "2019-01-02" => [("Monday", "2018-12-31")];
        friday_on_january_2: "They will meet on Friday.", "2019-01-02" => [("Friday", "2019-01-04")];
        christmas: "The shops close on Christmas Day.", "2019-07-30" => [("Christmas Day", "2019-12-25")];
        christmas_year: "It opened on Christmas Day 2016.", "2019-07-30" => [("Christmas Day 2016", "2016-12-25")];
        new_years_day: "It opens on New Year's Day.", "2019-12-20" => [("New Year's Day", "2020-01-01")];
        new_year_lower: "With the new year around the corner, act now.", "2016-12-28" => [("new year", "2017-01-01")];
        canada_day: "They celebrate Canada Day.", "2017-06-28" => [("Canada Day", "2017-07-01")];
        independence_day: "Fireworks on Independence Day.", "2021-06-01" => [("Independence Day", "2021-07-04")];
        australia_day: "Honours on Australia Day.", "2020-01-20" => [("Australia Day", "2020-01-26")];
        anzac_day: "Services on Anzac Day.", "2015-04-20" => [("Anzac Day", "2015-04-25")];
        waitangi_day: "He spoke on Waitangi Day this year.", "2015-05-07" => [("Waitangi Day", "2015-02-06"), ("this year", "2015")];
        remembrance_day: "Poppies for Remembrance Day.", "2018-11-05" => [("Remembrance Day", "2018-11-11")];
        veterans_day: "Parades on Veterans Day.", "2021-11-01" => [("Veterans Day", "2021-11-11")];
        memorial_day: "Parades on Memorial Day.", "2021-05-20" => [("Memorial Day", "2021-05-31")];
        labour_day: "A holiday on Labour Day.", "2019-08-25" => [("Labour Day", "2019-09-02")];
        thanksgiving: "Travel before Thanksgiving.", "2017-11-01" => [("Thanksgiving", "2017-11-23")];
        thanksgiving_in_canada: "Canadians travel before Thanksgiving.", "2017-10-01" => [("Thanksgiving", "2017-10-09")];
        canadian_thanksgiving: "Travel before Canadian Thanksgiving.", "2017-10-01" => [("Canadian Thanksgiving", "2017-10-09")];
        easter: "Shops shut at Easter.", "2019-04-01" => [("Easter", "2019-04-21")];
        good_friday: "Shops shut on Good Friday.", "2019-04-01" => [("Good Friday", "2019-04-19")];
        easter_monday: "Shops open on Easter Monday.", "2019-04-01" => [("Easter Monday", "2019-04-22")];
        not_duration: "A two-day meeting for 10 years over the past year.", "2017-06-28" => [];
        not_recurrence: "Every year we meet, every Sunday we pray.", "2017-06-28" => [];
        not_now: "Now is the time; in recent years it grew.", "2017-06-28" => [];
        not_modal_may: "We may meet. They march on. May they win.", "2017-06-28" => [];
        weekday_before_name: "On Monday President Biden signed it.", "2021-06-02" => [("Monday", "2021-05-31")];
        not_sunday_telegraph: "Sunday Telegraph readers wrote in.", "2017-06-28" => [];
        not_sunday_times: "The Sunday Times reported it.", "2017-06-28" => [];
        not_numbers: "It cost $2000 for 1,500 people, 19.3 per cent, 2019% up, at 10.30am.", "2017-06-28" => [];
        not_last_year_duration: "Over the last year and over the next year it grew.", "2017-06-28" => [];
        not_lunar_new_year: "Greetings for Lunar New Year and Holocaust Remembrance Day.", "2021-02-10" => [];
        not_other_independence_day: "It is also Ukraine’s Independence Day.", "2023-08-24" => [];
        not_each_holiday: "Each Australia Day we meet.", "2007-01-26" => [];
        holiday_after_on: "On Christmas Day we rest.", "2016-12-20" => [("Christmas Day", "2016-12-25")];
        not_easter_island: "They flew to Easter Island.", "2017-06-28" => [];
        month_last_year: "It was set up in December last year.", "2007-02-08" => [("December last year", "2006-12")];
        month_of_this_year: "It opens in September of this year.", "2010-01-20" => [("September of this year", "2010-09")];
        day_this_year: "From 1 July this year it pays.", "2014-04-30" => [("1 July this year", "2014-07-01")];
        day_comma_next_year: "It will end March 1, next year.", "2013-05-15" => [("March 1, next year", "2014-03-01")];
        month_range_year: "Paid for the period April to August 2017.", "2016-12-20" => [("April to August 2017", "2017-04/2017-08")];
        month_dash_range: "An advance payment in May-June 2012.", "2011-07-10" => [("May-June 2012", "2012-05/2012-06")];
        month_slash_range: "Council meets in March/April 2014.", "2013-11-23" => [("March/April 2014", "2014-03/2014-04")];
        months_and_year: "Floods in October and November 2010.", "2010-12-20" => [("October", "2010-10"), ("November 2010", "2010-11")];
        listed_months_follow: "Supply rises over the course of July and August.", "2022-07-16" => [("July", "2022-07"), ("August", "2022-08")];
        season_of_last_year: "Proposals came during the autumn of last year.", "2014-04-01" => [("the autumn of last year", "2013-FA")];
        later_in_the_year: "A ceremony is planned for later in the year.", "2010-03-02" => [("later in the year", "2010")];
        not_week_before_clause: "He was in Paris the week before I was.", "2016-12-12" => [];
        not_decade_after_event: "In the decade after Congress passed the ban, it fell.", "2023-01-01" => [];
        not_coming_year_duration: "Over the coming year, we will work.", "2024-05-16" => [];
        this_christmas: "Wherever you are this Christmas, rest.", "2016-12-25" => [("this Christmas", "2016-12-25")];
        last_christmas: "We met last Christmas.", "2016-12-20" => [("last Christmas", "2015-12-25")];
        fourth_of_july: "Fireworks before the Fourth of July.", "2026-05-22" => [("Fourth of July", "2026-07-04")];
        not_usa_today: "Reporters with the USA TODAY Network went.", "2025-06-11" => [];
        not_thursday_island: "A school on Thursday Island opens.", "2009-06-30" => [];
        not_a_sunday: "We gather on a Sunday night.", "2026-02-08" => [];
        weekday_day_and: "Timetables apply on Saturday 8 and Sunday 9 September.", "2007-05-16" => [("Saturday 8", "2007-09-08"), ("Sunday 9 September", "2007-09-09")];
        day_and_day: "It runs over the weekend of 25 and 26 May.", "2013-05-20" => [("25", "2013-05-25"), ("26 May", "2013-05-26")];
        past_day_last_year: "The wreck was found on 20 December.", "2010-03-02" => [("20 December", "2009-12-20")];
        future_day_next_year: "New tables will start on 1 January.", "2011-08-10" => [("1 January", "2012-01-01")];
        past_day_named_event: "The aid was made in response to the 14 November earthquake.", "2017-02-17" => [("14 November", "2016-11-14")];
        subjunctive_be: "It recommended that the stations be closed from Friday 7 September to Sunday 9 September.", "2007-05-16" => [("Friday 7 September to Sunday 9 September", "2007-09-07/2007-09-09")];
        reported_that: "Police requested that the government develop restrictions from 13 July to 6 August.", "2014-04-01" => [("13 July to 6 August", "2014-07-13/2014-08-06")];
        weekday_same_again: "A flight will depart on Wednesday. Details of Wednesday's flight are being finalised.", "2011-01-31" => [("Wednesday", "2011-02-02"), ("Wednesday", "2011-02-02")];
        weekday_is_travelling: "She is also traveling to California on Friday.", "2025-01-08" => [("Friday", "2025-01-10")];
        weekday_to_be: "The Budget, to be delivered on Tuesday night, matters.", "2014-05-10" => [("Tuesday", "2014-05-13")];
        weekday_gerund_after_preposition: "The floor, shortly after opening Friday.", "2016-09-07" => [("Friday", "2016-09-02")];
        weekday_should_like: "I should like to make a statement about the riot on Friday.", "2016-12-19" => [("Friday", "2016-12-16")];
        since_month: "Since December, 51 areas qualify.", "2011-01-05" => [("December", "2010-12")];
        expected_month: "Appointments are expected to start in March.", "2010-01-22" => [("March", "2010-03")];
        agreed_is_past: "As agreed at the summit in November, they will meet.", "2022-01-20" => [("November", "2021-11")];
        anticipated_adjective: "The anticipated expiration dates remain set at June 30 for loans.", "2010-01-27" => [("June 30", "2010-06-30")];
        fy_forms: "In the FY22 budget and FY 2023, and from FY 2008 – FY 2020.", "2021-06-01" => [("FY22", "2022"), ("FY 2023", "2023"), ("FY 2008 – FY 2020", "2008/2020")];
        us_fiscal_this: "This fiscal year, the United States will resettle more.", "2023-11-01" => [("This fiscal year", "2024")];
        spaced_year_range: "He served from 1964 - 1997.", "2013-06-01" => [("1964 - 1997", "1964/1997")];
        not_megawatts: "It is adding 2000 megawatts of power.", "2017-03-16" => [];
        proclamation: "I have set my hand this sixth day of March, in the year of our Lord two thousand twenty-five, and of the Independence.", "2025-03-06" => [("sixth day of March, in the year of our Lord two thousand twenty-five", "2025-03-06")];
        proclamation_thirty_first: "Set this thirty-first day of January, in the year of our Lord two thousand twenty-five.", "2025-01-31" => [("thirty-first day of January, in the year of our Lord two thousand twenty-five", "2025-01-31")];
        treaty_date: "Signed in Tokyo this 28th day of October, two thousand and twenty-five.", "2025-10-27" => [("28th day of October, two thousand and twenty-five", "2025-10-28")];
        day_of_month_digits: "They met on this 26th day of April, 2023 to mark it.", "2023-04-26" => [("26th day of April, 2023", "2023-04-26")];
        apposition_day: "On April 2, 2025, Liberation Day, tariffs began. As announced on Liberation Day, they hold.", "2025-05-08" => [("April 2, 2025", "2025-04-02"), ("Liberation Day", "2025-04-02"), ("Liberation Day", "2025-04-02")];
        not_march_for_life: "They came to the March for Life. We mark the third week of March each year.", "2025-03-18" => [];
        its_month: "Gas is down 25% from its November average.", "2021-12-10" => [("November", "2021-11")];
        us_numeric_dates: "[Statement, 05/02/2024] and [3/21/23] but not 24/7 or 1/2.", "2024-05-06" => [("05/02/2024", "2024-05-02"), ("3/21/23", "2023-03-21")];
        day_first_numeric: "Filed 21/3/2023.", "2023-04-01" => [("21/3/2023", "2023-03-21")];
        this_past_month: "He spoke at the summit this past June.", "2022-07-11" => [("this past June", "2022-06")];
        mid_month: "Sales start as early as mid-October.", "2022-08-16" => [("mid-October", "2022-10")];
        year_after_than: "Net zero no later than 2050. More than 2000 personnel.", "2022-05-23" => [("2050", "2050")];
        year_after_around: "Completion is expected around 2012.", "2010-06-09" => [("2012", "2012")];
        pre_year_homes: "Rules apply to pre-1978 homes.", "2022-06-17" => [("1978", "1978")];
        may_from: "Submissions are sought from May.", "2009-04-05" => [("May", "2009-05")];
        name_in_ed: "On Wednesday, Mohamed and his father are to travel to New York.", "2015-09-22" => [("Wednesday", "2015-09-23")];
        capital_past_at_start: "Announced Friday, the grant helps.", "2022-09-24" => [("Friday", "2022-09-23")];
        early_decade: "It closed in the early 1990s and grew in the mid-2000s.", "2012-12-17" => [("the early 1990s", "199X"), ("the mid-2000s", "200X")];
        previous_year_compared: "Sales rose 5% on the previous year, within the previous year.", "2012-03-01" => [("the previous year", "2011")];
        previous_year_anaphora: "Sales surged 5 percent in 2021 compared to the previous year.", "2022-02-01" => [("2021", "2021"), ("the previous year", "2020")];
        previous_year_not_since: "Murders fell for the first time since 2019, dropping 40% from the previous year.", "2025-06-01" => [("2019", "2019"), ("the previous year", "2024")];
        this_may: "This May around 9 million people voted.", "2016-05-24" => [("This May", "2016-05")];
        commonwealth_day: "Commonwealth Day is an opportunity.", "2009-03-10" => [("Commonwealth Day", "2009-03-09")];
        today_adverb_progressive: "Today, my Administration is proudly advancing it.", "2025-06-01" => [("Today", "2025-06-01")];
        today_passive: "Today, we are reminded that he served.", "2025-06-01" => [("Today", "2025-06-01")];
        compound_years_ago: "It happened fifty-four years ago today.", "2022-04-04" => [("fifty-four years ago today", "1968-04-04")];
        than_expected: "Inflation was cooler than expected in March.", "2025-04-10" => [("March", "2025-03")];
        participle_after_date: "The dates remain set at June 30 for loans backed by mortgage-backed bonds.", "2010-01-27" => [("June 30", "2010-06-30")];
        that_determiner: "And you will see that action on Tuesday.", "2022-07-11" => [("Tuesday", "2022-07-12")];
        no_tense_day_this_year: "As outlined by the January 27 Executive Order.", "2021-12-08" => [("January 27", "2021-01-27")];
        year_of_named_event: "The gift comes ahead of the start of the 2013 Red Shield Appeal.", "2013-05-20" => [("2013", "2013")];
        // Boilerplate blocks between content blocks are passed over, and no
        // expression runs from one block into the next.
        blocks_are_scanned_apart: "On 3 May 2010 the talks began.\n\nRead more: talks of 4 May 2010\n\n5 May 2010 to 6 May 2010 they ran.\n\nAdvertisement\n\nJuly\n\n2011 was next.\n", "2010-06-01" => [
            ("3 May 2010", "2010-05-03"),
            ("5 May 2010 to 6 May 2010", "2010-05-05/2010-05-06"),
            ("2011", "2011"),
        ];
        // Words that share their first letters with a pattern, or a
        // pattern's first word, and the patterns themselves.
        near_misses: "That Thanksgiving, thanks to the market, Marchers marched in March 2010; in FY2011, in Q3, on Mar 3 2010, in East Easter 2011, the four Fourth of July parades, Australian Australia Day, and New Year.", "2010-06-01" => [
            ("March 2010", "2010-03"),
            ("FY2011", "2011"),
            ("Q3", "2010-Q3"),
            ("Mar 3 2010", "2010-03-03"),
            ("2011", "2011"),
            ("Fourth of July", "2010-07-04"),
            ("New Year", "2010-01-01"),
        ];
        date_split_by_a_block_break: "Held from July 23\n\n2015 to 2016.", "2016-06-01" => [("July 23", "2016-07-23"), ("2015 to 2016", "2015/2016")];
    }

    #[test]
    fn infers_the_reference_date() {
        for (text, want, first) in [
            ("OTTAWA, June 28, 2017 — Ministers met today.", "2017-06-28", "June 28, 2017"),
            ("Title\n\nLast updated: 5 May 2020\n\nIt rained yesterday.", "2020-05-05", "5 May 2020"),
            ("Title here\n\nPublished 30 July 2019\n\nIt rained yesterday.", "2019-07-30", "30 July 2019"),
            ("THE WHITE HOUSE, December 27, 2021.\n\nToday we act.", "2021-12-27", "December 27, 2021"),
            ("Reports of a new process\n\nThursday, February 23, 2023\n\nThe Home Office today begins.", "2023-02-23", "Thursday, February 23, 2023"),
        ] {
            let doc = Extractor::new().extract(text);
            assert_eq!(doc.reference_date, Some(want.parse().unwrap()), "{text}");
            assert_eq!(doc.dates.first().map(|d| d.text.as_ref()), Some(first), "{text}");
            let last = doc.dates.last().and_then(|d| d.value.as_ref()).map(|v| v.to_string());
            assert!(last.is_some(), "{text}: relative date unresolved");
        }
        assert_eq!(
            Extractor::new()
                .extract("Ministers met today.")
                .reference_date,
            None
        );
        // A date line anywhere, alone in its block, gives the date; dates
        // inside running text, list items and clauses do not.
        for (text, want) in [
            ("Title\n\nThe Council met today.\n\n4 December 2013\n\nMr Newman joined.", Some("2013-12-04")),
            ("Title\n\nToday I signed it.\n\nTHE WHITE HOUSE,\nDecember 27, 2021.\n\n###", Some("2021-12-27")),
            ("Title\n\nFollowing the resolution of\n\n2 March 2022, we will stand with them.", None),
            ("Title\n\nAs I reported on October 27, 2023, November 10, 2023, we acted.", None),
            ("Title\n\nToday we act.\n\n- February 25, 2026: payments halted.\n- March 2, 2026: more.", None),
            ("Training record numbers of GPs 15 March 2010\n\nThe Government will act today.", Some("2010-03-15")),
            ("Remembering the attacks of September 11, 2001\n\nToday we remember.", None),
            ("Drug limits\n\nToday (27 March 2014) the government acts.", Some("2014-03-27")),
            ("Flag process\n\nThursday, May 7, 2015 On Tuesday, the government began.", Some("2015-05-07")),
        ] {
            let got = Extractor::new().extract(text).reference_date;
            assert_eq!(got, want.map(|w| w.parse().unwrap()), "{text}");
        }
    }

    #[test]
    fn nothing_from_boilerplate() {
        let text = "Ministers met in Ottawa on July 23, 2015.\n\nREAD MORE: Five Eyes intelligence – May 16, 2017\n";
        let doc = Extractor::new()
            .extract(Input::new(text).reference_date("2017-06-28".parse().unwrap()));
        let got: Vec<&str> = doc.dates.iter().map(|d| d.text.as_ref()).collect();
        assert_eq!(got, ["July 23, 2015"]);
    }

    #[test]
    fn random_token_soup_keeps_spans_sound() {
        let vocab = [
            "July",
            "23",
            ",",
            "2015",
            "-",
            "–",
            "—",
            "to",
            "the",
            "end",
            "of",
            "mid-",
            "early",
            "next",
            "last",
            "week",
            "year",
            "ago",
            "today",
            "’s",
            "'s",
            "Sunday",
            "Q3",
            "fiscal",
            "financial",
            "2015-16",
            "/",
            "04",
            "é",
            "\u{a0}",
            "\n",
            "Christmas",
            "Day",
            "New",
            "Year",
            "on",
            "will",
            "said",
            "summer",
            "the 1990s",
            "a",
            "ten",
            "hours",
            "31st",
            "Sept.",
            "May",
            "9999",
            "0",
            "1",
            "Thanksgiving",
            "National",
            "Day",
            "of",
            "Mourning",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let ex = Extractor::new();
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(vocab[(seed >> 33) as usize % vocab.len()]);
                if seed & 1 == 0 {
                    text.push(' ');
                }
            }
            for r in ["2020-02-29", "0001-01-01", "9999-12-31"] {
                let doc = ex.extract(Input::new(&text).reference_date(r.parse().unwrap()));
                for d in &doc.dates {
                    assert_eq!(&text[d.span.range()], d.text);
                    assert_eq!(d.text.trim(), d.text);
                }
            }
        }
    }

    /// The place of a block's first hit, moved on from the last block's,
    /// is the one a search finds, blocks in order or not.
    #[test]
    fn seeking_hits_finds_what_a_search_finds() {
        let mut next = crate::testing::draws(0x2545_F491_4F6C_DD1D);
        for _ in 0..500 {
            let mut hits: Vec<(usize, usize)> = (0..next(12)).map(|k| (next(100), k)).collect();
            hits.sort_unstable();
            let mut from = 0;
            let mut start = 0;
            for _ in 0..20 {
                // Mostly onward, now and then back.
                start = if next(8) == 0 {
                    next(100)
                } else {
                    start + next(15)
                };
                let want = hits.partition_point(|&(h, _)| h < start);
                assert_eq!(
                    super::seek(&hits, &mut from, start, |&(h, _)| h),
                    want,
                    "{hits:?} from {start}"
                );
                assert_eq!(from, want, "{hits:?} from {start}");
            }
        }
    }

    #[test]
    fn repetitive_inputs_stay_linear() {
        // Many mentions of a self-dated name, long runs of triggers and of
        // digits: each must cost constant work.
        let mut text = String::from(
            "A National Day of Mourning would be held on Sunday 22 February, 2009.\n\n",
        );
        for _ in 0..3000 {
            text.push_str(
                "The National Day of Mourning, today, Monday to Friday 2009-10 and 30-31 July. ",
            );
        }
        text.push_str(&"1".repeat(50_000));
        text.push_str(&" Mar".repeat(20_000));
        let start = std::time::Instant::now();
        let doc = Extractor::new()
            .extract(Input::new(&text).reference_date("2009-02-16".parse().unwrap()));
        assert!(
            doc.dates.len() > 12_000,
            "{} {:?}",
            doc.dates.len(),
            doc.dates
                .iter()
                .take(12)
                .map(|d| d.text.as_ref())
                .collect::<Vec<_>>()
        );
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }

    #[test]
    fn words_are_looked_up_in_any_case() {
        use super::{DateFinder, Kind};
        let words = DateFinder::new().words;
        assert_eq!(words.get(b"September"), Some((Kind::Month, 9)));
        assert_eq!(words.get(b"SEPT"), Some((Kind::Month, 9)));
        assert_eq!(words.get(b"sep"), Some((Kind::Month, 9)));
        assert_eq!(words.get(b"tOdAy"), Some((Kind::RelDay, 0)));
        for w in [
            "",
            "s",
            "se",
            "sept.",
            "septembers",
            "Septembe",
            "t\u{f3}day",
        ] {
            assert_eq!(words.get(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn patterns_compare_from_the_end_as_from_the_start() {
        for (text, pattern) in [
            ("Thanksgiving", "thanksgiving"),
            ("THANKSGIVING DAY", "thanksgiving day"),
            ("that", "thanksgiving"),
            ("Australian h", "australia day"),
            ("Anzac’s", "anzac’s"),
            ("Q3", "q3"),
            ("", ""),
            ("Q", "q3"),
            ("é", "e"),
        ] {
            assert_eq!(
                super::ends_first_eq(text.as_bytes(), pattern.as_bytes()),
                text.as_bytes().eq_ignore_ascii_case(pattern.as_bytes()),
                "{text} {pattern}"
            );
        }
    }

    /// Every holiday name is found, in any case, whether it is sought from
    /// its first word or from a later one (its anchor), at the start of a
    /// text and after other words.
    #[test]
    fn every_holiday_name_is_found() {
        let holidays = super::DateFinder::new().holidays;
        let ex = Extractor::new();
        for (name, _) in &holidays {
            for (lead, name) in [("", name.clone()), ("They met on ", name.to_uppercase())] {
                let text = format!("{lead}{name} 2015 and left.");
                let doc =
                    ex.extract(Input::new(&text).reference_date("2016-06-01".parse().unwrap()));
                assert!(
                    doc.dates.iter().any(|d| d.text.starts_with(name.as_str())),
                    "{text}: {:?}",
                    doc.dates
                );
            }
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "2015-",
            "July",
            "30-",
            "mid-",
            "é2015é",
            "31 February",
            "ago",
            "a ago",
            "9999 to 10000",
            "Q4",
            "the",
            "’s today’",
            "\u{a0}June\u{a0}2",
        ] {
            let doc = Extractor::new()
                .extract(Input::new(text).reference_date("9999-12-31".parse().unwrap()));
            for d in &doc.dates {
                assert_eq!(&text[d.span.range()], d.text);
            }
        }
    }
}

#[cfg(test)]
mod shortcut_tests {
    use super::*;

    /// `skip_ws_back` steps over its first space without a branch; it
    /// stops where a plain loop over every blank stops, from every end
    /// and down to every floor, in runs of mixed blanks.
    #[test]
    fn skipping_blanks_back_stops_where_the_plain_loop_does() {
        fn plain(b: &[u8], mut i: usize, lo: usize) -> usize {
            while i > lo {
                match before(b, i) {
                    b' ' | b'\t' | b'\n' | b'\r' => i -= 1,
                    0xA0 if i >= lo + 2 && at(b, i - 2) == 0xC2 => i -= 2,
                    0xAF | 0x89 | 0x8A
                        if i >= lo + 3 && at(b, i - 3) == 0xE2 && at(b, i - 2) == 0x80 =>
                    {
                        i -= 3
                    }
                    _ => break,
                }
            }
            i
        }
        let texts = [
            "",
            " ",
            "a b",
            "a  b",
            "word \t\n\r end",
            "x\u{a0} y",
            " \u{a0}\u{202f}\u{2009}\u{200a} z ",
            "\u{a0}\u{a0}",
            "é \u{2009}",
            "\u{2019} ",
        ];
        for text in texts {
            let b = text.as_bytes();
            for i in 0..=b.len() {
                for lo in 0..=i {
                    assert_eq!(skip_ws_back(b, i, lo), plain(b, i, lo), "{text:?} {i} {lo}");
                }
            }
        }
    }

    /// Named days are sought among the walked word starts that read
    /// "Day": the walk must meet every one.
    #[test]
    fn every_day_is_walked() {
        assert_eq!(word_key(b"Day", 0), DAY_KEY);
        assert_eq!(word_key(b"day", 0), DAY_KEY);
        assert!(DateFinder::new().may_trigger.contains(DAY_KEY));
    }

    /// [`tense`] as it reads every word of both walks and keeps the
    /// nearest marker, for comparison with the walks that stop early.
    fn tense_every_word(b: &[u8], lo: usize, hi: usize, s: usize, e: usize) -> Option<bool> {
        if progressive_before(b, lo, s) {
            return Some(true);
        }
        let mut best: Option<(usize, bool)> = None;
        let mut consider = |w: (usize, usize), dist: usize| {
            if let Some(t) = word_tense(b, w, lo, hi) {
                if best.is_none_or(|(d, _)| dist < d) {
                    best = Some((dist, t));
                }
            }
        };
        let mut i = s;
        for _ in 0..60 {
            let j = skip_ws_back(b, i, lo);
            if j <= lo {
                break;
            }
            let k = j - letters_back(b, lo, j);
            if k < j {
                if eq(b, (k, j), "that") && word_back(b, k, lo).is_some_and(|p| reports(b, p)) {
                    break;
                }
                consider((k, j), s - j);
                i = k;
            } else {
                i = j - 1;
            }
        }
        let mut i = e;
        for _ in 0..12 {
            let j = skip_ws(b, i, hi);
            if j >= hi {
                break;
            }
            match word(b, j, hi) {
                Some(w) => {
                    consider(w, w.0 - e + 40);
                    i = w.1;
                }
                None => i = j + 1,
            }
        }
        best.map(|(_, t)| t)
    }

    /// The texts of the fixture suite.
    fn fixture_texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("fixtures")
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                let txt = path.extension().is_some_and(|x| x == "txt");
                txt.then(|| std::fs::read_to_string(path).ok()).flatten()
            })
            .collect();
        texts.sort();
        assert!(texts.len() > 10, "the fixture texts are found");
        texts
    }

    #[test]
    fn numbers_are_ruled_out_by_the_bytes_before_them() {
        let text = "5 A4 2,000 1.5 1995-2000 $5 £5 €5 #3 1/2 (6) on 7 May, 8-9 July -10 –11";
        let b = text.as_bytes();
        let starts: Vec<(&str, bool)> = (0..b.len())
            .filter(|&s| at(b, s).is_ascii_digit() && !before(b, s).is_ascii_digit())
            .map(|s| {
                let e = (s..b.len())
                    .find(|&e| !at(b, e).is_ascii_digit())
                    .unwrap_or(b.len());
                (&text[s..e], number_may_start(b, s))
            })
            .collect();
        let want = [
            ("5", true),
            ("4", false),
            ("2", true),
            ("000", false),
            ("1", true),
            ("5", false),
            ("1995", true),
            ("2000", false),
            ("5", false),
            ("5", false),
            ("5", false),
            ("3", false),
            ("1", true),
            ("2", false),
            ("6", true),
            ("7", true),
            ("8", true),
            // A day range is read from its first day.
            ("9", false),
            ("10", true),
            ("11", true),
        ];
        assert_eq!(starts, want);
    }

    /// A number that `number_may_date` rules out reads as no date, in the
    /// fixture texts and in odd ends of spans.
    #[test]
    fn numbers_ruled_out_by_the_bytes_after_them_read_as_no_date() {
        let finder = DateFinder::new();
        let mut texts = fixture_texts();
        texts.push(
            "1 2 3 12 123 1234 12345 5 of May 6 and 7 June 8-9 July 10 \u{2013}11 May 1/2/2003 \
             4th 5 May 6 to 7 May 8 until 9 May 10 per cent 3 x 2 (4) 11 12"
                .to_string(),
        );
        let mut ruled_out = 0;
        for text in &texts {
            let b = text.as_bytes();
            for s in (0..b.len()).filter(|&s| at(b, s).is_ascii_digit()) {
                for hi in [s + 1, s + 2, s + 3, s + 6, (s + 40).min(b.len()), b.len()] {
                    if hi > b.len() || text.get(..hi).is_none() || number_may_date(b, s, hi) {
                        continue;
                    }
                    ruled_out += 1;
                    assert!(finder.at_number(b, s, hi).is_none(), "{:?}", &text[s..hi]);
                }
            }
        }
        assert!(ruled_out > 100);
    }

    #[test]
    fn a_month_trigger_reads_as_its_word_does() {
        let finder = DateFinder::new();
        let mut months = 0;
        for (p, t) in &finder.triggers {
            let Trigger::Word(Kind::Month, m) = *t else {
                continue;
            };
            let name = std::str::from_utf8(p).unwrap();
            let title = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
            for v in [name.to_string(), name.to_uppercase(), title] {
                for after in ["", " 5", "5", ".", ". 5", ",", "-"] {
                    let text = format!("{v}{after}");
                    let b = text.as_bytes();
                    let want = finder.month_at(b, word(b, 0, b.len()));
                    let got = month_trigger_end(b, 0, v.len()).map(|e| (m as u32, e));
                    assert_eq!(got, want, "{text:?}");
                    months += usize::from(want.is_some());
                }
            }
        }
        assert!(months > 100, "months read: {months}");
    }

    #[test]
    fn a_day_is_read_from_its_number() {
        let b = b"23rd May, 5,000 or 32 and 7 July, 1st-2nd 123 9am 10%";
        let day = |s: usize| {
            let (ns, e, v) = number(b, s, b.len())?;
            day_of_number(b, ns, e, v, b.len())
        };
        // The day, and where it ends: after its suffix, if any.
        for (s, want) in [
            (0, Some((23, 4))),
            (10, None),
            (19, None),
            (26, Some((7, 27))),
            (34, Some((1, 37))),
            (38, Some((2, 41))),
            (42, None),
            (46, None),
            (50, None),
        ] {
            assert_eq!(day(s), want, "{s}");
        }
    }

    #[test]
    fn word_shapes_rule_out_only_words_that_mark_no_tense() {
        for w in TENSE_WORDS {
            let w = std::str::from_utf8(w).unwrap();
            let title = format!("{}{}", w[..1].to_uppercase(), &w[1..]);
            for v in [w.to_string(), w.to_uppercase(), title] {
                assert!(may_be_tense_word(v.as_bytes()), "{v}");
            }
        }
        let mut texts = fixture_texts();
        // Every named word, in every case, after and before the words
        // its tests read.
        let mut probes = String::new();
        for w in TENSE_WORDS {
            let w = std::str::from_utf8(w).unwrap();
            for v in [w.to_string(), w.to_uppercase()] {
                for (a, c) in [("is", "by"), ("than", "like"), ("the", "x"), ("", "")] {
                    probes.push_str(&format!("{a} {v} {c}\n"));
                }
            }
        }
        texts.push(probes);
        let mut marked = 0;
        for text in &texts {
            let b = text.as_bytes();
            let mut lo = 0;
            for line in text.split_inclusive('\n') {
                let hi = lo + line.len();
                let mut s = lo;
                while let Some(w) = (s < hi).then(|| word(b, s, hi)) {
                    let Some(w) = w else {
                        s += 1;
                        continue;
                    };
                    let want = named_tense(b, w, lo, hi);
                    assert_eq!(word_tense(b, w, lo, hi), want, "{:?}", &text[w.0..w.1]);
                    marked += usize::from(want.is_some());
                    s = w.1;
                }
                lo = hi;
            }
        }
        assert!(marked > 1000, "the texts hold tense markers: {marked}");
    }

    #[test]
    fn tense_stops_where_no_nearer_marker_can_come() {
        let mut texts = fixture_texts();
        texts.push(
            "They will meet Tuesday. He said Sunday that it was held. Talks \
             gathering Saturday; the flight launches June 28. It is to open \
             Friday, as expected in March, and we would like to meet Monday \
             - they met. A conference convened by Australia in December."
                .to_string(),
        );
        let mut markers = 0;
        for text in &texts {
            let b = text.as_bytes();
            // Each line stands for a sentence, each word for a mention.
            let mut lo = 0;
            for line in text.split_inclusive('\n') {
                let hi = lo + line.len();
                let mut s = lo;
                while s < hi {
                    let Some((ws, we)) = word(b, s, hi) else {
                        s += 1;
                        continue;
                    };
                    let want = tense_every_word(b, lo, hi, ws, we);
                    assert_eq!(tense(b, lo, hi, ws, we), want, "{:?}", &text[ws..we]);
                    markers += usize::from(want.is_some());
                    s = we;
                }
                lo = hi;
            }
        }
        assert!(markers > 1000, "the texts hold tense markers: {markers}");
    }
}
