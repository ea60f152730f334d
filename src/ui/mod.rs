//! The browser UI: a thin Leptos layer over the pure core. It loads files, keeps the state, and
//! shows the widget, the flyout and the connector report. It never parses and never counts.

pub mod details;
pub mod download;
pub mod embed;
pub mod flyout;
pub mod jobs;
pub mod loader;
pub mod prefs;
pub mod remote;
pub mod report;
pub mod state;
pub mod summary;
pub mod tls_reports;
pub mod url;
pub mod widget;

use leptos::prelude::*;

use crate::ui::flyout::Flyout;
use crate::ui::loader::{install_drop_target, load_text, Loader};
use crate::ui::report::Report;
use crate::ui::state::Store;
use crate::ui::summary::LoadSummary;
use crate::ui::widget::Widget;

/// True when the build asked to open with the sample loaded (the README's run command sets
/// `MAILFLOW_DEMO=1`).
const DEMO: bool = option_env!("MAILFLOW_DEMO").is_some();

/// How the app is hosted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hosting {
    /// Mounted by a host page (JavaScript API): no page URL state, files dropped on the app's own
    /// element, sources and filters from the host.
    pub embedded: bool,
    /// Addresses to load at start.
    pub sources: Vec<String>,
    /// Filters to start with (`from`, `to`, `range`, `connector`, `dir`, `view`), as in the URL.
    pub filter: Vec<(String, String)>,
}

/// The standalone app: the page URL holds the report's state and may name sources.
#[component]
pub fn App() -> impl IntoView {
    let hosting = Hosting { embedded: false, sources: remote::sources_in_page_url(), filter: Vec::new() };
    view! { <Shell hosting=hosting store=Store::new()/> }
}

/// The whole app, standalone or embedded.
#[component]
pub fn Shell(hosting: Hosting, store: Store) -> impl IntoView {
    provide_context(store);
    if hosting.embedded {
        url::apply(&store, |k| hosting.filter.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
    } else {
        url::restore(&store);
    }
    if let Some(domains) = prefs::domains() {
        store.data.update(|ws| ws.set_domains(Some(domains)));
    }
    let dragging = RwSignal::new(false);
    if !hosting.embedded {
        install_drop_target(store, dragging);
    }
    let details_button: NodeRef<leptos::html::Button> = NodeRef::new();
    let root: NodeRef<leptos::html::Div> = NodeRef::new();

    let measure = move || {
        let width = if hosting.embedded {
            root.get_untracked().map(|el| el.client_width() as f64)
        } else {
            web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64())
        };
        if let Some(w) = width.filter(|w| *w > 0.0) {
            store.width.set(w as u32);
        }
    };
    measure();
    Effect::new(move |_| {
        if root.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // The page URL (standalone) or the host (embedded) follows the report's state.
    let embedded = hosting.embedded;
    Effect::new(move |_| {
        store.range.track();
        store.connector.track();
        store.direction.track();
        store.view.track();
        if embedded {
            embed::emit(&store, "filterchange", url::current(&store));
        } else {
            url::write(&store);
        }
    });

    if !embedded && (DEMO || url::wants_sample()) {
        load_text(&store, "mailflow-sample.csv", &crate::sample::bundled().csv);
    }
    remote::load_urls(store, hosting.sources.clone());

    let on_over = move |ev: web_sys::DragEvent| {
        if embedded {
            ev.prevent_default();
            dragging.set(true);
        }
    };
    let on_leave = move |ev: web_sys::DragEvent| {
        if embedded && ev.related_target().is_none() {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        if embedded {
            ev.prevent_default();
            ev.stop_propagation();
            dragging.set(false);
            loader::load_files(store, loader::file_list(ev.data_transfer().and_then(|dt| dt.files())));
        }
    };

    view! {
        <div class="mf-app" class:mf-app--embedded=embedded class:mf-app--dragging=move || dragging.get() node_ref=root
            on:dragover=on_over on:dragleave=on_leave on:drop=on_drop>
            <header class="mf-top">
                <h1>"Mailflow"</h1>
                <p>"Mail-flow TLS and connector report — computed in your browser"</p>
            </header>
            <main>
                <Loader/>
                <LoadSummary/>
                <Widget details_button=details_button/>
                <Report/>
                <crate::ui::tls_reports::TlsReportsPanel/>
            </main>
            <Flyout return_focus=details_button/>
            <div class="mf-drop-overlay" aria-hidden="true">"Drop files to add them to the report"</div>
        </div>
    }
}

/// Mounts the app on the page's body, unless a host page loaded it to mount it itself
/// (`window.__mailflowEmbedded`, set by `mailflow-embed.js`).
pub fn start() {
    console_error_panic_hook::set_once();
    if crate::worker::in_worker() {
        crate::worker::run();
        return;
    }
    if embed::loaded_by_host() {
        return;
    }
    if let Some(frame) = embed::iframe_mode() {
        embed::start_iframe(frame);
        return;
    }
    leptos::mount::mount_to_body(App);
}
