//! Everything loaded, as one: the files in the order they came, what each contributes, the
//! joins between them, "your domains", and the aggregate the views read. Adding a file of counted
//! deliveries adds its counts (no copy of what was loaded before; the only such file is shared,
//! not copied); adding a file that joins with others, replacing or removing a file rebuilds the
//! aggregate from the files' contents.

use std::sync::Arc;

use crate::aggregate::Aggregate;
pub use crate::formats::tlsrpt::{Sessions, Summary};
use crate::formats::tlsrpt::{summarise, TlsReport};
use crate::domains::{suggest, Domains};
use crate::load::{Content, FileReport, Loaded};
use crate::formats::exchange_server::{Session, SEND_WINDOW};
use crate::messages::{Materialised, MessageStore, Records, SourceKind};
use crate::model::{Delivery, Direction};

/// The loaded files and the aggregate built from them.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    files: Vec<Loaded>,
    user_domains: Option<Domains>,
    suggested: Domains,
    /// The sum of the files of counted deliveries (the file itself when there is one).
    deliveries: Arc<Aggregate>,
    /// What the views read when other files add to the deliveries (joined exports, Exchange
    /// Server logs, connector settings); `None`: the deliveries alone.
    combined: Option<Aggregate>,
    placed: Materialised,
    tls_reports: Summary,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds a file (a failed one too, for its summary). Counted deliveries are added to what is
    /// there; a file that may join with others rebuilds everything.
    pub fn add(&mut self, loaded: Loaded) {
        let simple = self.combined.is_none();
        match &loaded.content {
            Content::Nothing if simple => {}
            Content::Deliveries(agg) if simple => {
                if self.deliveries.is_empty() && self.files.iter().all(|f| !matches!(f.content, Content::Deliveries(_))) {
                    self.deliveries = Arc::clone(agg);
                } else {
                    Arc::make_mut(&mut self.deliveries).merge_from(agg);
                }
            }
            _ => {
                self.files.push(loaded);
                return self.rebuild();
            }
        }
        self.files.push(loaded);
    }

    /// Replaces the file at `index` (read again with other options) and rebuilds.
    pub fn replace(&mut self, index: usize, loaded: Loaded) {
        if let Some(slot) = self.files.get_mut(index) {
            *slot = loaded;
            self.rebuild();
        }
    }

    /// Removes the file at `index` and rebuilds.
    pub fn remove(&mut self, index: usize) {
        if index < self.files.len() {
            self.files.remove(index);
            self.rebuild();
        }
    }

    /// Empties everything but the user's domains.
    pub fn clear(&mut self) {
        self.files.clear();
        self.rebuild();
    }

    /// The load summaries, in the order the files came.
    pub fn reports(&self) -> Vec<FileReport> {
        self.files.iter().map(|f| f.report.clone()).collect()
    }

    /// True when no file was dropped.
    pub fn has_files(&self) -> bool {
        !self.files.is_empty()
    }

    /// The aggregate the views read.
    pub fn agg(&self) -> &Aggregate {
        self.combined.as_ref().unwrap_or(&self.deliveries)
    }

    /// The domains in use: the user's, else the suggestion; and whether the user set them.
    pub fn domains(&self) -> (&Domains, bool) {
        match &self.user_domains {
            Some(d) => (d, true),
            None => (&self.suggested, false),
        }
    }

    /// True when some loaded file needs your domains to tell directions.
    pub fn needs_domains(&self) -> bool {
        self.files.iter().any(|f| match &f.content {
            Content::Messages { records, .. } => records.list().iter().any(|r| r.direction.is_none()),
            _ => false,
        })
    }

    /// Sets the user's domains (`None`: go back to the suggestion) and rebuilds.
    pub fn set_domains(&mut self, domains: Option<Domains>) {
        self.user_domains = domains;
        self.rebuild();
    }

    /// The SMTP TLS reports loaded, summed (each report once).
    pub fn tls_reports(&self) -> &Summary {
        &self.tls_reports
    }

    /// How per-message records turned into deliveries (how many lacked a direction).
    pub fn placed(&self) -> Materialised {
        self.placed
    }

    /// The sum of the files of counted deliveries: the one file itself, or their counts added.
    fn sum_deliveries(&self) -> Arc<Aggregate> {
        let mut all = self.files.iter().filter_map(|f| match &f.content {
            Content::Deliveries(agg) => Some(agg),
            _ => None,
        });
        let Some(first) = all.next() else { return Arc::default() };
        let rest: Vec<&Arc<Aggregate>> = all.collect();
        if rest.is_empty() {
            return Arc::clone(first);
        }
        let mut sum = Aggregate::clone(first);
        for agg in rest {
            sum.merge_from(agg);
        }
        Arc::new(sum)
    }

    fn rebuild(&mut self) {
        self.deliveries = self.sum_deliveries();
        let joins = self.files.iter().any(|f| !matches!(f.content, Content::Nothing | Content::Deliveries(_)));
        if !joins {
            self.combined = None;
            self.suggested = Domains::default();
            self.placed = Materialised::default();
            self.tls_reports = Summary::default();
            return;
        }
        let mut combined = Aggregate::clone(&self.deliveries);
        let mut store = MessageStore::default();
        let mut settings = Vec::new();
        let mut tenants: Vec<String> = Vec::new();
        let mut reports: Vec<TlsReport> = Vec::new();
        // Exchange Server protocol sessions first, so tracking records in any file can use them.
        let sessions: Vec<Session> = self
            .files
            .iter()
            .flat_map(|f| match &f.content {
                Content::Sessions(s) => s.clone(),
                _ => Vec::new(),
            })
            .collect();
        let by_id: std::collections::HashMap<&str, usize> = sessions.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let mut used = vec![false; sessions.len()];
        let mut tracked = Vec::new();
        for file in &self.files {
            if let Content::Tracking(list) = &file.content {
                let records = list
                    .iter()
                    .map(|(rec, sid)| {
                        let mut rec = rec.clone();
                        let found = match sid {
                            Some(sid) => by_id.get(sid.as_str()).copied(),
                            None if rec.direction == Some(Direction::Outbound) => sessions
                                .iter()
                                .enumerate()
                                .filter(|(_, s)| {
                                    s.direction == Some(Direction::Outbound)
                                        && Some(s.remote_ip.as_str()) == rec.remote_ip.as_deref()
                                        && s.time.zip(rec.time).is_some_and(|(st, rt)| st <= rt && rt - s.last.unwrap_or(st).min(rt) <= SEND_WINDOW)
                                })
                                .max_by_key(|(_, s)| s.time)
                                .map(|(i, _)| i),
                            None => None,
                        };
                        if let Some(i) = found {
                            rec.tls = sessions[i].tls;
                            used[i] = true;
                        }
                        rec
                    })
                    .collect::<Vec<_>>();
                tracked.push(records);
            }
        }
        let mut tracked = tracked.into_iter();
        for file in &mut self.files {
            match &file.content {
                Content::Nothing => {}
                Content::Deliveries(_) => {} // already in `combined`
                Content::Messages { kind, records, tenants: t } => {
                    let outcome = store.add(*kind, records);
                    file.report.duplicates = outcome.duplicates;
                    file.report.joined = outcome.joined;
                    tenants.extend(t.iter().cloned());
                }
                Content::Connectors(list) => settings.extend(list.iter().cloned()),
                Content::TlsReports(list) => reports.extend(list.iter().cloned()),
                Content::Tracking(_) => {
                    let outcome = store.add(SourceKind::Tracking, &Records::from_messages(&tracked.next().unwrap_or_default()));
                    file.report.duplicates = outcome.duplicates;
                    file.report.joined = outcome.joined;
                }
                Content::Sessions(_) => {}
            }
        }
        let records = store.records();
        self.suggested = suggest(
            tenants.iter().map(String::as_str),
            records.iter().filter_map(|r| Some((r.direction?, store.sender_domain(r), store.recipient_domain(r)))),
            records.iter().map(|r| (store.sender_domain(r), store.recipient_domain(r))),
        );
        let domains = self.user_domains.clone().unwrap_or_else(|| self.suggested.clone());
        self.placed = store.materialise(&domains, &mut combined);
        // Protocol sessions no tracking record claimed still count their recipients.
        for (s, _) in sessions.iter().zip(&used).filter(|(_, u)| !**u) {
            let (Some(time), Some(direction)) = (s.time, s.direction) else { continue };
            if s.recipients == 0 {
                continue;
            }
            combined.add(&Delivery { auth: crate::security::Auth::Unknown,
                time,
                direction,
                connector: Some(s.connector.as_str()).filter(|c| !c.is_empty()),
                connector_type: None,
                forced_tls: None,
                tls: s.tls.unwrap_or(crate::tls::Tls::Unknown),
                remote_host: None,
                remote_ip: Some(s.remote_ip.as_str()).filter(|i| !i.is_empty()),
                remote_domain: None,
                count: s.recipients,
            });
        }
        for s in settings {
            combined.set_connector_info(&s.name, s.connector_type, s.forced_tls);
        }
        self.combined = Some(combined);
        self.tls_reports = summarise(&reports);
    }
}

/// One file on its own: its summary and the aggregate it gives (with suggested domains).
pub fn aggregate_of(loaded: Loaded) -> (FileReport, Aggregate) {
    let mut ws = Workspace::new();
    ws.add(loaded);
    let report = ws.files[0].report.clone();
    let Workspace { files, deliveries, combined, .. } = ws;
    drop(files);
    let agg = combined.unwrap_or_else(|| Arc::try_unwrap(deliveries).unwrap_or_else(|shared| Aggregate::clone(&shared)));
    (report, agg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Filter;
    use crate::load::load_bytes;

    fn csv(rows: &[(&str, &str, &str)]) -> Loaded {
        let mut text = String::from("date,direction,connector,tls,remote_host\n");
        for (day, tls, host) in rows {
            text.push_str(&format!("{day},Inbound,Relay,{tls},{host}\n"));
        }
        load_bytes("x.csv", text.as_bytes())
    }

    fn everything(ws: &Workspace) -> String {
        let agg = ws.agg();
        let f = agg.span().map(|(a, b)| Filter::window(a, b));
        format!("{:?} {:?}", f.as_ref().map(|f| agg.details(f)), f.as_ref().map(|f| agg.partners(f, Direction::Inbound, Some("Relay"))))
    }

    #[test]
    fn adding_counted_files_one_by_one_equals_rebuilding_and_shares_a_lone_file() {
        let a = csv(&[("2026-03-04", "TLS 1.2", "mx.a.example"), ("2026-03-05", "No TLS", "mx.b.example")]);
        let b = csv(&[("2026-03-05", "TLS 1.3", "mx.b.example"), ("2026-03-06", "TLS 1.0", "mx.c.example")]);
        let mut ws = Workspace::new();
        ws.add(a.clone());
        let Content::Deliveries(shared) = &ws.files[0].content else { panic!("counted") };
        assert!(std::ptr::eq(ws.agg(), &**shared), "one file's aggregate is the workspace's, not a copy");
        ws.add(load_bytes("photo.png", b"\x89PNG\r\n\x1a\n...."));
        ws.add(b.clone());
        let incremental = everything(&ws);
        ws.rebuild();
        assert_eq!(everything(&ws), incremental);
        assert!(incremental.contains("mx.b.example"));
        ws.remove(0);
        let mut only_b = Workspace::new();
        only_b.add(b);
        assert_eq!(everything(&ws), everything(&only_b), "removing a file takes its counts away");
        assert_eq!(ws.reports().len(), 2);
    }
}
