//! Every text the views, charts and insights show comes from the language catalogue
//! (`mailflow::lang`): a label written straight into a view would stay English in German.
//! This reads the sources of the browser views, the charts and the insights and fails on a string
//! literal that looks like interface text (a capitalised one). What the core says about a file
//! cannot slip through as a string: it is a `lang::Said`, which only the catalogue's messages make.

use std::fs;
use std::path::{Path, PathBuf};

/// Literals that start with a capital letter and are not interface text.
const NOT_INTERFACE_TEXT: &[&str] = &[
    "Mailflow",                    // the product's name, the same in every language
    "Mailflow: PNG export failed", // the developer console
    "Escape",                      // key names
    "Tab",
    "MAILFLOW_DEMO", // a build variable
    "UTC",           // time zones
    "UTC{}{:02}:{:02}",
];

/// The string literals of Rust source outside comments and `#[cfg(test)]` modules, with the
/// line each starts on.
fn literals(source: &str) -> Vec<(usize, String)> {
    let source = source.split("#[cfg(test)]").next().unwrap_or("");
    let chars: Vec<char> = source.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    while i < chars.len() {
        match chars[i] {
            '\n' => line += 1,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            // A char literal such as '"' (a lifetime's quote is skipped as it is).
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 2,
            '\'' if chars.get(i + 1) == Some(&'\\') && chars.get(i + 3) == Some(&'\'') => i += 3,
            '"' => {
                let (start, mut text) = (line, String::new());
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        text.push(chars[i]);
                        i += 1;
                    }
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                out.push((start, text));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The sources whose text users read.
fn view_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("ui")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "rs")).collect();
    files.extend([root.join("chart.rs"), root.join("insights.rs")]);
    files.sort();
    files
}

#[test]
fn views_take_their_text_from_the_catalogue() {
    let mut found = Vec::new();
    let files = view_sources();
    assert!(files.len() > 10, "the view sources were found: {files:?}");
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        for (line, text) in literals(&source) {
            if text.starts_with(|c: char| c.is_ascii_uppercase()) && !NOT_INTERFACE_TEXT.contains(&text.as_str()) {
                found.push(format!("{}:{line}: \"{text}\"", file.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    assert!(found.is_empty(), "interface text outside mailflow::lang (add it to the catalogue):\n{}", found.join("\n"));
}

#[test]
fn the_scan_sees_literals_and_skips_comments_and_tests() {
    let source = "// \"Not this\"\nlet a = '\"'; view! { <p>\"Drop files here\"</p> }\nlet b = \"x\\\"Y\";\n#[cfg(test)]\nmod t { \"Test text\" }";
    assert_eq!(literals(source), vec![(2, "Drop files here".to_string()), (3, "x\\\"Y".to_string())]);
}
