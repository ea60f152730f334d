//! The command line: `mailflow summarize` reads an estate's files (folders, gzip, zip, stdin) on
//! every core with the page's detection and counting rules and writes one summary in Mailflow's
//! own format; `mailflow merge` adds summaries up. Arguments, output and exit codes live here;
//! finding the files is [`inputs`], reading them is [`reading`].

mod inputs;
mod reading;

use std::io::{IsTerminal, Write};

use mailflow::estate::FileSummary;
use mailflow::lang::Msg;
use mailflow::summary::summary_csv;
use mailflow::workspace::Workspace;

const USAGE: &str = "\
Usage:
  mailflow summarize PATH... [-o SUMMARY.csv [--append]] [--json] [-j THREADS]
  mailflow merge SUMMARY.csv... [-o SUMMARY.csv [--append]] [--json]

summarize  reads files, folders (recursively), gzip and zip archives, and - (stdin), with the
           same detection and counting rules as the page, and writes one summary in Mailflow's
           own format (docs/format.md). Rotated logs of one server (mail.log.2.gz, mail.log.1,
           mail.log) are read oldest first as one stream.
merge      adds summaries up (of many servers or days) into one.

  -o FILE    write the summary to FILE instead of stdout
  --append   add the rows to FILE when it exists (a daily job), without a second header
  --json     the per-file summary as JSON (on stdout with -o, else on stderr)
  -j N       read with N threads (default: every core)

Exit status: 0 when every file was used, 1 when some could not be (the others are still
summarised and written), 2 for a wrong command line.";

/// What the command line asks for.
#[derive(Debug, Default)]
struct Args {
    merge: bool,
    paths: Vec<String>,
    out: Option<String>,
    append: bool,
    json: bool,
    threads: Option<usize>,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut it = args.into_iter();
    let mut a = Args::default();
    match it.next().as_deref() {
        Some("summarize" | "summarise") => {}
        Some("merge") => a.merge = true,
        Some("-h" | "--help" | "help") => return Err(String::new()),
        None => return Err("name a command: summarize or merge".into()),
        Some(other) => return Err(format!("unknown command {other:?}")),
    }
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--output" => a.out = Some(it.next().ok_or("-o needs a file name")?),
            "--append" => a.append = true,
            "--json" => a.json = true,
            "-j" | "--threads" => {
                let n = it.next().and_then(|n| n.parse::<usize>().ok()).filter(|n| *n > 0);
                a.threads = Some(n.ok_or("-j needs a number of threads, 1 or more")?);
            }
            "-h" | "--help" => return Err(String::new()),
            "--" => a.paths.extend(it.by_ref()),
            "-" => a.paths.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}")),
            _ => a.paths.push(arg),
        }
    }
    if a.paths.is_empty() {
        return Err("name at least one file or folder (or - for stdin)".into());
    }
    if a.append && a.out.is_none() {
        return Err("--append needs -o FILE".into());
    }
    Ok(a)
}

/// Runs the command line; returns the exit status.
pub fn main(args: Vec<String>) -> i32 {
    let args = match parse(args) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return 0;
        }
        Err(e) => {
            eprintln!("mailflow: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let (files, mut failed) = inputs::list(&args.paths, args.out.as_deref());
    let mut loaded = reading::read_all(&files, threads);
    if args.merge {
        for l in &mut loaded {
            let summary = matches!(l.report.format, Some(Msg::FormatMailflowCsv | Msg::FormatMailflowExport | Msg::FormatMailflowJsonl));
            if summary && l.report.error.as_ref().is_some_and(|e| e.msg == Msg::HeaderNoRows) {
                // A summary of a day without mail: nothing to add, nothing wrong.
                l.report.error = None;
            } else if l.report.error.is_none() && !summary {
                l.report.error = Some(mailflow::lang::Said::new(Msg::Verbatim).text("is not a Mailflow summary: read it with mailflow summarize"));
                l.content = Default::default();
            }
        }
    }
    let mut workspace = Workspace::new();
    for l in failed.drain(..).chain(loaded) {
        workspace.add(l);
    }
    let reports: Vec<FileSummary> = workspace.reports().iter().map(FileSummary::of).collect();
    if let Err(e) = write_summary(&args, &workspace) {
        eprintln!("mailflow: could not write {}: {e}", args.out.as_deref().unwrap_or("the summary"));
        return 1;
    }
    let unusable = reports.iter().filter(|r| r.error.is_some()).count();
    let text = if args.json {
        mailflow::estate::summaries_json(&reports).unwrap_or_default() + "\n"
    } else {
        let mut t: String = reports.iter().map(|r| r.line() + "\n").collect();
        let tls_reports = workspace.reports().iter().filter(|r| r.format == Some(Msg::FormatTlsReport)).count();
        if tls_reports > 0 {
            t += &format!("{tls_reports} SMTP TLS reports are not part of a summary: drop them on the page.\n");
        }
        if unusable > 0 {
            t += &format!("{unusable} of {} files could not be used; the summary holds the others.\n", reports.len());
        }
        let capped = workspace.agg().partners_capped();
        if capped > 0 {
            t += &format!(
                "{capped} deliveries are in the summary without their partner: partner detail is kept for at most {} cells.\n",
                mailflow::partners::MAX_CELLS
            );
        }
        t
    };
    let shown = if args.out.is_some() { std::io::stdout().write_all(text.as_bytes()) } else { std::io::stderr().write_all(text.as_bytes()) };
    if shown.is_err() && std::io::stderr().is_terminal() {
        eprintln!("mailflow: could not write the per-file summary");
    }
    i32::from(unusable > 0)
}

/// Writes the summary to stdout or `-o FILE` (appending rows with `--append`).
fn write_summary(args: &Args, workspace: &Workspace) -> std::io::Result<()> {
    match &args.out {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(summary_csv(workspace.agg(), true).as_bytes())?;
            out.flush()
        }
        Some(path) => {
            let meta = std::fs::metadata(path).ok();
            let existing = meta.as_ref().map_or(0, |m| m.len());
            if meta.as_ref().is_some_and(|m| !m.is_file()) {
                // /dev/null, a pipe: written straight through.
                std::fs::write(path, summary_csv(workspace.agg(), !args.append))
            } else if args.append && existing > 0 {
                // Rows are only added to a summary: its first line must be the summary's header.
                let mut first = String::new();
                std::io::BufRead::read_line(&mut std::io::BufReader::new(std::fs::File::open(path)?), &mut first)?;
                if first.trim_end() != mailflow::summary::HEADER {
                    return Err(std::io::Error::other("it is not a Mailflow summary (its first line is not the summary header), so nothing was appended"));
                }
                let mut f = std::fs::OpenOptions::new().append(true).open(path)?;
                f.write_all(summary_csv(workspace.agg(), false).as_bytes())?;
                f.sync_all()
            } else {
                // Written beside (a name of this run's own) and renamed, so that a reader never
                // sees half a summary.
                let tmp = format!("{path}.{}.part", std::process::id());
                let mut f = std::fs::File::create(&tmp)?;
                f.write_all(summary_csv(workspace.agg(), true).as_bytes())?;
                f.sync_all()?;
                std::fs::rename(&tmp, path)
            }
        }
    }
}
