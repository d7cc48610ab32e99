//! A campaign's text: the whole file when a campaign starts (in the order of
//! `schema::REVIEW`), and one item's bytes when it is decided or applied,
//! edited with `toml_edit` so that everything else stays byte for byte.

use super::build::{NewCampaign, NewItem};
use super::{Campaign, Decision, Item};
use crate::error::{Error, Kind, Result};
use std::fmt::Write as _;
use toml_edit::{DocumentMut, Item as TomlItem, Table, value};

/// A TOML string, quoted and escaped.
fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

/// A number as TOML writes a float (`49.0`, `12.5`).
fn float(n: f64) -> String {
    format!("{n:?}")
}

/// The text of a new campaign file.
pub fn new_file(id: &str, c: &NewCampaign) -> String {
    let mut out = String::with_capacity(64 + c.items.len() * 160);
    let _ = writeln!(out, "# Access review `{id}`: one item per active member and per assigned client,");
    out.push_str("# each with the access it stands for and who reviews it. Decide each with\n");
    let _ = writeln!(
        out,
        "# `roster review decide {id} ITEM keep|revoke --as REVIEWER`. A client item\n# (`member/client`) without `profile` or `reviewer` has its member's.\n"
    );
    let _ = writeln!(out, "revision = {}", quoted(&c.revision));
    let _ = writeln!(out, "started = {}", c.started);
    if let Some(due) = c.due {
        let _ = writeln!(out, "due = {due}");
    }
    if !c.profiles.is_empty() {
        let list: Vec<String> = c.profiles.iter().map(|p| quoted(p)).collect();
        let _ = writeln!(out, "profiles = [{}]", list.join(", "));
    }
    if !c.teams.is_empty() {
        let list: Vec<String> = c.teams.iter().map(|t| quoted(t)).collect();
        let _ = writeln!(out, "teams = [{}]", list.join(", "));
    }
    let _ = writeln!(out, "currency = {}", quoted(&c.currency));
    let _ = writeln!(out, "monthly_cost = {}", float(c.monthly_cost));
    for row in &c.cost {
        let _ = write!(
            out,
            "\n[[cost]]\ntier = {}\nlabel = {}\nprice = {}\nseats = {}\nmonthly = {}\n",
            quoted(&row.tier),
            quoted(&row.label),
            float(row.price),
            row.seats,
            float(row.monthly)
        );
    }
    if !c.access.is_empty() {
        out.push_str("\n# The access the items stand for, each list of levels once: an item's\n");
        out.push_str("# `access` names one of these.\n[access]\n");
        for set in &c.access {
            let _ = writeln!(out, "{} = {}", quoted(&set.name), set.levels);
        }
    }
    // A client item leaves out what it shares with its member's item: its
    // profile (unless a per-client profile is in effect), its reviewer, and
    // `via` when the client is assigned directly.
    // Each set's name quoted once: items name a few thousand sets half a
    // million times.
    let names: crate::fxhash::FxHashMap<&str, String> =
        c.access.iter().map(|set| (&*set.name, quoted(&set.name))).collect();
    let mut member: Option<&NewItem> = None;
    for item in &c.items {
        // Ids need no escaping (`^[a-z0-9][a-z0-9._-]*$`, checked when read).
        let _ = write!(out, "\n[[item]]\nid = \"{}\"\n", item.id);
        let of_member = member.filter(|m| item.via.is_some() && item.id.split('/').next() == Some(m.id.as_str()));
        if of_member.is_none_or(|m| m.profile != item.profile) {
            let _ = writeln!(out, "profile = \"{}\"", item.profile);
        }
        if let Some(via) = item.via.as_deref().filter(|v| *v != "assigned") {
            let _ = writeln!(out, "via = {}", quoted(via));
        }
        match names.get(&*item.access) {
            Some(name) => {
                out.push_str("access = ");
                out.push_str(name);
                out.push('\n');
            }
            None => {
                let _ = writeln!(out, "access = {}", quoted(&item.access));
            }
        }
        if of_member.is_none_or(|m| m.reviewer != item.reviewer)
            && let Some(r) = item.reviewer
        {
            let _ = writeln!(out, "reviewer = \"{r}\"");
        }
        if item.via.is_none() {
            member = Some(item);
        }
    }
    out
}

/// What a decision writes into an item.
#[derive(Clone, Debug)]
pub struct Decided<'a> {
    pub decision: Decision,
    pub by: &'a str,
    /// UTC, RFC 3339.
    pub at: &'a str,
    pub note: Option<&'a str>,
}

/// An edit of one item's table.
#[derive(Debug)]
pub enum ItemEdit<'a> {
    Decide(Decided<'a>),
    /// Marks a revocation applied on this day.
    Applied(jiff::civil::Date),
}

fn apply_edit(t: &mut Table, edit: &ItemEdit) -> Result<()> {
    match edit {
        ItemEdit::Decide(d) => {
            let at: toml_edit::Datetime =
                d.at.parse()
                    .map_err(|_| Error::new(Kind::Environment, "io", format!("`{}` is not a date and time", d.at)))?;
            t.insert("decision", value(d.decision.as_str()));
            t.insert("decided_by", value(d.by));
            t.insert("decided_at", value(at));
            match d.note {
                Some(n) => {
                    t.insert("note", value(n));
                }
                None => {
                    t.remove("note");
                }
            }
        }
        ItemEdit::Applied(day) => {
            let date = toml_edit::Date { year: day.year() as u16, month: day.month() as u8, day: day.day() as u8 };
            let dt = toml_edit::Datetime { date: Some(date), time: None, offset: None };
            t.insert("applied", value(dt));
        }
    }
    Ok(())
}

/// The campaign's text with these items edited: each in its own bytes when
/// the items are written as `[[item]]` tables, else the whole file.
pub fn edit_items(text: &str, campaign: &Campaign, edits: &[(&Item, ItemEdit)]) -> Result<String> {
    let bad = |e: toml_edit::TomlError| {
        Error::new(Kind::Invalid, "toml-syntax", format!("cannot edit the campaign: {e}"))
            .hint("`roster check` shows what is wrong with the file")
    };
    let spliced = campaign.items.iter().all(|i| i.range.1 > i.range.0);
    if spliced {
        let mut sorted: Vec<&(&Item, ItemEdit)> = edits.iter().collect();
        sorted.sort_by_key(|(i, _)| i.range.0);
        let mut out = String::with_capacity(text.len() + edits.len() * 80);
        let mut at = 0;
        for (item, edit) in sorted {
            let (start, end) = item.range;
            let mut doc: DocumentMut = text[start..end].parse().map_err(bad)?;
            if let Some(t) = doc.get_mut("item").and_then(TomlItem::as_array_of_tables_mut).and_then(|a| a.get_mut(0)) {
                apply_edit(t, edit)?;
            }
            out.push_str(&text[at..start]);
            out.push_str(&doc.to_string());
            at = end;
        }
        out.push_str(&text[at..]);
        return Ok(out);
    }
    let mut doc: DocumentMut = text.parse().map_err(bad)?;
    let Some(items) = doc.get_mut("item").and_then(TomlItem::as_array_of_tables_mut) else {
        return Err(Error::new(
            Kind::Refused,
            "bad-value",
            "the campaign's items are not written as [[item]] tables, which roster edits",
        )
        .hint("write each item as an [[item]] table"));
    };
    for (item, edit) in edits {
        if let Some(t) = items.iter_mut().find(|t| t.get("id").and_then(|v| v.as_str()) == Some(item.id.as_str())) {
            apply_edit(t, edit)?;
        }
    }
    Ok(doc.to_string())
}
