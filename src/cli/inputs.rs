//! The files the command line names: files as they are, folders walked recursively in name
//! order (hidden entries left out), `-` read from stdin once; a path that cannot be listed gets
//! a load summary saying so.

use std::path::Path;

use mailflow::load::Loaded;

/// A file to read.
pub enum Input {
    /// A file on disk: its path as named and its size.
    File { path: String, size: u64 },
    /// What stdin held.
    Stdin(Vec<u8>),
}

impl Input {
    /// The name its load summary uses.
    pub fn name(&self) -> &str {
        match self {
            Input::File { path, .. } => path,
            Input::Stdin(_) => "-",
        }
    }

    /// Its size in bytes.
    pub fn size(&self) -> u64 {
        match self {
            Input::File { size, .. } => *size,
            Input::Stdin(b) => b.len() as u64,
        }
    }
}

/// Lists the inputs the paths name, and a failed load for each path that cannot be read. A file
/// named twice (`mail.log` and its folder) is read once; `skip` (the summary being written, and
/// what is left of an interrupted write) is not read at all.
pub fn list(paths: &[String], skip: Option<&str>) -> (Vec<Input>, Vec<Loaded>) {
    let (mut files, mut failed) = (Vec::new(), Vec::new());
    let mut stdin_read = false;
    for p in paths {
        if p == "-" {
            if !stdin_read {
                stdin_read = true;
                let mut bytes = Vec::new();
                match std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes) {
                    Ok(_) => files.push(Input::Stdin(bytes)),
                    Err(e) => failed.push(mailflow::estate::unreadable("-", &e)),
                }
            }
            continue;
        }
        walk(Path::new(p), &mut files, &mut failed);
    }
    // The summary's own path, made absolute through its folder (the file may not exist yet).
    let skip = skip.and_then(|s| {
        let p = Path::new(s);
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    });
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| match f {
        Input::Stdin(_) => true,
        Input::File { path, .. } => {
            let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.into());
            let written_here = skip.as_ref().is_some_and(|s| &real == s || real.to_string_lossy().strip_suffix(".part").is_some_and(|r| r.starts_with(&*s.to_string_lossy())));
            !written_here && seen.insert(real)
        }
    });
    (files, failed)
}

fn walk(path: &Path, files: &mut Vec<Input>, failed: &mut Vec<Loaded>) {
    let name = path.to_string_lossy().into_owned();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return failed.push(mailflow::estate::unreadable(&name, &e)),
    };
    if meta.is_file() {
        return files.push(Input::File { path: name, size: meta.len() });
    }
    if !meta.is_dir() {
        let e = std::io::Error::other("not a file or a folder");
        return failed.push(mailflow::estate::unreadable(&name, &e));
    }
    let entries = match std::fs::read_dir(path) {
        Ok(e) => e,
        Err(e) => return failed.push(mailflow::estate::unreadable(&name, &e)),
    };
    let mut children: Vec<_> = entries.filter_map(Result::ok).filter(|e| !e.file_name().to_string_lossy().starts_with('.')).collect();
    children.sort_by_key(|e| e.file_name());
    for child in children {
        // A link to a folder is not followed (it could lead back up); a link to a file is read.
        let is_dir_link = child.file_type().map(|t| t.is_symlink()).unwrap_or(false) && child.path().is_dir();
        if !is_dir_link {
            walk(&child.path(), files, failed);
        }
    }
}
