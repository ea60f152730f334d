//! What a finished job does to the report: each file it gave goes into the workspace (added, or
//! in place of the file it was read again for), the host page hears of it, a file that can be
//! read again with other options keeps where it came from, and a CSV whose header has a
//! remembered column mapping is queued to be read again with it.

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;

use crate::load::{Content, FileReport, LoadOptions, Loaded};
use crate::stream::Part;
use crate::ui::loading::jobs::{with_jobs, Job, Target};
use crate::ui::loading::on_page::{for_a_slice, yield_now};
use crate::ui::prefs;
use crate::ui::state::{emit_load, Below, Source, Store};

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
pub async fn apply(store: &Store, id: u32, job: &Job, parts: Vec<Part>) -> Vec<Job> {
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
        let Some(index) = place(store, id, job.target, loaded, retained.clone()).await else { break };
        if let (Some(mapping), Some((source, name))) = (remembered, retained) {
            next.push(Job { name, source, options: LoadOptions { mapping: Some(mapping), ..Default::default() }, target: Target::Replace(index), done: None });
        }
    }
    next
}

/// Records of joined exports taken into the workspace per step of a rebuild (a few milliseconds'
/// work at most on a slow machine). Steps go on for up to [`SLICE_MS`](crate::ui::loading::on_page::SLICE_MS) before the page lets the browser
/// answer: a fixed count of 25,000 records per task took 10 ms on one machine and over 50 on a
/// slower one.
const REBUILD_STEP: usize = 2_000;

/// With this many cells (day × direction × connector, and partner ones) in the report once a
/// file is added, the connector report and the Partners view are taken away and drawn again a
/// task apart rather than updated in place in the task that adds the file (see [`Below`]): the
/// 200 MB CSV of the long-task test (5,000 partners, 45,090 cells) added to a one-line file
/// updated them in one task of 58-100 ms.
const REDRAW_CELLS: usize = 10_000;

/// With `redraw`, takes the views below the widget away (in a task of their own, before the
/// data changes); false when the taking in was stopped meanwhile.
async fn hide_below(store: &Store, id: u32, redraw: bool) -> bool {
    if !(redraw && store.hide_below()) {
        return true;
    }
    yield_now().await;
    if with_jobs(store, |j| j.taking_in) != Some(Some(id)) {
        store.below.set(Below::Hidden);
        return false;
    }
    true
}

/// Puts a loaded file into the workspace; returns its position. A file that rebuilds the joins
/// (an Exchange export, or any file once one is loaded) is taken in by steps between which the
/// page answers; the report shows it once all of it is in.
/// `None` when the taking in was stopped (Clear, or the app unmounted): nothing is added.
async fn place(store: &Store, id: u32, target: Target, loaded: Loaded, retained: Option<(Source, String)>) -> Option<usize> {
    let files = store.data.with_untracked(|ws| ws.reports().len());
    let replace = match target {
        Target::Replace(index) if index < files => Some(index),
        _ => None,
    };
    let cells = match &loaded.content {
        Content::Deliveries(agg) => agg.cell_count(),
        _ => 0,
    };
    let redraw = store.data.with_untracked(|ws| ws.agg().cell_count()).saturating_add(cells) >= REDRAW_CELLS;
    if store.data.with_untracked(|ws| ws.rebuilds_for(&loaded)) {
        let mut rebuild = store.data.with_untracked(|ws| ws.prepare(Some((loaded, replace))));
        loop {
            let done = store.data.with_untracked(|ws| for_a_slice(|| ws.step(&mut rebuild, REBUILD_STEP)));
            // The report is drawn again in a task of its own once the last step is done.
            yield_now().await;
            if with_jobs(store, |j| j.taking_in) != Some(Some(id)) {
                return None;
            }
            if done {
                break;
            }
        }
        if !hide_below(store, id, rebuild.cell_count() >= REDRAW_CELLS).await {
            return None;
        }
        if let Some(report) = rebuild.incoming_report() {
            emit_load(store, report);
        }
        keep_source(store, replace, retained);
        store.data.update(|ws| ws.commit(rebuild));
    } else {
        if !hide_below(store, id, redraw).await {
            return None;
        }
        emit_load(store, &loaded.report);
        keep_source(store, replace, retained);
        store.data.update(|ws| match replace {
            Some(index) => ws.replace(index, loaded),
            None => ws.add(loaded),
        });
    }
    // The shell draws them again, a task apart.
    if store.below.get_untracked() == Below::Waiting {
        store.below.set(Below::Hidden);
    }
    Some(replace.unwrap_or_else(|| store.data.with_untracked(|ws| ws.reports().len()) - 1))
}

/// Keeps where a file came from, for reading it again.
fn keep_source(store: &Store, replace: Option<usize>, retained: Option<(Source, String)>) {
    store.retained.update_value(|r| match replace {
        Some(index) => {
            if let Some(slot) = r.get_mut(index) {
                *slot = retained;
            }
        }
        None => r.push(retained),
    });
}
