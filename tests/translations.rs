//! Every text the views, charts and insights show comes from the language catalogue
//! (`mailflow::lang`): a label written straight into a view would stay English in German.
//! This reads the sources of the browser views, the charts and the insights and fails on any
//! string literal with words in it, whatever its case, unless it is the value of an attribute
//! that is not read (a class, a test id, a type) or a name the code uses (a parameter, an event,
//! a key) listed below. What the core says about a file cannot slip through as a string: it is a
//! `lang::Said`, which only the catalogue's messages make.

use std::fs;
use std::path::{Path, PathBuf};

/// Literals with words that are not interface text: the product's name, names the code uses
/// that look like words (URL parameters, storage keys, events, select values) and messages for
/// developers (the embedding API's rejections, the console, bug-report details).
const NOT_INTERFACE_TEXT: &[&str] = &[
    "Mailflow",                    // the product's name, the same in every language
    "Mailflow: PNG export failed", // the developer console
    "Escape",                      // key names
    "Tab",
    "Enter",
    "MAILFLOW_DEMO", // a build variable
    "UTC",           // time zones
    // URL parameters, storage keys, select values, events, message fields and DOM names
    "connector", "main", "tls", "view", "all", "to", "range", "lang", "from", "dir", "type", "flow", "report", "payload", "msg",
    "message", "file", "custom", "filter", "filterchange", "loaded", "error", "language", "height", "direction",
    "descending", "ascending", "date", "count", "chart", "none", "hidden", "width", "canvas", "div", "sources", "theme",
    "dark", "embed", "iframe", "origins", "detail", "load", "name", "data", "ready", "copy", "done", "value", "src",
    "in", "out", "mailflow", "format", "deliveries", "sample", "time", "when", "way", "relay", "route", "cipher",
    "protocol", "volume", "messages", "host", "server", "partner", "tls10", "security", "map", "adding", "reading",
    "performance", "mark", "requestIdleCallback", "timeout",
    // Column names a header is matched against (the files' own words).
    // Messages for developers: the embedding API's promise rejections and the console
    "no document", "no body", "no 2d context", "the data could not be read",
    "load() takes a File, a Blob, an ArrayBuffer, a Uint8Array or text", "the mount ran",
    "this Mailflow instance was unmounted", "a Blob from text", "reading {name} was cancelled", "loading was stopped",
    "no window", "button, a[href], select, input",
    // A bug report's details, copied to the developers in English
    "{d}\\nFile: {}",
];

/// Whether a literal is a name the code uses rather than text: no spaces, and a character
/// words do not have (`mf-note`, `image/png`, `{testid}-svg`, `mailflow.language`).
fn looks_like_code(text: &str) -> bool {
    !text.chars().any(char::is_whitespace) && text.chars().any(|c| "-_.:/{}=<>;+[]()$%#@&*".contains(c))
}

/// The literal without its format placeholders (`{name}`, `{:.0}`) and markup tags (the SVG a
/// chart writes around its text): their names are code.
fn without_placeholders(text: &str) -> String {
    let (mut out, mut depth, mut tag) = (String::new(), 0, false);
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            '<' => tag = true,
            '>' if tag => tag = false,
            _ if depth == 0 && !tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Attributes whose values nobody reads as text (the ones people read, such as `aria-label`,
/// `title`, `placeholder` and `alt`, are not here).
const CODE_ATTRIBUTES: &[&str] = &[
    "class", "data-testid", "testid", "scope", "role", "type", "value", "aria-hidden", "id", "for", "name", "href",
    "rel", "accept", "autocomplete", "inputmode", "style", "lang", "target", "download", "min", "max", "step",
    "aria-live", "aria-controls", "aria-describedby", "aria-labelledby", "aria-modal", "aria-expanded", "aria-sort",
    "aria-current", "aria-haspopup", "aria-pressed", "tabindex", "method", "enctype", "dir", "spellcheck", "src",
    "viewBox", "fill", "stroke", "d", "width", "height", "xmlns", "focusable", "hidden", "loading", "aria-busy",
    "aria-valuemin", "aria-valuemax", "aria-valuenow", "aria-atomic", "aria-invalid", "aria-required",
];

/// Whether a literal has a word in it (two letters in a row, in any script).
fn has_words(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

/// The string literals of Rust source outside comments and `#[cfg(test)]` modules, with the
/// line each starts on.
fn literals(source: &str) -> Vec<(usize, String)> {
    attributed_literals(source).into_iter().map(|(line, _, text)| (line, text)).collect()
}

/// The string literals with the line each starts on and the attribute it is the value of
/// (`class` in `class="mf-x"`), if any.
fn attributed_literals(source: &str) -> Vec<(usize, Option<String>, String)> {
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
                let attribute = (i > 0 && chars[i - 1] == '=').then(|| {
                    let name: String = chars[..i - 1].iter().rev().take_while(|c| c.is_alphanumeric() || **c == '-' || **c == '_').collect();
                    name.chars().rev().collect::<String>()
                });
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
                out.push((start, attribute, text));
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
    let mut files = Vec::new();
    let mut folders = vec![root.join("ui")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.extend(["chart.rs", "insights.rs", "flow_map.rs", "trend.rs"].map(|f| root.join(f)));
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
        for (line, attribute, text) in attributed_literals(&source) {
            let code_attribute = attribute.is_some_and(|a| CODE_ATTRIBUTES.contains(&a.as_str()));
            let text_like = has_words(&without_placeholders(&text)) && !looks_like_code(&text);
            if text_like && !code_attribute && !NOT_INTERFACE_TEXT.contains(&text.as_str()) {
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

#[test]
fn the_scan_catches_text_whatever_its_case_but_not_code_attributes() {
    let source = "view! { <p class=\"mf-note\" aria-label=\"close it\">\"loaded \"{n}\"ファイル\"</p> }";
    let found: Vec<(Option<String>, String)> = attributed_literals(source).into_iter().map(|(_, a, t)| (a, t)).collect();
    assert_eq!(found[0], (Some("class".to_string()), "mf-note".to_string()));
    assert_eq!(found[1], (Some("aria-label".to_string()), "close it".to_string()), "a read attribute is text");
    assert!(has_words("loaded ") && has_words("ファイル") && !has_words(" · "));
    assert!(!has_words(&without_placeholders(" ({dirs})")) && has_words(&without_placeholders("{n} files")));
    assert!(looks_like_code("mf-note") && looks_like_code("image/svg+xml") && !looks_like_code("waiting") && !looks_like_code("MB/s left"));
}
