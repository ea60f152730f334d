//! Exchange Server (on-premises) logs: message tracking logs give direction (`directionality`)
//! and connector (`connector-id`) per message and recipient; SMTP protocol logs (`RECV*.log`,
//! `SEND*.log`) give the TLS version of each session (`SP_PROT_TLS1_2_SERVER` on receive,
//! `SP_PROT-TLS1_2_CLIENT` on send). Dropped together they are joined: a tracking RECEIVE names
//! its SMTP session in `source-context`; a SEND is matched to the send session to the same server
//! just before it. Protocol logs alone still count recipients per session.

use crate::lang::{Msg, Said};
use chrono::{Duration, NaiveDateTime};

use crate::formats::table::header_key;
use crate::formats::ParseStats;
use crate::messages::{normalise_id, MessageRecord};
use crate::model::Direction;
use crate::tls::Tls;

/// Which Exchange Server log a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    /// `#Log-Type: Message Tracking Log`.
    Tracking,
    /// `#Log-Type: SMTP Receive Protocol Log`.
    Receive,
    /// `#Log-Type: SMTP Send Protocol Log`.
    Send,
}

/// Recognises an Exchange Server log by its `#` header lines.
#[inline(never)] // see detect::detect
pub fn recognise(text: &str) -> Option<LogKind> {
    let head: Vec<&str> = text.lines().take(8).collect();
    if !head.iter().any(|l| l.starts_with("#Fields:")) {
        return None;
    }
    head.iter().find_map(|l| {
        // Protocol logs write `#Log-type:`, tracking logs `#Log-Type:`.
        let (key, value) = l.split_once(':')?;
        if !key.eq_ignore_ascii_case("#Log-Type") {
            return None;
        }
        let t = value.trim().to_ascii_lowercase();
        if t.contains("tracking") {
            Some(LogKind::Tracking)
        } else if t.contains("receive protocol") {
            Some(LogKind::Receive)
        } else if t.contains("send protocol") {
            Some(LogKind::Send)
        } else {
            None
        }
    })
}

/// One SMTP session from a protocol log.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Session {
    /// The session id (hex), as tracking logs name it in `source-context`.
    pub id: String,
    /// Receive (inbound) or send (outbound).
    pub direction: Option<Direction>,
    /// The connector's name.
    pub connector: String,
    /// When the session started (UTC).
    pub time: Option<NaiveDateTime>,
    /// The time of the session's last line (UTC): a long session sends messages well after it
    /// started.
    pub last: Option<NaiveDateTime>,
    /// The remote server's IP address.
    pub remote_ip: String,
    /// The TLS version negotiated; No TLS when the session never negotiated one.
    pub tls: Option<Tls>,
    /// Recipients given in the session (`RCPT TO` commands).
    pub recipients: u64,
}

fn records<'a>(text: &'a str) -> (Vec<String>, Vec<(u64, csv::StringRecord)>, ParseStats) {
    let mut stats = ParseStats::default();
    let fields: Vec<String> = text
        .lines()
        .find_map(|l| l.strip_prefix("#Fields:"))
        .map(|f| f.split(',').map(|h| header_key(h)).collect())
        .unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).comment(Some(b'#')).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for row in reader.records() {
        match row {
            Ok(r) => {
                let line = r.position().map(|p| p.line()).unwrap_or(0);
                stats.rows_read += 1;
                if r.len() < fields.len().min(7) {
                    stats.skip(line, Said::new(Msg::FieldsLineCount).number(r.len()).number(fields.len()));
                    continue;
                }
                out.push((line, r));
            }
            Err(e) => {
                stats.rows_read += 1;
                stats.skip(e.position().map(|p| p.line()).unwrap_or(0), Said::new(Msg::CsvUnreadable).text(e.to_string()));
            }
        }
    }
    (fields, out, stats)
}

fn col(fields: &[String], name: &str) -> Option<usize> {
    fields.iter().position(|f| f == name)
}

/// The IP of an endpoint (`203.0.113.10:53122`, `[2001:db8::1]:25`).
fn endpoint_ip(endpoint: &str) -> &str {
    let e = endpoint.trim();
    if let Some(rest) = e.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match e.rsplit_once(':') {
        Some((ip, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !ip.contains(':') => ip,
        _ => e,
    }
}

/// Reads a protocol log into sessions.
pub fn parse_protocol(text: &str, kind: LogKind) -> (Vec<Session>, ParseStats) {
    let (fields, rows, mut stats) = records(text);
    let (Some(time), Some(conn), Some(sid), Some(remote), Some(event), Some(data)) = (
        col(&fields, "datetime"),
        col(&fields, "connectorid"),
        col(&fields, "sessionid"),
        col(&fields, "remoteendpoint"),
        col(&fields, "event"),
        col(&fields, "data"),
    ) else {
        stats.skip(1, Msg::ProtocolFieldsMissing);
        return (Vec::new(), stats);
    };
    let context = col(&fields, "context");
    let direction = if kind == LogKind::Receive { Direction::Inbound } else { Direction::Outbound };
    let command = if kind == LogKind::Receive { "<" } else { ">" };
    let mut sessions: Vec<Session> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (_, r) in rows {
        let id = r.get(sid).unwrap_or("").trim().to_string();
        if id.is_empty() {
            continue;
        }
        let i = *index.entry(id.clone()).or_insert_with(|| {
            sessions.push(Session { id: id.clone(), direction: Some(direction), ..Default::default() });
            sessions.len() - 1
        });
        let Some(s) = sessions.get_mut(i) else { continue };
        let now = crate::dates::parse_iso(r.get(time).unwrap_or(""));
        if now.is_some() {
            s.last = now;
        }
        if s.time.is_none() {
            s.time = now;
            s.connector = r.get(conn).unwrap_or("").trim().to_string();
            s.remote_ip = endpoint_ip(r.get(remote).unwrap_or("")).to_string();
        }
        let text = format!("{} {}", r.get(data).unwrap_or(""), context.and_then(|c| r.get(c)).unwrap_or(""));
        if let Some((_, after)) = text.split_once("TLS protocol ") {
            if let Some(tls) = Tls::normalise(after.split(' ').next().unwrap_or("")) {
                s.tls = Some(tls);
            }
        }
        if r.get(event).map(str::trim) == Some(command) && r.get(data).is_some_and(|d| d.trim_start().to_ascii_uppercase().starts_with("RCPT TO:")) {
            s.recipients += 1;
        }
    }
    for s in &mut sessions {
        if s.tls.is_none() {
            s.tls = Some(Tls::None);
        }
    }
    stats.deliveries = sessions.iter().map(|s| s.recipients).sum();
    (sessions, stats)
}

/// Reads a message tracking log into per-message records: RECEIVE over SMTP of incoming mail
/// (inbound) and SEND over SMTP of originating mail (outbound), one per recipient. Each record's
/// `id` is the message id; the SMTP session of a RECEIVE goes into `session`.
pub fn parse_tracking(text: &str) -> (Vec<(MessageRecord, Option<String>)>, ParseStats) {
    let (fields, rows, mut stats) = records(text);
    let c = |n: &str| col(&fields, n);
    let (Some(time), Some(event), Some(recipients)) = (c("datetime"), c("eventid"), c("recipientaddress")) else {
        stats.skip(1, Msg::TrackingFieldsMissing);
        return (Vec::new(), stats);
    };
    let get = |r: &csv::StringRecord, i: Option<usize>| i.and_then(|i| r.get(i)).unwrap_or("").trim().to_string();
    let mut out = Vec::new();
    for (line, r) in rows {
        let ev = get(&r, Some(event)).to_ascii_uppercase();
        let source = get(&r, c("source")).to_ascii_uppercase();
        let dir = Direction::parse(&get(&r, c("directionality")));
        let connector = get(&r, c("connectorid"));
        let inbound = ev == "RECEIVE" && source == "SMTP" && dir == Some(Direction::Inbound);
        let outbound = ev == "SEND" && source == "SMTP" && dir == Some(Direction::Outbound) && !connector.to_ascii_lowercase().contains("intra-organization");
        if !inbound && !outbound {
            continue;
        }
        let Some(t) = crate::dates::parse_iso(&get(&r, Some(time))) else {
            stats.skip(line, Msg::DateTimeNotDate);
            continue;
        };
        let session = if inbound { get(&r, c("sourcecontext")).split(';').next().map(str::trim).filter(|s| !s.is_empty()).map(String::from) } else { None };
        let id = normalise_id(&{
            let m = get(&r, c("messageid"));
            if m.is_empty() { get(&r, c("internalmessageid")) } else { m }
        });
        let (host, ip) = if inbound { (get(&r, c("clienthostname")), get(&r, c("clientip"))) } else { (get(&r, c("serverhostname")), get(&r, c("serverip"))) };
        for rcpt in get(&r, Some(recipients)).split(';').map(|a| a.trim().to_ascii_lowercase()).filter(|a| a.contains('@')) {
            out.push((
                MessageRecord {
                    id: id.clone(),
                    recipient: rcpt,
                    sender: Some(get(&r, c("senderaddress"))).filter(|s| !s.is_empty()),
                    time: Some(t),
                    direction: if inbound { Some(Direction::Inbound) } else { Some(Direction::Outbound) },
                    direction_hint: None,
                    connector: Some(Some(connector.clone()).filter(|c| !c.is_empty())),
                    tls: None,
                    tls_last: None,
                    remote_host: Some(host.clone()).filter(|h| !h.is_empty()),
                    remote_ip: Some(ip.clone()).filter(|i| !i.is_empty()),
                },
                session.clone(),
            ));
        }
    }
    stats.deliveries = out.len() as u64;
    (out, stats)
}

/// How long after its send session's last line (or start) a tracking SEND may be logged.
pub const SEND_WINDOW: Duration = Duration::minutes(10);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        assert_eq!(endpoint_ip("203.0.113.10:53122"), "203.0.113.10");
        assert_eq!(endpoint_ip("[2001:db8::1]:25"), "2001:db8::1");
        assert_eq!(endpoint_ip("2001:db8::1"), "2001:db8::1");
    }
}
