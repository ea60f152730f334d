//! The load summary: one card per file with the format and encoding recognised, rows read,
//! deliveries used, duplicates dropped, rows skipped with the first reasons and line numbers, the
//! date span, and which of direction, connector and TLS the file gave; or the message saying why
//! it could not be used, with a column-mapping panel for a CSV Mailflow did not recognise. Below
//! them, "your domains" when a file needs them to tell inbound from outbound.

use leptos::prelude::*;

use crate::dates::DateOrder;
use crate::domains::Domains;
use crate::mapping::{Mapping, Preview};
use crate::lang::{Lang, Msg, Said};
use crate::load::{FileReport, LoadOptions};
use crate::ui::loader::{reload, remove};
use crate::ui::prefs;
use crate::ui::state::use_store;

/// The options a file was read with, to read it again changing one of them.
fn options_of(r: &FileReport) -> LoadOptions {
    LoadOptions {
        date_order: r.date_order.filter(|g| g.certain).map(|g| g.order),
        // The first reading decided the order already: no need to read the date column again.
        column_order: r.date_order.map(|g| g.order),
        mapping: r.mapping.clone(),
        today: None,
        log_year: r.log_clock.and_then(|c| c.first_year),
        log_offset_minutes: r.log_clock.map(|c| c.offset_minutes),
        tls_logged: r.log_clock.is_some_and(|c| c.tls_logged),
        split_part: false,
    }
}

/// The zones offered for logs that write local time, in minutes east of UTC.
const ZONES: [i32; 27] = [
    -720, -660, -600, -540, -480, -420, -360, -300, -240, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 420, 480, 540, 600,
];

fn zone_label(minutes: i32) -> String {
    if minutes == 0 {
        "UTC".into()
    } else {
        format!("UTC{}{:02}:{:02}", if minutes < 0 { '−' } else { '+' }, minutes.abs() / 60, minutes.abs() % 60)
    }
}

fn yes_no(found: bool, what: &str) -> String {
    format!("{what} {}", if found { "✓" } else { "—" })
}

/// How a date order reads in a sentence: "day first (31/12/2026)".
fn order_label(order: DateOrder, lang: Lang) -> &'static str {
    lang.t(match order {
        DateOrder::DayFirst => Msg::DayFirst,
        DateOrder::MonthFirst => Msg::MonthFirst,
    })
}

/// The note on deliveries counted as Unknown because the log shows no TLS line for their server,
/// with the switch for an admin who knows that the server logs TLS (and the way back).
fn tls_unlogged_note(report: &FileReport, index: usize, retained: bool, lang: Lang) -> Option<AnyView> {
    let store = use_store();
    let [inbound, outbound] = report.stats.tls_unlogged;
    let said_logged = report.log_clock.is_some_and(|c| c.tls_logged);
    if inbound + outbound == 0 && !said_logged {
        return None;
    }
    let base = options_of(report);
    let (text, button, logged) = if said_logged {
        (lang.t(Msg::TlsLoggedSaid).to_string(), Msg::TlsLoggedUndo, false)
    } else {
        (lang.fill(Msg::TlsUnlogged, &[&lang.thousands(inbound), &lang.thousands(outbound)]), Msg::TlsLoggedButton, true)
    };
    Some(
        view! {
            <div class="mf-file__warning" role="status" data-testid="tls-unlogged">
                {text}
                {retained.then(|| view! {
                    " "
                    <button class="mf-button mf-button--small" data-testid="tls-logged-switch"
                        on:click=move |_| reload(&store, index, LoadOptions { tls_logged: logged, ..base.clone() })>
                        {lang.t(button)}
                    </button>
                })}
            </div>
        }
        .into_any(),
    )
}

/// One file's summary; `index` is its position in the workspace.
#[component]
pub fn FileSummary(report: FileReport, index: usize) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let name = report.name.clone();
    let remove_label = lang.fill(Msg::RemoveFile, &[&report.name]);
    let remove_button = move || {
        view! {
            <button class="mf-icon-button mf-file__remove" aria-label=remove_label.clone() title=lang.t(Msg::RemoveThisFile)
                data-testid="remove-file" on:click=move |_| remove(&store, index)>"×"</button>
        }
    };
    if let Some(err) = report.error.clone() {
        let preview = report.preview.clone();
        let defect = report.defect.clone();
        return view! {
            <li class="mf-file mf-file--error" data-testid="file-error">
                <div class="mf-file__row">
                    <div role="alert">
                        <strong class="mf-file__name">{name}</strong>
                        ": "
                        {lang.say(&err)}
                        <span class="mf-file__hint">" "{lang.t(Msg::DataUnchanged)}</span>
                    </div>
                    {remove_button()}
                </div>
                {preview.map(|p| view! { <MappingPanel preview=p index=index/> })}
                {defect.map(|d| view! {
                    <details class="mf-file__skips" data-testid="defect-details">
                        <summary>{lang.t(Msg::DefectDetails)}</summary>
                        <pre class="mf-defect">{d}</pre>
                    </details>
                })}
            </li>
        }
        .into_any();
    }
    let s = report.stats.clone();
    let span = report.span.map(|(a, b)| format!("{} – {}", lang.long_day(a), lang.long_day(b))).unwrap_or_default();
    let dirs = report
        .directions
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| lang.fill(Msg::DirectionTotal, &[&lang.thousands(*n), &lang.direction(*d).to_lowercase()]))
        .collect::<Vec<_>>()
        .join(", ");
    let skipped = s.skipped;
    let skips = s.skips.clone();
    let found = report.found;
    let order = report.date_order;
    let retained = store.retained.with_value(|r| r.get(index).is_some_and(Option::is_some));
    let base = options_of(&report);
    let log_clock = report.log_clock;
    let warning = report.warning.clone();
    view! {
        <li class="mf-file" data-testid="file-summary">
            <div class="mf-file__row">
                <div>
                    <strong class="mf-file__name">{name}</strong>
                    <span class="mf-file__meta" data-testid="file-format">
                        {format!(" — {} · {}", report.format.map(|m| lang.t(m)).unwrap_or("?"), report.encoding.map(|e| e.label()).unwrap_or("?"))}
                    </span>
                </div>
                {remove_button()}
            </div>
            {report.note.map(|n| view! { <div class="mf-file__found" data-testid="file-note">{lang.t(n)}</div> })}
            <div class="mf-file__counts" class:mf-hidden=report.note.is_some()>
                <span data-testid="rows-read">{lang.thousands(s.rows_read)}</span>" "{lang.noun(s.rows_read, Msg::RowsRead)}" · "
                <span data-testid="deliveries-used">{lang.thousands(s.deliveries)}</span>" "{lang.noun(s.deliveries, Msg::Deliveries)}
                {(!dirs.is_empty()).then(|| format!(" ({dirs})"))}
                " · "
                <span data-testid="rows-skipped">{lang.thousands(skipped)}</span>" "{lang.noun(skipped, Msg::RowsSkipped)}
                {(report.duplicates > 0).then(|| view! { " · " <span data-testid="duplicates">{lang.thousands(report.duplicates)}</span>" "{lang.t(Msg::DuplicatesDropped)} })}
                {(report.joined > 0).then(|| view! { " · " <span data-testid="joined">{lang.thousands(report.joined)}</span>" "{lang.t(Msg::JoinedWithOthers)} })}
                " · " {span}
            </div>
            <div class="mf-file__found" data-testid="file-found" class:mf-hidden=report.note.is_some()>
                {yes_no(found.direction, lang.t(Msg::Direction))}" · "{yes_no(found.connector, lang.t(Msg::Connector))}" · "{yes_no(found.tls, lang.t(Msg::Tls))}
                {(!found.direction).then(|| format!(" {}", lang.t(Msg::DirectionFromDomains)))}
            </div>
            {warning.map(|w| view! { <div class="mf-file__warning" role="status" data-testid="file-warning">{lang.say(&w)}</div> })}
            {(s.failures + s.local > 0).then(|| view! {
                <div class="mf-file__found" data-testid="log-counts">
                    {lang.fill(Msg::LogCounts, &[&lang.thousands(s.failures), &lang.thousands(s.local)])}
                </div>
            })}
            {(s.other_lines > 0).then(|| view! {
                <div class="mf-file__found" data-testid="other-lines">{lang.say(&Said::new(Msg::LogOtherLines).count(s.other_lines))}</div>
            })}
            {(s.submissions.total() > 0).then(|| {
                let mix = crate::tls::Tls::ALL
                    .into_iter()
                    .filter(|t| s.submissions.get(*t) > 0)
                    .map(|t| format!("{} {}", lang.tls(t), lang.thousands(s.submissions.get(t))))
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! { <div class="mf-file__found" data-testid="submissions">{lang.say(&Said::new(Msg::Submissions).count(s.submissions.total()).text(mix))}</div> }
            })}
            {(s.before_log > 0).then(|| view! {
                <div class="mf-file__found" data-testid="before-log">{lang.say(&Said::new(Msg::BeforeLog).count(s.before_log))}</div>
            })}
            {tls_unlogged_note(&report, index, retained, lang)}
            {log_clock.map(|c| {
                let base_year = base.clone();
                let base_zone = base.clone();
                view! {
                    <div class="mf-file__dates" data-testid="log-times">
                        {match c.first_year {
                            Some(y) => format!("{} ", lang.fill(Msg::NoYearInLines, &[&y])),
                            None => String::new(),
                        }}
                        {lang.fill(Msg::LocalTimesAs, &[&zone_label(c.offset_minutes)])}
                        {retained.then(|| view! {
                            {c.first_year.map(|y| {
                                let base_year = base_year.clone();
                                view! {
                                    <label class="mf-inline">" "{lang.t(Msg::FirstYear)}" "
                                        <input type="number" min="1990" max="2100" value=y.to_string() data-testid="log-year"
                                            on:change=move |ev| {
                                                if let Ok(year) = event_target_value(&ev).parse::<i32>() {
                                                    reload(&store, index, LoadOptions { log_year: Some(year), ..base_year.clone() });
                                                }
                                            }/>
                                    </label>
                                }
                            })}
                            <label class="mf-inline">" "{lang.t(Msg::Zone)}" "
                                <select data-testid="log-zone" on:change=move |ev| {
                                    if let Ok(m) = event_target_value(&ev).parse::<i32>() {
                                        reload(&store, index, LoadOptions { log_offset_minutes: Some(m), ..base_zone.clone() });
                                    }
                                }>
                                    {ZONES.iter().map(|z| view! { <option value=z.to_string() selected=*z == c.offset_minutes>{zone_label(*z)}</option> }).collect_view()}
                                </select>
                            </label>
                        })}
                    </div>
                }
            })}
            {order.map(|g| {
                let other = match g.order { DateOrder::DayFirst => DateOrder::MonthFirst, DateOrder::MonthFirst => DateOrder::DayFirst };
                let base = base.clone();
                view! {
                    <div class="mf-file__dates" data-testid="date-order">
                        {lang.fill(if g.certain { Msg::DatesReadCertain } else { Msg::DatesReadEither }, &[&order_label(g.order, lang)])}
                        {retained.then(|| view! {
                            " "
                            <button class="mf-button mf-button--small" data-testid="switch-date-order"
                                on:click=move |_| reload(&store, index, LoadOptions { date_order: Some(other), ..base.clone() })>
                                {lang.fill(Msg::ReadThemOtherWay, &[&order_label(other, lang)])}
                            </button>
                        })}
                    </div>
                }
            })}
            {(skipped > 0).then(|| view! {
                <details class="mf-file__skips">
                    <summary>{lang.say(&Said::new(Msg::WhySkipped).count(skipped).number(skips.len()))}</summary>
                    <ul>
                        {skips.into_iter().map(|k| view! { <li>{lang.fill(Msg::SkipAtLine, &[&k.line, &lang.say(&k.reason)])}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
    .into_any()
}

/// Lets the user say which column is which in a CSV Mailflow did not recognise.
#[component]
fn MappingPanel(preview: Preview, index: usize) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let guess = |names: &[&str]| preview.guess(names);
    let fields: [(&'static str, Msg, bool, Option<usize>); 6] = [
        ("date", Msg::DateOrTime, true, guess(&["date", "time", "when"])),
        ("direction", Msg::Direction, true, guess(&["direction", "way"])),
        ("connector", Msg::Connector, false, guess(&["connector", "relay", "route"])),
        ("tls", Msg::TlsVersion, false, guess(&["tls", "cipher", "protocol"])),
        ("count", Msg::Count, false, guess(&["count", "volume", "messages"])),
        ("remote_host", Msg::RemoteHost, false, guess(&["host", "server", "partner"])),
    ];
    let choices: Vec<RwSignal<Option<usize>>> = fields.iter().map(|f| RwSignal::new(f.3)).collect();
    let signature = preview.signature();
    let choices2 = choices.clone();
    let apply = move |_| {
        let get = |i: usize| choices2[i].get_untracked();
        let (Some(date), Some(direction)) = (get(0), get(1)) else { return };
        let m = Mapping { date, direction, connector: get(2), tls: get(3), count: get(4), remote_host: get(5) };
        prefs::save_mapping(&signature, &m);
        reload(&store, index, LoadOptions { mapping: Some(m), ..Default::default() });
    };
    let ready = {
        let c = choices.clone();
        move || c[0].get().is_some() && c[1].get().is_some()
    };
    let header = preview.header.clone();
    view! {
        <div class="mf-mapping" data-testid="mapping-panel">
            <p><strong>{lang.t(Msg::MapColumns)}</strong>" "{lang.t(Msg::MapColumnsHint)}</p>
            <div class="mf-mapping__fields">
                {fields.iter().zip(choices.iter()).map(|((key, label, required, _), sig)| {
                    let sig = *sig;
                    let header = header.clone();
                    view! {
                        <label class="mf-field">
                            <span>{lang.t(*label)}{if *required { " *" } else { "" }}</span>
                            <select data-testid=format!("map-{key}")
                                on:change=move |ev| sig.set(event_target_value(&ev).parse().ok())>
                                <option value="" selected=move || sig.get().is_none()>{lang.t(if *required { Msg::Choose } else { Msg::NoColumn })}</option>
                                {header.into_iter().enumerate().map(|(i, h)| view! {
                                    <option value=i.to_string() selected=move || sig.get() == Some(i)>{h}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    }
                }).collect_view()}
                <button class="mf-button mf-button--primary" data-testid="apply-mapping" disabled=move || !ready() on:click=apply>{lang.t(Msg::LoadWithColumns)}</button>
            </div>
            <div class="mf-table-wrap">
                <table class="mf-table mf-table--compact" data-testid="mapping-preview">
                    <thead><tr>{preview.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {preview.rows.iter().map(|r| view! { <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// "Your domains": shown when a file needs them to tell inbound from outbound.
#[component]
fn DomainsEditor() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let text = RwSignal::new(String::new());
    Effect::new(move |_| {
        let current = store.data.with(|ws| ws.domains().0.to_text());
        text.set(current);
    });
    let save = move |_| {
        let d = Domains::parse(&text.get_untracked());
        let d = (!d.is_empty()).then_some(d);
        prefs::save_domains(d.as_ref());
        store.data.update(|ws| ws.set_domains(d));
    };
    let reset = move |_| {
        prefs::save_domains(None);
        store.data.update(|ws| ws.set_domains(None));
    };
    move || {
        let (needs, by_user, unplaced) = store.data.with(|ws| (ws.needs_domains(), ws.domains().1, ws.placed().no_direction));
        needs.then(|| view! {
            <section class="mf-domains" data-testid="domains" aria-label=lang.t(Msg::YourDomains)>
                <label class="mf-field">
                    <span>{lang.t(Msg::YourDomains)}" "
                        <em>{lang.t(if by_user { Msg::DomainsYours } else { Msg::DomainsSuggested })}</em>
                    </span>
                    <input type="text" data-testid="domains-input" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))/>
                </label>
                <button class="mf-button" data-testid="domains-save" on:click=save>{lang.t(Msg::UseTheseDomains)}</button>
                {by_user.then(|| view! { <button class="mf-button" data-testid="domains-reset" on:click=reset>{lang.t(Msg::UseSuggestion)}</button> })}
                <p class="mf-note">{lang.t(Msg::DomainsNote)}
                    {(unplaced > 0).then(|| view! { <strong data-testid="unplaced">" "{lang.fill(Msg::Unplaced, &[&lang.count(unplaced, Msg::Deliveries)])}</strong> })}
                </p>
            </section>
        })
    }
}

/// Every file's summary, newest last, and the domains editor.
#[component]
pub fn LoadSummary() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    move || {
        let files = store.data.with(|d| d.reports());
        (!files.is_empty()).then(|| {
            let totals = store.data.with(|d| d.agg().direction_totals());
            let intra = totals[2].1;
            view! {
                <section class="mf-summary" aria-label=lang.t(Msg::LoadedFiles)>
                    <ul class="mf-files">
                        {files.into_iter().enumerate().map(|(i, r)| view! { <FileSummary report=r index=i/> }).collect_view()}
                    </ul>
                    <DomainsEditor/>
                    {(intra > 0).then(|| view! {
                        <p class="mf-note" data-testid="intra-org">
                            {lang.say(&Said::new(Msg::IntraOrgNote).count(intra))}
                        </p>
                    })}
                </section>
            }
        })
    }
}
