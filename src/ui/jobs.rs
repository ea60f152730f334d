//! Loading jobs on the page's side: dropped files, downloads and re-reads queue up and run one
//! after another in the loading worker ([`crate::worker`]), each with its own progress (bytes,
//! deliveries, speed, time left) and a Cancel that stops it and keeps what was loaded before. The
//! page only receives progress and finished files. Without a worker (a development build,
//! component tests) the same [`FileLoad`] runs on the page, slice by slice, yielding between
//! slices.

use crate::lang::{Msg, Said};
use std::collections::VecDeque;

use js_sys::{Array, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::load::{load_bytes, FileReport, LoadOptions, Loaded};
use crate::stream::{FileLoad, Outcome, Part};
use crate::ui::prefs;
use crate::ui::state::Store;
use crate::split::{self, PartResult};
use crate::wire::{self, FromWorker, ToWorker};
use crate::worker::{get, object};

/// Bytes per slice when the page reads a file itself (no worker).
const INLINE_SLICE: f64 = 512.0 * 1024.0;

/// Files out of a zip archive up to this size are kept for reading again with other options.
const RETAIN_BYTES: usize = 64 * 1024 * 1024;

/// Where a job's bytes come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// A dropped or picked file, or bytes a host page handed over.
    Blob(web_sys::Blob),
    /// A web address, fetched with a GET.
    Url(String),
}

/// What a job's result does to the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Adds the files it gives.
    Add,
    /// Replaces the file at this position (a file read again with other options).
    Replace(usize),
}

/// Called when a job ends: `Ok` once its files are in the report, `Err` when it was cancelled.
pub type Done = Box<dyn FnOnce(Result<(), String>)>;

/// One thing to load.
pub struct Job {
    /// The name to show (a URL until its download starts).
    pub name: String,
    /// Where the bytes come from.
    pub source: Source,
    /// How to read them.
    pub options: LoadOptions,
    /// Add or replace.
    pub target: Target,
    /// Told when the job ends.
    pub done: Option<Done>,
}

impl Job {
    /// A job that adds what `source` holds.
    pub fn add(name: &str, source: Source) -> Job {
        Job { name: name.to_string(), source, options: LoadOptions::default(), target: Target::Add, done: None }
    }
}

/// A job as its progress bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// The job's number.
    pub id: u32,
    /// The file's name.
    pub name: String,
    /// Its size, when known.
    pub total: Option<f64>,
    /// Bytes read so far.
    pub bytes: f64,
    /// Deliveries counted so far.
    pub deliveries: f64,
    /// When reading started (ms since the epoch); `None` while it waits its turn.
    pub started: Option<f64>,
}

impl Progress {
    /// Percent read, when the size is known.
    pub fn percent(&self) -> Option<f64> {
        self.total.filter(|t| *t > 0.0).map(|t| (self.bytes / t * 100.0).clamp(0.0, 100.0))
    }

    /// Bytes per second since reading started.
    pub fn speed(&self, now: f64) -> Option<f64> {
        let secs = (now - self.started?) / 1000.0;
        (secs > 0.2 && self.bytes > 0.0).then(|| self.bytes / secs)
    }

    /// Seconds left at the current speed, when the size is known.
    pub fn seconds_left(&self, now: f64) -> Option<f64> {
        Some(((self.total? - self.bytes).max(0.0)) / self.speed(now)?)
    }
}

/// A worker and its two handlers (kept alive as long as it runs).
type Handle = (web_sys::Worker, Closure<dyn FnMut(web_sys::MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

/// A file being read by several workers at once ([`crate::split`]): the main worker reads part
/// 0, helpers the others.
struct SplitRead {
    id: u32,
    header: Vec<u8>,
    results: Vec<Option<PartResult>>,
    bytes: Vec<f64>,
    deliveries: Vec<f64>,
    /// What one pass needs if the parts cannot stand for it.
    blob: web_sys::Blob,
    name: String,
    options: LoadOptions,
}

/// The queue, the running job and the worker, per app instance.
#[derive(Default)]
pub struct Jobs {
    queue: VecDeque<(u32, Job)>,
    current: Option<(u32, Job)>,
    worker: Option<Handle>,
    /// Extra workers reading parts of the running job's file.
    helpers: Vec<Handle>,
    split: Option<SplitRead>,
    no_worker: bool,
    worker_ready: bool,
    next: u32,
    /// The largest WebAssembly memory a worker reported (bytes).
    pub worker_memory: f64,
    /// What a worker that panicked said (for the bug report of the file it was reading).
    defect: Option<String>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Queues a job; it starts when the jobs before it are done.
pub fn enqueue(store: &Store, job: Job) {
    let total = match &job.source {
        Source::Blob(b) => Some(b.size()),
        Source::Url(_) => None,
    };
    let id = store.jobs.try_update_value(|j| {
        j.next += 1;
        j.next
    });
    let Some(id) = id else { return };
    store.progress.update(|p| p.push(Progress { id, name: job.name.clone(), total, bytes: 0.0, deliveries: 0.0, started: None }));
    store.jobs.update_value(|j| j.queue.push_back((id, job)));
    pump(store);
}

/// Cancels a job: a waiting one leaves the queue; the running one stops (its worker is ended)
/// and nothing of it is added. What was loaded before stays.
pub fn cancel(store: &Store, id: u32) {
    let name = store.progress.with_untracked(|p| p.iter().find(|x| x.id == id).map(|x| x.name.clone())).unwrap_or_default();
    let job = store.jobs.try_update_value(|j| {
        if let Some(i) = j.queue.iter().position(|(q, _)| *q == id) {
            return j.queue.remove(i).map(|(_, job)| job);
        }
        if j.current.as_ref().is_some_and(|(c, _)| *c == id) {
            if let Some((w, _, _)) = j.worker.take() {
                w.terminate();
            }
            for (h, _, _) in j.helpers.drain(..) {
                h.terminate();
            }
            j.split = None;
            j.worker_ready = false;
            return j.current.take().map(|(_, job)| job);
        }
        None
    });
    store.progress.update(|p| p.retain(|x| x.id != id));
    if let Some(Some(mut job)) = job {
        if let Some(done) = job.done.take() {
            done(Err(format!("reading {name} was cancelled")));
        }
        store.notice.set(Some(store.lang().fill(crate::lang::Msg::StoppedReading, &[&name])));
    }
    pump(store);
}

/// Stops everything: the running job (its worker is ended), and the queue. Used by Clear and when
/// a host page unmounts the app, so that no worker outlives it.
pub fn stop_all(store: &Store) {
    let jobs = store.jobs.try_update_value(|j| {
        if let Some((w, _, _)) = j.worker.take() {
            w.terminate();
        }
        for (h, _, _) in j.helpers.drain(..) {
            h.terminate();
        }
        j.split = None;
        j.worker_ready = false;
        let mut all: Vec<Job> = j.current.take().into_iter().chain(j.queue.drain(..)).map(|(_, job)| job).collect();
        all.iter_mut().filter_map(|job| job.done.take()).collect::<Vec<_>>()
    });
    let _ = store.progress.try_set(Vec::new());
    for done in jobs.unwrap_or_default() {
        done(Err("loading was stopped".into()));
    }
}

/// Starts the next job when none runs.
fn pump(store: &Store) {
    let next = store.jobs.try_update_value(|j| {
        if j.current.is_some() {
            return None;
        }
        let (id, job) = j.queue.pop_front()?;
        let start = (id, job.source.clone(), job.name.clone(), job.options.clone());
        j.current = Some((id, job));
        Some(start)
    });
    let Some(Some((id, source, name, options))) = next else { return };
    store.progress.update(|p| {
        if let Some(x) = p.iter_mut().find(|x| x.id == id) {
            x.started = Some(now());
        }
    });
    let worker = worker(store);
    let store = *store;
    match source {
        Source::Blob(blob) => match worker {
            Some(w) => leptos::task::spawn_local(async move { start_blob(store, id, w, blob, name, options).await }),
            None => leptos::task::spawn_local(async move { read_here(store, id, blob, name, options).await }),
        },
        Source::Url(address) => leptos::task::spawn_local(async move { download(store, id, address, options, worker).await }),
    }
}

fn is_current(store: &Store, id: u32) -> bool {
    store.jobs.try_with_value(|j| j.current.as_ref().is_some_and(|(c, _)| *c == id)).unwrap_or(false)
}

fn set_progress(store: &Store, id: u32, f: impl FnOnce(&mut Progress)) {
    store.progress.update(|p| {
        if let Some(x) = p.iter_mut().find(|x| x.id == id) {
            f(x);
        }
    });
}

/// The instance's worker, started on first use; `None` when the page cannot start one.
fn worker(store: &Store) -> Option<web_sys::Worker> {
    if let Some(Some(w)) = store.jobs.try_with_value(|j| j.worker.as_ref().map(|(w, _, _)| w.clone())) {
        return Some(w);
    }
    if store.jobs.try_with_value(|j| j.no_worker).unwrap_or(true) {
        return None;
    }
    let Some(handle) = spawn(store, worker_failed) else {
        store.jobs.update_value(|j| j.no_worker = true);
        return None;
    };
    let w = handle.0.clone();
    store.jobs.update_value(|j| j.worker = Some(handle));
    Some(w)
}

/// Starts a worker whose messages go to [`from_worker`] and whose failure to `failed`.
fn spawn(store: &Store, failed: fn(&Store, Said)) -> Option<Handle> {
    let spawn = web_sys::window()
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("__mailflowSpawnWorker")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let w = spawn.and_then(|f| f.call0(&JsValue::NULL).ok()).and_then(|w| w.dyn_into::<web_sys::Worker>().ok())?;
    let s = *store;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| from_worker(&s, ev.data()));
    // A worker that cannot start fires a plain Event; one whose code fails, an ErrorEvent.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        failed(&s, get(&ev, "message").as_string().map(|m| Said::new(Msg::Verbatim).text(crate::text::clip(&m, 120))).unwrap_or_else(|| Msg::WorkerCouldNotStart.into()));
    });
    w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some((w, on_message, on_error))
}

/// Ends workers: their handlers are detached first (messages they posted before find none) and
/// dropped only after the handler running now returns.
fn retire(handles: Vec<Handle>) {
    let mut closures = Vec::new();
    for (w, on_message, on_error) in handles {
        w.set_onmessage(None);
        w.set_onerror(None);
        w.terminate();
        closures.push((on_message, on_error));
    }
    if !closures.is_empty() {
        wasm_bindgen_futures::spawn_local(async move { drop(closures) });
    }
}

/// How many workers read one file: the browser's cores, at most 4.
fn parallelism() -> usize {
    web_sys::window().map(|w| w.navigator().hardware_concurrency() as usize).unwrap_or(1).clamp(1, 4)
}

/// Reads a file in the worker `w`: in parts with helpers when [`split::plan`] allows it, else in
/// one pass.
async fn start_blob(store: Store, id: u32, w: web_sys::Worker, blob: web_sys::Blob, name: String, options: LoadOptions) {
    let parts = parallelism();
    let size = blob.size() as u64;
    if parts >= 2 && size >= split::MIN_SPLIT_BYTES {
        let head = match blob.slice_with_f64_and_f64(0.0, crate::stream::HEAD_BYTES as f64) {
            Ok(b) => JsFuture::from(b.array_buffer()).await.ok().map(|a| Uint8Array::new(&a).to_vec()),
            Err(_) => None,
        };
        if !is_current(&store, id) {
            return;
        }
        if let Some(plan) = head.and_then(|h| split::plan(&h, size, parts, &options)) {
            if start_split(&store, id, &w, &blob, &name, &options, plan) {
                return;
            }
        }
    }
    if !send(&w, &ToWorker::File { id, name, options }, Some(&blob.into())) {
        finish(&store, id, Err(Msg::HandOverFailed.into()));
    }
}

/// Starts helpers and hands each worker its part; false when a helper could not be started.
fn start_split(store: &Store, id: u32, w: &web_sys::Worker, blob: &web_sys::Blob, name: &str, options: &LoadOptions, plan: split::Plan) -> bool {
    let mut helpers = Vec::new();
    for _ in 1..plan.ranges.len() {
        match spawn(store, helper_failed) {
            Some(h) => helpers.push(h),
            None => {
                retire(helpers);
                return false;
            }
        }
    }
    let n = plan.ranges.len();
    let workers: Vec<web_sys::Worker> = std::iter::once(w.clone()).chain(helpers.iter().map(|(h, _, _)| h.clone())).collect();
    store.jobs.update_value(|j| {
        j.helpers = helpers;
        j.split = Some(SplitRead {
            id,
            header: plan.header.clone(),
            results: vec![None; n],
            bytes: vec![0.0; n],
            deliveries: vec![0.0; n],
            blob: blob.clone(),
            name: name.to_string(),
            options: options.clone(),
        });
    });
    for (index, (worker, (start, end))) in workers.iter().zip(plan.ranges).enumerate() {
        let header = if index == 0 { Vec::new() } else { plan.header.clone() };
        let part = ToWorker::Part { id, index: index as u32, name: name.to_string(), options: options.clone(), start, end, header };
        if !send(worker, &part, Some(blob)) {
            split_failed(store);
            return true;
        }
    }
    true
}

/// A helper stopped: the file is read in one pass by the main worker instead.
fn helper_failed(store: &Store, _message: Said) {
    split_failed(store);
}

/// Ends a read in parts that cannot finish (a helper stopped, a part could not stand for one
/// pass) and reads the file in one pass instead.
fn split_failed(store: &Store) {
    let Some(Some((split, helpers))) = store.jobs.try_update_value(|j| j.split.take().map(|s| (s, std::mem::take(&mut j.helpers)))) else { return };
    retire(helpers);
    one_pass(store, split);
}

/// Reads a file that was being read in parts in one pass, by the main worker.
fn one_pass(store: &Store, split: SplitRead) {
    let SplitRead { id, blob, name, options, .. } = split;
    if !is_current(store, id) {
        return;
    }
    let worker = store.jobs.try_with_value(|j| j.worker.as_ref().map(|(w, _, _)| w.clone())).flatten();
    set_progress(store, id, |p| {
        p.bytes = 0.0;
        p.deliveries = 0.0;
    });
    match worker {
        Some(w) if send(&w, &ToWorker::File { id, name, options }, Some(&blob.into())) => {}
        _ => finish(store, id, Err(Msg::HandOverFailed.into())),
    }
}

/// A part is done: when all are, they are put together (or the file is read in one pass).
fn part_done(store: &Store, id: u32, index: u32, result: Option<PartResult>) {
    let Some(result) = result else { return split_failed(store) };
    let all = store.jobs.try_update_value(|j| {
        let s = j.split.as_mut().filter(|s| s.id == id)?;
        *s.results.get_mut(index as usize)? = Some(result);
        if s.results.iter().any(Option::is_none) {
            return None;
        }
        let s = j.split.take()?;
        Some((s, std::mem::take(&mut j.helpers)))
    });
    let Some(Some((mut split, helpers))) = all else { return };
    retire(helpers);
    let results: Vec<PartResult> = split.results.drain(..).flatten().collect();
    match split::merge(results, &split.header) {
        Some(loaded) => finish(store, id, Ok(vec![(loaded, None)])),
        // A part met a quote: one pass, by the main worker.
        None => one_pass(store, split),
    }
}

/// The worker stopped. One that never started (a page that forbids workers) is not tried again:
/// the running job starts over on the page. One that stopped while reading (out of memory, or
/// its code failed) ends the running job with a message, and the next job gets a new worker.
fn worker_failed(store: &Store, message: Said) {
    let mut retired = Vec::new();
    let started = store.jobs.try_update_value(|j| {
        // The handler running now (this call comes from one) is dropped only after it returns.
        retired.extend(j.worker.take());
        retired.append(&mut j.helpers);
        j.split = None;
        let started = std::mem::take(&mut j.worker_ready);
        if !started {
            j.no_worker = true;
            if let Some(current) = j.current.take() {
                j.queue.push_front(current);
            }
        }
        started
    });
    retire(retired);
    if started != Some(true) {
        return pump(store);
    }
    let id = store.jobs.try_with_value(|j| j.current.as_ref().map(|(id, _)| *id)).flatten();
    let defect = store.jobs.try_with_value(|j| j.defect.is_some()).unwrap_or(false);
    if let Some(id) = id {
        finish(store, id, Err(if defect { message } else { Said::new(Msg::WorkerStopped).said(message) }));
    }
}

fn from_worker(store: &Store, m: JsValue) {
    if store.jobs.try_with_value(|_| ()).is_none() {
        return; // the app was unmounted
    }
    let Some(message) = get(&m, "msg").dyn_into::<Uint8Array>().ok().and_then(|a| wire::decode_from_worker(&a.to_vec())) else { return };
    match message {
        FromWorker::Ready => store.jobs.update_value(|j| j.worker_ready = true),
        FromWorker::Progress { id, part, bytes, deliveries } => {
            // A file read in parts: the parts' bytes and deliveries add up.
            let sums = store.jobs.try_update_value(|j| {
                let s = j.split.as_mut().filter(|s| s.id == id)?;
                *s.bytes.get_mut(part as usize)? = bytes as f64;
                *s.deliveries.get_mut(part as usize)? = deliveries as f64;
                Some((s.bytes.iter().sum::<f64>(), s.deliveries.iter().sum::<f64>()))
            });
            let (bytes, deliveries) = sums.flatten().unwrap_or((bytes as f64, deliveries as f64));
            set_progress(store, id, |p| {
                p.bytes = p.bytes.max(bytes);
                p.deliveries = deliveries;
            });
        }
        FromWorker::PartDone { id, index } => {
            let result = get(&m, "payload").dyn_into::<Uint8Array>().ok().and_then(|a| wire::decode_part(&a.to_vec()));
            part_done(store, id, index, result);
        }
        FromWorker::Done { id, memory } => {
            store.jobs.update_value(|j| j.worker_memory = j.worker_memory.max(memory as f64));
            let bytes = get(&m, "payload").dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
            finish(store, id, wire::decode_parts(&bytes));
        }
        FromWorker::Defect { details } => {
            // The worker's code panicked: a defect in Mailflow, not a lack of memory. The
            // worker is ended now (it cannot go on) and the file it was reading says so.
            store.jobs.update_value(|j| j.defect = Some(details));
            worker_failed(store, Msg::WorkerDefect.into());
        }
        FromWorker::Again { id, options } => again(store, id, options),
    }
}

/// Posts a protocol message to the worker, with a payload (a `Blob`, or bytes handed over
/// without copying); false when the browser refused it.
fn send(w: &web_sys::Worker, message: &ToWorker, payload: Option<&JsValue>) -> bool {
    let msg: JsValue = Uint8Array::from(&wire::encode(message)[..]).into();
    match payload {
        Some(p) => {
            let m = object(&[("msg", msg), ("payload", p.clone())]);
            match p.dyn_ref::<Uint8Array>() {
                Some(bytes) => w.post_message_with_transfer(&m, &Array::of1(&bytes.buffer())).is_ok(),
                None => w.post_message(&m).is_ok(),
            }
        }
        None => w.post_message(&object(&[("msg", msg)])).is_ok(),
    }
}

/// Runs the running job once more from the start with other options (a download).
fn again(store: &Store, id: u32, options: LoadOptions) {
    if !is_current(store, id) {
        return;
    }
    store.jobs.update_value(|j| {
        if let Some((id, mut job)) = j.current.take() {
            job.options = options;
            j.queue.push_front((id, job));
        }
    });
    pump(store);
}

/// Ends the running job with what it gave (or why it gave nothing) and starts the next.
fn finish(store: &Store, id: u32, result: Result<Vec<Part>, Said>) {
    if !is_current(store, id) {
        return;
    }
    let Some(Some((_, mut job))) = store.jobs.try_update_value(|j| j.current.take()) else { return };
    store.progress.update(|p| p.retain(|x| x.id != id));
    let parts = result.unwrap_or_else(|message| {
        let mut l = load_bytes(&job.name, b"");
        l.report.error = Some(message);
        l.report.defect = store.jobs.try_update_value(|j| j.defect.take()).flatten().map(|d| format!("{d}\nFile: {}", job.name));
        vec![(l, None)]
    });
    apply(store, &job, parts);
    if let Some(done) = job.done.take() {
        done(Ok(()));
    }
    pump(store);
}

/// True when a file may be read again with other options from its summary.
fn may_reread(r: &FileReport) -> bool {
    r.preview.is_some() || r.mapping.is_some() || r.log_clock.is_some() || r.date_order.is_some_and(|g| !g.certain)
}

fn blob_of_bytes(bytes: &[u8]) -> Option<web_sys::Blob> {
    web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).ok()
}

/// Adds (or puts in place) the files a job gave; a CSV whose header has a remembered column
/// mapping is read again with it.
fn apply(store: &Store, job: &Job, parts: Vec<Part>) {
    for (loaded, bytes) in parts {
        let retained = match bytes {
            Some(b) => (b.len() <= RETAIN_BYTES && may_reread(&loaded.report))
                .then(|| blob_of_bytes(&b))
                .flatten()
                .map(|blob| (Source::Blob(blob), loaded.report.name.clone())),
            None => Some((job.source.clone(), job.name.clone())),
        };
        let remembered = match (&loaded.report.preview, &job.options.mapping) {
            (Some(p), None) => prefs::mapping_for(&p.signature()),
            _ => None,
        };
        let index = place(store, job.target, loaded, retained.clone());
        if let (Some(mapping), Some((source, name))) = (remembered, retained) {
            enqueue(store, Job { name, source, options: LoadOptions { mapping: Some(mapping), ..Default::default() }, target: Target::Replace(index), done: None });
        }
    }
}

/// Puts a loaded file into the workspace; returns its position.
fn place(store: &Store, target: Target, loaded: Loaded, retained: Option<(Source, String)>) -> usize {
    crate::ui::embed::emit_load(store, &loaded.report);
    match target {
        Target::Replace(index) if index < store.data.with_untracked(|ws| ws.reports().len()) => {
            store.retained.update_value(|r| {
                if let Some(slot) = r.get_mut(index) {
                    *slot = retained;
                }
            });
            store.data.update(|ws| ws.replace(index, loaded));
            index
        }
        _ => {
            store.retained.update_value(|r| r.push(retained));
            store.data.update(|ws| ws.add(loaded));
            store.data.with_untracked(|ws| ws.reports().len()) - 1
        }
    }
}

/// Lets the browser run other tasks (paint, input) before going on.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads a file on the page itself, slice by slice, when there is no worker.
async fn read_here(store: Store, id: u32, blob: web_sys::Blob, name: String, mut options: LoadOptions) {
    let size = blob.size();
    loop {
        let mut load = FileLoad::new(&name, options.clone());
        let mut offset = 0.0;
        while offset < size {
            yield_now().await;
            if !is_current(&store, id) {
                return;
            }
            let end = (offset + INLINE_SLICE).min(size);
            let Ok(slice) = blob.slice_with_f64_and_f64(offset, end) else { break };
            let Ok(buf) = JsFuture::from(slice.array_buffer()).await else {
                return finish(&store, id, Err(Msg::BrowserCouldNotRead.into()));
            };
            load.push(&Uint8Array::new(&buf).to_vec());
            offset = end;
            let (bytes, deliveries) = (load.received() as f64, load.deliveries() as f64);
            set_progress(&store, id, |p| {
                p.bytes = bytes;
                p.deliveries = deliveries;
            });
        }
        match load.finish() {
            Outcome::Done(parts) => return finish(&store, id, Ok(parts)),
            Outcome::Again(o) if o != options => options = o,
            Outcome::Again(_) => return finish(&store, id, Ok(Vec::new())),
        }
    }
}

/// Downloads a URL and streams its body into the worker (or a load on the page).
async fn download(store: Store, id: u32, address: String, options: LoadOptions, worker: Option<web_sys::Worker>) {
    let (name, response) = match crate::ui::remote::open(&address).await {
        Ok(x) => x,
        Err(message) => return finish(&store, id, Err(message)),
    };
    if !is_current(&store, id) {
        return;
    }
    let total = response.headers().get("content-length").and_then(|v| v.parse::<f64>().ok());
    set_progress(&store, id, |p| {
        p.name = name.clone();
        p.total = total;
    });
    store.jobs.update_value(|j| {
        if let Some((_, job)) = j.current.as_mut() {
            job.name = name.clone();
        }
    });
    let Some(body) = response.body() else {
        return finish(&store, id, Err(Said::new(Msg::ServerSentNothing).text(name.clone())));
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut here = match &worker {
        Some(w) => {
            send(w, &ToWorker::Open { id, name: name.clone(), options: options.clone() }, None);
            None
        }
        None => Some(FileLoad::new(&name, options.clone())),
    };
    let mut received = 0.0;
    loop {
        let Ok(step) = JsFuture::from(reader.read()).await else {
            return finish(&store, id, Err(Said::new(Msg::DownloadBrokeOff).text(name.clone())));
        };
        if !is_current(&store, id) {
            let _ = reader.cancel();
            return;
        }
        if get(&step, "done").is_truthy() {
            break;
        }
        let Ok(chunk) = get(&step, "value").dyn_into::<Uint8Array>() else { continue };
        received += chunk.length() as f64;
        match (&worker, &mut here) {
            (Some(w), _) => {
                send(w, &ToWorker::Chunk { id }, Some(&chunk.into()));
                set_progress(&store, id, |p| p.bytes = received);
            }
            (None, Some(load)) => {
                load.push(&chunk.to_vec());
                let deliveries = load.deliveries() as f64;
                set_progress(&store, id, |p| {
                    p.bytes = received;
                    p.deliveries = deliveries;
                });
                yield_now().await;
            }
            (None, None) => {}
        }
    }
    match (worker, here) {
        (Some(w), _) => {
            send(&w, &ToWorker::End { id }, None);
        }
        (None, Some(load)) => match load.finish() {
            Outcome::Done(parts) => finish(&store, id, Ok(parts)),
            Outcome::Again(o) => again(&store, id, o),
        },
        (None, None) => {}
    }
}
