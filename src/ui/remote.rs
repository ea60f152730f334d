//! Loading traces by URL (`?src=URL`, repeatable, and the "Load from URL" field) with gloo-net:
//! only GETs of the addresses the user or the host page gave; nothing is ever sent anywhere.
//! Failures (cross-origin refusals, 404s, time-outs) get a message that says what to do; bodies
//! stream into the loading jobs ([`crate::ui::jobs`]).

use crate::lang::{Msg, Said};
use gloo_net::http::Request;
use wasm_bindgen::JsCast;

use crate::ui::jobs::{enqueue, Job, Source};
use crate::ui::state::Store;

/// How long a server may take to answer.
pub const TIMEOUT_MS: i32 = 60_000;

/// The name to show for a URL: its last path segment, else its host.
pub fn name_of(url: &web_sys::Url) -> String {
    let path = url.pathname();
    let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or("");
    let decoded = js_sys::decode_uri_component(last).ok().and_then(|s| s.as_string()).unwrap_or_else(|| last.to_string());
    if decoded.is_empty() { url.host() } else { decoded }
}

/// Starts a GET of one URL: its name and the response whose body is still to come, or why not.
pub async fn open(address: &str) -> Result<(String, gloo_net::http::Response), Said> {
    let window = web_sys::window().ok_or(Said::new(Msg::Verbatim).text("no window"))?;
    let base = window.location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(address.trim(), &base).map_err(|_| Said::new(Msg::NotWebAddress).text(crate::text::clip(address, 80)))?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err(Said::new(Msg::NotHttp).text(url.href()));
    }
    let cross_origin = url.origin() != window.location().origin().unwrap_or_default();
    let controller = web_sys::AbortController::new().map_err(|_| Said::new(Msg::Verbatim).text("the browser cannot fetch"))?;
    let signal = controller.signal();
    let abort = wasm_bindgen::closure::Closure::once(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.as_ref().unchecked_ref(), TIMEOUT_MS)
        .unwrap_or(0);
    abort.forget();
    let href = url.href();
    let result = Request::get(&href).abort_signal(Some(&signal)).send().await;
    window.clear_timeout_with_handle(timer);
    let response = match result {
        Ok(r) => r,
        Err(_) if signal.aborted() => {
            return Err(Said::new(Msg::NoAnswer).text(url.host()).number(TIMEOUT_MS / 1000))
        }
        Err(_) if cross_origin => {
            return Err(Said::new(Msg::NoCors).text(url.host()))
        }
        Err(e) => return Err(Said::new(Msg::FetchFailed).text(href).text(e.to_string())),
    };
    match response.status() {
        200..=299 => {}
        404 => return Err(Said::new(Msg::NotFound).text(href)),
        s => return Err(Said::new(Msg::HttpStatus).number(s).text(response.status_text()).text(href)),
    }
    Ok((name_of(&url), response))
}

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
