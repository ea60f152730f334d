//! The "Outbound and inbound mail flow" widget: the last 7 days of the loaded data, volume and
//! TLS share per direction, one plain sentence each, and "View details" for the flyout.

use leptos::prelude::*;

use crate::aggregate::{DirCounts, Filter};
use crate::chart::{share_table, tls_share_bars};
use crate::lang::{Lang, Msg};
use crate::model::Direction;
use crate::ui::state::use_store;

/// The plain sentence for one direction ("97.9% of outbound mail was protected by TLS 1.2 or
/// newer"), or what is missing.
pub fn sentence(direction: Direction, counts: &crate::aggregate::TlsCounts, lang: Lang) -> String {
    let inbound = direction == Direction::Inbound;
    match counts.modern_share() {
        Some(share) => lang.fill(if inbound { Msg::InboundModern } else { Msg::OutboundModern }, &[&lang.percent(Some(share))]),
        None if counts.total() > 0 => lang.t(if inbound { Msg::InboundTlsUnknown } else { Msg::OutboundTlsUnknown }).to_string(),
        None => lang.t(if inbound { Msg::NoInbound } else { Msg::NoOutbound }).to_string(),
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
    let lang = store.lang();
    move || {
        let Some(((from, to), totals)) = widget_counts(&store) else {
            return view! {
                <section class="mf-card mf-widget mf-empty" data-testid="widget">
                    <h2>{lang.t(Msg::WidgetTitle)}</h2>
                    <p>{lang.t(Msg::WidgetEmptyBefore)}" "<strong>{lang.t(Msg::TrySample)}</strong>" "{lang.t(Msg::WidgetEmptyAfter)}</p>
                </section>
            }
            .into_any();
        };
        let trends = store.data.with(|d| crate::trend::Trend::of(d.agg(), &Filter::window(from, to)));
        let width = store.width.get().saturating_sub(64).clamp(280, 720);
        let rows = [(Direction::Inbound, totals.inbound), (Direction::Outbound, totals.outbound)];
        let svg = tls_share_bars(&rows, width, lang);
        let table = share_table(&rows, lang);
        view! {
            <section class="mf-card mf-widget" data-testid="widget" aria-labelledby=store.id("widget-title")>
                <header class="mf-card__head">
                    <div>
                        <h2 id=store.id("widget-title")>{lang.t(Msg::WidgetTitle)}</h2>
                        <p class="mf-dates" data-testid="widget-dates">{lang.fill(Msg::WidgetDates, &[&lang.long_day(from), &lang.long_day(to)])}</p>
                    </div>
                    <button class="mf-button" data-testid="view-details" node_ref=details_button
                        on:click=move |_| store.flyout_open.set(true)>{lang.t(Msg::ViewDetails)}</button>
                </header>
                <div class="mf-widget__grid">
                    {[Direction::Inbound, Direction::Outbound].into_iter().map(|d| {
                        let c = totals.get(d);
                        let key = d.label().to_lowercase();
                        view! {
                            <div class="mf-stat" data-testid=format!("widget-{key}")>
                                <div class="mf-stat__label">{lang.direction(d)}</div>
                                <div class="mf-stat__value" data-testid=format!("widget-{key}-volume")>{lang.thousands(c.total())}</div>
                                <p class="mf-stat__sentence" data-testid=format!("widget-{key}-sentence")>{sentence(d, &c, lang)}</p>
                                <p class="mf-trend" data-testid=format!("widget-{key}-trend")>{trends.iter().find(|(td, _)| *td == d).map(|(_, t)| t.words(lang))}</p>
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
                            <crate::ui::chart_table::ChartTable table=table testid="widget-chart-table"/>
                        }.into_any()
                    }
                    None => view! { <p class="mf-empty">{lang.t(Msg::NoKnownTls)}</p> }.into_any(),
                }}
            </section>
        }
        .into_any()
    }
}

