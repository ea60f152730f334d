//! Loading one file end to end: bytes, decoded text, detected format, parser, a per-file
//! aggregate and a load summary. Nothing here panics on any input; every failure is a message.

use chrono::NaiveDate;

use crate::aggregate::Aggregate;
use crate::decode::{decode, TextEncoding};
use crate::detect::{detect, Format};
use crate::formats::{mailflow, ParseStats};
use crate::model::Direction;

/// What loading one file gave, for the load summary.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    /// The file's name as the user's system gave it (untrusted text).
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The format recognised, if any.
    pub format: Option<&'static str>,
    /// The text encoding found, if the file was text.
    pub encoding: Option<TextEncoding>,
    /// Rows read, deliveries used and rows skipped.
    pub stats: ParseStats,
    /// First and last day of the deliveries used.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Deliveries used per direction, intra-org included.
    pub directions: [(Direction, u64); 3],
    /// Why the file could not be used at all (nothing from it was added).
    pub error: Option<String>,
}

impl FileReport {
    fn new(name: &str, bytes: u64) -> FileReport {
        FileReport {
            name: name.to_string(),
            bytes,
            format: None,
            encoding: None,
            stats: ParseStats::default(),
            span: None,
            directions: Direction::ALL.map(|d| (d, 0)),
            error: None,
        }
    }
}

/// Loads one file's bytes into a fresh aggregate. The caller merges the aggregate into what is
/// already loaded only when `report.error` is `None`, so a bad file never disturbs loaded data.
pub fn load_bytes(name: &str, bytes: &[u8]) -> (FileReport, Aggregate) {
    let mut report = FileReport::new(name, bytes.len() as u64);
    let mut agg = Aggregate::new();
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => {
            report.error = Some(format!("{e}"));
            return (report, agg);
        }
    };
    report.encoding = Some(decoded.encoding);
    let text = &*decoded.text;
    let format = match detect(text) {
        Ok(f) => f,
        Err(e) => {
            report.error = Some(format!("not a trace Mailflow recognises: {}", e.message));
            return (report, agg);
        }
    };
    report.format = Some(format.label());
    report.stats = match &format {
        Format::MailflowCsv { dialect, columns } => mailflow::parse_csv(text, dialect, columns, &mut agg),
        Format::MailflowJsonl => mailflow::parse_jsonl(text, &mut agg),
    };
    if report.stats.deliveries == 0 && report.stats.skipped > 0 {
        report.error = Some(format!(
            "none of its {} rows could be used; the first problem is on line {}: {}",
            report.stats.rows_read, report.stats.skips[0].line, report.stats.skips[0].reason
        ));
    } else if report.stats.rows_read == 0 {
        report.error = Some("it has a header but no rows. Export the trace again with a date range that has mail.".into());
    }
    report.span = agg.span();
    report.directions = agg.direction_totals();
    (report, agg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_file_reports_everything() {
        let text = "date,direction,connector,tls,count\n2026-03-04,Inbound,,TLS 1.2,3\n2026-03-06,Intra-org,,Unknown,2\nbad,Inbound,,TLS 1.2,1\n";
        let (r, agg) = load_bytes("trace.csv", text.as_bytes());
        assert_eq!(r.error, None);
        assert_eq!(r.format, Some("Mailflow CSV"));
        assert_eq!(r.encoding, Some(TextEncoding::Utf8));
        assert_eq!((r.stats.rows_read, r.stats.deliveries, r.stats.skipped), (3, 5, 1));
        assert_eq!(r.span, Some((NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 6).unwrap())));
        assert_eq!(r.directions[2], (Direction::IntraOrg, 2));
        assert!(!agg.is_empty());
    }

    #[test]
    fn wrong_files_give_messages_not_data() {
        for (bytes, word) in [
            (&b"\x89PNG\r\n\x1a\n...."[..], "PNG image"),
            (b"", "empty"),
            (b"Name,Age\nBob,3\n", "no date"),
            (b"date,direction,tls\n", "no rows"),
            (b"date,direction,tls\nx,y,z\n", "none of its 1 rows"),
        ] {
            let (r, agg) = load_bytes("x", bytes);
            let e = r.error.expect("an error");
            assert!(e.contains(word), "{e:?} should contain {word:?}");
            if word != "none of its 1 rows" {
                assert!(agg.is_empty());
            }
        }
    }
}
