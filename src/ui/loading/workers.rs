//! The loading workers' lifecycle: the instance's worker started on first use, helpers for a file
//! read in parts ([`crate::split`]), the typed messages both ways ([`crate::wire`]), and what
//! happens when a worker stops: a page that forbids workers reads on the page, a worker that
//! stopped while reading ends its job with a message (a panic as a defect to report).

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::lang::{Msg, Said};
use crate::load::LoadOptions;
use crate::split;
use crate::ui::loading::on_page::{for_a_slice, yield_now};
use crate::ui::loading::jobs::{again, alive, finish, is_current, set_progress, with_jobs, Handle, SplitRead};
use crate::ui::state::Store;
use crate::wire::{self, FromWorker, ToWorker};
use crate::worker::{get, object};

/// The instance's worker, started on first use; `None` when the page cannot start one.
pub fn worker(store: &Store) -> Option<web_sys::Worker> {
    if let Some(Some(w)) = with_jobs(store, |j| j.worker.as_ref().map(|(w, _, _)| w.clone())) {
        return Some(w);
    }
    if with_jobs(store, |j| j.no_worker).unwrap_or(true) {
        return None;
    }
    let Some(handle) = spawn(store, worker_failed) else {
        with_jobs(store, |j| j.no_worker = true);
        return None;
    };
    let w = handle.0.clone();
    with_jobs(store, |j| j.worker = Some(handle));
    Some(w)
}

/// Starts a worker whose messages go to [`from_worker`] and whose failure to `failed`.
fn spawn(store: &Store, failed: fn(&Store, Said)) -> Option<Handle> {
    let spawn = web_sys::window()
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("__mailflowSpawnWorker")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    // The module the page compiled goes to the worker, which then compiles nothing itself.
    let w = spawn.and_then(|f| f.call1(&JsValue::NULL, &wasm_bindgen::module()).ok()).and_then(|w| w.dyn_into::<web_sys::Worker>().ok())?;
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
pub fn retire(handles: Vec<Handle>) {
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

/// Ends every worker of the instance (a job cancelled or everything stopped).
pub fn stop_workers(store: &Store) {
    let handles = with_jobs(store, |j| {
        j.split = None;
        j.worker_ready = false;
        j.worker.take().into_iter().chain(j.helpers.drain(..)).collect::<Vec<_>>()
    });
    retire(handles.unwrap_or_default());
}

/// How many workers read one file: the browser's cores, at most 4.
fn parallelism() -> usize {
    web_sys::window().map(|w| w.navigator().hardware_concurrency() as usize).unwrap_or(1).clamp(1, 4)
}

/// Runs the page's share of starting a read in parts (format detection and the split plan) once
/// on a small made-up head while the page starts. Chromium compiles WebAssembly functions on
/// their first call; a long task of 52-53 ms right after a big file was chosen, seen in about one
/// clean-clone CI run in eight and only when the file was read in parts, fits that first call
/// (not proven: it never showed locally). Paying it at start keeps it off the moment a file is
/// chosen.
///
/// Then reads made-up CSVs in slices of a few milliseconds while the page is idle
/// ([`crate::warm`]), once per page, until done or until a file is chosen, so that the browser
/// has compiled the parsers when the first file comes (workers run the code the page compiled).
pub fn warm_up() {
    split::warm_up();
    if WARMING.with(|w| w.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let mut warm = crate::warm::WarmUp::new();
        loop {
            idle().await;
            if WARM_UP_STOPPED.with(std::cell::Cell::get) {
                return;
            }
            if warm.is_new() {
                mark("mailflow-warm-up");
            }
            let start = js_sys::Date::now();
            while js_sys::Date::now() - start < WARM_UP_SLICE_MS {
                if !warm.step(WARM_UP_STEP_BYTES) {
                    return mark("mailflow-warmed-up");
                }
            }
        }
    });
}

/// Ends the warm-up: a file was chosen, and the cores are its.
pub fn stop_warm_up() {
    WARM_UP_STOPPED.with(|w| w.set(true));
}

/// How long the warm-up works in one idle period, and how much it reads at a time.
const WARM_UP_SLICE_MS: f64 = 8.0;
const WARM_UP_STEP_BYTES: usize = 16 << 10;

thread_local! {
    static WARMING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static WARM_UP_STOPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks a moment on the page's performance timeline (for the benchmark and the tests:
/// `performance.getEntriesByName(name)`).
pub fn mark(name: &str) {
    let performance = web_sys::window().map(|w| get(&w, "performance"));
    if let Some(mark) = performance.as_ref().map(|p| get(p, "mark")).and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = mark.call1(&performance.unwrap_or(JsValue::UNDEFINED), &JsValue::from_str(name));
    }
}

/// Waits until the browser is idle (`requestIdleCallback`, at most a second), or for the next
/// task where it has no such call.
pub async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else { return };
        let request = Reflect::get(&w, &JsValue::from_str("requestIdleCallback")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let options = object(&[("timeout", JsValue::from_f64(1000.0))]);
        let asked = request.is_some_and(|f| f.call2(&w, &resolve, &options).is_ok());
        if !asked {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads a file in the worker `w`: in parts with helpers when [`split::plan`] allows it, else in
/// one pass.
pub async fn start_blob(store: Store, id: u32, w: web_sys::Worker, blob: web_sys::Blob, name: String, options: LoadOptions) {
    let parts = parallelism();
    let size = blob.size() as u64;
    if parts >= 2 && size >= split::MIN_SPLIT_BYTES {
        let head = match blob.slice_with_f64_and_f64(0.0, crate::stream::HEAD_BYTES as f64) {
            Ok(b) => JsFuture::from(b.array_buffer()).await.ok().map(|a| Uint8Array::new(&a).to_vec()),
            Err(_) => None,
        };
        // The job may have ended, or started over without this worker (one that never started
        // sends it back to be read on the page) while the head was read.
        let same_worker = with_jobs(&store, |j| j.worker.as_ref().is_some_and(|(x, _, _)| JsValue::from(x.clone()) == JsValue::from(w.clone())));
        if !is_current(&store, id) || same_worker != Some(true) {
            return;
        }
        // A log is read by one worker in the browser: there a second one does not pay (see
        // split::Plan::log).
        if let Some(plan) = head.and_then(|h| split::plan(&h, size, parts, &options)).filter(|p| !p.log) {
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
    with_jobs(store, |j| {
        j.helpers = helpers;
        j.split = Some(SplitRead {
            id,
            helpers_done: 0,
            bytes: vec![0.0; n],
            deliveries: vec![0.0; n],
            blob: blob.clone(),
            name: name.to_string(),
            options: options.clone(),
        });
    });
    for (index, (worker, (start, end))) in workers.iter().zip(plan.ranges).enumerate() {
        let part = ToWorker::Part { id, index: index as u32, parts: n as u32, name: name.to_string(), options: options.clone(), start, end, header: plan.header.clone(), framing: plan.framing };
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
    let Some(Some((split, helpers))) = with_jobs(store, |j| j.split.take().map(|s| (s, std::mem::take(&mut j.helpers)))) else { return };
    mark("mailflow-read-again-in-one-pass");
    retire(helpers);
    one_pass(store, split);
}

/// Reads a file that was being read in parts in one pass, by the main worker.
fn one_pass(store: &Store, split: SplitRead) {
    let SplitRead { id, blob, name, options, .. } = split;
    if !is_current(store, id) {
        return;
    }
    let worker = with_jobs(store, |j| j.worker.as_ref().map(|(w, _, _)| w.clone())).flatten();
    set_progress(store, id, |p| {
        p.bytes = 0.0;
        p.deliveries = 0.0;
    });
    match worker {
        Some(w) if send(&w, &ToWorker::File { id, name, options }, Some(&blob.into())) => {}
        _ => finish(store, id, Err(Msg::HandOverFailed.into())),
    }
}

/// A helper's part is done: its result goes on, unread, to the main worker, which puts the parts
/// together (off the page's main thread). A part that could not be read means one pass.
fn part_done(store: &Store, id: u32, index: u32, payload: Option<Uint8Array>) {
    if with_jobs(store, |j| j.split.as_ref().is_some_and(|s| s.id == id)) != Some(true) {
        return; // a part of a read that has ended
    }
    let Some(payload) = payload else { return split_failed(store) };
    let state = with_jobs(store, |j| {
        let s = j.split.as_mut().filter(|s| s.id == id)?;
        s.helpers_done += 1;
        let all_done = s.helpers_done >= j.helpers.len();
        let main = j.worker.as_ref().map(|(w, _, _)| w.clone())?;
        Some((main, all_done.then(|| std::mem::take(&mut j.helpers))))
    });
    let Some(Some((main, finished))) = state else { return };
    if let Some(helpers) = finished {
        retire(helpers);
    }
    if !send(&main, &ToWorker::PartResult { id, index }, Some(&payload.into())) {
        split_failed(store);
    }
}

/// The worker stopped. One that never started (a page that forbids workers) is not tried again:
/// the running job starts over on the page. One that stopped while reading (out of memory, or
/// its code failed) ends the running job with a message, and the next job gets a new worker.
fn worker_failed(store: &Store, message: Said) {
    let mut retired = Vec::new();
    let started = with_jobs(store, |j| {
        // The handler running now (this call comes from one) is dropped only after it returns.
        retired.extend(j.worker.take());
        retired.append(&mut j.helpers);
        j.split = None;
        let started = std::mem::take(&mut j.worker_ready);
        if !started {
            j.no_worker = true;
        }
        started
    });
    retire(retired);
    let Some(id) = with_jobs(store, |j| j.current.as_ref().map(|(id, _)| *id)).flatten() else { return };
    if started != Some(true) {
        // Read on the page instead, from the start.
        return again(store, id, with_jobs(store, |j| j.current.as_ref().map(|(_, job)| job.options.clone())).flatten().unwrap_or_default());
    }
    let defect = with_jobs(store, |j| j.defect.is_some()).unwrap_or(false);
    finish(store, id, Err(if defect { message } else { Said::new(Msg::WorkerStopped).said(message) }));
}

fn from_worker(store: &Store, m: JsValue) {
    if !alive(store) {
        return; // the app was unmounted
    }
    let Some(message) = get(&m, "msg").dyn_into::<Uint8Array>().ok().and_then(|a| wire::decode_from_worker(&a.to_vec())) else { return };
    match message {
        FromWorker::Ready => {
            with_jobs(store, |j| j.worker_ready = true);
        }
        FromWorker::Progress { id, part, bytes, deliveries } => {
            // A file read in parts: the parts' bytes and deliveries add up.
            let sums = with_jobs(store, |j| {
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
        FromWorker::PartDone { id, index } => part_done(store, id, index, get(&m, "payload").dyn_into::<Uint8Array>().ok()),
        FromWorker::SplitFailed { id } => {
            if with_jobs(store, |j| j.split.as_ref().is_some_and(|s| s.id == id)) == Some(true) {
                split_failed(store);
            }
        }
        FromWorker::Done { id, .. } => {
            // A file read in parts arrives put together, from the main worker.
            let helpers = with_jobs(store, |j| match j.split.as_ref().is_some_and(|s| s.id == id) {
                true => {
                    mark("mailflow-read-in-parts");
                    j.split = None;
                    std::mem::take(&mut j.helpers)
                }
                false => Vec::new(),
            });
            retire(helpers.unwrap_or_default());
            let payload = get(&m, "payload").dyn_into::<Uint8Array>().ok();
            wasm_bindgen_futures::spawn_local(land(*store, id, payload));
        }
        FromWorker::Defect { details } => {
            // The worker's code panicked: a defect in Mailflow, not a lack of memory. The
            // worker is ended now (it cannot go on) and the file it was reading says so.
            with_jobs(store, |j| j.defect = Some(details));
            worker_failed(store, Msg::WorkerDefect.into());
        }
        FromWorker::Again { id, options } => again(store, id, options),
    }
}

/// Takes a finished file in from the worker in steps short enough that the page never stops
/// answering for long (each under the 50 ms a long task starts at): the bytes are copied in 8 MB
/// steps, then decoded, an export's records a few thousand at a time for at most
/// [`SLICE_MS`](crate::ui::loading::on_page::SLICE_MS) per task, and only then added to the report.
async fn land(store: Store, id: u32, payload: Option<Uint8Array>) {
    const STEP: u32 = 8 << 20;
    const RECORDS: usize = 4_096;
    let mut bytes = Vec::new();
    if let Some(a) = payload {
        let n = a.length();
        bytes = vec![0u8; n as usize];
        let mut at = 0;
        while at < n {
            let end = at.saturating_add(STEP).min(n);
            if let Some(to) = bytes.get_mut(at as usize..end as usize) {
                a.subarray(at, end).copy_to(to);
            }
            at = end;
            yield_now().await;
        }
    }
    if !is_current(&store, id) {
        return;
    }
    let mut taking = match wire::PartsIn::new(bytes) {
        Ok(t) => t,
        Err(e) => return finish(&store, id, Err(e)),
    };
    yield_now().await;
    loop {
        let done = for_a_slice(|| taking.step(RECORDS));
        yield_now().await;
        if !is_current(&store, id) {
            return;
        }
        if done {
            break;
        }
    }
    finish(&store, id, Ok(taking.finish()));
}

/// Posts a protocol message to the worker, with a payload (a `Blob`, or bytes handed over
/// without copying); false when the browser refused it.
pub fn send(w: &web_sys::Worker, message: &ToWorker, payload: Option<&JsValue>) -> bool {
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
