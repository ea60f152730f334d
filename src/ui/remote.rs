//! Loading traces by URL: the addresses the page's URL names (`?src=URL`, repeatable), the "Load
//! from URL" field's and the host page's, each queued as a loading job (fetched and streamed by
//! [`crate::ui::loading::streaming`]).

use crate::ui::loading::{enqueue, Job};
use crate::ui::state::{Source, Store};

/// Queues each URL; downloads stream into the loading worker one after another, and failures are
/// listed like bad files.
pub fn load_urls(store: Store, urls: Vec<String>) {
    for address in urls {
        enqueue(&store, Job::add(&address, Source::Url(address.clone())));
    }
}

/// The `src` parameters of the page's URL.
pub fn sources_in_page_url() -> Vec<String> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else { return Vec::new() };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return Vec::new() };
    params.get_all("src").iter().filter_map(|v| v.as_string()).filter(|v| !v.trim().is_empty()).collect()
}
