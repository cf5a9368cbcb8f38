//! Calendar dates of articles: parsing the forms sources use, ordering, and display.
//!
//! Takes `2021-07-17`, `2021-07-17T10:30:00`, with `Z` or an offset, or a space instead of
//! `T`; gives a value that sorts chronologically and prints as ISO or as "17 July 2021".

use std::fmt;

/// The English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month a name or its abbreviation stands for (`March`, `mar`, `Sept.`), 1 to 12.
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let found = MONTHS
        .iter()
        .position(|m| {
            m.to_ascii_lowercase().starts_with(&word) && (word.len() == 3 || word.len() == m.len())
        })
        .or_else(|| (word == "sept").then_some(8))?;
    u8::try_from(found + 1).ok()
}

/// A date with an optional time of day, as written in the source (no time zone arithmetic:
/// an archive orders its articles by the dates its sources give).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Four-digit year.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
    /// Seconds after midnight, when the source gives a time.
    pub seconds: Option<u32>,
}

impl Date {
    /// Parses the date forms sources use; the error says what was expected.
    pub fn parse(text: &str) -> Result<Date, String> {
        let t = text.trim();
        let expected = || {
            format!(
                "`{t}` is not a date: expected YYYY-MM-DD, optionally followed by a time such as T14:30:00"
            )
        };
        let b = t.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(expected());
        }
        let num = |s: &str| -> Option<u32> {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let (Some(year), Some(month), Some(day)) = (num(&t[0..4]), num(&t[5..7]), num(&t[8..10]))
        else {
            return Err(expected());
        };
        if !(1..=12).contains(&month) {
            return Err(format!("`{t}` is not a date: month {month} is not 1 to 12"));
        }
        let year = year as i32;
        let last = days_in_month(year, month as u8);
        if day < 1 || day > u32::from(last) {
            return Err(format!(
                "`{t}` is not a date: {} {year} has {last} days",
                MONTHS[month as usize - 1]
            ));
        }
        let rest = &t[10..];
        let seconds = if rest.is_empty() {
            None
        } else {
            Some(parse_time(rest).ok_or_else(expected)?)
        };
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
            seconds,
        })
    }

    /// `2021-07-17`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `17 July 2021`.
    pub fn long(&self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }

    /// `July`.
    pub fn month_name(&self) -> &'static str {
        MONTHS[usize::from(self.month.clamp(1, 12)) - 1]
    }

    /// `2021-07`: the key of its month in the date archive.
    pub fn month_key(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// `T10:30`, ` 10:30:15.123`, with an optional `Z` or `+02:00`; seconds after midnight.
fn parse_time(rest: &str) -> Option<u32> {
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let time = rest
        .split(['Z', 'z', '+', '-'])
        .next()
        .unwrap_or(rest)
        .trim();
    let zone = &rest[time.len()..];
    if !(zone.is_empty() || zone.eq_ignore_ascii_case("z") || is_offset(zone)) {
        return None;
    }
    let mut parts = time.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let s: u32 = match parts.next() {
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(h * 3600 + m * 60 + s)
}

fn is_offset(zone: &str) -> bool {
    let b = zone.as_bytes();
    b.len() == 6
        && (b[0] == b'+' || b[0] == b'-')
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b[3] == b':'
        && b[4].is_ascii_digit()
        && b[5].is_ascii_digit()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date in a `YYYY-MM-DD` prefix of a file name (`2021-07-17-kabul.txt`), if there is one.
pub fn from_file_name(stem: &str) -> Option<Date> {
    let prefix = stem.get(..10)?;
    let after = stem[10..].chars().next();
    if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Date::parse(prefix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_sources_use() {
        let d = Date::parse("2021-07-17").unwrap();
        assert_eq!((d.year, d.month, d.day, d.seconds), (2021, 7, 17, None));
        assert_eq!(
            Date::parse("1987-02-26T15:01:01").unwrap().seconds,
            Some(54061)
        );
        assert!(Date::parse("2021-07-17T10:00:00Z").is_ok());
        assert!(Date::parse("2021-07-17 10:00").is_ok());
        assert!(Date::parse("2021-07-17T10:00:00+04:30").is_ok());
        assert!(Date::parse("2020-02-29").is_ok());
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "not a date",
            "2021-13-01",
            "2021-02-29",
            "2021-7-17",
            "2021-07-17X",
            "2021-07-17T25:00",
            "",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(Date::parse("2021-02-30").unwrap_err().contains("28 days"));
    }

    #[test]
    fn orders_and_displays() {
        let a = Date::parse("2021-07-17").unwrap();
        let b = Date::parse("2021-07-17T08:00").unwrap();
        assert!(a < b);
        assert_eq!(a.long(), "17 July 2021");
        assert_eq!(a.month_key(), "2021-07");
    }

    #[test]
    fn reads_file_name_prefixes() {
        assert_eq!(
            from_file_name("2021-07-17-kabul").unwrap().iso(),
            "2021-07-17"
        );
        assert_eq!(from_file_name("2021-07-17").unwrap().iso(), "2021-07-17");
        assert!(from_file_name("2021-07-17x").is_none());
        assert!(from_file_name("kabul").is_none());
    }
}
