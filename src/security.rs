//! Transit security: whether a delivery's TLS session checked who was on the other end
//! (certificate chain and name, or DANE), apart from which TLS version it used; the levels the
//! Transit security view counts; and the spellings of it in logs and in Mailflow's own format.

use crate::tls::Tls;

/// How the remote server's certificate was checked on a delivery's TLS session, as far as the
/// source says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Auth {
    /// The source does not say (Exchange Online traces, Exchange Server logs, Exim's `DN=` without
    /// `CV=`, a Postfix TLS line without its first word).
    #[default]
    Unknown,
    /// Checked: the chain to a trusted CA and the name (Postfix `Verified`, which DANE and
    /// MTA-STS deliveries also log), or DANE (Exim `CV=dane`), or the chain (Exim `CV=yes`).
    Verified,
    /// Encrypted without that check: Postfix `Anonymous`, `Untrusted` and `Trusted` (a trusted
    /// chain whose name was not checked or did not match), Exim `CV=no`.
    Unverified,
}

impl Auth {
    /// Reads the word Postfix puts before `TLS connection established`: `Verified` is verified;
    /// `Trusted`, `Untrusted` and `Anonymous` are not; anything else says nothing.
    pub fn postfix(word: &str) -> Auth {
        match word {
            "Verified" => Auth::Verified,
            "Trusted" | "Untrusted" | "Anonymous" => Auth::Unverified,
            _ => Auth::Unknown,
        }
    }

    /// Reads Exim's `CV=` value: `yes` and `dane` are verified, `no` is not.
    pub fn exim(cv: &str) -> Auth {
        match cv {
            "yes" | "dane" => Auth::Verified,
            "no" => Auth::Unverified,
            _ => Auth::Unknown,
        }
    }

    /// Reads the optional verification cell of Mailflow's own format (case, spaces, `-` and `_`
    /// aside): `Verified`, `yes`, `dane`, `mta-sts`, `true`; `Not verified`, `Encrypted, not
    /// verified`, `unverified`, `no`, `false`, `anonymous`, `untrusted`, `trusted`; an empty cell or
    /// `Unknown` says nothing. `None` for any other text (the row is reported, not guessed).
    pub fn parse(text: &str) -> Option<Auth> {
        let compact: String =
            crate::text::trim(text).chars().filter(|c| !matches!(c, ' ' | '-' | '_' | ',')).map(|c| c.to_ascii_lowercase()).collect();
        match compact.as_str() {
            "" | "unknown" => Some(Auth::Unknown),
            "verified" | "yes" | "true" | "dane" | "mtasts" | "ok" => Some(Auth::Verified),
            "notverified" | "encryptednotverified" | "unverified" | "no" | "false" | "anonymous" | "untrusted" | "trusted" => {
                Some(Auth::Unverified)
            }
            _ => None,
        }
    }

    /// The value Mailflow's own format writes (empty for Unknown).
    pub fn label(self) -> &'static str {
        match self {
            Auth::Unknown => "",
            Auth::Verified => "Verified",
            Auth::Unverified => "Not verified",
        }
    }
}

/// The transit security of a delivery: what the Transit security view counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// TLS, and the remote server's certificate was checked (or DANE matched).
    Verified,
    /// TLS without that check: safe from a passive listener, not from a server in the middle.
    Encrypted,
    /// No TLS.
    NoTls,
    /// The source does not say whether the TLS session was verified (or whether there was TLS).
    Unknown,
}

impl Level {
    /// Every level, in display order (best first).
    pub const ALL: [Level; 4] = [Level::Verified, Level::Encrypted, Level::NoTls, Level::Unknown];

    /// The level of a delivery: No TLS whatever the verification says; otherwise what the
    /// verification says (a verified session had TLS even when its version is not known).
    pub fn of(tls: Tls, auth: Auth) -> Level {
        match (tls, auth) {
            (Tls::None, _) => Level::NoTls,
            (_, Auth::Verified) => Level::Verified,
            (_, Auth::Unverified) => Level::Encrypted,
            (_, Auth::Unknown) => Level::Unknown,
        }
    }

    /// A fixed colour per level from the same colour-blind-safe palette as the TLS versions:
    /// No TLS keeps its warning colour.
    pub fn colour(self) -> (u8, u8, u8) {
        match self {
            Level::Verified => (0x00, 0x9E, 0x73),
            Level::Encrypted => (0x56, 0xB4, 0xE9),
            Level::NoTls => Tls::None.colour(),
            Level::Unknown => Tls::Unknown.colour(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_postfix_word() {
        assert_eq!(Auth::postfix("Verified"), Auth::Verified);
        for w in ["Trusted", "Untrusted", "Anonymous"] {
            assert_eq!(Auth::postfix(w), Auth::Unverified, "{w}");
        }
        assert_eq!(Auth::postfix("verified"), Auth::Unknown, "Postfix writes it capitalised; other text is not guessed");
        assert_eq!(Auth::postfix(""), Auth::Unknown);
    }

    #[test]
    fn every_exim_value() {
        assert_eq!(Auth::exim("yes"), Auth::Verified);
        assert_eq!(Auth::exim("dane"), Auth::Verified);
        assert_eq!(Auth::exim("no"), Auth::Unverified);
        assert_eq!(Auth::exim("maybe"), Auth::Unknown);
    }

    #[test]
    fn own_format_spellings_round_trip() {
        for a in [Auth::Unknown, Auth::Verified, Auth::Unverified] {
            assert_eq!(Auth::parse(a.label()), Some(a));
        }
        assert_eq!(Auth::parse("Encrypted, not verified"), Some(Auth::Unverified));
        assert_eq!(Auth::parse(" MTA-STS "), Some(Auth::Verified));
        assert_eq!(Auth::parse("DANE"), Some(Auth::Verified));
        assert_eq!(Auth::parse("perhaps"), None);
    }

    #[test]
    fn no_tls_wins_and_verification_proves_tls() {
        assert_eq!(Level::of(Tls::None, Auth::Verified), Level::NoTls);
        assert_eq!(Level::of(Tls::Unknown, Auth::Verified), Level::Verified);
        assert_eq!(Level::of(Tls::V1_2, Auth::Unverified), Level::Encrypted);
        assert_eq!(Level::of(Tls::V1_3, Auth::Unknown), Level::Unknown);
        assert_eq!(Level::of(Tls::Unknown, Auth::Unknown), Level::Unknown);
    }
}
