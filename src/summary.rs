//! A summary: everything an aggregate counted, written as Mailflow's own long CSV with counts
//! (docs/format.md), one row per day, direction, connector, partner and TLS value. Loading it
//! gives back the same aggregate: the same widget, flyout, report, insights and export as the
//! files it was made from. Rows add up, so summaries of many servers or days merge by loading
//! them together (or by appending one's rows to another).

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;

use crate::aggregate::{Aggregate, TlsCounts};
use crate::export::field;
use crate::model::Direction;
use crate::security::Auth;
use crate::tls::Tls;

/// The summary's header, exactly. The partner the insights name (the remote domain, else the
/// host, else the IP address) is written in `remote_domain`; `verification` says whether the
/// remote server was verified on the row's TLS sessions (empty: the source did not say).
pub const HEADER: &str = "date,direction,connector,connector_type,forced_tls,tls,count,remote_domain,verification";

/// One row, by ranks: day, direction, the connector's rank in name order (0: none), the
/// partner's rank in name order plus one (0: deliveries whose partner the source did not name),
/// the TLS value, the verification, and the count. Sorting the ranks sorts the rows by name.
type Row = (NaiveDate, Direction, u32, u32, Tls, Auth, u64);

/// Ranks by name: `ranks[id]` is the place of `names[id]` in sorted order, plus `offset`.
fn ranks<'a>(names: impl ExactSizeIterator<Item = &'a str>, offset: u32) -> Vec<u32> {
    let mut order: Vec<(usize, &str)> = names.enumerate().collect();
    order.sort_unstable_by(|a, b| a.1.cmp(b.1));
    let mut out = vec![0; order.len()];
    for (rank, (id, _)) in order.into_iter().enumerate() {
        out[id] = rank as u32 + offset;
    }
    out
}

/// Writes `agg` as a summary: the header (when `header` is true), then the rows sorted by day,
/// direction, connector, partner and TLS value, so that the same counts always give the same
/// bytes however they were read (one file or many, one core or several, in any order).
pub fn summary_csv(agg: &Aggregate, header: bool) -> String {
    let connectors = agg.connector_list();
    let partners = agg.partner_list();
    // Connector id k (1-based) → rank + 1 in name order; 0 stays "without a connector".
    let conn_rank: Vec<u32> = std::iter::once(0).chain(ranks(connectors.iter().map(|c| c.name.as_str()), 1)).collect();
    let partner_rank = ranks(partners.iter().map(String::as_str), 1);
    let mut conn_by_rank = vec![0usize; conn_rank.len()];
    for (id, rank) in conn_rank.iter().enumerate() {
        conn_by_rank[*rank as usize] = id;
    }
    let mut partner_by_rank = vec![0usize; partner_rank.len() + 1];
    for (id, rank) in partner_rank.iter().enumerate() {
        partner_by_rank[*rank as usize] = id;
    }

    let mut rows: Vec<Row> = Vec::new();
    // What the partner cells of each day, direction and connector hold; the rest of that cell's
    // counts had no partner.
    let mut named: HashMap<(NaiveDate, Direction, u32), TlsCounts> = HashMap::default();
    for (day, direction, c, p, counts) in agg.partner_cells() {
        named.entry((day, direction, c)).or_default().add_all(&counts);
        let (c, p) = (conn_rank.get(c as usize).copied().unwrap_or(0), partner_rank.get(p as usize).copied().unwrap_or(0));
        push_counts(&mut rows, (day, direction, c, p), &counts);
    }
    for (day, direction, c, counts) in agg.cells() {
        let partners = named.get(&(day, direction, c)).copied().unwrap_or_default();
        let mut rest = TlsCounts::default();
        for tls in Tls::ALL {
            rest.add(tls, counts.get(tls).saturating_sub(partners.get(tls)));
        }
        for (r, (all, named)) in rest.1.iter_mut().zip(counts.1.iter().zip(partners.1)) {
            *r = all.saturating_sub(named);
        }
        push_counts(&mut rows, (day, direction, conn_rank.get(c as usize).copied().unwrap_or(0), 0), &rest);
    }
    rows.sort_unstable();

    // Each connector's cells, written once: name, type, forced TLS.
    let conn_text: Vec<String> = conn_by_rank
        .iter()
        .map(|&id| match id.checked_sub(1).and_then(|i| connectors.get(i)) {
            None => ",,".to_string(),
            Some(c) => format!(
                "{},{},{}",
                field(&c.name),
                c.connector_type.map(|t| t.label()).unwrap_or(""),
                match c.forced_tls {
                    Some(true) => "True",
                    Some(false) => "False",
                    None => "",
                }
            ),
        })
        .collect();
    let mut out = String::with_capacity(48 * (rows.len() + 1));
    if header {
        out.push_str(HEADER);
        out.push_str("\r\n");
    }
    let mut day_text = (None, String::new());
    for &(day, direction, c, p, tls, auth, count) in &rows {
        if day_text.0 != Some(day) {
            day_text = (Some(day), format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()));
        }
        out.push_str(&day_text.1);
        out.push(',');
        out.push_str(direction.label());
        out.push(',');
        out.push_str(conn_text.get(c as usize).map_or(",,", String::as_str));
        out.push(',');
        out.push_str(tls.label());
        let _ = write!(out, ",{count},");
        if p > 0 {
            if let Some(name) = partner_by_rank.get(p as usize).and_then(|&id| partners.get(id)) {
                if name.starts_with(['=', '+', '-', '@']) || name.contains([',', '"', '\n', '\r']) {
                    out.push_str(&field(name));
                } else {
                    out.push_str(name);
                }
            }
        }
        out.push(',');
        out.push_str(auth.label());
        out.push_str("\r\n");
    }
    out
}

fn push_counts(rows: &mut Vec<Row>, (day, direction, c, p): (NaiveDate, Direction, u32, u32), counts: &TlsCounts) {
    for (tls, auth, count) in counts.by_tls_and_auth() {
        rows.push((day, direction, c, p, tls, auth, count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Filter;
    use crate::load::{load_bytes, Content};
    use crate::model::{ConnectorType, Delivery};
    use crate::security::Auth;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn sample() -> Aggregate {
        let mut a = Aggregate::new();
        let base = Delivery {
            auth: Auth::Verified,
            time: day(4).and_hms_opt(23, 0, 0).unwrap(),
            direction: Direction::Outbound,
            connector: Some("=Relay, \"East\""),
            connector_type: Some(ConnectorType::Partner),
            forced_tls: Some(false),
            tls: Tls::V1_2,
            remote_host: Some("mx.fabrikam.com"),
            remote_ip: None,
            remote_domain: Some("-fabrikam.com"),
            count: 5,
        };
        a.add(&base);
        a.add(&Delivery { auth: Auth::Unverified, count: 4, ..base });
        a.add(&Delivery { tls: Tls::None, count: 2, remote_domain: None, ..base });
        a.add(&Delivery { tls: Tls::None, count: 3, remote_domain: None, remote_host: None, ..base });
        a.add(&Delivery { connector: None, connector_type: None, forced_tls: None, direction: Direction::Inbound, tls: Tls::Unknown, count: 1, time: day(2).and_hms_opt(1, 0, 0).unwrap(), ..base });
        a.add(&Delivery { direction: Direction::IntraOrg, connector: None, tls: Tls::V1_3, count: u64::from(u32::MAX) + 7, remote_host: None, remote_domain: None, remote_ip: Some("192.0.2.1"), ..base });
        a
    }

    fn back(csv: &str) -> Aggregate {
        let loaded = load_bytes("summary.csv", csv.as_bytes());
        assert_eq!(loaded.report.error, None);
        assert_eq!(loaded.report.stats.skipped, 0, "{:?}", loaded.report.stats.skips);
        match loaded.content {
            Content::Deliveries(a) => Aggregate::clone(&a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rows_are_exact_and_sorted() {
        let csv = summary_csv(&sample(), true);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines,
            [
                HEADER,
                "2026-03-02,Inbound,,,,Unknown,1,'-fabrikam.com,Verified",
                "2026-03-04,Outbound,\"'=Relay, \"\"East\"\"\",Partner,False,No TLS,3,,",
                "2026-03-04,Outbound,\"'=Relay, \"\"East\"\"\",Partner,False,TLS 1.2,5,'-fabrikam.com,Verified",
                "2026-03-04,Outbound,\"'=Relay, \"\"East\"\"\",Partner,False,TLS 1.2,4,'-fabrikam.com,Not verified",
                "2026-03-04,Outbound,\"'=Relay, \"\"East\"\"\",Partner,False,No TLS,2,mx.fabrikam.com,",
                "2026-03-04,Intra-org,,,,TLS 1.3,4294967302,192.0.2.1,Verified",
                "",
            ]
        );
        assert!(!summary_csv(&sample(), false).starts_with(HEADER), "rows only, for appending");
    }

    #[test]
    fn loads_back_to_the_same_counts_partners_and_connectors() {
        let a = sample();
        let b = back(&summary_csv(&a, true));
        let f = Filter::window(day(1), day(31));
        assert_eq!(b.details(&f), a.details(&f));
        for dir in Direction::ALL {
            for conn in [None, Some("=Relay, \"East\"")] {
                assert_eq!(b.partners(&f, dir, conn), a.partners(&f, dir, conn), "{dir:?} {conn:?}");
            }
        }
        assert_eq!(b.connector("=Relay, \"East\"").map(|c| (c.connector_type, c.forced_tls)), Some((Some(ConnectorType::Partner), Some(false))));
        assert_eq!(summary_csv(&b, true), summary_csv(&a, true), "a summary of a summary is itself");
    }

    #[test]
    fn summaries_add_up() {
        let a = sample();
        let twice = format!("{}{}", summary_csv(&a, true), summary_csv(&a, false));
        let mut doubled = a.clone();
        doubled.merge_from(&a);
        assert_eq!(summary_csv(&back(&twice), true), summary_csv(&doubled, true));
    }
}
