//! Ids: what a valid one is, and the tables that find things by id.
//!
//! [`check`] is SPEC §2's id pattern, the one rule for the loader (ids written
//! in the files) and the commands (ids given on the command line or in a CSV).
//!
//! An [`Id`] is 16 bytes and cheap to copy: an id of up to 15 bytes (every
//! id of the reference workload: `m004211`, `c000467`) is kept in the value
//! itself, a longer one in an allocation shared by whatever names it, which
//! the loader looks up as it reads ([`Names`]). Copying or comparing an
//! inline id reads no other memory: with half a million client references
//! at 100,000 members, the shared allocation's counter and bytes were a cache
//! miss each, a fifth of `check`'s time. An [`IdIndex`] finds an item by id
//! through a table of positions, without a copy of the ids.

use crate::fxhash::FxHasher;
use hashbrown::HashTable;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// An id (of a profile, tier, member or client): its bytes kept in the value
/// itself when they fit (ids are short: `acme`, `c000467`, `m004211`), or a
/// shared allocation for a longer one. 16 bytes either way, and `Option<Id>`
/// too.
///
/// Kept inline, an id is copied, compared and hashed without reading memory
/// elsewhere: on the reference workload, where members name half a million
/// clients, cloning a shared id (an atomic increment on its allocation, a
/// cache miss each) and comparing ids through their allocations were a fifth
/// of `check`'s time.
#[derive(Clone, PartialEq, Eq)]
pub struct Id(Repr);

/// How many bytes an [`Id`] keeps inline.
const INLINE: usize = 15;

/// An [`Id`]'s bytes. An id of at most [`INLINE`] bytes is always `Inline`
/// (so that equal ids are equal representations), its unused bytes zero.
#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Inline(Len, [u8; INLINE]),
    /// A thin pointer, so that the value stays 16 bytes (the length byte's
    /// unused values tell the two apart).
    Shared(Arc<Box<str>>),
}

/// The length of an inline id: an enum, so that its unused values are the
/// niche that tells [`Repr`]'s variants apart without a tag byte.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Len {
    L0,
    L1,
    L2,
    L3,
    L4,
    L5,
    L6,
    L7,
    L8,
    L9,
    L10,
    L11,
    L12,
    L13,
    L14,
    L15,
}

const LENS: [Len; INLINE + 1] = [
    Len::L0,
    Len::L1,
    Len::L2,
    Len::L3,
    Len::L4,
    Len::L5,
    Len::L6,
    Len::L7,
    Len::L8,
    Len::L9,
    Len::L10,
    Len::L11,
    Len::L12,
    Len::L13,
    Len::L14,
    Len::L15,
];

impl Id {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline(len, bytes) => super::small::inline_text(&bytes[..*len as usize]),
            Repr::Shared(s) => s,
        }
    }

    /// Its bytes, without checking an inline id as UTF-8 again (as
    /// [`Id::as_str`] must): for comparisons over every member.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(len, bytes) => &bytes[..*len as usize],
            Repr::Shared(s) => s.as_bytes(),
        }
    }

    /// Whether this is the id `name`; an inline id compares its own bytes,
    /// without checking them as UTF-8 again.
    pub fn is(&self, name: &str) -> bool {
        match &self.0 {
            Repr::Inline(len, bytes) => *len as usize == name.len() && &bytes[..name.len()] == name.as_bytes(),
            Repr::Shared(s) => ***s == *name,
        }
    }
}

impl Hash for Id {
    /// As the `str` hashes (ids are looked up by `&str`, `Borrow<str>`).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Id) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    /// As their texts: `str` orders by bytes.
    fn cmp(&self, other: &Id) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl Default for Id {
    fn default() -> Id {
        Id::from("")
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        if s.len() <= INLINE {
            Id(Repr::Inline(LENS[s.len()], super::small::inline_bytes(s)))
        } else {
            Id(Repr::Shared(Arc::new(Box::from(s))))
        }
    }
}

impl From<String> for Id {
    fn from(s: String) -> Id {
        if s.len() <= INLINE { Id::from(s.as_str()) } else { Id(Repr::Shared(Arc::new(s.into_boxed_str()))) }
    }
}

impl From<&Id> for String {
    fn from(id: &Id) -> String {
        id.as_str().to_string()
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.is(other)
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.is(other)
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        self.is(other)
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        other.is(self)
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        other.is(self)
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        other.is(self)
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// SPEC §2's id pattern, as hints show it.
pub const PATTERN: &str = "^[a-z0-9][a-z0-9._-]{0,63}$";

/// Checks that `id` matches [`PATTERN`]; the error says why not, in words.
pub fn check(id: &str) -> Result<(), String> {
    let mut chars = id.chars();
    match chars.next() {
        None => return Err("it is empty".into()),
        Some(c) if !(c.is_ascii_lowercase() || c.is_ascii_digit()) => {
            return Err(format!("it must start with a lowercase letter or a digit, not `{c}`"));
        }
        _ => {}
    }
    if let Some(c) = chars.find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))) {
        return Err(format!("`{c}` is not allowed (use a-z, 0-9, `.`, `_`, `-`)"));
    }
    if id.len() > 64 {
        return Err(format!("it is {} characters long; the limit is 64", id.len()));
    }
    Ok(())
}

/// The hash of an id in every id table (FxHash).
pub fn hash(id: &str) -> u64 {
    let mut h = FxHasher::default();
    id.hash(&mut h);
    h.finish()
}

/// An item's key for [`repeats`]: the top 32 bits of its id's [`hash`], then
/// its position (below 2^32). 8 bytes: a list of them is sorted where a table
/// of 570,000 ids (a campaign of the reference workload) cost a cache miss
/// an id, and it may be alive at the peak of a load (every member read).
pub fn key(id: &str, at: usize) -> u64 {
    (hash(id) >> 32) << 32 | at as u64
}

/// The items whose id an earlier item has, each with the first item of that
/// id (positions, in the order of the later one), from their [`key`]s and
/// `id`, the id at a position. Sorting the keys keeps this to one pass over
/// the ids: only ids of equal hash are compared, and a run of many (one id
/// written thousands of times) through a table, so no input is quadratic.
pub fn repeats<'a>(mut keys: Vec<u64>, id: impl Fn(usize) -> &'a str) -> Vec<(usize, usize)> {
    keys.sort_unstable();
    let mut twice = Vec::new();
    for run in keys.chunk_by(|a, b| a >> 32 == b >> 32).filter(|run| run.len() > 1) {
        // In position order: the keys of one hash sort by position.
        let items: Vec<usize> = run.iter().map(|k| (k & u64::from(u32::MAX)) as usize).collect();
        if items.len() <= 8 {
            for (n, &i) in items.iter().enumerate() {
                if let Some(&first) = items[..n].iter().find(|&&f| id(f) == id(i)) {
                    twice.push((i, first));
                }
            }
        } else {
            let mut first: crate::fxhash::FxHashMap<&str, usize> = crate::fxhash::FxHashMap::default();
            for &i in &items {
                match first.get(id(i)) {
                    Some(&f) => twice.push((i, f)),
                    None => {
                        first.insert(id(i), i);
                    }
                }
            }
        }
    }
    twice.sort_unstable();
    twice
}

/// Finds items by id: a table of their positions, the ids staying in the items.
#[derive(Clone, Debug, Default)]
pub struct IdIndex(HashTable<u32>);

impl IdIndex {
    /// The first of duplicated ids wins (the loader reports the others).
    pub fn new<T>(items: &[T], id: impl Fn(&T) -> &str) -> IdIndex {
        let mut index = IdIndex(HashTable::with_capacity(items.len()));
        index.rebuild(items, id);
        index
    }

    /// Indexes `items` again (as [`IdIndex::new`]) in the table's own
    /// allocation when it is large enough: a change that added a member to
    /// 100,000 does not hold a second table at its peak.
    pub fn rebuild<T>(&mut self, items: &[T], id: impl Fn(&T) -> &str) {
        let table = &mut self.0;
        table.clear();
        // Empty: nothing is hashed again while it grows.
        table.reserve(items.len(), |&j: &u32| hash(id(&items[j as usize])));
        for (i, item) in items.iter().enumerate() {
            let key = id(item);
            let h = hash(key);
            if table.find(h, |&j: &u32| id(&items[j as usize]) == key).is_none() {
                table.insert_unique(h, i as u32, |&j: &u32| hash(id(&items[j as usize])));
            }
        }
    }

    /// Indexes `items[pos]`, just pushed (a batch's working state: a member
    /// added by an earlier line), unless its id is there already.
    pub fn insert<T>(&mut self, items: &[T], id: impl Fn(&T) -> &str, pos: usize) {
        let key = id(&items[pos]);
        let h = hash(key);
        if self.0.find(h, |&j| id(&items[j as usize]) == key).is_none() {
            self.0.insert_unique(h, pos as u32, |&j| hash(id(&items[j as usize])));
        }
    }

    /// The position in `items` (those the index was built from) of the one with this id.
    pub fn find<T>(&self, items: &[T], id: impl Fn(&T) -> &str, key: &str) -> Option<usize> {
        self.0.find(hash(key), |&j| id(&items[j as usize]) == key).map(|&j| j as usize)
    }
}

/// The ids read so far that later files refer to (profiles, clients): a
/// reference read afterwards is the named id, found in the table itself (an
/// inline id's bytes are in its entry), and shares a long id's allocation.
#[derive(Debug, Default)]
pub struct Names {
    profiles: HashTable<Id>,
    clients: HashTable<Id>,
}

fn add_to(table: &mut HashTable<Id>, id: &Id) {
    let h = hash(id);
    if table.find(h, |x| x == id).is_none() {
        table.insert_unique(h, id.clone(), |x| hash(x));
    }
}

fn find_in(table: &HashTable<Id>, name: &str) -> Option<Id> {
    table.find(hash(name), |x| x.is(name)).cloned()
}

impl Names {
    /// Room for `profiles` and `clients` more ids, made at once: a table
    /// grown by doubling leaves its smaller copies behind, resident (SPEC §7's
    /// memory target).
    pub fn reserve(&mut self, profiles: usize, clients: usize) {
        self.profiles.reserve(profiles, |x| hash(x));
        self.clients.reserve(clients, |x| hash(x));
    }

    pub fn add_profile(&mut self, id: &Id) {
        add_to(&mut self.profiles, id);
    }

    pub fn add_client(&mut self, id: &Id) {
        add_to(&mut self.clients, id);
    }

    /// The id named `name`, shared when it is known.
    pub fn get(&self, name: &str) -> Id {
        self.client(name).or_else(|| find_in(&self.profiles, name)).unwrap_or_else(|| Id::from(name))
    }

    /// The id of the client named `name`, if it is one.
    pub fn client(&self, name: &str) -> Option<Id> {
        find_in(&self.clients, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_spec_pattern() {
        assert!(check("bob").is_ok());
        assert!(check("0-a.b_c").is_ok());
        assert!(check("../x").is_err());
        assert!(check("Bob").is_err());
        assert!(check("").is_err());
        assert!(check(&"a".repeat(64)).is_ok());
        assert!(check(&"a".repeat(65)).is_err());
        assert!(check("bоb").is_err(), "a Cyrillic o is not an id character");
    }

    #[test]
    fn a_known_name_is_found_and_a_long_one_shares_its_allocation() {
        let mut names = Names::default();
        let acme = Id::from("acme");
        let long = Id::from("a-client-of-long-name");
        names.add_client(&acme);
        names.add_client(&long);
        assert!(names.client("acme").is_some() && names.client("p1").is_none());
        assert_eq!(names.get(&String::from("acme")), acme);
        let (Repr::Shared(a), Repr::Shared(b)) = (&long.0, &names.get("a-client-of-long-name").0) else {
            panic!("an id of 21 bytes is shared")
        };
        assert!(Arc::ptr_eq(a, b));
        let other = names.get("globex");
        assert_eq!(other, "globex");
        assert_ne!(other, acme);
    }

    #[test]
    fn ids_read_compare_and_hash_as_their_text_inline_or_not() {
        use std::collections::HashMap;
        assert_eq!(std::mem::size_of::<Id>(), 16);
        assert_eq!(std::mem::size_of::<Option<Id>>(), 16);
        let texts = ["", "a", "c000467", "fifteen-bytes15", "sixteen-bytes-16", "é-accentué", &"x".repeat(200)];
        let ids: Vec<Id> = texts.iter().map(|t| Id::from(*t)).collect();
        for (t, id) in texts.iter().zip(&ids) {
            assert_eq!(id.as_str(), *t);
            assert_eq!(Id::from(t.to_string()), *id, "from a String and from a str: one id");
            assert!(id.is(t));
            assert_eq!(id, t);
            assert_eq!(t, id);
            assert!(!id.is(&format!("{t}x")));
            assert_eq!(hash(id), hash(t), "looked up by `&str`");
            assert_eq!(format!("{id:?}"), format!("{t:?}"));
        }
        let mut sorted = ids.clone();
        sorted.sort();
        let mut by_text = texts.to_vec();
        by_text.sort();
        assert_eq!(sorted.iter().map(|i| i.as_str()).collect::<Vec<_>>(), by_text);
        let map: HashMap<Id, usize> = ids.iter().cloned().zip(0..).collect();
        assert_eq!(map.get("c000467"), Some(&2));
        assert_eq!(map.get("sixteen-bytes-16"), Some(&4));
    }

    #[test]
    fn the_index_finds_every_id_and_the_first_of_duplicates() {
        let items: Vec<String> = (0..5000).map(|i| format!("m{:06}", i % 4000)).collect();
        let index = IdIndex::new(&items, |s| s.as_str());
        for (i, id) in items.iter().enumerate().take(4000) {
            assert_eq!(index.find(&items, |s| s.as_str(), id), Some(i));
        }
        assert_eq!(index.find(&items, |s| s.as_str(), "m004000"), None);
        assert_eq!(index.find(&items, |s| s.as_str(), ""), None);
    }
}
