//! The small closed vocabularies of the model: access levels, member statuses,
//! client kinds.

use std::fmt;

/// How far a grant reaches, ordered `none` < `own` < `assigned` < `all`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    None,
    Own,
    Assigned,
    All,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::None, Level::Own, Level::Assigned, Level::All];
    pub const NAMES: [&'static str; 4] = ["none", "own", "assigned", "all"];

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Own => "own",
            Level::Assigned => "assigned",
            Level::All => "all",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Status {
    Active,
    Invited,
    Suspended,
}

impl Status {
    pub const NAMES: [&'static str; 3] = ["active", "invited", "suspended"];

    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "active" => Some(Status::Active),
            "invited" => Some(Status::Invited),
            "suspended" => Some(Status::Suspended),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Invited => "invited",
            Status::Suspended => "suspended",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ClientKind {
    Company,
    Contact,
}

impl ClientKind {
    pub const NAMES: [&'static str; 2] = ["company", "contact"];

    pub fn parse(s: &str) -> Option<ClientKind> {
        match s {
            "company" => Some(ClientKind::Company),
            "contact" => Some(ClientKind::Contact),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ClientKind::Company => "company",
            ClientKind::Contact => "contact",
        }
    }
}

impl fmt::Display for ClientKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered() {
        assert!(Level::None < Level::Own);
        assert!(Level::Own < Level::Assigned);
        assert!(Level::Assigned < Level::All);
        for name in Level::NAMES {
            assert_eq!(Level::parse(name).map(Level::as_str), Some(name));
        }
        assert_eq!(Level::parse("All"), None);
    }
}
