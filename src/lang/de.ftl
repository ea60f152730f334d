## The page
Tagline = TLS- und Connectorbericht zum Nachrichtenfluss – berechnet in Ihrem Browser
PageTitle = Mailflow – TLS- und Connectorbericht zum Nachrichtenfluss
Language = Sprache
DropOverlay = Dateien hier ablegen, um sie dem Bericht hinzuzufügen

## Loading
LoadTraces = Daten laden
DropHere = Legen Sie Exporte der Nachrichtenablaufverfolgung oder Mailserver-Protokolle irgendwo auf dieser Seite ab
NothingUploaded = – alles wird in Ihrem Browser berechnet, nichts wird hochgeladen.
ChooseFiles = Dateien auswählen…
TrySample = Beispiel ansehen
Clear = Leeren
LoadFromUrl = Von URL laden
UrlPlaceholder = Von URL laden: https://…/trace.csv
Load = Laden
FilesBeingRead = Dateien, die gelesen werden
Waiting = wartet
ProgressOf = { $v0 } · { $v1 } von { $v2 }
SecondsLeft = noch { $v0 } s
MinutesLeft = noch { $v0 } min
SizeMb = { $v0 } MB
SizeGb = { $v0 } GB
Rate = { $v0 } MB/s
Reading = { $v0 } wird gelesen
CancelReading = Lesen von { $v0 } abbrechen
Cancel = Abbrechen
StoppedReading = Lesen von { $v0 } abgebrochen. Zuvor geladene Dateien bleiben erhalten.
AddingToReport = Wird in den Bericht übernommen…

## Counted things
Deliveries =
    { $v0 ->
        [one] Zustellung
       *[other] Zustellungen
    }
Messages =
    { $v0 ->
        [one] Nachricht
       *[other] Nachrichten
    }
RowsRead =
    { $v0 ->
        [one] Zeile gelesen
       *[other] Zeilen gelesen
    }
RowsSkipped =
    { $v0 ->
        [one] Zeile übersprungen
       *[other] Zeilen übersprungen
    }

## The load summary
LoadedFiles = Geladene Dateien
RemoveFile = { $v0 } entfernen
RemoveThisFile = Diese Datei entfernen
DataUnchanged = Zuvor geladene Daten bleiben unverändert.
DuplicatesDropped = Duplikate verworfen
JoinedWithOthers = mit anderen Dateien verknüpft
DirectionFromDomains = (Richtung aus Ihren Domänen)
LogCounts = { $v0 } fehlgeschlagen oder zurückgestellt (nicht zugestellt) · { $v1 } lokal (kein ein- oder ausgehender Nachrichtenfluss)
LogOtherLines =
    { $v0 ->
        [one] { $v0 } Zeile war keine Zustellung (Verbindung, Ablehnung, Warnung, TLS-Zeile oder anderes Programm)
       *[other] { $v0 } Zeilen waren keine Zustellungen (Verbindungen, Ablehnungen, Warnungen, TLS-Zeilen, andere Programme)
    }
Submissions =
    { $v0 ->
        [one] { $v0 } authentifizierte Einlieferung eines Clients (SMTP AUTH), getrennt vom eingehenden Nachrichtenfluss gezählt: { $v1 }
       *[other] { $v0 } authentifizierte Einlieferungen von Clients (SMTP AUTH), getrennt vom eingehenden Nachrichtenfluss gezählt: { $v1 }
    }
TlsUnlogged = { $v0 } eingehende und { $v1 } ausgehende Zustellungen zählen als TLS unbekannt, nicht als kein TLS: Dieses Protokoll enthält für ihren Server keine einzige TLS-Zeile, der Server protokolliert TLS also vermutlich nicht. Zum Protokollieren setzen Sie smtpd_tls_loglevel = 1 und smtp_tls_loglevel = 1 (Postfix) oder log_selector = +tls_cipher (Exim).
TlsLoggedButton = Dieser Server protokolliert TLS: als kein TLS zählen
TlsLoggedSaid = Zustellungen ohne TLS-Zeile zählen als kein TLS, da dieser Server laut Ihrer Angabe TLS protokolliert.
TlsLoggedUndo = Wieder als unbekannt zählen
BeforeLog =
    { $v0 ->
        [one] { $v0 } Zustellung gehört zu einer SMTP-Sitzung, die vor Beginn des Protokolls anfing: Ihr TLS ist unbekannt.
       *[other] { $v0 } Zustellungen gehören zu SMTP-Sitzungen, die vor Beginn des Protokolls anfingen: Ihr TLS ist unbekannt.
    }
WorkerDefect = Mailflow ist beim Lesen dieser Datei auf einen Fehler gestoßen: ein Fehler in Mailflow, kein Problem der Datei oder des Browsers. Bitte melden Sie ihn mit den Angaben unten.
DefectDetails = Angaben für eine Fehlermeldung
NoYearInLines = Die Zeilen enthalten keine Jahreszahl: gelesen ab dem Jahr { $v0 }.
LocalTimesAs = Ortszeiten gelesen als { $v0 }.
FirstYear = Erstes Jahr
Zone = Zone
DayFirst = Tag zuerst (31/12/2026)
MonthFirst = Monat zuerst (12/31/2026)
DatesReadCertain = Datumsangaben gelesen: { $v0 }.
DatesReadEither = Datumsangaben gelesen: { $v0 }; die Datei lässt sich auf beide Arten lesen.
ReadThemOtherWay = Stattdessen { $v0 } lesen
WhySkipped =
    { $v0 ->
        [one] Warum 1 Zeile übersprungen wurde
       *[other] Warum { $v0 } Zeilen übersprungen wurden (die ersten { $v1 })
    }
SkipAtLine = Zeile { $v0 }: { $v1 }
MapColumns = Spalten zuordnen
MapColumnsHint = – sagen Sie Mailflow, welche Spalte was enthält; die Auswahl gilt auch für Dateien mit derselben Kopfzeile.
DateOrTime = Datum oder Uhrzeit
TlsVersion = TLS-Version
Count = Anzahl
RemoteHost = Gegenstelle
Choose = auswählen…
NoColumn = keine
LoadWithColumns = Mit diesen Spalten laden
YourDomains = Ihre Domänen
DomainsYours = (Ihre Angabe, in diesem Browser gespeichert)
DomainsSuggested = (aus den Daten vorgeschlagen)
UseTheseDomains = Diese Domänen verwenden
UseSuggestion = Vorschlag verwenden
DomainsNote = Manche Dateien sagen nicht, in welche Richtung E-Mails gingen: von einer Ihrer Domänen an eine andere ist organisationsintern, nach außen ausgehend, von außen eingehend.
Unplaced = { $v0 } ohne Zuordnung: Keine Seite ist eine Ihrer Domänen.
IntraOrgNote =
    { $v0 ->
        [one] { $v0 } organisationsinterne Zustellung ist hier gezählt, aber wie in Microsofts Berichten nicht in den TLS-Ansichten.
       *[other] { $v0 } organisationsinterne Zustellungen sind hier gezählt, aber wie in Microsofts Berichten nicht in den TLS-Ansichten.
    }

## The widget
WidgetTitle = Ausgehender und eingehender Nachrichtenfluss
WidgetEmptyBefore = Noch kein Nachrichtenfluss geladen. Legen Sie einen Export der Nachrichtenablaufverfolgung oder ein Mailserver-Protokoll auf dieser Seite ab, oder wählen Sie
WidgetEmptyAfter = für einen vollständigen Bericht.
WidgetDates = { $v0 } – { $v1 } (die letzten 7 Tage der geladenen Daten, UTC)
ViewDetails = Details anzeigen
InboundModern = { $v0 } der eingehenden E-Mails waren durch TLS 1.2 oder neuer geschützt.
OutboundModern = { $v0 } der ausgehenden E-Mails waren durch TLS 1.2 oder neuer geschützt.
InboundTlsUnknown = Die geladenen Daten sagen nicht, welche TLS-Version eingehende E-Mails nutzten.
OutboundTlsUnknown = Die geladenen Daten sagen nicht, welche TLS-Version ausgehende E-Mails nutzten.
NoInbound = Keine eingehenden E-Mails in diesen Tagen.
NoOutbound = Keine ausgehenden E-Mails in diesen Tagen.
NoKnownTls = Für keine Zustellung in diesen Tagen ist die TLS-Version bekannt.
DownloadSvg = SVG herunterladen
DownloadPng = PNG herunterladen

## The flyout
FlyoutTitle = Bei der Übertragung geschützte Nachrichten (durch TLS)
Close = Schließen
FlyoutDates = { $v0 } – { $v1 } (UTC). Die Anteile beziehen sich auf Nachrichten mit bekannter TLS-Version.
Tls = TLS
NotInShares = nicht in den Anteilen
Total = Gesamt
ConnectorReport = Connectorbericht
FlyoutReportLink = – Nachrichtenfluss und TLS je Connector für diese Tage.

## Directions and TLS values
Inbound = Eingehend
Outbound = Ausgehend
IntraOrg = Organisationsintern
NoTls = Kein TLS
Unknown = Unbekannt

## The connector report
AllMailFlow = Gesamter Nachrichtenfluss
AllInbound = Alle eingehenden E-Mails
AllOutbound = Alle ausgehenden E-Mails
FromInternetNoConnector = Aus dem Internet ohne Connector
ToInternetNoConnector = Ins Internet ohne Connector
MailNoConnector = E-Mails ohne Connector
MailFromInternetNoConnector = E-Mails aus dem Internet ohne Connector
MailToInternetNoConnector = E-Mails ins Internet ohne Connector
InboundConnectorNamed = Eingehender Connector „{ $v0 }“
OutboundConnectorNamed = Ausgehender Connector „{ $v0 }“
ConnectorNamed = Connector „{ $v0 }“
InboundConnectors = Eingehende Connectors
OutboundConnectors = Ausgehende Connectors
StartAfterEnd = Das Startdatum ({ $v0 }) liegt nach dem Enddatum ({ $v1 }). Wählen Sie ein Enddatum am oder nach dem Startdatum.
OutsideSpan = Keine E-Mails in diesem Zeitraum: Die geladenen Daten reichen vom { $v0 } bis { $v1 }. Wählen Sie „Alle Daten“ oder Tage in diesem Zeitraum.
ShowDataFor = Daten anzeigen für
ViewDataBy = Daten anzeigen nach
MailFlow = Nachrichtenfluss
TlsUsage = TLS-Nutzung
TransitSecurity = Transportsicherheit
LevelVerified = Verifiziert
LevelEncrypted = Verschlüsselt, nicht verifiziert
LevelUnknown = Nicht angegeben
Dates = Zeitraum
Last7 = Letzte 7 Tage
Last30 = Letzte 30 Tage
Last90 = Letzte 90 Tage
AllData = Alle Daten
Custom = Benutzerdefiniert
StartDate = Startdatum
EndDate = Enddatum
ReportDates = { $v0 } – { $v1 } (UTC) · Nachrichten: { $v2 }
DirectionTotal = { $v0 } { $v1 }
NoMailForChoice = Keine E-Mails für diese Auswahl in diesem Zeitraum. Versuchen Sie „Gesamter Nachrichtenfluss“ oder einen anderen Zeitraum.

## Insights
Insights = Erkenntnisse
Insight = Erkenntnis
InsightsNote = Geprüft je Connector und für E-Mails ohne Connector: „{ $v0 }“ und „{ $v1 }“, als Anteile der Nachrichten mit bekannter TLS-Version, für Gruppen mit mindestens { $v2 } solchen Nachrichten.
PartnersCapped = Partnerdetails werden für höchstens { $v0 } Zellen (je Tag, Richtung, Connector und Partner) aufbewahrt, damit der Speicher begrenzt bleibt: { $v1 } Zustellungen darüber hinaus sind in allen Summen, Anteilen und Erkenntnissen enthalten, aber nicht in den Partnerlisten, die daher unvollständig sein können.
NothingToFlag = Für diese Auswahl und diesen Zeitraum gibt es nichts zu beanstanden.
NoTlsOver = Kein TLS liegt über { $v0 }
Tls10Over = TLS 1.0 liegt über { $v0 }
NoTlsRising = Kein TLS stieg über { $v0 }
Tls10Rising = TLS 1.0 stieg über { $v0 }
NewWithoutTls = Neu ohne TLS
RisingHalves = { $v0 } in der ersten Hälfte dieser Tage, { $v1 } in der zweiten.
NewConnector = Der Connector selbst ist in diesen Tagen neu.
RisingAdvice = In diesen Tagen hat sich etwas geändert: Suchen Sie nach einem neuen Partner, einem geänderten Connector oder einer geänderten TLS-Einstellung oder einem abgelaufenen Zertifikat auf einer der beiden Seiten.
NewAdvice = Diese erscheinen in diesen Tagen zum ersten Mal und tauschen Mail ohne TLS aus: Bitten Sie sie, TLS zu verwenden, bevor das Volumen wächst, oder erzwingen Sie TLS am Connector.
InsightShare = { $v0 } von { $v1 } Nachrichten mit bekannter TLS-Version ({ $v2 }).
BehindIt = Dahinter ({ $v0 } von { $v1 }):
NoTlsInboundAdvice = E-Mails kommen unverschlüsselt an: Jeder auf dem Weg kann sie lesen. Bitten Sie die unten genannten sendenden Server, STARTTLS zu aktivieren; für einen Partner-Connector erwägen Sie, TLS zu verlangen.
NoTlsOutboundAdvice = E-Mails gehen unverschlüsselt hinaus: Die unten genannten empfangenden Server bieten kein TLS an. Wenden Sie sich an diese Partner, oder erzwingen Sie TLS am Connector, sobald sie es unterstützen.
Tls10InboundAdvice = Die meisten E-Mails kommen über TLS 1.0 an, das veraltet und schwach ist. Bitten Sie die unten genannten sendenden Server, TLS 1.2 oder neuer zu aktivieren; Microsoft 365 stellt TLS 1.0 und 1.1 ein.
Tls10OutboundAdvice = Die meisten E-Mails gehen über TLS 1.0 hinaus, das veraltet und schwach ist. Die unten genannten empfangenden Server brauchen TLS 1.2 oder neuer; wenden Sie sich an diese Partner oder Ihr lokales Serverteam.

## The details table
Details = Details
ExportDetails = Details exportieren
NoRows = Keine Zeilen für diese Auswahl in diesem Zeitraum.
Date = Datum
Direction = Richtung
Connector = Connector
ConnectorType = Connectortyp
ForcedTls = Erzwungenes TLS
Volume = Volumen
TlsShareColumn = { $v0 } %
FromInternetNoConnectorShort = Aus dem Internet (kein Connector)
ToInternetNoConnectorShort = Ins Internet (kein Connector)
Yes = Ja
No = Nein

## SMTP TLS reports
TlsReportsTitle = SMTP-TLS-Berichte (RFC 8460)
TlsReportsNote = Was andere Anbieter über E-Mails an Sie berichten: Sitzungen, die TLS so ausgehandelt haben, wie Ihre MTA-STS- oder DANE-Richtlinie es verlangt, und solche, die scheiterten. Sitzungen statt Nachrichten und ohne TLS-Version, deshalb getrennt vom Bericht oben.
Day = Tag
Successful = Erfolgreich
Failed = Fehlgeschlagen
SuccessRate = Erfolgsquote
ReportingOrganisation = Meldende Organisation
FailureType = Fehlerart
FailedSessions = Fehlgeschlagene Sitzungen

## Charts
ModernShareLabel = { $v0 }: { $v1 } der E-Mails mit bekannter TLS-Version nutzten TLS 1.2 oder neuer
WithTlsUnknown = { $v0 }, bei { $v1 } TLS unbekannt
ShareHover = { $v0 } – { $v1 }: { $v2 } ({ $v3 } der bekannten TLS-Werte)
FlowHover = { $v0 } – { $v1 }: { $v2 }
MessagesPerDay = { $v0 }: Nachrichten pro Tag, { $v1 } bis { $v2 }
TlsUsagePerDay = { $v0 }: TLS-Nutzung pro Tag, { $v1 } bis { $v2 }
SecurityPerDay = { $v0 }: Transportsicherheit pro Tag, { $v1 } bis { $v2 }
LabelValue = { $v0 }: { $v1 }
MailFlowMap = E-Mail-Fluss-Karte
MapInboundOf = Karte des eingehenden E-Mail-Flusses: { $v0 }
MapOutboundOf = Karte des ausgehenden E-Mail-Flusses: { $v0 }
MapBand = { $v0 } → { $v1 }: { $v2 }
MapNote = Partner links, Ihre Connectors (und Mail ohne Connector) in der Mitte, das verwendete TLS rechts; jedes Band ist so breit wie seine Nachrichten. Die größten Partner werden genannt, der Rest zusammengefasst.
OtherPartners = { $v0 } weitere Partner
UnnamedPartner = Von der Quelle nicht genannt
NoConnector = Kein Connector
From = Von
To = Nach
SecurityNote = Anteile an allen Nachrichten. Verifiziert: Zertifikat und Name des Gegenservers (oder DANE) wurden geprüft. Verschlüsselt, nicht verifiziert: TLS ohne diese Prüfung. Nicht angegeben: Die Quelle sagt es nicht; Exchange Online und Exchange Server nie, Postfix und Exim, wenn ihr TLS-Logging an ist.
DomainsWithoutTls = Remote-Domänen ohne TLS
DomainsWithoutVerification = Remote-Domänen ohne Verifizierung
RemoteDomain = Remote-Domäne
ShareOfItsMail = Anteil an ihrer Mail
NoneInWindow = Keine an diesen Tagen.
FirstOf = Die ersten { $v0 } von { $v1 }, nach Volumen.
ShowMore = Mehr anzeigen
TrendVolumeUp = ↑ { $v0 } mehr Nachrichten als in den { $v1 } Tagen davor
TrendVolumeDown = ↓ { $v0 } weniger Nachrichten als in den { $v1 } Tagen davor
TrendVolumeSame = = so viele Nachrichten wie in den { $v0 } Tagen davor
TrendNoMailBefore = keine Mail in den { $v0 } Tagen davor
TrendModernUp = TLS 1.2+ ↑ { $v0 } Punkte ({ $v1 } → { $v2 })
TrendModernDown = TLS 1.2+ ↓ { $v0 } Punkte ({ $v1 } → { $v2 })
TrendModernSame = TLS 1.2+ unverändert ({ $v0 })
RowNoPartners = Die Quelle nennt für diese Zeile keinen Partner.
RowUnnamed = { $v0 } ihrer Nachrichten haben keinen von der Quelle genannten Partner.
Partners = Partner
PartnersNote = Jede Remote-Domäne (oder jeder Host bzw. jede IP-Adresse, wenn die Quelle keine Domäne nennt) hinter der Auswahl und den Daten des Berichts, mit der Änderung gegenüber den { $v0 } Tagen davor.
SearchPartners = Partner suchen
ExportPartners = Partner exportieren
PartnersToCall = Partner zum Anrufen
PartnersToCallNote = Geordnet danach, was die Behebung (ihre Mail ohne TLS, mit TLS 1.0 und 1.1 wechselt zu TLS 1.2 oder neuer) an den Anteilen ändern würde, die die Erkenntnisse prüfen.
CallWeak = { $v0 } ohne TLS, { $v1 } mit TLS 1.0, { $v2 } mit TLS 1.1
CallFix = die Behebung hebt TLS 1.2+ von { $v0 } auf { $v1 }
CallClears = beseitigt „{ $v0 }“
CallLine = { $v0 }: { $v1 }; { $v2 }
CallLineClears = { $v0 }: { $v1 }; { $v2 }; { $v3 }
ModernTls = TLS 1.2+
OldTls = TLS 1.0/1.1
FirstSeen = Zuerst gesehen
LastSeen = Zuletzt gesehen
Change = Änderung
ChangeUp = ↑ { $v0 } mehr
ChangeDown = ↓ { $v0 } weniger
ChangeNone = = unverändert
NewPartner = neu
ConnectorsUsed = Verwendete Connectors
ServersSeen = Seine Server
HostAndIp = { $v0 } ({ $v1 })
NoPartners = Die geladenen Dateien nennen für diese Auswahl keine Partner.
NoPartnerMatches = Kein Partner passt zu „{ $v0 }“.
NoneToCall = Kein Partner hat an diesen Tagen Mail ohne TLS oder mit TLS 1.0 oder 1.1 gesendet oder empfangen.
KnownTlsOnDay = { $v0 }: { $v1 } mit bekannter TLS-Version
UnknownNotInShares = Unbekannt (nicht in den Anteilen): { $v0 }
ChartNumbers = Die Zahlen des Diagramms als Tabelle

## Formats (the English names are also what a host page's `loaded` event names)
FormatMailflowCsv = Mailflow-CSV
FormatMailflowExport = Mailflow-Berichtsexport (CSV)
FormatMailflowJsonl = Mailflow-JSON-Lines
FormatExoTrace = Exchange Online-Nachrichtenablaufverfolgung
FormatExoEnhanced = Exchange Online-Bericht „Erweiterte Zusammenfassung“
FormatExoExtended = Exchange Online-Bericht „Erweitert“
FormatExoDetail = Exchange Online-Nachrichtenablaufverfolgung (Details)
FormatExoConnectors = Exchange Online-Connectoreinstellungen
FormatMapped = CSV, gelesen mit Ihrer Spaltenzuordnung
FormatPostfix = Postfix-Protokoll
FormatTlsReport = SMTP-TLS-Bericht (RFC 8460)
FormatExchangeTracking = Exchange Server-Nachrichtenverfolgungsprotokoll
FormatExchangeReceive = Exchange Server-SMTP-Empfangsprotokoll
FormatExchangeSend = Exchange Server-SMTP-Sendeprotokoll
FormatExim = Exim-Hauptprotokoll

## What Mailflow says about a file: why it cannot be used, why rows were skipped, warnings
FileEmpty = Die Datei ist leer. Exportieren Sie die Daten erneut und legen Sie die neue Datei ab.
BinaryFile = Das ist { $v0 }, keine Nachrichtenfluss-Aufzeichnung. { $v1 }
NotTextFile = Das ist keine Textdatei (sie enthält Binärdaten). Mailflow liest CSV- und JSON-Lines-Aufzeichnungen und Mailserver-Protokolle.
KindZip = ein ZIP-Archiv
KindEmptyZip = ein leeres ZIP-Archiv
KindGzip = eine gzip-komprimierte Datei
KindPng = ein PNG-Bild
KindJpeg = ein JPEG-Bild
KindGif = ein GIF-Bild
KindPdf = ein PDF-Dokument
KindOffice = ein altes Office-Dokument (.xls/.doc)
Kind7z = ein 7-Zip-Archiv
KindRar = ein RAR-Archiv
KindBzip2 = eine bzip2-komprimierte Datei
KindXz = eine xz-komprimierte Datei
KindWasm = ein WebAssembly-Modul
AdviceUnzip = Entpacken Sie es und legen Sie die CSV- oder Protokolldateien darin ab.
AdviceDropFiles = Legen Sie die Dateien selbst ab.
AdviceGunzip = Entpacken Sie sie (gunzip) und legen Sie die enthaltene Datei ab.
AdviceDropTrace = Legen Sie stattdessen eine exportierte Nachrichtenablaufverfolgung (CSV) oder ein Mailserver-Protokoll ab.
AdviceExportCsv = Exportieren Sie die Daten als CSV und legen Sie stattdessen diese Datei ab.
AdviceSaveCsv = Speichern Sie es als CSV und legen Sie diese Datei ab.
AdviceUnpack = Entpacken Sie es und legen Sie die enthaltenen Dateien ab.
AdviceDecompress = Entpacken Sie sie und legen Sie die enthaltene Datei ab.
NoLinesOfText = Die Datei enthält keine Textzeilen.
NotRecognised = Keine Aufzeichnung, die Mailflow kennt: { $v0 }
HeaderExpected = Zeile { $v0 } sollte eine Kopfzeile mit den Spaltennamen sein, enthält aber { $v1 }: Es fehlt eine Spalte für { $v2 }. Mailflow erwartet eine CSV-Datei mit den Spalten date, direction, connector, tls und count (oder seinen Berichtsexport); siehe „Supported inputs“ im README.
Nothing = nichts
Verbatim = { $v0 }
AndMore = { $v0 } und { $v1 } weitere
DateEmpty = Das Datum ist leer
DateUnreadable = „{ $v0 }“ ist kein Datum, das Mailflow lesen kann
DateUnreadableIso = „{ $v0 }“ ist kein Datum, das Mailflow lesen kann (JJJJ-MM-TT oder JJJJ-MM-TTThh:mm:ssZ)
NoMessageId = Die Zeile hat keine Nachrichten-ID
ExpandedStatus = Der Status Expanded ist die Erweiterung einer Verteilergruppe, keine Zustellung
RowNoRecipient = Die Zeile hat keinen Empfänger
StatusNoRecipient = recipient_status nennt keinen Empfänger
RowNamesNoRecipient = Die Zeile nennt keinen Empfänger
DirectionUnreadable = Die Richtung „{ $v0 }“ ist weder Inbound noch Outbound noch Intra-org
TlsUnreadable = TLS „{ $v0 }“ ist kein TLS-Wert, den Mailflow liest (es liest No TLS, none, no, plain, false; TLS 1.0 bis 1.3 geschrieben als TLS 1.2, TLSv1.2, TLS12, tls1_2, 1.2, 0x0303 oder 771; SSLv3; Unknown)
AuthUnreadable = Verifizierung „{ $v0 }“ ist kein Wert, den Mailflow liest (es liest Verified, yes, DANE, MTA-STS; Not verified, no, Anonymous, Untrusted, Trusted; leer oder Unknown)
CountUnreadable = Die Anzahl „{ $v0 }“ ist keine ganze Zahl
VolumeUnreadable = Das Volumen „{ $v0 }“ ist keine ganze Zahl
PercentNoVolume = Die TLS-Spalten sind Prozentwerte, aber die Zeile hat kein Volumen
NotPercentage = „{ $v0 }“ ist kein Prozentwert
PercentRange = Ein TLS-Prozentwert liegt nicht zwischen 0 und 100
TlsCountUnreadable = Die Anzahl für { $v0 }, „{ $v1 }“, ist keine ganze Zahl
TlsCountsOverVolume = Die TLS-Anzahlen ergeben zusammen { $v0 }, mehr als das Volumen von { $v1 }
CheckedOverEncrypted = Verified und Not verified ergeben zusammen { $v0 }, mehr als die { $v1 } Zustellungen mit TLS
JsonBraceExpected = '{"{"}' erwartet
JsonKeyExpected = Schlüssel in Anführungszeichen erwartet
JsonColonExpected = ':' erwartet
JsonCommaExpected = ',' oder '{"}"}' erwartet
JsonStringOpen = die Zeichenkette endet nicht
JsonUnicodeEscape = eine \u-Escape-Sequenz braucht vier Hex-Ziffern
JsonUnknownEscape = unbekannte Escape-Sequenz
JsonNestedOpen = der verschachtelte Wert endet nicht
JsonValueExpected = Wert erwartet
JsonTrailing = unerwarteter Text nach dem Objekt
AtColumn = { $v0 } in Spalte { $v1 }
NotJsonObject = Die Zeile ist kein JSON-Objekt ({ $v0 })
CsvUnreadable = Die Zeile ließ sich nicht als CSV lesen ({ $v0 })
FieldCount = Die Zeile hat { $v0 } Felder, die Kopfzeile aber { $v1 } (ist die Datei abgeschnitten?)
FieldsLineCount = Die Zeile hat { $v0 } Felder; die #Fields-Zeile nennt { $v1 }
ProtocolFieldsMissing = Der #Fields-Zeile fehlt date-time, connector-id, session-id, remote-endpoint, event oder data
TrackingFieldsMissing = Der #Fields-Zeile fehlt date-time, event-id oder recipient-address
DateTimeNotDate = date-time ist kein Datum
ConnectorNoName = Der Connector hat keinen Namen
DayDoesNotExist = Das Datum gibt es nicht (z. B. 30. Februar)
ReportInvalid = Bericht { $v0 } ist kein gültiger SMTP-TLS-Bericht ({ $v1 })
ReportStartNotDate = start-datetime „{ $v0 }“ des Berichts ist kein Datum
DmarcReport = Das ist ein DMARC-Sammelbericht, kein SMTP-TLS-Bericht: Mailflow liest TLS-Berichte (RFC 8460), nicht DMARC.
DmarcInMail =
    { $v0 ->
        [one] Sie enthält { $v0 } DMARC-Sammelbericht und keinen SMTP-TLS-Bericht: Mailflow liest TLS-Berichte (RFC 8460), nicht DMARC.
       *[other] Sie enthält { $v0 } DMARC-Sammelberichte und keinen SMTP-TLS-Bericht: Mailflow liest TLS-Berichte (RFC 8460), nicht DMARC.
    }
MailWithoutReport =
    { $v0 ->
        [one] Diese E-Mail enthält keinen SMTP-TLS-Bericht (einen Anhang application/tlsrpt+gzip oder +json).
       *[other] Keine ihrer { $v0 } E-Mails enthält einen SMTP-TLS-Bericht (einen Anhang application/tlsrpt+gzip oder +json).
    }
ReportsUnreadable =
    { $v0 ->
        [one] { $v0 } Anhang mit TLS-Bericht ließ sich nicht öffnen; die übrigen wurden gelesen.
       *[other] { $v0 } Anhänge mit TLS-Berichten ließen sich nicht öffnen; die übrigen wurden gelesen.
    }
NothingCrossed = Kein RECEIVE eingehender und kein SEND ausgehender E-Mails über SMTP darin: Nichts hat die Grenze der Organisation überschritten
NoteSessions = Sitzungen, keine Zustellungen: Sie werden im Bereich der SMTP-TLS-Berichte zusammengefasst.
NoConnectorListed = Die Datei nennt keinen Connector.
NoteConnectors = Connectoreinstellungen: Sie füllen Connectortyp und Erzwungenes TLS im Bericht.
NoRowUsable =
    { $v0 ->
        [one] Die einzige Zeile war nicht verwendbar; das Problem steht in Zeile { $v1 }: { $v2 }
       *[other] Keine der { $v0 } Zeilen war verwendbar; das erste Problem steht in Zeile { $v1 }: { $v2 }
    }
NoServerLines = Die Datei enthält keine Zeilen des Mailservers. Exportieren Sie die Daten erneut für einen Zeitraum mit E-Mails.
HeaderNoRows = Die Datei hat eine Kopfzeile, aber keine Zeilen. Exportieren Sie die Daten erneut für einen Zeitraum mit E-Mails.
GzipDamaged = Die gzip-Daten sind beschädigt ({ $v0 }); was davor stand, wurde gelesen
GzipDamagedOrCut = Die gzip-Daten sind beschädigt oder abgeschnitten ({ $v0 }); was davor stand, wurde gelesen
EndsMidCharacter = Die Datei endet mitten in einem Zeichen, sie wurde also abgeschnitten; ihre letzte, unvollständige Zeile wurde nicht gelesen. Kopieren oder exportieren Sie die Datei erneut.
TooBigWhole = Die Datei ist { $v0 } GB groß; Mailflow liest { $v1 } im Ganzen, bis 1 GB. Teilen Sie sie (etwa nach Datum) und legen Sie die Teile ab.
ZipArchives = ZIP-Archive
FilesOfThisFormat = Dateien dieses Formats
UnpacksOver1Gb = Entpackt ist die Datei größer als 1 GB; nur das erste 1 GB wurde gelesen
ZipCannotOpen = Das ZIP-Archiv lässt sich nicht öffnen ({ $v0 }); es ist womöglich beschädigt oder abgeschnitten
EntryUnreadable = Dieser Eintrag lässt sich nicht lesen ({ $v0 })
EntryDamaged = Dieser Eintrag ist beschädigt ({ $v0 }); was davor stand, wurde gelesen
ZipEmpty = Das ZIP-Archiv enthält keine Dateien
WorkerAnswerUnreadable = Die Antwort des Lade-Workers ließ sich nicht lesen ({ $v0 })
HandOverFailed = Die Datei ließ sich nicht an den Lade-Worker übergeben.
WorkerCouldNotStart = er konnte nicht starten
WorkerStopped = Der Lade-Worker hielt beim Lesen an ({ $v0 }). Womöglich reichte der Speicher des Browsers nicht: Teilen Sie die Datei und legen Sie die Teile ab.
BrowserCouldNotRead = Der Browser konnte die Datei nicht lesen. Prüfen Sie, ob es sie noch gibt, und versuchen Sie es erneut.
BrowserCannotFetch = Der Browser kann hier keine Dateien abrufen.
ServerSentNothing = { $v0 }: Der Server hat keinen Inhalt gesendet.
DownloadBrokeOff = Der Download von { $v0 } brach ab. Versuchen Sie es erneut.
NotWebAddress = „{ $v0 }“ ist keine Webadresse.
NotHttp = { $v0 } ist keine http- oder https-Adresse.
NoAnswer = { $v0 } hat nicht innerhalb von { $v1 } Sekunden geantwortet. Versuchen Sie es erneut, oder laden Sie die Datei herunter und legen Sie sie hier ab.
NoCors = Der Server { $v0 } erlaubt keine ursprungsübergreifenden Zugriffe (oder ist nicht erreichbar): Legen Sie die Datei neben Mailflow ab, aktivieren Sie CORS auf diesem Server (Access-Control-Allow-Origin), oder laden Sie sie herunter und legen Sie sie hier ab.
FetchFailed = { $v0 } ließ sich nicht abrufen ({ $v1 }). Prüfen Sie die Adresse und Ihre Verbindung.
NotFound = { $v0 } wurde nicht gefunden (HTTP 404). Prüfen Sie die Adresse.
HttpStatus = Der Server antwortete mit HTTP { $v0 } { $v1 } auf { $v2 }.
