//! Syslog lines as mail servers write them: the timestamp (RFC 3339, journald's short-iso, or the
//! traditional `Mar  4 09:15:01` with no year and no zone), the host, the program and its pid,
//! and the message. Shared by the log parsers.

use crate::text::{split_byte, split_str};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// One syslog line taken apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// The time, when it was complete (RFC 3339); `None` for a traditional stamp, which
    /// [`Clock`] completes.
    pub time: Option<NaiveDateTime>,
    /// For traditional stamps: month, day and time of day.
    pub partial: Option<(u32, u32, NaiveTime)>,
    /// The host that wrote the line (several servers may log into one file).
    pub host: &'a str,
    /// The program, e.g. `postfix/submission/smtpd`.
    pub program: &'a str,
    /// The process id.
    pub pid: u32,
    /// The message after `program[pid]: `.
    pub message: &'a str,
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The month number of a three-letter English month name.
pub fn month(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name)).map(|i| i as u32 + 1)
}

/// Reads an RFC 3339 or journald short-iso timestamp (`+0000` offsets too) into UTC.
pub fn parse_stamp(token: &str) -> Option<NaiveDateTime> {
    if let Some(t) = crate::dates::parse_iso(token) {
        return Some(t);
    }
    // journald short-iso: 2026-03-04T09:15:01+0000
    let n = token.len();
    if n > 5 && matches!(token.as_bytes().get(n - 5), Some(b'+' | b'-')) && token.as_bytes().get(n - 4..).is_some_and(|z| z.iter().all(u8::is_ascii_digit)) {
        let fixed = format!("{}:{}", token.get(..n - 2)?, token.get(n - 2..)?);
        return crate::dates::parse_iso(&fixed);
    }
    None
}

/// Takes a syslog line apart; `None` for lines that are not syslog.
pub fn parse(line: &str) -> Option<Line<'_>> {
    let line = line.trim_end_matches(['\r', '\n']);
    let (time, partial, rest) = if line.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        let (stamp, rest) = split_byte(line, b' ')?;
        (Some(parse_stamp(stamp)?), None, rest)
    } else {
        let m = month(line.get(..3)?)?;
        let rest = line.get(3..)?.trim_start();
        let (day, rest) = split_byte(rest, b' ')?;
        let day: u32 = day.parse().ok()?;
        let (clock, rest) = split_byte(rest.trim_start(), b' ')?;
        let t = NaiveTime::parse_from_str(clock, "%H:%M:%S").ok()?;
        (None, Some((m, day, t)), rest)
    };
    let (host, rest) = split_byte(rest.trim_start(), b' ')?;
    let (tag, message) = split_str(rest, ": ")?;
    let (program, pid) = match split_byte(tag, b'[') {
        Some((p, pid)) => (p, pid.trim_end_matches(']').parse().ok()?),
        None => (tag, 0),
    };
    Some(Line { time, partial, host, program, pid, message })
}

/// Completes traditional timestamps: a year that turns over when the months go back (December
/// to January), and the zone the server wrote in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    year: i32,
    last_month: u32,
    offset: Duration,
}

impl Clock {
    /// A clock starting in `year`, for a server whose local time is `offset_minutes` east of UTC.
    pub fn new(year: i32, offset_minutes: i32) -> Clock {
        Clock { year, last_month: 0, offset: Duration::minutes(offset_minutes as i64) }
    }

    /// The first year for a file whose months are `months` (in order), so that its last line falls
    /// on or before `today`: years turn over wherever the month goes back by more than six.
    pub fn first_year(months: impl IntoIterator<Item = (u32, u32)>, today: NaiveDate) -> i32 {
        let (mut turns, mut last, mut last_day) = (0, 0u32, 0u32);
        for (m, d) in months {
            if last > 0 && m + 6 < last {
                turns += 1;
            }
            last = m;
            last_day = d;
        }
        let mut year = chrono::Datelike::year(&today) - turns;
        let today_md = (chrono::Datelike::month(&today), chrono::Datelike::day(&today));
        if last > 0 && (last, last_day) > today_md {
            year -= 1;
        }
        year
    }

    /// The UTC time of a traditional stamp; `None` for an impossible date (Feb 30).
    pub fn complete(&mut self, month: u32, day: u32, time: NaiveTime) -> Option<NaiveDateTime> {
        if self.last_month > 0 && month + 6 < self.last_month {
            self.year += 1;
        }
        self.last_month = month;
        let local = NaiveDate::from_ymd_opt(self.year, month, day)?.and_time(time);
        Some(local - self.offset)
    }

    /// The year the clock is in now.
    pub fn year(&self) -> i32 {
        self.year
    }
}

/// Splits `host[ip]` (or `host[ip]:port`) into host and IP; `unknown` hosts give none.
pub fn host_ip(text: &str) -> (Option<&str>, Option<&str>) {
    let Some((host, rest)) = split_byte(text, b'[') else { return (Some(text).filter(|h| !h.is_empty()), None) };
    let ip = Some(split_byte(rest, b']').map_or(rest, |(ip, _)| ip)).filter(|i| !i.is_empty());
    let host = Some(host).filter(|h| !h.is_empty() && *h != "unknown");
    (host, ip)
}

/// True for loopback addresses (mail handed back by a local content filter is not mail flow):
/// 127.0.0.0/8, `::1` in its spellings, and IPv4-mapped 127.x (`::ffff:127.0.0.1`).
pub fn is_loopback(ip: &str) -> bool {
    // `trim_start_matches` with a text pattern builds a substring searcher per call: a tenth of an
    // Exim log's time in Node's WASI profile. The prefixes are stripped as often as they repeat.
    let mut ip = ip;
    while let Some(rest) = ip.strip_prefix("ipv6:") {
        ip = rest;
    }
    while let Some(rest) = ip.strip_prefix("IPv6:") {
        ip = rest;
    }
    let ip = ip.strip_prefix("::ffff:").or_else(|| ip.strip_prefix("::FFFF:")).unwrap_or(ip);
    ip.starts_with("127.") || ip == "::1" || ip == "0:0:0:0:0:0:0:1"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_stamp_styles() {
        let l = parse("2026-03-04T09:15:01.123456+00:00 mx1 postfix/smtpd[4211]: connect from a[1.2.3.4]").unwrap();
        assert_eq!((l.program, l.pid, l.message), ("postfix/smtpd", 4211, "connect from a[1.2.3.4]"));
        assert_eq!(l.time.unwrap().to_string(), "2026-03-04 09:15:01.123456");
        let l = parse("2026-03-04T10:15:01+0100 mx1 postfix/smtp[1]: x").unwrap();
        assert_eq!(l.time.unwrap().to_string(), "2026-03-04 09:15:01");
        let l = parse("Mar  4 09:15:01 mx1 postfix/submission/smtpd[77]: connect from b[5.6.7.8]").unwrap();
        assert_eq!(l.partial.map(|p| (p.0, p.1)), Some((3, 4)));
        assert_eq!(l.program, "postfix/submission/smtpd");
        assert!(parse("not a log line").is_none());
        assert!(parse("").is_none());
    }

    #[test]
    fn clock_turns_the_year() {
        let t = NaiveTime::from_hms_opt(23, 59, 0).unwrap();
        let mut c = Clock::new(2025, 60);
        assert_eq!(c.complete(12, 31, t).unwrap().to_string(), "2025-12-31 22:59:00");
        assert_eq!(c.complete(1, 1, t).unwrap().to_string(), "2026-01-01 22:59:00");
        assert_eq!(c.year(), 2026);
        let today = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        assert_eq!(Clock::first_year([(12, 30), (1, 2)], today), 2025);
        assert_eq!(Clock::first_year([(3, 4)], today), 2025, "March is after today: last year");
        assert_eq!(Clock::first_year([(1, 4)], today), 2026);
    }

    #[test]
    fn hosts_and_ips() {
        assert_eq!(host_ip("mail.fabrikam.com[203.0.113.10]"), (Some("mail.fabrikam.com"), Some("203.0.113.10")));
        assert_eq!(host_ip("mx.partner.example[198.51.100.7]:25"), (Some("mx.partner.example"), Some("198.51.100.7")));
        assert_eq!(host_ip("unknown[192.0.2.1]"), (None, Some("192.0.2.1")));
        assert!(is_loopback("127.0.0.1") && is_loopback("::1") && !is_loopback("10.0.0.1"));
        assert!(is_loopback("::ffff:127.0.0.1") && is_loopback("IPv6:::1") && !is_loopback("2001:db8::127"));
        assert!(is_loopback("ipv6:ipv6:IPv6:IPv6:::1") && !is_loopback("IPv6:ipv6:::1"), "each prefix as often as it repeats, in that order");
    }
}
