//! Countries: every country named, by any of its names or demonyms.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::analysis::Analysis;
use crate::document::TextSpan;

/// An ISO 3166-1 alpha-2 code (`"CA"`), or `"XK"` for Kosovo. It serialises
/// as the two-letter string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code for two ASCII upper-case letters, or `None`.
    pub fn new(code: &str) -> Option<CountryCode> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                Some(CountryCode([a, b]))
            }
            _ => None,
        }
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII upper-case letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("ZZ")
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CountryCode, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        CountryCode::new(&s)
            .ok_or_else(|| serde::de::Error::custom("expected a two-letter country code"))
    }
}

/// A country the text names, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country<'h> {
    /// Its ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// Its short English name ("United Kingdom").
    #[serde(borrow)]
    pub name: Cow<'h, str>,
    /// Every mention, in order: names, short forms and demonyms as written.
    #[serde(borrow)]
    pub mentions: Vec<TextSpan<'h>>,
}

/// The compiled country matcher.
#[derive(Debug)]
pub(crate) struct CountryFinder {}

impl CountryFinder {
    pub(crate) fn new() -> CountryFinder {
        CountryFinder {}
    }

    /// The country that a name, short form or demonym names, such as the
    /// country word of a speaker's role ("Australian", "United States",
    /// "U.S."), or `None`.
    pub(crate) fn lookup(&self, _phrase: &str) -> Option<CountryCode> {
        None
    }

    /// Countries named in the analysed text, outside boilerplate.
    pub(crate) fn find<'h>(&self, _analysis: &Analysis<'h>) -> Vec<Country<'h>> {
        Vec::new()
    }
}
