//! Loading by URL: a GET with gloo-net (only the addresses the user or the host page gave;
//! nothing is ever sent), failures worded so the user knows what to do (cross-origin refusals,
//! 404s, time-outs), and the body streamed into the loading worker (or a load on the page) as it
//! arrives, with its progress.

use gloo_net::http::Request;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::lang::{Msg, Said};
use crate::load::LoadOptions;
use crate::stream::{FileLoad, Outcome};
use crate::ui::loading::jobs::{again, finish, is_current, set_progress, with_jobs};
use crate::ui::loading::on_page::yield_now;
use crate::ui::loading::workers::send;
use crate::ui::state::Store;
use crate::wire::ToWorker;
use crate::worker::get;

/// How long a server may take to answer.
pub const TIMEOUT_MS: i32 = 60_000;

/// The name to show for a URL: its last path segment, else its host.
fn name_of(url: &web_sys::Url) -> String {
    let path = url.pathname();
    let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or("");
    let decoded = js_sys::decode_uri_component(last).ok().and_then(|s| s.as_string()).unwrap_or_else(|| last.to_string());
    if decoded.is_empty() { url.host() } else { decoded }
}

/// Starts a GET of one URL: its name and the response whose body is still to come, or why not.
async fn open(address: &str) -> Result<(String, gloo_net::http::Response), Said> {
    let window = web_sys::window().ok_or(Said::new(Msg::Verbatim).text("no window"))?;
    let base = window.location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(address.trim(), &base).map_err(|_| Said::new(Msg::NotWebAddress).text(crate::text::clip(address, 80)))?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err(Said::new(Msg::NotHttp).text(url.href()));
    }
    let cross_origin = url.origin() != window.location().origin().unwrap_or_default();
    let controller = web_sys::AbortController::new().map_err(|_| Said::new(Msg::BrowserCannotFetch))?;
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

/// Downloads a URL and streams its body into the worker (or a load on the page).
pub async fn download(store: Store, id: u32, address: String, options: LoadOptions, worker: Option<web_sys::Worker>) {
    let (name, response) = match open(&address).await {
        Ok(x) => x,
        Err(message) => return finish(&store, id, Err(message)),
    };
    if !is_current(&store, id) {
        return;
    }
    let total = response.headers().get("content-length").and_then(|v| v.parse::<f64>().ok());
    set_progress(&store, id, |p| {
        p.name = name.clone();
        p.total = total;
    });
    with_jobs(&store, |j| {
        if let Some((_, job)) = j.current.as_mut() {
            job.name = name.clone();
        }
    });
    let Some(body) = response.body() else {
        return finish(&store, id, Err(Said::new(Msg::ServerSentNothing).text(name.clone())));
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut here = match &worker {
        Some(w) => {
            send(w, &ToWorker::Open { id, name: name.clone(), options: options.clone() }, None);
            None
        }
        None => Some(FileLoad::new(&name, options.clone())),
    };
    let mut received = 0.0;
    loop {
        let Ok(step) = JsFuture::from(reader.read()).await else {
            return finish(&store, id, Err(Said::new(Msg::DownloadBrokeOff).text(name.clone())));
        };
        if !is_current(&store, id) {
            let _ = reader.cancel();
            return;
        }
        if get(&step, "done").is_truthy() {
            break;
        }
        let Ok(chunk) = get(&step, "value").dyn_into::<Uint8Array>() else { continue };
        received += chunk.length() as f64;
        match (&worker, &mut here) {
            (Some(w), _) => {
                send(w, &ToWorker::Chunk { id }, Some(&chunk.into()));
                set_progress(&store, id, |p| p.bytes = received);
            }
            (None, Some(load)) => {
                load.push(&chunk.to_vec());
                let deliveries = load.deliveries() as f64;
                set_progress(&store, id, |p| {
                    p.bytes = received;
                    p.deliveries = deliveries;
                });
                yield_now().await;
            }
            (None, None) => {}
        }
    }
    match (worker, here) {
        (Some(w), _) => {
            send(&w, &ToWorker::End { id }, None);
        }
        (None, Some(load)) => match load.finish() {
            Outcome::Done(parts) => finish(&store, id, Ok(parts)),
            Outcome::Again(o) => again(&store, id, o),
        },
        (None, None) => {}
    }
}
