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
