//! One test per defect found by trying Mailflow on real files (issue "Trust on real files"): each
//! failed before the fix, with the input shape that showed it rebuilt here from its description.

use chrono::NaiveDate;
use mailflow::aggregate::Filter;
use mailflow::lang::Msg;
use mailflow::load::{load_all, load_with, LoadOptions, Loaded};
use mailflow::messages::SourceKind;
use mailflow::stream::load_in_pieces;
use mailflow::tls::Tls;
use mailflow::workspace::{aggregate_of, Workspace};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn options() -> LoadOptions {
    LoadOptions { today: Some(day(2026, 11, 27)), ..Default::default() }
}

/// Loads whole and in pieces of every size given; both must give the same summary.
fn load_both(name: &str, bytes: &[u8], pieces: &[usize]) -> Loaded {
    let whole = load_all(name, bytes.to_vec(), &options()).remove(0).0;
    for &piece in pieces {
        let streamed = load_in_pieces(name, bytes, piece, piece.max(7), &options()).remove(0).0;
        assert_eq!(format!("{:?}", streamed.report), format!("{:?}", whole.report), "{name} in pieces of {piece}");
    }
    whole
}

#[test]
fn mailflow_csv_with_a_character_across_byte_4096_loads_exactly() {
    // Panicked: "src/formats/tlsrpt.rs:82: end byte index 4096 is not a char boundary", then the
    // page said the browser may have run out of memory.
    let mut straddled = 0;
    for shift in 0..8 {
        let mut csv = String::from("date,direction,connector,tls,count\n");
        let mut rows = 0u64;
        while csv.len() < 18 * 1024 {
            let pad = if rows == 0 { "x".repeat(shift) } else { String::new() };
            csv.push_str(&format!("2026-03-04,Outbound,Grün–Relay Ü0{pad},TLS 1.2,2\n"));
            rows += 1;
        }
        straddled += usize::from(!csv.is_char_boundary(4096));
        let loaded = load_both("trace.csv", csv.as_bytes(), &[4096, 1000, 65536]);
        assert_eq!(loaded.report.error, None);
        assert_eq!((loaded.report.stats.rows_read, loaded.report.stats.deliveries), (rows, rows * 2));
    }
    assert!(straddled >= 2, "the shifts put a character across byte 4096");
}

#[test]
fn connector_report_export_with_a_dash_inside_the_name_cell() {
    // Panicked at src/formats/mailflow.rs:208 on `Relay–Ost` (byte 7 inside the en dash).
    let csv = "\"Date\",\"Connector direction and name\",\"Connector type\",\"Forced TLS?\",\"No TLS\",\"TLS 1.0\",\"TLS 1.1\",\"TLS 1.2\",\"TLS 1.3\",\"Volume\"\n\
        \"3/4/2025\",\"Inbound - Grün–Relay Ü0\",\"Partner\",\"True\",\"0%\",\"25%\",\"0%\",\"75%\",\"0%\",\"8\"\n\
        \"3/4/2025\",\"Relay–Ost\",\"Partner\",\"True\",\"0%\",\"0%\",\"0%\",\"100%\",\"0%\",\"5\"\n\
        \"3/4/2025\",\"Outbound - Relay–Ost\",\"OnPremises\",\"False\",\"10%\",\"0%\",\"0%\",\"90%\",\"0%\",\"10\"\n";
    let (r, agg) = aggregate_of(load_with("connector-report.csv", csv.as_bytes(), options()));
    assert_eq!(r.error, None);
    assert_eq!((r.stats.rows_read, r.stats.deliveries, r.stats.skipped), (3, 18, 1), "the row without a direction is skipped and named");
    let t = agg.totals(&Filter::window(day(2025, 3, 4), day(2025, 3, 4)));
    assert_eq!(t.inbound.0, [0, 2, 0, 6, 0, 0]);
    assert_eq!(t.outbound.0, [1, 0, 0, 9, 0, 0]);
}

/// A Postfix server with `smtpd_tls_loglevel = 0` and `smtp_tls_loglevel = 0`: not one TLS line.
fn postfix_without_tls_lines() -> String {
    let mut log = String::new();
    for i in 0..60u32 {
        let m = 10 + i / 60;
        let s = i % 60;
        log.push_str(&format!("2026-03-04T{m:02}:{s:02}:00+00:00 mx1 postfix/smtpd[{}]: connect from mail{i}.example.net[192.0.2.{i}]\n", 100 + i));
        log.push_str(&format!("2026-03-04T{m:02}:{s:02}:01+00:00 mx1 postfix/smtpd[{}]: Q{i:05}A: client=mail{i}.example.net[192.0.2.{i}]\n", 100 + i));
        log.push_str(&format!("2026-03-04T{m:02}:{s:02}:02+00:00 mx1 postfix/qmgr[50]: Q{i:05}A: from=<a@example.net>, size=100, nrcpt=1 (queue active)\n"));
        log.push_str(&format!("2026-03-04T{m:02}:{s:02}:03+00:00 mx1 postfix/smtpd[{}]: disconnect from mail{i}.example.net[192.0.2.{i}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5\n", 100 + i));
        log.push_str(&format!("2026-03-04T{:02}:{s:02}:04+00:00 mx1 postfix/smtp[{}]: Q{i:05}B: to=<b@partner{i}.example>, relay=mx.partner{i}.example[198.51.100.{i}]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)\n", m + 1, 300 + i));
    }
    log
}

#[test]
fn postfix_that_logs_no_tls_is_unknown_not_no_tls() {
    // Every delivery counted as No TLS and "No TLS is over 25%" fired for every connector.
    let log = postfix_without_tls_lines();
    let loaded = load_both("mail.log", log.as_bytes(), &[4096, 333]);
    let s = &loaded.report.stats;
    assert_eq!((s.deliveries, s.tls_unlogged), (120, [60, 60]));
    let (_, agg) = aggregate_of(loaded);
    let t = agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4)));
    assert_eq!((t.inbound.get(Tls::Unknown), t.outbound.get(Tls::Unknown), t.inbound.get(Tls::None)), (60, 60, 0));
    let insights = mailflow::insights::find(&agg, &Filter::window(day(2026, 3, 4), day(2026, 3, 4)), &Default::default());
    assert!(insights.is_empty(), "Unknown TLS fires no insight: {insights:?}");
    assert!(mailflow::lang::Lang::En.t(Msg::TlsUnlogged).contains("smtpd_tls_loglevel = 1") && mailflow::lang::Lang::En.t(Msg::TlsUnlogged).contains("+tls_cipher"));

    // The admin who knows the server logs TLS can say so.
    let said = LoadOptions { tls_logged: true, ..options() };
    let (r, agg) = aggregate_of(load_with("mail.log", log.as_bytes(), said));
    assert_eq!(r.stats.tls_unlogged, [0, 0]);
    assert!(r.log_clock.unwrap().tls_logged);
    let t = agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4)));
    assert_eq!((t.inbound.get(Tls::None), t.outbound.get(Tls::None)), (60, 60));
}

#[test]
fn postfix_sessions_that_began_before_the_log_are_unknown() {
    let log = "\
2026-03-04T10:00:00+00:00 mx1 postfix/smtpd[7]: Q00001: client=early.example.net[192.0.2.7]
2026-03-04T10:00:00+00:00 mx1 postfix/qmgr[5]: Q00001: from=<a@early.example.net>, size=100, nrcpt=1 (queue active)
2026-03-04T10:00:01+00:00 mx1 postfix/smtp[8]: Q00002: to=<x@partner.example>, relay=mx.partner.example[198.51.100.8]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)
2026-03-04T10:20:00+00:00 mx1 postfix/smtpd[9]: connect from late.example.net[192.0.2.9]
2026-03-04T10:20:01+00:00 mx1 postfix/smtpd[9]: Anonymous TLS connection established from late.example.net[192.0.2.9]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
2026-03-04T10:20:02+00:00 mx1 postfix/smtpd[9]: Q00003: client=late.example.net[192.0.2.9]
2026-03-04T10:20:02+00:00 mx1 postfix/qmgr[5]: Q00003: from=<b@late.example.net>, size=100, nrcpt=1 (queue active)
2026-03-04T10:20:02+00:00 mx1 postfix/smtpd[9]: Q00009: client=late.example.net[192.0.2.9]
2026-03-04T10:20:02+00:00 mx1 postfix/cleanup[6]: Q00009: milter-reject: END-OF-MESSAGE from late.example.net[192.0.2.9]: 5.7.1 Spam; from=<c@late.example.net> to=<x@example.com>
2026-03-04T10:20:03+00:00 mx1 postfix/smtp[10]: Verified TLS connection established to mx.other.example[198.51.100.10]:25: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)
2026-03-04T10:20:04+00:00 mx1 postfix/smtp[10]: Q00004: to=<y@other.example>, relay=mx.other.example[198.51.100.10]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)
2026-03-04T10:20:05+00:00 mx1 postfix/smtp[11]: Q00005: to=<z@plain.example>, relay=mx.plain.example[198.51.100.11]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)
";
    let (r, agg) = aggregate_of(load_with("mail.log", log.as_bytes(), options()));
    // Q00009 was rejected after `client=` (never queued): no delivery.
    assert_eq!((r.stats.deliveries, r.stats.before_log, r.stats.tls_unlogged), (5, 2, [0, 0]));
    let t = agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4)));
    assert_eq!(t.inbound.0, [0, 0, 0, 0, 1, 1]);
    assert_eq!(t.outbound.0, [1, 0, 0, 1, 0, 1], "the smtp delivery 1 s into the log may use a connection from before it");
}

#[test]
fn postfix_connection_reuse_and_tlsproxy() {
    // `TLS connection reused` (smtp_tls_connection_reuse, Postfix 3.4+) was not read: No TLS.
    let log = "\
2026-03-04T09:00:00+00:00 mx1 postfix/anvil[1]: statistics: max connection count 1 for (smtp:192.0.2.1) at Mar  4 08:59:00
2026-03-04T10:00:00+00:00 mx1 postfix/tlsproxy[20]: CONNECT to [198.51.100.7]:25
2026-03-04T10:00:01+00:00 mx1 postfix/smtp[21]: Verified TLS connection established to mx.partner.example[198.51.100.7]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
2026-03-04T10:00:02+00:00 mx1 postfix/smtp[21]: R00001: to=<a@partner.example>, relay=mx.partner.example[198.51.100.7]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)
2026-03-04T10:00:05+00:00 mx1 postfix/smtp[22]: Verified TLS connection reused to mx.partner.example[198.51.100.7]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
2026-03-04T10:00:06+00:00 mx1 postfix/smtp[22]: R00002: to=<b@partner.example>, relay=mx.partner.example[198.51.100.7]:25, conn_use=2, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 OK)
2026-03-04T10:00:07+00:00 mx1 postfix/tlsproxy[20]: DISCONNECT [198.51.100.7]:25
";
    let (r, agg) = aggregate_of(load_with("mail.log", log.as_bytes(), options()));
    assert_eq!(r.stats.deliveries, 2);
    assert_eq!(agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4))).outbound.get(Tls::V1_3), 2);
}

#[test]
fn exim_log_with_217_lines_of_noise_first_is_read() {
    // Rejected with "line 1 should be a header": recognition looked at the first 200 lines only.
    let mut log = String::new();
    for i in 0..217 {
        log.push_str(&match i % 3 {
            0 => format!("2025-03-04 08:{:02}:{:02} no host name found for IP address 192.0.2.{}\n", i / 60, i % 60, i % 250),
            1 => format!("2025-03-04 08:{:02}:{:02} H=(spam{i}.example) [203.0.113.{}] F=<x@spam.example> rejected RCPT <nobody@contoso.com>: unknown user\n", i / 60, i % 60, i % 250),
            _ => format!("2025-03-04 08:{:02}:{:02} SMTP connection from [203.0.113.{}] lost\n", i / 60, i % 60, i % 250),
        });
    }
    log.push_str("2025-03-04 09:15:01 1tq2Ab-000Abc-1D <= carol@fabrikam.com H=mail.fabrikam.com [203.0.113.10] P=esmtps X=TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256 CV=no S=10233\n");
    log.push_str("2025-03-04 09:15:04 1tq2Ac-000Abd-2E => dave@partner.example R=dnslookup T=remote_smtp H=mx.partner.example [198.51.100.7] X=TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=yes C=\"250 OK\"\n");
    let loaded = load_both("mainlog", log.as_bytes(), &[4096, 999]);
    assert_eq!((loaded.report.format, loaded.report.error.clone()), (Some(Msg::FormatExim), None));
    assert_eq!((loaded.report.stats.deliveries, loaded.report.stats.other_lines), (2, 217));
}

#[test]
fn exim_loopback_is_not_mail_flow_and_tls1_x_is_not_tls_1_0() {
    // Exim's test suite log: 9 inbound and 9 outbound "TLS 1.0" deliveries, all on 127.0.0.1.
    let mut log = String::new();
    for i in 0..9 {
        log.push_str(&format!("1999-03-02 09:44:33 10HmaX-0005vi-00{i:02} <= CALLER@test.ex H=(rhu.barb) [127.0.0.1] P=esmtps X=TLS1.x:ke-RSA-AES256-SHA:xxx S=sss\n"));
        log.push_str(&format!("1999-03-02 09:44:33 10HmaX-0005vi-00{i:02} => userx@test.ex R=client T=send_to_server H=127.0.0.1 [127.0.0.1] X=TLS1.x:ke-RSA-AES256-SHA:xxx C=\"250 OK\"\n"));
    }
    log.push_str("1999-03-02 09:44:34 10HmaY-0005vi-0099 => far@elsewhere.example R=dnslookup T=remote_smtp H=mx.elsewhere.example [192.0.2.9] X=TLS1.x:ke-RSA-AES256-SHA:xxx C=\"250 OK\"\n");
    let (r, agg) = aggregate_of(load_with("mainlog", log.as_bytes(), options()));
    assert_eq!((r.stats.deliveries, r.stats.local), (1, 18));
    let t = agg.totals(&Filter::window(day(1999, 3, 2), day(1999, 3, 2)));
    assert_eq!(t.outbound.0, [0, 0, 0, 0, 0, 1], "a placeholder version is Unknown, not TLS 1.0");
    assert_eq!(t.inbound.total(), 0);
}

#[test]
fn tls_spellings_from_siem_exports_are_read() {
    // 95% of rows skipped: `TLS "1.2" is not No TLS, TLS 1.0, 1.1, 1.2, 1.3 or Unknown`.
    let mut csv = String::from("date,direction,tls\n");
    let values = ["1.2", "1.3", "none", "TLSv1.2", "TLS 1.2", "tls1_2", "TLS12", "SSLv3", "0x0303", "771", "false", "no", "plain"];
    for v in values {
        csv.push_str(&format!("2026-03-04T10:00:00.123Z,inbound,{v}\n"));
    }
    csv.push_str("2026-03-04T10:00:00Z,inbound,quantum-safe\n");
    let (r, agg) = aggregate_of(load_with("siem.csv", csv.as_bytes(), options()));
    assert_eq!((r.stats.deliveries, r.stats.skipped), (values.len() as u64, 1));
    let why = r.stats.skips[0].reason.to_string();
    assert!(why.contains("\"quantum-safe\"") && why.contains("0x0303") && why.contains("TLSv1.2"), "{why}");
    let t = agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4)));
    assert_eq!(t.inbound.0, [4, 1, 0, 7, 1, 0]);
}

#[test]
fn enhanced_summary_keeps_recipients_after_an_empty_entry() {
    // exo.rs returned on an empty entry of recipient_status, dropping the recipients after it.
    let csv = "\"origin_timestamp_utc\",\"sender_address\",\"recipient_status\",\"message_id\",\"directionality\",\"connector_id\"\n\
        \"2025-03-04T09:15:02.1230000Z\",\"alice@contoso.com\",\"bob@fabrikam.com##Receive, Send;;eve@fabrikam.com##Receive, Send;\",\"<m1@contoso.com>\",\"Originating\",\"\"\n";
    let (r, _) = aggregate_of(load_with("enhanced.csv", csv.as_bytes(), options()));
    assert_eq!((r.stats.deliveries, r.stats.skipped), (2, 0));
}

#[test]
fn trace_rows_without_a_message_id_do_not_collide_across_files() {
    // Rows without a message id got the id `row{line}`: line 2 of one file and line 2 of another
    // were dropped as duplicates.
    let a = "Received,SenderAddress,RecipientAddress,Subject,Status,ToIP,FromIP\n2025-03-04T09:00:00Z,a@fabrikam.com,x@contoso.com,Hello,Delivered,,203.0.113.1\n";
    let b = "Received,SenderAddress,RecipientAddress,Subject,Status,ToIP,FromIP\n2025-03-04T10:00:00Z,b@adatum.com,y@contoso.com,Hi,Delivered,,203.0.113.2\n";
    let mut ws = Workspace::new();
    for (name, text) in [("a.csv", a), ("b.csv", b), ("a-again.csv", a)] {
        let loaded = load_with(name, text.as_bytes(), options());
        assert_eq!(loaded.report.error, None, "{name}");
        assert!(matches!(loaded.content, mailflow::load::Content::Messages { kind: SourceKind::Trace, .. }));
        ws.add(loaded);
    }
    let dup: Vec<u64> = ws.reports().iter().map(|r| r.duplicates).collect();
    assert_eq!(dup, vec![0, 0, 1], "the same row again is a duplicate; another file's row is not");
    assert_eq!(ws.agg().totals(&Filter::window(day(2025, 3, 4), day(2025, 3, 4))).inbound.total(), 2);
}

#[test]
fn exchange_send_in_a_long_session_is_counted_once() {
    // A SEND record more than 10 minutes after its send session started matched no session: it
    // counted once itself (TLS Unknown) and once more among the session's unclaimed recipients.
    let send = "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n#Log-type: SMTP Send Protocol Log\r\n#Date: 2025-03-04T09:00:00.000Z\r\n#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n\
2025-03-04T09:00:00.000Z,Outbound to Fabrikam,08DD5A1B2C3D0001,0,10.0.0.5:50001,198.51.100.7:25,+,,\r\n\
2025-03-04T09:00:01.000Z,Outbound to Fabrikam,08DD5A1B2C3D0001,1,10.0.0.5:50001,198.51.100.7:25,*,,TLS protocol SP_PROT_TLS1_2_CLIENT negotiated\r\n\
2025-03-04T09:12:00.000Z,Outbound to Fabrikam,08DD5A1B2C3D0001,2,10.0.0.5:50001,198.51.100.7:25,>,RCPT TO:<bob@fabrikam.com>,\r\n\
2025-03-04T09:12:01.000Z,Outbound to Fabrikam,08DD5A1B2C3D0001,3,10.0.0.5:50001,198.51.100.7:25,-,,Local\r\n";
    let tracking = "#Software: Microsoft Exchange Server\r\n#Version: 15.02.1118.007\r\n#Log-Type: Message Tracking Log\r\n#Date: 2025-03-04T09:00:00.000Z\r\n#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version\r\n\
2025-03-04T09:12:02.000Z,10.0.0.5,EX1,198.51.100.7,mx.fabrikam.com,08DD5A1B2C3D0001,Outbound to Fabrikam,SMTP,SEND,1,<m1@contoso.com>,aaaa,bob@fabrikam.com,250 OK,100,1,,,Hi,alice@contoso.com,alice@contoso.com,,Originating,,10.0.0.9,10.0.0.5,,Email,x,15.02.1118.007\r\n";
    let mut ws = Workspace::new();
    for (name, text) in [("SEND20250304-1.LOG", send), ("MSGTRK20250304-1.LOG", tracking)] {
        let loaded = load_with(name, text.as_bytes(), options());
        assert_eq!(loaded.report.error, None, "{name}");
        ws.add(loaded);
    }
    let t = ws.agg().totals(&Filter::window(day(2025, 3, 4), day(2025, 3, 4)));
    assert_eq!(t.outbound.0, [0, 0, 0, 1, 0, 0], "one delivery, with its session's TLS");
}

#[test]
fn a_file_cut_inside_a_character_says_so_and_leaves_its_cut_line_out() {
    // Seen when a 20 MB UTF-16LE export was checked cut 7 bytes short (an odd byte left over):
    // the summary said "0 rows skipped" and the cut last row counted with its cut IP address.
    let mut csv = String::from("date,direction,connector,tls,count,remote_host,remote_ip\n");
    for i in 0..300 {
        csv.push_str(&format!("2026-03-04T10:00:{:02}Z,Inbound,Relä Süd,TLS 1.2,2,mx{i}.fabrikam.example,198.51.100.{}\n", i % 60, i % 250));
    }
    csv.push_str("2026-03-04T11:00:00Z,Inbound,Relä Süd,TLS 1.2,37,mx.müller.example,198.51.100.77\n");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(csv.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    // Five bytes short: the line end, the last digit and half of the one before.
    let cut16 = &utf16[..utf16.len() - 5];
    // UTF-8 cut after the first byte of the ü.
    let cut8 = &csv.as_bytes()[..csv.rfind('ü').unwrap() + 1];
    for (name, bytes) in [("trace-utf16.csv", cut16), ("trace-utf8.csv", cut8)] {
        let loaded = load_both(name, bytes, &[4096, 1000, 7]);
        assert_eq!(loaded.report.error, None, "{name}");
        assert!(format!("{:?}", loaded.report.warning).contains("EndsMidCharacter"), "{name}: {:?}", loaded.report.warning);
        assert_eq!((loaded.report.stats.deliveries, loaded.report.stats.skipped), (600, 0), "{name}: the cut line is left out");
    }
    // Whole, the same file has no warning and counts its last row.
    let whole = load_both("trace.csv", csv.as_bytes(), &[4096, 7]);
    assert_eq!((whole.report.warning.is_none(), whole.report.stats.deliveries), (true, 637));
    // One byte short where that byte is the second half of the last line feed: the last line is
    // whole and counts.
    let one_short = load_both("trace-utf16.csv", &utf16[..utf16.len() - 1], &[4096, 7]);
    assert_eq!((one_short.report.warning.is_none(), one_short.report.stats.deliveries), (true, 637));
    // A Windows-1252 file whose only accented letter is its last byte is not UTF-8 cut short.
    let latin = b"date,direction,tls,count,connector\n2026-03-04T10:00:00Z,Inbound,TLS 1.2,2,Relay\n2026-03-04T10:00:01Z,Outbound,TLS 1.2,5,Connecteur priv\xe9";
    let latin = load_both("trace-1252.csv", latin, &[4096, 7]);
    assert!(latin.report.stats.skips.is_empty(), "{:?}", latin.report.stats.skips);
    assert_eq!(latin.report.encoding, Some(mailflow::decode::TextEncoding::Windows1252));
    assert_eq!((latin.report.warning.is_none(), latin.report.stats.deliveries), (true, 7), "the last row counts");
}
