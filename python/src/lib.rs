//! `mailflow_core`: Mailflow's core as a Python module, for Apache Spark executors and scripts.
//! The same detection, counting rules and summary format as the page and `mailflow summarize`;
//! only the bytes in and the summary out cross into Python.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The rotated set a file belongs to: its path without the rotation suffix and `.gz`
/// (`/var/log/mail.log.2.gz` → `/var/log/mail.log`). Files of one set must be summarised
/// together so that sessions crossing a rotation are kept.
#[pyfunction]
fn rotation_set(path: &str) -> String {
    mailflow::estate::rotation(path).0.to_string()
}

/// Summarises files given as `(name, bytes)` pairs (gzip and zip are opened; a rotated set is
/// read oldest first as one log): returns the summary CSV (with its header when `header`) and
/// the per-file summaries as JSON.
#[pyfunction]
#[pyo3(signature = (files, header = true))]
fn summarize(py: Python<'_>, files: Vec<(String, Vec<u8>)>, header: bool) -> PyResult<(String, String)> {
    let (csv, summaries) = py.detach(|| mailflow::estate::summarise_bytes(&files, header));
    let json = serde_json_text(&summaries)?;
    Ok((csv, json))
}

/// Adds summaries up: returns one summary CSV with its header, exactly what `mailflow merge`
/// writes. A text that is not a Mailflow summary raises `ValueError` naming its position.
#[pyfunction]
fn merge(py: Python<'_>, summaries: Vec<String>) -> PyResult<String> {
    // A summary with no rows (a set without deliveries: a README, an empty log) adds nothing.
    let files: Vec<(String, Vec<u8>)> = summaries
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.lines().any(|l| !l.trim().is_empty() && l.trim_end() != mailflow::summary::HEADER))
        .map(|(i, s)| (format!("summary-{i}.csv"), s.into_bytes()))
        .collect();
    let (csv, reports) = py.detach(|| mailflow::estate::summarise_bytes(&files, true));
    match reports.iter().find(|r| r.error.is_some() || !r.format.as_deref().is_some_and(|f| f.starts_with("Mailflow"))) {
        Some(bad) => Err(PyValueError::new_err(format!("{} is not a Mailflow summary: {}", bad.file, bad.error.clone().unwrap_or_default()))),
        None => Ok(csv),
    }
}

fn serde_json_text(summaries: &[mailflow::estate::FileSummary]) -> PyResult<String> {
    mailflow::estate::summaries_json(summaries).map_err(|e| PyValueError::new_err(e.to_string()))
}

#[pymodule]
fn mailflow_core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rotation_set, m)?)?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(merge, m)?)?;
    Ok(())
}
