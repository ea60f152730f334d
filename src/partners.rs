//! Per-partner counts by day, direction and connector, kept compact: thousands of partners over
//! months of data are millions of cells, so each is a 64-bit packed key and eight 32-bit counts
//! (the six TLS values, verified and not verified: 40 bytes instead of 72). A cell that does not fit (a date past the year 22,000, more than
//! 16,383 connectors or 33 million partners, a count past 2^32) lives in a wide map instead, so
//! every count stays exact. While a file is read the cells are a hash map; once it is read they
//! are frozen into one sorted array, which crosses from the loading worker to the page as plain
//! bytes (no hashing on the page's main thread) and merges with another in one linear pass.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;

use crate::aggregate::{TlsCounts, SLOTS};
use crate::security::Auth;
use crate::model::Direction;
use crate::tls::Tls;

/// A cell's key: day, direction, connector id (0: none), partner id.
pub type Key = (NaiveDate, Direction, u32, u32);

const DAY_BITS: u32 = 23;
const DIR_BITS: u32 = 2;
const CONN_BITS: u32 = 14;
const PARTNER_BITS: u32 = 25;
const _: () = assert!(DIR_BITS + CONN_BITS + DAY_BITS + PARTNER_BITS == 64, "a key is 64 bits");

/// Packs a key as direction, connector, day, partner (high bits to low), so that the frozen
/// cells of one direction and connector over a run of days are one slice of the sorted array.
fn pack((day, dir, conn, partner): Key) -> Option<u64> {
    let d = u64::try_from(day.num_days_from_ce()).ok().filter(|d| *d < 1 << DAY_BITS)?;
    if u64::from(conn) >= 1 << CONN_BITS || u64::from(partner) >= 1 << PARTNER_BITS {
        return None;
    }
    Some((dir as u64) << (CONN_BITS + DAY_BITS + PARTNER_BITS) | u64::from(conn) << (DAY_BITS + PARTNER_BITS) | d << PARTNER_BITS | u64::from(partner))
}

fn unpack(key: u64) -> Option<Key> {
    let mask = |bits: u32| (1u64 << bits) - 1;
    let dir = *Direction::ALL.get((key >> (CONN_BITS + DAY_BITS + PARTNER_BITS)) as usize)?;
    let conn = ((key >> (DAY_BITS + PARTNER_BITS)) & mask(CONN_BITS)) as u32;
    let day = NaiveDate::from_num_days_from_ce_opt(i32::try_from((key >> PARTNER_BITS) & mask(DAY_BITS)).ok()?)?;
    Some((day, dir, conn, (key & mask(PARTNER_BITS)) as u32))
}

/// At most this many cells are kept (40 bytes each: 256 MB). Past it, a delivery whose cell is
/// not there yet is counted in every total and share as before, but without its partner
/// ([`PartnerCells::capped`] says how many), so that memory stays bounded whatever the input.
pub const MAX_CELLS: usize = 6_400_000;

/// A packed cell's counts: [`TlsCounts::slots`] in 32 bits each.
type Cell = [u32; SLOTS];

/// The partner cells of an aggregate.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PartnerCells {
    /// Cells being counted.
    #[serde(skip)]
    narrow: HashMap<u64, Cell>,
    /// Cells counted, sorted by key (what [`PartnerCells::freeze`] made), as bytes on the wire.
    frozen: Frozen,
    wide: HashMap<Key, TlsCounts>,
    /// Deliveries whose partner was not kept because the cells reached the cap.
    capped: u64,
    /// The cap ([`MAX_CELLS`]; smaller in tests).
    #[serde(skip, default = "max_cells")]
    cap: usize,
}

fn max_cells() -> usize {
    MAX_CELLS
}

impl Default for PartnerCells {
    fn default() -> PartnerCells {
        PartnerCells { narrow: HashMap::default(), frozen: Frozen::default(), wide: HashMap::default(), capped: 0, cap: MAX_CELLS }
    }
}

/// Sorted cells, serialised as one byte string: per cell the key (8 bytes) and eight counts (4
/// bytes each), little-endian.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Frozen(Vec<(u64, Cell)>);

const CELL_BYTES: usize = 8 + SLOTS * 4;

impl serde::Serialize for Frozen {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(self.0.len() * CELL_BYTES);
        for (key, counts) in &self.0 {
            bytes.extend_from_slice(&key.to_le_bytes());
            for c in counts {
                bytes.extend_from_slice(&c.to_le_bytes());
            }
        }
        serializer.serialize_bytes(&bytes)
    }
}

impl<'de> serde::Deserialize<'de> for Frozen {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Cells;
        impl serde::de::Visitor<'_> for Cells {
            type Value = Frozen;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("partner cells as bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Frozen, E> {
                if bytes.len() % CELL_BYTES != 0 {
                    return Err(E::custom("partner cells cut short"));
                }
                let word = |b: &[u8], at: usize| b.get(at..at + 4).and_then(|w| w.try_into().ok()).map(u32::from_le_bytes).unwrap_or(0);
                let cells = bytes
                    .chunks_exact(CELL_BYTES)
                    .map(|c| {
                        let key = c.get(..8).and_then(|k| k.try_into().ok()).map(u64::from_le_bytes).unwrap_or(0);
                        (key, std::array::from_fn(|i| word(c, 8 + 4 * i)))
                    })
                    .collect::<Vec<_>>();
                if cells.windows(2).any(|w| w[0].0 >= w[1].0) {
                    return Err(E::custom("partner cells out of order"));
                }
                Ok(Frozen(cells))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Frozen, E> {
                self.visit_bytes(&bytes)
            }
        }
        deserializer.deserialize_bytes(Cells)
    }
}

impl PartnerCells {
    /// Cells with a cap of `cap` instead of [`MAX_CELLS`] (for tests).
    pub fn with_cap(cap: usize) -> PartnerCells {
        PartnerCells { cap, ..PartnerCells::default() }
    }

    /// Deliveries counted without their partner because the cells reached the cap.
    pub fn capped(&self) -> u64 {
        self.capped
    }

    /// True when no new cell can be kept (what is added to a new cell is counted as capped).
    pub fn is_full(&self) -> bool {
        self.len() >= self.cap
    }

    /// Counts `n` deliveries kept without their partner (a partner not even named, past the cap).
    pub fn note_capped(&mut self, n: u64) {
        self.capped = self.capped.saturating_add(n);
    }

    /// Counts deliveries that found no room.
    fn cap_out(&mut self, counts: &Cell) {
        self.capped = self.capped.saturating_add(counts.iter().map(|c| u64::from(*c)).sum::<u64>());
    }

    /// Adds `n` deliveries with TLS `tls` and verification `auth` to a cell.
    pub fn add(&mut self, key: Key, tls: Tls, auth: Auth, n: u64) {
        let mut counts = TlsCounts::default();
        counts.add_checked(tls, auth, n);
        self.add_all(key, &counts);
    }

    /// Sorts the cells counted into the frozen array (once a file is read).
    pub fn freeze(&mut self) {
        if self.narrow.is_empty() {
            return;
        }
        let mut cells: Vec<(u64, Cell)> = std::mem::take(&mut self.narrow).into_iter().collect();
        cells.sort_unstable_by_key(|(k, _)| *k);
        self.merge_sorted(cells);
    }

    /// Merges sorted cells into the frozen array in one pass (equal keys add up).
    fn merge_sorted(&mut self, cells: Vec<(u64, Cell)>) {
        let old = std::mem::take(&mut self.frozen.0);
        let mut out = Vec::with_capacity(old.len() + cells.len());
        let (mut a, mut b) = (old.into_iter().peekable(), cells.into_iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x.0 == y.0 => {
                    let (k, x) = a.next().unwrap_or_default();
                    let (_, y) = b.next().unwrap_or_default();
                    let mut sums = [0u64; SLOTS];
                    for ((s, p), q) in sums.iter_mut().zip(x).zip(y) {
                        *s = u64::from(p) + u64::from(q);
                    }
                    match sums.map(u32::try_from) {
                        n if n.iter().all(Result::is_ok) => (k, n.map(|v| v.unwrap_or(u32::MAX))),
                        _ => {
                            if let Some(key) = unpack(k) {
                                self.wide.entry(key).or_default().add_all(&TlsCounts::from_slots(sums));
                            }
                            continue;
                        }
                    }
                }
                (Some(x), Some(y)) if x.0 < y.0 => a.next().unwrap_or_default(),
                (Some(_), None) => a.next().unwrap_or_default(),
                (_, Some(_)) => {
                    // A cell only the new side has: kept while there is room.
                    let cell = b.next().unwrap_or_default();
                    if out.len() + a.len() + self.narrow.len() + self.wide.len() >= self.cap {
                        self.cap_out(&cell.1);
                        continue;
                    }
                    cell
                }
                (None, None) => break,
            };
            out.push(next);
        }
        self.frozen.0 = out;
    }

    /// Adds every cell of `other`, with its connector and partner ids turned into this side's by
    /// `conn` and `partner`: frozen cells merge in one sorted pass.
    pub fn merge_from(&mut self, other: &PartnerCells, conn: impl Fn(u32) -> u32, partner: impl Fn(u32) -> u32) {
        self.freeze();
        self.capped = self.capped.saturating_add(other.capped);
        let mut cells = Vec::with_capacity(other.frozen.0.len() + other.narrow.len());
        let remapped = |(day, dir, c, p): Key| (day, dir, conn(c), partner(p));
        for (k, counts) in other.narrow_cells() {
            let Some(key) = unpack(k).map(remapped) else { continue };
            match pack(key) {
                Some(packed) if !self.wide.contains_key(&key) => cells.push((packed, counts)),
                _ => self.wide.entry(key).or_default().add_all(&TlsCounts::from_slots(counts.map(u64::from))),
            }
        }
        for (k, counts) in &other.wide {
            self.add_all(remapped(*k), counts);
        }
        cells.sort_unstable_by_key(|(k, _)| *k);
        // Equal keys within `cells` (two of theirs mapped onto one of ours) are added up too.
        let mut folded: Vec<(u64, Cell)> = Vec::with_capacity(cells.len());
        for (k, c) in cells {
            match folded.last_mut() {
                Some((lk, lc)) if *lk == k && lc.iter().zip(c).all(|(a, b)| a.checked_add(b).is_some()) => {
                    for (a, b) in lc.iter_mut().zip(c) {
                        *a += b;
                    }
                }
                _ => folded.push((k, c)),
            }
        }
        self.merge_sorted(folded);
    }

    /// Adds every count of `counts` to a cell.
    pub fn add_all(&mut self, key: Key, counts: &TlsCounts) {
        if !self.wide.is_empty() {
            if let Some(wide) = self.wide.get_mut(&key) {
                return wide.add_all(counts);
            }
        }
        let room = self.len() < self.cap;
        let Some(packed) = pack(key) else {
            if !room && !self.wide.contains_key(&key) {
                return self.note_capped(counts.total());
            }
            return self.wide.entry(key).or_default().add_all(counts);
        };
        let cell = match self.frozen.0.binary_search_by_key(&packed, |(k, _)| *k) {
            // A frozen cell counted again (a joined export adding to a log's counts).
            Ok(i) => match self.frozen.0.get_mut(i) {
                Some((_, cell)) => cell,
                None => return,
            },
            Err(_) if room => self.narrow.entry(packed).or_default(),
            Err(_) => match self.narrow.get_mut(&packed) {
                Some(cell) => cell,
                None => {
                    self.capped = self.capped.saturating_add(counts.total());
                    return;
                }
            },
        };
        let mut sums = [0u64; SLOTS];
        for ((s, a), b) in sums.iter_mut().zip(cell.iter()).zip(counts.slots()) {
            *s = u64::from(*a).saturating_add(b);
        }
        match sums.map(u32::try_from) {
            narrow if narrow.iter().all(Result::is_ok) => *cell = narrow.map(|n| n.unwrap_or(u32::MAX)),
            _ => {
                self.narrow.remove(&packed);
                if let Ok(i) = self.frozen.0.binary_search_by_key(&packed, |(k, _)| *k) {
                    self.frozen.0.remove(i);
                }
                self.wide.insert(key, TlsCounts::from_slots(sums));
            }
        }
    }

    /// Every cell with its counts (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (Key, TlsCounts)> + '_ {
        let narrow = self.narrow_cells().filter_map(|(k, c)| Some((unpack(k)?, TlsCounts::from_slots(c.map(u64::from)))));
        narrow.chain(self.wide.iter().map(|(k, c)| (*k, *c)))
    }

    /// The packed cells, frozen and being counted.
    fn narrow_cells(&self) -> impl Iterator<Item = (u64, Cell)> + '_ {
        self.frozen.0.iter().copied().chain(self.narrow.iter().map(|(k, v)| (*k, *v)))
    }

    /// The cells of one direction and connector from day `from` to day `to`: a slice of the
    /// frozen array found by binary search (and the few cells not frozen or wide).
    pub fn range(&self, dir: Direction, conn: u32, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (Key, TlsCounts)> + '_ {
        let bounds = pack((from, dir, conn, 0)).zip(pack((to, dir, conn, (1 << PARTNER_BITS) - 1)));
        let slice = match bounds {
            Some((lo, hi)) => {
                let a = self.frozen.0.partition_point(|(k, _)| *k < lo);
                let b = self.frozen.0.partition_point(|(k, _)| *k <= hi);
                self.frozen.0.get(a..b.max(a)).unwrap_or(&[])
            }
            // Days outside what packs: only the wide map can hold them, but look everywhere.
            None => &self.frozen.0[..],
        };
        let keep = move |(day, d, c, _): &Key| *d == dir && *c == conn && *day >= from && *day <= to;
        let packed = slice.iter().copied().chain(self.narrow.iter().map(|(k, v)| (*k, *v)));
        packed
            .filter_map(|(k, c)| Some((unpack(k)?, TlsCounts::from_slots(c.map(u64::from)))))
            .chain(self.wide.iter().map(|(k, c)| (*k, *c)))
            .filter(move |(k, _)| keep(k))
    }

    /// How many cells there are.
    pub fn len(&self) -> usize {
        self.frozen.0.len() + self.narrow.len() + self.wide.len()
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
    fn cells_stop_at_the_cap_and_say_what_they_left_out() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let mut cells = PartnerCells::with_cap(3);
        for p in 0..5u32 {
            cells.add((day, Direction::Inbound, 0, p), Tls::V1_2, Auth::Unknown, 10 + u64::from(p));
        }
        assert_eq!(cells.len(), 3);
        assert_eq!(cells.capped(), 13 + 14, "the two partners past the cap");
        cells.add((day, Direction::Inbound, 0, 1), Tls::None, Auth::Unknown, 7);
        assert_eq!(cells.capped(), 27, "a kept cell is still counted past the cap");
        cells.freeze();
        cells.add((day, Direction::Outbound, 0, 9), Tls::V1_3, Auth::Unknown, 2);
        assert_eq!((cells.len(), cells.capped()), (3, 29), "frozen cells count towards the cap");

        // Merging keeps the cap too, and adds what the other side left out.
        let mut other = PartnerCells::with_cap(2);
        for p in 0..3u32 {
            other.add((day, Direction::Outbound, 1, p), Tls::V1_2, Auth::Unknown, 1);
        }
        other.freeze();
        let mut roomy = PartnerCells::with_cap(4);
        roomy.add((day, Direction::Inbound, 0, 0), Tls::V1_2, Auth::Unknown, 5);
        roomy.merge_from(&other, |c| c, |p| p);
        assert_eq!((roomy.len(), roomy.capped()), (3, 1), "two of theirs fit, and their one left out is carried");
        let mut full = PartnerCells::with_cap(1);
        full.add((day, Direction::Inbound, 0, 0), Tls::V1_2, Auth::Unknown, 5);
        full.merge_from(&other, |c| c, |p| p);
        assert_eq!((full.len(), full.capped()), (1, 3), "no room: theirs are counted as left out");
        assert_eq!(PartnerCells::default().cap, MAX_CELLS);
        let back: PartnerCells = postcard::from_bytes(&postcard::to_stdvec(&full).unwrap()).unwrap();
        assert_eq!((back.capped(), back.cap), (3, MAX_CELLS), "the count crosses to the page");
    }

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
        cells.add(far, Tls::V1_2, Auth::Unknown, 5);
        cells.add((day, Direction::Inbound, 1, 2), Tls::V1_2, Auth::Unknown, u64::from(u32::MAX) - 1);
        cells.add((day, Direction::Inbound, 1, 2), Tls::V1_2, Auth::Unknown, 10);
        cells.add((day, Direction::Inbound, 1, 2), Tls::None, Auth::Unknown, 1);
        let mut all: Vec<(Key, TlsCounts)> = cells.iter().collect();
        all.sort_by_key(|(k, _)| *k);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].1 .0, [1, 0, 0, u64::from(u32::MAX) + 9, 0, 0], "past 2^32 the cell moved to the wide map, exactly");
        assert_eq!(all[1], (far, TlsCounts([0, 0, 0, 5, 0, 0], [0; 2])));
    }

    #[test]
    fn frozen_cells_cross_as_bytes_and_merge_like_counting_again() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let mut a = PartnerCells::default();
        let mut b = PartnerCells::default();
        for i in 0..500u32 {
            a.add((day(1 + i % 28), Direction::Inbound, i % 3, i % 40), Tls::ALL[(i % 6) as usize], [Auth::Unknown, Auth::Verified, Auth::Unverified][(i % 5 % 3) as usize], u64::from(i));
            b.add((day(1 + i % 20), Direction::Outbound, i % 2, i % 70), Tls::V1_2, Auth::Unknown, 1);
        }
        let far = (NaiveDate::from_ymd_opt(250_000, 1, 1).unwrap(), Direction::Inbound, 1, 1);
        b.add(far, Tls::None, Auth::Unknown, 3);
        let sorted = |c: &PartnerCells| {
            let mut v: Vec<(Key, TlsCounts)> = c.iter().collect();
            v.sort_by_key(|(k, _)| *k);
            v
        };
        // Counting both into one, against freezing each, sending it as bytes and merging.
        let mut together = a.clone();
        for (k, c) in b.iter() {
            together.add_all((k.0, k.1, k.2 + 10, k.3 + 100), &c);
        }
        a.freeze();
        b.freeze();
        let a: PartnerCells = postcard::from_bytes(&postcard::to_stdvec(&a).unwrap()).unwrap();
        let b: PartnerCells = postcard::from_bytes(&postcard::to_stdvec(&b).unwrap()).unwrap();
        let mut merged = a.clone();
        merged.merge_from(&b, |c| c + 10, |p| p + 100);
        assert_eq!(sorted(&merged), sorted(&together));
        assert_eq!(merged.len(), together.len());
        let by_range: Vec<(Key, TlsCounts)> = merged.range(Direction::Outbound, 11, day(3), day(9)).collect();
        let by_scan: Vec<(Key, TlsCounts)> = sorted(&merged).into_iter().filter(|((d, dir, c, _), _)| *dir == Direction::Outbound && *c == 11 && *d >= day(3) && *d <= day(9)).collect();
        assert!(!by_scan.is_empty());
        let mut by_range_sorted = by_range.clone();
        by_range_sorted.sort_by_key(|(k, _)| *k);
        assert_eq!(by_range_sorted, by_scan);
        // Counting into frozen cells again still adds up.
        let mut again = merged.clone();
        again.add((day(1), Direction::Inbound, 0, 0), Tls::None, Auth::Unknown, 2);
        let cell = |c: &PartnerCells| c.iter().find(|(k, _)| *k == (day(1), Direction::Inbound, 0, 0)).map(|(_, c)| c.get(Tls::None));
        assert_eq!(cell(&again), cell(&merged).map(|n| n + 2));
        assert!(postcard::from_bytes::<PartnerCells>(&[1, 2, 3]).is_err(), "damaged bytes are an error, not a panic");
    }
}
