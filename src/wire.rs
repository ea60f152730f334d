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

/// Encodes the files one load gave.
pub fn encode_parts(parts: &[Part]) -> Vec<u8> {
    // Exchange Online records are most of such a message (50 MB for a million): the buffer is
    // made at about their size, not grown by doubling (which copied it, and left it twice as big).
    let records: usize = parts
        .iter()
        .map(|(l, _)| match &l.content {
            crate::load::Content::Messages { records, .. } => records.wire_bytes(),
            _ => 0,
        })
        .sum();
    postcard::to_extend(parts, Vec::with_capacity(records.saturating_add(1 << 16))).unwrap_or_default()
}

/// Decodes what [`encode_parts`] wrote.
pub fn decode_parts(bytes: &[u8]) -> Result<Vec<Part>, Said> {
    postcard::from_bytes(bytes).map_err(|e| Said::new(Msg::WorkerAnswerUnreadable).text(e.to_string()))
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_all;

    #[test]
    fn loaded_files_cross_unchanged() {
        let s = crate::sample::bundled();
        let parts: Vec<Part> = load_all("sample.csv", s.csv.into_bytes(), &LoadOptions::default()).into_iter().map(|(l, _)| (l, None)).collect();
        let back = decode_parts(&encode_parts(&parts)).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].0.report, parts[0].0.report);
        assert_eq!(format!("{:?}", back[0].0.content.clone()).len(), format!("{:?}", parts[0].0.content).len());
        assert!(decode_parts(b"\x01garbage").is_err());
    }

    #[test]
    fn exchange_online_records_cross_unchanged() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exo/");
        for name in ["enhanced-summary.csv", "extended-report.csv", "trace-detail-de.csv", "message-trace-ps51-de.csv"] {
            let bytes = std::fs::read(format!("{dir}{name}")).unwrap();
            let parts: Vec<Part> = load_all(name, bytes, &LoadOptions::default()).into_iter().map(|(l, _)| (l, None)).collect();
            assert!(matches!(parts[0].0.content, crate::load::Content::Messages { .. }), "{name}");
            let back = decode_parts(&encode_parts(&parts)).unwrap();
            assert_eq!(format!("{back:?}"), format!("{parts:?}"), "{name}");
        }
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
