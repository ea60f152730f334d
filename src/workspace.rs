//! Everything loaded, as one: the files in the order they came, what each contributes, the
//! joins between them, "your domains", and the aggregate the views read. Adding, replacing or
//! removing a file rebuilds the aggregate from the files' contents.

use crate::aggregate::Aggregate;
use crate::formats::tlsrpt::{summarise, Summary, TlsReport};
use crate::domains::{suggest, Domains};
use crate::load::{Content, FileReport, Loaded};
use crate::formats::exchange_server::{Session, SEND_WINDOW};
use crate::messages::{Materialised, MessageStore, SourceKind};
use crate::model::{Delivery, Direction};

/// The loaded files and the aggregate built from them.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    files: Vec<Loaded>,
    user_domains: Option<Domains>,
    suggested: Domains,
    combined: Aggregate,
    placed: Materialised,
    tls_reports: Summary,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds a file (a failed one too, for its summary) and rebuilds.
    pub fn add(&mut self, loaded: Loaded) {
        self.files.push(loaded);
        self.rebuild();
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
        &self.combined
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
            Content::Messages { records, .. } => records.iter().any(|r| r.direction.is_none()),
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

    fn rebuild(&mut self) {
        let mut combined = Aggregate::new();
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
                Content::Deliveries(agg) => combined.merge(agg.clone()),
                Content::Messages { kind, records, tenants: t } => {
                    let outcome = store.add(*kind, records.clone());
                    file.report.duplicates = outcome.duplicates;
                    file.report.joined = outcome.joined;
                    tenants.extend(t.iter().cloned());
                }
                Content::Connectors(list) => settings.extend(list.iter().cloned()),
                Content::TlsReports(list) => reports.extend(list.iter().cloned()),
                Content::Tracking(_) => {
                    let outcome = store.add(SourceKind::Tracking, tracked.next().unwrap_or_default());
                    file.report.duplicates = outcome.duplicates;
                    file.report.joined = outcome.joined;
                }
                Content::Sessions(_) => {}
            }
        }
        let records = store.records();
        self.suggested = suggest(
            tenants.iter().map(String::as_str),
            records.iter().filter_map(|r| Some((r.direction?, r.sender.as_deref()?, r.recipient.as_str()))),
            records.iter().filter_map(|r| Some((r.sender.as_deref()?, r.recipient.as_str()))),
        );
        let domains = self.user_domains.clone().unwrap_or_else(|| self.suggested.clone());
        self.placed = store.materialise(&domains, &mut combined);
        // Protocol sessions no tracking record claimed still count their recipients.
        for (s, _) in sessions.iter().zip(&used).filter(|(_, u)| !**u) {
            let (Some(time), Some(direction)) = (s.time, s.direction) else { continue };
            if s.recipients == 0 {
                continue;
            }
            combined.add(&Delivery {
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
        self.combined = combined;
        self.tls_reports = summarise(&reports);
    }
}

/// One file on its own: its summary and the aggregate it gives (with suggested domains).
pub fn aggregate_of(loaded: Loaded) -> (FileReport, Aggregate) {
    let mut ws = Workspace::new();
    ws.add(loaded);
    let report = ws.files[0].report.clone();
    (report, ws.combined)
}
