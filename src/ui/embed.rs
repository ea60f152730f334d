//! Embedding Mailflow in another page. Two ways:
//! - the JavaScript API: `Mailflow.mount(element, options)` returns an instance with `load`,
//!   `setFilter`, `on` and `unmount` (see `mailflow-embed.js`, written by `scripts/externalize.mjs`);
//! - an iframe: `index.html?embed=iframe&origins=https://portal.example` accepts `postMessage`s
//!   only from those origins and answers `ready`, `loaded`, `error`, `filterchange` and `height`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::loading::{enqueue, stop_all, Job};
use crate::ui::state::{Listener, Source, Store};
use crate::ui::{Hosting, Shell};

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    crate::worker::object(pairs).into()
}

/// True when `mailflow-embed.js` loaded the app for a host page to mount.
pub fn loaded_by_host() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("__mailflowEmbedded")).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Reads a host's options object into [`Hosting`].
fn hosting_from(options: &JsValue) -> Hosting {
    let get = |k: &str| Reflect::get(options, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let sources = get("sources")
        .map(|v| if Array::is_array(&v) { Array::from(&v).iter().filter_map(|s| s.as_string()).collect() } else { v.as_string().into_iter().collect() })
        .unwrap_or_default();
    let filter = ["from", "to", "range", "connector", "dir", "view"]
        .iter()
        .filter_map(|k| get(k).and_then(|v| v.as_string()).map(|v| (k.to_string(), v)))
        .collect();
    let language = get("language").and_then(|v| v.as_string());
    Hosting { embedded: true, sources, filter, language }
}

/// A Blob from what a host hands over: a File or Blob, an ArrayBuffer, a typed array, or text.
fn blob_of(data: JsValue) -> Result<web_sys::Blob, String> {
    if let Some(blob) = data.dyn_ref::<web_sys::Blob>() {
        return Ok(blob.clone());
    }
    if data.is_instance_of::<js_sys::ArrayBuffer>() || data.is_instance_of::<Uint8Array>() {
        return web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::new(&data))).map_err(|_| "the data could not be read".to_string());
    }
    data.as_string().map(|t| crate::ui::loader::text_blob(&t)).ok_or_else(|| "load() takes a File, a Blob, an ArrayBuffer, a Uint8Array or text".to_string())
}

/// One mounted Mailflow, as the JavaScript API hands it to a host page.
#[wasm_bindgen]
pub struct MailflowInstance {
    store: Store,
    listeners: Rc<RefCell<Vec<(String, js_sys::Function)>>>,
    handle: Option<Box<dyn std::any::Any>>,
}

/// Mounts Mailflow into `element`. `options`: `sources` (URLs), `from`, `to`, `range`,
/// `connector`, `dir`, `view`, `theme` (`"light"` or `"dark"`), `language` (`"en"`, `"de"`, `"nl"`, `"fr"`, `"es"`, `"ja"`; by
/// default the host page's `<html lang>`, else the browser's language).
#[wasm_bindgen(js_name = mount)]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> MailflowInstance {
    let hosting = hosting_from(&options);
    if Reflect::get(&options, &JsValue::from_str("theme")).ok().and_then(|t| t.as_string()).as_deref() == Some("dark") {
        let _ = element.class_list().add_1("mf-theme-dark");
    }
    let listeners: Rc<RefCell<Vec<(String, js_sys::Function)>>> = Rc::new(RefCell::new(Vec::new()));
    let slot: Rc<std::cell::Cell<Option<Store>>> = Rc::new(std::cell::Cell::new(None));
    let (l2, s2) = (listeners.clone(), slot.clone());
    let handle = leptos::mount::mount_to(element, move || {
        let store = Store::new();
        let l3 = l2.clone();
        let listener: Listener = Rc::new(move |event: &str, detail: JsValue| {
            for (name, f) in l3.borrow().iter() {
                if name == event {
                    let _ = f.call1(&JsValue::NULL, &detail);
                }
            }
        });
        store.events.set_value(Some(listener));
        s2.set(Some(store));
        view! { <Shell hosting=hosting.clone() store=store/> }
    });
    let store = slot.get().expect("the mount ran");
    crate::ui::loading::workers::warm_up();
    MailflowInstance { store, listeners, handle: Some(Box::new(handle)) }
}

#[wasm_bindgen]
impl MailflowInstance {
    /// Loads a File, Blob, ArrayBuffer, Uint8Array or text as a file named `name`; resolves once
    /// it is in the report (rejects with a message when the data cannot be read).
    pub fn load(&self, data: JsValue, name: String) -> js_sys::Promise {
        let store = self.store;
        let alive = self.handle.is_some();
        js_sys::Promise::new(&mut |resolve, reject| {
            if !alive {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("this Mailflow instance was unmounted"));
                return;
            }
            match blob_of(data.clone()) {
                Ok(blob) => {
                    let mut job = Job::add(&name, Source::Blob(blob));
                    job.done = Some(Box::new(move |r: Result<(), String>| {
                        let _ = match r {
                            Ok(()) => resolve.call0(&JsValue::NULL),
                            Err(e) => reject.call1(&JsValue::NULL, &JsValue::from_str(&e)),
                        };
                    }));
                    enqueue(&store, job);
                }
                Err(e) => {
                    let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&e));
                }
            }
        })
    }

    /// Changes the report's filter: an object with `from`, `to`, `range`, `connector`, `dir`,
    /// `view` (the same keys and values as the page URL).
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&self, filter: JsValue) {
        if self.handle.is_some() {
            let f = hosting_from(&filter).filter;
            crate::ui::url::apply(&self.store, |k| f.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
        }
    }

    /// Switches the interface to another language (`"en"`, `"nl"`, ..., or a tag such as `"de-AT"`);
    /// returns false, changing nothing, for a language Mailflow does not speak.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, language: String) -> bool {
        match crate::lang::Lang::parse(&language).filter(|_| self.handle.is_some()) {
            Some(l) => {
                self.store.lang.set(l);
                true
            }
            None => false,
        }
    }

    /// Calls `callback(detail)` on `loaded`, `error` and `filterchange`.
    pub fn on(&self, event: String, callback: js_sys::Function) {
        self.listeners.borrow_mut().push((event, callback));
    }

    /// Removes Mailflow from the element: its nodes, listeners, state and loading worker.
    pub fn unmount(&mut self) {
        self.listeners.borrow_mut().clear();
        if self.handle.is_some() {
            stop_all(&self.store);
            crate::ui::loading::jobs::forget(&self.store);
        }
        self.handle.take();
    }
}

/// The iframe protocol's settings from the frame's URL: `embed=iframe`, the allowed origins and
/// the language (`lang`).
pub struct Frame {
    origins: Vec<String>,
    language: Option<String>,
}

/// `Some` when the page is `index.html?embed=iframe&origins=...`.
pub fn iframe_mode() -> Option<Frame> {
    let search = web_sys::window()?.location().search().ok()?;
    let p = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    (p.get("embed").as_deref() == Some("iframe")).then(|| Frame {
        language: p.get("lang"),
        origins: p.get("origins").unwrap_or_default().split(',').map(|o| o.trim().trim_end_matches('/').to_string()).filter(|o| !o.is_empty()).collect(),
    })
}

fn post(origin: &str, message: JsValue) {
    if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
        let _ = parent.post_message(&message, origin);
    }
}

/// Runs the app inside an iframe: messages from the allowed origins only (and only from the
/// parent window), answers to the first allowed origin.
pub fn start_iframe(frame: Frame) {
    let Some(window) = web_sys::window() else { return };
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let origins = Rc::new(frame.origins);
    let target = origins.first().cloned().unwrap_or_default();
    let options = object(&[("language", frame.language.as_deref().map(JsValue::from_str).unwrap_or(JsValue::UNDEFINED))]);
    let instance = Rc::new(RefCell::new(mount(body.clone(), options)));
    for event in ["loaded", "error", "filterchange"] {
        let target = target.clone();
        let f = Closure::<dyn Fn(JsValue)>::new(move |detail: JsValue| {
            post(&target, object(&[("type", JsValue::from_str(event)), ("detail", detail)]));
        });
        instance.borrow().on(event.to_string(), f.as_ref().unchecked_ref::<js_sys::Function>().clone());
        f.forget();
    }
    let inst = instance.clone();
    let allowed = origins.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let from_parent = web_sys::window().and_then(|w| w.parent().ok().flatten()).zip(ev.source()).is_some_and(|(p, s)| JsValue::from(p) == JsValue::from(s));
        if !from_parent || !allowed.iter().any(|o| *o == ev.origin()) {
            // Counted where tests and curious admins can see it; never acted on.
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                let n: u32 = body.get_attribute("data-ignored-messages").and_then(|v| v.parse().ok()).unwrap_or(0);
                let _ = body.set_attribute("data-ignored-messages", &(n + 1).to_string());
            }
            return;
        }
        let data = ev.data();
        let get = |k: &str| Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        match get("type").as_string().as_deref() {
            Some("load") => {
                let name = get("name").as_string().unwrap_or_else(|| "file".into());
                let _ = inst.borrow().load(get("data"), name);
            }
            Some("filter") => inst.borrow().set_filter(get("filter")),
            _ => {}
        }
    });
    window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref()).ok();
    on_message.forget();
    // Report the content height whenever it changes, so the host can size the frame.
    let target2 = target.clone();
    let on_resize = Closure::<dyn Fn(Array)>::new(move |entries: Array| {
        let height = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().map(|e| e.content_rect().height()).unwrap_or(0.0);
        post(&target2, object(&[("type", JsValue::from_str("height")), ("height", JsValue::from_f64(height.ceil()))]));
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    on_resize.forget();
    std::mem::forget(instance);
    post(&target, object(&[("type", JsValue::from_str("ready"))]));
}
