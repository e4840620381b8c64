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
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !is_blank(l))
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
        // A tab is ASCII: every cut is on a character boundary.
        let mut rest = line;
        loop {
            let end = rest.bytes().position(|b| b == b'\t').unwrap_or(rest.len());
            if let Some(slot) = row.cells.get_mut(row.len) {
                *slot = trim(rest.get(..end).unwrap_or(""));
                row.len += 1;
            }
            // Past the last cell, `end` is the length and nothing follows.
            match rest.get(end + 1..) {
                Some(next) => rest = next,
                None => break,
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

/// Whether a byte is ASCII and no white space: a cell that begins and
/// ends with one needs no trimming (white space beyond ASCII has no such
/// byte).
fn is_solid(b: u8) -> bool {
    b > b' ' && b.is_ascii()
}

/// Whether `line` holds only white space.
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(&b) if is_solid(b) => false,
        _ => line.trim().is_empty(),
    }
}

/// `cell` trimmed, with a quick answer for the cell that needs none.
pub(crate) fn trim(cell: &str) -> &str {
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
        let table = "# comment\n \t \n\u{a0}\na\t b \t\u{a0}c\u{2003}\n\nx\r\n";
        let got: Vec<Vec<&str>> = rows(table).map(|r| r.to_vec()).collect();
        let want: Vec<Vec<&str>> = table
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').map(str::trim).collect())
            .collect();
        assert_eq!(got, want);
        assert_eq!(got, vec![vec!["a", "b", "c"], vec!["x"]]);
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
