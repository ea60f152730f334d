//! The loading worker: the same WebAssembly as the page, started in a dedicated Web Worker. It
//! reads a file, or its part of a file read by several workers, through a byte stream into one
//! reused buffer ([`Stream`]; in `Blob` slices where the browser has no such reader), or takes
//! pushed chunks (a URL's download), runs them through [`crate::stream::FileLoad`], and posts
//! back only progress and the finished files' summaries and counts (see [`crate::wire`]), never
//! rows.
//!
//! Messages in and out are the typed protocol of [`crate::wire`]: [`ToWorker`] (a file's `Blob`
//! or a download's bytes as the payload) and [`FromWorker`] (the files read as the payload of
//! `Done`; `Defect` when Mailflow's code panicked, after which the worker stops).

use crate::lang::Msg;
use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::load::{load_bytes, LoadOptions};
use crate::stream::{FileLoad, Outcome, Part};
use crate::wire::{self, FromWorker, ToWorker};

/// Bytes read from a file at a time by a worker that reads it whole. The browser reads a `Blob`
/// slice in another process at a cost per slice: a Postfix log read in 4 MB slices left the
/// parser waiting a fifth of its time (139 MB/s); in 8 MB slices, 183 MB/s; through the stream
/// into an 8 MB buffer, 184-188 MB/s.
pub const SLICE_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

/// Bytes read at a time by one of several workers that read a file in parts: they keep every
/// core busy parsing, so bigger pieces would only cost memory. (Partners CSV, 256 MB, two
/// workers: in 4 MB slices 136 MB/s and a 329 MB renderer peak; through each part's stream
/// 145-158 MB/s and 310 MB; in 8 MB stream pieces 157-165 MB/s but 322-329 MB.)
const PART_SLICE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Progress is posted at most this often (milliseconds).
const PROGRESS_MS: f64 = 100.0;

/// A `Blob` read whole through its byte stream, each piece into one buffer that is used again
/// (a "BYOB" reader). Read as `Blob` slices instead, every slice is a new `ArrayBuffer` that is
/// garbage once copied, and in Chromium they piled up until a collection: a plain read of a
/// 2 GB log in slices peaked at 459 MB in the renderer, through the stream at 239 MB.
struct Stream {
    reader: JsValue,
    read: js_sys::Function,
    buffer: js_sys::ArrayBuffer,
    done: bool,
}

impl Stream {
    /// The blob's stream with a BYOB reader, or `None` where the browser has none.
    fn new(blob: &web_sys::Blob, bytes: f64) -> Option<Stream> {
        // Called through `Reflect`, so that a browser without `Blob.stream` reads in slices
        // instead of throwing into the WebAssembly.
        let stream = get(blob, "stream").dyn_into::<js_sys::Function>().ok()?.call0(blob).ok()?;
        let get_reader = get(&stream, "getReader").dyn_into::<js_sys::Function>().ok()?;
        let reader = get_reader.call1(&stream, &object(&[("mode", JsValue::from_str("byob"))])).ok()?;
        let read = get(&reader, "read").dyn_into::<js_sys::Function>().ok()?;
        Some(Stream { reader, read, buffer: js_sys::ArrayBuffer::new(bytes as u32), done: false })
    }

    /// The next piece (up to the buffer's size) copied into `buf`: its length, `Some(Err(()))`
    /// when the browser could not read it, `None` at the end.
    async fn next(&mut self, buf: &mut Vec<u8>) -> Option<Result<usize, ()>> {
        let size = self.buffer.byte_length();
        let mut filled = 0;
        while !self.done && filled < size {
            let view = Uint8Array::new_with_byte_offset_and_length(&self.buffer, filled, size - filled);
            // A stream that failed is done: it is not cancelled as it is dropped.
            let Some(promise) = self.read.call1(&self.reader, &view).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else {
                self.done = true;
                return Some(Err(()));
            };
            let Ok(result) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                self.done = true;
                return Some(Err(()));
            };
            // The view's buffer comes back (moved, not copied) with the bytes read into it.
            match get(&result, "value").dyn_into::<Uint8Array>() {
                Ok(value) => {
                    self.buffer = value.buffer();
                    filled += value.byte_length();
                }
                Err(_) if get(&result, "done").as_bool() == Some(true) => {}
                Err(_) => {
                    self.done = true;
                    return Some(Err(()));
                }
            }
            self.done = get(&result, "done").as_bool() != Some(false);
        }
        if filled == 0 {
            return None;
        }
        Some(Ok(copy_in(&Uint8Array::new_with_byte_offset_and_length(&self.buffer, 0, filled), buf)))
    }
}

impl Drop for Stream {
    /// A part's stream runs to the file's end: once the part's last line is in, the rest is not
    /// read (the promise `cancel` returns is left to settle alone).
    fn drop(&mut self) {
        if !self.done {
            if let Ok(cancel) = get(&self.reader, "cancel").dyn_into::<js_sys::Function>() {
                let _ = cancel.call0(&self.reader);
            }
        }
    }
}

/// Copies a piece of the file into `buf` (grown to hold it); its length.
fn copy_in(view: &Uint8Array, buf: &mut Vec<u8>) -> usize {
    let n = view.length() as usize;
    buf.resize(n.max(buf.len()), 0);
    view.copy_to(&mut buf[..n]);
    n
}

/// Slices asked for ahead of the one being parsed.
const READ_AHEAD: usize = 1;

/// A `Blob` read slice by slice from `offset`, [`READ_AHEAD`] slices of `slice` bytes asked for
/// ahead up to `ahead_until` (a part's end: past it, only the line that crosses it is needed)
/// and one at a time after.
struct Slices {
    blob: web_sys::Blob,
    size: f64,
    slice: f64,
    ahead_until: f64,
    /// Where the next slice to ask for starts.
    offset: f64,
    pending: std::collections::VecDeque<wasm_bindgen_futures::JsFuture>,
}

impl Slices {
    fn new(blob: web_sys::Blob, slice: f64, offset: f64, ahead_until: f64) -> Slices {
        let size = blob.size();
        let mut s = Slices { blob, size, slice, ahead_until, offset, pending: std::collections::VecDeque::new() };
        s.ask();
        s
    }

    /// Asks for slices until [`READ_AHEAD`] are pending or the file is all asked for.
    fn ask(&mut self) {
        while self.offset < self.size && self.pending.len() < if self.offset < self.ahead_until { READ_AHEAD } else { 1 } {
            let end = (self.offset + self.slice).min(self.size);
            let Ok(slice) = self.blob.slice_with_f64_and_f64(self.offset, end) else { break };
            self.pending.push_back(wasm_bindgen_futures::JsFuture::from(slice.array_buffer()));
            self.offset = end;
        }
    }

    /// The next slice's bytes copied into `buf` (its length), `Some(Err(()))` when the browser
    /// could not read it or a slice could not be asked for, `None` at the end.
    async fn next(&mut self, buf: &mut Vec<u8>) -> Option<Result<usize, ()>> {
        let Some(reading) = self.pending.pop_front() else {
            return (self.offset < self.size).then_some(Err(()));
        };
        self.ask();
        let Ok(array) = reading.await else { return Some(Err(())) };
        Some(Ok(copy_in(&Uint8Array::new(&array), buf)))
    }
}

/// Where a file's bytes (or a part's, from its start on) come from: its stream, or its slices
/// where the browser has no BYOB reader.
enum Source {
    Stream(Stream),
    Slices(Slices),
}

impl Source {
    /// `blob` from `offset`, in pieces of up to `piece` bytes, read ahead up to `ahead_until`
    /// where it is read in slices.
    fn new(blob: &web_sys::Blob, piece: f64, offset: f64, ahead_until: f64) -> Source {
        let size = blob.size();
        let rest = if offset > 0.0 { blob.slice_with_f64(offset).ok() } else { Some(blob.clone()) };
        // A small file gets a buffer of its own size (at least 64 KB), not 8 MB.
        match rest.and_then(|rest| Stream::new(&rest, piece.min((size - offset).max(65_536.0)))) {
            Some(stream) => Source::Stream(stream),
            None => Source::Slices(Slices::new(blob.clone(), piece, offset, ahead_until)),
        }
    }

    /// See [`Stream::next`] and [`Slices::next`].
    async fn next(&mut self, buf: &mut Vec<u8>) -> Option<Result<usize, ()>> {
        match self {
            Source::Stream(stream) => stream.next(buf).await,
            Source::Slices(slices) => slices.next(buf).await,
        }
    }
}

thread_local! {
    static PUSHED: RefCell<HashMap<u32, (FileLoad, f64)>> = RefCell::new(HashMap::new());
    /// Files this worker reads part 0 of: the parts' results gathered until all are in.
    static GATHER: RefCell<HashMap<u32, crate::split::Gather>> = RefCell::new(HashMap::new());
}

/// True when this code runs in a worker (there is no window).
pub fn in_worker() -> bool {
    web_sys::window().is_none()
}

fn scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Builds a plain JavaScript object from keys and values.
pub fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn post(fields: &[(&str, JsValue)]) {
    let _ = scope().post_message(&object(fields));
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The size of the WebAssembly memory: its high-water mark, since it never shrinks.
fn memory_bytes() -> f64 {
    wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

/// What a panic in the worker posts to the page before the worker stops: a defect in Mailflow,
/// worded for a bug report (version, where, what), never mistaken for running out of memory.
fn report_defects() {
    std::panic::set_hook(Box::new(|info| {
        let agent = Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"))
            .ok()
            .map(|n| get(&n, "userAgent"))
            .and_then(|a| a.as_string())
            .unwrap_or_default();
        let details = format!("Mailflow {} (worker)\n{info}\n{agent}", env!("CARGO_PKG_VERSION"));
        send(&FromWorker::Defect { details }, None);
    }));
}

/// Starts the worker: handles messages, first those that came before the WebAssembly was ready
/// (the start-up script queued them in `self.__mailflowQueue`).
pub fn run() {
    report_defects();
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| handle(ev.data()));
    let s = scope();
    s.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    if let Ok(queue) = Reflect::get(&s, &JsValue::from_str("__mailflowQueue")) {
        if let Some(queue) = queue.dyn_ref::<Array>() {
            for m in queue.iter() {
                handle(m);
            }
            queue.set_length(0);
        }
    }
    send(&FromWorker::Ready, None);
}

/// Posts a protocol message, with a payload handed over without copying.
fn send(message: &FromWorker, payload: Option<Uint8Array>) {
    let msg = Uint8Array::from(&wire::encode(message)[..]);
    match payload {
        Some(p) => {
            let transfer = Array::of2(&msg.buffer(), &p.buffer());
            let _ = scope().post_message_with_transfer(&object(&[("msg", msg.into()), ("payload", p.into())]), &transfer);
        }
        None => post(&[("msg", msg.into())]),
    }
}

/// A property of a JavaScript object (`undefined` when it has none).
pub fn get(m: &JsValue, key: &str) -> JsValue {
    Reflect::get(m, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn handle(m: JsValue) {
    let Some(message) = get(&m, "msg").dyn_into::<Uint8Array>().ok().and_then(|a| wire::decode_to_worker(&a.to_vec())) else { return };
    let payload = get(&m, "payload");
    match message {
        ToWorker::File { id, name, options } => {
            // A file read in parts that could not finish is read in one pass: its parts are dropped.
            GATHER.with(|g| g.borrow_mut().remove(&id));
            match payload.dyn_into::<web_sys::Blob>() {
                Ok(blob) => wasm_bindgen_futures::spawn_local(read_blob(id, blob, name, options)),
                Err(_) => done(id, failed(&name, 0, Msg::HandOverFailed)),
            }
        }
        ToWorker::Open { id, name, options } => PUSHED.with(|p| {
            p.borrow_mut().insert(id, (FileLoad::new(&name, options), 0.0));
        }),
        ToWorker::Chunk { id } => {
            let bytes = payload.dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
            PUSHED.with(|p| {
                if let Some((load, last)) = p.borrow_mut().get_mut(&id) {
                    load.push(&bytes);
                    if now() - *last > PROGRESS_MS {
                        *last = now();
                        progress(id, load);
                    }
                }
            });
        }
        ToWorker::End { id } => {
            let Some((load, _)) = PUSHED.with(|p| p.borrow_mut().remove(&id)) else { return };
            match load.finish() {
                Outcome::Done(parts) => done(id, parts),
                Outcome::Again(options) => send(&FromWorker::Again { id, options }, None),
            }
        }
        ToWorker::Part { id, index, parts, name, options, start, end, header, framing } => {
            if index == 0 {
                GATHER.with(|g| g.borrow_mut().insert(id, crate::split::Gather::new(parts as usize, header.clone(), framing)));
            }
            match payload.dyn_into::<web_sys::Blob>() {
                Ok(blob) => wasm_bindgen_futures::spawn_local(read_part(id, index, blob, name, options, (start, end), (header, framing))),
                Err(_) => part_done(id, index, None),
            }
        }
        ToWorker::PartResult { id, index } => {
            let result = payload.dyn_into::<Uint8Array>().ok().and_then(|a| wire::decode_part(&a.to_vec()));
            gather(id, index, result);
        }
        // A deliberate panic, so that the page's handling of a defect can be tested end to end
        // (nothing in Mailflow sends it; a test posts it to the worker).
        ToWorker::DefectDrill => panic!("defect drill: a deliberate panic to test how defects are reported"),
    }
}

fn progress(id: u32, load: &FileLoad) {
    send(&FromWorker::Progress { id, part: 0, bytes: load.received(), deliveries: load.deliveries() }, None);
}

/// Ends one part: the first part's result stays here to be gathered with the others; a helper's
/// goes to the page, which passes it on to the first part's worker. `None` (the part could not
/// be read) makes the page read the file in one pass.
fn part_done(id: u32, index: u32, result: Option<crate::split::PartResult>) {
    if index == 0 {
        return gather(id, 0, result);
    }
    let payload = result.map(|r| Uint8Array::from(&wire::encode(&r)[..]));
    send(&FromWorker::PartDone { id, index }, payload);
}

/// Takes a part's result for a file this worker reads part 0 of; once all are in, the file put
/// together goes to the page as one `Done` (the merging happens here, not on the page's main
/// thread), or the page is told to read it in one pass.
fn gather(id: u32, index: u32, result: Option<crate::split::PartResult>) {
    let outcome = GATHER.with(|g| {
        let mut g = g.borrow_mut();
        let state = g.get_mut(&id)?;
        let outcome = match result {
            Some(r) => state.add(index as usize, r)?,
            None => None,
        };
        g.remove(&id);
        Some(outcome)
    });
    match outcome {
        Some(Some(loaded)) => done(id, vec![(loaded, None)]),
        Some(None) => send(&FromWorker::SplitFailed { id }, None),
        None => {}
    }
}

/// Reads one part of a file (see [`crate::split`]): from the character before its range, through
/// the stream of the rest of the file (in slices where the browser has no BYOB reader), until
/// its last record is complete.
async fn read_part(id: u32, index: u32, blob: web_sys::Blob, name: String, options: LoadOptions, (start, end): (u64, u64), (header, framing): (Vec<u8>, crate::split::Framing)) {
    let mut part = crate::split::PartLoad::new(&name, &options, index as usize, (start, end), &header, framing);
    let mut source = Source::new(&blob, PART_SLICE_BYTES, crate::split::Cut::read_from(start) as f64, end as f64);
    let (mut last, mut read) = (now(), 0u64);
    let mut buf = vec![0u8; PART_SLICE_BYTES as usize];
    while !part.done() {
        // The first part's worker stops when its file is read in one pass instead.
        if index == 0 && !GATHER.with(|g| g.borrow().contains_key(&id)) {
            return;
        }
        let n = match source.next(&mut buf).await {
            Some(Ok(n)) => n,
            Some(Err(())) => return part_done(id, index, None),
            None => break,
        };
        read += part.push(&buf[..n]) as u64;
        if now() - last > PROGRESS_MS {
            last = now();
            send(&FromWorker::Progress { id, part: index, bytes: read, deliveries: part.deliveries() }, None);
        }
    }
    send(&FromWorker::Progress { id, part: index, bytes: read, deliveries: part.deliveries() }, None);
    part_done(id, index, part.finish());
}

fn failed(name: &str, bytes: u64, message: Msg) -> Vec<Part> {
    let mut l = load_bytes(name, b"");
    l.report.bytes = bytes;
    l.report.error = Some(message.into());
    vec![(l, None)]
}

fn done(id: u32, parts: Vec<Part>) {
    let data = Uint8Array::from(&wire::encode_parts(parts)[..]);
    send(&FromWorker::Done { id, memory: memory_bytes() as u64 }, Some(data));
}

/// Reads a whole Blob through its stream ([`Stream`]; where the browser has no BYOB reader, slice
/// by slice, the next asked for while the current one is parsed), reading it again when the load
/// asks to.
async fn read_blob(id: u32, blob: web_sys::Blob, name: String, mut options: LoadOptions) {
    let size = blob.size();
    // Grown to the first piece's size ([`copy_in`]).
    let mut buf = Vec::new();
    loop {
        let mut load = FileLoad::new(&name, options.clone()).with_size(size as u64);
        let mut source = Source::new(&blob, SLICE_BYTES, 0.0, size);
        let mut last = now();
        loop {
            let n = match source.next(&mut buf).await {
                Some(Ok(n)) => n,
                None => break,
                Some(Err(())) => return done(id, failed(&name, size as u64, Msg::BrowserCouldNotRead)),
            };
            load.push(&buf[..n]);
            if now() - last > PROGRESS_MS {
                last = now();
                progress(id, &load);
            }
        }
        progress(id, &load);
        match load.finish() {
            Outcome::Done(parts) => return done(id, parts),
            Outcome::Again(o) if o != options => options = o,
            Outcome::Again(_) => return done(id, Vec::new()),
        }
    }
}
