//! What crosses between the page and the loading worker, as bytes: the options a file is read
//! with, and the files read (summaries and counts, never rows of text). postcard (a compact serde
//! format) is used because the aggregate's maps have tuple keys, which JSON cannot carry.

use crate::lang::{Msg, Said};
use crate::load::LoadOptions;
use crate::stream::Part;

/// Encodes the files one load gave.
pub fn encode_parts(parts: &[Part]) -> Vec<u8> {
    postcard::to_stdvec(parts).unwrap_or_default()
}

/// Decodes what [`encode_parts`] wrote.
pub fn decode_parts(bytes: &[u8]) -> Result<Vec<Part>, Said> {
    postcard::from_bytes(bytes).map_err(|e| Said::new(Msg::WorkerAnswerUnreadable).text(e.to_string()))
}

/// Encodes the options a file is read with.
pub fn encode_options(options: &LoadOptions) -> Vec<u8> {
    postcard::to_stdvec(options).unwrap_or_default()
}

/// Decodes what [`encode_options`] wrote (defaults when it cannot).
pub fn decode_options(bytes: &[u8]) -> LoadOptions {
    postcard::from_bytes(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_all;

    #[test]
    fn loaded_files_cross_unchanged() {
        let s = crate::sample::bundled();
        let parts: Vec<Part> = load_all("sample.csv", s.csv.into_bytes(), &LoadOptions::default()).into_iter().map(|(l, _)| (l, None)).collect();
        let back = decode_parts(&encode_parts(&parts)).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].0.report, parts[0].0.report);
        assert_eq!(format!("{:?}", back[0].0.content.clone()).len(), format!("{:?}", parts[0].0.content).len());
        assert!(decode_parts(b"\x01garbage").is_err());
        let o = LoadOptions { log_year: Some(2024), ..Default::default() };
        assert_eq!(decode_options(&encode_options(&o)), o);
    }
}
