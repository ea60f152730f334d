//! Fixtures written here that reproduce the shapes of real logs and reports in public projects'
//! test data (tests/fixtures/real-shapes/MANIFEST.md names each public file and how its counts
//! were checked by hand). Every Postfix and Exim fixture is loaded whole and in pieces, and must
//! give the manifest's `expect:` counts exactly.

use chrono::NaiveDate;
use mailflow::aggregate::{Filter, TlsCounts};
use mailflow::load::{load_all, load_with, Content, LoadOptions, Loaded};
use mailflow::stream::load_in_pieces;
use mailflow::tls::Tls;
use mailflow::workspace::{aggregate_of, Workspace};

const DIR: &str = "tests/fixtures/real-shapes";

fn options() -> LoadOptions {
    LoadOptions { today: NaiveDate::from_ymd_opt(2026, 11, 27), ..Default::default() }
}

/// The manifest's `expect:` line of each fixture, as (name, key=value pairs).
fn expectations() -> Vec<(String, Vec<(String, u64)>)> {
    let manifest = std::fs::read_to_string(format!("{DIR}/MANIFEST.md")).unwrap();
    let mut out = Vec::new();
    let mut name = None;
    for line in manifest.lines() {
        if let Some(n) = line.strip_prefix("## ") {
            name = Some(n.trim().to_string());
        } else if let (Some(values), Some(n)) = (line.strip_prefix("expect: "), &name) {
            let pairs = values
                .split_whitespace()
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap();
                    (k.to_string(), v.parse().unwrap())
                })
                .collect();
            out.push((n.clone(), pairs));
        }
    }
    out
}

/// What a loaded log gives, in the manifest's terms.
fn counts(loaded: Loaded) -> Vec<(String, u64)> {
    let stats = loaded.report.stats.clone();
    let (_, agg) = aggregate_of(loaded);
    let f = agg.span().map(|(a, b)| Filter::window(a, b));
    let t = f.map(|f| agg.totals(&f)).unwrap_or_default();
    let mut tls = TlsCounts::default();
    tls.add_all(&t.inbound);
    tls.add_all(&t.outbound);
    [
        ("inbound", t.inbound.total()),
        ("outbound", t.outbound.total()),
        ("submissions", stats.submissions.total()),
        ("local", stats.local),
        ("failures", stats.failures),
        ("tls_unknown", tls.get(Tls::Unknown)),
        ("no_tls", tls.get(Tls::None)),
        ("tls10", tls.get(Tls::V1_0)),
        ("tls11", tls.get(Tls::V1_1)),
        ("tls12", tls.get(Tls::V1_2)),
        ("tls13", tls.get(Tls::V1_3)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[test]
fn every_log_fixture_gives_its_hand_checked_counts_whole_and_in_pieces() {
    let all = expectations();
    let logs: Vec<_> = all.iter().filter(|(n, _)| n.starts_with("postfix-") || n.starts_with("exim-")).collect();
    assert!(logs.len() >= 8, "the manifest lists the log fixtures");
    let mut wrong = Vec::new();
    for (name, expect) in logs {
        let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap();
        let whole = load_all(name, bytes.clone(), &options()).remove(0).0;
        assert_eq!(whole.report.error, None, "{name}");
        let got = counts(whole);
        if &got != expect {
            wrong.push(format!("{name}\n  expected {expect:?}\n  got      {got:?}"));
        }
        for piece in [4096, 777] {
            let streamed = load_in_pieces(name, &bytes, piece, piece, &options()).remove(0).0;
            assert_eq!(counts(streamed), got, "{name} in pieces of {piece}");
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn multi_byte_text_across_byte_4096_in_the_noise_first_logs() {
    for name in ["postfix-noise-first.log", "exim-noise-first.log"] {
        let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.is_char_boundary(4096), "{name}: a character crosses byte 4096");
    }
}

#[test]
fn exchange_tracking_and_send_shapes_join_without_counting_twice() {
    let read = |n: &str| std::fs::read(format!("{DIR}/{n}")).unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    let send = load_with("SEND.LOG", &read("exchange-SEND-shapes.log"), options());
    assert_eq!((send.report.error.clone(), send.report.stats.deliveries), (None, 1), "one session gave one RCPT TO");
    let mut ws = Workspace::new();
    ws.add(send);
    ws.add(load_with("MSGTRK.LOG", &read("exchange-MSGTRK-shapes.log"), options()));
    let span = ws.agg().span().unwrap();
    assert!(span.0 >= day(1) && span.1 <= day(31));
    let t = ws.agg().totals(&Filter::window(span.0, span.1));
    assert_eq!(t.inbound.0, [0, 0, 0, 0, 0, 2], "the RECEIVE with 2 recipients; no RECV log: TLS Unknown");
    assert_eq!(t.outbound.0, [0, 0, 0, 1, 0, 0], "the SEND takes its session's TLS 1.2, and the session adds nothing");
}

#[test]
fn tls_report_shapes_load_with_their_session_counts() {
    let mut ws = Workspace::new();
    for (name, ok, failed) in [("tlsrpt-multi-policy.json", 2317, 47), ("tlsrpt-missing-fields.json", 4, 1), ("tlsrpt-summary-disagrees.json", 0, 1)] {
        let loaded = load_with(name, &std::fs::read(format!("{DIR}/{name}")).unwrap(), options());
        assert_eq!(loaded.report.error, None, "{name}");
        let Content::TlsReports(list) = &loaded.content else { panic!("{name} is a TLS report") };
        let (s, f) = list.iter().fold((0, 0), |(s, f), r| (s + r.success, f + r.failure));
        assert_eq!((s, f), (ok, failed), "{name}: the summary's counts");
        ws.add(loaded);
    }
    let summary = ws.tls_reports();
    assert_eq!(summary.by_day.len(), 3, "one day per report: an end-datetime at the next midnight adds no day");
    let expired = summary.by_failure.iter().find(|s| s.key == "certificate-expired").map(|s| s.failure);
    assert_eq!(expired, Some(12));
}

/// The report e-mail in Google's shape: its gzip attachment, behind base64 and folded headers.
fn google_shape() -> Vec<u8> {
    std::fs::read(format!("{DIR}/tlsrpt-google-shape.eml")).unwrap()
}

#[test]
fn a_tls_report_e_mail_in_googles_shape_loads_its_report() {
    for name in ["report.eml", "Report Domain mailflow.example.eml.gz"] {
        let bytes = if name.ends_with(".gz") {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut gz, &google_shape()).unwrap();
            gz.finish().unwrap()
        } else {
            google_shape()
        };
        let loaded = load_all(name, bytes, &options());
        assert_eq!(loaded.len(), 1, "{name}");
        let l = &loaded[0].0;
        assert_eq!((l.report.error.clone(), l.report.warning.clone()), (None, None), "{name}");
        let Content::TlsReports(list) = &l.content else { panic!("{name}: {:?}", l.report) };
        assert_eq!(list.len(), 1);
        let r = &list[0];
        assert_eq!((r.organization.as_str(), r.domain.as_str(), r.success, r.failure), ("Mail Provider Example", "mailflow.example", 1250, 3));
        assert_eq!(r.failures, [("starttls-not-supported".to_string(), 2), ("certificate-expired".to_string(), 1)]);
    }
}

#[test]
fn the_same_e_mail_saved_as_utf16_loads_the_same_report() {
    // Known gap of the last session: a UTF-16 .eml was read as UTF-8 and not recognised as mail.
    let text = String::from_utf8(google_shape()).unwrap();
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le-bom.eml", le), ("be.eml", be)] {
        let loaded = load_all(name, bytes, &options());
        let l = &loaded[0].0;
        assert_eq!(l.report.error, None, "{name}");
        let Content::TlsReports(list) = &l.content else { panic!("{name}: {:?}", l.report) };
        assert_eq!((list.len(), list[0].success, list[0].failure), (1, 1250, 3), "{name}");
    }
}

/// An mbox mailbox as a mail client exports it: `From ` separators, a body line that starts
/// with `From ` escaped as `>From `.
fn mbox(messages: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        out.extend_from_slice(b"From noreply-smtp-tls-reporting@mail-provider.example Tue Mar 10 10:53:20 2026\n");
        out.extend_from_slice(m);
        out.extend_from_slice(b"\n");
    }
    out
}

/// A DMARC aggregate report e-mail, with its zipped XML attached.
fn dmarc_mail() -> Vec<u8> {
    let xml = "<?xml version=\"1.0\"?><feedback><report_metadata><org_name>mail-provider.example</org_name></report_metadata><policy_published><domain>mailflow.example</domain></policy_published></feedback>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("mail-provider.example!mailflow.example!1773014400!1773100799.xml", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let b64 = base64_lines(&bytes);
    format!("From: noreply-dmarc-support@mail-provider.example\nTo: dmarc@mailflow.example\nSubject: Report domain: mailflow.example\nDate: Tue, 10 Mar 2026 03:53:20 -0700\nMIME-Version: 1.0\nContent-Type: application/zip; name=\"dmarc.zip\"\nContent-Transfer-Encoding: base64\n\n{b64}\n").into_bytes()
}

fn base64_lines(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            out.push(if i <= chunk.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
        if out.len() % 77 == 76 {
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_mailbox_counts_each_report_once_and_names_dmarc_and_empty_mail() {
    // The same report mailed twice, a DMARC report, and a message whose body has a `From ` line.
    let plain = b"From: a@mailflow.example\nSubject: lunch\nDate: Tue, 10 Mar 2026 12:00:00 +0000\n\n>From the canteen: soup.\n".to_vec();
    let bytes = mbox(&[google_shape(), dmarc_mail(), google_shape(), plain.clone()]);
    let mut ws = Workspace::new();
    for (l, _) in load_all("Reports.mbox", bytes, &options()) {
        assert_eq!(l.report.error, None);
        let Content::TlsReports(list) = &l.content else { panic!("{:?}", l.report) };
        assert_eq!(list.len(), 2, "both copies are read");
        ws.add(l);
    }
    let summary = ws.tls_reports();
    assert_eq!(summary.by_organization.iter().map(|s| (s.success, s.failure)).collect::<Vec<_>>(), [(1250, 3)], "a report mailed twice counts once");

    let only_dmarc = load_all("dmarc.eml", dmarc_mail(), &options());
    assert_eq!(only_dmarc[0].0.report.error, Some(mailflow::lang::Said::new(mailflow::lang::Msg::DmarcInMail).count(1u64)));
    let nothing = load_all("lunch.mbox", mbox(&[plain.clone(), plain]), &options());
    assert_eq!(nothing[0].0.report.error, Some(mailflow::lang::Said::new(mailflow::lang::Msg::MailWithoutReport).count(2u64)));
    // A DMARC report dropped as it is (its XML, zipped) is named too.
    let xml = "<?xml version=\"1.0\"?>\n<feedback>\n<report_metadata><org_name>x</org_name></report_metadata>\n</feedback>\n";
    let direct = load_all("dmarc.xml", xml.as_bytes().to_vec(), &options());
    assert_eq!(direct[0].0.report.error, Some(mailflow::lang::Msg::DmarcReport.into()));
}
