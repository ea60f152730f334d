//! Reading on the page itself when there is no worker (a development build, component tests, a
//! page that forbids workers): the same [`FileLoad`] slice by slice, yielding between slices so
//! that the page stays responsive.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;

use crate::lang::Msg;
use crate::load::LoadOptions;
use crate::stream::{FileLoad, Outcome};
use crate::ui::loading::jobs::{finish, is_current, set_progress};
use crate::ui::state::Store;

/// Bytes per slice when the page reads a file itself.
const INLINE_SLICE: f64 = 512.0 * 1024.0;

/// How long the page works at a step-by-step job (taking a result in, joining exports) before it
/// lets the browser answer: well under the 50 ms at which a task counts as long, on a slow
/// machine too.
pub const SLICE_MS: f64 = 12.0;

/// Runs `step` until it says it is done (true) or [`SLICE_MS`] have passed (false): one task's
/// share of a job done by steps.
pub fn for_a_slice(mut step: impl FnMut() -> bool) -> bool {
    let started = js_sys::Date::now();
    loop {
        if step() {
            return true;
        }
        if js_sys::Date::now() - started >= SLICE_MS {
            return false;
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

/// Reads a file on the page, slice by slice, reading it again when the load asks.
pub async fn read_here(store: Store, id: u32, blob: web_sys::Blob, name: String, mut options: LoadOptions) {
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
