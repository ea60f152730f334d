//! The interface's languages: every label and sentence of the views, insights and charts in
//! English and German ([`Msg`]), how each language writes numbers, shares and days ([`Lang`]),
//! and which language to use given a host's option, a page parameter or the browser's list.
//!
//! The core says what happened to a file (why it cannot be used, why a row was skipped, a
//! warning) as a [`Said`]: a message and its arguments, worded in a language only when a view
//! shows it, so parsers never know which language the reader speaks.

use std::fmt::Display;

use chrono::{Datelike, NaiveDate};

use crate::model::Direction;
use crate::tls::Tls;

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
}

/// Declares [`Msg`] with its English and German text side by side; the compiler then refuses a
/// message without both.
macro_rules! messages {
    ($($name:ident => $en:literal, $de:literal;)*) => {
        /// Every fixed text of the interface. `{0}`, `{1}`, ... are filled by [`Lang::fill`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub enum Msg {
            $(#[doc = $en] $name,)*
        }

        impl Msg {
            /// Every message, for checks over the whole catalogue.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            fn en(self) -> &'static str {
                match self { $(Msg::$name => $en,)* }
            }

            fn de(self) -> &'static str {
                match self { $(Msg::$name => $de,)* }
            }
        }
    };
}

messages! {
    // The page
    Tagline => "Mail-flow TLS and connector report — computed in your browser",
        "TLS- und Connectorbericht zum Nachrichtenfluss – berechnet in Ihrem Browser";
    PageTitle => "Mailflow — mail-flow TLS and connector report", "Mailflow – TLS- und Connectorbericht zum Nachrichtenfluss";
    Language => "Language", "Sprache";
    DropOverlay => "Drop files to add them to the report", "Dateien hier ablegen, um sie dem Bericht hinzuzufügen";

    // Loading
    LoadTraces => "Load traces", "Daten laden";
    DropHere => "Drop message-trace exports or mail-server logs anywhere on this page",
        "Legen Sie Exporte der Nachrichtenablaufverfolgung oder Mailserver-Protokolle irgendwo auf dieser Seite ab";
    NothingUploaded => "— everything is computed in your browser; nothing is uploaded.",
        "– alles wird in Ihrem Browser berechnet, nichts wird hochgeladen.";
    ChooseFiles => "Choose files…", "Dateien auswählen…";
    TrySample => "Try the sample", "Beispiel ansehen";
    Clear => "Clear", "Leeren";
    LoadFromUrl => "Load from URL", "Von URL laden";
    UrlPlaceholder => "Load from URL: https://…/trace.csv", "Von URL laden: https://…/trace.csv";
    Load => "Load", "Laden";
    FilesBeingRead => "Files being read", "Dateien, die gelesen werden";
    Waiting => "waiting", "wartet";
    ProgressOf => "{0} · {1} of {2}", "{0} · {1} von {2}";
    SecondsLeft => "{0} s left", "noch {0} s";
    MinutesLeft => "{0} min left", "noch {0} min";
    Reading => "Reading {0}", "{0} wird gelesen";
    CancelReading => "Cancel reading {0}", "Lesen von {0} abbrechen";
    Cancel => "Cancel", "Abbrechen";
    StoppedReading => "Stopped reading {0}. Files loaded before it stay.",
        "Lesen von {0} abgebrochen. Zuvor geladene Dateien bleiben erhalten.";

    // Counted things
    Delivery => "delivery", "Zustellung";
    Deliveries => "deliveries", "Zustellungen";
    Message => "message", "Nachricht";
    Messages => "messages", "Nachrichten";
    RowRead => "row read", "Zeile gelesen";
    RowsRead => "rows read", "Zeilen gelesen";
    RowSkipped => "row skipped", "Zeile übersprungen";
    RowsSkipped => "rows skipped", "Zeilen übersprungen";

    // The load summary
    LoadedFiles => "Loaded files", "Geladene Dateien";
    RemoveFile => "Remove {0}", "{0} entfernen";
    RemoveThisFile => "Remove this file", "Diese Datei entfernen";
    DataUnchanged => "Data loaded before is unchanged.", "Zuvor geladene Daten bleiben unverändert.";
    DuplicatesDropped => "duplicates dropped", "Duplikate verworfen";
    JoinedWithOthers => "joined with other files", "mit anderen Dateien verknüpft";
    DirectionFromDomains => "(direction from your domains)", "(Richtung aus Ihren Domänen)";
    LogCounts => "{0} failed or deferred (not delivered) · {1} local (not mail flow in or out)",
        "{0} fehlgeschlagen oder zurückgestellt (nicht zugestellt) · {1} lokal (kein ein- oder ausgehender Nachrichtenfluss)";
    LogOtherLines => "{0} lines were not deliveries (connections, rejections, warnings, TLS lines, other programs)",
        "{0} Zeilen waren keine Zustellungen (Verbindungen, Ablehnungen, Warnungen, TLS-Zeilen, andere Programme)";
    Submissions => "{0} authenticated client submissions (SMTP AUTH), counted apart from inbound mail flow: {1}",
        "{0} authentifizierte Einlieferungen von Clients (SMTP AUTH), getrennt vom eingehenden Nachrichtenfluss gezählt: {1}";
    TlsUnlogged => "{0} inbound and {1} outbound deliveries count as Unknown TLS, not No TLS: this log has no TLS line at all for their server, so the server most likely does not log TLS. To log it, set smtpd_tls_loglevel = 1 and smtp_tls_loglevel = 1 (Postfix) or log_selector = +tls_cipher (Exim).",
        "{0} eingehende und {1} ausgehende Zustellungen zählen als TLS unbekannt, nicht als kein TLS: Dieses Protokoll enthält für ihren Server keine einzige TLS-Zeile, der Server protokolliert TLS also vermutlich nicht. Zum Protokollieren setzen Sie smtpd_tls_loglevel = 1 und smtp_tls_loglevel = 1 (Postfix) oder log_selector = +tls_cipher (Exim).";
    TlsLoggedButton => "This server logs TLS: count these as No TLS", "Dieser Server protokolliert TLS: als kein TLS zählen";
    TlsLoggedSaid => "Deliveries without a TLS line count as No TLS, as you said this server logs TLS.",
        "Zustellungen ohne TLS-Zeile zählen als kein TLS, da dieser Server laut Ihrer Angabe TLS protokolliert.";
    TlsLoggedUndo => "Count them as Unknown again", "Wieder als unbekannt zählen";
    BeforeLog => "{0} deliveries belong to SMTP sessions that began before the log starts: their TLS is Unknown.",
        "{0} Zustellungen gehören zu SMTP-Sitzungen, die vor Beginn des Protokolls anfingen: Ihr TLS ist unbekannt.";
    WorkerDefect => "Mailflow hit a defect while reading this file: a bug in Mailflow, not a problem with the file or the browser. Please report it with the details below.",
        "Mailflow ist beim Lesen dieser Datei auf einen Fehler gestoßen: ein Fehler in Mailflow, kein Problem der Datei oder des Browsers. Bitte melden Sie ihn mit den Angaben unten.";
    DefectDetails => "Details for a bug report", "Angaben für eine Fehlermeldung";
    NoYearInLines => "The lines carry no year: read from {0}.", "Die Zeilen enthalten keine Jahreszahl: gelesen ab dem Jahr {0}.";
    LocalTimesAs => "Local times read as {0}.", "Ortszeiten gelesen als {0}.";
    FirstYear => "First year", "Erstes Jahr";
    Zone => "Zone", "Zone";
    DayFirst => "day first (31/12/2026)", "Tag zuerst (31/12/2026)";
    MonthFirst => "month first (12/31/2026)", "Monat zuerst (12/31/2026)";
    DatesReadCertain => "Dates read {0}.", "Datumsangaben gelesen: {0}.";
    DatesReadEither => "Dates read {0}: the file could be read either way.",
        "Datumsangaben gelesen: {0}; die Datei lässt sich auf beide Arten lesen.";
    ReadThemOtherWay => "Read them {0}", "Stattdessen {0} lesen";
    WhyOneSkipped => "Why 1 row was skipped", "Warum 1 Zeile übersprungen wurde";
    WhySkipped => "Why {0} rows were skipped (first {1})", "Warum {0} Zeilen übersprungen wurden (die ersten {1})";
    SkipAtLine => "line {0}: {1}", "Zeile {0}: {1}";
    MapColumns => "Map its columns", "Spalten zuordnen";
    MapColumnsHint => "— tell Mailflow which column holds what; the choice is remembered for files with the same header.",
        "– sagen Sie Mailflow, welche Spalte was enthält; die Auswahl gilt auch für Dateien mit derselben Kopfzeile.";
    DateOrTime => "Date or time", "Datum oder Uhrzeit";
    TlsVersion => "TLS version", "TLS-Version";
    Count => "Count", "Anzahl";
    RemoteHost => "Remote host", "Gegenstelle";
    Choose => "choose…", "auswählen…";
    NoColumn => "none", "keine";
    LoadWithColumns => "Load with these columns", "Mit diesen Spalten laden";
    YourDomains => "Your domains", "Ihre Domänen";
    DomainsYours => "(yours, remembered in this browser)", "(Ihre Angabe, in diesem Browser gespeichert)";
    DomainsSuggested => "(suggested from the data)", "(aus den Daten vorgeschlagen)";
    UseTheseDomains => "Use these domains", "Diese Domänen verwenden";
    UseSuggestion => "Use the suggestion", "Vorschlag verwenden";
    DomainsNote => "Some files do not say which way mail went: mail from one of your domains to another is intra-org, to outside outbound, from outside inbound.",
        "Manche Dateien sagen nicht, in welche Richtung E-Mails gingen: von einer Ihrer Domänen an eine andere ist organisationsintern, nach außen ausgehend, von außen eingehend.";
    Unplaced => "{0} could not be placed: neither side is one of your domains.",
        "{0} ohne Zuordnung: Keine Seite ist eine Ihrer Domänen.";
    IntraOrgNote => "{0} intra-org deliveries are counted here but kept out of the TLS views, as in Microsoft's reports.",
        "{0} organisationsinterne Zustellungen sind hier gezählt, aber wie in Microsofts Berichten nicht in den TLS-Ansichten.";

    // The widget
    WidgetTitle => "Outbound and inbound mail flow", "Ausgehender und eingehender Nachrichtenfluss";
    WidgetEmptyBefore => "No mail flow loaded yet. Drop a message-trace export or a mail-server log on this page, or choose",
        "Noch kein Nachrichtenfluss geladen. Legen Sie einen Export der Nachrichtenablaufverfolgung oder ein Mailserver-Protokoll auf dieser Seite ab, oder wählen Sie";
    WidgetEmptyAfter => "to see a full report.", "für einen vollständigen Bericht.";
    WidgetDates => "{0} – {1} (last 7 days of the loaded data, UTC)", "{0} – {1} (die letzten 7 Tage der geladenen Daten, UTC)";
    ViewDetails => "View details", "Details anzeigen";
    InboundModern => "{0} of inbound mail was protected by TLS 1.2 or newer.",
        "{0} der eingehenden E-Mails waren durch TLS 1.2 oder neuer geschützt.";
    OutboundModern => "{0} of outbound mail was protected by TLS 1.2 or newer.",
        "{0} der ausgehenden E-Mails waren durch TLS 1.2 oder neuer geschützt.";
    InboundTlsUnknown => "The loaded data does not say which TLS version inbound mail used.",
        "Die geladenen Daten sagen nicht, welche TLS-Version eingehende E-Mails nutzten.";
    OutboundTlsUnknown => "The loaded data does not say which TLS version outbound mail used.",
        "Die geladenen Daten sagen nicht, welche TLS-Version ausgehende E-Mails nutzten.";
    NoInbound => "No inbound mail in these days.", "Keine eingehenden E-Mails in diesen Tagen.";
    NoOutbound => "No outbound mail in these days.", "Keine ausgehenden E-Mails in diesen Tagen.";
    NoKnownTls => "No delivery in these days has a known TLS version.", "Für keine Zustellung in diesen Tagen ist die TLS-Version bekannt.";
    DownloadSvg => "Download SVG", "SVG herunterladen";
    DownloadPng => "Download PNG", "PNG herunterladen";

    // The flyout
    FlyoutTitle => "Message protected in transit (by TLS)", "Bei der Übertragung geschützte Nachrichten (durch TLS)";
    Close => "Close", "Schließen";
    FlyoutDates => "{0} – {1} (UTC). Shares are of messages whose TLS version is known.",
        "{0} – {1} (UTC). Die Anteile beziehen sich auf Nachrichten mit bekannter TLS-Version.";
    Tls => "TLS", "TLS";
    NotInShares => "not in shares", "nicht in den Anteilen";
    Total => "Total", "Gesamt";
    ConnectorReport => "Connector report", "Connectorbericht";
    FlyoutReportLink => "— mail flow and TLS per connector for these dates.", "– Nachrichtenfluss und TLS je Connector für diese Tage.";

    // Directions and TLS values
    Inbound => "Inbound", "Eingehend";
    Outbound => "Outbound", "Ausgehend";
    IntraOrg => "Intra-org", "Organisationsintern";
    NoTls => "No TLS", "Kein TLS";
    Unknown => "Unknown", "Unbekannt";

    // The connector report
    AllMailFlow => "All mail flow", "Gesamter Nachrichtenfluss";
    AllInbound => "All inbound mail", "Alle eingehenden E-Mails";
    AllOutbound => "All outbound mail", "Alle ausgehenden E-Mails";
    FromInternetNoConnector => "From the internet without a connector", "Aus dem Internet ohne Connector";
    ToInternetNoConnector => "To the internet without a connector", "Ins Internet ohne Connector";
    MailNoConnector => "Mail without a connector", "E-Mails ohne Connector";
    MailFromInternetNoConnector => "Mail from the internet without a connector", "E-Mails aus dem Internet ohne Connector";
    MailToInternetNoConnector => "Mail to the internet without a connector", "E-Mails ins Internet ohne Connector";
    InboundConnectorNamed => "Inbound connector “{0}”", "Eingehender Connector „{0}“";
    OutboundConnectorNamed => "Outbound connector “{0}”", "Ausgehender Connector „{0}“";
    ConnectorNamed => "Connector “{0}”", "Connector „{0}“";
    InboundConnectors => "Inbound connectors", "Eingehende Connectors";
    OutboundConnectors => "Outbound connectors", "Ausgehende Connectors";
    StartAfterEnd => "The start date ({0}) is after the end date ({1}). Pick an end date on or after the start date.",
        "Das Startdatum ({0}) liegt nach dem Enddatum ({1}). Wählen Sie ein Enddatum am oder nach dem Startdatum.";
    OutsideSpan => "No mail in these dates: the loaded data covers {0} to {1}. Choose “All data” or dates inside that span.",
        "Keine E-Mails in diesem Zeitraum: Die geladenen Daten reichen vom {0} bis {1}. Wählen Sie „Alle Daten“ oder Tage in diesem Zeitraum.";
    ShowDataFor => "Show data for", "Daten anzeigen für";
    ViewDataBy => "View data by", "Daten anzeigen nach";
    MailFlow => "Mail flow", "Nachrichtenfluss";
    TlsUsage => "TLS usage", "TLS-Nutzung";
    Dates => "Dates", "Zeitraum";
    Last7 => "Last 7 days", "Letzte 7 Tage";
    Last30 => "Last 30 days", "Letzte 30 Tage";
    Last90 => "Last 90 days", "Letzte 90 Tage";
    AllData => "All data", "Alle Daten";
    Custom => "Custom", "Benutzerdefiniert";
    StartDate => "Start date", "Startdatum";
    EndDate => "End date", "Enddatum";
    ReportDates => "{0} – {1} (UTC) · {2} messages", "{0} – {1} (UTC) · {2} Nachrichten";
    NoMailForChoice => "No mail for this choice in these dates. Try “All mail flow” or other dates.",
        "Keine E-Mails für diese Auswahl in diesem Zeitraum. Versuchen Sie „Gesamter Nachrichtenfluss“ oder einen anderen Zeitraum.";

    // Insights
    Insights => "Insights", "Erkenntnisse";
    Insight => "Insight", "Erkenntnis";
    InsightsNote => "Checked per connector and for mail without a connector: “{0}” and “{1}”, as shares of messages whose TLS version is known, for groups with at least {2} such messages.",
        "Geprüft je Connector und für E-Mails ohne Connector: „{0}“ und „{1}“, als Anteile der Nachrichten mit bekannter TLS-Version, für Gruppen mit mindestens {2} solchen Nachrichten.";
    PartnersCapped => "Partner detail is kept for at most {0} cells (a day, direction, connector and partner each), so that memory stays bounded: {1} deliveries beyond that are in every total, share and insight, but not in the partner lists, which may be incomplete.",
        "Partnerdetails werden für höchstens {0} Zellen (je Tag, Richtung, Connector und Partner) aufbewahrt, damit der Speicher begrenzt bleibt: {1} Zustellungen darüber hinaus sind in allen Summen, Anteilen und Erkenntnissen enthalten, aber nicht in den Partnerlisten, die daher unvollständig sein können.";
    NothingToFlag => "Nothing to flag for this choice and these dates.", "Für diese Auswahl und diesen Zeitraum gibt es nichts zu beanstanden.";
    NoTlsOver => "No TLS is over {0}", "Kein TLS liegt über {0}";
    Tls10Over => "TLS 1.0 is above {0}", "TLS 1.0 liegt über {0}";
    InsightShare => "{0} of {1} messages with known TLS ({2}).", "{0} von {1} Nachrichten mit bekannter TLS-Version ({2}).";
    BehindIt => "Behind it ({0} of {1}):", "Dahinter ({0} von {1}):";
    NoTlsInboundAdvice => "Mail arrives unencrypted: anyone on the path can read it. Ask the sending servers below to enable STARTTLS; for a partner connector, consider requiring TLS.",
        "E-Mails kommen unverschlüsselt an: Jeder auf dem Weg kann sie lesen. Bitten Sie die unten genannten sendenden Server, STARTTLS zu aktivieren; für einen Partner-Connector erwägen Sie, TLS zu verlangen.";
    NoTlsOutboundAdvice => "Mail leaves unencrypted: the receiving servers below do not offer TLS. Contact those partners, or force TLS on the connector once they support it.",
        "E-Mails gehen unverschlüsselt hinaus: Die unten genannten empfangenden Server bieten kein TLS an. Wenden Sie sich an diese Partner, oder erzwingen Sie TLS am Connector, sobald sie es unterstützen.";
    Tls10InboundAdvice => "Most mail arrives over TLS 1.0, which is deprecated and weak. Ask the sending servers below to enable TLS 1.2 or newer; Microsoft 365 is retiring TLS 1.0 and 1.1.",
        "Die meisten E-Mails kommen über TLS 1.0 an, das veraltet und schwach ist. Bitten Sie die unten genannten sendenden Server, TLS 1.2 oder neuer zu aktivieren; Microsoft 365 stellt TLS 1.0 und 1.1 ein.";
    Tls10OutboundAdvice => "Most mail leaves over TLS 1.0, which is deprecated and weak. The receiving servers below need TLS 1.2 or newer; contact those partners or your on-premises team.",
        "Die meisten E-Mails gehen über TLS 1.0 hinaus, das veraltet und schwach ist. Die unten genannten empfangenden Server brauchen TLS 1.2 oder neuer; wenden Sie sich an diese Partner oder Ihr lokales Serverteam.";

    // The details table
    Details => "Details", "Details";
    ExportDetails => "Export details", "Details exportieren";
    NoRows => "No rows for this choice in these dates.", "Keine Zeilen für diese Auswahl in diesem Zeitraum.";
    Date => "Date", "Datum";
    Direction => "Direction", "Richtung";
    Connector => "Connector", "Connector";
    ConnectorType => "Connector type", "Connectortyp";
    ForcedTls => "Forced TLS", "Erzwungenes TLS";
    Volume => "Volume", "Volumen";
    TlsShareColumn => "{0} %", "{0} %";
    FromInternetNoConnectorShort => "From the internet (no connector)", "Aus dem Internet (kein Connector)";
    ToInternetNoConnectorShort => "To the internet (no connector)", "Ins Internet (kein Connector)";
    Yes => "True", "Ja";
    No => "False", "Nein";

    // SMTP TLS reports
    TlsReportsTitle => "SMTP TLS reports (RFC 8460)", "SMTP-TLS-Berichte (RFC 8460)";
    TlsReportsNote => "What other providers reported about mail they sent to you: sessions that negotiated TLS as your MTA-STS or DANE policy asks, and those that failed. Sessions, not messages, and no TLS version, so they are kept apart from the report above.",
        "Was andere Anbieter über E-Mails an Sie berichten: Sitzungen, die TLS so ausgehandelt haben, wie Ihre MTA-STS- oder DANE-Richtlinie es verlangt, und solche, die scheiterten. Sitzungen statt Nachrichten und ohne TLS-Version, deshalb getrennt vom Bericht oben.";
    Day => "Day", "Tag";
    Successful => "Successful", "Erfolgreich";
    Failed => "Failed", "Fehlgeschlagen";
    SuccessRate => "Success rate", "Erfolgsquote";
    ReportingOrganisation => "Reporting organisation", "Meldende Organisation";
    FailureType => "Failure type", "Fehlerart";
    FailedSessions => "Failed sessions", "Fehlgeschlagene Sitzungen";

    // Charts
    ModernShareLabel => "{0}: {1} of known-TLS mail used TLS 1.2 or newer",
        "{0}: {1} der E-Mails mit bekannter TLS-Version nutzten TLS 1.2 oder neuer";
    WithTlsUnknown => "{0}, {1} with TLS unknown", "{0}, bei {1} TLS unbekannt";
    ShareHover => "{0} — {1}: {2} ({3} of known TLS)", "{0} – {1}: {2} ({3} der bekannten TLS-Werte)";
    FlowHover => "{0} — {1}: {2}", "{0} – {1}: {2}";
    MessagesPerDay => "{0}: messages per day, {1} to {2}", "{0}: Nachrichten pro Tag, {1} bis {2}";
    TlsUsagePerDay => "{0}: TLS usage per day, {1} to {2}", "{0}: TLS-Nutzung pro Tag, {1} bis {2}";
    KnownTlsOnDay => "{0}: {1} with known TLS", "{0}: {1} mit bekannter TLS-Version";
    UnknownNotInShares => "Unknown (not in shares): {0}", "Unbekannt (nicht in den Anteilen): {0}";

    // Formats (the English names are also what a host page's `loaded` event names)
    FormatMailflowCsv => "Mailflow CSV", "Mailflow-CSV";
    FormatMailflowExport => "Mailflow report export (CSV)", "Mailflow-Berichtsexport (CSV)";
    FormatMailflowJsonl => "Mailflow JSON Lines", "Mailflow-JSON-Lines";
    FormatExoTrace => "Exchange Online message trace", "Exchange Online-Nachrichtenablaufverfolgung";
    FormatExoEnhanced => "Exchange Online enhanced summary report", "Exchange Online-Bericht „Erweiterte Zusammenfassung“";
    FormatExoExtended => "Exchange Online extended report", "Exchange Online-Bericht „Erweitert“";
    FormatExoDetail => "Exchange Online message trace detail", "Exchange Online-Nachrichtenablaufverfolgung (Details)";
    FormatExoConnectors => "Exchange Online connector settings", "Exchange Online-Connectoreinstellungen";
    FormatMapped => "CSV read with your column mapping", "CSV, gelesen mit Ihrer Spaltenzuordnung";
    FormatPostfix => "Postfix log", "Postfix-Protokoll";
    FormatTlsReport => "SMTP TLS report (RFC 8460)", "SMTP-TLS-Bericht (RFC 8460)";
    FormatExchangeTracking => "Exchange Server message tracking log", "Exchange Server-Nachrichtenverfolgungsprotokoll";
    FormatExchangeReceive => "Exchange Server SMTP receive protocol log", "Exchange Server-SMTP-Empfangsprotokoll";
    FormatExchangeSend => "Exchange Server SMTP send protocol log", "Exchange Server-SMTP-Sendeprotokoll";
    FormatExim => "Exim main log", "Exim-Hauptprotokoll";

    // What Mailflow says about a file: why it cannot be used, why rows were skipped, warnings
    FileEmpty => "the file is empty. Export the trace again and drop the new file.",
        "Die Datei ist leer. Exportieren Sie die Daten erneut und legen Sie die neue Datei ab.";
    BinaryFile => "this is {0}, not a mail-flow trace. {1}", "Das ist {0}, keine Nachrichtenfluss-Aufzeichnung. {1}";
    NotTextFile => "this is not a text file (it holds binary data). Mailflow reads CSV and JSON Lines traces and mail-server logs.",
        "Das ist keine Textdatei (sie enthält Binärdaten). Mailflow liest CSV- und JSON-Lines-Aufzeichnungen und Mailserver-Protokolle.";
    KindZip => "a ZIP archive", "ein ZIP-Archiv";
    KindEmptyZip => "an empty ZIP archive", "ein leeres ZIP-Archiv";
    KindGzip => "a gzip-compressed file", "eine gzip-komprimierte Datei";
    KindPng => "a PNG image", "ein PNG-Bild";
    KindJpeg => "a JPEG image", "ein JPEG-Bild";
    KindGif => "a GIF image", "ein GIF-Bild";
    KindPdf => "a PDF document", "ein PDF-Dokument";
    KindOffice => "an old Office document (.xls/.doc)", "ein altes Office-Dokument (.xls/.doc)";
    Kind7z => "a 7-Zip archive", "ein 7-Zip-Archiv";
    KindRar => "a RAR archive", "ein RAR-Archiv";
    KindBzip2 => "a bzip2-compressed file", "eine bzip2-komprimierte Datei";
    KindXz => "an xz-compressed file", "eine xz-komprimierte Datei";
    KindWasm => "a WebAssembly module", "ein WebAssembly-Modul";
    AdviceUnzip => "Unpack it and drop the CSV or log files inside.", "Entpacken Sie es und legen Sie die CSV- oder Protokolldateien darin ab.";
    AdviceDropFiles => "Drop the trace files themselves.", "Legen Sie die Dateien selbst ab.";
    AdviceGunzip => "Decompress it (gunzip) and drop the file inside.", "Entpacken Sie sie (gunzip) und legen Sie die enthaltene Datei ab.";
    AdviceDropTrace => "Drop an exported message trace (CSV) or a mail-server log instead.",
        "Legen Sie stattdessen eine exportierte Nachrichtenablaufverfolgung (CSV) oder ein Mailserver-Protokoll ab.";
    AdviceExportCsv => "Export the trace as CSV and drop that file instead.", "Exportieren Sie die Daten als CSV und legen Sie stattdessen diese Datei ab.";
    AdviceSaveCsv => "Save it as CSV and drop that file.", "Speichern Sie es als CSV und legen Sie diese Datei ab.";
    AdviceUnpack => "Unpack it and drop the files inside.", "Entpacken Sie es und legen Sie die enthaltenen Dateien ab.";
    AdviceDecompress => "Decompress it and drop the file inside.", "Entpacken Sie sie und legen Sie die enthaltene Datei ab.";
    NoLinesOfText => "the file has no lines of text.", "Die Datei enthält keine Textzeilen.";
    NotRecognised => "not a trace Mailflow recognises: {0}", "Keine Aufzeichnung, die Mailflow kennt: {0}";
    HeaderExpected => "line {0} should be a header naming the columns, but it has {1}: there is no column for {2}. Mailflow expects a CSV with date, direction, connector, tls and count columns (or its report export); see “Supported inputs” in the README.",
        "Zeile {0} sollte eine Kopfzeile mit den Spaltennamen sein, enthält aber {1}: Es fehlt eine Spalte für {2}. Mailflow erwartet eine CSV-Datei mit den Spalten date, direction, connector, tls und count (oder seinen Berichtsexport); siehe „Supported inputs“ im README.";
    Nothing => "nothing", "nichts";
    Verbatim => "{0}", "{0}";
    AndMore => "{0} and {1} more", "{0} und {1} weitere";
    DateEmpty => "the date is empty", "Das Datum ist leer";
    DateUnreadable => "date \"{0}\" is not a date Mailflow reads", "„{0}“ ist kein Datum, das Mailflow lesen kann";
    DateUnreadableIso => "date \"{0}\" is not a date Mailflow reads (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)",
        "„{0}“ ist kein Datum, das Mailflow lesen kann (JJJJ-MM-TT oder JJJJ-MM-TTThh:mm:ssZ)";
    NoMessageId => "the row has no message id", "Die Zeile hat keine Nachrichten-ID";
    ExpandedStatus => "status Expanded is a distribution group expansion, not a delivery",
        "Der Status Expanded ist die Erweiterung einer Verteilergruppe, keine Zustellung";
    RowNoRecipient => "the row has no recipient", "Die Zeile hat keinen Empfänger";
    StatusNoRecipient => "recipient_status names no recipient", "recipient_status nennt keinen Empfänger";
    RowNamesNoRecipient => "the row names no recipient", "Die Zeile nennt keinen Empfänger";
    DirectionUnreadable => "direction \"{0}\" is not Inbound, Outbound or Intra-org", "Die Richtung „{0}“ ist weder Inbound noch Outbound noch Intra-org";
    TlsUnreadable => "TLS \"{0}\" is not a TLS value Mailflow reads (it reads No TLS, none, no, plain, false; TLS 1.0 to 1.3 written as TLS 1.2, TLSv1.2, TLS12, tls1_2, 1.2, 0x0303 or 771; SSLv3; Unknown)",
        "TLS „{0}“ ist kein TLS-Wert, den Mailflow liest (es liest No TLS, none, no, plain, false; TLS 1.0 bis 1.3 geschrieben als TLS 1.2, TLSv1.2, TLS12, tls1_2, 1.2, 0x0303 oder 771; SSLv3; Unknown)";
    CountUnreadable => "count \"{0}\" is not a whole number", "Die Anzahl „{0}“ ist keine ganze Zahl";
    VolumeUnreadable => "volume \"{0}\" is not a whole number", "Das Volumen „{0}“ ist keine ganze Zahl";
    PercentNoVolume => "the TLS columns are percentages but the row has no Volume", "Die TLS-Spalten sind Prozentwerte, aber die Zeile hat kein Volumen";
    NotPercentage => "\"{0}\" is not a percentage", "„{0}“ ist kein Prozentwert";
    PercentRange => "a TLS percentage is not between 0 and 100", "Ein TLS-Prozentwert liegt nicht zwischen 0 und 100";
    TlsCountUnreadable => "{0} count \"{1}\" is not a whole number", "Die Anzahl für {0}, „{1}“, ist keine ganze Zahl";
    TlsCountsOverVolume => "the TLS counts add up to {0}, more than the Volume of {1}", "Die TLS-Anzahlen ergeben zusammen {0}, mehr als das Volumen von {1}";
    JsonBraceExpected => "expected '{'", "'{' erwartet";
    JsonKeyExpected => "expected a key in quotes", "Schlüssel in Anführungszeichen erwartet";
    JsonColonExpected => "expected ':'", "':' erwartet";
    JsonCommaExpected => "expected ',' or '}'", "',' oder '}' erwartet";
    JsonStringOpen => "the string does not end", "die Zeichenkette endet nicht";
    JsonUnicodeEscape => "a \\u escape needs four hex digits", "eine \\u-Escape-Sequenz braucht vier Hex-Ziffern";
    JsonUnknownEscape => "unknown escape", "unbekannte Escape-Sequenz";
    JsonNestedOpen => "the nested value does not end", "der verschachtelte Wert endet nicht";
    JsonValueExpected => "expected a value", "Wert erwartet";
    JsonTrailing => "unexpected text after the object", "unerwarteter Text nach dem Objekt";
    AtColumn => "{0} at column {1}", "{0} in Spalte {1}";
    NotJsonObject => "the line is not a JSON object ({0})", "Die Zeile ist kein JSON-Objekt ({0})";
    CsvUnreadable => "the row could not be read as CSV ({0})", "Die Zeile ließ sich nicht als CSV lesen ({0})";
    FieldCount => "the row has {0} fields but the header has {1} (is the file cut short?)",
        "Die Zeile hat {0} Felder, die Kopfzeile aber {1} (ist die Datei abgeschnitten?)";
    FieldsLineCount => "the row has {0} fields; the #Fields line names {1}", "Die Zeile hat {0} Felder; die #Fields-Zeile nennt {1}";
    ProtocolFieldsMissing => "the #Fields line lacks date-time, connector-id, session-id, remote-endpoint, event or data",
        "Der #Fields-Zeile fehlt date-time, connector-id, session-id, remote-endpoint, event oder data";
    TrackingFieldsMissing => "the #Fields line lacks date-time, event-id or recipient-address",
        "Der #Fields-Zeile fehlt date-time, event-id oder recipient-address";
    DateTimeNotDate => "the date-time is not a date", "date-time ist kein Datum";
    ConnectorNoName => "the connector has no name", "Der Connector hat keinen Namen";
    DayDoesNotExist => "the date does not exist (e.g. Feb 30)", "Das Datum gibt es nicht (z. B. 30. Februar)";
    ReportInvalid => "report {0} is not a valid SMTP TLS report ({1})", "Bericht {0} ist kein gültiger SMTP-TLS-Bericht ({1})";
    ReportStartNotDate => "the report's start-datetime \"{0}\" is not a date", "start-datetime „{0}“ des Berichts ist kein Datum";
    NothingCrossed => "no RECEIVE of incoming or SEND of originating mail over SMTP in it: nothing crossed the organisation's boundary",
        "Kein RECEIVE eingehender und kein SEND ausgehender E-Mails über SMTP darin: Nichts hat die Grenze der Organisation überschritten";
    NoteSessions => "Sessions, not deliveries: they are summed in the SMTP TLS reports panel.",
        "Sitzungen, keine Zustellungen: Sie werden im Bereich der SMTP-TLS-Berichte zusammengefasst.";
    NoConnectorListed => "it lists no connector.", "Die Datei nennt keinen Connector.";
    NoteConnectors => "Connector settings: they fill Connector type and Forced TLS in the report.",
        "Connectoreinstellungen: Sie füllen Connectortyp und Erzwungenes TLS im Bericht.";
    NoRowUsable => "none of its {0} rows could be used; the first problem is on line {1}: {2}",
        "Keine der {0} Zeilen war verwendbar; das erste Problem steht in Zeile {1}: {2}";
    NoServerLines => "it has no lines of the mail server. Export the trace again with a date range that has mail.",
        "Die Datei enthält keine Zeilen des Mailservers. Exportieren Sie die Daten erneut für einen Zeitraum mit E-Mails.";
    HeaderNoRows => "it has a header but no rows. Export the trace again with a date range that has mail.",
        "Die Datei hat eine Kopfzeile, aber keine Zeilen. Exportieren Sie die Daten erneut für einen Zeitraum mit E-Mails.";
    GzipDamaged => "the gzip data is damaged ({0}); what came before was read", "Die gzip-Daten sind beschädigt ({0}); was davor stand, wurde gelesen";
    GzipDamagedOrCut => "the gzip data is damaged or cut short ({0}); what came before was read",
        "Die gzip-Daten sind beschädigt oder abgeschnitten ({0}); was davor stand, wurde gelesen";
    TooBigWhole => "the file is {0} GB; Mailflow reads {1} whole, up to 1 GB. Split it (for example by date) and drop the parts.",
        "Die Datei ist {0} GB groß; Mailflow liest {1} im Ganzen, bis 1 GB. Teilen Sie sie (etwa nach Datum) und legen Sie die Teile ab.";
    ZipArchives => "zip archives", "ZIP-Archive";
    FilesOfThisFormat => "files of this format", "Dateien dieses Formats";
    UnpacksOver1Gb => "it unpacks to more than 1 GB; only the first 1 GB was read", "Entpackt ist die Datei größer als 1 GB; nur das erste 1 GB wurde gelesen";
    ZipCannotOpen => "the zip archive cannot be opened ({0}); it may be damaged or cut short",
        "Das ZIP-Archiv lässt sich nicht öffnen ({0}); es ist womöglich beschädigt oder abgeschnitten";
    EntryUnreadable => "this entry cannot be read ({0})", "Dieser Eintrag lässt sich nicht lesen ({0})";
    EntryDamaged => "this entry is damaged ({0}); what came before was read", "Dieser Eintrag ist beschädigt ({0}); was davor stand, wurde gelesen";
    ZipEmpty => "the zip archive holds no files", "Das ZIP-Archiv enthält keine Dateien";
    WorkerAnswerUnreadable => "the loading worker's answer could not be read ({0})", "Die Antwort des Lade-Workers ließ sich nicht lesen ({0})";
    HandOverFailed => "the file could not be handed to the loading worker.", "Die Datei ließ sich nicht an den Lade-Worker übergeben.";
    WorkerCouldNotStart => "it could not start", "er konnte nicht starten";
    WorkerStopped => "the loading worker stopped while reading it ({0}). The browser may have run out of memory: split the file and drop the parts.",
        "Der Lade-Worker hielt beim Lesen an ({0}). Womöglich reichte der Speicher des Browsers nicht: Teilen Sie die Datei und legen Sie die Teile ab.";
    BrowserCouldNotRead => "the browser could not read the file. Check that it still exists and try again.",
        "Der Browser konnte die Datei nicht lesen. Prüfen Sie, ob es sie noch gibt, und versuchen Sie es erneut.";
    ServerSentNothing => "{0}: the server sent no content.", "{0}: Der Server hat keinen Inhalt gesendet.";
    DownloadBrokeOff => "the download of {0} broke off. Try again.", "Der Download von {0} brach ab. Versuchen Sie es erneut.";
    NotWebAddress => "\"{0}\" is not a web address.", "„{0}“ ist keine Webadresse.";
    NotHttp => "{0} is not an http or https address.", "{0} ist keine http- oder https-Adresse.";
    NoAnswer => "{0} did not answer within {1} seconds. Try again, or download the file and drop it here.",
        "{0} hat nicht innerhalb von {1} Sekunden geantwortet. Versuchen Sie es erneut, oder laden Sie die Datei herunter und legen Sie sie hier ab.";
    NoCors => "the server at {0} does not allow cross-origin reads (or cannot be reached): host the file next to Mailflow, or enable CORS on that server (Access-Control-Allow-Origin), or download it and drop it here.",
        "Der Server {0} erlaubt keine ursprungsübergreifenden Zugriffe (oder ist nicht erreichbar): Legen Sie die Datei neben Mailflow ab, aktivieren Sie CORS auf diesem Server (Access-Control-Allow-Origin), oder laden Sie sie herunter und legen Sie sie hier ab.";
    FetchFailed => "{0} could not be fetched ({1}). Check the address and your connection.",
        "{0} ließ sich nicht abrufen ({1}). Prüfen Sie die Adresse und Ihre Verbindung.";
    NotFound => "{0} was not found (HTTP 404). Check the address.", "{0} wurde nicht gefunden (HTTP 404). Prüfen Sie die Adresse.";
    HttpStatus => "the server answered HTTP {0} {1} for {2}.", "Der Server antwortete mit HTTP {0} {1} auf {2}.";
}

/// One argument of a [`Said`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    /// Text as it is: a name, a cell's value, a library's own error.
    Text(String),
    /// A count, written the language's way (`1,234` / `1.234`).
    Count(u64),
    /// A number as it is, without separators (a line or column number, a year, a status).
    Number(u64),
    /// A size in bytes, written in GB with one decimal.
    Gigabytes(u64),
    /// Another message.
    Said(Box<Said>),
}

/// Something Mailflow says to the person who dropped a file: a message and its arguments,
/// worded in a language only when shown ([`Lang::say`]; `to_string` gives English).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Said {
    /// What is said.
    pub msg: Msg,
    /// What fills its `{0}`, `{1}`, ...
    pub args: Vec<Arg>,
}

impl Said {
    /// A message with no arguments yet.
    pub fn new(msg: Msg) -> Said {
        Said { msg, args: Vec::new() }
    }

    /// Adds text as it is.
    pub fn text(mut self, text: impl Into<String>) -> Said {
        self.args.push(Arg::Text(text.into()));
        self
    }

    /// Adds a count, written the language's way.
    pub fn count(mut self, n: impl TryInto<u64>) -> Said {
        self.args.push(Arg::Count(n.try_into().unwrap_or(u64::MAX)));
        self
    }

    /// Adds a number as it is (a line number, a status code).
    pub fn number(mut self, n: impl TryInto<u64>) -> Said {
        self.args.push(Arg::Number(n.try_into().unwrap_or(u64::MAX)));
        self
    }

    /// Adds another message.
    pub fn said(mut self, said: impl Into<Said>) -> Said {
        self.args.push(Arg::Said(Box::new(said.into())));
        self
    }

    /// Adds a size in bytes, said in GB.
    pub fn gigabytes(mut self, bytes: u64) -> Said {
        self.args.push(Arg::Gigabytes(bytes));
        self
    }
}

impl From<Msg> for Said {
    fn from(msg: Msg) -> Said {
        Said::new(msg)
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.say(self))
    }
}

const DE_MONTHS: [&str; 12] = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];

impl Lang {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The language's code, as in `lang` attributes and the `language` option: `en`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, for a picker: `English`, `Deutsch`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    /// The language a BCP 47 tag asks for (`de`, `de-CH`, `en_GB`, `EN`), if the interface
    /// speaks it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first language of a preference list (explicit choices first, then the browser's
    /// languages) that the interface speaks; English when none is.
    pub fn choose<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        preferences.into_iter().find_map(Lang::parse).unwrap_or_default()
    }

    /// A message's text.
    pub fn t(self, msg: Msg) -> &'static str {
        match self {
            Lang::En => msg.en(),
            Lang::De => msg.de(),
        }
    }

    /// A message with `{0}`, `{1}`, ... replaced by `args` (in the order the language needs).
    pub fn fill(self, msg: Msg, args: &[&dyn Display]) -> String {
        let template = self.t(msg);
        let mut out = String::with_capacity(template.len() + 16 * args.len());
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            match after.split_once('}').and_then(|(n, tail)| n.parse::<usize>().ok().map(|i| (i, tail))) {
                Some((i, tail)) => {
                    if let Some(a) = args.get(i) {
                        out.push_str(&a.to_string());
                    }
                    rest = tail;
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// What the core said, in this language.
    pub fn say(self, said: &Said) -> String {
        let args: Vec<String> = said
            .args
            .iter()
            .map(|a| match a {
                Arg::Text(t) => t.clone(),
                Arg::Count(n) => self.thousands(*n),
                Arg::Number(n) => n.to_string(),
                Arg::Gigabytes(b) => self.decimal(*b as f64 / 1e9, 1),
                Arg::Said(s) => self.say(s),
            })
            .collect();
        let refs: Vec<&dyn Display> = args.iter().map(|a| a as &dyn Display).collect();
        self.fill(said.msg, &refs)
    }

    /// `1234567` as `1,234,567` (English) or `1.234.567` (German).
    pub fn thousands(self, n: u64) -> String {
        let separator = match self {
            Lang::En => ',',
            Lang::De => '.',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// A count with its noun in the singular or plural: `1 message`, `1.024 Nachrichten`.
    pub fn count(self, n: u64, one: Msg, many: Msg) -> String {
        format!("{} {}", self.thousands(n), self.t(if n == 1 { one } else { many }))
    }

    /// A number with `places` decimals: `2.5` / `2,5`.
    pub fn decimal(self, value: f64, places: usize) -> String {
        let s = format!("{value:.places$}");
        match self {
            Lang::En => s,
            Lang::De => s.replace('.', ","),
        }
    }

    /// A value in percent as written after a number: `25%` / `25 %` (German puts a no-break
    /// space before the sign).
    pub fn percent_of(self, value: &str) -> String {
        match self {
            Lang::En => format!("{value}%"),
            Lang::De => format!("{value}\u{a0}%"),
        }
    }

    /// A share with one decimal (`97.9%`, `97,9 %`), or `–` when there is none.
    pub fn percent(self, share: Option<f64>) -> String {
        match share {
            Some(s) => self.percent_of(&self.decimal(s, 1)),
            None => "–".to_string(),
        }
    }

    /// A threshold as few digits as it needs (`25%`, `12,5 %`).
    pub fn threshold(self, t: f64) -> String {
        let digits = if t.fract() == 0.0 { format!("{t:.0}") } else { self.decimal(t, 1) };
        self.percent_of(&digits)
    }

    /// A day for chart axes and tooltips: `Nov 20` / `20.11.`.
    pub fn short_day(self, d: NaiveDate) -> String {
        match self {
            Lang::En => d.format("%b %-d").to_string(),
            Lang::De => format!("{}.{}.", d.day(), d.month()),
        }
    }

    /// A day for sentences: `20 Nov 2026` / `20. Nov. 2026`.
    pub fn long_day(self, d: NaiveDate) -> String {
        match self {
            Lang::En => d.format("%-d %b %Y").to_string(),
            Lang::De => format!("{}. {} {}", d.day(), DE_MONTHS[d.month0() as usize], d.year()),
        }
    }

    /// A day in a table cell: `2026-11-20` / `20.11.2026`.
    pub fn table_day(self, d: NaiveDate) -> String {
        match self {
            Lang::En => d.format("%Y-%m-%d").to_string(),
            Lang::De => d.format("%d.%m.%Y").to_string(),
        }
    }

    /// A direction's name.
    pub fn direction(self, d: Direction) -> &'static str {
        self.t(match d {
            Direction::Inbound => Msg::Inbound,
            Direction::Outbound => Msg::Outbound,
            Direction::IntraOrg => Msg::IntraOrg,
        })
    }

    /// A TLS value's name: the versions read the same in every language.
    pub fn tls(self, t: Tls) -> &'static str {
        match t {
            Tls::None => self.t(Msg::NoTls),
            Tls::Unknown => self.t(Msg::Unknown),
            other => other.label(),
        }
    }

    /// A size in bytes as `12.3 MB` or `2.05 GB`.
    pub fn megabytes(self, bytes: f64) -> String {
        if bytes >= 1e9 {
            format!("{} GB", self.decimal(bytes / 1e9, 2))
        } else {
            format!("{} MB", self.decimal(bytes / 1e6, 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{n}` placeholders of a template, sorted.
    fn placeholders(template: &str) -> Vec<String> {
        let mut out: Vec<String> = template
            .match_indices('{')
            .filter_map(|(i, _)| template[i + 1..].split_once('}').map(|(n, _)| n.to_string()))
            .filter(|n| n.parse::<usize>().is_ok())
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for m in Msg::ALL {
            let (en, de) = (Lang::En.t(*m), Lang::De.t(*m));
            assert!(!en.trim().is_empty() && !de.trim().is_empty(), "{m:?} is empty");
            assert_eq!(placeholders(en), placeholders(de), "{m:?}: {en:?} vs {de:?}");
            assert_eq!(en.trim(), en, "{m:?}: spacing belongs in the view");
            assert_eq!(de.trim(), de, "{m:?}: spacing belongs in the view");
        }
    }

    #[test]
    fn german_is_translated_except_for_shared_terms() {
        // Words German takes over as they are; any other message equal in both is a forgotten
        // translation.
        const SAME: &[Msg] = &[Msg::Zone, Msg::Tls, Msg::Details, Msg::Connector, Msg::TlsShareColumn, Msg::ConnectorNamed, Msg::Verbatim];
        for m in Msg::ALL {
            if !SAME.contains(m) {
                assert_ne!(Lang::En.t(*m), Lang::De.t(*m), "{m:?} is not translated");
            }
        }
    }

    #[test]
    fn fills_placeholders_in_the_language_order() {
        assert_eq!(Lang::En.fill(Msg::ProgressOf, &[&"37%", &"1.2 MB", &"3.0 MB"]), "37% · 1.2 MB of 3.0 MB");
        assert_eq!(Lang::De.fill(Msg::RemoveFile, &[&"a.csv"]), "a.csv entfernen");
        assert_eq!(Lang::En.fill(Msg::RemoveFile, &[&"{1} a.csv"]), "Remove {1} a.csv", "arguments are not filled again");
        assert_eq!(Lang::En.fill(Msg::WhySkipped, &[&3]), "Why 3 rows were skipped (first )", "a missing argument leaves a gap");
    }

    #[test]
    fn numbers_shares_and_days_per_language() {
        assert_eq!((Lang::En.thousands(1234567), Lang::De.thousands(1234567)), ("1,234,567".into(), "1.234.567".into()));
        assert_eq!([0, 999, 1000].map(|n| Lang::En.thousands(n)), ["0", "999", "1,000"]);
        assert_eq!((Lang::En.percent(Some(97.94)), Lang::De.percent(Some(97.94))), ("97.9%".into(), "97,9\u{a0}%".into()));
        assert_eq!(Lang::De.percent(None), "–");
        assert_eq!((Lang::En.threshold(25.0), Lang::De.threshold(12.5)), ("25%".into(), "12,5\u{a0}%".into()));
        assert_eq!(Lang::De.count(1, Msg::Message, Msg::Messages), "1 Nachricht");
        assert_eq!(Lang::De.count(1024, Msg::Message, Msg::Messages), "1.024 Nachrichten");
        assert_eq!(Lang::De.megabytes(2.5e6), "2,5 MB");
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!((Lang::En.short_day(d), Lang::De.short_day(d)), ("Mar 2".into(), "2.3.".into()));
        assert_eq!((Lang::En.long_day(d), Lang::De.long_day(d)), ("2 Mar 2026".into(), "2. März 2026".into()));
        assert_eq!((Lang::En.table_day(d), Lang::De.table_day(d)), ("2026-03-02".into(), "02.03.2026".into()));
        assert_eq!((Lang::De.direction(Direction::Inbound), Lang::De.tls(Tls::None), Lang::De.tls(Tls::V1_3)), ("Eingehend", "Kein TLS", "TLS 1.3"));
    }

    #[test]
    fn what_the_core_said_is_worded_in_each_language() {
        let reason = Said::new(Msg::DateUnreadable).text("gestern");
        let said = Said::new(Msg::NoRowUsable).count(1234u64).number(1234u64).said(reason);
        assert_eq!(said.to_string(), "none of its 1,234 rows could be used; the first problem is on line 1234: date \"gestern\" is not a date Mailflow reads");
        assert_eq!(
            Lang::De.say(&said),
            "Keine der 1.234 Zeilen war verwendbar; das erste Problem steht in Zeile 1234: „gestern“ ist kein Datum, das Mailflow lesen kann"
        );
        let big = Said::new(Msg::TooBigWhole).gigabytes(1_234_000_000).said(Msg::ZipArchives);
        assert!(Lang::De.say(&big).starts_with("Die Datei ist 1,2 GB groß; Mailflow liest ZIP-Archive im Ganzen"), "{}", Lang::De.say(&big));
        assert!(big.to_string().starts_with("the file is 1.2 GB; Mailflow reads zip archives whole"));
    }

    #[test]
    fn chooses_the_first_spoken_language() {
        assert_eq!(Lang::parse("de-CH"), Some(Lang::De));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::choose(["fr-FR", "de", "en"]), Lang::De);
        assert_eq!(Lang::choose(["fr", "it"]), Lang::En);
        assert_eq!(Lang::choose([]), Lang::En);
    }
}
