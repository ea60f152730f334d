//! Loading a file piece by piece, in chunks of any size as a browser or a disk hands them over:
//! gzip opened on the way, text decoded across chunk boundaries (a UTF-16 or UTF-8 character
//! split between two chunks included), and the big formats (Mailflow's CSV and JSON Lines,
//! Postfix and Exim logs, Exchange Online exports) parsed as their rows arrive, so that memory
//! grows with the aggregate (or an export's compact records) and not with the file. The other
//! formats (Exchange Server logs, TLS reports, zip archives) are gathered and read whole by
//! [`crate::load`], up to [`MAX_WHOLE_BYTES`].

use crate::lang::{Msg, Said};
use chrono::{Datelike, NaiveDate};

use crate::aggregate::Aggregate;
use crate::dates::DateOrder;
use crate::decode;
use crate::detect::{detect, Format};
use crate::formats::mailflow::{self, Columns};
use crate::formats::{exim, exo, postfix, table, ParseStats};
use crate::messages::SourceKind;
use crate::load::{complete, exchange_content, load_all, Content, FileReport, Found, LoadOptions, Loaded, LogTimes};
use crate::unpack;

/// How many bytes of a file are looked at to tell its encoding and format.
pub const HEAD_BYTES: usize = 64 * 1024;

/// Formats that are read whole are read up to this size.
pub const MAX_WHOLE_BYTES: usize = 1024 * 1024 * 1024;

/// Decoded text is handed to the parser in blocks of about this size.
pub const BLOCK_BYTES: usize = 1024 * 1024;

/// A CSV row with an unclosed quote is cut at a line break after this much text, so that a
/// broken file cannot hold everything in memory.
const MAX_ROW_BYTES: usize = 16 * 1024 * 1024;

/// One file out of a load, with its bytes when they came out of a zip archive (the file as
/// dropped can be read again otherwise).
pub type Part = (Loaded, Option<Vec<u8>>);

/// How a load ended.
#[derive(Debug)]
pub enum Outcome {
    /// The files read: one, or an archive's.
    Done(Vec<Part>),
    /// The same bytes must be read again with these options: a log without years whose last line
    /// showed that its first line fell in another year than its start suggested.
    Again(LoadOptions),
}

/// A file being loaded: push its bytes in order, then finish.
pub struct FileLoad {
    name: String,
    options: LoadOptions,
    received: u64,
    block: usize,
    size: Option<u64>,
    stage: Stage,
}

enum Stage {
    /// The first bytes, until there are enough to tell what the file is.
    Head(Vec<u8>),
    /// gzip: decompressed into a buffer that is emptied into the file inside after every write.
    Gunzip { decoder: Box<flate2::write::MultiGzDecoder<Vec<u8>>>, inner: Box<FileLoad>, problem: Option<Said> },
    /// A format read whole.
    Whole(Vec<u8>),
    /// A format read whole that grew past [`MAX_WHOLE_BYTES`].
    TooBig(Msg),
    /// Not text or not recognised: the start is kept for the message, the rest is dropped.
    Rejected(Vec<u8>),
    /// Text parsed as it comes.
    Text(Box<TextLoad>),
    /// Between states.
    Moved,
}

struct TextLoad {
    decoder: encoding_rs::Decoder,
    pending: String,
    /// When the pending text held no whole record, it is looked at again only once it has
    /// doubled: a row with an unclosed quote arriving in small pieces costs linear time, not
    /// quadratic (each look scans all the pending text).
    retry_at: usize,
    report: FileReport,
    parser: Parser,
    agg: Aggregate,
    /// The last byte read (see [`decode::readable_end`]).
    last_byte: Option<u8>,
}

enum Parser {
    Csv(mailflow::CsvParser),
    Jsonl(mailflow::JsonlParser),
    Postfix(postfix::Parser),
    Exim(exim::Parser),
    Exo(Box<exo::Reader>, SourceKind),
}

impl Parser {
    fn feed(&mut self, text: &str, agg: &mut Aggregate) {
        match self {
            Parser::Csv(p) => p.feed(text, agg),
            Parser::Jsonl(p) => p.feed(text, agg),
            Parser::Postfix(p) => p.feed(text, agg),
            Parser::Exim(p) => p.feed(text, agg),
            Parser::Exo(r, _) => r.feed(text),
        }
    }

    fn stats(&self) -> &ParseStats {
        match self {
            Parser::Csv(p) => p.stats(),
            Parser::Jsonl(p) => &p.stats,
            Parser::Postfix(p) => p.stats(),
            Parser::Exim(p) => p.stats(),
            Parser::Exo(r, _) => r.stats(),
        }
    }

    /// Where the last whole record of `text` ends.
    fn cut(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let line_end = || memchr::memrchr(b'\n', bytes).map(|i| i + 1);
        match self {
            Parser::Csv(_) | Parser::Exo(..) => table::row_end(bytes).or_else(|| if bytes.len() > MAX_ROW_BYTES { line_end() } else { None }),
            _ => line_end(),
        }
    }
}

/// Decodes `src` onto the end of `dst`, keeping a character split at the end for the next call.
fn decode_into(decoder: &mut encoding_rs::Decoder, mut src: &[u8], dst: &mut String, last: bool) {
    loop {
        // Room for at most a block's worst case at a time: reserving for a whole 4 MB piece of
        // a single-byte encoding (three times its size) would outgrow the text it makes.
        let room = src.len().min(BLOCK_BYTES);
        dst.reserve(decoder.max_utf8_buffer_length(room).unwrap_or(room * 3 + 16));
        let (result, read, _) = decoder.decode_to_string(src, dst, last);
        src = &src[read..];
        if result == encoding_rs::CoderResult::InputEmpty {
            return;
        }
    }
}

impl FileLoad {
    /// Starts loading a file called `name`.
    pub fn new(name: &str, options: LoadOptions) -> FileLoad {
        FileLoad { name: name.to_string(), options, received: 0, block: BLOCK_BYTES, size: None, stage: Stage::Head(Vec::new()) }
    }

    /// Tells the load the file's size, so that a format read whole is gathered in one allocation
    /// of that size (growing a buffer by doubling would briefly need three times the file).
    pub fn with_size(mut self, bytes: u64) -> FileLoad {
        self.size = Some(bytes);
        self
    }

    /// Starts gathering a file that is read whole.
    fn gather(&mut self, head: Vec<u8>) {
        let mut all = head;
        if let Some(size) = self.size {
            all.reserve((size as usize).min(MAX_WHOLE_BYTES).saturating_sub(all.len()));
        }
        self.stage = Stage::Whole(all);
    }

    /// Hands text to the parser in blocks of `bytes` instead of [`BLOCK_BYTES`] (tests use tiny
    /// blocks to cut records at every point).
    pub fn with_block(mut self, bytes: usize) -> FileLoad {
        self.block = bytes.max(1);
        self
    }

    /// Bytes pushed so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// Deliveries counted so far.
    pub fn deliveries(&self) -> u64 {
        match &self.stage {
            Stage::Text(t) => t.parser.stats().deliveries,
            Stage::Gunzip { inner, .. } => inner.deliveries(),
            _ => 0,
        }
    }

    /// Takes the next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        self.received += bytes.len() as u64;
        match &mut self.stage {
            Stage::Head(head) => {
                head.extend_from_slice(bytes);
                if head.len() >= HEAD_BYTES {
                    self.start(false);
                }
            }
            Stage::Gunzip { decoder, inner, problem } => {
                if problem.is_some() {
                    return;
                }
                for piece in bytes.chunks(64 * 1024) {
                    if let Err(e) = std::io::Write::write_all(decoder.as_mut(), piece) {
                        *problem = Some(Said::new(Msg::GzipDamaged).text(e.to_string()));
                        return;
                    }
                    inner.push(&std::mem::take(decoder.get_mut()));
                }
            }
            Stage::Whole(all) => {
                if all.len() + bytes.len() > MAX_WHOLE_BYTES {
                    let what = if unpack::is_zip(all) { Msg::ZipArchives } else { Msg::FilesOfThisFormat };
                    self.stage = Stage::TooBig(what);
                } else {
                    all.extend_from_slice(bytes);
                }
            }
            Stage::Text(text) => text.push(bytes, self.block),
            Stage::TooBig(_) | Stage::Rejected(_) | Stage::Moved => {}
        }
    }

    /// Looks at the first bytes and picks how to go on.
    fn start(&mut self, finishing: bool) {
        let Stage::Head(head) = std::mem::replace(&mut self.stage, Stage::Moved) else { return };
        if unpack::is_gzip(&head) {
            let inner = FileLoad::new(&unpack::inner_name(&self.name), self.options.clone()).with_block(self.block);
            let decoder = Box::new(flate2::write::MultiGzDecoder::new(Vec::new()));
            self.stage = Stage::Gunzip { decoder, inner: Box::new(inner), problem: None };
            self.received -= head.len() as u64;
            self.push(&head);
            return;
        }
        if unpack::is_zip(&head) || crate::mailbox::looks_like_mail(&head) {
            return self.gather(head);
        }
        let Ok(encoding) = decode::sniff(&head, finishing) else {
            self.stage = Stage::Rejected(head);
            return;
        };
        let mut decoder = decode::encoding_of(encoding).new_decoder_with_bom_removal();
        let mut text = String::new();
        decode_into(&mut decoder, &head, &mut text, false);
        let sample = match (finishing, text.rfind('\n')) {
            (false, Some(i)) => text.get(..=i).unwrap_or(&text),
            _ => text.as_str(),
        };
        let format = match (&self.options.mapping, detect(sample)) {
            (Some(m), _) => table::sniff(sample).map(|dialect| Format::Mapped { dialect, columns: Columns::from_mapping(m) }),
            (None, Ok(f)) => Some(f),
            (None, Err(_)) => {
                self.stage = Stage::Rejected(head);
                return;
            }
        };
        let today = self.options.today.unwrap_or_else(|| chrono::Utc::now().date_naive());
        let parser = format.as_ref().and_then(|f| streaming_parser(f, sample, &self.options, today));
        let (Some(format), Some((parser, skip))) = (format, parser) else {
            return self.gather(head);
        };
        let mut report = FileReport::new(&self.name, 0);
        report.encoding = Some(encoding);
        report.format = Some(format.label());
        report.mapping = self.options.mapping.clone();
        if let Format::MailflowCsv { columns, .. } | Format::Mapped { columns, .. } = &format {
            report.found = Found { direction: true, connector: columns.has_connector(), tls: columns.has_tls() };
        }
        text.drain(..skip.min(text.len()));
        let mut load = TextLoad { decoder, pending: text, retry_at: 0, report, parser, agg: Aggregate::new(), last_byte: head.last().copied() };
        if load.pending.len() >= self.block {
            load.run(false);
        }
        self.stage = Stage::Text(Box::new(load));
    }

    /// Ends the file: what was read, or a request to read it again.
    pub fn finish(mut self) -> Outcome {
        if matches!(self.stage, Stage::Head(_)) {
            self.start(true);
        }
        let received = self.received;
        let name = self.name.clone();
        match std::mem::replace(&mut self.stage, Stage::Moved) {
            Stage::Head(_) | Stage::Moved => Outcome::Done(Vec::new()),
            Stage::Gunzip { mut decoder, mut inner, mut problem } => {
                if problem.is_none() {
                    if let Err(e) = decoder.try_finish() {
                        problem = Some(Said::new(Msg::GzipDamagedOrCut).text(e.to_string()));
                    }
                    inner.push(&std::mem::take(decoder.get_mut()));
                }
                match inner.finish() {
                    Outcome::Again(o) => Outcome::Again(o),
                    Outcome::Done(mut parts) => {
                        for (l, _) in &mut parts {
                            if let Some(p) = &problem {
                                if l.report.error.is_none() {
                                    l.report.warning = Some(p.clone());
                                } else if l.report.stats.rows_read == 0 {
                                    l.report.error = Some(p.clone());
                                }
                            }
                        }
                        Outcome::Done(parts)
                    }
                }
            }
            Stage::Whole(bytes) => {
                let zip = unpack::is_zip(&bytes);
                Outcome::Done(load_all(&name, bytes, &self.options).into_iter().map(|(l, b)| (l, zip.then_some(b))).collect())
            }
            Stage::TooBig(what) => {
                let mut l = crate::load::load_bytes(&name, b"");
                l.report.bytes = received;
                l.report.error = Some(Said::new(Msg::TooBigWhole).gigabytes(received).said(what));
                Outcome::Done(vec![(l, None)])
            }
            Stage::Rejected(head) => Outcome::Done(
                load_all(&name, head, &self.options)
                    .into_iter()
                    .map(|(mut l, _)| {
                        l.report.bytes = received;
                        (l, None)
                    })
                    .collect(),
            ),
            Stage::Text(mut text) => {
                let before = text.pending.len();
                decode_into(&mut text.decoder, &[], &mut text.pending, true);
                // Bytes left at the end that make no character (a UTF-16 file with an odd byte
                // over, UTF-8 cut inside a character): the file was cut short, inside its last
                // line, whose values may be cut too. That line is not read, and the summary says so.
                if text.pending.get(before..).is_some_and(|t| t.contains('\u{FFFD}')) {
                    let encoding = text.report.encoding.unwrap_or(decode::TextEncoding::Utf8);
                    let (end, lost) = decode::readable_end(&text.pending, encoding, text.last_byte);
                    text.pending.truncate(end);
                    if lost {
                        text.report.warning = Some(Said::new(Msg::EndsMidCharacter));
                    }
                }
                text.run(true);
                let TextLoad { mut report, parser, mut agg, .. } = *text;
                report.bytes = received;
                match parser {
                    Parser::Csv(p) => {
                        report.stats = p.finish();
                    }
                    Parser::Jsonl(p) => {
                        report.stats = p.stats;
                        report.found = Found { direction: true, connector: !agg.connectors().is_empty(), tls: true };
                    }
                    Parser::Postfix(p) => {
                        let today = self.options.today.unwrap_or_else(|| chrono::Utc::now().date_naive());
                        let guessed = p.first_year_for(today);
                        if let (None, Some(year)) = (self.options.log_year, guessed) {
                            if year != p.first_year() {
                                return Outcome::Again(LoadOptions { log_year: Some(year), ..self.options });
                            }
                        }
                        report.log_clock = Some(LogTimes { first_year: guessed.map(|_| p.first_year()), offset_minutes: self.options.log_offset_minutes.unwrap_or(0), tls_logged: self.options.tls_logged });
                        report.stats = p.finish(&mut agg);
                        report.found = Found { direction: true, connector: !agg.connectors().is_empty(), tls: report.stats.logs_tls() };
                    }
                    Parser::Exo(reader, kind) => match reader.finish() {
                        exo::Finished::Again(g) if self.options.column_order.is_none() => {
                            return Outcome::Again(LoadOptions { column_order: Some(g.order), ..self.options });
                        }
                        exo::Finished::Again(_) => {} // not reached: the second reading has an order
                        exo::Finished::Done(parsed) => {
                            let content = exchange_content(&mut report, *parsed, kind, &self.options);
                            return Outcome::Done(vec![(complete(report, content), None)]);
                        }
                    },
                    Parser::Exim(p) => {
                        report.log_clock = Some(LogTimes { first_year: None, offset_minutes: self.options.log_offset_minutes.unwrap_or(0), tls_logged: self.options.tls_logged });
                        report.stats = p.finish(&mut agg);
                        report.found = Found { direction: true, connector: !agg.connectors().is_empty(), tls: report.stats.logs_tls() };
                    }
                }
                Outcome::Done(vec![(complete(report, Content::Deliveries(agg.into())), None)])
            }
        }
    }
}

impl TextLoad {
    /// Decodes `bytes` a block at a time, handing each whole block to the parser, so that the
    /// pending text stays about a block long whatever the size of the pieces read.
    fn push(&mut self, bytes: &[u8], block: usize) {
        self.last_byte = bytes.last().copied().or(self.last_byte);
        for piece in bytes.chunks(block) {
            decode_into(&mut self.decoder, piece, &mut self.pending, false);
            if self.pending.len() >= block.max(self.retry_at) {
                self.run(false);
            }
        }
    }

    /// Hands the whole records in the pending text (all of it when `last`) to the parser.
    fn run(&mut self, last: bool) {
        let cut = if last { Some(self.pending.len()) } else { self.parser.cut(&self.pending) };
        match cut.and_then(|cut| self.pending.get(..cut).map(|text| (cut, text))) {
            Some((cut, text)) => {
                self.parser.feed(text, &mut self.agg);
                self.pending.drain(..cut);
                self.retry_at = 0;
            }
            None => self.retry_at = self.pending.len().saturating_mul(2),
        }
    }
}

/// The parser for a format that can be read piece by piece, and how many bytes of the text come
/// before its first record (a CSV's preamble); `None` for formats read whole.
fn streaming_parser(format: &Format, sample: &str, options: &LoadOptions, today: NaiveDate) -> Option<(Parser, usize)> {
    match format {
        Format::MailflowCsv { dialect, columns } | Format::Mapped { dialect, columns } => {
            // Dates that are not ISO 8601 are read in an order decided from the whole column.
            (options.date_order.is_none() && mailflow::first_date_iso(sample, dialect, columns))
                .then(|| (Parser::Csv(mailflow::CsvParser::new(dialect, columns, DateOrder::DayFirst)), dialect.header_offset))
        }
        Format::MailflowJsonl => Some((Parser::Jsonl(mailflow::JsonlParser::default()), 0)),
        Format::Postfix => {
            let first_year = options.log_year.or_else(|| postfix::guess_first_year(sample, today)).unwrap_or(today.year());
            let clock = postfix::LogClock { first_year, offset_minutes: options.log_offset_minutes.unwrap_or(0) };
            Some((Parser::Postfix(postfix::Parser::new(clock, options.tls_logged)), 0))
        }
        Format::Exim => Some((Parser::Exim(exim::Parser::new(options.log_offset_minutes.unwrap_or(0), options.tls_logged, options.split_part)), 0)),
        Format::Exchange { dialect, layout } => {
            let reader = exo::Reader::new(dialect, layout, options.date_order.or(options.column_order));
            Some((Parser::Exo(Box::new(reader), layout.export.kind()), dialect.header_offset))
        }
        _ => None,
    }
}

/// Loads bytes through [`FileLoad`] in pieces of `piece` bytes, reading them again when asked.
pub fn load_in_pieces(name: &str, bytes: &[u8], piece: usize, block: usize, options: &LoadOptions) -> Vec<Part> {
    let mut options = options.clone();
    loop {
        let mut load = FileLoad::new(name, options.clone()).with_block(block);
        for p in bytes.chunks(piece.max(1)) {
            load.push(p);
        }
        match load.finish() {
            Outcome::Done(parts) => return parts,
            Outcome::Again(o) if o != options => options = o,
            Outcome::Again(_) => return Vec::new(),
        }
    }
}
