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

    /// Turns any spelling found in the wild into a TLS value; `None` when the text names no TLS
    /// version at all (so that callers can tell "no information" from "no TLS").
    ///
    /// Accepted: `No TLS`, `No Tls`, `None`, `none`, `notls`, `-`; `TLS1.2`, `TLS 1.2`, `TLSv1.2`,
    /// `TLSv1` (= 1.0), `TLS1_2`, `SP_PROT_TLS1_2_SERVER`, `SP_PROT-TLS1_0_CLIENT`,
    /// `version=TLS1_2`, `TLSv1.3:TLS_AES_256_GCM_SHA384:256` (Exim `X=`), `SSLv3` (counted as 1.0,
    /// the weakest version the report shows), and `Unknown`.
    pub fn normalise(text: &str) -> Option<Tls> {
        let t = crate::text::trim(text);
        if t.is_empty() {
            return None;
        }
        if let Some(exact) = Tls::ALL.into_iter().find(|tls| tls.label() == t) {
            return Some(exact);
        }
        let lower = t.to_ascii_lowercase();
        let compact: String = lower.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).collect();
        match compact.as_str() {
            "notls" | "none" | "no" | "plain" | "plaintext" | "unencrypted" => return Some(Tls::None),
            "unknown" => return Some(Tls::Unknown),
            _ => {}
        }
        if let Some(tls) = find_version(&lower) {
            return Some(tls);
        }
        if lower.contains("sslv3") || lower.contains("ssl3") || lower.contains("sslv2") {
            return Some(Tls::V1_0);
        }
        None
    }
}

/// Finds the first `tls` token followed by an optional separator, optional `v` and a version
/// number (`1`, `1.x`, `1_x`), and returns its version.
fn find_version(lower: &str) -> Option<Tls> {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&bytes[from..], b"tls") {
        let mut i = from + pos + 3;
        from = i;
        while i < bytes.len() && matches!(bytes[i], b' ' | b'_' | b'-') {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'v' {
            i += 1;
        }
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'1' {
            continue;
        }
        i += 1;
        let minor = if i + 1 < bytes.len() && matches!(bytes[i], b'.' | b'_') && bytes[i + 1].is_ascii_digit() {
            if i + 2 < bytes.len() && bytes[i + 2].is_ascii_digit() {
                continue; // "TLS1.23" is no version we know
            }
            bytes[i + 1] - b'0'
        } else if i < bytes.len() && bytes[i].is_ascii_digit() {
            continue; // "tls12" style without a separator is ambiguous with "tls 10"; see below
        } else {
            0
        };
        return match minor {
            0 => Some(Tls::V1_0),
            1 => Some(Tls::V1_1),
            2 => Some(Tls::V1_2),
            3 => Some(Tls::V1_3),
            _ => None,
        };
    }
    // Compact forms with no separator at all: "tls12", "tlsv13".
    let compact: String = lower.chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '.')).collect();
    for (needle, tls) in [("tlsv10", Tls::V1_0), ("tlsv11", Tls::V1_1), ("tlsv12", Tls::V1_2), ("tlsv13", Tls::V1_3)] {
        for n in [needle.to_string(), needle.replace('v', "")] {
            if let Some(pos) = compact.find(&n) {
                if !compact[pos + n.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                    return Some(tls);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        for (text, want) in cases {
            assert_eq!(Tls::normalise(text), Some(*want), "{text}");
        }
    }

    #[test]
    fn text_without_a_version_is_not_a_guess() {
        for text in ["", "   ", "AES256", "TLS", "TLS 2.0", "TLS1.9", "STARTTLS offered", "TLS1.23"] {
            assert_eq!(Tls::normalise(text), None, "{text:?}");
        }
    }

    #[test]
    fn labels_and_indices_line_up() {
        for (i, tls) in Tls::ALL.iter().enumerate() {
            assert_eq!(tls.index(), i);
            assert_eq!(Tls::normalise(tls.label()), Some(*tls), "labels read back");
        }
    }
}
