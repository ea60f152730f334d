//! Partner cells once counted, sorted by key and packed: blocks of up to 64 cells, each cell as
//! the difference of its key from the one before, a byte saying which of its counts are not
//! zero, and those counts, all as variable-length integers. A typical cell takes 4 to 6 bytes
//! (against 40 in a plain array); each block keeps its first key, so a key or a range is found
//! by binary search over the blocks and a short decode.

use crate::aggregate::SLOTS;

/// A cell's counts, 64 bits each (a frozen count never overflows into another structure).
pub(super) type Sums = [u64; SLOTS];

/// The most cells in one block.
const BLOCK_CELLS: usize = 64;

/// Bytes before each block's cells on the wire: first key, cell count, byte length.
const BLOCK_HEAD: usize = 8 + 2 + 4;

/// Up to [`BLOCK_CELLS`] cells in key order.
#[derive(Clone, Debug)]
struct Block {
    first: u64,
    cells: u16,
    bytes: Box<[u8]>,
}

/// Sorted cells in blocks (what [`Builder`] makes).
#[derive(Clone, Debug, Default)]
pub(super) struct Frozen {
    blocks: Vec<Block>,
    len: usize,
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get(bytes: &[u8], at: &mut usize) -> Option<u64> {
    // Most numbers here (key steps, counts) take one byte.
    let first = *bytes.get(*at)?;
    if first < 0x80 {
        *at += 1;
        return Some(u64::from(first));
    }
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        if shift == 63 && b > 1 {
            return None;
        }
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

impl Block {
    fn iter(&self) -> Cells<'_> {
        Cells { bytes: &self.bytes, at: 0, left: self.cells, key: self.first }
    }
}

/// The cells of one block, decoded as they are read.
struct Cells<'a> {
    bytes: &'a [u8],
    at: usize,
    left: u16,
    key: u64,
}

impl Cells<'_> {
    fn decode(&mut self) -> Option<(u64, Sums)> {
        let key = self.key.checked_add(get(self.bytes, &mut self.at)?)?;
        let mask = *self.bytes.get(self.at)?;
        self.at += 1;
        let mut sums = [0u64; SLOTS];
        let mut left = mask;
        while left != 0 {
            *sums.get_mut(left.trailing_zeros() as usize)? = get(self.bytes, &mut self.at)?;
            left &= left - 1;
        }
        self.key = key;
        Some((key, sums))
    }
}

impl Iterator for Cells<'_> {
    type Item = (u64, Sums);

    fn next(&mut self) -> Option<(u64, Sums)> {
        self.left = self.left.checked_sub(1)?;
        let cell = self.decode();
        if cell.is_none() {
            // Only bytes that were never checked can end early; stop there.
            self.left = 0;
        }
        cell
    }
}

/// The cells of a run of blocks from key `lo` on (a plain loop: a `flat_map` over the blocks
/// cost a third more per cell).
struct Walk<'a> {
    blocks: std::slice::Iter<'a, Block>,
    cells: Cells<'a>,
    lo: u64,
}

impl<'a> Iterator for Walk<'a> {
    type Item = (u64, Sums);

    fn next(&mut self) -> Option<(u64, Sums)> {
        loop {
            match self.cells.next() {
                Some(cell) if cell.0 >= self.lo => return Some(cell),
                Some(_) => {}
                None => self.cells = self.blocks.next()?.iter(),
            }
        }
    }
}

/// Makes a [`Frozen`] from cells given in increasing key order, packing each as it comes.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    len: usize,
    /// The block being packed: its first and last key, cells and bytes.
    first: u64,
    last: u64,
    cells: u16,
    bytes: Vec<u8>,
}

/// Adds `b` to `a`, count by count (never past `u64::MAX`).
pub(super) fn add_into(a: &mut Sums, b: &Sums) {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.saturating_add(*y);
    }
}

/// Packs one cell after the key `prev`.
fn put_cell(out: &mut Vec<u8>, prev: u64, key: u64, sums: &Sums) {
    put(out, key.saturating_sub(prev));
    let mask = sums.iter().enumerate().fold(0u8, |m, (i, s)| if *s != 0 { m | 1 << i } else { m });
    out.push(mask);
    for s in sums.iter().filter(|s| **s != 0) {
        put(out, *s);
    }
}

impl Builder {
    /// Adds a cell; its key comes after every key pushed so far (the callers add equal keys up
    /// before).
    fn push(&mut self, key: u64, sums: Sums) {
        debug_assert!(self.cells == 0 || key > self.last, "cells in increasing key order");
        if self.cells == 0 {
            self.first = key;
            self.last = key;
        }
        put_cell(&mut self.bytes, self.last, key, &sums);
        self.last = key;
        self.cells += 1;
        if usize::from(self.cells) == BLOCK_CELLS {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.cells > 0 {
            self.len += usize::from(self.cells);
            self.blocks.push(Block { first: self.first, cells: self.cells, bytes: Box::from(&self.bytes[..]) });
        }
        self.cells = 0;
        self.bytes.clear();
    }

    /// Takes a whole block unchanged (every key in it comes after every key pushed so far).
    fn push_block(&mut self, block: Block) {
        self.flush();
        self.len += usize::from(block.cells);
        self.blocks.push(block);
    }

    fn finish(mut self) -> Frozen {
        self.flush();
        Frozen { blocks: self.blocks, len: self.len }
    }
}

/// Merging new cells into frozen ones: how many cells only the new side has may still be kept,
/// and the deliveries of those that may not.
struct Merging {
    out: Builder,
    room: usize,
    left_out: u64,
}

impl Merging {
    fn new_cell(&mut self, (key, sums): (u64, Sums)) {
        if self.room == 0 {
            let delivered = crate::aggregate::TlsCounts::from_slots(sums).total();
            self.left_out = self.left_out.saturating_add(delivered);
            return;
        }
        self.room -= 1;
        self.out.push(key, sums);
    }
}

impl Frozen {
    /// How many cells there are.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Bytes held by the cells (for the tests that state their size).
    #[cfg(test)]
    pub(super) fn bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.bytes.len() + std::mem::size_of::<Block>()).sum()
    }

    /// Every cell in key order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u64, Sums)> + '_ {
        self.from(0)
    }

    /// The cells from key `lo` on, in key order.
    pub(super) fn from(&self, lo: u64) -> impl Iterator<Item = (u64, Sums)> + '_ {
        let start = self.blocks.partition_point(|b| b.first <= lo).saturating_sub(1);
        let empty = Cells { bytes: &[], at: 0, left: 0, key: 0 };
        Walk { blocks: self.blocks.get(start..).unwrap_or(&[]).iter(), cells: empty, lo }
    }

    /// True when there is a cell with this key.
    pub(super) fn contains(&self, key: u64) -> bool {
        match self.blocks.partition_point(|b| b.first <= key).checked_sub(1).and_then(|i| self.blocks.get(i)) {
            Some(block) => block.iter().take_while(|(k, _)| *k <= key).any(|(k, _)| k == key),
            None => false,
        }
    }

    /// How many blocks hold the cells.
    pub(super) fn blocks(&self) -> usize {
        self.blocks.len()
    }

    /// Adds `new` (strictly increasing keys) in one pass: equal keys add up, and of the cells
    /// only `new` has, the first `room` are kept. Blocks no new key falls into are moved over
    /// as they are. Returns the deliveries of the cells left out and how many blocks were
    /// unpacked and packed again.
    pub(super) fn merge(self, new: impl IntoIterator<Item = (u64, Sums)>, room: usize) -> (Frozen, u64, usize) {
        let mut m = Merging { out: Builder::default(), room, left_out: 0 };
        let mut touched = 0;
        let mut new = new.into_iter().peekable();
        if new.peek().is_none() {
            // Nothing to add (merge_from's cells past 2^32, usually none): the blocks stay as they are.
            return (self, 0, 0);
        }
        let mut blocks = self.blocks.into_iter().peekable();
        while let Some(block) = blocks.next() {
            while let Some(cell) = new.next_if(|(k, _)| *k < block.first) {
                m.new_cell(cell);
            }
            let next_first = blocks.peek().map(|b| b.first);
            let touched_here = new.peek().is_some_and(|(k, _)| next_first.is_none_or(|n| *k < n));
            if !touched_here {
                m.out.push_block(block);
                continue;
            }
            touched += 1;
            for (key, mut sums) in block.iter() {
                while let Some(cell) = new.next_if(|(k, _)| *k < key) {
                    m.new_cell(cell);
                }
                if let Some((_, more)) = new.next_if(|(k, _)| *k == key) {
                    add_into(&mut sums, &more);
                }
                m.out.push(key, sums);
            }
        }
        for cell in new {
            m.new_cell(cell);
        }
        (m.out.finish(), m.left_out, touched)
    }
}

impl PartialEq for Frozen {
    fn eq(&self, other: &Frozen) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Eq for Frozen {}

impl serde::Serialize for Frozen {
    /// One byte string: per block its first key (8 bytes), cell count (2) and byte length (4),
    /// little-endian, then its bytes.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(self.blocks.iter().map(|b| BLOCK_HEAD + b.bytes.len()).sum());
        for block in &self.blocks {
            bytes.extend_from_slice(&block.first.to_le_bytes());
            bytes.extend_from_slice(&block.cells.to_le_bytes());
            bytes.extend_from_slice(&(block.bytes.len() as u32).to_le_bytes());
            bytes.extend_from_slice(&block.bytes);
        }
        serializer.serialize_bytes(&bytes)
    }
}

/// Walks a block's bytes without decoding its counts: `cells` cells, the first with a step of
/// zero and each later one a step up, that end exactly at the end of the bytes. Returns the last
/// key.
fn check_block(bytes: &[u8], first: u64, cells: u16) -> Option<u64> {
    let mut at = 0;
    let mut key = first;
    for n in 0..cells {
        let step = get(bytes, &mut at)?;
        if (n == 0) != (step == 0) {
            return None;
        }
        key = key.checked_add(step)?;
        let mask = *bytes.get(at)?;
        at += 1;
        for _ in 0..mask.count_ones() {
            // A count: bytes up to one without the high bit, ten at most.
            let len = bytes.get(at..)?.iter().take(10).position(|b| b & 0x80 == 0)? + 1;
            at += len;
        }
    }
    (at == bytes.len()).then_some(key)
}

/// Reads blocks back, checking that each holds the cells it says, in increasing key order
/// across blocks.
fn read_blocks(mut bytes: &[u8]) -> Result<Frozen, &'static str> {
    let mut out = Frozen::default();
    let mut last: Option<u64> = None;
    while !bytes.is_empty() {
        let head = bytes.get(..BLOCK_HEAD).ok_or("partner cells cut short")?;
        let first = u64::from_le_bytes(head[..8].try_into().map_err(|_| "partner cells cut short")?);
        let cells = u16::from_le_bytes(head[8..10].try_into().map_err(|_| "partner cells cut short")?);
        let size = u32::from_le_bytes(head[10..14].try_into().map_err(|_| "partner cells cut short")?) as usize;
        let body = bytes.get(BLOCK_HEAD..BLOCK_HEAD.saturating_add(size)).ok_or("partner cells cut short")?;
        if cells == 0 || usize::from(cells) > BLOCK_CELLS {
            return Err("partner cells damaged");
        }
        if last.is_some_and(|l| l >= first) {
            return Err("partner cells out of order");
        }
        last = Some(check_block(body, first, cells).ok_or("partner cells damaged")?);
        let block = Block { first, cells, bytes: body.into() };
        out.len += usize::from(cells);
        out.blocks.push(block);
        bytes = bytes.get(BLOCK_HEAD + size..).unwrap_or(&[]);
    }
    Ok(out)
}

impl<'de> serde::Deserialize<'de> for Frozen {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Blocks;
        impl serde::de::Visitor<'_> for Blocks {
            type Value = Frozen;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("partner cells as bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Frozen, E> {
                read_blocks(bytes).map_err(E::custom)
            }
            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Frozen, E> {
                self.visit_bytes(&bytes)
            }
        }
        deserializer.deserialize_bytes(Blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(cells: &[(u64, Sums)]) -> Frozen {
        Frozen::default().merge(cells.iter().copied(), usize::MAX).0
    }

    #[test]
    fn varints_round_trip_and_damage_is_none() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX - 1, u64::MAX] {
            let mut b = Vec::new();
            put(&mut b, v);
            let mut at = 0;
            assert_eq!(get(&b, &mut at), Some(v));
            assert_eq!(at, b.len());
            assert_eq!(get(&b[..b.len() - 1], &mut 0), None, "cut short");
        }
        assert_eq!(get(&[0xff; 10], &mut 0), None, "more than 64 bits");
        assert_eq!(get(&[0xff; 11], &mut 0), None);
    }

    #[test]
    fn merging_equals_adding_up_and_blocks_find_every_key() {
        // Keys spread over many blocks, counts from zero to past 2^32.
        let big = u64::from(u32::MAX) + 7;
        let a: Vec<(u64, Sums)> = (0..1000u64).map(|i| (i * 3, [i, 0, 0, if i % 7 == 0 { big } else { 1 }, 0, 0, i % 2, 0])).collect();
        let b: Vec<(u64, Sums)> = (0..700u64).map(|i| (i * 5 + 1000, [0, 1, 0, 0, 0, 0, 0, i])).collect();
        let merged = build(&a).merge(b.iter().copied(), usize::MAX).0;
        let mut want = std::collections::BTreeMap::<u64, Sums>::new();
        for (k, s) in a.iter().chain(&b) {
            add_into(want.entry(*k).or_default(), s);
        }
        assert_eq!(merged.iter().collect::<Vec<_>>(), want.iter().map(|(k, s)| (*k, *s)).collect::<Vec<_>>());
        assert_eq!(merged.len(), want.len());
        for k in [0, 3, 999, 1000, 1001, 2997, 4495, 4496, 5000] {
            assert_eq!(merged.contains(k), want.contains_key(&k), "{k}");
            assert_eq!(merged.from(k).next().map(|c| c.0), want.range(k..).next().map(|c| *c.0), "{k}");
        }
        // A merge of one key moves the untouched blocks over and changes only its own.
        let (once, left_out, touched) = merged.clone().merge([(1501, [0, 0, 0, 0, 2, 0, 0, 0])], 0);
        assert_eq!(touched, 1, "one block unpacked");
        assert_eq!(left_out, 2, "no room for a new cell: its deliveries are left out");
        assert_eq!(once, merged);
        let (once, _, _) = merged.clone().merge([(1501, [0, 0, 0, 0, 2, 0, 0, 0])], 1);
        assert_eq!(once.len(), merged.len() + 1);
        // Typical cells (small deltas, two counts) take a few bytes each.
        assert!(merged.bytes() < merged.len() * 8, "{} bytes for {} cells", merged.bytes(), merged.len());
    }

    #[test]
    fn blocks_cross_as_bytes_and_damage_is_an_error() {
        let cells: Vec<(u64, Sums)> = (0..200u64).map(|i| (i * i, [i + 1, 0, 0, 0, 0, 0, 0, 0])).collect();
        let frozen = build(&cells);
        let bytes = postcard::to_stdvec(&frozen).unwrap();
        let back: Frozen = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, frozen);
        assert_eq!(read_blocks(&[]).map(|f| f.len()), Ok(0));
        let mut raw = Vec::new();
        for block in &frozen.blocks {
            raw.extend_from_slice(&block.first.to_le_bytes());
            raw.extend_from_slice(&block.cells.to_le_bytes());
            raw.extend_from_slice(&(block.bytes.len() as u32).to_le_bytes());
            raw.extend_from_slice(&block.bytes);
        }
        assert_eq!(read_blocks(&raw).map(|f| f.len()), Ok(200));
        for cut in [1, 13, 14, 20, raw.len() - 1] {
            assert!(read_blocks(&raw[..cut]).is_err(), "cut at {cut}");
        }
        let mut swapped = raw.clone();
        swapped[..8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(read_blocks(&swapped).is_err(), "a first key that is not the block's first cell");
        let mut wrong_count = raw.clone();
        wrong_count[8] = wrong_count[8].wrapping_add(1);
        assert!(read_blocks(&wrong_count).is_err(), "a block that holds fewer cells than it says");
        for seed in 0..300u64 {
            let mut noisy = raw.clone();
            let at = (seed.wrapping_mul(2_654_435_761) as usize) % noisy.len();
            noisy[at] ^= 1 << (seed % 8);
            // Damage is either an error or cells in order: never a panic.
            if let Ok(f) = read_blocks(&noisy) {
                assert!(f.iter().collect::<Vec<_>>().windows(2).all(|w| w[0].0 < w[1].0));
            }
        }
    }
}
