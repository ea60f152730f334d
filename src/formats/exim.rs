//! Exim's main log: `<=` arrivals from a remote host (`H=`) are inbound, `=>` and `->` deliveries
//! to a remote host are outbound (one per recipient); the TLS version is the first field of `X=`
//! (no `X=`: No TLS). Local arrivals and deliveries are not mail flow; `**` failures and `==`
//! deferrals are not delivered mail. The connector is a transport other than `remote_smtp`, or the
//! submission port an arrival came in on.

use rustc_hash::FxHashMap as HashMap;

use chrono::{Duration, NaiveDateTime};

use crate::domains::registrable;
use crate::formats::{ParseStats, Sink};
use crate::model::{Delivery, Direction};
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
    token.len() >= 16
        && token.split('-').count() == 3
        && token.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn parse_line(line: &str) -> Option<Line<'_>> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.len() < 20 || line.as_bytes()[10] != b' ' {
        return None;
    }
    let stamp_end = line.get(19..)?.find(' ').map(|i| 19 + i)?;
    let mut dt = crate::dates::parse_iso(line.get(..stamp_end)?)?;
    let mut rest = line.get(stamp_end + 1..)?;
    let mut zoned = false;
    if let Some(z) = rest.get(..5).filter(|z| matches!(z.as_bytes()[0], b'+' | b'-') && z[1..].bytes().all(|b| b.is_ascii_digit())) {
        let minutes = z[1..3].parse::<i64>().ok()? * 60 + z[3..5].parse::<i64>().ok()?;
        dt -= Duration::minutes(if z.starts_with('-') { -minutes } else { minutes });
        zoned = true;
        rest = rest.get(6..)?;
    }
    if rest.starts_with('[') {
        rest = rest.split_once("] ")?.1;
    }
    let (id, rest) = rest.split_once(' ')?;
    if !is_message_id(id) {
        return None;
    }
    let (flag, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    Some(Line { time: dt, zoned, flag, rest })
}

/// The value of ` KEY=` (key given with its equals sign, `"X="`) up to the next space.
fn word<'a>(rest: &'a str, key: &str) -> Option<&'a str> {
    let start = word_start(rest, key)?;
    rest[start..].split(' ').next()
}

/// Where the value of ` KEY=` starts.
fn word_start(rest: &str, key: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], key.as_bytes()) {
        let at = from + i;
        if at > 0 && bytes[at - 1] == b' ' {
            return Some(at + key.len());
        }
        from = at + 1;
    }
    None
}

/// `H=host [ip]`, `H=(helo) [ip]`, `H=host (helo) [ip]:port`: host and IP.
fn remote(rest: &str) -> Option<(Option<&str>, Option<&str>)> {
    let start = word_start(rest, "H=")?;
    let value = &rest[start..];
    let end = value.find(']').map(|i| i + 1).unwrap_or_else(|| value.find(' ').unwrap_or(value.len()));
    let value = &value[..end];
    let host = value.split(' ').next().filter(|h| !h.starts_with('(') && !h.starts_with('[') && !h.is_empty());
    let ip = value.rsplit_once('[').map(|(_, ip)| ip.trim_end_matches(']'));
    Some((host, ip))
}

/// True when the text has Exim main-log lines near its start.
pub fn recognise(text: &str) -> bool {
    text.lines().take(200).filter_map(parse_line).any(|l| matches!(l.flag, "<=" | "=>" | "->" | "**" | "==" | "Completed"))
}

/// Parses a whole Exim main log into the sink. Lines without a zone are taken as
/// `offset_minutes` east of UTC (0: UTC).
pub fn parse(text: &str, offset_minutes: i32, sink: &mut dyn Sink) -> ParseStats {
    let mut parser = Parser::new(offset_minutes);
    parser.feed(text, sink);
    parser.finish()
}

/// Reads an Exim main log piece by piece, in blocks of whole lines (each line stands alone).
#[derive(Clone, Debug)]
pub struct Parser {
    offset: Duration,
    stats: ParseStats,
    domains: HashMap<String, Option<String>>,
    /// The connector name of the line being read (`port 587`), in a buffer kept between lines.
    port: String,
}

impl Parser {
    /// A parser taking lines without a zone as `offset_minutes` east of UTC.
    pub fn new(offset_minutes: i32) -> Parser {
        Parser { offset: Duration::minutes(offset_minutes as i64), stats: ParseStats::default(), domains: HashMap::default(), port: String::new() }
    }

    /// What was read so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }

    /// What was read.
    pub fn finish(self) -> ParseStats {
        self.stats
    }

    /// Reads one block of whole lines into the sink.
    pub fn feed(&mut self, text: &str, sink: &mut dyn Sink) {
        for raw in text.lines() {
            self.line(raw, sink);
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
                let Some((host, ip)) = remote(rest) else {
                    stats.local += 1;
                    return;
                };
                let inbound = l.flag == "<=";
                if inbound && word(rest, "P=").is_some_and(|p| p == "local") {
                    stats.local += 1;
                    return;
                }
                let tls = match word(rest, "X=") {
                    Some(x) => Tls::normalise(x.split(':').next().unwrap_or(x)).unwrap_or(Tls::Unknown),
                    None => Tls::None,
                };
                let connector: Option<&str> = if inbound {
                    match word(rest, "I=").and_then(|i| i.rsplit_once(':')).map(|(_, port)| port).filter(|p| *p != "25") {
                        Some(port) => {
                            self.port.clear();
                            self.port.push_str("port ");
                            self.port.push_str(port);
                            Some(self.port.as_str())
                        }
                        None => None,
                    }
                } else {
                    word(rest, "T=").filter(|t| *t != DEFAULT_TRANSPORT)
                };
                let count = if inbound {
                    rest.split_once(" for ").map(|(_, r)| r.split(' ').filter(|a| a.contains('@')).count() as u64).filter(|n| *n > 0).unwrap_or(1)
                } else {
                    1
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
                sink.push(&Delivery {
                    time,
                    direction: if inbound { Direction::Inbound } else { Direction::Outbound },
                    connector,
                    connector_type: None,
                    forced_tls: None,
                    tls,
                    remote_host: host,
                    remote_ip: ip,
                    remote_domain: domain,
                    count,
                });
                stats.deliveries += count;
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
        assert_eq!(remote(r), Some((Some("mail.fabrikam.com"), Some("203.0.113.10"))));
        assert_eq!(remote("a@b H=(helo.example) [192.0.2.1]:4567 P=esmtp"), Some((None, Some("192.0.2.1"))));
        assert_eq!(word(r, "X="), Some("TLS1.3:ECDHE:256"));
        assert_eq!(word("id=CAX=1 X=TLSv1.2:x", "X="), Some("TLSv1.2:x"), "only a key after a space");
    }
}
