//! Charts drawn with plotters to SVG: the TLS share bars of the widget and flyout, and the
//! connector report's "Mail flow" (messages per day) and "TLS usage" (100% stacked per day) views.
//!
//! Every chart takes its width so that views can fit it to the screen, returns `None` when there
//! is nothing to draw (the view shows an empty state instead), and adds a layer of hover areas
//! with `<title>` tooltips carrying exact numbers. All text from data is escaped.

use chrono::{Datelike, NaiveDate};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use crate::aggregate::{DirCounts, TlsCounts};
use crate::model::Direction;
use crate::security::Level;
use crate::lang::{Lang, Msg};
use crate::text::escape;
use crate::tls::Tls;

/// Colour of inbound columns (sky blue).
pub const INBOUND_COLOUR: (u8, u8, u8) = (0x56, 0xB4, 0xE9);
/// Colour of outbound columns (indigo).
pub const OUTBOUND_COLOUR: (u8, u8, u8) = (0x33, 0x22, 0x88);

/// The colour of a direction's columns.
pub fn direction_colour(d: Direction) -> (u8, u8, u8) {
    match d {
        Direction::Inbound => INBOUND_COLOUR,
        _ => OUTBOUND_COLOUR,
    }
}

/// A CSS hex colour.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

pub(crate) fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// Text colour that reads on a fill: white on dark fills, near-black on light ones.
fn ink_on((r, g, b): (u8, u8, u8)) -> RGBColor {
    let luma = 0.299 * r as f64 + 0.587 * g as f64 + 0.114 * b as f64;
    if luma < 150.0 {
        WHITE
    } else {
        RGBColor(0x1b, 0x1b, 0x1b)
    }
}

pub(crate) const FONT: &str = "sans-serif";

/// Plotters writes SVG font sizes as points (size / 1.24); this gives a size in CSS pixels.
pub(crate) fn px(size: u32) -> f64 {
    size as f64 * 1.24
}
pub(crate) const AXIS_INK: RGBColor = RGBColor(0x44, 0x44, 0x44);

/// A hover area with its tooltip, in SVG pixels.
pub(crate) struct Hit {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
    title: String,
}

/// Puts the hover layer into the SVG plotters drew, and a title for screen readers.
pub(crate) fn finish(svg: String, label: &str, hits: &[Hit]) -> String {
    let mut layer = String::from("<g class=\"mf-hits\" fill=\"transparent\">");
    for h in hits {
        let (x, y) = (h.x0.min(h.x1), h.y0.min(h.y1));
        let (w, hgt) = ((h.x1 - h.x0).abs().max(1), (h.y1 - h.y0).abs().max(1));
        layer.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{hgt}\"><title>{}</title></rect>",
            escape(&h.title)
        ));
    }
    layer.push_str("</g>");
    let svg = patterned(&svg);
    let svg = svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(label)), 1);
    match svg.rsplit_once("</svg>") {
        Some((body, after)) => format!("{body}{layer}</svg>{after}"),
        None => svg,
    }
}

/// The values the insights warn about, and the pattern each is filled with on top of its colour,
/// so that colour is never the only thing that tells them apart (in print, for colour-blind
/// readers, in forced colours): No TLS hatched, TLS 1.0 dotted.
const PATTERNED: [(Tls, &str, &str); 2] = [
    (Tls::None, "none", "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" stroke=\"#FFFFFF\" stroke-width=\"1.6\" stroke-opacity=\"0.85\"/>"),
    (Tls::V1_0, "tls10", "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#1B1B1B\" fill-opacity=\"0.75\"/>"),
];

/// Fills the bars and legend swatches of the values in [`PATTERNED`] with their pattern. The
/// ids are the chart's own (a count of charts drawn), so that charts on one page never share one.
fn patterned(svg: &str) -> String {
    static CHARTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let key = CHARTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut defs = String::from("<defs>");
    let mut out = String::with_capacity(svg.len() + 600);
    for (tls, name, mark) in PATTERNED {
        let (r, g, b) = tls.colour();
        defs.push_str(&format!(
            "<pattern id=\"mf-{name}-{key:x}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#{r:02X}{g:02X}{b:02X}\"/>{mark}</pattern>"
        ));
    }
    defs.push_str("</defs>");
    for line in svg.split_inclusive('\n') {
        let mut line = line.to_string();
        if line.starts_with("<rect") {
            for (tls, name, _) in PATTERNED {
                let (r, g, b) = tls.colour();
                line = line.replace(&format!("fill=\"#{r:02X}{g:02X}{b:02X}\""), &format!("fill=\"url(#mf-{name}-{key:x})\""));
            }
        }
        out.push_str(&line);
        if line.starts_with("<svg ") {
            out.push_str(&defs);
        }
    }
    out
}

/// Rough width of text in pixels, for laying out legends (exact measuring needs a browser).
pub(crate) fn text_width(text: &str, size: u32) -> i32 {
    (text.chars().count() as f64 * size as f64 * 0.58).ceil() as i32
}

pub(crate) type DrawResult<T> = Result<T, Box<dyn std::error::Error>>;

/// The height a legend of these items takes when wrapped at `width`.
fn legend_height(items: &[(String, (u8, u8, u8))], width: i32) -> i32 {
    let (mut cx, mut rows) = (0, 1);
    for (label, _) in items {
        let w = 16 + text_width(label, 12) + 14;
        if cx + w > width && cx > 0 {
            cx = 0;
            rows += 1;
        }
        cx += w;
    }
    rows * 18
}

/// Draws a legend of coloured boxes and labels from `(x, y)`, wrapping at `width`; returns the
/// height it took.
pub(crate) fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    items: &[(String, (u8, u8, u8))],
    x: i32,
    y: i32,
    width: i32,
) -> DrawResult<i32>
where
    DB::ErrorType: 'static,
{
    let (mut cx, mut cy) = (x, y);
    for (label, colour) in items {
        let w = 16 + text_width(label, 12) + 14;
        if cx + w > x + width && cx > x {
            cx = x;
            cy += 18;
        }
        area.draw(&Rectangle::new([(cx, cy + 2), (cx + 11, cy + 13)], rgb(*colour).filled()))?;
        area.draw(&Text::new(label.clone(), (cx + 15, cy + 1), (FONT, px(12)).into_font().color(&AXIS_INK)))?;
        cx += w;
    }
    Ok(cy + 18 - y)
}

/// Horizontal 100% bars of the TLS share per row (the widget's and flyout's chart): one row per
/// direction, segments for No TLS to TLS 1.3 as shares of deliveries with known TLS.
/// Returns `None` when no row has a delivery with known TLS.
pub fn tls_share_bars(rows: &[(Direction, TlsCounts)], width: u32, lang: Lang) -> Option<String> {
    if rows.iter().all(|(_, c)| c.known() == 0) {
        return None;
    }
    let width = width.max(240);
    let bar_h = 26;
    let label_w = 96.min(width as i32 / 4);
    let legend_items = tls_legend(Tls::KNOWN.iter(), lang);
    let legend_h = legend_height(&legend_items, width as i32 - label_w);
    let height = (rows.len() as i32 * (bar_h + 22) + 16 + legend_h) as u32;
    let mut svg = String::new();
    let mut hits = Vec::new();
    draw_share_bars(&mut svg, rows, (width, height), bar_h, label_w, lang, &mut hits).ok()?;
    let label = rows
        .iter()
        .map(|(d, c)| lang.fill(Msg::ModernShareLabel, &[&lang.direction(*d), &lang.percent(c.modern_share())]))
        .collect::<Vec<_>>()
        .join("; ");
    Some(finish(svg, &label, &hits))
}

fn draw_share_bars(
    svg: &mut String,
    rows: &[(Direction, TlsCounts)],
    (width, height): (u32, u32),
    bar_h: i32,
    label_w: i32,
    lang: Lang,
    hits: &mut Vec<Hit>,
) -> DrawResult<()> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let bar_w = width as i32 - label_w - 12;
    for (i, (dir, counts)) in rows.iter().enumerate() {
        let y = 6 + i as i32 * (bar_h + 22);
        root.draw(&Text::new(lang.direction(*dir).to_string(), (0, y + 7), (FONT, px(13)).into_font().color(&AXIS_INK)))?;
        let known = counts.known();
        let messages = lang.count(counts.total(), Msg::Messages);
        let caption = if counts.get(Tls::Unknown) > 0 {
            lang.fill(Msg::WithTlsUnknown, &[&messages, &lang.thousands(counts.get(Tls::Unknown))])
        } else {
            messages
        };
        root.draw(&Text::new(caption, (label_w, y + bar_h + 4), (FONT, px(11)).into_font().color(&AXIS_INK)))?;
        if known == 0 {
            root.draw(&Rectangle::new([(label_w, y), (label_w + bar_w, y + bar_h)], RGBColor(0xee, 0xee, 0xee).filled()))?;
            continue;
        }
        let mut x = label_w as f64;
        for tls in Tls::KNOWN {
            let n = counts.get(tls);
            if n == 0 {
                continue;
            }
            let w = n as f64 / known as f64 * bar_w as f64;
            let (x0, x1) = (x.round() as i32, (x + w).round() as i32);
            root.draw(&Rectangle::new([(x0, y), (x1.max(x0 + 1), y + bar_h)], rgb(tls.colour()).filled()))?;
            let share = counts.share(tls);
            let text = lang.percent(share);
            if (x1 - x0) > text_width(&text, 11) + 6 {
                root.draw(&Text::new(text, (x0 + 3, y + 7), (FONT, px(11)).into_font().color(&ink_on(tls.colour()))))?;
            }
            hits.push(Hit {
                x0,
                y0: y,
                x1: x1.max(x0 + 1),
                y1: y + bar_h,
                title: lang.fill(
                    Msg::ShareHover,
                    &[&lang.direction(*dir), &lang.tls(tls), &lang.count(n, Msg::Messages), &lang.percent(share)],
                ),
            });
            x += w;
        }
    }
    let items = tls_legend(Tls::KNOWN.iter(), lang);
    let top = 10 + rows.len() as i32 * (bar_h + 22);
    legend(&root, &items, label_w, top, width as i32 - label_w)?;
    root.present()?;
    Ok(())
}

/// Which daily chart to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DailyView {
    /// Messages per day, inbound and outbound side by side.
    MailFlow,
    /// The share of each TLS version per day, 100% stacked.
    TlsUsage,
    /// The share of each transit security level per day, 100% stacked over all messages.
    TransitSecurity,
    /// Not a daily chart: the mail-flow map of the whole window ([`crate::flow_map`]).
    Map,
}

impl DailyView {
    /// Every view, in the order the report offers them.
    pub const ALL: [DailyView; 4] = [DailyView::MailFlow, DailyView::TlsUsage, DailyView::TransitSecurity, DailyView::Map];

    /// The view's name in URLs and selects: `flow`, `tls`, `security`.
    pub fn key(self) -> &'static str {
        match self {
            DailyView::MailFlow => "flow",
            DailyView::TlsUsage => "tls",
            DailyView::TransitSecurity => "security",
            DailyView::Map => "map",
        }
    }

    /// The view a [`DailyView::key`] names.
    pub fn from_key(key: &str) -> Option<DailyView> {
        DailyView::ALL.into_iter().find(|v| v.key() == key)
    }

    /// The view's name in a downloaded chart's file name.
    pub fn file_name(self) -> &'static str {
        match self {
            DailyView::MailFlow => "mail-flow",
            DailyView::TlsUsage => "tls-usage",
            DailyView::TransitSecurity => "transit-security",
            DailyView::Map => "mail-flow-map",
        }
    }
}

/// The connector report's chart over `days` (one entry per day, as [`crate::aggregate::Aggregate::daily`]
/// gives), headed by `title` (the "Show data for" choice, which may hold untrusted connector names:
/// plotters escapes it). `directions` says which directions the filter shows. `None` when the days
/// hold no mail, and for [`DailyView::Map`], which [`crate::flow_map`] draws.
pub fn daily(
    days: &[(NaiveDate, DirCounts)],
    directions: &[Direction],
    view: DailyView,
    title: &str,
    width: u32,
    lang: Lang,
) -> Option<String> {
    let total: u64 = days.iter().map(|(_, c)| directions.iter().map(|d| c.get(*d).total()).sum::<u64>()).sum();
    if days.is_empty() || total == 0 {
        return None;
    }
    let width = width.max(280);
    let height = if width < 520 { 260 } else { 320 };
    let mut svg = String::new();
    let mut hits = Vec::new();
    let (first, last) = (lang.short_day(days[0].0), lang.short_day(days[days.len() - 1].0));
    let label = match view {
        DailyView::MailFlow => lang.fill(Msg::MessagesPerDay, &[&title, &first, &last]),
        DailyView::TlsUsage => lang.fill(Msg::TlsUsagePerDay, &[&title, &first, &last]),
        DailyView::TransitSecurity => lang.fill(Msg::SecurityPerDay, &[&title, &first, &last]),
        DailyView::Map => return None,
    };
    let frame = Frame { days, title, size: (width, height), lang };
    match view {
        DailyView::MailFlow => draw_mail_flow(&mut svg, &frame, directions, &mut hits).ok()?,
        DailyView::TlsUsage => draw_tls_usage(&mut svg, &frame, directions, &mut hits).ok()?,
        DailyView::TransitSecurity => draw_security(&mut svg, &frame, directions, &mut hits).ok()?,
        DailyView::Map => return None,
    }
    Some(finish(svg, &label, &hits))
}

/// Which days carry a label on the x axis, so that labels never overlap: every day when all
/// fit, every second or third day under two weeks, else the first day of each week (or of every
/// second, fourth, ... week) by the language's first day of the week, so that the axis reads as weeks do where its reader lives.
fn labelled_days(days: &[(NaiveDate, DirCounts)], plot_width: u32, lang: Lang) -> Vec<bool> {
    let fit = (plot_width as usize / 64).max(2);
    let n = days.len();
    if n <= fit {
        return vec![true; n];
    }
    if n < 14 {
        // Under two weeks, every k-th day from the first reads better than one or two week starts.
        let every = n.div_ceil(fit);
        return (0..n).map(|i| i % every == 0).collect();
    }
    let first = lang.first_weekday();
    let weeks = n.div_ceil(7);
    let every = weeks.div_ceil(fit).max(1).next_power_of_two();
    let mut week = 0;
    days.iter()
        .map(|(d, _)| {
            if d.weekday() != first {
                return false;
            }
            week += 1;
            (week - 1) % every == 0
        })
        .collect()
}

fn axis_day_formatter<'a>(days: &'a [(NaiveDate, DirCounts)], labelled: &'a [bool], lang: Lang) -> impl Fn(&f64) -> String + 'a {
    move |x: &f64| {
        if x.fract().abs() > 1e-9 || *x < 0.0 {
            return String::new();
        }
        let i = *x as usize;
        match (days.get(i), labelled.get(i)) {
            (Some((d, _)), Some(true)) => lang.short_day(*d),
            _ => String::new(),
        }
    }
}

/// Legend items for TLS values, in the given order.
fn tls_legend<'a>(values: impl Iterator<Item = &'a Tls>, lang: Lang) -> Vec<(String, (u8, u8, u8))> {
    values.map(|t| (lang.tls(*t).to_string(), t.colour())).collect()
}

/// What both daily charts are drawn from: the days, the heading, the size and the language.
struct Frame<'a> {
    days: &'a [(NaiveDate, DirCounts)],
    title: &'a str,
    size: (u32, u32),
    lang: Lang,
}

/// The plot area the daily charts draw in.
type DailyChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<DayAxis, RangedCoordf64>>;

/// The daily charts' x axis: a column per day, with ticks (and so labels) on exactly the days
/// [`labelled_days`] chose, however long the window.
struct DayAxis {
    columns: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ranged for DayAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.columns.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.columns.range()
    }
}

/// Draws what both daily charts share (heading, legend, axes with a day per column and the
/// y labels) and lets `bars` draw the columns.
fn draw_daily(
    svg: &mut String,
    frame: &Frame<'_>,
    items: &[(String, (u8, u8, u8))],
    y_max: f64,
    y_fmt: &dyn Fn(&f64) -> String,
    bars: impl FnOnce(&mut DailyChart<'_, '_>) -> DrawResult<()>,
) -> DrawResult<()> {
    let Frame { days, title, size: (width, height), lang } = *frame;
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    root.draw(&Text::new(title.to_string(), (56, 4), (FONT, px(13)).into_font().color(&RGBColor(0x1b, 0x1b, 0x1b))))?;
    let legend_h = legend(&root, items, 56, 24, width as i32 - 60)?;
    let (_, plot) = root.split_vertically(legend_h + 26);
    let n = days.len();
    let labelled = labelled_days(days, width - 70, lang);
    // The x axis's ticks are exactly the labelled days, however long the window.
    let ticks: Vec<f64> = labelled.iter().enumerate().filter(|(_, l)| **l).map(|(i, _)| i as f64).collect();
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(12)
        .x_label_area_size(28)
        .y_label_area_size(56)
        .build_cartesian_2d(DayAxis { columns: (-0.5f64..(n as f64 - 0.5)).into(), ticks }, 0f64..y_max)?;
    let fmt = axis_day_formatter(days, &labelled, lang);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n.max(2))
        .x_label_formatter(&fmt)
        .y_labels(6)
        .y_label_formatter(y_fmt)
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(0xe2, 0xe2, 0xe2))
        .axis_style(RGBColor(0x99, 0x99, 0x99))
        .label_style((FONT, px(11)).into_font().color(&AXIS_INK))
        .draw()?;
    bars(&mut chart)?;
    drop(chart);
    root.present()?;
    Ok(())
}

/// The hover area of a whole day's column, from the axis to the top of the plot.
fn column_hit(chart: &DailyChart<'_, '_>, x0: f64, x1: f64, top: f64, title: String) -> Hit {
    let (px0, py0) = chart.backend_coord(&(x0, top));
    let (px1, py1) = chart.backend_coord(&(x1, 0.0));
    Hit { x0: px0, y0: py0, x1: px1, y1: py1, title }
}

fn draw_mail_flow(svg: &mut String, frame: &Frame<'_>, directions: &[Direction], hits: &mut Vec<Hit>) -> DrawResult<()> {
    let (days, lang) = (frame.days, frame.lang);
    let items: Vec<(String, (u8, u8, u8))> = directions.iter().map(|d| (lang.direction(*d).to_string(), direction_colour(*d))).collect();
    let max = days.iter().flat_map(|(_, c)| directions.iter().map(|d| c.get(*d).total())).max().unwrap_or(1).max(1) as f64 * 1.08;
    let y_fmt = |y: &f64| lang.thousands(y.round().max(0.0) as u64);
    draw_daily(svg, frame, &items, max, &y_fmt, |chart| {
        let slot = 0.8 / directions.len() as f64;
        for (i, (day, counts)) in days.iter().enumerate() {
            for (k, dir) in directions.iter().enumerate() {
                let v = counts.get(*dir).total() as f64;
                let x0 = i as f64 - 0.4 + k as f64 * slot;
                let x1 = x0 + slot * 0.92;
                chart.draw_series(std::iter::once(Rectangle::new([(x0, 0.0), (x1, v)], rgb(direction_colour(*dir)).filled())))?;
                let what = lang.count(v as u64, Msg::Messages);
                hits.push(column_hit(chart, x0, x1, max, lang.fill(Msg::FlowHover, &[&lang.short_day(*day), &lang.direction(*dir), &what])));
            }
        }
        Ok(())
    })
}

fn draw_tls_usage(svg: &mut String, frame: &Frame<'_>, directions: &[Direction], hits: &mut Vec<Hit>) -> DrawResult<()> {
    let (days, lang) = (frame.days, frame.lang);
    let items = tls_legend(Tls::KNOWN.iter().rev(), lang);
    let y_fmt = |y: &f64| lang.percent_value(*y, 0);
    draw_daily(svg, frame, &items, 100.0, &y_fmt, |chart| {
        for (i, (day, dc)) in days.iter().enumerate() {
            let counts = shown(dc, directions);
            let known = counts.known();
            if known == 0 {
                continue;
            }
            let (x0, x1) = (i as f64 - 0.38, i as f64 + 0.38);
            // Strongest at the bottom, No TLS on top where it catches the eye.
            let mut y = 0.0;
            let mut lines = vec![lang.fill(Msg::KnownTlsOnDay, &[&lang.short_day(*day), &lang.count(known, Msg::Messages)])];
            for tls in Tls::KNOWN.iter().rev() {
                let c = counts.get(*tls);
                if c == 0 {
                    continue;
                }
                let h = c as f64 * 100.0 / known as f64;
                chart.draw_series(std::iter::once(Rectangle::new([(x0, y), (x1, y + h)], rgb(tls.colour()).filled())))?;
                lines.push(format!("{}: {} ({})", lang.tls(*tls), lang.thousands(c), lang.percent(counts.share(*tls))));
                y += h;
            }
            if counts.get(Tls::Unknown) > 0 {
                lines.push(lang.fill(Msg::UnknownNotInShares, &[&lang.thousands(counts.get(Tls::Unknown))]));
            }
            hits.push(column_hit(chart, x0, x1, 100.0, lines.join("\n")));
        }
        Ok(())
    })
}

/// The counts of the directions shown, on one day.
fn shown(dc: &DirCounts, directions: &[Direction]) -> TlsCounts {
    let mut counts = TlsCounts::default();
    for d in directions {
        counts.add_all(&dc.get(*d));
    }
    counts
}

fn draw_security(svg: &mut String, frame: &Frame<'_>, directions: &[Direction], hits: &mut Vec<Hit>) -> DrawResult<()> {
    let (days, lang) = (frame.days, frame.lang);
    let items: Vec<(String, (u8, u8, u8))> = Level::ALL.iter().map(|l| (lang.level(*l).to_string(), l.colour())).collect();
    let y_fmt = |y: &f64| lang.percent_value(*y, 0);
    draw_daily(svg, frame, &items, 100.0, &y_fmt, |chart| {
        for (i, (day, dc)) in days.iter().enumerate() {
            let counts = shown(dc, directions);
            let total = counts.total();
            if total == 0 {
                continue;
            }
            let (x0, x1) = (i as f64 - 0.38, i as f64 + 0.38);
            // Verified at the bottom, then encrypted, No TLS, and what the source did not say on top.
            let mut y = 0.0;
            let mut lines = vec![lang.fill(Msg::LabelValue, &[&lang.short_day(*day), &lang.count(total, Msg::Messages)])];
            for level in Level::ALL {
                let c = counts.level(level);
                if c == 0 {
                    continue;
                }
                let h = c as f64 * 100.0 / total as f64;
                chart.draw_series(std::iter::once(Rectangle::new([(x0, y), (x1, y + h)], rgb(level.colour()).filled())))?;
                lines.push(format!("{}: {} ({})", lang.level(level), lang.thousands(c), lang.percent(counts.level_share(level))));
                y += h;
            }
            hits.push(column_hit(chart, x0, x1, 100.0, lines.join("\n")));
        }
        Ok(())
    })
}

/// A count with its share of all messages: `25 (25.0%)`.
fn level_and_share(counts: &TlsCounts, level: Level, lang: Lang) -> String {
    format!("{} ({})", lang.thousands(counts.level(level)), lang.percent(counts.level_share(level)))
}

/// A chart's numbers as a table: what a screen reader (or anyone who wants the figures) reads in
/// place of the picture. Cells are worded in the chart's language.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    /// The column headings.
    pub head: Vec<String>,
    /// The rows: the first cell names the row (a direction or a day).
    pub rows: Vec<Vec<String>>,
}

/// A count with its share of known TLS: `25 (25.0%)`.
fn count_and_share(counts: &TlsCounts, tls: Tls, lang: Lang) -> String {
    let n = counts.get(tls);
    match tls {
        Tls::Unknown => lang.thousands(n),
        _ => format!("{} ({})", lang.thousands(n), lang.percent(counts.share(tls))),
    }
}

fn tls_head(first: Msg, lang: Lang) -> Vec<String> {
    std::iter::once(lang.t(first).to_string()).chain(Tls::KNOWN.iter().chain([Tls::Unknown].iter()).map(|t| lang.tls(*t).to_string())).collect()
}

/// The table of [`tls_share_bars`]: per direction, each TLS value's count and share, and the total.
pub fn share_table(rows: &[(Direction, TlsCounts)], lang: Lang) -> DataTable {
    let mut head = tls_head(Msg::Direction, lang);
    head.push(lang.t(Msg::Total).to_string());
    let rows = rows
        .iter()
        .map(|(dir, c)| {
            let mut row = vec![lang.direction(*dir).to_string()];
            row.extend(Tls::KNOWN.iter().chain([Tls::Unknown].iter()).map(|t| count_and_share(c, *t, lang)));
            row.push(lang.thousands(c.total()));
            row
        })
        .collect();
    DataTable { head, rows }
}

/// The table of [`daily`]: per day, messages per direction (mail flow) or each TLS value's count
/// and share over the directions shown (TLS usage), or each transit security level's (the map's
/// days are given as mail flow).
pub fn daily_table(days: &[(NaiveDate, DirCounts)], directions: &[Direction], view: DailyView, lang: Lang) -> DataTable {
    let head = match view {
        DailyView::MailFlow | DailyView::Map => std::iter::once(lang.t(Msg::Date).to_string()).chain(directions.iter().map(|d| lang.direction(*d).to_string())).collect(),
        DailyView::TlsUsage => tls_head(Msg::Date, lang),
        DailyView::TransitSecurity => {
            let levels = Level::ALL.iter().map(|l| lang.level(*l).to_string());
            std::iter::once(lang.t(Msg::Date).to_string()).chain(levels).chain([lang.t(Msg::Total).to_string()]).collect()
        }
    };
    let rows = days
        .iter()
        .map(|(day, dc)| {
            let mut row = vec![lang.long_day(*day)];
            match view {
                DailyView::MailFlow | DailyView::Map => row.extend(directions.iter().map(|d| lang.thousands(dc.get(*d).total()))),
                DailyView::TlsUsage => {
                    let counts = shown(dc, directions);
                    row.extend(Tls::KNOWN.iter().chain([Tls::Unknown].iter()).map(|t| count_and_share(&counts, *t, lang)));
                }
                DailyView::TransitSecurity => {
                    let counts = shown(dc, directions);
                    row.extend(Level::ALL.iter().map(|l| level_and_share(&counts, *l, lang)));
                    row.push(lang.thousands(counts.total()));
                }
            }
            row
        })
        .collect();
    DataTable { head, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True when the SVG has a text element reading exactly `text`.
    fn has_text(svg: &str, text: &str) -> bool {
        svg.contains(&format!(">\n{text}\n</text>")) || svg.contains(&format!(">{text}</text>"))
    }

    fn counts(v: [u64; 6]) -> TlsCounts {
        TlsCounts(v, [0; 2])
    }

    fn days(n: u32) -> Vec<(NaiveDate, DirCounts)> {
        (0..n)
            .map(|i| {
                let d = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + chrono::Duration::days(i as i64);
                (d, DirCounts { inbound: counts([1, 0, 0, 10 + i as u64, 5, 2]), outbound: counts([0, 3, 0, 7, 0, 0]) })
            })
            .collect()
    }

    #[test]
    fn share_bars_have_segments_tooltips_and_legend() {
        let svg = tls_share_bars(
            &[(Direction::Inbound, counts([25, 0, 0, 75, 0, 10])), (Direction::Outbound, counts([0, 0, 0, 50, 50, 0]))],
            600,
            Lang::En,
        )
        .unwrap();
        assert!(svg.starts_with("<svg role=\"img\""), "{}", &svg[..80]);
        assert!(svg.contains("Inbound — No TLS: 25 messages (25.0% of known TLS)"));
        assert!(svg.contains("Outbound — TLS 1.3: 50 messages (50.0% of known TLS)"));
        assert!(has_text(&svg, "110 messages, 10 with TLS unknown"));
        assert!(svg.contains(&hex(Tls::None.colour()).to_uppercase()) || svg.contains(&hex(Tls::None.colour())));
        // No TLS and TLS 1.0 are told apart by a pattern too: every bar and swatch of theirs uses it.
        let hatched = svg.lines().filter(|l| l.starts_with("<rect") && l.contains("fill=\"url(#mf-none-")).count();
        assert!(hatched >= 2, "the No TLS bar and its legend swatch are hatched: {hatched}");
        assert!(!svg.lines().any(|l| l.starts_with("<rect") && l.contains("fill=\"#D55E00\"")), "no plain No TLS fill is left");
        assert_eq!(svg.matches("<pattern id=\"mf-none-").count(), 1);
        for t in Tls::KNOWN {
            assert!(has_text(&svg, t.label()), "legend has {}", t.label());
        }
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn legend_wraps_inside_the_picture_on_narrow_screens() {
        let rows = [(Direction::Inbound, counts([1, 1, 1, 1, 1, 0]))];
        let svg = tls_share_bars(&rows, 240, Lang::En).unwrap();
        let height: i32 = svg.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        let last_text_y = svg
            .match_indices("<text x=\"")
            .map(|(i, _)| svg[i..].split("y=\"").nth(1).unwrap().split('"').next().unwrap().parse::<i32>().unwrap())
            .max()
            .unwrap();
        assert!(last_text_y + 14 <= height, "legend text at {last_text_y} fits in {height}");
        assert!(legend_height(&vec![("TLS 1.2".to_string(), (0, 0, 0)); 5], 120) > 18);
    }

    #[test]
    fn empty_data_gives_no_chart() {
        assert!(tls_share_bars(&[(Direction::Inbound, counts([0, 0, 0, 0, 0, 7]))], 600, Lang::En).is_none());
        assert!(daily(&[], &[Direction::Inbound], DailyView::MailFlow, "t", 600, Lang::En).is_none());
        let zero = vec![(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), DirCounts::default())];
        assert!(daily(&zero, &[Direction::Inbound], DailyView::TlsUsage, "t", 600, Lang::En).is_none());
    }

    #[test]
    fn mail_flow_columns_per_day_and_direction() {
        let d = days(7);
        let svg = daily(&d, &[Direction::Inbound, Direction::Outbound], DailyView::MailFlow, "All mail flow", 800, Lang::En).unwrap();
        assert_eq!(svg.matches("<title>").count(), 14, "one hover area per day and direction");
        assert!(svg.contains("Nov 1 — Inbound: 18 messages"));
        assert!(svg.contains("Nov 7 — Outbound: 10 messages"));
        assert!(has_text(&svg, "Nov 3"), "day labels on the axis");
    }

    #[test]
    fn tls_usage_tooltips_keep_unknown_apart() {
        let d = days(3);
        let svg = daily(&d, &[Direction::Inbound], DailyView::TlsUsage, "t", 800, Lang::En).unwrap();
        assert_eq!(svg.matches("<title>").count(), 3);
        assert!(svg.contains("Nov 1: 16 messages with known TLS"));
        assert!(svg.contains("TLS 1.2: 10 (62.5%)"));
        assert!(svg.contains("Unknown (not in shares): 2"));
        assert!(has_text(&svg, "100%"));
    }

    #[test]
    fn transit_security_stacks_every_level_over_all_messages() {
        // 20 messages: 8 verified, 6 encrypted without verification, 4 without TLS, 2 not said.
        let c = TlsCounts([4, 0, 0, 12, 2, 2], [8, 6]);
        let d = vec![(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), DirCounts { inbound: c, outbound: counts([0, 0, 0, 5, 0, 0]) })];
        let svg = daily(&d, &[Direction::Inbound], DailyView::TransitSecurity, "All inbound", 800, Lang::En).unwrap();
        assert!(svg.contains("All inbound: transit security per day, Nov 1 to Nov 1"));
        assert!(svg.contains("Nov 1: 20 messages"));
        assert!(svg.contains("Verified: 8 (40.0%)"));
        assert!(svg.contains("Encrypted, not verified: 6 (30.0%)"));
        assert!(svg.contains("No TLS: 4 (20.0%)"));
        assert!(svg.contains("Not said: 2 (10.0%)"));
        for level in Level::ALL {
            assert!(has_text(&svg, Lang::En.level(level)), "legend has {level:?}");
        }
        let t = daily_table(&d, &[Direction::Inbound, Direction::Outbound], DailyView::TransitSecurity, Lang::En);
        assert_eq!(t.head, ["Date", "Verified", "Encrypted, not verified", "No TLS", "Not said", "Total"]);
        assert_eq!(t.rows[0], ["Nov 1, 2026", "8 (32.0%)", "6 (24.0%)", "4 (16.0%)", "7 (28.0%)", "25"], "outbound's 5 are not said");
    }

    #[test]
    fn narrow_screens_get_fewer_labels() {
        let d = days(30);
        let wide = daily(&d, &[Direction::Inbound], DailyView::MailFlow, "t", 1400, Lang::En).unwrap();
        let narrow = daily(&d, &[Direction::Inbound], DailyView::MailFlow, "t", 360, Lang::En).unwrap();
        let labels = |svg: &str| svg.matches(">\nNov ").count();
        assert!(labels(&narrow) < labels(&wide), "{} < {}", labels(&narrow), labels(&wide));
        assert!(labels(&narrow) <= 6);
    }

    #[test]
    fn every_chart_has_its_numbers_as_a_table() {
        let rows = [(Direction::Inbound, counts([25, 0, 0, 75, 0, 10]))];
        let t = share_table(&rows, Lang::En);
        assert_eq!(t.head, ["Direction", "No TLS", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3", "Unknown", "Total"]);
        assert_eq!(t.rows, [["Inbound", "25 (25.0%)", "0 (0.0%)", "0 (0.0%)", "75 (75.0%)", "0 (0.0%)", "10", "110"]]);
        let d = days(2);
        let flow = daily_table(&d, &[Direction::Inbound, Direction::Outbound], DailyView::MailFlow, Lang::De);
        assert_eq!(flow.head, ["Datum", "Eingehend", "Ausgehend"]);
        assert_eq!(flow.rows[0], ["01.11.2026", "18", "10"]);
        let tls = daily_table(&d, &[Direction::Inbound], DailyView::TlsUsage, Lang::En);
        assert_eq!(tls.rows[1][0], "Nov 2, 2026");
        assert_eq!(tls.rows[1][4], "11 (64.7%)", "{:?}", tls.rows[1]);
    }

    #[test]
    fn long_spans_are_labelled_by_the_languages_week() {
        let d = days(90);
        for (lang, first) in [(Lang::En, chrono::Weekday::Sun), (Lang::De, chrono::Weekday::Mon), (Lang::Ja, chrono::Weekday::Sun)] {
            let svg = daily(&d, &[Direction::Inbound], DailyView::MailFlow, "t", 800, lang).unwrap();
            let labelled: Vec<NaiveDate> = d.iter().map(|(day, _)| *day).filter(|day| has_text(&svg, &lang.short_day(*day))).collect();
            assert!(labelled.len() >= 4 && labelled.len() <= 11, "{lang:?}: {labelled:?}");
            assert!(labelled.iter().all(|day| day.weekday() == first), "{lang:?}: {labelled:?}");
        }
        // Two years: still week starts (every fourth or eighth week), each one drawn.
        let d = days(730);
        let chosen: Vec<NaiveDate> = labelled_days(&d, 730, Lang::En).iter().zip(&d).filter(|(l, _)| **l).map(|(_, (day, _))| *day).collect();
        assert!(chosen.len() >= 4 && chosen.len() <= 11, "{chosen:?}");
        assert!(chosen.iter().all(|day| day.weekday() == chrono::Weekday::Sun), "{chosen:?}");
        let svg = daily(&d, &[Direction::Inbound], DailyView::MailFlow, "t", 800, Lang::En).unwrap();
        assert!(chosen.iter().all(|day| has_text(&svg, &Lang::En.short_day(*day))), "every chosen day is drawn");
        let week = days(7);
        let svg = daily(&week, &[Direction::Inbound], DailyView::MailFlow, "t", 800, Lang::De).unwrap();
        assert!(week.iter().all(|(day, _)| has_text(&svg, &Lang::De.short_day(*day))), "a week that fits shows every day");
    }

    #[test]
    fn charts_speak_german() {
        let svg = tls_share_bars(&[(Direction::Inbound, counts([20, 0, 0, 1980, 0, 10]))], 600, Lang::De).unwrap();
        assert!(svg.contains("Eingehend – Kein TLS: 20 Nachrichten (1,0\u{a0}% der bekannten TLS-Werte)"), "{svg}");
        assert!(has_text(&svg, "2.010 Nachrichten, bei 10 TLS unbekannt"));
        assert!(has_text(&svg, "Kein TLS") && has_text(&svg, "Eingehend"));
        assert!(svg.contains("aria-label=\"Eingehend: 99,0\u{a0}% der E-Mails mit bekannter TLS-Version nutzten TLS 1.2 oder neuer\""));
        let d = days(3);
        let flow = daily(&d, &[Direction::Outbound], DailyView::MailFlow, "Gesamter Nachrichtenfluss", 800, Lang::De).unwrap();
        assert!(flow.contains("01.11. – Ausgehend: 10 Nachrichten"), "{flow}");
        assert!(has_text(&flow, "02.11."), "German day labels on the axis");
        let tls = daily(&d, &[Direction::Inbound], DailyView::TlsUsage, "t", 800, Lang::De).unwrap();
        assert!(tls.contains("TLS 1.2: 10 (62,5\u{a0}%)") && tls.contains("Unbekannt (nicht in den Anteilen): 2"));
        assert!(has_text(&tls, "100\u{a0}%"));
        assert!(!tls.contains("messages") && !flow.contains("Inbound"));
    }

    #[test]
    fn plotters_escapes_a_hostile_title() {
        let d = days(2);
        for view in [DailyView::MailFlow, DailyView::TlsUsage] {
            let svg = daily(&d, &[Direction::Inbound], view, "Outbound connector “<img src=x onerror=alert(1)>\"><script>x</script>”", 600, Lang::En).unwrap();
            assert!(!svg.contains("<img"), "{view:?}");
            assert!(!svg.contains("<script"), "{view:?}");
            assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{view:?}");
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let svg = finish("<svg width=\"1\"></svg>".into(), "<script>x</script>", &[Hit {
            x0: 0,
            y0: 0,
            x1: 1,
            y1: 1,
            title: "<img src=x onerror=alert(1)>".into(),
        }]);
        assert!(!svg.contains("<img"));
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
}
