//! A summary: everything an aggregate counted, written as Mailflow's own long CSV with counts
//! (docs/format.md), one row per day, direction, connector, partner and TLS value. Loading it
//! gives back the same aggregate: the same widget, flyout, report, insights and export as the
//! files it was made from. Rows add up, so summaries of many servers or days merge by loading
//! them together (or by appending one's rows to another).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::aggregate::{Aggregate, ConnectorInfo, TlsCounts};
use crate::export::field;
use crate::model::Direction;
use crate::tls::Tls;

/// The summary's header, exactly. The partner the insights name (the remote domain, else the
/// host, else the IP address) is written in `remote_domain`.
pub const HEADER: &str = "date,direction,connector,connector_type,forced_tls,tls,count,remote_domain";

/// One row: counts of one TLS value for a day, direction, connector and partner (`None`: the
/// deliveries whose partner the source did not name).
struct Row<'a> {
    day: NaiveDate,
    direction: Direction,
    connector: Option<&'a ConnectorInfo>,
    partner: Option<&'a str>,
    tls: Tls,
    count: u64,
}

impl Row<'_> {
    fn order(&self) -> (NaiveDate, Direction, Option<&str>, Option<&str>, Tls) {
        (self.day, self.direction, self.connector.map(|c| c.name.as_str()), self.partner, self.tls)
    }
}

/// Writes `agg` as a summary: the header (when `header` is true), then the rows sorted by day,
/// direction, connector, partner and TLS value, so that the same counts always give the same
/// bytes however they were read (one file or many, one core or several, in any order).
pub fn summary_csv(agg: &Aggregate, header: bool) -> String {
    let mut rows: Vec<Row<'_>> = Vec::new();
    // What the partner cells of each day, direction and connector hold; the rest of that cell's
    // counts had no partner.
    let mut named: HashMap<(NaiveDate, Direction, Option<&str>), TlsCounts> = HashMap::new();
    for (day, direction, connector, partner, counts) in agg.partner_cells() {
        named.entry((day, direction, connector.map(|c| c.name.as_str()))).or_default().add_all(&counts);
        push_counts(&mut rows, (day, direction, connector, Some(partner)), &counts);
    }
    for (day, direction, connector, counts) in agg.cells() {
        let partners = named.get(&(day, direction, connector.map(|c| c.name.as_str()))).copied().unwrap_or_default();
        let mut rest = TlsCounts::default();
        for tls in Tls::ALL {
            rest.add(tls, counts.get(tls).saturating_sub(partners.get(tls)));
        }
        push_counts(&mut rows, (day, direction, connector, None), &rest);
    }
    rows.sort_unstable_by(|a, b| a.order().cmp(&b.order()));
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    if header {
        out.push_str(HEADER);
        out.push_str("\r\n");
    }
    for r in &rows {
        let connector = r.connector;
        out.push_str(&r.day.format("%Y-%m-%d").to_string());
        out.push(',');
        out.push_str(r.direction.label());
        out.push(',');
        out.push_str(&field(connector.map(|c| c.name.as_str()).unwrap_or("")));
        out.push(',');
        out.push_str(connector.and_then(|c| c.connector_type).map(|t| t.label()).unwrap_or(""));
        out.push(',');
        out.push_str(match connector.and_then(|c| c.forced_tls) {
            Some(true) => "True",
            Some(false) => "False",
            None => "",
        });
        out.push(',');
        out.push_str(r.tls.label());
        out.push(',');
        out.push_str(&r.count.to_string());
        out.push(',');
        out.push_str(&field(r.partner.unwrap_or("")));
        out.push_str("\r\n");
    }
    out
}

fn push_counts<'a>(rows: &mut Vec<Row<'a>>, (day, direction, connector, partner): (NaiveDate, Direction, Option<&'a ConnectorInfo>, Option<&'a str>), counts: &TlsCounts) {
    for tls in Tls::ALL {
        let count = counts.get(tls);
        if count > 0 {
            rows.push(Row { day, direction, connector, partner, tls, count });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Filter;
    use crate::load::{load_bytes, Content};
    use crate::model::{ConnectorType, Delivery};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn sample() -> Aggregate {
        let mut a = Aggregate::new();
        let base = Delivery {
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
                "2026-03-02,Inbound,,,,Unknown,1,'-fabrikam.com",
                "2026-03-04,Outbound,\"'=Relay, \"\"East\"\"\",Partner,False,No TLS,3,",
                "2026-03-04,Outbound,\"'=Relay, \"\"East\"\"\",Partner,False,TLS 1.2,5,'-fabrikam.com",
                "2026-03-04,Outbound,\"'=Relay, \"\"East\"\"\",Partner,False,No TLS,2,mx.fabrikam.com",
                "2026-03-04,Intra-org,,,,TLS 1.3,4294967302,192.0.2.1",
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
