//! The details table (one row per day x direction x connector, sortable by any column) and
//! "Export details", which downloads exactly the rows of the current filter as CSV.

use std::cmp::Ordering;

use leptos::prelude::*;

use crate::aggregate::{DetailRow, Filter};
use crate::export::details_csv;
use crate::lang::{Lang, Msg};
use crate::model::Direction;
use crate::security::Level;
use crate::tls::Tls;
use crate::ui::download::download_text;
use crate::ui::sort_header::SortHeader;
use crate::ui::state::use_store;

/// A column of the details table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Date.
    Date,
    /// Direction.
    Direction,
    /// Connector name (blank for none).
    Connector,
    /// Connector type.
    ConnectorType,
    /// Forced TLS.
    ForcedTls,
    /// Volume.
    Volume,
    /// A TLS share (or the Unknown count).
    Tls(Tls),
}

impl Column {
    /// The header text.
    pub fn title(self, lang: Lang) -> String {
        let msg = match self {
            Column::Date => Msg::Date,
            Column::Direction => Msg::Direction,
            Column::Connector => Msg::Connector,
            Column::ConnectorType => Msg::ConnectorType,
            Column::ForcedTls => Msg::ForcedTls,
            Column::Volume => Msg::Volume,
            Column::Tls(Tls::Unknown) => Msg::Unknown,
            Column::Tls(t) => return lang.fill(Msg::TlsShareColumn, &[&lang.tls(t)]),
        };
        lang.t(msg).into()
    }

    /// Orders two rows by this column (ties by the table's natural order).
    pub fn compare(self, a: &DetailRow, b: &DetailRow) -> Ordering {
        let by = match self {
            Column::Date => a.date.cmp(&b.date),
            Column::Direction => a.direction.cmp(&b.direction),
            Column::Connector => a.connector.as_deref().unwrap_or("").to_lowercase().cmp(&b.connector.as_deref().unwrap_or("").to_lowercase()),
            Column::ConnectorType => a.connector_type.map(|t| t.label()).cmp(&b.connector_type.map(|t| t.label())),
            Column::ForcedTls => a.forced_tls.cmp(&b.forced_tls),
            Column::Volume => a.counts.total().cmp(&b.counts.total()),
            Column::Tls(Tls::Unknown) => a.counts.get(Tls::Unknown).cmp(&b.counts.get(Tls::Unknown)),
            Column::Tls(t) => a.counts.share(t).unwrap_or(-1.0).total_cmp(&b.counts.share(t).unwrap_or(-1.0)),
        };
        by.then_with(|| (a.date, a.direction, &a.connector).cmp(&(b.date, b.direction, &b.connector)))
    }

    /// The column's name in test hooks (`sort-tls12`), the same in every language.
    fn key(self) -> String {
        self.title(Lang::En).to_lowercase().replace([' ', '.', '%'], "")
    }
}

/// Sorts rows by a column, ascending or descending.
pub fn sort_rows(rows: &mut [DetailRow], column: Column, ascending: bool) {
    rows.sort_by(|a, b| {
        let o = column.compare(a, b);
        if ascending { o } else { o.reverse() }
    });
}

/// The table of rows for a filter, with sortable headers and the export button.
#[component]
pub fn DetailsTable(filter: Memo<Option<Filter>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let sort = RwSignal::new((Column::Date, true));
    // The row whose partners are open: its day, direction and connector.
    let open = RwSignal::new(None::<(chrono::NaiveDate, Direction, Option<String>)>);
    let rows = Memo::new(move |_| {
        let f = filter.get();
        f.map(|f| store.data.with(|d| d.agg().details(&f))).unwrap_or_default()
    });
    let export = move |_| {
        let Some(f) = filter.get_untracked() else { return };
        let csv = details_csv(&rows.get_untracked());
        let name = format!("mailflow-details-{}-{}.csv", f.from.format("%Y-%m-%d"), f.to.format("%Y-%m-%d"));
        let _ = download_text(&name, "text/csv;charset=utf-8", &csv);
    };
    view! {
        <section class="mf-details" aria-label=lang.t(Msg::Details)>
            <div class="mf-details__head">
                <h3>{lang.t(Msg::Details)}</h3>
                <button class="mf-button" data-testid="export-details" on:click=export
                    disabled=move || rows.with(|r| r.is_empty())>{lang.t(Msg::ExportDetails)}</button>
            </div>
            {move || {
                let mut list = rows.get();
                if list.is_empty() {
                    return view! { <p class="mf-empty" data-testid="details-empty">{lang.t(Msg::NoRows)}</p> }.into_any();
                }
                let (column, ascending) = sort.get();
                sort_rows(&mut list, column, ascending);
                let unknown = list.iter().any(|r| r.counts.get(Tls::Unknown) > 0);
                let mut columns = vec![Column::Date, Column::Direction, Column::Connector, Column::ConnectorType, Column::ForcedTls, Column::Volume];
                columns.extend(Tls::KNOWN.iter().map(|t| Column::Tls(*t)));
                if unknown {
                    columns.push(Column::Tls(Tls::Unknown));
                }
                let cols = columns.clone();
                view! {
                    <div class="mf-table-wrap">
                        <table class="mf-table" data-testid="details-table">
                            <thead><tr>
                                {cols.into_iter().map(|c| {
                                    let state = Signal::derive(move || {
                                        let (sc, asc) = sort.get();
                                        if sc == c { if asc { "ascending" } else { "descending" } } else { "none" }
                                    });
                                    let on_sort = move |_| sort.update(|s| *s = if s.0 == c { (c, !s.1) } else { (c, true) });
                                    view! { <SortHeader label=c.title(lang).to_string() testid=format!("sort-{}", c.key()) state=state on_sort=on_sort/> }
                                }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|r| {
                                    let key = (r.date, r.direction, r.connector.clone());
                                    let (k1, k2) = (key.clone(), key.clone());
                                    let is_open = Signal::derive(move || open.with(|o| o.as_ref() == Some(&k1)));
                                    let toggle = move |_| open.update(|o| *o = if o.as_ref() == Some(&k2) { None } else { Some(k2.clone()) });
                                    let span = columns.len();
                                    let row = r.clone();
                                    let cells = columns.iter().map(|c| match c {
                                        Column::Date => view! {
                                            <td>
                                                <button class="mf-link mf-link--plain" data-testid="row-open" aria-expanded=move || is_open.get().to_string() on:click=toggle.clone()>
                                                    {lang.table_day(r.date)}
                                                </button>
                                            </td>
                                        }.into_any(),
                                        Column::Direction => view! { <td>{lang.direction(r.direction)}</td> }.into_any(),
                                        Column::Connector => match &r.connector {
                                            Some(n) => view! { <td class="mf-connector">{n.clone()}</td> }.into_any(),
                                            None => view! { <td class="mf-muted">{lang.t(if r.direction == Direction::Inbound { Msg::FromInternetNoConnectorShort } else { Msg::ToInternetNoConnectorShort })}</td> }.into_any(),
                                        },
                                        Column::ConnectorType => view! { <td>{r.connector_type.map(|t| t.label()).unwrap_or("")}</td> }.into_any(),
                                        Column::ForcedTls => view! { <td>{r.forced_tls.map(|b| lang.t(if b { Msg::Yes } else { Msg::No })).unwrap_or("")}</td> }.into_any(),
                                        Column::Volume => view! { <td class="mf-num">{lang.thousands(r.counts.total())}</td> }.into_any(),
                                        Column::Tls(Tls::Unknown) => view! { <td class="mf-num">{lang.thousands(r.counts.get(Tls::Unknown))}</td> }.into_any(),
                                        Column::Tls(t) => {
                                            let warn = matches!(t, Tls::None | Tls::V1_0) && r.counts.get(*t) > 0;
                                            view! { <td class="mf-num" class:mf-warn=warn>{lang.percent(r.counts.share(*t))}</td> }.into_any()
                                        }
                                    }).collect_view();
                                    view! {
                                        <tr>{cells}</tr>
                                        {move || is_open.get().then(|| view! {
                                            <tr class="mf-row-detail"><td colspan=span><RowDetail row=row.clone()/></td></tr>
                                        })}
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// What is behind one row of the details table: its day and connector's partners with their TLS
/// values and verification, and the deliveries whose partner the source did not name.
#[component]
fn RowDetail(row: DetailRow) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let f = Filter::window(row.date, row.date);
    let partners: Vec<(String, crate::aggregate::TlsCounts)> = store
        .data
        .with(|d| d.agg().partners(&f, row.direction, row.connector.as_deref()).into_iter().map(|(p, c)| (p.to_string(), c)).collect());
    let named: u64 = partners.iter().map(|(_, c)| c.total()).sum();
    let unnamed = row.counts.total().saturating_sub(named);
    let head = std::iter::once(lang.t(Msg::RemoteDomain).to_string())
        .chain([lang.t(Msg::Total).to_string()])
        .chain(Tls::ALL.iter().map(|t| lang.tls(*t).to_string()))
        .chain([Level::Verified, Level::Encrypted].iter().map(|l| lang.level(*l).to_string()));
    view! {
        <div class="mf-row-detail__body" data-testid="row-detail">
            {if partners.is_empty() {
                view! { <p class="mf-note">{lang.t(Msg::RowNoPartners)}</p> }.into_any()
            } else {
                view! {
                    <table class="mf-table mf-table--compact" data-testid="row-partners">
                        <thead><tr>{head.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {partners.into_iter().map(|(p, c)| view! {
                                <tr>
                                    <th scope="row">{p}</th>
                                    <td class="mf-num">{lang.thousands(c.total())}</td>
                                    {Tls::ALL.iter().map(|t| view! { <td class="mf-num">{lang.thousands(c.get(*t))}</td> }).collect_view()}
                                    <td class="mf-num">{lang.thousands(c.level(Level::Verified))}</td>
                                    <td class="mf-num">{lang.thousands(c.level(Level::Encrypted))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {(unnamed > 0).then(|| view! { <p class="mf-note" data-testid="row-unnamed">{lang.fill(Msg::RowUnnamed, &[&lang.thousands(unnamed)])}</p> })}
        </div>
    }
}
