//! One parser per source format. Every parser reads decoded text and hands each delivery to a
//! sink, counting the rows it read and the rows it could not use (with line numbers and reasons).

pub mod connectors;
pub mod evidence;
pub mod exchange_server;
pub mod exim;
pub mod exo;
pub mod jsonl;
pub mod mailflow;
pub mod postfix;
pub mod syslog;
pub mod table;
pub mod tlsrpt;

use crate::lang::Said;
use crate::model::Delivery;

/// How many skipped rows a parse keeps as examples (all of them are counted).
pub const MAX_SKIP_SAMPLES: usize = 5;

/// One row a parser could not use.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Skip {
    /// The 1-based line in the file where the row starts.
    pub line: u64,
    /// Why it was not used, for the person who dropped the file.
    pub reason: Said,
}

/// What a parser did with a file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ParseStats {
    /// Data rows read (header and comment lines not included).
    pub rows_read: u64,
    /// Deliveries handed to the sink (a row may stand for several).
    pub deliveries: u64,
    /// Rows that could not be used.
    pub skipped: u64,
    /// The first [`MAX_SKIP_SAMPLES`] skipped rows.
    pub skips: Vec<Skip>,
    /// Deliveries that failed or were deferred (mail-server logs): not delivered mail, counted apart.
    pub failures: u64,
    /// Local deliveries and local pickup (mail-server logs): not mail flow in or out, counted apart.
    pub local: u64,
    /// Authenticated client submissions (SMTP AUTH, mail-server logs): not mail flow from the
    /// internet, counted apart by the TLS version the client used.
    pub submissions: crate::aggregate::TlsCounts,
    /// Log lines that were neither deliveries nor failures nor local mail (connections,
    /// rejections, warnings, TLS lines, other programs' lines).
    pub other_lines: u64,
    /// Deliveries counted as Unknown because their server's log records no TLS line at all,
    /// inbound and outbound (TLS logging off).
    pub tls_unlogged: [u64; 2],
    /// Deliveries counted as Unknown because their SMTP session began before the log did.
    pub before_log: u64,
    /// A part of a log read in parts: its deliveries still waiting for proof that the log
    /// records TLS, for where the parts are put together (`None` otherwise).
    pub handover: Option<evidence::Handover>,
}

impl ParseStats {
    /// Everything a log line can be counted as (deliveries, failures, local mail, submissions):
    /// a line that changes none of them was not a delivery.
    pub fn accounted(&self) -> u64 {
        [self.deliveries, self.failures, self.local, self.submissions.total()].iter().fold(0u64, |a, b| a.saturating_add(*b))
    }

    /// Counts `raw` as a line that was not a delivery when reading it left [`Self::accounted`]
    /// at `before`.
    pub fn note_other(&mut self, before: u64, raw: &str) {
        if self.accounted() == before && !raw.trim().is_empty() {
            self.other_lines += 1;
        }
    }

    /// For logs: true when some delivery's TLS came from the log (not every delivery was counted
    /// Unknown because the log records no TLS).
    pub fn logs_tls(&self) -> bool {
        self.tls_unlogged.iter().fold(0u64, |a, b| a.saturating_add(*b)) < self.deliveries
    }

    /// Counts a skipped row and keeps it as an example while there is room.
    pub fn skip(&mut self, line: u64, reason: impl Into<Said>) {
        self.skipped += 1;
        if self.skips.len() < MAX_SKIP_SAMPLES {
            self.skips.push(Skip { line, reason: reason.into() });
        }
    }
}

/// Receives deliveries from a parser.
pub trait Sink {
    /// Takes one delivery record.
    fn push(&mut self, delivery: &Delivery<'_>);
}

impl Sink for crate::aggregate::Aggregate {
    fn push(&mut self, delivery: &Delivery<'_>) {
        self.add(delivery);
    }
}

impl<F: FnMut(&Delivery<'_>)> Sink for F {
    fn push(&mut self, delivery: &Delivery<'_>) {
        self(delivery)
    }
}
