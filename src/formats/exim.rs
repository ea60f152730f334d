//! Exim's main log: `<=` arrivals from a remote host (`H=`) are inbound, `=>` and `->` deliveries
//! to a remote host are outbound (one per recipient); the TLS version is the first field of `X=`
//! (no `X=`: No TLS), and `CV=` whether the peer's certificate was verified. Local arrivals and
//! deliveries are not mail flow; `**` failures and `==`
//! deferrals are not delivered mail. The connector is a transport other than `remote_smtp`, or the
//! submission port an arrival came in on.

use crate::text::{split_byte, split_str};
use rustc_hash::FxHashMap as HashMap;

use chrono::{Duration, NaiveDateTime};

use crate::domains::registrable;
use crate::formats::evidence::{Evidence, Side};
use crate::formats::syslog::is_loopback;
use crate::formats::{ParseStats, Sink};
use crate::model::{Delivery, Direction};
use crate::security::Auth;
use crate::tls::Tls;

/// The transport name of plain delivery to the internet (no connector).
pub const DEFAULT_TRANSPORT: &str = "remote_smtp";

/// One main-log line taken apart.
struct Line<'a> {
    time: NaiveDateTime,
    zoned: bool,
    flag: &'a str,
    rest: &'a str,
}

fn is_message_id(token: &str) -> bool {
    // Three non-empty runs of letters and digits joined by two dashes, read in one pass.
    let b = token.as_bytes();
    if b.len() < 16 {
        return false;
    }
    let (mut dashes, mut after_dash) = (0u32, true);
    for &c in b {
        if c == b'-' {
            if after_dash {
                return false;
            }
            dashes += 1;
            after_dash = true;
        } else if c.is_ascii_alphanumeric() {
            after_dash = false;
        } else {
            return false;
        }
    }
    dashes == 2 && !after_dash
}

fn parse_line(line: &str) -> Option<Line<'_>> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.len() < 20 || line.as_bytes().get(10) != Some(&b' ') {
        return None;
    }
    let stamp_end = memchr::memchr(b' ', line.as_bytes().get(19..)?).map(|i| 19 + i)?;
    let mut dt = crate::dates::parse_iso(line.get(..stamp_end)?)?;
    let mut rest = line.get(stamp_end + 1..)?;
    let mut zoned = false;
    if let Some(z) = rest.get(..5).filter(|z| matches!(z.as_bytes().first(), Some(b'+' | b'-')) && z.bytes().skip(1).all(|b| b.is_ascii_digit())) {
        let minutes = z.get(1..3)?.parse::<i64>().ok()? * 60 + z.get(3..5)?.parse::<i64>().ok()?;
        dt -= Duration::minutes(if z.starts_with('-') { -minutes } else { minutes });
        zoned = true;
        rest = rest.get(6..)?;
    }
    if rest.starts_with('[') {
        rest = split_str(rest, "] ")?.1;
    }
    let (id, rest) = split_byte(rest, b' ')?;
    if !is_message_id(id) {
        return None;
    }
    let (flag, rest) = split_byte(rest, b' ').unwrap_or((rest, ""));
    Some(Line { time: dt, zoned, flag, rest })
}

/// The value of ` KEY=` (key given with its equals sign, `"X="`) up to the next space: one key
/// at a time, the reference [`Keys`] is tested against.
#[cfg(test)]
fn word<'a>(rest: &'a str, key: &str) -> Option<&'a str> {
    let value = rest.get(word_start(rest, key)?..)?;
    Some(split_byte(value, b' ').map_or(value, |(v, _)| v))
}

/// Where the value of ` KEY=` starts.
#[cfg(test)]
fn word_start(rest: &str, key: &str) -> Option<usize> {
    // Keys are a few bytes (`H=`, `DN=`): each place of the first byte is checked, which costs
    // less than building a substring searcher per line.
    let (bytes, key) = (rest.as_bytes(), key.as_bytes());
    let first = *key.first()?;
    memchr::memchr_iter(first, bytes)
        .find(|&at| at > 0 && bytes.get(at - 1) == Some(&b' ') && bytes.get(at..).is_some_and(|r| r.starts_with(key)))
        .map(|at| at + key.len())
}

/// Where the values of the keys a message line is read for start (` H=`, ` P=`, ` X=`, ` A=`,
/// ` I=`, ` T=`, ` CV=`): the first place of each, as [`word_start`] finds them, in one pass
/// over the line's spaces instead of one search per key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Keys {
    h: Option<usize>,
    p: Option<usize>,
    x: Option<usize>,
    a: Option<usize>,
    i: Option<usize>,
    t: Option<usize>,
    cv: Option<usize>,
}

impl Keys {
    fn of(rest: &str) -> Keys {
        let b = rest.as_bytes();
        let mut k = Keys::default();
        for s in memchr::memchr_iter(b' ', b) {
            let slot = match (b.get(s + 1), b.get(s + 2), b.get(s + 3)) {
                (Some(b'H'), Some(b'='), _) => &mut k.h,
                (Some(b'P'), Some(b'='), _) => &mut k.p,
                (Some(b'X'), Some(b'='), _) => &mut k.x,
                (Some(b'A'), Some(b'='), _) => &mut k.a,
                (Some(b'I'), Some(b'='), _) => &mut k.i,
                (Some(b'T'), Some(b'='), _) => &mut k.t,
                (Some(b'C'), Some(b'V'), Some(b'=')) => {
                    k.cv.get_or_insert(s + 4);
                    continue;
                }
                _ => continue,
            };
            slot.get_or_insert(s + 3);
        }
        k
    }
}

/// The value starting at `start` (from [`Keys`]) up to the next space.
fn value_at(rest: &str, start: Option<usize>) -> Option<&str> {
    let value = rest.get(start?..)?;
    Some(split_byte(value, b' ').map_or(value, |(v, _)| v))
}

/// `H=host [ip]`, `H=(helo) [ip]`, `H=host (helo) [ip]:port`: host and IP. A HELO in
/// parentheses may itself be an address literal (`H=relay.example ([127.0.0.1]) [198.51.100.1]`):
/// the IP is the bracket outside the parentheses.
fn remote(rest: &str, start: Option<usize>) -> Option<(Option<&str>, Option<&str>)> {
    let start = start?;
    let value = rest.get(start..)?;
    let (mut depth, mut open, mut end) = (0usize, None, None);
    for (i, b) in value.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'[' if depth == 0 => open = Some(i),
            b']' if depth == 0 && open.is_some() => {
                end = Some(i);
                break;
            }
            b' ' if depth == 0 && open.is_none() && i > 0 && !value.get(i + 1..).is_some_and(|r| r.starts_with(['(', '['])) => break,
            _ => {}
        }
    }
    let host = Some(split_byte(value, b' ').map_or(value, |(h, _)| h)).filter(|h| !h.starts_with('(') && !h.starts_with('[') && !h.is_empty());
    let ip = open.zip(end).and_then(|(a, b)| value.get(a + 1..b));
    Some((host, ip))
}

/// True when the text's first 64 KB has an Exim main-log message line (`<=`, `=>`, `**`, ...),
/// or is mostly Exim's other lines (a rotated log may start with hundreds of rejections, "no
/// host name found" and queue runs before the first message).
#[inline(never)] // see detect::detect
pub fn recognise(text: &str) -> bool {
    let (mut noise, mut lines) = (0usize, 0usize);
    for line in crate::text::head(text, crate::stream::HEAD_BYTES).lines() {
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if parse_line(line).is_some_and(|l| matches!(l.flag, "<=" | "=>" | "->" | "**" | "==" | "Completed")) {
            return true;
        }
        if is_exim_noise(line) {
            noise += 1;
        }
    }
    noise >= 3 && noise * 2 >= lines
}

/// An Exim main-log line that is not about one message: a stamp, then a connection, rejection,
/// queue run or warning as Exim words them.
fn is_exim_noise(line: &str) -> bool {
    let b = line.as_bytes();
    let stamped = b.len() > 20
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.get(10) == Some(&b' ')
        && b.get(13) == Some(&b':')
        && b.get(16) == Some(&b':')
        && b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit));
    stamped
        && ["H=", "SMTP connection from", "no host name found for IP address", "Start queue run", "End queue run", "exim ", "rejected ", "SMTP protocol", "TLS error", "SMTP command timeout", "unexpected disconnection"]
            .iter()
            .any(|w| line.contains(w))
}

/// Parses a whole Exim main log into the sink. Lines without a zone are taken as
/// `offset_minutes` east of UTC (0: UTC); `tls_logged` when the user says the server logs TLS.
pub fn parse(text: &str, offset_minutes: i32, tls_logged: bool, sink: &mut dyn Sink) -> ParseStats {
    let mut parser = Parser::new(offset_minutes, tls_logged, false);
    parser.feed(text, sink);
    parser.finish(sink)
}

/// Reads an Exim main log piece by piece, in blocks of whole lines (each line stands alone).
#[derive(Clone, Debug)]
pub struct Parser {
    offset: Duration,
    stats: ParseStats,
    evidence: Evidence,
    domains: HashMap<String, Option<String>>,
    /// The connector name of the line being read (`port 587`), in a buffer kept between lines.
    port: String,
    /// An `X=` was seen for receiving, sending: the log shows TLS (told to the evidence once).
    tls_seen: [bool; 2],
    /// One part of a log read in parts: what waits for proof is handed over at the end.
    part: bool,
}

impl Parser {
    /// A parser taking lines without a zone as `offset_minutes` east of UTC; `tls_logged` when
    /// the user says the server logs TLS (`X=`), so that a delivery without `X=` is No TLS;
    /// `part` when the text is one part of a log read in parts ([`crate::split`]).
    pub fn new(offset_minutes: i32, tls_logged: bool, part: bool) -> Parser {
        Parser {
            offset: Duration::minutes(offset_minutes as i64),
            stats: ParseStats::default(),
            evidence: Evidence::new(tls_logged),
            domains: HashMap::default(),
            port: String::new(),
            tls_seen: [false; 2],
            part,
        }
    }

    /// What was read so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }

    /// The end of the log: deliveries without `X=` on a log that never showed `X=` for their
    /// direction are counted as Unknown (TLS logging off), not as No TLS.
    pub fn finish(mut self, sink: &mut dyn Sink) -> ParseStats {
        if self.part {
            self.stats.handover = Some(self.evidence.hand_over());
            return self.stats;
        }
        let unlogged = self.evidence.finish(sink);
        self.stats.tls_unlogged = [unlogged.inbound, unlogged.outbound];
        self.stats
    }

    /// Reads one block of whole lines into the sink.
    pub fn feed(&mut self, text: &str, sink: &mut dyn Sink) {
        for raw in crate::text::lines(text) {
            let before = self.stats.accounted();
            self.line(raw, sink);
            self.stats.note_other(before, raw);
        }
    }

    fn line(&mut self, raw: &str, sink: &mut dyn Sink) {
        let stats = &mut self.stats;
        let Some(l) = parse_line(raw) else { return };
        stats.rows_read += 1;
        let time = if l.zoned { l.time } else { l.time - self.offset };
        match l.flag {
            "<=" | "=>" | "->" => {
                let rest = l.rest;
                let keys = Keys::of(rest);
                let Some((host, ip)) = remote(rest, keys.h) else {
                    stats.local += 1;
                    return;
                };
                let inbound = l.flag == "<=";
                let protocol = value_at(rest, keys.p);
                if inbound && protocol.is_some_and(|p| p == "local" || p.starts_with("local-")) {
                    stats.local += 1;
                    return;
                }
                if ip.is_some_and(is_loopback) {
                    stats.local += 1; // a local content filter or the test suite: not mail flow
                    return;
                }
                let side = if inbound { Side::Receiving } else { Side::Sending };
                // X= names the version (`TLS1.x` and other unreadable values: Unknown); without
                // it, an arrival's protocol says whether TLS was used (`esmtps`, `esmtpsa`,
                // `smtps` did, `esmtp`, `smtp`, `esmtpa` did not); otherwise the log must show
                // that it logs X= at all before a missing X= means No TLS.
                let tls = match value_at(rest, keys.x) {
                    Some(x) => {
                        if !std::mem::replace(&mut self.tls_seen[usize::from(!inbound)], true) {
                            self.evidence.prove("", side, sink);
                        }
                        Some(Tls::in_text(split_byte(x, b':').map_or(x, |(v, _)| v)).unwrap_or(Tls::Unknown))
                    }
                    None => match protocol.filter(|_| inbound) {
                        Some(p) if p.ends_with('s') || p.ends_with("sa") => Some(Tls::Unknown),
                        Some(_) => Some(Tls::None),
                        None => None,
                    },
                };
                let count = if inbound {
                    split_str(rest, " for ").map(|(_, r)| r.split(' ').filter(|a| memchr::memchr(b'@', a.as_bytes()).is_some()).count() as u64).filter(|n| *n > 0).unwrap_or(1)
                } else {
                    1
                };
                if inbound && (protocol.is_some_and(|p| p.ends_with('a')) || value_at(rest, keys.a).is_some()) {
                    // An authenticated client submission (SMTP AUTH): counted apart.
                    stats.submissions.add(tls.unwrap_or(Tls::Unknown), count);
                    return;
                }
                let connector: Option<&str> = if inbound {
                    match value_at(rest, keys.i).and_then(|i| i.rsplit_once(':')).map(|(_, port)| port).filter(|p| *p != "25") {
                        Some(port) => {
                            self.port.clear();
                            self.port.push_str("port ");
                            self.port.push_str(port);
                            Some(self.port.as_str())
                        }
                        None => None,
                    }
                } else {
                    value_at(rest, keys.t).filter(|t| *t != DEFAULT_TRANSPORT)
                };
                let domain = match host {
                    Some(h) => {
                        if !self.domains.contains_key(h) {
                            self.domains.insert(h.to_string(), registrable(h));
                        }
                        self.domains.get(h).and_then(|d| d.as_deref())
                    }
                    None => None,
                };
                // CV= says whether the peer's certificate was verified (`yes`, `dane`, `no`);
                // DN= alone names a certificate without saying whether it was checked.
                let auth = value_at(rest, keys.cv).map_or(Auth::Unknown, Auth::exim);
                let d = Delivery {
                    auth,
                    time,
                    direction: if inbound { Direction::Inbound } else { Direction::Outbound },
                    connector,
                    connector_type: None,
                    forced_tls: None,
                    tls: tls.unwrap_or(Tls::None),
                    remote_host: host,
                    remote_ip: ip,
                    remote_domain: domain,
                    count,
                };
                stats.deliveries = stats.deliveries.saturating_add(count);
                match tls {
                    Some(_) => sink.push(&d),
                    None => self.evidence.push("", side, &d, sink),
                }
            }
            "**" | "==" => stats.failures += 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_fields() {
        let l = parse_line("2025-03-04 09:15:01.123 +0100 [4242] 1tq2Ab-000Abc-1D <= a@b H=x [1.2.3.4] P=esmtps").unwrap();
        assert_eq!((l.flag, l.zoned, l.time.to_string().as_str()), ("<=", true, "2025-03-04 08:15:01.123"));
        assert!(parse_line("2025-03-04 09:15:01 Start queue run: pid=1").is_none());
        let r = "a@b H=mail.fabrikam.com [203.0.113.10] P=esmtps X=TLS1.3:ECDHE:256";
        assert_eq!(remote(r, Keys::of(r).h), Some((Some("mail.fabrikam.com"), Some("203.0.113.10"))));
        assert_eq!(remote("a@b H=(helo.example) [192.0.2.1]:4567 P=esmtp", Keys::of("a@b H=(helo.example) [192.0.2.1]:4567 P=esmtp").h), Some((None, Some("192.0.2.1"))));
        assert_eq!(remote("a@b H=relay.example ([127.0.0.1]) [198.51.100.153] P=esmtp", Keys::of("a@b H=relay.example ([127.0.0.1]) [198.51.100.153] P=esmtp").h), Some((Some("relay.example"), Some("198.51.100.153"))));
        assert_eq!(remote("a@b H=localhost R=x", Keys::of("a@b H=localhost R=x").h), Some((Some("localhost"), None)));
        assert_eq!(word(r, "X="), Some("TLS1.3:ECDHE:256"));
        assert_eq!(word("id=CAX=1 X=TLSv1.2:x", "X="), Some("TLSv1.2:x"), "only a key after a space");
    }

    #[test]
    fn message_ids_read_in_one_pass() {
        // The rule in words: at least 16 bytes, three non-empty runs of letters and digits
        // joined by two dashes.
        let rule = |t: &str| {
            let runs: Vec<&str> = t.split('-').collect();
            t.len() >= 16 && runs.len() == 3 && runs.iter().all(|r| !r.is_empty() && r.bytes().all(|c| c.is_ascii_alphanumeric()))
        };
        let tokens = ["1t0001-000001-01", "1tq2Ab-000Abc-1D", "1tq2Ab-000Abc-1D-", "-1tq2Ab-000Abc-1D", "1tq2Ab--000Abc1D", "1tq2Ab-000Abc1Dxx", "1tq2Ab-000Ab_-1D", "1t-1-1", "1tq2Ab-000Abé-1D", "aaaaaaaaaaaaaaaa", "a-b-cdefghijklmnop", "a-b-c-defghijklmno"];
        for t in tokens {
            assert_eq!(is_message_id(t), rule(t), "{t}");
        }
    }

    #[test]
    fn keys_found_in_one_pass_are_those_found_one_at_a_time() {
        let lines = [
            "a@b H=mail.fabrikam.com [203.0.113.10] P=esmtps X=TLS1.3:ECDHE:256 CV=yes A=plain:x I=[192.0.2.1]:587 S=1",
            "u@x R=dnslookup T=remote_smtp H=mx.example [192.0.2.7] X=TLSv1.2:x:256 CV=no C=\"250 OK\"",
            "H=first X=ignored id=CAX=1 X=second H=second CV= CV=x T= P=esmtp P=again",
            "CV=start A=start  A=double-space  T=t I=i",
            "", " ", "a@b H=", "x CV", "x C",
        ];
        for rest in lines {
            let k = Keys::of(rest);
            for (key, found) in [("H=", k.h), ("P=", k.p), ("X=", k.x), ("A=", k.a), ("I=", k.i), ("T=", k.t), ("CV=", k.cv)] {
                assert_eq!(found, word_start(rest, key), "{rest:?} {key}");
                assert_eq!(value_at(rest, found), word(rest, key), "{rest:?} {key}");
            }
        }
    }
}
