//! The app's state: what is loaded (the aggregate and the load summaries), what is loading (the
//! progress bars), what the report shows (dates, connector, direction, view) and where events go
//! when a host page embeds the app; shared by every view through context. A leaf: it knows no
//! other part of the interface.

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use crate::aggregate::{ConnectorFilter, Filter};
use crate::load::FileReport;
use crate::chart::DailyView;
use crate::lang::Lang;
use crate::model::Direction;
use crate::partner_table::SortKey;
use crate::workspace::Workspace;

/// Everything loaded so far: the files, their joins, your domains and the aggregate.
pub type Data = Workspace;

/// The date range the report shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// The last N days of the loaded data (ending on its newest day, not today).
    Last(u32),
    /// Every day the data covers.
    All,
    /// From and to, inclusive.
    Custom(NaiveDate, NaiveDate),
}

impl Range {
    /// The days this range stands for, given the data's span.
    pub fn resolve(self, span: Option<(NaiveDate, NaiveDate)>) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Range::Custom(a, b) => Some((a, b)),
            Range::All => span,
            Range::Last(n) => span.map(|(_, end)| (end - Duration::days(n as i64 - 1), end)),
        }
    }

    /// The value of the preset selector.
    pub fn preset_value(self) -> &'static str {
        match self {
            Range::Last(7) => "7",
            Range::Last(30) => "30",
            Range::Last(90) => "90",
            Range::All => "all",
            _ => "custom",
        }
    }
}

/// Where a load's bytes come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// A dropped or picked file, or bytes a host page handed over.
    Blob(web_sys::Blob),
    /// A web address, fetched with a GET.
    Url(String),
}

/// A load as its progress bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// The job's number.
    pub id: u32,
    /// The file's name.
    pub name: String,
    /// Its size, when known.
    pub total: Option<f64>,
    /// Bytes read so far.
    pub bytes: f64,
    /// Deliveries counted so far.
    pub deliveries: f64,
    /// When reading started (ms since the epoch); `None` while it waits its turn.
    pub started: Option<f64>,
    /// Read, and being added to the report (joined with what is loaded).
    pub adding: bool,
}

impl Progress {
    /// Percent read, when the size is known.
    pub fn percent(&self) -> Option<f64> {
        self.total.filter(|t| *t > 0.0).map(|t| (self.bytes / t * 100.0).clamp(0.0, 100.0))
    }

    /// Bytes per second since reading started.
    pub fn speed(&self, now: f64) -> Option<f64> {
        let secs = (now - self.started?) / 1000.0;
        (secs > 0.2 && self.bytes > 0.0).then(|| self.bytes / secs)
    }

    /// Seconds left at the current speed, when the size is known.
    pub fn seconds_left(&self, now: f64) -> Option<f64> {
        Some(((self.total? - self.bytes).max(0.0)) / self.speed(now)?)
    }
}

/// How much of the report below the widget is drawn. The connector report and the Partners view
/// do the most work of any view, so each is drawn in a task of its own after the summary and the
/// widget: when data first arrives, and again when a file is added to much data (rather than
/// both updated in place in the task that adds the file: 58-100 ms for the 200 MB partners CSV
/// added to a report that held a one-line file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Below {
    /// Neither is drawn; the shell draws them, a task apart, once there is data.
    Hidden,
    /// Neither is drawn while a file is being added; the loading sets `Hidden` after, and the
    /// shell draws them again.
    Waiting,
    /// The connector report is drawn.
    Report,
    /// Both are drawn.
    All,
}

/// Where an instance's events go: the event name and its detail object.
pub type Listener = Rc<dyn Fn(&str, JsValue)>;

/// Rows the Partners view's table shows at first ("Show more" adds 200 at a time; the search
/// narrows the rest): drawing thousands of rows at once would hold the page up.
pub const PARTNER_ROWS: usize = 50;

static NEXT_UID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The app's signals, shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    /// What is loaded.
    pub data: RwSignal<Data>,
    /// Loads waiting or running, for their progress bars.
    pub progress: RwSignal<Vec<Progress>>,
    /// A passing message about loading (a cancelled file).
    pub notice: RwSignal<Option<String>>,
    /// Where each loaded file can be read again from (with other options: dates, column mapping,
    /// a log's year), by the file's position in the workspace, with the name to read it under.
    pub retained: StoredValue<Vec<Option<(Source, String)>>, LocalStorage>,
    /// The report's dates.
    pub range: RwSignal<Range>,
    /// The report's connector choice.
    pub connector: RwSignal<ConnectorFilter>,
    /// The report's direction choice (`None` = both).
    pub direction: RwSignal<Option<Direction>>,
    /// Mail flow or TLS usage.
    pub view: RwSignal<DailyView>,
    /// Whether the TLS flyout is open.
    pub flyout_open: RwSignal<bool>,
    /// The partner whose detail the Partners view shows (set there, or from an insight).
    pub partner: RwSignal<Option<String>>,
    /// What the Partners view's search holds.
    pub partner_query: RwSignal<String>,
    /// The viewport's width in CSS pixels, for fitting charts.
    pub width: RwSignal<u32>,
    /// The interface's language. The shell rebuilds its views when it changes, so views read it
    /// once, with [`Store::lang`], while they are built.
    pub lang: RwSignal<Lang>,
    /// This instance's number, to keep element ids unique when a page holds several.
    pub uid: u32,
    /// Where events go when a host page embeds the app (`loaded`, `error`, `filterchange`).
    pub events: StoredValue<Option<Listener>, LocalStorage>,
    /// Views draw every part in the task that builds them, not in stages one task after
    /// another (the drawing at start-up that has the browser compile the views' code).
    pub at_once: bool,
    /// How much of the report below the widget is drawn.
    pub below: RwSignal<Below>,
    /// How the Partners view sorts (the column, descending) and how many of its rows it shows.
    pub partner_order: RwSignal<(SortKey, bool)>,
    pub partner_limit: RwSignal<usize>,
    /// The height (CSS pixels) the report keeps while the views below the widget are drawn
    /// again, until the Partners view's last stage, so that the page does not get shorter for a
    /// moment and lose where it was scrolled.
    pub held_height: RwSignal<Option<i32>>,
}

impl Store {
    /// A store with nothing loaded and the report's defaults (last 7 days, all mail flow).
    pub fn new() -> Store {
        Store {
            data: RwSignal::new(Data::default()),
            progress: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            retained: StoredValue::new_local(Vec::new()),
            range: RwSignal::new(Range::Last(7)),
            connector: RwSignal::new(ConnectorFilter::All),
            direction: RwSignal::new(None),
            view: RwSignal::new(DailyView::MailFlow),
            flyout_open: RwSignal::new(false),
            partner: RwSignal::new(None),
            partner_query: RwSignal::new(String::new()),
            width: RwSignal::new(1200),
            events: StoredValue::new_local(None),
            lang: RwSignal::new(Lang::En),
            uid: NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            at_once: false,
            below: RwSignal::new(Below::Hidden),
            partner_order: RwSignal::new((SortKey::Total, true)),
            partner_limit: RwSignal::new(PARTNER_ROWS),
            held_height: RwSignal::new(None),
        }
    }

    /// Takes the views below the widget away until they are drawn again (see [`Below`]), the
    /// report keeping its height meanwhile. True when they were drawn.
    pub fn hide_below(&self) -> bool {
        if self.below.get_untracked() < Below::Report {
            return false;
        }
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&self.id("main")))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|e| e.offset_height());
        self.held_height.set(height);
        self.below.set(Below::Waiting);
        true
    }

    /// The report's filter without tracking, for event handlers.
    pub fn filter_untracked(&self) -> Option<Filter> {
        let span = self.data.with_untracked(|d| d.agg().span())?;
        let (from, to) = self.range.get_untracked().resolve(Some(span))?;
        Some(Filter { from, to, connector: self.connector.get_untracked(), direction: self.direction.get_untracked() })
    }

    /// The report's filter, or `None` while nothing is loaded.
    pub fn filter(&self) -> Option<Filter> {
        let span = self.data.with(|d| d.agg().span())?;
        let (from, to) = self.range.get().resolve(Some(span))?;
        Some(Filter { from, to, connector: self.connector.get(), direction: self.direction.get() })
    }

    /// The widget's window: the last 7 days of the data.
    pub fn widget_window(&self) -> Option<(NaiveDate, NaiveDate)> {
        Range::Last(7).resolve(self.data.with(|d| d.agg().span()))
    }

    /// The interface's language now.
    pub fn lang(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// An element id unique to this instance: `mf{uid}-{name}`.
    pub fn id(&self, name: &str) -> String {
        format!("mf{}-{name}", self.uid)
    }

    /// The width charts in the main column get.
    pub fn chart_width(&self) -> u32 {
        self.width.get().saturating_sub(64).clamp(280, 1136)
    }
}

impl Default for Store {
    fn default() -> Store {
        Store::new()
    }
}

/// Sends an event to the host page, if one listens.
pub fn emit(store: &Store, event: &str, detail: Vec<(&'static str, String)>) {
    let listener = store.events.try_with_value(|l| l.clone()).flatten();
    if let Some(l) = listener {
        let pairs: Vec<(&str, JsValue)> = detail.iter().map(|(k, v)| (*k, JsValue::from_str(v))).collect();
        l(event, crate::worker::object(&pairs).into());
    }
}

/// Tells the host page that a file loaded (`loaded`) or could not be used (`error`).
pub fn emit_load(store: &Store, report: &FileReport) {
    match &report.error {
        Some(e) => emit(store, "error", vec![("file", report.name.clone()), ("message", store.lang().say(e))]),
        None => emit(store, "loaded", vec![
            ("file", report.name.clone()),
            ("format", report.format.map(|m| Lang::En.t(m)).unwrap_or("").to_string()),
            ("deliveries", report.stats.deliveries.to_string()),
        ]),
    }
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
