## The page
Tagline = Rapport TLS et connecteurs du flux de courrier — calculé dans votre navigateur
PageTitle = Mailflow — rapport TLS et connecteurs du flux de courrier
Language = Langue
DropOverlay = Déposez des fichiers pour les ajouter au rapport

## Loading
LoadTraces = Charger des données
DropHere = Déposez n’importe où sur cette page des exports du suivi des messages ou des journaux de messagerie
NothingUploaded = — tout est calculé dans votre navigateur ; rien n’est envoyé.
ChooseFiles = Choisir des fichiers…
TrySample = Essayer l’exemple
Clear = Effacer
LoadFromUrl = Charger depuis une URL
UrlPlaceholder = Charger depuis une URL : https://…/trace.csv
Load = Charger
FilesBeingRead = Fichiers en cours de lecture
Waiting = en attente
ProgressOf = { $v0 } · { $v1 } sur { $v2 }
SecondsLeft = encore { $v0 } s
MinutesLeft = encore { $v0 } min
SizeMb = { $v0 } Mo
SizeGb = { $v0 } Go
Rate = { $v0 } Mo/s
Reading = Lecture de { $v0 }
CancelReading = Annuler la lecture de { $v0 }
Cancel = Annuler
StoppedReading = Lecture de { $v0 } arrêtée. Les fichiers chargés avant sont conservés.
AddingToReport = Ajout au rapport…

## Counted things
Deliveries =
    { $v0 ->
        [one] remise
       *[other] remises
    }
Messages =
    { $v0 ->
        [one] message
       *[other] messages
    }
RowsRead =
    { $v0 ->
        [one] ligne lue
       *[other] lignes lues
    }
RowsSkipped =
    { $v0 ->
        [one] ligne ignorée
       *[other] lignes ignorées
    }

## The load summary
LoadedFiles = Fichiers chargés
RemoveFile = Retirer { $v0 }
RemoveThisFile = Retirer ce fichier
DataUnchanged = Les données chargées avant sont inchangées.
DuplicatesDropped = doublons écartés
JoinedWithOthers = fusionné avec d’autres fichiers
DirectionFromDomains = (direction déduite de vos domaines)
LogCounts = { $v0 } en échec ou différées (non remises) · { $v1 } locales (hors flux entrant ou sortant)
LogOtherLines =
    { $v0 ->
        [one] { $v0 } ligne n’était pas une remise (connexion, rejet, avertissement, ligne TLS ou autre programme)
       *[other] { $v0 } lignes n’étaient pas des remises (connexions, rejets, avertissements, lignes TLS, autres programmes)
    }
Submissions =
    { $v0 ->
        [one] { $v0 } envoi authentifié de client (SMTP AUTH), compté à part du flux de courrier entrant : { $v1 }
       *[other] { $v0 } envois authentifiés de clients (SMTP AUTH), comptés à part du flux de courrier entrant : { $v1 }
    }
TlsUnlogged = { $v0 } remises entrantes et { $v1 } sortantes sont comptées en TLS « Inconnu », et non « Sans TLS » : ce journal n’a aucune ligne TLS pour leur serveur, qui ne journalise donc probablement pas TLS. Pour le journaliser, définissez smtpd_tls_loglevel = 1 et smtp_tls_loglevel = 1 (Postfix) ou log_selector = +tls_cipher (Exim).
TlsLoggedButton = Ce serveur journalise TLS : compter en « Sans TLS »
TlsLoggedSaid = Les remises sans ligne TLS sont comptées en « Sans TLS », car vous avez indiqué que ce serveur journalise TLS.
TlsLoggedUndo = Les recompter en « Inconnu »
BeforeLog =
    { $v0 ->
        [one] { $v0 } remise appartient à une session SMTP ouverte avant le début du journal : son TLS est inconnu.
       *[other] { $v0 } remises appartiennent à des sessions SMTP ouvertes avant le début du journal : leur TLS est inconnu.
    }
WorkerDefect = Mailflow a rencontré un défaut en lisant ce fichier : un bogue de Mailflow, et non un problème du fichier ou du navigateur. Veuillez le signaler avec les détails ci-dessous.
DefectDetails = Détails pour un rapport de bogue
NoYearInLines = Les lignes n’indiquent pas l’année : lues à partir de { $v0 }.
LocalTimesAs = Heures locales lues en { $v0 }.
FirstYear = Première année
Zone = Fuseau
DayFirst = jour avant mois (31/12/2026)
MonthFirst = mois avant jour (12/31/2026)
DatesReadCertain = Dates lues : { $v0 }.
DatesReadEither = Dates lues : { $v0 } ; le fichier se lit dans les deux sens.
ReadThemOtherWay = Lire plutôt { $v0 }
WhySkipped =
    { $v0 ->
        [one] Pourquoi { $v0 } ligne a été ignorée
       *[other] Pourquoi { $v0 } lignes ont été ignorées (les { $v1 } premières)
    }
SkipAtLine = ligne { $v0 } : { $v1 }
MapColumns = Associer ses colonnes
MapColumnsHint = — indiquez à Mailflow le contenu de chaque colonne ; ce choix est mémorisé pour les fichiers de même en-tête.
DateOrTime = Date ou heure
TlsVersion = Version TLS
Count = Nombre
RemoteHost = Hôte distant
Choose = choisir…
NoColumn = aucune
LoadWithColumns = Charger avec ces colonnes
YourDomains = Vos domaines
DomainsYours = (les vôtres, mémorisés dans ce navigateur)
DomainsSuggested = (suggérés d’après les données)
UseTheseDomains = Utiliser ces domaines
UseSuggestion = Utiliser la suggestion
DomainsNote = Certains fichiers n’indiquent pas la direction du courrier : d’un de vos domaines vers un autre, il est intra-organisation ; vers l’extérieur, sortant ; depuis l’extérieur, entrant.
Unplaced = Impossible de classer { $v0 } : aucun des deux côtés n’est l’un de vos domaines.
IntraOrgNote =
    { $v0 ->
        [one] { $v0 } remise intra-organisation est comptée ici mais exclue des vues TLS, comme dans les rapports de Microsoft.
       *[other] { $v0 } remises intra-organisation sont comptées ici mais exclues des vues TLS, comme dans les rapports de Microsoft.
    }

## The widget
WidgetTitle = Flux de courrier sortant et entrant
WidgetEmptyBefore = Aucun flux de courrier chargé. Déposez un export du suivi des messages ou un journal de serveur de messagerie sur cette page, ou choisissez
WidgetEmptyAfter = pour voir un rapport complet.
WidgetDates = { $v0 } – { $v1 } (7 derniers jours des données chargées, UTC)
ViewDetails = Afficher les détails
InboundModern = { $v0 } du courrier entrant a été protégé par TLS 1.2 ou ultérieur.
OutboundModern = { $v0 } du courrier sortant a été protégé par TLS 1.2 ou ultérieur.
InboundTlsUnknown = Les données chargées n’indiquent pas la version TLS du courrier entrant.
OutboundTlsUnknown = Les données chargées n’indiquent pas la version TLS du courrier sortant.
NoInbound = Aucun courrier entrant sur ces jours.
NoOutbound = Aucun courrier sortant sur ces jours.
NoKnownTls = Aucune remise de ces jours n’a de version TLS connue.
DownloadSvg = Télécharger le SVG
DownloadPng = Télécharger le PNG

## The flyout
FlyoutTitle = Message protégé en transit (par TLS)
Close = Fermer
FlyoutDates = { $v0 } – { $v1 } (UTC). Pourcentages calculés sur les messages dont la version TLS est connue.
Tls = TLS
NotInShares = hors pourcentages
Total = Total
ConnectorReport = Rapport de connecteur
FlyoutReportLink = — flux de courrier et TLS par connecteur pour ces dates.

## Directions and TLS values
Inbound = Entrant
Outbound = Sortant
IntraOrg = Intra-organisation
NoTls = Sans TLS
Unknown = Inconnu

## The connector report
AllMailFlow = Tout le flux de courrier
AllInbound = Tout le courrier entrant
AllOutbound = Tout le courrier sortant
FromInternetNoConnector = Depuis Internet sans connecteur
ToInternetNoConnector = Vers Internet sans connecteur
MailNoConnector = Courrier sans connecteur
MailFromInternetNoConnector = Courrier depuis Internet sans connecteur
MailToInternetNoConnector = Courrier vers Internet sans connecteur
InboundConnectorNamed = Connecteur entrant « { $v0 } »
OutboundConnectorNamed = Connecteur sortant « { $v0 } »
ConnectorNamed = Connecteur « { $v0 } »
InboundConnectors = Connecteurs entrants
OutboundConnectors = Connecteurs sortants
StartAfterEnd = La date de début ({ $v0 }) est postérieure à la date de fin ({ $v1 }). Choisissez une date de fin égale ou postérieure à la date de début.
OutsideSpan = Aucun courrier à ces dates : les données chargées vont du { $v0 } au { $v1 }. Choisissez « Toutes les données » ou des dates dans cette période.
ShowDataFor = Afficher les données pour
ViewDataBy = Afficher les données par
MailFlow = Flux de courrier
TlsUsage = Utilisation de TLS
TransitSecurity = Sécurité en transit
LevelVerified = Vérifié
LevelEncrypted = Chiffré, non vérifié
LevelUnknown = Non indiqué
Dates = Dates
Last7 = 7 derniers jours
Last30 = 30 derniers jours
Last90 = 90 derniers jours
AllData = Toutes les données
Custom = Personnalisé
StartDate = Date de début
EndDate = Date de fin
ReportDates = { $v0 } – { $v1 } (UTC) · messages : { $v2 }
DirectionTotal = { $v0 } { $v1 }
NoMailForChoice = Aucun courrier pour ce choix à ces dates. Essayez « Tout le flux de courrier » ou d’autres dates.

## Insights
Insights = Informations
Insight = Information
InsightsNote = Vérifié par connecteur et pour le courrier sans connecteur : « { $v0 } » et « { $v1 } », en part des messages dont la version TLS est connue, pour les groupes d’au moins { $v2 } messages de ce type.
PartnersCapped = Le détail par partenaire est limité à { $v0 } cellules (chacune un jour, une direction, un connecteur et un partenaire) pour borner la mémoire : les { $v1 } remises au-delà figurent dans tous les totaux, pourcentages et informations, mais pas dans les listes de partenaires, qui peuvent être incomplètes.
NothingToFlag = Rien à signaler pour ce choix et ces dates.
NoTlsOver = Sans TLS dépasse { $v0 }
Tls10Over = TLS 1.0 dépasse { $v0 }
NoTlsRising = Sans TLS a dépassé { $v0 }
Tls10Rising = TLS 1.0 a dépassé { $v0 }
NewWithoutTls = Nouveau sans TLS
RisingHalves = { $v0 } dans la première moitié de ces jours, { $v1 } dans la seconde.
NewConnector = Le connecteur lui-même est nouveau sur ces jours.
RisingAdvice = Quelque chose a changé sur ces jours : cherchez un nouveau partenaire, un connecteur ou un réglage TLS modifié, ou un certificat expiré d’un côté ou de l’autre.
NewAdvice = Ils apparaissent pour la première fois sur ces jours et échangent du courrier sans TLS : demandez-leur d’utiliser TLS avant que le volume ne croisse, ou exigez TLS sur le connecteur.
InsightShare = { $v0 } sur { $v1 } messages à TLS connu ({ $v2 }).
BehindIt = En cause ({ $v0 } sur { $v1 }) :
NoTlsInboundAdvice = Le courrier arrive non chiffré : toute personne sur le trajet peut le lire. Demandez aux serveurs d’envoi ci-dessous d’activer STARTTLS ; pour un connecteur partenaire, envisagez d’exiger TLS.
NoTlsOutboundAdvice = Le courrier part non chiffré : les serveurs de réception ci-dessous ne proposent pas TLS. Contactez ces partenaires, ou forcez TLS sur le connecteur dès qu’ils le prennent en charge.
Tls10InboundAdvice = La plupart du courrier arrive en TLS 1.0, obsolète et faible. Demandez aux serveurs d’envoi ci-dessous d’activer TLS 1.2 ou ultérieur ; Microsoft 365 met fin à TLS 1.0 et 1.1.
Tls10OutboundAdvice = La plupart du courrier part en TLS 1.0, obsolète et faible. Les serveurs de réception ci-dessous doivent passer à TLS 1.2 ou ultérieur ; contactez ces partenaires ou votre équipe locale.

## The details table
Details = Détails
ExportDetails = Exporter les détails
NoRows = Aucune ligne pour ce choix à ces dates.
Date = Date
Direction = Direction
Connector = Connecteur
ConnectorType = Type de connecteur
ForcedTls = TLS forcé
Volume = Volume
TlsShareColumn = { $v0 } %
FromInternetNoConnectorShort = Depuis Internet (sans connecteur)
ToInternetNoConnectorShort = Vers Internet (sans connecteur)
Yes = Vrai
No = Faux

## SMTP TLS reports
TlsReportsTitle = Rapports TLS SMTP (RFC 8460)
TlsReportsNote = Ce que d’autres fournisseurs signalent sur le courrier qu’ils vous ont envoyé : les sessions qui ont négocié TLS comme l’exige votre stratégie MTA-STS ou DANE, et celles qui ont échoué. Des sessions, pas des messages, et sans version TLS : elles sont donc séparées du rapport ci-dessus.
Day = Jour
Successful = Réussies
Failed = En échec
SuccessRate = Taux de réussite
ReportingOrganisation = Organisation déclarante
FailureType = Type d’échec
FailedSessions = Sessions en échec

## Charts
ModernShareLabel = { $v0 } : { $v1 } du courrier à TLS connu a utilisé TLS 1.2 ou ultérieur
WithTlsUnknown = { $v0 }, dont { $v1 } à TLS inconnu
ShareHover = { $v0 } — { $v1 } : { $v2 } ({ $v3 } du TLS connu)
FlowHover = { $v0 } — { $v1 } : { $v2 }
MessagesPerDay = { $v0 } : messages par jour, du { $v1 } au { $v2 }
TlsUsagePerDay = { $v0 } : utilisation de TLS par jour, du { $v1 } au { $v2 }
SecurityPerDay = { $v0 } : sécurité en transit par jour, du { $v1 } au { $v2 }
LabelValue = { $v0 } : { $v1 }
MailFlowMap = Carte du flux de messagerie
MapInboundOf = Carte du flux entrant : { $v0 }
MapOutboundOf = Carte du flux sortant : { $v0 }
MapBand = { $v0 } → { $v1 } : { $v2 }
MapNote = Les partenaires à gauche, vos connecteurs (et le courrier sans connecteur) au milieu, le TLS utilisé à droite ; chaque bande est aussi large que ses messages. Les plus grands partenaires sont nommés, les autres regroupés.
OtherPartners = { $v0 } autres partenaires
UnnamedPartner = Non nommé par la source
NoConnector = Sans connecteur
From = De
To = Vers
SecurityNote = Parts de tous les messages. Vérifié : le certificat et le nom du serveur distant (ou DANE) ont été contrôlés. Chiffré, non vérifié : TLS sans ce contrôle. Non indiqué : la source ne le dit pas ; Exchange Online et Exchange Server jamais, Postfix et Exim quand leur journalisation TLS est active.
DomainsWithoutTls = Domaines distants sans TLS
DomainsWithoutVerification = Domaines distants sans vérification
RemoteDomain = Domaine distant
ShareOfItsMail = Part de son courrier
NoneInWindow = Aucun sur ces jours.
FirstOf = Les { $v0 } premiers sur { $v1 }, par volume.
ShowMore = Afficher plus
TrendVolumeUp = ↑ { $v0 } de messages en plus que les { $v1 } jours précédents
TrendVolumeDown = ↓ { $v0 } de messages en moins que les { $v1 } jours précédents
TrendVolumeSame = = autant de messages que les { $v0 } jours précédents
TrendNoMailBefore = aucun courrier les { $v0 } jours précédents
TrendModernUp = TLS 1.2+ ↑ { $v0 } points ({ $v1 } → { $v2 })
TrendModernDown = TLS 1.2+ ↓ { $v0 } points ({ $v1 } → { $v2 })
TrendModernSame = TLS 1.2+ inchangé ({ $v0 })
RowNoPartners = La source ne nomme aucun partenaire pour cette ligne.
RowUnnamed = { $v0 } de ses messages n’ont pas de partenaire nommé par la source.
Partners = Partenaires
PartnersNote = Chaque domaine distant (ou hôte, ou adresse IP, quand la source ne nomme pas de domaine) derrière le choix et les dates du rapport, avec l’évolution par rapport aux { $v0 } jours précédents.
SearchPartners = Rechercher des partenaires
ExportPartners = Exporter les partenaires
PartnersToCall = Partenaires à appeler
PartnersToCallNote = Classés selon ce que leur correction (leur courrier sans TLS, en TLS 1.0 et 1.1 passant à TLS 1.2 ou plus) changerait aux parts que vérifient les informations.
CallWeak = { $v0 } sans TLS, { $v1 } en TLS 1.0, { $v2 } en TLS 1.1
CallFix = la corriger porte TLS 1.2+ de { $v0 } à { $v1 }
CallClears = lève « { $v0 } »
CallLine = { $v0 } : { $v1 } ; { $v2 }
CallLineClears = { $v0 } : { $v1 } ; { $v2 } ; { $v3 }
ModernTls = TLS 1.2+
OldTls = TLS 1.0/1.1
FirstSeen = Vu la première fois
LastSeen = Vu la dernière fois
Change = Évolution
ChangeUp = ↑ { $v0 } de plus
ChangeDown = ↓ { $v0 } de moins
ChangeNone = = inchangé
NewPartner = nouveau
ConnectorsUsed = Connecteurs utilisés
ServersSeen = Ses serveurs
HostAndIp = { $v0 } ({ $v1 })
NoPartners = Les fichiers chargés ne nomment aucun partenaire pour ce choix.
NoPartnerMatches = Aucun partenaire ne correspond à « { $v0 } ».
NoneToCall = Aucun partenaire n’a envoyé ni reçu de courrier sans TLS ou en TLS 1.0 ou 1.1 sur ces jours.
KnownTlsOnDay = { $v0 } : { $v1 } à TLS connu
UnknownNotInShares = Inconnu (hors pourcentages) : { $v0 }
ChartNumbers = Les chiffres du graphique sous forme de tableau

## Formats (the English names are also what a host page's `loaded` event names)
FormatMailflowCsv = CSV Mailflow
FormatMailflowExport = Export de rapport Mailflow (CSV)
FormatMailflowJsonl = JSON Lines Mailflow
FormatExoTrace = Suivi des messages Exchange Online
FormatExoEnhanced = Rapport récapitulatif amélioré Exchange Online
FormatExoExtended = Rapport étendu Exchange Online
FormatExoDetail = Détails du suivi des messages Exchange Online
FormatExoConnectors = Paramètres des connecteurs Exchange Online
FormatMapped = CSV lu avec votre association de colonnes
FormatPostfix = Journal Postfix
FormatTlsReport = Rapport TLS SMTP (RFC 8460)
FormatExchangeTracking = Journal de suivi des messages Exchange Server
FormatExchangeReceive = Journal de protocole de réception SMTP Exchange Server
FormatExchangeSend = Journal de protocole d’envoi SMTP Exchange Server
FormatExim = Journal principal Exim

## What Mailflow says about a file: why it cannot be used, why rows were skipped, warnings
FileEmpty = le fichier est vide. Exportez de nouveau la trace et déposez le nouveau fichier.
BinaryFile = c’est { $v0 }, pas une trace de flux de courrier. { $v1 }
NotTextFile = ce n’est pas un fichier texte (il contient des données binaires). Mailflow lit les traces CSV et JSON Lines et les journaux de serveur de messagerie.
KindZip = une archive ZIP
KindEmptyZip = une archive ZIP vide
KindGzip = un fichier compressé gzip
KindPng = une image PNG
KindJpeg = une image JPEG
KindGif = une image GIF
KindPdf = un document PDF
KindOffice = un ancien document Office (.xls/.doc)
Kind7z = une archive 7-Zip
KindRar = une archive RAR
KindBzip2 = un fichier compressé bzip2
KindXz = un fichier compressé xz
KindWasm = un module WebAssembly
AdviceUnzip = Décompressez-la et déposez les fichiers CSV ou journaux qu’elle contient.
AdviceDropFiles = Déposez directement les fichiers de trace.
AdviceGunzip = Décompressez-le (gunzip) et déposez le fichier qu’il contient.
AdviceDropTrace = Déposez plutôt un suivi des messages exporté (CSV) ou un journal de serveur de messagerie.
AdviceExportCsv = Exportez la trace en CSV et déposez plutôt ce fichier.
AdviceSaveCsv = Enregistrez-le en CSV et déposez ce fichier.
AdviceUnpack = Décompressez-la et déposez les fichiers qu’elle contient.
AdviceDecompress = Décompressez-le et déposez le fichier qu’il contient.
NoLinesOfText = le fichier ne contient aucune ligne de texte.
NotRecognised = trace non reconnue par Mailflow : { $v0 }
HeaderExpected = la ligne { $v0 } devrait être un en-tête nommant les colonnes, mais elle contient { $v1 } : aucune colonne pour { $v2 }. Mailflow attend un CSV avec les colonnes date, direction, connector, tls et count (ou son export de rapport) ; voir « Supported inputs » dans le README.
Nothing = rien
Verbatim = { $v0 }
AndMore = { $v0 } et { $v1 } autres
DateEmpty = la date est vide
DateUnreadable = la date « { $v0 } » n’est pas une date lisible par Mailflow
DateUnreadableIso = la date « { $v0 } » n’est pas une date lisible par Mailflow (YYYY-MM-DD ou YYYY-MM-DDTHH:MM:SSZ)
NoMessageId = la ligne n’a pas d’ID de message
ExpandedStatus = le statut Expanded est l’expansion d’un groupe de distribution, pas une remise
RowNoRecipient = la ligne n’a pas de destinataire
StatusNoRecipient = recipient_status ne nomme aucun destinataire
RowNamesNoRecipient = la ligne ne nomme aucun destinataire
DirectionUnreadable = la direction « { $v0 } » n’est ni Inbound, ni Outbound, ni Intra-org
TlsUnreadable = TLS « { $v0 } » n’est pas une valeur TLS lisible par Mailflow (il lit No TLS, none, no, plain, false ; TLS 1.0 à 1.3 écrits TLS 1.2, TLSv1.2, TLS12, tls1_2, 1.2, 0x0303 ou 771 ; SSLv3 ; Unknown)
AuthUnreadable = la vérification « { $v0 } » n’est pas une valeur lisible par Mailflow (il lit Verified, yes, DANE, MTA-STS ; Not verified, no, Anonymous, Untrusted, Trusted ; vide ou Unknown)
CountUnreadable = le nombre « { $v0 } » n’est pas un entier
VolumeUnreadable = le volume « { $v0 } » n’est pas un entier
PercentNoVolume = les colonnes TLS sont des pourcentages mais la ligne n’a pas de Volume
NotPercentage = « { $v0 } » n’est pas un pourcentage
PercentRange = un pourcentage TLS n’est pas compris entre 0 et 100
TlsCountUnreadable = le nombre pour { $v0 }, « { $v1 } », n’est pas un entier
TlsCountsOverVolume = les nombres TLS totalisent { $v0 }, plus que le Volume de { $v1 }
CheckedOverEncrypted = Verified et Not verified totalisent { $v0 }, plus que les { $v1 } remises avec TLS
JsonBraceExpected = '{"{"}' attendu
JsonKeyExpected = clé entre guillemets attendue
JsonColonExpected = ':' attendu
JsonCommaExpected = ',' ou '{"}"}' attendu
JsonStringOpen = la chaîne ne se termine pas
JsonUnicodeEscape = un échappement \u exige quatre chiffres hexadécimaux
JsonUnknownEscape = échappement inconnu
JsonNestedOpen = la valeur imbriquée ne se termine pas
JsonValueExpected = valeur attendue
JsonTrailing = texte inattendu après l’objet
AtColumn = { $v0 } à la colonne { $v1 }
NotJsonObject = la ligne n’est pas un objet JSON ({ $v0 })
CsvUnreadable = la ligne n’a pas pu être lue en CSV ({ $v0 })
FieldCount = la ligne a { $v0 } champs mais l’en-tête en a { $v1 } (le fichier est-il tronqué ?)
FieldsLineCount = la ligne a { $v0 } champs ; la ligne #Fields en nomme { $v1 }
ProtocolFieldsMissing = il manque à la ligne #Fields date-time, connector-id, session-id, remote-endpoint, event ou data
TrackingFieldsMissing = il manque à la ligne #Fields date-time, event-id ou recipient-address
DateTimeNotDate = le champ date-time n’est pas une date
ConnectorNoName = le connecteur n’a pas de nom
DayDoesNotExist = la date n’existe pas (par ex. 30 février)
ReportInvalid = le rapport { $v0 } n’est pas un rapport TLS SMTP valide ({ $v1 })
ReportStartNotDate = le start-datetime « { $v0 } » du rapport n’est pas une date
DmarcReport = il s’agit d’un rapport agrégé DMARC, pas d’un rapport TLS SMTP : Mailflow lit les rapports TLS (RFC 8460), pas DMARC.
DmarcInMail =
    { $v0 ->
        [one] il contient { $v0 } rapport agrégé DMARC et aucun rapport TLS SMTP : Mailflow lit les rapports TLS (RFC 8460), pas DMARC.
       *[other] il contient { $v0 } rapports agrégés DMARC et aucun rapport TLS SMTP : Mailflow lit les rapports TLS (RFC 8460), pas DMARC.
    }
MailWithoutReport =
    { $v0 ->
        [one] ce message ne contient aucun rapport TLS SMTP (pièce jointe application/tlsrpt+gzip ou +json).
       *[other] aucun de ses { $v0 } messages ne contient de rapport TLS SMTP (pièce jointe application/tlsrpt+gzip ou +json).
    }
ReportsUnreadable =
    { $v0 ->
        [one] { $v0 } pièce jointe de rapport TLS n’a pas pu être ouverte ; les autres ont été lues.
       *[other] { $v0 } pièces jointes de rapports TLS n’ont pas pu être ouvertes ; les autres ont été lues.
    }
NothingCrossed = aucun RECEIVE de courrier entrant ni SEND de courrier sortant via SMTP : rien n’a franchi la limite de l’organisation
NoteSessions = Des sessions, pas des remises : elles sont additionnées dans le panneau des rapports TLS SMTP.
NoConnectorListed = il ne liste aucun connecteur.
NoteConnectors = Paramètres de connecteur : ils renseignent Type de connecteur et TLS forcé dans le rapport.
NoRowUsable =
    { $v0 ->
        [one] sa seule ligne n’est pas utilisable ; le problème est à la ligne { $v1 } : { $v2 }
       *[other] aucune de ses { $v0 } lignes n’est utilisable ; le premier problème est à la ligne { $v1 } : { $v2 }
    }
NoServerLines = il ne contient aucune ligne du serveur de messagerie. Exportez de nouveau la trace sur une période contenant du courrier.
HeaderNoRows = il a un en-tête mais aucune ligne. Exportez de nouveau la trace sur une période contenant du courrier.
GzipDamaged = les données gzip sont endommagées ({ $v0 }) ; ce qui précède a été lu
GzipDamagedOrCut = les données gzip sont endommagées ou tronquées ({ $v0 }) ; ce qui précède a été lu
EndsMidCharacter = le fichier se termine au milieu d’un caractère : il a donc été tronqué ; sa dernière ligne, incomplète, n’a pas été lue. Copiez ou exportez de nouveau le fichier.
TooBigWhole = le fichier fait { $v0 } Go ; Mailflow lit les { $v1 } en entier, jusqu’à 1 Go. Divisez-le (par exemple par date) et déposez les parties.
ZipArchives = archives zip
FilesOfThisFormat = fichiers de ce format
UnpacksOver1Gb = une fois décompressé, il dépasse 1 Go ; seul le premier Go a été lu
ZipCannotOpen = l’archive zip ne peut pas être ouverte ({ $v0 }) ; elle est peut-être endommagée ou tronquée
EntryUnreadable = cette entrée est illisible ({ $v0 })
EntryDamaged = cette entrée est endommagée ({ $v0 }) ; ce qui précède a été lu
ZipEmpty = l’archive zip ne contient aucun fichier
WorkerAnswerUnreadable = la réponse du processus de chargement est illisible ({ $v0 })
HandOverFailed = le fichier n’a pas pu être transmis au processus de chargement.
WorkerCouldNotStart = il n’a pas pu démarrer
WorkerStopped = le processus de chargement s’est arrêté pendant la lecture ({ $v0 }). Le navigateur a peut-être manqué de mémoire : divisez le fichier et déposez les parties.
BrowserCouldNotRead = le navigateur n’a pas pu lire le fichier. Vérifiez qu’il existe toujours et réessayez.
BrowserCannotFetch = le navigateur ne peut pas récupérer de fichiers ici.
ServerSentNothing = { $v0 } : le serveur n’a envoyé aucun contenu.
DownloadBrokeOff = le téléchargement de { $v0 } a été interrompu. Réessayez.
NotWebAddress = « { $v0 } » n’est pas une adresse web.
NotHttp = { $v0 } n’est pas une adresse http ou https.
NoAnswer = { $v0 } n’a pas répondu dans les { $v1 } secondes. Réessayez, ou téléchargez le fichier et déposez-le ici.
NoCors = le serveur { $v0 } n’autorise pas les lectures depuis une autre origine (ou est injoignable) : hébergez le fichier à côté de Mailflow, activez CORS sur ce serveur (Access-Control-Allow-Origin), ou téléchargez-le et déposez-le ici.
FetchFailed = { $v0 } n’a pas pu être récupéré ({ $v1 }). Vérifiez l’adresse et votre connexion.
NotFound = { $v0 } est introuvable (HTTP 404). Vérifiez l’adresse.
HttpStatus = le serveur a répondu HTTP { $v0 } { $v1 } pour { $v2 }.
