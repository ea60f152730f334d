//! What the browser remembers between visits (in `localStorage`, on this machine only): your
//! domains, the column mappings chosen for CSV headers Mailflow did not recognise, and the
//! language picked on the standalone page.

use crate::domains::Domains;
use crate::mapping::Mapping;

const DOMAINS_KEY: &str = "mailflow.domains";
const MAPPING_PREFIX: &str = "mailflow.mapping.";
const LANGUAGE_KEY: &str = "mailflow.language";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The domains the user saved, if any.
pub fn domains() -> Option<Domains> {
    let text = storage()?.get_item(DOMAINS_KEY).ok()??;
    let d = Domains::parse(&text);
    (!d.is_empty()).then_some(d)
}

/// Saves the user's domains (`None` forgets them).
pub fn save_domains(domains: Option<&Domains>) {
    let Some(s) = storage() else { return };
    let _ = match domains {
        Some(d) => s.set_item(DOMAINS_KEY, &d.to_text()),
        None => s.remove_item(DOMAINS_KEY),
    };
}

/// The mapping remembered for a header signature.
pub fn mapping_for(signature: &str) -> Option<Mapping> {
    let text = storage()?.get_item(&format!("{MAPPING_PREFIX}{signature}")).ok()??;
    Mapping::from_text(&text)
}

/// Remembers a mapping for a header signature.
pub fn save_mapping(signature: &str, mapping: &Mapping) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{MAPPING_PREFIX}{signature}"), &mapping.to_text());
    }
}

/// The language code picked on the standalone page, if any.
pub fn language() -> Option<String> {
    storage()?.get_item(LANGUAGE_KEY).ok()?
}

/// Remembers the language picked on the standalone page.
pub fn save_language(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANGUAGE_KEY, code);
    }
}
