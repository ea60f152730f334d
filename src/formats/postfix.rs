//! Postfix logs (syslog or journald export): inbound mail is each message `smtpd` accepted from a
//! remote client, with the TLS version of that smtpd session; outbound mail is each recipient the
//! `smtp` client delivered (`status=sent`), with the TLS version of that connection. The
//! connector is the master.cf service in the process name (`postfix/submission/smtpd`).

use crate::text::{rsplit_byte, split_str};
use crate::lang::Msg;
use rustc_hash::FxHashMap as HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domains::registrable;
use crate::formats::syslog::{self, host_ip, is_loopback, Clock};
use crate::formats::evidence::{Evidence, Side};
use crate::formats::{ParseStats, Sink};
use crate::model::{Delivery, Direction};
use crate::security::Auth;
use crate::tls::Tls;

/// True when the text has Postfix syslog lines anywhere in its first 64 KB (a rotated log may
/// start with hundreds of lines of other programs).
#[inline(never)] // see detect::detect
pub fn recognise(text: &str) -> bool {
    crate::text::head(text, crate::stream::HEAD_BYTES).lines().filter_map(syslog::parse).any(|l| is_postfix(l.program))
}

fn is_postfix(program: &str) -> bool {
    program.starts_with("postfix/") || program.starts_with("postfix-")
}

/// `postfix/submission/smtpd` → (`Some("submission")`, `"smtpd"`); `postfix/smtpd` → (`None`, `"smtpd"`);
/// `postfix-out/smtp` (a second instance) → (`Some("postfix-out")`, `"smtp"`).
fn service(program: &str) -> (Option<&str>, &str) {
    let first = crate::text::split_byte(program, b'/').map_or(program, |(first, _)| first);
    let instance = Some(first).filter(|p| *p != "postfix");
    let Some((before, daemon)) = rsplit_byte(program, b'/') else { return (instance, program) };
    // Three parts or more: the one before the daemon names the service.
    let named = rsplit_byte(before, b'/').map(|(_, name)| name);
    (named.or(instance), daemon)
}

/// The queue id at the start of a message (`3F2A1C0B12: ...`); `NOQUEUE` is none.
fn queue_id(message: &str) -> Option<(&str, &str)> {
    let (id, rest) = split_str(message, ": ")?;
    (id.len() >= 5 && id != "NOQUEUE" && id.bytes().all(|b| b.is_ascii_alphanumeric())).then_some((id, rest))
}

/// The value of `key=` in a Postfix key=value list, up to the next comma.
fn field<'a>(rest: &'a str, key: &str) -> Option<&'a str> {
    let (_, value) = split_str(rest, key)?;
    Some(split_str(value, ", ").map_or(value, |(v, _)| v).trim())
}

/// The peer and TLS version in `... TLS connection established from|to host[ip]: TLSv1.3 with
/// cipher ...`, or `... TLS connection reused to host[ip]:25: TLSv1.3 ...` (connection reuse
/// through tlsproxy, Postfix 3.4 and later), with the verification its first word says
/// (`Verified`, `Trusted`, `Untrusted`, `Anonymous`: [`Auth::postfix`]). A version that cannot be
/// read is Unknown.
fn tls_line<'a>(message: &'a str, word: &str) -> Option<(Peer<'a>, Tls, Auth)> {
    let (before, rest) = split_str(message, "TLS connection ")?;
    let before = before.trim_end();
    let auth = Auth::postfix(rsplit_byte(before, b' ').map_or(before, |(_, last)| last));
    let rest = rest.strip_prefix("established ").or_else(|| rest.strip_prefix("reused "))?;
    let (peer, version) = split_str(rest.strip_prefix(word)?, ": ")?;
    let tls = Tls::normalise(crate::text::split_byte(version, b' ').map_or(version, |(v, _)| v)).unwrap_or(Tls::Unknown);
    Some((host_ip(peer), tls, auth))
}

/// A peer's host and IP, either when unknown.
type Peer<'a> = (Option<&'a str>, Option<&'a str>);

/// Writes a peer as `host[ip]` into `to`, whose buffer is reused (a TLS line per connection).
fn write_peer(to: &mut String, (host, ip): Peer<'_>) {
    to.clear();
    to.push_str(host.unwrap_or(""));
    to.push('[');
    to.push_str(ip.unwrap_or(""));
    to.push(']');
}

/// What the log says about the TLS of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SessionTls {
    /// A TLS line named this version and verification.
    Known(Tls, Auth),
    /// The session is in the log, without a TLS line: No TLS if the server logs TLS.
    NoLine,
    /// The session began before the log did: its TLS line, if any, is not in the file.
    BeforeLog,
}

#[derive(Clone, Debug)]
struct Inbound {
    time: NaiveDateTime,
    tls: SessionTls,
    server: String,
    connector: Option<String>,
    host: Option<String>,
    ip: Option<String>,
    /// An authenticated client submission (`sasl_username=`), counted apart.
    submission: bool,
    /// The recipients, once the queue manager named them (`nrcpt=`) before a before-queue
    /// filter's `proxy-accept` line said whose message it is.
    nrcpt: Option<u64>,
    /// The line the message was accepted on (messages never queued are forgotten after a while).
    line: u64,
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
pub fn parse(text: &str, clock: LogClock, tls_logged: bool, sink: &mut dyn Sink) -> ParseStats {
    let mut parser = Parser::new(clock, tls_logged);
    parser.feed(text, sink);
    parser.finish(sink)
}

/// How many smtp processes' TLS connections are remembered before those idle for as many lines
/// are forgotten (keeps memory bounded on logs of any length).
const MAX_PROCESSES: usize = 65_536;

/// An smtp client reuses one connection for at most `smtp_connection_reuse_time_limit` (300 s by
/// default): a delivery without a TLS line this soon after the log's first line may belong to a
/// connection (and TLS line) from before the log.
const REUSE_SECONDS: i64 = 300;

/// Reads a Postfix log piece by piece, in blocks of whole lines, keeping what joins lines (TLS
/// per smtpd and smtp process, accepted messages by queue id) from one block to the next.
#[derive(Clone, Debug)]
pub struct Parser {
    clock: Clock,
    first_year: i32,
    stats: ParseStats,
    lines: u64,
    /// smtpd processes whose session began in the log (`connect from`), with their TLS version
    /// once a TLS line named it.
    smtpd_tls: HashMap<u32, Option<(Tls, Auth)>>,
    /// TLS of each smtp process's connection: peer, version, verification, and the line it was
    /// last used on.
    smtp_tls: HashMap<u32, (String, Tls, Auth, u64)>,
    /// Messages accepted from a remote client, counted when the queue manager takes them
    /// (`nrcpt=`): a message rejected after `client=` (milter, lost connection) is no delivery.
    inbound: HashMap<String, Inbound>,
    /// Messages a before-queue filter handed back (`client=localhost, orig_client=...`), waiting
    /// for the internet-facing smtpd's `proxy-accept ... queued as` line.
    proxied: HashMap<String, Inbound>,
    domains: HashMap<String, Option<String>>,
    evidence: Evidence,
    /// Submissions without a TLS line, per server: No TLS or Unknown as the server's log decides.
    submissions_no_line: HashMap<String, u64>,
    /// The time of the first line read.
    start: Option<NaiveDateTime>,
    /// Every syslog line's month and day, as [`guess_first_year`] sees them: year turns, the
    /// last one, and whether any line had a full date.
    turns: i32,
    last_md: (u32, u32),
    dated: bool,
}

impl Parser {
    /// A parser reading stamps without a year from `clock.first_year` on; `tls_logged` when the
    /// user says the server logs TLS (no TLS line then means No TLS from the start).
    pub fn new(clock: LogClock, tls_logged: bool) -> Parser {
        Parser {
            clock: Clock::new(clock.first_year, clock.offset_minutes),
            first_year: clock.first_year,
            stats: ParseStats::default(),
            lines: 0,
            smtpd_tls: HashMap::default(),
            smtp_tls: HashMap::default(),
            inbound: HashMap::default(),
            proxied: HashMap::default(),
            domains: HashMap::default(),
            evidence: Evidence::new(tls_logged),
            submissions_no_line: HashMap::default(),
            start: None,
            turns: 0,
            last_md: (0, 0),
            dated: false,
        }
    }

    /// What was read so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }

    /// The end of the log: deliveries still waiting to learn whether their server logs TLS are
    /// counted as Unknown, and messages a before-queue filter handed back that no internet-facing
    /// smtpd claimed count as local.
    pub fn finish(mut self, sink: &mut dyn Sink) -> ParseStats {
        let unlogged = self.evidence.finish(sink);
        self.stats.tls_unlogged = [unlogged.inbound, unlogged.outbound];
        for (server, n) in std::mem::take(&mut self.submissions_no_line) {
            let tls = if self.evidence.is_proven(&server, Side::Receiving) { Tls::None } else { Tls::Unknown };
            self.stats.submissions.add(tls, n);
        }
        self.stats.local = self.stats.local.saturating_add(self.proxied.len() as u64);
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
        for raw in crate::text::lines(text) {
            self.lines += 1;
            let before = self.stats.accounted();
            self.line(raw, sink);
            self.stats.note_other(before, raw);
        }
    }

    /// Counts an inbound message (or its further recipients) as its session's TLS says.
    fn count_inbound(&mut self, d: &Inbound, count: u64, sink: &mut dyn Sink) {
        if d.submission {
            match d.tls {
                SessionTls::Known(tls, _) => self.stats.submissions.add(tls, count),
                SessionTls::BeforeLog => self.stats.submissions.add(Tls::Unknown, count),
                SessionTls::NoLine => {
                    let n = self.submissions_no_line.entry(d.server.clone()).or_default();
                    *n = n.saturating_add(count);
                }
            }
            return;
        }
        let domain = d.host.as_deref().and_then(|h| domain_of_host(&mut self.domains, h));
        let delivery = Delivery { auth: crate::security::Auth::Unknown,
            time: d.time,
            direction: Direction::Inbound,
            connector: d.connector.as_deref(),
            connector_type: None,
            forced_tls: None,
            tls: Tls::Unknown,
            remote_host: d.host.as_deref(),
            remote_ip: d.ip.as_deref(),
            remote_domain: domain.as_deref(),
            count,
        };
        self.push(&delivery, d.tls, &d.server, Side::Receiving, sink);
    }

    /// Hands a delivery to the sink with the TLS its session shows.
    fn push(&mut self, d: &Delivery<'_>, tls: SessionTls, server: &str, side: Side, sink: &mut dyn Sink) {
        self.stats.deliveries = self.stats.deliveries.saturating_add(d.count);
        match tls {
            SessionTls::Known(tls, auth) => sink.push(&Delivery { tls, auth, ..*d }),
            SessionTls::BeforeLog => {
                self.stats.before_log = self.stats.before_log.saturating_add(d.count);
                sink.push(&Delivery { tls: Tls::Unknown, ..*d })
            }
            SessionTls::NoLine => self.evidence.push(server, side, d, sink),
        }
    }

    fn line(&mut self, raw: &str, sink: &mut dyn Sink) {
        let line_no = self.lines;
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
        self.stats.rows_read += 1;
        let time = match (l.time, l.partial) {
            (Some(t), _) => t,
            (None, Some((m, d, t))) => match self.clock.complete(m, d, t) {
                Some(t) => t,
                None => {
                    self.stats.skip(line_no, Msg::DayDoesNotExist);
                    return;
                }
            },
            _ => return,
        };
        let start = *self.start.get_or_insert(time);
        let (connector, daemon) = service(l.program);
        let msg = l.message;
        match daemon {
            "smtpd" => {
                if msg.starts_with("connect from ") {
                    self.smtpd_tls.insert(l.pid, None);
                } else if msg.starts_with("disconnect from ") {
                    self.smtpd_tls.remove(&l.pid);
                } else if let Some((_, tls, auth)) = tls_line(msg, "from ") {
                    self.smtpd_tls.insert(l.pid, Some((tls, auth)));
                    self.evidence.prove(l.host, Side::Receiving, sink);
                } else if let Some((_, queued)) = split_str(msg, "proxy-accept: ").and_then(|(_, r)| split_str(r, "queued as ")) {
                    // A before-queue filter: this internet-facing session's message is the one
                    // the filter handed back under this queue id.
                    let qid = queued.split([';', ' ', ',']).next().unwrap_or("");
                    if let Some(mut d) = self.proxied.remove(qid) {
                        d.tls = self.session_tls(l.pid);
                        match d.nrcpt {
                            Some(n) => self.count_inbound(&d, n, sink),
                            None => self.accept(qid, d),
                        }
                    }
                } else if let Some((qid, rest)) = queue_id(msg) {
                    if let Some(client) = rest.strip_prefix("client=") {
                        let (host, ip) = host_ip(client.split(',').next().unwrap_or(client));
                        let submission = field(rest, "sasl_username=").is_some_and(|u| !u.is_empty());
                        let make = |host: Option<&str>, ip: Option<&str>, tls| Inbound {
                            time,
                            tls,
                            server: l.host.to_string(),
                            connector: connector.map(String::from),
                            host: host.map(String::from),
                            ip: ip.map(String::from),
                            submission,
                            nrcpt: None,
                            line: line_no,
                        };
                        if ip.is_some_and(is_loopback) {
                            match field(rest, "orig_client=") {
                                // Handed back by a before-queue filter: counted when the
                                // internet-facing smtpd says `proxy-accept`.
                                Some(orig) if field(rest, "orig_queue_id=").is_none() => {
                                    let (h, i) = host_ip(orig);
                                    if self.proxied.len() >= MAX_PROCESSES {
                                        self.stats.local += self.proxied.len() as u64;
                                        self.proxied.clear();
                                    }
                                    self.proxied.insert(qid.to_string(), make(h, i, SessionTls::BeforeLog));
                                }
                                _ => self.stats.local += 1,
                            }
                            return;
                        }
                        let d = make(host, ip, self.session_tls(l.pid));
                        self.accept(qid, d);
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
                    let Some(n) = field(rest, "nrcpt=") else { return };
                    let n: u64 = n.split(' ').next().and_then(|v| v.parse().ok()).unwrap_or(1);
                    if let Some(d) = self.inbound.remove(qid) {
                        self.count_inbound(&d, n, sink);
                    } else if let Some(d) = self.proxied.get_mut(qid) {
                        d.nrcpt = Some(n);
                    }
                }
            }
            "smtp" => {
                if let Some((peer, tls, auth)) = tls_line(msg, "to ") {
                    if self.smtp_tls.len() >= MAX_PROCESSES {
                        // smtp processes end without a log line: forget those idle for long.
                        let now = self.lines;
                        self.smtp_tls.retain(|_, v| v.3 + MAX_PROCESSES as u64 > now);
                    }
                    let now = self.lines;
                    let entry = self.smtp_tls.entry(l.pid).or_insert_with(|| (String::new(), tls, auth, now));
                    write_peer(&mut entry.0, peer);
                    (entry.1, entry.2, entry.3) = (tls, auth, now);
                    self.evidence.prove(l.host, Side::Sending, sink);
                } else if let Some((_, rest)) = queue_id(msg) {
                    if !rest.starts_with("to=") {
                        return;
                    }
                    let status = field(rest, "status=").unwrap_or("");
                    if !status.starts_with("sent") {
                        if status.starts_with("deferred") || status.starts_with("bounced") {
                            self.stats.failures += 1;
                        }
                        return;
                    }
                    let relay = field(rest, "relay=").unwrap_or("");
                    let (host, ip) = host_ip(relay);
                    if ip.is_some_and(is_loopback) {
                        self.stats.local += 1;
                        return;
                    }
                    let tls = match self.smtp_tls.get_mut(&l.pid) {
                        Some((peer, tls, auth, used)) if same_peer(peer, host, ip) => {
                            *used = line_no;
                            SessionTls::Known(*tls, *auth)
                        }
                        _ if (time - start).num_seconds() < REUSE_SECONDS => SessionTls::BeforeLog,
                        _ => SessionTls::NoLine,
                    };
                    let domain = host.and_then(|h| domain_of_host(&mut self.domains, h));
                    let d = Delivery { auth: crate::security::Auth::Unknown,
                        time,
                        direction: Direction::Outbound,
                        connector,
                        connector_type: None,
                        forced_tls: None,
                        tls: Tls::Unknown,
                        remote_host: host,
                        remote_ip: ip,
                        remote_domain: domain.as_deref(),
                        count: 1,
                    };
                    self.push(&d, tls, l.host, Side::Sending, sink);
                }
            }
            "local" | "virtual" | "pipe" | "lmtp" => {
                if let Some((_, rest)) = queue_id(msg).filter(|(_, r)| r.starts_with("to=")) {
                    let status = field(rest, "status=").unwrap_or("");
                    if status.starts_with("sent") {
                        self.stats.local += 1;
                    } else if status.starts_with("deferred") || status.starts_with("bounced") {
                        self.stats.failures += 1;
                    } // `deliverable`/`undeliverable`: address probes, not deliveries
                }
            }
            "pickup" => {
                if queue_id(msg).is_some_and(|(_, r)| r.starts_with("uid=") || r.starts_with("sender=")) {
                    self.stats.local += 1;
                }
            }
            _ => {}
        }
    }

    /// Keeps an accepted message until the queue manager names its recipients; messages never
    /// queued (rejected after `client=`) are forgotten once many lines have passed.
    fn accept(&mut self, qid: &str, d: Inbound) {
        if self.inbound.len() >= MAX_PROCESSES {
            let now = self.lines;
            self.inbound.retain(|_, m| m.line + MAX_PROCESSES as u64 > now);
        }
        self.inbound.insert(qid.to_string(), d);
    }

    /// The TLS of an smtpd process's session: its TLS line's version, no line yet, or a session
    /// that began before the log (no `connect from` seen).
    fn session_tls(&self, pid: u32) -> SessionTls {
        match self.smtpd_tls.get(&pid) {
            Some(Some((tls, auth))) => SessionTls::Known(*tls, *auth),
            Some(None) => SessionTls::NoLine,
            None => SessionTls::BeforeLog,
        }
    }
}

/// True when `peer` (`host[ip]`) names this host and IP, compared without building a string.
fn same_peer(peer: &str, host: Option<&str>, ip: Option<&str>) -> bool {
    let (h, i) = (host.unwrap_or(""), ip.unwrap_or(""));
    peer.strip_prefix(h).and_then(|r| r.strip_prefix('[')).and_then(|r| r.strip_prefix(i)) == Some("]")
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
            Some(((Some("mx.partner.example"), Some("198.51.100.7")), Tls::V1_2, Auth::Verified))
        );
        assert_eq!(tls_line("Anonymous TLS connection established from a[1.2.3.4]: TLSv1.3 with cipher X", "from ").map(|t| t.2), Some(Auth::Unverified));
        assert_eq!(tls_line("Trusted TLS connection reused to b[1.2.3.5]:25: TLSv1.3 with cipher X", "to ").map(|t| t.2), Some(Auth::Unverified));
        assert_eq!(tls_line("TLS connection established from a[1.2.3.4]: TLSv1 with cipher DHE", "from ").map(|t| t.1), Some(Tls::V1_0));
    }

    #[test]
    fn smtp_processes_that_never_come_back_are_forgotten() {
        let mut p = Parser::new(LogClock { first_year: 2026, offset_minutes: 0 }, false);
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
