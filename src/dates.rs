//! Date and time values as traces write them, read into UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// Reads an ISO 8601 date or date-time into UTC: `2026-03-04`, `2026-03-04T09:15:02`,
/// `2026-03-04 09:15:02.123`, `2026-03-04T09:15:02Z`, `2026-03-04T09:15:02.1230000Z`,
/// `2026-03-04T10:15:02+01:00`. A value without a zone is taken as UTC, as exports write UTC.
pub fn parse_iso(text: &str) -> Option<NaiveDateTime> {
    let t = crate::text::trim(text);
    if t.len() < 10 {
        return None;
    }
    if let Some(fast) = parse_iso_fast(t.as_bytes()) {
        return Some(fast);
    }
    if t.len() == 10 {
        return NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().map(|d| d.and_time(NaiveTime::MIN));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(dt.naive_utc());
    }
    let swapped;
    let t = if t.as_bytes().get(10) == Some(&b' ') {
        swapped = format!("{}T{}", t.get(..10)?, t.get(11..)?);
        swapped.as_str()
    } else {
        t
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(dt.naive_utc());
    }
    if let Some(stripped) = t.strip_suffix('Z').or_else(|| t.strip_suffix('z')) {
        return NaiveDateTime::parse_from_str(stripped, "%Y-%m-%dT%H:%M:%S%.f")
            .or_else(|_| NaiveDateTime::parse_from_str(stripped, "%Y-%m-%dT%H:%M"))
            .ok();
    }
    if let Ok(dt) = DateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f%z") {
        return Some(dt.naive_utc());
    }
    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M"))
        .ok()
}

/// The common shapes without chrono's format parser (it dominates a parse otherwise):
/// `YYYY-MM-DD`, and `YYYY-MM-DD[T ]HH:MM:SS` with an optional fraction and a zone (`Z`,
/// `+01:00`, `-0500`).
fn parse_iso_fast(b: &[u8]) -> Option<NaiveDateTime> {
    fn num(b: &[u8]) -> Option<u32> {
        b.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32))
    }
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // Rows come in time order: the day of the row before is nearly always this one's, and
    // chrono's checked `from_ymd_opt` was a fortieth of a partner-rich CSV's time in WebAssembly.
    thread_local! {
        static LAST_DAY: std::cell::Cell<Option<([u8; 10], NaiveDate)>> = const { std::cell::Cell::new(None) };
    }
    let key = <[u8; 10]>::try_from(b.get(..10)?).ok()?;
    let date = match LAST_DAY.with(std::cell::Cell::get) {
        Some((last, day)) if last == key => day,
        _ => {
            let day = NaiveDate::from_ymd_opt(num(&b[..4])? as i32, num(&b[5..7])?, num(&b[8..10])?)?;
            LAST_DAY.with(|c| c.set(Some((key, day))));
            day
        }
    };
    if b.len() == 10 {
        return Some(date.and_time(NaiveTime::MIN));
    }
    if b.len() < 19 || !matches!(b[10], b'T' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let mut rest = &b[19..];
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix(b".") {
        let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        let kept = &frac[..digits.min(9)];
        nanos = num(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = &frac[digits..];
    }
    // A zone: none or `Z` (UTC), or `+HH:MM` / `+HHMM` east of UTC (`-` west).
    let offset_minutes = match rest {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] | [sign @ (b'+' | b'-'), h1, h2, m1, m2] => {
            let (h, m) = (num(&[*h1, *h2])?, num(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i64::from(h) * 60 + i64::from(m);
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None, // other shapes go through the full parser
    };
    let time = NaiveTime::from_hms_nano_opt(num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?, nanos)?;
    match offset_minutes {
        0 => Some(date.and_time(time)),
        m => date.and_time(time).checked_sub_signed(chrono::Duration::minutes(m)),
    }
}

/// Reads `YYYY-MM-DD` (as used in URLs and date inputs).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(crate::text::trim(text), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    #[test]
    fn the_day_of_the_row_before_is_not_kept_for_another_day() {
        // The fast path remembers the last day it read; a different day must not reuse it.
        let days = ["2026-03-04T10:00:00Z", "2026-03-04T11:00:00Z", "2026-03-05T00:00:01Z", "2026-03-04", "2026-02-30T00:00:00Z", "2026-03-04 09:00:00"];
        let got: Vec<_> = days.iter().map(|d| parse_iso(d).map(|t| t.date().to_string())).collect();
        let want = [Some("2026-03-04"), Some("2026-03-04"), Some("2026-03-05"), Some("2026-03-04"), None, Some("2026-03-04")];
        assert_eq!(got, want.map(|d| d.map(String::from)));
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2026-03-04"), Some(dt("2026-03-04 00:00:00")));
        assert_eq!(parse_iso("2026-03-04T09:15:02"), Some(dt("2026-03-04 09:15:02")));
        assert_eq!(parse_iso("2026-03-04 09:15:02.5"), Some(dt("2026-03-04 09:15:02.5")));
        assert_eq!(parse_iso("2026-03-04T09:15:02Z"), Some(dt("2026-03-04 09:15:02")));
        assert_eq!(parse_iso("2025-03-04T09:15:02.1230000Z"), Some(dt("2025-03-04 09:15:02.123")));
        assert_eq!(parse_iso("2026-03-04T00:30:00+01:00"), Some(dt("2026-03-03 23:30:00")));
        assert_eq!(parse_iso("2026-03-04 23:30:00-02:00"), Some(dt("2026-03-05 01:30:00")));
        assert_eq!(parse_iso("2026-03-04T09:15"), Some(dt("2026-03-04 09:15:00")));
    }

    #[test]
    fn the_fast_path_agrees_with_chrono() {
        for s in ["2026-03-04", "2026-03-04T09:15:02", "2026-03-04 09:15:02.5", "2026-03-04T09:15:02Z", "2025-03-04T09:15:02.1230000Z",
            "2026-02-29", "2024-02-29T23:59:59.999999999Z", "2026-03-04T24:00:00", "2026-13-04", "2026-03-04T09:15:02.Z"] {
            let slow = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(|d| d.and_time(NaiveTime::MIN)).or_else(|| {
                let t = s.replace(' ', "T");
                NaiveDateTime::parse_from_str(t.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f").ok()
            });
            assert_eq!(parse_iso_fast(s.as_bytes()), slow, "{s}");
        }
    }

    #[test]
    fn not_dates() {
        for s in ["", "yesterday", "2026-13-01", "2026-02-30", "04/03/2026", "2026-03-04T25:00:00"] {
            assert_eq!(parse_iso(s), None, "{s}");
        }
        assert_eq!(parse_day("2026-03-04"), NaiveDate::from_ymd_opt(2026, 3, 4));
        assert_eq!(parse_day("2026-3-4x"), None);
    }
}

/// Which number comes first in a culture-formatted date such as `04/03/2026`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateOrder {
    /// `dd/MM/yyyy` (en-GB, de-DE `dd.MM.yyyy`, nl-NL `d-M-yyyy`, ...).
    #[default]
    DayFirst,
    /// `M/d/yyyy` (en-US).
    MonthFirst,
}

/// The parts of a culture-formatted date-time: two leading numbers, the year, the time and
/// whether it carries AM/PM.
struct CultureParts {
    a: u32,
    b: u32,
    year: i32,
    time: NaiveTime,
    sep: char,
    twelve_hour: bool,
    /// Whether a number under 10 was written with a leading zero (`04/03`: en-GB style).
    padded: Option<bool>,
}

fn culture_parts(text: &str) -> Option<CultureParts> {
    let t = crate::text::trim(text);
    let (date, rest) = match t.split_once([' ', 'T']) {
        Some((date, rest)) => (date, rest.trim()),
        None => (t, ""),
    };
    let sep = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut it = date.split(sep);
    let (ta, tb) = (it.next()?, it.next()?);
    let a: u32 = ta.parse().ok()?;
    let b: u32 = tb.parse().ok()?;
    let padded = [(ta, a), (tb, b)].iter().find(|(_, v)| *v < 10).map(|(t, _)| t.len() == 2);
    let y = it.next()?.trim_end_matches('.');
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let upper = rest.to_ascii_uppercase();
    let (clock, pm, twelve_hour) = if let Some(c) = upper.strip_suffix("PM") {
        (c.trim().to_string(), true, true)
    } else if let Some(c) = upper.strip_suffix("AM") {
        (c.trim().to_string(), false, true)
    } else {
        (upper.clone(), false, false)
    };
    let time = if clock.is_empty() {
        NaiveTime::MIN
    } else {
        let mut parts = clock.split(':');
        let mut h: u32 = parts.next()?.trim().parse().ok()?;
        let m: u32 = parts.next()?.trim().parse().ok()?;
        let s: f64 = parts.next().map(|s| s.trim().replace(',', ".").parse().ok()).unwrap_or(Some(0.0))?;
        if twelve_hour {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
        }
        let whole = s.trunc() as u32;
        let nanos = ((s - s.trunc()) * 1e9).round() as u32;
        NaiveTime::from_hms_nano_opt(h, m, whole, nanos.min(999_999_999))?
    };
    Some(CultureParts { a, b, year, time, sep, twelve_hour, padded })
}

/// Reads a date as PowerShell writes it in a culture (`3/4/2026 9:15:02 AM`, `04.03.2026 09:15:02`,
/// `4-3-2026 9:15:02`), with the given order of day and month. Times are UTC.
pub fn parse_culture(text: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let p = culture_parts(text)?;
    let (day, month) = match order {
        DateOrder::DayFirst => (p.a, p.b),
        DateOrder::MonthFirst => (p.b, p.a),
    };
    NaiveDate::from_ymd_opt(p.year, month, day).map(|d| d.and_time(p.time))
}

/// What a whole column of dates says about their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OrderGuess {
    /// The order to read the column with.
    pub order: DateOrder,
    /// True when a value proved it (a first number over 12, or a second one over 12); false when
    /// every value would read either way and the order is a guess from the separator and AM/PM.
    pub certain: bool,
}

/// Decides day-first or month-first from every value of a column; `None` when no value is a
/// culture-formatted date (ISO values are not, and need no decision).
pub fn guess_order<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<OrderGuess> {
    let mut g = OrderGuesser::default();
    values.into_iter().for_each(|v| {
        g.add(v);
    });
    g.guess()
}

/// [`guess_order`] one value at a time, for a column read as it streams.
#[derive(Clone, Copy, Debug, Default)]
pub struct OrderGuesser {
    day_first: bool,
    month_first: bool,
    any: Option<DateOrder>,
}

impl OrderGuesser {
    /// Looks at one value; true when it is a culture-formatted date (it needs the decision).
    pub fn add(&mut self, v: &str) -> bool {
        let Some(p) = culture_parts(v) else { return false };
        if p.a > 12 {
            self.day_first = true;
        }
        if p.b > 12 {
            self.month_first = true;
        }
        if self.any.is_none() {
            // en-US writes M/d/yyyy (no leading zeros) and h:mm:ss tt; en-GB dd/MM/yyyy;
            // de-DE dd.MM.yyyy; nl-NL d-M-yyyy.
            let us = p.sep == '/' && (p.twelve_hour || p.padded == Some(false));
            self.any = Some(if us { DateOrder::MonthFirst } else { DateOrder::DayFirst });
        }
        true
    }

    /// The decision from the values seen.
    pub fn guess(&self) -> Option<OrderGuess> {
        let fallback = self.any?;
        Some(match (self.day_first, self.month_first) {
            (true, false) => OrderGuess { order: DateOrder::DayFirst, certain: true },
            (false, true) => OrderGuess { order: DateOrder::MonthFirst, certain: true },
            _ => OrderGuess { order: fallback, certain: false },
        })
    }
}

/// Reads ISO 8601 first, then a culture format with the given order.
pub fn parse_any(text: &str, order: DateOrder) -> Option<NaiveDateTime> {
    parse_iso(text).or_else(|| parse_culture(text, order))
}

#[cfg(test)]
mod culture_tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn powershell_culture_formats() {
        assert_eq!(parse_culture("3/4/2025 9:15:02 AM", DateOrder::MonthFirst), Some(dt("2025-03-04 09:15:02")));
        assert_eq!(parse_culture("3/4/2025 12:05:00 AM", DateOrder::MonthFirst), Some(dt("2025-03-04 00:05:00")));
        assert_eq!(parse_culture("3/4/2025 12:05:00 PM", DateOrder::MonthFirst), Some(dt("2025-03-04 12:05:00")));
        assert_eq!(parse_culture("3/4/2025 1:05:00 PM", DateOrder::MonthFirst), Some(dt("2025-03-04 13:05:00")));
        assert_eq!(parse_culture("04/03/2025 09:15:02", DateOrder::DayFirst), Some(dt("2025-03-04 09:15:02")));
        assert_eq!(parse_culture("04.03.2025 09:15:02", DateOrder::DayFirst), Some(dt("2025-03-04 09:15:02")));
        assert_eq!(parse_culture("4-3-2025 9:15:02", DateOrder::DayFirst), Some(dt("2025-03-04 09:15:02")));
        assert_eq!(parse_culture("31/12/2025", DateOrder::MonthFirst), None);
        assert_eq!(parse_culture("13:00 3/4/2025", DateOrder::DayFirst), None);
        assert_eq!(parse_any("2025-03-04T09:15:02Z", DateOrder::MonthFirst), Some(dt("2025-03-04 09:15:02")));
    }

    #[test]
    fn the_whole_column_decides_the_order() {
        let g = guess_order(["01/02/2025 10:00:00", "13/02/2025 10:00:00"]).unwrap();
        assert_eq!(g, OrderGuess { order: DateOrder::DayFirst, certain: true });
        let g = guess_order(["1/2/2025 10:00:00 AM", "2/13/2025 10:00:00 AM"]).unwrap();
        assert_eq!(g, OrderGuess { order: DateOrder::MonthFirst, certain: true });
        // Ambiguous: AM/PM with slashes reads as en-US, dots as de-DE; the user may switch.
        assert_eq!(guess_order(["1/2/2025 10:00:00 AM"]).unwrap(), OrderGuess { order: DateOrder::MonthFirst, certain: false });
        assert_eq!(guess_order(["01.02.2025 10:00:00"]).unwrap(), OrderGuess { order: DateOrder::DayFirst, certain: false });
        assert_eq!(guess_order(["3/4/2025"]).unwrap().order, DateOrder::MonthFirst, "en-US writes no leading zeros");
        assert_eq!(guess_order(["03/04/2025"]).unwrap().order, DateOrder::DayFirst, "en-GB does");
        assert_eq!(guess_order(["2025-02-01T10:00:00Z"]), None);
    }
}
