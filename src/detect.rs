//! Decides which source format decoded text is in, from its content alone (never the file name),
//! and says what was expected when it is none of them.

pub use crate::mapping::Preview;
use crate::lang::{Msg, Said};
use crate::formats::mailflow::{self, Columns};
use crate::formats::{connectors, exchange_server, exim, exo, postfix, tlsrpt};
use crate::formats::table::{self, Dialect};

/// A recognised source format, with what its parser needs to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    /// Mailflow's CSV, long or wide (the report export).
    MailflowCsv {
        /// Delimiter and preamble.
        dialect: Dialect,
        /// Where each field sits.
        columns: Columns,
    },
    /// Mailflow's JSON Lines.
    MailflowJsonl,
    /// An Exchange Online message-trace export.
    Exchange {
        /// Delimiter and preamble.
        dialect: Dialect,
        /// Which export, and where its columns are.
        layout: exo::Layout,
    },
    /// An Exchange Server message tracking or SMTP protocol log.
    ExchangeServer(exchange_server::LogKind),
    /// An SMTP TLS report (RFC 8460).
    TlsReport,
    /// A Postfix log (syslog or journald export).
    Postfix,
    /// An Exim main log.
    Exim,
    /// A CSV read with the user's column mapping.
    Mapped {
        /// Delimiter and preamble.
        dialect: Dialect,
        /// The user's columns.
        columns: Columns,
    },
    /// `Get-InboundConnector` / `Get-OutboundConnector` settings.
    ConnectorSettings {
        /// Delimiter and preamble.
        dialect: Dialect,
        /// Where its columns are.
        layout: connectors::Layout,
    },
}

impl Format {
    /// A label for the load summary.
    pub fn label(&self) -> Msg {
        match self {
            Format::MailflowCsv { columns, .. } => match columns.shape {
                mailflow::Shape::Long => Msg::FormatMailflowCsv,
                mailflow::Shape::Wide => Msg::FormatMailflowExport,
            },
            Format::MailflowJsonl => Msg::FormatMailflowJsonl,
            Format::Exchange { layout, .. } => layout.export.label(),
            Format::ConnectorSettings { .. } => Msg::FormatExoConnectors,
            Format::Mapped { .. } => Msg::FormatMapped,
            Format::Postfix => Msg::FormatPostfix,
            Format::TlsReport => Msg::FormatTlsReport,
            Format::ExchangeServer(exchange_server::LogKind::Tracking) => Msg::FormatExchangeTracking,
            Format::ExchangeServer(exchange_server::LogKind::Receive) => Msg::FormatExchangeReceive,
            Format::ExchangeServer(exchange_server::LogKind::Send) => Msg::FormatExchangeSend,
            Format::Exim => Msg::FormatExim,
        }
    }
}

/// Why text is in no known format, phrased for the person who dropped it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotRecognised {
    /// The line the decision was made on (1-based), when there was one.
    pub line: Option<u64>,
    /// What was found and what was expected.
    pub message: Said,
    /// For a CSV with a header: the header and the first rows, so the user can map its columns.
    pub preview: Option<Preview>,
    /// The text is something else Mailflow can name (a DMARC report): the message says what it
    /// is, instead of explaining what was expected.
    pub identified: bool,
}

impl NotRecognised {
    /// What to tell the person who dropped the file.
    pub fn said(&self) -> Said {
        if self.identified {
            self.message.clone()
        } else {
            Said::new(Msg::NotRecognised).said(self.message.clone())
        }
    }
}

fn preview(text: &str, dialect: &Dialect) -> Option<Preview> {
    // Six rows are shown, clipped: a line of millions of fields is not read to the end.
    let text = crate::text::head(text, dialect.header_offset.saturating_add(table::MAX_HEADER_BYTES));
    let mut reader = table::reader(text, dialect);
    let mut rows = reader.records().take(6).filter_map(Result::ok).map(|r| r.iter().take(64).map(|c| crate::text::clip(c, 40)).collect::<Vec<_>>());
    let header = rows.next()?;
    // A header with a single field is no table to map.
    (header.len() >= 2).then(|| Preview { header, rows: rows.collect() })
}

/// Looks at the text and picks the format.
// Each recogniser it calls is kept out of line (`#[inline(never)]`): inlined, they made this one
// 24 KB function that loops over the file's head, which Chromium's optimising compiler then
// compiled in 160 ms on a core the loading workers needed, for a function called once a file.
pub fn detect(text: &str) -> Result<Format, NotRecognised> {
    if let Some(kind) = exchange_server::recognise(text) {
        return Ok(Format::ExchangeServer(kind));
    }
    if tlsrpt::recognise(text) {
        return Ok(Format::TlsReport);
    }
    if crate::mailbox::looks_like_dmarc(text) {
        return Err(NotRecognised { line: None, message: Msg::DmarcReport.into(), preview: None, identified: true });
    }
    if mailflow::looks_like_jsonl(text) {
        return Ok(Format::MailflowJsonl);
    }
    if postfix::recognise(text) {
        return Ok(Format::Postfix);
    }
    if exim::recognise(text) {
        return Ok(Format::Exim);
    }
    let Some(dialect) = table::sniff(text) else {
        return Err(NotRecognised { line: None, message: Msg::NoLinesOfText.into(), preview: None, identified: false });
    };
    let header = table::header_fields(text, &dialect);
    let line = dialect.preamble_lines + 1;
    if let Some(layout) = exo::recognise(&header) {
        return Ok(Format::Exchange { dialect, layout });
    }
    if let Some(layout) = connectors::recognise(&header) {
        return Ok(Format::ConnectorSettings { dialect, layout });
    }
    match Columns::find(&header) {
        Ok(columns) => Ok(Format::MailflowCsv { dialect, columns }),
        Err(missing) => {
            let shown: Vec<String> = header.iter().take(8).map(|h| crate::text::clip(h, 40)).collect();
            let names = if shown.is_empty() { Said::new(Msg::Nothing) } else { Said::new(Msg::Verbatim).text(format!("\"{}\"", shown.join("\", \""))) };
            let names = if header.len() > 8 { Said::new(Msg::AndMore).said(names).count(header.len() - 8) } else { names };
            Err(NotRecognised {
                preview: preview(text, &dialect),
                line: Some(line),
                message: Said::new(Msg::HeaderExpected).number(line).said(names).text(missing.join(", ")),
                identified: false,
            })
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Msg;

    #[test]
    fn recognises_each_shape() {
        assert_eq!(detect("date,direction,tls\n").unwrap().label(), Msg::FormatMailflowCsv);
        assert_eq!(
            detect("Date,Direction,Connector,Volume,No TLS,TLS 1.2\n").unwrap().label(),
            Msg::FormatMailflowExport
        );
        assert_eq!(detect("\n{\"date\":\"2026-03-04\"}\n").unwrap(), Format::MailflowJsonl);
    }

    #[test]
    fn unrelated_csv_says_what_it_found_and_wanted() {
        let err = detect("#TYPE x\nName,Age,City\nBob,3,Paris\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        let message = err.message.to_string();
        assert!(message.contains("\"Name\", \"Age\", \"City\""), "{message}");
        assert!(message.contains("there is no column for date, direction, tls"), "{message}");
        assert!(crate::lang::Lang::De.say(&err.message).contains("Es fehlt eine Spalte für date, direction, tls"));
        assert!(detect("\n\n").is_err());
        let p = err.preview.unwrap();
        assert_eq!((p.header.len(), p.rows.len()), (3, 1));
        assert_eq!(p.signature(), "name|age|city");
    }
}
