//! Writes Mailflow's bundled sample (or a sample of another length) as Mailflow CSV.
//!
//! Usage: `cargo run --bin gen-sample -- [OUT.csv] [--days N] [--end YYYY-MM-DD] [--seed N] [--json TOTALS.json]`
//! (stdout when no file is named). `--json` also writes the totals known by construction, which
//! the end-to-end tests compare the page against.
//!
//! `gen-sample --fleet DIR [--servers N] [--mb MB]` writes a fleet of mail servers' rotated logs
//! instead ([`mailflow::synth::fleet`]), for the command-line and Spark tests.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out: Option<String> = None;
    let mut sample_end = mailflow::sample::bundled().span.1;
    let mut days = mailflow::sample::SAMPLE_DAYS;
    let mut seed = mailflow::sample::SAMPLE_SEED;
    let mut json: Option<String> = None;
    let (mut fleet, mut servers, mut mb) = (None::<String>, 4usize, 2usize);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().unwrap_or_else(|| fail(&format!("{name} needs a value")));
        match a.as_str() {
            "--days" => days = value("--days").parse().unwrap_or_else(|_| fail("--days takes a whole number")),
            "--end" => {
                sample_end = mailflow::dates::parse_day(&value("--end")).unwrap_or_else(|| fail("--end takes YYYY-MM-DD"))
            }
            "--json" => json = Some(value("--json")),
            "--fleet" => fleet = Some(value("--fleet")),
            "--servers" => servers = value("--servers").parse().unwrap_or_else(|_| fail("--servers takes a whole number")),
            "--mb" => mb = value("--mb").parse().unwrap_or_else(|_| fail("--mb takes a whole number")),
            "--seed" => seed = value("--seed").parse().unwrap_or_else(|_| fail("--seed takes a whole number")),
            "-h" | "--help" => {
                println!("gen-sample [OUT.csv] [--days N] [--end YYYY-MM-DD] [--seed N] [--json TOTALS.json]\ngen-sample --fleet DIR [--servers N] [--mb MB] [--seed N]");
                return;
            }
            _ if out.is_none() && !a.starts_with('-') => out = Some(a),
            _ => fail(&format!("unknown argument {a}")),
        }
    }
    if let Some(dir) = fleet {
        for (path, bytes) in mailflow::synth::fleet(servers, mb << 20, seed) {
            let path = std::path::Path::new(&dir).join(path);
            let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|_| std::fs::write(&path, bytes));
            if let Err(e) = written {
                fail(&format!("could not write {}: {e}", path.display()));
            }
        }
        return;
    }
    let sample = mailflow::sample::generate(sample_end, days, seed);
    let result = match &out {
        Some(path) => std::fs::write(path, &sample.csv),
        None => std::io::stdout().write_all(sample.csv.as_bytes()),
    };
    if let Err(e) = result {
        fail(&format!("could not write: {e}"));
    }
    if let Some(path) = json {
        let totals = serde_json::json!({
            "rows": sample.rows,
            "inbound": sample.inbound.0,
            "outbound": sample.outbound.0,
            "intra_org": sample.intra_org,
            "from": sample.span.0.to_string(),
            "to": sample.span.1.to_string(),
        });
        if let Err(e) = std::fs::write(&path, totals.to_string()) {
            fail(&format!("could not write {path}: {e}"));
        }
    }
    eprintln!(
        "{} rows, {} inbound, {} outbound, {} intra-org deliveries, {} to {}",
        sample.rows,
        sample.inbound.total(),
        sample.outbound.total(),
        sample.intra_org,
        sample.span.0,
        sample.span.1
    );
}

fn fail(msg: &str) -> ! {
    eprintln!("gen-sample: {msg}");
    std::process::exit(2);
}
