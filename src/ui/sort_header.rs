//! A sortable table's column heading: a button that sorts by the column, with `aria-sort` and a
//! mark that say which way the table is sorted now.

use leptos::prelude::*;

/// One column heading. `state` says `ascending`, `descending` or `none` for this column;
/// `on_sort` runs when the heading is pressed.
#[component]
pub fn SortHeader(
    label: String,
    #[prop(into)] testid: String,
    #[prop(into)] state: Signal<&'static str>,
    #[prop(into)] on_sort: Callback<()>,
) -> impl IntoView {
    view! {
        <th scope="col" aria-sort=move || state.get()>
            <button class="mf-sort" data-testid=testid on:click=move |_| on_sort.run(())>
                {label}
                <span class="mf-sort__mark" aria-hidden="true">{move || match state.get() { "ascending" => "▲", "descending" => "▼", _ => "" }}</span>
            </button>
        </th>
    }
}
