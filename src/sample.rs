//! The bundled sample: a deterministic generator of a realistic month of mail flow in Mailflow's
//! CSV format, with named connectors (partner and on-premises, both directions), mail without a
//! connector, every TLS version, a weekday/weekend rhythm, remote partners, and two connectors
//! built to trip the "No TLS is over 25%" and "TLS 1.0 is above 50%" insights.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::aggregate::TlsCounts;
use crate::model::{ConnectorType, Direction};
use crate::security::Auth;
use crate::tls::Tls;

/// The last day of the bundled sample.
pub const SAMPLE_END: (i32, u32, u32) = (2026, 11, 20);
/// How many days the bundled sample covers.
pub const SAMPLE_DAYS: u32 = 30;
/// The seed of the bundled sample.
pub const SAMPLE_SEED: u64 = 0x6d61_696c_666c_6f77;

/// A remote partner: domain, host and IP (documentation ranges only).
struct Partner {
    domain: &'static str,
    host: &'static str,
    ip: &'static str,
    weight: u32,
}

/// One stream of mail: a direction and connector with its weekday volume, TLS mix and partners.
struct Profile {
    direction: Direction,
    connector: Option<&'static str>,
    connector_type: Option<ConnectorType>,
    forced_tls: Option<bool>,
    weekday_volume: u32,
    /// Per-mille shares in [`Tls::ALL`] order.
    tls_mix: [u32; 6],
    /// Per-mille shares of the encrypted mail that was verified, not verified, and not said.
    checked: [u32; 3],
    partners: &'static [Partner],
}

const INTERNET_IN: &[Partner] = &[
    Partner { domain: "adatum.com", host: "mail.adatum.com", ip: "198.51.100.20", weight: 40 },
    Partner { domain: "litwareinc.com", host: "mx1.litwareinc.com", ip: "198.51.100.31", weight: 25 },
    Partner { domain: "tailspintoys.com", host: "smtp.tailspintoys.com", ip: "203.0.113.44", weight: 20 },
    Partner { domain: "oldmail.example", host: "relay.oldmail.example", ip: "192.0.2.77", weight: 15 },
];
const INTERNET_OUT: &[Partner] = &[
    Partner { domain: "adatum.com", host: "mx.adatum.com", ip: "198.51.100.21", weight: 35 },
    Partner { domain: "proseware.com", host: "mx.proseware.com", ip: "203.0.113.61", weight: 30 },
    Partner { domain: "wingtiptoys.com", host: "mail.wingtiptoys.com", ip: "203.0.113.62", weight: 25 },
    Partner { domain: "plainmail.example", host: "mx.plainmail.example", ip: "192.0.2.90", weight: 10 },
];
const ONPREM: &[Partner] = &[
    Partner { domain: "contoso.com", host: "ex01.contoso.com", ip: "203.0.113.5", weight: 60 },
    Partner { domain: "contoso.com", host: "ex02.contoso.com", ip: "203.0.113.6", weight: 40 },
];
const FABRIKAM: &[Partner] = &[Partner { domain: "fabrikam.com", host: "smtp.fabrikam.com", ip: "198.51.100.7", weight: 1 }];
const WOODGROVE: &[Partner] = &[
    Partner { domain: "woodgrovebank.com", host: "mx1.woodgrovebank.com", ip: "198.51.100.50", weight: 70 },
    Partner { domain: "woodgrovebank.com", host: "mx2.woodgrovebank.com", ip: "198.51.100.51", weight: 30 },
];
const LOGISTICS: &[Partner] = &[
    Partner { domain: "northwindtraders.com", host: "mail.northwindtraders.com", ip: "192.0.2.10", weight: 55 },
    Partner { domain: "legacy-logistics.example", host: "gw.legacy-logistics.example", ip: "192.0.2.11", weight: 45 },
];

fn profiles() -> Vec<Profile> {
    use ConnectorType::*;
    use Direction::*;
    vec![
        Profile { direction: Inbound, connector: None, connector_type: None, forced_tls: None, weekday_volume: 1200,
            tls_mix: [30, 8, 7, 345, 610, 0], checked: [120, 700, 180], partners: INTERNET_IN },
        Profile { direction: Outbound, connector: None, connector_type: None, forced_tls: None, weekday_volume: 900,
            tls_mix: [20, 0, 10, 540, 420, 10], checked: [560, 380, 60], partners: INTERNET_OUT },
        Profile { direction: Inbound, connector: Some("Contoso On-Premises Inbound"), connector_type: Some(OnPremises),
            forced_tls: Some(true), weekday_volume: 420, tls_mix: [0, 0, 0, 990, 10, 0], checked: [1000, 0, 0], partners: ONPREM },
        Profile { direction: Outbound, connector: Some("Outbound to Contoso On-Premises"), connector_type: Some(OnPremises),
            forced_tls: Some(true), weekday_volume: 310, tls_mix: [0, 0, 0, 1000, 0, 0], checked: [1000, 0, 0], partners: ONPREM },
        Profile { direction: Inbound, connector: Some("Fabrikam Partner Inbound"), connector_type: Some(Partner),
            forced_tls: Some(true), weekday_volume: 150, tls_mix: [0, 0, 0, 700, 300, 0], checked: [850, 150, 0], partners: FABRIKAM },
        Profile { direction: Outbound, connector: Some("Woodgrove Bank Secure Mail"), connector_type: Some(Partner),
            forced_tls: Some(false), weekday_volume: 120, tls_mix: [0, 620, 0, 380, 0, 0], checked: [0, 1000, 0], partners: WOODGROVE },
        Profile { direction: Outbound, connector: Some("Legacy Logistics Relay"), connector_type: Some(Partner),
            forced_tls: Some(false), weekday_volume: 80, tls_mix: [380, 0, 0, 620, 0, 0], checked: [300, 700, 0], partners: LOGISTICS },
        Profile { direction: IntraOrg, connector: None, connector_type: None, forced_tls: None, weekday_volume: 2000,
            tls_mix: [0, 0, 0, 0, 0, 1000], checked: [0, 0, 1000], partners: &[] },
    ]
}

/// A small deterministic PRNG (SplitMix64), so that the sample (and anything else generated from a
/// seed, such as fuzz inputs) is the same on every machine.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A factor in [1 - spread, 1 + spread].
    fn jitter(&mut self, spread: f64) -> f64 {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        1.0 - spread + 2.0 * spread * unit
    }
}

/// The generated sample and its totals, known by construction.
#[derive(Clone, Debug)]
pub struct Sample {
    /// Mailflow CSV text.
    pub csv: String,
    /// Data rows written.
    pub rows: u64,
    /// Inbound deliveries per TLS value.
    pub inbound: TlsCounts,
    /// Outbound deliveries per TLS value.
    pub outbound: TlsCounts,
    /// Intra-org deliveries.
    pub intra_org: u64,
    /// First and last day.
    pub span: (NaiveDate, NaiveDate),
}

/// Splits `total` over weighted buckets with largest remainders, so that the parts add up exactly.
fn split(total: u64, weights: &[u32]) -> Vec<u64> {
    let sum: u64 = weights.iter().map(|&w| w as u64).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut parts: Vec<u64> = weights.iter().map(|&w| total * w as u64 / sum).collect();
    let mut rest = total - parts.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((total * weights[i] as u64) % sum));
    for &i in order.iter().cycle().take(rest as usize) {
        parts[i] += 1;
        rest -= 1;
    }
    debug_assert_eq!(rest, 0);
    parts
}

/// Generates `days` days of mail flow ending on `end`.
pub fn generate(end: NaiveDate, days: u32, seed: u64) -> Sample {
    let mut rng = SplitMix(seed);
    let start = end - Duration::days(days.saturating_sub(1) as i64);
    let mut csv = String::from("date,direction,connector,connector_type,forced_tls,tls,count,remote_host,remote_ip,remote_domain,verification\n");
    let mut sample = Sample {
        csv: String::new(),
        rows: 0,
        inbound: TlsCounts::default(),
        outbound: TlsCounts::default(),
        intra_org: 0,
        span: (start, end),
    };
    for i in 0..days {
        let day = start + Duration::days(i as i64);
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        for p in profiles() {
            let rhythm = if weekend { 0.22 } else { 1.0 };
            let volume = (p.weekday_volume as f64 * rhythm * rng.jitter(0.15)).round() as u64;
            let by_tls = split(volume, &p.tls_mix);
            for (t, &n) in by_tls.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let tls = Tls::ALL[t];
                let weights: Vec<u32> = p.partners.iter().map(|x| x.weight).collect();
                let parts = if p.partners.is_empty() { vec![n] } else { split(n, &weights) };
                for (j, &m) in parts.iter().enumerate() {
                    if m == 0 {
                        continue;
                    }
                    let (host, ip, domain) = p.partners.get(j).map(|x| (x.host, x.ip, x.domain)).unwrap_or(("", "", ""));
                    let by_auth = if tls == Tls::None { vec![0, 0, m] } else { split(m, &p.checked) };
                    for (auth, &k) in [Auth::Verified, Auth::Unverified, Auth::Unknown].iter().zip(&by_auth) {
                        if k == 0 {
                            continue;
                        }
                        csv.push_str(&format!(
                            "{},{},{},{},{},{},{},{},{},{},{}\n",
                            day.format("%Y-%m-%d"),
                            p.direction.label(),
                            p.connector.unwrap_or(""),
                            p.connector_type.map(|c| c.label()).unwrap_or(""),
                            p.forced_tls.map(|b| if b { "True" } else { "False" }).unwrap_or(""),
                            tls.label(),
                            k,
                            host,
                            ip,
                            domain,
                            auth.label()
                        ));
                        sample.rows += 1;
                        match p.direction {
                            Direction::Inbound => sample.inbound.add_checked(tls, *auth, k),
                            Direction::Outbound => sample.outbound.add_checked(tls, *auth, k),
                            Direction::IntraOrg => sample.intra_org += k,
                        }
                    }
                }
            }
        }
    }
    sample.csv = csv;
    sample
}

/// The bundled sample: [`SAMPLE_DAYS`] days ending on [`SAMPLE_END`].
pub fn bundled() -> Sample {
    let (y, m, d) = SAMPLE_END;
    generate(NaiveDate::from_ymd_opt(y, m, d).expect("valid sample end"), SAMPLE_DAYS, SAMPLE_SEED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{ConnectorFilter, Filter};
    use crate::insights::{find, InsightKind, Thresholds};
    use crate::load::load_bytes;

    #[test]
    fn deterministic() {
        assert_eq!(bundled().csv, bundled().csv);
        assert_ne!(generate(bundled().span.1, 30, 1).csv, bundled().csv);
    }

    #[test]
    fn split_adds_up() {
        assert_eq!(split(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(split(7, &[0, 5, 0]), vec![0, 7, 0]);
        assert_eq!(split(0, &[1, 2]).iter().sum::<u64>(), 0);
        assert_eq!(split(1001, &[30, 8, 7, 345, 610, 0]).iter().sum::<u64>(), 1001);
    }

    #[test]
    fn loads_back_with_its_own_totals() {
        let s = bundled();
        let (report, agg) = crate::workspace::aggregate_of(load_bytes("mailflow-sample.csv", s.csv.as_bytes()));
        assert_eq!(report.error, None);
        assert_eq!(report.stats.skipped, 0);
        assert_eq!(report.stats.rows_read, s.rows);
        assert_eq!(agg.span(), Some(s.span));
        let t = agg.totals(&Filter::window(s.span.0, s.span.1));
        assert_eq!(t.inbound, s.inbound);
        assert_eq!(t.outbound, s.outbound);
        assert_eq!(agg.direction_totals()[2].1, s.intra_org);
        assert_eq!(s.span.1 - s.span.0, Duration::days(29));
    }

    #[test]
    fn has_what_the_report_needs_to_show() {
        let s = bundled();
        let (_, agg) = crate::workspace::aggregate_of(load_bytes("s.csv", s.csv.as_bytes()));
        let mut all = s.inbound;
        all.add_all(&s.outbound);
        for tls in Tls::KNOWN {
            assert!(all.get(tls) > 0, "{tls:?} present");
        }
        let named: Vec<(Direction, &str)> = agg.connectors().iter().map(|(d, c)| (*d, c.name.as_str())).collect();
        assert!(named.len() >= 5);
        assert!(named.iter().any(|(d, _)| *d == Direction::Inbound));
        assert!(named.iter().any(|(d, _)| *d == Direction::Outbound));
        // Weekends are quieter than weekdays.
        let days = agg.daily(&Filter::window(s.span.0, s.span.1));
        let (mut we, mut wd) = (Vec::new(), Vec::new());
        for (d, c) in &days {
            let v = c.inbound.total() + c.outbound.total();
            if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) { we.push(v) } else { wd.push(v) }
        }
        assert!(we.iter().max() < wd.iter().min());
        // Both insights fire on the connectors built for them, and only there.
        let got = find(&agg, &Filter::window(s.span.0, s.span.1), &Thresholds::default());
        let fired: Vec<(InsightKind, Option<&str>)> = got.iter().map(|i| (i.kind, i.connector.as_deref())).collect();
        assert_eq!(
            fired,
            vec![
                (InsightKind::Tls10Over, Some("Woodgrove Bank Secure Mail")),
                (InsightKind::NoTlsOver, Some("Legacy Logistics Relay")),
            ]
        );
        assert!(got[1].partners.iter().any(|(p, _)| p == "legacy-logistics.example"));
        let mut f = Filter::window(s.span.0, s.span.1);
        f.connector = ConnectorFilter::NoConnector;
        assert!(agg.totals(&f).inbound.total() > 0);
    }
}
