//! The keys of every table of every workspace file, once: their canonical
//! order, whether they are required, what kind of value they hold, and what
//! they mean. The loader (unknown keys and their "did you mean"), the
//! formatter (key order), the entry editors and the JSON Schemas for editors
//! all read these lists, so that a key added here is known everywhere.

/// What a key holds (enough for a JSON Schema and for the editors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Text,
    Bool,
    /// A number (integer or float), at least zero.
    Amount,
    /// The id of a member, profile, client, area or tier.
    Id(Names),
    /// A list of ids.
    Ids(Names),
    /// A list of plain strings (an area's actions).
    Words,
    /// A list of levels.
    Levels,
    /// area -> action -> level.
    Grants,
    /// client -> profile.
    ClientProfiles,
    /// One of the listed words.
    OneOf(&'static [&'static str]),
    /// `area.action`.
    AreaAction,
    /// A list of `area.action`.
    AreaActions,
    /// A TOML local date (`2026-12-31`).
    Date,
    /// A table of its own (`[workspace]`, an area, a tier...).
    Table,
}

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Names {
    Member,
    Profile,
    Client,
    Tier,
}

#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    pub value: Value,
    pub doc: &'static str,
}

/// The keys of one kind of table, in canonical order.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// How the table is named in messages (`a member`, "`workspace`").
    pub what: &'static str,
    pub keys: &'static [Key],
}

impl Table {
    /// The key names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.keys.iter().map(|k| k.name).collect()
    }

    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }

    /// Where a key goes in canonical order (unknown keys last).
    pub fn position(&self, name: &str) -> usize {
        self.keys.iter().position(|k| k.name == name).unwrap_or(self.keys.len())
    }
}

const fn req(name: &'static str, value: Value, doc: &'static str) -> Key {
    Key { name, required: true, value, doc }
}

const fn opt(name: &'static str, value: Value, doc: &'static str) -> Key {
    Key { name, required: false, value, doc }
}

pub const STATUSES: &[&str] = &["active", "invited", "suspended"];
pub const CLIENT_KINDS: &[&str] = &["company", "contact"];
pub const LEVELS: &[&str] = &["none", "own", "assigned", "all"];

/// `workspace.toml`'s top-level tables.
pub const WORKSPACE_FILE: Table = Table {
    what: "workspace.toml",
    keys: &[
        req("workspace", Value::Table, "The workspace's settings."),
        req("areas", Value::Table, "The parts of the product that access is granted on, by id."),
        req("tiers", Value::Table, "Licence types, by id: a monthly price per member and a ceiling."),
    ],
};

pub const SETTINGS: Table = Table {
    what: "`workspace`",
    keys: &[
        req("name", Value::Text, "The workspace's name."),
        req("owner", Value::Id(Names::Member), "The member id of the primary administrator."),
        req("default_profile", Value::Id(Names::Profile), "The profile new members get (never an admin profile)."),
        opt("currency", Value::Text, "The currency of tier prices (default EUR)."),
        opt(
            "custom_profiles",
            Value::Bool,
            "false: the plan allows no custom profiles: only builtin profiles, and no grant overrides.",
        ),
        opt("require_actor", Value::Bool, "true: every change must name --as MEMBER, who holds settings.edit = all."),
        opt(
            "expiry_warning_days",
            Value::Amount,
            "check warns expires-soon this many days before an entry's until (default 14).",
        ),
    ],
};

pub const AREA: Table = Table {
    what: "an area",
    keys: &[
        opt("label", Value::Text, "Shown in tables."),
        req("actions", Value::Words, "The actions of the area (view, edit, print, export...)."),
        req("levels", Value::Levels, "The levels the area accepts, lowest first."),
        opt("per_client", Value::Bool, "true: access is judged per client record."),
    ],
};

pub const TIER: Table = Table {
    what: "a tier",
    keys: &[
        opt("label", Value::Text, "Shown in tables and cost lines."),
        req("price", Value::Amount, "The price per member per month, in the workspace's currency."),
        opt("ceiling", Value::Grants, "The highest level each area.action may be granted on the tier's profiles."),
    ],
};

pub const PROFILE: Table = Table {
    what: "a profile",
    keys: &[
        req("name", Value::Text, "Shown in lists."),
        opt("description", Value::Text, "What the profile is for."),
        req("tier", Value::Id(Names::Tier), "The licence its members need."),
        opt("builtin", Value::Bool, "Shipped with the workspace: roster refuses to edit or remove it."),
        opt("admin", Value::Bool, "Grants the highest level of everything; its members cannot be limited."),
        opt("grants", Value::Grants, "area -> action -> level; an omitted one is the area's lowest level."),
    ],
};

pub const MEMBER: Table = Table {
    what: "a member",
    keys: &[
        req("name", Value::Text, "The member's name."),
        req("email", Value::Text, "The member's email; unique, compared without case."),
        req("profile", Value::Id(Names::Profile), "The member's own profile."),
        opt(
            "status",
            Value::OneOf(STATUSES),
            "active (default), invited or suspended; only active members have access.",
        ),
        opt("from", Value::Date, "The first day the member holds access (a TOML date, 2026-01-05)."),
        opt("until", Value::Date, "The last day the member holds access and costs a seat (a TOML date)."),
        opt("clients", Value::Ids(Names::Client), "The clients assigned to the member."),
        opt("client_profiles", Value::ClientProfiles, "client -> profile: the profile in effect for that client."),
        opt("grants", Value::Grants, "Overrides of the profile's grants, within its tier's ceiling."),
        opt("credit_limit", Value::Amount, "Monthly credits (exports, messages...): a count, never money."),
    ],
};

pub const CLIENT: Table = Table {
    what: "a client",
    keys: &[
        req("name", Value::Text, "The client's name."),
        req("kind", Value::OneOf(CLIENT_KINDS), "company or contact."),
        opt("company", Value::Id(Names::Client), "For a contact: the company it belongs to."),
        opt("created_by", Value::Id(Names::Member), "The member who created it (reached at level own)."),
    ],
};

pub const TEST: Table = Table {
    what: "a test",
    keys: &[
        opt("name", Value::Text, "The test's name; default: the expectation in words."),
        opt("who_can", Value::AreaAction, "The active members who can do this area.action ..."),
        opt("exactly", Value::Ids(Names::Member), "... are exactly these."),
        opt("includes", Value::Ids(Names::Member), "... include these."),
        opt("excludes", Value::Ids(Names::Member), "... exclude these."),
        opt("member", Value::Id(Names::Member), "The member whose access is tested."),
        opt("allow", Value::AreaActions, "What the member may do."),
        opt("deny", Value::AreaActions, "What the member may not do."),
        opt("client", Value::Id(Names::Client), "The client the member's access is judged on."),
        opt("max_monthly_cost", Value::Amount, "The workspace's monthly cost stays at or below this."),
        opt("at", Value::Date, "The date the test is judged on (a TOML date); default: today, or --at."),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_within_a_table() {
        for t in [WORKSPACE_FILE, SETTINGS, AREA, TIER, PROFILE, MEMBER, CLIENT, TEST] {
            let mut names = t.names();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{}", t.what);
        }
    }

    #[test]
    fn position_orders_known_keys_first() {
        assert_eq!(MEMBER.position("name"), 0);
        assert_eq!(MEMBER.position("credit_limit"), 9);
        assert_eq!(MEMBER.position("nope"), MEMBER.keys.len());
    }
}
