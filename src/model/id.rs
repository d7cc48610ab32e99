//! Ids: what a valid one is, and the tables that find things by id.
//!
//! [`check`] is SPEC §2's id pattern, the one rule for the loader (ids written
//! in the files) and the commands (ids given on the command line or in a CSV).
//!
//! An [`Id`] is cheap to clone and small: a reference (a member's client, its
//! profile) holds the same allocation as the id it names, which the loader
//! looks up as it reads ([`Names`]). On the reference workload that makes
//! 500,000 client references cost one pointer each instead of one string each.
//! An [`IdIndex`] finds an item by id through a table of positions, without a
//! copy of the ids.

use crate::fxhash::FxHasher;
use hashbrown::HashTable;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// An id (of a profile, tier, member or client), shared by whatever names it.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
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
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(Arc::from(s))
    }
}

impl From<String> for Id {
    fn from(s: String) -> Id {
        Id(Arc::from(s))
    }
}

impl From<&Id> for String {
    fn from(id: &Id) -> String {
        id.as_str().to_string()
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        **self == *other.0
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
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
/// reference read afterwards shares the named id's allocation.
#[derive(Debug, Default)]
pub struct Names {
    profiles: HashTable<Named>,
    clients: HashTable<Named>,
}

/// How many bytes of an id [`Named`] holds in the table itself.
const INLINE: usize = 15;

/// An entry of [`Names`]: the id, and its bytes in the entry when they fit
/// (ids are short: `acme`, `c000467`), so that finding a name compares bytes
/// in the table itself. Comparing with the id's own allocation instead cost
/// a cache miss a reference: a fifth of `check`'s time at 100,000 members,
/// where members name half a million clients.
#[derive(Clone, Debug)]
struct Named {
    /// The id's bytes, when it has at most [`INLINE`].
    short: [u8; INLINE],
    /// Their number, or `u8::MAX` for a longer id (compared in `id`).
    len: u8,
    id: Id,
}

impl Named {
    fn new(id: &Id) -> Named {
        let mut short = [0; INLINE];
        let len = if id.len() <= INLINE {
            short[..id.len()].copy_from_slice(id.as_bytes());
            id.len() as u8
        } else {
            u8::MAX
        };
        Named { short, len, id: id.clone() }
    }

    fn is(&self, name: &str) -> bool {
        if self.len == u8::MAX {
            name.len() > INLINE && self.id.as_str() == name
        } else {
            self.len as usize == name.len() && &self.short[..name.len()] == name.as_bytes()
        }
    }
}

fn add_to(table: &mut HashTable<Named>, id: &Id) {
    let h = hash(id);
    if table.find(h, |x| x.is(id)).is_none() {
        table.insert_unique(h, Named::new(id), |x| hash(&x.id));
    }
}

fn find_in(table: &HashTable<Named>, name: &str) -> Option<Id> {
    table.find(hash(name), |x| x.is(name)).map(|x| x.id.clone())
}

impl Names {
    /// Room for `profiles` and `clients` more ids, made at once: a table
    /// grown by doubling leaves its smaller copies behind, resident (SPEC §7's
    /// memory target).
    pub fn reserve(&mut self, profiles: usize, clients: usize) {
        self.profiles.reserve(profiles, |x| hash(&x.id));
        self.clients.reserve(clients, |x| hash(&x.id));
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
    fn a_known_name_shares_its_allocation() {
        let mut names = Names::default();
        let acme = Id::from("acme");
        names.add_client(&acme);
        assert!(names.client("acme").is_some() && names.client("p1").is_none());
        let got = names.get(&String::from("acme"));
        assert!(Arc::ptr_eq(&acme.0, &got.0));
        assert_eq!(got, "acme");
        let other = names.get("globex");
        assert_eq!(other, "globex");
        assert!(!Arc::ptr_eq(&acme.0, &other.0));
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
