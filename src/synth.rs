//! Synthetic inputs of any size, for the benchmark and large-file tests: Mailflow's CSV (one row
//! per delivery), an Exchange Online enhanced summary report (UTF-16LE, as downloaded), a Postfix
//! log and an Exim main log. Deterministic for a seed; counts are returned with the text.

use std::fmt::Write;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::sample::SplitMix;

/// Which input to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Mailflow's long CSV, one delivery per row.
    MailflowCsv,
    /// Mailflow's long CSV shaped like a real estate's: 90 days, 9 connectors, 5,000 remote
    /// hosts of 2,500 organisations drawn from a long-tailed distribution (a few partners carry
    /// most mail), timestamps with milliseconds.
    Partners,
    /// An enhanced summary report, UTF-16LE without BOM.
    Enhanced,
    /// A Postfix syslog with RFC 3339 stamps.
    Postfix,
    /// An Exim main log.
    Exim,
    /// A Postfix log shaped like a real estate's: 90 days, 60,000 remote hosts (30,000 domains) drawn from a
    /// long-tailed distribution (not in [`Kind::ALL`]; `bench gen postfix-partners`).
    PostfixPartners,
}

impl Kind {
    /// Every kind, in the benchmark's order.
    pub const ALL: [Kind; 5] = [Kind::MailflowCsv, Kind::Partners, Kind::Enhanced, Kind::Postfix, Kind::Exim];

    /// A file name for the kind.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::MailflowCsv => "mailflow.csv",
            Kind::Partners => "mailflow-partners.csv",
            Kind::Enhanced => "enhanced-summary-utf16le.csv",
            Kind::Postfix => "postfix-mail.log",
            Kind::Exim => "exim-mainlog",
            Kind::PostfixPartners => "postfix-partners.log",
        }
    }
}

const TLS: [&str; 6] = ["No TLS", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3", "TLS 1.2"];
const PEERS: [(&str, &str); 6] = [
    ("mail.adatum.com", "198.51.100.20"),
    ("mx1.litwareinc.com", "198.51.100.31"),
    ("smtp.tailspintoys.com", "203.0.113.44"),
    ("relay.oldmail.example", "192.0.2.77"),
    ("mx.proseware.com", "203.0.113.61"),
    ("mx1.woodgrovebank.com", "198.51.100.50"),
];

/// How many remote hosts the partners input draws from (two per organisation).
pub const PARTNER_HOSTS: usize = 5_000;

/// How many remote hosts the realistic Postfix log draws from.
pub const LOG_PARTNER_HOSTS: usize = 60_000;

const CONNECTORS: [&str; 9] = ["", "", "Partner Relay", "Fabrikam Inbound", "To Fabrikam", "On-premises Hub", "Contoso Outbound", "Legacy Relay", "Scanner Relay"];

/// Writes about `bytes` bytes of `kind`; returns the bytes and how many deliveries they hold.
pub fn generate(kind: Kind, bytes: usize, seed: u64) -> (Vec<u8>, u64) {
    let mut rng = SplitMix(seed);
    let start: NaiveDateTime = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date").and_hms_opt(0, 0, 0).expect("a time");
    let mut out = String::with_capacity(bytes + 4096);
    let mut deliveries = 0u64;
    let mut t = start;
    let target = if kind == Kind::Enhanced { bytes / 2 } else { bytes };
    match kind {
        Kind::MailflowCsv | Kind::Partners => out.push_str("date,direction,connector,tls,count,remote_host,remote_ip\n"),
        Kind::Enhanced => out.push_str("\"origin_timestamp_utc\",\"sender_address\",\"recipient_status\",\"message_subject\",\"total_bytes\",\"message_id\",\"network_message_id\",\"original_client_ip\",\"directionality\",\"connector_id\",\"delivery_priority\"\r\n"),
        _ => {}
    }
    let mut n = 0u64;
    // Partners: about 85 bytes a row (a Postfix message with its recipients about 500), spread evenly over 90 days.
    let per_row = if kind == Kind::PostfixPartners { 500 } else { 85 };
    let step_ms = (90 * 86_400_000u64 / (target as u64 / per_row).max(1)).max(1);
    while out.len() < target {
        n += 1;
        let step = if matches!(kind, Kind::Partners | Kind::PostfixPartners) { rng.next() % (2 * step_ms) } else { rng.next() % 4000 };
        t += Duration::milliseconds(step as i64);
        let (mut host, mut ip) = PEERS[rng.below(PEERS.len())];
        let (many_host, many_ip);
        if kind == Kind::PostfixPartners {
            // Log-uniform over 60,000 hosts: host k is drawn with a probability about 1/k.
            let k = ((LOG_PARTNER_HOSTS as f64).powf((rng.next() % 1_000_000) as f64 / 1_000_000.0) as usize).clamp(1, LOG_PARTNER_HOSTS) - 1;
            many_host = format!("mx{}.org{}.example", k % 2 + 1, k / 2);
            many_ip = format!("198.{}.{}.{}", 18 + k / 65_536, (k / 256) % 256, k % 256);
            (host, ip) = (many_host.as_str(), many_ip.as_str());
        }
        let tls = TLS[rng.below(TLS.len())];
        let inbound = rng.next() % 2 == 0;
        let stamp = t.format("%Y-%m-%dT%H:%M:%S%.3fZ");
        match kind {
            Kind::MailflowCsv => {
                let conn = if rng.next() % 4 == 0 { "Partner Relay" } else { "" };
                let _ = writeln!(out, "{stamp},{},{conn},{tls},1,{host},{ip}", if inbound { "Inbound" } else { "Outbound" });
                deliveries += 1;
            }
            Kind::Partners => {
                // Log-uniform over 5,000 hosts: host k is drawn with a probability about 1/k.
                let k = ((PARTNER_HOSTS as f64).powf((rng.next() % 1_000_000) as f64 / 1_000_000.0) as usize).clamp(1, PARTNER_HOSTS) - 1;
                let conn = CONNECTORS[rng.below(CONNECTORS.len())];
                // Large partners use TLS 1.2/1.3; the tail holds the old and the plain ones.
                let tls = if k < 50 { TLS[3 + rng.below(2)] } else { TLS[rng.below(5)] };
                let _ = writeln!(
                    out,
                    "{stamp},{},{conn},{tls},1,mx{}.org{}.example,198.{}.{}.{}",
                    if inbound { "Inbound" } else { "Outbound" },
                    k % 2 + 1,
                    k / 2,
                    18 + k / 65_536,
                    (k / 256) % 256,
                    k % 256
                );
                deliveries += 1;
            }
            Kind::Enhanced => {
                let rcpts = 1 + rng.below(3);
                let status: Vec<String> = (0..rcpts).map(|i| format!("user{i}@{}##Receive, Deliver", if inbound { "contoso.com" } else { "fabrikam.com" })).collect();
                let _ = write!(
                    out,
                    "\"{stamp}\",\"{}\",\"{}\",\"Subject {n}\",\"{}\",\"<m{n}@x.example>\",\"{:032x}\",\"{ip}\",\"{}\",\"{}\",\"Normal\"\r\n",
                    if inbound { "a@fabrikam.com" } else { "b@contoso.com" },
                    status.join(";"),
                    1000 + rng.below(90000),
                    n,
                    if inbound { "Incoming" } else { "Originating" },
                    if rng.next() % 3 == 0 { "Partner Connector" } else { "" },
                );
                deliveries += rcpts as u64;
            }
            Kind::Postfix | Kind::PostfixPartners => {
                let stamp = t.format("%Y-%m-%dT%H:%M:%S%.6f+00:00");
                let pid = 1000 + n % 500;
                let version = tls.replace("TLS 1.0", "TLSv1").replace("TLS ", "TLSv");
                if inbound {
                    let _ = writeln!(out, "{stamp} mx1 postfix/smtpd[{pid}]: connect from {host}[{ip}]");
                    if tls != "No TLS" {
                        let _ = writeln!(out, "{stamp} mx1 postfix/smtpd[{pid}]: Anonymous TLS connection established from {host}[{ip}]: {version} with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)");
                    }
                    let rcpts = 1 + rng.below(3);
                    let _ = writeln!(out, "{stamp} mx1 postfix/smtpd[{pid}]: {n:010X}: client={host}[{ip}]");
                    let _ = writeln!(out, "{stamp} mx1 postfix/qmgr[50]: {n:010X}: from=<a@{host}>, size=1000, nrcpt={rcpts} (queue active)");
                    let _ = writeln!(out, "{stamp} mx1 postfix/smtpd[{pid}]: disconnect from {host}[{ip}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5");
                    deliveries += rcpts as u64;
                } else {
                    if tls != "No TLS" {
                        let _ = writeln!(out, "{stamp} mx1 postfix/smtp[{pid}]: Verified TLS connection established to {host}[{ip}]:25: {version} with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)");
                    }
                    let _ = writeln!(out, "{stamp} mx1 postfix/smtp[{pid}]: {n:010X}: to=<u{n}@{host}>, relay={host}[{ip}]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (250 OK)");
                    deliveries += 1;
                }
            }
            Kind::Exim => {
                let stamp = t.format("%Y-%m-%d %H:%M:%S");
                let id = format!("1t{:04x}-{:06X}-{:02X}", n % 0xffff, n % 0xffffff, n % 0xff);
                let x = match tls {
                    "No TLS" => String::new(),
                    v => format!(" X={}:ECDHE-RSA-AES256-GCM-SHA384:256", v.replace("TLS ", "TLSv")),
                };
                if inbound {
                    let _ = writeln!(out, "{stamp} {id} <= a@{host} H={host} [{ip}] P=esmtps{x} S=1000 id=m{n}@{host}");
                } else {
                    let _ = writeln!(out, "{stamp} {id} => u{n}@{host} R=dnslookup T=remote_smtp H={host} [{ip}]{x} C=\"250 OK\"");
                }
                deliveries += 1;
            }
        }
    }
    let bytes = if kind == Kind::Enhanced { out.encode_utf16().flat_map(u16::to_le_bytes).collect() } else { out.into_bytes() };
    (bytes, deliveries)
}

/// A fleet of mail servers for the large-estate tests: `servers` logs of about `bytes` each
/// (Postfix and Exim in turn), each cut at line ends, wherever sessions happen to be, into a
/// rotated set: `mx01/mail.log.3.gz`, `.2.gz`, `.1` and `mail.log` for Postfix, logrotate's
/// dated names (`mx02/mainlog-20260101.gz` …) for Exim. Returns paths and bytes.
pub fn fleet(servers: usize, bytes: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for s in 0..servers {
        let postfix = s % 2 == 0;
        let (log, _) = generate(if postfix { Kind::Postfix } else { Kind::Exim }, bytes, seed.wrapping_add(s as u64));
        let cuts: Vec<usize> = (0..=4)
            .map(|k| match k {
                0 => 0,
                4 => log.len(),
                k => {
                    let at = k * log.len() / 4;
                    at + log.get(at..).and_then(|rest| rest.iter().position(|b| *b == b'\n')).map_or(log.len() - at, |i| i + 1)
                }
            })
            .collect();
        let names: [&str; 4] =
            if postfix { ["mail.log.3.gz", "mail.log.2.gz", "mail.log.1", "mail.log"] } else { ["mainlog-20260101.gz", "mainlog-20260102.gz", "mainlog-20260103", "mainlog"] };
        for (k, name) in names.iter().enumerate() {
            let piece = log.get(cuts[k]..cuts[k + 1]).unwrap_or(&[]);
            let bytes = if name.ends_with(".gz") {
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                std::io::Write::write_all(&mut gz, piece).and_then(|_| gz.finish()).unwrap_or_default()
            } else {
                piece.to_vec()
            };
            out.push((format!("mx{:02}/{name}", s + 1), bytes));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;
    use crate::workspace::aggregate_of;

    #[test]
    fn every_kind_loads_with_the_deliveries_it_was_written_with() {
        for kind in Kind::ALL {
            let (bytes, deliveries) = generate(kind, 200_000, 7);
            let (report, agg) = aggregate_of(load_bytes(kind.file_name(), &bytes));
            assert_eq!(report.error, None, "{kind:?}");
            assert_eq!(report.stats.skipped, 0, "{kind:?}: {:?}", report.stats.skips);
            let counted: u64 = agg.direction_totals().iter().map(|(_, n)| n).sum();
            assert_eq!(counted, deliveries, "{kind:?}");
        }
    }
}
