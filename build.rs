//! Builds the message catalogue's keys from `src/lang/en.ftl` and refuses to build when another
//! language misses a message, has one English does not, or uses other placeholders: a text
//! missing in any language is a build error, not a blank on the page.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The languages whose files must hold every message, English first.
const LANGUAGES: [&str; 6] = ["en", "de", "nl", "fr", "es", "ja"];

/// A message: its id, its English text (for the enum's documentation) and its variables.
struct Message {
    id: String,
    english: String,
    variables: BTreeSet<String>,
}

fn main() {
    let dir = Path::new("src/lang");
    println!("cargo:rerun-if-changed=src/lang");
    let mut catalogues: BTreeMap<&str, Vec<Message>> = BTreeMap::new();
    for code in LANGUAGES {
        let file = dir.join(format!("{code}.ftl"));
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        catalogues.insert(code, messages(&file, &text));
    }
    let english = &catalogues["en"];
    let mut problems = Vec::new();
    for code in &LANGUAGES[1..] {
        let theirs: BTreeMap<&str, &Message> = catalogues[code].iter().map(|m| (m.id.as_str(), m)).collect();
        for m in english {
            match theirs.get(m.id.as_str()) {
                None => problems.push(format!("{code}.ftl has no message {}", m.id)),
                Some(t) if t.variables != m.variables => {
                    problems.push(format!("{code}.ftl: {} uses {:?}, English uses {:?}", m.id, t.variables, m.variables))
                }
                Some(_) => {}
            }
        }
        for t in &catalogues[code] {
            if !english.iter().any(|m| m.id == t.id) {
                problems.push(format!("{code}.ftl has {}, which English does not", t.id));
            }
        }
    }
    if !problems.is_empty() {
        panic!("the message catalogue is incomplete:\n  {}", problems.join("\n  "));
    }

    let mut out = String::new();
    out.push_str("/// Every fixed text of the interface, one per message of `src/lang/en.ftl`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]\npub enum Msg {\n");
    for m in english {
        let _ = writeln!(out, "    #[doc = {:?}]\n    {},", m.english, m.id);
    }
    out.push_str("}\n\nimpl Msg {\n    /// Every message, in the catalogue's order.\n    pub const ALL: &'static [Msg] = &[");
    for m in english {
        let _ = write!(out, "Msg::{}, ", m.id);
    }
    out.push_str("];\n\n    /// The message's id in the catalogue files.\n    pub fn id(self) -> &'static str {\n        match self {\n");
    for m in english {
        let _ = writeln!(out, "            Msg::{0} => {0:?},", m.id);
    }
    out.push_str("        }\n    }\n}\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("msg.rs");
    std::fs::write(target, out).unwrap();
}

/// The messages of one catalogue file; a syntax error stops the build with its place.
fn messages(file: &Path, text: &str) -> Vec<Message> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
        let first = &errors[0];
        let line = text.get(..first.pos.start).map_or(0, |t| t.lines().count());
        panic!("{} line {line}: {:?} ({} errors)", file.display(), first.kind, errors.len())
    });
    let mut out = Vec::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let pattern = m.value.unwrap_or_else(|| panic!("{}: {} has no value", file.display(), m.id.name));
            let mut variables = BTreeSet::new();
            let mut english = String::new();
            walk(&pattern, &mut variables, &mut english);
            out.push(Message { id: m.id.name.to_string(), english, variables });
        }
    }
    out
}

/// Collects a pattern's variables and a plain rendering of it.
fn walk(pattern: &Pattern<&str>, variables: &mut BTreeSet<String>, text: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => expression_of(expression, variables, text),
        }
    }
}

fn expression_of(expression: &Expression<&str>, variables: &mut BTreeSet<String>, text: &mut String) {
    match expression {
        Expression::Inline(inline) => inline_of(inline, variables, text),
        Expression::Select { selector, variants } => {
            inline_of(selector, variables, &mut String::new());
            for (i, v) in variants.iter().enumerate() {
                let mut own = String::new();
                walk(&v.value, variables, &mut own);
                if v.default || i + 1 == variants.len() && text.is_empty() {
                    text.push_str(&own);
                }
            }
        }
    }
}

fn inline_of(inline: &InlineExpression<&str>, variables: &mut BTreeSet<String>, text: &mut String) {
    match inline {
        InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_string());
            let _ = write!(text, "{{${}}}", id.name);
        }
        InlineExpression::StringLiteral { value } => text.push_str(value),
        InlineExpression::Placeable { expression } => expression_of(expression, variables, text),
        _ => {}
    }
}
