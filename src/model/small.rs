//! [`SmallStr`]: a short string kept inside the value, without an allocation.
//!
//! A member's name and email are short (the reference workload's "Member
//! 12345" and "m012345@example.com"), and 100,000 members each held two
//! allocations of 32 bytes for them: kept inline, they cost 4.8 MB less at
//! the peak (SPEC §7's memory target).

use std::fmt;

/// Bytes kept inline: with the length and the variant, the value is 24 bytes,
/// a `Box<str>` and more.
const INLINE: usize = 22;

/// A string of up to 22 bytes kept inline; a longer one is boxed. Reads as a
/// `str`.
#[derive(Clone)]
pub struct SmallStr(Repr);

#[derive(Clone)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Boxed(Box<str>),
}

impl SmallStr {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline(len, bytes) => inline_text(&bytes[..*len as usize]),
            Repr::Boxed(s) => s,
        }
    }

    /// Its bytes, without checking an inline string as UTF-8 again (as
    /// [`SmallStr::as_str`] must): for loops over every member's email.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(len, bytes) => &bytes[..*len as usize],
            Repr::Boxed(s) => s.as_bytes(),
        }
    }
}

impl From<&str> for SmallStr {
    fn from(s: &str) -> SmallStr {
        if s.len() <= INLINE {
            SmallStr(Repr::Inline(s.len() as u8, inline_bytes(s)))
        } else {
            SmallStr(Repr::Boxed(s.into()))
        }
    }
}

/// The text of a string kept inline (a [`SmallStr`]'s, an `Id`'s): always
/// whole UTF-8, made from a `str`, so the fallback is never taken.
pub(super) fn inline_text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// `s`'s bytes at the start of `N` (it has at most `N`), the rest zero: equal
/// strings are equal buffers.
pub(super) fn inline_bytes<const N: usize>(s: &str) -> [u8; N] {
    let mut bytes = [0; N];
    bytes[..s.len()].copy_from_slice(s.as_bytes());
    bytes
}

impl From<String> for SmallStr {
    fn from(s: String) -> SmallStr {
        if s.len() <= INLINE { SmallStr::from(s.as_str()) } else { SmallStr(Repr::Boxed(s.into_boxed_str())) }
    }
}

impl From<Box<str>> for SmallStr {
    fn from(s: Box<str>) -> SmallStr {
        if s.len() <= INLINE { SmallStr::from(&*s) } else { SmallStr(Repr::Boxed(s)) }
    }
}

impl Default for SmallStr {
    fn default() -> SmallStr {
        SmallStr::from("")
    }
}

impl std::ops::Deref for SmallStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SmallStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for SmallStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SmallStr {
    fn eq(&self, other: &SmallStr) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for SmallStr {}

impl PartialEq<str> for SmallStr {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl std::hash::Hash for SmallStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// As the `str` it holds.
impl fmt::Debug for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for SmallStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_strings_read_as_written() {
        assert_eq!(std::mem::size_of::<SmallStr>(), 24);
        for s in
            ["", "Member 12345", "m012345@example.com", "exactly twenty-two b.", "a much longer name, Émilie Dürer-Ñ"]
        {
            let small = SmallStr::from(s);
            assert_eq!(small.as_str(), s);
            assert_eq!(SmallStr::from(s.to_string()), small);
            assert_eq!(SmallStr::from(Box::<str>::from(s)).as_str(), s);
            assert_eq!(format!("{small:?}"), format!("{s:?}"));
            assert_eq!(small.to_string(), s);
        }
        // A character is never cut: 22 bytes inline, 23 boxed.
        let edge = "é".repeat(11);
        assert_eq!(SmallStr::from(edge.as_str()).as_str(), edge);
        let over = format!("{edge}x");
        assert_eq!(SmallStr::from(over.as_str()).as_str(), over);
    }
}
