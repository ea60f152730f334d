//! Component tests in headless Chromium (`wasm-bindgen-test`): Leptos components mounted on a real
//! DOM, fed through the same loading path as a dropped file.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mailflow::ui::details::DetailsTable;
use mailflow::ui::loader::load_text;
use mailflow::ui::state::{Range, Store};
use mailflow::ui::summary::LoadSummary;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

fn csv() -> String {
    format!(
        "date,direction,connector,tls,count\n\
         2026-03-04,Outbound,\"{HOSTILE}\",No TLS,7\n\
         2026-03-04,Outbound,\"{HOSTILE}\",TLS 1.2,3\n\
         2026-03-04,Inbound,,TLS 1.3,50\n\
         2026-03-05,Inbound,Partner In,TLS 1.2,20\n"
    )
}

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.get(i).unwrap().text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn details_table_shows_hostile_names_as_text_and_sorts() {
    let root = container();
    let store_slot = StoredValue::new(None::<Store>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let store = Store::new();
        provide_context(store);
        load_text(&store, "t.csv", &csv());
        store.range.set(Range::All);
        store_slot.set_value(Some(store));
        let filter = Memo::new(move |_| store.filter());
        view! { <DetailsTable filter=filter/> }
    });
    leptos::task::tick().await;

    // Three rows sorted by date, direction, then connector; the hostile name is text, not markup.
    let connectors = texts(&root, "[data-testid=details-table] tbody tr td:nth-child(3)");
    assert_eq!(connectors.len(), 3, "{connectors:?}");
    assert_eq!(connectors[1], HOSTILE);
    assert!(root.query_selector("img").unwrap().is_none(), "no element was made from file text");

    // Sort by volume, descending on the second click.
    let button: web_sys::HtmlElement = root.query_selector("[data-testid=sort-volume]").unwrap().unwrap().unchecked_into();
    button.click();
    leptos::task::tick().await;
    button.click();
    leptos::task::tick().await;
    let volumes = texts(&root, "[data-testid=details-table] tbody tr td:nth-child(6)");
    assert_eq!(volumes, vec!["50", "20", "10"]);
    let th = root.query_selector("th[aria-sort=descending]").unwrap().expect("aria-sort on the sorted column");
    assert!(th.text_content().unwrap().contains("Volume"));
    // No TLS share of the hostile connector's row: 7 of 10.
    let no_tls = texts(&root, "[data-testid=details-table] tbody tr:nth-child(3) td:nth-child(7)");
    assert_eq!(no_tls, vec!["70.0%"]);
}

#[wasm_bindgen_test]
async fn load_summary_names_a_bad_file_and_keeps_the_data() {
    let root = container();
    let store = Store::new();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(store);
        view! { <LoadSummary/> }
    });
    load_text(&store, "good.csv", &csv());
    load_text(&store, "notes.txt", "just some notes\n");
    load_text(&store, "people.csv", "Name,Age\nBob,3\n");
    leptos::task::tick().await;

    let errors = texts(&root, "[data-testid=file-error]");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[1].contains("people.csv") && errors[1].contains("no date"), "{}", errors[1]);
    assert_eq!(texts(&root, "[data-testid=deliveries-used]"), vec!["80"]);
    assert_eq!(store.data.with_untracked(|d| d.agg().direction_totals()[0].1), 70, "the good file's data stays");
}
