//! Everything loaded, as one: the files in the order they came, what each contributes, the
//! joins between them, "your domains", and the aggregate the views read. Adding a file of counted
//! deliveries adds its counts to the sum, the smaller of the two taken into a copy of the larger
//! (the only such file is shared, not copied); adding a file that joins with others, replacing or removing a file rebuilds the
//! aggregate from the files' contents — in one go, or in bounded steps ([`Rebuild`]) that a page
//! runs between its other tasks.

use std::sync::Arc;

use crate::aggregate::Aggregate;
pub use crate::formats::tlsrpt::{Sessions, Summary};
use crate::formats::tlsrpt::{summarise, TlsReport};
use crate::domains::{suggest, Domains};
use crate::load::{Content, FileReport, Loaded};
use crate::formats::exchange_server::{Session, SEND_WINDOW};
use crate::formats::connectors::ConnectorSetting;
use crate::messages::{AddOutcome, Adding, Counting, Materialised, MessageStore, Records, SourceKind};
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
    /// Counts every change, so that a rebuild prepared before one is not put in place.
    generation: u64,
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
                    add_later(&mut self.deliveries, agg);
                }
            }
            _ => {
                self.files.push(loaded);
                return self.rebuild();
            }
        }
        self.files.push(loaded);
        self.generation += 1;
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

    /// Rebuilds everything from the files, in one go.
    fn rebuild(&mut self) {
        let mut r = self.prepare(None);
        while !self.step(&mut r, usize::MAX) {}
        self.install(r);
    }

    /// True when adding this file rebuilds the joins (so a page may do it in steps with
    /// [`Workspace::prepare`], [`Workspace::step`] and [`Workspace::commit`]).
    pub fn rebuilds_for(&self, loaded: &Loaded) -> bool {
        self.combined.is_some() || !matches!(loaded.content, Content::Nothing | Content::Deliveries(_))
    }

    /// Starts a rebuild, with `incoming` added (or put at the given position) once it is
    /// committed. The workspace is unchanged until then; the work is done by [`Workspace::step`].
    pub fn prepare(&self, incoming: Option<(Loaded, Option<usize>)>) -> Rebuild {
        let mut r = Rebuild {
            incoming,
            generation: self.generation,
            deliveries: Arc::default(),
            phase: Phase::Done,
            combined: None,
            store: MessageStore::default(),
            tracked: Vec::new(),
            sessions: Vec::new(),
            used: Vec::new(),
            settings: Vec::new(),
            reports: Vec::new(),
            tenants: Vec::new(),
            outcomes: Vec::new(),
            domains: Domains::default(),
            suggested: Domains::default(),
            counting: Counting::default(),
        };
        let files = files_with(&self.files, &r.incoming);
        let deliveries = sum_deliveries(&files);
        let joins = files.iter().any(|f| !matches!(f.content, Content::Nothing | Content::Deliveries(_)));
        if !joins {
            r.deliveries = deliveries;
            return r;
        }
        // Exchange Server protocol sessions first, so tracking records in any file can use them.
        let sessions: Vec<Session> = files
            .iter()
            .flat_map(|f| match &f.content {
                Content::Sessions(s) => s.clone(),
                _ => Vec::new(),
            })
            .collect();
        let by_id: std::collections::HashMap<&str, usize> = sessions.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let mut used = vec![false; sessions.len()];
        let mut tracked = Vec::new();
        let (mut settings, mut reports, mut tenants) = (Vec::new(), Vec::new(), Vec::new());
        for file in &files {
            match &file.content {
                Content::Tracking(list) => {
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
                    tracked.push(Arc::new(Records::from_messages(&records)));
                }
                Content::Messages { tenants: t, .. } => tenants.extend(t.iter().cloned()),
                Content::Connectors(list) => settings.extend(list.iter().cloned()),
                Content::TlsReports(list) => reports.extend(list.iter().cloned()),
                _ => {}
            }
        }
        drop(files);
        r.combined = Some(Aggregate::clone(&deliveries));
        r.deliveries = deliveries;
        r.phase = Phase::Join { file: 0, tracked: 0, adding: Adding::default() };
        (r.sessions, r.used, r.tracked, r.settings, r.reports, r.tenants) = (sessions, used, tracked, settings, reports, tenants);
        r
    }

    /// Does up to about `budget` records' worth of a rebuild; true when it is done.
    pub fn step(&self, r: &mut Rebuild, budget: usize) -> bool {
        let files = files_with(&self.files, &r.incoming);
        match std::mem::replace(&mut r.phase, Phase::Done) {
            Phase::Join { mut file, mut tracked, mut adding } => {
                while let Some(f) = files.get(file) {
                    let (kind, records) = match &f.content {
                        Content::Messages { kind, records, .. } => (*kind, records),
                        Content::Tracking(_) => match r.tracked.get(tracked) {
                            Some(records) => (SourceKind::Tracking, records),
                            None => break,
                        },
                        _ => {
                            file += 1;
                            continue;
                        }
                    };
                    if r.store.add_some(kind, records, &mut adding, budget) {
                        r.outcomes.push((file, adding.outcome));
                        tracked += usize::from(kind == SourceKind::Tracking);
                        (file, adding) = (file + 1, Adding::default());
                    }
                    r.phase = Phase::Join { file, tracked, adding };
                    return false;
                }
                r.phase = Phase::Suggest;
                false
            }
            Phase::Suggest => {
                let (known, any) = r.store.domain_counts();
                r.suggested = suggest(r.tenants.iter().map(String::as_str), known, any);
                r.domains = self.user_domains.clone().unwrap_or_else(|| r.suggested.clone());
                r.phase = Phase::Count;
                false
            }
            Phase::Count => {
                let Some(combined) = r.combined.as_mut() else { return true };
                if !r.store.count_some(&r.domains, combined, &mut r.counting, budget) {
                    r.phase = Phase::Count;
                    return false;
                }
                // Protocol sessions no tracking record claimed still count their recipients.
                for (s, _) in r.sessions.iter().zip(&r.used).filter(|(_, u)| !**u) {
                    let (Some(time), Some(direction)) = (s.time, s.direction) else { continue };
                    if s.recipients == 0 {
                        continue;
                    }
                    combined.add(&Delivery {
                        auth: crate::security::Auth::Unknown,
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
                for s in &r.settings {
                    combined.set_connector_info(&s.name, s.connector_type, s.forced_tls);
                }
                r.phase = Phase::Freeze;
                false
            }
            Phase::Freeze => {
                // Packed as a file read by a worker is: every view then walks sorted blocks
                // instead of sorting the cells counted here again (about 10 ms per view for a
                // million records in Chromium).
                if let Some(combined) = r.combined.as_mut() {
                    combined.freeze();
                }
                true
            }
            Phase::Done => true,
        }
    }

    /// Puts a finished rebuild in place (with its incoming file). When the workspace changed
    /// since it was prepared (a file removed, other domains), the incoming file is added again
    /// in one go instead.
    pub fn commit(&mut self, mut r: Rebuild) {
        if r.generation != self.generation {
            match r.incoming.take() {
                Some((loaded, Some(index))) => self.replace(index, loaded),
                Some((loaded, None)) => self.add(loaded),
                None => self.rebuild(),
            }
            return;
        }
        while !self.step(&mut r, usize::MAX) {}
        self.install(r);
    }

    fn install(&mut self, mut r: Rebuild) {
        match r.incoming.take() {
            Some((loaded, Some(index))) if index < self.files.len() => self.files[index] = loaded,
            Some((loaded, _)) => self.files.push(loaded),
            None => {}
        }
        for (i, outcome) in &r.outcomes {
            if let Some(f) = self.files.get_mut(*i) {
                f.report.duplicates = outcome.duplicates;
                f.report.joined = outcome.joined;
            }
        }
        self.deliveries = r.deliveries;
        self.suggested = if r.combined.is_some() { r.suggested } else { Domains::default() };
        self.placed = r.counting.placed;
        self.tls_reports = if r.combined.is_some() { summarise(&r.reports) } else { Summary::default() };
        self.combined = r.combined;
        self.generation += 1;
    }
}

/// The sum of the files of counted deliveries: the one file itself, or their counts added.
fn sum_deliveries(files: &[&Loaded]) -> Arc<Aggregate> {
    let mut all = files.iter().filter_map(|f| match &f.content {
        Content::Deliveries(agg) => Some(agg),
        _ => None,
    });
    let Some(first) = all.next() else { return Arc::default() };
    let mut sum = Arc::clone(first);
    for agg in all {
        add_later(&mut sum, agg);
    }
    sum
}

/// Adds the counts of a file that came later to a sum, from whichever side costs less: taking a
/// small aggregate into a large one leaves most of the large one's cells as they are, the other
/// way round re-sorts all of them (the result is the same: [`Aggregate::merge_before`]). A sum
/// that is still some file's own aggregate is copied first.
fn add_later(sum: &mut Arc<Aggregate>, later: &Aggregate) {
    if later.cell_count() > sum.cell_count() {
        let mut all = later.clone();
        all.merge_before(sum);
        *sum = Arc::new(all);
    } else {
        Arc::make_mut(sum).merge_from(later);
    }
}

/// A rebuild of the joins in progress (see [`Workspace::prepare`]).
pub struct Rebuild {
    incoming: Option<(Loaded, Option<usize>)>,
    generation: u64,
    deliveries: Arc<Aggregate>,
    phase: Phase,
    /// `None`: no file joins (the views read the deliveries alone).
    combined: Option<Aggregate>,
    store: MessageStore,
    tracked: Vec<Arc<Records>>,
    sessions: Vec<Session>,
    used: Vec<bool>,
    settings: Vec<ConnectorSetting>,
    reports: Vec<TlsReport>,
    tenants: Vec<String>,
    outcomes: Vec<(usize, AddOutcome)>,
    domains: Domains,
    suggested: Domains,
    counting: Counting,
}

enum Phase {
    /// Adding the records of file `file` (the `tracked`-th tracking log's, for those).
    Join { file: usize, tracked: usize, adding: Adding },
    /// Suggesting your domains.
    Suggest,
    /// Counting the records into the aggregate.
    Count,
    /// Packing the aggregate's partner cells for reading.
    Freeze,
    Done,
}

impl Rebuild {
    /// How many cells the report will hold once this rebuild is committed (see
    /// [`Aggregate::cell_count`]).
    pub fn cell_count(&self) -> usize {
        self.combined.as_ref().unwrap_or(&self.deliveries).cell_count()
    }

    /// The summary of the file being added or put in place.
    pub fn incoming_report(&self) -> Option<&FileReport> {
        self.incoming.as_ref().map(|(l, _)| &l.report)
    }
}

/// The files as they will be: the workspace's, with the incoming one in place.
fn files_with<'a>(current: &'a [Loaded], incoming: &'a Option<(Loaded, Option<usize>)>) -> Vec<&'a Loaded> {
    let mut files: Vec<&Loaded> = current.iter().collect();
    match incoming {
        Some((loaded, Some(index))) if *index < files.len() => files[*index] = loaded,
        Some((loaded, _)) => files.push(loaded),
        None => {}
    }
    files
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

    #[test]
    fn a_large_file_after_a_small_one_is_the_base_of_the_sum() {
        // Taking a large aggregate into a small one gives every partner cell of the large one
        // the small one's ids and sorts them again (80 ms for the 256 MB partners CSV natively,
        // in one task of the page's main thread); the other way round leaves them as they are.
        let small = csv(&[("2026-03-20", "TLS 1.2", "mx.z.example"), ("2026-03-04", "No TLS", "mx7.example")]);
        let days: Vec<String> = (1..=28).map(|d| format!("2026-02-{d:02}")).collect();
        let hosts: Vec<String> = (0..40).map(|h| format!("mx{h}.example")).collect();
        let rows: Vec<(&str, &str, &str)> = (0..600).map(|i| (days[i % 28].as_str(), ["TLS 1.2", "TLS 1.0", "No TLS"][i % 3], hosts[(i * 7) % 40].as_str())).collect();
        let large = csv(&rows);
        let (Content::Deliveries(s), Content::Deliveries(l)) = (&small.content, &large.content) else { panic!("counted") };
        let mut ws = Workspace::new();
        ws.add(small.clone());
        ws.add(large.clone());
        assert_eq!(ws.agg().partner_list().get(..l.partner_list().len()), Some(l.partner_list()), "the large file's partners keep their ids");
        let mut in_order = Aggregate::clone(s);
        in_order.merge_from(l);
        assert_eq!(crate::summary::summary_csv(ws.agg(), true), crate::summary::summary_csv(&in_order, true));
        assert_eq!(ws.agg().partner_servers("mx7.example"), in_order.partner_servers("mx7.example"));
        ws.rebuild();
        assert_eq!(crate::summary::summary_csv(ws.agg(), true), crate::summary::summary_csv(&in_order, true), "rebuilt the same way");
    }

    fn fixture(name: &str) -> Loaded {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        load_bytes(name, &std::fs::read(path).unwrap())
    }

    fn joined_state(ws: &Workspace) -> String {
        let reports: Vec<(u64, u64)> = ws.files.iter().map(|f| (f.report.duplicates, f.report.joined)).collect();
        let agg = ws.agg();
        let f = agg.span().map(|(a, b)| Filter::window(a, b));
        let partners = f.as_ref().map(|f| [Direction::Inbound, Direction::Outbound].map(|d| agg.partners(f, d, None)));
        format!("{} {:?} {:?} {:?} {:?} {partners:?}", everything(ws), reports, ws.placed, ws.suggested, ws.tls_reports)
    }

    #[test]
    fn a_rebuild_in_small_steps_equals_one_in_one_go() {
        let files = ["exo/enhanced-summary.csv", "exo/trace-detail-de.csv", "exo/extended-report.csv", "exo/message-trace-ps7.csv", "logs/MSGTRK20250304-1.LOG", "logs/SEND20250304-1.LOG", "exo/outbound-connectors.csv", "exo/enhanced-summary.csv"];
        let mut at_once = Workspace::new();
        let mut stepped = Workspace::new();
        for name in files {
            at_once.add(fixture(name));
            let loaded = fixture(name);
            assert!(stepped.rebuilds_for(&loaded), "{name} joins");
            let mut r = stepped.prepare(Some((loaded, None)));
            let mut steps = 0;
            while !stepped.step(&mut r, 1) {
                steps += 1;
            }
            assert_eq!(stepped.reports().len(), at_once.reports().len() - 1, "nothing shows before the commit");
            stepped.commit(r);
            assert_eq!(joined_state(&stepped), joined_state(&at_once), "after {name} ({steps} steps)");
        }
        assert!(at_once.files.iter().any(|f| f.report.duplicates > 0), "the second enhanced summary is all duplicates");
        // Put in place of the first file, in steps.
        let mut r = stepped.prepare(Some((fixture("exo/message-trace-summary.csv"), Some(0))));
        while !stepped.step(&mut r, 3) {}
        stepped.commit(r);
        at_once.replace(0, fixture("exo/message-trace-summary.csv"));
        assert_eq!(joined_state(&stepped), joined_state(&at_once));
    }

    #[test]
    fn joined_exports_are_packed_for_reading() {
        // Every view walks the partner cells; left in the map they were counted into, each
        // reading sorted them again.
        for steps in [2, usize::MAX] {
            let ws = Workspace::new();
            let mut r = ws.prepare(Some((fixture("exo/enhanced-summary.csv"), None)));
            while !ws.step(&mut r, steps) {}
            let mut ws = ws;
            ws.commit(r);
            assert!(!ws.agg().partner_list().is_empty(), "the export has partners");
            assert!(ws.agg().is_frozen(), "steps of {steps}");
        }
    }

    #[test]
    fn a_rebuild_prepared_before_a_change_is_not_put_in_place() {
        let mut ws = Workspace::new();
        ws.add(fixture("exo/enhanced-summary.csv"));
        ws.add(fixture("exo/trace-detail-de.csv"));
        let mut r = ws.prepare(Some((fixture("exo/extended-report.csv"), None)));
        while !ws.step(&mut r, 2) {}
        ws.remove(0); // the user removes a file while the page was adding another
        ws.commit(r);
        let mut expected = Workspace::new();
        expected.add(fixture("exo/trace-detail-de.csv"));
        expected.add(fixture("exo/extended-report.csv"));
        assert_eq!(joined_state(&ws), joined_state(&expected));
    }
}
