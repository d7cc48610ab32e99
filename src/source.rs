//! Where every value came from: the text of each file read and byte spans into it.
//!
//! Spans are three integers, cheap to keep on every value of a 100,000-member
//! workspace; a span becomes `line:column` only when a diagnostic is printed.

use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Moves the span by `delta` bytes when it starts at or after `at` in `file`.
    pub fn shift(&mut self, file: FileId, at: u32, delta: i64) {
        if self.file == file && self.start >= at {
            self.start = (self.start as i64 + delta) as u32;
            self.end = (self.end as i64 + delta) as u32;
        }
    }

    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        Span { file, start: range.start as u32, end: range.end as u32 }
    }
}

/// One file of the workspace, as read.
#[derive(Debug)]
pub struct Source {
    /// Path relative to the workspace root, with `/` separators (`profiles/admin.toml`).
    pub name: String,
    /// Absolute path on disk.
    pub path: PathBuf,
    /// The text; empty when the file could not be read.
    pub text: String,
    /// Byte offset of each line start, built on the first diagnostic that needs it.
    lines: std::sync::OnceLock<Vec<u32>>,
    /// The characters before every [`BLOCK`]-th byte, built on the first
    /// column asked for far into a long line.
    chars: std::sync::OnceLock<Vec<u32>>,
}

/// Columns far into a line are counted from the nearest multiple of this many
/// bytes, so that each of many diagnostics on one long line costs at most this
/// much, never the whole line (one 1 MB line with 40,000 errors was quadratic).
const BLOCK: usize = 4096;

impl Source {
    fn line_starts(&self) -> &[u32] {
        self.lines.get_or_init(|| {
            std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1)).collect()
        })
    }

    /// The characters in `text[..offset]` (`offset` on a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let blocks = self.chars.get_or_init(|| {
            let mut count = 0u32;
            let mut out = vec![0];
            for block in self.text.as_bytes().chunks(BLOCK) {
                count += chars_in(block) as u32;
                out.push(count);
            }
            out
        });
        let block = offset / BLOCK;
        blocks[block] as usize + chars_in(&self.text.as_bytes()[block * BLOCK..offset])
    }

    /// The line that holds `offset` (without its line end), and the byte
    /// offset of `offset` in it.
    fn line_of(&self, offset: u32) -> (&str, usize) {
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1] as usize;
        let end = starts.get(line).map_or(self.text.len(), |&next| next as usize - 1);
        let text = self.text[start..end].strip_suffix('\r').unwrap_or(&self.text[start..end]);
        let at = floor_char_boundary(text, (offset as usize).saturating_sub(start).min(text.len()));
        (text, at)
    }
}

/// The characters in a run of UTF-8 bytes that starts on a character boundary:
/// every byte that does not continue a character starts one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// One replacement made by [`Sources::splice`]: the `len` bytes at `at` in
/// the new text were `old`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    pub at: usize,
    pub len: usize,
    pub old: String,
}

/// The old text of a spliced file, in pieces: the new text between the
/// replacements, and what each replaced.
pub fn undone<'a>(new: &'a str, undo: &'a [Undo]) -> impl Iterator<Item = &'a str> {
    let mut at = 0;
    undo.iter()
        .flat_map(move |u| {
            let kept = &new[at..u.at];
            at = u.at + u.len;
            [kept, u.old.as_str()]
        })
        .chain(std::iter::once(()).map(move |()| &new[undo.last().map_or(0, |u| u.at + u.len)..]))
}

/// A resolved position: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Every file read for one workspace.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<Source>,
}

impl Sources {
    pub fn add(&mut self, name: String, path: PathBuf, text: String) -> FileId {
        self.files.push(Source {
            name,
            path,
            text,
            lines: std::sync::OnceLock::new(),
            chars: std::sync::OnceLock::new(),
        });
        FileId(self.files.len() as u32 - 1)
    }

    /// Replaces byte ranges of a file's text (the state a change builds), in
    /// place: `edits` are `(start, end, new text)` on the current text, sorted
    /// and not overlapping. Returns what undoes them, so that the old text is
    /// never copied whole (see [`Undo`]); the line index is rebuilt on demand.
    pub fn splice(&mut self, id: FileId, edits: &[(usize, usize, &str)]) -> Vec<Undo> {
        let source = &mut self.files[id.0 as usize];
        source.lines = std::sync::OnceLock::new();
        source.chars = std::sync::OnceLock::new();
        let text = &mut source.text;
        let mut undo = Vec::with_capacity(edits.len());
        let mut delta = 0isize;
        for &(start, end, _) in edits {
            let new = start.saturating_add_signed(delta);
            undo.push(Undo { at: new, len: 0, old: text[start..end].to_string() });
            delta += edits[undo.len() - 1].2.len() as isize - (end - start) as isize;
        }
        for (u, &(_, _, new)) in undo.iter_mut().zip(edits) {
            u.len = new.len();
        }
        // A few edits move the tail once each; many are rebuilt in one pass.
        if edits.len() <= 8 {
            for (u, &(_, _, new)) in undo.iter().zip(edits) {
                text.replace_range(u.at..u.at + u.old.len(), new);
            }
        } else {
            let mut out = String::with_capacity(text.len().saturating_add_signed(delta));
            let mut at = 0;
            for &(start, end, new) in edits {
                out.push_str(&text[at..start]);
                out.push_str(new);
                at = end;
            }
            out.push_str(&text[at..]);
            *text = out;
        }
        undo
    }

    pub fn get(&self, id: FileId) -> &Source {
        &self.files[id.0 as usize]
    }

    /// Takes a file's text out, when nothing will point into it again (a
    /// large campaign read without errors: its text is not held twice).
    pub fn take_text(&mut self, id: FileId) -> String {
        std::mem::take(&mut self.files[id.0 as usize].text)
    }

    pub fn find(&self, name: &str) -> Option<FileId> {
        self.files.iter().position(|s| s.name == name).map(|i| FileId(i as u32))
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &Source)> {
        self.files.iter().enumerate().map(|(i, s)| (FileId(i as u32), s))
    }

    /// Line and column of a byte offset: a binary search in the file's line
    /// index, then the characters counted from the line start, or, far into a
    /// long line, from the nearest block start ([`BLOCK`]).
    pub fn position(&self, file: FileId, offset: u32) -> Position {
        let source = self.get(file);
        let starts = source.line_starts();
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1] as usize;
        let text = &source.text;
        let end = floor_char_boundary(text, (offset as usize).min(text.len())).max(start);
        let column = if end - start <= BLOCK {
            chars_in(&text.as_bytes()[start..end])
        } else {
            source.chars_before(end) - source.chars_before(start)
        };
        Position { line, column: column + 1 }
    }

    /// The line that holds `offset` (without its line end) and the byte offset
    /// of `offset` in it: no scan of the line, however long.
    pub fn line_at_offset(&self, file: FileId, offset: u32) -> (&str, usize) {
        self.get(file).line_of(offset)
    }
}

pub fn position_in(text: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.bytes().filter(|&b| b == b'\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

pub fn line_at(text: &str, offset: usize) -> &str {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text[start..end].trim_end_matches('\r')
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The workspace-relative name of a path, with `/` separators.
pub fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nnamé = \"x\"\n";
        assert_eq!(position_in(text, 0), Position { line: 1, column: 1 });
        let at = text.find("\"x").unwrap();
        assert_eq!(position_in(text, at), Position { line: 2, column: 8 });
        assert_eq!(line_at(text, at), "namé = \"x\"");
    }

    #[test]
    fn the_line_index_agrees_with_a_scan() {
        let mut sources = Sources::default();
        let text = "a = 1\nnamé = \"x\"\n\n[t]\r\nz = 'é'";
        let id = sources.add("t.toml".into(), PathBuf::new(), text.to_string());
        for offset in 0..=text.len() as u32 {
            if text.is_char_boundary(offset as usize) {
                assert_eq!(sources.position(id, offset), position_in(text, offset as usize), "offset {offset}");
            }
        }
    }

    /// Far into a long line, columns come from the block counts: the same as a scan.
    #[test]
    fn columns_far_into_a_long_line_agree_with_a_scan() {
        let long: String = (0..9000).map(|i| ["a", "é", "日", "🦀"][i % 4]).collect();
        let text = format!("first = 1\r\nline = \"{long}\"\nx = 1\n{long}");
        let mut sources = Sources::default();
        let id = sources.add("t.toml".into(), PathBuf::new(), text.clone());
        let offsets = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).step_by(37).chain([text.len()]);
        for offset in offsets {
            let offset = offset as u32;
            assert_eq!(sources.position(id, offset), position_in(&text, offset as usize), "offset {offset}");
            let (line, at) = sources.line_at_offset(id, offset);
            assert_eq!(line, line_at(&text, offset as usize), "offset {offset}");
            assert_eq!(line[..at].chars().count() + 1, position_in(&text, offset as usize).column);
        }
    }

    /// Both ways of splicing (a few edits in place, many in one pass) give the
    /// new text, and what undoes them gives the old one back.
    #[test]
    fn splices_apply_in_place_and_undo() {
        let old: String = (0..40).map(|i| format!("line {i}\n")).collect();
        for count in [1, 3, 8, 9, 20] {
            let mut edits = Vec::new();
            let mut expected = String::new();
            let mut at = 0;
            for i in 0..count {
                let start = old.find(&format!("line {}\n", i * 2)).unwrap();
                let end = start + if i % 3 == 0 { 0 } else { 5 };
                let new = ["", "X", "a longer piece\n"][i % 3];
                expected.push_str(&old[at..start]);
                expected.push_str(new);
                at = end;
                edits.push((start, end, new));
            }
            expected.push_str(&old[at..]);
            let mut sources = Sources::default();
            let id = sources.add("m.toml".into(), PathBuf::new(), old.clone());
            let undo = sources.splice(id, &edits);
            let now = &sources.get(id).text;
            assert_eq!(*now, expected, "{count} edits");
            assert_eq!(undone(now, &undo).collect::<String>(), old, "{count} edits");
        }
    }

    #[test]
    fn position_past_the_end_is_clamped() {
        assert_eq!(position_in("ab", 99), Position { line: 1, column: 3 });
        assert_eq!(line_at("ab\r\n", 1), "ab");
    }
}
