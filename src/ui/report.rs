//! The connector report: "Show data for", "View data by", dates (presets and custom), the daily
//! chart with SVG and PNG downloads, the insights, and the details table.

use leptos::prelude::*;

use crate::aggregate::{ConnectorFilter, Filter};
use crate::chart::{daily, daily_table, DailyView};
use crate::dates::parse_day;
use crate::insights::{find, Insight, Thresholds};
use crate::lang::{Lang, Msg};
use crate::model::Direction;
use crate::ui::details::DetailsTable;
use crate::ui::map::FlowMaps;
use crate::ui::security::TransitSecurity;
use crate::ui::chart_table::ChartTable;
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
pub fn scope_title(f: &Filter, lang: Lang) -> String {
    match (&f.connector, f.direction) {
        (ConnectorFilter::All, None) => lang.t(Msg::AllMailFlow).into(),
        (ConnectorFilter::All, Some(Direction::Outbound)) => lang.t(Msg::AllOutbound).into(),
        (ConnectorFilter::All, Some(_)) => lang.t(Msg::AllInbound).into(),
        (ConnectorFilter::NoConnector, Some(Direction::Outbound)) => lang.t(Msg::ToInternetNoConnector).into(),
        (ConnectorFilter::NoConnector, Some(_)) => lang.t(Msg::FromInternetNoConnector).into(),
        (ConnectorFilter::NoConnector, None) => lang.t(Msg::MailNoConnector).into(),
        (ConnectorFilter::Named(n), d) => lang.fill(named_connector(d), &[n]),
    }
}

/// "Inbound connector “{0}”", "Outbound connector “{0}”" or "Connector “{0}”".
fn named_connector(direction: Option<Direction>) -> Msg {
    match direction {
        Some(Direction::Inbound) => Msg::InboundConnectorNamed,
        Some(Direction::Outbound) => Msg::OutboundConnectorNamed,
        _ => Msg::ConnectorNamed,
    }
}

/// What the current filter leaves to show, or why nothing.
fn empty_reason(store: &Store, f: &Filter) -> Option<String> {
    let lang = store.lang();
    if f.from > f.to {
        return Some(lang.fill(Msg::StartAfterEnd, &[&lang.long_day(f.from), &lang.long_day(f.to)]));
    }
    let span = store.data.with(|d| d.agg().span())?;
    if f.to < span.0 || f.from > span.1 {
        return Some(lang.fill(Msg::OutsideSpan, &[&lang.long_day(span.0), &lang.long_day(span.1)]));
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
    let lang = store.lang();
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
        store.view.set(DailyView::from_key(&event_target_value(&ev)).unwrap_or(DailyView::MailFlow));
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
                <span>{lang.t(Msg::ShowDataFor)}</span>
                <select data-testid="connector-select" on:change=on_scope prop:value=scope>
                    <option value="all" selected=move || scope() == "all">{lang.t(Msg::AllMailFlow)}</option>
                    <option value="all:in" selected=move || scope() == "all:in">{lang.t(Msg::AllInbound)}</option>
                    <option value="all:out" selected=move || scope() == "all:out">{lang.t(Msg::AllOutbound)}</option>
                    <option value="none:in" selected=move || scope() == "none:in">{lang.t(Msg::FromInternetNoConnector)}</option>
                    <option value="none:out" selected=move || scope() == "none:out">{lang.t(Msg::ToInternetNoConnector)}</option>
                    {move || {
                        let list = connectors();
                        [Direction::Inbound, Direction::Outbound].into_iter().map(|dir| {
                            let names: Vec<String> = list.iter().filter(|(d, _)| *d == dir).map(|(_, n)| n.clone()).collect();
                            (!names.is_empty()).then(|| view! {
                                <optgroup label=lang.t(if dir == Direction::Inbound { Msg::InboundConnectors } else { Msg::OutboundConnectors })>
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
                <span>{lang.t(Msg::ViewDataBy)}</span>
                <select data-testid="view-select" on:change=on_view prop:value=move || store.view.get().key()>
                    <option value="flow">{lang.t(Msg::MailFlow)}</option>
                    <option value="tls">{lang.t(Msg::TlsUsage)}</option>
                    <option value="security">{lang.t(Msg::TransitSecurity)}</option>
                    <option value="map">{lang.t(Msg::MailFlowMap)}</option>
                </select>
            </label>
            <label class="mf-field">
                <span>{lang.t(Msg::Dates)}</span>
                <select data-testid="range-preset" on:change=on_preset prop:value=move || store.range.get().preset_value()>
                    <option value="7">{lang.t(Msg::Last7)}</option>
                    <option value="30">{lang.t(Msg::Last30)}</option>
                    <option value="90">{lang.t(Msg::Last90)}</option>
                    <option value="all">{lang.t(Msg::AllData)}</option>
                    <option value="custom">{lang.t(Msg::Custom)}</option>
                </select>
            </label>
            <label class="mf-field">
                <span>{lang.t(Msg::StartDate)}</span>
                <input type="date" data-testid="range-from" prop:value=move || day_value(true)
                    min=span_min max=span_max on:change=move |ev| set_day(true, event_target_value(&ev))/>
                <span class="mf-field__day" data-testid="range-from-day" aria-hidden="true">{move || said_day(lang, &day_value(true))}</span>
            </label>
            <label class="mf-field">
                <span>{lang.t(Msg::EndDate)}</span>
                <input type="date" data-testid="range-to" prop:value=move || day_value(false)
                    min=span_min max=span_max on:change=move |ev| set_day(false, event_target_value(&ev))/>
                <span class="mf-field__day" data-testid="range-to-day" aria-hidden="true">{move || said_day(lang, &day_value(false))}</span>
            </label>
        </div>
    }
}

/// A date input's value in the interface language (the browser writes the input itself in its
/// own language, which may be another one).
fn said_day(lang: Lang, value: &str) -> String {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map(|d| lang.long_day(d)).unwrap_or_default()
}

/// One insight card.
#[component]
fn InsightCard(insight: Insight, lang: Lang) -> impl IntoView {
    let who = match &insight.connector {
        Some(name) => lang.fill(named_connector(Some(insight.direction)), &[name]),
        None if insight.direction == Direction::Inbound => lang.t(Msg::MailFromInternetNoConnector).to_string(),
        None => lang.t(Msg::MailToInternetNoConnector).to_string(),
    };
    let what = lang.fill(
        Msg::InsightShare,
        &[&lang.thousands(insight.count), &lang.thousands(insight.known), &lang.percent(Some(insight.share))],
    );
    let partners = insight.partners.clone();
    let shown = partners.len().min(8);
    view! {
        <li class="mf-insight" data-testid="insight">
            <div class="mf-insight__title"><span class="mf-badge">{lang.t(Msg::Insight)}</span>" " <strong data-testid="insight-title">{insight.title(lang)}</strong></div>
            <div class="mf-insight__who" data-testid="insight-subject">{who}</div>
            <div>{what}</div>
            {insight.detail(lang).map(|d| view! { <div data-testid="insight-detail">{d}</div> })}
            <p class="mf-insight__advice">{insight.advice(lang)}</p>
            {(!partners.is_empty()).then(|| view! {
                <div class="mf-insight__partners">
                    <span>{lang.fill(Msg::BehindIt, &[&lang.thousands(shown as u64), &lang.thousands(partners.len() as u64)])}</span>
                    <ul data-testid="insight-partners">
                        {partners.into_iter().take(8).map(|(p, n)| {
                            let name = p.clone();
                            view! {
                                <li>
                                    <button class="mf-link" data-testid="insight-partner" on:click=move |_| crate::ui::partners::show_partner(&name)>{p}</button>
                                    <span class="mf-num">{format!(" {}", lang.thousands(n))}</span>
                                </li>
                            }
                        }).collect_view()}
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
    let lang = store.lang();
    let filter = Memo::new(move |_| store.filter());
    let chart = Memo::new(move |_| {
        let f = filter.get()?;
        if empty_reason(&store, &f).is_some() {
            return None;
        }
        let days = store.data.with(|d| d.agg().daily(&f));
        let (dirs, view) = (directions(&f), store.view.get());
        let svg = daily(&days, &dirs, view, &scope_title(&f, lang), store.chart_width(), lang)?;
        Some((svg, daily_table(&days, &dirs, view, lang)))
    });
    let table = Signal::derive(move || chart.get().map(|(_, t)| t));
    let chart = Signal::derive(move || chart.get().map(|(svg, _)| svg));
    let file_stem = move || {
        filter.get().map(|f| format!("mailflow-{}-{}", f.from.format("%Y-%m-%d"), f.to.format("%Y-%m-%d"))).unwrap_or_else(|| "mailflow".into())
    };
    let view_name = move || store.view.get().file_name();
    // The chart is drawn a task after the report's frame, the insights a task after the chart
    // and the details table a task after them, so that the report's first drawing is four short
    // tasks rather than one over 50 ms on a slow machine.
    let at_once = store.at_once;
    let (chart_ready, lower_ready, details_ready) = (RwSignal::new(at_once), RwSignal::new(at_once), RwSignal::new(at_once));
    if !at_once {
        leptos::task::spawn_local(async move {
            crate::ui::loading::yield_now().await;
            let _ = chart_ready.try_set(true);
            crate::ui::loading::yield_now().await;
            let _ = lower_ready.try_set(true);
            crate::ui::loading::yield_now().await;
            let _ = details_ready.try_set(true);
        });
    }
    let chart_name = Signal::derive(move || format!("{}-{}", file_stem(), view_name()));
    move || {
        let has_data = store.data.with(|d| !d.agg().is_empty());
        if !has_data {
            return None;
        }
        Some(view! {
            <section class="mf-card mf-report" id=store.id("report") data-testid="connector-report" aria-labelledby=store.id("report-title")>
                <header class="mf-card__head">
                    <h2 id=store.id("report-title") class="mf-report-title">{lang.t(Msg::ConnectorReport)}</h2>
                </header>
                <Controls/>
                {move || {
                    let f = filter.get()?;
                    Some(match empty_reason(&store, &f) {
                        Some(reason) => view! { <p class="mf-empty" role="status" data-testid="report-empty">{reason}</p> }.into_any(),
                        None => {
                            let totals = store.data.with(|d| d.agg().totals(&f));
                            let dirs = directions(&f);
                            let summary = dirs.iter().map(|d| lang.fill(Msg::DirectionTotal, &[&lang.thousands(totals.get(*d).total()), &lang.direction(*d).to_lowercase()])).collect::<Vec<_>>().join(" · ");
                            view! {
                                <p class="mf-dates" data-testid="report-dates">{lang.fill(Msg::ReportDates, &[&lang.long_day(f.from), &lang.long_day(f.to), &summary])}</p>
                                <ul class="mf-trend" data-testid="report-trend">
                                    {store.data.with(|d| crate::trend::Trend::of(d.agg(), &f)).into_iter().filter(|(d, _)| dirs.contains(d)).map(|(d, t)| view! {
                                        <li data-testid="report-trend-direction">{lang.fill(Msg::LabelValue, &[&lang.direction(d), &t.words(lang)])}</li>
                                    }).collect_view()}
                                </ul>
                                {let fm = f.clone(); move || (store.view.get() == DailyView::Map).then(|| view! { <FlowMaps filter=fm.clone() title=scope_title(&fm, lang)/> })}
                                {move || if store.view.get() == DailyView::Map || !chart_ready.get() { None } else { Some(match chart.get() {
                                    Some(svg) => view! {
                                        <figure class="mf-figure">
                                            <div class="mf-chart" data-testid="report-chart" inner_html=svg></div>
                                            <figcaption>
                                                <ChartDownloads svg=chart name=chart_name testid="chart"/>
                                            </figcaption>
                                            {table.get().map(|t| view! { <ChartTable table=t testid="report-chart-table"/> })}
                                        </figure>
                                        {(store.view.get() == DailyView::TransitSecurity).then(|| view! { <TransitSecurity filter=f.clone()/> })}
                                    }.into_any(),
                                    None => view! { <p class="mf-empty" role="status" data-testid="report-empty">{lang.t(Msg::NoMailForChoice)}</p> }.into_any(),
                                }) }}
                            }.into_any()
                        }
                    })
                }}
                {move || lower_ready.get().then(|| view! { <Insights filter=filter/> })}
                {move || details_ready.get().then(|| view! { <DetailsTable filter=filter/> })}
            </section>
        })
    }
}

/// The insights for the report's filter.
#[component]
fn Insights(filter: Memo<Option<Filter>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let th = Thresholds::default();
    let note = lang.fill(
        Msg::InsightsNote,
        &[
            &lang.fill(Msg::NoTlsOver, &[&lang.threshold(th.no_tls_over)]),
            &lang.fill(Msg::Tls10Over, &[&lang.threshold(th.tls10_over)]),
            &lang.thousands(th.min_volume),
        ],
    );
    move || {
        let f = filter.get()?;
        let (list, capped) = store.data.with(|d| (find(d.agg(), &f, &th), d.agg().partners_capped()));
        let capped = (capped > 0).then(|| {
            let text = lang.fill(Msg::PartnersCapped, &[&lang.thousands(crate::partners::MAX_CELLS as u64), &lang.thousands(capped)]);
            view! { <p class="mf-note" role="note" data-testid="partners-capped">{text}</p> }
        });
        Some(view! {
            <section class="mf-insights" aria-label=lang.t(Msg::Insights) data-testid="insights">
                <h3>{lang.t(Msg::Insights)}</h3>
                <p class="mf-note">{note.clone()}</p>
                {capped}
                {if list.is_empty() {
                    view! { <p data-testid="no-insights">{lang.t(Msg::NothingToFlag)}</p> }.into_any()
                } else {
                    view! { <ul class="mf-insight-list">{list.into_iter().map(|i| view! { <InsightCard insight=i lang=lang/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        })
    }
}
