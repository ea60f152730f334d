//! Reading on every core: rotated sets and files are shared out among threads; a large Mailflow
//! CSV or JSON Lines file alone in its set is split into byte ranges read at once (as the page's
//! workers do, [`mailflow::split`]); a progress bar on stderr counts bytes, files and the rate.

use std::cell::Cell;
use std::io::{IsTerminal, Read, Seek, SeekFrom};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mailflow::estate::{load_set, sets};
use mailflow::load::{LoadOptions, Loaded};
use mailflow::split::{self, Cut, PartLoad, PartResult};
use mailflow::stream::HEAD_BYTES;

use super::inputs::Input;

/// Reads every input with `threads` threads; the loads come back in the order of the sets
/// (each set in the order of its first file), whatever order the threads finish in.
pub fn read_all(inputs: &[Input], threads: usize) -> Vec<Loaded> {
    let names: Vec<String> = inputs.iter().map(|i| i.name().to_string()).collect();
    let sets = sets(&names);
    let bar = progress(inputs);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Vec<Loaded>>>> = Mutex::new(sets.iter().map(|_| None).collect());
    let done_files = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(sets.len()).clamp(1, 256) {
            scope.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(set) = sets.get(k) else { break };
                // A file alone is split when it is large enough and the other threads are idle.
                let spare = if sets.len() - k.min(sets.len()) <= 1 { threads } else { 1 };
                let loaded = read_set(inputs, set, spare, &bar);
                let files = done_files.fetch_add(set.len(), Ordering::Relaxed) + set.len();
                bar.set_message(format!("{files}/{} files", inputs.len()));
                if let Ok(mut r) = results.lock() {
                    r[k] = Some(loaded);
                }
            });
        }
    });
    bar.finish_and_clear();
    results.into_inner().unwrap_or_default().into_iter().flatten().flatten().collect()
}

fn progress(inputs: &[Input]) -> ProgressBar {
    let total: u64 = inputs.iter().map(Input::size).sum();
    let target = if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(total), target);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg} {eta}") {
        bar.set_style(style);
    }
    bar.set_message(format!("0/{} files", inputs.len()));
    bar
}

/// A reader that moves the progress bar by the bytes of its file not read before (a file that
/// is peeked at or read again is counted once).
struct Counted<R> {
    inner: R,
    bar: ProgressBar,
    at: u64,
    seen: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.at += n as u64;
        if self.at > self.seen.get() {
            self.bar.inc(self.at - self.seen.get());
            self.seen.set(self.at);
        }
        Ok(n)
    }
}

fn read_set(inputs: &[Input], set: &[usize], threads: usize, bar: &ProgressBar) -> Vec<Loaded> {
    if let [only] = set {
        if let Input::File { path, size } = &inputs[*only] {
            if threads > 1 && *size >= split::MIN_SPLIT_BYTES {
                if let Some(l) = read_split(path, *size, threads, bar) {
                    return vec![l];
                }
            }
        }
    }
    let names: Vec<String> = set.iter().map(|&i| inputs[i].name().to_string()).collect();
    let seen: Vec<Rc<Cell<u64>>> = set.iter().map(|_| Rc::default()).collect();
    let mut open = |k: usize| -> std::io::Result<Box<dyn Read + '_>> {
        let (bar, at, seen) = (bar.clone(), 0, Rc::clone(&seen[k]));
        match &inputs[set[k]] {
            Input::File { path, .. } => Ok(Box::new(Counted { inner: std::fs::File::open(path)?, bar, at, seen })),
            Input::Stdin(bytes) => Ok(Box::new(Counted { inner: &bytes[..], bar, at, seen })),
        }
    };
    load_set(&names, &mut open, &LoadOptions::default())
}

/// Reads one large file in `parts` byte ranges at once; `None` when it does not split (see
/// [`split::plan`]) or its parts cannot stand for one pass (see [`split::merge`]): then it is
/// read in one pass.
fn read_split(path: &str, size: u64, parts: usize, bar: &ProgressBar) -> Option<Loaded> {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    std::fs::File::open(path).ok()?.take(HEAD_BYTES as u64).read_to_end(&mut head).ok()?;
    let options = LoadOptions::default();
    // More parts than cores only adds threads: at most one per core (and 64).
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let plan = split::plan(&head, size, parts.min(cores).min(64), &options)?;
    let results: Vec<Option<PartResult>> = std::thread::scope(|scope| {
        let handles: Vec<_> = plan
            .ranges
            .iter()
            .enumerate()
            .map(|(k, &(start, end))| {
                let (plan, options) = (&plan, &options);
                scope.spawn(move || read_part(path, k, (start, end), plan, options, bar))
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok().flatten()).collect()
    });
    let parts: Option<Vec<PartResult>> = results.into_iter().collect();
    let merged = parts.and_then(|p| split::merge(p, &plan.header, plan.framing));
    if merged.is_none() {
        // Read again in one pass: the bar starts over for this file.
        bar.set_position(bar.position().saturating_sub(size));
    }
    merged
}

/// One part's result; `None` when it could not be read or cannot stand for its share.
fn read_part(path: &str, index: usize, range: (u64, u64), plan: &split::Plan, options: &LoadOptions, bar: &ProgressBar) -> Option<PartResult> {
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(Cut::read_from(range.0))).ok()?;
    let mut part = PartLoad::new(path, options, index, range, &plan.header, plan.framing);
    let mut buf = vec![0u8; 4 << 20];
    while !part.done() {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        bar.inc(part.push(buf.get(..n).unwrap_or(&[])) as u64);
    }
    part.finish()
}
