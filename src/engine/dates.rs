//! Civil (proleptic Gregorian) dates, just enough for due dates and day counts.
//!
//! Written here rather than pulled from a crate: the engine needs only
//! parsing `YYYY-MM-DD`, whole-day differences and "same day next month"
//! with month-end clamping, and every byte of the bundle must earn its place.
//! Day numbers use Howard Hinnant's `days_from_civil` algorithm (exact integer
//! arithmetic, no tables). No clock: dates only ever come from the input.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date between 1900-01-01 and 2199-12-31 (a range that keeps
/// every computation far from integer limits and covers any loan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

/// First and last year accepted.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2199;

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists and lies within [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// The date of `year`-`month`-`day` when the caller has checked it
    /// exists and lies within the calendar's years (the hot path of
    /// dating schedule rows).
    pub(crate) fn from_checked(year: i32, month: u32, day: u32) -> Self {
        debug_assert!(Self::new(year, month, day).is_some());
        Self { year, month, day }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date, what
    /// `<input type=date>` gives).
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        Self::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number, if within range.
    pub fn from_day_number(z: i64) -> Option<Self> {
        let z = z.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(i32::try_from(year).ok()?, month as u32, day as u32)
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    /// Counting the first day and not the last (算头不算尾), this is the
    /// number of days interest accrues between two dates.
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    pub fn add_days(self, days: i64) -> Option<Self> {
        Self::from_day_number(self.day_number().checked_add(days)?)
    }

    /// The same day `months` months later (or earlier), clamped to the end of
    /// a shorter month: Jan 31 + 1 → Feb 28 (29 in a leap year). Always add
    /// to the original anchor date, never chain, so Jan 31 + 2 is Mar 31.
    pub fn add_months(self, months: i32) -> Option<Self> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = self.day.min(days_in_month(year, month));
        Self::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "\"{s}\" is not a date: write YYYY-MM-DD, a real day between {MIN_YEAR} and {MAX_YEAR}"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parse_and_display_round_trip() {
        assert_eq!(date("2024-02-29").to_string(), "2024-02-29");
        for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "2024/01/01", "1899-12-31", "2200-01-01", "+024-01-01", "2024-01-0a", ""] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_match_known_values() {
        // 1970-01-01 is day 0; 2000-03-01 is day 11017 (python3:
        // (date(2000,3,1)-date(1970,1,1)).days == 11017).
        assert_eq!(date("1970-01-01").day_number(), 0);
        assert_eq!(date("2000-03-01").day_number(), 11_017);
        assert_eq!(date("1900-01-01").day_number(), -25_567);
        // python3: (date(2025,3,1)-date(2024,2,1)).days == 394
        assert_eq!(date("2024-02-01").days_until(date("2025-03-01")), 394);
        for s in ["1900-01-01", "1900-02-28", "1900-03-01", "2000-02-29", "2024-12-31", "2199-12-31"] {
            assert_eq!(Date::from_day_number(date(s).day_number()), Some(date(s)));
        }
        assert_eq!(Date::from_day_number(date("2199-12-31").day_number() + 1), None);
        // Every day over a few centuries round-trips and steps by one.
        let mut d = date("1999-12-25");
        for _ in 0..2000 {
            let next = d.add_days(1).unwrap();
            assert_eq!(d.days_until(next), 1);
            d = next;
        }
    }

    #[test]
    fn month_end_clamping() {
        let jan31 = date("2024-01-31");
        assert_eq!(jan31.add_months(1), Some(date("2024-02-29")));
        assert_eq!(jan31.add_months(2), Some(date("2024-03-31")));
        assert_eq!(jan31.add_months(13), Some(date("2025-02-28")));
        assert_eq!(jan31.add_months(-2), Some(date("2023-11-30")));
        assert_eq!(date("2024-03-15").add_months(-3), Some(date("2023-12-15")));
        assert_eq!(date("2199-12-01").add_months(1), None);
        assert_eq!(date("2024-01-01").add_months(i32::MAX), None);
        assert_eq!(date("2024-01-01").add_months(i32::MIN), None);
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2000) && is_leap_year(2024) && !is_leap_year(1900) && !is_leap_year(2100));
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(2024, 13), 0);
    }

    #[test]
    fn serde_is_a_string() {
        assert_eq!(serde_json::to_string(&date("2025-06-05")).unwrap(), "\"2025-06-05\"");
        assert_eq!(serde_json::from_str::<Date>("\"2025-06-05\"").unwrap(), date("2025-06-05"));
        let e = serde_json::from_str::<Date>("\"2025-02-30\"").unwrap_err().to_string();
        assert!(e.contains("YYYY-MM-DD"), "{e}");
    }
}
