//! The loading queue: dropped files, downloads and re-reads wait their turn and run one after
//! another, each with its progress bar and a Cancel that stops it and keeps what was loaded
//! before. The queue starts each job with the right reader (the worker, the page, a download) and
//! hands the readers its [`finish`] and [`again`] so that they can end it.

use leptos::prelude::*;

use crate::lang::{Msg, Said};
use crate::load::{load_bytes, LoadOptions};
use crate::stream::Part;
use crate::ui::loading::jobs::{is_current, with_jobs, Ends, Job};
use crate::ui::loading::{on_page, results, streaming, workers};
use crate::ui::state::{Progress, Source, Store};

fn now() -> f64 {
    js_sys::Date::now()
}

const ENDS: Ends = Ends { finish, again };

/// Queues a job; it starts when the jobs before it are done.
pub fn enqueue(store: &Store, job: Job) {
    let total = match &job.source {
        Source::Blob(b) => Some(b.size()),
        Source::Url(_) => None,
    };
    let Some(id) = with_jobs(store, |j| {
        j.ends = Some(ENDS);
        j.next += 1;
        j.next
    }) else {
        return;
    };
    store.progress.update(|p| p.push(Progress { id, name: job.name.clone(), total, bytes: 0.0, deliveries: 0.0, started: None, adding: false }));
    with_jobs(store, |j| j.queue.push_back((id, job)));
    // The job starts (a worker is made, the file's head read) in a task of its own: with the
    // progress bar drawn in this one, both were over 50 ms on a slow machine.
    let store = *store;
    leptos::task::spawn_local(async move {
        on_page::yield_now().await;
        if crate::ui::loading::jobs::alive(&store) {
            pump(&store);
        }
    });
}

/// Cancels a job: a waiting one leaves the queue; the running one stops (its workers are ended)
/// and nothing of it is added. What was loaded before stays.
pub fn cancel(store: &Store, id: u32) {
    let name = store.progress.with_untracked(|p| p.iter().find(|x| x.id == id).map(|x| x.name.clone())).unwrap_or_default();
    // Read, and being taken into the report: that stops (nothing of it is added) at its next step.
    let taking = with_jobs(store, |j| {
        let taking = j.taking_in == Some(id);
        if taking {
            j.taking_in = None;
        }
        taking
    });
    if taking == Some(true) {
        store.progress.update(|p| p.retain(|x| x.id != id));
        store.notice.set(Some(store.lang().fill(Msg::StoppedReading, &[&name])));
        return pump(store);
    }
    let job = with_jobs(store, |j| {
        if let Some(i) = j.queue.iter().position(|(q, _)| *q == id) {
            return (j.queue.remove(i).map(|(_, job)| job), false);
        }
        if j.current.as_ref().is_some_and(|(c, _)| *c == id) {
            return (j.current.take().map(|(_, job)| job), true);
        }
        (None, false)
    });
    let Some((job, running)) = job else { return };
    if running {
        workers::stop_workers(store);
    }
    store.progress.update(|p| p.retain(|x| x.id != id));
    if let Some(mut job) = job {
        if let Some(done) = job.done.take() {
            done(Err(format!("reading {name} was cancelled")));
        }
        store.notice.set(Some(store.lang().fill(Msg::StoppedReading, &[&name])));
    }
    pump(store);
}

/// Stops everything: the running job (its workers are ended), and the queue. Used by Clear and
/// when a host page unmounts the app, so that no worker outlives it.
pub fn stop_all(store: &Store) {
    workers::stop_warm_up();
    workers::stop_workers(store);
    let jobs = with_jobs(store, |j| {
        j.taking_in = None;
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
    let next = with_jobs(store, |j| {
        if j.current.is_some() || j.taking_in.is_some() {
            return None;
        }
        let (id, job) = j.queue.pop_front()?;
        let start = (id, job.source.clone(), job.name.clone(), job.options.clone());
        j.current = Some((id, job));
        Some(start)
    });
    let Some(Some((id, source, name, options))) = next else { return };
    workers::stop_warm_up();
    store.progress.update(|p| {
        if let Some(x) = p.iter_mut().find(|x| x.id == id) {
            x.started = Some(now());
        }
    });
    let worker = workers::worker(store);
    let store = *store;
    match source {
        Source::Blob(blob) => match worker {
            Some(w) => leptos::task::spawn_local(async move { workers::start_blob(store, id, w, blob, name, options).await }),
            None => leptos::task::spawn_local(async move { on_page::read_here(store, id, blob, name, options).await }),
        },
        Source::Url(address) => leptos::task::spawn_local(async move { streaming::download(store, id, address, options, worker).await }),
    }
}

/// Runs the running job once more from the start with other options (a download, or a page
/// whose worker could not start).
fn again(store: &Store, id: u32, options: LoadOptions) {
    if !is_current(store, id) {
        return;
    }
    with_jobs(store, |j| {
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
    let Some(Some((_, mut job))) = with_jobs(store, |j| j.current.take()) else { return };
    let parts = result.unwrap_or_else(|message| {
        let mut l = load_bytes(&job.name, b"");
        l.report.error = Some(message);
        l.report.defect = with_jobs(store, |j| j.defect.take()).flatten().map(|d| format!("{d}\nFile: {}", job.name));
        vec![(l, None)]
    });
    // The next job starts once this one's files are in (taking them in may take several tasks;
    // its progress bar, with Cancel, stays until then).
    with_jobs(store, |j| j.taking_in = Some(id));
    store.progress.update(|p| p.iter_mut().filter(|x| x.id == id).for_each(|x| x.adding = true));
    let store = *store;
    leptos::task::spawn_local(async move {
        let taken = results::apply(&store, id, &job, parts).await;
        let whole = with_jobs(&store, |j| j.taking_in.take() == Some(id)).unwrap_or(false);
        let _ = store.progress.try_update(|p| p.retain(|x| x.id != id));
        if let Some(done) = job.done.take() {
            done(if whole { Ok(()) } else { Err("loading was stopped".into()) });
        }
        if !whole {
            return;
        }
        for next in taken {
            enqueue(&store, next);
        }
        pump(&store);
    });
}
