//! The SMTP TLS reports panel (RFC 8460): success rate per day and per reporting organisation,
//! and failed sessions by failure type. Sessions, not messages: kept apart from the report.

use leptos::prelude::*;

use crate::workspace::Sessions;
use crate::lang::{Lang, Msg};
use crate::ui::state::use_store;

fn rows(list: Vec<Sessions>, with_rate: bool, lang: Lang) -> impl IntoView {
    list.into_iter()
        .map(|s| {
            let rate = s.rate();
            view! {
                <tr>
                    <td class="mf-connector">{s.key}</td>
                    {with_rate.then(|| view! { <td class="mf-num">{lang.thousands(s.success)}</td> })}
                    <td class="mf-num">{lang.thousands(s.failure)}</td>
                    {with_rate.then(|| view! { <td class="mf-num" class:mf-warn=rate.is_some_and(|r| r < 95.0)>{lang.percent(rate)}</td> })}
                </tr>
            }
        })
        .collect_view()
}

/// The per-day rows with their days written the language's way (the core keys them by ISO day).
fn days_in(list: Vec<Sessions>, lang: Lang) -> Vec<Sessions> {
    list.into_iter()
        .map(|mut s| {
            if let Ok(day) = chrono::NaiveDate::parse_from_str(&s.key, "%Y-%m-%d") {
                s.key = lang.table_day(day);
            }
            s
        })
        .collect()
}

/// The panel; shown only when TLS reports are loaded.
#[component]
pub fn TlsReportsPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let head = move |first: Msg| view! {
        <thead><tr>
            <th scope="col">{lang.t(first)}</th>
            <th scope="col" class="mf-num">{lang.t(Msg::Successful)}</th>
            <th scope="col" class="mf-num">{lang.t(Msg::Failed)}</th>
            <th scope="col" class="mf-num">{lang.t(Msg::SuccessRate)}</th>
        </tr></thead>
    };
    move || {
        let s = store.data.with(|ws| ws.tls_reports().clone());
        (!s.by_day.is_empty()).then(|| view! {
            <section class="mf-card" data-testid="tls-reports" aria-labelledby=store.id("tlsrpt-title")>
                <h2 id=store.id("tlsrpt-title")>{lang.t(Msg::TlsReportsTitle)}</h2>
                <p class="mf-note">{lang.t(Msg::TlsReportsNote)}</p>
                <div class="mf-tlsrpt">
                    <div class="mf-table-wrap">
                        <table class="mf-table" data-testid="tlsrpt-days">
                            {head(Msg::Day)}
                            <tbody>{rows(days_in(s.by_day, lang), true, lang)}</tbody>
                        </table>
                    </div>
                    <div class="mf-table-wrap">
                        <table class="mf-table" data-testid="tlsrpt-organizations">
                            {head(Msg::ReportingOrganisation)}
                            <tbody>{rows(s.by_organization, true, lang)}</tbody>
                        </table>
                    </div>
                    {(!s.by_failure.is_empty()).then(|| view! {
                        <div class="mf-table-wrap">
                            <table class="mf-table" data-testid="tlsrpt-failures">
                                <thead><tr><th scope="col">{lang.t(Msg::FailureType)}</th><th scope="col" class="mf-num">{lang.t(Msg::FailedSessions)}</th></tr></thead>
                                <tbody>{rows(s.by_failure, false, lang)}</tbody>
                            </table>
                        </div>
                    })}
                </div>
            </section>
        })
    }
}
