//! `roster analyze` (SPEC §13): licence savings and least-privilege findings,
//! each with its monthly saving (where there is one) and, in its message, the
//! command that realises it; and the `over-licensed` rule's tier search, which
//! `check` shares ([`cheapest_tier`]).
//!
//! One pass over the members for the licences (each member's profiles, own
//! and per-client, a few lookups), one over the profiles and tiers: about
//! what `check` costs.

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::model::{Level, Member, Profile, Tier, Workspace};
use crate::render;
use crate::separation::{Judge, judgement_date, warning_days};
use serde::Serialize;

/// Whether a tier's ceiling holds every grant of a profile (an admin
/// profile's: the highest level of everything).
fn holds(ws: &Workspace, tier: &Tier, p: &Profile) -> bool {
    ws.areas.iter().all(|area| {
        area.actions.iter().all(|a| {
            let level = ws.profile_level(p, area, &a.value);
            level <= area.lowest() || level <= ws.level_in(&tier.ceiling, area, &a.value)
        })
    })
}

/// SPEC §4 `over-licensed`: the cheapest tier whose ceiling holds the
/// profile's grants, when it costs less than the profile's tier (the first in
/// file order on a tie).
pub fn cheapest_tier<'w>(ws: &'w Workspace, p: &Profile) -> Option<&'w Tier> {
    let current = ws.tier(&p.tier.value)?;
    let mut best: Option<&Tier> = None;
    for t in ws.tiers.iter().filter(|t| t.price < current.price) {
        if best.is_none_or(|b| t.price < b.price) && holds(ws, t, p) {
            best = Some(t);
        }
    }
    best
}

/// One finding: SPEC §13's JSON shape.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub subject: String,
    pub message: String,
    /// Per month, in the workspace's currency; `null` where the finding saves no money.
    pub monthly_saving: Option<f64>,
}

/// Every finding and the total saving.
#[derive(Debug, Serialize)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub monthly_saving: f64,
    #[serde(skip)]
    pub currency: String,
}

/// A price, as change facts print it (`25.00 EUR`).
fn price(ws: &Workspace, amount: f64) -> String {
    format!("{} {}", render::money(amount), ws.settings.currency)
}

/// The analysis of `ws`, findings in the order of SPEC §13, each kind by subject.
pub fn analyze(ws: &Workspace) -> Analysis {
    let mut findings = Vec::new();
    // The tier each over-licensed profile could be on.
    let cheaper: HashMap<&str, &Tier> =
        ws.profiles.iter().filter_map(|p| cheapest_tier(ws, p).map(|t| (p.id.as_str(), t))).collect();
    let price_of = |profile: &str, moved: Option<&str>| -> f64 {
        match (ws.profile(profile), moved) {
            (Some(p), Some(m)) if m == profile => cheaper.get(profile).map_or(ws.profile_price(p), |t| t.price),
            (Some(p), _) => ws.profile_price(p),
            (None, _) => 0.0,
        }
    };
    // A member's licence price with one profile moved to its cheaper tier (or none moved).
    let licence = |m: &Member, moved: Option<&str>, without: Option<&str>| -> f64 {
        let own = price_of(&m.profile.value, moved);
        m.client_profiles_on(ws.at())
            .filter(|(c, _)| without.is_none_or(|w| c.value != w))
            .map(|(_, p)| price_of(&p.value, moved))
            .fold(own, f64::max)
    };
    let mut over_saving: HashMap<&str, (f64, usize)> = HashMap::default();
    let mut single_client = Vec::new();
    let mut idle = Vec::new();
    let mut used: HashSet<&str> = HashSet::default();
    for m in &ws.members {
        used.insert(&m.profile.value);
        for (_, p) in m.client_profiles() {
            used.insert(&p.value);
        }
        if !ws.holds_seat(m) {
            continue;
        }
        let now = licence(m, None, None);
        // Over-licensed profiles: what moving each of the member's profiles would save on them.
        let mut seen: HashSet<&str> = HashSet::default();
        for p in std::iter::once(&m.profile).chain(m.client_profiles_on(ws.at()).map(|(_, p)| p)) {
            if cheaper.contains_key(p.value.as_str()) && seen.insert(&p.value) {
                let e = over_saving.entry(p.value.as_str()).or_default();
                e.0 += now - licence(m, Some(&p.value), None);
                e.1 += 1;
            }
        }
        // A licence raised by one client's per-client profile.
        let own = price_of(&m.profile.value, None);
        let raising: Vec<_> = m.client_profiles_on(ws.at()).filter(|(_, p)| price_of(&p.value, None) > own).collect();
        if let [(client, profile)] = raising.as_slice() {
            let saving = now - licence(m, None, Some(&client.value));
            single_client.push(Finding {
                code: "per-client-licence",
                subject: m.id.to_string(),
                message: format!(
                    "`{}`'s licence is raised from {} to {} by the per-client profile {} for {} alone: `roster transfer-one {} --to {} --client {}`",
                    m.id,
                    price(ws, own),
                    price(ws, now),
                    profile.value,
                    client.value,
                    m.id,
                    m.profile.value,
                    client.value
                ),
                monthly_saving: Some(saving),
            });
        }
        // A seat without access: not active, or active with nothing above none.
        if now > 0.0 && (!m.active_on(ws.at()) || no_access(ws, m)) {
            // A seat is held inside the window (`holds_seat`): without access, they are invited.
            let why = if m.is_active() { "holds no access".to_string() } else { format!("is {}", m.status) };
            idle.push(Finding {
                code: "idle-seat",
                subject: m.id.to_string(),
                message: format!(
                    "`{}` {why} and still costs a seat of {}: `roster member edit {} --status suspended`",
                    m.id,
                    price(ws, now),
                    m.id
                ),
                monthly_saving: Some(now),
            });
        }
    }
    for p in &ws.profiles {
        let Some(t) = cheaper.get(p.id.as_str()) else { continue };
        let (saving, members) = over_saving.get(p.id.as_str()).copied().unwrap_or_default();
        findings.push(Finding {
            code: "over-licensed",
            subject: p.id.to_string(),
            message: format!(
                "profile `{}` is on tier {} ({}) but tier {} ({}) holds its grants; {} member{} paying: `roster profile edit {} --tier {}`",
                p.id,
                p.tier.value,
                price(ws, ws.profile_price(p)),
                t.id,
                price(ws, t.price),
                members,
                if members == 1 { "" } else { "s" },
                p.id,
                t.id
            ),
            monthly_saving: Some(saving),
        });
    }
    findings.extend(single_client);
    findings.extend(expiring_exceptions(ws));
    findings.extend(idle);
    findings.extend(identical_and_unused(ws, &used));
    let monthly_saving = findings.iter().filter_map(|f| f.monthly_saving).sum();
    Analysis { findings, monthly_saving, currency: ws.settings.currency.clone() }
}

/// An active member with no level above `none` anywhere (own profile, overrides).
fn no_access(ws: &Workspace, m: &Member) -> bool {
    if m.client_profiles_on(ws.at()).next().is_some() {
        return false;
    }
    ws.areas.iter().all(|area| {
        area.actions.iter().all(|a| crate::access::member_level(ws, m, area, &a.value).level == Level::None)
    })
}

/// Exceptions to separation rules that end within the warning days: what the
/// member will conflict with then, and the command that ends the conflict.
fn expiring_exceptions(ws: &Workspace) -> Vec<Finding> {
    let date = judgement_date(ws);
    let soon = date.checked_add(jiff::Span::new().days(warning_days(ws))).unwrap_or(date);
    let judge = Judge::new(ws);
    let mut out = Vec::new();
    for rule in &ws.separation {
        for e in &rule.exceptions {
            let Some(until) = e.until.as_ref().filter(|u| date <= u.value && u.value <= soon) else { continue };
            let Some(m) = ws.member(&e.member.value) else { continue };
            let lower = judge
                .conflicts_ignoring_exceptions(m)
                .into_iter()
                .find(|c| std::ptr::eq(&ws.separation[c.rule], rule))
                .and_then(|c| c.holds.last().map(|(key, _, _)| key.clone()));
            let admin = ws.profile(&m.profile.value).is_some_and(|p| p.admin);
            let then = match lower {
                Some(_) if admin => "an admin cannot be limited: extend its `until` in workspace.toml, or move them to a profile that is not an admin one".to_string(),
                Some(key) => format!(
                    "extend its `until` in workspace.toml, or end the conflict: `roster member edit {} --grant {key}=none`",
                    m.id
                ),
                None => "they no longer hold every action it keeps apart: remove the exception from workspace.toml"
                    .to_string(),
            };
            out.push(Finding {
                code: "expires-soon",
                subject: m.id.to_string(),
                message: format!(
                    "the exception of `{}` to \"{}\" ends on {} ({}); {then}",
                    m.id, rule.name, until.value, e.reason
                ),
                monthly_saving: None,
            });
        }
    }
    out
}

/// Identical profiles (the later ones, with the first they copy) and unused
/// ones, as `check` warns of them.
fn identical_and_unused(ws: &Workspace, used: &HashSet<&str>) -> Vec<Finding> {
    let keys = ws.action_keys();
    let mut seen: HashMap<(&str, Vec<Level>), &Profile> = HashMap::default();
    let mut out = Vec::new();
    for p in &ws.profiles {
        let levels: Vec<Level> =
            keys.iter().filter_map(|k| ws.area(&k.area).map(|a| ws.profile_level(p, a, &k.action))).collect();
        match seen.get(&(p.tier.value.as_str(), levels.clone())) {
            Some(first) => out.push(Finding {
                code: "identical-profiles",
                subject: p.id.to_string(),
                message: format!(
                    "profile `{}` has the same tier and grants as `{}`: `roster transfer-all {} --to {}`, then `roster profile remove {}`",
                    p.id, first.id, p.id, first.id, p.id
                ),
                monthly_saving: None,
            }),
            None => {
                seen.insert((p.tier.value.as_str(), levels), p);
            }
        }
    }
    let default = ws.settings.default_profile.as_ref().map(|d| d.value.as_str());
    for p in &ws.profiles {
        if !p.builtin && !used.contains(p.id.as_str()) && default != Some(p.id.as_str()) {
            out.push(Finding {
                code: "unused-profile",
                subject: p.id.to_string(),
                message: format!("profile `{}` has no members: `roster profile remove {}`", p.id, p.id),
                monthly_saving: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{CONTRIBUTOR, MEMBERS, WORKSPACE, check_with, edit};

    fn analysis(changes: &[(&str, &str)]) -> Analysis {
        let checked = check_with(changes);
        analyze(&checked.workspace)
    }

    fn codes(a: &Analysis) -> Vec<(&str, &str, Option<f64>)> {
        a.findings.iter().map(|f| (f.code, f.subject.as_str(), f.monthly_saving)).collect()
    }

    #[test]
    fn the_base_workspace_has_only_the_single_client_licence() {
        // bob (user, essential 12) works under contributor (standard 25) for acme alone.
        let a = analysis(&[]);
        assert_eq!(codes(&a), vec![("per-client-licence", "bob", Some(13.0))]);
        assert!(a.findings[0].message.contains("`roster transfer-one bob --to user --client acme`"), "{a:?}");
        assert_eq!(a.monthly_saving, 13.0);
    }

    #[test]
    fn over_licensed_profiles_name_the_cheapest_tier_and_what_it_saves() {
        // A profile on standard whose grants essential holds.
        let small = "name = \"Small\"\ntier = \"standard\"\n[grants]\nclients = { view = \"assigned\" }\n";
        let members = edit(MEMBERS, "profile = \"contributor\"", "profile = \"small\"");
        let a = analysis(&[("profiles/small.toml", small), ("members.toml", &members)]);
        let over: Vec<_> = a.findings.iter().filter(|f| f.code == "over-licensed").collect();
        assert_eq!(over.len(), 1, "{a:?}");
        assert_eq!(over[0].subject, "small");
        assert_eq!(over[0].monthly_saving, Some(13.0));
        assert!(over[0].message.contains("`roster profile edit small --tier essential`"), "{}", over[0].message);
        // check warns of it too.
        let checked = check_with(&[("profiles/small.toml", small), ("members.toml", &members)]);
        assert!(checked.diagnostics.iter().any(|d| d.code == "over-licensed"), "{:#?}", checked.diagnostics);
        // contributor needs standard: not over-licensed.
        assert!(cheapest_tier(&checked.workspace, checked.workspace.profile("contributor").unwrap()).is_none());
    }

    #[test]
    fn idle_seats_cost_their_licence() {
        let members = edit(MEMBERS, "profile = \"contributor\"", "profile = \"contributor\"\nstatus = \"invited\"");
        let a = analysis(&[("members.toml", &members)]);
        let idle: Vec<_> = a.findings.iter().filter(|f| f.code == "idle-seat").collect();
        assert_eq!(idle.len(), 1, "{a:?}");
        assert_eq!((idle[0].subject.as_str(), idle[0].monthly_saving), ("eve", Some(25.0)));
        assert!(idle[0].message.contains("--status suspended"));
        // Suspended members cost nothing: no finding.
        let members = edit(MEMBERS, "profile = \"contributor\"", "profile = \"contributor\"\nstatus = \"suspended\"");
        assert!(analysis(&[("members.toml", &members)]).findings.iter().all(|f| f.code != "idle-seat"));
    }

    #[test]
    fn identical_and_unused_profiles() {
        let copy = CONTRIBUTOR.replace("Contributor", "Copy");
        let a = analysis(&[("profiles/copy.toml", &copy)]);
        let found: Vec<_> = a.findings.iter().map(|f| (f.code, f.subject.as_str())).collect();
        assert!(found.contains(&("identical-profiles", "copy")), "{found:?}");
        assert!(found.contains(&("unused-profile", "copy")), "{found:?}");
    }

    #[test]
    fn exceptions_ending_soon_are_findings() {
        let today = judgement_date(&check_with(&[]).workspace);
        let soon = today.checked_add(jiff::Span::new().days(5)).expect("date");
        let later = today.checked_add(jiff::Span::new().days(60)).expect("date");
        let rule = |until| {
            format!(
                "{WORKSPACE}\n[[separation]]\nname = \"Apart\"\nactions = [\"clients.edit\", \"calendars.edit\"]\nexceptions = [{{ member = \"bob\", until = {until}, reason = \"interim\" }}]\n"
            )
        };
        let a = analysis(&[("workspace.toml", &rule(soon))]);
        let found: Vec<_> = a.findings.iter().filter(|f| f.code == "expires-soon").collect();
        assert_eq!(found.len(), 1, "{a:?}");
        assert_eq!(found[0].monthly_saving, None);
        assert!(found[0].message.contains(&format!("ends on {soon}")), "{}", found[0].message);
        assert!(
            found[0].message.contains("roster member edit bob --grant calendars.edit=none"),
            "{}",
            found[0].message
        );
        let a = analysis(&[("workspace.toml", &rule(later))]);
        assert!(a.findings.iter().all(|f| f.code != "expires-soon"));
    }
}
