//! The command line (`mailflow summarize` / `merge`), run as a program: its summary loads back to
//! what the raw files give (details, partners, insights, export), rotated sets keep sessions that
//! cross a rotation, every core gives what one gives, and bad input is named with exit status 1.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use mailflow::aggregate::{Aggregate, Filter};
use mailflow::export::details_csv;
use mailflow::insights::{find, Thresholds};
use mailflow::load::load_bytes;
use mailflow::model::Direction;
use mailflow::workspace::Workspace;

fn mailflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mailflow")).args(args).output().expect("run mailflow")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mailflow-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What the views show of an aggregate: the export, the partners behind every connector and
/// direction, and the insights, over its whole span.
fn views(agg: &Aggregate) -> String {
    let Some((a, b)) = agg.span() else { return String::new() };
    let f = Filter::window(a, b);
    let mut out = details_csv(&agg.details(&f));
    for (dir, info) in agg.connectors() {
        out += &format!("{dir:?} {}: {:?}\n", info.name, agg.partners(&f, dir, Some(&info.name)));
    }
    for dir in Direction::ALL {
        out += &format!("{dir:?}: {:?}\n", agg.partners(&f, dir, None));
    }
    out + &format!("{:?}\n{:?}\n", agg.totals(&f), find(agg, &f, &Thresholds::default()))
}

/// The workspace the page would have after these files were dropped, one by one.
fn page(files: &[PathBuf]) -> Workspace {
    let mut w = Workspace::new();
    for f in files {
        w.add(load_bytes(&f.to_string_lossy(), &std::fs::read(f).unwrap()));
    }
    w
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    v
}

#[test]
fn the_summary_loads_back_to_what_the_raw_files_show() {
    let dir = scratch("roundtrip");
    let sample = dir.join("sample.csv");
    std::fs::write(&sample, mailflow::sample::bundled().csv).unwrap();
    let mut raw = files_in(&fixtures().join("logs"));
    raw.extend(files_in(&fixtures().join("exo")));
    raw.push(sample);
    let out = dir.join("summary.csv");
    let mut args = vec!["summarize".to_string()];
    args.extend(raw.iter().map(|p| p.to_string_lossy().into_owned()));
    args.extend(["-o".into(), out.to_string_lossy().into_owned()]);
    let run = mailflow(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let per_file = String::from_utf8_lossy(&run.stdout);
    assert!(per_file.contains("postfix-mail.log: Postfix log, 9 deliveries from 31 rows"), "{per_file}");

    let from_raw = page(&raw);
    let from_summary = page(std::slice::from_ref(&out));
    assert!(!from_raw.agg().is_empty());
    let (a, b) = (views(from_raw.agg()), views(from_summary.agg()));
    assert!(a.contains("No TLS") && a.lines().count() > 40, "the views hold something to compare:\n{a}");
    assert_eq!(b, a);

    // Merging the summary with a copy of itself (another server's, say) doubles it, as dropping
    // both on the page would. (The same path named twice is read once.)
    let merged = dir.join("merged.csv");
    let copy = dir.join("copy.csv");
    std::fs::copy(&out, &copy).unwrap();
    let run = mailflow(&["merge", out.to_str().unwrap(), copy.to_str().unwrap(), "-o", merged.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(views(page(&[merged]).agg()), views(page(&[out.clone(), out.clone()]).agg()));
}

/// A Postfix log cut in the middle of sessions into a rotated set (`mail.log.2.gz`,
/// `mail.log.1`, `mail.log`) gives what the whole log gives; read as three separate files it
/// would not (the sessions cut by a rotation would lose their TLS and partners).
#[test]
fn a_rotated_set_is_read_as_one_log() {
    let dir = scratch("rotation");
    let (log, _) = mailflow::synth::generate(mailflow::synth::Kind::Postfix, 400_000, 7);
    let whole = dir.join("whole.log");
    std::fs::write(&whole, &log).unwrap();
    let servers = dir.join("servers/mx1");
    std::fs::create_dir_all(&servers).unwrap();
    let cut = |at: usize| at + log[at..].iter().position(|b| *b == b'\n').unwrap() + 1;
    let (a, b) = (cut(log.len() / 3), cut(2 * log.len() / 3));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &log[..a]).unwrap();
    std::fs::write(servers.join("mail.log.2.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(servers.join("mail.log.1"), &log[a..b]).unwrap();
    std::fs::write(servers.join("mail.log"), &log[b..]).unwrap();

    let one = mailflow(&["summarize", whole.to_str().unwrap()]);
    let set = mailflow(&["summarize", dir.join("servers").to_str().unwrap()]);
    assert_eq!(set.status.code(), Some(0), "{}", String::from_utf8_lossy(&set.stderr));
    assert!(String::from_utf8_lossy(&set.stderr).contains("mail.log.2.gz … "), "one summary for the set: {}", String::from_utf8_lossy(&set.stderr));
    assert!(one.stdout.len() > 1000);
    assert_eq!(String::from_utf8_lossy(&set.stdout), String::from_utf8_lossy(&one.stdout));

    // The same three files read apart count differently: the test can tell.
    let mut apart = Workspace::new();
    for name in ["mail.log.2.gz", "mail.log.1", "mail.log"] {
        apart.add(mailflow::load::load_all(name, std::fs::read(servers.join(name)).unwrap(), &Default::default()).remove(0).0);
    }
    assert_ne!(mailflow::summary::summary_csv(apart.agg(), true), String::from_utf8_lossy(&one.stdout));
}

/// A large Mailflow CSV and a large Exim log are split into byte ranges on every core and give
/// exactly what one thread gives, byte for byte, per-file summary included.
#[test]
fn every_core_gives_what_one_core_gives() {
    let dir = scratch("cores");
    for (kind, name) in [(mailflow::synth::Kind::Partners, "partners.csv"), (mailflow::synth::Kind::Exim, "mainlog")] {
        let (bytes, deliveries) = mailflow::synth::generate(kind, mailflow::split::MIN_SPLIT_BYTES as usize + 4096, 11);
        let file = dir.join(name);
        std::fs::write(&file, &bytes).unwrap();
        let one = mailflow(&["summarize", "-j", "1", file.to_str().unwrap(), "--json"]);
        let four = mailflow(&["summarize", "-j", "4", file.to_str().unwrap(), "--json"]);
        assert_eq!(four.status.code(), Some(0), "{name}");
        assert!(one.stdout.len() > 10_000, "{name}");
        assert_eq!(four.stdout, one.stdout, "{name}");
        assert_eq!(String::from_utf8_lossy(&four.stderr), String::from_utf8_lossy(&one.stderr), "{name}: the same per-file summary");
        let summary: serde_json::Value = serde_json::from_slice(&four.stderr).unwrap();
        assert_eq!(summary[0]["deliveries"].as_u64(), Some(deliveries), "{name}");
    }
}

#[test]
fn unreadable_input_is_named_and_the_rest_is_summarised() {
    let dir = scratch("bad");
    let good = fixtures().join("logs/exim-mainlog");
    let photo = dir.join("photo.jpg");
    std::fs::write(&photo, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1, 2, 3]).unwrap();
    let missing = dir.join("missing.log");
    let run = mailflow(&["summarize", good.to_str().unwrap(), photo.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(said.contains("photo.jpg: "), "{said}");
    assert!(said.contains("missing.log: could not be read"), "{said}");
    assert!(said.contains("2 of 3 files could not be used"), "{said}");
    let alone = mailflow(&["summarize", good.to_str().unwrap()]);
    assert_eq!(run.stdout, alone.stdout, "the good file is still summarised");

    let merge = mailflow(&["merge", good.to_str().unwrap()]);
    assert_eq!(merge.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&merge.stderr).contains("is not a Mailflow summary"));
    assert_eq!(mailflow(&["summarize"]).status.code(), Some(2));
    assert_eq!(mailflow(&["summarize", "-j", "0", "x"]).status.code(), Some(2));
}

#[test]
fn stdin_and_a_daily_append() {
    let dir = scratch("append");
    let log = fixtures().join("logs/postfix-mail.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailflow"))
        .args(["summarize", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), &std::fs::read(&log).unwrap()).unwrap();
    drop(child.stdin.take());
    let piped = child.wait_with_output().unwrap();
    assert_eq!(piped.stdout, mailflow(&["summarize", log.to_str().unwrap()]).stdout);

    let out = dir.join("daily.csv");
    for _ in 0..2 {
        let run = mailflow(&["summarize", log.to_str().unwrap(), "-o", out.to_str().unwrap(), "--append"]);
        assert_eq!(run.status.code(), Some(0));
    }
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("date,direction").count(), 1, "one header");
    assert_eq!(views(page(&[out]).agg()), views(page(&[log.clone(), log]).agg()));
}

/// A file named twice (itself and its folder) is read once; the summary written into the folder
/// it reads is not read back on the next run; a summary without rows (a day without mail)
/// merges as nothing; rows are appended only to a summary.
#[test]
fn inputs_named_twice_outputs_in_the_input_folder_and_empty_summaries() {
    let dir = scratch("twice");
    let log = dir.join("exim-mainlog");
    std::fs::copy(fixtures().join("logs/exim-mainlog"), &log).unwrap();
    let once = mailflow(&["summarize", log.to_str().unwrap()]);
    let twice = mailflow(&["summarize", log.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(twice.stdout, once.stdout, "the file and its folder: read once");

    let out = dir.join("summary.csv");
    for _ in 0..2 {
        let run = mailflow(&["summarize", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
    }
    assert_eq!(std::fs::read(&out).unwrap(), once.stdout, "the second run did not read the first run's summary");

    let empty = dir.join("empty-day.csv");
    std::fs::write(&empty, format!("{}\r\n", mailflow::summary::HEADER)).unwrap();
    let merged = mailflow(&["merge", empty.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(merged.status.code(), Some(0), "{}", String::from_utf8_lossy(&merged.stderr));
    assert_eq!(merged.stdout, once.stdout);

    let other = dir.join("other.csv");
    std::fs::write(&other, "name,value\r\na,1\r\n").unwrap();
    let appended = mailflow(&["summarize", log.to_str().unwrap(), "-o", other.to_str().unwrap(), "--append"]);
    assert_eq!(appended.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&appended.stderr).contains("not a Mailflow summary"));
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "name,value\r\na,1\r\n", "left as it was");
    assert_eq!(mailflow(&[]).status.code(), Some(2), "no command is a wrong command line");
}
