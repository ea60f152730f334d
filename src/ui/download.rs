//! Saving files from the page: CSV and SVG as downloads, and SVG charts converted to PNG through
//! a canvas. Nothing leaves the machine: downloads are blob URLs.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn click_link(href: &str, name: &str) -> Result<(), JsValue> {
    let doc = document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(href);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    Ok(())
}

fn blob_url(data: &str, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(data));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Downloads text as a file.
pub fn download_text(name: &str, mime: &str, data: &str) -> Result<(), JsValue> {
    let url = blob_url(data, mime)?;
    let result = click_link(&url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Reads the `width` and `height` attributes plotters writes on the root element.
fn svg_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let key = format!(" {name}=\"");
        svg.find(&key)
            .and_then(|i| svg[i + key.len()..].split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(600)
    };
    (attr("width"), attr("height"))
}

/// Downloads an SVG chart as a PNG at twice its size, drawn through an image and a canvas.
pub fn download_png(name: &str, svg: &str) -> Result<(), JsValue> {
    let (w, h) = svg_size(svg);
    let url = blob_url(svg, "image/svg+xml")?;
    let img = web_sys::HtmlImageElement::new()?;
    let name = name.to_string();
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = Closure::once(move || {
        let result = (|| -> Result<(), JsValue> {
            let doc = document().ok_or("no document")?;
            let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
            canvas.set_width(w * 2);
            canvas.set_height(h * 2);
            let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
            ctx.scale(2.0, 2.0)?;
            ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)?;
            click_link(&canvas.to_data_url_with_type("image/png")?, &name)
        })();
        if let Err(e) = result {
            web_sys::console::error_2(&"Mailflow: PNG export failed".into(), &e);
        }
        let _ = web_sys::Url::revoke_object_url(&url2);
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&url);
    Ok(())
}

/// "Download SVG" and "Download PNG" buttons for one chart; `svg` gives the chart as it is now.
#[leptos::component]
pub fn ChartDownloads(
    /// The chart's SVG at the time of the click.
    #[prop(into)]
    svg: leptos::prelude::Signal<Option<String>>,
    /// The file name without extension.
    #[prop(into)]
    name: leptos::prelude::Signal<String>,
    /// Prefix for the buttons' `data-testid`s (`{prefix}-svg`, `{prefix}-png`).
    testid: &'static str,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let lang = crate::ui::state::use_store().lang();
    let save_svg = move |_| {
        if let Some(s) = svg.get_untracked() {
            let _ = download_text(&format!("{}.svg", name.get_untracked()), "image/svg+xml", &s);
        }
    };
    let save_png = move |_| {
        if let Some(s) = svg.get_untracked() {
            let _ = download_png(&format!("{}.png", name.get_untracked()), &s);
        }
    };
    view! {
        <div class="mf-chart-actions">
            <button class="mf-button mf-button--small" data-testid=format!("{testid}-svg") on:click=save_svg>{lang.t(crate::lang::Msg::DownloadSvg)}</button>
            <button class="mf-button mf-button--small" data-testid=format!("{testid}-png") on:click=save_png>{lang.t(crate::lang::Msg::DownloadPng)}</button>
        </div>
    }
}
