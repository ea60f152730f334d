//! Postfix logs (syslog or journald export): inbound mail is each message `smtpd` accepted from a
//! remote client, with the TLS version of that smtpd session; outbound mail is each recipient the
//! `smtp` client delivered (`status=sent`), with the TLS version of that connection. The
//! connector is the master.cf service in the process name (`postfix/submission/smtpd`).

use crate::lang::Msg;
use rustc_hash::FxHashMap as HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domains::registrable;
use crate::formats::syslog::{self, host_ip, is_loopback, Clock};
use crate::formats::{ParseStats, Sink};
use crate::model::{Delivery, Direction};
use crate::tls::Tls;

/// How many of the first lines to look at when recognising a Postfix log.
const SNIFF_LINES: usize = 200;

/// True when the text has Postfix syslog lines near its start.
pub fn recognise(text: &str) -> bool {
    text.lines().take(SNIFF_LINES).filter_map(syslog::parse).any(|l| is_postfix(l.program))
}

fn is_postfix(program: &str) -> bool {
    program.starts_with("postfix/") || program.starts_with("postfix-")
}

/// `postfix/submission/smtpd` → (`Some("submission")`, `"smtpd"`); `postfix/smtpd` → (`None`, `"smtpd"`);
/// `postfix-out/smtp` (a second instance) → (`Some("postfix-out")`, `"smtp"`).
fn service(program: &str) -> (Option<&str>, &str) {
    let parts: Vec<&str> = program.split('/').collect();
    let daemon = parts.last().copied().unwrap_or("");
    let instance = parts.first().copied().filter(|p| *p != "postfix");
    let named = if parts.len() >= 3 { Some(parts[parts.len() - 2]) } else { None };
    (named.or(instance), daemon)
}

/// The queue id at the start of a message (`3F2A1C0B12: ...`).
fn queue_id(message: &str) -> Option<(&str, &str)> {
    let (id, rest) = message.split_once(": ")?;
    (id.len() >= 5 && id.bytes().all(|b| b.is_ascii_alphanumeric())).then_some((id, rest))
}

/// The value of `key=` in a Postfix key=value list, up to the next comma.
fn field<'a>(rest: &'a str, key: &str) -> Option<&'a str> {
    let start = rest.find(key)? + key.len();
    let value = &rest[start..];
    Some(value.split(", ").next().unwrap_or(value).trim())
}

/// The TLS version in `... TLS connection established from|to host[ip]: TLSv1.3 with cipher ...`.
fn tls_line(message: &str, word: &str) -> Option<(String, Tls)> {
    let at = message.find("TLS connection established ")?;
    let rest = message[at + 27..].strip_prefix(word)?;
    let (peer, version) = rest.split_once(": ")?;
    let tls = Tls::normalise(version.split(' ').next().unwrap_or(version))?;
    let (host, ip) = host_ip(peer);
    Some((format!("{}[{}]", host.unwrap_or(""), ip.unwrap_or("")), tls))
}

#[derive(Clone, Debug)]
struct Inbound {
    time: NaiveDateTime,
    tls: Tls,
    connector: Option<String>,
    host: Option<String>,
    ip: Option<String>,
}

/// Reading options for logs without a year or zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogClock {
    /// The year of the first line (traditional syslog has none).
    pub first_year: i32,
    /// Minutes east of UTC of the server's local time.
    pub offset_minutes: i32,
}

/// The year the first line of a traditional-syslog file falls in, for a file read on `today`.
pub fn guess_first_year(text: &str, today: NaiveDate) -> Option<i32> {
    let mut months = Vec::new();
    for line in text.lines() {
        if let Some(l) = syslog::parse(line) {
            match l.partial {
                Some((m, d, _)) => months.push((m, d)),
                None => return None,
            }
        }
    }
    (!months.is_empty()).then(|| Clock::first_year(months, today))
}

/// Parses a whole Postfix log into the sink.
pub fn parse(text: &str, clock: LogClock, sink: &mut dyn Sink) -> ParseStats {
    let mut parser = Parser::new(clock);
    parser.feed(text, sink);
    parser.finish()
}

/// How many smtp processes' TLS connections are remembered before those idle for as many lines
/// are forgotten (keeps memory bounded on logs of any length).
const MAX_PROCESSES: usize = 65_536;

/// Reads a Postfix log piece by piece, in blocks of whole lines, keeping what joins lines (TLS
/// per smtpd and smtp process, accepted messages by queue id) from one block to the next.
#[derive(Clone, Debug)]
pub struct Parser {
    clock: Clock,
    first_year: i32,
    stats: ParseStats,
    lines: u64,
    smtpd_tls: HashMap<u32, Tls>,
    /// TLS of each smtp process's connection: peer, version, and the line it was last used on.
    smtp_tls: HashMap<u32, (String, Tls, u64)>,
    inbound: HashMap<String, Inbound>,
    domains: HashMap<String, Option<String>>,
    /// Every syslog line's month and day, as [`guess_first_year`] sees them: year turns, the
    /// last one, and whether any line had a full date.
    turns: i32,
    last_md: (u32, u32),
    dated: bool,
}

impl Parser {
    /// A parser reading stamps without a year from `clock.first_year` on.
    pub fn new(clock: LogClock) -> Parser {
        Parser {
            clock: Clock::new(clock.first_year, clock.offset_minutes),
            first_year: clock.first_year,
            stats: ParseStats::default(),
            lines: 0,
            smtpd_tls: HashMap::default(),
            smtp_tls: HashMap::default(),
            inbound: HashMap::default(),
            domains: HashMap::default(),
            turns: 0,
            last_md: (0, 0),
            dated: false,
        }
    }

    /// What was read so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }

    /// What was read.
    pub fn finish(self) -> ParseStats {
        self.stats
    }

    /// The first year [`guess_first_year`] gives for all the lines read so far, for a file read
    /// on `today`; `None` when a line had a full date or no line was syslog.
    pub fn first_year_for(&self, today: NaiveDate) -> Option<i32> {
        if self.dated || self.last_md.0 == 0 {
            return None;
        }
        let mut year = chrono::Datelike::year(&today) - self.turns;
        if self.last_md > (chrono::Datelike::month(&today), chrono::Datelike::day(&today)) {
            year -= 1;
        }
        Some(year)
    }

    /// The year the first line was read in.
    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    /// Reads one block of whole lines into the sink.
    pub fn feed(&mut self, text: &str, sink: &mut dyn Sink) {
        for raw in text.lines() {
            self.lines += 1;
            self.line(raw, sink);
        }
    }

    fn line(&mut self, raw: &str, sink: &mut dyn Sink) {
        let line_no = self.lines;
        let stats = &mut self.stats;
        let Some(l) = syslog::parse(raw) else { return };
        match l.partial {
            Some((m, d, _)) => {
                if self.last_md.0 > 0 && m + 6 < self.last_md.0 {
                    self.turns += 1;
                }
                self.last_md = (m, d);
            }
            None => self.dated = true,
        }
        if !is_postfix(l.program) {
            return;
        }
        stats.rows_read += 1;
        let time = match (l.time, l.partial) {
            (Some(t), _) => t,
            (None, Some((m, d, t))) => match self.clock.complete(m, d, t) {
                Some(t) => t,
                None => {
                    stats.skip(line_no, Msg::DayDoesNotExist);
                    return;
                }
            },
            _ => return,
        };
        let (connector, daemon) = service(l.program);
        let msg = l.message;
        let domains = &mut self.domains;
        match daemon {
            "smtpd" => {
                if msg.starts_with("connect from ") || msg.starts_with("disconnect from ") {
                    self.smtpd_tls.remove(&l.pid);
                } else if let Some((_, tls)) = tls_line(msg, "from ") {
                    self.smtpd_tls.insert(l.pid, tls);
                } else if let Some((qid, rest)) = queue_id(msg) {
                    if let Some(client) = rest.strip_prefix("client=") {
                        let (host, ip) = host_ip(client.split(',').next().unwrap_or(client));
                        if ip.is_some_and(is_loopback) {
                            stats.local += 1;
                            return;
                        }
                        let tls = self.smtpd_tls.get(&l.pid).copied().unwrap_or(Tls::None);
                        let d = Inbound { time, tls, connector: connector.map(String::from), host: host.map(String::from), ip: ip.map(String::from) };
                        emit(sink, &d, 1, domains);
                        stats.deliveries += 1;
                        self.inbound.insert(qid.to_string(), d);
                    }
                }
            }
            "qmgr" => {
                // "QUEUEID: from=<a@b>, size=123, nrcpt=3 (queue active)": the other recipients.
                if let Some((qid, rest)) = queue_id(msg) {
                    if rest == "removed" {
                        self.inbound.remove(qid);
                        return;
                    }
                    if let (Some(d), Some(n)) = (self.inbound.remove(qid), field(rest, "nrcpt=")) {
                        let n: u64 = n.split(' ').next().and_then(|v| v.parse().ok()).unwrap_or(1);
                        if n > 1 {
                            emit(sink, &d, n - 1, domains);
                            stats.deliveries += n - 1;
                        }
                    }
                }
            }
            "smtp" => {
                if let Some(found) = tls_line(msg, "to ") {
                    if self.smtp_tls.len() >= MAX_PROCESSES {
                        // smtp processes end without a log line: forget those idle for long.
                        let now = self.lines;
                        self.smtp_tls.retain(|_, v| v.2 + MAX_PROCESSES as u64 > now);
                    }
                    self.smtp_tls.insert(l.pid, (found.0, found.1, self.lines));
                } else if let Some((_, rest)) = queue_id(msg) {
                    if !rest.starts_with("to=") {
                        return;
                    }
                    let status = field(rest, "status=").unwrap_or("");
                    if !status.starts_with("sent") {
                        if status.starts_with("deferred") || status.starts_with("bounced") {
                            stats.failures += 1;
                        }
                        return;
                    }
                    let relay = field(rest, "relay=").unwrap_or("");
                    let (host, ip) = host_ip(relay);
                    if ip.is_some_and(is_loopback) {
                        stats.local += 1;
                        return;
                    }
                    let tls = match self.smtp_tls.get_mut(&l.pid) {
                        Some((peer, tls, used)) if same_peer(peer, host, ip) => {
                            *used = line_no;
                            *tls
                        }
                        _ => Tls::None,
                    };
                    let domain = host.and_then(|h| domain_of_host(domains, h));
                    sink.push(&Delivery {
                        time,
                        direction: Direction::Outbound,
                        connector,
                        connector_type: None,
                        forced_tls: None,
                        tls,
                        remote_host: host,
                        remote_ip: ip,
                        remote_domain: domain.as_deref(),
                        count: 1,
                    });
                    stats.deliveries += 1;
                }
            }
            "local" | "virtual" | "pipe" | "lmtp" | "pickup" => {
                if queue_id(msg).is_some_and(|(_, r)| r.starts_with("to=") || r.starts_with("uid=")) {
                    stats.local += 1;
                }
            }
            _ => {}
        }
    }
}

/// True when `peer` (`host[ip]`) names this host and IP, compared without building a string.
fn same_peer(peer: &str, host: Option<&str>, ip: Option<&str>) -> bool {
    let (h, i) = (host.unwrap_or(""), ip.unwrap_or(""));
    peer.len() == h.len() + i.len() + 2
        && peer.starts_with(h)
        && peer[h.len()..].starts_with('[')
        && peer[h.len() + 1..].starts_with(i)
        && peer.ends_with(']')
}

/// The registrable domain of a host, looked up once per host.
fn domain_of_host(cache: &mut HashMap<String, Option<String>>, host: &str) -> Option<String> {
    if let Some(d) = cache.get(host) {
        return d.clone();
    }
    let d = registrable(host);
    cache.insert(host.to_string(), d.clone());
    d
}

fn emit(sink: &mut dyn Sink, d: &Inbound, count: u64, domains: &mut HashMap<String, Option<String>>) {
    let domain = d.host.as_deref().and_then(|h| domain_of_host(domains, h));
    sink.push(&Delivery {
        time: d.time,
        direction: Direction::Inbound,
        connector: d.connector.as_deref(),
        connector_type: None,
        forced_tls: None,
        tls: d.tls,
        remote_host: d.host.as_deref(),
        remote_ip: d.ip.as_deref(),
        remote_domain: domain.as_deref(),
        count,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_and_fields() {
        assert_eq!(service("postfix/smtpd"), (None, "smtpd"));
        assert_eq!(service("postfix/submission/smtpd"), (Some("submission"), "smtpd"));
        assert_eq!(service("postfix/relay/smtp"), (Some("relay"), "smtp"));
        assert_eq!(service("postfix-out/smtp"), (Some("postfix-out"), "smtp"));
        assert_eq!(queue_id("3F2A1C0B12: client=a[1.2.3.4]"), Some(("3F2A1C0B12", "client=a[1.2.3.4]")));
        assert_eq!(queue_id("connect from x"), None);
        assert_eq!(field("to=<a@b>, relay=mx[1.2.3.4]:25, delay=1, status=sent (250 OK)", "status="), Some("sent (250 OK)"));
        assert_eq!(
            tls_line("Verified TLS connection established to mx.partner.example[198.51.100.7]:25: TLSv1.2 with cipher X (256/256 bits)", "to "),
            Some(("mx.partner.example[198.51.100.7]".into(), Tls::V1_2))
        );
        assert_eq!(tls_line("TLS connection established from a[1.2.3.4]: TLSv1 with cipher DHE", "from ").map(|t| t.1), Some(Tls::V1_0));
    }

    #[test]
    fn smtp_processes_that_never_come_back_are_forgotten() {
        let mut p = Parser::new(LogClock { first_year: 2026, offset_minutes: 0 });
        let mut agg = crate::aggregate::Aggregate::new();
        let mut text = String::new();
        for pid in 0..(MAX_PROCESSES as u32 * 3) {
            text.push_str(&format!("2026-03-04T10:00:00+00:00 mx postfix/smtp[{pid}]: Verified TLS connection established to mx.example.com[192.0.2.1]:25: TLSv1.3 with cipher X\n"));
            text.push_str(&format!("2026-03-04T10:00:00+00:00 mx postfix/smtp[{pid}]: {pid:010X}: to=<a@example.com>, relay=mx.example.com[192.0.2.1]:25, status=sent (250 OK)\n"));
        }
        p.feed(&text, &mut agg);
        assert!(p.smtp_tls.len() <= MAX_PROCESSES, "{} remembered", p.smtp_tls.len());
        assert_eq!(p.stats().deliveries, MAX_PROCESSES as u64 * 3);
        let f = crate::aggregate::Filter::window(chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
        assert_eq!(agg.totals(&f).outbound.get(Tls::V1_3), MAX_PROCESSES as u64 * 3, "every delivery kept its TLS");
    }
}
