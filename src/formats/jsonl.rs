//! A flat JSON object, read from one line at byte level: its keys and values as spans of the line
//! (a string with escapes is unescaped into a scratch buffer), with no allocation per line once
//! the buffers have grown. Mailflow's JSON Lines hold one such object per line; values may be
//! strings, numbers, booleans or null (a nested object or array is kept as its raw text).

use crate::lang::{Msg, Said};

/// Where a key's or value's text is: in the line, or in the scratch buffer (unescaped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// `line[start..end]`.
    Line(usize, usize),
    /// `scratch[start..end]`.
    Scratch(usize, usize),
}

/// A reader of flat objects that keeps its buffers between lines.
#[derive(Clone, Debug, Default)]
pub struct FlatObject {
    /// Key and value spans of the last line read, in order.
    pub pairs: Vec<(Span, Span)>,
    scratch: String,
}

impl FlatObject {
    /// The text of a span of `line` (the line given to the last [`FlatObject::read`]).
    pub fn text<'a>(&'a self, line: &'a str, span: Span) -> &'a str {
        match span {
            Span::Line(a, b) => line.get(a..b).unwrap_or(""),
            Span::Scratch(a, b) => self.scratch.get(a..b).unwrap_or(""),
        }
    }

    /// Reads one line holding a JSON object; on failure says what was wrong and at which column.
    pub fn read(&mut self, line: &str) -> Result<(), Said> {
        self.pairs.clear();
        self.scratch.clear();
        let b = line.as_bytes();
        let mut i = skip_ws(b, 0);
        if b.get(i) != Some(&b'{') {
            return Err(at(i, Msg::JsonBraceExpected));
        }
        i = skip_ws(b, i + 1);
        if b.get(i) == Some(&b'}') {
            return end(b, i + 1);
        }
        loop {
            if b.get(i) != Some(&b'"') {
                return Err(at(i, Msg::JsonKeyExpected));
            }
            let (key, next) = self.string(line, i)?;
            i = skip_ws(b, next);
            if b.get(i) != Some(&b':') {
                return Err(at(i, Msg::JsonColonExpected));
            }
            i = skip_ws(b, i + 1);
            let (value, next) = self.value(line, i)?;
            self.pairs.push((key, value));
            i = skip_ws(b, next);
            match b.get(i) {
                Some(b',') => i = skip_ws(b, i + 1),
                Some(b'}') => return end(b, i + 1),
                _ => return Err(at(i, Msg::JsonCommaExpected)),
            }
        }
    }

    /// A string starting at the quote at `i`: its span (without quotes) and the index after it.
    fn string(&mut self, line: &str, i: usize) -> Result<(Span, usize), Said> {
        let b = line.as_bytes();
        let start = i + 1;
        match memchr::memchr2(b'"', b'\\', &b[start..]) {
            None => Err(at(b.len(), Msg::JsonStringOpen)),
            Some(k) if b[start + k] == b'"' => Ok((Span::Line(start, start + k), start + k + 1)),
            Some(_) => self.escaped(line, start),
        }
    }

    /// A string with escapes, unescaped into the scratch buffer.
    fn escaped(&mut self, line: &str, start: usize) -> Result<(Span, usize), Said> {
        let b = line.as_bytes();
        let from = self.scratch.len();
        let mut j = start;
        while j < b.len() {
            match b[j] {
                b'"' => return Ok((Span::Scratch(from, self.scratch.len()), j + 1)),
                b'\\' => {
                    let c = *b.get(j + 1).ok_or_else(|| at(j, Msg::JsonStringOpen))?;
                    j += 2;
                    match c {
                        b'"' => self.scratch.push('"'),
                        b'\\' => self.scratch.push('\\'),
                        b'/' => self.scratch.push('/'),
                        b'b' => self.scratch.push('\u{8}'),
                        b'f' => self.scratch.push('\u{c}'),
                        b'n' => self.scratch.push('\n'),
                        b'r' => self.scratch.push('\r'),
                        b't' => self.scratch.push('\t'),
                        b'u' => {
                            let hex = line.get(j..j + 4).ok_or_else(|| at(j, Msg::JsonUnicodeEscape))?;
                            let unit = u32::from_str_radix(hex, 16).map_err(|_| at(j, Msg::JsonUnicodeEscape))?;
                            j += 4;
                            let code = if (0xD800..0xDC00).contains(&unit) && line.get(j..j + 2) == Some("\\u") {
                                let low = line.get(j + 2..j + 6).and_then(|h| u32::from_str_radix(h, 16).ok()).unwrap_or(0);
                                if (0xDC00..0xE000).contains(&low) {
                                    j += 6;
                                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                } else {
                                    unit
                                }
                            } else {
                                unit
                            };
                            self.scratch.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(at(j - 1, Msg::JsonUnknownEscape)),
                    }
                }
                _ => {
                    // Copy up to the next quote or backslash in one go (whole UTF-8 characters).
                    let k = memchr::memchr2(b'"', b'\\', &b[j..]).map_or(b.len(), |k| j + k);
                    // j follows an ASCII quote or escape and k is an ASCII byte or the end: both
                    // are character boundaries.
                    self.scratch.push_str(line.get(j..k).unwrap_or(""));
                    j = k;
                }
            }
        }
        Err(at(b.len(), Msg::JsonStringOpen))
    }

    /// A value starting at `i`: its span and the index after it.
    fn value(&mut self, line: &str, i: usize) -> Result<(Span, usize), Said> {
        let b = line.as_bytes();
        match b.get(i) {
            Some(b'"') => self.string(line, i),
            Some(b'n') if b[i..].starts_with(b"null") => Ok((Span::Line(i, i), i + 4)),
            Some(b't') if b[i..].starts_with(b"true") => Ok((Span::Line(i, i + 4), i + 4)),
            Some(b'f') if b[i..].starts_with(b"false") => Ok((Span::Line(i, i + 5), i + 5)),
            Some(c) if c.is_ascii_digit() || *c == b'-' => {
                let end = i + b[i..].iter().take_while(|c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E')).count();
                Ok((Span::Line(i, end), end))
            }
            Some(b'{') | Some(b'[') => {
                let end = nested_end(b, i).ok_or_else(|| at(i, Msg::JsonNestedOpen))?;
                Ok((Span::Line(i, end), end))
            }
            _ => Err(at(i, Msg::JsonValueExpected)),
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    i
}

fn end(b: &[u8], i: usize) -> Result<(), Said> {
    let j = skip_ws(b, i);
    if j == b.len() { Ok(()) } else { Err(at(j, Msg::JsonTrailing)) }
}

fn at(i: usize, what: Msg) -> Said {
    Said::new(Msg::AtColumn).said(what).number(i + 1)
}

/// The index after a nested object or array starting at `i` (strings in it are stepped over).
fn nested_end(b: &[u8], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = i;
    while j < b.len() {
        match b[j] {
            b'"' => {
                j += 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(line: &str) -> Result<Vec<(String, String)>, String> {
        let mut o = FlatObject::default();
        o.read(line).map_err(|e| e.to_string())?;
        Ok(o.pairs.iter().map(|(k, v)| (o.text(line, *k).to_string(), o.text(line, *v).to_string())).collect())
    }

    #[test]
    fn reads_flat_objects() {
        assert_eq!(
            pairs(r#" { "date" : "2026-03-04", "count":4, "ok":true,"none":null, "n":-1.5e3 } "#).unwrap(),
            vec![("date", "2026-03-04"), ("count", "4"), ("ok", "true"), ("none", ""), ("n", "-1.5e3")]
                .into_iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        );
        assert_eq!(pairs("{}").unwrap(), vec![]);
        let p = pairs(r#"{"a\"b":"x\\y\n\u00e9\ud83d\ude00 ok","c":"Ünï"}"#).unwrap();
        assert_eq!(p[0], ("a\"b".to_string(), "x\\y\né😀 ok".to_string()));
        assert_eq!(p[1].1, "Ünï");
        assert_eq!(pairs(r#"{"x":{"y":[1,"}"]},"z":1}"#).unwrap()[1].1, "1");
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        assert_eq!(pairs("not json").unwrap_err(), "expected '{' at column 1");
        assert_eq!(pairs(r#"{"a":1"#).unwrap_err(), "expected ',' or '}' at column 7");
        assert_eq!(pairs(r#"{"a":1} x"#).unwrap_err(), "unexpected text after the object at column 9");
        assert_eq!(pairs(r#"{"a":"x"#).unwrap_err(), "the string does not end at column 8");
        assert!(pairs(r#"{"a":"\q"}"#).is_err());
        assert!(pairs(r#"{"a":"\u12"}"#).is_err());
        assert!(pairs("{\"a\":").is_err());
    }

    #[test]
    fn cut_or_damaged_lines_never_panic() {
        let line = r#"{"date":"2026-03-04","conn\u00e9ctor":"Ünï \"x\" \ud83d\ude00","n":[1,{"a":"]"}],"count":12,"ok":false}"#;
        let mut o = FlatObject::default();
        for (i, _) in line.char_indices() {
            let _ = o.read(&line[..i]);
            let mut damaged = line.to_string();
            damaged.replace_range(i..i + line[i..].chars().next().unwrap().len_utf8(), "\\");
            let _ = o.read(&damaged);
        }
        assert!(o.read(line).is_ok());
    }
}
