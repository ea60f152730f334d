//! Reading piece by piece gives exactly what reading whole gives: every fixture and generated
//! file pushed in two pieces split at every byte (and in tiny pieces with tiny parser blocks), so
//! that records, `\r\n` pairs, UTF-8 and UTF-16 characters and gzip members are cut everywhere.

mod common;
use common::fingerprint;
use std::io::Write;

use chrono::NaiveDate;
use mailflow::load::{load_all, LoadOptions};
use mailflow::stream::{load_in_pieces, FileLoad, Outcome};

fn options() -> LoadOptions {
    LoadOptions { today: NaiveDate::from_ymd_opt(2026, 11, 27), ..Default::default() }
}


fn whole(name: &str, bytes: &[u8]) -> Vec<String> {
    load_all(name, bytes.to_vec(), &options()).iter().map(|(l, _)| fingerprint(l)).collect()
}

fn pieces(name: &str, bytes: &[u8], piece: usize, block: usize) -> Vec<String> {
    load_in_pieces(name, bytes, piece, block, &options()).iter().map(|(l, _)| fingerprint(l)).collect()
}

/// Pushes `bytes` as two pieces split at every point, with parser blocks of `block` bytes.
fn every_split(name: &str, bytes: &[u8], block: usize) {
    let expected = whole(name, bytes);
    assert!(!expected.is_empty());
    for k in 0..=bytes.len() {
        let mut load = FileLoad::new(name, options()).with_block(block);
        load.push(&bytes[..k]);
        load.push(&bytes[k..]);
        let got: Vec<String> = match load.finish() {
            Outcome::Done(parts) => parts.iter().map(|(l, _)| fingerprint(l)).collect(),
            Outcome::Again(o) => load_in_pieces(name, bytes, k.max(1), block, &o).iter().map(|(l, _)| fingerprint(l)).collect(),
        };
        assert_eq!(got, expected, "{name} split at byte {k}");
    }
}

fn mailflow_csv() -> Vec<u8> {
    // Quoted fields with commas, line breaks and quotes, multi-byte names, CRLF, a bad row.
    "date,direction,connector,tls,count,remote_domain\r\n\
     2026-03-04,Inbound,\"Contoso, \"\"Partner\"\"\nRelay\",TLS 1.2,3,contoso.com\r\n\
     2026-03-04,Outbound,Fabrikam → Übersee,TLS 1.0,2,fabrikam.de\r\n\
     2026-03-05,Inbound,,No TLS,1,\r\n\
     not-a-date,Inbound,,TLS 1.2,1,\r\n\
     \r\n\
     2026-03-06,Outbound,\"日本語コネクタ\",TLS 1.3,4,example.jp"
        .as_bytes()
        .to_vec()
}

#[test]
fn mailflow_csv_at_every_split() {
    every_split("trace.csv", &mailflow_csv(), 1);
    every_split("trace.csv", &mailflow_csv(), 7);
}

#[test]
fn utf16_csv_at_every_split() {
    let text = String::from_utf8(mailflow_csv()).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    every_split("trace-utf16le.csv", &le, 5);
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    every_split("trace-utf16be.csv", &be, 3);
}

#[test]
fn jsonl_at_every_split() {
    let text = "{\"date\":\"2026-03-04\",\"direction\":\"Inbound\",\"connector\":\"Ünï\",\"tls\":\"TLS 1.2\",\"count\":2}\n\
                {broken\n\
                {\"date\":\"2026-03-05\",\"direction\":\"Outbound\",\"tls\":\"TLS 1.3\",\"count\":1}";
    every_split("trace.jsonl", text.as_bytes(), 2);
}

#[test]
fn logs_at_every_split() {
    for name in ["postfix-mail.log", "postfix-rfc3339.log", "exim-mainlog"] {
        let bytes = std::fs::read(format!("tests/fixtures/logs/{name}")).unwrap();
        every_split(name, &bytes, 64);
    }
}

#[test]
fn whole_formats_at_every_split() {
    for name in ["exo/message-trace-ps51-de.csv", "logs/MSGTRK20250304-1.LOG", "tlsrpt/company-x.json"] {
        let bytes = std::fs::read(format!("tests/fixtures/{name}")).unwrap();
        every_split(name, &bytes, 64);
    }
}

#[test]
fn gzip_at_every_split() {
    let bytes = std::fs::read("tests/fixtures/logs/exim-mainlog").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bytes).unwrap();
    every_split("exim-mainlog.gz", &gz.finish().unwrap(), 100);
}

#[test]
fn large_file_in_big_pieces_matches_whole() {
    let s = mailflow::sample::bundled();
    let bytes = s.csv.as_bytes();
    for piece in [1000, 65_536, 1 << 20] {
        assert_eq!(pieces("sample.csv", bytes, piece, 4096), whole("sample.csv", bytes), "pieces of {piece}");
    }
}

#[test]
fn a_log_whose_start_suggests_another_year_is_read_again() {
    // Starts in December (before today's month and day), runs into January and past today:
    // its first line must be two years back, which only the last line tells.
    let line = |stamp: &str, n: u32| format!("{stamp} mx postfix/smtpd[{n}]: 1A{n}: client=mail.example.com[203.0.113.{n}]\n");
    let mut text = line("Dec 30 10:00:00", 1);
    text.push_str(&"x".repeat(70_000));
    text.push('\n');
    text.push_str(&line("Jan  2 10:00:00", 2));
    text.push_str(&line("Dec 29 10:00:00", 3));
    let expected = whole("mail.log", text.as_bytes());
    assert_eq!(pieces("mail.log", text.as_bytes(), 4096, 1024), expected);
    let mut load = FileLoad::new("mail.log", options());
    for p in text.as_bytes().chunks(4096) {
        load.push(p);
    }
    assert!(matches!(load.finish(), Outcome::Again(o) if o.log_year == Some(2024)));
}

#[test]
fn progress_counts_bytes_and_deliveries() {
    let s = mailflow::sample::bundled();
    let bytes = s.csv.as_bytes();
    let mut load = FileLoad::new("sample.csv", options()).with_block(4096);
    let mut seen = Vec::new();
    for p in bytes.chunks(bytes.len() / 4 + 1) {
        load.push(p);
        seen.push((load.received(), load.deliveries()));
    }
    assert_eq!(seen.last().unwrap().0, bytes.len() as u64);
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1), "deliveries grow while reading: {seen:?}");
}

#[test]
fn a_file_of_a_whole_format_past_the_limit_is_refused_by_name() {
    // An Exchange Server tracking log is still read whole (Exchange Online exports stream).
    let mut load = FileLoad::new("MSGTRK2025030401-1.LOG", options());
    let header = b"#Software: Microsoft Exchange Server\n#Version: 15.01.2507.006\n#Log-Type: Message Tracking Log\n#Date: 2025-03-04T09:00:00.000Z\n#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data\n";
    load.push(header);
    let row = vec![b'x'; 1 << 20];
    for _ in 0..1025 {
        load.push(&row);
    }
    let Outcome::Done(parts) = load.finish() else { panic!("done") };
    let e = parts[0].0.report.error.clone().unwrap().to_string();
    assert!(e.contains("1.1 GB") && e.contains("Split it"), "{e}");
}

#[test]
fn an_exchange_online_export_is_counted_as_it_arrives() {
    // Before, Exchange Online exports were gathered whole (up to 1 GB) and read at the end.
    let mut text = String::from("\"origin_timestamp_utc\",\"sender_address\",\"recipient_status\",\"message_id\",\"directionality\",\"connector_id\"\n");
    for i in 0..40_000 {
        text += &format!("\"2025-03-04T09:{:02}:02.1230000Z\",\"alice@contoso.com\",\"bob{i}@fabrikam.com##Receive, Send\",\"<m{i}@contoso.com>\",\"Originating\",\"Out\"\n", i % 60);
    }
    let mut load = FileLoad::new("enhanced.csv", options()).with_block(64 * 1024);
    let mut seen = Vec::new();
    for p in text.as_bytes().chunks(text.len() / 4 + 1) {
        load.push(p);
        seen.push(load.deliveries());
    }
    assert!(seen[0] > 0 && seen.windows(2).all(|w| w[0] < w[1]), "records grow while reading: {seen:?}");
    let Outcome::Done(parts) = load.finish() else { panic!("ISO dates need no second reading") };
    assert_eq!(parts[0].0.report.stats.deliveries, 40_000);
}

#[test]
fn culture_dates_in_an_exchange_online_export_are_read_in_a_second_pass() {
    let bytes = std::fs::read("tests/fixtures/exo/message-trace-ps51-de.csv").unwrap();
    let mut load = FileLoad::new("trace.csv", options()).with_block(64);
    load.push(&bytes);
    let Outcome::Again(again) = load.finish() else { panic!("04.03.2025 needs the column's order first") };
    assert_eq!(again.column_order, Some(mailflow::dates::DateOrder::DayFirst));
    let streamed = load_in_pieces("trace.csv", &bytes, 7, 64, &options());
    let whole = mailflow::load::load_with("trace.csv", &bytes, options());
    assert_eq!(format!("{:?}", streamed[0].0), format!("{whole:?}"));
    assert!(whole.report.date_order.is_some_and(|g| !g.certain || g.order == mailflow::dates::DateOrder::DayFirst));
}

#[test]
fn an_exchange_online_export_with_non_ascii_text_in_utf16_reads_alike_streamed_whole_and_cut() {
    // Subjects and addresses in German and Japanese run the export past bytes 4096 and 65,536
    // (the shape of the admin center's UTF-16LE enhanced summary, as in tests/fixtures/exo).
    let mut text = String::from("\"origin_timestamp_utc\",\"sender_address\",\"recipient_status\",\"message_subject\",\"message_id\",\"original_client_ip\",\"directionality\",\"connector_id\"\r\n");
    let mut pairs = 0;
    for i in 0..900 {
        let rcpts = 1 + i % 2;
        pairs += rcpts;
        let status: Vec<String> = (0..rcpts).map(|r| format!("jürgen{r}@müller-{i}.example##Receive, Deliver")).collect();
        text += &format!(
            "\"2026-06-{:02}T10:00:{:02}.5Z\",\"山田{i}@partner{}.example\",\"{}\",\"Grüße – 会議の資料 {i}, \"\"quoted\"\"\",\"<m{i}@x.example>\",\"203.0.113.{}\",\"Incoming\",\"{}\"\r\n",
            1 + i % 28,
            i % 60,
            i % 37,
            status.join(";"),
            i % 250,
            if i % 3 == 0 { "" } else { "Partner inbound" }
        );
    }
    let bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert!(bytes.len() > 200_000);
    let whole = mailflow::load::load_with("enhanced.csv", &bytes, options());
    assert_eq!(whole.report.stats.deliveries, pairs as u64);
    assert_eq!(whole.report.stats.skipped, 0);
    for (piece, block) in [(1, 4096), (7, 997), (4096, 65_536), (65_537, 1 << 20)] {
        let streamed = load_in_pieces("enhanced.csv", &bytes, piece, block, &options());
        assert_eq!(format!("{:?}", streamed[0].0), format!("{whole:?}"), "pieces of {piece}, blocks of {block}");
    }
    // Cut anywhere (even inside a character or a quoted field): no panic, never more than whole,
    // and streamed as read whole.
    for cut in [4097, 65_535, 65_537, 100_001, bytes.len() - 3] {
        let part = &bytes[..cut];
        let whole_cut = mailflow::load::load_with("enhanced.csv", part, options());
        let streamed = load_in_pieces("enhanced.csv", part, 4093, 8191, &options());
        assert_eq!(format!("{:?}", streamed[0].0), format!("{whole_cut:?}"), "cut at {cut}");
        assert!(whole_cut.report.stats.deliveries <= pairs as u64, "cut at {cut}");
    }
}

#[test]
fn a_trace_log_kept_by_a_script_reads_alike_streamed_and_whole() {
    // The shape of the trace log kept by LogRhythm's public PIE script (Phishing Intelligence Engine
    // v3.7, Invoke-O365Trace.ps1; its `ongoing-phish-log.csv`): the
    // header written unquoted by `Set-Content`, then `Get-MessageTrace | Select-Object
    // MessageTraceID,Received,... | Export-Csv -NoTypeInformation -Append` runs adding quoted
    // rows with Windows PowerShell's en-US dates. Subjects carry non-ASCII text past 65,536 bytes.
    let mut text = String::from("MessageTraceId,Received,SenderAddress,RecipientAddress,FromIP,ToIP,Subject,Status,Size,MessageId\r\n");
    let mut delivered = 0;
    for i in 0..1200 {
        let status = ["Delivered", "Expanded", "Delivered", "Failed"][i % 4];
        delivered += usize::from(status != "Expanded");
        text += &format!(
            "\"{:08x}-2b3c-4d5e-8f90-08dd5a1b2c3d\",\"12/{}/2020 {}:15:02 {}\",\"sender{i}@fabrikam.example\",\"phishing@somedomain.com\",\"203.0.113.{}\",\"\",\"Überweisung – 請求書 #{i}\",\"{status}\",\"{}\",\"<{i}@fabrikam.example>\"\r\n",
            i,
            1 + i % 28,
            1 + i % 12,
            if i % 2 == 0 { "AM" } else { "PM" },
            i % 250,
            2000 + i
        );
    }
    let bytes = text.as_bytes();
    assert!(bytes.len() > 150_000);
    let whole = mailflow::load::load_with("ongoing-phish-log.csv", bytes, options());
    assert_eq!(whole.report.stats.deliveries, delivered as u64);
    assert_eq!(whole.report.date_order.map(|g| g.order), Some(mailflow::dates::DateOrder::MonthFirst));
    for (piece, block) in [(3, 4096), (65_536, 65_536)] {
        let streamed = load_in_pieces("ongoing-phish-log.csv", bytes, piece, block, &options());
        assert_eq!(format!("{:?}", streamed[0].0), format!("{whole:?}"), "pieces of {piece}, blocks of {block}");
    }
}
