//! The connector report's insights: "No TLS is over 25%" and "TLS 1.0 is above 50%" per connector
//! and for mail without a connector, each with the remote partners behind it.

use crate::aggregate::{Aggregate, Filter};
use crate::lang::{Lang, Msg};
use crate::model::Direction;
use crate::tls::Tls;

/// Thresholds for the insights. The defaults are Microsoft's, plus a minimum volume.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// "No TLS is over N%" fires above this share of known-TLS deliveries.
    pub no_tls_over: f64,
    /// "TLS 1.0 is above N%" fires above this share of known-TLS deliveries.
    pub tls10_over: f64,
    /// Groups with fewer known-TLS deliveries than this raise nothing.
    pub min_volume: u64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds { no_tls_over: 25.0, tls10_over: 50.0, min_volume: 50 }
    }
}

/// Which insight fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InsightKind {
    /// Too much unencrypted mail.
    NoTlsOver,
    /// Too much mail over TLS 1.0.
    Tls10Over,
}

impl InsightKind {
    /// The TLS value the insight is about.
    pub fn tls(self) -> Tls {
        match self {
            InsightKind::NoTlsOver => Tls::None,
            InsightKind::Tls10Over => Tls::V1_0,
        }
    }
}

/// One insight for one connector (or mail without a connector) in one direction.
#[derive(Clone, Debug, PartialEq)]
pub struct Insight {
    /// Which insight.
    pub kind: InsightKind,
    /// Inbound or outbound.
    pub direction: Direction,
    /// The connector; `None` for mail without a connector.
    pub connector: Option<String>,
    /// The share that tripped it, in percent of known-TLS deliveries.
    pub share: f64,
    /// The threshold it is over.
    pub threshold: f64,
    /// Deliveries with that TLS value.
    pub count: u64,
    /// Deliveries with known TLS in the group.
    pub known: u64,
    /// The partners behind it (remote domain, host or IP) with their deliveries of that TLS value,
    /// largest first; empty when the source does not name partners.
    pub partners: Vec<(String, u64)>,
}

impl Insight {
    /// The title, as Microsoft's report words it: "No TLS is over 25%" / "TLS 1.0 is above 50%".
    pub fn title(&self, lang: Lang) -> String {
        let msg = match self.kind {
            InsightKind::NoTlsOver => Msg::NoTlsOver,
            InsightKind::Tls10Over => Msg::Tls10Over,
        };
        lang.fill(msg, &[&lang.threshold(self.threshold)])
    }

    /// What the insight means and what to do about it.
    pub fn advice(&self, lang: Lang) -> &'static str {
        lang.t(match (self.kind, self.direction) {
            (InsightKind::NoTlsOver, Direction::Inbound) => Msg::NoTlsInboundAdvice,
            (InsightKind::NoTlsOver, _) => Msg::NoTlsOutboundAdvice,
            (InsightKind::Tls10Over, Direction::Inbound) => Msg::Tls10InboundAdvice,
            (InsightKind::Tls10Over, _) => Msg::Tls10OutboundAdvice,
        })
    }
}

/// Finds every insight for the filter's dates, connector and direction, the one that concerns
/// the most deliveries first (then by direction and connector name, so that the order is the
/// same whichever file was loaded first).
pub fn find(agg: &Aggregate, f: &Filter, th: &Thresholds) -> Vec<Insight> {
    let mut out = Vec::new();
    for (direction, info, counts) in agg.by_connector(f) {
        let known = counts.known();
        if known < th.min_volume {
            continue;
        }
        for (kind, threshold) in [(InsightKind::NoTlsOver, th.no_tls_over), (InsightKind::Tls10Over, th.tls10_over)] {
            let Some(share) = counts.share(kind.tls()) else { continue };
            if share <= threshold {
                continue;
            }
            let connector = info.map(|i| i.name.clone());
            let partners = agg
                .partners(f, direction, connector.as_deref())
                .into_iter()
                .map(|(p, c)| (p.to_string(), c.get(kind.tls())))
                .filter(|(_, n)| *n > 0)
                .collect::<Vec<_>>();
            let mut partners = partners;
            partners.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            out.push(Insight {
                kind,
                direction,
                connector,
                share,
                threshold,
                count: counts.get(kind.tls()),
                known,
                partners,
            });
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| (a.direction, &a.connector, a.kind as u8).cmp(&(b.direction, &b.connector, b.kind as u8))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::ConnectorFilter;
    use crate::model::Delivery;
    use chrono::NaiveDate;

    fn add(a: &mut Aggregate, dir: Direction, conn: Option<&str>, tls: Tls, n: u64, partner: Option<&str>) {
        a.add(&Delivery { auth: crate::security::Auth::Unknown,
            time: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap().and_hms_opt(1, 0, 0).unwrap(),
            direction: dir,
            connector: conn,
            connector_type: None,
            forced_tls: None,
            tls,
            remote_host: None,
            remote_ip: None,
            remote_domain: partner,
            count: n,
        });
    }

    fn window() -> Filter {
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        Filter::window(d, d)
    }

    #[test]
    fn thresholds_are_strictly_over_and_of_known_tls() {
        let mut a = Aggregate::new();
        // exactly 25% No TLS: no insight
        add(&mut a, Direction::Inbound, Some("Exact"), Tls::None, 25, None);
        add(&mut a, Direction::Inbound, Some("Exact"), Tls::V1_2, 75, None);
        // 26 of 100 known (plus 900 unknown that must not dilute it): insight
        add(&mut a, Direction::Outbound, Some("Leaky"), Tls::None, 26, Some("legacy.example"));
        add(&mut a, Direction::Outbound, Some("Leaky"), Tls::None, 4, Some("old.example"));
        add(&mut a, Direction::Outbound, Some("Leaky"), Tls::V1_2, 70, Some("good.example"));
        add(&mut a, Direction::Outbound, Some("Leaky"), Tls::Unknown, 900, None);
        // 51% TLS 1.0 without a connector
        add(&mut a, Direction::Inbound, None, Tls::V1_0, 51, Some("mx.old-bank.example"));
        add(&mut a, Direction::Inbound, None, Tls::V1_3, 49, None);
        let got = find(&a, &window(), &Thresholds::default());
        assert_eq!(got.len(), 2, "{got:#?}");
        let tls10 = &got[0];
        assert_eq!((tls10.kind, tls10.direction, tls10.connector.as_deref()), (InsightKind::Tls10Over, Direction::Inbound, None));
        assert_eq!(tls10.title(Lang::En), "TLS 1.0 is above 50%");
        assert_eq!(tls10.title(Lang::De), "TLS 1.0 liegt über 50\u{a0}%");
        assert_eq!(tls10.partners, vec![("mx.old-bank.example".to_string(), 51)]);
        let leaky = &got[1];
        assert_eq!(leaky.title(Lang::En), "No TLS is over 25%");
        assert_eq!((leaky.count, leaky.known), (30, 100));
        assert!((leaky.share - 30.0).abs() < 1e-9);
        assert_eq!(leaky.partners, vec![("legacy.example".to_string(), 26), ("old.example".to_string(), 4)]);
    }

    #[test]
    fn minimum_volume_keeps_three_messages_quiet() {
        let mut a = Aggregate::new();
        add(&mut a, Direction::Inbound, Some("Tiny"), Tls::None, 3, None);
        assert!(find(&a, &window(), &Thresholds::default()).is_empty());
        let th = Thresholds { min_volume: 3, ..Thresholds::default() };
        assert_eq!(find(&a, &window(), &th).len(), 1);
    }

    #[test]
    fn insights_follow_the_connector_filter() {
        let mut a = Aggregate::new();
        add(&mut a, Direction::Inbound, Some("A"), Tls::None, 100, None);
        add(&mut a, Direction::Inbound, Some("B"), Tls::None, 100, None);
        let mut f = window();
        f.connector = ConnectorFilter::Named("B".into());
        let got = find(&a, &f, &Thresholds::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].connector.as_deref(), Some("B"));
    }
}
