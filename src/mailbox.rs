//! E-mail as a container of SMTP TLS reports: an `.eml` message, or an `.mbox` mailbox exported
//! from a mail client, is opened like an archive. Every `application/tlsrpt+gzip` or `+json`
//! part (and any attachment that opens to one: `.json`, `.json.gz`, `.zip`) becomes report text
//! for [`crate::formats::tlsrpt`]; a report mailed twice is counted once there (by organisation,
//! report id and domain). DMARC aggregate reports found instead are named as such. MIME, base64
//! and quoted-printable are read by `mail-parser`.

use mail_parser::{MessageParser, MimeHeaders, PartType};

use crate::formats::tlsrpt;
use crate::lang::{Msg, Said};
use crate::unpack::{self, Unpacked};

/// Header names of a message (`.eml`): bytes whose first lines are header fields, two of them
/// known (these, or `X-`/`ARC-` fields) and one of them From, Date, Subject, MIME-Version,
/// Content-Type or Received, are an e-mail.
const HEADERS: [&str; 14] = [
    "from", "to", "subject", "date", "mime-version", "content-type", "received", "return-path", "message-id",
    "dkim-signature", "authentication-results", "delivered-to", "x-received", "arc-seal",
];

/// True when the bytes are an e-mail message or an mbox mailbox (judged on their start).
pub fn looks_like_mail(bytes: &[u8]) -> bool {
    // UTF-16 takes two bytes a character: twice the head, read as UTF-8 after.
    let head = as_utf8(&bytes[..bytes.len().min(16384)]);
    let text = String::from_utf8_lossy(&head[..head.len().min(8192)]);
    let mut names = text.lines().take(40).filter(|l| !l.starts_with([' ', '\t'])).map_while(|l| {
        let (name, _) = l.split_once(':')?;
        (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).then(|| name.to_ascii_lowercase())
    });
    if text.starts_with("From ") {
        // mbox: the separator line, then a message's headers.
        return text.lines().nth(1).and_then(|l| l.split_once(':')).is_some_and(|(n, _)| !n.contains(' '));
    }
    let known: Vec<String> = names.by_ref().take(40).filter(|n| HEADERS.contains(&n.as_str()) || n.starts_with("x-") || n.starts_with("arc-")).collect();
    known.len() >= 2 && known.iter().any(|n| matches!(n.as_str(), "from" | "date" | "subject" | "mime-version" | "content-type" | "received"))
}

/// The bytes as UTF-8 when they are UTF-16 text (a message saved as "Unicode" by a Windows tool,
/// with or without a byte-order mark); otherwise as they are. MIME itself is ASCII, so after this
/// the parser sees the message it would have seen.
fn as_utf8(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    use crate::decode::{decode_as, sniff_bom, sniff_utf16, TextEncoding};
    match sniff_bom(bytes).or_else(|| sniff_utf16(bytes)) {
        Some(e @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be)) => std::borrow::Cow::Owned(decode_as(bytes, e).text.into_owned().into_bytes()),
        _ => std::borrow::Cow::Borrowed(bytes),
    }
}

/// What was found in the messages.
#[derive(Default)]
struct Found {
    messages: u64,
    reports: Vec<String>,
    dmarc: u64,
    unreadable: u64,
}

/// Opens an e-mail or mailbox: the TLS reports in it, one JSON document per line, under the
/// file's own name; a problem says what it holds instead when it holds none, or how many report
/// attachments could not be opened.
pub fn open(name: &str, bytes: &[u8]) -> Unpacked {
    let bytes = as_utf8(bytes);
    let bytes = &bytes[..];
    let mut found = Found::default();
    if bytes.starts_with(b"From ") {
        for message in mail_parser::mailbox::mbox::MessageIterator::new(bytes) {
            match message {
                Ok(m) => look(m.contents(), &mut found),
                Err(_) => break,
            }
        }
    } else {
        look(bytes, &mut found);
    }
    let problem = if !found.reports.is_empty() {
        (found.unreadable > 0).then(|| Said::new(Msg::ReportsUnreadable).count(found.unreadable))
    } else if found.dmarc > 0 {
        Some(Said::new(Msg::DmarcInMail).count(found.dmarc))
    } else {
        Some(Said::new(Msg::MailWithoutReport).count(found.messages))
    };
    Unpacked { name: name.to_string(), bytes: found.reports.join("\n").into_bytes(), problem }
}

/// Looks through one message's parts for reports.
fn look(raw: &[u8], found: &mut Found) {
    found.messages += 1;
    let Some(message) = MessageParser::default().parse(raw) else {
        return;
    };
    for part in &message.parts {
        if matches!(part.body, PartType::Multipart(_) | PartType::Text(_) | PartType::Html(_) | PartType::Message(_)) {
            continue;
        }
        let declared = part.content_type().is_some_and(|c| c.ctype().eq_ignore_ascii_case("application") && c.subtype().is_some_and(|s| s.to_ascii_lowercase().starts_with("tlsrpt")));
        let part_name = part.attachment_name().unwrap_or("report");
        let mut recognised = false;
        for inner in unpack::unpack_archives(part_name, part.contents().to_vec()) {
            let text = String::from_utf8_lossy(&inner.bytes);
            if inner.problem.is_none() && tlsrpt::recognise(&text) {
                found.reports.push(text.trim().to_string());
                recognised = true;
            } else if looks_like_dmarc(&text) {
                found.dmarc += 1;
                recognised = true;
            }
        }
        if declared && !recognised {
            found.unreadable += 1;
        }
    }
}

/// True when text is a DMARC aggregate report (RFC 7489's XML `feedback`).
#[inline(never)] // see detect::detect
pub fn looks_like_dmarc(text: &str) -> bool {
    let head = crate::text::head(text, 8192);
    head.contains("<feedback") && (head.contains("<report_metadata") || head.contains("<policy_published"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_is_told_from_logs_and_tables() {
        assert!(looks_like_mail(b"Return-Path: <a@b>\nDate: Wed, 04 Sep 2024 03:53:20 -0700\nSubject: x\n\nbody"));
        assert!(looks_like_mail(b"From MAILER-DAEMON Wed Sep  4 10:00:00 2024\nFrom: a@b\nSubject: x\n\nbody\n"));
        assert!(!looks_like_mail(b"Mar  4 10:00:00 mx postfix/smtpd[1]: connect from a[1.2.3.4]\n"));
        assert!(!looks_like_mail(b"date,direction,tls,count\n2026-03-04,Inbound,TLS 1.2,4\n"));
        assert!(!looks_like_mail(b"Subject: only one header line\n\n"));
    }
}
