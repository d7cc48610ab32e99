//! Output safety for people: what a value read from the files may not do to
//! the place it is shown. On a terminal its control characters show escaped
//! (`\u{1b}`), so a name cannot clear the screen, move the cursor or fake a
//! line; in Markdown it cannot close the table, the comment's HTML or start
//! a link; in JSON, serde escapes C0 and this module the rest.
//!
//! Two layers, both used by every command: [`terminal`] escapes one value
//! wholly (newlines too), where the shared renderers put values into lines
//! (table cells, diagnostics, the facts of a change, errors); [`terminal_text`]
//! is the net over whole texts on their way out (`Ctx::print`, `eprint`),
//! which keeps the line breaks and roster's own colours and escapes the rest.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character is shown escaped: a control character (C0, DEL, C1),
/// or a bidirectional embedding, override or isolate, which reorders the text
/// after it on screen (Trojan Source).
pub fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds a [`hidden`] character (with `lines`, `\n` and `\t` do
/// not count), read from its UTF-8 bytes: the common text passes without
/// being decoded, at the speed of a byte scan.
fn has_hidden(s: &str, lines: bool) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'\n' | b'\t' => !lines,
        0x00..=0x1f | 0x7f => true,
        // C1: U+0080..U+009F.
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        // U+202A..U+202E and U+2066..U+2069.
        0xe2 => {
            matches!((b.get(i + 1), b.get(i + 2)), (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)))
        }
        _ => false,
    })
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// One value, for a terminal: every hidden character escaped, line breaks
/// and tabs included, so that the value stays on its line.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !has_hidden(s, false) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) { push_escaped(&mut out, c) } else { out.push(c) }
    }
    Cow::Owned(out)
}

/// The colour sequences roster writes itself (anstyle's styles of
/// `style::Paint`, and comfy-table's bold and yellow): with colour on, these
/// are kept by [`terminal_text`]. A value can hold one too, but they change
/// no more than the colour: none moves the cursor, clears or hides text.
const COLOURS: [&str; 7] = ["\x1b[0m", "\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m", "\x1b[38;5;11m"];

/// A whole text, for a terminal: line breaks (`\n`, `\r\n`) and tabs are
/// kept, and with `colour` the sequences of [`COLOURS`]; every other hidden
/// character is escaped.
pub fn terminal_text(text: &str, colour: bool) -> Cow<'_, str> {
    if !has_hidden(text, true) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    // The end of the text copied to `out` so far.
    let mut copied = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !hidden(c) || c == '\n' || c == '\t' || (c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n')) {
            continue;
        }
        out.push_str(&text[copied..i]);
        copied = i + c.len_utf8();
        if c == '\x1b'
            && colour
            && let Some(seq) = COLOURS.iter().find(|s| text[i..].starts_with(**s))
        {
            out.push_str(seq);
            copied = i + seq.len();
            while chars.peek().is_some_and(|&(j, _)| j < copied) {
                chars.next();
            }
            continue;
        }
        push_escaped(&mut out, c);
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// One value in Markdown (a table cell, a list item): `|` and the characters
/// that start emphasis, code, links or an escape are backslash-escaped; `<`,
/// `>` and `&` become entities, so no HTML reaches the page (a label cannot
/// close a `<details>` or open a `<script>`); line breaks become spaces, so
/// the value cannot end the table row or start a block; other hidden
/// characters are escaped as on a terminal.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' => out.push(' '),
            c if hidden(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// One value in HTML text or a quoted attribute: `&`, `<`, `>`, `"` and `'`
/// become entities, so no value can open a tag, close one or end an
/// attribute; hidden characters show escaped as on a terminal (`\u{1b}`),
/// line breaks included, so a value stays one visible piece of text.
pub fn html(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) && !has_hidden(s, false) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if hidden(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A value as Markdown inline code: inside it HTML and emphasis are text
/// already; the fence is longer than any run of backticks in the value, line
/// breaks become spaces, and in a table cell `|` is escaped (GitHub splits
/// cells before it reads code).
pub fn markdown_code(s: &str, in_table: bool) -> String {
    let mut body = String::with_capacity(s.len() + 2);
    let mut chars = s.chars().peekable();
    let (mut run, mut longest) = (0, 0);
    while let Some(c) = chars.next() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
        match c {
            '|' if in_table => body.push_str("\\|"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' => body.push(' '),
            c if hidden(c) => push_escaped(&mut body, c),
            c => body.push(c),
        }
    }
    let fence = "`".repeat(longest + 1);
    // A value that starts or ends with a backtick needs a space inside the fence.
    let pad = if body.starts_with('`') || body.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{body}{pad}{fence}")
}

/// Pretty JSON whose strings hold no hidden character raw: serde escapes C0;
/// DEL, C1 and the bidirectional controls are written `\u00XX` / `\u202E`
/// here. Outside strings serde writes only ASCII, so each one found is in a
/// string, where the escape means the same character.
pub fn json_text(text: String) -> String {
    if !has_hidden(&text, true) || !text.chars().any(|c| hidden(c) && u32::from(c) >= 0x7f) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) && u32::from(c) >= 0x7f {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::Paint;

    #[test]
    fn the_byte_scan_finds_exactly_the_hidden_characters() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(has_hidden(&s, false), hidden(c), "{c:?}");
            assert_eq!(has_hidden(&s, true), hidden(c) && c != '\n' && c != '\t', "{c:?}");
        }
    }

    #[test]
    fn a_value_shows_every_control_character_escaped() {
        assert_eq!(terminal("Bob"), "Bob");
        assert_eq!(terminal("\x1b[2JBob\nfake line\t\r"), "\\u{1b}[2JBob\\nfake line\\t\\r");
        assert_eq!(terminal("a\u{7f}b\u{9b}c\u{202e}d"), "a\\u{7f}b\\u{9b}c\\u{202e}d");
        assert_eq!(terminal("Inès — ok é"), "Inès — ok é");
    }

    #[test]
    fn a_text_keeps_its_lines_and_roster_colours_only() {
        assert_eq!(terminal_text("a\nb\r\n\tc", false), "a\nb\r\n\tc");
        assert_eq!(terminal_text("x\ry\x1b]0;title\x07", false), "x\\ry\\u{1b}]0;title\\u{7}");
        let paint = Paint { enabled: true, width: None };
        for style in [paint.error(), paint.warning(), paint.ok(), paint.accent(), paint.bold()] {
            let painted = paint.apply(style, "x");
            assert_eq!(terminal_text(&painted, true), painted, "{painted:?}");
            assert_eq!(terminal_text(&painted, false).matches("\\u{1b}").count(), painted.matches('\x1b').count());
        }
        assert_eq!(terminal_text("\x1b[2J\x1b[8m", true), "\\u{1b}[2J\\u{1b}[8m");
        assert_eq!(terminal_text("é\x1b[1mé", true), "é\x1b[1mé");
    }

    #[test]
    fn markdown_values_cannot_break_the_table_or_bring_html() {
        assert_eq!(markdown("a|b"), "a\\|b");
        assert_eq!(markdown("x\\|y"), "x\\\\\\|y");
        assert_eq!(markdown("L\n\n</details><script>"), "L  &lt;/details&gt;&lt;script&gt;");
        assert_eq!(markdown("[x](http://e) *b* &amp;"), "\\[x\\](http://e) \\*b\\* &amp;amp;");
        assert_eq!(markdown("a\r\nb\x1b"), "a b\\u{1b}");
    }

    #[test]
    fn markdown_code_fences_around_backticks() {
        assert_eq!(markdown_code("HEAD~1", false), "`HEAD~1`");
        assert_eq!(markdown_code("a``b", false), "```a``b```");
        assert_eq!(markdown_code("`x", true), "`` `x ``");
        assert_eq!(markdown_code("a|b\nc", true), "`a\\|b c`");
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let text = crate::render::json(&serde_json::json!({"name": "a\u{9b}b\u{202e}\u{1b}"}));
        assert!(text.contains(r#""a\u009Bb\u202E\u001b""#), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(back["name"], "a\u{9b}b\u{202e}\u{1b}");
    }
}

#[cfg(test)]
mod html_tests {
    use super::html;

    #[test]
    fn html_escapes_markup_quotes_and_hidden_characters() {
        assert_eq!(html("ACME SA"), "ACME SA");
        assert_eq!(html("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assert_eq!(html("a\"b&c"), "a&quot;b&amp;c");
        assert_eq!(html("x\u{1b}[2Jy\nz"), "x\\u{1b}[2Jy\\nz");
        assert_eq!(html("\u{202e}evil"), "\\u{202e}evil");
    }
}
