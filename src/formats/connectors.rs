//! Connector settings exported with `Get-InboundConnector | Export-Csv` and
//! `Get-OutboundConnector | Export-Csv`: they fill the report's Connector type (Partner,
//! OnPremises) and Forced TLS (inbound `RequireTls`; outbound `TlsSettings` set).

use crate::lang::Msg;
use crate::formats::table::{self, header_key, Dialect};
use crate::formats::ParseStats;
use crate::model::{ConnectorType, Direction};

/// One connector's settings.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ConnectorSetting {
    /// The connector's name, as traces name it.
    pub name: String,
    /// Inbound (`Get-InboundConnector`) or outbound (`Get-OutboundConnector`).
    pub direction: Direction,
    /// Partner or OnPremises.
    pub connector_type: Option<ConnectorType>,
    /// Inbound: `RequireTls` is True. Outbound: `TlsSettings` is set.
    pub forced_tls: Option<bool>,
}

/// Where the columns are, and which cmdlet wrote the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    direction: Direction,
    name: usize,
    connector_type: Option<usize>,
    tls: Option<usize>,
}

/// Recognises a connector settings export: a `Name` column plus `ConnectorType` and an inbound
/// (`RequireTls`, `SenderDomains`, `SenderIPAddresses`) or outbound (`TlsSettings`,
/// `RecipientDomains`, `SmartHosts`) column.
#[inline(never)] // see detect::detect
pub fn recognise(header: &[String]) -> Option<Layout> {
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let find = |a: &[&str]| table::find(&keys, a);
    let name = find(&["name", "identity"])?;
    let connector_type = Some(find(&["connectortype"])?);
    let tls_settings = find(&["tlssettings"]);
    if tls_settings.is_some() || find(&["recipientdomains", "smarthosts", "usemxrecord"]).is_some() {
        return Some(Layout { direction: Direction::Outbound, name, connector_type, tls: tls_settings });
    }
    if find(&["requiretls", "senderdomains", "senderipaddresses"]).is_some() {
        return Some(Layout { direction: Direction::Inbound, name, connector_type, tls: find(&["requiretls"]) });
    }
    None
}

/// Reads the settings rows.
pub fn parse(text: &str, dialect: &Dialect, layout: &Layout) -> (Vec<ConnectorSetting>, ParseStats) {
    let mut stats = ParseStats::default();
    let mut out = Vec::new();
    table::for_each_row(text, dialect, &mut stats, |line, record, stats| {
        let name = record.get(layout.name).unwrap_or("").trim();
        if name.is_empty() {
            stats.skip(line.get(), Msg::ConnectorNoName);
            return;
        }
        let tls = layout.tls.and_then(|i| record.get(i)).unwrap_or("").trim();
        let forced_tls = match (layout.direction, layout.tls) {
            (_, None) => None,
            (Direction::Inbound, Some(_)) => match tls.to_ascii_lowercase().as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            (_, Some(_)) => Some(!tls.is_empty() && !tls.eq_ignore_ascii_case("$null")),
        };
        out.push(ConnectorSetting {
            name: name.to_string(),
            direction: layout.direction,
            connector_type: layout.connector_type.and_then(|i| record.get(i)).and_then(ConnectorType::parse),
            forced_tls,
        });
        stats.deliveries += 1;
    });
    (out, stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> Vec<ConnectorSetting> {
        let text = std::fs::read_to_string(path).unwrap();
        let d = table::sniff(&text).unwrap();
        let layout = recognise(&table::header_fields(&text, &d)).expect("recognised");
        parse(&text, &d, &layout).0
    }

    #[test]
    fn inbound_and_outbound_settings() {
        let inbound = read("tests/fixtures/exo/inbound-connectors.csv");
        assert_eq!(inbound.len(), 2);
        assert_eq!(inbound[0], ConnectorSetting {
            name: "Fabrikam Partner Inbound".into(),
            direction: Direction::Inbound,
            connector_type: Some(ConnectorType::Partner),
            forced_tls: Some(true),
        });
        assert_eq!((inbound[1].connector_type, inbound[1].forced_tls), (Some(ConnectorType::OnPremises), Some(false)));
        let outbound = read("tests/fixtures/exo/outbound-connectors.csv");
        assert_eq!(outbound.iter().map(|c| (c.direction, c.forced_tls)).collect::<Vec<_>>(),
            vec![(Direction::Outbound, Some(true)), (Direction::Outbound, Some(false))]);
    }

    #[test]
    fn other_csvs_are_not_settings() {
        let h = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        assert!(recognise(&h("Name,Age")).is_none());
        assert!(recognise(&h("date,direction,connector,tls")).is_none());
    }
}
