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

/// The pieces of `text` with the splices applied (they never overlap), in
/// order: what [`apply_splices`] joins and a change writes to its temporary
/// file before the model takes the splices (`change::commit`).
pub fn spliced<'a>(text: &'a str, splices: impl IntoIterator<Item = &'a Splice>) -> impl Iterator<Item = &'a str> {
    let mut sorted: Vec<&Splice> = splices.into_iter().collect();
    sorted.sort_by_key(|s| (s.start, s.end));
    let mut at = 0;
    let mut pieces = Vec::with_capacity(2 * sorted.len() + 1);
    for s in sorted {
        pieces.push(&text[at..s.start as usize]);
        pieces.push(s.text.as_str());
        at = s.end as usize;
    }
    pieces.push(&text[at..]);
    pieces.into_iter()
}

/// `text` with the splices applied (they never overlap).
pub fn apply_splices<'a>(text: &'a str, splices: impl IntoIterator<Item = &'a Splice>) -> String {
    spliced(text, splices).collect::<Vec<&str>>().concat()
}
