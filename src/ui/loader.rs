//! Loading: the whole page as a drop target, the file picker, "Try the sample" and "Clear". Files
//! are read as bytes and handed to the pure core; the UI never parses.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use std::sync::Arc;

use crate::load::{load_all, load_bytes, load_with, LoadOptions, Loaded};
use crate::ui::prefs;
use crate::ui::state::{use_store, Store};

/// Files above this size get a message instead of being read whole into memory.
pub const MAX_FILE_BYTES: f64 = 1024.0 * 1024.0 * 1024.0;

/// Lets the browser paint (the busy state) before a long piece of work.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Files up to this size are kept after loading when they may need to be read again (dates that
/// could be day-first or month-first, a CSV whose columns the user maps).
const RETAIN_BYTES: usize = 64 * 1024 * 1024;

/// Loads one file's bytes and adds it to the workspace: its summary always, its data only when
/// it loaded. A CSV whose header has a remembered column mapping is read with it.
pub fn load_and_add(store: &Store, name: &str, bytes: Vec<u8>) {
    for (mut loaded, bytes) in load_all(name, bytes, &LoadOptions::default()) {
        if let Some(mapping) = loaded.report.preview.as_ref().and_then(|p| prefs::mapping_for(&p.signature())) {
            loaded = load_with(&loaded.report.name, &bytes, LoadOptions { mapping: Some(mapping), ..Default::default() });
        }
        let r = &loaded.report;
        let keep = bytes.len() <= RETAIN_BYTES
            && (r.preview.is_some() || r.mapping.is_some() || r.log_clock.is_some() || r.date_order.is_some_and(|g| !g.certain));
        add(store, loaded, keep.then(|| Arc::new(bytes)));
    }
}

pub(crate) fn add(store: &Store, loaded: Loaded, bytes: Option<Arc<Vec<u8>>>) {
    crate::ui::embed::emit_load(store, &loaded.report);
    store.retained.update_value(|r| r.push(bytes));
    store.data.update(|ws| ws.add(loaded));
}

/// Reads a kept file again with other options, in place.
pub fn reload(store: &Store, index: usize, options: LoadOptions) {
    let Some(bytes) = store.retained.with_value(|r| r.get(index).cloned().flatten()) else { return };
    let name = store.data.with_untracked(|ws| ws.reports().get(index).map(|r| r.name.clone())).unwrap_or_default();
    let loaded = load_with(&name, &bytes, options);
    store.data.update(|ws| ws.replace(index, loaded));
}

/// Removes one file.
pub fn remove(store: &Store, index: usize) {
    store.retained.update_value(|r| {
        if index < r.len() {
            r.remove(index);
        }
    });
    store.data.update(|ws| ws.remove(index));
}

/// Loads text (the sample, a test's input) through the same path as a dropped file.
pub fn load_text(store: &Store, name: &str, text: &str) {
    load_and_add(store, name, text.as_bytes().to_vec());
}

/// Reads and loads files one after another.
pub fn load_files(store: Store, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    store.loading.update(|l| l.extend(files.iter().map(|f| f.name())));
    store.queue.update_value(|q| q.extend(files));
    // One reader at a time, so that files land in the order they were dropped.
    if store.draining.get_value() {
        return;
    }
    store.draining.set_value(true);
    leptos::task::spawn_local(async move {
        next_frame().await;
        while let Some(file) = store.queue.try_update_value(|q| q.pop_front()).flatten() {
            read_one(&store, file).await;
        }
        store.draining.set_value(false);
    });
}

async fn read_one(store: &Store, file: web_sys::File) {
    let name = file.name();
    let failed = |message: String| {
        let mut l = load_bytes(&name, b"");
        l.report.bytes = file.size() as u64;
        l.report.error = Some(message);
        l
    };
    if file.size() > MAX_FILE_BYTES {
        add(store, failed(format!(
            "the file is {:.1} GB; this version reads files up to 1 GB. Split it (for example by date) and drop the parts.",
            file.size() / 1e9
        )), None);
    } else {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                next_frame().await;
                load_and_add(store, &name, bytes);
            }
            Err(_) => add(store, failed("the browser could not read the file. Check that it still exists and try again.".into()), None),
        }
    }
    store.loading.update(|l| {
        if let Some(i) = l.iter().position(|n| *n == name) {
            l.remove(i);
        }
    });
}

/// The files of a file list (a picker's or a drop's).
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Makes the whole window a drop target; shows an overlay while files are dragged over it.
pub fn install_drop_target(store: Store, dragging: RwSignal<bool>) {
    let over = window_event_listener(leptos::ev::dragover, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect("copy");
        }
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev: web_sys::DragEvent| {
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        load_files(store, file_list(ev.data_transfer().and_then(|dt| dt.files())));
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
}

/// The loading bar: file picker, sample, clear, and what is being read.
#[component]
pub fn Loader() -> impl IntoView {
    let store = use_store();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_pick = move |_| {
        if let Some(el) = input.get() {
            let files = file_list(el.files());
            el.set_value("");
            load_files(store, files);
        }
    };
    let open_picker = move |_| {
        if let Some(el) = input.get() {
            el.click();
        }
    };
    let sample = move |_| {
        let s = crate::sample::bundled();
        load_text(&store, "mailflow-sample.csv", &s.csv);
    };
    let clear = move |_| {
        store.retained.set_value(Vec::new());
        store.data.update(|ws| ws.clear());
        store.flyout_open.set(false);
    };
    let has_data = move || store.data.with(|d| d.has_files());
    let address = RwSignal::new(String::new());
    let fetch_url = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let a = address.get_untracked();
        if !a.trim().is_empty() {
            crate::ui::remote::load_urls(store, vec![a.trim().to_string()]);
            address.set(String::new());
        }
    };
    view! {
        <section class="mf-loader" aria-label="Load traces">
            <div class="mf-loader__text">
                <strong>"Drop message-trace exports or mail-server logs anywhere on this page"</strong>
                <span>" — everything is computed in your browser; nothing is uploaded."</span>
            </div>
            <div class="mf-loader__actions">
                <input
                    type="file"
                    multiple=true
                    class="mf-visually-hidden"
                    data-testid="file-input"
                    id=store.id("file-input")
                    node_ref=input
                    on:change=on_pick
                />
                <button class="mf-button mf-button--primary" on:click=open_picker>"Choose files…"</button>
                <button class="mf-button" data-testid="load-sample" on:click=sample>"Try the sample"</button>
                <button class="mf-button" data-testid="clear" on:click=clear disabled=move || !has_data()>"Clear"</button>
            </div>
            <form class="mf-url" on:submit=fetch_url>
                <label class="mf-visually-hidden" for=store.id("url-input")>"Load from URL"</label>
                <input type="url" id=store.id("url-input") data-testid="url-input" placeholder="Load from URL: https://…/trace.csv"
                    prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev))/>
                <button class="mf-button" type="submit" data-testid="url-load">"Load"</button>
            </form>
            {move || {
                let names = store.loading.get();
                (!names.is_empty()).then(|| view! {
                    <p class="mf-busy" role="status" data-testid="loading">"Reading " {names.join(", ")} "…"</p>
                })
            }}
        </section>
    }
}

