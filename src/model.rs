//! The data model every parser produces and every view consumes: one delivery is one message to one
//! recipient, with its UTC time, direction, connector, TLS version and the remote partner when known.

use chrono::NaiveDateTime;

use crate::security::Auth;
use crate::tls::Tls;

/// A value lower-cased without spaces, hyphens or underscores, for matching spellings.
fn compact(text: &str) -> String {
    crate::text::trim(text).chars().filter(|c| !matches!(c, '-' | '_' | ' ')).map(|c| c.to_ascii_lowercase()).collect()
}

/// Which way a delivery crossed the organisation's boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    /// From outside into the organisation.
    Inbound,
    /// From the organisation to outside.
    Outbound,
    /// Both sender and recipient inside the organisation; counted, but kept out of TLS views.
    IntraOrg,
}

impl Direction {
    /// Every direction, in display order.
    pub const ALL: [Direction; 3] = [Direction::Inbound, Direction::Outbound, Direction::IntraOrg];

    /// The label used in tables and in Mailflow's CSV (`Inbound`, `Outbound`, `Intra-org`).
    pub fn label(self) -> &'static str {
        match self {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
            Direction::IntraOrg => "Intra-org",
        }
    }

    /// Parses the spellings found in exports: `Inbound`, `in`, `Incoming`, `1`, `Outbound`, `out`,
    /// `Originating`, `Outgoing`, `2`, `Intra-org`, `IntraOrg`, `intra_org`, `internal` (case-insensitive).
    pub fn parse(text: &str) -> Option<Direction> {
        for d in Direction::ALL {
            if text == d.label() {
                return Some(d);
            }
        }
        match compact(text).as_str() {
            "inbound" | "in" | "incoming" | "1" | "received" => Some(Direction::Inbound),
            "outbound" | "out" | "originating" | "outgoing" | "2" | "sent" => Some(Direction::Outbound),
            "intraorg" | "internal" | "intra" => Some(Direction::IntraOrg),
            _ => None,
        }
    }
}

/// The kind of a connector, as Exchange Online's connector settings name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum ConnectorType {
    /// A connector to or from a partner organisation.
    Partner,
    /// A connector to or from the organisation's own on-premises servers.
    OnPremises,
}

impl ConnectorType {
    /// The label shown in the details table and written to exports.
    pub fn label(self) -> &'static str {
        match self {
            ConnectorType::Partner => "Partner",
            ConnectorType::OnPremises => "OnPremises",
        }
    }

    /// Parses `Partner`, `OnPremises`, `On-premises`, `on premises` (case-insensitive).
    pub fn parse(text: &str) -> Option<ConnectorType> {
        if text.is_empty() {
            return None;
        }
        match compact(text).as_str() {
            "partner" => Some(ConnectorType::Partner),
            "onpremises" | "onprem" | "onpremise" => Some(ConnectorType::OnPremises),
            _ => None,
        }
    }
}

/// One delivery (or `count` identical deliveries) as a parser hands it to the aggregate.
///
/// Text fields borrow from the parser's current record so that no row allocates; the aggregate
/// interns what it keeps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delivery<'a> {
    /// When the message was received or sent, in UTC.
    pub time: NaiveDateTime,
    /// Which way it went.
    pub direction: Direction,
    /// The connector's name; `None` is mail to or from the internet without a connector.
    pub connector: Option<&'a str>,
    /// Partner or on-premises, when a source says so.
    pub connector_type: Option<ConnectorType>,
    /// Whether the connector forces TLS, when a source says so.
    pub forced_tls: Option<bool>,
    /// The TLS version the connection used.
    pub tls: Tls,
    /// Whether the TLS session checked the remote server's certificate, when the source says.
    pub auth: Auth,
    /// The remote server's host name, when known.
    pub remote_host: Option<&'a str>,
    /// The remote server's IP address, when known.
    pub remote_ip: Option<&'a str>,
    /// The remote organisation's domain, when known.
    pub remote_domain: Option<&'a str>,
    /// How many deliveries this record stands for (1 for per-message sources).
    pub count: u64,
}

#[cfg(test)]
impl Delivery<'static> {
    /// A delivery for tests: one outbound message at `time` over TLS 1.2, with nothing else said.
    pub fn at(time: NaiveDateTime) -> Delivery<'static> {
        Delivery {
            time,
            direction: Direction::Outbound,
            connector: None,
            connector_type: None,
            forced_tls: None,
            tls: Tls::V1_2,
            auth: Auth::Unknown,
            remote_host: None,
            remote_ip: None,
            remote_domain: None,
            count: 1,
        }
    }
}

impl<'a> Delivery<'a> {
    /// The partner to name in insights: the remote domain, else the host, else the IP.
    pub fn partner(&self) -> Option<&'a str> {
        [self.remote_domain, self.remote_host, self.remote_ip].into_iter().flatten().find(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_spellings() {
        for s in ["Inbound", "in", "Incoming", "1", " INBOUND "] {
            assert_eq!(Direction::parse(s), Some(Direction::Inbound), "{s}");
        }
        for s in ["Outbound", "out", "Originating", "Outgoing", "2"] {
            assert_eq!(Direction::parse(s), Some(Direction::Outbound), "{s}");
        }
        for s in ["Intra-org", "IntraOrg", "intra_org", "internal"] {
            assert_eq!(Direction::parse(s), Some(Direction::IntraOrg), "{s}");
        }
        assert_eq!(Direction::parse("sideways"), None);
        assert_eq!(Direction::parse(""), None);
    }

    #[test]
    fn connector_type_spellings() {
        assert_eq!(ConnectorType::parse("Partner"), Some(ConnectorType::Partner));
        assert_eq!(ConnectorType::parse("OnPremises"), Some(ConnectorType::OnPremises));
        assert_eq!(ConnectorType::parse("on-premises"), Some(ConnectorType::OnPremises));
        assert_eq!(ConnectorType::parse("cloud"), None);
    }

    #[test]
    fn partner_prefers_domain_then_host_then_ip() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let mut d = Delivery { auth: crate::security::Auth::Unknown,
            time: t,
            direction: Direction::Inbound,
            connector: None,
            connector_type: None,
            forced_tls: None,
            tls: Tls::V1_2,
            remote_host: Some("mx.fabrikam.com"),
            remote_ip: Some("203.0.113.10"),
            remote_domain: Some("fabrikam.com"),
            count: 1,
        };
        assert_eq!(d.partner(), Some("fabrikam.com"));
        d.remote_domain = None;
        assert_eq!(d.partner(), Some("mx.fabrikam.com"));
        d.remote_host = Some("");
        assert_eq!(d.partner(), Some("203.0.113.10"));
        d.remote_ip = None;
        assert_eq!(d.partner(), None);
    }
}
