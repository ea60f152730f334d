//! Deliveries whose log line shows no TLS, held until the log shows that it records TLS at all.
//!
//! A mail server writes its TLS lines only when told to (Postfix `smtpd_tls_loglevel`,
//! `smtp_tls_loglevel`; Exim's `+tls_cipher`). A delivery without a TLS line is No TLS only on a
//! server (and side: receiving or sending) that does log TLS; elsewhere its TLS is Unknown. Logs are
//! read in one pass, so such deliveries wait here, compacted by day, direction, connector and
//! partner (memory grows with those, not with the log), until the first TLS line of their server
//! and side proves them No TLS, or the log ends and they are counted as Unknown.

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use crate::formats::Sink;
use crate::model::{Delivery, Direction};
use crate::tls::Tls;

/// Which side of a server a TLS line speaks for: receiving (smtpd, `<=`) or sending (smtp, `=>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The server receiving mail.
    Receiving,
    /// The server delivering mail.
    Sending,
}

/// The owned parts of a held delivery that the aggregate keeps (its day, not its time).
pub type Held = (NaiveDate, Direction, Option<String>, Option<String>, Option<String>, Option<String>);

#[derive(Clone, Debug, Default)]
struct Pending {
    proven: bool,
    held: HashMap<Held, u64>,
}

/// Deliveries without a TLS line, per server and side, waiting for proof that TLS is logged.
#[derive(Clone, Debug)]
pub struct Evidence {
    /// A log holds one server or a few: looked up by name without building a key per line.
    servers: Vec<(String, Side, Pending)>,
    /// The user said the log records TLS: no proof is waited for.
    assume_logged: bool,
}

/// What a part of a log read in parts hands over ([`crate::split`]): whether it showed a TLS line
/// for each side, and the deliveries it held for want of one. A side proven anywhere in the log
/// makes every held delivery of that side No TLS, as in one pass; otherwise they are Unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Handover {
    /// A TLS line was seen for the receiving side, the sending side.
    pub proven: [bool; 2],
    /// The held deliveries: day, direction, connector, remote host, IP and domain, count.
    pub held: Vec<(Held, u64)>,
}

/// The index of a side in [`Handover::proven`].
fn side_index(side: Side) -> usize {
    match side {
        Side::Receiving => 0,
        Side::Sending => 1,
    }
}

/// Counts what the parts of a log handed over, as one pass would have: returns how many were
/// counted as Unknown (their side showed no TLS line anywhere).
pub fn settle(handovers: Vec<Handover>, sink: &mut dyn Sink) -> Unlogged {
    let mut proven = [false; 2];
    for h in &handovers {
        proven[0] |= h.proven[0];
        proven[1] |= h.proven[1];
    }
    let mut by_tls: [HashMap<Held, u64>; 2] = Default::default();
    let mut out = Unlogged::default();
    for (key, n) in handovers.into_iter().flat_map(|h| h.held) {
        let side = if key.1 == Direction::Inbound { 0 } else { 1 };
        let known = proven[side];
        if !known {
            match side {
                0 => out.inbound = out.inbound.saturating_add(n),
                _ => out.outbound = out.outbound.saturating_add(n),
            }
        }
        let slot = by_tls[usize::from(!known)].entry(key).or_default();
        *slot = slot.saturating_add(n);
    }
    let [no_tls, unknown] = by_tls;
    flush(no_tls, Tls::None, sink);
    flush(unknown, Tls::Unknown, sink);
    out
}

/// What [`Evidence::finish`] found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unlogged {
    /// Inbound deliveries counted as Unknown: their server's receiving side logged no TLS.
    pub inbound: u64,
    /// Outbound deliveries counted as Unknown: their server's sending side logged no TLS.
    pub outbound: u64,
}

impl Evidence {
    /// Waits for proof unless `assume_logged` (the user knows the server logs TLS).
    pub fn new(assume_logged: bool) -> Evidence {
        Evidence { servers: Vec::new(), assume_logged }
    }

    /// The entry of a server and side, made on first use.
    fn entry(&mut self, server: &str, side: Side) -> &mut Pending {
        let i = match self.servers.iter().position(|(s, d, _)| *d == side && s == server) {
            Some(i) => i,
            None => {
                self.servers.push((server.to_string(), side, Pending::default()));
                self.servers.len() - 1
            }
        };
        &mut self.servers[i].2
    }

    /// The log showed a TLS line for this server and side: what was held is No TLS after all.
    pub fn prove(&mut self, server: &str, side: Side, sink: &mut dyn Sink) {
        if self.assume_logged {
            return;
        }
        let pending = self.entry(server, side);
        if !pending.proven {
            pending.proven = true;
            flush(std::mem::take(&mut pending.held), Tls::None, sink);
        }
    }

    /// True when the log showed a TLS line for this server and side (or the user said it logs TLS).
    pub fn is_proven(&self, server: &str, side: Side) -> bool {
        self.assume_logged || self.servers.iter().any(|(s, d, p)| *d == side && s == server && p.proven)
    }

    /// Counts a delivery whose log shows no TLS line: No TLS where the server logs TLS, held
    /// otherwise.
    pub fn push(&mut self, server: &str, side: Side, d: &Delivery<'_>, sink: &mut dyn Sink) {
        if self.assume_logged {
            return sink.push(&Delivery { tls: Tls::None, ..*d });
        }
        let pending = self.entry(server, side);
        if pending.proven {
            return sink.push(&Delivery { tls: Tls::None, ..*d });
        }
        let own = |s: Option<&str>| s.map(str::to_string);
        let key = (d.time.date(), d.direction, own(d.connector), own(d.remote_host), own(d.remote_ip), own(d.remote_domain));
        let n = pending.held.entry(key).or_default();
        *n = n.saturating_add(d.count);
    }

    /// The end of a part of a log read in parts: what is still held, and which sides showed TLS,
    /// are handed over instead of counted.
    pub fn hand_over(&mut self) -> Handover {
        let mut out = Handover::default();
        for (_, side, pending) in &mut self.servers {
            out.proven[side_index(*side)] |= pending.proven || self.assume_logged;
            out.held.extend(std::mem::take(&mut pending.held));
        }
        out.held.sort_unstable();
        out
    }

    /// The end of the log: what is still held is counted as Unknown.
    pub fn finish(&mut self, sink: &mut dyn Sink) -> Unlogged {
        let mut out = Unlogged::default();
        for (_, _, pending) in &mut self.servers {
            for ((_, dir, ..), n) in &pending.held {
                match dir {
                    Direction::Inbound => out.inbound = out.inbound.saturating_add(*n),
                    _ => out.outbound = out.outbound.saturating_add(*n),
                }
            }
            flush(std::mem::take(&mut pending.held), Tls::Unknown, sink);
        }
        out
    }
}

fn flush(held: HashMap<Held, u64>, tls: Tls, sink: &mut dyn Sink) {
    // Sorted, so that the order of the sink's partners does not depend on the hash map.
    let mut held: Vec<_> = held.into_iter().collect();
    held.sort_unstable();
    for ((day, direction, connector, host, ip, domain), count) in held {
        sink.push(&Delivery { auth: crate::security::Auth::Unknown,
            time: day.and_time(chrono::NaiveTime::MIN),
            direction,
            connector: connector.as_deref(),
            connector_type: None,
            forced_tls: None,
            tls,
            remote_host: host.as_deref(),
            remote_ip: ip.as_deref(),
            remote_domain: domain.as_deref(),
            count,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{Aggregate, Filter};

    fn delivery(direction: Direction) -> Delivery<'static> {
        Delivery { auth: crate::security::Auth::Unknown,
            time: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap().and_hms_opt(9, 0, 0).unwrap(),
            direction,
            connector: None,
            connector_type: None,
            forced_tls: None,
            tls: Tls::None,
            remote_host: Some("mx.example.net"),
            remote_ip: Some("192.0.2.1"),
            remote_domain: Some("example.net"),
            count: 2,
        }
    }

    #[test]
    fn held_until_proven_else_unknown() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let mut agg = Aggregate::new();
        let mut e = Evidence::new(false);
        e.push("mx1", Side::Receiving, &delivery(Direction::Inbound), &mut agg);
        e.push("mx1", Side::Sending, &delivery(Direction::Outbound), &mut agg);
        assert!(agg.is_empty(), "nothing counted before the log says whether it logs TLS");
        e.prove("mx1", Side::Receiving, &mut agg);
        e.push("mx1", Side::Receiving, &delivery(Direction::Inbound), &mut agg);
        let unlogged = e.finish(&mut agg);
        assert_eq!(unlogged, Unlogged { inbound: 0, outbound: 2 });
        let t = agg.totals(&Filter::window(day, day));
        assert_eq!((t.inbound.get(Tls::None), t.outbound.get(Tls::Unknown), t.outbound.get(Tls::None)), (4, 2, 0));
        assert_eq!(agg.partners(&Filter::window(day, day), Direction::Outbound, None)[0].0, "example.net");
    }

    #[test]
    fn the_user_may_say_tls_is_logged() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let mut agg = Aggregate::new();
        let mut e = Evidence::new(true);
        e.push("mx1", Side::Sending, &delivery(Direction::Outbound), &mut agg);
        assert_eq!(e.finish(&mut agg), Unlogged::default());
        assert_eq!(agg.totals(&Filter::window(day, day)).outbound.get(Tls::None), 2);
    }
}
