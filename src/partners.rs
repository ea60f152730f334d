//! Per-partner counts by day, direction and connector, kept compact: thousands of partners over
//! months of data are millions of cells. Each is a 64-bit packed key with the six TLS values'
//! counts and the verified and not verified ones. While a file is read, cells are counted in a
//! small hash map of 32-bit counts that is sorted into packed blocks ([`frozen`]: a few bytes a
//! cell, 64-bit counts) whenever it fills, so memory grows with the cells at a few bytes each,
//! not with the deliveries. A cell whose key does not pack (a date past the year 22,000, more
//! than 16,383 connectors or 33 million partners) lives in a wide map, so every count stays
//! exact. The blocks cross from the loading worker to the page as plain bytes (no hashing on the
//! page's main thread) and merge with another's in one pass.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;

use crate::aggregate::{TlsCounts, SLOTS};
use crate::security::Auth;
use crate::model::Direction;
use crate::tls::Tls;

mod frozen;
use frozen::{add_into, Frozen, Sums};

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

/// The low `bits` bits set: one field of a packed key.
const fn mask(bits: u32) -> u64 {
    (1u64 << bits) - 1
}

fn unpack(key: u64) -> Option<Key> {
    let dir = *Direction::ALL.get((key >> (CONN_BITS + DAY_BITS + PARTNER_BITS)) as usize)?;
    let conn = ((key >> (DAY_BITS + PARTNER_BITS)) & mask(CONN_BITS)) as u32;
    let day = NaiveDate::from_num_days_from_ce_opt(i32::try_from((key >> PARTNER_BITS) & mask(DAY_BITS)).ok()?)?;
    Some((day, dir, conn, (key & mask(PARTNER_BITS)) as u32))
}

/// At most this many cells are kept (a typical frozen cell takes 4 to 6 bytes: about 40 MB).
/// Past it, a delivery whose cell is not there yet is counted in every total and share as
/// before, but without its partner ([`PartnerCells::capped`] says how many), so that memory
/// stays bounded whatever the input.
pub const MAX_CELLS: usize = 6_400_000;

/// Cells being counted are sorted into the frozen blocks when there are this many: the map
/// that counts them then stays below 16,384 slots (672 KB, within a core's cache) while cells
/// come in key order, as a log's days do, and each spill repacks few blocks.
const MIN_SPILL: usize = 14_336;

/// When a spill repacks more than a quarter of the blocks (cells in no order), the next waits
/// for twice as many cells, up to this many (262,144 slots, 10.7 MB), so that the blocks are
/// not rewritten again and again; when it repacks under a sixteenth, half as many.
const MAX_SPILL: usize = 229_376;

/// A counted cell: [`TlsCounts::slots`] in 32 bits each.
type Cell = [u32; SLOTS];

/// The partner cells of an aggregate: the sum of the frozen cells and the cells being counted
/// (a cell counted again after it was frozen is in both until the next spill).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PartnerCells {
    /// Cells being counted.
    #[serde(skip)]
    narrow: HashMap<u64, Cell>,
    /// Cells counted, sorted and packed (what [`PartnerCells::freeze`] made), as bytes on the wire.
    frozen: Frozen,
    /// Cells whose key does not pack.
    wide: HashMap<Key, TlsCounts>,
    /// Deliveries whose partner was not kept because the cells reached the cap.
    capped: u64,
    /// The cap ([`MAX_CELLS`]; smaller in tests).
    #[serde(skip, default = "max_cells")]
    cap: usize,
    /// How many cells being counted make a spill (from [`MIN_SPILL`] to [`MAX_SPILL`]).
    #[serde(skip, default = "min_spill")]
    spill_at: usize,
}

fn max_cells() -> usize {
    MAX_CELLS
}

fn min_spill() -> usize {
    MIN_SPILL
}

impl Default for PartnerCells {
    fn default() -> PartnerCells {
        PartnerCells { narrow: HashMap::default(), frozen: Frozen::default(), wide: HashMap::default(), capped: 0, cap: MAX_CELLS, spill_at: MIN_SPILL }
    }
}

/// Counts in 32 bits each, or `None` when one does not fit.
fn narrow_of(sums: &Sums) -> Option<Cell> {
    let cell = sums.map(|s| u32::try_from(s).ok());
    cell.iter().all(Option::is_some).then(|| cell.map(|c| c.unwrap_or(u32::MAX)))
}

fn wide_of(cell: &Cell) -> Sums {
    cell.map(u64::from)
}

/// One of two iterators of the same items.
enum Either<A, B> {
    Left(A),
    Right(B),
}

impl<T, A: Iterator<Item = T>, B: Iterator<Item = T>> Iterator for Either<A, B> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Either::Left(a) => a.next(),
            Either::Right(b) => b.next(),
        }
    }

    // Passing `fold` (what `for_each` and `sum` use) through lets a reader walk the cells in one
    // loop instead of through a `next` call per adapter per cell.
    fn fold<Acc, F: FnMut(Acc, T) -> Acc>(self, init: Acc, f: F) -> Acc {
        match self {
            Either::Left(a) => a.fold(init, f),
            Either::Right(b) => b.fold(init, f),
        }
    }
}

/// Cells in key order with equal neighbours added up.
fn folded(cells: impl IntoIterator<Item = (u64, Sums)>) -> impl Iterator<Item = (u64, Sums)> {
    let mut cells = cells.into_iter().peekable();
    std::iter::from_fn(move || {
        let (key, mut sums) = cells.next()?;
        while let Some((_, more)) = cells.next_if(|(k, _)| *k == key) {
            add_into(&mut sums, &more);
        }
        Some((key, sums))
    })
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

    /// True when these cells and `other`'s fit under one cap together: then no cell is left out
    /// whichever side takes in the other.
    pub fn fit_with(&self, other: &PartnerCells) -> bool {
        self.cap == other.cap && self.len().saturating_add(other.len()) <= self.cap
    }

    /// Counts `n` deliveries kept without their partner (a partner not even named, past the cap).
    pub fn note_capped(&mut self, n: u64) {
        self.capped = self.capped.saturating_add(n);
    }

    /// Adds `n` deliveries with TLS `tls` and verification `auth` to a cell.
    pub fn add(&mut self, key: Key, tls: Tls, auth: Auth, n: u64) {
        // A cell being counted takes the delivery in place while its counts stay under 2^32:
        // most rows, without building eight counts, adding them up and narrowing them again.
        if let (Some(packed), Ok(n)) = (pack(key), u32::try_from(n)) {
            if let Some(cell) = self.narrow.get_mut(&packed) {
                let (slot, level) = TlsCounts::slots_of(tls, auth);
                let slots = [Some(slot), level];
                if slots.iter().flatten().all(|&i| cell.get(i).is_some_and(|c| c.checked_add(n).is_some())) {
                    for &i in slots.iter().flatten() {
                        if let Some(c) = cell.get_mut(i) {
                            *c += n;
                        }
                    }
                    return;
                }
            }
        }
        let mut counts = TlsCounts::default();
        counts.add_checked(tls, auth, n);
        self.add_all(key, &counts);
    }

    /// Sorts the cells being counted into the frozen blocks, keeping the counting map's room
    /// for more.
    fn spill(&mut self) {
        if self.narrow.is_empty() {
            return;
        }
        let mut cells: Vec<(u64, Cell)> = self.narrow.drain().collect();
        cells.sort_unstable_by_key(|(k, _)| *k);
        let touched = self.merge_sorted(cells.into_iter().map(|(k, c)| (k, wide_of(&c))));
        let blocks = self.frozen.blocks();
        if touched * 4 > blocks {
            self.spill_at = (self.spill_at * 2).min(MAX_SPILL);
        } else if touched * 16 < blocks {
            self.spill_at = (self.spill_at / 2).max(MIN_SPILL);
        }
    }

    /// True when every cell is in the sorted blocks (or the few wide ones): none is left in the
    /// map being counted into, which each reading would sort again.
    pub fn is_frozen(&self) -> bool {
        self.narrow.is_empty()
    }

    /// Sorts the cells counted into the frozen blocks (once a file is read).
    pub fn freeze(&mut self) {
        self.spill();
        self.narrow = HashMap::default();
    }

    /// Merges sorted cells into the frozen blocks in one pass (equal keys add up); the cells
    /// only `cells` has are kept while there is room under the cap.
    /// Returns how many blocks were repacked.
    fn merge_sorted(&mut self, cells: impl IntoIterator<Item = (u64, Sums)>) -> usize {
        let room = self.cap.saturating_sub(self.frozen.len() + self.narrow.len() + self.wide.len());
        let (frozen, left_out, touched) = std::mem::take(&mut self.frozen).merge(cells, room);
        self.frozen = frozen;
        self.note_capped(left_out);
        touched
    }

    /// Adds every cell of `other`, with its connector and partner ids turned into this side's by
    /// `conn` and `partner`: frozen cells merge in one sorted pass.
    ///
    /// Their cells come in key order: runs of one direction, connector and day, whose key keeps
    /// its day and direction bits and takes new connector and partner bits. Only the order within
    /// a run (by partner) and of the runs (by connector) changes, so each run is sorted on its own
    /// (about a thousand cells, in cache) and then the runs: the second half of the 256 MB partners
    /// CSV (1.5 M cells) merged in 55 ms natively when sorted whole.
    pub fn merge_from(&mut self, other: &PartnerCells, conn: impl Fn(u32) -> u32, partner: impl Fn(u32) -> u32) {
        self.freeze();
        self.capped = self.capped.saturating_add(other.capped);
        let conn_at = DAY_BITS + PARTNER_BITS;
        // 40-byte cells (counts past 2^32 aside, in 64 bits), and where each run is.
        let mut cells: Vec<(u64, Cell)> = Vec::with_capacity(other.frozen.len() + other.narrow.len());
        let mut big: Vec<(u64, Sums)> = Vec::new();
        let mut runs: Vec<(u64, usize, usize)> = Vec::new();
        let mut run: Option<(u64, u64, usize)> = None; // (their high bits, ours, start)
        let mut close = |cells: &mut Vec<(u64, Cell)>, run: Option<(u64, u64, usize)>| {
            if let Some((_, high, start)) = run {
                if let Some(part) = cells.get_mut(start..) {
                    part.sort_unstable_by_key(|(k, _)| *k);
                }
                runs.push((high, start, cells.len()));
            }
        };
        for (k, counts) in other.packed_from(0) {
            let (c, p) = (conn(((k >> conn_at) & mask(CONN_BITS)) as u32), partner((k & mask(PARTNER_BITS)) as u32));
            if u64::from(c) >= 1 << CONN_BITS || u64::from(p) >= 1 << PARTNER_BITS {
                // Ids past what a key packs: the wide map.
                if let Some((day, dir, _, _)) = unpack(k) {
                    self.wide.entry((day, dir, c, p)).or_default().add_all(&TlsCounts::from_slots(counts));
                }
                continue;
            }
            let key = (k & !(mask(CONN_BITS) << conn_at) & !mask(PARTNER_BITS)) | u64::from(c) << conn_at | u64::from(p);
            if run.is_none_or(|(theirs, _, _)| theirs != k >> PARTNER_BITS) {
                close(&mut cells, run);
                run = Some((k >> PARTNER_BITS, key >> PARTNER_BITS, cells.len()));
            }
            match narrow_of(&counts) {
                Some(cell) => cells.push((key, cell)),
                None => big.push((key, counts)),
            }
        }
        close(&mut cells, run);
        // Runs in our key order; two of theirs on one of ours (two connectors turned into one)
        // are sorted together.
        runs.sort_unstable_by_key(|&(high, start, _)| (high, start));
        if runs.windows(2).any(|w| w[0].0 == w[1].0) {
            cells.sort_unstable_by_key(|(k, _)| *k);
            runs = vec![(0, 0, cells.len())];
        }
        big.sort_unstable_by_key(|(k, _)| *k);
        let in_order = runs.iter().flat_map(|&(_, start, end)| cells.get(start..end).unwrap_or_default());
        // Two of theirs mapped onto one of ours add up too.
        self.merge_sorted(folded(in_order.map(|(k, c)| (*k, wide_of(c)))));
        self.merge_sorted(folded(big));
        let remapped = |(day, dir, c, p): Key| (day, dir, conn(c), partner(p));
        for (k, counts) in &other.wide {
            self.add_all(remapped(*k), counts);
        }
        self.spill();
    }

    /// Adds every count of `counts` to a cell.
    pub fn add_all(&mut self, key: Key, counts: &TlsCounts) {
        if !self.wide.is_empty() {
            if let Some(wide) = self.wide.get_mut(&key) {
                return wide.add_all(counts);
            }
        }
        let Some(packed) = pack(key) else {
            if self.is_full() {
                return self.note_capped(counts.total());
            }
            return self.wide.entry(key).or_default().add_all(counts);
        };
        let mut sums = counts.slots();
        if let Some(cell) = self.narrow.get_mut(&packed) {
            add_into(&mut sums, &wide_of(cell));
            match narrow_of(&sums) {
                Some(n) => *cell = n,
                // Past 2^32: the cell goes to the frozen blocks, whose counts are 64-bit.
                None => {
                    self.narrow.remove(&packed);
                    self.merge_sorted(vec![(packed, sums)]);
                }
            }
            return;
        }
        // Past the cap only a cell already frozen is counted again (the count of cells may
        // include cells counted again since the last spill: the cap is then met a little early).
        if self.is_full() && !self.frozen.contains(packed) {
            return self.note_capped(counts.total());
        }
        match narrow_of(&sums) {
            Some(n) => {
                self.narrow.insert(packed, n);
                if self.narrow.len() >= self.spill_at {
                    self.spill();
                }
            }
            None => {
                self.merge_sorted(vec![(packed, sums)]);
            }
        }
    }

    /// Every cell with its counts (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (Key, TlsCounts)> + '_ {
        let packed = self.packed_from(0).filter_map(|(k, c)| Some((unpack(k)?, TlsCounts::from_slots(c))));
        packed.chain(self.wide.iter().map(|(k, c)| (*k, *c)))
    }

    /// The packed cells from key `lo` on, in key order: the frozen ones with those being
    /// counted added.
    fn packed_from(&self, lo: u64) -> impl Iterator<Item = (u64, Sums)> + '_ {
        if self.narrow.is_empty() {
            // Once a file is read, the usual case: the blocks alone.
            return Either::Left(self.frozen.from(lo));
        }
        let mut counting: Vec<(u64, Sums)> = self.narrow.iter().filter(|(k, _)| **k >= lo).map(|(k, c)| (*k, wide_of(c))).collect();
        counting.sort_unstable_by_key(|(k, _)| *k);
        let mut counting = counting.into_iter().peekable();
        let mut frozen = self.frozen.from(lo).peekable();
        Either::Right(std::iter::from_fn(move || match (frozen.peek(), counting.peek()) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                let (k, mut sums) = frozen.next()?;
                add_into(&mut sums, &counting.next()?.1);
                Some((k, sums))
            }
            (Some(a), Some(b)) if a.0 > b.0 => counting.next(),
            (Some(_), _) => frozen.next(),
            (None, _) => counting.next(),
        }))
    }

    /// The cells of one direction and connector from day `from` to day `to`: a run of the
    /// frozen blocks found by binary search (and the few cells not frozen or wide).
    pub fn range(&self, dir: Direction, conn: u32, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (Key, TlsCounts)> + '_ {
        let keep = move |(day, d, c, _): &Key| *d == dir && *c == conn && *day >= from && *day <= to;
        // Every packed key from `lo` to `hi` is of this direction and connector and within the
        // days; when the days do not pack, only the wide map can hold them, but look everywhere.
        let bounds = pack((from, dir, conn, 0)).zip(pack((to, dir, conn, mask(PARTNER_BITS) as u32)));
        let (lo, hi) = bounds.unwrap_or((0, u64::MAX));
        // The cells of one day, direction and connector are neighbours: their key's high bits
        // are unpacked once.
        let mut last: Option<(u64, Key)> = None;
        self.packed_from(lo)
            .take_while(move |(k, _)| *k <= hi)
            .filter_map(move |(k, c)| {
                let key = match last {
                    Some((high, (day, d, c, _))) if high == k >> PARTNER_BITS => (day, d, c, (k & mask(PARTNER_BITS)) as u32),
                    _ => {
                        let key = unpack(k)?;
                        last = Some((k >> PARTNER_BITS, key));
                        key
                    }
                };
                (bounds.is_some() || keep(&key)).then_some((key, TlsCounts::from_slots(c)))
            })
            .chain(self.wide.iter().map(|(k, c)| (*k, *c)).filter(move |(k, _)| keep(k)))
    }

    /// How many cells there are (a cell counted again since the last spill counts twice).
    pub fn len(&self) -> usize {
        self.frozen.len() + self.narrow.len() + self.wide.len()
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
    fn counting_past_the_spill_is_exact_and_small() {
        // A log's shape: days in order, each with thousands of partners, each partner seen
        // several times a day, so cells are counted again after they were spilled.
        let day = |d: u64| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(d);
        let mut cells = PartnerCells::default();
        let mut want = std::collections::BTreeMap::<Key, TlsCounts>::new();
        let mut x = 7u64;
        for d in 0..12u64 {
            for _ in 0..40_000 {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let key = (day(d), Direction::ALL[(x >> 60) as usize % 3], (x >> 50) as u32 % 3, (x >> 20) as u32 % 30_000);
                let (tls, auth) = (Tls::ALL[(x >> 40) as usize % 6], [Auth::Unknown, Auth::Verified, Auth::Unverified][(x >> 30) as usize % 3]);
                cells.add(key, tls, auth, 1 + (x >> 10) % 3);
                want.entry(key).or_default().add_checked(tls, auth, 1 + (x >> 10) % 3);
            }
        }
        assert!(want.len() > 30 * MIN_SPILL, "enough cells to spill: {}", want.len());
        assert!(cells.narrow.len() < cells.spill_at && cells.spill_at <= MAX_SPILL, "the counting map stays small");
        let got: std::collections::BTreeMap<Key, TlsCounts> = cells.iter().collect();
        assert_eq!(got, want, "before freezing");
        cells.freeze();
        assert_eq!(cells.iter().collect::<std::collections::BTreeMap<_, _>>(), want, "after");
        assert_eq!((cells.len(), cells.capped()), (want.len(), 0));
        assert!(cells.frozen.bytes() < want.len() * 10, "{} bytes for {} cells", cells.frozen.bytes(), want.len());
        let some: Vec<(Key, TlsCounts)> = cells.range(Direction::Outbound, 2, day(3), day(4)).collect();
        assert_eq!(some, want.iter().filter(|((d, dir, c, _), _)| *dir == Direction::Outbound && *c == 2 && (day(3)..=day(4)).contains(d)).map(|(k, v)| (*k, *v)).collect::<Vec<_>>());
    }

    #[test]
    fn spills_wait_longer_for_cells_in_no_order_and_stay_small_for_a_log() {
        let day = |d: u64| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(d);
        let count = |keys: &mut dyn Iterator<Item = Key>| {
            let mut cells = PartnerCells::default();
            let mut most = 0;
            for key in keys {
                cells.add(key, Tls::V1_2, Auth::Unknown, 1);
                most = most.max(cells.spill_at);
            }
            most
        };
        // A log: day after day, 20,000 partners a day.
        let ordered = count(&mut (0..30u64).flat_map(|d| (0..20_000u32).map(move |p| (day(d), Direction::Inbound, 1, p))));
        assert!(ordered <= 2 * MIN_SPILL, "in order: spills of at most {ordered} cells");
        // The same cells in no order: each spill would repack every block.
        let mut x = 1u64;
        let shuffled = count(&mut (0..600_000u32).map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (day((x >> 40) % 30), Direction::Inbound, 1, (x >> 8) as u32 % 20_000)
        }));
        assert!(shuffled >= 8 * MIN_SPILL, "in no order: spills of up to {shuffled} cells");
    }

    #[test]
    fn a_range_whose_days_do_not_pack_keeps_only_its_direction_and_connector() {
        // Days before year 1 do not pack: the range then reads every cell and must keep only
        // those of its own direction and connector.
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let mut cells = PartnerCells::default();
        for p in 0..5u32 {
            cells.add((day, Direction::Inbound, 1, p), Tls::V1_2, Auth::Unknown, 1);
            cells.add((day, Direction::Outbound, 2, p), Tls::V1_3, Auth::Unknown, 1);
        }
        cells.freeze();
        let far = NaiveDate::from_ymd_opt(-5, 1, 1).unwrap();
        let got: Vec<Key> = cells.range(Direction::Outbound, 2, far, day).map(|(k, _)| k).collect();
        assert_eq!(got, (0..5u32).map(|p| (day, Direction::Outbound, 2, p)).collect::<Vec<_>>());
        assert_eq!(cells.range(Direction::Inbound, 2, far, day).count(), 0);
    }

    #[test]
    fn capped_deliveries_are_deliveries_not_slots() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let mut cells = PartnerCells::with_cap(1);
        cells.add((day, Direction::Inbound, 0, 0), Tls::V1_3, Auth::Verified, 5);
        let mut other = PartnerCells::default();
        other.add((day, Direction::Inbound, 0, 1), Tls::V1_3, Auth::Verified, 4);
        other.freeze();
        cells.merge_from(&other, |c| c, |p| p);
        assert_eq!(cells.capped(), 4, "four deliveries left out, not their four verified counted again");
    }

    #[test]
    fn merging_with_ids_in_another_order_gives_what_counting_again_gives() {
        // Partner ids turned around, connectors swapped, and two of theirs onto one of ours:
        // the runs of one day, direction and connector come out in a new order and must be
        // sorted again (and the two merged runs summed).
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        for turned in [[0, 3, 1, 2], [0, 2, 1, 1]] {
            let (conn, partner) = (|c: u32| turned[c as usize % 4], |p: u32| 999 - p);
            let mut a = PartnerCells::default();
            let mut b = PartnerCells::default();
            for i in 0..4000u32 {
                a.add((day(1 + i % 9), Direction::ALL[(i % 2) as usize], i % 3, (i * 7) % 300), Tls::ALL[(i % 6) as usize], Auth::Unknown, 1 + u64::from(i % 4));
                b.add((day(1 + i % 11), Direction::ALL[(i % 2) as usize], i % 4, (i * 13) % 500), Tls::ALL[(i % 5) as usize], Auth::Verified, u64::from(i % 3));
            }
            let mut together = a.clone();
            for (k, c) in b.iter() {
                together.add_all((k.0, k.1, conn(k.2), partner(k.3)), &c);
            }
            a.freeze();
            b.freeze();
            a.merge_from(&b, conn, partner);
            let sorted = |c: &PartnerCells| {
                let mut v: Vec<(Key, TlsCounts)> = c.iter().collect();
                v.sort_by_key(|(k, _)| *k);
                v
            };
            assert_eq!(sorted(&a), sorted(&together));
            // The frozen cells are in key order: a range read finds every cell of its slice.
            let by_range: Vec<(Key, TlsCounts)> = a.range(Direction::Outbound, 1, day(2), day(8)).collect();
            let by_scan: Vec<(Key, TlsCounts)> = sorted(&a).into_iter().filter(|((d, dir, c, _), _)| *dir == Direction::Outbound && *c == 1 && *d >= day(2) && *d <= day(8)).collect();
            assert!(by_scan.len() > 100);
            assert_eq!(by_range, by_scan, "{turned:?}");
        }
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
