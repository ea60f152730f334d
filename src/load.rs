//! Loading one file end to end: bytes, decoded text, detected format, parser; the result is the
//! file's content (counted deliveries, per-message records to join, or connector settings) and a
//! load summary. Nothing here panics on any input; every failure is a message.

use crate::lang::{Msg, Said};
use chrono::NaiveDate;

use crate::aggregate::Aggregate;
use crate::dates::{DateOrder, OrderGuess};
use crate::decode::{decode, TextEncoding};
use crate::detect::{detect, Format, Preview};
use crate::formats::mailflow::{Columns, Mapping};
use crate::formats::connectors::ConnectorSetting;
use crate::formats::exchange_server::{self, LogKind, Session};
use crate::formats::tlsrpt::TlsReport;
use crate::formats::{connectors, exim, exo, mailflow, postfix, tlsrpt, ParseStats};
use crate::messages::{MessageRecord, Records, SourceKind};
use crate::model::Direction;

/// Which of the report's fields a file provided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Found {
    /// Inbound/outbound is in the file (not derived from your domains).
    pub direction: bool,
    /// Connector names are in the file.
    pub connector: bool,
    /// TLS versions are in the file.
    pub tls: bool,
}

/// What loading one file gave, for the load summary.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileReport {
    /// The file's name as the user's system gave it (untrusted text).
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The format recognised, if any.
    pub format: Option<Msg>,
    /// The text encoding found, if the file was text.
    pub encoding: Option<TextEncoding>,
    /// Rows read, deliveries used and rows skipped.
    pub stats: ParseStats,
    /// First and last day of the deliveries used.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Deliveries used per direction, intra-org included (those whose direction the file states).
    pub directions: [(Direction, u64); 3],
    /// Which fields the file provided.
    pub found: Found,
    /// How culture-formatted dates were read, when the file had them.
    pub date_order: Option<OrderGuess>,
    /// Deliveries another file had already given (dropped), filled in by the workspace.
    pub duplicates: u64,
    /// Deliveries completed with what another file said about the same message.
    pub joined: u64,
    /// Why the file could not be used at all (nothing from it was added).
    pub error: Option<Said>,
    /// Something the user should know although the file was used (a damaged archive whose
    /// readable part was loaded).
    pub warning: Option<Said>,
    /// When reading the file hit a defect in Mailflow (a panic in the loading worker): the panic
    /// message and where it happened, for a bug report.
    pub defect: Option<String>,
    /// For a CSV Mailflow did not recognise: its header and first rows, to map its columns.
    pub preview: Option<Preview>,
    /// The column mapping the file was read with, if the user gave one.
    pub mapping: Option<Mapping>,
    /// What the file is when it gives no deliveries (connector settings, TLS reports), shown in
    /// place of the counts of deliveries.
    pub note: Option<Msg>,
    /// For logs: the year assumed for lines without one (`None` when the lines have years), and
    /// the zone their local times were taken in.
    pub log_clock: Option<LogTimes>,
}

/// How a log's times were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LogTimes {
    /// The year assumed for the first line, when lines carry none.
    pub first_year: Option<i32>,
    /// Minutes east of UTC the local times were taken as.
    pub offset_minutes: i32,
    /// The user said the server logs TLS ([`LoadOptions::tls_logged`]).
    pub tls_logged: bool,
}

impl FileReport {
    pub(crate) fn new(name: &str, bytes: u64) -> FileReport {
        FileReport {
            name: name.to_string(),
            bytes,
            format: None,
            encoding: None,
            stats: ParseStats::default(),
            span: None,
            directions: Direction::ALL.map(|d| (d, 0)),
            found: Found::default(),
            date_order: None,
            duplicates: 0,
            joined: 0,
            error: None,
            warning: None,
            defect: None,
            preview: None,
            mapping: None,
            log_clock: None,
            note: None,
        }
    }
}

/// What a file contributes.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub enum Content {
    /// Nothing (the file could not be used).
    #[default]
    Nothing,
    /// Deliveries already counted (Mailflow's formats, report exports, logs), shared with the
    /// workspace's sum when it is the only such file (no copy of a large aggregate).
    Deliveries(std::sync::Arc<Aggregate>),
    /// Per-message records from Exchange Online exports, joined across files.
    Messages {
        /// Which export.
        kind: SourceKind,
        /// One per message and recipient (shared with the workspace's joined store, not copied).
        records: std::sync::Arc<Records>,
        /// Tenant domains the export names.
        tenants: Vec<String>,
    },
    /// Connector settings.
    Connectors(Vec<ConnectorSetting>),
    /// SMTP TLS reports: sessions, not deliveries.
    TlsReports(Vec<TlsReport>),
    /// Exchange Server tracking records, each with the SMTP session it names (if any).
    Tracking(Vec<(MessageRecord, Option<String>)>),
    /// Exchange Server SMTP sessions from protocol logs.
    Sessions(Vec<Session>),
}

/// A loaded file: its summary and what it contributes.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Loaded {
    /// The load summary.
    pub report: FileReport,
    /// The contribution.
    pub content: Content,
}

/// Choices that change how a file is read.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LoadOptions {
    /// Read culture dates in this order instead of the one guessed from the column.
    pub date_order: Option<DateOrder>,
    /// The order a first reading of the file decided from its date column (set by the load, not
    /// the user: a file read as it streams is read twice when its dates are in a culture format).
    pub column_order: Option<DateOrder>,
    /// Read a CSV with these columns (chosen in the column-mapping panel).
    pub mapping: Option<Mapping>,
    /// Today's date, to place logs whose lines carry no year (traditional syslog).
    pub today: Option<NaiveDate>,
    /// The year of a log's first line, when the user set it.
    pub log_year: Option<i32>,
    /// Minutes east of UTC of a log's local time, when the user set it (default UTC).
    pub log_offset_minutes: Option<i32>,
    /// The user says the log's server records TLS: a delivery without a TLS line is No TLS even
    /// where the log shows no TLS line at all (otherwise such deliveries are Unknown).
    pub tls_logged: bool,
    /// The text is one part of a log read in parts ([`crate::split`]): deliveries that wait for
    /// proof that the log records TLS are handed over with the part's summary
    /// ([`crate::formats::evidence::Handover`]) instead of being counted at its end, so that the
    /// parts put together count them as one pass does.
    pub split_part: bool,
}

/// Opens archives and compressed files (see [`crate::unpack`]) and loads every file inside; each
/// comes back with its (unpacked) bytes, for reading again with other options.
pub fn load_all(name: &str, bytes: Vec<u8>, options: &LoadOptions) -> Vec<(Loaded, Vec<u8>)> {
    crate::unpack::unpack(name, bytes)
        .into_iter()
        .map(|u| {
            let mut l = load_with(&u.name, &u.bytes, options.clone());
            match u.problem {
                Some(problem) if u.bytes.is_empty() => l.report.error = Some(problem),
                problem => l.report.warning = problem.or(l.report.warning.take()),
            }
            (l, u.bytes)
        })
        .collect()
}

/// The load summary and content of an Exchange Online export, read whole or as it streamed.
pub(crate) fn exchange_content(report: &mut FileReport, parsed: exo::Parsed, kind: SourceKind, options: &LoadOptions) -> Content {
    report.stats = parsed.stats;
    report.date_order = parsed.date_order.map(|g| match options.date_order {
        Some(order) => OrderGuess { order, certain: true },
        None => g,
    });
    report.found = records_found(&parsed.records);
    Content::Messages { kind, records: std::sync::Arc::new(parsed.records), tenants: parsed.tenants }
}

/// What an export's records say: directions, connectors, TLS.
pub(crate) fn records_found(records: &Records) -> Found {
    let r = records.list();
    Found {
        direction: r.iter().any(|m| m.direction.is_some()),
        connector: r.iter().any(|m| m.has_connector()),
        tls: r.iter().any(|m| m.tls.is_some()),
    }
}

/// Loads one file's bytes with default options.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Loaded {
    load_with(name, bytes, LoadOptions::default())
}

/// Loads one file's bytes. A file that cannot be used has `report.error` set and no content, so
/// a bad file never disturbs loaded data.
pub fn load_with(name: &str, bytes: &[u8], options: LoadOptions) -> Loaded {
    let mut report = FileReport::new(name, bytes.len() as u64);
    let fail = |mut report: FileReport, e: Said| {
        report.error = Some(e);
        Loaded { report, content: Content::Nothing }
    };
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => return fail(report, e.into()),
    };
    report.encoding = Some(decoded.encoding);
    let mut text = &*decoded.text;
    // A file cut inside a character was cut inside its last line: that line is not read (as
    // when it streams, see `stream::FileLoad::finish`).
    if crate::decode::ends_inside_character(bytes, decoded.encoding) {
        let (end, lost) = crate::decode::readable_end(text, decoded.encoding, bytes.last().copied());
        text = text.get(..end).unwrap_or(text);
        if lost {
            report.warning = Some(Msg::EndsMidCharacter.into());
        }
    }
    let format = match (&options.mapping, detect(text)) {
        (Some(m), _) => match crate::formats::table::sniff(text) {
            Some(dialect) => Format::Mapped { dialect, columns: Columns::from_mapping(m) },
            None => return fail(report, Msg::NoLinesOfText.into()),
        },
        (None, Ok(f)) => f,
        (None, Err(e)) => {
            let said = e.said();
            report.preview = e.preview;
            return fail(report, said);
        }
    };
    report.mapping = options.mapping.clone();
    report.format = Some(format.label());
    let content = match &format {
        Format::MailflowCsv { dialect, columns } | Format::Mapped { dialect, columns } => {
            let mut agg = Aggregate::new();
            report.stats = mailflow::parse_csv(text, dialect, columns, &mut agg);
            report.found = Found { direction: true, connector: columns.has_connector(), tls: columns.has_tls() };
            Content::Deliveries(agg.into())
        }
        Format::MailflowJsonl => {
            let mut agg = Aggregate::new();
            report.stats = mailflow::parse_jsonl(text, &mut agg);
            report.found = Found { direction: true, connector: !agg.connectors().is_empty(), tls: true };
            Content::Deliveries(agg.into())
        }
        Format::Exchange { dialect, layout } => {
            let parsed = exo::parse(text, dialect, layout, options.date_order);
            exchange_content(&mut report, parsed, layout.export.kind(), &options)
        }
        Format::Postfix => {
            let offset = options.log_offset_minutes.unwrap_or(0);
            let today = options.today.unwrap_or_else(|| chrono::Utc::now().date_naive());
            let guessed = postfix::guess_first_year(text, today);
            let first_year = options.log_year.or(guessed).unwrap_or(chrono::Datelike::year(&today));
            let mut agg = Aggregate::new();
            report.stats = postfix::parse(text, postfix::LogClock { first_year, offset_minutes: offset }, options.tls_logged, &mut agg);
            report.log_clock = Some(LogTimes { first_year: guessed.map(|_| first_year), offset_minutes: offset, tls_logged: options.tls_logged });
            report.found = Found { direction: true, connector: !agg.connectors().is_empty(), tls: report.stats.logs_tls() };
            Content::Deliveries(agg.into())
        }
        Format::Exim => {
            let offset = options.log_offset_minutes.unwrap_or(0);
            let mut agg = Aggregate::new();
            report.stats = exim::parse(text, offset, options.tls_logged, &mut agg);
            report.log_clock = Some(LogTimes { first_year: None, offset_minutes: offset, tls_logged: options.tls_logged });
            report.found = Found { direction: true, connector: !agg.connectors().is_empty(), tls: report.stats.logs_tls() };
            Content::Deliveries(agg.into())
        }
        Format::ExchangeServer(LogKind::Tracking) => {
            let (records, stats) = exchange_server::parse_tracking(text);
            report.stats = stats;
            report.found = Found { direction: true, connector: true, tls: false };
            let times = records.iter().filter_map(|(r, _)| r.time.map(|t| t.date()));
            report.span = times.clone().min().zip(times.max());
            for (r, _) in &records {
                if let Some(d) = r.direction {
                    report.directions[d as usize].1 += 1;
                }
            }
            if records.is_empty() && report.stats.rows_read > 0 && report.stats.skipped == 0 {
                report.warning.get_or_insert_with(|| Msg::NothingCrossed.into());
            }
            return Loaded { report, content: Content::Tracking(records) };
        }
        Format::ExchangeServer(kind) => {
            let (sessions, stats) = exchange_server::parse_protocol(text, *kind);
            report.stats = stats;
            report.found = Found { direction: true, connector: true, tls: true };
            let times = sessions.iter().filter_map(|s| s.time.map(|t| t.date()));
            report.span = times.clone().min().zip(times.max());
            let dir = if *kind == LogKind::Receive { Direction::Inbound } else { Direction::Outbound };
            report.directions[dir as usize].1 = report.stats.deliveries;
            return Loaded { report, content: Content::Sessions(sessions) };
        }
        Format::TlsReport => {
            return match tlsrpt::parse(text) {
                Ok(list) => {
                    report.stats.rows_read = list.len() as u64;
                    report.note = Some(Msg::NoteSessions);
                    report.span = list.iter().map(|r| r.day).min().zip(list.iter().map(|r| r.day).max());
                    Loaded { report, content: Content::TlsReports(list) }
                }
                Err(e) => fail(report, e),
            };
        }
        Format::ConnectorSettings { dialect, layout } => {
            let (list, stats) = connectors::parse(text, dialect, layout);
            report.stats = stats;
            if list.is_empty() {
                return fail(report, Msg::NoConnectorListed.into());
            }
            report.note = Some(Msg::NoteConnectors);
            return Loaded { report, content: Content::Connectors(list) };
        }
    };
    complete(report, content)
}

/// Finishes a file's summary from what its parser gave: a file none of whose rows could be used,
/// or that has no rows, becomes an error; otherwise its days and directions are filled in.
pub(crate) fn complete(mut report: FileReport, mut content: Content) -> Loaded {
    if let Content::Deliveries(agg) = &mut content {
        if let Some(agg) = std::sync::Arc::get_mut(agg) {
            agg.freeze();
        }
    }
    let fail = |mut report: FileReport, e: Said| {
        report.error = Some(e);
        Loaded { report, content: Content::Nothing }
    };
    if report.stats.deliveries == 0 && report.stats.skipped > 0 {
        let first = &report.stats.skips[0];
        let e = Said::new(Msg::NoRowUsable).count(report.stats.rows_read).number(first.line).said(first.reason.clone());
        return fail(report, e);
    }
    if report.stats.rows_read == 0 {
        let what = if report.log_clock.is_some() { Msg::NoServerLines } else { Msg::HeaderNoRows };
        return fail(report, what.into());
    }
    match &content {
        Content::Deliveries(agg) => {
            report.span = agg.span();
            report.directions = agg.direction_totals();
        }
        Content::Messages { records, .. } => {
            let times = records.list().iter().filter_map(|r| r.time().map(|t| t.date()));
            report.span = times.clone().min().zip(times.max());
            for r in records.list() {
                if let Some(d) = r.direction {
                    report.directions[d as usize].1 += 1;
                }
            }
        }
        _ => {}
    }
    Loaded { report, content }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Msg;

    #[test]
    fn good_file_reports_everything() {
        let text = "date,direction,connector,tls,count\n2026-03-04,Inbound,,TLS 1.2,3\n2026-03-06,Intra-org,,Unknown,2\nbad,Inbound,,TLS 1.2,1\n";
        let l = load_bytes("trace.csv", text.as_bytes());
        let r = &l.report;
        assert_eq!(r.error, None);
        assert_eq!(r.format, Some(Msg::FormatMailflowCsv));
        assert_eq!(r.encoding, Some(TextEncoding::Utf8));
        assert_eq!((r.stats.rows_read, r.stats.deliveries, r.stats.skipped), (3, 5, 1));
        assert_eq!(r.span, Some((NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 6).unwrap())));
        assert_eq!(r.directions[2], (Direction::IntraOrg, 2));
        assert_eq!(r.found, Found { direction: true, connector: true, tls: true });
        assert!(matches!(l.content, Content::Deliveries(ref a) if !a.is_empty()));
    }

    #[test]
    fn wrong_files_give_messages_not_data() {
        for (bytes, word) in [
            (&b"\x89PNG\r\n\x1a\n...."[..], "PNG image"),
            (b"", "empty"),
            (b"Name,Age\nBob,3\n", "no column for date"),
            (b"date,direction,tls\n", "no rows"),
            (b"date,direction,tls\nx,y,z\n", "its only row could not be used; the problem is on line 2"),
        ] {
            let l = load_bytes("x", bytes);
            let e = l.report.error.expect("an error");
            assert!(e.to_string().contains(word), "{e:?} should contain {word:?}");
            assert!(matches!(l.content, Content::Nothing));
        }
    }
}
