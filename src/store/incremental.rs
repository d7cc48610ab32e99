//! The new state of a change made of entry splices (see `change::Change`),
//! built from the old one: only the changed entries are parsed again, the spans
//! of the entries after them move by the bytes inserted or removed, and the
//! file's text is swapped. The rules then run on the whole new state as usual.
//! This keeps a one-member change on a 100,000-member workspace close to the
//! cost of reading it once.

use super::load::{CLIENTS_FILE, MEMBERS_FILE, read_clients, read_fragment, read_members};
use crate::change::Splice;
use crate::diag::Diagnostic;
use crate::model::Workspace;
use crate::source::FileId;
use std::collections::BTreeMap;

/// Applies the splices to `ws` in place. `new_texts` are the files' texts with
/// the splices applied (by the caller, once); the model takes them and gives
/// back the old texts. Returns the diagnostics of reading the new entries (the
/// rules are the caller's) and the old texts by file.
pub fn apply(
    ws: &mut Workspace,
    splices: &BTreeMap<String, Vec<Splice>>,
    new_texts: BTreeMap<String, String>,
) -> (Vec<Diagnostic>, BTreeMap<String, String>) {
    let mut diags = Vec::new();
    let mut old_texts = BTreeMap::new();
    let mut reindex = false;
    for (name, new_text) in new_texts {
        let Some(file) = ws.sources.find(&name) else { continue };
        let mut list: Vec<&Splice> = splices.get(&name).into_iter().flatten().collect();
        list.sort_by_key(|s| (s.start, s.end));
        if name == MEMBERS_FILE {
            let (items, same) = splice_items(std::mem::take(&mut ws.members), file, &list, &mut diags, read_members);
            ws.members = items;
            reindex |= !same;
        } else if name == CLIENTS_FILE {
            let (items, same) = splice_items(std::mem::take(&mut ws.clients), file, &list, &mut diags, read_clients);
            ws.clients = items;
            reindex |= !same;
        }
        old_texts.insert(name, ws.sources.replace_text(file, new_text));
    }
    // Entries edited in place keep their ids and their places: the indexes hold.
    if reindex {
        ws.reindex();
    }
    (diags, old_texts)
}

/// The items of one file after the splices: those whose key lies in a spliced
/// range are replaced by what the splice's text holds; the others keep their
/// place, their spans moved by the bytes spliced before them. The flag says
/// whether the ids and their order are unchanged (the indexes still hold).
fn splice_items<T: super::load::HasId>(
    items: Vec<T>,
    file: FileId,
    splices: &[&Splice],
    diags: &mut Vec<Diagnostic>,
    read: fn(&mut super::load::Reader, &toml::de::DeTable) -> Vec<T>,
) -> (Vec<T>, bool) {
    // Where each splice lands in the new text, and the bytes it adds.
    let mut delta = 0i64;
    let mut placed = Vec::with_capacity(splices.len());
    for s in splices {
        let new_start = (s.start as i64 + delta) as usize;
        placed.push((s, new_start, delta));
        delta += s.text.len() as i64 - (s.end as i64 - s.start as i64);
    }
    let count = items.len();
    let mut replaced = Vec::new();
    let mut out: Vec<(u32, T)> = Vec::with_capacity(items.len() + splices.len());
    for mut item in items {
        let at = item.key_start();
        // The splices that end at or before this item, and whether one covers it.
        let before = placed.partition_point(|(s, _, _)| s.end <= at && !(s.start == s.end && s.start == at));
        let covered = placed.get(before).is_some_and(|(s, _, _)| s.start <= at && at < s.end);
        if covered {
            replaced.push(item.id().to_string());
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
        out.push((item.key_start(), item));
    }
    let mut fresh: Vec<(u32, T)> = Vec::new();
    for (s, new_start, _) in &placed {
        let (new_items, new_diags) = read_fragment(&s.text, file, *new_start, read);
        diags.extend(new_diags);
        fresh.extend(new_items.into_iter().map(|i| (i.key_start(), i)));
    }
    let same_ids = fresh.len() == replaced.len()
        && fresh.iter().zip(&replaced).all(|((_, i), id)| i.id() == id)
        && out.len() + fresh.len() == count;
    // File order, as a full read would give: merge the two sorted runs.
    let mut merged = Vec::with_capacity(out.len() + fresh.len());
    let mut fresh = fresh.into_iter().peekable();
    for (at, item) in out {
        while fresh.peek().is_some_and(|(f, _)| *f < at) {
            merged.extend(fresh.next().map(|(_, i)| i));
        }
        merged.push(item);
    }
    merged.extend(fresh.map(|(_, i)| i));
    (merged, same_ids)
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
        let new_texts = splices
            .iter()
            .map(|(name, list)| {
                let id = ws.sources.find(name).unwrap();
                (name.clone(), crate::change::apply_splices(&ws.sources.get(id).text, list))
            })
            .collect();
        let (diags, _) = super::apply(&mut ws, &splices, new_texts);
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
}
