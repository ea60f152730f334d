//! The connector report's mail-flow map view: for each direction the filter shows, the map of the
//! window (partners, connectors, TLS outcome) with its downloads and its numbers as a table.

use leptos::prelude::*;

use crate::aggregate::Filter;
use crate::flow_map::build;
use crate::lang::Msg;
use crate::model::Direction;
use crate::ui::chart_table::ChartTable;
use crate::ui::download::ChartDownloads;
use crate::ui::state::use_store;

/// How many partners each map names (the rest are put together).
const NAMED: usize = 8;

/// The maps for the filter, one per direction shown.
#[component]
pub fn FlowMaps(filter: Filter, title: String) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let dirs = match filter.direction {
        Some(d) => vec![d],
        None => vec![Direction::Inbound, Direction::Outbound],
    };
    let width = store.chart_width();
    let maps: Vec<_> = store.data.with(|d| dirs.iter().filter_map(|dir| build(d.agg(), &filter, *dir, NAMED)).collect());
    let stem = format!("mailflow-{}-{}-mail-flow-map", filter.from.format("%Y-%m-%d"), filter.to.format("%Y-%m-%d"));
    view! {
        <div class="mf-maps" data-testid="flow-maps">
            <p class="mf-note">{lang.t(Msg::MapNote)}</p>
            {maps.into_iter().map(|m| {
                let key = m.direction.label().to_lowercase();
                let svg = m.svg(&title, width, lang);
                let table = m.table(lang);
                let name = format!("{stem}-{key}");
                let copy = svg.clone();
                view! {
                    <figure class="mf-figure" data-testid=format!("flow-map-{key}")>
                        <div class="mf-chart" data-testid="flow-map" inner_html=svg.unwrap_or_default()></div>
                        <figcaption>
                            <ChartDownloads svg=Signal::derive(move || copy.clone()) name=Signal::derive(move || name.clone()) testid="map"/>
                        </figcaption>
                        <ChartTable table=table testid="flow-map-table"/>
                    </figure>
                }
            }).collect_view()}
        </div>
    }
}
