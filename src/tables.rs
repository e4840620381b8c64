//! The data tables under `src/data/`, embedded at compile time.
//!
//! This is the only module that touches the files; each stage parses the
//! tables it needs once, when an [`Extractor`](crate::Extractor) is built.
//! Every table is plain UTF-8 text: `#` starts a comment line, blank lines
//! are skipped, and columns are separated by tabs.

/// Boilerplate patterns: `name, scope, pattern`.
pub(crate) const BOILERPLATE: &str = include_str!("data/boilerplate.tsv");
/// Caption and photo-credit patterns: `name, pattern`.
pub(crate) const CAPTIONS: &str = include_str!("data/captions.tsv");
/// Abbreviations that a full stop does not end a sentence after:
/// `abbreviation, class`.
pub(crate) const ABBREVIATIONS: &str = include_str!("data/abbreviations.tsv");
/// Words that begin sentences: one a line.
pub(crate) const SENTENCE_STARTERS: &str = include_str!("data/sentence_starters.txt");
/// Lead-in patterns of commitment lists: `name, polarity, pattern`.
pub(crate) const COMMITMENT_LEADS: &str = include_str!("data/commitment_leads.tsv");

// Country stage (country.rs).
/// Countries: ISO codes, names, aliases and demonyms.
pub(crate) const COUNTRIES: &str = include_str!("data/countries.tsv");
/// Country look-alikes and the context rules of ambiguous country forms.
pub(crate) const COUNTRY_GUARDS: &str = include_str!("data/country_guards.tsv");

// Date stage (date.rs).
/// Named days: holidays of fixed or computable date: `name, rule`.
pub(crate) const HOLIDAYS: &str = include_str!("data/holidays.tsv");
/// Words of date expressions: `word, kind, value`.
pub(crate) const DATE_WORDS: &str = include_str!("data/date_words.tsv");

// Quote stage (quote.rs).
/// Reporting verbs and phrases: `form, class`.
pub(crate) const SPEECH_VERBS: &str = include_str!("data/speech_verbs.tsv");
/// Roles and offices that stand before or after a speaker's name:
/// `title, portfolio`.
pub(crate) const TITLES: &str = include_str!("data/titles.tsv");
/// Nouns that make a capitalised name a body: `word, where`.
pub(crate) const ORGANIZATION_WORDS: &str = include_str!("data/organization_words.tsv");
/// Letters after a name that are not part of it: `letters`.
pub(crate) const POSTNOMINALS: &str = include_str!("data/postnominals.txt");

/// The data rows of a table: comment and blank lines dropped, each row split
/// on tabs, cells trimmed.
pub(crate) fn rows(table: &str) -> impl Iterator<Item = Row<'_>> {
    // Cut at each newline: a carriage return before it goes with the
    // trimming of the row's last cell.
    split_on(table, b'\n')
        .filter(|l| !l.starts_with('#') && !is_blank_line(l))
        .map(Row::split)
}

/// Room for the rows of `table`: its lines, a bound found in one quick
/// pass, so that a map of its rows is sized once instead of grown (and
/// rehashed) step by step.
pub(crate) fn room(table: &str) -> usize {
    table.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The most cells a row holds; a row with more keeps its first
/// `MAX_CELLS` (a test holds every table within it).
const MAX_CELLS: usize = 8;

/// One row of a table, its cells in place: an extractor reads about 1,200
/// rows when it is built, and a list allocated for each cost more than
/// the reading itself.
#[derive(Clone, Copy)]
pub(crate) struct Row<'t> {
    cells: [&'t str; MAX_CELLS],
    len: usize,
}

impl<'t> Row<'t> {
    /// `line` split on tabs, each cell trimmed.
    fn split(line: &'t str) -> Row<'t> {
        let mut row = Row {
            cells: [""; MAX_CELLS],
            len: 0,
        };
        for cell in split_on(line, b'\t') {
            // A row holds at most `MAX_CELLS` cells; the tables' tests
            // read every table, so a wider row fails them here.
            debug_assert!(
                row.len < MAX_CELLS,
                "a table row of more than {MAX_CELLS} cells"
            );
            if let Some(slot) = row.cells.get_mut(row.len) {
                *slot = trim_cell(cell);
                row.len += 1;
            }
        }
        row
    }
}

impl<'t> std::ops::Deref for Row<'t> {
    type Target = [&'t str];

    fn deref(&self) -> &[&'t str] {
        self.cells.get(..self.len).unwrap_or_default()
    }
}

impl std::fmt::Debug for Row<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The pieces of `s` between the bytes `byte` (an ASCII byte, so that
/// every cut is on a character boundary), as `str::split` gives them.
/// The tables' cells and their `|` lists are short and many: a byte search
/// eight bytes at a time costs less than a character search set up for
/// each.
pub(crate) fn split_on(s: &str, byte: u8) -> impl Iterator<Item = &str> {
    debug_assert!(byte.is_ascii(), "a cut inside a character");
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let piece = rest?;
        let end = find_byte(piece.as_bytes(), byte);
        // Past the last piece, `end` is the length and nothing follows.
        rest = piece.get(end + 1..);
        piece.get(..end)
    })
}

/// Where the first `byte` of `bytes` is, or their length when there is
/// none, read eight bytes at a time. Cells are a few bytes long, too short
/// for `memchr` to win back its set-up: with it, building an extractor
/// took 4 % more instructions.
fn find_byte(bytes: &[u8], byte: u8) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let pattern = u64::from_ne_bytes([byte; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let x = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes) ^ pattern;
        // A zero byte of `x` (a match) sets its high bit here; a byte above
        // one may too, by the borrow, but the lowest set bit is the first.
        let found = x.wrapping_sub(ONES) & !x & HIGHS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = chunks.remainder();
    at + tail.iter().position(|&b| b == byte).unwrap_or(tail.len())
}

/// Whether a byte is ASCII and no white space: a cell that begins and
/// ends with one needs no trimming (white space beyond ASCII has no such
/// byte).
fn is_solid(b: u8) -> bool {
    b > b' ' && b.is_ascii()
}

/// Whether `line` holds only white space.
fn is_blank_line(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(&b) if is_solid(b) => false,
        _ => line.trim().is_empty(),
    }
}

/// `cell` trimmed, with a quick answer for the cell that needs none.
pub(crate) fn trim_cell(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(&a), Some(&z)) if is_solid(a) && is_solid(z) => cell,
        _ => cell.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, table: &str, columns: usize) {
        let mut seen = std::collections::HashSet::new();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            assert!(
                line.split('\t').count() <= MAX_CELLS,
                "{name}: more than {MAX_CELLS} cells in {line:?}"
            );
        }
        for row in rows(table) {
            assert_eq!(
                row.len(),
                columns,
                "{name}: wrong number of columns in {row:?}"
            );
            assert!(
                row.iter().all(|c| !c.is_empty()),
                "{name}: empty cell in {row:?}"
            );
            assert!(seen.insert(row.join("\t")), "{name}: duplicate row {row:?}");
        }
        assert!(!seen.is_empty(), "{name}: no rows");
    }

    #[test]
    fn rows_split_on_tabs_and_trim_cells_as_before() {
        let table = "# comment\r\n \t \n\u{a0}\na\t b \t\u{a0}c\u{2003}\n\r\n\nx\r\ny\t z\r";
        let got: Vec<Vec<&str>> = rows(table).map(|r| r.to_vec()).collect();
        let want: Vec<Vec<&str>> = table
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').map(str::trim).collect())
            .collect();
        assert_eq!(got, want);
        assert_eq!(got, vec![vec!["a", "b", "c"], vec!["x"], vec!["y", "z"]]);
    }

    #[test]
    fn split_on_finds_every_byte_at_any_place_as_str_split_does() {
        for len in 0..20 {
            for at in 0..=len {
                let mut text = "a".repeat(len);
                text.insert(at, '|');
                // A byte one past the sought one's value, and more bars.
                for tail in ["", "}", "|", "x|é|", "|}|"] {
                    let text = format!("{text}{tail}");
                    let got: Vec<&str> = split_on(&text, b'|').collect();
                    let want: Vec<&str> = text.split('|').collect();
                    assert_eq!(got, want, "{text:?}");
                }
            }
        }
        assert_eq!(split_on("", b'|').collect::<Vec<_>>(), vec![""]);
        assert_eq!(split_on("abc", b'|').collect::<Vec<_>>(), vec!["abc"]);
    }

    #[test]
    fn every_table_parses() {
        check("boilerplate", BOILERPLATE, 3);
        check("captions", CAPTIONS, 2);
        check("abbreviations", ABBREVIATIONS, 2);
        check("sentence_starters", SENTENCE_STARTERS, 1);
        check("commitment_leads", COMMITMENT_LEADS, 3);
        check("holidays", HOLIDAYS, 2);
        check("date_words", DATE_WORDS, 3);
        check("titles", TITLES, 2);
        check("organization_words", ORGANIZATION_WORDS, 2);
        check("postnominals", POSTNOMINALS, 1);
        check("countries", COUNTRIES, 7);
        check("country_guards", COUNTRY_GUARDS, 3);
        check("speech_verbs", SPEECH_VERBS, 2);
        for row in rows(BOILERPLATE).chain(rows(COMMITMENT_LEADS)) {
            regex::Regex::new(row[2]).unwrap();
        }
        for row in rows(CAPTIONS) {
            regex::Regex::new(row[1]).unwrap();
        }
    }
}
