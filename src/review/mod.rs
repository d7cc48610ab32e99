//! Access review campaigns (`reviews/ID.toml`): periodic evidence that
//! someone looked at each member's access and decided to keep or revoke it
//! (ISO 27001 A.5.18, SOC 2 CC6.2/CC6.3).
//!
//! A campaign is a file beside the workspace's own, versioned with them; no
//! load of the workspace reads it (a campaign over 100,000 members is large),
//! only `check` and the `review` commands do, through [`open`] and [`read_all`].
//!
//! - `build`: the items of a new campaign, and who reviews each ([`build::reviewer_for`]);
//! - `text`: the file's text: written whole when a campaign starts, and one
//!   item at a time when it is decided or applied;
//! - `html`: the report for auditors;
//! - `rename`: `member rename` in the campaigns that still have pending items.
//!
//! The members and clients a campaign names are a record of the past: they
//! may since have been removed or renamed, and that is no error.

pub mod build;
pub mod html;
pub mod rename;
pub mod text;

use crate::diag::Diagnostic;
use crate::error::{Details, Error, Kind, Result};
use crate::source::Sources;
pub use crate::store::load::review::Keep;
use jiff::civil::Date;
use std::path::Path;

/// The folder of the campaigns, in the workspace.
pub const DIR: &str = "reviews";

/// The revision a campaign records when the workspace's files differ from
/// git's `HEAD` (or there is no git repository).
pub const WORKING_TREE: &str = "working-tree";

/// `reviews/ID.toml`.
pub fn file_name(id: &str) -> String {
    format!("{DIR}/{id}.toml")
}

/// A decision on an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Keep,
    Revoke,
}

impl Decision {
    pub const NAMES: &[&str] = &["keep", "revoke"];

    pub fn parse(s: &str) -> Option<Decision> {
        match s {
            "keep" => Some(Decision::Keep),
            "revoke" => Some(Decision::Revoke),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Keep => "keep",
            Decision::Revoke => "revoke",
        }
    }
}

/// One line of the campaign's cost by tier, as it was when it started.
#[derive(Clone, Debug, PartialEq)]
pub struct CostRow {
    pub tier: String,
    pub label: String,
    pub price: f64,
    pub seats: u64,
    pub monthly: f64,
}

/// One thing to review: a member's access (`bob`), or one assigned client of
/// theirs (`bob/acme`).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    /// The profile in effect: the member's own, or the per-client one.
    /// Shared (`Arc`) with the member's item by the client items that leave
    /// it out: half a million of them over 100,000 members.
    pub profile: Option<std::sync::Arc<str>>,
    /// How the client is reached, for a client item (`assigned`, `team:ID`).
    pub via: Option<String>,
    /// The name of the access set it stands for (see [`Campaign::access`]).
    pub access: std::sync::Arc<str>,
    /// Shared with the member's item, as `profile`.
    pub reviewer: Option<std::sync::Arc<str>>,
    pub decision: Option<Decision>,
    pub decided_by: Option<String>,
    /// UTC, RFC 3339 (`2026-12-01T09:30:00Z`).
    pub decided_at: Option<String>,
    pub note: Option<String>,
    /// The day a revocation was applied.
    pub applied: Option<Date>,
    /// The item's bytes in the file (its `[[item]]` header to the next one):
    /// a decision edits them alone.
    pub range: (usize, usize),
    /// Where its `id` is in the file (a byte offset), for messages.
    pub at: usize,
}

impl Default for Item {
    fn default() -> Item {
        Item {
            id: String::new(),
            profile: None,
            via: None,
            access: std::sync::Arc::from(""),
            reviewer: None,
            decision: None,
            decided_by: None,
            decided_at: None,
            note: None,
            applied: None,
            range: (0, 0),
            at: 0,
        }
    }
}

impl Item {
    /// The member the item is about.
    pub fn member(&self) -> &str {
        self.id.split_once('/').map_or(self.id.as_str(), |(m, _)| m)
    }

    /// The client, for a client item.
    pub fn client(&self) -> Option<&str> {
        self.id.split_once('/').map(|(_, c)| c)
    }

    pub fn is_pending(&self) -> bool {
        self.decision.is_none()
    }
}

/// A campaign as read from its file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Campaign {
    pub id: String,
    /// The commit its access was taken from, or [`WORKING_TREE`].
    pub revision: String,
    pub started: Option<Date>,
    pub due: Option<Date>,
    /// The campaign's scope: the members of these profiles, and those of
    /// these teams (both empty: everyone; see [`build::in_scope`]).
    pub profiles: Vec<String>,
    pub teams: Vec<String>,
    pub currency: String,
    pub monthly_cost: f64,
    pub cost: Vec<CostRow>,
    /// The access sets the items name, in file order: each name and its
    /// levels as one line for people (`clients: view assigned, edit
    /// assigned; calendars: view all`).
    pub access: Vec<(std::sync::Arc<str>, std::sync::Arc<str>)>,
    pub items: Vec<Item>,
}

impl Campaign {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// (pending, kept, revoked).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut out = (0, 0, 0);
        for i in &self.items {
            match i.decision {
                None => out.0 += 1,
                Some(Decision::Keep) => out.1 += 1,
                Some(Decision::Revoke) => out.2 += 1,
            }
        }
        out
    }

    /// Whether the due date has passed on `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.due.is_some_and(|d| d < today)
    }
}

/// Today's date where the machine is (the day a campaign starts, or a
/// revocation is applied).
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// Now, in UTC, to the second, as RFC 3339 (`2026-12-01T09:30:00Z`).
pub fn now_utc() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now).to_string()
}

/// Parses `YYYY-MM-DD` (`--due`).
pub fn parse_date(s: &str) -> std::result::Result<Date, String> {
    let bad = || format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(bad()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()) else { return Err(bad()) };
    Date::new(y, m, d).map_err(|_| format!("`{s}` is not a day of the calendar: write an existing date as YYYY-MM-DD"))
}

/// The campaign ids of the workspace at `root`: the stems of `reviews/*.toml`, sorted.
pub fn ids(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(DIR)) else { return Vec::new() };
    let mut ids: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".toml")?;
            (!stem.starts_with('.')).then(|| stem.to_string())
        })
        .collect();
    ids.sort();
    ids
}

/// A campaign file read and parsed, with its problems; its text is in the
/// `sources` it was read into.
#[derive(Debug)]
pub struct Read {
    pub campaign: Campaign,
    pub file: Option<crate::source::FileId>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `reviews/ID.toml` into `sources` (for its diagnostics), keeping
/// its items or their ids alone (`keep`): `None` when there is no such file.
/// A file that cannot be read is one diagnostic.
pub fn read(root: &Path, id: &str, sources: &mut Sources, keep: Keep) -> Option<Read> {
    match file_text(root, id)? {
        Ok(text) => Some(read_text(root, id, text, sources, keep)),
        Err(d) => Some(Read { campaign: Campaign::default(), file: None, diagnostics: vec![d] }),
    }
}

/// The text of `reviews/ID.toml`: `None` when there is no such file; a file
/// that cannot be read, or is not UTF-8, is a diagnostic.
pub fn file_text(root: &Path, id: &str) -> Option<std::result::Result<String, Diagnostic>> {
    let name = file_name(id);
    let path = root.join(&name);
    std::fs::symlink_metadata(&path).ok()?;
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    Some(match crate::store::files::read_in(&real_root, &path) {
        Ok((bytes, _)) => String::from_utf8(bytes).map_err(|_| {
            Diagnostic::file_error("toml-syntax", &name, "the file is not UTF-8 text")
                .hint("save the file as UTF-8; TOML files must be UTF-8")
        }),
        Err(r) => Err(Diagnostic::file_error("io", &name, r.message(&name, "read")).hint(r.hint(&name))),
    })
}

/// Reads campaign `id` from `text` (its file as read, or as a change has it
/// now) into `sources`, keeping its items or their ids alone (`keep`).
pub fn read_text(root: &Path, id: &str, text: String, sources: &mut Sources, keep: Keep) -> Read {
    let name = file_name(id);
    let path = root.join(&name);
    let file = sources.add(name, path, text);
    let text = &sources.get(file).text;
    let (mut campaign, diagnostics) = crate::store::load::review::read_review(file, text, keep);
    campaign.id = id.to_string();
    Read { campaign, file: Some(file), diagnostics }
}

/// Every campaign of the workspace, read for `check`: their diagnostics,
/// the files added to `sources`. Only the items' ids are kept, one campaign
/// at a time.
pub fn check_all(root: &Path, sources: &mut Sources) -> (usize, Vec<Diagnostic>) {
    let ids = ids(root);
    let mut out = Vec::new();
    for id in &ids {
        if let Err(why) = crate::model::check_id(id) {
            out.push(
                Diagnostic::file_error(
                    "bad-value",
                    &file_name(id),
                    format!("campaign file name `{id}` is not a valid id: {why}"),
                )
                .hint("rename the file to a lowercase id such as `reviews/2026-q4.toml`"),
            );
            continue;
        }
        if let Some(r) = read(root, id, sources, Keep::Ids) {
            out.extend(r.diagnostics);
        }
    }
    (ids.len(), out)
}

/// The campaign `id`, valid, with its text as read: exit 4 (with the nearest
/// id) when there is none, exit 1 with its diagnostics when it has errors.
pub fn open(root: &Path, id: &str) -> Result<(Campaign, String)> {
    let mut sources = Sources::default();
    let Some(read) = read(root, id, &mut sources, Keep::Items) else {
        let known = ids(root);
        return Err(Error::not_found("review campaign", id, known.iter().map(String::as_str), "ls reviews/"));
    };
    valid(read, sources, id)
}

/// The campaign read, when it has no error; else exit 1 with its errors.
pub fn valid(read: Read, mut sources: Sources, id: &str) -> Result<(Campaign, String)> {
    let errors: Vec<Diagnostic> = read.diagnostics.into_iter().filter(Diagnostic::is_error).collect();
    if errors.is_empty() {
        let text = read.file.map(|f| sources.take_text(f)).unwrap_or_default();
        return Ok((read.campaign, text));
    }
    let n = errors.len();
    Err(Error::new(
        Kind::Invalid,
        "invalid-workspace",
        format!("the campaign `{}` has {n} error{}", file_name(id), crate::store::plural(n)),
    )
    .hint("fix the errors above, then run the command again; `roster check` lists them all")
    .details(Details::diagnostics(sources, errors, false)))
}
