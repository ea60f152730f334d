//! The "Outbound and inbound mail flow" widget: the last 7 days of the loaded data, volume and
//! TLS share per direction, one plain sentence each, and "View details" for the flyout.

use leptos::prelude::*;

use crate::aggregate::{DirCounts, Filter};
use crate::chart::tls_share_bars;
use crate::model::Direction;
use crate::text::{long_day, percent, thousands};
use crate::ui::state::use_store;

/// The plain sentence for one direction ("97.9% of outbound mail was protected by TLS 1.2 or
/// newer"), or what is missing.
pub fn sentence(direction: Direction, counts: &crate::aggregate::TlsCounts) -> String {
    let dir = direction.label().to_lowercase();
    match counts.modern_share() {
        Some(share) => format!("{} of {dir} mail was protected by TLS 1.2 or newer.", percent(Some(share))),
        None if counts.total() > 0 => format!("The loaded data does not say which TLS version {dir} mail used."),
        None => format!("No {dir} mail in these days."),
    }
}

/// The widget's numbers: the window and the totals per direction.
pub fn widget_counts(store: &crate::ui::state::Store) -> Option<((chrono::NaiveDate, chrono::NaiveDate), DirCounts)> {
    let (from, to) = store.widget_window()?;
    let totals = store.data.with(|d| d.agg().totals(&Filter::window(from, to)));
    Some(((from, to), totals))
}

/// The widget card.
#[component]
pub fn Widget(details_button: NodeRef<leptos::html::Button>) -> impl IntoView {
    let store = use_store();
    move || {
        let Some(((from, to), totals)) = widget_counts(&store) else {
            return view! {
                <section class="mf-card mf-widget mf-empty" data-testid="widget">
                    <h2>"Outbound and inbound mail flow"</h2>
                    <p>"No mail flow loaded yet. Drop a message-trace export or a mail-server log on this page, or choose "
                       <strong>"Try the sample"</strong>" to see a full report."</p>
                </section>
            }
            .into_any();
        };
        let width = store.width.get().saturating_sub(64).clamp(280, 720);
        let svg = tls_share_bars(&[(Direction::Inbound, totals.inbound), (Direction::Outbound, totals.outbound)], width);
        view! {
            <section class="mf-card mf-widget" data-testid="widget" aria-labelledby=store.id("widget-title")>
                <header class="mf-card__head">
                    <div>
                        <h2 id=store.id("widget-title")>"Outbound and inbound mail flow"</h2>
                        <p class="mf-dates" data-testid="widget-dates">{format!("{} – {} (last 7 days of the loaded data, UTC)", long_day(from), long_day(to))}</p>
                    </div>
                    <button class="mf-button" data-testid="view-details" node_ref=details_button
                        on:click=move |_| store.flyout_open.set(true)>"View details"</button>
                </header>
                <div class="mf-widget__grid">
                    {[Direction::Inbound, Direction::Outbound].into_iter().map(|d| {
                        let c = totals.get(d);
                        let key = d.label().to_lowercase();
                        view! {
                            <div class="mf-stat" data-testid=format!("widget-{key}")>
                                <div class="mf-stat__label">{d.label()}</div>
                                <div class="mf-stat__value" data-testid=format!("widget-{key}-volume")>{thousands(c.total())}</div>
                                <p class="mf-stat__sentence" data-testid=format!("widget-{key}-sentence")>{sentence(d, &c)}</p>
                            </div>
                        }
                    }).collect_view()}
                </div>
                {match svg {
                    Some(svg) => {
                        let name = format!("mailflow-tls-{}-{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d"));
                        let copy = svg.clone();
                        view! {
                            <div class="mf-chart" data-testid="widget-chart" inner_html=svg></div>
                            <crate::ui::download::ChartDownloads svg=Signal::derive(move || Some(copy.clone())) name=name testid="widget-chart"/>
                        }.into_any()
                    }
                    None => view! { <p class="mf-empty">"No delivery in these days has a known TLS version."</p> }.into_any(),
                }}
            </section>
        }
        .into_any()
    }
}

