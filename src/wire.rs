//! What crosses between the page and the loading worker: a typed protocol ([`ToWorker`],
//! [`FromWorker`]) encoded with postcard (a compact serde format, which carries the aggregate's
//! tuple-keyed maps that JSON cannot), and beside it the one large payload a message may have (a
//! `Blob`, a download's bytes, or the files read as bytes), which the browser hands over without
//! copying. Never rows of text: summaries and counts.
//!
//! A browser message is `{msg: Uint8Array, payload?: Blob | Uint8Array}`; `msg` is one of the
//! enums below, written by [`encode`] and read by [`decode_to_worker`] / [`decode_from_worker`].

use crate::lang::{Msg, Said};
use crate::load::LoadOptions;
use crate::load::Content;
use crate::messages::{Record, Records};
use crate::stream::Part;

/// What the page asks of the loading worker.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ToWorker {
    /// Read the file whose `Blob` is the payload, in slices.
    File {
        /// The job.
        id: u32,
        /// The file's name.
        name: String,
        /// How to read it.
        options: LoadOptions,
    },
    /// A download begins; its bytes follow in [`ToWorker::Chunk`]s.
    Open {
        /// The job.
        id: u32,
        /// The name the download goes by.
        name: String,
        /// How to read it.
        options: LoadOptions,
    },
    /// The next bytes of a download (the payload).
    Chunk {
        /// The job.
        id: u32,
    },
    /// The download ended.
    End {
        /// The job.
        id: u32,
    },
    /// Read one part of the file whose `Blob` is the payload (see [`crate::split`]): the lines
    /// whose first byte falls in `[start, end)`, after `header`.
    Part {
        /// The job.
        id: u32,
        /// Which part (0 is the first: its worker gathers the others' results and puts the file
        /// together).
        index: u32,
        /// How many parts there are.
        parts: u32,
        /// The file's name.
        name: String,
        /// How to read it.
        options: LoadOptions,
        /// The part's byte range.
        start: u64,
        /// The end of its byte range.
        end: u64,
        /// The bytes before the first record, read before the part's lines by every part but
        /// the first (which reads them itself), and used to put the parts together.
        header: Vec<u8>,
        /// How the file's bytes divide into records.
        framing: crate::split::Framing,
    },
    /// Panic on purpose: the end-to-end test of how a defect is reported posts it (encoded as
    /// the single byte [`DEFECT_DRILL_BYTE`]); nothing in Mailflow sends it.
    DefectDrill,
    /// Another worker's part of the file this worker reads part 0 of: its
    /// [`crate::split::PartResult`] is the payload, passed on by the page unread.
    PartResult {
        /// The job.
        id: u32,
        /// Which part.
        index: u32,
    },
}

/// [`ToWorker::DefectDrill`] as postcard writes it (checked by a test), for the test that posts it.
pub const DEFECT_DRILL_BYTE: u8 = 5;

/// What the loading worker tells the page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FromWorker {
    /// The worker's WebAssembly runs and takes messages.
    Ready,
    /// How far a job got.
    Progress {
        /// The job.
        id: u32,
        /// Which part of a file read in parts (0 otherwise).
        part: u32,
        /// Bytes read.
        bytes: u64,
        /// Deliveries counted so far.
        deliveries: u64,
    },
    /// A job ended; the files it gave are the payload ([`encode_parts`]).
    Done {
        /// The job.
        id: u32,
        /// The worker's WebAssembly memory (its high-water mark), in bytes.
        memory: u64,
    },
    /// One part of a file read in parts is done (by a helper); its [`crate::split::PartResult`]
    /// is the payload ([`encode`]), for the page to pass on to the worker of part 0, or none when
    /// the part could not be read.
    PartDone {
        /// The job.
        id: u32,
        /// Which part.
        index: u32,
    },
    /// A download must be sent once more, read with these options.
    Again {
        /// The job.
        id: u32,
        /// The options to read it with.
        options: LoadOptions,
    },
    /// Mailflow's code panicked in the worker (which then stops): details for a bug report.
    Defect {
        /// Version, panic message and place, browser.
        details: String,
    },
    /// The parts of a file read in parts cannot stand for one pass (a cut fell inside a quoted
    /// field, or a part could not be read): read it in one pass.
    SplitFailed {
        /// The job.
        id: u32,
    },
}

/// Encodes a protocol message.
pub fn encode<T: serde::Serialize>(message: &T) -> Vec<u8> {
    postcard::to_stdvec(message).unwrap_or_default()
}

/// Decodes one part's result ([`FromWorker::PartDone`]'s payload); `None` when it cannot.
pub fn decode_part(bytes: &[u8]) -> Option<crate::split::PartResult> {
    postcard::from_bytes(bytes).ok()
}

/// Decodes what the page sent; `None` for bytes that are no message.
pub fn decode_to_worker(bytes: &[u8]) -> Option<ToWorker> {
    postcard::from_bytes(bytes).ok()
}

/// Decodes what the worker sent; `None` for bytes that are no message.
pub fn decode_from_worker(bytes: &[u8]) -> Option<FromWorker> {
    postcard::from_bytes(bytes).ok()
}

/// Encodes the files one load gave: the files with their summaries, aggregates and names, then
/// the records of each Exchange Online export in a block of their own ([`Records::PACKED`] bytes
/// each), so that the page takes a million of them in by steps ([`PartsIn`]) rather than in one
/// task. The records are moved out of `parts` as they are written.
pub fn encode_parts(mut parts: Vec<Part>) -> Vec<u8> {
    let lists: Vec<Vec<Record>> = parts.iter_mut().filter_map(records_mut).map(Records::take_list).collect();
    let counts: Vec<u64> = lists.iter().map(|l| l.len() as u64).collect();
    let block: usize = lists.iter().map(|l| l.len().saturating_mul(Records::PACKED)).sum();
    let mut out = postcard::to_extend(&(&parts, &counts), Vec::with_capacity(1 << 16)).unwrap_or_default();
    if out.is_empty() {
        return out;
    }
    // Made once at its size: grown by doubling, the buffer would be copied and left up to twice
    // as big (50 MB more for a million records).
    out.reserve_exact(block);
    for list in lists {
        Records::write_packed(&list, &mut out);
    }
    out
}

/// The files of a finished job being taken in by the page, by steps: decoded at once apart from
/// their records, which follow a few thousand at a time.
pub struct PartsIn {
    parts: Vec<Part>,
    /// The parts that are exports, with how many records each has still to come.
    exports: std::collections::VecDeque<(usize, u64)>,
    bytes: Vec<u8>,
    at: usize,
}

/// An export's records, to change (a file's own: not shared yet, so nothing is copied).
fn records_mut(part: &mut Part) -> Option<&mut Records> {
    match &mut part.0.content {
        Content::Messages { records, .. } => Some(std::sync::Arc::make_mut(records)),
        _ => None,
    }
}

fn unreadable(why: impl ToString) -> Said {
    Said::new(Msg::WorkerAnswerUnreadable).text(why.to_string())
}

impl PartsIn {
    /// Reads what [`encode_parts`] wrote, up to the records.
    pub fn new(bytes: Vec<u8>) -> Result<PartsIn, Said> {
        let ((parts, counts), rest): ((Vec<Part>, Vec<u64>), &[u8]) = postcard::take_from_bytes(&bytes).map_err(unreadable)?;
        let at = bytes.len() - rest.len();
        let exports: Vec<usize> = parts.iter().enumerate().filter(|(_, (l, _))| matches!(l.content, Content::Messages { .. })).map(|(i, _)| i).collect();
        let expected = counts.iter().try_fold(0u64, |sum, n| sum.checked_add(n.checked_mul(Records::PACKED as u64)?));
        if exports.len() != counts.len() || expected != Some(rest.len() as u64) {
            return Err(unreadable("the records are not those the files announce"));
        }
        let mut parts = parts;
        for (&i, &n) in exports.iter().zip(&counts) {
            // Bounded by the bytes that hold them (checked above).
            if let Some(records) = parts.get_mut(i).and_then(records_mut) {
                records.reserve_exact(n as usize);
            }
        }
        Ok(PartsIn { parts, exports: exports.into_iter().zip(counts).collect(), bytes, at })
    }

    /// Takes in up to `records` more records; true when every file is whole.
    pub fn step(&mut self, records: usize) -> bool {
        let mut left = records as u64;
        while let Some((part, count)) = self.exports.front_mut() {
            let take = (*count).min(left);
            let end = self.at + take as usize * Records::PACKED;
            if let (Some(bytes), Some(records)) = (self.bytes.get(self.at..end), self.parts.get_mut(*part).and_then(records_mut)) {
                records.read_packed(bytes);
            }
            (self.at, *count, left) = (end, *count - take, left - take);
            if *count == 0 {
                self.exports.pop_front();
            }
            if left == 0 {
                break;
            }
        }
        self.exports.is_empty()
    }

    /// The files, whole once [`PartsIn::step`] said so.
    pub fn finish(self) -> Vec<Part> {
        self.parts
    }
}

/// Decodes what [`encode_parts`] wrote, in one go.
pub fn decode_parts(bytes: Vec<u8>) -> Result<Vec<Part>, Said> {
    let mut parts = PartsIn::new(bytes)?;
    while !parts.step(usize::MAX) {}
    Ok(parts.finish())
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_all;

    #[test]
    fn loaded_files_cross_unchanged() {
        let s = crate::sample::bundled();
        let parts: Vec<Part> = load_all("sample.csv", s.csv.into_bytes(), &LoadOptions::default()).into_iter().map(|(l, _)| (l, None)).collect();
        let back = decode_parts(encode_parts(parts.clone())).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].0.report, parts[0].0.report);
        assert_eq!(format!("{:?}", back[0].0.content.clone()).len(), format!("{:?}", parts[0].0.content).len());
        assert!(decode_parts(b"\x01garbage".to_vec()).is_err());
    }

    #[test]
    fn exchange_online_records_cross_unchanged() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exo/");
        for name in ["enhanced-summary.csv", "extended-report.csv", "trace-detail-de.csv", "message-trace-ps51-de.csv"] {
            let bytes = std::fs::read(format!("{dir}{name}")).unwrap();
            let parts: Vec<Part> = load_all(name, bytes, &LoadOptions::default()).into_iter().map(|(l, _)| (l, None)).collect();
            assert!(matches!(parts[0].0.content, crate::load::Content::Messages { .. }), "{name}");
            let back = decode_parts(encode_parts(parts.clone())).unwrap();
            assert_eq!(format!("{back:?}"), format!("{parts:?}"), "{name}");
        }
    }

    #[test]
    fn records_are_taken_in_by_steps() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exo/");
        // Two exports and a CSV between them: the records follow the files in order.
        let mut parts: Vec<Part> = Vec::new();
        for name in ["enhanced-summary.csv", "message-trace-ps51-de.csv"] {
            let bytes = std::fs::read(format!("{dir}{name}")).unwrap();
            parts.extend(load_all(name, bytes, &LoadOptions::default()).into_iter().map(|(l, _)| (l, None)));
            let s = crate::sample::bundled();
            parts.extend(load_all("sample.csv", s.csv.into_bytes(), &LoadOptions::default()).into_iter().map(|(l, _)| (l, None)));
        }
        let records = |p: &[Part]| p.iter().map(|(l, _)| match &l.content { Content::Messages { records, .. } => records.len(), _ => 0 }).collect::<Vec<_>>();
        let want = records(&parts);
        assert_eq!(want.iter().filter(|n| **n > 0).count(), 2, "{want:?}");
        let bytes = encode_parts(parts.clone());
        for step in [1, 2, 3, 7, 1000] {
            let mut taking = PartsIn::new(bytes.clone()).unwrap();
            let mut steps = 1;
            while !taking.step(step) {
                steps += 1;
            }
            let back = taking.finish();
            let exports = |p: &[Part]| p.iter().map(|(l, _)| match &l.content { Content::Messages { records, .. } => format!("{:?} {records:?}", l.report), _ => format!("{:?}", l.report) }).collect::<Vec<_>>();
            assert_eq!(exports(&back), exports(&parts), "steps of {step}");
            assert!(steps >= want.iter().sum::<usize>() / step, "steps of {step}: {steps}");
        }
        // A payload cut short, or with a byte too many, is refused as a whole.
        assert!(PartsIn::new(bytes[..bytes.len() - 1].to_vec()).is_err());
        assert!(PartsIn::new([&bytes[..], &[0]].concat()).is_err());
    }

    #[test]
    fn protocol_messages_cross_unchanged() {
        let options = LoadOptions { log_year: Some(2024), tls_logged: true, ..Default::default() };
        for m in [
            ToWorker::File { id: 7, name: "mail.log".into(), options: options.clone() },
            ToWorker::Open { id: 8, name: "https://example.com/t.csv".into(), options: LoadOptions::default() },
            ToWorker::Chunk { id: 8 },
            ToWorker::End { id: 8 },
            ToWorker::Part { id: 9, index: 1, parts: 2, name: "big.csv".into(), options: LoadOptions::default(), start: 1 << 33, end: 1 << 34, header: b"date,direction,tls\n".to_vec(), framing: crate::split::Framing { delimiter: Some(b','), utf16: false } },
            ToWorker::DefectDrill,
            ToWorker::PartResult { id: 9, index: 1 },
        ] {
            assert_eq!(decode_to_worker(&encode(&m)), Some(m));
        }
        for m in [
            FromWorker::Ready,
            FromWorker::Progress { id: 7, part: 1, bytes: 1 << 40, deliveries: 12 },
            FromWorker::PartDone { id: 9, index: 1 },
            FromWorker::Done { id: 7, memory: 3 << 20 },
            FromWorker::Again { id: 8, options },
            FromWorker::SplitFailed { id: 9 },
            FromWorker::Defect { details: "panicked at src/x.rs:1:1".into() },
        ] {
            assert_eq!(decode_from_worker(&encode(&m)), Some(m));
        }
        assert_eq!(encode(&ToWorker::DefectDrill), vec![DEFECT_DRILL_BYTE], "the e2e test posts this byte");
        assert_eq!(decode_to_worker(&[200, 1, 2]), None);
        assert_eq!(decode_from_worker(&[]), None);
    }
}
