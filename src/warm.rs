//! A warm-up while the page is idle: made-up Mailflow and Exchange Online CSVs read a slice at a
//! time through the same [`FileLoad`] as real files, so that the browser has compiled the
//! parsers' code before the first real file. Chromium compiles a WebAssembly function on its
//! first call and optimises it only once it has run a while, on the same two cores that then
//! read the file. Workers run the module the page compiled, so code the page has optimised is
//! theirs too: a first file of 8 MB then loaded in 0.14-0.18 s instead of 0.22-0.23 s, a 20 MB
//! enhanced summary in 0.25-0.26 s instead of 0.32-0.35 s (headless Chromium, 2 cores).

use crate::load::LoadOptions;
use crate::stream::FileLoad;
use crate::synth::{generate, Kind};

/// The made-up inputs, in the order they are read, with their sizes and how many times each is
/// read (each time as a new file, to run the parsers long enough for the browser to optimise
/// them). Each step is short: a file is made in pieces of [`PIECE_BYTES`] (making 192 KB of
/// Postfix log at once took 32-58 ms), format detection and a load's end first run on a few
/// lines, and the loads that read a whole file are not finished (a 1 MB load's end took up to
/// 70 ms in one step). Each is larger than the head a load looks at before it reads on.
///
/// Only the CSV formats, Mailflow's and Exchange Online's exports: the first call into a log
/// parser, with the end of its load, took 20-80 ms in one step for the Postfix and Exim logs
/// (their code is compiled then, each function whole), longer than a task may take on the page.
const INPUTS: [(Kind, usize, usize); 2] = [(Kind::Partners, 192 << 10, 4), (Kind::Enhanced, 160 << 10, 4)];
const PIECE_BYTES: usize = 32 << 10;

/// The first bytes of each made-up file, read as a file of their own first.
const PROBE_BYTES: usize = 4 << 10;

/// A load of a made-up file, handing its text to the parser in blocks of this size (a real
/// file's are 1 MB: the made-up ones are smaller).
fn load(kind: Kind) -> FileLoad {
    FileLoad::new(kind.file_name(), LoadOptions::default()).with_block(BLOCK_BYTES)
}

const BLOCK_BYTES: usize = 16 << 10;

/// A made-up piece after its header line, if its kind has one, to follow another piece.
fn without_header(kind: Kind, piece: &[u8]) -> &[u8] {
    let line_end = match kind {
        Kind::Partners | Kind::MailflowCsv => memchr::memchr(b'\n', piece).map(|i| i + 1),
        // UTF-16LE: the line feed is 0A 00.
        Kind::Enhanced => piece.chunks_exact(2).position(|c| c == [b'\n', 0]).map(|i| 2 * i + 2),
        _ => Some(0),
    };
    piece.get(line_end.unwrap_or(0)..).unwrap_or_default()
}

/// A warm-up in progress.
pub struct WarmUp {
    next: usize,
    current: Option<Current>,
    deliveries: Vec<u64>,
}

/// The made-up file being read: its kind and text, the round of how many, the load and how far
/// it got.
struct Current {
    kind: Kind,
    text: Vec<u8>,
    bytes: usize,
    detected: bool,
    probed: bool,
    round: usize,
    rounds: usize,
    load: FileLoad,
    at: usize,
}

impl Default for WarmUp {
    fn default() -> WarmUp {
        WarmUp::new()
    }
}

impl WarmUp {
    /// A warm-up that has read nothing yet.
    pub fn new() -> WarmUp {
        WarmUp { next: 0, current: None, deliveries: Vec::new() }
    }

    /// True before the first step.
    pub fn is_new(&self) -> bool {
        self.next == 0
    }

    /// Makes the next made-up file, or reads up to `bytes` more bytes of the current one; false
    /// once every file is read.
    pub fn step(&mut self, bytes: usize) -> bool {
        let Some(c) = &mut self.current else {
            let Some(&(kind, bytes, rounds)) = INPUTS.get(self.next) else { return false };
            self.next += 1;
            self.current = Some(Current { kind, text: Vec::with_capacity(bytes + PIECE_BYTES), bytes, detected: false, probed: false, round: 0, rounds, load: load(kind), at: 0 });
            return true;
        };
        if c.text.len() < c.bytes {
            let (piece, _) = generate(c.kind, PIECE_BYTES, 0x5eed + c.text.len() as u64);
            let piece = if c.text.is_empty() { &piece[..] } else { without_header(c.kind, &piece) };
            c.text.extend_from_slice(piece);
            return true;
        }
        if !c.detected {
            // Detection alone on the first lines (an export in UTF-16 read as UTF-8 runs its code
            // as well).
            c.detected = true;
            let head = String::from_utf8_lossy(c.text.get(..PROBE_BYTES).unwrap_or_default()).into_owned();
            drop(crate::detect::detect(&head));
            return true;
        }
        if !c.probed {
            // A load of the first lines alone, finished at once: the parser's start and a load's
            // end run (and are compiled) on little text, so that the first head of 64 KB is not
            // also their first call.
            c.probed = true;
            let mut probe = load(c.kind);
            probe.push(c.text.get(..PROBE_BYTES).unwrap_or_default());
            drop(probe.finish());
            return true;
        }
        let end = (c.at + bytes.max(1)).min(c.text.len());
        c.load.push(c.text.get(c.at..end).unwrap_or_default());
        c.at = end;
        if end == c.text.len() {
            let done = std::mem::replace(&mut c.load, load(c.kind));
            self.deliveries.push(done.deliveries());
            c.round += 1;
            c.at = 0;
            if c.round == c.rounds {
                self.current = None;
            }
        }
        true
    }

    /// Deliveries counted in each made-up file read through so far (each round apart), as far
    /// as each load counts them before its end.
    pub fn deliveries(&self) -> &[u64] {
        &self.deliveries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_made_up_file_is_read_several_times_in_small_steps() {
        let mut warm = WarmUp::new();
        let mut steps = 0;
        while warm.step(16 << 10) {
            steps += 1;
            assert!(steps < 1000, "the warm-up ends");
        }
        let got = warm.deliveries();
        assert_eq!(got.len(), INPUTS.iter().map(|i| i.2).sum::<usize>(), "{got:?}");
        // Both formats count as they stream: every round counted nearly all (the last block of
        // 16 KB waits for the end, which the warm-up does not reach).
        let mut first = 0;
        for &(kind, bytes, rounds) in &INPUTS {
            // What the pieces hold, roughly: a piece of PIECE_BYTES holds this many.
            let want = generate(kind, PIECE_BYTES, 0x5eed).1 * (bytes / PIECE_BYTES) as u64;
            let counted = got.get(first..first + rounds).unwrap();
            first += rounds;
            assert!(want > 0 && counted.iter().all(|n| *n * 10 >= want * 8), "{kind:?}: {counted:?} of about {want}");
        }
        let read: usize = INPUTS.iter().map(|i| i.1 * i.2).sum();
        assert!(steps > read / (16 << 10), "{steps} steps of 16 KB for {read} bytes");
    }
}
