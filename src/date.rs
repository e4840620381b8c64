//! Dates: every date expression, normalised against the reference date.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Date, Span};

mod finder;

pub(crate) use finder::DateFinder;

/// A date expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention<'h> {
    /// Where the expression stands.
    pub span: Span,
    /// `&input[span]`.
    #[serde(borrow)]
    pub text: Cow<'h, str>,
    /// Its normalised value, or `None` when it cannot be resolved (a
    /// relative date with no reference date, say).
    pub value: Option<DateValue>,
}

/// A season of the year, as TIMEX3 writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`
    Spring,
    /// `SU`
    Summer,
    /// `FA`
    Fall,
    /// `WI`
    Winter,
}

impl Season {
    const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A normalised date value in TIMEX3 style. It serialises as its string
/// form: `2017-06-28`, `2017-W26`, `2015-W38-WE`, `2017-07`, `2017-Q1`, `2017-H2`,
/// `2014-SU`, `2017`, `201X`, `2019-07-30/2019-07-31` or `PRESENT_REF`.
///
/// # Example
///
/// ```
/// use communique::DateValue;
///
/// let v: DateValue = "2019-07-30/2019-07-31".parse().unwrap();
/// assert!(matches!(v, DateValue::Interval(_, _)));
/// assert_eq!(v.to_string(), "2019-07-30/2019-07-31");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// One calendar day.
    Day(Date),
    /// An ISO week.
    Week {
        /// ISO week-numbering year.
        year: i32,
        /// Week, 1 to 53.
        week: u32,
    },
    /// The weekend (Saturday and Sunday) of an ISO week: "this weekend"
    /// (TIMEX3 `2015-W38-WE`).
    Weekend {
        /// ISO week-numbering year.
        year: i32,
        /// Week, 1 to 53.
        week: u32,
    },
    /// A month.
    Month {
        /// Year.
        year: i32,
        /// Month, 1 to 12.
        month: u32,
    },
    /// A quarter of a year.
    Quarter {
        /// Year.
        year: i32,
        /// Quarter, 1 to 4.
        quarter: u32,
    },
    /// A half of a year.
    Half {
        /// Year.
        year: i32,
        /// Half, 1 or 2.
        half: u32,
    },
    /// A season of a year.
    Season {
        /// Year.
        year: i32,
        /// Which season.
        season: Season,
    },
    /// A whole year.
    Year(i32),
    /// A decade, given by its first three digits (`201` is the 2010s,
    /// written `201X`).
    Decade(i32),
    /// A period from one value to another.
    Interval(Box<DateValue>, Box<DateValue>),
    /// A generic "today" that means "nowadays".
    PresentRef,
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            DateValue::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            DateValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            DateValue::Half { year, half } => write!(f, "{year:04}-H{half}"),
            DateValue::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Decade(d) => write!(f, "{d:03}X"),
            DateValue::Interval(a, b) => write!(f, "{a}/{b}"),
            DateValue::PresentRef => f.write_str("PRESENT_REF"),
        }
    }
}

/// The error of parsing a [`DateValue`] from a string that is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateValueError;

impl fmt::Display for ParseDateValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a TIMEX3 date value")
    }
}

impl std::error::Error for ParseDateValueError {}

fn num(s: &str, len: usize) -> Result<u32, ParseDateValueError> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map_err(|_| ParseDateValueError)
    } else {
        Err(ParseDateValueError)
    }
}

impl FromStr for DateValue {
    type Err = ParseDateValueError;

    fn from_str(s: &str) -> Result<DateValue, ParseDateValueError> {
        if s == "PRESENT_REF" {
            return Ok(DateValue::PresentRef);
        }
        if let Some((a, b)) = s.split_once('/') {
            return Ok(DateValue::Interval(
                Box::new(a.parse()?),
                Box::new(b.parse()?),
            ));
        }
        if s.len() == 4 && s.ends_with('X') {
            return Ok(DateValue::Decade(num(&s[..3], 3)? as i32));
        }
        let year = num(s.get(..4).ok_or(ParseDateValueError)?, 4)? as i32;
        let rest = &s[4..];
        if rest.is_empty() {
            return Ok(DateValue::Year(year));
        }
        let rest = rest.strip_prefix('-').ok_or(ParseDateValueError)?;
        let value = match rest.as_bytes().first() {
            Some(b'W') => match rest[1..].strip_suffix("-WE") {
                Some(week) => DateValue::Weekend {
                    year,
                    week: num(week, 2)?,
                },
                None => DateValue::Week {
                    year,
                    week: num(&rest[1..], 2)?,
                },
            },
            Some(b'Q') => DateValue::Quarter {
                year,
                quarter: num(&rest[1..], 1)?,
            },
            Some(b'H') => DateValue::Half {
                year,
                half: num(&rest[1..], 1)?,
            },
            _ => match Season::ALL.into_iter().find(|season| season.code() == rest) {
                Some(season) => DateValue::Season { year, season },
                None if rest.len() == 2 => DateValue::Month {
                    year,
                    month: num(rest, 2)?,
                },
                None => DateValue::Day(s.parse().map_err(|_| ParseDateValueError)?),
            },
        };
        Ok(value)
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DateValue, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_strings() {
        for s in [
            "2017-06-28",
            "2017-W26",
            "2015-W38-WE",
            "2017-07",
            "2017-Q1",
            "2017-H2",
            "2014-SU",
            "2014-FA",
            "2017",
            "201X",
            "2019-07-30/2019-07-31",
            "2003/2004",
            "PRESENT_REF",
        ] {
            let v: DateValue = s.parse().unwrap();
            assert_eq!(v.to_string(), s);
        }
        for s in [
            "",
            "17",
            "2017-13x",
            "2017-W",
            "2017-W-WE",
            "20a7",
            "2017-02-30",
        ] {
            assert!(s.parse::<DateValue>().is_err(), "{s}");
        }
    }
}
