//! The keys of every table of every workspace file, once: their canonical
//! order, whether they are required, what kind of value they hold, and what
//! they mean. The loader (unknown keys and their "did you mean"), the
//! formatter (key order), the entry editors and the JSON Schemas for editors
//! (`json_schema`, from [`FILES`]) all read these lists, so that a key added
//! here is known everywhere.

/// What a key holds (enough for a JSON Schema and for the editors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Text,
    /// An email address: one `@`, a dotted domain after it, no spaces.
    Email,
    /// A three-letter currency code (ISO 4217).
    Currency,
    Bool,
    /// A number (integer or float), at least zero.
    Amount,
    /// The id of a member, profile, client, area or tier.
    Id(Names),
    /// A list of ids.
    Ids(Names),
    /// A list of action names (ids), each once, at least one (an area's actions).
    Words,
    /// A list of levels, each once, at least one.
    Levels,
    /// area -> action -> level.
    Grants,
    /// name -> area -> action -> level (a review campaign's access sets).
    AccessSets,
    /// client -> profile.
    ClientProfiles,
    /// A member's assigned clients: ids, or `{ id, from, until }` (dated).
    Assignments,
    /// A member's per-client profiles: client -> profile, or client ->
    /// `{ profile, from, until }` (dated).
    DatedClientProfiles,
    /// A member's overrides: area -> action -> level, or -> `{ level, from, until }` (dated).
    DatedGrants,
    /// One of the listed words.
    OneOf(&'static [&'static str]),
    /// `area.action`.
    AreaAction,
    /// A list of `area.action`.
    AreaActions,
    /// A TOML local date (`2026-12-31`).
    Date,
    /// A TOML date and time in UTC (`2026-12-01T09:30:00Z`).
    DateTime,
    /// A table of its own, with these keys (`[workspace]`).
    Table(&'static Table),
    /// A table of entries keyed by id, each with these keys (`[members.ID]`, `[areas.ID]`).
    Entries(&'static Table),
    /// An array of tables, each with these keys (`[[test]]`).
    List(&'static Table),
}

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Names {
    Member,
    Profile,
    Client,
    Tier,
    Team,
}

impl Names {
    /// The word for it (`a client id`).
    pub fn noun(self) -> &'static str {
        match self {
            Names::Member => "member",
            Names::Profile => "profile",
            Names::Client => "client",
            Names::Tier => "tier",
            Names::Team => "team",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    pub value: Value,
    pub doc: &'static str,
    /// What an absent key means, when it is a value one could write.
    pub default: Option<KeyDefault>,
    /// The key is meaningful only beside one of these keys (`allow` goes
    /// with `member`); empty: anywhere.
    pub goes_with: &'static [&'static str],
    /// The table holds exactly one of its keys marked so (a test states one
    /// kind of expectation).
    pub one_of: bool,
}

/// The value an absent key stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyDefault {
    Text(&'static str),
    Bool(bool),
}

impl Key {
    const fn default_text(self, text: &'static str) -> Key {
        Key { default: Some(KeyDefault::Text(text)), ..self }
    }

    const fn default_bool(self, value: bool) -> Key {
        Key { default: Some(KeyDefault::Bool(value)), ..self }
    }

    const fn goes_with(self, keys: &'static [&'static str]) -> Key {
        Key { goes_with: keys, ..self }
    }

    const fn one_of(self) -> Key {
        Key { one_of: true, ..self }
    }
}

/// The keys of one kind of table, in canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    Key { name, required: true, value, doc, default: None, goes_with: &[], one_of: false }
}

const fn opt(name: &'static str, value: Value, doc: &'static str) -> Key {
    Key { required: false, ..req(name, value, doc) }
}

/// What every id (member, profile, client, area, tier, action) matches; the
/// loader's `check_id` holds to it (a unit test compares them).
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]{0,63}$";

pub const STATUSES: &[&str] = &["active", "invited", "suspended"];
pub const CLIENT_KINDS: &[&str] = &["company", "contact"];
pub const LEVELS: &[&str] = &["none", "own", "assigned", "all"];

/// `workspace.toml`'s top-level tables.
pub const WORKSPACE_FILE: Table = Table {
    what: "workspace.toml",
    keys: &[
        req("workspace", Value::Table(&SETTINGS), "The workspace's settings."),
        req("areas", Value::Entries(&AREA), "The parts of the product that access is granted on, by id."),
        req("tiers", Value::Entries(&TIER), "Licence types, by id: a monthly price per member and a ceiling."),
        opt(
            "separation",
            Value::List(&SEPARATION),
            "Separation of duties: sets of area.actions no active member may hold together, each a [[separation]] table.",
        ),
    ],
};

pub const SETTINGS: Table = Table {
    what: "`workspace`",
    keys: &[
        req("name", Value::Text, "The workspace's name."),
        req("owner", Value::Id(Names::Member), "The member id of the primary administrator."),
        req("default_profile", Value::Id(Names::Profile), "The profile new members get (never an admin profile)."),
        opt("currency", Value::Currency, "The currency of tier prices (default EUR).").default_text("EUR"),
        opt(
            "custom_profiles",
            Value::Bool,
            "false: the plan allows no custom profiles: only builtin profiles, and no grant overrides.",
        )
        .default_bool(true),
        opt("require_actor", Value::Bool, "true: every change must name --as MEMBER, who holds settings.edit = all.")
            .default_bool(false),
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
        opt("per_client", Value::Bool, "true: access is judged per client record.").default_bool(false),
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

pub const SEPARATION: Table = Table {
    what: "a separation rule",
    keys: &[
        req("name", Value::Text, "The rule's name, shown with each conflict."),
        req(
            "actions",
            Value::AreaActions,
            "The area.actions no active member may hold all of above `none` (at least two).",
        ),
        opt("per_client", Value::Bool, "true: judged client by client (all of them on one same client).")
            .default_bool(false),
        opt("exceptions", Value::List(&EXCEPTION), "Members excused, each with a reason and an optional last day."),
    ],
};

pub const EXCEPTION: Table = Table {
    what: "an exception",
    keys: &[
        req("member", Value::Id(Names::Member), "The member excused."),
        opt("until", Value::Date, "The last day the exception excuses (a TOML date, 2027-01-31); none: no end."),
        req("reason", Value::Text, "Why, and who approved it: what an auditor reads."),
    ],
};

pub const PROFILE: Table = Table {
    what: "a profile",
    keys: &[
        req("name", Value::Text, "Shown in lists."),
        opt("description", Value::Text, "What the profile is for."),
        req("tier", Value::Id(Names::Tier), "The licence its members need."),
        opt("builtin", Value::Bool, "Shipped with the workspace: roster refuses to edit or remove it.")
            .default_bool(false),
        opt("admin", Value::Bool, "Grants the highest level of everything; its members cannot be limited.")
            .default_bool(false),
        opt("grants", Value::Grants, "area -> action -> level; an omitted one is the area's lowest level."),
    ],
};

pub const MEMBER: Table = Table {
    what: "a member",
    keys: &[
        req("name", Value::Text, "The member's name."),
        req("email", Value::Email, "The member's email; unique, compared without case."),
        req("profile", Value::Id(Names::Profile), "The member's own profile."),
        opt(
            "status",
            Value::OneOf(STATUSES),
            "active (default), invited or suspended; only active members have access.",
        )
        .default_text("active"),
        opt("from", Value::Date, "The first day the member holds access (a TOML date, 2026-01-05)."),
        opt("until", Value::Date, "The last day the member holds access and costs a seat (a TOML date)."),
        opt("clients", Value::Assignments, "The clients assigned to the member; { id, from, until } for a dated one."),
        opt(
            "client_profiles",
            Value::DatedClientProfiles,
            "client -> profile: the profile in effect for that client; { profile, from, until } for a dated one.",
        ),
        opt(
            "grants",
            Value::DatedGrants,
            "Overrides of the profile's grants, within its tier's ceiling; { level, from, until } for a dated one.",
        ),
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
        opt("who_can", Value::AreaAction, "The active members who can do this area.action ...").one_of(),
        opt("exactly", Value::Ids(Names::Member), "... are exactly these.").goes_with(&["who_can"]),
        opt("includes", Value::Ids(Names::Member), "... include these.").goes_with(&["who_can"]),
        opt("excludes", Value::Ids(Names::Member), "... exclude these.").goes_with(&["who_can"]),
        opt("member", Value::Id(Names::Member), "The member whose access is tested.").one_of(),
        opt("allow", Value::AreaActions, "What the member may do.").goes_with(&["member"]),
        opt("deny", Value::AreaActions, "What the member may not do.").goes_with(&["member"]),
        opt("client", Value::Id(Names::Client), "The client the access is judged on.")
            .goes_with(&["who_can", "member"]),
        opt("max_monthly_cost", Value::Amount, "The workspace's monthly cost stays at or below this.").one_of(),
        opt("at", Value::Date, "The date the test is judged on (a TOML date); default: today, or --at."),
    ],
};

/// A review campaign (`reviews/ID.toml`).
pub const REVIEW: Table = Table {
    what: "a review campaign",
    keys: &[
        req(
            "revision",
            Value::Text,
            "The git commit the access was taken from, or \"working-tree\" when the files differed from it.",
        ),
        req("started", Value::Date, "The day the campaign started."),
        opt("due", Value::Date, "The day every item should be decided by."),
        opt(
            "profiles",
            Value::Ids(Names::Profile),
            "The campaign's scope: the members of these profiles (their own, or one they work under for a client).",
        ),
        opt(
            "teams",
            Value::Ids(Names::Team),
            "The campaign's scope: the members and leads of these teams. With profiles too, a member in either is in scope.",
        ),
        opt("currency", Value::Currency, "The currency of the cost rows.").default_text("EUR"),
        opt("monthly_cost", Value::Amount, "The workspace's monthly cost when the campaign started."),
        opt(
            "cost",
            Value::List(&REVIEW_COST),
            "The monthly cost by tier when the campaign started, each a [[cost]] table.",
        ),
        opt(
            "access",
            Value::AccessSets,
            "The access the items stand for, each list of levels once: name -> area -> action -> level (none left out).",
        ),
        opt("item", Value::List(&REVIEW_ITEM), "What is reviewed, each an [[item]] table."),
    ],
};

pub const DECISIONS: &[&str] = &["keep", "revoke"];

/// One item of a review campaign: a member's access, or one assigned client of theirs.
pub const REVIEW_ITEM: Table = Table {
    what: "a review item",
    keys: &[
        req("id", Value::Text, "MEMBER (the member's access) or MEMBER/CLIENT (one assigned client)."),
        opt(
            "profile",
            Value::Id(Names::Profile),
            "The profile in effect: the member's own, or the per-client profile; a client item without it has its member's.",
        ),
        opt("via", Value::Text, "How the client is reached: team:ID; absent when it is assigned to the member.")
            .default_text("assigned"),
        req(
            "access",
            Value::Text,
            "The name of the access set (in the campaign's [access] table) the item stands for.",
        ),
        opt(
            "reviewer",
            Value::Id(Names::Member),
            "Who reviews the item (a client item without it has its member's); absent when nobody but the member could.",
        ),
        opt("decision", Value::OneOf(DECISIONS), "keep or revoke; absent while pending."),
        opt("decided_by", Value::Id(Names::Member), "Who decided.").goes_with(&["decision"]),
        opt("decided_at", Value::DateTime, "When, in UTC (RFC 3339).").goes_with(&["decision"]),
        opt("note", Value::Text, "Why, in the reviewer's words."),
        opt("applied", Value::Date, "The day a revocation was applied (roster review apply).").goes_with(&["decision"]),
    ],
};

/// One row of a campaign's cost by tier.
pub const REVIEW_COST: Table = Table {
    what: "a cost row",
    keys: &[
        req("tier", Value::Id(Names::Tier), "The tier."),
        opt("label", Value::Text, "The tier's label."),
        req("price", Value::Amount, "Its price per member per month."),
        req("seats", Value::Amount, "Its members who held a seat."),
        req("monthly", Value::Amount, "What they cost per month."),
    ],
};

pub const TEAM: Table = Table {
    what: "a team",
    keys: &[
        req("name", Value::Text, "The team's name."),
        opt("lead", Value::Id(Names::Member), "The member who leads it; reaches its clients like its members."),
        opt("members", Value::Ids(Names::Member), "Its members."),
        opt(
            "clients",
            Value::Assignments,
            "The clients assigned to the team (to each member and the lead); { id, from, until } for a dated one.",
        ),
    ],
};

/// `members.toml`'s top level.
pub const MEMBERS_FILE: Table =
    Table { what: "members.toml", keys: &[opt("members", Value::Entries(&MEMBER), "Every member, keyed by id.")] };

/// `clients.toml`'s top level.
pub const CLIENTS_FILE: Table =
    Table { what: "clients.toml", keys: &[opt("clients", Value::Entries(&CLIENT), "Every client, keyed by id.")] };

/// `tests.toml`'s top level.
pub const TESTS_FILE: Table =
    Table { what: "tests.toml", keys: &[opt("test", Value::List(&TEST), "The access tests, each a [[test]] table.")] };

/// `teams.toml`'s top level.
pub const TEAMS_FILE: Table =
    Table { what: "teams.toml", keys: &[opt("teams", Value::Entries(&TEAM), "Every team, keyed by id.")] };

/// A kind of workspace file: its name (`roster schema KIND`), the files it
/// matches in a workspace, what it holds, and the keys of its top level.
#[derive(Clone, Copy, Debug)]
pub struct FileKind {
    pub kind: &'static str,
    /// A glob relative to the workspace folder (`profiles/*.toml`).
    pub files: &'static str,
    pub doc: &'static str,
    pub table: &'static Table,
}

impl FileKind {
    /// The name of its JSON Schema file (`members.schema.json`).
    pub fn schema_file(&self) -> String {
        format!("{}.schema.json", self.kind)
    }
}

/// Every kind of workspace file, in the order of the reference.
pub const FILES: &[FileKind] = &[
    FileKind {
        kind: "workspace",
        files: "workspace.toml",
        doc: "A roster workspace's settings, areas (the parts of the product that access is granted on) \
              and licence tiers (a monthly price per member and a ceiling).",
        table: &WORKSPACE_FILE,
    },
    FileKind {
        kind: "profile",
        files: "profiles/*.toml",
        doc: "One access profile of a roster workspace (the file's stem is its id): a named set of grants \
              (area.action -> level) on one tier.",
        table: &PROFILE,
    },
    FileKind {
        kind: "members",
        files: "members.toml",
        doc: "Every member of a roster workspace, keyed by id: their profile, status, assigned clients, \
              per-client profiles and grant overrides.",
        table: &MEMBERS_FILE,
    },
    FileKind {
        kind: "clients",
        files: "clients.toml",
        doc: "Every client of a roster workspace, keyed by id: a company, or a contact that may belong to one.",
        table: &CLIENTS_FILE,
    },
    FileKind {
        kind: "tests",
        files: "tests.toml",
        doc: "The access tests of a roster workspace: expectations that every change is held to.",
        table: &TESTS_FILE,
    },
    FileKind {
        kind: "review",
        files: "reviews/*.toml",
        doc: "One access review campaign of a roster workspace (the file's stem is its id): the access \
              of each member and assigned client when it started, its reviewer, and the decisions taken.",
        table: &REVIEW,
    },
    FileKind {
        kind: "teams",
        files: "teams.toml",
        doc: "The teams of a roster workspace, keyed by id: a lead, members, and the clients assigned to the \
              team (to each of its members and its lead).",
        table: &TEAMS_FILE,
    },
];

/// The kind of file named `kind`.
pub fn file_kind(kind: &str) -> Option<&'static FileKind> {
    FILES.iter().find(|f| f.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_within_a_table() {
        for t in [
            WORKSPACE_FILE,
            SETTINGS,
            AREA,
            TIER,
            SEPARATION,
            EXCEPTION,
            PROFILE,
            MEMBER,
            CLIENT,
            TEST,
            MEMBERS_FILE,
            CLIENTS_FILE,
            REVIEW,
            REVIEW_ITEM,
            REVIEW_COST,
            TEAM,
            TEAMS_FILE,
        ] {
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
