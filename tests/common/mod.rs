//! Helpers shared by the integration tests that compare two ways of loading the same file.

use mailflow::aggregate::Filter;
use mailflow::load::{Content, Loaded};
use mailflow::model::Direction;

/// Everything a loaded file shows: its summary and its counts per day, connector and partner.
pub fn fingerprint(l: &Loaded) -> String {
    let mut out = format!("{:?}\n", l.report);
    match &l.content {
        Content::Deliveries(agg) => {
            if let Some((a, b)) = agg.span() {
                let f = Filter::window(a, b);
                out += &format!("{:?}\n", agg.details(&f));
                for dir in [Direction::Inbound, Direction::Outbound] {
                    out += &format!("{:?}\n", agg.partners(&f, dir, None));
                }
            }
        }
        other => out += &format!("{other:?}"),
    }
    out
}
