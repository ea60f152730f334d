//! One file read by several workers at once: which files can be split (formats whose records
//! carry no state from one to the next), where each worker's part begins and ends (at record
//! starts, wherever the byte ranges fall), and how the parts' results are put back together so
//! that every count, line number, record and summary is what one pass gives. A part of a table
//! cannot see whether it begins inside a quoted field that holds a line break: the parts are
//! taken only when each began where the one before it ended, and the file is otherwise read in
//! one pass.

use crate::decode::{self, TextEncoding};
use crate::detect::{detect, Format};
use crate::formats::{ParseStats, MAX_SKIP_SAMPLES};
use crate::load::{complete, Content, Loaded, LoadOptions};
use crate::stream::HEAD_BYTES;

/// Files smaller than this are read by one worker: starting more costs more than it saves.
pub const MIN_SPLIT_BYTES: u64 = 48 * 1024 * 1024;

/// How a file is split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The bytes before the first record (a CSV's header line with any preamble), given to every
    /// part but the first, which reads them itself.
    pub header: Vec<u8>,
    /// Each part's nominal byte range `[start, end)`; the first starts at 0, the last ends at
    /// the file's size. A part reads the lines whose first byte falls in its range.
    pub ranges: Vec<(u64, u64)>,
    /// A log (Exim) rather than Mailflow's own format: in a browser a second worker does not
    /// pay, the workers' `Blob` reads and parsing competing for the cores (Chromium, 256 MB:
    /// 1.55 s with one worker and 1.85 s with two in 4 MB slices; 189 against 151 MB/s, and a
    /// 339 against 467 MB renderer peak, in 8 MB slices; measured again once parsing was a
    /// third faster, 2026-12-01: 213 against 168 MB/s, 256 against 383 MB); natively it does
    /// (0.65 s on one thread, 0.30 s on two).
    pub log: bool,
    /// How the parts' bytes divide into records.
    pub framing: Framing,
}

/// How a file's bytes divide into records, for cutting it in parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Framing {
    /// A table's field delimiter: its quoted fields may hold line breaks. `None`: every line is a
    /// record (JSON Lines, logs).
    pub delimiter: Option<u8>,
    /// UTF-16LE: two bytes per character code.
    pub utf16: bool,
}

impl Framing {
    /// Bytes per character code.
    fn unit(self) -> usize {
        if self.utf16 {
            2
        } else {
            1
        }
    }
}

/// Runs [`plan`] once on a small made-up CSV head (see `ui::loading::workers::warm_up`): the
/// first call of format detection and planning then happens when the page starts.
pub fn warm_up() -> bool {
    let head = b"date,direction,connector,tls,count\n2026-11-20,Inbound,,TLS 1.2,3\n".repeat(64);
    plan(&head, MIN_SPLIT_BYTES, 2, &LoadOptions::default()).is_some()
}

/// Decides from the file's first bytes whether it can be read in `parts` parts, and where.
/// Mailflow's CSV (ISO dates, read as it streams), JSON Lines, Exim logs and the Exchange Online
/// exports whose rows stand alone (see [`crate::formats::exo::splits`]) qualify, in a
/// single-byte encoding or UTF-8, and tables in UTF-16LE too (as the enhanced summary is
/// downloaded). (A Postfix log does not: its sessions span lines.)
pub fn plan(head: &[u8], size: u64, parts: usize, options: &LoadOptions) -> Option<Plan> {
    if parts < 2 || size < MIN_SPLIT_BYTES || options.mapping.is_some() || options.date_order.is_some() {
        return None;
    }
    let head = head.get(..head.len().min(HEAD_BYTES))?;
    if crate::unpack::is_gzip(head) || crate::unpack::is_zip(head) {
        return None;
    }
    let (text, bom) = match decode::sniff(head, false).ok()? {
        TextEncoding::Utf8 | TextEncoding::Windows1252 => (String::from_utf8_lossy(head).into_owned(), None),
        TextEncoding::Utf16Le => {
            let bom = if head.starts_with(&[0xFF, 0xFE]) { 2 } else { 0 };
            let units: Vec<u16> = head.get(bom..)?.chunks_exact(2).map(|u| u16::from_le_bytes([u[0], u[1]])).collect();
            (String::from_utf16_lossy(&units), Some(bom))
        }
        _ => return None,
    };
    let sample = text.get(..text.rfind('\n')? + 1)?;
    // A table's preamble and header line, as bytes of the file (the header holds no quoted line
    // break).
    let header = |offset: usize| -> Option<Vec<u8>> {
        let bytes = match bom {
            Some(bom) => bom + 2 * text.get(..offset + text.get(offset..)?.find('\n')? + 1)?.encode_utf16().count(),
            None => offset + memchr::memchr(b'\n', head.get(offset..)?)? + 1,
        };
        head.get(..bytes).map(<[u8]>::to_vec)
    };
    let format = detect(sample).ok()?;
    let log = matches!(format, Format::Exim);
    let (header, delimiter) = match format {
        // JSON Lines and Exim: every record is one line; Exim's TLS evidence is handed over.
        Format::MailflowJsonl | Format::Exim if bom.is_none() => (Vec::new(), None),
        // Tables: quoted fields may hold line breaks, which the parts check (see `merge`).
        Format::MailflowCsv { dialect, columns } if crate::formats::mailflow::first_date_iso(sample, &dialect, &columns) => (header(dialect.header_offset)?, Some(dialect.delimiter)),
        Format::Exchange { dialect, layout } if crate::formats::exo::splits(sample, &dialect, &layout) => (header(dialect.header_offset)?, Some(dialect.delimiter)),
        _ => return None,
    };
    // UTF-16LE ranges begin at a character's first byte.
    let step = if bom.is_some() { size / parts as u64 & !1 } else { size / parts as u64 };
    let ranges = (0..parts as u64).map(|k| (k * step, if k + 1 == parts as u64 { size } else { (k + 1) * step })).collect();
    Some(Plan { header, ranges, log, framing: Framing { delimiter, utf16: bom.is_some() } })
}

/// The first ASCII character `b` in `bytes`: a byte, or (`unit` 2, `bytes` starting at a
/// character) a UTF-16LE code unit at an even index.
fn find_unit(bytes: &[u8], b: u8, unit: usize) -> Option<usize> {
    if unit == 1 {
        return memchr::memchr(b, bytes);
    }
    memchr::memchr_iter(b, bytes).find(|&i| i % 2 == 0 && bytes.get(i + 1) == Some(&0))
}

/// How many ASCII characters `b` are in `bytes` (see [`find_unit`]). Single bytes are counted
/// in runs of 255 into 8-bit sums, which LLVM turns into vector compares (a count into 64-bit
/// sums made the parts of a CSV 1.18× slower natively).
fn count_unit(bytes: &[u8], b: u8, unit: usize) -> u64 {
    if unit == 1 {
        return bytes.chunks(255).map(|run| u64::from(run.iter().fold(0u8, |n, x| n + u8::from(*x == b)))).sum();
    }
    memchr::memchr_iter(b, bytes).filter(|&i| i % 2 == 0 && bytes.get(i + 1) == Some(&0)).count() as u64
}

/// Cuts a part's own records out of the bytes a worker reads from [`Cut::read_from`] (the
/// character before its range, so that it can tell whether its range begins at a line start)
/// onwards: bytes up to the first line start at or after the range's start are skipped, and
/// bytes stop after the record that holds the range's last character.
///
/// In a table a line break inside a quoted field ends no record. A part cannot know whether its
/// first line start is inside such a field, so it assumes it is not, follows the quotes from
/// there, and says where it began and ended ([`Cut::first`], [`Cut::last`]): [`merge`] takes the
/// parts only when each began exactly where the one before it ended, which (the first part
/// beginning at the file's start) makes every part begin at a record's start, as one pass reads
/// it. Quotes are followed as the CSV reader reads them: a `"` opens a quoted field only at a
/// field's start; one elsewhere (`5" disk`) is a plain character to the reader but would turn a
/// count of quotes around, so a part that meets one cannot stand for its share ([`Cut::stray`]).
#[derive(Clone, Debug)]
pub struct Cut {
    /// The absolute offset of the next byte pushed.
    at: u64,
    /// Whether the part's first line start (at or after the range's start) was found.
    started: bool,
    start: u64,
    end: u64,
    done: bool,
    framing: Framing,
    /// Quotes before this offset are not followed (a preamble's and the header line's, which
    /// one pass reads apart).
    quotes_from: u64,
    /// Inside a quoted field.
    inside: bool,
    /// The character before the next byte pushed (a line feed before the first).
    prev: u16,
    /// A quote not at a field's start was met (see above).
    pub stray: bool,
    /// Line ends in the part's own bytes.
    pub newlines: u64,
    /// The absolute offset of the part's first own byte.
    pub first: u64,
    /// The absolute offset just after its last own byte, once its last record ended; `None`
    /// while it has not, and when no record ended within [`MAX_OVERRUN`] bytes of its end.
    pub last: Option<u64>,
}

/// How far past its range a part reads for the end of its last record before it gives up (a
/// quote left open): as long as a row may be ([`crate::stream`] cuts such a row at a line end).
pub const MAX_OVERRUN: u64 = 16 * 1024 * 1024;

impl Cut {
    /// The offset the worker should read from for the range `[start, end)`: the character
    /// before it, in any encoding.
    pub fn read_from(start: u64) -> u64 {
        start.saturating_sub(2)
    }

    /// A cut for the range `[start, end)` of a file framed as `framing` (in UTF-16LE the range
    /// starts at an even offset, and [`Cut::take`] is given whole characters); quotes before
    /// `quotes_from` are not followed.
    pub fn new(start: u64, end: u64, framing: Framing, quotes_from: u64) -> Cut {
        let done = start >= end;
        Cut {
            at: Cut::read_from(start),
            started: start == 0,
            start,
            end,
            done,
            framing,
            quotes_from,
            inside: false,
            prev: u16::from(b'\n'),
            stray: false,
            newlines: 0,
            first: start,
            last: done.then_some(start),
        }
    }

    /// True once the part's last record is complete: nothing more needs reading.
    pub fn done(&self) -> bool {
        self.done
    }

    /// The character at `i` of `bytes` (a byte, or a UTF-16LE code unit).
    fn char_at(&self, bytes: &[u8], i: usize) -> u16 {
        match self.framing.utf16 {
            false => bytes.get(i).map_or(0, |b| u16::from(*b)),
            true => u16::from_le_bytes([bytes.get(i).copied().unwrap_or(0), bytes.get(i + 1).copied().unwrap_or(0)]),
        }
    }

    /// Follows the quote at `i` of `bytes` (`from` the index of the first own byte, `base` the
    /// absolute offset of `bytes[0]`).
    fn quote(&mut self, bytes: &[u8], i: usize, from: usize, base: u64, delimiter: u8) {
        if base + (i as u64) < self.quotes_from {
            return;
        }
        if self.inside {
            self.inside = false; // a closing quote, or the first of a doubled one
            return;
        }
        let unit = self.framing.unit();
        let before = if i >= from + unit { self.char_at(bytes, i - unit) } else { self.prev };
        // A field's start (after the delimiter or a line end), or a doubled quote's second.
        let field_start = before == u16::from(delimiter) || before == u16::from(b'\n') || before == u16::from(b'\r');
        if field_start || before == u16::from(b'"') {
            self.inside = true;
        } else {
            self.stray = true;
        }
    }

    /// Follows the quotes in `bytes[from..]` (`from` at a character, `base` the absolute offset
    /// of `bytes[0]`) and returns the index of the first line feed outside quotes at or after
    /// `search` (`None`: there is none in `bytes`).
    fn record_end(&mut self, bytes: &[u8], from: usize, search: usize, base: u64) -> Option<usize> {
        let unit = self.framing.unit();
        let Some(delimiter) = self.framing.delimiter else {
            return bytes.get(search..).and_then(|rest| find_unit(rest, b'\n', unit)).map(|i| search + i);
        };
        let whole = |i: usize| unit == 1 || ((i - from) % 2 == 0 && bytes.get(i + 1) == Some(&0));
        // Before `search` only the quotes matter (a table without quotes has none to follow).
        let before = bytes.get(from..search.max(from)).unwrap_or(&[]);
        for i in memchr::memchr_iter(b'"', before).map(|i| from + i).filter(|&i| whole(i)) {
            self.quote(bytes, i, from, base, delimiter);
        }
        let at = search.max(from);
        for i in memchr::memchr2_iter(b'"', b'\n', bytes.get(at..)?).map(|i| at + i).filter(|&i| whole(i)) {
            if bytes.get(i) == Some(&b'"') {
                self.quote(bytes, i, from, base, delimiter);
            } else if !self.inside {
                return Some(i);
            }
        }
        None
    }

    /// The part's own bytes within `chunk` (the next bytes read).
    pub fn take<'a>(&mut self, chunk: &'a [u8]) -> &'a [u8] {
        let chunk_start = self.at;
        self.at += chunk.len() as u64;
        if self.done {
            return &[];
        }
        let unit = self.framing.unit();
        let mut from = 0usize;
        if !self.started {
            // A line starts right after a `\n` at or after the range's first byte's character.
            let skip_to = (self.start.saturating_sub(unit as u64)).saturating_sub(chunk_start) as usize;
            match chunk.get(skip_to..).and_then(|rest| find_unit(rest, b'\n', unit)) {
                Some(i) => from = skip_to + i + unit,
                None => return &[],
            }
            self.started = true;
            self.first = chunk_start + from as u64;
            if self.first >= self.end {
                // The part's first line starts at or after its end: it owns no record.
                self.done = true;
                self.last = Some(self.first);
                return &[];
            }
        }
        // The first record start at or after `end` (right after the first record end at or
        // after the range's last character) belongs to the next part. A UTF-16LE file of an odd
        // size is read to its end (its last byte is half a character, which one pass reports).
        let search = if self.framing.utf16 && self.end % 2 == 1 {
            chunk.len()
        } else {
            ((self.end.saturating_sub(unit as u64)).max(chunk_start + from as u64) - chunk_start).min(chunk.len() as u64) as usize
        };
        let search = search - search % unit;
        let mut to = chunk.len();
        if let Some(i) = self.record_end(chunk, from, search, chunk_start) {
            to = i + unit;
            self.done = true;
            self.last = Some(chunk_start + to as u64);
        } else if self.at > self.end.saturating_add(MAX_OVERRUN) {
            // No record ends: the parts cannot be put together (see `merge`); stop reading.
            self.done = true;
        }
        if to >= from + unit {
            self.prev = self.char_at(chunk, to - unit);
        }
        let own = chunk.get(from..to).unwrap_or(&[]);
        self.newlines += count_unit(own, b'\n', unit);
        own
    }
}

/// One part's result: what its worker loaded, the line ends in its own bytes, and where its
/// own bytes began and ended ([`Cut::first`], [`Cut::last`]).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PartResult {
    /// The part as loaded (its lines after the header).
    pub loaded: Loaded,
    /// Line ends in the part's own bytes (the header's not included, but for the first part).
    pub newlines: u64,
    /// The absolute offset of its first own byte.
    pub first: u64,
    /// The absolute offset after its last own byte, when its last record ended.
    pub last: Option<u64>,
}

/// One part being read, wherever its bytes come from (a worker's `Blob` slices, a file, memory):
/// its cut, and the load its own lines go into (after the plan's header, for every part but the
/// first).
pub struct PartLoad {
    cut: Cut,
    load: crate::stream::FileLoad,
    name: String,
    /// In UTF-16LE, a chunk's odd last byte, given to the cut with the next chunk (the cut
    /// looks at whole characters).
    carry: Option<u8>,
}

impl PartLoad {
    /// Starts part `index` of `name`, the byte range `[start, end)` of a file framed as
    /// `framing` whose records follow `header`; its bytes are read from
    /// [`Cut::read_from`]`(start)` on.
    pub fn new(name: &str, options: &LoadOptions, index: usize, (start, end): (u64, u64), header: &[u8], framing: Framing) -> PartLoad {
        let mut load = crate::stream::FileLoad::new(name, LoadOptions { split_part: true, ..options.clone() });
        if index > 0 {
            load.push(header);
        }
        // The first part reads the header itself; the quotes of its preamble are not a table's.
        let quotes_from = if index == 0 { header.len() as u64 } else { 0 };
        PartLoad { cut: Cut::new(start, end, framing, quotes_from), load, name: name.to_string(), carry: None }
    }

    /// Takes the next bytes read; returns how many of them were the part's own.
    pub fn push(&mut self, chunk: &[u8]) -> usize {
        if !self.cut.framing.utf16 {
            let own = self.cut.take(chunk);
            self.load.push(own);
            return own.len();
        }
        let joined: Vec<u8>;
        let mut bytes = chunk;
        if let Some(b) = self.carry.take() {
            joined = [&[b][..], chunk].concat();
            bytes = &joined;
        }
        let whole = bytes.len() - bytes.len() % 2;
        self.carry = bytes.get(whole).copied();
        let own = self.cut.take(bytes.get(..whole).unwrap_or(&[]));
        self.load.push(own);
        own.len()
    }

    /// True once the part's last line is in: nothing more needs reading.
    pub fn done(&self) -> bool {
        self.cut.done()
    }

    /// Deliveries counted so far.
    pub fn deliveries(&self) -> u64 {
        self.load.deliveries()
    }

    /// The part's result; `None` when it cannot stand for its share of one pass (the file is
    /// then read in one pass): it met a quote the CSV reader reads as a plain character, or it
    /// was read differently. A part that owns no line (one line longer than its range) gives an
    /// empty result.
    pub fn finish(mut self) -> Option<PartResult> {
        if let (Some(b), false) = (self.carry.take(), self.cut.done()) {
            // A file of UTF-16LE ending in half a character: the load says so.
            self.load.push(&[b]);
        }
        let Cut { newlines, first, last, stray, .. } = self.cut;
        if stray {
            return None;
        }
        match self.load.finish() {
            crate::stream::Outcome::Done(mut parts) if parts.len() == 1 => Some(PartResult { loaded: parts.remove(0).0, newlines, first, last }),
            crate::stream::Outcome::Done(parts) if parts.is_empty() && newlines == 0 => {
                let loaded = Loaded { report: crate::load::FileReport::new(&self.name, 0), content: Content::Nothing };
                Some(PartResult { loaded, newlines, first, last })
            }
            _ => None,
        }
    }
}

/// Puts the parts' results back together (in order): counts added, skipped rows' line numbers
/// made the file's, aggregates and records put together, the summary completed as for one pass.
/// `None` when the parts cannot stand for one pass: a part did not begin where the one before it
/// ended (a cut fell inside a quoted field), or a part was read differently (another format or
/// day/month order, or a part that could not be used on its own).
pub fn merge(parts: Vec<PartResult>, header: &[u8], framing: Framing) -> Option<Loaded> {
    let header_lines = count_unit(header, b'\n', framing.unit());
    let format = parts.first()?.loaded.report.format;
    if parts.first()?.first != 0 || parts.windows(2).any(|w| w[0].last != Some(w[1].first)) {
        return None;
    }
    // A part that could not be used on its own (all its rows skipped, say) still counts in
    // the report's figures, but an export's part loses what its records and tenants said.
    let date_order = parts.first()?.loaded.report.date_order;
    let records = matches!(format, Some(crate::lang::Msg::FormatExoTrace | crate::lang::Msg::FormatExoEnhanced));
    if parts.iter().any(|p| {
        let r = &p.loaded.report;
        r.date_order != date_order || (r.error.is_some() && (r.format != format || records))
    }) {
        return None;
    }
    if parts.iter().any(|p| p.loaded.report.format != format && p.loaded.report.stats.rows_read > 0) {
        return None;
    }
    let mut parts = parts.into_iter();
    let first = parts.next()?;
    let mut report = first.loaded.report;
    report.error = None;
    let mut sum = Sum::Nothing.add(first.loaded.content)?;
    let mut lines_before = first.newlines;
    let mut handovers: Vec<_> = report.stats.handover.take().into_iter().collect();
    for part in parts {
        let mut r = part.loaded.report;
        handovers.extend(r.stats.handover.take());
        // The last part may end in the middle of a character (see `FileLoad::finish`).
        report.warning = report.warning.take().or(r.warning.take());
        add_stats(&mut report.stats, &r.stats, lines_before.saturating_sub(header_lines));
        report.bytes = report.bytes.saturating_add(r.bytes.saturating_sub(header.len() as u64));
        report.found.connector |= r.found.connector;
        sum = sum.add(part.loaded.content)?;
        lines_before = lines_before.saturating_add(part.newlines);
    }
    report.stats.skips.sort_by_key(|s| s.line);
    report.stats.skips.truncate(MAX_SKIP_SAMPLES);
    let content = match sum {
        Sum::Messages(kind, records, tenants) => {
            // `complete` counts the records' directions onto the report's (the first part's).
            report.directions.iter_mut().for_each(|d| d.1 = 0);
            report.found = crate::load::records_found(&records);
            Content::Messages { kind, records: records.into(), tenants }
        }
        Sum::Nothing | Sum::Deliveries(_) => {
            let mut agg = match sum {
                Sum::Deliveries(agg) => agg,
                _ => Default::default(),
            };
            if !handovers.is_empty() {
                // What the parts held for want of a TLS line is counted as one pass would.
                let unlogged = crate::formats::evidence::settle(handovers, &mut agg);
                report.stats.tls_unlogged[0] = report.stats.tls_unlogged[0].saturating_add(unlogged.inbound);
                report.stats.tls_unlogged[1] = report.stats.tls_unlogged[1].saturating_add(unlogged.outbound);
                report.found.tls = report.stats.logs_tls();
            }
            Content::Deliveries(agg.into())
        }
    };
    Some(complete(report, content))
}

/// The parts' contents put together so far.
enum Sum {
    Nothing,
    Deliveries(crate::aggregate::Aggregate),
    Messages(crate::messages::SourceKind, crate::messages::Records, Vec<String>),
}

impl Sum {
    /// Adds the next part's content; `None` when it is of another kind (the parts were read
    /// differently).
    fn add(self, content: Content) -> Option<Sum> {
        Some(match (self, content) {
            (sum, Content::Nothing) => sum,
            (Sum::Nothing, Content::Deliveries(a)) => Sum::Deliveries(std::sync::Arc::unwrap_or_clone(a)),
            (Sum::Deliveries(mut agg), Content::Deliveries(a)) => {
                agg.merge_from(&a);
                Sum::Deliveries(agg)
            }
            (Sum::Nothing, Content::Messages { kind, records, tenants }) => Sum::Messages(kind, std::sync::Arc::unwrap_or_clone(records), tenants),
            (Sum::Messages(k, mut all, mut named), Content::Messages { kind, records, tenants }) if k == kind => {
                all.append(&records);
                for t in tenants {
                    if !named.contains(&t) {
                        named.push(t);
                    }
                }
                Sum::Messages(k, all, named)
            }
            _ => return None,
        })
    }
}

/// The parts' results gathered where they are put together (the loading worker of the first
/// part, off the page's main thread), in whatever order they come.
#[derive(Debug)]
pub struct Gather {
    results: Vec<Option<PartResult>>,
    header: Vec<u8>,
    framing: Framing,
}

impl Gather {
    /// Waits for `parts` results of a plan with this `header` and `framing`.
    pub fn new(parts: usize, header: Vec<u8>, framing: Framing) -> Gather {
        Gather { results: (0..parts).map(|_| None).collect(), header, framing }
    }

    /// Takes part `index`'s result. Once every part is in, what they make together:
    /// `Some(Some(file))`, or `Some(None)` when they cannot stand for one pass (read it in one).
    pub fn add(&mut self, index: usize, result: PartResult) -> Option<Option<Loaded>> {
        *self.results.get_mut(index)? = Some(result);
        if self.results.iter().any(Option::is_none) {
            return None;
        }
        let results = self.results.drain(..).flatten().collect();
        Some(merge(results, &self.header, self.framing))
    }
}

/// Adds a later part's counts; its skipped rows' lines move down by `shift`.
fn add_stats(to: &mut ParseStats, from: &ParseStats, shift: u64) {
    to.rows_read = to.rows_read.saturating_add(from.rows_read);
    to.deliveries = to.deliveries.saturating_add(from.deliveries);
    to.skipped = to.skipped.saturating_add(from.skipped);
    to.failures = to.failures.saturating_add(from.failures);
    to.local = to.local.saturating_add(from.local);
    to.other_lines = to.other_lines.saturating_add(from.other_lines);
    to.before_log = to.before_log.saturating_add(from.before_log);
    to.submissions.add_all(&from.submissions);
    for (a, b) in to.tls_unlogged.iter_mut().zip(from.tls_unlogged) {
        *a = a.saturating_add(b);
    }
    to.skips.extend(from.skips.iter().cloned().map(|mut s| {
        s.line = s.line.saturating_add(shift);
        s
    }));
}

/// Reads `bytes` as the parts of `plan` would (each part's lines after the plan's header,
/// pushed in pieces of `piece` bytes) and puts them together: what the workers do, in one
/// process, for tests and the benchmark.
pub fn load_split(name: &str, bytes: &[u8], plan: &Plan, piece: usize, options: &LoadOptions) -> Option<Loaded> {
    let mut results = Vec::new();
    for (k, &range) in plan.ranges.iter().enumerate() {
        let mut part = PartLoad::new(name, options, k, range, &plan.header, plan.framing);
        let from = usize::try_from(Cut::read_from(range.0)).ok()?;
        for chunk in bytes.get(from..)?.chunks(piece.max(1)) {
            part.push(chunk);
            if part.done() {
                break;
            }
        }
        results.push(part.finish()?);
    }
    merge(results, &plan.header, plan.framing)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: Framing = Framing { delimiter: Some(b','), utf16: false };
    const LINES: Framing = Framing { delimiter: None, utf16: false };

    #[test]
    fn the_warm_up_head_is_planned_in_parts() {
        // It must reach the whole path (detection, the quote check, the cut) to be worth running.
        assert!(warm_up());
    }

    fn csv(rows: usize, bad_every: usize) -> Vec<u8> {
        let mut s = String::from("date,direction,connector,tls,count,remote_host\n");
        for i in 0..rows {
            if bad_every > 0 && i % bad_every == 7 {
                s.push_str("not a date,Inbound,,TLS 1.2,1,x\n");
            } else {
                s.push_str(&format!("2026-03-{:02}T10:00:00.{:03}Z,{},Relay {},{},{},mx{}.example\n", 1 + i % 28, i % 1000, if i % 2 == 0 { "Inbound" } else { "Outbound" }, i % 3, ["TLS 1.2", "No TLS", "TLS 1.3"][i % 3], 1 + i % 4, i % 97));
            }
        }
        s.into_bytes()
    }

    fn fingerprint(l: &Loaded) -> String {
        let mut out = format!("{:?}\n", l.report);
        if let Content::Messages { kind, records, tenants } = &l.content {
            out += &format!("{kind:?} {records:?} {tenants:?}\n");
        }
        if let Content::Deliveries(agg) = &l.content {
            if let Some((a, b)) = agg.span() {
                let f = crate::aggregate::Filter::window(a, b);
                out += &format!("{:?}\n{:?}", agg.details(&f), agg.partners(&f, crate::model::Direction::Inbound, Some("Relay 1")));
            }
        }
        out
    }

    #[test]
    fn cuts_own_every_line_once_wherever_the_ranges_fall() {
        let bytes = b"h\nab\n\ncdef\ng\nhij\n";
        for parts in 1..6u64 {
            for piece in [1, 2, 3, 7, 100] {
                let size = bytes.len() as u64;
                let mut all = Vec::new();
                for k in 0..parts {
                    let (start, end) = (k * size / parts, if k + 1 == parts { size } else { (k + 1) * size / parts });
                    let mut cut = Cut::new(start, end, LINES, 0);
                    for chunk in bytes[Cut::read_from(start) as usize..].chunks(piece) {
                        all.extend_from_slice(cut.take(chunk));
                        if cut.done() {
                            break;
                        }
                    }
                }
                assert_eq!(all, bytes.to_vec(), "{parts} parts, pieces of {piece}");
            }
        }
    }

    #[test]
    fn split_reading_gives_what_one_pass_gives() {
        let bytes = csv(4000, 500);
        let one = crate::stream::load_in_pieces("t.csv", &bytes, 4096, 4096, &LoadOptions::default()).remove(0).0;
        for parts in [2, 3, 7] {
            let size = bytes.len() as u64;
            let step = size / parts;
            let plan = Plan {
                log: false,
                framing: CSV,
                header: bytes[..bytes.iter().position(|b| *b == b'\n').unwrap() + 1].to_vec(),
                ranges: (0..parts).map(|k| (k * step, if k + 1 == parts { size } else { (k + 1) * step })).collect(),
            };
            for piece in [333, 4096, 1 << 20] {
                let split = load_split("t.csv", &bytes, &plan, piece, &LoadOptions::default()).expect("splits");
                let (a, b) = (fingerprint(&split), fingerprint(&one));
                let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
                assert!(a == b, "{parts} parts, pieces of {piece}: split {:?} vs one pass {:?}", a.get(at.saturating_sub(80)..(at + 80).min(a.len())), b.get(at.saturating_sub(80)..(at + 80).min(b.len())));
            }
        }
        assert!(one.report.stats.skipped > 0 && one.report.stats.skips.iter().all(|s| s.line > 1));
    }

    #[test]
    fn which_files_are_split() {
        let big = MIN_SPLIT_BYTES;
        let good = csv(2000, 0);
        let p = plan(&good, big, 2, &LoadOptions::default()).expect("a Mailflow CSV splits");
        assert_eq!(p.header, b"date,direction,connector,tls,count,remote_host\n");
        assert_eq!(p.ranges, vec![(0, big / 2), (big / 2, big)]);
        assert!(plan(&good, big - 1, 2, &LoadOptions::default()).is_none(), "small files are read by one worker");
        assert!(plan(&good, big, 1, &LoadOptions::default()).is_none());
        let quoted = [&csv(100, 0)[..], b"2026-03-01,Inbound,\"A, B\",TLS 1.2,1,x\n"].concat();
        assert_eq!(plan(&quoted, big, 2, &LoadOptions::default()).map(|p| p.header.len()), Some(47), "quotes: split, the cuts checked when put together");
        let jsonl = b"{\"date\":\"2026-03-04\",\"direction\":\"Inbound\",\"tls\":\"TLS 1.2\"}\n".repeat(10);
        assert_eq!(plan(&jsonl, big, 3, &LoadOptions::default()).map(|p| p.header), Some(Vec::new()));
        let log = b"2026-03-04T10:00:00+00:00 mx postfix/smtpd[1]: connect from a[192.0.2.1]\n".repeat(10);
        assert!(plan(&log, big, 2, &LoadOptions::default()).is_none(), "Postfix carries state across lines");
        assert_eq!(plan(&exim_log(200), big, 2, &LoadOptions::default()).map(|p| (p.header, p.log)), Some((Vec::new(), true)), "Exim splits (natively)");
        assert!(!p.log);
        let utf16: Vec<u8> = String::from_utf8(good.clone()).unwrap().encode_utf16().flat_map(u16::to_le_bytes).collect();
        let p16 = plan(&utf16, big, 2, &LoadOptions::default()).expect("a UTF-16LE table splits");
        assert_eq!((p16.header.len(), p16.framing), (94, Framing { delimiter: Some(b','), utf16: true }));
        assert_eq!(plan(&utf16, big + 2, 2, &LoadOptions::default()).map(|p| p.ranges[0].1 % 2), Some(0), "at a character");
        let jsonl16: Vec<u8> = "{\"date\":\"2026-03-04\",\"direction\":\"Inbound\",\"tls\":\"TLS 1.2\"}\n".repeat(10).encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(plan(&jsonl16, big, 2, &LoadOptions::default()).is_none(), "lines in UTF-16LE: one pass");
    }

    #[test]
    fn parts_gathered_in_any_order_give_one_pass() {
        let bytes = csv(3000, 400);
        let one = crate::stream::load_in_pieces("t.csv", &bytes, 4096, 4096, &LoadOptions::default()).remove(0).0;
        let size = bytes.len() as u64;
        let header = bytes[..bytes.iter().position(|b| *b == b'\n').unwrap() + 1].to_vec();
        let ranges = [(0, size / 3), (size / 3, 2 * size / 3), (2 * size / 3, size)];
        let read = |k: usize| {
            let (start, end) = ranges[k];
            let mut cut = Cut::new(start, end, CSV, if k == 0 { header.len() as u64 } else { 0 });
            let mut load = crate::stream::FileLoad::new("t.csv", LoadOptions::default());
            if k > 0 {
                load.push(&header);
            }
            load.push(cut.take(&bytes[Cut::read_from(start) as usize..]));
            match load.finish() {
                crate::stream::Outcome::Done(mut p) => PartResult { loaded: p.remove(0).0, newlines: cut.newlines, first: cut.first, last: cut.last },
                _ => unreachable!(),
            }
        };
        let mut g = Gather::new(3, header.to_vec(), CSV);
        assert!(g.add(2, read(2)).is_none(), "waits for every part");
        assert!(g.add(0, read(0)).is_none());
        let merged = g.add(1, read(1)).expect("all in").expect("stands for one pass");
        assert_eq!(fingerprint(&merged), fingerprint(&one));
        assert!(Gather::new(2, header.to_vec(), CSV).add(5, read(0)).is_none(), "a part it does not wait for changes nothing");
    }

    /// An Exim log whose sending side shows its first `X=` only near the end (so one pass holds
    /// the outbound deliveries without `X=` until then, and counts them No TLS), and whose
    /// receiving side never shows one (its arrivals without `X=` or protocol stay Unknown).
    fn exim_log(lines: usize) -> Vec<u8> {
        let mut s = String::new();
        for i in 0..lines {
            let id = format!("1t{:04x}-{:06X}-{:02X}", i % 0xffff, i, i % 0xff);
            let stamp = format!("2026-03-{:02} 10:{:02}:{:02}", 1 + i % 28, i % 60, i % 60);
            if i == lines - 5 {
                s += &format!("{stamp} {id} => late@tls.example R=dnslookup T=remote_smtp H=mx.tls.example [192.0.2.9] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 C=\"250 OK\"\n");
            } else if i % 2 == 0 {
                s += &format!("{stamp} {id} => u{i}@p{}.example R=dnslookup T=remote_smtp H=mx.p{}.example [192.0.2.{}] C=\"250 OK\"\n", i % 7, i % 7, 1 + i % 7);
            } else {
                s += &format!("{stamp} {id} <= a{i}@q{}.example H=mx.q{}.example [198.51.100.{}] S=1000 id=m{i}@q.example\n", i % 5, i % 5, 1 + i % 5);
            }
        }
        s.into_bytes()
    }

    #[test]
    fn logs_and_json_lines_in_parts_give_what_one_pass_gives() {
        let log = exim_log(3000);
        let one = crate::stream::load_in_pieces("mainlog", &log, 4096, 4096, &LoadOptions::default()).remove(0).0;
        assert_eq!(one.report.format, Some(crate::lang::Msg::FormatExim));
        let plan_of = |bytes: &[u8], parts: u64| {
            let size = bytes.len() as u64;
            Plan { header: Vec::new(), log: false, framing: LINES, ranges: (0..parts).map(|k| (k * size / parts, if k + 1 == parts { size } else { (k + 1) * size / parts })).collect() }
        };
        for parts in [2, 3, 7] {
            let split = load_split("mainlog", &log, &plan_of(&log, parts), 4096, &LoadOptions::default()).expect("an Exim log splits");
            assert_eq!(fingerprint(&split), fingerprint(&one), "{parts} parts");
        }
        let Content::Deliveries(agg) = &one.content else { panic!() };
        let f = crate::aggregate::Filter::window(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), chrono::NaiveDate::from_ymd_opt(2026, 3, 28).unwrap());
        let t = agg.totals(&f);
        assert_eq!((t.outbound.get(crate::tls::Tls::None), t.inbound.get(crate::tls::Tls::Unknown)), (1500, 1499), "the case holds what it should");
        assert_eq!(one.report.stats.tls_unlogged, [1499, 0]);

        let jsonl: Vec<u8> = (0..4000).flat_map(|i| format!("{{\"date\":\"2026-03-{:02}\",\"direction\":\"Inbound\",\"tls\":\"TLS 1.2\",\"count\":{},\"remote_domain\":\"d{}.example\"}}\n", 1 + i % 28, 1 + i % 3, i % 11).into_bytes()).collect();
        let one = crate::stream::load_in_pieces("t.jsonl", &jsonl, 4096, 4096, &LoadOptions::default()).remove(0).0;
        let split = load_split("t.jsonl", &jsonl, &plan_of(&jsonl, 3), 4096, &LoadOptions::default()).expect("JSON Lines split although every line has quotes");
        assert_eq!(fingerprint(&split), fingerprint(&one));
    }

    /// A CSV whose quoted fields hold line breaks and doubled quotes now and then, with a bad
    /// row after some of them (its line number must come out as one pass says).
    fn quoted_csv(rows: usize) -> Vec<u8> {
        let mut s = String::from("date,direction,connector,tls,count,remote_host\n");
        for i in 0..rows {
            let connector = match i % 37 {
                0 => "\"Relay\nwith a line break\"".to_string(),
                5 => "\"Relay \"\"quoted\"\"\n,\n\"".to_string(),
                9 => "\"Hub, East\"".to_string(),
                _ => format!("Relay {}", i % 3),
            };
            if i % 53 == 6 {
                s.push_str("not a date,Inbound,,TLS 1.2,1,x\n");
            }
            s.push_str(&format!("2026-03-{:02}T10:00:00Z,Inbound,{connector},TLS 1.2,1,mx{}.example\n", 1 + i % 28, i % 13));
        }
        s.into_bytes()
    }

    #[test]
    fn a_cut_in_a_quoted_line_break_means_one_pass_and_any_other_cut_splits_exactly() {
        let bytes = quoted_csv(400);
        let one = crate::stream::load_in_pieces("t.csv", &bytes, 4096, 4096, &LoadOptions::default()).remove(0).0;
        let header = bytes[..47].to_vec();
        // Where records start, as one pass cuts them (a line break outside quotes).
        let mut starts = vec![0usize];
        let mut inside = false;
        for (i, b) in bytes.iter().enumerate() {
            match b {
                b'"' => inside = !inside,
                b'\n' if !inside => starts.push(i + 1),
                _ => {}
            }
        }
        let (mut split, mut not) = (0, 0);
        for c in (48..bytes.len() - 1).step_by(19) {
            let plan = Plan { header: header.clone(), ranges: vec![(0, c as u64), (c as u64, bytes.len() as u64)], log: false, framing: CSV };
            let line_start = c + bytes[c - 1..].iter().position(|b| *b == b'\n').unwrap();
            match load_split("t.csv", &bytes, &plan, 97, &LoadOptions::default()) {
                Some(l) => {
                    assert!(starts.contains(&line_start), "cut at {c}: the second part began inside quotes and was taken");
                    assert_eq!(fingerprint(&l), fingerprint(&one), "cut at {c}");
                    split += 1;
                }
                None => {
                    assert!(!starts.contains(&line_start), "cut at {c}: a good cut was refused");
                    not += 1;
                }
            }
        }
        assert!(split > 100 && not > 3, "{split} cuts split, {not} refused");
        // Three parts, the middle one owning nothing but a quoted field's second line.
        let at = bytes.windows(6).position(|w| w == b"Relay\n").unwrap() + 6;
        let plan = Plan { header, ranges: vec![(0, at as u64), (at as u64, at as u64 + 3), (at as u64 + 3, bytes.len() as u64)], log: false, framing: CSV };
        assert!(load_split("t.csv", &bytes, &plan, 4096, &LoadOptions::default()).is_none());
    }

    #[test]
    fn utf16_cuts_own_every_character_once_and_see_only_whole_characters() {
        // Characters whose bytes hold a line feed's or a quote's (U+0A22, U+220A, U+010A, U+2200)
        // must not be taken for one, nor a quote inside a quoted field for a record end.
        let text = "h,\"x\"\nab\u{0a22},\"q\nr\"\n\n\u{220a}cdef\n\u{010a}g\u{2200}\nhij\n\"k\"\"\n\"\n";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let size = bytes.len() as u64;
        let mut chained = 0;
        for (parts, piece, quoted) in (1..6u64).flat_map(|p| [2, 4, 6, 14, 200].into_iter().flat_map(move |c| [(p, c, false), (p, c, true)])) {
            let mut all = Vec::new();
            let mut ends = Vec::new();
            for k in 0..parts {
                let (start, end) = (k * size / parts & !1, if k + 1 == parts { size } else { (k + 1) * size / parts & !1 });
                let mut cut = Cut::new(start, end, Framing { delimiter: quoted.then_some(b','), utf16: true }, 0);
                for chunk in bytes[Cut::read_from(start) as usize..].chunks(piece) {
                    all.extend_from_slice(cut.take(chunk));
                    if cut.done() {
                        break;
                    }
                }
                ends.push((cut.first, cut.last));
            }
            let line_start = |f: u64| f == 0 || f >= size || (f % 2 == 0 && bytes[f as usize - 2..f as usize] == [b'\n', 0]);
            assert!(ends.iter().all(|(f, _)| line_start(*f)), "{parts} parts, pieces of {piece}: {ends:?}");
            // Lines: every line once. Records: every record once when the parts chain (else
            // `merge` refuses them).
            if !quoted || ends.windows(2).all(|w| w[0].1 == Some(w[1].0)) {
                chained += usize::from(quoted);
                assert_eq!(all, bytes, "{parts} parts, pieces of {piece}, quoted {quoted}: {ends:?}");
            }
        }
        assert!(chained >= 10, "{chained}");
    }

    #[test]
    fn a_quote_left_open_stops_the_part_and_means_one_pass() {
        let mut bytes = b"x,1\n".repeat(10);
        bytes.extend_from_slice(b"y,\"open\n");
        bytes.extend(b"z\n".repeat(MAX_OVERRUN as usize / 2 + 64));
        for (framing, stops) in [(CSV, true), (LINES, false)] {
            let mut cut = Cut::new(4, 50, framing, 0);
            let mut taken = 0;
            for chunk in bytes[Cut::read_from(4) as usize..].chunks(1 << 20) {
                taken += cut.take(chunk).len();
                if cut.done() {
                    break;
                }
            }
            assert!(cut.done());
            assert_eq!(cut.last.is_none(), stops, "{framing:?}: {:?}", cut.last);
            assert_eq!(taken > 1 << 20, stops);
        }
    }

    /// Every cut of `bytes` in two that is taken gives what one pass over the whole text gives;
    /// returns how many were taken and how many refused.
    fn every_cut(bytes: &[u8], header: usize, step: usize) -> (usize, usize) {
        let one = crate::stream::load_in_pieces("t.csv", bytes, bytes.len(), bytes.len(), &LoadOptions::default()).remove(0).0;
        let (mut taken, mut refused) = (0, 0);
        for c in (header + 1..bytes.len() - 1).step_by(step) {
            let plan = Plan { header: bytes[..header].to_vec(), ranges: vec![(0, c as u64), (c as u64, bytes.len() as u64)], log: false, framing: CSV };
            match load_split("t.csv", bytes, &plan, 97, &LoadOptions::default()) {
                Some(l) => {
                    assert_eq!(fingerprint(&l), fingerprint(&one), "cut at {c}");
                    taken += 1;
                }
                None => refused += 1,
            }
        }
        (taken, refused)
    }

    #[test]
    fn a_quote_inside_a_field_is_a_plain_character_and_means_one_pass() {
        // The CSV reader takes `Re"lay` as it is; counting it as a quote would turn every later
        // quoted line break into a record end.
        let mut bytes = b"date,direction,connector,tls,count,remote_host\n".to_vec();
        bytes.extend_from_slice(b"2026-03-01T10:00:00Z,Inbound,Re\"lay,TLS 1.2,1,x\n");
        for _ in 0..20 {
            bytes.extend_from_slice(b"2026-03-01T10:00:00Z,Inbound,\"Hub\nEast\",TLS 1.2,1,x\n2026-03-01T10:00:00Z,Inbound,\"West\nSide\",TLS 1.2,1,x\n");
        }
        let (taken, _) = every_cut(&bytes, 47, 1);
        assert_eq!(taken, 0, "the first part met the stray quote");
        // The same quote after the cut: the second part refuses.
        let mut later = b"date,direction,connector,tls,count,remote_host\n".to_vec();
        later.extend(b"2026-03-01T10:00:00Z,Inbound,\"Hub\nEast\",TLS 1.2,1,x\n".repeat(20));
        later.extend_from_slice(b"2026-03-01T10:00:00Z,Inbound,5\" disk,TLS 1.2,1,x\n");
        later.extend(b"2026-03-01T10:00:00Z,Inbound,\"Hub\nEast\",TLS 1.2,1,x\n".repeat(20));
        let (taken, refused) = every_cut(&later, 47, 1);
        assert!(taken == 0 && refused > 1000, "{taken} taken");
    }

    #[test]
    fn a_preamble_with_a_quote_is_not_followed() {
        let mut bytes = b"# exported by \"script\n".to_vec();
        let header = bytes.len() + 47;
        bytes.extend_from_slice(&quoted_csv(120));
        assert_eq!(plan(&bytes, MIN_SPLIT_BYTES, 2, &LoadOptions::default()).map(|p| p.header.len()), Some(header));
        let (taken, refused) = every_cut(&bytes, header, 7);
        assert!(taken > 300 && refused > 3, "{taken} taken, {refused} refused");
    }

    #[test]
    fn a_utf16_file_ending_in_half_a_character_reads_as_in_one_pass() {
        let (mut bytes, _) = crate::synth::generate(crate::synth::Kind::Enhanced, 200_000, 3);
        bytes.push(b'A');
        let one = crate::stream::load_in_pieces("e.csv", &bytes, 4096, 4096, &LoadOptions::default()).remove(0).0;
        assert!(one.report.warning.is_some());
        let p = plan(&bytes[..HEAD_BYTES], MIN_SPLIT_BYTES, 2, &LoadOptions::default()).expect("splits");
        let half = bytes.len() as u64 / 2 & !1;
        let plan = Plan { ranges: vec![(0, half), (half, bytes.len() as u64)], ..p };
        for piece in [1001, 4096] {
            let split = load_split("e.csv", &bytes, &plan, piece, &LoadOptions::default()).expect("splits");
            assert_eq!(fingerprint(&split), fingerprint(&one), "pieces of {piece}");
        }
    }

    /// A `Get-MessageTrace | Export-Csv` file: quoted fields, an Organization column, a tenant
    /// named only in the second half, and rows whose date cannot be read after `bad_from`.
    fn trace(rows: usize, bad_from: usize) -> Vec<u8> {
        let mut s = String::from("\"Organization\",\"MessageId\",\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"ToIP\",\"FromIP\",\"Size\",\"MessageTraceId\"\r\n");
        for i in 0..rows {
            let org = if i > rows / 2 && i % 9 == 0 { "fabrikam.onmicrosoft.com" } else { "contoso.onmicrosoft.com" };
            let date = if i >= bad_from { "someday".to_string() } else { format!("2026-03-{:02}T10:{:02}:00.{:03}Z", 1 + i % 28, i % 60, i % 1000) };
            let ip = if i % 2 == 0 { ("", "203.0.113.9") } else { ("198.51.100.7", "") };
            s += &format!("\"{org}\",\"<m{i}@x.example>\",\"{date}\",\"a{i}@p{}.example\",\"u@contoso.com\",\"Café \"\"{i}\"\"\",\"Delivered\",\"{}\",\"{}\",\"{}\",\"{:08x}\"\r\n", i % 17, ip.0, ip.1, 1000 + i, i);
        }
        s.into_bytes()
    }

    #[test]
    fn a_message_trace_in_parts_gives_one_pass_records_and_tenants() {
        let bytes = trace(3000, usize::MAX);
        let one = crate::stream::load_in_pieces("trace.csv", &bytes, 4096, 4096, &LoadOptions::default()).remove(0).0;
        assert_eq!(one.report.format, Some(crate::lang::Msg::FormatExoTrace));
        let Content::Messages { tenants, .. } = &one.content else { panic!("{:?}", one.report) };
        assert_eq!(tenants.len(), 2);
        let p = plan(&bytes, MIN_SPLIT_BYTES, 3, &LoadOptions::default()).expect("a trace splits");
        let size = bytes.len() as u64;
        let thirds = Plan { ranges: vec![(0, size / 3), (size / 3, 2 * size / 3), (2 * size / 3, size)], ..p };
        let split = load_split("trace.csv", &bytes, &thirds, 4096, &LoadOptions::default()).expect("splits");
        assert_eq!(fingerprint(&split), fingerprint(&one));
        // A part none of whose rows can be used gives nothing on its own (its tenants, what its
        // records say): one pass.
        let bytes = trace(3000, 1900);
        let size = bytes.len() as u64;
        let thirds = Plan { ranges: vec![(0, size / 3), (size / 3, 2 * size / 3), (2 * size / 3, size)], ..thirds };
        assert!(load_split("trace.csv", &bytes, &thirds, 4096, &LoadOptions::default()).is_none());
    }

    #[test]
    fn exchange_online_exports_in_parts_give_the_records_of_one_pass() {
        let (utf16, _) = crate::synth::generate(crate::synth::Kind::Enhanced, 600_000, 7);
        let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        let utf8 = String::from_utf16(&units).unwrap().into_bytes();
        // As downloaded (UTF-16LE), and as re-saved in UTF-8; pieces of an odd size too.
        for (bytes, pieces) in [(utf16, [1001, 1 << 20]), (utf8, [1000, 1 << 20])] {
            enhanced_in_thirds(&bytes, pieces);
        }
        // An extended report's event rows of one message may fall in two parts: one pass.
        let extended = "\"date_time_utc\",\"event_id\",\"recipient_address\",\"message_id\"\n\"2026-03-01T10:00:00Z\",\"RECEIVE\",\"a@b.example\",\"<m@x>\"\n".repeat(50);
        assert!(plan(extended.as_bytes(), MIN_SPLIT_BYTES, 2, &LoadOptions::default()).is_none());
    }

    fn enhanced_in_thirds(bytes: &[u8], pieces: [usize; 2]) {
        let one = crate::stream::load_in_pieces("enhanced.csv", &bytes, 4096, 4096, &LoadOptions::default()).remove(0).0;
        assert_eq!(one.report.format, Some(crate::lang::Msg::FormatExoEnhanced));
        let Content::Messages { records, .. } = &one.content else { panic!("{:?}", one.report) };
        assert!(records.len() > 2000);
        let p = plan(&bytes[..HEAD_BYTES], MIN_SPLIT_BYTES, 3, &LoadOptions::default()).expect("an enhanced summary splits");
        let size = bytes.len() as u64;
        let third = size / 3 & !1;
        let thirds = Plan { ranges: vec![(0, third), (third, 2 * third), (2 * third, size)], ..p };
        for piece in pieces {
            let split = load_split("enhanced.csv", bytes, &thirds, piece, &LoadOptions::default()).expect("splits");
            let (a, b) = (fingerprint(&split), fingerprint(&one));
            let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            assert!(a == b, "pieces of {piece}: split {:?} vs one pass {:?}", a.get(at.saturating_sub(200)..(at + 80).min(a.len())), b.get(at.saturating_sub(200)..(at + 80).min(b.len())));
        }
    }
}
