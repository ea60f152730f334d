//! Per-partner counts by day, direction and connector, kept compact: thousands of partners over
//! months of data are millions of cells, so each is a 64-bit packed key and six 32-bit counts
//! (32 bytes instead of 64). A cell that does not fit (a date past the year 22,000, more than
//! 16,383 connectors or 33 million partners, a count past 2^32) lives in a wide map instead, so
//! every count stays exact.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;

use crate::aggregate::TlsCounts;
use crate::model::Direction;
use crate::tls::Tls;

/// A cell's key: day, direction, connector id (0: none), partner id.
pub type Key = (NaiveDate, Direction, u32, u32);

const DAY_BITS: u32 = 23;
const DIR_BITS: u32 = 2;
const CONN_BITS: u32 = 14;
const PARTNER_BITS: u32 = 25;

fn pack((day, dir, conn, partner): Key) -> Option<u64> {
    let d = u64::try_from(day.num_days_from_ce()).ok().filter(|d| *d < 1 << DAY_BITS)?;
    if u64::from(conn) >= 1 << CONN_BITS || u64::from(partner) >= 1 << PARTNER_BITS {
        return None;
    }
    Some(d << (DIR_BITS + CONN_BITS + PARTNER_BITS) | (dir as u64) << (CONN_BITS + PARTNER_BITS) | u64::from(conn) << PARTNER_BITS | u64::from(partner))
}

fn unpack(key: u64) -> Option<Key> {
    let mask = |bits: u32| (1u64 << bits) - 1;
    let day = NaiveDate::from_num_days_from_ce_opt(i32::try_from(key >> (DIR_BITS + CONN_BITS + PARTNER_BITS)).ok()?)?;
    let dir = *Direction::ALL.get(((key >> (CONN_BITS + PARTNER_BITS)) & mask(DIR_BITS)) as usize)?;
    Some((day, dir, ((key >> PARTNER_BITS) & mask(CONN_BITS)) as u32, (key & mask(PARTNER_BITS)) as u32))
}

/// The partner cells of an aggregate.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct PartnerCells {
    narrow: HashMap<u64, [u32; 6]>,
    wide: HashMap<Key, TlsCounts>,
}

impl PartnerCells {
    /// Adds `n` deliveries with TLS `tls` to a cell.
    pub fn add(&mut self, key: Key, tls: Tls, n: u64) {
        let mut counts = TlsCounts::default();
        counts.add(tls, n);
        self.add_all(key, &counts);
    }

    /// Adds every count of `counts` to a cell.
    pub fn add_all(&mut self, key: Key, counts: &TlsCounts) {
        if !self.wide.is_empty() {
            if let Some(wide) = self.wide.get_mut(&key) {
                return wide.add_all(counts);
            }
        }
        let Some(packed) = pack(key) else {
            return self.wide.entry(key).or_default().add_all(counts);
        };
        let cell = self.narrow.entry(packed).or_default();
        let mut sums = [0u64; 6];
        for ((s, a), b) in sums.iter_mut().zip(cell.iter()).zip(counts.0) {
            *s = u64::from(*a).saturating_add(b);
        }
        match sums.map(u32::try_from) {
            narrow if narrow.iter().all(Result::is_ok) => *cell = narrow.map(|n| n.unwrap_or(u32::MAX)),
            _ => {
                self.narrow.remove(&packed);
                self.wide.insert(key, TlsCounts(sums));
            }
        }
    }

    /// Every cell with its counts (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (Key, TlsCounts)> + '_ {
        let narrow = self.narrow.iter().filter_map(|(k, c)| Some((unpack(*k)?, TlsCounts(c.map(u64::from)))));
        narrow.chain(self.wide.iter().map(|(k, c)| (*k, *c)))
    }

    /// How many cells there are.
    pub fn len(&self) -> usize {
        self.narrow.len() + self.wide.len()
    }

    /// True when there is no cell.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_pack_and_unpack_and_what_does_not_fit_stays_exact() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        for key in [(day, Direction::Outbound, 0, 0), (day, Direction::IntraOrg, 16_383, (1 << 25) - 1), (NaiveDate::from_ymd_opt(1, 1, 1).unwrap(), Direction::Inbound, 7, 9)] {
            assert_eq!(pack(key).and_then(unpack), Some(key));
        }
        assert_eq!(pack((day, Direction::Inbound, 16_384, 0)), None);
        assert_eq!(pack((NaiveDate::from_ymd_opt(-5, 1, 1).unwrap(), Direction::Inbound, 0, 0)), None);

        let mut cells = PartnerCells::default();
        let far = (NaiveDate::from_ymd_opt(262_000, 1, 1).unwrap(), Direction::Inbound, 1, 2);
        cells.add(far, Tls::V1_2, 5);
        cells.add((day, Direction::Inbound, 1, 2), Tls::V1_2, u64::from(u32::MAX) - 1);
        cells.add((day, Direction::Inbound, 1, 2), Tls::V1_2, 10);
        cells.add((day, Direction::Inbound, 1, 2), Tls::None, 1);
        let mut all: Vec<(Key, TlsCounts)> = cells.iter().collect();
        all.sort_by_key(|(k, _)| *k);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].1 .0, [1, 0, 0, u64::from(u32::MAX) + 9, 0, 0], "past 2^32 the cell moved to the wide map, exactly");
        assert_eq!(all[1], (far, TlsCounts([0, 0, 0, 5, 0, 0])));
    }
}
