//! Separation of duties (SPEC §13): the `separation-of-duties` rule, the
//! references of `[[separation]]` rules, and the warnings of exceptions about
//! to expire.
//!
//! A member conflicts with a rule when, active, they hold every listed
//! area.action above `none`: under their own profile, an override, or a
//! per-client profile (working under it for one client is holding it). With
//! `per_client = true` they must hold all of them on one same client: their
//! clients (assigned, per-client, created by them) are tried one by one, and
//! only when no level reaches every client; a contact of an assigned company
//! reads as its company (§3), so it needs no try of its own. The work is a
//! member's clients × the listed actions, never members × clients.

use crate::access::{self, Via};
use crate::diag::Diagnostic;
use crate::fxhash::FxHashMap as HashMap;
use crate::model::separation::Date;
use crate::model::{Area, Client, Level, Member, Separation, Workspace};

/// Whether an error keeps `diff` and `log` from comparing a revision: every
/// error but a separation-of-duties conflict, which they list instead.
pub fn blocks_comparison(d: &Diagnostic) -> bool {
    d.is_error() && d.code != "separation-of-duties"
}

/// The date exceptions are judged on: the workspace's date of judgement
/// (today, or `--at`).
pub fn judgement_date(ws: &Workspace) -> Date {
    ws.at()
}

/// How many days ahead an exception's end is warned of (`expiry_warning_days`).
pub fn warning_days(ws: &Workspace) -> i64 {
    i64::from(ws.settings.expiry_warning_days)
}

/// A conflict: a member holds every action of a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The rule's position in `ws.separation`.
    pub rule: usize,
    pub member: String,
    /// Each listed action with its level and where it comes from (`all, profile accountant`).
    pub holds: Vec<(String, Level, String)>,
    /// With `per_client`: the clients on which all are held (`None`: every client).
    pub clients: Option<Vec<String>>,
    /// An exception named the member but ended on this day.
    pub expired_exception: Option<Date>,
}

impl Conflict {
    /// One line: the member, what they hold and where from, the rule.
    pub fn describe(&self, ws: &Workspace) -> String {
        let rule = &ws.separation[self.rule];
        let holds: Vec<String> =
            self.holds.iter().map(|(key, level, from)| format!("{key} = {level} ({from})")).collect();
        let on = match &self.clients {
            None if rule.per_client => " on every client".to_string(),
            None => String::new(),
            Some(c) if c.len() <= 3 => format!(" on {}", c.join(", ")),
            Some(c) => format!(" on {} and {} more clients", c[..3].join(", "), c.len() - 3),
        };
        let expired = self.expired_exception.map_or(String::new(), |d| format!("; their exception ended on {d}"));
        format!(
            "member `{}` holds {}{on}, which the separation rule \"{}\" keeps apart{expired}",
            self.member,
            holds.join(" and "),
            rule.name
        )
    }
}

/// The rules' area.actions that exist, by rule: a rule naming one that does
/// not is reported by [`reference_rules`] and judges nobody.
fn judged_actions(ws: &Workspace) -> Vec<Option<Vec<(&Area, &str)>>> {
    ws.separation
        .iter()
        .map(|rule| {
            rule.actions
                .iter()
                .map(|k| {
                    let (area, action) = k.value.split_once('.')?;
                    ws.area(area).filter(|a| a.has_action(action)).map(|a| (a, action))
                })
                .collect::<Option<Vec<_>>>()
                .filter(|v| v.len() >= 2)
        })
        .collect()
}

/// What a conflict check needs once per workspace: the rules' actions, the
/// clients each member created, the date.
#[derive(Debug)]
pub struct Judge<'w> {
    ws: &'w Workspace,
    actions: Vec<Option<Vec<(&'w Area, &'w str)>>>,
    created: HashMap<&'w str, Vec<&'w Client>>,
    date: Date,
}

impl<'w> Judge<'w> {
    pub fn new(ws: &'w Workspace) -> Judge<'w> {
        let actions = judged_actions(ws);
        let mut created: HashMap<&str, Vec<&Client>> = HashMap::default();
        if ws.separation.iter().any(|r| r.per_client) {
            for c in &ws.clients {
                if let Some(by) = &c.created_by {
                    created.entry(by.value.as_str()).or_default().push(c);
                }
            }
        }
        Judge { ws, actions, created, date: judgement_date(ws) }
    }

    /// Every rule `m` conflicts with (exceptions in effect excuse).
    pub fn conflicts(&self, m: &'w Member) -> Vec<Conflict> {
        self.conflicts_excused(m, true)
    }

    /// Every rule `m` would conflict with without their exceptions.
    pub fn conflicts_ignoring_exceptions(&self, m: &'w Member) -> Vec<Conflict> {
        self.conflicts_excused(m, false)
    }

    fn conflicts_excused(&self, m: &'w Member, excuse: bool) -> Vec<Conflict> {
        if !m.active_on(self.date) || self.ws.separation.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, rule) in self.ws.separation.iter().enumerate() {
            let Some(actions) = &self.actions[i] else { continue };
            let Some(mut conflict) = self.conflict(rule, actions, m) else { continue };
            if excuse && rule.excuse(&m.id, self.date).is_some() {
                continue;
            }
            conflict.rule = i;
            conflict.expired_exception = rule
                .exceptions
                .iter()
                .filter(|e| e.member.value == m.id)
                .filter_map(|e| e.until.as_ref().map(|u| u.value))
                .max();
            out.push(conflict);
        }
        out
    }

    fn conflict(&self, rule: &Separation, actions: &[(&'w Area, &'w str)], m: &'w Member) -> Option<Conflict> {
        let ws = self.ws;
        // Anywhere: under the own profile or any per-client one. The highest of each.
        let anywhere: Vec<(Level, String)> = actions
            .iter()
            .map(|(area, action)| {
                let own = access::member_level(ws, m, area, action);
                let mut best = (own.level, origin(own.via, own.profile, None));
                for (client, _) in m.client_profiles_on(self.date) {
                    let e = access::client_level(ws, m, &client.value, area, action);
                    if e.level > best.0 {
                        best = (e.level, origin(e.via, e.profile, Some(&client.value)));
                    }
                }
                best
            })
            .collect();
        if anywhere.iter().any(|(l, _)| *l == Level::None) {
            return None;
        }
        let holds = |levels: Vec<(Level, String)>| -> Vec<(String, Level, String)> {
            actions.iter().zip(levels).map(|((a, act), (l, from))| (format!("{}.{act}", a.id), l, from)).collect()
        };
        if !rule.per_client {
            return Some(Conflict {
                rule: 0,
                member: m.id.to_string(),
                holds: holds(anywhere),
                clients: None,
                expired_exception: None,
            });
        }
        // Every client, under the own profile: each action at `all`, or on an area not judged per client.
        let own: Vec<access::Effective> =
            actions.iter().map(|(area, action)| access::member_level(ws, m, area, action)).collect();
        let everywhere = actions
            .iter()
            .zip(&own)
            .all(|((area, _), e)| e.level == Level::All || (!area.per_client && e.level > Level::None));
        if everywhere {
            let levels = own.iter().map(|e| (e.level, origin(e.via, e.profile, None))).collect();
            return Some(Conflict {
                rule: 0,
                member: m.id.to_string(),
                holds: holds(levels),
                clients: None,
                expired_exception: None,
            });
        }
        // Client by client: the member's own clients, each once.
        let mut tried: crate::fxhash::FxHashSet<&str> = Default::default();
        let candidates = m
            .clients
            .iter()
            .filter_map(|c| ws.client(&c.value))
            .chain(self.created.get(m.id.as_str()).into_iter().flatten().copied());
        let mut on = Vec::new();
        let mut first: Option<Vec<(Level, String)>> = None;
        for c in candidates {
            if !tried.insert(c.id.as_str()) {
                continue;
            }
            let decisions: Vec<access::Decision> =
                actions.iter().map(|(area, action)| access::decide(ws, m, area, action, Some(c))).collect();
            if decisions.iter().all(|d| d.allowed) {
                on.push(c.id.to_string());
                if first.is_none() {
                    first = Some(
                        decisions
                            .iter()
                            .map(|d| {
                                let e = &d.effective;
                                let per_client = d.per_client_instead_of.map(|_| d.through_company.unwrap_or(&c.id));
                                (e.level, origin(e.via, e.profile, per_client))
                            })
                            .collect(),
                    );
                }
            }
        }
        let levels = first?;
        Some(Conflict {
            rule: 0,
            member: m.id.to_string(),
            holds: holds(levels),
            clients: Some(on),
            expired_exception: None,
        })
    }
}

/// Where a level comes from, as `access check` says it (`Via`), in a few words.
fn origin(via: Via, profile: &str, per_client: Option<&str>) -> String {
    let profile = match per_client {
        Some(c) => format!("per-client profile {profile} for {c}"),
        None => format!("profile {profile}"),
    };
    match via {
        Via::Override => "member override".into(),
        Via::Admin => format!("admin {profile}"),
        Via::Grant => profile,
        Via::Lowest => format!("{profile}, the area's lowest level"),
        Via::Inactive => "inactive".into(),
    }
}

/// `separation-of-duties` on the member's entry.
pub fn conflict_diagnostic(ws: &Workspace, m: &Member, c: &Conflict) -> Diagnostic {
    let rule = &ws.separation[c.rule];
    let lower: Vec<&str> = c.holds.iter().map(|(k, _, _)| k.as_str()).collect();
    if c.holds.iter().any(|(_, _, from)| from.starts_with("admin ")) {
        return Diagnostic::error("separation-of-duties", m.span, c.describe(ws)).hint(format!(
            "an admin holds everything and cannot be limited: add an exception for `{}` with a reason to the rule \"{}\" in workspace.toml, or move them to a profile that is not an admin one",
            m.id, rule.name
        ));
    }
    Diagnostic::error("separation-of-duties", m.span, c.describe(ws)).hint(format!(
        "lower {} for `{}` (`roster member edit {} --grant AREA.ACTION=none`, or another profile), or add an exception with a reason to the rule \"{}\" in workspace.toml",
        lower.join(" or "),
        m.id,
        m.id,
        rule.name
    ))
}

/// The members' conflicts, as diagnostics, for the members at `members`
/// (`None`: every member).
pub fn member_rules(ws: &Workspace, members: Option<&[usize]>, out: &mut Vec<Diagnostic>) {
    if ws.separation.is_empty() {
        return;
    }
    let judge = Judge::new(ws);
    let mut one = |m: &Member| {
        for c in judge.conflicts(m) {
            out.push(conflict_diagnostic(ws, m, &c));
        }
    };
    match members {
        Some(list) => list.iter().for_each(|&i| one(&ws.members[i])),
        None => ws.members.iter().for_each(one),
    }
}

/// The rules' references (area.actions, members of exceptions) and the
/// exceptions about to end (`expires-soon`).
pub fn reference_rules(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let date = judgement_date(ws);
    let soon = date.checked_add(jiff::Span::new().days(warning_days(ws))).unwrap_or(date);
    for rule in &ws.separation {
        for k in &rule.actions {
            let Some((area_id, action)) = k.value.split_once('.') else { continue };
            match ws.area(area_id) {
                None => out.push(
                    Diagnostic::error(
                        "unknown-ref",
                        k.span,
                        format!(
                            "the separation rule \"{}\" names the area `{area_id}`, which does not exist",
                            rule.name
                        ),
                    )
                    .suggest(
                        area_id,
                        ws.areas.iter().map(|a| a.id.as_str()),
                        "areas are declared in workspace.toml",
                    ),
                ),
                Some(area) if !area.has_action(action) => {
                    let known: Vec<&str> = area.actions.iter().map(|a| a.value.as_str()).collect();
                    out.push(
                        Diagnostic::error("bad-value", k.span, format!("area `{area_id}` has no action `{action}`"))
                            .suggest(action, known.iter().copied(), format!("its actions are: {}", known.join(", "))),
                    );
                }
                Some(_) => {}
            }
        }
        for e in &rule.exceptions {
            if ws.member(&e.member.value).is_none() {
                out.push(crate::rules::unknown_ref(
                    format!("an exception to the separation rule \"{}\" names the member", rule.name),
                    &e.member,
                    ws.members.iter().map(|m| m.id.as_str()),
                    "members are declared in members.toml",
                ));
            }
            if let Some(until) = e.until.as_ref().filter(|u| u.value < date) {
                out.push(
                    Diagnostic::warning(
                        "expired",
                        until.span,
                        format!(
                            "the exception of `{}` to the separation rule \"{}\" ended on {}: it excuses nothing",
                            e.member.value, rule.name, until.value
                        ),
                    )
                    .hint("remove it from workspace.toml, or extend its `until` if it must go on"),
                );
            }
            if let Some(until) = e.until.as_ref().filter(|u| date <= u.value && u.value <= soon) {
                out.push(
                    Diagnostic::warning(
                        "expires-soon",
                        until.span,
                        format!(
                            "the exception of `{}` to the separation rule \"{}\" ends on {}",
                            e.member.value, rule.name, until.value
                        ),
                    )
                    .hint("extend its `until` if it must go on (`workspace.expiry_warning_days` sets this warning's lead), or end the conflict before then"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{MEMBERS, WORKSPACE, check_with, codes};

    /// The base workspace with a rule: clients.edit and calendars.edit apart.
    fn with_rule(per_client: bool, exceptions: &str) -> String {
        format!(
            "{WORKSPACE}\n[[separation]]\nname = \"Keep apart\"\nactions = [\"clients.edit\", \"settings.edit\"]\nper_client = {per_client}\nexceptions = [{exceptions}]\n"
        )
    }

    fn conflicts(workspace: &str, members: &str) -> Vec<String> {
        let checked = check_with(&[("workspace.toml", workspace), ("members.toml", members)]);
        checked.diagnostics.iter().filter(|d| d.code == "separation-of-duties").map(|d| d.message.clone()).collect()
    }

    #[test]
    fn a_member_holding_every_action_conflicts() {
        // claire is an admin: she holds clients.edit and settings.edit.
        let found = conflicts(&with_rule(false, ""), MEMBERS);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("member `claire` holds clients.edit = all (admin profile admin)"), "{found:?}");
        assert!(found[0].contains("\"Keep apart\""));
        // Nobody else holds settings.edit.
        assert!(found.iter().all(|f| !f.contains("`bob`") && !f.contains("`eve`")));
    }

    #[test]
    fn an_override_and_a_per_client_profile_count() {
        let ws = format!(
            "{WORKSPACE}\n[[separation]]\nname = \"Calendars\"\nactions = [\"clients.edit\", \"calendars.edit\"]\n"
        );
        // bob: user (clients.edit assigned, calendars.edit own) -> conflicts (own is above none).
        let found = conflicts(&ws, MEMBERS);
        assert!(found.iter().any(|f| f.contains("`bob`") && f.contains("calendars.edit = own")), "{found:?}");
    }

    #[test]
    fn per_client_rules_need_both_on_one_client() {
        // clients.edit is per client, settings.edit is not: bob never has settings.
        // Give bob settings.edit through eve's profile? No: an override on
        // calendars and clients: the rule on clients.edit and calendars.edit per client.
        let ws = format!(
            "{WORKSPACE}\n[[separation]]\nname = \"Per client\"\nactions = [\"clients.edit\", \"clients.view\"]\nper_client = true\n"
        );
        let found = conflicts(&ws, MEMBERS);
        // bob: assigned clients acme and globex: both on each.
        assert!(found.iter().any(|f| f.contains("`bob`") && f.contains("on acme, globex")), "{found:?}");
        // eve: contributor, all: every client.
        assert!(found.iter().any(|f| f.contains("`eve`") && f.contains("on every client")), "{found:?}");
        // Without assignments bob holds them on no client.
        let members =
            MEMBERS.replace("clients = [\"acme\", \"globex\"]\nclient_profiles = { acme = \"contributor\" }\n", "");
        let found = conflicts(&ws, &members);
        assert!(!found.iter().any(|f| f.contains("`bob`")), "{found:?}");
    }

    #[test]
    fn exceptions_excuse_until_their_last_day() {
        let today = crate::model::dates::judgement_date();
        let later = today.checked_add(jiff::Span::new().days(100)).expect("date");
        let earlier = today.checked_sub(jiff::Span::new().days(1)).expect("date");
        let soon = today.checked_add(jiff::Span::new().days(3)).expect("date");
        let excused = with_rule(false, &format!("{{ member = \"claire\", until = {later}, reason = \"interim\" }}"));
        assert_eq!(conflicts(&excused, MEMBERS), Vec::<String>::new());
        let forever = with_rule(false, "{ member = \"claire\", reason = \"the founder\" }");
        assert_eq!(conflicts(&forever, MEMBERS), Vec::<String>::new());
        let expired = with_rule(false, &format!("{{ member = \"claire\", until = {earlier}, reason = \"interim\" }}"));
        let found = conflicts(&expired, MEMBERS);
        assert_eq!(found.len(), 1);
        let checked = check_with(&[("workspace.toml", &expired)]);
        assert_eq!(codes(&checked), vec!["expired", "separation-of-duties"], "{:#?}", checked.diagnostics);
        assert!(found[0].contains(&format!("their exception ended on {earlier}")), "{found:?}");
        // Within the warning days: excused, and warned of.
        let ending = with_rule(false, &format!("{{ member = \"claire\", until = {soon}, reason = \"interim\" }}"));
        let checked = check_with(&[("workspace.toml", &ending)]);
        assert_eq!(codes(&checked), vec!["expires-soon"], "{:#?}", checked.diagnostics);
        // The last day still excuses.
        let last = with_rule(false, &format!("{{ member = \"claire\", until = {today}, reason = \"interim\" }}"));
        assert_eq!(conflicts(&last, MEMBERS), Vec::<String>::new());
    }

    #[test]
    fn bad_rules_are_located() {
        let ws = format!(
            "{WORKSPACE}\n[[separation]]\nname = \"Bad\"\nactions = [\"clients.edt\", \"nope.view\"]\nexceptions = [{{ member = \"clare\", reason = \"x\" }}]\n"
        );
        let checked = check_with(&[("workspace.toml", &ws)]);
        assert_eq!(codes(&checked), vec!["bad-value", "unknown-ref", "unknown-ref"], "{:#?}", checked.diagnostics);
        let one =
            format!("{WORKSPACE}\n[[separation]]\nname = \"One\"\nactions = [\"clients.edit\"]\nper_client = 1\n");
        let checked = check_with(&[("workspace.toml", &one)]);
        assert_eq!(codes(&checked), vec!["bad-value", "bad-value"], "{:#?}", checked.diagnostics);
        let missing = format!(
            "{WORKSPACE}\n[[separation]]\nactions = [\"clients.edit\", \"clients.view\"]\nexceptions = [{{ member = \"bob\" }}]\nother = 1\n"
        );
        let checked = check_with(&[("workspace.toml", &missing)]);
        let mut found: Vec<&str> = codes(&checked).into_iter().filter(|c| *c != "separation-of-duties").collect();
        found.sort_unstable();
        assert_eq!(found, vec!["missing-field", "missing-field", "unknown-key"], "{:#?}", checked.diagnostics);
    }
}
