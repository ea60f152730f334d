## The page
Tagline = メール フローの TLS およびコネクタ レポート — ブラウザー内で計算
PageTitle = Mailflow — メール フローの TLS およびコネクタ レポート
Language = 言語
DropOverlay = ファイルをドロップしてレポートに追加

## Loading
LoadTraces = 追跡データの読み込み
DropHere = メッセージ追跡のエクスポートまたはメール サーバーのログを、このページの任意の場所にドロップしてください
NothingUploaded = — すべてブラウザー内で計算され、何もアップロードされません。
ChooseFiles = ファイルを選択…
TrySample = サンプルを試す
Clear = クリア
LoadFromUrl = URL から読み込む
UrlPlaceholder = URL から読み込む: https://…/trace.csv
Load = 読み込む
FilesBeingRead = 読み込み中のファイル
Waiting = 待機中
ProgressOf = { $v0 } · { $v1 } / { $v2 }
SecondsLeft = 残り { $v0 } 秒
MinutesLeft = 残り { $v0 } 分
SizeMb = { $v0 } MB
SizeGb = { $v0 } GB
Rate = { $v0 } MB/s
Reading = { $v0 } を読み込み中
CancelReading = { $v0 } の読み込みをキャンセル
Cancel = キャンセル
StoppedReading = { $v0 } の読み込みを中止しました。それより前に読み込んだファイルはそのまま残ります。
AddingToReport = レポートに追加しています…

## Counted things
Deliveries =
    { $v0 ->
       *[other] 件の配信
    }
Messages =
    { $v0 ->
       *[other] 件のメッセージ
    }
RowsRead =
    { $v0 ->
       *[other] 行を読み込み
    }
RowsSkipped =
    { $v0 ->
       *[other] 行をスキップ
    }

## The load summary
LoadedFiles = 読み込んだファイル
RemoveFile = { $v0 } を削除
RemoveThisFile = このファイルを削除
DataUnchanged = それより前に読み込んだデータは変更されません。
DuplicatesDropped = 件の重複を除外
JoinedWithOthers = 件を他のファイルと結合
DirectionFromDomains = (方向は自社ドメインから判定)
LogCounts = 失敗または延期 { $v0 } 件 (未配信) · ローカル { $v1 } 件 (送受信のメール フローではない)
LogOtherLines = { $v0 } 行は配信ではありませんでした (接続、拒否、警告、TLS 行、その他のプログラム)
Submissions = 認証済みクライアントからの送信 (SMTP AUTH) { $v0 } 件 (受信メール フローとは別に集計): { $v1 }
TlsUnlogged = 受信 { $v0 } 件と送信 { $v1 } 件の配信は、「TLS なし」ではなく TLS「不明」として集計されます。このログにはそのサーバーの TLS 行がまったくないため、サーバーが TLS を記録していない可能性が高いです。記録するには、smtpd_tls_loglevel = 1 と smtp_tls_loglevel = 1 (Postfix)、または log_selector = +tls_cipher (Exim) を設定してください。
TlsLoggedButton = このサーバーは TLS を記録しています。「TLS なし」として集計
TlsLoggedSaid = このサーバーは TLS を記録するとの指定に従い、TLS 行のない配信を「TLS なし」として集計しています。
TlsLoggedUndo = 「不明」として集計し直す
BeforeLog = { $v0 } 件の配信は、ログの開始前に始まった SMTP セッションに属するため、TLS は「不明」です。
WorkerDefect = このファイルの読み込み中に Mailflow で不具合が発生しました。ファイルやブラウザーの問題ではなく、Mailflow のバグです。以下の詳細を添えて報告してください。
DefectDetails = バグ報告用の詳細
NoYearInLines = 行に年が含まれていないため、{ $v0 } 年から始まるものとして読み取りました。
LocalTimesAs = ローカル時刻を { $v0 } として読み取りました。
FirstYear = 最初の年
Zone = タイム ゾーン
DayFirst = 日が先 (31/12/2026)
MonthFirst = 月が先 (12/31/2026)
DatesReadCertain = 日付の読み取り: { $v0 }。
DatesReadEither = 日付の読み取り: { $v0 }。このファイルはどちらの順序でも解釈できます。
ReadThemOtherWay = { $v0 } で読み取る
WhySkipped =
    { $v0 ->
       *[other] { $v0 } 行がスキップされた理由 (最初の { $v1 } 行)
    }
SkipAtLine = { $v0 } 行目: { $v1 }
MapColumns = 列の割り当て
MapColumnsHint = — どの列に何が含まれるかを Mailflow に指定します。選択内容は、同じヘッダーを持つファイルのために記憶されます。
DateOrTime = 日付または時刻
TlsVersion = TLS バージョン
Count = 件数
RemoteHost = リモート ホスト
Choose = 選択…
NoColumn = なし
LoadWithColumns = これらの列で読み込む
YourDomains = 自社ドメイン
DomainsYours = (指定済み、このブラウザーに保存)
DomainsSuggested = (データからの候補)
UseTheseDomains = これらのドメインを使用
UseSuggestion = 候補を使用
DomainsNote = メールの方向が記載されていないファイルもあります。自社ドメイン間のメールは組織内、外部宛ては送信、外部からは受信として扱います。
Unplaced = { $v0 }は分類できませんでした。どちら側も自社ドメインではありません。
IntraOrgNote = 組織内の配信 { $v0 } 件はここで集計されますが、Microsoft のレポートと同様に TLS の表示からは除外されます。

## The widget
WidgetTitle = 送信および受信メール フロー
WidgetEmptyBefore = まだメール フローが読み込まれていません。メッセージ追跡のエクスポートまたはメール サーバーのログをこのページにドロップするか、
WidgetEmptyAfter = を選択すると、完全なレポートが表示されます。
WidgetDates = { $v0 } – { $v1 } (読み込んだデータの直近 7 日間、UTC)
ViewDetails = 詳細を表示
InboundModern = 受信メールの { $v0 } が TLS 1.2 以降で保護されていました。
OutboundModern = 送信メールの { $v0 } が TLS 1.2 以降で保護されていました。
InboundTlsUnknown = 読み込んだデータには、受信メールが使用した TLS バージョンが含まれていません。
OutboundTlsUnknown = 読み込んだデータには、送信メールが使用した TLS バージョンが含まれていません。
NoInbound = この期間に受信メールはありません。
NoOutbound = この期間に送信メールはありません。
NoKnownTls = この期間に TLS バージョンが判明している配信はありません。
DownloadSvg = SVG をダウンロード
DownloadPng = PNG をダウンロード

## The flyout
FlyoutTitle = 転送中に保護されたメッセージ (TLS による)
Close = 閉じる
FlyoutDates = { $v0 } – { $v1 } (UTC)。割合は TLS バージョンが判明しているメッセージに対する値です。
Tls = TLS
NotInShares = 割合に含まない
Total = 合計
ConnectorReport = コネクタ レポート
FlyoutReportLink = — この期間のコネクタごとのメール フローと TLS。

## Directions and TLS values
Inbound = 受信
Outbound = 送信
IntraOrg = 組織内
NoTls = TLS なし
Unknown = 不明

## The connector report
AllMailFlow = すべてのメール フロー
AllInbound = すべての受信メール
AllOutbound = すべての送信メール
FromInternetNoConnector = コネクタなしでインターネットから
ToInternetNoConnector = コネクタなしでインターネットへ
MailNoConnector = コネクタなしのメール
MailFromInternetNoConnector = コネクタなしのインターネットからのメール
MailToInternetNoConnector = コネクタなしのインターネットへのメール
InboundConnectorNamed = 受信コネクタ「{ $v0 }」
OutboundConnectorNamed = 送信コネクタ「{ $v0 }」
ConnectorNamed = コネクタ「{ $v0 }」
InboundConnectors = 受信コネクタ
OutboundConnectors = 送信コネクタ
StartAfterEnd = 開始日 ({ $v0 }) が終了日 ({ $v1 }) より後になっています。開始日以降の終了日を選択してください。
OutsideSpan = この期間にメールはありません。読み込んだデータの期間は { $v0 } ～ { $v1 } です。「すべてのデータ」またはその範囲内の日付を選択してください。
ShowDataFor = 表示するデータ
ViewDataBy = 表示方法
MailFlow = メール フロー
TlsUsage = TLS の使用状況
TransitSecurity = 転送中のセキュリティ
LevelVerified = 検証済み
LevelEncrypted = 暗号化済み、未検証
LevelUnknown = 記載なし
Dates = 日付
Last7 = 過去 7 日間
Last30 = 過去 30 日間
Last90 = 過去 90 日間
AllData = すべてのデータ
Custom = カスタム
StartDate = 開始日
EndDate = 終了日
ReportDates = { $v0 } – { $v1 } (UTC) · メッセージ: { $v2 }
DirectionTotal = { $v1 } { $v0 } 件
NoMailForChoice = この期間、この選択に該当するメールはありません。「すべてのメール フロー」または別の日付をお試しください。

## Insights
Insights = 分析情報
Insight = 分析情報
InsightsNote = コネクタごと、およびコネクタなしのメールについて、「{ $v0 }」と「{ $v1 }」をチェックします。割合は TLS バージョンが判明しているメッセージに対する値で、該当メッセージが { $v2 } 件以上のグループが対象です。
PartnersCapped = メモリ使用量を抑えるため、パートナーの詳細は最大 { $v0 } セル (日、方向、コネクタ、パートナーの組み合わせごと) まで保持されます。それを超える { $v1 } 件の配信はすべての合計、割合、分析情報に含まれますが、パートナーの一覧には含まれないため、一覧が不完全な場合があります。
NothingToFlag = この選択と期間では、指摘事項はありません。
NoTlsOver = TLS なしが { $v0 } を超えています
Tls10Over = TLS 1.0 が { $v0 } を超えています
NoTlsRising = TLS なしが { $v0 } を超えました
Tls10Rising = TLS 1.0 が { $v0 } を超えました
NewWithoutTls = 新規で TLS なし
RisingHalves = この期間の前半は { $v0 }、後半は { $v1 }。
NewConnector = コネクタ自体がこの期間に新しく現れました。
RisingAdvice = この期間に何かが変わりました。新しいパートナー、変更されたコネクタや TLS 設定、どちらかの側の期限切れの証明書を確認してください。
NewAdvice = これらはこの期間に初めて現れ、TLS なしでメールをやり取りしています。量が増える前に TLS を使うよう依頼するか、コネクタで TLS を必須にしてください。
InsightShare = TLS が判明している { $v1 } 件のメッセージのうち { $v0 } 件 ({ $v2 })。
BehindIt = 内訳 ({ $v1 } 件中 { $v0 } 件):
NoTlsInboundAdvice = メールが暗号化されずに届いており、経路上の誰でも読み取ることができます。以下の送信サーバーに STARTTLS を有効にするよう依頼してください。パートナー コネクタの場合は、TLS の必須化を検討してください。
NoTlsOutboundAdvice = メールが暗号化されずに送信されています。以下の受信サーバーは TLS を提供していません。これらのパートナーに連絡するか、対応後にコネクタで TLS を強制してください。
Tls10InboundAdvice = ほとんどのメールが、非推奨で脆弱な TLS 1.0 で届いています。以下の送信サーバーに TLS 1.2 以降を有効にするよう依頼してください。Microsoft 365 では TLS 1.0 と 1.1 が廃止されます。
Tls10OutboundAdvice = ほとんどのメールが、非推奨で脆弱な TLS 1.0 で送信されています。以下の受信サーバーでは TLS 1.2 以降が必要です。これらのパートナーまたはオンプレミスの担当チームに連絡してください。

## The details table
Details = 詳細
ExportDetails = 詳細をエクスポート
NoRows = この期間、この選択に該当する行はありません。
Date = 日付
Direction = 方向
Connector = コネクタ
ConnectorType = コネクタの種類
ForcedTls = 強制 TLS
Volume = ボリューム
TlsShareColumn = { $v0 } %
FromInternetNoConnectorShort = インターネットから (コネクタなし)
ToInternetNoConnectorShort = インターネットへ (コネクタなし)
Yes = はい
No = いいえ

## SMTP TLS reports
TlsReportsTitle = SMTP TLS レポート (RFC 8460)
TlsReportsNote = 他のプロバイダーが、お客様宛てに送信したメールについて報告した内容です。MTA-STS または DANE ポリシーの要求どおりに TLS をネゴシエートしたセッションと、失敗したセッションを示します。メッセージではなくセッションの数で、TLS バージョンも含まないため、上のレポートとは分けて表示しています。
Day = 日
Successful = 成功
Failed = 失敗
SuccessRate = 成功率
ReportingOrganisation = 報告元の組織
FailureType = 失敗の種類
FailedSessions = 失敗したセッション

## Charts
ModernShareLabel = { $v0 }: TLS が判明しているメールの { $v1 } が TLS 1.2 以降を使用
WithTlsUnknown = { $v0 } (うち TLS 不明 { $v1 } 件)
ShareHover = { $v0 } — { $v1 }: { $v2 } (TLS 判明分の { $v3 })
FlowHover = { $v0 } — { $v1 }: { $v2 }
MessagesPerDay = { $v0 }: 1 日あたりのメッセージ数、{ $v1 } ～ { $v2 }
TlsUsagePerDay = { $v0 }: 1 日あたりの TLS の使用状況、{ $v1 } ～ { $v2 }
SecurityPerDay = { $v0 }: 日別の転送中のセキュリティ ({ $v1 } ～ { $v2 })
LabelValue = { $v0 }: { $v1 }
MailFlowMap = メール フロー マップ
MapInboundOf = 受信メール フロー マップ: { $v0 }
MapOutboundOf = 送信メール フロー マップ: { $v0 }
MapBand = { $v0 } → { $v1 }: { $v2 }
MapNote = 左にパートナー、中央にコネクタ (とコネクタなしのメール)、右に使われた TLS。各帯の幅はメッセージ数に比例します。大きなパートナーは名前を表示し、残りはまとめています。
OtherPartners = その他のパートナー { $v0 } 件
UnnamedPartner = ソースで未指定
NoConnector = コネクタなし
From = 送信元
To = 送信先
SecurityNote = すべてのメッセージに対する割合です。検証済み: 相手サーバーの証明書と名前 (または DANE) が確認されました。暗号化済み、未検証: その確認のない TLS。記載なし: ソースに記載がありません。Exchange Online と Exchange Server は記録せず、Postfix と Exim は TLS ログが有効なときに記録します。
DomainsWithoutTls = TLS を使わないリモート ドメイン
DomainsWithoutVerification = 検証のないリモート ドメイン
RemoteDomain = リモート ドメイン
ShareOfItsMail = その相手のメールに占める割合
NoneInWindow = この期間にはありません。
FirstOf = { $v1 } 件中、量の多い上位 { $v0 } 件。
ShowMore = さらに表示
TrendVolumeUp = ↑ 前の { $v1 } 日間よりメッセージが { $v0 } 増
TrendVolumeDown = ↓ 前の { $v1 } 日間よりメッセージが { $v0 } 減
TrendVolumeSame = = 前の { $v0 } 日間と同じメッセージ数
TrendNoMailBefore = 前の { $v0 } 日間にメールはありません
TrendModernUp = TLS 1.2+ ↑ { $v0 } ポイント ({ $v1 } → { $v2 })
TrendModernDown = TLS 1.2+ ↓ { $v0 } ポイント ({ $v1 } → { $v2 })
TrendModernSame = TLS 1.2+ 変化なし ({ $v0 })
RowNoPartners = ソースはこの行のパートナーを示していません。
RowUnnamed = このうち { $v0 } 件のメッセージは、ソースがパートナーを示していません。
Partners = パートナー
PartnersNote = レポートの選択と日付に該当するすべてのリモート ドメイン (ソースがドメインを示さない場合はホストまたは IP アドレス) と、その前の { $v0 } 日間との比較です。
SearchPartners = パートナーを検索
ExportPartners = パートナーをエクスポート
PartnersToCall = 連絡すべきパートナー
PartnersToCallNote = 修正 (TLS なし、TLS 1.0、1.1 のメールが TLS 1.2 以降になる) によって分析情報が確認する割合がどれだけ変わるかの順です。
CallWeak = TLS なし { $v0 }、TLS 1.0 { $v1 }、TLS 1.1 { $v2 }
CallFix = 修正すると TLS 1.2+ が { $v0 } から { $v1 } になります
CallClears = 「{ $v0 }」が解消されます
CallLine = { $v0 }: { $v1 }。{ $v2 }
CallLineClears = { $v0 }: { $v1 }。{ $v2 }。{ $v3 }
ModernTls = TLS 1.2+
OldTls = TLS 1.0/1.1
FirstSeen = 初回
LastSeen = 最終
Change = 変化
ChangeUp = ↑ { $v0 } 増
ChangeDown = ↓ { $v0 } 減
ChangeNone = = 変化なし
NewPartner = 新規
ConnectorsUsed = 使用したコネクタ
ServersSeen = サーバー
HostAndIp = { $v0 } ({ $v1 })
NoPartners = 読み込んだファイルには、この選択に該当するパートナーがありません。
NoPartnerMatches = 「{ $v0 }」に一致するパートナーはありません。
NoneToCall = この期間に TLS なし、または TLS 1.0/1.1 でメールを送受信したパートナーはありません。
KnownTlsOnDay = { $v0 }: TLS が判明している { $v1 }
UnknownNotInShares = 不明 (割合に含まない): { $v0 }
ChartNumbers = グラフの数値を表で表示

## Formats (the English names are also what a host page's `loaded` event names)
FormatMailflowCsv = Mailflow CSV
FormatMailflowExport = Mailflow レポートのエクスポート (CSV)
FormatMailflowJsonl = Mailflow JSON Lines
FormatExoTrace = Exchange Online メッセージ追跡
FormatExoEnhanced = Exchange Online 拡張概要レポート
FormatExoExtended = Exchange Online 拡張レポート
FormatExoDetail = Exchange Online メッセージ追跡の詳細
FormatExoConnectors = Exchange Online コネクタ設定
FormatMapped = 列の割り当てで読み込んだ CSV
FormatPostfix = Postfix ログ
FormatTlsReport = SMTP TLS レポート (RFC 8460)
FormatExchangeTracking = Exchange Server メッセージ追跡ログ
FormatExchangeReceive = Exchange Server SMTP 受信プロトコル ログ
FormatExchangeSend = Exchange Server SMTP 送信プロトコル ログ
FormatExim = Exim メイン ログ

## What Mailflow says about a file: why it cannot be used, why rows were skipped, warnings
FileEmpty = ファイルが空です。追跡データをもう一度エクスポートし、新しいファイルをドロップしてください。
BinaryFile = これは{ $v0 }で、メール フローの追跡データではありません。{ $v1 }
NotTextFile = テキスト ファイルではありません (バイナリ データが含まれています)。Mailflow が読み込めるのは、CSV および JSON Lines の追跡データとメール サーバーのログです。
KindZip = ZIP アーカイブ
KindEmptyZip = 空の ZIP アーカイブ
KindGzip = gzip 圧縮ファイル
KindPng = PNG 画像
KindJpeg = JPEG 画像
KindGif = GIF 画像
KindPdf = PDF ドキュメント
KindOffice = 古い Office ドキュメント (.xls/.doc)
Kind7z = 7-Zip アーカイブ
KindRar = RAR アーカイブ
KindBzip2 = bzip2 圧縮ファイル
KindXz = xz 圧縮ファイル
KindWasm = WebAssembly モジュール
AdviceUnzip = 展開して、中の CSV またはログ ファイルをドロップしてください。
AdviceDropFiles = 追跡データのファイル自体をドロップしてください。
AdviceGunzip = 解凍 (gunzip) して、中のファイルをドロップしてください。
AdviceDropTrace = 代わりに、エクスポートしたメッセージ追跡 (CSV) またはメール サーバーのログをドロップしてください。
AdviceExportCsv = 追跡データを CSV としてエクスポートし、代わりにそのファイルをドロップしてください。
AdviceSaveCsv = CSV として保存し、そのファイルをドロップしてください。
AdviceUnpack = 展開して、中のファイルをドロップしてください。
AdviceDecompress = 解凍して、中のファイルをドロップしてください。
NoLinesOfText = ファイルにテキストの行がありません。
NotRecognised = Mailflow が認識できる追跡データではありません: { $v0 }
HeaderExpected = { $v0 } 行目は列名を示すヘッダーである必要がありますが、{ $v2 } の列がありません (含まれる列: { $v1 })。Mailflow は date、direction、connector、tls、count の列を持つ CSV (または Mailflow のレポート エクスポート) を想定しています。README の「Supported inputs」を参照してください。
Nothing = なし
Verbatim = { $v0 }
AndMore = { $v0 } ほか { $v1 } 件
DateEmpty = 日付が空です
DateUnreadable = 日付「{ $v0 }」は Mailflow が読み取れる日付ではありません
DateUnreadableIso = 日付「{ $v0 }」は Mailflow が読み取れる日付ではありません (YYYY-MM-DD または YYYY-MM-DDTHH:MM:SSZ)
NoMessageId = 行にメッセージ ID がありません
ExpandedStatus = ステータス Expanded は配布グループの展開であり、配信ではありません
RowNoRecipient = 行に受信者がありません
StatusNoRecipient = recipient_status に受信者が含まれていません
RowNamesNoRecipient = 行に受信者が指定されていません
DirectionUnreadable = 方向「{ $v0 }」は Inbound、Outbound、Intra-org のいずれでもありません
TlsUnreadable = TLS「{ $v0 }」は Mailflow が読み取れる TLS の値ではありません (読み取れる値: No TLS、none、no、plain、false。TLS 1.0 ～ 1.3 は TLS 1.2、TLSv1.2、TLS12、tls1_2、1.2、0x0303、771 の形式。SSLv3。Unknown)
AuthUnreadable = 検証「{ $v0 }」は Mailflow が読み取れる値ではありません (読み取れる値: Verified、yes、DANE、MTA-STS。Not verified、no、Anonymous、Untrusted、Trusted。空欄または Unknown)
CountUnreadable = 件数「{ $v0 }」は整数ではありません
VolumeUnreadable = ボリューム「{ $v0 }」は整数ではありません
PercentNoVolume = TLS の列はパーセンテージですが、行に Volume がありません
NotPercentage = 「{ $v0 }」はパーセンテージではありません
PercentRange = TLS のパーセンテージが 0 ～ 100 の範囲外です
TlsCountUnreadable = { $v0 } の件数「{ $v1 }」は整数ではありません
TlsCountsOverVolume = TLS の件数の合計が { $v0 } で、Volume の { $v1 } を超えています
CheckedOverEncrypted = Verified と Not verified の合計が { $v0 } で、TLS を使った配信の { $v1 } を超えています
JsonBraceExpected = '{"{"}' が必要です
JsonKeyExpected = 引用符で囲んだキーが必要です
JsonColonExpected = ':' が必要です
JsonCommaExpected = ',' または '{"}"}' が必要です
JsonStringOpen = 文字列が閉じていません
JsonUnicodeEscape = \u エスケープには 16 進数 4 桁が必要です
JsonUnknownEscape = 不明なエスケープです
JsonNestedOpen = 入れ子の値が閉じていません
JsonValueExpected = 値が必要です
JsonTrailing = オブジェクトの後に予期しないテキストがあります
AtColumn = { $v0 } ({ $v1 } 列目)
NotJsonObject = 行が JSON オブジェクトではありません ({ $v0 })
CsvUnreadable = 行を CSV として読み取れませんでした ({ $v0 })
FieldCount = 行のフィールド数は { $v0 } ですが、ヘッダーは { $v1 } です (ファイルが途中で切れていませんか?)
FieldsLineCount = 行のフィールド数は { $v0 } ですが、#Fields 行には { $v1 } 個の名前があります
ProtocolFieldsMissing = #Fields 行に date-time、connector-id、session-id、remote-endpoint、event、data のいずれかがありません
TrackingFieldsMissing = #Fields 行に date-time、event-id、recipient-address のいずれかがありません
DateTimeNotDate = date-time が日付ではありません
ConnectorNoName = コネクタに名前がありません
DayDoesNotExist = 存在しない日付です (例: 2 月 30 日)
ReportInvalid = レポート { $v0 } は有効な SMTP TLS レポートではありません ({ $v1 })
ReportStartNotDate = レポートの start-datetime「{ $v0 }」が日付ではありません
DmarcReport = これは DMARC 集計レポートで、SMTP TLS レポートではありません。Mailflow が読み込むのは TLS レポート (RFC 8460) で、DMARC ではありません。
DmarcInMail =
    { $v0 ->
       *[other] DMARC 集計レポートが { $v0 } 件含まれ、SMTP TLS レポートはありません。Mailflow が読み込むのは TLS レポート (RFC 8460) で、DMARC ではありません。
    }
MailWithoutReport =
    { $v0 ->
       *[other] { $v0 } 件のメールのいずれにも SMTP TLS レポート (application/tlsrpt+gzip または +json の添付ファイル) はありません。
    }
ReportsUnreadable =
    { $v0 ->
       *[other] TLS レポートの添付ファイル { $v0 } 件を開けませんでした。その他は読み込みました。
    }
NothingCrossed = SMTP 経由の受信メールの RECEIVE も、発信メールの SEND も含まれていません。組織の境界を越えたものはありません
NoteSessions = 配信ではなくセッションです。SMTP TLS レポートのパネルで集計されます。
NoConnectorListed = コネクタが記載されていません。
NoteConnectors = コネクタ設定です。レポートのコネクタの種類と強制 TLS に反映されます。
NoRowUsable = { $v0 } 行のいずれも使用できませんでした。最初の問題は { $v1 } 行目: { $v2 }
NoServerLines = メール サーバーの行がありません。メールがある期間を指定して、追跡データをもう一度エクスポートしてください。
HeaderNoRows = ヘッダーはありますが、行がありません。メールがある期間を指定して、追跡データをもう一度エクスポートしてください。
GzipDamaged = gzip データが破損しています ({ $v0 })。それより前の部分は読み込まれました
GzipDamagedOrCut = gzip データが破損しているか、途中で切れています ({ $v0 })。それより前の部分は読み込まれました
EndsMidCharacter = ファイルが文字の途中で終わっているため、途中で切れています。不完全な最後の行は読み込まれませんでした。ファイルをもう一度コピーするか、エクスポートし直してください。
TooBigWhole = ファイルのサイズは { $v0 } GB です。Mailflow は{ $v1 }を丸ごと読み込むため、上限は 1 GB です。分割して (日付ごとなど)、各部分をドロップしてください。
ZipArchives = ZIP アーカイブ
FilesOfThisFormat = この形式のファイル
UnpacksOver1Gb = 展開後のサイズが 1 GB を超えるため、最初の 1 GB のみ読み込まれました
ZipCannotOpen = ZIP アーカイブを開けません ({ $v0 })。破損しているか、途中で切れている可能性があります
EntryUnreadable = このエントリを読み取れません ({ $v0 })
EntryDamaged = このエントリは破損しています ({ $v0 })。それより前の部分は読み込まれました
ZipEmpty = ZIP アーカイブにファイルがありません
WorkerAnswerUnreadable = 読み込みワーカーの応答を読み取れませんでした ({ $v0 })
HandOverFailed = ファイルを読み込みワーカーに渡せませんでした。
WorkerCouldNotStart = 起動できませんでした
WorkerStopped = 読み込み中に読み込みワーカーが停止しました ({ $v0 })。ブラウザーのメモリが不足した可能性があります。ファイルを分割して、各部分をドロップしてください。
BrowserCouldNotRead = ブラウザーがファイルを読み取れませんでした。ファイルがまだ存在することを確認して、もう一度お試しください。
BrowserCannotFetch = このブラウザーではここからファイルを取得できません。
ServerSentNothing = { $v0 }: サーバーからコンテンツが返されませんでした。
DownloadBrokeOff = { $v0 } のダウンロードが中断されました。もう一度お試しください。
NotWebAddress = 「{ $v0 }」は Web アドレスではありません。
NotHttp = { $v0 } は http または https のアドレスではありません。
NoAnswer = { $v0 } から { $v1 } 秒以内に応答がありませんでした。もう一度試すか、ファイルをダウンロードしてここにドロップしてください。
NoCors = { $v0 } のサーバーはクロスオリジンの読み取りを許可していません (または接続できません)。ファイルを Mailflow と同じ場所に置くか、そのサーバーで CORS (Access-Control-Allow-Origin) を有効にするか、ダウンロードしてここにドロップしてください。
FetchFailed = { $v0 } を取得できませんでした ({ $v1 })。アドレスと接続を確認してください。
NotFound = { $v0 } が見つかりませんでした (HTTP 404)。アドレスを確認してください。
HttpStatus = サーバーは { $v2 } に対して HTTP { $v0 } { $v1 } を返しました。
