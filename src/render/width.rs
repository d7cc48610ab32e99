//! How many terminal columns text takes, and the two ways a table cell is
//! made narrower: free text shortened with `…`, a list wrapped between its
//! items. An id or an email is never cut.
//!
//! The widths follow Unicode's East Asian Width closely enough for names:
//! wide (CJK, Hangul, fullwidth forms, emoji) count 2, combining marks and
//! zero-width characters 0, every other character 1. comfy-table, which pads
//! the cells, measures with the full tables; a rare character they judge
//! differently shifts one row by a column, never more.

/// The columns `c` takes on a terminal.
pub fn char_width(c: char) -> usize {
    let u = u32::from(c);
    if u < 0x300 {
        return 1;
    }
    let zero = matches!(u,
        0x0300..=0x036f | 0x0483..=0x0489 | 0x0591..=0x05bd | 0x0610..=0x061a | 0x064b..=0x065f
        | 0x0e31 | 0x0e34..=0x0e3a | 0x0e47..=0x0e4e | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff
        | 0x200b..=0x200f | 0x20d0..=0x20ff | 0xfe00..=0xfe0f | 0xfe20..=0xfe2f | 0xe0100..=0xe01ef);
    if zero {
        return 0;
    }
    let wide = matches!(u,
        0x1100..=0x115f | 0x2e80..=0x303e | 0x3041..=0x33ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff
        | 0xa000..=0xa4cf | 0xac00..=0xd7a3 | 0xf900..=0xfaff | 0xfe30..=0xfe4f | 0xff00..=0xff60
        | 0xffe0..=0xffe6 | 0x1f300..=0x1f64f | 0x1f900..=0x1f9ff | 0x20000..=0x3fffd);
    if wide { 2 } else { 1 }
}

/// The columns `s` takes on one line.
pub fn width(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().map(char_width).sum() }
}

/// `s` in at most `max` columns: as it is when it fits, else its beginning
/// and `…` (at least the `…`).
pub fn shorten(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
}

/// A list's items joined with `, `, on lines of at most `max` columns where
/// the items allow: a line breaks only between items, so an item wider than
/// `max` stands on a line of its own, whole.
pub fn wrap_items(items: &[String], max: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for (i, item) in items.iter().enumerate() {
        // The item, and the comma that follows it unless it is the last.
        let w = width(item) + usize::from(i + 1 < items.len());
        if i > 0 {
            if line + 1 + w > max {
                out.push_str(",\n");
                line = 0;
            } else {
                out.push_str(", ");
                line += 1;
            }
        }
        out.push_str(item);
        line += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns() {
        assert_eq!(width("bob"), 3);
        assert_eq!(width("Léa"), 3);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("日本"), 4);
    }

    #[test]
    fn shorten_keeps_what_fits_and_marks_the_cut() {
        assert_eq!(shorten("Advanced commercial", 19), "Advanced commercial");
        assert_eq!(shorten("Advanced commercial", 12), "Advanced co…");
        assert_eq!(shorten("Advanced commercial", 10), "Advanced…");
        assert_eq!(shorten("日本語の名前", 5), "日本…");
        assert_eq!(shorten("abc", 0), "…");
    }

    #[test]
    fn lists_wrap_between_items_only() {
        let items: Vec<String> = ["acme", "globex", "umbrella"].map(String::from).into();
        assert_eq!(wrap_items(&items, 80), "acme, globex, umbrella");
        assert_eq!(wrap_items(&items, 14), "acme, globex,\numbrella");
        assert_eq!(wrap_items(&items, 3), "acme,\nglobex,\numbrella");
    }
}
