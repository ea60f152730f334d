//! The benchmark (not a test): generates inputs with `mailflow::synth` and measures, in one run,
//! native parse + aggregate throughput per format against reference points on the same bytes —
//! a plain pass over the bytes, the `csv` crate's bare `read_byte_record` loop, and DuckDB's
//! GROUP BY (when the `duckdb` Python package is installed) — with peak memory per measurement.
//!
//! Usage: `bench [--mb N] [--dir DIR]` (N MB per format, default 256; files are reused when
//! present). Each measurement runs in a child process (`bench one WHAT FILE`) so that its peak
//! memory (VmHWM) is its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mailflow::synth::{generate, Kind};

fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Loads a file the way the browser's worker does: 4 MB pieces through `FileLoad`, so that
/// memory stays bounded by the aggregate (and the file is read again when the load asks).
fn stream_file(file: &Path) -> mailflow::load::Loaded {
    use std::io::Read;
    let mut options = mailflow::load::LoadOptions::default();
    let mut buf = vec![0u8; 4 << 20];
    loop {
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let mut load = mailflow::stream::FileLoad::new(&file.to_string_lossy(), options.clone()).with_size(size);
        let mut f = std::fs::File::open(file).expect("open the input");
        loop {
            let n = f.read(&mut buf).expect("read the input");
            if n == 0 {
                break;
            }
            load.push(&buf[..n]);
        }
        match load.finish() {
            mailflow::stream::Outcome::Done(mut parts) => return parts.remove(0).0,
            mailflow::stream::Outcome::Again(o) => options = o,
        }
    }
}

/// Runs one measurement in this process and prints `seconds deliveries peak_mb`.
fn one(what: &str, file: &Path) {
    let t = Instant::now();
    if what == "mailflow" {
        let (report, agg) = mailflow::workspace::aggregate_of(stream_file(file));
        assert!(report.error.is_none(), "{:?}", report.error);
        std::hint::black_box(&agg);
        println!("{} {} {:.1}", t.elapsed().as_secs_f64(), report.stats.deliveries, peak_mb());
        return;
    }
    let bytes = std::fs::read(file).expect("read the input");
    let deliveries: u64 = match what {
        "read" => bytes.iter().fold(0u64, |a, b| a.wrapping_add(*b as u64)) % 2,
        "csv" => {
            let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(&bytes[..]);
            let mut record = csv::ByteRecord::new();
            let mut rows = 0;
            while reader.read_byte_record(&mut record).expect("csv") {
                rows += 1;
            }
            rows
        }
        _ => panic!("unknown measurement {what}"),
    };
    println!("{} {} {:.1}", t.elapsed().as_secs_f64(), deliveries, peak_mb());
}

fn measure(what: &str, file: &Path) -> Option<(f64, u64, f64)> {
    let out = Command::new(std::env::current_exe().ok()?).args(["one", what]).arg(file).output().ok()?;
    if !out.status.success() {
        eprintln!("bench: {what} on {} failed: {}", file.display(), String::from_utf8_lossy(&out.stderr));
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace();
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

/// DuckDB's GROUP BY on the file: day, direction, connector, TLS (the page's aggregate); with
/// `summary`, also the remote host, sorted and written to a CSV file, which is what
/// `mailflow summarize` does.
fn duckdb(file: &Path, summary: bool) -> Option<f64> {
    let select = format!(
        "SELECT CAST(date AS DATE) d, direction, connector, tls, {}sum(count) FROM read_csv('{}', header=true, all_varchar=true, columns={{'date':'VARCHAR','direction':'VARCHAR','connector':'VARCHAR','tls':'VARCHAR','count':'BIGINT','remote_host':'VARCHAR','remote_ip':'VARCHAR'}}) GROUP BY ALL",
        if summary { "remote_host, " } else { "" },
        file.display()
    );
    let query = if summary { format!("COPY ({select} ORDER BY ALL) TO '{}' (HEADER)", file.with_extension("duckdb-summary.csv").display()) } else { select };
    let script = format!("import duckdb,time\nt=time.time()\nr=duckdb.sql(\"{query}\")\nr.fetchall() if r is not None else None\nprint(time.time()-t)");
    let out = Command::new("python3").args(["-c", &script]).output().ok()?;
    if !out.status.success() {
        eprintln!("bench: DuckDB skipped ({})", String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or(""));
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// Runs `mailflow summarize FILE -j THREADS` (the release binary beside this one) and returns
/// its seconds and peak memory (the child's maxrss, read by Python's `resource`).
fn cli(file: &Path, threads: usize) -> Option<(f64, f64)> {
    let exe = std::env::current_exe().ok()?.with_file_name("mailflow");
    let script = "import resource,subprocess,sys,time\nt=time.time()\nsubprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\nprint(time.time()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024)";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&exe)
        .args(["summarize", "-j", &threads.to_string()])
        .arg(file)
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!("bench: mailflow summarize on {} failed: {}", file.display(), String::from_utf8_lossy(&out.stderr));
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace();
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("one") {
        one(&args[1], Path::new(&args[2]));
        return;
    }
    if args.first().map(String::as_str) == Some("gen") {
        // bench gen KIND MB FILE: writes one input (KIND = mailflow, enhanced, postfix, exim).
        let kind = match args[1].as_str() {
            "mailflow" => Kind::MailflowCsv,
            "partners" => Kind::Partners,
            "enhanced" => Kind::Enhanced,
            "postfix" => Kind::Postfix,
            "postfix-partners" => Kind::PostfixPartners,
            _ => Kind::Exim,
        };
        let mb: usize = args[2].parse().expect("MB");
        let file = Path::new(&args[3]);
        if std::fs::metadata(file).map(|m| (m.len() as usize) < mb * 1_000_000 * 9 / 10).unwrap_or(true) {
            let (bytes, deliveries) = generate(kind, mb * 1_000_000, 42);
            std::fs::write(file, bytes).expect("write the input");
            println!("{deliveries}");
        }
        return;
    }
    let mut mb = 256usize;
    let mut dir = PathBuf::from("target/bench");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--mb" => mb = it.next().and_then(|v| v.parse().ok()).expect("--mb takes a number"),
            "--dir" => dir = PathBuf::from(it.next().expect("--dir takes a folder")),
            _ => panic!("unknown argument {a}; usage: bench [--mb N] [--dir DIR]"),
        }
    }
    std::fs::create_dir_all(&dir).expect("create the folder");
    let mut results = Vec::new();
    println!("Mailflow benchmark: {mb} MB per format in {} ({} cores)", dir.display(), std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    println!("{:<30} {:>8} {:>10} {:>12} {:>10} {:>11}", "input / measurement", "MB", "MB/s", "deliveries/s", "peak MB", "vs read");
    for kind in Kind::ALL {
        let file = dir.join(kind.file_name());
        if std::fs::metadata(&file).map(|m| (m.len() as usize) < mb * 1_000_000 * 9 / 10).unwrap_or(true) {
            let (bytes, _) = generate(kind, mb * 1_000_000, 42);
            std::fs::write(&file, bytes).expect("write the input");
        }
        let size = std::fs::metadata(&file).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
        let read = measure("read", &file);
        let rate = |s: f64| size / s;
        let row = |label: &str, m: Option<(f64, u64, f64)>, per_delivery: bool| {
            if let Some((s, n, peak)) = m {
                println!(
                    "{:<30} {:>8.0} {:>10.0} {:>12} {:>10.0} {:>10.2}x",
                    label,
                    size,
                    rate(s),
                    if per_delivery { format!("{:.0}", n as f64 / s) } else { "-".into() },
                    peak,
                    read.map(|r| r.0 / s).unwrap_or(0.0)
                );
            }
        };
        row(&format!("{} read", kind.file_name()), read, false);
        let mailflow = measure("mailflow", &file);
        if let Some((s, n, peak)) = mailflow {
            results.push(format!("\"{}\": {{\"mb\": {size:.1}, \"seconds\": {s:.3}, \"deliveries\": {n}, \"peak_mb\": {peak:.1}}}", kind.file_name()));
        }
        row(&format!("{} Mailflow", kind.file_name()), mailflow, true);
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        let one_core = cli(&file, 1);
        let all_cores = cli(&file, cores);
        for (label, m) in [("summarize, 1 core", one_core), ("summarize, all cores", all_cores)] {
            row(&format!("{} {label}", kind.file_name()), m.map(|(s, peak)| (s, 0, peak)), false);
        }
        if let (Some((s, _)), Some(r)) = (one_core, read) {
            println!("  mailflow summarize on one core: {:.0}% of a plain read", 100.0 * r.0 / s);
        }
        if matches!(kind, Kind::MailflowCsv | Kind::Partners) {
            if let (Some((s, _)), Some(d)) = (all_cores, duckdb(&file, true)) {
                println!("  DuckDB writing the same summary (GROUP BY with the remote host, ORDER BY, COPY TO CSV) {:.0} MB/s; ratio mailflow summarize on {cores} cores / it (throughput): {:.2}", rate(d), d / s);
            }
            let csv = measure("csv", &file);
            row(&format!("{} csv crate", kind.file_name()), csv, false);
            if let (Some(m), Some(c)) = (mailflow, csv) {
                println!("  ratio Mailflow / csv tokenising (throughput): {:.2}", c.0 / m.0);
            }
            match (mailflow, duckdb(&file, false)) {
                (Some(m), Some(d)) => println!("  DuckDB GROUP BY {:.0} MB/s; ratio Mailflow / DuckDB (throughput): {:.2}", rate(d), d / m.0),
                _ => println!("  DuckDB: not measured (pip install duckdb)"),
            }
        }
    }
    std::fs::write(dir.join("native.json"), format!("{{{}}}\n", results.join(", "))).expect("write native.json");
}
