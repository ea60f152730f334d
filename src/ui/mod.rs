//! The browser UI: a thin Leptos layer over the pure core. It loads files, keeps the state, and
//! shows the widget, the flyout and the connector report. It never parses and never counts.

pub mod chart_table;
pub mod details;
pub mod download;
pub mod embed;
pub mod flyout;
pub mod loader;
pub mod loading;
pub mod map;
pub mod partners;
pub mod prefs;
pub mod remote;
pub mod report;
pub mod security;
pub mod sort_header;
pub mod state;
pub mod summary;
pub mod tls_reports;
pub mod url;
pub mod warm_views;
pub mod widget;

use leptos::prelude::*;

use crate::lang::{Lang, Msg};
use crate::ui::flyout::Flyout;
use crate::ui::loader::{install_drop_target, load_text, Loader};
use crate::ui::report::Report;
use crate::ui::state::{Below, Store};
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
    /// The language asked for (the host's `language` option, or the page's `?lang=`), as given.
    pub language: Option<String>,
}

/// The browser's preferred languages, most wanted first.
fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() { nav.language().into_iter().collect() } else { list }
}

/// The language to start in: what the host or the URL asked for, else (standalone) the one picked
/// before or (mounted by a host page) the host page's `<html lang>`, else the browser's; English
/// when the interface speaks none of them.
fn start_language(hosting: &Hosting, own_page: bool) -> Lang {
    let mut wanted: Vec<String> = hosting.language.iter().cloned().collect();
    if !own_page {
        wanted.extend(web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).map(|e| e.get_attribute("lang").unwrap_or_default()));
    } else if !hosting.embedded {
        wanted.extend(prefs::language());
    }
    wanted.extend(browser_languages());
    Lang::choose(wanted.iter().map(String::as_str))
}

/// The standalone app: the page URL holds the report's state and may name sources.
#[component]
pub fn App() -> impl IntoView {
    let hosting = Hosting { embedded: false, sources: remote::sources_in_page_url(), filter: Vec::new(), language: url::language() };
    view! { <Shell hosting=hosting store=Store::new()/> }
}

/// The whole app, standalone or embedded.
#[component]
pub fn Shell(hosting: Hosting, store: Store) -> impl IntoView {
    provide_context(store);
    // The page is Mailflow's own when standalone or in an iframe; a host page's otherwise.
    let own_page = !hosting.embedded || embed::iframe_mode().is_some();
    store.lang.set(start_language(&hosting, own_page));
    if hosting.embedded {
        url::apply(&store, |k| hosting.filter.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
    } else {
        url::restore(&store);
    }
    if let Some(domains) = prefs::domains() {
        store.data.update(|ws| ws.set_domains(Some(domains)));
    }
    // The language's formatters are made while the page is idle, not when a file is chosen.
    leptos::task::spawn_local(async move {
        loading::workers::idle().await;
        if let Some(lang) = store.lang.try_get_untracked() {
            lang.warm();
        }
    });
    let dragging = RwSignal::new(false);
    if !hosting.embedded {
        install_drop_target(store, dragging);
    }
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
            state::emit(&store, "filterchange", url::current(&store));
        } else {
            url::write(&store);
        }
    });

    if own_page {
        // The page's own language follows the interface's, for screen readers and hyphenation.
        Effect::new(move |_| {
            let lang = store.lang.get();
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            doc.set_title(lang.t(Msg::PageTitle));
        });
    }
    let pick_language = move |ev| {
        if let Some(l) = Lang::parse(&event_target_value(&ev)) {
            prefs::save_language(l.code());
            url::write_language(l.code());
            store.lang.set(l);
        }
    };

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

    // Everything inside is rebuilt when the language changes; the state lives in the store.
    let content = move || {
        let lang = store.lang.get();
        // Built anew (a language chosen): drawn in stages again, as when data first arrives.
        store.below.update_untracked(|b| *b = Below::Hidden);
        let details_button: NodeRef<leptos::html::Button> = NodeRef::new();
        // The connector report is drawn one task after data first arrives, and the Partners view
        // a task after that, so that the page's largest render (summary, widget, report,
        // partners) is several tasks under 50 ms, not one (see `Below`). A file added to much
        // data has the loading take them away first and hand them back here, `Hidden`.
        Effect::new(move |_| {
            let has_data = store.data.with(|d| !d.agg().is_empty());
            match store.below.get() {
                Below::Hidden if has_data => leptos::task::spawn_local(async move {
                    for (from, to) in [(Below::Hidden, Below::Report), (Below::Report, Below::All)] {
                        crate::ui::loading::yield_now().await;
                        // Another staging, Clear or a file being added may have moved it on.
                        if store.below.try_with_untracked(|b| *b == from) != Some(true) {
                            return;
                        }
                        let _ = store.below.try_set(to);
                    }
                }),
                Below::Report | Below::All if !has_data => store.below.set(Below::Hidden),
                _ => {}
            }
            if !has_data && store.held_height.get_untracked().is_some() {
                store.held_height.set(None);
            }
        });
        // Memos: the views are built again only when they go from hidden to shown.
        let (report_shown, partners_shown) = (Memo::new(move |_| store.below.get() >= Below::Report), Memo::new(move |_| store.below.get() >= Below::All));
        view! {
            <header class="mf-top">
                <div>
                    <h1>"Mailflow"</h1>
                    <p>{lang.t(Msg::Tagline)}</p>
                </div>
                {(!embedded).then(|| view! {
                    <label class="mf-field mf-lang">
                        <span class="mf-visually-hidden">{lang.t(Msg::Language)}</span>
                        <select data-testid="language" on:change=pick_language>
                            {Lang::ALL.into_iter().map(|l| view! { <option value=l.code() lang=l.code() selected=l == lang>{l.name()}</option> }).collect_view()}
                        </select>
                    </label>
                })}
            </header>
            <main id=store.id("main") style:min-height=move || store.held_height.get().map(|h| format!("{h}px"))>
                <Loader/>
                <LoadSummary/>
                <Widget details_button=details_button/>
                {move || report_shown.get().then(|| view! { <Report/> })}
                {move || partners_shown.get().then(|| view! { <crate::ui::partners::Partners/> })}
                <crate::ui::tls_reports::TlsReportsPanel/>
            </main>
            <Flyout return_focus=details_button/>
            <div class="mf-drop-overlay" aria-hidden="true">{lang.t(Msg::DropOverlay)}</div>
        }
    };
    view! {
        <div class="mf-app" lang=move || store.lang.get().code() class:mf-app--embedded=embedded
            class:mf-app--dragging=move || dragging.get() node_ref=root
            on:dragover=on_over on:dragleave=on_leave on:drop=on_drop>
            {content}
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
    warm_views::warm_views(start_language(&Hosting { language: url::language(), ..Default::default() }, true));
    loading::workers::warm_up();
}
