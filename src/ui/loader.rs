//! Loading: the whole page as a drop target, the file picker, "Try the sample", "Clear", and a
//! progress bar with Cancel per file being read. Files are handed to the loading jobs
//! ([`crate::ui::loading`]) as they are; the UI never parses.

use leptos::prelude::*;

use crate::lang::{Lang, Msg};
use crate::load::LoadOptions;
use crate::ui::loading::{cancel, enqueue, Job, Target};
use crate::ui::state::{use_store, Progress, Source, Store};

/// Loads a Blob (a file, or bytes a host handed over) as a file called `name`.
pub fn load_blob(store: &Store, name: &str, blob: web_sys::Blob) {
    enqueue(store, Job::add(name, Source::Blob(blob)));
}

/// A Blob holding `text`.
pub fn text_blob(text: &str) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence(&parts).expect("a Blob from text")
}

/// Loads text (the sample, a test's input) through the same path as a dropped file.
pub fn load_text(store: &Store, name: &str, text: &str) {
    load_blob(store, name, text_blob(text));
}

/// Reads a file again with other options, in place.
pub fn reload(store: &Store, index: usize, options: LoadOptions) {
    let Some((source, name)) = store.retained.with_value(|r| r.get(index).cloned().flatten()) else { return };
    enqueue(store, Job { name, source, options, target: Target::Replace(index), done: None });
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

/// Reads and loads files one after another, in the order they came.
pub fn load_files(store: Store, files: Vec<web_sys::File>) {
    for file in files {
        let name = file.name();
        load_blob(&store, &name, file.into());
    }
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
    let lang = store.lang();
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
        crate::ui::loading::stop_all(&store);
        store.retained.set_value(Vec::new());
        store.notice.set(None);
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
        <section class="mf-loader" aria-label=lang.t(Msg::LoadTraces)>
            <div class="mf-loader__text">
                <strong>{lang.t(Msg::DropHere)}</strong>
                <span>" "{lang.t(Msg::NothingUploaded)}</span>
            </div>
            <div class="mf-loader__actions">
                <input
                    type="file"
                    multiple=true
                    class="mf-visually-hidden"
                    data-testid="file-input"
                    id=store.id("file-input")
                    // The visible button opens it: one tab stop, and a name for screen readers.
                    tabindex="-1"
                    aria-label=lang.t(Msg::ChooseFiles)
                    node_ref=input
                    on:change=on_pick
                />
                <button class="mf-button mf-button--primary" data-testid="choose-files" on:click=open_picker>{lang.t(Msg::ChooseFiles)}</button>
                <button class="mf-button" data-testid="load-sample" on:click=sample>{lang.t(Msg::TrySample)}</button>
                <button class="mf-button" data-testid="clear" on:click=clear disabled=move || !has_data()>{lang.t(Msg::Clear)}</button>
            </div>
            <form class="mf-url" on:submit=fetch_url>
                <label class="mf-visually-hidden" for=store.id("url-input")>{lang.t(Msg::LoadFromUrl)}</label>
                <input type="url" id=store.id("url-input") data-testid="url-input" placeholder=lang.t(Msg::UrlPlaceholder)
                    prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev))/>
                <button class="mf-button" type="submit" data-testid="url-load">{lang.t(Msg::Load)}</button>
            </form>
            <ProgressList/>
            {move || store.notice.get().map(|n| view! {
                <p class="mf-notice" role="status" data-testid="notice">{n}</p>
            })}
        </section>
    }
}

/// What a progress bar says: bytes and percent, deliveries so far, speed and time left.
pub fn progress_text(p: &Progress, now: f64, lang: Lang) -> String {
    if p.started.is_none() {
        return lang.t(Msg::Waiting).to_string();
    }
    if p.adding {
        return lang.t(Msg::AddingToReport).to_string();
    }
    let mut parts = Vec::new();
    parts.push(match (p.total, p.percent()) {
        (Some(t), Some(pc)) => lang.fill(Msg::ProgressOf, &[&lang.percent_value(pc.floor(), 0), &lang.megabytes(p.bytes), &lang.megabytes(t)]),
        _ => lang.megabytes(p.bytes),
    });
    parts.push(lang.count(p.deliveries as u64, Msg::Deliveries));
    if let Some(speed) = p.speed(now) {
        parts.push(lang.fill(Msg::Rate, &[&lang.decimal(speed / 1e6, 0)]));
    }
    if let Some(left) = p.seconds_left(now) {
        parts.push(if left < 60.0 {
            lang.fill(Msg::SecondsLeft, &[&lang.decimal(left.ceil(), 0)])
        } else {
            lang.fill(Msg::MinutesLeft, &[&lang.decimal((left / 60.0).ceil(), 0)])
        });
    }
    parts.join(" · ")
}

/// One progress bar per file being read or waiting, each with Cancel. A row is its job's for
/// as long as the job lasts, and only its text, bar and stage change: rebuilt on every progress
/// message (ten a second per worker), the rows cost the page a layout and paint each time, and a
/// Cancel button that had keyboard focus lost it.
#[component]
fn ProgressList() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    view! {
        <Show when=move || store.progress.with(|p| !p.is_empty())>
            <ul class="mf-progress" data-testid="progress" aria-label=lang.t(Msg::FilesBeingRead)>
                <For each=move || store.progress.with(|p| p.iter().map(|p| p.id).collect::<Vec<_>>()) key=|id| *id let:id>
                    {
                        let row = Memo::new(move |_| store.progress.with(|p| p.iter().find(|p| p.id == id).cloned()));
                        let name = Memo::new(move |_| row.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default()));
                        view! {
                            <li class="mf-progress__row" data-testid="progress-row" data-id=id.to_string()
                                data-stage=move || if row.with(|p| p.as_ref().is_some_and(|p| p.adding)) { "adding" } else { "reading" }>
                                <span class="mf-progress__name">{move || name.get()}</span>
                                <progress max="100" value=move || row.with(|p| p.as_ref().and_then(Progress::percent).map(|v| v.to_string()))
                                    aria-label=move || lang.fill(Msg::Reading, &[&name.get()])></progress>
                                <span class="mf-progress__text" data-testid="progress-text">
                                    {move || row.with(|p| p.as_ref().map(|p| progress_text(p, js_sys::Date::now(), lang)).unwrap_or_default())}
                                </span>
                                <button class="mf-button mf-button--small" data-testid="cancel" aria-label=move || lang.fill(Msg::CancelReading, &[&name.get()])
                                    on:click=move |_| cancel(&store, id)>{lang.t(Msg::Cancel)}</button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}
