//! The column mapping: for a CSV Mailflow does not recognise, the header and first rows it shows
//! ([`Preview`]) and the columns the user says hold each field ([`Mapping`]), a loading option
//! the file is read again with. The UI builds and remembers these; the parsers read with them.

use crate::formats::table::header_key;

/// Which column holds which field, as the user chose in the column-mapping panel for a CSV that
/// Mailflow did not recognise.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    /// The date or date-time column.
    pub date: usize,
    /// The direction column.
    pub direction: usize,
    /// The connector column, if any.
    pub connector: Option<usize>,
    /// The TLS column, if any (without one, TLS is Unknown).
    pub tls: Option<usize>,
    /// The count column, if any (without one, each row is one delivery).
    pub count: Option<usize>,
    /// The remote host column, if any.
    pub remote_host: Option<usize>,
}

impl Mapping {
    /// The mapping as text for storing (`date=0;direction=3;tls=5`).
    pub fn to_text(&self) -> String {
        let mut parts = vec![format!("date={}", self.date), format!("direction={}", self.direction)];
        for (k, v) in [("connector", self.connector), ("tls", self.tls), ("count", self.count), ("remote_host", self.remote_host)] {
            if let Some(i) = v {
                parts.push(format!("{k}={i}"));
            }
        }
        parts.join(";")
    }

    /// Reads [`Mapping::to_text`]'s form back.
    pub fn from_text(text: &str) -> Option<Mapping> {
        let mut m = Mapping::default();
        let (mut date, mut direction) = (None, None);
        for part in text.split(';') {
            let (k, v) = part.split_once('=')?;
            let i: usize = v.trim().parse().ok()?;
            match k.trim() {
                "date" => date = Some(i),
                "direction" => direction = Some(i),
                "connector" => m.connector = Some(i),
                "tls" => m.tls = Some(i),
                "count" => m.count = Some(i),
                "remote_host" => m.remote_host = Some(i),
                _ => return None,
            }
        }
        m.date = date?;
        m.direction = direction?;
        Some(m)
    }
}

/// A CSV's header and first rows, for the column-mapping panel.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Preview {
    /// The header's fields.
    pub header: Vec<String>,
    /// Up to five rows.
    pub rows: Vec<Vec<String>>,
}

impl Preview {
    /// A key for remembering a mapping: the header's fields in [`header_key`] form.
    pub fn signature(&self) -> String {
        self.header.iter().map(|h| header_key(h)).collect::<Vec<_>>().join("|")
    }

    /// The first column whose name (in [`header_key`] form) contains one of `names`: the
    /// panel's first guess for a field.
    pub fn guess(&self, names: &[&str]) -> Option<usize> {
        self.header.iter().position(|h| {
            let k = header_key(h);
            names.iter().any(|n| k.contains(n))
        })
    }
}
