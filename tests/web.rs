//! Component tests in headless Chromium (`wasm-bindgen-test`): Leptos components mounted on a real
//! DOM, fed through the same loading path as a dropped file.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mailflow::ui::details::DetailsTable;
use mailflow::ui::loader::{load_text, Loader};
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

/// Waits (yielding to the browser) until `done` holds; loads run in slices between yields.
async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..2000 {
        if done() {
            return;
        }
        mailflow::ui::loading::yield_now().await;
    }
    panic!("gave up waiting");
}

/// Waits until every queued load has landed.
async fn settle(store: Store) {
    wait_until(move || store.progress.with_untracked(|p| p.is_empty())).await;
    leptos::task::tick().await;
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
    settle(store_slot.get_value().unwrap()).await;

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
async fn details_table_speaks_the_store_language() {
    let root = container();
    let store = Store::new();
    store.lang.set(mailflow::lang::Lang::De);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(store);
        load_text(&store, "t.csv", &csv());
        store.range.set(Range::All);
        let filter = Memo::new(move |_| store.filter());
        view! { <DetailsTable filter=filter/> <LoadSummary/> }
    });
    settle(store).await;

    let heads = texts(&root, "[data-testid=details-table] thead th");
    assert_eq!(&heads[..3], &["Datum▲", "Richtung", "Connector"], "{heads:?}");
    assert_eq!(heads[6], "Kein TLS %");
    assert_eq!(texts(&root, "[data-testid=details-table] tbody tr:nth-child(1) td:nth-child(1)"), vec!["04.03.2026"]);
    assert_eq!(texts(&root, "[data-testid=details-table] tbody tr:nth-child(1) td:nth-child(2)"), vec!["Eingehend"]);
    assert_eq!(texts(&root, "[data-testid=details-table] tbody tr:nth-child(2) td:nth-child(7)"), vec!["70,0\u{a0}%"]);
    assert_eq!(texts(&root, "[data-testid=export-details]"), vec!["Details exportieren"]);
    let counts = texts(&root, ".mf-file__counts")[0].clone();
    assert!(counts.contains("4 Zeilen gelesen") && counts.contains("80 Zustellungen"), "{counts}");
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
    settle(store).await;

    let errors = texts(&root, "[data-testid=file-error]");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[1].contains("people.csv") && errors[1].contains("no column for date"), "{}", errors[1]);
    assert_eq!(texts(&root, "[data-testid=deliveries-used]"), vec!["80"]);
    assert_eq!(store.data.with_untracked(|d| d.agg().direction_totals()[0].1), 70, "the good file's data stays");
}

#[wasm_bindgen_test]
async fn a_file_being_read_shows_progress_and_cancel_keeps_earlier_data() {
    let root = container();
    let store = Store::new();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(store);
        view! { <Loader/> <LoadSummary/> }
    });
    load_text(&store, "good.csv", &csv());
    settle(store).await;
    // About 6 MB: read on the page in slices here (component tests have no worker).
    let mut big = String::from("date,direction,connector,tls,count\n");
    while big.len() < 6_000_000 {
        big.push_str("2026-03-06,Inbound,Bulk,TLS 1.2,1\n");
    }
    load_text(&store, "big.csv", &big);
    wait_until(|| root.query_selector("[data-testid=progress-text]").ok().flatten().and_then(|e| e.text_content()).is_some_and(|t| t.contains('%') && !t.starts_with("0%"))).await;
    let text = texts(&root, "[data-testid=progress-text]");
    assert!(text[0].contains("\u{a0}MB of 6.0\u{a0}MB · ") && text[0].contains(" deliveries"), "{text:?}");
    let cancel: web_sys::HtmlElement = root.query_selector("[data-testid=cancel]").unwrap().unwrap().unchecked_into();
    assert_eq!(cancel.get_attribute("aria-label").as_deref(), Some("Cancel reading big.csv"));
    cancel.click();
    leptos::task::tick().await;
    assert!(root.query_selector("[data-testid=progress]").unwrap().is_none(), "the bar is gone");
    assert!(texts(&root, "[data-testid=notice]")[0].contains("Stopped reading big.csv"));
    for _ in 0..20 {
        mailflow::ui::loading::yield_now().await;
    }
    assert_eq!(texts(&root, "[data-testid=deliveries-used]"), vec!["80"], "only the earlier file is loaded");
}

/// When the partner cells reach their cap, the report says so next to the insights, with the
/// number of deliveries whose partner was not kept (here a cap of 2 cells).
#[wasm_bindgen_test]
async fn the_report_says_when_partner_detail_was_capped() {
    use mailflow::load::{load_bytes, Content};
    use mailflow::model::{Delivery, Direction};
    use mailflow::tls::Tls;
    let mut agg = mailflow::aggregate::Aggregate::with_partner_cap(2);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
    for (partner, n) in [("a.example", 5), ("b.example", 4), ("c.example", 3), ("d.example", 2)] {
        agg.add(&Delivery { auth: mailflow::security::Auth::Unknown, time: day, direction: Direction::Inbound, connector: None, connector_type: None, forced_tls: None, tls: Tls::V1_2, remote_host: None, remote_ip: None, remote_domain: Some(partner), count: n });
    }
    agg.freeze();
    let mut loaded = load_bytes("capped.csv", b"");
    loaded.report.error = None;
    loaded.content = Content::Deliveries(agg.into());
    let root = container();
    let store_slot = StoredValue::new(None::<Store>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let store = Store::new();
        provide_context(store);
        store.range.set(Range::All);
        store.data.update(|ws| ws.add(loaded.clone()));
        store_slot.set_value(Some(store));
        view! { <mailflow::ui::report::Report/> }
    });
    // The insights are drawn a task after the report's chart.
    let probe = root.clone();
    wait_until(move || probe.query_selector("[data-testid=partners-capped]").ok().flatten().is_some()).await;
    let note = texts(&root, "[data-testid=partners-capped]");
    assert_eq!(note.len(), 1, "{}", root.inner_html().chars().take(400).collect::<String>());
    assert!(note[0].contains("6,400,000") && note[0].contains(" 5 deliveries"), "{note:?}");
}
