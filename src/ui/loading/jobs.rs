//! The loading jobs' state, per app instance: the queue, the running job, its workers and a file
//! being read in parts. Every part of loading reads and changes it through here; none of them
//! needs the queue to report the end of a job (the queue hands its `finish` and `again` over as
//! [`Ends`]), so the modules of loading form no circle.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::lang::Said;
use crate::load::LoadOptions;
use crate::stream::Part;
use crate::ui::state::{Progress, Source, Store};

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

/// A worker and its two handlers (kept alive as long as it runs).
pub type Handle = (web_sys::Worker, Closure<dyn FnMut(web_sys::MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

/// A file being read by several workers at once ([`crate::split`]): the main worker reads part
/// 0 and puts the parts together, helpers read the others; the page passes their results on.
pub struct SplitRead {
    /// The job.
    pub id: u32,
    /// Helpers whose part is done.
    pub helpers_done: usize,
    /// Each part's bytes read, for the progress bar.
    pub bytes: Vec<f64>,
    /// Each part's deliveries counted.
    pub deliveries: Vec<f64>,
    /// What one pass needs if the parts cannot stand for it.
    pub blob: web_sys::Blob,
    /// The file's name.
    pub name: String,
    /// How it is read.
    pub options: LoadOptions,
}

/// How a reader ends the running job: the queue's own functions, handed over when it starts one.
#[derive(Clone, Copy)]
pub struct Ends {
    /// Ends the job with the files it gave, or why it gave none, and starts the next.
    pub finish: fn(&Store, u32, Result<Vec<Part>, Said>),
    /// Reads the job again from the start with other options.
    pub again: fn(&Store, u32, LoadOptions),
}

/// The queue, the running job and the workers of one instance.
#[derive(Default)]
pub struct Jobs {
    /// Jobs waiting their turn.
    pub queue: VecDeque<(u32, Job)>,
    /// The job being read.
    pub current: Option<(u32, Job)>,
    /// The loading worker.
    pub worker: Option<Handle>,
    /// Extra workers reading parts of the running job's file.
    pub helpers: Vec<Handle>,
    /// The running job's file, when it is read in parts.
    pub split: Option<SplitRead>,
    /// The page cannot start workers: files are read on the page.
    pub no_worker: bool,
    /// The worker said it is ready (it started).
    pub worker_ready: bool,
    /// The last job number given.
    pub next: u32,
    /// What a worker that panicked said (for the bug report of the file it was reading).
    pub defect: Option<String>,
    /// How readers end the running job.
    pub ends: Option<Ends>,
    /// The job whose files are being taken into the report, in steps (no other job starts
    /// meanwhile; Clear and unmounting stop it).
    pub taking_in: Option<u32>,
}

thread_local! {
    /// Each instance's jobs, by [`Store::uid`].
    static JOBS: RefCell<HashMap<u32, Jobs>> = RefCell::new(HashMap::new());
}

/// False once the instance was unmounted (its signals are gone).
pub fn alive(store: &Store) -> bool {
    store.data.try_with_untracked(|_| ()).is_some()
}

/// Runs `f` on an instance's jobs; `None` once the instance was unmounted.
pub fn with_jobs<R>(store: &Store, f: impl FnOnce(&mut Jobs) -> R) -> Option<R> {
    if !alive(store) {
        return None;
    }
    JOBS.with(|all| {
        let mut all = all.try_borrow_mut().ok()?;
        Some(f(all.entry(store.uid).or_default()))
    })
}

/// Forgets an instance's jobs (it is unmounted; its workers were stopped).
pub fn forget(store: &Store) {
    JOBS.with(|all| {
        if let Ok(mut all) = all.try_borrow_mut() {
            all.remove(&store.uid);
        }
    });
}

/// True when job `id` is the one being read.
pub fn is_current(store: &Store, id: u32) -> bool {
    with_jobs(store, |j| j.current.as_ref().is_some_and(|(c, _)| *c == id)).unwrap_or(false)
}

/// Updates a job's progress bar.
pub fn set_progress(store: &Store, id: u32, f: impl FnOnce(&mut Progress)) {
    store.progress.update(|p| {
        if let Some(x) = p.iter_mut().find(|x| x.id == id) {
            f(x);
        }
    });
}

/// Ends job `id` with what it gave (through the queue's [`Ends::finish`]).
pub fn finish(store: &Store, id: u32, result: Result<Vec<Part>, Said>) {
    if let Some(Some(ends)) = with_jobs(store, |j| j.ends) {
        (ends.finish)(store, id, result);
    }
}

/// Reads job `id` again with other options (through the queue's [`Ends::again`]).
pub fn again(store: &Store, id: u32, options: LoadOptions) {
    if let Some(Some(ends)) = with_jobs(store, |j| j.ends) {
        (ends.again)(store, id, options);
    }
}
