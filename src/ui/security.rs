//! The connector report's Transit security view, under its chart: what the levels mean, and the
//! remote domains that sent or received mail without TLS and without verification, with volumes.

use leptos::prelude::*;

use crate::aggregate::{Filter, TlsCounts};
use crate::lang::{Lang, Msg};
use crate::security::Level;
use crate::ui::state::use_store;

/// How many domains each table lists (the rest are counted under it).
const SHOWN: usize = 25;

/// One table: the partners with mail at `level`, most such mail first.
#[component]
fn DomainTable(title: Msg, level: Level, partners: Vec<(String, TlsCounts)>, testid: &'static str, lang: Lang) -> impl IntoView {
    let mut rows: Vec<(String, u64, u64, Option<f64>)> =
        partners.into_iter().filter_map(|(p, c)| (c.level(level) > 0).then(|| (p, c.level(level), c.total(), c.level_share(level)))).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let all = rows.len();
    rows.truncate(SHOWN);
    view! {
        <section class="mf-remote-domains" data-testid=testid>
            <h4>{lang.t(title)}</h4>
            {if rows.is_empty() {
                view! { <p class="mf-note" data-testid="domains-none">{lang.t(Msg::NoneInWindow)}</p> }.into_any()
            } else {
                view! {
                    <div class="mf-table-wrap">
                        <table class="mf-table mf-table--compact">
                            <thead><tr>
                                <th scope="col">{lang.t(Msg::RemoteDomain)}</th>
                                <th scope="col" class="mf-num">{lang.level(level)}</th>
                                <th scope="col" class="mf-num">{lang.t(Msg::ShareOfItsMail)}</th>
                                <th scope="col" class="mf-num">{lang.t(Msg::Total)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(p, n, total, share)| view! {
                                    <tr data-testid="domain-row">
                                        <th scope="row">{p}</th>
                                        <td class="mf-num">{lang.thousands(n)}</td>
                                        <td class="mf-num">{lang.percent(share)}</td>
                                        <td class="mf-num">{lang.thousands(total)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(all > SHOWN).then(|| view! {
                        <p class="mf-note" data-testid="domains-more">{lang.fill(Msg::FirstOf, &[&lang.thousands(SHOWN as u64), &lang.thousands(all as u64)])}</p>
                    })}
                }.into_any()
            }}
        </section>
    }
}

/// What the levels mean, and the two domain tables for the report's filter.
#[component]
pub fn TransitSecurity(filter: Filter) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let partners: Vec<(String, TlsCounts)> =
        store.data.with(|d| d.agg().partners_in(&filter).into_iter().map(|(p, c)| (p.to_string(), c)).collect());
    view! {
        <div class="mf-security" data-testid="transit-security">
            <p class="mf-note" data-testid="security-note">{lang.t(Msg::SecurityNote)}</p>
            <div class="mf-security__tables">
                <DomainTable title=Msg::DomainsWithoutTls level=Level::NoTls partners=partners.clone() testid="domains-no-tls" lang=lang/>
                <DomainTable title=Msg::DomainsWithoutVerification level=Level::Encrypted partners=partners testid="domains-unverified" lang=lang/>
            </div>
        </div>
    }
}
