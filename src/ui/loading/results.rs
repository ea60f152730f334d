//! What a finished job does to the report: each file it gave goes into the workspace (added, or
//! in place of the file it was read again for), the host page hears of it, a file that can be
//! read again with other options keeps where it came from, and a CSV whose header has a
//! remembered column mapping is queued to be read again with it.

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;

use crate::load::{FileReport, LoadOptions, Loaded};
use crate::stream::Part;
use crate::ui::loading::jobs::{Job, Target};
use crate::ui::prefs;
use crate::ui::state::{emit_load, Source, Store};

/// Files out of a zip archive up to this size are kept for reading again with other options.
const RETAIN_BYTES: usize = 64 * 1024 * 1024;

/// True when a file may be read again with other options from its summary.
fn may_reread(r: &FileReport) -> bool {
    r.preview.is_some() || r.mapping.is_some() || r.log_clock.is_some() || r.date_order.is_some_and(|g| !g.certain)
}

fn blob_of_bytes(bytes: &[u8]) -> Option<web_sys::Blob> {
    web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).ok()
}

/// Adds (or puts in place) the files a job gave. Returns the jobs to queue next: files to read
/// again with a remembered column mapping.
pub fn apply(store: &Store, job: &Job, parts: Vec<Part>) -> Vec<Job> {
    let mut next = Vec::new();
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
            next.push(Job { name, source, options: LoadOptions { mapping: Some(mapping), ..Default::default() }, target: Target::Replace(index), done: None });
        }
    }
    next
}

/// Puts a loaded file into the workspace; returns its position.
fn place(store: &Store, target: Target, loaded: Loaded, retained: Option<(Source, String)>) -> usize {
    emit_load(store, &loaded.report);
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
