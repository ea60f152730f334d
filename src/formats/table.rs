//! What every CSV-shaped source shares: finding the delimiter, stepping over a PowerShell `#TYPE`
//! preamble, and finding columns by header name case-insensitively through aliases.

use crate::lang::{Msg, Said};

/// A CSV dialect found by looking at the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    /// `,`, `;` or tab.
    pub delimiter: u8,
    /// Lines before the header (e.g. `#TYPE ...`), so that line numbers stay true.
    pub preamble_lines: u64,
    /// Byte offset where the header line starts.
    pub header_offset: usize,
}

/// Normalises a header name for matching: lower case, letters and digits only
/// (`Connector type` = `connector_type` = `ConnectorType`; `TLS 1.0` = `tls10`).
pub fn header_key(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// Finds the header line (the first line not starting with `#`) and the delimiter most used in it
/// outside quotes. Returns `None` for text without any line.
#[inline(never)] // see detect::detect
pub fn sniff(text: &str) -> Option<Dialect> {
    let mut offset = 0;
    let mut preamble = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            offset += line.len();
            preamble += 1;
            continue;
        }
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for b in trimmed.bytes() {
            match b {
                b'"' => quoted = !quoted,
                b',' if !quoted => counts[0] += 1,
                b';' if !quoted => counts[1] += 1,
                b'\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
        let delimiter = [b',', b';', b'\t'][best];
        return Some(Dialect { delimiter, preamble_lines: preamble, header_offset: offset });
    }
    None
}

/// No trace has more columns than this; a header is read up to it (a line of millions of
/// delimiters must not become millions of strings).
pub const MAX_HEADER_FIELDS: usize = 16_384;

/// No trace's header line is longer than this; only so much of a file is looked at for one.
pub const MAX_HEADER_BYTES: usize = 1024 * 1024;

/// Splits the header line with the dialect, unquoting fields (at most [`MAX_HEADER_FIELDS`], from
/// at most [`MAX_HEADER_BYTES`] of text).
#[inline(never)] // see detect::detect
pub fn header_fields(text: &str, dialect: &Dialect) -> Vec<String> {
    let text = crate::text::head(text, dialect.header_offset.saturating_add(MAX_HEADER_BYTES));
    let mut reader = reader(text, dialect);
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().take(MAX_HEADER_FIELDS).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// Finds the column whose header matches one of `aliases` (already in [`header_key`] form).
pub fn find(keys: &[String], aliases: &[&str]) -> Option<usize> {
    aliases.iter().find_map(|alias| keys.iter().position(|k| k == alias))
}

/// Turns byte offsets of rows, met in increasing order, into 1-based line numbers of the whole
/// text (the CSV reader's own line count does not see blank lines it skips).
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    /// Counts lines in `bytes`, whose first byte stands on line `line`.
    fn at(bytes: &'a [u8], line: u64) -> LineCounter<'a> {
        LineCounter { bytes, offset: 0, line }
    }

    /// The line on which the row starting at byte `offset` stands; blank lines the reader
    /// stepped over before the row are passed.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut to = (offset as usize).min(self.bytes.len());
        while to < self.bytes.len() && matches!(self.bytes[to], b'\r' | b'\n') {
            to += 1;
        }
        if to > self.offset {
            self.line += memchr::memchr_iter(b'\n', &self.bytes[self.offset..to]).count() as u64;
            self.offset = to;
        }
        self.line
    }
}

/// The line a row starts on, counted only when asked for (a skipped row's message): counting
/// line breaks for every row would cost more than reading it.
pub struct RowLine<'c, 'b> {
    lines: Option<&'c mut LineCounter<'b>>,
    offset: u64,
}

impl RowLine<'_, '_> {
    /// The 1-based line in the file.
    pub fn get(&mut self) -> u64 {
        match &mut self.lines {
            Some(lines) => lines.line_at(self.offset),
            None => self.offset,
        }
    }
}

/// One row's cells: a CSV record, or the fields of a line without quotes split in place.
pub enum Cells<'r> {
    /// Read by the `csv` crate (a block with quotes).
    Record(&'r csv::StringRecord),
    /// Split at the delimiter (a block without quotes).
    Split(&'r [&'r str]),
}

impl<'r> Cells<'r> {
    /// The cell at `i`, if the row has one.
    pub fn get(&self, i: usize) -> Option<&'r str> {
        match self {
            Cells::Record(r) => r.get(i),
            Cells::Split(f) => f.get(i).copied(),
        }
    }

    /// How many cells the row has.
    pub fn len(&self) -> usize {
        match self {
            Cells::Record(r) => r.len(),
            Cells::Split(f) => f.len(),
        }
    }

    /// True when the row has no cell.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cells, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// Reads a CSV's rows from the header line on, in blocks that each end where a row ends (see
/// [`row_end`]), so that a file can be read piece by piece with the same result as whole.
#[derive(Clone, Debug)]
pub struct Rows {
    delimiter: u8,
    header_len: Option<usize>,
    next_line: u64,
}

impl Rows {
    /// Rows of a file in this dialect; the first block fed starts at the header line.
    pub fn new(dialect: &Dialect) -> Rows {
        Rows { delimiter: dialect.delimiter, header_len: None, next_line: dialect.preamble_lines + 1 }
    }

    /// Reads the rows of one block and hands each usable one to `each` with its line number.
    /// Blank rows are passed over; rows that cannot be read as CSV, or that have fewer fields
    /// than the header (a file cut short), are counted in `stats` as read and skipped, with reasons.
    pub fn feed(
        &mut self,
        block: &str,
        stats: &mut crate::formats::ParseStats,
        mut each: impl FnMut(&mut RowLine<'_, '_>, &Cells<'_>, &mut crate::formats::ParseStats),
    ) {
        if memchr::memchr(b'"', block.as_bytes()).is_none() && !has_lone_cr(block.as_bytes()) {
            return self.feed_plain(block, stats, each);
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(block.as_bytes());
        let mut lines = LineCounter::at(block.as_bytes(), self.next_line);
        self.next_line += memchr::memchr_iter(b'\n', block.as_bytes()).count() as u64;
        let mut record = csv::StringRecord::new();
        loop {
            let start = reader.position().byte();
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let line = lines.line_at(e.position().map(|p| p.byte()).unwrap_or(start));
                    stats.rows_read += 1;
                    stats.skip(line, Said::new(Msg::CsvUnreadable).text(e.to_string()));
                    continue;
                }
            }
            let mut line = RowLine { lines: Some(&mut lines), offset: record.position().map(|p| p.byte()).unwrap_or(start) };
            let cells = Cells::Record(&record);
            if self.admit(&cells, &mut line, stats) {
                each(&mut line, &cells, stats);
            }
        }
    }

    /// Whether a row goes to the caller: the first is the header (its length is kept); blank rows
    /// are passed over; the others are counted as read, and skipped with a reason when they have
    /// fewer fields than the header (a file cut short).
    fn admit(&mut self, cells: &Cells<'_>, line: &mut RowLine<'_, '_>, stats: &mut crate::formats::ParseStats) -> bool {
        let Some(expected) = self.header_len else {
            self.header_len = Some(cells.len());
            return false;
        };
        if cells.iter().all(|c| crate::text::trim(c).is_empty()) {
            return false;
        }
        stats.rows_read += 1;
        if cells.len() < expected {
            stats.skip(line.get(), Said::new(Msg::FieldCount).number(cells.len()).number(expected));
            return false;
        }
        true
    }

    /// [`Rows::feed`] for a block without quotes (nearly every trace): lines are split at the
    /// delimiter in place, with the same rules as the `csv` crate's reading of such lines
    /// (line ends `\n` or `\r\n`, empty lines passed over).
    // Every offset here is that of an ASCII byte found by [`Separators`] (`\n`, the ASCII
    // delimiter) or the end of the block: always a character boundary, and this is the hot path.
    #[allow(clippy::string_slice)]
    fn feed_plain(
        &mut self,
        block: &str,
        stats: &mut crate::formats::ParseStats,
        mut each: impl FnMut(&mut RowLine<'_, '_>, &Cells<'_>, &mut crate::formats::ParseStats),
    ) {
        let mut fields: Vec<&str> = Vec::with_capacity(self.header_len.unwrap_or(8) + 1);
        let (mut line_start, mut field_start) = (0, 0);
        // Fields past the header's are never split off: they stay in one last field, so that a
        // line of millions of delimiters costs no more than its own size.
        let mut cap = self.header_len.map_or(MAX_HEADER_FIELDS, |n| n + 1);
        let ends = Separators::new(block.as_bytes(), self.delimiter).chain(std::iter::once((block.len(), true)));
        for (at, line_end) in ends {
            if !line_end {
                if fields.len() + 1 < cap {
                    fields.push(&block[field_start..at]);
                    field_start = at + 1;
                }
                continue;
            }
            if at == block.len() && line_start == at {
                break;
            }
            let last = &block[field_start..at];
            let last = last.strip_suffix('\r').unwrap_or(last);
            let this_line = self.next_line;
            self.next_line += 1;
            if fields.is_empty() && last.is_empty() {
                // An empty line.
            } else {
                fields.push(last);
                let (cells, mut line) = (Cells::Split(&fields), RowLine { lines: None, offset: this_line });
                if self.admit(&cells, &mut line, stats) {
                    each(&mut line, &cells, stats);
                }
                cap = self.header_len.map_or(MAX_HEADER_FIELDS, |n| n + 1);
            }
            fields.clear();
            line_start = at + 1;
            field_start = line_start;
        }
        // The block's last line had no line feed: the count above took one too many.
        if !block.ends_with('\n') && !block.is_empty() {
            self.next_line -= 1;
        }
    }
}

/// Where the delimiter and the line feeds of a block are, in order (with `true` for a line
/// feed), found 64 bytes at a time: each 64 bytes are compared with both, 16 at a time with
/// `wide::u8x16` (SSE2 natively; WebAssembly SIMD through the `+simd128` flag that
/// `.cargo/config.toml` sets for the browser build, without which `wide` falls back to plain
/// loops), into two bit masks whose set bits are then read off. A trace's row has a separator
/// every dozen bytes, where a search that starts again after each one (`memchr`) pays its set-up
/// again: under WASI the partners CSV's whole read took about 0.93 of the time.
struct Separators<'a> {
    bytes: &'a [u8],
    delimiter: u8,
    /// Where the bytes of the masks start.
    base: usize,
    delimiters: u64,
    lines: u64,
}

impl<'a> Separators<'a> {
    fn new(bytes: &'a [u8], delimiter: u8) -> Separators<'a> {
        let mut s = Separators { bytes, delimiter, base: 0, delimiters: 0, lines: 0 };
        s.load();
        s
    }

    /// Compares the 64 bytes from `base` with the delimiter and `\n` (the block's last bytes
    /// padded with zeros, which match neither: the delimiter is `,`, `;` or a tab).
    fn load(&mut self) {
        let rest = self.bytes.get(self.base..).unwrap_or_default();
        let mut chunk = [0u8; 64];
        let n = rest.len().min(64);
        chunk[..n].copy_from_slice(&rest[..n]);
        let (delimiter, line) = (wide::u8x16::splat(self.delimiter), wide::u8x16::splat(b'\n'));
        let (mut d, mut l) = (0u64, 0u64);
        for (i, part) in chunk.chunks_exact(16).enumerate() {
            let mut bytes = [0u8; 16];
            bytes.copy_from_slice(part);
            let v = wide::u8x16::new(bytes);
            d |= u64::from(v.simd_eq(delimiter).to_bitmask()) << (16 * i);
            l |= u64::from(v.simd_eq(line).to_bitmask()) << (16 * i);
        }
        (self.delimiters, self.lines) = (d, l);
    }
}

impl Iterator for Separators<'_> {
    type Item = (usize, bool);

    fn next(&mut self) -> Option<(usize, bool)> {
        loop {
            let both = self.delimiters | self.lines;
            if both != 0 {
                let bit = both.trailing_zeros();
                let flag = 1u64 << bit;
                let line = self.lines & flag != 0;
                self.delimiters &= !flag;
                self.lines &= !flag;
                return Some((self.base + bit as usize, line));
            }
            if self.base + 64 >= self.bytes.len() {
                return None;
            }
            self.base += 64;
            self.load();
        }
    }
}

/// True when a carriage return stands alone (not before a line feed): the `csv` crate ends a row
/// there, so such a block is left to it.
fn has_lone_cr(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
}

/// Where the last complete row of `text` (which starts outside quotes, at a row's start) ends:
/// just after the last line break that is not inside a quoted field. `None` when no row ends in it.
pub fn row_end(text: &[u8]) -> Option<usize> {
    let mut inside = false;
    let mut cut = None;
    for i in memchr::memchr2_iter(b'"', b'\n', text) {
        if text[i] == b'"' {
            inside = !inside;
        } else if !inside {
            cut = Some(i + 1);
        }
    }
    cut
}

/// Reads the data rows after the header line of a whole text (see [`Rows::feed`]).
pub fn for_each_row(
    text: &str,
    dialect: &Dialect,
    stats: &mut crate::formats::ParseStats,
    each: impl FnMut(&mut RowLine<'_, '_>, &Cells<'_>, &mut crate::formats::ParseStats),
) {
    Rows::new(dialect).feed(text.get(dialect.header_offset..).unwrap_or(""), stats, each);
}

/// A CSV reader over the text after the preamble, with the dialect's delimiter, not treating the
/// header specially (the caller reads it first) and accepting rows of any length.
pub fn reader<'a>(text: &'a str, dialect: &Dialect) -> csv::Reader<&'a [u8]> {
    csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.get(dialect.header_offset..).unwrap_or("").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_spaces_and_punctuation() {
        assert_eq!(header_key("Connector type"), "connectortype");
        assert_eq!(header_key("connector_type"), "connectortype");
        assert_eq!(header_key(" Forced TLS? "), "forcedtls");
        assert_eq!(header_key("TLS 1.0"), "tls10");
        assert_eq!(header_key("\u{feff}Date"), "date");
    }

    #[test]
    fn sniffs_delimiter_and_preamble() {
        let text = "#TYPE Selected.Microsoft\n\"a\";\"b,c\";\"d\"\n1;2;3\n";
        let d = sniff(text).unwrap();
        assert_eq!((d.delimiter, d.preamble_lines), (b';', 1));
        assert_eq!(header_fields(text, &d), vec!["a", "b,c", "d"]);
        assert_eq!(sniff("a\tb\tc\n").unwrap().delimiter, b'\t');
        assert_eq!(sniff("a,b,c\r\n").unwrap().delimiter, b',');
        assert_eq!(sniff("single\n").unwrap().delimiter, b',');
        assert!(sniff("\n\n# only comments\n").is_none());
    }

    #[test]
    fn find_uses_aliases_in_order() {
        let keys: Vec<String> = ["Volume", "Date", "count"].iter().map(|s| header_key(s)).collect();
        assert_eq!(find(&keys, &["count", "volume"]), Some(2));
        assert_eq!(find(&keys, &["date"]), Some(1));
        assert_eq!(find(&keys, &["tls"]), None);
    }

    /// Every row a block gives: its line, its cells, and whether it went to the caller.
    fn rows_of(block: &str) -> (Vec<(u64, Vec<String>)>, crate::formats::ParseStats, u64) {
        let dialect = Dialect { delimiter: b',', preamble_lines: 0, header_offset: 0 };
        let mut rows = Rows::new(&dialect);
        let (mut out, mut stats) = (Vec::new(), crate::formats::ParseStats::default());
        rows.feed(block, &mut stats, |line, cells, _| out.push((line.get(), cells.iter().map(String::from).collect())));
        (out, stats, rows.next_line)
    }

    #[test]
    fn separators_are_found_in_order_across_every_64_bytes() {
        let mut x = 7u64;
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    [b',', b'\n', b'a', 0xc3, b'\r'][(x >> 33) as usize % 5]
                })
                .collect();
            let want: Vec<(usize, bool)> =
                bytes.iter().enumerate().filter(|(_, b)| matches!(b, b',' | b'\n')).map(|(i, b)| (i, *b == b'\n')).collect();
            assert_eq!(Separators::new(&bytes, b',').collect::<Vec<_>>(), want, "{len} bytes");
        }
    }

    #[test]
    fn rows_split_in_place_are_the_csv_readers_rows() {
        // Lines without quotes are split in place; a block with a quote goes to the `csv` crate.
        // The same lines with one quoted row after them must give the same rows, lines and skips.
        let mut x = 11u64;
        let mut next = |n: u64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) % n
        };
        for round in 0..300 {
            let mut block = String::from("a,b,c,d\n");
            for _ in 0..next(40) {
                let fields = [0, 1, 3, 4, 4, 4, 5, 9][next(8) as usize];
                let cells: Vec<String> = (0..fields).map(|_| ["", "x", "mx1.example", "Señal ü", "2026-01-01T00:00:00Z"][next(5) as usize].to_string()).collect();
                block += &cells.join(",");
                block += ["\n", "\r\n", "\n\n", "\r\n\r\n"][next(4) as usize];
            }
            if next(3) == 0 {
                block += "last,line,without,end";
            }
            let (plain, plain_stats, plain_next) = rows_of(&block);
            let quoted = format!("{block}{}\"q\",r,s,t\n", if block.ends_with('\n') { "" } else { "\n" });
            let (mut csv, csv_stats, _) = rows_of(&quoted);
            assert_eq!(csv.pop().map(|(_, c)| c), Some(vec!["q".into(), "r".into(), "s".into(), "t".into()]), "round {round}");
            // Past the header's four fields the plain path keeps the rest in one last field.
            let first_four = |rows: &[(u64, Vec<String>)]| rows.iter().map(|(l, c)| (*l, c[..4].to_vec())).collect::<Vec<_>>();
            assert!(plain.iter().all(|(_, c)| c.len() <= 5));
            assert_eq!(first_four(&plain), first_four(&csv), "round {round}: {block:?}");
            assert_eq!((plain_stats.rows_read, plain_stats.skipped), (csv_stats.rows_read - 1, csv_stats.skipped), "round {round}");
            assert_eq!(plain_stats.skips.iter().map(|s| s.line).collect::<Vec<_>>(), csv_stats.skips.iter().map(|s| s.line).collect::<Vec<_>>());
            assert_eq!(plain_next, 1 + block.matches('\n').count() as u64, "round {round}: the next block's first line");
        }
    }
}
