//! Mail-server logs end to end, from fixtures built from the documented line shapes with counts
//! known by construction: Postfix (traditional stamps across a year change, and RFC 3339 with
//! zones), Exim, rotated and compressed sets, and zip archives.

use mailflow::lang::Msg;
use std::io::Write;

use chrono::NaiveDate;
use mailflow::aggregate::{ConnectorFilter, Filter};
use mailflow::load::{load_all, load_with, LoadOptions};
use mailflow::model::Direction;
use mailflow::tls::Tls;
use mailflow::workspace::{aggregate_of, Workspace};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/logs/{name}")).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn options() -> LoadOptions {
    LoadOptions { today: Some(day(2026, 11, 27)), ..Default::default() }
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn postfix_traditional_syslog_across_new_year() {
    let (r, agg) = aggregate_of(load_with("mail.log", &fixture("postfix-mail.log"), options()));
    assert_eq!(r.error, None);
    assert_eq!(r.format, Some(Msg::FormatPostfix));
    assert_eq!(r.log_clock.and_then(|c| c.first_year), Some(2025), "Dec then Jan, read in Nov 2026: 2025 to 2026");
    assert_eq!((r.stats.deliveries, r.stats.failures, r.stats.local), (9, 2, 3));
    assert_eq!(r.stats.submissions.0, [0, 0, 0, 3, 0, 0], "alice's authenticated submission (3 recipients) is counted apart");
    assert_eq!((r.stats.tls_unlogged, r.stats.before_log), ([0, 0], 0));
    let dec31 = agg.totals(&Filter::window(day(2025, 12, 31), day(2025, 12, 31)));
    assert_eq!(dec31.inbound.0, [1, 0, 0, 0, 3, 0], "a 2-recipient and a 1-recipient message over TLS 1.3, one without TLS");
    let jan1 = Filter::window(day(2026, 1, 1), day(2026, 1, 1));
    assert_eq!(agg.totals(&jan1).outbound.0, [1, 1, 1, 2, 0, 0]);
    let mut sub = jan1.clone();
    sub.connector = ConnectorFilter::Named("submission".into());
    assert_eq!(agg.totals(&sub).inbound.0, [0; 6], "submissions are not inbound mail flow");
    sub.connector = ConnectorFilter::Named("relay".into());
    assert_eq!(agg.totals(&sub).outbound.0, [0, 0, 1, 0, 0, 0]);
    let mut none = jan1.clone();
    none.connector = ConnectorFilter::NoConnector;
    let partners: Vec<(&str, u64)> = agg.partners(&none, Direction::Outbound, None).iter().map(|(p, c)| (*p, c.total())).collect();
    assert_eq!(partners, vec![("partner.example", 2), ("old.example", 1), ("plain.example", 1)]);
}

#[test]
fn postfix_year_and_zone_can_be_set() {
    let opts = LoadOptions { log_year: Some(2019), log_offset_minutes: Some(60), ..options() };
    let (_, agg) = aggregate_of(load_with("mail.log", &fixture("postfix-mail.log"), opts));
    // 23:58 local at UTC+1 is 22:58 UTC on Dec 31 2019; Jan 1 00:00 local is Dec 31 23:00 UTC.
    assert_eq!(agg.span(), Some((day(2019, 12, 31), day(2019, 12, 31))));
}

#[test]
fn postfix_rfc3339_with_zones() {
    let (r, agg) = aggregate_of(load_with("mail.log", &fixture("postfix-rfc3339.log"), options()));
    assert_eq!(r.log_clock.and_then(|c| c.first_year), None, "the lines carry their year");
    let t = agg.totals(&Filter::window(day(2026, 3, 3), day(2026, 3, 4)));
    assert_eq!((t.inbound.get(Tls::V1_2), t.outbound.get(Tls::V1_3)), (1, 1));
    assert_eq!(agg.daily(&Filter::window(day(2026, 3, 3), day(2026, 3, 3)))[0].1.outbound.get(Tls::V1_3), 1, "00:30+01:00 is the day before in UTC");
}

#[test]
fn exim_main_log() {
    let (r, agg) = aggregate_of(load_with("mainlog", &fixture("exim-mainlog"), options()));
    assert_eq!((r.format, r.error.as_ref()), (Some(Msg::FormatExim), None));
    assert_eq!((r.stats.deliveries, r.stats.failures, r.stats.local), (9, 2, 2));
    assert_eq!(r.stats.submissions.0, [0, 0, 0, 1, 0, 0], "the P=esmtpsa A= arrival is a submission, counted apart");
    let f = Filter::window(day(2025, 3, 4), day(2025, 3, 5));
    let t = agg.totals(&f);
    assert_eq!(t.inbound.0, [2, 0, 0, 0, 2, 0]);
    assert_eq!(t.outbound.0, [1, 1, 1, 2, 0, 0]);
    let mut c = f.clone();
    c.connector = ConnectorFilter::Named("port 587".into());
    assert_eq!(agg.totals(&c).inbound.total(), 0);
    c.connector = ConnectorFilter::Named("smarthost_smtp".into());
    assert_eq!(agg.totals(&c).outbound.get(Tls::V1_1), 1);
}

#[test]
fn a_rotated_gzipped_set_and_a_zip_load_like_the_plain_files() {
    let log = fixture("postfix-mail.log");
    let text = String::from_utf8(log.clone()).unwrap();
    let (first, second) = text.split_at(text.find("Jan  1").unwrap());
    let mut ws = Workspace::new();
    for (l, _) in load_all("mail.log.1.gz", gz(first.as_bytes()), &options()) {
        ws.add(l);
    }
    for (l, _) in load_all("mail.log", second.as_bytes().to_vec(), &options()) {
        ws.add(l);
    }
    let names: Vec<String> = ws.reports().iter().map(|r| r.name.clone()).collect();
    assert_eq!(names, vec!["mail.log.1.gz › mail.log.1", "mail.log"]);
    let (_, whole) = aggregate_of(load_with("mail.log", &log, options()));
    let all = Filter::window(day(2025, 12, 31), day(2026, 1, 1));
    // The split cuts no smtpd session, so inbound is the same; one outbound delivery without a
    // TLS line within 300 s of the second file's start may use a connection opened before it
    // (smtp_connection_reuse_time_limit), so it is Unknown there, No TLS in the whole file.
    let (split, whole) = (ws.agg().totals(&all), whole.totals(&all));
    assert_eq!(split.inbound, whole.inbound);
    assert_eq!((split.outbound.total(), whole.outbound.total()), (5, 5));
    assert_eq!((split.outbound.get(Tls::None), split.outbound.get(Tls::Unknown), whole.outbound.get(Tls::None)), (0, 1, 1));

    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file("var/log/exim4/mainlog", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(&fixture("exim-mainlog")).unwrap();
    z.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(b"hello").unwrap();
    let loaded = load_all("logs.zip", z.finish().unwrap().into_inner(), &options());
    assert_eq!(loaded.len(), 2);
    assert_eq!((loaded[0].0.report.format, loaded[0].0.report.stats.deliveries), (Some(Msg::FormatExim), 9));
    assert!(loaded[1].0.report.error.is_some(), "the text file in the archive is named as not a trace");
}

#[test]
fn a_truncated_gzip_keeps_what_was_read_and_says_so() {
    let big = fixture("postfix-mail.log").repeat(40);
    let packed = gz(&big);
    let loaded = load_all("mail.log.2.gz", packed[..packed.len() * 2 / 3].to_vec(), &options());
    let r = &loaded[0].0.report;
    assert!(r.warning.as_ref().is_some_and(|w| w.to_string().contains("cut short")), "{r:?}");
    assert!(r.stats.deliveries > 0 && r.error.is_none());
}

#[test]
fn smtp_tls_reports_feed_their_own_panel_not_deliveries() {
    let mut ws = Workspace::new();
    let a = std::fs::read("tests/fixtures/tlsrpt/company-x.json").unwrap();
    for (l, _) in load_all("company-x.json.gz", gz(&a), &options()) {
        assert_eq!(l.report.format, Some(Msg::FormatTlsReport));
        ws.add(l);
    }
    for (l, _) in load_all("company-x-again.json", a.clone(), &options()) {
        ws.add(l);
    }
    for (l, _) in load_all("provider.json", std::fs::read("tests/fixtures/tlsrpt/mail-provider.json").unwrap(), &options()) {
        ws.add(l);
    }
    assert!(ws.agg().is_empty(), "sessions are not deliveries");
    let s = ws.tls_reports();
    let days: Vec<(&str, u64, u64)> = s.by_day.iter().map(|d| (d.key.as_str(), d.success, d.failure)).collect();
    assert_eq!(days, vec![("2026-03-04", 5326, 303), ("2026-03-05", 900, 0)], "the same report twice counts once");
    assert_eq!(s.by_organization[0].key, "Company-X");
    assert_eq!(s.by_failure.iter().map(|f| (f.key.as_str(), f.failure)).collect::<Vec<_>>(),
        vec![("starttls-not-supported", 200), ("certificate-expired", 100), ("validation-failure", 3)]);
}

fn exchange(names: &[&str]) -> Workspace {
    let mut ws = Workspace::new();
    for n in names {
        for (l, _) in load_all(n, fixture(n), &options()) {
            assert_eq!(l.report.error, None, "{n}");
            ws.add(l);
        }
    }
    ws
}

#[test]
fn exchange_server_tracking_and_protocol_logs_join() {
    let march4 = Filter::window(day(2025, 3, 4), day(2025, 3, 4));
    let tracking = exchange(&["MSGTRK20250304-1.LOG"]);
    assert_eq!(tracking.reports()[0].format, Some(Msg::FormatExchangeTracking));
    let t = tracking.agg().totals(&march4);
    assert_eq!((t.inbound.0, t.outbound.0), ([0, 0, 0, 0, 0, 3], [0, 0, 0, 0, 0, 1]), "tracking alone: no TLS version");

    let protocol = exchange(&["RECV20250304-1.LOG", "SEND20250304-1.LOG"]);
    let t = protocol.agg().totals(&march4);
    assert_eq!((t.inbound.0, t.outbound.0), ([1, 3, 0, 2, 0, 0], [0, 0, 0, 1, 0, 0]), "protocol logs alone: recipients per session");

    for order in [["MSGTRK20250304-1.LOG", "RECV20250304-1.LOG", "SEND20250304-1.LOG"], ["SEND20250304-1.LOG", "RECV20250304-1.LOG", "MSGTRK20250304-1.LOG"]] {
        let both = exchange(&order);
        let t = both.agg().totals(&march4);
        assert_eq!(t.inbound.0, [1, 3, 0, 2, 0, 0], "{order:?}: TLS from the session each RECEIVE names; the unclaimed session still counts");
        assert_eq!(t.outbound.0, [0, 0, 0, 1, 0, 0], "{order:?}: the SEND matched to its send session");
        let mut out = march4.clone();
        out.connector = ConnectorFilter::Named("Outbound to Internet".into());
        let partners: Vec<&str> = both.agg().partners(&out, Direction::Outbound, Some("Outbound to Internet")).iter().map(|p| p.0).collect();
        assert_eq!(partners, vec!["partner.example"]);
    }
}

/// Counts per transit security level: verified, encrypted but not verified, no TLS, unknown.
fn levels(c: &mailflow::aggregate::TlsCounts) -> [u64; 4] {
    mailflow::security::Level::ALL.map(|l| c.level(l))
}

#[test]
fn postfix_every_verification_word_gives_exact_levels() {
    // Built from Postfix's TLS_README: the first word of "TLS connection established" (and of
    // "reused", Postfix 3.4+) is Verified (DANE, MTA-STS and CA-and-name checks), Trusted (a
    // trusted chain, name not checked), Untrusted or Anonymous; without a word, it is not said.
    let (r, agg) = aggregate_of(load_with("mail.log", &fixture("postfix-verification.log"), options()));
    assert_eq!((r.format, r.error.as_ref()), (Some(Msg::FormatPostfix), None));
    let t = agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4)));
    // In: Anonymous 2 + Untrusted 1 + Trusted 1 encrypted; Verified 3; no TLS line 1; no word 1.
    assert_eq!(levels(&t.inbound), [3, 4, 1, 1]);
    // Out: Verified 2 + reused Verified 1; Trusted, Untrusted, Anonymous 1 each; no TLS line 1.
    assert_eq!(levels(&t.outbound), [3, 3, 1, 0]);
    assert_eq!((t.inbound.total(), t.outbound.total()), (9, 7), "the TLS versions count as before");
    assert_eq!(t.outbound.get(Tls::V1_3), 3);
}

#[test]
fn exim_every_cv_value_gives_exact_levels() {
    // Built from the Exim specification's log selectors: CV=yes, CV=dane, CV=no
    // (tls_certificate_verified) and DN= (tls_peerdn), which names a certificate without saying
    // whether it was checked.
    let (r, agg) = aggregate_of(load_with("mainlog", &fixture("exim-verification.log"), options()));
    assert_eq!((r.format, r.error.as_ref()), (Some(Msg::FormatExim), None));
    let t = agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4)));
    // In: CV=yes for 2 recipients; CV=no 1; DN= alone 1 and X= alone 1 unknown; P=esmtp 1 no TLS.
    assert_eq!(levels(&t.inbound), [2, 1, 1, 2]);
    // Out: CV=dane 2 and CV=yes 1; CV=no 1; X= alone 1; no X= (on a log that logs X=) 1.
    assert_eq!(levels(&t.outbound), [3, 1, 1, 1]);
}

#[test]
fn logs_without_verification_load_as_before_with_it_unknown() {
    let (_, agg) = aggregate_of(load_with("mainlog", &fixture("exim-mainlog"), options()));
    let t = agg.totals(&Filter::window(day(2025, 3, 4), day(2025, 3, 5)));
    assert_eq!(t.inbound.0, [2, 0, 0, 0, 2, 0]);
    // This older fixture writes CV= on some lines: those are counted, the rest is Unknown.
    assert_eq!(levels(&t.inbound), [0, 1, 2, 1]);
    assert_eq!(levels(&t.outbound), [2, 0, 1, 2]);
}

#[test]
fn verification_holds_past_non_ascii_noise_in_utf16_and_cut_short() {
    // Other programs' lines with non-ASCII text (journald in other locales writes such) run past
    // bytes 4096 and 65536 before the TLS sessions; the same log in UTF-16LE; and cut at every
    // 997th byte: counts stay exact whole, and a cut log never panics nor counts more.
    let log = String::from_utf8(fixture("postfix-verification.log")).unwrap();
    let noise = |n: usize| -> String { (0..n).map(|i| format!("2026-03-04T09:{:02}:00+00:00 mx dovecot[9]: imap(jürgen@contoso.com): Déconnecté — 接続終了 {i}\n", i % 60)).collect() };
    // Recognition reads the first 64 KB: the sessions start past 4096 bytes and go on past 65536.
    let (first, second) = log.split_at(log.find("postfix/smtp[201]").and_then(|i| log[..i].rfind('\n')).unwrap() + 1);
    let text = format!("{}{first}{}{second}", noise(300), noise(500));
    assert!(text.find("postfix/").unwrap() > 4096 && text.rfind("postfix/").unwrap() > 65536);
    let want = |agg: &mailflow::aggregate::Aggregate| {
        let t = agg.totals(&Filter::window(day(2026, 3, 4), day(2026, 3, 4)));
        (levels(&t.inbound), levels(&t.outbound))
    };
    let (_, plain) = aggregate_of(load_with("mail.log", text.as_bytes(), options()));
    assert_eq!(want(&plain), ([3, 4, 1, 1], [3, 3, 1, 0]));
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let (r, wide) = aggregate_of(load_with("mail.log", &utf16, options()));
    assert_eq!(r.error, None);
    assert_eq!(want(&wide), ([3, 4, 1, 1], [3, 3, 1, 0]), "UTF-16 reads the same");
    let bytes = text.as_bytes();
    for cut in (1..bytes.len()).step_by(997) {
        let (_, part) = aggregate_of(load_with("mail.log", &bytes[..cut], options()));
        let (i, o) = want(&part);
        assert!(i.iter().sum::<u64>() <= 9 && o.iter().sum::<u64>() <= 7, "cut at {cut}: {i:?} {o:?}");
        assert!(i[0] <= 3 && o[0] <= 3, "never more verified than the whole log: cut at {cut}");
    }
}
