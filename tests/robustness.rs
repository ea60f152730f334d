//! No input makes the core panic: random bytes, random CSV-shaped text, and every fixture cut
//! short at many points or with bytes flipped, all loaded through the workspace.

use mailflow::load::load_all;
use mailflow::workspace::Workspace;

use mailflow::sample::SplitMix as Rng;

fn fixtures() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = ["tests/fixtures/exo", "tests/fixtures/logs", "tests/fixtures/tlsrpt"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    out.push(mailflow::sample::generate(chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(), 3, 7).csv.into_bytes());
    out
}

fn survive(ws: &mut Workspace, bytes: &[u8]) {
    for (loaded, _) in load_all("fuzz.bin", bytes.to_vec(), &Default::default()) {
        ws.add(loaded);
    }
    let agg = ws.agg();
    if let Some((a, b)) = agg.span() {
        let f = mailflow::aggregate::Filter::window(a, b);
        let _ = agg.details(&f);
        let _ = mailflow::insights::find(agg, &f, &Default::default());
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(1);
    let mut ws = Workspace::new();
    for _ in 0..400 {
        let len = rng.below(3000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        survive(&mut ws, &bytes);
    }
}

#[test]
fn random_csv_shaped_text_never_panics() {
    const TOKENS: &[&str] = &[
        ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "#TYPE x\n", "date", "direction", "tls", "count", "connector",
        "Volume", "No TLS", "TLS 1.0", "TLS1_2", "TLSv1.3", "2026-03-04", "2026-02-30", "3/4/2025 9:15:02 AM",
        "04.03.2025", "13/13/2025", "Inbound", "Outbound", "Intra-org", "1", "-1", "99999999999999999999", "18446744073709551615", "1e308", "NaN%", "%",
        "50%", "x@contoso.com", "##Receive, Send;", "recipient_status", "origin_timestamp_utc", "event", "detail",
        "Name", "ConnectorType", "RequireTls", "TlsSettings", "Connector direction and name", "Inbound - ", "é", "😀", "\u{0}",
        "Mar  4 09:15:01 mx postfix/smtpd[1]: ", "2025-03-04 09:15:01 1tq2Ab-000Abc-1D ", "<= ", "=> ", " H=", "[1.2.3.4]", " X=TLSv1.2:x ",
        "client=", "nrcpt=", "to=<a@b>, relay=x[1.2.3.4]:25, status=sent", "TLS connection established to x[1.2.3.4]:25: TLSv1.3 ",
        "#Fields: date-time,connector-id,session-id,event,data\n", "#Log-Type: Message Tracking Log\n", "{\"policies\":[", "\"date-range\"",
        "\x1f\u{8b}", "PK\u{3}\u{4}",
    ];
    let mut rng = Rng(2);
    let mut ws = Workspace::new();
    for _ in 0..1500 {
        let n = rng.below(120);
        let text: String = (0..n).map(|_| TOKENS[rng.below(TOKENS.len())]).collect();
        survive(&mut ws, text.as_bytes());
    }
}

#[test]
fn truncated_and_damaged_fixtures_never_panic() {
    let mut rng = Rng(3);
    let mut ws = Workspace::new();
    for bytes in fixtures() {
        let step = (bytes.len() / 60).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            survive(&mut ws, &bytes[..cut]);
        }
        for _ in 0..40 {
            let mut damaged = bytes.clone();
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(damaged.len());
                damaged[i] = rng.next() as u8;
            }
            survive(&mut ws, &damaged);
        }
    }
}
