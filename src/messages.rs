//! Per-message records from Microsoft's exports, kept so that files dropped together (or one after
//! another) can be joined: a report gives direction and connector, a trace detail the TLS version
//! of the same message and recipient. Overlapping exports are counted once. Records are kept
//! compact ([`Record`]: a 128-bit key of message id and recipient, names by number), so that
//! memory grows with the messages and not with the text of the exports.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::aggregate::Aggregate;
use crate::domains::{domain_of, Domains};
use crate::model::{Delivery, Direction};
use crate::tls::Tls;

/// Which kind of export a record came from; two records of the same kind for the same message
/// and recipient are one delivery seen twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SourceKind {
    /// `Get-MessageTrace(V2)` or the message-trace page's summary export.
    Trace,
    /// The enhanced summary report.
    Enhanced,
    /// The extended report.
    Extended,
    /// `Get-MessageTraceDetail(V2)`.
    Detail,
    /// An Exchange Server message tracking log.
    Tracking,
}

impl SourceKind {
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// What one export says about one message to one recipient, as text (what a parser builds
/// before it is stored as a [`Record`]).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MessageRecord {
    /// The Internet message id (without `<>`, lower case), or the network message id.
    pub id: String,
    /// The recipient address, lower case.
    pub recipient: String,
    /// The sender address.
    pub sender: Option<String>,
    /// When it was received or sent (UTC).
    pub time: Option<NaiveDateTime>,
    /// The direction, when the export says.
    pub direction: Option<Direction>,
    /// A direction from weaker evidence (which IP column is set), used when neither the export
    /// nor your domains tell.
    pub direction_hint: Option<Direction>,
    /// `Some(None)`: the export says there was no connector; `None`: it does not say.
    pub connector: Option<Option<String>>,
    /// The TLS version, when the export says: the first hop that names one (for inbound mail, the
    /// hop that received it from outside).
    pub tls: Option<Tls>,
    /// The last hop that names a TLS version (for outbound mail, the hop that sent it out), when
    /// an export lists several hops.
    pub tls_last: Option<Tls>,
    /// The remote server's host name.
    pub remote_host: Option<String>,
    /// The remote server's IP address.
    pub remote_ip: Option<String>,
}

/// Normalises a message id for joining: no angle brackets, no braces or dashes in GUIDs, lower case.
pub fn normalise_id(id: &str) -> String {
    let t = id.trim().trim_start_matches('<').trim_end_matches('>').trim();
    let guid: String = t.chars().filter(|c| *c != '-' && *c != '{' && *c != '}').collect();
    if guid.len() == 32 && guid.chars().all(|c| c.is_ascii_hexdigit()) {
        guid.to_ascii_lowercase()
    } else {
        t.to_ascii_lowercase()
    }
}

/// The join key of a message and recipient: a 128-bit hash of the normalised id and the lower-case
/// recipient (two different pairs share one with a chance of about 2⁻¹²⁸ per pair).
pub fn join_key(id: &str, recipient: &str) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(id.as_bytes());
    h.update(&[0xff]); // a byte no UTF-8 text holds: ("ab", "c") and ("a", "bc") differ
    h.update(recipient.as_bytes());
    h.digest128()
}

/// A name's number in a [`Names`] table; [`NO_NAME`] when there is none.
pub type NameId = u32;
/// No name.
pub const NO_NAME: NameId = u32::MAX;
/// A connector the export says there was none of.
const NO_CONNECTOR: NameId = u32::MAX - 1;

/// Names (domains, connectors, hosts, addresses) kept once each, by number.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Names {
    list: Vec<String>,
    #[serde(skip)]
    index: HashMap<String, NameId, rustc_hash::FxBuildHasher>,
}

impl std::fmt::Debug for Names {
    /// The names in order (the index is the same names again, in no order).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.list).finish()
    }
}

impl Names {
    /// The number of `name`, adding it when new; [`NO_NAME`] for an empty name.
    pub fn intern(&mut self, name: &str) -> NameId {
        if name.is_empty() {
            return NO_NAME;
        }
        if self.index.len() != self.list.len() {
            self.index = self.list.iter().enumerate().map(|(i, n)| (n.clone(), i as NameId)).collect();
        }
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        // Past the last number a name can have (billions of distinct names) a name is dropped,
        // never confused with another.
        let Ok(i) = NameId::try_from(self.list.len()) else { return NO_NAME };
        if i >= NO_CONNECTOR {
            return NO_NAME;
        }
        self.list.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    /// The number of an optional name.
    pub fn intern_opt(&mut self, name: Option<&str>) -> NameId {
        name.map_or(NO_NAME, |n| self.intern(n))
    }

    /// The name of a number.
    pub fn get(&self, id: NameId) -> Option<&str> {
        self.list.get(id as usize).map(String::as_str)
    }

    /// How many names there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Times as milliseconds since 1970 (UTC), [`NO_TIME`] when the export gave none.
const NO_TIME: i64 = i64::MIN;

fn millis(t: Option<NaiveDateTime>) -> i64 {
    t.map_or(NO_TIME, |t| t.and_utc().timestamp_millis())
}

/// What one or more exports say about one message to one recipient, in 48 bytes: the join key,
/// the time, and names by number (the sender's and recipient's domains, not their addresses,
/// which is all that directions and partners need).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// [`join_key`] of the message id and recipient.
    pub key: u128,
    time: i64,
    sender: NameId,
    recipient: NameId,
    connector: NameId,
    remote_host: NameId,
    remote_ip: NameId,
    /// The direction, when the export says.
    pub direction: Option<Direction>,
    /// The direction from weaker evidence.
    pub direction_hint: Option<Direction>,
    /// The first TLS version named.
    pub tls: Option<Tls>,
    /// The last TLS version named.
    pub tls_last: Option<Tls>,
}

impl Record {
    /// A record of `key` that says nothing else yet.
    pub fn empty(key: u128) -> Record {
        Record {
            key,
            time: NO_TIME,
            sender: NO_NAME,
            recipient: NO_NAME,
            connector: NO_NAME,
            remote_host: NO_NAME,
            remote_ip: NO_NAME,
            direction: None,
            direction_hint: None,
            tls: None,
            tls_last: None,
        }
    }

    /// When it was received or sent (UTC).
    pub fn time(&self) -> Option<NaiveDateTime> {
        (self.time != NO_TIME).then(|| chrono::DateTime::from_timestamp_millis(self.time).map(|d| d.naive_utc())).flatten()
    }

    /// Keeps the earlier of its time and `t`.
    pub fn seen_at(&mut self, t: NaiveDateTime) {
        let t = millis(Some(t));
        self.time = if self.time == NO_TIME { t } else { self.time.min(t) };
    }

    /// True when the export said which connector (or that there was none).
    pub fn connector_said(&self) -> bool {
        self.connector != NO_NAME
    }

    /// True when the export named a connector.
    pub fn has_connector(&self) -> bool {
        self.connector < NO_CONNECTOR
    }

    /// Sets the connector: `Some(name)`, or `None` for "no connector".
    pub fn set_connector(&mut self, names: &mut Names, connector: Option<&str>) {
        match connector.map(|c| names.intern(c)) {
            Some(id) if id != NO_NAME => self.connector = id,
            _ => self.no_connector(),
        }
    }

    /// Says there was no connector.
    pub fn no_connector(&mut self) {
        self.connector = NO_CONNECTOR;
    }

    /// Sets the sender's domain from an address, when it has none yet.
    pub fn sender_if_unset(&mut self, names: &mut Names, sender: Option<&str>) {
        if self.sender == NO_NAME {
            self.sender = names.intern_opt(sender.and_then(domain_of).as_deref());
        }
    }

    /// Sets the remote host and IP, each when it has none yet.
    pub fn remote_if_unset(&mut self, names: &mut Names, host: Option<&str>, ip: Option<&str>) {
        if self.remote_host == NO_NAME {
            self.remote_host = names.intern_opt(host);
        }
        if self.remote_ip == NO_NAME {
            self.remote_ip = names.intern_opt(ip);
        }
    }

    fn fill_from(&mut self, other: &Record) {
        if self.sender == NO_NAME {
            self.sender = other.sender;
        }
        self.time = match (self.time, other.time) {
            (NO_TIME, b) => b,
            (a, NO_TIME) => a,
            (a, b) => a.min(b),
        };
        if self.direction.is_none() {
            self.direction = other.direction;
        }
        if self.direction_hint.is_none() {
            self.direction_hint = other.direction_hint;
        }
        if !self.has_connector() && other.connector_said() && (other.has_connector() || !self.connector_said()) {
            self.connector = other.connector;
        }
        if matches!(self.tls, None | Some(Tls::Unknown)) && other.tls.is_some() {
            self.tls = other.tls;
        }
        if other.tls_last.is_some() {
            self.tls_last = other.tls_last;
        }
        if self.remote_host == NO_NAME {
            self.remote_host = other.remote_host;
        }
        if self.remote_ip == NO_NAME {
            self.remote_ip = other.remote_ip;
        }
        if self.recipient == NO_NAME {
            self.recipient = other.recipient;
        }
    }

    /// The same record with its names numbered in another table (`map[i]` is name `i`'s number).
    fn renumbered(mut self, map: &[NameId]) -> Record {
        let at = |id: NameId| if id >= NO_CONNECTOR { id } else { map.get(id as usize).copied().unwrap_or(NO_NAME) };
        self.sender = at(self.sender);
        self.recipient = at(self.recipient);
        self.connector = at(self.connector);
        self.remote_host = at(self.remote_host);
        self.remote_ip = at(self.remote_ip);
        self
    }
}

/// One file's records, with the names they use.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Records {
    list: Vec<Record>,
    names: Names,
}

impl Records {
    /// The records, in the order first seen.
    pub fn list(&self) -> &[Record] {
        &self.list
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds a record made by the caller, returning its index.
    pub fn push_record(&mut self, r: Record) -> usize {
        self.list.push(r);
        self.list.len() - 1
    }

    /// The record at `i` and the names table, to change it.
    pub fn at_mut(&mut self, i: usize) -> Option<(&mut Record, &mut Names)> {
        let Records { list, names } = self;
        list.get_mut(i).map(|r| (r, names))
    }

    /// Every record, changed in place.
    pub fn for_each_mut(&mut self, f: impl FnMut(&mut Record)) {
        self.list.iter_mut().for_each(f);
    }

    /// Drops every record (a reading that will start again).
    pub fn clear(&mut self) {
        self.list = Vec::new();
        self.names = Names::default();
    }

    /// Adds a record given as text.
    pub fn push(&mut self, m: &MessageRecord) {
        let names = &mut self.names;
        let mut r = Record::empty(join_key(&m.id, &m.recipient));
        r.time = millis(m.time);
        r.sender_if_unset(names, m.sender.as_deref());
        r.recipient = names.intern_opt(domain_of(&m.recipient).as_deref());
        if let Some(c) = &m.connector {
            r.set_connector(names, c.as_deref());
        }
        r.remote_if_unset(names, m.remote_host.as_deref(), m.remote_ip.as_deref());
        r.direction = m.direction;
        r.direction_hint = m.direction_hint;
        r.tls = m.tls;
        r.tls_last = m.tls_last;
        self.list.push(r);
    }

    /// The records of a list given as text.
    pub fn from_messages<'a>(list: impl IntoIterator<Item = &'a MessageRecord>) -> Records {
        let mut out = Records::default();
        for m in list {
            out.push(m);
        }
        out
    }

    /// The recipient's domain of a record.
    pub fn recipient_domain(&self, r: &Record) -> Option<&str> {
        self.names.get(r.recipient)
    }

    /// Sets a record's recipient domain from the address.
    pub fn set_recipient(&mut self, i: usize, address: &str) {
        let Records { list, names } = self;
        if let Some(r) = list.get_mut(i) {
            r.recipient = names.intern_opt(domain_of(address).as_deref());
        }
    }

    /// How much memory the records take, roughly (bytes).
    pub fn heap_bytes(&self) -> usize {
        self.list.capacity() * std::mem::size_of::<Record>() + self.names.list.iter().map(|n| n.len() + 24).sum::<usize>() * 3
    }
}

/// Every message record loaded so far, joined on (message id, recipient).
#[derive(Clone, Debug, Default)]
pub struct MessageStore {
    records: Vec<Record>,
    names: Names,
    index: HashMap<u128, u32, rustc_hash::FxBuildHasher>,
    kinds: Vec<u8>,
}

/// What adding a file's records did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddOutcome {
    /// Records for messages not seen before.
    pub new: u64,
    /// Records that completed a message another kind of export had (a join).
    pub joined: u64,
    /// Records of a message and recipient the same kind of export had already given (dropped).
    pub duplicates: u64,
}

/// How the records turned into deliveries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Materialised {
    /// Deliveries counted.
    pub deliveries: u64,
    /// Records with neither a direction in the export nor one your domains could tell.
    pub no_direction: u64,
    /// Records without a date.
    pub no_date: u64,
}

impl MessageStore {
    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Adds one file's records, joining and de-duplicating.
    pub fn add(&mut self, kind: SourceKind, file: &Records) -> AddOutcome {
        let mut out = AddOutcome::default();
        let map: Vec<NameId> = file.names.list.iter().map(|n| self.names.intern(n)).collect();
        self.index.reserve(file.list.len());
        for r in &file.list {
            let r = r.renumbered(&map);
            match self.index.get(&r.key) {
                Some(&i) if self.kinds[i as usize] & kind.bit() != 0 => out.duplicates += 1,
                Some(&i) => {
                    self.records[i as usize].fill_from(&r);
                    self.kinds[i as usize] |= kind.bit();
                    out.joined += 1;
                }
                None => {
                    // Past 4 billion records a message is counted without joining.
                    if let Ok(i) = u32::try_from(self.records.len()) {
                        self.index.insert(r.key, i);
                    }
                    self.records.push(r);
                    self.kinds.push(kind.bit());
                    out.new += 1;
                }
            }
        }
        out
    }

    /// Every record, in the order first seen.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// The sender's domain of a record.
    pub fn sender_domain(&self, r: &Record) -> Option<&str> {
        self.names.get(r.sender)
    }

    /// The recipient's domain of a record.
    pub fn recipient_domain(&self, r: &Record) -> Option<&str> {
        self.names.get(r.recipient)
    }

    /// Counts the records into an aggregate; direction comes from the export, else your domains,
    /// else the IP hint. The partner is the remote host or IP, and the other side's domain.
    /// Records that fall in the same cell (day, direction, connector, TLS, host, IP, domain, all
    /// by number) are counted together, in the order each cell was first seen, so that the
    /// aggregate looks each name up once per cell, not once per record.
    pub fn materialise(&self, domains: &Domains, agg: &mut Aggregate) -> Materialised {
        type Cell = (i32, Direction, NameId, Tls, NameId, NameId, NameId);
        let mut m = Materialised::default();
        let mut cells: Vec<(Cell, NaiveDateTime, u64)> = Vec::new();
        let mut index: HashMap<Cell, usize, rustc_hash::FxBuildHasher> = HashMap::default();
        // Your domains' verdict per (sender, recipient) domain pair, worked out once per pair.
        let mut verdicts: HashMap<(NameId, NameId), Option<Direction>, rustc_hash::FxBuildHasher> = HashMap::default();
        for r in &self.records {
            let Some(time) = r.time() else {
                m.no_date += 1;
                continue;
            };
            let direction = r.direction.or_else(|| {
                *verdicts
                    .entry((r.sender, r.recipient))
                    .or_insert_with(|| domains.direction_of_domains(self.names.get(r.sender), self.names.get(r.recipient)))
            });
            let Some(direction) = direction.or(r.direction_hint) else {
                m.no_direction += 1;
                continue;
            };
            let remote_domain = match direction {
                Direction::Inbound => r.sender,
                Direction::Outbound => r.recipient,
                Direction::IntraOrg => NO_NAME,
            };
            let tls = match direction {
                Direction::Outbound => r.tls_last.or(r.tls),
                _ => r.tls.or(r.tls_last),
            }
            .unwrap_or(Tls::Unknown);
            let connector = if r.has_connector() { r.connector } else { NO_NAME };
            let cell = (chrono::Datelike::num_days_from_ce(&time.date()), direction, connector, tls, r.remote_host, r.remote_ip, remote_domain);
            match index.get(&cell) {
                Some(&i) => cells[i].2 += 1,
                None => {
                    index.insert(cell, cells.len());
                    cells.push((cell, time, 1));
                }
            }
            m.deliveries += 1;
        }
        for ((_, direction, connector, tls, host, ip, domain), time, count) in cells {
            agg.add(&Delivery {
                auth: crate::security::Auth::Unknown,
                time,
                direction,
                connector: self.names.get(connector),
                connector_type: None,
                forced_tls: None,
                tls,
                remote_host: self.names.get(host),
                remote_ip: self.names.get(ip),
                remote_domain: self.names.get(domain),
                count,
            });
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Filter;
    use chrono::NaiveDate;

    fn rec(id: &str, rcpt: &str) -> MessageRecord {
        MessageRecord {
            id: normalise_id(id),
            recipient: rcpt.to_string(),
            time: Some(NaiveDate::from_ymd_opt(2025, 3, 4).unwrap().and_hms_opt(9, 0, 0).unwrap()),
            ..Default::default()
        }
    }

    fn records(list: &[MessageRecord]) -> Records {
        Records::from_messages(list)
    }

    #[test]
    fn ids_normalise_for_joining() {
        assert_eq!(normalise_id("<CAF=x9@mail.gmail.com>"), "caf=x9@mail.gmail.com");
        assert_eq!(normalise_id("5F6D0A1E-2B3C-4D5E-8F90-08DD5A1B2C3D"), "5f6d0a1e2b3c4d5e8f9008dd5a1b2c3d");
        assert_ne!(join_key("ab", "c"), join_key("a", "bc"));
    }

    #[test]
    fn a_record_takes_48_bytes() {
        assert_eq!(std::mem::size_of::<Record>(), 48);
    }

    #[test]
    fn report_and_detail_join_and_duplicates_drop() {
        let mut store = MessageStore::default();
        let mut a = rec("<m1@x>", "bob@fabrikam.com");
        a.direction = Some(Direction::Outbound);
        a.connector = Some(Some("Outbound to Fabrikam".into()));
        a.sender = Some("alice@contoso.com".into());
        let b = rec("<m2@x>", "carol@contoso.com");
        assert_eq!(store.add(SourceKind::Enhanced, &records(&[a.clone(), b])), AddOutcome { new: 2, joined: 0, duplicates: 0 });
        // The same report again: both are duplicates.
        assert_eq!(store.add(SourceKind::Enhanced, &records(&[a.clone()])).duplicates, 1);
        // The detail export brings TLS for m1.
        let mut d = rec("<M1@X>", "bob@fabrikam.com");
        d.tls = Some(Tls::V1_3);
        d.remote_host = Some("mx.fabrikam.com".into());
        assert_eq!(store.add(SourceKind::Detail, &records(&[d])), AddOutcome { new: 0, joined: 1, duplicates: 0 });

        let mut agg = Aggregate::new();
        let m = store.materialise(&Domains::parse("contoso.com"), &mut agg);
        assert_eq!(m, Materialised { deliveries: 2, no_direction: 0, no_date: 0 });
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        let rows = agg.details(&Filter::window(day, day));
        let out = rows.iter().find(|r| r.direction == Direction::Outbound).unwrap();
        assert_eq!(out.connector.as_deref(), Some("Outbound to Fabrikam"));
        assert_eq!(out.counts.get(Tls::V1_3), 1, "connector from the report, TLS from the detail");
        let partners = agg.partners(&Filter::window(day, day), Direction::Outbound, Some("Outbound to Fabrikam"));
        assert_eq!(partners[0].0, "fabrikam.com");
        // m2 has no direction in the export; your domains say inbound (recipient is ours).
        assert_eq!(agg.totals(&Filter::window(day, day)).inbound.get(Tls::Unknown), 1);
    }

    #[test]
    fn a_named_connector_wins_over_none_and_none_over_unsaid() {
        let mut store = MessageStore::default();
        let mut a = rec("m", "bob@fabrikam.com");
        a.direction = Some(Direction::Outbound);
        store.add(SourceKind::Trace, &records(&[a.clone()]));
        let mut b = a.clone();
        b.connector = Some(None);
        store.add(SourceKind::Extended, &records(&[b]));
        assert!(store.records()[0].connector_said() && !store.records()[0].has_connector());
        let mut c = a.clone();
        c.connector = Some(Some("To Fabrikam".into()));
        store.add(SourceKind::Enhanced, &records(&[c]));
        assert!(store.records()[0].has_connector());
        let mut d = a;
        d.connector = Some(None);
        store.add(SourceKind::Detail, &records(&[d]));
        assert_eq!(store.names.get(store.records()[0].connector), Some("To Fabrikam"));
    }

    #[test]
    fn without_domains_or_hints_direction_is_counted_as_missing() {
        let mut store = MessageStore::default();
        store.add(SourceKind::Trace, &records(&[rec("m", "a@b.com")]));
        let mut hinted = rec("n", "c@d.com");
        hinted.direction_hint = Some(Direction::Outbound);
        store.add(SourceKind::Trace, &records(&[hinted]));
        let mut agg = Aggregate::new();
        let m = store.materialise(&Domains::default(), &mut agg);
        assert_eq!((m.deliveries, m.no_direction), (1, 1));
    }
}
