//! The views drawn once, off the page, in the task that starts the app: Chromium compiles a
//! WebAssembly function on its first call, and the first drawing of a real file's report was
//! that compiling as much as running (tasks of 50-70 ms on a slow machine, none with eager
//! compilation). Drawn here for a few made-up deliveries (no parser runs), the code is compiled
//! before the page first answers.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use chrono::{Duration, NaiveDate};

use crate::aggregate::Aggregate;
use crate::load::{load_bytes, Content, Found, Loaded};
use crate::model::{ConnectorType, Delivery, Direction};
use crate::security::Auth;
use crate::tls::Tls;
use crate::ui::partners::Partners;
use crate::ui::report::Report;
use crate::ui::state::Store;
use crate::ui::summary::LoadSummary;
use crate::ui::widget::Widget;

/// Draws the summary, widget, report and partners for made-up mail on an element that is
/// never on the page, every part at once, then takes it all down again. Marks its start and end
/// on the performance timeline (`mailflow-warm-views`, `mailflow-views-warm`).
pub fn warm_views(lang: crate::lang::Lang) {
    crate::ui::loading::workers::mark("mailflow-warm-views");
    let Some(host) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok()) else { return };
    let owner = Owner::new();
    owner.with(|| {
        let store = Store { at_once: true, ..Store::new() };
        store.lang.set(lang);
        let loaded = made_up();
        store.data.update(|ws| ws.add(loaded));
        let drawn = leptos::mount::mount_to(host.unchecked_into(), move || {
            provide_context(store);
            view! {
                <LoadSummary/>
                <Widget details_button=NodeRef::new()/>
                <Report/>
                <Partners/>
            }
        });
        drop(drawn);
    });
    owner.cleanup();
    crate::ui::loading::workers::mark("mailflow-views-warm");
}

/// Eight days of made-up mail, counted straight into an aggregate: both directions, a partner
/// connector and none, every TLS value and three partners, so that every part of every view
/// (insights and partners to call included) is drawn.
fn made_up() -> Loaded {
    let mut agg = Aggregate::new();
    let last = NaiveDate::from_ymd_opt(2026, 11, 20).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default();
    let partners = ["example.com", "example.net", "example.org"];
    for day in 0..8 {
        for (i, direction) in [Direction::Inbound, Direction::Outbound].into_iter().enumerate() {
            for (j, tls) in Tls::ALL.into_iter().enumerate() {
                for (k, partner) in partners.iter().enumerate() {
                    let connector = (k == 0).then_some("connector-1");
                    agg.add(&Delivery {
                        time: last - Duration::days(day),
                        direction,
                        connector,
                        connector_type: connector.map(|_| ConnectorType::Partner),
                        forced_tls: connector.map(|_| false),
                        tls,
                        auth: Auth::Unknown,
                        remote_host: Some(partner),
                        remote_ip: None,
                        remote_domain: Some(partner),
                        count: (20 + 7 * (i + j + k)) as u64,
                    });
                }
            }
        }
    }
    agg.freeze();
    let mut loaded = load_bytes("made-up.csv", b"");
    loaded.report.error = None;
    loaded.report.span = agg.span();
    loaded.report.directions = agg.direction_totals();
    loaded.report.found = Found { direction: true, connector: true, tls: true };
    loaded.content = Content::Deliveries(agg.into());
    loaded
}
