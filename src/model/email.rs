//! Email addresses: what roster accepts as one, and when two are the same.
//!
//! Both rules are the model's: the loader reads `members.toml` with them, the
//! rules find duplicated emails with them, and `import` checks its rows with
//! them, so that a row and a file can never disagree on an address.

use crate::fxhash::FxHasher;
use std::hash::Hasher;

/// A plain check that catches typos, not RFC 5322: one `@`, something before it,
/// a dotted domain after it, no spaces.
pub fn check(email: &str) -> Result<(), &'static str> {
    let Some((local, domain)) = email.split_once('@') else { return Err("it has no `@`") };
    if local.is_empty() {
        return Err("nothing before the `@`");
    }
    if domain.contains('@') {
        return Err("it has more than one `@`");
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err("the domain after the `@` needs a dot, like example.com");
    }
    if email.chars().any(char::is_whitespace) {
        return Err("it contains a space");
    }
    Ok(())
}

// Two emails are the same address when their characters, each lowercased
// alone, are equal: `folded` is that one definition, and [`same`], [`hash`]
// and [`key`] agree with it (with a fast path for ASCII, which is most emails).
fn folded(email: &str) -> impl Iterator<Item = char> + '_ {
    email.chars().flat_map(char::to_lowercase)
}

/// Whether `a` and `b` are the same address (compared without case).
pub fn same(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(b) } else { folded(a).eq(folded(b)) }
}

/// A hash of the address that equal addresses (by [`same`]) share.
pub fn hash(email: &str) -> u64 {
    let mut h = FxHasher::default();
    if email.is_ascii() {
        // The same values as below, without the per-character case tables.
        email.bytes().for_each(|b| h.write_u32(b.to_ascii_lowercase() as u32));
    } else {
        folded(email).for_each(|c| h.write_u32(c as u32));
    }
    h.finish()
}

/// The address as a key of a map: two addresses have the same key exactly
/// when they are the [`same`].
pub fn key(email: &str) -> String {
    if email.is_ascii() { email.to_ascii_lowercase() } else { folded(email).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_need_an_at_and_a_dotted_domain() {
        assert!(check("bob@example.com").is_ok());
        assert!(check("bob.example.com").is_err());
        assert!(check("@example.com").is_err());
        assert!(check("bob@example").is_err());
        assert!(check("bob @example.com").is_err());
    }

    #[test]
    fn same_hash_and_key_agree() {
        let pairs = [
            ("Bob@Example.com", "bob@example.COM", true),
            ("bob@example.com", "bob@example.org", false),
            ("ÉLODIE@example.fr", "élodie@example.fr", true),
            // Each character alone: a final capital sigma is σ, as in the middle of a word.
            ("ΑΣ@example.gr", "ασ@example.gr", true),
            ("ΑΣ@example.gr", "ας@example.gr", false),
            ("İ@example.com", "i̇@example.com", true),
        ];
        for (a, b, same_address) in pairs {
            assert_eq!(same(a, b), same_address, "{a} {b}");
            assert_eq!(key(a) == key(b), same_address, "{a} {b}");
            if same_address {
                assert_eq!(hash(a), hash(b), "{a} {b}");
            }
        }
    }
}
