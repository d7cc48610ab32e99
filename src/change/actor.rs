//! Who may make a change (SPEC §1): the actor (`--as`) holds settings.edit =
//! all, and only the owner changes the owner's entry.

use crate::access;
use crate::error::{Error, Kind, Result};
use crate::model::{Level, Member, Workspace};

/// SPEC §1 and the Carepatron article: only members who may edit workspace
/// settings may change permissions. With `require_actor`, every change names one.
pub(super) fn check_actor(ws: &Workspace, actor: Option<&str>) -> Result<()> {
    let Some(id) = actor else {
        if ws.settings.require_actor {
            return Err(Error::new(
                Kind::NotPermitted,
                "actor-required",
                "this workspace requires every change to name the member who makes it",
            )
            .hint("pass --as MEMBER (or set ROSTER_ACTOR) with a member who holds settings.edit = all"));
        }
        return Ok(());
    };
    let Some(m) = ws.member(id) else {
        return Err(Error::new(
            Kind::NotPermitted,
            "not-permitted",
            format!("`{id}` (--as) is not a member of the workspace"),
        )
        .hint(match crate::diag::did_you_mean(id, ws.members.iter().map(|m| m.id.as_str())) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "name a member who holds settings.edit = all".into(),
        }));
    };
    let level = ws.area("settings").map_or(Level::None, |area| access::member_level(ws, m, area, "edit").level);
    if level != Level::All {
        return Err(Error::new(
            Kind::NotPermitted,
            "not-permitted",
            format!("`{id}` may not change permissions: their settings.edit is `{level}`, and it must be `all`"),
        )
        .hint("ask a member with settings.edit = all (an administrator) to make this change"));
    }
    Ok(())
}

/// SPEC §1: with `--as`, only the owner changes the owner's own entry. An
/// admin may change anything else, and the owner's entry, being on an admin
/// profile, can never be limited (`admin-limited`); this keeps another admin
/// from suspending, moving or otherwise rewriting the one member who can
/// always edit settings. The entry is compared as it reads before and after
/// the change, whichever command made it and however (an edit of the entry,
/// a transfer, an assignment, a client removed that the owner was assigned).
pub(super) struct OwnerEntry<'a> {
    actor: &'a str,
    owner: Member,
}

impl<'a> OwnerEntry<'a> {
    /// The owner's entry as read, when the change is made `--as` another member.
    pub(super) fn guarded(ws: &Workspace, actor: Option<&'a str>) -> Option<OwnerEntry<'a>> {
        let actor = actor?;
        let owner = ws.settings.owner.as_ref().and_then(|o| ws.member(&o.value))?;
        (owner.id != actor).then(|| OwnerEntry { actor, owner: owner.clone() })
    }

    /// Exit 5 when the new state's entry of the owner says something else.
    pub(super) fn check(&self, new: &Workspace) -> Result<()> {
        if new.member(&self.owner.id).is_some_and(|m| m.same_entry(&self.owner)) {
            return Ok(());
        }
        let owner = &self.owner.id;
        Err(Error::new(
            Kind::NotPermitted,
            "not-permitted",
            format!(
                "only the owner may change the owner's entry: this change would change `{owner}`'s entry in members.toml, and it is made by `{}` (--as); nothing was written",
                self.actor
            ),
        )
        .hint(format!("ask `{owner}` to make this change (--as {owner})")))
    }
}
