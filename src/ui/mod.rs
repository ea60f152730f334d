//! The browser UI: a thin Leptos layer over the pure core. It loads files, keeps the state, and
//! shows the widget, the flyout and the connector report. It never parses and never counts.

pub mod details;
pub mod download;
pub mod flyout;
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

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    url::restore(&store);
    if let Some(domains) = prefs::domains() {
        store.data.update(|ws| ws.set_domains(Some(domains)));
    }
    let dragging = RwSignal::new(false);
    install_drop_target(store, dragging);
    let details_button: NodeRef<leptos::html::Button> = NodeRef::new();

    let measure = move || {
        if let Some(w) = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()) {
            store.width.set(w as u32);
        }
    };
    measure();
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // The URL follows the report's state.
    Effect::new(move |_| {
        store.range.track();
        store.connector.track();
        store.direction.track();
        store.view.track();
        url::write(&store);
    });

    if DEMO || url::wants_sample() {
        load_text(&store, "mailflow-sample.csv", &crate::sample::bundled().csv);
    }
    remote::load_urls(store, remote::sources_in_page_url());

    view! {
        <div class="mf-app" class:mf-app--dragging=move || dragging.get()>
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

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
