//! Typed editors of the workspace's files and entries: a member's entry, a
//! client's, a profile's file, `workspace.toml`'s settings, and the text of a
//! new entry. They speak the domain (`set_status(Status::Suspended)`,
//! `set_override(area, action, Level)`) and hide the keys, the tables and
//! the TOML values, as cargo's `Dependency::update_toml` and uv's
//! `PyProjectTomlMut` do; commands never name a file, a table or a key.
//!
//! Each rule of how a value is written is defined here once: a default is
//! not written (`status = "active"`, `builtin = false`), a credit limit is an
//! integer when it is whole, a list of assigned clients left empty goes, and
//! so does the per-client profile of a client unassigned. The key names are
//! those of [`crate::schema`], and a new entry's keys come in its order. The
//! edits themselves (keeping comments, decor and layout) are `store::edit`'s;
//! `change::Change` runs these editors on one entry's bytes or on a whole file.

use super::edit::{self, Editor};
use super::load::{CLIENTS_FILE, MEMBERS_FILE, PROFILES_DIR, TEAMS_FILE, TESTS_FILE, WORKSPACE_FILE};
use crate::model::{ClientKind, Date, Level, Status};
use crate::schema;
use toml_edit::{Array, InlineTable, Item, TableLike, Value};

/// A kind of keyed entry (`[members.ID]`, `[clients.ID]`): where its entries live.
pub trait Keyed {
    /// The file that holds the entries.
    const FILE: &'static str;
    /// The table they are in (`members` in `[members.ID]`).
    const TABLE: &'static str;
    /// Their keys.
    const SCHEMA: schema::Table;
}

/// A member's entry, `[members.ID]`, however it is written.
pub struct MemberEntry<'a> {
    table: &'a mut dyn TableLike,
}

impl Keyed for MemberEntry<'_> {
    const FILE: &'static str = MEMBERS_FILE;
    const TABLE: &'static str = "members";
    const SCHEMA: schema::Table = schema::MEMBER;
}

impl std::fmt::Debug for MemberEntry<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemberEntry").finish_non_exhaustive()
    }
}

impl<'a> MemberEntry<'a> {
    pub fn new(table: &'a mut dyn TableLike) -> MemberEntry<'a> {
        MemberEntry { table }
    }

    /// Runs `f` on an entry of no file: what an edit would do, for a caller
    /// that wants to know whether it changes anything (import's "differs").
    pub fn scratch<T>(f: impl FnOnce(&mut MemberEntry<'_>) -> T) -> T {
        let mut table = toml_edit::Table::new();
        f(&mut MemberEntry::new(&mut table))
    }

    pub fn set_name(&mut self, name: &str) {
        edit::set(self.table, "name", name.into());
    }

    pub fn set_email(&mut self, email: &str) {
        edit::set(self.table, "email", email.into());
    }

    /// The member's own profile.
    pub fn set_profile(&mut self, profile: &str) {
        edit::set(self.table, "profile", profile.into());
    }

    /// `active`, the default, is not written: it removes the key.
    pub fn set_status(&mut self, status: Status) {
        match status_value(status) {
            Some(value) => edit::set_placed(self.table, "status", value, &schema::MEMBER.names()),
            None => {
                edit::remove(self.table, "status");
            }
        }
    }

    /// `None` removes the limit; whether the entry had one to remove, or a
    /// limit was set.
    pub fn set_credit_limit(&mut self, limit: Option<f64>) -> bool {
        match limit {
            Some(n) => {
                edit::set(self.table, "credit_limit", amount(n));
                true
            }
            None => edit::remove(self.table, "credit_limit"),
        }
    }

    /// A grant override: `area.action = level` above the member's profile.
    pub fn set_override(&mut self, area: &str, action: &str, level: Level) {
        edit::set_grant(self.table, "grants", area, action, level.as_str());
    }

    /// Whether there was an override of `area.action` to remove.
    pub fn revoke_override(&mut self, area: &str, action: &str) -> bool {
        edit::remove_grant(self.table, "grants", area, action)
    }

    /// The clients assigned, replaced by `clients` (kept in the list's layout).
    pub fn set_clients(&mut self, clients: &[&str]) {
        edit::set_string_array(self.table, "clients", clients);
    }

    /// The clients assigned, as the entry lists them.
    fn clients(&self) -> Vec<String> {
        self.table
            .get("clients")
            .and_then(Item::as_array)
            .map(|a| a.iter().filter_map(|v| edit::item_id(v).map(str::to_string)).collect())
            .unwrap_or_default()
    }

    /// Assigns the clients not yet assigned: appended to the list, in one
    /// edit of it (so that a list written a client a line is laid out once).
    pub fn assign(&mut self, clients: &[&str]) {
        let mut all = self.clients();
        let before = all.len();
        for c in clients {
            if !all.iter().any(|a| a == c) {
                all.push(c.to_string());
            }
        }
        if all.len() > before {
            let list: Vec<&str> = all.iter().map(String::as_str).collect();
            self.set_clients(&list);
        }
    }

    /// Unassigns `client`: a list left empty goes, and so does the member's
    /// profile for that client, which needs the assignment (rule
    /// `client-profile-unassigned`). Whether there was such a profile.
    pub fn unassign(&mut self, client: &str) -> bool {
        let clients = self.clients();
        if clients.iter().any(|c| c == client) {
            let rest: Vec<&str> = clients.iter().map(String::as_str).filter(|c| *c != client).collect();
            if rest.is_empty() {
                edit::remove(self.table, "clients");
            } else {
                self.set_clients(&rest);
            }
        }
        self.remove_client_profile(client)
    }

    /// The profile in effect for one client. A dated one keeps its dates
    /// (`{ profile = "P", until = ... }`: only `profile` changes), so that
    /// moving profiles (`transfer-all`, `transfer-one --client`) never makes
    /// a temporary arrangement permanent.
    pub fn set_client_profile(&mut self, client: &str, profile: &str) {
        let dated = self
            .table
            .get_mut("client_profiles")
            .and_then(Item::as_table_like_mut)
            .and_then(|t| t.get_mut(client))
            .and_then(Item::as_table_like_mut)
            .filter(|t| t.contains_key("profile"));
        if let Some(t) = dated {
            edit::set(t, "profile", Value::from(profile));
            return;
        }
        edit::set_in(self.table, "client_profiles", client, profile);
    }

    /// Whether there was a profile for `client` to remove.
    pub fn remove_client_profile(&mut self, client: &str) -> bool {
        edit::remove_in(self.table, "client_profiles", client)
    }

    /// The member's own window (SPEC §9): `None` removes a bound.
    pub fn set_window(&mut self, from: Option<Date>, until: Option<Date>) {
        self.set_from(from);
        self.set_until(until);
    }

    pub fn set_from(&mut self, from: Option<Date>) {
        match from {
            Some(d) => edit::set_placed(self.table, "from", Value::from(edit::toml_date(d)), &schema::MEMBER.names()),
            None => {
                edit::remove(self.table, "from");
            }
        }
    }

    /// `None` removes it (`--no-until`, or `prune` suspending the member).
    pub fn set_until(&mut self, until: Option<Date>) {
        match until {
            Some(d) => edit::set_placed(self.table, "until", Value::from(edit::toml_date(d)), &schema::MEMBER.names()),
            None => {
                edit::remove(self.table, "until");
            }
        }
    }

    /// Assigns `client` until a date (`{ id = "acme", until = ... }`), or
    /// with no end (`"acme"`), whether it was assigned before or not.
    pub fn assign_until(&mut self, client: &str, until: Option<Date>) {
        edit::set_array_item(self.table, "clients", client, edit::dated("id", client, None, until));
    }

    /// The profile in effect for one client, until a date.
    pub fn set_client_profile_until(&mut self, client: &str, profile: &str, until: Option<Date>) {
        edit::set_in(self.table, "client_profiles", client, edit::dated("profile", profile, None, until));
    }

    /// A grant override until a date (`{ level = "assigned", until = ... }`).
    pub fn set_override_until(&mut self, area: &str, action: &str, level: Level, until: Option<Date>) {
        edit::set_grant(self.table, "grants", area, action, edit::dated("level", level.as_str(), None, until));
    }
}

/// A client's entry, `[clients.ID]`, however it is written.
pub struct ClientEntry<'a> {
    table: &'a mut dyn TableLike,
}

impl Keyed for ClientEntry<'_> {
    const FILE: &'static str = CLIENTS_FILE;
    const TABLE: &'static str = "clients";
    const SCHEMA: schema::Table = schema::CLIENT;
}

impl std::fmt::Debug for ClientEntry<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientEntry").finish_non_exhaustive()
    }
}

impl<'a> ClientEntry<'a> {
    pub fn new(table: &'a mut dyn TableLike) -> ClientEntry<'a> {
        ClientEntry { table }
    }

    pub fn set_name(&mut self, name: &str) {
        edit::set(self.table, "name", name.into());
    }

    pub fn set_kind(&mut self, kind: ClientKind) {
        edit::set(self.table, "kind", kind.as_str().into());
    }

    /// The company a contact belongs to; `None` removes it.
    pub fn set_company(&mut self, company: Option<&str>) {
        set_or_remove(self.table, "company", company);
    }

    /// The member who created the client; `None` removes it.
    pub fn set_created_by(&mut self, member: Option<&str>) {
        set_or_remove(self.table, "created_by", member);
    }
}

/// A profile's file, `profiles/ID.toml` (its keys are top-level).
pub struct ProfileFile<'a> {
    table: &'a mut dyn TableLike,
}

impl std::fmt::Debug for ProfileFile<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileFile").finish_non_exhaustive()
    }
}

impl<'a> ProfileFile<'a> {
    /// The file of the profile `id`.
    pub fn path(id: &str) -> String {
        format!("{PROFILES_DIR}/{id}.toml")
    }

    pub fn new(editor: &'a mut Editor) -> ProfileFile<'a> {
        ProfileFile { table: editor.root() }
    }

    pub fn set_name(&mut self, name: &str) {
        edit::set(self.table, "name", name.into());
    }

    pub fn set_description(&mut self, description: &str) {
        edit::set(self.table, "description", description.into());
    }

    /// The licence tier its members need.
    pub fn set_tier(&mut self, tier: &str) {
        edit::set(self.table, "tier", tier.into());
    }

    /// `false`, the default, is not written: it removes the key.
    pub fn set_builtin(&mut self, builtin: bool) {
        if builtin {
            edit::set(self.table, "builtin", true.into());
        } else {
            edit::remove(self.table, "builtin");
        }
    }

    /// `area.action = level` in the profile's grants.
    pub fn set_grant(&mut self, area: &str, action: &str, level: Level) {
        edit::set_grant(self.table, "grants", area, action, level.as_str());
    }
}

/// `workspace.toml`.
pub struct WorkspaceFile<'a> {
    editor: &'a mut Editor,
}

impl std::fmt::Debug for WorkspaceFile<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkspaceFile").finish_non_exhaustive()
    }
}

impl<'a> WorkspaceFile<'a> {
    pub const FILE: &'static str = WORKSPACE_FILE;

    pub fn new(editor: &'a mut Editor) -> WorkspaceFile<'a> {
        WorkspaceFile { editor }
    }

    /// The `[workspace]` table (a valid workspace has one).
    fn settings(&mut self) -> Option<&mut dyn TableLike> {
        self.editor.root().get_mut("workspace").and_then(Item::as_table_like_mut)
    }

    /// The profile new members get.
    pub fn set_default_profile(&mut self, profile: &str) {
        if let Some(t) = self.settings() {
            edit::set(t, "default_profile", profile.into());
        }
    }

    /// The primary administrator.
    pub fn set_owner(&mut self, member: &str) {
        if let Some(t) = self.settings() {
            edit::set(t, "owner", member.into());
        }
    }

    /// Each `[[separation]]` rule's `exceptions` array, however the rules are written.
    fn exception_lists(&mut self, mut f: impl FnMut(&mut Array)) {
        let mut each = |t: &mut dyn TableLike| {
            if let Some(Item::Value(Value::Array(a))) = t.get_mut("exceptions") {
                f(a);
            }
        };
        match self.editor.root().get_mut("separation") {
            Some(Item::ArrayOfTables(rules)) => rules.iter_mut().for_each(|t| each(t)),
            Some(Item::Value(Value::Array(rules))) => {
                rules.iter_mut().filter_map(Value::as_inline_table_mut).for_each(|t| each(t))
            }
            _ => {}
        }
    }

    /// The separation exceptions of member `old` name `new` instead.
    pub fn rename_exception_member(&mut self, old: &str, new: &str) {
        self.exception_lists(|a| {
            for e in a.iter_mut().filter_map(Value::as_inline_table_mut) {
                if e.get("member").and_then(Value::as_str) == Some(old) {
                    edit::set(e, "member", new.into());
                }
            }
        });
    }

    /// Removes the separation exceptions of `member`.
    pub fn remove_exceptions_of(&mut self, member: &str) {
        self.exception_lists(|a| {
            a.retain(|e| e.as_inline_table().and_then(|t| t.get("member")).and_then(Value::as_str) != Some(member));
        });
    }
}

/// `tests.toml`: the access expectations, as far as they name members.
pub struct TestsFile<'a> {
    editor: &'a mut Editor,
}

impl std::fmt::Debug for TestsFile<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestsFile").finish_non_exhaustive()
    }
}

impl<'a> TestsFile<'a> {
    pub const FILE: &'static str = TESTS_FILE;

    pub fn new(editor: &'a mut Editor) -> TestsFile<'a> {
        TestsFile { editor }
    }

    /// Member `old` is called `new` in every test that names them (the
    /// member tested, and those a `who_can` test lists). How many mentions.
    pub fn rename_member(&mut self, old: &str, new: &str) -> usize {
        let Some(tests) = self.editor.root().get_mut("test").and_then(Item::as_array_of_tables_mut) else { return 0 };
        let keys: Vec<&str> = schema::TEST
            .keys
            .iter()
            .filter(|k| {
                matches!(k.value, schema::Value::Id(schema::Names::Member) | schema::Value::Ids(schema::Names::Member))
            })
            .map(|k| k.name)
            .collect();
        tests.iter_mut().map(|t| keys.iter().map(|k| edit::replace_string(t, k, old, new)).sum::<usize>()).sum()
    }
}

/// `teams.toml`: its `[teams.ID]` entries, and what names members and
/// clients in them (kept consistent when those are renamed or removed).
pub struct TeamsFile<'a> {
    editor: &'a mut Editor,
}

impl std::fmt::Debug for TeamsFile<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamsFile").finish_non_exhaustive()
    }
}

/// A team's entry, `[teams.ID]`, however it is written.
pub struct TeamEntry<'a> {
    table: &'a mut dyn TableLike,
}

impl std::fmt::Debug for TeamEntry<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamEntry").finish_non_exhaustive()
    }
}

impl Keyed for TeamEntry<'_> {
    const FILE: &'static str = TEAMS_FILE;
    const TABLE: &'static str = "teams";
    const SCHEMA: schema::Table = schema::TEAM;
}

impl<'a> TeamsFile<'a> {
    pub const FILE: &'static str = TEAMS_FILE;

    pub fn new(editor: &'a mut Editor) -> TeamsFile<'a> {
        TeamsFile { editor }
    }

    /// Team `id`'s entry, to edit with `f` (the workspace read has it).
    pub fn team<T>(&mut self, id: &str, f: impl FnOnce(&mut TeamEntry<'_>) -> T) -> crate::error::Result<T> {
        let table = self.editor.entry(TeamEntry::TABLE, id)?;
        Ok(f(&mut TeamEntry { table }))
    }

    pub fn remove_team(&mut self, id: &str) -> bool {
        self.editor.remove_entry(TeamEntry::TABLE, id)
    }

    /// Each team's entry, by id.
    fn each(&mut self, mut f: impl FnMut(&mut TeamEntry<'_>)) {
        let Some(teams) = self.editor.root().get_mut(TeamEntry::TABLE).and_then(Item::as_table_like_mut) else {
            return;
        };
        for (_, item) in teams.iter_mut() {
            if let Some(table) = item.as_table_like_mut() {
                f(&mut TeamEntry { table });
            }
        }
    }

    /// Member `old` is called `new` in every team (as a member and as the lead).
    pub fn rename_member(&mut self, old: &str, new: &str) {
        self.each(|t| {
            edit::replace_string(t.table, "lead", old, new);
            edit::replace_string(t.table, "members", old, new);
        });
    }

    /// Member `id` leaves every team (a team they lead is left without a lead).
    pub fn remove_member(&mut self, id: &str) {
        self.each(|t| {
            if t.table.get("lead").and_then(Item::as_str) == Some(id) {
                edit::remove(t.table, "lead");
            }
            t.remove_members(&[id]);
        });
    }

    /// Client `id` is no longer assigned to any team.
    pub fn remove_client(&mut self, id: &str) {
        self.each(|t| t.unassign(&[id]));
    }
}

impl TeamEntry<'_> {
    pub fn set_name(&mut self, name: &str) {
        edit::set(self.table, "name", name.into());
    }

    /// `None` removes the lead.
    pub fn set_lead(&mut self, lead: Option<&str>) {
        set_or_remove(self.table, "lead", lead);
    }

    fn list(&self, key: &str) -> Vec<String> {
        self.table
            .get(key)
            .and_then(Item::as_array)
            .map(|a| a.iter().filter_map(|v| edit::item_id(v).map(str::to_string)).collect())
            .unwrap_or_default()
    }

    /// `key` lists `values` (a list left empty goes); a dated item
    /// (`{ id = "acme", until = ... }`) that stays keeps its dates.
    fn set_list(&mut self, key: &str, values: &[&str]) {
        if values.is_empty() {
            edit::remove(self.table, key);
        } else {
            edit::set_string_array(self.table, key, values);
        }
    }

    /// Adds the members not yet listed, at the end of the list.
    pub fn add_members(&mut self, members: &[&str]) {
        let mut all = self.list("members");
        let before = all.len();
        for m in members {
            if !all.iter().any(|a| a == m) {
                all.push(m.to_string());
            }
        }
        if all.len() > before {
            self.set_list("members", &all.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    pub fn remove_members(&mut self, members: &[&str]) {
        let all = self.list("members");
        let rest: Vec<&str> = all.iter().map(String::as_str).filter(|m| !members.contains(m)).collect();
        if rest.len() < all.len() {
            self.set_list("members", &rest);
        }
    }

    /// Assigns the clients not yet assigned to the team, at the end of its list.
    pub fn assign(&mut self, clients: &[&str]) {
        let mut all = self.list("clients");
        let before = all.len();
        for c in clients {
            if !all.iter().any(|a| a == c) {
                all.push(c.to_string());
            }
        }
        if all.len() > before {
            self.set_list("clients", &all.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    /// Assigns `client` to the team until a date (the table form `{ id =
    /// "C", until = DATE }`), or for good with `None`; in its place when the
    /// team has it already.
    pub fn assign_until(&mut self, client: &str, until: Option<Date>) {
        edit::set_array_item(self.table, "clients", client, edit::dated("id", client, None, until));
    }

    pub fn unassign(&mut self, clients: &[&str]) {
        let all = self.list("clients");
        let rest: Vec<&str> = all.iter().map(String::as_str).filter(|c| !clients.contains(c)).collect();
        if rest.len() < all.len() {
            self.set_list("clients", &rest);
        }
    }
}

/// A team to add.
#[derive(Clone, Debug)]
pub struct NewTeam<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub lead: Option<&'a str>,
    pub members: &'a [String],
}

impl NewTeam<'_> {
    /// `[teams.ID]` with its keys in the schema's order.
    pub fn entry(&self) -> String {
        let mut fields: Vec<(&str, Value)> = vec![("name", self.name.into())];
        if let Some(l) = self.lead {
            fields.push(("lead", l.into()));
        }
        if !self.members.is_empty() {
            fields.push(("members", self.members.iter().map(String::as_str).collect::<Array>().into()));
        }
        entry_text::<TeamEntry>(self.id, fields)
    }
}

/// A member to add: the text of its entry comes from [`NewMember::entry`].
#[derive(Clone, Debug)]
pub struct NewMember<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub profile: &'a str,
    pub status: Status,
    pub clients: &'a [String],
    /// (client, profile).
    pub client_profiles: &'a [(String, String)],
    /// Overrides: (area, action, level).
    pub grants: &'a [(String, String, Level)],
    pub credit_limit: Option<f64>,
    /// The member's first and last day (SPEC §9), if any.
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl NewMember<'_> {
    /// `[members.ID]` with its keys in the schema's order; what is empty or
    /// the default is left out.
    pub fn entry(&self) -> String {
        let mut fields: Vec<(&str, Value)> =
            vec![("name", self.name.into()), ("email", self.email.into()), ("profile", self.profile.into())];
        if let Some(status) = status_value(self.status) {
            fields.push(("status", status));
        }
        if let Some(from) = self.from {
            fields.push(("from", Value::from(edit::toml_date(from))));
        }
        if let Some(until) = self.until {
            fields.push(("until", Value::from(edit::toml_date(until))));
        }
        if !self.clients.is_empty() {
            fields.push(("clients", self.clients.iter().map(String::as_str).collect::<Array>().into()));
        }
        if !self.client_profiles.is_empty() {
            let mut t = InlineTable::new();
            for (c, p) in self.client_profiles {
                t.insert(c, p.as_str().into());
            }
            t.fmt();
            fields.push(("client_profiles", t.into()));
        }
        if !self.grants.is_empty() {
            let mut t = InlineTable::new();
            for (area, action, level) in self.grants {
                let area_table = t.entry(area).or_insert_with(|| InlineTable::new().into());
                if let Some(at) = area_table.as_inline_table_mut() {
                    at.insert(action, level.as_str().into());
                    at.fmt();
                }
            }
            t.fmt();
            fields.push(("grants", t.into()));
        }
        if let Some(l) = self.credit_limit {
            fields.push(("credit_limit", amount(l)));
        }
        entry_text::<MemberEntry>(self.id, fields)
    }
}

/// A client to add.
#[derive(Clone, Debug)]
pub struct NewClient<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: ClientKind,
    /// For a contact: its company.
    pub company: Option<&'a str>,
    pub created_by: Option<&'a str>,
}

impl NewClient<'_> {
    /// `[clients.ID]` with its keys in the schema's order.
    pub fn entry(&self) -> String {
        let mut fields: Vec<(&str, Value)> = vec![("name", self.name.into()), ("kind", self.kind.as_str().into())];
        if let Some(c) = self.company {
            fields.push(("company", c.into()));
        }
        if let Some(m) = self.created_by {
            fields.push(("created_by", m.into()));
        }
        entry_text::<ClientEntry>(self.id, fields)
    }
}

/// How a status is written: not at all when it is the default, `active`.
fn status_value(status: Status) -> Option<Value> {
    (status != Status::Active).then(|| status.as_str().into())
}

/// How an amount (a credit limit) is written: an integer when it is whole
/// (and small enough to be one), else a float.
fn amount(n: f64) -> Value {
    if n.fract() == 0.0 && n < 1e15 { (n as i64).into() } else { n.into() }
}

fn set_or_remove(table: &mut dyn TableLike, key: &str, value: Option<&str>) {
    match value {
        Some(v) => edit::set(table, key, v.into()),
        None => {
            edit::remove(table, key);
        }
    }
}

/// `[TABLE.id]` with `key = value` lines in the schema's order, keys and
/// strings quoted as TOML needs.
fn entry_text<E: Keyed>(id: &str, mut fields: Vec<(&str, Value)>) -> String {
    fields.sort_by_key(|(key, _)| E::SCHEMA.position(key));
    let mut out = format!("[{}.{}]\n", E::TABLE, toml_edit::Key::new(id).display_repr());
    for (key, mut value) in fields {
        value.decor_mut().clear();
        out.push_str(&format!("{key} = {value}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edits `[members.bob]` of `text` with `f`, as `change::Change` does.
    fn member(text: &str, f: impl FnOnce(&mut MemberEntry<'_>)) -> String {
        let mut ed = Editor::parse("members.toml", text).unwrap();
        f(&mut MemberEntry::new(ed.entry("members", "bob").unwrap()));
        ed.finish()
    }

    /// A new status or date goes to its place in the schema's order, with
    /// the comments of the keys it passes; an entry in an order of its own
    /// gets it at the end.
    #[test]
    fn new_keys_go_to_their_place_in_a_canonical_entry() {
        let text = "[members.bob]\nname = \"Bob\"\nprofile = \"p\"\n# his clients\nclients = [\"acme\"]  # two\ncredit_limit = 5\n";
        let out = member(text, |m| {
            m.set_status(Status::Suspended);
            m.set_until(Some(Date::constant(2027, 1, 31)));
        });
        assert_eq!(
            out,
            "[members.bob]\nname = \"Bob\"\nprofile = \"p\"\nstatus = \"suspended\"\nuntil = 2027-01-31\n# his clients\nclients = [\"acme\"]  # two\ncredit_limit = 5\n"
        );
        let odd = "[members.bob]\nclients = [\"acme\"]\nname = \"Bob\"\n";
        let out = member(odd, |m| m.set_status(Status::Invited));
        assert_eq!(out, "[members.bob]\nclients = [\"acme\"]\nname = \"Bob\"\nstatus = \"invited\"\n");
    }

    /// Every key an editor writes is a key of the schema.
    #[test]
    fn the_keys_written_are_the_schemas() {
        let keys = |t: &toml_edit::Table| t.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>();
        let mut t = toml_edit::Table::new();
        let mut m = MemberEntry::new(&mut t);
        m.set_name("n");
        m.set_email("e");
        m.set_profile("p");
        m.set_status(Status::Invited);
        m.set_credit_limit(Some(3.0));
        m.set_override("a", "b", Level::All);
        m.assign(&["c"]);
        m.set_client_profile("c", "p");
        m.set_window(Date::new(2026, 1, 1).ok(), Date::new(2026, 2, 1).ok());
        for k in keys(&t) {
            assert!(schema::MEMBER.key(&k).is_some(), "{k}");
        }
        assert_eq!(keys(&t).len(), schema::MEMBER.keys.len());
        let mut t = toml_edit::Table::new();
        let mut c = ClientEntry::new(&mut t);
        c.set_name("n");
        c.set_kind(ClientKind::Contact);
        c.set_company(Some("acme"));
        c.set_created_by(Some("bob"));
        assert_eq!(keys(&t), schema::CLIENT.names());
        let mut ed = Editor::parse("p.toml", "").unwrap();
        let mut p = ProfileFile::new(&mut ed);
        p.set_name("n");
        p.set_description("d");
        p.set_tier("t");
        p.set_builtin(true);
        p.set_grant("a", "b", Level::Own);
        let parsed: toml::Table = toml::from_str(&ed.finish()).unwrap();
        for k in parsed.keys() {
            assert!(schema::PROFILE.key(k).is_some(), "{k}");
        }
    }

    #[test]
    fn active_and_no_limit_are_not_written() {
        let text = "[members.bob]\nname = \"Bob\"\nstatus = \"suspended\"  # why\ncredit_limit = 5\n";
        let out = member(text, |m| {
            m.set_status(Status::Active);
            assert!(m.set_credit_limit(None));
            assert!(!m.set_credit_limit(None));
        });
        assert_eq!(out, "[members.bob]\nname = \"Bob\"\n");
        let out = member(text, |m| m.set_status(Status::Invited));
        assert_eq!(out, "[members.bob]\nname = \"Bob\"\nstatus = \"invited\"  # why\ncredit_limit = 5\n");
    }

    #[test]
    fn a_credit_limit_is_an_integer_when_whole() {
        let text = "[members.bob]\nname = \"Bob\"\n";
        let limit = |n: f64| member(text, |m| _ = m.set_credit_limit(Some(n)));
        assert_eq!(limit(250.0), "[members.bob]\nname = \"Bob\"\ncredit_limit = 250\n");
        assert_eq!(limit(2.5), "[members.bob]\nname = \"Bob\"\ncredit_limit = 2.5\n");
        // Too large for an integer that reads back the same: a float.
        assert_eq!(limit(1e16), "[members.bob]\nname = \"Bob\"\ncredit_limit = 10000000000000000.0\n");
    }

    /// Comments above, beside and below what changes stay where they were.
    #[test]
    fn comments_survive_the_edits() {
        let text = "# the team\n\n# Bob runs sales\n[members.bob]\nname = \"Bob\"  # short for Robert\n# his work address\nemail = \"bob@example.com\"\nclients = [\"acme\", \"globex\"]  # two\ngrants = { invoices = { view = \"all\" } }  # agreed in May\n# end of bob\n";
        let out = member(text, |m| {
            m.set_name("Robert");
            m.set_email("robert@example.com");
            m.assign(&["initech", "acme", "initech"]);
            m.set_override("invoices", "edit", Level::Assigned);
        });
        assert_eq!(
            out,
            "# the team\n\n# Bob runs sales\n[members.bob]\nname = \"Robert\"  # short for Robert\n# his work address\nemail = \"robert@example.com\"\nclients = [\"acme\", \"globex\", \"initech\"]  # two\ngrants = { invoices = { view = \"all\", edit = \"assigned\" } }  # agreed in May\n# end of bob\n"
        );
    }

    /// Unassigning takes the per-client profile with it; the last one takes the list.
    #[test]
    fn unassign_takes_the_client_profile_and_an_empty_list() {
        let text = "[members.bob]\nname = \"Bob\"\nclients = [\"acme\", \"globex\"]\nclient_profiles = { acme = \"viewer\" }\n";
        let out = member(text, |m| {
            assert!(m.unassign("acme"));
            assert!(!m.unassign("globex"));
            assert!(!m.unassign("nope"));
        });
        assert_eq!(out, "[members.bob]\nname = \"Bob\"\n");
    }

    /// Unassigning one client at a time gives what the list without them
    /// gives, in a list on one line and in lists written a client a line,
    /// with comments.
    #[test]
    fn one_at_a_time_is_the_whole_list_at_once() {
        for list in [
            "[\"acme\", \"globex\", \"initech\"]",
            "[\n    \"acme\",\n    # the big one\n    \"globex\",\n    \"initech\",  # new\n]",
            "[\n  \"acme\", \"globex\",\n  \"initech\"\n]",
        ] {
            let text = format!("[members.bob]\nname = \"Bob\"\nclients = {list}  # after\n");
            let steps = member(&text, |m| {
                m.unassign("globex");
                m.unassign("acme");
                m.assign(&["hooli", "umbrella", "hooli"]);
            });
            let once = member(&text, |m| m.set_clients(&["initech"]));
            let once = member(&once, |m| m.set_clients(&["initech", "hooli", "umbrella"]));
            assert_eq!(steps, once, "{list}");
        }
    }

    #[test]
    fn client_entries_and_profile_files() {
        let mut ed = Editor::parse("clients.toml", "[clients.c1]\nname = \"C\"\ncompany = \"acme\"  # x\n").unwrap();
        let mut c = ClientEntry::new(ed.entry("clients", "c1").unwrap());
        c.set_company(None);
        c.set_created_by(Some("bob"));
        assert_eq!(ed.finish(), "[clients.c1]\nname = \"C\"\ncreated_by = \"bob\"\n");
        let text = "# Sales\nname = \"Sales\"  # shown\nbuiltin = true\ntier = \"essential\"\n\n[grants]\n# who sees invoices\ninvoices = { view = \"all\" }\n";
        let mut ed = Editor::parse("profiles/sales.toml", text).unwrap();
        let mut p = ProfileFile::new(&mut ed);
        p.set_name("Sales team");
        p.set_builtin(false);
        p.set_grant("invoices", "edit", Level::Own);
        assert_eq!(
            ed.finish(),
            "# Sales\nname = \"Sales team\"  # shown\ntier = \"essential\"\n\n[grants]\n# who sees invoices\ninvoices = { view = \"all\", edit = \"own\" }\n"
        );
        assert_eq!(ProfileFile::path("sales"), "profiles/sales.toml");
        let mut ed =
            Editor::parse("workspace.toml", "[workspace]\nname = \"W\"\ndefault_profile = \"a\"  # new members\n")
                .unwrap();
        WorkspaceFile::new(&mut ed).set_default_profile("b");
        assert_eq!(ed.finish(), "[workspace]\nname = \"W\"\ndefault_profile = \"b\"  # new members\n");
    }

    #[test]
    fn new_entries_are_in_schema_order_and_quoted() {
        let clients = ["acme".to_string()];
        let grants = [("invoices".to_string(), "view".to_string(), Level::All)];
        let pairs = [("acme".to_string(), "viewer".to_string())];
        let m = NewMember {
            id: "a.b",
            name: "Zoé \"Z\" 'Q'",
            email: "z@example.com",
            profile: "user",
            status: Status::Invited,
            clients: &clients,
            client_profiles: &pairs,
            grants: &grants,
            credit_limit: Some(10.0),
            from: None,
            until: None,
        };
        let text = m.entry();
        assert_eq!(
            text,
            "[members.\"a.b\"]\nname = \"\"\"Zoé \"Z\" 'Q'\"\"\"\nemail = \"z@example.com\"\nprofile = \"user\"\nstatus = \"invited\"\nclients = [\"acme\"]\nclient_profiles = { acme = \"viewer\" }\ngrants = { invoices = { view = \"all\" } }\ncredit_limit = 10\n"
        );
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["members"]["a.b"]["name"].as_str(), Some("Zoé \"Z\" 'Q'"));
        let plain = NewMember {
            status: Status::Active,
            clients: &[],
            client_profiles: &[],
            grants: &[],
            credit_limit: None,
            from: None,
            until: None,
            ..m
        };
        assert_eq!(
            plain.entry(),
            "[members.\"a.b\"]\nname = \"\"\"Zoé \"Z\" 'Q'\"\"\"\nemail = \"z@example.com\"\nprofile = \"user\"\n"
        );
        let c = NewClient { id: "c1", name: "C", kind: ClientKind::Contact, company: Some("acme"), created_by: None };
        assert_eq!(c.entry(), "[clients.c1]\nname = \"C\"\nkind = \"contact\"\ncompany = \"acme\"\n");
    }

    /// An entry of a CRLF file is edited in LF; `edit::keep_line_endings`
    /// (applied by `Change::finish`) gives it back its CRLF.
    #[test]
    fn a_crlf_entry_stays_crlf() {
        let text = "# team\r\n[members.bob]\r\nname = \"Bob\"  # Robert\r\nstatus = \"invited\"\r\n";
        let out = member(text, |m| {
            m.set_status(Status::Active);
            m.set_credit_limit(Some(7.5));
            m.assign(&["acme"]);
        });
        let kept = edit::keep_line_endings(text, out, edit::is_crlf(text));
        assert_eq!(
            kept,
            "# team\r\n[members.bob]\r\nname = \"Bob\"  # Robert\r\ncredit_limit = 7.5\r\nclients = [\"acme\"]\r\n"
        );
    }

    /// Through a change, a member's edit is a splice of that entry's bytes
    /// alone (the fast path), a new member an insertion, and both take the
    /// CRLF of the file (`Change::finish`).
    #[test]
    fn through_a_change_entries_are_spliced_in_the_files_line_endings() {
        use crate::generate::{Params, generate};
        use crate::store::load::{Input, load_from};
        let mut files = generate(&Params { members: 50, clients: 20, profiles: 6, ..Params::default() });
        let crlf = files[MEMBERS_FILE].replace('\n', "\r\n");
        files.insert(MEMBERS_FILE.to_string(), crlf.clone());
        let root = std::path::Path::new("/nonexistent");
        let ws = load_from(root, Input::Memory(&files)).workspace;
        let mut change = crate::change::Change::new(&ws);
        change
            .member("m000010", |m| {
                m.set_status(Status::Suspended);
                m.set_credit_limit(Some(12.0));
            })
            .unwrap();
        change.add_member(&NewMember {
            id: "m000010a",
            name: "New",
            email: "new@example.com",
            profile: "p0001",
            status: Status::Invited,
            clients: &[],
            client_profiles: &[],
            grants: &[],
            credit_limit: None,
            from: None,
            until: None,
        });
        let (texts, splices) = change.finish().into_files();
        assert!(texts.is_empty(), "{texts:?}");
        assert_eq!(splices[MEMBERS_FILE].len(), 2);
        let (start, end) = ws.member("m000010").unwrap().entry.unwrap();
        assert!(splices[MEMBERS_FILE].iter().any(|s| (s.start, s.end) == (start, end)));
        let new = crate::store::splice::apply_splices(&crlf, &splices[MEMBERS_FILE]);
        assert!(!new.replace("\r\n", "").contains('\n'), "a bare LF");
        files.insert(MEMBERS_FILE.to_string(), new);
        let again = load_from(root, Input::Memory(&files)).workspace;
        let m = again.member("m000010").unwrap();
        assert_eq!((m.status, m.credit_limit()), (Status::Suspended, Some(12.0)));
        assert_eq!(again.member("m000010a").unwrap().status, Status::Invited);
        assert_eq!(again.members.len(), ws.members.len() + 1);
    }
}
