//! Date and time values as traces write them, read into UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// Reads an ISO 8601 date or date-time into UTC: `2026-03-04`, `2026-03-04T09:15:02`,
/// `2026-03-04 09:15:02.123`, `2026-03-04T09:15:02Z`, `2026-03-04T09:15:02.1230000Z`,
/// `2026-03-04T10:15:02+01:00`. A value without a zone is taken as UTC, as exports write UTC.
pub fn parse_iso(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    if t.len() < 10 {
        return None;
    }
    if t.len() == 10 {
        return NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().map(|d| d.and_time(NaiveTime::MIN));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(dt.naive_utc());
    }
    let swapped;
    let t = if t.as_bytes().get(10) == Some(&b' ') {
        swapped = format!("{}T{}", &t[..10], &t[11..]);
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

/// Reads `YYYY-MM-DD` (as used in URLs and date inputs).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap()
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
    fn not_dates() {
        for s in ["", "yesterday", "2026-13-01", "2026-02-30", "04/03/2026", "2026-03-04T25:00:00"] {
            assert_eq!(parse_iso(s), None, "{s}");
        }
        assert_eq!(parse_day("2026-03-04"), NaiveDate::from_ymd_opt(2026, 3, 4));
        assert_eq!(parse_day("2026-3-4x"), None);
    }
}
