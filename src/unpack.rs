//! Archives and compressed files, opened in the browser: a `.gz` file becomes the file inside it,
//! a `.zip` archive the files it holds. A corrupt or truncated archive keeps what could be read
//! and says what went wrong.

use crate::lang::{Msg, Said};
use std::io::Read;

/// The most a single file may grow to when decompressed (a guard against zip bombs).
pub const MAX_UNPACKED: u64 = 1024 * 1024 * 1024;

/// One file out of an archive (or the file itself when it was not one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    /// The name to show: `archive.zip › mail.log`, `mail.log.2.gz › mail.log.2`.
    pub name: String,
    /// The bytes.
    pub bytes: Vec<u8>,
    /// What went wrong while unpacking, if something did (the bytes are what was read before).
    pub problem: Option<Said>,
}

/// True when the bytes start like gzip.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// True when the bytes start like a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The name a gzip file's content is shown under: `mail.log.2.gz › mail.log.2`.
pub fn inner_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.strip_suffix(".gz").or_else(|| base.strip_suffix(".GZ")).unwrap_or(base);
    format!("{name} › {stem}")
}

/// Opens gzip, zip and e-mail (an `.eml` or `.mbox` of SMTP TLS reports, [`crate::mailbox`]);
/// anything else comes back as it is. Nested archives are opened once more (a `.zip` of `.gz`
/// logs, a `.gz` mailbox).
pub fn unpack(name: &str, bytes: Vec<u8>) -> Vec<Unpacked> {
    unpack_archives(name, bytes)
        .into_iter()
        .map(|u| if u.problem.is_none() && crate::mailbox::looks_like_mail(&u.bytes) { crate::mailbox::open(&u.name, &u.bytes) } else { u })
        .collect()
}

/// Opens gzip and zip only (what an e-mail's attachment may be).
pub fn unpack_archives(name: &str, bytes: Vec<u8>) -> Vec<Unpacked> {
    let mut out = Vec::new();
    for first in unpack_once(name, bytes) {
        if first.problem.is_none() && (is_gzip(&first.bytes) || is_zip(&first.bytes)) {
            out.extend(unpack_once(&first.name, first.bytes));
        } else {
            out.push(first);
        }
    }
    out
}

fn unpack_once(name: &str, bytes: Vec<u8>) -> Vec<Unpacked> {
    if is_gzip(&bytes) {
        return vec![gunzip(name, &bytes)];
    }
    if is_zip(&bytes) {
        return unzip(name, &bytes);
    }
    vec![Unpacked { name: name.to_string(), bytes, problem: None }]
}

fn gunzip(name: &str, bytes: &[u8]) -> Unpacked {
    let mut out = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let problem = match decoder.take(MAX_UNPACKED + 1).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_UNPACKED => {
            out.truncate(MAX_UNPACKED as usize);
            Some(Msg::UnpacksOver1Gb.into())
        }
        Ok(_) => None,
        Err(e) => Some(Said::new(Msg::GzipDamagedOrCut).text(e.to_string())),
    };
    Unpacked { name: inner_name(name), bytes: out, problem }
}

fn unzip(name: &str, bytes: &[u8]) -> Vec<Unpacked> {
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            return vec![Unpacked {
                name: name.to_string(),
                bytes: Vec::new(),
                problem: Some(Said::new(Msg::ZipCannotOpen).text(e.to_string())),
            }]
        }
    };
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                out.push(Unpacked { name: format!("{name} › entry {}", i + 1), bytes: Vec::new(), problem: Some(Said::new(Msg::EntryUnreadable).text(e.to_string())) });
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let entry_name = format!("{name} › {}", entry.name().map(|n| n.to_string()).unwrap_or_else(|_| format!("entry {}", i + 1)));
        let mut data = Vec::new();
        let problem = match (&mut entry).take(MAX_UNPACKED + 1).read_to_end(&mut data) {
            Ok(_) if data.len() as u64 > MAX_UNPACKED => {
                data.truncate(MAX_UNPACKED as usize);
                Some(Msg::UnpacksOver1Gb.into())
            }
            Ok(_) => None,
            Err(e) => Some(Said::new(Msg::EntryDamaged).text(e.to_string())),
        };
        out.push(Unpacked { name: entry_name, bytes: data, problem });
    }
    if out.is_empty() {
        out.push(Unpacked { name: name.to_string(), bytes: Vec::new(), problem: Some(Msg::ZipEmpty.into()) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, data) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn plain_files_pass_through() {
        assert_eq!(unpack("a.csv", b"x,y\n".to_vec()), vec![Unpacked { name: "a.csv".into(), bytes: b"x,y\n".to_vec(), problem: None }]);
    }

    #[test]
    fn gzip_and_zip_and_a_zip_of_gzips() {
        let log = b"Mar  4 09:15:01 mx1 postfix/smtpd[1]: connect from a[1.2.3.4]\n".repeat(50);
        let got = unpack("mail.log.2.gz", gz(&log));
        assert_eq!((got[0].name.as_str(), got[0].bytes.len(), &got[0].problem), ("mail.log.2.gz › mail.log.2", log.len(), &None));
        let z = zip_of(&[("logs/mail.log", &log), ("logs/mail.log.1.gz", &gz(b"second"))]);
        let got = unpack("logs.zip", z);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name, "logs.zip › logs/mail.log");
        assert_eq!(got[1].name, "logs.zip › logs/mail.log.1.gz › mail.log.1");
        assert_eq!(got[1].bytes, b"second");
    }

    #[test]
    fn damaged_archives_keep_what_was_read_and_say_so() {
        let log = b"line of text that repeats\n".repeat(2000);
        let packed = gz(&log);
        let cut = unpack("m.gz", packed[..packed.len() / 2].to_vec());
        assert!(cut[0].problem.as_ref().unwrap().to_string().contains("cut short"));
        assert!(!cut[0].bytes.is_empty() && cut[0].bytes.len() < log.len());
        assert!(log.starts_with(&cut[0].bytes));
        let z = zip_of(&[("a.log", &log)]);
        let broken = unpack("a.zip", z[..z.len() / 3].to_vec());
        assert!(broken[0].problem.is_some());
    }
}
