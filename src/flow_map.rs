//! The mail-flow map of a window: for one direction, the partners on the left, the connectors
//! (and mail without a connector) in the middle and the TLS outcome on the right, with bands as
//! wide as their volume (a flow, or Sankey, diagram drawn with plotters to SVG), each band's
//! number on hover, and the same numbers as a table.

use plotters::prelude::*;

use crate::aggregate::{Aggregate, Filter, TlsCounts};
use crate::chart::{finish, legend, px, rgb, text_width, DataTable, DrawResult, AXIS_INK, FONT};
use crate::lang::{Lang, Msg};
use crate::model::Direction;
use crate::text::escape;
use crate::tls::Tls;

/// A node on the left: a partner, the partners past the largest few, or mail whose partner the
/// source did not name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// One partner (untrusted text).
    Partner(String),
    /// This many partners past the largest, put together.
    Others(usize),
    /// Mail whose partner the source did not name.
    Unnamed,
}

/// The TLS outcome on the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// TLS 1.2 or 1.3.
    Modern,
    /// TLS 1.0 or 1.1.
    Old,
    /// No TLS.
    NoTls,
    /// The source does not say.
    Unknown,
}

impl Outcome {
    /// Every outcome, best first.
    pub const ALL: [Outcome; 4] = [Outcome::Modern, Outcome::Old, Outcome::NoTls, Outcome::Unknown];

    fn of(counts: &TlsCounts, outcome: Outcome) -> u64 {
        match outcome {
            Outcome::Modern => counts.get(Tls::V1_2).saturating_add(counts.get(Tls::V1_3)),
            Outcome::Old => counts.get(Tls::V1_0).saturating_add(counts.get(Tls::V1_1)),
            Outcome::NoTls => counts.get(Tls::None),
            Outcome::Unknown => counts.get(Tls::Unknown),
        }
    }

    fn colour(self) -> (u8, u8, u8) {
        match self {
            Outcome::Modern => Tls::V1_3.colour(),
            Outcome::Old => Tls::V1_0.colour(),
            Outcome::NoTls => Tls::None.colour(),
            Outcome::Unknown => Tls::Unknown.colour(),
        }
    }

    fn label(self, lang: Lang) -> String {
        match self {
            Outcome::Modern => lang.t(Msg::ModernTls).to_string(),
            Outcome::Old => lang.t(Msg::OldTls).to_string(),
            Outcome::NoTls => lang.tls(Tls::None).to_string(),
            Outcome::Unknown => lang.tls(Tls::Unknown).to_string(),
        }
    }
}

/// One direction's map: the nodes of each column with their volumes, and the bands between them
/// by node index.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowMap {
    /// Inbound or outbound.
    pub direction: Direction,
    /// The left column.
    pub sources: Vec<(Source, u64)>,
    /// The middle column: connectors by name, `None` for mail without a connector.
    pub connectors: Vec<(Option<String>, u64)>,
    /// The right column.
    pub outcomes: Vec<(Outcome, u64)>,
    /// Bands from a source to a connector.
    pub left: Vec<(usize, usize, u64)>,
    /// Bands from a connector to an outcome.
    pub right: Vec<(usize, usize, u64)>,
}

/// The map of one direction over the filter's window (its connector choice too), with the `top`
/// largest partners named and the rest put together; `None` when the direction has no mail.
pub fn build(agg: &Aggregate, f: &Filter, direction: Direction, top: usize) -> Option<FlowMap> {
    let groups: Vec<(Option<String>, TlsCounts)> =
        agg.by_connector(f).into_iter().filter(|(d, _, _)| *d == direction).map(|(_, i, c)| (i.map(|i| i.name.clone()), c)).collect();
    let total: u64 = groups.iter().map(|(_, c)| c.total()).sum();
    if total == 0 {
        return None;
    }
    let connectors: Vec<(Option<String>, u64)> = groups.iter().map(|(n, c)| (n.clone(), c.total())).collect();
    // Partners per connector, and their totals.
    let mut per: Vec<Vec<(String, u64)>> = Vec::with_capacity(groups.len());
    let mut totals: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for (name, _) in &groups {
        let list: Vec<(String, u64)> = agg.partners(f, direction, name.as_deref()).into_iter().map(|(p, c)| (p.to_string(), c.total())).collect();
        for (p, n) in &list {
            *totals.entry(p.clone()).or_default() += n;
        }
        per.push(list);
    }
    let mut ranked: Vec<(String, u64)> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let others = ranked.len().saturating_sub(top);
    let named: Vec<String> = ranked.iter().take(top).map(|(p, _)| p.clone()).collect();
    let mut sources: Vec<(Source, u64)> = named.iter().map(|p| (Source::Partner(p.clone()), 0)).collect();
    let (others_at, unnamed_at) = (sources.len(), sources.len() + usize::from(others > 0));
    if others > 0 {
        sources.push((Source::Others(others), 0));
    }
    sources.push((Source::Unnamed, 0));
    let mut left: std::collections::BTreeMap<(usize, usize), u64> = std::collections::BTreeMap::new();
    for (ci, (list, (_, counts))) in per.iter().zip(&groups).enumerate() {
        let mut named_here = 0u64;
        for (p, n) in list {
            let si = named.iter().position(|x| x == p).unwrap_or(others_at);
            *left.entry((si, ci)).or_default() += n;
            named_here = named_here.saturating_add(*n);
        }
        let rest = counts.total().saturating_sub(named_here);
        if rest > 0 {
            *left.entry((unnamed_at, ci)).or_default() += rest;
        }
    }
    for ((si, _), n) in &left {
        if let Some(s) = sources.get_mut(*si) {
            s.1 = s.1.saturating_add(*n);
        }
    }
    // Keep only sources with mail, renumbering the bands.
    let keep: Vec<usize> = (0..sources.len()).filter(|i| sources[*i].1 > 0).collect();
    let left: Vec<(usize, usize, u64)> =
        left.into_iter().filter_map(|((si, ci), n)| Some((keep.iter().position(|k| *k == si)?, ci, n))).collect();
    let sources: Vec<(Source, u64)> = keep.iter().map(|i| sources[*i].clone()).collect();
    let outcomes: Vec<(Outcome, u64)> = Outcome::ALL
        .iter()
        .map(|o| (*o, groups.iter().map(|(_, c)| Outcome::of(c, *o)).sum::<u64>()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut right = Vec::new();
    for (ci, (_, c)) in groups.iter().enumerate() {
        for (oi, (o, _)) in outcomes.iter().enumerate() {
            let n = Outcome::of(c, *o);
            if n > 0 {
                right.push((ci, oi, n));
            }
        }
    }
    Some(FlowMap { direction, sources, connectors, outcomes, left, right })
}

impl FlowMap {
    fn source_label(&self, i: usize, lang: Lang) -> String {
        match self.sources.get(i).map(|s| &s.0) {
            Some(Source::Partner(p)) => p.clone(),
            Some(Source::Others(n)) => lang.fill(Msg::OtherPartners, &[&lang.thousands(*n as u64)]),
            Some(Source::Unnamed) | None => lang.t(Msg::UnnamedPartner).to_string(),
        }
    }

    fn connector_label(&self, i: usize, lang: Lang) -> String {
        match self.connectors.get(i).and_then(|c| c.0.clone()) {
            Some(name) => name,
            None => lang.t(Msg::NoConnector).to_string(),
        }
    }

    fn outcome_label(&self, i: usize, lang: Lang) -> String {
        self.outcomes.get(i).map(|o| o.0.label(lang)).unwrap_or_default()
    }

    /// Every band as a row: from, to, messages (the map's accessible table).
    pub fn table(&self, lang: Lang) -> DataTable {
        let head = vec![lang.t(Msg::From).to_string(), lang.t(Msg::To).to_string(), lang.t(Msg::Total).to_string()];
        let mut rows: Vec<Vec<String>> =
            self.left.iter().map(|(s, c, n)| vec![self.source_label(*s, lang), self.connector_label(*c, lang), lang.thousands(*n)]).collect();
        rows.extend(self.right.iter().map(|(c, o, n)| vec![self.connector_label(*c, lang), self.outcome_label(*o, lang), lang.thousands(*n)]));
        DataTable { head, rows }
    }

    /// The map as SVG, `width` pixels wide.
    pub fn svg(&self, title: &str, width: u32, lang: Lang) -> Option<String> {
        let width = width.max(300);
        let most = self.sources.len().max(self.connectors.len()).max(self.outcomes.len()) as u32;
        let height = (most * 30 + 90).clamp(220, 640);
        let mut svg = String::new();
        let mut bands = String::new();
        draw(self, &mut svg, &mut bands, title, (width, height), lang).ok()?;
        let label = heading(self.direction, title, lang);
        let svg = finish(svg, &label, &[]);
        // The bands' hover layer, shaped like the bands (a rectangle would cover its neighbours).
        let layer = format!("<g class=\"mf-hits\" fill=\"transparent\">{bands}</g>");
        Some(match svg.rsplit_once("</svg>") {
            Some((body, after)) => format!("{body}{layer}</svg>{after}"),
            None => svg,
        })
    }
}

/// The map's heading: its direction and the report's choice.
fn heading(direction: Direction, title: &str, lang: Lang) -> String {
    lang.fill(if direction == Direction::Inbound { Msg::MapInboundOf } else { Msg::MapOutboundOf }, &[&title])
}

/// Where each node of a column sits: its top and its height, in pixels.
fn stack(values: &[u64], top: i32, height: i32, scale: f64) -> Vec<(i32, i32)> {
    let gap = 8;
    let used: i32 = values.iter().map(|v| ((*v as f64 * scale).round() as i32).max(2)).sum::<i32>() + gap * (values.len() as i32 - 1).max(0);
    let mut y = top + ((height - used) / 2).max(0);
    values
        .iter()
        .map(|v| {
            let h = ((*v as f64 * scale).round() as i32).max(2);
            let at = (y, h);
            y += h + gap;
            at
        })
        .collect()
}

/// A band from `(x0, y0)` to `(x1, y1)`, `t0` and `t1` thick at either end: the points of its
/// outline, its top and bottom edges smooth S-curves.
fn band(x0: i32, y0: f64, t0: f64, x1: i32, y1: f64, t1: f64) -> Vec<(i32, i32)> {
    const STEPS: i32 = 16;
    let ease = |k: f64| k * k * (3.0 - 2.0 * k);
    let at = |k: f64, a: f64, b: f64| a + (b - a) * ease(k);
    let mut top: Vec<(i32, i32)> = (0..=STEPS)
        .map(|i| {
            let k = i as f64 / STEPS as f64;
            ((x0 as f64 + (x1 - x0) as f64 * k).round() as i32, at(k, y0, y1).round() as i32)
        })
        .collect();
    let bottom: Vec<(i32, i32)> = (0..=STEPS)
        .rev()
        .map(|i| {
            let k = i as f64 / STEPS as f64;
            ((x0 as f64 + (x1 - x0) as f64 * k).round() as i32, at(k, y0 + t0, y1 + t1).round() as i32)
        })
        .collect();
    top.extend(bottom);
    top
}

/// A label cut to fit `room` pixels, with an ellipsis.
fn fit(text: &str, room: i32) -> String {
    let max = (room / 7).max(4) as usize;
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

fn draw(map: &FlowMap, svg: &mut String, bands: &mut String, title: &str, (width, height): (u32, u32), lang: Lang) -> DrawResult<()> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    root.draw(&Text::new(heading(map.direction, title, lang), (8, 4), (FONT, px(13)).into_font().color(&RGBColor(0x1b, 0x1b, 0x1b))))?;
    let items: Vec<(String, (u8, u8, u8))> = map.outcomes.iter().map(|(o, _)| (o.label(lang), o.colour())).collect();
    let legend_h = legend(&root, &items, 8, 24, width as i32 - 16)?;
    let (w, top) = (width as i32, 24 + legend_h + 12);
    let plot_h = height as i32 - top - 10;
    // Columns: left labels, left nodes, middle nodes (labels after them), right nodes, right labels.
    let node_w = 12;
    let label_w = (w / 5).clamp(70, 220);
    let (xl, xr) = (label_w + 8, w - label_w - 8 - node_w);
    let xm = (xl + xr) / 2;
    let total: u64 = map.connectors.iter().map(|c| c.1).sum::<u64>().max(1);
    let most = map.sources.len().max(map.connectors.len()).max(map.outcomes.len()) as i32;
    let scale = (plot_h - 8 * (most - 1).max(0)).max(20) as f64 / total as f64;
    let s_at = stack(&map.sources.iter().map(|s| s.1).collect::<Vec<_>>(), top, plot_h, scale);
    let c_at = stack(&map.connectors.iter().map(|c| c.1).collect::<Vec<_>>(), top, plot_h, scale);
    let o_at = stack(&map.outcomes.iter().map(|o| o.1).collect::<Vec<_>>(), top, plot_h, scale);
    let flow = crate::chart::direction_colour(map.direction);
    let mut s_out = vec![0f64; s_at.len()];
    let mut c_in = vec![0f64; c_at.len()];
    let mut c_out = vec![0f64; c_at.len()];
    let mut o_in = vec![0f64; o_at.len()];
    let mut hover = |points: &[(i32, i32)], title: String| {
        let d: String = points.iter().enumerate().map(|(i, (x, y))| format!("{}{x},{y}", if i == 0 { "M" } else { " L" })).collect();
        bands.push_str(&format!("<path d=\"{d} Z\"><title>{}</title></path>", escape(&title)));
    };
    for (si, ci, n) in &map.left {
        let t = *n as f64 * scale;
        let (Some(s), Some(c)) = (s_at.get(*si), c_at.get(*ci)) else { continue };
        let (y0, y1) = (s.0 as f64 + s_out[*si], c.0 as f64 + c_in[*ci]);
        let points = band(xl + node_w, y0, t, xm, y1, t);
        root.draw(&Polygon::new(points.clone(), rgb(flow).mix(0.35).filled()))?;
        hover(&points, lang.fill(Msg::MapBand, &[&map.source_label(*si, lang), &map.connector_label(*ci, lang), &lang.count(*n, Msg::Messages)]));
        s_out[*si] += t;
        c_in[*ci] += t;
    }
    for (ci, oi, n) in &map.right {
        let t = *n as f64 * scale;
        let (Some(c), Some(o)) = (c_at.get(*ci), o_at.get(*oi)) else { continue };
        let (y0, y1) = (c.0 as f64 + c_out[*ci], o.0 as f64 + o_in[*oi]);
        let points = band(xm + node_w, y0, t, xr, y1, t);
        let colour = map.outcomes.get(*oi).map(|o| o.0.colour()).unwrap_or(flow);
        root.draw(&Polygon::new(points.clone(), rgb(colour).mix(0.45).filled()))?;
        hover(&points, lang.fill(Msg::MapBand, &[&map.connector_label(*ci, lang), &map.outcome_label(*oi, lang), &lang.count(*n, Msg::Messages)]));
        c_out[*ci] += t;
        o_in[*oi] += t;
    }
    let font = (FONT, px(11)).into_font().color(&AXIS_INK);
    for (i, (y, h)) in s_at.iter().enumerate() {
        root.draw(&Rectangle::new([(xl, *y), (xl + node_w, y + h)], rgb(flow).filled()))?;
        let text = fit(&map.source_label(i, lang), label_w - 4);
        let tw = text_width(&text, 11);
        root.draw(&Text::new(text, (xl - 4 - tw, y + h / 2 - 7), font.clone()))?;
    }
    for (i, (y, h)) in c_at.iter().enumerate() {
        root.draw(&Rectangle::new([(xm, *y), (xm + node_w, y + h)], RGBColor(0x55, 0x55, 0x55).filled()))?;
        let text = fit(&map.connector_label(i, lang), (xr - xm) - node_w - 12);
        root.draw(&Text::new(text, (xm + node_w + 4, y + h / 2 - 7), font.clone()))?;
    }
    for (i, (y, h)) in o_at.iter().enumerate() {
        let colour = map.outcomes.get(i).map(|o| o.0.colour()).unwrap_or(flow);
        root.draw(&Rectangle::new([(xr, *y), (xr + node_w, y + h)], rgb(colour).filled()))?;
        let n = map.outcomes.get(i).map(|o| o.1).unwrap_or(0);
        let text = fit(&format!("{} {}", map.outcome_label(i, lang), lang.thousands(n)), label_w - 4);
        root.draw(&Text::new(text, (xr + node_w + 4, y + h / 2 - 7), font.clone()))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Delivery;
    use chrono::NaiveDate;

    fn fixture() -> Aggregate {
        let mut a = Aggregate::new();
        let at = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let base = Delivery { connector: Some("Relay"), remote_domain: Some("a.example"), count: 50, ..Delivery::at(at) };
        a.add(&base);
        a.add(&Delivery { tls: Tls::None, remote_domain: Some("b.example"), count: 20, ..base });
        a.add(&Delivery { tls: Tls::V1_0, remote_domain: Some("c.example"), count: 5, ..base });
        a.add(&Delivery { connector: None, tls: Tls::V1_3, remote_domain: Some("a.example"), count: 10, ..base });
        a.add(&Delivery { connector: None, tls: Tls::Unknown, remote_domain: None, count: 7, ..base });
        a
    }

    #[test]
    fn bands_add_up_on_both_sides_of_every_node() {
        let a = fixture();
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let map = build(&a, &Filter::window(d, d), Direction::Outbound, 2).unwrap();
        assert_eq!(map.sources, [
            (Source::Partner("a.example".into()), 60),
            (Source::Partner("b.example".into()), 20),
            (Source::Others(1), 5),
            (Source::Unnamed, 7),
        ]);
        assert_eq!(map.connectors, [(None, 17), (Some("Relay".into()), 75)]);
        assert_eq!(map.outcomes, [(Outcome::Modern, 60), (Outcome::Old, 5), (Outcome::NoTls, 20), (Outcome::Unknown, 7)]);
        for (ci, (_, n)) in map.connectors.iter().enumerate() {
            assert_eq!(map.left.iter().filter(|b| b.1 == ci).map(|b| b.2).sum::<u64>(), *n, "into connector {ci}");
            assert_eq!(map.right.iter().filter(|b| b.0 == ci).map(|b| b.2).sum::<u64>(), *n, "out of connector {ci}");
        }
        let t = map.table(Lang::En);
        assert_eq!(t.head, ["From", "To", "Total"]);
        assert!(t.rows.contains(&vec!["Not named by the source".to_string(), "No connector".to_string(), "7".to_string()]), "{:?}", t.rows);
        assert!(t.rows.contains(&vec!["Relay".to_string(), "No TLS".to_string(), "20".to_string()]));
        let svg = map.svg("All mail flow", 900, Lang::En).unwrap();
        assert!(svg.contains("<title>b.example → Relay: 20 messages</title>"), "each band has its number on hover");
        assert!(svg.contains("<title>Relay → TLS 1.0/1.1: 5 messages</title>"));
        assert!(svg.contains("aria-label=\"Outbound mail-flow map: All mail flow\""));
        assert!(build(&a, &Filter::window(d, d), Direction::Inbound, 2).is_none(), "no inbound mail, no map");
    }

    #[test]
    fn hostile_names_are_text() {
        let mut a = fixture();
        let at = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
        a.add(&Delivery { connector: Some("<script>x</script>"), remote_domain: Some("\"><img src=x>"), count: 3, ..Delivery::at(at) });
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let svg = build(&a, &Filter::window(d, d), Direction::Outbound, 8).unwrap().svg("t", 600, Lang::En).unwrap();
        assert!(!svg.contains("<script>") && !svg.contains("<img"), "names are escaped");
    }
}
