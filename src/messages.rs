//! Per-message records from Microsoft's exports, kept so that files dropped together (or one after
//! another) can be joined: a report gives direction and connector, a trace detail the TLS version
//! of the same message and recipient. Overlapping exports are counted once.

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

/// What one export says about one message to one recipient.
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

impl MessageRecord {
    fn fill_from(&mut self, other: MessageRecord) {
        if self.sender.is_none() {
            self.sender = other.sender;
        }
        self.time = match (self.time, other.time) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if self.direction.is_none() {
            self.direction = other.direction;
        }
        if self.direction_hint.is_none() {
            self.direction_hint = other.direction_hint;
        }
        if !matches!(self.connector, Some(Some(_))) && other.connector.is_some() {
            if other.connector.as_ref().is_some_and(|c| c.is_some()) || self.connector.is_none() {
                self.connector = other.connector;
            }
        }
        if matches!(self.tls, None | Some(Tls::Unknown)) && other.tls.is_some() {
            self.tls = other.tls;
        }
        if other.tls_last.is_some() {
            self.tls_last = other.tls_last;
        }
        if self.remote_host.is_none() {
            self.remote_host = other.remote_host;
        }
        if self.remote_ip.is_none() {
            self.remote_ip = other.remote_ip;
        }
    }
}

/// Every message record loaded so far, joined on (message id, recipient).
#[derive(Clone, Debug, Default)]
pub struct MessageStore {
    records: Vec<MessageRecord>,
    index: HashMap<(String, String), usize>,
    kinds: Vec<Vec<SourceKind>>,
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
    pub fn add(&mut self, kind: SourceKind, records: Vec<MessageRecord>) -> AddOutcome {
        let mut out = AddOutcome::default();
        for r in records {
            let key = (r.id.clone(), r.recipient.clone());
            match self.index.get(&key) {
                Some(&i) if self.kinds[i].contains(&kind) => out.duplicates += 1,
                Some(&i) => {
                    self.records[i].fill_from(r);
                    self.kinds[i].push(kind);
                    out.joined += 1;
                }
                None => {
                    self.index.insert(key, self.records.len());
                    self.records.push(r);
                    self.kinds.push(vec![kind]);
                    out.new += 1;
                }
            }
        }
        out
    }

    /// Every record, in the order first seen.
    pub fn records(&self) -> &[MessageRecord] {
        &self.records
    }

    /// Counts the records into an aggregate; direction comes from the export, else your domains,
    /// else the IP hint. The partner is the remote host or IP, and the other side's domain.
    pub fn materialise(&self, domains: &Domains, agg: &mut Aggregate) -> Materialised {
        let mut m = Materialised::default();
        for r in &self.records {
            let Some(time) = r.time else {
                m.no_date += 1;
                continue;
            };
            let direction = r
                .direction
                .or_else(|| domains.direction(r.sender.as_deref(), Some(&r.recipient)))
                .or(r.direction_hint);
            let Some(direction) = direction else {
                m.no_direction += 1;
                continue;
            };
            let remote_domain = match direction {
                Direction::Inbound => r.sender.as_deref().and_then(domain_of),
                Direction::Outbound => domain_of(&r.recipient),
                Direction::IntraOrg => None,
            };
            agg.add(&Delivery { auth: crate::security::Auth::Unknown,
                time,
                direction,
                connector: r.connector.as_ref().and_then(|c| c.as_deref()),
                connector_type: None,
                forced_tls: None,
                tls: match direction {
                    Direction::Outbound => r.tls_last.or(r.tls),
                    _ => r.tls.or(r.tls_last),
                }
                .unwrap_or(Tls::Unknown),
                remote_host: r.remote_host.as_deref(),
                remote_ip: r.remote_ip.as_deref(),
                remote_domain: remote_domain.as_deref(),
                count: 1,
            });
            m.deliveries += 1;
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

    #[test]
    fn ids_normalise_for_joining() {
        assert_eq!(normalise_id("<CAF=x9@mail.gmail.com>"), "caf=x9@mail.gmail.com");
        assert_eq!(normalise_id("5F6D0A1E-2B3C-4D5E-8F90-08DD5A1B2C3D"), "5f6d0a1e2b3c4d5e8f9008dd5a1b2c3d");
    }

    #[test]
    fn report_and_detail_join_and_duplicates_drop() {
        let mut store = MessageStore::default();
        let mut a = rec("<m1@x>", "bob@fabrikam.com");
        a.direction = Some(Direction::Outbound);
        a.connector = Some(Some("Outbound to Fabrikam".into()));
        a.sender = Some("alice@contoso.com".into());
        let b = rec("<m2@x>", "carol@contoso.com");
        assert_eq!(store.add(SourceKind::Enhanced, vec![a.clone(), b]), AddOutcome { new: 2, joined: 0, duplicates: 0 });
        // The same report again: both are duplicates.
        assert_eq!(store.add(SourceKind::Enhanced, vec![a.clone()]).duplicates, 1);
        // The detail export brings TLS for m1.
        let mut d = rec("<M1@X>", "bob@fabrikam.com");
        d.tls = Some(Tls::V1_3);
        d.remote_host = Some("mx.fabrikam.com".into());
        assert_eq!(store.add(SourceKind::Detail, vec![d]), AddOutcome { new: 0, joined: 1, duplicates: 0 });

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
    fn without_domains_or_hints_direction_is_counted_as_missing() {
        let mut store = MessageStore::default();
        store.add(SourceKind::Trace, vec![rec("m", "a@b.com")]);
        let mut hinted = rec("n", "c@d.com");
        hinted.direction_hint = Some(Direction::Outbound);
        store.add(SourceKind::Trace, vec![hinted]);
        let mut agg = Aggregate::new();
        let m = store.materialise(&Domains::default(), &mut agg);
        assert_eq!((m.deliveries, m.no_direction), (1, 1));
    }
}
