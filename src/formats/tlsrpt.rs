//! SMTP TLS reports (RFC 8460): JSON that other providers send about mail they sent to you. They
//! count sessions, not messages, and carry no TLS version, so they feed their own panel (success
//! rate per day and per reporting organisation, failure types) and never the delivery counts.

use crate::lang::{Msg, Said};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Deserialize)]
struct Raw {
    #[serde(rename = "organization-name", default)]
    organization: String,
    #[serde(rename = "date-range")]
    date_range: RawRange,
    #[serde(rename = "report-id", default)]
    report_id: String,
    #[serde(default)]
    policies: Vec<RawPolicy>,
}

#[derive(Deserialize)]
struct RawRange {
    #[serde(rename = "start-datetime")]
    start: String,
}

#[derive(Deserialize)]
struct RawPolicy {
    policy: RawPolicyDesc,
    summary: RawSummary,
    #[serde(rename = "failure-details", default)]
    failure_details: Vec<RawFailure>,
}

#[derive(Deserialize)]
struct RawPolicyDesc {
    #[serde(rename = "policy-type", default)]
    policy_type: String,
    #[serde(rename = "policy-domain", default)]
    policy_domain: String,
}

#[derive(Deserialize)]
struct RawSummary {
    #[serde(rename = "total-successful-session-count", default)]
    success: u64,
    #[serde(rename = "total-failure-session-count", default)]
    failure: u64,
}

#[derive(Deserialize)]
struct RawFailure {
    #[serde(rename = "result-type", default)]
    result_type: String,
    #[serde(rename = "failed-session-count", default)]
    count: u64,
}

/// One policy of one report: what one organisation saw for one of your domains on one day.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TlsReport {
    /// The reporting organisation (untrusted text).
    pub organization: String,
    /// The report's id (reports seen twice are counted once).
    pub report_id: String,
    /// The first day the report covers (UTC).
    pub day: NaiveDate,
    /// Your domain the policy is for.
    pub domain: String,
    /// `sts`, `tlsa` or `no-policy-found`.
    pub policy_type: String,
    /// Sessions that negotiated TLS as the policy asked.
    pub success: u64,
    /// Sessions that failed.
    pub failure: u64,
    /// Failed sessions per result type (`starttls-not-supported`, `certificate-expired`, ...).
    pub failures: Vec<(String, u64)>,
}

/// True when the text looks like an RFC 8460 report.
#[inline(never)] // see detect::detect
pub fn recognise(text: &str) -> bool {
    let head = crate::text::head(text, 4096);
    head.trim_start().starts_with('{') && head.contains("\"policies\"") && (head.contains("\"date-range\"") || head.contains("\"organization-name\""))
}

/// Reads one report (or several, one JSON document per line).
pub fn parse(text: &str) -> Result<Vec<TlsReport>, Said> {
    let mut out = Vec::new();
    let stream = serde_json::Deserializer::from_str(text).into_iter::<Raw>();
    for (i, raw) in stream.enumerate() {
        let raw = raw.map_err(|e| Said::new(Msg::ReportInvalid).number(i + 1).text(e.to_string()))?;
        let day = crate::dates::parse_iso(&raw.date_range.start)
            .map(|t| t.date())
            .ok_or_else(|| Said::new(Msg::ReportStartNotDate).text(raw.date_range.start.clone()))?;
        for p in raw.policies {
            out.push(TlsReport {
                organization: raw.organization.clone(),
                report_id: raw.report_id.clone(),
                day,
                domain: p.policy.policy_domain,
                policy_type: p.policy.policy_type,
                success: p.summary.success,
                failure: p.summary.failure,
                failures: p.failure_details.into_iter().map(|f| (f.result_type, f.count)).collect(),
            });
        }
    }
    Ok(out)
}

/// Success and failure sessions for one key (a day, an organisation, a failure type).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sessions {
    /// What the row is about.
    pub key: String,
    /// Successful sessions.
    pub success: u64,
    /// Failed sessions.
    pub failure: u64,
}

impl Sessions {
    /// The success rate in percent; `None` without sessions.
    pub fn rate(&self) -> Option<f64> {
        let total = self.success.saturating_add(self.failure);
        (total > 0).then(|| self.success as f64 * 100.0 / total as f64)
    }
}

/// The panel's numbers: per day, per organisation and per failure type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Per day, in date order.
    pub by_day: Vec<Sessions>,
    /// Per reporting organisation, most failures first.
    pub by_organization: Vec<Sessions>,
    /// Failed sessions per result type, most first (`failure` holds the count).
    pub by_failure: Vec<Sessions>,
}

/// Sums reports, counting each (organisation, report id, domain) once.
pub fn summarise(reports: &[TlsReport]) -> Summary {
    use std::collections::{BTreeMap, HashSet};
    let mut seen = HashSet::new();
    let (mut days, mut orgs, mut kinds): (BTreeMap<NaiveDate, Sessions>, BTreeMap<String, Sessions>, BTreeMap<String, u64>) = Default::default();
    for r in reports {
        if !r.report_id.is_empty() && !seen.insert((r.organization.clone(), r.report_id.clone(), r.domain.clone())) {
            continue;
        }
        let d = days.entry(r.day).or_default();
        // Session counts are untrusted numbers up to 2^64: sums saturate instead of overflowing.
        d.success = d.success.saturating_add(r.success);
        d.failure = d.failure.saturating_add(r.failure);
        let o = orgs.entry(r.organization.clone()).or_default();
        o.success = o.success.saturating_add(r.success);
        o.failure = o.failure.saturating_add(r.failure);
        for (kind, n) in &r.failures {
            let k = kinds.entry(kind.clone()).or_default();
            *k = k.saturating_add(*n);
        }
    }
    let by_day = days.into_iter().map(|(d, s)| Sessions { key: d.format("%Y-%m-%d").to_string(), ..s }).collect();
    let mut by_organization: Vec<Sessions> = orgs.into_iter().map(|(k, s)| Sessions { key: k, ..s }).collect();
    by_organization.sort_by(|a, b| b.failure.cmp(&a.failure).then(a.key.cmp(&b.key)));
    let mut by_failure: Vec<Sessions> = kinds.into_iter().map(|(k, n)| Sessions { key: k, success: 0, failure: n }).collect();
    by_failure.sort_by(|a, b| b.failure.cmp(&a.failure).then(a.key.cmp(&b.key)));
    Summary { by_day, by_organization, by_failure }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = r#"{"organization-name":"Company-X","date-range":{"start-datetime":"2026-03-04T00:00:00Z","end-datetime":"2026-03-04T23:59:59Z"},"contact-info":"sts-reporting@company-x.example","report-id":"5065427c-23d3-47ca-b6e0-946ea0e8c4be",
      "policies":[{"policy":{"policy-type":"sts","policy-string":["version: STSv1","mode: testing"],"policy-domain":"contoso.com","mx-host":["*.mail.protection.outlook.com"]},
        "summary":{"total-successful-session-count":5326,"total-failure-session-count":303},
        "failure-details":[{"result-type":"certificate-expired","sending-mta-ip":"2001:db8:abcd:0012::1","receiving-mx-hostname":"mx1.mail.company-y.example","failed-session-count":100},
          {"result-type":"starttls-not-supported","sending-mta-ip":"2001:db8:abcd:0013::1","receiving-mx-hostname":"mx2.mail.company-y.example","failed-session-count":200},
          {"result-type":"validation-failure","sending-mta-ip":"198.51.100.62","receiving-ip":"192.0.2.1","failed-session-count":3}]}]}"#;

    #[test]
    fn reads_and_sums_reports_once() {
        assert!(recognise(REPORT));
        assert!(!recognise("{\"date\":\"2026-03-04\",\"direction\":\"in\"}"));
        let r = parse(REPORT).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].success, r[0].failure, r[0].domain.as_str()), (5326, 303, "contoso.com"));
        let twice: Vec<TlsReport> = r.iter().chain(r.iter()).cloned().collect();
        let s = summarise(&twice);
        assert_eq!(s.by_day, vec![Sessions { key: "2026-03-04".into(), success: 5326, failure: 303 }]);
        assert_eq!(s.by_failure[0], Sessions { key: "starttls-not-supported".into(), success: 0, failure: 200 });
        assert!((s.by_organization[0].rate().unwrap() - 94.62).abs() < 0.01);
        assert!(parse("{\"policies\":[]}").is_err());
    }

    #[test]
    fn multi_byte_text_at_byte_4096_and_huge_counts() {
        // Byte 4096 inside a character panicked: "end byte index 4096 is not a char boundary".
        for pad in 4080..4100 {
            let t = format!("{{\"policies\":[], \"date-range\":{{}}, \"o\":\"{}\u{2013}\u{2013}\"}}", "y".repeat(pad - 40));
            assert!(recognise(&t));
        }
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let big = TlsReport { organization: "o".into(), report_id: "1".into(), day, domain: "d".into(), policy_type: "sts".into(), success: u64::MAX - 1, failure: u64::MAX - 1, failures: vec![("x".into(), u64::MAX)] };
        let other = TlsReport { report_id: "2".into(), ..big.clone() };
        let s = summarise(&[big, other]);
        assert_eq!((s.by_day[0].success, s.by_day[0].failure, s.by_failure[0].failure), (u64::MAX, u64::MAX, u64::MAX));
        assert!(s.by_day[0].rate().is_some());
    }
}
