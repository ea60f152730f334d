//! The Partners view's rows: each remote partner behind a filter with its inbound and outbound
//! counts (TLS values and verification), the first and last day it was seen and its volume in the
//! previous period of the same length; sorting, searching, CSV; one partner's days and connectors;
//! and the partners to call, ranked by what fixing each would change in the shares the insights check.

use chrono::{Duration, NaiveDate};
use rustc_hash::FxHashMap as HashMap;

use crate::aggregate::{Aggregate, DirCounts, Filter, TlsCounts};
use crate::export::field;
use crate::insights::Thresholds;
use crate::model::Direction;
use crate::security::Level;
use crate::tls::Tls;

/// One partner in the Partners view.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerRow {
    /// The remote domain (else host, else IP) as the source named it: untrusted text.
    pub name: String,
    /// Inbound deliveries in the window.
    pub inbound: TlsCounts,
    /// Outbound deliveries in the window.
    pub outbound: TlsCounts,
    /// The first and last day with mail to or from it (in any direction, over any connector),
    /// over everything loaded.
    pub first: NaiveDate,
    /// See `first`.
    pub last: NaiveDate,
    /// Its deliveries in the period of the same length just before the window.
    pub previous: u64,
}

impl PartnerRow {
    /// Both directions added up.
    pub fn all(&self) -> TlsCounts {
        let mut c = self.inbound;
        c.add_all(&self.outbound);
        c
    }

    /// Change of volume against the previous period, in percent; `None` when it had none then.
    pub fn change(&self) -> Option<f64> {
        (self.previous > 0).then(|| (self.all().total() as f64 - self.previous as f64) * 100.0 / self.previous as f64)
    }

    /// True when it was first seen inside the window and the data reaches back before the window
    /// (when the window starts with the data, every partner would be new).
    pub fn is_new(&self, agg: &Aggregate, f: &Filter) -> bool {
        self.first >= f.from && agg.span().is_some_and(|(first, _)| first < f.from)
    }
}

/// Every partner with mail in the filter's window, largest volume first.
pub fn rows(agg: &Aggregate, f: &Filter) -> Vec<PartnerRow> {
    let names = agg.partner_list();
    let before = crate::trend::previous_period(f);
    #[derive(Clone, Default)]
    struct Seen {
        now: DirCounts,
        previous: u64,
    }
    let mut seen = vec![Seen::default(); names.len()];
    // The window and the period before it only: a slice of the sorted cells per direction and
    // connector, however long the data.
    // `for_each`, not `for`: the cells are walked in one loop (see `Aggregate::partner_cells_between`).
    agg.partner_cells_between(f, before.from, f.to).for_each(|(day, dir, _, p, counts)| {
        let Some(s) = seen.get_mut(p as usize) else { return };
        if day >= f.from && day <= f.to {
            match dir {
                Direction::Inbound => s.now.inbound.add_all(&counts),
                Direction::Outbound => s.now.outbound.add_all(&counts),
                Direction::IntraOrg => {}
            }
        } else if day >= before.from && day <= before.to {
            s.previous = s.previous.saturating_add(counts.total());
        }
    });
    let mut out: Vec<PartnerRow> = seen
        .into_iter()
        .zip(names)
        .enumerate()
        .filter(|(_, (s, _))| s.now.inbound.total() > 0 || s.now.outbound.total() > 0)
        .filter_map(|(id, (s, name))| {
            let (first, last) = agg.partner_days(id as u32)?;
            Some(PartnerRow { name: name.clone(), inbound: s.now.inbound, outbound: s.now.outbound, first, last, previous: s.previous })
        })
        .collect();
    sort(&mut out, SortKey::Total, true);
    out
}

/// What the Partners table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The partner's name.
    Name,
    /// Inbound messages.
    Inbound,
    /// Outbound messages.
    Outbound,
    /// All messages.
    Total,
    /// Share of TLS 1.2 and newer (of known TLS).
    Modern,
    /// Messages without TLS.
    NoTls,
    /// Messages with TLS 1.0 or 1.1.
    Old,
    /// Share of verified messages (of all).
    Verified,
    /// First day seen.
    First,
    /// Last day seen.
    Last,
    /// Change against the previous period.
    Change,
}

impl SortKey {
    /// Every key, in the table's column order.
    pub const ALL: [SortKey; 11] = [
        SortKey::Name,
        SortKey::Inbound,
        SortKey::Outbound,
        SortKey::Total,
        SortKey::Modern,
        SortKey::NoTls,
        SortKey::Old,
        SortKey::Verified,
        SortKey::First,
        SortKey::Last,
        SortKey::Change,
    ];
}

/// Sorts rows by a key (a missing share or change sorts as the smallest), then by name.
pub fn sort(rows: &mut [PartnerRow], key: SortKey, descending: bool) {
    let num = |r: &PartnerRow| -> f64 {
        let all = r.all();
        match key {
            SortKey::Name | SortKey::First | SortKey::Last => 0.0,
            SortKey::Inbound => r.inbound.total() as f64,
            SortKey::Outbound => r.outbound.total() as f64,
            SortKey::Total => all.total() as f64,
            SortKey::Modern => all.modern_share().unwrap_or(-1.0),
            SortKey::NoTls => all.get(Tls::None) as f64,
            SortKey::Old => (all.get(Tls::V1_0) + all.get(Tls::V1_1)) as f64,
            SortKey::Verified => all.level_share(Level::Verified).unwrap_or(-1.0),
            SortKey::Change => r.change().unwrap_or(f64::NEG_INFINITY),
        }
    };
    rows.sort_by(|a, b| {
        let order = match key {
            SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortKey::First => a.first.cmp(&b.first),
            SortKey::Last => a.last.cmp(&b.last),
            _ => num(a).total_cmp(&num(b)),
        };
        let order = if descending { order.reverse() } else { order };
        order.then_with(|| a.name.cmp(&b.name))
    });
}

/// The rows whose name holds `query` (any case; spaces around it ignored); all for an empty one.
pub fn search<'a>(rows: &'a [PartnerRow], query: &str) -> Vec<&'a PartnerRow> {
    let q = crate::text::trim(query).to_lowercase();
    rows.iter().filter(|r| q.is_empty() || r.name.to_lowercase().contains(&q)).collect()
}

/// The header of [`csv`], exactly.
pub const CSV_HEADER: &str = "Partner,Inbound,Outbound,Total,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Unknown,Verified,Not verified,First seen,Last seen,Previous period";

/// The rows as CSV, in the order given: counts over both directions, days as YYYY-MM-DD.
pub fn csv(rows: &[&PartnerRow]) -> String {
    let mut out = String::with_capacity(96 * (rows.len() + 1));
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for r in rows {
        let all = r.all();
        out.push_str(&format!("{},{},{},{}", field(&r.name), r.inbound.total(), r.outbound.total(), all.total()));
        for tls in Tls::ALL {
            out.push_str(&format!(",{}", all.get(tls)));
        }
        out.push_str(&format!(
            ",{},{},{},{},{}\r\n",
            all.level(Level::Verified),
            all.level(Level::Encrypted),
            r.first.format("%Y-%m-%d"),
            r.last.format("%Y-%m-%d"),
            r.previous
        ));
    }
    out
}

/// One partner's days in the window (one entry per day) and the connectors its mail used there
/// (`None`: without a connector) with their messages, most first.
pub fn detail(agg: &Aggregate, f: &Filter, name: &str) -> (Vec<(NaiveDate, DirCounts)>, Vec<(Direction, Option<String>, u64)>) {
    let Some(id) = agg.partner_list().iter().position(|p| p == name) else { return (Vec::new(), Vec::new()) };
    let mut days: Vec<(NaiveDate, DirCounts)> = (0..f.days()).map(|i| (f.from + Duration::days(i), DirCounts::default())).collect();
    let mut conns: Vec<(Direction, u32, u64)> = Vec::new();
    agg.partner_cells_between(f, f.from, f.to).filter(|cell| cell.3 as usize == id).for_each(|(day, dir, c, _, counts)| {
        if let Some((_, slot)) = usize::try_from((day - f.from).num_days()).ok().and_then(|i| days.get_mut(i)) {
            match dir {
                Direction::Inbound => slot.inbound.add_all(&counts),
                Direction::Outbound => slot.outbound.add_all(&counts),
                Direction::IntraOrg => {}
            }
        }
        match conns.iter_mut().find(|(d, k, _)| *d == dir && *k == c) {
            Some(e) => e.2 = e.2.saturating_add(counts.total()),
            None => conns.push((dir, c, counts.total())),
        }
    });
    let list = agg.connector_list();
    let mut named: Vec<(Direction, Option<String>, u64)> =
        conns.into_iter().map(|(d, c, n)| (d, c.checked_sub(1).and_then(|i| list.get(i as usize)).map(|i| i.name.clone()), n)).collect();
    named.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (a.0, &a.1).cmp(&(b.0, &b.1))));
    (days, named)
}

/// A partner worth a call: fixing its TLS (No TLS, TLS 1.0 and 1.1 becoming TLS 1.2 or newer)
/// would change the shares an insight checks in one direction and connector by this much.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// The partner.
    pub name: String,
    /// The direction and connector (`None`: without a connector) whose shares it moves most.
    pub direction: Direction,
    /// See `direction`.
    pub connector: Option<String>,
    /// Its messages there without TLS, with TLS 1.0, with TLS 1.1.
    pub weak: [u64; 3],
    /// The No TLS share there now and after the fix, in percent of known TLS.
    pub no_tls: (f64, f64),
    /// The TLS 1.0 share there now and after the fix.
    pub tls10: (f64, f64),
    /// The TLS 1.2-and-newer share there now and after the fix.
    pub modern: (f64, f64),
    /// The insights the fix would clear there (their share falls to the threshold or below).
    pub clears: Vec<crate::insights::InsightKind>,
}

/// The partners to call, best first: for each partner, the direction and connector where fixing
/// it moves the TLS 1.2-and-newer share most; ranked by insights cleared, then by those points.
pub fn to_call(agg: &Aggregate, f: &Filter, th: &Thresholds, limit: usize) -> Vec<Call> {
    use crate::insights::InsightKind;
    // Each partner's best call so far, and where it is in `best` by partner id.
    let mut best: Vec<(u32, Call)> = Vec::new();
    let mut at: HashMap<u32, usize> = HashMap::default();
    for (direction, info, group) in agg.by_connector(f) {
        let known = group.known();
        // Without weak TLS in the group no partner in it has any: its cells are not read.
        if known == 0 || [Tls::None, Tls::V1_0, Tls::V1_1].iter().all(|t| group.get(*t) == 0) {
            continue;
        }
        let pct = |n: u64| n as f64 * 100.0 / known as f64;
        let connector = info.map(|i| i.name.clone());
        for (id, c) in agg.partner_counts(f, direction, connector.as_deref()) {
            let weak = [c.get(Tls::None), c.get(Tls::V1_0), c.get(Tls::V1_1)];
            if weak.iter().all(|n| *n == 0) {
                continue;
            }
            let none = (pct(group.get(Tls::None)), pct(group.get(Tls::None) - weak[0]));
            let tls10 = (pct(group.get(Tls::V1_0)), pct(group.get(Tls::V1_0) - weak[1]));
            let now = group.modern_share().unwrap_or(0.0);
            let modern = (now, now + pct(weak.iter().sum()));
            let mut clears = Vec::new();
            if known >= th.min_volume {
                if none.0 > th.no_tls_over && none.1 <= th.no_tls_over {
                    clears.push(InsightKind::NoTlsOver);
                }
                if tls10.0 > th.tls10_over && tls10.1 <= th.tls10_over {
                    clears.push(InsightKind::Tls10Over);
                }
            }
            let rank = |clears: &[InsightKind], modern: (f64, f64)| (clears.len(), modern.1 - modern.0);
            let slot = at.get(&id).copied();
            if let Some((_, b)) = slot.and_then(|i| best.get(i)) {
                if rank(&clears, modern) <= rank(&b.clears, b.modern) {
                    continue;
                }
            }
            let Some(name) = agg.partner_name(id) else { continue };
            let call = Call { name: name.to_string(), direction, connector: connector.clone(), weak, no_tls: none, tls10, modern, clears };
            match slot.and_then(|i| best.get_mut(i)) {
                Some(b) => b.1 = call,
                None => {
                    at.insert(id, best.len());
                    best.push((id, call));
                }
            }
        }
    }
    best.sort_by(|(ia, a), (ib, b)| {
        (b.clears.len(), b.modern.1 - b.modern.0)
            .partial_cmp(&(a.clears.len(), a.modern.1 - a.modern.0))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| agg.name_place(*ia).cmp(&agg.name_place(*ib)))
    });
    let mut best: Vec<Call> = best.into_iter().map(|(_, c)| c).collect();
    best.truncate(limit);
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::ConnectorFilter;
    use crate::model::Delivery;
    use crate::security::Auth;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    /// Days 1..=14; the window is days 8..=14, the previous period days 1..=7.
    fn fixture() -> Aggregate {
        let mut a = Aggregate::new();
        let mut add = |d: u32, direction, connector, partner, tls, auth, count| {
            a.add(&Delivery {
                time: day(d).and_hms_opt(9, 0, 0).unwrap(),
                direction,
                connector,
                connector_type: None,
                forced_tls: None,
                tls,
                auth,
                remote_host: None,
                remote_ip: None,
                remote_domain: Some(partner),
                count,
            });
        };
        use Direction::*;
        add(2, Inbound, None, "fabrikam.com", Tls::V1_2, Auth::Verified, 10);
        add(9, Inbound, None, "fabrikam.com", Tls::V1_2, Auth::Verified, 12);
        add(10, Outbound, Some("Relay"), "fabrikam.com", Tls::V1_3, Auth::Unverified, 3);
        add(11, Outbound, Some("Relay"), "legacy.example", Tls::None, Auth::Unknown, 30);
        add(11, Outbound, Some("Relay"), "legacy.example", Tls::V1_0, Auth::Unknown, 5);
        add(12, Outbound, Some("Relay"), "good.example", Tls::V1_2, Auth::Unknown, 65);
        add(13, Inbound, None, "new.example", Tls::V1_1, Auth::Unknown, 4);
        add(1, Inbound, None, "gone.example", Tls::V1_2, Auth::Unknown, 9);
        a
    }

    fn window() -> Filter {
        Filter::window(day(8), day(14))
    }

    #[test]
    fn rows_count_each_partner_with_its_span_and_previous_period() {
        let a = fixture();
        let rows = rows(&a, &window());
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["good.example", "legacy.example", "fabrikam.com", "new.example"], "largest first; gone.example had no mail in the window");
        let fab = &rows[2];
        assert_eq!((fab.inbound.total(), fab.outbound.total(), fab.previous), (12, 3, 10));
        assert_eq!((fab.first, fab.last), (day(2), day(10)));
        assert_eq!(rows[1].first, day(11), "first seen over everything loaded");
        assert_eq!(fab.change(), Some(50.0));
        assert_eq!(fab.all().level(Level::Verified), 12);
        assert!(rows[3].is_new(&a, &window()) && !fab.is_new(&a, &window()));
        let all = Filter::window(day(1), day(14));
        assert!(super::rows(&a, &all).iter().all(|r| !r.is_new(&a, &all)), "a window that starts with the data calls nobody new");
        assert_eq!(rows[3].change(), None);
        let mut f = window();
        f.connector = ConnectorFilter::Named("Relay".into());
        assert_eq!(super::rows(&a, &f).len(), 3, "the filter's connector only");
        let back = crate::workspace::aggregate_of(crate::load::load_bytes("s.csv", crate::summary::summary_csv(&a, true).as_bytes())).1;
        assert_eq!(super::rows(&back, &window()), rows, "a summary gives the same rows, first and last days included");
        let mut merged = Aggregate::new();
        merged.merge_from(&a);
        assert_eq!(super::rows(&merged, &window()), rows, "merging keeps first and last days");
    }

    #[test]
    fn sorting_searching_and_csv() {
        let a = fixture();
        let mut rows = rows(&a, &window());
        sort(&mut rows, SortKey::NoTls, true);
        assert_eq!(rows[0].name, "legacy.example");
        sort(&mut rows, SortKey::Name, false);
        assert_eq!(rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["fabrikam.com", "good.example", "legacy.example", "new.example"]);
        sort(&mut rows, SortKey::Change, true);
        assert_eq!(rows[0].name, "fabrikam.com", "the only one with a previous period");
        let found = search(&rows, " LEGACY ");
        assert_eq!(found.len(), 1);
        let text = csv(&found);
        assert_eq!(text, format!("{CSV_HEADER}\r\nlegacy.example,0,35,35,30,5,0,0,0,0,0,0,2026-03-11,2026-03-11,0\r\n"));
        assert_eq!(search(&rows, "").len(), 4);
    }

    #[test]
    fn one_partners_days_and_connectors() {
        let a = fixture();
        let (days, conns) = detail(&a, &window(), "fabrikam.com");
        assert_eq!(days.len(), 7);
        assert_eq!((days[1].1.inbound.total(), days[2].1.outbound.total()), (12, 3));
        assert_eq!(conns, [(Direction::Inbound, None, 12), (Direction::Outbound, Some("Relay".to_string()), 3)]);
        assert_eq!(detail(&a, &window(), "nobody").0.len(), 0);
    }

    #[test]
    fn partners_to_call_are_ranked_by_what_their_fix_changes() {
        let a = fixture();
        let calls = to_call(&a, &window(), &Thresholds::default(), 10);
        // Relay outbound: 103 known, 30 No TLS (29.1%, over 25%), 5 TLS 1.0.
        let first = &calls[0];
        assert_eq!((first.name.as_str(), first.direction, first.connector.as_deref()), ("legacy.example", Direction::Outbound, Some("Relay")));
        assert_eq!(first.weak, [30, 5, 0]);
        assert!((first.no_tls.0 - 3000.0 / 103.0).abs() < 1e-9 && first.no_tls.1 == 0.0);
        assert_eq!(first.clears, [crate::insights::InsightKind::NoTlsOver]);
        assert!((first.modern.1 - 100.0).abs() < 1e-9);
        // new.example: its group (inbound, no connector) is under the minimum volume: no insight to clear.
        assert_eq!(calls[1].name, "new.example");
        assert!(calls[1].clears.is_empty());
        assert_eq!(calls.len(), 2, "partners with only TLS 1.2+ are not called");
    }

    /// 50,000 partners with weak TLS in two connectors: each partner's best call is kept (the
    /// connector where its fix moves the share most), and finding it does not compare every
    /// partner with every call so far (which took about 24 s here in a debug build, against half a
    /// second with the map).
    #[test]
    fn thousands_of_partners_to_call_are_found_by_id_not_by_scanning() {
        let mut a = Aggregate::new();
        const N: u32 = 50_000;
        for i in 0..N {
            let partner = format!("partner{i}.example");
            for (connector, tls, count) in [("Relay", Tls::None, 1 + u64::from(i % 3)), ("Smart host", Tls::V1_0, 2)] {
                a.add(&Delivery {
                    time: day(9).and_hms_opt(9, 0, 0).unwrap(),
                    direction: Direction::Outbound,
                    connector: Some(connector),
                    connector_type: None,
                    forced_tls: None,
                    tls,
                    auth: Auth::Unknown,
                    remote_host: None,
                    remote_ip: None,
                    remote_domain: Some(&partner),
                    count,
                });
            }
        }
        let started = std::time::Instant::now();
        let calls = to_call(&a, &window(), &Thresholds::default(), N as usize);
        let took = started.elapsed();
        assert_eq!(calls.len(), N as usize, "one call per partner");
        // Both groups hold 60,000 deliveries, so the fix that moves the share most is where the
        // partner sends more weak mail: Relay (3) when i % 3 == 2, Smart host (2 against 1) when
        // i % 3 == 0, and on a tie (2 and 2) the first group looked at, Relay, stays.
        for c in &calls {
            let i: u32 = c.name.trim_start_matches("partner").trim_end_matches(".example").parse().unwrap();
            let want = if i % 3 == 0 { "Smart host" } else { "Relay" };
            assert_eq!(c.connector.as_deref(), Some(want), "{}", c.name);
        }
        assert!(took < std::time::Duration::from_secs(5), "{took:?} for {N} partners");
    }
}
