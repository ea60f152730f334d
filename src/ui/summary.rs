//! The load summary: one card per file with the format and encoding recognised, rows read,
//! deliveries used, rows skipped with the first reasons and line numbers, and the date span; or the
//! message saying why the file could not be used.

use leptos::prelude::*;

use crate::load::FileReport;
use crate::text::{long_day, thousands};
use crate::ui::state::use_store;

/// One file's summary.
#[component]
pub fn FileSummary(report: FileReport) -> impl IntoView {
    let name = report.name.clone();
    if let Some(err) = report.error.clone() {
        return view! {
            <li class="mf-file mf-file--error" role="alert" data-testid="file-error">
                <strong class="mf-file__name">{name}</strong>
                ": "
                {err}
                <span class="mf-file__hint">" Data loaded before is unchanged."</span>
            </li>
        }
        .into_any();
    }
    let s = report.stats.clone();
    let span = report.span.map(|(a, b)| format!("{} – {}", long_day(a), long_day(b))).unwrap_or_default();
    let dirs = report
        .directions
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| format!("{} {}", thousands(*n), d.label().to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ");
    let skipped = s.skipped;
    let skips = s.skips.clone();
    view! {
        <li class="mf-file" data-testid="file-summary">
            <div>
                <strong class="mf-file__name">{name}</strong>
                <span class="mf-file__meta">
                    {format!(" — {} · {}", report.format.unwrap_or("?"), report.encoding.map(|e| e.label()).unwrap_or("?"))}
                </span>
            </div>
            <div class="mf-file__counts">
                <span data-testid="rows-read">{thousands(s.rows_read)}</span>" rows read · "
                <span data-testid="deliveries-used">{thousands(s.deliveries)}</span>" deliveries used ("
                {dirs}
                ") · "
                <span data-testid="rows-skipped">{thousands(skipped)}</span>" rows skipped · "
                {span}
            </div>
            {(skipped > 0).then(|| view! {
                <details class="mf-file__skips">
                    <summary>{format!("Why {} rows were skipped (first {})", thousands(skipped), skips.len())}</summary>
                    <ul>
                        {skips.into_iter().map(|k| view! { <li>{format!("line {}: {}", k.line, k.reason)}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
    .into_any()
}

/// Every file's summary, newest last.
#[component]
pub fn LoadSummary() -> impl IntoView {
    let store = use_store();
    move || {
        let files = store.data.with(|d| d.files.clone());
        (!files.is_empty()).then(|| {
            let totals = store.data.with(|d| d.agg.direction_totals());
            let intra = totals[2].1;
            view! {
                <section class="mf-summary" aria-label="Loaded files">
                    <ul class="mf-files">
                        {files.into_iter().map(|r| view! { <FileSummary report=r/> }).collect_view()}
                    </ul>
                    {(intra > 0).then(|| view! {
                        <p class="mf-note" data-testid="intra-org">
                            {format!("{} intra-org deliveries are counted here but kept out of the TLS views, as in Microsoft's reports.", thousands(intra))}
                        </p>
                    })}
                </section>
            }
        })
    }
}
