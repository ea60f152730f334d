//! Exchange Online's exports, read into per-message records (see [`crate::messages`]):
//! `Get-MessageTrace(V2) | Export-Csv` and the message-trace page's summary export, the enhanced
//! summary report, the extended report, and `Get-MessageTraceDetail(V2) | Export-Csv`.
//! Columns are found by name (any case, any order); dates may be ISO 8601 or the culture format
//! PowerShell wrote, with day-first or month-first decided from the whole column.

use crate::lang::{Msg, Said};
use std::collections::HashMap;

use crate::dates::{parse_any, DateOrder, OrderGuess, OrderGuesser};
use crate::formats::table::{self, header_key, Dialect};
use crate::formats::ParseStats;
use crate::messages::{join_key, normalise_id, Records, SourceKind};
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
#[inline(never)] // see detect::detect
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

/// True when the export can be read in parts ([`crate::split`]): each of its rows makes
/// records of its own (a trace or an enhanced summary, not the event rows of one message that an
/// extended or detail report has), and its first row's time is ISO 8601 (culture dates are read
/// in an order decided from the whole column).
pub fn splits(text: &str, dialect: &Dialect, layout: &Layout) -> bool {
    let own_rows = matches!(layout.export, Export::Trace | Export::Enhanced);
    let mut reader = table::reader(text, dialect);
    let first = reader.records().nth(1).and_then(Result::ok);
    own_rows && first.is_some_and(|r| layout.col("time").and_then(|i| r.get(i)).and_then(crate::dates::parse_iso).is_some())
}

/// What reading an export gave.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// One record per message and recipient.
    pub records: Records,
    /// Rows read, records made, rows skipped.
    pub stats: ParseStats,
    /// Tenant domains named in the `Organization` column.
    pub tenants: Vec<String>,
    /// How dates were read, when they were in a culture format.
    pub date_order: Option<OrderGuess>,
}

/// How a reading ended.
#[derive(Debug)]
pub enum Finished {
    /// The export, read.
    Done(Box<Parsed>),
    /// The dates are in a culture format and no order was given: read again in this order (the
    /// first reading looked only at the date column once it met such a date).
    Again(OrderGuess),
}

/// The first TLS version named in free text (`using TLS1.2 with AES256`, `S:tlsversion=TLS1_3`).
pub fn tls_in_text(text: &str) -> Option<Tls> {
    Tls::in_text(text)
}

/// Reads an Exchange Online export block by block, each block ending where a row ends (see
/// [`table::row_end`]); the first block starts at the header line. Memory grows with the records
/// (48 bytes per message and recipient, plus each distinct name once), not with the text.
///
/// Culture dates are read in an order decided from the whole column: without a given order, the
/// reader makes records while the dates are ISO 8601, and at the first culture date it goes on
/// reading only dates and ends with [`Finished::Again`], so that the caller reads the text
/// a second time in the decided order.
pub struct Reader {
    layout: Layout,
    rows: table::Rows,
    order: Option<DateOrder>,
    guesser: OrderGuesser,
    dates_only: bool,
    records: Records,
    by_key: HashMap<u128, u32, rustc_hash::FxBuildHasher>,
    tenants: Vec<String>,
    stats: ParseStats,
}

impl Reader {
    /// A reader for an export in `dialect` with `layout`; `order` reads culture dates in that
    /// order (the user's, or a first reading's).
    pub fn new(dialect: &Dialect, layout: &Layout, order: Option<DateOrder>) -> Reader {
        Reader {
            layout: layout.clone(),
            rows: table::Rows::new(dialect),
            order,
            guesser: OrderGuesser::default(),
            dates_only: false,
            records: Records::default(),
            by_key: HashMap::default(),
            tenants: Vec::new(),
            stats: ParseStats::default(),
        }
    }

    /// Rows read, records made and rows skipped so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }

    /// Reads one block of whole rows.
    pub fn feed(&mut self, block: &str) {
        let Reader { layout, rows, order, guesser, dates_only, records, by_key, tenants, stats } = self;
        let time_col = layout.col("time");
        rows.feed(block, stats, |line, r, stats| {
            let raw_time = time_col.and_then(|i| r.get(i)).unwrap_or("");
            if guesser.add(raw_time) && order.is_none() && !*dates_only {
                // A culture date and no order yet: from here on only the dates matter.
                *dates_only = true;
                records.clear();
                *by_key = HashMap::default();
            }
            if *dates_only {
                return;
            }
            let mut at = Rows { stats, records, by_key, tenants };
            take_row(line, r, raw_time, &mut at, layout, order.unwrap_or(DateOrder::MonthFirst));
        });
        if !self.dates_only {
            self.stats.deliveries = self.records.len() as u64;
        }
    }

    /// Ends the reading.
    pub fn finish(mut self) -> Finished {
        let guess = self.guesser.guess();
        if self.dates_only {
            if let Some(g) = guess {
                return Finished::Again(g);
            }
        }
        // An extended report with a RECEIVE or SEND but no connector on it: mail without a connector.
        if self.layout.export == Export::Extended {
            self.records.for_each_mut(|rec| {
                if !rec.connector_said() {
                    rec.no_connector();
                }
            });
        }
        self.stats.deliveries = self.records.len() as u64;
        Finished::Done(Box::new(Parsed { records: self.records, stats: self.stats, tenants: self.tenants, date_order: guess }))
    }
}

/// Reads a whole Exchange Online export (the text from its start; see [`Reader`]). `order`
/// overrides the day/month order of culture dates.
pub fn parse(text: &str, dialect: &Dialect, layout: &Layout, order: Option<DateOrder>) -> Parsed {
    let read = |order: Option<DateOrder>| {
        let mut reader = Reader::new(dialect, layout, order);
        reader.feed(text.get(dialect.header_offset..).unwrap_or(""));
        reader.finish()
    };
    match read(order) {
        Finished::Done(parsed) => *parsed,
        Finished::Again(g) => match read(Some(g.order)) {
            Finished::Done(parsed) => *parsed,
            Finished::Again(_) => Parsed::default(), // not reached: an order was given
        },
    }
}

/// Where [`take_row`] puts what it reads.
struct Rows<'a> {
    stats: &'a mut ParseStats,
    records: &'a mut Records,
    by_key: &'a mut HashMap<u128, u32, rustc_hash::FxBuildHasher>,
    tenants: &'a mut Vec<String>,
}

/// A cell, trimmed; `None` when empty.
fn opt(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// Reads one row of an export into records (or a skipped row with its reason).
fn take_row(line: &mut table::RowLine<'_, '_>, r: &table::Cells<'_>, raw_time: &str, rows: &mut Rows<'_>, layout: &Layout, order: DateOrder) {
    let Rows { stats, records, by_key, tenants } = rows;
    let cell = |name: &str| -> &str { layout.col(name).and_then(|i| r.get(i)).unwrap_or("") };
    if let Some(org) = opt(cell("organization")) {
        if !tenants.iter().any(|t| t.eq_ignore_ascii_case(org)) {
            tenants.push(org.to_ascii_lowercase());
        }
    }
    let Some(time) = parse_any(raw_time, order) else {
        stats.skip(line.get(), if raw_time.trim().is_empty() {
            Said::new(Msg::DateEmpty)
        } else {
            Said::new(Msg::DateUnreadable).text(crate::text::clip(raw_time, 60))
        });
        return;
    };
    let id = match opt(cell("message_id")) {
        Some(m) => normalise_id(m),
        None => normalise_id(cell("network_id")),
    };
    if id.is_empty() && layout.export != Export::Trace {
        stats.skip(line.get(), Msg::NoMessageId);
        return;
    }
    let sender = opt(cell("sender"));
    let direction = Direction::parse(cell("direction"));
    match layout.export {
        Export::Trace => {
            let status = cell("status").trim();
            if status.eq_ignore_ascii_case("expanded") {
                stats.skip(line.get(), Msg::ExpandedStatus);
                return;
            }
            let Some(recipient) = opt(cell("recipient")) else {
                stats.skip(line.get(), Msg::RowNoRecipient);
                return;
            };
            let recipient = recipient.to_ascii_lowercase();
            let (to_ip, from_ip) = (opt(cell("to_ip")), opt(cell("from_ip")));
            let hint = if to_ip.is_some() { Some(Direction::Outbound) } else if from_ip.is_some() { Some(Direction::Inbound) } else { None };
            // A row without a message id joins no other export; its key is what the row says (the
            // same row in two overlapping exports is one delivery; rows of two files that merely
            // sit on the same line are not).
            let id = if id.is_empty() {
                format!("row:{time}|{}|{recipient}|{}|{}|{status}", sender.unwrap_or(""), from_ip.unwrap_or(""), to_ip.unwrap_or(""))
            } else {
                id
            };
            let i = records.open(join_key(&id, &recipient), &recipient);
            if let Some((rec, names)) = records.at_mut(i) {
                rec.seen_at(time);
                rec.sender_if_unset(names, sender);
                rec.direction = direction;
                rec.direction_hint = hint;
                rec.remote_if_unset(names, None, if hint == Some(Direction::Outbound) { to_ip } else { from_ip });
            }
        }
        Export::Enhanced => {
            let connector = opt(cell("connector"));
            let remote_ip = if direction == Some(Direction::Inbound) { opt(cell("original_client_ip")) } else { None };
            let mut any = false;
            for entry in cell("recipient").split(';') {
                let address = entry.split("##").next().unwrap_or("").trim();
                if address.is_empty() {
                    continue; // `a@x##Delivered;;b@y##Delivered` or a trailing `;`: the others still count
                }
                any = true;
                let address = address.to_ascii_lowercase();
                let i = records.open(join_key(&id, &address), &address);
                if let Some((rec, names)) = records.at_mut(i) {
                    rec.seen_at(time);
                    rec.sender_if_unset(names, sender);
                    rec.direction = direction;
                    rec.set_connector(names, connector);
                    rec.remote_if_unset(names, None, remote_ip);
                }
            }
            if !any {
                stats.skip(line.get(), Msg::StatusNoRecipient);
            }
        }
        Export::Extended | Export::Detail => {
            let recipients = cell("recipient").split([';', ',']).map(str::trim).filter(|a| a.contains('@'));
            if recipients.clone().next().is_none() {
                stats.skip(line.get(), Msg::RowNamesNoRecipient);
                return;
            }
            let event = cell("event").trim();
            let tls = if layout.export == Export::Detail {
                tls_in_text(cell("detail")).or_else(|| tls_in_text(cell("data")))
            } else {
                layout.tls_text.iter().find_map(|&i| r.get(i).and_then(tls_in_text))
            };
            let connector_here = opt(cell("connector"));
            for recipient in recipients {
                let recipient = recipient.to_ascii_lowercase();
                let key = join_key(&id, &recipient);
                let i = match by_key.get(&key) {
                    Some(&i) => i as usize,
                    None => {
                        let i = records.open(join_key(&id, &recipient), &recipient);
                        if let Ok(n) = u32::try_from(i) {
                            by_key.insert(key, n);
                        }
                        i
                    }
                };
                let Some((rec, names)) = records.at_mut(i) else { continue };
                rec.seen_at(time);
                rec.sender_if_unset(names, sender);
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
                    let receive_in = event.eq_ignore_ascii_case("RECEIVE") && dir != Some(Direction::Outbound);
                    let send_out = event.eq_ignore_ascii_case("SEND") && dir == Some(Direction::Outbound);
                    if receive_in || send_out {
                        if !rec.has_connector() {
                            rec.set_connector(names, connector_here);
                        }
                        let (host, ip) = if receive_in { ("client_host", "client_ip") } else { ("server_host", "server_ip") };
                        rec.remote_if_unset(names, opt(cell(host)), opt(cell(ip)));
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
