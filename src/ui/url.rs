//! The report's state in the page URL (`from`, `to`, `connector`, `dir`, `view`, and `lang` once
//! a language is picked): read when the page opens, written back with `history.replaceState`
//! whenever it changes.

use leptos::prelude::*;

use crate::aggregate::ConnectorFilter;
use crate::chart::DailyView;
use crate::dates::parse_day;
use crate::model::Direction;
use crate::ui::state::{Range, Store};

/// The URL value of `connector` that means "without a connector".
pub const NO_CONNECTOR: &str = "(none)";

fn params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// True when the URL asks for the bundled sample (`?sample`).
pub fn wants_sample() -> bool {
    params().is_some_and(|p| p.has("sample"))
}

/// Applies the URL's state to the store.
pub fn restore(store: &Store) {
    let Some(p) = params() else { return };
    apply(store, |k| p.get(k));
}

/// Applies report state given as URL-style keys (`from`, `to`, `range`, `connector`, `dir`,
/// `view`) to the store: from the page URL, a host page's options, or an iframe message.
pub fn apply(store: &Store, get: impl Fn(&str) -> Option<String>) {
    let p = Getter(get);
    let from = p.get("from").and_then(|v| parse_day(&v));
    let to = p.get("to").and_then(|v| parse_day(&v));
    if let (Some(a), Some(b)) = (from, to) {
        store.range.set(Range::Custom(a, b));
    } else if let Some(r) = p.get("range") {
        store.range.set(match r.as_str() {
            "30" => Range::Last(30),
            "90" => Range::Last(90),
            "all" => Range::All,
            _ => Range::Last(7),
        });
    }
    match p.get("connector") {
        Some(c) if c == NO_CONNECTOR => store.connector.set(ConnectorFilter::NoConnector),
        Some(c) if !c.is_empty() => store.connector.set(ConnectorFilter::Named(c)),
        _ => {}
    }
    if let Some(d) = p.get("dir") {
        store.direction.set(Direction::parse(&d).filter(|d| *d != Direction::IntraOrg));
    }
    if let Some(view) = p.get("view").as_deref().and_then(DailyView::from_key) {
        store.view.set(view);
    }
}

struct Getter<F: Fn(&str) -> Option<String>>(F);

impl<F: Fn(&str) -> Option<String>> Getter<F> {
    fn get(&self, key: &str) -> Option<String> {
        (self.0)(key)
    }
}

/// The report's state as URL-style keys and values.
pub fn current(store: &Store) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(f) = store.filter_untracked() {
        out.push(("from", f.from.format("%Y-%m-%d").to_string()));
        out.push(("to", f.to.format("%Y-%m-%d").to_string()));
    }
    out.push(("range", store.range.get_untracked().preset_value().to_string()));
    match store.connector.get_untracked() {
        ConnectorFilter::All => {}
        ConnectorFilter::NoConnector => out.push(("connector", NO_CONNECTOR.to_string())),
        ConnectorFilter::Named(n) => out.push(("connector", n)),
    }
    if let Some(d) = store.direction.get_untracked() {
        out.push(("dir", d.label().to_ascii_lowercase()));
    }
    out.push(("view", store.view.get_untracked().key().to_string()));
    out
}

/// Writes the store's report state into the URL without reloading or adding history entries.
pub fn write(store: &Store) {
    let Some(p) = params() else { return };
    for key in ["from", "to", "range", "connector", "dir", "view"] {
        p.delete(key);
    }
    match store.range.get_untracked() {
        Range::Custom(a, b) => {
            p.set("from", &a.format("%Y-%m-%d").to_string());
            p.set("to", &b.format("%Y-%m-%d").to_string());
        }
        Range::Last(7) => {}
        other => p.set("range", other.preset_value()),
    }
    match store.connector.get_untracked() {
        ConnectorFilter::All => {}
        ConnectorFilter::NoConnector => p.set("connector", NO_CONNECTOR),
        ConnectorFilter::Named(n) => p.set("connector", &n),
    }
    if let Some(d) = store.direction.get_untracked() {
        p.set("dir", &d.label().to_ascii_lowercase());
    }
    p.set("view", store.view.get_untracked().key());
    replace(&p);
}

/// The language the page URL asks for (`lang`), as given.
pub fn language() -> Option<String> {
    params()?.get("lang")
}

/// Puts the picked language into the page URL, so a shared link opens in it.
pub fn write_language(code: &str) {
    if let Some(p) = params() {
        p.set("lang", code);
        replace(&p);
    }
}

/// Replaces the page URL's query with `p`, keeping path and hash.
fn replace(p: &web_sys::UrlSearchParams) {
    let Some(window) = web_sys::window() else { return };
    let query: String = p.to_string().into();
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    let url = if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
