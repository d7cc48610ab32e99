//! Arguments shared by several change commands: `AREA.ACTION=LEVEL` grants and
//! `AREA.ACTION` keys, checked against the workspace (an unknown area or action
//! exits 4), and the ids of new entries.

use crate::error::{Error, Result};
use crate::model::{Area, Level, Workspace};

/// `AREA.ACTION=LEVEL`, as typed: the level is judged by [`check_grant`],
/// once the area is known, against the area's own levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantArg {
    pub area: String,
    pub action: String,
    pub level: String,
}

/// A grant whose area, action and level the workspace accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    pub area: String,
    pub action: String,
    pub level: Level,
}

pub fn parse_grant(s: &str) -> Result<GrantArg, String> {
    let (key, level) =
        s.split_once('=').ok_or_else(|| format!("`{s}` is not AREA.ACTION=LEVEL (e.g. invoices.view=assigned)"))?;
    let (area, action) = parse_key(key.trim())?;
    let level = level.trim();
    if level.is_empty() {
        return Err(format!("`{s}` has no level after `=` (e.g. invoices.view=assigned)"));
    }
    Ok(GrantArg { area, action, level: level.to_string() })
}

/// The grant, checked against the workspace: an unknown area or action exits
/// 4 ([`find_action`]); a word that is no level is a usage error (2), and a
/// level the area does not accept is refused (3, `level-not-allowed`), both
/// listing the levels of that area, the only ones that could be meant. Judged
/// here, before the change, it is one error: the rules, run on the changed
/// files, would report it with what follows from it.
pub fn check_grant(ws: &Workspace, g: &GrantArg) -> Result<Grant> {
    let area = find_action(ws, &g.area, &g.action)?;
    let levels: Vec<&str> = area.levels.iter().map(|l| l.value.as_str()).collect();
    let accepted = format!("area `{}` accepts: {}", area.id, levels.join(", "));
    let Some(level) = Level::parse(&g.level) else {
        let err = Error::usage(format!("`{}` is not a level (in `{}.{}={}`)", g.level, g.area, g.action, g.level));
        let err = match crate::diag::did_you_mean(&g.level, levels.iter().copied()) {
            Some(near) => err.hint(format!("did you mean `{near}`?")),
            None => err,
        };
        return Err(err.hint(accepted));
    };
    if !area.accepts(level) && !area.incomplete {
        return Err(Error::new(
            crate::error::Kind::Refused,
            "level-not-allowed",
            format!("level `{level}` is not allowed for `{}.{}`", g.area, g.action),
        )
        .hint(accepted));
    }
    Ok(Grant { area: g.area.clone(), action: g.action.clone(), level })
}

/// `AREA.ACTION`, as typed.
pub fn parse_key(s: &str) -> Result<(String, String), String> {
    match s.split_once('.') {
        Some((area, action)) if !area.is_empty() && !action.is_empty() => Ok((area.to_string(), action.to_string())),
        _ => Err(format!("`{s}` is not AREA.ACTION (e.g. invoices.view)")),
    }
}

/// The area and action named, or exit 4 with the nearest name.
pub fn find_action<'w>(ws: &'w Workspace, area: &str, action: &str) -> Result<&'w Area> {
    let a = ws
        .area(area)
        .ok_or_else(|| Error::not_found("area", area, ws.areas.iter().map(|a| a.id.as_str()), "roster profile show"))?;
    if !a.has_action(action) {
        return Err(Error::not_found(
            &format!("action of area `{area}`"),
            action,
            a.actions.iter().map(|x| x.value.as_str()),
            "roster profile show",
        ));
    }
    Ok(a)
}

/// An id for a new entry: SPEC §2's pattern, or exit 3.
pub fn new_id(what: &str, id: &str) -> Result<()> {
    crate::model::check_id(id).map_err(|why| {
        Error::new(crate::error::Kind::Refused, "bad-value", format!("`{id}` is not a valid {what} id: {why}"))
            .hint("ids match ^[a-z0-9][a-z0-9._-]{0,63}$, e.g. `jean-dupont`")
    })
}

/// A `from` after its `until` would never hold (`bad-date`): a usage error
/// (exit 2) before anything is written.
pub fn check_window(from: Option<crate::model::Date>, until: Option<crate::model::Date>) -> Result<()> {
    match (from, until) {
        (Some(f), Some(u)) if f > u => {
            Err(Error::usage(format!("--from {f} is after --until {u}: the access would never hold"))
                .hint("`until` is the last day included: give a --from on or before it (YYYY-MM-DD)"))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_parse_or_say_why_not() {
        assert_eq!(
            parse_grant("invoices.view=assigned"),
            Ok(GrantArg { area: "invoices".into(), action: "view".into(), level: "assigned".into() })
        );
        assert!(parse_grant("invoices.view").unwrap_err().contains("AREA.ACTION=LEVEL"));
        assert!(parse_grant("invoices=all").unwrap_err().contains("AREA.ACTION"));
        assert!(parse_grant("invoices.view=").unwrap_err().contains("no level"));
    }
}
