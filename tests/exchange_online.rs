//! Exchange Online exports end to end (bytes to aggregate), from fixtures built from the documented
//! columns with counts known by construction: message trace (PowerShell 7 and Windows PowerShell
//! 5.1 with `#TYPE`, semicolons, German dates and Windows-1252), the enhanced summary in UTF-16LE
//! without BOM, the extended report, a German trace detail, connector settings, and their joins.

use mailflow::lang::Msg;
use chrono::NaiveDate;
use mailflow::aggregate::{ConnectorFilter, Filter};
use mailflow::dates::DateOrder;
use mailflow::decode::TextEncoding;
use mailflow::load::{load_bytes, load_with, LoadOptions};
use mailflow::model::{ConnectorType, Direction};
use mailflow::tls::Tls;
use mailflow::workspace::Workspace;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/exo/{name}")).unwrap()
}

fn utf16le_without_bom(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8(bytes.to_vec()).unwrap().encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

fn march(from: u32, to: u32) -> Filter {
    Filter::window(NaiveDate::from_ymd_opt(2025, 3, from).unwrap(), NaiveDate::from_ymd_opt(2025, 3, to).unwrap())
}

fn load(ws: &mut Workspace, name: &str, bytes: Vec<u8>) {
    let loaded = load_bytes(name, &bytes);
    assert_eq!(loaded.report.error, None, "{name}");
    ws.add(loaded);
}

#[test]
fn powershell_7_message_trace_with_domains_suggested() {
    let mut ws = Workspace::new();
    load(&mut ws, "t.csv", fixture("message-trace-ps7.csv"));
    let r = &ws.reports()[0];
    assert_eq!(r.format, Some(Msg::FormatExoTrace));
    assert_eq!((r.stats.rows_read, r.stats.deliveries, r.stats.skipped), (6, 5, 1));
    assert!(r.stats.skips[0].reason.to_string().contains("Expanded"));
    assert_eq!(r.stats.skips[0].line, 5);
    assert_eq!(r.date_order.map(|g| (g.order, g.certain)), Some((DateOrder::MonthFirst, true)));
    assert!(!r.found.tls && !r.found.connector && !r.found.direction);
    let (domains, by_user) = ws.domains();
    assert_eq!((domains.list(), by_user), (&["contoso.com".to_string(), "contoso.onmicrosoft.com".to_string()][..], false));
    let t = ws.agg().totals(&march(1, 31));
    assert_eq!((t.inbound.total(), t.outbound.total()), (2, 2));
    assert_eq!(t.inbound.get(Tls::Unknown), 2, "a message trace does not say which TLS");
    assert_eq!(ws.agg().direction_totals()[2], (Direction::IntraOrg, 1));
    assert_eq!(ws.agg().span(), Some((NaiveDate::from_ymd_opt(2025, 3, 4).unwrap(), NaiveDate::from_ymd_opt(2025, 3, 13).unwrap())));
    // The partner behind inbound mail is the sender's domain.
    let mut f = march(1, 31);
    f.connector = ConnectorFilter::NoConnector;
    let partners: Vec<&str> = ws.agg().partners(&f, Direction::Inbound, None).iter().map(|p| p.0).collect();
    assert_eq!(partners, vec!["gmail.com", "tailspintoys.com"]);
}

#[test]
fn overlapping_exports_count_once_even_in_another_culture_and_encoding() {
    let mut ws = Workspace::new();
    load(&mut ws, "ps7.csv", fixture("message-trace-ps7.csv"));
    load(&mut ws, "ps51.csv", fixture("message-trace-ps51-de.csv"));
    let r = &ws.reports()[1];
    assert_eq!(r.encoding, Some(TextEncoding::Windows1252));
    assert_eq!(r.stats.rows_read, 3);
    assert_eq!(r.duplicates, 2, "two messages were in the first export already");
    assert_eq!(r.date_order.map(|g| (g.order, g.certain)), Some((DateOrder::DayFirst, true)));
    let t = ws.agg().totals(&march(1, 31));
    assert_eq!((t.inbound.total(), t.outbound.total()), (3, 2));
}

#[test]
fn enhanced_summary_in_utf16le_without_bom_counts_each_recipient() {
    let mut ws = Workspace::new();
    load(&mut ws, "enhanced.csv", utf16le_without_bom(&fixture("enhanced-summary.csv")));
    let r = &ws.reports()[0];
    assert_eq!((r.encoding, r.format), (Some(TextEncoding::Utf16Le), Some(Msg::FormatExoEnhanced)));
    assert_eq!((r.stats.rows_read, r.stats.deliveries), (3, 4));
    assert!(r.found.direction && r.found.connector && !r.found.tls);
    let agg = ws.agg();
    let mut f = march(1, 31);
    f.connector = ConnectorFilter::Named("Outbound to Fabrikam".into());
    assert_eq!(agg.totals(&f).outbound.total(), 2, "two recipients in recipient_status");
    f.connector = ConnectorFilter::Named("Fabrikam Partner Inbound".into());
    assert_eq!(agg.totals(&f).inbound.total(), 1, "directionality 1 is inbound");
    f.connector = ConnectorFilter::NoConnector;
    assert_eq!(agg.totals(&f).inbound.total(), 1);
}

#[test]
fn report_joined_with_a_german_detail_export_gives_connector_and_tls() {
    let mut ws = Workspace::new();
    load(&mut ws, "enhanced.csv", fixture("enhanced-summary.csv"));
    load(&mut ws, "detail.csv", fixture("trace-detail-de.csv"));
    let r = &ws.reports()[1];
    assert_eq!(r.format, Some(Msg::FormatExoDetail));
    assert_eq!((r.stats.rows_read, r.stats.deliveries, r.joined, r.duplicates), (8, 4, 4, 0));
    let agg = ws.agg();
    let mut f = march(1, 31);
    f.connector = ConnectorFilter::Named("Outbound to Fabrikam".into());
    assert_eq!(agg.totals(&f).outbound.0, [0, 0, 0, 1, 1, 0], "TLS of the send-external hop");
    f.connector = ConnectorFilter::Named("Fabrikam Partner Inbound".into());
    assert_eq!(agg.totals(&f).inbound.0, [0, 1, 0, 0, 0, 0]);
    f.connector = ConnectorFilter::NoConnector;
    assert_eq!(agg.totals(&f).inbound.0, [0, 0, 0, 1, 0, 0], "TLS of the hop that received it from outside");
    // The same result in the other order of dropping.
    let mut other = Workspace::new();
    load(&mut other, "detail.csv", fixture("trace-detail-de.csv"));
    load(&mut other, "enhanced.csv", fixture("enhanced-summary.csv"));
    assert_eq!(other.agg().details(&march(1, 31)), ws.agg().details(&march(1, 31)));
}

#[test]
fn extended_report_counts_each_message_and_recipient_once() {
    let mut ws = Workspace::new();
    load(&mut ws, "extended.csv", fixture("extended-report.csv"));
    let r = &ws.reports()[0];
    assert_eq!(r.format, Some(Msg::FormatExoExtended));
    assert_eq!((r.stats.rows_read, r.stats.deliveries), (7, 3));
    let agg = ws.agg();
    let mut f = march(6, 6);
    f.connector = ConnectorFilter::Named("Outbound to Fabrikam".into());
    assert_eq!(agg.totals(&f).outbound.0, [0, 0, 0, 0, 2, 0]);
    let partners: Vec<&str> = agg.partners(&f, Direction::Outbound, Some("Outbound to Fabrikam")).iter().map(|p| p.0).collect();
    assert_eq!(partners, vec!["fabrikam.com"]);
    f.connector = ConnectorFilter::NoConnector;
    assert_eq!(agg.totals(&f).inbound.0, [0, 0, 0, 0, 0, 1]);
    assert!(agg.connector("Contoso OnPrem Inbound").is_none() || agg.totals(&Filter { connector: ConnectorFilter::Named("Contoso OnPrem Inbound".into()), ..march(6, 6) }).outbound.total() == 0,
        "the on-premises hop that handed the message to Exchange Online is not its connector");
}

#[test]
fn connector_settings_fill_type_and_forced_tls() {
    let mut ws = Workspace::new();
    load(&mut ws, "in.csv", fixture("inbound-connectors.csv"));
    load(&mut ws, "enhanced.csv", fixture("enhanced-summary.csv"));
    load(&mut ws, "out.csv", fixture("outbound-connectors.csv"));
    assert_eq!(ws.reports()[0].format, Some(Msg::FormatExoConnectors));
    let rows = ws.agg().details(&march(1, 31));
    let fab_in = rows.iter().find(|r| r.connector.as_deref() == Some("Fabrikam Partner Inbound")).unwrap();
    assert_eq!((fab_in.connector_type, fab_in.forced_tls), (Some(ConnectorType::Partner), Some(true)));
    let fab_out = rows.iter().find(|r| r.connector.as_deref() == Some("Outbound to Fabrikam")).unwrap();
    assert_eq!((fab_out.connector_type, fab_out.forced_tls), (Some(ConnectorType::Partner), Some(true)));
    let none = rows.iter().find(|r| r.connector.is_none()).unwrap();
    assert_eq!((none.connector_type, none.forced_tls), (None, None));
}

#[test]
fn your_domains_change_directions_and_the_date_order_can_be_switched() {
    let mut ws = Workspace::new();
    load(&mut ws, "t.csv", fixture("message-trace-ps7.csv"));
    ws.set_domains(Some(mailflow::domains::Domains::parse("fabrikam.com")));
    let t = ws.agg().totals(&march(1, 31));
    // Now only bob@fabrikam.com's message is "ours" (inbound); the rest falls back to IP hints,
    // and the one with neither (contoso to contoso, no IPs) is counted apart, not guessed.
    assert_eq!(t.inbound.get(Tls::Unknown), 3);
    assert_eq!(t.outbound.total(), 1);
    assert_eq!(ws.placed().no_direction, 1);
    ws.set_domains(None);
    assert_eq!(ws.agg().totals(&march(1, 31)).outbound.total(), 2);

    // A German detail export's dates are ambiguous (dd.MM); reading them month-first moves them.
    let detail = fixture("trace-detail-de.csv");
    let first = load_bytes("d.csv", &detail);
    assert_eq!(first.report.date_order.map(|g| (g.order, g.certain)), Some((DateOrder::DayFirst, false)));
    let mut ws = Workspace::new();
    ws.add(first);
    assert_eq!(ws.agg().span().unwrap().0, NaiveDate::from_ymd_opt(2025, 3, 4).unwrap());
    ws.replace(0, load_with("d.csv", &detail, LoadOptions { date_order: Some(DateOrder::MonthFirst), ..Default::default() }));
    assert_eq!(ws.agg().span().unwrap().0, NaiveDate::from_ymd_opt(2025, 4, 3).unwrap());
}

#[test]
fn the_message_trace_pages_summary_export() {
    let mut ws = Workspace::new();
    load(&mut ws, "summary.csv", fixture("message-trace-summary.csv"));
    let r = &ws.reports()[0];
    assert_eq!((r.format, r.stats.deliveries), (Some(Msg::FormatExoTrace), 3));
    assert_eq!(r.date_order, None, "ISO dates need no decision");
    let t = ws.agg().totals(&march(10, 10));
    assert_eq!((t.inbound.total(), t.outbound.total()), (2, 1));
    assert_eq!(ws.domains().0.list(), ["contoso.com"]);
}
