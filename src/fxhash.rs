//! A fast, non-cryptographic hasher for the workspace's own tables (ids,
//! emails, fingerprints), where std's SipHash dominated the cost on 100,000
//! members. Keys come from the workspace's files, not from an attacker racing
//! a server, so flooding resistance buys nothing here. The mixing step is the
//! one rustc uses for its own tables (FxHash).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
/// The multiplier of [`FxHasher::finish`]'s fold (the digits of pi, as foldhash takes them).
const FOLD: u64 = 0x24_3f_6a_88_85_a3_08_d3;

#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weak (each depends only on the
        // bits below it): fold a 128-bit product, so that every bit of the
        // hash depends on every bit of the state. hashbrown picks buckets by
        // the low bits and tells keys apart by the top 7; the loader tells
        // ids apart by the top 32 (`store::load::chunk`). Rotating the
        // strong bits down, as before, left those top bits weak: 6,400 of
        // 100,000 member ids shared their top 32 bits with another.
        let m = u128::from(self.hash) * u128::from(FOLD);
        (m as u64) ^ ((m >> 64) as u64)
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash<T: Hash>(t: T) -> u64 {
        let mut h = FxHasher::default();
        t.hash(&mut h);
        h.finish()
    }

    #[test]
    fn every_bit_of_the_hash_tells_ids_of_one_pattern_apart() {
        let hashes: Vec<u64> = (0..100_000).map(|i| hash(format!("m{i:06}"))).collect();
        for (what, part) in [("top 32", 32), ("low 32", 0)] {
            let mut bits: Vec<u32> = hashes.iter().map(|h| (h >> part) as u32).collect();
            bits.sort_unstable();
            let same = bits.windows(2).filter(|w| w[0] == w[1]).count();
            // About 1 expected for 100,000 random values of 32 bits.
            assert!(same <= 10, "{same} pairs share the {what} bits");
        }
        let mut tags = [0usize; 128];
        hashes.iter().for_each(|h| tags[(h >> 57) as usize] += 1);
        assert!(tags.iter().all(|&n| n > 100_000 / 128 / 2), "hashbrown's tags (top 7 bits) are spread: {tags:?}");
    }

    #[test]
    fn different_keys_hash_differently() {
        assert_ne!(hash("m000001"), hash("m000010"));
        assert_ne!(hash("ab"), hash("ab\0"));
        assert_eq!(hash("same"), hash("same"));
        let mut map: FxHashMap<String, u32> = FxHashMap::default();
        map.insert("bob".into(), 1);
        assert_eq!(map.get("bob"), Some(&1));
    }
}
