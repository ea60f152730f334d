## The page
Tagline = Mail-flow TLS and connector report — computed in your browser
PageTitle = Mailflow — mail-flow TLS and connector report
Language = Language
DropOverlay = Drop files to add them to the report

## Loading
LoadTraces = Load traces
DropHere = Drop message-trace exports or mail-server logs anywhere on this page
NothingUploaded = — everything is computed in your browser; nothing is uploaded.
ChooseFiles = Choose files…
TrySample = Try the sample
Clear = Clear
LoadFromUrl = Load from URL
UrlPlaceholder = Load from URL: https://…/trace.csv
Load = Load
FilesBeingRead = Files being read
Waiting = waiting
ProgressOf = { $v0 } · { $v1 } of { $v2 }
SecondsLeft = { $v0 } s left
MinutesLeft = { $v0 } min left
SizeMb = { $v0 } MB
SizeGb = { $v0 } GB
Rate = { $v0 } MB/s
Reading = Reading { $v0 }
CancelReading = Cancel reading { $v0 }
Cancel = Cancel
StoppedReading = Stopped reading { $v0 }. Files loaded before it stay.
AddingToReport = Adding to the report…

## Counted things
Deliveries =
    { $v0 ->
        [one] delivery
       *[other] deliveries
    }
Messages =
    { $v0 ->
        [one] message
       *[other] messages
    }
RowsRead =
    { $v0 ->
        [one] row read
       *[other] rows read
    }
RowsSkipped =
    { $v0 ->
        [one] row skipped
       *[other] rows skipped
    }

## The load summary
LoadedFiles = Loaded files
RemoveFile = Remove { $v0 }
RemoveThisFile = Remove this file
DataUnchanged = Data loaded before is unchanged.
DuplicatesDropped = duplicates dropped
JoinedWithOthers = joined with other files
DirectionFromDomains = (direction from your domains)
LogCounts = { $v0 } failed or deferred (not delivered) · { $v1 } local (not mail flow in or out)
LogOtherLines =
    { $v0 ->
        [one] { $v0 } line was not a delivery (a connection, rejection, warning, TLS line or other program)
       *[other] { $v0 } lines were not deliveries (connections, rejections, warnings, TLS lines, other programs)
    }
Submissions =
    { $v0 ->
        [one] { $v0 } authenticated client submission (SMTP AUTH), counted apart from inbound mail flow: { $v1 }
       *[other] { $v0 } authenticated client submissions (SMTP AUTH), counted apart from inbound mail flow: { $v1 }
    }
TlsUnlogged = { $v0 } inbound and { $v1 } outbound deliveries count as Unknown TLS, not No TLS: this log has no TLS line at all for their server, so the server most likely does not log TLS. To log it, set smtpd_tls_loglevel = 1 and smtp_tls_loglevel = 1 (Postfix) or log_selector = +tls_cipher (Exim).
TlsLoggedButton = This server logs TLS: count these as No TLS
TlsLoggedSaid = Deliveries without a TLS line count as No TLS, as you said this server logs TLS.
TlsLoggedUndo = Count them as Unknown again
BeforeLog =
    { $v0 ->
        [one] { $v0 } delivery belongs to an SMTP session that began before the log starts: its TLS is Unknown.
       *[other] { $v0 } deliveries belong to SMTP sessions that began before the log starts: their TLS is Unknown.
    }
WorkerDefect = Mailflow hit a defect while reading this file: a bug in Mailflow, not a problem with the file or the browser. Please report it with the details below.
DefectDetails = Details for a bug report
NoYearInLines = The lines carry no year: read from { $v0 }.
LocalTimesAs = Local times read as { $v0 }.
FirstYear = First year
Zone = Zone
DayFirst = day first (31/12/2026)
MonthFirst = month first (12/31/2026)
DatesReadCertain = Dates read { $v0 }.
DatesReadEither = Dates read { $v0 }: the file could be read either way.
ReadThemOtherWay = Read them { $v0 }
WhySkipped =
    { $v0 ->
        [one] Why 1 row was skipped
       *[other] Why { $v0 } rows were skipped (first { $v1 })
    }
SkipAtLine = line { $v0 }: { $v1 }
MapColumns = Map its columns
MapColumnsHint = — tell Mailflow which column holds what; the choice is remembered for files with the same header.
DateOrTime = Date or time
TlsVersion = TLS version
Count = Count
RemoteHost = Remote host
Choose = choose…
NoColumn = none
LoadWithColumns = Load with these columns
YourDomains = Your domains
DomainsYours = (yours, remembered in this browser)
DomainsSuggested = (suggested from the data)
UseTheseDomains = Use these domains
UseSuggestion = Use the suggestion
DomainsNote = Some files do not say which way mail went: mail from one of your domains to another is intra-org, to outside outbound, from outside inbound.
Unplaced = { $v0 } could not be placed: neither side is one of your domains.
IntraOrgNote =
    { $v0 ->
        [one] { $v0 } intra-org delivery is counted here but kept out of the TLS views, as in Microsoft's reports.
       *[other] { $v0 } intra-org deliveries are counted here but kept out of the TLS views, as in Microsoft's reports.
    }

## The widget
WidgetTitle = Outbound and inbound mail flow
WidgetEmptyBefore = No mail flow loaded yet. Drop a message-trace export or a mail-server log on this page, or choose
WidgetEmptyAfter = to see a full report.
WidgetDates = { $v0 } – { $v1 } (last 7 days of the loaded data, UTC)
ViewDetails = View details
InboundModern = { $v0 } of inbound mail was protected by TLS 1.2 or newer.
OutboundModern = { $v0 } of outbound mail was protected by TLS 1.2 or newer.
InboundTlsUnknown = The loaded data does not say which TLS version inbound mail used.
OutboundTlsUnknown = The loaded data does not say which TLS version outbound mail used.
NoInbound = No inbound mail in these days.
NoOutbound = No outbound mail in these days.
NoKnownTls = No delivery in these days has a known TLS version.
DownloadSvg = Download SVG
DownloadPng = Download PNG

## The flyout
FlyoutTitle = Message protected in transit (by TLS)
Close = Close
FlyoutDates = { $v0 } – { $v1 } (UTC). Shares are of messages whose TLS version is known.
Tls = TLS
NotInShares = not in shares
Total = Total
ConnectorReport = Connector report
FlyoutReportLink = — mail flow and TLS per connector for these dates.

## Directions and TLS values
Inbound = Inbound
Outbound = Outbound
IntraOrg = Intra-org
NoTls = No TLS
Unknown = Unknown

## The connector report
AllMailFlow = All mail flow
AllInbound = All inbound mail
AllOutbound = All outbound mail
FromInternetNoConnector = From the internet without a connector
ToInternetNoConnector = To the internet without a connector
MailNoConnector = Mail without a connector
MailFromInternetNoConnector = Mail from the internet without a connector
MailToInternetNoConnector = Mail to the internet without a connector
InboundConnectorNamed = Inbound connector “{ $v0 }”
OutboundConnectorNamed = Outbound connector “{ $v0 }”
ConnectorNamed = Connector “{ $v0 }”
InboundConnectors = Inbound connectors
OutboundConnectors = Outbound connectors
StartAfterEnd = The start date ({ $v0 }) is after the end date ({ $v1 }). Pick an end date on or after the start date.
OutsideSpan = No mail in these dates: the loaded data covers { $v0 } to { $v1 }. Choose “All data” or dates inside that span.
ShowDataFor = Show data for
ViewDataBy = View data by
MailFlow = Mail flow
TlsUsage = TLS usage
TransitSecurity = Transit security
LevelVerified = Verified
LevelEncrypted = Encrypted, not verified
LevelUnknown = Not said
Dates = Dates
Last7 = Last 7 days
Last30 = Last 30 days
Last90 = Last 90 days
AllData = All data
Custom = Custom
StartDate = Start date
EndDate = End date
ReportDates = { $v0 } – { $v1 } (UTC) · { $v2 } messages
DirectionTotal = { $v0 } { $v1 }
NoMailForChoice = No mail for this choice in these dates. Try “All mail flow” or other dates.

## Insights
Insights = Insights
Insight = Insight
InsightsNote = Checked per connector and for mail without a connector: “{ $v0 }” and “{ $v1 }”, as shares of messages whose TLS version is known, for groups with at least { $v2 } such messages.
PartnersCapped = Partner detail is kept for at most { $v0 } cells (a day, direction, connector and partner each), so that memory stays bounded: { $v1 } deliveries beyond that are in every total, share and insight, but not in the partner lists, which may be incomplete.
NothingToFlag = Nothing to flag for this choice and these dates.
NoTlsOver = No TLS is over { $v0 }
Tls10Over = TLS 1.0 is above { $v0 }
NoTlsRising = No TLS rose past { $v0 }
Tls10Rising = TLS 1.0 rose past { $v0 }
NewWithoutTls = New without TLS
RisingHalves = { $v0 } in the first half of these days, { $v1 } in the second.
NewConnector = The connector itself is new in these days.
RisingAdvice = Something changed within these days: look for a new partner, a changed connector or TLS setting, or an expired certificate on either side.
NewAdvice = These first appear in these days and exchange mail without TLS: ask them to use TLS before the volume grows, or require TLS on the connector.
InsightShare = { $v0 } of { $v1 } messages with known TLS ({ $v2 }).
BehindIt = Behind it ({ $v0 } of { $v1 }):
NoTlsInboundAdvice = Mail arrives unencrypted: anyone on the path can read it. Ask the sending servers below to enable STARTTLS; for a partner connector, consider requiring TLS.
NoTlsOutboundAdvice = Mail leaves unencrypted: the receiving servers below do not offer TLS. Contact those partners, or force TLS on the connector once they support it.
Tls10InboundAdvice = Most mail arrives over TLS 1.0, which is deprecated and weak. Ask the sending servers below to enable TLS 1.2 or newer; Microsoft 365 is retiring TLS 1.0 and 1.1.
Tls10OutboundAdvice = Most mail leaves over TLS 1.0, which is deprecated and weak. The receiving servers below need TLS 1.2 or newer; contact those partners or your on-premises team.

## The details table
Details = Details
ExportDetails = Export details
NoRows = No rows for this choice in these dates.
Date = Date
Direction = Direction
Connector = Connector
ConnectorType = Connector type
ForcedTls = Forced TLS
Volume = Volume
TlsShareColumn = { $v0 } %
FromInternetNoConnectorShort = From the internet (no connector)
ToInternetNoConnectorShort = To the internet (no connector)
Yes = True
No = False

## SMTP TLS reports
TlsReportsTitle = SMTP TLS reports (RFC 8460)
TlsReportsNote = What other providers reported about mail they sent to you: sessions that negotiated TLS as your MTA-STS or DANE policy asks, and those that failed. Sessions, not messages, and no TLS version, so they are kept apart from the report above.
Day = Day
Successful = Successful
Failed = Failed
SuccessRate = Success rate
ReportingOrganisation = Reporting organisation
FailureType = Failure type
FailedSessions = Failed sessions

## Charts
ModernShareLabel = { $v0 }: { $v1 } of known-TLS mail used TLS 1.2 or newer
WithTlsUnknown = { $v0 }, { $v1 } with TLS unknown
ShareHover = { $v0 } — { $v1 }: { $v2 } ({ $v3 } of known TLS)
FlowHover = { $v0 } — { $v1 }: { $v2 }
MessagesPerDay = { $v0 }: messages per day, { $v1 } to { $v2 }
TlsUsagePerDay = { $v0 }: TLS usage per day, { $v1 } to { $v2 }
SecurityPerDay = { $v0 }: transit security per day, { $v1 } to { $v2 }
LabelValue = { $v0 }: { $v1 }
MailFlowMap = Mail-flow map
MapInboundOf = Inbound mail-flow map: { $v0 }
MapOutboundOf = Outbound mail-flow map: { $v0 }
MapBand = { $v0 } → { $v1 }: { $v2 }
MapNote = Partners on the left, your connectors (and mail without a connector) in the middle, the TLS used on the right; each band is as wide as its messages. The largest partners are named, the rest put together.
OtherPartners = { $v0 } other partners
UnnamedPartner = Not named by the source
NoConnector = No connector
From = From
To = To
SecurityNote = Shares of all messages. Verified: the remote server’s certificate and name (or DANE) were checked. Encrypted, not verified: TLS without that check. Not said: the source does not say; Exchange Online and Exchange Server never do, Postfix and Exim do when their TLS logging is on.
DomainsWithoutTls = Remote domains without TLS
DomainsWithoutVerification = Remote domains without verification
RemoteDomain = Remote domain
ShareOfItsMail = Share of its mail
NoneInWindow = None in these days.
FirstOf = The first { $v0 } of { $v1 }, by volume.
ShowMore = Show more
TrendVolumeUp = ↑ { $v0 } more messages than the { $v1 } days before
TrendVolumeDown = ↓ { $v0 } fewer messages than the { $v1 } days before
TrendVolumeSame = = as many messages as the { $v0 } days before
TrendNoMailBefore = no mail in the { $v0 } days before
TrendModernUp = TLS 1.2+ ↑ { $v0 } points ({ $v1 } → { $v2 })
TrendModernDown = TLS 1.2+ ↓ { $v0 } points ({ $v1 } → { $v2 })
TrendModernSame = TLS 1.2+ unchanged ({ $v0 })
RowNoPartners = The source names no partner for this row.
RowUnnamed = { $v0 } of its messages have no partner named by the source.
Partners = Partners
PartnersNote = Every remote domain (or host, or IP address, when the source names no domain) behind the report’s choice and dates, with the change against the { $v0 } days before.
SearchPartners = Search partners
ExportPartners = Export partners
PartnersToCall = Partners to call
PartnersToCallNote = Ranked by what fixing each (its No TLS, TLS 1.0 and 1.1 mail moving to TLS 1.2 or newer) would change in the shares the insights check.
CallWeak = { $v0 } without TLS, { $v1 } with TLS 1.0, { $v2 } with TLS 1.1
CallFix = fixing it takes TLS 1.2+ from { $v0 } to { $v1 }
CallClears = clears “{ $v0 }”
CallLine = { $v0 }: { $v1 }; { $v2 }
CallLineClears = { $v0 }: { $v1 }; { $v2 }; { $v3 }
ModernTls = TLS 1.2+
OldTls = TLS 1.0/1.1
FirstSeen = First seen
LastSeen = Last seen
Change = Change
ChangeUp = ↑ { $v0 } more
ChangeDown = ↓ { $v0 } less
ChangeNone = = unchanged
NewPartner = new
ConnectorsUsed = Connectors used
ServersSeen = Its servers
HostAndIp = { $v0 } ({ $v1 })
NoPartners = The loaded files name no partners for this choice.
NoPartnerMatches = No partner matches “{ $v0 }”.
NoneToCall = No partner sent or received mail without TLS or with TLS 1.0 or 1.1 in these days.
KnownTlsOnDay = { $v0 }: { $v1 } with known TLS
UnknownNotInShares = Unknown (not in shares): { $v0 }
ChartNumbers = The chart’s numbers as a table

## Formats (the English names are also what a host page's `loaded` event names)
FormatMailflowCsv = Mailflow CSV
FormatMailflowExport = Mailflow report export (CSV)
FormatMailflowJsonl = Mailflow JSON Lines
FormatExoTrace = Exchange Online message trace
FormatExoEnhanced = Exchange Online enhanced summary report
FormatExoExtended = Exchange Online extended report
FormatExoDetail = Exchange Online message trace detail
FormatExoConnectors = Exchange Online connector settings
FormatMapped = CSV read with your column mapping
FormatPostfix = Postfix log
FormatTlsReport = SMTP TLS report (RFC 8460)
FormatExchangeTracking = Exchange Server message tracking log
FormatExchangeReceive = Exchange Server SMTP receive protocol log
FormatExchangeSend = Exchange Server SMTP send protocol log
FormatExim = Exim main log

## What Mailflow says about a file: why it cannot be used, why rows were skipped, warnings
FileEmpty = the file is empty. Export the trace again and drop the new file.
BinaryFile = this is { $v0 }, not a mail-flow trace. { $v1 }
NotTextFile = this is not a text file (it holds binary data). Mailflow reads CSV and JSON Lines traces and mail-server logs.
KindZip = a ZIP archive
KindEmptyZip = an empty ZIP archive
KindGzip = a gzip-compressed file
KindPng = a PNG image
KindJpeg = a JPEG image
KindGif = a GIF image
KindPdf = a PDF document
KindOffice = an old Office document (.xls/.doc)
Kind7z = a 7-Zip archive
KindRar = a RAR archive
KindBzip2 = a bzip2-compressed file
KindXz = an xz-compressed file
KindWasm = a WebAssembly module
AdviceUnzip = Unpack it and drop the CSV or log files inside.
AdviceDropFiles = Drop the trace files themselves.
AdviceGunzip = Decompress it (gunzip) and drop the file inside.
AdviceDropTrace = Drop an exported message trace (CSV) or a mail-server log instead.
AdviceExportCsv = Export the trace as CSV and drop that file instead.
AdviceSaveCsv = Save it as CSV and drop that file.
AdviceUnpack = Unpack it and drop the files inside.
AdviceDecompress = Decompress it and drop the file inside.
NoLinesOfText = the file has no lines of text.
NotRecognised = not a trace Mailflow recognises: { $v0 }
HeaderExpected = line { $v0 } should be a header naming the columns, but it has { $v1 }: there is no column for { $v2 }. Mailflow expects a CSV with date, direction, connector, tls and count columns (or its report export); see “Supported inputs” in the README.
Nothing = nothing
Verbatim = { $v0 }
AndMore = { $v0 } and { $v1 } more
DateEmpty = the date is empty
DateUnreadable = date "{ $v0 }" is not a date Mailflow reads
DateUnreadableIso = date "{ $v0 }" is not a date Mailflow reads (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)
NoMessageId = the row has no message id
ExpandedStatus = status Expanded is a distribution group expansion, not a delivery
RowNoRecipient = the row has no recipient
StatusNoRecipient = recipient_status names no recipient
RowNamesNoRecipient = the row names no recipient
DirectionUnreadable = direction "{ $v0 }" is not Inbound, Outbound or Intra-org
TlsUnreadable = TLS "{ $v0 }" is not a TLS value Mailflow reads (it reads No TLS, none, no, plain, false; TLS 1.0 to 1.3 written as TLS 1.2, TLSv1.2, TLS12, tls1_2, 1.2, 0x0303 or 771; SSLv3; Unknown)
AuthUnreadable = verification "{ $v0 }" is not a value Mailflow reads (it reads Verified, yes, DANE, MTA-STS; Not verified, no, Anonymous, Untrusted, Trusted; empty or Unknown)
CountUnreadable = count "{ $v0 }" is not a whole number
VolumeUnreadable = volume "{ $v0 }" is not a whole number
PercentNoVolume = the TLS columns are percentages but the row has no Volume
NotPercentage = "{ $v0 }" is not a percentage
PercentRange = a TLS percentage is not between 0 and 100
TlsCountUnreadable = { $v0 } count "{ $v1 }" is not a whole number
TlsCountsOverVolume = the TLS counts add up to { $v0 }, more than the Volume of { $v1 }
CheckedOverEncrypted = Verified and Not verified add up to { $v0 }, more than the { $v1 } deliveries with TLS
JsonBraceExpected = expected '{"{"}'
JsonKeyExpected = expected a key in quotes
JsonColonExpected = expected ':'
JsonCommaExpected = expected ',' or '{"}"}'
JsonStringOpen = the string does not end
JsonUnicodeEscape = a \u escape needs four hex digits
JsonUnknownEscape = unknown escape
JsonNestedOpen = the nested value does not end
JsonValueExpected = expected a value
JsonTrailing = unexpected text after the object
AtColumn = { $v0 } at column { $v1 }
NotJsonObject = the line is not a JSON object ({ $v0 })
CsvUnreadable = the row could not be read as CSV ({ $v0 })
FieldCount = the row has { $v0 } fields but the header has { $v1 } (is the file cut short?)
FieldsLineCount = the row has { $v0 } fields; the #Fields line names { $v1 }
ProtocolFieldsMissing = the #Fields line lacks date-time, connector-id, session-id, remote-endpoint, event or data
TrackingFieldsMissing = the #Fields line lacks date-time, event-id or recipient-address
DateTimeNotDate = the date-time is not a date
ConnectorNoName = the connector has no name
DayDoesNotExist = the date does not exist (e.g. Feb 30)
ReportInvalid = report { $v0 } is not a valid SMTP TLS report ({ $v1 })
ReportStartNotDate = the report's start-datetime "{ $v0 }" is not a date
DmarcReport = this is a DMARC aggregate report, not an SMTP TLS report: Mailflow reads TLS reports (RFC 8460), not DMARC.
DmarcInMail =
    { $v0 ->
        [one] { $v0 } DMARC aggregate report is in it and no SMTP TLS report: Mailflow reads TLS reports (RFC 8460), not DMARC.
       *[other] { $v0 } DMARC aggregate reports are in it and no SMTP TLS report: Mailflow reads TLS reports (RFC 8460), not DMARC.
    }
MailWithoutReport =
    { $v0 ->
        [one] this e-mail holds no SMTP TLS report (an application/tlsrpt+gzip or +json attachment).
       *[other] none of its { $v0 } e-mails holds an SMTP TLS report (an application/tlsrpt+gzip or +json attachment).
    }
ReportsUnreadable =
    { $v0 ->
        [one] { $v0 } TLS report attachment could not be opened; the others were read.
       *[other] { $v0 } TLS report attachments could not be opened; the others were read.
    }
NothingCrossed = no RECEIVE of incoming or SEND of originating mail over SMTP in it: nothing crossed the organisation's boundary
NoteSessions = Sessions, not deliveries: they are summed in the SMTP TLS reports panel.
NoConnectorListed = it lists no connector.
NoteConnectors = Connector settings: they fill Connector type and Forced TLS in the report.
NoRowUsable =
    { $v0 ->
        [one] its only row could not be used; the problem is on line { $v1 }: { $v2 }
       *[other] none of its { $v0 } rows could be used; the first problem is on line { $v1 }: { $v2 }
    }
NoServerLines = it has no lines of the mail server. Export the trace again with a date range that has mail.
HeaderNoRows = it has a header but no rows. Export the trace again with a date range that has mail.
GzipDamaged = the gzip data is damaged ({ $v0 }); what came before was read
GzipDamagedOrCut = the gzip data is damaged or cut short ({ $v0 }); what came before was read
EndsMidCharacter = the file ends in the middle of a character, so it was cut short; its last line, which is incomplete, was not read. Copy or export the file again.
TooBigWhole = the file is { $v0 } GB; Mailflow reads { $v1 } whole, up to 1 GB. Split it (for example by date) and drop the parts.
ZipArchives = zip archives
FilesOfThisFormat = files of this format
UnpacksOver1Gb = it unpacks to more than 1 GB; only the first 1 GB was read
ZipCannotOpen = the zip archive cannot be opened ({ $v0 }); it may be damaged or cut short
EntryUnreadable = this entry cannot be read ({ $v0 })
EntryDamaged = this entry is damaged ({ $v0 }); what came before was read
ZipEmpty = the zip archive holds no files
WorkerAnswerUnreadable = the loading worker's answer could not be read ({ $v0 })
HandOverFailed = the file could not be handed to the loading worker.
WorkerCouldNotStart = it could not start
WorkerStopped = the loading worker stopped while reading it ({ $v0 }). The browser may have run out of memory: split the file and drop the parts.
BrowserCouldNotRead = the browser could not read the file. Check that it still exists and try again.
BrowserCannotFetch = the browser cannot fetch files here.
ServerSentNothing = { $v0 }: the server sent no content.
DownloadBrokeOff = the download of { $v0 } broke off. Try again.
NotWebAddress = "{ $v0 }" is not a web address.
NotHttp = { $v0 } is not an http or https address.
NoAnswer = { $v0 } did not answer within { $v1 } seconds. Try again, or download the file and drop it here.
NoCors = the server at { $v0 } does not allow cross-origin reads (or cannot be reached): host the file next to Mailflow, or enable CORS on that server (Access-Control-Allow-Origin), or download it and drop it here.
FetchFailed = { $v0 } could not be fetched ({ $v1 }). Check the address and your connection.
NotFound = { $v0 } was not found (HTTP 404). Check the address.
HttpStatus = the server answered HTTP { $v0 } { $v1 } for { $v2 }.
