//! The connector report's insights: "No TLS is over 25%" and "TLS 1.0 is above 50%" per connector
//! and for mail without a connector, each with the remote partners behind it; the same shares
//! "getting worse" (under the threshold in the first half of the window, over it in the second);
//! and "new without TLS" (partners, or a connector, first seen in the window with mail without TLS).

use chrono::Duration;

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
    /// The No TLS share was at or under its threshold in the first half of the window and is
    /// over it in the second.
    NoTlsRising,
    /// The same for TLS 1.0.
    Tls10Rising,
    /// Partners (or a connector) first seen in the window, with mail without TLS.
    NewWithoutTls,
}

impl InsightKind {
    /// The TLS value the insight is about.
    pub fn tls(self) -> Tls {
        match self {
            InsightKind::NoTlsOver | InsightKind::NoTlsRising | InsightKind::NewWithoutTls => Tls::None,
            InsightKind::Tls10Over | InsightKind::Tls10Rising => Tls::V1_0,
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
    /// For a share getting worse: the share in the first half of the window.
    pub before: Option<f64>,
    /// For new mail without TLS: the connector itself was first seen in the window.
    pub new_connector: bool,
}

impl Insight {
    /// The title, as Microsoft's report words it: "No TLS is over 25%" / "TLS 1.0 is above 50%".
    pub fn title(&self, lang: Lang) -> String {
        let msg = match self.kind {
            InsightKind::NoTlsOver => Msg::NoTlsOver,
            InsightKind::Tls10Over => Msg::Tls10Over,
            InsightKind::NoTlsRising => Msg::NoTlsRising,
            InsightKind::Tls10Rising => Msg::Tls10Rising,
            InsightKind::NewWithoutTls => return lang.t(Msg::NewWithoutTls).to_string(),
        };
        lang.fill(msg, &[&lang.threshold(self.threshold)])
    }

    /// What else the insight says: the share in each half of the window (getting worse), or that
    /// the connector itself is new.
    pub fn detail(&self, lang: Lang) -> Option<String> {
        match self.kind {
            InsightKind::NoTlsRising | InsightKind::Tls10Rising => {
                Some(lang.fill(Msg::RisingHalves, &[&lang.percent(self.before), &lang.percent(Some(self.share))]))
            }
            InsightKind::NewWithoutTls if self.new_connector => Some(lang.t(Msg::NewConnector).to_string()),
            _ => None,
        }
    }

    /// What the insight means and what to do about it.
    pub fn advice(&self, lang: Lang) -> &'static str {
        lang.t(match (self.kind, self.direction) {
            (InsightKind::NoTlsOver, Direction::Inbound) => Msg::NoTlsInboundAdvice,
            (InsightKind::NoTlsOver, _) => Msg::NoTlsOutboundAdvice,
            (InsightKind::Tls10Over, Direction::Inbound) => Msg::Tls10InboundAdvice,
            (InsightKind::Tls10Over, _) => Msg::Tls10OutboundAdvice,
            (InsightKind::NoTlsRising | InsightKind::Tls10Rising, _) => Msg::RisingAdvice,
            (InsightKind::NewWithoutTls, _) => Msg::NewAdvice,
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
            let partners = behind(agg, f, direction, connector.as_deref(), kind.tls());
            out.push(Insight {
                kind,
                direction,
                connector,
                share,
                threshold,
                count: counts.get(kind.tls()),
                known,
                partners,
                before: None,
                new_connector: false,
            });
        }
    }
    rising(agg, f, th, &mut out);
    new_without_tls(agg, f, &mut out);
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| (a.direction, &a.connector, a.kind as u8).cmp(&(b.direction, &b.connector, b.kind as u8))));
    out
}

/// The partners behind a group with mail of `tls`, most first.
fn behind(agg: &Aggregate, f: &Filter, direction: Direction, connector: Option<&str>, tls: Tls) -> Vec<(String, u64)> {
    behind_where(agg, f, direction, connector, tls, |_| true)
}

/// The partners behind a group with mail of `tls` that `keep` keeps, most first (the others
/// are left out before their names are copied and sorted).
fn behind_where(agg: &Aggregate, f: &Filter, direction: Direction, connector: Option<&str>, tls: Tls, keep: impl Fn(&str) -> bool) -> Vec<(String, u64)> {
    let mut partners: Vec<(u32, u64)> = agg
        .partner_counts(f, direction, connector)
        .into_iter()
        .map(|(p, c)| (p, c.get(tls)))
        .filter(|(p, n)| *n > 0 && agg.partner_name(*p).is_some_and(&keep))
        .collect();
    agg.sort_partners(&mut partners, |n| *n);
    partners.into_iter().filter_map(|(p, n)| Some((agg.partner_name(p)?.to_string(), n))).collect()
}

/// "Getting worse": a share at or under its threshold in the first half of the window and over it
/// in the second (each half with at least the minimum volume of known TLS).
fn rising(agg: &Aggregate, f: &Filter, th: &Thresholds, out: &mut Vec<Insight>) {
    if f.days() < 2 {
        return;
    }
    let mid = f.from + Duration::days(f.days() / 2);
    let (first, second) = (Filter { to: mid - Duration::days(1), ..f.clone() }, Filter { from: mid, ..f.clone() });
    let before = agg.by_connector(&first);
    for (direction, info, now) in agg.by_connector(&second) {
        let name = info.map(|i| i.name.clone());
        let Some((_, _, then)) = before.iter().find(|(d, i, _)| *d == direction && i.map(|i| &i.name) == name.as_ref()) else { continue };
        if now.known() < th.min_volume || then.known() < th.min_volume {
            continue;
        }
        for (kind, threshold) in [(InsightKind::NoTlsRising, th.no_tls_over), (InsightKind::Tls10Rising, th.tls10_over)] {
            let (Some(a), Some(b)) = (then.share(kind.tls()), now.share(kind.tls())) else { continue };
            if a > threshold || b <= threshold {
                continue;
            }
            out.push(Insight {
                kind,
                direction,
                connector: name.clone(),
                share: b,
                threshold,
                count: now.get(kind.tls()),
                known: now.known(),
                partners: behind(agg, &second, direction, name.as_deref(), kind.tls()),
                before: Some(a),
                new_connector: false,
            });
        }
    }
}

/// "New without TLS": partners first seen in the window (over everything loaded) with mail
/// without TLS there, and connectors first seen in the window with such mail. Only when the data
/// reaches before the window (otherwise everything would be new).
fn new_without_tls(agg: &Aggregate, f: &Filter, out: &mut Vec<Insight>) {
    if agg.span().is_none_or(|(first, _)| first >= f.from) {
        return;
    }
    let firsts = agg.connector_first_days();
    for (direction, info, counts) in agg.by_connector(f) {
        let name = info.map(|i| i.name.clone());
        let new_connector = info
            .and_then(|i| agg.connector_list().iter().position(|c| c.name == i.name))
            .and_then(|i| firsts.get(i + 1).copied().flatten())
            .is_some_and(|d| d >= f.from);
        let partners = behind_where(agg, f, direction, name.as_deref(), Tls::None, |p| new_connector || agg.partner_first_day(p).is_some_and(|d| d >= f.from));
        let count = if new_connector { counts.get(Tls::None) } else { partners.iter().map(|(_, n)| *n).sum() };
        if count == 0 {
            continue;
        }
        out.push(Insight {
            kind: InsightKind::NewWithoutTls,
            direction,
            connector: name,
            share: count as f64 * 100.0 / counts.known().max(1) as f64,
            threshold: 0.0,
            count,
            known: counts.known(),
            partners,
            before: None,
            new_connector,
        });
    }
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

    /// Days 1..=14 on Relay (outbound): good.example 100 a day with TLS 1.2; from day 11,
    /// newco.example 60 a day without TLS.
    fn worsening() -> Aggregate {
        let mut a = Aggregate::new();
        for d in 1..=14u32 {
            let at = NaiveDate::from_ymd_opt(2026, 3, d).unwrap().and_hms_opt(9, 0, 0).unwrap();
            let base = Delivery { connector: Some("Relay"), remote_domain: Some("good.example"), count: 100, ..Delivery::at(at) };
            a.add(&base);
            if d >= 11 {
                a.add(&Delivery { tls: Tls::None, remote_domain: Some("newco.example"), count: 60, ..base });
            }
            if d >= 12 {
                a.add(&Delivery { connector: Some("Fresh"), tls: Tls::None, remote_domain: Some("good.example"), count: 5, ..base });
            }
        }
        a
    }

    #[test]
    fn a_share_getting_worse_and_new_partners_without_tls() {
        let a = worsening();
        let d = |n| NaiveDate::from_ymd_opt(2026, 3, n).unwrap();
        let got = find(&a, &Filter::window(d(8), d(14)), &Thresholds::default());
        let kinds: Vec<(InsightKind, Option<&str>)> = got.iter().map(|i| (i.kind, i.connector.as_deref())).collect();
        // Relay over the week: 240 of 940 = 25.5% (over); halves 8-10 and 11-14: 0% then 37.5%.
        assert_eq!(kinds, [
            (InsightKind::NoTlsOver, Some("Relay")),
            (InsightKind::NoTlsRising, Some("Relay")),
            (InsightKind::NewWithoutTls, Some("Relay")),
            (InsightKind::NewWithoutTls, Some("Fresh")),
        ]);
        let rising = &got[1];
        assert_eq!((rising.before, rising.count, rising.known), (Some(0.0), 240, 640));
        assert_eq!(rising.title(Lang::En), "No TLS rose past 25%");
        assert_eq!(rising.detail(Lang::En).as_deref(), Some("0.0% in the first half of these days, 37.5% in the second."));
        let new = &got[2];
        assert_eq!((new.partners.clone(), new.new_connector), (vec![("newco.example".to_string(), 240)], false));
        assert_eq!(new.title(Lang::En), "New without TLS");
        let fresh = &got[3];
        assert!(fresh.new_connector, "Fresh is first seen on day 12");
        assert_eq!((fresh.count, fresh.partners.clone()), (15, vec![("good.example".to_string(), 15)]), "a new connector's partners, though seen before");
        assert_eq!(fresh.detail(Lang::En).as_deref(), Some("The connector itself is new in these days."));

        // A window that starts with the data: nothing is new; one that sees no change: nothing rises.
        let all = find(&a, &Filter::window(d(1), d(14)), &Thresholds::default());
        assert!(all.iter().all(|i| i.kind != InsightKind::NewWithoutTls), "{all:#?}");
        let late = find(&a, &Filter::window(d(11), d(14)), &Thresholds::default());
        assert!(late.iter().all(|i| i.kind != InsightKind::NoTlsRising));
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
