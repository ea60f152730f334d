//! The Partners view: every remote partner behind the report's choice and dates, searchable,
//! sortable and exportable, with the change against the previous period; a partner opens its
//! days and connectors; and the partners to call first.

use leptos::prelude::*;

use crate::aggregate::Filter;
use crate::chart::{daily, DailyView};
use crate::insights::{InsightKind, Thresholds};
use crate::lang::{Lang, Msg};
use crate::model::Direction;
use crate::partner_table::{csv, detail, rows, search, sort, to_call, Call, PartnerRow, SortKey};
use crate::security::Level;
use crate::tls::Tls;
use crate::ui::download::download_text;
use crate::ui::sort_header::SortHeader;
use crate::ui::state::{use_store, Below};

fn column_title(key: SortKey, lang: Lang) -> String {
    match key {
        SortKey::Name => lang.t(Msg::RemoteDomain).to_string(),
        SortKey::Inbound => lang.direction(Direction::Inbound).to_string(),
        SortKey::Outbound => lang.direction(Direction::Outbound).to_string(),
        SortKey::Total => lang.t(Msg::Total).to_string(),
        SortKey::Modern => lang.t(Msg::ModernTls).to_string(),
        SortKey::NoTls => lang.tls(Tls::None).to_string(),
        SortKey::Old => lang.t(Msg::OldTls).to_string(),
        SortKey::Verified => lang.level(Level::Verified).to_string(),
        SortKey::First => lang.t(Msg::FirstSeen).to_string(),
        SortKey::Last => lang.t(Msg::LastSeen).to_string(),
        SortKey::Change => lang.t(Msg::Change).to_string(),
    }
}

/// The test id of a column's sort button.
fn column_key(key: SortKey) -> &'static str {
    match key {
        SortKey::Name => "partners-sort-name",
        SortKey::Inbound => "partners-sort-inbound",
        SortKey::Outbound => "partners-sort-outbound",
        SortKey::Total => "partners-sort-total",
        SortKey::Modern => "partners-sort-modern",
        SortKey::NoTls => "partners-sort-notls",
        SortKey::Old => "partners-sort-old",
        SortKey::Verified => "partners-sort-verified",
        SortKey::First => "partners-sort-first",
        SortKey::Last => "partners-sort-last",
        SortKey::Change => "partners-sort-change",
    }
}

/// The change against the previous period in words and an arrow, never colour alone.
pub fn change_words(row: &PartnerRow, new: bool, lang: Lang) -> String {
    match row.change() {
        None if new => lang.t(Msg::NewPartner).to_string(),
        None => "—".to_string(),
        Some(c) if c.abs() < 0.05 => lang.t(Msg::ChangeNone).to_string(),
        Some(c) if c > 0.0 => lang.fill(Msg::ChangeUp, &[&lang.percent(Some(c))]),
        Some(c) => lang.fill(Msg::ChangeDown, &[&lang.percent(Some(-c))]),
    }
}

/// One partner to call, in a sentence.
fn call_line(call: &Call, lang: Lang) -> String {
    let place = match &call.connector {
        Some(name) => lang.fill(if call.direction == Direction::Inbound { Msg::InboundConnectorNamed } else { Msg::OutboundConnectorNamed }, &[name]),
        None if call.direction == Direction::Inbound => lang.t(Msg::MailFromInternetNoConnector).to_string(),
        None => lang.t(Msg::MailToInternetNoConnector).to_string(),
    };
    let weak = lang.fill(Msg::CallWeak, &[&lang.thousands(call.weak[0]), &lang.thousands(call.weak[1]), &lang.thousands(call.weak[2])]);
    let fix = lang.fill(Msg::CallFix, &[&lang.percent(Some(call.modern.0)), &lang.percent(Some(call.modern.1))]);
    let th = Thresholds::default();
    let clears: Vec<String> = call
        .clears
        .iter()
        .map(|k| {
            let title = match k {
                InsightKind::Tls10Over | InsightKind::Tls10Rising => lang.fill(Msg::Tls10Over, &[&lang.threshold(th.tls10_over)]),
                _ => lang.fill(Msg::NoTlsOver, &[&lang.threshold(th.no_tls_over)]),
            };
            lang.fill(Msg::CallClears, &[&title])
        })
        .collect();
    if clears.is_empty() {
        lang.fill(Msg::CallLine, &[&place, &weak, &fix])
    } else {
        lang.fill(Msg::CallLineClears, &[&place, &weak, &fix, &clears.join(", ")])
    }
}

/// A partner's days (mail flow) and the connectors it used, under its row.
#[component]
fn PartnerDetail(name: String, filter: Filter) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let (days, conns) = store.data.with(|d| detail(d.agg(), &filter, &name));
    let servers: Vec<String> = store.data.with(|d| {
        d.agg()
            .partner_servers(&name)
            .iter()
            .map(|(host, ip)| match (host, ip) {
                (Some(h), Some(i)) => lang.fill(Msg::HostAndIp, &[h, i]),
                (Some(h), None) => h.clone(),
                (None, Some(i)) => i.clone(),
                (None, None) => String::new(),
            })
            .collect()
    });
    let dirs = match filter.direction {
        Some(d) => vec![d],
        None => vec![Direction::Inbound, Direction::Outbound],
    };
    let svg = daily(&days, &dirs, DailyView::MailFlow, &name, store.chart_width().saturating_sub(40).max(280), lang);
    view! {
        <div class="mf-partner-detail" data-testid="partner-detail">
            {svg.map(|svg| view! { <div class="mf-chart" data-testid="partner-chart" inner_html=svg></div> })}
            {(!servers.is_empty()).then(|| view! {
                <h4>{lang.t(Msg::ServersSeen)}</h4>
                <ul data-testid="partner-servers">{servers.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            })}
            <h4>{lang.t(Msg::ConnectorsUsed)}</h4>
            <ul data-testid="partner-connectors">
                {conns.into_iter().map(|(dir, c, n)| {
                    let what = match c {
                        Some(c) => lang.fill(if dir == Direction::Inbound { Msg::InboundConnectorNamed } else { Msg::OutboundConnectorNamed }, &[&c]),
                        None if dir == Direction::Inbound => lang.t(Msg::MailFromInternetNoConnector).to_string(),
                        None => lang.t(Msg::MailToInternetNoConnector).to_string(),
                    };
                    view! { <li>{what}<span class="mf-num">{format!(" {}", lang.thousands(n))}</span></li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Shows a partner in the Partners view (from an insight's list): searched for, opened, and
/// scrolled to.
pub fn show_partner(name: &str) {
    let store = use_store();
    store.partner_query.set(name.to_string());
    store.partner.set(Some(name.to_string()));
    let id = store.id("partners-card");
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)) {
        el.scroll_into_view();
    }
}

/// The Partners card.
#[component]
pub fn Partners() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let filter = Memo::new(move |_| store.filter());
    let all = Memo::new(move |_| filter.get().map(|f| store.data.with(|d| rows(d.agg(), &f))).unwrap_or_default());
    let calls = Memo::new(move |_| filter.get().map(|f| store.data.with(|d| to_call(d.agg(), &f, &Thresholds::default(), 5))).unwrap_or_default());
    // The card is drawn in four tasks, each well under 50 ms on a slow machine: its frame; the
    // partners' rows (work over every partner cell of the dates); the table; the partners to
    // call (the same work again).
    let (table_ready, calls_ready) = (RwSignal::new(store.at_once), RwSignal::new(store.at_once));
    if !store.at_once {
        leptos::task::spawn_local(async move {
            crate::ui::loading::yield_now().await;
            let _ = all.try_with_untracked(|_| ());
            crate::ui::loading::yield_now().await;
            let _ = table_ready.try_set(true);
            crate::ui::loading::yield_now().await;
            // The last of the report's stages: the page may take its new height (not if this
            // view was taken away meanwhile: a newer one holds it).
            if calls_ready.try_set(true).is_none() && store.below.try_with_untracked(|b| *b == Below::All) == Some(true) {
                let _ = store.held_height.try_set(None);
            }
        });
    }
    let query = store.partner_query;
    // In the store: the view is built again when a file is added to much data, or a language
    // chosen, and keeps how it was sorted and how many rows it showed.
    let (limit, order) = (store.partner_limit, store.partner_order);
    let shown = Memo::new(move |_| {
        let mut list = all.get();
        let (key, desc) = order.get();
        sort(&mut list, key, desc);
        let q = query.get();
        search(&list, &q).into_iter().cloned().collect::<Vec<PartnerRow>>()
    });
    let export = move |_| {
        let Some(f) = filter.get_untracked() else { return };
        let list = shown.get_untracked();
        let text = csv(&list.iter().collect::<Vec<_>>());
        let name = format!("mailflow-partners-{}-{}.csv", f.from.format("%Y-%m-%d"), f.to.format("%Y-%m-%d"));
        let _ = download_text(&name, "text/csv;charset=utf-8", &text);
    };
    move || {
        let f = filter.get()?;
        let note = lang.fill(Msg::PartnersNote, &[&lang.thousands(f.days().max(0) as u64)]);
        Some(view! {
            <section class="mf-card mf-partners" id=store.id("partners-card") data-testid="partners" aria-labelledby=store.id("partners-title")>
                <header class="mf-card__head">
                    <h2 id=store.id("partners-title")>{lang.t(Msg::Partners)}</h2>
                </header>
                <p class="mf-note">{note}</p>
                <section class="mf-calls" data-testid="partners-to-call">
                    <h3>{lang.t(Msg::PartnersToCall)}</h3>
                    <p class="mf-note">{lang.t(Msg::PartnersToCallNote)}</p>
                    {move || {
                        if !calls_ready.get() {
                            return ().into_any();
                        }
                        let list = calls.get();
                        if list.is_empty() {
                            return view! { <p data-testid="none-to-call">{lang.t(Msg::NoneToCall)}</p> }.into_any();
                        }
                        view! {
                            <ol class="mf-call-list">
                                {list.into_iter().map(|c| {
                                    let line = call_line(&c, lang);
                                    let name = c.name.clone();
                                    view! {
                                        <li data-testid="call">
                                            <button class="mf-link" data-testid="call-partner" on:click=move |_| { query.set(String::new()); store.partner.set(Some(name.clone())); }>{c.name.clone()}</button>
                                            " — " {line}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </section>
                <div class="mf-details__head">
                    <label class="mf-field">
                        <span>{lang.t(Msg::SearchPartners)}</span>
                        <input type="search" data-testid="partner-search" prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev))/>
                    </label>
                    <button class="mf-button" data-testid="export-partners" on:click=export
                        disabled=move || !table_ready.get() || shown.with(|r| r.is_empty())>{lang.t(Msg::ExportPartners)}</button>
                </div>
                {move || {
                    if !table_ready.get() {
                        return ().into_any();
                    }
                    let list = shown.get();
                    if list.is_empty() {
                        let q = query.get();
                        let text = if all.with(|a| a.is_empty()) || q.trim().is_empty() { lang.t(Msg::NoPartners).to_string() } else { lang.fill(Msg::NoPartnerMatches, &[&q]) };
                        return view! { <p class="mf-empty" data-testid="partners-empty">{text}</p> }.into_any();
                    }
                    let total = list.len();
                    let f2 = f.clone();
                    view! {
                        <div class="mf-table-wrap">
                            <table class="mf-table" data-testid="partners-table">
                                <thead><tr>
                                    {SortKey::ALL.into_iter().map(|k| {
                                        let state = Signal::derive(move || {
                                            let (sk, desc) = order.get();
                                            if sk == k { if desc { "descending" } else { "ascending" } } else { "none" }
                                        });
                                        // Names and first days sort ascending first, counts and shares descending.
                                        let on_sort = move |_| order.update(|o| *o = if o.0 == k { (k, !o.1) } else { (k, k != SortKey::Name && k != SortKey::First) });
                                        view! { <SortHeader label=column_title(k, lang) testid=column_key(k) state=state on_sort=on_sort/> }
                                    }).collect_view()}
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().take(limit.get()).map(|r| {
                                        let all = r.all();
                                        let name = r.name.clone();
                                        let open_name = name.clone();
                                        let is_open = Memo::new(move |_| store.partner.get().as_deref() == Some(open_name.as_str()));
                                        let toggle_name = name.clone();
                                        let toggle = move |_| store.partner.update(|p| *p = if p.as_deref() == Some(toggle_name.as_str()) { None } else { Some(toggle_name.clone()) });
                                        let detail_name = name.clone();
                                        let f3 = f2.clone();
                                        let old = all.get(Tls::V1_0) + all.get(Tls::V1_1);
                                        let (warn_none, warn_old) = (all.get(Tls::None) != 0, old != 0);
                                        view! {
                                            <tr data-testid="partner-row">
                                                <th scope="row">
                                                    <button class="mf-link" data-testid="partner-name" aria-expanded=move || is_open.get().to_string() on:click=toggle>{name.clone()}</button>
                                                </th>
                                                <td class="mf-num">{lang.thousands(r.inbound.total())}</td>
                                                <td class="mf-num">{lang.thousands(r.outbound.total())}</td>
                                                <td class="mf-num">{lang.thousands(all.total())}</td>
                                                <td class="mf-num">{lang.percent(all.modern_share())}</td>
                                                <td class="mf-num" class:mf-warn=warn_none>{lang.thousands(all.get(Tls::None))}</td>
                                                <td class="mf-num" class:mf-warn=warn_old>{lang.thousands(old)}</td>
                                                <td class="mf-num">{lang.percent(all.level_share(Level::Verified))}</td>
                                                <td>{lang.table_day(r.first)}</td>
                                                <td>{lang.table_day(r.last)}</td>
                                                <td data-testid="partner-change">{change_words(&r, store.data.with_untracked(|d| r.is_new(d.agg(), &f2)), lang)}</td>
                                            </tr>
                                            {move || is_open.get().then(|| view! {
                                                <tr class="mf-partner-detail-row"><td colspan="11"><PartnerDetail name=detail_name.clone() filter=f3.clone()/></td></tr>
                                            })}
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        {(total > limit.get()).then(|| view! {
                            <p class="mf-note" data-testid="partners-more">
                                {lang.fill(Msg::FirstOf, &[&lang.thousands(limit.get() as u64), &lang.thousands(total as u64)])} " "
                                <button class="mf-button" data-testid="partners-show-more" on:click=move |_| limit.update(|n| *n += 200)>{lang.t(Msg::ShowMore)}</button>
                            </p>
                        })}
                    }.into_any()
                }}
            </section>
        })
    }
}
