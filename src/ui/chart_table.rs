//! A chart's numbers as a table under it, folded: what a screen reader reads in place of the
//! picture, and the figures for anyone who wants them.

use leptos::prelude::*;

use crate::chart::DataTable;
use crate::lang::Msg;
use crate::ui::state::use_store;

/// The folded table of a chart's numbers; `testid` names it for tests.
#[component]
pub fn ChartTable(table: DataTable, testid: &'static str) -> impl IntoView {
    let lang = use_store().lang();
    let DataTable { head, rows } = table;
    view! {
        <details class="mf-chart-data" data-testid=testid>
            <summary>{lang.t(Msg::ChartNumbers)}</summary>
            <div class="mf-table-wrap">
                <table class="mf-table mf-table--compact">
                    <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let mut cells = row.into_iter();
                            let first = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{first}</th>
                                    {cells.map(|c| view! { <td class="mf-num">{c}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
