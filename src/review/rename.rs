//! `member rename OLD NEW` in the campaigns: a campaign that still has
//! pending items is still at work, so the member's items (`OLD`,
//! `OLD/CLIENT`) and the items they review or decided follow the new id; a
//! campaign whose every item is decided is a record of the past and stays
//! byte for byte.
//!
//! A campaign can hold over half a million items (the owner may review them
//! all): it is read with the campaign reader (in pieces, each item's bytes
//! known), then only the items that name the member are parsed again, each
//! on its own bytes, for the spans of the values that name them; those
//! values alone are replaced, so that everything else (layout, comments,
//! the other keys) stays byte for byte, whatever the layout of an item.
//! Which keys name a member is said once, here ([`MEMBER_KEYS`]).

use super::{Campaign, Item, Keep, Read, file_name, file_text, read_text, valid};
use crate::error::{Error, Kind, Result};
use crate::source::Sources;
use std::ops::Range;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// The keys of an item whose value names a member: `id` (as `MEMBER` or
/// `MEMBER/CLIENT`), `reviewer` and `decided_by`.
pub const MEMBER_KEYS: &[&str] = &["id", "reviewer", "decided_by"];

/// The value of `key` with member `old` renamed `new`; `None` when it does
/// not name `old` (`bob.durand` and `bob/acme` are not `bob.d`'s).
pub fn renamed(key: &str, value: &str, old: &str, new: &str) -> Option<String> {
    if value == old {
        return Some(new.to_string());
    }
    if key == "id"
        && let Some(client) = value.strip_prefix(old).and_then(|rest| rest.strip_prefix('/'))
    {
        return Some(format!("{new}/{client}"));
    }
    None
}

/// Whether `item` names member `id` under one of [`MEMBER_KEYS`].
fn names(item: &Item, id: &str) -> bool {
    item.member() == id || item.reviewer.as_deref() == Some(id) || item.decided_by.as_deref() == Some(id)
}

/// What a rename does to one campaign.
#[derive(Debug, PartialEq)]
pub enum InCampaign {
    /// The campaign does not name the member (or there is no such file).
    Untouched,
    /// Every item is decided: left as it is, though it names the member in
    /// this many items.
    Finished(usize),
    /// The campaign's text as it was read, its new text, and how many items
    /// it renames the member in.
    Renamed { read: String, text: String, items: usize },
}

/// Member `old` renamed `new` in campaign `id`, whose text is `now` (as a
/// change has it already, in a batch) or else the file's. A campaign with
/// errors refuses the rename with them (exit 1): what it names is unknown.
/// One that still has pending items and already has items of a member
/// `new` (removed since) refuses it too (exit 3): the two would mix.
pub fn in_campaign(root: &Path, id: &str, now: Option<&str>, old: &str, new: &str) -> Result<InCampaign> {
    let text = match now {
        Some(text) => text.to_string(),
        None => match file_text(root, id) {
            None => return Ok(InCampaign::Untouched),
            Some(Ok(text)) => text,
            Some(Err(d)) => {
                let read = Read { campaign: Default::default(), file: None, diagnostics: vec![d] };
                return valid(read, Sources::default(), id).map(|_| InCampaign::Untouched);
            }
        },
    };
    // A file that holds neither the id nor an escape (`\u0062ob`, a line
    // continuation) cannot name it: it is not parsed.
    if !text.contains(old) && !text.contains('\\') {
        return Ok(InCampaign::Untouched);
    }
    let mut sources = Sources::default();
    let read = read_text(root, id, text, &mut sources, Keep::Items);
    let (campaign, text) = valid(read, sources, id)?;
    let named: Vec<&Item> = campaign.items.iter().filter(|i| names(i, old)).collect();
    if named.is_empty() {
        return Ok(InCampaign::Untouched);
    }
    if campaign.counts().0 == 0 {
        return Ok(InCampaign::Finished(named.len()));
    }
    if let Some(taken) = campaign.items.iter().find(|i| i.member() == new) {
        return Err(Error::new(
            Kind::Refused,
            "exists",
            format!(
                "the campaign `{}` still has pending items and holds items of a former member `{new}` (`{}`): renaming `{old}` to `{new}` would mix their items; nothing was written",
                file_name(id),
                taken.id
            ),
        )
        .hint(format!(
            "choose another id, or decide the campaign's pending items first (`roster review status {id}` lists them)"
        )));
    }
    let edits = edits(&text, &campaign, &named, old, new)?;
    let mut renamed = String::with_capacity(text.len() + edits.len() * (new.len() + 2));
    let mut at = 0;
    for (range, value) in &edits {
        renamed.push_str(&text[at..range.start]);
        renamed.push_str(value);
        at = range.end;
    }
    renamed.push_str(&text[at..]);
    Ok(InCampaign::Renamed { read: text, text: renamed, items: named.len() })
}

/// The values that name `old` in the `named` items, each with what replaces
/// it (a TOML string), in file order. Each item is parsed on its own bytes
/// when the items are `[[item]]` tables with their ranges; else (items
/// written otherwise, a small hand-written file) the file is parsed whole.
fn edits(
    text: &str,
    campaign: &Campaign,
    named: &[&Item],
    old: &str,
    new: &str,
) -> Result<Vec<(Range<usize>, String)>> {
    let bad = |e: toml::de::Error| {
        Error::new(Kind::Invalid, "toml-syntax", format!("cannot edit the campaign: {e}"))
            .hint("`roster check` shows what is wrong with the file")
    };
    let mut out = Vec::new();
    if campaign.items.iter().all(|i| i.range.1 > i.range.0) {
        for item in named {
            let (start, end) = item.range;
            let piece = &text[start..end];
            // An item that names the member by inheritance (a client item
            // without `reviewer` has its member's) holds nothing to edit.
            if !piece.contains(old) && !piece.contains('\\') {
                continue;
            }
            let top = DeTable::parse(piece).map_err(bad)?;
            in_items(top.get_ref(), start, old, new, &mut out);
        }
    } else {
        let top = DeTable::parse(text).map_err(bad)?;
        in_items(top.get_ref(), 0, old, new, &mut out);
    }
    out.sort_by_key(|(r, _)| r.start);
    Ok(out)
}

/// The values of [`MEMBER_KEYS`] that name `old` in the `item` tables of
/// `top` (a piece of the file that starts at `offset`).
fn in_items(top: &DeTable, offset: usize, old: &str, new: &str, out: &mut Vec<(Range<usize>, String)>) {
    let Some((_, items)) = top.iter().find(|(k, _)| k.get_ref() == "item") else { return };
    let DeValue::Array(items) = items.get_ref() else { return };
    for item in items {
        let DeValue::Table(table) = item.get_ref() else { continue };
        for (k, v) in table {
            let key = k.get_ref().as_ref();
            if !MEMBER_KEYS.contains(&key) {
                continue;
            }
            if let DeValue::String(s) = v.get_ref()
                && let Some(value) = renamed(key, s, old, new)
            {
                let span = v.span();
                out.push((span.start + offset..span.end + offset, toml_edit::Value::from(value).to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_matches_whole_ids_only() {
        assert_eq!(renamed("id", "bob", "bob", "rob").as_deref(), Some("rob"));
        assert_eq!(renamed("id", "bob/acme", "bob", "rob").as_deref(), Some("rob/acme"));
        assert_eq!(renamed("reviewer", "bob", "bob", "rob").as_deref(), Some("rob"));
        assert_eq!(renamed("id", "bob.durand", "bob", "rob"), None);
        assert_eq!(renamed("id", "bobby/acme", "bob", "rob"), None);
        assert_eq!(renamed("id", "acme/bob", "bob", "rob"), None);
        // Only an item id has the MEMBER/CLIENT form.
        assert_eq!(renamed("reviewer", "bob/acme", "bob", "rob"), None);
    }
}
