//! The TLS version of a connection, and the one normaliser that turns every spelling found in
//! exports and logs (`TLS1.2`, `TLSv1`, `SP_PROT_TLS1_2_SERVER`, `version=TLS1_2`, `No Tls`, ...) into it.

/// The TLS version a delivery's connection used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Tls {
    /// The connection was not encrypted.
    None,
    /// TLS 1.0 (also SSL 3.0 and older, which are weaker still).
    V1_0,
    /// TLS 1.1.
    V1_1,
    /// TLS 1.2.
    V1_2,
    /// TLS 1.3.
    V1_3,
    /// The source does not say which TLS version was used.
    Unknown,
}

impl Tls {
    /// Every value, in display order; the index of a value in this array is [`Tls::index`].
    pub const ALL: [Tls; 6] = [Tls::None, Tls::V1_0, Tls::V1_1, Tls::V1_2, Tls::V1_3, Tls::Unknown];
    /// The values whose version is known, in display order.
    pub const KNOWN: [Tls; 5] = [Tls::None, Tls::V1_0, Tls::V1_1, Tls::V1_2, Tls::V1_3];

    /// The position of this value in [`Tls::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The label Microsoft's reports use: `No TLS`, `TLS 1.0` ... `TLS 1.3`, and `Unknown`.
    pub fn label(self) -> &'static str {
        match self {
            Tls::None => "No TLS",
            Tls::V1_0 => "TLS 1.0",
            Tls::V1_1 => "TLS 1.1",
            Tls::V1_2 => "TLS 1.2",
            Tls::V1_3 => "TLS 1.3",
            Tls::Unknown => "Unknown",
        }
    }

    /// A fixed colour per value, from the Okabe-Ito colour-blind-safe palette; No TLS and TLS 1.0
    /// take the warm warning colours.
    pub fn colour(self) -> (u8, u8, u8) {
        match self {
            Tls::None => (0xD5, 0x5E, 0x00),
            Tls::V1_0 => (0xE6, 0x9F, 0x00),
            Tls::V1_1 => (0xCC, 0x79, 0xA7),
            Tls::V1_2 => (0x00, 0x72, 0xB2),
            Tls::V1_3 => (0x00, 0x9E, 0x73),
            Tls::Unknown => (0x99, 0x99, 0x99),
        }
    }

    /// Turns a cell that holds a TLS value, however an export or log spells it, into a TLS value;
    /// `None` when the cell says nothing readable (the caller counts it as a skipped row and names
    /// the value, or as Unknown, as its format says).
    ///
    /// Accepted (case, spaces, `_` and `-` aside): `No TLS`, `none`, `no`, `notls`, `plain`,
    /// `plaintext`, `unencrypted`, `false` (no TLS); `TLS 1.2`, `TLS1.2`, `TLSv1.2`,
    /// `tls1_2`, `TLS12`, `TLSv1` (= 1.0), bare `1.2` (the Elastic Common Schema's
    /// `tls.version`), `v1.2`; the protocol code as IANA writes it, `0x0303` or `771`;
    /// `SSLv3`/`SSLv2` (counted as TLS 1.0, the weakest version the report shows); the same forms
    /// inside a longer value (`SP_PROT_TLS1_2_SERVER`, `version=TLS1_2`,
    /// `TLSv1.3:TLS_AES_256_GCM_SHA384:256`); and `Unknown`. `TLS1.x` and other placeholders are
    /// not read (`None`).
    pub fn normalise(text: &str) -> Option<Tls> {
        let t = crate::text::trim(text);
        if t.is_empty() {
            return None;
        }
        if let Some(exact) = Tls::ALL.into_iter().find(|tls| tls.label() == t) {
            return Some(exact);
        }
        // A value that starts with its version (`TLSv1.2`, as Postfix logs it per connection):
        // what the lower-cased search below finds first, without its two allocations.
        if t.as_bytes().get(..3).is_some_and(|w| w.eq_ignore_ascii_case(b"tls")) {
            if let Some(tls) = version_at(t.as_bytes(), 0) {
                return Some(tls);
            }
        }
        let lower = t.to_ascii_lowercase();
        let compact: String = lower.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).collect();
        match compact.as_str() {
            "notls" | "none" | "no" | "plain" | "plaintext" | "unencrypted" | "false" => return Some(Tls::None),
            "unknown" => return Some(Tls::Unknown),
            "1.0" | "v1.0" | "0x0301" | "769" | "0x0300" | "768" => return Some(Tls::V1_0),
            "1.1" | "v1.1" | "0x0302" | "770" => return Some(Tls::V1_1),
            "1.2" | "v1.2" | "0x0303" | "771" => return Some(Tls::V1_2),
            "1.3" | "v1.3" | "0x0304" | "772" => return Some(Tls::V1_3),
            _ => {}
        }
        Tls::in_text(&lower)
    }

    /// The TLS version that free text names (`using TLS1.2 with AES256`, `S:tlsversion=TLS1_3`,
    /// `TLS protocol SP_PROT_TLS1_2_SERVER`): the first `tls` token followed by a version that
    /// is a word of its own, so that a host such as `tls1.contoso.com` or a placeholder such as
    /// `TLS1.x` names nothing; `SSLv3` reads as TLS 1.0. `None` when no protocol is named.
    pub fn in_text(text: &str) -> Option<Tls> {
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(pos) = find_ci(bytes.get(from..)?, b"tls") {
            let start = from + pos;
            from = start + 3;
            if let Some(tls) = version_at(bytes, start) {
                return Some(tls);
            }
        }
        let lower = text.to_ascii_lowercase();
        for (word, tls) in [("sslv3", Tls::V1_0), ("ssl3", Tls::V1_0), ("sslv2", Tls::V1_0)] {
            if let Some(at) = lower.find(word) {
                if boundary_before(lower.as_bytes(), at) && boundary_after(lower.as_bytes(), at + word.len()) {
                    return Some(tls);
                }
            }
        }
        None
    }
}

/// The first `tls` at or after the start of `bytes`, in any case.
fn find_ci(bytes: &[u8], needle: &[u8]) -> Option<usize> {
    bytes.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// True when no letter or digit comes right before `at` (`_`, `-`, `=`, space, start are fine).
fn boundary_before(bytes: &[u8], at: usize) -> bool {
    at == 0 || bytes.get(at - 1).is_some_and(|b| !b.is_ascii_alphanumeric())
}

/// True when the word ends at `at`: end of text, or a character that is neither a letter nor a
/// digit, and not a `.` or `-` that continues a name (`tls1.contoso.com`, `TLS1.x`).
fn boundary_after(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() => false,
        Some(b'.' | b'-') => !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric),
        Some(_) => true,
    }
}

/// Reads a version at a `tls` token starting at `start`: `tls`, then an optional `v` (with
/// optional space, `_` or `-` before it), then `1` with an optional minor `.x`/`_x` or a
/// compact `12`; the version must end the word.
fn version_at(bytes: &[u8], start: usize) -> Option<Tls> {
    if !boundary_before(bytes, start) {
        return None; // `mytls1.example`; `SP_PROT_TLS1_2` (a `_` before it) is fine
    }
    let mut i = start + 3;
    while matches!(bytes.get(i), Some(b' ' | b'_' | b'-')) {
        i += 1;
    }
    if matches!(bytes.get(i), Some(b'v' | b'V')) {
        i += 1;
    }
    while matches!(bytes.get(i), Some(b' ')) {
        i += 1;
    }
    if bytes.get(i) != Some(&b'1') {
        return None;
    }
    i += 1;
    let minor = match (bytes.get(i), bytes.get(i + 1)) {
        (Some(b'.' | b'_'), Some(d)) if d.is_ascii_digit() => {
            i += 2;
            d - b'0'
        }
        (Some(d), _) if d.is_ascii_digit() => {
            i += 1;
            d - b'0' // compact `TLS12`, `tlsv13`
        }
        _ => 0,
    };
    if !boundary_after(bytes, i) && bytes.get(i) != Some(&b'_') {
        return None;
    }
    match minor {
        0 => Some(Tls::V1_0),
        1 => Some(Tls::V1_1),
        2 => Some(Tls::V1_2),
        3 => Some(Tls::V1_3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_starting_with_tls_reads_as_the_lower_cased_search_reads_it() {
        for t in ["TLSv1.2", "tlsv1.3", "TLSv1", "TLS-1.1", "TLS_1_2", "TLSv1.x", "TLS1.9", "TLSv2", "tls1.contoso.com tls1.2", "TLS", "TLSv1.2:x:256", "TlS 1.3 with", "TLSx TLSv1.3"] {
            let slow = Tls::in_text(&t.to_ascii_lowercase());
            assert_eq!(Tls::normalise(t), slow, "{t}");
        }
    }

    #[test]
    fn every_spelling_in_the_wild() {
        let cases: &[(&str, Tls)] = &[
            ("TLS1.2", Tls::V1_2),
            ("TLS 1.2", Tls::V1_2),
            ("TLSv1.2", Tls::V1_2),
            ("TLSv1", Tls::V1_0),
            ("TLSv1.1", Tls::V1_1),
            ("TLSv1.3", Tls::V1_3),
            ("TLS1_2", Tls::V1_2),
            ("SP_PROT_TLS1_2_SERVER", Tls::V1_2),
            ("SP_PROT-TLS1_0_CLIENT", Tls::V1_0),
            ("SP_PROT_TLS1_1_SERVER", Tls::V1_1),
            ("SP_PROT_TLS1_3_SERVER", Tls::V1_3),
            ("version=TLS1_2", Tls::V1_2),
            ("version=TLSv1.2 cipher=ECDHE", Tls::V1_2),
            ("No TLS", Tls::None),
            ("No Tls", Tls::None),
            ("None", Tls::None),
            ("notls", Tls::None),
            ("TLS 1.0", Tls::V1_0),
            ("TLS 1.3", Tls::V1_3),
            ("TLS1.0", Tls::V1_0),
            ("TLSv1.3:TLS_AES_256_GCM_SHA384:256", Tls::V1_3),
            ("TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256", Tls::V1_3),
            ("TLSv1:AES256-SHA:256", Tls::V1_0),
            ("using TLS1.2 with AES256", Tls::V1_2),
            ("tls12", Tls::V1_2),
            ("Unknown", Tls::Unknown),
            ("SSLv3", Tls::V1_0),
            // What SIEM exports and other tools write (issue: `1.2` from an ECS `tls.version` was refused).
            ("1.2", Tls::V1_2),
            ("1.3", Tls::V1_3),
            ("1.0", Tls::V1_0),
            ("v1.1", Tls::V1_1),
            ("none", Tls::None),
            ("false", Tls::None),
            ("no", Tls::None),
            ("plain", Tls::None),
            ("TLS12", Tls::V1_2),
            ("tls1_2", Tls::V1_2),
            ("TLSV1_3", Tls::V1_3),
            ("0x0303", Tls::V1_2),
            ("0x0304", Tls::V1_3),
            ("0x0301", Tls::V1_0),
            ("771", Tls::V1_2),
            ("772", Tls::V1_3),
            ("770", Tls::V1_1),
            ("SSLv3", Tls::V1_0),
            ("S:tlsversion=TLS1_3", Tls::V1_3),
        ];
        for (text, want) in cases {
            assert_eq!(Tls::normalise(text), Some(*want), "{text}");
        }
    }

    #[test]
    fn text_without_a_version_is_not_a_guess() {
        for text in ["", "   ", "AES256", "TLS", "TLS 2.0", "TLS1.9", "STARTTLS offered", "TLS1.23", "TLS1.x", "tls1.contoso.com", "mytls12", "1.4", "773", "yes"] {
            assert_eq!(Tls::normalise(text), None, "{text:?}");
        }
    }

    #[test]
    fn free_text_takes_the_protocol_not_a_host() {
        // The first `tls` token used to win: this read as TLS 1.0.
        assert_eq!(Tls::in_text("from tls1.contoso.com (10.0.0.1) by tls1-relay.example using TLS1.2 with AES256"), Some(Tls::V1_2));
        assert_eq!(Tls::in_text("Exim placeholder X=TLS1.x:ke-RSA-AES256-SHA:xxx"), None);
        assert_eq!(Tls::in_text("TLS protocol SP_PROT_TLS1_2_SERVER negotiated"), Some(Tls::V1_2));
        assert_eq!(Tls::in_text("cipher with SSLv3 fallback"), Some(Tls::V1_0));
        assert_eq!(Tls::in_text("host sslv3.example.com"), None);
        assert_eq!(Tls::in_text("1.2"), None, "bare numbers are read only in a TLS cell");
    }

    #[test]
    fn labels_and_indices_line_up() {
        for (i, tls) in Tls::ALL.iter().enumerate() {
            assert_eq!(tls.index(), i);
            assert_eq!(Tls::normalise(tls.label()), Some(*tls), "labels read back");
        }
    }
}
