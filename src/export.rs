//! "Export details": the details table as CSV, in the wide shape that Mailflow loads back.

use crate::aggregate::DetailRow;
use crate::security::Level;
use crate::tls::Tls;

/// The export's header, exactly.
/// The last two columns count the deliveries with TLS whose remote server was verified and was
/// not; those columns came later than the others, and files without them load as before.
pub const HEADER: &str = "Date,Direction,Connector,Connector type,Forced TLS,Volume,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Unknown,Verified,Not verified";

/// Quotes a field when CSV needs it, and defuses spreadsheet formulas (a cell starting with
/// `=`, `+`, `-`, `@` gets a leading apostrophe) since connector names are untrusted text.
pub(crate) fn field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// Writes the rows (already filtered and sorted by the aggregate) as CSV with [`HEADER`]:
/// counts, not percentages; dates as YYYY-MM-DD in UTC; an empty Connector for mail without one.
pub fn details_csv(rows: &[DetailRow]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    out.push_str(HEADER);
    out.push_str("\r\n");
    for r in rows {
        let volume = r.counts.total();
        out.push_str(&format!(
            "{},{},{},{},{},{}",
            r.date.format("%Y-%m-%d"),
            r.direction.label(),
            field(r.connector.as_deref().unwrap_or("")),
            r.connector_type.map(|t| t.label()).unwrap_or(""),
            r.forced_tls.map(|b| if b { "True" } else { "False" }).unwrap_or(""),
            volume
        ));
        for tls in Tls::ALL {
            out.push_str(&format!(",{}", r.counts.get(tls)));
        }
        for level in [Level::Verified, Level::Encrypted] {
            out.push_str(&format!(",{}", r.counts.level(level)));
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Msg;
    use crate::aggregate::{Aggregate, Filter};
    use crate::load::load_bytes;
    use crate::model::{ConnectorType, Delivery, Direction};
    use crate::security::Auth;
    use chrono::NaiveDate;

    fn fixture() -> Aggregate {
        let mut a = Aggregate::new();
        let base = Delivery {
            auth: Auth::Verified,
            time: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap().and_hms_opt(23, 0, 0).unwrap(),
            direction: Direction::Outbound,
            connector: Some("=HYPERLINK(\"x\"), \"Partner\""),
            connector_type: Some(ConnectorType::Partner),
            forced_tls: Some(true),
            tls: Tls::V1_2,
            remote_host: None,
            remote_ip: None,
            remote_domain: None,
            count: 5,
        };
        a.add(&base);
        a.add(&Delivery { tls: Tls::None, count: 2, ..base });
        a.add(&Delivery { tls: Tls::V1_3, auth: Auth::Unverified, count: 3, ..base });
        a.add(&Delivery { auth: Auth::Unknown, connector: None, connector_type: None, forced_tls: None, direction: Direction::Inbound, tls: Tls::Unknown, count: 1, ..base });
        a
    }

    #[test]
    fn header_and_rows_are_exact() {
        let a = fixture();
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let csv = details_csv(&a.details(&Filter::window(d, d)));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(lines[1], "2026-03-04,Inbound,,,,1,0,0,0,0,0,1,0,0");
        // A verification on a delivery without TLS is not counted as verified (Level::of).
        assert_eq!(lines[2], "2026-03-04,Outbound,\"'=HYPERLINK(\"\"x\"\"), \"\"Partner\"\"\",Partner,True,10,2,0,0,5,3,0,5,3");
        assert_eq!(lines[3], "");
    }

    #[test]
    fn export_loads_back_to_the_same_table() {
        let a = fixture();
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let f = Filter::window(d, d);
        let csv = details_csv(&a.details(&f));
        let (report, back) = crate::workspace::aggregate_of(load_bytes("export.csv", csv.as_bytes()));
        assert_eq!(report.error, None);
        assert_eq!(report.format, Some(Msg::FormatMailflowExport));
        assert_eq!(details_csv(&back.details(&f)), csv);
        assert!(back.connector("=HYPERLINK(\"x\"), \"Partner\"").is_some(), "the formula guard is undone on load");
        assert_eq!(back.totals(&f), a.totals(&f));
    }

    #[test]
    fn the_header_before_verification_still_loads() {
        let old = "Date,Direction,Connector,Connector type,Forced TLS,Volume,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Unknown\r\n\
                   2026-03-04,Outbound,To Fabrikam,Partner,True,10,2,0,0,5,3,0\r\n";
        let (report, back) = crate::workspace::aggregate_of(load_bytes("old.csv", old.as_bytes()));
        assert_eq!((report.error, report.format), (None, Some(Msg::FormatMailflowExport)));
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let t = back.totals(&Filter::window(d, d)).outbound;
        assert_eq!((t.total(), t.get(Tls::V1_3)), (10, 3));
        assert_eq!([Level::Verified, Level::Encrypted, Level::NoTls, Level::Unknown].map(|l| t.level(l)), [0, 0, 2, 8]);
    }

    #[test]
    fn verified_counts_past_the_tls_deliveries_are_refused_with_the_line() {
        let bad = format!("{HEADER}\r\n2026-03-04,Outbound,To Fabrikam,,,10,2,0,0,5,3,0,6,3\r\n2026-03-04,Inbound,,,,1,0,0,0,1,0,0,1,0\r\n");
        let (report, back) = crate::workspace::aggregate_of(load_bytes("bad.csv", bad.as_bytes()));
        assert_eq!(report.stats.skipped, 1);
        assert_eq!(report.stats.skips[0].line, 2, "the line is named");
        assert_eq!(report.stats.skips[0].reason.msg, Msg::CheckedOverEncrypted);
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        assert_eq!(back.totals(&Filter::window(d, d)).inbound.level(Level::Verified), 1);
    }
}
