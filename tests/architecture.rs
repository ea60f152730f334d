//! The house rules that the compiler does not check, read from the sources: the interface's state
//! is a leaf, the interface's modules import each other without a circle, and the interface takes
//! nothing from the parsers (`formats`, `detect`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module under `src/ui` (`loader`, `loading::queue`, …) with the `crate::ui` modules its
/// code (comments left out) names.
fn ui_imports() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let name = |p: &Path| {
        let rel = p.strip_prefix(&root).unwrap().with_extension("");
        let rel = rel.to_string_lossy().replace('/', "::");
        rel.strip_suffix("::mod").map(str::to_string).unwrap_or(if rel == "mod" { String::new() } else { rel })
    };
    let modules: BTreeSet<String> = files.iter().map(|f| name(f)).collect();
    let mut out = BTreeMap::new();
    for f in &files {
        let me = name(f);
        let code: String = std::fs::read_to_string(f).unwrap().lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
        let mut deps = BTreeSet::new();
        for (at, _) in code.match_indices("crate::ui::") {
            let rest = &code[at + "crate::ui::".len()..];
            // `crate::ui::a::b`, `crate::ui::a`, or `crate::ui::{a, b::c}` / `crate::ui::a::{b, c}`.
            let path: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let path = path.trim_end_matches(':');
            let mut names = vec![path.to_string()];
            if let Some(group) = rest.get(path.len()..).and_then(|r| r.trim_start_matches(':').strip_prefix('{')).and_then(|r| r.split('}').next()) {
                names = group.split(',').map(|n| format!("{}{}", if path.is_empty() { String::new() } else { format!("{path}::") }, n.trim().split("::").next().unwrap_or(""))).collect();
            }
            for n in names {
                // The longest module the path names.
                let mut parts: Vec<&str> = n.split("::").filter(|p| !p.is_empty()).collect();
                while !parts.is_empty() && !modules.contains(&parts.join("::")) {
                    parts.pop();
                }
                let dep = parts.join("::");
                if !dep.is_empty() && dep != me && !me.starts_with(&format!("{dep}::")) {
                    deps.insert(dep);
                }
            }
        }
        out.insert(me, deps);
    }
    out
}

#[test]
fn the_interface_state_is_a_leaf() {
    let imports = ui_imports();
    assert!(imports.len() > 15, "the sources were read: {imports:?}");
    assert_eq!(imports.get("state"), Some(&BTreeSet::new()), "ui/state.rs must not import other interface modules");
}

#[test]
fn the_interface_modules_form_no_circle() {
    let imports = ui_imports();
    // Depth-first search for a path back to where it started.
    fn visit<'a>(m: &'a str, g: &'a BTreeMap<String, BTreeSet<String>>, path: &mut Vec<&'a str>, done: &mut BTreeSet<&'a str>) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| *p == m) {
            return Some(path[i..].iter().map(|s| s.to_string()).chain([m.to_string()]).collect());
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for d in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in imports.keys() {
        if let Some(circle) = visit(m, &imports, &mut Vec::new(), &mut done) {
            panic!("the interface modules import each other in a circle: {}", circle.join(" -> "));
        }
    }
    assert!(imports["loading::queue"].contains("loading::workers"), "the import reader sees imports: {imports:?}");
}

#[test]
fn the_interface_takes_nothing_from_the_parsers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for needle in ["crate::formats", "crate::detect"] {
                assert!(!text.contains(needle), "{} uses {needle}: the interface never parses", path.display());
            }
        }
    }
}
