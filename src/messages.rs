//! Per-message records from Microsoft's exports, kept so that files dropped together (or one after
//! another) can be joined: a report gives direction and connector, a trace detail the TLS version
//! of the same message and recipient. Overlapping exports are counted once. Records are kept
//! compact ([`Record`]: a 128-bit key of message id and recipient, names by number), so that
//! memory grows with the messages and not with the text of the exports.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use hashbrown::HashTable;

use crate::aggregate::Aggregate;
use crate::domains::{domain_of, Domains};
use crate::model::{Delivery, Direction};
use crate::tls::Tls;

/// Which kind of export a record came from; two records of the same kind for the same message
/// and recipient are one delivery seen twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SourceKind {
    /// `Get-MessageTrace(V2)` or the message-trace page's summary export.
    Trace,
    /// The enhanced summary report.
    Enhanced,
    /// The extended report.
    Extended,
    /// `Get-MessageTraceDetail(V2)`.
    Detail,
    /// An Exchange Server message tracking log.
    Tracking,
}

impl SourceKind {
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// What one export says about one message to one recipient, as text (what a parser builds
/// before it is stored as a [`Record`]).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MessageRecord {
    /// The Internet message id (without `<>`, lower case), or the network message id.
    pub id: String,
    /// The recipient address, lower case.
    pub recipient: String,
    /// The sender address.
    pub sender: Option<String>,
    /// When it was received or sent (UTC).
    pub time: Option<NaiveDateTime>,
    /// The direction, when the export says.
    pub direction: Option<Direction>,
    /// A direction from weaker evidence (which IP column is set), used when neither the export
    /// nor your domains tell.
    pub direction_hint: Option<Direction>,
    /// `Some(None)`: the export says there was no connector; `None`: it does not say.
    pub connector: Option<Option<String>>,
    /// The TLS version, when the export says: the first hop that names one (for inbound mail, the
    /// hop that received it from outside).
    pub tls: Option<Tls>,
    /// The last hop that names a TLS version (for outbound mail, the hop that sent it out), when
    /// an export lists several hops.
    pub tls_last: Option<Tls>,
    /// The remote server's host name.
    pub remote_host: Option<String>,
    /// The remote server's IP address.
    pub remote_ip: Option<String>,
}

/// Normalises a message id for joining: no angle brackets, no braces or dashes in GUIDs, lower case.
pub fn normalise_id(id: &str) -> String {
    let t = id.trim().trim_start_matches('<').trim_end_matches('>').trim();
    let guid: String = t.chars().filter(|c| *c != '-' && *c != '{' && *c != '}').collect();
    if guid.len() == 32 && guid.chars().all(|c| c.is_ascii_hexdigit()) {
        guid.to_ascii_lowercase()
    } else {
        t.to_ascii_lowercase()
    }
}

/// The join key of a message and recipient: a 128-bit hash of the normalised id and the lower-case
/// recipient (two different pairs share one with a chance of about 2⁻¹²⁸ per pair).
pub fn join_key(id: &str, recipient: &str) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(id.as_bytes());
    h.update(&[0xff]); // a byte no UTF-8 text holds: ("ab", "c") and ("a", "bc") differ
    h.update(recipient.as_bytes());
    h.digest128()
}

/// A name's number in a [`Names`] table; [`NO_NAME`] when there is none.
pub type NameId = u32;
/// No name.
pub const NO_NAME: NameId = u32::MAX;
/// A connector the export says there was none of.
const NO_CONNECTOR: NameId = u32::MAX - 1;

/// A list kept in chunks of [`CHUNK`] items, so that growing it never moves what it holds (a
/// list of a million records copied at once would stop a page for tens of milliseconds).
#[derive(Clone, PartialEq, Eq)]
struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

const CHUNK_BITS: u32 = 16;
const CHUNK: usize = 1 << CHUNK_BITS;

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked { chunks: Vec::new(), len: 0 }
    }
}

impl<T> Chunked<T> {
    /// Adds an item at the end; returns its index.
    pub fn push(&mut self, item: T) -> usize {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK.min(self.len.max(16)));
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
        self.len - 1
    }

    /// The item at `i`.
    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i >> CHUNK_BITS)?.get(i & (CHUNK - 1))
    }

    /// The item at `i`, to change it.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        self.chunks.get_mut(i >> CHUNK_BITS)?.get_mut(i & (CHUNK - 1))
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.chunks.iter().flatten()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Chunked<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Names (domains, connectors, hosts, addresses) kept once each, by number: all of them in one
/// text with where each ends, so that a million names are two allocations (and cross the
/// worker boundary as two blocks), found again by a 64-bit hash.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Names {
    text: String,
    #[serde(with = "packed_ends")]
    ends: Vec<u32>,
    /// Each name's number by [`name_hash`], in [`SHARDS`] maps (see [`shard_of`]); built when a
    /// table read from the wire is first added to.
    #[serde(skip)]
    index: Vec<HashMap<u64, NameId, rustc_hash::FxBuildHasher>>,
    #[serde(skip)]
    indexed: usize,
}

/// Name ends cross the worker boundary as 4 bytes each.
mod packed_ends {
    pub fn serialize<S: serde::Serializer>(ends: &[u32], s: S) -> Result<S::Ok, S::Error> {
        super::fixed::serialize(ends, |e, out| out.extend_from_slice(&e.to_le_bytes()), s)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        d.deserialize_bytes(super::fixed::Items::<u32, 4>(|b| u32::from_le_bytes(*b), "name ends"))
    }
}

/// Lists that cross the worker boundary as one block of `N` bytes per item, so that the page takes
/// a million items in at the speed of a copy, not field by field.
mod fixed {
    /// Writes each item with `write` into one block of bytes.
    pub fn serialize<T, S: serde::Serializer>(list: &[T], write: fn(&T, &mut Vec<u8>), s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(std::mem::size_of_val(list));
        for item in list {
            write(item, &mut out);
        }
        s.serialize_bytes(&out)
    }

    /// Reads a block of `N` bytes per item with the function it holds; the name says what the
    /// items are when the block is cut short.
    pub struct Items<T, const N: usize>(pub fn(&[u8; N]) -> T, pub &'static str);

    impl<T, const N: usize> serde::de::Visitor<'_> for Items<T, N> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{} of {N} bytes each", self.1)
        }

        fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
            if !v.len().is_multiple_of(N) {
                return Err(E::custom(format!("{} cut short", self.1)));
            }
            let mut out = Vec::with_capacity(v.len() / N);
            out.extend(v.chunks_exact(N).filter_map(|c| c.try_into().ok()).map(self.0));
            Ok(out)
        }
    }
}

impl std::fmt::Debug for Names {
    /// The names in order (the index is the same names again, in no order).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The index map a hash goes to. The maps get unequal shares of the hashes, from 1 to 2 parts
/// in even steps of the logarithm: maps with equal shares would all outgrow their room, and
/// rehash, at the same moment (in one step of a stepped rebuild); these reach it one after
/// another, each holding about one [`SHARDS`]th of the keys.
fn shard_of(hash: u64) -> usize {
    static SLOTS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        let weights: Vec<f64> = (0..SHARDS).map(|k| (k as f64 / SHARDS as f64).exp2()).collect();
        let total: f64 = weights.iter().sum();
        let mut out = Vec::with_capacity(SLOT_COUNT);
        let mut upto = 0.0;
        for (k, w) in weights.iter().enumerate() {
            upto += w / total * SLOT_COUNT as f64;
            while (out.len() as f64) < upto.round() && out.len() < SLOT_COUNT {
                out.push(k as u8);
            }
        }
        out.resize(SLOT_COUNT, (SHARDS - 1) as u8);
        out
    });
    slots.get((hash >> (64 - SLOT_BITS)) as usize).map_or(0, |&k| k as usize)
}

const SLOT_BITS: u32 = 12;
const SLOT_COUNT: usize = 1 << SLOT_BITS;

fn name_hash(name: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(name.as_bytes())
}

impl Names {
    /// The number of `name`, adding it when new; [`NO_NAME`] for an empty name.
    pub fn intern(&mut self, name: &str) -> NameId {
        if name.is_empty() {
            return NO_NAME;
        }
        self.ensure_index();
        // Two names with one hash (about one pair in 2^64) take the next hash values.
        let mut h = name_hash(name);
        loop {
            let Some(shard) = self.index.get(shard_of(h)) else { return NO_NAME };
            match shard.get(&h) {
                Some(&i) if self.get(i) == Some(name) => return i,
                Some(_) => h = h.wrapping_add(1),
                None => break,
            }
        }
        // Past the last number a name can have (billions of distinct names, or 4 GB of them) a
        // name is dropped, never confused with another.
        let Ok(i) = NameId::try_from(self.ends.len()) else { return NO_NAME };
        let Ok(end) = u32::try_from(self.text.len() + name.len()) else { return NO_NAME };
        if i >= UNMAPPED {
            return NO_NAME;
        }
        self.text.push_str(name);
        self.ends.push(end);
        if let Some(shard) = self.index.get_mut(shard_of(h)) {
            shard.insert(h, i);
        }
        self.indexed += 1;
        i
    }

    /// Indexes a table read from the wire (once).
    fn ensure_index(&mut self) {
        if !self.index.is_empty() && self.indexed == self.ends.len() {
            return;
        }
        self.index = (0..SHARDS).map(|_| HashMap::default()).collect();
        for i in 0..self.ends.len() as NameId {
            let Some(name) = self.get(i) else { continue };
            let mut h = name_hash(name);
            while self.index.get(shard_of(h)).is_some_and(|s| s.contains_key(&h)) {
                h = h.wrapping_add(1);
            }
            if let Some(shard) = self.index.get_mut(shard_of(h)) {
                shard.insert(h, i);
            }
        }
        self.indexed = self.ends.len();
    }

    /// The number of an optional name.
    pub fn intern_opt(&mut self, name: Option<&str>) -> NameId {
        name.map_or(NO_NAME, |n| self.intern(n))
    }

    /// The name of a number.
    pub fn get(&self, id: NameId) -> Option<&str> {
        let i = id as usize;
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? as usize };
        self.text.get(start..end) // `get` checks the bounds fall on characters
    }

    /// The names in order of their numbers.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len() as NameId).filter_map(|i| self.get(i))
    }

    /// How many names there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Times as milliseconds since 1970 (UTC), [`NO_TIME`] when the export gave none.
const NO_TIME: i64 = i64::MIN;

fn millis(t: Option<NaiveDateTime>) -> i64 {
    t.map_or(NO_TIME, |t| t.and_utc().timestamp_millis())
}

/// What one or more exports say about one message to one recipient, in 48 bytes: the join key,
/// the time, and names by number (the sender's and recipient's domains, not their addresses,
/// which is all that directions and partners need).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// [`join_key`] of the message id and recipient.
    pub key: u128,
    time: i64,
    sender: NameId,
    recipient: NameId,
    connector: NameId,
    remote_host: NameId,
    remote_ip: NameId,
    /// The direction, when the export says.
    pub direction: Option<Direction>,
    /// The direction from weaker evidence.
    pub direction_hint: Option<Direction>,
    /// The first TLS version named.
    pub tls: Option<Tls>,
    /// The last TLS version named.
    pub tls_last: Option<Tls>,
}

impl Record {
    /// A record of `key` that says nothing else yet.
    pub fn empty(key: u128) -> Record {
        Record {
            key,
            time: NO_TIME,
            sender: NO_NAME,
            recipient: NO_NAME,
            connector: NO_NAME,
            remote_host: NO_NAME,
            remote_ip: NO_NAME,
            direction: None,
            direction_hint: None,
            tls: None,
            tls_last: None,
        }
    }

    /// When it was received or sent (UTC).
    pub fn time(&self) -> Option<NaiveDateTime> {
        (self.time != NO_TIME).then(|| chrono::DateTime::from_timestamp_millis(self.time).map(|d| d.naive_utc())).flatten()
    }

    /// Keeps the earlier of its time and `t`.
    pub fn seen_at(&mut self, t: NaiveDateTime) {
        let t = millis(Some(t));
        self.time = if self.time == NO_TIME { t } else { self.time.min(t) };
    }

    /// True when the export said which connector (or that there was none).
    pub fn connector_said(&self) -> bool {
        self.connector != NO_NAME
    }

    /// True when the export named a connector.
    pub fn has_connector(&self) -> bool {
        self.connector < NO_CONNECTOR
    }

    /// Sets the connector: `Some(name)`, or `None` for "no connector".
    pub fn set_connector(&mut self, names: &mut Names, connector: Option<&str>) {
        match connector.map(|c| names.intern(c)) {
            Some(id) if id != NO_NAME => self.connector = id,
            _ => self.no_connector(),
        }
    }

    /// Says there was no connector.
    pub fn no_connector(&mut self) {
        self.connector = NO_CONNECTOR;
    }

    /// Sets the sender's domain from an address, when it has none yet.
    pub fn sender_if_unset(&mut self, names: &mut Names, sender: Option<&str>) {
        if self.sender == NO_NAME {
            self.sender = names.intern_opt(sender.and_then(domain_of).as_deref());
        }
    }

    /// Sets the remote host and IP, each when it has none yet.
    pub fn remote_if_unset(&mut self, names: &mut Names, host: Option<&str>, ip: Option<&str>) {
        if self.remote_host == NO_NAME {
            self.remote_host = names.intern_opt(host);
        }
        if self.remote_ip == NO_NAME {
            self.remote_ip = names.intern_opt(ip);
        }
    }

    fn fill_from(&mut self, other: &Record) {
        if self.sender == NO_NAME {
            self.sender = other.sender;
        }
        self.time = match (self.time, other.time) {
            (NO_TIME, b) => b,
            (a, NO_TIME) => a,
            (a, b) => a.min(b),
        };
        if self.direction.is_none() {
            self.direction = other.direction;
        }
        if self.direction_hint.is_none() {
            self.direction_hint = other.direction_hint;
        }
        if !self.has_connector() && other.connector_said() && (other.has_connector() || !self.connector_said()) {
            self.connector = other.connector;
        }
        if matches!(self.tls, None | Some(Tls::Unknown)) && other.tls.is_some() {
            self.tls = other.tls;
        }
        if other.tls_last.is_some() {
            self.tls_last = other.tls_last;
        }
        if self.remote_host == NO_NAME {
            self.remote_host = other.remote_host;
        }
        if self.remote_ip == NO_NAME {
            self.remote_ip = other.remote_ip;
        }
        if self.recipient == NO_NAME {
            self.recipient = other.recipient;
        }
    }
}

/// One file's records, with the names they use.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Records {
    #[serde(with = "packed")]
    list: Vec<Record>,
    names: Names,
}

/// Records cross the worker boundary as [`packed::SIZE`] bytes each (see [`fixed`]).
mod packed {
    use super::{Direction, Record, Tls};

    /// Bytes per record.
    pub const SIZE: usize = 48;

    fn option_byte<T: Copy>(v: Option<T>, all: &[T], eq: impl Fn(T, T) -> bool) -> u8 {
        v.and_then(|v| all.iter().position(|a| eq(*a, v))).map_or(0, |i| i as u8 + 1)
    }

    fn from_byte<T: Copy>(b: u8, all: &[T]) -> Option<T> {
        (b as usize).checked_sub(1).and_then(|i| all.get(i).copied())
    }

    pub(super) fn write(r: &Record, out: &mut Vec<u8>) {
        out.extend_from_slice(&r.key.to_le_bytes());
        out.extend_from_slice(&r.time.to_le_bytes());
        for id in [r.sender, r.recipient, r.connector, r.remote_host, r.remote_ip] {
            out.extend_from_slice(&id.to_le_bytes());
        }
        out.push(option_byte(r.direction, &Direction::ALL, |a, b| a == b));
        out.push(option_byte(r.direction_hint, &Direction::ALL, |a, b| a == b));
        out.push(option_byte(r.tls, &Tls::ALL, |a, b| a == b));
        out.push(option_byte(r.tls_last, &Tls::ALL, |a, b| a == b));
    }

    pub(super) fn read(b: &[u8; SIZE]) -> Record {
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let mut key = [0u8; 16];
        key.copy_from_slice(&b[..16]);
        let mut time = [0u8; 8];
        time.copy_from_slice(&b[16..24]);
        Record {
            key: u128::from_le_bytes(key),
            time: i64::from_le_bytes(time),
            sender: u32_at(24),
            recipient: u32_at(28),
            connector: u32_at(32),
            remote_host: u32_at(36),
            remote_ip: u32_at(40),
            direction: from_byte(b[44], &Direction::ALL),
            direction_hint: from_byte(b[45], &Direction::ALL),
            tls: from_byte(b[46], &Tls::ALL),
            tls_last: from_byte(b[47], &Tls::ALL),
        }
    }

    pub fn serialize<S: serde::Serializer>(list: &[Record], s: S) -> Result<S::Ok, S::Error> {
        super::fixed::serialize(list, write, s)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Record>, D::Error> {
        d.deserialize_bytes(super::fixed::Items::<Record, SIZE>(read, "records"))
    }
}

impl Records {
    /// The records, in the order first seen.
    pub fn list(&self) -> &[Record] {
        &self.list
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds a record of the message and `recipient` (lower case) whose [`join_key`] is `key`,
    /// saying nothing else yet; returns its index.
    pub fn open(&mut self, key: u128, recipient: &str) -> usize {
        let mut r = Record::empty(key);
        r.recipient = self.names.intern_opt(domain_of(recipient).as_deref());
        self.list.push(r);
        self.list.len() - 1
    }

    /// The record at `i` and the names table, to change it.
    pub fn at_mut(&mut self, i: usize) -> Option<(&mut Record, &mut Names)> {
        let Records { list, names } = self;
        list.get_mut(i).map(|r| (r, names))
    }

    /// Every record, changed in place.
    pub fn for_each_mut(&mut self, f: impl FnMut(&mut Record)) {
        self.list.iter_mut().for_each(f);
    }

    /// Adds `other`'s records after these, their names numbered in this table: the records and
    /// names one reading of both texts in a row gives (a file read in parts, see
    /// [`crate::split`]).
    pub fn append(&mut self, other: &Records) {
        let ids: Vec<NameId> = other.names.iter().map(|n| self.names.intern(n)).collect();
        let id = |i: NameId| if i < UNMAPPED { ids.get(i as usize).copied().unwrap_or(NO_NAME) } else { i };
        self.list.reserve(other.list.len());
        self.list.extend(other.list.iter().map(|r| Record {
            sender: id(r.sender),
            recipient: id(r.recipient),
            connector: id(r.connector),
            remote_host: id(r.remote_host),
            remote_ip: id(r.remote_ip),
            ..*r
        }));
    }

    /// Drops every record (a reading that will start again).
    pub fn clear(&mut self) {
        self.list = Vec::new();
        self.names = Names::default();
    }

    /// Adds a record given as text.
    pub fn push(&mut self, m: &MessageRecord) {
        let i = self.open(join_key(&m.id, &m.recipient), &m.recipient);
        let Some((r, names)) = self.at_mut(i) else { return };
        r.time = millis(m.time);
        r.sender_if_unset(names, m.sender.as_deref());
        if let Some(c) = &m.connector {
            r.set_connector(names, c.as_deref());
        }
        r.remote_if_unset(names, m.remote_host.as_deref(), m.remote_ip.as_deref());
        r.direction = m.direction;
        r.direction_hint = m.direction_hint;
        r.tls = m.tls;
        r.tls_last = m.tls_last;
    }

    /// Bytes per record in [`Records::write_packed`].
    pub const PACKED: usize = packed::SIZE;

    /// Takes the records out, leaving the names: a worker sends them in a block of their own
    /// ([`Records::write_packed`]) that the page takes in by steps ([`Records::read_packed`]).
    pub fn take_list(&mut self) -> Vec<Record> {
        std::mem::take(&mut self.list)
    }

    /// Writes records [`Records::PACKED`] bytes each.
    pub fn write_packed(list: &[Record], out: &mut Vec<u8>) {
        list.iter().for_each(|r| packed::write(r, out));
    }

    /// Makes room for exactly `n` more records (read by steps: growing by doubling would leave
    /// up to twice the room, kept as long as the file is loaded).
    pub fn reserve_exact(&mut self, n: usize) {
        self.list.reserve_exact(n);
    }

    /// Adds the records of whole [`Records::PACKED`]-byte pieces; false (and nothing added) when
    /// `bytes` does not hold whole pieces.
    pub fn read_packed(&mut self, bytes: &[u8]) -> bool {
        if !bytes.len().is_multiple_of(packed::SIZE) {
            return false;
        }
        self.list.extend(bytes.chunks_exact(packed::SIZE).filter_map(|c| c.try_into().ok()).map(packed::read));
        true
    }

    /// The records of a list given as text.
    pub fn from_messages<'a>(list: impl IntoIterator<Item = &'a MessageRecord>) -> Records {
        let mut out = Records::default();
        for m in list {
            out.push(m);
        }
        out
    }

}

/// Every message record loaded so far, joined on (message id, recipient). A record that no
/// other export joined stays where its file keeps it (the store holds the file's records, not a
/// copy: 8 bytes a record instead of 48); only joined records are copied, with what the others
/// said filled in.
#[derive(Clone, Debug, Default)]
pub struct MessageStore {
    /// The files whose records are held.
    files: Vec<std::sync::Arc<Records>>,
    /// For each file, its names' numbers in this store's table (by the file's number).
    maps: Vec<Vec<NameId>>,
    /// Where each stored record is: see [`Slot`].
    slots: Chunked<u64>,
    /// Records another export joined, with the store's name numbers.
    joined: Chunked<Record>,
    names: Names,
    /// The join index in [`SHARDS`] tables (see [`shard_of`]), so that growing it rehashes one
    /// small table at a time, never all the keys in one long pause. A table holds only record
    /// numbers (4 bytes and a control byte a slot, against 33 for a key and a number): a key is
    /// found by comparing with the record's own.
    index: Vec<HashTable<u32>>,
    kinds: Chunked<u8>,
}

/// Where a stored record is, in 64 bits: with the top bit set, the number of a joined copy;
/// else a file's number (bits 32 to 62) and the record's number in it.
struct Slot;

impl Slot {
    const JOINED: u64 = 1 << 63;

    fn in_file(file: usize, i: usize) -> Option<u64> {
        let (file, i) = (u32::try_from(file).ok().filter(|f| *f < 1 << 31)?, u32::try_from(i).ok()?);
        Some(u64::from(file) << 32 | u64::from(i))
    }

    fn joined(i: usize) -> Option<u64> {
        u32::try_from(i).ok().map(|i| Slot::JOINED | u64::from(i))
    }
}

/// Stored record `i` as it is kept: in its file, with that file's name numbers (and the file's
/// number), or as a joined copy (`None`).
fn kept<'a>(files: &'a [std::sync::Arc<Records>], slots: &Chunked<u64>, joined: &'a Chunked<Record>, i: u32) -> Option<(&'a Record, Option<usize>)> {
    let slot = *slots.get(i as usize)?;
    let at = (slot & u64::from(u32::MAX)) as usize;
    if slot & Slot::JOINED != 0 {
        return joined.get(at).map(|r| (r, None));
    }
    let f = (slot >> 32) as usize;
    files.get(f)?.list.get(at).map(|r| (r, Some(f)))
}

/// Stored record `i` with the store's name numbers.
fn stored(files: &[std::sync::Arc<Records>], maps: &[Vec<NameId>], slots: &Chunked<u64>, joined: &Chunked<Record>, i: u32) -> Option<Record> {
    let (r, file) = kept(files, slots, joined, i)?;
    let Some(map) = file.and_then(|f| maps.get(f)) else { return Some(*r) };
    let to = |id: NameId| map.get(id as usize).copied().unwrap_or(id);
    Some(Record { sender: to(r.sender), recipient: to(r.recipient), connector: to(r.connector), remote_host: to(r.remote_host), remote_ip: to(r.remote_ip), ..*r })
}

/// What adding a file's records did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddOutcome {
    /// Records for messages not seen before.
    pub new: u64,
    /// Records that completed a message another kind of export had (a join).
    pub joined: u64,
    /// Records of a message and recipient the same kind of export had already given (dropped).
    pub duplicates: u64,
}

/// Domains with how often they were seen.
pub type DomainCounts<'a> = Vec<(&'a str, u64)>;

/// Where adding a file's records in steps has got to.
#[derive(Clone, Debug, Default)]
pub struct Adding {
    next: usize,
    /// The file's number in the store, once its first records are added.
    file: Option<usize>,
    /// What the records added so far did.
    pub outcome: AddOutcome,
}

/// The join index's hash of a key: its high 64 bits (the key is a hash already, and its low
/// bits pick the table, [`shard_of`]).
fn index_hash(key: u128) -> u64 {
    (key >> 64) as u64
}

/// The join and name indexes are split in 2^SHARD_BITS maps.
const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;

/// A name of a file's table not yet numbered in the store's.
const UNMAPPED: NameId = u32::MAX - 2;

/// How the records turned into deliveries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Materialised {
    /// Deliveries counted.
    pub deliveries: u64,
    /// Records with neither a direction in the export nor one your domains could tell.
    pub no_direction: u64,
    /// Records without a date.
    pub no_date: u64,
}

impl MessageStore {
    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Adds one file's records, joining and de-duplicating.
    pub fn add(&mut self, kind: SourceKind, file: &std::sync::Arc<Records>) -> AddOutcome {
        let mut adding = Adding::default();
        self.add_some(kind, file, &mut adding, usize::MAX);
        adding.outcome
    }

    /// Adds up to `budget` more of a file's records (see [`Adding`]); true when all are in.
    pub fn add_some(&mut self, kind: SourceKind, file: &std::sync::Arc<Records>, adding: &mut Adding, budget: usize) -> bool {
        let end = adding.next.saturating_add(budget).min(file.list.len());
        let f = match adding.file {
            Some(f) => f,
            None => {
                self.files.push(std::sync::Arc::clone(file));
                self.maps.push(vec![UNMAPPED; file.names.len()]);
                if self.index.is_empty() {
                    self.index = (0..SHARDS).map(|_| HashTable::new()).collect();
                }
                *adding.file.insert(self.files.len() - 1)
            }
        };
        let Adding { next, outcome, .. } = adding;
        let MessageStore { files, maps, slots, joined, names, index, kinds } = self;
        for (at_file, r) in file.list.iter().enumerate().take(end).skip(*next) {
            let Some(map) = maps.get_mut(f) else { break };
            // Names are numbered in this store's table as records first use them.
            let mut at = |id: NameId| -> NameId {
                match map.get_mut(id as usize) {
                    Some(slot) if *slot == UNMAPPED => {
                        *slot = file.names.get(id).map_or(NO_NAME, |n| names.intern(n));
                        *slot
                    }
                    Some(slot) => *slot,
                    None => id, // NO_NAME and NO_CONNECTOR stay
                }
            };
            let r = Record {
                sender: at(r.sender),
                recipient: at(r.recipient),
                connector: at(r.connector),
                remote_host: at(r.remote_host),
                remote_ip: at(r.remote_ip),
                ..*r
            };
            let Some(shard) = index.get_mut(shard_of(r.key as u64)) else { continue };
            let hash = index_hash(r.key);
            match shard.find(hash, |&i| kept(files, slots, joined, i).is_some_and(|(x, _)| x.key == r.key)).copied() {
                Some(i) if kinds.get(i as usize).is_some_and(|k| k & kind.bit() != 0) => outcome.duplicates += 1,
                Some(i) => {
                    if let Some(mut rec) = stored(files, maps, slots, joined, i) {
                        rec.fill_from(&r);
                        // A record its file keeps becomes a copy once another export joins it.
                        match slots.get_mut(i as usize) {
                            Some(slot) if *slot & Slot::JOINED != 0 => {
                                if let Some(copy) = joined.get_mut((*slot & u64::from(u32::MAX)) as usize) {
                                    *copy = rec;
                                }
                            }
                            Some(slot) => {
                                if let Some(copy) = Slot::joined(joined.push(rec)) {
                                    *slot = copy;
                                }
                            }
                            None => {}
                        }
                    }
                    if let Some(k) = kinds.get_mut(i as usize) {
                        *k |= kind.bit();
                    }
                    outcome.joined += 1;
                }
                None => {
                    // (A slot for every record in memory: 2^31 files, 2^32 records a file.)
                    let Some(slot) = Slot::in_file(f, at_file).or_else(|| Slot::joined(joined.push(r))) else { continue };
                    let i = slots.push(slot);
                    kinds.push(kind.bit());
                    // Past 4 billion records a message is counted without joining.
                    if let Ok(i) = u32::try_from(i) {
                        shard.insert_unique(hash, i, |&j| kept(files, slots, joined, j).map_or(0, |(x, _)| index_hash(x.key)));
                    }
                    outcome.new += 1;
                }
            }
        }
        *next = end;
        end >= file.list.len()
    }

    /// How often each domain is on the side of a message that a known direction says is ours
    /// (the recipient of inbound mail, the sender of outbound and intra-org mail), and how often
    /// on either side of any message: what [`crate::domains::suggest`] reads.
    pub fn domain_counts(&self) -> (DomainCounts<'_>, DomainCounts<'_>) {
        let mut known = vec![0u64; self.names.len()];
        let mut any = vec![0u64; self.names.len()];
        for r in self.records() {
            let ours = match r.direction {
                Some(Direction::Inbound) => Some(r.recipient),
                Some(_) => Some(r.sender),
                None => None,
            };
            if let Some(n) = ours.and_then(|id| known.get_mut(id as usize)) {
                *n += 1;
            }
            for id in [r.sender, r.recipient] {
                if let Some(n) = any.get_mut(id as usize) {
                    *n += 1;
                }
            }
        }
        let named = |counts: Vec<u64>| counts.into_iter().enumerate().filter(|(_, n)| *n > 0).filter_map(|(i, n)| Some((self.names.get(i as NameId)?, n))).collect();
        (named(known), named(any))
    }

    /// The stored record `i` (in the order first seen), with the store's name numbers.
    fn record(&self, i: usize) -> Option<Record> {
        stored(&self.files, &self.maps, &self.slots, &self.joined, u32::try_from(i).ok()?)
    }

    /// Every record, in the order first seen.
    pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
        (0..self.slots.len()).filter_map(|i| self.record(i))
    }

    /// Counts the records into an aggregate; direction comes from the export, else your domains,
    /// else the IP hint. The partner is the remote host or IP, and the other side's domain.
    pub fn materialise(&self, domains: &Domains, agg: &mut Aggregate) -> Materialised {
        let mut counting = Counting::default();
        while !self.count_some(domains, agg, &mut counting, usize::MAX) {}
        counting.placed
    }

    /// [`MessageStore::materialise`] in steps of up to `budget` records (or cells); true when
    /// done. Records that fall in the same cell (day, direction, connector, TLS, host, IP,
    /// domain, all by number) are counted together, and the cells go to the aggregate in the
    /// order each was first seen, so that it looks each name up once per cell, not per record.
    pub fn count_some(&self, domains: &Domains, agg: &mut Aggregate, c: &mut Counting, budget: usize) -> bool {
        if c.next < self.slots.len() {
            let end = c.next.saturating_add(budget).min(self.slots.len());
            for i in c.next..end {
                if let Some(r) = self.record(i) {
                    self.count_one(domains, &r, c);
                }
            }
            c.next = end;
            return false;
        }
        let end = c.emitted.saturating_add(budget).min(c.cells.len());
        for &((_, direction, connector, tls, host, ip, domain), time, count) in c.cells.get(c.emitted..end).unwrap_or_default() {
            agg.add(&Delivery {
                auth: crate::security::Auth::Unknown,
                time,
                direction,
                connector: self.names.get(connector),
                connector_type: None,
                forced_tls: None,
                tls,
                remote_host: self.names.get(host),
                remote_ip: self.names.get(ip),
                remote_domain: self.names.get(domain),
                count,
            });
        }
        c.emitted = end;
        end >= c.cells.len()
    }

    fn count_one(&self, domains: &Domains, r: &Record, c: &mut Counting) {
        let Some(time) = r.time() else {
            c.placed.no_date += 1;
            return;
        };
        let direction = r.direction.or_else(|| {
            *c.verdicts
                .entry((r.sender, r.recipient))
                .or_insert_with(|| domains.direction_of_domains(self.names.get(r.sender), self.names.get(r.recipient)))
        });
        let Some(direction) = direction.or(r.direction_hint) else {
            c.placed.no_direction += 1;
            return;
        };
        let remote_domain = match direction {
            Direction::Inbound => r.sender,
            Direction::Outbound => r.recipient,
            Direction::IntraOrg => NO_NAME,
        };
        let tls = match direction {
            Direction::Outbound => r.tls_last.or(r.tls),
            _ => r.tls.or(r.tls_last),
        }
        .unwrap_or(Tls::Unknown);
        let connector = if r.has_connector() { r.connector } else { NO_NAME };
        let cell = (chrono::Datelike::num_days_from_ce(&time.date()), direction, connector, tls, r.remote_host, r.remote_ip, remote_domain);
        match c.index.get(&cell) {
            Some(&i) => {
                if let Some(x) = c.cells.get_mut(i) {
                    x.2 += 1;
                }
            }
            None => {
                c.index.insert(cell, c.cells.len());
                c.cells.push((cell, time, 1));
            }
        }
        c.placed.deliveries += 1;
    }
}

/// One cell of the aggregate, by number: day, direction, connector, TLS, host, IP, domain.
type Cell = (i32, Direction, NameId, Tls, NameId, NameId, NameId);

/// Where counting the records in steps has got to ([`MessageStore::count_some`]).
#[derive(Clone, Debug, Default)]
pub struct Counting {
    next: usize,
    cells: Vec<(Cell, NaiveDateTime, u64)>,
    index: HashMap<Cell, usize, rustc_hash::FxBuildHasher>,
    /// Your domains' verdict per (sender, recipient) domain pair, worked out once per pair.
    verdicts: HashMap<(NameId, NameId), Option<Direction>, rustc_hash::FxBuildHasher>,
    emitted: usize,
    /// What the records counted so far gave.
    pub placed: Materialised,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Filter;
    use chrono::NaiveDate;

    fn rec(id: &str, rcpt: &str) -> MessageRecord {
        MessageRecord {
            id: normalise_id(id),
            recipient: rcpt.to_string(),
            time: Some(NaiveDate::from_ymd_opt(2025, 3, 4).unwrap().and_hms_opt(9, 0, 0).unwrap()),
            ..Default::default()
        }
    }

    fn records(list: &[MessageRecord]) -> std::sync::Arc<Records> {
        std::sync::Arc::new(Records::from_messages(list))
    }

    #[test]
    fn ids_normalise_for_joining() {
        assert_eq!(normalise_id("<CAF=x9@mail.gmail.com>"), "caf=x9@mail.gmail.com");
        assert_eq!(normalise_id("5F6D0A1E-2B3C-4D5E-8F90-08DD5A1B2C3D"), "5f6d0a1e2b3c4d5e8f9008dd5a1b2c3d");
        assert_ne!(join_key("ab", "c"), join_key("a", "bc"));
    }

    #[test]
    fn a_record_takes_48_bytes_in_memory_and_on_the_wire() {
        assert_eq!(std::mem::size_of::<Record>(), 48);
        let mut m = rec("<m@x>", "Bob@Fabrikam.com");
        (m.direction, m.direction_hint, m.tls, m.tls_last) = (Some(Direction::IntraOrg), None, Some(Tls::Unknown), Some(Tls::None));
        m.connector = Some(None);
        m.remote_ip = Some("203.0.113.9".into());
        let mut other = rec("<n@x>", "carol@contoso.com");
        other.time = None;
        let records = records(&[m, other]);
        let bytes = postcard::to_stdvec(&records).unwrap();
        let back: Records = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.list(), records.list());
        assert_eq!(format!("{back:?}"), format!("{records:?}"));
        assert!(postcard::from_bytes::<Records>(&bytes[..bytes.len() / 2]).is_err(), "cut short is an error, not a panic");
    }

    #[test]
    fn the_join_index_holds_record_numbers_not_keys() {
        // 200,000 messages of two recipients each, then the detail export of every other one.
        let mut report = Records::default();
        let mut detail = Records::default();
        for i in 0..200_000u32 {
            for to in ["a@fabrikam.com", "b@fabrikam.com"] {
                let id = format!("<m{i}@x>");
                report.open(join_key(&id, to), to);
                if i % 2 == 0 {
                    let at = detail.open(join_key(&id, to), to);
                    if let Some((r, _)) = detail.at_mut(at) {
                        r.tls = Some(Tls::V1_3);
                    }
                }
            }
        }
        let (report, detail) = (std::sync::Arc::new(report), std::sync::Arc::new(detail));
        let mut store = MessageStore::default();
        assert_eq!(store.add(SourceKind::Enhanced, &report), AddOutcome { new: 400_000, joined: 0, duplicates: 0 });
        // The store holds the report's records where the report keeps them: 8 bytes a record
        // and a byte for its kind, in chunks.
        let held = |store: &MessageStore| {
            store.slots.chunks.iter().map(|c| c.capacity() * 8).sum::<usize>() + store.kinds.chunks.iter().map(Vec::capacity).sum::<usize>()
        };
        assert_eq!(store.joined.len(), 0, "no record copied");
        // (A copy took 49 bytes a record: the record and its kind.)
        assert!(held(&store) < 400_000 * 12, "{} bytes held for 400,000 records", held(&store));
        assert_eq!(store.add(SourceKind::Detail, &detail), AddOutcome { new: 0, joined: 200_000, duplicates: 0 });
        assert_eq!(store.joined.len(), 200_000, "only the joined records are copied");
        assert_eq!(store.add(SourceKind::Detail, &detail).duplicates, 200_000);
        let bytes: usize = store.index.iter().map(HashTable::allocation_size).sum();
        // A map of 16-byte keys and 4-byte numbers takes at least 20 bytes a record.
        assert!(bytes < 400_000 * 12, "{bytes} bytes of index for 400,000 records");
        assert_eq!(store.records().filter(|r| r.tls == Some(Tls::V1_3)).count(), 200_000);
    }

    #[test]
    fn report_and_detail_join_and_duplicates_drop() {
        let mut store = MessageStore::default();
        let mut a = rec("<m1@x>", "bob@fabrikam.com");
        a.direction = Some(Direction::Outbound);
        a.connector = Some(Some("Outbound to Fabrikam".into()));
        a.sender = Some("alice@contoso.com".into());
        let b = rec("<m2@x>", "carol@contoso.com");
        assert_eq!(store.add(SourceKind::Enhanced, &records(&[a.clone(), b])), AddOutcome { new: 2, joined: 0, duplicates: 0 });
        // The same report again: both are duplicates.
        assert_eq!(store.add(SourceKind::Enhanced, &records(&[a.clone()])).duplicates, 1);
        // The detail export brings TLS for m1.
        let mut d = rec("<M1@X>", "bob@fabrikam.com");
        d.tls = Some(Tls::V1_3);
        d.remote_host = Some("mx.fabrikam.com".into());
        assert_eq!(store.add(SourceKind::Detail, &records(&[d])), AddOutcome { new: 0, joined: 1, duplicates: 0 });

        let mut agg = Aggregate::new();
        let m = store.materialise(&Domains::parse("contoso.com"), &mut agg);
        assert_eq!(m, Materialised { deliveries: 2, no_direction: 0, no_date: 0 });
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        let rows = agg.details(&Filter::window(day, day));
        let out = rows.iter().find(|r| r.direction == Direction::Outbound).unwrap();
        assert_eq!(out.connector.as_deref(), Some("Outbound to Fabrikam"));
        assert_eq!(out.counts.get(Tls::V1_3), 1, "connector from the report, TLS from the detail");
        let partners = agg.partners(&Filter::window(day, day), Direction::Outbound, Some("Outbound to Fabrikam"));
        assert_eq!(partners[0].0, "fabrikam.com");
        // m2 has no direction in the export; your domains say inbound (recipient is ours).
        assert_eq!(agg.totals(&Filter::window(day, day)).inbound.get(Tls::Unknown), 1);
    }

    #[test]
    fn a_named_connector_wins_over_none_and_none_over_unsaid() {
        let mut store = MessageStore::default();
        let mut a = rec("m", "bob@fabrikam.com");
        a.direction = Some(Direction::Outbound);
        store.add(SourceKind::Trace, &records(&[a.clone()]));
        let mut b = a.clone();
        b.connector = Some(None);
        store.add(SourceKind::Extended, &records(&[b]));
        let first = |store: &MessageStore| store.records().next().unwrap();
        assert!(first(&store).connector_said() && !first(&store).has_connector());
        let mut c = a.clone();
        c.connector = Some(Some("To Fabrikam".into()));
        store.add(SourceKind::Enhanced, &records(&[c]));
        assert!(first(&store).has_connector());
        let mut d = a;
        d.connector = Some(None);
        store.add(SourceKind::Detail, &records(&[d]));
        assert_eq!(store.names.get(first(&store).connector), Some("To Fabrikam"));
    }

    #[test]
    fn without_domains_or_hints_direction_is_counted_as_missing() {
        let mut store = MessageStore::default();
        store.add(SourceKind::Trace, &records(&[rec("m", "a@b.com")]));
        let mut hinted = rec("n", "c@d.com");
        hinted.direction_hint = Some(Direction::Outbound);
        store.add(SourceKind::Trace, &records(&[hinted]));
        let mut agg = Aggregate::new();
        let m = store.materialise(&Domains::default(), &mut agg);
        assert_eq!((m.deliveries, m.no_direction), (1, 1));
    }
}
