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
