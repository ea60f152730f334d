## The page
Tagline = TLS- en connectorrapport van de e-mailstroom — berekend in uw browser
PageTitle = Mailflow — TLS- en connectorrapport van de e-mailstroom
Language = Taal
DropOverlay = Zet bestanden neer om ze aan het rapport toe te voegen

## Loading
LoadTraces = Traceringen laden
DropHere = Zet exports van berichttraceringen of mailserverlogboeken ergens op deze pagina neer
NothingUploaded = — alles wordt in uw browser berekend; er wordt niets geüpload.
ChooseFiles = Bestanden kiezen…
TrySample = Voorbeeld proberen
Clear = Wissen
LoadFromUrl = Laden via URL
UrlPlaceholder = Laden via URL: https://…/trace.csv
Load = Laden
FilesBeingRead = Bestanden die worden gelezen
Waiting = in wachtrij
ProgressOf = { $v0 } · { $v1 } van { $v2 }
SecondsLeft = nog { $v0 } s
MinutesLeft = nog { $v0 } min
SizeMb = { $v0 } MB
SizeGb = { $v0 } GB
Rate = { $v0 } MB/s
Reading = { $v0 } wordt gelezen
CancelReading = Lezen van { $v0 } annuleren
Cancel = Annuleren
StoppedReading = Lezen van { $v0 } gestopt. Eerder geladen bestanden blijven behouden.
AddingToReport = Wordt aan het rapport toegevoegd…

## Counted things
Deliveries =
    { $v0 ->
        [one] bezorging
       *[other] bezorgingen
    }
Messages =
    { $v0 ->
        [one] bericht
       *[other] berichten
    }
RowsRead =
    { $v0 ->
        [one] rij gelezen
       *[other] rijen gelezen
    }
RowsSkipped =
    { $v0 ->
        [one] rij overgeslagen
       *[other] rijen overgeslagen
    }

## The load summary
LoadedFiles = Geladen bestanden
RemoveFile = { $v0 } verwijderen
RemoveThisFile = Dit bestand verwijderen
DataUnchanged = Eerder geladen gegevens blijven ongewijzigd.
DuplicatesDropped = duplicaten verwijderd
JoinedWithOthers = samengevoegd met andere bestanden
DirectionFromDomains = (richting bepaald via uw domeinen)
LogCounts = { $v0 } mislukt of uitgesteld (niet bezorgd) · { $v1 } lokaal (geen in- of uitgaande e-mailstroom)
LogOtherLines =
    { $v0 ->
        [one] { $v0 } regel was geen bezorging (verbinding, weigering, waarschuwing, TLS-regel of ander programma)
       *[other] { $v0 } regels waren geen bezorgingen (verbindingen, weigeringen, waarschuwingen, TLS-regels, andere programma’s)
    }
Submissions =
    { $v0 ->
        [one] { $v0 } geverifieerde inzending door een client (SMTP AUTH), los van de inkomende e-mailstroom geteld: { $v1 }
       *[other] { $v0 } geverifieerde inzendingen door clients (SMTP AUTH), los van de inkomende e-mailstroom geteld: { $v1 }
    }
TlsUnlogged = { $v0 } inkomende en { $v1 } uitgaande bezorgingen tellen als TLS Onbekend, niet als Geen TLS: dit logboek bevat voor hun server geen enkele TLS-regel, dus de server logt TLS waarschijnlijk niet. Stel om dit te loggen smtpd_tls_loglevel = 1 en smtp_tls_loglevel = 1 (Postfix) of log_selector = +tls_cipher (Exim) in.
TlsLoggedButton = Deze server logt TLS: tel deze als Geen TLS
TlsLoggedSaid = Bezorgingen zonder TLS-regel tellen als Geen TLS, omdat u hebt aangegeven dat deze server TLS logt.
TlsLoggedUndo = Weer als Onbekend tellen
BeforeLog =
    { $v0 ->
        [one] { $v0 } bezorging hoort bij een SMTP-sessie die vóór het begin van het logboek is gestart: de TLS ervan is Onbekend.
       *[other] { $v0 } bezorgingen horen bij SMTP-sessies die vóór het begin van het logboek zijn gestart: hun TLS is Onbekend.
    }
WorkerDefect = Mailflow stuitte bij het lezen van dit bestand op een defect: een fout in Mailflow, geen probleem met het bestand of de browser. Meld deze fout met de onderstaande details.
DefectDetails = Details voor een foutmelding
NoYearInLines = De regels bevatten geen jaartal: gelezen vanaf { $v0 }.
LocalTimesAs = Lokale tijden gelezen als { $v0 }.
FirstYear = Eerste jaar
Zone = Tijdzone
DayFirst = dag eerst (31/12/2026)
MonthFirst = maand eerst (12/31/2026)
DatesReadCertain = Datums gelezen als { $v0 }.
DatesReadEither = Datums gelezen als { $v0 }: het bestand kan op beide manieren worden gelezen.
ReadThemOtherWay = Lezen als { $v0 }
WhySkipped =
    { $v0 ->
        [one] Waarom 1 rij is overgeslagen
       *[other] Waarom { $v0 } rijen zijn overgeslagen (eerste { $v1 })
    }
SkipAtLine = regel { $v0 }: { $v1 }
MapColumns = Kolommen toewijzen
MapColumnsHint = — vertel Mailflow welke kolom wat bevat; de keuze wordt onthouden voor bestanden met dezelfde koprij.
DateOrTime = Datum of tijd
TlsVersion = TLS-versie
Count = Aantal
RemoteHost = Externe host
Choose = kiezen…
NoColumn = geen
LoadWithColumns = Laden met deze kolommen
YourDomains = Uw domeinen
DomainsYours = (van u, onthouden in deze browser)
DomainsSuggested = (voorgesteld op basis van de gegevens)
UseTheseDomains = Deze domeinen gebruiken
UseSuggestion = Suggestie gebruiken
DomainsNote = Sommige bestanden vermelden niet welke kant e-mail op ging: e-mail van een van uw domeinen naar een ander is binnen de organisatie, naar buiten uitgaand, van buiten inkomend.
Unplaced = { $v0 } kon niet worden ingedeeld: geen van beide kanten is een van uw domeinen.
IntraOrgNote =
    { $v0 ->
        [one] { $v0 } bezorging binnen de organisatie is hier meegeteld, maar blijft buiten de TLS-weergaven, zoals in de rapporten van Microsoft.
       *[other] { $v0 } bezorgingen binnen de organisatie zijn hier meegeteld, maar blijven buiten de TLS-weergaven, zoals in de rapporten van Microsoft.
    }

## The widget
WidgetTitle = Uitgaande en inkomende e-mailstroom
WidgetEmptyBefore = Nog geen e-mailstroom geladen. Zet een export van een berichttracering of een mailserverlogboek op deze pagina neer, of kies
WidgetEmptyAfter = voor een volledig rapport.
WidgetDates = { $v0 } – { $v1 } (laatste 7 dagen van de geladen gegevens, UTC)
ViewDetails = Details weergeven
InboundModern = { $v0 } van de inkomende e-mail was beveiligd door TLS 1.2 of nieuwer.
OutboundModern = { $v0 } van de uitgaande e-mail was beveiligd door TLS 1.2 of nieuwer.
InboundTlsUnknown = Uit de geladen gegevens blijkt niet welke TLS-versie inkomende e-mail gebruikte.
OutboundTlsUnknown = Uit de geladen gegevens blijkt niet welke TLS-versie uitgaande e-mail gebruikte.
NoInbound = Geen inkomende e-mail op deze dagen.
NoOutbound = Geen uitgaande e-mail op deze dagen.
NoKnownTls = Geen enkele bezorging op deze dagen heeft een bekende TLS-versie.
DownloadSvg = SVG downloaden
DownloadPng = PNG downloaden

## The flyout
FlyoutTitle = Bericht dat tijdens doorvoer is beveiligd (door TLS)
Close = Sluiten
FlyoutDates = { $v0 } – { $v1 } (UTC). Percentages gelden voor berichten waarvan de TLS-versie bekend is.
Tls = TLS
NotInShares = niet in de percentages
Total = Totaal
ConnectorReport = Connectorrapport
FlyoutReportLink = — e-mailstroom en TLS per connector voor deze datums.

## Directions and TLS values
Inbound = Inkomend
Outbound = Uitgaand
IntraOrg = Binnen organisatie
NoTls = Geen TLS
Unknown = Onbekend

## The connector report
AllMailFlow = Alle e-mailstroom
AllInbound = Alle inkomende e-mail
AllOutbound = Alle uitgaande e-mail
FromInternetNoConnector = Van internet zonder connector
ToInternetNoConnector = Naar internet zonder connector
MailNoConnector = E-mail zonder connector
MailFromInternetNoConnector = E-mail van internet zonder connector
MailToInternetNoConnector = E-mail naar internet zonder connector
InboundConnectorNamed = Inkomende connector “{ $v0 }”
OutboundConnectorNamed = Uitgaande connector “{ $v0 }”
ConnectorNamed = Connector “{ $v0 }”
InboundConnectors = Inkomende connectors
OutboundConnectors = Uitgaande connectors
StartAfterEnd = De begindatum ({ $v0 }) ligt na de einddatum ({ $v1 }). Kies een einddatum op of na de begindatum.
OutsideSpan = Geen e-mail op deze datums: de geladen gegevens lopen van { $v0 } tot { $v1 }. Kies “Alle gegevens” of datums binnen die periode.
ShowDataFor = Gegevens weergeven voor
ViewDataBy = Gegevens weergeven per
MailFlow = E-mailstroom
TlsUsage = TLS-gebruik
TransitSecurity = Transportbeveiliging
LevelVerified = Geverifieerd
LevelEncrypted = Versleuteld, niet geverifieerd
LevelUnknown = Niet vermeld
Dates = Periode
Last7 = Afgelopen 7 dagen
Last30 = Afgelopen 30 dagen
Last90 = Afgelopen 90 dagen
AllData = Alle gegevens
Custom = Aangepast
StartDate = Begindatum
EndDate = Einddatum
ReportDates = { $v0 } – { $v1 } (UTC) · berichten: { $v2 }
DirectionTotal = { $v0 } { $v1 }
NoMailForChoice = Geen e-mail voor deze keuze op deze datums. Probeer “Alle e-mailstroom” of andere datums.

## Insights
Insights = Inzichten
Insight = Inzicht
InsightsNote = Gecontroleerd per connector en voor e-mail zonder connector: “{ $v0 }” en “{ $v1 }”, als percentage van de berichten met bekende TLS-versie, voor groepen met minstens { $v2 } van zulke berichten.
PartnersCapped = Partnerdetails worden bewaard voor maximaal { $v0 } cellen (elk een dag, richting, connector en partner), zodat het geheugengebruik begrensd blijft: { $v1 } bezorgingen daarboven tellen mee in elk totaal, percentage en inzicht, maar niet in de partnerlijsten, die dus onvolledig kunnen zijn.
NothingToFlag = Niets te melden voor deze keuze en deze datums.
NoTlsOver = Geen TLS is meer dan { $v0 }
Tls10Over = TLS 1.0 is boven de { $v0 }
NoTlsRising = Geen TLS steeg boven { $v0 }
Tls10Rising = TLS 1.0 steeg boven { $v0 }
NewWithoutTls = Nieuw zonder TLS
RisingHalves = { $v0 } in de eerste helft van deze dagen, { $v1 } in de tweede.
NewConnector = De connector zelf is nieuw in deze dagen.
RisingAdvice = Er is in deze dagen iets veranderd: zoek naar een nieuwe partner, een gewijzigde connector of TLS-instelling, of een verlopen certificaat aan een van beide kanten.
NewAdvice = Deze verschijnen in deze dagen voor het eerst en wisselen e-mail uit zonder TLS: vraag ze TLS te gebruiken voordat het volume groeit, of vereis TLS op de connector.
InsightShare = { $v0 } van { $v1 } berichten met bekende TLS ({ $v2 }).
BehindIt = Veroorzaakt door ({ $v0 } van { $v1 }):
NoTlsInboundAdvice = E-mail komt onversleuteld binnen: iedereen onderweg kan deze lezen. Vraag de onderstaande verzendende servers om STARTTLS in te schakelen; overweeg voor een partnerconnector TLS te vereisen.
NoTlsOutboundAdvice = E-mail gaat onversleuteld weg: de onderstaande ontvangende servers bieden geen TLS aan. Neem contact op met die partners, of dwing TLS af op de connector zodra zij het ondersteunen.
Tls10InboundAdvice = De meeste e-mail komt binnen via TLS 1.0, dat verouderd en zwak is. Vraag de onderstaande verzendende servers om TLS 1.2 of nieuwer in te schakelen; Microsoft 365 schaft TLS 1.0 en 1.1 af.
Tls10OutboundAdvice = De meeste e-mail gaat weg via TLS 1.0, dat verouderd en zwak is. De onderstaande ontvangende servers hebben TLS 1.2 of nieuwer nodig; neem contact op met die partners of met uw on-premises team.

## The details table
Details = Details
ExportDetails = Details exporteren
NoRows = Geen rijen voor deze keuze op deze datums.
Date = Datum
Direction = Richting
Connector = Connector
ConnectorType = Connectortype
ForcedTls = Afgedwongen TLS
Volume = Volume
TlsShareColumn = { $v0 } %
FromInternetNoConnectorShort = Van internet (geen connector)
ToInternetNoConnectorShort = Naar internet (geen connector)
Yes = Ja
No = Nee

## SMTP TLS reports
TlsReportsTitle = SMTP-TLS-rapporten (RFC 8460)
TlsReportsNote = Wat andere providers rapporteerden over e-mail die ze u stuurden: sessies die TLS onderhandelden zoals uw MTA-STS- of DANE-beleid vraagt, en sessies die mislukten. Sessies, geen berichten, en zonder TLS-versie, dus ze staan los van het rapport hierboven.
Day = Dag
Successful = Geslaagd
Failed = Mislukt
SuccessRate = Slagingspercentage
ReportingOrganisation = Rapporterende organisatie
FailureType = Type fout
FailedSessions = Mislukte sessies

## Charts
ModernShareLabel = { $v0 }: { $v1 } van de e-mail met bekende TLS gebruikte TLS 1.2 of nieuwer
WithTlsUnknown = { $v0 }, { $v1 } met onbekende TLS
ShareHover = { $v0 } — { $v1 }: { $v2 } ({ $v3 } van bekende TLS)
FlowHover = { $v0 } — { $v1 }: { $v2 }
MessagesPerDay = { $v0 }: berichten per dag, { $v1 } tot { $v2 }
TlsUsagePerDay = { $v0 }: TLS-gebruik per dag, { $v1 } tot { $v2 }
SecurityPerDay = { $v0 }: transportbeveiliging per dag, { $v1 } t/m { $v2 }
LabelValue = { $v0 }: { $v1 }
MailFlowMap = E-mailstroomkaart
MapInboundOf = Kaart van de inkomende e-mailstroom: { $v0 }
MapOutboundOf = Kaart van de uitgaande e-mailstroom: { $v0 }
MapBand = { $v0 } → { $v1 }: { $v2 }
MapNote = Partners links, uw connectors (en e-mail zonder connector) in het midden, het gebruikte TLS rechts; elke band is zo breed als zijn berichten. De grootste partners worden genoemd, de rest samengevoegd.
OtherPartners = { $v0 } andere partners
UnnamedPartner = Niet genoemd door de bron
NoConnector = Geen connector
From = Van
To = Naar
SecurityNote = Aandelen van alle berichten. Geverifieerd: het certificaat en de naam van de externe server (of DANE) zijn gecontroleerd. Versleuteld, niet geverifieerd: TLS zonder die controle. Niet vermeld: de bron zegt het niet; Exchange Online en Exchange Server nooit, Postfix en Exim wel als hun TLS-logboek aan staat.
DomainsWithoutTls = Externe domeinen zonder TLS
DomainsWithoutVerification = Externe domeinen zonder verificatie
RemoteDomain = Extern domein
ShareOfItsMail = Aandeel van de e-mail
NoneInWindow = Geen op deze dagen.
FirstOf = De eerste { $v0 } van { $v1 }, op volume.
ShowMore = Meer weergeven
TrendVolumeUp = ↑ { $v0 } meer berichten dan de { $v1 } dagen ervoor
TrendVolumeDown = ↓ { $v0 } minder berichten dan de { $v1 } dagen ervoor
TrendVolumeSame = = evenveel berichten als de { $v0 } dagen ervoor
TrendNoMailBefore = geen e-mail in de { $v0 } dagen ervoor
TrendModernUp = TLS 1.2+ ↑ { $v0 } procentpunt ({ $v1 } → { $v2 })
TrendModernDown = TLS 1.2+ ↓ { $v0 } procentpunt ({ $v1 } → { $v2 })
TrendModernSame = TLS 1.2+ ongewijzigd ({ $v0 })
RowNoPartners = De bron noemt geen partner voor deze rij.
RowUnnamed = { $v0 } van de berichten hebben geen partner die de bron noemt.
Partners = Partners
PartnersNote = Elk extern domein (of host of IP-adres als de bron geen domein noemt) achter de keuze en datums van het rapport, met de verandering ten opzichte van de { $v0 } dagen ervoor.
SearchPartners = Partners zoeken
ExportPartners = Partners exporteren
PartnersToCall = Partners om te bellen
PartnersToCallNote = Gerangschikt naar wat het oplossen (de e-mail zonder TLS, met TLS 1.0 en 1.1 gaat naar TLS 1.2 of nieuwer) zou veranderen aan de aandelen die de inzichten controleren.
CallWeak = { $v0 } zonder TLS, { $v1 } met TLS 1.0, { $v2 } met TLS 1.1
CallFix = oplossen brengt TLS 1.2+ van { $v0 } naar { $v1 }
CallClears = verhelpt “{ $v0 }”
CallLine = { $v0 }: { $v1 }; { $v2 }
CallLineClears = { $v0 }: { $v1 }; { $v2 }; { $v3 }
ModernTls = TLS 1.2+
OldTls = TLS 1.0/1.1
FirstSeen = Eerst gezien
LastSeen = Laatst gezien
Change = Verandering
ChangeUp = ↑ { $v0 } meer
ChangeDown = ↓ { $v0 } minder
ChangeNone = = ongewijzigd
NewPartner = nieuw
ConnectorsUsed = Gebruikte connectors
ServersSeen = De servers
HostAndIp = { $v0 } ({ $v1 })
NoPartners = De geladen bestanden noemen geen partners voor deze keuze.
NoPartnerMatches = Geen partner komt overeen met “{ $v0 }”.
NoneToCall = Geen partner heeft op deze dagen e-mail zonder TLS of met TLS 1.0 of 1.1 verzonden of ontvangen.
KnownTlsOnDay = { $v0 }: { $v1 } met bekende TLS
UnknownNotInShares = Onbekend (niet in de percentages): { $v0 }
ChartNumbers = De cijfers van de grafiek als tabel

## Formats (the English names are also what a host page's `loaded` event names)
FormatMailflowCsv = Mailflow-CSV
FormatMailflowExport = Mailflow-rapportexport (CSV)
FormatMailflowJsonl = Mailflow-JSON Lines
FormatExoTrace = Exchange Online-berichttracering
FormatExoEnhanced = Exchange Online: verbeterd samenvattingsrapport
FormatExoExtended = Exchange Online: uitgebreid rapport
FormatExoDetail = Exchange Online: details van berichttracering
FormatExoConnectors = Exchange Online-connectorinstellingen
FormatMapped = CSV gelezen met uw kolomtoewijzing
FormatPostfix = Postfix-logboek
FormatTlsReport = SMTP-TLS-rapport (RFC 8460)
FormatExchangeTracking = Exchange Server-berichttraceringslogboek
FormatExchangeReceive = Exchange Server: SMTP-ontvangstprotocollogboek
FormatExchangeSend = Exchange Server: SMTP-verzendprotocollogboek
FormatExim = Exim-hoofdlogboek

## What Mailflow says about a file: why it cannot be used, why rows were skipped, warnings
FileEmpty = het bestand is leeg. Exporteer de tracering opnieuw en zet het nieuwe bestand neer.
BinaryFile = dit is { $v0 }, geen tracering van de e-mailstroom. { $v1 }
NotTextFile = dit is geen tekstbestand (het bevat binaire gegevens). Mailflow leest CSV- en JSON Lines-traceringen en mailserverlogboeken.
KindZip = een ZIP-archief
KindEmptyZip = een leeg ZIP-archief
KindGzip = een met gzip gecomprimeerd bestand
KindPng = een PNG-afbeelding
KindJpeg = een JPEG-afbeelding
KindGif = een GIF-afbeelding
KindPdf = een PDF-document
KindOffice = een oud Office-document (.xls/.doc)
Kind7z = een 7-Zip-archief
KindRar = een RAR-archief
KindBzip2 = een met bzip2 gecomprimeerd bestand
KindXz = een met xz gecomprimeerd bestand
KindWasm = een WebAssembly-module
AdviceUnzip = Pak het uit en zet de CSV- of logbestanden daaruit neer.
AdviceDropFiles = Zet de traceringsbestanden zelf neer.
AdviceGunzip = Decomprimeer het (gunzip) en zet het bestand daaruit neer.
AdviceDropTrace = Zet in plaats daarvan een geëxporteerde berichttracering (CSV) of een mailserverlogboek neer.
AdviceExportCsv = Exporteer de tracering als CSV en zet dat bestand neer.
AdviceSaveCsv = Sla het op als CSV en zet dat bestand neer.
AdviceUnpack = Pak het uit en zet de bestanden daaruit neer.
AdviceDecompress = Decomprimeer het en zet het bestand daaruit neer.
NoLinesOfText = het bestand bevat geen tekstregels.
NotRecognised = geen tracering die Mailflow herkent: { $v0 }
HeaderExpected = regel { $v0 } moet een koprij met kolomnamen zijn, maar bevat { $v1 }: er is geen kolom voor { $v2 }. Mailflow verwacht een CSV met de kolommen date, direction, connector, tls en count (of een eigen rapportexport); zie “Supported inputs” in de README.
Nothing = niets
Verbatim = { $v0 }
AndMore = { $v0 } en nog { $v1 }
DateEmpty = de datum is leeg
DateUnreadable = datum “{ $v0 }” is geen datum die Mailflow kan lezen
DateUnreadableIso = datum “{ $v0 }” is geen datum die Mailflow kan lezen (YYYY-MM-DD of YYYY-MM-DDTHH:MM:SSZ)
NoMessageId = de rij heeft geen bericht-id
ExpandedStatus = status Expanded is het uitvouwen van een distributiegroep, geen bezorging
RowNoRecipient = de rij heeft geen ontvanger
StatusNoRecipient = recipient_status noemt geen ontvanger
RowNamesNoRecipient = de rij noemt geen ontvanger
DirectionUnreadable = richting “{ $v0 }” is niet Inbound, Outbound of Intra-org
TlsUnreadable = TLS “{ $v0 }” is geen TLS-waarde die Mailflow leest (het leest No TLS, none, no, plain, false; TLS 1.0 t/m 1.3 geschreven als TLS 1.2, TLSv1.2, TLS12, tls1_2, 1.2, 0x0303 of 771; SSLv3; Unknown)
AuthUnreadable = verificatie “{ $v0 }” is geen waarde die Mailflow leest (het leest Verified, yes, DANE, MTA-STS; Not verified, no, Anonymous, Untrusted, Trusted; leeg of Unknown)
CountUnreadable = aantal “{ $v0 }” is geen geheel getal
VolumeUnreadable = volume “{ $v0 }” is geen geheel getal
PercentNoVolume = de TLS-kolommen zijn percentages, maar de rij heeft geen Volume
NotPercentage = “{ $v0 }” is geen percentage
PercentRange = een TLS-percentage ligt niet tussen 0 en 100
TlsCountUnreadable = aantal voor { $v0 }, “{ $v1 }”, is geen geheel getal
TlsCountsOverVolume = de TLS-aantallen komen samen op { $v0 }, meer dan het Volume van { $v1 }
CheckedOverEncrypted = Verified en Not verified komen samen op { $v0 }, meer dan de { $v1 } afleveringen met TLS
JsonBraceExpected = '{"{"}' verwacht
JsonKeyExpected = sleutel tussen aanhalingstekens verwacht
JsonColonExpected = ':' verwacht
JsonCommaExpected = ',' of '{"}"}' verwacht
JsonStringOpen = de tekenreeks wordt niet afgesloten
JsonUnicodeEscape = een \u-escape vereist vier hexadecimale cijfers
JsonUnknownEscape = onbekende escape
JsonNestedOpen = de geneste waarde wordt niet afgesloten
JsonValueExpected = waarde verwacht
JsonTrailing = onverwachte tekst na het object
AtColumn = { $v0 } in kolom { $v1 }
NotJsonObject = de regel is geen JSON-object ({ $v0 })
CsvUnreadable = de rij kon niet als CSV worden gelezen ({ $v0 })
FieldCount = de rij heeft { $v0 } velden, maar de koprij heeft er { $v1 } (is het bestand afgekapt?)
FieldsLineCount = de rij heeft { $v0 } velden; de #Fields-regel noemt er { $v1 }
ProtocolFieldsMissing = de #Fields-regel mist date-time, connector-id, session-id, remote-endpoint, event of data
TrackingFieldsMissing = de #Fields-regel mist date-time, event-id of recipient-address
DateTimeNotDate = de date-time is geen datum
ConnectorNoName = de connector heeft geen naam
DayDoesNotExist = de datum bestaat niet (bijv. 30 februari)
ReportInvalid = rapport { $v0 } is geen geldig SMTP-TLS-rapport ({ $v1 })
ReportStartNotDate = de start-datetime “{ $v0 }” van het rapport is geen datum
DmarcReport = dit is een DMARC-verzamelrapport, geen SMTP TLS-rapport: Mailflow leest TLS-rapporten (RFC 8460), geen DMARC.
DmarcInMail =
    { $v0 ->
        [one] er zit { $v0 } DMARC-verzamelrapport in en geen SMTP TLS-rapport: Mailflow leest TLS-rapporten (RFC 8460), geen DMARC.
       *[other] er zitten { $v0 } DMARC-verzamelrapporten in en geen SMTP TLS-rapport: Mailflow leest TLS-rapporten (RFC 8460), geen DMARC.
    }
MailWithoutReport =
    { $v0 ->
        [one] deze e-mail bevat geen SMTP TLS-rapport (een bijlage application/tlsrpt+gzip of +json).
       *[other] geen van de { $v0 } e-mails bevat een SMTP TLS-rapport (een bijlage application/tlsrpt+gzip of +json).
    }
ReportsUnreadable =
    { $v0 ->
        [one] { $v0 } bijlage met een TLS-rapport kon niet worden geopend; de andere zijn gelezen.
       *[other] { $v0 } bijlagen met TLS-rapporten konden niet worden geopend; de andere zijn gelezen.
    }
NothingCrossed = er staat geen RECEIVE van inkomende of SEND van uitgaande e-mail via SMTP in: niets is de grens van de organisatie gepasseerd
NoteSessions = Sessies, geen bezorgingen: ze worden opgeteld in het deelvenster SMTP-TLS-rapporten.
NoConnectorListed = er staat geen connector in.
NoteConnectors = Connectorinstellingen: ze vullen Connectortype en Afgedwongen TLS in het rapport.
NoRowUsable =
    { $v0 ->
        [one] de enige rij was niet bruikbaar; het probleem staat op regel { $v1 }: { $v2 }
       *[other] geen van de { $v0 } rijen was bruikbaar; het eerste probleem staat op regel { $v1 }: { $v2 }
    }
NoServerLines = het bevat geen regels van de mailserver. Exporteer de tracering opnieuw met een datumbereik dat e-mail bevat.
HeaderNoRows = het heeft een koprij, maar geen rijen. Exporteer de tracering opnieuw met een datumbereik dat e-mail bevat.
GzipDamaged = de gzip-gegevens zijn beschadigd ({ $v0 }); wat ervoor stond, is gelezen
GzipDamagedOrCut = de gzip-gegevens zijn beschadigd of afgekapt ({ $v0 }); wat ervoor stond, is gelezen
EndsMidCharacter = het bestand eindigt midden in een teken en is dus afgekapt; de laatste, onvolledige regel is niet gelezen. Kopieer of exporteer het bestand opnieuw.
TooBigWhole = het bestand is { $v0 } GB; Mailflow leest { $v1 } in hun geheel, tot 1 GB. Splits het (bijvoorbeeld per datum) en zet de delen neer.
ZipArchives = zip-archieven
FilesOfThisFormat = bestanden van deze indeling
UnpacksOver1Gb = uitgepakt is het groter dan 1 GB; alleen de eerste 1 GB is gelezen
ZipCannotOpen = het zip-archief kan niet worden geopend ({ $v0 }); het is mogelijk beschadigd of afgekapt
EntryUnreadable = dit item kan niet worden gelezen ({ $v0 })
EntryDamaged = dit item is beschadigd ({ $v0 }); wat ervoor stond, is gelezen
ZipEmpty = het zip-archief bevat geen bestanden
WorkerAnswerUnreadable = het antwoord van de laadworker kon niet worden gelezen ({ $v0 })
HandOverFailed = het bestand kon niet aan de laadworker worden overgedragen.
WorkerCouldNotStart = deze kon niet starten
WorkerStopped = de laadworker is gestopt tijdens het lezen ({ $v0 }). Mogelijk had de browser onvoldoende geheugen: splits het bestand en zet de delen neer.
BrowserCouldNotRead = de browser kon het bestand niet lezen. Controleer of het nog bestaat en probeer het opnieuw.
BrowserCannotFetch = de browser kan hier geen bestanden ophalen.
ServerSentNothing = { $v0 }: de server heeft geen inhoud verzonden.
DownloadBrokeOff = het downloaden van { $v0 } is afgebroken. Probeer het opnieuw.
NotWebAddress = “{ $v0 }” is geen webadres.
NotHttp = { $v0 } is geen http- of https-adres.
NoAnswer = { $v0 } heeft niet binnen { $v1 } seconden geantwoord. Probeer het opnieuw, of download het bestand en zet het hier neer.
NoCors = de server op { $v0 } staat geen cross-origin-leesbewerkingen toe (of is onbereikbaar): host het bestand naast Mailflow, schakel CORS in op die server (Access-Control-Allow-Origin), of download het en zet het hier neer.
FetchFailed = { $v0 } kon niet worden opgehaald ({ $v1 }). Controleer het adres en uw verbinding.
NotFound = { $v0 } is niet gevonden (HTTP 404). Controleer het adres.
HttpStatus = de server antwoordde HTTP { $v0 } { $v1 } op { $v2 }.
