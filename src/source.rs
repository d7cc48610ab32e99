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
}

impl Source {
    fn line_starts(&self) -> &[u32] {
        self.lines.get_or_init(|| {
            std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1)).collect()
        })
    }
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
        self.files.push(Source { name, path, text, lines: std::sync::OnceLock::new() });
        FileId(self.files.len() as u32 - 1)
    }

    /// Replaces a file's text (the state a change builds) and returns the old
    /// one; the line index is rebuilt on demand.
    pub fn replace_text(&mut self, id: FileId, text: String) -> String {
        let source = &mut self.files[id.0 as usize];
        source.lines = std::sync::OnceLock::new();
        std::mem::replace(&mut source.text, text)
    }

    pub fn get(&self, id: FileId) -> &Source {
        &self.files[id.0 as usize]
    }

    pub fn find(&self, name: &str) -> Option<FileId> {
        self.files.iter().position(|s| s.name == name).map(|i| FileId(i as u32))
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &Source)> {
        self.files.iter().enumerate().map(|(i, s)| (FileId(i as u32), s))
    }

    /// Line and column of a byte offset: a binary search in the file's line index.
    pub fn position(&self, file: FileId, offset: u32) -> Position {
        let source = self.get(file);
        let starts = source.line_starts();
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1] as usize;
        let text = &source.text;
        let end = floor_char_boundary(text, (offset as usize).min(text.len()));
        Position { line, column: text[start.min(end)..end].chars().count() + 1 }
    }

    /// The whole line that holds `offset`, without its line end.
    pub fn line_text(&self, file: FileId, offset: u32) -> &str {
        line_at(&self.get(file).text, offset as usize)
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

    #[test]
    fn position_past_the_end_is_clamped() {
        assert_eq!(position_in("ab", 99), Position { line: 1, column: 3 });
        assert_eq!(line_at("ab\r\n", 1), "ab");
    }
}
