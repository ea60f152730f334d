//! Bytes to text: recognises what a dropped file really is (text in UTF-8, UTF-16LE/BE or
//! Windows-1252, or something that is not text at all, such as a photo or an archive) and decodes
//! text with `encoding_rs`.

use crate::lang::{Msg, Said};
use std::borrow::Cow;

/// The text encodings Mailflow recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextEncoding {
    /// UTF-8 (ASCII included), with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian, with or without a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian, with or without a byte-order mark.
    Utf16Be,
    /// Windows-1252, the legacy Western code page older Windows tools write.
    Windows1252,
}

impl TextEncoding {
    /// A short human label for the load summary.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Why a file could not be read as text, phrased for the person who dropped it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no bytes.
    Empty,
    /// The file is of a known binary kind (the name of the kind, and what to do).
    Binary { kind: Msg, advice: Msg },
    /// The bytes are not text in any encoding Mailflow knows.
    NotText,
}

impl From<DecodeError> for Said {
    fn from(e: DecodeError) -> Said {
        match e {
            DecodeError::Empty => Said::new(Msg::FileEmpty),
            DecodeError::Binary { kind, advice } => Said::new(Msg::BinaryFile).said(kind).said(advice),
            DecodeError::NotText => Said::new(Msg::NotTextFile),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Said::from(self.clone()).fmt(f)
    }
}

/// Text decoded from a file, with the encoding it was found in.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, without any byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding the bytes were in.
    pub encoding: TextEncoding,
}

/// Magic numbers of binary files people drop by mistake.
const MAGIC: &[(&[u8], Msg, Msg)] = &[
    (b"PK\x03\x04", Msg::KindZip, Msg::AdviceUnzip),
    (b"PK\x05\x06", Msg::KindEmptyZip, Msg::AdviceDropFiles),
    (b"\x1f\x8b", Msg::KindGzip, Msg::AdviceGunzip),
    (b"\x89PNG", Msg::KindPng, Msg::AdviceDropTrace),
    (b"\xff\xd8\xff", Msg::KindJpeg, Msg::AdviceDropTrace),
    (b"GIF8", Msg::KindGif, Msg::AdviceDropTrace),
    (b"%PDF", Msg::KindPdf, Msg::AdviceExportCsv),
    (b"\xd0\xcf\x11\xe0", Msg::KindOffice, Msg::AdviceSaveCsv),
    (b"7z\xbc\xaf", Msg::Kind7z, Msg::AdviceUnpack),
    (b"Rar!", Msg::KindRar, Msg::AdviceUnpack),
    (b"BZh", Msg::KindBzip2, Msg::AdviceDecompress),
    (b"\xfd7zXZ", Msg::KindXz, Msg::AdviceDecompress),
    (b"\0asm", Msg::KindWasm, Msg::AdviceDropTrace),
];

/// Decodes a whole file's bytes into text, or says why they are not text.
///
/// Order: empty; known binary magic (except that a UTF-16 BOM wins); byte-order marks; BOM-less
/// UTF-16 told by zero bytes at odd or even offsets; valid UTF-8; otherwise Windows-1252 unless the
/// bytes hold control characters that no text file has.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    sniff(bytes, true).map(|encoding| decode_as(bytes, encoding))
}

/// Finds the encoding of a file from its first bytes (all of them when `complete`), or says why
/// they are not text; see [`decode`] for the order of the checks. UTF-8 cut in the middle of a
/// character at the end still counts as UTF-8: always for the first bytes of a file, and for a
/// whole file (cut short) when a character of several bytes comes before (a Windows-1252 file
/// whose only accented letter is its last byte stays Windows-1252).
pub fn sniff(bytes: &[u8], complete: bool) -> Result<TextEncoding, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(enc) = sniff_bom(bytes) {
        return Ok(enc);
    }
    for (magic, kind, advice) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(DecodeError::Binary { kind: *kind, advice: *advice });
        }
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return Ok(enc);
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if looks_binary(sample) {
        return Err(DecodeError::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(TextEncoding::Utf8),
        // Cut inside a character at the end, and valid before: UTF-8 (only the file's start, or a
        // file cut short), not Windows-1252 (which would garble every non-ASCII name of a UTF-8
        // file cut short).
        Err(e) if e.error_len().is_none() && (!complete || bytes.get(..e.valid_up_to()).is_some_and(|b| !b.is_ascii())) => {
            Ok(TextEncoding::Utf8)
        }
        Err(_) => Ok(TextEncoding::Windows1252),
    }
}

/// The encoding_rs encoding for one of ours.
pub fn encoding_of(encoding: TextEncoding) -> &'static encoding_rs::Encoding {
    match encoding {
        TextEncoding::Utf8 => encoding_rs::UTF_8,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
    }
}

/// Reads a byte-order mark.
pub fn sniff_bom(bytes: &[u8]) -> Option<TextEncoding> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(TextEncoding::Utf8)
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(TextEncoding::Utf16Le)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Tells BOM-less UTF-16 by its zero bytes: ASCII text in UTF-16LE has a zero at every odd offset.
pub fn sniff_utf16(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample.chunks_exact(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_even = sample.chunks_exact(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_odd * 10 >= pairs * 7 {
        Some(TextEncoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 7 {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// True when the bytes hold NULs or many control characters: no CSV or log does.
fn looks_binary(sample: &[u8]) -> bool {
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    memchr::memchr(0, sample).is_some() || controls * 100 > sample.len()
}

/// Decodes bytes in a known encoding, dropping a BOM; malformed sequences become U+FFFD.
pub fn decode_as(bytes: &[u8], encoding: TextEncoding) -> Decoded<'_> {
    let (text, _) = encoding_of(encoding).decode_with_bom_removal(bytes);
    Decoded { text, encoding }
}

/// True when `bytes` end inside a character of `encoding`: bytes left over at the end that make
/// no character (a UTF-16 file with an odd byte over, UTF-8 cut after a character's first byte),
/// which only a file cut short has.
pub fn ends_inside_character(bytes: &[u8], encoding: TextEncoding) -> bool {
    // The last few bytes, from a code unit's start (UTF-16 units are two bytes from the file's
    // start, its byte-order mark included).
    let from = match encoding {
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => bytes.len().saturating_sub(5) & !1,
        _ => bytes.len().saturating_sub(4),
    };
    let mut decoder = encoding_of(encoding).new_decoder_without_bom_handling();
    let mut out = String::with_capacity(32);
    let _ = decoder.decode_to_string(bytes.get(from..).unwrap_or_default(), &mut out, false);
    let before = out.len();
    let _ = decoder.decode_to_string(&[], &mut out, true);
    out.len() > before
}

/// Where to stop reading the text of a file that ends inside a character (the text ends with
/// the U+FFFD its bytes left over became), and whether a line is left out: the last line was cut,
/// so the text stops after the last line end; but where the one byte left over of a UTF-16LE file
/// is a line feed's first half, the last line is whole and only the U+FFFD goes.
pub fn readable_end(text: &str, encoding: TextEncoding, last_byte: Option<u8>) -> (usize, bool) {
    if encoding == TextEncoding::Utf16Le && last_byte == Some(b'\n') {
        if let Some(whole) = text.strip_suffix('\u{FFFD}') {
            return (whole.len(), false);
        }
    }
    (text.rfind('\n').map_or(0, |i| i + 1), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in s.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    }

    fn utf16be(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFE, 0xFF] } else { vec![] };
        for u in s.encode_utf16() {
            out.extend_from_slice(&u.to_be_bytes());
        }
        out
    }

    const CSV: &str = "date,direction,connector,tls,count\n2026-03-04,Inbound,Contoso – Partner,TLS 1.2,3\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(CSV.as_bytes()).unwrap();
        assert_eq!((d.encoding, &*d.text), (TextEncoding::Utf8, CSV));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(CSV.as_bytes());
        let d = decode(&bom).unwrap();
        assert_eq!((d.encoding, &*d.text), (TextEncoding::Utf8, CSV));
    }

    #[test]
    fn utf16_both_orders_with_and_without_bom() {
        for bom in [true, false] {
            let le = utf16le(CSV, bom);
            let d = decode(&le).unwrap();
            assert_eq!((d.encoding, &*d.text), (TextEncoding::Utf16Le, CSV), "LE bom={bom}");
            let be = utf16be(CSV, bom);
            let d = decode(&be).unwrap();
            assert_eq!((d.encoding, &*d.text), (TextEncoding::Utf16Be, CSV), "BE bom={bom}");
        }
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        let bytes = b"date,direction,connector,tls,count\n2026-03-04,Inbound,M\xfcller GmbH,TLS 1.2,1\n";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert!(d.text.contains("Müller GmbH"));
    }

    #[test]
    fn binary_files_are_named() {
        let cases: &[(&[u8], &str)] = &[
            (b"PK\x03\x04rest", "ZIP"),
            (b"\x1f\x8b\x08\x00", "gzip"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
            (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
            (b"%PDF-1.7", "PDF"),
        ];
        for (bytes, word) in cases {
            let err = decode(bytes).unwrap_err();
            assert!(err.to_string().contains(word), "{err} should name {word}");
        }
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn random_bytes_are_not_text() {
        let mut x: u32 = 12345;
        let bytes: Vec<u8> = (0..5000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        assert!(decode(&bytes).is_err());
    }
}
