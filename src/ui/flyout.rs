//! The "Message protected in transit (by TLS)" flyout: a modal side panel with counts and shares
//! of each TLS version for inbound and outbound mail over the widget's days, a chart, and the
//! "Connector report" link. Focus moves in when it opens, Tab stays inside, Escape and the close
//! button close it, and focus returns to "View details".

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::tls_share_bars;
use crate::lang::Msg;
use crate::model::Direction;
use crate::tls::Tls;
use crate::ui::state::{use_store, Range};
use crate::ui::widget::widget_counts;

/// The flyout; rendered only while open.
#[component]
pub fn Flyout(return_focus: NodeRef<leptos::html::Button>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let close_button: NodeRef<leptos::html::Button> = NodeRef::new();
    let panel: NodeRef<leptos::html::Div> = NodeRef::new();
    let close = move || {
        store.flyout_open.set(false);
        if let Some(b) = return_focus.get_untracked() {
            let _ = b.focus();
        }
    };
    // Focus the close button once the panel is in the page.
    Effect::new(move |_| {
        if store.flyout_open.get() {
            if let Some(b) = close_button.get() {
                let _ = b.focus();
            }
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        } else if ev.key() == "Tab" {
            // Keep focus inside the dialog.
            let Some(panel) = panel.get_untracked() else { return };
            let Ok(list) = panel.query_selector_all("button, a[href], select, input") else { return };
            let items: Vec<web_sys::HtmlElement> =
                (0..list.length()).filter_map(|i| list.get(i)).filter_map(|n| n.dyn_into().ok()).collect();
            let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
            let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
            let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>());
            if ev.shift_key() && at(first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && at(last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
    };
    let open_report = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some((from, to)) = store.widget_window() {
            store.range.set(Range::Custom(from, to));
        }
        close();
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&store.id("report"))) {
            el.scroll_into_view();
        }
    };
    move || {
        if !store.flyout_open.get() {
            return None;
        }
        let ((from, to), totals) = widget_counts(&store)?;
        let width = store.width.get().saturating_sub(80).clamp(260, 520);
        let svg = tls_share_bars(&[(Direction::Inbound, totals.inbound), (Direction::Outbound, totals.outbound)], width, lang);
        let any_unknown = totals.inbound.get(Tls::Unknown) + totals.outbound.get(Tls::Unknown) > 0;
        let rows: Vec<Tls> = if any_unknown { Tls::ALL.to_vec() } else { Tls::KNOWN.to_vec() };
        Some(view! {
            <div class="mf-backdrop" on:click=move |_| close()></div>
            <div class="mf-flyout" role="dialog" aria-modal="true" aria-labelledby=store.id("flyout-title")
                data-testid="tls-flyout" node_ref=panel on:keydown=on_key>
                <header class="mf-flyout__head">
                    <h2 id=store.id("flyout-title")>{lang.t(Msg::FlyoutTitle)}</h2>
                    <button class="mf-icon-button" aria-label=lang.t(Msg::Close) data-testid="flyout-close" node_ref=close_button
                        on:click=move |_| close()>"×"</button>
                </header>
                <p class="mf-dates">{lang.fill(Msg::FlyoutDates, &[&lang.long_day(from), &lang.long_day(to)])}</p>
                {svg.map(|svg| {
                    let name = format!("mailflow-tls-{}-{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d"));
                    let copy = svg.clone();
                    view! {
                        <div class="mf-chart" data-testid="flyout-chart" inner_html=svg></div>
                        <crate::ui::download::ChartDownloads svg=Signal::derive(move || Some(copy.clone())) name=name testid="flyout-chart"/>
                    }
                })}
                <table class="mf-table mf-table--compact mf-flyout__table" data-testid="flyout-table">
                    <thead><tr>
                        <th scope="col">{lang.t(Msg::Tls)}</th>
                        <th scope="col" class="mf-num">{lang.direction(Direction::Inbound)}</th>
                        <th scope="col" class="mf-num">{lang.direction(Direction::Outbound)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|t| {
                            let cell = move |c: crate::aggregate::TlsCounts| {
                                let share = if t == Tls::Unknown { lang.t(Msg::NotInShares).to_string() } else { lang.percent(c.share(t)) };
                                view! {
                                    <td class="mf-num">
                                        <span class="mf-count">{lang.thousands(c.get(t))}</span>
                                        <span class="mf-share">{share}</span>
                                    </td>
                                }
                            };
                            view! {
                                <tr>
                                    <th scope="row"><span class="mf-swatch" style:background-color=crate::chart::hex(t.colour())></span>{lang.tls(t)}</th>
                                    {cell(totals.inbound)}
                                    {cell(totals.outbound)}
                                </tr>
                            }
                        }).collect_view()}
                        <tr class="mf-total">
                            <th scope="row">{lang.t(Msg::Total)}</th>
                            <td class="mf-num"><span class="mf-count">{lang.thousands(totals.inbound.total())}</span></td>
                            <td class="mf-num"><span class="mf-count">{lang.thousands(totals.outbound.total())}</span></td>
                        </tr>
                    </tbody>
                </table>
                <p><a href=format!("#{}", store.id("report")) class="mf-link" data-testid="open-connector-report" on:click=open_report>{lang.t(Msg::ConnectorReport)}</a>
                   " "{lang.t(Msg::FlyoutReportLink)}</p>
            </div>
        })
    }
}
