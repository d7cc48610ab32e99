//! Entry splices: the new bytes of one entry of a file as it was read, and
//! a text with several applied. A change of single entries (of a large
//! `members.toml`) is made of these, and `incremental` builds its new state
//! from them without copying the file.

/// A replacement of bytes `start..end` of a file as it was read (an insertion
/// when they are equal).
#[derive(Clone, Debug)]
pub struct Splice {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// `text` with the splices applied (they never overlap).
pub fn apply_splices<'a>(text: &str, splices: impl IntoIterator<Item = &'a Splice>) -> String {
    let mut sorted: Vec<&Splice> = splices.into_iter().collect();
    sorted.sort_by_key(|s| (s.start, s.end));
    let mut out = String::with_capacity(text.len() + sorted.iter().map(|s| s.text.len()).sum::<usize>());
    let mut at = 0;
    for s in sorted {
        out.push_str(&text[at..s.start as usize]);
        out.push_str(&s.text);
        at = s.end as usize;
    }
    out.push_str(&text[at..]);
    out
}
