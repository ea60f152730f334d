//! Mailflow's own trace format, in three shapes that all load the same way:
//! the long CSV (one row per day or message x direction x connector x TLS, with a count), the wide
//! CSV that the report's "Export details" writes (one row per day x direction x connector with a
//! count per TLS column), and JSON Lines with the same names as keys. See `docs/format.md`.

pub use crate::mapping::Mapping;
use crate::lang::{Msg, Said};
use crate::dates::parse_iso;
use crate::formats::jsonl::{FlatObject, Span};
use crate::formats::table::{self, header_key, Dialect};
use crate::formats::{ParseStats, Sink};
use crate::model::{ConnectorType, Delivery, Direction};
use crate::security::Auth;
use crate::tls::Tls;

/// Header aliases (in [`header_key`] form) for each field.
pub mod names {
    /// Date or date-time of the delivery.
    pub const DATE: &[&str] = &["date", "datetime", "datetimeutc", "dateutc", "timestamp", "time", "day", "received"];
    /// Inbound, Outbound or Intra-org.
    pub const DIRECTION: &[&str] = &["direction", "directionality", "maildirection"];
    /// Connector name; empty for mail without a connector.
    pub const CONNECTOR: &[&str] = &["connector", "connectorname", "connectorid"];
    /// TLS version (long shape).
    pub const TLS: &[&str] = &["tls", "tlsversion", "tlsused"];
    /// Number of deliveries the row stands for (long shape); `Volume` in the wide shape.
    pub const COUNT: &[&str] = &["count", "deliveries", "messages", "messagecount"];
    /// Total of a wide row.
    pub const VOLUME: &[&str] = &["volume"];
    /// Partner or OnPremises.
    pub const CONNECTOR_TYPE: &[&str] = &["connectortype"];
    /// True or False.
    pub const FORCED_TLS: &[&str] = &["forcedtls"];
    /// Remote server host name.
    pub const REMOTE_HOST: &[&str] = &["remotehost", "host", "partnerhost"];
    /// Remote server IP address.
    pub const REMOTE_IP: &[&str] = &["remoteip", "ip"];
    /// Remote organisation's domain.
    pub const REMOTE_DOMAIN: &[&str] = &["remotedomain", "domain", "partnerdomain", "partner"];
    /// The Microsoft admin center's "Connector direction and name" (`Inbound - Name`).
    pub const DIRECTION_AND_NAME: &[&str] = &["connectordirectionandname", "connectordirectionname"];
    /// Whether the TLS session verified the remote server (long shape, optional):
    /// [`crate::security::Auth::parse`] reads the cell.
    pub const AUTH: &[&str] = &["verification", "tlsverification", "transitsecurity", "certificateverified"];
    /// The wide shape's optional counts of verified and of encrypted but not verified deliveries.
    pub const CHECKED: [&[&str]; 2] = [&["verified"], &["notverified", "encryptednotverified", "unverified"]];
    /// The wide shape's per-TLS count columns, in [`crate::tls::Tls::ALL`] order.
    pub const WIDE: [&[&str]; 6] = [&["notls"], &["tls10"], &["tls11"], &["tls12"], &["tls13"], &["unknown", "unknowntls"]];
}

/// Which of the two CSV shapes a header describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One TLS value and a count per row.
    Long,
    /// A count per TLS value per row (the report export).
    Wide,
}

/// Where each field sits in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// Long or wide.
    pub shape: Shape,
    date: usize,
    direction: usize,
    connector: Option<usize>,
    tls: Option<usize>,
    count: Option<usize>,
    connector_type: Option<usize>,
    forced_tls: Option<usize>,
    remote_host: Option<usize>,
    remote_ip: Option<usize>,
    remote_domain: Option<usize>,
    wide: [Option<usize>; 6],
    auth: Option<usize>,
    checked: [Option<usize>; 2],
    /// "Connector direction and name", which holds both (Microsoft's report export).
    combined: Option<usize>,
    /// TLS columns hold percentages of Volume (Microsoft's report export), with or without `%`.
    percent: bool,
}

impl Columns {
    /// Finds the fields in a header. Long needs date, direction and TLS; wide needs date,
    /// direction and at least one TLS count column. Returns the missing field names otherwise.
    #[inline(never)] // see detect::detect
    pub fn find(header: &[String]) -> Result<Columns, Vec<&'static str>> {
        let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
        let f = |aliases: &[&str]| table::find(&keys, aliases);
        let wide = names::WIDE.map(|a| f(a));
        let tls = f(names::TLS);
        let shape = if tls.is_none() && wide[..5].iter().any(Option::is_some) { Shape::Wide } else { Shape::Long };
        let (date, direction) = (f(names::DATE), f(names::DIRECTION));
        let combined = f(names::DIRECTION_AND_NAME);
        let mut missing = Vec::new();
        if date.is_none() {
            missing.push("date");
        }
        if direction.is_none() && combined.is_none() {
            missing.push("direction");
        }
        if shape == Shape::Long && tls.is_none() {
            missing.push("tls");
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(Columns {
            shape,
            date: date.unwrap_or_default(),
            direction: direction.unwrap_or_default(),
            connector: f(names::CONNECTOR),
            tls,
            count: if shape == Shape::Long { f(names::COUNT).or(f(names::VOLUME)) } else { f(names::VOLUME).or(f(names::COUNT)) },
            connector_type: f(names::CONNECTOR_TYPE),
            forced_tls: f(names::FORCED_TLS),
            remote_host: f(names::REMOTE_HOST),
            remote_ip: f(names::REMOTE_IP),
            remote_domain: f(names::REMOTE_DOMAIN),
            wide,
            auth: f(names::AUTH),
            checked: names::CHECKED.map(|a| f(a)),
            combined,
            percent: combined.is_some() || header.iter().any(|h| h.contains('%')),
        })
    }
}

impl Columns {
    /// Columns chosen by the user for a header Mailflow did not recognise.
    pub fn from_mapping(m: &Mapping) -> Columns {
        Columns {
            shape: Shape::Long,
            date: m.date,
            direction: m.direction,
            connector: m.connector,
            tls: m.tls,
            count: m.count,
            connector_type: None,
            forced_tls: None,
            remote_host: m.remote_host,
            remote_ip: None,
            remote_domain: None,
            wide: [None; 6],
            auth: None,
            checked: [None; 2],
            combined: None,
            percent: false,
        }
    }

    /// True when the file names connectors.
    pub fn has_connector(&self) -> bool {
        self.connector.is_some() || self.combined.is_some()
    }

    /// True when the file gives TLS versions.
    pub fn has_tls(&self) -> bool {
        self.tls.is_some() || self.wide[..5].iter().any(Option::is_some)
    }
}

/// Splits Microsoft's "Connector direction and name" (`Inbound - Contoso`, `Outbound: Fabrikam`,
/// `Inbound - From the internet without a connector`) into direction and name.
fn split_direction_and_name(cell: &str) -> (&str, &str) {
    let t = crate::text::trim(cell);
    for dir in ["Inbound", "Outbound", "Incoming", "Outgoing"] {
        // `get` is None where byte dir.len() falls inside a character (`Relay–Ost` panicked).
        if let (Some(head), Some(rest)) = (t.get(..dir.len()), t.get(dir.len()..)) {
            if head.eq_ignore_ascii_case(dir) {
                return (head, rest.trim_start_matches([' ', '-', ':', '–', '|']).trim());
            }
        }
    }
    ("", t)
}

/// The text of one row's fields, however the row was stored.
#[derive(Default)]
struct Fields<'a> {
    date: &'a str,
    direction: &'a str,
    connector: &'a str,
    tls: &'a str,
    count: &'a str,
    connector_type: &'a str,
    forced_tls: &'a str,
    remote_host: &'a str,
    remote_ip: &'a str,
    remote_domain: &'a str,
    wide: [&'a str; 6],
    /// Verification (long shape).
    auth: &'a str,
    /// Verified and not verified counts (wide shape).
    checked: [&'a str; 2],
    /// The TLS cells are percentages even without a `%` sign.
    percent: bool,
    /// How to read dates that are not ISO 8601.
    order: crate::dates::DateOrder,
}

/// Connector cells that mean "without a connector" give `None`; the apostrophe that
/// [`crate::export`] puts before a formula-like name is taken off again.
fn connector_name(cell: &str) -> Option<&str> {
    let c = undefused(crate::text::trim(cell));
    if c.is_empty() || c == "-" {
        return None;
    }
    // Every name below starts with n, f or t: most connectors' names are told apart by their
    // first letter, without comparing them with each (this runs for every row).
    if !matches!(c.chars().find(|c| c.is_alphanumeric()), Some('n' | 'N' | 'f' | 'F' | 't' | 'T')) {
        return Some(c);
    }
    const NONE: [&str; 4] = ["none", "noconnector", "fromtheinternetwithoutaconnector", "totheinternetwithoutaconnector"];
    (!NONE.iter().any(|k| same_key(c, k))).then_some(c)
}

/// True when `text` reads as `key` in [`header_key`] form (letters and digits, any case), without
/// allocating: this runs for every row.
fn same_key(text: &str, key: &str) -> bool {
    // Connector names are nearly always ASCII: compared byte by byte (a connector starting with
    // t, n or f was compared with four keys a char at a time on every row: 4% of a CSV's read).
    if text.is_ascii() {
        let mut k = key.bytes();
        return text.bytes().filter(u8::is_ascii_alphanumeric).all(|b| k.next() == Some(b.to_ascii_lowercase())) && k.next().is_none();
    }
    let mut k = key.chars();
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        match k.next() {
            Some(want) if c.to_lowercase().eq(std::iter::once(want)) => {}
            _ => return false,
        }
    }
    k.next().is_none()
}

fn parse_bool(cell: &str) -> Option<bool> {
    let c = crate::text::trim(cell);
    if c.is_empty() {
        None
    } else if ["true", "yes", "1", "y"].iter().any(|v| c.eq_ignore_ascii_case(v)) {
        Some(true)
    } else if ["false", "no", "0", "n"].iter().any(|v| c.eq_ignore_ascii_case(v)) {
        Some(false)
    } else {
        None
    }
}

fn opt(cell: &str) -> Option<&str> {
    let c = undefused(crate::text::trim(cell));
    (!c.is_empty()).then_some(c)
}

/// Takes off the apostrophe that [`crate::export`] and [`crate::summary`] put before a
/// formula-like cell (`'=x`, `'-x`), so that names load back as they were.
fn undefused(c: &str) -> &str {
    c.strip_prefix('\'').filter(|rest| rest.starts_with(['=', '+', '-', '@'])).unwrap_or(c)
}

/// Reads a count: a whole number, allowing thousands separators a spreadsheet may add.
fn parse_count(cell: &str) -> Option<u64> {
    let c = crate::text::trim(cell);
    if c.is_empty() {
        return Some(0);
    }
    if let Ok(n) = c.parse() {
        return Some(n);
    }
    let digits: String = c.chars().filter(|ch| !matches!(ch, ',' | ' ' | '\u{a0}' | '\'')).collect();
    digits.parse().ok()
}

/// Turns one row into deliveries for the sink, or says why it cannot.
fn emit(shape: Shape, f: &Fields<'_>, sink: &mut dyn Sink) -> Result<u64, Said> {
    let time = crate::dates::parse_any(f.date, f.order).ok_or_else(|| {
        if crate::text::trim(f.date).is_empty() {
            Said::new(Msg::DateEmpty)
        } else {
            Said::new(Msg::DateUnreadableIso).text(crate::text::clip(f.date, 60))
        }
    })?;
    let direction = Direction::parse(f.direction).ok_or_else(|| {
        Said::new(Msg::DirectionUnreadable).text(crate::text::clip(f.direction, 60))
    })?;
    let mut delivery = Delivery {
        auth: Auth::Unknown,
        time,
        direction,
        connector: connector_name(f.connector),
        connector_type: ConnectorType::parse(f.connector_type),
        forced_tls: parse_bool(f.forced_tls),
        tls: Tls::Unknown,
        remote_host: opt(f.remote_host),
        remote_ip: opt(f.remote_ip),
        remote_domain: opt(f.remote_domain),
        count: 1,
    };
    match shape {
        Shape::Long => {
            delivery.tls = if crate::text::trim(f.tls).is_empty() {
                Tls::Unknown
            } else {
                Tls::normalise(f.tls).ok_or_else(|| {
                    Said::new(Msg::TlsUnreadable).text(crate::text::clip(f.tls, 60))
                })?
            };
            delivery.auth = Auth::parse(f.auth).ok_or_else(|| Said::new(Msg::AuthUnreadable).text(crate::text::clip(f.auth, 60)))?;
            if !crate::text::trim(f.count).is_empty() {
                delivery.count = parse_count(f.count)
                    .ok_or_else(|| Said::new(Msg::CountUnreadable).text(crate::text::clip(f.count, 60)))?;
            }
            if delivery.count > 0 {
                sink.push(&delivery);
            }
            Ok(delivery.count)
        }
        Shape::Wide => {
            let mut counts = [0u64; 6];
            let percent = f.percent || f.wide.iter().any(|c| c.contains('%'));
            let volume = if crate::text::trim(f.count).is_empty() {
                None
            } else {
                Some(parse_count(f.count).ok_or_else(|| Said::new(Msg::VolumeUnreadable).text(crate::text::clip(f.count, 60)))?)
            };
            if percent {
                let volume = volume.ok_or(Said::new(Msg::PercentNoVolume))?;
                let mut shares = [0f64; 6];
                for (i, cell) in f.wide.iter().enumerate() {
                    let t = crate::text::trim(cell).trim_end_matches('%').trim();
                    shares[i] = if t.is_empty() {
                        0.0
                    } else {
                        t.replace(',', ".").parse::<f64>().map_err(|_| Said::new(Msg::NotPercentage).text(crate::text::clip(cell, 60)))?
                    };
                }
                if shares.iter().any(|s| !s.is_finite() || *s < 0.0 || *s > 100.0) {
                    return Err(Msg::PercentRange.into());
                }
                counts = shares.map(|s| (s * volume as f64 / 100.0).round() as u64);
                let sum: u64 = counts.iter().fold(0u64, |a, b| a.saturating_add(*b));
                let largest = (0..6).max_by(|&a, &b| shares[a].total_cmp(&shares[b])).unwrap_or(0);
                if sum < volume {
                    counts[largest] += volume - sum;
                } else if sum > volume {
                    counts[largest] = counts[largest].saturating_sub(sum - volume);
                }
            } else {
                for (i, cell) in f.wide.iter().enumerate() {
                    counts[i] = parse_count(cell)
                        .ok_or_else(|| Said::new(Msg::TlsCountUnreadable).text(Tls::ALL[i].label()).text(crate::text::clip(cell, 60)))?;
                }
                let sum: u64 = counts.iter().fold(0u64, |a, b| a.saturating_add(*b));
                if let Some(v) = volume {
                    if sum > v {
                        return Err(Said::new(Msg::TlsCountsOverVolume).count(sum).count(v));
                    }
                    counts[Tls::Unknown.index()] += v - sum;
                }
            }
            // Verified and not verified are counts of the row's deliveries with TLS; which TLS
            // version each had is not said, and the aggregate keeps them per row, not per version.
            let mut checked = [0u64; 2];
            for (i, cell) in f.checked.iter().enumerate() {
                let label = if i == 0 { "Verified" } else { "Not verified" };
                checked[i] = parse_count(cell).ok_or_else(|| Said::new(Msg::TlsCountUnreadable).text(label).text(crate::text::clip(cell, 60)))?;
            }
            let encrypted = counts.iter().fold(0u64, |a, b| a.saturating_add(*b)) - counts[Tls::None.index()];
            if checked[0].saturating_add(checked[1]) > encrypted {
                return Err(Said::new(Msg::CheckedOverEncrypted).count(checked[0].saturating_add(checked[1])).count(encrypted));
            }
            let mut total = 0;
            for (tls, auth, n) in crate::aggregate::TlsCounts(counts, checked).by_tls_and_auth() {
                (delivery.tls, delivery.auth, delivery.count) = (tls, auth, n);
                sink.push(&delivery);
                total = n.saturating_add(total);
            }
            Ok(total)
        }
    }
}


/// Reads a Mailflow CSV (long or wide) piece by piece: blocks of whole rows, the first starting
/// at the header line.
#[derive(Clone, Debug)]
pub struct CsvParser {
    columns: Columns,
    order: crate::dates::DateOrder,
    rows: table::Rows,
    stats: ParseStats,
}

impl CsvParser {
    /// A parser for a file in `dialect` with these columns, reading culture dates in `order`.
    pub fn new(dialect: &Dialect, columns: &Columns, order: crate::dates::DateOrder) -> CsvParser {
        CsvParser { columns: columns.clone(), order, rows: table::Rows::new(dialect), stats: ParseStats::default() }
    }

    /// Reads one block of whole rows into the sink.
    pub fn feed(&mut self, block: &str, sink: &mut dyn Sink) {
        let (columns, order) = (&self.columns, self.order);
        self.rows.feed(block, &mut self.stats, |line, record, stats| {
            let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("");
            let (direction, connector) = match columns.combined {
                Some(i) if columns.connector.is_none() => split_direction_and_name(record.get(i).unwrap_or("")),
                _ => (cell(Some(columns.direction)), cell(columns.connector)),
            };
            let fields = Fields {
                date: cell(Some(columns.date)),
                direction,
                connector,
                tls: cell(columns.tls),
                count: cell(columns.count),
                connector_type: cell(columns.connector_type),
                forced_tls: cell(columns.forced_tls),
                remote_host: cell(columns.remote_host),
                remote_ip: cell(columns.remote_ip),
                remote_domain: cell(columns.remote_domain),
                wide: columns.wide.map(cell),
                auth: cell(columns.auth),
                checked: columns.checked.map(cell),
                percent: columns.percent,
                order,
            };
            match emit(columns.shape, &fields, sink) {
                Ok(n) => stats.deliveries = stats.deliveries.saturating_add(n),
                Err(reason) => stats.skip(line.get(), reason),
            }
        });
    }

    /// What was read so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }

    /// What was read.
    pub fn finish(self) -> ParseStats {
        self.stats
    }
}

/// Parses a whole Mailflow CSV (long or wide) whose header was found by [`Columns::find`].
pub fn parse_csv(text: &str, dialect: &Dialect, columns: &Columns, sink: &mut dyn Sink) -> ParseStats {
    let mut parser = CsvParser::new(dialect, columns, date_order(text, dialect, columns.date));
    parser.feed(text.get(dialect.header_offset..).unwrap_or(""), sink);
    parser.finish()
}

/// True when the first data row's date is ISO 8601, so that no other row decides how dates are
/// read and the file can be read piece by piece (Mailflow's own files).
pub fn first_date_iso(text: &str, dialect: &Dialect, columns: &Columns) -> bool {
    let mut reader = table::reader(text, dialect);
    reader.records().nth(1).and_then(Result::ok).is_some_and(|r| parse_iso(r.get(columns.date).unwrap_or("")).is_some())
}

/// How to read the date column's non-ISO values: decided from the whole column, and only looked
/// at when the first date is not ISO 8601 (so Mailflow's own files are read in one pass).
fn date_order(text: &str, dialect: &Dialect, column: usize) -> crate::dates::DateOrder {
    let mut reader = table::reader(text, dialect);
    let mut values = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let Ok(record) = record else { continue };
        if i == 0 {
            continue;
        }
        let v = record.get(column).unwrap_or("").to_string();
        if i == 1 && parse_iso(&v).is_some() {
            return crate::dates::DateOrder::DayFirst;
        }
        values.push(v);
    }
    crate::dates::guess_order(values.iter().map(String::as_str)).map(|g| g.order).unwrap_or(crate::dates::DateOrder::DayFirst)
}

/// True when the text's first non-blank line looks like a JSON object.
#[inline(never)] // see detect::detect
pub fn looks_like_jsonl(text: &str) -> bool {
    text.lines().map(str::trim).find(|l| !l.is_empty()).is_some_and(|l| l.starts_with('{'))
}

/// Parses Mailflow JSON Lines: one object per line with the CSV header names as keys (any case,
/// spaces or underscores). Values may be strings, numbers or booleans.
pub fn parse_jsonl(text: &str, sink: &mut dyn Sink) -> ParseStats {
    let mut parser = JsonlParser::default();
    parser.feed(text, sink);
    parser.stats
}

/// Reads Mailflow JSON Lines piece by piece, in blocks of whole lines, at byte level: keys are
/// matched through a cache of their normalised names and values are read in place.
#[derive(Clone, Debug, Default)]
pub struct JsonlParser {
    /// What was read so far.
    pub stats: ParseStats,
    lines: u64,
    object: FlatObject,
    key_ids: rustc_hash::FxHashMap<String, usize>,
    keys: Vec<String>,
    found: Vec<(usize, Span)>,
}

impl JsonlParser {
    /// Reads one block of whole lines into the sink.
    pub fn feed(&mut self, text: &str, sink: &mut dyn Sink) {
        let JsonlParser { stats, lines, object, key_ids, keys, found } = self;
        for line in text.lines() {
            *lines += 1;
            let line_no = *lines;
            let l = crate::text::trim(line);
            if l.is_empty() {
                continue;
            }
            stats.rows_read += 1;
            if let Err(e) = object.read(l) {
                stats.skip(line_no, Said::new(Msg::NotJsonObject).said(e));
                continue;
            }
            found.clear();
            for (k, v) in &object.pairs {
                let raw = object.text(l, *k);
                let id = match key_ids.get(raw) {
                    Some(&id) => id,
                    None => {
                        keys.push(header_key(raw));
                        key_ids.insert(raw.to_string(), keys.len() - 1);
                        keys.len() - 1
                    }
                };
                // A key given twice counts once, with its last value (as JSON readers do).
                match found.iter_mut().find(|(f, _)| *f == id) {
                    Some(slot) => slot.1 = *v,
                    None => found.push((id, *v)),
                }
            }
            let get = |aliases: &[&str]| -> &str {
                aliases
                    .iter()
                    .find_map(|a| found.iter().find(|(id, _)| keys[*id] == *a).map(|(_, v)| object.text(l, *v)))
                    .unwrap_or("")
            };
            let wide = names::WIDE.map(|a| get(a));
            let shape = if get(names::TLS).is_empty() && wide[..5].iter().any(|c| !c.is_empty()) {
                Shape::Wide
            } else {
                Shape::Long
            };
            let fields = Fields {
                date: get(names::DATE),
                direction: get(names::DIRECTION),
                connector: get(names::CONNECTOR),
                tls: get(names::TLS),
                count: if shape == Shape::Long { get(names::COUNT) } else { get(names::VOLUME) },
                connector_type: get(names::CONNECTOR_TYPE),
                forced_tls: get(names::FORCED_TLS),
                remote_host: get(names::REMOTE_HOST),
                remote_ip: get(names::REMOTE_IP),
                remote_domain: get(names::REMOTE_DOMAIN),
                wide,
                auth: get(names::AUTH),
                checked: names::CHECKED.map(|a| get(a)),
                percent: false,
                order: crate::dates::DateOrder::DayFirst,
            };
            match emit(shape, &fields, sink) {
                Ok(n) => stats.deliveries = stats.deliveries.saturating_add(n),
                Err(reason) => stats.skip(line_no, reason),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn connector_names_meaning_none_read_the_same_in_ascii_and_not() {
        // The ASCII path of same_key against the char-by-char one it shortcuts.
        let by_chars = |text: &str, key: &str| {
            let mut k = key.chars();
            text.chars().filter(|c| c.is_alphanumeric()).all(|c| k.next().is_some_and(|want| c.to_lowercase().eq(std::iter::once(want)))) && k.next().is_none()
        };
        for text in ["None", "NO CONNECTOR", "no-connector", "To the internet without a connector", "To Fabrikam", "n", "nonE!", "Nöne", "None ü", "", "-", "From the Internet without a connector "] {
            for key in ["none", "noconnector", "fromtheinternetwithoutaconnector", "totheinternetwithoutaconnector"] {
                assert_eq!(super::same_key(text, key), by_chars(text, key), "{text:?} {key:?}");
            }
        }
        assert_eq!(super::connector_name(" No connector "), None);
        assert_eq!(super::connector_name("To Fabrikam"), Some("To Fabrikam"));
    }

    use super::*;
    use crate::aggregate::{Aggregate, ConnectorFilter, Filter};
    use chrono::NaiveDate;

    fn load_csv(text: &str) -> (Aggregate, ParseStats) {
        let dialect = table::sniff(text).unwrap();
        let columns = Columns::find(&table::header_fields(text, &dialect)).unwrap();
        let mut agg = Aggregate::new();
        let stats = parse_csv(text, &dialect, &columns, &mut agg);
        (agg, stats)
    }

    fn all(agg: &Aggregate) -> Filter {
        let (a, b) = agg.span().unwrap();
        Filter::window(a, b)
    }

    #[test]
    fn long_csv_with_optional_columns() {
        let text = "date,direction,connector,tls,count,connector_type,forced_tls,remote_host,remote_ip,remote_domain\n\
            2026-03-04,Inbound,,TLS 1.2,40,,,mx.fabrikam.com,203.0.113.10,fabrikam.com\n\
            2026-03-04T23:59:59Z,Inbound,,No TLS,10,,,,,legacy.example\n\
            2026-03-05,Outbound,\"Partner, Inc. (TLS)\",TLSv1.3,5,Partner,True,,,\n\
            2026-03-05,Intra-org,,Unknown,100,,,,,\n";
        let (agg, stats) = load_csv(text);
        assert_eq!((stats.rows_read, stats.deliveries, stats.skipped), (4, 155, 0));
        let t = agg.totals(&all(&agg));
        assert_eq!(t.inbound.get(Tls::V1_2), 40);
        assert_eq!(t.inbound.get(Tls::None), 10);
        assert_eq!(t.outbound.get(Tls::V1_3), 5);
        let info = agg.connector("Partner, Inc. (TLS)").unwrap();
        assert_eq!((info.connector_type, info.forced_tls), (Some(ConnectorType::Partner), Some(true)));
        let mut f = all(&agg);
        f.connector = ConnectorFilter::NoConnector;
        let partners = agg.partners(&f, Direction::Inbound, None);
        assert_eq!(partners.iter().map(|p| p.0).collect::<Vec<_>>(), vec!["fabrikam.com", "legacy.example"]);
    }

    #[test]
    fn connector_cells_that_mean_none() {
        for c in ["", "-", "None", "(none)", "-- No-Connector --", "no connector", "From the internet without a connector", "TO THE INTERNET WITHOUT A CONNECTOR"] {
            assert_eq!(connector_name(c), None, "{c:?}");
        }
        for c in ["Nonesuch Relay", "Partner", "From the internet", "'-dash"] {
            assert!(connector_name(c).is_some(), "{c:?}");
        }
        assert_eq!(connector_name("'=SUM(1)"), Some("=SUM(1)"));
        assert_eq!((parse_bool("TRUE"), parse_bool(" no "), parse_bool("maybe")), (Some(true), Some(false), None));
    }

    #[test]
    fn header_in_any_order_and_case_with_extra_columns() {
        let text = "Count;TLS Version;Subject;Direction;Date\n3;TLS1_2;hello;OUT;2026-03-04\n";
        let (agg, stats) = load_csv(text);
        assert_eq!((stats.rows_read, stats.deliveries), (1, 3));
        assert_eq!(agg.totals(&all(&agg)).outbound.get(Tls::V1_2), 3);
    }

    #[test]
    fn bad_rows_are_counted_with_lines_and_reasons() {
        let text = "date,direction,connector,tls,count\n\
            2026-03-04,Inbound,,TLS 1.2,1\n\
            yesterday,Inbound,,TLS 1.2,1\n\
            2026-03-04,Sideways,,TLS 1.2,1\n\
            2026-03-04,Inbound,,TLS 9,1\n\
            \n\
            2026-03-04,Inbound,,TLS 1.2,many\n\
            2026-03-04,Inbound,\"multi\nline\",TLS 1.2,2\n\
            2026-03-04,Outbound\n";
        let (_, stats) = load_csv(text);
        assert_eq!(stats.rows_read, 7);
        assert_eq!(stats.deliveries, 3);
        assert_eq!(stats.skipped, 5);
        let lines: Vec<u64> = stats.skips.iter().map(|s| s.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 7, 10]);
        assert!(stats.skips[0].reason.to_string().contains("yesterday"), "{}", stats.skips[0].reason);
        assert!(stats.skips[1].reason.to_string().contains("Sideways"));
        assert!(stats.skips[2].reason.to_string().contains("TLS 9"));
        assert!(stats.skips[3].reason.to_string().contains("many"));
        assert!(stats.skips[4].reason.to_string().contains("cut short"), "short row: {}", stats.skips[4].reason);
    }

    #[test]
    fn preamble_keeps_line_numbers_true() {
        let text = "#TYPE Mailflow\ndate,direction,tls\n2026-03-04,Inbound,nope\n";
        let (_, stats) = load_csv(text);
        assert_eq!(stats.skips[0].line, 3);
    }

    #[test]
    fn wide_export_shape_with_counts() {
        let text = "Date,Direction,Connector,Connector type,Forced TLS,Volume,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Unknown\n\
            2026-03-04,Inbound,,,,10,1,2,0,3,4,0\n\
            2026-03-04,Outbound,To Fabrikam,Partner,False,7,0,0,0,5,0,2\n";
        let (agg, stats) = load_csv(text);
        assert_eq!((stats.rows_read, stats.deliveries, stats.skipped), (2, 17, 0));
        let t = agg.totals(&all(&agg));
        assert_eq!(t.inbound.0, [1, 2, 0, 3, 4, 0]);
        assert_eq!(t.outbound.0, [0, 0, 0, 5, 0, 2]);
        assert_eq!(agg.connector("To Fabrikam").unwrap().forced_tls, Some(false));
    }

    #[test]
    fn wide_rows_that_do_not_add_up() {
        let text = "Date,Direction,Volume,No TLS,TLS 1.2\n2026-03-04,Inbound,5,1,10\n2026-03-04,Inbound,5,1,3\n";
        let (agg, stats) = load_csv(text);
        assert_eq!(stats.skipped, 1);
        assert!(stats.skips[0].reason.to_string().contains("more than the Volume"));
        // volume above the sum: the rest is Unknown, never silently TLS
        assert_eq!(agg.totals(&all(&agg)).inbound.0, [1, 0, 0, 3, 0, 1]);
    }

    #[test]
    fn wide_percentages_become_counts() {
        let text = "Date,Direction,Volume,No TLS,TLS 1.0,TLS 1.1,TLS 1.2\n2026-03-04,Outbound,3,33.33%,0%,0%,66.67%\n";
        let (agg, _) = load_csv(text);
        assert_eq!(agg.totals(&all(&agg)).outbound.0, [1, 0, 0, 2, 0, 0]);
    }

    #[test]
    fn microsoft_connector_report_export() {
        let text = std::fs::read_to_string("tests/fixtures/exo/connector-report-export.csv").unwrap();
        let (agg, stats) = load_csv(&text);
        assert_eq!((stats.rows_read, stats.skipped, stats.deliveries), (3, 0, 58));
        let f = all(&agg);
        let mut named = f.clone();
        named.connector = ConnectorFilter::Named("Fabrikam Partner Inbound".into());
        assert_eq!(agg.totals(&named).inbound.0, [0, 2, 0, 6, 0, 0]);
        named.connector = ConnectorFilter::Named("Outbound to Fabrikam".into());
        assert_eq!(agg.totals(&named).outbound.0, [1, 0, 0, 6, 3, 0]);
        let mut none = f.clone();
        none.connector = ConnectorFilter::NoConnector;
        assert_eq!(agg.totals(&none).inbound.0, [1, 0, 0, 20, 19, 0]);
        assert_eq!(agg.span().unwrap().0, NaiveDate::from_ymd_opt(2025, 3, 4).unwrap());
        assert_eq!(agg.connector("Fabrikam Partner Inbound").unwrap().forced_tls, Some(true));
        assert_eq!(split_direction_and_name("Outbound: X - Y"), ("Outbound", "X - Y"));
        assert_eq!(split_direction_and_name("Relay–Ost"), ("", "Relay–Ost"), "byte 7 inside '–' panicked");
    }

    #[test]
    fn a_mapping_reads_an_unknown_csv_and_survives_storage() {
        let text = "When;Which way;Relay;Cipher suite\n2026-03-04 10:00;in;;TLSv1.2\n2026-03-04 11:00;out;Smart host;\n";
        let m = Mapping { date: 0, direction: 1, connector: Some(2), tls: Some(3), count: None, remote_host: None };
        assert_eq!(Mapping::from_text(&m.to_text()), Some(m.clone()));
        assert_eq!(Mapping::from_text("tls=1"), None);
        let dialect = table::sniff(text).unwrap();
        let mut agg = Aggregate::new();
        let stats = parse_csv(text, &dialect, &Columns::from_mapping(&m), &mut agg);
        assert_eq!((stats.rows_read, stats.deliveries, stats.skipped), (2, 2, 0));
        let t = agg.totals(&all(&agg));
        assert_eq!((t.inbound.get(Tls::V1_2), t.outbound.get(Tls::Unknown)), (1, 1));
        assert!(agg.connector("Smart host").is_some());
    }

    #[test]
    fn json_lines() {
        let text = "{\"date\":\"2026-03-04T10:00:00Z\",\"direction\":\"Outbound\",\"connector\":\"To Fabrikam\",\"tls\":\"TLS 1.0\",\"count\":4,\"remote_domain\":\"fabrikam.com\"}\n\
            not json\n\
            {\"Date\":\"2026-03-04\",\"Direction\":\"Inbound\",\"TLS 1.2\":2,\"No TLS\":1,\"Volume\":3}\n";
        assert!(looks_like_jsonl(text));
        let mut agg = Aggregate::new();
        let stats = parse_jsonl(text, &mut agg);
        assert_eq!((stats.rows_read, stats.deliveries, stats.skipped), (3, 7, 1));
        assert_eq!(stats.skips[0].line, 2);
        let f = Filter::window(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
        assert_eq!(agg.totals(&f).outbound.get(Tls::V1_0), 4);
        assert_eq!(agg.totals(&f).inbound.0, [1, 0, 0, 2, 0, 0]);
    }

    #[test]
    fn missing_columns_are_named() {
        let header: Vec<String> = ["Subject", "Sender"].iter().map(|s| s.to_string()).collect();
        assert_eq!(Columns::find(&header).unwrap_err(), vec!["date", "direction", "tls"]);
    }
}
