//! "Your domains": the organisation's mail domains, which tell inbound from outbound and intra-org
//! mail when an export does not say; suggested from the data and editable by the user.

use crate::model::Direction;

/// The domain of an address (`Alice@Contoso.com` → `contoso.com`), lower case.
pub fn domain_of(address: &str) -> Option<String> {
    let a = address.trim().trim_matches(|c| c == '<' || c == '>');
    let (_, d) = a.rsplit_once('@')?;
    let d = d.trim().trim_end_matches('.').to_ascii_lowercase();
    (!d.is_empty() && d.contains('.')).then_some(d)
}

/// The registrable domain of a host name (`mx1.mail.woodgrovebank.co.uk` → `woodgrovebank.co.uk`),
/// from the public suffix list; `None` for IP addresses and names without a known suffix.
pub fn registrable(host: &str) -> Option<String> {
    let h = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if h.is_empty() || h.parse::<std::net::IpAddr>().is_ok() || !h.contains('.') {
        return None;
    }
    psl::domain_str(&h).map(str::to_string)
}

/// The organisation's domains.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Domains(Vec<String>);

impl Domains {
    /// Domains from user text: separated by commas, semicolons, spaces or lines.
    pub fn parse(text: &str) -> Domains {
        let mut list: Vec<String> = text
            .split([',', ';', ' ', '\n', '\t'])
            .map(|d| d.trim().trim_start_matches('@').trim_end_matches('.').to_ascii_lowercase())
            .filter(|d| d.contains('.'))
            .collect();
        list.sort();
        list.dedup();
        Domains(list)
    }

    /// The list, sorted.
    pub fn list(&self) -> &[String] {
        &self.0
    }

    /// True when no domain is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The list as text for the editor.
    pub fn to_text(&self) -> String {
        self.0.join(", ")
    }

    /// True when the address's domain is one of ours or a subdomain of one.
    pub fn owns(&self, address: &str) -> bool {
        domain_of(address).is_some_and(|d| self.owns_domain(&d))
    }

    /// True when the domain (lower case) is one of ours or a subdomain of one.
    pub fn owns_domain(&self, d: &str) -> bool {
        self.0.iter().any(|mine| d == mine || d.strip_suffix(mine.as_str()).is_some_and(|rest| rest.ends_with('.')))
    }

    /// The direction from sender and recipient; `None` when neither or nothing is known.
    pub fn direction(&self, sender: Option<&str>, recipient: Option<&str>) -> Option<Direction> {
        self.direction_of(sender.map(|a| self.owns(a)), recipient.map(|a| self.owns(a)))
    }

    /// [`Domains::direction`] from the sender's and recipient's domains (lower case).
    pub fn direction_of_domains(&self, sender: Option<&str>, recipient: Option<&str>) -> Option<Direction> {
        self.direction_of(sender.map(|d| self.owns_domain(d)), recipient.map(|d| self.owns_domain(d)))
    }

    fn direction_of(&self, s: Option<bool>, r: Option<bool>) -> Option<Direction> {
        if self.is_empty() {
            return None;
        }
        match (s, r) {
            (Some(true), Some(true)) => Some(Direction::IntraOrg),
            (Some(true), Some(false)) => Some(Direction::Outbound),
            (Some(false), Some(true)) => Some(Direction::Inbound),
            (None, Some(true)) => Some(Direction::Inbound),
            (Some(true), None) => Some(Direction::Outbound),
            _ => None,
        }
    }
}

/// Suggests the organisation's domains from how often domains appear: the tenant domains an
/// export names (`Organization` column), `known` — the recipient domains of known-inbound and
/// sender domains of known-outbound mail, with their counts (each kept from 5% of the total) —
/// and otherwise the single most frequent domain of `any` (each domain with how often it is on
/// either side of a message: an organisation's own domain is on one side of nearly every one).
pub fn suggest<'a>(
    tenants: impl IntoIterator<Item = &'a str>,
    known: impl IntoIterator<Item = (&'a str, u64)>,
    any: impl IntoIterator<Item = (&'a str, u64)>,
) -> Domains {
    let mut out: Vec<String> = tenants.into_iter().filter_map(|t| {
        let t = t.trim().to_ascii_lowercase();
        t.contains('.').then_some(t)
    }).collect();
    let known: Vec<(&str, u64)> = known.into_iter().collect();
    let known_total: u64 = known.iter().map(|(_, n)| *n).fold(0, u64::saturating_add);
    out.extend(known.into_iter().filter(|(_, n)| n.saturating_mul(20) >= known_total).map(|(d, _)| d.to_string()));
    if out.iter().all(|d| d.ends_with(".onmicrosoft.com")) {
        if let Some((d, _)) = any.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))) {
            out.push(d.to_string());
        }
    }
    Domains::parse(&out.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_of_addresses() {
        assert_eq!(domain_of("Alice@Contoso.COM"), Some("contoso.com".into()));
        assert_eq!(domain_of("<bob@mail.fabrikam.com>"), Some("mail.fabrikam.com".into()));
        assert_eq!(domain_of("nobody"), None);
        assert_eq!(domain_of("x@localhost"), None);
    }

    #[test]
    fn registrable_domains_from_the_public_suffix_list() {
        assert_eq!(registrable("mx1.mail.woodgrovebank.co.uk"), Some("woodgrovebank.co.uk".into()));
        assert_eq!(registrable("mail-sor-f41.google.com."), Some("google.com".into()));
        assert_eq!(registrable("203.0.113.7"), None);
        assert_eq!(registrable("localhost"), None);
    }

    #[test]
    fn direction_from_sender_and_recipient() {
        let d = Domains::parse("contoso.com; @Contoso.onmicrosoft.com\nbad");
        assert_eq!(d.list(), ["contoso.com", "contoso.onmicrosoft.com"]);
        assert_eq!(d.direction(Some("a@contoso.com"), Some("b@fabrikam.com")), Some(Direction::Outbound));
        assert_eq!(d.direction(Some("a@fabrikam.com"), Some("b@eu.contoso.com")), Some(Direction::Inbound));
        assert_eq!(d.direction(Some("a@contoso.com"), Some("b@contoso.onmicrosoft.com")), Some(Direction::IntraOrg));
        assert_eq!(d.direction(Some("a@fabrikam.com"), Some("b@tailspin.com")), None);
        assert_eq!(d.direction(Some("a@notcontoso.com"), Some("b@x.com")), None, "suffix match needs a dot");
        assert_eq!(Domains::default().direction(Some("a@contoso.com"), Some("b@x.com")), None);
    }

    #[test]
    fn suggestions() {
        let s = suggest(["contoso.onmicrosoft.com"], [], [("contoso.com", 3), ("x.com", 1), ("y.com", 1), ("z.com", 1)]);
        assert_eq!(s.list(), ["contoso.com", "contoso.onmicrosoft.com"]);
        let s = suggest([], [("contoso.com", 2)], []);
        assert_eq!(s.list(), ["contoso.com"]);
    }
}
