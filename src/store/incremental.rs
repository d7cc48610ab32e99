//! The new state of a change made of entry splices (see `change::Change`),
//! built from the old one in place: only the changed entries are parsed again,
//! the spans of the entries after them move by the bytes inserted or removed,
//! and the file's text is spliced where it lies (what undoes the splices is
//! kept instead of a copy of the old text). When only members' entries were
//! replaced, each by one with the same id, or added (none removed), the
//! caller runs only the rules those members can break
//! (`rules::check_edited_members`); otherwise every rule runs on the new state. This keeps a one-member change on a
//! 100,000-member workspace close to the cost of reading it once, in time and
//! in memory.

use super::load::{CLIENTS_FILE, KeyedEntry, MEMBERS_FILE, read_fragment};
use super::splice::Splice;
use crate::diag::Diagnostic;
use crate::model::{Names, Workspace};
use crate::source::{FileId, Undo};
use std::collections::BTreeMap;

/// What [`apply`] did.
#[derive(Debug)]
pub struct Applied {
    /// The diagnostics of reading the new entries (the rules are the caller's).
    pub diags: Vec<Diagnostic>,
    /// By file, what undoes each text's splices: the old text, which the disk
    /// must still hold when the change is written.
    pub undo: BTreeMap<String, Vec<Undo>>,
    /// When only members' entries were replaced, each by one with the same
    /// id, or added (a batch's new members): the positions in `ws.members` of
    /// those replaced and added (see `rules::check_edited_members`).
    pub members_in_place: Option<Vec<usize>>,
}

/// Applies the splices (on the texts as read) to `ws` in place: its members,
/// clients and texts become the new state, and nothing large is copied.
pub fn apply(ws: &mut Workspace, splices: &BTreeMap<String, Vec<Splice>>) -> Applied {
    let mut diags = Vec::new();
    let mut undo = BTreeMap::new();
    // Which lists came or went entries: only their indexes are made again.
    let (mut members_moved, mut clients_moved) = (false, false);
    let mut members_in_place = None;
    let mut added: Vec<String> = Vec::new();
    let names = ws.names();
    for (name, list) in splices {
        let Some(file) = ws.sources.find(name) else { continue };
        let mut list: Vec<&Splice> = list.iter().collect();
        list.sort_by_key(|s| (s.start, s.end));
        if name == MEMBERS_FILE {
            let spliced = splice_items(&mut ws.members, file, &list, &names, &mut diags);
            members_moved |= !matches!(spliced, Spliced::Same(_));
            members_in_place = match spliced {
                Spliced::Same(positions) => Some(positions),
                // Their positions once the members are indexed again, below.
                Spliced::Grown(ids) => {
                    added = ids;
                    Some(Vec::new())
                }
                Spliced::Other => None,
            };
        } else if name == CLIENTS_FILE
            && !matches!(splice_items(&mut ws.clients, file, &list, &names, &mut diags), Spliced::Same(_))
        {
            // Clients came or went: what the members' references named is to be looked up again.
            clients_moved = true;
            ws.members.iter_mut().for_each(|m| m.clients_known = false);
        }
        let edits: Vec<(usize, usize, &str)> =
            list.iter().map(|s| (s.start as usize, s.end as usize, s.text.as_str())).collect();
        undo.insert(name.clone(), ws.sources.splice(file, &edits));
    }
    // Entries edited in place keep their ids and their places: the indexes hold.
    if members_moved {
        ws.reindex_members();
    }
    if clients_moved {
        ws.reindex_clients();
    }
    if let Some(positions) = &mut members_in_place
        && !added.is_empty()
    {
        *positions = added.iter().filter_map(|id| ws.member_position(id)).collect();
        positions.sort_unstable();
        positions.dedup();
    }
    if splices.keys().any(|name| name != MEMBERS_FILE) {
        members_in_place = None;
    }
    Applied { diags, undo, members_in_place }
}

/// What [`splice_items`] did to the items.
enum Spliced {
    /// Each replaced by one with the same id: the indexes hold. Their positions.
    Same(Vec<usize>),
    /// Replaced by ones with the same ids, and new ones added, none gone:
    /// the ids of those replaced and added.
    Grown(Vec<String>),
    /// Some went away, or came back under another id.
    Other,
}

/// Turns the items of one file into those after the splices, in place: those
/// whose key lies in a spliced range are replaced by what the splice's text
/// holds; the others keep their place, their spans moved by the bytes spliced
/// before them.
fn splice_items<T: KeyedEntry>(
    items: &mut Vec<T>,
    file: FileId,
    splices: &[&Splice],
    names: &Names,
    diags: &mut Vec<Diagnostic>,
) -> Spliced {
    // Where each splice lands in the new text, and the bytes it adds.
    let mut delta = 0i64;
    let mut placed = Vec::with_capacity(splices.len());
    for s in splices {
        let new_start = (s.start as i64 + delta) as usize;
        placed.push((s, new_start, delta));
        delta += s.text.len() as i64 - (s.end as i64 - s.start as i64);
    }
    let mut covered = Vec::new();
    for (i, item) in items.iter_mut().enumerate() {
        let at = item.key_start();
        // The splices that end at or before this item, and whether one covers it.
        let before = placed.partition_point(|(s, _, _)| s.end <= at && !(s.start == s.end && s.start == at));
        if placed.get(before).is_some_and(|(s, _, _)| s.start <= at && at < s.end) {
            covered.push(i);
            continue;
        }
        let moved = if before == 0 {
            0
        } else {
            let (s, _, d) = &placed[before - 1];
            d + s.text.len() as i64 - (s.end as i64 - s.start as i64)
        };
        if moved != 0 {
            item.shift(0, moved);
        }
    }
    let mut fresh: Vec<T> = Vec::new();
    for (s, new_start, _) in &placed {
        let (new_items, new_diags) = read_fragment(&s.text, file, *new_start, names);
        diags.extend(new_diags);
        fresh.extend(new_items);
    }
    let same_ids = fresh.len() == covered.len() && fresh.iter().zip(&covered).all(|(f, &i)| f.id() == items[i].id());
    // None gone: each id replaced is among the new ones (ids are few here).
    let grown = !same_ids && {
        let new: std::collections::HashSet<&str> = fresh.iter().map(|f| f.id()).collect();
        new.len() == fresh.len() && covered.iter().all(|&i| new.contains(items[i].id()))
    };
    let grown = grown.then(|| fresh.iter().map(|f| f.id().to_string()).collect::<Vec<_>>());
    if fresh.len() == covered.len() {
        // As many entries as before: each takes a replaced one's place.
        for (&i, item) in covered.iter().zip(fresh) {
            items[i] = item;
        }
    } else {
        merge_in_place(items, &covered, fresh);
    }
    // File order, as a full read would give (key starts are distinct).
    if !items.is_sorted_by_key(|i| i.key_start()) {
        items.sort_unstable_by_key(|i| i.key_start());
    }
    match (same_ids, grown) {
        (true, _) => Spliced::Same(covered),
        (false, Some(ids)) => Spliced::Grown(ids),
        (false, None) => Spliced::Other,
    }
}

/// Those of `items` not `gone` and the `fresh` ones, both in file order,
/// merged in one pass and in place: a sort of 100,000 members moved each one
/// many times, and merging into a new list held two lists of every member
/// at the peak (16 MB on the reference workload: SPEC §7's memory target).
fn merge_in_place<T: KeyedEntry>(items: &mut Vec<T>, gone: &[usize], mut fresh: Vec<T>) {
    let mut gone = gone.iter().peekable();
    let mut index = 0;
    items.retain(|_| {
        let keep = gone.next_if_eq(&&index).is_none();
        index += 1;
        keep
    });
    let kept = items.len();
    // `Option<T>` is the size of `T` (a niche in its strings): the list is
    // turned into one of options and back in place, without a copy.
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    slots.reserve_exact(fresh.len());
    slots.resize_with(kept + fresh.len(), || None);
    // From the back: each free place takes the later of the last old item
    // not yet placed and the last new one (an old item first on a tie, as a
    // full read orders them).
    let (mut old, mut free) = (kept, slots.len());
    while let Some(f) = fresh.pop() {
        while old > 0 && slots[old - 1].as_ref().is_some_and(|x| x.key_start() > f.key_start()) {
            old -= 1;
            free -= 1;
            slots.swap(old, free);
        }
        free -= 1;
        slots[free] = Some(f);
    }
    // `filter_map` (unlike `flatten`) collects in place: the same allocation.
    #[allow(clippy::filter_map_identity)]
    let merged = slots.into_iter().filter_map(std::convert::identity).collect();
    *items = merged;
}

#[cfg(test)]
mod tests {
    use crate::change::Change;
    use crate::generate::{Params, generate};
    use crate::store::edit;
    use crate::store::load::{CLIENTS_FILE, Input, MEMBERS_FILE, load_from};
    use std::collections::BTreeMap;
    use std::path::Path;

    /// The state built in place equals a full read of the new files: every
    /// field and every span, of every member and client.
    #[test]
    fn the_state_built_in_place_equals_a_full_read() {
        let files = generate(&Params { members: 2500, clients: 1200, profiles: 12, ..Params::default() });
        let root = Path::new("/nonexistent");
        let mut ws = load_from(root, Input::Memory(&files)).workspace;
        let parts = {
            let mut change = Change::new(&ws);
            for id in ["m000001", "m001200", "m002499"] {
                change
                    .edit_entry(MEMBERS_FILE, "members", id, |e| {
                        edit::set(e, "name", "A much longer name than before".into());
                        edit::set_string_array(e, "clients", &["c000001", "c000002"]);
                        Ok(())
                    })
                    .unwrap();
            }
            change.edit_entry(MEMBERS_FILE, "members", "m000700", |e| Ok(edit::remove(e, "email"))).unwrap();
            change
                .edit_entry(CLIENTS_FILE, "clients", "c000900", |e| {
                    edit::set(e, "name", "X".into());
                    Ok(())
                })
                .unwrap();
            change.insert_entries(
                MEMBERS_FILE,
                "members",
                &[
                    (
                        "m001200a",
                        "[members.m001200a]\nname = \"New\"\nemail = \"new@example.com\"\nprofile = \"p0001\"\n",
                    ),
                    ("zz", "[members.zz]\nname = \"Last\"\nemail = \"zz@example.com\"\nprofile = \"p0002\"\n"),
                ],
            );
            change.finish()
        };
        let (texts, splices) = parts.into_files();
        assert!(texts.is_empty());
        let old_texts: BTreeMap<String, String> =
            ws.sources.iter().map(|(_, s)| (s.name.clone(), s.text.clone())).collect();
        let super::Applied { diags, undo, .. } = super::apply(&mut ws, &splices);
        // What undoes the splices gives the old texts back, byte for byte.
        for (name, undo) in &undo {
            let now = &ws.sources.get(ws.sources.find(name).unwrap()).text;
            assert_eq!(crate::source::undone(now, undo).collect::<String>(), old_texts[name], "{name}");
        }
        // The member without an email is reported, at its place in the new text.
        assert_eq!(diags.len(), 1, "{diags:?}");
        let mut new_files: BTreeMap<String, String> =
            ws.sources.iter().map(|(_, s)| (s.name.clone(), s.text.clone())).collect();
        new_files.retain(|k, _| !k.is_empty());
        let full = load_from(root, Input::Memory(&new_files));
        assert_eq!(format!("{:?}", ws.members), format!("{:?}", full.workspace.members));
        assert_eq!(format!("{:?}", ws.clients), format!("{:?}", full.workspace.clients));
        assert_eq!(format!("{:?}", diags), format!("{:?}", full.diagnostics));
        assert!(ws.member("m001200a").is_some() && ws.member("zz").is_some());
    }

    /// A client gone from clients.toml (here renamed in its bytes) is unknown
    /// to the members that were assigned it: what they knew when read no longer holds.
    #[test]
    fn members_look_their_clients_up_again_when_clients_change() {
        let files = generate(&Params { members: 300, clients: 60, profiles: 8, ..Params::default() });
        let mut ws = load_from(Path::new("/nonexistent"), Input::Memory(&files)).workspace;
        assert!(ws.members.iter().all(|m| m.clients_known));
        let gone = ws.members.iter().find_map(|m| m.clients.first()).unwrap().value.to_string();
        let (start, end) = ws.client(&gone).unwrap().entry.unwrap();
        let text = "[clients.renamed]\nname = \"Renamed\"\nkind = \"company\"\n".to_string();
        let splices =
            BTreeMap::from([(CLIENTS_FILE.to_string(), vec![crate::store::splice::Splice { start, end, text }])]);
        super::apply(&mut ws, &splices);
        let unknown: Vec<String> = crate::rules::check(&ws)
            .into_iter()
            .filter(|d| d.code == "unknown-ref" && d.message.contains(&format!("`{gone}`")))
            .map(|d| d.message)
            .collect();
        let assigned = ws.members.iter().filter(|m| m.has_client(&gone)).count();
        assert!(assigned > 0 && unknown.len() >= assigned, "{assigned} assigned, {unknown:?}");
    }
}
