//! A small proleptic Gregorian calendar: just what date normalisation needs.
//!
//! communique keeps its own calendar instead of depending on `jiff`: the date
//! stage needs days, weekdays, ISO weeks and day arithmetic on dates in the
//! years 1 to 9999, and nothing about times or zones. This module does that
//! in a few dozen lines of integer arithmetic (Howard Hinnant's
//! days-from-civil algorithm), with no allocation and no failure modes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

/// A calendar day, such as a release's publication date.
///
/// It serialises as the string `"YYYY-MM-DD"`.
///
/// # Example
///
/// ```
/// use communique::Date;
///
/// let d: Date = "2017-06-28".parse()?;
/// assert_eq!(d.year(), 2017);
/// assert_eq!(d.to_string(), "2017-06-28");
/// assert_eq!(d.weekday(), 2); // Wednesday (Monday is 0)
/// assert_eq!(d.iso_week(), (2017, 26));
/// # Ok::<(), communique::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date `year-month-day`, or `None` when no such day exists (years
    /// 1 to 9999 only).
    pub const fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as i16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year (1 to 9999).
    pub const fn year(&self) -> i32 {
        self.year as i32
    }

    /// The month (1 to 12).
    pub const fn month(&self) -> u32 {
        self.month as u32
    }

    /// The day of the month (1 to 31).
    pub const fn day(&self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01 (negative before it).
    pub const fn to_days(&self) -> i64 {
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, or `None` outside years 1 to 9999.
    pub const fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        if year < 1 || year > 9999 {
            return None;
        }
        Date::new(year as i32, month as u32, day as u32)
    }

    /// The date `n` days later (earlier when `n` is negative), or `None`
    /// outside years 1 to 9999.
    pub const fn add_days(&self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days() + n)
    }

    /// The day of the week: 0 for Monday through 6 for Sunday.
    pub const fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// The ISO 8601 week-numbering year and week (1 to 53) of this day.
    pub const fn iso_week(&self) -> (i32, u32) {
        let doy = self.day_of_year() as i64; // 1-based
        let wd = self.weekday() as i64 + 1; // Monday = 1
        let week = (doy - wd + 10) / 7;
        let y = self.year as i32;
        if week < 1 {
            (y - 1, weeks_in_year(y - 1))
        } else if week > weeks_in_year(y) as i64 {
            (y + 1, 1)
        } else {
            (y, week as u32)
        }
    }

    /// The day of the year, 1 for January 1.
    pub const fn day_of_year(&self) -> u32 {
        let mut doy = self.day as u32;
        let mut m = 1;
        while m < self.month as u32 {
            doy += days_in_month(self.year as i32, m);
            m += 1;
        }
        doy
    }
}

/// Whether `year` is a Gregorian leap year.
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1 to 12) of `year`; 0 for a month outside
/// that range.
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The number of ISO weeks (52 or 53) in the ISO week-numbering `year`.
pub const fn weeks_in_year(year: i32) -> u32 {
    // A year has 53 weeks when it starts on a Thursday, or is a leap year
    // starting on a Wednesday.
    let jan1 = match Date::new(year, 1, 1) {
        Some(d) => d.weekday(),
        None => return 52,
    };
    if jan1 == 3 || (jan1 == 2 && is_leap_year(year)) {
        53
    } else {
        52
    }
}

/// Easter Sunday of `year` (Gregorian computus, the anonymous algorithm),
/// or `None` outside years 1 to 9999.
pub const fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

/// The `n`th `weekday` (0 = Monday) of `month` in `year`; `n = -1` is the
/// last one. `None` when there is no such day.
pub const fn nth_weekday(year: i32, month: u32, n: i32, weekday: u32) -> Option<Date> {
    if n > 0 {
        let first = match Date::new(year, month, 1) {
            Some(d) => d,
            None => return None,
        };
        let shift = (weekday + 7 - first.weekday()) % 7;
        let day = 1 + shift + 7 * (n as u32 - 1);
        Date::new(year, month, day)
    } else if n == -1 {
        let last = match Date::new(year, month, days_in_month(year, month)) {
            Some(d) => d,
            None => return None,
        };
        let shift = (last.weekday() + 7 - weekday) % 7;
        Date::new(year, month, last.day() - shift)
    } else {
        None
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, Error> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            Some(part.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0')))
        };
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(Error::InvalidDate);
        }
        match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d).ok_or(Error::InvalidDate),
            _ => Err(Error::InvalidDate),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn round_trips_days() {
        for s in [
            "0001-01-01",
            "1970-01-01",
            "2000-02-29",
            "2017-06-28",
            "9999-12-31",
        ] {
            let date = d(s);
            assert_eq!(Date::from_days(date.to_days()), Some(date), "{s}");
        }
        assert_eq!(d("1970-01-02").to_days(), 1);
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        assert_eq!(d("2017-06-28").weekday(), 2);
        assert_eq!(d("2019-07-30").iso_week(), (2019, 31));
        assert_eq!(d("2021-01-03").iso_week(), (2020, 53));
        assert_eq!(d("2024-12-30").iso_week(), (2025, 1));
        assert_eq!(d("2026-12-31").iso_week(), (2026, 53));
        assert_eq!(weeks_in_year(2020), 53);
        assert_eq!(weeks_in_year(2019), 52);
    }

    #[test]
    fn computes_named_days() {
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2000), Some(d("2000-04-23")));
        assert_eq!(nth_weekday(2017, 11, 4, 3), Some(d("2017-11-23")));
        assert_eq!(nth_weekday(2017, 10, 2, 0), Some(d("2017-10-09")));
        assert_eq!(nth_weekday(2021, 5, -1, 0), Some(d("2021-05-31")));
        assert_eq!(nth_weekday(2021, 2, 5, 0), None);
    }

    #[test]
    fn rejects_impossible_days() {
        for s in [
            "2019-02-29",
            "2019-13-01",
            "2019-00-10",
            "19-01-01",
            "2019/01/01",
            "2019-1-01x",
        ] {
            assert_eq!(s.parse::<Date>(), Err(Error::InvalidDate), "{s}");
        }
        assert!(d("2020-02-29").add_days(365).is_some());
    }
}
