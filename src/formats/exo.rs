//! Exchange Online's exports, read into per-message records (see [`crate::messages`]):
//! `Get-MessageTrace(V2) | Export-Csv` and the message-trace page's summary export, the enhanced
//! summary report, the extended report, and `Get-MessageTraceDetail(V2) | Export-Csv`.
//! Columns are found by name (any case, any order); dates may be ISO 8601 or the culture format
//! PowerShell wrote, with day-first or month-first decided from the whole column.

use crate::lang::{Msg, Said};
use std::collections::HashMap;

use crate::dates::{guess_order, parse_any, DateOrder, OrderGuess};
use crate::formats::table::{self, header_key, Dialect};
use crate::formats::ParseStats;
use crate::messages::{normalise_id, MessageRecord, SourceKind};
use crate::model::Direction;
use crate::tls::Tls;

/// Which Exchange Online export a header belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// `Get-MessageTrace(V2)` / the summary export: one row per message and recipient.
    Trace,
    /// Enhanced summary: one row per message, recipients in `recipient_status`.
    Enhanced,
    /// Extended: many event rows per message.
    Extended,
    /// Trace detail: event rows per message and recipient, TLS in the `Detail` text.
    Detail,
}

impl Export {
    /// Its name in the load summary.
    pub fn label(self) -> Msg {
        match self {
            Export::Trace => Msg::FormatExoTrace,
            Export::Enhanced => Msg::FormatExoEnhanced,
            Export::Extended => Msg::FormatExoExtended,
            Export::Detail => Msg::FormatExoDetail,
        }
    }

    /// The kind of record it gives, for joining and de-duplicating.
    pub fn kind(self) -> SourceKind {
        match self {
            Export::Trace => SourceKind::Trace,
            Export::Enhanced => SourceKind::Enhanced,
            Export::Extended => SourceKind::Extended,
            Export::Detail => SourceKind::Detail,
        }
    }
}

/// Header aliases, in [`header_key`] form.
mod names {
    pub const TIME: &[&str] = &["origintimestamputc", "origintimestamp", "datetimeutc", "datetime", "received", "receivedtime", "date", "dateutc", "timestamp"];
    pub const SENDER: &[&str] = &["senderaddress", "sender", "senderfromaddress", "from"];
    pub const RECIPIENT: &[&str] = &["recipientaddress", "recipient", "recipients", "recipientemailaddress", "to"];
    pub const MESSAGE_ID: &[&str] = &["messageid", "internetmessageid"];
    pub const NETWORK_ID: &[&str] = &["networkmessageid", "messagetraceid"];
    pub const STATUS: &[&str] = &["status", "deliverystatus"];
    pub const TO_IP: &[&str] = &["toip"];
    pub const FROM_IP: &[&str] = &["fromip"];
    pub const ORGANIZATION: &[&str] = &["organization"];
    pub const RECIPIENT_STATUS: &[&str] = &["recipientstatus"];
    pub const DIRECTIONALITY: &[&str] = &["directionality", "direction", "emaildirection"];
    pub const CONNECTOR: &[&str] = &["connectorid", "connector", "connectors"];
    pub const ORIGINAL_CLIENT_IP: &[&str] = &["originalclientip"];
    pub const EVENT: &[&str] = &["eventid", "event"];
    pub const DETAIL: &[&str] = &["detail"];
    pub const CLIENT_IP: &[&str] = &["clientip"];
    pub const CLIENT_HOST: &[&str] = &["clienthostname"];
    pub const SERVER_IP: &[&str] = &["serverip"];
    pub const SERVER_HOST: &[&str] = &["serverhostname"];
    pub const TLS_TEXT: &[&str] = &["customdata", "sourcecontext", "messageinfo"];
}

/// Where the columns are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Which export.
    pub export: Export,
    cols: HashMap<&'static str, usize>,
    tls_text: Vec<usize>,
}

impl Layout {
    fn col(&self, name: &str) -> Option<usize> {
        self.cols.get(name).copied()
    }
}

/// Recognises an Exchange Online export from its header.
pub fn recognise(header: &[String]) -> Option<Layout> {
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let has = |aliases: &[&str]| table::find(&keys, aliases);
    let time = has(names::TIME);
    let export = if has(names::RECIPIENT_STATUS).is_some() && has(&["origintimestamputc", "origintimestamp"]).is_some() {
        Export::Enhanced
    } else if has(&["eventid"]).is_some() && has(&["datetimeutc", "datetime"]).is_some() && has(&["recipientaddress"]).is_some() {
        Export::Extended
    } else if has(names::DETAIL).is_some() && has(&["event"]).is_some() && has(names::RECIPIENT).is_some() {
        Export::Detail
    } else if time.is_some() && has(names::SENDER).is_some() && has(names::RECIPIENT).is_some() {
        Export::Trace
    } else {
        return None;
    };
    let mut cols = HashMap::new();
    let table: [(&'static str, &[&str]); 20] = [
        ("time", names::TIME),
        ("sender", names::SENDER),
        ("recipient", if export == Export::Enhanced { names::RECIPIENT_STATUS } else { names::RECIPIENT }),
        ("message_id", names::MESSAGE_ID),
        ("network_id", names::NETWORK_ID),
        ("status", names::STATUS),
        ("to_ip", names::TO_IP),
        ("from_ip", names::FROM_IP),
        ("organization", names::ORGANIZATION),
        ("direction", names::DIRECTIONALITY),
        ("connector", names::CONNECTOR),
        ("original_client_ip", names::ORIGINAL_CLIENT_IP),
        ("event", names::EVENT),
        ("detail", names::DETAIL),
        ("client_ip", names::CLIENT_IP),
        ("client_host", names::CLIENT_HOST),
        ("server_ip", names::SERVER_IP),
        ("server_host", names::SERVER_HOST),
        ("recipient_status", names::RECIPIENT_STATUS),
        ("data", &["data"]),
    ];
    for (name, aliases) in table {
        if let Some(i) = has(aliases) {
            cols.insert(name, i);
        }
    }
    let tls_text = names::TLS_TEXT.iter().filter_map(|a| keys.iter().position(|k| k == a)).collect();
    Some(Layout { export, cols, tls_text })
}

/// What reading an export gave.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// One record per message and recipient.
    pub records: Vec<MessageRecord>,
    /// Rows read, records made, rows skipped.
    pub stats: ParseStats,
    /// Tenant domains named in the `Organization` column.
    pub tenants: Vec<String>,
    /// How dates were read, when they were in a culture format.
    pub date_order: Option<OrderGuess>,
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The first TLS version named in free text (`using TLS1.2 with AES256`, `S:tlsversion=TLS1_3`).
pub fn tls_in_text(text: &str) -> Option<Tls> {
    Tls::in_text(text)
}

/// Reads an Exchange Online export. `order` overrides the day/month order of culture dates.
pub fn parse(text: &str, dialect: &Dialect, layout: &Layout, order: Option<DateOrder>) -> Parsed {
    let mut out = Parsed::default();
    // The date column decides day-first or month-first as a whole: a first pass reads only it,
    // the second reads the rows (no copy of the rows is kept).
    let time_col = layout.col("time");
    let mut times: Vec<String> = Vec::new();
    if let Some(i) = time_col {
        table::for_each_row(text, dialect, &mut ParseStats::default(), |_, r, _| times.push(r.get(i).unwrap_or("").to_string()));
    }
    let guess = guess_order(times.iter().map(String::as_str));
    drop(times);
    out.date_order = guess;
    let order = order.or(guess.map(|g| g.order)).unwrap_or(DateOrder::MonthFirst);
    let mut tenants: Vec<String> = Vec::new();
    // The extended report and the detail export have several rows per message and recipient:
    // gather them per key, in file order.
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    let records = &mut out.records;
    table::for_each_row(text, dialect, &mut out.stats, |line, r, stats| {
        take_row(line.get(), r, &mut Rows { stats, records, by_key: &mut by_key, tenants: &mut tenants }, layout, order)
    });
    // An extended report with a RECEIVE or SEND but no connector on it: mail without a connector.
    if layout.export == Export::Extended {
        for rec in &mut out.records {
            if rec.connector.is_none() {
                rec.connector = Some(None);
            }
        }
    }
    out.stats.deliveries = out.records.len() as u64;
    out.tenants = tenants;
    out
}

/// Where [`take_row`] puts what it reads.
struct Rows<'a> {
    stats: &'a mut ParseStats,
    records: &'a mut Vec<MessageRecord>,
    by_key: &'a mut HashMap<(String, String), usize>,
    tenants: &'a mut Vec<String>,
}

/// Reads one row of an export into records (or a skipped row with its reason).
fn take_row(line: u64, r: &table::Cells<'_>, rows: &mut Rows<'_>, layout: &Layout, order: DateOrder) {
    let Rows { stats, records, by_key, tenants } = rows;
    let cell = |r: &table::Cells<'_>, name: &str| -> String { layout.col(name).and_then(|i| r.get(i)).unwrap_or("").to_string() };
    let org = cell(r, "organization");
    if !org.trim().is_empty() && !tenants.contains(&org.trim().to_ascii_lowercase()) {
        tenants.push(org.trim().to_ascii_lowercase());
    }
    let raw_time = cell(r, "time");
    let Some(time) = parse_any(&raw_time, order) else {
        stats.skip(line, if raw_time.trim().is_empty() {
            Said::new(Msg::DateEmpty)
        } else {
            Said::new(Msg::DateUnreadable).text(crate::text::clip(&raw_time, 60))
        });
        return;
    };
    let id = {
        let m = cell(r, "message_id");
        let n = cell(r, "network_id");
        if !m.trim().is_empty() { normalise_id(&m) } else { normalise_id(&n) }
    };
    if id.is_empty() && layout.export != Export::Trace {
        stats.skip(line, Msg::NoMessageId);
        return;
    }
    let sender = opt(&cell(r, "sender"));
    let direction = Direction::parse(&cell(r, "direction"));
    match layout.export {
        Export::Trace => {
            let status = cell(r, "status");
            if status.trim().eq_ignore_ascii_case("expanded") {
                stats.skip(line, Msg::ExpandedStatus);
                return;
            }
            let Some(recipient) = opt(&cell(r, "recipient")) else {
                stats.skip(line, Msg::RowNoRecipient);
                return;
            };
            let (to_ip, from_ip) = (opt(&cell(r, "to_ip")), opt(&cell(r, "from_ip")));
            let hint = if to_ip.is_some() { Some(Direction::Outbound) } else if from_ip.is_some() { Some(Direction::Inbound) } else { None };
            // A row without a message id joins no other export; its key is what the row says (the
            // same row in two overlapping exports is one delivery; rows of two files that merely
            // sit on the same line are not).
            let id = if id.is_empty() {
                format!("row:{time}|{}|{recipient}|{}|{}|{}", sender.as_deref().unwrap_or(""), from_ip.as_deref().unwrap_or(""), to_ip.as_deref().unwrap_or(""), status.trim())
            } else {
                id
            };
            records.push(MessageRecord {
                id,
                recipient: recipient.to_ascii_lowercase(),
                sender,
                time: Some(time),
                direction,
                direction_hint: hint,
                connector: None,
                tls: None,
                tls_last: None,
                remote_host: None,
                remote_ip: if hint == Some(Direction::Outbound) { to_ip } else { from_ip },
            });
        }
        Export::Enhanced => {
            let connector = Some(opt(&cell(r, "connector")));
            let status = cell(r, "recipient");
            let mut any = false;
            for entry in status.split(';') {
                let address = entry.split("##").next().unwrap_or("").trim();
                if address.is_empty() {
                    continue; // `a@x##Delivered;;b@y##Delivered` or a trailing `;`: the others still count
                }
                any = true;
                records.push(MessageRecord {
                    id: id.clone(),
                    recipient: address.to_ascii_lowercase(),
                    sender: sender.clone(),
                    time: Some(time),
                    direction,
                    direction_hint: None,
                    connector: connector.clone(),
                    tls: None,
                    tls_last: None,
                    remote_host: None,
                    remote_ip: if direction == Some(Direction::Inbound) { opt(&cell(r, "original_client_ip")) } else { None },
                });
            }
            if !any {
                stats.skip(line, Msg::StatusNoRecipient);
            }
        }
        Export::Extended | Export::Detail => {
            let recipients: Vec<String> = cell(r, "recipient")
                .split([';', ','])
                .map(|a| a.trim().to_ascii_lowercase())
                .filter(|a| a.contains('@'))
                .collect();
            if recipients.is_empty() {
                stats.skip(line, Msg::RowNamesNoRecipient);
                return;
            }
            let event = cell(r, "event").trim().to_ascii_uppercase();
            let tls = if layout.export == Export::Detail {
                tls_in_text(&cell(r, "detail")).or_else(|| tls_in_text(&cell(r, "data")))
            } else {
                layout.tls_text.iter().find_map(|&i| r.get(i).and_then(tls_in_text))
            };
            let connector_here = opt(&cell(r, "connector"));
            for recipient in recipients {
                let key = (id.clone(), recipient.clone());
                let i = *by_key.entry(key).or_insert_with(|| {
                    records.push(MessageRecord { id: id.clone(), recipient: recipient.clone(), ..Default::default() });
                    records.len() - 1
                });
                let rec = &mut records[i];
                rec.time = Some(rec.time.map_or(time, |t| t.min(time)));
                if rec.sender.is_none() {
                    rec.sender = sender.clone();
                }
                if rec.direction.is_none() {
                    rec.direction = direction;
                }
                if let Some(t) = tls {
                    if rec.tls.is_none() {
                        rec.tls = Some(t);
                    }
                    rec.tls_last = Some(t);
                }
                if layout.export == Export::Extended {
                    let dir = rec.direction;
                    let receive_in = event == "RECEIVE" && dir != Some(Direction::Outbound);
                    let send_out = event == "SEND" && dir == Some(Direction::Outbound);
                    if receive_in || send_out {
                        if !matches!(rec.connector, Some(Some(_))) {
                            rec.connector = Some(connector_here.clone());
                        }
                        let (host, ip) = if receive_in { ("client_host", "client_ip") } else { ("server_host", "server_ip") };
                        rec.remote_host = rec.remote_host.take().or_else(|| opt(&cell(r, host)));
                        rec.remote_ip = rec.remote_ip.take().or_else(|| opt(&cell(r, ip)));
                    } else if rec.connector.is_none() && matches!(event.as_str(), "RECEIVE" | "SEND" | "DELIVER") {
                        rec.connector = None;
                    }
                }
            }
        }
    }

}

#[cfg(test)]
mod tests {
    use super::*;


    #[test]
    fn tls_in_free_text() {
        assert_eq!(tls_in_text("Message received by: AM0PR01MB1234.eurprd01.prod.exchangelabs.com using TLS1.2 with AES256"), Some(Tls::V1_2));
        assert_eq!(tls_in_text("<MEP Name=\"CustomData\" Blob=\"S:ProxyHop1=x;S:tlsversion=TLS1_3\" />"), Some(Tls::V1_3));
        assert_eq!(tls_in_text("Message received by: CO6PR14MB4402.namprd14.prod.outlook.com"), None);
    }
}
