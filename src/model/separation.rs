//! Separation of duties (SPEC §13): `[[separation]]` rules of `workspace.toml`,
//! each a set of area.actions that no active member may hold together above
//! `none` (with `per_client`: on one same client), and the exceptions that
//! excuse a member, with a reason and an optional last day.

pub use super::dates::Date;
use super::{At, Ref};
use crate::source::Span;

/// One `[[separation]]` table.
#[derive(Clone, Debug)]
pub struct Separation {
    pub name: String,
    /// The `[[separation]]` table (its first key).
    pub span: Span,
    /// `area.action`, as written; each names an existing action once the
    /// rules have run (`separation-of-duties` skips one that does not).
    pub actions: Vec<At<String>>,
    /// Judged client by client: the member must hold every action on one same client.
    pub per_client: bool,
    pub exceptions: Vec<Exception>,
}

/// A member excused from a separation rule.
#[derive(Clone, Debug)]
pub struct Exception {
    pub member: Ref,
    /// The last day the exception excuses (included); none: no end.
    pub until: Option<At<Date>>,
    pub reason: String,
    /// The exception's table.
    pub span: Span,
}

impl Exception {
    /// Whether it still excuses on `date` (its `until` is not past).
    pub fn in_effect(&self, date: Date) -> bool {
        self.until.as_ref().is_none_or(|u| date <= u.value)
    }
}

impl Separation {
    /// The exception naming `member` that excuses them on `date`, if any.
    pub fn excuse(&self, member: &str, date: Date) -> Option<&Exception> {
        self.exceptions.iter().find(|e| e.member.value == member && e.in_effect(date))
    }
}
