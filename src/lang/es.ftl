## The page
Tagline = Informe de TLS y conectores del flujo de correo, calculado en su navegador
PageTitle = Mailflow — informe de TLS y conectores del flujo de correo
Language = Idioma
DropOverlay = Suelte los archivos para agregarlos al informe

## Loading
LoadTraces = Cargar seguimientos
DropHere = Suelte exportaciones de seguimiento de mensajes o registros del servidor de correo en cualquier parte de esta página
NothingUploaded = — todo se calcula en su navegador; no se carga nada.
ChooseFiles = Elegir archivos…
TrySample = Probar el ejemplo
Clear = Borrar
LoadFromUrl = Cargar desde URL
UrlPlaceholder = Cargar desde URL: https://…/trace.csv
Load = Cargar
FilesBeingRead = Archivos en lectura
Waiting = en espera
ProgressOf = { $v0 } · { $v1 } de { $v2 }
SecondsLeft = quedan { $v0 } s
MinutesLeft = quedan { $v0 } min
SizeMb = { $v0 } MB
SizeGb = { $v0 } GB
Rate = { $v0 } MB/s
Reading = Leyendo { $v0 }
CancelReading = Cancelar la lectura de { $v0 }
Cancel = Cancelar
StoppedReading = Se detuvo la lectura de { $v0 }. Los archivos cargados antes se conservan.
AddingToReport = Añadiendo al informe…

## Counted things
Deliveries =
    { $v0 ->
        [one] entrega
       *[other] entregas
    }
Messages =
    { $v0 ->
        [one] mensaje
       *[other] mensajes
    }
RowsRead =
    { $v0 ->
        [one] fila leída
       *[other] filas leídas
    }
RowsSkipped =
    { $v0 ->
        [one] fila omitida
       *[other] filas omitidas
    }

## The load summary
LoadedFiles = Archivos cargados
RemoveFile = Quitar { $v0 }
RemoveThisFile = Quitar este archivo
DataUnchanged = Los datos cargados antes no cambian.
DuplicatesDropped = duplicados descartados
JoinedWithOthers = combinado con otros archivos
DirectionFromDomains = (dirección según sus dominios)
LogCounts = { $v0 } con errores o aplazadas (no entregadas) · { $v1 } locales (no son flujo de correo entrante ni saliente)
LogOtherLines =
    { $v0 ->
        [one] { $v0 } línea no era una entrega (conexión, rechazo, advertencia, línea de TLS u otro programa)
       *[other] { $v0 } líneas no eran entregas (conexiones, rechazos, advertencias, líneas de TLS, otros programas)
    }
Submissions =
    { $v0 ->
        [one] { $v0 } envío autenticado de cliente (SMTP AUTH), contado aparte del flujo de correo entrante: { $v1 }
       *[other] { $v0 } envíos autenticados de clientes (SMTP AUTH), contados aparte del flujo de correo entrante: { $v1 }
    }
TlsUnlogged = { $v0 } entregas entrantes y { $v1 } salientes cuentan como TLS Desconocido, no como Sin TLS: este registro no tiene ninguna línea de TLS de su servidor, así que lo más probable es que el servidor no registre TLS. Para registrarlo, establezca smtpd_tls_loglevel = 1 y smtp_tls_loglevel = 1 (Postfix) o log_selector = +tls_cipher (Exim).
TlsLoggedButton = Este servidor registra TLS: contarlas como Sin TLS
TlsLoggedSaid = Las entregas sin línea de TLS cuentan como Sin TLS, ya que indicó que este servidor registra TLS.
TlsLoggedUndo = Volver a contarlas como Desconocido
BeforeLog =
    { $v0 ->
        [one] { $v0 } entrega pertenece a una sesión SMTP iniciada antes del comienzo del registro: su TLS es Desconocido.
       *[other] { $v0 } entregas pertenecen a sesiones SMTP iniciadas antes del comienzo del registro: su TLS es Desconocido.
    }
WorkerDefect = Mailflow encontró un defecto al leer este archivo: es un error de Mailflow, no un problema del archivo ni del navegador. Notifíquelo con los detalles siguientes.
DefectDetails = Detalles para el informe de errores
NoYearInLines = Las líneas no indican el año: se leen a partir de { $v0 }.
LocalTimesAs = Horas locales leídas como { $v0 }.
FirstYear = Primer año
Zone = Zona
DayFirst = con el día primero (31/12/2026)
MonthFirst = con el mes primero (12/31/2026)
DatesReadCertain = Fechas leídas { $v0 }.
DatesReadEither = Fechas leídas { $v0 }: el archivo admite ambas lecturas.
ReadThemOtherWay = Leerlas { $v0 }
WhySkipped =
    { $v0 ->
        [one] Por qué se omitió 1 fila
       *[other] Por qué se omitieron { $v0 } filas (primeras { $v1 })
    }
SkipAtLine = línea { $v0 }: { $v1 }
MapColumns = Asignar sus columnas
MapColumnsHint = — indique a Mailflow qué contiene cada columna; la elección se recuerda para archivos con el mismo encabezado.
DateOrTime = Fecha u hora
TlsVersion = Versión de TLS
Count = Recuento
RemoteHost = Host remoto
Choose = elegir…
NoColumn = ninguna
LoadWithColumns = Cargar con estas columnas
YourDomains = Sus dominios
DomainsYours = (suyos, recordados en este navegador)
DomainsSuggested = (sugeridos a partir de los datos)
UseTheseDomains = Usar estos dominios
UseSuggestion = Usar la sugerencia
DomainsNote = Algunos archivos no indican la dirección del correo: de uno de sus dominios a otro es dentro de la organización; hacia fuera, saliente; desde fuera, entrante.
Unplaced = { $v0 } sin clasificar: ningún extremo es uno de sus dominios.
IntraOrgNote =
    { $v0 ->
        [one] { $v0 } entrega dentro de la organización se cuenta aquí, pero queda fuera de las vistas de TLS, como en los informes de Microsoft.
       *[other] { $v0 } entregas dentro de la organización se cuentan aquí, pero quedan fuera de las vistas de TLS, como en los informes de Microsoft.
    }

## The widget
WidgetTitle = Flujo de correo saliente y entrante
WidgetEmptyBefore = Aún no se ha cargado ningún flujo de correo. Suelte una exportación de seguimiento de mensajes o un registro del servidor de correo en esta página, o elija
WidgetEmptyAfter = para ver un informe completo.
WidgetDates = { $v0 } – { $v1 } (últimos 7 días de los datos cargados, UTC)
ViewDetails = Ver detalles
InboundModern = El { $v0 } del correo entrante estaba protegido por TLS 1.2 o posterior.
OutboundModern = El { $v0 } del correo saliente estaba protegido por TLS 1.2 o posterior.
InboundTlsUnknown = Los datos cargados no indican qué versión de TLS usó el correo entrante.
OutboundTlsUnknown = Los datos cargados no indican qué versión de TLS usó el correo saliente.
NoInbound = No hay correo entrante en estos días.
NoOutbound = No hay correo saliente en estos días.
NoKnownTls = Ninguna entrega de estos días tiene una versión de TLS conocida.
DownloadSvg = Descargar SVG
DownloadPng = Descargar PNG

## The flyout
FlyoutTitle = Mensaje protegido en tránsito (por TLS)
Close = Cerrar
FlyoutDates = { $v0 } – { $v1 } (UTC). Los porcentajes son de mensajes con versión de TLS conocida.
Tls = TLS
NotInShares = fuera de los porcentajes
Total = Total
ConnectorReport = Informe de conector
FlyoutReportLink = — flujo de correo y TLS por conector en estas fechas.

## Directions and TLS values
Inbound = Entrante
Outbound = Saliente
IntraOrg = Intraorganización
NoTls = Sin TLS
Unknown = Desconocido

## The connector report
AllMailFlow = Todo el flujo de correo
AllInbound = Todo el correo entrante
AllOutbound = Todo el correo saliente
FromInternetNoConnector = Desde Internet sin conector
ToInternetNoConnector = Hacia Internet sin conector
MailNoConnector = Correo sin conector
MailFromInternetNoConnector = Correo desde Internet sin conector
MailToInternetNoConnector = Correo hacia Internet sin conector
InboundConnectorNamed = Conector de entrada «{ $v0 }»
OutboundConnectorNamed = Conector de salida «{ $v0 }»
ConnectorNamed = Conector «{ $v0 }»
InboundConnectors = Conectores de entrada
OutboundConnectors = Conectores de salida
StartAfterEnd = La fecha de inicio ({ $v0 }) es posterior a la fecha de finalización ({ $v1 }). Elija una fecha de finalización igual o posterior a la de inicio.
OutsideSpan = No hay correo en estas fechas: los datos cargados abarcan de { $v0 } a { $v1 }. Elija «Todos los datos» o fechas dentro de ese intervalo.
ShowDataFor = Mostrar datos de
ViewDataBy = Ver datos por
MailFlow = Flujo de correo
TlsUsage = Uso de TLS
TransitSecurity = Seguridad en tránsito
LevelVerified = Verificado
LevelEncrypted = Cifrado, sin verificar
LevelUnknown = No indicado
Dates = Fechas
Last7 = Últimos 7 días
Last30 = Últimos 30 días
Last90 = Últimos 90 días
AllData = Todos los datos
Custom = Personalizado
StartDate = Fecha de inicio
EndDate = Fecha de finalización
ReportDates = { $v0 } – { $v1 } (UTC) · mensajes: { $v2 }
DirectionTotal = { $v0 } { $v1 }
NoMailForChoice = No hay correo para esta selección en estas fechas. Pruebe «Todo el flujo de correo» u otras fechas.

## Insights
Insights = Información
Insight = Información
InsightsNote = Se comprueba por conector y para el correo sin conector: «{ $v0 }» y «{ $v1 }», como porcentaje de los mensajes con versión de TLS conocida, en grupos con al menos { $v2 } de esos mensajes.
PartnersCapped = El detalle de asociados se conserva para un máximo de { $v0 } celdas (cada una, un día, dirección, conector y asociado) para acotar la memoria: { $v1 } entregas más allá de ese límite figuran en todos los totales, porcentajes e información, pero no en las listas de asociados, que pueden estar incompletas.
NothingToFlag = No hay nada que señalar para esta selección y estas fechas.
NoTlsOver = Sin TLS supera el { $v0 }
Tls10Over = TLS 1.0 supera el { $v0 }
NoTlsRising = Sin TLS superó el { $v0 }
Tls10Rising = TLS 1.0 superó el { $v0 }
NewWithoutTls = Nuevo sin TLS
RisingHalves = { $v0 } en la primera mitad de estos días, { $v1 } en la segunda.
NewConnector = El propio conector es nuevo en estos días.
RisingAdvice = Algo cambió en estos días: busque un socio nuevo, un conector o una configuración de TLS modificados, o un certificado caducado en cualquiera de los lados.
NewAdvice = Aparecen por primera vez en estos días e intercambian correo sin TLS: pídales que usen TLS antes de que crezca el volumen, o exija TLS en el conector.
InsightShare = { $v0 } de { $v1 } mensajes con TLS conocido ({ $v2 }).
BehindIt = Implicados ({ $v0 } de { $v1 }):
NoTlsInboundAdvice = El correo llega sin cifrar: cualquiera en la ruta puede leerlo. Pida a los servidores remitentes siguientes que habiliten STARTTLS; para un conector de asociado, considere exigir TLS.
NoTlsOutboundAdvice = El correo sale sin cifrar: los servidores receptores siguientes no ofrecen TLS. Póngase en contacto con esos asociados o fuerce TLS en el conector cuando lo admitan.
Tls10InboundAdvice = La mayor parte del correo llega con TLS 1.0, que está en desuso y es débil. Pida a los servidores remitentes siguientes que habiliten TLS 1.2 o posterior; Microsoft 365 está retirando TLS 1.0 y 1.1.
Tls10OutboundAdvice = La mayor parte del correo sale con TLS 1.0, que está en desuso y es débil. Los servidores receptores siguientes necesitan TLS 1.2 o posterior; póngase en contacto con esos asociados o con su equipo local.

## The details table
Details = Detalles
ExportDetails = Exportar detalles
NoRows = No hay filas para esta selección en estas fechas.
Date = Fecha
Direction = Dirección
Connector = Conector
ConnectorType = Tipo de conector
ForcedTls = TLS forzado
Volume = Volumen
TlsShareColumn = { $v0 } %
FromInternetNoConnectorShort = Desde Internet (sin conector)
ToInternetNoConnectorShort = Hacia Internet (sin conector)
Yes = Sí
No = No

## SMTP TLS reports
TlsReportsTitle = Informes TLS de SMTP (RFC 8460)
TlsReportsNote = Lo que otros proveedores informan sobre el correo que le enviaron: sesiones que negociaron TLS como exige su directiva MTA-STS o DANE, y las que fallaron. Son sesiones, no mensajes, y sin versión de TLS, por lo que se muestran aparte del informe anterior.
Day = Día
Successful = Correctas
Failed = Fallidas
SuccessRate = Tasa de éxito
ReportingOrganisation = Organización informante
FailureType = Tipo de error
FailedSessions = Sesiones fallidas

## Charts
ModernShareLabel = { $v0 }: el { $v1 } del correo con TLS conocido usó TLS 1.2 o posterior
WithTlsUnknown = { $v0 }, { $v1 } con TLS desconocido
ShareHover = { $v0 } — { $v1 }: { $v2 } ({ $v3 } del TLS conocido)
FlowHover = { $v0 } — { $v1 }: { $v2 }
MessagesPerDay = { $v0 }: mensajes por día, de { $v1 } a { $v2 }
TlsUsagePerDay = { $v0 }: uso de TLS por día, de { $v1 } a { $v2 }
SecurityPerDay = { $v0 }: seguridad en tránsito por día, del { $v1 } al { $v2 }
LabelValue = { $v0 }: { $v1 }
MailFlowMap = Mapa del flujo de correo
MapInboundOf = Mapa del flujo entrante: { $v0 }
MapOutboundOf = Mapa del flujo saliente: { $v0 }
MapBand = { $v0 } → { $v1 }: { $v2 }
MapNote = Los socios a la izquierda, sus conectores (y el correo sin conector) en el centro, el TLS usado a la derecha; cada banda es tan ancha como sus mensajes. Se nombran los socios más grandes y el resto se agrupa.
OtherPartners = { $v0 } socios más
UnnamedPartner = No nombrado por el origen
NoConnector = Sin conector
From = De
To = A
SecurityNote = Porcentajes de todos los mensajes. Verificado: se comprobaron el certificado y el nombre del servidor remoto (o DANE). Cifrado, sin verificar: TLS sin esa comprobación. No indicado: el origen no lo dice; Exchange Online y Exchange Server nunca, Postfix y Exim cuando su registro de TLS está activo.
DomainsWithoutTls = Dominios remotos sin TLS
DomainsWithoutVerification = Dominios remotos sin verificación
RemoteDomain = Dominio remoto
ShareOfItsMail = Porcentaje de su correo
NoneInWindow = Ninguno en estos días.
FirstOf = Los { $v0 } primeros de { $v1 }, por volumen.
ShowMore = Mostrar más
TrendVolumeUp = ↑ { $v0 } más mensajes que los { $v1 } días anteriores
TrendVolumeDown = ↓ { $v0 } menos mensajes que los { $v1 } días anteriores
TrendVolumeSame = = tantos mensajes como los { $v0 } días anteriores
TrendNoMailBefore = sin correo en los { $v0 } días anteriores
TrendModernUp = TLS 1.2+ ↑ { $v0 } puntos ({ $v1 } → { $v2 })
TrendModernDown = TLS 1.2+ ↓ { $v0 } puntos ({ $v1 } → { $v2 })
TrendModernSame = TLS 1.2+ sin cambios ({ $v0 })
RowNoPartners = El origen no nombra ningún socio para esta fila.
RowUnnamed = { $v0 } de sus mensajes no tienen un socio nombrado por el origen.
Partners = Socios
PartnersNote = Cada dominio remoto (o host, o dirección IP, cuando el origen no nombra un dominio) detrás de la elección y las fechas del informe, con el cambio respecto a los { $v0 } días anteriores.
SearchPartners = Buscar socios
ExportPartners = Exportar socios
PartnersToCall = Socios a los que llamar
PartnersToCallNote = Ordenados según lo que cambiaría su corrección (su correo sin TLS, con TLS 1.0 y 1.1 pasando a TLS 1.2 o posterior) en los porcentajes que comprueban las conclusiones.
CallWeak = { $v0 } sin TLS, { $v1 } con TLS 1.0, { $v2 } con TLS 1.1
CallFix = corregirlo lleva TLS 1.2+ de { $v0 } a { $v1 }
CallClears = elimina «{ $v0 }»
CallLine = { $v0 }: { $v1 }; { $v2 }
CallLineClears = { $v0 }: { $v1 }; { $v2 }; { $v3 }
ModernTls = TLS 1.2+
OldTls = TLS 1.0/1.1
FirstSeen = Visto por primera vez
LastSeen = Visto por última vez
Change = Cambio
ChangeUp = ↑ { $v0 } más
ChangeDown = ↓ { $v0 } menos
ChangeNone = = sin cambios
NewPartner = nuevo
ConnectorsUsed = Conectores usados
ServersSeen = Sus servidores
HostAndIp = { $v0 } ({ $v1 })
NoPartners = Los archivos cargados no nombran socios para esta elección.
NoPartnerMatches = Ningún socio coincide con «{ $v0 }».
NoneToCall = Ningún socio envió ni recibió correo sin TLS o con TLS 1.0 o 1.1 en estos días.
KnownTlsOnDay = { $v0 }: { $v1 } con TLS conocido
UnknownNotInShares = Desconocido (fuera de los porcentajes): { $v0 }
ChartNumbers = Los datos del gráfico en una tabla

## Formats (the English names are also what a host page's `loaded` event names)
FormatMailflowCsv = CSV de Mailflow
FormatMailflowExport = Exportación de informe de Mailflow (CSV)
FormatMailflowJsonl = JSON Lines de Mailflow
FormatExoTrace = Seguimiento de mensajes de Exchange Online
FormatExoEnhanced = Informe de resumen mejorado de Exchange Online
FormatExoExtended = Informe extendido de Exchange Online
FormatExoDetail = Detalle del seguimiento de mensajes de Exchange Online
FormatExoConnectors = Configuración de conectores de Exchange Online
FormatMapped = CSV leído con su asignación de columnas
FormatPostfix = Registro de Postfix
FormatTlsReport = Informe TLS de SMTP (RFC 8460)
FormatExchangeTracking = Registro de seguimiento de mensajes de Exchange Server
FormatExchangeReceive = Registro de protocolo de recepción SMTP de Exchange Server
FormatExchangeSend = Registro de protocolo de envío SMTP de Exchange Server
FormatExim = Registro principal de Exim

## What Mailflow says about a file: why it cannot be used, why rows were skipped, warnings
FileEmpty = el archivo está vacío. Vuelva a exportar el seguimiento y suelte el nuevo archivo.
BinaryFile = es { $v0 }, no un seguimiento del flujo de correo. { $v1 }
NotTextFile = no es un archivo de texto (contiene datos binarios). Mailflow lee seguimientos CSV y JSON Lines y registros de servidores de correo.
KindZip = un archivo ZIP
KindEmptyZip = un archivo ZIP vacío
KindGzip = un archivo comprimido con gzip
KindPng = una imagen PNG
KindJpeg = una imagen JPEG
KindGif = una imagen GIF
KindPdf = un documento PDF
KindOffice = un documento antiguo de Office (.xls/.doc)
Kind7z = un archivo 7-Zip
KindRar = un archivo RAR
KindBzip2 = un archivo comprimido con bzip2
KindXz = un archivo comprimido con xz
KindWasm = un módulo WebAssembly
AdviceUnzip = Descomprímalo y suelte los archivos CSV o de registro que contiene.
AdviceDropFiles = Suelte directamente los archivos de seguimiento.
AdviceGunzip = Descomprímalo (gunzip) y suelte el archivo que contiene.
AdviceDropTrace = Suelte en su lugar un seguimiento de mensajes exportado (CSV) o un registro del servidor de correo.
AdviceExportCsv = Exporte el seguimiento como CSV y suelte ese archivo en su lugar.
AdviceSaveCsv = Guárdelo como CSV y suelte ese archivo.
AdviceUnpack = Descomprímalo y suelte los archivos que contiene.
AdviceDecompress = Descomprímalo y suelte el archivo que contiene.
NoLinesOfText = el archivo no tiene líneas de texto.
NotRecognised = no es un seguimiento que Mailflow reconozca: { $v0 }
HeaderExpected = la línea { $v0 } debería ser un encabezado con los nombres de las columnas, pero tiene { $v1 }: no hay columna para { $v2 }. Mailflow espera un CSV con las columnas date, direction, connector, tls y count (o su exportación de informe); consulte «Supported inputs» en el README.
Nothing = nada
Verbatim = { $v0 }
AndMore = { $v0 } y { $v1 } más
DateEmpty = la fecha está vacía
DateUnreadable = la fecha «{ $v0 }» no es una fecha que Mailflow lea
DateUnreadableIso = la fecha «{ $v0 }» no es una fecha que Mailflow lea (YYYY-MM-DD o YYYY-MM-DDTHH:MM:SSZ)
NoMessageId = la fila no tiene identificador de mensaje
ExpandedStatus = el estado Expanded es la expansión de un grupo de distribución, no una entrega
RowNoRecipient = la fila no tiene destinatario
StatusNoRecipient = recipient_status no indica ningún destinatario
RowNamesNoRecipient = la fila no indica ningún destinatario
DirectionUnreadable = la dirección «{ $v0 }» no es Inbound, Outbound ni Intra-org
TlsUnreadable = TLS «{ $v0 }» no es un valor de TLS que Mailflow lea (lee No TLS, none, no, plain, false; TLS 1.0 a 1.3 escrito como TLS 1.2, TLSv1.2, TLS12, tls1_2, 1.2, 0x0303 o 771; SSLv3; Unknown)
AuthUnreadable = la verificación «{ $v0 }» no es un valor que Mailflow lea (lee Verified, yes, DANE, MTA-STS; Not verified, no, Anonymous, Untrusted, Trusted; vacío o Unknown)
CountUnreadable = el recuento «{ $v0 }» no es un número entero
VolumeUnreadable = el volumen «{ $v0 }» no es un número entero
PercentNoVolume = las columnas de TLS son porcentajes, pero la fila no tiene volumen
NotPercentage = «{ $v0 }» no es un porcentaje
PercentRange = un porcentaje de TLS no está entre 0 y 100
TlsCountUnreadable = el recuento de { $v0 }, «{ $v1 }», no es un número entero
TlsCountsOverVolume = los recuentos de TLS suman { $v0 }, más que el volumen de { $v1 }
CheckedOverEncrypted = Verified y Not verified suman { $v0 }, más que las { $v1 } entregas con TLS
JsonBraceExpected = se esperaba '{"{"}'
JsonKeyExpected = se esperaba una clave entre comillas
JsonColonExpected = se esperaba ':'
JsonCommaExpected = se esperaba ',' o '{"}"}'
JsonStringOpen = la cadena no termina
JsonUnicodeEscape = un escape \u necesita cuatro dígitos hexadecimales
JsonUnknownEscape = secuencia de escape desconocida
JsonNestedOpen = el valor anidado no termina
JsonValueExpected = se esperaba un valor
JsonTrailing = texto inesperado después del objeto
AtColumn = { $v0 } en la columna { $v1 }
NotJsonObject = la línea no es un objeto JSON ({ $v0 })
CsvUnreadable = la fila no se pudo leer como CSV ({ $v0 })
FieldCount = la fila tiene { $v0 } campos, pero el encabezado tiene { $v1 } (¿está truncado el archivo?)
FieldsLineCount = la fila tiene { $v0 } campos; la línea #Fields indica { $v1 }
ProtocolFieldsMissing = a la línea #Fields le falta date-time, connector-id, session-id, remote-endpoint, event o data
TrackingFieldsMissing = a la línea #Fields le falta date-time, event-id o recipient-address
DateTimeNotDate = date-time no es una fecha
ConnectorNoName = el conector no tiene nombre
DayDoesNotExist = la fecha no existe (p. ej., 30 de febrero)
ReportInvalid = el informe { $v0 } no es un informe TLS de SMTP válido ({ $v1 })
ReportStartNotDate = el start-datetime «{ $v0 }» del informe no es una fecha
DmarcReport = es un informe agregado de DMARC, no un informe TLS de SMTP: Mailflow lee informes TLS (RFC 8460), no DMARC.
DmarcInMail =
    { $v0 ->
        [one] contiene { $v0 } informe agregado de DMARC y ningún informe TLS de SMTP: Mailflow lee informes TLS (RFC 8460), no DMARC.
       *[other] contiene { $v0 } informes agregados de DMARC y ningún informe TLS de SMTP: Mailflow lee informes TLS (RFC 8460), no DMARC.
    }
MailWithoutReport =
    { $v0 ->
        [one] este correo no contiene ningún informe TLS de SMTP (un adjunto application/tlsrpt+gzip o +json).
       *[other] ninguno de sus { $v0 } correos contiene un informe TLS de SMTP (un adjunto application/tlsrpt+gzip o +json).
    }
ReportsUnreadable =
    { $v0 ->
        [one] { $v0 } adjunto de informe TLS no se pudo abrir; los demás se leyeron.
       *[other] { $v0 } adjuntos de informes TLS no se pudieron abrir; los demás se leyeron.
    }
NothingCrossed = no contiene ningún RECEIVE de correo entrante ni SEND de correo originado por SMTP: nada cruzó el límite de la organización
NoteSessions = Sesiones, no entregas: se suman en el panel de informes TLS de SMTP.
NoConnectorListed = no enumera ningún conector.
NoteConnectors = Configuración de conectores: rellena Tipo de conector y TLS forzado en el informe.
NoRowUsable =
    { $v0 ->
        [one] no se pudo usar su única fila; el problema está en la línea { $v1 }: { $v2 }
       *[other] no se pudo usar ninguna de sus { $v0 } filas; el primer problema está en la línea { $v1 }: { $v2 }
    }
NoServerLines = no tiene líneas del servidor de correo. Vuelva a exportar el seguimiento con un intervalo de fechas que tenga correo.
HeaderNoRows = tiene encabezado, pero no filas. Vuelva a exportar el seguimiento con un intervalo de fechas que tenga correo.
GzipDamaged = los datos gzip están dañados ({ $v0 }); se leyó lo anterior
GzipDamagedOrCut = los datos gzip están dañados o truncados ({ $v0 }); se leyó lo anterior
EndsMidCharacter = el archivo termina en medio de un carácter, así que está truncado; su última línea, incompleta, no se leyó. Copie o exporte el archivo de nuevo.
TooBigWhole = el archivo ocupa { $v0 } GB; Mailflow lee los { $v1 } enteros, hasta 1 GB. Divídalo (por ejemplo, por fecha) y suelte las partes.
ZipArchives = archivos ZIP
FilesOfThisFormat = archivos de este formato
UnpacksOver1Gb = descomprimido ocupa más de 1 GB; solo se leyó el primer GB
ZipCannotOpen = no se puede abrir el archivo ZIP ({ $v0 }); puede estar dañado o truncado
EntryUnreadable = no se puede leer esta entrada ({ $v0 })
EntryDamaged = esta entrada está dañada ({ $v0 }); se leyó lo anterior
ZipEmpty = el archivo ZIP no contiene ningún archivo
WorkerAnswerUnreadable = no se pudo leer la respuesta del proceso de carga ({ $v0 })
HandOverFailed = no se pudo pasar el archivo al proceso de carga.
WorkerCouldNotStart = no se pudo iniciar
WorkerStopped = el proceso de carga se detuvo al leerlo ({ $v0 }). Puede que el navegador se haya quedado sin memoria: divida el archivo y suelte las partes.
BrowserCouldNotRead = el navegador no pudo leer el archivo. Compruebe que sigue existiendo e inténtelo de nuevo.
BrowserCannotFetch = el navegador no puede obtener archivos aquí.
ServerSentNothing = { $v0 }: el servidor no envió contenido.
DownloadBrokeOff = la descarga de { $v0 } se interrumpió. Inténtelo de nuevo.
NotWebAddress = «{ $v0 }» no es una dirección web.
NotHttp = { $v0 } no es una dirección http ni https.
NoAnswer = { $v0 } no respondió en { $v1 } segundos. Inténtelo de nuevo o descargue el archivo y suéltelo aquí.
NoCors = el servidor de { $v0 } no permite lecturas entre orígenes (o no se puede acceder a él): aloje el archivo junto a Mailflow, habilite CORS en ese servidor (Access-Control-Allow-Origin) o descárguelo y suéltelo aquí.
FetchFailed = no se pudo obtener { $v0 } ({ $v1 }). Compruebe la dirección y su conexión.
NotFound = no se encontró { $v0 } (HTTP 404). Compruebe la dirección.
HttpStatus = el servidor respondió HTTP { $v0 } { $v1 } para { $v2 }.
