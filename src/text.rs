//! Formatting in English for the core's messages and exports (numbers with thousands separators,
//! dates; [`crate::lang`] builds the other languages on these), trimming,
//! and escaping untrusted text for SVG and HTML.

use chrono::NaiveDate;

/// `str::trim`, returning at once when the text starts and ends with a visible ASCII character
/// (nearly every cell of a trace), which the parsers' hot paths call once per field.
pub fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if (b'!'..0x80).contains(&f) && (b'!'..0x80).contains(&l) => text,
        _ => text.trim(),
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
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

/// A day as `Nov 20` for chart axes.
pub fn short_day(d: NaiveDate) -> String {
    d.format("%b %-d").to_string()
}

/// A day as `20 Nov 2026` for sentences.
pub fn long_day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
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
    fn formats() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!((short_day(d).as_str(), long_day(d).as_str()), ("Nov 2", "2 Nov 2026"));
        assert_eq!(escape("<img src=x onerror=alert(1)>&\"'"), "&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;");
    }
}
