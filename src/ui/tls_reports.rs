//! The SMTP TLS reports panel (RFC 8460): success rate per day and per reporting organisation,
//! and failed sessions by failure type. Sessions, not messages: kept apart from the report.

use leptos::prelude::*;

use crate::formats::tlsrpt::Sessions;
use crate::text::{percent, thousands};
use crate::ui::state::use_store;

fn rows(list: Vec<Sessions>, with_rate: bool) -> impl IntoView {
    list.into_iter()
        .map(|s| {
            let rate = s.rate();
            view! {
                <tr>
                    <td class="mf-connector">{s.key}</td>
                    {with_rate.then(|| view! { <td class="mf-num">{thousands(s.success)}</td> })}
                    <td class="mf-num">{thousands(s.failure)}</td>
                    {with_rate.then(|| view! { <td class="mf-num" class:mf-warn=rate.is_some_and(|r| r < 95.0)>{percent(rate)}</td> })}
                </tr>
            }
        })
        .collect_view()
}

/// The panel; shown only when TLS reports are loaded.
#[component]
pub fn TlsReportsPanel() -> impl IntoView {
    let store = use_store();
    move || {
        let s = store.data.with(|ws| ws.tls_reports().clone());
        (!s.by_day.is_empty()).then(|| view! {
            <section class="mf-card" data-testid="tls-reports" aria-labelledby=store.id("tlsrpt-title")>
                <h2 id=store.id("tlsrpt-title")>"SMTP TLS reports (RFC 8460)"</h2>
                <p class="mf-note">"What other providers reported about mail they sent to you: sessions that negotiated TLS as your MTA-STS or DANE policy asks, and those that failed. Sessions, not messages, and no TLS version, so they are kept apart from the report above."</p>
                <div class="mf-tlsrpt">
                    <div class="mf-table-wrap">
                        <table class="mf-table" data-testid="tlsrpt-days">
                            <thead><tr><th scope="col">"Day"</th><th scope="col" class="mf-num">"Successful"</th><th scope="col" class="mf-num">"Failed"</th><th scope="col" class="mf-num">"Success rate"</th></tr></thead>
                            <tbody>{rows(s.by_day, true)}</tbody>
                        </table>
                    </div>
                    <div class="mf-table-wrap">
                        <table class="mf-table" data-testid="tlsrpt-organizations">
                            <thead><tr><th scope="col">"Reporting organisation"</th><th scope="col" class="mf-num">"Successful"</th><th scope="col" class="mf-num">"Failed"</th><th scope="col" class="mf-num">"Success rate"</th></tr></thead>
                            <tbody>{rows(s.by_organization, true)}</tbody>
                        </table>
                    </div>
                    {(!s.by_failure.is_empty()).then(|| view! {
                        <div class="mf-table-wrap">
                            <table class="mf-table" data-testid="tlsrpt-failures">
                                <thead><tr><th scope="col">"Failure type"</th><th scope="col" class="mf-num">"Failed sessions"</th></tr></thead>
                                <tbody>{rows(s.by_failure, false)}</tbody>
                            </table>
                        </div>
                    })}
                </div>
            </section>
        })
    }
}
