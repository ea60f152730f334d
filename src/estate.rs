//! An estate's files read the way the page reads them, for the command line and for Spark: which
//! files are one log's rotated set (`mail.log.3.gz` … `mail.log.1`, `mail.log`, or logrotate's
//! `maillog-20261120.gz`), read oldest first as one stream so that a session crossing a rotation
//! is kept; what each file or set contributes; and the per-file summary a machine can read.

use std::io::Read;

use crate::detect::{detect, Format};
use crate::lang::{Lang, Msg, Said};
use crate::load::{FileReport, LoadOptions, Loaded};
use crate::stream::{FileLoad, Outcome, HEAD_BYTES};

/// Where a file stands in its rotated set: the set's name (the path without the rotation
/// suffix and `.gz`) and its rank, larger for newer (`mail.log` is newest, `mail.log.1` next).
pub fn rotation(path: &str) -> (&str, i64) {
    let plain = path.strip_suffix(".gz").unwrap_or(path);
    // A compressed live file (`mainlog.gz`) is older than the same name uncompressed.
    let live = (plain, if plain.len() < path.len() { i64::MAX - 1 } else { i64::MAX });
    let Some(i) = plain.rfind(['.', '-']) else { return live };
    let (stem, suffix) = (plain.get(..i).unwrap_or(plain), plain.get(i..).unwrap_or(""));
    let digits = suffix.get(1..).unwrap_or("");
    let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    match (suffix.as_bytes().first(), digits.len()) {
        // mail.log.1 … mail.log.999: larger is older.
        (Some(b'.'), 1..=3) if all_digits => (stem, -digits.parse::<i64>().unwrap_or(0)),
        // maillog-20261120 (logrotate's dateext): later is newer, all older than the live file.
        (Some(b'-'), 8) if all_digits => (stem, digits.parse::<i64>().unwrap_or(0) - 100_000_000),
        _ => live,
    }
}

/// Groups files into rotated sets: each set's indices into `paths`, oldest first; the sets in
/// the order their first file was named. A file that is not part of a rotation is a set of one.
pub fn sets(paths: &[String]) -> Vec<Vec<usize>> {
    let mut out: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        let (stem, _) = rotation(p);
        match out.iter_mut().find(|(s, _)| *s == stem) {
            Some((_, members)) => members.push(i),
            None => out.push((stem, vec![i])),
        }
    }
    out.into_iter()
        .map(|(_, mut members)| {
            members.sort_by_key(|&i| rotation(&paths[i]).1);
            members
        })
        .collect()
}

/// Opens the `i`-th file of a set (from its start), as often as the load asks.
pub type Open<'a> = dyn FnMut(usize) -> std::io::Result<Box<dyn Read + 'a>> + 'a;

/// Loads a set of files. A rotated set of Postfix or Exim logs (two files or more) is one stream,
/// oldest first, gzip members opened on the way, and one load summary named after the set; any
/// other set is read file by file. A file that cannot be opened or read gets its own summary
/// saying so, and the others are still read.
pub fn load_set(names: &[String], open: &mut Open<'_>, options: &LoadOptions) -> Vec<Loaded> {
    if names.len() > 1 && first_is_log(names.len(), open) {
        return load_stream(names, open, options);
    }
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut options = options.clone();
        loop {
            let mut load = FileLoad::new(name, options.clone());
            if let Err(e) = open(i).and_then(|r| pump(r, &mut load)) {
                out.push(unreadable(name, &e));
                break;
            }
            match load.finish() {
                Outcome::Done(parts) => {
                    out.extend(parts.into_iter().map(|(l, _)| l));
                    break;
                }
                Outcome::Again(o) => options = o,
            }
        }
    }
    out
}

/// True when the set's first file with something in it (opened from gzip if need be) starts like
/// a Postfix or Exim log; an empty or unreadable oldest file does not decide.
fn first_is_log(files: usize, open: &mut Open<'_>) -> bool {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    for i in 0..files {
        head.clear();
        let read = open(i).map(gunzipped).and_then(|r| r.take(HEAD_BYTES as u64).read_to_end(&mut head));
        if read.is_ok() && !head.is_empty() {
            break;
        }
    }
    if head.is_empty() {
        return false;
    }
    let Ok(encoding) = crate::decode::sniff(&head, false) else { return false };
    let text = crate::decode::decode_as(&head, encoding).text;
    let sample = match text.rfind('\n') {
        Some(i) => text.get(..=i).unwrap_or(&text),
        None => &text,
    };
    matches!(detect(sample), Ok(Format::Postfix | Format::Exim))
}

/// Reads a rotated set as one stream.
fn load_stream(names: &[String], open: &mut Open<'_>, options: &LoadOptions) -> Vec<Loaded> {
    let label = format!("{} … {} ({} rotated files)", names[0], names[names.len() - 1], names.len());
    let mut options = options.clone();
    loop {
        let mut failed = Vec::new();
        let mut load = FileLoad::new(&label, options.clone());
        for (i, name) in names.iter().enumerate() {
            if let Err(e) = open(i).map(gunzipped).and_then(|r| pump(r, &mut load)) {
                failed.push(unreadable(name, &e));
            }
        }
        match load.finish() {
            Outcome::Done(parts) => return parts.into_iter().map(|(l, _)| l).chain(failed).collect(),
            Outcome::Again(o) => options = o,
        }
    }
}

/// The reader, through a gzip decoder when it starts with gzip's magic bytes.
fn gunzipped<'a>(r: Box<dyn Read + 'a>) -> Box<dyn Read + 'a> {
    let mut r = std::io::BufReader::with_capacity(1 << 16, r);
    let gz = std::io::BufRead::fill_buf(&mut r).map(crate::unpack::is_gzip).unwrap_or(false);
    if gz {
        Box::new(flate2::read::MultiGzDecoder::new(r))
    } else {
        Box::new(r)
    }
}

/// Pushes everything a reader gives into a load, 4 MB at a time.
fn pump(mut r: Box<dyn Read + '_>, load: &mut FileLoad) -> std::io::Result<()> {
    let mut buf = vec![0u8; 4 << 20];
    loop {
        match r.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => load.push(buf.get(..n).unwrap_or(&[])),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The summary of a file that could not be read.
pub fn unreadable(name: &str, e: &std::io::Error) -> Loaded {
    let mut l = crate::load::load_bytes(name, b"");
    l.report.error = Some(Said::new(Msg::Verbatim).text(format!("could not be read: {e}")));
    l
}

/// One file's load summary, in words (English) and numbers, for `--json` and for Spark.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FileSummary {
    /// The file's name (a rotated set's name lists its first and last file).
    pub file: String,
    /// Bytes read (after unpacking).
    pub bytes: u64,
    /// The format it was read as.
    pub format: Option<String>,
    /// Rows or lines read.
    pub rows_read: u64,
    /// Deliveries counted.
    pub deliveries: u64,
    /// Rows that could not be used.
    pub skipped: u64,
    /// The first skipped rows: line and reason.
    pub skips: Vec<(u64, String)>,
    /// Deliveries whose TLS the log does not show, counted as Unknown (smtpd, smtp).
    pub tls_unlogged: [u64; 2],
    /// Why nothing could be used (the file adds nothing).
    pub error: Option<String>,
    /// What went wrong with part of it.
    pub warning: Option<String>,
}

impl FileSummary {
    /// The summary of a load report, worded in English.
    pub fn of(r: &FileReport) -> FileSummary {
        let en = Lang::En;
        FileSummary {
            file: r.name.clone(),
            bytes: r.bytes,
            format: r.format.map(|m| en.t(m).to_string()),
            rows_read: r.stats.rows_read,
            deliveries: r.stats.deliveries,
            skipped: r.stats.skipped,
            skips: r.stats.skips.iter().map(|s| (s.line, en.say(&s.reason))).collect(),
            tls_unlogged: r.stats.tls_unlogged,
            error: r.error.as_ref().map(|s| en.say(s)),
            warning: r.warning.as_ref().map(|s| en.say(s)),
        }
    }

    /// One line for a person: the file, its format and what was counted or went wrong.
    pub fn line(&self) -> String {
        let en = Lang::En;
        if let Some(e) = &self.error {
            return format!("{}: {e}", self.file);
        }
        let n = |n: u64, one: &str, many: &str| format!("{} {}", en.thousands(n), if n == 1 { one } else { many });
        let mut out = format!(
            "{}: {}, {} from {}",
            self.file,
            self.format.as_deref().unwrap_or("?"),
            n(self.deliveries, "delivery", "deliveries"),
            n(self.rows_read, "row", "rows")
        );
        if self.skipped > 0 {
            out += &format!("; {} skipped", n(self.skipped, "row", "rows"));
            if let Some((line, why)) = self.skips.first() {
                out += &format!(" (line {line}: {why})");
            }
        }
        let unlogged = self.tls_unlogged[0].saturating_add(self.tls_unlogged[1]);
        if unlogged > 0 {
            out += &format!("; {} with no TLS line in the log counted as Unknown", n(unlogged, "delivery", "deliveries"));
        }
        if let Some(w) = &self.warning {
            out += &format!("; {w}");
        }
        out
    }
}

/// The per-file summaries as JSON (what `mailflow summarize --json` prints).
pub fn summaries_json(summaries: &[FileSummary]) -> serde_json::Result<String> {
    serde_json::to_string_pretty(summaries)
}

/// Summarises files given as bytes (a set per rotated log), as `mailflow summarize` does on one
/// core: the summary CSV (with its header when `header`) and each file's summary.
pub fn summarise_bytes(files: &[(String, Vec<u8>)], header: bool) -> (String, Vec<FileSummary>) {
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut workspace = crate::workspace::Workspace::new();
    for set in sets(&names) {
        let set_names: Vec<String> = set.iter().map(|&i| names[i].clone()).collect();
        let mut open = |k: usize| -> std::io::Result<Box<dyn Read + '_>> { Ok(Box::new(&files[set[k]].1[..])) };
        for loaded in load_set(&set_names, &mut open, &LoadOptions::default()) {
            workspace.add(loaded);
        }
    }
    let summaries = workspace.reports().iter().map(FileSummary::of).collect();
    (crate::summary::summary_csv(workspace.agg(), header), summaries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotated_names() {
        assert_eq!(rotation("/var/log/mail.log"), ("/var/log/mail.log", i64::MAX));
        assert_eq!(rotation("/var/log/mail.log.1"), ("/var/log/mail.log", -1));
        assert_eq!(rotation("/var/log/mail.log.12.gz"), ("/var/log/mail.log", -12));
        assert_eq!(rotation("maillog-20261120.gz"), ("maillog", 20261120 - 100_000_000));
        assert_eq!(rotation("exim/mainlog.gz"), ("exim/mainlog", i64::MAX - 1));
        assert_eq!(rotation("trace.2026"), ("trace.2026", i64::MAX), "four digits are not a rotation");
        assert_eq!(rotation("a-b.csv"), ("a-b.csv", i64::MAX));
        let paths: Vec<String> = ["b/mail.log", "a/mail.log.2.gz", "b/mail.log.1", "a/mail.log", "x.csv", "a/mail.log.1", "maillog-20261121", "maillog-20261120.gz", "maillog"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(sets(&paths), vec![vec![2, 0], vec![1, 5, 3], vec![4], vec![7, 6, 8]]);
    }

    #[test]
    fn an_unreadable_file_is_named_and_the_others_are_read() {
        let names = vec!["gone.csv".to_string(), "here.csv".to_string()];
        let csv = b"date,direction,tls\n2026-03-04,Inbound,TLS 1.2\n";
        let mut open = |i: usize| -> std::io::Result<Box<dyn Read>> {
            if i == 0 {
                Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"))
            } else {
                Ok(Box::new(&csv[..]))
            }
        };
        let loaded = load_set(&names, &mut open, &LoadOptions::default());
        assert_eq!(loaded.len(), 2);
        assert_eq!(FileSummary::of(&loaded[0].report).line(), "gone.csv: could not be read: permission denied");
        assert_eq!(loaded[1].report.stats.deliveries, 1);
    }
}
