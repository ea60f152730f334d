//! Handling untrusted text: trimming cells on the parsers' hot paths, clipping a huge value for a
//! message, and escaping text for SVG and HTML. (Numbers and days are written by [`crate::lang`].)

/// `str::trim`, returning at once when the text starts and ends with a visible ASCII character
/// (nearly every cell of a trace), which the parsers' hot paths call once per field.
pub fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if (b'!'..0x80).contains(&f) && (b'!'..0x80).contains(&l) => text,
        _ => text.trim(),
    }
}

/// Whether two byte strings are equal, comparing eight bytes at a time. `==` on slices calls
/// `memcmp`, which WebAssembly runs a byte at a time: looking up a partner's name per row spent
/// about a tenth of a partner-rich CSV's time there (Node's WASI profile, same V8 as Chromium).
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    fn word(s: &[u8], at: usize) -> Option<u64> {
        s.get(at..at + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map(u64::from_le_bytes)
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0;
    }
    // Whole words, then the last eight bytes (which may overlap the last word).
    let mut at = 0;
    while at + 8 <= n {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, n - 8) == word(b, n - 8)
}

/// The longest start of `text` that is at most `max` bytes long and ends on a character
/// boundary: the safe way to look at "the first N bytes" of untrusted text.
pub fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// `text.split_once(byte)` for an ASCII byte, found with memchr (the parsers' hot paths: the
/// standard library's char search costs a `memcmp` call per match).
pub fn split_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    debug_assert!(byte.is_ascii());
    let i = memchr::memchr(byte, text.as_bytes())?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// `text.split_once(pattern)`: each place of the pattern's first byte (found with memchr) is
/// compared with the rest. The parsers call it on one line at a time with patterns of a few
/// bytes, where building a substring searcher per call (`memmem::find`, `str::split_once`) cost
/// more than the search: a tenth of a Postfix log's time in Node's WASI profile.
pub fn split_str<'a>(text: &'a str, pattern: &str) -> Option<(&'a str, &'a str)> {
    let (bytes, pat) = (text.as_bytes(), pattern.as_bytes());
    let Some((&first, tail)) = pat.split_first() else { return Some(("", text)) };
    let mut from = 0;
    let at = loop {
        let i = from + memchr::memchr(first, bytes.get(from..)?)?;
        if i + pat.len() > bytes.len() {
            return None; // no later place can hold the pattern either
        }
        if bytes.get(i + 1..i + 1 + tail.len()).is_some_and(|w| same_bytes(w, tail)) {
            break i;
        }
        from = i + 1;
    };
    Some((text.get(..at)?, text.get(at + pat.len()..)?))
}

/// `text.rsplit_once(byte)` for an ASCII byte, by a plain backward loop: the texts are a few
/// bytes long (a program name, the words before a TLS line), too short for `memrchr` to pay.
pub fn rsplit_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    debug_assert!(byte.is_ascii());
    let i = text.as_bytes().iter().rposition(|b| *b == byte)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// `text.lines()` with line ends found by memchr, the same lines: they end in `\n` or `\r\n`,
/// and a last line without a line end counts.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match split_byte(rest, b'\n') {
            Some((line, next)) => {
                rest = next;
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            // A last line without a line end keeps a `\r` it ends with, as `str::lines` does.
            None => Some(std::mem::take(&mut rest)),
        }
    })
}

/// Shortens untrusted text for a message (trimmed, at most `max` characters, then `…`), so that one
/// huge cell does not flood the page.
pub fn clip(text: &str, max: usize) -> String {
    let t = text.trim();
    if t.chars().count() <= max {
        t.to_string()
    } else {
        format!("{}…", t.chars().take(max).collect::<String>())
    }
}

/// Escapes text for SVG or HTML text and attribute values: untrusted names never become markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_str_and_rsplit_byte_agree_with_the_standard_library() {
        let texts = ["", "a", "TLS connection ", "x TLS connectio", "TLS TLS connection established to", "aab: ab: c", "é: ü, x"];
        for text in texts {
            for pattern in ["", ": ", "TLS connection ", "ab", "a", "é", ", ", "connection established"] {
                assert_eq!(split_str(text, pattern), text.split_once(pattern), "{text:?} {pattern:?}");
            }
            for byte in [b':', b' ', b'a'] {
                assert_eq!(rsplit_byte(text, byte), text.rsplit_once(byte as char), "{text:?} {byte}");
            }
        }
    }

    #[test]
    fn same_bytes_agrees_with_equality_at_every_length_and_place() {
        let base: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for n in 0..base.len() {
            let a = &base[..n];
            assert!(same_bytes(a, a), "{n}");
            assert!(!same_bytes(a, &base[..n + 1]), "{n}: lengths differ");
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same_bytes(a, &b), "{n} bytes, differing at {at}");
            }
        }
    }

    #[test]
    fn fast_splits_and_lines_agree_with_the_standard_library() {
        let texts = ["", "a", "a: b: c", "::  :", "ü: ä", "x:y", "a\r\nb\n\nc\r", "\n", "\r\n\r\n", "end\n", "k=v, to=<a>, relay=x", "–:\u{2028} 😀: z"];
        for t in texts {
            for pat in [": ", "] ", "to=", ", ", "", "relay=x"] {
                assert_eq!(split_str(t, pat), t.split_once(pat), "{t:?} {pat:?}");
            }
            for b in [b' ', b':', b'[', b'\n'] {
                assert_eq!(split_byte(t, b), t.split_once(b as char), "{t:?} {b}");
            }
            assert_eq!(lines(t).collect::<Vec<_>>(), t.lines().collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn head_never_cuts_a_character() {
        let t = "ab\u{fc}\u{2013}\u{1F600}";
        for max in 0..=t.len() + 2 {
            let h = head(t, max);
            assert!(h.len() <= max && t.starts_with(h) && max.min(t.len()) - h.len() < 4, "{max}");
        }
        assert_eq!(head(t, 3), "ab");
        assert_eq!(head(t, 4), "ab\u{fc}");
    }

    #[test]
    fn escapes() {
        assert_eq!(escape("<img src=x onerror=alert(1)>&\"'"), "&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;");
    }
}
