//! The connector report: "Show data for", "View data by", dates (presets and custom), the daily
//! chart with SVG and PNG downloads, the insights, and the details table.

use leptos::prelude::*;

use crate::aggregate::{ConnectorFilter, Filter};
use crate::chart::{daily, DailyView};
use crate::dates::parse_day;
use crate::insights::{find, Insight, Thresholds};
use crate::model::Direction;
use crate::text::{long_day, percent, thousands};
use crate::ui::details::DetailsTable;
use crate::ui::download::ChartDownloads;
use crate::ui::state::{use_store, Range, Store};

/// The select value for a connector choice and direction.
pub fn scope_value(connector: &ConnectorFilter, direction: Option<Direction>) -> String {
    match (connector, direction) {
        (ConnectorFilter::All, None) => "all".into(),
        (ConnectorFilter::All, Some(Direction::Inbound)) => "all:in".into(),
        (ConnectorFilter::All, Some(_)) => "all:out".into(),
        (ConnectorFilter::NoConnector, Some(Direction::Outbound)) => "none:out".into(),
        (ConnectorFilter::NoConnector, _) => "none:in".into(),
        (ConnectorFilter::Named(n), Some(Direction::Outbound)) => format!("out:{n}"),
        (ConnectorFilter::Named(n), _) => format!("in:{n}"),
    }
}

/// The connector choice and direction a select value stands for.
pub fn parse_scope(value: &str) -> (ConnectorFilter, Option<Direction>) {
    match value {
        "all" => (ConnectorFilter::All, None),
        "all:in" => (ConnectorFilter::All, Some(Direction::Inbound)),
        "all:out" => (ConnectorFilter::All, Some(Direction::Outbound)),
        "none:in" => (ConnectorFilter::NoConnector, Some(Direction::Inbound)),
        "none:out" => (ConnectorFilter::NoConnector, Some(Direction::Outbound)),
        v => match v.split_once(':') {
            Some(("in", n)) => (ConnectorFilter::Named(n.to_string()), Some(Direction::Inbound)),
            Some(("out", n)) => (ConnectorFilter::Named(n.to_string()), Some(Direction::Outbound)),
            _ => (ConnectorFilter::All, None),
        },
    }
}

/// The chart's heading for a filter: "All mail flow", "From the internet without a connector",
/// "Outbound connector “name”", ...
pub fn scope_title(f: &Filter) -> String {
    match (&f.connector, f.direction) {
        (ConnectorFilter::All, None) => "All mail flow".into(),
        (ConnectorFilter::All, Some(d)) => format!("All {} mail", d.label().to_lowercase()),
        (ConnectorFilter::NoConnector, Some(Direction::Outbound)) => "To the internet without a connector".into(),
        (ConnectorFilter::NoConnector, Some(_)) => "From the internet without a connector".into(),
        (ConnectorFilter::NoConnector, None) => "Mail without a connector".into(),
        (ConnectorFilter::Named(n), Some(d)) => format!("{} connector “{n}”", d.label()),
        (ConnectorFilter::Named(n), None) => format!("Connector “{n}”"),
    }
}

/// What the current filter leaves to show, or why nothing.
fn empty_reason(store: &Store, f: &Filter) -> Option<String> {
    if f.from > f.to {
        return Some(format!(
            "The start date ({}) is after the end date ({}). Pick an end date on or after the start date.",
            long_day(f.from),
            long_day(f.to)
        ));
    }
    let span = store.data.with(|d| d.agg().span())?;
    if f.to < span.0 || f.from > span.1 {
        return Some(format!(
            "No mail in these dates: the loaded data covers {} to {}. Choose \"All data\" or dates inside that span.",
            long_day(span.0),
            long_day(span.1)
        ));
    }
    None
}

/// The directions a filter shows in the charts.
fn directions(f: &Filter) -> Vec<Direction> {
    match f.direction {
        Some(d) => vec![d],
        None => vec![Direction::Inbound, Direction::Outbound],
    }
}

/// The controls row.
#[component]
fn Controls() -> impl IntoView {
    let store = use_store();
    let connectors = move || {
        store.data.with(|d| {
            d.agg().connectors().into_iter().map(|(dir, c)| (dir, c.name.clone())).collect::<Vec<_>>()
        })
    };
    let scope = move || scope_value(&store.connector.get(), store.direction.get());
    let on_scope = move |ev| {
        let (c, d) = parse_scope(&event_target_value(&ev));
        store.connector.set(c);
        store.direction.set(d);
    };
    let on_view = move |ev| {
        store.view.set(if event_target_value(&ev) == "tls" { DailyView::TlsUsage } else { DailyView::MailFlow });
    };
    let on_preset = move |ev| {
        let v = event_target_value(&ev);
        let current = store.range.get_untracked().resolve(store.data.with_untracked(|d| d.agg().span()));
        store.range.set(match v.as_str() {
            "7" => Range::Last(7),
            "30" => Range::Last(30),
            "90" => Range::Last(90),
            "all" => Range::All,
            _ => match current {
                Some((a, b)) => Range::Custom(a, b),
                None => Range::Last(7),
            },
        });
    };
    let window = move || store.range.get().resolve(store.data.with(|d| d.agg().span()));
    let day_value = move |first: bool| {
        window().map(|(a, b)| if first { a } else { b }).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
    };
    let set_day = move |first: bool, value: String| {
        let Some(day) = parse_day(&value) else { return };
        let (a, b) = window().unwrap_or((day, day));
        store.range.set(if first { Range::Custom(day, b) } else { Range::Custom(a, day) });
    };
    let span_min = move || store.data.with(|d| d.agg().span()).map(|s| s.0.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let span_max = move || store.data.with(|d| d.agg().span()).map(|s| s.1.format("%Y-%m-%d").to_string()).unwrap_or_default();
    view! {
        <div class="mf-controls">
            <label class="mf-field">
                <span>"Show data for"</span>
                <select data-testid="connector-select" on:change=on_scope prop:value=scope>
                    <option value="all" selected=move || scope() == "all">"All mail flow"</option>
                    <option value="all:in" selected=move || scope() == "all:in">"All inbound mail"</option>
                    <option value="all:out" selected=move || scope() == "all:out">"All outbound mail"</option>
                    <option value="none:in" selected=move || scope() == "none:in">"From the internet without a connector"</option>
                    <option value="none:out" selected=move || scope() == "none:out">"To the internet without a connector"</option>
                    {move || {
                        let list = connectors();
                        [Direction::Inbound, Direction::Outbound].into_iter().map(|dir| {
                            let names: Vec<String> = list.iter().filter(|(d, _)| *d == dir).map(|(_, n)| n.clone()).collect();
                            (!names.is_empty()).then(|| view! {
                                <optgroup label=format!("{} connectors", dir.label())>
                                    {names.into_iter().map(|n| {
                                        let value = scope_value(&ConnectorFilter::Named(n.clone()), Some(dir));
                                        let v2 = value.clone();
                                        view! { <option value=value selected=move || scope() == v2>{n}</option> }
                                    }).collect_view()}
                                </optgroup>
                            })
                        }).collect_view()
                    }}
                </select>
            </label>
            <label class="mf-field">
                <span>"View data by"</span>
                <select data-testid="view-select" on:change=on_view
                    prop:value=move || if store.view.get() == DailyView::TlsUsage { "tls" } else { "flow" }>
                    <option value="flow">"Mail flow"</option>
                    <option value="tls">"TLS usage"</option>
                </select>
            </label>
            <label class="mf-field">
                <span>"Dates"</span>
                <select data-testid="range-preset" on:change=on_preset prop:value=move || store.range.get().preset_value()>
                    <option value="7">"Last 7 days"</option>
                    <option value="30">"Last 30 days"</option>
                    <option value="90">"Last 90 days"</option>
                    <option value="all">"All data"</option>
                    <option value="custom">"Custom"</option>
                </select>
            </label>
            <label class="mf-field">
                <span>"Start date"</span>
                <input type="date" data-testid="range-from" prop:value=move || day_value(true)
                    min=span_min max=span_max on:change=move |ev| set_day(true, event_target_value(&ev))/>
            </label>
            <label class="mf-field">
                <span>"End date"</span>
                <input type="date" data-testid="range-to" prop:value=move || day_value(false)
                    min=span_min max=span_max on:change=move |ev| set_day(false, event_target_value(&ev))/>
            </label>
        </div>
    }
}

/// One insight card.
#[component]
fn InsightCard(insight: Insight) -> impl IntoView {
    let who = match &insight.connector {
        Some(name) => format!("{} connector “{}”", insight.direction.label(), name),
        None if insight.direction == Direction::Inbound => "Mail from the internet without a connector".to_string(),
        None => "Mail to the internet without a connector".to_string(),
    };
    let what = format!(
        "{} of {} messages with known TLS ({}).",
        thousands(insight.count),
        thousands(insight.known),
        percent(Some(insight.share))
    );
    let partners = insight.partners.clone();
    let shown = partners.len().min(8);
    view! {
        <li class="mf-insight" data-testid="insight">
            <div class="mf-insight__title"><span class="mf-badge">"Insight"</span>" " <strong data-testid="insight-title">{insight.title()}</strong></div>
            <div class="mf-insight__who" data-testid="insight-subject">{who}</div>
            <div>{what}</div>
            <p class="mf-insight__advice">{insight.advice()}</p>
            {(!partners.is_empty()).then(|| view! {
                <div class="mf-insight__partners">
                    <span>{format!("Behind it ({} of {}):", shown, partners.len())}</span>
                    <ul data-testid="insight-partners">
                        {partners.into_iter().take(8).map(|(p, n)| view! { <li>{p}<span class="mf-num">{format!(" {}", thousands(n))}</span></li> }).collect_view()}
                    </ul>
                </div>
            })}
        </li>
    }
}

/// The whole connector report.
#[component]
pub fn Report() -> impl IntoView {
    let store = use_store();
    let filter = Memo::new(move |_| store.filter());
    let chart = Memo::new(move |_| {
        let f = filter.get()?;
        if empty_reason(&store, &f).is_some() {
            return None;
        }
        let days = store.data.with(|d| d.agg().daily(&f));
        daily(&days, &directions(&f), store.view.get(), &scope_title(&f), store.chart_width())
    });
    let file_stem = move || {
        filter.get().map(|f| format!("mailflow-{}-{}", f.from.format("%Y-%m-%d"), f.to.format("%Y-%m-%d"))).unwrap_or_else(|| "mailflow".into())
    };
    let view_name = move || if store.view.get() == DailyView::TlsUsage { "tls-usage" } else { "mail-flow" };
    let chart_name = Signal::derive(move || format!("{}-{}", file_stem(), view_name()));
    move || {
        let has_data = store.data.with(|d| !d.agg().is_empty());
        if !has_data {
            return None;
        }
        Some(view! {
            <section class="mf-card mf-report" id=store.id("report") data-testid="connector-report" aria-labelledby=store.id("report-title")>
                <header class="mf-card__head">
                    <h2 id=store.id("report-title") class="mf-report-title">"Connector report"</h2>
                </header>
                <Controls/>
                {move || {
                    let f = filter.get()?;
                    Some(match empty_reason(&store, &f) {
                        Some(reason) => view! { <p class="mf-empty" role="status" data-testid="report-empty">{reason}</p> }.into_any(),
                        None => {
                            let totals = store.data.with(|d| d.agg().totals(&f));
                            let dirs = directions(&f);
                            let summary = dirs.iter().map(|d| format!("{} {}", thousands(totals.get(*d).total()), d.label().to_lowercase())).collect::<Vec<_>>().join(" · ");
                            view! {
                                <p class="mf-dates" data-testid="report-dates">{format!("{} – {} (UTC) · {} messages", long_day(f.from), long_day(f.to), summary)}</p>
                                {move || match chart.get() {
                                    Some(svg) => view! {
                                        <figure class="mf-figure">
                                            <div class="mf-chart" data-testid="report-chart" inner_html=svg></div>
                                            <figcaption>
                                                <ChartDownloads svg=chart name=chart_name testid="chart"/>
                                            </figcaption>
                                        </figure>
                                    }.into_any(),
                                    None => view! { <p class="mf-empty" role="status" data-testid="report-empty">"No mail for this choice in these dates. Try “All mail flow” or other dates."</p> }.into_any(),
                                }}
                            }.into_any()
                        }
                    })
                }}
                <Insights filter=filter/>
                <DetailsTable filter=filter/>
            </section>
        })
    }
}

/// The insights for the report's filter.
#[component]
fn Insights(filter: Memo<Option<Filter>>) -> impl IntoView {
    let store = use_store();
    let th = Thresholds::default();
    move || {
        let f = filter.get()?;
        let list = store.data.with(|d| find(d.agg(), &f, &th));
        Some(view! {
            <section class="mf-insights" aria-label="Insights" data-testid="insights">
                <h3>"Insights"</h3>
                <p class="mf-note">{format!(
                    "Checked per connector and for mail without a connector: “No TLS is over {:.0}%” and “TLS 1.0 is above {:.0}%”, as shares of messages whose TLS version is known, for groups with at least {} such messages.",
                    th.no_tls_over, th.tls10_over, th.min_volume)}</p>
                {if list.is_empty() {
                    view! { <p data-testid="no-insights">"Nothing to flag for this choice and these dates."</p> }.into_any()
                } else {
                    view! { <ul class="mf-insight-list">{list.into_iter().map(|i| view! { <InsightCard insight=i/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        })
    }
}
