//! The app's state: what is loaded (the aggregate and the load summaries) and what the report
//! shows (dates, connector, direction, view), shared by every view through context.

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

use crate::aggregate::{ConnectorFilter, Filter};
use crate::chart::DailyView;
use crate::lang::Lang;
use crate::model::Direction;
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

static NEXT_UID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The app's signals, shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    /// What is loaded.
    pub data: RwSignal<Data>,
    /// Loads waiting or running, for their progress bars.
    pub progress: RwSignal<Vec<crate::ui::jobs::Progress>>,
    /// The loading queue and its worker.
    pub jobs: StoredValue<crate::ui::jobs::Jobs, LocalStorage>,
    /// A passing message about loading (a cancelled file).
    pub notice: RwSignal<Option<String>>,
    /// Where each loaded file can be read again from (with other options: dates, column mapping,
    /// a log's year), by the file's position in the workspace, with the name to read it under.
    pub retained: StoredValue<Vec<Option<(crate::ui::jobs::Source, String)>>, LocalStorage>,
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
    /// The viewport's width in CSS pixels, for fitting charts.
    pub width: RwSignal<u32>,
    /// The interface's language. The shell rebuilds its views when it changes, so views read it
    /// once, with [`Store::lang`], while they are built.
    pub lang: RwSignal<Lang>,
    /// This instance's number, to keep element ids unique when a page holds several.
    pub uid: u32,
    /// Where events go when a host page embeds the app (`loaded`, `error`, `filterchange`).
    pub events: StoredValue<Option<crate::ui::embed::Listener>, LocalStorage>,
}

impl Store {
    /// A store with nothing loaded and the report's defaults (last 7 days, all mail flow).
    pub fn new() -> Store {
        Store {
            data: RwSignal::new(Data::default()),
            progress: RwSignal::new(Vec::new()),
            jobs: StoredValue::new_local(Default::default()),
            notice: RwSignal::new(None),
            retained: StoredValue::new_local(Vec::new()),
            range: RwSignal::new(Range::Last(7)),
            connector: RwSignal::new(ConnectorFilter::All),
            direction: RwSignal::new(None),
            view: RwSignal::new(DailyView::MailFlow),
            flyout_open: RwSignal::new(false),
            width: RwSignal::new(1200),
            events: StoredValue::new_local(None),
            lang: RwSignal::new(Lang::En),
            uid: NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
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

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
