//! The change of a window against the period of the same length just before it: the volume and
//! the TLS 1.2-and-newer share of each direction, worded with an arrow and words (never colour
//! alone).

use chrono::Duration;

use crate::aggregate::{Aggregate, Filter, TlsCounts};
use crate::lang::{Lang, Msg};
use crate::model::Direction;

/// The period of the same length just before the filter's window (same connector and direction).
pub fn previous_period(f: &Filter) -> Filter {
    let days = Duration::days(f.days().max(1));
    Filter { from: f.from - days, to: f.from - Duration::days(1), ..f.clone() }
}

/// One direction's counts in the window and in the period before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    /// The window's counts.
    pub now: TlsCounts,
    /// The previous period's counts.
    pub before: TlsCounts,
    /// The length of both, in days.
    pub days: i64,
}

impl Trend {
    /// Both directions' trends for the filter.
    pub fn of(agg: &Aggregate, f: &Filter) -> [(Direction, Trend); 2] {
        let (now, before) = (agg.totals(f), agg.totals(&previous_period(f)));
        [Direction::Inbound, Direction::Outbound].map(|d| (d, Trend { now: now.get(d), before: before.get(d), days: f.days() }))
    }

    /// The change of volume in percent; `None` when the previous period had no mail.
    pub fn volume_change(&self) -> Option<f64> {
        let before = self.before.total();
        (before > 0).then(|| (self.now.total() as f64 - before as f64) * 100.0 / before as f64)
    }

    /// The change of the TLS 1.2-and-newer share in percentage points; `None` when either
    /// period has no mail with known TLS.
    pub fn modern_points(&self) -> Option<f64> {
        Some(self.now.modern_share()? - self.before.modern_share()?)
    }

    /// The trend in words: `↑ 4.6% more messages than the 7 days before · TLS 1.2+ ↓ 0.3
    /// points (96.4% → 96.1%)`; a change under a twentieth is "unchanged".
    pub fn words(&self, lang: Lang) -> String {
        let days = lang.thousands(self.days.max(0) as u64);
        let volume = match self.volume_change() {
            None => lang.fill(Msg::TrendNoMailBefore, &[&days]),
            Some(c) if c.abs() < 0.05 => lang.fill(Msg::TrendVolumeSame, &[&days]),
            Some(c) if c > 0.0 => lang.fill(Msg::TrendVolumeUp, &[&lang.percent(Some(c)), &days]),
            Some(c) => lang.fill(Msg::TrendVolumeDown, &[&lang.percent(Some(-c)), &days]),
        };
        let share = match (self.modern_points(), self.before.modern_share(), self.now.modern_share()) {
            (Some(p), Some(a), Some(b)) => {
                let (a, b) = (lang.percent(Some(a)), lang.percent(Some(b)));
                Some(match p {
                    p if p.abs() < 0.05 => lang.fill(Msg::TrendModernSame, &[&b]),
                    p if p > 0.0 => lang.fill(Msg::TrendModernUp, &[&lang.decimal(p, 1), &a, &b]),
                    p => lang.fill(Msg::TrendModernDown, &[&lang.decimal(-p, 1), &a, &b]),
                })
            }
            _ => None,
        };
        match share {
            Some(s) => format!("{volume} · {s}"),
            None => volume,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::TlsCounts;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn the_period_before_has_the_same_length() {
        let p = previous_period(&Filter::window(day(8), day(14)));
        assert_eq!((p.from, p.to), (day(1), day(7)));
    }

    #[test]
    fn words_with_arrows_and_points() {
        let t = Trend { now: TlsCounts([5, 0, 0, 100, 0, 0], [0; 2]), before: TlsCounts([0, 0, 0, 80, 0, 20], [0; 2]), days: 7 };
        assert!((t.volume_change().unwrap() - 5.0).abs() < 1e-9);
        assert!((t.modern_points().unwrap() - (100.0 * 100.0 / 105.0 - 100.0)).abs() < 1e-9);
        assert_eq!(t.words(Lang::En), "↑ 5.0% more messages than the 7 days before · TLS 1.2+ ↓ 4.8 points (100.0% → 95.2%)");
        let none = Trend { before: TlsCounts::default(), ..t };
        assert_eq!(none.words(Lang::En), "no mail in the 7 days before");
        let same = Trend { before: t.now, ..t };
        assert_eq!(same.words(Lang::En), "= as many messages as the 7 days before · TLS 1.2+ unchanged (95.2%)");
        assert_eq!(Trend { now: t.before, before: t.now, days: 7 }.words(Lang::De), "↓ 4,8\u{a0}% weniger Nachrichten als in den 7 Tagen davor · TLS 1.2+ ↑ 4,8 Punkte (95,2\u{a0}% → 100,0\u{a0}%)");
    }
}
